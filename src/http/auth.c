/* auth.c: credentials, signatures and a short-lived per-worker cache. */
#include "config.h"

#include <ctype.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/ids.h"
#include "core/num.h"
#include "core/secret.h"
#include "http/app.h"
#include "http/auth.h"
#include "http/http.h"
#include "service/svc.h"
#include "store/store_client.h"
#include "store/store_nonce.h"

#define CACHE_SLOTS 64

struct cache_entry {
	char		 client_id[64];
	unsigned char	 digest[32];	/* SHA-256 of the secret that verified */
	char		 secret_hash[SECRET_HASH_MAX];
	struct oz_client row;
	double		 fetched_ms;	/* row freshness */
	int		 used;
};

static struct cache_entry cache[CACHE_SLOTS];

void
auth_cache_clear(void)
{
	OPENSSL_cleanse(cache, sizeof(cache));
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int
unauthorized(struct oz_req *r)
{
	return oz_fail(r, OZ_UNAUTHORIZED, "missing or invalid credentials");
}

static struct cache_entry *
cache_find(const char *client_id)
{
	size_t i;

	for (i = 0; i < CACHE_SLOTS; i++)
		if (cache[i].used && strcmp(cache[i].client_id, client_id) == 0)
			return &cache[i];
	return NULL;
}

static struct cache_entry *
cache_slot(const char *client_id)
{
	struct cache_entry *e = cache_find(client_id), *oldest = &cache[0];
	size_t i;

	if (e)
		return e;
	for (i = 0; i < CACHE_SLOTS; i++) {
		if (!cache[i].used)
			return &cache[i];
		if (cache[i].fetched_ms < oldest->fetched_ms)
			oldest = &cache[i];
	}
	return oldest;
}

struct client_row {
	struct oz_client c;
	char		 secret_hash[SECRET_HASH_MAX];
	unsigned char	 sealed[SECRET_ENC_MAX];
	size_t		 sealed_len;
};

/* 1 found, 0 not found, -1 database failure (r->err set). */
static int
fetch_client(struct oz_app *app, struct oz_req *r, const char *id, struct client_row *row)
{
	struct client_auth a;
	struct svc	 s;
	int		 rc;

	memset(row, 0, sizeof(*row));
	app_svc(app, r, &s);
	s.st.client = id;
	if ((rc = store_client_auth(&s.st, &a)) == -1)
		return svc_db_fail(&s);
	if (rc == 0)
		return 0;
	snprintf(row->c.id, sizeof(row->c.id), "%s", a.id);
	snprintf(row->secret_hash, sizeof(row->secret_hash), "%s", a.secret_hash);
	memcpy(row->sealed, a.sealed, a.sealed_len);
	row->sealed_len = a.sealed_len;
	row->c.require_signature = a.require_signature;
	row->c.disabled = a.disabled;
	row->c.rate_limit = a.rate_limit;
	row->c.rate_burst = a.rate_burst;
	OPENSSL_cleanse(&a, sizeof(a));
	return 1;
}

static int
b64std_decode(const char *in, char *out, size_t outlen)
{
	EVP_ENCODE_CTX	*ctx;
	int		 n = 0, fin = 0, len = (int)strlen(in);
	unsigned char	 tmp[512];

	if (len == 0 || len > 340 || (ctx = EVP_ENCODE_CTX_new()) == NULL)
		return -1;
	EVP_DecodeInit(ctx);
	if (EVP_DecodeUpdate(ctx, tmp, &n, (const unsigned char *)in, len) < 0 ||
	    EVP_DecodeFinal(ctx, tmp + n, &fin) != 1) {
		EVP_ENCODE_CTX_free(ctx);
		return -1;
	}
	EVP_ENCODE_CTX_free(ctx);
	n += fin;
	if ((size_t)n + 1 > outlen || memchr(tmp, '\0', (size_t)n) != NULL)
		return -1;
	memcpy(out, tmp, (size_t)n);
	out[n] = '\0';
	OPENSSL_cleanse(tmp, sizeof(tmp));
	return 0;
}

/* Bearer/Basic: the pair, verified against the stored hash (or the cache). */
static int
auth_pair(struct oz_app *app, struct oz_req *r, const char *cred, struct oz_client *out)
{
	char		 pair[300], *colon;
	const char	*id, *secret;
	unsigned char	 digest[32];
	struct cache_entry *e;
	struct client_row row;
	int		 found, ok = 0;

	if (b64std_decode(cred, pair, sizeof(pair)) == -1 ||
	    (colon = strchr(pair, ':')) == NULL)
		return unauthorized(r);
	*colon = '\0';
	id = pair;
	secret = colon + 1;
	SHA256((const unsigned char *)secret, strlen(secret), digest);
	e = cache_find(id);
	if (e && now_ms() - e->fetched_ms < AUTH_CACHE_TTL_MS &&
	    CRYPTO_memcmp(e->digest, digest, sizeof(digest)) == 0) {
		*out = e->row;
		goto done;
	}
	if (!ids_valid("ozz_client", id)) {
		secret_verify_dummy(secret);
		goto fail;
	}
	if ((found = fetch_client(app, r, id, &row)) == -1) {
		OPENSSL_cleanse(pair, sizeof(pair));
		return -1;
	}
	if (!found) {
		secret_verify_dummy(secret);
		goto fail;
	}
	/* The hash is slow: skip it when this secret already verified against it. */
	if (e && strcmp(e->secret_hash, row.secret_hash) == 0 &&
	    CRYPTO_memcmp(e->digest, digest, sizeof(digest)) == 0)
		ok = 1;
	else
		ok = secret_verify(secret, row.secret_hash);
	if (!ok)
		goto fail;
	e = cache_slot(id);
	memset(e, 0, sizeof(*e));
	snprintf(e->client_id, sizeof(e->client_id), "%.63s", id);
	memcpy(e->digest, digest, sizeof(digest));
	snprintf(e->secret_hash, sizeof(e->secret_hash), "%s", row.secret_hash);
	e->row = row.c;
	e->fetched_ms = now_ms();
	e->used = 1;
	*out = row.c;
done:
	OPENSSL_cleanse(pair, sizeof(pair));
	if (out->require_signature)
		return unauthorized(r);
	return 0;
fail:
	OPENSSL_cleanse(pair, sizeof(pair));
	return unauthorized(r);
}

/*
 * 1 when this signature is used for the first time; 0 for a replay; -1
 * (r->err set) when the database cannot say. A signature stays remembered
 * for as long as its timestamp could still be accepted.
 */
static int
replay_check(struct oz_app *app, struct oz_req *r, const char *client, const char *sig)
{
	struct svc	 s;
	int		 rc;

	app_svc(app, r, &s);
	s.st.client = client;
	if ((rc = store_nonce_take(&s.st, sig, 2 * AUTH_MAX_SKEW_S + 1)) == -1)
		return svc_db_fail(&s);
	return rc;
}

void
auth_purge(struct oz_app *app)
{
	static time_t	 last;
	struct store	 st = { &app->db, NULL, NULL };
	time_t		 now = time(NULL);

	if (now - last < 60)
		return;
	last = now;
	(void)store_nonce_purge(&st);
}

/* The signature base string of DESIGN §3, HMAC-SHA256 with the secret, in hex. */
static void
signature_hex(const char *secret, const char *ts, const char *method, const char *uri,
    const char *body, size_t body_len, char out[65])
{
	unsigned char	 bh[32], mac[32];
	char		 bhex[65], msg[OZ_MAX_URI_LEN + 256];
	unsigned int	 len = 0;
	int		 n, i;

	SHA256((const unsigned char *)body, body_len, bh);
	for (i = 0; i < 32; i++)
		snprintf(bhex + i * 2, 3, "%02x", bh[i]);
	n = snprintf(msg, sizeof(msg), "v1\n%s\n%s\n%s\n%s", ts, method, uri, bhex);
	if (n < 0 || (size_t)n >= sizeof(msg))
		n = 0;
	HMAC(EVP_sha256(), secret, (int)strlen(secret), (const unsigned char *)msg,
	    (size_t)n, mac, &len);
	for (i = 0; i < 32; i++)
		snprintf(out + i * 2, 3, "%02x", mac[i]);
}

static int
auth_signed(struct oz_app *app, struct oz_req *r, struct oz_client *out)
{
	const char	*id = http_req_header(r, "x-ozzie-client-id");
	const char	*ts = http_req_header(r, "x-ozzie-timestamp");
	const char	*sig = http_req_header(r, "x-ozzie-signature");
	const char	*errstr;
	unsigned char	 key[32];
	char		 secret[SECRET_MAX + 1], want[65], got[65];
	struct cache_entry *e;
	struct client_row row;
	int64_t		 t;
	time_t		 now = time(NULL);
	int		 found;

	if (id == NULL || ts == NULL || sig == NULL || strncmp(sig, "v1=", 3) != 0 ||
	    strlen(sig + 3) != 64 || !ids_valid("ozz_client", id) ||
	    num_parse_i64z(ts, 0, INT64_MAX / 2, &t, &errstr) == -1 ||
	    t < (int64_t)now - AUTH_MAX_SKEW_S || t > (int64_t)now + AUTH_MAX_SKEW_S)
		return unauthorized(r);
	if ((found = fetch_client(app, r, id, &row)) == -1)
		return -1;
	if (!found || row.sealed_len == 0 ||
	    secret_seal_key(app->cfg->secret_key, key) == -1 ||
	    secret_open(key, id, row.sealed, row.sealed_len, secret, sizeof(secret)) == -1) {
		OPENSSL_cleanse(key, sizeof(key));
		return unauthorized(r);
	}
	OPENSSL_cleanse(key, sizeof(key));
	signature_hex(secret, ts, r->method, r->raw_uri, r->body ? r->body : "",
	    r->body_len, want);
	OPENSSL_cleanse(secret, sizeof(secret));
	/* Hex digits in either case. */
	for (size_t i = 0; i < 64; i++)
		got[i] = (char)tolower((unsigned char)sig[3 + i]);
	got[64] = '\0';
	if (CRYPTO_memcmp(want, got, 64) != 0)
		return unauthorized(r);
	/* What changes something is accepted once: a replayed signature is refused. */
	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0 &&
	    (found = replay_check(app, r, id, got)) != 1)
		return found == -1 ? -1 : unauthorized(r);
	*out = row.c;
	/*
	 * Keep a cached Bearer credential fresh only while the secret behind it
	 * is unchanged: after a rotation the old secret must stop working.
	 */
	if ((e = cache_find(id)) != NULL) {
		if (strcmp(e->secret_hash, row.secret_hash) != 0)
			OPENSSL_cleanse(e, sizeof(*e));
		else {
			e->row = row.c;
			e->fetched_ms = now_ms();
		}
	}
	return 0;
}

