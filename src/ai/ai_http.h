/*
 * ai_http.h: one HTTPS POST of a JSON body to a model provider, with the
 * rules every provider call shares: connect and total deadlines, a stall
 * limit on streams, a response cap, retries with backoff and Retry-After,
 * and Server-Sent Events (ai_sse.h) for streamed answers.
 */
#ifndef OZ_AI_HTTP_H
#define OZ_AI_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "ai/ai_sse.h"
#include "core/buf.h"

#define AI_HTTP_MAX_BODY	(4 * 1024 * 1024)	/* response bytes, streams too */

struct ai_http_req {
	const char	*who;		/* "openai": the prefix of error texts */
	const char	*url;
	const char *const *headers;	/* "Name: value" lines, NULL-terminated; secret values */
	const char	*body;		/* JSON text */
	int64_t		 deadline;	/* ai_http_now_ms() when the whole turn must end */
	long		 timeout_ms;	/* the budget the deadline came from, for messages */
	int		 max_retries;	/* extra attempts after the first */
	ai_sse_fn	 on_event;	/* non-NULL: a stream; events go here on 2xx */
	void		(*on_attempt)(void *ctx);	/* before each attempt: reset */
	void		*ctx;
	const int	*delivered;	/* set by ctx once text went out: no retry then */
};

struct ai_http_res {
	long		 status;	/* of the last attempt; 0 when none answered */
	struct buf	 body;		/* non-stream body (or an error body), <= AI_HTTP_MAX_BODY */
	int		 requests;	/* attempts made */
	int		 plain;		/* a stream was asked for, a whole JSON answer came (in body) */
	char		 error[160];	/* why it failed; never a header value or a body */
};

/*
 * A response header line of n bytes (as curl gives it, line end included):
 * the wait before a retry it asks for, in ms (-1 when unreadable), from
 * "Retry-After" (delta-seconds or an HTTP-date) into *retry_after, or from
 * "retry-after-ms" (a number, a fraction allowed) into *retry_after_ms.
 * 1 when the line is one of those, else 0 (nothing set).
 */
int	ai_http_retry_header(const char *line, size_t n, int64_t *retry_after,
	    int64_t *retry_after_ms);
/*
 * A Content-Type value: 1 when it is JSON (application/json, …+json), 0
 * when it is text/event-stream, -1 otherwise. Parameters are ignored.
 */
int	ai_http_json_type(const char *v);
/* Milliseconds on the monotonic clock, for deadlines. */
int64_t	ai_http_now_ms(void);
/*
 * POST rq->body to rq->url, retrying as the provider rules allow. Initialises
 * rs (the caller frees rs->body with buf_free). 0 when a 2xx response was read
 * whole (or streamed to its end), -1 with rs->error set otherwise. A stream
 * asked for but answered with one JSON object (rs->plain) is read whole into
 * rs->body, not fed to on_event. An error answer's body is in rs->body.
 */
int	ai_http_post(const struct ai_http_req *rq, struct ai_http_res *rs);

#endif
