/* idem.c: storing and replaying POST responses by Idempotency-Key. */
#include "config.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "db.h"
#include "http.h"
#include "idem.h"
#include "num.h"

static void
request_hash(const struct oz_req *r, char out[65])
{
	EVP_MD_CTX	*c = EVP_MD_CTX_new();
	unsigned char	 h[32];
	unsigned int	 n = 0;
	int		 i;

	memset(h, 0, sizeof(h));
	if (c != NULL && EVP_DigestInit_ex(c, EVP_sha256(), NULL) == 1) {
		EVP_DigestUpdate(c, r->method, strlen(r->method));
		EVP_DigestUpdate(c, "\n", 1);
		EVP_DigestUpdate(c, r->raw_uri, strlen(r->raw_uri));
		EVP_DigestUpdate(c, "\n", 1);
		if (r->body_len)
			EVP_DigestUpdate(c, r->body, r->body_len);
		EVP_DigestFinal_ex(c, h, &n);
	}
	EVP_MD_CTX_free(c);
	for (i = 0; i < 32; i++)
		snprintf(out + i * 2, 3, "%02x", h[i]);
}

static int
valid_key(const char *k)
{
	size_t i, n = strlen(k);

	if (n == 0 || n > IDEM_KEY_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)k[i] < 0x20 || (unsigned char)k[i] > 0x7e)
			return 0;
	return 1;
}

static int
replay(struct oz_req *r, PGresult *res)
{
	const char	*errstr;
	int64_t		 status;

	if (num_parse_i64z(PQgetvalue(res, 0, 2), 100, 599, &status, &errstr) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "corrupt idempotency record");
	buf_reset(&r->resp.body);
	if (buf_puts(&r->resp.body, PQgetvalue(res, 0, 3)) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	r->resp.status = (int)status;
	http_resp_header(r, "Content-Type", "application/json; charset=utf-8");
	http_resp_header(r, "Idempotent-Replayed", "true");
	return 0;
}

int
idem_begin(struct oz_app *app, struct oz_req *r, enum idem_outcome *out)
{
	const char	*key = http_req_header(r, "idempotency-key");
	const char	*params[3];
	char		 hash[65];
	PGresult	*res;
	int		 attempt;

	*out = IDEM_NONE;
	if (key == NULL || strcmp(r->method, "POST") != 0 || r->client_id == NULL)
		return 0;
	if (!valid_key(key)) {
		oz_fail_detail(r, "Idempotency-Key", "must be 1 to 255 printable ASCII characters");
		return oz_fail(r, OZ_VALIDATION_ERROR, "invalid Idempotency-Key header");
	}
	request_hash(r, hash);
	params[0] = r->client_id;
	params[1] = key;
	params[2] = hash;
	for (attempt = 0; attempt < 2; attempt++) {
		if ((res = db_exec(&app->db, DB_IDEM_INSERT, 3, params)) == NULL)
			return db_fail(&app->db, r);
		if (PQntuples(res) == 1) {
			PQclear(res);
			*out = IDEM_PROCEED;
			return 0;
		}
		PQclear(res);
		/* Expired, or abandoned by a crashed worker with this very request: take it over. */
		if ((res = db_exec(&app->db, DB_IDEM_TAKEOVER, 3, params)) == NULL)
			return db_fail(&app->db, r);
		if (PQntuples(res) == 1) {
			PQclear(res);
			*out = IDEM_PROCEED;
			return 0;
		}
		PQclear(res);
		if ((res = db_exec(&app->db, DB_IDEM_GET, 2, params)) == NULL)
			return db_fail(&app->db, r);
		if (PQntuples(res) == 0) {	/* deleted meanwhile: try again */
			PQclear(res);
			continue;
		}
		if (strcmp(PQgetvalue(res, 0, 0), hash) != 0) {
			PQclear(res);
			return oz_fail(r, OZ_IDEMPOTENCY_KEY_REUSED,
			    "this Idempotency-Key was used with a different request");
		}
		if (strcmp(PQgetvalue(res, 0, 1), "done") != 0) {
			PQclear(res);
			return oz_fail(r, OZ_CONFLICT,
			    "a request with this Idempotency-Key is still being processed");
		}
		if (replay(r, res) == -1) {
			PQclear(res);
			return -1;
		}
		PQclear(res);
		*out = IDEM_REPLAYED;
		return 0;
	}
	return oz_fail(r, OZ_CONFLICT, "a request with this Idempotency-Key is still being processed");
}

void
idem_finish(struct oz_app *app, struct oz_req *r)
{
	const char	*params[4];
	char		 status[16];
	PGresult	*res;

	params[0] = r->client_id;
	params[1] = http_req_header(r, "idempotency-key");
	if (r->resp.status >= 500) {
		/* Nothing was promised: let the client retry with the same key. */
		res = db_exec(&app->db, DB_IDEM_RELEASE, 2, params);
	} else {
		snprintf(status, sizeof(status), "%d", r->resp.status);
		params[2] = status;
		params[3] = buf_str(&r->resp.body);
		res = db_exec(&app->db, DB_IDEM_COMPLETE, 4, params);
	}
	PQclear(res);
}

void
idem_purge(struct oz_app *app)
{
	static time_t	 last;
	time_t		 now = time(NULL);

	if (now - last < 60)
		return;
	last = now;
	PQclear(db_exec(&app->db, DB_IDEM_PURGE, 0, NULL));
}