/*
 * The Bearer token, without the "ozp_" prefix some of the public examples put
 * before base64(client_id:client_secret). "_" is no base64 character, so the
 * prefix can never begin a bare token: both forms name the same credentials.
 */
static const char *
bearer_token(const char *t)
{
	static const char prefix[] = "ozp_";

	if (strncmp(t, prefix, sizeof(prefix) - 1) == 0)
		return t + sizeof(prefix) - 1;
	return t;
}

int
auth_request(struct oz_app *app, struct oz_req *r, struct oz_client *client)
{
	const char *h = http_req_header(r, "authorization");
	int	 rc;

	memset(client, 0, sizeof(*client));
	if (http_req_header(r, "x-ozzie-signature") != NULL ||
	    http_req_header(r, "x-ozzie-client-id") != NULL)
		rc = auth_signed(app, r, client);
	else if (h != NULL && strncasecmp(h, "Bearer ", 7) == 0)
		rc = auth_pair(app, r, bearer_token(h + 7), client);
	else if (h != NULL && strncasecmp(h, "Basic ", 6) == 0)
		rc = auth_pair(app, r, h + 6, client);
	else
		rc = unauthorized(r);
	if (rc == 0 && client->disabled)
		rc = unauthorized(r);
	if (rc == 0)
		r->client_id = pool_strdup(&r->pool, client->id);
	return rc;
}
