/*
 * test_store_move.c: the money moves store module against a real
 * PostgreSQL: a cycle and its tasks, the status as read (scheduled becomes
 * available once due), the current, open and last cycles, closing with its
 * conflict semantics, task locks and marks, points with the once-only first
 * bonus, tenancy, and the sweep that releases cycles when they come due.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "store/store_move.h"

static void
day(long offset, char out[11])
{
	char	 t[11];

	cal_today(t);
	ck_assert_int_eq(cal_add(t, offset, out), 0);
}

/* Cycle number of user due on due, with a do (amount), a learn and a mind task. */
static void
cycle(struct move_cycle *c, const char *user, int number, const char *due)
{
	static const char *const types[3] = { "do", "learn", "mind" };
	static const char *const titles[3] = { "Move $125.00 to Trip", "Read: compound interest",
	    "Notice one impulse buy" };
	size_t	 i;

	memset(c, 0, sizeof(*c));
	fixture_id("ozz_mm", c->id, sizeof(c->id));
	snprintf(c->user_id, sizeof(c->user_id), "%s", user);
	fixture_id("ozz_plan", c->plan_id, sizeof(c->plan_id));
	c->cycle_number = number;
	snprintf(c->cadence, sizeof(c->cadence), "monthly");
	snprintf(c->due_date, sizeof(c->due_date), "%s", due);
	c->ntasks = 3;
	/* inserted last priority first: reads come back by priority */
	for (i = 0; i < 3; i++) {
		struct move_task *t = &c->tasks[i];

		fixture_id("ozz_task", t->id, sizeof(t->id));
		snprintf(t->task_type, sizeof(t->task_type), "%s", types[2 - i]);
		t->title = titles[2 - i];
		t->priority = 3 - (int)i;
		t->has_amount = i == 2;
		t->amount_cents = i == 2 ? 12500 : 0;
	}
}

static void
insert(struct fixture *fx, const char *user, int number, const char *due,
    struct move_cycle *c)
{
	cycle(c, user, number, due);
	ck_assert_int_eq(store_move_insert(&fx->s.st, c), 0);
}

