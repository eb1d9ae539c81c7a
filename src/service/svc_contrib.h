/*
 * svc_contrib.h: what moves a goal, and what moved it. A done "do" task
 * adds its amount to its cycle's goal; a logged debt payment or savings
 * contribution in the user's currency adds its amount to one of the user's
 * active goals of that kind (goal_pick.h says which). Each change is a
 * contribution, taken back exactly when its task is undone or its
 * transaction is deleted or changes kind or amount. The writes run inside
 * the caller's database transaction, with the change that causes them.
 */
#ifndef OZ_SVC_CONTRIB_H
#define OZ_SVC_CONTRIB_H

#include <stddef.h>
#include <stdint.h>

#include "store/store_contrib.h"

struct store_page;
struct svc;
struct txn;

/* The most candidate goals a transaction is matched against. */
#define CONTRIB_MAX_CANDIDATES	50

/*
 * Move the goal that transaction t (just stored) moves, if any: prefer_goal
 * (the goal it moved before a change, or NULL) when it still may. 0/-1.
 */
int	svc_contrib_txn(struct svc *s, const struct txn *t, const char *prefer_goal);
/*
 * Move goal by a done task's amount (minor units of currency, the user's)
 * and record it; nothing for a goal that is gone or archived. 0/-1.
 */
int	svc_contrib_task(struct svc *s, const char *user, const char *goal, const char *cycle,
	    const char *task, int64_t amount_minor, const char *currency);
/*
 * Take back what source ("task" | "transaction") source_id of user moved,
 * if anything; goal (OZ_ID_MAX bytes, or NULL) gets the goal it had moved,
 * or "". 0/-1.
 */
int	svc_contrib_undo(struct svc *s, const char *user, const char *source,
	    const char *source_id, char *goal);
/*
 * A page of what moved goal of the user ref names, newest first,
 * optionally from one source; NOT_FOUND when the goal is not the user's.
 */
int	svc_contrib_list(struct svc *s, const char *ref, const char *goal, const char *source,
	    const struct store_page *pg, struct goal_contrib *rows, size_t *n, int *has_more);
/* Minor units of currency as hundredths of its major unit (a goal's unit), rounded down. */
int64_t	svc_contrib_hundredths(int64_t minor, const char *currency);

#endif
