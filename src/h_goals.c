/* h_goals.c: goals with cadence, progress and one active primary goal. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "h_goals.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "num.h"
#include "page.h"
#include "validate.h"

#define MAX_MONEY_CENTS	100000000000000LL	/* 10^12 major units */

enum { G_ID, G_USER, G_TYPE, G_NAME, G_TARGET, G_START, G_CURRENT, G_DATE, G_CADENCE,
	G_NEXT, G_STATUS, G_PRIMARY, G_CREATED, G_UPDATED, G_CURSOR };

static const char *const goal_types[] = { "savings", "debt_payoff", "investment", "debt", NULL };
static const char *const cadences[] = { "weekly", "biweekly", "twice_monthly", "monthly", NULL };

static struct json_object *
goal_json(PGresult *res, int row)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_str_or_null(db_col(res, row, G_ID)));
	json_object_object_add(o, "user_id", json_str_or_null(db_col(res, row, G_USER)));
	json_object_object_add(o, "goal_type", json_str_or_null(db_col(res, row, G_TYPE)));
	json_object_object_add(o, "goal_name", json_str_or_null(db_col(res, row, G_NAME)));
	json_object_object_add(o, "target_amount", json_decimal(db_col(res, row, G_TARGET)));
	json_object_object_add(o, "starting_amount", json_decimal(db_col(res, row, G_START)));
	json_object_object_add(o, "current_amount", json_decimal(db_col(res, row, G_CURRENT)));
	json_object_object_add(o, "target_date", json_str_or_null(db_col(res, row, G_DATE)));
	json_object_object_add(o, "cadence", json_str_or_null(db_col(res, row, G_CADENCE)));
	json_object_object_add(o, "next_move_date", json_str_or_null(db_col(res, row, G_NEXT)));
	json_object_object_add(o, "status", json_str_or_null(db_col(res, row, G_STATUS)));
	json_object_object_add(o, "is_primary",
	    json_object_new_boolean(PQgetvalue(res, row, G_PRIMARY)[0] == 't'));
	json_object_object_add(o, "created_at", json_str_or_null(db_col(res, row, G_CREATED)));
	json_object_object_add(o, "updated_at", json_str_or_null(db_col(res, row, G_UPDATED)));
	return o;
}

/* "is_primary": true/false/absent -> "t"/"f"/NULL; -1 on another type. */
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

static const char *
canonical_type(const char *t)
{
	return t && strcmp(t, "debt") == 0 ? "debt_payoff" : t;
}

/* A user's goal write that makes a goal primary demotes the others first. */
static int
write_goal(struct oz_app *app, struct oz_req *r, const char *user, const char *goal_id,
    const char *primary, enum db_stmt stmt, int n, const char *const *params, int status)
{
	const char	*dp[3] = { r->client_id, user, goal_id };
	PGresult	*res;
	char		 state[8];
	int		 rc;

	if (db_begin(&app->db) == -1)
		return db_fail(&app->db, r);
	if (primary && strcmp(primary, "t") == 0) {
		if ((res = db_exec(&app->db, DB_GOAL_DEMOTE, 3, dp)) == NULL)
			goto fail;
		PQclear(res);
	}
	if ((res = db_exec(&app->db, stmt, n, params)) == NULL)
		goto fail;
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback(&app->db);
		return oz_fail(r, OZ_NOT_FOUND, "no such goal");
	}
	if (db_commit(&app->db) == -1) {
		PQclear(res);
		return db_fail(&app->db, r);
	}
	rc = json_out_object(r, status, "goal", goal_json(res, 0));
	PQclear(res);
	return rc;
fail:
	snprintf(state, sizeof(state), "%s", db_last_sqlstate(&app->db));
	if (strcmp(state, "23514") == 0 || strcmp(state, "23505") == 0) {
		db_rollback(&app->db);
		if (state[4] == '4')
			return oz_fail(r, OZ_VALIDATION_ERROR, "the goal's amounts are inconsistent");
		return oz_fail(r, OZ_CONFLICT, "another goal became primary at the same time; retry");
	}
	rc = db_fail(&app->db, r);
	db_rollback(&app->db);
	return rc;
}

int
h_goals_create(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "goal_type", "goal_name", "target_amount",
	    "starting_amount", "current_amount", "target_date", "cadence", "is_primary", NULL };
	struct json_object *o = r->json;
	const char	*type = NULL, *name = NULL, *date = NULL, *cadence = NULL, *primary;
	const char	*params[11];
	int64_t		 target = 0, start = 0, current = 0;
	int		 has_current;
	char		 user[OZ_ID_MAX], id[OZ_ID_MAX], defname[64];

	v_known_fields(r, o, allowed);
	if (v_enum(r, o, "goal_type", goal_types, &type, NULL) == 0)
		oz_fail_detail(r, "goal_type", "is required");
	v_string(r, o, "goal_name", 1, 100, &name, NULL);
	if (v_money(r, o, "target_amount", 1, MAX_MONEY_CENTS, &target, NULL) == 0)
		oz_fail_detail(r, "target_amount", "is required");
	v_money(r, o, "starting_amount", 0, MAX_MONEY_CENTS, &start, NULL);
	has_current = v_money(r, o, "current_amount", 0, MAX_MONEY_CENTS, &current, NULL) == 1;
	v_date(r, o, "target_date", &date, NULL);
	v_enum(r, o, "cadence", cadences, &cadence, NULL);
	read_primary(r, &primary);
	if (v_done(r) == -1)
		return -1;
	if (user_id_of(app, r, user, sizeof(user)) == -1)
		return -1;
	if (ids_new("ozz_goal", id, sizeof(id)) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
	type = canonical_type(type);
	if (name == NULL) {
		snprintf(defname, sizeof(defname), "%s goal",
		    strcmp(type, "savings") == 0 ? "Savings" :
		    strcmp(type, "investment") == 0 ? "Investment" : "Debt payoff");
		name = defname;
	}
	if (!has_current)
		current = start;
	params[0] = r->client_id;
	params[1] = id;
	params[2] = user;
	params[3] = type;
	params[4] = name;
	params[5] = db_money_param(r, target);
	params[6] = db_money_param(r, start);
	params[7] = db_money_param(r, current);
	params[8] = date;
	params[9] = cadence ? cadence : "monthly";
	params[10] = primary;
	return write_goal(app, r, user, id, primary, DB_GOAL_INSERT, 11, params, 201);
}