START_TEST(insert_and_get)
{
	struct fixture	 fx;
	struct user	 u;
	struct move_cycle c, g;
	char		 due[11];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-1", "en", "USD", &u);
	day(-1, due);
	cycle(&c, u.id, 1, due);
	fixture_id("ozz_goal", c.goal_id, sizeof(c.goal_id));
	snprintf(c.cadence, sizeof(c.cadence), "biweekly");
	ck_assert_int_eq(store_move_insert(&fx.s.st, &c), 0);
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, c.id, &g), 1);
	ck_assert_str_eq(g.id, c.id);
	ck_assert_str_eq(g.user_id, u.id);
	ck_assert_str_eq(g.plan_id, c.plan_id);
	ck_assert_str_eq(g.goal_id, c.goal_id);
	ck_assert_int_eq(g.cycle_number, 1);
	ck_assert_str_eq(g.cadence, "biweekly");
	ck_assert_str_eq(g.due_date, due);
	ck_assert_str_eq(g.status, "available");	/* due yesterday */
	ck_assert_str_eq(g.completed_at, "");
	ck_assert_uint_eq(strlen(g.created_at), 20);
	ck_assert_int_gt(g.cursor_us, 0);
	/* the tasks by priority, whatever order they were inserted in */
	ck_assert_uint_eq(g.ntasks, 3);
	ck_assert_str_eq(g.tasks[0].task_type, "do");
	ck_assert_str_eq(g.tasks[0].id, c.tasks[2].id);
	ck_assert_str_eq(g.tasks[0].title, "Move $125.00 to Trip");
	ck_assert_int_eq(g.tasks[0].has_amount, 1);
	ck_assert_int_eq(g.tasks[0].amount_cents, 12500);
	ck_assert_int_eq(g.tasks[0].priority, 1);
	ck_assert_str_eq(g.tasks[0].status, "pending");
	ck_assert_int_eq(g.tasks[0].points_awarded, 0);
	ck_assert_str_eq(g.tasks[0].completed_at, "");
	ck_assert_str_eq(g.tasks[1].task_type, "learn");
	ck_assert_int_eq(g.tasks[1].has_amount, 0);
	ck_assert_str_eq(g.tasks[1].title, "Read: compound interest");
	ck_assert_str_eq(g.tasks[2].task_type, "mind");
	ck_assert_int_eq(g.tasks[2].priority, 3);
	/* no goal: "" */
	insert(&fx, u.id, 2, due, &c);
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, c.id, &g), 1);
	ck_assert_str_eq(g.goal_id, "");
	/* a cycle number is the user's once */
	cycle(&c, u.id, 2, due);
	ck_assert_int_eq(store_move_insert(&fx.s.st, &c), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_UNIQUE);
	/* a task the table refuses */
	cycle(&c, u.id, 3, due);
	snprintf(c.tasks[0].task_type, sizeof(c.tasks[0].task_type), "nap");
	ck_assert_int_eq(store_move_insert(&fx.s.st, &c), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, "ozz_mm_0000000000000000000000", &g), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(status_current_open_and_lists)
{
	struct fixture	 fx;
	struct user	 u;
	struct move_cycle c1, c2, c3, g, rows[4];
	struct store_page pg = { 4, 0, 0, "" };
	char		 past[11], today[11], future[11], was[12];
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-2", "en", "USD", &u);
	ck_assert_int_eq(store_move_current(&fx.s.st, u.id, &g), 0);
	ck_assert_int_eq(store_move_open(&fx.s.st, u.id, &g), 0);
	day(-20, past);
	day(0, today);
	day(10, future);
	insert(&fx, u.id, 1, past, &c1);
	insert(&fx, u.id, 2, today, &c2);
	insert(&fx, u.id, 3, future, &c3);
	/* scheduled reads as available once due (today included) */
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].id, c3.id);
	ck_assert_str_eq(rows[0].status, "scheduled");
	ck_assert_str_eq(rows[1].status, "available");
	ck_assert_str_eq(rows[2].status, "available");
	ck_assert_uint_eq(rows[2].ntasks, 3);
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, "available", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, c2.id);
	ck_assert_str_eq(rows[1].id, c1.id);
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, "scheduled", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, c3.id);
	/* current: the latest; open: the first still open */
	ck_assert_int_eq(store_move_current(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, c3.id);
	ck_assert_int_eq(store_move_open(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, c1.id);
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, c1.id, "completed", was), 1);
	ck_assert_int_eq(store_move_open(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, c2.id);
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, "completed", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, c1.id);
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, c2.id, "skipped", was), 1);
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, c3.id, "skipped", was), 1);
	/* none open: the latest */
	ck_assert_int_eq(store_move_open(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, c3.id);
	ck_assert_str_eq(g.status, "skipped");
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, "skipped", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	/* in pages */
	pg.limit = 2;
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 1);
	pg.has_after = 1;
	pg.after_us = rows[1].cursor_us;
	snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[1].id);
	ck_assert_int_eq(store_move_list(&fx.s.st, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].id, c1.id);
	fixture_close(&fx);
}
END_TEST

START_TEST(last_and_next_due)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct move_cycle c;
	char		 next[11];
	int		 number;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-3", "en", "USD", &u);
	fixture_user(&fx.s.st, "m-4", "en", "USD", &w);
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "monthly", &number, next), 0);
	ck_assert_int_eq(number, 0);
	ck_assert_str_eq(next, "");
	/* monthly cycles count months from the first: back to the 31st after February */
	insert(&fx, u.id, 1, "2026-01-31", &c);
	insert(&fx, u.id, 2, "2026-02-28", &c);
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "monthly", &number, next), 0);
	ck_assert_int_eq(number, 2);
	ck_assert_str_eq(next, "2026-03-31");
	/* another cadence goes on from the last due date */
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "weekly", &number, next), 0);
	ck_assert_int_eq(number, 2);
	ck_assert_str_eq(next, "2026-03-07");
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "twice_monthly", &number, next), 0);
	ck_assert_str_eq(next, "2026-03-01");
	/* a first cycle on another cadence: monthly goes on from the last one */
	cycle(&c, w.id, 1, "2026-01-10");
	snprintf(c.cadence, sizeof(c.cadence), "weekly");
	ck_assert_int_eq(store_move_insert(&fx.s.st, &c), 0);
	ck_assert_int_eq(store_move_last(&fx.s.st, w.id, "monthly", &number, next), 0);
	ck_assert_int_eq(number, 1);
	ck_assert_str_eq(next, "2026-02-10");
	fixture_close(&fx);
}
END_TEST

/* Cycle number of user on cadence, due on due. */
static void
insert_on(struct fixture *fx, const char *user, int number, const char *cadence,
    const char *due)
{
	struct move_cycle c;

	cycle(&c, user, number, due);
	snprintf(c.cadence, sizeof(c.cadence), "%s", cadence);
	ck_assert_int_eq(store_move_insert(&fx->s.st, &c), 0);
}

