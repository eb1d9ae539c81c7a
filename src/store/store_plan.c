/* store_plan.c: the plans table (store_plan.h). */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "core/pool.h"
#include "store/store.h"
#include "store/store_plan.h"

#define PLAN_COLUMNS(X) \
	X(P_ID, "id") \
	X(P_USER, "user_id") \
	X(P_BODY, "body::text") \
	X(P_MOVE, "monthly_move_cents::text") \
	X(P_CREATED, STORE_US("created_at")) \
	X(P_FOCUS_STEP, "coalesce(body->'focus'->>'step', '')") \
	X(P_FOCUS_TOPIC, "coalesce(body->'focus'->>'topic', '')") \
	X(P_FOCUS_NAME, "coalesce(body->'focus'->>'name', '')")

enum { PLAN_COLUMNS(STORE_COL_ENUM) P_NCOLS };
#define PLAN_COLS PLAN_COLUMNS(STORE_COL_SQL) "1"

/* A key metric (major units, exact) as minor units at $3 digits. */
#define METRIC(key) "round((body->'key_metrics'->>'" key "')::numeric" \
	" * power(10::numeric, $3::integer))::bigint::text"
#define PERCENT(key) "round((body->'key_metrics'->>'" key "')::numeric * 100)::bigint::text"

#define FACT_COLUMNS(X) \
	X(F_ID, "id") \
	X(F_CREATED, "body->>'created_at'") \
	X(F_SUMMARY, "body->>'summary'") \
	X(F_TIMELINE, "body->>'timeline_months'") \
	X(F_NEEDS, "body->'allocations'->>'needs'") \
	X(F_WANTS, "body->'allocations'->>'wants'") \
	X(F_SAVINGS, "body->'allocations'->>'savings'") \
	X(F_DEBT, "body->'allocations'->>'debt'") \
	X(F_SAVE, METRIC("monthly_savings_amount")) \
	X(F_DEBT_PAY, METRIC("monthly_debt_payment")) \
	X(F_RATE, PERCENT("current_savings_rate")) \
	X(F_TARGET, PERCENT("target_savings_rate")) \
	X(F_GOAL_DATE, "body->'key_metrics'->>'projected_goal_date'") \
	X(F_PAYOFF, "body->'key_metrics'->>'debt_payoff_date'") \
	X(F_EMERGENCY, "round((body->'key_metrics'->>'emergency_fund_months')::numeric * 10)" \
	    "::bigint::text") \
	X(F_ACTIONS, "array_to_json(ARRAY(SELECT jsonb_array_elements_text(" \
	    "coalesce(body->'action_items', '[]'))))::text")

enum { FACT_COLUMNS(STORE_COL_ENUM) F_NCOLS };
#define FACT_COLS FACT_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt plan_insert = { "plan_insert",
	"INSERT INTO plans (client_id, id, user_id, body, monthly_move_cents)"
	" VALUES ($1, $2, $3, $4::jsonb, $5::bigint)", 0, 0 };
static struct db_stmt plan_latest = { "plan_latest",
	"SELECT " PLAN_COLS " FROM plans WHERE client_id = $1 AND user_id = " STORE_USER("$2")
	" ORDER BY created_at DESC, id DESC LIMIT 1", 1, 0 };
static struct db_stmt plan_list = { "plan_list",
	"SELECT " PLAN_COLS " FROM plans WHERE client_id = $1 AND user_id = " STORE_USER("$2")
	" AND " STORE_BEFORE("created_at", "id", "$3", "$4")
	" ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1, 0 };
static struct db_stmt plan_facts = { "plan_facts",
	"SELECT " FACT_COLS " FROM plans WHERE client_id = $1 AND user_id = $2"
	" ORDER BY created_at DESC, id DESC LIMIT 1", 1, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct plan_row *p = out;

