/* page.c: the list envelope and its cursors (page.h). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "core/ids.h"
#include "core/num.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"

int
page_begin(struct oz_app *app, struct oz_req *r, const char *scope, struct page *p)
{
	const char	*lim = http_req_query(r, "limit", NULL);
	const char	*cur = http_req_query(r, "cursor", NULL);
	const char	*errstr;
	char		 msg[96];
	size_t		 filter_problems = r->err.ndetails;	/* the list's filters' */

	memset(p, 0, sizeof(*p));
	p->pos.limit = PAGE_DEFAULT_LIMIT;
	snprintf(p->scope, sizeof(p->scope), "%s", scope);
	if (lim != NULL &&
	    num_parse_i64z(lim, 1, PAGE_MAX_LIMIT, &p->pos.limit, &errstr) == -1) {
		snprintf(msg, sizeof(msg), "must be an integer from 1 to %d", PAGE_MAX_LIMIT);
		oz_fail_detail(r, "limit", msg);
	}
	if (cur != NULL) {
		if (cursor_decode(app->key, sizeof(app->key), p->scope, cur, &p->pos.after_us,
		    p->pos.after_id, sizeof(p->pos.after_id)) == -1)
			oz_fail_detail(r, "cursor",
			    "is not a cursor of this list (use pagination.next_cursor as given)");
		else
			p->pos.has_after = 1;
	}
	if (r->err.ndetails > 0)
		return oz_fail(r, OZ_VALIDATION_ERROR, filter_problems > 0 ?
		    "invalid query parameters" : "invalid pagination parameters");
	return 0;
}

int
page_list_begin(struct oz_app *app, struct oz_req *r, const char *list,
    const char *const *filters, struct page *p, void **rows, size_t size)
{
	const char	*known[OZ_MAX_QUERY_PARAMS];
	const char	*v;
	char		 scope[sizeof(p->scope)];
	size_t		 n = 0, len;

	len = (size_t)snprintf(scope, sizeof(scope), "%s|%s|%.200s", list,
	    r->client_id ? r->client_id : "", r->params[0] ? r->params[0] : "");
	for (; filters && *filters && n < OZ_MAX_QUERY_PARAMS - 3; filters++) {
		known[n++] = *filters;
		v = http_req_query(r, *filters, NULL);
		if (len < sizeof(scope))
			len += (size_t)snprintf(scope + len, sizeof(scope) - len, "|%.100s",
			    v ? v : "");
	}
	known[n++] = "limit";
	known[n++] = "cursor";
	known[n] = NULL;
	v_known_query(r, known);
	if (page_begin(app, r, scope, p) == -1)
		return -1;
	if ((*rows = pool_alloc(&r->pool, size * (size_t)p->pos.limit)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	return 0;
}

/* The next page's cursor into cursor (OZ_CURSOR_MAX + 1), "" when none. 0/-1. */
static int
next_cursor(struct oz_app *app, const struct page *p, int has_more, int64_t last_us,
    const char *last_id, char *cursor)
{
	cursor[0] = '\0';
	if (!has_more)
		return 0;
	if (last_id == NULL)
		return -1;
	return cursor_encode(app->key, sizeof(app->key), p->scope, last_us, last_id, cursor,
	    OZ_CURSOR_MAX + 1);
}

int
page_end(struct oz_app *app, struct oz_req *r, const struct page *p,
    struct json_object *items, int has_more, int64_t last_us, const char *last_id)
{
	char	 cursor[OZ_CURSOR_MAX + 1];

	if (items == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the list");
	if (next_cursor(app, p, has_more, last_us, last_id, cursor) == -1) {
		json_object_put(items);
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make a cursor");
	}
	if (json_out_list(r, items, has_more, has_more ? cursor : NULL) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the list");
	return 0;
}

int
page_answer_fields(struct oz_app *app, struct oz_req *r, const struct page *p,
    const void *rows, size_t n, size_t size, const struct json_field *f, size_t nf,
    size_t id_off, size_t cursor_off, int has_more)
{
	const char	*last = n ? (const char *)rows + (n - 1) * size : NULL;
	int64_t		 last_us = 0;
	char		 cursor[OZ_CURSOR_MAX + 1];

	if (last != NULL)
		memcpy(&last_us, last + cursor_off, sizeof(last_us));
	if (next_cursor(app, p, has_more, last_us, last ? last + id_off : NULL, cursor) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make a cursor");
	if (json_out_list_fields(r, rows, n, size, f, nf, has_more,
	    has_more ? cursor : NULL) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the list");
	return 0;
}

int
page_answer(struct oz_app *app, struct oz_req *r, const struct page *p, const void *rows,
    size_t n, size_t size, page_item_fn item, size_t id_off, size_t cursor_off, int has_more)
{
	struct json_object *items = json_object_new_array();
	const char	*last = n ? (const char *)rows + (n - 1) * size : NULL;
	int64_t		 last_us = 0;
	size_t		 i;

	for (i = 0; i < n; i++)
		json_object_array_add(items, item((const char *)rows + i * size));
	if (last != NULL)
		memcpy(&last_us, last + cursor_off, sizeof(last_us));
	return page_end(app, r, p, items, has_more, last_us, last ? last + id_off : NULL);
}
