/*
 * it_whatsapp.c: WhatsApp through Evolution API, over HTTP, against the
 * stack's ozzie-jobd and a fake Evolution server (tests/fakes/
 * fake_evolution.py): the integration's endpoints, the webhook (secrets,
 * what it ignores, duplicates, bad bodies, its answer time), the turn (a
 * chat turn in the API's history with a whatsapp_text transaction, the
 * Brazilian ninth digit, unknown numbers, audio, media, lid addressing,
 * order), and the replies out (Evolution failing, refusing, answering 400,
 * a private address refused, jobd killed mid-send, PostgreSQL restarted).
 * The bodies are Evolution's own (tests/data/evolution/), each given its
 * own instance, message id and sender.
 */
#include "config.h"

#include <sys/wait.h>

#include <check.h>
#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/num.h"
#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

#define OZ_IT_ID	128
#define EVO_KEY	"B6D711FCDE4D4FD5936544120E713976"	/* the samples' apikey */

static pid_t	evo_pid = -1;
static int	evo_port;
static char	src_dir[1024];

static void	evo_reset(void);

/* --- the fake ------------------------------------------------------------------ */

static void
evo_start(void)
{
	char	 script[1200], pf[256], logf[1024], line[32];
	const char *tool = getenv("OZZIE_DEV_TOOL");
	FILE	*f;
	double	 t0;
	int	 i;

	ck_assert_ptr_nonnull(tool);
	snprintf(src_dir, sizeof(src_dir), "%s", tool);
	for (i = 0; i < 2; i++) {
		char *sl = strrchr(src_dir, '/');

		ck_assert_ptr_nonnull(sl);
		*sl = '\0';
	}
	snprintf(script, sizeof(script), "%s/tests/fakes/fake_evolution.py", src_dir);
	snprintf(pf, sizeof(pf), "/tmp/ozzie-it-evo-%d.port", (int)getpid());
	snprintf(logf, sizeof(logf), "%s/log/fake_evolution.log", getenv("OZZIE_DEV_DIR"));
	unlink(pf);
	evo_pid = fork();
	ck_assert_int_ge(evo_pid, 0);
	if (evo_pid == 0) {
		execlp("python3", "python3", script, "--port", "0", "--port-file", pf,
		    "--log", logf, (char *)NULL);
		_exit(127);
	}
	for (t0 = it_now_ms(); it_now_ms() - t0 < 15000.0 && evo_port == 0; it_sleep_ms(50)) {
		if ((f = fopen(pf, "r")) == NULL)
			continue;
		if (fgets(line, sizeof(line), f) != NULL) {
			int64_t	 port;
			const char *errstr;

			line[strcspn(line, "\n")] = '\0';
			if (num_parse_i64z(line, 1, 65535, &port, &errstr) == 0)
				evo_port = (int)port;
		}
		fclose(f);
	}
	unlink(pf);
	ck_assert_msg(evo_port > 0, "the fake Evolution server did not start");
	evo_reset();
}

static void
evo_stop(void)
{
	int	 st;

	if (evo_pid > 0) {
		kill(evo_pid, SIGTERM);
		waitpid(evo_pid, &st, 0);
		evo_pid = -1;
	}
}

/* POST a control body to the fake. */
static void
evo_ctl(const char *path, const char *body)
{
	static const char *const h[] = { "Content-Type: application/json", NULL };
	struct http_result r;
	char	 url[128];

	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", evo_port, path);
	ck_assert_int_eq(http_do("POST", url, h, body, strlen(body), &r), 0);
	ck_assert_msg(r.status == 200, "%s: %ld %s", path, r.status, r.body);
	http_result_free(&r);
}

/* The fake back to answering well, expecting the samples' key, its record cleared. */
static void
evo_reset(void)
{
	evo_ctl("/_reset", "{}");
	evo_ctl("/_config", "{\"expect_key\":\"" EVO_KEY "\"}");
}

/* The fake's record (the caller puts it). */
static struct json_object *
evo_record(void)
{
	struct http_result r;
	struct json_object *o;
	char	 url[128];

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/_sent", evo_port);
	ck_assert_int_eq(http_do("GET", url, NULL, NULL, 0, &r), 0);
	ck_assert_int_eq(r.status, 200);
	o = json_object_get(r.json);
	http_result_free(&r);
	return o;
}

/* The texts sent to instance, in order, into out (at most max); how many. */
static int
evo_sent(const char *instance, char out[][2048], int max)
{
	struct json_object *o = evo_record(), *sent = json_object_object_get(o, "sent"), *e;
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < json_object_array_length(sent); i++) {
		e = json_object_array_get_idx(sent, i);
		if (strcmp(json_object_get_string(json_object_object_get(e, "instance")), instance) != 0)
			continue;
		if (n < max)
			snprintf(out[n], 2048, "%s|%s", json_object_get_string(it_json_at(e, "body.number")),
			    json_object_get_string(it_json_at(e, "body.text")));
		n++;
	}
	json_object_put(o);
	return n;
}

/* Wait (up to ms) until instance got at least n replies; how many it got. */
static int
wait_sent(const char *instance, int n, int ms, char out[][2048], int max)
{
	double	 t0 = it_now_ms();
	int	 got;

	while ((got = evo_sent(instance, out, max)) < n && it_now_ms() - t0 < ms)
		it_sleep_ms(100);
	return got;
}

/* The number psql printed into out (it_sql), checked: digits and a newline only. */
static int64_t
count_of(const char *out)
{
	const char	*errstr;
	char		 v[32];
	int64_t		 n;

	snprintf(v, sizeof(v), "%.*s", (int)strcspn(out, "\r\n"), out);
	ck_assert_msg(num_parse_i64z(v, 0, INT64_MAX, &n, &errstr) == 0, "not a count: '%s'", out);
	return n;
}

/* --- the stack ------------------------------------------------------------------ */

static void
jobd_restart(void)
{
	char	 cmd[1200];

	snprintf(cmd, sizeof(cmd), "_jobd-restart '%s'", getenv("OZZIE_DEV_BUILD"));
	ck_assert_int_eq(it_dev(cmd), 0);
}

/* A client with an integration on instance (auto-creating users or not). */
static void
integrate(struct it_client *c, const char *instance, int autocreate, const char *extra)
{
	struct http_result r;
	char	 body[1024], name[128];

	snprintf(name, sizeof(name), "wa-%s", instance);
	it_client_create(name, 0, c);
	snprintf(body, sizeof(body), "{\"server_url\":\"http://127.0.0.1:%d/\",\"instance\":\"%s\","
	    "\"api_key\":\"" EVO_KEY "\",\"auto_create_users\":%s%s}", evo_port, instance,
	    autocreate ? "true" : "false", extra ? extra : "");
	it_call(c, "PUT", "/v1/integrations/evolution", body, &r);
	ck_assert_msg(r.status == 201, "PUT: %ld %s", r.status, r.body);
	http_result_free(&r);
}

/* A unique name for this run: prefix-<time>-<pid>-<n>. */
static void
unique(char *out, size_t len, const char *prefix)
{
	static int n;

	snprintf(out, len, "%s-%ld-%d-%d", prefix, (long)time(NULL), (int)getpid(), ++n);
}

/* A sample body (tests/data/evolution/NAME), owned by the caller. */
static struct json_object *
sample(const char *name)
{
	char	 path[1300];
	struct json_object *o;

	snprintf(path, sizeof(path), "%s/tests/data/evolution/%s", src_dir, name);
	o = json_object_from_file(path);
	ck_assert_msg(o != NULL, "cannot read %s", path);
	return o;
}

static void
set_at(struct json_object *o, const char *dotted, struct json_object *v)
{
	char	 path[128], *dot;
	struct json_object *parent = o;

	snprintf(path, sizeof(path), "%s", dotted);
	if ((dot = strrchr(path, '.')) != NULL) {
		*dot = '\0';
		parent = it_json_at(o, path);
		ck_assert_ptr_nonnull(parent);
		dotted = dot + 1;
	} else
		dotted = path;
	json_object_object_add(parent, dotted, v);
}

/* A message: sample name given instance, message id, sender jid and text (NULL: as is). */
static struct json_object *
message(const char *name, const char *instance, const char *id, const char *jid,
    const char *text)
{
	struct json_object *o = sample(name);

	set_at(o, "instance", json_object_new_string(instance));
	set_at(o, "data.key.id", json_object_new_string(id));
	if (jid)
		set_at(o, "data.key.remoteJid", json_object_new_string(jid));
	if (text)
		set_at(o, "data.message.conversation", json_object_new_string(text));
	return o;
}

/* POST o to path (default the webhook) with extra header (or NULL); puts o. */
static void
deliver(struct json_object *o, const char *path, const char *header, struct http_result *r)
{
	const char *h[3] = { "Content-Type: application/json", header, NULL };
	const char *body = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);

	ck_assert_int_eq(http_do("POST", path ? path : "/api/webhooks/evolution", h, body,
	    strlen(body), r), 0);
	json_object_put(o);
}

static const char *
status_of(const struct http_result *r)
{
	struct json_object *s = r->json ? json_object_object_get(r->json, "status") : NULL;

	return s ? json_object_get_string(s) : "";
}

/* The jobs ozzie-admin lists in state (JSON array text) into out. */
static void
admin_jobs(const char *state, char *out, size_t len)
{
	char	 cmd[128];

	snprintf(cmd, sizeof(cmd), "admin jobs list --state %s --limit 1000 --json", state);
	ck_assert_int_eq(it_dev_capture(cmd, out, len), 0);
}

/* --- the integration ------------------------------------------------------------ */

