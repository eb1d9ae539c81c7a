/*
 * test_finance.c: the plan engine against examples worked by hand. Every
 * expected figure below is derived in the comment next to it, from the rules
 * documented in finance.h.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/finance.h"
#include "plan_corpus.h"

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
 * (20+0)*100 = 2000 bp. The 12,000.00 saved are a full emergency fund (3 x
 * 4,000.00), so the goal is the focus. Goal "Vacation" 6,000.00 from
 * 1,000.00: 5,000.00 to go at 1,000.00/month = 5 months:
 *   2025-02 2,000.00 | 2025-03 3,000.00 | 2025-04 4,000.00 | 2025-05 5,000.00 | 2025-06 6,000.00
 * Today 2025-01-31 + 5 months = June, day 31 clamped to 30: 2025-06-30.
 */
START_TEST(savings_goal)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 500000;
	in.expenses_cents = 400000;
	in.has_savings = 1;
	in.savings_cents = 1200000;
	in.has_goal = 1;
	in.goal_type = "savings";
	in.goal_name = "Vacation";
	in.goal_target_cents = 600000;
	in.goal_current_cents = 100000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_GOAL);
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
	ck_assert_int_eq(plan.emergency_fund_tenths, 30);	/* 12,000 / 4,000 */
	ck_assert_int_eq(plan.n_projection, 5);
	ck_assert_str_eq(plan.projection[0].month, "2025-02");
	ck_assert_int_eq(plan.projection[0].balance_cents, 200000);
	ck_assert_str_eq(plan.projection[4].month, "2025-06");
	ck_assert_int_eq(plan.projection[4].balance_cents, 600000);
	ck_assert_str_eq(plan.derived_goal_type, "savings");
	ck_assert_int_eq(plan.derived_goal_target_cents, 600000);
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "Putting $1,000.00 a month toward Vacation ($6,000.00), you get there in 5 months, around June 2025."));
	ck_assert_ptr_nonnull(strstr(plan.summary, "You earn $5,000.00 and spend $4,000.00 a month"));
	ck_assert_int_eq(has_action("emergency fund"), -1);	/* it is full */
	ck_assert_int_eq(has_action("Keep moving $1,000.00 a month toward Vacation."), 0);
}
END_TEST

/*
 * The same user with nothing saved: the emergency fund (3 x 4,000.00 =
 * 12,000.00, essential expenses being the intake's 4,000.00 without
 * transactions) comes before the vacation. 12 months at 1,000.00 fill it
 * (2026-01-31), then the vacation's 5,000.00 take 5 more: month 17,
 * 2026-06-30. The goal's balance stays at 1,000.00 for the first 12 months.
 */
START_TEST(goal_waits_for_the_emergency_fund)
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
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_EMERGENCY);
	ck_assert_int_eq(plan.steps[plan.focus].months, 12);
	ck_assert_str_eq(plan.steps[plan.focus].date, "2026-01-31");
	ck_assert_int_eq(plan.monthly_savings_cents, 100000);
	ck_assert_int_eq(plan.monthly_move_cents, 100000);
	ck_assert_int_eq(plan.timeline_months, 17);
	ck_assert_str_eq(plan.projected_goal_date, "2026-06-30");
	ck_assert_int_eq(plan.n_projection, 17);
	ck_assert_int_eq(plan.projection[11].balance_cents, 100000);
	ck_assert_int_eq(plan.projection[12].balance_cents, 200000);
	ck_assert_int_eq(plan.projection[16].balance_cents, 600000);
	ck_assert_int_eq(has_action("Build your emergency fund: $12,000.00 more covers 3 months of "
	    "essential expenses ($12,000.00), in 12 months."), 0);
	ck_assert_int_eq(plan.action_info[0].kind, FA_EMERGENCY);
	ck_assert_int_eq(plan.action_info[0].step, plan.focus);
	ck_assert_int_eq(has_action("Then Vacation ($5,000.00): with the same surplus it is reached "
	    "around June 2026."), 1);
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "The order: a 3-month emergency fund, then Vacation, then investing."));
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "After the steps before it, Vacation ($6,000.00) is reached in 17 months, around June 2026."));
	ck_assert_ptr_nonnull(strstr(plan.summary, "the plan uses your intake's figures"));
	/* In Portuguese the sentence holds for a name of either gender ("o carro") */
	in.language = "pt";
	in.currency = "BRL";
	in.goal_name = "Carro novo";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_msg(strstr(plan.summary, "Depois dos passos anteriores, você alcança Carro novo") !=
	    NULL, "%s", plan.summary);
}
END_TEST

