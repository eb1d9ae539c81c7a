/* h_goals.c: goals with cadence, progress and one active primary goal. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_goals.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_contrib.h"
#include "service/svc_goal.h"

#define MAX_MONEY_CENTS	100000000000000LL	/* 10^12 major units */

static const char *const goal_types[] = { "savings", "debt_payoff", "investment", "debt", NULL };
static const char *const cadences[] = { "weekly", "biweekly", "twice_monthly", "monthly", NULL };

static struct json_object *
goal_json(const struct goal *g)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(g->id));
	json_object_object_add(o, "user_id", json_object_new_string(g->user_id));
	json_object_object_add(o, "goal_type", json_object_new_string(g->goal_type));
	json_object_object_add(o, "goal_name", json_object_new_string(g->goal_name));
	json_object_object_add(o, "target_amount", json_money(g->target_amount, 2));
	json_object_object_add(o, "starting_amount", json_money(g->starting_amount, 2));
	json_object_object_add(o, "current_amount", json_money(g->current_amount, 2));
	json_object_object_add(o, "target_date", json_str_or_empty_null(g->target_date));
	json_object_object_add(o, "cadence", json_object_new_string(g->cadence));
	json_object_object_add(o, "next_move_date", json_str_or_empty_null(g->next_move_date));
	json_object_object_add(o, "status", json_object_new_string(g->status));
	json_object_object_add(o, "is_primary", json_object_new_boolean(g->is_primary));
	json_object_object_add(o, "created_at", json_object_new_string(g->created_at));
	json_object_object_add(o, "updated_at", json_object_new_string(g->updated_at));
	return o;
}

static struct json_object *
goal_item(const void *row)
{
	return goal_json(row);
}

/* "is_primary": true/false/absent -> "t"/"f"/NULL; a detail on another type. */
static int
read_primary(struct oz_req *r, const char **out)
{
	struct json_object *v;

	*out = NULL;
	if (!json_object_object_get_ex(r->json, "is_primary", &v) || v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_boolean)) {
		oz_fail_detail(r, "is_primary", "must be true or false");
		return -1;
	}
	*out = json_object_get_boolean(v) ? "t" : "f";
	return 1;
}

int
h_goals_create(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "goal_type", "goal_name", "target_amount",
	    "starting_amount", "current_amount", "target_date", "cadence", "is_primary", NULL };
	struct json_object *o = r->json;
	struct goal_fields f;
	struct goal	 g;
	struct svc	 s;

	memset(&f, 0, sizeof(f));
	v_known_fields(r, o, allowed);
	if (v_enum(r, o, "goal_type", goal_types, &f.goal_type, NULL) == 0)
		oz_fail_detail(r, "goal_type", "is required");
	v_string(r, o, "goal_name", 1, 100, &f.goal_name, NULL);
	if (v_money(r, o, "target_amount", 1, MAX_MONEY_CENTS, &f.target_amount, NULL) == 0)
		oz_fail_detail(r, "target_amount", "is required");
	v_money(r, o, "starting_amount", 0, MAX_MONEY_CENTS, &f.starting_amount, NULL);
	f.has_current = v_money(r, o, "current_amount", 0, MAX_MONEY_CENTS, &f.current_amount,
	    NULL) == 1;
	v_date(r, o, "target_date", &f.target_date, NULL);
	v_enum(r, o, "cadence", cadences, &f.cadence, NULL);
	read_primary(r, &f.primary);
	if (v_done(r) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_goal_create(&s, r->params[0], &f, &g) == -1)
		return -1;
	return json_out_object(r, 201, "goal", goal_json(&g));
}

int
h_goals_get(struct oz_app *app, struct oz_req *r)
{
	struct goal	 g;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_goal_get(&s, r->params[0], r->params[1], &g) == -1)
		return -1;
	return json_out_object(r, 200, "goal", goal_json(&g));
}

