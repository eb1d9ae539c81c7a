/*
 * fuzz_sse.c: the server-sent events reader of streamed model answers
 * (src/ai/ai_sse.c), which reads what a provider, or whoever answers in its
 * place, sends.
 *
 * Input: one byte choosing how to cut the stream into chunks, then the
 * stream. Checks, besides crashes, leaks and sanitizer reports: the events
 * read do not depend on the chunking (the whole stream at once, then in
 * pieces of 1 to 64 bytes, give the same events); no event name holds a
 * line end or passes its cap, and no data holds a '\r'.
 *
 * libFuzzer options: -max_len=8192
 */
#include "config.h"

#include "fuzz.h"

#include "ai/ai_sse.h"
#include "core/buf.h"

/* Every event, as "event\0len\0data" records, to compare two readings. */
static int
record(void *ctx, const char *event, const char *data, size_t len)
{
	struct buf *b = ctx;

	FUZZ_CHECK(strlen(event) < AI_SSE_MAX_EVENT, "event name of %zu bytes", strlen(event));
	FUZZ_CHECK(strpbrk(event, "\r\n") == NULL, "a line end in an event name");
	FUZZ_CHECK(data[len] == '\0', "data not terminated");
	FUZZ_CHECK(memchr(data, '\r', len) == NULL, "a '\\r' in data");
	if (buf_puts(b, event) == -1 || buf_putc(b, '\0') == -1 ||
	    buf_printf(b, "%zu", len) == -1 || buf_putc(b, '\0') == -1 ||
	    buf_append(b, data, len) == -1)
		abort();
	/* "stop" as the event name: the reader must stop feeding at once. */
	return strcmp(event, "stop") == 0 ? -1 : 0;
}

/* Read data in chunks of step bytes (0: at once) into out; the last ai_sse_feed result. */
static int
read_all(const uint8_t *data, size_t size, size_t step, struct buf *out)
{
	struct ai_sse	 sse;
	size_t		 i, k;
	int		 rc = 0;

	ai_sse_init(&sse, record, out);
	for (i = 0; i < size && rc == 0; i += k) {
		k = step == 0 || size - i < step ? size - i : step;
		rc = ai_sse_feed(&sse, (const char *)data + i, k);
	}
	if (rc == 0)
		FUZZ_CHECK(sse.error[0] == '\0', "an error without a failure");
	ai_sse_free(&sse);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 whole, pieces;
	size_t		 step = (fuzz_byte(&data, &size) & 63) + 1;
	int		 rc1, rc2;

	buf_init(&whole, 64 * 1024 * 1024);
	buf_init(&pieces, 64 * 1024 * 1024);
	rc1 = read_all(data, size, 0, &whole);
	rc2 = read_all(data, size, step, &pieces);
	FUZZ_CHECK(rc1 == rc2, "whole %d, in pieces of %zu %d", rc1, step, rc2);
	FUZZ_CHECK(whole.len == pieces.len && (whole.len == 0 ||
	    memcmp(whole.data, pieces.data, whole.len) == 0),
	    "the events differ when read in pieces of %zu bytes", step);
	buf_free(&whole);
	buf_free(&pieces);
	return 0;
}