/*
 * Debt goal, amortised. Income 1,975.00, expenses 1,875.00: funds 100.00.
 * 12%/yr is above the 8% line and the 2,000.00 saved cover the starter fund
 * (one month of 1,875.00), so the debt is the focus and gets all of it:
 * template debt_payoff with debt 50/25/5/20 gives its 25% to debt. Debt
 * 1,000.00 at 12%/yr (1%/month, interest rounded half up to cents each
 * month, then the payment):
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
	in.income_cents = 197500;
	in.expenses_cents = 187500;
	in.has_savings = 1;
	in.savings_cents = 200000;
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
	ck_assert_int_eq(plan.savings_pct, 0);
	ck_assert_int_eq(plan.debt_pct, 25);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 10000);
	ck_assert_int_eq(plan.monthly_savings_cents, 0);
	ck_assert_int_eq(plan.monthly_move_cents, 10000);
	ck_assert_int_eq(plan.current_savings_rate_bp, 506);	/* 100/1975 */
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
	/* the shorthand debt takes the goal's name; its facts */
	ck_assert_int_eq(plan.n_debts, 1);
	ck_assert_str_eq(plan.debts[0].name, "Cartão");
	ck_assert_int_eq(plan.debts[0].annual_milli, 12000);
	ck_assert_int_eq(plan.debts[0].high, 1);
	ck_assert_int_eq(plan.debts[0].interest_cents, 1000);
	ck_assert_int_eq(plan.debts[0].payoff_months, 11);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_HIGH_DEBT);
	ck_assert_int_eq(plan.steps[plan.focus].is_goal, 1);
	ck_assert_int_eq(has_action("Quite primeiro Cartão: R$ 1.000,00 a 12% ao ano custam R$ 10,00 de "
	    "juros por mês. Ponha R$ 100,00 por mês nessa dívida além do mínimo: a quitação vem em "
	    "11 meses, por volta de dezembro de 2025."), 0);
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
	in.has_savings = 1;
	in.savings_cents = 750000;	/* a full emergency fund: the goal is the focus */
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

/* A spending row: total over the months of in (spend_months). */
static void
spend(struct fin_input *in, enum category c, const char *sub, int64_t cents)
{
	in->spend[in->n_spend].category = c;
	in->spend[in->n_spend].subcategory = sub;
	in->spend[in->n_spend].cents = cents;
	in->n_spend++;
}

/* Every cut asks at most what is spent, never of a need; returns how many cuts. */
static int
cuts_feasible(void)
{
	int i, n = 0;

	for (i = 0; i < plan.n_actions; i++) {
		const struct fin_action *a = &plan.action_info[i];

		if (a->kind == FA_CUT || a->kind == FA_TRIM || (a->kind == FA_GAP && a->amount_cents)) {
			ck_assert_msg(a->amount_cents > 0 && a->amount_cents <= a->base_cents,
			    "action %d asks %lld of %lld: %s", i, (long long)a->amount_cents,
			    (long long)a->base_cents, plan.actions[i]);
			n++;
		}
		if (a->kind == FA_CUT)
			ck_assert(strcmp(a->key, "eating_out") == 0 ||
			    strcmp(a->key, "entertainment") == 0 || strcmp(a->key, "clothing") == 0 ||
			    strcmp(a->key, "shopping") == 0);
	}
	return n;
}