START_TEST(integration_put_get_delete)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], body[512];

	unique(inst, sizeof(inst), "crud");
	it_client_create("wa-crud", 0, &c);
	it_call(&c, "GET", "/v1/integrations/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	it_call(NULL, "GET", "/v1/integrations/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 401);
	http_result_free(&r);
	/* bad fields, each named */
	it_call(&c, "PUT", "/v1/integrations/evolution",
	    "{\"server_url\":\"ftp://x\",\"instance\":\"\",\"auto_create_users\":\"yes\","
	    "\"default_language\":\"fr\",\"default_currency\":\"XXQ\",\"color\":1}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	ck_assert_ptr_nonnull(strstr(r.body, "server_url"));
	ck_assert_ptr_nonnull(strstr(r.body, "api_key"));
	ck_assert_ptr_nonnull(strstr(r.body, "auto_create_users"));
	ck_assert_ptr_nonnull(strstr(r.body, "default_language"));
	ck_assert_ptr_nonnull(strstr(r.body, "color"));
	http_result_free(&r);
	snprintf(body, sizeof(body), "{\"server_url\":\"https://evo.example.com\",\"instance\":\"%s\","
	    "\"api_key\":\"k-1234567890\",\"default_language\":\"pt\",\"default_currency\":\"BRL\","
	    "\"unknown_sender_reply\":\"Ol\\u00e1! Fale com a loja.\"}", inst);
	it_call(&c, "PUT", "/v1/integrations/evolution", body, &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "object")), "evolution_integration");
	ck_assert(strncmp(json_object_get_string(it_json_at(r.json, "data.webhook_secret")),
	    "whsec_", 6) == 0);
	ck_assert_ptr_null(strstr(r.body, "k-1234567890"));
	ck_assert(!json_object_get_boolean(it_json_at(r.json, "data.auto_create_users")));
	http_result_free(&r);
	/* shown once: GET and a second PUT never show a secret or the key */
	it_call(&c, "GET", "/v1/integrations/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body, "whsec_"));
	ck_assert_ptr_null(strstr(r.body, "k-1234567890"));
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.default_currency")), "BRL");
	http_result_free(&r);
	it_call(&c, "PUT", "/v1/integrations/evolution", body, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body, "whsec_"));
	http_result_free(&r);
	/* the key is kept sealed, not as text */
	{
		char out[256];

		ck_assert_int_eq(it_sql("SELECT count(*) FROM evolution_integrations WHERE client_id = :'a'"
		    " AND position('k-1234567890'::bytea IN api_key_enc) = 0"
		    " AND webhook_secret_hash NOT LIKE 'whsec%'", c.id, NULL, out, sizeof(out)), 0);
		ck_assert_int_eq(count_of(out), 1);
	}
	it_call(&c, "DELETE", "/v1/integrations/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	it_call(&c, "DELETE", "/v1/integrations/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
}
END_TEST

/* --- the webhook --------------------------------------------------------------- */

START_TEST(webhook_secrets_and_what_it_ignores)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], hdr[256], secret[128], body[512];

	unique(inst, sizeof(inst), "auth");
	it_client_create("wa-auth", 0, &c);
	snprintf(body, sizeof(body), "{\"server_url\":\"http://127.0.0.1:%d\",\"instance\":\"%s\","
	    "\"api_key\":\"" EVO_KEY "\"}", evo_port, inst);
	it_call(&c, "PUT", "/v1/integrations/evolution", body, &r);
	ck_assert_int_eq(r.status, 201);
	snprintf(secret, sizeof(secret), "%s",
	    json_object_get_string(it_json_at(r.json, "data.webhook_secret")));
	http_result_free(&r);

	/* unknown instance; wrong apikey; no secret at all (the image sample's apikey is null) */
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", "no-such-instance", id, NULL, NULL), NULL, NULL, &r);
	ck_assert_int_eq(r.status, 401);
	ck_assert_str_eq(http_error_code(&r), "UNAUTHORIZED");
	http_result_free(&r);
	o = message("messages-upsert-text.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string("wrong"));
	deliver(o, NULL, NULL, &r);
	ck_assert_int_eq(r.status, 401);
	http_result_free(&r);
	deliver(message("messages-upsert-image.json", inst, id, NULL, NULL), NULL, NULL, &r);
	ck_assert_int_eq(r.status, 401);
	http_result_free(&r);
	/* the webhook secret in either header */
	snprintf(hdr, sizeof(hdr), "X-Ozzie-Webhook-Secret: %s", secret);
	deliver(message("messages-upsert-image.json", inst, id, NULL, NULL), NULL, hdr, &r);
	ck_assert_msg(r.status == 200, "%ld %s", r.status, r.body);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	unique(id, sizeof(id), "m");
	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", secret);
	deliver(message("messages-upsert-image.json", inst, id, NULL, NULL),
	    "/api/webhooks/evolution/messages-upsert", hdr, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);

	/* ignored: another event, our own message, a group, a broadcast */
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-text.json", inst, id, NULL, NULL);
	set_at(o, "event", json_object_new_string("connection.update"));
	deliver(o, "/webhooks/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(status_of(&r), "ignored");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(r.json, "reason")), "event");
	http_result_free(&r);
	o = message("messages-upsert-text.json", inst, id, NULL, NULL);
	set_at(o, "data.key.fromMe", json_object_new_boolean(1));
	deliver(o, NULL, NULL, &r);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(r.json, "reason")), "from_me");
	http_result_free(&r);
	deliver(message("messages-upsert-text.json", inst, id, "120363025246125486@g.us", NULL),
	    NULL, NULL, &r);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(r.json, "reason")), "group");
	http_result_free(&r);
	deliver(message("messages-upsert-text.json", inst, id, "status@broadcast", NULL), NULL, NULL, &r);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(r.json, "reason")), "broadcast");
	http_result_free(&r);

	/* bad bodies: no data.key, not JSON, broken JSON, not an object */
	o = message("messages-upsert-text.json", inst, id, NULL, NULL);
	json_object_object_del(json_object_object_get(o, "data"), "key");
	deliver(o, NULL, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "data.key"));
	http_result_free(&r);
	{
		static const char *const text[] = { "Content-Type: text/plain", NULL };
		static const char *const js[] = { "Content-Type: application/json", NULL };

		ck_assert_int_eq(http_do("POST", "/api/webhooks/evolution", text, "hi", 2, &r), 0);
		ck_assert_int_eq(r.status, 415);
		http_result_free(&r);
		ck_assert_int_eq(http_do("POST", "/api/webhooks/evolution", js, "{\"event\":", 9, &r), 0);
		ck_assert_int_eq(r.status, 400);
		http_result_free(&r);
		ck_assert_int_eq(http_do("POST", "/api/webhooks/evolution", js, "[1,2]", 5, &r), 0);
		ck_assert_int_eq(r.status, 400);
		http_result_free(&r);
	}
}
END_TEST

/* 10 deliveries of one message, 5 of them at once: one turn, one reply. */
START_TEST(webhook_is_idempotent)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048];
	pid_t	 kids[5];
	int	 i, st, queued = 0;

	unique(inst, sizeof(inst), "dup");
	integrate(&c, inst, 1, NULL);
	unique(id, sizeof(id), "m");
	for (i = 0; i < 5; i++)
		if ((kids[i] = fork()) == 0) {
			deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
			_exit(r.status == 200 && strcmp(status_of(&r), "queued") == 0 ? 10 :
			    r.status == 200 && strcmp(status_of(&r), "duplicate") == 0 ? 11 : 1);
		}
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(waitpid(kids[i], &st, 0), kids[i]);
		ck_assert(WIFEXITED(st) && (WEXITSTATUS(st) == 10 || WEXITSTATUS(st) == 11));
		queued += WEXITSTATUS(st) == 10;
	}
	ck_assert_int_eq(queued, 1);
	for (i = 0; i < 5; i++) {
		deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
		ck_assert_int_eq(r.status, 200);
		ck_assert_str_eq(status_of(&r), "duplicate");
		http_result_free(&r);
	}
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 4), 1);
	it_sleep_ms(1500);
	ck_assert_int_eq(evo_sent(inst, sent, 4), 1);
}
END_TEST

/* The webhook answers in milliseconds: 100 deliveries, the 99th percentile. */
START_TEST(webhook_answers_fast)
{
	struct it_client c;
	struct http_result r;
	double	 t[100], t0, tmp;
	char	 inst[96], id[96], jid[64];
	int	 i, j;

	unique(inst, sizeof(inst), "fast");
	integrate(&c, inst, 0, NULL);
	for (i = 0; i < 100; i++) {
		unique(id, sizeof(id), "m");
		snprintf(jid, sizeof(jid), "5521999%06d@s.whatsapp.net", i);
		t0 = it_now_ms();
		deliver(message("messages-upsert-text.json", inst, id, jid, NULL), NULL, NULL, &r);
		t[i] = it_now_ms() - t0;
		ck_assert_int_eq(r.status, 200);
		http_result_free(&r);
	}
	for (i = 0; i < 100; i++)
		for (j = i + 1; j < 100; j++)
			if (t[j] < t[i]) {
				tmp = t[i];
				t[i] = t[j];
				t[j] = tmp;
			}
	fprintf(stderr, "it_whatsapp: webhook answer p50 %.1f ms, p99 %.1f ms over 100 deliveries\n",
	    t[49], t[98]);
	ck_assert_msg(t[98] < 250.0, "p99 %.1f ms", t[98]);
}
END_TEST

/* --- the turn ------------------------------------------------------------------ */

START_TEST(text_turn_logs_and_replies)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048];

	unique(inst, sizeof(inst), "text");
	integrate(&c, inst, 1, ",\"default_currency\":\"BRL\"");
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 4), 1);
	/* to the sender, in Portuguese, welcome first, then the logged spending */
	ck_assert_msg(strncmp(sent[0], "5511988887777|", 14) == 0, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "*coach financeiro*") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "45,90") != NULL, "%s", sent[0]);
	/* the same user, history and transaction through the API */
	it_call(&c, "GET", "/v1/users/external:whatsapp:+5511988887777", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.phone")), "+5511988887777");
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.language")), "pt");
	http_result_free(&r);
	it_call(&c, "GET", "/v1/users/external:whatsapp:+5511988887777/transactions", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.source")), "whatsapp_text");
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.currency")), "BRL");
	http_result_free(&r);
	it_call(&c, "GET", "/v1/users/external:whatsapp:+5511988887777/chat/messages", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 2);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.1.content")),
	    "Gastei 45,90 no mercado");
	http_result_free(&r);
	/* a second message from the same user: no welcome again, the API chat answers it */
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, "Quanto gastei com mercado?"),
	    NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 2, 15000, sent, 4), 2);
	ck_assert_ptr_null(strstr(sent[1], "coach financeiro"));
}
END_TEST

