/*
 * coach_spend.c: the local coach's answers about spending (coach_int.h):
 * how much, of what (a category, subcategories, a merchant) and when (any
 * period coach_when.h reads); where most of it went; the biggest expenses;
 * the latest ones; more or less than another period or an amount; the
 * average a month or a week; the payments that come back; income. When a
 * question asks for what the facts cannot give (a split by time of day, a
 * period with no dates, days still to come), the answer says so and what it
 * answers instead.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach_int.h"
#include "domain/coach_match.h"
#include "domain/coach_text.h"
#include "domain/coach_when.h"
#include "domain/facts.h"
#include "domain/lang.h"
#include "domain/txtparse.h"

#define MAX_ITEMS	10	/* items listed in one sentence */
#define ITEM_LEN	160
#define TOP_TXNS	5
#define LIST_TXNS	5
#define AVG_MONTHS	3	/* an average's months when none are said */
#define MAX_MONTHS	12
#define AVG_WEEKS	4
#define MONTHS_ASKED	6	/* months weighed by "which month…" when none are said */

/* A question about spending, read. */
struct ask {
	struct cw_when	 wh;
	struct cw_period p;		/* the period answered */
	int		 said;		/* the message named it */
	struct cm_subject sj;
	int		 has_subject;
	char		 unread[48];	/* a subject no table read ("joe s pizza"), or "" */
	struct cm_subject sj2;		/* "more on coffee than on groceries": groceries */
	int		 has_sj2;
	enum cm_shape	 shape;
	enum cm_filter	 filter;
};

/* Items of a list, each copied out of the text ring. */
struct items {
	char		 buf[MAX_MONTHS > MAX_ITEMS ? MAX_MONTHS : MAX_ITEMS][ITEM_LEN];
	const char	*ptr[MAX_MONTHS > MAX_ITEMS ? MAX_MONTHS : MAX_ITEMS];
	size_t		 n;
};

static void
item_add(struct items *it, const char *s)
{
	if (it->n >= sizeof(it->buf) / sizeof(it->buf[0]))
		return;
	lang_clip(it->buf[it->n], ITEM_LEN, s);
	it->ptr[it->n] = it->buf[it->n];
	it->n++;
}

static long
upto_today(const struct coach *k, long to)
{
	return to > k->today ? k->today : to;
}

/*
 * 1 if the message may name a merchant the tables do not: a subject no
 * table read, a capital inside, a number after a word of place ("no 99"),
 * or three words or fewer ("Mango?").
 */
static int
may_name_merchant(const struct coach *k, const struct ask *a)
{
	const char	*m = k->c->message, *p;

	size_t		 i;

	if (a->unread[0] != '\0' || k->w.n <= 3)
		return 1;
	for (i = 1; i < k->w.n; i++)	/* "no 99", "paguei de 99" */
		if (k->w.text[k->w.off[i]] >= '0' && k->w.text[k->w.off[i]] <= '9' &&
		    cm_word_is(&k->w, i - 1, "no|na|com|at|en|pelo|pela|do|da|con|de"))
			return 1;
	for (p = m + 1; *p; p++)
		if (*p >= 'A' && *p <= 'Z' && (p[-1] == ' ' || p[-1] == '\''))
			return 1;
	return 0;
}

/*
 * The merchant of the user's own transactions (the last 400 days) that the
 * message names, the longest name, into out; 1 if one, else 0.
 */
static int
find_own_merchant(struct coach *k, int loose, char *out, size_t outlen)
{
	const struct facts_src	*f = k->c->facts;
	struct fact_agg_q	 q;
	size_t			 i, n = 0, len, best = SIZE_MAX, blen = 0;

	if (f == NULL || f->aggregate == NULL)
		return 0;
	memset(&q, 0, sizeof(q));
	q.from = k->today - 400;
	q.to = k->today;
	q.category = CAT_COUNT;
	q.group_by = "merchant";
	if (co_fact_read(k, f->aggregate(f->ctx, &q, k->aggs, MAX_AGGS, &n)) == -1)
		return 0;
	for (i = 0; i < n && i < MAX_AGGS; i++)
		if ((len = strlen(k->aggs[i].key)) > blen &&
		    cm_names_merchant(&k->w, k->c->message, k->aggs[i].key, loose)) {
			best = i;
			blen = len;
		}
	if (best == SIZE_MAX)
		return 0;
	lang_clip(out, outlen, k->aggs[best].key);
	return 1;
}

int
co_names_own_merchant(struct coach *k)
{
	if (!cm_asks_amount(&k->w))
		return 0;
	return find_own_merchant(k, 1, k->own_merchant, sizeof(k->own_merchant));
}

/*
 * A merchant of the user's own transactions that the question names and
 * the tables did not take for one ("Mango", "Extra", a name they do not
 * know) is the subject.
 */
static void
own_merchant(struct coach *k, struct ask *a)
{
	char	 name[CM_MERCHANT_MAX];

	if (a->sj.merchant[0] != '\0')
		return;
	if (k->own_merchant[0] != '\0')
		lang_clip(name, sizeof(name), k->own_merchant);
	else if (!may_name_merchant(k, a) || !find_own_merchant(k, 0, name, sizeof(name)))
		return;
	memset(&a->sj, 0, sizeof(a->sj));
	a->sj.cat = CAT_COUNT;
	lang_clip(a->sj.merchant, sizeof(a->sj.merchant), name);
	a->has_subject = 1;
}

