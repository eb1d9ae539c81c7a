/* store_onboard.c: wa_onboarding (store_onboard.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_onboard.h"

#define OB_COLUMNS(X) \
	X(O_STEP, "step") \
	X(O_INCOME, "income") \
	X(O_EXPENSES, "expenses") \
	X(O_SAVINGS, "savings") \
	X(O_DEBT, "debt") \
	X(O_RATE, "rate") \
	X(O_PERIOD, "rate_period") \
	X(O_GNAME, "goal_name") \
	X(O_GTYPE, "goal_type") \
	X(O_GEMERG, "goal_emergency") \
	X(O_LAST, "last_message_id")

enum { OB_COLUMNS(STORE_COL_ENUM) O_NCOLS };
#define OB_COLS OB_COLUMNS(STORE_COL_SQL) "updated_at"

static struct db_stmt ob_get = { "ob_get",
	"SELECT " OB_COLS " FROM wa_onboarding WHERE client_id = $1 AND user_id = $2", 1, 0 };
static struct db_stmt ob_put = { "ob_put",
	"INSERT INTO wa_onboarding (client_id, user_id, step, income, expenses, savings, debt,"
	" rate, rate_period, goal_name, goal_type, goal_emergency, last_message_id)"
	" SELECT $1, u.id, $3, $4::bigint, $5::bigint, $6::bigint, $7::bigint, $8::bigint, $9,"
	" $10, $11, $12::boolean, $13 FROM users u WHERE u.client_id = $1 AND u.id = $2"
	" ON CONFLICT (client_id, user_id) DO UPDATE SET step = EXCLUDED.step,"
	" income = EXCLUDED.income, expenses = EXCLUDED.expenses, savings = EXCLUDED.savings,"
	" debt = EXCLUDED.debt, rate = EXCLUDED.rate, rate_period = EXCLUDED.rate_period,"
	" goal_name = EXCLUDED.goal_name, goal_type = EXCLUDED.goal_type,"
	" goal_emergency = EXCLUDED.goal_emergency, last_message_id = EXCLUDED.last_message_id,"
	" updated_at = clock_timestamp()", 0, 0 };

static int64_t
opt_i64(PGresult *res, int row, int col, int *has)
{
	*has = !PQgetisnull(res, row, col);
	return *has ? store_i64(res, row, col) : 0;
}

static int
decode_ob(struct store *st, PGresult *res, int row, void *out)
{
	struct onboarding *o = out;

	(void)st;
	memset(o, 0, sizeof(*o));
	store_copy(o->step, sizeof(o->step), res, row, O_STEP);
	o->income = opt_i64(res, row, O_INCOME, &o->has_income);
	o->expenses = opt_i64(res, row, O_EXPENSES, &o->has_expenses);
	o->savings = opt_i64(res, row, O_SAVINGS, &o->has_savings);
	o->debt = opt_i64(res, row, O_DEBT, &o->has_debt);
	o->rate = opt_i64(res, row, O_RATE, &o->has_rate);
	store_copy(o->rate_period, sizeof(o->rate_period), res, row, O_PERIOD);
	store_copy(o->goal_name, sizeof(o->goal_name), res, row, O_GNAME);
	store_copy(o->goal_type, sizeof(o->goal_type), res, row, O_GTYPE);
	o->goal_emergency = store_bool(res, row, O_GEMERG);
	store_copy(o->last_message_id, sizeof(o->last_message_id), res, row, O_LAST);
	return o->step[0] != '\0' ? 0 : -1;
}

int
store_onboard_get(struct store *st, const char *user, struct onboarding *out)
{
	const char *p[2] = { st->client, user };

	return store_one(st, &ob_get, 2, p, decode_ob, out);
}

/* An optional integer as a parameter: NULL when it has none. */
static const char *
opt_param(struct store *st, int has, int64_t v, int *oom)
{
	const char *s;

	if (!has)
		return NULL;
	if ((s = store_int_param(st, v)) == NULL)
		*oom = 1;
	return s;
}

int
store_onboard_put(struct store *st, const char *user, const struct onboarding *o)
{
	const char	*p[13];
	int		 oom = 0, n;

	p[0] = st->client;
	p[1] = user;
	p[2] = o->step;
	p[3] = opt_param(st, o->has_income, o->income, &oom);
	p[4] = opt_param(st, o->has_expenses, o->expenses, &oom);
	p[5] = opt_param(st, o->has_savings, o->savings, &oom);
	p[6] = opt_param(st, o->has_debt, o->debt, &oom);
	p[7] = opt_param(st, o->has_rate, o->rate, &oom);
	p[8] = o->rate_period[0] ? o->rate_period : NULL;
	p[9] = o->goal_name[0] ? o->goal_name : NULL;
	p[10] = o->goal_type[0] ? o->goal_type : NULL;
	p[11] = o->goal_emergency ? "t" : "f";
	p[12] = o->last_message_id[0] ? o->last_message_id : NULL;
	if (oom || store_exec(st, &ob_put, 13, p, &n) == -1)
		return -1;
	return n == 1 ? 0 : -1;
}
