/* b64.c: strict standard base64 (b64.h). */
#include "config.h"

#include "core/b64.h"

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The value of c in the alphabet, or -1. */
static int
value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Write the 2 or 3 characters of a last group as 1 or 2 bytes. 0/-1 (no room). */
static int
flush_partial(unsigned long acc, int ngot, unsigned char *out, size_t outlen, size_t *o)
{
	if (*o + (size_t)(ngot - 1) > outlen)
		return -1;
	acc <<= 6 * (4 - ngot);
	out[(*o)++] = (unsigned char)(acc >> 16);
	if (ngot == 3)
		out[(*o)++] = (unsigned char)(acc >> 8);
	return 0;
}

int
b64_decode(const char *in, size_t len, unsigned char *out, size_t outlen, size_t *outn,
    size_t *bad)
{
	unsigned long	 acc = 0;
	size_t		 i, o = 0;
	int		 ngot = 0, pad = 0, closed = 0, v;

	*outn = 0;
	*bad = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];

		if (c == '\r' || c == '\n') {
			if (ngot != 0)
				goto refuse;	/* breaks only between groups */
			continue;
		}
		if (closed)
			goto refuse;		/* nothing after the padding */
		if (c == '=') {
			/* "xx==" or "xxx=": padding closes the last group */
			if (ngot + pad < 2)
				goto refuse;
			if (++pad + ngot == 4) {
				if (flush_partial(acc, ngot, out, outlen, &o) == -1)
					goto refuse;
				ngot = pad = 0;
				closed = 1;
			}
			continue;
		}
		if (pad != 0 || (v = value(c)) < 0)
			goto refuse;
		acc = (acc << 6) | (unsigned long)v;
		if (++ngot == 4) {
			if (o + 3 > outlen)
				goto refuse;
			out[o++] = (unsigned char)(acc >> 16);
			out[o++] = (unsigned char)(acc >> 8);
			out[o++] = (unsigned char)acc;
			acc = 0;
			ngot = 0;
		}
	}
	i = len;
	if (pad != 0 || ngot == 1)
		goto refuse;		/* "xx=" cut short, or six bits that are no byte */
	if (ngot > 1 && flush_partial(acc, ngot, out, outlen, &o) == -1)
		goto refuse;
	*outn = o;
	return 0;
refuse:
	*bad = i;
	return -1;
}

size_t
b64_encode(const unsigned char *in, size_t len, char *out)
{
	size_t	 i, o = 0;
	unsigned long v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)in[i] << 16 | (unsigned long)in[i + 1] << 8 | in[i + 2];
		out[o++] = alphabet[(v >> 18) & 63];
		out[o++] = alphabet[(v >> 12) & 63];
		out[o++] = alphabet[(v >> 6) & 63];
		out[o++] = alphabet[v & 63];
	}
	if (i < len) {
		v = (unsigned long)in[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)in[i + 1] << 8;
		out[o++] = alphabet[(v >> 18) & 63];
		out[o++] = alphabet[(v >> 12) & 63];
		out[o++] = i + 1 < len ? alphabet[(v >> 6) & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
	return o;
}
