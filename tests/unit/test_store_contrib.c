/*
 * test_store_contrib.c: the goal_contributions store module against a real
 * PostgreSQL: insert, take (once), pages newest first with a source filter,
 * a goal's contributions going with it, the table's checks, and tenancy.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_contrib.h"
#include "store/store_goal.h"

static void
goal(struct fixture *fx, const char *user, struct goal *out)
{
	struct goal_fields f;
	char	 id[OZ_ID_MAX];

	memset(&f, 0, sizeof(f));
	f.goal_type = "savings";
	f.goal_name = "Fund";
	f.target_amount = 100000;
	f.cadence = "monthly";
	fixture_id("ozz_goal", id, sizeof(id));
	ck_assert_int_eq(store_goal_insert(&fx->s.st, user, id, &f, out), 0);
}

static void
contrib(struct goal_contrib *c, const char *user, const char *goal_id, int64_t amount,
    const char *source, const char *cycle)
{
	memset(c, 0, sizeof(*c));
	fixture_id("ozz_gc", c->id, sizeof(c->id));
	snprintf(c->user_id, sizeof(c->user_id), "%s", user);
	snprintf(c->goal_id, sizeof(c->goal_id), "%s", goal_id);
	c->amount = amount;
	snprintf(c->source, sizeof(c->source), "%s", source);
	fixture_id(strcmp(source, "task") == 0 ? "ozz_task" : "ozz_txn", c->source_id,
	    sizeof(c->source_id));
	snprintf(c->money_move_id, sizeof(c->money_move_id), "%s", cycle ? cycle : "");
}

START_TEST(insert_take_and_list)
{
	struct fixture	 fx;
	struct goal_contrib a, b, c, got, rows[4];
	struct store_page pg = { 2, 0, 0, "" };
	struct user	 u;
	struct goal	 g;
	char		 ref[128];
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "gc-1", "en", "USD", &u);
	goal(&fx, u.id, &g);
	contrib(&a, u.id, g.id, 110769, "transaction", NULL);
	contrib(&b, u.id, g.id, 5000, "task", "ozz_mm_AAAAAAAAAAAAAAAAAAAAAA");
	contrib(&c, u.id, g.id, 1, "transaction", NULL);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &a), 0);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &b), 0);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &c), 0);
	/* one per source */
	fixture_id("ozz_gc", a.id, sizeof(a.id));
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &a), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_UNIQUE);
	/* newest first, in pages, by the user's id or external id */
	ck_assert_int_eq(store_contrib_list(&fx.s.st, u.id, g.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 1);
	ck_assert_str_eq(rows[0].source_id, c.source_id);
	ck_assert_str_eq(rows[1].source, "task");
	ck_assert_str_eq(rows[1].money_move_id, "ozz_mm_AAAAAAAAAAAAAAAAAAAAAA");
	ck_assert_int_eq(rows[1].amount, 5000);
	ck_assert_uint_eq(strlen(rows[1].created_at), 20);
	pg.has_after = 1;
	pg.after_us = rows[1].cursor_us;
	snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[1].id);
	snprintf(ref, sizeof(ref), "external:gc-1");
	ck_assert_int_eq(store_contrib_list(&fx.s.st, ref, g.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].source_id, a.source_id);
	ck_assert_int_eq(rows[0].amount, 110769);
	ck_assert_str_eq(rows[0].money_move_id, "");
	memset(&pg, 0, sizeof(pg));
	pg.limit = 4;
	ck_assert_int_eq(store_contrib_list(&fx.s.st, u.id, g.id, "task", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].source_id, b.source_id);
	/* taken once */
	ck_assert_int_eq(store_contrib_take(&fx.s.st, u.id, "transaction", a.source_id, &got), 1);
	ck_assert_str_eq(got.goal_id, g.id);
	ck_assert_int_eq(got.amount, 110769);
	ck_assert_int_eq(store_contrib_take(&fx.s.st, u.id, "transaction", a.source_id, &got), 0);
	ck_assert_int_eq(store_contrib_take(&fx.s.st, u.id, "task", c.source_id, &got), 0);
	ck_assert_int_eq(store_contrib_list(&fx.s.st, u.id, g.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	/* a goal's contributions go with it */
	ck_assert_int_eq(store_goal_delete(&fx.s.st, u.id, g.id), 1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM goal_contributions WHERE"
	    " client_id = $1", fx.a, NULL), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(checks_and_tenancy)
{
	struct fixture	 fx;
	struct goal_contrib a, got, rows[2];
	struct store_page pg = { 2, 0, 0, "" };
	struct user	 u, w;
	struct goal	 g;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "gc-2", "en", "USD", &u);
	fixture_user(&fx.s.st, "gc-3", "en", "USD", &w);
	goal(&fx, u.id, &g);
	/* no amount, a task without its cycle, a goal that is not there */
	contrib(&a, u.id, g.id, 0, "transaction", NULL);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &a), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	contrib(&a, u.id, g.id, 100, "task", NULL);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &a), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	contrib(&a, u.id, "ozz_goal_AAAAAAAAAAAAAAAAAAAAAA", 100, "transaction", NULL);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &a), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	/* another client can neither hang one on a's goal nor see or take a's */
	contrib(&a, u.id, g.id, 100, "transaction", NULL);
	ck_assert_int_eq(store_contrib_insert(&fx.st_b, &a), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	ck_assert_int_eq(store_contrib_insert(&fx.s.st, &a), 0);
	ck_assert_int_eq(store_contrib_list(&fx.st_b, u.id, g.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_contrib_take(&fx.st_b, u.id, "transaction", a.source_id, &got), 0);
	/* nor another user of the same client */
	ck_assert_int_eq(store_contrib_list(&fx.s.st, w.id, g.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_contrib_take(&fx.s.st, w.id, "transaction", a.source_id, &got), 0);
	ck_assert_int_eq(store_contrib_list(&fx.s.st, u.id, g.id, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_contrib_suite(void)
{
	Suite	*s = suite_create("store_contrib");
	TCase	*tc = tcase_create("contributions");

	tcase_add_test(tc, insert_take_and_list);
	tcase_add_test(tc, checks_and_tenancy);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_contrib_suite)
