/*
 * it_analytics.c: analytics across a client's users over HTTP. A user base
 * with known figures (healthy users, one edge user for each risk rule,
 * users in euros under the privacy threshold, another client's users) and
 * every number of the overview, spending, at-risk users and trends checked;
 * filters, pages, defaults and validation errors; then the rollups after
 * parallel batches, PATCHes and deletes (and a user deleted) compared with
 * the raw rows by ozzie-admin analytics verify, spoiled and rebuilt.
 *
 * Dates are relative to today: L is the last full month, P1..P3 the three
 * before it, and the period asked for is P3's first day to L's last.
 */
#include "config.h"

#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

static struct it_client cl, other, load;
static char period[80];		/* "from=…&to=…" */
static char lfirst[11], llast[11];

/* The first day of the month back months before this one, its day d, as YYYY-MM-DD. */
static void
month_day(int back, int d, char out[11])
{
	time_t	 now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	tm.tm_mon -= back;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	now = timegm(&tm);
	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The Monday of the week of date, as YYYY-MM-DD. */
static void
monday_of(const char *date, char out[11])
{
	struct tm tm;
	time_t	 t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8) ;
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	t -= (time_t)((tm.tm_wday + 6) % 7) * 86400;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void
call_as(const struct it_client *c, const char *method, const char *path, const char *body,
    struct http_result *r)
{
	it_call(c, method, path, body, r);
}

static void
ok(const struct it_client *c, const char *method, const char *path, const char *body,
    long want)
{
	struct http_result r;

	call_as(c, method, path, body, &r);
	ck_assert_msg(r.status == want, "%s %s: %ld %s", method, path, r.status, r.body);
	http_result_free(&r);
}

/* The JSON text of the value at path ("null" for null, numbers as sent). */
static const char *
at(const struct http_result *r, const char *path)
{
	static char out[4][128];
	static int k;
	struct json_object *v;

	k = (k + 1) % 4;
	if (r->json == NULL)
		return "";
	v = it_json_at(r->json, path);
	if (v == NULL) {
		/* absent and null differ: a null member is present */
		char	 parent[128], *dot;
		struct json_object *p;

		snprintf(parent, sizeof(parent), "%s", path);
		if ((dot = strrchr(parent, '.')) == NULL)
			return "(absent)";
		*dot = '\0';
		p = it_json_at(r->json, parent);
		return p && json_object_is_type(p, json_type_object) &&
		    json_object_object_get_ex(p, dot + 1, NULL) ? "null" : "(absent)";
	}
	snprintf(out[k], sizeof(out[k]), "%s", json_object_is_type(v, json_type_string) ?
	    json_object_get_string(v) : json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN));
	return out[k];
}

#define EXPECT(r, path, want) do { \
	const char *got_ = at((r), (path)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "%s: %s, not %s (%s)", (path), got_, (want), \
	    (r)->body); \
} while (0)

/* GET path as the client; 200 expected. */
static void
get(const struct it_client *c, const char *path, struct http_result *r)
{
	call_as(c, "GET", path, NULL, r);
	ck_assert_msg(r->status == 200, "%s: %ld %s", path, r->status, r->body);
}

/* One structured transaction of user u (a path) on date. */
static void
txn(const struct it_client *c, const char *u, long cents, const char *category,
    const char *description, const char *date)
{
	char	 p[256], body[512];

	snprintf(p, sizeof(p), "%s/transactions", u);
	snprintf(body, sizeof(body), "{\"amount_cents\":%ld,\"currency\":\"%s\","
	    "\"category\":\"%s\",\"description\":\"%s\",\"transaction_date\":\"%s\"}", cents,
	    strstr(u, ":e") ? "EUR" : "USD", category, description, date);
	ok(c, "POST", p, body, 201);
}

static void
intake(const char *u, const char *body)
{
	char	 p[256];

	snprintf(p, sizeof(p), "%s/financial-intake", u);
	ok(&cl, "POST", p, body, 201);
}

#define HEALTHY "{\"monthly_income\":5000,\"monthly_expenses\":3000,\"savings_balance\":20000}"

/* The period of the tests: P3's first day to L's last. */
static void
setup_period(void)
{
	char	 d[11];

	month_day(1, 1, lfirst);
	month_day(0, 0, llast);		/* day 0 of this month: L's last day */
	month_day(4, 1, d);
	snprintf(period, sizeof(period), "from=%s&to=%s", d, llast);
}

