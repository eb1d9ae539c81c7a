/*
 * coach_corpus.c: the coaching corpus runner (coach_corpus.h).
 *
 * The corpus is tab-separated; '#' starts a comment. Money is in major
 * units ("1500.00"), "-" is "none". A persona and its data:
 *
 *   persona  id lang currency today
 *   intake   id income expenses savings
 *   debt     id name balance rate month|year minimum
 *   goal     id name type target current target_date status primary(0|1)
 *   plan     id monthly_savings projected_goal_date monthly_debt_payment
 *            debt_payoff_date timeline_months current_rate target_rate
 *   action   id text
 *   task     id due title amount status
 *   txn      id date amount category subcategory kind merchant description
 *   monthly  id first_date last_date amount category subcategory kind merchant
 *            description        (one on that day of every month, first to last)
 *
 * and a question to that persona, in its language:
 *
 *   q        id in|out message must must_not
 *
 * must and must_not are '|'-separated texts (or "-"): a correct answer has
 * every one of must and none of must_not. A fallback ("I'm not sure I
 * understood") on an in-scope question is counted apart.
 *
 * The facts source answers from the persona's transactions as the store
 * does (svc_facts.c over store_txn.c): spending is spending and fees less
 * refunds, income apart, transfers, debt payments and savings never
 * spending; a merchant matches by name or by merchant key; recurring
 * payments are domain/recurring.c's over the last 400 days.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coach_corpus.h"
#include "core/buf.h"
#include "core/currency.h"
#include "core/num.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach.h"
#include "domain/facts.h"
#include "domain/lang.h"
#include "domain/recurring.h"

#define MAX_PERSONAS	16
#define MAX_TXNS	4000
#define LINE_MAX_LEN	4096
#define MAX_FIELDS	12
#define REPLY_MAX	16384

struct cc_txn {
	long		 day;
	int64_t		 amount;
	enum category	 cat;
	char		 sub[SUBCAT_MAX];
	enum txn_kind	 kind;
	char		 merchant[64];
	char		 desc[128];
	char		 key[128];
};

struct persona {
	char		 id[32];
	enum lang	 lang;
	char		 lang_code[3];
	char		 currency[4];
	int		 digits;
	char		 today[11];
	long		 today_day;
	int		 has_intake, has_plan;
	struct fact_intake intake;
	struct fact_plan plan;
	struct fact_goal goals[FACT_MAX_GOALS];
	size_t		 ngoals;
	struct fact_moves moves;
	struct cc_txn	*txns;		/* into the runner's array */
	size_t		 ntxns;
};

struct runner {
	struct persona	*p;
	size_t		 np;
	struct cc_txn	*txns;
	size_t		 ntxns;
	FILE		*out;
	int		 verbose;
	size_t		 lineno;
	const char	*path;
};

static int
fail(struct runner *r, const char *what)
{
	fprintf(r->out, "%s:%zu: %s\n", r->path, r->lineno, what);
	return -1;
}

static size_t
split(char *line, char **f, size_t max)
{
	size_t	 n = 0;
	char	*p = line;

	while (n < max) {
		char *t = strchr(p, '\t');

		f[n++] = p;
		if (t == NULL)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n;
}

static int
none(const char *s)
{
	return strcmp(s, "-") == 0 || *s == '\0';
}

/* Major units with at most two decimals into minor units of digits. */
static int
money(const struct persona *p, const char *s, int64_t *out)
{
	const char	*err;
	int64_t		 v;
	int		 d;

	if (num_parse_decimal(s, strlen(s), 2, 0, INT64_MAX / 1000, &v, &err) == -1)
		return -1;
	for (d = p->digits; d > 2; d--)
		v *= 10;
	for (; d < 2; d++)
		v /= 10;
	*out = v;
	return 0;
}

/* A percentage with up to three decimals, in thousandths. */
static int
milli(const char *s, int64_t *out)
{
	const char *err;

	return num_parse_decimal(s, strlen(s), 3, 0, 100000000, out, &err);
}

static struct persona *
persona_of(struct runner *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->np; i++)
		if (strcmp(r->p[i].id, id) == 0)
			return &r->p[i];
	return NULL;
}

