/*
 * test_finance.c: the plan engine against examples worked by hand. Every
 * expected figure below is derived in the comment next to it, from the rules
 * documented in finance.h.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/finance.h"

static struct fin_plan plan;	/* large (360 months): not on the stack */

/* A user with nothing but a currency and a date; each test adds what it shows. */
static void
base(struct fin_input *in, const char *lang, const char *cur, const char *today)
{
	memset(in, 0, sizeof(*in));
	in->language = lang;
	in->currency = cur;
	in->today = today;
	in->intake_goal = "savings";
}

static int
has_action(const char *needle)
{
	int i;

	for (i = 0; i < plan.n_actions; i++)
		if (strstr(plan.actions[i], needle))
			return i;
	return -1;
}

static void
sums_to_100(void)
{
	ck_assert_int_eq(plan.needs_pct + plan.wants_pct + plan.savings_pct + plan.debt_pct, 100);
}

/*
 * Savings goal. Income 5,000.00, expenses 4,000.00: surplus 1,000.00, all of
 * it funds (no debt, template 50/30/20/0). Rate 1,000/5,000 = 2000 bp; target
 * (20+0)*100 = 2000 bp. Goal "Vacation" 6,000.00 from 1,000.00: 5,000.00 to
 * go at 1,000.00/month = 5 months:
 *   2025-02 2,000.00 | 2025-03 3,000.00 | 2025-04 4,000.00 | 2025-05 5,000.00 | 2025-06 6,000.00
 * Today 2025-01-31 + 5 months = June, day 31 clamped to 30: 2025-06-30.
 */
START_TEST(savings_goal)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 500000;
	in.expenses_cents = 400000;
	in.has_goal = 1;
	in.goal_type = "savings";
	in.goal_name = "Vacation";
	in.goal_target_cents = 600000;
	in.goal_current_cents = 100000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.needs_pct, 50);
	ck_assert_int_eq(plan.wants_pct, 30);
	ck_assert_int_eq(plan.savings_pct, 20);
	ck_assert_int_eq(plan.debt_pct, 0);
	ck_assert_int_eq(plan.monthly_savings_cents, 100000);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 0);
	ck_assert_int_eq(plan.current_savings_rate_bp, 2000);
	ck_assert_int_eq(plan.target_savings_rate_bp, 2000);
	ck_assert_int_eq(plan.timeline_months, 5);
	ck_assert_str_eq(plan.projected_goal_date, "2025-06-30");
	ck_assert_str_eq(plan.debt_payoff_date, "");
	ck_assert_int_eq(plan.emergency_fund_tenths, -1);	/* savings balance not given */
	ck_assert_int_eq(plan.n_projection, 5);
	ck_assert_str_eq(plan.projection[0].month, "2025-02");
	ck_assert_int_eq(plan.projection[0].balance_cents, 200000);
	ck_assert_str_eq(plan.projection[4].month, "2025-06");
	ck_assert_int_eq(plan.projection[4].balance_cents, 600000);
	ck_assert_str_eq(plan.derived_goal_type, "savings");
	ck_assert_int_eq(plan.derived_goal_target_cents, 600000);
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "Putting $1,000.00 a month toward Vacation ($6,000.00), you get there in 5 months, around 2025-06-30."));
	ck_assert_ptr_nonnull(strstr(plan.summary, "You earn $5,000.00 and spend $4,000.00 a month"));
	/* emergency fund: 3 x 4,000.00 = 12,000.00, none saved */
	ck_assert_int_ge(has_action("$12,000.00 more covers 3 months"), 0);
}
END_TEST