/*
 * Expenses above income. Income 3,000.00, expenses 3,500.00: gap 500.00,
 * timeline null. Three whole months: housing 4,500.00, food 2,400.00 (no
 * subcategory), entertainment 1,500.00, utilities 600.00, other 1,500.00,
 * income 9,000.00 (ignored) -> monthly 1,500.00 / 800.00 / 500.00 / 200.00
 * / 500.00. Needs: 1,500 + 200 + food up to 15% of 3,000 (450.00) =
 * 2,150.00; wants: 500 + 500 + 350 (food above 450, eating out) = 1,350.00;
 * essential expenses max(2,150, 3,500 - 1,350) = 2,150.00 = 71.7% -> 65.
 * R = 35; wants share 35*30/50 = 21; real wants 45% -> 21. Savings 14.
 * The gap (500.00) fits in the wants (1,350.00). Housing is 50% of income:
 * said, never a cut. Want groups against 21% of 3,000.00 = 630.00: shopping
 * and other 25% = 157.50 (excess 342.50), entertainment 30% = 189.00
 * (311.00), eating out 30% = 189.00 (161.00), each at most what is spent.
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
	in.spend_months = 3;
	spend(&in, CAT_HOUSING, NULL, 450000);
	spend(&in, CAT_FOOD, NULL, 240000);
	spend(&in, CAT_ENTERTAINMENT, NULL, 150000);
	spend(&in, CAT_UTILITIES, NULL, 60000);
	spend(&in, CAT_OTHER, NULL, 150000);
	spend(&in, CAT_INCOME, NULL, 900000);
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.needs_pct, 65);
	ck_assert_int_eq(plan.wants_pct, 21);
	ck_assert_int_eq(plan.savings_pct, 14);
	ck_assert_int_eq(plan.debt_pct, 0);
	ck_assert_int_eq(plan.essential_cents, 215000);
	ck_assert_int_eq(plan.wants_cents, 135000);
	ck_assert_int_eq(plan.housing_pct, 50);
	ck_assert_int_eq(plan.monthly_savings_cents, 0);
	ck_assert_int_eq(plan.monthly_move_cents, 0);
	ck_assert_int_eq(plan.current_savings_rate_bp, -1666);	/* -500/3000, truncated */
	ck_assert_int_eq(plan.timeline_months, -1);
	ck_assert_int_eq(plan.n_projection, 0);
	ck_assert_str_eq(plan.projected_goal_date, "");
	ck_assert_int_eq(plan.emergency_fund_tenths, 2);	/* 500 / 2,150 = 0.23 months */
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_GAP);
	ck_assert_int_eq(has_action("Close the monthly gap of $500.00 first: it fits in your wants, "
	    "$1,350.00 a month; cut $500.00 there."), 0);
	ck_assert_int_eq(has_action("Spend less on shopping and other wants: $500.00 a month is $342.50 "
	    "above the plan's $157.50."), 1);
	ck_assert_int_eq(has_action("Spend less on entertainment: $500.00 a month is $311.00 above the "
	    "plan's $189.00."), 2);
	ck_assert_int_eq(has_action("Spend less on eating out: $350.00 a month is $161.00 above the "
	    "plan's $189.00."), 3);
	ck_assert_int_eq(has_action("Housing takes 50% of your income ($1,500.00 a month), above the "
	    "usual 35% guideline. It is not a monthly cut"), 4);
	/* rent is never a monthly cut */
	ck_assert_int_eq(has_action("Spend less on housing"), -1);
	ck_assert_int_eq(cuts_feasible(), 4);
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "You spend $500.00 more than you earn each month ($3,500.00 against $3,000.00)"));
	ck_assert_ptr_nonnull(strstr(plan.summary,
	    "Spending averages come from 3 whole months of your transactions."));
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
 * Emergency months: 1,500 / 2,000 = 0.75 -> 8 tenths (half up).
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
	ck_assert_int_eq(has_action("Keep moving $500.00 a month toward your emergency fund."), 0);

	/*
	 * intake "investment": 12 x the 500.00 surplus, from 0, after the
	 * emergency fund: 9 months, then 12 (no return assumed): month 21.
	 * (The engine used to fund it first, with the emergency fund unbuilt.)
	 */
	in.intake_goal = "investment";
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_str_eq(plan.derived_goal_type, "investment");
	ck_assert_int_eq(plan.derived_goal_target_cents, 600000);
	ck_assert_int_eq(plan.timeline_months, 21);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_EMERGENCY);

	/*
	 * intake "debt_payoff": the debt balance. At 0% it is below the
	 * high-interest line, so the emergency fund comes first (9 months),
	 * then 3,000 / 500 = 6 months: month 15, 2026-04-30. (The engine used
	 * to split the surplus and pay 400.00 a month from the start.)
	 */
	in.intake_goal = "debt_payoff";
	in.has_debt = 1;
	in.debt_cents = 300000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_str_eq(plan.derived_goal_type, "debt_payoff");
	ck_assert_int_eq(plan.derived_goal_target_cents, 300000);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 0);
	ck_assert_int_eq(plan.monthly_savings_cents, 50000);
	ck_assert_int_eq(plan.timeline_months, 15);
	ck_assert_str_eq(plan.debt_payoff_date, "2026-04-30");
	ck_assert_int_eq(plan.debts[0].high, 0);

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
 * month 1; the plan pays the 100.00 surplus (income 1,975.00, expenses
 * 1,875.00; the 2,000.00 saved cover the starter fund). The smallest payment
 * clearing it in 60 months is 287.68 (287.67 takes 61: the annuity formula
 * 10,000 * 0.02 / (1 - 1.02^-60) = 287.68), a raise of 187.68: said first.
 */
