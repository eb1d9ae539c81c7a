/* store_intake.c: the financial_intakes table (store_intake.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/pool.h"
#include "store/db.h"
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

static struct db_stmt debt_insert = { "intake_debt_insert",
	"INSERT INTO intake_debts (client_id, intake_id, position, name, balance, interest_rate,"
	" rate_period, minimum_payment) VALUES ($1, $2, $3::smallint, $4, $5::numeric,"
	" $6::numeric / 1000, $7, $8::numeric)", 0, 0 };
/* The debts of the intakes $2 names ("{id,id}"), in order. */
static struct db_stmt debts_of = { "intake_debts_of",
	"SELECT intake_id, coalesce(name, ''), balance::text,"
	" (interest_rate * 1000)::bigint::text, rate_period, minimum_payment::text"
	" FROM intake_debts WHERE client_id = $1 AND intake_id = ANY ($2::text[])"
	" ORDER BY intake_id, position", 1, 0 };

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

/* Read the debts of n intakes into them. */
static int
read_debts(struct store *st, struct intake *rows, size_t n)
{
	const char	*params[2], **vals;
	const char	*ids;
	char		 id[OZ_ID_MAX];
	PGresult	*res;
	size_t		 i, k;
	int		 r;

	if (n == 0)
		return 0;
	if ((vals = pool_alloc(st->pool, n * sizeof(*vals))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		rows[i].ndebts = 0;
		vals[i] = rows[i].id;
	}
	if ((ids = store_array_param(st, vals, n)) == NULL)
		return -1;
	params[0] = st->client;
	params[1] = ids;
	if ((res = db_run(st->db, &debts_of, 2, params)) == NULL)
		return -1;
	for (r = 0; r < PQntuples(res); r++) {
		struct intake_debt *d;
		int	 null;

		store_copy(id, sizeof(id), res, r, 0);
		for (k = 0; k < n && strcmp(rows[k].id, id) != 0; k++)
			;
		if (k == n || rows[k].ndebts == INTAKE_MAX_DEBTS)
			continue;
		d = &rows[k].debts[rows[k].ndebts++];
		memset(d, 0, sizeof(*d));
		store_copy(d->name, sizeof(d->name), res, r, 1);
		d->balance = store_hundredths(res, r, 2, NULL);
		d->has_rate = !PQgetisnull(res, r, 3);
		d->rate = d->has_rate ? store_i64(res, r, 3) : 0;
		store_copy(d->rate_period, sizeof(d->rate_period), res, r, 4);
		d->min_payment = store_hundredths(res, r, 5, &null);
		d->has_min = !null;
	}
	PQclear(res);
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
	size_t	 i;

	if (in->ndebts > INTAKE_MAX_DEBTS ||
	    store_one(st, &intake_insert, 11, params, decode, out) != 1)
		return -1;
	for (i = 0; i < in->ndebts; i++) {
		const struct intake_debt *d = &in->debts[i];
		const char *dp[8] = { st->client, out->id, store_int_param(st, (int64_t)i),
		    d->name[0] ? d->name : NULL, store_money_param(st, d->balance),
		    d->has_rate ? store_int_param(st, d->rate) : NULL, d->rate_period,
		    d->has_min ? store_money_param(st, d->min_payment) : NULL };

		if (store_exec(st, &debt_insert, 8, dp, NULL) == -1)
			return -1;
		out->debts[i] = *d;
	}
	out->ndebts = in->ndebts;
	return 0;
}

int
store_intake_latest(struct store *st, const char *user, struct intake *out)
{
	const char *params[2] = { st->client, user };
	int	 rc;

	if ((rc = store_one(st, &intake_latest, 2, params, decode, out)) == 1 &&
	    read_debts(st, out, 1) == -1)
		return -1;
	return rc;
}

int
store_intake_list(struct store *st, const char *user, const struct store_page *pg,
    struct intake *rows, size_t *n, int *has_more)
{
	const char *filter[1] = { user };

	if (store_list(st, &intake_list, filter, 1, pg, decode, rows, sizeof(*rows), n,
	    has_more) == -1)
		return -1;
	return read_debts(st, rows, *n);
}