/* The user base of the known figures; made once. */
static void
setup(void)
{
	char	 u[128], d[11], p[256], sql[1024], out[256];
	struct http_result r;
	int	 i;

	it_client_create("analytics", 0, &cl);
	it_client_create("analytics-other", 0, &other);
	setup_period();

	/* a1..a6: healthy, food 100.00 * i, transport 20.00, salary 5,000.00 in L */
	for (i = 1; i <= 6; i++) {
		snprintf(u, sizeof(u), "/v1/users/external:a%d", i);
		intake(u, HEALTHY);
		month_day(1, 10, d);
		txn(&cl, u, 10000L * i, "food", "weekly groceries", d);
		month_day(1, 12, d);
		txn(&cl, u, 2000, "transport", "bus pass", d);
		month_day(1, 1, d);
		txn(&cl, u, 500000, "income", "salary", d);
	}
	/* each rule, alone */
	intake("/v1/users/external:r_cash", "{\"monthly_income\":3000,\"monthly_expenses\":3200,"
	    "\"savings_balance\":10000}");
	month_day(1, 2, d);
	txn(&cl, "/v1/users/external:r_cash_tx", 100000, "income", "salary", d);
	month_day(1, 3, d);
	txn(&cl, "/v1/users/external:r_cash_tx", 150000, "housing", "apartment rent", d);
	intake("/v1/users/external:r_fund", "{\"monthly_income\":5000,\"monthly_expenses\":4000,"
	    "\"savings_balance\":2000}");
	intake("/v1/users/external:r_dti", "{\"monthly_income\":1000,\"monthly_expenses\":500,"
	    "\"savings_balance\":1000,\"debt_balance\":6000}");
	intake("/v1/users/external:r_interest", "{\"monthly_income\":5000,\"monthly_expenses\":3000,"
	    "\"savings_balance\":5000,\"debts\":[{\"name\":\"card\",\"balance\":1000,"
	    "\"interest_rate\":2.5,\"rate_period\":\"month\"}]}");
	for (i = 4; i >= 2; i--) {
		month_day(i, 5, d);
		txn(&cl, "/v1/users/external:r_spike", 10000, "food", "weekly groceries", d);
	}
	month_day(1, 5, d);
	txn(&cl, "/v1/users/external:r_spike", 20000, "food", "weekly groceries", d);
	/* r_moves: a plan, a money move, then two cycles past due, not done */
	intake("/v1/users/external:r_moves", "{\"monthly_income\":5000,\"monthly_expenses\":3000,"
	    "\"savings_balance\":10000}");
	ok(&cl, "POST", "/v1/users/external:r_moves/plan", NULL, 201);
	ok(&cl, "POST", "/v1/users/external:r_moves/money-moves/generate", NULL, 201);
	month_day(1, 15, d);
	snprintf(sql, sizeof(sql),
	    "UPDATE money_move_cycles SET due_date = '%s' WHERE client_id = :'a';"
	    "INSERT INTO money_move_cycles (client_id, id, user_id, plan_id, goal_id, cycle_number,"
	    " cadence, due_date) SELECT client_id, 'ozz_mm_' || substr(md5(id), 1, 22), user_id,"
	    " plan_id, goal_id, cycle_number + 100, cadence, due_date + 7 FROM money_move_cycles"
	    " WHERE client_id = :'a';", d);
	ck_assert_int_eq(it_sql(sql, cl.id, NULL, out, sizeof(out)), 0);
	/* three users in euros: under the threshold */
	for (i = 1; i <= 3; i++) {
		snprintf(p, sizeof(p), "{\"external_user_id\":\"e%d\",\"currency\":\"EUR\"}", i);
		ok(&cl, "POST", "/v1/users", p, 201);
		snprintf(u, sizeof(u), "/v1/users/external:e%d", i);
		month_day(1, 10, d);
		txn(&cl, u, 5000, "food", "weekly groceries", d);
	}
	/* another client's users, who must never count */
	for (i = 1; i <= 5; i++) {
		snprintf(u, sizeof(u), "/v1/users/external:o%d", i);
		month_day(1, 10, d);
		txn(&other, u, 99900, "food", "weekly groceries", d);
		snprintf(p, sizeof(p), "%s/financial-intake", u);
		ok(&other, "POST", p, "{\"monthly_income\":100,\"monthly_expenses\":900}", 201);
	}
	/* the cycles changed behind the API's back: the risk state is recomputed */
	ck_assert_int_eq(it_dev_capture("admin analytics rebuild", out, sizeof(out)), 0);
	ck_assert_msg(strstr(out, "rebuilt") != NULL, "%s", out);
	get(&cl, "/v1/analytics/overview?currency=USD", &r);
	http_result_free(&r);
}

