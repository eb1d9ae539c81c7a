/*
 * it_finance.c: financial intakes and goals over HTTP: exact money, stage
 * transitions, validation that stores nothing, and cascade on user delete.
 */
#include "config.h"

#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

static struct it_client fin;

static void
setup_client(void)
{
	static int done;

	if (!done) {
		it_client_create("finance", 0, &fin);
		done = 1;
	}
}

static void
call(const char *method, const char *path, const char *body, struct http_result *r)
{
	const char *h[3] = { fin.auth, "Content-Type: application/json", NULL };

	ck_assert_msg(http_do(method, path, h, body, body ? strlen(body) : 0, r) == 0,
	    "%s %s failed", method, path);
}

/* The raw JSON text of data.field, as sent on the wire (numbers exactly). */
static const char *
raw(const struct http_result *r, const char *field)
{
	static char out[128];
	char	 key[80];
	const char *p, *e;

	snprintf(key, sizeof(key), "\"%s\":", field);
	if ((p = strstr(r->body, key)) == NULL)
		return "";
	p += strlen(key);
	e = p + strcspn(p, ",}");
	snprintf(out, sizeof(out), "%.*s", (int)(e - p), p);
	return out;
}

static void
user_path(char *out, size_t len, const char *ext)
{
	snprintf(out, len, "/v1/users/external:%s-%ld-%d", ext, (long)time(NULL), (int)getpid());
}

START_TEST(intake_is_exact_and_moves_the_stage)
{
	struct http_result r;
	char u[160], p[256];

	setup_client();
	user_path(u, sizeof(u), "intake");
	call("GET", u, NULL, &r);
	ck_assert_str_eq(raw(&r, "onboarding_stage"), "\"intake_pending\"");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);

	call("POST", p, "{\"month\":\"2026-10\",\"monthly_income\":5000.10,\"monthly_expenses\":3200.05,"
	    "\"financial_goal\":\"debt\",\"next_pay_date\":\"2026-12-05\",\"savings_balance\":0.1,"
	    "\"debt_balance\":12000,\"debt_interest_rate\":19.9}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(raw(&r, "monthly_income"), "5000.10");
	ck_assert_str_eq(raw(&r, "monthly_expenses"), "3200.05");
	ck_assert_str_eq(raw(&r, "monthly_surplus"), "1800.05");
	ck_assert_str_eq(raw(&r, "financial_goal"), "\"debt_payoff\"");
	ck_assert_str_eq(raw(&r, "savings_balance"), "0.10");
	ck_assert_str_eq(raw(&r, "debt_interest_rate"), "19.90");
	ck_assert_str_eq(raw(&r, "month"), "\"2026-10\"");
	http_result_free(&r);
	call("GET", u, NULL, &r);
	ck_assert_str_eq(raw(&r, "onboarding_stage"), "\"plan_pending\"");
	http_result_free(&r);

	/* A second snapshot; month defaults to the current one; latest wins. */
	call("POST", p, "{\"monthly_income\":6000,\"monthly_expenses\":7000}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(raw(&r, "monthly_surplus"), "-1000.00");
	ck_assert_int_eq(strlen(raw(&r, "month")), 9);
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(raw(&r, "monthly_income"), "6000.00");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake/history?limit=1", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 1);
	ck_assert(json_object_get_boolean(json_object_object_get(
	    json_object_object_get(r.json, "pagination"), "has_more")));
	http_result_free(&r);
}
END_TEST

START_TEST(intake_bad_input_stores_nothing)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":-1,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":\"100\",\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1.234,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1000000000000.01,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1e3,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"month\":\"2026-13\"}", "month" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"next_pay_date\":\"2026-02-30\"}", "next_pay_date" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"financial_goal\":\"yacht\"}", "financial_goal" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"debt_interest_rate\":1001}", "debt_interest_rate" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"bonus\":1}", "bonus" },
	};
	struct http_result r;
	char u[160], p[256];
	size_t i;

	setup_client();
	user_path(u, sizeof(u), "badintake");
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		call("POST", p, bad[i].body, &r);
		ck_assert_msg(r.status == 422, "%s: %ld %s", bad[i].body, r.status, r.body);
		ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
		ck_assert_msg(strstr(r.body, bad[i].field) != NULL, "%s: %s", bad[i].body, r.body);
		http_result_free(&r);
	}
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	call("GET", u, NULL, &r);
	ck_assert_str_eq(raw(&r, "onboarding_stage"), "\"intake_pending\"");
	http_result_free(&r);
}
END_TEST

