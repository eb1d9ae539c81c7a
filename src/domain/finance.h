/*
 * finance.h: the deterministic finance engine (DESIGN §4 "Plan", issues 6
 * and 14). Plain C on plain structs: no I/O, no allocation, no clock (today
 * is an input), no floating point. Every number in a plan comes from here;
 * words may be polished elsewhere, numbers never.
 *
 * All amounts are int64 minor units. Interest rates are thousandths of a
 * percent per period ("milli": 12% = 12000) or, for the legacy one-debt
 * shorthand, basis points a year; returns are basis points a year.
 *
 * 1. The order of priorities. A plan is a sequence of steps, each done,
 *    current (the one the money goes to now: the focus) or pending:
 *      (a) close the gap: income 0 with expenses, or expenses above income;
 *      (b) a starter emergency fund of FIN_STARTER_MONTHS (1) month of
 *          essential expenses, only when a high-interest debt is owed;
 *      (c) each high-interest debt, highest rate first (avalanche), the
 *          others getting their minimum payments;
 *      (d) an emergency fund of FIN_EMERGENCY_MONTHS (3) months of
 *          essential expenses;
 *      (e) the user's goal (the active goal, else one derived from the
 *          intake: savings -> the emergency fund of (d) itself; debt_payoff
 *          -> every debt left; investment -> 12 x the monthly surplus);
 *      (f) invest what is left (at expected_return_bp).
 *    No savings step ever ranks above a debt of (c) but the starter fund.
 *    A savings balance not given counts as none.
 *
 * 2. Debts. in->debts[] (or, with none, the shorthand: debt_cents at
 *    debt_rate_bp a year). Interest accrues monthly: a monthly rate as
 *    quoted, a yearly rate one twelfth a month, each month's interest
 *    rounded half up to the minor unit. The annual rate a debt is judged by
 *    is the yearly rate as quoted, or for a monthly rate the effective
 *    annual (1 + m)^12 - 1, computed in fixed point (12% a month is 289.6% a
 *    year). A debt is high-interest when that annual rate is at least
 *    FIN_HIGH_INTEREST_MILLI (8% a year); a debt whose rate is unknown is
 *    not. Avalanche order: the highest monthly charge first (ties: the
 *    smaller balance, then the given order). Minimum payments are part of
 *    the intake's monthly expenses; the surplus is what the plan directs,
 *    and a paid-off debt's minimum joins it from the next month.
 *
 * 3. Spending. spend[] are totals over spend_months whole calendar months
 *    (0: none; the plan then uses the intake's figures and says so); the
 *    monthly figure is total / months, rounded half up. Needs: housing,
 *    utilities, transport, health, education, groceries, and the essential
 *    subcategories of other (taxes, insurance, childcare, pets, bank fees);
 *    food without a subcategory counts as groceries up to 15% of income.
 *    Wants, in four groups with their share of the wants budget: eating
 *    out (restaurants, delivery, coffee, bars, food above that 15%) 30,
 *    fun (entertainment) 30, clothing 15, shopping and other (shopping,
 *    electronics, furniture, personal care, gifts, subscriptions, airfare,
 *    car rental, other without a subcategory) 25. Housing costs are the
 *    housing category but furniture. Essential expenses = max(needs,
 *    intake expenses - wants) with spending, the intake's expenses without.
 *
 * 4. Money per month. surplus = income - expenses; funds = max(surplus, 0)
 *    all go to the focus: monthly_savings_cents for a savings step,
 *    monthly_debt_payment_cents (beyond the minimums) for a debt step.
 *    Rates: current = surplus * 10000 / income (truncated, 0 without
 *    income); target = (savings_pct + debt_pct) * 100.
 *
 * 5. Allocations start from a template by goal type and debt: savings
 *    50/30/20/0 (with debt 50/30/10/10); debt_payoff 50/25/5/20 (no debt:
 *    the savings template); investment 50/25/25/0 (with debt 50/25/15/10).
 *    With income and spending, needs% = round(essential expenses / income)
 *    clamped to 35..65, and the rest R = 100 - needs% is split in the
 *    template's wants : (savings + debt) ratio; wants% never exceeds that
 *    share (the wants budget) and is lowered to the real wants% (not below
 *    10). All that is left for savings and debt goes to the side of the
 *    focus (the step after the gap with a gap).
 *
 * 6. The projection walks month by month (up to 360): debts accrue and get
 *    their minimums, then the funds fill the steps in order, the rest of a
 *    month's money flowing to the next step; an investment goal grows at
 *    expected_return_bp / 12 a month (half up) before its deposit, the last
 *    deposit of a savings goal being only what is missing. Month k is
 *    today's month + k, on today's day clamped to the month's length.
 *    projection[] is the goal's balance (a debt goal: what is still owed)
 *    up to the month it is reached; timeline_months that month (0 already
 *    reached; -1 when it never moves or with a gap; -1 with 360 months of
 *    projection beyond 360). debt_payoff_date: the month every debt is paid
 *    ("" with none, or beyond 360 months); each debt has its own.
 *
 * 7. Action items, ranked: first the priorities, in their order, never
 *    moved by personality_type: the gap (or no income); or else making
 *    room when nothing is left at the end of the month (surplus 0: up to
 *    half of the wants seen, toward the target rate; without spending
 *    known, where to look); for a focus debt that never amortises at the
 *    plan's payment, the payment that clears it in 60 months when the
 *    raise fits in the wants seen (without whole months of spending, in
 *    FIN_RAISE_ROOM_PCT of income), else renegotiating the debt (a lower
 *    rate, an instalment deal, a cheaper loan) with its rate and that
 *    payment; then the focus step and the step after it. Then,
 *    reordered by personality_type ("avoider" keeps 3 items in all):
 *    housing above FIN_HOUSING_GUIDE_PCT (35%) of income as information
 *    (never a monthly cut); the want groups above their share of the wants
 *    budget (excess >= 1% of income, largest first, up to 3; an excess is
 *    at most what is spent); without those, the trim of wants toward the
 *    target savings rate (at most half of the wants); paying 25% more on a
 *    debt focus (when that fits where a raise may come from, above); a note when no whole month of spending is known; then the
 *    later steps (each high-interest debt, the emergency fund, the goal and
 *    its target date), the debts below the line, a goal reached. No action
 *    ever asks to cut housing, an essential bill, a debt payment, a
 *    transfer or savings, or more than is spent.
 */
