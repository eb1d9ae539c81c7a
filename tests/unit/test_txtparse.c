/* test_txtparse.c: amounts, currencies, dates, separators, income, refusals, corpus. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "domain/categorize.h"
#include "domain/txtparse.h"

#ifndef CORPUS_PATH
#define CORPUS_PATH "tests/data/transactions-corpus.tsv"
#endif

#define TODAY	"2026-11-24"	/* a Tuesday */

static struct txt_item	it[TXT_MAX_ITEMS];
static size_t		n;
static const char	*err;

static int
parse(const char *text, const char *lang, const char *cur)
{
	err = NULL;
	return txt_parse(text, lang, cur, TODAY, it, TXT_MAX_ITEMS, &n, &err);
}

/* Expect exactly one item. */
static void
one(const char *text, const char *lang, const char *cur, long long cents,
    const char *ecur, const char *date, const char *desc)
{
	ck_assert_msg(parse(text, lang, cur) == 0, "%s: %s", text, err ? err : "");
	ck_assert_msg(n == 1, "%s: %zu items", text, n);
	ck_assert_msg(it[0].amount_cents == cents, "%s: %lld", text,
	    (long long)it[0].amount_cents);
	ck_assert_str_eq(it[0].currency, ecur);
	ck_assert_str_eq(it[0].date, date);
	if (desc)
		ck_assert_str_eq(it[0].description, desc);
}

static void
refused(const char *text, const char *lang, const char *cur)
{
	ck_assert_msg(parse(text, lang, cur) == -1, "accepted: %s", text);
	ck_assert(err != NULL && strlen(err) > 10);
	ck_assert_uint_eq(n, 0);
}