/*
 * "more on coffee than on groceries": a subject on each side of "than",
 * the first in a->sj, the other in a->sj2; else a->sj as it was.
 */
static void
two_subjects(struct coach *k, struct ask *a)
{
	struct cm_words		*part;
	struct cm_subject	 one, two;
	size_t			 than, start;
	int			 has_one;

	if (!cm_than_at(&k->w, &than) || (part = malloc(sizeof(*part))) == NULL)
		return;
	memcpy(k->scratch, k->w.text, k->w.off[than]);
	k->scratch[k->w.off[than]] = '\0';
	cm_words_init(part, k->scratch);
	has_one = cm_subject(part, k->t.lang, &one);
	start = k->w.off[than] + k->w.len[than];
	cm_words_init(part, k->w.text + start);
	if (has_one && cm_subject(part, k->t.lang, &two) &&
	    (strcmp(one.merchant, two.merchant) != 0 || one.name != two.name ||
	    one.cat != two.cat)) {
		a->sj = one;
		a->has_subject = 1;
		a->sj2 = two;
		a->has_sj2 = 1;
	}
	free(part);
}

static void
read_ask(struct coach *k, struct ask *a)
{
	memset(a, 0, sizeof(*a));
	cw_parse(&k->w, k->today, 0, &a->wh);
	a->has_subject = cm_subject(&k->w, k->t.lang, &a->sj);
	a->shape = cm_shape_of(&k->w);
	a->filter = cm_filter_of(&k->w);
	if (!a->has_subject && a->filter == CM_F_NONE)
		cm_unread_subject(&k->w, a->unread, sizeof(a->unread));
	own_merchant(k, a);
	/* a subject found, or dates it says it cannot read ("navidad"), said once */
	if (a->has_subject || (a->wh.unread[0] != '\0' && strstr(a->unread, a->wh.unread)))
		a->unread[0] = '\0';
	if (a->shape == CM_SH_TOTAL && a->wh.n >= 2 &&
	    cm_find(&k->w, "more|less|mais|menos|mas|higher|lower|maior|menor|mayor"))
		a->shape = CM_SH_COMPARE;	/* "gastei mais em outubro ou em setembro?" */
	if (a->shape == CM_SH_COMPARE)
		two_subjects(k, a);
	if (a->wh.n > 0) {
		a->p = a->wh.p[0];
		a->said = 1;
	} else
		cw_named(CAL_THIS_MONTH, k->today, &a->p);
}

static const struct cm_subject *
subject(const struct ask *a)
{
	return a->has_subject ? &a->sj : NULL;
}

/* What the subject is called: a merchant, subcategories, a category; NULL for all spending. */
static const char *
subject_name(struct coach *k, const struct cm_subject *sj)
{
	if (sj == NULL)
		return NULL;
	if (sj->merchant[0] != '\0')
		return sj->merchant;
	if (sj->name != NULL)
		return ct_subject(&k->t, sj->name);
	return sj->has_cat ? ct_category(&k->t, sj->cat) : NULL;
}

/* " on groceries", " at Uber", or "" for all spending. */
static const char *
subject_phrase(struct coach *k, const struct cm_subject *sj)
{
	const char *name = subject_name(k, sj);

	if (name == NULL)
		return "";
	return TR(&k->t, sj->merchant[0] != '\0' ? M_AT_SUBJ : M_ON_SUBJ, name);
}

/* What the answer leaves out of the question, said first. */
static void
say_limits(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	static const enum ct_msg names[] = { [CM_F_TIME] = M_F_TIME,
	    [CM_F_WEEKDAY] = M_F_WEEKDAY, [CM_F_PAYMENT] = M_F_PAYMENT,
	    [CM_F_PERSON] = M_F_PERSON };

	if (a->filter != CM_F_NONE)
		SAY(t, M_CANT_SPLIT, TR(t, names[a->filter]));
	if (a->unread[0] != '\0')
		SAY(t, M_CANT_SUBJECT, a->unread);
	if (a->wh.unread[0] != '\0')
		SAY(t, M_CANT_DATES, a->wh.unread, ct_span(t, a->p.from, upto_today(k, a->p.to)));
}

/* The category's share of everything spent in the same days. */
static void
say_share(struct coach *k, long from, long to, int64_t part)
{
	struct spend	 all;

	co_load_spend(k, from, to, NULL, &all);
	if (all.state == D_OK && all.total > 0 && part <= all.total && part * 100 >= all.total)
		SAY(&k->t, M_SHARE, ct_int(&k->t, part * 100 / all.total));
}

static void
say_top_categories(struct coach *k, const struct spend *s)
{
	struct ct	*t = &k->t;
	struct items	 it;
	size_t		 i;

	memset(&it, 0, sizeof(it));
	for (i = 0; i < s->ntop; i++)
		item_add(&it, CONCAT(t, ct_category(t, s->top[i].cat), " (",
		    ct_money(t, s->top[i].amount), ")"));
	if (it.n > 0)
		SAY(t, M_TOP, ct_join(t, it.ptr, it.n));
}