/* A user the platform made with the ninth digit writes from an id without it. */
START_TEST(ninth_digit_matches_known_user)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048], ext[96], body[256], out[64];

	unique(inst, sizeof(inst), "nine");
	integrate(&c, inst, 0, NULL);
	unique(ext, sizeof(ext), "u");
	snprintf(body, sizeof(body), "{\"external_user_id\":\"%s\",\"phone\":\"+5511988887777\","
	    "\"language\":\"es\"}", ext);
	it_call(&c, "POST", "/v1/users", body, &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, "551188887777@s.whatsapp.net",
	    "Gaste 20 en taxi"), NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 4), 1);
	ck_assert_msg(strncmp(sent[0], "551188887777|", 13) == 0, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "coach") == NULL, "no welcome: %s", sent[0]);
	/* no new user: auto_create_users is off, and the number was known */
	ck_assert_int_eq(it_sql("SELECT count(*) FROM users WHERE client_id = :'a'", c.id, NULL,
	    out, sizeof(out)), 0);
	ck_assert_int_eq(count_of(out), 1);
}
END_TEST

START_TEST(unknown_sender_reply_or_silence)
{
	struct it_client c, q;
	struct http_result r;
	char	 inst[96], inst2[96], id[96], sent[4][2048];

	unique(inst, sizeof(inst), "unknown");
	integrate(&c, inst, 0, ",\"unknown_sender_reply\":\"Este n\\u00famero \\u00e9 s\\u00f3 para clientes.\"");
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 4), 1);
	ck_assert_str_eq(sent[0], "5511988887777|Este n\xc3\xbamero \xc3\xa9 s\xc3\xb3 para clientes.");
	/* without a reply set: nothing at all, and no user */
	unique(inst2, sizeof(inst2), "silent");
	integrate(&q, inst2, 0, NULL);
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst2, id, NULL, NULL), NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	it_sleep_ms(3000);
	ck_assert_int_eq(evo_sent(inst2, sent, 4), 0);
	it_call(&q, "GET", "/v1/users", NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
}
END_TEST

/* Audio, an unreadable image with its caption, an unreadable document from a lid sender. */
START_TEST(what_the_coach_cannot_read)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o, *m;
	char	 inst[96], id[96], sent[8][2048];

	unique(inst, sizeof(inst), "media");
	integrate(&c, inst, 1, ",\"default_language\":\"pt\"");
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-text.json", inst, id, NULL, NULL);
	m = json_object_new_object();
	json_object_object_add(m, "audioMessage", json_tokener_parse("{\"seconds\":4,\"ptt\":true}"));
	set_at(o, "data.message", m);
	deliver(o, NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 8), 1);
	ck_assert_msg(strstr(sent[0], "\xc3\xa1udios") != NULL, "%s", sent[0]);
	/* an image whose inline base64 (the sample's placeholder) cannot be read, then its caption */
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-image.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	set_at(o, "data.message.imageMessage.caption", json_object_new_string("gastei 32 no almo\xc3\xa7o"));
	deliver(o, NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 2, 15000, sent, 8), 2);
	ck_assert_msg(strstr(sent[1], "consegui ler essa imagem") != NULL, "%s", sent[1]);
	ck_assert_msg(strstr(sent[1], "32") != NULL, "%s", sent[1]);
	/* lid addressing: the number comes from remoteJidAlt */
	unique(id, sizeof(id), "m");
	o = sample("messages-upsert-document-lid.json");
	set_at(o, "instance", json_object_new_string(inst));
	set_at(o, "data.key.id", json_object_new_string(id));
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	deliver(o, NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 3, 15000, sent, 8), 3);
	ck_assert_msg(strncmp(sent[2], "5511988887777|", 14) == 0, "%s", sent[2]);
	ck_assert_msg(strstr(sent[2], "consegui ler esse documento") != NULL, "%s", sent[2]);
	/* a huge caption is cut, not refused */
	{
		char *big = malloc(200001);

		ck_assert_ptr_nonnull(big);
		memset(big, 'a', 200000);
		big[200000] = '\0';
		unique(id, sizeof(id), "m");
		deliver(message("messages-upsert-text.json", inst, id, NULL, big), NULL, NULL, &r);
		free(big);
		ck_assert_int_eq(r.status, 200);
		http_result_free(&r);
		ck_assert_int_eq(wait_sent(inst, 4, 15000, sent, 8), 4);
	}
}
END_TEST

/* --- documents on WhatsApp --------------------------------------------------------- */

/* The file tests/data/docs/REL in base64 (the caller frees). */
static char *
doc_b64(const char *rel)
{
	char	 path[1300], *raw, *out;
	FILE	*f;
	long	 n;

	snprintf(path, sizeof(path), "%s/%s", IT_DOCS, rel);
	ck_assert_msg((f = fopen(path, "rb")) != NULL, "cannot open %s", path);
	ck_assert(fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0);
	rewind(f);
	ck_assert((raw = malloc((size_t)n)) != NULL);
	ck_assert(fread(raw, 1, (size_t)n, f) == (size_t)n);
	fclose(f);
	ck_assert((out = malloc(((size_t)n + 2) / 3 * 4 + 1)) != NULL);
	EVP_EncodeBlock((unsigned char *)out, (unsigned char *)raw, (int)n);
	free(raw);
	return out;
}

/* The fake serves b64 (mimetype mime) from getBase64FromMediaMessage. */
static void
evo_media(const char *b64, const char *mime)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "media_base64", json_object_new_string(b64));
	json_object_object_add(o, "media_mimetype", json_object_new_string(mime));
	evo_ctl("/_config", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

/* How many getBase64FromMediaMessage calls the fake answered. */
static int
evo_media_calls(void)
{
	struct json_object *o = evo_record(), *v;
	int	 n = 0;

	if (json_object_object_get_ex(o, "media_calls", &v))
		n = json_object_get_int(v);
	json_object_put(o);
	return n;
}

/* The transactions of the WhatsApp user +5511988887777 of c into *out (the caller frees). */
static void
wa_txns(struct it_client *c, struct http_result *r)
{
	it_call(c, "GET", "/v1/users/external:whatsapp:+5511988887777/transactions?limit=50",
	    NULL, r);
	ck_assert_msg(r->status == 200, "%ld %s", r->status, r->body);
}

static size_t
ntxn(const struct http_result *r)
{
	return json_object_array_length(json_object_object_get(r->json, "data"));
}

/*
 * A receipt photo fetched from Evolution: recorded once, the receipt's
 * merchant, amount, date and category in the reply, the caption not a second
 * message; the same message again imports nothing; the same photo inline
 * (the webhook's base64) is found a duplicate without a fetch.
 */
START_TEST(receipt_photo_is_recorded)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], sent[8][2048], out[64], *b64;

	evo_reset();
	unique(inst, sizeof(inst), "receipt");
	integrate(&c, inst, 1, ",\"default_language\":\"pt\",\"default_currency\":\"USD\"");
	b64 = doc_b64("receipts/images/en_us_store_01.png");
	evo_media(b64, "image/png");
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-image.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	set_at(o, "data.message.imageMessage.caption", json_object_new_string("gastei 99 no almo\xc3\xa7o"));
	json_object_object_del(it_json_at(o, "data.message"), "base64");
	deliver(o, NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 60000, sent, 8), 1);
	ck_assert_int_eq(evo_media_calls(), 1);
	ck_assert_msg(strncmp(sent[0], "5511988887777|", 14) == 0, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "Cupom registrado") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "GREEN VALLEY") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "33,43") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "23/04/2025") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "Categoria: ") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "99") == NULL, "the caption is no second message: %s",
	    sent[0]);
	wa_txns(&c, &r);
	ck_assert_int_eq(ntxn(&r), 1);
	ck_assert_int_eq(json_object_get_int64(it_json_at(r.json, "data.0.amount_cents")), 3343);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.transaction_date")),
	    "2025-04-23");
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.source")),
	    "whatsapp_image");
	http_result_free(&r);
	/* the same message delivered again: a duplicate, nothing imported nor sent */
	o = message("messages-upsert-image.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	deliver(o, NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "duplicate");
	http_result_free(&r);
	it_sleep_ms(1500);
	ck_assert_int_eq(evo_sent(inst, sent, 8), 1);
	ck_assert_int_eq(evo_media_calls(), 1);
	/* the same photo inline in a new message: read from the body, found a duplicate */
	evo_media("", "image/png");
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-image.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	set_at(o, "data.message.base64", json_object_new_string(b64));
	deliver(o, NULL, NULL, &r);
	ck_assert_str_eq(status_of(&r), "queued");
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 2, 60000, sent, 8), 2);
	ck_assert_int_eq(evo_media_calls(), 1);
	ck_assert_msg(strstr(sent[1], "nada novo") != NULL, "%s", sent[1]);
	wa_txns(&c, &r);
	ck_assert_int_eq(ntxn(&r), 1);
	http_result_free(&r);
	/* the photo sent inline is not kept in the done turn */
	ck_assert_int_eq(it_sql("SELECT count(*) FROM jobs WHERE client_id = :'a' AND "
	    "kind = 'wa.turn' AND (state <> 'done' OR payload ? 'media_base64')", c.id, NULL,
	    out, sizeof(out)), 0);
	ck_assert_int_eq(count_of(out), 0);
	free(b64);
}
END_TEST

