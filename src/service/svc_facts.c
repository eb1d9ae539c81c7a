/* svc_facts.c: the user's facts, read from the store (svc_facts.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/currency.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/lang.h"
#include "domain/recurring.h"
#include "service/svc.h"
#include "service/svc_facts.h"
#include "store/store_goal.h"
#include "store/store_intake.h"
#include "store/store_move.h"
#include "store/store_plan.h"
#include "store/store_txn.h"
#include "store/store_user.h"

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

static int
failed(struct svc_facts *f)
{
	f->failed = 1;
	return -1;
}

/* A merchant as said ("uber", "iFood") as the store matches it: its key too. */
static const char *
merchant_key_of(struct svc_facts *f, const char *merchant)
{
	char	 key[128];

	if (merchant == NULL)
		return NULL;
	merchant_key(merchant, key, sizeof(key));
	return pool_strdup(f->s->st.pool, key);
}

/* Spending of one subcategory or merchant: the aggregates, by category, and income apart. */
static int
spending_of(struct svc_facts *f, const struct fact_spending_q *q, const char *from,
    const char *to, struct fact_spending *out)
{
	struct txn_agg	 rows[CAT_COUNT];
	struct txn_agg_q aq;
	enum category	 c;
	size_t		 i, n;

	memset(&aq, 0, sizeof(aq));
	aq.from = from;
	aq.to = to;
	aq.category = q->category < CAT_COUNT ? category_name((enum category)q->category) : NULL;
	aq.subcategory = q->subcategory;
	aq.merchant = q->merchant;
	aq.merchant_key = merchant_key_of(f, q->merchant);
	aq.group_by = "category";
	if (store_txn_aggregate(&f->s->st, f->user, f->currency, &aq, rows, CAT_COUNT, &n) == -1)
		return failed(f);
	for (i = 0; i < n; i++) {
		if (category_parse(rows[i].key, &c) == -1 || c == CAT_INCOME)
			continue;
		out->total += rows[i].cents;
		out->count += rows[i].count;
		out->by_category[out->ncategories].category = c;
		out->by_category[out->ncategories].amount = rows[i].cents;
		out->by_category[out->ncategories++].count = rows[i].count;
	}
	aq.kind = "income";
	aq.group_by = NULL;
	if (store_txn_aggregate(&f->s->st, f->user, f->currency, &aq, rows, 1, &n) == -1)
		return failed(f);
	out->income = n > 0 ? rows[0].cents : 0;
	return 0;
}

static int
spending(void *ctx, const struct fact_spending_q *q, struct fact_spending *out)
{
	struct svc_facts *f = ctx;
	struct txn_sum	 rows[CAT_COUNT];
	enum category	 c;
	char		 from[11], to[11], first[11];
	size_t		 i, n;

	memset(out, 0, sizeof(*out));
	cal_format(q->from, from);
	cal_format(q->to, to);
	if (q->subcategory != NULL || q->merchant != NULL)
		return spending_of(f, q, from, to, out);
	if (store_txn_spending(&f->s->st, f->user, f->currency, from, to,
	    q->category < CAT_COUNT ? category_name((enum category)q->category) : NULL, rows,
	    CAT_COUNT, &n, first) == -1)
		return failed(f);
	for (i = 0; i < n; i++) {
		if (category_parse(rows[i].category, &c) == -1)
			continue;
		if (c == CAT_INCOME) {
			out->income += rows[i].cents;
			continue;
		}
		out->total += rows[i].cents;
		out->count += rows[i].count;
		out->by_category[out->ncategories].category = c;
		out->by_category[out->ncategories].amount = rows[i].cents;
		out->by_category[out->ncategories++].count = rows[i].count;
	}
	return 0;
}

