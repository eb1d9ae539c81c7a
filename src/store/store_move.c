/* store_move.c: the money_move_cycles and money_move_tasks tables (store_move.h). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "core/pool.h"
#include "store/store.h"
#include "store/store_move.h"

/* A cycle's status as read: scheduled becomes available once it is due. */
#define MM_STATUS "CASE WHEN c.status = 'scheduled' AND c.due_date <= current_date" \
	" THEN 'available' ELSE c.status END"

#define MOVE_COLUMNS(X) \
	X(M_ID, "c.id") \
	X(M_USER, "c.user_id") \
	X(M_PLAN, "c.plan_id") \
	X(M_GOAL, "c.goal_id") \
	X(M_NUMBER, "c.cycle_number::text") \
	X(M_CADENCE, "c.cadence") \
	X(M_DUE, "c.due_date::text") \
	X(M_STATUS, MM_STATUS) \
	X(M_COMPLETED, STORE_US("c.completed_at")) \
	X(M_CREATED, STORE_US("c.created_at")) \
	X(M_UPDATED, STORE_US("c.updated_at")) \
	X(M_TASKS, "coalesce((SELECT json_agg(json_build_object('id', t.id, 'task_type'," \
	    " t.task_type, 'title', t.title, 'amount_cents', t.amount_cents, 'priority'," \
	    " t.priority, 'status', t.status, 'points_awarded', t.points_awarded," \
	    " 'completed_at', " STORE_TS_TEXT("t.completed_at") ") ORDER BY t.priority)" \
	    " FROM money_move_tasks t WHERE t.client_id = c.client_id AND t.cycle_id = c.id)," \
	    " '[]')::text")

enum { MOVE_COLUMNS(STORE_COL_ENUM) M_NCOLS };
#define MOVE_COLS MOVE_COLUMNS(STORE_COL_SQL) "1"

/*
 * The last cycle's number, and when the next one falls due on cadence $3.
 * Monthly cycles count months from the first of the run of monthly cycles
 * the last one ends (f: the cycle after the last one on another cadence),
 * so a cycle due on the 31st comes back to the 31st after a short month
 * instead of drifting, and a change of cadence starts a run of its own.
 */
static struct db_stmt mm_last = { "mm_last",
	"SELECT l.cycle_number::text, (CASE WHEN $3 = 'monthly' AND l.cadence = 'monthly'"
	" THEN coalesce((f.due_date + (l.cycle_number - f.cycle_number + 1)"
	" * interval '1 month')::date, ozzie_next_move_date($3, l.due_date))"
	" ELSE ozzie_next_move_date($3, l.due_date) END)::text"
	" FROM money_move_cycles l LEFT JOIN money_move_cycles f ON f.client_id = l.client_id"
	" AND f.user_id = l.user_id AND f.cycle_number = (SELECT coalesce(max(o.cycle_number),"
	" 0) + 1 FROM money_move_cycles o WHERE o.client_id = l.client_id"
	" AND o.user_id = l.user_id AND o.cadence <> 'monthly')"
	" WHERE l.client_id = $1 AND l.user_id = $2 ORDER BY l.cycle_number DESC LIMIT 1", 1, 0 };
static struct db_stmt mm_insert_cycle = { "mm_insert_cycle",
	"INSERT INTO money_move_cycles (client_id, id, user_id, plan_id, goal_id,"
	" cycle_number, cadence, due_date) VALUES ($1, $2, $3, $4, $5, $6::integer, $7,"
	" $8::date)", 0, 0 };
static struct db_stmt mm_insert_task = { "mm_insert_task",
	"INSERT INTO money_move_tasks (client_id, id, cycle_id, user_id, task_type, title,"
	" amount_cents, priority) VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, $8::integer)", 0, 0 };
static struct db_stmt mm_get = { "mm_get",
	"SELECT " MOVE_COLS " FROM money_move_cycles c WHERE c.client_id = $1"
	" AND c.user_id = " STORE_USER("$2") " AND c.id = $3", 1, 0 };
static struct db_stmt mm_current = { "mm_current",
	"SELECT " MOVE_COLS " FROM money_move_cycles c WHERE c.client_id = $1"
	" AND c.user_id = $2 ORDER BY c.cycle_number DESC LIMIT 1", 1, 0 };
static struct db_stmt mm_open = { "mm_open",
	"SELECT " MOVE_COLS " FROM money_move_cycles c WHERE c.client_id = $1"
	" AND c.user_id = $2 ORDER BY c.status <> 'scheduled', CASE WHEN c.status = 'scheduled'"
	" THEN c.cycle_number END, c.cycle_number DESC LIMIT 1", 1, 0 };
