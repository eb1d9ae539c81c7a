/*
 * svc_ops.c: readiness, checked at most once a second per worker while good,
 * once per db_retry_ms while not (svc_ops.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "service/svc.h"
#include "service/svc_ops.h"
#include "store/migrate.h"
#include "store/store_schema.h"

/* The last check of this process. */
static struct {
	struct timespec	 at;
	int		 valid;
	int		 ok;
	int64_t		 version;
	enum db_fault	 fault;		/* why not, when the database failed */
	int		 retry_after;
} last;

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000L + (now.tv_nsec - t->tv_nsec) / 1000000L;
}

/* Check again: the version, or the database's fault. */
static void
check(struct svc *s)
{
	last.valid = 1;
	clock_gettime(CLOCK_MONOTONIC, &last.at);
	last.fault = DB_FAULT_NONE;
	last.retry_after = s->st.db->retry_after;
	if (store_schema_version(&s->st, &last.version) == -1) {
		last.ok = 0;
		last.fault = db_fault(s->st.db);
		if (last.fault != DB_FAULT_UNMIGRATED)
			last.fault = DB_FAULT_DOWN;
		return;
	}
	last.ok = last.version >= migrate_latest();
}

int
svc_ready(struct svc *s, struct readiness *out)
{
	char	 msg[160];

	memset(out, 0, sizeof(*out));
	out->cached = last.valid &&
	    ms_since(&last.at) < (last.ok ? READY_CACHE_MS : s->st.db->retry_ms);
	if (!out->cached)
		check(s);
	out->schema_version = last.version;
	if (last.ok)
		return 0;
	s->err->retry_after = last.retry_after;
	if (last.fault == DB_FAULT_DOWN)
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "the database is unavailable; retry shortly");
	if (last.fault == DB_FAULT_UNMIGRATED)
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "the database schema is not migrated; run ozzie-admin migrate");
	snprintf(msg, sizeof(msg),
	    "the database schema is at version %lld, this build needs %d: run ozzie-admin migrate",
	    (long long)last.version, migrate_latest());
	return svc_fail(s, OZ_SERVICE_UNAVAILABLE, msg);
}
