/* test_ai_sse.c: server-sent events, whatever the chunking; the caps. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ai/ai_sse.h"
#include "check_main.h"
#include "core/buf.h"

/* What the events were, one "event|data" line each. */
struct seen {
	struct buf	 out;
	int		 stop_at;	/* return -1 on this event (1-based); 0: never */
	int		 n;
};

static int
collect(void *ctx, const char *event, const char *data, size_t len)
{
	struct seen *s = ctx;

	ck_assert_uint_eq(strlen(data), len);
	buf_printf(&s->out, "%s|%s\n", event, data);
	return ++s->n == s->stop_at ? -1 : 0;
}

/* Feed text in pieces of step bytes (0: whole); the events as text. */
static char *
feed(const char *text, size_t step, int *rc)
{
	struct ai_sse	 sse;
	struct seen	 s;
	size_t		 len = strlen(text), i, k;
	char		*out;

	memset(&s, 0, sizeof(s));
	buf_init(&s.out, 1 << 20);
	ai_sse_init(&sse, collect, &s);
	*rc = 0;
	for (i = 0; i < len && *rc == 0; i += k) {
		k = step == 0 || len - i < step ? len - i : step;
		*rc = ai_sse_feed(&sse, text + i, k);
	}
	ai_sse_free(&sse);
	out = strdup(buf_str(&s.out));
	buf_free(&s.out);
	return out;
}

START_TEST(events)
{
	static const char stream[] =
	    ": a comment\r\n"
	    "event: message_start\r\n"
	    "data: {\"a\":1}\r\n"
	    "\r\n"
	    "data:no space\n"
	    "data:  two spaces, one kept\n"
	    "id: 7\n"
	    "retry: 100\n"
	    "\n"
	    "event: ping\n"
	    "\n"
	    "data: [DONE]\r"
	    "\r"
	    "data: never dispatched: no blank line";
	static const char want[] =
	    "message_start|{\"a\":1}\n"
	    "|no space\n two spaces, one kept\n"
	    "|[DONE]\n";
	size_t	 step;
	int	 rc;
	char	*got;

	/* Every chunking, down to a byte at a time ("\r" and "\n" apart), reads the same. */
	for (step = 0; step <= 16; step++) {
		got = feed(stream, step, &rc);
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(got, want);
		free(got);
	}
}
END_TEST

START_TEST(stop_and_caps)
{
	struct ai_sse	 sse;
	struct seen	 s;
	char		*line;
	int		 rc;

	/* The callback stops the reader; no error of its own. */
	memset(&s, 0, sizeof(s));
	buf_init(&s.out, 4096);
	s.stop_at = 1;
	ai_sse_init(&sse, collect, &s);
	ck_assert_int_eq(ai_sse_feed(&sse, "data: 1\n\ndata: 2\n\n", 18), -1);
	ck_assert_str_eq(buf_str(&s.out), "|1\n");
	ck_assert_str_eq(sse.error, "");
	ai_sse_free(&sse);
	buf_free(&s.out);

	/* A line past AI_SSE_MAX_LINE stops it, and says so. */
	line = malloc(AI_SSE_MAX_LINE + 2);
	memset(line, 'x', AI_SSE_MAX_LINE + 1);
	line[AI_SSE_MAX_LINE + 1] = '\0';
	free(feed(line, 4096, &rc));
	ck_assert_int_eq(rc, -1);
	memset(&s, 0, sizeof(s));
	ai_sse_init(&sse, collect, &s);
	ck_assert_int_eq(ai_sse_feed(&sse, line, AI_SSE_MAX_LINE + 1), -1);
	ck_assert_msg(strstr(sse.error, "line longer") != NULL, "%s", sse.error);
	/* After a reset the reader starts afresh. */
	ai_sse_reset(&sse);
	buf_init(&s.out, 4096);
	ck_assert_int_eq(ai_sse_feed(&sse, "event: e\ndata: d\n\n", 18), 0);
	ck_assert_str_eq(buf_str(&s.out), "e|d\n");
	ai_sse_free(&sse);
	buf_free(&s.out);
	free(line);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("ai_sse");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, events);
	tcase_add_test(tc, stop_and_caps);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
