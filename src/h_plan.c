/*
 * h_plan.c: plans. The numbers come from the finance engine (finance.c) fed
 * with the latest intake, the active goal and 90 days of transactions; a plan
 * is stored as an immutable snapshot of what the API shows, with its inputs.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai.h"
#include "ai_remote.h"
#include "app.h"
#include "categorize.h"
#include "currency.h"
#include "db.h"
#include "finance.h"
#include "h_chat.h"
#include "h_moves.h"
#include "h_plan.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "log.h"
#include "num.h"
#include "page.h"
#include "plan_wording.h"
#include "validate.h"

/* Column order of intake and goal rows (db.c INTAKE_COLS, GOAL_COLS). */
enum { I_ID, I_USER, I_MONTH, I_INCOME, I_EXPENSES, I_SURPLUS, I_GOAL, I_PAYDATE,
	I_SAVINGS, I_DEBT, I_RATE };
enum { G_ID, G_USER, G_TYPE, G_NAME, G_TARGET, G_START, G_CURRENT, G_DATE, G_CADENCE };
enum { P_ID, P_BODY, P_CURSOR, P_MOVE };

#define ENGINE_NAME	"ozzie-finance 1"
/*
 * The engine counts in the currency's minor units (cents, or yen for JPY);
 * intake and goal figures are major units with at most two decimals. The
 * plan's JSON numbers go back to major units at the currency's own scale.
 */
static int	minor_digits = 2;	/* of the user being planned */

static int64_t
major_to_minor(const char *text)
{
	const char	*errstr;
	int64_t		 v = 0;
	int		 i;

	if (text == NULL || num_parse_decimal(text, strlen(text), 2, INT64_MIN / 4,
	    INT64_MAX / 4, &v, &errstr) == -1)
		return 0;
	for (i = 2; i < minor_digits; i++)
		v *= 10;
	for (i = minor_digits; i < 2; i++)
		v /= 10;
	return v;
}

static int64_t
pct_bp(const char *text)	/* "19.90" (percent) -> 1990 basis points */
{
	const char	*errstr;
	int64_t		 v = 0;

	if (text == NULL || num_parse_decimal(text, strlen(text), 2, 0, INT64_MAX / 4, &v,
	    &errstr) == -1)
		return 0;
	return v;
}

static struct json_object *
cents_json(int64_t units)
{
	char buf[32];

	if (num_format_decimal(units, minor_digits, buf, sizeof(buf)) == -1)
		return NULL;
	return json_decimal(buf);
}

static struct json_object *
date_or_null(const char *d)
{
	return d && *d ? json_object_new_string(d) : NULL;
}

/* Who worded a plan: the engine, or a model whose wording passed the checks. */
struct wording {
	int	 asked;			/* a remote provider was asked */
	int	 accepted;
	char	 provider[16];
	char	 model[128];
	char	 reason[192];		/* why the engine's wording was kept */
};

