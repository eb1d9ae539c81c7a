/*
 * coach_money.c: the local coach's answers that weigh the user's whole
 * situation (coach_int.h): can I afford it (against what is free this
 * month, expensive debt and its interest, the goal's target date, the date
 * asked about), how the goal is going against its target date and the
 * plan's projection, the debts and which to pay first, savings, and why an
 * investment question gets no tip but the groundwork the numbers show.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/coach_int.h"
#include "domain/coach_match.h"
#include "domain/coach_text.h"
#include "domain/coach_when.h"
#include "domain/facts.h"
#include "domain/lang.h"
#include "domain/txtparse.h"

/* Debt at this much a month or more costs more than saving or investing pays. */
#define DEAR_MONTH_MILLI	1000
#define CUSHION_MONTHS		3

/* ---- can I afford it -------------------------------------------------------------- */

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

/* The month asked about when it is after this one ("in December"): months from now, or 0. */
static long
asked_month(struct coach *k, long *y, long *m)
{
	struct cw_when	 wh;
	long		 ty, tm, td, d;
	size_t		 i;

	cw_parse(&k->w, k->today, 1, &wh);
	cal_date(k->today, &ty, &tm, &td);
	for (i = 0; i < wh.n; i++) {
		if (wh.p[i].how != CW_MONTH && wh.p[i].how != CW_DAY)
			continue;
		cal_date(wh.p[i].from, y, m, &d);
		if (*y * 12 + *m > ty * 12 + tm)
			return *y * 12 + *m - (ty * 12 + tm);
	}
	return 0;
}

/* When the purchase would push the goal past its target date, say so. */
static void
say_goal_date(struct coach *k, const struct plan *p, int64_t a)
{
	struct goal	 g;
	long		 target, proj;
	int64_t		 months;

	if (p->state != D_OK || !p->has_save || p->monthly_save <= 0 ||
	    cal_parse(p->goal_date, &proj) == -1)
		return;
	co_load_goal(k, &g);
	if (g.state != D_OK || cal_parse(g.target_date, &target) == -1)
		return;
	months = (a + p->monthly_save - 1) / p->monthly_save;
	if (proj <= target && cal_add_months(proj, months) > target)
		SAY(&k->t, M_AFF_GOAL_DATE, co_goal_label(k, &g), ct_date(&k->t, g.target_date, 1));
}

/*
 * Expensive debt first: anything but a small purchase waits until it is
 * paid, with the reason and what it costs. 1 when that is the answer.
 */
static int
afford_dear_debt(struct coach *k, const struct intake *in, const struct debt *d, int64_t a,
    int64_t free_now, const struct plan *p)
{
	struct ct	*t = &k->t;

	/* small: a tenth of what is free this month, or a fiftieth of the income */
	if ((free_now > 0 && a * 10 <= free_now) || (in->income > 0 && a * 50 <= in->income))
		return 0;
	co_set_class(k, NULL, NULL, "cautious");
	SAY(t, M_AFF_DEBT_NO, ct_money(t, d->balance), co_debt_on(k, d),
	    ct_rate(t, d->rate_milli, d->monthly), ct_money(t, co_debt_interest(d, d->balance)));
	SAY(t, M_AFF_DEBT_SAVE, ct_money(t, a),
	    ct_money(t, co_debt_interest(d, a < d->balance ? a : d->balance)));
	if (p->state == D_OK && cal_valid(p->payoff_date))
		SAY(t, M_AFF_DEBT_WHEN, ct_date(t, p->payoff_date, 1));
	else
		SAY(t, M_AFF_DEBT_AFTER, ct_money(t, a));
	return 1;
}

