/*
 * test_auth.c: who is calling, against a real PostgreSQL: keyed secret
 * hashes, old PBKDF2 hashes replaced at the next good request, and the
 * failure budget per address and per claimed client id that refuses a flood
 * of wrong credentials before any database or cryptographic work, without
 * locking out a client the worker has served.
 */
#include "config.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/secret.h"
#include "db_fixture.h"
#include "http/app.h"
#include "http/auth.h"
#include "http/http.h"
#include "http/ratelimit.h"

#define KEY	"0123456789abcdef0123456789abcdef-unit"

static struct fixture	 fx;
static struct oz_app	 app;
static struct oz_req	 req;

/* A client of fx's database with secret, hashed keyed or with PBKDF2. */
static void
client(char *id, size_t idlen, const char *secret, int keyed)
{
	unsigned char	 k[32];
	char		 h[SECRET_HASH_MAX];

	fixture_id("ozz_client", id, idlen);
	if (keyed) {
		ck_assert_int_eq(secret_hash_key(KEY, k), 0);
		ck_assert_int_eq(secret_hash_keyed(k, id, secret, h, sizeof(h)), 0);
	} else
		ck_assert_int_eq(secret_hash(secret, h, sizeof(h)), 0);
	fixture_sql("INSERT INTO api_clients (id, name, secret_hash) VALUES ($1, 'auth', $2)",
	    id, h);
}

static void
stored_hash(const char *id, char *out, size_t len)
{
	fixture_value("SELECT secret_hash FROM api_clients WHERE id = $1", id, NULL, out, len);
}

/*
 * Authenticate a Bearer request for id:secret from addr; the status it would
 * answer (200 for a success), and the error code in *code.
 */
static int
bearer(const char *id, const char *secret, const char *addr, enum oz_code *code)
{
	struct oz_client c;
	char	 pair[256], tok[400], h[420];
	int	 rc;

	snprintf(pair, sizeof(pair), "%s:%s", id, secret);
	EVP_EncodeBlock((unsigned char *)tok, (const unsigned char *)pair, (int)strlen(pair));
	snprintf(h, sizeof(h), "Bearer %s", tok);
	http_req_clear(&req);
	req.method = "GET";
	req.remote_addr = addr;
	ck_assert_int_eq(http_req_add_cgi_header(&req, "HTTP_AUTHORIZATION", h), 0);
	rc = auth_request(&app, &req, &c);
	*code = req.err.code;
	if (rc == 0) {
		ck_assert_str_eq(c.id, id);
		ck_assert_str_eq(req.client_id, id);
		return 200;
	}
	return oz_code_status(req.err.code);
}

static void
setup(void)
{
	char	 err[256];

	fixture_open(&fx);
	ck_assert_int_eq(config_set(&fx.cfg, "secret_key", KEY, err, sizeof(err)), 0);
	fx.cfg.auth_fail_rate = 1;
	fx.cfg.auth_fail_burst = 10;
	ck_assert_int_eq(app_init(&app, &fx.cfg, "unit", NULL), 0);
	ck_assert_int_eq(app.cred_keyed, 1);
	ck_assert_int_eq(ratelimit_open(""), 0);
	http_req_init(&req);
	auth_cache_clear();
}

static void
teardown(void)
{
	http_req_free(&req);
	app_free(&app);
	fixture_close(&fx);
}

START_TEST(keyed_and_old_hashes)
{
	char	 a[64], b[64], h[SECRET_HASH_MAX], h2[SECRET_HASH_MAX];
	enum oz_code code;

	client(a, sizeof(a), "sk_live_keyed", 1);
	client(b, sizeof(b), "sk_live_old", 0);
	ck_assert_int_eq(bearer(a, "sk_live_keyed", "192.0.2.1", &code), 200);
	ck_assert_int_eq(bearer(a, "sk_live_wrong", "192.0.2.1", &code), 401);
	ck_assert_int_eq(code, OZ_UNAUTHORIZED);
	/* another client's secret is not this one's */
	ck_assert_int_eq(bearer(b, "sk_live_keyed", "192.0.2.1", &code), 401);
	stored_hash(b, h, sizeof(h));
	ck_assert(strncmp(h, "pbkdf2-sha256$", 14) == 0);	/* a failure rewrites nothing */
	/* the old hash verifies, and is replaced by the keyed one at once */
	ck_assert_int_eq(bearer(b, "sk_live_old", "192.0.2.1", &code), 200);
	stored_hash(b, h, sizeof(h));
	ck_assert_int_eq(secret_is_keyed(h), 1);
	auth_cache_clear();
	ck_assert_int_eq(bearer(b, "sk_live_old", "192.0.2.1", &code), 200);
	ck_assert_int_eq(bearer(b, "sk_live_ol", "192.0.2.1", &code), 401);
	stored_hash(b, h2, sizeof(h2));
	ck_assert_str_eq(h, h2);
	/* once its row is read again, a rotated secret is the only one */
	fixture_sql("UPDATE api_clients SET secret_hash = 'x' WHERE id = $1", b, NULL);
	auth_cache_clear();
	ck_assert_int_eq(bearer(b, "sk_live_old", "192.0.2.1", &code), 401);
	stored_hash(b, h, sizeof(h));
	ck_assert_str_eq(h, "x");
}
END_TEST

