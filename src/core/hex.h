/*
 * hex.h: bytes as lower-case hexadecimal and back, for digests, MACs and
 * sealed secrets kept as text.
 */
#ifndef OZ_HEX_H
#define OZ_HEX_H

#include <stddef.h>

/* The n bytes at b as 2n lower-case hex digits and a NUL into out (2n + 1 bytes). */
void	hex_encode(const unsigned char *b, size_t n, char *out);
/*
 * The hex digits of s (an even number, either case) into out, at most max
 * bytes; *n gets how many. 0, or -1 for an odd length, a character that is
 * not a hex digit, or more than max bytes.
 */
int	hex_decode(const char *s, unsigned char *out, size_t max, size_t *n);

#endif
