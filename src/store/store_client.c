/* store_client.c: the api_clients table, for authentication (store_client.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_client.h"

#define CLIENT_COLUMNS(X) \
	X(A_ID, "id") \
	X(A_HASH, "secret_hash") \
	X(A_SEALED, "secret_enc") \
	X(A_SIGNED, "require_signature") \
	X(A_DISABLED, "disabled") \
	X(A_RATE, "rate_limit::text") \
	X(A_BURST, "rate_burst::text")

enum { CLIENT_COLUMNS(STORE_COL_ENUM) A_NCOLS };
#define CLIENT_COLS CLIENT_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt client_auth = { "client_auth",
	"SELECT " CLIENT_COLS " FROM api_clients WHERE id = $1", 1, 0 };

static struct db_stmt client_rehash = { "client_rehash",
	"UPDATE api_clients SET secret_hash = $3 WHERE id = $1 AND secret_hash = $2", 0, 0 };

/* Bytea in text form ("\x0a1b…") to bytes. 0/-1. */
static int
unhex_bytea(const char *s, unsigned char *out, size_t outlen, size_t *n)
{
	size_t i, len;

	if (strncmp(s, "\\x", 2) != 0)
		return -1;
	s += 2;
	len = strlen(s);
	if (len % 2 || len / 2 > outlen)
		return -1;
	for (i = 0; i < len / 2; i++) {
		unsigned v;
		int k;

		for (v = 0, k = 0; k < 2; k++) {
			char c = s[i * 2 + (size_t)k];

			v <<= 4;
			if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
			else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
			else return -1;
		}
		out[i] = (unsigned char)v;
	}
	*n = len / 2;
	return 0;
}

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct client_auth *c = out;
	int64_t	 v;

	(void)st;
	memset(c, 0, sizeof(*c));
	store_copy(c->id, sizeof(c->id), res, row, A_ID);
	store_copy(c->secret_hash, sizeof(c->secret_hash), res, row, A_HASH);
	if (!PQgetisnull(res, row, A_SEALED) && unhex_bytea(PQgetvalue(res, row, A_SEALED),
	    c->sealed, sizeof(c->sealed), &c->sealed_len) == -1)
		c->sealed_len = 0;
	c->require_signature = store_bool(res, row, A_SIGNED);
	c->disabled = store_bool(res, row, A_DISABLED);
	v = store_i64(res, row, A_RATE);
	c->rate_limit = v >= 1 && v <= INT32_MAX ? v : 0;
	v = store_i64(res, row, A_BURST);
	c->rate_burst = v >= 1 && v <= INT32_MAX ? v : 0;
	return 0;
}

int
store_client_auth(struct store *st, struct client_auth *out)
{
	const char *params[1] = { st->client };

	return store_one(st, &client_auth, 1, params, decode, out);
}

int
store_client_rehash(struct store *st, const char *old, const char *fresh)
{
	const char *params[3] = { st->client, old, fresh };

	return store_exec(st, &client_rehash, 3, params, NULL);
}
