/* h_intake.c: immutable monthly snapshots of a user's income and expenses. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_intake.h"
#include "core/num.h"
#include "core/pool.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_intake.h"

#define MAX_MONEY_CENTS	100000000000000LL	/* 10^12 major units */

static struct json_object *
debts_json(const struct intake *in)
{
	struct json_object *arr = json_object_new_array();
	size_t	 i;

	for (i = 0; i < in->ndebts; i++) {
		const struct intake_debt *d = &in->debts[i];
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "name", json_str_or_empty_null(d->name));
		json_object_object_add(o, "balance", json_money(d->balance, 2));
		json_object_object_add(o, "interest_rate", d->has_rate ?
		    json_money(d->rate, 3) : NULL);
		json_object_object_add(o, "rate_period", json_object_new_string(d->rate_period));
		json_object_object_add(o, "minimum_payment", d->has_min ?
		    json_money(d->min_payment, 2) : NULL);
		json_object_array_add(arr, o);
	}
	return arr;
}

static struct json_object *
intake_json(const struct intake *in)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(in->id));
	json_object_object_add(o, "user_id", json_object_new_string(in->user_id));
	json_object_object_add(o, "month", json_object_new_string(in->month));
	json_object_object_add(o, "monthly_income", json_money(in->income, 2));
	json_object_object_add(o, "monthly_expenses", json_money(in->expenses, 2));
	json_object_object_add(o, "monthly_surplus", json_money(in->surplus, 2));
	json_object_object_add(o, "financial_goal", json_object_new_string(in->financial_goal));
	json_object_object_add(o, "next_pay_date", json_str_or_empty_null(in->next_pay_date));
	json_object_object_add(o, "savings_balance", in->has_savings ?
	    json_money(in->savings, 2) : NULL);
	json_object_object_add(o, "debt_balance", in->has_debt ? json_money(in->debt, 2) : NULL);
	json_object_object_add(o, "debt_interest_rate", in->has_rate ?
	    json_money(in->rate, 2) : NULL);
	json_object_object_add(o, "debts", debts_json(in));
	json_object_object_add(o, "created_at", json_object_new_string(in->created_at));
	return o;
}

static struct json_object *
intake_item(const void *row)
{
	return intake_json(row);
}

static int
valid_month(const char *s)
{
	char d[11];

	if (strlen(s) != 7)
		return 0;
	snprintf(d, sizeof(d), "%s-01", s);
	return v_is_date(d);
}

/* A rate in percent with up to three decimals (12.5, 2.875), 0..max: 1, 0, -1. */
static int
v_rate(struct oz_req *r, struct json_object *o, const char *field, int64_t max,
    int64_t *out)
{
	struct json_object *v;
	const char	*s, *errstr;

	if (!json_object_object_get_ex(o, field, &v) || v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		oz_fail_detail(r, field, "must be a number");
		return -1;
	}
	s = json_object_get_string(v);
	if (num_parse_decimal(s, strlen(s), 3, 0, max, out, &errstr) == -1) {
		oz_fail_detail(r, field, s[0] == '-' ? "must not be negative" :
		    "must be a percentage per rate_period, at most 3 decimals "
		    "(12.5 for 12.5% a month)");
		return -1;
	}
	return 1;
}

/* One debt of "debts"; details named "debts[i].field". */
static void
read_debt(struct oz_req *r, struct json_object *o, size_t i, struct intake_debt *d)
{
	static const char *const allowed[] = { "name", "balance", "interest_rate", "rate_period",
	    "minimum_payment", NULL };
	static const char *const periods[] = { "month", "year", NULL };
	const char	*name = NULL, *period = NULL;
	char		 f[64];
	size_t		 before = r->err.ndetails, k;

	memset(d, 0, sizeof(*d));
	if (!json_object_is_type(o, json_type_object)) {
		snprintf(f, sizeof(f), "debts[%zu]", i);
		oz_fail_detail(r, f, "must be an object");
		return;
	}
	v_known_fields(r, o, allowed);
	if (v_string(r, o, "name", 1, 100, &name, NULL) == 1)
		snprintf(d->name, sizeof(d->name), "%s", name);
	if (v_money(r, o, "balance", 0, MAX_MONEY_CENTS, &d->balance, NULL) == 0)
		oz_fail_detail(r, "balance", "is required");
	v_enum(r, o, "rate_period", periods, &period, NULL);
	snprintf(d->rate_period, sizeof(d->rate_period), "%s", period ? period : "year");
	/* a monthly rate of 100% or a yearly one of 1000% is the most anyone quotes */
	d->has_rate = v_rate(r, o, "interest_rate", period && strcmp(period, "month") == 0 ?
	    100000 : 1000000, &d->rate) == 1;
	d->has_min = v_money(r, o, "minimum_payment", 0, MAX_MONEY_CENTS, &d->min_payment,
	    NULL) == 1;
	for (k = before; k < r->err.ndetails; k++) {
		snprintf(f, sizeof(f), "debts[%zu].%s", i, r->err.details[k].field);
		r->err.details[k].field = pool_strdup(&r->pool, f);
	}
}

