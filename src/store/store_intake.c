/* store_intake.c: the financial_intakes table (store_intake.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_intake.h"

#define INTAKE_COLUMNS(X) \
	X(I_ID, "id") \
	X(I_USER, "user_id") \
	X(I_MONTH, "month") \
	X(I_INCOME, "monthly_income::text") \
	X(I_EXPENSES, "monthly_expenses::text") \
	X(I_GOAL, "financial_goal") \
	X(I_PAYDATE, "next_pay_date::text") \
	X(I_SAVINGS, "savings_balance::text") \
	X(I_DEBT, "debt_balance::text") \
	X(I_RATE, "debt_interest_rate::text") \
	X(I_CREATED, STORE_US("created_at"))

enum { INTAKE_COLUMNS(STORE_COL_ENUM) I_NCOLS };
#define INTAKE_COLS INTAKE_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt intake_insert = { "intake_insert",
	"INSERT INTO financial_intakes (client_id, id, user_id, month,"
	" monthly_income, monthly_expenses, financial_goal, next_pay_date, savings_balance,"
	" debt_balance, debt_interest_rate) VALUES ($1, $2, $3, $4, $5::numeric, $6::numeric,"
	" $7, $8::date, $9::numeric, $10::numeric, $11::numeric) RETURNING " INTAKE_COLS, 0, 0 };
static struct db_stmt intake_latest = { "intake_latest",
	"SELECT " INTAKE_COLS " FROM financial_intakes WHERE client_id = $1"
	" AND user_id = " STORE_USER("$2")
	" ORDER BY created_at DESC, id DESC LIMIT 1", 1, 0 };
static struct db_stmt intake_list = { "intake_list",
	"SELECT " INTAKE_COLS " FROM financial_intakes WHERE client_id = $1"
	" AND user_id = " STORE_USER("$2")
	" AND " STORE_BEFORE("created_at", "id", "$3", "$4")
	" ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct intake *in = out;
	int	 null;

	(void)st;
	memset(in, 0, sizeof(*in));
	store_copy(in->id, sizeof(in->id), res, row, I_ID);
	store_copy(in->user_id, sizeof(in->user_id), res, row, I_USER);
	store_copy(in->month, sizeof(in->month), res, row, I_MONTH);
	in->income = store_hundredths(res, row, I_INCOME, NULL);
	in->expenses = store_hundredths(res, row, I_EXPENSES, NULL);
	in->surplus = in->income - in->expenses;
	store_copy(in->financial_goal, sizeof(in->financial_goal), res, row, I_GOAL);
	store_copy(in->next_pay_date, sizeof(in->next_pay_date), res, row, I_PAYDATE);
	in->savings = store_hundredths(res, row, I_SAVINGS, &null);
	in->has_savings = !null;
	in->debt = store_hundredths(res, row, I_DEBT, &null);
	in->has_debt = !null;
	in->rate = store_hundredths(res, row, I_RATE, &null);
	in->has_rate = !null;
	store_ts(in->created_at, sizeof(in->created_at), res, row, I_CREATED);
	in->cursor_us = store_i64(res, row, I_CREATED);
	return 0;
}

int
store_intake_insert(struct store *st, const struct intake *in, struct intake *out)
{
	const char *params[11] = { st->client, in->id, in->user_id, in->month,
	    store_money_param(st, in->income), store_money_param(st, in->expenses),
	    in->financial_goal, in->next_pay_date[0] ? in->next_pay_date : NULL,
	    in->has_savings ? store_money_param(st, in->savings) : NULL,
	    in->has_debt ? store_money_param(st, in->debt) : NULL,
	    in->has_rate ? store_money_param(st, in->rate) : NULL };

	return store_one(st, &intake_insert, 11, params, decode, out) == 1 ? 0 : -1;
}

int
store_intake_latest(struct store *st, const char *user, struct intake *out)
{
	const char *params[2] = { st->client, user };

	return store_one(st, &intake_latest, 2, params, decode, out);
}

int
store_intake_list(struct store *st, const char *user, const struct store_page *pg,
    struct intake *rows, size_t *n, int *has_more)
{
	const char *filter[1] = { user };

	return store_list(st, &intake_list, filter, 1, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}
