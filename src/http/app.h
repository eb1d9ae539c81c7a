/*
 * app.h: one request through the application: route, size and media checks,
 * body, JSON, handler, error rendering, access log. The FastCGI worker and the
 * tests drive it the same way.
 */
#ifndef OZ_APP_H
#define OZ_APP_H

#include <stddef.h>
#include <stdint.h>

#include "core/conf.h"
#include "store/db.h"

struct oz_req;
struct oz_route;
struct svc;

struct oz_app {
	struct oz_config	*cfg;
	struct oz_db		 db;
	struct oz_db		 rdb;		/* database_read_url: analytics read here */
	int			 has_rdb;
	unsigned char		 key[32];	/* derived from secret_key, or random */
	unsigned char		 cred_key[32];	/* hashes client secrets (secret_hash_key) */
	int			 cred_keyed;	/* cred_key is from a configured secret_key */
	const char		*name;		/* pool name, for logs */
	const struct oz_route	*routes;	/* api/routes.c oz_routes, or a test table */
};

/* Bytes a document's body may carry beside the document (JSON, multipart headers). */
#define APP_DOC_ENVELOPE	(64 * 1024)

/* Reads up to n body bytes into p; returns bytes read, 0 at end, -1 on error. */
typedef long (*app_body_reader)(void *ctx, char *p, size_t n);

/*
 * The service context of r: app's connection and configuration, r's pool,
 * its client (authenticated) and its error. Valid while r is.
 */
void	app_svc(struct oz_app *app, struct oz_req *r, struct svc *s);

/*
 * app_svc for a read that may be served by the replica (database_read_url):
 * the replica's connection when one is configured, else the primary's.
 */
void	app_svc_read(struct oz_app *app, struct oz_req *r, struct svc *s);

/* Set up app from cfg (which it borrows) to serve routes; no connection yet. 0/-1. */
int	app_init(struct oz_app *app, struct oz_config *cfg, const char *name,
	    const struct oz_route *routes);
void	app_free(struct oz_app *app);
/*
 * Handle r, whose method, URI, headers, content type and length are set.
 * The body is read through reader only once the route and the length check
 * allow it. r->resp then holds the full response (or the stream was sent).
 */
void	app_handle(struct oz_app *app, struct oz_req *r, app_body_reader reader,
	    void *ctx);

/*
 * The largest body a route takes with this Content-Type: max_json_body,
 * or on a document route max_document_body (raw), that and its envelope
 * (multipart), or 4/3 of it and its envelope (JSON, base64).
 */
int64_t	app_body_limit(const struct oz_config *cfg, int document_route,
	    const char *content_type);

#endif