static struct db_stmt mm_list = { "mm_list",
	"SELECT " MOVE_COLS " FROM money_move_cycles c WHERE c.client_id = $1"
	" AND c.user_id = " STORE_USER("$2")
	" AND ($3::text IS NULL OR " MM_STATUS " = $3)"
	" AND " STORE_BEFORE("c.created_at", "c.id", "$4", "$5")
	" ORDER BY c.created_at DESC, c.id DESC LIMIT $6::integer", 1, 0 };
/* Every client's cycles that came due: the jobd sweep (store_move_release_due). */
static struct db_stmt mm_release = { "mm_release",
	"WITH d AS (SELECT client_id, id FROM money_move_cycles WHERE status = 'scheduled'"
	" AND released_at IS NULL AND due_date <= current_date ORDER BY due_date, id"
	" LIMIT $1::integer FOR UPDATE SKIP LOCKED)"
	" UPDATE money_move_cycles c SET released_at = clock_timestamp() FROM d, users u"
	" WHERE c.client_id = d.client_id AND c.id = d.id AND u.client_id = c.client_id"
	" AND u.id = c.user_id AND c.released_at IS NULL"
	" RETURNING c.client_id, c.user_id, u.external_user_id, c.id, c.cycle_number::text,"
	" c.due_date::text, coalesce((SELECT json_agg(json_build_object('task_type', t.task_type,"
	" 'title', t.title, 'amount_cents', t.amount_cents) ORDER BY t.priority)"
	" FROM money_move_tasks t WHERE t.client_id = c.client_id AND t.cycle_id = c.id),"
	" '[]')::text", 0, 0 };
/* completed and skipped are final: a closed cycle only "changes" to itself */
static struct db_stmt mm_close = { "mm_close",
	"WITH c AS (SELECT id, status FROM money_move_cycles WHERE client_id = $1"
	" AND user_id = $2 AND id = $3 FOR UPDATE),"
	" u AS (UPDATE money_move_cycles m SET status = $4, updated_at = clock_timestamp(),"
	" completed_at = CASE WHEN $4 = 'completed' THEN clock_timestamp() ELSE NULL END"
	" FROM c WHERE m.client_id = $1 AND m.id = c.id AND c.status = 'scheduled' RETURNING m.id)"
	" SELECT c.status FROM c", 0, 0 };
/* Marking a task happens under this row lock: two PATCHes award once. */
static struct db_stmt task_lock = { "task_lock",
	"SELECT t.task_type, t.status, c.status, coalesce(t.amount_cents, 0)::text,"
	" t.points_awarded::text, coalesce(c.goal_id, '') FROM money_move_tasks t"
	" JOIN money_move_cycles c ON c.client_id = t.client_id AND c.id = t.cycle_id"
	" WHERE t.client_id = $1 AND t.user_id = $2 AND t.cycle_id = $3 AND t.id = $4"
	" FOR UPDATE OF t", 0, 0 };
static struct db_stmt task_set = { "task_set",
	"UPDATE money_move_tasks SET status = $5, points_awarded = $6::integer,"
	" completed_at = CASE WHEN $5 = 'done' THEN clock_timestamp() ELSE NULL END"
	" WHERE client_id = $1 AND user_id = $2 AND cycle_id = $3 AND id = $4", 0, 0 };
/* The first completion's bonus, once: the user row is the lock. */
static struct db_stmt user_award = { "user_award",
	"WITH old AS (SELECT first_completion_at IS NULL AS first FROM users"
	" WHERE client_id = $1 AND id = $2 FOR UPDATE)"
	" UPDATE users u SET points = u.points + $3::integer"
	" + CASE WHEN old.first THEN $4::integer ELSE 0 END,"
	" first_completion_at = coalesce(u.first_completion_at, clock_timestamp()),"
	" updated_at = clock_timestamp() FROM old WHERE u.client_id = $1 AND u.id = $2"
	" RETURNING u.points::text, old.first", 0, 0 };
/* An undone task's points go back; the bonus it held may be earned again. */
static struct db_stmt user_unaward = { "user_unaward",
	"UPDATE users SET points = greatest(points - $3::integer, 0),"
	" first_completion_at = CASE WHEN $4::boolean THEN NULL ELSE first_completion_at END,"
	" updated_at = clock_timestamp() WHERE client_id = $1 AND id = $2"
	" RETURNING points::text", 0, 0 };
static struct db_stmt user_points = { "user_points",
	"SELECT points::text FROM users WHERE client_id = $1 AND id = $2", 1, 0 };