static int
goal_params(struct oz_app *app, struct oz_req *r, char *user, size_t ulen)
{
	if (!ids_valid("ozz_goal", r->params[1])) {
		if (user_id_of(app, r, user, ulen) == -1)
			return -1;
		return oz_fail(r, OZ_NOT_FOUND, "no such goal");
	}
	return user_id_of(app, r, user, ulen);
}

int
h_goals_get(struct oz_app *app, struct oz_req *r)
{
	const char	*params[3];
	char		 user[OZ_ID_MAX];
	PGresult	*res;
	int		 rc;

	if (goal_params(app, r, user, sizeof(user)) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = user;
	params[2] = r->params[1];
	if ((res = db_exec(&app->db, DB_GOAL_GET, 3, params)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return oz_fail(r, OZ_NOT_FOUND, "no such goal");
	}
	rc = json_out_object(r, 200, "goal", goal_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_goals_list(struct oz_app *app, struct oz_req *r)
{
	static const char *const statuses[] = { "active", "achieved", "archived", NULL };
	const char	*status = http_req_query(r, "status", NULL), *params[6];
	const char *const *s;
	char		 user[OZ_ID_MAX], scope[200];
	struct page	 pg;
	PGresult	*res;
	int		 rc;

	if (status != NULL) {
		for (s = statuses; *s && strcmp(*s, status) != 0; s++)
			;
		if (*s == NULL) {
			oz_fail_detail(r, "status", "must be one of active, achieved, archived");
			return oz_fail(r, OZ_VALIDATION_ERROR, "invalid filter");
		}
	}
	if (user_id_of(app, r, user, sizeof(user)) == -1)
		return -1;
	snprintf(scope, sizeof(scope), "goals|%s|%s|%s", r->client_id, user, status ? status : "");
	if (page_begin(app, r, scope, &pg) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = user;
	params[2] = status;
	params[3] = page_ts_param(&pg);
	params[4] = page_id_param(&pg);
	params[5] = pg.limit_plus_one;
	if ((res = db_exec(&app->db, DB_GOAL_LIST, 6, params)) == NULL)
		return db_fail(&app->db, r);
	rc = page_render(app, r, &pg, res, goal_json, G_ID, G_CURSOR);
	PQclear(res);
	return rc;
}

int
h_goals_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "goal_type", "goal_name", "target_amount",
	    "current_amount", "target_date", "cadence", "status", "is_primary", NULL };
	static const char *const settable[] = { "active", "archived", NULL };
	struct json_object *o = r->json;
	const char	*type = NULL, *name = NULL, *date = NULL, *cadence = NULL, *status = NULL;
	const char	*primary, *params[18];
	int64_t		 target = 0, current = 0;
	int		 has_target, has_current, date_null = 0, has_date;
	char		 user[OZ_ID_MAX];

	v_known_fields(r, o, allowed);
	v_enum(r, o, "goal_type", goal_types, &type, NULL);
	v_string(r, o, "goal_name", 1, 100, &name, NULL);
	has_target = v_money(r, o, "target_amount", 1, MAX_MONEY_CENTS, &target, NULL) == 1;
	has_current = v_money(r, o, "current_amount", 0, MAX_MONEY_CENTS, &current, NULL) == 1;
	has_date = v_date(r, o, "target_date", &date, &date_null) == 1 || date_null;
	v_enum(r, o, "cadence", cadences, &cadence, NULL);
	if (v_enum(r, o, "status", settable, &status, NULL) == -1)
		r->err.details[r->err.ndetails - 1].value =
		    "must be active or archived (achieved follows from the amounts)";
	if (read_primary(r, &primary) == 1 && strcmp(primary, "t") == 0 && status &&
	    strcmp(status, "archived") == 0)
		oz_fail_detail(r, "is_primary", "an archived goal cannot be primary");
	if (v_done(r) == -1)
		return -1;
	if (goal_params(app, r, user, sizeof(user)) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = user;
	params[2] = r->params[1];
	params[3] = type ? "t" : "f";
	params[4] = canonical_type(type);
	params[5] = name ? "t" : "f";
	params[6] = name;
	params[7] = has_target ? "t" : "f";
	params[8] = has_target ? db_money_param(r, target) : NULL;
	params[9] = has_current ? "t" : "f";
	params[10] = has_current ? db_money_param(r, current) : NULL;
	params[11] = has_date ? "t" : "f";
	params[12] = date;
	params[13] = cadence ? "t" : "f";
	params[14] = cadence;
	params[15] = status ? "t" : "f";
	params[16] = status;
	params[17] = primary;
	return write_goal(app, r, user, r->params[1], primary, DB_GOAL_UPDATE, 18, params, 200);
}

int
h_goals_delete(struct oz_app *app, struct oz_req *r)
{
	const char	*params[3];
	char		 user[OZ_ID_MAX];

	if (goal_params(app, r, user, sizeof(user)) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = user;
	params[2] = r->params[1];
	return db_delete_or_404(&app->db, r, DB_GOAL_DELETE, 3, params, "goal");
}
