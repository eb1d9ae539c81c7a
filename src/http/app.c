/* app.c: the request pipeline shared by every endpoint. */
#include "config.h"

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "core/secret.h"
#include "http/app.h"
#include "http/auth.h"
#include "http/http.h"
#include "http/idem.h"
#include "http/json_io.h"
#include "http/multipart.h"
#include "http/ratelimit.h"
#include "http/router.h"
#include "service/svc.h"
#include "service/svc_import.h"

int
app_init(struct oz_app *app, struct oz_config *cfg, const char *name,
    const struct oz_route *routes)
{
	static const char label[] = "ozzie server key v1";
	unsigned int	 len = 0;

	memset(app, 0, sizeof(*app));
	app->cfg = cfg;
	app->name = name;
	app->routes = routes;
	if (cfg->secret_key[0] != '\0') {
		if (HMAC(EVP_sha256(), cfg->secret_key, (int)strlen(cfg->secret_key),
		    (const unsigned char *)label, sizeof(label) - 1, app->key, &len) == NULL)
			return -1;
	} else {
		/* Without a configured key, cursors live only as long as this process tree. */
		log_warnx("secret_key is not set: using a random key for this run");
		if (RAND_bytes(app->key, sizeof(app->key)) != 1)
			return -1;
	}
	/* Keyed secret hashes need a key that outlives the process. */
	app->cred_keyed = !cfg->secret_key_ephemeral &&
	    secret_hash_key(cfg->secret_key, app->cred_key) == 0;
	if (db_init(&app->db, cfg, name) == -1)
		return -1;
	if (cfg->database_read_url && cfg->database_read_url[0] != '\0') {
		if (db_init_url(&app->rdb, cfg, cfg->database_read_url, name) == -1)
			return -1;
		app->has_rdb = 1;
	}
	return 0;
}

void
app_svc(struct oz_app *app, struct oz_req *r, struct svc *s)
{
	s->st.db = &app->db;
	s->st.pool = &r->pool;
	s->st.client = r->client_id;
	s->cfg = app->cfg;
	s->err = &r->err;
	s->subject = r->subject_user;
}

void
app_svc_read(struct oz_app *app, struct oz_req *r, struct svc *s)
{
	app_svc(app, r, s);
	if (app->has_rdb)
		s->st.db = &app->rdb;
}

void
app_free(struct oz_app *app)
{
	db_close(&app->db);
	if (app->has_rdb)
		db_close(&app->rdb);
	OPENSSL_cleanse(app->key, sizeof(app->key));
	OPENSSL_cleanse(app->cred_key, sizeof(app->cred_key));
}

/* 1 if the Content-Type is application/json (parameters such as charset allowed). */
static int
is_json_type(const char *ct)
{
	static const char want[] = "application/json";
	size_t n = sizeof(want) - 1;

	if (ct == NULL || strncasecmp(ct, want, n) != 0)
		return 0;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ';
}

int64_t
app_body_limit(const struct oz_config *cfg, int document_route, const char *content_type)
{
	int64_t	 doc = cfg->max_document_body;

	if (!document_route)
		return cfg->max_json_body;
	/* a document in base64 inside JSON: 4/3 of it, and the JSON around it */
	if (is_json_type(content_type))
		return (doc + 2) / 3 * 4 + APP_DOC_ENVELOPE;
	if (multipart_is_form(content_type))
		return doc + APP_DOC_ENVELOPE;
	return doc;
}

