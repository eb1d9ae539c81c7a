/*
 * svc_report.h: a user's money in figures, read-only: aggregates of their
 * transactions (the numbers the coach speaks of: store_txn_aggregate) and
 * the recurring payments found in their history (domain/recurring.h), both
 * in the user's currency.
 */
#ifndef OZ_SVC_REPORT_H
#define OZ_SVC_REPORT_H

#include <stddef.h>

#include "domain/recurring.h"
#include "store/store_txn.h"
#include "store/store_user.h"

struct svc;

#define REPORT_MAX_GROUPS	200	/* groups of one aggregate */
#define REPORT_MAX_RECURRING	50	/* recurring payments of one answer */
#define REPORT_RECURRING_DAYS	400	/* the history recurring payments are found in */

/*
 * The aggregate q (from and to required) of the transactions of the user
 * ref names (created on first use), in the user's currency (*u): *total,
 * and with q->group_by up to max groups into groups (*n of them; *truncated
 * when there were more). 0/-1.
 */
int	svc_report_spending(struct svc *s, const char *ref, const struct txn_agg_q *q,
	    struct user *u, struct txn_agg *total, struct txn_agg *groups, size_t max,
	    size_t *n, int *truncated);
/*
 * The recurring payments of the user ref names (created on first use), in
 * the user's currency (*u), found in the spending of the last
 * REPORT_RECURRING_DAYS days as of today (UTC), largest monthly cost first:
 * up to max into out, *n of them. 0/-1.
 */
int	svc_report_recurring(struct svc *s, const char *ref, struct user *u,
	    struct rec_series *out, size_t max, size_t *n);

#endif
