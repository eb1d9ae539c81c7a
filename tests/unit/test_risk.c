/*
 * test_risk.c: the at-risk rules on worked examples: each rule just below,
 * at and above its threshold, monthly rates made yearly, the score as the
 * sum of the reasons' points, and a user with nothing to say no risk.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/risk.h"

static const struct risk_cfg cfg = { 1, 40, 20, 30, 2 };

/* An intake of 5,000.00 income, 4,000.00 expenses, 6,000.00 saved, no debt. */
static void
healthy(struct risk_in *in)
{
	memset(in, 0, sizeof(*in));
	in->has_intake = 1;
	in->income = 500000;
	in->expenses = 400000;
	in->has_savings = 1;
	in->savings = 600000;
}

static const struct risk_reason *
reason(const struct risk_out *o, enum risk_code c)
{
	size_t	 i;

	for (i = 0; i < o->n; i++)
		if (o->reasons[i].code == c)
			return &o->reasons[i];
	return NULL;
}

START_TEST(nothing_to_flag)
{
	struct risk_in	 in;
	struct risk_out	 o;

	healthy(&in);
	risk_eval(&cfg, &in, &o);
	ck_assert_int_eq(o.score, 0);
	ck_assert_uint_eq(o.n, 0);
	/* no intake, no transactions: nothing is known, nothing fires */
	memset(&in, 0, sizeof(in));
	risk_eval(&cfg, &in, &o);
	ck_assert_int_eq(o.score, 0);
}
END_TEST

START_TEST(cash_flow)
{
	struct risk_in	 in;
	struct risk_out	 o;
	const struct risk_reason *r;

	/* expenses 5,250.00 over an income of 5,000.00: -250.00 a month */
	healthy(&in);
	in.expenses = 525000;
	in.savings = 1000000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_NEGATIVE_CASH_FLOW));
	ck_assert_int_eq(r->value, -25000);
	ck_assert_int_eq(r->threshold, 0);
	ck_assert_str_eq(r->basis, "intake");
	ck_assert_int_eq(o.score, 30);
	/* break-even is not negative */
	in.expenses = 500000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_NEGATIVE_CASH_FLOW));
	/* no intake: 90 days of 3,000.00 income and 3,100.50 spending */
	memset(&in, 0, sizeof(in));
	in.flow_income = 300000;
	in.flow_income_count = 2;
	in.flow_spending = 310050;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_NEGATIVE_CASH_FLOW));
	ck_assert_int_eq(r->value, -10050);
	ck_assert_str_eq(r->basis, "transactions");
	/* spending alone, no income logged, says nothing of the cash flow */
	in.flow_income = 0;
	in.flow_income_count = 0;
	risk_eval(&cfg, &in, &o);
	ck_assert_int_eq(o.score, 0);
}
END_TEST

START_TEST(emergency_fund)
{
	struct risk_in	 in;
	struct risk_out	 o;
	const struct risk_reason *r;

	/* 2,000.00 saved for 4,000.00 of monthly expenses: half a month */
	healthy(&in);
	in.savings = 200000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_LOW_EMERGENCY_FUND));
	ck_assert_int_eq(r->value, 50);
	ck_assert_int_eq(r->threshold, 100);
	ck_assert_int_eq(o.score, 15);
	/* exactly one month is enough */
	in.savings = 400000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_LOW_EMERGENCY_FUND));
	/* a cent short is not: 0.99999… rounds to 1.00 but still fires */
	in.savings = 399999;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_LOW_EMERGENCY_FUND));
	ck_assert_int_eq(r->value, 100);
	/* savings not given: not judged */
	in.has_savings = 0;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_LOW_EMERGENCY_FUND));
}
END_TEST

