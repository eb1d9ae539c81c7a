/*
 * store_contrib.h: the goal_contributions table: what moved a goal, one row
 * per done "do" task or logged transaction, so each is taken back exactly.
 */
#ifndef OZ_STORE_CONTRIB_H
#define OZ_STORE_CONTRIB_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

struct goal_contrib {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	char		 goal_id[OZ_ID_MAX];
	int64_t		 amount;		/* hundredths of the goal's major unit, > 0 */
	char		 source[12];		/* task | transaction */
	char		 source_id[OZ_ID_MAX];	/* the task or the transaction */
	char		 money_move_id[OZ_ID_MAX];	/* a task's cycle; "" for a transaction */
	char		 created_at[24];
	int64_t		 cursor_us;
};

/* Insert c (every field but created_at set by the caller). 0/-1. */
int	store_contrib_insert(struct store *st, const struct goal_contrib *c);
/*
 * Remove what source source_id of user moved, if anything, and say what it
 * was: 1 and *out, 0 (none), -1. The row is the lock: one caller takes it.
 */
int	store_contrib_take(struct store *st, const char *user, const char *source,
	    const char *source_id, struct goal_contrib *out);
/*
 * A page of what moved goal of user (an id or "external:ID"), newest
 * first, optionally from one source. 0/-1.
 */
int	store_contrib_list(struct store *st, const char *user, const char *goal,
	    const char *source, const struct store_page *pg, struct goal_contrib *rows,
	    size_t *n, int *has_more);

#endif
