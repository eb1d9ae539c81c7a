/*
 * receipt.c: the text of a receipt read into what it says (receipt.h).
 *
 * One pass cuts the text into lines. The currency comes first (its signs
 * and codes, counted over the whole text), since it says how many decimals
 * an amount has. Each line then has its money tokens read (OCR confusions
 * such as O/0, l/1, S/5 mended inside a token that is otherwise a number)
 * and its label found on its folded words ("total", "subtotal", "iva",
 * "troco", "qtd. total de itens"...). A label with no amount takes the
 * amount of the line below it, or, when OCR put the labels and the amounts
 * in two runs of lines, the amount at the same place in the next run.
 * Every amount on a total or payment line is a candidate; the arithmetic of
 * the other lines (subtotal + tax - discount, the sum of the items, cash -
 * change, the card payment) ranks them. Dates, the merchant and the items
 * come from the same lines. Everything lives in one thread-local context:
 * no allocation, no floating point, each pass linear in the lines.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/currency.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/lang.h"
#include "domain/receipt.h"

#define RL_MAX		2000		/* lines looked at */
#define RA_MAX		6000		/* money tokens kept */
#define RD_MAX		64		/* dates kept */
#define LINE_MAX	400		/* bytes of a line looked at */
#define RW_MAX		48		/* words of a folded line */
#define MAJOR_MAX	10000000000LL	/* 10^10 major units: beyond is no receipt */
#define HEAD_LINES	12		/* where a merchant's name may be */

/* What a line is about, by its words. */
enum lk { LK_NONE, LK_TOTAL, LK_SUBTOTAL, LK_TAX, LK_TIP, LK_CHANGE, LK_CASH,
	LK_DISCOUNT, LK_COUNT, LK_ROUND, LK_PAY, LK_SUMMARY, LK_INCL, LK_NKIND };

/* How a money token was written. */
enum ak { AK_DEC, AK_GRP, AK_INT };

enum {
	AF_NEG = 1 << 0,	/* "-5.00", "5.00-" */
	AF_MARK = 1 << 1,	/* a currency sign or code on it: "RM10.00", "$4.11" */
	AF_FIXED = 1 << 2,	/* OCR confusions mended */
	AF_SHORT = 1 << 3	/* one decimal: "86.0" */
};

enum {
	LF_DATE = 1 << 0,	/* a date label: "date", "data", "fecha" */
	LF_AFTER_SUMMARY = 1 << 1,	/* inside a tax summary table */
	LF_COUNTWORD = 1 << 2	/* a word of a count: "qty", "itens" */
};

struct ramt {
	int64_t		 v;		/* minor units of the document's currency */
	uint32_t	 off;		/* where it is in the text */
	uint16_t	 len;
	uint8_t		 kind;		/* enum ak */
	uint8_t		 flags;
};

struct rline {
	uint32_t	 off;
	uint16_t	 len;		/* at most LINE_MAX */
	uint16_t	 na;		/* its money tokens: c->a[a0..a0+na) */
	uint32_t	 a0;
	int32_t		 link;		/* the line whose amount this label takes, -1 */
	int16_t		 tscore;	/* how much a total label says it is the total */
	uint8_t		 label;		/* enum lk */
	uint8_t		 flags;
	uint8_t		 item;		/* 1: read as a line item, 2: its words */
	uint8_t		 ndec;		/* money tokens with decimals */
};

struct rdate {
	long		 a, b, y;	/* as printed: a/b/y (numeric) or y-m-d (iso) */
	uint32_t	 line;
	int		 score;
	uint8_t		 ambiguous;	/* numeric day and month not told apart by form */
	uint8_t		 iso;		/* a is the month, b the day */
};

struct rctx {
	const char	*text;
	size_t		 len;
	int		 lang;		/* enum lang */
	const char	*usercur;
	char		 cur[4];	/* the receipt's own currency, "" */
	const char	*amtcur;	/* the one amounts are read in */
	int		 minor;
	long		 today, ty;
	struct rline	 l[RL_MAX];
	size_t		 nl;
	struct ramt	 a[RA_MAX];
	size_t		 na;
	struct rdate	 d[RD_MAX];
	size_t		 nd;
	int		 any_dec;	/* some token has decimals */
	size_t		 items_end;	/* first line of the totals */
};

/* A line folded for its words: lower-case ASCII, accents dropped, digits kept. */
struct fline {
	char		 buf[LINE_MAX + RW_MAX + 2];
	uint16_t	 wo[RW_MAX];
	uint8_t		 wl[RW_MAX];
	size_t		 nw;
};

/* ---- tables ---- */

enum { PF_FUZZY = 1 };	/* words of 5+ letters may have one OCR slip */

struct label {
	const char	*phrase;	/* folded words */
	uint8_t		 kind;		/* enum lk */
	uint8_t		 flags;
	int16_t		 score;		/* for totals and payments */
};

static const struct label labels[] = {
	/* totals, strongest first */
	{ "grand total", LK_TOTAL, PF_FUZZY, 100 }, { "total a pagar", LK_TOTAL, PF_FUZZY, 100 },
	{ "valor a pagar", LK_TOTAL, PF_FUZZY, 100 }, { "total pagar", LK_TOTAL, PF_FUZZY, 95 },
	{ "a pagar", LK_TOTAL, PF_FUZZY, 90 }, { "amount due", LK_TOTAL, PF_FUZZY, 100 },
	{ "balance due", LK_TOTAL, PF_FUZZY, 95 }, { "total due", LK_TOTAL, PF_FUZZY, 100 },
	{ "to pay", LK_TOTAL, 0, 85 }, { "importe total", LK_TOTAL, PF_FUZZY, 95 },
	{ "total general", LK_TOTAL, PF_FUZZY, 95 }, { "total geral", LK_TOTAL, PF_FUZZY, 95 },
	{ "total amount", LK_TOTAL, PF_FUZZY, 90 }, { "amount payable", LK_TOTAL, PF_FUZZY, 95 },
	{ "total payable", LK_TOTAL, PF_FUZZY, 95 }, { "net payable", LK_TOTAL, PF_FUZZY, 90 },
	{ "monto total", LK_TOTAL, PF_FUZZY, 95 }, { "total final", LK_TOTAL, PF_FUZZY, 95 },
	{ "total venta", LK_TOTAL, PF_FUZZY, 90 }, { "total compra", LK_TOTAL, PF_FUZZY, 90 },
	{ "total factura", LK_TOTAL, PF_FUZZY, 90 }, { "total nota", LK_TOTAL, PF_FUZZY, 90 },
	{ "total cupom", LK_TOTAL, PF_FUZZY, 90 }, { "total ticket", LK_TOTAL, PF_FUZZY, 90 },
	{ "nett total", LK_TOTAL, PF_FUZZY, 80 }, { "net total", LK_TOTAL, PF_FUZZY, 80 },
	{ "total sales", LK_TOTAL, PF_FUZZY, 75 }, { "valor total", LK_TOTAL, PF_FUZZY, 75 },
	{ "total", LK_TOTAL, PF_FUZZY, 70 }, { "ttl", LK_TOTAL, 0, 65 },
	{ "pagar", LK_TOTAL, 0, 60 },
	{ "importe", LK_TOTAL, PF_FUZZY, 45 }, { "suma", LK_TOTAL, 0, 40 },
	{ "soma", LK_TOTAL, 0, 40 }, { "amount", LK_TOTAL, PF_FUZZY, 25 },
	/* a total that says it holds the tax */
	{ "inclusive", LK_INCL, PF_FUZZY, 0 }, { "incl", LK_INCL, 0, 0 },
	{ "including", LK_INCL, PF_FUZZY, 0 }, { "con iva", LK_INCL, 0, 0 },
	{ "iva incluido", LK_INCL, 0, 0 }, { "impuestos incluidos", LK_INCL, 0, 0 },
	/* parts of the total */
	{ "subtotal", LK_SUBTOTAL, PF_FUZZY, 0 }, { "sub total", LK_SUBTOTAL, PF_FUZZY, 0 },
	{ "sub tot", LK_SUBTOTAL, 0, 0 }, { "subtot", LK_SUBTOTAL, 0, 0 },
	{ "sttl", LK_SUBTOTAL, 0, 0 }, { "sub ttl", LK_SUBTOTAL, 0, 0 },
	{ "total parcial", LK_SUBTOTAL, PF_FUZZY, 0 }, { "exclude", LK_SUBTOTAL, PF_FUZZY, 0 },
	{ "excluding", LK_SUBTOTAL, PF_FUZZY, 0 }, { "excl", LK_SUBTOTAL, 0, 0 },
	{ "exclusive", LK_SUBTOTAL, PF_FUZZY, 0 }, { "before tax", LK_SUBTOTAL, 0, 0 },
	{ "sin iva", LK_SUBTOTAL, 0, 0 }, { "base imponible", LK_SUBTOTAL, 0, 0 },
	{ "tax", LK_TAX, 0, 0 }, { "taxes", LK_TAX, 0, 0 }, { "vat", LK_TAX, 0, 0 },
	{ "gst", LK_TAX, 0, 0 }, { "sst", LK_TAX, 0, 0 }, { "hst", LK_TAX, 0, 0 },
	{ "pst", LK_TAX, 0, 0 }, { "iva", LK_TAX, 0, 0 }, { "icms", LK_TAX, 0, 0 },
	{ "iss", LK_TAX, 0, 0 }, { "igv", LK_TAX, 0, 0 }, { "impuesto", LK_TAX, 0, 0 },
	{ "impuestos", LK_TAX, 0, 0 }, { "imposto", LK_TAX, 0, 0 },
	{ "impostos", LK_TAX, 0, 0 }, { "tributos", LK_TAX, 0, 0 },
	{ "tributo", LK_TAX, 0, 0 }, { "trib", LK_TAX, 0, 0 },
	{ "tip", LK_TIP, 0, 0 }, { "tips", LK_TIP, 0, 0 }, { "gratuity", LK_TIP, 0, 0 },
	{ "gorjeta", LK_TIP, 0, 0 }, { "propina", LK_TIP, 0, 0 },
	{ "service charge", LK_TIP, 0, 0 }, { "taxa de servico", LK_TIP, 0, 0 },
	{ "servico", LK_TIP, 0, 0 }, { "servicio", LK_TIP, 0, 0 }, { "svc", LK_TIP, 0, 0 },
	{ "svc chg", LK_TIP, 0, 0 }, { "service chg", LK_TIP, 0, 0 },
	{ "change", LK_CHANGE, 0, 0 }, { "troco", LK_CHANGE, 0, 0 },
	{ "cambio", LK_CHANGE, 0, 0 }, { "vuelto", LK_CHANGE, 0, 0 },
	{ "vueltas", LK_CHANGE, 0, 0 }, { "su cambio", LK_CHANGE, 0, 0 },
	{ "cash", LK_CASH, 0, 0 }, { "tendered", LK_CASH, 0, 0 },
	{ "dinheiro", LK_CASH, 0, 0 }, { "efectivo", LK_CASH, 0, 0 },
	{ "recibido", LK_CASH, 0, 0 }, { "entregue", LK_CASH, 0, 0 },
	{ "pago con", LK_CASH, 0, 0 }, { "valor recebido", LK_CASH, 0, 0 },
	{ "discount", LK_DISCOUNT, PF_FUZZY, 0 }, { "discounts", LK_DISCOUNT, PF_FUZZY, 0 },
	{ "desconto", LK_DISCOUNT, PF_FUZZY, 0 }, { "descontos", LK_DISCOUNT, PF_FUZZY, 0 },
	{ "descuento", LK_DISCOUNT, PF_FUZZY, 0 }, { "descuentos", LK_DISCOUNT, PF_FUZZY, 0 },
	{ "dto", LK_DISCOUNT, 0, 0 }, { "desc", LK_DISCOUNT, 0, 0 },
	{ "savings", LK_DISCOUNT, 0, 0 }, { "you saved", LK_DISCOUNT, 0, 0 },
	{ "ahorro", LK_DISCOUNT, 0, 0 }, { "economia", LK_DISCOUNT, 0, 0 },
	{ "promo", LK_DISCOUNT, 0, 0 }, { "promocao", LK_DISCOUNT, 0, 0 },
	{ "promocion", LK_DISCOUNT, 0, 0 }, { "coupon", LK_DISCOUNT, 0, 0 },
	{ "items", LK_COUNT, 0, 0 }, { "item", LK_COUNT, 0, 0 }, { "itens", LK_COUNT, 0, 0 },
	{ "artigos", LK_COUNT, 0, 0 }, { "articulos", LK_COUNT, 0, 0 },
	{ "qty", LK_COUNT, 0, 0 }, { "qtd", LK_COUNT, 0, 0 }, { "qtde", LK_COUNT, 0, 0 },
	{ "quantity", LK_COUNT, 0, 0 }, { "quantidade", LK_COUNT, 0, 0 },
	{ "cantidad", LK_COUNT, 0, 0 }, { "unidades", LK_COUNT, 0, 0 },
	{ "totqty", LK_COUNT, 0, 0 }, { "pcs", LK_COUNT, 0, 0 }, { "volumes", LK_COUNT, 0, 0 },
	{ "rounding", LK_ROUND, PF_FUZZY, 0 }, { "round", LK_ROUND, 0, 0 },
	{ "arredondamento", LK_ROUND, 0, 0 }, { "redondeo", LK_ROUND, 0, 0 },
	{ "adjustment", LK_ROUND, 0, 0 },
	/* how it was paid: the amount there is the total, as a rule */
	{ "valor pago", LK_PAY, 0, 60 }, { "amount paid", LK_PAY, 0, 60 },
	{ "total paid", LK_PAY, 0, 60 }, { "paid", LK_PAY, 0, 45 },
	{ "pagado", LK_PAY, 0, 45 }, { "pago", LK_PAY, 0, 40 }, { "visa", LK_PAY, 0, 45 },
	{ "mastercard", LK_PAY, PF_FUZZY, 45 }, { "master", LK_PAY, 0, 45 },
	{ "amex", LK_PAY, 0, 45 }, { "maestro", LK_PAY, 0, 45 }, { "elo", LK_PAY, 0, 40 },
	{ "card", LK_PAY, 0, 45 }, { "credit", LK_PAY, 0, 40 }, { "debit", LK_PAY, 0, 40 },
	{ "cartao", LK_PAY, 0, 45 }, { "credito", LK_PAY, 0, 40 },
	{ "debito", LK_PAY, 0, 40 }, { "tarjeta", LK_PAY, 0, 45 }, { "pix", LK_PAY, 0, 45 },
	{ "payment", LK_PAY, 0, 35 }, { "pagamento", LK_PAY, 0, 35 },
	{ "eftpos", LK_PAY, 0, 45 }, { "contactless", LK_PAY, 0, 40 },
	{ "summary", LK_SUMMARY, 0, 0 }, { "resumo", LK_SUMMARY, 0, 0 },
	{ "resumen", LK_SUMMARY, 0, 0 },
};
#define NLABELS	(sizeof(labels) / sizeof(labels[0]))