static int
add_persona(struct runner *r, char **f, size_t n)
{
	struct persona *p;

	if (n != 5 || r->np >= MAX_PERSONAS || persona_of(r, f[1]) != NULL ||
	    lang_parse(f[2], &r->p[r->np].lang) == -1 || strlen(f[3]) != 3 ||
	    cal_parse(f[4], &r->p[r->np].today_day) == -1)
		return fail(r, "bad persona");
	p = &r->p[r->np++];
	snprintf(p->id, sizeof(p->id), "%s", f[1]);
	snprintf(p->lang_code, sizeof(p->lang_code), "%s", f[2]);
	snprintf(p->currency, sizeof(p->currency), "%s", f[3]);
	snprintf(p->today, sizeof(p->today), "%s", f[4]);
	p->digits = currency_minor_units(p->currency) >= 0 ? currency_minor_units(p->currency) : 2;
	p->txns = r->txns + r->ntxns;
	return 0;
}

static int
add_intake(struct runner *r, struct persona *p, char **f, size_t n)
{
	struct fact_intake *in = &p->intake;

	if (n != 5 || money(p, f[2], &in->income) == -1 || money(p, f[3], &in->expenses) == -1)
		return fail(r, "bad intake");
	p->has_intake = 1;
	in->surplus = in->income - in->expenses;
	if (!none(f[4])) {
		if (money(p, f[4], &in->savings) == -1)
			return fail(r, "bad intake savings");
		in->has_savings = 1;
	}
	snprintf(in->month, sizeof(in->month), "%.7s", p->today);
	snprintf(in->financial_goal, sizeof(in->financial_goal), "savings");
	return 0;
}

static int
add_debt(struct runner *r, struct persona *p, char **f, size_t n)
{
	struct fact_debt *d;

	if (n != 7 || !p->has_intake || p->intake.ndebts >= FACT_MAX_DEBTS)
		return fail(r, "bad debt (after its intake)");
	d = &p->intake.debts[p->intake.ndebts++];
	snprintf(d->name, sizeof(d->name), "%s", none(f[2]) ? "" : f[2]);
	if (money(p, f[3], &d->balance) == -1)
		return fail(r, "bad debt balance");
	if (!none(f[4])) {
		if (milli(f[4], &d->rate_milli) == -1)
			return fail(r, "bad debt rate");
		d->has_rate = 1;
		d->monthly = strcmp(f[5], "month") == 0;
	}
	if (!none(f[6])) {
		if (money(p, f[6], &d->min_payment) == -1)
			return fail(r, "bad minimum");
		d->has_min = 1;
	}
	p->intake.has_debt = 1;
	p->intake.debt += d->balance;
	return 0;
}

static int
add_goal(struct runner *r, struct persona *p, char **f, size_t n)
{
	struct fact_goal *g;

	if (n != 9 || p->ngoals >= FACT_MAX_GOALS)
		return fail(r, "bad goal");
	g = &p->goals[p->ngoals++];
	snprintf(g->id, sizeof(g->id), "ozz_goal_%zu", p->ngoals);
	snprintf(g->name, sizeof(g->name), "%s", f[2]);
	snprintf(g->type, sizeof(g->type), "%s", f[3]);
	if (money(p, f[4], &g->target) == -1 || money(p, f[5], &g->current) == -1)
		return fail(r, "bad goal amount");
	g->starting = g->current;
	snprintf(g->target_date, sizeof(g->target_date), "%s", none(f[6]) ? "" : f[6]);
	snprintf(g->status, sizeof(g->status), "%s", f[7]);
	g->is_primary = strcmp(f[8], "1") == 0;
	snprintf(g->cadence, sizeof(g->cadence), "monthly");
	return 0;
}