START_TEST(debt_never_amortises)
{
	struct fin_input in;

	base(&in, "en", "USD", "2025-01-31");
	in.income_cents = 197500;
	in.expenses_cents = 187500;
	in.has_savings = 1;
	in.savings_cents = 200000;
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
	ck_assert_int_eq(has_action("Pay off your debt first: $10,000.00 at 24% a year costs $200.00 of "
	    "interest a month. Put $100.00 a month on it beyond the minimum."), 1);
	ck_assert_ptr_nonnull(strstr(plan.summary, "A payment of $100.00 does not clear your debt of $10,000.00"));
	/* exactly the interest does not amortise either */
	in.income_cents = 187500 + 20000;	/* funds 200.00 */
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 20000);
	ck_assert_str_eq(plan.debt_payoff_date, "");
	/* one cent more does, but takes beyond 360 months: still null, advice to raise */
	in.income_cents = 187500 + 20001;	/* funds 200.01 */
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
	in.has_savings = 1;
	in.savings_cents = 570000;	/* a full emergency fund: the goal is the focus */
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

/*
 * personality_type reorders what follows the priorities, never them. A
 * Brazilian with a card at 12% a month and too little saved: the starter
 * fund first, the card right after, whoever the user is; then a saver or a
 * planner sees the later steps before the cuts, a spender the cuts first,
 * and an avoider three items.
 */
START_TEST(personality)
{
	static const char *const who[] = { NULL, "saver", "spender", "avoider", "planner" };
	struct fin_input in;
	int i, cut, later;

	base(&in, "pt", "BRL", "2026-11-24");
	in.income_cents = 500000;
	in.expenses_cents = 420000;
	in.has_savings = 1;
	in.savings_cents = 100000;
	in.n_debts = 1;
	in.debts[0] = (struct fin_debt){ "Cartão", 600000, 1, 12000, 1, 1, 60000 };
	in.spend_months = 2;
	spend(&in, CAT_HOUSING, "rent", 300000);
	spend(&in, CAT_FOOD, "groceries", 180000);
	spend(&in, CAT_FOOD, "delivery", 80000);
	spend(&in, CAT_FOOD, "restaurants", 40000);
	spend(&in, CAT_UTILITIES, "electricity", 30000);
	for (i = 0; i < 5; i++) {
		in.personality_type = who[i];
		ck_assert_int_eq(finance_plan(&in, &plan), 0);
		ck_assert_int_eq(plan.action_info[0].kind, FA_STARTER);
		ck_assert_int_eq(plan.action_info[1].kind, FA_DEBT_NEXT);
		cut = has_action("Gaste menos com comer fora");
		later = has_action("Depois complete a reserva de emergência");
		if (i == 3) {
			ck_assert_int_eq(plan.n_actions, 3);
			continue;
		}
		ck_assert_int_gt(cut, 1);
		ck_assert_int_gt(later, 1);
		if (i == 1 || i == 4)
			ck_assert_int_lt(later, cut);
		else
			ck_assert_int_lt(cut, later);
	}
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
	in.n_spend = 1;
	in.spend[0].category = CAT_COUNT;
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", "USD", "2025-01-31");
	in.n_debts = 1;
	in.debts[0].balance_cents = 100;
	in.debts[0].has_rate = 1;
	in.debts[0].monthly = 1;
	in.debts[0].rate_milli = FIN_MAX_RATE_MONTH_MILLI + 1;
	ck_assert_int_eq(finance_plan(&in, &plan), -1);
	base(&in, "en", "USD", "2025-01-31");
	in.n_debts = FIN_MAX_DEBTS + 1;
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
	static const char *const subs[] = { NULL, "rent", "groceries", "restaurants", "delivery",
	    "streaming", "shopping", "mortgage", "electricity", "taxes" };
	static const enum category cats[] = { CAT_FOOD, CAT_HOUSING, CAT_FOOD, CAT_FOOD, CAT_FOOD,
	    CAT_ENTERTAINMENT, CAT_OTHER, CAT_HOUSING, CAT_UTILITIES, CAT_OTHER };
	struct fin_input in;
	int k, i, j, s;

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
		in.n_debts = rnd(3) == 0 ? (int)rnd(5) : 0;
		for (i = 0; i < in.n_debts; i++) {
			in.debts[i].balance_cents = rnd(3000000);
			in.debts[i].has_rate = (int)rnd(4) != 0;
			in.debts[i].monthly = (int)rnd(2);
			in.debts[i].rate_milli = in.debts[i].monthly ? rnd(20000) : rnd(40000);
			in.debts[i].has_min = (int)rnd(2);
			in.debts[i].min_cents = rnd(100000);
		}
		in.has_goal = (int)rnd(2);
		in.goal_type = types[rnd(4)];
		in.goal_target_cents = rnd(10000000);
		in.goal_current_cents = rnd(10000000);
		in.goal_target_date = rnd(2) ? "2026-12-31" : NULL;
		in.spend_months = (int)rnd(4);
		in.n_spend = (int)rnd(10);
		for (i = 0; i < in.n_spend; i++) {
			j = (int)rnd(10);
			in.spend[i].category = rnd(4) ? cats[j] : (enum category)rnd(CAT_COUNT);
			in.spend[i].subcategory = subs[j];
			in.spend[i].cents = rnd(10) ? rnd(3000000) : -rnd(50000);
		}
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
		ck_assert_int_gt(plan.n_actions, 0);
		ck_assert_int_gt(strlen(plan.summary), 0);
		ck_assert(plan.timeline_months == -1 || plan.projected_goal_date[0] != '\0');
		/* the order of priorities holds: no savings step before a high-interest debt */
		ck_assert(plan.focus >= 0 && plan.focus < plan.n_steps);
		ck_assert_int_eq(plan.steps[plan.focus].status, FIN_CURRENT);
		for (s = 0; s < plan.n_steps; s++)
			for (j = s + 1; j < plan.n_steps; j++)
				if (plan.steps[j].kind == FIN_STEP_HIGH_DEBT)
					ck_assert(plan.steps[s].kind == FIN_STEP_GAP ||
					    plan.steps[s].kind == FIN_STEP_STARTER ||
					    plan.steps[s].kind == FIN_STEP_HIGH_DEBT);
		/* the first item is about the focus (or the gap, or its debt's payment) */
		ck_assert_int_eq(plan.action_info[0].step, plan.focus);
		(void)cuts_feasible();
		for (i = 0; i < plan.n_actions; i++)
			ck_assert_int_gt(strlen(plan.actions[i]), 0);
	}
}
END_TEST