/* Words that make a line a date's. */
static const char *const date_words[] = { "date", "data", "fecha", "dt", "emissao",
	"emision", "emitido", "emitida", "issued", "dated", "dia", NULL };
/* Words that make a line's date some other date than the sale's. */
static const char *const other_date_words[] = { "consulta", "vencimento", "venc", "due",
	"vence", "vencimiento", "validade", "valid", "validez", "exp", "expiry", "expires",
	"nascimento", "order", "pedido", "period", "periodo", "until", "ate", "hasta",
	"check", "out", NULL };

/* Lines that are never the merchant's name. */
static const char *const head_noise[] = { "tax invoice", "invoice", "receipt", "recibo",
	"cupom", "cupon", "nota fiscal", "nfc e", "nfce", "danfe", "copy", "copia", "via",
	"welcome", "bem vindo", "bienvenido", "bienvenidos", "thank", "thanks", "obrigado",
	"gracias", "documento", "consulta", "original", "duplicate", "simplified", "factura",
	"ticket", "cashier", "caixa", "operador", "cajero", "date", "data", "fecha", "time",
	"hora", "table", "mesa", "order", "pedido", "guest", "server", "bill to", "ship",
	"customer", "cliente", "consumidor", "payment", "statement", "account", "conta",
	"retail invoice", "sold by", "page", "pagina", "summary", "extrato", "comprobante",
	"boleta", "ticket de venta", "sale", "sales", "venta", "venda", "auxiliar", NULL };
static const char *const head_id[] = { "cnpj", "cpf", "cuit", "rfc", "nif", "cif", "nit",
	"ruc", "roc", "gst", "vat", "reg", "registration", "company no", "co no", "ie",
	"inscricao", "insc", "estadual", "municipal", "abn", "tin", "gstin", "cin", "ein",
	"tel", "tel no", "telefone", "telefono", "phone", "fone", "fax", "email", "mail",
	"www", "http", "https", "com", "whatsapp", NULL };
static const char *const head_addr[] = { "rua", "r", "av", "avenida", "avda", "calle",
	"c", "carrera", "cra", "jalan", "jln", "street", "st", "road", "rd", "avenue", "ave",
	"blvd", "boulevard", "lot", "no", "taman", "bandar", "cep", "zip", "andar", "loja",
	"sala", "bairro", "piso", "local", "km", "plaza", "lote", "quadra", "qd", "conj",
	"rodovia", "rod", "estrada", "travessa", "praca", "paseo", "colonia", "col",
	"suite", "floor", "unit", "centro", "lane", "drive", "dr", "highway", "hwy", NULL };
/* Words of a company's name. */
static const char *const head_company[] = { "sdn", "bhd", "ltda", "ltd", "limited", "inc",
	"llc", "corp", "gmbh", "eireli", "me", "epp", "sa", "s a", "sl", "s l", "sas", "srl",
	"cia", "companhia", "compania", "company", "comercio", "industria", "enterprise",
	"enterprises", "trading", "restaurant", "restaurante", "cafe", "coffee", "market",
	"mercado", "supermercado", "supermercados", "farmacia", "pharmacy", "drogaria",
	"store", "shop", "bakery", "bakeries", "padaria", "panaderia", "stationery",
	"hardware", "hotel", "grocer", "grocery", "marketing", "books", "mart",
	"services", "tienda", "posto", "bar", "lanchonete", "pizzaria", NULL };

/* Currency signs and codes written on receipts. */
struct curmark {
	const char	*mark;
	const char	*code;		/* NULL: "$", resolved by the user's currency */
	uint8_t		 word;		/* must stand alone or before a digit */
	uint8_t		 strength;
};

static const struct curmark curmarks[] = {
	{ "R$", "BRL", 0, 3 }, { "US$", "USD", 0, 3 }, { "U$", "USD", 0, 3 },
	{ "MX$", "MXN", 0, 3 }, { "CA$", "CAD", 0, 3 }, { "C$", "CAD", 0, 2 },
	{ "A$", "AUD", 0, 2 }, { "S$", "SGD", 0, 2 }, { "HK$", "HKD", 0, 3 },
	{ "\xe2\x82\xac", "EUR", 0, 3 }, { "\xc2\xa3", "GBP", 0, 3 },
	{ "\xe2\x82\xb9", "INR", 0, 3 }, { "\xc2\xa5", "JPY", 0, 2 },
	{ "\xe2\x82\xb1", "PHP", 0, 3 }, { "S/", "PEN", 1, 2 },
	{ "RM", "MYR", 1, 2 }, { "Rp", "IDR", 1, 2 }, { "Rs", "INR", 1, 2 },
	{ "Rs.", "INR", 1, 2 }, { "USD", "USD", 1, 3 }, { "BRL", "BRL", 1, 3 },
	{ "EUR", "EUR", 1, 3 }, { "GBP", "GBP", 1, 3 }, { "MXN", "MXN", 1, 3 },
	{ "ARS", "ARS", 1, 3 }, { "COP", "COP", 1, 3 }, { "CLP", "CLP", 1, 3 },
	{ "PEN", "PEN", 1, 3 }, { "UYU", "UYU", 1, 3 }, { "MYR", "MYR", 1, 3 },
	{ "INR", "INR", 1, 3 }, { "IDR", "IDR", 1, 3 }, { "JPY", "JPY", 1, 3 },
	{ "CAD", "CAD", 1, 3 }, { "AUD", "AUD", 1, 3 }, { "CHF", "CHF", 1, 3 },
	{ "SGD", "SGD", 1, 3 }, { "PHP", "PHP", 1, 3 }, { "$", NULL, 0, 1 },
};
#define NCURMARKS	(sizeof(curmarks) / sizeof(curmarks[0]))

/* Currencies written with "$" by their own people. */
static const char *const dollar_sign[] = { "USD", "CAD", "AUD", "NZD", "SGD", "HKD",
	"TWD", "MXN", "ARS", "COP", "CLP", "UYU", "DOP", "CUP", "BSD", "BBD", "BZD", "JMD",
	"TTD", "XCD", "FJD", "BMD", "KYD", NULL };
/* Currencies of the countries that write month/day. */
static const char *const md_order[] = { "USD", "PHP", NULL };

