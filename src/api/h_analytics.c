/*
 * h_analytics.c: analytics across the client's users (DESIGN §4.3), read
 * from the rollups (svc_analytics), on the read replica when one is set.
 *
 * Periods are whole months (weeks for interval=week: the rollups hold no
 * finer grain): from is taken back to the first day of its month (its
 * Monday), to forward to the last (its Sunday), and the answer says which
 * period it covers. By default: this month and the two before it (the
 * last 13 weeks). Every figure made from fewer than analytics_min_users
 * users (but more than none) is withheld: null, with "suppressed": true.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_analytics.h"
#include "core/conf.h"
#include "core/currency.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_analytics.h"

#define AN_MAX_DAYS	1096	/* three years, a leap day included */

/* The scope of one answer and the text its fields point into. */
struct an_q {
	struct an_scope	 sc;
	char		 currency[4];
	char		 from[11], to[11];
	int		 weekly;
	int64_t		 min_users;
};

/* from and to widened to whole months (or weeks); defaults as above. */
static void
an_align(struct an_q *q, long f, long t)
{
	long	 y, m, d;

	if (q->weekly) {
		f -= cal_weekday(f);		/* 0 is Monday */
		t += 6 - cal_weekday(t);
	} else {
		cal_date(f, &y, &m, &d);
		f = cal_days(y, m, 1);
		cal_date(t, &y, &m, &d);
		t = cal_days(y, m, cal_month_days(y, m));
	}
	cal_format(f, q->from);
	cal_format(t, q->to);
}

/*
 * The query's from, to, currency and (with_period) the period: details
 * for what is wrong. category: a category filter is allowed.
 */
static void
an_scope_parse(struct oz_req *r, struct an_q *q, int with_period, int with_category)
{
	const char	*f = with_period ? http_req_query(r, "from", NULL) : NULL;
	const char	*t = with_period ? http_req_query(r, "to", NULL) : NULL;
	const char	*cur = http_req_query(r, "currency", NULL);
	const char	*cat = with_category ? http_req_query(r, "category", NULL) : NULL;
	long		 fd, td, today = cal_today_days();
	enum category	 c;

	if (f && (!v_is_date(f) || cal_parse(f, &fd) == -1))
		oz_fail_detail(r, "from", "must be a date YYYY-MM-DD");
	if (t && (!v_is_date(t) || cal_parse(t, &td) == -1))
		oz_fail_detail(r, "to", "must be a date YYYY-MM-DD");
	if (cur && !currency_valid(cur))
		oz_fail_detail(r, "currency", "must be an ISO 4217 code such as USD");
	if (cat && category_parse(cat, &c) == -1)
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	if (r->err.ndetails > 0)
		return;
	q->sc.currency = cur;
	q->sc.category = cat;
	if (!with_period)
		return;
	if (!t)
		td = today;
	if (!f)
		fd = q->weekly ? td - 7 * 12 : cal_add_months(td, -2);
	if (fd > td)
		oz_fail_detail(r, "from", "must not be after to");
	else if (td - fd >= AN_MAX_DAYS)
		oz_fail_detail(r, "to", "the range is at most 1096 days (three years)");
	else
		an_align(q, fd, td);
	q->sc.from = q->from;
	q->sc.to = q->to;
}

/* After validation: the currency (the client's most used when not given). */
static int
an_begin(struct oz_app *app, struct oz_req *r, struct an_q *q, struct svc *s)
{
	if (v_done(r) == -1)
		return -1;
	app_svc_read(app, r, s);
	/* what writes noted is folded into the rollups on the primary before a live answer */
	q->sc.primary = &app->db;
	q->min_users = app->cfg->analytics_min_users;
	if (svc_an_currency(s, q->sc.currency, q->currency) == -1)
		return -1;
	q->sc.currency = q->currency;
	return 0;
}

/* Users a request refreshes the risk state of, at most, before reading it. */
#define AN_DUE_MAX	1000