/* The plan as the API shows it; money_moves is filled at read time. */
static struct json_object *
plan_body(const struct fin_plan *p, const char *id, const char *user, const char *created,
    const char *personality, struct json_object *inputs, const struct wording *w)
{
	struct json_object *o = json_object_new_object(), *a, *k, *proj, *acts, *gen;
	char	 buf[32];
	int	 i;

	json_object_object_add(o, "id", json_object_new_string(id));
	json_object_object_add(o, "user_id", json_object_new_string(user));
	json_object_object_add(o, "summary", json_object_new_string(p->summary));
	json_object_object_add(o, "timeline_months",
	    p->timeline_months >= 0 ? json_object_new_int(p->timeline_months) : NULL);
	a = json_object_new_object();
	json_object_object_add(a, "needs", json_object_new_int(p->needs_pct));
	json_object_object_add(a, "wants", json_object_new_int(p->wants_pct));
	json_object_object_add(a, "savings", json_object_new_int(p->savings_pct));
	json_object_object_add(a, "debt", json_object_new_int(p->debt_pct));
	json_object_object_add(o, "allocations", a);
	k = json_object_new_object();
	json_object_object_add(k, "monthly_savings_amount", cents_json(p->monthly_savings_cents));
	json_object_object_add(k, "monthly_debt_payment", cents_json(p->monthly_debt_payment_cents));
	json_object_object_add(k, "projected_goal_date", date_or_null(p->projected_goal_date));
	/* rates in percent with two decimals, from basis points */
	num_format_decimal(p->current_savings_rate_bp, 2, buf, sizeof(buf));
	json_object_object_add(k, "current_savings_rate", json_decimal(buf));
	num_format_decimal(p->target_savings_rate_bp, 2, buf, sizeof(buf));
	json_object_object_add(k, "target_savings_rate", json_decimal(buf));
	json_object_object_add(k, "debt_payoff_date", date_or_null(p->debt_payoff_date));
	if (p->emergency_fund_tenths >= 0) {
		num_format_decimal(p->emergency_fund_tenths, 1, buf, sizeof(buf));
		json_object_object_add(k, "emergency_fund_months", json_decimal(buf));
	} else
		json_object_object_add(k, "emergency_fund_months", NULL);
	json_object_object_add(o, "key_metrics", k);
	proj = json_object_new_array();
	for (i = 0; i < p->n_projection; i++) {
		struct json_object *m = json_object_new_object();

		json_object_object_add(m, "month", json_object_new_string(p->projection[i].month));
		json_object_object_add(m, "balance", cents_json(p->projection[i].balance_cents));
		json_object_array_add(proj, m);
	}
	json_object_object_add(o, "savings_projection", proj);
	acts = json_object_new_array();
	for (i = 0; i < p->n_actions; i++)
		json_object_array_add(acts, json_object_new_string(p->actions[i]));
	json_object_object_add(o, "action_items", acts);
	json_object_object_add(o, "money_moves", NULL);
	json_object_object_add(o, "personality_type", personality ?
	    json_object_new_string(personality) : NULL);
	json_object_object_add(o, "inputs", inputs);
	gen = json_object_new_object();
	json_object_object_add(gen, "engine", json_object_new_string(ENGINE_NAME));
	json_object_object_add(gen, "ai_provider", json_object_new_string(w->accepted ?
	    w->provider : "local"));
	json_object_object_add(gen, "model", w->accepted ? json_object_new_string(w->model) : NULL);
	json_object_object_add(gen, "fallback", json_object_new_boolean(w->asked && !w->accepted));
	json_object_object_add(gen, "fallback_reason", w->asked && !w->accepted ?
	    json_object_new_string(w->reason) : NULL);
	json_object_object_add(o, "generated_by", gen);
	json_object_object_add(o, "created_at", json_object_new_string(created));
	json_object_object_add(o, "updated_at", json_object_new_string(created));
	return o;
}

/* Fill the engine's input from the intake, the active goal and 90 days of spending. */
static int
gather(struct oz_app *app, struct oz_req *r, const struct user_ref *u, const char *today,
    struct fin_input *in, struct json_object *inputs, PGresult **keep)
{
	const char	*params[4] = { r->client_id, u->id, u->currency, today };
	const char	*errstr;
	PGresult	*intake, *goal, *spend;
	int64_t		 v, rate, days, covered = 90;
	int		 i, n = 0;
	enum category	 c;

	if ((intake = db_exec(&app->db, DB_INTAKE_LATEST, 2, params)) == NULL)
		return db_fail(&app->db, r);
	keep[0] = intake;
	if (PQntuples(intake) == 0)
		return oz_fail(r, OZ_INTAKE_REQUIRED,
		    "this user has no financial intake yet: POST …/financial-intake first");
	if ((goal = db_exec(&app->db, DB_GOAL_PRIMARY, 2, params)) == NULL)
		return db_fail(&app->db, r);
	keep[1] = goal;
	if ((spend = db_exec(&app->db, DB_SPEND_90, 4, params)) == NULL)
		return db_fail(&app->db, r);
	keep[2] = spend;