	memset(p, 0, sizeof(*p));
	store_copy(p->id, sizeof(p->id), res, row, P_ID);
	store_copy(p->user_id, sizeof(p->user_id), res, row, P_USER);
	p->body = store_text(st, res, row, P_BODY);
	p->monthly_move_cents = store_i64(res, row, P_MOVE);
	p->cursor_us = store_i64(res, row, P_CREATED);
	store_copy(p->focus_step, sizeof(p->focus_step), res, row, P_FOCUS_STEP);
	store_copy(p->focus_topic, sizeof(p->focus_topic), res, row, P_FOCUS_TOPIC);
	store_copy(p->focus_name, sizeof(p->focus_name), res, row, P_FOCUS_NAME);
	return p->body == NULL ? -1 : 0;
}

/* A nullable integer column: 1 and *v, or 0 for NULL. */
static int
opt_i64(PGresult *res, int row, int col, int64_t *v)
{
	*v = store_i64(res, row, col);
	return !PQgetisnull(res, row, col);
}

/* The action items: a JSON array of strings the database made from the body. */
static void
decode_actions(struct store *st, const char *text, struct plan_facts *f)
{
	struct json_object *arr = json_tokener_parse(text), *e;
	size_t	 i, n;

	n = arr && json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
	for (i = 0; i < n && f->nactions < PLAN_MAX_ACTIONS; i++) {
		e = json_object_array_get_idx(arr, i);
		if (json_object_is_type(e, json_type_string) &&
		    (f->actions[f->nactions] = pool_strdup(st->pool, json_object_get_string(e))))
			f->nactions++;
	}
	json_object_put(arr);
}

static int
decode_facts(struct store *st, PGresult *res, int row, void *out)
{
	struct plan_facts *f = out;
	int64_t	 v;

	memset(f, 0, sizeof(*f));
	store_copy(f->id, sizeof(f->id), res, row, F_ID);
	store_copy(f->created_at, sizeof(f->created_at), res, row, F_CREATED);
	f->summary = store_text(st, res, row, F_SUMMARY);
	f->has_timeline = opt_i64(res, row, F_TIMELINE, &f->timeline_months);
	f->needs_pct = (int)store_i64(res, row, F_NEEDS);
	f->wants_pct = (int)store_i64(res, row, F_WANTS);
	f->savings_pct = (int)store_i64(res, row, F_SAVINGS);
	f->debt_pct = (int)store_i64(res, row, F_DEBT);
	f->has_monthly_savings = opt_i64(res, row, F_SAVE, &f->monthly_savings);
	f->has_monthly_debt_payment = opt_i64(res, row, F_DEBT_PAY, &f->monthly_debt_payment);
	f->has_current_rate = opt_i64(res, row, F_RATE, &f->current_rate_bp);
	f->has_target_rate = opt_i64(res, row, F_TARGET, &f->target_rate_bp);
	store_copy(f->projected_goal_date, sizeof(f->projected_goal_date), res, row, F_GOAL_DATE);
	store_copy(f->debt_payoff_date, sizeof(f->debt_payoff_date), res, row, F_PAYOFF);
	f->has_emergency_months = opt_i64(res, row, F_EMERGENCY, &v);
	f->emergency_months_tenths = v;
	decode_actions(st, PQgetvalue(res, row, F_ACTIONS), f);
	return 0;
}

int
store_plan_insert(struct store *st, const struct plan_row *p)
{
	const char *params[5] = { st->client, p->id, p->user_id, p->body,
	    store_int_param(st, p->monthly_move_cents) };

	return store_exec(st, &plan_insert, 5, params, NULL);
}

int
store_plan_latest(struct store *st, const char *user, struct plan_row *out)
{
	const char *params[2] = { st->client, user };

	return store_one(st, &plan_latest, 2, params, decode, out);
}

int
store_plan_list(struct store *st, const char *user, const struct store_page *pg,
    struct plan_row *rows, size_t *n, int *has_more)
{
	const char *filter[1] = { user };

	return store_list(st, &plan_list, filter, 1, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_plan_facts(struct store *st, const char *user, int digits, struct plan_facts *out)
{
	const char *params[3] = { st->client, user, store_int_param(st, digits) };

	return store_one(st, &plan_facts, 3, params, decode_facts, out);
}