/*
 * Before an answer that reads the risk state (the overview, the at-risk
 * list): the client's users a burst of writes left due are refreshed, on
 * the primary, so that the answer counts every write.
 */
static int
an_risk_current(struct oz_app *app, struct svc *s)
{
	struct svc	 p = *s;
	int64_t		 n;

	p.st.db = &app->db;
	return svc_an_refresh_due(&p, &app->db, s->st.client, AN_DUE_MAX, &n) == -1 ?
	    svc_db_fail(&p) : 0;
}

/* The scope's fields into d. */
static void
an_scope_json(struct json_object *d, const struct an_q *q, int with_period)
{
	json_object_object_add(d, "currency", json_object_new_string(q->currency));
	if (with_period) {
		json_object_object_add(d, "from", json_object_new_string(q->from));
		json_object_object_add(d, "to", json_object_new_string(q->to));
	}
	json_object_object_add(d, "min_users", json_object_new_int64(q->min_users));
}

/* 1 if a figure made of users users is withheld. */
static int
withheld(const struct an_q *q, int64_t users)
{
	return users > 0 && users < q->min_users;
}

/* key = v (owned) unless withheld (null, and *supp set). */
static void
put(struct json_object *o, const char *key, struct json_object *v, int64_t users,
    const struct an_q *q, int *supp)
{
	if (withheld(q, users)) {
		json_object_put(v);
		v = NULL;
		*supp = 1;
	}
	json_object_object_add(o, key, v);
}

static struct json_object *
i64(int64_t v)
{
	return json_object_new_int64(v);
}

static struct json_object *
overview_users(const struct an_q *q, const struct an_overview *o, int *any)
{
	static const char *const stages[3] = { "intake_pending", "plan_pending", "active" };
	struct json_object *u = json_object_new_object();
	int	 supp = 0, i;

	put(u, "total", i64(o->users_total), o->users_total, q, &supp);
	for (i = 0; i < 3; i++)
		put(u, stages[i], i64(o->stage[i]), o->stage[i], q, &supp);
	put(u, "active_in_period", i64(o->users_active), o->users_active, q, &supp);
	json_object_object_add(u, "suppressed", json_object_new_boolean(supp));
	*any |= supp;
	return u;
}

/* A block of figures made of users users: each withheld with it. */
static struct json_object *
block(const struct an_q *q, int64_t users, int *any, const char *const *keys,
    struct json_object **vals, size_t n)
{
	struct json_object *b = json_object_new_object();
	int	 supp = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		put(b, keys[i], vals[i], users, q, &supp);
	put(b, "users", i64(users), users, q, &supp);
	json_object_object_add(b, "suppressed", json_object_new_boolean(supp));
	*any |= supp;
	return b;
}

