/* svc_plan.c: plans (svc_plan.h). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ai/ai.h"
#include "ai/ai_remote.h"
#include "ai/plan_wording.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/currency.h"
#include "core/log.h"
#include "core/num.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/finance.h"
#include "service/svc.h"
#include "service/svc_ai.h"
#include "service/svc_hook.h"
#include "service/svc_plan.h"
#include "service/svc_user.h"
#include "store/store_goal.h"
#include "store/store_intake.h"
#include "store/store_txn.h"

#define ENGINE_NAME	"ozzie-finance 1"
#define SPEND_DAYS	90	/* the window of spending the engine reads */

/* Hundredths of a major unit (intakes, goals) in minor units of digits. */
static int64_t
minor(int64_t hundredths, int digits)
{
	for (; digits > 2; digits--)
		hundredths *= 10;
	for (; digits < 2; digits++)
		hundredths /= 10;
	return hundredths;
}

/* Units of 10^-digits as an exact JSON number. */
static struct json_object *
money_json(int64_t units, int digits)
{
	char	 buf[32];
	double	 scale = 1;
	int	 i;

	if (num_format_decimal(units, digits, buf, sizeof(buf)) == -1)
		return NULL;
	for (i = 0; i < digits; i++)
		scale *= 10;
	return json_object_new_double_s((double)units / scale, buf);
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
plan_body(const struct fin_plan *p, int digits, const char *id, const char *user,
    const char *created, const char *personality, struct json_object *inputs,
    const struct wording *w)
{
	struct json_object *o = json_object_new_object(), *a, *k, *proj, *acts, *gen;
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
	json_object_object_add(k, "monthly_savings_amount",
	    money_json(p->monthly_savings_cents, digits));
	json_object_object_add(k, "monthly_debt_payment",
	    money_json(p->monthly_debt_payment_cents, digits));
	json_object_object_add(k, "projected_goal_date", date_or_null(p->projected_goal_date));
	/* rates in percent with two decimals, from basis points */
	json_object_object_add(k, "current_savings_rate", money_json(p->current_savings_rate_bp, 2));
	json_object_object_add(k, "target_savings_rate", money_json(p->target_savings_rate_bp, 2));
	json_object_object_add(k, "debt_payoff_date", date_or_null(p->debt_payoff_date));
	json_object_object_add(k, "emergency_fund_months", p->emergency_fund_tenths >= 0 ?
	    money_json(p->emergency_fund_tenths, 1) : NULL);
	json_object_object_add(o, "key_metrics", k);
	proj = json_object_new_array();
	for (i = 0; i < p->n_projection; i++) {
		struct json_object *m = json_object_new_object();

		json_object_object_add(m, "month", json_object_new_string(p->projection[i].month));
		json_object_object_add(m, "balance",
		    money_json(p->projection[i].balance_cents, digits));
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

/* The spending the engine reads: its window, by category, and what it covers. */
struct spend_window {
	int		 n;		/* transactions */
	int64_t		 covered;	/* days the transactions cover, up to the window */
};

/*
 * The engine reads 90 days of spending. Transactions that cover fewer days
 * (a new user) are scaled up to 90, from at least a month of coverage, so a
 * few days of records do not read as a frugal quarter.
 */
static int
read_spending(struct svc *s, const struct user *u, const char *today, struct fin_input *in,
    struct spend_window *w)
{
	struct txn_sum	 rows[CAT_COUNT];
	enum category	 c;
	char		 from[11], first[11];
	long		 t, f;
	size_t		 i, n;
	int64_t		 days, v;

	memset(w, 0, sizeof(*w));
	if (cal_add(today, -(SPEND_DAYS - 1), from) == -1 ||
	    store_txn_spending(&s->st, u->id, u->currency, from, today, NULL, rows, CAT_COUNT, &n,
	    first) == -1)
		return svc_db_fail(s);
	w->covered = SPEND_DAYS;
	if (n > 0 && cal_parse(first, &f) == 0 && cal_parse(today, &t) == 0)
		w->covered = t - f + 1 < SPEND_DAYS ? t - f + 1 : SPEND_DAYS;
	days = w->covered < 30 ? 30 : w->covered;
	for (i = 0; i < n; i++) {
		if (category_parse(rows[i].category, &c) == -1 || rows[i].cents > FIN_MAX_CENTS / 4)
			continue;
		v = rows[i].cents * SPEND_DAYS / days;
		/* refunds can net a category below zero: spending is never negative */
		if (v > 0 && in->spend_cents[c] < FIN_MAX_CENTS - v)
			in->spend_cents[c] += v;
		w->n += (int)rows[i].count;
	}
	in->n_transactions = w->n;
	if (n == 0)
		w->covered = 0;
	return 0;
}

/* Fill the engine's input from the intake, the active goal and the spending. */
static int
gather(struct svc *s, const struct user *u, const char *today, int digits,
    struct fin_input *in, struct json_object *inputs, struct intake *it, struct goal *g)
{
	struct spend_window w;
	int	 rc;

	if ((rc = store_intake_latest(&s->st, u->id, it)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return svc_fail(s, OZ_INTAKE_REQUIRED,
		    "this user has no financial intake yet: POST …/financial-intake first");
	if ((rc = store_goal_primary(&s->st, u->id, g)) == -1 ||
	    read_spending(s, u, today, in, &w) == -1)
		return svc_db_fail(s);
	in->language = u->language;
	in->currency = u->currency;
	in->today = today;
	in->income_cents = minor(it->income, digits);
	in->expenses_cents = minor(it->expenses, digits);
	in->intake_goal = it->financial_goal;
	in->has_savings = it->has_savings;
	in->savings_cents = minor(it->savings, digits);
	in->has_debt = it->has_debt;
	in->debt_cents = minor(it->debt, digits);
	in->debt_rate_bp = (int)(it->rate > 100000 ? 100000 : it->rate);	/* 19.90% -> 1990 */
	if ((in->has_goal = rc == 1)) {
		in->goal_type = g->goal_type;
		in->goal_name = g->goal_name;
		in->goal_target_cents = minor(g->target_amount, digits);
		in->goal_current_cents = minor(g->current_amount, digits);
		in->goal_target_date = g->target_date[0] ? g->target_date : NULL;
	}
	in->expected_return_bp = (int)s->cfg->expected_return_bp;
	json_object_object_add(inputs, "intake_id", json_object_new_string(it->id));
	json_object_object_add(inputs, "intake_month", json_object_new_string(it->month));
	json_object_object_add(inputs, "goal_id", in->has_goal ? json_object_new_string(g->id) :
	    NULL);
	json_object_object_add(inputs, "transactions_considered", json_object_new_int(w.n));
	json_object_object_add(inputs, "transactions_currency", json_object_new_string(u->currency));
	json_object_object_add(inputs, "transactions_to", json_object_new_string(today));
	json_object_object_add(inputs, "transactions_days", json_object_new_int(SPEND_DAYS));
	json_object_object_add(inputs, "transactions_days_covered",
	    json_object_new_int64(w.covered));
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
reword(struct svc *sv, const struct user *u, struct fin_plan *p, struct wording *w)
{
	struct json_object *in, *acts;
	struct ai_settings s;
	struct ai_result res;
	struct buf	 out;
	int		 i;

	memset(w, 0, sizeof(*w));
	svc_ai_settings(sv->cfg, &s);
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
	svc_ai_usage(sv, &s, &res);
	buf_free(&out);
	ai_result_free(&res);
	json_object_put(in);
}

/* The user's current money-move cycle, when there is one. */
static int
current_cycle(struct svc *s, const char *user, struct plan_view *out)
{
	int	 rc;

	if ((rc = store_move_current(&s->st, user, &out->cycle)) == -1)
		return svc_db_fail(s);
	out->has_cycle = rc == 1;
	return 0;
}

static void
now_stamp(char stamp[21])
{
	time_t	 now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The engine's plan, worded, as the stored document. */
static int
compose(struct svc *s, const struct user *u, const char *personality, struct fin_plan *plan,
    struct plan_row *row)
{
	struct wording	 wording;
	struct fin_input in;
	struct intake	 it;
	struct goal	 g;
	struct json_object *inputs, *body;
	char		 today[11], stamp[21];
	int		 d = currency_minor_units(u->currency), digits = d >= 0 ? d : 2;

	cal_today(today);
	now_stamp(stamp);
	memset(&in, 0, sizeof(in));
	inputs = json_object_new_object();
	if (gather(s, u, today, digits, &in, inputs, &it, &g) == -1) {
		json_object_put(inputs);
		return -1;
	}
	in.personality_type = personality;
	if (finance_plan(&in, plan) == -1) {
		json_object_put(inputs);
		return svc_fail(s, OZ_INTERNAL_ERROR, "the finance engine refused its input");
	}
	if (svc_new_id(s, "ozz_plan", row->id, sizeof(row->id)) == -1) {
		json_object_put(inputs);
		return -1;
	}
	reword(s, u, plan, &wording);
	body = plan_body(plan, digits, row->id, u->id, stamp, personality, inputs, &wording);
	row->body = pool_strdup(s->st.pool, json_object_to_json_string_ext(body,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(body);
	snprintf(row->user_id, sizeof(row->user_id), "%s", u->id);
	/* what a money move puts aside each month: savings, or the debt payment */
	row->monthly_move_cents = strcmp(plan->derived_goal_type, "debt_payoff") == 0 ?
	    plan->monthly_debt_payment_cents : plan->monthly_savings_cents;
	return row->body == NULL ? svc_fail(s, OZ_INTERNAL_ERROR, "out of memory") : 0;
}

int
svc_plan_generate(struct svc *s, const char *ref, const char *personality,
    struct plan_view *out)
{
	static struct fin_plan plan;	/* large: kept off the stack */
	struct user	 u;

	memset(out, 0, sizeof(*out));
	if (svc_user_resolve(s, ref, 1, &u) == -1 ||
	    compose(s, &u, personality, &plan, &out->plan) == -1)
		return -1;
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (store_plan_insert(&s->st, &out->plan) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	if (svc_user_onboard(s, u.id, SVC_ONBOARD_PLAN) == -1) {
		db_rollback(s->st.db);
		return -1;
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	{
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "user_id", json_object_new_string(u.id));
		json_object_object_add(o, "external_user_id",
		    json_object_new_string(u.external_user_id ? u.external_user_id : ""));
		json_object_object_add(o, "plan_id", json_object_new_string(out->plan.id));
		svc_hook_emit(s, "plan.generated", o);
	}
	return current_cycle(s, u.id, out);
}

int
svc_plan_latest(struct svc *s, const char *ref, struct plan_view *out)
{
	int	 rc = 0;

	memset(out, 0, sizeof(*out));
	if (svc_user_ref_ok(ref) && (rc = store_plan_latest(&s->st, ref, &out->plan)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return current_cycle(s, out->plan.user_id, out);
	if (svc_user_after_miss(s, ref) == -1)
		return -1;
	return svc_fail(s, OZ_NOT_FOUND, "this user has no plan yet: POST …/plan first");
}

int
svc_plan_history(struct svc *s, const char *ref, const struct store_page *pg,
    struct plan_row *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_plan_list(&s->st, ref, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}
