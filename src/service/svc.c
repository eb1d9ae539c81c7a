/* svc.c: the service context and its error helpers (svc.h). */
#include "config.h"

#include <stdio.h>

#include "core/conf.h"
#include "core/ids.h"
#include "service/svc.h"

int
svc_fail(struct svc *s, enum oz_code code, const char *message)
{
	return oz_err_set(s->err, s->st.pool, code, message);
}

void
svc_detail(struct svc *s, const char *field, const char *message)
{
	oz_err_detail(s->err, s->st.pool, field, message);
}

int
svc_check(struct svc *s, const char *message)
{
	if (s->err->ndetails == 0)
		return 0;
	return svc_fail(s, OZ_VALIDATION_ERROR, message);
}

int
svc_db_fail(struct svc *s)
{
	switch (db_fault(s->st.db)) {
	case DB_FAULT_DOWN:
		s->err->retry_after = s->st.db->retry_after;
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE, "the database is unavailable; retry shortly");
	case DB_FAULT_UNMIGRATED:
		s->err->retry_after = s->st.db->retry_after;
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "the database schema is not migrated; run ozzie-admin migrate");
	case DB_FAULT_CHECK:
		/* a caller that skipped the validation a handler does (jobd, WhatsApp) */
		return svc_fail(s, OZ_VALIDATION_ERROR,
		    "a value is outside what can be stored (a negative amount, an unknown category…)");
	case DB_FAULT_FOREIGN_KEY:
		return svc_fail(s, OZ_CONFLICT, "what this refers to was deleted meanwhile; retry");
	case DB_FAULT_CONFLICT:
		/* PostgreSQL undid the work (a deadlock): the same request again will pass */
		s->err->retry_after = 1;
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "a concurrent change to the same data got in the way; retry");
	case DB_FAULT_TIMEOUT:
		/* the work was undone; a busy moment may pass, a very large read will not */
		s->err->retry_after = 5;
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "the database took longer than this request may take (db_statement_timeout_ms);"
		    " retry later, or ask for less (a shorter period)");
	default:
		return svc_fail(s, OZ_INTERNAL_ERROR, "internal error");
	}
}

void
svc_subject(struct svc *s, const char *user_id)
{
	if (s->subject != NULL && user_id != NULL)
		snprintf(s->subject, OZ_ID_MAX, "%s", user_id);
}

int
svc_new_id(struct svc *s, const char *prefix, char *out, size_t outlen)
{
	if (ids_new(prefix, out, outlen) == -1)
		return svc_fail(s, OZ_INTERNAL_ERROR, "cannot make an id");
	return 0;
}