int
h_an_overview(struct oz_app *app, struct oz_req *r)
{
	static const char *const known[] = { "from", "to", "currency", NULL };
	static const char *const tk[] = { "count", "spending_cents", "income_cents" };
	static const char *const ik[] = { "median_monthly_income", "median_monthly_expenses" };
	static const char *const rk[] = { "median_savings_rate" };
	static const char *const pk[] = { "generated" };
	static const char *const mk[] = { "tasks_done", "tasks_available" };
	static const char *const ck[] = { "messages" };
	struct json_object *d, *v[3];
	struct an_overview o;
	struct an_source src;
	struct an_q	 q;
	struct svc	 s;
	int		 any = 0, supp = 0;

	memset(&q, 0, sizeof(q));
	v_known_query(r, known);
	an_scope_parse(r, &q, 1, 0);
	if (an_begin(app, r, &q, &s) == -1 || an_risk_current(app, &s) == -1 ||
	    svc_an_overview(&s, &q.sc, &o, &src) == -1)
		return -1;
	d = json_object_new_object();
	an_scope_json(d, &q, 1);
	json_object_object_add(d, "users", overview_users(&q, &o, &any));
	v[0] = i64(o.txn_count);
	v[1] = i64(o.spend_cents);
	v[2] = i64(o.income_cents);
	json_object_object_add(d, "transactions", block(&q, o.users_active, &any, tk, v, 3));
	v[0] = o.intake_users ? json_money(o.med_income, 2) : NULL;
	v[1] = o.intake_users ? json_money(o.med_expenses, 2) : NULL;
	json_object_object_add(d, "intakes", block(&q, o.intake_users, &any, ik, v, 2));
	/* the savings rate is of the users with an income */
	v[0] = o.rate_users ? json_money(o.med_rate, 2) : NULL;
	put(json_object_object_get(d, "intakes"), rk[0], v[0], o.rate_users, &q, &supp);
	if (supp) {
		json_object_object_add(json_object_object_get(d, "intakes"), "suppressed",
		    json_object_new_boolean(1));
		any = 1;
	}
	v[0] = i64(o.plans);
	json_object_object_add(d, "plans", block(&q, o.plan_users, &any, pk, v, 1));
	v[0] = i64(o.tasks_done);
	v[1] = i64(o.tasks_total);
	json_object_object_add(d, "money_moves", block(&q, o.task_users, &any, mk, v, 2));
	v[0] = i64(o.chat_messages);
	json_object_object_add(d, "chat", block(&q, o.chat_users, &any, ck, v, 1));
	supp = 0;
	put(d, "at_risk_users", i64(o.at_risk), o.at_risk, &q, &supp);
	json_object_object_add(d, "suppressed", json_object_new_boolean(any || supp));
	json_object_object_add(d, "as_of", json_object_new_string(src.as_of));
	json_object_object_add(d, "precomputed", json_object_new_boolean(src.precomputed));
	return json_out_object(r, 200, "analytics", d) == -1 ?
	    oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response") : 0;
}

/* One group (or the total) of spending; share of total in ten-thousandths. */
static struct json_object *
group_json(const struct an_q *q, const struct an_group *g, const struct an_group *total,
    int with_key, int *any)
{
	struct json_object *o = json_object_new_object();
	int64_t	 share;
	int	 supp = 0;

	if (with_key)
		json_object_object_add(o, "key", json_str_or_empty_null(g->key));
	put(o, "amount_cents", i64(g->cents), g->users, q, &supp);
	if (total->cents > 0) {
		share = (g->cents * 10000 + (g->cents >= 0 ? total->cents / 2 :
		    -total->cents / 2)) / total->cents;
		put(o, "share", json_money(share, 4), g->users, q, &supp);
	} else
		json_object_object_add(o, "share", NULL);
	put(o, "count", i64(g->count), g->users, q, &supp);
	put(o, "users", i64(g->users), g->users, q, &supp);
	put(o, "median_per_user_cents", i64(g->median), g->users, q, &supp);
	json_object_object_add(o, "suppressed", json_object_new_boolean(supp));
	*any |= supp;
	return o;
}

