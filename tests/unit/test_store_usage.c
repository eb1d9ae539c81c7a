/*
 * test_store_usage.c: the AI usage store module against a real PostgreSQL:
 * counts add up per client, UTC day, provider and model; ranges of days;
 * and one client's usage is not another's.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "store/store_usage.h"

static void
usage(struct usage_day *u, const char *provider, const char *model, int64_t requests,
    int64_t fallbacks, int64_t in, int64_t out)
{
	memset(u, 0, sizeof(*u));
	snprintf(u->provider, sizeof(u->provider), "%s", provider);
	u->model = model;
	u->replies = 1;
	u->requests = requests;
	u->fallbacks = fallbacks;
	u->input_tokens = in;
	u->output_tokens = out;
}

START_TEST(add_accumulates)
{
	struct fixture	 fx;
	struct usage_day u, rows[5];
	char		 today[11];
	size_t		 n;

	fixture_open(&fx);
	cal_today(today);
	usage(&u, "openai", "gpt-b", 2, 1, 100, 40);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	usage(&u, "openai", "gpt-b", 1, 0, 50, 10);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	usage(&u, "openai", "gpt-a", 1, 0, 7, 3);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	usage(&u, "local", NULL, 0, 0, 0, 0);		/* local has no model: "" */
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	ck_assert_int_eq(store_usage_list(&fx.s.st, today, today, rows, 5, &n), 0);
	ck_assert_uint_eq(n, 3);
	/* by provider, then model */
	ck_assert_str_eq(rows[0].date, today);
	ck_assert_str_eq(rows[0].provider, "local");
	ck_assert_str_eq(rows[0].model, "");
	ck_assert_int_eq(rows[0].replies, 3);
	ck_assert_int_eq(rows[0].requests, 0);
	ck_assert_str_eq(rows[1].provider, "openai");
	ck_assert_str_eq(rows[1].model, "gpt-a");
	ck_assert_int_eq(rows[1].replies, 1);
	ck_assert_int_eq(rows[1].input_tokens, 7);
	ck_assert_str_eq(rows[2].model, "gpt-b");
	ck_assert_int_eq(rows[2].replies, 2);
	ck_assert_int_eq(rows[2].requests, 3);
	ck_assert_int_eq(rows[2].fallbacks, 1);
	ck_assert_int_eq(rows[2].input_tokens, 150);
	ck_assert_int_eq(rows[2].output_tokens, 50);
	/* an unknown provider is refused */
	usage(&u, "gemini", "g", 1, 0, 0, 0);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	fixture_close(&fx);
}
END_TEST

START_TEST(list_range)
{
	struct fixture	 fx;
	struct usage_day u, rows[5];
	char		 today[11], yesterday[11], week_ago[11];
	size_t		 n;

	fixture_open(&fx);
	cal_today(today);
	ck_assert_int_eq(cal_add(today, -1, yesterday), 0);
	ck_assert_int_eq(cal_add(today, -7, week_ago), 0);
	usage(&u, "anthropic", "claude-x", 1, 0, 10, 5);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	/* earlier days, as a worker wrote them then */
	fixture_sql("INSERT INTO ai_usage (client_id, day, provider, model, replies)"
	    " VALUES ($1, $2::date, 'local', '', 4)", fx.a, yesterday);
	fixture_sql("INSERT INTO ai_usage (client_id, day, provider, model, replies)"
	    " VALUES ($1, $2::date, 'local', '', 9)", fx.a, week_ago);
	/* newest day first */
	ck_assert_int_eq(store_usage_list(&fx.s.st, week_ago, today, rows, 5, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].date, today);
	ck_assert_str_eq(rows[0].provider, "anthropic");
	ck_assert_str_eq(rows[1].date, yesterday);
	ck_assert_int_eq(rows[1].replies, 4);
	ck_assert_str_eq(rows[2].date, week_ago);
	ck_assert_int_eq(rows[2].replies, 9);
	/* both ends inclusive */
	ck_assert_int_eq(store_usage_list(&fx.s.st, week_ago, yesterday, rows, 5, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].date, yesterday);
	ck_assert_int_eq(store_usage_list(&fx.s.st, yesterday, yesterday, rows, 5, &n), 0);
	ck_assert_uint_eq(n, 1);
	/* at most max */
	ck_assert_int_eq(store_usage_list(&fx.s.st, week_ago, today, rows, 2, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[1].date, yesterday);
	/* a range with nothing in it */
	ck_assert_int_eq(store_usage_list(&fx.s.st, "2020-01-01", "2020-12-31", rows, 5, &n), 0);
	ck_assert_uint_eq(n, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct usage_day u, rows[3];
	char		 today[11];
	size_t		 n;

	fixture_open(&fx);
	cal_today(today);
	usage(&u, "openai", "gpt-a", 1, 0, 10, 5);
	ck_assert_int_eq(store_usage_add(&fx.s.st, &u), 0);
	ck_assert_int_eq(store_usage_list(&fx.st_b, today, today, rows, 3, &n), 0);
	ck_assert_uint_eq(n, 0);
	/* b's usage of the same provider and model is b's row */
	usage(&u, "openai", "gpt-a", 5, 5, 500, 500);
	ck_assert_int_eq(store_usage_add(&fx.st_b, &u), 0);
	ck_assert_int_eq(store_usage_list(&fx.st_b, today, today, rows, 3, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].requests, 5);
	ck_assert_int_eq(store_usage_list(&fx.s.st, today, today, rows, 3, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].replies, 1);
	ck_assert_int_eq(rows[0].requests, 1);
	ck_assert_int_eq(rows[0].input_tokens, 10);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_usage_suite(void)
{
	Suite	*s = suite_create("store_usage");
	TCase	*tc = tcase_create("usage");

	tcase_add_test(tc, add_accumulates);
	tcase_add_test(tc, list_range);
	tcase_add_test(tc, tenancy);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_usage_suite)