START_TEST(no_rewrite_under_a_made_up_key)
{
	char	 b[64], h[SECRET_HASH_MAX];
	enum oz_code code;

	app_free(&app);
	fx.cfg.secret_key_ephemeral = 1;
	ck_assert_int_eq(app_init(&app, &fx.cfg, "unit", NULL), 0);
	ck_assert_int_eq(app.cred_keyed, 0);
	client(b, sizeof(b), "sk_live_old", 0);
	ck_assert_int_eq(bearer(b, "sk_live_old", "192.0.2.1", &code), 200);
	stored_hash(b, h, sizeof(h));
	ck_assert(strncmp(h, "pbkdf2-sha256$", 14) == 0);
}
END_TEST

START_TEST(flood_from_one_address)
{
	char	 a[64], rnd[64];
	enum oz_code code;
	int	 i, n401 = 0, n429 = 0, st;

	client(a, sizeof(a), "sk_live_good", 1);
	/* wrong credentials naming ever new ids, all from one address */
	for (i = 0; i < 40; i++) {
		fixture_id("ozz_client", rnd, sizeof(rnd));
		st = bearer(rnd, "sk_live_guess", "198.51.100.7", &code);
		if (st == 429) {
			ck_assert_int_eq(code, OZ_RATE_LIMITED);
			ck_assert_int_ge(req.err.retry_after, 1);
			n429++;
		} else {
			ck_assert_int_eq(st, 401);
			n401++;
		}
	}
	/* the burst, and at most what refilled meanwhile (1 a second) */
	ck_assert_int_ge(n401, 10);
	ck_assert_int_le(n401, 12);
	ck_assert_int_ge(n429, 28);
	/* malformed credentials count too, and are refused the same way */
	http_req_clear(&req);
	req.method = "GET";
	req.remote_addr = "198.51.100.7";
	ck_assert_int_eq(http_req_add_cgi_header(&req, "HTTP_AUTHORIZATION", "Basic !!!"), 0);
	ck_assert_int_eq(auth_request(&app, &req, &(struct oz_client){ 0 }), -1);
	ck_assert_int_eq(req.err.code, OZ_RATE_LIMITED);
	/* another address is served, and fails on its own count */
	ck_assert_int_eq(bearer(a, "sk_live_good", "203.0.113.9", &code), 200);
	ck_assert_int_eq(bearer(rnd, "sk_live_guess", "203.0.113.9", &code), 401);
	/*
	 * From the flooding address itself, a credential the worker has seen
	 * succeed is still served: from the cache, and when its cached row is
	 * due for a refresh, checked again, the flood going on.
	 */
	ck_assert_int_eq(bearer(a, "sk_live_good", "198.51.100.7", &code), 200);
	usleep((AUTH_CACHE_TTL_MS + 100) * 1000);
	for (i = 0; i < 10; i++) {
		fixture_id("ozz_client", rnd, sizeof(rnd));
		(void)bearer(rnd, "sk_live_guess", "198.51.100.7", &code);
	}
	ck_assert_int_eq(code, OZ_RATE_LIMITED);
	ck_assert_int_eq(bearer(a, "sk_live_good", "198.51.100.7", &code), 200);
	/* while a secret it has not seen from there is not */
	ck_assert_int_eq(bearer(a, "sk_live_goo", "198.51.100.7", &code), 429);
	/* the database is never asked for the refused ones: down, they are still 429 */
	db_close(&app.db);
	fixture_id("ozz_client", rnd, sizeof(rnd));
	ck_assert_int_eq(bearer(rnd, "sk_live_guess", "198.51.100.7", &code), 429);
}
END_TEST

START_TEST(flood_naming_one_client)
{
	char	 v[64], addr[32];
	enum oz_code code;
	int	 i, limited = 0;

	client(v, sizeof(v), "sk_live_victim", 1);
	/* the victim works from its own address first */
	ck_assert_int_eq(bearer(v, "sk_live_victim", "203.0.113.1", &code), 200);
	/* guesses naming it, each from a new address */
	for (i = 0; i < 30; i++) {
		snprintf(addr, sizeof(addr), "198.51.100.%d", i + 1);
		if (bearer(v, "sk_live_guess", addr, &code) == 429) {
			ck_assert_int_eq(code, OZ_RATE_LIMITED);
			limited++;
		}
	}
	ck_assert_int_ge(limited, 15);
	/* a guess naming it from a fresh address is refused before any check */
	ck_assert_int_eq(bearer(v, "sk_live_guess", "198.51.100.200", &code), 429);
	/* but the victim, whose secret this worker knows, is not locked out */
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(bearer(v, "sk_live_victim", "203.0.113.1", &code), 200);
	/*
	 * Nor once its cached row is due for a refresh: it is checked against
	 * the database again, spared the count, while guesses stay refused.
	 */
	usleep((AUTH_CACHE_TTL_MS + 100) * 1000);
	for (i = 0; i < 15; i++) {
		snprintf(addr, sizeof(addr), "198.51.100.%d", 100 + i);
		(void)bearer(v, "sk_live_guess", addr, &code);
	}
	ck_assert_int_eq(bearer(v, "sk_live_guess", "198.51.100.201", &code), 429);
	ck_assert_int_eq(bearer(v, "sk_live_victim", "203.0.113.2", &code), 200);
	/* a worker that never served it cannot tell it from the flood */
	auth_cache_clear();
	ck_assert_int_eq(bearer(v, "sk_live_victim", "203.0.113.1", &code), 429);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("auth");
	TCase	*tc = tcase_create("db");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, keyed_and_old_hashes);
	tcase_add_test(tc, no_rewrite_under_a_made_up_key);
	tcase_add_test(tc, flood_from_one_address);
	tcase_add_test(tc, flood_naming_one_client);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(suite)