/* A bank CSV sent inline as a document: its rows added, then the same file all duplicates. */
START_TEST(statement_csv_is_imported)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], sent[8][2048], *b64;
	int	 i;

	evo_reset();
	unique(inst, sizeof(inst), "csv");
	integrate(&c, inst, 1, ",\"default_language\":\"pt\",\"default_currency\":\"BRL\"");
	b64 = doc_b64("csv/pt_br_nubank_conta.csv");
	for (i = 0; i < 2; i++) {
		unique(id, sizeof(id), "m");
		o = sample("messages-upsert-document-lid.json");
		set_at(o, "instance", json_object_new_string(inst));
		set_at(o, "data.key.id", json_object_new_string(id));
		set_at(o, "apikey", json_object_new_string(EVO_KEY));
		set_at(o, "data.message.documentMessage.mimetype", json_object_new_string("text/csv"));
		set_at(o, "data.message.documentMessage.fileName",
		    json_object_new_string("extrato.csv"));
		set_at(o, "data.message.base64", json_object_new_string(b64));
		deliver(o, NULL, NULL, &r);
		ck_assert_msg(r.status == 200, "%ld %s", r.status, r.body);
		ck_assert_str_eq(status_of(&r), "queued");
		http_result_free(&r);
		ck_assert_int_eq(wait_sent(inst, i + 1, 60000, sent, 8), i + 1);
	}
	ck_assert_int_eq(evo_media_calls(), 0);
	ck_assert_msg(strstr(sent[0], "Extrato lido") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "*15* transa\xc3\xa7\xc3\xb5""es adicionadas, *0* duplicadas")
	    != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[1], "(15 transa\xc3\xa7\xc3\xb5""es): nada novo") != NULL,
	    "%s", sent[1]);
	wa_txns(&c, &r);
	ck_assert_int_eq(ntxn(&r), 15);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.source")),
	    "whatsapp_document");
	http_result_free(&r);
	it_call(&c, "GET", "/v1/users/external:whatsapp:+5511988887777/imports", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 2);
	http_result_free(&r);
	free(b64);
}
END_TEST

/* A broken image (fetched), then one whose inline base64 is no base64: polite replies, nothing stored. */
START_TEST(broken_image_is_refused_politely)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], sent[8][2048];

	evo_reset();
	unique(inst, sizeof(inst), "broken");
	integrate(&c, inst, 1, ",\"default_language\":\"pt\"");
	/* "\xff\xd8\xff\xe0 not really a jpeg" */
	evo_media("/9j/4CBub3QgcmVhbGx5IGEganBlZw==", "image/jpeg");
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-image.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	json_object_object_del(it_json_at(o, "data.message.imageMessage"), "caption");
	json_object_object_del(it_json_at(o, "data.message"), "base64");
	deliver(o, NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 60000, sent, 8), 1);
	ck_assert_int_eq(evo_media_calls(), 1);
	ck_assert_msg(strstr(sent[0], "N\xc3\xa3o consegui ler essa imagem") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[0], "foto n\xc3\xadtida") != NULL, "%s", sent[0]);
	unique(id, sizeof(id), "m");
	o = message("messages-upsert-image.json", inst, id, NULL, NULL);
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	json_object_object_del(it_json_at(o, "data.message.imageMessage"), "caption");
	set_at(o, "data.message.base64", json_object_new_string("@@@ not base64 @@@"));
	deliver(o, NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 2, 60000, sent, 8), 2);
	ck_assert_msg(strstr(sent[1], "N\xc3\xa3o consegui ler essa imagem") != NULL, "%s", sent[1]);
	wa_txns(&c, &r);
	ck_assert_int_eq(ntxn(&r), 0);
	http_result_free(&r);
	it_call(&c, "GET", "/v1/users/external:whatsapp:+5511988887777/imports", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
}
END_TEST

/* --- onboarding in the conversation ---------------------------------------------- */

/* Say text from jid on inst and wait for reply number n (1-based); the reply into out. */
static void
say(const char *inst, const char *jid, const char *text, int n, char *out, size_t len)
{
	static char sent[32][2048];
	struct http_result r;
	char	 id[96];
	int	 got;

	unique(id, sizeof(id), "ob");
	deliver(message("messages-upsert-text.json", inst, id, jid, text), NULL, NULL, &r);
	ck_assert_msg(strcmp(status_of(&r), "queued") == 0, "%s: %s", text, r.body);
	http_result_free(&r);
	got = wait_sent(inst, n, 20000, sent, 32);
	ck_assert_msg(got >= n, "%s: reply %d never came (%d)", text, n, got);
	snprintf(out, len, "%s", sent[n - 1]);
}

#define HAS(s, sub)	ck_assert_msg(strstr((s), (sub)) != NULL, "no \"%s\" in: %s", (sub), (s))
#define HASNT(s, sub)	ck_assert_msg(strstr((s), (sub)) == NULL, "\"%s\" in: %s", (sub), (s))

/* A field of the user's resource at path as text ("" for none). */
static void
user_field(struct it_client *c, const char *path, const char *field, char *out, size_t len)
{
	struct http_result r;
	struct json_object *v;

	it_call(c, "GET", path, NULL, &r);
	ck_assert_msg(r.status == 200, "%s: %ld %s", path, r.status, r.body);
	v = it_json_at(r.json, field);
	snprintf(out, len, "%s", v ? json_object_get_string(v) : "");
	http_result_free(&r);
}

#define FIELD(c, path, field, want) do {					\
	char	 v_[256];							\
	user_field((c), (path), (field), v_, sizeof(v_));			\
	ck_assert_msg(strcmp(v_, (want)) == 0, "%s %s: %s, not %s", (path), (field), v_, (want)); \
} while (0)

/*
 * A new number on WhatsApp answers five questions in Portuguese (with a
 * question, a spending and a rate without its period in between) and gets
 * its plan; the intake, goal and plan are there through the API.
 */
START_TEST(onboarded_in_the_conversation)
{
	struct it_client c;
	const char *jid = "5511977776666@s.whatsapp.net";
	const char *u = "/v1/users/external:whatsapp:+5511977776666";
	char	 inst[96], a[2048], path[256];
	int	 n = 0;

	unique(inst, sizeof(inst), "onboard");
	integrate(&c, inst, 1, ",\"default_currency\":\"BRL\"");
	say(inst, jid, "Oi", ++n, a, sizeof(a));
	HAS(a, "*coach financeiro*");
	HAS(a, "5 respostas");
	HAS(a, "*1/5* Quanto voc\xc3\xaa recebe por m\xc3\xaas");
	HASNT(a, "N\xc3\xa3o encontrei");
	FIELD(&c, u, "data.onboarding_stage", "intake_pending");
	/* a spending told now is logged; the question comes again */
	say(inst, jid, "gastei 30 no uber", ++n, a, sizeof(a));
	HAS(a, "30,00");
	HAS(a, "*1/5*");
	/* why: what the numbers are for; the question again */
	say(inst, jid, "Por que voc\xc3\xaa precisa disso?", ++n, a, sizeof(a));
	HAS(a, "Para montar um plano");
	HAS(a, "*1/5*");
	/* another question is the coach's to answer; the question again */
	say(inst, jid, "Quanto gastei com uber?", ++n, a, sizeof(a));
	HAS(a, "30,00");
	HAS(a, "*1/5*");
	/* something else: said so, and asked again */
	say(inst, jid, "hmm deixa eu ver", ++n, a, sizeof(a));
	HAS(a, "N\xc3\xa3o encontrei um n\xc3\xbamero");
	HAS(a, "*1/5*");
	say(inst, jid, "Ganho R$ 5.000 por m\xc3\xaas", ++n, a, sizeof(a));
	HAS(a, "5.000,00");
	HAS(a, "*2/5*");
	say(inst, jid, "aluguel 1.500, mercado 800, contas 400", ++n, a, sizeof(a));
	HAS(a, "2.700,00");
	HAS(a, "*3/5*");
	say(inst, jid, "tenho 2.000 guardado", ++n, a, sizeof(a));
	HAS(a, "2.000,00");
	HAS(a, "*4/5*");
	say(inst, jid, "devo 1.200 no cart\xc3\xa3o", ++n, a, sizeof(a));
	HAS(a, "1.200,00");
	HAS(a, "juros");
	say(inst, jid, "14%", ++n, a, sizeof(a));
	HAS(a, "ao m\xc3\xaas ou ao ano");
	say(inst, jid, "ao m\xc3\xaas", ++n, a, sizeof(a));
	HAS(a, "14% ao m\xc3\xaas");
	HAS(a, "*5/5*");
	say(inst, jid, "Viagem para Portugal 8.000", ++n, a, sizeof(a));
	HAS(a, "Viagem para Portugal");
	HAS(a, "8.000,00");
	HAS(a, "*Seu plano est\xc3\xa1 pronto.*");
	/* what the platform sees, with no call of its own */
	FIELD(&c, u, "data.onboarding_stage", "active");
	snprintf(path, sizeof(path), "%s/financial-intake", u);
	FIELD(&c, path, "data.monthly_income", "5000.00");
	FIELD(&c, path, "data.monthly_expenses", "2700.00");
	FIELD(&c, path, "data.savings_balance", "2000.00");
	FIELD(&c, path, "data.debt_balance", "1200.00");
	FIELD(&c, path, "data.debts.0.interest_rate", "14.000");
	FIELD(&c, path, "data.debts.0.rate_period", "month");
	snprintf(path, sizeof(path), "%s/goals", u);
	FIELD(&c, path, "data.0.goal_name", "Viagem para Portugal");
	FIELD(&c, path, "data.0.goal_type", "savings");
	FIELD(&c, path, "data.0.target_amount", "8000.00");
	snprintf(path, sizeof(path), "%s/plan", u);
	{
		char	 id[128];

		user_field(&c, path, "data.id", id, sizeof(id));
		ck_assert_msg(strncmp(id, "ozz_plan_", 9) == 0, "plan id: %s", id);
	}
	snprintf(path, sizeof(path), "%s/transactions", u);
	FIELD(&c, path, "data.0.amount_cents", "3000");
	FIELD(&c, path, "data.0.source", "whatsapp_text");
	/* the conversation is in the chat history */
	snprintf(path, sizeof(path), "%s/chat/messages?limit=50", u);
	{
		struct http_result r;

		it_call(&c, "GET", path, NULL, &r);
		ck_assert_int_eq(r.status, 200);
		HAS(r.body, "Ganho R$ 5.000 por m");
		HAS(r.body, "*2/5*");
		http_result_free(&r);
	}
	/* from now on, the coach as usual */
	say(inst, jid, "Quanto gastei com uber?", ++n, a, sizeof(a));
	HASNT(a, "/5*");
	HAS(a, "30,00");
}
END_TEST

