/* h_users.h: the users resource (DESIGN §4) and user_id resolution. */
#ifndef OZ_H_USERS_H
#define OZ_H_USERS_H

#include <libpq-fe.h>
#include <stddef.h>

struct oz_app;
struct oz_req;

/*
 * Resolve a {user_id} path parameter of r's client: an Ozzie id, or
 * "external:<external_user_id>", which creates the user on first use when
 * create is set. Returns the user's row (USER_COLS order; caller PQclears),
 * or NULL with r->err set (NOT_FOUND, VALIDATION_ERROR, 503…).
 */
PGresult *user_resolve(struct oz_app *app, struct oz_req *r, const char *param, int create);

/* user_resolve of r->params[0] (creating external ids), keeping only the id. 0/-1. */
int	user_id_of(struct oz_app *app, struct oz_req *r, char *id, size_t idlen);

/* What other resources need of their user. */
struct user_ref {
	char	id[64];
	char	language[4];
	char	currency[4];
};
/* user_resolve of r->params[0] into u, creating an external id when create. 0/-1. */
int	user_ref_of(struct oz_app *app, struct oz_req *r, struct user_ref *u, int create);

int	h_users_create(struct oz_app *app, struct oz_req *r);
int	h_users_list(struct oz_app *app, struct oz_req *r);
int	h_users_get(struct oz_app *app, struct oz_req *r);
int	h_users_update(struct oz_app *app, struct oz_req *r);
int	h_users_delete(struct oz_app *app, struct oz_req *r);

#endif