/* This month, last month or the last 30 days: what the intake's usual expenses say of it. */
static void
say_plan_comparison(struct coach *k, const struct ask *a, const struct spend *s)
{
	struct ct	*t = &k->t;
	struct intake	 in;
	long		 y, m, d;
	int		 this_month, whole;

	cal_date(k->today, &y, &m, &d);
	this_month = (a->p.how == CW_NAMED && a->p.named == CAL_THIS_MONTH) ||
	    (a->p.how == CW_MONTH && a->p.y == y && a->p.m == m);
	whole = (a->p.how == CW_NAMED && (a->p.named == CAL_LAST_MONTH ||
	    a->p.named == CAL_LAST_30_DAYS)) || (a->p.how == CW_MONTH && a->p.to < k->today &&
	    cal_months_between(a->p.from, k->today) == 1);
	if (!this_month && !whole)
		return;
	co_load_intake(k, &in);
	if (in.state != D_OK || !in.has_expenses || in.expenses <= 0)
		return;
	if (s->total > in.expenses) {
		co_set_class(k, NULL, NULL, "cautious");
		SAY(t, M_OVER_BASE, ct_money(t, s->total - in.expenses), ct_money(t, in.expenses));
	} else if (this_month)
		SAY(t, M_LEFT_BASE, ct_money(t, in.expenses - s->total), ct_money(t, in.expenses));
	else
		SAY(t, M_WITHIN_BASE, ct_money(t, in.expenses));
}

/* Spending of a subcategory's category that has no subcategory yet may be some of it. */
static void
say_unsorted(struct coach *k, const struct cm_subject *sj, const struct spend *s)
{
	struct ct	*t = &k->t;

	if (sj != NULL && sj->nsubs > 0 && sj->has_cat && s->unsorted > 0)
		SAY(t, M_UNSORTED, ct_money(t, s->unsorted), ct_category(t, sj->cat),
		    subject_name(k, sj));
}

