/*
 * app.h: one request through the application: route, size and media checks,
 * body, JSON, handler, error rendering, access log. The FastCGI worker and the
 * tests drive it the same way.
 */
#ifndef OZ_APP_H
#define OZ_APP_H

#include <stddef.h>

#include "conf.h"
#include "db.h"

struct oz_req;
struct oz_route;

struct oz_app {
	struct oz_config	*cfg;
	struct oz_db		 db;
	unsigned char		 key[32];	/* derived from secret_key, or random */
	const char		*name;		/* pool name, for logs */
	const struct oz_route	*routes;	/* oz_routes, or a test table */
	int			 batch;		/* answers may wait (app_query) */
};

/* Reads up to n body bytes into p; returns bytes read, 0 at end, -1 on error. */
typedef long (*app_body_reader)(void *ctx, char *p, size_t n);

/* Set up app from cfg (which it borrows); no connection yet. 0/-1. */
int	app_init(struct oz_app *app, struct oz_config *cfg, const char *name);
void	app_free(struct oz_app *app);
/*
 * Handle r, whose method, URI, headers, content type and length are set.
 * The body is read through reader only once the route and the length check
 * allow it. Returns 0 when r->resp holds the full response, or 1 when the
 * answer waits for a shared database round trip (only with app->batch set):
 * the caller then runs r->defer.stmt and passes its result to app_complete.
 */
int	app_handle(struct oz_app *app, struct oz_req *r, app_body_reader reader,
	    void *ctx);
/*
 * Finish a request app_handle left waiting, with its statement's result (which
 * it PQclears), or NULL to run the statement now, on its own.
 */
void	app_complete(struct oz_app *app, struct oz_req *r, PGresult *res);

/* Builds r's response from a statement's result; must not PQclear it. 0/-1. */
typedef int (*app_answer)(struct oz_app *app, struct oz_req *r, PGresult *res);
/*
 * The end of a handler whose answer needs one read-only statement without
 * parameters: "return app_query(app, r, stmt, answer);". In a worker that
 * batches (app->batch), a GET or HEAD waits for the worker's next round trip,
 * shared by every request that waits with it (libpq pipeline mode), and
 * app_query returns 1; otherwise the statement runs at once.
 */
int	app_query(struct oz_app *app, struct oz_req *r, enum db_stmt stmt,
	    app_answer answer);

#endif