/*
 * Debt goal, amortised. Income 2,000.00, expenses 1,875.00: funds 125.00.
 * Template debt_payoff with debt 50/25/5/20: debt gets 125.00 * 20/25 =
 * 100.00, savings 25.00. Debt 1,000.00 at 12%/yr (1%/month, interest
 * rounded half up to cents each month, then the payment):
 *   m  interest  balance after payment
 *   1   10.00    1,010.00 - 100 = 910.00
 *   2    9.10      919.10 - 100 = 819.10
 *   3    8.19      827.29 - 100 = 727.29
 *   4    7.27      734.56 - 100 = 634.56
 *   5    6.35      640.91 - 100 = 540.91
 *   6    5.41      546.32 - 100 = 446.32
 *   7    4.46      450.78 - 100 = 350.78
 *   8    3.51      354.29 - 100 = 254.29
 *   9    2.54      256.83 - 100 = 156.83
 *  10    1.57      158.40 - 100 =  58.40
 *  11    0.58       58.98 - 58.98 =  0     total interest 58.98
 * Paid off in month 11: 2025-01-15 + 11 = 2025-12-15.
 * Paying 25% more (125.00): interest 10.00, 8.85, 7.69, 6.52, 5.33, 4.13,
 * 2.93, 1.70, 0.47 = 47.62 over 9 months: 2 months sooner, 58.98 - 47.62 =
 * 11.36 saved.
 */
START_TEST(debt_goal)
{
	struct fin_input in;

	base(&in, "pt", "BRL", "2025-01-15");
	in.intake_goal = "debt_payoff";
	in.income_cents = 200000;
	in.expenses_cents = 187500;
	in.has_debt = 1;
	in.debt_cents = 100000;
	in.debt_rate_bp = 1200;
	in.has_goal = 1;
	in.goal_type = "debt_payoff";
	in.goal_name = "Cartão";
	in.goal_target_cents = 100000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.needs_pct, 50);
	ck_assert_int_eq(plan.wants_pct, 25);
	ck_assert_int_eq(plan.savings_pct, 5);
	ck_assert_int_eq(plan.debt_pct, 20);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 10000);
	ck_assert_int_eq(plan.monthly_savings_cents, 2500);
	ck_assert_int_eq(plan.current_savings_rate_bp, 625);	/* 125/2000 */
	ck_assert_int_eq(plan.target_savings_rate_bp, 2500);
	ck_assert_int_eq(plan.timeline_months, 11);
	ck_assert_str_eq(plan.debt_payoff_date, "2025-12-15");
	ck_assert_str_eq(plan.projected_goal_date, "2025-12-15");
	ck_assert_int_eq(plan.n_projection, 11);
	ck_assert_int_eq(plan.projection[0].balance_cents, 91000);
	ck_assert_int_eq(plan.projection[1].balance_cents, 81910);
	ck_assert_int_eq(plan.projection[2].balance_cents, 72729);
	ck_assert_int_eq(plan.projection[9].balance_cents, 5840);
	ck_assert_int_eq(plan.projection[10].balance_cents, 0);
	ck_assert_str_eq(plan.projection[10].month, "2025-12");
	ck_assert_str_eq(plan.derived_goal_type, "debt_payoff");
	ck_assert_int_ge(has_action("Pague R$ 25,00 a mais por mês na dívida (R$ 125,00 em vez de R$ 100,00): "
	    "ela termina 2 meses antes e você economiza R$ 11,36 em juros."), 0);
	ck_assert_ptr_nonnull(strstr(plan.summary, "Pagando R$ 100,00 por mês, Cartão (R$ 1.000,00) termina em 11 meses"));
}
END_TEST

/*
 * Investment goal, compounded monthly at 12%/yr (1%/month, half up), then the
 * deposit. Income 3,000.00, expenses 2,500.00: 500.00/month (template
 * 50/25/25/0). From 1,000.00 toward 2,540.00:
 *   m1: 1,000.00 + 10.00 + 500 = 1,510.00
 *   m2: 1,510.00 + 15.10 + 500 = 2,025.10
 *   m3: 2,025.10 + 20.25 = 2,045.35, + min(500, 494.65) = 2,540.00 (last deposit only what is missing)
 * Without growth it would take 4 months (1,000 + 3 x 500 = 2,500 < 2,540).
 */
