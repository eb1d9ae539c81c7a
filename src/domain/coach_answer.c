/*
 * coach_answer.c: the built-in coach (ai_provider = local), coach.h. One
 * turn folds the message into words (coach_match.h), refuses an attempt to
 * steer it, confirms what the message logged, or picks the handler of the
 * kind of question it asks: spending, recurring payments and income are
 * coach_spend.c's, affordability, the goal, debts, savings and investments
 * coach_money.c's, the rest are here. A handler reads the user's data only
 * through the facts source (facts.h: typed, money in minor units), as a
 * model reads it through its tools, and writes short sentences from the
 * text table (coach_text.h). Nothing here allocates but the turn and the
 * reply buffer.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach.h"
#include "domain/coach_int.h"
#include "domain/coach_match.h"
#include "domain/coach_text.h"
#include "domain/facts.h"
#include "domain/goal_pick.h"
#include "domain/lang.h"

void
co_set_class(struct coach *k, const char *intent, const char *topic, const char *emotion)
{
	if (intent)
		lang_clip(k->res->intent, sizeof(k->res->intent), intent);
	if (topic)
		lang_clip(k->res->topic, sizeof(k->res->topic), topic);
	if (emotion)
		lang_clip(k->res->emotion, sizeof(k->res->emotion), emotion);
}

/* ---- reading the facts ------------------------------------------------------------- */

/* A fact read: counted, and -1 turned into D_ERR by the caller. */
int
co_fact_read(struct coach *k, int rc)
{
	k->res->facts_read++;
	if (rc == -1)
		k->res->facts_failed++;
	return rc;
}

static void
spend_from(struct spend *s, const struct fact_spending *sp)
{
	size_t	 i;

	s->state = D_OK;
	s->total = sp->total;
	s->count = sp->count;
	s->income = sp->income;
	for (i = 0; i < sp->ncategories && s->ntop < MAX_TOP; i++) {
		if (sp->by_category[i].amount <= 0)
			continue;
		s->top[s->ntop].cat = sp->by_category[i].category;
		s->top[s->ntop++].amount = sp->by_category[i].amount;
	}
}

static int
is_sub(const struct cm_subject *sj, const char *key)
{
	size_t	 i;

	for (i = 0; i < sj->nsubs; i++)
		if (strcmp(sj->subs[i], key) == 0)
			return 1;
	return 0;
}

/*
 * Subcategories: one aggregate of their category by subcategory, so the
 * spending of that category with no subcategory yet is known too; without
 * one, the spending of each.
 */
static void
subs_spend(struct coach *k, struct fact_spending_q *q, const struct cm_subject *sj,
    struct spend *s)
{
	const struct facts_src *f = k->c->facts;
	struct fact_spending sp;
	struct fact_agg_q aq;
	size_t		 i, n = 0;

	if (f->aggregate != NULL && sj->has_cat) {
		memset(&aq, 0, sizeof(aq));
		aq.from = q->from;
		aq.to = q->to;
		aq.category = (int)sj->cat;
		aq.group_by = "subcategory";
		if (co_fact_read(k, f->aggregate(f->ctx, &aq, k->aggs, MAX_AGGS, &n)) == -1)
			return;
		for (i = 0; i < n && i < MAX_AGGS; i++) {
			if (k->aggs[i].key[0] == '\0')
				s->unsorted += k->aggs[i].amount;
			else if (is_sub(sj, k->aggs[i].key)) {
				s->total += k->aggs[i].amount;
				s->count += k->aggs[i].count;
			}
		}
		s->state = D_OK;
		return;
	}
	for (i = 0; i < sj->nsubs; i++) {
		q->subcategory = sj->subs[i];
		if (co_fact_read(k, f->spending(f->ctx, q, &sp)) == -1)
			return;
		s->total += sp.total;
		s->count += sp.count;
	}
	s->state = D_OK;
}

void
co_load_spend(struct coach *k, long from, long to, const struct cm_subject *sj,
    struct spend *s)
{
	const struct facts_src *f = k->c->facts;
	struct fact_spending_q q;
	struct fact_spending sp;

