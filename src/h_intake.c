/* h_intake.c: immutable monthly snapshots of a user's income and expenses. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "db.h"
#include "h_intake.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "num.h"
#include "page.h"
#include "validate.h"

#define MAX_MONEY_CENTS	100000000000000LL	/* 10^12 major units */

enum { I_ID, I_USER, I_MONTH, I_INCOME, I_EXPENSES, I_SURPLUS, I_GOAL, I_PAYDATE,
	I_SAVINGS, I_DEBT, I_RATE, I_CREATED, I_CURSOR };

static struct json_object *
intake_json(PGresult *res, int row)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_str_or_null(db_col(res, row, I_ID)));
	json_object_object_add(o, "user_id", json_str_or_null(db_col(res, row, I_USER)));
	json_object_object_add(o, "month", json_str_or_null(db_col(res, row, I_MONTH)));
	json_object_object_add(o, "monthly_income", json_decimal(db_col(res, row, I_INCOME)));
	json_object_object_add(o, "monthly_expenses", json_decimal(db_col(res, row, I_EXPENSES)));
	json_object_object_add(o, "monthly_surplus", json_decimal(db_col(res, row, I_SURPLUS)));
	json_object_object_add(o, "financial_goal", json_str_or_null(db_col(res, row, I_GOAL)));
	json_object_object_add(o, "next_pay_date", json_str_or_null(db_col(res, row, I_PAYDATE)));
	json_object_object_add(o, "savings_balance", json_decimal(db_col(res, row, I_SAVINGS)));
	json_object_object_add(o, "debt_balance", json_decimal(db_col(res, row, I_DEBT)));
	json_object_object_add(o, "debt_interest_rate", json_decimal(db_col(res, row, I_RATE)));
	json_object_object_add(o, "created_at", json_str_or_null(db_col(res, row, I_CREATED)));
	return o;
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
	const char	*month = NULL, *goal = NULL, *paydate = NULL, *params[11];
	int64_t		 income, expenses, savings, debt, rate;
	int		 has_savings, has_debt, has_rate, rc;
	char		 user[OZ_ID_MAX], id[OZ_ID_MAX], now_month[8];
	PGresult	*res;
	time_t		 now = time(NULL);
	struct tm	 tm;

	v_known_fields(r, o, allowed);
	if (v_string(r, o, "month", 7, 7, &month, NULL) == 1 && !valid_month(month))
		oz_fail_detail(r, "month", "must be a month YYYY-MM");
	if (v_money(r, o, "monthly_income", 0, MAX_MONEY_CENTS, &income, NULL) == 0)
		oz_fail_detail(r, "monthly_income", "is required");
	if (v_money(r, o, "monthly_expenses", 0, MAX_MONEY_CENTS, &expenses, NULL) == 0)
		oz_fail_detail(r, "monthly_expenses", "is required");
	v_enum(r, o, "financial_goal", goals, &goal, NULL);
	v_date(r, o, "next_pay_date", &paydate, NULL);
	has_savings = v_money(r, o, "savings_balance", 0, MAX_MONEY_CENTS, &savings, NULL) == 1;
	has_debt = v_money(r, o, "debt_balance", 0, MAX_MONEY_CENTS, &debt, NULL) == 1;
	/* an annual percentage, e.g. 19.9 */
	has_rate = v_money(r, o, "debt_interest_rate", 0, 100000, &rate, NULL) == 1;
	if (v_done(r) == -1)
		return -1;
	if (user_id_of(app, r, user, sizeof(user)) == -1 ||
	    ids_new("ozz_intake", id, sizeof(id)) == -1)
		return r->err.code ? -1 : oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
	if (month == NULL) {
		gmtime_r(&now, &tm);
		strftime(now_month, sizeof(now_month), "%Y-%m", &tm);
		month = now_month;
	}
	if (goal == NULL)
		goal = "savings";
	else if (strcmp(goal, "debt") == 0)
		goal = "debt_payoff";
	params[0] = r->client_id;
	params[1] = id;
	params[2] = user;
	params[3] = month;
	params[4] = db_money_param(r, income);
	params[5] = db_money_param(r, expenses);
	params[6] = goal;
	params[7] = paydate;
	params[8] = has_savings ? db_money_param(r, savings) : NULL;
	params[9] = has_debt ? db_money_param(r, debt) : NULL;
	params[10] = has_rate ? db_money_param(r, rate) : NULL;
	if ((res = db_exec(&app->db, DB_INTAKE_INSERT, 11, params)) == NULL)
		return db_fail(&app->db, r);
	rc = json_out_object(r, 201, "financial_intake", intake_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_intake_latest(struct oz_app *app, struct oz_req *r)
{
	const char	*params[2];
	char		 user[OZ_ID_MAX];
	PGresult	*res;
	int		 rc;

	if (user_id_of(app, r, user, sizeof(user)) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = user;
	if ((res = db_exec(&app->db, DB_INTAKE_LATEST, 2, params)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return oz_fail(r, OZ_NOT_FOUND, "this user has no financial intake yet");
	}
	rc = json_out_object(r, 200, "financial_intake", intake_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_intake_history(struct oz_app *app, struct oz_req *r)
{
	return page_user_list(app, r, "intakes", DB_INTAKE_LIST, intake_json, I_ID, I_CURSOR);
}
