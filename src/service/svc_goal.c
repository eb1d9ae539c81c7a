/* svc_goal.c: goals (svc_goal.h). */
#include "config.h"

#include <string.h>

#include "core/ids.h"
#include "service/svc.h"
#include "service/svc_goal.h"
#include "service/svc_user.h"

static const char *
canonical_type(const char *t)
{
	return t && strcmp(t, "debt") == 0 ? "debt_payoff" : t;
}

static int
not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such goal");
}

/* The user and a goal id of theirs (a malformed id is simply not found). */
static int
target(struct svc *s, const char *ref, const char *id, int create, struct user *u)
{
	if (svc_user_resolve(s, ref, create, u) == -1)
		return -1;
	return ids_valid("ozz_goal", id) ? 0 : not_found(s);
}

/* A failed goal write, in the contract's words. */
static int
write_failed(struct svc *s)
{
	enum db_fault f = db_fault(s->st.db);

	db_rollback(s->st.db);
	if (f == DB_FAULT_CHECK)
		return svc_fail(s, OZ_VALIDATION_ERROR, "the goal's amounts are inconsistent");
	if (f == DB_FAULT_UNIQUE)
		return svc_fail(s, OZ_CONFLICT, "another goal became primary at the same time; retry");
	return svc_db_fail(s);
}

/*
 * One goal write in a transaction: a goal made primary demotes the others
 * first (insert when creating, else update). Only a goal that is active
 * after the write may be made primary: an archived or achieved one is
 * refused, and the demotion rolled back with it, so the user keeps the
 * primary goal they had. 0, or -1.
 */
static int
write_goal(struct svc *s, const char *user, const char *id, const struct goal_fields *f,
    int creating, struct goal *out)
{
	int	 rc, make_primary = f->primary && strcmp(f->primary, "t") == 0;

	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (make_primary && store_goal_demote(&s->st, user, id) == -1)
		return write_failed(s);
	rc = creating ? store_goal_insert(&s->st, user, id, f, out) :
	    store_goal_update(&s->st, user, id, f, out);
	if (rc == -1)
		return write_failed(s);
	if (!creating && rc == 0) {
		db_rollback(s->st.db);
		return not_found(s);
	}
	if (make_primary && strcmp(out->status, "active") != 0) {
		db_rollback(s->st.db);
		svc_detail(s, "is_primary", strcmp(out->status, "archived") == 0 ?
		    "an archived goal cannot be primary" :
		    "an achieved goal cannot be primary");
		return svc_fail(s, OZ_VALIDATION_ERROR, "only an active goal can be primary");
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	return 0;
}

int
svc_goal_create(struct svc *s, const char *ref, const struct goal_fields *given,
    struct goal *out)
{
	struct goal_fields f = *given;
	struct user	 u;
	char		 id[OZ_ID_MAX];

	/* ozzie-jobd and the WhatsApp path call this too, without a handler's checks. */
	if (f.goal_type == NULL) {
		svc_detail(s, "goal_type", "is required");
		return svc_fail(s, OZ_VALIDATION_ERROR, "a goal needs a goal_type");
	}
	if (svc_user_resolve(s, ref, 1, &u) == -1 ||
	    svc_new_id(s, "ozz_goal", id, sizeof(id)) == -1)
		return -1;
	f.goal_type = canonical_type(f.goal_type);
	if (f.goal_name == NULL)
		f.goal_name = strcmp(f.goal_type, "savings") == 0 ? "Savings goal" :
		    strcmp(f.goal_type, "investment") == 0 ? "Investment goal" :
		    "Debt payoff goal";
	if (!f.has_current)
		f.current_amount = f.starting_amount;
	if (f.cadence == NULL)
		f.cadence = "monthly";
	return write_goal(s, u.id, id, &f, 1, out);
}

int
svc_goal_get(struct svc *s, const char *ref, const char *id, struct goal *out)
{
	struct user	 u;
	int		 rc;

	if (!svc_user_ref_ok(ref) || !ids_valid("ozz_goal", id))
		return target(s, ref, id, 1, &u) == -1 ? -1 : not_found(s);
	if ((rc = store_goal_get(&s->st, ref, id, out)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return 0;
	return svc_user_after_miss(s, ref) == -1 ? -1 : not_found(s);
}

int
svc_goal_list(struct svc *s, const char *ref, const char *status, const struct store_page *pg,
    struct goal *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_goal_list(&s->st, ref, status, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}

int
svc_goal_update(struct svc *s, const char *ref, const char *id, const struct goal_fields *given,
    struct goal *out)
{
	struct goal_fields f = *given;
	struct user	 u;

	if (target(s, ref, id, 1, &u) == -1)
		return -1;
	f.goal_type = canonical_type(f.goal_type);
	return write_goal(s, u.id, id, &f, 0, out);
}

int
svc_goal_delete(struct svc *s, const char *ref, const char *id)
{
	struct user	 u;
	int		 rc;

	/* deleting never creates: an unknown external id is simply not found */
	if (target(s, ref, id, 0, &u) == -1)
		return -1;
	if ((rc = store_goal_delete(&s->st, u.id, id)) == -1)
		return svc_db_fail(s);
	return rc == 1 ? 0 : not_found(s);
}
