/* idem.c: storing and replaying POST responses by Idempotency-Key. */
#include "config.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/hex.h"
#include "http/app.h"
#include "http/http.h"
#include "http/idem.h"
#include "service/svc.h"
#include "store/store_idem.h"

static void
request_hash(const struct oz_req *r, char out[65])
{
	EVP_MD_CTX	*c = EVP_MD_CTX_new();
	unsigned char	 h[32];
	unsigned int	 n = 0;

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
	hex_encode(h, 32, out);
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
replay(struct oz_req *r, const struct idem_record *rec)
{
	if (rec->status < 100 || rec->status > 599 || rec->body == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "corrupt idempotency record");
	buf_reset(&r->resp.body);
	if (buf_puts(&r->resp.body, rec->body) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	r->resp.status = rec->status;
	http_resp_header(r, "Content-Type", "application/json; charset=utf-8");
	http_resp_header(r, "Idempotent-Replayed", "true");
	return 0;
}

int
idem_begin(struct oz_app *app, struct oz_req *r, enum idem_outcome *out)
{
	const char	*key = http_req_header(r, "idempotency-key");
	struct idem_record rec;
	struct svc	 s;
	char		 hash[65];
	int		 attempt, rc;

	*out = IDEM_NONE;
	if (key == NULL || strcmp(r->method, "POST") != 0 || r->client_id == NULL)
		return 0;
	if (!valid_key(key)) {
		oz_fail_detail(r, "Idempotency-Key", "must be 1 to 255 printable ASCII characters");
		return oz_fail(r, OZ_VALIDATION_ERROR, "invalid Idempotency-Key header");
	}
	request_hash(r, hash);
	app_svc(app, r, &s);
	for (attempt = 0; attempt < 2; attempt++) {
		if ((rc = store_idem_take(&s.st, key, hash)) == -1)
			return svc_db_fail(&s);
		if (rc == 1) {
			*out = IDEM_PROCEED;
			return 0;
		}
		if ((rc = store_idem_get(&s.st, key, &rec)) == -1)
			return svc_db_fail(&s);
		if (rc == 0)	/* deleted meanwhile: try again */
			continue;
		if (strcmp(rec.request_hash, hash) != 0)
			return oz_fail(r, OZ_IDEMPOTENCY_KEY_REUSED,
			    "this Idempotency-Key was used with a different request");
		if (!rec.done)
			return oz_fail(r, OZ_CONFLICT,
			    "a request with this Idempotency-Key is still being processed");
		if (replay(r, &rec) == -1)
			return -1;
		*out = IDEM_REPLAYED;
		return 0;
	}
	return oz_fail(r, OZ_CONFLICT, "a request with this Idempotency-Key is still being processed");
}

void
idem_finish(struct oz_app *app, struct oz_req *r)
{
	const char	*key = http_req_header(r, "idempotency-key");
	struct svc	 s;

	app_svc(app, r, &s);
	/* A 5xx promised nothing: the client may retry with the same key. */
	if (r->resp.status >= 500)
		(void)store_idem_release(&s.st, key);
	else
		(void)store_idem_complete(&s.st, key, r->resp.status, buf_str(&r->resp.body),
		    r->subject_user);
}

void
idem_purge(struct oz_app *app)
{
	static time_t	 last;
	struct store	 st = { &app->db, NULL, NULL };
	time_t		 now = time(NULL);

	if (now - last < 60)
		return;
	last = now;
	(void)store_idem_purge(&st);
}
