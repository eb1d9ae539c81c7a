/* test_categorize.c: categories, merchants, keywords, folding, merchant keys. */
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
	merchant_key("Pão de Açúcar", k, 4);
	ck_assert_str_eq(k, "pao");
	merchant_key("x", k, 0);
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
	tcase_add_test(tc, hostile);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
