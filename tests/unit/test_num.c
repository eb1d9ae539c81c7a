/* test_num.c: strict integer and decimal parsing. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/num.h"

static int
p64(const char *s, int64_t min, int64_t max, int64_t *v)
{
	const char *e;

	return num_parse_i64z(s, min, max, v, &e);
}

START_TEST(integers)
{
	int64_t v;

	ck_assert_int_eq(p64("0", 0, 10, &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(p64("10", 0, 10, &v), 0);
	ck_assert_int_eq(v, 10);
	ck_assert_int_eq(p64("-5", -10, 10, &v), 0);
	ck_assert_int_eq(v, -5);
	ck_assert_int_eq(p64("9223372036854775807", INT64_MIN, INT64_MAX, &v), 0);
	ck_assert_int_eq(v, INT64_MAX);
	ck_assert_int_eq(p64("-9223372036854775808", INT64_MIN, INT64_MAX, &v), 0);
	ck_assert(v == INT64_MIN);
}
END_TEST

START_TEST(integers_refused)
{
	static const char *bad[] = { "", "-", "+1", " 1", "1 ", "01", "1a", "0x10",
	    "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e3",
	    "11", "-11", NULL };
	int64_t v;
	int i;

	for (i = 0; bad[i]; i++)
		ck_assert_msg(p64(bad[i], -10, 10, &v) == -1, "accepted '%s'", bad[i]);
}
END_TEST

START_TEST(integers_with_length)
{
	const char *e;
	int64_t v;

	ck_assert_int_eq(num_parse_i64("123abc", 3, 0, 1000, &v, &e), 0);
	ck_assert_int_eq(v, 123);
	ck_assert_int_eq(num_parse_i64("12\0003", 4, 0, 1000, &v, &e), -1);
}
END_TEST

START_TEST(decimals)
{
	const char *e;
	int64_t v;

	ck_assert_int_eq(num_parse_decimal("12", 2, 2, 0, INT64_MAX, &v, &e), 0);
	ck_assert_int_eq(v, 1200);
	ck_assert_int_eq(num_parse_decimal("12.3", 4, 2, 0, INT64_MAX, &v, &e), 0);
	ck_assert_int_eq(v, 1230);
	ck_assert_int_eq(num_parse_decimal("0.05", 4, 2, 0, INT64_MAX, &v, &e), 0);
	ck_assert_int_eq(v, 5);
	ck_assert_int_eq(num_parse_decimal("-1.50", 5, 2, -1000, 1000, &v, &e), 0);
	ck_assert_int_eq(v, -150);
	ck_assert_int_eq(num_parse_decimal("1000000000000.00", 16, 2, 0, 100000000000000, &v, &e), 0);
	ck_assert_int_eq(v, 100000000000000);
}
END_TEST

START_TEST(decimals_refused)
{
	static const char *bad[] = { "1.234", "1.", ".5", "1,5", "1e2", "+1", "01.5",
	    "1.5x", "", "-", "1..2", "92233720368547758.07", NULL };
	const char *e;
	int64_t v;
	int i;

	for (i = 0; bad[i]; i++)
		ck_assert_msg(num_parse_decimal(bad[i], strlen(bad[i]), 2, INT64_MIN,
		    INT64_MAX, &v, &e) == -1, "accepted '%s'", bad[i]);
	ck_assert_int_eq(num_parse_decimal("1.234", 5, 2, 0, 100000, &v, &e), -1);
	ck_assert_str_eq(e, "has more than two decimals");
	ck_assert_int_eq(num_parse_decimal("100.01", 6, 2, 0, 10000, &v, &e), -1);
	ck_assert_str_eq(e, "is too large");
}
END_TEST

/* One sign at most: "--0.25" was read as -0.25 (found by tests/fuzz/fuzz_num.c). */
START_TEST(decimals_double_minus)
{
	static const char *bad[] = { "--0", "--0.25", "--0.000", "-+0.5", "-0-", NULL };
	const char *e;
	int64_t v;
	int i;

	for (i = 0; bad[i]; i++)
		ck_assert_msg(num_parse_decimal(bad[i], strlen(bad[i]), 3, INT64_MIN,
		    INT64_MAX, &v, &e) == -1, "accepted '%s' as %lld", bad[i], (long long)v);
	ck_assert_int_eq(num_parse_decimal("-0.25", 5, 2, INT64_MIN, INT64_MAX, &v, &e), 0);
	ck_assert_int_eq(v, -25);
}
END_TEST

START_TEST(format)
{
	char out[32];

	ck_assert_int_eq(num_format_decimal(1230, 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "12.30");
	ck_assert_int_eq(num_format_decimal(5, 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "0.05");
	ck_assert_int_eq(num_format_decimal(-150, 2, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "-1.50");
	ck_assert_int_eq(num_format_decimal(7, 0, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "7");
	ck_assert_int_eq(num_format_decimal(123456, 2, out, 4), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("num");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, integers);
	tcase_add_test(tc, integers_refused);
	tcase_add_test(tc, integers_with_length);
	tcase_add_test(tc, decimals);
	tcase_add_test(tc, decimals_refused);
	tcase_add_test(tc, decimals_double_minus);
	tcase_add_test(tc, format);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