/* By a month to come: what is free now and the surplus of each month until then. */
static void
afford_by(struct coach *k, const struct intake *in, int64_t a, int64_t free_now, long n,
    long y, long m)
{
	struct ct	*t = &k->t;
	int64_t		 now = free_now > 0 ? free_now : 0;
	int64_t		 by_then = now + in->surplus * n;
	const char	*when = ct_month_year(t, y, m, k->today);

	if (a <= by_then) {
		SAY(t, M_AFF_BY_YES, ct_money(t, a), when, ct_money(t, now), ct_money(t, in->surplus),
		    ct_money(t, by_then));
		SAY(t, M_AFF_BY_SET, ct_money(t, (a + n) / (n + 1)));
		return;
	}
	co_set_class(k, NULL, NULL, "cautious");
	SAY(t, M_AFF_BY_NO, when, ct_money(t, a), ct_money(t, by_then), ct_money(t, a - by_then));
}

/* The verdict; 1 when it says to save for it over months. */
static int
afford_verdict(struct coach *k, const struct intake *in, int64_t a, int64_t free_now)
{
	struct ct	*t = &k->t;
	int64_t		 months = (a + in->surplus - 1) / in->surplus;
	long		 y, m, n;

	if ((n = asked_month(k, &y, &m)) > 0) {
		afford_by(k, in, a, free_now, n, y, m);
		return 0;
	}
	if (a <= free_now) {
		SAY(t, M_AFF_YES, ct_money(t, free_now), ct_money(t, a));
		return 0;
	}
	if (months <= 3) {
		SAY(t, M_AFF_SAVE_UP, ct_money(t, a), ct_count(t, months, N_MONTH),
		    ct_money(t, in->surplus));
		return 0;
	}
	co_set_class(k, NULL, NULL, "cautious");
	SAY(t, M_AFF_NO, ct_money(t, a), ct_count(t, months, N_MONTH), ct_money(t, in->surplus));
	return 1;
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

/* What else weighs on a yes: this month's real spending, the goal, a debt's interest. */
static void
afford_notes(struct coach *k, const struct intake *in, const struct plan *p, int64_t a,
    int64_t spent, const struct debt *d)
{
	struct ct	*t = &k->t;

	if (in->has_expenses && in->expenses > 0 && spent > in->expenses)
		SAY(t, M_AFF_SPENT_MORE, ct_money(t, spent), ct_money(t, in->expenses));
	if (p->state == D_OK && p->has_save && p->monthly_save > 0)
		SAY(t, M_AFF_DELAY, delay_str(k, a, p->monthly_save));
	say_goal_date(k, p, a);
	if (d == NULL)
		return;
	if (d->month_milli >= COSTLY_MONTH_MILLI)
		SAY(t, M_AFF_DEBT_SMALL, ct_money(t, d->balance), ct_rate(t, d->rate_milli,
		    d->monthly));
	else
		SAY(t, M_AFF_DEBT_NOTE, ct_money(t, d->balance), ct_rate(t, d->rate_milli,
		    d->monthly), ct_money(t, a), ct_money(t, co_debt_interest(d,
		    a < d->balance ? a : d->balance)));
}

int
co_afford(struct coach *k)
{
	struct ct		*t = &k->t;
	const struct debt	*d;
	struct intake		 in;
	struct plan		 p;
	struct txt_amount	 price;
	int64_t			 a, free_now, spent;
	int			 has_price, save_for_it;

	co_load_intake(k, &in);
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
		co_set_class(k, NULL, NULL, "cautious");
		SAY(t, M_AFF_GAP, ct_money(t, in.has_expenses ? in.expenses : in.income - in.surplus),
		    ct_money(t, in.income), ct_money(t, a));
		SAY(t, M_AFF_GAP2);
		return 0;
	}
	co_set_class(k, NULL, NULL, "encouraging");
	co_load_plan(k, &p);
	free_now = co_free_this_month(k, &in, &spent);
	d = co_costliest_debt(&in);
	if (d != NULL && d->month_milli >= COSTLY_MONTH_MILLI &&
	    afford_dear_debt(k, &in, d, a, free_now, &p))
		return 0;
	save_for_it = afford_verdict(k, &in, a, free_now);
	afford_notes(k, &in, &p, a, spent, d);
	if (save_for_it)
		SAY(t, M_AFF_NO2);
	return 0;
}

/* ---- the goal --------------------------------------------------------------------- */

