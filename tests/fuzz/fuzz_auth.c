/*
 * fuzz_auth.c: the credentials a request carries (auth_request,
 * src/http/auth.c): "Authorization: Bearer|Basic base64(id:secret)", with or
 * without the ozp_ prefix, and the signed-request headers X-Ozzie-Client-Id,
 * X-Ozzie-Timestamp and X-Ozzie-Signature.
 *
 * It runs in-process with the database down (a socket that does not exist),
 * so everything up to the credential lookup is reached: decoding, the id's
 * shape, the timestamp window, the signature's shape.
 *
 * Input: one byte choosing the method, then header lines "name: value"
 * (lower case, as the worker stores them; "@now" in a value is the current
 * Unix time, so the timestamp window can be reached), an empty line, then
 * the body. Checks, besides crashes, leaks and sanitizer reports: no
 * credential is accepted (there is no client), and every refusal is either
 * the one 401 or the 503 of the database being down, never anything else;
 * the error renders as JSON with its status.
 */
#include "config.h"

#include "fuzz.h"

#include <json-c/json.h>
#include <time.h>

#include "core/conf.h"
#include "core/log.h"
#include "http/app.h"
#include "http/auth.h"
#include "http/http.h"
#include "http/json_io.h"

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
	log_init("fuzz_auth", LOG_LVL_ERROR);
	if (config_load(&cfg, NULL, 0, err, sizeof(err)) == -1 ||
	    config_set(&cfg, "database_url",
	    "postgresql:///ozzie?host=/nonexistent/ozzie-fuzz&connect_timeout=1",
	    err, sizeof(err)) == -1 ||
	    config_set(&cfg, "db_retry_ms", "60000", err, sizeof(err)) == -1 ||
	    config_set(&cfg, "secret_key", "fuzz-secret-key-of-at-least-32-bytes",
	    err, sizeof(err)) == -1 ||
	    app_init(&app, &cfg, "fuzz", NULL) == -1) {
		fprintf(stderr, "fuzz_auth: setup: %s\n", err);
		abort();
	}
	http_req_init(&req);
	return 0;
}

/* "name: value" into the request as the worker would (CGI HTTP_NAME). */
static void
header(const char *line)
{
	const char	*colon = strchr(line, ':'), *v, *at;
	char		 cgi[128], value[512];
	size_t		 n, i;

	if (colon == NULL || (n = (size_t)(colon - line)) == 0 || n + 6 > sizeof(cgi))
		return;
	memcpy(cgi, "HTTP_", 5);
	for (i = 0; i < n; i++)
		cgi[5 + i] = line[i] == '-' ? '_' : line[i] >= 'a' && line[i] <= 'z' ?
		    (char)(line[i] - 'a' + 'A') : line[i];
	cgi[5 + n] = '\0';
	v = colon + 1;
	while (*v == ' ')
		v++;
	if ((at = strstr(v, "@now")) != NULL)
		snprintf(value, sizeof(value), "%.*s%lld%s", (int)(at - v), v,
		    (long long)time(NULL), at + 4);
	else
		snprintf(value, sizeof(value), "%s", v);
	(void)http_req_add_cgi_header(&req, cgi, value);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct oz_client	 client;
	struct json_object	*err;
	unsigned		 opt = fuzz_byte(&data, &size);
	char			*line;
	int			 rc, done = 0;

	http_req_clear(&req);
	req.method = (opt & 1) ? "POST" : "GET";
	req.request_id = "fuzz";
	if (http_req_set_uri(&req, (opt & 2) ? "/v1/users?limit=2" : "/v1/users") == -1)
		abort();
	while (size > 0 && !done) {
		line = fuzz_line(&data, &size);
		if (line[0] == '\0')
			done = 1;
		else
			header(line);
		free(line);
	}
	req.body = pool_alloc(&req.pool, size + 1);
	FUZZ_CHECK(req.body != NULL, "pool_alloc");
	if (size > 0)
		memcpy(req.body, data, size);
	req.body[size] = '\0';
	req.body_len = size;
	if (req.err.code != OZ_OK)
		return 0;	/* a header the worker would refuse */

	rc = auth_request(&app, &req, &client);
	FUZZ_CHECK(rc == -1, "accepted a credential with no client in sight");
	FUZZ_CHECK(req.err.code == OZ_UNAUTHORIZED || req.err.code == OZ_SERVICE_UNAVAILABLE,
	    "refused as %d (%s)", (int)req.err.code, req.err.message ? req.err.message : "");
	json_out_error(&req);
	FUZZ_CHECK(req.resp.status == 401 || req.resp.status == 503, "status %d", req.resp.status);
	err = json_tokener_parse(buf_str(&req.resp.body));
	FUZZ_CHECK(json_object_is_type(err, json_type_object), "the error is not JSON");
	json_object_put(err);
	return 0;
}
