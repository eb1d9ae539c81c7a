/*
 * risk.h: the rules that flag a user at risk (DESIGN §4.3), on plain
 * figures. Each rule compares one value with its threshold (config keys
 * analytics_risk_*) and, when it fires, adds its points to the score:
 *
 *   negative_cash_flow   30  the latest intake's monthly surplus is below 0,
 *                            or, with income among them, the transactions of
 *                            the last analytics_risk_cash_flow_days days
 *                            (income - spending) are; value: the net, in
 *                            major units (basis says which)
 *   low_emergency_fund   15  savings / monthly expenses below
 *                            analytics_risk_fund_months months; value: months
 *   high_debt_to_income  20  the intake's debts / a year of income above
 *                            analytics_risk_dti_pct percent; value: percent
 *   high_interest_debt   15  a debt's yearly rate (a monthly rate times 12)
 *                            above analytics_risk_interest_pct; value: the
 *                            highest yearly rate, percent
 *   spending_spike       10  the last full month's spending above the
 *                            average of the three months before by more than
 *                            analytics_risk_spike_pct percent; value: percent
 *                            above
 *   missed_money_moves   10  at least analytics_risk_missed_moves money-move
 *                            cycles past due in a row not completed; value:
 *                            how many
 *
 * The score is the sum of the points of the rules that fired (they sum to
 * 100), so a reader adds up the reasons to get it. Values and thresholds
 * are in hundredths (2 decimals).
 */
#ifndef OZ_RISK_H
#define OZ_RISK_H

#include <stddef.h>
#include <stdint.h>

enum risk_code {
	RISK_NEGATIVE_CASH_FLOW,
	RISK_LOW_EMERGENCY_FUND,
	RISK_HIGH_DEBT_TO_INCOME,
	RISK_HIGH_INTEREST_DEBT,
	RISK_SPENDING_SPIKE,
	RISK_MISSED_MONEY_MOVES,
	RISK_NCODES
};

/* The thresholds (the config keys analytics_risk_*). */
struct risk_cfg {
	int64_t	 fund_months;		/* low_emergency_fund below this many months */
	int64_t	 dti_pct;		/* high_debt_to_income above this percent */
	int64_t	 interest_pct;		/* high_interest_debt above this yearly percent */
	int64_t	 spike_pct;		/* spending_spike above the average by this percent */
	int64_t	 missed_moves;		/* missed_money_moves from this many in a row */
};

#define RISK_MAX_DEBTS	20

struct risk_debt {
	int64_t	 balance;		/* hundredths */
	int	 has_rate;
	int64_t	 rate;			/* percent per period, thousandths (12.5 -> 12500) */
	int	 monthly;		/* the rate is per month */
};

/* What the rules read, in the user's currency. */
struct risk_in {
	int	 has_intake;		/* the latest intake's figures follow */
	int64_t	 income, expenses;	/* monthly, hundredths */
	int	 has_savings;
	int64_t	 savings;		/* hundredths */
	size_t	 ndebts;
	struct risk_debt debts[RISK_MAX_DEBTS];
	/* transactions of the cash-flow window, hundredths of the major unit */
	int64_t	 flow_income, flow_spending;
	int64_t	 flow_income_count;
	/* spending of the last full month [0] and the three before [1..3] (any unit) */
	int64_t	 month_spend[4];
	int	 missed_moves;		/* cycles past due in a row, not completed */
};

struct risk_reason {
	enum risk_code	 code;
	int64_t		 value;		/* hundredths */
	int64_t		 threshold;	/* hundredths */
	int		 points;
	const char	*basis;		/* negative_cash_flow: "intake" | "transactions"; else NULL */
};

struct risk_out {
	int		 score;		/* 0..100, the sum of the reasons' points */
	size_t		 n;
	struct risk_reason reasons[RISK_NCODES];	/* in enum order */
};

/* The rules of in against cfg into *out. */
void	risk_eval(const struct risk_cfg *cfg, const struct risk_in *in, struct risk_out *out);
/* "negative_cash_flow", …; NULL for a code out of range. */
const char *risk_code_name(enum risk_code c);
/* The code of a name; 0, or -1 when it is none. */
int	risk_code_parse(const char *name, enum risk_code *out);
/* The points a rule adds when it fires. */
int	risk_points(enum risk_code c);

#endif
