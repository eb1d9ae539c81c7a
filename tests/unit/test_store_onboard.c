/*
 * test_store_onboard.c: where a WhatsApp onboarding stands, against a real
 * PostgreSQL: written whole and read back (answers not given stay NULL),
 * replaced, gone with its user, and another client's users out of reach.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_onboard.h"

START_TEST(put_get_replace)
{
	struct fixture	 fx;
	struct user	 u;
	struct onboarding o, got;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "ob-1", "pt", "BRL", &u);
	ck_assert_int_eq(store_onboard_get(&fx.s.st, u.id, &got), 0);
	memset(&o, 0, sizeof(o));
	snprintf(o.step, sizeof(o.step), "income");
	ck_assert_int_eq(store_onboard_put(&fx.s.st, u.id, &o), 0);
	ck_assert_int_eq(store_onboard_get(&fx.s.st, u.id, &got), 1);
	ck_assert_str_eq(got.step, "income");
	ck_assert(!got.has_income && !got.has_expenses && !got.has_savings && !got.has_debt &&
	    !got.has_rate);
	ck_assert_str_eq(got.rate_period, "");
	ck_assert_str_eq(got.goal_name, "");
	/* every answer, then replaced whole */
	snprintf(o.step, sizeof(o.step), "goal_amount");
	o.has_income = o.has_expenses = o.has_savings = o.has_debt = o.has_rate = 1;
	o.income = 500000;
	o.expenses = 270000;
	o.savings = 0;
	o.debt = 120000;
	o.rate = 14000;
	snprintf(o.rate_period, sizeof(o.rate_period), "month");
	snprintf(o.goal_name, sizeof(o.goal_name), "Viagem para Portugal");
	snprintf(o.goal_type, sizeof(o.goal_type), "savings");
	ck_assert_int_eq(store_onboard_put(&fx.s.st, u.id, &o), 0);
	ck_assert_int_eq(store_onboard_get(&fx.s.st, u.id, &got), 1);
	ck_assert_str_eq(got.step, "goal_amount");
	ck_assert(got.has_income && got.income == 500000);
	ck_assert(got.has_expenses && got.expenses == 270000);
	ck_assert(got.has_savings && got.savings == 0);
	ck_assert(got.has_debt && got.debt == 120000);
	ck_assert(got.has_rate && got.rate == 14000);
	ck_assert_str_eq(got.rate_period, "month");
	ck_assert_str_eq(got.goal_name, "Viagem para Portugal");
	ck_assert_str_eq(got.goal_type, "savings");
	ck_assert(!got.goal_emergency);
	/* a step the table does not know is refused, the row kept */
	snprintf(o.step, sizeof(o.step), "nonsense");
	ck_assert_int_eq(store_onboard_put(&fx.s.st, u.id, &o), -1);
	ck_assert_int_eq(store_onboard_get(&fx.s.st, u.id, &got), 1);
	ck_assert_str_eq(got.step, "goal_amount");
	/* gone with the user */
	fixture_sql("DELETE FROM users WHERE id = $1", u.id, NULL);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM wa_onboarding WHERE user_id = $1",
	    u.id, NULL), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct user	 u;
	struct onboarding o, got;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "ob-2", "en", "USD", &u);
	memset(&o, 0, sizeof(o));
	snprintf(o.step, sizeof(o.step), "expenses");
	o.has_income = 1;
	o.income = 320000;
	ck_assert_int_eq(store_onboard_put(&fx.s.st, u.id, &o), 0);
	/* the other client neither reads nor writes it */
	ck_assert_int_eq(store_onboard_get(&fx.st_b, u.id, &got), 0);
	snprintf(o.step, sizeof(o.step), "off");
	ck_assert_int_eq(store_onboard_put(&fx.st_b, u.id, &o), -1);
	ck_assert_int_eq(store_onboard_get(&fx.s.st, u.id, &got), 1);
	ck_assert_str_eq(got.step, "expenses");
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM wa_onboarding WHERE user_id = $1",
	    u.id, NULL), 1);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_onboard_suite(void)
{
	Suite	*s = suite_create("store_onboard");
	TCase	*tc = tcase_create("db");

	tcase_add_test(tc, put_get_replace);
	tcase_add_test(tc, tenancy);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_onboard_suite)
