/*
 * svc_plan.h: plans. The numbers come from the finance engine fed with the
 * latest intake, the active goal and the recent spending; a model may word
 * the summary and the action items, never the numbers. A plan is stored as
 * an immutable snapshot of what the API shows, with its inputs.
 */
#ifndef OZ_SVC_PLAN_H
#define OZ_SVC_PLAN_H

#include <stddef.h>

#include "store/store_move.h"
#include "store/store_plan.h"

struct store_page;
struct svc;

/* A plan as read: its document, and the user's current money-move cycle. */
struct plan_view {
	struct plan_row	 plan;
	int		 has_cycle;
	struct move_cycle cycle;
};

/*
 * Generate and store a plan for the user ref names (INTAKE_REQUIRED without
 * an intake); personality (NULL: none) reorders the advice. The user's first
 * plan makes them active.
 */
int	svc_plan_generate(struct svc *s, const char *ref, const char *personality,
	    struct plan_view *out);
/* The latest plan (NOT_FOUND before the first one). */
int	svc_plan_latest(struct svc *s, const char *ref, struct plan_view *out);
/* A page of the user's plans, newest first. */
int	svc_plan_history(struct svc *s, const char *ref, const struct store_page *pg,
	    struct plan_row *rows, size_t *n, int *has_more);

#endif
