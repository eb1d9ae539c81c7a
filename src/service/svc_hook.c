/* svc_hook.c: outbound webhooks (svc_hook.h). */
#include "config.h"

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/conf.h"
#include "core/currency.h"
#include "core/hex.h"
#include "core/ids.h"
#include "core/log.h"
#include "core/pool.h"
#include "service/svc.h"
#include "service/svc_hook.h"
#include "service/svc_job.h"
#include "service/svc_out.h"
#include "store/store_job.h"
#include "store/store_txn.h"

#define HOOK_MAX_ATTEMPTS	30	/* about 24 h of the backoff (svc_job) */
#define HOOK_TIMEOUT_MS		10000

const char *const hook_event_types[] = { "transaction.created", "import.completed",
	"import.failed", "plan.generated", "money_move.available", "money_move.completed",
	"user.at_risk", "chat.message", NULL };

/* The sealing key; -1 (SERVICE_UNAVAILABLE) without a configured secret_key. */
static int
seal_key(struct svc *s, unsigned char key[32])
{
	if (s->cfg->secret_key_ephemeral || s->cfg->secret_key == NULL ||
	    s->cfg->secret_key[0] == '\0' || secret_seal_key(s->cfg->secret_key, key) == -1)
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "the server has no secret_key, so it cannot keep signing secrets");
	return 0;
}

static void
seal_ad(const char *client, char *out, size_t len)
{
	snprintf(out, len, "webhook:%s", client);
}

int
svc_hook_create(struct svc *s, const struct hook_fields *f, struct hook_endpoint *out,
    char secret[SECRET_MAX])
{
	unsigned char	 key[32], sealed[SECRET_ENC_MAX];
	char		 id[OZ_ID_MAX], raw[SECRET_MAX], ad[OZ_ID_MAX + 16], *hex;
	int		 n, rc = -1;

	secret[0] = '\0';
	if (seal_key(s, key) == -1)
		return -1;
	if (svc_new_id(s, "ozz_whe", id, sizeof(id)) == -1)
		goto out;
	if (secret_new(raw, sizeof(raw)) == -1) {
		svc_fail(s, OZ_INTERNAL_ERROR, "cannot make a secret");
		goto out;
	}
	snprintf(secret, SECRET_MAX, "whsec_%s", raw + strlen(SECRET_PREFIX));
	seal_ad(s->st.client, ad, sizeof(ad));
	if ((n = secret_seal(key, ad, secret, sealed, sizeof(sealed))) < 0 ||
	    (hex = pool_alloc(s->st.pool, (size_t)n * 2 + 1)) == NULL) {
		svc_fail(s, OZ_INTERNAL_ERROR, "cannot seal the secret");
		goto out;
	}
	hex_encode(sealed, (size_t)n, hex);
	if (store_hook_insert(&s->st, id, f, hex, out) == -1) {
		svc_db_fail(s);
		goto out;
	}
	rc = 0;
out:
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(raw, sizeof(raw));
	if (rc == -1)
		OPENSSL_cleanse(secret, SECRET_MAX);
	return rc;
}

static int
not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such webhook endpoint");
}

int
svc_hook_get(struct svc *s, const char *id, struct hook_endpoint *out)
{
	int rc = store_hook_get(&s->st, id, out);

	return rc == -1 ? svc_db_fail(s) : rc == 0 ? not_found(s) : 0;
}

int
svc_hook_update(struct svc *s, const char *id, const struct hook_fields *f,
    struct hook_endpoint *out)
{
	int rc = store_hook_update(&s->st, id, f, out);

	return rc == -1 ? svc_db_fail(s) : rc == 0 ? not_found(s) : 0;
}

int
svc_hook_delete(struct svc *s, const char *id)
{
	int rc = store_hook_delete(&s->st, id);

	return rc == -1 ? svc_db_fail(s) : rc == 0 ? not_found(s) : 0;
}

int
svc_hook_list(struct svc *s, const struct store_page *pg, struct hook_endpoint *rows,
    size_t *n, int *has_more)
{
	return store_hook_list(&s->st, pg, rows, n, has_more) == -1 ? svc_db_fail(s) : 0;
}

int
svc_hook_deliveries(struct svc *s, const char *endpoint, const struct store_page *pg,
    struct hook_delivery *rows, size_t *n, int *has_more)
{
	struct hook_endpoint e;