/*
 * Effective annual rates from the monthly charge, in fixed point: 12% a
 * month is 1.12^12 - 1 = 289.5976% (289598 thousandths); 1% a month
 * 12.6825%; 19.9% a year charged 19.9/12 a month 21.8192%; 100% a month
 * 2^12 - 1 = 409500%.
 */
START_TEST(effective_rates)
{
	ck_assert_int_eq(finance_effective_annual(12000, 1), 289598);
	ck_assert_int_eq(finance_effective_annual(1000, 1), 12683);
	ck_assert_int_eq(finance_effective_annual(19900, 0), 21819);
	ck_assert_int_eq(finance_effective_annual(0, 1), 0);
	ck_assert_int_eq(finance_effective_annual(FIN_MAX_RATE_MONTH_MILLI, 1), 409500000);
	ck_assert_int_eq(finance_effective_annual(-1, 1), -1);
	ck_assert_int_eq(finance_effective_annual(FIN_MAX_RATE_MONTH_MILLI + 1, 1), -1);
	ck_assert_int_eq(finance_effective_annual(FIN_MAX_RATE_YEAR_MILLI + 1, 0), -1);
	ck_assert_int_gt(finance_effective_annual(FIN_MAX_RATE_YEAR_MILLI, 0), 0);
}
END_TEST

/*
 * The Brazilian of issue 14: a card of 6,000.00 at 12% a month (minimum
 * 600.00, inside the 4,200.00 of expenses), 800.00 left a month. Two whole
 * months: rent 1,500.00, groceries 900.00, electricity 150.00 (needs
 * 2,550.00), delivery 400.00 and restaurants 200.00 (wants 600.00):
 * essential expenses max(2,550, 4,200 - 600) = 3,600.00, the starter fund
 * one month of them. With 4,000.00 saved it is there, so the card is the
 * focus and gets all 800.00 beyond its minimum (1,400.00 a month):
 *   m  interest  balance
 *   1   720.00   6,720.00 - 600 - 800 = 5,320.00
 *   2   638.40   5,958.40 - 1,400   = 4,558.40
 *   3   547.01   5,105.41 - 1,400   = 3,705.41
 *   4   444.65   4,150.06 - 1,400   = 2,750.06
 *   5   330.01   3,080.07 - 1,400   = 1,680.07
 *   6   201.61   1,881.68 - 1,400   =   481.68
 *   7    57.80     539.48 - 539.48 (its minimum) = 0
 * Paid off in 7 months: 2027-06-24. The 3-month fund (10,800.00) comes after.
 */
