/*
 * store_analytics.h: the rollups of sql/011 (each write of transactions
 * notes its changes, which are folded into them: sql/018) and each user's
 * risk state, read for a client's
 * analytics (DESIGN §4.3), and checked or rebuilt from raw rows by
 * ozzie-admin. Periods are whole months (or, for weekly trends, whole
 * weeks): from is the first day of one, to the last day of one.
 */
#ifndef OZ_STORE_ANALYTICS_H
#define OZ_STORE_ANALYTICS_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"
#include "domain/risk.h"

struct oz_db;
struct store;
struct store_page;

/* What one analytics answer is about. */
struct an_scope {
	const char	*currency;
	const char	*from, *to;	/* YYYY-MM-DD, aligned to the rollups */
	const char	*category;	/* a filter, or NULL */
	struct oz_db	*primary;	/* a live answer folds first here (NULL: not) */
};

/* The overview's figures; *_users say how many users each is made of. */
struct an_overview {
	int64_t	 users_total, stage[3];	/* intake_pending, plan_pending, active */
	int64_t	 users_active;		/* with a transaction in the period */
	int64_t	 txn_count, spend_cents, income_cents;
	int64_t	 intake_users, med_income, med_expenses;	/* hundredths */
	int64_t	 rate_users, med_rate;	/* savings rate, hundredths of a percent */
	int64_t	 plans, plan_users;
	int64_t	 tasks_done, tasks_total, task_users;
	int64_t	 chat_messages, chat_users;
	int64_t	 at_risk;
};

/* One group of GET /analytics/spending (or its total, key ""). */
struct an_group {
	char	 key[104];
	int64_t	 cents, count, users, median;	/* median spending per user, cents */
};

/* Where an answer's figures come from. */
struct an_source {
	char	 as_of[24];		/* "2026-11-24T20:14:04Z": nothing counted is younger */
	int	 precomputed;		/* 1: a stored answer (sql/016), 0: read now */
};

/* One period of a trend. */
struct an_point {
	char	 period[11];		/* YYYY-MM or the week's Monday */
	int64_t	 spend, income, txns;	/* cents, cents, transactions */
	int64_t	 users_spend, users_income, users_any;
};

/* One user of GET /analytics/at-risk-users. */
struct an_risk_row {
	char	 id[OZ_ID_MAX];		/* the user */
	char	 external_user_id[104];
	int64_t	 cursor_us;		/* the score: the list's position */
	struct risk_out risk;
	char	 refreshed_at[24];
};

/* What the rules read of one user (the intake's debts included). */
struct an_user_inputs {
	char	 currency[4];
	struct risk_in in;
};

/* The client's currency most of its users have, into out ("" when none). 0/-1. */
int	store_an_currency(struct store *st, char out[4]);
/*
 * The overview of the scope into *o, and where it comes from into *src: the
 * one kept with the precomputed answers (sql/016) when younger than fresh_s
 * seconds (0: never), else read now. 0/-1.
 */
int	store_an_overview(struct store *st, const struct an_scope *sc, int64_t fresh_s,
	    struct an_overview *o, struct an_source *src);
/*
 * Spending by group_by (category, merchant, month or source): up to max
 * groups into rows, *n of them, and *total; *src where they come from: the
 * precomputed answer of the scope when one younger than fresh_s seconds is
 * stored (fresh_s 0: never), else read from the rollups now. 0/-1.
 */
int	store_an_spending(struct store *st, const struct an_scope *sc, const char *group_by,
	    int64_t fresh_s, struct an_group *total, struct an_group *rows, size_t max,
	    size_t *n, struct an_source *src);
/* A series of every period (interval "month" or "week") of the scope. 0/-1. */
int	store_an_trends(struct store *st, const struct an_scope *sc, const char *interval,
	    struct an_point *rows, size_t max, size_t *n);
