/* store_idem.c: the idempotency_keys table (store_idem.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_idem.h"

static struct db_stmt idem_insert = { "idem_insert",
	"INSERT INTO idempotency_keys (client_id, key, request_hash) VALUES ($1, $2, $3)"
	" ON CONFLICT (client_id, key) DO NOTHING RETURNING 1", 0, 0 };
static struct db_stmt idem_takeover = { "idem_takeover",
	"UPDATE idempotency_keys SET request_hash = $3, state = 'in_progress', status = NULL,"
	" body = NULL, locked_at = now(), created_at = now(),"
	" expires_at = now() + interval '24 hours'"
	" WHERE client_id = $1 AND key = $2 AND (expires_at < now() OR (state = 'in_progress'"
	" AND request_hash = $3 AND locked_at < now() - interval '60 seconds')) RETURNING 1", 0, 0 };
static struct db_stmt idem_get = { "idem_get",
	"SELECT request_hash, state = 'done', status::text, body FROM idempotency_keys"
	" WHERE client_id = $1 AND key = $2", 1, 0 };
static struct db_stmt idem_complete = { "idem_complete",
	"UPDATE idempotency_keys SET state = 'done', status = $3::integer, body = $4,"
	" user_id = $5 WHERE client_id = $1 AND key = $2", 0, 0 };
static struct db_stmt idem_release = { "idem_release",
	"DELETE FROM idempotency_keys WHERE client_id = $1 AND key = $2"
	" AND state = 'in_progress'", 0, 0 };
static struct db_stmt idem_purge = { "idem_purge",
	"DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys"
	" WHERE expires_at < now() LIMIT 1000)", 0, 0 };

int
store_idem_take(struct store *st, const char *key, const char *hash)
{
	const char	*params[3] = { st->client, key, hash };
	int		 rows = 0;

	if (store_exec(st, &idem_insert, 3, params, &rows) == -1)
		return -1;
	if (rows == 1)
		return 1;
	if (store_exec(st, &idem_takeover, 3, params, &rows) == -1)
		return -1;
	return rows == 1;
}

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct idem_record *r = out;

	memset(r, 0, sizeof(*r));
	store_copy(r->request_hash, sizeof(r->request_hash), res, row, 0);
	r->done = store_bool(res, row, 1);
	r->status = (int)store_i64(res, row, 2);
	r->body = store_text(st, res, row, 3);
	return 0;
}

int
store_idem_get(struct store *st, const char *key, struct idem_record *out)
{
	const char *params[2] = { st->client, key };

	return store_one(st, &idem_get, 2, params, decode, out);
}

int
store_idem_complete(struct store *st, const char *key, int status, const char *body,
    const char *user)
{
	const char *params[5] = { st->client, key, store_int_param(st, status), body,
	    user && *user ? user : NULL };

	return store_exec(st, &idem_complete, 5, params, NULL);
}

int
store_idem_release(struct store *st, const char *key)
{
	const char *params[2] = { st->client, key };

	return store_exec(st, &idem_release, 2, params, NULL);
}

int
store_idem_purge(struct store *st)
{
	return store_exec(st, &idem_purge, 0, NULL, NULL);
}
