/*
 * coach_answer.c: the built-in coach (ai_provider = local), coach.h. One
 * turn folds the message into words (coach_match.h), refuses an attempt to
 * steer it, confirms what the message logged, or picks the handler of the
 * kind of question it asks. A handler reads the user's data only through the
 * facts source (facts.h: typed, money in minor units), as a model reads it
 * through its tools, and writes short sentences from the text table
 * (coach_text.h). Nothing here allocates but the turn and the reply buffer.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach.h"
#include "domain/coach_match.h"
#include "domain/coach_text.h"
#include "domain/facts.h"
#include "domain/lang.h"

#define CLIP_LEN	200	/* bytes of a tool's text (a task title) quoted in a reply */
#define MAX_LOGGED	10	/* logged items confirmed one by one */
#define MAX_TOP		3	/* categories named in a summary */
#define MAX_TASKS	3	/* pending money moves named */

/* One chat turn. */
struct coach {
	const struct coach_turn	*c;
	struct coach_reply	*res;
	struct cm_words		 w;
	struct ct		 t;
	long			 today;		/* day number of c->today */
};

static void
set_class(struct coach *k, const char *intent, const char *topic, const char *emotion)
{
	if (intent)
		lang_clip(k->res->intent, sizeof(k->res->intent), intent);
	if (topic)
		lang_clip(k->res->topic, sizeof(k->res->topic), topic);
	if (emotion)
		lang_clip(k->res->emotion, sizeof(k->res->emotion), emotion);
}

/* ---- reading the facts ------------------------------------------------------------- */

enum dstate { D_ERR, D_NONE, D_OK };

struct summary {
	enum dstate	 state;
	int64_t		 total, income, count;
	char		 from[11], to[11];
	struct {
		char	 cat[24];
		int64_t	 amount;
	}		 top[MAX_TOP];
	size_t		 ntop;
};

/* A fact read: counted, and -1 turned into D_ERR by the caller. */
static int
fact_read(struct coach *k, int rc)
{
	k->res->facts_read++;
	if (rc == -1)
		k->res->facts_failed++;
	return rc;
}

/* Spending of period p (and of category when not NULL). */
static void
load_summary(struct coach *k, enum cal_period p, const char *category, struct summary *s)
{
	const struct facts_src *f = k->c->facts;
	struct fact_spending_q q;
	struct fact_spending sp;
	enum category	 c;
	size_t		 i;

	memset(s, 0, sizeof(*s));
	memset(&q, 0, sizeof(q));
	s->state = D_ERR;
	if (f == NULL || f->spending == NULL)
		return;
	cal_period_range(p, k->today, &q.from, &q.to);
	q.category = category && category_parse(category, &c) == 0 ? (int)c : CAT_COUNT;
	if (fact_read(k, f->spending(f->ctx, &q, &sp)) == -1)
		return;
	s->state = D_OK;
	s->total = sp.total;
	s->count = sp.count;
	s->income = sp.income;
	cal_format(q.from, s->from);
	cal_format(q.to, s->to);
	for (i = 0; i < sp.ncategories && s->ntop < MAX_TOP; i++) {
		if (sp.by_category[i].amount <= 0)
			continue;
		lang_clip(s->top[s->ntop].cat, sizeof(s->top[0].cat),
		    category_name(sp.by_category[i].category));
		s->top[s->ntop++].amount = sp.by_category[i].amount;
	}
}

struct intake {
	enum dstate	 state;
	int		 has_income, has_expenses, has_surplus, has_savings, has_debt, has_rate;
	int64_t		 income, expenses, surplus, savings, debt, rate_bp;
};

static void
load_intake(struct coach *k, struct intake *in)
{
	const struct facts_src *f = k->c->facts;
	struct fact_intake fi;
	int		 rc;

	memset(in, 0, sizeof(*in));
	in->state = D_ERR;
	if (f == NULL || f->intake == NULL || (rc = fact_read(k, f->intake(f->ctx, &fi))) == -1)
		return;
	if (rc == 0) {
		in->state = D_NONE;
		return;
	}
	in->state = D_OK;
	in->has_income = in->has_expenses = in->has_surplus = 1;
	in->income = fi.income;
	in->expenses = fi.expenses;
	in->surplus = fi.surplus;
	in->has_savings = fi.has_savings;
	in->savings = fi.savings;
	in->has_debt = fi.has_debt;
	in->debt = fi.debt;
	in->has_rate = fi.has_rate;
	in->rate_bp = fi.rate_bp;
}

