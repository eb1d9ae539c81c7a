/*
 * http.h: the request and response model every handler sees. It knows nothing
 * of FastCGI: the worker fills an oz_req from its params, runs the app, and
 * writes out the oz_resp. The request owns everything hanging off it (its
 * pool, the parsed JSON, the response body) and http_req_clear frees it all.
 */
#ifndef OZ_HTTP_H
#define OZ_HTTP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/buf.h"
#include "core/errors.h"
#include "core/oz_limits.h"
#include "core/pool.h"

struct json_object;
struct oz_req;

struct oz_kv {
	const char	*name;
	const char	*value;
	size_t		 value_len;	/* values may not be C strings (query) */
};

#define OZ_MAX_RESP_HEADERS	16
#define OZ_MAX_ROUTE_PARAMS	4

struct oz_resp {
	int		 status;
	struct oz_kv	 headers[OZ_MAX_RESP_HEADERS];
	size_t		 nheaders;
	size_t		 nkeep;		/* headers kept on an error (RateLimit…) */
	struct buf	 body;
	int		 suppress_body;	/* HEAD */
};

/*
 * A response sent while it is produced (server-sent events). The FastCGI
 * layer sets write (send and flush; 0, or -1 when the client is gone);
 * without one (tests) the stream collects into resp.body.
 */
struct oz_stream {
	int		(*write)(void *ctx, const char *p, size_t n);
	void		*ctx;
	int		 started;	/* the head is sent: resp is no longer written */
	int		 broken;	/* a write failed: the client went away */
};

struct oz_req {
	struct pool	 pool;
	const char	*method;
	const char	*raw_uri;		/* as received */
	const char	*path;			/* decoded, for logs and display */
	const char	*segments[OZ_MAX_PATH_SEGMENTS];	/* decoded */
	size_t		 nsegments;
	const char	*query_raw;		/* after '?', or "" */
	struct oz_kv	 query[OZ_MAX_QUERY_PARAMS];
	size_t		 nquery;
	struct oz_kv	 headers[OZ_MAX_HEADERS];	/* names lower-case, '-' */
	size_t		 nheaders;
	size_t		 headers_size;		/* names, values and ": " */
	const char	*content_type;
	int64_t		 content_length;	/* -1: none given */
	const char	*request_id;
	const char	*remote_addr;
	char		*body;			/* pool-owned, NUL-terminated */
	size_t		 body_len;
	struct json_object *json;		/* parsed body, owned */
	const char	*params[OZ_MAX_ROUTE_PARAMS];	/* route {captures} */
	const char	*client_id;		/* set by auth */
	char		 subject_user[OZ_ID_MAX];	/* the user a service acted on, or "" */
	struct oz_error	 err;
	struct oz_resp	 resp;
	struct oz_stream stream;
	struct timespec	 started;
};

/* Prepare a request for reuse across many requests (pool kept). */
void	http_req_init(struct oz_req *r);
/* Free what a request holds (pool reset, JSON put, body reset). */
void	http_req_clear(struct oz_req *r);
void	http_req_free(struct oz_req *r);

/*
 * Take the request URI: split path and query, percent-decode each path segment
 * and each query key/value strictly (bad escapes, NUL and control bytes are
 * refused). Returns 0, or -1 with r->err set to BAD_REQUEST.
 */
int	http_req_set_uri(struct oz_req *r, const char *uri);
/* Add a header from a CGI param ("HTTP_X_REQUEST_ID" -> "x-request-id"); 0/-1. */
int	http_req_add_cgi_header(struct oz_req *r, const char *cgi_name, const char *value);
/* A header by lower-case name, or NULL. */
const char *http_req_header(const struct oz_req *r, const char *name);
/*
 * The path for logs: r's decoded segments with every "external:" one (a
 * platform's id for its user, maybe an email or a phone number) replaced by
 * subject, the user's own id, when known, else by "external:*"; "-" when the
 * URI was refused. Truncated to fit outlen.
 */
void	http_req_log_path(const struct oz_req *r, const char *subject, char *out,
	    size_t outlen);
/* The first query value of key, or NULL; *len gets its length when non-NULL. */
const char *http_req_query(const struct oz_req *r, const char *key, size_t *len);

/*
 * Percent-decode len bytes of s into a pool string. Refuses malformed escapes,
 * any decoded byte below 0x20 or 0x7f, and a result that is not valid UTF-8;
 * plus_is_space for query strings.
 * Returns NULL on refusal or OOM.
 */
char	*http_decode(struct pool *p, const char *s, size_t len, int plus_is_space);

/* Record an error for the response; returns -1 so handlers can `return oz_fail(...)`. */
int	oz_fail(struct oz_req *r, enum oz_code code, const char *message);
/* Add a {"field","message"} detail to the recorded error (strings copied). */
void	oz_fail_detail(struct oz_req *r, const char *field, const char *message);

/* Answer 204 No Content (no body). Returns 0. */
int	http_no_content(struct oz_req *r);
/* Response helpers. Header names and values are copied into the pool. */
int	http_resp_header(struct oz_req *r, const char *name, const char *value);
const char *http_resp_get_header(const struct oz_req *r, const char *name);

/*
 * Start a text/event-stream answer (status 200, the response headers set so
 * far, no buffering by nginx). 0/-1.
 */
int	http_stream_begin(struct oz_req *r);
/* Send one event ("event: name" and one "data:" line; data has no newline). 0/-1. */
int	http_stream_event(struct oz_req *r, const char *event, const char *data);

/* Milliseconds since the request started. */
double	http_req_elapsed_ms(const struct oz_req *r);

#endif
