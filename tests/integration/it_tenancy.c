/*
 * it_tenancy.c: clients, authentication, users, pagination, idempotency and
 * rate limits, black-box over HTTP against the private stack.
 */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/num.h"
#include "core/secret.h"
#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

static const char JSON_CT[] = "Content-Type: application/json";

/* A unique suffix per run, so names never collide with an earlier run's. */
static const char *
run_tag(void)
{
	static char tag[32];

	if (tag[0] == '\0')
		snprintf(tag, sizeof(tag), "%ld-%d", (long)time(NULL), (int)getpid());
	return tag;
}

static void
api(const struct it_client *c, const char *method, const char *path, const char *body,
    struct http_result *res)
{
	it_call(c, method, path, body, res);
}

static void
api_h(const struct it_client *c, const char *method, const char *path, const char *extra,
    const char *body, struct http_result *res)
{
	const char *h[4] = { c->auth, JSON_CT, extra, NULL };

	ck_assert_msg(http_do(method, path, h, body, body ? strlen(body) : 0, res) == 0,
	    "%s %s failed", method, path);
}

static const char *
data_str(const struct http_result *r, const char *field)
{
	struct json_object *d, *v;

	if (r->json == NULL || !json_object_object_get_ex(r->json, "data", &d) ||
	    !json_object_object_get_ex(d, field, &v) || v == NULL)
		return "";
	return json_object_get_string(v);
}

static int
detail_names(const struct http_result *r, const char *field)
{
	struct json_object *e, *d;
	size_t i;

	if (r->json == NULL || !json_object_object_get_ex(r->json, "error", &e) ||
	    !json_object_object_get_ex(e, "details", &d))
		return 0;
	for (i = 0; i < json_object_array_length(d); i++) {
		struct json_object *f = json_object_object_get(json_object_array_get_idx(d, i), "field");

		if (f && strcmp(json_object_get_string(f), field) == 0)
			return 1;
	}
	return 0;
}

static void
expect_error(struct http_result *r, long status, const char *code)
{
	ck_assert_msg(r->status == status, "status %ld, wanted %ld: %s", r->status, status, r->body);
	ck_assert_str_eq(http_error_code(r), code);
	ck_assert_str_eq(http_error_request_id(r), http_header(r, "X-Request-Id"));
}

/* Create a user of c; returns its id in out. */
static void
make_user(const struct it_client *c, const char *ext, char *out, size_t outlen)
{
	struct http_result r;
	char body[256];

	snprintf(body, sizeof(body), "{\"external_user_id\":\"%s\"}", ext);
	api(c, "POST", "/v1/users", body, &r);
	ck_assert_msg(r.status == 201 || r.status == 200, "%ld %s", r.status, r.body);
	snprintf(out, outlen, "%s", data_str(&r, "id"));
	http_result_free(&r);
}

/* ---- authentication ------------------------------------------------------ */

static void
b64(const char *in, char *out)
{
	EVP_EncodeBlock((unsigned char *)out, (const unsigned char *)in, (int)strlen(in));
}

START_TEST(bearer_and_basic_accepted)
{
	struct it_client c;
	struct http_result r;
	char pair[256], enc[400], hdr[450];
	const char *h[2] = { hdr, NULL };

	it_client_create("auth-good", 0, &c);
	api(&c, "GET", "/v1/users", NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_ptr_nonnull(http_header(&r, "RateLimit-Policy"));
	ck_assert_ptr_nonnull(http_header(&r, "RateLimit"));
	http_result_free(&r);

	snprintf(pair, sizeof(pair), "%s:%s", c.id, c.secret);
	b64(pair, enc);
	snprintf(hdr, sizeof(hdr), "Authorization: Basic %s", enc);
	ck_assert_int_eq(http_do("GET", "/v1/users", h, NULL, 0, &r), 0);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);

	/* The "ozp_" prefix some public examples use names the same client. */
	snprintf(hdr, sizeof(hdr), "Authorization: Bearer ozp_%s", enc);
	ck_assert_int_eq(http_do("GET", "/v1/users", h, NULL, 0, &r), 0);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_ptr_nonnull(http_header(&r, "RateLimit"));
	http_result_free(&r);
}
END_TEST

START_TEST(every_bad_credential_is_the_same_401)
{
	struct it_client c;
	struct http_result r;
	char pair[256], enc[400], hdr[450], first_msg[256] = "";
	const char *h[2] = { hdr, NULL };
	const char *cases[11];
	static char c0[450], c1[450], c2[450], c3[450], c8[450], c9[450];
	int i;

	it_client_create("auth-bad", 0, &c);
	/* wrong secret */
	snprintf(pair, sizeof(pair), "%s:%sX", c.id, c.secret);
	b64(pair, enc);
	snprintf(c0, sizeof(c0), "Authorization: Bearer %s", enc);
	/* unknown client of a valid shape */
	snprintf(pair, sizeof(pair), "ozz_client_AAAAAAAAAAAAAAAAAAAAAA:%s", c.secret);
	b64(pair, enc);
	snprintf(c1, sizeof(c1), "Authorization: Bearer %s", enc);
	/* no colon */
	b64("justonestring", enc);
	snprintf(c2, sizeof(c2), "Authorization: Bearer %s", enc);
	/* the secret alone, unencoded */
	snprintf(c3, sizeof(c3), "Authorization: Bearer %s", c.secret);
	cases[0] = c0;
	cases[1] = c1;
	cases[2] = c2;
	cases[3] = c3;
	cases[4] = "Authorization: Bearer !!!not-base64!!!";
	cases[5] = "Authorization: Token abc";
	cases[6] = "X-Nothing: 1";
	cases[7] = "Authorization: Basic";
	/* The "ozp_" prefix changes nothing: a wrong secret stays wrong... */
	snprintf(pair, sizeof(pair), "%s:%sX", c.id, c.secret);
	b64(pair, enc);
	snprintf(c8, sizeof(c8), "Authorization: Bearer ozp_%s", enc);
	cases[8] = c8;
	/* ...it is stripped once, not repeatedly, and is no token by itself. */
	snprintf(pair, sizeof(pair), "%s:%s", c.id, c.secret);
	b64(pair, enc);
	snprintf(c9, sizeof(c9), "Authorization: Bearer ozp_ozp_%s", enc);
	cases[9] = c9;
	cases[10] = "Authorization: Bearer ozp_";
	for (i = 0; i < 11; i++) {
		snprintf(hdr, sizeof(hdr), "%s", cases[i]);
		ck_assert_int_eq(http_do("GET", "/v1/users", h, NULL, 0, &r), 0);
		expect_error(&r, 401, "UNAUTHORIZED");
		ck_assert_ptr_nonnull(http_header(&r, "WWW-Authenticate"));
		if (i == 0)
			snprintf(first_msg, sizeof(first_msg), "%s", r.body + 0);
		/* Same message whatever went wrong (only the request id differs). */
		ck_assert_ptr_nonnull(strstr(r.body, "\"message\":\"missing or invalid credentials\""));
		http_result_free(&r);
	}
	ck_assert(first_msg[0] != '\0');
}
END_TEST