/* In English: "later" stops, "start" begins again; no debt, no rate question; an emergency fund. */
START_TEST(onboarding_stops_and_starts_again)
{
	struct it_client c;
	const char *jid = "14155550188@s.whatsapp.net";
	const char *u = "/v1/users/external:whatsapp:+14155550188";
	char	 inst[96], a[2048], path[256];
	int	 n = 0;

	unique(inst, sizeof(inst), "onboard-en");
	integrate(&c, inst, 1, ",\"default_currency\":\"USD\"");
	say(inst, jid, "hello", ++n, a, sizeof(a));
	HAS(a, "*money coach*");
	HAS(a, "*1/5*");
	say(inst, jid, "later", ++n, a, sizeof(a));
	HAS(a, "send _start_");
	/* stopped: the coach answers as usual, no question */
	say(inst, jid, "spent 12.50 on coffee", ++n, a, sizeof(a));
	HAS(a, "12.50");
	HASNT(a, "/5*");
	say(inst, jid, "start", ++n, a, sizeof(a));
	HAS(a, "*1/5*");
	say(inst, jid, "3200", ++n, a, sizeof(a));
	HAS(a, "$3,200.00");
	say(inst, jid, "about 3500", ++n, a, sizeof(a));
	HAS(a, "more than you take home");
	HAS(a, "*3/5*");
	say(inst, jid, "nothing", ++n, a, sizeof(a));
	HAS(a, "*4/5*");
	say(inst, jid, "0", ++n, a, sizeof(a));
	HASNT(a, "interest");
	HAS(a, "*5/5*");
	/* the plan builds the emergency fund itself: no second goal beside it */
	say(inst, jid, "an emergency fund", ++n, a, sizeof(a));
	HAS(a, "Goal: *Emergency fund*.");
	HAS(a, "*Your plan is ready.*");
	HAS(a, "emergency fund");
	snprintf(path, sizeof(path), "%s/financial-intake", u);
	FIELD(&c, path, "data.monthly_income", "3200.00");
	FIELD(&c, path, "data.monthly_expenses", "3500.00");
	FIELD(&c, path, "data.savings_balance", "0.00");
	FIELD(&c, path, "data.debt_balance", "0.00");
	FIELD(&c, path, "data.financial_goal", "savings");
	snprintf(path, sizeof(path), "%s/goals", u);
	FIELD(&c, path, "data.0.goal_name", "");
	FIELD(&c, u, "data.onboarding_stage", "active");
	/* "hello" and "start" are in the history with their answers */
	snprintf(path, sizeof(path), "%s/chat/messages?limit=50", u);
	{
		struct http_result r;

		it_call(&c, "GET", path, NULL, &r);
		ck_assert_int_eq(r.status, 200);
		HAS(r.body, "\"content\":\"hello\"");
		HAS(r.body, "\"content\":\"start\"");
		http_result_free(&r);
	}
}
END_TEST

/* "onboarding": false leaves onboarding to the platform: the coach only answers. */
START_TEST(onboarding_left_to_the_platform)
{
	struct it_client c;
	struct http_result r;
	const char *jid = "5511955554444@s.whatsapp.net";
	char	 inst[96], a[2048];

	unique(inst, sizeof(inst), "onboard-off");
	integrate(&c, inst, 1, ",\"default_currency\":\"BRL\",\"onboarding\":false");
	it_call(&c, "GET", "/v1/integrations/evolution", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(!json_object_get_boolean(it_json_at(r.json, "data.onboarding")));
	http_result_free(&r);
	say(inst, jid, "gastei 18 na padaria", 1, a, sizeof(a));
	HAS(a, "*coach financeiro*");
	HAS(a, "18,00");
	HASNT(a, "/5*");
	say(inst, jid, "5000", 2, a, sizeof(a));
	HASNT(a, "/5*");
	/* a bad value is refused, the integration kept */
	it_call(&c, "PUT", "/v1/integrations/evolution", "{\"server_url\":\"http://127.0.0.1:1/\","
	    "\"instance\":\"x\",\"api_key\":\"k\",\"onboarding\":\"yes\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "error.details.0.field")),
	    "onboarding");
	http_result_free(&r);
	it_call(&c, "GET", "/v1/integrations/evolution", NULL, &r);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.instance")), inst);
	http_result_free(&r);
}
END_TEST

/* A user the platform made answers on WhatsApp; the platform's intake, sent meanwhile, stands. */
START_TEST(onboarding_yields_to_the_platform)
{
	struct it_client c;
	struct http_result r;
	const char *jid = "5511966665555@s.whatsapp.net";
	char	 inst[96], a[2048], ext[96], body[256], path[256];
	int	 n = 0;

	unique(inst, sizeof(inst), "onboard-api");
	integrate(&c, inst, 0, NULL);
	unique(ext, sizeof(ext), "u");
	snprintf(body, sizeof(body), "{\"external_user_id\":\"%s\",\"phone\":\"+5511966665555\","
	    "\"language\":\"pt\",\"currency\":\"BRL\"}", ext);
	it_call(&c, "POST", "/v1/users", body, &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	say(inst, jid, "Oi, tudo bem?", ++n, a, sizeof(a));
	HASNT(a, "*coach financeiro*");	/* known: no welcome */
	HAS(a, "*1/5*");
	say(inst, jid, "4000", ++n, a, sizeof(a));
	HAS(a, "*2/5*");
	snprintf(path, sizeof(path), "/v1/users/external:%s/financial-intake", ext);
	it_call(&c, "POST", path, "{\"monthly_income\":6000,\"monthly_expenses\":4000}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	/* the next message is not taken as an answer: the platform's numbers stand */
	say(inst, jid, "3000", ++n, a, sizeof(a));
	HASNT(a, "/5*");
	FIELD(&c, path, "data.monthly_income", "6000.00");
	FIELD(&c, path, "data.monthly_expenses", "4000.00");
}
END_TEST

/* The media fetch answered 503 twice: the turn is tried again, and the statement read once. */
START_TEST(media_fetch_retried)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], sent[4][2048], *b64;

	evo_reset();
	unique(inst, sizeof(inst), "mediaretry");
	integrate(&c, inst, 1, ",\"default_language\":\"es\",\"default_currency\":\"BRL\"");
	b64 = doc_b64("csv/pt_br_nubank_conta.csv");
	evo_media(b64, "text/csv");
	free(b64);
	evo_ctl("/_config", "{\"media_fail\":2}");
	unique(id, sizeof(id), "m");
	o = sample("messages-upsert-document-lid.json");
	set_at(o, "instance", json_object_new_string(inst));
	set_at(o, "data.key.id", json_object_new_string(id));
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	deliver(o, NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 60000, sent, 4), 1);
	ck_assert_int_eq(evo_media_calls(), 3);
	ck_assert_msg(strstr(sent[0], "*15* transacciones a\xc3\xb1""adidas") != NULL, "%s", sent[0]);
	wa_txns(&c, &r);
	ck_assert_int_eq(ntxn(&r), 15);
	http_result_free(&r);
}
END_TEST

/* Evolution never hands the media over: after four tries the user is told to send it again. */
START_TEST(media_never_fetched_is_said)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], sent[4][2048], out[64];

	evo_reset();
	unique(inst, sizeof(inst), "medialost");
	integrate(&c, inst, 1, ",\"default_language\":\"es\",\"default_currency\":\"BRL\"");
	evo_ctl("/_config", "{\"media_fail\":100}");
	unique(id, sizeof(id), "m");
	o = sample("messages-upsert-document-lid.json");
	set_at(o, "instance", json_object_new_string(inst));
	set_at(o, "data.key.id", json_object_new_string(id));
	set_at(o, "apikey", json_object_new_string(EVO_KEY));
	deliver(o, NULL, NULL, &r);
	http_result_free(&r);
	/* 1 + 5 + 30 s of backoff, each within 20% */
	ck_assert_int_eq(wait_sent(inst, 1, 90000, sent, 4), 1);
	ck_assert_msg(strstr(sent[0], "No pude descargar tu archivo") != NULL, "%s", sent[0]);
	ck_assert_int_eq(evo_media_calls(), 4);
	/* nothing stored, and the turn is done, not dead */
	wa_txns(&c, &r);
	ck_assert_int_eq(ntxn(&r), 0);
	http_result_free(&r);
	ck_assert_int_eq(it_sql("SELECT count(*) FROM jobs WHERE client_id = :'a' AND state = 'dead'",
	    c.id, NULL, out, sizeof(out)), 0);
	ck_assert_int_eq(count_of(out), 0);
	evo_reset();
}
END_TEST

/* Three messages at once, with one messageTimestamp: three replies, in that order. */
START_TEST(replies_keep_the_order)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048];
	const char *texts[] = { "gastei 11 no cafe", "gastei 22 no taxi", "gastei 33 na farmacia" };
	int	 i;

	unique(inst, sizeof(inst), "order");
	integrate(&c, inst, 1, NULL);
	for (i = 0; i < 3; i++) {
		unique(id, sizeof(id), "m");
		deliver(message("messages-upsert-text.json", inst, id, NULL, texts[i]), NULL, NULL, &r);
		ck_assert_str_eq(status_of(&r), "queued");
		http_result_free(&r);
	}
	ck_assert_int_eq(wait_sent(inst, 3, 20000, sent, 4), 3);
	ck_assert_msg(strstr(sent[0], "11") != NULL, "%s", sent[0]);
	ck_assert_msg(strstr(sent[1], "22") != NULL, "%s", sent[1]);
	ck_assert_msg(strstr(sent[2], "33") != NULL, "%s", sent[2]);
}
END_TEST