int
h_goals_list(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { "status", NULL };
	static const char *const statuses[] = { "active", "achieved", "archived", NULL };
	const char	*status = http_req_query(r, "status", NULL);
	struct goal	*rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (status != NULL && !v_is_one_of(status, statuses))
		oz_fail_detail(r, "status", "must be one of active, achieved, archived");
	if (page_list_begin(app, r, "goals", filters, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_goal_list(&s, r->params[0], status, &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), goal_item,
	    PAGE_ROW_FIELDS(struct goal), more);
}

int
h_goals_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "goal_type", "goal_name", "target_amount",
	    "current_amount", "target_date", "cadence", "status", "is_primary", NULL };
	static const char *const settable[] = { "active", "archived", NULL };
	struct json_object *o = r->json;
	struct goal_fields f;
	struct goal	 g;
	struct svc	 s;
	int		 date_null = 0;

	memset(&f, 0, sizeof(f));
	v_known_fields(r, o, allowed);
	f.has_type = v_enum(r, o, "goal_type", goal_types, &f.goal_type, NULL) == 1;
	f.has_name = v_string(r, o, "goal_name", 1, 100, &f.goal_name, NULL) == 1;
	f.has_target = v_money(r, o, "target_amount", 1, MAX_MONEY_CENTS, &f.target_amount,
	    NULL) == 1;
	f.has_current = v_money(r, o, "current_amount", 0, MAX_MONEY_CENTS, &f.current_amount,
	    NULL) == 1;
	f.has_date = v_date(r, o, "target_date", &f.target_date, &date_null) == 1 || date_null;
	f.has_cadence = v_enum(r, o, "cadence", cadences, &f.cadence, NULL) == 1;
	if (v_enum(r, o, "status", settable, &f.status, NULL) == -1)
		r->err.details[r->err.ndetails - 1].message =
		    "must be active or archived (achieved follows from the amounts)";
	f.has_status = f.status != NULL;
	if (read_primary(r, &f.primary) == 1 && strcmp(f.primary, "t") == 0 && f.status &&
	    strcmp(f.status, "archived") == 0)
		oz_fail_detail(r, "is_primary", "an archived goal cannot be primary");
	if (v_done(r) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_goal_update(&s, r->params[0], r->params[1], &f, &g) == -1)
		return -1;
	return json_out_object(r, 200, "goal", goal_json(&g));
}

int
h_goals_delete(struct oz_app *app, struct oz_req *r)
{
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_goal_delete(&s, r->params[0], r->params[1]) == -1)
		return -1;
	return http_no_content(r);
}

static struct json_object *
contrib_json(const void *row)
{
	const struct goal_contrib *c = row;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(c->id));
	json_object_object_add(o, "goal_id", json_object_new_string(c->goal_id));
	json_object_object_add(o, "user_id", json_object_new_string(c->user_id));
	json_object_object_add(o, "amount", json_money(c->amount, 2));
	json_object_object_add(o, "source", json_object_new_string(c->source));
	json_object_object_add(o, "source_id", json_object_new_string(c->source_id));
	json_object_object_add(o, "money_move_id", json_str_or_empty_null(c->money_move_id));
	json_object_object_add(o, "created_at", json_object_new_string(c->created_at));
	return o;
}

int
h_goals_contributions(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { "source", NULL };
	static const char *const sources[] = { "task", "transaction", NULL };
	const char	*source = http_req_query(r, "source", NULL);
	struct goal_contrib *rows;
	struct page	 pg;
	struct svc	 s;
	char		 list[96];
	size_t		 n;
	int		 more;

	if (source != NULL && !v_is_one_of(source, sources))
		oz_fail_detail(r, "source", "must be one of task, transaction");
	/* a cursor belongs to one goal's list */
	snprintf(list, sizeof(list), "contribs:%.64s", r->params[1]);
	if (page_list_begin(app, r, list, filters, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_contrib_list(&s, r->params[0], r->params[1], source, &pg.pos, rows, &n,
	    &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), contrib_json,
	    PAGE_ROW_FIELDS(struct goal_contrib), more);
}
