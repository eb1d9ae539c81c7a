/* store_goal.c: the goals table (store_goal.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_goal.h"

/* Qualified by the table name: the update joins another relation. */
#define GOAL_COLUMNS(X) \
	X(G_ID, "goals.id") \
	X(G_USER, "goals.user_id") \
	X(G_TYPE, "goals.goal_type") \
	X(G_NAME, "goals.goal_name") \
	X(G_TARGET, "goals.target_amount::text") \
	X(G_START, "goals.starting_amount::text") \
	X(G_CURRENT, "goals.current_amount::text") \
	X(G_DATE, "goals.target_date::text") \
	X(G_CADENCE, "goals.cadence") \
	X(G_NEXT, "goals.next_move_date::text") \
	X(G_STATUS, "goals.status") \
	X(G_PRIMARY, "goals.is_primary") \
	X(G_CREATED, STORE_US("goals.created_at")) \
	X(G_UPDATED, STORE_US("goals.updated_at"))

enum { GOAL_COLUMNS(STORE_COL_ENUM) G_NCOLS };
#define GOAL_COLS GOAL_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt goal_demote = { "goal_demote",
	"UPDATE goals SET is_primary = false, updated_at = clock_timestamp()"
	" WHERE client_id = $1 AND user_id = $2 AND is_primary AND status = 'active'"
	" AND id IS DISTINCT FROM $3", 0, 0 };
static struct db_stmt goal_insert = { "goal_insert",
	"INSERT INTO goals (client_id, id, user_id, goal_type, goal_name, target_amount,"
	" starting_amount, current_amount, target_date, cadence, next_move_date, status,"
	" is_primary) VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::numeric, $8::numeric,"
	" $9::date, $10, ozzie_next_move_date($10, current_date),"
	" CASE WHEN $8::numeric >= $6::numeric THEN 'achieved' ELSE 'active' END,"
	" CASE WHEN $11::boolean IS NOT NULL THEN $11::boolean"
	" WHEN $8::numeric >= $6::numeric THEN false ELSE NOT EXISTS (SELECT 1"
	" FROM goals g WHERE g.client_id = $1 AND g.user_id = $3 AND g.is_primary"
	" AND g.status = 'active') END) RETURNING " GOAL_COLS, 0, 0 };
static struct db_stmt goal_get = { "goal_get",
	"SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = " STORE_USER("$2")
	" AND id = $3", 1, 0 };
static struct db_stmt goal_primary = { "goal_primary",
	"SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = $2"
	" AND status = 'active' ORDER BY is_primary DESC, created_at DESC LIMIT 1", 1, 0 };
static struct db_stmt goal_list = { "goal_list",
	"SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = " STORE_USER("$2")
	" AND ($3::text IS NULL OR status = $3)"
	" AND " STORE_BEFORE("created_at", "id", "$4", "$5")
	" ORDER BY created_at DESC, id DESC LIMIT $6::integer", 1, 0 };
static struct db_stmt goal_top = { "goal_top",
	"SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = $2"
	" ORDER BY status = 'active' DESC, is_primary DESC, created_at DESC LIMIT $3::integer",
	1, 0 };
/*
 * $4..$17: a "given" flag and a value per field. Reaching the target
 * achieves the goal; an achieved goal whose target moves above it is active
 * again; a new cadence moves the next money move.
 */
static struct db_stmt goal_update = { "goal_update",
	"WITH n AS (SELECT g.*,"
	" CASE WHEN $4::boolean THEN $5 ELSE g.goal_type END AS n_type,"
	" CASE WHEN $6::boolean THEN $7 ELSE g.goal_name END AS n_name,"
	" CASE WHEN $8::boolean THEN $9::numeric ELSE g.target_amount END AS n_target,"
	" CASE WHEN $10::boolean THEN $11::numeric ELSE g.current_amount END AS n_current,"
	" CASE WHEN $12::boolean THEN $13::date ELSE g.target_date END AS n_date,"
	" CASE WHEN $14::boolean THEN $15 ELSE g.cadence END AS n_cadence,"
	" CASE WHEN $16::boolean THEN $17 ELSE g.status END AS n_status"
	" FROM goals g WHERE g.client_id = $1 AND g.user_id = $2 AND g.id = $3 FOR UPDATE)"
	" UPDATE goals SET goal_type = n.n_type, goal_name = n.n_name,"
	" target_amount = n.n_target, current_amount = n.n_current, target_date = n.n_date,"
	" cadence = n.n_cadence,"
	" next_move_date = CASE WHEN n.n_cadence <> n.cadence"
	"  THEN ozzie_next_move_date(n.n_cadence, current_date) ELSE n.next_move_date END,"
	" status = CASE WHEN n.n_status = 'archived' THEN 'archived'"
	"  WHEN n.n_current >= n.n_target THEN 'achieved' ELSE 'active' END,"
	/* archived goals are never primary; one coming back yields to an active primary */
	" is_primary = CASE WHEN n.n_status = 'archived' THEN false"
	"  WHEN $18::boolean IS NOT NULL THEN $18::boolean"
	"  WHEN n.is_primary AND n.status <> 'active' AND n.n_current < n.n_target AND EXISTS"
	"  (SELECT 1 FROM goals o WHERE o.client_id = $1 AND o.user_id = $2 AND o.id <> $3"
	"  AND o.is_primary AND o.status = 'active') THEN false ELSE n.is_primary END,"
	" updated_at = clock_timestamp()"
	" FROM n WHERE goals.client_id = n.client_id AND goals.id = n.id"
	" RETURNING " GOAL_COLS, 0, 0 };
