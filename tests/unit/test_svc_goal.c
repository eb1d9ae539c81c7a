/*
 * test_svc_goal.c: the goals service without HTTP, on a real PostgreSQL:
 * the defaults, one active primary goal (a goal made primary demotes the
 * others), the table's checks as VALIDATION_ERROR, and goals that are not
 * the user's or the client's.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "service/svc_goal.h"

static void
fields(struct goal_fields *f, const char *type, int64_t target)
{
	memset(f, 0, sizeof(*f));
	f->goal_type = type;
	f->target_amount = target;
}

START_TEST(defaults)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct goal	 g;

	fixture_open(&fx);
	fields(&f, "savings", 300000);
	f.starting_amount = 50000;
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gd", &f, &g), 0);
	ck_assert(strncmp(g.id, "ozz_goal_", 9) == 0);
	ck_assert_str_eq(g.goal_type, "savings");
	ck_assert_str_eq(g.goal_name, "Savings goal");
	ck_assert_int_eq(g.starting_amount, 50000);
	ck_assert_int_eq(g.current_amount, 50000);	/* the current amount starts there */
	ck_assert_str_eq(g.cadence, "monthly");
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(g.is_primary, 1);		/* the user's first goal */
	/* "debt" is an alias; a given current amount wins over the starting one */
	fields(&f, "debt", 800000);
	f.starting_amount = 100000;
	f.has_current = 1;
	f.current_amount = 250000;
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gd", &f, &g), 0);
	ck_assert_str_eq(g.goal_type, "debt_payoff");
	ck_assert_str_eq(g.goal_name, "Debt payoff goal");
	ck_assert_int_eq(g.current_amount, 250000);
	ck_assert_int_eq(g.is_primary, 0);
	fields(&f, "investment", 100);
	f.goal_name = "Index fund";
	f.cadence = "twice_monthly";
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gd", &f, &g), 0);
	ck_assert_str_eq(g.goal_name, "Index fund");
	ck_assert_str_eq(g.cadence, "twice_monthly");
	fields(&f, "investment", 100);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gd", &f, &g), 0);
	ck_assert_str_eq(g.goal_name, "Investment goal");
	/* an update may use the alias too */
	memset(&f, 0, sizeof(f));
	f.has_type = 1;
	f.goal_type = "debt";
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:gd", g.id, &f, &g), 0);
	ck_assert_str_eq(g.goal_type, "debt_payoff");
	/* a goal needs a type */
	fields(&f, NULL, 100);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gd", &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "goal_type");
	fixture_close(&fx);
}
END_TEST