START_TEST(investment_goal)
{
	struct fin_input in;

	base(&in, "es", "EUR", "2025-03-10");
	in.intake_goal = "investment";
	in.income_cents = 300000;
	in.expenses_cents = 250000;
	in.has_goal = 1;
	in.goal_type = "investment";
	in.goal_name = "Cartera";
	in.goal_target_cents = 254000;
	in.goal_current_cents = 100000;
	in.expected_return_bp = 1200;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.savings_pct, 25);
	ck_assert_int_eq(plan.wants_pct, 25);
	ck_assert_int_eq(plan.monthly_savings_cents, 50000);
	ck_assert_int_eq(plan.timeline_months, 3);
	ck_assert_int_eq(plan.n_projection, 3);
	ck_assert_int_eq(plan.projection[0].balance_cents, 151000);
	ck_assert_int_eq(plan.projection[1].balance_cents, 202510);
	ck_assert_int_eq(plan.projection[2].balance_cents, 254000);
	ck_assert_str_eq(plan.projected_goal_date, "2025-06-10");
	ck_assert_ptr_nonnull(strstr(plan.summary, "Apartando 500,00 \xe2\x82\xac al mes para Cartera"));
	/* with no return it is the 4-month straight line */
	in.expected_return_bp = 0;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.timeline_months, 4);
	ck_assert_int_eq(plan.projection[3].balance_cents, 254000);
}
END_TEST

/*
 * Expenses above income. Income 3,000.00, expenses 3,500.00: gap 500.00,
 * timeline null. 90 days: housing 4,500.00, food 2,400.00, entertainment
 * 1,500.00, utilities 600.00, other 1,500.00, income 9,000.00 (ignored) ->
 * monthly 1,500.00 / 800.00 / 500.00 / 200.00 / 500.00.
 * Needs: 1,500 + 200 + food up to 15% of 3,000 (450.00) = 2,150.00 = 71.7%
 * -> clamped to 65. R = 35; wants share 35*30/50 = 21; real wants 500 + 500
 * + 350 (food above 450) = 1,350.00 = 45% -> 21. Savings 14, debt 0.
 * Budgets: housing 3,000 * 65% * 50% = 975.00 (excess 525.00); other
 * 3,000 * 21% * 25% = 157.50 (excess 342.50); entertainment 3,000 * 21% * 30%
 * = 189.00 (excess 311.00); food 3,000 * (65% * 20% + 21% * 30%) = 579.00
 * (excess 221.00, 4th: only 3 are listed).
 */
START_TEST(negative_surplus)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 300000;
	in.expenses_cents = 350000;
	in.has_savings = 1;
	in.savings_cents = 50000;
	in.n_transactions = 40;
	in.spend_cents[CAT_HOUSING] = 450000;
	in.spend_cents[CAT_FOOD] = 240000;
	in.spend_cents[CAT_ENTERTAINMENT] = 150000;
	in.spend_cents[CAT_UTILITIES] = 60000;
	in.spend_cents[CAT_OTHER] = 150000;
	in.spend_cents[CAT_INCOME] = 900000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.needs_pct, 65);
	ck_assert_int_eq(plan.wants_pct, 21);
	ck_assert_int_eq(plan.savings_pct, 14);
	ck_assert_int_eq(plan.debt_pct, 0);
	ck_assert_int_eq(plan.monthly_savings_cents, 0);
	ck_assert_int_eq(plan.current_savings_rate_bp, -1666);	/* -500/3000, truncated */
	ck_assert_int_eq(plan.timeline_months, -1);
	ck_assert_int_eq(plan.n_projection, 0);
	ck_assert_str_eq(plan.projected_goal_date, "");
	ck_assert_int_eq(plan.emergency_fund_tenths, 1);	/* 500/3500 = 0.14 months */
	ck_assert_int_eq(has_action("Close the monthly gap of $500.00 first"), 0);
	ck_assert_int_eq(has_action("Spend less on housing: $1,500.00 a month is $525.00 above the plan's $975.00."), 1);
	ck_assert_int_eq(has_action("Spend less on other spending: $500.00 a month is $342.50 above the plan's $157.50."), 2);
	ck_assert_int_eq(has_action("Spend less on entertainment: $500.00 a month is $311.00 above"), 3);
	ck_assert_int_eq(has_action("on food"), -1);
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "You spend $500.00 more than you earn each month ($3,500.00 against $3,000.00)"));
	sums_to_100();
}
END_TEST

