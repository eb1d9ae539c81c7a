/*
 * test_svc_move.c: the money moves service without HTTP, on a real
 * PostgreSQL: PLAN_REQUIRED, cycles on the goal's cadence with their do,
 * learn and mind tasks and amounts, points awarded once with the first
 * completion's bonus, the conflicts of skipping and closing, and another
 * client's cycles.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "domain/finance.h"
#include "domain/lessons.h"
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_move.h"
#include "service/svc_plan.h"
#include "service/svc_user.h"

/*
 * An intake, a goal on cadence (NULL: none) and a plan for ref; *monthly the
 * plan's move. The emergency fund (3 months of 3,500.00) is full, so the
 * money goes to the goal, or with none to investing.
 */
static void
planned_user_saved(struct fixture *fx, const char *ref, const char *cadence, int64_t savings,
    struct goal *g, int64_t *monthly)
{
	struct intake	 in, it;
	struct goal_fields f;
	struct plan_view v;

	memset(&in, 0, sizeof(in));
	in.income = 500000;
	in.expenses = 350000;
	in.has_savings = savings >= 0;
	in.savings = savings >= 0 ? savings : 0;
	ck_assert_int_eq(svc_intake_create(&fx->s, ref, &in, &it), 0);
	if (cadence) {
		memset(&f, 0, sizeof(f));
		f.goal_type = "savings";
		f.goal_name = "Trip";
		f.target_amount = 300000;
		f.cadence = cadence;
		ck_assert_int_eq(svc_goal_create(&fx->s, ref, &f, g), 0);
	}
	ck_assert_int_eq(svc_plan_generate(&fx->s, ref, NULL, &v), 0);
	*monthly = v.plan.monthly_move_cents;
	ck_assert_int_gt(*monthly, 0);
}

static void
planned_user(struct fixture *fx, const char *ref, const char *cadence, struct goal *g,
    int64_t *monthly)
{
	planned_user_saved(fx, ref, cadence, 1200000, g, monthly);
}

/* 1 when title is one of topic's own lessons in language. */
static int
lesson_on_topic(const char *title, const char *language, const char *topic)
{
	unsigned k;

	for (k = 0; k < LESSON_COUNT; k += 2)
		if (strcmp(title, lesson_learn_for(k, 0, language, topic)) == 0)
			return 1;
	return 0;
}

