/* http_req.c: building a request from CGI-style params; strict URI decoding. */
#include "config.h"

#include <ctype.h>
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
#include "http/http.h"

void
http_req_init(struct oz_req *r)
{
	memset(r, 0, sizeof(*r));
	pool_init(&r->pool);
	buf_init(&r->resp.body, OZ_MAX_RESPONSE);
	r->content_length = -1;
	r->query_raw = "";
	clock_gettime(CLOCK_MONOTONIC, &r->started);
}

void
http_req_clear(struct oz_req *r)
{
	struct pool	 pool = r->pool;
	struct buf	 body = r->resp.body;

	if (r->json)
		json_object_put(r->json);
	pool_reset(&pool);
	buf_reset(&body);
	/* A body that grew large is not kept: the worker's footprint stays flat. */
	if (body.cap > 256 * 1024)
		buf_free(&body);
	memset(r, 0, sizeof(*r));
	r->pool = pool;
	r->resp.body = body;
	r->content_length = -1;
	r->query_raw = "";
	clock_gettime(CLOCK_MONOTONIC, &r->started);
}

void
http_req_free(struct oz_req *r)
{
	http_req_clear(r);
	pool_free(&r->pool);
	buf_free(&r->resp.body);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
http_decode(struct pool *p, const char *s, size_t len, int plus_is_space)
{
	char	*out, *o;
	size_t	 i;

	if ((out = pool_alloc(p, len + 1)) == NULL)
		return NULL;
	o = out;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return NULL;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return NULL;
			c = (unsigned char)(hi << 4 | lo);
			i += 2;
		} else if (c == '+' && plus_is_space)
			c = ' ';
		if (c < 0x20 || c == 0x7f)
			return NULL;
		*o++ = (char)c;
	}
	*o = '\0';
	/* Everything past here takes text: bytes that are not UTF-8 stop here. */
	if (!utf8_valid(out, (size_t)(o - out)))
		return NULL;
	return out;
}

static int
parse_query(struct oz_req *r, const char *q)
{
	const char *p = q;

	while (*p) {
		const char *amp = strchr(p, '&'), *eq;
		size_t	 len = amp ? (size_t)(amp - p) : strlen(p);
		char	*k, *v;

		if (len > 0) {
			if (r->nquery == OZ_MAX_QUERY_PARAMS)
				return oz_fail(r, OZ_BAD_REQUEST, "too many query parameters");
			eq = memchr(p, '=', len);
			k = http_decode(&r->pool, p, eq ? (size_t)(eq - p) : len, 1);
			v = eq ? http_decode(&r->pool, eq + 1, len - (size_t)(eq - p) - 1, 1)
			    : pool_strdup(&r->pool, "");
			if (k == NULL || v == NULL)
				return oz_fail(r, OZ_BAD_REQUEST,
				    "the query string has an invalid percent-encoding, a control character or bytes that are not UTF-8");
			r->query[r->nquery].name = k;
			r->query[r->nquery].value = v;
			r->query[r->nquery].value_len = strlen(v);
			r->nquery++;
		}
		if (amp == NULL)
			break;
		p = amp + 1;
	}
	return 0;
}