static struct db_stmt goal_advance = { "goal_advance",
	"UPDATE goals SET next_move_date = ozzie_next_move_date(cadence, $4::date),"
	" updated_at = clock_timestamp() WHERE client_id = $1 AND user_id = $2 AND id = $3",
	0, 0 };
/*
 * Move a goal by $4 (hundredths, as numeric; negative takes back): never
 * below 0; reaching the target achieves it; an achieved goal that falls
 * below it is active again, and yields the primary slot to another active
 * primary goal; an archived goal stays archived and is never raised. A
 * raise past 10^12 major units (the most a goal's amount is, in the API)
 * moves nothing.
 */
#define GOAL_MOVED "greatest(current_amount + $4::numeric, 0)"
static struct db_stmt goal_add = { "goal_add",
	"UPDATE goals SET current_amount = " GOAL_MOVED ","
	" status = CASE WHEN status = 'archived' THEN 'archived'"
	"  WHEN " GOAL_MOVED " >= target_amount THEN 'achieved' ELSE 'active' END,"
	" is_primary = CASE WHEN is_primary AND status = 'achieved'"
	"  AND " GOAL_MOVED " < target_amount AND EXISTS (SELECT 1 FROM goals o"
	"  WHERE o.client_id = $1 AND o.user_id = $2 AND o.id <> $3 AND o.is_primary"
	"  AND o.status = 'active') THEN false ELSE is_primary END,"
	" updated_at = clock_timestamp()"
	" WHERE client_id = $1 AND user_id = $2 AND id = $3 AND ($4::numeric < 0"
	" OR (status <> 'archived' AND current_amount + $4::numeric <= 1000000000000))"
	" RETURNING " GOAL_COLS, 0, 0 };
/*
 * The active goals a transaction of kind $3 may move (debt_payment: debt
 * payoff goals; savings_contribution: savings and investment goals), oldest
 * first; none when $4, the transaction's currency, is not the user's.
 */
static struct db_stmt goal_candidates = { "goal_candidates",
	"SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = $2"
	" AND status = 'active' AND CASE WHEN $3 = 'debt_payment' THEN goal_type = 'debt_payoff'"
	" WHEN $3 = 'savings_contribution' THEN goal_type IN ('savings', 'investment')"
	" ELSE false END AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM users u"
	" WHERE u.client_id = $1 AND u.id = $2 AND u.currency = $4))"
	" ORDER BY created_at, id LIMIT $5::integer", 1, 0 };
static struct db_stmt goal_lock_all = { "goal_lock_all",
	"SELECT id FROM goals WHERE client_id = $1 AND user_id = $2 ORDER BY id FOR UPDATE", 0, 0 };
static struct db_stmt goal_delete = { "goal_delete",
	"DELETE FROM goals WHERE client_id = $1 AND user_id = $2 AND id = $3", 0, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct goal *g = out;

