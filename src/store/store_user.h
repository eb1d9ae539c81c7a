/* store_user.h: the users table (a platform's end users). */
#ifndef OZ_STORE_USER_H
#define OZ_STORE_USER_H

#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

struct user {
	char		 id[OZ_ID_MAX];
	const char	*external_user_id;
	const char	*name;		/* NULL: not set */
	const char	*email;
	const char	*phone;		/* E.164 */
	char		 language[4];	/* en | pt | es */
	char		 currency[4];	/* ISO 4217 */
	char		 onboarding_stage[16];
	int64_t		 points;
	char		 created_at[24];
	char		 updated_at[24];
	int64_t		 cursor_us;	/* list position (created_at) */
};

/*
 * The fields a write sets. For an update, has_<f> says whether f is part of
 * it (f NULL then sets SQL NULL); an insert takes every field as given
 * (NULL: none) and external_user_id is required.
 */
struct user_fields {
	const char	*external_user_id;
	const char	*name, *email, *phone, *language, *currency;
	int		 has_name, has_email, has_phone, has_language, has_currency;
};

/*
 * Insert user id with f (language and currency must be set). 1 and *out
 * filled; 0 when the client already has f->external_user_id (nothing
 * written); -1 (DB_FAULT_UNIQUE: another user of the client has the phone).
 */
int	store_user_insert(struct store *st, const char *id, const struct user_fields *f,
	    struct user *out);
/* A user by id, or by the client's external id. 1/0/-1. */
int	store_user_get(struct store *st, const char *id, struct user *out);
int	store_user_get_external(struct store *st, const char *ext, struct user *out);
/* A page of the client's users, newest first, optionally only ext / phone. 0/-1. */
int	store_user_list(struct store *st, const char *ext, const char *phone,
	    const struct store_page *pg, struct user *rows, size_t *n, int *has_more);
/* Update the fields f has. 1 and *out filled, 0 no such user, -1 (DB_FAULT_UNIQUE). */
int	store_user_update(struct store *st, const char *id, const struct user_fields *f,
	    struct user *out);
/*
 * Move the user on to stage, from any stage in the NULL-terminated from
 * list (the onboarding only goes forward). 1 moved, 0 not (already there or
 * further), -1.
 */
int	store_user_advance(struct store *st, const char *id, const char *stage,
	    const char *const *from);
/* Delete a user and all that is theirs. 1 deleted, 0 none, -1. */
int	store_user_delete(struct store *st, const char *id);

#endif