static int
intake(void *ctx, struct fact_intake *out)
{
	struct svc_facts *f = ctx;
	struct intake	 in;
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_intake_latest(&f->s->st, f->user, &in)) != 1)
		return rc == -1 ? failed(f) : 0;
	memcpy(out->month, in.month, sizeof(out->month));
	out->income = minor(in.income, f->src.digits);
	out->expenses = minor(in.expenses, f->src.digits);
	out->surplus = minor(in.surplus, f->src.digits);
	out->has_savings = in.has_savings;
	out->savings = minor(in.savings, f->src.digits);
	out->has_debt = in.has_debt;
	out->debt = minor(in.debt, f->src.digits);
	out->has_rate = in.has_rate;
	out->rate_bp = in.rate;
	memcpy(out->next_pay_date, in.next_pay_date, sizeof(out->next_pay_date));
	memcpy(out->financial_goal, in.financial_goal, sizeof(out->financial_goal));
	for (i = 0; i < in.ndebts && i < FACT_MAX_DEBTS; i++) {
		struct fact_debt *d = &out->debts[out->ndebts++];

		lang_clip(d->name, sizeof(d->name), in.debts[i].name);
		d->balance = minor(in.debts[i].balance, f->src.digits);
		d->has_rate = in.debts[i].has_rate;
		d->rate_milli = in.debts[i].rate;
		d->monthly = strcmp(in.debts[i].rate_period, "month") == 0;
		d->has_min = in.debts[i].has_min;
		d->min_payment = minor(in.debts[i].min_payment, f->src.digits);
	}
	return 1;
}

static int
plan(void *ctx, struct fact_plan *out)
{
	struct svc_facts *f = ctx;
	struct plan_facts p;
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_plan_facts(&f->s->st, f->user, f->src.digits, &p)) != 1)
		return rc == -1 ? failed(f) : 0;
	snprintf(out->id, sizeof(out->id), "%s", p.id);
	snprintf(out->created_at, sizeof(out->created_at), "%s", p.created_at);
	lang_clip(out->summary, sizeof(out->summary), p.summary);
	out->has_timeline = p.has_timeline;
	out->timeline_months = p.timeline_months;
	out->needs_pct = p.needs_pct;
	out->wants_pct = p.wants_pct;
	out->savings_pct = p.savings_pct;
	out->debt_pct = p.debt_pct;
	out->has_monthly_savings = p.has_monthly_savings;
	out->monthly_savings = p.monthly_savings;
	out->has_monthly_debt_payment = p.has_monthly_debt_payment;
	out->monthly_debt_payment = p.monthly_debt_payment;
	out->has_current_rate = p.has_current_rate;
	out->current_rate_bp = p.current_rate_bp;
	out->has_target_rate = p.has_target_rate;
	out->target_rate_bp = p.target_rate_bp;
	memcpy(out->projected_goal_date, p.projected_goal_date, sizeof(out->projected_goal_date));
	memcpy(out->debt_payoff_date, p.debt_payoff_date, sizeof(out->debt_payoff_date));
	out->has_emergency_months = p.has_emergency_months;
	out->emergency_months_tenths = p.emergency_months_tenths;
	for (i = 0; i < p.nactions && i < FACT_MAX_ACTIONS; i++)
		lang_clip(out->actions[out->nactions++], FACT_TEXT_MAX, p.actions[i]);
	return 1;
}

static int
goals(void *ctx, struct fact_goal *out, size_t max, size_t *n)
{
	struct svc_facts *f = ctx;
	struct goal	*rows;
	size_t		 i;

	*n = 0;
	if ((rows = pool_alloc(f->s->st.pool, sizeof(*rows) * (max ? max : 1))) == NULL ||
	    store_goal_top(&f->s->st, f->user, rows, max, n) == -1)
		return failed(f);
	for (i = 0; i < *n; i++) {
		struct fact_goal *g = &out[i];

		memset(g, 0, sizeof(*g));
		snprintf(g->id, sizeof(g->id), "%s", rows[i].id);
		snprintf(g->type, sizeof(g->type), "%s", rows[i].goal_type);
		lang_clip(g->name, sizeof(g->name), rows[i].goal_name);
		g->target = minor(rows[i].target_amount, f->src.digits);
		g->current = minor(rows[i].current_amount, f->src.digits);
		g->starting = minor(rows[i].starting_amount, f->src.digits);
		memcpy(g->target_date, rows[i].target_date, sizeof(g->target_date));
		snprintf(g->cadence, sizeof(g->cadence), "%s", rows[i].cadence);
		memcpy(g->next_move_date, rows[i].next_move_date, sizeof(g->next_move_date));
		snprintf(g->status, sizeof(g->status), "%s", rows[i].status);
		g->is_primary = rows[i].is_primary;
	}
	return 0;
}

