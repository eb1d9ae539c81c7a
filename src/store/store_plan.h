/*
 * store_plan.h: plans, immutable snapshots of what the finance engine
 * produced. A plan's body is the document the API shows, stored whole
 * (jsonb keeps every number's scale); what other actions need of it is read
 * as typed columns.
 */
#ifndef OZ_STORE_PLAN_H
#define OZ_STORE_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

struct plan_row {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	const char	*body;			/* the JSON document */
	int64_t		 monthly_move_cents;	/* what a money move puts toward the focus a month */
	/*
	 * The plan's focus (body.focus): the step the money goes to now
	 * ("starter_emergency_fund", "high_interest_debt", "goal"…), its lesson
	 * topic ("debt", "emergency", "saving", "investing", "budget") and its
	 * name (a debt's, the goal's); "" for plans made before they existed.
	 */
	char		 focus_step[24];
	char		 focus_topic[16];
	char		 focus_name[64];
	int64_t		 cursor_us;
};

#define PLAN_MAX_ACTIONS	8

/*
 * What the coach reads of the latest plan (money in minor units of the
 * user's currency, from the body's exact decimals).
 */
struct plan_facts {
	char		 id[OZ_ID_MAX];
	char		 created_at[24];
	const char	*summary;
	int		 has_timeline;
	int64_t		 timeline_months;
	int		 needs_pct, wants_pct, savings_pct, debt_pct;
	int		 has_monthly_savings, has_monthly_debt_payment;
	int64_t		 monthly_savings, monthly_debt_payment;
	int		 has_current_rate, has_target_rate;
	int64_t		 current_rate_bp, target_rate_bp;	/* percent x100 */
	char		 projected_goal_date[11];		/* "" when null */
	char		 debt_payoff_date[11];
	int		 has_emergency_months;
	int64_t		 emergency_months_tenths;
	const char	*actions[PLAN_MAX_ACTIONS];
	size_t		 nactions;
};

/* Insert a plan. 0/-1. */
int	store_plan_insert(struct store *st, const struct plan_row *p);
/* The user's latest plan. 1/0/-1. */
int	store_plan_latest(struct store *st, const char *user, struct plan_row *out);
int	store_plan_list(struct store *st, const char *user, const struct store_page *pg,
	    struct plan_row *rows, size_t *n, int *has_more);
/* The latest plan's facts, with money at the currency's digits. 1/0/-1. */
int	store_plan_facts(struct store *st, const char *user, int digits,
	    struct plan_facts *out);

#endif
