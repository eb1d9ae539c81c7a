/* page.c: the list envelope and its cursors. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "num.h"
#include "page.h"

int
page_begin(struct oz_app *app, struct oz_req *r, const char *scope, struct page *p)
{
	const char	*lim = http_req_query(r, "limit", NULL);
	const char	*cur = http_req_query(r, "cursor", NULL);
	const char	*errstr;
	int64_t		 ts;
	char		 msg[96];

	memset(p, 0, sizeof(*p));
	p->limit = PAGE_DEFAULT_LIMIT;
	snprintf(p->scope, sizeof(p->scope), "%s", scope);
	if (lim != NULL &&
	    num_parse_i64z(lim, 1, PAGE_MAX_LIMIT, &p->limit, &errstr) == -1) {
		snprintf(msg, sizeof(msg), "must be an integer from 1 to %d", PAGE_MAX_LIMIT);
		oz_fail_detail(r, "limit", msg);
	}
	if (cur != NULL) {
		if (cursor_decode(app->key, sizeof(app->key), p->scope, cur, &ts, p->id,
		    sizeof(p->id)) == -1)
			oz_fail_detail(r, "cursor",
			    "is not a cursor of this list (use pagination.next_cursor as given)");
		else {
			p->has_cursor = 1;
			snprintf(p->ts, sizeof(p->ts), "%lld", (long long)ts);
		}
	}
	if (r->err.ndetails > 0)
		return oz_fail(r, OZ_VALIDATION_ERROR, "invalid pagination parameters");
	snprintf(p->limit_plus_one, sizeof(p->limit_plus_one), "%lld",
	    (long long)p->limit + 1);
	return 0;
}

const char *
page_ts_param(const struct page *p)
{
	return p->has_cursor ? p->ts : NULL;
}

const char *
page_id_param(const struct page *p)
{
	return p->has_cursor ? p->id : NULL;
}

int
page_finish(struct oz_app *app, struct oz_req *r, struct page *p,
    struct json_object *items, const char *last_ts, const char *last_id)
{
	char		 cursor[OZ_CURSOR_MAX + 1];
	const char	*errstr;
	int64_t		 ts;
	int		 has_more = 0;

	if ((int64_t)json_object_array_length(items) > p->limit) {
		has_more = 1;
		json_object_array_del_idx(items, (size_t)p->limit, 1);
	}
	cursor[0] = '\0';
	if (has_more && (last_ts == NULL || last_id == NULL ||
	    num_parse_i64z(last_ts, 0, INT64_MAX, &ts, &errstr) == -1 ||
	    cursor_encode(app->key, sizeof(app->key), p->scope, ts, last_id, cursor,
	    sizeof(cursor)) == -1)) {
		json_object_put(items);
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make a cursor");
	}
	return json_out_list(r, items, has_more, has_more ? cursor : NULL);
}

int
page_render(struct oz_app *app, struct oz_req *r, struct page *p, PGresult *res,
    page_row_fn fn, int id_col, int cursor_col)
{
	struct json_object *items = json_object_new_array();
	int	 n = PQntuples(res), i, last;

	for (i = 0; i < n; i++)
		json_object_array_add(items, fn(res, i));
	last = n > p->limit ? (int)p->limit - 1 : n - 1;
	return page_finish(app, r, p, items,
	    last >= 0 ? PQgetvalue(res, last, cursor_col) : NULL,
	    last >= 0 ? PQgetvalue(res, last, id_col) : NULL);
}

int
page_user_list(struct oz_app *app, struct oz_req *r, const char *list, enum db_stmt stmt,
    page_row_fn fn, int id_col, int cursor_col)
{
	const char	*params[5];
	char		 user[OZ_ID_MAX], scope[200];
	struct page	 pg;
	PGresult	*res;
	int		 rc;

	if (user_id_of(app, r, user, sizeof(user)) == -1)
		return -1;
	snprintf(scope, sizeof(scope), "%s|%s|%s", list, r->client_id, user);
	if (page_begin(app, r, scope, &pg) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = user;
	params[2] = page_ts_param(&pg);
	params[3] = page_id_param(&pg);
	params[4] = pg.limit_plus_one;
	if ((res = db_exec(&app->db, stmt, 5, params)) == NULL)
		return db_fail(&app->db, r);
	rc = page_render(app, r, &pg, res, fn, id_col, cursor_col);
	PQclear(res);
	return rc;
}