START_TEST(debt_to_income_and_interest)
{
	struct risk_in	 in;
	struct risk_out	 o;
	const struct risk_reason *r;

	/* 30,000.00 of debt over 60,000.00 a year: 50% */
	healthy(&in);
	in.ndebts = 2;
	in.debts[0].balance = 2000000;
	in.debts[0].has_rate = 1;
	in.debts[0].rate = 19900;		/* 19.9% a year */
	in.debts[1].balance = 1000000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_HIGH_DEBT_TO_INCOME));
	ck_assert_int_eq(r->value, 5000);
	ck_assert_int_eq(r->threshold, 4000);
	ck_assert_ptr_null(reason(&o, RISK_HIGH_INTEREST_DEBT));
	ck_assert_int_eq(o.score, 20);
	/* exactly 40% (24,000.00) does not fire */
	in.debts[1].balance = 400000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_HIGH_DEBT_TO_INCOME));
	/* 2% a month is 24% a year */
	in.debts[1].has_rate = 1;
	in.debts[1].rate = 2000;
	in.debts[1].monthly = 1;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_HIGH_INTEREST_DEBT));
	ck_assert_int_eq(r->value, 2400);
	ck_assert_int_eq(r->threshold, 2000);
	ck_assert_int_eq(o.score, 15);
	/* 20% a year is not above 20% */
	in.debts[1].rate = 20000;
	in.debts[1].monthly = 0;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_HIGH_INTEREST_DEBT));
	/* a paid-off debt's rate does not count */
	in.debts[1].rate = 90000;
	in.debts[1].balance = 0;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_HIGH_INTEREST_DEBT));
}
END_TEST

START_TEST(spending_spike)
{
	struct risk_in	 in;
	struct risk_out	 o;
	const struct risk_reason *r;

	/* 1,400.00 after 1,000.00, 1,100.00 and 900.00 (average 1,000.00): 40% */
	healthy(&in);
	in.month_spend[0] = 140000;
	in.month_spend[1] = 100000;
	in.month_spend[2] = 110000;
	in.month_spend[3] = 90000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_SPENDING_SPIKE));
	ck_assert_int_eq(r->value, 4000);
	ck_assert_int_eq(r->threshold, 3000);
	ck_assert_int_eq(o.score, 10);
	/* exactly 30% above does not fire */
	in.month_spend[0] = 130000;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_SPENDING_SPIKE));
	/* nothing spent before: no average to compare with */
	in.month_spend[1] = in.month_spend[2] = in.month_spend[3] = 0;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_null(reason(&o, RISK_SPENDING_SPIKE));
}
END_TEST

START_TEST(missed_moves_and_the_score)
{
	struct risk_in	 in;
	struct risk_out	 o;
	const struct risk_reason *r;
	enum risk_code	 c;
	size_t		 i;
	int		 sum = 0;

	healthy(&in);
	in.missed_moves = 1;
	risk_eval(&cfg, &in, &o);
	ck_assert_int_eq(o.score, 0);
	in.missed_moves = 2;
	risk_eval(&cfg, &in, &o);
	ck_assert_ptr_nonnull(r = reason(&o, RISK_MISSED_MONEY_MOVES));
	ck_assert_int_eq(r->value, 200);
	ck_assert_int_eq(r->threshold, 200);
	/* everything at once: 100, the sum of every rule's points */
	in.expenses = 600000;
	in.savings = 0;
	in.ndebts = 1;
	in.debts[0].balance = 5000000;
	in.debts[0].has_rate = 1;
	in.debts[0].rate = 3000;
	in.debts[0].monthly = 1;
	in.month_spend[0] = 200000;
	in.month_spend[1] = in.month_spend[2] = in.month_spend[3] = 100000;
	risk_eval(&cfg, &in, &o);
	ck_assert_uint_eq(o.n, RISK_NCODES);
	for (i = 0; i < o.n; i++) {
		ck_assert_int_eq(o.reasons[i].code, (int)i);
		sum += o.reasons[i].points;
	}
	ck_assert_int_eq(o.score, 100);
	ck_assert_int_eq(sum, 100);
	ck_assert_int_eq(risk_code_parse("spending_spike", &c), 0);
	ck_assert_int_eq(c, RISK_SPENDING_SPIKE);
	ck_assert_int_eq(risk_code_parse("spending", &c), -1);
	ck_assert_str_eq(risk_code_name(RISK_LOW_EMERGENCY_FUND), "low_emergency_fund");
	ck_assert_ptr_null(risk_code_name(RISK_NCODES));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("risk");
	TCase *tc = tcase_create("domain");

	tcase_add_test(tc, nothing_to_flag);
	tcase_add_test(tc, cash_flow);
	tcase_add_test(tc, emergency_fund);
	tcase_add_test(tc, debt_to_income_and_interest);
	tcase_add_test(tc, spending_spike);
	tcase_add_test(tc, missed_moves_and_the_score);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
