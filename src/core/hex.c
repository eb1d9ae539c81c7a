/* hex.c: bytes as hexadecimal and back (hex.h). */
#include "config.h"

#include <string.h>

#include "core/hex.h"

void
hex_encode(const unsigned char *b, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	size_t	 i;

	for (i = 0; i < n; i++) {
		out[i * 2] = hx[b[i] >> 4];
		out[i * 2 + 1] = hx[b[i] & 15];
	}
	out[n * 2] = '\0';
}

static int
digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
hex_decode(const char *s, unsigned char *out, size_t max, size_t *n)
{
	size_t	 len = strlen(s), i;
	int	 hi, lo;

	*n = 0;
	if (len % 2 != 0 || len / 2 > max)
		return -1;
	for (i = 0; i < len / 2; i++) {
		if ((hi = digit(s[i * 2])) < 0 || (lo = digit(s[i * 2 + 1])) < 0)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	*n = len / 2;
	return 0;
}