START_TEST(primary_demotion)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct goal	 a, b, c, g, rows[4];
	struct store_page pg = { 4, 0, 0, "" };
	size_t		 n, i;
	int		 more, primaries;

	fixture_open(&fx);
	fields(&f, "savings", 100000);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gp", &f, &a), 0);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gp", &f, &b), 0);
	ck_assert_int_eq(a.is_primary, 1);
	ck_assert_int_eq(b.is_primary, 0);
	/* a new goal made primary takes over */
	f.primary = "t";
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gp", &f, &c), 0);
	ck_assert_int_eq(c.is_primary, 1);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:gp", a.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 0);
	/* an update making one primary demotes the rest */
	memset(&f, 0, sizeof(f));
	f.primary = "t";
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:gp", b.id, &f, &g), 0);
	ck_assert_int_eq(g.is_primary, 1);
	ck_assert_int_eq(svc_goal_list(&fx.s, "external:gp", "active", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	for (i = 0, primaries = 0; i < n; i++) {
		primaries += rows[i].is_primary;
		if (rows[i].is_primary)
			ck_assert_str_eq(rows[i].id, b.id);
	}
	ck_assert_int_eq(primaries, 1);
	/* primary false on create leaves the primary alone */
	fields(&f, "savings", 100000);
	f.primary = "f";
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gp", &f, &g), 0);
	ck_assert_int_eq(g.is_primary, 0);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:gp", b.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(only_an_active_goal_is_primary)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct goal	 a, b, g;

	fixture_open(&fx);
	fields(&f, "savings", 100000);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:ga", &f, &a), 0);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:ga", &f, &b), 0);
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:ga", b.id, &f, &b), 0);
	/* an archived goal asked to be primary: refused, and A keeps the slot */
	memset(&f, 0, sizeof(f));
	f.primary = "t";
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:ga", b.id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "is_primary");
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:ga", a.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 1);
	/* a goal created already reached cannot take it either */
	fields(&f, "savings", 100);
	f.has_current = 1;
	f.current_amount = 150;
	f.primary = "t";
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:ga", &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "is_primary");
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:ga", a.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 1);
	/* nor an achieved one that stays achieved */
	memset(&f, 0, sizeof(f));
	f.has_current = 1;
	f.current_amount = 100000;
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:ga", a.id, &f, &a), 0);
	ck_assert_str_eq(a.status, "achieved");
	fields(&f, "savings", 100000);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:ga", &f, &b), 0);
	ck_assert_int_eq(b.is_primary, 1);
	memset(&f, 0, sizeof(f));
	f.primary = "t";
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:ga", a.id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "is_primary");
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:ga", b.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 1);
	/* ... but one made active again in the same change may */
	f.has_target = 1;
	f.target_amount = 200000;
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:ga", a.id, &f, &a), 0);
	ck_assert_str_eq(a.status, "active");
	ck_assert_int_eq(a.is_primary, 1);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:ga", b.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(checks_are_validation_errors)
{
	struct fixture	 fx;
	struct goal_fields f;
	struct goal	 a, g;
	int64_t		 before;

	fixture_open(&fx);
	fields(&f, "savings", 100000);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gc", &f, &a), 0);
	before = fixture_count("SELECT count(*) FROM goals WHERE client_id = $1", fx.a, NULL);
	fields(&f, "savings", 0);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gc", &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	fields(&f, "lottery", 100);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gc", &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	/* made primary but refused: the demotion is rolled back with it */
	fields(&f, "savings", 100);
	f.cadence = "daily";
	f.primary = "t";
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:gc", &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:gc", a.id, &g), 0);
	ck_assert_int_eq(g.is_primary, 1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM goals WHERE client_id = $1", fx.a,
	    NULL), before);
	/* archived above its target */
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	f.has_current = 1;
	f.current_amount = 100001;
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:gc", a.id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:gc", a.id, &g), 0);
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(g.current_amount, 0);
	/* reaching the target through the service achieves it */
	f.has_status = 0;
	f.current_amount = 100000;
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:gc", a.id, &f, &g), 0);
	ck_assert_str_eq(g.status, "achieved");
	fixture_close(&fx);
}
END_TEST

START_TEST(not_the_users_goal)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct goal_fields f;
	struct goal	 a, g;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fields(&f, "savings", 100000);
	ck_assert_int_eq(svc_goal_create(&fx.s, "external:owner", &f, &a), 0);
	/* a malformed goal id, another user's goal, another client's */
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:owner", "goal-1", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:other", a.id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_goal_delete(&fx.s, "external:other", a.id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_goal_get(&sb, "external:owner", a.id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	memset(&f, 0, sizeof(f));
	f.has_name = 1;
	f.goal_name = "Mallory's";
	ck_assert_int_eq(svc_goal_update(&sb, "external:owner", a.id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_goal_update(&fx.s, "external:other", a.id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_goal_delete(&sb, "external:owner", a.id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* still there, unchanged; then deleted by its owner */
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:owner", a.id, &g), 0);
	ck_assert_str_eq(g.goal_name, "Savings goal");
	ck_assert_int_eq(svc_goal_delete(&fx.s, "external:owner", a.id), 0);
	ck_assert_int_eq(svc_goal_get(&fx.s, "external:owner", a.id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_goal_delete(&fx.s, "external:owner", a.id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* a DELETE never creates the external user it names */
	ck_assert_int_eq(svc_goal_delete(&fx.s, "external:nobody-yet", a.id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM users WHERE client_id = $1"
	    " AND external_user_id = $2", fx.a, "nobody-yet"), 0);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_goal_suite(void)
{
	Suite	*s = suite_create("svc_goal");
	TCase	*tc = tcase_create("goals");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, primary_demotion);
	tcase_add_test(tc, only_an_active_goal_is_primary);
	tcase_add_test(tc, checks_are_validation_errors);
	tcase_add_test(tc, not_the_users_goal);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_goal_suite)
