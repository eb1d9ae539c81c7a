/* test_money_fmt.c: amounts in each currency's symbol and each language's style. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "check_main.h"
#include "domain/money_fmt.h"

static const char *
fmt(int64_t cents, const char *cur, const char *lang)
{
	static char out[64];

	ck_assert_int_eq(money_format(cents, cur, lang, out, sizeof(out)), 0);
	return out;
}

START_TEST(locales)
{
	ck_assert_str_eq(fmt(123450, "USD", "en"), "$1,234.50");
	ck_assert_str_eq(fmt(123450, "BRL", "pt"), "R$ 1.234,50");
	ck_assert_str_eq(fmt(123450, "EUR", "es"), "1.234,50 \xe2\x82\xac");
	ck_assert_str_eq(fmt(123450, "EUR", "pt"), "1.234,50 \xe2\x82\xac");
	ck_assert_str_eq(fmt(123450, "EUR", "en"), "\xe2\x82\xac" "1,234.50");
	ck_assert_str_eq(fmt(123450, "GBP", "en"), "\xc2\xa3" "1,234.50");
	ck_assert_str_eq(fmt(123450, "USD", "pt"), "US$ 1.234,50");
	ck_assert_str_eq(fmt(123450, "USD", "es"), "1.234,50 US$");
	ck_assert_str_eq(fmt(123450, "BRL", "en"), "R$1,234.50");
	/* an unknown language is English */
	ck_assert_str_eq(fmt(123450, "USD", "fr"), "$1,234.50");
}
END_TEST

START_TEST(minor_units)
{
	/* JPY has no minor unit: the value is yen */
	ck_assert_str_eq(fmt(123450, "JPY", "en"), "\xc2\xa5" "123,450");
	ck_assert_str_eq(fmt(5, "JPY", "en"), "\xc2\xa5" "5");
	/* KWD has three decimals and no symbol in the table */
	ck_assert_str_eq(fmt(1234500, "KWD", "en"), "1,234.500 KWD");
	/* not ISO 4217 at all: two decimals and the code after */
	ck_assert_str_eq(fmt(123450, "XYZ", "en"), "1,234.50 XYZ");
	ck_assert_str_eq(fmt(123450, "XYZ", "pt"), "1.234,50 XYZ");
	ck_assert_str_eq(fmt(123450, "CAD", "en"), "1,234.50 CAD");
}
END_TEST

START_TEST(small_negative_big)
{
	ck_assert_str_eq(fmt(0, "USD", "en"), "$0.00");
	ck_assert_str_eq(fmt(5, "USD", "en"), "$0.05");
	ck_assert_str_eq(fmt(99, "BRL", "pt"), "R$ 0,99");
	ck_assert_str_eq(fmt(100000, "USD", "en"), "$1,000.00");
	ck_assert_str_eq(fmt(99999, "USD", "en"), "$999.99");
	ck_assert_str_eq(fmt(-123450, "USD", "en"), "-$1,234.50");
	ck_assert_str_eq(fmt(-123450, "BRL", "pt"), "-R$ 1.234,50");
	ck_assert_str_eq(fmt(-123450, "EUR", "es"), "-1.234,50 \xe2\x82\xac");
	ck_assert_str_eq(fmt(-1, "XYZ", "en"), "-0.01 XYZ");
	ck_assert_str_eq(fmt(123456789012345, "USD", "en"), "$1,234,567,890,123.45");
	ck_assert_str_eq(fmt(INT64_MAX, "USD", "en"), "$92,233,720,368,547,758.07");
	ck_assert_str_eq(fmt(INT64_MIN, "USD", "en"), "-$92,233,720,368,547,758.08");
	ck_assert_str_eq(fmt(INT64_MIN, "JPY", "pt"), "-\xc2\xa5 9.223.372.036.854.775.808");
}
END_TEST

START_TEST(buffers)
{
	char out[16];

	/* "$1,234.50" is 9 bytes and a NUL */
	ck_assert_int_eq(money_format(123450, "USD", "en", out, 10), 0);
	ck_assert_str_eq(out, "$1,234.50");
	ck_assert_int_eq(money_format(123450, "USD", "en", out, 9), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(money_format(123450, "USD", "en", out, 1), -1);
	ck_assert_int_eq(money_format(123450, "USD", "en", out, 0), -1);
	ck_assert_int_eq(money_format(123450, "USD", "en", NULL, 10), -1);
	ck_assert_int_eq(money_format(123450, NULL, "en", out, sizeof(out)), -1);
	ck_assert_int_eq(money_format(123450, "USD", NULL, out, sizeof(out)), -1);
	/* the euro sign is 3 bytes: "1.234,50 €" needs 13 */
	ck_assert_int_eq(money_format(123450, "EUR", "es", out, 13), 0);
	ck_assert_int_eq(money_format(123450, "EUR", "es", out, 12), -1);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("money_fmt");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, locales);
	tcase_add_test(tc, minor_units);
	tcase_add_test(tc, small_negative_big);
	tcase_add_test(tc, buffers);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