static const struct { const char *word; int m; } months[] = {
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
	{ "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
	{ "november", 11 }, { "december", 12 },
	{ "janeiro", 1 }, { "fevereiro", 2 }, { "marco", 3 }, { "abril", 4 }, { "maio", 5 },
	{ "junho", 6 }, { "julho", 7 }, { "agosto", 8 }, { "setembro", 9 }, { "outubro", 10 },
	{ "novembro", 11 }, { "dezembro", 12 },
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "mayo", 5 }, { "junio", 6 },
	{ "julio", 7 }, { "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
	{ "noviembre", 11 }, { "diciembre", 12 },
	{ "jan", 1 }, { "feb", 2 }, { "fev", 2 }, { "mar", 3 }, { "apr", 4 }, { "abr", 4 },
	{ "mai", 5 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "ago", 8 }, { "sep", 9 },
	{ "sept", 9 }, { "set", 9 }, { "oct", 10 }, { "out", 10 }, { "nov", 11 },
	{ "dec", 12 }, { "dez", 12 }, { "dic", 12 }, { "ene", 1 },
};

/* ---- small helpers ---- */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || is_upper(c);
}

static int
in_list(const char *const *list, const char *code)
{
	for (; *list; list++)
		if (strcmp(*list, code) == 0)
			return 1;
	return 0;
}

/* Latin-1 letters (after 0xC3) to their base letter, lower case; 0 for none. */
static const char latin1_base[64] =
	"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";

/*
 * Fold the line [s, s+n) into f: words of lower-case ASCII letters and
 * digits; runs of three or more one-letter words ("T O T A L") joined.
 */
static void
fold_line(const char *s, size_t n, struct fline *f)
{
	uint16_t wo[RW_MAX];
	uint8_t	 wl[RW_MAX];
	char	 tmp[LINE_MAX + 1];
	size_t	 i = 0, t = 0, nw = 0, k, o = 0;
	int	 inword = 0;

	if (n > LINE_MAX)
		n = LINE_MAX;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		char c = 0;

		if (ch < 0x80) {
			if (is_alpha(ch))
				c = (char)(ch | 0x20);
			else if (is_digit(ch))
				c = (char)ch;
			i++;
		} else if (ch == 0xC3 && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			c = latin1_base[(unsigned char)s[i + 1] - 0x80];
			i += 2;
		} else {
			i++;
			while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
		}
		if (c == 0) {
			inword = 0;
			continue;
		}
		if (!inword) {
			if (nw == RW_MAX)
				break;
			wo[nw] = (uint16_t)t;
			wl[nw++] = 0;
			inword = 1;
		}
		tmp[t++] = c;
		wl[nw - 1]++;
	}
	f->nw = 0;
	for (k = 0; k < nw;) {
		size_t run = 0, j;

		while (k + run < nw && wl[k + run] == 1 && !is_digit(tmp[wo[k + run]]))
			run++;
		if (run >= 3) {
			f->wo[f->nw] = (uint16_t)o;
			for (j = 0; j < run; j++)
				f->buf[o++] = tmp[wo[k + j]];
			f->wl[f->nw++] = (uint8_t)run;
			f->buf[o++] = ' ';
			k += run;
			continue;
		}
		f->wo[f->nw] = (uint16_t)o;
		memcpy(f->buf + o, tmp + wo[k], wl[k]);
		o += wl[k];
		f->wl[f->nw++] = wl[k];
		f->buf[o++] = ' ';
		k++;
	}
	f->buf[o] = '\0';
}

/* c (from OCR text) may stand for the letter p. */
static int
char_like(char c, char p)
{
	if (c == p)
		return 1;
	switch (p) {
	case 'o':
		return c == '0';
	case 'l':
	case 'i':
		return c == '1' || c == 'l' || c == 'i';
	case 's':
		return c == '5';
	case 'b':
		return c == '8';
	case 'a':
		return c == '4';
	default:
		return 0;
	}
}

/* Word w (OCR) is the word p: equal but for confusions, or one slip when fuzzy. */
static int
word_like(const char *w, size_t wl, const char *p, size_t pl, int fuzzy)
{
	size_t	 i, j, bad = 0;

	if (wl == pl) {
		for (i = 0; i < pl; i++)
			bad += !char_like(w[i], p[i]);
		return bad == 0 || (fuzzy && pl >= 5 && bad == 1 && char_like(w[0], p[0]));
	}
	if (!fuzzy || pl < 5 || !char_like(w[0], p[0]))
		return 0;
	if (wl + 1 == pl || wl == pl + 1) {
		/* one letter dropped or added */
		for (i = j = 0; i < wl && j < pl;) {
			if (char_like(w[i], p[j])) {
				i++;
				j++;
			} else if (++bad > 1) {
				return 0;
			} else if (wl < pl) {
				j++;
			} else {
				i++;
			}
		}
		return 1;
	}
	return 0;
}

/* The folded phrase p (space-separated words) at word k of f; 1 if it is there. */
static int
phrase_at(const struct fline *f, size_t k, const char *p, int fuzzy)
{
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t pl = e ? (size_t)(e - p) : strlen(p);

		if (k >= f->nw || !word_like(f->buf + f->wo[k], f->wl[k], p, pl, fuzzy))
			return 0;
		k++;
		p += pl;
		if (*p == ' ')
			p++;
	}
	return 1;
}

static int
phrase_in(const struct fline *f, const char *p, int fuzzy)
{
	size_t k;

	for (k = 0; k < f->nw; k++)
		if (phrase_at(f, k, p, fuzzy))
			return 1;
	return 0;
}

static int
any_in(const struct fline *f, const char *const *list)
{
	for (; *list; list++)
		if (phrase_in(f, *list, 0))
			return 1;
	return 0;
}

static size_t
letters(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC0;
	return k;
}

static size_t
digits(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += is_digit((unsigned char)s[i]);
	return k;
}

/* ---- lines ---- */

static void
cut_lines(struct rctx *c)
{
	size_t i = 0;

	c->nl = 0;
	while (i < c->len && c->nl < RL_MAX) {
		size_t s = i;

		while (i < c->len && c->text[i] != '\n' && c->text[i] != '\r')
			i++;
		if (i > s) {
			c->l[c->nl].off = (uint32_t)s;
			c->l[c->nl].len = (uint16_t)(i - s > LINE_MAX ? LINE_MAX : i - s);
			c->l[c->nl].link = -1;
			c->nl++;
		}
		while (i < c->len && (c->text[i] == '\n' || c->text[i] == '\r'))
			i++;
	}
}

/* ---- currency ---- */

/*
 * An amount at p, after at most maxsp spaces: digits, maybe a decimal part,
 * and then no "/" or "-" of a date or a code. 2 when it has cents, 1 when
 * not, 0 when there is none.
 */
static int
money_follows(const char *p, size_t n, size_t maxsp)
{
	size_t i = 0, d = 0, after = 0;
	int	 sep = 0;

	while (i < n && i < maxsp && p[i] == ' ')
		i++;
	while (i < n && (is_digit((unsigned char)p[i]) || ((p[i] == '.' || p[i] == ',') &&
	    i + 1 < n && is_digit((unsigned char)p[i + 1])))) {
		if (is_digit((unsigned char)p[i])) {
			d++;
			after++;
		} else {
			sep = 1;
			after = 0;
		}
		i++;
	}
	if (d == 0 || (i < n && (p[i] == '/' || p[i] == '-' || is_alpha((unsigned char)p[i]))))
		return 0;
	return sep && after == 2 ? 2 : 1;
}

/*
 * The receipt's own currency: the sign or code written most (a code over
 * "$"); "$" alone is the user's currency when theirs is written with "$",
 * else USD. "RS" before an amount is R$ as OCR reads it, for a pt or BRL user.
 */
static void
find_currency(struct rctx *c)
{
	int	 score[NCURMARKS];
	size_t	 i, k, best = NCURMARKS;
	int	 rs = 0;

	memset(score, 0, sizeof(score));
	for (i = 0; i < c->len; i++) {
		const char *p = c->text + i;
		size_t left = c->len - i;
		int before_ok = i == 0 || !is_alpha((unsigned char)p[-1]);

		if (before_ok && left >= 3 && p[0] == 'R' && (p[1] == 'S' || p[1] == '5') &&
		    money_follows(p + 2, left - 2, 60))
			rs++;
		for (k = 0; k < NCURMARKS; k++) {
			size_t ml = strlen(curmarks[k].mark);

			if (ml > left || memcmp(p, curmarks[k].mark, ml) != 0)
				continue;
			if (curmarks[k].word && (!before_ok || (ml < left &&
			    is_alpha((unsigned char)p[ml]))))
				continue;
			/*
			 * A sign counts before an amount ("$4.11", "R$ 84,52"; "$" only
			 * before one with cents: "India - $60067" is OCR's), and the euro
			 * after one ("12,50 €").
			 */
			if (!curmarks[k].word && money_follows(p + ml, left - ml, 1) <
			    (curmarks[k].code == NULL ? 2 : 1) &&
			    !(strcmp(curmarks[k].code ? curmarks[k].code : "", "EUR") == 0 &&
			    i >= 2 && (is_digit((unsigned char)p[-1]) ||
			    (p[-1] == ' ' && is_digit((unsigned char)p[-2])))))
				continue;
			if (strcmp(curmarks[k].mark, "Rs") == 0 && !money_follows(p + ml, left - ml, 1))
				continue;
			score[k] += curmarks[k].strength;
			i += ml - 1;	/* "R$" holds no "$" of its own */
			break;
		}
	}
	for (k = 0; k < NCURMARKS; k++) {
		if (score[k] == 0)
			continue;
		if (best == NCURMARKS || score[k] > score[best] ||
		    (score[k] == score[best] && curmarks[k].strength > curmarks[best].strength))
			best = k;
	}
	c->cur[0] = '\0';
	if (best == NCURMARKS) {
		if (rs > 0 && (c->lang == LANG_PT || strcmp(c->usercur, "BRL") == 0))
			memcpy(c->cur, "BRL", 4);
		return;
	}
	if (curmarks[best].code == NULL) {
		if (rs > 0 && (c->lang == LANG_PT || strcmp(c->usercur, "BRL") == 0))
			memcpy(c->cur, "BRL", 4);
		else if (in_list(dollar_sign, c->usercur))
			memcpy(c->cur, c->usercur, 4);
		else
			memcpy(c->cur, "USD", 4);
		return;
	}
	memcpy(c->cur, curmarks[best].code, 4);
}

/* ---- money tokens ---- */