/* --- replies out ----------------------------------------------------------------- */

/* Evolution answers 500 twice, then drops the connection: the reply still arrives, once. */
START_TEST(evolution_down_then_back)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048];
	double	 t0;

	unique(inst, sizeof(inst), "down");
	integrate(&c, inst, 1, NULL);
	evo_ctl("/_mode", "{\"mode\":\"fail\",\"status\":503,\"count\":2}");
	unique(id, sizeof(id), "m");
	t0 = it_now_ms();
	deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 30000, sent, 4), 1);
	fprintf(stderr, "it_whatsapp: reply delivered %.1f s after two 503s\n", (it_now_ms() - t0) / 1000);
	evo_ctl("/_mode", "{\"mode\":\"refuse\",\"count\":1}");
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, "oi"), NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 2, 30000, sent, 4), 2);
	it_sleep_ms(1500);
	ck_assert_int_eq(evo_sent(inst, sent, 4), 2);
	evo_reset();
}
END_TEST

/* A 400 is final: the send is dead, ozzie-admin shows it, and its retry delivers it. */
START_TEST(dead_letter_and_admin_retry)
{
	struct it_client c;
	struct http_result r;
	struct json_object *jobs, *j;
	char	 inst[96], id[96], sent[4][2048], cmd[128], out[65536];
	int64_t	 dead = 0;
	double	 t0;
	size_t	 i;

	unique(inst, sizeof(inst), "dead");
	integrate(&c, inst, 1, NULL);
	evo_ctl("/_mode", "{\"mode\":\"fail\",\"status\":400,\"count\":1}");
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
	http_result_free(&r);
	for (t0 = it_now_ms(); dead == 0 && it_now_ms() - t0 < 15000; it_sleep_ms(200)) {
		admin_jobs("dead", out, sizeof(out));
		jobs = json_tokener_parse(out);
		ck_assert_ptr_nonnull(jobs);
		for (i = 0; i < json_object_array_length(jobs); i++) {
			j = json_object_array_get_idx(jobs, i);
			if (strcmp(json_object_get_string(json_object_object_get(j, "client_id")), c.id) == 0) {
				dead = json_object_get_int64(json_object_object_get(j, "id"));
				ck_assert_str_eq(json_object_get_string(json_object_object_get(j, "kind")), "wa.send");
				ck_assert_ptr_nonnull(strstr(json_object_get_string(
				    json_object_object_get(j, "last_error")), "400"));
			}
		}
		json_object_put(jobs);
	}
	ck_assert_msg(dead > 0, "no dead job for the client");
	ck_assert_int_eq(evo_sent(inst, sent, 4), 0);
	snprintf(cmd, sizeof(cmd), "admin jobs retry %lld", (long long)dead);
	ck_assert_int_eq(it_dev(cmd), 0);
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 4), 1);
	/* cancel takes a queued or dead job only */
	snprintf(cmd, sizeof(cmd), "admin jobs cancel %lld", (long long)dead);
	ck_assert_int_ne(it_dev(cmd), 0);
}
END_TEST

/* outbound_allow_private off: the fake on 127.0.0.1 is refused, the send dies. */
START_TEST(private_address_refused)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048], out[65536], want[160];
	double	 t0;
	int	 found = 0;

	unique(inst, sizeof(inst), "private");
	integrate(&c, inst, 1, NULL);
	setenv("OZZIE_OUTBOUND_ALLOW_PRIVATE", "off", 1);
	jobd_restart();
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
	http_result_free(&r);
	snprintf(want, sizeof(want), "\"client_id\":\"%s\"", c.id);
	for (t0 = it_now_ms(); !found && it_now_ms() - t0 < 15000; it_sleep_ms(200)) {
		admin_jobs("dead", out, sizeof(out));
		found = strstr(out, want) != NULL && strstr(out, "refused") != NULL;
	}
	unsetenv("OZZIE_OUTBOUND_ALLOW_PRIVATE");
	jobd_restart();
	ck_assert_msg(found, "no dead send refused: %s", out);
	ck_assert_int_eq(evo_sent(inst, sent, 4), 0);
}
END_TEST

/* jobd killed while Evolution holds the send: after the lease, it is sent once. */
START_TEST(jobd_killed_mid_send)
{
	struct it_client c;
	struct http_result r;
	struct json_object *o;
	char	 inst[96], id[96], sent[4][2048];
	double	 t0;
	int	 attempts = 0;

	unique(inst, sizeof(inst), "kill");
	integrate(&c, inst, 1, NULL);
	setenv("OZZIE_JOBD_LEASE_S", "5", 1);
	setenv("OZZIE_EVOLUTION_TIMEOUT_MS", "2000", 1);
	setenv("OZZIE_AI_TIMEOUT_MS", "2000", 1);
	jobd_restart();
	evo_reset();
	evo_ctl("/_mode", "{\"mode\":\"stall\",\"seconds\":20,\"count\":1}");
	unique(id, sizeof(id), "m");
	deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
	http_result_free(&r);
	for (t0 = it_now_ms(); attempts < 1 && it_now_ms() - t0 < 15000; it_sleep_ms(50)) {
		o = evo_record();
		attempts = json_object_get_int(json_object_object_get(o, "attempts"));
		json_object_put(o);
	}
	ck_assert_int_eq(attempts, 1);
	ck_assert_int_eq(it_dev("_jobd-kill"), 0);
	jobd_restart();
	ck_assert_int_eq(wait_sent(inst, 1, 30000, sent, 4), 1);
	it_sleep_ms(2000);
	ck_assert_int_eq(evo_sent(inst, sent, 4), 1);
	unsetenv("OZZIE_JOBD_LEASE_S");
	unsetenv("OZZIE_EVOLUTION_TIMEOUT_MS");
	unsetenv("OZZIE_AI_TIMEOUT_MS");
	jobd_restart();
	evo_reset();
}
END_TEST

/* PostgreSQL restarted under jobd: the next message is answered (LISTEN again, or the poll). */
START_TEST(postgres_restarted_under_jobd)
{
	struct it_client c;
	struct http_result r;
	char	 inst[96], id[96], sent[4][2048];
	double	 t0;

	unique(inst, sizeof(inst), "pg");
	integrate(&c, inst, 1, NULL);
	ck_assert_int_eq(it_dev("_pg-stop fast"), 0);
	it_sleep_ms(1500);
	ck_assert_int_eq(it_dev("_pg-start"), 0);
	/* the workers reconnect on their own: the first requests may still meet 503 */
	for (t0 = it_now_ms(); it_now_ms() - t0 < 20000; it_sleep_ms(200)) {
		unique(id, sizeof(id), "m");
		deliver(message("messages-upsert-text.json", inst, id, NULL, NULL), NULL, NULL, &r);
		if (r.status == 200) {
			http_result_free(&r);
			break;
		}
		http_result_free(&r);
	}
	ck_assert_int_eq(wait_sent(inst, 1, 20000, sent, 4), 1);
}
END_TEST

/* SIGTERM: an idle jobd stops at once; up brings it back. */
START_TEST(jobd_stops_on_sigterm)
{
	double	 t0 = it_now_ms();

	ck_assert_int_eq(it_dev("_jobd-stop"), 0);
	ck_assert_msg(it_now_ms() - t0 < 5000, "jobd took %.0f ms to stop", it_now_ms() - t0);
	jobd_restart();
}
END_TEST

/* --- outbound webhooks ------------------------------------------------------------ */