int
http_req_set_uri(struct oz_req *r, const char *uri)
{
	const char	*q, *p, *end;
	struct buf	 path;
	size_t		 plen;

	if (uri == NULL || uri[0] != '/')
		return oz_fail(r, OZ_BAD_REQUEST, "the request URI must start with '/'");
	if (strlen(uri) > OZ_MAX_URI_LEN)
		return oz_fail(r, OZ_URI_TOO_LONG, "the request URI is too long");
	r->raw_uri = pool_strdup(&r->pool, uri);
	q = strchr(uri, '?');
	plen = q ? (size_t)(q - uri) : strlen(uri);
	r->query_raw = q ? pool_strdup(&r->pool, q + 1) : "";
	if (r->raw_uri == NULL || r->query_raw == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");

	/* Split on '/' first, then decode: "%2F" stays inside its segment. */
	buf_init(&path, OZ_MAX_URI_LEN);
	p = uri + 1;
	end = uri + plen;
	r->nsegments = 0;
	while (p <= end) {
		const char *slash = memchr(p, '/', (size_t)(end - p));
		size_t	 len = slash ? (size_t)(slash - p) : (size_t)(end - p);
		char	*seg;

		if (len == 0 && slash == NULL)
			break;	/* trailing slash or bare "/" */
		if (r->nsegments == OZ_MAX_PATH_SEGMENTS) {
			buf_free(&path);
			return oz_fail(r, OZ_NOT_FOUND, "no such resource");
		}
		if ((seg = http_decode(&r->pool, p, len, 0)) == NULL) {
			buf_free(&path);
			return oz_fail(r, OZ_BAD_REQUEST,
			    "the path has an invalid percent-encoding, a control character or bytes that are not UTF-8");
		}
		r->segments[r->nsegments++] = seg;
		buf_putc(&path, '/');
		buf_puts(&path, seg);
		if (slash == NULL)
			break;
		p = slash + 1;
	}
	r->path = pool_strdup(&r->pool, path.len ? buf_str(&path) : "/");
	buf_free(&path);
	if (r->path == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	return parse_query(r, r->query_raw);
}

int
http_req_add_cgi_header(struct oz_req *r, const char *cgi_name, const char *value)
{
	char	*name;
	size_t	 i, n, vlen;

	if (strncmp(cgi_name, "HTTP_", 5) != 0)
		return 0;
	/*
	 * The limits nginx applies over HTTP/1.1 (a line of 8k, 4 x 8k in all),
	 * whatever nginx let through (its HTTP/2 limits can only be a connection
	 * error, so the servers that speak it are given larger ones).
	 */
	vlen = strlen(value);
	n = strlen(cgi_name + 5);
	if (r->nheaders == OZ_MAX_HEADERS)
		return oz_fail(r, OZ_HEADERS_TOO_LARGE, "too many request headers");
	if (n + 2 + vlen > OZ_MAX_HEADER_LEN)
		return oz_fail(r, OZ_HEADERS_TOO_LARGE, "a request header is too large");
	r->headers_size += n + 2 + vlen;
	if (r->headers_size > OZ_MAX_HEADERS_TOTAL)
		return oz_fail(r, OZ_HEADERS_TOO_LARGE, "the request headers are too large");
	if (!utf8_valid(value, vlen))
		return oz_fail(r, OZ_BAD_REQUEST, "a request header is not valid UTF-8");
	if ((name = pool_strndup(&r->pool, cgi_name + 5, n)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	for (i = 0; i < n; i++)
		name[i] = name[i] == '_' ? '-' : (char)tolower((unsigned char)name[i]);
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = pool_strdup(&r->pool, value);
	if (r->headers[r->nheaders].value == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	r->headers[r->nheaders].value_len = strlen(value);
	r->nheaders++;
	return 0;
}

const char *
http_req_header(const struct oz_req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

void
http_req_log_path(const struct oz_req *r, const char *subject, char *out, size_t outlen)
{
	size_t	 i, o = 0;
	int	 n;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (r->path == NULL) {
		snprintf(out, outlen, "-");
		return;
	}
	if (r->nsegments == 0)
		snprintf(out, outlen, "/");
	for (i = 0; i < r->nsegments && o < outlen; i++) {
		const char *seg = r->segments[i];

		if (strncmp(seg, "external:", 9) == 0)
			seg = subject && *subject ? subject : "external:*";
		n = snprintf(out + o, outlen - o, "/%s", seg);
		if (n < 0)
			break;
		o += (size_t)n;
	}
}

const char *
http_req_query(const struct oz_req *r, const char *key, size_t *len)
{
	size_t i;

	for (i = 0; i < r->nquery; i++)
		if (strcmp(r->query[i].name, key) == 0) {
			if (len)
				*len = r->query[i].value_len;
			return r->query[i].value;
		}
	return NULL;
}

int
oz_fail(struct oz_req *r, enum oz_code code, const char *message)
{
	return oz_err_set(&r->err, &r->pool, code, message);
}

void
oz_fail_detail(struct oz_req *r, const char *field, const char *message)
{
	oz_err_detail(&r->err, &r->pool, field, message);
}

int
http_no_content(struct oz_req *r)
{
	r->resp.status = 204;
	buf_reset(&r->resp.body);
	return 0;
}

int
http_resp_header(struct oz_req *r, const char *name, const char *value)
{
	struct oz_kv *h;

	if (r->resp.nheaders == OZ_MAX_RESP_HEADERS)
		return -1;
	h = &r->resp.headers[r->resp.nheaders];
	h->name = pool_strdup(&r->pool, name);
	h->value = pool_strdup(&r->pool, value);
	if (h->name == NULL || h->value == NULL)
		return -1;
	h->value_len = strlen(h->value);
	r->resp.nheaders++;
	return 0;
}

const char *
http_resp_get_header(const struct oz_req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->resp.nheaders; i++)
		if (strcasecmp(r->resp.headers[i].name, name) == 0)
			return r->resp.headers[i].value;
	return NULL;
}

double
http_req_elapsed_ms(const struct oz_req *r)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - r->started.tv_sec) * 1000.0 +
	    (double)(now.tv_nsec - r->started.tv_nsec) / 1e6;
}

int
http_stream_begin(struct oz_req *r)
{
	struct buf	 head;
	size_t		 i;
	int		 rc;

	if (r->stream.write == NULL || r->stream.started)
		return -1;
	buf_init(&head, 16384);
	buf_puts(&head, "Status: 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
	    "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\n");
	for (i = 0; i < r->resp.nheaders; i++)
		if (strcasecmp(r->resp.headers[i].name, "Content-Type") != 0 &&
		    strcasecmp(r->resp.headers[i].name, "Cache-Control") != 0)
			buf_printf(&head, "%s: %s\r\n", r->resp.headers[i].name,
			    r->resp.headers[i].value);
	buf_puts(&head, "\r\n");
	r->stream.started = 1;
	rc = r->stream.write(r->stream.ctx, buf_str(&head), head.len);
	buf_free(&head);
	if (rc == -1)
		r->stream.broken = 1;
	return rc;
}

int
http_stream_event(struct oz_req *r, const char *event, const char *data)
{
	struct buf	 ev;
	size_t		 len = strlen(data);
	int		 rc;

	if (!r->stream.started || r->stream.broken)
		return -1;
	/* A rendered body ends with a newline; inside, JSON has none. */
	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	if (memchr(data, '\n', len) != NULL || memchr(data, '\r', len) != NULL ||
	    len > INT32_MAX)
		return -1;
	buf_init(&ev, OZ_MAX_RESPONSE);
	if (buf_printf(&ev, "event: %s\ndata: %.*s\n\n", event, (int)len, data) == -1) {
		buf_free(&ev);
		return -1;
	}
	rc = r->stream.write(r->stream.ctx, buf_str(&ev), ev.len);
	buf_free(&ev);
	if (rc == -1)
		r->stream.broken = 1;
	return rc;
}