/*
 * "debts", or the one-debt shorthand debt_balance (with debt_interest_rate,
 * a yearly percentage); with both, debt_balance must be their sum.
 */
static void
read_debts(struct oz_req *r, struct json_object *o, struct intake *in)
{
	struct json_object *arr;
	int64_t	 sum = 0;
	size_t	 i, n;

	/* without debts, the service makes debt_balance one */
	if (!json_object_object_get_ex(o, "debts", &arr) || arr == NULL)
		return;
	if (!json_object_is_type(arr, json_type_array) ||
	    (n = json_object_array_length(arr)) > INTAKE_MAX_DEBTS) {
		oz_fail_detail(r, "debts", "must be an array of at most 20 debts");
		return;
	}
	for (i = 0; i < n; i++) {
		read_debt(r, json_object_array_get_idx(arr, i), i, &in->debts[i]);
		sum += in->debts[i].balance;
	}
	in->ndebts = n;
	if (sum > MAX_MONEY_CENTS)
		oz_fail_detail(r, "debts", "add up to more than the largest amount accepted");
	else if (in->has_debt && in->debt != sum)
		oz_fail_detail(r, "debt_balance", "must be the sum of debts' balances, or left out");
	else if (n > 0) {
		in->has_debt = 1;
		in->debt = sum;
		/* one yearly rate in whole hundredths is the shorthand's too */
		if (!in->has_rate && n == 1 && in->debts[0].has_rate &&
		    strcmp(in->debts[0].rate_period, "year") == 0 && in->debts[0].rate % 10 == 0) {
			in->has_rate = 1;
			in->rate = in->debts[0].rate / 10;
		}
	}
}

int
h_intake_create(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "month", "monthly_income", "monthly_expenses",
	    "financial_goal", "next_pay_date", "savings_balance", "debt_balance",
	    "debt_interest_rate", "debts", NULL };
	static const char *const goals[] = { "savings", "debt_payoff", "investment", "debt", NULL };
	struct json_object *o = r->json;
	const char	*month = NULL, *goal = NULL, *paydate = NULL;
	struct intake	 in, out;
	struct svc	 s;

	memset(&in, 0, sizeof(in));
	v_known_fields(r, o, allowed);
	if (v_string(r, o, "month", 7, 7, &month, NULL) == 1 && !valid_month(month))
		oz_fail_detail(r, "month", "must be a month YYYY-MM");
	if (v_money(r, o, "monthly_income", 0, MAX_MONEY_CENTS, &in.income, NULL) == 0)
		oz_fail_detail(r, "monthly_income", "is required");
	if (v_money(r, o, "monthly_expenses", 0, MAX_MONEY_CENTS, &in.expenses, NULL) == 0)
		oz_fail_detail(r, "monthly_expenses", "is required");
	v_enum(r, o, "financial_goal", goals, &goal, NULL);
	v_date(r, o, "next_pay_date", &paydate, NULL);
	in.has_savings = v_money(r, o, "savings_balance", 0, MAX_MONEY_CENTS, &in.savings,
	    NULL) == 1;
	in.has_debt = v_money(r, o, "debt_balance", 0, MAX_MONEY_CENTS, &in.debt, NULL) == 1;
	/* a yearly percentage, e.g. 19.9 */
	in.has_rate = v_money(r, o, "debt_interest_rate", 0, 100000, &in.rate, NULL) == 1;
	read_debts(r, o, &in);
	if (v_done(r) == -1)
		return -1;
	snprintf(in.month, sizeof(in.month), "%s", month ? month : "");
	snprintf(in.financial_goal, sizeof(in.financial_goal), "%s", goal ? goal : "");
	snprintf(in.next_pay_date, sizeof(in.next_pay_date), "%s", paydate ? paydate : "");
	app_svc(app, r, &s);
	if (svc_intake_create(&s, r->params[0], &in, &out) == -1)
		return -1;
	return json_out_object(r, 201, "financial_intake", intake_json(&out));
}

int
h_intake_latest(struct oz_app *app, struct oz_req *r)
{
	struct intake	 in;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_intake_latest(&s, r->params[0], &in) == -1)
		return -1;
	return json_out_object(r, 200, "financial_intake", intake_json(&in));
}

int
h_intake_history(struct oz_app *app, struct oz_req *r)
{
	struct intake	*rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (page_list_begin(app, r, "intakes", NULL, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_intake_history(&s, r->params[0], &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), intake_item,
	    PAGE_ROW_FIELDS(struct intake), more);
}