#ifndef OZ_FINANCE_H
#define OZ_FINANCE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/categorize.h"		/* enum category, CAT_COUNT */

#define FIN_MAX_MONTHS	360
#define FIN_MAX_ACTIONS	8
#define FIN_TEXT_MAX	448	/* an action item with a 51-byte name and trillions fits */
#define FIN_MAX_DEBTS	20
#define FIN_MAX_SPEND	96	/* (category, subcategory) rows of spending */
#define FIN_MAX_STEPS	(FIN_MAX_DEBTS + 6)
#define FIN_NAME_MAX	48	/* bytes of a debt or goal name kept in a text */
/* Largest amount accepted (1 trillion major units): keeps every product in int64. */
#define FIN_MAX_CENTS	INT64_C(100000000000000)
#define FIN_MAX_RATE_BP	100000	/* 1000%/yr, the intake's limit */
#define FIN_MAX_RATE_MONTH_MILLI 100000	/* 100% a month */
#define FIN_MAX_RATE_YEAR_MILLI	1000000	/* 1000% a year */
#define FIN_MAX_RETURN_BP 10000	/* 100%/yr */

/* The plan's assumptions, stated in every plan. */
#define FIN_HIGH_INTEREST_MILLI	8000	/* a debt at 8% a year or more is high-interest */
#define FIN_STARTER_MONTHS	1	/* the starter emergency fund, months of essentials */
#define FIN_EMERGENCY_MONTHS	3	/* the full emergency fund, months of essentials */
#define FIN_HOUSING_GUIDE_PCT	35	/* housing above this share of income is flagged */
#define FIN_FOOD_NEEDS_PCT	15	/* food of no known kind up to 15% of income is groceries */
#define FIN_WANTS_TRIM_PCT	50	/* a trim never asks for more than half of the wants */
#define FIN_RAISE_ROOM_PCT	10	/* without spending, a debt payment raise asks at most this % of income */