/* A client with one endpoint at the fake's /hook/<name> for events; its id and secret. */
static void
hook_endpoint(struct it_client *c, const char *name, const char *events, char *id, char *secret)
{
	struct http_result r;
	char	 body[512];

	snprintf(body, sizeof(body), "{\"url\":\"http://127.0.0.1:%d/hook/%s\",\"events\":%s,"
	    "\"description\":\"the platform\"}", evo_port, name, events);
	it_call(c, "POST", "/v1/webhook-endpoints", body, &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	snprintf(id, OZ_IT_ID, "%s", json_object_get_string(it_json_at(r.json, "data.id")));
	snprintf(secret, OZ_IT_ID, "%s", json_object_get_string(it_json_at(r.json, "data.secret")));
	ck_assert(strncmp(secret, "whsec_", 6) == 0);
	http_result_free(&r);
}

/* The hooks the fake received at /hook/<name> (a new array), after waiting for n. */
static struct json_object *
hooks_at(const char *name, size_t n, int ms)
{
	struct http_result r;
	struct json_object *all, *mine = NULL, *h;
	char	 url[128], path[128];
	double	 t0 = it_now_ms();
	size_t	 i;

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/_hooks", evo_port);
	snprintf(path, sizeof(path), "/hook/%s", name);
	do {
		json_object_put(mine);
		mine = json_object_new_array();
		ck_assert_int_eq(http_do("GET", url, NULL, NULL, 0, &r), 0);
		all = json_object_object_get(r.json, "hooks");
		for (i = 0; i < json_object_array_length(all); i++) {
			h = json_object_array_get_idx(all, i);
			if (strcmp(json_object_get_string(json_object_object_get(h, "path")), path) == 0)
				json_object_array_add(mine, json_object_get(h));
		}
		http_result_free(&r);
		if (json_object_array_length(mine) >= n)
			break;
		it_sleep_ms(100);
	} while (it_now_ms() - t0 < ms);
	return mine;
}

/* The signature header is HMAC-SHA256(secret, t "." raw body), as a platform checks it. */
static void
check_signature(struct json_object *hook, const char *secret)
{
	const char *sig = json_object_get_string(json_object_object_get(hook, "signature"));
	const char *raw = json_object_get_string(json_object_object_get(hook, "raw"));
	const char *v1;
	unsigned char mac[32];
	unsigned int len = 0;
	char	 msg[8192], hex[65];
	long long t;
	int	 i;

	ck_assert_ptr_nonnull(sig);
	ck_assert_int_eq(strncmp(sig, "t=", 2), 0);
	t = strtoll(sig + 2, NULL, 10);
	ck_assert(t > 1700000000LL && llabs(t - (long long)time(NULL)) < 300);
	ck_assert_ptr_nonnull(v1 = strstr(sig, ",v1="));
	snprintf(msg, sizeof(msg), "%lld.%s", t, raw);
	ck_assert_ptr_nonnull(HMAC(EVP_sha256(), secret, (int)strlen(secret),
	    (const unsigned char *)msg, strlen(msg), mac, &len));
	for (i = 0; i < 32; i++)
		snprintf(hex + i * 2, 3, "%02x", mac[i]);
	ck_assert_str_eq(v1 + 4, hex);
}

START_TEST(webhook_endpoints_crud)
{
	struct it_client c, other;
	struct http_result r;
	char	 id[OZ_IT_ID], secret[OZ_IT_ID], path[256];

	it_client_create("hooks-crud", 0, &c);
	it_client_create("hooks-other", 0, &other);
	it_call(&c, "POST", "/v1/webhook-endpoints",
	    "{\"url\":\"ftp://x\",\"events\":[\"transaction.created\",\"coffee.spilled\"],\"x\":1}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"url\""));
	ck_assert_ptr_nonnull(strstr(r.body, "\"events\""));
	ck_assert_ptr_nonnull(strstr(r.body, "\"x\""));
	http_result_free(&r);
	it_call(&c, "POST", "/v1/webhook-endpoints", "{\"url\":\"https://example.com/h\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"events\""));
	http_result_free(&r);
	it_call(&c, "POST", "/v1/webhook-endpoints", "{\"url\":\"https://example.com/h\",\"events\":[]}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	hook_endpoint(&c, "crud", "[\"plan.generated\",\"plan.generated\",\"chat.message\"]", id, secret);
	snprintf(path, sizeof(path), "/v1/webhook-endpoints/%s", id);
	/* the secret is shown once; events are kept once each */
	it_call(&c, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_null(strstr(r.body, "whsec_"));
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data.events")), 2);
	ck_assert(json_object_get_boolean(it_json_at(r.json, "data.enabled")));
	http_result_free(&r);
	it_call(&c, "GET", "/v1/webhook-endpoints?limit=1", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.id")), id);
	http_result_free(&r);
	/* another client sees none of it */
	it_call(&other, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	it_call(&other, "GET", "/v1/webhook-endpoints", NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
	it_call(&c, "PATCH", path, "{\"enabled\":false,\"events\":[\"user.at_risk\"],\"description\":null}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(!json_object_get_boolean(it_json_at(r.json, "data.enabled")));
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.events.0")), "user.at_risk");
	ck_assert_ptr_null(it_json_at(r.json, "data.description"));
	http_result_free(&r);
	it_call(&c, "PATCH", path, "{\"enabled\":\"no\"}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	it_call(&c, "GET", "/v1/webhook-endpoints/ozz_whe_AAAAAAAAAAAAAAAAAAAAAA/deliveries", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	it_call(&c, "DELETE", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	it_call(&c, "DELETE", path, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	it_call(&c, "GET", "/v1/webhook-endpoints/not-an-id", NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
}
END_TEST

/* transaction.created and chat.message, signed; an endpoint that takes neither gets nothing. */
START_TEST(webhook_events_signed)
{
	struct it_client c;
	struct http_result r;
	struct json_object *h, *body;
	char	 id[OZ_IT_ID], secret[OZ_IT_ID], id2[OZ_IT_ID], secret2[OZ_IT_ID], inst[96], mid[96];
	char	 name[64], name2[64], path[256], sent[2][2048];
	size_t	 i;
	int	 txn = 0, chat = 0;

	unique(inst, sizeof(inst), "hooks");
	integrate(&c, inst, 1, ",\"default_currency\":\"BRL\"");
	unique(name, sizeof(name), "ev");
	unique(name2, sizeof(name2), "plans");
	hook_endpoint(&c, name, "[\"transaction.created\",\"chat.message\"]", id, secret);
	hook_endpoint(&c, name2, "[\"plan.generated\"]", id2, secret2);
	unique(mid, sizeof(mid), "m");
	deliver(message("messages-upsert-text.json", inst, mid, NULL, NULL), NULL, NULL, &r);
	http_result_free(&r);
	ck_assert_int_eq(wait_sent(inst, 1, 15000, sent, 2), 1);
	h = hooks_at(name, 2, 15000);
	ck_assert_int_eq(json_object_array_length(h), 2);
	for (i = 0; i < 2; i++) {
		struct json_object *e = json_object_array_get_idx(h, i);

		check_signature(e, secret);
		body = json_tokener_parse(json_object_get_string(json_object_object_get(e, "raw")));
		ck_assert_ptr_nonnull(body);
		ck_assert(strncmp(json_object_get_string(it_json_at(body, "id")), "evt_", 4) == 0);
		ck_assert_str_eq(json_object_get_string(it_json_at(body, "type")),
		    json_object_get_string(json_object_object_get(e, "event")));
		if (strcmp(json_object_get_string(it_json_at(body, "type")), "transaction.created") == 0) {
			txn++;
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.source")), "whatsapp_text");
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.amount")), "45.90");
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.currency")), "BRL");
		} else {
			chat++;
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.channel")), "whatsapp");
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.text")),
			    "Gastei 45,90 no mercado");
		}
		json_object_put(body);
	}
	ck_assert_int_eq(txn, 1);
	ck_assert_int_eq(chat, 1);
	json_object_put(h);
	h = hooks_at(name2, 1, 500);
	ck_assert_int_eq(json_object_array_length(h), 0);
	json_object_put(h);
	/* the deliveries, as GET …/deliveries lists them */
	snprintf(path, sizeof(path), "/v1/webhook-endpoints/%s/deliveries", id);
	it_call(&c, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 2);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.status")), "delivered");
	ck_assert_int_eq(json_object_get_int(it_json_at(r.json, "data.0.response_code")), 200);
	ck_assert_int_eq(json_object_get_int(it_json_at(r.json, "data.0.attempts")), 1);
	http_result_free(&r);
}
END_TEST

/*
 * A money move is released on its due date with no request: ozzie-jobd
 * sends money_move.available once, and not before the date comes.
 */
START_TEST(money_move_released_when_due)
{
	struct it_client c;
	struct http_result r;
	struct json_object *h, *body;
	char	 id[OZ_IT_ID], secret[OZ_IT_ID], name[64], ext[96], path[256], b[256], move[96];
	char	 out[64];

	it_client_create("moves-due", 0, &c);
	unique(name, sizeof(name), "due");
	hook_endpoint(&c, name, "[\"money_move.available\"]", id, secret);
	unique(ext, sizeof(ext), "u");
	snprintf(b, sizeof(b), "{\"external_user_id\":\"%s\",\"currency\":\"USD\"}", ext);
	it_call(&c, "POST", "/v1/users", b, &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/users/external:%s/financial-intake", ext);
	it_call(&c, "POST", path, "{\"monthly_income\":4000,\"monthly_expenses\":2500,"
	    "\"savings_balance\":500}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/users/external:%s/plan", ext);
	it_call(&c, "POST", path, NULL, &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/users/external:%s/money-moves/generate", ext);
	it_call(&c, "POST", path, NULL, &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/users/external:%s/money-moves", ext);
	it_call(&c, "GET", path, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	snprintf(move, sizeof(move), "%s", json_object_get_string(it_json_at(r.json, "data.0.id")));
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.status")), "available");
	http_result_free(&r);
	/* the first cycle is due today: announced within jobd's sweep */
	h = hooks_at(name, 1, 30000);
	ck_assert_int_eq(json_object_array_length(h), 1);
	check_signature(json_object_array_get_idx(h, 0), secret);
	body = json_tokener_parse(json_object_get_string(json_object_object_get(
	    json_object_array_get_idx(h, 0), "raw")));
	ck_assert_ptr_nonnull(body);
	ck_assert_str_eq(json_object_get_string(it_json_at(body, "type")), "money_move.available");
	ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.money_move_id")), move);
	ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.external_user_id")), ext);
	ck_assert_int_eq(json_object_get_int(it_json_at(body, "data.cycle_number")), 1);
	ck_assert(json_object_array_length(it_json_at(body, "data.tasks")) >= 1);
	ck_assert_ptr_nonnull(it_json_at(body, "data.tasks.0.title"));
	json_object_put(body);
	json_object_put(h);
	/* moved to tomorrow: scheduled, and nothing is sent */
	ck_assert_int_eq(it_sql("UPDATE money_move_cycles SET due_date = current_date + 1,"
	    " released_at = NULL WHERE client_id = :'a' AND id = :'b'", c.id, move, out,
	    sizeof(out)), 0);
	it_call(&c, "GET", path, NULL, &r);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.status")), "scheduled");
	http_result_free(&r);
	h = hooks_at(name, 2, 12000);
	ck_assert_int_eq(json_object_array_length(h), 1);
	json_object_put(h);
	/* its day comes: released once more, once */
	ck_assert_int_eq(it_sql("UPDATE money_move_cycles SET due_date = current_date"
	    " WHERE client_id = :'a' AND id = :'b'", c.id, move, out, sizeof(out)), 0);
	h = hooks_at(name, 2, 30000);
	ck_assert_int_eq(json_object_array_length(h), 2);
	json_object_put(h);
	h = hooks_at(name, 3, 12000);
	ck_assert_int_eq(json_object_array_length(h), 2);
	json_object_put(h);
	ck_assert_int_eq(it_sql("SELECT count(*) FROM money_move_cycles WHERE client_id = :'a'"
	    " AND id = :'b' AND released_at IS NOT NULL", c.id, move, out, sizeof(out)), 0);
	ck_assert_int_eq(count_of(out), 1);
}
END_TEST

/* The platform answers 500, then stalls: the delivery is retried and arrives; the attempts are listed. */
START_TEST(webhook_retried_then_delivered)
{
	struct it_client c;
	struct http_result r;
	struct json_object *h;
	char	 id[OZ_IT_ID], secret[OZ_IT_ID], name[64], path[256], user[160];
	double	 t0;

	it_client_create("hooks-retry", 0, &c);
	unique(name, sizeof(name), "retry");
	hook_endpoint(&c, name, "[\"transaction.created\"]", id, secret);
	evo_ctl("/_hookmode", "{\"mode\":\"fail\",\"status\":500,\"count\":2}");
	it_user_path(user, sizeof(user), "hook");
	snprintf(path, sizeof(path), "%s/transactions", user);
	t0 = it_now_ms();
	it_call(&c, "POST", path, "{\"transactions\":[{\"amount_cents\":1250,\"description\":\"coffee\"}]}", &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	http_result_free(&r);
	h = hooks_at(name, 1, 30000);
	ck_assert_int_eq(json_object_array_length(h), 1);
	check_signature(json_object_array_get_idx(h, 0), secret);
	fprintf(stderr, "it_whatsapp: webhook delivered %.1f s after two 500s\n", (it_now_ms() - t0) / 1000);
	json_object_put(h);
	snprintf(path, sizeof(path), "/v1/webhook-endpoints/%s/deliveries", id);
	it_call(&c, "GET", path, NULL, &r);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.status")), "delivered");
	ck_assert_int_eq(json_object_get_int(it_json_at(r.json, "data.0.attempts")), 3);
	http_result_free(&r);
	/* the endpoint failed, then recovered: not failing any more */
	snprintf(path, sizeof(path), "/v1/webhook-endpoints/%s", id);
	it_call(&c, "GET", path, NULL, &r);
	ck_assert_ptr_null(it_json_at(r.json, "data.failing_since"));
	http_result_free(&r);
	/* the platform stalls (no answer within the 10 s deadline): tried again, delivered */
	evo_ctl("/_hookmode", "{\"mode\":\"stall\",\"seconds\":15,\"count\":1}");
	snprintf(path, sizeof(path), "%s/transactions", user);
	it_call(&c, "POST", path, "{\"transactions\":[{\"amount_cents\":700,\"description\":\"bus\"}]}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	h = hooks_at(name, 2, 40000);
	ck_assert_int_eq(json_object_array_length(h), 2);
	json_object_put(h);
	evo_reset();
}
END_TEST

/* An endpoint failing for 3 days is disabled; enabling it again forgets the failures. */
/*
 * A platform hears of imports and of users newly at risk: an intake that
 * spends more than it earns raises user.at_risk once (not again while the
 * reasons stay), and a statement imported raises import.completed.
 */
START_TEST(webhook_import_and_at_risk_events)
{
	static const char csv[] = "Date,Description,Amount\n2026-11-02,STARBUCKS STORE 1458,-4.75\n"
	    "2026-11-03,PAYROLL ACME CORP,2500.00\n2026-11-04,SHELL OIL 5744,-46.00\n";
	struct it_client c;
	struct http_result r;
	struct json_object *h, *body, *e;
	const char *hdr[3];
	char	 id[OZ_IT_ID], secret[OZ_IT_ID], name[64], ext[64], u[160], p[256], ct[64];
	const char *type;
	size_t	 i;
	int	 imports = 0, risks = 0;

	unique(name, sizeof(name), "risk");
	it_client_create(name, 0, &c);
	hook_endpoint(&c, name, "[\"import.completed\",\"user.at_risk\"]", id, secret);
	unique(ext, sizeof(ext), "atrisk");
	snprintf(u, sizeof(u), "/v1/users/external:%s", ext);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	it_call(&c, "POST", p, "{\"monthly_income\":2000,\"monthly_expenses\":2600}", &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	http_result_free(&r);
	/* the same reasons again: no second event */
	it_call(&c, "POST", p, "{\"monthly_income\":2000,\"monthly_expenses\":2700}", &r);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions", u);
	snprintf(ct, sizeof(ct), "Content-Type: text/csv");
	hdr[0] = c.auth;
	hdr[1] = ct;
	hdr[2] = NULL;
	ck_assert_int_eq(http_do("POST", p, hdr, csv, sizeof(csv) - 1, &r), 0);
	ck_assert_msg(r.status == 201, "%ld %s", r.status, r.body);
	http_result_free(&r);
	h = hooks_at(name, 2, 15000);
	ck_assert_int_eq(json_object_array_length(h), 2);
	for (i = 0; i < 2; i++) {
		e = json_object_array_get_idx(h, i);
		check_signature(e, secret);
		body = json_tokener_parse(json_object_get_string(json_object_object_get(e, "raw")));
		ck_assert_ptr_nonnull(body);
		type = json_object_get_string(it_json_at(body, "type"));
		if (strcmp(type, "import.completed") == 0) {
			imports++;
			ck_assert(strncmp(json_object_get_string(it_json_at(body, "data.import_id")),
			    "ozz_imp_", 8) == 0);
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.status")),
			    "completed");
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.format")), "csv");
			ck_assert_int_eq(json_object_get_int(it_json_at(body,
			    "data.transactions_created")), 3);
		} else {
			ck_assert_str_eq(type, "user.at_risk");
			risks++;
			ck_assert(strncmp(json_object_get_string(it_json_at(body, "data.user_id")),
			    "ozz_usr_", 8) == 0);
			ck_assert_int_gt(json_object_get_int(it_json_at(body, "data.risk_score")), 0);
			ck_assert_str_eq(json_object_get_string(it_json_at(body, "data.new_reasons.0")),
			    "negative_cash_flow");
		}
		json_object_put(body);
	}
	ck_assert_int_eq(imports, 1);
	ck_assert_int_eq(risks, 1);
	json_object_put(h);
	/* and nothing more arrives */
	h = hooks_at(name, 3, 1500);
	ck_assert_int_eq(json_object_array_length(h), 2);
	json_object_put(h);
}
END_TEST

START_TEST(webhook_endpoint_disabled_after_three_days)
{
	struct it_client c;
	struct http_result r;
	char	 id[OZ_IT_ID], secret[OZ_IT_ID], name[64], path[256], user[160], out[64];
	double	 t0;
	int	 enabled = 1;

	it_client_create("hooks-disable", 0, &c);
	unique(name, sizeof(name), "down");
	hook_endpoint(&c, name, "[\"transaction.created\"]", id, secret);
	/* it has been failing for four days already */
	ck_assert_int_eq(it_sql("UPDATE webhook_endpoints SET failing_since = now() - interval '4 days'"
	    " WHERE client_id = :'a' AND id = :'b'", c.id, id, out, sizeof(out)), 0);
	evo_ctl("/_hookmode", "{\"mode\":\"fail\",\"status\":503,\"count\":-1}");
	it_user_path(user, sizeof(user), "hook");
	snprintf(path, sizeof(path), "%s/transactions", user);
	it_call(&c, "POST", path, "{\"transactions\":[{\"amount_cents\":990,\"description\":\"bus\"}]}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(path, sizeof(path), "/v1/webhook-endpoints/%s", id);
	for (t0 = it_now_ms(); enabled && it_now_ms() - t0 < 15000; it_sleep_ms(200)) {
		it_call(&c, "GET", path, NULL, &r);
		enabled = json_object_get_boolean(it_json_at(r.json, "data.enabled"));
		if (!enabled)
			ck_assert_ptr_nonnull(strstr(json_object_get_string(it_json_at(r.json,
			    "data.disabled_reason")), "3 days"));
		http_result_free(&r);
	}
	ck_assert_msg(!enabled, "the endpoint is still enabled");
	evo_reset();
	it_call(&c, "PATCH", path, "{\"enabled\":true}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert(json_object_get_boolean(it_json_at(r.json, "data.enabled")));
	ck_assert_ptr_null(it_json_at(r.json, "data.failing_since"));
	ck_assert_ptr_null(it_json_at(r.json, "data.disabled_reason"));
	http_result_free(&r);
}
END_TEST

Suite *
whatsapp_suite(void)
{
	Suite	*s = suite_create("whatsapp");
	TCase	*tc = tcase_create("evolution");

	tcase_add_unchecked_fixture(tc, evo_start, evo_stop);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, integration_put_get_delete);
	tcase_add_test(tc, webhook_secrets_and_what_it_ignores);
	tcase_add_test(tc, webhook_is_idempotent);
	tcase_add_test(tc, webhook_answers_fast);
	tcase_add_test(tc, text_turn_logs_and_replies);
	tcase_add_test(tc, onboarded_in_the_conversation);
	tcase_add_test(tc, onboarding_stops_and_starts_again);
	tcase_add_test(tc, onboarding_yields_to_the_platform);
	tcase_add_test(tc, onboarding_left_to_the_platform);
	tcase_add_test(tc, ninth_digit_matches_known_user);
	tcase_add_test(tc, unknown_sender_reply_or_silence);
	tcase_add_test(tc, what_the_coach_cannot_read);
	tcase_add_test(tc, receipt_photo_is_recorded);
	tcase_add_test(tc, statement_csv_is_imported);
	tcase_add_test(tc, broken_image_is_refused_politely);
	tcase_add_test(tc, media_fetch_retried);
	tcase_add_test(tc, media_never_fetched_is_said);
	tcase_add_test(tc, replies_keep_the_order);
	tcase_add_test(tc, evolution_down_then_back);
	tcase_add_test(tc, dead_letter_and_admin_retry);
	tcase_add_test(tc, private_address_refused);
	tcase_add_test(tc, jobd_killed_mid_send);
	tcase_add_test(tc, postgres_restarted_under_jobd);
	tcase_add_test(tc, webhook_endpoints_crud);
	tcase_add_test(tc, webhook_events_signed);
	tcase_add_test(tc, money_move_released_when_due);
	tcase_add_test(tc, webhook_retried_then_delivered);
	tcase_add_test(tc, webhook_import_and_at_risk_events);
	tcase_add_test(tc, webhook_endpoint_disabled_after_three_days);
	tcase_add_test(tc, jobd_stops_on_sigterm);
	suite_add_tcase(s, tc);
	return s;
}
