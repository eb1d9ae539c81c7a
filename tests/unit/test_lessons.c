/* test_lessons.c: the lesson rotation never repeats within ten cycles; do titles. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/lessons.h"

typedef const char *(*pick_fn)(unsigned, unsigned, const char *);

/* Every window of 10 consecutive cycles has 10 different titles. */
static void
no_repeat(pick_fn pick, unsigned seed, const char *lang, unsigned start)
{
	const char	*seen[10];
	unsigned	 n, i, k;

	for (n = start; n < start + 40; n++) {
		for (i = 0; i < 10; i++) {
			seen[i] = pick(n + i, seed, lang);
			ck_assert_ptr_nonnull(seen[i]);
			ck_assert_uint_gt(strlen(seen[i]), 0);
			for (k = 0; k < i; k++)
				ck_assert_msg(strcmp(seen[k], seen[i]) != 0,
				    "seed %u: cycles %u and %u repeat '%s'", seed, n + k, n + i, seen[i]);
		}
	}
}

START_TEST(rotation)
{
	static const unsigned seeds[] = { 0, 1, 7, 12, 13, 1000, 4294967295u };
	static const char *const langs[] = { "en", "pt", "es" };
	size_t s, l;

	for (s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++)
		for (l = 0; l < 3; l++) {
			no_repeat(lesson_learn, seeds[s], langs[l], 0);
			no_repeat(lesson_mind, seeds[s], langs[l], 0);
			/* across unsigned wrap-around too */
			no_repeat(lesson_learn, seeds[s], langs[l], 4294967295u - 20);
			no_repeat(lesson_mind, seeds[s], langs[l], 4294967295u - 20);
		}
}
END_TEST

START_TEST(all_distinct_and_translated)
{
	const char	*t[LESSON_COUNT];
	unsigned	 i, k;

	/* 12 consecutive cycles cover the whole library */
	for (i = 0; i < LESSON_COUNT; i++) {
		t[i] = lesson_learn(i, 3, "en");
		for (k = 0; k < i; k++)
			ck_assert_str_ne(t[k], t[i]);
	}
	/* the same cycle in three languages: three different texts, none empty */
	for (i = 0; i < LESSON_COUNT; i++) {
		ck_assert_str_ne(lesson_learn(i, 0, "en"), lesson_learn(i, 0, "pt"));
		ck_assert_str_ne(lesson_learn(i, 0, "en"), lesson_learn(i, 0, "es"));
		ck_assert_str_ne(lesson_mind(i, 0, "pt"), lesson_mind(i, 0, "es"));
	}
	/* seeds shift users apart; unknown or NULL language is English */
	ck_assert_str_ne(lesson_learn(0, 0, "en"), lesson_learn(0, 1, "en"));
	ck_assert_str_eq(lesson_learn(4, 9, "xx"), lesson_learn(4, 9, "en"));
	ck_assert_str_eq(lesson_mind(4, 9, NULL), lesson_mind(4, 9, "en"));
}
END_TEST

START_TEST(do_titles)
{
	char out[128];

	ck_assert_int_eq(lesson_do_title(12500, "USD", "en", "Emergency fund", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $125.00 to Emergency fund");
	ck_assert_int_eq(lesson_do_title(12500, "BRL", "pt", "Viagem", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Guarde R$ 125,00 para Viagem");
	ck_assert_int_eq(lesson_do_title(12500, "EUR", "es", "Coche", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Aparta 125,00 \xe2\x82\xac para Coche");
	ck_assert_int_eq(lesson_do_title(100000, "USD", "en", NULL, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $1,000.00 to your goal");
	ck_assert_int_eq(lesson_do_title(100000, "BRL", "pt", "", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Guarde R$ 1.000,00 para sua meta");
	/* too small a buffer: -1 and an empty string, never a cut title */
	ck_assert_int_eq(lesson_do_title(12500, "USD", "en", "Emergency fund", out, 20), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(lesson_do_title(12500, NULL, "en", "x", out, sizeof(out)), -1);
	ck_assert_int_eq(lesson_do_title(12500, "USD", "en", "x", NULL, 10), -1);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("lessons");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, rotation);
	tcase_add_test(tc, all_distinct_and_translated);
	tcase_add_test(tc, do_titles);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