	memset(s, 0, sizeof(*s));
	s->state = D_ERR;
	if (f == NULL || f->spending == NULL)
		return;
	memset(&q, 0, sizeof(q));
	q.from = from;
	q.to = to;
	q.category = sj != NULL && sj->has_cat ? (int)sj->cat : CAT_COUNT;
	if (sj != NULL && sj->merchant[0] != '\0') {
		q.category = CAT_COUNT;
		q.merchant = sj->merchant;
	} else if (sj != NULL && sj->nsubs > 0) {
		subs_spend(k, &q, sj, s);
		return;
	}
	if (co_fact_read(k, f->spending(f->ctx, &q, &sp)) == -1)
		return;
	spend_from(s, &sp);
}

/* Spending of this month so far, of category c (CAT_COUNT: all). */
static void
month_spend(struct coach *k, enum category c, struct spend *s)
{
	struct cm_subject sj;
	long		 from, to;

	memset(&sj, 0, sizeof(sj));
	sj.has_cat = c < CAT_COUNT;
	sj.cat = c;
	cal_period_range(CAL_THIS_MONTH, k->today, &from, &to);
	co_load_spend(k, from, to, &sj, s);
}

static void
intake_debts(const struct fact_intake *fi, struct intake *in)
{
	size_t	 i;

	for (i = 0; i < fi->ndebts && in->ndebts < MAX_DEBTS; i++) {
		const struct fact_debt *d = &fi->debts[i];
		struct debt *o = &in->debts[in->ndebts];

		if (d->balance <= 0)
			continue;
		o->name = d->name;
		o->balance = d->balance;
		o->has_rate = d->has_rate && d->rate_milli > 0;
		o->monthly = d->monthly;
		o->rate_milli = d->rate_milli;
		o->month_milli = d->monthly ? d->rate_milli : d->rate_milli / 12;
		in->ndebts++;
	}
	if (fi->ndebts == 0 && in->has_debt && in->debt > 0) {
		/* the intake's total, with its yearly rate */
		struct debt *o = &in->debts[in->ndebts++];

		o->name = "";
		o->balance = in->debt;
		o->has_rate = in->has_rate && in->rate_bp > 0;
		o->rate_milli = in->rate_bp * 10;
		o->month_milli = o->rate_milli / 12;
	}
}

void
co_load_intake(struct coach *k, struct intake *in)
{
	const struct facts_src *f = k->c->facts;
	struct fact_intake *fi = &k->fi;
	int		 rc;

	memset(in, 0, sizeof(*in));
	in->state = D_ERR;
	if (f == NULL || f->intake == NULL || (rc = co_fact_read(k, f->intake(f->ctx, fi))) == -1)
		return;
	if (rc == 0) {
		in->state = D_NONE;
		return;
	}
	in->state = D_OK;
	in->has_income = in->has_expenses = in->has_surplus = 1;
	in->income = fi->income;
	in->expenses = fi->expenses;
	in->surplus = fi->surplus;
	in->has_savings = fi->has_savings;
	in->savings = fi->savings;
	in->has_debt = fi->has_debt;
	in->debt = fi->debt;
	in->has_rate = fi->has_rate;
	in->rate_bp = fi->rate_bp;
	intake_debts(fi, in);
}

/* An action item, clipped, ending with a full stop so sentences stay sentences. */
static void
plan_action(const char *text, char *out, size_t outlen)
{
	size_t len;

	lang_clip(out, outlen - 1, text);
	len = strlen(out);
	if (len > 0 && strchr(".!?", out[len - 1]) == NULL) {
		out[len] = '.';
		out[len + 1] = '\0';
	}
}

