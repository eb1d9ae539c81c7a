/* store_contrib.c: the goal_contributions table (store_contrib.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_contrib.h"

#define CONTRIB_COLUMNS(X) \
	X(C_ID, "id") \
	X(C_USER, "user_id") \
	X(C_GOAL, "goal_id") \
	X(C_AMOUNT, "amount::text") \
	X(C_SOURCE, "source") \
	X(C_SOURCE_ID, "source_id") \
	X(C_MOVE, "money_move_id") \
	X(C_CREATED, STORE_US("created_at"))

enum { CONTRIB_COLUMNS(STORE_COL_ENUM) C_NCOLS };
#define CONTRIB_COLS CONTRIB_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt contrib_insert = { "contrib_insert",
	"INSERT INTO goal_contributions (client_id, id, user_id, goal_id, amount, source,"
	" source_id, money_move_id) VALUES ($1, $2, $3, $4, $5::numeric, $6, $7, $8)", 0, 0 };
static struct db_stmt contrib_take = { "contrib_take",
	"DELETE FROM goal_contributions WHERE client_id = $1 AND user_id = $2"
	" AND source = $3 AND source_id = $4 RETURNING " CONTRIB_COLS, 0, 0 };
static struct db_stmt contrib_list = { "contrib_list",
	"SELECT " CONTRIB_COLS " FROM goal_contributions WHERE client_id = $1"
	" AND user_id = " STORE_USER("$2") " AND goal_id = $3"
	" AND ($4::text IS NULL OR source = $4)"
	" AND " STORE_BEFORE("created_at", "id", "$5", "$6")
	" ORDER BY created_at DESC, id DESC LIMIT $7::integer", 1, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct goal_contrib *c = out;

	(void)st;
	memset(c, 0, sizeof(*c));
	store_copy(c->id, sizeof(c->id), res, row, C_ID);
	store_copy(c->user_id, sizeof(c->user_id), res, row, C_USER);
	store_copy(c->goal_id, sizeof(c->goal_id), res, row, C_GOAL);
	c->amount = store_hundredths(res, row, C_AMOUNT, NULL);
	store_copy(c->source, sizeof(c->source), res, row, C_SOURCE);
	store_copy(c->source_id, sizeof(c->source_id), res, row, C_SOURCE_ID);
	store_copy(c->money_move_id, sizeof(c->money_move_id), res, row, C_MOVE);
	store_ts(c->created_at, sizeof(c->created_at), res, row, C_CREATED);
	c->cursor_us = store_i64(res, row, C_CREATED);
	return 0;
}

int
store_contrib_insert(struct store *st, const struct goal_contrib *c)
{
	const char *params[8] = { st->client, c->id, c->user_id, c->goal_id,
	    store_money_param(st, c->amount), c->source, c->source_id,
	    c->money_move_id[0] ? c->money_move_id : NULL };

	return store_exec(st, &contrib_insert, 8, params, NULL);
}

int
store_contrib_take(struct store *st, const char *user, const char *source,
    const char *source_id, struct goal_contrib *out)
{
	const char *params[4] = { st->client, user, source, source_id };

	return store_one(st, &contrib_take, 4, params, decode, out);
}

int
store_contrib_list(struct store *st, const char *user, const char *goal, const char *source,
    const struct store_page *pg, struct goal_contrib *rows, size_t *n, int *has_more)
{
	const char *filter[3] = { user, goal, source };

	return store_list(st, &contrib_list, filter, 3, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}
