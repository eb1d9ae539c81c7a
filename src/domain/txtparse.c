/*
 * txtparse.c: free-text spending and income messages to items.
 *
 * One pass cuts the text into tokens (words, numbers, numeric dates, times,
 * currency marks, separators); every word is folded once (categorize_fold).
 * Later passes over the token array, each linear, bind currencies to
 * numbers, mark what is not an amount (dates, times, card endings, store
 * numbers, codes, telephones, quantities, percentages, counts of units,
 * years, balances), decide which numbers are the money (pass_money: a marked
 * amount wins; a statement's amount is its decimal one), refuse numbers that
 * compete with nothing to tell them apart (pass_compete), and turn each
 * remaining number into an item whose description is the nearby words.
 * Segments (split at commas, semicolons, newlines, ".", "and"/"e"/"y") keep
 * items apart.
 * txt_amounts runs the same passes and stops at the amounts, passing over
 * what txt_parse would refuse. Everything lives in one thread-local context:
 * no allocation, no recursion.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include "core/currency.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/lang.h"
#include "domain/txtparse.h"

#define TOK_MAX		4096
#define POOL_MAX	(TXT_MAX_TEXT + TOK_MAX)
#define DATE_MAX	32
#define MAX_MAJOR	1000000000000LL		/* 10^12 major units: beyond is absurd */

enum ttype { T_WORD, T_NUM, T_DATE, T_TIME, T_CUR, T_SEP, T_PUNCT };

enum {
	F_NEG = 1 << 0,		/* a minus sign right before */
	F_ID = 1 << 1,		/* "#1234", a card or store number: not an amount */
	F_K = 1 << 2,		/* "5k" */
	F_ORD = 1 << 3,		/* "3rd", "1º" */
	F_X = 1 << 4,		/* "2x", "2 x": a count that multiplies */
	F_DATEPART = 1 << 5,	/* consumed by a date expression */
	F_TIMEPART = 1 << 6,	/* consumed by a time of day */
	F_QTY = 1 << 7,		/* a quantity ("2 coffees"): described, not an amount */
	F_USED = 1 << 8,	/* currency mark or "mil" bound to a number */
	F_MIL = 1 << 9,		/* followed by "mil" (thousand) */
	F_CENTS = 1 << 10,	/* followed by "cents"/"centavos": minor units */
	F_NAME = 1 << 11,	/* a number that is a name ("99 pop", "7 eleven") */
	F_SOFT = 1 << 12,	/* separator that may join descriptions ("and", ",") */
	F_CONJ = 1 << 13,	/* separator that is a conjunction word */
	F_MEASURE = 1 << 14,	/* a percentage or a count of units ("20%", "3 months") */
	F_YEAR = 1 << 15,	/* a year ("em 2027") */
	F_BAL = 1 << 16,	/* after "saldo", "available balance": not what was spent */
	F_INST = 1 << 17,	/* one installment ("em 3x de R$ 33,33") */
	F_DROP = 1 << 18,	/* money the message names that is not an item: left out */
	F_TOTAL = 1 << 19,	/* a stated total ("Total R$ 62,90") */
	F_PART = 1 << 20	/* part of a total ("tax $1.60", "includes $3.00 tip") */
};

struct tok {
	uint16_t	off, len;	/* bytes of the original text */
	uint16_t	foff;		/* folded word in the pool */
	uint8_t		flen;
	uint8_t		type;
	uint32_t	flags;
	uint8_t		cur;		/* T_CUR: index into curmarks; T_NUM: bound mark + 1 */
	uint8_t		mul;		/* T_NUM: a price per unit times this count ("2 ubers de 15") */
};

struct pdate {
	size_t	tok;
	long	y, m, d;
};

struct ctx {
	const char	*text;
	size_t		 len;
	int		 dm_order;	/* numeric dates are day first (pt, es) */
	const char	*defcur;
	long		 today;		/* day number */
	long		 ty, tm, td;	/* today */
	struct tok	 t[TOK_MAX];
	size_t		 nt;
	char		 pool[POOL_MAX];
	size_t		 npool;
	struct pdate	 dates[DATE_MAX];
	size_t		 ndates;
	uint8_t		 aux[TOK_MAX];	/* scratch of one pass */
	uint16_t	 nextc[TOK_MAX];	/* pass_quantities: the next candidate in the segment */
	const char	*err;
	int		 lenient;	/* txt_amounts: skip what cannot be an amount or a date */
};

/* How a currency mark resolves: a code, or the user's currency when it fits. */
enum cur_kind { CK_CODE, CK_DOLLAR_SIGN, CK_DOLLAR_WORD, CK_PESO_WORD, CK_YEN, CK_CENTS };

struct curmark {
	const char	*word;		/* folded word, or the symbol's bytes */
	const char	*code;
	uint8_t		 kind;
	uint8_t		 after_only;	/* a word: "20 reais", never "reais 20" */
};

static const struct curmark curmarks[] = {
	{ "$", "USD", CK_DOLLAR_SIGN, 0 }, { "\xe2\x82\xac", "EUR", CK_CODE, 0 },
	{ "\xc2\xa3", "GBP", CK_CODE, 0 }, { "\xc2\xa5", "JPY", CK_YEN, 0 },
	{ "r$", "BRL", CK_CODE, 0 }, { "us$", "USD", CK_CODE, 0 }, { "u$", "USD", CK_CODE, 0 },
	{ "mx$", "MXN", CK_CODE, 0 }, { "ca$", "CAD", CK_CODE, 0 }, { "c$", "CAD", CK_CODE, 0 },
	{ "a$", "AUD", CK_CODE, 0 }, { "au$", "AUD", CK_CODE, 0 }, { "nz$", "NZD", CK_CODE, 0 },
	{ "hk$", "HKD", CK_CODE, 0 }, { "col$", "COP", CK_CODE, 0 }, { "clp$", "CLP", CK_CODE, 0 },
	{ "usd", "USD", CK_CODE, 0 }, { "brl", "BRL", CK_CODE, 0 }, { "eur", "EUR", CK_CODE, 0 },
	{ "gbp", "GBP", CK_CODE, 0 }, { "mxn", "MXN", CK_CODE, 0 }, { "ars", "ARS", CK_CODE, 0 },
	{ "cop", "COP", CK_CODE, 0 }, { "clp", "CLP", CK_CODE, 0 }, { "pen", "PEN", CK_CODE, 1 },
	{ "uyu", "UYU", CK_CODE, 0 }, { "jpy", "JPY", CK_CODE, 0 }, { "cad", "CAD", CK_CODE, 0 },
	{ "chf", "CHF", CK_CODE, 0 }, { "aud", "AUD", CK_CODE, 0 }, { "pyg", "PYG", CK_CODE, 0 },
	{ "bob", "BOB", CK_CODE, 1 }, { "dop", "DOP", CK_CODE, 0 },
	{ "reais", "BRL", CK_CODE, 1 }, { "real", "BRL", CK_CODE, 1 }, { "conto", "BRL", CK_CODE, 1 },
	{ "contos", "BRL", CK_CODE, 1 }, { "pila", "BRL", CK_CODE, 1 }, { "pilas", "BRL", CK_CODE, 1 },
	{ "euro", "EUR", CK_CODE, 1 }, { "euros", "EUR", CK_CODE, 1 },
	{ "pound", "GBP", CK_CODE, 1 }, { "pounds", "GBP", CK_CODE, 1 }, { "quid", "GBP", CK_CODE, 1 },
	{ "libras", "GBP", CK_CODE, 1 }, { "yen", "JPY", CK_CODE, 1 }, { "ienes", "JPY", CK_CODE, 1 },
	{ "dollar", "USD", CK_DOLLAR_WORD, 1 }, { "dollars", "USD", CK_DOLLAR_WORD, 1 },
	{ "dolar", "USD", CK_DOLLAR_WORD, 1 }, { "dolares", "USD", CK_DOLLAR_WORD, 1 },
	{ "bucks", "USD", CK_DOLLAR_WORD, 1 }, { "buck", "USD", CK_DOLLAR_WORD, 1 },
	{ "peso", "MXN", CK_PESO_WORD, 1 }, { "pesos", "MXN", CK_PESO_WORD, 1 },
	{ "lucas", "ARS", CK_CODE, 1 },
	{ "cents", NULL, CK_CENTS, 1 }, { "cent", NULL, CK_CENTS, 1 },
	{ "centavos", NULL, CK_CENTS, 1 }, { "centimos", NULL, CK_CENTS, 1 },
};
#define NCURMARKS	(sizeof(curmarks) / sizeof(curmarks[0]))

/* Currencies whose own sign is "$"; "$" in their users' text means them. */
static const char *const dollar_sign[] = { "USD", "CAD", "AUD", "NZD", "SGD", "HKD",
	"TWD", "BSD", "BBD", "BZD", "BMD", "JMD", "TTD", "XCD", "FJD", "KYD", "MXN", "ARS",
	"COP", "CLP", "UYU", "DOP", "CUP", NULL };
static const char *const dollar_name[] = { "USD", "CAD", "AUD", "NZD", "SGD", "HKD",
	"TWD", "BSD", "BBD", "BZD", "BMD", "JMD", "TTD", "XCD", "FJD", "KYD", NULL };
static const char *const peso_name[] = { "MXN", "ARS", "COP", "CLP", "UYU", "DOP", "CUP",
	"PHP", NULL };

static const char *const conj_words[] = { "and", "e", "y", "plus", "&", "tambem", NULL };

/* Words never worth keeping at the edge of a description. */
static const char *const stop_words[] = {
	"i", "ive", "we", "spent", "spend", "spending", "paid", "pay", "bought", "buy", "got",
	"had", "on", "at", "in", "for", "the", "a", "an", "my", "of", "to", "from", "with",
	"just", "some", "was", "it", "this", "that", "cost", "costs", "about", "around",
	"total", "also", "eu", "gastei", "gasto", "gastos", "gastamos", "gastou", "gaste",
	"paguei", "pago", "pagamos", "pagou", "pague", "comprei", "compramos", "comprou",
	"compre", "no", "na", "nos", "nas", "em", "de", "do", "da", "dos", "das", "o", "os",
	"as", "um", "uma", "com", "pra", "para", "por", "pelo", "pela", "meu", "minha",
	"foi", "deu", "custou", "ao", "aos", "tomei", "valor", "yo", "en", "el", "la", "los",
	"las", "un", "una", "del", "al", "con", "mi", "mis", "fue", "costo", "me", "tome",
	"recebi", "received", "receive", "recibi", "pagaron", "pagaram", "ganhei", "gane",
	"earned", "hoje", "today", "hoy", "ontem", "yesterday", "ayer", "is", "was", "were",
	"are", "e", "and", "y", "usei", "use", "used", "each", "apiece", "cada", "uno", NULL
};

/* Words before the number of an installment: "parcela 3/10", "cuota 2 de 12". */
static const char *const inst_words[] = { "parcela", "parcelas", "cuota", "cuotas",
	"installment", "prestacao", "prestacion", NULL };

/* Words that make the next bare number an identifier, not an amount. */
static const char *const id_words[] = { "cartao", "card", "tarjeta", "final", "loja",
	"store", "num", "nro", "pedido", "order", "ref", "doc", "nf", "nsu", "aut", "auth",
	"tienda", "sucursal", "mesa", "table", "room", "quarto", "voo", "flight", "linha",
	"line", "ag", "agencia", "conta", "cc", "cpf", "cnpj", "terminal", "caixa", "lote",
	"parcela", "cuota", "installment", "tarj", "calle", "rua", "av", "avenida", "carrera",
	"street", "st", "ave", "km", "tel", "cajero", "barras", "gate", "seat", "assento",
	"asiento", "portao", "apto", "apt", "apartamento", "bloco", "vaga", "plataforma",
	"platform", "call", "dial", "ligar", "ligue", "liga", "llamar", "llama", "llame",
	"whatsapp", "wpp", "sms", "fax", "cep", "zip", NULL };

/*
 * Words that make a bare number a code even one short word away: card
 * endings ("ending in 1234", "terminada en 1234", "com final 4821") and
 * codes ("código de verificação é 482913", "confirmation: 1234567").
 */
static const char *const code_words[] = { "ending", "ends", "ended", "terminada",
	"terminado", "termina", "terminacion", "terminacao", "final", "finais", "acabada",
	"acabado", "codigo", "code", "cod", "id", "nsu", "aut", "auth", "autorizacao",
	"autorizacion", "authorization", "authorisation", "ref", "referencia", "reference",
	"protocolo", "protocol", "comprovante", "confirmation", "confirmacion", "confirmacao",
	"conf", "localizador", "operacion", "operacao", "verificacao", "verification",
	"verificacion", "seguranca", "security", "seguridad", "otp", "pin", "senha",
	"password", "token", "tracking", "rastreio", "seguimiento", "number", "numero", "folio",
	"digitavel", NULL };
