/*
 * facts.h: what the coach knows of one user, as typed facts. Money is in
 * minor units of the user's currency (cents, or yen for JPY), never text,
 * never floating point. A facts source answers for one user of one client,
 * fixed by whoever built it: nobody asking can name another user.
 *
 * The local coach reads facts directly; the remote models read the same
 * facts rendered as JSON by their tools (ai/ai_tools.c).
 */
#ifndef OZ_FACTS_H
#define OZ_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "domain/categorize.h"

#define FACT_TEXT_MAX		256	/* bytes of a name, a title, an action */
#define FACT_MAX_ACTIONS	8
#define FACT_MAX_TASKS		8
#define FACT_MAX_GOALS		20
#define FACT_MAX_DEBTS		20
#define FACT_MAX_RECURRING	20

/*
 * Spending of a period, optionally of one category (CAT_COUNT: all), one
 * subcategory and one merchant (NULL: any). Spending is spending and fees
 * less refunds; transfers, debt payments and savings are never spending.
 * income is that of the same subcategory and merchant.
 */
struct fact_spending_q {
	long		 from, to;		/* day numbers, inclusive */
	int		 category;		/* enum category, or CAT_COUNT: all */
	const char	*subcategory;		/* NULL: any */
	const char	*merchant;		/* a merchant's name as said ("uber", "iFood"), NULL: any */
};
struct fact_spending {
	int64_t		 total;			/* spending (income excluded) */
	int64_t		 count;			/* spending transactions */
	int64_t		 income;
	struct {
		enum category	 category;
		int64_t		 amount;
		int64_t		 count;
	}		 by_category[CAT_COUNT];	/* spending only, largest first */
	size_t		 ncategories;
};

/* One debt of the intake. */
struct fact_debt {
	char		 name[FACT_TEXT_MAX];	/* "" when not given */
	int64_t		 balance;
	int		 has_rate;
	int64_t		 rate_milli;		/* percent per period, thousandths (12.5% = 12500) */
	int		 monthly;		/* the rate is quoted a month (else a year) */
	int		 has_min;
	int64_t		 min_payment;
};

struct fact_intake {
	char		 month[8];
	int64_t		 income, expenses, surplus;
	int		 has_savings, has_debt, has_rate;
	int64_t		 savings, debt;
	int64_t		 rate_bp;		/* yearly interest, basis points (19.90% = 1990) */
	char		 next_pay_date[11];	/* "" when not given */
	char		 financial_goal[16];
	struct fact_debt debts[FACT_MAX_DEBTS];	/* debt is their sum */
	size_t		 ndebts;
};

struct fact_goal {
	char		 id[64];
	char		 type[16];		/* savings | debt_payoff | investment */
	char		 name[FACT_TEXT_MAX];
	int64_t		 target, current, starting;
	char		 target_date[11];	/* "" when none */
	char		 cadence[16];
	char		 next_move_date[11];
	char		 status[12];		/* active | achieved | archived */
	int		 is_primary;
};

struct fact_plan {
	char		 id[64];
	char		 created_at[24];
	char		 summary[1024];
	int		 has_timeline;
	int64_t		 timeline_months;
	int		 needs_pct, wants_pct, savings_pct, debt_pct;
	int		 has_monthly_savings, has_monthly_debt_payment;
	int64_t		 monthly_savings, monthly_debt_payment;
	int		 has_current_rate, has_target_rate;
	int64_t		 current_rate_bp, target_rate_bp;	/* savings rates, basis points */
	char		 projected_goal_date[11];		/* "" when never */
	char		 debt_payoff_date[11];
	int		 has_emergency_months;
	int64_t		 emergency_months_tenths;
	char		 actions[FACT_MAX_ACTIONS][FACT_TEXT_MAX];
	size_t		 nactions;
};

struct fact_task {
	char		 id[64];
	char		 type[8];		/* do | learn | mind */
	char		 title[FACT_TEXT_MAX];
	int		 has_amount;
	int64_t		 amount;
	char		 status[10];		/* pending | done | skipped */
	int		 priority;
};

