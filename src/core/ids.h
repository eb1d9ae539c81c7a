/* ids.h: opaque prefixed ids and tamper-proof pagination cursors. */
#ifndef OZ_IDS_H
#define OZ_IDS_H

#include <stddef.h>
#include <stdint.h>

/* base64url without padding of len bytes; out needs 4*len/3+2 bytes. Returns length. */
size_t	b64url_encode(const unsigned char *in, size_t len, char *out);
/* Decode base64url (no padding); -1 on any invalid character or length. */
int	b64url_decode(const char *in, size_t len, unsigned char *out, size_t outlen,
	    size_t *outn);

/* "<prefix>_" + 22 characters of base64url over 128 random bits. 0/-1 (RNG failure). */
int	ids_new(const char *prefix, char *out, size_t outlen);
/* 1 if s looks like an id with this prefix (shape only). */
int	ids_valid(const char *prefix, const char *s);

/*
 * A cursor names a position (created_at in microseconds, id) inside one
 * query, named by scope (e.g. "users|<client_id>|<filters>"). It is MACed
 * with key, so a client can neither forge a position nor move a cursor to
 * another query or tenant.
 */
int	cursor_encode(const unsigned char *key, size_t keylen, const char *scope,
	    int64_t ts_us, const char *id, char *out, size_t outlen);
/* 0 and the position, or -1 if the cursor is malformed, tampered or of another scope. */
int	cursor_decode(const unsigned char *key, size_t keylen, const char *scope,
	    const char *cursor, int64_t *ts_us, char *id, size_t idlen);

#endif
