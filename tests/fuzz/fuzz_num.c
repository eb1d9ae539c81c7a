/*
 * fuzz_num.c: the strict number parsers every layer uses for outside text
 * (src/core/num.c): query limits, Content-Length, config values, money in
 * JSON and in the database's decimal text.
 *
 * Input: one byte choosing the scale (0..4) and the bounds, then the text.
 * Checks, besides crashes and sanitizer reports:
 *  - num_parse_i64: a value taken is within its bounds and is written the
 *    same way by printf (no '+', no spaces, no leading zeros; "-0" is 0);
 *  - num_parse_decimal: a value taken is within its bounds, and
 *    num_format_decimal writes it back as the same text padded to the scale
 *    ("1.5" -> "1.50"), which reads back to the same value;
 *  - refusals give a message.
 */
#include "config.h"

#include "fuzz.h"

#include <inttypes.h>

#include "core/num.h"

static const int64_t bounds[][2] = {
	{ INT64_MIN, INT64_MAX },
	{ 0, INT64_MAX },
	{ 1, 50 },
	{ INT64_MIN / 2, INT64_MAX / 2 },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned	 opt = fuzz_byte(&data, &size);
	int		 scale = (int)(opt & 7) % 5;
	int64_t		 min = bounds[(opt >> 3) & 3][0], max = bounds[(opt >> 3) & 3][1], v, w;
	const char	*errstr = NULL;
	const char	*s = (const char *)data;
	char		 text[64], want[80];
	const char	*dot;
	size_t		 frac;

	if (num_parse_i64(s, size, min, max, &v, &errstr) == 0) {
		FUZZ_CHECK(v >= min && v <= max, "%" PRId64 " out of bounds", v);
		snprintf(text, sizeof(text), "%s%" PRId64, size == 2 && s[0] == '-' && v == 0 ?
		    "-" : "", v);
		FUZZ_CHECK(strlen(text) == size && memcmp(text, s, size) == 0,
		    "took \"%.*s\" as %s", (int)size, s, text);
	} else
		FUZZ_CHECK(errstr != NULL, "refused without a word");

	errstr = NULL;
	if (num_parse_decimal(s, size, scale, min, max, &v, &errstr) == 0) {
		FUZZ_CHECK(v >= min && v <= max, "%" PRId64 " out of bounds", v);
		FUZZ_CHECK(num_format_decimal(v, scale, text, sizeof(text)) == 0, "cannot write");
		/* The input padded with zeros to the scale: what num_format_decimal writes. */
		FUZZ_CHECK(size < sizeof(want) - 8, "took %zu bytes", size);
		memcpy(want, s, size);
		want[size] = '\0';
		dot = memchr(want, '.', size);
		frac = dot ? size - (size_t)(dot - want) - 1 : 0;
		if (scale > 0 && dot == NULL)
			strcat(want, ".");
		for (; frac < (size_t)scale; frac++)
			strcat(want, "0");
		if (v == 0 && want[0] == '-') {
			/* "-0.00" and "0.00" are one value: written without the sign */
			FUZZ_CHECK(strcmp(text, want + 1) == 0, "%s as %s", want, text);
		} else
			FUZZ_CHECK(strcmp(text, want) == 0, "read \"%s\", wrote \"%s\"", want, text);
		FUZZ_CHECK(num_parse_decimal(text, strlen(text), scale, min, max, &w, &errstr) == 0 &&
		    w == v, "%s does not read back", text);
	} else
		FUZZ_CHECK(errstr != NULL, "refused without a word");
	return 0;
}
