/*
 * secret.h: API client secrets. A secret is shown once; the database keeps a
 * keyed hash of it (HMAC-SHA-256 under a key derived from the server's
 * secret_key, bound to the client id: checking one costs a microsecond, and
 * a dump without the key yields nothing) and, for signed requests, the
 * secret encrypted with AES-256-GCM under another key derived from
 * secret_key. Neither key lives in the database. A secret is 256 random bits,
 * not a password, so a slow hash buys nothing but a denial of service; the
 * salted PBKDF2 hashes of earlier versions still verify, and are replaced by
 * keyed ones at the next good request.
 */
#ifndef OZ_SECRET_H
#define OZ_SECRET_H

#include <stddef.h>

#define SECRET_PREFIX		"sk_live_"
#define SECRET_MAX		128
#define SECRET_HASH_MAX		160
#define SECRET_ENC_MAX		(12 + SECRET_MAX + 16)
#define SECRET_KEYED_PREFIX	"hmac-sha256$"

/* A new "sk_live_…" secret (256 random bits). 0/-1. */
int	secret_new(char *out, size_t outlen);
/* The 32-byte hashing key from the configured secret_key (domain-separated). 0/-1. */
int	secret_hash_key(const char *secret_key, unsigned char key[32]);
/* "hmac-sha256$<hash>" of client_id and secret under key. 0/-1. */
int	secret_hash_keyed(const unsigned char key[32], const char *client_id,
	    const char *secret, char *out, size_t outlen);
/*
 * 1 if secret is client_id's, by its stored hash: keyed (under key; NULL
 * when the server has no configured key: never matches) or PBKDF2 of old.
 * 0 otherwise. Constant-time compare.
 */
int	secret_check(const unsigned char *key, const char *client_id, const char *secret,
	    const char *stored);
/* 1 if the stored hash is keyed (else it is worth replacing by one). */
int	secret_is_keyed(const char *stored);
/* "pbkdf2-sha256$<iter>$<salt>$<hash>" of secret: without a configured key only. 0/-1. */
int	secret_hash(const char *secret, char *out, size_t outlen);
/* 1 if secret matches a stored PBKDF2 hash, 0 otherwise (constant-time compare). */
int	secret_verify(const char *secret, const char *stored);
/*
 * Encrypt secret for client_id (bound as associated data) under key (32
 * bytes): nonce || ciphertext || tag into out. Returns the length or -1.
 */
int	secret_seal(const unsigned char *key, const char *client_id, const char *secret,
	    unsigned char *out, size_t outlen);
/* Reverse secret_seal into a NUL-terminated secret. 0, or -1 if forged/wrong key. */
int	secret_open(const unsigned char *key, const char *client_id,
	    const unsigned char *in, size_t inlen, char *out, size_t outlen);
/* The 32-byte sealing key from the configured secret_key (domain-separated). 0/-1. */
int	secret_seal_key(const char *secret_key, unsigned char key[32]);

#endif