void
co_load_plan(struct coach *k, struct plan *p)
{
	const struct facts_src *f = k->c->facts;
	struct fact_plan *fp = &k->fp;
	size_t		 i;
	int		 rc;

	memset(p, 0, sizeof(*p));
	p->state = D_ERR;
	if (f == NULL || f->plan == NULL)
		return;
	if ((rc = co_fact_read(k, f->plan(f->ctx, fp))) != -1)
		p->state = rc == 1 ? D_OK : D_NONE;
	if (rc != 1)
		return;
	p->has_save = fp->has_monthly_savings;
	p->monthly_save = fp->monthly_savings;
	p->has_debt_pay = fp->has_monthly_debt_payment;
	p->monthly_debt = fp->monthly_debt_payment;
	p->has_rate = fp->has_current_rate;
	p->rate_bp = fp->current_rate_bp;
	p->has_target = fp->has_target_rate;
	p->target_bp = fp->target_rate_bp;
	p->has_timeline = fp->has_timeline;
	p->timeline = fp->timeline_months;
	memcpy(p->goal_date, fp->projected_goal_date, sizeof(p->goal_date));
	memcpy(p->payoff_date, fp->debt_payoff_date, sizeof(p->payoff_date));
	for (i = 0; i < fp->nactions && p->nact < 2; i++)
		if (fp->actions[i][0] != '\0')
			plan_action(fp->actions[i], p->act[p->nact++], sizeof(p->act[0]));
}

/* Which goal to talk about: the active primary one, then any active, then an achieved one. */
static int
goal_rank(const struct fact_goal *g)
{
	int	 active = strcmp(g->status, "active") == 0;

	if (strcmp(g->status, "archived") == 0)
		return 0;
	if (active && g->is_primary)
		return 4;
	return active ? 3 : 2;
}

void
co_load_goal(struct coach *k, struct goal *g)
{
	const struct facts_src *f = k->c->facts;
	struct fact_goal *best = NULL;
	size_t		 i, n = 0;
	int		 rank = 0;

	memset(g, 0, sizeof(*g));
	g->state = D_ERR;
	if (f == NULL || f->goals == NULL ||
	    co_fact_read(k, f->goals(f->ctx, k->goals, FACT_MAX_GOALS, &n)) == -1)
		return;
	for (i = 0; i < n && i < FACT_MAX_GOALS; i++)
		if (goal_rank(&k->goals[i]) > rank && k->goals[i].target > 0) {
			rank = goal_rank(&k->goals[i]);
			best = &k->goals[i];
		}
	g->state = best ? D_OK : D_NONE;
	if (best == NULL)
		return;
	g->target = best->target;
	g->current = best->current > 0 ? best->current : 0;
	lang_clip(g->name, sizeof(g->name), best->name);
	lang_clip(g->type, sizeof(g->type), best->type);
	lang_clip(g->status, sizeof(g->status), best->status);
	if (cal_valid(best->target_date))
		memcpy(g->target_date, best->target_date, sizeof(g->target_date));
}

void
co_load_moves(struct coach *k, struct moves *mv)
{
	const struct facts_src *f = k->c->facts;
	struct fact_moves *fm = &k->fm;
	size_t		 i, j;
	int		 rc;

	memset(mv, 0, sizeof(*mv));
	mv->state = D_ERR;
	if (f == NULL || f->moves == NULL)
		return;
	if ((rc = co_fact_read(k, f->moves(f->ctx, fm))) != -1)
		mv->state = rc == 1 && fm->has_cycle ? D_OK : D_NONE;
	if (mv->state != D_OK)
		return;
	memcpy(mv->due, fm->due_date, sizeof(mv->due));
	for (i = 0; i < fm->ntasks && i < FACT_MAX_TASKS; i++) {
		const struct fact_task *t = &fm->tasks[i];

		mv->ntasks++;
		if (strcmp(t->status, "pending") != 0 || t->title[0] == '\0')
			continue;
		j = mv->npending++;
		if (j >= MAX_TASKS)
			continue;
		lang_clip(mv->title[j], sizeof(mv->title[0]), t->title);
		mv->has_amount[j] = t->has_amount && t->amount > 0;
		mv->amount[j] = t->amount;
	}
}

const char *
co_goal_label(struct coach *k, const struct goal *g)
{
	return g->name[0] != '\0' ? g->name : ct_goal_type(&k->t, g->type);
}

const struct debt *
co_costliest_debt(const struct intake *in)
{
	const struct debt *best = NULL;
	size_t	 i;

	for (i = 0; i < in->ndebts; i++)
		if (in->debts[i].has_rate && in->debts[i].balance > 0 &&
		    (best == NULL || in->debts[i].month_milli > best->month_milli))
			best = &in->debts[i];
	return best;
}

