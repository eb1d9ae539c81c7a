/* svc_goal.h: a user's goals: one active primary goal, achievement from the amounts. */
#ifndef OZ_SVC_GOAL_H
#define OZ_SVC_GOAL_H

#include <stddef.h>

#include "store/store_goal.h"

struct store_page;
struct svc;

/*
 * Create a goal for the user ref names (created on first use). "debt" is an
 * alias of debt_payoff; the name defaults to the type's ("Savings goal");
 * the current amount to the starting amount; the cadence to monthly. The
 * user's first active goal becomes the primary one unless f->primary says;
 * a goal made primary demotes the others; only an active goal can be made
 * primary (VALIDATION_ERROR on is_primary otherwise). VALIDATION_ERROR
 * without a type.
 */
int	svc_goal_create(struct svc *s, const char *ref, const struct goal_fields *f,
	    struct goal *out);
/* One goal; NOT_FOUND for an id that is not the user's. */
int	svc_goal_get(struct svc *s, const char *ref, const char *id, struct goal *out);
/* A page of the user's goals, optionally of one status. */
int	svc_goal_list(struct svc *s, const char *ref, const char *status,
	    const struct store_page *pg, struct goal *rows, size_t *n, int *has_more);
/* Change the fields f has (the same rules as create). */
int	svc_goal_update(struct svc *s, const char *ref, const char *id,
	    const struct goal_fields *f, struct goal *out);
int	svc_goal_delete(struct svc *s, const char *ref, const char *id);

#endif