/* The money-move cycle a coach speaks of: the first still open, else the last. */
struct fact_moves {
	int		 has_cycle;
	char		 id[64];
	char		 due_date[11];
	char		 status[12];		/* scheduled | available | completed | skipped */
	struct fact_task tasks[FACT_MAX_TASKS];
	size_t		 ntasks;
	int64_t		 points;		/* the user's */
};

/*
 * A search of the user's transactions. kind: all of them, spending
 * (spending, fees and refunds), income; with has_txn_kind, one kind
 * exactly (txn_kind) instead.
 */
enum fact_kind { FACT_KIND_ALL, FACT_KIND_SPENDING, FACT_KIND_INCOME };
struct fact_txn_q {
	int		 has_from, has_to;
	long		 from, to;		/* day numbers, inclusive */
	int		 category;		/* enum category, or CAT_COUNT: any */
	enum fact_kind	 kind;
	int		 has_txn_kind;
	enum txn_kind	 txn_kind;
	const char	*subcategory;		/* NULL: any */
	const char	*merchant;		/* a merchant's name as said, NULL: any */
	const char	*search;		/* words in the description or merchant, or NULL */
};
struct fact_txn {
	char		 id[64];
	char		 date[11];
	char		 description[FACT_TEXT_MAX];
	char		 merchant[FACT_TEXT_MAX];	/* "" when none */
	enum category	 category;
	char		 subcategory[SUBCAT_MAX];	/* "" when none */
	enum txn_kind	 kind;
	int64_t		 amount;		/* minor units of currency */
	char		 currency[4];
};

/*
 * Money of a period grouped (by "category", "subcategory", "merchant",
 * "month", "week", "kind", or NULL: one total), then optionally by another:
 * what GET …/spending answers. kind: "spending" (NULL: spending and fees
 * less refunds), "income", or any kind's name.
 */
struct fact_agg_q {
	long		 from, to;		/* day numbers, inclusive */
	const char	*kind;
	int		 category;		/* enum category, or CAT_COUNT: any */
	const char	*subcategory;		/* NULL: any */
	const char	*merchant;		/* NULL: any */
	const char	*group_by, *then_by;
};
struct fact_agg {
	char		 key[64], key2[64];	/* "" for no group, no subcategory, no merchant */
	int64_t		 amount;		/* minor units; may be negative (refunds) */
	int64_t		 count;
};

/* A payment that comes back (domain/recurring.h), found in the last year. */
struct fact_recurring {
	char		 name[64];		/* the merchant */
	enum category	 category;
	char		 cadence[12];		/* weekly | biweekly | monthly | quarterly | yearly */
	int64_t		 typical;		/* minor units */
	int64_t		 monthly;		/* what it costs a month */
	char		 last[11], next[11];	/* dates */
	size_t		 count;
};

/*
 * The source: each call answers for the one user it was built for. Returns
 * 1 (found), 0 (the user has none: no intake, no plan, no cycle) or -1 (the
 * data could not be read); spending, goals and transactions return 0 or -1.
 */
struct facts_src {
	void		*ctx;
	const char	*currency;		/* the user's, ISO 4217 */
	int		 digits;		/* its minor digits */
	int	(*spending)(void *ctx, const struct fact_spending_q *q, struct fact_spending *out);
	int	(*intake)(void *ctx, struct fact_intake *out);
	int	(*plan)(void *ctx, struct fact_plan *out);
	/* Goals in the order a coach speaks of them: active first, the primary first. */
	int	(*goals)(void *ctx, struct fact_goal *out, size_t max, size_t *n);
	int	(*moves)(void *ctx, struct fact_moves *out);
	/* Newest first, at most max; *more set when more matched. */
	int	(*transactions)(void *ctx, const struct fact_txn_q *q, struct fact_txn *out,
		    size_t max, size_t *n, int *more);
	/* At most max groups: largest first, months and weeks in time order. */
	int	(*aggregate)(void *ctx, const struct fact_agg_q *q, struct fact_agg *out,
		    size_t max, size_t *n);
	/* The recurring payments, the largest monthly cost first, at most max. */
	int	(*recurring)(void *ctx, struct fact_recurring *out, size_t max, size_t *n);
};

#endif
