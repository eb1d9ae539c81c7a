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
#include "domain/recurring.h"
#include "service/svc.h"
#include "service/svc_ai.h"
#include "service/svc_plan.h"
#include "service/svc_user.h"
#include "store/store_goal.h"
#include "store/store_intake.h"
#include "store/store_txn.h"

#define ENGINE_NAME	"ozzie-finance 2"
#define SPEND_MONTHS	3	/* whole months of spending the engine reads, at most */
#define REC_DAYS	400	/* the history a recurring bill is found in */
#define REC_ROWS	240	/* payments of a category looked at for bills, newest first */
#define REC_SERIES_MAX	8

/*
 * The spending the engine reads (finance.h §3): whole calendar months before
 * the current one, at most SPEND_MONTHS, none before the month the user's
 * first transaction is in unless that transaction is on its first day.
 */
struct spend_window {
	int		 n;		/* transactions in the whole months */
	int		 months;	/* whole months read; 0: the intake's figures */
	long		 lookback;	/* the first day looked at */
	long		 from, to;	/* the whole months (when months > 0) */
	int64_t		 days;		/* from lookback to today */
	int64_t		 covered;	/* days from the oldest transaction seen to today */
	struct txn_agg	*rows;		/* pool: the groups fin_input points into */
};

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

/* A percentage in thousandths as a JSON number with two decimals (289598 -> 289.60). */
static struct json_object *
pct_json(int64_t milli)
{
	return money_json((milli + 5) / 10, 2);
}

static struct json_object *
int_or_null(int v)
{
	return v >= 0 ? json_object_new_int(v) : NULL;
}