	minor_digits = currency_minor_units(u->currency) >= 0 ? currency_minor_units(u->currency) : 2;
	in->language = u->language;
	in->currency = u->currency;
	in->today = today;
	in->income_cents = major_to_minor(db_col(intake, 0, I_INCOME));
	in->expenses_cents = major_to_minor(db_col(intake, 0, I_EXPENSES));
	in->intake_goal = PQgetvalue(intake, 0, I_GOAL);
	if ((in->has_savings = !PQgetisnull(intake, 0, I_SAVINGS)))
		in->savings_cents = major_to_minor(PQgetvalue(intake, 0, I_SAVINGS));
	if ((in->has_debt = !PQgetisnull(intake, 0, I_DEBT)))
		in->debt_cents = major_to_minor(PQgetvalue(intake, 0, I_DEBT));
	rate = pct_bp(db_col(intake, 0, I_RATE));	/* 19.90 % -> 1990 bp */
	in->debt_rate_bp = (int)(rate > 100000 ? 100000 : rate);
	if ((in->has_goal = PQntuples(goal) == 1)) {
		in->goal_type = PQgetvalue(goal, 0, G_TYPE);
		in->goal_name = PQgetvalue(goal, 0, G_NAME);
		in->goal_target_cents = major_to_minor(PQgetvalue(goal, 0, G_TARGET));
		in->goal_current_cents = major_to_minor(PQgetvalue(goal, 0, G_CURRENT));
		in->goal_target_date = db_col(goal, 0, G_DATE);
	}
	/*
	 * The engine reads 90 days of spending. Transactions that cover fewer
	 * days (a new user) are scaled up to 90, from at least a month of
	 * coverage, so a few days of records do not read as a frugal quarter.
	 */
	if (PQntuples(spend) > 0 &&
	    num_parse_i64z(PQgetvalue(spend, 0, 3), 1, 100000, &covered, &errstr) == -1)
		covered = 90;
	if (covered > 90)
		covered = 90;
	days = covered < 30 ? 30 : covered;
	for (i = 0; i < PQntuples(spend); i++) {
		if (category_parse(PQgetvalue(spend, i, 0), &c) == -1 ||
		    num_parse_i64z(PQgetvalue(spend, i, 1), 0, FIN_MAX_CENTS / 4, &v, &errstr) == -1)
			continue;
		v = v * 90 / days;
		/* refunds can net a category below zero: spending is never negative */
		if (v > 0 && in->spend_cents[c] < FIN_MAX_CENTS - v)
			in->spend_cents[c] += v;
		if (num_parse_i64z(PQgetvalue(spend, i, 2), 0, INT32_MAX, &v, &errstr) == 0)
			n += (int)v;
	}
	in->n_transactions = n;
	in->expected_return_bp = (int)app->cfg->expected_return_bp;

	json_object_object_add(inputs, "intake_id", json_object_new_string(PQgetvalue(intake, 0, I_ID)));
	json_object_object_add(inputs, "intake_month",
	    json_object_new_string(PQgetvalue(intake, 0, I_MONTH)));
	json_object_object_add(inputs, "goal_id",
	    in->has_goal ? json_object_new_string(PQgetvalue(goal, 0, G_ID)) : NULL);
	json_object_object_add(inputs, "transactions_considered", json_object_new_int(n));
	json_object_object_add(inputs, "transactions_currency", json_object_new_string(u->currency));
	json_object_object_add(inputs, "transactions_to", json_object_new_string(today));
	json_object_object_add(inputs, "transactions_days", json_object_new_int(90));
	json_object_object_add(inputs, "transactions_days_covered",
	    json_object_new_int64(PQntuples(spend) > 0 ? covered : 0));
	return 0;
}

/* Every number the engine wrote for p, as text a wording is checked against. */
static void
engine_numbers(const struct fin_plan *p, struct buf *ref)
{
	int	 i;

	buf_puts(ref, p->summary);
	for (i = 0; i < p->n_actions; i++)
		buf_printf(ref, " %s", p->actions[i]);
	buf_printf(ref, " %d %d %d %d %d %d.%02d %d.%02d %s %s", p->needs_pct, p->wants_pct,
	    p->savings_pct, p->debt_pct, p->timeline_months,
	    p->current_savings_rate_bp / 100, abs(p->current_savings_rate_bp % 100),
	    p->target_savings_rate_bp / 100, abs(p->target_savings_rate_bp % 100),
	    p->projected_goal_date, p->debt_payoff_date);
}