/* The short words allowed between a code word and its code. */
static const char *const code_links[] = { "in", "en", "em", "with", "com", "con", "de", "do",
	"da", "of", "is", "e", "es", "was", "foi", "fue", "no", "n", "nr", "nro", "num",
	"number", "numero", NULL };

/* Words before a balance or a limit: money a notification names, not money spent. */
static const char *const bal_words[] = { "saldo", "balance", "bal", "disponivel",
	"disponible", "available", "limite", "limit", "cashback", NULL };
/* Words after such money: "$25.00 alert limit", "R$ 0,46 de cashback", "1,20 € en puntos". */
static const char *const bal_after[] = { "alert", "alerts", "limit", "threshold", "limite",
	"cashback", "points", "pontos", "puntos", "rewards", "miles", "millas", NULL };

/* Words before a stated total ("Total R$ 62,90", "trip total is $23.45"). */
static const char *const total_words[] = { "total", "totais", "totales", NULL };
/*
 * Words before or after the parts of a total: "tax $1.60", "$3.00 tip",
 * "taxa de entrega R$ 7,99", "IVA incluido 5,99 €".
 */
static const char *const part_words[] = { "subtotal", "tax", "taxes", "vat", "iva",
	"imposto", "impostos", "impuesto", "impuestos", "tip", "tips", "gorjeta", "propina",
	"discount", "desconto", "descuento", "shipping", "frete", "envio", "entrega",
	"delivery", "fee", "fees", "taxa", "taxas", "service", "servico", "servicio", NULL };
/* Words that put money inside another amount: "lunch 30 including tip 5". */
static const char *const incl_words[] = { "includes", "including", "incl", "inclui",
	"incluindo", "incluso", "incluye", "incluido", "incluida", "incluyendo", "included",
	NULL };

/* Words that make the amount before them a price per unit ("3 coffees at $4 each"). */
static const char *const each_words[] = { "each", "apiece", "ea", "cada", NULL };
/* Words between a counted thing and its price per unit ("2 ubers de 15", "3 cañas a 2,50"). */
static const char *const unit_price_links[] = { "de", "of", "at", "a", NULL };
/* Units of an installment plan: "em 3x de R$ 33,33", "12 vezes de 150". */
static const char *const inst_units[] = { "vezes", "parcelas", "cuotas", "installments",
	"pagos", "mensualidades", "prestacoes", NULL };
/* Words between two amounts that are the same money in two currencies. */
static const char *const approx_words[] = { "approx", "approximately", "aprox",
	"aproximadamente", "about", "cerca", "ca", "equivalent", "equivalente", "equals",
	"or", "ou", "o", "=", NULL };

/* Words after which a small number counts things ("comprei 2 cafés por 9"). */
static const char *const qty_lead[] = { "bought", "comprei", "compre", "compramos", "got",
	"had", "tomei", "tome", "ordered", "pedi", "for", "por", "pra", "para", NULL };

/* Words that turn the next number into a time of day. */
static const char *const time_lead[] = { "at", "as", "las", "around", NULL };
static const char *const time_after[] = { "pm", "am", "h", "hs", "hrs", "horas", "hours",
	"oclock", NULL };

/* Words after which a number counts units, not money ("3 months", "2 vezes", "4 people"). */
static const char *const unit_words[] = { "day", "days", "dia", "dias", "week", "weeks",
	"semana", "semanas", "month", "months", "mes", "meses", "year", "years", "ano", "anos",
	"hour", "hours", "hora", "horas", "minute", "minutes", "minuto", "minutos", "time",
	"times", "vez", "vezes", "veces", "percent", "porcento", "people", "pessoas",
	"personas", "installments", "parcelas", "cuotas", "x", "mi", "miles", "km", "kms",
	"kg", "kgs", "g", "gr", "lb", "lbs", "oz", "l", "lt", "litros", "litres", "liters",
	"gal", "gallons", "galones", "ml", "m", "metros", "meters", "cm", NULL };
/*
 * Words before a bare year ("in 2027", "desde 2019"). Not "de" or "of": they
 * lead prices as often as years ("uma TV de 2000").
 */
static const char *const year_lead[] = { "in", "em", "en", "by", "until", "ate", "hasta",
	"since", "desde", "year", "ano", NULL };

/* Spending verbs: they end an income run ("recebi 3000 e gastei 50"). */
static const char *const spend_words[] = { "spent", "paid", "bought", "gastei", "paguei",
	"comprei", "gaste", "pague", "compre", "gasto", "pago", NULL };
/* Income verbs: they carry to the next items until a spending verb. */
static const char *const income_verbs[] = { "recebi", "received", "recibi", "got paid",
	"me pagaron", "me pagaram", "ganhei", "gane", "earned", "cobrei", "cobre", NULL };
/* Income nouns: they mark only their own segment. */
static const char *const income_nouns[] = { "salary", "salario", "sueldo", "nomina",
	"paycheck", "payroll", "freelance", "freela", "income", "ingreso", "ingresos",
	"aguinaldo", "decimo terceiro", "bonus", "bono", "honorarios", "pro labore",
	"dividendos", "dividends", "payday", "refund", "reembolso", "pension", "aposentadoria",
	"mesada", "propina", "gorjeta", "tips", NULL };

/* Numbers that are (part of) names, keyed by the word that follows. */
static const struct { const char *num, *next; } num_names[] = {
	{ "99", "pop" }, { "99", "app" }, { "99", "taxi" }, { "99", "taxis" },
	{ "99", "tecnologia" }, { "99", "food" }, { "99", "moto" }, { "7", "eleven" },
	{ "100", "montaditos" }, { "24", "horas" },
};

struct wday { const char *word; int wd; uint8_t needs_ctx; };
/* Weekdays (0 = Sunday). Bare Portuguese ordinals need context ("na sexta"). */
static const struct wday wdays[] = {
	{ "sunday", 0, 0 }, { "monday", 1, 0 }, { "tuesday", 2, 0 }, { "wednesday", 3, 0 },
	{ "thursday", 4, 0 }, { "friday", 5, 0 }, { "saturday", 6, 0 },
	{ "domingo", 0, 0 }, { "segunda", 1, 1 }, { "terca", 2, 1 }, { "quarta", 3, 1 },
	{ "quinta", 4, 1 }, { "sexta", 5, 1 }, { "sabado", 6, 0 },
	{ "segunda feira", 1, 0 }, { "terca feira", 2, 0 }, { "quarta feira", 3, 0 },
	{ "quinta feira", 4, 0 }, { "sexta feira", 5, 0 },
	{ "lunes", 1, 0 }, { "martes", 2, 0 }, { "miercoles", 3, 0 }, { "jueves", 4, 0 },
	{ "viernes", 5, 0 },
};

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
	{ "sept", 9 }, { "set", 9 }, { "oct", 10 }, { "out", 10 }, { "nov", 11 }, { "dec", 12 },
	{ "dez", 12 }, { "dic", 12 }, { "ene", 1 },
};

/* Relative days: single words and phrases, with their offset from today. */
static const struct { const char *phrase; int ntok; int off; } reldays[] = {
	{ "day before yesterday", 3, -2 }, { "antes de ontem", 3, -2 },
	{ "antes de ayer", 3, -2 }, { "last night", 2, -1 }, { "ontem a noite", 3, -1 },
	{ "anoche", 1, -1 }, { "today", 1, 0 }, { "hoje", 1, 0 }, { "hoy", 1, 0 },
	{ "tonight", 1, 0 }, { "yesterday", 1, -1 }, { "ontem", 1, -1 }, { "ayer", 1, -1 },
	{ "anteontem", 1, -2 }, { "anteayer", 1, -2 }, { "antier", 1, -2 },
	{ "antiayer", 1, -2 },
};

static const char ERR_ARGS[] = "The text could not be read (bad language, currency or date settings).";
static const char ERR_EMPTY[] = "The text is empty: write what you spent and how much, e.g. \"coffee 4.50\".";
static const char ERR_LONG[] = "The text is too long: send at most a few lines of spending at a time.";
static const char ERR_NOAMOUNT[] = "No amount found: write the amount with the item, e.g. \"coffee 4.50\" or \"mercado 45,90\".";
static const char ERR_NEG[] = "Negative amounts are not accepted: write the amount without a minus sign.";
static const char ERR_ZERO[] = "An amount is zero: write what was actually spent or received.";
static const char ERR_DECIMALS[] = "An amount has more decimal places than its currency allows (at most two for most currencies).";
static const char ERR_ABSURD[] = "An amount is too large to be real (over one trillion).";
static const char ERR_DATE[] = "A date in the text does not exist: check the day and the month.";
static const char ERR_MANY[] = "Too many amounts in one message: send at most 20 items at a time.";
static const char ERR_AMBIGUOUS[] = "Two numbers could be the amount: write the amount with its currency, e.g. \"lunch $12\" or \"mercado R$ 45,90\".";

/* ---- small helpers ---- */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* 1 if the bytes at s[i] start a letter: ASCII, or a two-byte UTF-8 letter. */
static int
letter_at(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i], c2;

	if (c < 0x80)
		return is_alpha(c);
	if (i + 1 >= len)
		return 0;
	c2 = (unsigned char)s[i + 1];
	if ((c2 & 0xC0) != 0x80)
		return 0;
	if (c == 0xC3)
		return c2 != 0x97 && c2 != 0xB7;	/* not × ÷ */
	return c >= 0xC4 && c <= 0xDF;
}

static size_t
seq_len(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	size_t n = 1;

	if (c >= 0xF0 && c <= 0xF7)
		n = 4;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3;
	else if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	return n > len - i ? len - i : n;
}

static int
in_words(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return 1;
	return 0;
}

static const char *
fw(const struct ctx *c, size_t i)
{
	return c->pool + c->t[i].foff;
}

/* Folded word i equals w. */
static int
weq(const struct ctx *c, size_t i, const char *w)
{
	return i < c->nt && c->t[i].type == T_WORD && strlen(w) == c->t[i].flen &&
	    memcmp(fw(c, i), w, c->t[i].flen) == 0;
}

static int
win(const struct ctx *c, size_t i, const char *const *list)
{
	return i < c->nt && c->t[i].type == T_WORD && in_words(list, fw(c, i), c->t[i].flen);
}

/* Tokens i.. spell the space-separated folded phrase p; returns how many, or 0. */
static size_t
phrase_at(const struct ctx *c, size_t i, const char *p)
{
	size_t k = 0;

	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);

		if (i + k >= c->nt || c->t[i + k].type != T_WORD || c->t[i + k].flen != n ||
		    memcmp(fw(c, i + k), p, n) != 0)
			break;
		k++;
		p += n;
		if (*p == ' ')
			p++;
	}
	if (*p != '\0') {
		/* A hyphenated word folds with a space: "sexta-feira" is one token. */
		if (k == 0 && i < c->nt && c->t[i].type == T_WORD &&
		    strlen(p) == c->t[i].flen && memcmp(fw(c, i), p, c->t[i].flen) == 0)
			return 1;
		return 0;
	}
	return k;
}

static int
phrase_in(const struct ctx *c, size_t i, const char *const *list, size_t *ntok)
{
	for (; *list; list++)
		if ((*ntok = phrase_at(c, i, *list)) > 0)
			return 1;
	return 0;
}

/* ---- dates ---- */

static int
add_date(struct ctx *c, size_t tok, long y, long m, long d)
{
	if (!cal_valid_ymd(y, m, d) && c->lenient)
		return 0;	/* set aside all the same: its tokens are marked */
	if (!cal_valid_ymd(y, m, d)) {
		c->err = ERR_DATE;
		return -1;
	}
	if (c->ndates < DATE_MAX) {
		c->dates[c->ndates].tok = tok;
		c->dates[c->ndates].y = y;
		c->dates[c->ndates].m = m;
		c->dates[c->ndates].d = d;
		c->ndates++;
	}
	return 0;
}

static int
add_offset(struct ctx *c, size_t tok, long off)
{
	long y, m, d;

	cal_date(c->today + off, &y, &m, &d);
	return add_date(c, tok, y, m, d);
}

/* A date written without a year is the latest such day not after today. */
static int
add_yearless(struct ctx *c, size_t tok, int m, int d)
{
	long y = c->ty;

	if (m > c->tm || (m == c->tm && d > c->td))
		y--;
	return add_date(c, tok, y, m, d);
}