/* A digit an OCR engine may have read as a letter; -1 for none. */
static int
digit_like(int ch)
{
	switch (ch) {
	case 'O': case 'o': case 'D': case 'Q':
		return '0';
	case 'I': case 'l': case '|': case 'i': case '!': case ']':
		return '1';
	case 'S': case 's':
		return '5';
	case 'B':
		return '8';
	case 'Z': case 'z':
		return '2';
	default:
		return -1;
	}
}

static int64_t
pow10i(int k)
{
	int64_t v = 1;

	while (k-- > 0)
		v *= 10;
	return v;
}

/*
 * The number in core[0..n) (digits and separators only) in minor units:
 * "1.234,56", "1,234.56", "12.50", "174,600" (three digits after the only
 * kind of separator: thousands), "1 234" is two tokens. 0, or -1 when it is
 * no amount (a code with leading zeros, a quantity "0,804", four decimals).
 */
static int
parse_core(const char *core, size_t n, int minor, int64_t *v, uint8_t *kind, uint8_t *flags)
{
	size_t	 i, nsep = 0, last = 0, k, g = 0, groups = 0;
	char	 dec = 0, grp = 0;
	int64_t	 major = 0, frac = 0;
	int	 fd = 0;

	for (i = 0; i < n; i++)
		if (!is_digit((unsigned char)core[i])) {
			nsep++;
			last = i;
		}
	if (n == 0 || !is_digit((unsigned char)core[0]) || !is_digit((unsigned char)core[n - 1]))
		return -1;
	if (nsep == 0) {
		if (n > 10 || (n > 1 && core[0] == '0'))
			return -1;
		for (i = 0; i < n; i++)
			major = major * 10 + (core[i] - '0');
		*kind = AK_INT;
		goto value;
	}
	k = n - last - 1;
	if (k == 1 || k == 2 || (k == 3 && minor == 3)) {
		dec = core[last];
		if (dec == '\'')
			return -1;
	} else if (k == 3) {
		grp = core[last];
	} else {
		return -1;
	}
	for (i = 0; i < n; i++) {
		char ch = core[i];

		if (is_digit((unsigned char)ch)) {
			if (dec && i > last) {
				frac = frac * 10 + (ch - '0');
				fd++;
				continue;
			}
			if (major > MAJOR_MAX)
				return -1;
			major = major * 10 + (ch - '0');
			g++;
			continue;
		}
		if (i == last && dec)
			continue;
		/* a thousands separator: one kind, groups of three after the first */
		if (grp == 0)
			grp = ch;
		if (ch != grp || ch == dec || (groups == 0 ? (g == 0 || g > 3) : g != 3))
			return -1;
		if (groups == 0 && g > 1 && core[0] == '0')
			return -1;
		groups++;
		g = 0;
	}
	if (groups > 0 && g != 3)
		return -1;
	if (dec == 0) {
		/* "0,804": a quantity with three decimals, not thousands */
		if (core[0] == '0')
			return -1;
		*kind = AK_GRP;
	} else {
		*kind = AK_DEC;
		if (fd == 1)
			*flags |= AF_SHORT;
		if (groups == 0 && g > 1 && core[0] == '0')
			return -1;
	}
value:
	if (major > MAJOR_MAX)
		return -1;
	if (fd > minor) {
		int64_t drop = pow10i(fd - minor);

		if (frac % drop != 0)
			return -1;	/* cents of a currency without them */
		frac /= drop;
		fd = minor;
	}
	*v = major * pow10i(minor) + frac * pow10i(minor - fd);
	return 0;
}

/* Prefixes a number may carry glued to it: currency signs, "x", "@". */
static const char *const num_prefix[] = { "R$", "US$", "U$", "MX$", "RM", "Rp", "Rs.",
	"Rs", "S/", "$", "\xe2\x82\xac", "\xc2\xa3", "\xe2\x82\xb9", "\xc2\xa5", "x", "X",
	"@", "(", "=", ":", "#", NULL };

/*
 * One word [s, s+n) of a line as money: 0 with *a set, or -1. A word may
 * carry a currency sign before it, a minus before or after it, a tax code
 * after it ("13.40SR"); letters an OCR engine reads for digits are mended
 * in a word that has a decimal part and real digits.
 */
static int
word_money(struct rctx *c, const char *s, size_t n, struct ramt *a)
{
	char	 core[32];
	size_t	 i, k, cn = 0, real = 0, fixed = 0;
	int	 again = 1;

	a->flags = 0;
	/* quotes OCR puts around a number: ' " and the typographic ones */
	while (n > 0 && (s[0] == '\'' || s[0] == '"')) {
		s++;
		n--;
	}
	while (n >= 3 && (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9d) {
		s += 3;
		n -= 3;
	}
	while (again && n > 0) {
		const char *const *p;

		again = 0;
		if (s[0] == '-' || s[0] == '+') {
			if (s[0] == '-')
				a->flags |= AF_NEG;
			s++;
			n--;
			again = 1;
			continue;
		}
		for (p = num_prefix; *p; p++) {
			size_t pl = strlen(*p);

			if (pl < n && memcmp(s, *p, pl) == 0) {
				if (pl > 1 || (**p != 'x' && **p != 'X' && **p != '@' &&
				    **p != '(' && **p != '=' && **p != ':' && **p != '#'))
					a->flags |= AF_MARK;
				s += pl;
				n -= pl;
				again = 1;
				break;
			}
		}
	}
	/* trailing marks: "-", ")", "€", a tax code of up to two capitals */
	while (n > 0) {
		if (s[n - 1] == '-') {
			a->flags |= AF_NEG;
			n--;
		} else if (s[n - 1] == ')' || s[n - 1] == '*' || s[n - 1] == ':' ||
		    s[n - 1] == ';') {
			n--;
		} else if (n >= 3 && memcmp(s + n - 3, "\xe2\x82\xac", 3) == 0) {
			a->flags |= AF_MARK;
			n -= 3;
		} else if (s[n - 1] == '"' || s[n - 1] == '\'') {
			n--;
		} else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 &&
		    (unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] >= 0x98 &&
		    (unsigned char)s[n - 1] <= 0x9d) {
			n -= 3;
		} else {
			break;
		}
	}
	/* a tax code after the cents ("13.40SR"), not a unit ("1,5L") */
	for (k = 0; k < 2 && n > 1 && is_upper((unsigned char)s[n - 1]) &&
	    digit_like((unsigned char)s[n - 1]) < 0; k++)
		n--;
	if (n == 0 || n >= sizeof(core) || s[n - 1] == '%')
		return -1;
	if (k > 0 && (n < 4 || (s[n - 3] != '.' && s[n - 3] != ',')))
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int d;

		if (is_digit(ch)) {
			core[cn++] = (char)ch;
			real++;
		} else if (ch == '.' || ch == ',' || ch == '\'') {
			core[cn++] = (char)ch;
		} else if ((d = digit_like(ch)) >= 0) {
			core[cn++] = (char)d;
			fixed++;
		} else {
			return -1;
		}
	}
	if (fixed > 0) {
		/* mend only "4O.OO"-like words: real digits and a decimal part */
		if (real == 0 || fixed > real || cn < 4 || !(core[cn - 3] == '.' ||
		    core[cn - 3] == ','))
			return -1;
		a->flags |= AF_FIXED;
	}
	if (parse_core(core, cn, c->minor, &a->v, &a->kind, &a->flags) == -1)
		return -1;
	return 0;
}

static int
word_sep(unsigned char ch)
{
	return ch == ' ' || ch == '\t' || ch == '(' || ch == ')' || ch == '[' || ch == '=' ||
	    ch == '"' || ch == ';' || ch == '{' || ch == '}' || ch == '~' || ch == '_';
}

/* Append a money token of line li at [off, off+len). */
static void
add_amount(struct rctx *c, size_t li, size_t off, size_t len, const struct ramt *a)
{
	struct ramt *t;

	if (c->na >= RA_MAX)
		return;
	t = &c->a[c->na++];
	*t = *a;
	t->off = (uint32_t)off;
	t->len = (uint16_t)len;
	c->l[li].na++;
	if (a->kind == AK_DEC) {
		c->l[li].ndec++;
		c->any_dec = 1;
	}
}

/*
 * The money tokens of line li. A word that ends in "," or "." and a next
 * word of two digits are one token ("84, 52"), as are a number and a next
 * word ",52"; a word with "/" or ":" inside (dates, times) is none, nor one
 * right after a "%" or a "x" of a quantity.
 */
static void
line_amounts(struct rctx *c, size_t li)
{
	struct rline *l = &c->l[li];
	const char *s = c->text + l->off;
	size_t	 n = l->len, i = 0;

	l->a0 = (uint32_t)c->na;
	l->na = 0;
	l->ndec = 0;
	while (i < n) {
		size_t ws, we, je;
		char	 buf[40];
		struct ramt a;

		while (i < n && word_sep((unsigned char)s[i]))
			i++;
		ws = i;
		/* "Total:436.20": a colon after a letter ends a word; "11:05" is one */
		while (i < n && !word_sep((unsigned char)s[i]) && !(s[i] == ':' && i > ws &&
		    !is_digit((unsigned char)s[i - 1])))
			i++;
		if (i < n && s[i] == ':' && i == ws)
			i++;
		we = i;
		if (we == ws)
			continue;
		/* a trailing ":" or "," is punctuation when no two digits follow */
		je = we;
		if (we - ws < sizeof(buf) - 8 && (s[we - 1] == ',' || s[we - 1] == '.') &&
		    we + 3 <= n && s[we] == ' ' && is_digit((unsigned char)s[we + 1]) &&
		    is_digit((unsigned char)s[we + 2]) && (we + 3 == n ||
		    word_sep((unsigned char)s[we + 3]))) {
			je = we + 3;
		} else if (we - ws < sizeof(buf) - 8 && is_digit((unsigned char)s[we - 1]) &&
		    we + 4 <= n && s[we] == ' ' && (s[we + 1] == ',' || s[we + 1] == '.') &&
		    is_digit((unsigned char)s[we + 2]) && is_digit((unsigned char)s[we + 3]) &&
		    (we + 4 == n || word_sep((unsigned char)s[we + 4]))) {
			je = we + 4;
		}
		if (je != we) {
			size_t bl = 0, k;

			for (k = ws; k < je; k++)
				if (s[k] != ' ')
					buf[bl++] = s[k];
			if (word_money(c, buf, bl, &a) == 0) {
				add_amount(c, li, l->off + ws, je - ws, &a);
				i = je;
				continue;
			}
		}
		if (word_money(c, s + ws, we - ws, &a) == 0)
			add_amount(c, li, l->off + ws, we - ws, &a);
	}
}

/* ---- labels ---- */

