/* store_user.c: the users table (store_user.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "store/store_user.h"

#define USER_COLUMNS(X) \
	X(U_ID, "id") \
	X(U_EXT, "external_user_id") \
	X(U_NAME, "name") \
	X(U_EMAIL, "email") \
	X(U_PHONE, "phone") \
	X(U_LANG, "language") \
	X(U_CUR, "currency") \
	X(U_STAGE, "onboarding_stage") \
	X(U_POINTS, "points::text") \
	X(U_CREATED, STORE_US("created_at")) \
	X(U_UPDATED, STORE_US("updated_at"))

enum { USER_COLUMNS(STORE_COL_ENUM) U_NCOLS };
/* The SELECT list, in the enum's order ("1" closes the trailing comma). */
#define USER_COLS USER_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt user_insert = { "user_insert",
	"INSERT INTO users (client_id, id, external_user_id, name, email, phone, language,"
	" currency) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
	" ON CONFLICT (client_id, external_user_id) DO NOTHING RETURNING " USER_COLS, 0, 0 };
static struct db_stmt user_get = { "user_get",
	"SELECT " USER_COLS " FROM users WHERE client_id = $1 AND id = $2", 1, 0 };
static struct db_stmt user_get_ext = { "user_get_ext",
	"SELECT " USER_COLS " FROM users WHERE client_id = $1 AND external_user_id = $2", 1, 0 };
static struct db_stmt user_list = { "user_list",
	"SELECT " USER_COLS " FROM users WHERE client_id = $1"
	" AND ($2::text IS NULL OR external_user_id = $2)"
	" AND ($3::text IS NULL OR phone = $3)"
	" AND " STORE_BEFORE("created_at", "id", "$4", "$5")
	" ORDER BY created_at DESC, id DESC LIMIT $6::integer", 1, 0 };
static struct db_stmt user_update = { "user_update",
	"UPDATE users SET"
	" name = CASE WHEN $3::boolean THEN $4 ELSE name END,"
	" email = CASE WHEN $5::boolean THEN $6 ELSE email END,"
	" phone = CASE WHEN $7::boolean THEN $8 ELSE phone END,"
	" language = CASE WHEN $9::boolean THEN $10 ELSE language END,"
	" currency = CASE WHEN $11::boolean THEN $12 ELSE currency END,"
	" updated_at = clock_timestamp()"
	" WHERE client_id = $1 AND id = $2 RETURNING " USER_COLS, 0, 0 };
static struct db_stmt user_advance = { "user_advance",
	"UPDATE users SET onboarding_stage = $3, updated_at = clock_timestamp()"
	" WHERE client_id = $1 AND id = $2 AND onboarding_stage = ANY ($4::text[])", 0, 0 };
static struct db_stmt user_delete = { "user_delete",
	"DELETE FROM users WHERE client_id = $1 AND id = $2", 0, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct user *u = out;

	memset(u, 0, sizeof(*u));
	store_copy(u->id, sizeof(u->id), res, row, U_ID);
	u->external_user_id = store_text(st, res, row, U_EXT);
	u->name = store_text(st, res, row, U_NAME);
	u->email = store_text(st, res, row, U_EMAIL);
	u->phone = store_text(st, res, row, U_PHONE);
	store_copy(u->language, sizeof(u->language), res, row, U_LANG);
	store_copy(u->currency, sizeof(u->currency), res, row, U_CUR);
	store_copy(u->onboarding_stage, sizeof(u->onboarding_stage), res, row, U_STAGE);
	u->points = store_i64(res, row, U_POINTS);
	store_ts(u->created_at, sizeof(u->created_at), res, row, U_CREATED);
	store_ts(u->updated_at, sizeof(u->updated_at), res, row, U_UPDATED);
	u->cursor_us = store_i64(res, row, U_CREATED);
	return u->external_user_id == NULL ? -1 : 0;
}

int
store_user_insert(struct store *st, const char *id, const struct user_fields *f,
    struct user *out)
{
	const char *params[8] = { st->client, id, f->external_user_id, f->name, f->email,
	    f->phone, f->language, f->currency };

	return store_one(st, &user_insert, 8, params, decode, out);
}

int
store_user_get(struct store *st, const char *id, struct user *out)
{
	const char *params[2] = { st->client, id };

	return store_one(st, &user_get, 2, params, decode, out);
}

int
store_user_get_external(struct store *st, const char *ext, struct user *out)
{
	const char *params[2] = { st->client, ext };

	return store_one(st, &user_get_ext, 2, params, decode, out);
}

int
store_user_list(struct store *st, const char *ext, const char *phone,
    const struct store_page *pg, struct user *rows, size_t *n, int *has_more)
{
	const char *filter[2] = { ext, phone };

	return store_list(st, &user_list, filter, 2, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_user_update(struct store *st, const char *id, const struct user_fields *f,
    struct user *out)
{
	const char *params[12] = { st->client, id,
	    f->has_name ? "t" : "f", f->name,
	    f->has_email ? "t" : "f", f->email,
	    f->has_phone ? "t" : "f", f->phone,
	    f->has_language ? "t" : "f", f->language,
	    f->has_currency ? "t" : "f", f->currency };

	return store_one(st, &user_update, 12, params, decode, out);
}

int
store_user_advance(struct store *st, const char *id, const char *stage,
    const char *const *from)
{
	char		 list[128];
	const char	*params[4] = { st->client, id, stage, list };
	size_t		 len = 0;
	int		 rows = 0;

	/* {a,b}: stage names are ours, [a-z_] only */
	list[len++] = '{';
	for (; *from && len + strlen(*from) + 2 < sizeof(list); from++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    len > 1 ? "," : "", *from);
	snprintf(list + len, sizeof(list) - len, "}");
	if (store_exec(st, &user_advance, 4, params, &rows) == -1)
		return -1;
	return rows > 0;
}

int
store_user_delete(struct store *st, const char *id)
{
	const char *params[2] = { st->client, id };
	int	 rows = 0;

	if (store_exec(st, &user_delete, 2, params, &rows) == -1)
		return -1;
	return rows > 0;
}
