/* ai_sse.c: the Server-Sent Events reader of streamed model answers (ai_sse.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ai/ai_sse.h"

void
ai_sse_init(struct ai_sse *s, ai_sse_fn on_event, void *ctx)
{
	memset(s, 0, sizeof(*s));
	s->on_event = on_event;
	s->ctx = ctx;
	buf_init(&s->line, AI_SSE_MAX_LINE);
	buf_init(&s->data, AI_SSE_MAX_DATA);
}

void
ai_sse_reset(struct ai_sse *s)
{
	buf_reset(&s->line);
	buf_reset(&s->data);
	s->event[0] = '\0';
	s->cr = 0;
	s->error[0] = '\0';
}

void
ai_sse_free(struct ai_sse *s)
{
	buf_free(&s->line);
	buf_free(&s->data);
}

static int
dispatch(struct ai_sse *s)
{
	int rc = 0;

	/* An event without data is no event (and the trailing "\n" goes). */
	if (s->data.len > 0) {
		s->data.len--;
		s->data.data[s->data.len] = '\0';
		rc = s->on_event(s->ctx, s->event, buf_str(&s->data), s->data.len);
	}
	buf_reset(&s->data);
	s->event[0] = '\0';
	return rc;
}

/* One complete line (without its end): a field, a comment or the blank line. */
static int
field(struct ai_sse *s, const char *p, size_t n)
{
	const char	*colon, *v;
	size_t		 name_len, vlen;

	if (n == 0)
		return dispatch(s);
	if (p[0] == ':')
		return 0;
	colon = memchr(p, ':', n);
	name_len = colon ? (size_t)(colon - p) : n;
	v = colon ? colon + 1 : p + n;
	vlen = (size_t)(p + n - v);
	if (vlen > 0 && v[0] == ' ') {
		v++;
		vlen--;
	}
	if (name_len == 5 && memcmp(p, "event", 5) == 0) {
		if (vlen >= sizeof(s->event))
			vlen = sizeof(s->event) - 1;	/* no event we know is that long */
		memcpy(s->event, v, vlen);
		s->event[vlen] = '\0';
	} else if (name_len == 4 && memcmp(p, "data", 4) == 0) {
		if (buf_append(&s->data, v, vlen) == -1 || buf_putc(&s->data, '\n') == -1) {
			snprintf(s->error, sizeof(s->error),
			    "stream event larger than %d bytes", AI_SSE_MAX_DATA);
			return -1;
		}
	}
	/* id, retry and unknown fields mean nothing here. */
	return 0;
}

int
ai_sse_feed(struct ai_sse *s, const char *p, size_t n)
{
	size_t i = 0, run;

	while (i < n) {
		if (s->cr && p[i] == '\n') {
			s->cr = 0;
			i++;
			continue;
		}
		s->cr = 0;
		for (run = 0; i + run < n && p[i + run] != '\n' && p[i + run] != '\r'; run++)
			;
		if (buf_append(&s->line, p + i, run) == -1) {
			snprintf(s->error, sizeof(s->error),
			    "stream line longer than %d bytes", AI_SSE_MAX_LINE);
			return -1;
		}
		i += run;
		if (i == n)
			break;
		s->cr = p[i] == '\r';
		i++;
		if (field(s, buf_str(&s->line), s->line.len) == -1)
			return -1;
		buf_reset(&s->line);
	}
	return 0;
}
