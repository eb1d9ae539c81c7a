/*
 * finance.h: the deterministic finance engine (DESIGN §4 "Plan", issue 6).
 * Plain C on plain structs: no I/O, no allocation, no clock (today is an
 * input), no floating point. Every number in a plan comes from here; words
 * may be polished elsewhere, numbers never.
 *
 * Rules (all amounts int64 minor units, rates in basis points):
 *
 * Money per month. surplus = income - expenses. The plan funds goals with
 * what is really left: funds = max(surplus, 0). funds is split between debt
 * and savings in the allocation's debt:savings ratio, the debt part rounded
 * down (monthly_debt_payment_cents), the rest to savings
 * (monthly_savings_cents). Rates: current = surplus * 10000 / income
 * (truncated, 0 without income); target = (savings_pct + debt_pct) * 100.
 *
 * Allocations start from a template by goal type and debt:
 *   savings 50/30/20/0 (with debt 50/30/10/10); debt_payoff 50/25/5/20 (no
 *   debt: the savings template); investment 50/25/25/0 (with debt 50/25/15/10).
 * With income and transactions they adapt to the last 90 days (monthly =
 * 90-day total / 3, rounded down): needs = housing, utilities, transport,
 * health, education, and food up to 15% of income (food mixes groceries and
 * dining out, which the categories cannot tell apart: the part above 15% is
 * counted as dining out, a want); wants = entertainment, clothing, other and
 * that food excess; income is not spending. needs% = round(needs/income),
 * clamped to 35..65. The rest R = 100 - needs% is split in the template's
 * wants:savings:debt ratio; wants% never exceeds that share and is lowered to
 * the real wants% (not below 10) when the user spends less, the difference
 * going to savings/debt (debt share rounded down). The four sum to exactly 100.
 *
 * Category budgets (action items). The plan's monthly share of a category is
 * income * needs% * need_weight + income * wants% * want_weight (weights in
 * finance.c: housing 50% of needs, food 20% of needs + 30% of wants …). A
 * category is "above plan" when its monthly spending exceeds its share by at
 * least 1% of income.
 *
 * The goal. The active goal if given ("debt" = "debt_payoff"), otherwise
 * derived from intake_goal: savings -> an emergency fund of 3 x monthly
 * expenses, starting from the savings balance; debt_payoff -> the debt
 * balance (no debt: the emergency fund); investment -> 12 x the monthly
 * surplus, starting from 0 (no surplus: 3 x expenses).
 *
 * Projection. Month k (1..) is today's month + k, on today's day clamped to
 * the month's length ("2025-01-31" + 1 -> "2025-02-28").
 *  - savings: balance += monthly savings;
 *  - investment: growth = round_half_up(balance * return_bp / 120000), then
 *    the deposit;
 *  - in both the last month deposits only what is missing, so the last
 *    balance is the target unless growth alone passed it;
 *  - debt_payoff: the projection is the remaining balance, amortised:
 *    interest = round_half_up(balance * rate_bp / 120000) is added, then the
 *    payment (the last one only what is owed) is taken off.
 * timeline_months = the first month the target is reached (0 if already
 * reached, projected_goal_date = today); -1 (and no projection) when no
 * progress is possible or when expenses exceed income (the gap comes first);
 * -1 with a 360-month projection when the target lies beyond 360 months.
 * debt_payoff_date: the month the intake debt (or the debt goal) reaches 0 at
 * the plan payment; "" with no debt, when the payment does not exceed the
 * first month's interest, or beyond 360 months.
 *
 * Action items, ranked (personality_type reorders; "avoider" keeps 3): the
 * monthly gap; no income; a debt that never amortises (the raise that clears
 * it in 60 months); categories above plan (largest excess first, up to 3);
 * the emergency-fund gap to 3 months (unless it is the goal); the monthly
 * amount a goal target_date needs; the interest saved by paying 25% more on
 * debt; the cut that reaches the target savings rate; a reached goal.
 */