static int
add_plan(struct runner *r, struct persona *p, char **f, size_t n)
{
	struct fact_plan *pl = &p->plan;
	const char	*err;
	int64_t		 v;

	if (n != 9)
		return fail(r, "bad plan");
	p->has_plan = 1;
	snprintf(pl->id, sizeof(pl->id), "ozz_plan_1");
	snprintf(pl->summary, sizeof(pl->summary), "A plan.");
	if (!none(f[2]) && (pl->has_monthly_savings = 1, money(p, f[2], &pl->monthly_savings)) == -1)
		return fail(r, "bad monthly savings");
	snprintf(pl->projected_goal_date, sizeof(pl->projected_goal_date), "%s",
	    none(f[3]) ? "" : f[3]);
	if (!none(f[4]) && (pl->has_monthly_debt_payment = 1,
	    money(p, f[4], &pl->monthly_debt_payment)) == -1)
		return fail(r, "bad monthly debt payment");
	snprintf(pl->debt_payoff_date, sizeof(pl->debt_payoff_date), "%s", none(f[5]) ? "" : f[5]);
	if (!none(f[6])) {
		if (num_parse_i64(f[6], strlen(f[6]), 0, 1200, &v, &err) == -1)
			return fail(r, "bad timeline");
		pl->has_timeline = 1;
		pl->timeline_months = v;
	}
	if (!none(f[7]) && (pl->has_current_rate = 1, num_parse_decimal(f[7], strlen(f[7]), 2,
	    -100000, 100000, &pl->current_rate_bp, &err)) == -1)
		return fail(r, "bad current rate");
	if (!none(f[8]) && (pl->has_target_rate = 1, num_parse_decimal(f[8], strlen(f[8]), 2,
	    -100000, 100000, &pl->target_rate_bp, &err)) == -1)
		return fail(r, "bad target rate");
	return 0;
}

static int
add_task(struct runner *r, struct persona *p, char **f, size_t n)
{
	struct fact_task *t;

	if (n != 6 || p->moves.ntasks >= FACT_MAX_TASKS)
		return fail(r, "bad task");
	p->moves.has_cycle = 1;
	snprintf(p->moves.id, sizeof(p->moves.id), "ozz_cycle_1");
	snprintf(p->moves.due_date, sizeof(p->moves.due_date), "%s", f[2]);
	snprintf(p->moves.status, sizeof(p->moves.status), "available");
	t = &p->moves.tasks[p->moves.ntasks++];
	snprintf(t->id, sizeof(t->id), "t%zu", p->moves.ntasks);
	snprintf(t->type, sizeof(t->type), "do");
	snprintf(t->title, sizeof(t->title), "%s", f[3]);
	if (!none(f[4]) && (t->has_amount = 1, money(p, f[4], &t->amount)) == -1)
		return fail(r, "bad task amount");
	snprintf(t->status, sizeof(t->status), "%s", f[5]);
	return 0;
}

/* One transaction from fields f[0..6]: date amount category subcategory kind merchant description. */
static int
add_txn_at(struct runner *r, struct persona *p, long day, char **f)
{
	struct cc_txn	*t;

	if (r->ntxns >= MAX_TXNS || p->txns + p->ntxns != r->txns + r->ntxns)
		return fail(r, "too many transactions, or a persona's are not together");
	t = &r->txns[r->ntxns];
	memset(t, 0, sizeof(*t));
	t->day = day;
	if (money(p, f[1], &t->amount) == -1 || category_parse(f[2], &t->cat) == -1 ||
	    kind_parse(f[4], &t->kind) == -1 || (!none(f[3]) && !subcategory_of(f[3], t->cat)))
		return fail(r, "bad transaction");
	snprintf(t->sub, sizeof(t->sub), "%s", none(f[3]) ? "" : f[3]);
	snprintf(t->merchant, sizeof(t->merchant), "%s", none(f[5]) ? "" : f[5]);
	snprintf(t->desc, sizeof(t->desc), "%s", f[6]);
	merchant_key(t->desc, t->key, sizeof(t->key));
	r->ntxns++;
	p->ntxns++;
	return 0;
}

static int
add_txn(struct runner *r, struct persona *p, char **f, size_t n)
{
	long	 day;

	if (n != 9 || cal_parse(f[2], &day) == -1)
		return fail(r, "bad txn");
	return add_txn_at(r, p, day, f + 2);
}

static int
add_monthly(struct runner *r, struct persona *p, char **f, size_t n)
{
	long	 first, last, day;
	int	 k;

	if (n != 10 || cal_parse(f[2], &first) == -1 || cal_parse(f[3], &last) == -1)
		return fail(r, "bad monthly");
	for (k = 0; (day = cal_add_months(first, k)) <= last; k++) {
		if (add_txn_at(r, p, day, f + 3) == -1)
			return -1;
	}
	return 0;
}

