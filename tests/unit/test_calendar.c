/* test_calendar.c: day numbers, dates as text, month arithmetic, named periods. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/calendar.h"

/* The day number of a date the test knows to be valid. */
static long
day(const char *s)
{
	long	 z = 0;

	ck_assert_msg(cal_parse(s, &z) == 0, "not a date: %s", s);
	return z;
}

static const char *
fmt(long z)
{
	static char	 out[11];

	cal_format(z, out);
	return out;
}

START_TEST(day_numbers)
{
	long	 y, m, d, z;

	ck_assert_int_eq(cal_days(1970, 1, 1), 0);
	ck_assert_int_eq(cal_days(2000, 3, 1), 11017);
	ck_assert_int_eq(cal_days(1969, 12, 31), -1);
	/* every day of four centuries goes there and back */
	for (z = cal_days(1900, 1, 1); z <= cal_days(2300, 12, 31); z++) {
		cal_date(z, &y, &m, &d);
		ck_assert_int_eq(cal_days(y, m, d), z);
		ck_assert(d >= 1 && d <= cal_month_days(y, m));
	}
	ck_assert_int_eq(cal_month_days(2024, 2), 29);
	ck_assert_int_eq(cal_month_days(2026, 2), 28);
	ck_assert_int_eq(cal_month_days(2000, 2), 29);
	ck_assert_int_eq(cal_month_days(2100, 2), 28);
	ck_assert_int_eq(cal_month_days(2026, 13), 0);
	ck_assert_int_eq(cal_weekday(day("2026-11-23")), 0);	/* a Monday */
	ck_assert_int_eq(cal_weekday(day("2026-11-29")), 6);
	ck_assert_int_eq(cal_weekday(cal_days(1969, 12, 28)), 6);	/* before day 0 too */
}
END_TEST

START_TEST(text)
{
	static const char *const bad[] = { "2026-02-29", "2026-13-01", "2026-00-10",
		"2026-04-31", "1899-12-31", "2201-01-01", "2026-1-01", "2026/01/01",
		"2026-01-011", "20260101", "2026-01-0x", "", NULL };
	long	 y = 0, m = 0, d = 0, z = 0;
	char	 out[11], month[8];
	size_t	 i;

	ck_assert(cal_valid("2024-02-29"));
	ck_assert(cal_valid("1900-01-01"));
	ck_assert(cal_valid("2200-12-31"));
	for (i = 0; bad[i] != NULL; i++) {
		ck_assert_msg(!cal_valid(bad[i]), "accepted %s", bad[i]);
		ck_assert_int_eq(cal_parse(bad[i], &z), -1);
		ck_assert_int_eq(cal_parse_ymd(bad[i], &y, &m, &d), -1);
	}
	ck_assert(!cal_valid(NULL));
	ck_assert(cal_valid_ymd(2024, 2, 29));
	ck_assert(!cal_valid_ymd(2023, 2, 29));
	ck_assert(!cal_valid_ymd(2026, 11, 0));
	ck_assert_int_eq(cal_parse_ymd("2026-11-24", &y, &m, &d), 0);
	ck_assert(y == 2026 && m == 11 && d == 24);
	ck_assert_str_eq(fmt(day("2026-11-24")), "2026-11-24");
	cal_format_month(day("2026-01-31"), month);
	ck_assert_str_eq(month, "2026-01");
	ck_assert_int_eq(cal_add("2026-11-24", 7, out), 0);
	ck_assert_str_eq(out, "2026-12-01");
	ck_assert_int_eq(cal_add("2024-03-01", -1, out), 0);
	ck_assert_str_eq(out, "2024-02-29");
	ck_assert_int_eq(cal_add("2026-02-30", 1, out), -1);
	cal_today(out);
	ck_assert(cal_valid(out));
	ck_assert_int_eq(day(out), cal_today_days());
}
END_TEST

