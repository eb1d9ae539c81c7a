/*
 * fuzz_api.c: every endpoint's handler (src/api/routes.c) on any request, as
 * an authenticated client, with the database down: what a handler validates
 * (path ids, external: ids, query filters, limits and cursors, JSON fields,
 * through src/http/validate.c and page.c) runs in full, and whatever reaches
 * the database gets its 503.
 *
 * Input: one byte choosing the method, then the URI, then header lines
 * ("accept: …") up to an empty line, then the body. Only requests that a
 * route takes go on. Checks, besides crashes, leaks and sanitizer reports:
 * no input is a 500 (issue 13: "no input reaches a 500"); every answer is a
 * status the contract has, with a body of strict, UTF-8 JSON (a 204, none).
 *
 * libFuzzer options: -max_len=8192
 */
#include "config.h"

#include "fuzz.h"

#include <json-c/json.h>

#include "ai/ai_remote.h"
#include "api/routes.h"
#include "core/conf.h"
#include "core/log.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/router.h"

static const char *const methods[] = { "GET", "POST", "PATCH", "DELETE", "HEAD", "GET",
	"POST", "PATCH" };
static struct oz_config	 cfg;
static struct oz_app	 app;
static struct oz_req	 req;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[256];

	(void)argc;
	(void)argv;
	fuzz_clear_ozzie_env();
	log_init("fuzz_api", LOG_LVL_ERROR);
	if (config_load(&cfg, NULL, 0, err, sizeof(err)) == -1 ||
	    config_set(&cfg, "database_url",
	    "postgresql:///ozzie?host=/nonexistent/ozzie-fuzz&connect_timeout=1",
	    err, sizeof(err)) == -1 ||
	    config_set(&cfg, "db_retry_ms", "60000", err, sizeof(err)) == -1 ||
	    config_set(&cfg, "secret_key", "fuzz-secret-key-of-at-least-32-bytes",
	    err, sizeof(err)) == -1 ||
	    app_init(&app, &cfg, "fuzz", oz_routes) == -1) {
		fprintf(stderr, "fuzz_api: setup: %s\n", err);
		abort();
	}
	http_req_init(&req);
	return 0;
}

static void
header(const char *line)
{
	const char	*colon = strchr(line, ':'), *v;
	char		 cgi[128];
	size_t		 n, i;

	if (colon == NULL || (n = (size_t)(colon - line)) == 0 || n + 6 > sizeof(cgi))
		return;
	memcpy(cgi, "HTTP_", 5);
	for (i = 0; i < n; i++)
		cgi[5 + i] = line[i] == '-' ? '_' : line[i] >= 'a' && line[i] <= 'z' ?
		    (char)(line[i] - 'a' + 'A') : line[i];
	cgi[5 + n] = '\0';
	for (v = colon + 1; *v == ' '; v++)
		;
	(void)http_req_add_cgi_header(&req, cgi, v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct oz_route	*rt;
	struct json_object	*o;
	unsigned		 opt = fuzz_byte(&data, &size);
	char			*uri, *line;
	int			 rc, done = 0;

	http_req_clear(&req);
	req.method = methods[opt & 7];
	req.request_id = "fuzz";
	uri = fuzz_line(&data, &size);
	rc = http_req_set_uri(&req, uri);
	free(uri);
	if (rc == -1)
		return 0;
	while (size > 0 && !done) {
		line = fuzz_line(&data, &size);
		if (line[0] == '\0')
			done = 1;
		else
			header(line);
		free(line);
	}
	if (req.err.code != OZ_OK || (rt = router_match(oz_routes, &req)) == NULL)
		return 0;
	req.content_type = "application/json";
	req.client_id = "ozz_client_AAAAAAAAAAAAAAAAAAAAAA";
	if (size > 0 && (rt->flags & (ROUTE_JSON | ROUTE_DOCUMENT))) {
		req.body = pool_alloc(&req.pool, size + 1);
		FUZZ_CHECK(req.body != NULL, "pool_alloc");
		memcpy(req.body, data, size);
		req.body[size] = '\0';
		req.body_len = size;
		req.content_length = (int64_t)size;
	}
	if ((rt->flags & ROUTE_JSON) && (req.body_len > 0 || !(rt->flags & ROUTE_BODY_OPTIONAL)))
		rc = json_parse_body(&req);
	else
		rc = 0;
	if (rc == 0) {
		rc = rt->handler(&app, &req);
		if (rc == 0 && req.resp.status == 0)
			rc = oz_fail(&req, OZ_INTERNAL_ERROR, "no status");
	}
	if (rc == -1)
		json_out_error(&req);
	FUZZ_CHECK(req.resp.status != 500, "%s %s: 500: %s", req.method, req.raw_uri,
	    req.err.message ? req.err.message : "(no message)");
	FUZZ_CHECK(req.resp.status == 200 || req.resp.status == 201 || req.resp.status == 204 ||
	    (req.resp.status >= 400 && req.resp.status <= 429) || req.resp.status == 503,
	    "status %d", req.resp.status);
	if (req.resp.status == 204)
		FUZZ_CHECK(req.resp.body.len == 0, "a 204 with a body");
	else {
		o = ai_json_parse(req.resp.body.data, req.resp.body.len);
		FUZZ_CHECK(json_object_is_type(o, json_type_object), "%s %s: %d with a body that "
		    "is not strict JSON: %s", req.method, req.raw_uri, req.resp.status,
		    buf_str(&req.resp.body));
		json_object_put(o);
	}
	db_rollback(&app.db);
	return 0;
}