/* The label of line li from its words and its amounts. */
static void
line_label(struct rctx *c, size_t li, const struct fline *f)
{
	struct rline *l = &c->l[li];
	unsigned found = 0;
	int	 tscore = 0, pscore = 0;
	size_t	 k;

	for (k = 0; k < NLABELS; k++) {
		if (!phrase_in(f, labels[k].phrase, labels[k].flags & PF_FUZZY))
			continue;
		found |= 1u << labels[k].kind;
		if (labels[k].kind == LK_TOTAL && labels[k].score > tscore)
			tscore = labels[k].score;
		if (labels[k].kind == LK_PAY && labels[k].score > pscore)
			pscore = labels[k].score;
	}
	l->label = LK_NONE;
	l->tscore = 0;
	if (found & (1u << LK_SUMMARY) && !(found & (1u << LK_TOTAL)))
		l->label = LK_SUMMARY;
	else if ((found & (1u << LK_COUNT)) && l->ndec == 0 && !(found & (1u << LK_TAX)))
		l->label = LK_COUNT;
	else if ((found & (1u << LK_TOTAL)) && (found & (1u << LK_INCL)) &&
	    !(found & (1u << LK_SUBTOTAL))) {
		l->label = LK_TOTAL;
		l->tscore = (int16_t)(tscore + 25 > 100 ? 100 : tscore + 25);
	} else if (found & (1u << LK_SUBTOTAL))
		l->label = LK_SUBTOTAL;
	else if (found & (1u << LK_TAX))
		l->label = LK_TAX;
	else if (found & (1u << LK_DISCOUNT))
		l->label = LK_DISCOUNT;
	else if (found & (1u << LK_TIP))
		l->label = LK_TIP;
	else if (found & (1u << LK_CHANGE))
		l->label = LK_CHANGE;
	else if (found & (1u << LK_ROUND))
		l->label = LK_ROUND;
	else if ((found & (1u << LK_CASH)) && !(found & (1u << LK_TOTAL)))
		l->label = LK_CASH;
	else if (found & (1u << LK_TOTAL)) {
		l->label = LK_TOTAL;
		l->tscore = (int16_t)tscore;
	} else if (found & (1u << LK_PAY)) {
		l->label = LK_PAY;
		l->tscore = (int16_t)pscore;
	} else if (found & (1u << LK_COUNT))
		l->label = LK_COUNT;
	if (any_in(f, date_words))
		l->flags |= LF_DATE;
	if (found & (1u << LK_COUNT))
		l->flags |= LF_COUNTWORD;
}

/* 1 if line li holds nothing but money (and currency marks, punctuation). */
static int
amount_only(const struct rctx *c, size_t li)
{
	const struct rline *l = &c->l[li];
	const char *s = c->text + l->off;
	size_t i, k, lt = 0;

	if (l->na == 0)
		return 0;
	for (i = 0; i < l->len; i++) {
		int inside = 0;

		for (k = l->a0; k < l->a0 + l->na; k++)
			if (l->off + i >= c->a[k].off && l->off + i < c->a[k].off + c->a[k].len)
				inside = 1;
		if (!inside && is_alpha((unsigned char)s[i]))
			lt++;
	}
	return lt <= 3;
}

/* A label that needs an amount, without one. */
static int
label_wants(const struct rctx *c, size_t li)
{
	const struct rline *l = &c->l[li];

	return l->na == 0 && l->label != LK_NONE && l->label != LK_SUMMARY &&
	    l->label != LK_COUNT;
}

/*
 * Labels without amounts take the amounts below them: the next line when
 * it is amounts only, or, for a run of labels followed by a run of amount
 * lines (OCR read two columns one after the other), the one at the same
 * place in the run.
 */
static void
link_labels(struct rctx *c)
{
	size_t i = 0;

	while (i < c->nl) {
		size_t s = i, e, j, na = 0;

		if (!label_wants(c, i)) {
			i++;
			continue;
		}
		while (i < c->nl && (label_wants(c, i) || (c->l[i].na == 0 &&
		    c->l[i].label == LK_NONE && i + 1 < c->nl && label_wants(c, i + 1))))
			i++;
		e = i;
		for (j = e; j < c->nl && j < e + 3 + (e - s) && amount_only(c, j); j++)
			na++;
		if (na == 0) {
			/* a single label may also skip one line of noise */
			if (e == s + 1 && e + 1 < c->nl && amount_only(c, e + 1) &&
			    c->l[e].na == 0)
				c->l[s].link = (int32_t)(e + 1);
			continue;
		}
		for (j = s; j < e; j++) {
			size_t k = 0, m;

			if (!label_wants(c, j))
				continue;
			for (m = s; m < j; m++)
				k += label_wants(c, m);
			if (k < na)
				c->l[j].link = (int32_t)(e + k);
		}
	}
}

/* The amounts of line li: its own, or those of the line it takes them from. */
static const struct rline *
amount_line(const struct rctx *c, size_t li)
{
	if (c->l[li].na == 0 && c->l[li].link >= 0)
		return &c->l[c->l[li].link];
	return &c->l[li];
}

/* The amount a labelled line stands for: its last with decimals, else its last. */
static const struct ramt *
line_value(const struct rctx *c, size_t li)
{
	const struct rline *l = amount_line(c, li);
	size_t k;

	if (l->na == 0)
		return NULL;
	for (k = l->a0 + l->na; k > l->a0; k--)
		if (c->a[k - 1].kind == AK_DEC)
			return &c->a[k - 1];
	if (c->any_dec && c->a[l->a0 + l->na - 1].kind == AK_INT)
		return NULL;
	return &c->a[l->a0 + l->na - 1];
}

/* ---- the total ---- */

struct parts {
	int64_t	 sub[8], tax[8], tip[4], disc[8], rnd[4], cash[4], chg[4], pay[16], tot[16];
	size_t	 payline[16], totline[16];
	size_t	 nsub, ntax, ntip, ndisc, nrnd, ncash, nchg, npay, ntot;
	int64_t	 taxsum, discsum, items;
	size_t	 nitems;
};

static void
push(int64_t *arr, size_t *n, size_t max, int64_t v)
{
	if (*n < max)
		arr[(*n)++] = v;
}

static void
collect_parts(const struct rctx *c, struct parts *p, const struct receipt *out)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < c->nl; i++) {
		const struct ramt *a = line_value(c, i);
		int64_t v;

		if (a == NULL)
			continue;
		v = a->v;
		switch (c->l[i].label) {
		case LK_SUBTOTAL:
			push(p->sub, &p->nsub, 8, v);
			break;
		case LK_TAX:
			if (!(c->l[i].flags & LF_AFTER_SUMMARY))
				push(p->tax, &p->ntax, 8, v);
			break;
		case LK_TIP:
			push(p->tip, &p->ntip, 4, v);
			break;
		case LK_DISCOUNT:
			push(p->disc, &p->ndisc, 8, v);
			break;
		case LK_ROUND:
			push(p->rnd, &p->nrnd, 4, (a->flags & AF_NEG) ? -v : v);
			break;
		case LK_CASH:
			push(p->cash, &p->ncash, 4, v);
			break;
		case LK_CHANGE:
			push(p->chg, &p->nchg, 4, v);
			break;
		case LK_PAY:
			if (p->npay < 16)
				p->payline[p->npay] = i;
			push(p->pay, &p->npay, 16, v);
			break;
		case LK_TOTAL:
			if (p->ntot < 16)
				p->totline[p->ntot] = i;
			push(p->tot, &p->ntot, 16, v);
			break;
		default:
			break;
		}
	}
	for (i = 0; i < p->ntax; i++)
		p->taxsum += p->tax[i];
	for (i = 0; i < p->ndisc; i++)
		p->discsum += p->disc[i];
	for (i = 0; i < out->nitems; i++)
		p->items += out->items[i].amount_cents;
	p->nitems = out->nitems;
}

/* 1 if t is a subtotal with tax, tip and rounding added and discounts taken. */
static int
adds_up(const struct parts *p, int64_t t, int *nontrivial)
{
	size_t	 s, x, y, z, r;

	for (s = 0; s < p->nsub; s++)
		for (x = 0; x <= p->ntax + 1; x++) {
			int64_t tax = x == 0 ? 0 : x <= p->ntax ? p->tax[x - 1] : p->taxsum;

			for (y = 0; y <= p->ntip; y++)
				for (z = 0; z <= p->ndisc + 1; z++) {
					int64_t d = z == 0 ? 0 : z <= p->ndisc ? p->disc[z - 1] :
					    p->discsum;

					for (r = 0; r <= p->nrnd; r++) {
						int64_t v = p->sub[s] + tax - d +
						    (y ? p->tip[y - 1] : 0) +
						    (r ? p->rnd[r - 1] : 0);

						if (v == t) {
							*nontrivial = v != p->sub[s];
							return 1;
						}
					}
				}
		}
	return 0;
}

/*
 * "TTL 39.72 / Rounding Adj. -0.02 / TOTAL (illegible)": a total read above
 * a cash rounding line, the rounded total below it lost. Where the rounding
 * makes *t a multiple of five minor units (cash rounding: MYR, AUD, CHF,
 * CAD…) and *t was not one, *t becomes the rounded total; OCR often drops
 * the rounding's minus sign, so the sign that rounds is taken. 1 when *t
 * changed.
 */
static int
after_rounding(const struct rctx *c, size_t line, int64_t *t)
{
	size_t	 k;

	if (*t % 5 == 0)
		return 0;
	for (k = line + 1; k < c->nl; k++) {
		const struct ramt *r;
		int64_t	 up, down;

		if (c->l[k].label != LK_ROUND)
			continue;
		if ((r = line_value(c, k)) == NULL || r->v <= 0 || r->v >= 5)
			continue;
		up = *t + r->v;
		down = *t - r->v;
		if (!(r->flags & AF_NEG) && up % 5 == 0) {
			*t = up;
			return 1;
		}
		if (down % 5 == 0 && down > 0) {
			*t = down;
			return 1;
		}
	}
	return 0;
}

/* How much the arithmetic of the other lines says t, on line li, is the total. */
static int
evidence(const struct parts *p, int64_t t, size_t li)
{
	int	 e = 0, nontrivial = 0;
	size_t	 i, j;

	if (adds_up(p, t, &nontrivial))
		e += nontrivial ? 60 : 15;
	if (p->nitems >= 2 && p->items == t)
		e += 50;
	for (i = 0; i < p->ncash; i++)
		for (j = 0; j < p->nchg; j++)
			if (p->cash[i] - p->chg[j] == t && p->chg[j] >= 0)
				e += p->chg[j] > 0 ? 50 : 30;
	for (i = 0; i < p->ncash; i++)
		if (p->cash[i] == t && p->nchg == 0)
			e += 20;
	for (i = 0; i < p->npay; i++)
		if (p->pay[i] == t && p->payline[i] != li) {
			e += 35;
			break;
		}
	/* "Valor total 85,30 / Descontos 0,78": another total less the discount */
	for (i = 0; i < p->ntot; i++) {
		if (p->totline[i] == li || p->tot[i] <= t)
			continue;
		for (j = 0; j <= p->ndisc; j++)
			if (p->tot[i] - (j < p->ndisc ? p->disc[j] : p->discsum) == t) {
				e += 60;
				i = p->ntot;
				break;
			}
	}
	return e;
}