/* Parse 1..4 digits at s[*i], advancing; -1 if none. */
static int
small_int(const char *s, size_t len, size_t *i, size_t *ndig)
{
	int v = 0;
	size_t k = 0;

	while (*i < len && is_digit(s[*i]) && k < 5) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	*ndig = k;
	return k == 0 || k > 4 ? -1 : v;
}

/* A numeric date token: "2026-11-02", "3/11", "03/11/2026", "03.11.26". */
static int
numeric_date(struct ctx *c, size_t ti)
{
	const char *s = c->text + c->t[ti].off;
	size_t len = c->t[ti].len, i = 0, nd[3] = { 0, 0, 0 }, np = 0;
	int p[3] = { 0, 0, 0 }, y, m, d;

	while (np < 3) {
		p[np] = small_int(s, len, &i, &nd[np]);
		if (p[np] < 0)
			return add_date(c, ti, 0, 0, 0);
		np++;
		if (i >= len)
			break;
		i++;	/* the separator */
	}
	if (np == 3 && nd[0] == 4) {
		y = p[0];
		m = p[1];
		d = p[2];
	} else {
		/* "03.11.2026" is day first in every language that writes dots */
		int dm = c->dm_order || memchr(s, '.', len) != NULL;

		d = dm ? p[0] : p[1];
		m = dm ? p[1] : p[0];
		if (np == 2)
			return cal_valid_ymd(c->ty, m, d) || (m == 2 && d == 29) ?
			    add_yearless(c, ti, m, d) : add_date(c, ti, 0, 0, 0);
		y = nd[2] == 2 ? 2000 + p[2] : nd[2] == 4 ? p[2] : 0;
	}
	return add_date(c, ti, y, m, d);
}

static int
month_of(const struct ctx *c, size_t i)
{
	size_t k;

	if (i >= c->nt || c->t[i].type != T_WORD)
		return 0;
	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++)
		if (weq(c, i, months[k].word))
			return months[k].m;
	return 0;
}

/*
 * Value of a bare, unbound integer token of at most maxdig digits; -1 if not
 * one. A value past INT_MAX (an order or card number) is INT_MAX: large.
 */
static int
bare_int(const struct ctx *c, size_t i, size_t maxdig)
{
	const struct tok *t;
	size_t k;
	int64_t v = 0;

	if (i >= c->nt)
		return -1;
	t = &c->t[i];
	if (t->type != T_NUM || t->len > maxdig || (t->flags & (F_NEG | F_K | F_X)) ||
	    t->cur != 0)
		return -1;
	for (k = 0; k < t->len; k++) {
		if (!is_digit(c->text[t->off + k]))
			return -1;
		if (v <= INT_MAX)
			v = v * 10 + (c->text[t->off + k] - '0');
	}
	return v > INT_MAX ? INT_MAX : (int)v;
}

static void
mark(struct ctx *c, size_t from, size_t to, uint32_t flag)
{
	for (; from <= to && from < c->nt; from++)
		c->t[from].flags |= flag;
}

/* An optional year after a day-and-month: ", 2026", "de 2026", "2026". */
static size_t
year_after(struct ctx *c, size_t i, int *y)
{
	size_t j = i;
	int v;

	if (j < c->nt && ((c->t[j].type == T_SEP && c->text[c->t[j].off] == ',') ||
	    weq(c, j, "de") || weq(c, j, "del") || weq(c, j, "of")))
		j++;
	if (j < c->nt && c->t[j].len == 4 && (v = bare_int(c, j, 4)) >= 1900 && v <= 2200) {
		*y = v;
		return j;
	}
	return 0;
}

/* "3 de novembro [de 2026]", "3rd of November", "3 nov", "November 3[, 2026]". */
static int
month_date(struct ctx *c, size_t i, size_t *last)
{
	int d, m, y = 0;
	size_t j, yj;

	if ((d = bare_int(c, i, 2)) >= 1 && d <= 31) {
		j = i + 1;
		if (weq(c, j, "de") || weq(c, j, "of"))
			j++;
		if ((m = month_of(c, j)) == 0)
			return 0;
	} else if ((m = month_of(c, i)) != 0) {
		j = i + 1;
		if ((d = bare_int(c, j, 2)) < 1 || d > 31)
			return 0;
	} else
		return 0;
	*last = j;
	if ((yj = year_after(c, j + 1, &y)) != 0)
		*last = yj;
	mark(c, i, *last, F_DATEPART);
	return y ? add_date(c, i, y, m, d) : add_yearless(c, i, m, d);
}

/* The weekday named at i, or -1; *n is the tokens it spans. */
static int
weekday_at(const struct ctx *c, size_t i, size_t *n, int *needs_ctx)
{
	size_t k;

	for (k = 0; k < sizeof(wdays) / sizeof(wdays[0]); k++)
		if ((*n = phrase_at(c, i, wdays[k].word)) > 0) {
			/* Prefer "sexta feira" over "sexta": the table lists the longer later. */
			size_t k2, n2;

			for (k2 = k + 1; k2 < sizeof(wdays) / sizeof(wdays[0]); k2++)
				if (wdays[k2].wd == wdays[k].wd &&
				    (n2 = phrase_at(c, i, wdays[k2].word)) > *n) {
					*n = n2;
					*needs_ctx = wdays[k2].needs_ctx;
					return wdays[k2].wd;
				}
			*needs_ctx = wdays[k].needs_ctx;
			return wdays[k].wd;
		}
	return -1;
}

/* "last friday", "sexta passada", "el viernes pasado", "on friday", "na sexta". */
static int
weekday_date(struct ctx *c, size_t i, size_t *last)
{
	size_t n, start = i;
	int wd, needs, past = 0, today_wd;
	long back;

	if (weq(c, i, "last") || weq(c, i, "past")) {
		past = 1;
		i++;
	}
	if ((wd = weekday_at(c, i, &n, &needs)) < 0)
		return 0;
	*last = i + n - 1;
	if (weq(c, *last + 1, "passada") || weq(c, *last + 1, "passado") ||
	    weq(c, *last + 1, "pasado") || weq(c, *last + 1, "pasada")) {
		past = 1;
		(*last)++;
	}
	if (needs && !past && !(i > 0 && (weq(c, i - 1, "na") || weq(c, i - 1, "no") ||
	    weq(c, i - 1, "dia") || weq(c, i - 1, "desde"))))
		return 0;
	today_wd = (cal_weekday(c->today) + 1) % 7;	/* the table counts from Sunday */
	back = (today_wd - wd + 7) % 7;
	if (back == 0 && past)
		back = 7;
	mark(c, start, *last, F_DATEPART);
	return add_offset(c, start, -back);
}

/* "dia 5", "el día 5": that day of this month (or the last one, if in the future). */
static int
day_only(struct ctx *c, size_t i, size_t *last)
{
	int d;
	long m;

	if (!weq(c, i, "dia") || (d = bare_int(c, i + 1, 2)) < 1 || d > 31)
		return 0;
	if (month_of(c, i + 2) != 0)
		return 0;	/* "dia 5 de maio": month_date takes it from the number */
	if (weq(c, i + 2, "de") && month_of(c, i + 3) != 0)
		return 0;
	*last = i + 1;
	mark(c, i, *last, F_DATEPART);
	m = c->tm;
	if (d > c->td)
		m = m == 1 ? 12 : m - 1;
	if (m == 12 && c->tm == 1)
		return add_date(c, i, c->ty - 1, m, d);
	return add_date(c, i, c->ty, m, d);
}

static int
relative_date(struct ctx *c, size_t i, size_t *last)
{
	size_t k, n;

	for (k = 0; k < sizeof(reldays) / sizeof(reldays[0]); k++)
		if ((n = phrase_at(c, i, reldays[k].phrase)) == (size_t)reldays[k].ntok) {
			*last = i + n - 1;
			mark(c, i, *last, F_DATEPART);
			return add_offset(c, i, reldays[k].off);
		}
	return 0;
}

/* Mark every date expression and record its value; -1 on a date that does not exist. */
static int
pass_dates(struct ctx *c)
{
	size_t i, last;
	int r;

	for (i = 0; i < c->nt; i++) {
		if (c->t[i].flags & F_DATEPART)
			continue;
		last = i;
		if (c->t[i].type == T_DATE && i > 0 && win(c, i - 1, inst_words))
			r = 0;	/* "parcela 3/10": the third of ten, not a date */
		else if (c->t[i].type == T_DATE) {
			c->t[i].flags |= F_DATEPART;
			r = numeric_date(c, i);
		} else if ((r = relative_date(c, i, &last)) == 0 &&
		    (r = month_date(c, i, &last)) == 0 && (r = day_only(c, i, &last)) == 0)
			r = weekday_date(c, i, &last);
		if (r < 0)
			return -1;
		i = last;
	}
	return 0;
}

/* ---- tokens ---- */

static int
push(struct ctx *c, size_t off, size_t len, uint8_t type, uint32_t flags)
{
	struct tok *t;

	if (c->nt >= TOK_MAX) {
		c->err = ERR_LONG;
		return -1;
	}
	t = &c->t[c->nt++];
	memset(t, 0, sizeof(*t));
	t->off = (uint16_t)off;
	t->len = (uint16_t)len;
	t->type = type;
	t->flags = flags;
	return 0;
}

static int
curmark_find(const char *w, size_t n, int symbol_only)
{
	size_t k;

	for (k = 0; k < NCURMARKS; k++)
		if (strlen(curmarks[k].word) == n && memcmp(curmarks[k].word, w, n) == 0 &&
		    (!symbol_only || k < 4))
			return (int)k;
	return -1;
}

/* Lower-case copy of up to 7 ASCII bytes of s into buf; 0 if any is not a letter. */
static size_t
lower_ascii(const char *s, size_t n, char *buf, size_t cap)
{
	size_t k;

	if (n >= cap)
		return 0;
	for (k = 0; k < n; k++) {
		char ch = s[k];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		buf[k] = ch;
	}
	buf[n] = '\0';
	return n;
}

/* A number suffix: "5k", "3pm", "2x", "3rd", "20reais"; returns its role. */
enum { SUF_NONE, SUF_K, SUF_TIME, SUF_ORD, SUF_X, SUF_CUR, SUF_WORD };

static int
suffix_kind(const char *s, size_t n, int *curidx)
{
	static const char *const ords[] = { "st", "nd", "rd", "th", "o", "a", NULL };
	char	buf[8];

	if (n == 0)
		return SUF_NONE;
	if (lower_ascii(s, n, buf, sizeof(buf)) == 0)
		return SUF_WORD;
	if (strcmp(buf, "k") == 0)
		return SUF_K;
	if (strcmp(buf, "x") == 0)
		return SUF_X;
	if (in_words(time_after, buf, n) || strcmp(buf, "min") == 0)
		return SUF_TIME;
	if (in_words(ords, buf, n))
		return SUF_ORD;
	if ((*curidx = curmark_find(buf, n, 0)) >= 0 && *curidx >= 4)
		return SUF_CUR;
	return SUF_WORD;
}

/* Extend a span of digits with "." or "," groups: "1.234,56". */
static size_t
scan_digits(const char *s, size_t len, size_t j)
{
	while (j < len && is_digit(s[j]))
		j++;
	while (j + 1 < len && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
		j++;
		while (j < len && is_digit(s[j]))
			j++;
	}
	return j;
}

/* Numeric date or time right after digits at i..j: returns its end, or 0. */
static size_t
scan_datetime(const char *s, size_t len, size_t i, size_t j, uint8_t *type)
{
	size_t k = i, parts = 0, n, g[3] = { 0, 0, 0 };
	char sep = 0;

	/* d/m, d/m/y, y-m-d, d-m-y, d.m.y: 1..4 digit groups, one kind of separator */
	while (k < len && parts < 3) {
		for (n = 0; k < len && is_digit(s[k]); k++)
			n++;
		if (n == 0 || n > 4)
			break;
		g[parts++] = n;
		if (k + 1 < len && (s[k] == '/' || s[k] == '-' || s[k] == '.') &&
		    is_digit(s[k + 1]) && (sep == 0 || sep == s[k]) && parts < 3) {
			sep = s[k];
			k++;
			continue;
		}
		break;
	}
	/*
	 * "03.11.2026" and "03-11-2026" are dates, "1.234.567" an amount and
	 * "1-800-555" a telephone number
	 */
	if (parts >= 2 && (sep == '/' || (parts == 3 && ((sep == '-' && g[0] == 4 &&
	    g[1] <= 2 && g[2] <= 2) || ((sep == '.' || sep == '-') &&
	    g[0] <= 2 && g[1] <= 2 && (g[2] == 2 || g[2] == 4)))))) {
		*type = T_DATE;
		return k;
	}
	if (j + 1 < len && s[j] == ':' && is_digit(s[j + 1]) && j - i <= 2) {
		for (k = j + 1; k < len && is_digit(s[k]); k++)
			;
		*type = T_TIME;
		return k;
	}
	return 0;
}

