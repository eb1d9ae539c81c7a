/*
 * fuzz_retry_after.c: a provider's response header lines, read for the wait
 * they ask before a retry (ai_http_retry_header, src/ai/ai_http.c):
 * "Retry-After" in seconds or as an HTTP-date, "retry-after-ms".
 *
 * Input: a header line as curl hands it over. Checks, besides crashes and
 * sanitizer reports: only a line naming one of the two headers (any case)
 * is taken, and it sets only its own value; a wait read is -1 (unreadable)
 * or between 0 and 10^12 ms (10^9 s, however far ahead an HTTP-date is).
 */
#include "config.h"

#include "fuzz.h"

#include <strings.h>

#include "ai/ai_http.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*line = (const char *)data;
	int64_t		 ra = -2, ra_ms = -2;
	int		 is_ra, is_ms;

	is_ms = size >= 15 && strncasecmp(line, "retry-after-ms:", 15) == 0;
	is_ra = size >= 12 && strncasecmp(line, "retry-after:", 12) == 0;
	if (ai_http_retry_header(line, size, &ra, &ra_ms) == 0) {
		FUZZ_CHECK(ra == -2 && ra_ms == -2, "a value set for a line not taken");
		return 0;
	}
	FUZZ_CHECK(is_ra || is_ms, "took a line that is neither header");
	if (is_ra) {
		FUZZ_CHECK(ra_ms == -2, "Retry-After set retry-after-ms");
		FUZZ_CHECK(ra == -1 || (ra >= 0 && ra <= 1000000000000LL), "Retry-After %lld",
		    (long long)ra);
	} else {
		FUZZ_CHECK(ra == -2, "retry-after-ms set Retry-After");
		FUZZ_CHECK(ra_ms >= -1 && ra_ms <= 1000000000000LL, "retry-after-ms %lld",
		    (long long)ra_ms);
	}
	return 0;
}