/* No income: nothing to fund, an honest summary, emergency months from savings (2,500 / 1,000 = 2.5). */
START_TEST(zero_income)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.expenses_cents = 100000;
	in.has_savings = 1;
	in.savings_cents = 250000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	sums_to_100();
	ck_assert_int_eq(plan.current_savings_rate_bp, 0);
	ck_assert_int_eq(plan.monthly_savings_cents, 0);
	ck_assert_int_eq(plan.emergency_fund_tenths, 25);
	ck_assert_int_eq(plan.timeline_months, -1);
	ck_assert_str_eq(plan.projected_goal_date, "");
	ck_assert_int_eq(has_action("Record your income: without it, expenses of $1,000.00 a month"), 0);
	ck_assert_ptr_nonnull(strstr(plan.summary, "No income is recorded"));
	/* nothing at all is still a plan */
	base(&in, "en", "USD", "2025-01-31");
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	sums_to_100();
}
END_TEST

/*
 * No goal: intake "savings" derives an emergency fund of 3 x 2,000.00 =
 * 6,000.00 from the 1,500.00 saved; 500.00/month: 4,500 / 500 = 9 months.
 * Emergency months: 1,500 / 2,000 = 0.75 -> 7 tenths.
 */
START_TEST(no_goal)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 250000;
	in.expenses_cents = 200000;
	in.has_savings = 1;
	in.savings_cents = 150000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_str_eq(plan.derived_goal_type, "savings");
	ck_assert_int_eq(plan.derived_goal_target_cents, 600000);
	ck_assert_int_eq(plan.timeline_months, 9);
	ck_assert_str_eq(plan.projected_goal_date, "2025-10-31");
	ck_assert_int_eq(plan.projection[0].balance_cents, 200000);
	ck_assert_int_eq(plan.emergency_fund_tenths, 8);	/* 1,500 / 2,000 = 0.75 month: 0.8, half up */
	ck_assert_ptr_nonnull(strstr(plan.summary, "toward your emergency fund ($6,000.00)"));
	ck_assert_int_eq(has_action("Build your emergency fund"), -1);	/* it is the goal */

	/* intake "investment": 12 x the 500.00 surplus, from 0: 12 months */
	in.intake_goal = "investment";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_str_eq(plan.derived_goal_type, "investment");
	ck_assert_int_eq(plan.derived_goal_target_cents, 600000);
	ck_assert_int_eq(plan.timeline_months, 12);

	/* intake "debt_payoff": the debt balance */
	in.intake_goal = "debt_payoff";
	in.has_debt = 1;
	in.debt_cents = 300000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_str_eq(plan.derived_goal_type, "debt_payoff");
	ck_assert_int_eq(plan.derived_goal_target_cents, 300000);
	/* 0% interest, 500 * 20/25 = 400.00/month: 3,000 / 400 -> 8 months (7 x 400 = 2,800) */
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 40000);
	ck_assert_int_eq(plan.timeline_months, 8);
	ck_assert_str_eq(plan.debt_payoff_date, "2025-09-30");

	/* "debt_payoff" with nothing owed: the emergency fund instead */
	in.debt_cents = 0;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_str_eq(plan.derived_goal_type, "savings");
	ck_assert_str_eq(plan.debt_payoff_date, "");
}
END_TEST

START_TEST(goal_reached)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 250000;
	in.expenses_cents = 200000;
	in.has_goal = 1;
	in.goal_type = "savings";
	in.goal_name = "Bike";
	in.goal_target_cents = 100000;
	in.goal_current_cents = 100000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.timeline_months, 0);
	ck_assert_int_eq(plan.n_projection, 0);
	ck_assert_str_eq(plan.projected_goal_date, "2025-01-31");
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "Congratulations: you have already reached Bike ($1,000.00 of $1,000.00)!"));
	ck_assert_int_ge(has_action("You reached Bike"), 0);
	/* a debt goal fully paid: current = target */
	in.goal_type = "debt";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.timeline_months, 0);
	ck_assert_ptr_nonnull(strstr(plan.summary, "Congratulations"));
}
END_TEST

