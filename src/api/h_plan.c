/*
 * h_plan.c: plans. A plan is the stored document the service made; the
 * latest one (and a new one) shows the user's current money-move cycle.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_moves.h"
#include "api/h_plan.h"
#include "core/pool.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_plan.h"

/* The stored document (NULL if it cannot be read). */
static struct json_object *
plan_json(const struct plan_row *p)
{
	return json_tokener_parse(p->body);
}

static int
answer(struct oz_req *r, int status, const struct plan_view *v)
{
	struct json_object *o = plan_json(&v->plan);

	if (o == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "unreadable stored plan");
	if (v->has_cycle)
		json_object_object_add(o, "money_moves", money_move_json(&v->cycle));
	return json_out_object(r, status, "plan", o);
}

int
h_plan_create(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "personality_type", NULL };
	struct plan_view *v;
	const char	*personality = NULL;
	struct svc	 s;

	if (r->json) {
		v_known_fields(r, r->json, allowed);
		v_string(r, r->json, "personality_type", 1, 40, &personality, NULL);
		if (v_done(r) == -1)
			return -1;
	}
	if ((v = pool_alloc(&r->pool, sizeof(*v))) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	app_svc(app, r, &s);
	if (svc_plan_generate(&s, r->params[0], personality, v) == -1)
		return -1;
	return answer(r, 201, v);
}

int
h_plan_latest(struct oz_app *app, struct oz_req *r)
{
	struct plan_view *v;
	struct svc	 s;

	if ((v = pool_alloc(&r->pool, sizeof(*v))) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	app_svc(app, r, &s);
	if (svc_plan_latest(&s, r->params[0], v) == -1)
		return -1;
	return answer(r, 200, v);
}

static struct json_object *
plan_item(const void *row)
{
	return plan_json(row);
}

int
h_plan_history(struct oz_app *app, struct oz_req *r)
{
	struct plan_row	*rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (page_list_begin(app, r, "plans", NULL, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_plan_history(&s, r->params[0], &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), plan_item,
	    PAGE_ROW_FIELDS(struct plan_row), more);
}
