/*
 * fuzz_utf8.c: the UTF-8 check every layer leans on (utf8_valid,
 * src/core/utf8.c), against a second reading written from the Unicode
 * standard's table of well-formed byte sequences (Table 3-7), and the
 * helpers next to it.
 *
 * Input: bytes. Checks, besides crashes and sanitizer reports: utf8_valid
 * agrees with the table on every input and on every prefix cut at a
 * character boundary; on valid text, utf8_chars counts the characters the
 * table found, and utf8_printable refuses exactly C0, DEL and C1.
 */
#include "config.h"

#include "fuzz.h"

#include "core/utf8.h"

/* Table 3-7: the length of the well-formed sequence at s, or 0. */
static size_t
seq_len(const unsigned char *s, size_t n)
{
	static const struct { unsigned char lo, hi, lo2, hi2; size_t len; } t[] = {
		{ 0x00, 0x7f, 0, 0, 1 },
		{ 0xc2, 0xdf, 0x80, 0xbf, 2 },
		{ 0xe0, 0xe0, 0xa0, 0xbf, 3 },
		{ 0xe1, 0xec, 0x80, 0xbf, 3 },
		{ 0xed, 0xed, 0x80, 0x9f, 3 },
		{ 0xee, 0xef, 0x80, 0xbf, 3 },
		{ 0xf0, 0xf0, 0x90, 0xbf, 4 },
		{ 0xf1, 0xf3, 0x80, 0xbf, 4 },
		{ 0xf4, 0xf4, 0x80, 0x8f, 4 },
	};
	size_t i, k;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (s[0] < t[i].lo || s[0] > t[i].hi)
			continue;
		if (t[i].len == 1)
			return 1;
		if (n < t[i].len || s[1] < t[i].lo2 || s[1] > t[i].hi2)
			return 0;
		for (k = 2; k < t[i].len; k++)
			if (s[k] < 0x80 || s[k] > 0xbf)
				return 0;
		return t[i].len;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t	 i = 0, k, chars = 0, cut[64], ncut = 0;
	int	 ok = 1, printable = 1;
	char	*s;

	while (i < size) {
		if ((k = seq_len(data + i, size - i)) == 0) {
			ok = 0;
			break;
		}
		if (data[i] == 0)
			ok = 2;		/* valid, but C sees a shorter string */
		if (data[i] < 0x20 || data[i] == 0x7f ||
		    (data[i] == 0xc2 && data[i + 1] >= 0x80 && data[i + 1] <= 0x9f))
			printable = 0;
		if (ncut < 64)
			cut[ncut++] = i;
		i += k;
		chars++;
	}
	FUZZ_CHECK(utf8_valid((const char *)data, size) == (ok != 0),
	    "utf8_valid says %d, the table %d", !ok, ok != 0);
	for (k = 0; ok && k < ncut; k++)
		FUZZ_CHECK(utf8_valid((const char *)data, cut[k]), "a prefix of %zu bytes", cut[k]);
	if (ok == 1) {
		s = fuzz_strdup(data, size);
		FUZZ_CHECK(utf8_chars(s) == chars, "%zu characters, not %zu", utf8_chars(s), chars);
		FUZZ_CHECK(utf8_printable(s) == printable, "printable %d, not %d",
		    utf8_printable(s), printable);
		free(s);
	}
	return 0;
}