static int
moves(void *ctx, struct fact_moves *out)
{
	struct svc_facts *f = ctx;
	struct move_cycle *c;
	size_t		 i;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((c = pool_alloc(f->s->st.pool, sizeof(*c))) == NULL ||
	    (rc = store_move_open(&f->s->st, f->user, c)) == -1 ||
	    store_move_points(&f->s->st, f->user, &out->points) == -1)
		return failed(f);
	if (rc == 0)
		return 0;
	out->has_cycle = 1;
	snprintf(out->id, sizeof(out->id), "%s", c->id);
	memcpy(out->due_date, c->due_date, sizeof(out->due_date));
	snprintf(out->status, sizeof(out->status), "%s", c->status);
	for (i = 0; i < c->ntasks && i < FACT_MAX_TASKS; i++) {
		struct fact_task *t = &out->tasks[out->ntasks++];

		snprintf(t->id, sizeof(t->id), "%s", c->tasks[i].id);
		snprintf(t->type, sizeof(t->type), "%s", c->tasks[i].task_type);
		lang_clip(t->title, sizeof(t->title), c->tasks[i].title);
		t->has_amount = c->tasks[i].has_amount;
		t->amount = c->tasks[i].amount_cents;
		snprintf(t->status, sizeof(t->status), "%s", c->tasks[i].status);
		t->priority = c->tasks[i].priority;
	}
	return 1;
}

static int
transactions(void *ctx, const struct fact_txn_q *q, struct fact_txn *out, size_t max,
    size_t *n, int *more)
{
	static const char *const kinds[] = { "all", "spending", "income" };
	struct svc_facts *f = ctx;
	struct txn_query tq;
	struct txn	*rows;
	enum category	 c;
	char		 from[11], to[11];
	size_t		 i, got = 0;

	*n = 0;
	*more = 0;
	memset(&tq, 0, sizeof(tq));
	if (q->has_from) {
		cal_format(q->from, from);
		tq.from = from;
	}
	if (q->has_to) {
		cal_format(q->to, to);
		tq.to = to;
	}
	tq.category = q->category < CAT_COUNT ? category_name((enum category)q->category) : NULL;
	tq.kind = q->has_txn_kind ? kind_name(q->txn_kind) :
	    kinds[q->kind <= FACT_KIND_INCOME ? q->kind : FACT_KIND_ALL];
	tq.subcategory = q->subcategory;
	tq.merchant_key = merchant_key_of(f, q->merchant);
	tq.search = q->search;
	if ((rows = pool_alloc(f->s->st.pool, sizeof(*rows) * (max + 1))) == NULL ||
	    store_txn_find(&f->s->st, f->user, &tq, rows, max + 1, &got) == -1)
		return failed(f);
	*more = got > max;
	for (i = 0; i < got && i < max; i++) {
		struct fact_txn *t = &out[(*n)++];

		memset(t, 0, sizeof(*t));
		snprintf(t->id, sizeof(t->id), "%s", rows[i].id);
		memcpy(t->date, rows[i].transaction_date, sizeof(t->date));
		lang_clip(t->description, sizeof(t->description), rows[i].description);
		lang_clip(t->merchant, sizeof(t->merchant), rows[i].merchant);
		t->category = category_parse(rows[i].category, &c) == 0 ? c : CAT_OTHER;
		snprintf(t->subcategory, sizeof(t->subcategory), "%s", rows[i].subcategory);
		if (kind_parse(rows[i].kind, &t->kind) == -1)
			t->kind = KIND_SPENDING;
		t->amount = rows[i].amount_cents;
		memcpy(t->currency, rows[i].currency, sizeof(t->currency));
	}
	return 0;
}