static int
spend_total(struct coach *k, const struct ask *a)
{
	struct ct		*t = &k->t;
	const struct cm_subject	*sj = subject(a);
	long			 from = a->p.from, to = upto_today(k, a->p.to);
	const char		*label, *dates, *name;
	struct spend		 s;

	co_load_spend(k, from, to, sj, &s);
	if (s.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	label = ct_when(t, &a->p, to, k->today);
	dates = ct_when_dates(t, &a->p, from, to);
	name = subject_name(k, sj);
	if (s.total <= 0) {
		if (sj != NULL && sj->merchant[0] != '\0')
			SAY(t, M_NONE_AT, name, label, dates);
		else if (name != NULL)
			SAY(t, M_NONE_CAT, name, label, dates);
		else
			SAY(t, M_NONE_ALL, label, dates);
		if (s.unsorted > 0)
			say_unsorted(k, sj, &s);
		else
			SAY(t, M_LOG_TIP);
		return 0;
	}
	if (name == NULL) {
		SAY(t, M_SPENT_ALL, ct_money(t, s.total), label, dates,
		    ct_count(t, s.count, N_TRANSACTION));
		say_top_categories(k, &s);
		say_plan_comparison(k, a, &s);
		return 0;
	}
	SAY(t, sj->merchant[0] != '\0' ? M_SPENT_AT : M_SPENT_CAT, ct_money(t, s.total), name,
	    label, dates, ct_count(t, s.count, N_TRANSACTION));
	say_share(k, from, to, s.total);
	say_unsorted(k, sj, &s);
	return 0;
}

/* Where the money went: the biggest categories and merchants. */
static int
spend_where(struct coach *k, const struct ask *a)
{
	struct ct		*t = &k->t;
	const struct facts_src	*f = k->c->facts;
	const struct cm_subject	*sj = subject(a);
	long			 from = a->p.from, to = upto_today(k, a->p.to);
	struct fact_agg_q	 q;
	struct items		 it;
	size_t			 i, n = 0;

	if (spend_total(k, a) == -1 || f == NULL || f->aggregate == NULL)
		return 0;
	memset(&q, 0, sizeof(q));
	q.from = from;
	q.to = to;
	q.category = sj != NULL && sj->has_cat && sj->merchant[0] == '\0' ? (int)sj->cat :
	    CAT_COUNT;
	q.subcategory = sj != NULL && sj->nsubs == 1 ? sj->subs[0] : NULL;
	q.group_by = "merchant";
	if (co_fact_read(k, f->aggregate(f->ctx, &q, k->aggs, MAX_AGGS, &n)) == -1)
		return 0;
	memset(&it, 0, sizeof(it));
	for (i = 0; i < n && i < MAX_AGGS && it.n < MAX_TOP; i++)
		if (k->aggs[i].key[0] != '\0' && k->aggs[i].amount > 0)
			item_add(&it, CONCAT(t, ct_clip(t, k->aggs[i].key, 48), " (",
			    ct_money(t, k->aggs[i].amount), ")"));
	if (it.n > 0)
		SAY(t, M_WHERE_AT, ct_join(t, it.ptr, it.n));
	return 0;
}

/* The transactions of a question, newest first, into k->txns. */
static int
find_txns(struct coach *k, const struct ask *a, int dated, size_t max, size_t *n, int *more)
{
	const struct facts_src	*f = k->c->facts;
	const struct cm_subject	*sj = subject(a);
	struct fact_txn_q	 q;

	*n = 0;
	*more = 0;
	if (f == NULL || f->transactions == NULL)
		return -1;
	memset(&q, 0, sizeof(q));
	q.has_from = q.has_to = dated;
	q.from = a->p.from;
	q.to = upto_today(k, a->p.to);
	q.kind = FACT_KIND_SPENDING;
	q.category = CAT_COUNT;
	if (sj != NULL && sj->merchant[0] != '\0')
		q.merchant = sj->merchant;
	else if (sj != NULL) {
		q.category = sj->has_cat ? (int)sj->cat : CAT_COUNT;
		q.subcategory = sj->nsubs == 1 ? sj->subs[0] : NULL;
	}
	return co_fact_read(k, f->transactions(f->ctx, &q, k->txns, max, n, more));
}

/* A transaction counts when it is spending (or a fee) of the subject's subcategories. */
static int
txn_counts(const struct ask *a, const struct fact_txn *x)
{
	size_t	 i;

	if ((x->kind != KIND_SPENDING && x->kind != KIND_FEE) || x->amount <= 0)
		return 0;
	if (!a->has_subject || a->sj.nsubs <= 1 || a->sj.merchant[0] != '\0')
		return 1;
	for (i = 0; i < a->sj.nsubs; i++)
		if (strcmp(a->sj.subs[i], x->subcategory) == 0)
			return 1;
	return 0;
}

static const char *
txn_item(struct coach *k, const struct fact_txn *x)
{
	struct ct	*t = &k->t;
	const char	*name = x->merchant[0] ? x->merchant : x->description;

	if (name[0] == '\0')
		name = ct_category(t, x->category);
	return CONCAT(t, "“", ct_clip(t, name, 48), "” (", ct_money_in(t, x->amount,
	    x->currency[0] ? x->currency : t->cur), ", ", ct_date(t, x->date, 0), ")");
}

/* " this month (Nov 1 – Nov 24, 2026)" pieces: the label with its space, and the dates. */
static void
when_pieces(struct coach *k, const struct ask *a, const char **label, const char **dates)
{
	long	 to = upto_today(k, a->p.to);

	*label = CONCAT(&k->t, " ", ct_when(&k->t, &a->p, to, k->today));
	*dates = ct_when_dates(&k->t, &a->p, a->p.from, to);
}

static int
spend_top(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	struct items	 it;
	const char	*label, *dates;
	size_t		 n, i, j, best;
	int		 more, taken[MAX_TXNS];

	if (find_txns(k, a, 1, MAX_TXNS, &n, &more) == -1) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	memset(taken, 0, sizeof(taken));
	memset(&it, 0, sizeof(it));
	for (j = 0; j < TOP_TXNS; j++) {
		best = n;
		for (i = 0; i < n && i < MAX_TXNS; i++)
			if (!taken[i] && txn_counts(a, &k->txns[i]) &&
			    (best == n || k->txns[i].amount > k->txns[best].amount))
				best = i;
		if (best == n)
			break;
		taken[best] = 1;
		item_add(&it, txn_item(k, &k->txns[best]));
	}
	when_pieces(k, a, &label, &dates);
	if (it.n == 0)
		return spend_total(k, a);
	SAY(t, M_TOP_TXNS, subject_phrase(k, subject(a)), label, dates, ct_join(t, it.ptr, it.n));
	if (more)
		SAY(t, M_TOP_OF_LATEST, ct_int(t, MAX_TXNS));
	return 0;
}

static int
spend_list(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	struct items	 it;
	const char	*label = "", *dates = "";
	size_t		 n, i;
	int		 more;

	if (find_txns(k, a, a->said, MAX_TXNS, &n, &more) == -1) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	memset(&it, 0, sizeof(it));
	for (i = 0; i < n && i < MAX_TXNS; i++) {
		if (!txn_counts(a, &k->txns[i]))
			continue;
		if (it.n == LIST_TXNS) {
			more = 1;
			break;
		}
		item_add(&it, txn_item(k, &k->txns[i]));
	}
	if (it.n == 0)
		return spend_total(k, a);
	if (a->said)
		when_pieces(k, a, &label, &dates);
	SAY(t, M_LIST, subject_phrase(k, subject(a)), label, dates, ct_join(t, it.ptr, it.n));
	if (more)
		SAY(t, M_LIST_MORE);
	return 0;
}

/* ---- comparisons ------------------------------------------------------------------ */

/* Two stretches of days to weigh, each with how it is said. */
struct pair {
	long		 af, at, bf, bt;	/* a: the one asked about, b: the other */
	const char	*alabel, *blabel;
	long		 whole_from, whole_to;	/* b's whole month when b is part of one, else 0 */
	long		 whole_m;
};

static void
pair_periods(struct coach *k, const struct cw_period *a, const struct cw_period *b,
    struct pair *pr)
{
	pr->af = a->from;
	pr->at = upto_today(k, a->to);
	pr->bf = b->from;
	pr->bt = upto_today(k, b->to);
	pr->alabel = ct_when(&k->t, a, pr->at, k->today);
	pr->blabel = ct_when(&k->t, b, pr->bt, k->today);
}

/* This month, week or year so far against the same days of the one before. */
static void
pair_to_date(struct coach *k, enum cal_period cur, struct pair *pr)
{
	struct ct	*t = &k->t;
	long		 y, m, d, len;

	cal_period_range(cur, k->today, &pr->af, &pr->at);
	len = pr->at - pr->af;
	pr->alabel = ct_period(t, cur);
	if (cur == CAL_THIS_WEEK) {
		pr->bf = pr->af - 7;
		pr->bt = pr->bf + len;
		pr->blabel = TR(t, M_SAME_DAYS_WEEK);
		return;
	}
	cal_date(k->today, &y, &m, &d);
	if (cur == CAL_THIS_YEAR) {
		len = cal_month_days(y - 1, m);
		pr->bf = cal_days(y - 1, 1, 1);
		pr->bt = cal_days(y - 1, m, d < len ? d : len);
		pr->blabel = TR(t, M_SAME_DAYS_YEAR);
		return;
	}
	pr->bf = cal_add_months(pr->af, -1);
	cal_date(pr->bf, &y, &m, &len);
	len = cal_month_days(y, m);
	pr->bt = cal_days(y, m, d < len ? d : len);
	pr->blabel = TR(t, M_SAME_DAYS_MONTH);
	if (d < len) {
		cal_month_range(y, m, &pr->whole_from, &pr->whole_to);
		pr->whole_m = m;
	}
}

/* The period before p of the same length (a month before a month, a year before a year). */
static void
period_before(struct coach *k, const struct cw_period *p, struct cw_period *out)
{
	long	 y, m, d;

	if (p->how == CW_MONTH) {
		cal_date(cal_add_months(p->from, -1), &y, &m, &d);
		cw_month(y, m, out);
		return;
	}
	memset(out, 0, sizeof(*out));
	if (p->how == CW_YEAR) {
		out->how = CW_YEAR;
		out->y = p->y - 1;
		out->from = cal_days(out->y, 1, 1);
		out->to = cal_days(out->y, 12, 31);
		return;
	}
	out->how = CW_RANGE;
	out->to = p->from - 1;
	out->from = out->to - (upto_today(k, p->to) - p->from);
}

/*
 * The week, month or year a period is, when it is this one or the one
 * before (CAL_THIS_WEEK, CAL_THIS_MONTH, CAL_THIS_YEAR), else -1.
 */
static int
unit_of(const struct coach *k, const struct cw_period *p)
{
	long	 y, m, d;

	cal_date(k->today, &y, &m, &d);
	if (p->how == CW_NAMED && (p->named == CAL_THIS_WEEK || p->named == CAL_LAST_WEEK))
		return CAL_THIS_WEEK;
	if ((p->how == CW_NAMED && (p->named == CAL_THIS_MONTH || p->named == CAL_LAST_MONTH)) ||
	    (p->how == CW_MONTH && cal_months_between(p->from, k->today) <= 1 &&
	    p->from <= k->today))
		return CAL_THIS_MONTH;
	if ((p->how == CW_NAMED && (p->named == CAL_THIS_YEAR || p->named == CAL_LAST_YEAR)) ||
	    (p->how == CW_YEAR && (p->y == y || p->y == y - 1)))
		return CAL_THIS_YEAR;
	return -1;
}

/*
 * Which periods a comparison weighs: two said, or one and the one before
 * it. This week, month or year against the one before weighs the same days
 * of each, for the current one is not over.
 */
static void
pick_pair(struct coach *k, const struct ask *a, struct pair *pr)
{
	const struct cw_period *p = &a->p;
	struct cw_period prev;
	long		 y, m, d;
	int		 u;

	memset(pr, 0, sizeof(*pr));
	if (a->wh.n >= 2) {
		u = unit_of(k, &a->wh.p[0]);
		if (u >= 0 && u == unit_of(k, &a->wh.p[1]) && (a->wh.p[0].to >= k->today ||
		    a->wh.p[1].to >= k->today) && a->wh.p[0].from != a->wh.p[1].from)
			pair_to_date(k, (enum cal_period)u, pr);
		else
			pair_periods(k, &a->wh.p[0], &a->wh.p[1], pr);
		return;
	}
	cal_date(k->today, &y, &m, &d);
	if (!a->said || (p->how == CW_NAMED && (p->named == CAL_THIS_MONTH ||
	    p->named == CAL_LAST_MONTH)) || (p->how == CW_MONTH && p->to >= k->today) ||
	    (p->how == CW_MONTH && cal_months_between(p->from, k->today) == 1)) {
		pair_to_date(k, CAL_THIS_MONTH, pr);
		return;
	}
	if (p->how == CW_NAMED && (p->named == CAL_THIS_WEEK || p->named == CAL_LAST_WEEK)) {
		pair_to_date(k, CAL_THIS_WEEK, pr);
		return;
	}
	if ((p->how == CW_NAMED && (p->named == CAL_THIS_YEAR || p->named == CAL_LAST_YEAR)) ||
	    (p->how == CW_YEAR && p->y == y)) {
		pair_to_date(k, CAL_THIS_YEAR, pr);
		return;
	}
	period_before(k, p, &prev);
	pair_periods(k, p, &prev, pr);
}

static const char *
diff_text(struct coach *k, int64_t a, int64_t b)
{
	struct ct	*t = &k->t;

	if (a > b) {
		co_set_class(k, NULL, NULL, "cautious");
		if (b <= 0)
			return TR(t, M_DIFF_MORE_ABS, ct_money(t, a - b));
		return TR(t, M_DIFF_MORE, ct_money(t, a - b), ct_int(t, (a - b) * 100 / b));
	}
	if (a < b) {
		co_set_class(k, NULL, NULL, "encouraging");
		return TR(t, M_DIFF_LESS, ct_money(t, b - a), ct_int(t, (b - a) * 100 / b));
	}
	return TR(t, M_DIFF_SAME);
}

static const char *
range_dates(struct coach *k, long from, long to)
{
	char	 f[11], e[11];

	cal_format(from, f);
	cal_format(to, e);
	return ct_range(&k->t, f, e);
}

/* "Did I spend more than 500 on food?": the period's spending against an amount. */
static int
spend_limit(struct coach *k, const struct ask *a, int64_t limit)
{
	struct ct		*t = &k->t;
	const struct cm_subject	*sj = subject(a);
	long			 from = a->p.from, to = upto_today(k, a->p.to);
	struct spend		 s;

	co_load_spend(k, from, to, sj, &s);
	if (s.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	SAY(t, s.total > limit ? M_LIMIT_OVER : M_LIMIT_UNDER, ct_money(t, s.total),
	    subject_phrase(k, sj), ct_when(t, &a->p, to, k->today),
	    ct_when_dates(t, &a->p, from, to),
	    ct_money(t, s.total > limit ? s.total - limit : limit - s.total), ct_money(t, limit));
	if (s.total > limit)
		co_set_class(k, NULL, NULL, "cautious");
	return 0;
}

static int
spend_compare(struct coach *k, const struct ask *a)
{
	struct ct		*t = &k->t;
	const struct cm_subject	*sj = subject(a);
	struct txt_amount	 lim;
	struct spend		 sa, sb, sw;
	struct pair		 pr;

	if (a->wh.n <= 1 && cm_price(k->c->message, lang_code(t->lang), t->cur, &lim) == 0 &&
	    strcmp(lim.currency, t->cur) == 0)
		return spend_limit(k, a, lim.amount_cents);
	if (a->has_sj2) {
		long from = a->p.from, to = upto_today(k, a->p.to);

		co_load_spend(k, from, to, sj, &sa);
		co_load_spend(k, from, to, &a->sj2, &sb);
		if (sa.state != D_OK || sb.state != D_OK) {
			SAY(t, M_UNAVAILABLE);
			return 0;
		}
		SAY(t, M_CMP_SUBJ, ct_money(t, sa.total), subject_phrase(k, sj),
		    ct_when(t, &a->p, to, k->today), range_dates(k, from, to),
		    ct_money(t, sb.total), subject_phrase(k, &a->sj2),
		    diff_text(k, sa.total, sb.total));
		return 0;
	}
	pick_pair(k, a, &pr);
	co_load_spend(k, pr.af, pr.at, sj, &sa);
	co_load_spend(k, pr.bf, pr.bt, sj, &sb);
	if (sa.state != D_OK || sb.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	SAY(t, M_CMP, ct_money(t, sa.total), subject_phrase(k, sj), pr.alabel,
	    range_dates(k, pr.af, pr.at), ct_money(t, sb.total), pr.blabel,
	    range_dates(k, pr.bf, pr.bt), diff_text(k, sa.total, sb.total));
	if (pr.whole_from != 0) {
		co_load_spend(k, pr.whole_from, pr.whole_to, sj, &sw);
		if (sw.state == D_OK)
			SAY(t, M_CMP_FULL, ct_month(t, pr.whole_m), ct_money(t, sw.total));
	}
	return 0;
}

/* ---- averages --------------------------------------------------------------------- */

/* The average a week over the last complete weeks, or over the weeks of the period said. */
static int
spend_weekly(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	struct cw_period p;
	struct spend	 s;
	long		 from, to, weeks;

	if (a->said && upto_today(k, a->p.to) - a->p.from >= 6) {
		p = a->p;
		from = p.from;
		to = upto_today(k, p.to);
	} else {
		to = k->today - cal_weekday(k->today) - 1;
		from = to - 7 * AVG_WEEKS + 1;
		memset(&p, 0, sizeof(p));
		p.how = CW_RANGE;
		p.from = from;
		p.to = to;
	}
	weeks = (to - from + 1) / 7;
	co_load_spend(k, from, to, subject(a), &s);
	if (s.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	SAY(t, M_AVG_WEEK, ct_money(t, (s.total * 7 + (to - from + 1) / 2) / (to - from + 1)),
	    subject_phrase(k, subject(a)), ct_when(t, &p, to, k->today),
	    ct_when_dates(t, &p, from, to), ct_int(t, weeks));
	return 0;
}

/* The complete months an average weighs: those of the period said, else the last three. */
static size_t
avg_months(struct coach *k, const struct ask *a, long *first)
{
	long	 last = cal_add_months(cal_month_start(k->today), -1);	/* last month's first day */
	long	 start, end;
	size_t	 n;

	*first = cal_add_months(last, -(AVG_MONTHS - 1));
	if (!a->said)
		return AVG_MONTHS;
	start = cal_month_start(a->p.from);
	if (start != a->p.from)
		start = cal_add_months(start, 1);
	end = cal_month_start(upto_today(k, a->p.to));
	if (upto_today(k, a->p.to) != cal_add_months(end, 1) - 1)
		end = cal_add_months(end, -1);
	if (end > last)
		end = last;
	if (start > end)
		return AVG_MONTHS;
	n = (size_t)cal_months_between(start, end) + 1;
	if (n > MAX_MONTHS) {
		start = cal_add_months(end, -(MAX_MONTHS - 1));
		n = MAX_MONTHS;
	}
	*first = start;
	return n;
}

/*
 * The first month of the user's history from first on (months before it
 * are no spending, only no data), or first when it cannot be read.
 */
static long
history_start(struct coach *k, long first, long last)
{
	const struct facts_src	*f = k->c->facts;
	struct fact_agg_q	 q;
	size_t			 n = 0;
	long			 y, m;

	if (f == NULL || f->aggregate == NULL)
		return first;
	memset(&q, 0, sizeof(q));
	q.from = first;
	q.to = last;
	q.category = CAT_COUNT;
	q.group_by = "month";
	if (co_fact_read(k, f->aggregate(f->ctx, &q, k->aggs, 1, &n)) == -1 || n == 0)
		return n == 0 ? last + 1 : first;
	if (strlen(k->aggs[0].key) != 7 || (y = strtol(k->aggs[0].key, NULL, 10)) < 1900 ||
	    (m = strtol(k->aggs[0].key + 5, NULL, 10)) < 1 || m > 12)
		return first;
	return cal_days(y, m, 1) > first ? cal_days(y, m, 1) : first;
}

static int
spend_average(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	struct cw_period p;
	struct items	 it;
	struct spend	 s;
	struct intake	 in;
	int64_t		 sum = 0;
	long		 first, last, start, from, to, y, m, d;
	size_t		 n, i;

	if (cm_find(&k->w, "week|weeks|weekly|semana|semanas|semanal|semanais|semanales"))
		return spend_weekly(k, a);
	n = avg_months(k, a, &first);
	last = cal_add_months(first, (long)n) - 1;
	start = history_start(k, first, last);
	if (start > first) {
		n = start > last ? 0 : (size_t)cal_months_between(start, last) + 1;
		first = start;
	}
	if (n == 0) {
		SAY(t, M_AVG_NONE);
		return 0;
	}
	memset(&it, 0, sizeof(it));
	for (i = 0; i < n; i++) {
		from = cal_add_months(first, (long)i);
		to = cal_add_months(from, 1) - 1;
		co_load_spend(k, from, to, subject(a), &s);
		if (s.state != D_OK) {
			SAY(t, M_UNAVAILABLE);
			return 0;
		}
		sum += s.total;
		cal_date(from, &y, &m, &d);
		item_add(&it, CONCAT(t, ct_month(t, m), " (", ct_money(t, s.total), ")"));
	}
	if (n == 1) {
		cal_date(first, &y, &m, &d);
		SAY(t, M_AVG_ONE, ct_month(t, m), ct_money(t, sum), subject_phrase(k, subject(a)));
		return 0;
	}
	memset(&p, 0, sizeof(p));
	p.how = CW_RANGE;
	p.from = first;
	p.to = cal_add_months(first, (long)n) - 1;
	SAY(t, M_AVG, ct_money(t, (sum + (int64_t)n / 2) / (int64_t)n),
	    subject_phrase(k, subject(a)), a->said ? ct_when(t, &p, p.to, k->today) :
	    TR(t, M_LAST_N_MONTHS, ct_count(t, (int64_t)n, N_MONTH)),
	    a->said ? "" : range_dates(k, p.from, p.to), ct_join(t, it.ptr, it.n));
	if (!a->has_subject) {
		co_load_intake(k, &in);
		if (in.state == D_OK && in.has_expenses && in.expenses > 0)
			SAY(t, M_AVG_VS_BASE, ct_money(t, in.expenses));
	}
	return 0;
}

/* Days still to come: nothing spent yet, and the last months' average as a guide. */
/*
 * "which month did I spend the most?", "¿cuál fue mi mes más caro?": the
 * whole months said (else the last six before this one, from the first
 * with data), each with its spending, and the dearest.
 */
static int
spend_months(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	struct items	 it;
	struct spend	 s;
	int64_t		 top = -1;
	long		 first, last, start, from, y, m, d, top_m = 0;
	size_t		 n, i;

	last = cal_add_months(cal_month_start(k->today), -1);
	if (a->said)
		n = avg_months(k, a, &first);
	else {
		n = MONTHS_ASKED;
		first = cal_add_months(last, -(long)(n - 1));
	}
	last = cal_add_months(first, (long)n) - 1;
	start = history_start(k, first, last);
	if (start > first) {
		n = start > last ? 0 : (size_t)cal_months_between(start, last) + 1;
		first = start;
	}
	if (n == 0) {
		SAY(t, M_AVG_NONE);
		return 0;
	}
	memset(&it, 0, sizeof(it));
	for (i = 0; i < n; i++) {
		from = cal_add_months(first, (long)i);
		co_load_spend(k, from, cal_add_months(from, 1) - 1, subject(a), &s);
		if (s.state != D_OK) {
			SAY(t, M_UNAVAILABLE);
			return 0;
		}
		cal_date(from, &y, &m, &d);
		item_add(&it, CONCAT(t, ct_month(t, m), " (", ct_money(t, s.total), ")"));
		if (s.total > top) {
			top = s.total;
			top_m = m;
		}
	}
	SAY(t, M_MONTHS_TOP, subject_phrase(k, subject(a)), ct_month(t, top_m),
	    ct_money(t, top), ct_join(t, it.ptr, it.n));
	return 0;
}

static int
spend_future(struct coach *k, const struct ask *a)
{
	struct ct	*t = &k->t;
	struct spend	 s;
	long		 first = cal_add_months(cal_month_start(k->today), -AVG_MONTHS);
	long		 last = cal_month_start(k->today) - 1;

	SAY(t, M_FUTURE, ct_span(t, a->p.from, a->p.to));
	co_load_spend(k, first, last, subject(a), &s);
	if (s.state == D_OK)
		SAY(t, M_FUTURE_AVG, ct_count(t, AVG_MONTHS, N_MONTH),
		    ct_money(t, (s.total + AVG_MONTHS / 2) / AVG_MONTHS),
		    subject_phrase(k, subject(a)));
	return 0;
}

int
co_spending(struct coach *k)
{
	struct ask	 a;

	read_ask(k, &a);
	say_limits(k, &a);
	if (a.p.from > k->today)
		return spend_future(k, &a);
	if (cm_asks_which_month(&k->w))
		return spend_months(k, &a);
	switch (a.shape) {
	case CM_SH_WHERE:
		return spend_where(k, &a);
	case CM_SH_TOP:
		return spend_top(k, &a);
	case CM_SH_COMPARE:
		return spend_compare(k, &a);
	case CM_SH_AVERAGE:
		return spend_average(k, &a);
	case CM_SH_LIST:
		return spend_list(k, &a);
	case CM_SH_TOTAL:
	default:
		return spend_total(k, &a);
	}
}

/* ---- recurring payments ------------------------------------------------------------ */

static const char *
cadence_text(struct coach *k, const char *cadence)
{
	static const struct { const char *name; enum ct_msg m; } tab[] = {
		{ "weekly", M_WEEKLY }, { "biweekly", M_BIWEEKLY }, { "monthly", M_MONTHLY },
		{ "quarterly", M_QUARTERLY }, { "yearly", M_YEARLY },
	};
	size_t	 i;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strcmp(cadence, tab[i].name) == 0)
			return TR(&k->t, tab[i].m);
	return TR(&k->t, M_MONTHLY);
}

/*
 * Subscriptions: what comes back outside the home, its bills, food and
 * getting around. Food is never a bill: the same supermarket every month
 * is a habit, not a payment that comes back.
 */
static int
is_subscription(const struct fact_recurring *r)
{
	return r->category == CAT_ENTERTAINMENT || r->category == CAT_EDUCATION ||
	    r->category == CAT_HEALTH || r->category == CAT_OTHER || r->category == CAT_CLOTHING;
}

int
co_recurring(struct coach *k)
{
	struct ct		*t = &k->t;
	const struct facts_src	*f = k->c->facts;
	struct items		 it;
	int64_t			 monthly = 0;
	size_t			 i, n = 0, shown = 0, total = 0;
	int			 subs = cm_find(&k->w, "subscription*|assinatura*|suscripcion*|streaming");
	long			 y, m, d, ty;

	if (f == NULL || f->recurring == NULL ||
	    co_fact_read(k, f->recurring(f->ctx, k->recs, FACT_MAX_RECURRING, &n)) == -1) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	cal_date(k->today, &ty, &m, &d);
	memset(&it, 0, sizeof(it));
	for (i = 0; i < n && i < FACT_MAX_RECURRING; i++) {
		const struct fact_recurring *r = &k->recs[i];
		long next;

		if ((subs && !is_subscription(r)) || r->category == CAT_FOOD)
			continue;
		total++;
		monthly += r->monthly;
		if (shown == MAX_ITEMS - 1)
			continue;
		if (cal_parse(r->next, &next) == -1)
			next = k->today;
		cal_date(next < k->today ? k->today : next, &y, &m, &d);
		/* a payment due and not seen yet: when it last came */
		item_add(&it, CONCAT(t, ct_clip(t, r->name, 48), " (", TR(t,
		    next < k->today ? M_REC_LAST : M_REC_NEXT, ct_money(t, r->typical),
		    cadence_text(k, r->cadence), ct_date(t, next < k->today ? r->last : r->next,
		    y != ty)), ")"));
		shown++;
	}
	if (total == 0) {
		SAY(t, subs ? M_REC_NO_SUBS : M_REC_NONE);
		return 0;
	}
	if (total > shown)
		item_add(&it, TR(t, M_REC_MORE, ct_int(t, (int64_t)(total - shown))));
	SAY(t, subs ? M_REC_SUBS : M_REC_LIST, ct_join(t, it.ptr, it.n));
	SAY(t, M_REC_TOTAL, ct_money(t, monthly));
	return 0;
}

/* ---- income ------------------------------------------------------------------------ */

/* Income logged in a period, what is left after that period's spending, and the intake's. */
int
co_income(struct coach *k)
{
	struct ct	*t = &k->t;
	struct ask	 a;
	struct spend	 s;
	struct intake	 in;
	const char	*when, *dates;
	long		 to;

	read_ask(k, &a);
	to = upto_today(k, a.p.to);
	co_load_spend(k, a.p.from, to, NULL, &s);
	if (s.state != D_OK) {
		SAY(t, M_UNAVAILABLE);
		return 0;
	}
	when = ct_when(t, &a.p, to, k->today);
	dates = ct_when_dates(t, &a.p, a.p.from, to);
	if (s.income <= 0)
		SAY(t, M_NO_INCOME, when, dates);
	else {
		SAY(t, M_INCOME, ct_money(t, s.income), when, dates);
		if (s.total > s.income) {
			co_set_class(k, NULL, NULL, "cautious");
			SAY(t, M_INCOME_SHORT, ct_money(t, s.total), ct_money(t, s.total - s.income));
		} else if (s.total > 0)
			SAY(t, M_INCOME_LEFT, ct_money(t, s.total), ct_money(t, s.income - s.total));
	}
	co_load_intake(k, &in);
	if (in.state == D_OK && in.income > 0)
		SAY(t, M_INCOME_INTAKE, ct_money(t, in.income));
	return 0;
}
