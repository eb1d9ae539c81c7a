/*
 * test_categorize.c: categories, merchants, keywords, folding, merchant keys;
 * the rule table's invariants; kinds, subcategories and their precedence.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/categorize.h"

static enum category
cat(const char *s)
{
	struct cat_result r;

	categorize(s, &r);
	return r.category;
}

START_TEST(names)
{
	enum category c;
	int i;

	for (i = 0; i < CAT_COUNT; i++) {
		ck_assert_int_eq(category_parse(category_name((enum category)i), &c), 0);
		ck_assert_int_eq(c, i);
		ck_assert(strlen(category_description((enum category)i)) > 10);
	}
	ck_assert_str_eq(category_name(CAT_FOOD), "food");
	ck_assert_str_eq(category_name(CAT_INCOME), "income");
	ck_assert_str_eq(category_name((enum category)99), "other");
	ck_assert_int_eq(category_parse("Food", &c), -1);
	ck_assert_int_eq(category_parse("", &c), -1);
	ck_assert_int_eq(category_parse(NULL, &c), -1);
}
END_TEST

START_TEST(fold)
{
	char out[64];

	ck_assert_uint_eq(categorize_fold("Pão de Açúcar", strlen("Pão de Açúcar"), out,
	    sizeof(out)), strlen("pao de acucar"));
	ck_assert_str_eq(out, "pao de acucar");
	categorize_fold("  ÁÉÍÓÚ âêô ãõ ç ñ ü  ", strlen("  ÁÉÍÓÚ âêô ãõ ç ñ ü  "), out, sizeof(out));
	ck_assert_str_eq(out, "aeiou aeo ao c n u");
	categorize_fold("McDonald's *UBER* 12", 20, out, sizeof(out));
	ck_assert_str_eq(out, "mcdonalds uber 12");
	categorize_fold("McDonald\xe2\x80\x99s", 12, out, sizeof(out));
	ck_assert_str_eq(out, "mcdonalds");
	categorize_fold("caf\xc3", 4, out, sizeof(out));	/* truncated UTF-8 */
	ck_assert_str_eq(out, "caf");
	categorize_fold("abc defgh", 9, out, 7);	/* full: whole words only */
	ck_assert_str_eq(out, "abc");
	categorize_fold("\xf0\x9f\x98\x80 hi", 7, out, sizeof(out));
	ck_assert_str_eq(out, "hi");
}
END_TEST

