/*
 * svc_move.h: money moves. Each cycle, on the goal's cadence, holds a "do"
 * task (the plan's monthly amount split by cadence), a "learn" task and a
 * "mind" task from the lessons library. Marking tasks done awards points
 * once, and moves the goal, in the same transaction, under a row lock.
 */
#ifndef OZ_SVC_MOVE_H
#define OZ_SVC_MOVE_H

#include <stddef.h>
#include <stdint.h>

#include "store/store_move.h"

struct store_page;
struct svc;

/* The next cycle of the user's plan (PLAN_REQUIRED without one), created. */
int	svc_move_generate(struct svc *s, const char *ref, struct move_cycle *out);
int	svc_move_list(struct svc *s, const char *ref, const char *status,
	    const struct store_page *pg, struct move_cycle *rows, size_t *n, int *has_more);
int	svc_move_get(struct svc *s, const char *ref, const char *id, struct move_cycle *out);
/* Close a cycle as completed or skipped (CONFLICT once it is closed otherwise). */
int	svc_move_close(struct svc *s, const char *ref, const char *id, const char *status,
	    struct move_cycle *out);
/*
 * Mark a task done, skipped or pending. Done awards its points (and the
 * first completion's bonus) once, and a do task adds its amount to the
 * cycle's goal; pending undoes a done task (its points and what it added go
 * back) or a skip; a done task cannot be skipped (CONFLICT), nor a task of
 * a skipped cycle be marked. *points gets the user's points after a done
 * or an undone task, or -1 when they did not change. *task gets the task as
 * it now is.
 */
int	svc_move_task(struct svc *s, const char *ref, const char *cycle, const char *task,
	    const char *status, struct move_task *out, int64_t *points);

/*
 * ozzie-jobd's scheduled work: release the cycles of every client that came
 * due (they read "available" from their due date on), each with its
 * money_move.available event to the client's platform, in one transaction
 * per batch, so a cycle is released and announced once however many jobd
 * processes sweep. *n gets how many. 0/-1.
 */
int	svc_move_release_due(struct svc *s, int *n);

#endif