static size_t
scan_word_end(const char *s, size_t len, size_t i)
{
	while (i < len) {
		unsigned char ch = (unsigned char)s[i];

		if (letter_at(s, len, i))
			i += ch < 0x80 ? 1 : 2;
		else if (is_digit(ch))
			i++;
		else if ((ch == '\'' || ch == '&' || ch == '-') && i + 1 < len &&
		    (letter_at(s, len, i + 1) || is_digit(s[i + 1])) && i > 0 &&
		    (letter_at(s, len, i - 1) || is_digit(s[i - 1]) ||
		    ((unsigned char)s[i - 1] & 0xC0) == 0x80))
			i++;
		else if (ch == '.' && i > 0 && i + 1 < len && is_alpha(s[i - 1]) &&
		    is_alpha(s[i + 1]))
			i++;	/* "NETFLIX.COM", "help.uber.com": one name */
		else if (ch == 0xE2 && i + 3 < len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99 && letter_at(s, len, i + 3))
			i += 3;	/* ’ inside a word */
		else
			break;
	}
	return i;
}

static int
scan_number(struct ctx *c, size_t *ip, uint16_t pre)
{
	const char *s = c->text;
	size_t i = *ip, j, e, k;
	uint8_t type = T_NUM;
	int kind, curidx = -1;

	j = scan_digits(s, c->len, i);
	if ((e = scan_datetime(s, c->len, i, j, &type)) != 0) {
		*ip = e;
		return push(c, i, e - i, type, 0);
	}
	for (k = j; k < c->len && is_alpha(s[k]); k++)
		;
	kind = suffix_kind(s + j, k - j, &curidx);
	if (kind != SUF_NONE && k < c->len && (is_digit(s[k]) || letter_at(s, c->len, k)))
		kind = SUF_WORD;	/* "2K4L", "8XJ2": a code, not "2k" */
	if (kind == SUF_NONE && j + 1 < c->len && (unsigned char)s[j] == 0xC2 &&
	    ((unsigned char)s[j + 1] == 0xBA || (unsigned char)s[j + 1] == 0xAA))
		kind = SUF_ORD, k = j + 2;	/* 1º, 2ª */
	if (kind == SUF_WORD) {
		e = scan_word_end(s, c->len, i);
		*ip = e;
		return push(c, i, e - i, T_WORD, 0);
	}
	*ip = k;
	if (kind == SUF_TIME)
		return push(c, i, k - i, T_TIME, 0);
	if (push(c, i, j - i, T_NUM, (uint16_t)(pre | (kind == SUF_K ? F_K : 0) |
	    (kind == SUF_ORD ? F_ORD : 0) | (kind == SUF_X ? F_X : 0))) == -1)
		return -1;
	if (kind == SUF_CUR) {
		if (push(c, j, k - j, T_CUR, 0) == -1)
			return -1;
		c->t[c->nt - 1].cur = (uint8_t)curidx;
	}
	return 0;
}

/* A word, or a currency prefix glued to "$" ("R$", "US$"). */
static int
scan_word(struct ctx *c, size_t *ip)
{
	size_t i = *ip, e = scan_word_end(c->text, c->len, i);
	char buf[8];
	int idx;

	if (e < c->len && c->text[e] == '$' && e - i <= 3 &&
	    lower_ascii(c->text + i, e - i, buf, 5) > 0) {
		buf[e - i] = '$';
		buf[e - i + 1] = '\0';
		if ((idx = curmark_find(buf, e - i + 1, 0)) >= 0) {
			*ip = e + 1;
			if (push(c, i, e + 1 - i, T_CUR, 0) == -1)
				return -1;
			c->t[c->nt - 1].cur = (uint8_t)idx;
			return 0;
		}
	}
	*ip = e;
	return push(c, i, e - i, T_WORD, 0);
}

/* A minus right before digits (or before a currency sign and digits). */
static int
minus_before_number(const struct ctx *c, size_t i, size_t mlen)
{
	const char *s = c->text;
	size_t j = i + mlen;

	if (i > 0 && !(s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n' ||
	    s[i - 1] == '(' || s[i - 1] == '$' || s[i - 1] == ':'))
		return 0;
	if (j < c->len && s[j] == '$')
		j++;
	else if (j + 1 < c->len && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x82)
		j += 3;
	else if (j + 2 < c->len && (s[j] == 'R' || s[j] == 'r') && s[j + 1] == '$')
		j += 2;
	if (j > i + mlen && j < c->len && s[j] == ' ')
		j++;	/* "-R$ 30" */
	return j < c->len && is_digit(s[j]);
}

static int
scan_other(struct ctx *c, size_t *ip, uint16_t *pending)
{
	const char *s = c->text;
	size_t i = *ip, n = seq_len(s, c->len, i);
	unsigned char ch = (unsigned char)s[i];
	int idx;

	*ip = i + n;
	if (ch == '\n' || ch == '\r' || ch == ';' || ch == '!' || ch == '?' || ch == '|')
		return push(c, i, 1, T_SEP, 0);
	if (ch == ',' || ch == '+')
		return push(c, i, 1, T_SEP, F_SOFT);
	if (ch == '.')
		return push(c, i, 1, T_SEP, 0);
	if (ch == '#') {
		*pending |= F_ID;
		return 0;
	}
	if (ch == '-' && minus_before_number(c, i, 1)) {
		*pending |= F_NEG;
		return 0;
	}
	if (n == 3 && ch == 0xE2 && (unsigned char)s[i + 1] == 0x88 &&
	    (unsigned char)s[i + 2] == 0x92 && minus_before_number(c, i, 3)) {
		*pending |= F_NEG;	/* U+2212 minus sign */
		return 0;
	}
	if ((idx = curmark_find(s + i, n, 1)) >= 0) {
		if (push(c, i, n, T_CUR, 0) == -1)
			return -1;
		c->t[c->nt - 1].cur = (uint8_t)idx;
		return 0;
	}
	return push(c, i, n, T_PUNCT, 0);
}

static int
tokenize(struct ctx *c)
{
	size_t i = 0;
	uint16_t pending = 0;	/* '#' or '-' waiting for the next number */

	while (i < c->len) {
		unsigned char ch = (unsigned char)c->text[i];
		int r;

		if (ch == ' ' || ch == '\t') {
			/* "-R$ 30": a minus survives the sign and one space */
			if (!(c->nt > 0 && c->t[c->nt - 1].type == T_CUR &&
			    (size_t)c->t[c->nt - 1].off + c->t[c->nt - 1].len == i))
				pending = 0;
			i++;
			continue;
		}
		if (is_digit(ch)) {
			r = scan_number(c, &i, pending);
			pending = 0;
		} else if (letter_at(c->text, c->len, i)) {
			r = scan_word(c, &i);
			if (r == 0 && c->t[c->nt - 1].type != T_CUR)
				pending = 0;
		} else {
			uint16_t before = pending;

			r = scan_other(c, &i, &pending);
			/* '$' keeps a pending minus: "-$5"; anything else drops it */
			if (pending == before && !(c->nt > 0 && c->t[c->nt - 1].type == T_CUR &&
			    c->t[c->nt - 1].off + c->t[c->nt - 1].len == i))
				pending = 0;
		}
		if (r == -1)
			return -1;
	}
	return 0;
}

/* Fold every word once into the pool; reclassify conjunctions and currency words. */
static void
fold_words(struct ctx *c)
{
	size_t i;
	int idx;

	for (i = 0; i < c->nt; i++) {
		struct tok *t = &c->t[i];
		size_t n;

		if (t->type != T_WORD)
			continue;
		n = categorize_fold(c->text + t->off, t->len, c->pool + c->npool,
		    POOL_MAX - c->npool);
		if (n > 255)
			n = 255;
		t->foff = (uint16_t)c->npool;
		t->flen = (uint8_t)n;
		c->npool += n + 1;
		/* "é" folds to "e" but is "is", not "and": "o código é 482913" */
		if (in_words(conj_words, fw(c, i), n) && !(t->len == 2 &&
		    (unsigned char)c->text[t->off] == 0xC3)) {
			t->type = T_SEP;
			t->flags |= F_SOFT | F_CONJ;
		} else if (n == 3 && (idx = curmark_find(fw(c, i), n, 0)) >= 0 &&
		    !curmarks[idx].after_only) {
			/* An ISO code: upper case ("USD"), or a lower-case one we list. */
			t->type = T_CUR;
			t->cur = (uint8_t)idx;
		} else if ((idx = curmark_find(fw(c, i), n, 0)) >= 4) {
			t->type = T_CUR;
			t->cur = (uint8_t)idx;
		}
	}
}

/* ---- amounts ---- */

static int	content(const struct ctx *, size_t);
static int	upper_case(const struct ctx *, size_t, size_t);
static int	region_has(const struct ctx *, size_t, size_t, const char *const *);
static int	installment(const struct ctx *, size_t);

static int
cur_free(const struct ctx *c, size_t i, int after)
{
	return i < c->nt && c->t[i].type == T_CUR && !(c->t[i].flags & F_USED) &&
	    (after || !curmarks[c->t[i].cur].after_only);
}

/*
 * 1 if the mark at m, after number i, belongs to the number after it: a mark
 * that may lead ("R$", "$", "EUR") leads the next number unless it is glued
 * to i and apart from the next ("final 4821 R$ 50", "20 EUR 30"; "20€ 30").
 */
static int
mark_leads(const struct ctx *c, size_t i, size_t m)
{
	const struct tok *a = &c->t[i], *k = &c->t[m];

	if (curmarks[k->cur].after_only || m + 1 >= c->nt || c->t[m + 1].type != T_NUM)
		return 0;
	return !(a->off + a->len == k->off && k->off + k->len != c->t[m + 1].off);
}

/* Bind currency marks and "mil" to adjacent numbers: "R$ 45", "45,90 €", "3 mil reais". */
static void
pass_currency(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nt; i++) {
		struct tok *t = &c->t[i];
		size_t nx = i + 1;

		if (t->type != T_NUM)
			continue;
		if (weq(c, nx, "mil")) {
			t->flags |= F_MIL;
			c->t[nx].flags |= F_USED;
			nx++;
		}
		if (i > 0 && cur_free(c, i - 1, 0)) {
			t->cur = (uint8_t)(c->t[i - 1].cur + 1);
			c->t[i - 1].flags |= F_USED;
		} else if (cur_free(c, nx, 1) && !mark_leads(c, i, nx)) {
			t->cur = (uint8_t)(c->t[nx].cur + 1);
			c->t[nx].flags |= F_USED;
		}
		if (t->cur && curmarks[t->cur - 1].kind == CK_CENTS)
			t->flags |= F_CENTS;
	}
}

static int
is_candidate(const struct tok *t)
{
	return t->type == T_NUM && !(t->flags & (F_ID | F_DATEPART | F_TIMEPART | F_QTY |
	    F_NAME | F_ORD | F_MEASURE | F_YEAR | F_DROP));
}

/*
 * 1 if number token i is glued after a lone "." or "," (" .5", "(,50"): the
 * fraction of a number written without its whole part, never the whole
 * number. After a word it is a missing space: "café,15" is still 15.
 */
static int
cut_fraction(const struct ctx *c, size_t i)
{
	size_t		 off = c->t[i].off;
	unsigned char	 b;

	if (off == 0 || (c->text[off - 1] != '.' && c->text[off - 1] != ','))
		return 0;
	if (off == 1)
		return 1;
	b = (unsigned char)c->text[off - 2];
	return b < 0x80 && !is_alpha(b) && !is_digit(b);	/* not after a word: "café,15" */
}

/*
 * 1 if number token i has four digits or more after a separator ("34191.79001",
 * a bank slip's digit line): no currency has so many decimals, and a
 * thousands group has three. "1,2345 mil" is thousands with decimals.
 */
static int
long_fraction(const struct ctx *c, size_t i)
{
	const struct tok *t = &c->t[i];
	size_t k, run = 0;
	int sep = 0;

	if (t->flags & (F_K | F_MIL))
		return 0;
	for (k = 0; k < t->len; k++) {
		if (is_digit(c->text[t->off + k])) {
			if (sep && ++run >= 4)
				return 1;
		} else {
			sep = 1;
			run = 0;
		}
	}
	return 0;
}

/*
 * 1 if number token i is glued by a dash or a slash to more digits, and is
 * no date: "123.456.789-00" (a CPF), "12.345.678/0001-90" (a CNPJ),
 * "123456-7", "12-15" (a range is no amount either).
 */
