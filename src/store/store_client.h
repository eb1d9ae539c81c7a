/* store_client.h: API clients (tenants) as the request path reads them. */
#ifndef OZ_STORE_CLIENT_H
#define OZ_STORE_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/secret.h"

struct store;

/* What authenticating a client needs. */
struct client_auth {
	char		 id[64];
	char		 secret_hash[SECRET_HASH_MAX];	/* never the secret itself */
	unsigned char	 sealed[SECRET_ENC_MAX];	/* the secret sealed (signed requests) */
	size_t		 sealed_len;			/* 0: none */
	int		 require_signature;
	int		 disabled;
	int64_t		 rate_limit;			/* 0: the configured default */
	int64_t		 rate_burst;
};

/* The client st->client names. 1/0/-1. */
int	store_client_auth(struct store *st, struct client_auth *out);

/*
 * Replace the client's secret hash old by fresh (the same secret, hashed
 * anew), unless it changed meanwhile (a rotation wins). 0/-1.
 */
int	store_client_rehash(struct store *st, const char *old, const char *fresh);

#endif