START_TEST(next_due_after_a_change_of_cadence)
{
	struct fixture	 fx;
	struct user	 u;
	char		 next[11];
	int		 number;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-10", "en", "USD", &u);
	/* monthly, then the goal went weekly for two cycles */
	insert_on(&fx, u.id, 1, "monthly", "2026-01-31");
	insert_on(&fx, u.id, 2, "weekly", "2026-02-07");
	insert_on(&fx, u.id, 3, "weekly", "2026-02-14");
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "weekly", &number, next), 0);
	ck_assert_int_eq(number, 3);
	ck_assert_str_eq(next, "2026-02-21");
	/* back to monthly: a month after the last cycle, not months after the first */
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "monthly", &number, next), 0);
	ck_assert_str_eq(next, "2026-03-14");
	/* the new monthly run counts from its own first cycle */
	insert_on(&fx, u.id, 4, "monthly", "2026-03-31");
	insert_on(&fx, u.id, 5, "monthly", "2026-04-30");
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "monthly", &number, next), 0);
	ck_assert_int_eq(number, 5);
	ck_assert_str_eq(next, "2026-05-31");
	fixture_close(&fx);
}
END_TEST

START_TEST(close_semantics)
{
	struct fixture	 fx;
	struct user	 u;
	struct move_cycle a, b, g;
	char		 was[12];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-5", "en", "USD", &u);
	insert(&fx, u.id, 1, "2026-01-01", &a);
	insert(&fx, u.id, 2, "2026-02-01", &b);
	/* scheduled to completed */
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, a.id, "completed", was), 1);
	ck_assert_str_eq(was, "scheduled");
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, a.id, &g), 1);
	ck_assert_str_eq(g.status, "completed");
	ck_assert_uint_eq(strlen(g.completed_at), 20);
	/* a closed cycle keeps its own status, and says what it was */
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, a.id, "skipped", was), 1);
	ck_assert_str_eq(was, "completed");
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, a.id, "completed", was), 1);
	ck_assert_str_eq(was, "completed");
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, a.id, &g), 1);
	ck_assert_str_eq(g.status, "completed");
	/* skipped has no completion time, and is final too */
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, b.id, "skipped", was), 1);
	ck_assert_str_eq(was, "scheduled");
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, b.id, &g), 1);
	ck_assert_str_eq(g.status, "skipped");
	ck_assert_str_eq(g.completed_at, "");
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, b.id, "completed", was), 1);
	ck_assert_str_eq(was, "skipped");
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, b.id, &g), 1);
	ck_assert_str_eq(g.status, "skipped");
	/* no such cycle */
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, "ozz_mm_0000000000000000000000",
	    "completed", was), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(task_lock_and_set)
{
	struct fixture	 fx;
	struct user	 u;
	struct move_cycle a, b, g;
	struct move_task_lock l;
	char		 was[12];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-6", "en", "USD", &u);
	insert(&fx, u.id, 1, "2026-01-01", &a);
	insert(&fx, u.id, 2, "2099-01-01", &b);
	/* tasks[2] is the do task (priority 1) */
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert_int_eq(store_move_task_lock(&fx.s.st, u.id, a.id, a.tasks[2].id, &l), 1);
	ck_assert_str_eq(l.task_type, "do");
	ck_assert_str_eq(l.status, "pending");
	ck_assert_str_eq(l.cycle_status, "scheduled");	/* the stored status, not as read */
	ck_assert_int_eq(store_move_task_set(&fx.s.st, u.id, a.id, a.tasks[2].id, "done", 200), 0);
	ck_assert_int_eq(db_commit(&fx.db), 0);
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, a.id, &g), 1);
	ck_assert_str_eq(g.tasks[0].status, "done");
	ck_assert_int_eq(g.tasks[0].points_awarded, 200);
	ck_assert_uint_eq(strlen(g.tasks[0].completed_at), 20);
	ck_assert_str_eq(g.tasks[1].status, "pending");
	ck_assert_int_eq(store_move_task_lock(&fx.s.st, u.id, a.id, a.tasks[2].id, &l), 1);
	ck_assert_str_eq(l.status, "done");
	/* skipped: no completion time */
	ck_assert_int_eq(store_move_task_set(&fx.s.st, u.id, a.id, a.tasks[1].id, "skipped", 0),
	    0);
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, a.id, &g), 1);
	ck_assert_str_eq(g.tasks[1].status, "skipped");
	ck_assert_str_eq(g.tasks[1].completed_at, "");
	/* the cycle's status travels with the lock */
	ck_assert_int_eq(store_move_close(&fx.s.st, u.id, b.id, "skipped", was), 1);
	ck_assert_int_eq(store_move_task_lock(&fx.s.st, u.id, b.id, b.tasks[0].id, &l), 1);
	ck_assert_str_eq(l.cycle_status, "skipped");
	ck_assert_str_eq(l.task_type, "mind");
	/* a task of another cycle is not this cycle's */
	ck_assert_int_eq(store_move_task_lock(&fx.s.st, u.id, a.id, b.tasks[0].id, &l), 0);
	ck_assert_int_eq(store_move_task_set(&fx.s.st, u.id, a.id, b.tasks[0].id, "done", 9), 0);
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, b.id, &g), 1);
	ck_assert_str_eq(g.tasks[2].status, "pending");
	fixture_close(&fx);
}
END_TEST