static void
say_no_goal(struct coach *k)
{
	struct ct	*t = &k->t;
	struct intake	 in;

	SAY(t, M_NO_GOAL);
	SAY(t, M_HOW_GOAL);
	co_load_intake(k, &in);
	if (in.state == D_OK && in.surplus > 0)
		SAY(t, M_SURPLUS_FOR_GOAL, ct_money(t, in.surplus));
}

/* No target date: when the plan gets there. */
static void
say_goal_eta(struct coach *k)
{
	struct ct	*t = &k->t;
	struct plan	 p;

	co_load_plan(k, &p);
	if (p.state == D_NONE)
		SAY(t, M_GOAL_NO_PLAN);
	else if (p.state == D_OK && p.goal_date[0] && p.has_save && p.monthly_save > 0 &&
	    p.has_timeline && p.timeline > 0)
		SAY(t, M_GOAL_ETA, ct_money(t, p.monthly_save), ct_date(t, p.goal_date, 1),
		    ct_count(t, p.timeline, N_MONTH));
	else if (p.state == D_OK && p.goal_date[0] == '\0')
		SAY(t, M_GOAL_NO_ETA);
}

/* What reaching it by the date takes, against the surplus. */
static void
say_goal_need(struct coach *k, const char *date, int64_t need)
{
	struct ct	*t = &k->t;
	struct intake	 in;

	co_load_intake(k, &in);
	if (in.state != D_OK)
		return;
	if (in.surplus < need)
		co_set_class(k, NULL, NULL, "cautious");
	SAY(t, M_GOAL_NEED_ONLY, date, ct_money(t, need), ct_money(t, in.surplus),
	    in.surplus >= need ? TR(t, M_GOAL_ENOUGH) :
	    TR(t, M_GOAL_SHORT, ct_money(t, need - in.surplus)));
}

/* A target date: ahead of it or behind it, by the plan's projection, with numbers. */
static void
say_goal_vs_date(struct coach *k, const struct goal *g)
{
	struct ct	*t = &k->t;
	struct plan	 p;
	const char	*date = ct_date(t, g->target_date, 1);
	long		 target, proj, left, n;
	int64_t		 need;

	if (cal_parse(g->target_date, &target) == -1)
		return;
	if (target < k->today) {
		co_set_class(k, NULL, NULL, "cautious");
		SAY(t, M_GOAL_PAST, date);
		return;
	}
	left = cal_months_between(k->today, target);
	need = (g->target - g->current + (left > 0 ? left : 1) - 1) / (left > 0 ? left : 1);
	co_load_plan(k, &p);
	if (p.state != D_OK || !p.has_save || p.monthly_save <= 0 ||
	    cal_parse(p.goal_date, &proj) == -1) {
		if (p.state == D_OK && p.goal_date[0] == '\0')
			SAY(t, M_GOAL_NO_ETA);
		say_goal_need(k, date, need);
		if (p.state == D_NONE)
			SAY(t, M_GOAL_NO_PLAN);
		return;
	}
	if (proj > target) {
		n = cal_months_between(target, proj);
		co_set_class(k, NULL, NULL, "cautious");
		SAY(t, M_GOAL_BEHIND, ct_money(t, p.monthly_save), ct_date(t, p.goal_date, 1),
		    ct_count(t, n > 0 ? n : 1, N_MONTH), date);
		if (need > p.monthly_save)
			SAY(t, M_GOAL_NEED, date, ct_money(t, need), ct_money(t, need - p.monthly_save));
		return;
	}
	n = cal_months_between(proj, target);
	if (n >= 1)
		SAY(t, M_GOAL_AHEAD, ct_money(t, p.monthly_save), ct_date(t, p.goal_date, 1),
		    ct_count(t, n, N_MONTH), date);
	else
		SAY(t, M_GOAL_ON_TIME, ct_money(t, p.monthly_save), ct_date(t, p.goal_date, 1), date);
}

