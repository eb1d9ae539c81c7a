/* store_nonce.h: signatures of signed requests already accepted (replay guard). */
#ifndef OZ_STORE_NONCE_H
#define OZ_STORE_NONCE_H

struct store;

/*
 * Remember the client's signature (64 hex digits) for ttl_s seconds. 1 when
 * it is new, 0 when it was already used (a replay), -1.
 */
int	store_nonce_take(struct store *st, const char *signature, int ttl_s);
/* Forget expired signatures of any client (at most 1000). 0/-1. */
int	store_nonce_purge(struct store *st);

#endif
