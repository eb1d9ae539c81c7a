/*
 * it_plan.c: plans and money moves over HTTP: requirements, stage changes,
 * engine output shape, cycles and tasks, points awarded once (also under
 * concurrent PATCHes), and cascade on user delete.
 */
#include "config.h"

#include <sys/wait.h>

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

static struct it_client cl;

static void
setup_client(void)
{
	static int done;

	if (!done) {
		it_client_create("plans", 0, &cl);
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

/* Into out, field of the cycle's task of type (do, learn, mind) in response r. */
static void
task_field(const struct http_result *r, const char *type, const char *field, char *out,
    size_t len)
{
	char	 key[64];
	int	 i;

	out[0] = '\0';
	for (i = 0; i < 3; i++) {
		snprintf(key, sizeof(key), "data.tasks.%d.task_type", i);
		if (strcmp(str(r, key), type) == 0) {
			snprintf(key, sizeof(key), "data.tasks.%d.%s", i, field);
			snprintf(out, len, "%s", str(r, key));
		}
	}
}

/* The day-th of the month back months before this one (UTC), "YYYY-MM-DD". */
static void
month_day(int back, int day, char out[11])
{
	time_t	 now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	tm.tm_mday = day;
	tm.tm_mon -= back;	/* January's -1 is normalised to last December */
	now = timegm(&tm);
	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A user with an intake and a goal; returns its path. */
static void
ready_user(char *u, size_t len, const char *ext, const char *intake)
{
	struct http_result r;
	char	 p[256];

	it_user_path(u, len, ext);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, intake, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"goal_name\":\"Emergency fund\","
	    "\"target_amount\":3000,\"current_amount\":500,\"cadence\":\"biweekly\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
}

START_TEST(plan_requires_an_intake)
{
	struct http_result r;
	char	 u[160], p[256];

	setup_client();
	it_user_path(u, sizeof(u), "noplan");
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 409);
	ck_assert_str_eq(http_error_code(&r), "INTAKE_REQUIRED");
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/money-moves/generate", u);
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 409);
	ck_assert_str_eq(http_error_code(&r), "PLAN_REQUIRED");
	http_result_free(&r);
}
END_TEST

START_TEST(plan_generation_and_history)
{
	struct http_result r;
	char	 u[160], p[256], body[1024], m2[11], m1[11], m1b[11];
	int	 sum;

	setup_client();
	ready_user(u, sizeof(u), "plan",
	    "{\"monthly_income\":5000,\"monthly_expenses\":3500,\"savings_balance\":500}");
	/*
	 * Spending for the engine to read: two whole months before this one
	 * (from the first day of the first), and today's, which no average
	 * counts until its month is over.
	 */
	month_day(2, 1, m2);
	month_day(1, 1, m1);
	month_day(1, 15, m1b);
	snprintf(p, sizeof(p), "%s/transactions", u);
	snprintf(body, sizeof(body), "{\"transactions\":["
	    "{\"amount_cents\":150000,\"description\":\"rent\",\"category\":\"housing\","
	    "\"transaction_date\":\"%s\"},"
	    "{\"amount_cents\":150000,\"description\":\"rent\",\"category\":\"housing\","
	    "\"transaction_date\":\"%s\"},"
	    "{\"amount_cents\":42000,\"description\":\"restaurant\",\"category\":\"food\","
	    "\"transaction_date\":\"%s\"},"
	    "{\"amount_cents\":30000,\"description\":\"cinema\",\"category\":\"entertainment\"}]}",
	    m2, m1, m1b);
	call("POST", p, body, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(str(&r, "object"), "plan");
	ck_assert(strncmp(str(&r, "data.id"), "ozz_plan_", 9) == 0);
	sum = json_object_get_int(it_json_at(r.json, "data.allocations.needs")) +
	    json_object_get_int(it_json_at(r.json, "data.allocations.wants")) +
	    json_object_get_int(it_json_at(r.json, "data.allocations.savings")) +
	    json_object_get_int(it_json_at(r.json, "data.allocations.debt"));
	ck_assert_int_eq(sum, 100);
	ck_assert_ptr_nonnull(it_json_at(r.json, "data.key_metrics.monthly_savings_amount"));
	ck_assert_ptr_nonnull(it_json_at(r.json, "data.key_metrics.current_savings_rate"));
	ck_assert(json_object_array_length(it_json_at(r.json, "data.savings_projection")) > 0);
	ck_assert(json_object_array_length(it_json_at(r.json, "data.action_items")) > 0);
	ck_assert(strlen(str(&r, "data.summary")) > 20);
	/* the two whole months, not today's cinema; their averages, said in assumptions */
	ck_assert_str_eq(str(&r, "data.inputs.transactions_considered"), "3");
	ck_assert_str_eq(str(&r, "data.inputs.spending_months"), "2");
	ck_assert_str_eq(str(&r, "data.assumptions.spending_source"), "transactions");
	ck_assert_str_eq(str(&r, "data.assumptions.spending_months"), "2");
	ck_assert_str_eq(str(&r, "data.assumptions.spending_from"), m2);
	ck_assert_str_eq(str(&r, "data.assumptions.interest_compounding"), "monthly");
	ck_assert_ptr_nonnull(it_json_at(r.json, "data.assumptions.expected_return_rate"));
	/* rent 1,500.00 a month of 5,000.00: 30%, one rent a month, never scaled up */
	ck_assert_str_eq(str(&r, "data.assumptions.housing_percent"), "30");
	/* 500 saved of a 3-month fund: the money goes to the fund before the goal */
	ck_assert_str_eq(str(&r, "data.focus.step"), "emergency_fund");
	ck_assert_str_eq(str(&r, "data.focus.topic"), "emergency");
	ck_assert_str_eq(str(&r, "data.priorities.0.status"), "current");
	ck_assert(strncmp(str(&r, "data.inputs.intake_id"), "ozz_intake_", 11) == 0);
	ck_assert(strncmp(str(&r, "data.inputs.goal_id"), "ozz_goal_", 9) == 0);
	ck_assert_str_eq(str(&r, "data.generated_by.ai_provider"), "local");
	http_result_free(&r);
	call("GET", u, NULL, &r);
	ck_assert_str_eq(str(&r, "data.onboarding_stage"), "active");
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/plan/generate", u);
	call("POST", p, "{}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/plan/personalize", u);
	call("POST", p, "{\"personality_type\":\"saver\"}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(str(&r, "data.personality_type"), "saver");
	http_result_free(&r);
	call("POST", p, "{\"mood\":\"sad\"}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/plan", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(str(&r, "data.personality_type"), "saver");
	ck_assert_ptr_null(it_json_at(r.json, "data.money_moves"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/plan/history?limit=2", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 2);
	ck_assert(json_object_get_boolean(it_json_at(r.json, "pagination.has_more")));
	http_result_free(&r);
}
END_TEST

START_TEST(honest_plans_for_hard_cases)
{
	struct http_result r;
	char	 u[160], p[256];

	setup_client();
	/* expenses above income: a plan, with no timeline */
	ready_user(u, sizeof(u), "gap", "{\"monthly_income\":2000,\"monthly_expenses\":2600}");
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_ptr_null(it_json_at(r.json, "data.timeline_months"));
	http_result_free(&r);
	/* a currency without minor units: amounts stay in yen */
	it_user_path(u, sizeof(u), "yen");
	call("PATCH", u, "{\"currency\":\"JPY\"}", &r);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":300000,\"monthly_expenses\":200000}", &r);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_ptr_nonnull(strstr(str(&r, "data.summary"), "300,000"));
	ck_assert_ptr_null(strstr(str(&r, "data.summary"), "30,000,000"));
	http_result_free(&r);
	/* zero income */
	ready_user(u, sizeof(u), "zero", "{\"monthly_income\":0,\"monthly_expenses\":800}");
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
}
END_TEST

/* PATCH a task; returns the status code. */
static long
mark(const char *u, const char *cycle, const char *task, const char *status, long *points)
{
	struct http_result r;
	char	 p[512], body[64];
	long	 st;

	snprintf(p, sizeof(p), "%s/money-moves/%s/tasks/%s", u, cycle, task);
	snprintf(body, sizeof(body), "{\"status\":\"%s\"}", status);
	call("PATCH", p, body, &r);
	st = r.status;
	if (points && it_json_at(r.json, "data.user_points"))
		*points = json_object_get_int64(it_json_at(r.json, "data.user_points"));
	http_result_free(&r);
	return st;
}

static long
user_points(const char *u)
{
	struct http_result r;
	long	 v;

	call("GET", u, NULL, &r);
	v = json_object_get_int64(it_json_at(r.json, "data.points"));
	http_result_free(&r);
	return v;
}

START_TEST(money_moves_and_points)
{
	struct http_result r;
	char	 u[160], p[256], cyc[64], cyc2[64], t_do[64], t_learn[64], t_mind[64], l1[256];
	char	 l2[256], amount[32];
	long	 pts = -1;
	size_t	 i;

	setup_client();
	ready_user(u, sizeof(u), "moves", "{\"monthly_income\":4000,\"monthly_expenses\":3000}");
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/money-moves/generate", u);
	call("POST", p, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(str(&r, "object"), "money_move");
	ck_assert_str_eq(str(&r, "data.cycle_number"), "1");
	ck_assert_str_eq(str(&r, "data.cadence"), "biweekly");
	ck_assert_str_eq(str(&r, "data.status"), "scheduled");
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data.tasks")), 3);
	snprintf(cyc, sizeof(cyc), "%s", str(&r, "data.id"));
	task_field(&r, "do", "id", t_do, sizeof(t_do));
	task_field(&r, "do", "amount_cents", amount, sizeof(amount));
	ck_assert_msg(amount[0] > '0' && amount[0] <= '9', "do amount %s", amount);
	task_field(&r, "learn", "id", t_learn, sizeof(t_learn));
	task_field(&r, "learn", "title", l1, sizeof(l1));
	task_field(&r, "mind", "id", t_mind, sizeof(t_mind));
	ck_assert(t_do[0] && t_learn[0] && t_mind[0] && l1[0]);
	http_result_free(&r);

	/* The next cycle comes later on the cadence, with another lesson. */
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(str(&r, "data.cycle_number"), "2");
	snprintf(cyc2, sizeof(cyc2), "%s", str(&r, "data.id"));
	task_field(&r, "learn", "title", l2, sizeof(l2));
	ck_assert_str_ne(l2, l1);
	http_result_free(&r);

	/* Points: do 50 + 150 first-completion bonus, once. */
	ck_assert_int_eq(user_points(u), 0);
	ck_assert_int_eq(mark(u, cyc, t_do, "done", &pts), 200);
	ck_assert_int_eq(pts, 200);
	ck_assert_int_eq(mark(u, cyc, t_do, "done", NULL), 200);
	ck_assert_int_eq(user_points(u), 200);
	ck_assert_int_eq(mark(u, cyc, t_learn, "done", &pts), 200);
	ck_assert_int_eq(pts, 210);
	ck_assert_int_eq(mark(u, cyc, t_mind, "skipped", NULL), 200);
	ck_assert_int_eq(user_points(u), 210);
	ck_assert_int_eq(mark(u, cyc, t_do, "skipped", NULL), 409);
	ck_assert_int_eq(mark(u, cyc, t_do, "finished", NULL), 422);
	ck_assert_int_eq(mark(u, cyc, "ozz_task_AAAAAAAAAAAAAAAAAAAAAA", "done", NULL), 404);
	ck_assert_int_eq(mark(u, cyc2, t_do, "done", NULL), 404);	/* task of another cycle */

	snprintf(p, sizeof(p), "%s/money-moves/%s", u, cyc);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(str(&r, "data.id"), cyc);
	ck_assert_str_eq(str(&r, "data.points_awarded"), "");
	http_result_free(&r);
	{
		char other[160], op[320];

		it_user_path(other, sizeof(other), "moves-other");
		snprintf(op, sizeof(op), "%s/money-moves/%s", other, cyc);
		call("GET", op, NULL, &r);
		ck_assert_int_eq(r.status, 404);	/* another user's cycle */
		http_result_free(&r);
	}
	call("PATCH", p, "{\"status\":\"completed\"}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(str(&r, "data.status"), "completed");
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"completed\"}", &r);	/* again: no change */
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"skipped\"}", &r);	/* closed cycles stay closed */
	ck_assert_int_eq(r.status, 409);
	http_result_free(&r);
	/* A skipped cycle's tasks earn nothing. */
	snprintf(p, sizeof(p), "%s/money-moves/%s", u, cyc2);
	call("PATCH", p, "{\"status\":\"skipped\"}", &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	call("GET", p, NULL, &r);
	for (i = 0; i < 3; i++) {
		char key[64], tid[64];

		snprintf(key, sizeof(key), "data.tasks.%zu.id", i);
		snprintf(tid, sizeof(tid), "%s", str(&r, key));
		ck_assert_int_eq(mark(u, cyc2, tid, "done", NULL), 409);
	}
	http_result_free(&r);
	ck_assert_int_eq(user_points(u), 210);
	snprintf(p, sizeof(p), "%s/money-moves?status=completed", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/money-moves?status=late", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/plan", u);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(str(&r, "data.money_moves.id"), cyc2);
	http_result_free(&r);
	/* A new plan shows the current cycle too. */
	call("POST", p, NULL, &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(str(&r, "data.money_moves.id"), cyc2);
	http_result_free(&r);
}
END_TEST

START_TEST(monthly_cycles_keep_their_day)
{
	struct http_result r;
	char	 u[160], p[256], uid[64], out[256];
	static const char *const want[] = { "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30" };
	int	 i;

	setup_client();
	it_user_path(u, sizeof(u), "monthly");
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":4000,\"monthly_expenses\":3000}", &r);
	snprintf(uid, sizeof(uid), "%s", str(&r, "data.user_id"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"target_amount\":5000,\"cadence\":\"monthly\"}", &r);
	http_result_free(&r);
	ck_assert_int_eq(it_sql("UPDATE goals SET next_move_date = '2027-01-31' WHERE user_id = :'a';",
	    uid, NULL, out, sizeof(out)), 0);
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/money-moves/generate", u);
	for (i = 0; i < 4; i++) {
		call("POST", p, NULL, &r);
		ck_assert_msg(r.status == 201, "%s", r.body);
		ck_assert_str_eq(str(&r, "data.due_date"), want[i]);
		http_result_free(&r);
	}
}
END_TEST

START_TEST(concurrent_patches_award_once)
{
	enum { N = 6 };
	struct http_result r;
	char	 u[160], p[256], cyc[64], task[64];
	pid_t	 kids[N];
	int	 i, st;

	setup_client();
	ready_user(u, sizeof(u), "race", "{\"monthly_income\":4000,\"monthly_expenses\":3000}");
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/money-moves/generate", u);
	call("POST", p, NULL, &r);
	snprintf(cyc, sizeof(cyc), "%s", str(&r, "data.id"));
	task_field(&r, "do", "id", task, sizeof(task));
	http_result_free(&r);
	for (i = 0; i < N; i++)
		if ((kids[i] = fork()) == 0)
			_exit(mark(u, cyc, task, "done", NULL) == 200 ? 0 : 1);
	for (i = 0; i < N; i++) {
		ck_assert_int_eq(waitpid(kids[i], &st, 0), kids[i]);
		ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	ck_assert_int_eq(user_points(u), 200);
}
END_TEST

START_TEST(deleting_a_user_removes_plans_and_moves)
{
	struct http_result r;
	char	 u[160], p[256], id[64], out[256];

	setup_client();
	ready_user(u, sizeof(u), "gone", "{\"monthly_income\":4000,\"monthly_expenses\":3000}");
	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, NULL, &r);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/money-moves/generate", u);
	call("POST", p, NULL, &r);
	snprintf(id, sizeof(id), "%s", str(&r, "data.user_id"));
	http_result_free(&r);
	call("DELETE", u, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	http_result_free(&r);
	ck_assert_int_eq(it_sql("SELECT (SELECT count(*) FROM plans WHERE user_id = :'a')"
	    " + (SELECT count(*) FROM money_move_cycles WHERE user_id = :'a')"
	    " + (SELECT count(*) FROM money_move_tasks WHERE user_id = :'a');", id, NULL, out,
	    sizeof(out)), 0);
	ck_assert_msg(strncmp(out, "0", 1) == 0, "rows left: %s", out);
}
END_TEST

/* A header of r, or "" when it has none (copied: http_header's buffer is shared). */
static void
header_of(const struct http_result *r, const char *name, char *out, size_t len)
{
	const char *v = http_header(r, name);

	snprintf(out, len, "%s", v ? v : "");
}

/*
 * HEAD wherever GET is: the same status, Content-Type and Content-Length as
 * the GET, and no body. Run through the contract tap, it also checks every
 * HEAD operation of openapi.yaml against what the server sends.
 */
START_TEST(head_answers_as_get_without_a_body)
{
	struct http_result r, h;
	char	 u[160], p[32][256], goal[64], txn[64], cycle[64], gtype[128], htype[128];
	char	 glen[32], hlen[32];
	int	 n = 0, i;

	setup_client();
	ready_user(u, sizeof(u), "head", "{\"monthly_income\":4000,\"monthly_expenses\":3000}");
	snprintf(p[0], sizeof(p[0]), "%s/plan", u);
	call("POST", p[0], NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
	snprintf(p[0], sizeof(p[0]), "%s/money-moves/generate", u);
	call("POST", p[0], NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(cycle, sizeof(cycle), "%s", str(&r, "data.id"));
	http_result_free(&r);
	snprintf(p[0], sizeof(p[0]), "%s/transactions", u);
	call("POST", p[0], "{\"amount_cents\":990,\"description\":\"lunch\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(txn, sizeof(txn), "%s", str(&r, "data.0.id"));
	http_result_free(&r);
	snprintf(p[0], sizeof(p[0]), "%s/chat/messages", u);
	call("POST", p[0], "{\"message\":\"how am I doing?\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
	snprintf(p[0], sizeof(p[0]), "%s/goals", u);
	call("GET", p[0], NULL, &r);
	snprintf(goal, sizeof(goal), "%s", str(&r, "data.0.id"));
	http_result_free(&r);
	ck_assert(cycle[0] && txn[0] && goal[0]);

	snprintf(p[n++], sizeof(p[0]), "/health");
	snprintf(p[n++], sizeof(p[0]), "/ready");
	snprintf(p[n++], sizeof(p[0]), "/v1/users?limit=2");
	snprintf(p[n++], sizeof(p[0]), "/v1/categories");
	snprintf(p[n++], sizeof(p[0]), "/v1/usage");
	snprintf(p[n++], sizeof(p[0]), "%s", u);
	snprintf(p[n++], sizeof(p[0]), "%s/financial-intake", u);
	snprintf(p[n++], sizeof(p[0]), "%s/financial-intake/history", u);
	snprintf(p[n++], sizeof(p[0]), "%s/goals", u);
	snprintf(p[n++], sizeof(p[0]), "%s/goals/%s", u, goal);
	snprintf(p[n++], sizeof(p[0]), "%s/transactions?limit=5", u);
	snprintf(p[n++], sizeof(p[0]), "%s/transactions/%s", u, txn);
	snprintf(p[n++], sizeof(p[0]), "%s/plan", u);
	snprintf(p[n++], sizeof(p[0]), "%s/plan/history", u);
	snprintf(p[n++], sizeof(p[0]), "%s/money-moves", u);
	snprintf(p[n++], sizeof(p[0]), "%s/money-moves/%s", u, cycle);
	snprintf(p[n++], sizeof(p[0]), "%s/chat/messages", u);
	/* Errors too: not found, and a bad query. */
	snprintf(p[n++], sizeof(p[0]), "%s/goals/ozz_goal_AAAAAAAAAAAAAAAAAAAAAA", u);
	snprintf(p[n++], sizeof(p[0]), "%s/transactions?limit=0", u);
	for (i = 0; i < n; i++) {
		call("GET", p[i], NULL, &r);
		call("HEAD", p[i], NULL, &h);
		ck_assert_msg(h.status == r.status, "HEAD %s: %ld, GET %ld", p[i], h.status, r.status);
		ck_assert_msg(h.body_len == 0, "HEAD %s answered a body: %s", p[i], h.body);
		header_of(&r, "Content-Type", gtype, sizeof(gtype));
		header_of(&h, "Content-Type", htype, sizeof(htype));
		ck_assert_msg(strcmp(gtype, htype) == 0, "HEAD %s: %s, GET %s", p[i], htype, gtype);
		header_of(&r, "Content-Length", glen, sizeof(glen));
		header_of(&h, "Content-Length", hlen, sizeof(hlen));
		ck_assert_msg(strcmp(glen, hlen) == 0, "HEAD %s: length %s, GET %s", p[i], hlen, glen);
		ck_assert_ptr_nonnull(http_header(&h, "X-Request-Id"));
		http_result_free(&r);
		http_result_free(&h);
	}
}
END_TEST

Suite *
plan_suite(void)
{
	Suite *s = suite_create("plans");
	TCase *tc = tcase_create("plans-moves");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, plan_requires_an_intake);
	tcase_add_test(tc, plan_generation_and_history);
	tcase_add_test(tc, honest_plans_for_hard_cases);
	tcase_add_test(tc, money_moves_and_points);
	tcase_add_test(tc, monthly_cycles_keep_their_day);
	tcase_add_test(tc, concurrent_patches_award_once);
	tcase_add_test(tc, deleting_a_user_removes_plans_and_moves);
	tcase_add_test(tc, head_answers_as_get_without_a_body);
	suite_add_tcase(s, tc);
	return s;
}
