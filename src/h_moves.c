/*
 * h_moves.c: money moves. Each cycle, on the goal's cadence, holds a "do"
 * task (the plan's monthly amount split by cadence), a "learn" task and a
 * "mind" task from the lessons library. Marking tasks done awards points
 * once, in the same transaction, under a row lock.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "db.h"
#include "finance.h"
#include "h_moves.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "lessons.h"
#include "num.h"
#include "page.h"
#include "validate.h"

enum { M_ID, M_USER, M_PLAN, M_GOAL, M_NUMBER, M_CADENCE, M_DUE, M_STATUS, M_COMPLETED,
	M_CREATED, M_UPDATED, M_CURSOR, M_TASKS };
enum { G_ID, G_USER, G_TYPE, G_NAME, G_TARGET, G_START, G_CURRENT, G_DATE, G_CADENCE,
	G_NEXT };
enum { P_ID, P_BODY, P_CURSOR, P_MOVE };

struct json_object *
money_move_json(PGresult *res, int row)
{
	struct json_object *o = json_object_new_object(), *tasks;
	const char	*errstr;
	int64_t		 number = 0;

	tasks = json_tokener_parse(PQgetvalue(res, row, M_TASKS));
	if (tasks == NULL || !json_object_is_type(tasks, json_type_array)) {
		json_object_put(tasks);
		json_object_put(o);
		return NULL;
	}
	(void)num_parse_i64z(PQgetvalue(res, row, M_NUMBER), 0, INT32_MAX, &number, &errstr);
	json_object_object_add(o, "id", json_str_or_null(db_col(res, row, M_ID)));
	json_object_object_add(o, "user_id", json_str_or_null(db_col(res, row, M_USER)));
	json_object_object_add(o, "plan_id", json_str_or_null(db_col(res, row, M_PLAN)));
	json_object_object_add(o, "goal_id", json_str_or_null(db_col(res, row, M_GOAL)));
	json_object_object_add(o, "cycle_number", json_object_new_int64(number));
	json_object_object_add(o, "cadence", json_str_or_null(db_col(res, row, M_CADENCE)));
	json_object_object_add(o, "due_date", json_str_or_null(db_col(res, row, M_DUE)));
	json_object_object_add(o, "status", json_str_or_null(db_col(res, row, M_STATUS)));
	json_object_object_add(o, "tasks", tasks);
	json_object_object_add(o, "completed_at", json_str_or_null(db_col(res, row, M_COMPLETED)));
	json_object_object_add(o, "created_at", json_str_or_null(db_col(res, row, M_CREATED)));
	json_object_object_add(o, "updated_at", json_str_or_null(db_col(res, row, M_UPDATED)));
	return o;
}

static unsigned
user_seed(const char *id)
{
	unsigned h = 2166136261u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

/* Answer with one cycle, fresh from the database. */
static int
answer_cycle(struct oz_app *app, struct oz_req *r, const char *user, const char *id,
    int status)
{
	const char	*params[3] = { r->client_id, user, id };
	struct json_object *o;
	PGresult	*res;

	if ((res = db_exec(&app->db, DB_MM_GET, 3, params)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return oz_fail(r, OZ_NOT_FOUND, "no such money move");
	}
	o = money_move_json(res, 0);
	PQclear(res);
	if (o == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "unreadable money move");
	return json_out_object(r, status, "money_move", o);
}

struct new_cycle {
	char	 id[OZ_ID_MAX], number[24], due[11], cadence[16], goal_id[OZ_ID_MAX];
	char	 goal_name[128], plan_id[OZ_ID_MAX];
	int64_t	 monthly_cents;
	int	 has_goal;
};

/* The plan, the goal and the last cycle say what the next cycle is. */
static int
plan_next(struct oz_app *app, struct oz_req *r, const struct user_ref *u, struct new_cycle *c)
{
	const char	*params[2] = { r->client_id, u->id }, *errstr, *lp[3];
	char		 today[11];
	PGresult	*res;
	int64_t		 last = 0;
	time_t		 now = time(NULL);
	struct tm	 tm;

	memset(c, 0, sizeof(*c));
	if ((res = db_exec(&app->db, DB_PLAN_LATEST, 2, params)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) == 0) {
		PQclear(res);
		return oz_fail(r, OZ_PLAN_REQUIRED,
		    "this user has no plan yet: POST …/plan before generating money moves");
	}
	snprintf(c->plan_id, sizeof(c->plan_id), "%s", PQgetvalue(res, 0, P_ID));
	(void)num_parse_i64z(PQgetvalue(res, 0, P_MOVE), 0, INT64_MAX, &c->monthly_cents, &errstr);
	PQclear(res);

	if ((res = db_exec(&app->db, DB_GOAL_PRIMARY, 2, params)) == NULL)
		return db_fail(&app->db, r);
	snprintf(c->cadence, sizeof(c->cadence), "monthly");
	gmtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	snprintf(c->due, sizeof(c->due), "%s", today);
	if ((c->has_goal = PQntuples(res) == 1)) {
		snprintf(c->goal_id, sizeof(c->goal_id), "%s", PQgetvalue(res, 0, G_ID));
		snprintf(c->goal_name, sizeof(c->goal_name), "%s", PQgetvalue(res, 0, G_NAME));
		snprintf(c->cadence, sizeof(c->cadence), "%s", PQgetvalue(res, 0, G_CADENCE));
		snprintf(c->due, sizeof(c->due), "%s", PQgetvalue(res, 0, G_NEXT));
	}
	PQclear(res);

	lp[0] = r->client_id;
	lp[1] = u->id;
	lp[2] = c->cadence;
	if ((res = db_exec(&app->db, DB_MM_LAST, 3, lp)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) == 1) {
		/* the cycle after the last one, on the cadence */
		(void)num_parse_i64z(PQgetvalue(res, 0, 0), 0, INT32_MAX - 1, &last, &errstr);
		snprintf(c->due, sizeof(c->due), "%s", PQgetvalue(res, 0, 1));
	}
	PQclear(res);
	snprintf(c->number, sizeof(c->number), "%lld", (long long)last + 1);
	return ids_new("ozz_mm", c->id, sizeof(c->id)) == -1 ?
	    oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id") : 0;
}

static int
insert_task(struct oz_app *app, struct oz_req *r, const struct user_ref *u,
    const struct new_cycle *c, const char *type, const char *title, const char *amount,
    const char *priority)
{
	char		 id[OZ_ID_MAX];
	const char	*params[8];
	PGresult	*res;

	if (ids_new("ozz_task", id, sizeof(id)) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
	params[0] = r->client_id;
	params[1] = id;
	params[2] = c->id;
	params[3] = u->id;
	params[4] = type;
	params[5] = title;
	params[6] = amount;
	params[7] = priority;
	if ((res = db_exec(&app->db, DB_MM_INSERT_TASK, 8, params)) == NULL)
		return db_fail(&app->db, r);
	PQclear(res);
	return 0;
}

int
h_moves_generate(struct oz_app *app, struct oz_req *r)
{
	struct new_cycle c;
	struct user_ref	 u;
	const char	*params[8], *errstr;
	char		 title[256], amount[24];
	int64_t		 n = 1, cycle_cents;
	unsigned	 seed;
	PGresult	*res;

	if (r->json && v_known_fields(r, r->json, (const char *const[]){ NULL }) == -1)
		return v_done(r);
	if (user_ref_of(app, r, &u, 1) == -1 || plan_next(app, r, &u, &c) == -1)
		return -1;
	(void)num_parse_i64z(c.number, 1, INT32_MAX, &n, &errstr);
	seed = user_seed(u.id);
	if ((cycle_cents = finance_cycle_amount(c.monthly_cents, c.cadence)) < 0)
		cycle_cents = 0;	/* an amount the engine cannot split: nothing to move */
	snprintf(amount, sizeof(amount), "%lld", (long long)cycle_cents);
	if (lesson_do_title(cycle_cents, u.currency, u.language,
	    c.has_goal ? c.goal_name : NULL, title, sizeof(title)) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot word the task");
	if (db_begin(&app->db) == -1)
		return db_fail(&app->db, r);
	params[0] = r->client_id;
	params[1] = c.id;
	params[2] = u.id;
	params[3] = c.plan_id;
	params[4] = c.has_goal ? c.goal_id : NULL;
	params[5] = c.number;
	params[6] = c.cadence;
	params[7] = c.due;
	if ((res = db_exec(&app->db, DB_MM_INSERT_CYCLE, 8, params)) == NULL) {
		if (strcmp(db_last_sqlstate(&app->db), "23505") == 0) {
			db_rollback(&app->db);
			return oz_fail(r, OZ_CONFLICT, "another cycle was generated at the same time; retry");
		}
		db_fail(&app->db, r);
		db_rollback(&app->db);
		return -1;
	}
	PQclear(res);
	if (insert_task(app, r, &u, &c, "do", title, amount, "1") == -1 ||
	    insert_task(app, r, &u, &c, "learn",
	    lesson_learn((unsigned)(n - 1), seed, u.language), NULL, "2") == -1 ||
	    insert_task(app, r, &u, &c, "mind",
	    lesson_mind((unsigned)(n - 1), seed, u.language), NULL, "3") == -1) {
		db_rollback(&app->db);
		return -1;
	}
	if (c.has_goal) {
		const char *gp[4] = { r->client_id, u.id, c.goal_id, c.due };

		if ((res = db_exec(&app->db, DB_GOAL_ADVANCE, 4, gp)) == NULL) {
			db_fail(&app->db, r);
			db_rollback(&app->db);
			return -1;
		}
		PQclear(res);
	}
	if (db_commit(&app->db) == -1)
		return db_fail(&app->db, r);
	return answer_cycle(app, r, u.id, c.id, 201);
}

static const char *const cycle_statuses[] = { "scheduled", "available", "completed",
	"skipped", NULL };

int
h_moves_list(struct oz_app *app, struct oz_req *r)
{
	const char	*status = http_req_query(r, "status", NULL), *params[6];
	const char *const *s;
	char		 scope[200];
	struct user_ref	 u;
	struct page	 pg;
	PGresult	*res;
	int		 rc;

	if (status) {
		for (s = cycle_statuses; *s && strcmp(*s, status) != 0; s++)
			;
		if (*s == NULL) {
			oz_fail_detail(r, "status",
			    "must be one of scheduled, available, completed, skipped");
			return oz_fail(r, OZ_VALIDATION_ERROR, "invalid filter");
		}
	}
	if (user_ref_of(app, r, &u, 1) == -1)
		return -1;
	snprintf(scope, sizeof(scope), "moves|%s|%s|%s", r->client_id, u.id, status ? status : "");
	if (page_begin(app, r, scope, &pg) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = status;
	params[3] = page_ts_param(&pg);
	params[4] = page_id_param(&pg);
	params[5] = pg.limit_plus_one;
	if ((res = db_exec(&app->db, DB_MM_LIST, 6, params)) == NULL)
		return db_fail(&app->db, r);
	rc = page_render(app, r, &pg, res, money_move_json, M_ID, M_CURSOR);
	PQclear(res);
	return rc;
}

/* The user and a cycle id of theirs. */
static int
move_target(struct oz_app *app, struct oz_req *r, struct user_ref *u)
{
	if (user_ref_of(app, r, u, 1) == -1)
		return -1;
	if (!ids_valid("ozz_mm", r->params[1]))
		return oz_fail(r, OZ_NOT_FOUND, "no such money move");
	return 0;
}

int
h_moves_get(struct oz_app *app, struct oz_req *r)
{
	struct user_ref u;

	if (move_target(app, r, &u) == -1)
		return -1;
	return answer_cycle(app, r, u.id, r->params[1], 200);
}

int
h_moves_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "status", NULL };
	static const char *const settable[] = { "completed", "skipped", NULL };
	const char	*status = NULL, *params[4];
	struct user_ref	 u;
	PGresult	*res;
	int		 n;

	v_known_fields(r, r->json, allowed);
	if (v_enum(r, r->json, "status", settable, &status, NULL) == 0)
		oz_fail_detail(r, "status", "is required (completed or skipped)");
	if (v_done(r) == -1 || move_target(app, r, &u) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = r->params[1];
	params[3] = status;
	if ((res = db_exec(&app->db, DB_MM_SET_STATUS, 4, params)) == NULL)
		return db_fail(&app->db, r);
	n = PQntuples(res);
	if (n == 1 && strcmp(PQgetvalue(res, 0, 0), "scheduled") != 0 &&
	    strcmp(PQgetvalue(res, 0, 0), status) != 0) {
		PQclear(res);
		return oz_fail(r, OZ_CONFLICT, "this money move is already closed");
	}
	PQclear(res);
	if (n != 1)
		return oz_fail(r, OZ_NOT_FOUND, "no such money move");
	return answer_cycle(app, r, u.id, r->params[1], 200);
}

static int
task_points(const char *type)
{
	return strcmp(type, "do") == 0 ? POINTS_DO :
	    strcmp(type, "learn") == 0 ? POINTS_LEARN : POINTS_MIND;
}

/* Answer with the task as it now is, and the user's points. */
static int
answer_task(struct oz_app *app, struct oz_req *r, const char *user, int64_t points)
{
	const char	*params[3] = { r->client_id, user, r->params[1] };
	struct json_object *cycle, *tasks, *t, *found = NULL;
	PGresult	*res;
	size_t		 i;

	if ((res = db_exec(&app->db, DB_MM_GET, 3, params)) == NULL)
		return db_fail(&app->db, r);
	cycle = PQntuples(res) == 1 ? money_move_json(res, 0) : NULL;
	PQclear(res);
	if (cycle == NULL)
		return oz_fail(r, OZ_NOT_FOUND, "no such money move");
	tasks = json_object_object_get(cycle, "tasks");
	for (i = 0; i < json_object_array_length(tasks); i++) {
		t = json_object_array_get_idx(tasks, i);
		if (strcmp(json_object_get_string(json_object_object_get(t, "id")), r->params[2]) == 0)
			found = json_object_get(t);
	}
	json_object_put(cycle);
	if (found == NULL)
		return oz_fail(r, OZ_NOT_FOUND, "no such task");
	json_object_object_add(found, "money_move_id", json_object_new_string(r->params[1]));
	if (points >= 0)
		json_object_object_add(found, "user_points", json_object_new_int64(points));
	return json_out_object(r, 200, "money_move_task", found);
}

int
h_moves_task_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "status", NULL };
	static const char *const settable[] = { "done", "skipped", NULL };
	const char	*status = NULL, *params[6], *errstr;
	char		 pts[16], type[16], current[16];
	struct user_ref	 u;
	PGresult	*res;
	int64_t		 points = -1;
	int		 award = 0, bonus = 0, skipped_cycle;

	v_known_fields(r, r->json, allowed);
	if (v_enum(r, r->json, "status", settable, &status, NULL) == 0)
		oz_fail_detail(r, "status", "is required (done or skipped)");
	if (v_done(r) == -1 || move_target(app, r, &u) == -1)
		return -1;
	if (!ids_valid("ozz_task", r->params[2]))
		return oz_fail(r, OZ_NOT_FOUND, "no such task");
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = r->params[1];
	params[3] = r->params[2];
	if (db_begin(&app->db) == -1)
		return db_fail(&app->db, r);
	if ((res = db_exec(&app->db, DB_TASK_LOCK, 4, params)) == NULL)
		goto dbfail;
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback(&app->db);
		return oz_fail(r, OZ_NOT_FOUND, "no such task");
	}
	snprintf(type, sizeof(type), "%s", PQgetvalue(res, 0, 0));
	snprintf(current, sizeof(current), "%s", PQgetvalue(res, 0, 1));
	skipped_cycle = strcmp(PQgetvalue(res, 0, 2), "skipped") == 0;
	PQclear(res);
	if (strcmp(current, status) == 0) {	/* marking twice changes nothing */
		db_rollback(&app->db);
		return answer_task(app, r, u.id, -1);
	}
	if (strcmp(current, "done") == 0) {
		db_rollback(&app->db);
		return oz_fail(r, OZ_CONFLICT, "this task is done; it cannot be skipped now");
	}
	if (skipped_cycle) {
		db_rollback(&app->db);
		return oz_fail(r, OZ_CONFLICT, "this money move was skipped; its tasks are closed");
	}
	if (strcmp(status, "done") == 0) {
		const char *ap[4];
		char	 base[16], first[16];

		snprintf(base, sizeof(base), "%d", task_points(type));
		snprintf(first, sizeof(first), "%d", POINTS_FIRST_BONUS);
		ap[0] = r->client_id;
		ap[1] = u.id;
		ap[2] = base;
		ap[3] = first;
		if ((res = db_exec(&app->db, DB_USER_AWARD, 4, ap)) == NULL)
			goto dbfail;
		(void)num_parse_i64z(PQgetvalue(res, 0, 0), 0, INT64_MAX, &points, &errstr);
		bonus = PQgetvalue(res, 0, 1)[0] == 't';
		PQclear(res);
		award = task_points(type) + (bonus ? POINTS_FIRST_BONUS : 0);
	}
	snprintf(pts, sizeof(pts), "%d", award);
	params[4] = status;
	params[5] = pts;
	if ((res = db_exec(&app->db, DB_TASK_SET, 6, params)) == NULL)
		goto dbfail;
	PQclear(res);
	if (db_commit(&app->db) == -1)
		return db_fail(&app->db, r);
	return answer_task(app, r, u.id, points);
dbfail:
	db_fail(&app->db, r);
	db_rollback(&app->db);
	return -1;
}
