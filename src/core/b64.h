/*
 * b64.h: standard base64 (RFC 4648 §4), for documents sent inside JSON.
 * The decoder is strict: the standard alphabet only, padding only at the
 * end and only as much as the length needs, line breaks (CR, LF) allowed
 * between groups as MIME encoders write them, nothing else.
 */
#ifndef OZ_B64_H
#define OZ_B64_H

#include <stddef.h>

/* Bytes b64_decode may write for len characters of input. */
#define B64_DECODED_MAX(len)	((len) / 4 * 3 + 3)

/*
 * Decode len characters at in into out (room for outlen bytes); *outn gets
 * how many. 0, or -1 on a character outside the alphabet, misplaced or
 * excess padding, a length that is no whole number of bytes, or no room;
 * *bad then gets the offset of the first character refused.
 */
int	b64_decode(const char *in, size_t len, unsigned char *out, size_t outlen,
	    size_t *outn, size_t *bad);
/* Encode len bytes into out (room for 4 * ((len + 2) / 3) + 1), padded, NUL-terminated. */
size_t	b64_encode(const unsigned char *in, size_t len, char *out);

#endif