static int
aggregate(void *ctx, const struct fact_agg_q *q, struct fact_agg *out, size_t max, size_t *n)
{
	struct svc_facts *f = ctx;
	struct txn_agg	*rows;
	struct txn_agg_q aq;
	char		 from[11], to[11];
	size_t		 i;

	*n = 0;
	memset(&aq, 0, sizeof(aq));
	cal_format(q->from, from);
	cal_format(q->to, to);
	aq.from = from;
	aq.to = to;
	aq.kind = q->kind;
	aq.category = q->category >= 0 && q->category < CAT_COUNT ?
	    category_name((enum category)q->category) : NULL;
	aq.subcategory = q->subcategory;
	aq.merchant = q->merchant;
	aq.merchant_key = merchant_key_of(f, q->merchant);
	aq.group_by = q->group_by;
	aq.then_by = q->then_by;
	if ((rows = pool_alloc(f->s->st.pool, sizeof(*rows) * (max ? max : 1))) == NULL ||
	    store_txn_aggregate(&f->s->st, f->user, f->currency, &aq, rows, max, n) == -1)
		return failed(f);
	for (i = 0; i < *n; i++) {
		snprintf(out[i].key, sizeof(out[i].key), "%s", rows[i].key);
		snprintf(out[i].key2, sizeof(out[i].key2), "%s", rows[i].key2);
		out[i].amount = rows[i].cents;
		out[i].count = rows[i].count;
	}
	return 0;
}

/* The spending of the last year, as recurring.c wants it. */
static int
recurring(void *ctx, struct fact_recurring *out, size_t max, size_t *n)
{
	struct svc_facts *f = ctx;
	struct rec_series series[FACT_MAX_RECURRING];
	struct rec_payment *p;
	struct txn_query tq;
	struct txn	*rows;
	enum category	 c;
	char		 from[11];
	long		 today = cal_today_days();
	size_t		 i, got = 0, k;

	*n = 0;
	memset(&tq, 0, sizeof(tq));
	cal_format(today - 400, from);
	tq.from = from;
	tq.kind = "spending";
	if ((rows = pool_alloc(f->s->st.pool, sizeof(*rows) * REC_MAX_PAYMENTS)) == NULL ||
	    (p = pool_alloc(f->s->st.pool, sizeof(*p) * REC_MAX_PAYMENTS)) == NULL ||
	    store_txn_find(&f->s->st, f->user, &tq, rows, REC_MAX_PAYMENTS, &got) == -1)
		return failed(f);
	for (i = k = 0; i < got; i++) {
		/* refunds are no payment; other currencies are not the user's money */
		if (strcmp(rows[i].kind, "refund") == 0 ||
		    strcmp(rows[i].currency, f->currency) != 0 ||
		    cal_parse(rows[i].transaction_date, &p[k].day) == -1)
			continue;
		p[k].amount = rows[i].amount_cents;
		p[k].key = rows[i].merchant_key;
		p[k].name = rows[i].merchant ? rows[i].merchant : rows[i].description;
		p[k].category = category_parse(rows[i].category, &c) == 0 ? (int)c : CAT_OTHER;
		k++;
	}
	if (max > FACT_MAX_RECURRING)
		max = FACT_MAX_RECURRING;
	*n = recurring_find(p, k, today, series, max);
	for (i = 0; i < *n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		lang_clip(out[i].name, sizeof(out[i].name), series[i].name);
		out[i].category = (enum category)series[i].category;
		snprintf(out[i].cadence, sizeof(out[i].cadence), "%s",
		    rec_cadence_name(series[i].cadence));
		out[i].typical = series[i].typical;
		out[i].monthly = series[i].monthly;
		cal_format(series[i].last, out[i].last);
		cal_format(series[i].next, out[i].next);
		out[i].count = series[i].count;
	}
	return 0;
}

void
svc_facts_init(struct svc_facts *f, struct svc *s, const struct user *u)
{
	int	 d = currency_minor_units(u->currency);

	memset(f, 0, sizeof(*f));
	f->s = s;
	snprintf(f->user, sizeof(f->user), "%s", u->id);
	snprintf(f->currency, sizeof(f->currency), "%s", u->currency);
	f->src.ctx = f;
	f->src.currency = f->currency;
	f->src.digits = d >= 0 ? d : 2;
	f->src.spending = spending;
	f->src.intake = intake;
	f->src.plan = plan;
	f->src.goals = goals;
	f->src.moves = moves;
	f->src.transactions = transactions;
	f->src.aggregate = aggregate;
	f->src.recurring = recurring;
}
