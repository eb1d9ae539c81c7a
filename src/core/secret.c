/* secret.c: client secrets: generation, keyed hashes (PBKDF2 of old), AES-256-GCM sealing. */
#include "config.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <string.h>

#include "core/ids.h"
#include "core/num.h"
#include "core/secret.h"

#define PBKDF2_ITER	20000
#define SALT_LEN	16
#define HASH_LEN	32

int
secret_new(char *out, size_t outlen)
{
	unsigned char	 rnd[32];
	char		 enc[64];

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return -1;
	b64url_encode(rnd, sizeof(rnd), enc);
	OPENSSL_cleanse(rnd, sizeof(rnd));
	if ((size_t)snprintf(out, outlen, "%s%s", SECRET_PREFIX, enc) >= outlen)
		return -1;
	return 0;
}

static int
derive(const char *secret, const unsigned char *salt, int iter, unsigned char *out)
{
	return PKCS5_PBKDF2_HMAC(secret, (int)strlen(secret), salt, SALT_LEN, iter,
	    EVP_sha256(), HASH_LEN, out) == 1 ? 0 : -1;
}

int
secret_hash(const char *secret, char *out, size_t outlen)
{
	unsigned char	 salt[SALT_LEN], h[HASH_LEN];
	char		 s64[32], h64[48];

	if (RAND_bytes(salt, sizeof(salt)) != 1 || derive(secret, salt, PBKDF2_ITER, h) == -1)
		return -1;
	b64url_encode(salt, sizeof(salt), s64);
	b64url_encode(h, sizeof(h), h64);
	if ((size_t)snprintf(out, outlen, "pbkdf2-sha256$%d$%s$%s", PBKDF2_ITER, s64, h64) >= outlen)
		return -1;
	return 0;
}

int
secret_verify(const char *secret, const char *stored)
{
	unsigned char	 salt[SALT_LEN + 4], want[HASH_LEN + 4], got[HASH_LEN];
	const char	*p, *q, *errstr;
	int64_t		 iter;
	size_t		 n;

	if (strncmp(stored, "pbkdf2-sha256$", 14) != 0)
		return 0;
	p = stored + 14;
	if ((q = strchr(p, '$')) == NULL ||
	    num_parse_i64(p, (size_t)(q - p), 1000, 10000000, &iter, &errstr) == -1)
		return 0;
	p = q + 1;
	if ((q = strchr(p, '$')) == NULL ||
	    b64url_decode(p, (size_t)(q - p), salt, sizeof(salt), &n) == -1 || n != SALT_LEN)
		return 0;
	p = q + 1;
	if (b64url_decode(p, strlen(p), want, sizeof(want), &n) == -1 || n != HASH_LEN)
		return 0;
	if (derive(secret, salt, (int)iter, got) == -1)
		return 0;
	return CRYPTO_memcmp(got, want, HASH_LEN) == 0;
}

int
secret_hash_key(const char *secret_key, unsigned char key[32])
{
	static const char label[] = "ozzie client secret hashing v1";
	unsigned int len = 0;

	if (secret_key == NULL || strlen(secret_key) < 32)
		return -1;
	return HMAC(EVP_sha256(), secret_key, (int)strlen(secret_key),
	    (const unsigned char *)label, sizeof(label) - 1, key, &len) ? 0 : -1;
}

/*
 * HMAC-SHA-256 under key of "client_id:secret" into out. 0/-1, also for an
 * id or secret longer than any we issue and for an id holding ':' (which
 * would make two pairs one message): such a pair never matches.
 */
static int
keyed(const unsigned char key[32], const char *client_id, const char *secret,
    unsigned char out[HASH_LEN])
{
	char		 msg[256 + 1 + SECRET_MAX];
	unsigned int	 len = 0;
	int		 n, ok;

	n = snprintf(msg, sizeof(msg), "%s:%s", client_id, secret);
	if (n < 0 || (size_t)n >= sizeof(msg) || strlen(client_id) > 256 ||
	    strchr(client_id, ':') != NULL)
		return -1;
	ok = HMAC(EVP_sha256(), key, 32, (const unsigned char *)msg, (size_t)n,
	    out, &len) != NULL && len == HASH_LEN;
	OPENSSL_cleanse(msg, sizeof(msg));
	return ok ? 0 : -1;
}