/* A page of the users at risk, highest score first, with reason (a code) or any. 0/-1. */
int	store_an_at_risk(struct store *st, const char *currency, const char *reason,
	    const struct store_page *pg, struct an_risk_row *rows, size_t *n, int *has_more);

/* The inputs of the user's risk as of today, flow_days of transactions. 1/0/-1. */
int	store_an_inputs(struct store *st, const char *user, int64_t flow_days,
	    struct an_user_inputs *out);
/*
 * Keep the user's risk state; before gets the reasons the user had until
 * now ("negative_cash_flow,high_interest_debt", "" for none or a first
 * state). 0/-1.
 */
int	store_an_risk_put(struct store *st, const char *user, const struct an_user_inputs *in,
	    const struct risk_out *r, char before[160]);

/*
 * 1: the user's risk state was refreshed less than within_ms ago, and the
 * user is now noted due (analytics_risk_due) instead; 0: refresh it now. -1.
 */
int	store_an_risk_defer(struct store *st, const char *user, int64_t within_ms);
/*
 * Take up to max due users (of client, or of every client when NULL) off
 * the list, into clients and users (OZ_ID_MAX each), *n. 0/-1.
 */
int	store_an_risk_due_take(struct oz_db *db, const char *client, size_t max,
	    char (*clients)[OZ_ID_MAX], char (*users)[OZ_ID_MAX], size_t *n);

/*
 * Move the changes noted by writes of transactions into the rollups
 * (ozzie_analytics_fold, sql/018), on the primary, outside a transaction:
 * a live answer is exact from then on. *folded (may be NULL): how many. 0/-1.
 */
int	store_an_fold(struct oz_db *db, int64_t *folded);

/* Rows of each rollup table and how many differ from the raw rows. */
struct an_verify {
	const char	*table;
	int64_t		 rows, differ;
};
#define AN_ROLLUPS	5
/*
 * Compare every rollup of every client, with the changes not folded yet,
 * with a recomputation from the raw rows, in one snapshot. 0/-1.
 */
int	store_an_verify(struct oz_db *db, struct an_verify out[AN_ROLLUPS]);
/* Recompute every rollup from the raw rows, writes held off meanwhile. 0/-1. */
int	store_an_rebuild(struct oz_db *db);
/*
 * Up to max users of every client after (client, user) (NULL: from the
 * start), in order, into clients and users (OZ_ID_MAX each); *n. 0/-1.
 */
int	store_an_all_users(struct oz_db *db, const char *after_client, const char *after_user,
	    char (*clients)[OZ_ID_MAX], char (*users)[OZ_ID_MAX], size_t max, size_t *n);

/*
 * The precomputed spending answers (sql/016). Up to max (client, currency)
 * into clients and currencies (4 bytes each), *n: those with min_users
 * users or more in a month of from..to, or (client not NULL) that client's
 * currencies with any. 0/-1.
 */
int	store_an_answer_scopes(struct oz_db *db, const char *from, const char *to,
	    int64_t min_users, const char *client, char (*clients)[OZ_ID_MAX],
	    char (*currencies)[4], size_t max, size_t *n);
/*
 * Compute and keep every answer of the scope (up to max_groups groups
 * each) in one transaction, unless a set younger than keep_s seconds is
 * there: 1 computed, 0 left as it was, -1.
 */
int	store_an_answer_refresh(struct oz_db *db, const char *client, const char *currency,
	    const char *from, const char *to, int64_t keep_s, size_t max_groups);
/* Drop the sets older than older_s seconds (never served again). 0/-1. */
int	store_an_answer_expire(struct oz_db *db, int64_t older_s);
/*
 * Compare every stored set with its recomputation from the rollups now:
 * *sets, and *differ of them (a transaction written since its as_of, or a
 * wrong answer). 0/-1.
 */
int	store_an_answer_verify(struct oz_db *db, size_t max_groups, int64_t *sets,
	    int64_t *differ);

#endif