/*
 * A debt that never amortises: 10,000.00 at 24%/yr costs 200.00 interest in
 * month 1; the plan pays 100.00 (125.00 funds * 20/25). The smallest payment
 * clearing it in 60 months is 287.68 (287.67 takes 61: the annuity formula
 * 10,000 * 0.02 / (1 - 1.02^-60) = 287.68), a raise of 187.68.
 */
START_TEST(debt_never_amortises)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 200000;
	in.expenses_cents = 187500;
	in.has_debt = 1;
	in.debt_cents = 1000000;
	in.debt_rate_bp = 2400;
	in.has_goal = 1;
	in.goal_type = "debt";
	in.goal_target_cents = 1000000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 10000);
	ck_assert_str_eq(plan.debt_payoff_date, "");
	ck_assert_int_eq(plan.timeline_months, -1);
	ck_assert_int_eq(plan.n_projection, 0);
	ck_assert_int_eq(has_action("Raise your debt payment by $187.68 to $287.68 a month: $100.00 does not "
	    "cover the $200.00 monthly interest"), 0);
	ck_assert_ptr_nonnull(strstr(plan.summary, "A payment of $100.00 does not clear your debt of $10,000.00"));
	/* exactly the interest does not amortise either */
	in.income_cents = 187500 + 25000;	/* funds 250.00: debt 200.00 */
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 20000);
	ck_assert_str_eq(plan.debt_payoff_date, "");
	/* one cent more does, but takes beyond 360 months: still null, advice to raise */
	in.income_cents = 187500 + 25002;	/* funds 250.02: debt 200.01 */
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 20001);
	ck_assert_str_eq(plan.debt_payoff_date, "");
	ck_assert_int_eq(plan.n_projection, FIN_MAX_MONTHS);
	ck_assert_int_ge(has_action("it takes more than 30 years"), 0);
}
END_TEST

/* 100.00/month toward 1,000,000.00: 10,000 months, cut at 360 (balance 36,000.00). */
START_TEST(cap_360)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 200000;
	in.expenses_cents = 190000;
	in.has_goal = 1;
	in.goal_type = "savings";
	in.goal_target_cents = 100000000;
	in.goal_target_date = "2026-01-31";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.timeline_months, -1);
	ck_assert_str_eq(plan.projected_goal_date, "");
	ck_assert_int_eq(plan.n_projection, FIN_MAX_MONTHS);
	ck_assert_int_eq(plan.projection[359].balance_cents, 3600000);
	ck_assert_str_eq(plan.projection[359].month, "2055-01");	/* 2025-01 + 360 */
	ck_assert_ptr_nonnull(strstr(plan.summary, "takes more than 30 years"));
	/* the target date needs 1,000,000 / 12 months = 83,333.34 (rounded up) */
	ck_assert_int_ge(has_action("set aside $83,333.34 a month, $83,233.34 more than now"), 0);
}
END_TEST

/* personality_type reorders: a planner sees the target date first; an avoider gets 3 items. */
START_TEST(personality)
{
	struct fin_input in;
	int plain;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 300000;
	in.expenses_cents = 280000;
	in.n_transactions = 10;
	in.spend_cents[CAT_ENTERTAINMENT] = 300000;
	in.has_goal = 1;
	in.goal_type = "savings";
	in.goal_target_cents = 500000;
	in.goal_target_date = "2025-06-30";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	plain = has_action("To reach");
	ck_assert_int_gt(plain, 0);
	ck_assert_int_gt(plan.n_actions, 3);
	in.personality_type = "planner";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(has_action("To reach"), 0);
	in.personality_type = "avoider";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.n_actions, 3);
}
END_TEST

START_TEST(unusable_input)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	ck_assert_int_eq(finance_plan(NULL, &plan), -1);
	ck_assert_int_eq(finance_plan(&in, NULL), -1);
	in.income_cents = -1;
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", "USD", "2025-02-30");
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", NULL, "2025-01-31");
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", "USD", "2025-01-31");
	in.has_goal = 1;
	in.goal_type = "lottery";
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", "USD", "2025-01-31");
	in.spend_cents[CAT_FOOD] = -5;
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = FIN_MAX_CENTS + 1;
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	/* an unknown language is English, not an error */
	base(&in, "fr", "USD", "2025-01-31");
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
}
END_TEST

