/* svc_report.c: a user's money in figures (svc_report.h). */
#include "config.h"

#include <string.h>

#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "service/svc.h"
#include "service/svc_report.h"
#include "service/svc_user.h"

int
svc_report_spending(struct svc *s, const char *ref, const struct txn_agg_q *given,
    struct user *u, struct txn_agg *total, struct txn_agg *groups, size_t max, size_t *n,
    int *truncated)
{
	struct txn_agg_q q = *given;
	size_t	 got = 0;

	*n = 0;
	*truncated = 0;
	memset(total, 0, sizeof(*total));
	if (svc_user_resolve(s, ref, 1, u) == -1)
		return -1;
	q.group_by = NULL;
	q.then_by = NULL;
	if (store_txn_aggregate(&s->st, u->id, u->currency, &q, total, 1, &got) == -1)
		return svc_db_fail(s);
	if (given->group_by == NULL || max == 0)
		return 0;
	/* one more than max says whether there were more */
	q.group_by = given->group_by;
	if (store_txn_aggregate(&s->st, u->id, u->currency, &q, groups, max + 1, &got) == -1)
		return svc_db_fail(s);
	*truncated = got > max;
	*n = got > max ? max : got;
	return 0;
}

int
svc_report_recurring(struct svc *s, const char *ref, struct user *u, struct rec_series *out,
    size_t max, size_t *n)
{
	struct rec_payment *p;
	struct txn_query tq;
	struct txn	*rows;
	enum category	 c;
	char		 from[11];
	long		 today = cal_today_days();
	size_t		 i, got = 0, k;

	*n = 0;
	if (svc_user_resolve(s, ref, 1, u) == -1)
		return -1;
	memset(&tq, 0, sizeof(tq));
	cal_format(today - REPORT_RECURRING_DAYS, from);
	tq.from = from;
	tq.kind = "spending";
	if ((rows = pool_alloc(s->st.pool, sizeof(*rows) * REC_MAX_PAYMENTS)) == NULL ||
	    (p = pool_alloc(s->st.pool, sizeof(*p) * REC_MAX_PAYMENTS)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (store_txn_find(&s->st, u->id, &tq, rows, REC_MAX_PAYMENTS, &got) == -1)
		return svc_db_fail(s);
	for (i = k = 0; i < got; i++) {
		/* refunds are no payment; other currencies are not the user's money */
		if (strcmp(rows[i].kind, "refund") == 0 ||
		    strcmp(rows[i].currency, u->currency) != 0 ||
		    cal_parse(rows[i].transaction_date, &p[k].day) == -1)
			continue;
		p[k].amount = rows[i].amount_cents;
		p[k].key = rows[i].merchant_key;
		p[k].name = rows[i].merchant ? rows[i].merchant : rows[i].description;
		p[k].category = category_parse(rows[i].category, &c) == 0 ? (int)c : CAT_OTHER;
		k++;
	}
	*n = recurring_find(p, k, today, out, max);
	return 0;
}
