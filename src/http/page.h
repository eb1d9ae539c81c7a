/*
 * page.h: cursor pagination on the wire, one helper for every list (DESIGN
 * §2): limit 1..50 (default 10), newest first by (created_at, id), opaque
 * cursors signed with the server key and bound to the client and the query,
 * so they cannot be replayed elsewhere. What the store reads is pos.
 */
#ifndef OZ_PAGE_H
#define OZ_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct json_field;
struct json_object;
struct oz_app;
struct oz_req;

#define PAGE_DEFAULT_LIMIT	10
#define PAGE_MAX_LIMIT		50

struct page {
	struct store_page pos;
	char		 scope[512];
};

/*
 * Read limit and cursor from r's query for the list named by scope (which
 * must include the client id and any filters). 0, or -1 with VALIDATION_ERROR.
 */
int	page_begin(struct oz_app *app, struct oz_req *r, const char *scope, struct page *p);
/*
 * The start every list shares: a query with only limit, cursor and the
 * NULL-terminated filters (NULL: none) in it, the cursor scope
 * "<list>|<client>|<the {user_id} as given>|<each filter's value>", limit and
 * cursor read (page_begin) and room for pg.limit rows of size bytes in r's
 * pool at *rows. Validate the filters' values first (details only): every
 * problem is then answered at once. 0, or -1 with VALIDATION_ERROR.
 */
int	page_list_begin(struct oz_app *app, struct oz_req *r, const char *list,
	    const char *const *filters, struct page *p, void **rows, size_t size);
/*
 * Answer the list: items (ownership taken) are the rows kept; when has_more,
 * next_cursor continues after the last of them, at (last_us, last_id). 0/-1.
 */
int	page_end(struct oz_app *app, struct oz_req *r, const struct page *p,
	    struct json_object *items, int has_more, int64_t last_us, const char *last_id);

/* Renders one row of a list as a new JSON object. */
typedef struct json_object *(*page_item_fn)(const void *row);
/*
 * page_end for n rows of size bytes: each rendered with item, the cursor
 * taken from the last row's id and cursor_us fields (at id_off and
 * cursor_off; PAGE_ROW_FIELDS gives both for a row type).
 */
int	page_answer(struct oz_app *app, struct oz_req *r, const struct page *p,
	    const void *rows, size_t n, size_t size, page_item_fn item, size_t id_off,
	    size_t cursor_off, int has_more);
/*
 * page_answer with each row rendered by its fields (json_io.h), straight
 * into the response: the same bytes, without a json-c object for each row.
 */
int	page_answer_fields(struct oz_app *app, struct oz_req *r, const struct page *p,
	    const void *rows, size_t n, size_t size, const struct json_field *f, size_t nf,
	    size_t id_off, size_t cursor_off, int has_more);
#define PAGE_ROW_FIELDS(type)	offsetof(type, id), offsetof(type, cursor_us)

#endif
