/* svc_contrib.c: what moves a goal, and what moved it (svc_contrib.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/currency.h"
#include "core/ids.h"
#include "core/pool.h"
#include "domain/goal_pick.h"
#include "service/svc.h"
#include "service/svc_contrib.h"
#include "service/svc_user.h"
#include "store/store_goal.h"
#include "store/store_txn.h"

int64_t
svc_contrib_hundredths(int64_t minor, const char *currency)
{
	int	 d = currency ? currency_minor_units(currency) : -1;

	if (d < 0)
		d = 2;
	for (; d < 2; d++)
		minor *= 10;
	for (; d > 2; d--)
		minor /= 10;
	return minor;
}

/* Raise goal by amount hundredths and record why; nothing when it may not move. */
static int
credit(struct svc *s, const char *user, const char *goal, int64_t amount, const char *source,
    const char *source_id, const char *cycle)
{
	struct goal_contrib c;
	struct goal	 g;
	int		 rc;

	if (amount <= 0)
		return 0;
	if ((rc = store_goal_add(&s->st, user, goal, amount, &g)) == -1)
		return svc_db_fail(s);
	if (rc == 0)		/* gone, archived, or past what a goal holds */
		return 0;
	memset(&c, 0, sizeof(c));
	if (svc_new_id(s, "ozz_gc", c.id, sizeof(c.id)) == -1)
		return -1;
	snprintf(c.user_id, sizeof(c.user_id), "%s", user);
	snprintf(c.goal_id, sizeof(c.goal_id), "%s", goal);
	c.amount = amount;
	snprintf(c.source, sizeof(c.source), "%s", source);
	snprintf(c.source_id, sizeof(c.source_id), "%s", source_id);
	snprintf(c.money_move_id, sizeof(c.money_move_id), "%s", cycle ? cycle : "");
	return store_contrib_insert(&s->st, &c) == -1 ? svc_db_fail(s) : 0;
}

int
svc_contrib_txn(struct svc *s, const struct txn *t, const char *prefer_goal)
{
	struct goal_choice choice[CONTRIB_MAX_CANDIDATES];
	struct goal	*rows;
	char		 text[192];
	size_t		 i, n;
	long		 k;

	if (strcmp(t->kind, "debt_payment") != 0 && strcmp(t->kind, "savings_contribution") != 0)
		return 0;
	if ((rows = pool_alloc(s->st.pool, sizeof(*rows) * CONTRIB_MAX_CANDIDATES)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (store_goal_candidates(&s->st, t->user_id, t->kind, t->currency, rows,
	    CONTRIB_MAX_CANDIDATES, &n) == -1)
		return svc_db_fail(s);
	for (i = 0; i < n; i++) {
		choice[i].id = rows[i].id;
		choice[i].name = rows[i].goal_name;
		choice[i].is_primary = rows[i].is_primary;
	}
	snprintf(text, sizeof(text), "%s %s", t->description ? t->description : "",
	    t->merchant ? t->merchant : "");
	if ((k = goal_pick(choice, n, text, prefer_goal)) < 0)
		return 0;
	return credit(s, t->user_id, rows[k].id, svc_contrib_hundredths(t->amount_cents,
	    t->currency), "transaction", t->id, NULL);
}

int
svc_contrib_task(struct svc *s, const char *user, const char *goal, const char *cycle,
    const char *task, int64_t amount_minor, const char *currency)
{
	if (goal == NULL || goal[0] == '\0')
		return 0;
	return credit(s, user, goal, svc_contrib_hundredths(amount_minor, currency), "task",
	    task, cycle);
}

int
svc_contrib_undo(struct svc *s, const char *user, const char *source, const char *source_id,
    char *goal)
{
	struct goal_contrib c;
	struct goal	 g;
	int		 rc;

	if (goal)
		goal[0] = '\0';
	if ((rc = store_contrib_take(&s->st, user, source, source_id, &c)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return 0;
	if (goal)
		snprintf(goal, OZ_ID_MAX, "%s", c.goal_id);
	return store_goal_add(&s->st, user, c.goal_id, -c.amount, &g) == -1 ?
	    svc_db_fail(s) : 0;
}

static int
goal_not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such goal");
}

int
svc_contrib_list(struct svc *s, const char *ref, const char *goal, const char *source,
    const struct store_page *pg, struct goal_contrib *rows, size_t *n, int *has_more)
{
	struct goal	 g;
	struct user	 u;
	int		 rc;

	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref) || !ids_valid("ozz_goal", goal))
		return svc_user_resolve(s, ref, 1, &u) == -1 ? -1 : goal_not_found(s);
	if (store_contrib_list(&s->st, ref, goal, source, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	if (*n > 0 || pg->has_after)
		return 0;
	/* nothing: a goal that nothing moved yet, or no such goal (or user) */
	if ((rc = store_goal_get(&s->st, ref, goal, &g)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return 0;
	return svc_user_after_miss(s, ref) == -1 ? -1 : goal_not_found(s);
}
