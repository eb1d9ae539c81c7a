/*
 * svc_user.h: a platform's end users. A user is named by an Ozzie id
 * (ozz_usr_…) or by "external:<external_user_id>", which creates the user
 * on first use where the caller allows it.
 */
#ifndef OZ_SVC_USER_H
#define OZ_SVC_USER_H

#include <stddef.h>

#include "store/store_user.h"

struct store_page;
struct svc;

#define SVC_EXTERNAL_PREFIX	"external:"

/* 1 if ext is a valid external_user_id: 1 to 100 printable characters. */
int	svc_user_external_ok(const char *ext);
/*
 * 1 if ref has the shape of a user reference (an Ozzie user id, or
 * external: and a valid external id): a store read may then take it as it
 * is (STORE_USER) and resolve it only when the read finds nothing.
 */
int	svc_user_ref_ok(const char *ref);
/*
 * After a read by reference (svc_user_ref_ok) found nothing: is the user
 * there? 0 when it is (created now if it is an external id on first use),
 * so the read's "none" stands; -1 with NOT_FOUND (or a database error).
 */
int	svc_user_after_miss(struct svc *s, const char *ref);
/*
 * The user ref names (an id, or external:ID created here when create is set
 * and the client has none). 0 and *out filled; -1 with NOT_FOUND (also for
 * another client's user), VALIDATION_ERROR (a malformed external id) or a
 * database error.
 */
int	svc_user_resolve(struct svc *s, const char *ref, int create, struct user *out);
/*
 * Create a user from f (external_user_id required; language defaults to en,
 * currency to the configured default_currency). When the client already has
 * that external_user_id, *out is that user, unchanged, and *created is 0.
 * CONFLICT when another user of the client has the phone number.
 */
int	svc_user_create(struct svc *s, const struct user_fields *f, struct user *out,
	    int *created);
/* A page of users, optionally only those with external id ext or phone. */
int	svc_user_list(struct svc *s, const char *ext, const char *phone,
	    const struct store_page *pg, struct user *rows, size_t *n, int *has_more);
/* Change the fields f has (external_user_id never changes). */
int	svc_user_update(struct svc *s, const char *ref, const struct user_fields *f,
	    struct user *out);
/* What moves a user along the onboarding (intake_pending -> plan_pending -> active). */
enum svc_onboarding { SVC_ONBOARD_INTAKE, SVC_ONBOARD_PLAN };
/*
 * The onboarding rule: a first intake moves a user from intake_pending to
 * plan_pending; a first plan makes them active. It never goes back. Run in
 * the transaction of what moved the user. 0/-1.
 */
int	svc_user_onboard(struct svc *s, const char *user, enum svc_onboarding event);
/* Erase the user and everything of theirs; never creates. */
int	svc_user_delete(struct svc *s, const char *ref);

#endif
