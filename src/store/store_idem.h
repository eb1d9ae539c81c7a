/*
 * store_idem.h: stored POST answers by Idempotency-Key, per client, for 24 h
 * (DESIGN §2).
 */
#ifndef OZ_STORE_IDEM_H
#define OZ_STORE_IDEM_H

struct store;

/* A key's record. */
struct idem_record {
	char		 request_hash[65];
	int		 done;		/* the answer is stored (else: in progress) */
	int		 status;
	const char	*body;
};

/*
 * Take key for the request hash: a new key, an expired one, or one a
 * crashed worker abandoned with this very request. 1 taken, 0 held by
 * someone else (read it), -1.
 */
int	store_idem_take(struct store *st, const char *key, const char *hash);
/* The key's record. 1/0 (deleted meanwhile)/-1. */
int	store_idem_get(struct store *st, const char *key, struct idem_record *out);
/*
 * Store the answer for the key, kept with the user it concerned (user NULL
 * or "": none), so that it is deleted with that user. 0/-1.
 */
int	store_idem_complete(struct store *st, const char *key, int status, const char *body,
	    const char *user);
/* Let the key go (the answer was a 5xx: nothing was promised). 0/-1. */
int	store_idem_release(struct store *st, const char *key);
/* Delete up to 1000 expired keys of any client. 0/-1. */
int	store_idem_purge(struct store *st);

#endif