START_TEST(overview_figures)
{
	struct http_result r;
	char	 p[256];

	snprintf(p, sizeof(p), "/v1/analytics/overview?%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "object", "analytics");
	/* USD: most of the client's users have it */
	EXPECT(&r, "data.currency", "USD");
	EXPECT(&r, "data.to", llast);
	EXPECT(&r, "data.min_users", "5");
	EXPECT(&r, "data.users.total", "13");
	EXPECT(&r, "data.users.intake_pending", "null");	/* 2 users */
	EXPECT(&r, "data.users.plan_pending", "10");
	EXPECT(&r, "data.users.active", "null");		/* 1 user */
	EXPECT(&r, "data.users.active_in_period", "8");
	EXPECT(&r, "data.users.suppressed", "true");
	EXPECT(&r, "data.transactions.count", "24");
	EXPECT(&r, "data.transactions.spending_cents", "422000");
	EXPECT(&r, "data.transactions.income_cents", "3100000");
	EXPECT(&r, "data.transactions.users", "8");
	EXPECT(&r, "data.transactions.suppressed", "false");
	EXPECT(&r, "data.intakes.users", "11");
	EXPECT(&r, "data.intakes.median_monthly_income", "5000.00");
	EXPECT(&r, "data.intakes.median_monthly_expenses", "3000.00");
	EXPECT(&r, "data.intakes.median_savings_rate", "40.00");
	/* nothing of the period: no plans, chats; the cycles' tasks are one user's */
	EXPECT(&r, "data.plans.generated", "0");
	EXPECT(&r, "data.plans.users", "0");
	EXPECT(&r, "data.money_moves.tasks_done", "null");
	EXPECT(&r, "data.money_moves.suppressed", "true");
	EXPECT(&r, "data.chat.messages", "0");
	EXPECT(&r, "data.at_risk_users", "7");
	EXPECT(&r, "data.suppressed", "true");
	http_result_free(&r);

	/* euros: three users, every figure withheld */
	snprintf(p, sizeof(p), "/v1/analytics/overview?currency=EUR&%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "data.currency", "EUR");
	EXPECT(&r, "data.users.total", "null");
	EXPECT(&r, "data.transactions.count", "null");
	EXPECT(&r, "data.transactions.spending_cents", "null");
	EXPECT(&r, "data.transactions.users", "null");
	EXPECT(&r, "data.transactions.suppressed", "true");
	EXPECT(&r, "data.intakes.users", "0");
	EXPECT(&r, "data.intakes.median_monthly_income", "null");
	http_result_free(&r);

	/* the default period (this month and the two before) holds today's plan */
	get(&cl, "/v1/analytics/overview", &r);
	EXPECT(&r, "data.plans.generated", "null");
	EXPECT(&r, "data.plans.suppressed", "true");
	EXPECT(&r, "data.transactions.count", "22");
	http_result_free(&r);

	/* another client sees only its own five users */
	snprintf(p, sizeof(p), "/v1/analytics/overview?%s", period);
	get(&other, p, &r);
	EXPECT(&r, "data.users.total", "5");
	EXPECT(&r, "data.transactions.spending_cents", "499500");
	EXPECT(&r, "data.transactions.count", "5");
	EXPECT(&r, "data.at_risk_users", "5");
	EXPECT(&r, "data.intakes.median_savings_rate", "-800.00");
	http_result_free(&r);
}
END_TEST

START_TEST(spending_groups)
{
	struct http_result r;
	char	 p[320], m[4][8], d[11];
	int	 i;

	snprintf(p, sizeof(p), "/v1/analytics/spending?%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "data.group_by", "category");
	EXPECT(&r, "data.total.amount_cents", "422000");
	EXPECT(&r, "data.total.count", "17");
	EXPECT(&r, "data.total.users", "8");
	EXPECT(&r, "data.total.median_per_user_cents", "46000");
	EXPECT(&r, "data.total.share", "1.0000");
	EXPECT(&r, "data.groups.0.key", "food");
	EXPECT(&r, "data.groups.0.amount_cents", "260000");
	EXPECT(&r, "data.groups.0.share", "0.6161");
	EXPECT(&r, "data.groups.0.count", "10");
	EXPECT(&r, "data.groups.0.users", "7");
	EXPECT(&r, "data.groups.0.median_per_user_cents", "40000");
	EXPECT(&r, "data.groups.0.suppressed", "false");
	/* one user's rent: withheld */
	EXPECT(&r, "data.groups.1.key", "housing");
	EXPECT(&r, "data.groups.1.amount_cents", "null");
	EXPECT(&r, "data.groups.1.share", "null");
	EXPECT(&r, "data.groups.1.users", "null");
	EXPECT(&r, "data.groups.1.median_per_user_cents", "null");
	EXPECT(&r, "data.groups.1.suppressed", "true");
	EXPECT(&r, "data.groups.2.key", "transport");
	EXPECT(&r, "data.groups.2.amount_cents", "12000");
	EXPECT(&r, "data.groups.2.share", "0.0284");
	EXPECT(&r, "data.groups.2.median_per_user_cents", "2000");
	EXPECT(&r, "data.groups.3", "(absent)");
	EXPECT(&r, "data.suppressed", "true");
	EXPECT(&r, "data.truncated", "false");
	http_result_free(&r);

	/* by month, in time order; the months before L are one user's */
	for (i = 0; i < 4; i++) {
		month_day(4 - i, 1, d);
		snprintf(m[i], sizeof(m[i]), "%.7s", d);
	}
	snprintf(p, sizeof(p), "/v1/analytics/spending?group_by=month&%s", period);
	get(&cl, p, &r);
	for (i = 0; i < 3; i++) {
		char key[48];

		snprintf(key, sizeof(key), "data.groups.%d.key", i);
		EXPECT(&r, key, m[i]);
		snprintf(key, sizeof(key), "data.groups.%d.amount_cents", i);
		EXPECT(&r, key, "null");
	}
	EXPECT(&r, "data.groups.3.key", m[3]);
	EXPECT(&r, "data.groups.3.amount_cents", "392000");
	EXPECT(&r, "data.groups.3.users", "8");
	EXPECT(&r, "data.groups.3.count", "14");
	http_result_free(&r);

	/* a category filter */
	snprintf(p, sizeof(p), "/v1/analytics/spending?group_by=month&category=food&%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "data.category", "food");
	EXPECT(&r, "data.total.amount_cents", "260000");
	EXPECT(&r, "data.groups.3.amount_cents", "230000");
	EXPECT(&r, "data.groups.3.users", "7");
	http_result_free(&r);

	/* by source: every record came as JSON */
	snprintf(p, sizeof(p), "/v1/analytics/spending?group_by=source&%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "data.groups.0.key", "api_json");
	EXPECT(&r, "data.groups.0.amount_cents", "422000");
	EXPECT(&r, "data.groups.0.share", "1.0000");
	EXPECT(&r, "data.groups.1", "(absent)");
	http_result_free(&r);

	/* by merchant: the groups add up to the total */
	snprintf(p, sizeof(p), "/v1/analytics/spending?group_by=merchant&category=transport&%s",
	    period);
	get(&cl, p, &r);
	EXPECT(&r, "data.total.amount_cents", "12000");
	EXPECT(&r, "data.groups.0.amount_cents", "12000");
	EXPECT(&r, "data.groups.0.users", "6");
	http_result_free(&r);

	/* euros, and another client: theirs only */
	snprintf(p, sizeof(p), "/v1/analytics/spending?currency=EUR&%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "data.total.amount_cents", "null");
	EXPECT(&r, "data.total.suppressed", "true");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/spending?%s", period);
	get(&other, p, &r);
	EXPECT(&r, "data.total.amount_cents", "499500");
	EXPECT(&r, "data.total.users", "5");
	EXPECT(&r, "data.total.median_per_user_cents", "99900");
	http_result_free(&r);
}
END_TEST

/* The reasons of the user in an at-risk answer with external id ext, as "code=value/threshold ...". */
static void
reasons_of(const struct http_result *r, const char *ext, char *out, size_t len)
{
	struct json_object *arr = it_json_at(r->json, "data"), *u, *rs, *x;
	size_t	 i, k, n = 0;

	out[0] = '\0';
	for (i = 0; arr && i < json_object_array_length(arr); i++) {
		u = json_object_array_get_idx(arr, i);
		if (strcmp(json_object_get_string(json_object_object_get(u, "external_user_id")),
		    ext) != 0)
			continue;
		n += (size_t)snprintf(out + n, len - n, "%s:",
		    json_object_to_json_string(json_object_object_get(u, "risk_score")));
		rs = json_object_object_get(u, "reasons");
		for (k = 0; k < json_object_array_length(rs); k++) {
			x = json_object_array_get_idx(rs, k);
			n += (size_t)snprintf(out + n, len - n, " %s=%s/%s+%s",
			    json_object_get_string(json_object_object_get(x, "code")),
			    json_object_to_json_string(json_object_object_get(x, "value")),
			    json_object_to_json_string(json_object_object_get(x, "threshold")),
			    json_object_to_json_string(json_object_object_get(x, "points")));
			if (json_object_object_get_ex(x, "basis", NULL))
				n += (size_t)snprintf(out + n, len - n, "(%s)", json_object_get_string(
				    json_object_object_get(x, "basis")));
		}
	}
}

#define REASONS(r, ext, want) do { \
	char got_[512]; \
	reasons_of((r), (ext), got_, sizeof(got_)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "%s: '%s', not '%s'", (ext), got_, (want)); \
} while (0)

START_TEST(at_risk_users)
{
	struct http_result r;
	char	 p[512], seen[8][64], cursor[256];
	int	 n = 0, pages = 0, last = 101, i;
	struct json_object *arr, *u;

	get(&cl, "/v1/analytics/at-risk-users?limit=50", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 7);
	REASONS(&r, "r_cash", "30: negative_cash_flow=-200.00/0.00+30(intake)");
	REASONS(&r, "r_cash_tx", "30: negative_cash_flow=-500.00/0.00+30(transactions)");
	REASONS(&r, "r_fund", "15: low_emergency_fund=0.50/1.00+15");
	REASONS(&r, "r_dti", "20: high_debt_to_income=50.00/40.00+20");
	REASONS(&r, "r_interest", "15: high_interest_debt=30.00/20.00+15");
	REASONS(&r, "r_spike", "10: spending_spike=100.00/30.00+10");
	REASONS(&r, "r_moves", "10: missed_money_moves=2/2+10");
	REASONS(&r, "a1", "");
	EXPECT(&r, "data.0.currency", "USD");
	EXPECT(&r, "pagination.has_more", "false");
	http_result_free(&r);

	/* pages of 3: every user once, scores never rising */
	cursor[0] = '\0';
	do {
		snprintf(p, sizeof(p), "/v1/analytics/at-risk-users?limit=3%s%s",
		    cursor[0] ? "&cursor=" : "", cursor);
		get(&cl, p, &r);
		arr = it_json_at(r.json, "data");
		for (i = 0; i < (int)json_object_array_length(arr); i++) {
			u = json_object_array_get_idx(arr, i);
			ck_assert_int_le(json_object_get_int(json_object_object_get(u, "risk_score")),
			    last);
			last = json_object_get_int(json_object_object_get(u, "risk_score"));
			ck_assert_int_lt(n, 7);
			snprintf(seen[n++], sizeof(seen[0]), "%s", json_object_get_string(
			    json_object_object_get(u, "user_id")));
		}
		snprintf(cursor, sizeof(cursor), "%s", at(&r, "pagination.next_cursor"));
		if (strcmp(at(&r, "pagination.has_more"), "true") != 0)
			cursor[0] = '\0';
		http_result_free(&r);
		pages++;
	} while (cursor[0] && pages < 5);
	ck_assert_int_eq(pages, 3);
	ck_assert_int_eq(n, 7);
	for (i = 1; i < n; i++)
		ck_assert_str_ne(seen[i], seen[i - 1]);

	/* one reason */
	get(&cl, "/v1/analytics/at-risk-users?reason=negative_cash_flow", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 2);
	http_result_free(&r);
	get(&cl, "/v1/analytics/at-risk-users?reason=high_interest_debt", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 1);
	EXPECT(&r, "data.0.external_user_id", "r_interest");
	EXPECT(&r, "data.0.risk_score", "15");
	http_result_free(&r);
	/* euros: nobody; another client: its own five */
	get(&cl, "/v1/analytics/at-risk-users?currency=EUR", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	http_result_free(&r);
	get(&other, "/v1/analytics/at-risk-users?limit=50", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 5);
	REASONS(&r, "o1", "30: negative_cash_flow=-800.00/0.00+30(intake)");
	http_result_free(&r);

	/* a write refreshes the state: r_fund saves enough and leaves the list */
	intake("/v1/users/external:r_fund", "{\"monthly_income\":5000,\"monthly_expenses\":4000,"
	    "\"savings_balance\":4000}");
	get(&cl, "/v1/analytics/at-risk-users?reason=low_emergency_fund", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	http_result_free(&r);
	intake("/v1/users/external:r_fund", "{\"monthly_income\":5000,\"monthly_expenses\":4000,"
	    "\"savings_balance\":2000}");
	get(&cl, "/v1/analytics/at-risk-users?reason=low_emergency_fund", &r);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 1);
	http_result_free(&r);
}
END_TEST

/* The value and users of trend point i as "value/users". */
static void
point(const struct http_result *r, int i, char *out, size_t len)
{
	char	 k1[48], k2[48];

	snprintf(k1, sizeof(k1), "data.points.%d.value", i);
	snprintf(k2, sizeof(k2), "data.points.%d.users", i);
	snprintf(out, len, "%s/%s", at(r, k1), at(r, k2));
}

#define POINT(r, i, want) do { \
	char got_[64]; \
	point((r), (i), got_, sizeof(got_)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "point %d: %s, not %s (%s)", (i), got_, (want), \
	    (r)->body); \
} while (0)

START_TEST(trends_by_month_and_week)
{
	static const struct { int back, day, users; } dated[] = {
		/* a1..a6 on days 1, 10, 12 of L; r_cash_tx on 2, 3; r_spike on 5s */
		{ 1, 1, 6 }, { 1, 10, 6 }, { 1, 12, 6 }, { 1, 2, 1 }, { 1, 3, 1 }, { 1, 5, 1 },
	};
	struct http_result r;
	char	 p[320], d[11], mon[11], want[64], key[48];
	char	 weeks[8][11];
	long	 count[8] = { 0 };
	int	 nweeks = 0, i, k, who[8][3];

	snprintf(p, sizeof(p), "/v1/analytics/trends?%s", period);
	get(&cl, p, &r);
	EXPECT(&r, "data.metric", "spending");
	EXPECT(&r, "data.interval", "month");
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data.points")), 4);
	POINT(&r, 0, "null/null");
	POINT(&r, 2, "null/null");
	POINT(&r, 3, "392000/8");
	month_day(1, 1, d);
	snprintf(want, sizeof(want), "%.7s", d);
	EXPECT(&r, "data.points.3.period", want);
	EXPECT(&r, "data.points.0.suppressed", "true");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/trends?metric=income&%s", period);
	get(&cl, p, &r);
	POINT(&r, 0, "0/0");
	EXPECT(&r, "data.points.0.suppressed", "false");
	POINT(&r, 3, "3100000/7");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/trends?metric=transactions&%s", period);
	get(&cl, p, &r);
	POINT(&r, 1, "null/null");
	POINT(&r, 3, "21/8");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/trends?metric=active_users&%s", period);
	get(&cl, p, &r);
	POINT(&r, 3, "8/8");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/trends?metric=savings_rate&%s", period);
	get(&cl, p, &r);
	POINT(&r, 3, "87.35/8");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/trends?metric=spending&category=transport&%s",
	    period);
	get(&cl, p, &r);
	POINT(&r, 3, "12000/6");
	POINT(&r, 2, "0/0");
	http_result_free(&r);
	/* another client: its own */
	snprintf(p, sizeof(p), "/v1/analytics/trends?%s", period);
	get(&other, p, &r);
	POINT(&r, 3, "499500/5");
	http_result_free(&r);

	/* weeks of L: the transactions of each week, counted here too */
	memset(who, 0, sizeof(who));
	for (i = 0; i < (int)(sizeof(dated) / sizeof(dated[0])); i++) {
		month_day(dated[i].back, dated[i].day, d);
		monday_of(d, mon);
		for (k = 0; k < nweeks && strcmp(weeks[k], mon) != 0; k++)
			;
		if (k == nweeks)
			snprintf(weeks[nweeks++], sizeof(weeks[0]), "%s", mon);
		count[k] += dated[i].users;
		/* users apart: a (0), r_cash_tx (1), r_spike (2) */
		who[k][dated[i].users == 6 ? 0 : dated[i].day == 5 ? 2 : 1] = 1;
	}
	snprintf(p, sizeof(p), "/v1/analytics/trends?interval=week&metric=transactions&from=%s"
	    "&to=%s", lfirst, llast);
	get(&cl, p, &r);
	EXPECT(&r, "data.interval", "week");
	monday_of(lfirst, mon);
	EXPECT(&r, "data.from", mon);
	for (i = 0; i < (int)json_object_array_length(it_json_at(r.json, "data.points")); i++) {
		int users;

		snprintf(key, sizeof(key), "data.points.%d.period", i);
		snprintf(d, sizeof(d), "%s", at(&r, key));
		for (k = 0; k < nweeks && strcmp(weeks[k], d) != 0; k++)
			;
		if (k == nweeks) {
			POINT(&r, i, "0/0");
			continue;
		}
		users = (who[k][0] ? 6 : 0) + who[k][1] + who[k][2];
		if (users < 5)
			snprintf(want, sizeof(want), "null/null");
		else
			snprintf(want, sizeof(want), "%ld/%d", count[k], users);
		POINT(&r, i, want);
	}
	http_result_free(&r);
}
END_TEST

/* A 422 VALIDATION_ERROR naming field. */
static void
invalid(const char *path, const char *field)
{
	struct http_result r;
	char	 want[64];

	call_as(&cl, "GET", path, NULL, &r);
	ck_assert_msg(r.status == 422, "%s: %ld %s", path, r.status, r.body);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	snprintf(want, sizeof(want), "\"field\":\"%s\"", field);
	ck_assert_msg(strstr(r.body, want) != NULL, "%s: %s", path, r.body);
	http_result_free(&r);
}

START_TEST(validation_errors)
{
	struct http_result r;

	invalid("/v1/analytics/overview?from=2026-02-30", "from");
	invalid("/v1/analytics/overview?to=yesterday", "to");
	invalid("/v1/analytics/overview?from=2026-05-01&to=2026-04-01", "from");
	invalid("/v1/analytics/overview?from=2020-01-01&to=2026-01-01", "to");
	invalid("/v1/analytics/overview?currency=XXX", "currency");
	invalid("/v1/analytics/overview?group_by=category", "group_by");
	invalid("/v1/analytics/spending?group_by=week", "group_by");
	invalid("/v1/analytics/spending?category=toys", "category");
	invalid("/v1/analytics/trends?metric=profit", "metric");
	invalid("/v1/analytics/trends?interval=day", "interval");
	invalid("/v1/analytics/trends?metric=savings_rate&category=food", "category");
	invalid("/v1/analytics/at-risk-users?reason=poor", "reason");
	invalid("/v1/analytics/at-risk-users?limit=0", "limit");
	invalid("/v1/analytics/at-risk-users?cursor=abc", "cursor");
	invalid("/v1/analytics/at-risk-users?from=2026-01-01", "from");
	/* no credentials, a wrong method */
	call_as(NULL, "GET", "/v1/analytics/overview", NULL, &r);
	ck_assert_int_eq(r.status, 401);
	http_result_free(&r);
	call_as(&cl, "POST", "/v1/analytics/overview", "{}", &r);
	ck_assert_int_eq(r.status, 405);
	http_result_free(&r);
}
END_TEST

/* What one writer does: batches, PATCHes of amounts and dates, deletes. */
static void
writer(int w)
{
	struct http_result r;
	char	 u[128], p[256], body[4096], id[64];
	size_t	 n;
	int	 b, i;

	snprintf(u, sizeof(u), "/v1/users/external:load%d", w % 3);
	for (b = 0; b < 4; b++) {
		n = (size_t)snprintf(body, sizeof(body), "{\"transactions\":[");
		for (i = 0; i < 10; i++)
			n += (size_t)snprintf(body + n, sizeof(body) - n,
			    "%s{\"amount_cents\":%d,\"currency\":\"USD\",\"category\":\"%s\","
			    "\"description\":\"load %d %d\",\"transaction_date\":\"%s\"}",
			    i ? "," : "", 100 + w * 10 + i, i % 3 ? "food" : "income", w, i, lfirst);
		snprintf(body + n, sizeof(body) - n, "]}");
		snprintf(p, sizeof(p), "%s/transactions", u);
		call_as(&load, "POST", p, body, &r);
		if (r.status != 201) {
			http_result_free(&r);
			continue;
		}
		snprintf(id, sizeof(id), "%s", at(&r, "data.1.id"));
		http_result_free(&r);
		snprintf(p, sizeof(p), "%s/transactions/%s", u, id);
		snprintf(body, sizeof(body), "{\"amount_cents\":%d,\"transaction_date\":\"%s\"}",
		    777 + w, llast);
		call_as(&load, "PATCH", p, body, &r);
		http_result_free(&r);
		if (b % 2 == 0) {
			call_as(&load, "DELETE", p, NULL, &r);
			http_result_free(&r);
		}
	}
}

/* data.total and data.groups of a spending answer, as JSON text, into out. */
static void
spending_figures(const struct http_result *r, char *out, size_t n)
{
	struct json_object *t = it_json_at(r->json, "data.total");
	struct json_object *g = it_json_at(r->json, "data.groups");

	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_nonnull(g);
	snprintf(out, n, "%s %s", json_object_to_json_string_ext(t, JSON_C_TO_STRING_PLAIN),
	    json_object_to_json_string_ext(g, JSON_C_TO_STRING_PLAIN));
}

/* data of an answer without as_of and precomputed, as JSON text, into out. */
static void
answer_figures(const struct http_result *r, char *out, size_t n)
{
	struct json_object *d = it_json_at(r->json, "data"), *c = NULL;

	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(json_object_deep_copy(d, &c, NULL), 0);
	json_object_object_del(c, "as_of");
	json_object_object_del(c, "precomputed");
	snprintf(out, n, "%s", json_object_to_json_string_ext(c, JSON_C_TO_STRING_PLAIN));
	json_object_put(c);
}

/*
 * The precomputed spending answers (sql/016): made by ozzie-admin analytics
 * refresh for one client, served with precomputed true and the same figures
 * as read live, for every group_by and with a category; after a write the
 * stored answer is served as it was (as_of says so) until it is older than
 * analytics_refresh_seconds (300 in the test stack), then the answer is
 * live again; another period is live at once; verify finds a spoiled one.
 */
START_TEST(precomputed_spending)
{
	static const char *const qs[] = { "group_by=category", "group_by=merchant",
	    "group_by=month", "group_by=source", "group_by=month&category=food",
	    "group_by=merchant&category=transport", "category=housing", NULL };
	struct it_client pc;
	struct http_result r;
	char	 u[128], d[11], p[320], live[8][4096], got[4096], out[1024], later[11];
	char	 as_of[32], when[32];
	struct tm tm;
	time_t	 t0;
	int	 i;

	it_client_create("analytics-precomputed", 0, &pc);
	for (i = 1; i <= 6; i++) {
		snprintf(u, sizeof(u), "/v1/users/external:p%d", i);
		month_day(1, 3 + i, d);
		txn(&pc, u, 10000L * i, "food", "weekly groceries", d);
		if (i % 2 == 0) {
			month_day(1, 12, d);
			txn(&pc, u, 2500, "transport", "bus pass", d);
		}
	}
	/* live first, for the last month (one of the periods kept) */
	for (i = 0; qs[i]; i++) {
		snprintf(p, sizeof(p), "/v1/analytics/spending?%s&from=%s&to=%s", qs[i], lfirst,
		    llast);
		get(&pc, p, &r);
		EXPECT(&r, "data.precomputed", "false");
		ck_assert_int_eq((int)strlen(at(&r, "data.as_of")), 20);
		spending_figures(&r, live[i], sizeof(live[i]));
		http_result_free(&r);
	}
	/* and the overview */
	snprintf(p, sizeof(p), "/v1/analytics/overview?from=%s&to=%s", lfirst, llast);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "false");
	EXPECT(&r, "data.transactions.spending_cents", "217500");
	answer_figures(&r, live[7], sizeof(live[7]));
	http_result_free(&r);
	snprintf(p, sizeof(p), "admin analytics refresh --client %s", pc.id);
	ck_assert_int_eq(it_dev_capture(p, out, sizeof(out)), 0);
	ck_assert_msg(strstr(out, "3 analytics answer sets computed") != NULL, "%s", out);
	snprintf(p, sizeof(p), "/v1/analytics/overview?from=%s&to=%s", lfirst, llast);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "true");
	answer_figures(&r, got, sizeof(got));
	ck_assert_msg(strcmp(got, live[7]) == 0, "overview: precomputed %s, live %s", got, live[7]);
	http_result_free(&r);
	for (i = 0; qs[i]; i++) {
		snprintf(p, sizeof(p), "/v1/analytics/spending?%s&from=%s&to=%s", qs[i], lfirst,
		    llast);
		get(&pc, p, &r);
		EXPECT(&r, "data.precomputed", "true");
		spending_figures(&r, got, sizeof(got));
		ck_assert_msg(strcmp(got, live[i]) == 0, "%s: precomputed %s, live %s", qs[i], got,
		    live[i]);
		http_result_free(&r);
	}
	/* the default period (this month and the two before) and this month are kept too */
	get(&pc, "/v1/analytics/spending?group_by=merchant", &r);
	EXPECT(&r, "data.precomputed", "true");
	EXPECT(&r, "data.total.amount_cents", "217500");
	http_result_free(&r);
	get(&pc, "/v1/analytics/overview", &r);
	EXPECT(&r, "data.precomputed", "true");
	http_result_free(&r);
	month_day(0, 1, d);
	month_day(-1, 0, later);	/* this month's last day */
	snprintf(p, sizeof(p), "/v1/analytics/spending?from=%s&to=%s", d, later);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "true");
	EXPECT(&r, "data.total.amount_cents", "0");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/spending?from=%s&to=%s", lfirst, llast);
	get(&pc, p, &r);
	EXPECT(&r, "data.total.amount_cents", "217500");
	EXPECT(&r, "data.total.users", "6");
	EXPECT(&r, "data.total.median_per_user_cents", "36250");
	snprintf(as_of, sizeof(as_of), "%s", at(&r, "data.as_of"));
	http_result_free(&r);
	/* another client's answer is its own, live */
	get(&other, p, &r);
	EXPECT(&r, "data.precomputed", "false");
	EXPECT(&r, "data.total.amount_cents", "499500");
	http_result_free(&r);

	/* a write: the stored answer stays what it was, as of before it */
	sleep(1);
	t0 = time(NULL);
	month_day(1, 20, d);
	txn(&pc, "/v1/users/external:p7", 70000, "food", "weekly groceries", d);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "true");
	EXPECT(&r, "data.total.amount_cents", "217500");
	EXPECT(&r, "data.as_of", as_of);
	gmtime_r(&t0, &tm);
	ck_assert_int_gt((int)strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm), 0);
	ck_assert_msg(strcmp(as_of, when) < 0, "as_of %s, written at %s", as_of, when);
	http_result_free(&r);
	/* a period not kept is read at once */
	month_day(-1, 0, later);	/* this month's last day */
	snprintf(p, sizeof(p), "/v1/analytics/spending?from=%s&to=%s", lfirst, later);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "false");
	EXPECT(&r, "data.total.amount_cents", "287500");
	http_result_free(&r);
	/* still within the bound: served; past it: never, the answer is live */
	ck_assert_int_eq(it_sql("UPDATE analytics_answer_sets SET as_of = now() - interval"
	    " '290 seconds' WHERE client_id = :'a';", pc.id, NULL, out, sizeof(out)), 0);
	snprintf(p, sizeof(p), "/v1/analytics/spending?from=%s&to=%s", lfirst, llast);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "true");
	EXPECT(&r, "data.total.amount_cents", "217500");
	http_result_free(&r);
	ck_assert_int_eq(it_sql("UPDATE analytics_answer_sets SET as_of = now() - interval"
	    " '301 seconds' WHERE client_id = :'a';", pc.id, NULL, out, sizeof(out)), 0);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "false");
	EXPECT(&r, "data.total.amount_cents", "287500");
	EXPECT(&r, "data.total.users", "7");
	EXPECT(&r, "data.total.median_per_user_cents", "42500");
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/analytics/overview?from=%s&to=%s", lfirst, llast);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "false");
	EXPECT(&r, "data.transactions.spending_cents", "287500");
	http_result_free(&r);

	/* made again, they match the rollups; a spoiled one is found */
	snprintf(p, sizeof(p), "admin analytics refresh --client %s", pc.id);
	ck_assert_int_eq(it_dev_capture(p, out, sizeof(out)), 0);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 0);
	ck_assert_msg(strstr(out, "analytics_answers    3 sets, 0 differ") != NULL, "%s", out);
	ck_assert_int_eq(it_sql("UPDATE analytics_answer_groups SET median = median + 1"
	    " WHERE client_id = :'a' AND group_by = 'merchant';", pc.id, NULL, out, sizeof(out)), 0);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 0);
	ck_assert_msg(strstr(out, "analytics_answers    3 sets, 2 differ") != NULL, "%s", out);
	ck_assert_int_eq(it_sql("UPDATE analytics_answer_sets SET overview[1] = overview[1] + 1"
	    " WHERE client_id = :'a';", pc.id, NULL, out, sizeof(out)), 0);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 0);
	ck_assert_msg(strstr(out, "analytics_answers    3 sets, 3 differ") != NULL, "%s", out);
	/* a rebuild drops them: live again */
	ck_assert_int_eq(it_dev_capture("admin analytics rebuild", out, sizeof(out)), 0);
	snprintf(p, sizeof(p), "/v1/analytics/spending?from=%s&to=%s", lfirst, llast);
	get(&pc, p, &r);
	EXPECT(&r, "data.precomputed", "false");
	EXPECT(&r, "data.total.amount_cents", "287500");
	http_result_free(&r);
}
END_TEST