static int
dashed_code(const struct ctx *c, size_t i)
{
	size_t off = c->t[i].off, end = off + c->t[i].len;

	if (end + 1 < c->len && (c->text[end] == '-' || c->text[end] == '/') &&
	    is_digit(c->text[end + 1]))
		return 1;
	return off >= 2 && (c->text[off - 1] == '-' || c->text[off - 1] == '/') &&
	    is_digit(c->text[off - 2]);
}

/* 1 if number token i is digits only, with no mark, sign or suffix: the shape of a code. */
static int
plain_digits(const struct ctx *c, size_t i)
{
	const struct tok *t;
	size_t k;

	if (i >= c->nt || c->t[i].type != T_NUM)
		return 0;
	t = &c->t[i];
	if (t->cur != 0 || (t->flags & (F_NEG | F_K | F_X | F_MIL | F_CENTS)))
		return 0;
	for (k = 0; k < t->len; k++)
		if (!is_digit(c->text[t->off + k]))
			return 0;
	return 1;
}

/* The byte k before offset off, or 0 before the text. */
static unsigned char
byte_before(const struct ctx *c, size_t off, size_t k)
{
	return off >= k ? (unsigned char)c->text[off - k] : 0;
}

/* 1 if a bullet "•" or a middle dot "·" ends right before offset off ("•••• 1234", "·4321"). */
static int
bullet_before(const struct ctx *c, size_t off)
{
	return (byte_before(c, off, 3) == 0xE2 && byte_before(c, off, 2) == 0x80 &&
	    byte_before(c, off, 1) == 0xA2) || (byte_before(c, off, 2) == 0xC2 &&
	    byte_before(c, off, 1) == 0xB7);
}

/* A code named by the words before it: "cartão 1234", "ending in 1234", "NSU: 123456", "nº 12". */
static int
code_lead(const struct ctx *c, size_t i)
{
	size_t j = i;
	unsigned char b;

	if (j > 0 && c->t[j - 1].type == T_PUNCT) {
		b = (unsigned char)c->text[c->t[j - 1].off];
		if (b == 0xC2 && c->t[j - 1].len == 2)	/* 'º', '°' */
			b = (unsigned char)c->text[c->t[j - 1].off + 1];
		if (b != ':' && b != 0xBA && b != 0xB0)
			return 0;
		j--;
	} else if (j > 1 && c->t[j - 1].type == T_SEP && c->text[c->t[j - 1].off] == '.')
		j--;	/* "nro. 123", "ref. 123" */
	if (j == 0)
		return 0;
	if (win(c, j - 1, id_words) || win(c, j - 1, code_words))
		return 1;
	if (j < i && (weq(c, j - 1, "n") || weq(c, j - 1, "no")))
		return 1;	/* "nº 12", "no. 12" */
	return j >= 2 && win(c, j - 1, code_links) && win(c, j - 2, code_words);
}

/*
 * A masked or glued code: "****1234", "**** 1234", "•••• 1234", "*5678",
 * "XXXX 1234", "***.456.789-**", "+55" (a telephone), "NL/20141229".
 */
static int
glued_code(const struct ctx *c, size_t i)
{
	size_t off = c->t[i].off, end = off + c->t[i].len;
	unsigned char b1 = byte_before(c, off, 1), b2 = byte_before(c, off, 2);

	if (b1 == '*' || bullet_before(c, off))
		return 1;
	if (b1 == ' ' && ((b2 == '*' && byte_before(c, off, 3) == '*') ||
	    bullet_before(c, off - 1)))
		return 1;
	if (b1 == '+' && (b2 == 0 || b2 == ' ' || b2 == '(' || b2 == '\n'))
		return 1;
	if ((b1 == '/' || b1 == '_' || b1 == '\\') && (is_alpha(b2) || is_digit(b2)))
		return 1;
	if (end < c->len && (c->text[end] == '-' || c->text[end] == '.'))
		end++;
	if (end < c->len && c->text[end] == '*')
		return 1;
	if (i > 0 && c->t[i - 1].type == T_WORD && c->t[i - 1].len >= 2 &&
	    (size_t)c->t[i - 1].off + c->t[i - 1].len + 1 >= off) {
		size_t k;

		for (k = c->t[i - 1].off; k < (size_t)c->t[i - 1].off + c->t[i - 1].len; k++)
			if (c->text[k] != 'x' && c->text[k] != 'X')
				return 0;
		return 1;	/* "XXXX 1234" */
	}
	return 0;
}

/* Times ("at 3", "3 pm"), ids ("cartão 1234", "0001"), names ("99 pop"), fractions (".5"). */
static void
pass_not_amounts(struct ctx *c)
{
	size_t i, k;

	for (i = 0; i < c->nt; i++) {
		struct tok *t = &c->t[i];

		if (t->type == T_TIME)
			t->flags |= F_TIMEPART;
		if (t->type != T_NUM || t->cur != 0)
			continue;
		if (win(c, i + 1, time_after) && bare_int(c, i, 2) >= 0 && bare_int(c, i, 2) <= 24) {
			t->flags |= F_TIMEPART;
			c->t[i + 1].flags |= F_TIMEPART;
		} else if (i > 0 && win(c, i - 1, time_lead) && bare_int(c, i, 2) >= 0 &&
		    bare_int(c, i, 2) <= 24 && !(i + 1 < c->nt && c->t[i + 1].type == T_WORD &&
		    (!win(c, i + 1, stop_words) || win(c, i + 1, each_words))))
			t->flags |= F_TIMEPART;
		if (plain_digits(c, i) && (code_lead(c, i) || glued_code(c, i)))
			t->flags |= F_ID;
		if (i >= 3 && plain_digits(c, i) && (weq(c, i - 1, "de") || weq(c, i - 1, "of")) &&
		    (c->t[i - 2].flags & F_ID) && win(c, i - 3, inst_words))
			t->flags |= F_ID;	/* "parcela 3 de 10" */
		if (t->len > 1 && c->text[t->off] == '0' && is_digit(c->text[t->off + 1]))
			t->flags |= F_ID;	/* "0001": a number with leading zeros is a code */
		if (cut_fraction(c, i) || long_fraction(c, i) || dashed_code(c, i))
			t->flags |= F_ID;
		for (k = 0; k < sizeof(num_names) / sizeof(num_names[0]); k++)
			if (t->len == strlen(num_names[k].num) &&
			    memcmp(c->text + t->off, num_names[k].num, t->len) == 0 &&
			    weq(c, i + 1, num_names[k].next))
				t->flags |= F_NAME;
	}
}

/* 1 if the bytes between tokens a < b are at most max of the characters in set. */
static int
gap_is(const struct ctx *c, size_t a, size_t b, const char *set, size_t max)
{
	size_t k, from = c->t[a].off + c->t[a].len, to = c->t[b].off;

	if (to < from || to - from > max)
		return 0;
	for (k = from; k < to; k++)
		if (c->text[k] == '\0' || strchr(set, c->text[k]) == NULL)
			return 0;
	return 1;
}

/*
 * Telephone numbers and dashed codes: runs of digit groups such as
 * "555-1234", "98765-4321", "01-70884-3", "(11) 98765-4321", "+1 800 555
 * 0199", "91 123 45 67". Groups joined by dashes alone make a code from six
 * digits on; groups apart by spaces need three groups (or a leading "+" or
 * "(") and seven digits, so "lunch 12 15" is left to the competition rule.
 */
static void
pass_codes(struct ctx *c)
{
	size_t i = 0, k, nx, n, digits;
	int dashes;
	unsigned char b;

	while (i < c->nt) {
		if (!plain_digits(c, i) || (c->t[i].flags & F_DATEPART)) {
			i++;
			continue;
		}
		digits = c->t[i].len;
		n = 1;
		dashes = 1;
		for (k = i;; k = nx) {
			nx = k + 1;
			while (nx < c->nt && nx <= k + 2 && c->t[nx].type == T_PUNCT &&
			    strchr("-()", c->text[c->t[nx].off]) != NULL)
				nx++;
			if (!plain_digits(c, nx) || !gap_is(c, k, nx, " -()", 3))
				break;
			dashes &= gap_is(c, k, nx, "-", 1);
			digits += c->t[nx].len;
			n++;
		}
		b = byte_before(c, c->t[i].off, 1);
		if (n >= 2 && ((dashes && digits >= 6) ||
		    (digits >= 7 && (n >= 3 || b == '+' || b == '('))))
			for (nx = i; nx <= k; nx++)
				if (c->t[nx].type == T_NUM)
					c->t[nx].flags |= F_ID;
		i = k + 1;
	}
}

/* 1 if token i is the percent sign. */
static int
percent_at(const struct ctx *c, size_t i)
{
	return i < c->nt && c->t[i].type == T_PUNCT && c->text[c->t[i].off] == '%';
}

/* 1 if token i is the word "x" or the sign "×" between a count and a price. */
static int
times_at(const struct ctx *c, size_t i)
{
	return weq(c, i, "x") || (i < c->nt && c->t[i].type == T_PUNCT && c->t[i].len == 2 &&
	    (unsigned char)c->text[c->t[i].off] == 0xC3 &&
	    (unsigned char)c->text[c->t[i].off + 1] == 0x97);
}

/*
 * Percentages ("20%", "20 %"), counts of units ("3 months", "2 vezes") and
 * years ("em 2027"): numbers a message says, not money it names. A number
 * with a currency mark is money, whatever follows it.
 */
static void
pass_measures(struct ctx *c)
{
	size_t i;
	int v;

	for (i = 0; i < c->nt; i++) {
		struct tok *t = &c->t[i];

		if (t->type != T_NUM || t->cur != 0 || (t->flags & F_DATEPART))
			continue;
		if (times_at(c, i + 1) && (v = bare_int(c, i, 2)) >= 1 && i + 2 < c->nt &&
		    (c->t[i + 2].type == T_NUM || c->t[i + 2].type == T_CUR))
			t->flags |= F_X;	/* "2 x 15,90": a count, times the price */
		else if (percent_at(c, i + 1) || (win(c, i + 1, unit_words) &&
		    !(c->t[i + 1].flags & F_DATEPART) && !(weq(c, i + 1, "x") &&
		    bare_int(c, i, 2) < 0)))
			t->flags |= F_MEASURE;
		else if (t->len == 4 && !(t->flags & F_MIL) && (v = bare_int(c, i, 4)) >= 1900 &&
		    v <= 2100 && i > 0 && win(c, i - 1, year_lead))
			t->flags |= F_YEAR;
	}
}

/* Segment of each token: separators start a new one. */
static void
segments(const struct ctx *c, uint16_t *seg)
{
	size_t i;
	uint16_t s = 0;

	for (i = 0; i < c->nt; i++) {
		if (c->t[i].type == T_SEP)
			s++;
		seg[i] = s;
	}
}

/* An amount with a currency or separators: "R$ 5", "12,90", "1.500". */
static int
strong_amount(const struct ctx *c, size_t j)
{
	return c->t[j].cur != 0 || memchr(c->text + c->t[j].off, ',', c->t[j].len) != NULL ||
	    memchr(c->text + c->t[j].off, '.', c->t[j].len) != NULL;
}

/* The count a quantity token states ("2", "2x"), or 0 when it states none from 1 to 99. */
static int
count_of(const struct ctx *c, size_t q)
{
	const struct tok *t = &c->t[q];
	int v;

	if (t->type != T_NUM || t->len > 2 || t->cur != 0 || (t->flags & (F_NEG | F_K | F_MIL)))
		return 0;
	if (!is_digit(c->text[t->off]) || (t->len == 2 && !is_digit(c->text[t->off + 1])))
		return 0;
	v = c->text[t->off] - '0';
	if (t->len == 2)
		v = v * 10 + c->text[t->off + 1] - '0';
	return v;
}

/* The first token of amount a: its currency mark when one leads it ("R$ 45"). */
static size_t
before_amount(const struct ctx *c, size_t a)
{
	return a > 0 && c->t[a - 1].type == T_CUR && (c->t[a - 1].flags & F_USED) ? a - 1 : a;
}

/* The token after amount a and what follows it: "mil", its currency word ("9 euros cada"). */
static size_t
after_amount(const struct ctx *c, size_t a)
{
	size_t j = a + 1;

	if (j < c->nt && weq(c, j, "mil"))
		j++;
	if (j < c->nt && c->t[j].type == T_CUR && (c->t[j].flags & F_USED) &&
	    !(c->t[a].cur != 0 && before_amount(c, a) != a))
		j++;
	return j;
}