START_TEST(months)
{
	ck_assert_str_eq(fmt(cal_add_months(day("2026-01-31"), 1)), "2026-02-28");
	ck_assert_str_eq(fmt(cal_add_months(day("2024-01-31"), 1)), "2024-02-29");
	ck_assert_str_eq(fmt(cal_add_months(day("2026-11-24"), 2)), "2027-01-24");
	ck_assert_str_eq(fmt(cal_add_months(day("2026-11-24"), 0)), "2026-11-24");
	ck_assert_str_eq(fmt(cal_add_months(day("2026-03-31"), -1)), "2026-02-28");
	ck_assert_str_eq(fmt(cal_add_months(day("2026-01-15"), -13)), "2024-12-15");
	ck_assert_str_eq(fmt(cal_add_months(day("2026-05-31"), 360)), "2056-05-31");
	ck_assert_int_eq(cal_months_between(day("2026-11-24"), day("2027-01-01")), 2);
	ck_assert_int_eq(cal_months_between(day("2026-11-24"), day("2026-11-01")), 0);
	ck_assert_int_eq(cal_months_between(day("2026-11-24"), day("2025-12-31")), -11);
	{
		long	 f, t;

		cal_month_range(2024, 2, &f, &t);
		ck_assert_str_eq(fmt(f), "2024-02-01");
		ck_assert_str_eq(fmt(t), "2024-02-29");
		cal_month_range(2026, 12, &f, &t);
		ck_assert_str_eq(fmt(t), "2026-12-31");
		ck_assert_str_eq(fmt(cal_month_start(day("2026-11-24"))), "2026-11-01");
	}
}
END_TEST

START_TEST(periods)
{
	static const struct { const char *name, *from, *to; } cases[] = {
		{ "today", "2026-11-24", "2026-11-24" },
		{ "yesterday", "2026-11-23", "2026-11-23" },
		{ "this_week", "2026-11-23", "2026-11-24" },
		{ "last_week", "2026-11-16", "2026-11-22" },
		{ "this_month", "2026-11-01", "2026-11-24" },
		{ "last_month", "2026-10-01", "2026-10-31" },
		{ "last_7_days", "2026-11-18", "2026-11-24" },
		{ "last_30_days", "2026-10-26", "2026-11-24" },
		{ "last_90_days", "2026-08-27", "2026-11-24" },
		{ "this_year", "2026-01-01", "2026-11-24" },
		{ "last_year", "2025-01-01", "2025-12-31" },
	};
	enum cal_period	 p;
	long		 from, to;
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(cal_period_parse(cases[i].name, &p), 0);
		ck_assert_str_eq(cal_period_name(p), cases[i].name);
		cal_period_range(p, day("2026-11-24"), &from, &to);
		ck_assert_str_eq(fmt(from), cases[i].from);
		ck_assert_str_eq(fmt(to), cases[i].to);
	}
	/* January's last month is last year's December */
	cal_period_range(CAL_LAST_MONTH, day("2027-01-10"), &from, &to);
	ck_assert_str_eq(fmt(from), "2026-12-01");
	ck_assert_str_eq(fmt(to), "2026-12-31");
	ck_assert_int_eq(cal_period_parse("next_month", &p), -1);
	ck_assert_int_eq(cal_period_parse(NULL, &p), -1);
}
END_TEST

START_TEST(months_said)
{
	char	 out[32], tiny[8];

	ck_assert_int_eq(cal_month_year_text("2026-06-30", LANG_EN, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "June 2026");
	ck_assert_int_eq(cal_month_year_text("2027-03-01", LANG_PT, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "mar\xc3\xa7o de 2027");
	ck_assert_int_eq(cal_month_year_text("2025-12-15", LANG_ES, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "diciembre de 2025");
	/* not a date: nothing said */
	ck_assert_int_eq(cal_month_year_text("2025-02-30", LANG_EN, out, sizeof(out)), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(cal_month_year_text("June", LANG_EN, out, sizeof(out)), -1);
	ck_assert_int_eq(cal_month_year_text(NULL, LANG_EN, out, sizeof(out)), -1);
	/* too small: nothing rather than a cut month */
	ck_assert_int_eq(cal_month_year_text("2026-09-01", LANG_EN, tiny, sizeof(tiny)), -1);
	ck_assert_str_eq(tiny, "");
	ck_assert_str_eq(cal_month_name(13, LANG_ES), "enero");
	ck_assert_str_eq(cal_month_name(7, (enum lang)9), "July");
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, day_numbers);
	tcase_add_test(tc, text);
	tcase_add_test(tc, months);
	tcase_add_test(tc, periods);
	tcase_add_test(tc, months_said);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
