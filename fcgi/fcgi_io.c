/* fcgi_io.c: build oz_req from FastCGI params, write oz_resp as a CGI response. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/ids.h"
#include "core/num.h"
#include "fcgi_io.h"
#include "http/app.h"
#include "http/http.h"

static long
fcgi_read(void *ctx, char *p, size_t n)
{
	FCGX_Request	*fr = ctx;
	int		 got;

	got = FCGX_GetStr(p, n > (1 << 30) ? (1 << 30) : (int)n, fr->in);
	if (got < 0 || FCGX_GetError(fr->in) != 0)
		return -1;
	return got;
}

/* Request ids come from nginx ($request_id); keep only a safe shape. */
static const char *
request_id(struct oz_req *r, const char *given)
{
	char		 hex[OZ_ID_MAX];
	size_t		 i, n;

	if (given != NULL && (n = strlen(given)) > 0 && n <= OZ_MAX_REQUEST_ID) {
		for (i = 0; i < n; i++)
			if (!(given[i] == '-' || given[i] == '_' ||
			    (given[i] >= '0' && given[i] <= '9') ||
			    (given[i] >= 'a' && given[i] <= 'z') ||
			    (given[i] >= 'A' && given[i] <= 'Z')))
				break;
		if (i == n)
			return pool_strdup(&r->pool, given);
	}
	if (ids_new("req", hex, sizeof(hex)) == 0)
		return pool_strdup(&r->pool, hex);
	return "unknown";
}

static void
build_request(struct oz_req *r, FCGX_Request *fr)
{
	char		**env;
	const char	*cl, *errstr;
	int64_t		 len;

	r->request_id = request_id(r, FCGX_GetParam("REQUEST_ID", fr->envp));
	r->method = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	r->method = pool_strdup(&r->pool, r->method ? r->method : "GET");
	r->remote_addr = FCGX_GetParam("REMOTE_ADDR", fr->envp);
	r->content_type = FCGX_GetParam("CONTENT_TYPE", fr->envp);
	if (r->content_type && *r->content_type == '\0')
		r->content_type = NULL;
	if (http_req_set_uri(r, FCGX_GetParam("REQUEST_URI", fr->envp)) == -1)
		return;
	cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	if (cl != NULL && *cl != '\0') {
		if (num_parse_i64z(cl, 0, INT64_MAX, &len, &errstr) == -1) {
			oz_fail(r, OZ_BAD_REQUEST, "invalid Content-Length");
			return;
		}
		r->content_length = len;
	}
	for (env = fr->envp; env && *env; env++) {
		char	 name[128];
		const char *eq = strchr(*env, '=');
		size_t	 n;

		if (eq == NULL || strncmp(*env, "HTTP_", 5) != 0)
			continue;
		n = (size_t)(eq - *env);
		if (n >= sizeof(name))
			continue;
		memcpy(name, *env, n);
		name[n] = '\0';
		if (http_req_add_cgi_header(r, name, eq + 1) == -1)
			return;
	}
}

/* Stream writes go out at once: nginx has buffering off for them. */
static int
fcgi_stream_write(void *ctx, const char *p, size_t n)
{
	FCGX_Request	*fr = ctx;

	if (n > 0 && FCGX_PutStr(p, (int)n, fr->out) != (int)n)
		return -1;
	if (FCGX_FFlush(fr->out) != 0 || FCGX_GetError(fr->out) != 0)
		return -1;
	return 0;
}

/* libfcgi's own printf knows few conversions: format with snprintf instead. */
static void
write_response(struct oz_req *r, FCGX_Request *fr)
{
	struct buf	 head;
	size_t		 i;

	if (r->stream.started)
		return;		/* already on the wire, event by event */
	buf_init(&head, 16384);
	buf_printf(&head, "Status: %d %s\r\n", r->resp.status, oz_status_reason(r->resp.status));
	for (i = 0; i < r->resp.nheaders; i++)
		buf_printf(&head, "%s: %s\r\n", r->resp.headers[i].name,
		    r->resp.headers[i].value);
	buf_printf(&head, "Content-Length: %zu\r\n\r\n", r->resp.body.len);
	FCGX_PutStr(buf_str(&head), (int)head.len, fr->out);
	buf_free(&head);
	if (!r->resp.suppress_body && r->resp.body.len > 0)
		FCGX_PutStr(buf_str(&r->resp.body), (int)r->resp.body.len, fr->out);
}

/*
 * Read the request's input up to its end record, so that the next request on
 * a kept connection starts with its own first record: libfcgi would take a
 * left-over end record for a protocol error and drop the connection, after
 * waiting up to 2 seconds for nginx to close it. That record is usually
 * already buffered; a large body left unread is not worth reading, so that
 * connection is closed instead.
 */
static void
finish_input(struct oz_req *r, FCGX_Request *fr)
{
	char	 sink[4096];
	int64_t	 left = r->content_length > 0 ? r->content_length - (int64_t)r->body_len : 0;

	if (left > (int64_t)sizeof(sink) * 16) {
		fr->keepConnection = 0;
		return;
	}
	while (FCGX_GetStr(sink, (int)sizeof(sink), fr->in) > 0)
		;
}

void
fcgi_serve(struct oz_app *app, struct oz_req *r, FCGX_Request *fr)
{
	http_req_clear(r);
	build_request(r, fr);
	r->stream.write = fcgi_stream_write;
	r->stream.ctx = fr;
	app_handle(app, r, fcgi_read, fr);
	finish_input(r, fr);
	write_response(r, fr);
}
