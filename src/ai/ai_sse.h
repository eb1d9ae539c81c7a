/*
 * ai_sse.h: Server-Sent Events, as a model provider streams its answer. A
 * reader takes the bytes in whatever chunks they come and calls back once
 * per complete event; lines end at "\n", "\r\n" or "\r", and no line or
 * event may grow past its cap.
 */
#ifndef OZ_AI_SSE_H
#define OZ_AI_SSE_H

#include <stddef.h>

#include "core/buf.h"

#define AI_SSE_MAX_LINE		(256 * 1024)
#define AI_SSE_MAX_DATA		(1024 * 1024)
#define AI_SSE_MAX_EVENT	64

/*
 * One event: event is its "event:" field ("" when absent, cut to
 * AI_SSE_MAX_EVENT - 1 bytes), data its data lines joined with "\n" (len
 * bytes, NUL-terminated). Return 0, or -1 to stop reading (the callback
 * keeps why in its own state).
 */
typedef int (*ai_sse_fn)(void *ctx, const char *event, const char *data, size_t len);

struct ai_sse {
	ai_sse_fn	 on_event;
	void		*ctx;
	struct buf	 line;		/* the line being read, across chunks */
	struct buf	 data;		/* data fields of the event being read */
	char		 event[AI_SSE_MAX_EVENT];
	int		 cr;		/* the last byte was '\r': skip a '\n' */
	char		 error[64];	/* why the reader stopped; "" when on_event did */
};

/* A reader that calls on_event(ctx, …) for each event. */
void	ai_sse_init(struct ai_sse *s, ai_sse_fn on_event, void *ctx);
/* Forget a partial line and event (a new response begins); memory is kept. */
void	ai_sse_reset(struct ai_sse *s);
void	ai_sse_free(struct ai_sse *s);
/*
 * Read n more bytes of the stream. 0, or -1 when on_event returned -1 or a
 * line or an event passed its cap (s->error says which); stop feeding then.
 * A partial last line and an event without its blank line are never
 * dispatched.
 */
int	ai_sse_feed(struct ai_sse *s, const char *p, size_t n);

#endif
