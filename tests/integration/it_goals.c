/*
 * it_goals.c: goals that move, and a user's money in figures, over HTTP: a
 * done do task and logged debt payments and savings contributions move the
 * goal (exactly, and back again when undone, changed or deleted), what moved
 * a goal in pages; GET …/spending and …/recurring with their defaults,
 * limits and errors; HEAD; another client sees none of it.
 */
#include "config.h"

#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

static struct it_client cl, other;

static void
setup_client(void)
{
	static int done;

	if (!done) {
		it_client_create("goals", 0, &cl);
		it_client_create("goals-other", 0, &other);
		done = 1;
	}
}

static void
call(const char *method, const char *path, const char *body, struct http_result *r)
{
	it_call(&cl, method, path, body, r);
}

static const char *
str(const struct http_result *r, const char *path)
{
	struct json_object *v = it_json_at(r->json, path);

	return v ? json_object_get_string(v) : "";
}

/* The raw JSON text of the first "field": in the body, as sent (numbers exactly). */
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

/* POST …/goals with body; the new goal's id into id. */
static void
new_goal(const char *u, const char *body, char *id, size_t len)
{
	struct http_result r;
	char	 p[256];

	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, body, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(id, len, "%s", str(&r, "data.id"));
	http_result_free(&r);
}

/* The goal's current_amount and status as sent, into amount and status. */
static void
goal_now(const char *u, const char *id, char *amount, char *status)
{
	struct http_result r;
	char	 p[256];

	snprintf(p, sizeof(p), "%s/goals/%s", u, id);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	snprintf(amount, 32, "%s", raw(&r, "current_amount"));
	if (status)
		snprintf(status, 16, "%s", str(&r, "data.status"));
	http_result_free(&r);
}

static void
expect_amount(const char *u, const char *id, const char *want)
{
	char	 amount[32];

	goal_now(u, id, amount, NULL);
	ck_assert_msg(strcmp(amount, want) == 0, "goal %s: %s, not %s", id, amount, want);
}

/* POST one transaction; its id into id (may be NULL). */
static void
log_txn(const char *u, const char *body, char *id, size_t len)
{
	struct http_result r;
	char	 p[256];

	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, body, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	if (id)
		snprintf(id, len, "%s", str(&r, "data.0.id"));
	http_result_free(&r);
}

/* The status of method path (with body); the response freed. */
static long
status_of(const char *method, const char *path, const char *body)
{
	struct http_result r;
	long	 st;

	call(method, path, body, &r);
	st = r.status;
	http_result_free(&r);
	return st;
}

/* A 422 VALIDATION_ERROR with a detail naming field. */
static void
expect_invalid(const char *path, const char *field)
{
	struct http_result r;
	char	 want[64];

	call("GET", path, NULL, &r);
	ck_assert_msg(r.status == 422, "%s: %ld %s", path, r.status, r.body);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	snprintf(want, sizeof(want), "\"field\":\"%s\"", field);
	ck_assert_msg(strstr(r.body, want) != NULL, "%s: %s", path, r.body);
	http_result_free(&r);
}