_Static_assert(WORDING_SUMMARY_MAX == sizeof(((struct fin_plan *)0)->summary), "summary");
_Static_assert(WORDING_ITEM_MAX == FIN_TEXT_MAX, "action items");

/* Check a model's wording of p; 0 and p reworded, or -1 with w->reason. */
static int
apply_wording(struct fin_plan *p, const char *answer, struct wording *w)
{
	static char items[FIN_MAX_ACTIONS][WORDING_ITEM_MAX];
	char	 summary[WORDING_SUMMARY_MAX], bad[48];
	struct buf ref;
	int	 i, ok = 1;

	if (wording_parse(answer, p->n_actions, summary, items, w->reason,
	    sizeof(w->reason)) == -1)
		return -1;
	buf_init(&ref, 64 * 1024);
	engine_numbers(p, &ref);
	ok = wording_numbers_ok(summary, buf_str(&ref), bad, sizeof(bad));
	for (i = 0; ok && i < p->n_actions; i++)
		ok = wording_numbers_ok(items[i], buf_str(&ref), bad, sizeof(bad));
	buf_free(&ref);
	if (!ok) {
		snprintf(w->reason, sizeof(w->reason),
		    "the wording has a number the engine did not produce: %s", bad);
		return -1;
	}
	/* wording_parse bounded both to the plan's buffers */
	memcpy(p->summary, summary, sizeof(p->summary));
	for (i = 0; i < p->n_actions; i++)
		memcpy(p->actions[i], items[i], sizeof(p->actions[i]));
	return 0;
}

/*
 * With a model configured, let it reword the summary and action items. Any
 * failure, or any number it did not get from the engine, keeps the engine's
 * own words.
 */
static void
reword(struct oz_app *app, struct oz_req *r, const struct user_ref *u, struct fin_plan *p,
    struct wording *w)
{
	struct json_object *in, *acts;
	struct ai_settings s;
	struct ai_result res;
	struct buf	 out;
	int		 i;

	memset(w, 0, sizeof(*w));
	chat_settings(app, &s);
	if (strcmp(s.provider, "local") == 0)
		return;
	w->asked = 1;
	in = json_object_new_object();
	json_object_object_add(in, "language", json_object_new_string(u->language));
	json_object_object_add(in, "summary", json_object_new_string(p->summary));
	acts = json_object_new_array();
	for (i = 0; i < p->n_actions; i++)
		json_object_array_add(acts, json_object_new_string(p->actions[i]));
	json_object_object_add(in, "action_items", acts);
	ai_result_init(&res);
	buf_init(&out, AI_MAX_REPLY);
	if (ai_complete(&s, ai_prompt_plan_wording(u->language), json_object_to_json_string_ext(in,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE), &out, &res) == -1)
		snprintf(w->reason, sizeof(w->reason), "%s", res.error[0] ? res.error :
		    "the provider failed");
	else if (apply_wording(p, buf_str(&out), w) == 0) {
		w->accepted = 1;
		snprintf(w->provider, sizeof(w->provider), "%s", res.provider[0] ? res.provider :
		    s.provider);
		snprintf(w->model, sizeof(w->model), "%s", res.model);
	}
	if (!w->accepted) {
		log_warnx("plan: kept the engine's wording: %s", w->reason);
		res.fallback = 1;	/* counted in usage as a fallback */
	}
	chat_record_usage(app, r, &s, &res);
	buf_free(&out);
	ai_result_free(&res);
	json_object_put(in);
}

