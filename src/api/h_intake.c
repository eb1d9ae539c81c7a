/* h_intake.c: immutable monthly snapshots of a user's income and expenses. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_intake.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_intake.h"

#define MAX_MONEY_CENTS	100000000000000LL	/* 10^12 major units */

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

int
h_intake_create(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "month", "monthly_income", "monthly_expenses",
	    "financial_goal", "next_pay_date", "savings_balance", "debt_balance",
	    "debt_interest_rate", NULL };
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
