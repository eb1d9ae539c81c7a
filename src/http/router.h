/* router.h: a table of (method, path pattern) -> handler. */
#ifndef OZ_ROUTER_H
#define OZ_ROUTER_H

struct oz_req;
struct oz_app;

typedef int (*oz_handler)(struct oz_app *app, struct oz_req *r);

enum route_flags {
	ROUTE_PUBLIC	= 1 << 0,	/* no authentication */
	ROUTE_JSON	= 1 << 1,	/* body is a JSON object (415 otherwise) */
	ROUTE_DOCUMENT	= 1 << 2,	/* body may be a document: larger limit */
	ROUTE_BODY_OPTIONAL = 1 << 3,	/* with ROUTE_JSON: an empty body is fine (r->json NULL) */
};

struct oz_route {
	const char	*method;	/* "GET", "POST", … */
	const char	*pattern;	/* "/v1/users/{user_id}": {x} captures a segment */
	oz_handler	 handler;
	unsigned	 flags;
};

/*
 * Find the route for r's method and decoded segments in the NULL-terminated
 * table. HEAD matches GET routes. On a match, fills r->params with the
 * captures in order and returns the route. Otherwise returns NULL with r->err
 * set: NOT_FOUND, or METHOD_NOT_ALLOWED with r->err.allow listing the methods.
 */
const struct oz_route *router_match(const struct oz_route *routes, struct oz_req *r);

#endif