START_TEST(merchants)
{
	static const struct { const char *s; enum category c; const char *m; } cases[] = {
		{ "UBER *TRIP 8XJ2 SAO PAULO", CAT_TRANSPORT, "Uber" },
		{ "UBER *EATS", CAT_FOOD, "Uber Eats" },
		{ "PAG*IFOOD SAO PAULO BR", CAT_FOOD, "iFood" },
		{ "COMPRA CARTAO 1234 MERCADONA VALENCIA", CAT_FOOD, "Mercadona" },
		{ "POS DEBIT STARBUCKS #1234 SEATTLE WA", CAT_FOOD, "Starbucks" },
		{ "DEBITO AUTOMATICO ENEL", CAT_UTILITIES, "Enel" },
		{ "Pão de Açúcar Loja 123", CAT_FOOD, "Pão de Açúcar" },
		{ "El Corte Inglés", CAT_OTHER, "El Corte Inglés" },
		{ "Netflix.com", CAT_ENTERTAINMENT, "Netflix" },
		{ "99 POP", CAT_TRANSPORT, "99" },
		{ "C&A MODAS", CAT_CLOTHING, "C&A" },
		{ "McDonald's", CAT_FOOD, "McDonald's" },
		{ "AMAZON MARKETPLACE", CAT_OTHER, "Amazon" },
		{ "MERCADO LIVRE", CAT_OTHER, "Mercado Livre" },
		{ "Droga Raia", CAT_HEALTH, "Droga Raia" },
		{ "CVS/PHARMACY", CAT_HEALTH, "CVS" },
		{ "Shell", CAT_TRANSPORT, "Shell" },
		{ "Iberdrola", CAT_UTILITIES, "Iberdrola" },
		{ "udemy", CAT_EDUCATION, "Udemy" },
		{ "ZARA", CAT_CLOTHING, "Zara" },
		{ "airbnb", CAT_HOUSING, "Airbnb" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cat_result r;

		categorize(cases[i].s, &r);
		ck_assert_msg(r.category == cases[i].c, "%s -> %s", cases[i].s,
		    category_name(r.category));
		ck_assert_str_eq(r.merchant, cases[i].m);
		ck_assert(r.confidence >= 0.85 && r.confidence <= 1.0);
	}
}
END_TEST

START_TEST(keywords)
{
	static const struct { const char *s; enum category c; } cases[] = {
		{ "rent", CAT_HOUSING }, { "aluguel", CAT_HOUSING }, { "alquiler", CAT_HOUSING },
		{ "electricity", CAT_UTILITIES }, { "conta de luz", CAT_UTILITIES },
		{ "energia", CAT_UTILITIES }, { "agua", CAT_UTILITIES }, { "internet", CAT_UTILITIES },
		{ "farmácia", CAT_HEALTH }, { "pharmacy", CAT_HEALTH }, { "médico", CAT_HEALTH },
		{ "cinema", CAT_ENTERTAINMENT }, { "cine", CAT_ENTERTAINMENT },
		{ "show", CAT_ENTERTAINMENT }, { "escola", CAT_EDUCATION }, { "curso", CAT_EDUCATION },
		{ "tuition", CAT_EDUCATION }, { "roupa", CAT_CLOTHING }, { "ropa", CAT_CLOTHING },
		{ "shoes", CAT_CLOTHING }, { "mercado", CAT_FOOD }, { "supermercado", CAT_FOOD },
		{ "groceries", CAT_FOOD }, { "restaurante", CAT_FOOD }, { "café", CAT_FOOD },
		{ "lunch", CAT_FOOD }, { "almoço", CAT_FOOD }, { "gasolina", CAT_TRANSPORT },
		{ "taxi", CAT_TRANSPORT }, { "ônibus", CAT_TRANSPORT }, { "metro", CAT_TRANSPORT },
		{ "salário", CAT_INCOME }, { "salary", CAT_INCOME }, { "sueldo", CAT_INCOME },
		{ "2 coffees", CAT_FOOD }, { "shoes at walmart", CAT_CLOTHING },
		{ "gas bill", CAT_UTILITIES }, { "salario uber", CAT_INCOME },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cat_result r;

		categorize(cases[i].s, &r);
		ck_assert_msg(r.category == cases[i].c, "%s -> %s", cases[i].s,
		    category_name(r.category));
		ck_assert(r.confidence >= 0.7 && r.confidence <= 0.9);
	}
}
END_TEST

START_TEST(nothing)
{
	struct cat_result r;

	categorize("xyzzy plugh", &r);
	ck_assert_int_eq(r.category, CAT_OTHER);
	ck_assert_str_eq(r.merchant, "");
	ck_assert(r.confidence > 0.29 && r.confidence < 0.31);
	categorize("", &r);
	ck_assert_int_eq(r.category, CAT_OTHER);
	categorize(NULL, &r);
	ck_assert_int_eq(r.category, CAT_OTHER);
	/* word boundaries: no "uber" inside "tuberculosis", no "bar" in "barco" */
	ck_assert_int_eq(cat("tuberculosis"), CAT_OTHER);
	ck_assert_int_eq(cat("barco"), CAT_OTHER);
}
END_TEST

START_TEST(keys)
{
	char k[64];

	merchant_key("UBER *TRIP 8XJ2 SAO PAULO", k, sizeof(k));
	ck_assert_str_eq(k, "uber");
	merchant_key("Pão de Açúcar Loja 123", k, sizeof(k));
	ck_assert_str_eq(k, "pao de acucar");
	merchant_key("PADARIA BELA VISTA 0032 SAO PAULO SP", k, sizeof(k));
	ck_assert_str_eq(k, "padaria bela vista");
	merchant_key("POS DEBIT JOE'S DINER #12 SEATTLE WA", k, sizeof(k));
	ck_assert_str_eq(k, "joes diner");
	merchant_key("1234 5678", k, sizeof(k));
	ck_assert_str_eq(k, "");
	merchant_key("ANNIE S DINER 12", k, sizeof(k));	/* stored keys keep their words */
	ck_assert_str_eq(k, "annie diner");
	merchant_key("TRADER JOE S #123", k, sizeof(k));
	ck_assert_str_eq(k, "trader joes");
	merchant_key("Pão de Açúcar", k, 4);
	ck_assert_str_eq(k, "pao");
	merchant_key("x", k, 0);
}
END_TEST

/* Every rule: folded pattern, a subcategory of its own category, a kind that fits. */
START_TEST(rules)
{
	char	f[128];
	size_t	i;

	ck_assert_uint_gt(cat_nrules, 0);
	ck_assert_uint_lt(cat_nrules, 4096);	/* cat_init's index */
	for (i = 0; i < cat_nrules; i++) {
		const struct cat_rule *r = &cat_rules[i];

		categorize_fold(r->pattern, strlen(r->pattern), f, sizeof(f));
		ck_assert_msg(strcmp(f, r->pattern) == 0, "pattern \"%s\" is not folded", r->pattern);
		ck_assert_msg(r->category < CAT_COUNT && r->kind < KIND_COUNT &&
		    r->rank <= RK_REFUND, "%s: out of range", r->pattern);
		ck_assert_msg(r->subcategory == NULL || subcategory_of(r->subcategory,
		    (enum category)r->category), "%s: %s is not under %s", r->pattern,
		    r->subcategory, category_name((enum category)r->category));
		ck_assert_msg((r->category == CAT_INCOME) == (r->kind == KIND_INCOME),
		    "%s: income goes with income", r->pattern);
		if (r->rank == RK_NONE)
			ck_assert_msg(r->kind == KIND_SPENDING && !(r->flags & (CR_WEAK | CR_IN)),
			    "%s: a what-rule says only what for", r->pattern);
		else
			ck_assert_msg(!(r->flags & (CR_BIZ | CR_BANK | CR_CHANNEL)),
			    "%s: a kind rule names no payee", r->pattern);
	}
}
END_TEST

/* Alone, every rule decides (none lost to the index, none shadowed by another). */
START_TEST(rules_reachable)
{
	size_t i;

	for (i = 0; i < cat_nrules; i++) {
		const struct cat_rule *r = &cat_rules[i];
		struct cat_result c;

		if (r->flags & (CR_BANK | CR_BIZ))
			continue;
		categorize(r->pattern, &c);
		ck_assert_msg(c.kind == (enum txn_kind)r->kind, "%s -> %s", r->pattern,
		    kind_name(c.kind));
		if (r->kind != KIND_REFUND)
			ck_assert_msg(c.category == (enum category)r->category, "%s -> %s",
			    r->pattern, category_name(c.category));
	}
}
END_TEST

/* What money does, and which word wins (categorize.h, merchants.c). */
START_TEST(kinds)
{
	static const struct {
		const char *s, *cat, *sub, *kind;
	} cases[] = {
		/* a kind word beats a merchant; a refund keeps what was refunded */
		{ "ESTORNO IFOOD", "food", "delivery", "refund" },
		{ "NUBANK PAGAMENTO FATURA", "other", "", "debt_payment" },
		{ "IOF COMPRA INTERNACIONAL AMAZON", "other", "bank_fees", "fee" },
		{ "ESTORNO TARIFA", "other", "bank_fees", "refund" },
		{ "TARIFA PIX", "other", "bank_fees", "fee" },
		{ "ESTORNO", "other", "", "refund" },
		/* a weak word yields: a bill named, a merchant's fee, a purchase by BNPL */
		{ "PAGAMENTO FATURA VIVO", "utilities", "phone", "spending" },
		{ "VERIZON WIRELESS AUTOPAY", "utilities", "phone", "spending" },
		{ "CHASE CREDIT CRD AUTOPAY", "other", "", "debt_payment" },
		{ "AUTOPAY PAYMENT RECEIVED - THANK YOU", "other", "", "debt_payment" },
		{ "UBER EATS SERVICE FEE", "food", "delivery", "spending" },
		{ "Card delivery fee", "other", "bank_fees", "fee" },
		{ "KLARNA* ZARA", "clothing", "apparel", "spending" },
		/* rails: a person is a transfer, a business or a purpose is spending */
		{ "PIX ENVIADO MARIA SILVA", "other", "", "transfer" },
		{ "PIX ENVIADO PADARIA BELA VISTA", "food", "groceries", "spending" },
		{ "PIX ENVIADO ACME LTDA", "other", "", "spending" },
		{ "ZELLE TO TIM JONES", "other", "", "transfer" },
		{ "RENT PAYMENT ZELLE", "housing", "rent", "spending" },
		{ "BIZUM A JAVIER CENA", "food", "restaurants", "spending" },
		/* money in by a rail: a person, a company, a share paid back, rent */
		{ "PIX RECEBIDO JOAO SILVA", "other", "", "transfer" },
		{ "Transferência recebida pelo Pix - JOAO - BCO BRADESCO S.A. (0237)", "other", "",
		    "transfer" },
		{ "PIX RECEBIDO ACME LTDA", "income", "other_income", "income" },
		{ "BIZUM RECIBIDO CENA", "food", "restaurants", "refund" },
		{ "TRANSFERENCIA RECIBIDA ALQUILER", "income", "rental_income", "income" },
		{ "TRANSFERENCIA RECIBIDA NOMINA ACME", "income", "salary", "income" },
		{ "ABONO", "other", "", "transfer" },
		{ "ABONO TRANSPORTE", "transport", "public_transit", "spending" },
		/* savings, redemptions, own accounts */
		{ "APLICACAO POUPANCA", "other", "", "savings_contribution" },
		{ "RENDIMENTO POUPANCA", "income", "investment_income", "income" },
		{ "RESGATE POUPANCA", "other", "", "transfer" },
		{ "TRASPASO A CUENTA AHORRO", "other", "", "savings_contribution" },
		{ "TRASPASO INTERNO RECIBIDO", "other", "", "transfer" },
		{ "ATM CASH DEPOSIT", "other", "", "transfer" },
		{ "MOBILE DEPOSIT", "income", "other_income", "income" },
		/* a mortgage is housing; any other loan is a debt payment */
		{ "PARCELA FINANCIAMENTO IMOBILIARIO", "housing", "mortgage", "spending" },
		{ "PARCELA FINANCIAMENTO VEICULO", "other", "", "debt_payment" },
		{ "CUOTA PRESTAMO HIPOTECARIO", "housing", "mortgage", "spending" },
		{ "CUOTA PRESTAMO PERSONAL", "other", "", "debt_payment" },
		/* cash out of an ATM in a shop; the ATM's fee */
		{ "Cash withdrawal at Sainsbury's Bank ATM", "other", "cash", "spending" },
		{ "ATM FEE", "other", "bank_fees", "fee" },
		/* income words */
		{ "salario uber", "income", "salary", "income" },
		{ "me pagaron la nomina", "income", "salary", "income" },
		{ "recebi o aluguel", "income", "rental_income", "income" },
		/* what-rules: a delivery app over the restaurant, a possessive "S" */
		{ "GRUBHUB*PANDA EXPRESS", "food", "delivery", "spending" },
		{ "TRADER JOE S #123", "food", "groceries", "spending" },
		{ "ACME S A", "other", "", "spending" },
		{ "DIA SUPERMERCADOS", "food", "groceries", "spending" },
		{ "PORTO SEGURO AUTO", "transport", "insurance", "spending" },
		{ "SPRINGFIELD WATER UTILITY", "utilities", "water", "spending" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cat_result r;

		categorize(cases[i].s, &r);
		ck_assert_msg(strcmp(category_name(r.category), cases[i].cat) == 0 &&
		    strcmp(r.subcategory, cases[i].sub) == 0 &&
		    strcmp(kind_name(r.kind), cases[i].kind) == 0, "%s -> %s/%s/%s", cases[i].s,
		    category_name(r.category), r.subcategory, kind_name(r.kind));
		ck_assert(r.confidence > 0.3 && r.confidence <= 1.0);
	}
}
END_TEST

START_TEST(hostile)
{
	static char big[8192];
	struct cat_result r;
	char k[64];
	size_t i;

	for (i = 0; i + 4 < sizeof(big); i += 4)
		memcpy(big + i, i % 8 ? "\xf0\x9f\x98\x80" : "uber", 4);
	big[sizeof(big) - 1] = '\0';
	categorize(big, &r);
	ck_assert_int_eq(r.category, CAT_TRANSPORT);
	merchant_key(big, k, sizeof(k));
	memset(big, 0xC3, sizeof(big) - 1);
	categorize(big, &r);
	merchant_key(big, k, sizeof(k));
	memset(big, 'a', sizeof(big) - 1);
	categorize(big, &r);
	ck_assert_int_eq(r.category, CAT_OTHER);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("categorize");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, names);
	tcase_add_test(tc, fold);
	tcase_add_test(tc, merchants);
	tcase_add_test(tc, keywords);
	tcase_add_test(tc, nothing);
	tcase_add_test(tc, keys);
	tcase_add_test(tc, rules);
	tcase_add_test(tc, rules_reachable);
	tcase_add_test(tc, kinds);
	tcase_add_test(tc, hostile);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
