/* store_nonce.c: the signed_request_nonces table (store_nonce.h). */
#include "config.h"

#include "store/store.h"
#include "store/store_nonce.h"

static struct db_stmt nonce_take = { "nonce_take",
	"INSERT INTO signed_request_nonces (client_id, signature, expires_at)"
	" VALUES ($1, $2, now() + $3::integer * interval '1 second')"
	" ON CONFLICT (client_id, signature) DO UPDATE SET expires_at = EXCLUDED.expires_at"
	" WHERE signed_request_nonces.expires_at < now() RETURNING 1", 0, 0 };
static struct db_stmt nonce_purge = { "nonce_purge",
	"DELETE FROM signed_request_nonces WHERE ctid IN (SELECT ctid FROM signed_request_nonces"
	" WHERE expires_at < now() LIMIT 1000)", 0, 0 };

int
store_nonce_take(struct store *st, const char *signature, int ttl_s)
{
	const char	*params[3] = { st->client, signature, store_int_param(st, ttl_s) };
	int		 rows = 0;

	if (store_exec(st, &nonce_take, 3, params, &rows) == -1)
		return -1;
	return rows == 1;
}

int
store_nonce_purge(struct store *st)
{
	return store_exec(st, &nonce_purge, 0, NULL, NULL);
}