int
secret_hash_keyed(const unsigned char key[32], const char *client_id, const char *secret,
    char *out, size_t outlen)
{
	unsigned char	 h[HASH_LEN];
	char		 h64[48];
	int		 rc = -1;

	if (keyed(key, client_id, secret, h) == 0) {
		b64url_encode(h, sizeof(h), h64);
		if ((size_t)snprintf(out, outlen, "%s%s", SECRET_KEYED_PREFIX, h64) < outlen)
			rc = 0;
	}
	OPENSSL_cleanse(h, sizeof(h));
	return rc;
}

int
secret_check(const unsigned char *key, const char *client_id, const char *secret,
    const char *stored)
{
	unsigned char	 want[HASH_LEN + 4], got[HASH_LEN];
	size_t		 n, plen = strlen(SECRET_KEYED_PREFIX);
	int		 ok;

	if (strncmp(stored, SECRET_KEYED_PREFIX, plen) != 0)
		return secret_verify(secret, stored);
	if (key == NULL ||
	    b64url_decode(stored + plen, strlen(stored + plen), want, sizeof(want), &n) == -1 ||
	    n != HASH_LEN || keyed(key, client_id, secret, got) == -1)
		return 0;
	ok = CRYPTO_memcmp(got, want, HASH_LEN) == 0;
	OPENSSL_cleanse(got, sizeof(got));
	return ok;
}

int
secret_is_keyed(const char *stored)
{
	return strncmp(stored, SECRET_KEYED_PREFIX, strlen(SECRET_KEYED_PREFIX)) == 0;
}

int
secret_seal_key(const char *secret_key, unsigned char key[32])
{
	static const char label[] = "ozzie client secret sealing v1";
	unsigned int len = 0;

	if (secret_key == NULL || strlen(secret_key) < 32)
		return -1;
	return HMAC(EVP_sha256(), secret_key, (int)strlen(secret_key),
	    (const unsigned char *)label, sizeof(label) - 1, key, &len) ? 0 : -1;
}

int
secret_seal(const unsigned char *key, const char *client_id, const char *secret,
    unsigned char *out, size_t outlen)
{
	EVP_CIPHER_CTX	*ctx;
	size_t		 slen = strlen(secret);
	int		 n, fin, rc = -1;

	if (outlen < 12 + slen + 16 || (ctx = EVP_CIPHER_CTX_new()) == NULL)
		return -1;
	if (RAND_bytes(out, 12) != 1 ||
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, out) != 1 ||
	    EVP_EncryptUpdate(ctx, NULL, &n, (const unsigned char *)client_id,
	    (int)strlen(client_id)) != 1 ||
	    EVP_EncryptUpdate(ctx, out + 12, &n, (const unsigned char *)secret, (int)slen) != 1 ||
	    EVP_EncryptFinal_ex(ctx, out + 12 + n, &fin) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, out + 12 + n + fin) != 1)
		goto out;
	rc = 12 + n + fin + 16;
out:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

int
secret_open(const unsigned char *key, const char *client_id, const unsigned char *in,
    size_t inlen, char *out, size_t outlen)
{
	EVP_CIPHER_CTX	*ctx;
	unsigned char	 tag[16];
	int		 n, fin, rc = -1;
	size_t		 clen;

	if (inlen < 12 + 16 + 1)
		return -1;
	clen = inlen - 12 - 16;
	if (clen + 1 > outlen || (ctx = EVP_CIPHER_CTX_new()) == NULL)
		return -1;
	memcpy(tag, in + inlen - 16, 16);
	if (EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, in) != 1 ||
	    EVP_DecryptUpdate(ctx, NULL, &n, (const unsigned char *)client_id,
	    (int)strlen(client_id)) != 1 ||
	    EVP_DecryptUpdate(ctx, (unsigned char *)out, &n, in + 12, (int)clen) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, 16, tag) != 1 ||
	    EVP_DecryptFinal_ex(ctx, (unsigned char *)out + n, &fin) != 1) {
		OPENSSL_cleanse(out, outlen);
		goto out;
	}
	out[n + fin] = '\0';
	rc = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}