	if (svc_hook_get(s, endpoint, &e) == -1)
		return -1;
	return store_hook_deliveries(&s->st, endpoint, pg, rows, n, has_more) == -1 ?
	    svc_db_fail(s) : 0;
}

void
svc_hook_emit(struct svc *s, const char *type, struct json_object *data)
{
	char		 evt[OZ_ID_MAX];
	const char	*text;
	int		 n = 0;

	if (s->st.client == NULL || data == NULL) {
		json_object_put(data);
		return;
	}
	text = json_object_to_json_string_ext(data, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (ids_new("evt", evt, sizeof(evt)) == -1 || text == NULL ||
	    store_hook_fan_out(&s->st, evt, type, text, JOB_HOOK_DELIVER, HOOK_MAX_ATTEMPTS,
	    &n) == -1)
		log_warnx("webhook event %s could not be queued", type);
	json_object_put(data);
}

/* A money amount in major units as an exact JSON number. */
static struct json_object *
amount_json(int64_t minor, const char *currency)
{
	int	 d = currency_minor_units(currency), i;
	int64_t	 div = 1;
	char	 text[48];

	for (i = 0; i < d && i < 3; i++)
		div *= 10;
	if (d == 3)
		snprintf(text, sizeof(text), "%lld.%03lld", (long long)(minor / div),
		    (long long)(minor % div));
	else if (d == 2)
		snprintf(text, sizeof(text), "%lld.%02lld", (long long)(minor / div),
		    (long long)(minor % div));
	else if (d == 1)
		snprintf(text, sizeof(text), "%lld.%01lld", (long long)(minor / div),
		    (long long)(minor % div));
	else {
		div = 1;
		snprintf(text, sizeof(text), "%lld", (long long)minor);
	}
	return json_object_new_double_s((double)minor / (double)div, text);
}

void
svc_hook_txns(struct svc *s, const struct txn *t, size_t n)
{
	struct json_object *o;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (t[i].existing)
			continue;
		o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(t[i].id));
		json_object_object_add(o, "user_id", json_object_new_string(t[i].user_id));
		json_object_object_add(o, "amount", amount_json(t[i].amount_cents, t[i].currency));
		json_object_object_add(o, "currency", json_object_new_string(t[i].currency));
		json_object_object_add(o, "category", json_object_new_string(t[i].category));
		json_object_object_add(o, "kind", json_object_new_string(t[i].kind));
		json_object_object_add(o, "description", json_object_new_string(
		    t[i].description ? t[i].description : ""));
		json_object_object_add(o, "transaction_date",
		    json_object_new_string(t[i].transaction_date));
		json_object_object_add(o, "source", json_object_new_string(t[i].source));
		svc_hook_emit(s, "transaction.created", o);
	}
}

int
svc_hook_signature(const char *secret, long long t, const char *body, char *out, size_t outlen)
{
	unsigned char	 mac[32];
	unsigned int	 len = 0;
	struct buf	 msg;
	char		 hex[65];
	int		 ok;

	/* HMAC-SHA256(secret, t + "." + body) */
	buf_init(&msg, strlen(body) + 32);
	ok = buf_printf(&msg, "%lld.", t) == 0 && buf_puts(&msg, body) == 0 &&
	    HMAC(EVP_sha256(), secret, (int)strlen(secret), (const unsigned char *)buf_str(&msg),
	    msg.len, mac, &len) != NULL && len == 32;
	buf_free(&msg);
	if (!ok)
		return -1;
	hex_encode(mac, 32, hex);
	return (size_t)snprintf(out, outlen, "t=%lld,v1=%s", t, hex) < outlen ? 0 : -1;
}

/* The endpoint's secret, opened. 0/-1. */
static int
open_secret(const struct svc *s, const struct hook_endpoint *e, const unsigned char key[32],
    char *out, size_t outlen)
{
	unsigned char	 raw[SECRET_ENC_MAX];
	char		 ad[OZ_ID_MAX + 16];
	size_t		 n;

	if (hex_decode(e->secret_hex, raw, sizeof(raw), &n) == -1)
		return -1;
	seal_ad(s->st.client, ad, sizeof(ad));
	return secret_open(key, ad, raw, n, out, outlen);
}