static int
read_body(struct oz_app *app, struct oz_req *r, const struct oz_route *rt,
    app_body_reader reader, void *ctx)
{
	int64_t	 limit = app_body_limit(app->cfg, (rt->flags & ROUTE_DOCUMENT) != 0,
		    r->content_type);
	size_t	 cap, got = 0;
	char	 msg[128];

	/* Refuse by the declared length, before a byte of the body is read. */
	if (r->content_length > limit) {
		snprintf(msg, sizeof(msg), "the request body exceeds %lld bytes",
		    (long long)limit);
		return oz_fail(r, OZ_PAYLOAD_TOO_LARGE, msg);
	}
	cap = r->content_length >= 0 ? (size_t)r->content_length : (size_t)limit;
	if ((r->body = pool_alloc(&r->pool, cap + 1)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	while (got < cap) {
		long n = reader(ctx, r->body + got, cap - got);

		if (n < 0)
			return oz_fail(r, OZ_BAD_REQUEST, "the request body could not be read");
		if (n == 0)
			break;
		got += (size_t)n;
	}
	if (r->content_length >= 0 && got != (size_t)r->content_length)
		return oz_fail(r, OZ_BAD_REQUEST, "the request body is shorter than Content-Length");
	if (r->content_length < 0 && got == cap) {
		char extra;

		if (reader(ctx, &extra, 1) > 0)
			return oz_fail(r, OZ_PAYLOAD_TOO_LARGE, "the request body is too large");
	}
	r->body[got] = '\0';
	r->body_len = got;
	return 0;
}

/* Per-client rate limit; the RateLimit headers go on every authenticated answer. */
static int
rate_limit(struct oz_app *app, struct oz_req *r, const struct oz_client *c)
{
	struct rl_result res;
	char	 v[96];
	int64_t	 rate = c->rate_limit ? c->rate_limit : app->cfg->rate_limit;
	int64_t	 burst = c->rate_burst ? c->rate_burst : app->cfg->rate_burst;

	if (ratelimit_take(c->id, rate, burst, &res) == -1)
		return 0;	/* no table mapped (unit tests): nothing to enforce */
	snprintf(v, sizeof(v), "\"client\";q=%lld;w=1;burst=%lld", (long long)rate,
	    (long long)burst);
	http_resp_header(r, "RateLimit-Policy", v);
	snprintf(v, sizeof(v), "\"client\";r=%lld;t=%lld", (long long)res.remaining,
	    (long long)res.reset_s);
	http_resp_header(r, "RateLimit", v);
	r->resp.nkeep = r->resp.nheaders;
	if (!res.allowed) {
		r->err.retry_after = (int)res.retry_after_s;
		return oz_fail(r, OZ_RATE_LIMITED, "too many requests; retry after the Retry-After delay");
	}
	return 0;
}

static int
dispatch(struct oz_app *app, struct oz_req *r, app_body_reader reader, void *ctx,
    enum idem_outcome *idem)
{
	const struct oz_route *rt;
	struct oz_client client;
	int	 takes_body;

	if ((rt = router_match(app->routes, r)) == NULL)
		return -1;
	takes_body = (rt->flags & (ROUTE_JSON | ROUTE_DOCUMENT)) != 0;
	if ((rt->flags & ROUTE_BODY_OPTIONAL) && r->content_length <= 0)
		takes_body = 0;
	/* The body is read (size checked first) before auth: signatures cover it. */
	if (takes_body && read_body(app, r, rt, reader, ctx) == -1)
		return -1;
	if (!(rt->flags & ROUTE_PUBLIC)) {
		if (auth_request(app, r, &client) == -1)
			return -1;
		log_set_context(r->request_id, r->client_id);
		if (rate_limit(app, r, &client) == -1)
			return -1;
	}
	if (takes_body) {
		if ((rt->flags & ROUTE_JSON) && !(rt->flags & ROUTE_DOCUMENT) &&
		    !is_json_type(r->content_type))
			return oz_fail(r, OZ_UNSUPPORTED_MEDIA_TYPE,
			    "send the body as Content-Type: application/json");
		if ((rt->flags & ROUTE_JSON) && is_json_type(r->content_type) &&
		    json_parse_body(r) == -1)
			return -1;
	}
	if (idem_begin(app, r, idem) == -1)
		return -1;
	if (*idem == IDEM_REPLAYED)
		return 0;
	if (rt->handler(app, r) == -1)
		return -1;
	if (r->resp.status == 0)
		return oz_fail(r, OZ_INTERNAL_ERROR, "internal error");
	return 0;
}

/* The end of every request: the error rendered, headers, the access log line. */
static void
finish(struct oz_app *app, struct oz_req *r, enum idem_outcome idem, int failed)
{
	char	 path[512];

	if (failed) {
		if (r->err.code == OZ_INTERNAL_ERROR)
			log_warnx("internal error: %s", r->err.message ? r->err.message : "?");
		json_out_error(r);
		/* A stream already under way ends with the error as its last event. */
		if (r->stream.started)
			http_stream_event(r, "error", buf_str(&r->resp.body));
	}
	/* A handler that failed mid-transaction leaves nothing half-done. */
	db_rollback(&app->db);
	if (idem == IDEM_PROCEED)
		idem_finish(app, r);
	if (r->client_id) {
		idem_purge(app);
		auth_purge(app);
	}
	http_resp_header(r, "Cache-Control", "no-store");
	if (r->method && strcmp(r->method, "HEAD") == 0)
		r->resp.suppress_body = 1;
	http_req_log_path(r, r->subject_user, path, sizeof(path));
	log_request(r->method ? r->method : "-", path,
	    r->stream.started ? 200 : r->resp.status, http_req_elapsed_ms(r), r->request_id,
	    r->client_id);
	log_clear_context();
}

void
app_handle(struct oz_app *app, struct oz_req *r, app_body_reader reader, void *ctx)
{
	enum idem_outcome idem = IDEM_NONE;
	int	 rc = -1;

	log_set_context(r->request_id, NULL);
	if (r->err.code == OZ_OK)
		rc = dispatch(app, r, reader, ctx, &idem);
	finish(app, r, idem, rc == -1);
}

