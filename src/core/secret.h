/*
 * secret.h: API client secrets. A secret is shown once; the database keeps a
 * salted PBKDF2 hash (for Bearer/Basic checks) and, for signed requests, the
 * secret encrypted with AES-256-GCM under a key derived from the server's
 * secret_key, which never lives in the database.
 */
#ifndef OZ_SECRET_H
#define OZ_SECRET_H

#include <stddef.h>

#define SECRET_PREFIX		"sk_live_"
#define SECRET_MAX		128
#define SECRET_HASH_MAX		160
#define SECRET_ENC_MAX		(12 + SECRET_MAX + 16)

/* A new "sk_live_…" secret (256 random bits). 0/-1. */
int	secret_new(char *out, size_t outlen);
/* "pbkdf2-sha256$<iter>$<salt>$<hash>" of secret. 0/-1. */
int	secret_hash(const char *secret, char *out, size_t outlen);
/* 1 if secret matches the stored hash, 0 otherwise (constant-time compare). */
int	secret_verify(const char *secret, const char *stored);
/* Spend the time a verification takes, for unknown clients. */
void	secret_verify_dummy(const char *secret);
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