static void
brazilian(struct fin_input *in, int64_t saved)
{
	base(in, "pt", "BRL", "2026-11-24");
	in->intake_goal = "debt_payoff";
	in->income_cents = 500000;
	in->expenses_cents = 420000;
	in->has_savings = 1;
	in->savings_cents = saved;
	in->n_debts = 1;
	in->debts[0] = (struct fin_debt){ "Cartão", 600000, 1, 12000, 1, 1, 60000 };
	in->spend_months = 2;
	in->spend_from = "2026-09-01";
	in->spend_to = "2026-10-31";
	spend(in, CAT_HOUSING, "rent", 300000);
	spend(in, CAT_FOOD, "groceries", 180000);
	spend(in, CAT_UTILITIES, "electricity", 30000);
	spend(in, CAT_FOOD, "delivery", 80000);
	spend(in, CAT_FOOD, "restaurants", 40000);
}

START_TEST(card_before_emergency_fund)
{
	struct fin_input in;

	brazilian(&in, 400000);
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.essential_cents, 360000);
	ck_assert_int_eq(plan.steps[0].kind, FIN_STEP_STARTER);
	ck_assert_int_eq(plan.steps[0].status, FIN_DONE);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_HIGH_DEBT);
	ck_assert_int_eq(plan.debts[0].annual_milli, 289598);
	ck_assert_int_eq(plan.debts[0].interest_cents, 72000);
	ck_assert_int_eq(plan.debts[0].payoff_months, 7);
	ck_assert_str_eq(plan.debts[0].payoff_date, "2027-06-24");
	ck_assert_int_eq(plan.monthly_debt_payment_cents, 80000);
	ck_assert_int_eq(plan.monthly_savings_cents, 0);
	ck_assert_int_eq(plan.monthly_move_cents, 80000);
	ck_assert_int_eq(plan.savings_pct, 0);
	ck_assert_str_eq(finance_focus_topic(&plan), "debt");
	ck_assert_int_eq(has_action("Quite primeiro Cartão: R$ 6.000,00 a 12% ao mês (289,6% ao ano) "
	    "custam R$ 720,00 de juros por mês. Ponha R$ 800,00 por mês nessa dívida além do mínimo: "
	    "a quitação vem em 7 meses, por volta de junho de 2027."), 0);
	ck_assert_int_eq(has_action("Depois complete a reserva de emergência: R$ 10.800,00, 3 meses de "
	    "despesas essenciais"), 1);
	/* the debt's payment is never a cut; rent is not either */
	ck_assert_int_eq(has_action("Gaste menos com moradia"), -1);
	ck_assert_int_eq(has_action("aluguel: "), -1);
	(void)cuts_feasible();
	ck_assert_ptr_nonnull(strstr(plan.summary, "A ordem: Cartão, depois uma reserva de emergência "
	    "de 3 meses, depois investir."));
	ck_assert_ptr_nonnull(strstr(plan.summary, "As médias de gastos vêm de 2 meses completos das "
	    "suas transações (setembro de 2026 a outubro de 2026)."));
}
END_TEST

/*
 * The same Brazilian with 1,000.00 saved: the starter fund (3,600.00) first,
 * 2,600.00 at 800.00 a month = 4 months; the card is the very next step.
 */
START_TEST(starter_fund_first)
{
	struct fin_input in;

	brazilian(&in, 100000);
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_STARTER);
	ck_assert_int_eq(plan.steps[plan.focus].months, 4);
	ck_assert_str_eq(finance_focus_topic(&plan), "emergency");
	ck_assert_int_eq(has_action("Monte primeiro uma reserva de emergência inicial: faltam R$ 2.600,00 "
	    "para R$ 3.600,00, um mês de despesas essenciais, em 4 meses; até lá pague só o mínimo "
	    "das dívidas."), 0);
	ck_assert_int_eq(has_action("Depois quite Cartão: R$ 6.000,00 a 12% ao mês (289,6% ao ano) custam "
	    "R$ 720,00 de juros por mês"), 1);
	ck_assert_int_eq(plan.monthly_savings_cents, 80000);
}
END_TEST

/*
 * Avalanche: the highest rate first, minimums on the rest; a debt below 8%
 * a year gets its minimum only. 1,500.00 left a month, 5,000.00 saved
 * (starter fund 4,500.00 there).
 */
