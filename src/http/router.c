/* router.c: match decoded path segments against route patterns. */
#include "config.h"

#include <string.h>

#include "core/buf.h"
#include "http/http.h"
#include "http/router.h"

/*
 * 1 if pattern matches r's segments; captures go to params (up to
 * OZ_MAX_ROUTE_PARAMS), the rest of params is NULL.
 */
static int
pattern_match(const char *pattern, const struct oz_req *r, const char **params)
{
	const char *p = pattern;
	size_t	 seg = 0, np = 0;

	memset(params, 0, OZ_MAX_ROUTE_PARAMS * sizeof(*params));
	while (*p == '/') {
		const char *end;
		size_t	 len;

		p++;
		end = strchr(p, '/');
		len = end ? (size_t)(end - p) : strlen(p);
		if (seg >= r->nsegments)
			return 0;
		if (len >= 2 && p[0] == '{' && p[len - 1] == '}') {
			if (r->segments[seg][0] == '\0' || np == OZ_MAX_ROUTE_PARAMS)
				return 0;
			params[np++] = r->segments[seg];
		} else if (strlen(r->segments[seg]) != len ||
		    memcmp(r->segments[seg], p, len) != 0)
			return 0;
		seg++;
		p += len;
	}
	return seg == r->nsegments;
}

const struct oz_route *
router_match(const struct oz_route *routes, struct oz_req *r)
{
	const struct oz_route *rt;
	const char	*params[OZ_MAX_ROUTE_PARAMS];
	const char	*method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
	struct buf	 allow;
	int		 path_found = 0;

	for (rt = routes; rt->method; rt++) {
		if (!pattern_match(rt->pattern, r, params))
			continue;
		path_found = 1;
		if (strcmp(rt->method, method) == 0) {
			memcpy(r->params, params, sizeof(params));
			return rt;
		}
	}
	if (!path_found) {
		oz_fail(r, OZ_NOT_FOUND, "no such resource");
		return NULL;
	}
	buf_init(&allow, 256);
	for (rt = routes; rt->method; rt++) {
		if (!pattern_match(rt->pattern, r, params) || strstr(buf_str(&allow), rt->method))
			continue;
		if (allow.len)
			buf_puts(&allow, ", ");
		buf_puts(&allow, rt->method);
		if (strcmp(rt->method, "GET") == 0)
			buf_puts(&allow, ", HEAD");
	}
	r->err.allow = pool_strdup(&r->pool, buf_str(&allow));
	buf_free(&allow);
	oz_fail(r, OZ_METHOD_NOT_ALLOWED, "this method is not allowed on this resource");
	return NULL;
}