START_TEST(goals_primary_cadence_and_achievement)
{
	struct http_result r;
	char u[160], p[256], g1[64], g2[64];

	setup_client();
	user_path(u, sizeof(u), "goals");
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"goal_name\":\"Emergency fund\","
	    "\"target_amount\":1000,\"starting_amount\":100,\"cadence\":\"weekly\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(g1, sizeof(g1), "%.*s", 31, raw(&r, "id") + 1);
	ck_assert_str_eq(raw(&r, "is_primary"), "true");
	ck_assert_str_eq(raw(&r, "current_amount"), "100.00");
	ck_assert_str_eq(raw(&r, "status"), "\"active\"");
	ck_assert_int_eq(strlen(raw(&r, "next_move_date")), 12);
	http_result_free(&r);

	/* A second goal is not primary unless asked; asking demotes the first. */
	call("POST", p, "{\"goal_type\":\"debt\",\"target_amount\":5000}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(raw(&r, "is_primary"), "false");
	ck_assert_str_eq(raw(&r, "goal_type"), "\"debt_payoff\"");
	snprintf(g2, sizeof(g2), "%.*s", 31, raw(&r, "id") + 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s", u, g2);
	call("PATCH", p, "{\"is_primary\":true,\"cadence\":\"monthly\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "is_primary"), "true");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s", u, g1);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(raw(&r, "is_primary"), "false");
	http_result_free(&r);

	/* Reaching the target achieves the goal. */
	call("PATCH", p, "{\"current_amount\":1000.00}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(raw(&r, "status"), "\"achieved\"");
	http_result_free(&r);
	/* Raising the target above it makes it active again. */
	call("PATCH", p, "{\"target_amount\":2000}", &r);
	ck_assert_str_eq(raw(&r, "status"), "\"active\"");
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"achieved\"}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"archived\"}", &r);
	ck_assert_str_eq(raw(&r, "status"), "\"archived\"");
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/goals?status=archived", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals?status=lost", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/goals/%s", u, g1);
	call("DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/nope", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
}
END_TEST

START_TEST(goal_bad_input)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"target_amount\":10}", "goal_type" },
		{ "{\"goal_type\":\"savings\"}", "target_amount" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":0}", "target_amount" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10.001}", "target_amount" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10,\"cadence\":\"daily\"}", "cadence" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10,\"target_date\":\"2027-02-29\"}", "target_date" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10,\"is_primary\":\"yes\"}", "is_primary" },
		{ "{\"goal_type\":\"car\",\"target_amount\":10}", "goal_type" },
	};
	struct http_result r;
	char u[160], p[256];
	size_t i;

	setup_client();
	user_path(u, sizeof(u), "badgoals");
	snprintf(p, sizeof(p), "%s/goals", u);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		call("POST", p, bad[i].body, &r);
		ck_assert_msg(r.status == 422, "%s: %ld %s", bad[i].body, r.status, r.body);
		ck_assert_msg(strstr(r.body, bad[i].field) != NULL, "%s: %s", bad[i].body, r.body);
		http_result_free(&r);
	}
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
}
END_TEST

START_TEST(deleting_a_user_removes_their_data)
{
	struct http_result r;
	char u[160], p[256], id[64], out[4096], cmd[512];

	setup_client();
	user_path(u, sizeof(u), "cascade");
	call("GET", u, NULL, &r);
	snprintf(id, sizeof(id), "%.*s", 30, raw(&r, "id") + 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":1,\"monthly_expenses\":1}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"target_amount\":10}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/users/%s", id);
	call("DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	http_result_free(&r);
	snprintf(cmd, sizeof(cmd), "psql -tA -c \"SELECT (SELECT count(*) FROM financial_intakes "
	    "WHERE user_id = '%s') + (SELECT count(*) FROM goals WHERE user_id = '%s')\"", id, id);
	ck_assert_int_eq(it_dev_capture(cmd, out, sizeof(out)), 0);
	ck_assert_msg(strncmp(out, "0", 1) == 0, "rows left: %s", out);
}
END_TEST

Suite *
finance_suite(void)
{
	Suite *s = suite_create("finance");
	TCase *tc = tcase_create("intake-goals");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, intake_is_exact_and_moves_the_stage);
	tcase_add_test(tc, intake_bad_input_stores_nothing);
	tcase_add_test(tc, goals_primary_cadence_and_achievement);
	tcase_add_test(tc, goal_bad_input);
	tcase_add_test(tc, deleting_a_user_removes_their_data);
	suite_add_tcase(s, tc);
	return s;
}