START_TEST(rollups_exact_under_concurrency)
{
	char	 out[1024], *p;
	pid_t	 kids[6];
	int	 i, st;

	it_client_create("analytics-load", 0, &load);
	for (i = 0; i < 6; i++) {
		kids[i] = fork();
		ck_assert_int_ge(kids[i], 0);
		if (kids[i] == 0) {
			writer(i);
			_exit(0);
		}
	}
	for (i = 0; i < 6; i++)
		ck_assert_int_eq(waitpid(kids[i], &st, 0), kids[i]);
	/* and a user deleted with their rows */
	ok(&load, "DELETE", "/v1/users/external:load2", NULL, 204);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 0);
	ck_assert_msg(strstr(out, "analytics_monthly") && strstr(out, "analytics_weekly") &&
	    strstr(out, "analytics_merchants") && strstr(out, "analytics_totals") &&
	    strstr(out, "analytics_periods") && strstr(out, "match"), "%s", out);
	for (i = 0, p = out; (p = strstr(p, " rows, 0 differ")) != NULL; p++)
		i++;
	ck_assert_msg(i == 5, "%s", out);
	/* the client's periods (sql/013) too: a user counted twice is found */
	ck_assert_int_eq(it_sql("UPDATE analytics_periods SET users_any = users_any + 1"
	    " WHERE client_id = :'a';", load.id, NULL, out, sizeof(out)), 0);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 3);
	ck_assert_msg(strstr(out, "differ: run") != NULL, "%s", out);
	/* a rollup spoiled behind the triggers' back: found, then repaired */
	ck_assert_int_eq(it_sql("UPDATE analytics_monthly SET spend_cents = spend_cents + 1"
	    " WHERE client_id = :'a';", load.id, NULL, out, sizeof(out)), 0);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 3);
	ck_assert_msg(strstr(out, "differ: run") != NULL, "%s", out);
	ck_assert_int_eq(it_dev_capture("admin analytics rebuild", out, sizeof(out)), 0);
	ck_assert_int_eq(it_dev_capture("admin analytics verify", out, sizeof(out)), 0);
}
END_TEST