struct cand {
	const struct ramt *a;
	size_t	 line;
	int	 score;
	int	 ev;
};

/* Number of lines whose value is v, other than line li. */
static size_t
repeats(const struct rctx *c, int64_t v, size_t li)
{
	size_t i, n = 0;

	for (i = 0; i < c->nl; i++) {
		const struct ramt *a = line_value(c, i);

		if (i != li && a != NULL && a->v == v && c->l[i].label != LK_COUNT)
			n++;
	}
	return n;
}

/*
 * The total: the best of the amounts on total and payment lines, each
 * ranked by its label, its form and the evidence; without any, the largest
 * amount written twice or more. Returns the parse confidence (thousandths),
 * or 0 with no total.
 */
static int
pick_total(struct rctx *c, struct receipt *out)
{
	struct parts p;
	struct cand best = { NULL, 0, -1000, 0 };
	size_t	 i;
	int	 conf;

	collect_parts(c, &p, out);
	for (i = 0; i < c->nl; i++) {
		const struct ramt *a;
		int s;

		if (c->l[i].label != LK_TOTAL && c->l[i].label != LK_PAY)
			continue;
		if ((a = line_value(c, i)) == NULL || (a->flags & AF_NEG) || a->v <= 0)
			continue;
		s = c->l[i].tscore;
		if (c->l[i].label == LK_PAY)
			s -= 10;
		if (a->kind == AK_INT)
			s -= c->any_dec ? 40 : 5;
		if (a->flags & AF_FIXED)
			s -= 10;
		if (a->flags & AF_SHORT)
			s -= 10;
		if (c->l[i].flags & LF_AFTER_SUMMARY)
			s -= 40;
		/* "Total Qty: 8  25.80": the count and the items' sum */
		if (c->l[i].flags & LF_COUNTWORD)
			s -= 35;
		/* totals are at the bottom; the top quarter holds headers */
		if (c->nl >= 8 && i < c->nl / 4)
			s -= 15;
		{
			int ev = evidence(&p, a->v, i);

			if (repeats(c, a->v, i) > 0)
				ev += 10;
			s += ev;
			if (s > best.score || (s == best.score && best.a != NULL &&
			    a->v > best.a->v)) {
				best.a = a;
				best.line = i;
				best.score = s;
				best.ev = ev;
			}
		}
	}
	if (best.a != NULL && best.score > 0) {
		out->total_cents = best.a->v;
		conf = 450 + best.score * 4;
		if (best.ev >= 50)
			conf += 100;
		if (best.ev < 50 && after_rounding(c, best.line, &out->total_cents))
			conf -= 100;
		return conf > 980 ? 980 : conf;
	}
	/* No label read: the largest amount with decimals the text gives twice. */
	best.a = NULL;
	for (i = 0; i < c->na; i++) {
		const struct ramt *a = &c->a[i];

		if (a->kind != AK_DEC || (a->flags & AF_NEG) || a->v <= 0)
			continue;
		if (best.a != NULL && a->v <= best.a->v)
			continue;
		{
			size_t k, n = 0;

			for (k = 0; k < c->na; k++)
				n += c->a[k].v == a->v && !(c->a[k].flags & AF_NEG);
			if (n >= 2 || evidence(&p, a->v, c->nl) >= 50)
				best.a = a;
		}
	}
	if (best.a != NULL) {
		out->total_cents = best.a->v;
		return 300;
	}
	/* Nothing legible on the total's line: what the cash less the change says. */
	if (p.ncash > 0 && p.nchg > 0 && p.cash[0] > p.chg[0]) {
		out->total_cents = p.cash[0] - p.chg[0];
		return 350;
	}
	return 0;
}

/* ---- items ---- */

/* The text of [s, s+n) with spaces folded, cut to fit out (UTF-8 whole). */
static void
copy_clean(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i = 0, o = 0;

	while (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '-' || s[0] == '*' ||
	    s[0] == '.' || s[0] == ':' || s[0] == '|' || s[0] == '_' || s[0] == '\'' ||
	    s[0] == '"' || s[0] == ',' || s[0] == '=' || s[0] == '~')) {
		s++;
		n--;
	}
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		size_t sl = 1;

		if (ch == ' ' || ch == '\t') {
			if (o > 0 && out[o - 1] != ' ' && o + 1 < outsz)
				out[o++] = ' ';
			i++;
			continue;
		}
		if (ch < 0x20 || ch == 0x7f) {
			i++;
			continue;
		}
		if (ch >= 0xF0)
			sl = 4;
		else if (ch >= 0xE0)
			sl = 3;
		else if (ch >= 0xC0)
			sl = 2;
		else if (ch >= 0x80) {
			i++;		/* a stray continuation byte */
			continue;
		}
		if (i + sl > n || o + sl >= outsz)
			break;
		memcpy(out + o, s + i, sl);
		o += sl;
		i += sl;
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == '-' || out[o - 1] == ':' ||
	    out[o - 1] == '.' || out[o - 1] == ',' || out[o - 1] == '|' || out[o - 1] == '*' ||
	    out[o - 1] == '=' || out[o - 1] == '_'))
		o--;
	out[o] = '\0';
}

/*
 * A quantity in line [s, s+n) before byte end: "2 x", "2x", "0,804 KG", "3
 * UN", or, with "@ 7.00" and the line's amount, amount / unit price.
 * Thousandths, 0 when none is printed.
 */
static int64_t
line_quantity(const char *s, size_t end, int64_t amount, int minor)
{
	size_t	 i;

	for (i = 0; i < end; i++) {
		size_t j = i, fd = 0;
		int64_t q = 0, frac = 0;
		int	 dec = 0;

		if (!is_digit((unsigned char)s[i]) || (i > 0 && (is_digit((unsigned char)s[i - 1]) ||
		    is_alpha((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',')))
			continue;
		while (j < end && (is_digit((unsigned char)s[j]) || ((s[j] == '.' || s[j] == ',') &&
		    !dec && j + 1 < end && is_digit((unsigned char)s[j + 1])))) {
			if (s[j] == '.' || s[j] == ',')
				dec = 1;
			else if (dec) {
				if (fd < 3) {
					frac = frac * 10 + (s[j] - '0');
					fd++;
				}
			} else if (q < 100000) {
				q = q * 10 + (s[j] - '0');
			}
			j++;
		}
		if (j - i > 7)
			continue;
		while (j < end && s[j] == ' ')
			j++;
		if (j < end && (s[j] == 'x' || s[j] == 'X' || s[j] == '*' ||
		    ((j + 1 < end) && ((s[j] == 'K' || s[j] == 'k') && (s[j + 1] == 'G' ||
		    s[j + 1] == 'g'))) || ((j + 1 < end) && (s[j] == 'U' || s[j] == 'u') &&
		    (s[j + 1] == 'N' || s[j + 1] == 'n')) || (j + 2 < end && (s[j] == 'P' ||
		    s[j] == 'p') && (s[j + 1] == 'C' || s[j + 1] == 'c')))) {
			while (fd < 3) {
				frac *= 10;
				fd++;
			}
			if (q > 0 || frac > 0)
				return q * 1000 + frac;
		}
	}
	/* "@7.00 14.00": the count is amount / unit price when that is whole */
	for (i = 0; i + 1 < end; i++) {
		if (s[i] != '@')
			continue;
		{
			size_t j = i + 1, fd = 0;
			int64_t unit = 0;
			int	 dec = 0;

			while (j < end && s[j] == ' ')
				j++;
			while (j < end && (is_digit((unsigned char)s[j]) || s[j] == '.' ||
			    s[j] == ',')) {
				if (s[j] == '.' || s[j] == ',')
					dec = 1;
				else {
					unit = unit * 10 + (s[j] - '0');
					fd += dec;
				}
				j++;
				if (unit > MAJOR_MAX)
					return 0;
			}
			while ((int)fd < minor) {
				unit *= 10;
				fd++;
			}
			if ((int)fd == minor && unit > 0 && amount % unit == 0)
				return amount / unit * 1000;
		}
	}
	return 0;
}

/* Skip leading codes: long digit runs ("2009490000000"), item numbers "001". */
static size_t
skip_codes(const char *s, size_t n)
{
	size_t i = 0;

	for (;;) {
		size_t j = i, d;

		while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '|' || s[j] == '[' ||
		    s[j] == '-'))
			j++;
		d = j;
		while (d < n && is_digit((unsigned char)s[d]))
			d++;
		if (d == j || (d < n && s[d] != ' ' && s[d] != '\t'))
			return j;
		i = d;
	}
}

/* 1 if a unit of a quantity starts at s: "UN ", "KG ", "X ", "PC ", "PCS ". */
static int
unit_at(const char *s, size_t n)
{
	static const char *const units[] = { "un", "kg", "x", "pc", "pcs", "lt", "cx", NULL };
	const char *const *u;

	for (u = units; *u; u++) {
		size_t k, ul = strlen(*u);

		if (ul >= n)
			continue;
		for (k = 0; k < ul && (s[k] | 0x20) == (*u)[k]; k++)
			;
		if (k == ul && (s[ul] == ' ' || is_digit((unsigned char)s[ul])))
			return 1;
	}
	return 0;
}

/*
 * A count that leads a line before its words ("2 PAN DE BARRA", "1 x
 * BURGER"): 1..999 without a leading zero, the only number skipped before
 * byte ds; 0 when none.
 */
static int64_t
leading_count(const char *s, size_t ds)
{
	size_t	 i = 0, d;
	int64_t	 v = 0;

	while (i < ds && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= ds || s[i] == '0')
		return 0;
	for (d = i; d < ds && is_digit((unsigned char)s[d]); d++) {
		if (d - i == 3)
			return 0;	/* four digits or more: a code, however long */
		v = v * 10 + (s[d] - '0');
	}
	if (d == i)
		return 0;
	while (d < ds && (s[d] == ' ' || s[d] == '\t'))
		d++;
	return d == ds ? v : 0;
}