#ifndef OZ_FINANCE_H
#define OZ_FINANCE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/categorize.h"		/* enum category, CAT_COUNT */

#define FIN_MAX_MONTHS	360
#define FIN_MAX_ACTIONS	8
#define FIN_TEXT_MAX	240
/* Largest amount accepted (1 trillion major units): keeps every product in int64. */
#define FIN_MAX_CENTS	INT64_C(100000000000000)
#define FIN_MAX_RATE_BP	100000	/* 1000%/yr, the intake's limit */
#define FIN_MAX_RETURN_BP 10000	/* 100%/yr */

struct fin_input {
	const char	*language;		/* "en" | "pt" | "es" (else en) */
	const char	*currency;		/* ISO 4217, for formatting */
	const char	*today;			/* "YYYY-MM-DD" */
	int64_t		 income_cents;		/* monthly, latest intake */
	int64_t		 expenses_cents;	/* monthly, latest intake */
	const char	*intake_goal;		/* savings | debt_payoff | investment */
	int		 has_savings;
	int64_t		 savings_cents;
	int		 has_debt;
	int64_t		 debt_cents;
	int		 debt_rate_bp;		/* annual, 1990 = 19.90% */
	int		 has_goal;		/* the active primary goal */
	const char	*goal_type;		/* savings | debt_payoff (debt) | investment */
	const char	*goal_name;		/* NULL or "": a name by type */
	int64_t		 goal_target_cents, goal_current_cents;
	const char	*goal_target_date;	/* "YYYY-MM-DD" or NULL */
	int64_t		 spend_cents[CAT_COUNT];	/* last 90 days by category; CAT_INCOME ignored */
	int		 n_transactions;	/* in those 90 days; 0: no adaptation */
	int		 expected_return_bp;	/* annual, investment goals, e.g. 500 */
	const char	*personality_type;	/* NULL, "saver", "spender", "avoider", "planner" */
};

struct fin_month {
	char	month[8];		/* "YYYY-MM" */
	int64_t	balance_cents;
};

struct fin_plan {
	int		 needs_pct, wants_pct, savings_pct, debt_pct;	/* sum exactly 100 */
	int64_t		 monthly_savings_cents;		/* toward savings/goal per month (>= 0) */
	int64_t		 monthly_debt_payment_cents;
	int		 current_savings_rate_bp;	/* surplus / income, may be negative; 0 if no income */
	int		 target_savings_rate_bp;
	char		 projected_goal_date[11];	/* "" = null (never) */
	char		 debt_payoff_date[11];		/* "" = null (no debt, or never amortises) */
	int		 emergency_fund_tenths;		/* months of expenses in savings x10; -1 unknown */
	int		 timeline_months;		/* -1 = null (no progress possible) */
	int		 n_projection;
	struct fin_month projection[FIN_MAX_MONTHS];
	int		 n_actions;
	char		 actions[FIN_MAX_ACTIONS][FIN_TEXT_MAX];	/* ranked, in the user's language */
	char		 summary[1024];			/* 2-4 sentences, amounts formatted */
	char		 derived_goal_type[16];		/* the goal used (given, or derived) */
	int64_t		 derived_goal_target_cents;	/* for debt_payoff: the balance to clear */
};

/*
 * Compute the plan into out (fully overwritten). Returns 0, or -1 when the
 * input itself is unusable: NULL in/out/language/currency/today/intake_goal,
 * a bad date, an unknown goal type, a negative amount or rate, or one above
 * FIN_MAX_CENTS / FIN_MAX_RATE_BP / FIN_MAX_RETURN_BP.
 */
int	finance_plan(const struct fin_input *in, struct fin_plan *out);
/*
 * The "do" amount of one cycle of cadence (weekly, biweekly, twice_monthly,
 * monthly) from a monthly amount: monthly*12/52, *12/26, /2, /1, rounded down.
 * -1 for an unknown cadence or an amount outside 0..FIN_MAX_CENTS.
 */
int64_t	finance_cycle_amount(int64_t monthly_cents, const char *cadence);

#endif