static void
sign(const struct it_client *c, const char *method, const char *uri, const char *body,
    long ts, char *sig_hdr, size_t len)
{
	unsigned char bh[32], mac[32];
	char bhex[65], msg[4096], hex[65];
	unsigned int n = 0;
	int i;

	EVP_Digest(body, strlen(body), bh, NULL, EVP_sha256(), NULL);
	for (i = 0; i < 32; i++)
		snprintf(bhex + i * 2, 3, "%02x", bh[i]);
	snprintf(msg, sizeof(msg), "v1\n%ld\n%s\n%s\n%s", ts, method, uri, bhex);
	HMAC(EVP_sha256(), c->secret, (int)strlen(c->secret), (unsigned char *)msg,
	    strlen(msg), mac, &n);
	for (i = 0; i < 32; i++)
		snprintf(hex + i * 2, 3, "%02x", mac[i]);
	snprintf(sig_hdr, len, "X-Ozzie-Signature: v1=%s", hex);
}

static long
signed_call(const struct it_client *c, const char *method, const char *uri,
    const char *signed_body, const char *sent_body, long ts, const char *sign_uri)
{
	char	 id[128], t[64], sig[128];
	const char *h[5] = { id, t, sig, JSON_CT, NULL };
	struct http_result r;
	long	 status;

	snprintf(id, sizeof(id), "X-Ozzie-Client-Id: %s", c->id);
	snprintf(t, sizeof(t), "X-Ozzie-Timestamp: %ld", ts);
	sign(c, method, sign_uri ? sign_uri : uri, signed_body, ts, sig, sizeof(sig));
	ck_assert_int_eq(http_do(method, uri, h, sent_body[0] ? sent_body : NULL,
	    strlen(sent_body), &r), 0);
	status = r.status;
	if (status == 401)
		expect_error(&r, 401, "UNAUTHORIZED");
	http_result_free(&r);
	return status;
}

START_TEST(signed_requests)
{
	struct it_client c;
	char body[128], other[128];
	long now = (long)time(NULL);

	it_client_create("signed", 0, &c);
	snprintf(body, sizeof(body), "{\"external_user_id\":\"signed-%s\"}", run_tag());
	snprintf(other, sizeof(other), "{\"external_user_id\":\"evil-%s\"}", run_tag());
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users?limit=5", "", "", now, NULL), 200);
	ck_assert_int_eq(signed_call(&c, "POST", "/v1/users", body, body, now, NULL), 201);
	/* stale and future timestamps */
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users", "", "", now - 310, NULL), 401);
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users", "", "", now + 310, NULL), 401);
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users", "", "", now - 200, NULL), 200);
	/* body altered after signing */
	ck_assert_int_eq(signed_call(&c, "POST", "/v1/users", body, other, now, NULL), 401);
	/* query altered after signing */
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users?limit=2", "", "", now,
	    "/v1/users?limit=5"), 401);
	/* a signed request that changes something is accepted once */
	snprintf(body, sizeof(body), "{\"external_user_id\":\"signed-once-%s\"}", run_tag());
	ck_assert_int_eq(signed_call(&c, "POST", "/v1/users", body, body, now - 1, NULL), 201);
	ck_assert_int_eq(signed_call(&c, "POST", "/v1/users", body, body, now - 1, NULL), 401);
	/* signed anew (another timestamp), the same request is fine: 200, it exists */
	ck_assert_int_eq(signed_call(&c, "POST", "/v1/users", body, body, now - 2, NULL), 200);
	/* a GET may be repeated: it changes nothing */
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users?limit=3", "", "", now - 1, NULL), 200);
	ck_assert_int_eq(signed_call(&c, "GET", "/v1/users?limit=3", "", "", now - 1, NULL), 200);
	/* signed with another client's secret */
	{
		struct it_client d = c;

		snprintf(d.secret, sizeof(d.secret), "sk_live_wrongwrongwrongwrongwrongwrongwrongwrongw");
		ck_assert_int_eq(signed_call(&d, "GET", "/v1/users", "", "", now, NULL), 401);
	}
}
END_TEST

/* Poll until GET /v1/users with c answers want (credential caches live ≤ 5 s). */
static void
eventually_status(const struct it_client *c, long want)
{
	struct http_result r;
	double t0 = it_now_ms();
	long got = 0;

	while (it_now_ms() - t0 < 6500.0) {
		api(c, "GET", "/v1/users", NULL, &r);
		got = r.status;
		http_result_free(&r);
		if (got == want)
			return;
		it_sleep_ms(200);
	}
	ck_abort_msg("status %ld, wanted %ld within 6.5 s", got, want);
}

START_TEST(disable_rotate_and_require_signature)
{
	struct it_client c, rotated;
	char cmd[256], out[2048];
	struct json_object *o;
	char pair[256], enc[400];

	it_client_create("lifecycle", 0, &c);
	eventually_status(&c, 200);
	snprintf(cmd, sizeof(cmd), "admin client disable %s", c.id);
	ck_assert_int_eq(it_dev(cmd), 0);
	eventually_status(&c, 401);
	snprintf(cmd, sizeof(cmd), "admin client enable %s", c.id);
	ck_assert_int_eq(it_dev(cmd), 0);
	eventually_status(&c, 200);

	snprintf(cmd, sizeof(cmd), "admin client rotate-secret %s --json", c.id);
	ck_assert_int_eq(it_dev_capture(cmd, out, sizeof(out)), 0);
	o = json_tokener_parse(out);
	ck_assert_ptr_nonnull(o);
	rotated = c;
	snprintf(rotated.secret, sizeof(rotated.secret), "%s",
	    json_object_get_string(json_object_object_get(o, "client_secret")));
	json_object_put(o);
	snprintf(pair, sizeof(pair), "%s:%s", rotated.id, rotated.secret);
	b64(pair, enc);
	snprintf(rotated.auth, sizeof(rotated.auth), "Authorization: Bearer %s", enc);
	eventually_status(&rotated, 200);
	/*
	 * The old secret stops working within the cache's life, even while
	 * signed requests with the new one keep the worker's cache warm.
	 */
	{
		double t0 = it_now_ms();
		struct http_result r;
		long got = 0;

		while (it_now_ms() - t0 < 6500.0) {
			ck_assert_int_eq(signed_call(&rotated, "GET", "/v1/users", "", "",
			    (long)time(NULL), NULL), 200);
			api(&c, "GET", "/v1/users", NULL, &r);
			got = r.status;
			http_result_free(&r);
			if (got == 401)
				break;
			it_sleep_ms(100);
		}
		ck_assert_msg(got == 401, "the old secret still works 6.5 s after rotation");
	}

	snprintf(cmd, sizeof(cmd), "admin client set %s --require-signature on", c.id);
	ck_assert_int_eq(it_dev(cmd), 0);
	eventually_status(&rotated, 401);
	ck_assert_int_eq(signed_call(&rotated, "GET", "/v1/users", "", "", (long)time(NULL), NULL), 200);
}
END_TEST

