/*
 * store_onboard.h: wa_onboarding, where a user's onboarding in the WhatsApp
 * conversation stands (domain/wa_onboard.h): the step and the answers so
 * far, money in minor units of the user's currency.
 */
#ifndef OZ_STORE_ONBOARD_H
#define OZ_STORE_ONBOARD_H

#include <stdint.h>

struct store;

struct onboarding {
	char		 step[12];		/* ob_step_name */
	int		 has_income, has_expenses, has_savings, has_debt, has_rate;
	int64_t		 income, expenses, savings, debt;
	int64_t		 rate;			/* percent in thousandths */
	char		 rate_period[6];	/* month | year | "" not said */
	char		 goal_name[101];	/* "" none */
	char		 goal_type[16];		/* "" none */
	int		 goal_emergency;
	char		 last_message_id[301];	/* the inbound message last applied; "" none */
};

/* The onboarding of user (the client's). 1 and *out, 0 none, -1. */
int	store_onboard_get(struct store *st, const char *user, struct onboarding *out);
/* Write o as the onboarding of user, created or replaced whole. 0/-1. */
int	store_onboard_put(struct store *st, const char *user, const struct onboarding *o);

#endif