START_TEST(plan_required)
{
	struct fixture	 fx;
	struct move_cycle c;
	struct intake	 in, it;

	fixture_open(&fx);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-0", &c), -1);
	FIXTURE_EXPECT(&fx, OZ_PLAN_REQUIRED, NULL);
	memset(&in, 0, sizeof(in));
	in.income = 100000;
	ck_assert_int_eq(svc_intake_create(&fx.s, "external:mv-0", &in, &it), 0);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-0", &c), -1);
	FIXTURE_EXPECT(&fx, OZ_PLAN_REQUIRED, NULL);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM money_move_cycles WHERE"
	    " client_id = $1", fx.a, NULL), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(cycles_on_the_goals_cadence)
{
	struct fixture	 fx;
	struct move_cycle c1, c2, rows[3];
	struct store_page pg = { 3, 0, 0, "" };
	struct plan_view v;
	struct goal	 g, h;
	struct user	 u;
	int64_t		 monthly;
	char		 due2[11];
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	planned_user(&fx, "external:mv-1", "biweekly", &g, &monthly);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:mv-1", 0, &u), 0);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-1", &c1), 0);
	ck_assert(strncmp(c1.id, "ozz_mm_", 7) == 0);
	ck_assert_int_eq(c1.cycle_number, 1);
	ck_assert_str_eq(c1.goal_id, g.id);
	ck_assert_str_eq(c1.cadence, "biweekly");
	ck_assert_str_eq(c1.due_date, g.next_move_date);	/* the goal's next move */
	ck_assert_str_eq(c1.status, "scheduled");		/* two weeks off */
	/* do, learn, mind; the do task moves the plan's monthly amount split by cadence */
	ck_assert_uint_eq(c1.ntasks, 3);
	ck_assert_str_eq(c1.tasks[0].task_type, "do");
	ck_assert_int_eq(c1.tasks[0].has_amount, 1);
	ck_assert_int_eq(c1.tasks[0].amount_cents, finance_cycle_amount(monthly, "biweekly"));
	ck_assert_int_eq(c1.tasks[0].amount_cents, monthly * 12 / 26);
	ck_assert_ptr_nonnull(strstr(c1.tasks[0].title, "Trip"));
	ck_assert_str_eq(c1.tasks[1].task_type, "learn");
	ck_assert_int_eq(c1.tasks[1].has_amount, 0);
	ck_assert_uint_gt(strlen(c1.tasks[1].title), 5);
	ck_assert_str_eq(c1.tasks[2].task_type, "mind");
	ck_assert_uint_gt(strlen(c1.tasks[2].title), 5);
	ck_assert_int_eq(c1.tasks[2].priority, 3);
	ck_assert_str_eq(c1.tasks[0].status, "pending");
	/* the goal's next move went on by its cadence */
	ck_assert_int_eq(svc_goal_get(&fx.s, u.id, g.id, &h), 0);
	ck_assert_int_eq(cal_add(c1.due_date, 14, due2), 0);
	ck_assert_str_eq(h.next_move_date, due2);
	/* the next cycle follows the last on the cadence, with other lessons */
	ck_assert_int_eq(svc_move_generate(&fx.s, u.id, &c2), 0);
	ck_assert_int_eq(c2.cycle_number, 2);
	ck_assert_str_eq(c2.due_date, due2);
	ck_assert_str_ne(c2.tasks[1].title, c1.tasks[1].title);
	ck_assert_str_ne(c2.tasks[0].id, c1.tasks[0].id);
	/* reads */
	ck_assert_int_eq(svc_move_list(&fx.s, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, c2.id);
	ck_assert_int_eq(svc_move_get(&fx.s, u.id, c1.id, &rows[0]), 0);
	ck_assert_str_eq(rows[0].tasks[0].id, c1.tasks[0].id);
	/* the plan shows the current cycle */
	ck_assert_int_eq(svc_plan_latest(&fx.s, u.id, &v), 0);
	ck_assert_int_eq(v.has_cycle, 1);
	ck_assert_str_eq(v.cycle.id, c2.id);
	fixture_close(&fx);
}
END_TEST

START_TEST(without_a_goal_monthly_from_today)
{
	struct fixture	 fx;
	struct move_cycle c;
	struct goal	 g;
	int64_t		 monthly;
	char		 today[11];

	fixture_open(&fx);
	cal_today(today);
	planned_user(&fx, "external:mv-2", NULL, &g, &monthly);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-2", &c), 0);
	ck_assert_str_eq(c.goal_id, "");
	ck_assert_str_eq(c.cadence, "monthly");
	ck_assert_str_eq(c.due_date, today);
	ck_assert_str_eq(c.status, "available");	/* due today */
	ck_assert_int_eq(c.tasks[0].amount_cents, monthly);
	/* the fund is full and there is no goal: the plan invests, and so does the move */
	ck_assert_msg(strncmp(c.tasks[0].title, "Invest ", 7) == 0, "%s", c.tasks[0].title);
	ck_assert_msg(strstr(c.tasks[0].title, " this month") != NULL, "%s", c.tasks[0].title);
	ck_assert_msg(lesson_on_topic(c.tasks[1].title, "en", "investing"), "%s",
	    c.tasks[1].title);
	fixture_close(&fx);
}
END_TEST

/*
 * Nothing saved: the plan's money goes to the emergency fund before the
 * trip, and the money move says so on the goal's cadence, with a lesson on
 * emergency funds (a task "Move … to Trip" would fund what the plan puts
 * second).
 */
START_TEST(moves_follow_the_plans_focus)
{
	struct fixture	 fx;
	struct move_cycle c;
	struct goal	 g;
	int64_t		 monthly;

	fixture_open(&fx);
	planned_user_saved(&fx, "external:mv-4", "biweekly", -1, &g, &monthly);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-4", &c), 0);
	ck_assert_int_eq(c.tasks[0].amount_cents, monthly * 12 / 26);
	ck_assert_msg(strstr(c.tasks[0].title, "to your emergency fund these two weeks") != NULL,
	    "%s", c.tasks[0].title);
	ck_assert_ptr_null(strstr(c.tasks[0].title, "Trip"));
	ck_assert_msg(lesson_on_topic(c.tasks[1].title, "en", "emergency"), "%s",
	    c.tasks[1].title);
	fixture_close(&fx);
}
END_TEST

