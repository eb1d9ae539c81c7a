/* svc_intake.c: financial intakes (svc_intake.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "domain/calendar.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_intake.h"
#include "service/svc_user.h"

int
svc_intake_create(struct svc *s, const char *ref, const struct intake *in,
    struct intake *out)
{
	struct intake	 row = *in;
	struct user	 u;
	char		 today[11];

	if (svc_user_resolve(s, ref, 1, &u) == -1 ||
	    svc_new_id(s, "ozz_intake", row.id, sizeof(row.id)) == -1)
		return -1;
	snprintf(row.user_id, sizeof(row.user_id), "%s", u.id);
	if (row.month[0] == '\0') {
		cal_today(today);
		snprintf(row.month, sizeof(row.month), "%.7s", today);
	}
	/* the one-debt shorthand: a debt_balance above 0 without debts is one debt */
	if (row.ndebts == 0 && row.has_debt && row.debt > 0) {
		row.ndebts = 1;
		memset(&row.debts[0], 0, sizeof(row.debts[0]));
		row.debts[0].balance = row.debt;
		row.debts[0].has_rate = row.has_rate;
		row.debts[0].rate = row.rate * 10;
		snprintf(row.debts[0].rate_period, sizeof(row.debts[0].rate_period), "year");
	}
	if (row.financial_goal[0] == '\0')
		snprintf(row.financial_goal, sizeof(row.financial_goal), "savings");
	else if (strcmp(row.financial_goal, "debt") == 0)
		snprintf(row.financial_goal, sizeof(row.financial_goal), "debt_payoff");
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (store_intake_insert(&s->st, &row, out) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	if (svc_user_onboard(s, u.id, SVC_ONBOARD_INTAKE) == -1) {
		db_rollback(s->st.db);
		return -1;
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	svc_an_refresh(s, u.id);
	return 0;
}

int
svc_intake_latest(struct svc *s, const char *ref, struct intake *out)
{
	int	 rc = 0;

	if (svc_user_ref_ok(ref) && (rc = store_intake_latest(&s->st, ref, out)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return 0;
	if (svc_user_after_miss(s, ref) == -1)
		return -1;
	return svc_fail(s, OZ_NOT_FOUND, "this user has no financial intake yet");
}

int
svc_intake_history(struct svc *s, const char *ref, const struct store_page *pg,
    struct intake *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_intake_list(&s->st, ref, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}
