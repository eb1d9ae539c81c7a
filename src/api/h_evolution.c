/*
 * h_evolution.c: the Evolution API integration (PUT, GET, DELETE) and the
 * webhook Evolution calls for each message, which answers at once and
 * leaves the turn to ozzie-jobd.
 */
#include "config.h"

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <string.h>

#include "api/h_evolution.h"
#include "core/currency.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_evo.h"

static struct json_object *
integration_json(const struct evo_integration *e, const char *secret)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "server_url", json_object_new_string(e->server_url));
	json_object_object_add(o, "instance", json_object_new_string(e->instance));
	json_object_object_add(o, "api_key_set", json_object_new_boolean(1));
	if (secret != NULL && secret[0] != '\0')
		json_object_object_add(o, "webhook_secret", json_object_new_string(secret));
	json_object_object_add(o, "auto_create_users",
	    json_object_new_boolean(e->auto_create_users));
	json_object_object_add(o, "onboarding", json_object_new_boolean(e->onboarding));
	json_object_object_add(o, "default_language", json_str_or_empty_null(e->default_language));
	json_object_object_add(o, "default_currency", json_str_or_empty_null(e->default_currency));
	json_object_object_add(o, "unknown_sender_reply", json_str_or_null(e->unknown_sender_reply));
	json_object_object_add(o, "webhook_path", json_object_new_string("/api/webhooks/evolution"));
	json_object_object_add(o, "created_at", json_object_new_string(e->created_at));
	json_object_object_add(o, "updated_at", json_object_new_string(e->updated_at));
	return o;
}

/* 1 if u is an http(s) URL with a host and no spaces, user info or fragment. */
static int
url_ok(const char *u)
{
	const char *h;

	if (strncmp(u, "https://", 8) == 0)
		h = u + 8;
	else if (strncmp(u, "http://", 7) == 0)
		h = u + 7;
	else
		return 0;
	if (*h == '\0' || *h == '/' || *h == ':')
		return 0;
	return strpbrk(u, " \t@#?") == NULL;
}

static int
read_put(struct oz_req *r, struct evo_put_in *in)
{
	static const char *const allowed[] = { "server_url", "instance", "api_key",
	    "webhook_secret", "auto_create_users", "default_language", "default_currency",
	    "unknown_sender_reply", "onboarding", NULL };
	struct json_object *o = r->json, *b;
	int	 isnull;

	memset(in, 0, sizeof(*in));
	v_known_fields(r, o, allowed);
	if (v_string(r, o, "server_url", 1, EVO_URL_MAX, &in->server_url, &isnull) == 0)
		oz_fail_detail(r, "server_url", "is required");
	else if (in->server_url && !url_ok(in->server_url))
		oz_fail_detail(r, "server_url", "must be an http:// or https:// URL");
	if (v_string(r, o, "instance", 1, EVO_INSTANCE_MAX, &in->instance, &isnull) == 0)
		oz_fail_detail(r, "instance", "is required");
	if (v_string(r, o, "api_key", 1, EVO_API_KEY_MAX, &in->api_key, &isnull) == 0)
		oz_fail_detail(r, "api_key", "is required");
	if (v_string(r, o, "webhook_secret", 16, EVO_API_KEY_MAX, &in->webhook_secret,
	    &isnull) == 1 && strchr(in->webhook_secret, ' ') != NULL)
		oz_fail_detail(r, "webhook_secret", "must not hold spaces");
	if (json_object_object_get_ex(o, "auto_create_users", &b) && b != NULL) {
		if (!json_object_is_type(b, json_type_boolean))
			oz_fail_detail(r, "auto_create_users", "must be true or false");
		else
			in->auto_create_users = json_object_get_boolean(b);
	}
	in->onboarding = 1;	/* a PUT replaces the whole: left out is the default */
	if (json_object_object_get_ex(o, "onboarding", &b) && b != NULL) {
		if (!json_object_is_type(b, json_type_boolean))
			oz_fail_detail(r, "onboarding", "must be true or false");
		else
			in->onboarding = json_object_get_boolean(b);
	}
	if (v_string(r, o, "default_language", 2, 2, &in->default_language, &isnull) == 1 &&
	    !v_is_language(in->default_language))
		oz_fail_detail(r, "default_language", "must be one of en, pt, es");
	if (v_string(r, o, "default_currency", 3, 3, &in->default_currency, &isnull) == 1 &&
	    !currency_valid(in->default_currency))
		oz_fail_detail(r, "default_currency", "must be an ISO 4217 code such as BRL");
	if (v_text(r, o, "unknown_sender_reply", EVO_REPLY_MAX, &in->unknown_sender_reply) == 0)
		in->unknown_sender_reply = NULL;
	return v_done(r);
}

int
h_evo_put(struct oz_app *app, struct oz_req *r)
{
	struct evo_integration e;
	struct evo_put_in in;
	struct svc	 s;
	char		 secret[SECRET_MAX];
	int		 created, rc;

	if (read_put(r, &in) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_evo_put(&s, &in, &e, secret, &created) == -1)
		return -1;
	rc = json_out_object(r, created ? 201 : 200, "evolution_integration",
	    integration_json(&e, secret));
	OPENSSL_cleanse(secret, sizeof(secret));
	return rc == -1 ? oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response") : 0;
}

int
h_evo_get(struct oz_app *app, struct oz_req *r)
{
	struct evo_integration e;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_evo_get(&s, &e) == -1)
		return -1;
	return json_out_object(r, 200, "evolution_integration", integration_json(&e, NULL));
}

int
h_evo_delete(struct oz_app *app, struct oz_req *r)
{
	struct json_object *o;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_evo_delete(&s) == -1)
		return -1;
	o = json_object_new_object();
	json_object_object_add(o, "deleted", json_object_new_boolean(1));
	return json_out_object(r, 200, "evolution_integration", o);
}

/* The secret of a header: "Authorization: Bearer X" or "X-Ozzie-Webhook-Secret: X". */
static const char *
header_secret(const struct oz_req *r)
{
	const char *v = http_req_header(r, "x-ozzie-webhook-secret");

	if (v != NULL)
		return v;
	v = http_req_header(r, "authorization");
	if (v != NULL && strncmp(v, "Bearer ", 7) == 0)
		return v + 7;
	return NULL;
}

int
h_evo_webhook(struct oz_app *app, struct oz_req *r)
{
	static const char *const outcomes[] = { "queued", "duplicate", "ignored" };
	struct json_object *o;
	struct evo_ack	 ack;
	struct svc	 s;

	if (r->json == NULL)
		return oz_fail(r, OZ_UNSUPPORTED_MEDIA_TYPE,
		    "send the body as Content-Type: application/json");
	app_svc(app, r, &s);
	s.st.client = NULL;	/* found by the instance and its secret */
	if (svc_evo_webhook(&s, r->json, header_secret(r), &ack) == -1)
		return -1;
	r->client_id = s.st.client;
	o = json_object_new_object();
	json_object_object_add(o, "received", json_object_new_boolean(1));
	json_object_object_add(o, "status", json_object_new_string(outcomes[ack.outcome]));
	if (ack.outcome == EVO_IGNORED)
		json_object_object_add(o, "reason", json_object_new_string(ack.reason));
	return json_out_raw(r, 200, o);
}