/* ---- the facts source --------------------------------------------------------------- */

static int	has_words(const char *hay, const char *needle);

static int
merchant_is(const struct cc_txn *t, const char *said)
{
	char	 key[128];

	if (said == NULL)
		return 1;
	merchant_key(said, key, sizeof(key));
	return (t->merchant[0] && has_words(t->merchant, said) &&
	    strlen(t->merchant) == strlen(said)) ||
	    (key[0] && strcmp(t->key, key) == 0);
}

static int
in_window(const struct cc_txn *t, long from, long to)
{
	return t->day >= from && t->day <= to;
}

static int
is_spending(enum txn_kind k)
{
	return k == KIND_SPENDING || k == KIND_FEE || k == KIND_REFUND;
}

static int64_t
signed_amount(const struct cc_txn *t)
{
	return t->kind == KIND_REFUND ? -t->amount : t->amount;
}

static int
f_spending(void *ctx, const struct fact_spending_q *q, struct fact_spending *out)
{
	struct persona	*p = ctx;
	int64_t		 by[CAT_COUNT] = { 0 }, cnt[CAT_COUNT] = { 0 };
	int		 seen[CAT_COUNT] = { 0 };
	size_t		 i, j;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < p->ntxns; i++) {
		const struct cc_txn *t = &p->txns[i];

		if (!in_window(t, q->from, q->to) || !merchant_is(t, q->merchant) ||
		    (q->subcategory && strcmp(t->sub, q->subcategory) != 0))
			continue;
		if (t->kind == KIND_INCOME) {
			out->income += t->amount;
			continue;
		}
		if (!is_spending(t->kind) || (q->category < CAT_COUNT && (int)t->cat != q->category))
			continue;
		by[t->cat] += signed_amount(t);
		cnt[t->cat] += t->kind != KIND_REFUND;
		seen[t->cat] = 1;
	}
	for (;;) {
		int best = -1;

		for (j = 0; j < CAT_COUNT; j++)
			if (seen[j] && (best < 0 || by[j] > by[best]))
				best = (int)j;
		if (best < 0)
			break;
		seen[best] = 0;
		out->total += by[best];
		out->count += cnt[best];
		out->by_category[out->ncategories].category = (enum category)best;
		out->by_category[out->ncategories].amount = by[best];
		out->by_category[out->ncategories++].count = cnt[best];
	}
	return 0;
}

static int
f_intake(void *ctx, struct fact_intake *out)
{
	struct persona *p = ctx;

	if (!p->has_intake)
		return 0;
	*out = p->intake;
	return 1;
}

static int
f_plan(void *ctx, struct fact_plan *out)
{
	struct persona *p = ctx;

	if (!p->has_plan)
		return 0;
	*out = p->plan;
	return 1;
}

static int
f_goals(void *ctx, struct fact_goal *out, size_t max, size_t *n)
{
	struct persona *p = ctx;

	for (*n = 0; *n < p->ngoals && *n < max; (*n)++)
		out[*n] = p->goals[*n];
	return 0;
}

static int
f_moves(void *ctx, struct fact_moves *out)
{
	struct persona *p = ctx;

	*out = p->moves;
	return p->moves.has_cycle;
}

/* 1 if needle is in hay, ignoring ASCII case. */
static int
has_words(const char *hay, const char *needle)
{
	size_t	 i, j, n = strlen(needle);

	for (i = 0; hay[i] != '\0'; i++) {
		for (j = 0; j < n && hay[i + j] != '\0' &&
		    tolower((unsigned char)hay[i + j]) == tolower((unsigned char)needle[j]); j++)
			;
		if (j == n)
			return 1;
	}
	return n == 0;
}

static int
txn_matches(const struct cc_txn *t, const struct fact_txn_q *q)
{
	char	 hay[256];

	if ((q->has_from && t->day < q->from) || (q->has_to && t->day > q->to) ||
	    (q->category < CAT_COUNT && (int)t->cat != q->category) ||
	    (q->subcategory && strcmp(t->sub, q->subcategory) != 0) || !merchant_is(t, q->merchant))
		return 0;
	snprintf(hay, sizeof(hay), "%s %s", t->desc, t->merchant);
	if (q->search && !has_words(hay, q->search))
		return 0;
	if (q->has_txn_kind)
		return t->kind == q->txn_kind;
	if (q->kind == FACT_KIND_SPENDING)
		return is_spending(t->kind);
	if (q->kind == FACT_KIND_INCOME)
		return t->kind == KIND_INCOME;
	return 1;
}