struct plan {
	enum dstate	 state;
	int		 has_save, has_debt_pay, has_rate, has_target, has_timeline;
	int64_t		 monthly_save, monthly_debt, rate_bp, target_bp, timeline;
	char		 goal_date[11], payoff_date[11];
	char		 act[2][CLIP_LEN + 2];
	size_t		 nact;
};

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

static void
load_plan(struct coach *k, struct plan *p)
{
	const struct facts_src *f = k->c->facts;
	struct fact_plan *fp;
	size_t		 i;
	int		 rc;

	memset(p, 0, sizeof(*p));
	p->state = D_ERR;
	if (f == NULL || f->plan == NULL || (fp = malloc(sizeof(*fp))) == NULL)
		return;
	if ((rc = fact_read(k, f->plan(f->ctx, fp))) != -1)
		p->state = rc == 1 ? D_OK : D_NONE;
	if (rc == 1) {
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
	free(fp);
}

struct goal {
	enum dstate	 state;
	char		 name[CLIP_LEN];
	char		 type[16], status[16];
	int64_t		 target, current;
};

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

static void
load_goal(struct coach *k, struct goal *g)
{
	const struct facts_src *f = k->c->facts;
	struct fact_goal *goals, *best = NULL;
	size_t		 i, n = 0;
	int		 rank = 0;

	memset(g, 0, sizeof(*g));
	g->state = D_ERR;
	if (f == NULL || f->goals == NULL ||
	    (goals = calloc(FACT_MAX_GOALS, sizeof(*goals))) == NULL)
		return;
	if (fact_read(k, f->goals(f->ctx, goals, FACT_MAX_GOALS, &n)) == -1) {
		free(goals);
		return;
	}
	for (i = 0; i < n; i++)
		if (goal_rank(&goals[i]) > rank && goals[i].target > 0) {
			rank = goal_rank(&goals[i]);
			best = &goals[i];
		}
	g->state = best ? D_OK : D_NONE;
	if (best) {
		g->target = best->target;
		g->current = best->current > 0 ? best->current : 0;
		lang_clip(g->name, sizeof(g->name), best->name);
		lang_clip(g->type, sizeof(g->type), best->type);
		lang_clip(g->status, sizeof(g->status), best->status);
	}
	free(goals);
}

struct moves {
	enum dstate	 state;
	char		 due[11];
	char		 title[MAX_TASKS][CLIP_LEN + 1];
	int64_t		 amount[MAX_TASKS];
	int		 has_amount[MAX_TASKS];
	size_t		 npending, ntasks;
};

static void
load_moves(struct coach *k, struct moves *mv)
{
	const struct facts_src *f = k->c->facts;
	struct fact_moves *fm;
	size_t		 i, j;
	int		 rc;

	memset(mv, 0, sizeof(*mv));
	mv->state = D_ERR;
	if (f == NULL || f->moves == NULL || (fm = malloc(sizeof(*fm))) == NULL)
		return;
	if ((rc = fact_read(k, f->moves(f->ctx, fm))) != -1)
		mv->state = rc == 1 && fm->has_cycle ? D_OK : D_NONE;
	if (mv->state == D_OK) {
		memcpy(mv->due, fm->due_date, sizeof(mv->due));
		for (i = 0; i < fm->ntasks; i++) {
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
	free(fm);
}

/* ---- the handlers ------------------------------------------------------------------ */

static void
say_plan_comparison(struct coach *k, enum cal_period p, const struct summary *s)
{
	struct ct	*t = &k->t;
	struct intake	 in;

	if (p != CAL_THIS_MONTH && p != CAL_LAST_MONTH && p != CAL_LAST_30_DAYS)
		return;
	load_intake(k, &in);
	if (in.state != D_OK || !in.has_expenses || in.expenses <= 0)
		return;
	if (s->total > in.expenses) {
		set_class(k, NULL, NULL, "cautious");
		SAY(t, M_OVER_BASE, ct_money(t, s->total - in.expenses), ct_money(t, in.expenses));
	} else if (p == CAL_THIS_MONTH)
		SAY(t, M_LEFT_BASE, ct_money(t, in.expenses - s->total), ct_money(t, in.expenses));
	else
		SAY(t, M_WITHIN_BASE, ct_money(t, in.expenses));
}

static void
say_top(struct coach *k, const struct summary *s)
{
	struct ct	*t = &k->t;
	const char	*items[MAX_TOP];
	size_t		 i;

	for (i = 0; i < s->ntop; i++)
		items[i] = CONCAT(t, ct_category_named(t, s->top[i].cat), " (",
		    ct_money(t, s->top[i].amount), ")");
	if (s->ntop > 0)
		SAY(t, M_TOP, ct_join(t, items, s->ntop));
}

/* The category's share of everything spent in the same period. */
static void
say_share(struct coach *k, enum cal_period p, int64_t cat_total)
{
	struct ct	*t = &k->t;
	struct summary	 all;

	load_summary(k, p, NULL, &all);
	if (all.state == D_OK && all.total > 0 && cat_total <= all.total)
		SAY(t, M_SHARE, ct_int(t, cat_total * 100 / all.total));
}

static int
handle_spending(struct coach *k)
{
	struct ct	*t = &k->t;
	enum cal_period	 p = CAL_THIS_MONTH;
	enum category	 cat;
	int		 has_cat = cm_category(&k->w, &cat);
	struct summary	 s;
	const char	*cl, *when, *dates;

	cm_period(&k->w, &p);
	load_summary(k, p, has_cat ? category_name(cat) : NULL, &s);
	if (s.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	cl = has_cat ? ct_category(t, cat) : NULL;
	when = ct_period(t, p);
	dates = ct_range(t, s.from, s.to);
	if (s.total <= 0) {
		if (has_cat)
			SAY(t, M_NONE_CAT, cl, when, dates);
		else
			SAY(t, M_NONE_ALL, when, dates);
		SAY(t, M_LOG_TIP);
		return 0;
	}
	if (has_cat) {
		SAY(t, M_SPENT_CAT, ct_money(t, s.total), cl, when, dates,
		    ct_count(t, s.count, N_TRANSACTION));
		say_share(k, p, s.total);
		return 0;
	}
	SAY(t, M_SPENT_ALL, ct_money(t, s.total), when, dates, ct_count(t, s.count, N_TRANSACTION));
	say_top(k, &s);
	say_plan_comparison(k, p, &s);
	return 0;
}

static const char *
goal_label(struct coach *k, const struct goal *g)
{
	return g->name[0] != '\0' ? g->name : ct_goal_type(&k->t, g->type);
}

static void
say_no_goal(struct coach *k)
{
	struct ct	*t = &k->t;
	struct intake	 in;

	SAY(t, M_NO_GOAL);
	SAY(t, M_HOW_GOAL);
	load_intake(k, &in);
	if (in.state == D_OK && in.surplus > 0)
		SAY(t, M_SURPLUS_FOR_GOAL, ct_money(t, in.surplus));
}

static void
say_goal_eta(struct coach *k)
{
	struct ct	*t = &k->t;
	struct plan	 p;

	load_plan(k, &p);
	if (p.state == D_NONE)
		SAY(t, M_GOAL_NO_PLAN);
	else if (p.state == D_OK && p.goal_date[0] && p.has_save && p.monthly_save > 0 &&
	    p.has_timeline && p.timeline > 0)
		SAY(t, M_GOAL_ETA, ct_money(t, p.monthly_save), ct_date(t, p.goal_date, 1),
		    ct_count(t, p.timeline, N_MONTH));
	else if (p.state == D_OK && p.goal_date[0] == '\0')
		SAY(t, M_GOAL_NO_ETA);
}

static int
handle_progress(struct coach *k)
{
	struct ct	*t = &k->t;
	struct goal	 g;
	int64_t		 pct;

	load_goal(k, &g);
	if (g.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (g.state == D_NONE) {
		say_no_goal(k);
		return 0;
	}
	if (strcmp(g.type, "debt_payoff") == 0)
		set_class(k, NULL, "debt", NULL);
	if (strcmp(g.status, "achieved") == 0 || g.current >= g.target) {
		set_class(k, NULL, NULL, "celebratory");
		SAY(t, M_GOAL_DONE, goal_label(k, &g), ct_money(t, g.current), ct_money(t, g.target));
		SAY(t, M_GOAL_NEXT);
		return 0;
	}
	pct = g.current * 100 / g.target;
	SAY(t, M_GOAL_AT, ct_money(t, g.current), ct_money(t, g.target), goal_label(k, &g),
	    ct_int(t, pct), ct_money(t, g.target - g.current));
	if (pct >= 75) {
		set_class(k, NULL, NULL, "celebratory");
		SAY(t, M_GOAL_CLOSE);
	}
	say_goal_eta(k);
	if (strcmp(k->res->intent, "goal_update") == 0)
		SAY(t, M_GOAL_CHANGE);
	return 0;
}

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

	load_moves(k, &mv);
	said = say_moves(k, &mv);
	load_plan(k, &p);
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
		load_intake(k, &in);
		SAY(t, in.state == D_NONE ? M_NO_INTAKE_NEXT : M_NO_PLAN_NEXT);
	} else if (!said)
		SAY(t, M_STEP_NO_PLAN);
	return 0;
}

/* "less than a month", "about 3 months": how far a purchase pushes the goal back. */
static const char *
delay_str(struct coach *k, int64_t amount, int64_t monthly)
{
	struct ct	*t = &k->t;
	int64_t		 n;

	if (amount < monthly)
		return TR(t, M_LESS_MONTH);
	n = (amount + monthly / 2) / monthly;
	if (n <= 1)
		return TR(t, M_ABOUT_ONE_MONTH);
	return TR(t, M_ABOUT_N, ct_count(t, n, N_MONTH));
}

/* Free money this month: income less the larger of usual expenses and real spending. */
static int64_t
free_this_month(struct coach *k, const struct intake *in)
{
	struct summary	s;
	int64_t		out;

	load_summary(k, CAL_THIS_MONTH, NULL, &s);
	if (!in->has_income)
		return in->surplus;
	out = in->has_expenses ? in->expenses : in->income - in->surplus;
	if (s.state == D_OK && s.total > out)
		out = s.total;
	return in->income - out;
}

static void
afford_verdict(struct coach *k, const struct intake *in, int64_t a)
{
	struct ct	*t = &k->t;
	struct plan	 p;
	int64_t		 free_now = free_this_month(k, in), months;

	load_plan(k, &p);
	months = (a + in->surplus - 1) / in->surplus;
	if (a <= free_now) {
		SAY(t, M_AFF_YES, ct_money(t, free_now), ct_money(t, a));
	} else if (months <= 3) {
		SAY(t, M_AFF_SAVE_UP, ct_money(t, a), ct_count(t, months, N_MONTH),
		    ct_money(t, in->surplus));
	} else {
		set_class(k, NULL, NULL, "cautious");
		SAY(t, M_AFF_NO, ct_money(t, a), ct_count(t, months, N_MONTH), ct_money(t, in->surplus));
	}
	if (p.state == D_OK && p.has_save && p.monthly_save > 0)
		SAY(t, M_AFF_DELAY, delay_str(k, a, p.monthly_save));
	if (months > 3)
		SAY(t, M_AFF_NO2);
}

/* No price to weigh (none, or one in another currency): ask for it, with what is free. */
static void
ask_price(struct coach *k, const struct intake *in, const struct txt_amount *other)
{
	struct ct	*t = &k->t;

	if (other != NULL)
		SAY(t, M_AFF_OTHER_CURRENCY, ct_money_in(t, other->amount_cents, other->currency),
		    ct_money_major(t, 300));
	else
		SAY(t, M_AFF_NO_AMOUNT, ct_money_major(t, 300));
	if (in->surplus > 0)
		SAY(t, M_AFF_FREE, ct_money(t, in->surplus));
}

static int
handle_afford(struct coach *k)
{
	struct ct		*t = &k->t;
	struct intake		 in;
	struct txt_amount	 price;
	int			 has_price;
	int64_t			 a;

	load_intake(k, &in);
	if (in.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (in.state == D_NONE) {
		SAY(t, M_AFF_NO_INTAKE);
		return 0;
	}
	has_price = cm_price(k->c->message, lang_code(t->lang), t->cur, &price) == 0;
	if (!has_price || strcmp(price.currency, t->cur) != 0) {
		ask_price(k, &in, has_price ? &price : NULL);
		return 0;
	}
	a = price.amount_cents;
	if (in.surplus <= 0) {
		set_class(k, NULL, NULL, "cautious");
		SAY(t, M_AFF_GAP, ct_money(t, in.has_expenses ? in.expenses : in.income - in.surplus),
		    ct_money(t, in.income), ct_money(t, a));
		SAY(t, M_AFF_GAP2);
		return 0;
	}
	set_class(k, NULL, NULL, "encouraging");
	afford_verdict(k, &in, a);
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
	struct summary	 s;

	load_moves(k, &mv);
	if (mv.state == D_OK && mv.npending > 0) {
		SAY(t, M_STEP_TASK, task_text(k, &mv, 0));
		return;
	}
	load_plan(k, &p);
	if (p.state == D_OK && p.nact > 0) {
		SAY(t, M_STEP_PLAN, p.act[0]);
		return;
	}
	load_intake(k, &in);
	if (in.state == D_NONE) {
		SAY(t, M_STEP_INTAKE);
		return;
	}
	load_summary(k, CAL_THIS_MONTH, NULL, &s);
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
		set_class(k, NULL, "debt", NULL);
	SAY(t, M_EMPATHY);
	say_one_step(k);
	SAY(t, M_ONE_STEP);
	return 0;
}

static int
handle_debt(struct coach *k)
{
	struct ct	*t = &k->t;
	struct intake	 in;
	struct plan	 p;

	load_intake(k, &in);
	if (in.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (in.state == D_NONE) {
		SAY(t, M_DEBT_NO_INTAKE);
		return 0;
	}
	if (!in.has_debt || in.debt <= 0) {
		SAY(t, M_DEBT_NONE);
		return 0;
	}
	if (in.has_rate && in.rate_bp > 0)
		SAY(t, M_DEBT_OWE_RATE, ct_money(t, in.debt), ct_pct(t, in.rate_bp));
	else
		SAY(t, M_DEBT_OWE, ct_money(t, in.debt));
	load_plan(k, &p);
	if (p.state == D_OK && p.payoff_date[0] && p.has_debt_pay && p.monthly_debt > 0)
		SAY(t, M_DEBT_DATE, ct_money(t, p.monthly_debt), ct_date(t, p.payoff_date, 1));
	else if (p.state == D_OK) {
		set_class(k, NULL, NULL, "cautious");
		SAY(t, M_DEBT_STUCK);
	} else if (p.state == D_NONE)
		SAY(t, M_DEBT_NO_PLAN);
	return 0;
}

static void
say_savings_rate(struct coach *k, const struct plan *p)
{
	struct ct	*t = &k->t;

	if (p->state == D_NONE) {
		SAY(t, M_SAV_NO_PLAN);
		return;
	}
	if (p->state != D_OK || !p->has_rate)
		return;
	if (p->rate_bp < 0) {
		set_class(k, NULL, NULL, "cautious");
		SAY(t, M_SAV_NEG, ct_pct(t, p->rate_bp));
		return;
	}
	if (p->has_save && p->has_target)
		SAY(t, M_SAV_RATE, ct_money(t, p->monthly_save), ct_pct(t, p->rate_bp),
		    ct_pct(t, p->target_bp));
	if (p->has_target && p->target_bp > 0 && p->rate_bp >= p->target_bp) {
		set_class(k, NULL, NULL, "celebratory");
		SAY(t, M_SAV_GREAT);
	}
}

static int
handle_savings(struct coach *k)
{
	struct ct	*t = &k->t;
	struct intake	 in;
	struct plan	 p;

	load_intake(k, &in);
	load_plan(k, &p);
	if (in.state == D_ERR && p.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (in.state != D_OK && p.state != D_OK) {
		SAY(t, M_SAV_NO_DATA);
		return 0;
	}
	if (in.state == D_OK && in.has_savings)
		SAY(t, M_SAV_BAL, ct_money(t, in.savings));
	if (in.state == D_OK && in.surplus > 0)
		SAY(t, M_SAV_SURPLUS, ct_money(t, in.surplus));
	say_savings_rate(k, &p);
	return 0;
}

/* Income logged in a period, and what is left after that period's spending. */
static int
handle_income(struct coach *k)
{
	struct ct	*t = &k->t;
	enum cal_period	 p = CAL_THIS_MONTH;
	struct summary	 s;
	const char	*when, *dates;

	cm_period(&k->w, &p);
	load_summary(k, p, NULL, &s);
	if (s.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	when = ct_period(t, p);
	dates = ct_range(t, s.from, s.to);
	if (s.income <= 0) {
		SAY(t, M_NO_INCOME, when, dates);
		return 0;
	}
	SAY(t, M_INCOME, ct_money(t, s.income), when, dates);
	if (s.total > s.income) {
		set_class(k, NULL, NULL, "cautious");
		SAY(t, M_INCOME_SHORT, ct_money(t, s.total), ct_money(t, s.total - s.income));
	} else if (s.total > 0)
		SAY(t, M_INCOME_LEFT, ct_money(t, s.total), ct_money(t, s.income - s.total));
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

static int
handle_fallback(struct coach *k)
{
	struct ct	*t = &k->t;
	struct summary	 s;

	SAY(t, M_FALLBACK);
	load_summary(k, CAL_THIS_MONTH, NULL, &s);
	if (s.state == D_OK && s.total > 0)
		SAY(t, M_FB_SPENT, ct_money(t, s.total));
	else if (s.state == D_OK)
		SAY(t, M_FB_NONE);
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
	if (tx->category == CAT_INCOME)
		SAY(t, M_LOGGED_INCOME, amt, *desc ? desc : cat, when);
	else if (*desc)
		SAY(t, M_LOGGED, amt, desc, cat, when);
	else
		SAY(t, M_LOGGED_NODESC, amt, cat, when);
}

/* This month's total in the first logged category (or income), as the helpful line. */
static void
say_logged_total(struct coach *k, enum category c)
{
	struct ct	*t = &k->t;
	struct summary	 s;

	if (c != CAT_INCOME && c < CAT_COUNT) {
		load_summary(k, CAL_THIS_MONTH, category_name(c), &s);
		if (s.state == D_OK && s.total > 0)
			SAY(t, M_LOGGED_CAT_TOTAL, ct_category(t, c), ct_money(t, s.total));
		return;
	}
	load_summary(k, CAL_THIS_MONTH, NULL, &s);
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
	say_logged_total(k, k->c->logged[0].category);
	set_class(k, "transaction_log", "spending", "neutral");
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
	[CM_AFFORD] = handle_afford, [CM_EMOTION] = handle_emotion,
	[CM_SPENDING] = handle_spending, [CM_GOAL_UPDATE] = handle_progress,
	[CM_NEXT] = handle_next, [CM_PROGRESS] = handle_progress, [CM_DEBT] = handle_debt,
	[CM_SAVINGS] = handle_savings, [CM_INCOME] = handle_income,
	[CM_THANKS] = handle_greeting, [CM_GREETING] = handle_greeting,
	[CM_FALLBACK] = handle_fallback,
};

/* A refusal, a confirmation of what the message logged, or the answer of its kind. */
static int
reply(struct coach *k)
{
	const struct cm_class	*cls;
	enum cm_kind		 kd;

	if (cm_is_injection(&k->w, k->c->message)) {
		set_class(k, "advice_request", "general", "neutral");
		ct_put(&k->t, ct_refusal(k->t.lang));
		return 0;
	}
	if (try_logged(k))
		return 0;
	kd = cm_kind_of(&k->w);
	cls = cm_class_of(kd);
	set_class(k, cls->intent, cls->topic, cls->emotion);
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
			to = "spending";
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