START_TEST(a_done_task_moves_its_goal)
{
	struct http_result r;
	char	 u[160], p[320], goal[64], cyc[64], task[64], learn[64], amount[32], want[32];
	long	 cents = 0;
	int	 i;

	setup_client();
	it_user_path(u, sizeof(u), "gtask");
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":4000,\"monthly_expenses\":3000}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	new_goal(u, "{\"goal_type\":\"savings\",\"goal_name\":\"Emergency fund\","
	    "\"target_amount\":3000,\"current_amount\":500,\"cadence\":\"biweekly\"}", goal,
	    sizeof(goal));
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/money-moves/generate", u);
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(str(&r, "data.goal_id"), goal);
	snprintf(cyc, sizeof(cyc), "%s", str(&r, "data.id"));
	task[0] = learn[0] = '\0';
	for (i = 0; i < 3; i++) {
		char key[64];

		snprintf(key, sizeof(key), "data.tasks.%d.task_type", i);
		if (strcmp(str(&r, key), "do") == 0) {
			snprintf(key, sizeof(key), "data.tasks.%d.id", i);
			snprintf(task, sizeof(task), "%s", str(&r, key));
			snprintf(key, sizeof(key), "data.tasks.%d.amount_cents", i);
			cents = atol(str(&r, key));
		} else if (strcmp(str(&r, key), "learn") == 0) {
			snprintf(key, sizeof(key), "data.tasks.%d.id", i);
			snprintf(learn, sizeof(learn), "%s", str(&r, key));
		}
	}
	http_result_free(&r);
	ck_assert(task[0] && learn[0] && cents > 0);
	snprintf(want, sizeof(want), "%ld.%02ld", 500 + cents / 100, cents % 100);

	/* done: the goal moves by the task's amount, once */
	snprintf(p, sizeof(p), "%s/money-moves/%s/tasks/%s", u, cyc, task);
	call("PATCH", p, "{\"status\":\"done\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.user_points"), "200");
	http_result_free(&r);
	ck_assert_int_eq(status_of("PATCH", p, "{\"status\":\"done\"}"), 200);
	expect_amount(u, goal, want);
	snprintf(p, sizeof(p), "%s/goals/%s/contributions", u, goal);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 1);
	ck_assert_str_eq(str(&r, "data.0.source"), "task");
	ck_assert_str_eq(str(&r, "data.0.source_id"), task);
	ck_assert_str_eq(str(&r, "data.0.money_move_id"), cyc);
	ck_assert_str_eq(str(&r, "data.0.goal_id"), goal);
	snprintf(amount, sizeof(amount), "%ld.%02ld", cents / 100, cents % 100);
	ck_assert_str_eq(raw(&r, "amount"), amount);
	http_result_free(&r);

	/* undone: the amount and the points go back */
	snprintf(p, sizeof(p), "%s/money-moves/%s/tasks/%s", u, cyc, task);
	call("PATCH", p, "{\"status\":\"pending\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.status"), "pending");
	ck_assert_str_eq(str(&r, "data.points_awarded"), "0");
	ck_assert_str_eq(str(&r, "data.user_points"), "0");
	http_result_free(&r);
	expect_amount(u, goal, "500.00");
	ck_assert_int_eq(status_of("PATCH", p, "{\"status\":\"finished\"}"), 422);
	/* done again: moved again, the bonus earned again */
	call("PATCH", p, "{\"status\":\"done\"}", &r);
	ck_assert_str_eq(str(&r, "data.user_points"), "200");
	http_result_free(&r);
	expect_amount(u, goal, want);
	ck_assert_int_eq(status_of("PATCH", p, "{\"status\":\"skipped\"}"), 409);
	/* a learn task moves nothing */
	snprintf(p, sizeof(p), "%s/money-moves/%s/tasks/%s", u, cyc, learn);
	ck_assert_int_eq(status_of("PATCH", p, "{\"status\":\"done\"}"), 200);
	expect_amount(u, goal, want);
}
END_TEST