	memset(g, 0, sizeof(*g));
	store_copy(g->id, sizeof(g->id), res, row, G_ID);
	store_copy(g->user_id, sizeof(g->user_id), res, row, G_USER);
	store_copy(g->goal_type, sizeof(g->goal_type), res, row, G_TYPE);
	g->goal_name = store_text(st, res, row, G_NAME);
	g->target_amount = store_hundredths(res, row, G_TARGET, NULL);
	g->starting_amount = store_hundredths(res, row, G_START, NULL);
	g->current_amount = store_hundredths(res, row, G_CURRENT, NULL);
	store_copy(g->target_date, sizeof(g->target_date), res, row, G_DATE);
	store_copy(g->cadence, sizeof(g->cadence), res, row, G_CADENCE);
	store_copy(g->next_move_date, sizeof(g->next_move_date), res, row, G_NEXT);
	store_copy(g->status, sizeof(g->status), res, row, G_STATUS);
	g->is_primary = store_bool(res, row, G_PRIMARY);
	store_ts(g->created_at, sizeof(g->created_at), res, row, G_CREATED);
	store_ts(g->updated_at, sizeof(g->updated_at), res, row, G_UPDATED);
	g->cursor_us = store_i64(res, row, G_CREATED);
	return g->goal_name == NULL ? -1 : 0;
}

int
store_goal_insert(struct store *st, const char *user, const char *id,
    const struct goal_fields *f, struct goal *out)
{
	const char *params[11] = { st->client, id, user, f->goal_type, f->goal_name,
	    store_money_param(st, f->target_amount), store_money_param(st, f->starting_amount),
	    store_money_param(st, f->current_amount), f->target_date, f->cadence, f->primary };

	return store_one(st, &goal_insert, 11, params, decode, out) == 1 ? 0 : -1;
}

int
store_goal_update(struct store *st, const char *user, const char *id,
    const struct goal_fields *f, struct goal *out)
{
	const char *params[18] = { st->client, user, id,
	    f->has_type ? "t" : "f", f->goal_type,
	    f->has_name ? "t" : "f", f->goal_name,
	    f->has_target ? "t" : "f", f->has_target ? store_money_param(st, f->target_amount) : NULL,
	    f->has_current ? "t" : "f",
	    f->has_current ? store_money_param(st, f->current_amount) : NULL,
	    f->has_date ? "t" : "f", f->target_date,
	    f->has_cadence ? "t" : "f", f->cadence,
	    f->has_status ? "t" : "f", f->status,
	    f->primary };

	return store_one(st, &goal_update, 18, params, decode, out);
}

int
store_goal_demote(struct store *st, const char *user, const char *keep_id)
{
	const char *params[3] = { st->client, user, keep_id };

	return store_exec(st, &goal_demote, 3, params, NULL);
}

int
store_goal_get(struct store *st, const char *user, const char *id, struct goal *out)
{
	const char *params[3] = { st->client, user, id };

	return store_one(st, &goal_get, 3, params, decode, out);
}

int
store_goal_primary(struct store *st, const char *user, struct goal *out)
{
	const char *params[2] = { st->client, user };

	return store_one(st, &goal_primary, 2, params, decode, out);
}

int
store_goal_list(struct store *st, const char *user, const char *status,
    const struct store_page *pg, struct goal *rows, size_t *n, int *has_more)
{
	const char *filter[2] = { user, status };

	return store_list(st, &goal_list, filter, 2, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_goal_top(struct store *st, const char *user, struct goal *rows, size_t max, size_t *n)
{
	const char *params[3] = { st->client, user, store_int_param(st, (int64_t)max) };

	return store_rows(st, &goal_top, 3, params, decode, rows, sizeof(*rows), max, n);
}

int
store_goal_advance(struct store *st, const char *user, const char *id, const char *due)
{
	const char *params[4] = { st->client, user, id, due };

	return store_exec(st, &goal_advance, 4, params, NULL);
}

int
store_goal_delete(struct store *st, const char *user, const char *id)
{
	const char *params[3] = { st->client, user, id };
	int	 rows = 0;

	if (store_exec(st, &goal_delete, 3, params, &rows) == -1)
		return -1;
	return rows > 0;
}

int
store_goal_add(struct store *st, const char *user, const char *id, int64_t delta,
    struct goal *out)
{
	const char *params[4] = { st->client, user, id, store_money_param(st, delta) };

	return store_one(st, &goal_add, 4, params, decode, out);
}

int
store_goal_candidates(struct store *st, const char *user, const char *kind,
    const char *currency, struct goal *rows, size_t max, size_t *n)
{
	const char *params[5] = { st->client, user, kind, currency,
	    store_int_param(st, (int64_t)max) };

	return store_rows(st, &goal_candidates, 5, params, decode, rows, sizeof(*rows), max, n);
}

int
store_goal_lock_all(struct store *st, const char *user)
{
	const char *params[2] = { st->client, user };

	return store_exec(st, &goal_lock_all, 2, params, NULL);
}
