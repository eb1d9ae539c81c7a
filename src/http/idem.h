/*
 * idem.h: Idempotency-Key on POST (DESIGN §2), one mechanism for every
 * endpoint. The first response to a key is stored for 24 h and replayed with
 * Idempotent-Replayed: true; the same key with another request is
 * IDEMPOTENCY_KEY_REUSED; a duplicate arriving while the first is still being
 * served is CONFLICT. Keys are scoped to the client.
 */
#ifndef OZ_IDEM_H
#define OZ_IDEM_H

struct oz_app;
struct oz_req;

#define IDEM_KEY_MAX	255
#define IDEM_STALE_S	60	/* an in-progress key older than this was abandoned */

enum idem_outcome {
	IDEM_NONE,		/* no key: serve normally */
	IDEM_PROCEED,		/* key taken: serve, then idem_finish */
	IDEM_REPLAYED,		/* r->resp holds the stored response */
};

/* Look at r's Idempotency-Key. -1 with r->err set on a bad key, reuse, conflict or db error. */
int	idem_begin(struct oz_app *app, struct oz_req *r, enum idem_outcome *out);
/* Store r's response under the key (or release the key after a 5xx). */
void	idem_finish(struct oz_app *app, struct oz_req *r);
/* Delete expired keys, at most once a minute per worker. */
void	idem_purge(struct oz_app *app);

#endif