/* The tasks' JSON array (built by the database from our own rows) into c. */
static int
decode_tasks(struct store *st, const char *text, struct move_cycle *c)
{
	struct json_object *arr = json_tokener_parse(text), *t, *v;
	size_t	 i, n;

	if (arr == NULL || !json_object_is_type(arr, json_type_array)) {
		json_object_put(arr);
		return -1;
	}
	n = json_object_array_length(arr);
	for (i = 0; i < n && c->ntasks < MOVE_MAX_TASKS; i++) {
		struct move_task *k = &c->tasks[c->ntasks++];

		t = json_object_array_get_idx(arr, i);
		if (json_object_object_get_ex(t, "id", &v))
			snprintf(k->id, sizeof(k->id), "%s", json_object_get_string(v));
		if (json_object_object_get_ex(t, "task_type", &v))
			snprintf(k->task_type, sizeof(k->task_type), "%s", json_object_get_string(v));
		k->title = json_object_object_get_ex(t, "title", &v) ?
		    pool_strdup(st->pool, json_object_get_string(v)) : NULL;
		if (json_object_object_get_ex(t, "amount_cents", &v) && v != NULL) {
			k->has_amount = 1;
			k->amount_cents = json_object_get_int64(v);
		}
		if (json_object_object_get_ex(t, "priority", &v))
			k->priority = json_object_get_int(v);
		if (json_object_object_get_ex(t, "status", &v))
			snprintf(k->status, sizeof(k->status), "%s", json_object_get_string(v));
		if (json_object_object_get_ex(t, "points_awarded", &v))
			k->points_awarded = json_object_get_int(v);
		if (json_object_object_get_ex(t, "completed_at", &v) && v != NULL)
			snprintf(k->completed_at, sizeof(k->completed_at), "%s",
			    json_object_get_string(v));
		if (k->title == NULL) {
			json_object_put(arr);
			return -1;
		}
	}
	json_object_put(arr);
	return 0;
}

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct move_cycle *c = out;

	memset(c, 0, sizeof(*c));
	store_copy(c->id, sizeof(c->id), res, row, M_ID);
	store_copy(c->user_id, sizeof(c->user_id), res, row, M_USER);
	store_copy(c->plan_id, sizeof(c->plan_id), res, row, M_PLAN);
	store_copy(c->goal_id, sizeof(c->goal_id), res, row, M_GOAL);
	c->cycle_number = (int)store_i64(res, row, M_NUMBER);
	store_copy(c->cadence, sizeof(c->cadence), res, row, M_CADENCE);
	store_copy(c->due_date, sizeof(c->due_date), res, row, M_DUE);
	store_copy(c->status, sizeof(c->status), res, row, M_STATUS);
	store_ts(c->completed_at, sizeof(c->completed_at), res, row, M_COMPLETED);
	store_ts(c->created_at, sizeof(c->created_at), res, row, M_CREATED);
	store_ts(c->updated_at, sizeof(c->updated_at), res, row, M_UPDATED);
	c->cursor_us = store_i64(res, row, M_CREATED);
	return decode_tasks(st, PQgetvalue(res, row, M_TASKS), c);
}

