/*
 * svc.h: the context of a service call. A service is one user action with
 * its rules, on structs (DESIGN §1): it never sees an oz_req, so a handler,
 * ozzie-jobd and the WhatsApp path call it alike. It returns 0, or -1 with
 * err set to the contract's code, a message for people and field details,
 * which the caller renders its own way.
 */
#ifndef OZ_SVC_H
#define OZ_SVC_H

#include "core/errors.h"
#include "store/store.h"

struct oz_config;

struct svc {
	struct store		 st;	/* db, pool, client: every query filters on it */
	const struct oz_config	*cfg;
	struct oz_error		*err;
	char			*subject;	/* OZ_ID_MAX bytes: the user acted on, or NULL */
};

/* Record an error (message copied into the pool); returns -1. */
int	svc_fail(struct svc *s, enum oz_code code, const char *message);
/* Add a field detail to the error (strings copied into the pool). */
void	svc_detail(struct svc *s, const char *field, const char *message);
/* -1 with VALIDATION_ERROR if any detail was added, else 0. */
int	svc_check(struct svc *s, const char *message);
/*
 * Map the last failed statement to the contract: SERVICE_UNAVAILABLE (with
 * Retry-After) while the database is down or unmigrated; VALIDATION_ERROR
 * for a value a table's checks refuse; CONFLICT when what a row refers to
 * is gone; INTERNAL_ERROR otherwise. Returns -1.
 */
int	svc_db_fail(struct svc *s);
/*
 * Note the user this call acts on (an idempotent answer is kept with that
 * user and goes with it). Nothing when s->subject is NULL.
 */
void	svc_subject(struct svc *s, const char *user_id);
/* A new id with prefix ("ozz_usr") into out; -1 with INTERNAL_ERROR on failure. */
int	svc_new_id(struct svc *s, const char *prefix, char *out, size_t outlen);

#endif