int64_t
co_debt_interest(const struct debt *d, int64_t amount)
{
	int64_t	 per = d->monthly ? 100000 : 1200000;

	if (!d->has_rate || amount <= 0)
		return 0;
	if (amount > INT64_MAX / (d->rate_milli > 0 ? d->rate_milli : 1) / 2)
		return amount / per * d->rate_milli;
	return (amount * d->rate_milli + per / 2) / per;
}

const char *
co_debt_name(struct coach *k, const struct debt *d)
{
	if (d->name != NULL && d->name[0] != '\0')
		return ct_clip(&k->t, d->name, 80);
	return TR(&k->t, M_YOUR_DEBT);
}

const char *
co_debt_on(struct coach *k, const struct debt *d)
{
	/* "you owe $4,900.00 on your Visa card": a name reads as the user's own */
	if (k->t.lang == LANG_EN && d->name != NULL && d->name[0] != '\0' &&
	    strncasecmp(d->name, "my ", 3) != 0 && strncasecmp(d->name, "your ", 5) != 0 &&
	    strncasecmp(d->name, "the ", 4) != 0)
		return CONCAT(&k->t, "your ", ct_clip(&k->t, d->name, 80));
	return co_debt_name(k, d);
}

int64_t
co_free_this_month(struct coach *k, const struct intake *in, int64_t *spent)
{
	struct spend	 s;
	int64_t		 out;

	month_spend(k, CAT_COUNT, &s);
	*spent = s.state == D_OK ? s.total : 0;
	if (!in->has_income)
		return in->surplus;
	out = in->has_expenses ? in->expenses : in->income - in->surplus;
	if (s.state == D_OK && s.total > out)
		out = s.total;
	return in->income - out;
}

/* ---- the short answers ------------------------------------------------------------- */

/* A task title, with its amount when the title does not already say it. */
static const char *
task_text(struct coach *k, const struct moves *mv, size_t i)
{
	struct ct	*t = &k->t;
	const char	*amt = mv->has_amount[i] ? ct_money(t, mv->amount[i]) : "";

	if (*amt && strstr(mv->title[i], amt) == NULL)
		return CONCAT(t, "“", mv->title[i], "” (", amt, ")");
	return CONCAT(t, "“", mv->title[i], "”");
}

static int
say_moves(struct coach *k, const struct moves *mv)
{
	struct ct	*t = &k->t;
	const char	*items[MAX_TASKS];
	size_t		 i, n = mv->npending < MAX_TASKS ? mv->npending : MAX_TASKS;

	if (mv->state != D_OK || mv->ntasks == 0)
		return 0;
	if (n == 0) {
		SAY(t, M_MOVES_DONE);
		return 1;
	}
	for (i = 0; i < n; i++)
		items[i] = task_text(k, mv, i);
	SAY(t, M_MOVES, ct_date(t, mv->due, 1), ct_join(t, items, n));
	return 1;
}

