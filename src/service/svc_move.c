/* svc_move.c: money moves (svc_move.h). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "core/ids.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/finance.h"
#include "domain/goal_pick.h"
#include "domain/lessons.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_contrib.h"
#include "service/svc_hook.h"
#include "service/svc_move.h"
#include "service/svc_user.h"
#include "store/store_goal.h"
#include "store/store_plan.h"

/* A user's lessons differ from another's: the id seeds their order. */
static unsigned
user_seed(const char *id)
{
	unsigned h = 2166136261u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

static int
not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such money move");
}

#define FOCUS_MAX_GOALS	32

/*
 * The goal a cycle's do task fills: the one the plan's focus sends money to.
 * The goal step (and a plan made before the focus existed): the primary
 * goal. A high-interest debt: the debt payoff goal named like the debt, or
 * the primary among them, or the oldest. An emergency fund: the savings goal
 * named as one ("Emergency fund", "Reserva de emergência", "Colchón").
 * Investing: an investment goal. Closing the gap: none, and none when no
 * goal is what the money goes to (a done "pay extra on Visa" task never
 * fills a trip's savings). 0/-1; out "" for none.
 */
static int
focus_goal(struct svc *s, const struct user *u, const struct plan_row *plan,
    const struct goal *primary, int has_goal, char *out, size_t outsz)
{
	struct goal	*rows;
	struct goal_choice choice[FOCUS_MAX_GOALS];
	const char	*step = plan->focus_step, *want_type;
	char		 text[256];	/* the emergency words (about 110 bytes) and a name (64) */
	size_t		 n = 0, m = 0, i;
	long		 k;
	int		 emergency;

	out[0] = '\0';
	if (step[0] == '\0' || strcmp(step, "goal") == 0) {
		if (has_goal)
			snprintf(out, outsz, "%s", primary->id);
		return 0;
	}
	if (strcmp(step, "high_interest_debt") == 0)
		want_type = "debt_payoff";
	else if (strcmp(step, "invest") == 0)
		want_type = "investment";
	else if (strcmp(step, "starter_emergency_fund") == 0 || strcmp(step, "emergency_fund") == 0)
		want_type = "savings";
	else
		return 0;	/* close_gap: the money stays in the month */
	emergency = strcmp(want_type, "savings") == 0;
	if ((rows = pool_alloc(s->st.pool, sizeof(*rows) * FOCUS_MAX_GOALS)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (store_goal_candidates(&s->st, u->id, strcmp(want_type, "debt_payoff") == 0 ?
	    "debt_payment" : "savings_contribution", NULL, rows, FOCUS_MAX_GOALS, &n) == -1)
		return svc_db_fail(s);
	for (i = 0; i < n; i++) {
		if (strcmp(rows[i].goal_type, want_type) != 0)
			continue;
		choice[m].id = rows[i].id;
		choice[m].name = rows[i].goal_name;
		choice[m].is_primary = rows[i].is_primary;
		m++;
	}
	if (emergency) {
		snprintf(text, sizeof(text), "%s %s", goal_pick_emergency_words, plan->focus_name);
		k = goal_pick_named(choice, m, text);
	} else {
		if ((k = goal_pick_named(choice, m, plan->focus_name)) < 0)
			k = goal_pick(choice, m, NULL, NULL);
	}
	if (k >= 0)
		snprintf(out, outsz, "%s", choice[k].id);
	return 0;
}

/* The plan, the goal and the last cycle say what the next cycle is. */
static int
next_cycle(struct svc *s, const struct user *u, struct move_cycle *c, struct plan_row *plan,
    struct goal *g, int *has_goal)
{
	char		 next[11];
	int		 rc, last;

	memset(c, 0, sizeof(*c));
	if ((rc = store_plan_latest(&s->st, u->id, plan)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return svc_fail(s, OZ_PLAN_REQUIRED,
		    "this user has no plan yet: POST …/plan before generating money moves");
	snprintf(c->plan_id, sizeof(c->plan_id), "%s", plan->id);
	snprintf(c->user_id, sizeof(c->user_id), "%s", u->id);
	if ((rc = store_goal_primary(&s->st, u->id, g)) == -1)
		return svc_db_fail(s);
	snprintf(c->cadence, sizeof(c->cadence), "monthly");
	cal_today(c->due_date);
	if ((*has_goal = rc == 1)) {
		snprintf(c->cadence, sizeof(c->cadence), "%s", g->cadence);
		memcpy(c->due_date, g->next_move_date, sizeof(c->due_date));
	}
	if (focus_goal(s, u, plan, g, *has_goal, c->goal_id, sizeof(c->goal_id)) == -1)
		return -1;
	if (store_move_last(&s->st, u->id, c->cadence, &last, next) == -1)
		return svc_db_fail(s);
	if (last > 0)	/* the cycle after the last one, on the cadence */
		memcpy(c->due_date, next, sizeof(c->due_date));
	c->cycle_number = last + 1;
	return svc_new_id(s, "ozz_mm", c->id, sizeof(c->id));
}

/*
 * The do, learn and mind tasks of cycle c. They fit the plan's focus: the do
 * task moves the cycle's share of what goes to the focus a month ("Pay $125.00
 * extra on Visa these two weeks", "Move … to your emergency fund this month")
 * and the lesson is on its topic (debt, emergency, saving, investing,
 * budget). A plan made before the focus existed words them as before.
 */
static int
add_tasks(struct svc *s, const struct user *u, struct move_cycle *c, const struct plan_row *plan,
    const char *goal_name)
{
	char		 title[256];
	unsigned	 seed = user_seed(u->id), n = (unsigned)(c->cycle_number - 1);
	int64_t		 cycle_cents;
	const char	*name = plan->focus_name[0] ? plan->focus_name : goal_name;
	size_t		 i;

	if ((cycle_cents = finance_cycle_amount(plan->monthly_move_cents, c->cadence)) < 0)
		cycle_cents = 0;	/* an amount the engine cannot split: nothing to move */
	if (lesson_do_title_for(cycle_cents, u->currency, u->language, plan->focus_step,
	    plan->focus_topic, name, c->cadence, title, sizeof(title)) == -1)
		return svc_fail(s, OZ_INTERNAL_ERROR, "cannot word the task");
	c->ntasks = 3;
	snprintf(c->tasks[0].task_type, sizeof(c->tasks[0].task_type), "do");
	c->tasks[0].title = pool_strdup(s->st.pool, title);
	c->tasks[0].has_amount = 1;
	c->tasks[0].amount_cents = cycle_cents;
	snprintf(c->tasks[1].task_type, sizeof(c->tasks[1].task_type), "learn");
	c->tasks[1].title = lesson_learn_for(n, seed, u->language, plan->focus_topic);
	snprintf(c->tasks[2].task_type, sizeof(c->tasks[2].task_type), "mind");
	c->tasks[2].title = lesson_mind(n, seed, u->language);
	for (i = 0; i < c->ntasks; i++) {
		c->tasks[i].priority = (int)i + 1;
		if (svc_new_id(s, "ozz_task", c->tasks[i].id, sizeof(c->tasks[i].id)) == -1)
			return -1;
	}
	return c->tasks[0].title == NULL ? svc_fail(s, OZ_INTERNAL_ERROR, "out of memory") : 0;
}

/* Read the cycle back as the API shows it. */
static int
read_cycle(struct svc *s, const char *user, const char *id, struct move_cycle *out)
{
	int	 rc;

	if ((rc = store_move_get(&s->st, user, id, out)) == -1)
		return svc_db_fail(s);
	return rc == 1 ? 0 : not_found(s);
}

int
svc_move_generate(struct svc *s, const char *ref, struct move_cycle *out)
{
	struct move_cycle c;
	struct plan_row	 plan;
	struct goal	 g;
	struct user	 u;
	int		 has_goal = 0;

	if (svc_user_resolve(s, ref, 1, &u) == -1 ||
	    next_cycle(s, &u, &c, &plan, &g, &has_goal) == -1 ||
	    add_tasks(s, &u, &c, &plan, has_goal ? g.goal_name : NULL) == -1)
		return -1;
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (store_move_insert(&s->st, &c) == -1 ||
	    (has_goal && store_goal_advance(&s->st, u.id, g.id, c.due_date) == -1)) {
		enum db_fault f = db_fault(s->st.db);

		db_rollback(s->st.db);
		if (f == DB_FAULT_UNIQUE)
			return svc_fail(s, OZ_CONFLICT,
			    "another cycle was generated at the same time; retry");
		return svc_db_fail(s);
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	return read_cycle(s, u.id, c.id, out);
}

int
svc_move_list(struct svc *s, const char *ref, const char *status, const struct store_page *pg,
    struct move_cycle *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_move_list(&s->st, ref, status, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}

/* The user and a cycle id of theirs. */
static int
target(struct svc *s, const char *ref, const char *id, struct user *u)
{
	if (svc_user_resolve(s, ref, 1, u) == -1)
		return -1;
	return ids_valid("ozz_mm", id) ? 0 : not_found(s);
}

int
svc_move_get(struct svc *s, const char *ref, const char *id, struct move_cycle *out)
{
	struct user	 u;
	int		 rc;

	if (!svc_user_ref_ok(ref) || !ids_valid("ozz_mm", id))
		return target(s, ref, id, &u) == -1 ? -1 : not_found(s);
	if ((rc = store_move_get(&s->st, ref, id, out)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return 0;
	return svc_user_after_miss(s, ref) == -1 ? -1 : not_found(s);
}

int
svc_move_close(struct svc *s, const char *ref, const char *id, const char *status,
    struct move_cycle *out)
{
	struct user	 u;
	char		 was[12];
	int		 rc;

	if (target(s, ref, id, &u) == -1)
		return -1;
	if ((rc = store_move_close(&s->st, u.id, id, status, was)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return not_found(s);
	if (strcmp(was, "scheduled") != 0 && strcmp(was, status) != 0)
		return svc_fail(s, OZ_CONFLICT, "this money move is already closed");
	svc_an_refresh(s, u.id);
	if (strcmp(status, "completed") == 0 && strcmp(was, "scheduled") == 0) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "user_id", json_object_new_string(u.id));
		json_object_object_add(o, "external_user_id",
		    json_object_new_string(u.external_user_id ? u.external_user_id : ""));
		json_object_object_add(o, "money_move_id", json_object_new_string(id));
		svc_hook_emit(s, "money_move.completed", o);
	}
	return read_cycle(s, u.id, id, out);
}

/* The task as it now is. */
static int
read_task(struct svc *s, const char *user, const char *cycle, const char *task,
    struct move_task *out)
{
	struct move_cycle *c;
	size_t		 i;

	if ((c = pool_alloc(s->st.pool, sizeof(*c))) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (read_cycle(s, user, cycle, c) == -1)
		return -1;
	for (i = 0; i < c->ntasks; i++)
		if (strcmp(c->tasks[i].id, task) == 0) {
			*out = c->tasks[i];
			return 0;
		}
	return svc_fail(s, OZ_NOT_FOUND, "no such task");
}

/*
 * A task done: its points (and the first completion's bonus) once, and a do
 * task's amount to the cycle's goal. Under the task's lock. 0/-1.
 */
static int
mark_done(struct svc *s, const struct user *u, const char *cycle, const char *task,
    const struct move_task_lock *l, int64_t *points)
{
	int	 bonus = 0, award;

	if (store_move_award(&s->st, u->id, lesson_points(l->task_type), POINTS_FIRST_BONUS,
	    points, &bonus) == -1)
		return svc_db_fail(s);
	award = lesson_points(l->task_type) + (bonus ? POINTS_FIRST_BONUS : 0);
	if (store_move_task_set(&s->st, u->id, cycle, task, "done", award) == -1)
		return svc_db_fail(s);
	if (strcmp(l->task_type, "do") == 0 && l->amount_cents > 0)
		return svc_contrib_task(s, u->id, l->goal_id, cycle, task, l->amount_cents,
		    u->currency);
	return 0;
}

/*
 * A done task undone (back to pending): its points go back (a bonus it held
 * may be earned again) and what it added to the goal with them. 0/-1.
 */
static int
mark_undone(struct svc *s, const struct user *u, const char *cycle, const char *task,
    const struct move_task_lock *l, int64_t *points)
{
	if (store_move_unaward(&s->st, u->id, l->points_awarded,
	    l->points_awarded > lesson_points(l->task_type), points) == -1 ||
	    store_move_task_set(&s->st, u->id, cycle, task, "pending", 0) == -1)
		return svc_db_fail(s);
	return svc_contrib_undo(s, u->id, "task", task, NULL);
}

/* Under the lock: what may change, and the points. 1 changed, 0 nothing to do, -1. */
static int
mark(struct svc *s, const struct user *u, const char *cycle, const char *task,
    const char *status, int64_t *points)
{
	struct move_task_lock l;
	int		 rc;

	if ((rc = store_move_task_lock(&s->st, u->id, cycle, task, &l)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return svc_fail(s, OZ_NOT_FOUND, "no such task");
	if (strcmp(l.status, status) == 0)	/* marking twice changes nothing */
		return 0;
	if (strcmp(l.status, "done") == 0 && strcmp(status, "skipped") == 0)
		return svc_fail(s, OZ_CONFLICT, "this task is done; it cannot be skipped now");
	if (strcmp(l.cycle_status, "skipped") == 0)
		return svc_fail(s, OZ_CONFLICT, "this money move was skipped; its tasks are closed");
	if (strcmp(status, "done") == 0)
		rc = mark_done(s, u, cycle, task, &l, points);
	else if (strcmp(l.status, "done") == 0)
		rc = mark_undone(s, u, cycle, task, &l, points);
	else if (store_move_task_set(&s->st, u->id, cycle, task, status, 0) == -1)
		rc = svc_db_fail(s);
	return rc == -1 ? -1 : 1;
}

int
svc_move_task(struct svc *s, const char *ref, const char *cycle, const char *task,
    const char *status, struct move_task *out, int64_t *points)
{
	struct user	 u;
	int		 rc;

	*points = -1;
	if (target(s, ref, cycle, &u) == -1)
		return -1;
	if (!ids_valid("ozz_task", task))
		return svc_fail(s, OZ_NOT_FOUND, "no such task");
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if ((rc = mark(s, &u, cycle, task, status, points)) != 1) {
		db_rollback(s->st.db);
		if (rc == -1)
			return -1;
	} else if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	else
		svc_an_refresh(s, u.id);
	return read_task(s, u.id, cycle, task, out);
}

#define MOVE_RELEASE_BATCH	200
#define MOVE_RELEASE_BATCHES	50	/* a sweep's most; the next sweep goes on */

int
svc_move_release_due(struct svc *s, int *n)
{
	struct move_release *rows;
	const char	*client = s->st.client;
	size_t		 got, i;
	int		 batches = 0;

	*n = 0;
	if ((rows = pool_alloc(s->st.pool, MOVE_RELEASE_BATCH * sizeof(*rows))) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	do {
		if (db_begin(s->st.db) == -1)
			return svc_db_fail(s);
		if (store_move_release_due(&s->st, rows, MOVE_RELEASE_BATCH, &got) == -1) {
			db_rollback(s->st.db);
			return svc_db_fail(s);
		}
		for (i = 0; i < got; i++) {
			struct json_object *o = json_object_new_object();

			json_object_object_add(o, "user_id", json_object_new_string(rows[i].user_id));
			json_object_object_add(o, "external_user_id",
			    json_object_new_string(rows[i].external_user_id));
			json_object_object_add(o, "money_move_id", json_object_new_string(rows[i].id));
			json_object_object_add(o, "cycle_number",
			    json_object_new_int(rows[i].cycle_number));
			json_object_object_add(o, "due_date", json_object_new_string(rows[i].due_date));
			json_object_object_add(o, "tasks", json_tokener_parse(rows[i].tasks));
			/* the event is the client's: its endpoints only */
			s->st.client = rows[i].client;
			svc_hook_emit(s, "money_move.available", o);
		}
		s->st.client = client;
		if (db_commit(s->st.db) == -1)
			return svc_db_fail(s);
		*n += (int)got;
	} while (got == MOVE_RELEASE_BATCH && ++batches < MOVE_RELEASE_BATCHES);
	return 0;
}