START_TEST(avalanche_order)
{
	struct fin_input in;
	int i;

	base(&in, "en", "USD", "2026-11-24");
	in.income_cents = 600000;
	in.expenses_cents = 450000;
	in.has_savings = 1;
	in.savings_cents = 500000;
	in.n_debts = 4;
	in.debts[0] = (struct fin_debt){ "Visa", 500000, 1, 19900, 0, 1, 15000 };
	in.debts[1] = (struct fin_debt){ "Car loan", 1200000, 1, 6500, 0, 1, 35000 };
	in.debts[2] = (struct fin_debt){ "Store card", 200000, 1, 26990, 0, 1, 6000 };
	in.debts[3] = (struct fin_debt){ "Personal loan", 300000, 1, 11000, 0, 1, 10000 };
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.debts[2].order, 1);
	ck_assert_int_eq(plan.debts[0].order, 2);
	ck_assert_int_eq(plan.debts[3].order, 3);
	ck_assert_int_eq(plan.debts[1].order, 4);
	ck_assert_int_eq(plan.debts[1].high, 0);
	ck_assert_int_eq(plan.steps[0].kind, FIN_STEP_STARTER);
	ck_assert_int_eq(plan.steps[0].status, FIN_DONE);
	ck_assert_int_eq(plan.steps[1].debt, 2);
	ck_assert_int_eq(plan.steps[2].debt, 0);
	ck_assert_int_eq(plan.steps[3].debt, 3);
	ck_assert_int_eq(plan.steps[4].kind, FIN_STEP_EMERGENCY);
	ck_assert_int_eq(plan.focus, 1);
	ck_assert_int_lt(plan.debts[2].payoff_months, plan.debts[0].payoff_months);
	ck_assert_int_lt(plan.debts[0].payoff_months, plan.debts[3].payoff_months);
	ck_assert_int_eq(has_action("Pay off Store card first: $2,000.00 at 26.99% a year costs $44.98 of "
	    "interest a month. Put $1,500.00 a month on it beyond the minimum, minimums on the rest:"), 0);
	ck_assert_int_ge(has_action("Then pay off Visa: $5,000.00 at 19.9% a year costs $82.92"), 1);
	i = has_action("Keep paying the minimum on Car loan: $12,000.00 at 6.5% a year is below the 8% a "
	    "year high-interest line and costs $65.00 of interest a month.");
	ck_assert_int_gt(i, 1);
	ck_assert_ptr_nonnull(strstr(plan.summary, "highest rate first"));
}
END_TEST

/*
 * Rent is never a monthly cut: with a gap larger than the wants the plan
 * says so, and says what housing costs as information.
 */
START_TEST(rent_is_not_a_cut)
{
	struct fin_input in;

	base(&in, "es", "EUR", "2026-11-24");
	in.income_cents = 300000;
	in.expenses_cents = 340000;
	in.spend_months = 2;
	spend(&in, CAT_HOUSING, "rent", 360000);
	spend(&in, CAT_FOOD, "groceries", 100000);
	spend(&in, CAT_FOOD, "restaurants", 60000);
	spend(&in, CAT_ENTERTAINMENT, "streaming", 4000);
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.housing_pct, 60);
	ck_assert_int_eq(has_action("Cierra primero la brecha mensual de 400,00 \xe2\x82\xac: tus deseos "
	    "(320,00 \xe2\x82\xac al mes) no la cubren solos"), 0);
	ck_assert_int_ge(has_action("La vivienda se lleva el 60% de tus ingresos (1.800,00 \xe2\x82\xac al mes), "
	    "por encima de la referencia del 35%. No es un recorte del mes"), 1);
	ck_assert_int_eq(has_action("Gasta menos en vivienda"), -1);
	(void)cuts_feasible();
	/* with more wants than the gap, the gap is cut there, and named */
	in.spend[2].cents = 120000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(has_action("Cierra primero la brecha mensual de 400,00 \xe2\x82\xac: cabe en tus "
	    "deseos, 620,00 \xe2\x82\xac al mes, sobre todo restaurantes, streaming; recorta 400,00 \xe2\x82\xac ahí."), 0);
	ck_assert_int_eq(cuts_feasible(), 2);
}
END_TEST

/*
 * Issue 14: "trim $984 a month from wants" for wants of $650. Income
 * 8,000.00, expenses 7,000.00, wants 650.00 (restaurants 400.00, shopping
 * 250.00): the plan's 25% rate would need 1,000.00 more, but a trim never
 * asks for more than half of the wants: 325.00.
 */