/*
 * Whether the count at q multiplies the amount at a, later in its segment:
 * the amount is a price per unit. It is when the count is written as times
 * ("2x 15,90", "2 x 15,90"), when a word for "each" follows the amount ("3
 * coffees at $4 each", "a R$ 40 cada"), or when the thing counted is joined
 * to its price by "de", "of", "at" or "a" ("2 ubers de 15", "3 cañas a
 * 2,50", "2 tickets of $20"). Otherwise the amount is the total ("2 coffees
 * $9", "comprei 2 cafés por 9"). Installments ("em 3x de R$ 33,33") are
 * not prices per unit.
 */
static int
multiplies(const struct ctx *c, size_t q, size_t a)
{
	size_t b, j;
	int words = 0;

	if (a >= c->nt || installment(c, a))
		return 0;
	b = before_amount(c, a);
	if (win(c, after_amount(c, a), each_words))
		return 1;
	if ((c->t[q].flags & F_X) && (b == q + 1 || (b == q + 2 && times_at(c, q + 1))))
		return 1;
	if (b < 2 || !win(c, b - 1, unit_price_links))
		return 0;
	for (j = q + 1; j + 1 < b; j++)
		words |= content(c, j);
	return words;
}

/*
 * A small number before a thing, with another amount later in its segment, is
 * a count: "2 coffees $8", "comprei 2 cafés por 9". Ids sandwiched between
 * words in a statement with a real amount go too ("COMPRA 0433 LOJA 12,90").
 * A count multiplies the amount after it when that is a price per unit
 * (multiplies), and "15,90 x 2" multiplies too. One pass back finds what
 * comes later in each segment, one pass forward decides: linear.
 */
static void
pass_quantities(struct ctx *c, const uint16_t *seg)
{
	size_t i, q = (size_t)-1, next = TOK_MAX;
	int later = 0, strong = 0, v, n;

	for (i = c->nt; i-- > 0;) {
		c->aux[i] = (uint8_t)((later ? 1 : 0) | (strong ? 2 : 0));
		c->nextc[i] = (uint16_t)next;
		if (is_candidate(&c->t[i])) {
			later = 1;
			strong |= strong_amount(c, i);
			next = i;
		}
		if (i > 0 && seg[i - 1] != seg[i]) {
			later = strong = 0;
			next = TOK_MAX;
		}
	}
	for (i = 0; i < c->nt; i++) {
		struct tok *t = &c->t[i];

		if (i > 0 && seg[i - 1] != seg[i])
			q = (size_t)-1;
		if (!is_candidate(t))
			continue;
		v = bare_int(c, i, 3);
		if (t->cur == 0 && (c->aux[i] & 1)) {
			/* anywhere before a price per unit: "can I afford 3 tickets at $40 each?" */
			if ((t->flags & F_X) || (v >= 0 && v <= 99 && i + 1 < c->nt &&
			    c->t[i + 1].type == T_WORD && !win(c, i + 1, stop_words) &&
			    (i == 0 || c->t[i - 1].type == T_SEP || win(c, i - 1, qty_lead) ||
			    (v >= 2 && multiplies(c, i, c->nextc[i]))))) {
				t->flags |= F_QTY;
				q = count_of(c, i) >= 2 ? i : (size_t)-1;
				continue;
			}
			if ((c->aux[i] & 2) && v < 0 && bare_int(c, i, 12) >= 0 && i > 0 &&
			    c->t[i - 1].type == T_WORD && i + 1 < c->nt &&
			    c->t[i + 1].type == T_WORD) {
				t->flags |= F_ID;
				continue;
			}
			if (bare_int(c, i, 12) >= 100 && i > 0 && c->t[i - 1].type == T_WORD &&
			    i + 1 < c->nt && is_candidate(&c->t[i + 1]) &&
			    strong_amount(c, i + 1)) {
				t->flags |= F_ID;	/* "CHIPOTLE 2231 12.85": a store number */
				continue;
			}
		}
		if (q != (size_t)-1 && multiplies(c, q, i))
			t->mul = (uint8_t)count_of(c, q);
		q = (size_t)-1;
		/* "15,90 x 2": the count comes after the price */
		if (t->mul == 0 && times_at(c, i + 1) && (n = count_of(c, i + 2)) >= 2 &&
		    plain_digits(c, i + 2) && seg[i + 2] == seg[i] && !(c->aux[i + 2] & 1)) {
			t->mul = (uint8_t)n;
			c->t[i + 2].flags |= F_QTY;
		}
	}
}

/* The currency code of amount token i, given the message's single explicit one. */
static const char *
resolve_currency(const struct ctx *c, size_t i, const char *msgcur)
{
	const struct curmark *m;

	if (c->t[i].cur == 0 || c->t[i].flags & F_CENTS)
		return msgcur;
	m = &curmarks[c->t[i].cur - 1];
	switch (m->kind) {
	case CK_DOLLAR_SIGN:
		return in_words(dollar_sign, c->defcur, 3) ? c->defcur : "USD";
	case CK_DOLLAR_WORD:
		return in_words(dollar_name, c->defcur, 3) ? c->defcur : "USD";
	case CK_PESO_WORD:
		return in_words(peso_name, c->defcur, 3) ? c->defcur : "MXN";
	case CK_YEN:
		return strcmp(c->defcur, "CNY") == 0 ? "CNY" : "JPY";
	default:
		return m->code;
	}
}

/* ---- which numbers are the money ---- */

/* A marked amount: a currency sign or word bound to it ("$5", "5 reais", "50 cents"). */
static int
marked(const struct ctx *c, size_t i)
{
	return c->t[i].cur != 0;
}

/* An amount with cents after its last separator ("46.00", "45,90"): a statement's amount. */
static int
decimal_amount(const struct ctx *c, size_t i)
{
	const struct tok *t = &c->t[i];

	return t->len >= 4 && (c->text[t->off + t->len - 3] == '.' ||
	    c->text[t->off + t->len - 3] == ',') && !(t->flags & (F_K | F_MIL));
}

/* An amount of nothing ("0,00"): beside another amount it is a fee not charged. */
static int
zero_amount(const struct ctx *c, size_t i)
{
	size_t k;

	for (k = c->t[i].off; k < (size_t)c->t[i].off + c->t[i].len; k++)
		if (c->text[k] >= '1' && c->text[k] <= '9')
			return 0;
	return 1;
}

/* A word in capitals, as statements write merchants ("SHELL", "POS"); not "I". */
static int
caps_word(const struct ctx *c, size_t i)
{
	size_t k, up = 0;

	/* a currency word bound to no number is a name: "PADARIA REAL 1234" */
	if (i >= c->nt || !(c->t[i].type == T_WORD || (c->t[i].type == T_CUR &&
	    !(c->t[i].flags & F_USED))))
		return 0;
	for (k = c->t[i].off; k < (size_t)c->t[i].off + c->t[i].len; k++) {
		if (c->text[k] >= 'a' && c->text[k] <= 'z')
			return 0;
		up += c->text[k] >= 'A' && c->text[k] <= 'Z';
	}
	return up >= 2;
}

/* A bare integer of at least min digits next to a merchant in capitals ("SHELL OIL 5744"). */
static int
merchant_number(const struct ctx *c, size_t i, size_t min)
{
	return plain_digits(c, i) && c->t[i].len >= min &&
	    ((i > 0 && caps_word(c, i - 1)) || caps_word(c, i + 1));
}

/* A count said in passing: "I have 2 kids", "você tem 3 faturas". */
static int
count_like(const struct ctx *c, size_t i)
{
	return plain_digits(c, i) && c->t[i].len <= 3 && i + 1 < c->nt &&
	    c->t[i + 1].type == T_WORD && !win(c, i + 1, stop_words) &&
	    !(c->t[i + 1].flags & F_DATEPART);
}

/*
 * 1 if a word of list comes before amount i within max other words of its
 * segment, marks, punctuation and numbers that are no amounts aside:
 * "Saldo disponível: R$ 2.340,10", "Available credit: $4,500.00", "balance
 * on account ending 4321 is $1,002.50".
 */
static int
words_before(const struct ctx *c, const uint16_t *seg, size_t i, const char *const *list,
    int max)
{
	size_t j = i, steps = 0;
	int words = 0;

	while (j > 0 && seg[j - 1] == seg[i] && steps < 8 && words <= max) {
		j--;
		steps++;
		if (c->t[j].type == T_CUR || c->t[j].type == T_PUNCT ||
		    (c->t[j].type == T_NUM && !is_candidate(&c->t[j])))
			continue;
		if (c->t[j].type != T_WORD)
			break;
		if (win(c, j, list))
			return 1;
		words += !win(c, j, stop_words);
	}
	return 0;
}

/* 1 if a word of list follows amount i, with at most stop words between: "$3.00 tip". */
static int
words_after(const struct ctx *c, const uint16_t *seg, size_t i, const char *const *list)
{
	size_t j, steps = 0;

	for (j = after_amount(c, i); j < c->nt && seg[j] == seg[i] && steps < 4; j++, steps++) {
		if (c->t[j].type == T_PUNCT)
			continue;
		if (c->t[j].type != T_WORD)
			return 0;
		if (win(c, j, list))
			return 1;
		if (!win(c, j, stop_words))
			return 0;
	}
	return 0;
}

/*
 * 1 if amount a is one installment: "em 3x de R$ 33,33", "12 vezes de 150",
 * "en 6 cuotas de 50".
 */
static int
installment(const struct ctx *c, size_t a)
{
	size_t b = before_amount(c, a);

	if (b < 3 || !(weq(c, b - 1, "de") || weq(c, b - 1, "of")))
		return 0;
	if (c->t[b - 2].type == T_NUM && (c->t[b - 2].flags & F_X) && !times_at(c, b - 1))
		return 1;
	return win(c, b - 2, inst_units) && c->t[b - 3].type == T_NUM;
}

/*
 * The same money in two currencies, one in parentheses or after "approx."
 * ("US$ 25,00 (R$ 130,45)", "€20.00 (approx. $21.60)"): the one in the
 * user's currency is what the account pays; else the first.
 */
static void
conversions(struct ctx *c, const char *defcur)
{
	size_t i, j, a = (size_t)-1;

	for (i = 0; i < c->nt; i++) {
		if (!is_candidate(&c->t[i]))
			continue;
		if (a != (size_t)-1 && marked(c, i) && i - a <= 6) {
			const char *ca = resolve_currency(c, a, defcur), *ci;
			int ok = 1;

			for (j = a + 1; j < i && ok; j++)
				ok = c->t[j].type == T_PUNCT || c->t[j].type == T_CUR ||
				    (c->t[j].type == T_SEP && c->text[c->t[j].off] == '.') ||
				    win(c, j, approx_words);
			ci = resolve_currency(c, i, defcur);
			if (ok && strcmp(ca, ci) != 0) {
				if (strcmp(ci, defcur) == 0 && strcmp(ca, defcur) != 0) {
					c->t[a].flags |= F_DROP;
					a = i;
				} else
					c->t[i].flags |= F_DROP;
				continue;
			}
		}
		a = marked(c, i) ? i : (size_t)-1;
	}
}

/*
 * Which numbers are the money, once dates, times, codes and counts are set
 * aside (see txtparse.h):
 * - a marked amount wins over the unmarked numbers of its segment ("SHELL OIL
 *   5744 $46.00", "seller 1234 ... $35.00");
 * - when the text has a marked amount, a count said in passing ("I have 2
 *   kids"), a number next to a merchant in capitals ("PADARIA REAL 1234.
 *   Valor R$ 45,90") and one of seven digits or more are not amounts
 *   anywhere in it;
 * - a statement line's amount is its decimal one: in a segment with one,
 *   bare integers go when the segment is in capitals ("POS 4821 SHELL OIL
 *   57442 46.00"), or when they have three digits or more and stand next to
 *   a word in capitals ("ATM 4455 withdrawal 60.00"); in a text all in
 *   capitals with one, such numbers go in every segment;
 * - "2 cafés y 1 tostada 6,40": a count alone before another part of the
 *   same item is a count;
 * - an installment or a zero ("Comisión 0,00 EUR") is the amount only when
 *   nothing else is, and a balance, a limit or a reward only when nothing
 *   else is and the segment says it was paid ("paid my card balance $500"):
 *   "Saldo disponível: R$ 1.234,56" alone is no transaction;
 * - the parts of a stated total ("Subtotal $20.00, tax $1.60, total
 *   $21.60") and money said to be included in another amount ("(includes
 *   $3.00 tip)") are not items.
 */
