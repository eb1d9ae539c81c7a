/*
 * test_svc_intake.c: the financial intake service without HTTP, on a real
 * PostgreSQL: the defaults (month, goal, the "debt" alias), the latest
 * intake and its history, the onboarding a first intake moves, and
 * another client's users.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "service/svc_intake.h"
#include "service/svc_user.h"

static void
figures(struct intake *in, int64_t income, int64_t expenses)
{
	memset(in, 0, sizeof(*in));
	in->income = income;
	in->expenses = expenses;
}

static const char *
stage(struct fixture *fx, const char *ref)
{
	static struct user u;

	ck_assert_int_eq(svc_user_resolve(&fx->s, ref, 0, &u), 0);
	return u.onboarding_stage;
}

START_TEST(defaults_and_first_intake)
{
	struct fixture	 fx;
	struct intake	 in, out, g;
	char		 today[11], month[8];

	fixture_open(&fx);
	cal_today(today);
	snprintf(month, sizeof(month), "%.7s", today);
	/* no intake yet: NOT_FOUND (and the user exists from now on) */
	ck_assert_int_eq(svc_intake_latest(&fx.s, "external:in-1", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_str_eq(stage(&fx, "external:in-1"), "intake_pending");
	/* the current month and a savings goal by default */
	figures(&in, 500000, 350050);
	ck_assert_int_eq(svc_intake_create(&fx.s, "external:in-1", &in, &out), 0);
	ck_assert(strncmp(out.id, "ozz_intake_", 11) == 0);
	ck_assert_str_eq(out.month, month);
	ck_assert_str_eq(out.financial_goal, "savings");
	ck_assert_int_eq(out.income, 500000);
	ck_assert_int_eq(out.surplus, 149950);
	ck_assert(!out.has_savings && !out.has_debt && !out.has_rate);
	/* the first intake moves the user on, once */
	ck_assert_str_eq(stage(&fx, "external:in-1"), "plan_pending");
	ck_assert_int_eq(svc_intake_latest(&fx.s, "external:in-1", &g), 0);
	ck_assert_str_eq(g.id, out.id);
	/* "debt" is debt_payoff; what is given is kept */
	figures(&in, 400000, 300000);
	snprintf(in.month, sizeof(in.month), "2026-01");
	snprintf(in.financial_goal, sizeof(in.financial_goal), "debt");
	snprintf(in.next_pay_date, sizeof(in.next_pay_date), "2026-02-05");
	in.has_debt = in.has_rate = 1;
	in.debt = 1500000;
	in.rate = 2499;
	ck_assert_int_eq(svc_intake_create(&fx.s, "external:in-1", &in, &out), 0);
	ck_assert_str_eq(out.financial_goal, "debt_payoff");
	ck_assert_str_eq(out.month, "2026-01");
	ck_assert_str_eq(out.next_pay_date, "2026-02-05");
	ck_assert_int_eq(out.debt, 1500000);
	ck_assert_int_eq(out.rate, 2499);
	ck_assert_str_eq(stage(&fx, "external:in-1"), "plan_pending");
	/* investment stays investment */
	figures(&in, 1, 0);
	snprintf(in.financial_goal, sizeof(in.financial_goal), "investment");
	ck_assert_int_eq(svc_intake_create(&fx.s, "external:in-1", &in, &out), 0);
	ck_assert_str_eq(out.financial_goal, "investment");
	fixture_close(&fx);
}
END_TEST

START_TEST(history_newest_first)
{
	struct fixture	 fx;
	struct intake	 in, made[3], rows[3];
	struct store_page pg = { 2, 0, 0, "" };
	size_t		 n;
	int		 more, k;

	fixture_open(&fx);
	ck_assert_int_eq(svc_intake_history(&fx.s, "external:h-1", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	for (k = 0; k < 3; k++) {
		figures(&in, 100000 * (k + 1), 0);
		ck_assert_int_eq(svc_intake_create(&fx.s, "external:h-1", &in, &made[k]), 0);
	}
	ck_assert_int_eq(svc_intake_history(&fx.s, "external:h-1", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 1);
	ck_assert_str_eq(rows[0].id, made[2].id);
	ck_assert_str_eq(rows[1].id, made[1].id);
	ck_assert_int_eq(svc_intake_latest(&fx.s, "external:h-1", &in), 0);
	ck_assert_int_eq(in.income, 300000);
	fixture_close(&fx);
}
END_TEST

START_TEST(an_active_user_stays_active)
{
	struct fixture	 fx;
	struct intake	 in, out;
	struct user	 u;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "act", "en", "USD", &u);
	ck_assert_int_eq(svc_user_onboard(&fx.s, u.id, SVC_ONBOARD_PLAN), 0);
	figures(&in, 100, 50);
	ck_assert_int_eq(svc_intake_create(&fx.s, u.id, &in, &out), 0);
	ck_assert_str_eq(stage(&fx, u.id), "active");
	fixture_close(&fx);
}
END_TEST

START_TEST(refusals_write_nothing)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct intake	 in, out;
	struct user	 u;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fixture_user(&fx.s.st, "ref", "en", "USD", &u);
	figures(&in, 100, 50);
	/* another client's user is not found, for writes and reads */
	ck_assert_int_eq(svc_intake_create(&sb, u.id, &in, &out), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_intake_latest(&sb, u.id, &out), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* a malformed external id */
	ck_assert_int_eq(svc_intake_create(&fx.s, "external:", &in, &out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "user_id");
	/* a figure the table refuses: the intake and the onboarding roll back together */
	figures(&in, -100, 50);
	ck_assert_int_eq(svc_intake_create(&fx.s, u.id, &in, &out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_str_eq(stage(&fx, u.id), "intake_pending");
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM financial_intakes WHERE client_id = $1"
	    " OR client_id = $2", fx.a, fx.b), 0);
	/* and the connection is usable after the rollback */
	figures(&in, 100, 50);
	ck_assert_int_eq(svc_intake_create(&fx.s, u.id, &in, &out), 0);
	ck_assert_str_eq(stage(&fx, u.id), "plan_pending");
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_intake_suite(void)
{
	Suite	*s = suite_create("svc_intake");
	TCase	*tc = tcase_create("intakes");

	tcase_add_test(tc, defaults_and_first_intake);
	tcase_add_test(tc, history_newest_first);
	tcase_add_test(tc, an_active_user_stays_active);
	tcase_add_test(tc, refusals_write_nothing);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_intake_suite)
