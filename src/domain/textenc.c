/* textenc.c: outside text as UTF-8 (textenc.h). */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/pool.h"
#include "core/utf8.h"
#include "domain/textenc.h"

/* Windows-1252's 0x80..0x9F as code points (0: unassigned). */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

static int
has_bom(const char *s, size_t n)
{
	return n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0;
}

int
textenc_is_utf8(const char *s, size_t n)
{
	if (has_bom(s, n))
		s += 3, n -= 3;
	return utf8_valid(s, n);
}

char *
textenc_utf8(const char *s, size_t n, size_t max, struct pool *pool, size_t *outlen)
{
	const unsigned char *u;
	char	*out;
	size_t	 i, o = 0;
	unsigned cp;

	if (has_bom(s, n))
		s += 3, n -= 3;
	u = (const unsigned char *)s;
	if (utf8_valid(s, n)) {
		if (n > max || (out = pool_alloc(pool, n + 1)) == NULL)
			return NULL;
		memcpy(out, s, n);
		out[n] = '\0';
		for (i = 0; i < n; i++)
			if (out[i] == '\0')
				out[i] = ' ';
		*outlen = n;
		return out;
	}
	if (n > SIZE_MAX / 3 || (out = pool_alloc(pool, n * 3 + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		cp = u[i];
		if (cp >= 0x80 && cp < 0xa0)
			cp = cp1252[cp - 0x80] ? cp1252[cp - 0x80] : '?';
		if (cp == 0)
			cp = ' ';
		if (o + 3 > max)
			return NULL;
		if (cp < 0x80)
			out[o++] = (char)cp;
		else if (cp < 0x800) {
			out[o++] = (char)(0xc0 | (cp >> 6));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[o++] = (char)(0xe0 | (cp >> 12));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}
