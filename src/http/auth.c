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

#include "core/hex.h"
#include "core/ids.h"
#include "core/log.h"
#include "core/num.h"
#include "core/secret.h"
#include "http/app.h"
#include "http/auth.h"
#include "http/http.h"
#include "http/ratelimit.h"
#include "service/svc.h"
#include "store/store_client.h"
#include "store/store_nonce.h"

/*
 * The credential cache: per worker, an open-addressing table of the clients
 * whose secret verified lately, so a thousand active clients cost what ten
 * do. Bounded: CACHE_SLOTS entries (about 1.5 MiB); a client probes at most
 * CACHE_PROBES slots and takes the stalest of them when all are taken.
 */
#define CACHE_SLOTS	4096		/* a power of two */
#define CACHE_PROBES	8

struct cache_entry {
	char		 client_id[48];
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

static size_t
cache_home(const char *client_id)
{
	uint32_t h = 2166136261u;

	for (; *client_id; client_id++)
		h = (h ^ (unsigned char)*client_id) * 16777619u;
	return h & (CACHE_SLOTS - 1);
}

static struct cache_entry *
cache_find(const char *client_id)
{
	size_t i, k = cache_home(client_id);

	for (i = 0; i < CACHE_PROBES; i++, k = (k + 1) & (CACHE_SLOTS - 1))
		if (cache[k].used && strcmp(cache[k].client_id, client_id) == 0)
			return &cache[k];
	return NULL;
}

/* The client's entry, a free one, or the stalest of its probes. */
static struct cache_entry *
cache_slot(const char *client_id)
{
	struct cache_entry *e = cache_find(client_id), *oldest = NULL;
	size_t i, k = cache_home(client_id);

	if (e)
		return e;
	for (i = 0; i < CACHE_PROBES; i++, k = (k + 1) & (CACHE_SLOTS - 1)) {
		if (!cache[k].used)
			return &cache[k];
		if (oldest == NULL || cache[k].fetched_ms < oldest->fetched_ms)
			oldest = &cache[k];
	}
	return oldest;
}

/*
 * Failed credentials, counted per source address and per claimed client id
 * in the host's shared rate-limit table. Over the budget (auth_fail_rate,
 * auth_fail_burst), a credential is refused with 429 before any database or
 * cryptographic work: a flood of wrong credentials costs what a 404 costs.
 * A Bearer/Basic secret that the cache saw succeed is spared both budgets
 * (it is checked, and counted if it fails, as usual): guessing cannot
 * produce one, so a flood from a client's own address, or naming it, cannot
 * lock it out of a worker that has served it. For a signed request, a
 * client the cache knows is spared the per-id budget.
 */
static void
fail_keys(const struct oz_req *r, const char *client_id, char ip[96], char id[96])
{
	snprintf(ip, 96, "auth-fail-ip:%.60s", r->remote_addr ? r->remote_addr : "-");
	snprintf(id, 96, "auth-fail-id:%.60s", client_id ? client_id : "-");
}

/*
 * 0 when more failures may be tried; -1 with RATE_LIMITED when not.
 * client_id NULL: the address only.
 */
static int
fail_budget(struct oz_app *app, struct oz_req *r, const char *client_id)
{
	struct rl_result res;
	char	 ip[96], id[96];

	fail_keys(r, client_id, ip, id);
	if ((ratelimit_peek(ip, app->cfg->auth_fail_rate, app->cfg->auth_fail_burst, &res) == 0 &&
	    !res.allowed) || (client_id != NULL && ratelimit_peek(id, app->cfg->auth_fail_rate,
	    app->cfg->auth_fail_burst, &res) == 0 && !res.allowed)) {
		r->err.retry_after = (int)res.retry_after_s;
		return oz_fail(r, OZ_RATE_LIMITED,
		    "too many failed credentials; retry after the Retry-After delay");
	}
	return 0;
}

/* Count one failure; returns the 401. */
static int
failed(struct oz_app *app, struct oz_req *r, const char *client_id)
{
	struct rl_result res;
	char	 ip[96], id[96];

	fail_keys(r, client_id, ip, id);
	(void)ratelimit_take(ip, app->cfg->auth_fail_rate, app->cfg->auth_fail_burst, &res);
	if (client_id != NULL)
		(void)ratelimit_take(id, app->cfg->auth_fail_rate, app->cfg->auth_fail_burst, &res);
	return oz_fail(r, OZ_UNAUTHORIZED, "missing or invalid credentials");
}

static int
unauthorized(struct oz_req *r)
{
	return oz_fail(r, OZ_UNAUTHORIZED, "missing or invalid credentials");
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

/*
 * A secret that verified against a PBKDF2 hash of old is hashed again with
 * the server key, so the next check is cheap. Only when that key is the
 * configured one (an ephemeral key would not outlive the process), and only
 * if the stored hash is still the one that verified (not a new rotation).
 */
static void
rehash(struct oz_app *app, struct oz_req *r, const char *id, const char *secret,
    const char *old)
{
	char		 fresh[SECRET_HASH_MAX];
	struct svc	 s;

	if (!app->cred_keyed || secret_is_keyed(old) ||
	    secret_hash_keyed(app->cred_key, id, secret, fresh, sizeof(fresh)) == -1)
		return;
	app_svc(app, r, &s);
	s.st.client = id;
	if (store_client_rehash(&s.st, old, fresh) == -1)
		log_warnx("auth: cannot store the keyed hash of a client's secret");
	memset(&r->err, 0, sizeof(r->err));	/* the request is served either way */
	OPENSSL_cleanse(fresh, sizeof(fresh));
}

/*
 * Bearer/Basic: the pair. A secret the cache saw verify lately needs no
 * database and no hash; anything else is refused at once when its address or
 * client id has failed too often, then checked against the stored hash.
 */
static int
auth_pair(struct oz_app *app, struct oz_req *r, const char *cred, struct oz_client *out)
{
	char		 pair[300], *colon;
	const char	*id, *secret;
	unsigned char	 digest[32];
	struct cache_entry *e;
	struct client_row row;
	int		 found, ok, rc, vouched;

	if (b64std_decode(cred, pair, sizeof(pair)) == -1 ||
	    (colon = strchr(pair, ':')) == NULL)
		return fail_budget(app, r, NULL) == -1 ? -1 : failed(app, r, NULL);
	*colon = '\0';
	id = pair;
	secret = colon + 1;
	SHA256((const unsigned char *)secret, strlen(secret), digest);
	e = cache_find(id);
	vouched = e && CRYPTO_memcmp(e->digest, digest, sizeof(digest)) == 0;
	if (vouched && now_ms() - e->fetched_ms < AUTH_CACHE_TTL_MS) {
		*out = e->row;
		rc = 0;
		goto done;
	}
	rc = -1;
	if (!vouched && fail_budget(app, r, id) == -1)
		goto done;
	if (!ids_valid("ozz_client", id)) {
		rc = failed(app, r, NULL);
		goto done;
	}
	if ((found = fetch_client(app, r, id, &row)) == -1)
		goto done;
	/* a known secret against an unchanged hash needs no new check */
	ok = found && ((e && strcmp(e->secret_hash, row.secret_hash) == 0 &&
	    CRYPTO_memcmp(e->digest, digest, sizeof(digest)) == 0) ||
	    secret_check(app->cred_keyed ? app->cred_key : NULL, id, secret, row.secret_hash));
	if (!ok) {
		rc = failed(app, r, id);
		goto done;
	}
	rehash(app, r, id, secret, row.secret_hash);
	e = cache_slot(id);
	memset(e, 0, sizeof(*e));
	snprintf(e->client_id, sizeof(e->client_id), "%.47s", id);
	memcpy(e->digest, digest, sizeof(digest));
	snprintf(e->secret_hash, sizeof(e->secret_hash), "%s", row.secret_hash);
	e->row = row.c;
	e->fetched_ms = now_ms();
	e->used = 1;
	*out = row.c;
	rc = 0;
done:
	OPENSSL_cleanse(pair, sizeof(pair));
	OPENSSL_cleanse(digest, sizeof(digest));
	if (rc == 0 && out->require_signature)
		return unauthorized(r);
	return rc;
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
	int		 n;

	SHA256((const unsigned char *)body, body_len, bh);
	hex_encode(bh, 32, bhex);
	n = snprintf(msg, sizeof(msg), "v1\n%s\n%s\n%s\n%s", ts, method, uri, bhex);
	if (n < 0 || (size_t)n >= sizeof(msg))
		n = 0;
	HMAC(EVP_sha256(), secret, (int)strlen(secret), (const unsigned char *)msg,
	    (size_t)n, mac, &len);
	hex_encode(mac, 32, out);
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

	if (id != NULL && !ids_valid("ozz_client", id))
		id = NULL;
	if (fail_budget(app, r, id && cache_find(id) == NULL ? id : NULL) == -1)
		return -1;
	if (id == NULL || ts == NULL || sig == NULL || strncmp(sig, "v1=", 3) != 0 ||
	    strlen(sig + 3) != 64 ||
	    num_parse_i64z(ts, 0, INT64_MAX / 2, &t, &errstr) == -1 ||
	    t < (int64_t)now - AUTH_MAX_SKEW_S || t > (int64_t)now + AUTH_MAX_SKEW_S)
		return failed(app, r, id);
	if ((found = fetch_client(app, r, id, &row)) == -1)
		return -1;
	if (!found || row.sealed_len == 0 ||
	    secret_seal_key(app->cfg->secret_key, key) == -1 ||
	    secret_open(key, id, row.sealed, row.sealed_len, secret, sizeof(secret)) == -1) {
		OPENSSL_cleanse(key, sizeof(key));
		return failed(app, r, id);
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
		return failed(app, r, id);
	/* What changes something is accepted once: a replayed signature is refused. */
	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0 &&
	    (found = replay_check(app, r, id, got)) != 1)
		return found == -1 ? -1 : failed(app, r, id);
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
	/*
	 * A client that signs is remembered without a secret (no digest matches
	 * an all-zero one): enough to spare it the per-id failure budget.
	 */
	if (cache_find(id) == NULL) {
		e = cache_slot(id);
		memset(e, 0, sizeof(*e));
		snprintf(e->client_id, sizeof(e->client_id), "%.47s", id);
		snprintf(e->secret_hash, sizeof(e->secret_hash), "%s", row.secret_hash);
		e->row = row.c;
		e->fetched_ms = now_ms();
		e->used = 1;
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