START_TEST(transactions_move_goals_and_take_back)
{
	struct http_result r;
	char	 u[160], p[640], fund[64], card[64], loan[64], t1[64], t2[64], t3[64];
	char	 amount[32], status[16], next[256];

	setup_client();
	it_user_path(u, sizeof(u), "gtxn");
	new_goal(u, "{\"goal_type\":\"savings\",\"goal_name\":\"Emergency fund\","
	    "\"target_amount\":2000}", fund, sizeof(fund));
	new_goal(u, "{\"goal_type\":\"debt\",\"goal_name\":\"Nubank card\","
	    "\"target_amount\":3000}", card, sizeof(card));
	new_goal(u, "{\"goal_type\":\"debt_payoff\",\"goal_name\":\"Car loan\","
	    "\"target_amount\":9000}", loan, sizeof(loan));
	/* the user's primary savings goal */
	log_txn(u, "{\"amount_cents\":110769,\"kind\":\"savings_contribution\","
	    "\"description\":\"moved to my fund\"}", t1, sizeof(t1));
	expect_amount(u, fund, "1107.69");
	/* no debt goal is primary: the name that matches, else the oldest */
	log_txn(u, "{\"amount_cents\":45000,\"kind\":\"debt_payment\","
	    "\"description\":\"loan instalment\"}", t2, sizeof(t2));
	expect_amount(u, loan, "450.00");
	log_txn(u, "{\"amount_cents\":20000,\"kind\":\"debt_payment\","
	    "\"description\":\"CARD PAYMENT THANK YOU\"}", t3, sizeof(t3));
	expect_amount(u, card, "200.00");
	/* another currency, spending, a transfer: nothing moves */
	log_txn(u, "{\"amount_cents\":9900,\"currency\":\"EUR\",\"kind\":\"savings_contribution\"}",
	    NULL, 0);
	log_txn(u, "{\"amount_cents\":9900,\"description\":\"fund dinner\"}", NULL, 0);
	log_txn(u, "{\"amount_cents\":9900,\"kind\":\"transfer\",\"description\":\"fund\"}", NULL, 0);
	expect_amount(u, fund, "1107.69");

	/* a new amount: the same goal, the new amount; reaching the target achieves it */
	snprintf(p, sizeof(p), "%s/transactions/%s", u, t1);
	call("PATCH", p, "{\"amount_cents\":250000}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	http_result_free(&r);
	goal_now(u, fund, amount, status);
	ck_assert_str_eq(amount, "2500.00");
	ck_assert_str_eq(status, "achieved");
	/* another kind: taken back, active again */
	call("PATCH", p, "{\"kind\":\"spending\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	http_result_free(&r);
	goal_now(u, fund, amount, status);
	ck_assert_str_eq(amount, "0.00");
	ck_assert_str_eq(status, "active");
	call("PATCH", p, "{\"kind\":\"savings_contribution\",\"amount_cents\":100050}", &r);
	http_result_free(&r);
	expect_amount(u, fund, "1000.50");
	/* a bad change changes nothing */
	ck_assert_int_eq(status_of("PATCH", p, "{\"amount_cents\":0}"), 422);
	ck_assert_int_eq(status_of("PATCH", p, "{\"kind\":\"gift\"}"), 422);
	expect_amount(u, fund, "1000.50");
	/* deleted: taken back */
	snprintf(p, sizeof(p), "%s/transactions/%s", u, t2);
	ck_assert_int_eq(status_of("DELETE", p, NULL), 204);
	expect_amount(u, loan, "0.00");

	/* what moved the goal, newest first, in pages */
	log_txn(u, "{\"amount_cents\":50,\"kind\":\"savings_contribution\"}", t2, sizeof(t2));
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?limit=1", u, fund);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.0.source_id"), t2);
	ck_assert_str_eq(str(&r, "data.0.source"), "transaction");
	ck_assert_str_eq(raw(&r, "money_move_id"), "null");
	ck_assert_str_eq(raw(&r, "amount"), "0.50");
	ck_assert_str_eq(str(&r, "pagination.has_more"), "true");
	snprintf(next, sizeof(next), "%s", str(&r, "pagination.next_cursor"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?limit=1&cursor=%s", u, fund, next);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.0.source_id"), t1);
	ck_assert_str_eq(raw(&r, "amount"), "1000.50");
	ck_assert_str_eq(str(&r, "pagination.has_more"), "false");
	http_result_free(&r);
	/* the cursor of one goal's list is no good for another's */
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?limit=1&cursor=%s", u, card, next);
	expect_invalid(p, "cursor");
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?source=task", u, fund);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?source=gift", u, fund);
	expect_invalid(p, "source");
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?sort=asc", u, fund);
	expect_invalid(p, "sort");
	snprintf(p, sizeof(p), "%s/goals/%s/contributions?limit=0", u, fund);
	expect_invalid(p, "limit");
	/* not found: a malformed id, no such goal, another user's, another client's */
	snprintf(p, sizeof(p), "%s/goals/goal-1/contributions", u);
	ck_assert_int_eq(status_of("GET", p, NULL), 404);
	snprintf(p, sizeof(p), "%s/goals/ozz_goal_AAAAAAAAAAAAAAAAAAAAAA/contributions", u);
	ck_assert_int_eq(status_of("GET", p, NULL), 404);
	it_user_path(p, sizeof(p), "gtxn-other");
	snprintf(p + strlen(p), sizeof(p) - strlen(p), "/goals/%s/contributions", fund);
	ck_assert_int_eq(status_of("GET", p, NULL), 404);
	snprintf(p, sizeof(p), "%s/goals/%s/contributions", u, fund);
	it_call(&other, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	/* another client logs for its own user of the same external id: ours stay */
	snprintf(p, sizeof(p), "%s/transactions", u);
	it_call(&other, "POST", p, "{\"amount_cents\":100,\"kind\":\"savings_contribution\"}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	expect_amount(u, fund, "1001.00");
	/* a deleted goal takes its contributions with it */
	snprintf(p, sizeof(p), "%s/goals/%s", u, card);
	ck_assert_int_eq(status_of("DELETE", p, NULL), 204);
	snprintf(p, sizeof(p), "%s/transactions/%s", u, t3);
	ck_assert_int_eq(status_of("DELETE", p, NULL), 204);
}
END_TEST

START_TEST(spending_aggregates)
{
	struct http_result r;
	char	 u[160], p[512], today[11], month[8];
	time_t	 now = time(NULL);
	struct tm tm;

	setup_client();
	gmtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	strftime(month, sizeof(month), "%Y-%m", &tm);
	it_user_path(u, sizeof(u), "gspend");
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"transactions\":["
	    "{\"amount_cents\":2300,\"description\":\"UBER *TRIP\",\"transaction_date\":\"2026-10-05\"},"
	    "{\"amount_cents\":4590,\"description\":\"supermarket\",\"transaction_date\":\"2026-10-20\"},"
	    "{\"amount_cents\":700,\"description\":\"UBER *TRIP\",\"kind\":\"refund\","
	    "\"transaction_date\":\"2026-11-02\"},"
	    "{\"amount_cents\":250,\"description\":\"monthly fee\",\"kind\":\"fee\","
	    "\"transaction_date\":\"2026-11-03\"},"
	    "{\"amount_cents\":150000,\"description\":\"CARD PAYMENT\",\"kind\":\"debt_payment\","
	    "\"transaction_date\":\"2026-11-04\"},"
	    "{\"amount_cents\":9900,\"currency\":\"EUR\",\"description\":\"lunch\","
	    "\"transaction_date\":\"2026-11-06\"}]}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);

	/* one total: spending and fees less refunds, in the user's currency */
	snprintf(p, sizeof(p), "%s/spending?from=2026-10-01&to=2026-11-30", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "object"), "spending");
	ck_assert_str_eq(str(&r, "data.currency"), "USD");
	ck_assert_str_eq(str(&r, "data.kind"), "spending");
	ck_assert_str_eq(str(&r, "data.from"), "2026-10-01");
	ck_assert_str_eq(raw(&r, "amount_cents"), "6440");
	ck_assert_str_eq(raw(&r, "count"), "4");
	ck_assert_str_eq(raw(&r, "group_by"), "null");
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data.groups")), 0);
	ck_assert_ptr_nonnull(http_header(&r, "RateLimit"));
	ck_assert_str_eq(http_header(&r, "Cache-Control"), "no-store");
	http_result_free(&r);
	/* by month in time order; by category largest first */
	snprintf(p, sizeof(p), "%s/spending?from=2026-10-01&to=2026-11-30&group_by=month", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.groups.0.key"), "2026-10");
	ck_assert_str_eq(str(&r, "data.groups.0.amount_cents"), "6890");
	ck_assert_str_eq(str(&r, "data.groups.1.key"), "2026-11");
	ck_assert_str_eq(str(&r, "data.groups.1.amount_cents"), "-450");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/spending?from=2026-10-01&to=2026-11-30&group_by=category", u);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(str(&r, "data.groups.0.key"), "food");
	ck_assert_str_eq(str(&r, "data.truncated"), "false");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/spending?from=2026-10-01&to=2026-11-30&group_by=merchant", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	/* no merchant known: a group of its own, key null */
	ck_assert_str_eq(raw(&r, "key"), "null");
	ck_assert_str_eq(str(&r, "data.groups.1.key"), "Uber");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/spending?from=2026-10-01&to=2026-11-30&kind=debt_payment"
	    "&group_by=week", u);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(raw(&r, "amount_cents"), "150000");
	ck_assert_str_eq(str(&r, "data.groups.0.key"), "2026-11-02");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/spending?from=2026-10-01&to=2026-11-30&category=transport"
	    "&subcategory=rideshare&group_by=subcategory", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.category"), "transport");
	http_result_free(&r);
	/* the defaults: this month up to today */
	snprintf(p, sizeof(p), "%s/spending", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "data.to"), today);
	ck_assert(strncmp(str(&r, "data.from"), month, 7) == 0);
	ck_assert_str_eq(str(&r, "data.from") + 8, "01");
	http_result_free(&r);

	/* bad queries: each named, nothing stored */
	snprintf(p, sizeof(p), "%s/spending?from=2026-02-30", u);
	expect_invalid(p, "from");
	snprintf(p, sizeof(p), "%s/spending?to=yesterday", u);
	expect_invalid(p, "to");
	snprintf(p, sizeof(p), "%s/spending?from=2026-11-02&to=2026-11-01", u);
	expect_invalid(p, "from");
	snprintf(p, sizeof(p), "%s/spending?from=2020-01-01&to=2023-01-01", u);
	expect_invalid(p, "to");
	snprintf(p, sizeof(p), "%s/spending?from=2020-01-01&to=2022-12-31", u);
	ck_assert_int_eq(status_of("GET", p, NULL), 200);
	snprintf(p, sizeof(p), "%s/spending?group_by=year", u);
	expect_invalid(p, "group_by");
	snprintf(p, sizeof(p), "%s/spending?kind=all", u);
	expect_invalid(p, "kind");
	snprintf(p, sizeof(p), "%s/spending?category=toys", u);
	expect_invalid(p, "category");
	snprintf(p, sizeof(p), "%s/spending?category=food&subcategory=rideshare", u);
	expect_invalid(p, "subcategory");
	snprintf(p, sizeof(p), "%s/spending?subcategory=nothing", u);
	expect_invalid(p, "subcategory");
	snprintf(p, sizeof(p), "%s/spending?limit=10", u);
	expect_invalid(p, "limit");
	snprintf(p, sizeof(p), "%s/spending?kind=fee&kind=income", u);
	expect_invalid(p, "kind");
	/* another client: by id not found */
	snprintf(p, sizeof(p), "%s/spending", u);
	call("GET", p, NULL, &r);
	snprintf(p, sizeof(p), "/v1/users/%s/spending", str(&r, "data.user_id"));
	http_result_free(&r);
	it_call(&other, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert_str_eq(http_error_code(&r), "NOT_FOUND");
	http_result_free(&r);
	ck_assert_int_eq(status_of("GET", "/v1/users/ozz_usr_AAAAAAAAAAAAAAAAAAAAAA/spending",
	    NULL), 404);
}
END_TEST

