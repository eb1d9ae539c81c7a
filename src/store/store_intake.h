/* store_intake.h: financial intakes, immutable monthly snapshots of a user's money. */
#ifndef OZ_STORE_INTAKE_H
#define OZ_STORE_INTAKE_H

#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

#define INTAKE_MAX_DEBTS	20

/* One debt of an intake. */
struct intake_debt {
	char		 name[101];		/* "" when not given */
	int64_t		 balance;		/* hundredths */
	int		 has_rate;
	int64_t		 rate;			/* percent per period, thousandths (12.5 -> 12500) */
	char		 rate_period[6];	/* month | year */
	int		 has_min;
	int64_t		 min_payment;		/* hundredths */
};

/* Money in hundredths of the user's major unit (1234.50 -> 123450). */
struct intake {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	char		 month[8];		/* YYYY-MM */
	int64_t		 income;
	int64_t		 expenses;
	int64_t		 surplus;		/* income - expenses */
	char		 financial_goal[16];	/* savings | debt_payoff | investment */
	char		 next_pay_date[11];	/* "" when not given */
	int		 has_savings, has_debt, has_rate;
	int64_t		 savings;
	int64_t		 debt;
	int64_t		 rate;			/* yearly percent, hundredths (19.90 -> 1990) */
	char		 created_at[24];
	int64_t		 cursor_us;
	size_t		 ndebts;
	struct intake_debt debts[INTAKE_MAX_DEBTS];
};

/*
 * Insert in (id, user_id, every figure and its debts set by the caller), in
 * the caller's database transaction. 0 and *out filled, or -1.
 */
int	store_intake_insert(struct store *st, const struct intake *in, struct intake *out);
/* The user's latest intake. 1/0/-1. */
int	store_intake_latest(struct store *st, const char *user, struct intake *out);
/* A page of the user's intakes, newest first. 0/-1. */
int	store_intake_list(struct store *st, const char *user, const struct store_page *pg,
	    struct intake *rows, size_t *n, int *has_more);

#endif