static int
handle_next(struct coach *k)
{
	struct ct	*t = &k->t;
	struct moves	 mv;
	struct plan	 p;
	struct intake	 in;
	int		 said;

	co_load_moves(k, &mv);
	said = say_moves(k, &mv);
	co_load_plan(k, &p);
	if (p.state == D_OK && p.nact > 0) {
		char items[2 * CLIP_LEN + 8];

		snprintf(items, sizeof(items), "%s%s%s", p.act[0], p.nact > 1 ? " " : "",
		    p.nact > 1 ? p.act[1] : "");
		SAY(t, M_PLAN_SAYS, items);
		return 0;
	}
	if (p.state == D_ERR && mv.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (p.state == D_NONE) {
		co_load_intake(k, &in);
		SAY(t, in.state == D_NONE ? M_NO_INTAKE_NEXT : M_NO_PLAN_NEXT);
	} else if (!said)
		SAY(t, M_STEP_NO_PLAN);
	return 0;
}

/* One concrete step for a worried user, from whatever data there is. */
static void
say_one_step(struct coach *k)
{
	struct ct	*t = &k->t;
	struct moves	 mv;
	struct plan	 p;
	struct intake	 in;
	struct spend	 s;

	co_load_moves(k, &mv);
	if (mv.state == D_OK && mv.npending > 0) {
		SAY(t, M_STEP_TASK, task_text(k, &mv, 0));
		return;
	}
	co_load_plan(k, &p);
	if (p.state == D_OK && p.nact > 0) {
		SAY(t, M_STEP_PLAN, p.act[0]);
		return;
	}
	co_load_intake(k, &in);
	if (in.state == D_NONE) {
		SAY(t, M_STEP_INTAKE);
		return;
	}
	month_spend(k, CAT_COUNT, &s);
	if (s.state == D_OK && s.total > 0)
		SAY(t, M_STEP_SPEND, ct_money(t, s.total));
	else
		SAY(t, p.state == D_NONE ? M_STEP_NO_PLAN : M_STEP_INTAKE);
}

static int
handle_emotion(struct coach *k)
{
	struct ct	*t = &k->t;

	if (cm_mentions_debt(&k->w))
		co_set_class(k, NULL, "debt", NULL);
	SAY(t, M_EMPATHY);
	say_one_step(k);
	SAY(t, M_ONE_STEP);
	return 0;
}

static int
handle_greeting(struct coach *k)
{
	struct ct	*t = &k->t;

	SAY(t, cm_says_thanks(&k->w) ? M_THANKS : M_HELLO);
	SAY(t, M_HELP, ct_money_major(t, 300));
	SAY(t, M_HELP_LOG);
	return 0;
}

static void
say_month_so_far(struct coach *k)
{
	struct ct	*t = &k->t;
	struct spend	 s;

	month_spend(k, CAT_COUNT, &s);
	if (s.state == D_OK && s.total > 0)
		SAY(t, M_FB_SPENT, ct_money(t, s.total));
	else if (s.state == D_OK)
		SAY(t, M_FB_NONE);
}

static int
handle_tax(struct coach *k)
{
	SAY(&k->t, M_OOS_TAX);
	return 0;
}

static int
handle_offtopic(struct coach *k)
{
	SAY(&k->t, M_OOS_OFFTOPIC);
	say_month_so_far(k);
	return 0;
}

static int
handle_fallback(struct coach *k)
{
	k->res->fallback = 1;
	SAY(&k->t, M_FALLBACK);
	say_month_so_far(k);
	return 0;
}

/* ---- transactions the server logged from this message ------------------------------ */

static void
say_logged_item(struct coach *k, const struct fact_txn *tx)
{
	struct ct	*t = &k->t;
	char		 day[11];
	const char	*amt = ct_money_in(t, tx->amount, tx->currency[0] ? tx->currency : t->cur);
	const char	*cat = ct_category(t, tx->category);
	const char	*desc = ct_clip(t, tx->description, 61), *when;

	memcpy(day, tx->date[0] ? tx->date : k->c->today, sizeof(day));
	when = ct_date(t, day, 1);
	if (tx->kind == KIND_SAVINGS_CONTRIBUTION)
		SAY(t, M_LOGGED_SAVING, amt, *desc ? desc : cat, when);
	else if (tx->kind == KIND_DEBT_PAYMENT)
		SAY(t, M_LOGGED_DEBT, amt, *desc ? desc : cat, when);
	else if (tx->kind == KIND_TRANSFER)
		SAY(t, M_LOGGED_TRANSFER, amt, *desc ? desc : cat, when);
	else if (tx->category == CAT_INCOME || tx->kind == KIND_INCOME)
		SAY(t, M_LOGGED_INCOME, amt, *desc ? desc : cat, when);
	else if (*desc)
		SAY(t, M_LOGGED, amt, desc, cat, when);
	else
		SAY(t, M_LOGGED_NODESC, amt, cat, when);
}

/*
 * After money put into savings or a debt paid: where the goal it moved
 * stands now, picked as the server picks it (goal_pick.h: an active goal
 * of that kind, the primary, the name the words share, the oldest).
 */
static void
say_logged_goal(struct coach *k, const struct fact_txn *tx)
{
	const struct facts_src *f = k->c->facts;
	struct goal_choice ch[FACT_MAX_GOALS];
	const struct fact_goal *g, *of[FACT_MAX_GOALS];
	struct ct	*t = &k->t;
	char		 text[2 * FACT_TEXT_MAX + 2];
	size_t		 i, n = 0, nc = 0;
	long		 pick;
	int		 debt = tx->kind == KIND_DEBT_PAYMENT;

	if (f == NULL || f->goals == NULL ||
	    co_fact_read(k, f->goals(f->ctx, k->goals, FACT_MAX_GOALS, &n)) == -1)
		return;
	for (i = 0; i < n && i < FACT_MAX_GOALS; i++) {
		g = &k->goals[i];
		if (strcmp(g->status, "active") != 0 || g->target <= 0 ||
		    (strcmp(g->type, "debt_payoff") == 0) != debt)
			continue;
		ch[nc].id = g->id;
		ch[nc].name = g->name;
		ch[nc].is_primary = g->is_primary;
		of[nc++] = g;
	}
	snprintf(text, sizeof(text), "%s %s", tx->description, tx->merchant);
	if ((pick = goal_pick(ch, nc, text, NULL)) < 0)
		return;
	g = of[pick];
	SAY(t, M_LOGGED_GOAL, g->name[0] ? g->name : ct_goal_type(t, g->type),
	    ct_money(t, g->current > 0 ? g->current : 0), ct_money(t, g->target));
}

/* This month's total in the first logged category (or income), as the helpful line. */
static void
say_logged_total(struct coach *k, const struct fact_txn *first)
{
	struct ct	*t = &k->t;
	enum category	 c = first->category;
	struct spend	 s;

	if (first->kind == KIND_SAVINGS_CONTRIBUTION || first->kind == KIND_DEBT_PAYMENT) {
		say_logged_goal(k, first);
		return;
	}
	if (first->kind == KIND_TRANSFER)
		return;
	if (c != CAT_INCOME && c < CAT_COUNT && first->kind != KIND_INCOME) {
		month_spend(k, c, &s);
		if (s.state == D_OK && s.total > 0)
			SAY(t, M_LOGGED_CAT_TOTAL, ct_category(t, c), ct_money(t, s.total));
		return;
	}
	month_spend(k, CAT_COUNT, &s);
	if (s.state == D_OK && s.income > 0)
		SAY(t, M_LOGGED_INCOME_TOTAL, ct_money(t, s.income));
}

/* 1 when the message logged transactions and the reply confirms them. */
static int
try_logged(struct coach *k)
{
	struct ct	*t = &k->t;
	size_t		 i, n = k->c->nlogged;

	if (n == 0 || k->c->logged == NULL)
		return 0;
	for (i = 0; i < n && i < MAX_LOGGED; i++)
		say_logged_item(k, &k->c->logged[i]);
	if (n > MAX_LOGGED)
		SAY(t, M_LOGGED_MORE, ct_int(t, (int64_t)(n - MAX_LOGGED)));
	say_logged_total(k, &k->c->logged[0]);
	co_set_class(k, "transaction_log", k->c->logged[0].kind == KIND_SAVINGS_CONTRIBUTION ?
	    "savings" : k->c->logged[0].kind == KIND_DEBT_PAYMENT ? "debt" : "spending", "neutral");
	return 1;
}

/* ---- streaming -------------------------------------------------------------------- */

/* Send the reply through c->delta one sentence at a time (with its trailing space). */
static void
stream_reply(struct coach *k)
{
	const char	*s = buf_str(k->res->reply);
	size_t		 len = k->res->reply->len, start = 0, i;

	for (i = 0; i < len; i++) {
		int end = (strchr(".!?", s[i]) != NULL && i + 1 < len && s[i + 1] == ' ') ||
		    s[i] == '\n';

		if (!end && i + 1 < len)
			continue;
		if (end && s[i] != '\n')
			i++;	/* the space goes with its sentence */
		if (k->c->delta(k->c->delta_ctx, s + start, i + 1 - start) == -1)
			break;
		k->res->streamed = 1;
		start = i + 1;
	}
}

/* ---- the interface ---------------------------------------------------------------- */

/* The handler of each kind of question. */
static int (*const handlers[CM_KIND_COUNT])(struct coach *) = {
	[CM_AFFORD] = co_afford, [CM_EMOTION] = handle_emotion, [CM_INVEST] = co_invest,
	[CM_TAX] = handle_tax, [CM_RECURRING] = co_recurring, [CM_SPENDING] = co_spending,
	[CM_GOAL_UPDATE] = co_progress, [CM_NEXT] = handle_next, [CM_PROGRESS] = co_progress,
	[CM_DEBT] = co_debt, [CM_SAVINGS] = co_savings, [CM_INCOME] = co_income,
	[CM_OFFTOPIC] = handle_offtopic, [CM_THANKS] = handle_greeting,
	[CM_GREETING] = handle_greeting, [CM_FALLBACK] = handle_fallback,
};

/* A refusal, a confirmation of what the message logged, or the answer of its kind. */
static int
reply(struct coach *k)
{
	const struct cm_class	*cls;
	enum cm_kind		 kd;

	if (cm_is_injection(&k->w, k->c->message)) {
		co_set_class(k, "advice_request", "general", "neutral");
		ct_put(&k->t, ct_refusal(k->t.lang));
		return 0;
	}
	if (try_logged(k))
		return 0;
	kd = cm_kind_of(&k->w);
	if (kd == CM_FALLBACK && co_names_own_merchant(k))
		kd = CM_SPENDING;
	cls = cm_class_of(kd);
	co_set_class(k, cls->intent, cls->topic, cls->emotion);
	return handlers[kd](k);
}

int
coach_answer(const struct coach_turn *c, struct coach_reply *res)
{
	struct coach	*k;
	int		 rc;

	if (c == NULL || res == NULL || res->reply == NULL || (k = calloc(1, sizeof(*k))) == NULL)
		return -1;
	k->c = c;
	k->res = res;
	res->fallback = 0;
	if (cal_parse(c->today, &k->today) == -1)
		k->today = cal_today_days();
	ct_init(&k->t, lang_of(c->language), c->currency, res->reply);
	cm_words_init(&k->w, c->message);
	rc = reply(k);
	if (k->t.fail)
		rc = -1;
	if (rc == 0 && c->delta != NULL)
		stream_reply(k);
	free(k);
	return rc;
}

void
coach_classify(const char *message, struct coach_class *out)
{
	struct cm_words		*w = malloc(sizeof(*w));
	const struct cm_class	*cls;
	const char		*in = "advice_request", *to = "general", *em = "neutral";
	enum cm_kind		 kd;

	if (w != NULL) {
		cm_words_init(w, message);
		if (cm_is_injection(w, message)) {
			/* the defaults */
		} else if (cm_is_spending_log(w, message)) {
			in = "transaction_log";
			to = cm_log_kind(w) == KIND_SAVINGS_CONTRIBUTION ? "savings" :
			    cm_log_kind(w) == KIND_DEBT_PAYMENT ? "debt" : "spending";
		} else {
			kd = cm_kind_of(w);
			cls = cm_class_of(kd);
			in = cls->intent;
			to = kd == CM_EMOTION && cm_mentions_debt(w) ? "debt" : cls->topic;
			em = cls->emotion;
		}
		free(w);
	}
	lang_clip(out->intent, sizeof(out->intent), in);
	lang_clip(out->topic, sizeof(out->topic), to);
	lang_clip(out->emotion, sizeof(out->emotion), em);
}

int
coach_is_injection(const char *message)
{
	struct cm_words	*w = malloc(sizeof(*w));
	int		 r;

	if (w == NULL)
		return message && strstr(message, "ozz_") != NULL;
	cm_words_init(w, message);
	r = cm_is_injection(w, message);
	free(w);
	return r;
}

const char *
coach_refusal(const char *language)
{
	return ct_refusal(lang_of(language));
}

int
coach_is_spending_log(const char *message)
{
	struct cm_words	*w = malloc(sizeof(*w));
	int		 r;

	if (w == NULL)
		return 0;
	cm_words_init(w, message);
	r = cm_is_spending_log(w, message);
	free(w);
	return r;
}

const char *
coach_log_kind(const char *message)
{
	struct cm_words	*w = malloc(sizeof(*w));
	enum txn_kind	 kd;

	if (w == NULL)
		return NULL;
	cm_words_init(w, message);
	kd = cm_log_kind(w);
	free(w);
	return kd == KIND_SPENDING ? NULL : kind_name(kd);
}
