/*
 * fuzz_http_req.c: a request as the FastCGI worker builds it from what nginx
 * passes on (src/http/http_req.c): the URI split and percent-decoded
 * (http_req_set_uri, http_decode), the headers taken in
 * (http_req_add_cgi_header), and the route found (router_match over the
 * real table, src/api/routes.c).
 *
 * Input: one byte choosing the method, then the URI up to the first newline,
 * then "NAME=value" lines for the CGI params HTTP_NAME (names as nginx
 * passes them: letters, digits, '_'). Checks, besides
 * crashes and sanitizer reports:
 *  - a URI taken has a path starting with '/', at most OZ_MAX_PATH_SEGMENTS
 *    segments and OZ_MAX_QUERY_PARAMS query pairs, every one of them valid
 *    UTF-8 without control bytes, and each query key finds its first value;
 *    a URI refused is a 400 (or the 404 of too many segments) with a message;
 *  - http_decode never makes text longer, and what it decodes, encoded
 *    again byte by byte, decodes to the same text;
 *  - a header taken is found again by its lower-case name, value unchanged;
 *  - a route found has its captures; no route is a 404 or a 405 with Allow.
 *
 * libFuzzer options: -max_len=12000
 */
#include "config.h"

#include "fuzz.h"

#include <ctype.h>

#include "api/routes.h"
#include "core/utf8.h"
#include "http/http.h"
#include "http/router.h"

static const char *const methods[] = { "GET", "POST", "PATCH", "DELETE", "HEAD", "PUT",
	"OPTIONS", "get" };
static struct oz_req req;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	http_req_init(&req);
	return 0;
}

/* Valid UTF-8, no C0 control byte, no DEL: what http_decode promises. */
static void
check_text(const char *what, const char *s)
{
	size_t i;

	FUZZ_CHECK(s != NULL, "%s is NULL", what);
	FUZZ_CHECK(utf8_valid(s, strlen(s)), "%s is not UTF-8", what);
	for (i = 0; s[i]; i++)
		FUZZ_CHECK((unsigned char)s[i] >= 0x20 && s[i] != 0x7f, "%s has byte 0x%02x",
		    what, (unsigned char)s[i]);
}

static void
decode_check(const char *s, size_t len, int plus)
{
	struct pool	 p;
	char		*out, *enc, *back;
	size_t		 n, i;

	pool_init(&p);
	if ((out = http_decode(&p, s, len, plus)) != NULL) {
		n = strlen(out);
		FUZZ_CHECK(n <= len, "decoded %zu bytes from %zu", n, len);
		check_text("decoded text", out);
		enc = malloc(3 * n + 1);
		FUZZ_CHECK(enc != NULL, "malloc");
		for (i = 0; i < n; i++)
			snprintf(enc + 3 * i, 4, "%%%02X", (unsigned char)out[i]);
		back = http_decode(&p, enc, 3 * n, plus);
		FUZZ_CHECK(back != NULL && strcmp(back, out) == 0, "re-encoded, decodes otherwise");
		free(enc);
	}
	pool_free(&p);
}

static void
uri_check(struct oz_req *r)
{
	const char	*v;
	size_t		 i, k, len;

	FUZZ_CHECK(r->path != NULL && r->path[0] == '/', "path");
	FUZZ_CHECK(r->nsegments <= OZ_MAX_PATH_SEGMENTS, "%zu segments", r->nsegments);
	FUZZ_CHECK(r->nquery <= OZ_MAX_QUERY_PARAMS, "%zu query pairs", r->nquery);
	for (i = 0; i < r->nsegments; i++)
		check_text("a segment", r->segments[i]);
	for (i = 0; i < r->nquery; i++) {
		check_text("a query key", r->query[i].name);
		check_text("a query value", r->query[i].value);
		FUZZ_CHECK(strlen(r->query[i].value) == r->query[i].value_len, "value_len");
		for (k = 0; k < i && strcmp(r->query[k].name, r->query[i].name) != 0; k++)
			;
		v = http_req_query(r, r->query[i].name, &len);
		FUZZ_CHECK(v == r->query[k].value && len == r->query[k].value_len,
		    "query key %zu finds another value", i);
	}
}

static void
header(struct oz_req *r, const char *line)
{
	const char	*eq = strchr(line, '=');
	char		 cgi[256], want[256];
	const char	*got;
	size_t		 n, i, before = r->nheaders;

	if (eq == NULL || (n = (size_t)(eq - line)) + 6 > sizeof(cgi) || n == 0)
		return;
	/* nginx passes only header names of letters, digits and '-' (as '_'). */
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)line[i]) && line[i] != '_' && line[i] != '-')
			return;
	snprintf(cgi, sizeof(cgi), "HTTP_%.*s", (int)n, line);
	for (i = 0; i < n; i++)
		want[i] = line[i] == '_' ? '-' : (char)tolower((unsigned char)line[i]);
	want[n] = '\0';
	got = http_req_header(r, want);
	if (http_req_add_cgi_header(r, cgi, eq + 1) == -1) {
		FUZZ_CHECK(r->err.code == OZ_BAD_REQUEST && r->nheaders == before, "header refused");
		return;
	}
	FUZZ_CHECK(r->nheaders == before + 1, "header count");
	check_text("a header name", r->headers[before].name);
	FUZZ_CHECK(utf8_valid(r->headers[before].value, strlen(r->headers[before].value)),
	    "a header value is not UTF-8");
	if (got == NULL && strlen(want) == n)
		FUZZ_CHECK((got = http_req_header(r, want)) != NULL && strcmp(got, eq + 1) == 0,
		    "header %s not found again", want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct oz_route	*rt;
	unsigned		 opt = fuzz_byte(&data, &size);
	char			*uri, *line;
	size_t			 i;

	decode_check((const char *)data, size, opt & 8);
	http_req_clear(&req);
	req.method = methods[opt & 7];
	uri = fuzz_line(&data, &size);
	if (http_req_set_uri(&req, uri) == 0) {
		uri_check(&req);
		while (size > 0 && req.err.code == OZ_OK) {
			line = fuzz_line(&data, &size);
			header(&req, line);
			free(line);
		}
		if (req.err.code == OZ_OK) {
			if ((rt = router_match(oz_routes, &req)) != NULL) {
				FUZZ_CHECK(req.err.code == OZ_OK, "a route and an error");
				FUZZ_CHECK(strcmp(rt->method, req.method) == 0 ||
				    (strcmp(req.method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0),
				    "%s routed to %s", req.method, rt->method);
				for (i = 0; i < OZ_MAX_ROUTE_PARAMS && strchr(rt->pattern, '{'); i++)
					if (req.params[i] != NULL)
						check_text("a capture", req.params[i]);
			} else
				FUZZ_CHECK(req.err.code == OZ_NOT_FOUND ||
				    (req.err.code == OZ_METHOD_NOT_ALLOWED && req.err.allow != NULL),
				    "no route, error %d", (int)req.err.code);
		}
	} else
		FUZZ_CHECK((req.err.code == OZ_BAD_REQUEST || req.err.code == OZ_NOT_FOUND) &&
		    req.err.message != NULL, "URI refused as %d", (int)req.err.code);
	free(uri);
	return 0;
}