int
co_progress(struct coach *k)
{
	struct ct	*t = &k->t;
	struct goal	 g;
	int64_t		 pct;

	co_load_goal(k, &g);
	if (g.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (g.state == D_NONE) {
		say_no_goal(k);
		return 0;
	}
	if (strcmp(g.type, "debt_payoff") == 0)
		co_set_class(k, NULL, "debt", NULL);
	if (strcmp(g.status, "achieved") == 0 || g.current >= g.target) {
		co_set_class(k, NULL, NULL, "celebratory");
		SAY(t, M_GOAL_DONE, co_goal_label(k, &g), ct_money(t, g.current),
		    ct_money(t, g.target));
		SAY(t, M_GOAL_NEXT);
		return 0;
	}
	pct = g.current * 100 / g.target;
	SAY(t, M_GOAL_AT, ct_money(t, g.current), ct_money(t, g.target), co_goal_label(k, &g),
	    ct_int(t, pct), ct_money(t, g.target - g.current));
	if (pct >= 75) {
		co_set_class(k, NULL, NULL, "celebratory");
		SAY(t, M_GOAL_CLOSE);
	}
	if (g.target_date[0] != '\0')
		say_goal_vs_date(k, &g);
	else
		say_goal_eta(k);
	if (strcmp(k->res->intent, "goal_update") == 0)
		SAY(t, M_GOAL_CHANGE);
	return 0;
}

/* ---- debts ------------------------------------------------------------------------ */

/* The debts the intake lists, one by one, and what they cost a month. */
static void
say_debts(struct coach *k, const struct intake *in)
{
	struct ct		*t = &k->t;
	const struct debt	*first = co_costliest_debt(in);
	char			 buf[MAX_DEBTS][CLIP_LEN];
	const char		*items[MAX_DEBTS];
	int64_t			 interest = 0;
	size_t			 i, rated = 0;

	for (i = 0; i < in->ndebts; i++) {
		const struct debt *d = &in->debts[i];

		if (d->has_rate) {
			rated++;
			interest += co_debt_interest(d, d->balance);
			lang_clip(buf[i], sizeof(buf[i]), TR(t, M_DEBT_ITEM_RATE, co_debt_name(k, d),
			    ct_money(t, d->balance), ct_rate(t, d->rate_milli, d->monthly)));
		} else
			lang_clip(buf[i], sizeof(buf[i]), TR(t, M_DEBT_ITEM, co_debt_name(k, d),
			    ct_money(t, d->balance)));
		items[i] = buf[i];
	}
	if (in->ndebts == 1 && first != NULL)
		SAY(t, M_DEBT_OWE_ON, ct_money(t, first->balance), co_debt_on(k, first),
		    ct_rate(t, first->rate_milli, first->monthly));
	else {
		SAY(t, M_DEBT_OWE, ct_money(t, in->debt));
		SAY(t, M_DEBT_LIST, ct_join(t, items, in->ndebts));
	}
	if (interest > 0)
		SAY(t, rated > 1 ? M_DEBT_INTEREST : M_DEBT_INTEREST_ONE, ct_money(t, interest));
	if (rated > 1 && first != NULL)
		SAY(t, M_DEBT_FIRST, co_debt_name(k, first), ct_rate(t, first->rate_milli,
		    first->monthly));
	else if (first != NULL && first->month_milli >= COSTLY_MONTH_MILLI)
		SAY(t, M_DEBT_COSTLY, ct_rate(t, first->rate_milli, first->monthly));
	if (first != NULL && first->month_milli >= COSTLY_MONTH_MILLI)
		co_set_class(k, NULL, NULL, "cautious");
}

int
co_debt(struct coach *k)
{
	struct ct	*t = &k->t;
	struct intake	 in;
	struct plan	 p;

	co_load_intake(k, &in);
	if (in.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	if (in.state == D_NONE) {
		SAY(t, M_DEBT_NO_INTAKE);
		return 0;
	}
	if (in.ndebts == 0) {
		SAY(t, M_DEBT_NONE);
		return 0;
	}
	if (k->fi.ndebts > 0)
		say_debts(k, &in);
	else if (in.has_rate && in.rate_bp > 0)
		SAY(t, M_DEBT_OWE_RATE, ct_money(t, in.debt), ct_pct(t, in.rate_bp));
	else
		SAY(t, M_DEBT_OWE, ct_money(t, in.debt));
	co_load_plan(k, &p);
	if (p.state == D_OK && p.payoff_date[0] && p.has_debt_pay && p.monthly_debt > 0)
		SAY(t, M_DEBT_DATE, ct_money(t, p.monthly_debt), ct_date(t, p.payoff_date, 1));
	else if (p.state == D_OK) {
		co_set_class(k, NULL, NULL, "cautious");
		SAY(t, M_DEBT_STUCK);
	} else if (p.state == D_NONE)
		SAY(t, M_DEBT_NO_PLAN);
	return 0;
}

/* ---- savings ---------------------------------------------------------------------- */

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
		co_set_class(k, NULL, NULL, "cautious");
		SAY(t, M_SAV_NEG, ct_pct(t, p->rate_bp));
		return;
	}
	if (p->has_save && p->has_target)
		SAY(t, M_SAV_RATE, ct_money(t, p->monthly_save), ct_pct(t, p->rate_bp),
		    ct_pct(t, p->target_bp));
	if (p->has_target && p->target_bp > 0 && p->rate_bp >= p->target_bp) {
		co_set_class(k, NULL, NULL, "celebratory");
		SAY(t, M_SAV_GREAT);
	}
}

