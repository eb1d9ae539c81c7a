/*
 * store_move.h: money moves: cycles on the goal's cadence, each with its do,
 * learn and mind tasks, and the points a done task awards.
 */
#ifndef OZ_STORE_MOVE_H
#define OZ_STORE_MOVE_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

#define MOVE_MAX_TASKS	8

struct move_task {
	char		 id[OZ_ID_MAX];
	char		 task_type[8];		/* do | learn | mind */
	const char	*title;
	int		 has_amount;
	int64_t		 amount_cents;		/* do tasks: minor units */
	int		 priority;
	char		 status[10];		/* pending | done | skipped */
	int		 points_awarded;
	char		 completed_at[24];	/* "" when not done */
};

struct move_cycle {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	char		 plan_id[OZ_ID_MAX];
	char		 goal_id[OZ_ID_MAX];	/* "" when none */
	int		 cycle_number;
	char		 cadence[16];
	char		 due_date[11];
	char		 status[12];		/* scheduled reads as available once due */
	char		 completed_at[24];	/* "" when not completed */
	char		 created_at[24];
	char		 updated_at[24];
	int64_t		 cursor_us;
	struct move_task tasks[MOVE_MAX_TASKS];	/* by priority */
	size_t		 ntasks;
};

/* A cycle that came due, as the sweep releases it (any client's). */
struct move_release {
	char		 client[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	const char	*external_user_id;
	char		 id[OZ_ID_MAX];
	int		 cycle_number;
	char		 due_date[11];
	const char	*tasks;		/* JSON array text: task_type, title, amount_cents */
};

/*
 * Release up to max cycles of any client that came due (scheduled, due
 * today or before, not released yet), oldest due first, skipping rows
 * another sweep holds: each is marked released and put in rows. In the
 * caller's transaction. 0 and *n, or -1.
 */
int	store_move_release_due(struct store *st, struct move_release *rows, size_t max,
	    size_t *n);
/* The last cycle of a user: its number and when the next one on cadence falls due. */
int	store_move_last(struct store *st, const char *user, const char *cadence,
	    int *number, char next_due[11]);
/* Insert a cycle and then each of its tasks (ids set by the caller). 0/-1. */
int	store_move_insert(struct store *st, const struct move_cycle *c);
int	store_move_get(struct store *st, const char *user, const char *id,
	    struct move_cycle *out);
/* The user's latest cycle. 1/0/-1. */
int	store_move_current(struct store *st, const char *user, struct move_cycle *out);
/*
 * The cycle a coach speaks of: the first still open (scheduled), else the
 * latest. 1/0/-1.
 */
int	store_move_open(struct store *st, const char *user, struct move_cycle *out);
/* A page of the user's cycles, optionally of one (read-time) status. 0/-1. */
int	store_move_list(struct store *st, const char *user, const char *status,
	    const struct store_page *pg, struct move_cycle *rows, size_t *n, int *has_more);
/*
 * Close a scheduled cycle as status (completed | skipped). 1 and *was (the
 * status before: a closed cycle keeps its own), 0 no such cycle, -1.
 */
int	store_move_close(struct store *st, const char *user, const char *id,
	    const char *status, char was[12]);

/* What a task update needs to know, read under a row lock (in a transaction). */
struct move_task_lock {
	char		 task_type[8];
	char		 status[10];
	char		 cycle_status[12];
	int64_t		 amount_cents;		/* do tasks: minor units; 0 when none */
	int		 points_awarded;
	char		 goal_id[OZ_ID_MAX];	/* the cycle's goal; "" when none */
};
/* Lock a task of a cycle of user. 1/0/-1. */
int	store_move_task_lock(struct store *st, const char *user, const char *cycle,
	    const char *task, struct move_task_lock *out);
/* Set a locked task's status and points. 0/-1. */
int	store_move_task_set(struct store *st, const char *user, const char *cycle,
	    const char *task, const char *status, int points);
/*
 * Award points to user, plus bonus when it is the user's first completion
 * (once: the user row is the lock). *total gets the user's points after,
 * *got_bonus whether the bonus was given. 0/-1.
 */
int	store_move_award(struct store *st, const char *user, int points, int bonus,
	    int64_t *total, int *got_bonus);
/*
 * Take points back from user (an undone task's); with first set, the task
 * held the first completion's bonus, which the next completion earns
 * again. *total gets the user's points after. 0/-1.
 */
int	store_move_unaward(struct store *st, const char *user, int points, int first,
	    int64_t *total);
/* The user's points. 0/-1. */
int	store_move_points(struct store *st, const char *user, int64_t *points);

#endif
