/* h_hooks.c: outbound webhook endpoints and their deliveries (h_hooks.h). */
#include "config.h"

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <string.h>

#include "api/h_hooks.h"
#include "core/ids.h"
#include "core/pool.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_hook.h"

static struct json_object *
endpoint_json(const struct hook_endpoint *e, const char *secret)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(e->id));
	json_object_object_add(o, "url", json_object_new_string(e->url));
	json_object_object_add(o, "description", json_str_or_null(e->description));
	json_object_object_add(o, "events", json_tokener_parse(e->events_json));
	json_object_object_add(o, "enabled", json_object_new_boolean(e->enabled));
	json_object_object_add(o, "disabled_reason", json_str_or_null(e->disabled_reason));
	json_object_object_add(o, "failing_since", json_str_or_empty_null(e->failing_since));
	if (secret != NULL)
		json_object_object_add(o, "secret", json_object_new_string(secret));
	json_object_object_add(o, "created_at", json_object_new_string(e->created_at));
	json_object_object_add(o, "updated_at", json_object_new_string(e->updated_at));
	return o;
}

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
	return *h != '\0' && *h != '/' && *h != ':' && strpbrk(u, " \t#") == NULL &&
	    strchr(h, '@') == NULL;
}

/* events: 1..16 distinct known types, as the JSON array text in the pool. */
static void
read_events(struct oz_req *r, struct json_object *o, const char **out)
{
	struct json_object *a, *v, *clean;
	size_t	 i, j, n;

	*out = NULL;
	if (!json_object_object_get_ex(o, "events", &a))
		return;
	if (!json_object_is_type(a, json_type_array) || (n = json_object_array_length(a)) == 0 ||
	    n > HOOK_EVENTS_MAX) {
		oz_fail_detail(r, "events", "must be an array of 1 to 16 event types");
		return;
	}
	clean = json_object_new_array();
	for (i = 0; i < n; i++) {
		v = json_object_array_get_idx(a, i);
		if (!json_object_is_type(v, json_type_string) ||
		    !v_is_one_of(json_object_get_string(v), hook_event_types)) {
			oz_fail_detail(r, "events", "holds an unknown event type");
			json_object_put(clean);
			return;
		}
		for (j = 0; j < i; j++)
			if (strcmp(json_object_get_string(json_object_array_get_idx(a, j)),
			    json_object_get_string(v)) == 0)
				break;
		if (j == i)
			json_object_array_add(clean, json_object_new_string(json_object_get_string(v)));
	}
	*out = pool_strdup(&r->pool, json_object_to_json_string_ext(clean, JSON_C_TO_STRING_PLAIN));
	json_object_put(clean);
}

static int
read_fields(struct oz_req *r, struct hook_fields *f, int create)
{
	static const char *const allowed_new[] = { "url", "events", "description", NULL };
	static const char *const allowed_upd[] = { "url", "events", "description", "enabled", NULL };
	struct json_object *o = r->json, *b;
	int	 isnull = 0;

	memset(f, 0, sizeof(*f));
	v_known_fields(r, o, create ? allowed_new : allowed_upd);
	if (v_string(r, o, "url", 1, HOOK_URL_MAX, &f->url, &isnull) == 1) {
		f->has_url = 1;
		if (!url_ok(f->url))
			oz_fail_detail(r, "url", "must be an http:// or https:// URL");
	} else if (create || isnull)
		oz_fail_detail(r, "url", "is required");
	read_events(r, o, &f->events_json);
	f->has_events = f->events_json != NULL;
	if (create && !f->has_events && json_object_object_get_ex(o, "events", &b) == 0)
		oz_fail_detail(r, "events", "is required");
	if (v_text(r, o, "description", HOOK_DESC_MAX, &f->description) == 1 ||
	    json_object_object_get_ex(o, "description", &b))
		f->has_description = 1;
	if (!create && json_object_object_get_ex(o, "enabled", &b)) {
		if (b == NULL || !json_object_is_type(b, json_type_boolean))
			oz_fail_detail(r, "enabled", "must be true or false");
		else {
			f->has_enabled = 1;
			f->enabled = json_object_get_boolean(b);
		}
	}
	return v_done(r);
}

