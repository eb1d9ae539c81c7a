/*
 * test_recurring.c: payments that come back, found in a history: cadences
 * with their tolerances, bills that vary, shops visited now and then,
 * series that stopped, the typical amount and the next date.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/recurring.h"

static struct rec_payment pay[REC_MAX_PAYMENTS];
static size_t npay;

static long
day(const char *s)
{
	long d;

	ck_assert_int_eq(cal_parse(s, &d), 0);
	return d;
}

static void
add(const char *date, int64_t amount, const char *key)
{
	pay[npay].day = day(date);
	pay[npay].amount = amount;
	pay[npay].key = key;
	pay[npay].name = key;
	pay[npay].category = CAT_OTHER;
	npay++;
}

START_TEST(monthly_weekly_and_yearly)
{
	struct rec_series s[8];
	char	 d[11];
	size_t	 n;

	npay = 0;
	/* rent, the 5th give or take a weekend */
	add("2026-08-05", 180000, "rent");
	add("2026-09-04", 180000, "rent");
	add("2026-10-05", 180000, "rent");
	add("2026-11-06", 185000, "rent");
	/* a streaming service */
	add("2026-09-12", 3990, "netflix");
	add("2026-10-12", 3990, "netflix");
	add("2026-11-12", 3990, "netflix");
	/* the electricity bill varies, still a bill */
	add("2026-08-20", 21000, "enel");
	add("2026-09-19", 18000, "enel");
	add("2026-10-21", 24500, "enel");
	add("2026-11-20", 19900, "enel");
	/* a weekly class */
	add("2026-10-27", 5000, "pilates");
	add("2026-11-03", 5000, "pilates");
	add("2026-11-10", 5000, "pilates");
	add("2026-11-17", 5000, "pilates");
	add("2026-11-24", 5000, "pilates");
	/* a yearly fee */
	add("2025-03-01", 12000, "amazon prime");
	add("2026-03-02", 13900, "amazon prime");
	/* the supermarket, at random */
	add("2026-11-01", 23450, "mercado");
	add("2026-11-03", 4590, "mercado");
	add("2026-11-15", 18720, "mercado");
	add("2026-11-16", 930, "mercado");
	/* a gym that stopped in July */
	add("2026-05-10", 9900, "smart fit");
	add("2026-06-10", 9900, "smart fit");
	add("2026-07-10", 9900, "smart fit");
	/* no key: not looked at */
	add("2026-09-01", 100, "");
	add("2026-10-01", 100, "");
	add("2026-11-01", 100, "");
	n = recurring_find(pay, npay, day("2026-11-28"), s, 8);
	ck_assert_uint_eq(n, 5);
	/* the largest monthly cost first */
	ck_assert_str_eq(s[0].key, "rent");
	ck_assert_int_eq(s[0].cadence, REC_MONTHLY);
	ck_assert_int_eq(s[0].typical, 180000);
	ck_assert_int_eq(s[0].monthly, 180000);
	ck_assert_uint_eq(s[0].count, 4);
	cal_format(s[0].next, d);
	ck_assert_str_eq(d, "2026-12-06");
	ck_assert_str_eq(s[1].key, "pilates");
	ck_assert_int_eq(s[1].cadence, REC_WEEKLY);
	ck_assert_int_eq(s[1].monthly, (5000 * 52 + 6) / 12);
	cal_format(s[1].next, d);
	ck_assert_str_eq(d, "2026-12-01");
	ck_assert_str_eq(s[2].key, "enel");
	ck_assert_int_eq(s[2].typical, (19900 + 21000 + 1) / 2);
	ck_assert_str_eq(s[3].key, "netflix");
	ck_assert_str_eq(s[4].key, "amazon prime");
	ck_assert_int_eq(s[4].cadence, REC_YEARLY);
	ck_assert_int_eq(s[4].monthly, (12950 + 6) / 12);
	ck_assert_str_eq(rec_cadence_name(s[4].cadence), "yearly");
	/* at most max, still the largest */
	npay = 0;
	add("2026-09-12", 3990, "netflix");
	add("2026-10-12", 3990, "netflix");
	add("2026-11-12", 3990, "netflix");
	add("2026-09-05", 180000, "rent");
	add("2026-10-05", 180000, "rent");
	add("2026-11-05", 180000, "rent");
	n = recurring_find(pay, npay, day("2026-11-28"), s, 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(s[0].key, "rent");
}
END_TEST

START_TEST(what_is_not_a_series)
{
	struct rec_series s[4];

	npay = 0;
	/* two monthly payments are not yet a series */
	add("2026-10-12", 3990, "netflix");
	add("2026-11-12", 3990, "netflix");
	/* a steady cadence with amounts all over the place */
	add("2026-08-01", 1000, "loja");
	add("2026-09-01", 9000, "loja");
	add("2026-10-01", 3000, "loja");
	add("2026-11-01", 15000, "loja");
	/* one payment a day is no series */
	add("2026-11-20", 500, "cafe");
	add("2026-11-21", 500, "cafe");
	add("2026-11-22", 500, "cafe");
	add("2026-11-23", 500, "cafe");
	ck_assert_uint_eq(recurring_find(pay, npay, day("2026-11-28"), s, 4), 0);
	/* nothing at all */
	ck_assert_uint_eq(recurring_find(pay, 0, day("2026-11-28"), s, 4), 0);
	ck_assert_uint_eq(recurring_find(NULL, 3, day("2026-11-28"), s, 4), 0);
	/* two charges of one day are one payment */
	npay = 0;
	add("2026-09-10", 2000, "spotify");
	add("2026-10-10", 1000, "spotify");
	add("2026-10-10", 1000, "spotify");
	add("2026-11-10", 2000, "spotify");
	ck_assert_uint_eq(recurring_find(pay, npay, day("2026-11-28"), s, 4), 1);
	ck_assert_int_eq(s[0].typical, 2000);
	ck_assert_uint_eq(s[0].count, 3);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("recurring");
	TCase *tc = tcase_create("domain");

	tcase_add_test(tc, monthly_weekly_and_yearly);
	tcase_add_test(tc, what_is_not_a_series);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