int
h_an_spending(struct oz_app *app, struct oz_req *r)
{
	static const char *const known[] = { "from", "to", "currency", "group_by", "category",
	    NULL };
	static const char *const group_bys[] = { "category", "merchant", "month", "source",
	    NULL };
	struct json_object *d, *arr;
	struct an_group	 total, *groups;
	struct an_source src;
	struct an_q	 q;
	struct svc	 s;
	const char	*gb;
	size_t		 i, n;
	int		 truncated, any = 0;

	memset(&q, 0, sizeof(q));
	v_known_query(r, known);
	if ((gb = http_req_query(r, "group_by", NULL)) && !v_is_one_of(gb, group_bys))
		oz_fail_detail(r, "group_by", "must be one of category, merchant, month, source");
	an_scope_parse(r, &q, 1, 1);
	if (gb == NULL)
		gb = "category";
	if (an_begin(app, r, &q, &s) == -1)
		return -1;
	if ((groups = pool_alloc(&r->pool, sizeof(*groups) * (AN_MAX_GROUPS + 1))) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	if (svc_an_spending(&s, &q.sc, gb, &total, groups, AN_MAX_GROUPS, &n, &truncated,
	    &src) == -1)
		return -1;
	d = json_object_new_object();
	an_scope_json(d, &q, 1);
	json_object_object_add(d, "group_by", json_object_new_string(gb));
	json_object_object_add(d, "category", json_str_or_null(q.sc.category));
	json_object_object_add(d, "total", group_json(&q, &total, &total, 0, &any));
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, group_json(&q, &groups[i], &total, 1, &any));
	json_object_object_add(d, "groups", arr);
	json_object_object_add(d, "truncated", json_object_new_boolean(truncated));
	json_object_object_add(d, "suppressed", json_object_new_boolean(any));
	json_object_object_add(d, "as_of", json_object_new_string(src.as_of));
	json_object_object_add(d, "precomputed", json_object_new_boolean(src.precomputed));
	return json_out_object(r, 200, "analytics", d) == -1 ?
	    oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response") : 0;
}

static struct json_object *
reason_json(const struct risk_reason *rs)
{
	struct json_object *o = json_object_new_object();
	/* a count of money moves is a whole number; the rest have two decimals */
	int	 whole = rs->code == RISK_MISSED_MONEY_MOVES;

	json_object_object_add(o, "code", json_object_new_string(risk_code_name(rs->code)));
	json_object_object_add(o, "value", whole ? i64(rs->value / 100) :
	    json_money(rs->value, 2));
	json_object_object_add(o, "threshold", whole ? i64(rs->threshold / 100) :
	    json_money(rs->threshold, 2));
	json_object_object_add(o, "points", i64(rs->points));
	if (rs->basis)
		json_object_object_add(o, "basis", json_object_new_string(rs->basis));
	return o;
}

static const char *at_risk_currency;

static struct json_object *
at_risk_json(const void *row)
{
	const struct an_risk_row *a = row;
	struct json_object *o = json_object_new_object(), *arr = json_object_new_array();
	size_t	 i;

	json_object_object_add(o, "user_id", json_object_new_string(a->id));
	json_object_object_add(o, "external_user_id",
	    json_object_new_string(a->external_user_id));
	json_object_object_add(o, "currency", json_object_new_string(at_risk_currency));
	json_object_object_add(o, "risk_score", i64(a->risk.score));
	for (i = 0; i < a->risk.n; i++)
		json_object_array_add(arr, reason_json(&a->risk.reasons[i]));
	json_object_object_add(o, "reasons", arr);
	json_object_object_add(o, "refreshed_at", json_object_new_string(a->refreshed_at));
	return o;
}

int
h_an_at_risk(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { "currency", "reason", NULL };
	struct an_risk_row *rows;
	enum risk_code	 c;
	struct page	 p;
	struct an_q	 q;
	struct svc	 s;
	const char	*reason = http_req_query(r, "reason", NULL);
	size_t		 n;
	int		 has_more;

	memset(&q, 0, sizeof(q));
	if (page_list_begin(app, r, "at-risk-users", filters, &p, (void **)&rows,
	    sizeof(*rows)) == -1)
		return -1;
	if (reason && risk_code_parse(reason, &c) == -1)
		oz_fail_detail(r, "reason", "must be one of negative_cash_flow, low_emergency_fund,"
		    " high_debt_to_income, high_interest_debt, spending_spike, missed_money_moves");
	an_scope_parse(r, &q, 0, 0);
	if (an_begin(app, r, &q, &s) == -1 || an_risk_current(app, &s) == -1)
		return -1;
	if (svc_an_at_risk(&s, q.currency, reason, &p.pos, rows, &n, &has_more) == -1)
		return -1;
	at_risk_currency = q.currency;
	return page_answer(app, r, &p, rows, n, sizeof(*rows), at_risk_json,
	    PAGE_ROW_FIELDS(struct an_risk_row), has_more);
}

