/* svc_intake.h: a user's monthly financial intakes. */
#ifndef OZ_SVC_INTAKE_H
#define OZ_SVC_INTAKE_H

#include <stddef.h>

#include "store/store_intake.h"

struct store_page;
struct svc;

/*
 * Record an intake for the user ref names (created on first use): in's
 * figures as given; month defaults to the current one (UTC), the goal to
 * savings ("debt" is an alias of debt_payoff); a debt above 0 without
 * debts is one debt (the shorthand: no name, its rate yearly). The first
 * intake moves the user on to plan_pending.
 */
int	svc_intake_create(struct svc *s, const char *ref, const struct intake *in,
	    struct intake *out);
/* The latest intake: NOT_FOUND before the first one. */
int	svc_intake_latest(struct svc *s, const char *ref, struct intake *out);
/* A page of the user's intakes, newest first. */
int	svc_intake_history(struct svc *s, const char *ref, const struct store_page *pg,
	    struct intake *rows, size_t *n, int *has_more);

#endif