START_TEST(trim_never_exceeds_wants)
{
	struct fin_input in;

	base(&in, "en", "USD", "2026-11-24");
	in.income_cents = 800000;
	in.expenses_cents = 700000;
	in.has_savings = 1;
	in.savings_cents = 3000000;
	in.spend_months = 1;
	spend(&in, CAT_HOUSING, "rent", 250000);
	spend(&in, CAT_FOOD, "restaurants", 40000);
	spend(&in, CAT_OTHER, "shopping", 25000);
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.wants_cents, 65000);
	ck_assert_int_ge(has_action("Trim $325.00 a month from wants ($650.00 a month now, mostly "
	    "restaurants, shopping): your savings rate goes from 13% to 17%"), 0);
	ck_assert_int_eq(cuts_feasible(), 1);
}
END_TEST

/*
 * Spending comes from whole months, no window scaling: three rents over two
 * whole months are the two of them, 867.19 a month (the service counts
 * the whole months; the engine divides). None: the intake, said.
 */
START_TEST(whole_months_or_the_intake)
{
	struct fin_input in;

	base(&in, "en", "USD", "2026-11-24");
	in.income_cents = 400000;
	in.expenses_cents = 300000;
	in.spend_months = 2;
	spend(&in, CAT_HOUSING, "rent", 173438);
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.housing_cents, 86719);
	ck_assert_int_eq(plan.spend_months, 2);
	ck_assert_int_eq(has_action("These figures come from your intake"), -1);
	in.spend_months = 0;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.housing_cents, -1);
	ck_assert_int_eq(plan.wants_cents, -1);
	ck_assert_int_eq(plan.spend_months, 0);
	ck_assert_int_ge(has_action("These figures come from your intake: record your spending for a "
	    "whole month"), 1);
	ck_assert_ptr_nonnull(strstr(plan.summary, "With less than a whole month of transactions, the "
	    "plan uses your intake's figures."));
}
END_TEST

/* Everything done: invest, at the return the plan states. */
START_TEST(investor)
{
	struct fin_input in;

	base(&in, "es", "EUR", "2026-11-24");
	in.intake_goal = "investment";
	in.income_cents = 400000;
	in.expenses_cents = 250000;
	in.has_savings = 1;
	in.savings_cents = 1200000;
	in.expected_return_bp = 500;
	in.n_debts = 1;
	in.debts[0] = (struct fin_debt){ "Hipoteca", 15000000, 1, 2900, 0, 1, 70000 };
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_GOAL);
	ck_assert_str_eq(finance_focus_topic(&plan), "investing");
	ck_assert_int_ge(has_action("Sigue pagando el mínimo de Hipoteca: 150.000,00 \xe2\x82\xac al 2,9% al año "
	    "quedan por debajo de la línea de interés alto del 8% al año"), 1);
	/* a goal already reached: investing is the focus */
	in.has_goal = 1;
	in.goal_type = "investment";
	in.goal_target_cents = 1000000;
	in.goal_current_cents = 1000000;
	ck_assert_int_eq(finance_plan(&in, &plan), 0);
	ck_assert_int_eq(plan.steps[plan.focus].kind, FIN_STEP_INVEST);
	ck_assert_int_eq(has_action("Invierte 1.500,00 \xe2\x82\xac al mes a largo plazo: tu fondo de "
	    "emergencia está completo y ninguna deuda cuesta 8% al año o más; el plan supone un "
	    "rendimiento del 5% al año."), 0);
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

/*
 * The plan corpus (tests/data/plan-corpus.txt): people in Brazil, the US
 * and Spain, the action a planner would put first, and what a plan must
 * never say. Every first action as the corpus says, nothing infeasible.
 */
START_TEST(plan_corpus)
{
	struct pc_score sc;

	ck_assert_int_eq(pc_run(PLAN_CORPUS_PATH, &sc, stdout, &plan), 0);
	pc_print(stdout, &sc);
	ck_assert_int_ge(sc.situations, 40);
	ck_assert_int_eq(sc.bad, 0);
	ck_assert_int_eq(sc.first_ok, sc.situations);
	ck_assert_int_eq(sc.move_ok, sc.situations);
	ck_assert_int_eq(sc.infeasible, 0);
	ck_assert_int_eq(sc.forbidden, 0);
	ck_assert_int_eq(sc.no_period, 0);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("finance");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, savings_goal);
	tcase_add_test(tc, goal_waits_for_the_emergency_fund);
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
	tcase_add_test(tc, effective_rates);
	tcase_add_test(tc, card_before_emergency_fund);
	tcase_add_test(tc, starter_fund_first);
	tcase_add_test(tc, avalanche_order);
	tcase_add_test(tc, rent_is_not_a_cut);
	tcase_add_test(tc, trim_never_exceeds_wants);
	tcase_add_test(tc, whole_months_or_the_intake);
	tcase_add_test(tc, investor);
	tcase_add_test(tc, plan_corpus);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