static void
pass_money(struct ctx *c, const uint16_t *seg)
{
	size_t i, s0, s1, lone = (size_t)-1;
	int text_marked = 0, text_decimal = 0, text_upper, other = 0, nonbal = 0;
	int total = 0, whole = 0;

	for (i = 0; i < c->nt; i++) {
		if (!is_candidate(&c->t[i]))
			continue;
		if (words_before(c, seg, i, bal_words, 3) || words_after(c, seg, i, bal_after))
			c->t[i].flags |= F_BAL;
		else if (installment(c, i))
			c->t[i].flags |= F_INST;
		else if (words_before(c, seg, i, incl_words, 1))
			c->t[i].flags |= F_PART;	/* after "including": not "30 including..." */
		else if (words_before(c, seg, i, total_words, 1) ||
		    words_after(c, seg, i, total_words))
			c->t[i].flags |= F_TOTAL;
		else if (words_before(c, seg, i, part_words, 1) ||
		    words_after(c, seg, i, part_words))
			c->t[i].flags |= F_PART;
		total |= (c->t[i].flags & F_TOTAL) != 0;
		whole |= !(c->t[i].flags & (F_BAL | F_INST | F_PART));
	}
	/*
	 * A stated total holds its parts, and "including" puts money inside
	 * another amount; "taxi 10 + tip 2" with neither is two items.
	 */
	for (i = 0; i < c->nt && whole; i++)
		if (is_candidate(&c->t[i]) && (c->t[i].flags & F_PART) && (total ||
		    words_before(c, seg, i, incl_words, 1)))
			c->t[i].flags |= F_DROP;
	conversions(c, c->defcur);
	for (i = 0; i < c->nt; i++) {
		if (!is_candidate(&c->t[i]) || (c->t[i].flags & (F_BAL | F_INST)))
			continue;
		text_marked |= marked(c, i);
		text_decimal |= marked(c, i) || decimal_amount(c, i);
	}
	/* a statement cut by commas: "MERCADONA 4521, TARJ. :*234567 25,40" */
	text_upper = text_decimal && c->nt > 0 && upper_case(c, 0, c->nt - 1);
	for (s0 = 0; s0 < c->nt; s0 = s1 + 1) {
		int seg_marked = 0, decisive = 0, upper, cands = 0;
		size_t first = (size_t)-1;

		for (s1 = s0; s1 + 1 < c->nt && seg[s1 + 1] == seg[s0]; s1++)
			;
		for (i = s0; i <= s1; i++) {
			if (!is_candidate(&c->t[i]) || (c->t[i].flags & (F_BAL | F_INST)))
				continue;
			seg_marked |= marked(c, i);
			decisive |= marked(c, i) || decimal_amount(c, i);
		}
		upper = decisive && upper_case(c, s0, s1);
		for (i = s0; i <= s1; i++) {
			struct tok *t = &c->t[i];

			if (!is_candidate(t) || marked(c, i))
				continue;
			if (seg_marked && !(t->flags & F_BAL))
				t->flags |= F_ID;
			else if (text_marked && count_like(c, i))
				t->flags |= F_QTY;
			else if (text_marked && (merchant_number(c, i, 1) ||
			    (plain_digits(c, i) && t->len >= 7)))
				t->flags |= F_ID;
			else if (decisive && !decimal_amount(c, i) &&
			    ((upper && plain_digits(c, i)) || merchant_number(c, i, 3)))
				t->flags |= F_ID;
			else if (text_upper && merchant_number(c, i, 3))
				t->flags |= F_ID;
		}
		/* "2 cafés y 1 tostada 6,40": the lone count before belongs to this item */
		for (i = s0; i <= s1; i++)
			if (is_candidate(&c->t[i])) {
				cands++;
				if (first == (size_t)-1)
					first = i;
			}
		if (lone != (size_t)-1 && (c->t[s0].flags & F_SOFT) && first != (size_t)-1) {
			for (i = s0 + 1; i < first && !content(c, i); i++)
				;
			if (i < first)
				c->t[lone].flags |= F_QTY;
		}
		lone = (size_t)-1;
		if (cands == 1 && !marked(c, first) && count_like(c, first) &&
		    count_of(c, first) >= 1) {
			for (i = s0; i < first && (c->t[i].type == T_SEP || win(c, i, qty_lead) ||
			    (c->t[i].flags & F_DATEPART)); i++)
				;
			if (i == first)
				lone = first;
		}
	}
	for (i = 1; i + 1 < c->nt; i++)
		if (is_candidate(&c->t[i]) && !marked(c, i) && c->t[i - 1].type == T_NUM &&
		    c->t[i + 1].type == T_NUM && (c->t[i - 1].flags & F_ID) &&
		    (c->t[i + 1].flags & F_ID) && gap_is(c, i - 1, i, " ", 1) &&
		    gap_is(c, i, i + 1, " ", 1))
			c->t[i].flags |= F_ID;	/* inside a code: "78901.234567 8 12340000034990" */
	for (i = 0; i < c->nt; i++)
		if (is_candidate(&c->t[i])) {
			other |= !(c->t[i].flags & (F_BAL | F_INST)) && !zero_amount(c, i);
			nonbal |= !(c->t[i].flags & F_BAL);
		}
	for (s0 = 0; s0 < c->nt; s0 = s1 + 1) {
		int paid = -1;	/* the segment says money was paid: not looked at yet */

		for (s1 = s0; s1 + 1 < c->nt && seg[s1 + 1] == seg[s0]; s1++)
			;
		for (i = s0; i <= s1; i++) {
			struct tok *t = &c->t[i];

			if (!is_candidate(t))
				continue;
			if (((t->flags & F_INST) || zero_amount(c, i)) && other)
				t->flags |= F_DROP;	/* "Comisión 0,00 EUR" beside the withdrawal */
			else if (t->flags & F_BAL) {
				if (paid == -1)
					paid = !nonbal && region_has(c, s0, s1, spend_words);
				if (!paid)
					t->flags |= F_DROP;
			}
		}
	}
}

/*
 * Never guess: numbers that compete for one item's amount with nothing to
 * tell them apart leave no amount. Two candidates of a segment with no word
 * between them compete ("lunch 12 15", "padaria 1234 5678") unless one of
 * them is a small number right before a thing, a count ("spent 20 on 2
 * pizzas", "almoço 35 com 3 amigos"); so do the bare integers of a segment
 * in capitals with no amount in cents ("POS 4821 SHELL OIL 57442").
 * txt_parse refuses them (ERR_AMBIGUOUS); txt_amounts passes them over.
 * Returns 0, or -1 with c->err.
 */
static int
pass_compete(struct ctx *c, const uint16_t *seg)
{
	size_t i, s0, s1, prev;

	for (s0 = 0; s0 < c->nt; s0 = s1 + 1) {
		int words = 0, n = 0, decisive = 0, clash = 0;

		for (s1 = s0; s1 + 1 < c->nt && seg[s1 + 1] == seg[s0]; s1++)
			;
		prev = (size_t)-1;
		for (i = s0; i <= s1; i++) {
			if (c->t[i].type == T_WORD && content(c, i))
				words = 1;
			if (!is_candidate(&c->t[i]))
				continue;
			n++;
			decisive |= marked(c, i) || decimal_amount(c, i);
			if (prev != (size_t)-1 && !words) {
				/* "spent 20 on 2 pizzas": a number before its thing counts it */
				if (count_like(c, i) && count_of(c, i) >= 1 && !count_like(c, prev)) {
					c->t[i].flags |= F_QTY;
					n--;
					continue;
				}
				if (count_like(c, prev) && count_of(c, prev) >= 1 &&
				    !count_like(c, i)) {
					c->t[prev].flags |= F_QTY;
					n--;
				} else
					clash = 1;
			}
			prev = i;
			words = 0;
		}
		clash |= n >= 2 && !decisive && upper_case(c, s0, s1);
		if (!clash)
			continue;
		if (!c->lenient) {
			c->err = ERR_AMBIGUOUS;
			return -1;
		}
		for (i = s0; i <= s1; i++)
			if (is_candidate(&c->t[i]))
				c->t[i].flags |= F_DROP;
	}
	return 0;
}

/* Currencies whose writers put a comma before the cents ("45,90"). */
static const char *const comma_decimal[] = { "BRL", "EUR", "ARS", "COP", "CLP", "UYU",
	"PYG", "CHF", NULL };

/*
 * Whether a lone "." or "," with three digits after it separates thousands:
 * always for currencies without cents; in English text a "." is a decimal
 * point ("4.567" has too many decimals, not 4567); elsewhere a "," is a
 * decimal comma for currencies written that way ("1,234" BRL is refused).
 */
static int
thousands_mark(const struct ctx *c, char sep, const char *cur, int minor)
{
	if (minor == 0)
		return 1;
	if (minor == 3)
		return 0;
	if (!c->dm_order)
		return sep == ',';
	return sep == '.' || !in_words(comma_decimal, cur, 3);
}

/*
 * Digits with "." and "," into minor units. One kind of separator used once
 * with exactly three digits after it may be a thousands separator ("1.234",
 * "$1,200": see thousands_mark); otherwise the last separator is the decimal
 * one. "k" and "mil" make thousands and allow three more decimals ("2.5k" is
 * 2500 even in yen). Returns 0, 1 if the text is not a well-formed amount
 * (ignored), or -1 with c->err.
 */
static int
amount_value(struct ctx *c, size_t i, const char *cur, int minor, int64_t *out)
{
	const char *s = c->text + c->t[i].off;
	size_t len = c->t[i].len, k, nsep = 0, last = len, g = 0, first = 0;
	char dec = 0, kind = 0;
	int64_t major = 0, frac = 0, scale = 1, mult;
	int fd = 0, mixed = 0, kexp = (c->t[i].flags & (F_K | F_MIL)) ? 3 : 0;

	for (k = 0; k < len; k++)
		if (s[k] == '.' || s[k] == ',') {
			mixed |= kind && kind != s[k];
			kind = s[k];
			nsep++;
			last = k;
		}
	if (mixed || (nsep == 1 && (len - last - 1 != 3 || (last == 1 && s[0] == '0') ||
	    !thousands_mark(c, s[last], cur, minor))))
		dec = s[last];
	for (k = 0; k < len; k++) {
		if (s[k] == dec && k == last) {
			for (k++; k < len; k++, fd++)
				if (fd < 18)
					frac = frac * 10 + (s[k] - '0');
			break;
		}
		if (s[k] == '.' || s[k] == ',') {
			if ((first == 0 ? g == 0 || g > 3 : g != 3) || (dec == 0 && s[k] != kind) ||
			    (dec != 0 && s[k] == dec))
				return 1;
			first = 1;
			g = 0;
			continue;
		}
		if (major > MAX_MAJOR) {
			c->err = ERR_ABSURD;
			return -1;
		}
		major = major * 10 + (s[k] - '0');
		g++;
	}
	if (first && g != 3)
		return 1;
	if (fd > minor + kexp) {
		c->err = ERR_DECIMALS;
		return -1;
	}
	for (k = 0; k < (size_t)minor; k++)
		scale *= 10;
	while (fd < minor + kexp) {
		frac *= 10;
		fd++;
	}
	mult = kexp ? 1000 : 1;
	if (major > MAX_MAJOR / mult) {
		c->err = ERR_ABSURD;
		return -1;
	}
	*out = major * scale * mult + frac;
	if (*out > MAX_MAJOR * scale) {
		c->err = ERR_ABSURD;
		return -1;
	}
	if (*out == 0) {
		c->err = ERR_ZERO;
		return -1;
	}
	return 0;
}

/* ---- items ---- */

static int
descriptive(const struct ctx *c, size_t i)
{
	const struct tok *t = &c->t[i];

	if (t->flags & (F_DATEPART | F_TIMEPART | F_USED))
		return 0;
	if (t->type == T_WORD)
		return 1;
	return t->type == T_NUM && !(t->flags & F_DROP) && (t->flags & (F_QTY | F_NAME | F_ID |
	    F_ORD | F_MEASURE | F_YEAR));
}

static int
content(const struct ctx *c, size_t i)
{
	return descriptive(c, i) && !win(c, i, stop_words) && c->t[i].type != T_SEP;
}

/* Append text[from..to) with whitespace collapsed, keeping UTF-8 sequences whole. */
static void
desc_append(const struct ctx *c, size_t from, size_t to, char *out, size_t *o)
{
	size_t i = from;

	while (i < to) {
		unsigned char ch = (unsigned char)c->text[i];
		size_t n = seq_len(c->text, to, i);

		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			if (*o > 0 && out[*o - 1] != ' ' && *o < 60)
				out[(*o)++] = ' ';
			i++;
			continue;
		}
		if (ch < 0x20 || ch == 0x7F) {
			i++;
			continue;
		}
		if (*o + n > 60)
			return;
		memcpy(out + *o, c->text + i, n);
		*o += n;
		i += n;
	}
}