static void
now_strings(char today[11], char stamp[21])
{
	time_t	 now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(today, 11, "%Y-%m-%d", &tm);
	strftime(stamp, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Put the user's current money-move cycle (if any) in the plan's money_moves. */
static void
attach_current_cycle(struct oz_app *app, struct oz_req *r, const char *user,
    struct json_object *plan)
{
	const char	*params[2] = { r->client_id, user };
	struct json_object *cycle;
	PGresult	*res;

	if ((res = db_exec(&app->db, DB_MM_CURRENT, 2, params)) != NULL) {
		if (PQntuples(res) == 1 && (cycle = money_move_json(res, 0)) != NULL)
			json_object_object_add(plan, "money_moves", cycle);
		PQclear(res);
	}
}

/* The stored body, with the user's current money-move cycle attached. */
static struct json_object *
plan_json(struct oz_app *app, struct oz_req *r, const char *user, const char *body, int current)
{
	struct json_object *o = json_tokener_parse(body);

	if (o != NULL && current)
		attach_current_cycle(app, r, user, o);
	return o;
}

int
h_plan_create(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "personality_type", NULL };
	static struct fin_plan plan;	/* large: kept off the stack */
	struct wording	 wording;
	struct fin_input in;
	struct user_ref	 u;
	struct json_object *inputs, *body;
	PGresult	*keep[3] = { NULL, NULL, NULL }, *res;
	const char	*personality = NULL, *params[5], *js;
	char		 id[OZ_ID_MAX], today[11], stamp[21], move[24];
	int		 rc = -1, i;

	if (r->json) {
		v_known_fields(r, r->json, allowed);
		v_string(r, r->json, "personality_type", 1, 40, &personality, NULL);
		if (v_done(r) == -1)
			return -1;
	}
	if (user_ref_of(app, r, &u, 1) == -1)
		return -1;
	now_strings(today, stamp);
	memset(&in, 0, sizeof(in));
	inputs = json_object_new_object();
	if (gather(app, r, &u, today, &in, inputs, keep) == -1) {
		json_object_put(inputs);
		goto out;
	}
	in.personality_type = personality;
	if (finance_plan(&in, &plan) == -1) {
		json_object_put(inputs);
		oz_fail(r, OZ_INTERNAL_ERROR, "the finance engine refused its input");
		goto out;
	}
	if (ids_new("ozz_plan", id, sizeof(id)) == -1) {
		json_object_put(inputs);
		oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
		goto out;
	}
	reword(app, r, &u, &plan, &wording);
	body = plan_body(&plan, id, u.id, stamp, personality, inputs, &wording);
	js = json_object_to_json_string_ext(body, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	/* what a money move puts aside each month: savings, or the debt payment */
	snprintf(move, sizeof(move), "%lld", (long long)(strcmp(plan.derived_goal_type,
	    "debt_payoff") == 0 ? plan.monthly_debt_payment_cents : plan.monthly_savings_cents));
	params[0] = r->client_id;
	params[1] = id;
	params[2] = u.id;
	params[3] = js;
	params[4] = move;
	if ((res = db_exec(&app->db, DB_PLAN_INSERT, 5, params)) == NULL) {
		json_object_put(body);
		db_fail(&app->db, r);
		goto out;
	}
	PQclear(res);
	attach_current_cycle(app, r, u.id, body);
	rc = json_out_object(r, 201, "plan", body);
out:
	for (i = 0; i < 3; i++)
		PQclear(keep[i]);
	return rc;
}

int
h_plan_latest(struct oz_app *app, struct oz_req *r)
{
	const char	*params[2];
	struct user_ref	 u;
	PGresult	*res;
	struct json_object *o;

	if (user_ref_of(app, r, &u, 1) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = u.id;
	if ((res = db_exec(&app->db, DB_PLAN_LATEST, 2, params)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return oz_fail(r, OZ_NOT_FOUND, "this user has no plan yet: POST …/plan first");
	}
	o = plan_json(app, r, u.id, PQgetvalue(res, 0, P_BODY), 1);
	PQclear(res);
	if (o == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "unreadable stored plan");
	return json_out_object(r, 200, "plan", o);
}

static struct json_object *
history_row(PGresult *res, int row)
{
	return json_tokener_parse(PQgetvalue(res, row, P_BODY));
}

int
h_plan_history(struct oz_app *app, struct oz_req *r)
{
	return page_user_list(app, r, "plans", DB_PLAN_LIST, history_row, P_ID, P_CURSOR);
}
