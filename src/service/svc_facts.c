/* svc_facts.c: the user's facts, read from the store (svc_facts.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/currency.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/lang.h"
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
	tq.kind = kinds[q->kind <= FACT_KIND_INCOME ? q->kind : FACT_KIND_ALL];
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
		t->amount = rows[i].amount_cents;
		memcpy(t->currency, rows[i].currency, sizeof(t->currency));
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
}