/*
 * Line items: lines above the totals with words and an amount at the end,
 * read as description, quantity and amount. A line of numbers alone takes
 * the words of the line above or below it ("SR: SISTEEL ELBOW").
 */
static void
find_items(struct rctx *c, struct receipt *out)
{
	size_t	 i, first = 0;

	out->nitems = 0;
	/* items start after the header: the first line with an amount */
	while (first < c->items_end && c->l[first].na == 0)
		first++;
	for (i = first; i < c->items_end && out->nitems < RECEIPT_MAX_ITEMS; i++) {
		struct rline *l = &c->l[i];
		const struct ramt *a;
		struct receipt_item *it;
		const char *s = c->text + l->off;
		size_t	 dend, ds, k;
		int64_t	 lead;

		if (l->label != LK_NONE || l->na == 0 || (l->flags & LF_DATE))
			continue;
		a = &c->a[l->a0 + l->na - 1];
		if (a->kind != AK_DEC || (a->flags & AF_NEG) || a->v <= 0)
			continue;
		/* the words end at the first number that is not a code */
		ds = skip_codes(s, l->len);
		lead = leading_count(s, ds);
		if (lead > 0 && ds + 1 < l->len && (s[ds] == 'x' || s[ds] == 'X' || s[ds] == '*') &&
		    s[ds + 1] == ' ')
			ds += 2;	/* "2 x EGGS" */
		dend = l->len;
		for (k = l->a0; k < l->a0 + l->na; k++) {
			size_t at = c->a[k].off - l->off;

			if (at >= ds) {
				dend = at;
				break;
			}
		}
		for (k = ds; k < dend; k++) {
			/* a quantity before the prices: "0.804 KG X 6.99", "1 UN X 4,59" */
			if (is_digit((unsigned char)s[k]) && (k == ds || s[k - 1] == ' ') &&
			    (k == ds || letters(s + ds, k - ds) >= 3)) {
				size_t q = k;

				while (q < dend && (is_digit((unsigned char)s[q]) || s[q] == '.' ||
				    s[q] == ','))
					q++;
				while (q < dend && s[q] == ' ')
					q++;
				if (q < dend && (s[q] == 'x' || s[q] == 'X' || s[q] == 'K' ||
				    s[q] == 'k' || s[q] == 'U' || s[q] == 'u' || s[q] == '@')) {
					dend = k;
					break;
				}
			}
		}
		if (lead > 0 && unit_at(s + ds, l->len - ds))
			dend = ds;	/* "1 UN X 4,59": the words are on another line */
		it = &out->items[out->nitems];
		memset(it, 0, sizeof(*it));
		if (dend > ds)
			copy_clean(s + ds, dend - ds, it->description, sizeof(it->description));
		if (letters(it->description, strlen(it->description)) < 3) {
			/*
			 * A line of numbers: its words are on the line above ("002 ...
			 * X-SALADA" / "3 UN X 8,99 26,97") unless another item took
			 * them, else on the line below ("4355 1 3.96 3.80" / "DOUBLE
			 * SIDE FOAM TAPE").
			 */
			struct rline *o = NULL;

			if (i > first && c->l[i - 1].na == 0 && c->l[i - 1].label == LK_NONE &&
			    c->l[i - 1].item == 0)
				o = &c->l[i - 1];
			else if (i + 1 < c->items_end && c->l[i + 1].na == 0 &&
			    c->l[i + 1].label == LK_NONE)
				o = &c->l[i + 1];
			if (o == NULL)
				continue;
			o->item = 2;
			ds = skip_codes(c->text + o->off, o->len);
			copy_clean(c->text + o->off + ds, o->len - ds, it->description,
			    sizeof(it->description));
			if (letters(it->description, strlen(it->description)) < 3)
				continue;
		}
		it->amount_cents = a->v;
		it->quantity_milli = line_quantity(s, a->off - l->off, a->v, c->minor);
		if (it->quantity_milli == 0 && lead > 0)
			it->quantity_milli = lead * 1000;
		l->item = 1;
		out->nitems++;
	}
}

/* ---- dates ---- */

struct dtok {
	uint8_t	 type;		/* 'n' number, 'w' word, 's' separator */
	char	 sep;
	uint8_t	 space;		/* white space before it */
	uint8_t	 nd;		/* digits */
	long	 v;
	size_t	 off, len;
};

static int
month_of(const char *s, size_t n)
{
	char	 f[16];
	size_t	 i, k = 0;

	for (i = 0; i < n && k + 1 < sizeof(f); i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == 0xC3 && i + 1 < n) {
			char b = latin1_base[(unsigned char)s[i + 1] & 0x3F];

			if (b)
				f[k++] = b;
			i++;
		} else if (is_alpha(ch)) {
			f[k++] = (char)(ch | 0x20);
		} else {
			return 0;
		}
	}
	f[k] = '\0';
	for (i = 0; i < sizeof(months) / sizeof(months[0]); i++)
		if (strcmp(months[i].word, f) == 0)
			return months[i].m;
	return 0;
}

static void
add_date(struct rctx *c, size_t li, long a, long b, long y, int amb, int iso)
{
	struct rdate *d;

	if (c->nd >= RD_MAX)
		return;
	if (y < 100)
		y += y + 2000 <= c->ty ? 2000 : 1900;
	d = &c->d[c->nd++];
	d->a = a;
	d->b = b;
	d->y = y;
	d->line = (uint32_t)li;
	d->ambiguous = (uint8_t)amb;
	d->iso = (uint8_t)iso;
	d->score = 0;
}

