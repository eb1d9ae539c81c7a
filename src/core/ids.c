/* ids.c: random ids (OpenSSL RAND_bytes) and HMAC-SHA256 cursors. */
#include "config.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>

#include "core/ids.h"
#include "core/oz_limits.h"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

size_t
b64url_encode(const unsigned char *in, size_t len, char *out)
{
	size_t i, o = 0;

	for (i = 0; i + 2 < len; i += 3) {
		out[o++] = b64[in[i] >> 2];
		out[o++] = b64[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		out[o++] = b64[((in[i + 1] & 15) << 2) | (in[i + 2] >> 6)];
		out[o++] = b64[in[i + 2] & 63];
	}
	if (len - i == 1) {
		out[o++] = b64[in[i] >> 2];
		out[o++] = b64[(in[i] & 3) << 4];
	} else if (len - i == 2) {
		out[o++] = b64[in[i] >> 2];
		out[o++] = b64[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
		out[o++] = b64[(in[i + 1] & 15) << 2];
	}
	out[o] = '\0';
	return o;
}

static int
b64val(char c)
{
	const char *p;

	if (c == '\0' || (p = strchr(b64, c)) == NULL)
		return -1;
	return (int)(p - b64);
}

int
b64url_decode(const char *in, size_t len, unsigned char *out, size_t outlen,
    size_t *outn)
{
	size_t	 i, o = 0;
	unsigned acc = 0;
	int	 bits = 0;

	if (len % 4 == 1)
		return -1;
	for (i = 0; i < len; i++) {
		int v = b64val(in[i]);

		if (v < 0)
			return -1;
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o == outlen)
				return -1;
			out[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (acc != 0)	/* non-canonical trailing bits */
		return -1;
	*outn = o;
	return 0;
}

int
ids_new(const char *prefix, char *out, size_t outlen)
{
	unsigned char	 rnd[16];
	char		 enc[32];
	int		 n;

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return -1;
	b64url_encode(rnd, sizeof(rnd), enc);
	n = snprintf(out, outlen, "%s_%s", prefix, enc);
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

int
ids_valid(const char *prefix, const char *s)
{
	size_t plen = strlen(prefix), i;

	if (strncmp(s, prefix, plen) != 0 || s[plen] != '_' || strlen(s + plen + 1) != 22)
		return 0;
	for (i = plen + 1; s[i]; i++)
		if (b64val(s[i]) < 0)
			return 0;
	return 1;
}

#define CURSOR_VERSION	1
#define CURSOR_MAC	16

static int
cursor_mac(const unsigned char *key, size_t keylen, const char *scope,
    const unsigned char *payload, size_t plen, unsigned char *mac)
{
	unsigned char	 full[EVP_MAX_MD_SIZE];
	unsigned int	 flen = 0;
	unsigned char	 msg[OZ_CURSOR_MAX + 512];
	size_t		 slen = strlen(scope);

	if (slen > 512 - 1 || plen > OZ_CURSOR_MAX)
		return -1;
	memcpy(msg, scope, slen);
	msg[slen] = '\0';
	memcpy(msg + slen + 1, payload, plen);
	if (HMAC(EVP_sha256(), key, (int)keylen, msg, slen + 1 + plen, full, &flen) == NULL)
		return -1;
	memcpy(mac, full, CURSOR_MAC);
	return 0;
}

int
cursor_encode(const unsigned char *key, size_t keylen, const char *scope,
    int64_t ts_us, const char *id, char *out, size_t outlen)
{
	unsigned char	 raw[1 + 8 + OZ_ID_MAX + CURSOR_MAC];
	size_t		 idlen = strlen(id), n = 0;
	uint64_t	 t = (uint64_t)ts_us;
	int		 i;

	if (idlen >= OZ_ID_MAX || outlen < ((sizeof(raw) + 2) / 3) * 4 + 1)
		return -1;
	raw[n++] = CURSOR_VERSION;
	for (i = 7; i >= 0; i--)
		raw[n++] = (unsigned char)(t >> (i * 8));
	memcpy(raw + n, id, idlen);
	n += idlen;
	if (cursor_mac(key, keylen, scope, raw, n, raw + n) == -1)
		return -1;
	n += CURSOR_MAC;
	b64url_encode(raw, n, out);
	return 0;
}

int
cursor_decode(const unsigned char *key, size_t keylen, const char *scope,
    const char *cursor, int64_t *ts_us, char *id, size_t idlen)
{
	unsigned char	 raw[1 + 8 + OZ_ID_MAX + CURSOR_MAC], mac[CURSOR_MAC];
	size_t		 n, clen = strlen(cursor), ilen;
	uint64_t	 t = 0;
	int		 i;

	if (clen == 0 || clen > OZ_CURSOR_MAX ||
	    b64url_decode(cursor, clen, raw, sizeof(raw), &n) == -1)
		return -1;
	if (n < 1 + 8 + 1 + CURSOR_MAC || raw[0] != CURSOR_VERSION)
		return -1;
	if (cursor_mac(key, keylen, scope, raw, n - CURSOR_MAC, mac) == -1 ||
	    CRYPTO_memcmp(mac, raw + n - CURSOR_MAC, CURSOR_MAC) != 0)
		return -1;
	for (i = 1; i <= 8; i++)
		t = (t << 8) | raw[i];
	ilen = n - CURSOR_MAC - 9;
	if (ilen + 1 > idlen)
		return -1;
	memcpy(id, raw + 9, ilen);
	id[ilen] = '\0';
	for (i = 0; (size_t)i < ilen; i++)
		if ((unsigned char)id[i] < 0x21 || (unsigned char)id[i] > 0x7e)
			return -1;
	*ts_us = (int64_t)t;
	return 0;
}