static int
f_transactions(void *ctx, const struct fact_txn_q *q, struct fact_txn *out, size_t max,
    size_t *n, int *more)
{
	struct persona	*p = ctx;
	size_t		 i, k, order[MAX_TXNS], m = 0;

	*n = 0;
	*more = 0;
	for (i = 0; i < p->ntxns; i++)
		if (txn_matches(&p->txns[i], q))
			order[m++] = i;
	/* newest first; among one day, the last written first */
	for (i = 1; i < m; i++)
		for (k = i; k > 0 && (p->txns[order[k]].day > p->txns[order[k - 1]].day ||
		    (p->txns[order[k]].day == p->txns[order[k - 1]].day &&
		    order[k] > order[k - 1])); k--) {
			size_t tmp = order[k];

			order[k] = order[k - 1];
			order[k - 1] = tmp;
		}
	for (i = 0; i < m && *n < max; i++) {
		const struct cc_txn *t = &p->txns[order[i]];
		struct fact_txn *o = &out[(*n)++];

		memset(o, 0, sizeof(*o));
		snprintf(o->id, sizeof(o->id), "ozz_txn_%zu", order[i]);
		cal_format(t->day, o->date);
		snprintf(o->description, sizeof(o->description), "%s", t->desc);
		snprintf(o->merchant, sizeof(o->merchant), "%s", t->merchant);
		o->category = t->cat;
		snprintf(o->subcategory, sizeof(o->subcategory), "%s", t->sub);
		o->kind = t->kind;
		o->amount = t->amount;
		snprintf(o->currency, sizeof(o->currency), "%s", p->currency);
	}
	*more = m > max;
	return 0;
}

static void
group_key(const struct cc_txn *t, const char *by, char *out, size_t len)
{
	char	 iso[11];
	long	 y, m, d;

	out[0] = '\0';
	if (by == NULL)
		return;
	if (strcmp(by, "category") == 0)
		snprintf(out, len, "%s", category_name(t->cat));
	else if (strcmp(by, "subcategory") == 0)
		snprintf(out, len, "%s", t->sub);
	else if (strcmp(by, "merchant") == 0)
		snprintf(out, len, "%s", t->merchant);
	else if (strcmp(by, "month") == 0) {
		cal_date(t->day, &y, &m, &d);
		snprintf(out, len, "%04ld-%02ld", y, m);
	} else if (strcmp(by, "week") == 0) {
		cal_format(t->day - cal_weekday(t->day), iso);
		snprintf(out, len, "%s", iso);
	} else if (strcmp(by, "kind") == 0)
		snprintf(out, len, "%s", kind_name(t->kind));
}

static int
f_aggregate(void *ctx, const struct fact_agg_q *q, struct fact_agg *out, size_t max,
    size_t *n)
{
	struct persona	*p = ctx;
	struct fact_agg	 g[256];
	size_t		 ng = 0, i, k;
	int		 spending = q->kind == NULL || strcmp(q->kind, "spending") == 0;
	int		 timed = q->group_by && (strcmp(q->group_by, "month") == 0 ||
			    strcmp(q->group_by, "week") == 0);
	enum txn_kind	 kind = KIND_SPENDING;

	*n = 0;
	if (!spending && kind_parse(q->kind, &kind) == -1)
		return -1;
	for (i = 0; i < p->ntxns; i++) {
		const struct cc_txn *t = &p->txns[i];
		char key[64], key2[64];

		if (!in_window(t, q->from, q->to) || !merchant_is(t, q->merchant) ||
		    (q->category >= 0 && q->category < CAT_COUNT && (int)t->cat != q->category) ||
		    (q->subcategory && strcmp(t->sub, q->subcategory) != 0) ||
		    (spending ? !is_spending(t->kind) : t->kind != kind))
			continue;
		group_key(t, q->group_by, key, sizeof(key));
		group_key(t, q->then_by, key2, sizeof(key2));
		for (k = 0; k < ng && (strcmp(g[k].key, key) != 0 || strcmp(g[k].key2, key2) != 0);
		    k++)
			;
		if (k == ng) {
			if (ng == sizeof(g) / sizeof(g[0]))
				continue;
			memset(&g[ng], 0, sizeof(g[ng]));
			snprintf(g[ng].key, sizeof(g[ng].key), "%s", key);
			snprintf(g[ng].key2, sizeof(g[ng].key2), "%s", key2);
			ng++;
		}
		g[k].amount += spending ? signed_amount(t) : t->amount;
		g[k].count++;
	}
	for (i = 1; i < ng; i++)
		for (k = i; k > 0; k--) {
			struct fact_agg *a = &g[k - 1], *b = &g[k], tmp;
			int swap = timed ? strcmp(b->key, a->key) < 0 : (b->amount > a->amount ||
			    (b->amount == a->amount && strcmp(b->key, a->key) < 0));

			if (!swap)
				break;
			tmp = *a;
			*a = *b;
			*b = tmp;
		}
	for (i = 0; i < ng && i < max; i++)
		out[(*n)++] = g[i];
	return 0;
}