START_TEST(recurring_payments)
{
	struct http_result r;
	char	 u[160], p[256], d[3][11], body[256];
	time_t	 now = time(NULL);
	struct tm tm;
	int	 i;

	setup_client();
	it_user_path(u, sizeof(u), "grec");
	snprintf(p, sizeof(p), "%s/recurring", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(&r, "object"), "list");
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	http_result_free(&r);
	/* three monthly payments, 30 days apart */
	for (i = 0; i < 3; i++) {
		time_t t = now - (time_t)(60 - 30 * i) * 86400;

		gmtime_r(&t, &tm);
		strftime(d[i], sizeof(d[i]), "%Y-%m-%d", &tm);
		snprintf(body, sizeof(body), "{\"amount_cents\":1599,\"description\":\"NETFLIX.COM\","
		    "\"transaction_date\":\"%s\"}", d[i]);
		snprintf(p, sizeof(p), "%s/transactions", u);
		log_txn(u, body, NULL, 0);
	}
	snprintf(p, sizeof(p), "%s/recurring", u);
	call("GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 1);
	ck_assert_str_eq(str(&r, "data.0.merchant"), "Netflix");
	ck_assert_str_eq(str(&r, "data.0.cadence"), "monthly");
	ck_assert_str_eq(str(&r, "data.0.amount_cents"), "1599");
	ck_assert_str_eq(str(&r, "data.0.monthly_amount_cents"), "1599");
	ck_assert_str_eq(str(&r, "data.0.currency"), "USD");
	ck_assert_str_eq(str(&r, "data.0.count"), "3");
	ck_assert_str_eq(str(&r, "data.0.first_date"), d[0]);
	ck_assert_str_eq(str(&r, "data.0.last_date"), d[2]);
	ck_assert_str_eq(str(&r, "data.0.category"), "entertainment");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/recurring?limit=5", u);
	expect_invalid(p, "limit");
	/* another client's user of the same external id: none */
	snprintf(p, sizeof(p), "%s/recurring", u);
	it_call(&other, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	http_result_free(&r);
	ck_assert_int_eq(status_of("GET", "/v1/users/ozz_usr_AAAAAAAAAAAAAAAAAAAAAA/recurring",
	    NULL), 404);
}
END_TEST

/* HEAD answers as GET does, without a body, on the new endpoints. */
START_TEST(head_as_get)
{
	struct http_result r, h;
	char	 u[160], p[6][320], goal[64], gt[128], ht[128];
	int	 i;

	setup_client();
	it_user_path(u, sizeof(u), "ghead");
	new_goal(u, "{\"goal_type\":\"savings\",\"target_amount\":100}", goal, sizeof(goal));
	snprintf(p[0], sizeof(p[0]), "%s/goals/%s/contributions", u, goal);
	snprintf(p[1], sizeof(p[1]), "%s/goals/ozz_goal_AAAAAAAAAAAAAAAAAAAAAA/contributions", u);
	snprintf(p[2], sizeof(p[2]), "%s/spending?group_by=category", u);
	snprintf(p[3], sizeof(p[3]), "%s/spending?group_by=decade", u);
	snprintf(p[4], sizeof(p[4]), "%s/recurring", u);
	snprintf(p[5], sizeof(p[5]), "%s/recurring?x=1", u);
	for (i = 0; i < 6; i++) {
		call("GET", p[i], NULL, &r);
		call("HEAD", p[i], NULL, &h);
		ck_assert_msg(h.status == r.status, "HEAD %s: %ld, GET %ld", p[i], h.status,
		    r.status);
		ck_assert_msg(h.body_len == 0, "HEAD %s answered a body", p[i]);
		snprintf(gt, sizeof(gt), "%s", http_header(&r, "Content-Length") ?
		    http_header(&r, "Content-Length") : "");
		snprintf(ht, sizeof(ht), "%s", http_header(&h, "Content-Length") ?
		    http_header(&h, "Content-Length") : "");
		ck_assert_str_eq(gt, ht);
		http_result_free(&r);
		http_result_free(&h);
	}
}
END_TEST

Suite *
goals_suite(void)
{
	Suite *s = suite_create("goals");
	TCase *tc = tcase_create("goals-figures");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, a_done_task_moves_its_goal);
	tcase_add_test(tc, transactions_move_goals_and_take_back);
	tcase_add_test(tc, spending_aggregates);
	tcase_add_test(tc, recurring_payments);
	tcase_add_test(tc, head_as_get);
	suite_add_tcase(s, tc);
	return s;
}
