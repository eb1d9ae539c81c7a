/* test_lang.c: language codes, the template expander, UTF-8-safe copies. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/lang.h"

START_TEST(codes)
{
	enum lang l = LANG_ES;

	ck_assert_int_eq(lang_of("en"), LANG_EN);
	ck_assert_int_eq(lang_of("pt"), LANG_PT);
	ck_assert_int_eq(lang_of("es"), LANG_ES);
	/* anything else is English */
	ck_assert_int_eq(lang_of("fr"), LANG_EN);
	ck_assert_int_eq(lang_of("PT"), LANG_EN);
	ck_assert_int_eq(lang_of(""), LANG_EN);
	ck_assert_int_eq(lang_of(NULL), LANG_EN);
	ck_assert_str_eq(lang_code(LANG_PT), "pt");
	ck_assert_str_eq(lang_code(LANG_COUNT), "en");
	/* lang_parse tells "unknown" apart and leaves *out alone then */
	ck_assert_int_eq(lang_parse("pt", &l), 0);
	ck_assert_int_eq(l, LANG_PT);
	ck_assert_int_eq(lang_parse("fr", &l), -1);
	ck_assert_int_eq(lang_parse(NULL, &l), -1);
	ck_assert_int_eq(l, LANG_PT);
}
END_TEST

START_TEST(expand)
{
	const char	*args[] = { "R$ 45,90", "mercado", NULL };
	char		 out[64], small[12];

	ck_assert_int_eq(lang_expand(out, sizeof(out), "{1} em {2}.", args, 2), 0);
	ck_assert_str_eq(out, "R$ 45,90 em mercado.");
	/* arguments may come in any order and repeat */
	ck_assert_int_eq(lang_expand(out, sizeof(out), "{2}, {1}, {2}", args, 2), 0);
	ck_assert_str_eq(out, "mercado, R$ 45,90, mercado");
	/* missing or NULL arguments are empty; other braces stay */
	ck_assert_int_eq(lang_expand(out, sizeof(out), "[{3}][{9}][{0}][{x}][{1", args, 3), 0);
	ck_assert_str_eq(out, "[][][{0}][{x}][{1");
	ck_assert_int_eq(lang_expand(out, sizeof(out), "", args, 2), 0);
	ck_assert_str_eq(out, "");
	/* too long: -1, cut on a UTF-8 boundary */
	ck_assert_int_eq(lang_expand(small, sizeof(small), "ação ação ação", NULL, 0), -1);
	ck_assert_str_eq(small, "ação aç");	/* 10 of 11 bytes: "ã" would straddle */
	ck_assert_int_eq(lang_expand(small, sizeof(small), "{1} {2}", args, 2), -1);
	ck_assert_str_eq(small, "R$ 45,90 me");
}
END_TEST

START_TEST(clip_and_append)
{
	char	 out[8];

	lang_clip(out, sizeof(out), "abc");
	ck_assert_str_eq(out, "abc");
	lang_clip(out, sizeof(out), "abcdefé");	/* é would straddle the end */
	ck_assert_str_eq(out, "abcdef");
	lang_clip(out, sizeof(out), NULL);
	ck_assert_str_eq(out, "");
	lang_clip(out, 1, "abc");
	ck_assert_str_eq(out, "");

	out[0] = '\0';
	ck_assert_int_eq(lang_append(out, sizeof(out), "ab"), 0);
	ck_assert_int_eq(lang_append(out, sizeof(out), NULL), 0);
	ck_assert_int_eq(lang_append(out, sizeof(out), "cd"), 0);
	ck_assert_str_eq(out, "abcd");
	ck_assert_int_eq(lang_append(out, sizeof(out), "é"), 0);
	ck_assert_str_eq(out, "abcdé");
	/* one byte left: "é" does not fit and is not cut in half, "x" does */
	ck_assert_int_eq(lang_append(out, sizeof(out), "é"), -1);
	ck_assert_str_eq(out, "abcdé");
	ck_assert_int_eq(lang_append(out, sizeof(out), "x"), 0);
	ck_assert_int_eq(lang_append(out, sizeof(out), "y"), -1);
	ck_assert_str_eq(out, "abcdéx");
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, codes);
	tcase_add_test(tc, expand);
	tcase_add_test(tc, clip_and_append);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