/*
 * A done do task fills the goal the plan's focus sends money to: while the
 * emergency fund comes first, never the trip (the primary goal), but a
 * savings goal named as an emergency fund when there is one.
 */
START_TEST(a_done_task_fills_the_focus_goal)
{
	struct fixture	 fx;
	struct move_cycle c, c2;
	struct move_task t;
	struct goal	 trip, fund, now;
	struct goal_fields f;
	int64_t		 monthly, points;

	fixture_open(&fx);
	planned_user_saved(&fx, "external:mv-5", "monthly", -1, &trip, &monthly);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-5", &c), 0);
	ck_assert_str_eq(c.goal_id, "");
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-5", c.id, c.tasks[0].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:mv-5", trip.id, &now), 0);
	ck_assert_int_eq(now.current_amount, trip.current_amount);
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-5", c.id, "completed", &c2), 0);

	memset(&f, 0, sizeof(f));
	f.goal_type = "savings";
	f.goal_name = "Reserva de emergência";
	f.target_amount = 1050000;
	f.cadence = "monthly";
	f.primary = "f";
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:mv-5", &f, &fund), 0);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-5", &c), 0);
	ck_assert_str_eq(c.goal_id, fund.id);
	ck_assert_int_gt(c.tasks[0].amount_cents, 0);
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-5", c.id, c.tasks[0].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:mv-5", fund.id, &now), 0);
	ck_assert_int_eq(now.current_amount, fund.current_amount + c.tasks[0].amount_cents);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:mv-5", trip.id, &now), 0);
	ck_assert_int_eq(now.current_amount, trip.current_amount);
	fixture_close(&fx);
}
END_TEST

START_TEST(points_once_with_the_first_bonus)
{
	struct fixture	 fx;
	struct move_cycle c, c2;
	struct move_task t;
	struct goal	 g;
	struct user	 u;
	int64_t		 monthly, points;

	fixture_open(&fx);
	planned_user(&fx, "external:mv-3", "weekly", &g, &monthly);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-3", &c), 0);
	/* the do task: its points and the first completion's bonus */
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-3", c.id, c.tasks[0].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS);
	ck_assert_str_eq(t.id, c.tasks[0].id);
	ck_assert_str_eq(t.status, "done");
	ck_assert_int_eq(t.points_awarded, POINTS_DO + POINTS_FIRST_BONUS);
	ck_assert_uint_eq(strlen(t.completed_at), 20);
	/* done again: nothing changes */
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-3", c.id, c.tasks[0].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(points, -1);
	ck_assert_int_eq(t.points_awarded, POINTS_DO + POINTS_FIRST_BONUS);
	/* the learn task: its points, no second bonus */
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-3", c.id, c.tasks[1].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS + POINTS_LEARN);
	ck_assert_int_eq(t.points_awarded, POINTS_LEARN);
	/* skipping earns nothing */
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-3", c.id, c.tasks[2].id, "skipped", &t,
	    &points), 0);
	ck_assert_int_eq(points, -1);
	ck_assert_str_eq(t.status, "skipped");
	ck_assert_int_eq(t.points_awarded, 0);
	/* a skipped task may still be done */
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-3", c.id, c.tasks[2].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS + POINTS_LEARN + POINTS_MIND);
	/* the next cycle's do task: no bonus any more */
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-3", &c2), 0);
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-3", c2.id, c2.tasks[0].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(t.points_awarded, POINTS_DO);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:mv-3", 0, &u), 0);
	ck_assert_int_eq(u.points, 2 * POINTS_DO + POINTS_FIRST_BONUS + POINTS_LEARN +
	    POINTS_MIND);
	ck_assert_int_eq(points, u.points);
	fixture_close(&fx);
}
END_TEST

