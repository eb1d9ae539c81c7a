/* h_moves.c: money moves (the rules are svc_move's). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_moves.h"
#include "core/pool.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_move.h"

static struct json_object *
task_json(const struct move_task *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(t->id));
	json_object_object_add(o, "task_type", json_object_new_string(t->task_type));
	json_object_object_add(o, "title", json_object_new_string(t->title));
	json_object_object_add(o, "amount_cents", t->has_amount ?
	    json_object_new_int64(t->amount_cents) : NULL);
	json_object_object_add(o, "priority", json_object_new_int(t->priority));
	json_object_object_add(o, "status", json_object_new_string(t->status));
	json_object_object_add(o, "points_awarded", json_object_new_int(t->points_awarded));
	json_object_object_add(o, "completed_at", json_str_or_empty_null(t->completed_at));
	return o;
}

struct json_object *
money_move_json(const struct move_cycle *c)
{
	struct json_object *o = json_object_new_object(), *tasks = json_object_new_array();
	size_t	 i;

	for (i = 0; i < c->ntasks; i++)
		json_object_array_add(tasks, task_json(&c->tasks[i]));
	json_object_object_add(o, "id", json_object_new_string(c->id));
	json_object_object_add(o, "user_id", json_object_new_string(c->user_id));
	json_object_object_add(o, "plan_id", json_object_new_string(c->plan_id));
	json_object_object_add(o, "goal_id", json_str_or_empty_null(c->goal_id));
	json_object_object_add(o, "cycle_number", json_object_new_int(c->cycle_number));
	json_object_object_add(o, "cadence", json_object_new_string(c->cadence));
	json_object_object_add(o, "due_date", json_object_new_string(c->due_date));
	json_object_object_add(o, "status", json_object_new_string(c->status));
	json_object_object_add(o, "tasks", tasks);
	json_object_object_add(o, "completed_at", json_str_or_empty_null(c->completed_at));
	json_object_object_add(o, "created_at", json_object_new_string(c->created_at));
	json_object_object_add(o, "updated_at", json_object_new_string(c->updated_at));
	return o;
}

static struct json_object *
move_item(const void *row)
{
	return money_move_json(row);
}

/* A cycle struct is large: requests keep theirs in the pool. */
static struct move_cycle *
new_cycle(struct oz_req *r)
{
	struct move_cycle *c = pool_alloc(&r->pool, sizeof(*c));

	if (c == NULL)
		oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	return c;
}

int
h_moves_generate(struct oz_app *app, struct oz_req *r)
{
	struct move_cycle *c;
	struct svc	 s;

	if (r->json && v_known_fields(r, r->json, (const char *const[]){ NULL }) == -1)
		return v_done(r);
	if ((c = new_cycle(r)) == NULL)
		return -1;
	app_svc(app, r, &s);
	if (svc_move_generate(&s, r->params[0], c) == -1)
		return -1;
	return json_out_object(r, 201, "money_move", money_move_json(c));
}

int
h_moves_list(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { "status", NULL };
	static const char *const statuses[] = { "scheduled", "available", "completed",
	    "skipped", NULL };
	const char	*status = http_req_query(r, "status", NULL);
	struct move_cycle *rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (status && !v_is_one_of(status, statuses))
		oz_fail_detail(r, "status", "must be one of scheduled, available, completed, skipped");
	if (page_list_begin(app, r, "moves", filters, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_move_list(&s, r->params[0], status, &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), move_item,
	    PAGE_ROW_FIELDS(struct move_cycle), more);
}

int
h_moves_get(struct oz_app *app, struct oz_req *r)
{
	struct move_cycle *c;
	struct svc	 s;

	if ((c = new_cycle(r)) == NULL)
		return -1;
	app_svc(app, r, &s);
	if (svc_move_get(&s, r->params[0], r->params[1], c) == -1)
		return -1;
	return json_out_object(r, 200, "money_move", money_move_json(c));
}

int
h_moves_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "status", NULL };
	static const char *const settable[] = { "completed", "skipped", NULL };
	struct move_cycle *c;
	const char	*status = NULL;
	struct svc	 s;

	v_known_fields(r, r->json, allowed);
	if (v_enum(r, r->json, "status", settable, &status, NULL) == 0)
		oz_fail_detail(r, "status", "is required (completed or skipped)");
	if (v_done(r) == -1 || (c = new_cycle(r)) == NULL)
		return -1;
	app_svc(app, r, &s);
	if (svc_move_close(&s, r->params[0], r->params[1], status, c) == -1)
		return -1;
	return json_out_object(r, 200, "money_move", money_move_json(c));
}

int
h_moves_task_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "status", NULL };
	static const char *const settable[] = { "done", "skipped", "pending", NULL };
	struct json_object *o;
	struct move_task t;
	const char	*status = NULL;
	struct svc	 s;
	int64_t		 points;

	v_known_fields(r, r->json, allowed);
	if (v_enum(r, r->json, "status", settable, &status, NULL) == 0)
		oz_fail_detail(r, "status", "is required (done, skipped or pending)");
	if (v_done(r) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_move_task(&s, r->params[0], r->params[1], r->params[2], status, &t,
	    &points) == -1)
		return -1;
	o = task_json(&t);
	json_object_object_add(o, "money_move_id", json_object_new_string(r->params[1]));
	if (points >= 0)
		json_object_object_add(o, "user_points", json_object_new_int64(points));
	return json_out_object(r, 200, "money_move_task", o);
}