int
h_hooks_create(struct oz_app *app, struct oz_req *r)
{
	struct hook_endpoint e;
	struct hook_fields f;
	struct svc	 s;
	char		 secret[SECRET_MAX];
	int		 rc;

	if (read_fields(r, &f, 1) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_hook_create(&s, &f, &e, secret) == -1)
		return -1;
	rc = json_out_object(r, 201, "webhook_endpoint", endpoint_json(&e, secret));
	OPENSSL_cleanse(secret, sizeof(secret));
	return rc;
}

static int
endpoint_id_ok(struct oz_req *r)
{
	return ids_valid("ozz_whe", r->params[0]) ? 0 :
	    oz_fail(r, OZ_NOT_FOUND, "no such webhook endpoint");
}

int
h_hooks_get(struct oz_app *app, struct oz_req *r)
{
	struct hook_endpoint e;
	struct svc	 s;

	if (endpoint_id_ok(r) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_hook_get(&s, r->params[0], &e) == -1)
		return -1;
	return json_out_object(r, 200, "webhook_endpoint", endpoint_json(&e, NULL));
}

int
h_hooks_update(struct oz_app *app, struct oz_req *r)
{
	struct hook_endpoint e;
	struct hook_fields f;
	struct svc	 s;

	if (endpoint_id_ok(r) == -1 || read_fields(r, &f, 0) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_hook_update(&s, r->params[0], &f, &e) == -1)
		return -1;
	return json_out_object(r, 200, "webhook_endpoint", endpoint_json(&e, NULL));
}

int
h_hooks_delete(struct oz_app *app, struct oz_req *r)
{
	struct json_object *o;
	struct svc	 s;

	if (endpoint_id_ok(r) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_hook_delete(&s, r->params[0]) == -1)
		return -1;
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_string(r->params[0]));
	json_object_object_add(o, "deleted", json_object_new_boolean(1));
	return json_out_object(r, 200, "webhook_endpoint", o);
}

static struct json_object *
endpoint_item(const void *row)
{
	return endpoint_json(row, NULL);
}

int
h_hooks_list(struct oz_app *app, struct oz_req *r)
{
	struct hook_endpoint *rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (page_list_begin(app, r, "webhook_endpoints", NULL, &pg, (void **)&rows,
	    sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_hook_list(&s, &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), endpoint_item,
	    PAGE_ROW_FIELDS(struct hook_endpoint), more);
}

static struct json_object *
delivery_item(const void *row)
{
	const struct hook_delivery *d = row;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(d->id));
	json_object_object_add(o, "endpoint_id", json_object_new_string(d->endpoint_id));
	json_object_object_add(o, "event_id", json_object_new_string(d->event_id));
	json_object_object_add(o, "event_type", json_object_new_string(d->event_type));
	json_object_object_add(o, "status", json_object_new_string(d->status));
	json_object_object_add(o, "attempts", json_object_new_int(d->attempts));
	json_object_object_add(o, "response_code", d->response_code ?
	    json_object_new_int(d->response_code) : NULL);
	json_object_object_add(o, "error", json_str_or_null(d->error));
	json_object_object_add(o, "created_at", json_object_new_string(d->created_at));
	json_object_object_add(o, "last_attempt_at", json_str_or_empty_null(d->last_attempt_at));
	json_object_object_add(o, "delivered_at", json_str_or_empty_null(d->delivered_at));
	return o;
}

int
h_hooks_deliveries(struct oz_app *app, struct oz_req *r)
{
	struct hook_delivery *rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (endpoint_id_ok(r) == -1)
		return -1;
	if (page_list_begin(app, r, "webhook_deliveries", NULL, &pg, (void **)&rows,
	    sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_hook_deliveries(&s, r->params[0], &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), delivery_item,
	    PAGE_ROW_FIELDS(struct hook_delivery), more);
}
