/*
 * test_store_goal.c: the goals store module against a real PostgreSQL:
 * inserts that achieve or become primary, the one active primary goal per
 * user, the update rules (achieved, active again, a new cadence, archived),
 * the order a coach reads, the next money move, delete, tenancy, moving a
 * goal by an amount, and the goals a transaction of a kind may move.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "store/store_goal.h"

/* A savings goal named name: target and current in hundredths, monthly. */
static void
fields(struct goal_fields *f, const char *name, int64_t target, int64_t current)
{
	memset(f, 0, sizeof(*f));
	f->goal_type = "savings";
	f->goal_name = name;
	f->target_amount = target;
	f->starting_amount = current;
	f->current_amount = current;
	f->cadence = "monthly";
}

static void
insert(struct fixture *fx, const char *user, const char *name, int64_t target,
    int64_t current, const char *primary, struct goal *out)
{
	struct goal_fields f;
	char	 id[OZ_ID_MAX];

	fields(&f, name, target, current);
	f.primary = primary;
	fixture_id("ozz_goal", id, sizeof(id));
	ck_assert_int_eq(store_goal_insert(&fx->s.st, user, id, &f, out), 0);
	ck_assert_str_eq(out->id, id);
}

/* Today (UTC) plus days. */
static void
today_plus(long days, char out[11])
{
	char	 t[11];

	cal_today(t);
	ck_assert_int_eq(cal_add(t, days, out), 0);
}

START_TEST(insert_fields_and_achieving)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 g, r;
	char		 id[OZ_ID_MAX], want[11];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-1", "en", "USD", &u);
	fields(&f, "Emergency fund", 300000, 50000);
	f.goal_type = "investment";
	f.starting_amount = 25000;
	f.target_date = "2027-06-30";
	f.cadence = "weekly";
	fixture_id("ozz_goal", id, sizeof(id));
	ck_assert_int_eq(store_goal_insert(&fx.s.st, u.id, id, &f, &g), 0);
	ck_assert_str_eq(g.id, id);
	ck_assert_str_eq(g.user_id, u.id);
	ck_assert_str_eq(g.goal_type, "investment");
	ck_assert_str_eq(g.goal_name, "Emergency fund");
	ck_assert_int_eq(g.target_amount, 300000);
	ck_assert_int_eq(g.starting_amount, 25000);
	ck_assert_int_eq(g.current_amount, 50000);
	ck_assert_str_eq(g.target_date, "2027-06-30");
	ck_assert_str_eq(g.cadence, "weekly");
	today_plus(7, want);		/* the first move falls a week from today */
	ck_assert_str_eq(g.next_move_date, want);
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(g.is_primary, 1);	/* the user's first active goal */
	ck_assert_uint_eq(strlen(g.created_at), 20);
	ck_assert_int_gt(g.cursor_us, 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, id, &r), 1);
	ck_assert_str_eq(r.goal_name, "Emergency fund");
	ck_assert_int_eq(r.current_amount, 50000);
	/* no target date: "" */
	insert(&fx, u.id, "Trip", 100000, 0, NULL, &g);
	ck_assert_str_eq(g.target_date, "");
	ck_assert_int_eq(g.is_primary, 0);	/* the first one is still the primary */
	/* reaching the target on insert: achieved, never primary */
	insert(&fx, u.id, "Done already", 10000, 10000, NULL, &g);
	ck_assert_str_eq(g.status, "achieved");
	ck_assert_int_eq(g.is_primary, 0);
	insert(&fx, u.id, "Beyond", 10000, 12345, NULL, &g);
	ck_assert_str_eq(g.status, "achieved");
	ck_assert_int_eq(g.current_amount, 12345);
	fixture_close(&fx);
}
END_TEST