static int
f_recurring(void *ctx, struct fact_recurring *out, size_t max, size_t *n)
{
	struct persona		*p = ctx;
	struct rec_payment	*pay;
	struct rec_series	 series[FACT_MAX_RECURRING];
	size_t			 i, k = 0;

	*n = 0;
	if ((pay = calloc(p->ntxns + 1, sizeof(*pay))) == NULL)
		return -1;
	for (i = 0; i < p->ntxns; i++) {
		const struct cc_txn *t = &p->txns[i];

		if ((t->kind != KIND_SPENDING && t->kind != KIND_FEE) ||
		    t->day < p->today_day - 400 || t->day > p->today_day)
			continue;
		pay[k].day = t->day;
		pay[k].amount = t->amount;
		pay[k].key = t->key;
		pay[k].name = t->merchant[0] ? t->merchant : t->desc;
		pay[k].category = (int)t->cat;
		k++;
	}
	if (max > FACT_MAX_RECURRING)
		max = FACT_MAX_RECURRING;
	*n = recurring_find(pay, k, p->today_day, series, max);
	for (i = 0; i < *n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		snprintf(out[i].name, sizeof(out[i].name), "%s", series[i].name);
		out[i].category = (enum category)series[i].category;
		snprintf(out[i].cadence, sizeof(out[i].cadence), "%s",
		    rec_cadence_name(series[i].cadence));
		out[i].typical = series[i].typical;
		out[i].monthly = series[i].monthly;
		cal_format(series[i].last, out[i].last);
		cal_format(series[i].next, out[i].next);
		out[i].count = series[i].count;
	}
	free(pay);
	return 0;
}

/* ---- questions -------------------------------------------------------------------- */

/* 1 if every '|'-separated text of list is in s (want), or none is (!want). */
static int
check_list(const char *s, const char *list, int want, char *missed, size_t mlen)
{
	char	 buf[LINE_MAX_LEN], *p, *bar;

	if (none(list))
		return 1;
	snprintf(buf, sizeof(buf), "%s", list);
	for (p = buf; p != NULL; p = bar ? bar + 1 : NULL) {
		if ((bar = strchr(p, '|')) != NULL)
			*bar = '\0';
		if (*p == '\0')
			continue;
		if ((strstr(s, p) != NULL) != want) {
			snprintf(missed, mlen, "%s \"%.400s\"", want ? "missing" : "unwanted", p);
			return 0;
		}
	}
	return 1;
}