/* A fixed-seed LCG (Numerical Recipes constants): the same inputs on every run. */
static uint32_t lcg_state = 12345;

static int64_t
rnd(int64_t n)
{
	lcg_state = lcg_state * 1664525u + 1013904223u;
	return (int64_t)((lcg_state >> 8) % (uint32_t)n);
}

START_TEST(allocations_property)
{
	static const char *const types[] = { "savings", "debt_payoff", "investment", "debt" };
	static const char *const langs[] = { "en", "pt", "es" };
	struct fin_input in;
	int k, i;

	for (k = 0; k < 3000; k++) {
		base(&in, langs[rnd(3)], k % 2 ? "BRL" : "USD", "2024-02-29");
		in.income_cents = rnd(4) == 0 ? 0 : rnd(2000000);
		in.expenses_cents = rnd(2000000);
		in.intake_goal = types[rnd(3)];
		in.has_savings = (int)rnd(2);
		in.savings_cents = rnd(5000000);
		in.has_debt = (int)rnd(2);
		in.debt_cents = rnd(5000000);
		in.debt_rate_bp = (int)rnd(5000);
		in.has_goal = (int)rnd(2);
		in.goal_type = types[rnd(4)];
		in.goal_target_cents = rnd(10000000);
		in.goal_current_cents = rnd(10000000);
		in.goal_target_date = rnd(2) ? "2026-12-31" : NULL;
		in.n_transactions = (int)rnd(50);
		for (i = 0; i < CAT_COUNT; i++)
			in.spend_cents[i] = rnd(3) ? rnd(3000000) : 0;
		in.expected_return_bp = (int)rnd(1200);
		ck_assert_int_eq(finance_plan(&in, &plan), 0);
		sums_to_100();
		ck_assert_int_ge(plan.needs_pct, 0);
		ck_assert_int_ge(plan.wants_pct, 0);
		ck_assert_int_ge(plan.savings_pct, 0);
		ck_assert_int_ge(plan.debt_pct, 0);
		ck_assert_int_ge(plan.monthly_savings_cents, 0);
		ck_assert_int_ge(plan.monthly_debt_payment_cents, 0);
		ck_assert_int_le(plan.n_projection, FIN_MAX_MONTHS);
		ck_assert_int_le(plan.n_actions, FIN_MAX_ACTIONS);
		ck_assert_int_gt(strlen(plan.summary), 0);
		ck_assert(plan.timeline_months == -1 || plan.projected_goal_date[0] != '\0');
	}
}
END_TEST

START_TEST(cycle_amounts)
{
	/* 1,000.00 a month: weekly 1000*12/52 = 230.769… -> 230.76; biweekly 461.53 */
	ck_assert_int_eq(finance_cycle_amount(100000, "weekly"), 23076);
	ck_assert_int_eq(finance_cycle_amount(100000, "biweekly"), 46153);
	ck_assert_int_eq(finance_cycle_amount(100001, "twice_monthly"), 50000);
	ck_assert_int_eq(finance_cycle_amount(100000, "monthly"), 100000);
	ck_assert_int_eq(finance_cycle_amount(0, "weekly"), 0);
	ck_assert_int_eq(finance_cycle_amount(100000, "daily"), -1);
	ck_assert_int_eq(finance_cycle_amount(100000, NULL), -1);
	ck_assert_int_eq(finance_cycle_amount(-1, "monthly"), -1);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("finance");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, savings_goal);
	tcase_add_test(tc, debt_goal);
	tcase_add_test(tc, investment_goal);
	tcase_add_test(tc, negative_surplus);
	tcase_add_test(tc, zero_income);
	tcase_add_test(tc, no_goal);
	tcase_add_test(tc, goal_reached);
	tcase_add_test(tc, debt_never_amortises);
	tcase_add_test(tc, cap_360);
	tcase_add_test(tc, personality);
	tcase_add_test(tc, unusable_input);
	tcase_add_test(tc, allocations_property);
	tcase_add_test(tc, cycle_amounts);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