/* The dates written on line li: numeric, ISO, and with month names. */
static void
line_dates(struct rctx *c, size_t li)
{
	const struct rline *l = &c->l[li];
	const char *s = c->text + l->off;
	struct dtok t[64];
	size_t	 n = l->len, i = 0, nt = 0, k;
	int	 space = 0;

	while (i < n && nt < 64) {
		unsigned char ch = (unsigned char)s[i];
		struct dtok *d = &t[nt];

		if (ch == ' ' || ch == '\t') {
			space = 1;
			i++;
			continue;
		}
		memset(d, 0, sizeof(*d));
		d->off = i;
		d->space = (uint8_t)space;
		space = 0;
		if (is_digit(ch)) {
			d->type = 'n';
			while (i < n && is_digit((unsigned char)s[i]) && d->nd < 9) {
				d->v = d->v * 10 + (s[i] - '0');
				d->nd++;
				i++;
			}
			while (i < n && is_digit((unsigned char)s[i])) {
				d->nd = 99;
				i++;
			}
		} else if (is_alpha(ch) || ch >= 0xC0) {
			d->type = 'w';
			while (i < n && (is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
				i++;
		} else {
			d->type = 's';
			d->sep = (char)ch;
			i++;
			while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
		}
		d->len = i - d->off;
		nt++;
	}
	for (k = 0; k < nt; k++) {
		const struct dtok *x = &t[k];
		int m;

		if (x->type == 'n' && (k == 0 || t[k - 1].type != 's' || t[k - 1].space ||
		    (t[k - 1].sep != '.' && t[k - 1].sep != ',' && t[k - 1].sep != '/' &&
		    t[k - 1].sep != '-'))) {
			/* n SEP n SEP n */
			if (k + 4 < nt && t[k + 1].type == 's' && t[k + 2].type == 'n' &&
			    t[k + 3].type == 's' && t[k + 4].type == 'n' &&
			    (t[k + 1].sep == '/' || t[k + 1].sep == '-' || t[k + 1].sep == '.') &&
			    t[k + 3].sep == t[k + 1].sep && !t[k + 1].space && !t[k + 2].space &&
			    !t[k + 3].space && !t[k + 4].space &&
			    !(k + 6 < nt && t[k + 5].type == 's' && !t[k + 5].space &&
			    t[k + 6].type == 'n' && !t[k + 6].space &&
			    (t[k + 5].sep == t[k + 1].sep))) {
				const struct dtok *p = &t[k + 2], *q = &t[k + 4];

				if (x->nd == 4 && p->nd <= 2 && q->nd <= 2)
					add_date(c, li, p->v, q->v, x->v, 0, 1);
				else if (x->nd <= 2 && p->nd <= 2 && (q->nd == 2 || q->nd == 4))
					add_date(c, li, x->v, p->v, q->v, 1, 0);
				k += 4;
				continue;
			}
			/* d [-./ de] month [-./ , de] y */
			if (x->nd <= 2 && k + 2 < nt) {
				size_t j = k + 1;

				if (t[j].type == 's' && (t[j].sep == '-' || t[j].sep == '/' ||
				    t[j].sep == '.'))
					j++;
				else if (t[j].type == 'w' && t[j].len == 2 &&
				    (s[t[j].off] | 0x20) == 'd' && (s[t[j].off + 1] | 0x20) == 'e')
					j++;
				if (j < nt && t[j].type == 'w' &&
				    (m = month_of(s + t[j].off, t[j].len)) > 0) {
					size_t y = j + 1;

					while (y < nt && y < j + 3 && ((t[y].type == 's' &&
					    (t[y].sep == '-' || t[y].sep == '/' || t[y].sep == '.' ||
					    t[y].sep == ',')) || (t[y].type == 'w' && t[y].len == 2 &&
					    (s[t[y].off] | 0x20) == 'd' && (s[t[y].off + 1] | 0x20) == 'e')))
						y++;
					if (y < nt && t[y].type == 'n' && (t[y].nd == 4 || t[y].nd == 2)) {
						add_date(c, li, m, x->v, t[y].v, 0, 1);
						k = y;
						continue;
					}
				}
			}
		}
		/* month d[,] y */
		if (x->type == 'w' && (m = month_of(s + x->off, x->len)) > 0 && x->len >= 3) {
			size_t j = k + 1;

			if (j < nt && t[j].type == 's' && t[j].sep == '.')
				j++;
			if (j < nt && t[j].type == 'n' && t[j].nd <= 2) {
				size_t y = j + 1;

				if (y < nt && t[y].type == 'w' && t[y].len == 2)
					y++;	/* 3rd, 1st */
				while (y < nt && y < j + 4 && t[y].type == 's' && (t[y].sep == ',' ||
				    t[y].sep == '.'))
					y++;
				if (y < nt && t[y].type == 'n' && t[y].nd == 4) {
					add_date(c, li, m, t[j].v, t[y].v, 0, 1);
					k = y;
				}
			}
		}
	}
}

/* Day number of date d read in order dm (1: day first); -1 when not a real date. */
static long
date_days(const struct rdate *d, int dm)
{
	long m = d->iso ? d->a : dm ? d->b : d->a;
	long day = d->iso ? d->b : dm ? d->a : d->b;

	if (!cal_valid_ymd(d->y, m, day) || d->y < 1990)
		return -1;
	return cal_days(d->y, m, day);
}

/*
 * The sale's date: numeric dates in the order the receipt itself shows
 * (a day over 12 somewhere), else the language's and currency's (en with
 * dollars M/D, else D/M); none after today; a date label ranks a date up,
 * a due, order or consultation date down, an earlier line a little up.
 */
static void
pick_date(struct rctx *c, struct receipt *out)
{
	int	 dm_votes = 0, md_votes = 0, dm;
	size_t	 i;
	long	 best = -1;
	int	 bscore = -10000;
	const char *cur = c->cur[0] ? c->cur : c->usercur;

	for (i = 0; i < c->nd; i++) {
		if (!c->d[i].ambiguous)
			continue;
		if (c->d[i].a > 12 && c->d[i].b <= 12)
			dm_votes++;
		else if (c->d[i].b > 12 && c->d[i].a <= 12)
			md_votes++;
	}
	if (dm_votes > md_votes)
		dm = 1;
	else if (md_votes > dm_votes)
		dm = 0;
	else
		dm = !(c->lang == LANG_EN && in_list(md_order, cur));
	for (i = 0; i < c->nd; i++) {
		struct rdate *d = &c->d[i];
		struct fline f;
		long z = date_days(d, dm);
		int s;

		if (z < 0 && d->ambiguous)
			z = date_days(d, !dm);
		if (z < 0 || z > c->today)
			continue;
		fold_line(c->text + c->l[d->line].off, c->l[d->line].len, &f);
		s = 0;
		if (c->l[d->line].flags & LF_DATE)
			s += 40;
		if (phrase_in(&f, "invoice date", 0) || phrase_in(&f, "data de emissao", 0) ||
		    phrase_in(&f, "fecha de emision", 0) || phrase_in(&f, "emissao", 0))
			s += 20;
		if (any_in(&f, other_date_words))
			s -= 50;
		s -= (int)(d->line * 20 / (c->nl + 1));
		if (s > bscore) {
			bscore = s;
			best = z;
		}
	}
	if (best >= 0)
		cal_format(best, out->date);
}

/* ---- the merchant ---- */

/*
 * A line that is a street address, an id, a phone, a title or noise (a
 * title, "Amazon Web Services Invoice", not counted when titles is 1).
 */
static int
head_skip(const struct rctx *c, size_t li, const struct fline *f, int titles)
{
	const struct rline *l = &c->l[li];
	const char *s = c->text + l->off;
	size_t lt = letters(s, l->len), dg = digits(s, l->len);

	if (lt < 3 || dg > lt || l->ndec > 0 || (l->flags & LF_DATE))
		return 1;
	if ((!titles && any_in(f, head_noise)) || any_in(f, head_id))
		return 1;
	if (f->nw > 0 && any_in(f, head_addr) && dg > 0)
		return 1;
	if (f->nw > 0 && (phrase_at(f, 0, "rua", 0) || phrase_at(f, 0, "av", 0) ||
	    phrase_at(f, 0, "avenida", 0) || phrase_at(f, 0, "calle", 0) ||
	    phrase_at(f, 0, "jalan", 0)))
		return 1;
	return 0;
}

/* How much line li looks like a company's name (its letters, its words). */
static int
head_score(const struct rctx *c, size_t li, const struct fline *f, size_t rank)
{
	const struct rline *l = &c->l[li];
	const char *s = c->text + l->off;
	size_t	 i, up = 0, lo = 0, odd = 0, vow = 0, lt = 0;
	int	 sc = 100 - (int)rank * 15;

	for (i = 0; i < l->len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (is_upper(ch))
			up++;
		else if (ch >= 'a' && ch <= 'z')
			lo++;
		else if (ch != ' ' && ch != '&' && ch != '.' && ch != ',' && ch != '-' &&
		    ch != '\'' && !is_digit(ch) && ch < 0x80)
			odd++;
		if (is_alpha(ch)) {
			lt++;
			vow += strchr("aeiouyAEIOUY", ch) != NULL;
		}
	}
	if (any_in(f, head_company))
		sc += 30;
	if (up > lo)
		sc += 15;
	if (up == 0)
		sc -= 40;
	if (odd * 4 > l->len)
		sc -= 40;
	if (lt >= 4 && (vow * 6 < lt || vow * 10 > lt * 8))
		sc -= 30;
	if (f->nw == 1 && f->wl[0] <= 3)
		sc -= 25;
	return sc;
}

/*
 * How much of a header line of n bytes at s is the name: not what OCR read
 * of a logo or a stamp beside it, past a wide gap ("YONG CEN ENTERPRISE
 * hide": lower case after a name in capitals), nor a company registration
 * number after it ("GARDENIA BAKERIES (KL) SDN BHD (139386 X)").
 */
static size_t
name_len(const char *s, size_t n)
{
	size_t	 i, k, up = 0, lo = 0;

	for (i = 0; i + 3 <= n; i++) {
		if (is_upper((unsigned char)s[i]))
			up++;
		else if (s[i] >= 'a' && s[i] <= 'z')
			lo++;
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ' && up >= 6 && lo * 4 <= up) {
			size_t	 rup = 0, rlo = 0;

			for (k = i; k < n; k++) {
				rup += is_upper((unsigned char)s[k]);
				rlo += s[k] >= 'a' && s[k] <= 'z';
			}
			if (rlo > rup) {
				n = i;
				break;
			}
		}
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n > 0 && s[n - 1] == ')') {
		size_t	 open = n - 1, dg = 0;

		while (open > 0 && s[open] != '(')
			open--;
		for (k = open; k < n; k++)
			dg += is_digit((unsigned char)s[k]);
		if (s[open] == '(' && open > 0 && dg >= 4 && letters(s, open) >= 6)
			n = open;
	}
	return n;
}

/*
 * The merchant: a known merchant's name (categorize()) on a line of the
 * header, else the header line that reads most like a company's name;
 * addresses, ids, phones, titles and dates are passed over.
 */
static void
pick_merchant(struct rctx *c, struct receipt *out)
{
	size_t	 i, rank = 0, bline = 0;
	int	 best = -1000;

	for (i = 0; i < c->nl && i < HEAD_LINES + 6 && rank < HEAD_LINES; i++) {
		const struct rline *l = &c->l[i];
		struct fline f;
		struct cat_result cr;
		char	 line[LINE_MAX + 1];
		int	 sc;

		if (l->na > 0 && l->label != LK_NONE)
			break;		/* the totals: past the header */
		fold_line(c->text + l->off, l->len, &f);
		if (head_skip(c, i, &f, 0)) {
			/* a known name in a title line: "Amazon Web Services Invoice" */
			if (rank < 6 && !head_skip(c, i, &f, 1)) {
				memcpy(line, c->text + l->off, l->len);
				line[l->len] = '\0';
				categorize(line, &cr);
				if (cr.merchant[0] != '\0' && cr.category != CAT_INCOME) {
					snprintf(out->merchant, sizeof(out->merchant), "%s",
					    cr.merchant);
					return;
				}
			}
			continue;
		}
		memcpy(line, c->text + l->off, l->len);
		line[l->len] = '\0';
		if (rank < 6) {
			categorize(line, &cr);
			if (cr.merchant[0] != '\0' && cr.category != CAT_INCOME) {
				snprintf(out->merchant, sizeof(out->merchant), "%s", cr.merchant);
				return;
			}
		}
		sc = head_score(c, i, &f, rank++);
		if (sc > best) {
			best = sc;
			bline = i;
		}
	}
	if (best > 20)
		copy_clean(c->text + c->l[bline].off, name_len(c->text + c->l[bline].off,
		    c->l[bline].len), out->merchant, sizeof(out->merchant));
}

/* ---- the whole ---- */

static _Thread_local struct rctx tls_rctx;

static int
setup(struct rctx *c, const char *text, size_t len, const char *lang, const char *currency,
    const char *today)
{
	enum lang l;
	long m, d;

	if (text == NULL || lang == NULL || currency == NULL || today == NULL ||
	    lang_parse(lang, &l) == -1 || !currency_valid(currency) ||
	    cal_parse_ymd(today, &c->ty, &m, &d) == -1)
		return -1;
	c->text = text;
	c->len = len > RECEIPT_MAX_TEXT ? RECEIPT_MAX_TEXT : len;
	c->len = strnlen(text, c->len);
	c->lang = (int)l;
	c->usercur = currency;
	c->today = cal_days(c->ty, m, d);
	c->na = c->nd = 0;
	c->any_dec = 0;
	return 0;
}

/* Lines after a tax summary's heading belong to its table. */
static void
mark_summary(struct rctx *c)
{
	size_t i, k;

	for (i = 0; i < c->nl; i++) {
		if (c->l[i].label != LK_SUMMARY)
			continue;
		for (k = i + 1; k < c->nl && k < i + 10; k++)
			c->l[k].flags |= LF_AFTER_SUMMARY;
	}
}

int
receipt_parse(const char *text, size_t len, const char *lang, const char *currency,
    const char *today, int ocr_confidence, struct receipt *out)
{
	struct rctx *c = &tls_rctx;
	size_t	 i;
	int	 pconf;

	memset(out, 0, sizeof(*out));
	if (setup(c, text, len, lang, currency, today) == -1)
		return -1;
	cut_lines(c);
	find_currency(c);
	memcpy(out->currency, c->cur, sizeof(out->currency));
	c->amtcur = c->cur[0] ? c->cur : c->usercur;
	c->minor = currency_minor_units(c->amtcur);
	if (c->minor < 0)
		c->minor = 2;
	for (i = 0; i < c->nl; i++) {
		struct fline f;

		c->l[i].flags = 0;
		c->l[i].item = 0;
		line_amounts(c, i);
		fold_line(c->text + c->l[i].off, c->l[i].len, &f);
		line_label(c, i, &f);
		line_dates(c, i);
	}
	mark_summary(c);
	link_labels(c);
	/* the items end where the first sum does */
	c->items_end = c->nl;
	for (i = 0; i < c->nl; i++)
		if ((c->l[i].label == LK_TOTAL || c->l[i].label == LK_SUBTOTAL) &&
		    line_value(c, i) != NULL) {
			c->items_end = i;
			break;
		}
	find_items(c, out);
	pick_date(c, out);
	pick_merchant(c, out);
	pconf = pick_total(c, out);
	if (ocr_confidence < 0)
		ocr_confidence = 0;
	if (ocr_confidence > 1000)
		ocr_confidence = 1000;
	/* an OCR reading at 60% keeps about 76% of what the parse alone says */
	out->confidence = pconf * (400 + 600 * ocr_confidence / 1000) / 1000;
	return pconf > 0 ? 0 : -1;
}