/* The body of a delivery: {"id","type","created_at","data"}, in the pool. */
static const char *
delivery_body(struct svc *s, const struct hook_delivery *d)
{
	struct json_object *o = json_object_new_object();
	const char	*out;

	json_object_object_add(o, "id", json_object_new_string(d->event_id));
	json_object_object_add(o, "type", json_object_new_string(d->event_type));
	json_object_object_add(o, "created_at", json_object_new_string(d->created_at));
	json_object_object_add(o, "data", json_tokener_parse(d->payload));
	out = pool_strdup(s->st.pool, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return out;
}

/* Record a failed attempt; disable an endpoint failing for 3 days. */
static void
failed(struct svc *s, const struct job *job, const struct hook_delivery *d, int code,
    const char *why, struct job_result *res)
{
	static char err[200];
	int64_t	 failing = 0;
	int	 last = job->attempts >= job->max_attempts || d->age_s >= HOOK_RETRY_S;

	snprintf(err, sizeof(err), "%s", why);
	res->error = err;
	res->outcome = last ? JOB_DEAD : JOB_RETRY;
	if (store_hook_attempt(&s->st, d->id, d->endpoint_id, last ? "failed" : "pending", code,
	    why, &failing) == -1)
		log_warnx("webhook delivery %s: cannot record the attempt", d->id);
	if (failing >= HOOK_DISABLE_S) {
		if (store_hook_disable(&s->st, d->endpoint_id,
		    "failing for 3 days: disabled; PATCH enabled true to enable it again") == 0)
			log_warnx("webhook endpoint %s disabled: failing for 3 days", d->endpoint_id);
		res->outcome = JOB_DEAD;
	}
}

void
svc_hook_deliver(struct svc *s, const struct job *job, struct job_result *res)
{
	struct json_object *p = json_tokener_parse(job->payload), *v;
	struct hook_delivery d;
	struct hook_endpoint e;
	struct out_res	 rs;
	unsigned char	 key[32];
	char		 secret[SECRET_MAX], sig[128], h_sig[160], h_evt[64], h_id[96], why[160];
	const char	*hdrs[4] = { h_sig, h_evt, h_id, NULL }, *body;
	int		 rc;

	memset(&rs, 0, sizeof(rs));
	memset(key, 0, sizeof(key));
	secret[0] = '\0';
	if (p == NULL || !json_object_object_get_ex(p, "delivery_id", &v)) {
		res->outcome = JOB_DEAD;
		res->error = "malformed delivery payload";
		goto done;
	}
	if ((rc = store_hook_delivery(&s->st, json_object_get_string(v), &d, &e)) != 1) {
		res->outcome = rc == 0 ? JOB_DONE : JOB_RETRY;	/* gone with its endpoint */
		res->error = "database unavailable";
		goto done;
	}
	if (!e.enabled) {
		failed(s, job, &d, 0, "the endpoint is disabled", res);
		res->outcome = JOB_DEAD;
		goto done;
	}
	if (seal_key(s, key) == -1 || open_secret(s, &e, key, secret, sizeof(secret)) == -1 ||
	    (body = delivery_body(s, &d)) == NULL ||
	    svc_hook_signature(secret, (long long)time(NULL), body, sig, sizeof(sig)) == -1) {
		memset(s->err, 0, sizeof(*s->err));
		res->outcome = JOB_DEAD;
		res->error = "cannot sign the delivery";
		goto done;
	}
	snprintf(h_sig, sizeof(h_sig), "Ozzie-Signature: %s", sig);
	snprintf(h_evt, sizeof(h_evt), "Ozzie-Event: %s", d.event_type);
	snprintf(h_id, sizeof(h_id), "Ozzie-Delivery: %s", d.id);
	rc = out_post(e.url, hdrs, body, HOOK_TIMEOUT_MS, s->cfg->outbound_allow_private != 0, &rs);
	if (rc == 0 && rs.status >= 200 && rs.status < 300) {
		int64_t failing;

		if (store_hook_attempt(&s->st, d.id, d.endpoint_id, "delivered", (int)rs.status,
		    NULL, &failing) == -1)
			log_warnx("webhook delivery %s: cannot record it delivered", d.id);
		res->outcome = JOB_DONE;
		goto done;
	}
	if (rc == 0)
		snprintf(why, sizeof(why), "the endpoint answered %ld", rs.status);
	else
		snprintf(why, sizeof(why), "%s", rs.error);
	failed(s, job, &d, rc == 0 ? (int)rs.status : 0, why, res);
	if (rs.refused)
		res->outcome = JOB_DEAD;
done:
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(secret, sizeof(secret));
	buf_free(&rs.body);
	json_object_put(p);
}
