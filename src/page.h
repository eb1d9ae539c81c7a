/*
 * page.h: cursor pagination, one helper for every list (DESIGN §2): limit
 * 1..50 (default 10), newest first by (created_at, id), opaque cursors bound
 * to the client and the query so they cannot be replayed elsewhere.
 */
#ifndef OZ_PAGE_H
#define OZ_PAGE_H

#include <libpq-fe.h>
#include <stdint.h>

#include "db.h"
#include "oz_limits.h"

struct json_object;
struct oz_app;
struct oz_req;

#define PAGE_DEFAULT_LIMIT	10
#define PAGE_MAX_LIMIT		50

struct page {
	int64_t	 limit;
	int	 has_cursor;
	char	 ts[24];		/* cursor position as text params, or "" */
	char	 id[OZ_ID_MAX];
	char	 limit_plus_one[24];	/* the LIMIT to ask the database for */
	char	 scope[512];
};

/*
 * Read limit and cursor from r's query for the list named by scope (which
 * must include the client id and any filters). 0, or -1 with VALIDATION_ERROR.
 */
int	page_begin(struct oz_app *app, struct oz_req *r, const char *scope, struct page *p);
/* SQL params for the cursor: NULL when there is none (first page). */
const char *page_ts_param(const struct page *p);
const char *page_id_param(const struct page *p);
/*
 * Render the list: items holds up to limit+1 rendered rows (the extra one
 * only says there is more and is dropped); last_ts/last_id are the cursor
 * columns of the last row kept. Takes ownership of items.
 */
int	page_finish(struct oz_app *app, struct oz_req *r, struct page *p,
	    struct json_object *items, const char *last_ts, const char *last_id);

/* Renders one row of a list query as a JSON object. */
typedef struct json_object *(*page_row_fn)(PGresult *res, int row);
/*
 * page_finish for a query that asked for limit+1 rows: renders each row with
 * fn and takes the cursor from columns id_col and cursor_col of the last row
 * kept. Does not clear res.
 */
int	page_render(struct oz_app *app, struct oz_req *r, struct page *p, PGresult *res,
	    page_row_fn fn, int id_col, int cursor_col);

/*
 * A page of one user's list, the shape several resources share: resolve
 * r->params[0] (an external id is created on first use), read limit and
 * cursor for the scope "<list>|<client>|<user>", run stmt with (client,
 * user, cursor time, cursor id, limit + 1) and render the rows with fn.
 * 0/-1.
 */
int	page_user_list(struct oz_app *app, struct oz_req *r, const char *list,
	    enum db_stmt stmt, page_row_fn fn, int id_col, int cursor_col);

#endif