static int
ask(struct runner *r, struct persona *p, char **f, size_t n, struct cc_result *res)
{
	struct facts_src	 src;
	struct coach_turn	 c;
	struct coach_reply	 out;
	struct buf		 reply;
	struct cc_score		*sc;
	char			 missed[512] = "";
	int			 in_scope, ok;

	if (n != 6 || (strcmp(f[2], "in") != 0 && strcmp(f[2], "out") != 0))
		return fail(r, "bad question");
	in_scope = strcmp(f[2], "in") == 0;
	memset(&src, 0, sizeof(src));
	src.ctx = p;
	src.currency = p->currency;
	src.digits = p->digits;
	src.spending = f_spending;
	src.intake = f_intake;
	src.plan = f_plan;
	src.goals = f_goals;
	src.moves = f_moves;
	src.transactions = f_transactions;
	src.aggregate = f_aggregate;
	src.recurring = f_recurring;
	memset(&c, 0, sizeof(c));
	c.language = p->lang_code;
	c.currency = p->currency;
	c.today = p->today;
	c.message = f[3];
	c.facts = &src;
	buf_init(&reply, REPLY_MAX);
	memset(&out, 0, sizeof(out));
	out.reply = &reply;
	if (coach_answer(&c, &out) == -1) {
		buf_free(&reply);
		return fail(r, "the coach failed");
	}
	sc = &res->lang[p->lang];
	sc->questions++;
	ok = check_list(buf_str(&reply), f[4], 1, missed, sizeof(missed)) &&
	    check_list(buf_str(&reply), f[5], 0, missed, sizeof(missed));
	sc->correct += ok;
	if (in_scope) {
		sc->in_scope++;
		sc->fallbacks += out.fallback;
	}
	if (r->verbose > 1)
		fprintf(r->out, "  [%s] %s\n    -> %s\n", p->id, f[3], buf_str(&reply));
	else if (r->verbose && (!ok || (in_scope && out.fallback)))
		fprintf(r->out, "  %s %s:%zu [%s] %s\n    -> %s\n    %s%s\n", ok ? "FALLBACK" :
		    "WRONG", r->path, r->lineno, p->id, f[3], buf_str(&reply), missed,
		    out.fallback ? " (fallback)" : "");
	buf_free(&reply);
	return 0;
}

static int
line(struct runner *r, char *text, struct cc_result *res)
{
	char		*f[MAX_FIELDS];
	size_t		 n;
	struct persona	*p;

	if (text[0] == '#' || text[0] == '\0')
		return 0;
	n = split(text, f, MAX_FIELDS);
	if (strcmp(f[0], "persona") == 0)
		return add_persona(r, f, n);
	if (n < 2 || (p = persona_of(r, f[1])) == NULL)
		return fail(r, "unknown persona");
	if (strcmp(f[0], "intake") == 0)
		return add_intake(r, p, f, n);
	if (strcmp(f[0], "debt") == 0)
		return add_debt(r, p, f, n);
	if (strcmp(f[0], "goal") == 0)
		return add_goal(r, p, f, n);
	if (strcmp(f[0], "plan") == 0)
		return add_plan(r, p, f, n);
	if (strcmp(f[0], "action") == 0) {
		if (n != 3 || p->plan.nactions >= FACT_MAX_ACTIONS)
			return fail(r, "bad action");
		snprintf(p->plan.actions[p->plan.nactions++], FACT_TEXT_MAX, "%s", f[2]);
		return 0;
	}
	if (strcmp(f[0], "task") == 0)
		return add_task(r, p, f, n);
	if (strcmp(f[0], "txn") == 0)
		return add_txn(r, p, f, n);
	if (strcmp(f[0], "monthly") == 0)
		return add_monthly(r, p, f, n);
	if (strcmp(f[0], "q") == 0)
		return ask(r, p, f, n, res);
	return fail(r, "unknown line");
}

double
cc_pct(size_t part, size_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

int
cc_run(const char *path, int verbose, FILE *out, struct cc_result *res)
{
	struct runner	 r;
	char		 text[LINE_MAX_LEN];
	FILE		*fp;
	int		 rc = 0;

	memset(res, 0, sizeof(*res));
	memset(&r, 0, sizeof(r));
	r.out = out;
	r.verbose = verbose;
	r.path = path;
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(out, "%s: cannot open\n", path);
		return -1;
	}
	r.p = calloc(MAX_PERSONAS, sizeof(*r.p));
	r.txns = calloc(MAX_TXNS, sizeof(*r.txns));
	if (r.p == NULL || r.txns == NULL)
		rc = -1;
	while (rc == 0 && fgets(text, sizeof(text), fp) != NULL) {
		r.lineno++;
		text[strcspn(text, "\r\n")] = '\0';
		rc = line(&r, text, res);
	}
	fclose(fp);
	res->personas = r.np;
	res->transactions = r.ntxns;
	free(r.p);
	free(r.txns);
	return rc;
}