/* The spending total of the replica client's period, as served. */
static long
replica_total(const struct it_client *c)
{
	struct http_result r;
	char	 p[256];
	long	 v;

	snprintf(p, sizeof(p), "/v1/analytics/spending?%s", period);
	get(c, p, &r);
	v = atol(at(&r, "data.total.amount_cents"));
	http_result_free(&r);
	return v;
}

START_TEST(reads_from_the_replica)
{
	struct it_client rc;
	char	 cmd[1024], u[128], d[11], out[256];
	const char *build = getenv("OZZIE_DEV_BUILD");
	long	 v = 0;
	int	 i;

	ck_assert_ptr_nonnull(build);
	it_client_create("analytics-replica", 0, &rc);
	month_day(1, 10, d);
	for (i = 1; i <= 5; i++) {
		snprintf(u, sizeof(u), "/v1/users/external:rep%d", i);
		txn(&rc, u, 1000, "food", "weekly groceries", d);
	}
	snprintf(cmd, sizeof(cmd), "_replica-up '%s'", build);
	ck_assert_int_eq(it_dev(cmd), 0);
	/* the replica catches up */
	for (i = 0; i < 100 && (v = replica_total(&rc)) != 5000; i++)
		it_sleep_ms(100);
	ck_assert_int_eq(v, 5000);
	/* replay paused: a write reaches the primary, not the answers */
	ck_assert_int_eq(it_dev_capture("_replica-psql -tAc 'SELECT pg_wal_replay_pause()'",
	    out, sizeof(out)), 0);
	txn(&rc, "/v1/users/external:rep1", 700, "food", "weekly groceries", d);
	/* the rollups with the changes not folded yet (sql/018) */
	ck_assert_int_eq(it_sql("SELECT (SELECT sum(spend_cents) FROM analytics_monthly"
	    " WHERE client_id = :'a') + (SELECT coalesce(sum(sign * amount_cents), 0)"
	    " FROM analytics_pending WHERE client_id = :'a' AND kind = 'spending');",
	    rc.id, NULL, out, sizeof(out)), 0);
	ck_assert_int_eq(atol(out), 5700);
	it_sleep_ms(300);
	ck_assert_int_eq(replica_total(&rc), 5000);
	/* replay again: the answers follow */
	ck_assert_int_eq(it_dev_capture("_replica-psql -tAc 'SELECT pg_wal_replay_resume()'",
	    out, sizeof(out)), 0);
	for (i = 0; i < 100 && (v = replica_total(&rc)) != 5700; i++)
		it_sleep_ms(100);
	ck_assert_int_eq(v, 5700);
	/* no replica: the primary serves */
	ck_assert_int_eq(it_dev_capture("_replica-psql -tAc 'SELECT pg_wal_replay_pause()'",
	    out, sizeof(out)), 0);
	txn(&rc, "/v1/users/external:rep2", 300, "food", "weekly groceries", d);
	snprintf(cmd, sizeof(cmd), "_replica-down '%s'", build);
	ck_assert_int_eq(it_dev(cmd), 0);
	ck_assert_int_eq(replica_total(&rc), 6000);
}
END_TEST

Suite *
analytics_suite(void)
{
	Suite	*s = suite_create("analytics");
	TCase	*tc = tcase_create("analytics");

	tcase_set_timeout(tc, 300);
	/* once, in the runner: every test reads the same user base */
	tcase_add_unchecked_fixture(tc, setup, NULL);
	tcase_add_test(tc, overview_figures);
	tcase_add_test(tc, spending_groups);
	tcase_add_test(tc, at_risk_users);
	tcase_add_test(tc, trends_by_month_and_week);
	tcase_add_test(tc, validation_errors);
	tcase_add_test(tc, precomputed_spending);
	tcase_add_test(tc, rollups_exact_under_concurrency);
	suite_add_tcase(s, tc);
	/* a streaming replica of the test stack's cluster, started and stopped here */
	tc = tcase_create("replica");
	tcase_set_timeout(tc, 300);
	tcase_add_unchecked_fixture(tc, setup_period, NULL);
	tcase_add_test(tc, reads_from_the_replica);
	suite_add_tcase(s, tc);
	return s;
}