START_TEST(examples)
{
	ck_assert_int_eq(parse("coffee $5 and lunch $15", "en", "USD"), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(it[0].amount_cents, 500);
	ck_assert_str_eq(it[0].description, "coffee");
	ck_assert_int_eq(it[1].amount_cents, 1500);
	ck_assert_str_eq(it[1].description, "lunch");
	ck_assert_int_eq(parse("Gastei 45,90 no mercado e 12 no uber", "pt", "BRL"), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(it[0].amount_cents, 4590);
	ck_assert_str_eq(it[0].description, "mercado");
	ck_assert_int_eq(it[1].amount_cents, 1200);
	ck_assert_str_eq(it[1].description, "uber");
	ck_assert_str_eq(it[1].currency, "BRL");
	one("pagué 8,50 € en el café", "es", "MXN", 850, "EUR", TODAY, "café");
	one("spent 12 on lunch yesterday", "en", "USD", 1200, "USD", "2026-11-23", "lunch");
	one("uber 23,50 ontem", "pt", "BRL", 2350, "BRL", "2026-11-23", "uber");
	one("gasté 1.200 pesos en el súper", "es", "MXN", 120000, "MXN", TODAY, "súper");
}
END_TEST

START_TEST(separators)
{
	static const struct { const char *text, *lang; size_t n; } cases[] = {
		{ "coffee 4, bagel 3.50, juice 6", "en", 3 },
		{ "café 5; almoço 28; ônibus 4,40", "pt", 3 },
		{ "lunch 15\ntaxi 22\r\ncinema 18", "en", 3 },
		{ "pan 1,20 y leche 0,95", "es", 2 },
		{ "pão 8 e leite 6 e café 20", "pt", 3 },
		{ "cafe 5 almoço 20", "pt", 2 },
		{ "taxi 10 + tip 2", "en", 2 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_msg(parse(cases[i].text, cases[i].lang, "EUR") == 0, "%s", cases[i].text);
		ck_assert_msg(n == cases[i].n, "%s: %zu", cases[i].text, n);
	}
	ck_assert_int_eq(parse("cafe 5 almoço 20", "pt", "BRL"), 0);
	ck_assert_str_eq(it[0].description, "cafe");
	ck_assert_str_eq(it[1].description, "almoço");
	ck_assert_int_eq(parse("pão e leite 12 reais", "pt", "BRL"), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(it[0].description, "pão e leite");
}
END_TEST

START_TEST(numbers)
{
	one("mercado 1.234,56", "pt", "BRL", 123456, "BRL", TODAY, NULL);
	one("groceries 1,234.56", "en", "USD", 123456, "USD", TODAY, NULL);
	one("R$ 1.234 aluguel", "pt", "BRL", 123400, "BRL", TODAY, "aluguel");
	one("rent $1,200", "en", "USD", 120000, "USD", TODAY, "rent");
	one("renta $1,200.50", "es", "MXN", 120050, "MXN", TODAY, NULL);
	one("casa 1.234.567,89", "pt", "BRL", 123456789, "BRL", TODAY, NULL);
	one("coffee 4.5", "en", "USD", 450, "USD", TODAY, NULL);
	one("laptop 1.5k", "en", "USD", 150000, "USD", TODAY, NULL);
	one("recebi 3 mil de salário", "pt", "BRL", 300000, "BRL", TODAY, NULL);
	one("gum 50 cents", "en", "USD", 50, "USD", TODAY, "gum");
	one("ramen ¥1,500", "en", "USD", 1500, "JPY", TODAY, "ramen");
	one("almuerzo 25.000", "es", "COP", 2500000, "COP", TODAY, NULL);
	one("micro 800", "es", "CLP", 800, "CLP", TODAY, NULL);
	one("lunch 1000000000000", "en", "USD", 100000000000000LL, "USD", TODAY, NULL);
}
END_TEST

START_TEST(currencies)
{
	one("US$ 30 uber", "pt", "BRL", 3000, "USD", TODAY, NULL);
	one("R$45,90 mercado", "en", "USD", 4590, "BRL", TODAY, NULL);
	one("45,90€ mercado", "pt", "BRL", 4590, "EUR", TODAY, NULL);
	one("pint £4.20", "en", "USD", 420, "GBP", TODAY, NULL);
	one("taxi 20 USD", "pt", "BRL", 2000, "USD", TODAY, "taxi");
	one("taxi EUR 20", "pt", "BRL", 2000, "EUR", TODAY, "taxi");
	one("taxi 20 BRL", "en", "USD", 2000, "BRL", TODAY, "taxi");
	one("taxi 300 MXN", "en", "USD", 30000, "MXN", TODAY, NULL);
	one("taxi 3000 ARS", "en", "USD", 300000, "ARS", TODAY, NULL);
	one("taxi 3000 COP", "en", "USD", 300000, "COP", TODAY, NULL);
	one("taxi 3000 CLP", "en", "USD", 3000, "CLP", TODAY, NULL);
	one("taxi 20 GBP", "en", "USD", 2000, "GBP", TODAY, NULL);
	one("uber 20 reais", "en", "USD", 2000, "BRL", TODAY, "uber");
	one("uber 1 real", "en", "USD", 100, "BRL", TODAY, NULL);
	one("cena 20 euros", "es", "MXN", 2000, "EUR", TODAY, "cena");
	/* "$" and dollar/peso words: the user's currency when it fits */
	one("taco $50", "es", "MXN", 5000, "MXN", TODAY, NULL);
	one("taco $50", "pt", "BRL", 5000, "USD", TODAY, NULL);
	one("coffee 5 bucks", "en", "CAD", 500, "CAD", TODAY, NULL);
	one("coffee 5 dollars", "en", "MXN", 500, "USD", TODAY, NULL);
	one("café 20 dólares", "pt", "BRL", 2000, "USD", TODAY, NULL);
	one("tacos 120 pesos", "es", "ARS", 12000, "ARS", TODAY, NULL);
	one("tacos 120 pesos", "es", "EUR", 12000, "MXN", TODAY, NULL);
	one("coffee 5", "en", "GBP", 500, "GBP", TODAY, NULL);
	/* one written currency applies to unmarked amounts in the same message */
	ck_assert_int_eq(parse("coffee $5 and lunch 15", "en", "BRL"), 0);
	ck_assert_str_eq(it[1].currency, "USD");
	/* a code that is also a word is not a currency away from a number */
	one("ALL good, lunch 12", "en", "USD", 1200, "USD", TODAY, NULL);
}
END_TEST

START_TEST(dates)
{
	one("taxi 20 today", "en", "USD", 2000, "USD", TODAY, "taxi");
	one("taxi 20 hoje", "pt", "BRL", 2000, "BRL", TODAY, "taxi");
	one("taxi 20 hoy", "es", "EUR", 2000, "EUR", TODAY, "taxi");
	one("taxi 20 ayer", "es", "EUR", 2000, "EUR", "2026-11-23", NULL);
	one("anteontem padaria 12", "pt", "BRL", 1200, "BRL", "2026-11-22", "padaria");
	one("anteayer pan 2", "es", "EUR", 200, "EUR", "2026-11-22", NULL);
	one("day before yesterday gas 45", "en", "USD", 4500, "USD", "2026-11-22", "gas");
	one("last friday dinner 40", "en", "USD", 4000, "USD", "2026-11-20", "dinner");
	one("sexta passada jantar 80", "pt", "BRL", 8000, "BRL", "2026-11-20", "jantar");
	one("jantar 80 na sexta", "pt", "BRL", 8000, "BRL", "2026-11-20", NULL);
	one("el viernes pasado cena 300", "es", "MXN", 30000, "MXN", "2026-11-20", "cena");
	one("last tuesday lunch 9", "en", "USD", 900, "USD", "2026-11-17", NULL);
	one("on 3/11 taxi 20", "en", "USD", 2000, "USD", "2026-03-11", "taxi");
	one("em 03/11 taxi 20", "pt", "BRL", 2000, "BRL", "2026-11-03", "taxi");
	one("2026-11-02 netflix 39,90", "pt", "BRL", 3990, "BRL", "2026-11-02", "netflix");
	one("3 de novembro farmácia 50", "pt", "BRL", 5000, "BRL", "2026-11-03", "farmácia");
	one("el 3 de noviembre de 2025 ropa 45", "es", "EUR", 4500, "EUR", "2025-11-03", NULL);
	one("November 3 pharmacy 50", "en", "USD", 5000, "USD", "2026-11-03", "pharmacy");
	one("November 3rd, 2025 pharmacy 50", "en", "USD", 5000, "USD", "2025-11-03", NULL);
	one("11/03/2026 cinema 30", "pt", "BRL", 3000, "BRL", "2026-03-11", "cinema");
	one("11/03/2026 cinema 30", "en", "USD", 3000, "USD", "2026-11-03", NULL);
	one("12/25 gifts 30", "en", "USD", 3000, "USD", "2025-12-25", NULL);	/* no year: past */
	one("03.11.2026 café 3", "pt", "EUR", 300, "EUR", "2026-11-03", NULL);
	one("29/02/2024 pizza 20", "pt", "BRL", 2000, "BRL", "2024-02-29", NULL);
	refused("uber 10 on 2026-02-30", "en", "USD");
	refused("uber 10 em 31/04", "pt", "BRL");
	refused("uber 10 on 4/31", "en", "USD");
	refused("pizza 20 29/02/2026", "pt", "BRL");
	refused("taxi 20 on 13/25", "en", "USD");
	refused("taxi 20 el 30 de febrero", "es", "EUR");
	/* each item its own date when written; else the message's */
	ck_assert_int_eq(parse("coffee 3 today and lunch 12 yesterday", "en", "USD"), 0);
	ck_assert_str_eq(it[0].date, TODAY);
	ck_assert_str_eq(it[1].date, "2026-11-23");
	ck_assert_int_eq(parse("ontem gastei 10 no uber e 20 no mercado", "pt", "BRL"), 0);
	ck_assert_str_eq(it[0].date, "2026-11-23");
	ck_assert_str_eq(it[1].date, "2026-11-23");
}
END_TEST

START_TEST(not_amounts)
{
	one("2 coffees $8", "en", "USD", 800, "USD", TODAY, "2 coffees");
	one("lunch at 3pm 15", "en", "USD", 1500, "USD", TODAY, "lunch");
	one("lunch 15 at 3 pm", "en", "USD", 1500, "USD", TODAY, NULL);
	one("almoço às 13h 32", "pt", "BRL", 3200, "BRL", TODAY, NULL);
	one("meeting 10:30 coffee 4", "en", "USD", 400, "USD", TODAY, NULL);
	one("POS DEBIT STARBUCKS #1234 SEATTLE WA 5.75", "en", "USD", 575, "USD", TODAY,
	    "POS DEBIT STARBUCKS #1234 SEATTLE WA");
	one("COMPRA CARTAO 1234 MERCADONA VALENCIA 23,45", "es", "EUR", 2345, "EUR", TODAY, NULL);
	one("CHIPOTLE 2231 12.85", "en", "USD", 1285, "USD", TODAY, NULL);
	one("99 pop 15,90", "pt", "BRL", 1590, "BRL", TODAY, "99 pop");
	one("AMZN MKTP US*2K4L 29.99", "en", "USD", 2999, "USD", TODAY, NULL);
}
END_TEST

/* Store and card numbers, codes, telephones and times never become amounts (issue 14). */
START_TEST(never_invents)
{
	one("SHELL OIL 5744 $46.00", "en", "USD", 4600, "USD", TODAY, "SHELL OIL 5744");
	one("POS 4821 SHELL OIL 57442 46.00", "en", "USD", 4600, "USD", TODAY, NULL);
	one("PAG*IFOOD 0032 45,90", "pt", "BRL", 4590, "BRL", TODAY, NULL);
	one("ATM 4455 withdrawal 60.00", "en", "USD", 6000, "USD", TODAY, NULL);
	refused("card ending 4821", "en", "USD");
	refused("cartão final 4821", "pt", "BRL");
	refused("tarjeta terminada en 1234", "es", "EUR");
	refused("my card ending in 4821", "en", "USD");
	/* "R$" leads the number after it, not the card number before it */
	one("cartão final 4821 R$ 50", "pt", "BRL", 5000, "BRL", TODAY, NULL);
	one("Compra con tarjeta ****1234 por 23,50 EUR en MERCADONA", "es", "EUR", 2350, "EUR",
	    TODAY, NULL);
	one("compra 20 € con tarjeta •••• 1234", "es", "EUR", 2000, "EUR", TODAY, NULL);
	one("call me at 555-1234 about the $12 lunch", "en", "USD", 1200, "USD", TODAY, NULL);
	one("liga no (11) 98765-4321, paguei R$ 35 no táxi", "pt", "BRL", 3500, "BRL", TODAY, NULL);
	one("Transaction declined: $45.00 at GAS 4411. Call 1-800-555-0199", "en", "USD", 4500,
	    "USD", TODAY, NULL);
	refused("my phone is 555-123-4567", "en", "USD");
	refused("mi número es 612 345 678", "es", "EUR");
	refused("seu código de verificação é 482913", "pt", "BRL");
	refused("your verification code is 482913", "en", "USD");
	one("Zelle: sent $600.00 to LANDLORD LLC, confirmation 1234567890", "en", "USD", 60000,
	    "USD", TODAY, NULL);
	one("lunch at 12:30 was $14", "en", "USD", 1400, "USD", TODAY, NULL);
	one("almoço às 13h 42,00", "pt", "BRL", 4200, "BRL", TODAY, NULL);
	one("Compra aprovada: PADARIA REAL 1234. Valor R$ 45,90", "pt", "BRL", 4590, "BRL", TODAY,
	    NULL);
	one("I have 2 kids and spent $40 on toys", "en", "USD", 4000, "USD", TODAY, NULL);
	/* a bank slip's digit line is no amount */
	one("PAGTO BOLETO 34191.79001 01043.510047 91020.150008 8 87650000012345 123,45", "pt",
	    "BRL", 12345, "BRL", TODAY, NULL);
	/* "é" is "is", not "and" */
	one("o almoço é 30", "pt", "BRL", 3000, "BRL", TODAY, "almoço");
	one("parcela 3/10 do carro 890", "pt", "BRL", 89000, "BRL", TODAY, NULL);
}
END_TEST

/* Never guess: competing unmarked numbers are refused, and say so. */
START_TEST(competing)
{
	refused("lunch 12 15", "en", "USD");
	ck_assert(txt_error_no_amount(err));
	refused("padaria 1234 5678", "pt", "BRL");
	refused("POS 4821 SHELL OIL 57442", "en", "USD");
	refused("SHELL OIL 5744 46", "en", "USD");
	refused("uber 12-15", "en", "USD");
	/* a word between them makes two items; a count before its thing is a count */
	ck_assert_int_eq(parse("uber 12 lunch 15", "en", "USD"), 0);
	ck_assert_uint_eq(n, 2);
	one("spent 20 on 2 pizzas", "en", "USD", 2000, "USD", TODAY, NULL);
	one("almoço 35 com 3 amigos", "pt", "BRL", 3500, "BRL", TODAY, NULL);
	/* a marked amount wins over the unmarked numbers of its segment */
	one("flight 1234 to NYC was $320", "en", "USD", 32000, "USD", TODAY, NULL);
	one("coffee $5 lunch 15", "en", "USD", 500, "USD", TODAY, NULL);
	ck_assert_int_eq(parse("coffee $5 and lunch 15", "en", "USD"), 0);
	ck_assert_uint_eq(n, 2);
}
END_TEST

/* A count multiplies a price per unit; otherwise the amount is the total. */
START_TEST(quantities)
{
	one("2 ubers de 15", "pt", "BRL", 3000, "BRL", TODAY, "2 ubers");
	one("3 coffees at $4 each", "en", "USD", 1200, "USD", TODAY, "3 coffees");
	one("2x 15,90", "pt", "BRL", 3180, "BRL", TODAY, NULL);
	one("2 x 15.90", "en", "USD", 3180, "USD", TODAY, NULL);
	one("15,90 x 2", "pt", "BRL", 3180, "BRL", TODAY, NULL);
	one("3 cañas a 2,50", "es", "EUR", 750, "EUR", TODAY, NULL);
	one("comprei 3 camisetas a R$ 40 cada", "pt", "BRL", 12000, "BRL", TODAY, NULL);
	one("2 entradas de cine de 9 euros cada una", "es", "EUR", 1800, "EUR", TODAY, NULL);
	one("2 coffees $9", "en", "USD", 900, "USD", TODAY, "2 coffees");
	one("comprei 2 cafés por 9", "pt", "BRL", 900, "BRL", TODAY, NULL);
	one("2 pizzas for $30", "en", "USD", 3000, "USD", TODAY, NULL);
	one("2 cafés y 1 tostada 6,40", "es", "EUR", 640, "EUR", TODAY, NULL);
	/* installments are not prices per unit */
	one("Compra de R$ 99,99 em 3x de R$ 33,33", "pt", "BRL", 9999, "BRL", TODAY, NULL);
	one("parcelado em 3x de R$ 33,33", "pt", "BRL", 3333, "BRL", TODAY, NULL);
	refused("2x 999999999999", "en", "USD");	/* the product is absurd */
}
END_TEST

/* Bank and card notifications: exactly the amount charged. */
START_TEST(notifications)
{
	one("Compra aprovada no cartão final 4821 no valor de R$ 45,90 em PADARIA REAL em 12/11 "
	    "às 14:32", "pt", "BRL", 4590, "BRL", "2026-11-12", NULL);
	one("Pix enviado: R$ 120,00 para João Silva", "pt", "BRL", 12000, "BRL", TODAY, NULL);
	one("Você recebeu um Pix de R$ 350,00", "pt", "BRL", 35000, "BRL", TODAY, NULL);
	one("Your card ending in 1234 was charged $23.50 at STARBUCKS #1042 on Nov 12", "en",
	    "USD", 2350, "USD", "2026-11-12", NULL);
	one("Compra con tarjeta ****1234 por 23,50 EUR en MERCADONA el 12/11", "es", "EUR", 2350,
	    "EUR", "2026-11-12", NULL);
	one("Bizum recibido de 15,00 €", "es", "EUR", 1500, "EUR", TODAY, NULL);
	one("Transaction alert: $1,250.00 debit card purchase at BEST BUY 00123", "en", "USD",
	    125000, "USD", TODAY, NULL);
	/* balances and limits are not what was spent */
	one("Compra de 15,60 € en CARREFOUR 321. Saldo disponible: 842,10 €", "es", "EUR", 1560,
	    "EUR", TODAY, NULL);
	one("Amex: $52.10 at WHOLE FOODS 10234. Available credit: $4,500.00", "en", "USD", 5210,
	    "USD", TODAY, NULL);
	refused("Saldo disponível: R$ 1.234,56", "pt", "BRL");
	refused("Available balance on account ending 4321 is $1,002.50", "en", "USD");
	one("paid my credit card balance $500", "en", "USD", 50000, "USD", TODAY, NULL);
	/* the same money in two currencies: the user's */
	one("Compra internacional de US$ 25,00 (R$ 130,45) em STEAM", "pt", "BRL", 13045, "BRL",
	    TODAY, NULL);
	one("Charged €20.00 (approx. $21.60) at LOUVRE", "en", "USD", 2160, "USD", TODAY, NULL);
	one("Pago de 23,00 USD (21,40 €) en NETFLIX.COM", "es", "EUR", 2140, "EUR", TODAY, NULL);
	/* rewards, alert thresholds and fees not charged are not what was spent */
	one("Compra de R$ 45,90 aprovada. Você ganhou R$ 0,46 de cashback", "pt", "BRL", 4590,
	    "BRL", TODAY, NULL);
	one("A charge of $45.90 at PADARIA exceeded your $25.00 alert limit", "en", "USD", 4590,
	    "USD", TODAY, NULL);
	one("Retirada de 60,00 EUR en cajero 8412. Comisión 0,00 EUR", "es", "EUR", 6000, "EUR",
	    TODAY, NULL);
	/* a stated total holds its parts; "including" puts money inside another amount */
	one("Subtotal $20.00, tax $1.60, total $21.60", "en", "USD", 2160, "USD", TODAY, NULL);
	one("Uber: Your trip total is $23.45 (includes $3.00 tip)", "en", "USD", 2345, "USD",
	    TODAY, NULL);
	one("Total 34,50 € (IVA incluido 5,99 €)", "es", "EUR", 3450, "EUR", TODAY, NULL);
	one("lunch 30 including tip 5", "en", "USD", 3000, "USD", TODAY, NULL);
	ck_assert_int_eq(parse("taxi 10 + tip 2", "en", "USD"), 0);	/* no total: two items */
	ck_assert_uint_eq(n, 2);
	/* ids with dots and dashes, masks with a middle dot */
	one("Pix 150 para CPF 123.456.789-00", "pt", "BRL", 15000, "BRL", TODAY, NULL);
	one("Compra de 18,40 € en PANADERIA 12. Tarjeta ·4321", "es", "EUR", 1840, "EUR", TODAY,
	    NULL);
	one("Seu boleto de R$ 349,90. Linha digitável 23790.12345 60000.123456 78901.234567 8 "
	    "12340000034990", "pt", "BRL", 34990, "BRL", TODAY, NULL);
}
END_TEST

/* Chat without a verb. */
START_TEST(chat)
{
	one("almoço 32 reais ontem", "pt", "BRL", 3200, "BRL", "2026-11-23", "almoço");
	one("coffee 4.75", "en", "USD", 475, "USD", TODAY, "coffee");
	one("taxi 14 ayer", "es", "EUR", 1400, "EUR", "2026-11-23", "taxi");
	one("uber 23,90", "pt", "BRL", 2390, "BRL", TODAY, "uber");
	one("mercado 187,35 hoje", "pt", "BRL", 18735, "BRL", TODAY, "mercado");
}
END_TEST

/* Percentages, counts of units and years are said, not spent. */
START_TEST(measures)
{
	one("gym 3 months 90", "en", "USD", 9000, "USD", TODAY, "gym 3 months");
	one("parcelei em 12 vezes de 150", "pt", "BRL", 15000, "BRL", TODAY, NULL);
	one("cena para 4 personas 120", "es", "EUR", 12000, "EUR", TODAY, NULL);
	one("20% off, shoes 40", "en", "USD", 4000, "USD", TODAY, "20% off, shoes");
	one("seguro do carro em 2025 1.500", "pt", "BRL", 150000, "BRL", TODAY, NULL);
	one("viagem em 2027 2 mil", "pt", "BRL", 200000, "BRL", TODAY, NULL);
	/* "de" and "of" lead prices as often as years */
	one("uma TV de 2000", "pt", "BRL", 200000, "BRL", TODAY, NULL);
	/* a currency mark makes money of what follows anything */
	one("paid $2026 in 2026", "en", "USD", 202600, "USD", TODAY, NULL);
	/* "dia 10" is a date, so 250 is still the amount */
	one("dentista 250 dia 10", "pt", "BRL", 25000, "BRL", "2026-11-10", NULL);
	refused("I paid for 3 months", "en", "USD");
	refused("spent 20% more", "en", "USD");
	refused("spent 20 % more", "en", "USD");
	refused("gastei em 2025", "pt", "BRL");
	refused("quanto gastei nos últimos 7 dias?", "pt", "BRL");
}
END_TEST

/* "k" and "mil" carry decimals; a fraction without its whole part is no amount. */
START_TEST(thousands_and_fractions)
{
	one("laptop 2.5k", "en", "JPY", 2500, "JPY", TODAY, "laptop");
	one("viagem 2,5 mil", "pt", "BRL", 250000, "BRL", TODAY, "viagem");
	one("carro 12,345 mil", "pt", "BRL", 1234500, "BRL", TODAY, NULL);
	one("carro 1,2345 mil", "pt", "BRL", 123450, "BRL", TODAY, NULL);
	refused("carro 1,234567 mil", "pt", "BRL");	/* R$ 1.234,567 */
	refused("coffee .50", "en", "USD");
	refused("café ,50", "pt", "BRL");
	/* after a word it is a missing space */
	one("café,15", "pt", "BRL", 1500, "BRL", TODAY, "café");
	one("coffee,4.50", "en", "USD", 450, "USD", TODAY, "coffee");
}
END_TEST

/* txt_amounts: what txt_parse would read as money, and whether it was marked. */
static size_t
amounts(const char *text, const char *lang, const char *cur, struct txt_amount *a)
{
	size_t	 na = 99;

	ck_assert_msg(txt_amounts(text, lang, cur, a, 8, &na) == 0, "refused: %s", text);
	ck_assert_uint_le(na, 8);
	return na;
}

START_TEST(amounts_stated)
{
	static const struct {
		const char	*text, *lang, *cur;
		long long	 cents;
		const char	*ecur;
		int		 marked;
	} cases[] = {
		{ "can I afford $1,200?", "en", "USD", 120000, "USD", 1 },
		{ "can I afford 1200.50 for a bike", "en", "USD", 120050, "USD", 0 },
		{ "can I afford a 2k laptop", "en", "USD", 200000, "USD", 0 },
		{ "can I afford a 2.5K tv", "en", "USD", 250000, "USD", 0 },
		{ "posso comprar um celular de 1.200,50?", "pt", "BRL", 120050, "BRL", 0 },
		{ "posso comprar um celular de R$ 800?", "pt", "BRL", 80000, "BRL", 1 },
		{ "posso gastar 2 mil numa viagem em 2027?", "pt", "BRL", 200000, "BRL", 0 },
		{ "¿puedo comprar una bici de 450,75 €?", "es", "EUR", 45075, "EUR", 1 },
		{ "¿puedo permitirme un viaje de 1.200?", "es", "JPY", 1200, "JPY", 0 },
		{ "posso gastar 200reais?", "pt", "BRL", 20000, "BRL", 1 },
		{ "posso gastar US$ 1000?", "pt", "BRL", 100000, "USD", 1 },
		{ "can I afford 50 cents", "en", "USD", 50, "USD", 1 },
		{ "dinner 40 on 31/02", "pt", "BRL", 4000, "BRL", 0 },	/* no such day: set aside */
		{ "can I afford 3 tickets at $40 each?", "en", "USD", 12000, "USD", 1 },
		{ "posso comprar um celular de R$ 1.200 no cartão final 4821?", "pt", "BRL", 120000,
		    "BRL", 1 },
	};
	struct txt_amount	 a[8];
	size_t			 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_msg(amounts(cases[i].text, cases[i].lang, cases[i].cur, a) == 1,
		    "%s: not one amount", cases[i].text);
		ck_assert_msg(a[0].amount_cents == cases[i].cents, "%s: %lld", cases[i].text,
		    (long long)a[0].amount_cents);
		ck_assert_str_eq(a[0].currency, cases[i].ecur);
		ck_assert_int_eq(a[0].marked, cases[i].marked);
	}
	/* every amount, in order */
	ck_assert_uint_eq(amounts("rent is 1200, can I afford 350 or 400?", "en", "USD", a), 3);
	ck_assert(a[0].amount_cents == 120000 && a[1].amount_cents == 35000 &&
	    a[2].amount_cents == 40000);
	ck_assert(!a[0].marked && !a[1].marked && !a[2].marked);
	/* a marked amount wins over the unmarked numbers of its segment; "2 kids" is a count */
	ck_assert_uint_eq(amounts("I have 2 kids, can I afford 350 or $400?", "en", "USD", a), 1);
	ck_assert(a[0].amount_cents == 40000 && a[0].marked);
}
END_TEST

START_TEST(amounts_none)
{
	static const char *const none[] = { "can I afford a trip in 2027?", "for 3 months",
		"20% of my salary", "-50 coffee", "coffee 0", "lunch 12.999",
		"lunch 99999999999999999999", "at 3pm", "11/03/2026", "#1234", "", "no numbers",
		"1.2.3,4", NULL };
	struct txt_amount	 a[8];
	size_t			 i, na = 99;

	for (i = 0; none[i] != NULL; i++)
		ck_assert_msg(amounts(none[i], "en", "USD", a) == 0, "found one in: %s", none[i]);
	/* the conventions of the language: a comma before cents in pt, not in en */
	ck_assert_uint_eq(amounts("1,20", "pt", "BRL", a), 1);
	ck_assert_int_eq(a[0].amount_cents, 120);
	ck_assert_uint_eq(amounts("1,200", "en", "USD", a), 1);
	ck_assert_int_eq(a[0].amount_cents, 120000);
	ck_assert_uint_eq(amounts("45.999", "en", "USD", a), 0);
	/* at most max */
	ck_assert_int_eq(txt_amounts("1, 2, 3, 4, 5", "en", "USD", a, 2, &na), 0);
	ck_assert_uint_eq(na, 2);
	/* numbers that compete with nothing to tell them apart are none */
	ck_assert_int_eq(txt_amounts("1 2 3 4 5", "en", "USD", a, 2, &na), 0);
	ck_assert_uint_eq(na, 0);
	/* bad arguments */
	ck_assert_int_eq(txt_amounts("coffee 5", "fr", "USD", a, 8, &na), -1);
	ck_assert_uint_eq(na, 0);
	ck_assert_int_eq(txt_amounts("coffee 5", "en", "XXX", a, 8, &na), -1);
	ck_assert_int_eq(txt_amounts(NULL, "en", "USD", a, 8, &na), -1);
}
END_TEST

START_TEST(income)
{
	one("salary 5000", "en", "USD", 500000, "USD", TODAY, "salary");
	ck_assert(it[0].is_income);
	one("recebi 3000 de salário", "pt", "BRL", 300000, "BRL", TODAY, "salário");
	ck_assert(it[0].is_income);
	one("me pagaron 2000", "es", "MXN", 200000, "MXN", TODAY, NULL);
	ck_assert(it[0].is_income);
	one("got paid 1500", "en", "USD", 150000, "USD", TODAY, NULL);
	ck_assert(it[0].is_income);
	one("freelance income 800", "en", "USD", 80000, "USD", TODAY, NULL);
	ck_assert(it[0].is_income);
	one("TRANSFERENCIA RECIBIDA NOMINA ACME 2.345,67", "es", "EUR", 234567, "EUR", TODAY, NULL);
	ck_assert(it[0].is_income);
	one("lunch 12", "en", "USD", 1200, "USD", TODAY, NULL);
	ck_assert(!it[0].is_income);
	ck_assert_int_eq(parse("Recebi 3000 e gastei 50 no mercado", "pt", "BRL"), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert(it[0].is_income);
	ck_assert(!it[1].is_income);
}
END_TEST

START_TEST(refusals)
{
	refused("coffee", "en", "USD");
	refused("", "en", "USD");
	refused("  \n ", "en", "USD");
	refused("gastei muito no mercado", "pt", "BRL");
	refused("coffee -5", "en", "USD");
	refused("rent $-1200", "en", "USD");
	refused("paguei -R$ 30 no uber", "pt", "BRL");
	refused("coffee 4.567", "en", "USD");
	refused("almoço 12,345", "pt", "BRL");
	refused("lunch 12.999", "en", "USD");
	refused("ramen 4.5 JPY", "en", "USD");
	refused("lunch 1000000000001", "en", "USD");
	refused("lunch 99999999999999999999999", "en", "USD");
	refused("mercado 0", "pt", "BRL");
	refused("\xf0\x9f\x99\x82\xf0\x9f\x99\x82", "en", "USD");
	refused("ontem no uber", "pt", "BRL");
	/* bad arguments */
	ck_assert_int_eq(txt_parse("coffee 5", "fr", "USD", TODAY, it, 20, &n, &err), -1);
	ck_assert_int_eq(txt_parse("coffee 5", "en", "XXX", TODAY, it, 20, &n, &err), -1);
	ck_assert_int_eq(txt_parse("coffee 5", "en", "USD", "2026-02-30", it, 20, &n, &err), -1);
	ck_assert_int_eq(txt_parse("coffee 5", "en", "USD", "today", it, 20, &n, &err), -1);
	ck_assert_int_eq(txt_parse("a 1, b 2, c 3", "en", "USD", TODAY, it, 2, &n, &err), -1);
}
END_TEST

START_TEST(truncation)
{
	static const char text[] = "coffee 5 ção ção ção ção ção ção ção ção ção ção ção ção ção ção";
	size_t len, k;

	ck_assert_int_eq(parse(text, "pt", "BRL"), 0);
	len = strlen(it[0].description);
	ck_assert(len <= 60 && len > 40);
	/* whole UTF-8 sequences only: no lead byte without its continuation */
	for (k = 0; k < len; k++)
		if ((unsigned char)it[0].description[k] == 0xC3)
			ck_assert(k + 1 < len);
	ck_assert(((unsigned char)it[0].description[len - 1] & 0xC0) != 0xC0);
}
END_TEST

START_TEST(hostile)
{
	static char big[TXT_MAX_TEXT + 2];
	size_t k, o = 0;

	/* 1000 numbers: more amounts than items allowed, refused, no crash */
	for (k = 0; k < 1000 && o + 8 < 4096; k++)
		o += (size_t)snprintf(big + o, sizeof(big) - o, "%zu, ", k + 1);
	ck_assert_int_eq(parse(big, "en", "USD"), -1);
	/* emoji and mixed scripts with one amount */
	o = 0;
	while (o + 40 < 4096) {
		static const char mix[] = "\xf0\x9f\x98\x80 \xd0\xbf\xd1\x80\xd0\xb8 \xe4\xb8\xad ";

		memcpy(big + o, mix, sizeof(mix) - 1);
		o += sizeof(mix) - 1;
	}
	memcpy(big + o, "coffee 5", 9);
	ck_assert_int_eq(parse(big, "en", "USD"), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(it[0].amount_cents, 500);
	/* separators, dots and digits only */
	memset(big, '.', 4096);
	big[4096] = '\0';
	refused(big, "en", "USD");
	for (k = 0; k < 4096; k++)
		big[k] = "1.,/-:$#"[k % 8];
	parse(big, "pt", "BRL");
	for (k = 0; k < 4096; k++)
		big[k] = (char)(0x80 + k % 0x7F);
	parse(big, "es", "EUR");
	/* too long */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	refused(big, "en", "USD");
}
END_TEST

/*
 * A code of 10 to 12 digits after "pedido", "order"… is a code, not an
 * amount: its value once overflowed an int, came out negative and passed for
 * an amount of billions (found by tests/fuzz/fuzz_txtparse.c).
 */
START_TEST(long_codes)
{
	one("pedido 3000000000 uber 15", "pt", "BRL", 1500, "BRL", TODAY, NULL);
	one("order 2147483648 lunch 12", "en", "USD", 1200, "USD", TODAY, NULL);
	one("pedido 999999999999 mercado 10", "pt", "BRL", 1000, "BRL", TODAY, NULL);
	/* the fuzzer's input */
	ck_assert_int_eq(txt_parse("^\t\t\t9999999999\t\t", "pt", "GBP", "2024-02-29", it,
	    TXT_MAX_ITEMS, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(it[0].amount_cents, 999999999900LL);
}
END_TEST

/* The corpus writes a newline inside a text as the two characters "\\n". */
static void
unescape(char *s)
{
	char *o = s;

	for (; *s; s++, o++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*o = '\n';
			s++;
		} else
			*o = *s;
	}
	*o = '\0';
}

/* The corpus: amounts+currencies >= 98% exact, categories >= 90%, errors refused. */
START_TEST(corpus)
{
	char line[4096];
	size_t items = 0, amt = 0, cat = 0, errl = 0, erro = 0;
	FILE *fp = fopen(CORPUS_PATH, "r");

	ck_assert_msg(fp != NULL, "cannot open %s", CORPUS_PATH);
	while (fgets(line, sizeof(line), fp) != NULL) {
		char *f[6], *p = line, *spec;
		size_t nf = 0, k;
		int used[TXT_MAX_ITEMS] = { 0 }, r;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (nf < 6) {
			char *t = strchr(p, '\t');

			f[nf++] = p;
			if (t == NULL)
				break;
			*t = '\0';
			p = t + 1;
		}
		ck_assert_uint_eq(nf, 6);
		unescape(f[3]);
		r = txt_parse(f[3], f[0], f[1], f[2], it, TXT_MAX_ITEMS, &n, &err);
		if (strcmp(f[5], "error") == 0) {
			errl++;
			erro += r == -1;
			continue;
		}
		if (r == -1)
			n = 0;
		for (spec = f[4]; spec != NULL && *spec != '\0'; spec = p) {
			char ecur[4] = "", ecat[16] = "";
			long long cents = strtoll(spec, NULL, 10);
			const char *bar1, *bar3;

			if ((p = strchr(spec, ';')) != NULL)
				*p++ = '\0';
			bar1 = strchr(spec, '|');
			bar3 = strrchr(spec, '|');
			ck_assert(bar1 != NULL && bar3 != NULL);
			memcpy(ecur, bar1 + 1, 3);
			snprintf(ecat, sizeof(ecat), "%s", bar3 + 1);
			items++;
			for (k = 0; k < n; k++) {
				struct cat_result cr;

				if (used[k] || it[k].amount_cents != cents || strcmp(it[k].currency, ecur))
					continue;
				used[k] = 1;
				amt++;
				categorize(it[k].description, &cr);
				cat += strcmp(it[k].is_income ? "income" : category_name(cr.category),
				    ecat) == 0;
				break;
			}
		}
	}
	fclose(fp);
	ck_assert_msg(items >= 300, "corpus too small: %zu", items);
	ck_assert_msg(amt * 100 >= items * 98, "amounts %zu/%zu", amt, items);
	ck_assert_msg(cat * 100 >= amt * 90, "categories %zu/%zu", cat, amt);
	ck_assert_msg(erro * 100 >= errl * 95, "errors refused %zu/%zu", erro, errl);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("txtparse");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, examples);
	tcase_add_test(tc, separators);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, currencies);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, not_amounts);
	tcase_add_test(tc, never_invents);
	tcase_add_test(tc, competing);
	tcase_add_test(tc, quantities);
	tcase_add_test(tc, notifications);
	tcase_add_test(tc, chat);
	tcase_add_test(tc, measures);
	tcase_add_test(tc, thousands_and_fractions);
	tcase_add_test(tc, amounts_stated);
	tcase_add_test(tc, amounts_none);
	tcase_add_test(tc, income);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, truncation);
	tcase_add_test(tc, hostile);
	tcase_add_test(tc, long_codes);
	tcase_add_test(tc, corpus);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