/* Money the user logged as put into savings in the period asked (this month if none). */
static void
say_contributions(struct coach *k)
{
	struct ct		*t = &k->t;
	const struct facts_src	*f = k->c->facts;
	struct fact_agg_q	 q;
	struct cw_when		 wh;
	struct cw_period	 p;
	size_t			 n = 0;
	long			 to;

	if (f == NULL || f->aggregate == NULL)
		return;
	cw_parse(&k->w, k->today, 0, &wh);
	if (wh.n > 0)
		p = wh.p[0];
	else
		cw_named(CAL_THIS_MONTH, k->today, &p);
	if (p.from > k->today)
		return;
	to = p.to > k->today ? k->today : p.to;
	memset(&q, 0, sizeof(q));
	q.from = p.from;
	q.to = to;
	q.kind = "savings_contribution";
	q.category = CAT_COUNT;
	if (co_fact_read(k, f->aggregate(f->ctx, &q, k->aggs, 1, &n)) == -1)
		return;
	if (n > 0 && k->aggs[0].amount > 0)
		SAY(t, M_SAV_CONTRIB, ct_money(t, k->aggs[0].amount), ct_when(t, &p, to, k->today),
		    ct_when_dates(t, &p, p.from, to));
	else if (wh.n > 0)
		SAY(t, M_SAV_NO_CONTRIB, ct_when(t, &p, to, k->today),
		    ct_when_dates(t, &p, p.from, to));
}

int
co_savings(struct coach *k)
{
	struct ct	*t = &k->t;
	struct intake	 in;
	struct plan	 p;

	co_load_intake(k, &in);
	co_load_plan(k, &p);
	if (in.state == D_ERR && p.state == D_ERR) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	say_contributions(k);
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

/* ---- investments ------------------------------------------------------------------- */

/* No tips: the groundwork the numbers show instead (dear debt first, then a cushion). */
int
co_invest(struct coach *k)
{
	struct ct		*t = &k->t;
	const struct debt	*d;
	struct intake		 in;

	SAY(t, M_OOS_INVEST);
	co_load_intake(k, &in);
	if (in.state != D_OK)
		return 0;
	d = co_costliest_debt(&in);
	if (d != NULL && d->month_milli >= DEAR_MONTH_MILLI)
		SAY(t, M_OOS_DEBT_FIRST, co_debt_name(k, d), ct_rate(t, d->rate_milli, d->monthly));
	else if (in.has_expenses && in.expenses > 0 &&
	    (!in.has_savings || in.savings < CUSHION_MONTHS * in.expenses))
		SAY(t, M_OOS_FUND_FIRST, ct_money(t, in.has_savings ? in.savings : 0),
		    ct_money(t, CUSHION_MONTHS * in.expenses));
	else
		SAY(t, M_OOS_READY);
	return 0;
}