/* The value of metric at one period, or NULL; *users what it is made of. */
static struct json_object *
metric_json(const char *metric, const struct an_point *pt, int64_t *users)
{
	int64_t	 net, rate;

	*users = pt->users_any;
	if (strcmp(metric, "spending") == 0) {
		*users = pt->users_spend;
		return i64(pt->spend);
	}
	if (strcmp(metric, "income") == 0) {
		*users = pt->users_income;
		return i64(pt->income);
	}
	if (strcmp(metric, "transactions") == 0)
		return i64(pt->txns);
	if (strcmp(metric, "active_users") == 0)
		return i64(pt->users_any);
	/* savings_rate: (income - spending) / income, percent, 2 decimals */
	if (pt->income <= 0)
		return NULL;
	net = pt->income - pt->spend;
	rate = (net * 10000 + (net >= 0 ? pt->income / 2 : -pt->income / 2)) / pt->income;
	return json_money(rate, 2);
}

int
h_an_trends(struct oz_app *app, struct oz_req *r)
{
	static const char *const known[] = { "from", "to", "currency", "metric", "interval",
	    "category", NULL };
	static const char *const metrics[] = { "spending", "income", "savings_rate",
	    "active_users", "transactions", NULL };
	static const char *const intervals[] = { "month", "week", NULL };
	struct json_object *d, *arr, *pj, *v;
	struct an_point	*pts;
	struct an_q	 q;
	struct svc	 s;
	const char	*metric = http_req_query(r, "metric", NULL);
	const char	*interval = http_req_query(r, "interval", NULL);
	int64_t		 users = 0;
	size_t		 i, n;
	int		 any = 0, supp;

	memset(&q, 0, sizeof(q));
	v_known_query(r, known);
	if (metric && !v_is_one_of(metric, metrics))
		oz_fail_detail(r, "metric", "must be one of spending, income, savings_rate,"
		    " active_users, transactions");
	if (interval && !v_is_one_of(interval, intervals))
		oz_fail_detail(r, "interval", "must be month or week");
	if (metric == NULL)
		metric = "spending";
	if (interval == NULL)
		interval = "month";
	q.weekly = strcmp(interval, "week") == 0;
	an_scope_parse(r, &q, 1, 1);
	if (q.sc.category && (strcmp(metric, "savings_rate") == 0 ||
	    strcmp(metric, "income") == 0))
		oz_fail_detail(r, "category", "applies to spending, transactions and active_users");
	if (an_begin(app, r, &q, &s) == -1)
		return -1;
	if ((pts = pool_alloc(&r->pool, sizeof(*pts) * AN_MAX_POINTS)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	if (svc_an_trends(&s, &q.sc, interval, pts, AN_MAX_POINTS, &n) == -1)
		return -1;
	d = json_object_new_object();
	an_scope_json(d, &q, 1);
	json_object_object_add(d, "metric", json_object_new_string(metric));
	json_object_object_add(d, "interval", json_object_new_string(interval));
	json_object_object_add(d, "category", json_str_or_null(q.sc.category));
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		pj = json_object_new_object();
		supp = 0;
		json_object_object_add(pj, "period", json_object_new_string(pts[i].period));
		v = metric_json(metric, &pts[i], &users);
		put(pj, "value", v, users, &q, &supp);
		put(pj, "users", i64(users), users, &q, &supp);
		json_object_object_add(pj, "suppressed", json_object_new_boolean(supp));
		any |= supp;
		json_object_array_add(arr, pj);
	}
	json_object_object_add(d, "points", arr);
	json_object_object_add(d, "suppressed", json_object_new_boolean(any));
	return json_out_object(r, 200, "analytics", d) == -1 ?
	    oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response") : 0;
}