/* Description from tokens [a, b]: edge stop words dropped, gaps become one space. */
static void
describe(const struct ctx *c, size_t a, size_t b, int strip, char *out)
{
	size_t o = 0, i, prev = (size_t)-1;

	out[0] = '\0';
	if (a > b || b >= c->nt)
		return;
	while (a <= b && !(strip ? content(c, a) : descriptive(c, a)))
		a++;
	while (b > a && !(strip ? content(c, b) : descriptive(c, b)))
		b--;
	if (a > b || !(strip ? content(c, a) : descriptive(c, a)))
		return;
	for (i = a; i <= b && o < 60; i++) {
		int keep = descriptive(c, i) || (c->t[i].type == T_SEP && (c->t[i].flags & F_CONJ)) ||
		    (c->t[i].type == T_PUNCT) || (c->t[i].type == T_SEP && c->text[c->t[i].off] == ',');

		if (!keep)
			continue;
		if (prev != (size_t)-1) {
			if (prev + 1 == i)
				desc_append(c, c->t[prev].off + c->t[prev].len, c->t[i].off, out, &o);
			else if (o > 0 && o < 60 && out[o - 1] != ' ')
				out[o++] = ' ';
		}
		desc_append(c, c->t[i].off, c->t[i].off + c->t[i].len, out, &o);
		prev = i;
	}
	while (o > 0 && (out[o - 1] == ' ' || out[o - 1] == ',' || out[o - 1] == '*' ||
	    out[o - 1] == '-' || out[o - 1] == ':'))
		o--;
	out[o] = '\0';
}

static int
region_has(const struct ctx *c, size_t a, size_t b, const char *const *list)
{
	size_t i, n;

	for (i = a; i <= b && i < c->nt; i++)
		if (c->t[i].type == T_WORD && phrase_in(c, i, list, &n))
			return 1;
	return 0;
}

/* Token range [*a, *b] an amount's words come from, within its segment. */
static void
item_region(const struct ctx *c, const uint16_t *seg, size_t ai, size_t *a, size_t *b)
{
	size_t s0 = ai, s1 = ai, i, first = (size_t)-1, prevc = (size_t)-1, nextc = (size_t)-1;
	int desc_first = 0;

	while (s0 > 0 && seg[s0 - 1] == seg[ai])
		s0--;
	while (s1 + 1 < c->nt && seg[s1 + 1] == seg[ai])
		s1++;
	if (s0 < c->nt && c->t[s0].type == T_SEP)
		s0++;
	for (i = s0; i <= s1; i++) {
		if (!is_candidate(&c->t[i]))
			continue;
		if (first == (size_t)-1)
			first = i;
		if (i < ai)
			prevc = i;
		if (i > ai && nextc == (size_t)-1)
			nextc = i;
	}
	for (i = s0; i < first; i++)
		desc_first |= content(c, i);
	if (prevc == (size_t)-1 && nextc == (size_t)-1) {
		*a = s0;
		*b = s1;
	} else if (desc_first) {
		/* "cafe 5 almoço 20": words come before their amount */
		*a = prevc == (size_t)-1 ? s0 : prevc + 1;
		*b = nextc == (size_t)-1 ? s1 : ai;
	} else {
		/* "5 cafe 20 almoço", "gastei 10 no uber 20 no café": after it */
		*a = prevc == (size_t)-1 ? s0 : ai + 1;
		*b = nextc == (size_t)-1 ? s1 : nextc - 1;
	}
	/* "pão e leite 12", "lunch at 1pm, $14": an amount-less segment before belongs here. */
	while (*a == s0 && s0 >= 2 && (c->t[s0 - 1].flags & F_SOFT)) {
		size_t p = s0 - 2, q;
		int cand = 0, words = 0;

		while (p > 0 && seg[p - 1] == seg[s0 - 2])
			p--;
		if (c->t[p].type == T_SEP)
			p++;
		for (q = p; q <= s0 - 2; q++) {
			cand |= is_candidate(&c->t[q]);
			words |= content(c, q);
		}
		if (cand || !words)
			break;
		*a = s0 = p;
	}
}

static void
set_date(const struct ctx *c, const uint16_t *seg, size_t a, size_t b, size_t ai,
    char *out)
{
	size_t k, pick = (size_t)-1;
	long day = c->today;

	for (k = 0; k < c->ndates && pick == (size_t)-1; k++)
		if ((c->dates[k].tok >= a && c->dates[k].tok <= b) || seg[c->dates[k].tok] == seg[ai])
			pick = k;
	/* Otherwise the nearest date before the amount, else the first in the message. */
	for (k = 0; k < c->ndates && pick == (size_t)-1; k++)
		if (c->dates[k].tok < ai && (k + 1 == c->ndates || c->dates[k + 1].tok > ai))
			pick = k;
	if (pick == (size_t)-1 && c->ndates > 0)
		pick = 0;
	if (pick != (size_t)-1)
		day = cal_days(c->dates[pick].y, c->dates[pick].m, c->dates[pick].d);
	cal_format(day, out);
}

/* The one currency written in the message, or the user's default. */
static const char *
message_currency(const struct ctx *c)
{
	const char *one = NULL, *cur;
	size_t i;

	for (i = 0; i < c->nt; i++) {
		if (!is_candidate(&c->t[i]) || c->t[i].cur == 0 || (c->t[i].flags & F_CENTS))
			continue;
		cur = resolve_currency(c, i, c->defcur);
		if (one != NULL && strcmp(one, cur) != 0)
			return c->defcur;
		one = cur;
	}
	return one ? one : c->defcur;
}

/* Bank-statement text is upper case: keep its words ("PAGUE MENOS", "EL CORTE INGLES"). */
static int
upper_case(const struct ctx *c, size_t a, size_t b)
{
	size_t i, k, letters = 0;

	for (i = a; i <= b && i < c->nt; i++) {
		if (c->t[i].type != T_WORD)
			continue;
		for (k = c->t[i].off; k < (size_t)c->t[i].off + c->t[i].len; k++) {
			if (c->text[k] >= 'a' && c->text[k] <= 'z')
				return 0;
			letters += c->text[k] >= 'A' && c->text[k] <= 'Z';
		}
	}
	return letters >= 3;
}

/*
 * The value of candidate token i in minor units of cur, times its count
 * ("2 ubers de 15": 30): 0; 1 if it is not a well-formed amount (ignored);
 * -1 with c->err for one that cannot be right.
 */
static int
token_amount(struct ctx *c, size_t i, const char *cur, int64_t *out)
{
	int minor = currency_minor_units(cur), r;
	int64_t limit = MAX_MAJOR;

	if (c->t[i].flags & F_NEG) {
		c->err = ERR_NEG;
		return -1;
	}
	if (minor < 0)
		minor = 2;
	if (c->t[i].flags & F_CENTS) {
		r = amount_value(c, i, cur, 0, out);
		if (r == 0 && minor == 0)
			return 1;	/* cents of a currency without cents */
	} else
		r = amount_value(c, i, cur, minor, out);
	if (r != 0 || c->t[i].mul < 2)
		return r;
	while (minor-- > 0)
		limit *= 10;
	if (*out > limit / c->t[i].mul) {
		c->err = ERR_ABSURD;
		return -1;
	}
	*out *= c->t[i].mul;
	return 0;
}

static int
make_item(struct ctx *c, const uint16_t *seg, size_t ai, const char *msgcur,
    int *income_run, struct txt_item *it)
{
	const char *cur = resolve_currency(c, ai, msgcur);
	size_t a, b, n;
	int r;

	if ((r = token_amount(c, ai, cur, &it->amount_cents)) != 0)
		return r;
	memcpy(it->currency, cur, 3);
	it->currency[3] = '\0';
	item_region(c, seg, ai, &a, &b);
	describe(c, a, b, !upper_case(c, a, b), it->description);
	if (it->description[0] == '\0')
		describe(c, a, b, 0, it->description);
	set_date(c, seg, a, b, ai, it->date);
	/* The whole segment, not just the region: "recebi 3000 de salário". */
	for (n = a; n > 0 && seg[n - 1] == seg[a]; n--)
		;
	if (region_has(c, n, b, spend_words))
		*income_run = 0;
	if (region_has(c, n, b, income_verbs))
		*income_run = 1;
	it->is_income = *income_run || region_has(c, n, b, income_nouns);
	if (!it->is_income) {
		struct cat_result cr;

		/* Statement wording the lists above lack: "PIX RECEBIDO", "ABONO NOMINA". */
		categorize(it->description, &cr);
		it->is_income = cr.category == CAT_INCOME;
	}
	return 0;
}

static int
setup(struct ctx *c, const char *text, const char *lang, const char *defcur,
    const char *today)
{
	enum lang	 l;

	if (text == NULL || lang == NULL || defcur == NULL || !currency_valid(defcur) ||
	    cal_parse_ymd(today, &c->ty, &c->tm, &c->td) == -1) {
		c->err = ERR_ARGS;
		return -1;
	}
	if (lang_parse(lang, &l) == -1) {
		c->err = ERR_ARGS;
		return -1;
	}
	c->dm_order = l != LANG_EN;
	c->len = strnlen(text, TXT_MAX_TEXT + 1);
	if (c->len > TXT_MAX_TEXT) {
		c->err = ERR_LONG;
		return -1;
	}
	c->today = cal_days(c->ty, c->tm, c->td);
	c->text = text;
	c->defcur = defcur;
	c->nt = c->npool = c->ndates = 0;
	return 0;
}

/* One reading at a time per thread: ~90 KB kept off small thread stacks. */
static _Thread_local struct ctx	tls_ctx;
static _Thread_local uint16_t	tls_seg[TOK_MAX];

/* The passes both readings share: tokens, dates, what is not an amount. 0, or -1 with c->err. */
static int
analyse(struct ctx *c, uint16_t *seg)
{
	if (tokenize(c) == -1)
		return -1;
	if (c->nt == 0) {
		c->err = ERR_EMPTY;
		return -1;
	}
	fold_words(c);
	pass_currency(c);
	if (pass_dates(c) == -1)
		return -1;
	pass_not_amounts(c);
	pass_codes(c);
	pass_measures(c);
	segments(c, seg);
	pass_quantities(c, seg);
	pass_money(c, seg);
	return pass_compete(c, seg);
}

int
txt_parse(const char *text, const char *lang, const char *default_currency,
    const char *today, struct txt_item *items, size_t max, size_t *n,
    const char **errmsg)
{
	struct ctx *c = &tls_ctx;
	const char *msgcur;
	size_t i, ni = 0;
	int income_run = 0, r;

	*n = 0;
	c->err = ERR_NOAMOUNT;
	c->lenient = 0;
	if (setup(c, text, lang, default_currency, today) == -1 || analyse(c, tls_seg) == -1)
		goto fail;
	msgcur = message_currency(c);
	for (i = 0; i < c->nt; i++) {
		if (!is_candidate(&c->t[i]))
			continue;
		if (ni >= max || ni >= TXT_MAX_ITEMS) {
			c->err = ERR_MANY;
			goto fail;
		}
		memset(&items[ni], 0, sizeof(items[ni]));
		if ((r = make_item(c, tls_seg, i, msgcur, &income_run, &items[ni])) == -1)
			goto fail;
		if (r == 0)
			ni++;
	}
	if (ni == 0) {
		c->err = ERR_NOAMOUNT;
		goto fail;
	}
	*n = ni;
	return 0;
fail:
	*errmsg = c->err;
	*n = 0;
	return -1;
}

/* Any real day anchors the dates txt_amounts sets aside: their values are never used. */
#define AMOUNTS_TODAY	"2000-01-01"

int
txt_amounts(const char *text, const char *lang, const char *default_currency,
    struct txt_amount *out, size_t max, size_t *n)
{
	struct ctx *c = &tls_ctx;
	const char *msgcur, *cur;
	int64_t v;
	size_t i;

	*n = 0;
	c->lenient = 1;
	if (setup(c, text, lang, default_currency, AMOUNTS_TODAY) == -1)
		return -1;
	if (analyse(c, tls_seg) == -1)
		return c->err == ERR_EMPTY ? 0 : -1;
	msgcur = message_currency(c);
	for (i = 0; i < c->nt && *n < max; i++) {
		if (!is_candidate(&c->t[i]))
			continue;
		cur = resolve_currency(c, i, msgcur);
		if (token_amount(c, i, cur, &v) != 0)
			continue;	/* negative, zero, absurd, too many decimals: not one */
		out[*n].amount_cents = v;
		memcpy(out[*n].currency, cur, 3);
		out[*n].currency[3] = '\0';
		out[*n].marked = c->t[i].cur != 0;
		(*n)++;
	}
	return 0;
}

int
txt_error_no_amount(const char *errmsg)
{
	return errmsg == ERR_NOAMOUNT || errmsg == ERR_EMPTY || errmsg == ERR_AMBIGUOUS;
}