START_TEST(skip_and_close_conflicts)
{
	struct fixture	 fx;
	struct move_cycle c1, c2, g;
	struct move_task t;
	struct goal	 goal;
	int64_t		 monthly, points;

	fixture_open(&fx);
	planned_user(&fx, "external:mv-4", "monthly", &goal, &monthly);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-4", &c1), 0);
	ck_assert_int_eq(svc_move_generate(&fx.s, "external:mv-4", &c2), 0);
	/* a done task cannot be skipped */
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-4", c1.id, c1.tasks[0].id, "done", &t,
	    &points), 0);
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-4", c1.id, c1.tasks[0].id, "skipped",
	    &t, &points), -1);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	ck_assert_int_eq(points, -1);
	ck_assert_int_eq(svc_move_get(&fx.s, "external:mv-4", c1.id, &g), 0);
	ck_assert_str_eq(g.tasks[0].status, "done");
	/* a completed cycle: completing again is fine, skipping is a conflict */
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-4", c1.id, "completed", &g), 0);
	ck_assert_str_eq(g.status, "completed");
	ck_assert_uint_eq(strlen(g.completed_at), 20);
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-4", c1.id, "completed", &g), 0);
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-4", c1.id, "skipped", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	/* a skipped cycle: its tasks are closed */
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-4", c2.id, "skipped", &g), 0);
	ck_assert_str_eq(g.status, "skipped");
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-4", c2.id, c2.tasks[1].id, "done", &t,
	    &points), -1);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-4", c2.id, "completed", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	ck_assert_int_eq(svc_move_get(&fx.s, "external:mv-4", c2.id, &g), 0);
	ck_assert_str_eq(g.status, "skipped");
	ck_assert_str_eq(g.tasks[1].status, "pending");
	/* no such cycle or task */
	ck_assert_int_eq(svc_move_get(&fx.s, "external:mv-4", "mm-1", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_close(&fx.s, "external:mv-4", "ozz_mm_0000000000000000000000",
	    "completed", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-4", c1.id, "task-1", "done", &t,
	    &points), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_task(&fx.s, "external:mv-4", c1.id, c2.tasks[0].id, "done", &t,
	    &points), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	fixture_close(&fx);
}
END_TEST

START_TEST(another_clients_cycles)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct move_cycle c, g, rows[2];
	struct move_task t;
	struct store_page pg = { 2, 0, 0, "" };
	struct goal	 goal;
	struct user	 u;
	int64_t		 monthly, points;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	planned_user(&fx, "external:mv-5", "monthly", &goal, &monthly);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:mv-5", 0, &u), 0);
	ck_assert_int_eq(svc_move_generate(&fx.s, u.id, &c), 0);
	ck_assert_int_eq(svc_move_generate(&sb, u.id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_get(&sb, u.id, c.id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_close(&sb, u.id, c.id, "skipped", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_task(&sb, u.id, c.id, c.tasks[0].id, "done", &t, &points), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* b's user of the same external id sees no cycle of a's */
	ck_assert_int_eq(svc_move_list(&sb, "external:mv-5", NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(svc_move_get(&sb, "external:mv-5", c.id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_move_generate(&sb, "external:mv-5", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_PLAN_REQUIRED, NULL);
	/* a's cycle is untouched */
	ck_assert_int_eq(svc_move_get(&fx.s, u.id, c.id, &g), 0);
	ck_assert_str_eq(g.status, c.status);
	ck_assert_str_eq(g.tasks[0].status, "pending");
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &u), 0);
	ck_assert_int_eq(u.points, 0);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_move_suite(void)
{
	Suite	*s = suite_create("svc_move");
	TCase	*tc = tcase_create("money moves");

	tcase_add_test(tc, plan_required);
	tcase_add_test(tc, cycles_on_the_goals_cadence);
	tcase_add_test(tc, without_a_goal_monthly_from_today);
	tcase_add_test(tc, moves_follow_the_plans_focus);
	tcase_add_test(tc, a_done_task_fills_the_focus_goal);
	tcase_add_test(tc, points_once_with_the_first_bonus);
	tcase_add_test(tc, skip_and_close_conflicts);
	tcase_add_test(tc, another_clients_cycles);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_move_suite)