START_TEST(one_primary_per_user)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u, w;
	struct goal	 a, b, c, g;
	char		 id[OZ_ID_MAX];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-2", "en", "USD", &u);
	fixture_user(&fx.s.st, "g-3", "en", "USD", &w);
	insert(&fx, u.id, "A", 100000, 0, NULL, &a);
	ck_assert_int_eq(a.is_primary, 1);
	/* another user has a primary of their own */
	insert(&fx, w.id, "W", 100000, 0, NULL, &g);
	ck_assert_int_eq(g.is_primary, 1);
	/* a second primary while A is the active primary: the unique index refuses */
	fields(&f, "B", 100000, 0);
	f.primary = "t";
	fixture_id("ozz_goal", id, sizeof(id));
	ck_assert_int_eq(store_goal_insert(&fx.s.st, u.id, id, &f, &b), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_UNIQUE);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, id, &b), 0);
	/* demote first (as the service does, in a transaction): then it may */
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert_int_eq(store_goal_demote(&fx.s.st, u.id, NULL), 0);
	ck_assert_int_eq(store_goal_insert(&fx.s.st, u.id, id, &f, &b), 0);
	ck_assert_int_eq(db_commit(&fx.db), 0);
	ck_assert_int_eq(b.is_primary, 1);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, a.id, &a), 1);
	ck_assert_int_eq(a.is_primary, 0);
	ck_assert_str_ge(a.updated_at, a.created_at);
	/* primary "f" on insert is kept even with no primary around */
	ck_assert_int_eq(store_goal_demote(&fx.s.st, u.id, NULL), 0);
	insert(&fx, u.id, "C", 100000, 0, "f", &c);
	ck_assert_int_eq(c.is_primary, 0);
	ck_assert_int_eq(store_goal_primary(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, c.id);		/* none primary: the newest active one */
	/* demote keeping one: that one stays primary */
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &(struct goal_fields){
	    .primary = "t" }, &b), 1);
	ck_assert_int_eq(b.is_primary, 1);
	ck_assert_int_eq(store_goal_demote(&fx.s.st, u.id, b.id), 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, b.id, &b), 1);
	ck_assert_int_eq(b.is_primary, 1);
	ck_assert_int_eq(store_goal_primary(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, b.id);
	/* the other user's primary was never touched */
	ck_assert_int_eq(store_goal_primary(&fx.s.st, w.id, &g), 1);
	ck_assert_str_eq(g.goal_name, "W");
	ck_assert_int_eq(g.is_primary, 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(update_rules)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 a, b, g;
	char		 want[11];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-4", "en", "USD", &u);
	insert(&fx, u.id, "A", 100000, 10000, NULL, &a);
	ck_assert_int_eq(a.is_primary, 1);
	/* only what f has changes */
	memset(&f, 0, sizeof(f));
	f.has_name = 1;
	f.goal_name = "Renamed";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &g), 1);
	ck_assert_str_eq(g.goal_name, "Renamed");
	ck_assert_int_eq(g.current_amount, 10000);
	ck_assert_str_eq(g.cadence, "monthly");
	ck_assert_str_eq(g.status, "active");
	/* reaching the target achieves it */
	memset(&f, 0, sizeof(f));
	f.has_current = 1;
	f.current_amount = 100000;
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &a), 1);
	ck_assert_str_eq(a.status, "achieved");
	/* with A achieved, a new goal is the active primary */
	insert(&fx, u.id, "B", 50000, 0, NULL, &b);
	ck_assert_int_eq(b.is_primary, 1);
	/* A's target moves above it: active again, yielding to B */
	memset(&f, 0, sizeof(f));
	f.has_target = 1;
	f.target_amount = 200000;
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &a), 1);
	ck_assert_str_eq(a.status, "active");
	ck_assert_int_eq(a.target_amount, 200000);
	ck_assert_int_eq(a.is_primary, 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, b.id, &b), 1);
	ck_assert_int_eq(b.is_primary, 1);
	/* a new cadence moves the next money move; the same cadence does not */
	ck_assert_int_eq(store_goal_advance(&fx.s.st, u.id, b.id, "2030-01-10"), 0);
	memset(&f, 0, sizeof(f));
	f.has_cadence = 1;
	f.cadence = "monthly";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &f, &b), 1);
	ck_assert_str_eq(b.next_move_date, "2030-02-10");
	f.cadence = "biweekly";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &f, &b), 1);
	ck_assert_str_eq(b.cadence, "biweekly");
	today_plus(14, want);
	ck_assert_str_eq(b.next_move_date, want);
	/* archived is never primary, even when asked */
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	f.primary = "t";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &f, &b), 1);
	ck_assert_str_eq(b.status, "archived");
	ck_assert_int_eq(b.is_primary, 0);
	/* an archived goal stays archived when its amount reaches the target */
	memset(&f, 0, sizeof(f));
	f.has_current = 1;
	f.current_amount = 50000;
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &f, &b), 1);
	ck_assert_str_eq(b.status, "archived");
	/* ...but may not stand above its target: the table's check */
	f.current_amount = 50001;
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &f, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	/* status active with the amount below target: active again */
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "active";
	f.has_current = 1;
	f.current_amount = 100;
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, b.id, &f, &b), 1);
	ck_assert_str_eq(b.status, "active");
	ck_assert_int_eq(b.is_primary, 0);
	/* a target date to null, and a type */
	memset(&f, 0, sizeof(f));
	f.has_date = 1;
	f.target_date = NULL;
	f.has_type = 1;
	f.goal_type = "debt_payoff";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &a), 1);
	ck_assert_str_eq(a.target_date, "");
	ck_assert_str_eq(a.goal_type, "debt_payoff");
	f.goal_type = "lottery";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	/* no such goal */
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, "ozz_goal_0000000000000000000000",
	    &(struct goal_fields){ .has_name = 1, .goal_name = "x" }, &g), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(top_order_and_lists)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 a, b, c, d, rows[5];
	struct store_page pg = { 5, 0, 0, "" };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-5", "en", "USD", &u);
	ck_assert_int_eq(store_goal_top(&fx.s.st, u.id, rows, 5, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_goal_primary(&fx.s.st, u.id, &a), 0);
	insert(&fx, u.id, "A primary", 100000, 0, NULL, &a);	/* oldest, primary */
	insert(&fx, u.id, "B achieved", 1000, 1000, NULL, &b);	/* newer, achieved */
	insert(&fx, u.id, "C active", 100000, 0, NULL, &c);	/* newer, active */
	insert(&fx, u.id, "D archived", 100000, 0, NULL, &d);
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, d.id, &f, &d), 1);
	/* active first, the primary first among them, then the newest */
	ck_assert_int_eq(store_goal_top(&fx.s.st, u.id, rows, 5, &n), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(rows[0].id, a.id);
	ck_assert_str_eq(rows[1].id, c.id);
	ck_assert_str_eq(rows[2].id, d.id);
	ck_assert_str_eq(rows[3].id, b.id);
	ck_assert_int_eq(store_goal_top(&fx.s.st, u.id, rows, 2, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[1].id, c.id);
	/* the plan's goal is the primary */
	ck_assert_int_eq(store_goal_primary(&fx.s.st, u.id, rows), 1);
	ck_assert_str_eq(rows[0].id, a.id);
	/* lists: newest first, by status, in pages */
	ck_assert_int_eq(store_goal_list(&fx.s.st, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].id, d.id);
	ck_assert_str_eq(rows[3].id, a.id);
	ck_assert_int_eq(store_goal_list(&fx.s.st, u.id, "active", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, c.id);
	ck_assert_str_eq(rows[1].id, a.id);
	ck_assert_int_eq(store_goal_list(&fx.s.st, u.id, "achieved", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, b.id);
	pg.limit = 3;
	ck_assert_int_eq(store_goal_list(&fx.s.st, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(more, 1);
	pg.has_after = 1;
	pg.after_us = rows[2].cursor_us;
	snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[2].id);
	ck_assert_int_eq(store_goal_list(&fx.s.st, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].id, a.id);
	/* with every goal achieved or archived, no goal for a plan */
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &a), 1);
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, c.id, &f, &c), 1);
	ck_assert_int_eq(store_goal_primary(&fx.s.st, u.id, rows), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(advance_and_delete)
{
	static const struct {
		const char *cadence, *due, *next;
	} cases[] = {
		{ "weekly", "2026-12-28", "2027-01-04" },
		{ "biweekly", "2026-02-20", "2026-03-06" },
		{ "twice_monthly", "2026-01-10", "2026-01-15" },
		{ "twice_monthly", "2026-01-15", "2026-02-01" },
		{ "twice_monthly", "2026-01-31", "2026-02-01" },
		{ "monthly", "2026-01-31", "2026-02-28" },
		{ "monthly", "2028-01-31", "2028-02-29" },
	};
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 a, g;
	size_t		 i;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-6", "en", "USD", &u);
	insert(&fx, u.id, "A", 100000, 0, NULL, &a);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&f, 0, sizeof(f));
		f.has_cadence = 1;
		f.cadence = cases[i].cadence;
		ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &g), 1);
		ck_assert_int_eq(store_goal_advance(&fx.s.st, u.id, a.id, cases[i].due), 0);
		ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, a.id, &g), 1);
		ck_assert_msg(strcmp(g.next_move_date, cases[i].next) == 0, "%s from %s: %s",
		    cases[i].cadence, cases[i].due, g.next_move_date);
	}
	ck_assert_int_eq(store_goal_delete(&fx.s.st, u.id, a.id), 1);
	ck_assert_int_eq(store_goal_delete(&fx.s.st, u.id, a.id), 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, a.id, &g), 0);
	/* advancing a goal that is gone touches nothing and is no error */
	ck_assert_int_eq(store_goal_advance(&fx.s.st, u.id, a.id, "2026-01-01"), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 a, g, rows[3];
	struct store_page pg = { 3, 0, 0, "" };
	size_t		 n;
	int		 more;
	char		 id[OZ_ID_MAX];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-7", "en", "USD", &u);
	insert(&fx, u.id, "Mine", 100000, 0, NULL, &a);
	ck_assert_int_eq(store_goal_get(&fx.st_b, u.id, a.id, &g), 0);
	ck_assert_int_eq(store_goal_primary(&fx.st_b, u.id, &g), 0);
	ck_assert_int_eq(store_goal_top(&fx.st_b, u.id, rows, 3, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_goal_list(&fx.st_b, u.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	memset(&f, 0, sizeof(f));
	f.has_name = 1;
	f.goal_name = "Mallory";
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(store_goal_update(&fx.st_b, u.id, a.id, &f, &g), 0);
	ck_assert_int_eq(store_goal_demote(&fx.st_b, u.id, NULL), 0);
	ck_assert_int_eq(store_goal_advance(&fx.st_b, u.id, a.id, "2031-01-01"), 0);
	ck_assert_int_eq(store_goal_delete(&fx.st_b, u.id, a.id), 0);
	/* b cannot hang a goal on a's user */
	fields(&f, "Theirs", 100, 0);
	fixture_id("ozz_goal", id, sizeof(id));
	ck_assert_int_eq(store_goal_insert(&fx.st_b, u.id, id, &f, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	/* a's goal is as it was */
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, a.id, &g), 1);
	ck_assert_str_eq(g.goal_name, "Mine");
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(g.is_primary, 1);
	ck_assert_str_eq(g.next_move_date, a.next_move_date);
	ck_assert_str_eq(g.updated_at, a.updated_at);
	fixture_close(&fx);
}
END_TEST

/* A goal of type for user, with target and current (hundredths). */
static void
insert_typed(struct fixture *fx, const char *user, const char *type, const char *name,
    int64_t target, int64_t current, struct goal *out)
{
	struct goal_fields f;
	char	 id[OZ_ID_MAX];

	fields(&f, name, target, current);
	f.goal_type = type;
	fixture_id("ozz_goal", id, sizeof(id));
	ck_assert_int_eq(store_goal_insert(&fx->s.st, user, id, &f, out), 0);
}

START_TEST(add_moves_by_the_rules)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 a, b, g;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-add", "en", "USD", &u);
	insert(&fx, u.id, "A", 100000, 0, NULL, &a);
	ck_assert_int_eq(a.is_primary, 1);
	/* up, and down, never below 0 */
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, a.id, 25050, &g), 1);
	ck_assert_int_eq(g.current_amount, 25050);
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, a.id, -30000, &g), 1);
	ck_assert_int_eq(g.current_amount, 0);
	/* reaching the target achieves it, past it is fine for an achieved goal */
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, a.id, 100001, &g), 1);
	ck_assert_int_eq(g.current_amount, 100001);
	ck_assert_str_eq(g.status, "achieved");
	ck_assert_int_eq(g.is_primary, 1);
	/* another goal takes the primary slot meanwhile ... */
	insert(&fx, u.id, "B", 100000, 0, NULL, &b);
	ck_assert_int_eq(b.is_primary, 1);
	/* ... so A, active again below its target, yields it */
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, a.id, -2, &g), 1);
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(g.current_amount, 99999);
	ck_assert_int_eq(g.is_primary, 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, b.id, &g), 1);
	ck_assert_int_eq(g.is_primary, 1);
	/* an archived goal is never raised, but may be taken back */
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, a.id, &f, &g), 1);
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, a.id, 1, &g), 0);
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, a.id, -99, &g), 1);
	ck_assert_str_eq(g.status, "archived");
	ck_assert_int_eq(g.current_amount, 99900);
	/* nor past 10^12 major units, the most the API holds */
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, b.id, 100000000000001LL, &g), 0);
	ck_assert_int_eq(store_goal_add(&fx.s.st, u.id, b.id, 10000000000000000LL, &g), 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, b.id, &g), 1);
	ck_assert_int_eq(g.current_amount, 0);
	/* another user's or client's goal: nothing */
	ck_assert_int_eq(store_goal_add(&fx.st_b, u.id, b.id, 100, &g), 0);
	ck_assert_int_eq(store_goal_add(&fx.s.st, "ozz_usr_AAAAAAAAAAAAAAAAAAAAAA", b.id, 100,
	    &g), 0);
	ck_assert_int_eq(store_goal_get(&fx.s.st, u.id, b.id, &g), 1);
	ck_assert_int_eq(g.current_amount, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(candidates_by_kind_and_currency)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct user	 u;
	struct goal	 s1, d1, i1, d2, s2, rows[8];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "g-cand", "en", "BRL", &u);
	insert_typed(&fx, u.id, "savings", "Trip", 100000, 0, &s1);
	insert_typed(&fx, u.id, "debt_payoff", "Card", 100000, 0, &d1);
	insert_typed(&fx, u.id, "investment", "Index", 100000, 0, &i1);
	insert_typed(&fx, u.id, "debt_payoff", "Loan", 100000, 0, &d2);
	insert_typed(&fx, u.id, "savings", "Done", 100, 100, &s2);	/* achieved */
	ck_assert_str_eq(s2.status, "achieved");
	/* debt payments: the active debt goals, oldest first */
	ck_assert_int_eq(store_goal_candidates(&fx.s.st, u.id, "debt_payment", "BRL", rows, 8,
	    &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, d1.id);
	ck_assert_str_eq(rows[1].id, d2.id);
	/* savings contributions: savings and investment goals, active ones only */
	ck_assert_int_eq(store_goal_candidates(&fx.s.st, u.id, "savings_contribution", "BRL",
	    rows, 8, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, s1.id);
	ck_assert_str_eq(rows[1].id, i1.id);
	/* an archived goal is none; at most max */
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(store_goal_update(&fx.s.st, u.id, s1.id, &f, &s1), 1);
	ck_assert_int_eq(store_goal_candidates(&fx.s.st, u.id, "savings_contribution", NULL,
	    rows, 8, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, i1.id);
	ck_assert_int_eq(store_goal_candidates(&fx.s.st, u.id, "debt_payment", NULL, rows, 1,
	    &n), 0);
	ck_assert_uint_eq(n, 1);
	/* another currency than the user's, another kind, another client: none */
	ck_assert_int_eq(store_goal_candidates(&fx.s.st, u.id, "debt_payment", "USD", rows, 8,
	    &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_goal_candidates(&fx.s.st, u.id, "spending", NULL, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_goal_candidates(&fx.st_b, u.id, "debt_payment", NULL, rows, 8,
	    &n), 0);
	ck_assert_uint_eq(n, 0);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_goal_suite(void)
{
	Suite	*s = suite_create("store_goal");
	TCase	*tc = tcase_create("goals");

	tcase_add_test(tc, insert_fields_and_achieving);
	tcase_add_test(tc, one_primary_per_user);
	tcase_add_test(tc, update_rules);
	tcase_add_test(tc, top_order_and_lists);
	tcase_add_test(tc, advance_and_delete);
	tcase_add_test(tc, tenancy);
	tcase_add_test(tc, add_moves_by_the_rules);
	tcase_add_test(tc, candidates_by_kind_and_currency);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_goal_suite)
