/* store_goal.h: goals, with their cadence, progress and one active primary goal. */
#ifndef OZ_STORE_GOAL_H
#define OZ_STORE_GOAL_H

#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

/* Money in hundredths of the user's major unit. */
struct goal {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	char		 goal_type[16];		/* savings | debt_payoff | investment */
	const char	*goal_name;
	int64_t		 target_amount;
	int64_t		 starting_amount;
	int64_t		 current_amount;
	char		 target_date[11];	/* "" when none */
	char		 cadence[16];		/* weekly | biweekly | twice_monthly | monthly */
	char		 next_move_date[11];
	char		 status[12];		/* active | achieved | archived */
	int		 is_primary;
	char		 created_at[24];
	char		 updated_at[24];
	int64_t		 cursor_us;
};

/*
 * A goal write. For an insert every field but the has_ flags is used (type,
 * name, target, starting, current and cadence set; target_date NULL for
 * none; primary NULL: primary when the user has no active primary goal).
 * For an update, has_<f> says whether f is part of it.
 */
struct goal_fields {
	const char	*goal_type, *goal_name, *target_date, *cadence, *status;
	int64_t		 target_amount, starting_amount, current_amount;
	const char	*primary;		/* "t", "f" or NULL: not said */
	int		 has_type, has_name, has_target, has_current, has_date,
			 has_cadence, has_status;
};

/*
 * Insert goal id for user; reaching the target makes it achieved. 0 and
 * *out filled; -1 (DB_FAULT_CHECK: inconsistent amounts, DB_FAULT_UNIQUE:
 * another goal became primary at the same time). Callers that make a goal
 * primary call store_goal_demote first, in the same transaction.
 */
int	store_goal_insert(struct store *st, const char *user, const char *id,
	    const struct goal_fields *f, struct goal *out);
/*
 * Update the fields f has. Reaching the target achieves the goal; an
 * achieved goal whose target moves above it is active again; a new cadence
 * moves the next money move; an archived goal is never primary. 1/0/-1.
 */
int	store_goal_update(struct store *st, const char *user, const char *id,
	    const struct goal_fields *f, struct goal *out);
/* Make every active primary goal of user but keep_id (NULL: all) not primary. 0/-1. */
int	store_goal_demote(struct store *st, const char *user, const char *keep_id);
/* A goal of user. 1/0/-1. */
int	store_goal_get(struct store *st, const char *user, const char *id, struct goal *out);
/* The goal a plan aims at: the active primary one, else the newest active one. 1/0/-1. */
int	store_goal_primary(struct store *st, const char *user, struct goal *out);
/* A page of user's goals, newest first, optionally of one status. 0/-1. */
int	store_goal_list(struct store *st, const char *user, const char *status,
	    const struct store_page *pg, struct goal *rows, size_t *n, int *has_more);
/*
 * Up to max goals of user in the order a coach speaks of them: active ones
 * first, the primary one first among them, then the newest. 0/-1.
 */
int	store_goal_top(struct store *st, const char *user, struct goal *rows, size_t max,
	    size_t *n);
/* Move the goal's next money move on from due, by its cadence. 0/-1. */
int	store_goal_advance(struct store *st, const char *user, const char *id, const char *due);
/*
 * Move goal id of user by delta hundredths (negative: take back), never
 * below 0: reaching the target achieves it, falling below it makes an
 * achieved goal active again (no longer primary if another active goal is);
 * an archived goal keeps its status and is never raised, nor is a goal past
 * 10^12 major units. 1 and *out, 0 (no such goal, or not raised), -1.
 */
int	store_goal_add(struct store *st, const char *user, const char *id, int64_t delta,
	    struct goal *out);
/*
 * Up to max active goals of user that a transaction of kind may move,
 * oldest first: debt_payment moves debt_payoff goals, savings_contribution
 * savings and investment goals, other kinds none. With currency set, none
 * unless it is the user's currency. 0/-1.
 */
int	store_goal_candidates(struct store *st, const char *user, const char *kind,
	    const char *currency, struct goal *rows, size_t max, size_t *n);
/*
 * Lock every goal of user, in id order, for the caller's database
 * transaction: work that moves several goals takes them in one order, so
 * two such transactions never deadlock. 0/-1.
 */
int	store_goal_lock_all(struct store *st, const char *user);
/* Delete a goal of user. 1/0/-1. */
int	store_goal_delete(struct store *st, const char *user, const char *id);

#endif
