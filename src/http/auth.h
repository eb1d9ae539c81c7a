/*
 * auth.h: who is calling. Bearer base64(client_id:client_secret), HTTP Basic
 * with the same pair, or a signed request (DESIGN §3). Every failure is the
 * same 401, whatever went wrong and whether the client exists. A signed
 * request that is not a GET or HEAD is accepted once: its signature is
 * remembered (in the database, for every host) while its timestamp is valid.
 */
#ifndef OZ_AUTH_H
#define OZ_AUTH_H

#include <stdint.h>

#define AUTH_CACHE_TTL_MS	5000	/* a verified credential is trusted this long */
#define AUTH_MAX_SKEW_S		300	/* signed request timestamps */

struct oz_app;
struct oz_req;

struct oz_client {
	char	id[64];
	int	require_signature;
	int	disabled;
	int64_t	rate_limit;	/* 0: the configured default */
	int64_t	rate_burst;
};

/*
 * Authenticate r (whose body, if any, is already read). On success sets
 * r->client_id and fills *client; returns 0. Otherwise -1 with r->err set
 * (UNAUTHORIZED, or SERVICE_UNAVAILABLE when the database is down).
 */
int	auth_request(struct oz_app *app, struct oz_req *r, struct oz_client *client);
/* Forget expired signatures of signed requests, at most once a minute per worker. */
void	auth_purge(struct oz_app *app);
/* Forget cached credentials (tests). */
void	auth_cache_clear(void);

#endif
