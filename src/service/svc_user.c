/* svc_user.c: end users (svc_user.h). */
#include "config.h"

#include <string.h>

#include "core/conf.h"
#include "core/ids.h"
#include "core/utf8.h"
#include "service/svc.h"
#include "service/svc_user.h"

int
svc_user_external_ok(const char *ext)
{
	size_t n;

	if (ext == NULL || !utf8_valid(ext, strlen(ext)))
		return 0;
	n = utf8_chars(ext);
	return n >= 1 && n <= 100 && utf8_printable(ext);
}

int
svc_user_ref_ok(const char *ref)
{
	size_t	 n = strlen(SVC_EXTERNAL_PREFIX);

	if (strncmp(ref, SVC_EXTERNAL_PREFIX, n) == 0)
		return svc_user_external_ok(ref + n);
	return ids_valid("ozz_usr", ref);
}

/* A unique violation on phone is the client's conflict, not our failure. */
static int
write_failed(struct svc *s)
{
	if (db_fault(s->st.db) == DB_FAULT_UNIQUE)
		return svc_fail(s, OZ_CONFLICT, "another user of this client has this phone number");
	return svc_db_fail(s);
}

static int
insert(struct svc *s, const struct user_fields *given, struct user *out)
{
	struct user_fields f = *given;
	char	 id[OZ_ID_MAX];

	if (svc_new_id(s, "ozz_usr", id, sizeof(id)) == -1)
		return -1;
	if (f.language == NULL)
		f.language = "en";
	if (f.currency == NULL)
		f.currency = s->cfg->default_currency;
	return store_user_insert(&s->st, id, &f, out);
}

static int
not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such user");
}

int
svc_user_resolve(struct svc *s, const char *ref, int create, struct user *out)
{
	const char *ext;
	struct user_fields f;
	int	 rc;

	if (strncmp(ref, SVC_EXTERNAL_PREFIX, strlen(SVC_EXTERNAL_PREFIX)) != 0) {
		if (!ids_valid("ozz_usr", ref))
			return not_found(s);
		if ((rc = store_user_get(&s->st, ref, out)) == -1)
			return svc_db_fail(s);
		if (rc == 0)
			return not_found(s);
		svc_subject(s, out->id);
		return 0;
	}
	ext = ref + strlen(SVC_EXTERNAL_PREFIX);
	if (!svc_user_external_ok(ext)) {
		svc_detail(s, "user_id", "external ids have 1 to 100 printable characters");
		return svc_fail(s, OZ_VALIDATION_ERROR, "invalid user id");
	}
	if ((rc = store_user_get_external(&s->st, ext, out)) == -1)
		return svc_db_fail(s);
	if (rc == 1) {
		svc_subject(s, out->id);
		return 0;
	}
	if (!create)
		return not_found(s);
	memset(&f, 0, sizeof(f));
	f.external_user_id = ext;
	if ((rc = insert(s, &f, out)) == -1)
		return write_failed(s);
	/* rc 0: created concurrently by another request: read that one */
	if (rc == 0 && (rc = store_user_get_external(&s->st, ext, out)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return not_found(s);
	svc_subject(s, out->id);
	return 0;
}

int
svc_user_after_miss(struct svc *s, const char *ref)
{
	struct user	 u;

	return svc_user_resolve(s, ref, 1, &u);
}

int
svc_user_create(struct svc *s, const struct user_fields *f, struct user *out, int *created)
{
	int	 rc;

	*created = 0;
	if ((rc = insert(s, f, out)) == -1)
		return write_failed(s);
	*created = rc == 1;
	/* The external id exists: that user, unchanged. */
	if (rc == 0 && (rc = store_user_get_external(&s->st, f->external_user_id, out)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return svc_fail(s, OZ_CONFLICT, "the user changed concurrently; retry");
	svc_subject(s, out->id);
	return 0;
}

int
svc_user_list(struct svc *s, const char *ext, const char *phone, const struct store_page *pg,
    struct user *rows, size_t *n, int *has_more)
{
	if (store_user_list(&s->st, ext, phone, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return 0;
}

int
svc_user_update(struct svc *s, const char *ref, const struct user_fields *f, struct user *out)
{
	struct user	 u;
	int		 rc;

	if (svc_user_resolve(s, ref, 1, &u) == -1)
		return -1;
	if ((rc = store_user_update(&s->st, u.id, f, out)) == -1)
		return write_failed(s);
	return rc == 1 ? 0 : not_found(s);
}

int
svc_user_onboard(struct svc *s, const char *user, enum svc_onboarding event)
{
	static const char *const after_intake[] = { "intake_pending", NULL };
	static const char *const after_plan[] = { "intake_pending", "plan_pending", NULL };

	if (store_user_advance(&s->st, user, event == SVC_ONBOARD_INTAKE ? "plan_pending" :
	    "active", event == SVC_ONBOARD_INTAKE ? after_intake : after_plan) == -1)
		return svc_db_fail(s);
	return 0;
}

int
svc_user_delete(struct svc *s, const char *ref)
{
	struct user	 u;
	int		 rc;

	if (svc_user_resolve(s, ref, 0, &u) == -1)
		return -1;
	if ((rc = store_user_delete(&s->st, u.id)) == -1)
		return svc_db_fail(s);
	return rc == 1 ? 0 : not_found(s);
}