int
store_move_last(struct store *st, const char *user, const char *cadence, int *number,
    char next_due[11])
{
	const char	*params[3] = { st->client, user, cadence };
	PGresult	*res;

	*number = 0;
	next_due[0] = '\0';
	if ((res = db_run(st->db, &mm_last, 3, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		*number = (int)store_i64(res, 0, 0);
		store_copy(next_due, 11, res, 0, 1);
	}
	PQclear(res);
	return 0;
}

int
store_move_insert(struct store *st, const struct move_cycle *c)
{
	const char	*params[8] = { st->client, c->id, c->user_id, c->plan_id,
	    c->goal_id[0] ? c->goal_id : NULL, store_int_param(st, c->cycle_number), c->cadence,
	    c->due_date };
	size_t		 i;

	if (store_exec(st, &mm_insert_cycle, 8, params, NULL) == -1)
		return -1;
	for (i = 0; i < c->ntasks; i++) {
		const struct move_task *t = &c->tasks[i];
		const char *tp[8] = { st->client, t->id, c->id, c->user_id, t->task_type, t->title,
		    t->has_amount ? store_int_param(st, t->amount_cents) : NULL,
		    store_int_param(st, t->priority) };

		if (store_exec(st, &mm_insert_task, 8, tp, NULL) == -1)
			return -1;
	}
	return 0;
}

int
store_move_get(struct store *st, const char *user, const char *id, struct move_cycle *out)
{
	const char *params[3] = { st->client, user, id };

	return store_one(st, &mm_get, 3, params, decode, out);
}

int
store_move_current(struct store *st, const char *user, struct move_cycle *out)
{
	const char *params[2] = { st->client, user };

	return store_one(st, &mm_current, 2, params, decode, out);
}

int
store_move_open(struct store *st, const char *user, struct move_cycle *out)
{
	const char *params[2] = { st->client, user };

	return store_one(st, &mm_open, 2, params, decode, out);
}

int
store_move_list(struct store *st, const char *user, const char *status,
    const struct store_page *pg, struct move_cycle *rows, size_t *n, int *has_more)
{
	const char *filter[2] = { user, status };

	return store_list(st, &mm_list, filter, 2, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_move_close(struct store *st, const char *user, const char *id, const char *status,
    char was[12])
{
	const char	*params[4] = { st->client, user, id, status };
	PGresult	*res;
	int		 rc = 0;

	if ((res = db_run(st->db, &mm_close, 4, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		store_copy(was, 12, res, 0, 0);
		rc = 1;
	}
	PQclear(res);
	return rc;
}

static int
decode_lock(struct store *st, PGresult *res, int row, void *out)
{
	struct move_task_lock *l = out;

	(void)st;
	store_copy(l->task_type, sizeof(l->task_type), res, row, 0);
	store_copy(l->status, sizeof(l->status), res, row, 1);
	store_copy(l->cycle_status, sizeof(l->cycle_status), res, row, 2);
	l->amount_cents = store_i64(res, row, 3);
	l->points_awarded = (int)store_i64(res, row, 4);
	store_copy(l->goal_id, sizeof(l->goal_id), res, row, 5);
	return 0;
}

int
store_move_task_lock(struct store *st, const char *user, const char *cycle, const char *task,
    struct move_task_lock *out)
{
	const char *params[4] = { st->client, user, cycle, task };

	return store_one(st, &task_lock, 4, params, decode_lock, out);
}

int
store_move_task_set(struct store *st, const char *user, const char *cycle, const char *task,
    const char *status, int points)
{
	const char *params[6] = { st->client, user, cycle, task, status,
	    store_int_param(st, points) };

	return store_exec(st, &task_set, 6, params, NULL);
}

int
store_move_award(struct store *st, const char *user, int points, int bonus, int64_t *total,
    int *got_bonus)
{
	const char	*params[4] = { st->client, user, store_int_param(st, points),
	    store_int_param(st, bonus) };
	PGresult	*res;
	int		 rc = -1;

	if ((res = db_run(st->db, &user_award, 4, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		*total = store_i64(res, 0, 0);
		*got_bonus = store_bool(res, 0, 1);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

int
store_move_unaward(struct store *st, const char *user, int points, int first, int64_t *total)
{
	const char	*params[4] = { st->client, user, store_int_param(st, points),
	    first ? "t" : "f" };
	PGresult	*res;
	int		 rc = -1;

	if ((res = db_run(st->db, &user_unaward, 4, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1) {
		*total = store_i64(res, 0, 0);
		rc = 0;
	}
	PQclear(res);
	return rc;
}

int
store_move_points(struct store *st, const char *user, int64_t *points)
{
	const char	*params[2] = { st->client, user };
	PGresult	*res;

	*points = 0;
	if ((res = db_run(st->db, &user_points, 2, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		*points = store_i64(res, 0, 0);
	PQclear(res);
	return 0;
}

static int
decode_release(struct store *st, PGresult *res, int row, void *out)
{
	struct move_release *r = out;

	memset(r, 0, sizeof(*r));
	store_copy(r->client, sizeof(r->client), res, row, 0);
	store_copy(r->user_id, sizeof(r->user_id), res, row, 1);
	r->external_user_id = store_text(st, res, row, 2);
	store_copy(r->id, sizeof(r->id), res, row, 3);
	r->cycle_number = (int)store_i64(res, row, 4);
	store_copy(r->due_date, sizeof(r->due_date), res, row, 5);
	r->tasks = store_text(st, res, row, 6);
	return r->external_user_id != NULL && r->tasks != NULL ? 0 : -1;
}

int
store_move_release_due(struct store *st, struct move_release *rows, size_t max, size_t *n)
{
	const char *p[1] = { store_int_param(st, (int64_t)max) };

	*n = 0;
	if (p[0] == NULL)
		return -1;
	return store_rows(st, &mm_release, 1, p, decode_release, rows, sizeof(*rows), max, n);
}