/* One debt as the intake gives it. */
struct fin_debt {
	const char	*name;			/* NULL or "": named by its order */
	int64_t		 balance_cents;
	int		 has_rate;
	int64_t		 rate_milli;		/* percent per period, thousandths */
	int		 monthly;		/* 1: the rate is a month's, 0: a year's */
	int		 has_min;
	int64_t		 min_cents;		/* the minimum payment a month */
};

/* Spending of one category (and subcategory, NULL or "": none known). */
struct fin_spend {
	enum category	 category;
	const char	*subcategory;
	int64_t		 cents;			/* total over spend_months; may be < 0 (refunds) */
};

struct fin_input {
	const char	*language;		/* "en" | "pt" | "es" (else en) */
	const char	*currency;		/* ISO 4217, for formatting */
	const char	*today;			/* "YYYY-MM-DD" */
	int64_t		 income_cents;		/* monthly, latest intake */
	int64_t		 expenses_cents;	/* monthly, latest intake (minimum payments included) */
	const char	*intake_goal;		/* savings | debt_payoff | investment */
	int		 has_savings;
	int64_t		 savings_cents;
	int		 has_debt;		/* the shorthand, used when n_debts is 0 */
	int64_t		 debt_cents;
	int		 debt_rate_bp;		/* annual, 1990 = 19.90% */
	int		 n_debts;
	struct fin_debt	 debts[FIN_MAX_DEBTS];
	int		 has_goal;		/* the active primary goal */
	const char	*goal_type;		/* savings | debt_payoff (debt) | investment */
	const char	*goal_name;		/* NULL or "": a name by type */
	int64_t		 goal_target_cents, goal_current_cents;
	const char	*goal_target_date;	/* "YYYY-MM-DD" or NULL */
	int		 spend_months;		/* whole calendar months spend[] covers; 0: none */
	const char	*spend_from, *spend_to;	/* their first and last day, or NULL */
	int		 n_spend;
	struct fin_spend spend[FIN_MAX_SPEND];
	int		 n_transactions;	/* in those months (informational) */
	int		 expected_return_bp;	/* annual, investment goals and step (f) */
	const char	*personality_type;	/* NULL, "saver", "spender", "avoider", "planner" */
};

struct fin_month {
	char	month[8];		/* "YYYY-MM" */
	int64_t	balance_cents;
};

/* The steps of the order of priorities (finance.h §1). */
enum fin_step_kind { FIN_STEP_GAP, FIN_STEP_STARTER, FIN_STEP_HIGH_DEBT, FIN_STEP_EMERGENCY,
	FIN_STEP_GOAL, FIN_STEP_INVEST, FIN_STEP_COUNT };
enum fin_status { FIN_DONE, FIN_CURRENT, FIN_PENDING };

struct fin_step {
	enum fin_step_kind kind;
	enum fin_status	 status;
	int		 debt;			/* FIN_STEP_HIGH_DEBT: index in debts[] */
	int		 is_goal;		/* the user's goal is this step */
	int64_t		 target_cents;		/* savings steps: the balance to reach; debts: the balance */
	int64_t		 remaining_cents;	/* what is missing (owed) today */
	int		 months;		/* done in this many months (0 done; -1 not within 360) */
	char		 date[11];		/* "" = never within 360 months */
	char		 name[FIN_NAME_MAX + 4];	/* in the user's language */
};

/* A debt as the plan sees it. */
struct fin_debt_plan {
	char		 name[FIN_NAME_MAX + 4];
	int64_t		 balance_cents;
	int		 has_rate;
	int64_t		 rate_milli;		/* as quoted */
	int		 monthly;
	int64_t		 annual_milli;		/* the yearly rate, or a monthly one's effective annual */
	int		 high;			/* at or above FIN_HIGH_INTEREST_MILLI */
	int		 has_min;
	int64_t		 min_cents;
	int64_t		 interest_cents;	/* this month's interest at today's balance */
	int		 order;			/* 1.. the avalanche order */
	int		 payoff_months;		/* -1: not within 360 months */
	char		 payoff_date[11];
};

/* What an action item is about, for checks and clients. */
enum fin_action_kind { FA_NO_INCOME, FA_GAP, FA_STARTER, FA_DEBT_FOCUS, FA_DEBT_NEVER,
	FA_DEBT_SLOW, FA_EMERGENCY, FA_GOAL, FA_TARGET_DATE, FA_INVEST, FA_REACHED,
	FA_HOUSING, FA_CUT, FA_TRIM, FA_DEBT_FASTER, FA_TRACK, FA_DEBT_NEXT, FA_DEBT_LOW,
	FA_ROOM, FA_COUNT };