START_TEST(secrets_never_stored_or_logged_in_plaintext)
{
	struct it_client c;
	struct http_result r;
	char out[65536], cmd[1024], hex[100];
	int i;

	it_client_create("plaintext", 0, &c);
	api(&c, "GET", "/v1/users", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	ck_assert_int_eq(it_sql("SELECT id, secret_hash, encode(secret_enc, 'hex') FROM api_clients"
	    " WHERE id = :'a';", c.id, NULL, out, sizeof(out)), 0);
	ck_assert_ptr_nonnull(strstr(out, c.id));
	ck_assert_ptr_null(strstr(out, c.secret));
	ck_assert_ptr_null(strstr(out, c.secret + 8));	/* nor without its prefix */
	for (i = 0; c.secret[i] && i < 40; i++)
		snprintf(hex + i * 2, 3, "%02x", (unsigned char)c.secret[i]);
	ck_assert_ptr_null(strstr(out, hex));		/* nor as raw bytes */
	/* Nothing the stack logged holds the secret or the token. */
	snprintf(cmd, sizeof(cmd), "_grep-logs '%s'", c.secret + 8);
	ck_assert_int_ne(it_dev(cmd), 0);
	snprintf(cmd, sizeof(cmd), "_grep-logs '%s'", c.auth + strlen("Authorization: Bearer "));
	ck_assert_int_ne(it_dev(cmd), 0);
}
END_TEST

/*
 * ozzie-admin stores a keyed hash; a PBKDF2 hash of an earlier version keeps
 * working and is replaced by a keyed one at the client's next good request.
 */
START_TEST(old_secret_hashes_are_replaced_at_next_good_request)
{
	struct it_client c;
	struct http_result r;
	char out[1024], hash[SECRET_HASH_MAX], sql[512];

	it_client_create("pbkdf2", 0, &c);
	ck_assert_int_eq(it_sql("SELECT secret_hash FROM api_clients WHERE id = :'a';",
	    c.id, NULL, out, sizeof(out)), 0);
	ck_assert_msg(strncmp(out, SECRET_KEYED_PREFIX, strlen(SECRET_KEYED_PREFIX)) == 0,
	    "ozzie-admin stored %s", out);
	/* as an earlier version would have stored it (no request has cached it yet) */
	ck_assert_int_eq(secret_hash(c.secret, hash, sizeof(hash)), 0);
	ck_assert(strspn(hash, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789$_-") == strlen(hash));
	snprintf(sql, sizeof(sql), "UPDATE api_clients SET secret_hash = '%s' WHERE id = :'a';",
	    hash);
	ck_assert_int_eq(it_sql(sql, c.id, NULL, out, sizeof(out)), 0);
	api(&c, "GET", "/v1/users", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	ck_assert_int_eq(it_sql("SELECT secret_hash FROM api_clients WHERE id = :'a';",
	    c.id, NULL, out, sizeof(out)), 0);
	ck_assert_msg(strncmp(out, SECRET_KEYED_PREFIX, strlen(SECRET_KEYED_PREFIX)) == 0,
	    "after a good request: %s", out);
	ck_assert_ptr_null(strstr(out, c.secret + 8));
	api(&c, "GET", "/v1/users", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
}
END_TEST

/* The stack's log file name under $OZZIE_DEV_DIR/log, read whole (NUL-terminated), or NULL. */
static char *
stack_log(const char *name, size_t *len)
{
	char	 path[1024];
	FILE	*f;
	char	*p = NULL;
	long	 n;

	snprintf(path, sizeof(path), "%s/log/%s", getenv("OZZIE_DEV_DIR"), name);
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (p = malloc((size_t)n + 1)) != NULL) {
		*len = fread(p, 1, (size_t)n, f);
		p[*len] = '\0';
	}
	fclose(f);
	return p;
}

/*
 * What a platform knows its users by (an external id, a phone number, a
 * query filter) never reaches the stack's logs, even through a database
 * error; the logs are readable by their owner and group only.
 */
START_TEST(logs_hold_no_personal_data)
{
	static const char *const logs[] = { "nginx-access.log", "nginx-error.log",
	    "fcgi-api.log", "fcgi-slow.log", "postgresql.log", NULL };
	struct it_client c;
	struct http_result r;
	char	 ext[64], ext2[64], phone[32], body[256], path[256], rid[64], uid[64];
	char	 path_of[256], *text, dir[1024];
	const char *fields[2];
	struct stat st;
	size_t	 len;
	int	 i;

	it_client_create("pii", 0, &c);
	snprintf(ext, sizeof(ext), "pii-%s", run_tag());
	snprintf(ext2, sizeof(ext2), "pii2-%s", run_tag());
	snprintf(phone, sizeof(phone), "+4915%09ld", (long)(time(NULL) % 1000000000L));
	snprintf(body, sizeof(body), "{\"external_user_id\":\"%s\",\"phone\":\"%s\"}", ext, phone);
	api(&c, "POST", "/v1/users", body, &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	snprintf(uid, sizeof(uid), "%s", data_str(&r, "id"));
	http_result_free(&r);
	/* the same phone again: a unique violation in the database */
	snprintf(body, sizeof(body), "{\"external_user_id\":\"%s\",\"phone\":\"%s\"}", ext2, phone);
	api(&c, "POST", "/v1/users", body, &r);
	expect_error(&r, 409, "CONFLICT");
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/users/external:%s", ext);
	api(&c, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(rid, sizeof(rid), "%s", http_header(&r, "X-Request-Id"));
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/users?phone=%%2B%s&external_user_id=%s", phone + 1, ext);
	api(&c, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	it_sleep_ms(1500);			/* the access log is written once a second */

	fields[0] = ext;
	fields[1] = phone + 1;			/* without its "+" */
	for (i = 0; logs[i] != NULL; i++) {
		ck_assert_msg((text = stack_log(logs[i], &len)) != NULL, "no %s", logs[i]);
		ck_assert_msg(memmem(text, len, fields[0], strlen(fields[0])) == NULL,
		    "%s holds the external id %s", logs[i], fields[0]);
		ck_assert_msg(memmem(text, len, fields[1], strlen(fields[1])) == NULL,
		    "%s holds the phone number %s", logs[i], phone);
		/* the lines are there: the GET's request id, the user by id */
		if (strcmp(logs[i], "nginx-access.log") == 0 || strcmp(logs[i], "fcgi-api.log") == 0)
			ck_assert_msg(memmem(text, len, rid, strlen(rid)) != NULL,
			    "%s has no line for request %s", logs[i], rid);
		if (strcmp(logs[i], "fcgi-api.log") == 0) {
			snprintf(path_of, sizeof(path_of), "path=/v1/users/%s ", uid);
			ck_assert_msg(memmem(text, len, path_of, strlen(path_of)) != NULL,
			    "fcgi-api.log does not name the user by id");
		}
		if (strcmp(logs[i], "nginx-access.log") == 0)
			ck_assert_ptr_nonnull(memmem(text, len, "/v1/users/external:* ", 21));
		free(text);
		snprintf(dir, sizeof(dir), "%s/log/%s", getenv("OZZIE_DEV_DIR"), logs[i]);
		ck_assert_int_eq(stat(dir, &st), 0);
		ck_assert_msg((st.st_mode & 0777) == 0640, "%s has mode %o", logs[i],
		    (unsigned)(st.st_mode & 0777));
	}
}
END_TEST

/* ---- users ------------------------------------------------------------------ */

START_TEST(user_lifecycle_and_fields)
{
	struct it_client c;
	struct http_result r;
	char body[512], path[256], id[64];

	it_client_create("users", 0, &c);
	snprintf(body, sizeof(body), "{\"external_user_id\":\"life-%s\",\"name\":\"Jo\xc3\xa3o\","
	    "\"email\":\"joao@example.com.br\",\"phone\":\"+5511987654321\",\"language\":\"pt\","
	    "\"currency\":\"BRL\"}", run_tag());
	api(&c, "POST", "/v1/users", body, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(r.json, "object")), "user");
	snprintf(id, sizeof(id), "%s", data_str(&r, "id"));
	ck_assert(strncmp(id, "ozz_usr_", 8) == 0);
	ck_assert_str_eq(data_str(&r, "name"), "Jo\xc3\xa3o");
	ck_assert_str_eq(data_str(&r, "language"), "pt");
	ck_assert_str_eq(data_str(&r, "currency"), "BRL");
	ck_assert_str_eq(data_str(&r, "onboarding_stage"), "intake_pending");
	ck_assert_str_eq(data_str(&r, "points"), "0");
	ck_assert_int_eq(strlen(data_str(&r, "created_at")), 20);
	http_result_free(&r);

	/* The same external id again: 200 with the user unchanged. */
	snprintf(body, sizeof(body), "{\"external_user_id\":\"life-%s\",\"name\":\"Other\"}", run_tag());
	api(&c, "POST", "/v1/users", body, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(data_str(&r, "id"), id);
	ck_assert_str_eq(data_str(&r, "name"), "Jo\xc3\xa3o");
	http_result_free(&r);

	snprintf(path, sizeof(path), "/v1/users/%s", id);
	api(&c, "PATCH", path, "{\"name\":\"Jo\xc3\xa3o Silva\",\"email\":null,\"language\":\"es\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(data_str(&r, "name"), "Jo\xc3\xa3o Silva");
	ck_assert_str_eq(data_str(&r, "email"), "");
	ck_assert_str_eq(data_str(&r, "language"), "es");
	ck_assert_str_eq(data_str(&r, "phone"), "+5511987654321");
	http_result_free(&r);

	/* external: addressing, percent-decoded */
	snprintf(path, sizeof(path), "/v1/users/external%%3Alife-%s", run_tag());
	api(&c, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(data_str(&r, "id"), id);
	http_result_free(&r);

	snprintf(path, sizeof(path), "/v1/users/%s", id);
	api(&c, "DELETE", path, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	ck_assert_uint_eq(r.body_len, 0);
	http_result_free(&r);
	api(&c, "GET", path, NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
	api(&c, "DELETE", path, NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
}
END_TEST

/*
 * Internationalised addresses (RFC 6531) are kept and answered as given; the
 * server's own shape check still refuses what is not an address. Through the
 * contract tap, openapi.yaml's Email pattern must agree on both.
 */
START_TEST(internationalised_emails)
{
	struct it_client c;
	struct http_result r;
	char body[512], path[256];

	it_client_create("idn-email", 0, &c);
	snprintf(body, sizeof(body), "{\"external_user_id\":\"idn-%s\",\"name\":null,"
	    "\"email\":\"j\xc3\xb6rg@ex\xc3\xa4mple.de\",\"phone\":null}", run_tag());
	api(&c, "POST", "/v1/users", body, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(data_str(&r, "email"), "j\xc3\xb6rg@ex\xc3\xa4mple.de");
	snprintf(path, sizeof(path), "/v1/users/%s", data_str(&r, "id"));
	http_result_free(&r);
	/* 用户@例子.广告 */
	api(&c, "PATCH", path, "{\"email\":\"\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b"
	    "\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(data_str(&r, "email"), "\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b"
	    "\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a");
	http_result_free(&r);
	api(&c, "GET", path, NULL, &r);
	ck_assert_str_eq(data_str(&r, "email"), "\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b"
	    "\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a");
	http_result_free(&r);
	/* Not addresses, in any script: no dot after the @, a space, two @. */
	api(&c, "PATCH", path, "{\"email\":\"j\xc3\xb6rg@localhost\"}", &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	ck_assert(detail_names(&r, "email"));
	http_result_free(&r);
	api(&c, "PATCH", path, "{\"email\":\"j\xc3\xb6rg m@ex\xc3\xa4mple.de\"}", &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	http_result_free(&r);
	api(&c, "PATCH", path, "{\"email\":\"a@b@ex\xc3\xa4mple.de\"}", &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	http_result_free(&r);
}
END_TEST

START_TEST(external_ids_create_on_first_use)
{
	struct it_client c;
	struct http_result r;
	char path[256], id[64];

	it_client_create("external", 0, &c);
	/* "a/b" travels as a%2Fb and stays one id. */
	snprintf(path, sizeof(path), "/v1/users/external:slash%%2F%s", run_tag());
	api(&c, "GET", path, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	snprintf(id, sizeof(id), "%s", data_str(&r, "id"));
	ck_assert(strncmp(data_str(&r, "external_user_id"), "slash/", 6) == 0);
	ck_assert_str_eq(data_str(&r, "language"), "en");
	http_result_free(&r);
	api(&c, "GET", path, NULL, &r);
	ck_assert_str_eq(data_str(&r, "id"), id);
	http_result_free(&r);
	/* DELETE of an unknown external id does not create it. */
	snprintf(path, sizeof(path), "/v1/users/external:never-%s", run_tag());
	api(&c, "DELETE", path, NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
	api(&c, "GET", "/v1/users/external:", NULL, &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	http_result_free(&r);
	api(&c, "GET", "/v1/users/not-an-id", NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
}
END_TEST

/* Bytes that are not UTF-8 in a path, a query or an id: 400, on every route. */
START_TEST(invalid_utf8_is_400)
{
	static const char *const paths[] = { "/v1/users/external:%FF", "/v1/users/external:a%C3",
	    "/v1/users/external:%C0%AF/transactions", "/v1/users/external:%ED%A0%80/goals",
	    "/v1/users?external_user_id=%FE%FF", "/v1/users?phone=%C3", "/v1/users?x%FF=1",
	    "/v1/users/ozz_usr_%FF/plan", NULL };
	struct it_client c;
	struct http_result r;
	size_t i;

	it_client_create("utf8", 0, &c);
	for (i = 0; paths[i]; i++) {
		api(&c, "GET", paths[i], NULL, &r);
		ck_assert_msg(r.status == 400, "%s: %ld %s", paths[i], (long)r.status, r.body);
		expect_error(&r, 400, "BAD_REQUEST");
		http_result_free(&r);
	}
	api(&c, "POST", "/v1/users/external:%FF/transactions", "{\"amount_cents\":1}", &r);
	expect_error(&r, 400, "BAD_REQUEST");
	http_result_free(&r);
}
END_TEST

START_TEST(user_validation)
{
	static const struct {
		const char *body;
		const char *field;
	} bad[] = {
		{ "{\"external_user_id\":\"v1\",\"nickname\":\"x\"}", "nickname" },
		{ "{}", "external_user_id" },
		{ "{\"external_user_id\":\"\"}", "external_user_id" },
		{ "{\"external_user_id\":42}", "external_user_id" },
		{ "{\"external_user_id\":\"a\\u0001b\"}", "external_user_id" },
		{ "{\"external_user_id\":\"v2\",\"email\":\"not-an-email\"}", "email" },
		{ "{\"external_user_id\":\"v3\",\"email\":\"a@b\"}", "email" },
		{ "{\"external_user_id\":\"v4\",\"phone\":\"11987654321\"}", "phone" },
		{ "{\"external_user_id\":\"v5\",\"phone\":\"+0123456789\"}", "phone" },
		{ "{\"external_user_id\":\"v6\",\"phone\":\"+1234567890123456\"}", "phone" },
		{ "{\"external_user_id\":\"v7\",\"language\":\"fr\"}", "language" },
		{ "{\"external_user_id\":\"v8\",\"currency\":\"usd\"}", "currency" },
		{ "{\"external_user_id\":\"v9\",\"currency\":\"XXY\"}", "currency" },
		{ "{\"external_user_id\":\"v10\",\"name\":[\"x\"]}", "name" },
	};
	struct it_client c;
	struct http_result r;
	struct buf b;
	size_t i;

	it_client_create("validation", 0, &c);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		api(&c, "POST", "/v1/users", bad[i].body, &r);
		expect_error(&r, 422, "VALIDATION_ERROR");
		ck_assert_msg(detail_names(&r, bad[i].field), "%s: %s", bad[i].body, r.body);
		http_result_free(&r);
	}
	/* lengths counted in characters: 100 multi-byte characters pass, 101 do not */
	buf_init(&b, 4096);
	buf_puts(&b, "{\"external_user_id\":\"");
	for (i = 0; i < 100; i++)
		buf_puts(&b, "\xc3\xa9");
	buf_puts(&b, "\"}");
	api(&c, "POST", "/v1/users", buf_str(&b), &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
	buf_reset(&b);
	buf_puts(&b, "{\"external_user_id\":\"");
	for (i = 0; i < 101; i++)
		buf_puts(&b, "x");
	buf_puts(&b, "\"}");
	api(&c, "POST", "/v1/users", buf_str(&b), &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	http_result_free(&r);
	buf_reset(&b);
	buf_puts(&b, "{\"external_user_id\":\"long-name\",\"name\":\"");
	for (i = 0; i < 201; i++)
		buf_puts(&b, "n");
	buf_puts(&b, "\"}");
	api(&c, "POST", "/v1/users", buf_str(&b), &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	ck_assert(detail_names(&r, "name"));
	http_result_free(&r);
	buf_free(&b);

	/* Several bad fields are named at once. */
	api(&c, "POST", "/v1/users", "{\"external_user_id\":\"multi\",\"email\":\"x\",\"language\":\"de\"}", &r);
	ck_assert(detail_names(&r, "email") && detail_names(&r, "language"));
	http_result_free(&r);

	/* external_user_id is read-only afterwards */
	api(&c, "PATCH", "/v1/users/external:multi2", "{\"external_user_id\":\"other\"}", &r);
	expect_error(&r, 422, "VALIDATION_ERROR");
	http_result_free(&r);
}
END_TEST

START_TEST(bad_bodies_are_json_errors)
{
	struct it_client c;
	struct http_result r;
	const char *plain[4] = { NULL, "Content-Type: text/plain", NULL, NULL };
	char deep[200];
	int i;

	it_client_create("bodies", 0, &c);
	api(&c, "POST", "/v1/users", "{\"external_user_id\":", &r);
	expect_error(&r, 400, "INVALID_JSON");
	http_result_free(&r);
	api(&c, "POST", "/v1/users", "{\"external_user_id\":\"\xff\xfe\"}", &r);
	expect_error(&r, 400, "INVALID_JSON");
	http_result_free(&r);
	/* 33 levels of nesting */
	memcpy(deep, "{\"a\":", 5);
	for (i = 0; i < 33; i++)
		deep[5 + i] = '[';
	for (i = 0; i < 33; i++)
		deep[38 + i] = ']';
	deep[71] = '}';
	deep[72] = '\0';
	api(&c, "POST", "/v1/users", deep, &r);
	expect_error(&r, 400, "INVALID_JSON");
	ck_assert_ptr_nonnull(strstr(r.body, "deeper"));
	http_result_free(&r);
	api(&c, "POST", "/v1/users", "[1,2,3]", &r);
	expect_error(&r, 400, "INVALID_JSON");
	http_result_free(&r);
	plain[0] = c.auth;
	ck_assert_int_eq(http_do("POST", "/v1/users", plain, "{\"external_user_id\":\"t\"}", 24, &r), 0);
	expect_error(&r, 415, "UNSUPPORTED_MEDIA_TYPE");
	http_result_free(&r);
	/* Nothing was stored by any of them, and the stack still answers. */
	api(&c, "GET", "/v1/users", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
}
END_TEST

/* ---- isolation ------------------------------------------------------------- */

START_TEST(tenants_never_see_each_other)
{
	struct it_client a, b;
	struct http_result r;
	char ida[64], path[256], idb[64];

	it_client_create("tenant-a", 0, &a);
	it_client_create("tenant-b", 0, &b);
	make_user(&a, "shared-ext", ida, sizeof(ida));

	snprintf(path, sizeof(path), "/v1/users/%s", ida);
	api(&b, "GET", path, NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	ck_assert_ptr_nonnull(strstr(r.body, "no such user"));
	http_result_free(&r);
	api(&b, "PATCH", path, "{\"name\":\"hijack\"}", &r);
	expect_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
	api(&b, "DELETE", path, NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
	/* An id that never existed answers exactly the same. */
	api(&b, "GET", "/v1/users/ozz_usr_AAAAAAAAAAAAAAAAAAAAAA", NULL, &r);
	expect_error(&r, 404, "NOT_FOUND");
	ck_assert_ptr_nonnull(strstr(r.body, "no such user"));
	http_result_free(&r);

	api(&b, "GET", "/v1/users?external_user_id=shared-ext", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
	api(&b, "GET", "/v1/users?limit=50", NULL, &r);
	ck_assert_ptr_null(strstr(r.body, ida));
	http_result_free(&r);

	/* external:shared-ext used by B is B's own, different user. */
	api(&b, "GET", "/v1/users/external:shared-ext", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(idb, sizeof(idb), "%s", data_str(&r, "id"));
	ck_assert_str_ne(idb, ida);
	http_result_free(&r);

	/* A's user is untouched by all of that. */
	snprintf(path, sizeof(path), "/v1/users/%s", ida);
	api(&a, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(data_str(&r, "name"), "");
	http_result_free(&r);
	api(&a, "GET", "/v1/users?external_user_id=shared-ext", NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 1);
	http_result_free(&r);

	/* Phones are unique per client only. */
	api(&a, "PATCH", "/v1/users/external:shared-ext", "{\"phone\":\"+14155550100\"}", &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	api(&b, "PATCH", "/v1/users/external:shared-ext", "{\"phone\":\"+14155550100\"}", &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	api(&a, "POST", "/v1/users", "{\"external_user_id\":\"dup-phone\",\"phone\":\"+14155550100\"}", &r);
	expect_error(&r, 409, "CONFLICT");
	http_result_free(&r);
}
END_TEST

/* ---- pagination ---------------------------------------------------------- */

START_TEST(pagination_is_stable_under_inserts)
{
	struct it_client c, other;
	struct http_result r;
	char ids[25][64], path[512], cursor[300] = "", ext[64];
	int seen[25], pages = 0, total = 0, extra = 0, i, j;

	it_client_create("pages", 0, &c);
	it_client_create("pages-other", 0, &other);
	for (i = 0; i < 25; i++) {
		snprintf(ext, sizeof(ext), "p-%02d", i);
		make_user(&c, ext, ids[i], sizeof(ids[i]));
		seen[i] = 0;
	}
	for (;;) {
		struct json_object *data, *pag;
		const char *next;

		if (cursor[0])
			snprintf(path, sizeof(path), "/v1/users?limit=10&cursor=%s", cursor);
		else
			snprintf(path, sizeof(path), "/v1/users?limit=10");
		api(&c, "GET", path, NULL, &r);
		ck_assert_msg(r.status == 200, "%s", r.body);
		data = json_object_object_get(r.json, "data");
		for (i = 0; i < (int)json_object_array_length(data); i++) {
			const char *id = json_object_get_string(json_object_object_get(
			    json_object_array_get_idx(data, i), "id"));

			for (j = 0; j < 25; j++)
				if (strcmp(id, ids[j]) == 0)
					break;
			if (j < 25) {
				seen[j]++;
				total++;
			}
		}
		/* newest first: the first page starts with the last user made */
		if (pages == 0)
			ck_assert_str_eq(json_object_get_string(json_object_object_get(
			    json_object_array_get_idx(data, 0), "id")), ids[24]);
		pag = json_object_object_get(r.json, "pagination");
		pages++;
		if (!json_object_get_boolean(json_object_object_get(pag, "has_more"))) {
			http_result_free(&r);
			break;
		}
		next = json_object_get_string(json_object_object_get(pag, "next_cursor"));
		ck_assert_ptr_nonnull(next);
		snprintf(cursor, sizeof(cursor), "%s", next);
		http_result_free(&r);
		/* Someone inserts while we page. */
		for (i = 0; i < 3; i++) {
			char tmp[64];

			snprintf(ext, sizeof(ext), "late-%d-%d", pages, i);
			make_user(&c, ext, tmp, sizeof(tmp));
			extra++;
		}

		/* The cursor is bound to its client and its query. */
		snprintf(path, sizeof(path), "/v1/users?limit=10&cursor=%s", cursor);
		api(&other, "GET", path, NULL, &r);
		expect_error(&r, 422, "VALIDATION_ERROR");
		http_result_free(&r);
		snprintf(path, sizeof(path), "/v1/users?limit=10&external_user_id=p-01&cursor=%s", cursor);
		api(&c, "GET", path, NULL, &r);
		expect_error(&r, 422, "VALIDATION_ERROR");
		http_result_free(&r);
		ck_assert_int_lt(pages, 10);
	}
	ck_assert_int_eq(total, 25);
	for (i = 0; i < 25; i++)
		ck_assert_msg(seen[i] == 1, "user %d seen %d times", i, seen[i]);
	ck_assert_int_eq(pages, 3);
	ck_assert_int_gt(extra, 0);
}
END_TEST

START_TEST(bad_pagination_parameters)
{
	static const char *bad[] = { "/v1/users?limit=0", "/v1/users?limit=51",
	    "/v1/users?limit=abc", "/v1/users?limit=-1", "/v1/users?limit=10.5",
	    "/v1/users?cursor=garbage", "/v1/users?cursor=",
	    "/v1/users?cursor=AQAAAAAAAAAAb3p6X3Vzcl9BQUFBQUFBQUFBQUFBQUFBQUFBQUFBAAAAAAAAAAAAAAAAAAAAAAA" };
	struct it_client c;
	struct http_result r;
	size_t i;

	it_client_create("badpages", 0, &c);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		api(&c, "GET", bad[i], NULL, &r);
		expect_error(&r, 422, "VALIDATION_ERROR");
		http_result_free(&r);
	}
	api(&c, "GET", "/v1/users?limit=50", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
}
END_TEST

/* ---- idempotency --------------------------------------------------------------- */

START_TEST(idempotency_replay_and_mismatch)
{
	struct it_client c, d;
	struct http_result r1, r2;
	char key[128], body[128], body2[128];

	it_client_create("idem", 0, &c);
	it_client_create("idem-other", 0, &d);
	snprintf(key, sizeof(key), "Idempotency-Key: key-%s", run_tag());
	snprintf(body, sizeof(body), "{\"external_user_id\":\"idem-%s\"}", run_tag());
	snprintf(body2, sizeof(body2), "{\"external_user_id\":\"idem2-%s\"}", run_tag());
	api_h(&c, "POST", "/v1/users", key, body, &r1);
	ck_assert_int_eq(r1.status, 201);
	ck_assert_ptr_null(http_header(&r1, "Idempotent-Replayed"));
	api_h(&c, "POST", "/v1/users", key, body, &r2);
	ck_assert_int_eq(r2.status, 201);
	ck_assert_str_eq(http_header(&r2, "Idempotent-Replayed"), "true");
	ck_assert_str_eq(r1.body, r2.body);
	http_result_free(&r1);
	http_result_free(&r2);
	api_h(&c, "POST", "/v1/users", key, body2, &r1);
	expect_error(&r1, 422, "IDEMPOTENCY_KEY_REUSED");
	http_result_free(&r1);
	/* Keys belong to their client: another client may use the same one. */
	api_h(&d, "POST", "/v1/users", key, body2, &r1);
	ck_assert_int_eq(r1.status, 201);
	ck_assert_ptr_null(http_header(&r1, "Idempotent-Replayed"));
	http_result_free(&r1);
	/* An expired key is not honoured: the same key serves a new request. */
	{
		char out[256], k2[64];

		snprintf(k2, sizeof(k2), "old-%s", run_tag());
		ck_assert_int_eq(it_sql("INSERT INTO idempotency_keys (client_id, key, request_hash,"
		    " state, status, body, expires_at) VALUES (:'a', :'b', 'x', 'done', 201, '{}',"
		    " now() - interval '1 second');", c.id, k2, out, sizeof(out)), 0);
		snprintf(key, sizeof(key), "Idempotency-Key: %s", k2);
		api_h(&c, "POST", "/v1/users", key, body2, &r1);
		ck_assert_msg(r1.status == 201, "%ld %s", r1.status, r1.body);
		ck_assert_ptr_null(http_header(&r1, "Idempotent-Replayed"));
		http_result_free(&r1);
	}
	/*
	 * A stored answer goes with its user: after the user is deleted, the
	 * key's replay runs the request anew instead of answering with the
	 * deleted user's data.
	 */
	{
		char	 path[160], first[64], third[256];

		snprintf(key, sizeof(key), "Idempotency-Key: gone-%s", run_tag());
		snprintf(third, sizeof(third), "{\"external_user_id\":\"gone-%s\",\"name\":"
		    "\"Ana\",\"phone\":\"+5511912345678\"}", run_tag());
		api_h(&c, "POST", "/v1/users", key, third, &r1);
		ck_assert_int_eq(r1.status, 201);
		snprintf(first, sizeof(first), "%s", data_str(&r1, "id"));
		http_result_free(&r1);
		snprintf(path, sizeof(path), "/v1/users/%s", first);
		api(&c, "DELETE", path, NULL, &r1);
		ck_assert_int_eq(r1.status, 204);
		http_result_free(&r1);
		api_h(&c, "POST", "/v1/users", key, third, &r1);
		ck_assert_msg(r1.status == 201, "%ld %s", r1.status, r1.body);
		ck_assert_ptr_null(http_header(&r1, "Idempotent-Replayed"));
		ck_assert_str_ne(data_str(&r1, "id"), first);
		http_result_free(&r1);
	}
	/* A key over 255 characters is refused. */
	{
		char longkey[400];

		memcpy(longkey, "Idempotency-Key: ", 17);
		memset(longkey + 17, 'k', 256);
		longkey[17 + 256] = '\0';
		api_h(&c, "POST", "/v1/users", longkey, body, &r1);
		expect_error(&r1, 422, "VALIDATION_ERROR");
		http_result_free(&r1);
	}
}
END_TEST

static size_t
discard(char *p, size_t size, size_t n, void *ctx)
{
	(void)p;
	(void)ctx;
	return size * n;
}

START_TEST(idempotency_concurrent_duplicates)
{
	enum { N = 8 };
	struct it_client c;
	CURLM	*m = curl_multi_init();
	CURL	*e[N];
	struct curl_slist *h = NULL;
	char	 key[128], body[128];
	long	 status[N];
	int	 running, i, created = 0, other = 0;
	struct http_result r;

	it_client_create("idem-race", 0, &c);
	snprintf(key, sizeof(key), "Idempotency-Key: race-%s", run_tag());
	snprintf(body, sizeof(body), "{\"external_user_id\":\"race-%s\"}", run_tag());
	h = curl_slist_append(h, c.auth);
	h = curl_slist_append(h, JSON_CT);
	h = curl_slist_append(h, key);
	for (i = 0; i < N; i++) {
		char url[512];

		snprintf(url, sizeof(url), "%s/v1/users", it_base_url());
		e[i] = curl_easy_init();
		curl_easy_setopt(e[i], CURLOPT_URL, url);
		curl_easy_setopt(e[i], CURLOPT_HTTPHEADER, h);
		curl_easy_setopt(e[i], CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(e[i], CURLOPT_WRITEFUNCTION, discard);
		curl_multi_add_handle(m, e[i]);
	}
	do {
		curl_multi_perform(m, &running);
		curl_multi_poll(m, NULL, 0, 100, NULL);
	} while (running);
	for (i = 0; i < N; i++) {
		curl_easy_getinfo(e[i], CURLINFO_RESPONSE_CODE, &status[i]);
		if (status[i] == 201)
			created++;
		else {
			ck_assert_msg(status[i] == 409, "status %ld", status[i]);
			other++;
		}
		curl_multi_remove_handle(m, e[i]);
		curl_easy_cleanup(e[i]);
	}
	curl_multi_cleanup(m);
	curl_slist_free_all(h);
	/* 201 answers are the first and its replays; the rest were told CONFLICT. */
	ck_assert_int_ge(created, 1);
	ck_assert_int_eq(created + other, N);
	/* Exactly one user exists. */
	snprintf(body, sizeof(body), "/v1/users?external_user_id=race-%s", run_tag());
	api(&c, "GET", body, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 1);
	http_result_free(&r);
}
END_TEST

/* ---- rate limits ---------------------------------------------------------------- */

START_TEST(rate_limit_then_recovery)
{
	struct it_client c;
	struct http_result r;
	char cmd[256];
	int i, limited = 0;
	long wait_s = 0;

	it_client_create("ratelimited", 0, &c);
	snprintf(cmd, sizeof(cmd), "admin client set %s --rate-limit 2 --burst 5", c.id);
	ck_assert_int_eq(it_dev(cmd), 0);
	it_sleep_ms(5200);	/* the worker's cached client row expires */
	for (i = 0; i < 30 && !limited; i++) {
		api(&c, "GET", "/v1/users", NULL, &r);
		if (r.status == 429) {
			const char *ra;

			expect_error(&r, 429, "RATE_LIMITED");
			ra = http_header(&r, "Retry-After");	/* static: read it at once */
			ck_assert_ptr_nonnull(ra);
			{
				int64_t v = 0;
				const char *e;

				ck_assert_int_eq(num_parse_i64z(ra, 1, 3600, &v, &e), 0);
				wait_s = (long)v;
			}
			ck_assert_int_le(wait_s, 3);
			ck_assert_int_ge(wait_s, 1);
			ck_assert_ptr_nonnull(strstr(http_header(&r, "RateLimit-Policy"), "q=2"));
			ck_assert_ptr_nonnull(strstr(http_header(&r, "RateLimit"), "r=0"));
			limited = 1;
		} else
			ck_assert_int_eq(r.status, 200);
		http_result_free(&r);
	}
	ck_assert_msg(limited, "no 429 after 30 requests at rate 2/s burst 5");
	ck_assert_int_ge(i, 5);
	it_sleep_ms((int)wait_s * 1000 + 100);
	api(&c, "GET", "/v1/users", NULL, &r);
	ck_assert_msg(r.status == 200, "after waiting Retry-After: %ld", r.status);
	http_result_free(&r);
}
END_TEST

/*
 * Wrong credentials from one address: past the failure budget they are 429
 * before any check, in every worker of the host, while other addresses are
 * served. Straight to nginx (the contract tap would make every request come
 * from one address), from addresses of 127/8 the suite uses for nothing else.
 */
START_TEST(bad_credential_flood_is_refused_early)
{
	struct it_client c;
	struct http_result r;
	const char *port = getenv("OZZIE_DEV_PORT");
	char url[256], auth[300], pair[128], tok[200], id[64];
	const char *h[2] = { auth, NULL };
	int i, n401 = 0, n429 = 0;

	ck_assert_ptr_nonnull(port);
	snprintf(url, sizeof(url), "http://127.0.0.1:%s/v1/users", port);
	http_set_source("127.0.0.2");
	for (i = 0; i < 60; i++) {
		/* well-formed ids no client has, each named once */
		snprintf(id, sizeof(id), "ozz_client_flood%05d%012ld", i, (long)getpid());
		snprintf(pair, sizeof(pair), "%s:sk_live_guess", id);
		b64(pair, tok);
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", tok);
		ck_assert_int_eq(http_do("GET", url, h, NULL, 0, &r), 0);
		if (r.status == 429) {
			expect_error(&r, 429, "RATE_LIMITED");
			ck_assert_ptr_nonnull(strstr(r.body, "failed credentials"));
			ck_assert_ptr_nonnull(http_header(&r, "Retry-After"));
			n429++;
		} else {
			expect_error(&r, 401, "UNAUTHORIZED");
			n401++;
		}
		http_result_free(&r);
	}
	http_set_source(NULL);
	/* the default burst (30), and what refilled meanwhile */
	ck_assert_int_ge(n401, 30);
	ck_assert_int_ge(n429, 10);
	/* a client never seen before, from another address, is served */
	it_client_create("flood-bystander", 0, &c);
	http_set_source("127.0.0.3");
	h[0] = c.auth;
	ck_assert_int_eq(http_do("GET", url, h, NULL, 0, &r), 0);
	http_set_source(NULL);
	ck_assert_msg(r.status == 200, "%ld %s", r.status, r.body);
	http_result_free(&r);
}
END_TEST

Suite *
tenancy_suite(void)
{
	Suite *s = suite_create("tenancy");
	TCase *auth = tcase_create("auth");
	TCase *users = tcase_create("users");
	TCase *lists = tcase_create("lists");

	tcase_set_timeout(auth, 60);
	tcase_add_test(auth, bearer_and_basic_accepted);
	tcase_add_test(auth, every_bad_credential_is_the_same_401);
	tcase_add_test(auth, signed_requests);
	tcase_add_test(auth, disable_rotate_and_require_signature);
	tcase_add_test(auth, secrets_never_stored_or_logged_in_plaintext);
	tcase_add_test(auth, logs_hold_no_personal_data);
	tcase_add_test(auth, old_secret_hashes_are_replaced_at_next_good_request);
	tcase_add_test(auth, rate_limit_then_recovery);
	tcase_add_test(auth, bad_credential_flood_is_refused_early);
	tcase_add_test(users, user_lifecycle_and_fields);
	tcase_add_test(users, internationalised_emails);
	tcase_add_test(users, external_ids_create_on_first_use);
	tcase_add_test(users, invalid_utf8_is_400);
	tcase_add_test(users, user_validation);
	tcase_add_test(users, bad_bodies_are_json_errors);
	tcase_add_test(users, tenants_never_see_each_other);
	tcase_set_timeout(lists, 60);
	tcase_add_test(lists, pagination_is_stable_under_inserts);
	tcase_add_test(lists, bad_pagination_parameters);
	tcase_add_test(lists, idempotency_replay_and_mismatch);
	tcase_add_test(lists, idempotency_concurrent_duplicates);
	suite_add_tcase(s, auth);
	suite_add_tcase(s, users);
	suite_add_tcase(s, lists);
	return s;
}