START_TEST(award_and_points)
{
	struct fixture	 fx;
	struct user	 u, w;
	int64_t		 total = -1, points = -1;
	int		 bonus = -1;
	char		 v[8];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-7", "en", "USD", &u);
	fixture_user(&fx.s.st, "m-8", "en", "USD", &w);
	ck_assert_int_eq(store_move_points(&fx.s.st, u.id, &points), 0);
	ck_assert_int_eq(points, 0);
	/* the first completion earns the bonus */
	ck_assert_int_eq(store_move_award(&fx.s.st, u.id, 50, 150, &total, &bonus), 0);
	ck_assert_int_eq(total, 200);
	ck_assert_int_eq(bonus, 1);
	fixture_value("SELECT (first_completion_at IS NOT NULL)::text FROM users WHERE id = $1",
	    u.id, NULL, v, sizeof(v));
	ck_assert_str_eq(v, "true");
	/* ... once */
	ck_assert_int_eq(store_move_award(&fx.s.st, u.id, 10, 150, &total, &bonus), 0);
	ck_assert_int_eq(total, 210);
	ck_assert_int_eq(bonus, 0);
	ck_assert_int_eq(store_move_award(&fx.s.st, u.id, 10, 150, &total, &bonus), 0);
	ck_assert_int_eq(total, 220);
	ck_assert_int_eq(bonus, 0);
	ck_assert_int_eq(store_move_points(&fx.s.st, u.id, &points), 0);
	ck_assert_int_eq(points, 220);
	/* another user's first completion is their own */
	ck_assert_int_eq(store_move_award(&fx.s.st, w.id, 10, 150, &total, &bonus), 0);
	ck_assert_int_eq(total, 160);
	ck_assert_int_eq(bonus, 1);
	/* no such user: nothing awarded */
	ck_assert_int_eq(store_move_award(&fx.s.st, "ozz_usr_0000000000000000000000", 10, 150,
	    &total, &bonus), -1);
	ck_assert_int_eq(store_move_points(&fx.s.st, "ozz_usr_0000000000000000000000", &points),
	    0);
	ck_assert_int_eq(points, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct user	 u;
	struct move_cycle c, g, rows[2];
	struct move_task_lock l;
	struct store_page pg = { 2, 0, 0, "" };
	int64_t		 total, points;
	int		 bonus, number;
	size_t		 n;
	int		 more;
	char		 was[12] = "", next[11];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "m-9", "en", "USD", &u);
	insert(&fx, u.id, 1, "2026-01-01", &c);
	ck_assert_int_eq(store_move_award(&fx.s.st, u.id, 50, 150, &total, &bonus), 0);
	ck_assert_int_eq(store_move_get(&fx.st_b, u.id, c.id, &g), 0);
	ck_assert_int_eq(store_move_current(&fx.st_b, u.id, &g), 0);
	ck_assert_int_eq(store_move_open(&fx.st_b, u.id, &g), 0);
	ck_assert_int_eq(store_move_list(&fx.st_b, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_move_last(&fx.st_b, u.id, "monthly", &number, next), 0);
	ck_assert_int_eq(number, 0);
	ck_assert_int_eq(store_move_points(&fx.st_b, u.id, &points), 0);
	ck_assert_int_eq(points, 0);
	ck_assert_int_eq(store_move_close(&fx.st_b, u.id, c.id, "skipped", was), 0);
	ck_assert_int_eq(store_move_task_lock(&fx.st_b, u.id, c.id, c.tasks[0].id, &l), 0);
	ck_assert_int_eq(store_move_task_set(&fx.st_b, u.id, c.id, c.tasks[0].id, "done", 99), 0);
	ck_assert_int_eq(store_move_award(&fx.st_b, u.id, 1000, 150, &total, &bonus), -1);
	/* b cannot hang a cycle on a's user */
	cycle(&g, u.id, 2, "2026-02-01");
	ck_assert_int_eq(store_move_insert(&fx.st_b, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	/* a's cycle, tasks and points are as they were */
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, c.id, &g), 1);
	ck_assert_str_eq(g.status, "available");
	ck_assert_str_eq(g.tasks[2].status, "pending");
	ck_assert_int_eq(g.tasks[2].points_awarded, 0);
	ck_assert_int_eq(store_move_points(&fx.s.st, u.id, &points), 0);
	ck_assert_int_eq(points, 200);
	ck_assert_int_eq(store_move_last(&fx.s.st, u.id, "monthly", &number, next), 0);
	ck_assert_int_eq(number, 1);
	fixture_close(&fx);
}
END_TEST

/* Which of the ids the sweep released, each at most once, draining every due cycle. */
static void
release_all(struct fixture *fx, const char *const *ids, int *seen, size_t nids,
    const char *const *clients)
{
	struct move_release rows[64];
	size_t	 n, i, k;

	do {
		ck_assert_int_eq(store_move_release_due(&fx->s.st, rows, 64, &n), 0);
		for (i = 0; i < n; i++)
			for (k = 0; k < nids; k++)
				if (strcmp(rows[i].id, ids[k]) == 0) {
					seen[k]++;
					ck_assert_str_eq(rows[i].client, clients[k]);
					ck_assert_ptr_nonnull(strstr(rows[i].tasks, "Move $125.00 to Trip"));
					ck_assert_str_eq(rows[i].external_user_id,
					    k == 3 ? "r-2" : "r-1");
				}
	} while (n == 64);
}

START_TEST(release_when_due)
{
	struct fixture	 fx;
	struct user	 u, v;
	struct move_cycle c[4], g;
	char		 past[11], today[11], future[11];
	const char	*ids[4], *clients[4];
	int		 seen[4] = { 0, 0, 0, 0 }, i;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "r-1", "en", "USD", &u);
	fixture_user(&fx.st_b, "r-2", "en", "USD", &v);
	day(-3, past);
	day(0, today);
	day(1, future);
	insert(&fx, u.id, 1, past, &c[0]);
	insert(&fx, u.id, 2, today, &c[1]);
	insert(&fx, u.id, 3, future, &c[2]);
	cycle(&c[3], v.id, 1, today);
	ck_assert_int_eq(store_move_insert(&fx.st_b, &c[3]), 0);
	for (i = 0; i < 4; i++) {
		ids[i] = c[i].id;
		clients[i] = i == 3 ? fx.b : fx.a;
	}
	/* a closed cycle is never released */
	fixture_sql("UPDATE money_move_cycles SET status = 'completed' WHERE id = $1", c[0].id,
	    NULL);
	release_all(&fx, ids, seen, 4, clients);
	ck_assert_int_eq(seen[0], 0);
	ck_assert_int_eq(seen[1], 1);
	ck_assert_int_eq(seen[2], 0);
	ck_assert_int_eq(seen[3], 1);
	/* released once: a second sweep has nothing of them */
	release_all(&fx, ids, seen, 4, clients);
	ck_assert_int_eq(seen[1], 1);
	ck_assert_int_eq(seen[3], 1);
	/* still "available" as read, released or not */
	ck_assert_int_eq(store_move_get(&fx.s.st, u.id, c[1].id, &g), 1);
	ck_assert_str_eq(g.status, "available");
	/* tomorrow comes */
	fixture_sql("UPDATE money_move_cycles SET due_date = current_date WHERE id = $1", c[2].id,
	    NULL);
	release_all(&fx, ids, seen, 4, clients);
	ck_assert_int_eq(seen[2], 1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM money_move_cycles WHERE user_id = $1"
	    " AND released_at IS NOT NULL", u.id, NULL), 2);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_move_suite(void)
{
	Suite	*s = suite_create("store_move");
	TCase	*tc = tcase_create("money moves");

	tcase_add_test(tc, insert_and_get);
	tcase_add_test(tc, status_current_open_and_lists);
	tcase_add_test(tc, last_and_next_due);
	tcase_add_test(tc, next_due_after_a_change_of_cadence);
	tcase_add_test(tc, close_semantics);
	tcase_add_test(tc, task_lock_and_set);
	tcase_add_test(tc, award_and_points);
	tcase_add_test(tc, tenancy);
	tcase_add_test(tc, release_when_due);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_move_suite)