struct fin_action {
	enum fin_action_kind kind;
	int		 step;			/* the step it is about, -1: none */
	char		 key[24];		/* FA_CUT: the want group; debts: "debt:N" */
	int64_t		 amount_cents;		/* a cut, trim or room: what it asks a month */
	int64_t		 base_cents;		/* a cut, trim or room: what is spent there a month */
};

struct fin_plan {
	int		 needs_pct, wants_pct, savings_pct, debt_pct;	/* sum exactly 100 */
	int64_t		 monthly_savings_cents;		/* toward savings/goal per month (>= 0) */
	int64_t		 monthly_debt_payment_cents;	/* beyond the minimums */
	int		 current_savings_rate_bp;	/* surplus / income, may be negative; 0 if no income */
	int		 target_savings_rate_bp;
	char		 projected_goal_date[11];	/* "" = null (never) */
	char		 debt_payoff_date[11];		/* "" = null (no debt, or not within 360 months) */
	int		 emergency_fund_tenths;		/* months of essentials in savings x10; -1 unknown */
	int		 timeline_months;		/* -1 = null (no progress possible) */
	int		 n_projection;
	struct fin_month projection[FIN_MAX_MONTHS];
	int		 n_actions;
	char		 actions[FIN_MAX_ACTIONS][FIN_TEXT_MAX];	/* ranked, in the user's language */
	struct fin_action action_info[FIN_MAX_ACTIONS];
	char		 summary[1536];			/* amounts formatted */
	char		 derived_goal_type[16];		/* the goal used (given, or derived) */
	int64_t		 derived_goal_target_cents;	/* for debt_payoff: the balance to clear */
	/* The order of priorities and the focus (steps[focus]). */
	int		 n_steps, focus;
	struct fin_step	 steps[FIN_MAX_STEPS];
	int64_t		 monthly_move_cents;		/* what goes to the focus a month */
	/* Debts, in the given order. */
	int		 n_debts;
	struct fin_debt_plan debts[FIN_MAX_DEBTS];
	/* Assumptions and the figures behind them. */
	int64_t		 essential_cents;		/* essential expenses a month */
	int64_t		 wants_cents;			/* wants a month (-1: unknown) */
	int64_t		 housing_cents;			/* housing a month (-1: unknown) */
	int		 housing_pct;			/* of income, rounded (-1: unknown) */
	int		 spend_months;			/* the months the averages come from */
};

/*
 * Compute the plan into out (fully overwritten). Returns 0, or -1 when the
 * input itself is unusable: NULL in/out/language/currency/today/intake_goal,
 * a bad date, an unknown goal type, a negative amount or rate, one above
 * FIN_MAX_CENTS / the rate limits / FIN_MAX_RETURN_BP, or counts out of range.
 */
int	finance_plan(const struct fin_input *in, struct fin_plan *out);
/*
 * The "do" amount of one cycle of cadence (weekly, biweekly, twice_monthly,
 * monthly) from a monthly amount: monthly*12/52, *12/26, /2, /1, rounded down.
 * -1 for an unknown cadence or an amount outside 0..FIN_MAX_CENTS.
 */
int64_t	finance_cycle_amount(int64_t monthly_cents, const char *cadence);
/*
 * The effective annual rate, in thousandths of a percent, of a rate of
 * rate_milli thousandths of a percent charged per month (monthly) or a
 * twelfth of it a month (yearly): (1 + r)^12 - 1, rounded half up
 * (12000 monthly -> 289598: 289.598%). -1 outside the rate limits.
 */
int64_t	finance_effective_annual(int64_t rate_milli, int monthly);
/* The API name of a step ("close_gap", "starter_emergency_fund", …), of a status, of an action kind. */
const char *finance_step_name(enum fin_step_kind k);
const char *finance_status_name(enum fin_status s);
const char *finance_action_name(enum fin_action_kind k);
/*
 * The lesson topic of a plan's focus: "budget" (the gap), "debt",
 * "emergency", "saving" or "investing".
 */
const char *finance_focus_topic(const struct fin_plan *p);

#endif