/* The debts as the plan sees them (finance.h §2), in the intake's order. */
static struct json_object *
debts_json(const struct fin_plan *p, int digits)
{
	struct json_object *arr = json_object_new_array(), *o;
	const struct fin_debt_plan *d;
	int	 i;

	for (i = 0; i < p->n_debts; i++) {
		d = &p->debts[i];
		o = json_object_new_object();
		json_object_object_add(o, "name", json_object_new_string(d->name));
		json_object_object_add(o, "balance", money_json(d->balance_cents, digits));
		json_object_object_add(o, "interest_rate", d->has_rate ?
		    money_json(d->rate_milli, 3) : NULL);
		json_object_object_add(o, "rate_period", json_object_new_string(d->monthly ?
		    "month" : "year"));
		json_object_object_add(o, "annual_rate", d->has_rate ? pct_json(d->annual_milli) :
		    NULL);
		json_object_object_add(o, "high_interest", json_object_new_boolean(d->high));
		json_object_object_add(o, "minimum_payment", d->has_min ?
		    money_json(d->min_cents, digits) : NULL);
		json_object_object_add(o, "monthly_interest", money_json(d->interest_cents, digits));
		json_object_object_add(o, "payoff_order", json_object_new_int(d->order));
		json_object_object_add(o, "payoff_months", int_or_null(d->payoff_months));
		json_object_object_add(o, "payoff_date", date_or_null(d->payoff_date));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* The order of priorities (finance.h §1), each step with its status and date. */
static struct json_object *
priorities_json(const struct fin_plan *p, int digits)
{
	struct json_object *arr = json_object_new_array(), *o;
	const struct fin_step *st;
	int	 i, amounts;

	for (i = 0; i < p->n_steps; i++) {
		st = &p->steps[i];
		amounts = st->kind != FIN_STEP_INVEST;
		o = json_object_new_object();
		json_object_object_add(o, "step", json_object_new_string(finance_step_name(st->kind)));
		json_object_object_add(o, "status", json_object_new_string(
		    finance_status_name(st->status)));
		json_object_object_add(o, "name", json_object_new_string(st->name));
		json_object_object_add(o, "is_goal", json_object_new_boolean(st->is_goal));
		json_object_object_add(o, "target", amounts && st->kind != FIN_STEP_GAP ?
		    money_json(st->target_cents, digits) : NULL);
		json_object_object_add(o, "remaining", amounts ?
		    money_json(st->remaining_cents, digits) : NULL);
		json_object_object_add(o, "months", int_or_null(st->months));
		json_object_object_add(o, "date", date_or_null(st->date));
		json_object_array_add(arr, o);
	}
	return arr;
}

/* What the plan assumes, and where its spending figures come from. */
static struct json_object *
assumptions_json(const struct fin_plan *p, const struct fin_input *in,
    const struct spend_window *w, int digits)
{
	struct json_object *o = json_object_new_object();
	char	 from[11], to[11];

	json_object_object_add(o, "expected_return_rate",
	    money_json(in->expected_return_bp, 2));
	json_object_object_add(o, "interest_compounding", json_object_new_string("monthly"));
	json_object_object_add(o, "high_interest_rate", pct_json(FIN_HIGH_INTEREST_MILLI));
	json_object_object_add(o, "starter_emergency_fund_months",
	    json_object_new_int(FIN_STARTER_MONTHS));
	json_object_object_add(o, "emergency_fund_months", json_object_new_int(FIN_EMERGENCY_MONTHS));
	json_object_object_add(o, "housing_guideline_percent",
	    json_object_new_int(FIN_HOUSING_GUIDE_PCT));
	json_object_object_add(o, "essential_expenses", money_json(p->essential_cents, digits));
	json_object_object_add(o, "wants", p->wants_cents >= 0 ?
	    money_json(p->wants_cents, digits) : NULL);
	json_object_object_add(o, "housing_percent", int_or_null(p->housing_pct));
	json_object_object_add(o, "spending_source", json_object_new_string(p->spend_months > 0 ?
	    "transactions" : "intake"));
	json_object_object_add(o, "spending_months", json_object_new_int(p->spend_months));
	if (p->spend_months > 0) {
		cal_format(w->from, from);
		cal_format(w->to, to);
	}
	json_object_object_add(o, "spending_from", p->spend_months > 0 ?
	    json_object_new_string(from) : NULL);
	json_object_object_add(o, "spending_to", p->spend_months > 0 ?
	    json_object_new_string(to) : NULL);
	return o;
}

/* Where the money goes now: the current step. */
static struct json_object *
focus_json(const struct fin_plan *p, int digits)
{
	struct json_object *o = json_object_new_object();
	const struct fin_step *st = &p->steps[p->focus];

	json_object_object_add(o, "step", json_object_new_string(finance_step_name(st->kind)));
	json_object_object_add(o, "name", json_object_new_string(st->name));
	json_object_object_add(o, "topic", json_object_new_string(finance_focus_topic(p)));
	json_object_object_add(o, "monthly_amount", money_json(p->monthly_move_cents, digits));
	return o;
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
plan_body(const struct fin_plan *p, const struct fin_input *in, const struct spend_window *sw,
    int digits, const char *id, const char *user, const char *created, const char *personality,
    struct json_object *inputs, const struct wording *w)
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
	json_object_object_add(o, "focus", focus_json(p, digits));
	json_object_object_add(o, "priorities", priorities_json(p, digits));
	json_object_object_add(o, "debts", debts_json(p, digits));
	json_object_object_add(o, "assumptions", assumptions_json(p, in, sw, digits));
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


/* The first whole month of spending on or after from, as day numbers; -1 none. */
static long
first_whole_month(const char *first, long from)
{
	long	 f, y, m, d;

	if (cal_parse(first, &f) == -1 || cal_parse_ymd(first, &y, &m, &d) == -1)
		return -1;
	if (f < from)
		return from;	/* the user's records start before the window */
	return d == 1 ? f : cal_add_months(cal_days(y, m, 1), 1);
}

/* The spending of spend[] of category c and subcategory sub: its index, or -1. */
static int
spend_row(struct fin_input *in, enum category c, const char *sub)
{
	int	 i;

	for (i = 0; i < in->n_spend; i++)
		if (in->spend[i].category == c && strcmp(in->spend[i].subcategory, sub) == 0)
			return i;
	return -1;
}

/*
 * A recurring bill (rent, electricity; domain/recurring.h) counts once a
 * month: its cost a month times the months read, instead of what the months
 * happened to hold (a rent paid on the 31st and on the 1st is one rent a
 * month, a yearly tax a twelfth of it).
 */
static int
recurring_bills(struct svc *s, const struct user *u, long today, struct spend_window *w,
    struct fin_input *in, enum category c)
{
	struct rec_series series[REC_SERIES_MAX];
	struct rec_payment *p;
	struct txn_query tq;
	struct txn	*rows;
	char		 from[11], cat[16];
	const char	*sub;
	size_t		 got = 0, i, k = 0, n, j;
	int64_t		 sum;
	long		 day;
	int		 r;

	memset(&tq, 0, sizeof(tq));
	cal_format(today - REC_DAYS, from);
	snprintf(cat, sizeof(cat), "%s", category_name(c));
	tq.from = from;
	tq.category = cat;
	tq.kind = "spending";
	if ((rows = pool_alloc(s->st.pool, sizeof(*rows) * REC_ROWS)) == NULL ||
	    (p = pool_alloc(s->st.pool, sizeof(*p) * REC_ROWS)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (store_txn_find(&s->st, u->id, &tq, rows, REC_ROWS, &got) == -1)
		return svc_db_fail(s);
	for (i = 0; i < got; i++) {
		if (strcmp(rows[i].kind, "refund") == 0 ||
		    strcmp(rows[i].currency, u->currency) != 0 ||
		    cal_parse(rows[i].transaction_date, &p[k].day) == -1)
			continue;
		p[k].amount = rows[i].amount_cents;
		p[k].key = rows[i].merchant_key;
		p[k].name = rows[i].description;
		p[k].category = (int)c;
		k++;
	}
	n = recurring_find(p, k, today, series, REC_SERIES_MAX);
	for (j = 0; j < n; j++) {
		if (series[j].cadence != REC_MONTHLY && series[j].cadence != REC_QUARTERLY &&
		    series[j].cadence != REC_YEARLY)
			continue;	/* weekly ones average out over whole months */
		sum = 0;
		sub = NULL;
		for (i = 0; i < got; i++) {
			if (rows[i].merchant_key == NULL ||
			    strcmp(rows[i].merchant_key, series[j].key) != 0 ||
			    strcmp(rows[i].kind, "refund") == 0 ||
			    strcmp(rows[i].currency, u->currency) != 0 ||
			    cal_parse(rows[i].transaction_date, &day) == -1)
				continue;
			if (sub == NULL)
				sub = rows[i].subcategory;	/* the newest says */
			if (day >= w->from && day <= w->to)
				sum += rows[i].amount_cents;
		}
		if (sub == NULL)
			continue;
		if ((r = spend_row(in, c, sub)) == -1) {
			if (in->n_spend >= FIN_MAX_SPEND)
				continue;
			r = in->n_spend++;
			in->spend[r].category = c;
			in->spend[r].subcategory = pool_strdup(s->st.pool, sub);
			if (in->spend[r].subcategory == NULL)
				return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
		}
		in->spend[r].cents += series[j].monthly * w->months - sum;
	}
	return 0;
}

/* Read the whole months' spending by category and subcategory into in. */
static int
read_spending(struct svc *s, const struct user *u, const char *today, struct fin_input *in,
    struct spend_window *w)
{
	struct txn_sum	 sums[CAT_COUNT];
	struct txn_agg_q q;
	enum category	 c;
	char		 lb[11], first[11], from[11], to[11];
	long		 t, y, m, d, month0, start;
	size_t		 i, n;

	memset(w, 0, sizeof(w[0]));
	if (cal_parse(today, &t) == -1 || cal_parse_ymd(today, &y, &m, &d) == -1)
		return svc_fail(s, OZ_INTERNAL_ERROR, "no date today");
	month0 = cal_days(y, m, 1);
	start = cal_add_months(month0, -SPEND_MONTHS);
	/* a month before the window says whether the records start before it */
	w->lookback = cal_add_months(month0, -(SPEND_MONTHS + 1));
	w->days = t - w->lookback + 1;
	cal_format(w->lookback, lb);
	if (store_txn_spending(&s->st, u->id, u->currency, lb, today, NULL, sums, CAT_COUNT, &n,
	    first) == -1)
		return svc_db_fail(s);
	if (n == 0)
		return 0;
	w->covered = cal_parse(first, &d) == 0 ? t - d + 1 : 0;
	w->from = first_whole_month(first, start);
	w->to = month0 - 1;
	w->months = w->from < 0 ? 0 : (int)cal_months_between(w->from, month0);
	if (w->months <= 0) {
		w->months = 0;
		return 0;	/* less than a whole month: the intake's figures */
	}
	memset(&q, 0, sizeof(q));
	cal_format(w->from, from);
	cal_format(w->to, to);
	q.from = from;
	q.to = to;
	q.kind = "spending";
	q.group_by = "category";
	q.then_by = "subcategory";
	if ((w->rows = pool_alloc(s->st.pool, sizeof(*w->rows) * FIN_MAX_SPEND)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (store_txn_aggregate(&s->st, u->id, u->currency, &q, w->rows, FIN_MAX_SPEND, &n) == -1)
		return svc_db_fail(s);
	for (i = 0; i < n; i++) {
		if (category_parse(w->rows[i].key, &c) == -1 || c == CAT_INCOME ||
		    w->rows[i].cents > FIN_MAX_CENTS || w->rows[i].cents < -FIN_MAX_CENTS)
			continue;
		in->spend[in->n_spend].category = c;
		in->spend[in->n_spend].subcategory = w->rows[i].key2;
		in->spend[in->n_spend].cents = w->rows[i].cents;
		in->n_spend++;
		w->n += (int)w->rows[i].count;
	}
	in->spend_months = w->months;
	in->n_transactions = w->n;
	if (recurring_bills(s, u, t, w, in, CAT_HOUSING) == -1 ||
	    recurring_bills(s, u, t, w, in, CAT_UTILITIES) == -1)
		return -1;
	for (i = 0; i < (size_t)in->n_spend; i++)
		if (in->spend[i].cents > FIN_MAX_CENTS || in->spend[i].cents < -FIN_MAX_CENTS)
			in->spend[i].cents = 0;	/* a bill the engine cannot take is left out */
	return 0;
}

/* The intake's debts, one by one (their sum is debt_balance), or its shorthand. */
static void
read_debts(const struct intake *it, int digits, struct fin_input *in)
{
	const struct intake_debt *d;
	size_t	 i;

	in->has_debt = it->has_debt;
	in->debt_cents = minor(it->debt, digits);
	in->debt_rate_bp = (int)(it->rate > FIN_MAX_RATE_BP ? FIN_MAX_RATE_BP : it->rate);
	for (i = 0; i < it->ndebts && i < FIN_MAX_DEBTS; i++) {
		d = &it->debts[i];
		in->debts[i].name = d->name;
		in->debts[i].balance_cents = minor(d->balance, digits);
		in->debts[i].monthly = strcmp(d->rate_period, "month") == 0;
		in->debts[i].has_rate = d->has_rate;
		in->debts[i].rate_milli = d->rate < 0 ? 0 : d->rate > (in->debts[i].monthly ?
		    FIN_MAX_RATE_MONTH_MILLI : FIN_MAX_RATE_YEAR_MILLI) ? (in->debts[i].monthly ?
		    FIN_MAX_RATE_MONTH_MILLI : FIN_MAX_RATE_YEAR_MILLI) : d->rate;
		in->debts[i].has_min = d->has_min;
		in->debts[i].min_cents = minor(d->min_payment, digits);
		in->n_debts++;
	}
}

/* Fill the engine's input from the intake, the active goal and the spending. */
static int
gather(struct svc *s, const struct user *u, const char *today, int digits,
    struct fin_input *in, struct json_object *inputs, struct intake *it, struct goal *g,
    struct spend_window *w)
{
	char	 from[11];
	int	 rc;

	if ((rc = store_intake_latest(&s->st, u->id, it)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return svc_fail(s, OZ_INTAKE_REQUIRED,
		    "this user has no financial intake yet: POST …/financial-intake first");
	if ((rc = store_goal_primary(&s->st, u->id, g)) == -1)
		return svc_db_fail(s);
	if (read_spending(s, u, today, in, w) == -1)
		return -1;
	in->language = u->language;
	in->currency = u->currency;
	in->today = today;
	in->income_cents = minor(it->income, digits);
	in->expenses_cents = minor(it->expenses, digits);
	in->intake_goal = it->financial_goal;
	in->has_savings = it->has_savings;
	in->savings_cents = minor(it->savings, digits);
	read_debts(it, digits, in);
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
	json_object_object_add(inputs, "transactions_considered", json_object_new_int(w->n));
	json_object_object_add(inputs, "transactions_currency", json_object_new_string(u->currency));
	cal_format(w->lookback, from);
	json_object_object_add(inputs, "transactions_from", json_object_new_string(from));
	json_object_object_add(inputs, "transactions_to", json_object_new_string(today));
	json_object_object_add(inputs, "transactions_days", json_object_new_int64(w->days));
	json_object_object_add(inputs, "transactions_days_covered",
	    json_object_new_int64(w->covered));
	json_object_object_add(inputs, "spending_months", json_object_new_int(w->months));
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
	/* the steps' and the debts' figures, which the texts may quote */
	for (i = 0; i < p->n_steps; i++)
		buf_printf(ref, " %lld %lld %d %s", (long long)p->steps[i].target_cents,
		    (long long)p->steps[i].remaining_cents, p->steps[i].months, p->steps[i].date);
	for (i = 0; i < p->n_debts; i++)
		buf_printf(ref, " %lld %lld %lld %lld %lld %d %d %s",
		    (long long)p->debts[i].balance_cents, (long long)p->debts[i].rate_milli,
		    (long long)(p->debts[i].annual_milli + 50) / 100,
		    (long long)p->debts[i].min_cents, (long long)p->debts[i].interest_cents,
		    p->debts[i].order, p->debts[i].payoff_months, p->debts[i].payoff_date);
	buf_printf(ref, " %d %d %d %d", FIN_STARTER_MONTHS, FIN_EMERGENCY_MONTHS,
	    FIN_HOUSING_GUIDE_PCT, FIN_HIGH_INTEREST_MILLI / 1000);
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
	struct spend_window w;
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
	if (gather(s, u, today, digits, &in, inputs, &it, &g, &w) == -1) {
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
	body = plan_body(plan, &in, &w, digits, row->id, u->id, stamp, personality, inputs,
	    &wording);
	row->body = pool_strdup(s->st.pool, json_object_to_json_string_ext(body,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(body);
	snprintf(row->user_id, sizeof(row->user_id), "%s", u->id);
	/* what a money move puts toward the focus each month: savings, or a debt */
	row->monthly_move_cents = plan->monthly_move_cents;
	snprintf(row->focus_step, sizeof(row->focus_step), "%s",
	    finance_step_name(plan->steps[plan->focus].kind));
	snprintf(row->focus_topic, sizeof(row->focus_topic), "%s", finance_focus_topic(plan));
	snprintf(row->focus_name, sizeof(row->focus_name), "%s", plan->steps[plan->focus].name);
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
