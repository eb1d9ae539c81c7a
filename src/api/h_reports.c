/*
 * h_reports.c: a user's money in figures, read-only (the rules are
 * svc_report's): GET …/spending, an aggregate of the transactions the coach
 * also reads, and GET …/recurring, the payments that come back.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_reports.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_report.h"

#define SPENDING_MAX_DAYS	1096	/* three years, a leap day included */

static const char *const group_bys[] = { "category", "subcategory", "merchant", "month",
	"week", NULL };
static const char *const kinds[] = { "spending", "income", "refund", "transfer",
	"debt_payment", "savings_contribution", "fee", NULL };

/*
 * from and to: to defaults to today (UTC), from to the first day of to's
 * month; from not after to, at most SPENDING_MAX_DAYS days. Details only.
 */
static void
spending_range(struct oz_req *r, char from[11], char to[11])
{
	const char	*f = http_req_query(r, "from", NULL), *t = http_req_query(r, "to", NULL);
	char		 lim[11];

	if (f && !v_is_date(f))
		oz_fail_detail(r, "from", "must be a date YYYY-MM-DD");
	if (t && !v_is_date(t))
		oz_fail_detail(r, "to", "must be a date YYYY-MM-DD");
	if (r->err.ndetails > 0)
		return;
	if (t)
		snprintf(to, 11, "%s", t);
	else
		cal_today(to);
	if (f)
		snprintf(from, 11, "%s", f);
	else
		snprintf(from, 11, "%.8s01", to);
	if (strcmp(from, to) > 0)
		oz_fail_detail(r, "from", "must not be after to");
	else if (cal_add(from, SPENDING_MAX_DAYS, lim) == 0 && strcmp(to, lim) >= 0)
		oz_fail_detail(r, "to", "the range is at most 1096 days (three years)");
}

/* The query's filters and grouping; details for what is wrong. */
static void
spending_query(struct oz_req *r, struct txn_agg_q *q)
{
	enum category	 c;

	q->kind = http_req_query(r, "kind", NULL);
	q->group_by = http_req_query(r, "group_by", NULL);
	q->category = http_req_query(r, "category", NULL);
	q->subcategory = http_req_query(r, "subcategory", NULL);
	if (q->kind && !v_is_one_of(q->kind, kinds))
		oz_fail_detail(r, "kind", "must be one of spending, income, refund, transfer, "
		    "debt_payment, savings_contribution, fee");
	if (q->group_by && !v_is_one_of(q->group_by, group_bys))
		oz_fail_detail(r, "group_by", "must be one of category, subcategory, merchant, "
		    "month, week");
	if (q->category && category_parse(q->category, &c) == -1)
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	else if (q->subcategory && (q->category ? !subcategory_of(q->subcategory, c) :
	    subcategory_category(q->subcategory, &c) == -1))
		oz_fail_detail(r, "subcategory", q->category ? "must be a subcategory of the "
		    "category (GET /v1/categories lists them)" :
		    "must be a subcategory of GET /v1/categories");
	if (q->kind == NULL)
		q->kind = "spending";
}

static struct json_object *
group_json(const struct txn_agg *a)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "key", json_str_or_empty_null(a->key));
	json_object_object_add(o, "amount_cents", json_object_new_int64(a->cents));
	json_object_object_add(o, "count", json_object_new_int64(a->count));
	return o;
}

int
h_spending(struct oz_app *app, struct oz_req *r)
{
	static const char *const known[] = { "from", "to", "group_by", "kind", "category",
	    "subcategory", NULL };
	struct json_object *d, *arr;
	struct txn_agg_q q;
	struct txn_agg	 total, *groups;
	struct user	 u;
	struct svc	 s;
	char		 from[11], to[11];
	size_t		 i, n;
	int		 truncated;

	memset(&q, 0, sizeof(q));
	v_known_query(r, known);
	spending_range(r, from, to);
	spending_query(r, &q);
	if (v_done(r) == -1)
		return -1;
	q.from = from;
	q.to = to;
	if ((groups = pool_alloc(&r->pool, sizeof(*groups) * (REPORT_MAX_GROUPS + 1))) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	app_svc(app, r, &s);
	if (svc_report_spending(&s, r->params[0], &q, &u, &total, groups, REPORT_MAX_GROUPS,
	    &n, &truncated) == -1)
		return -1;
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, group_json(&groups[i]));
	d = json_object_new_object();
	json_object_object_add(d, "user_id", json_object_new_string(u.id));
	json_object_object_add(d, "currency", json_object_new_string(u.currency));
	json_object_object_add(d, "from", json_object_new_string(from));
	json_object_object_add(d, "to", json_object_new_string(to));
	json_object_object_add(d, "kind", json_object_new_string(q.kind));
	json_object_object_add(d, "category", json_str_or_null(q.category));
	json_object_object_add(d, "subcategory", json_str_or_null(q.subcategory));
	json_object_object_add(d, "group_by", json_str_or_null(q.group_by));
	json_object_object_add(d, "amount_cents", json_object_new_int64(total.cents));
	json_object_object_add(d, "count", json_object_new_int64(total.count));
	json_object_object_add(d, "groups", arr);
	json_object_object_add(d, "truncated", json_object_new_boolean(truncated));
	return json_out_object(r, 200, "spending", d) == -1 ?
	    oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response") : 0;
}

static struct json_object *
recurring_json(const struct rec_series *rs, const char *currency)
{
	struct json_object *o = json_object_new_object();
	char	 d[11];

	json_object_object_add(o, "merchant", json_object_new_string(rs->name));
	json_object_object_add(o, "category",
	    json_object_new_string(category_name((enum category)rs->category)));
	json_object_object_add(o, "cadence", json_object_new_string(rec_cadence_name(rs->cadence)));
	json_object_object_add(o, "amount_cents", json_object_new_int64(rs->typical));
	json_object_object_add(o, "monthly_amount_cents", json_object_new_int64(rs->monthly));
	json_object_object_add(o, "currency", json_object_new_string(currency));
	json_object_object_add(o, "count", json_object_new_int64((int64_t)rs->count));
	cal_format(rs->first, d);
	json_object_object_add(o, "first_date", json_object_new_string(d));
	cal_format(rs->last, d);
	json_object_object_add(o, "last_date", json_object_new_string(d));
	cal_format(rs->next, d);
	json_object_object_add(o, "next_date", json_object_new_string(d));
	return o;
}

int
h_recurring(struct oz_app *app, struct oz_req *r)
{
	static const char *const known[] = { NULL };
	struct json_object *arr;
	struct rec_series *rows;
	struct user	 u;
	struct svc	 s;
	size_t		 i, n;

	v_known_query(r, known);
	if (v_done(r) == -1)
		return -1;
	if ((rows = pool_alloc(&r->pool, sizeof(*rows) * REPORT_MAX_RECURRING)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	app_svc(app, r, &s);
	if (svc_report_recurring(&s, r->params[0], &u, rows, REPORT_MAX_RECURRING, &n) == -1)
		return -1;
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, recurring_json(&rows[i], u.currency));
	return json_out_list(r, arr, 0, NULL);
}
