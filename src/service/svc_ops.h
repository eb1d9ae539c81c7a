/* svc_ops.h: what operators ask of a worker: is the database there and migrated. */
#ifndef OZ_SVC_OPS_H
#define OZ_SVC_OPS_H

#include <stdint.h>

struct svc;

#define READY_CACHE_MS	1000	/* a good readiness result is reused this long */

struct readiness {
	int64_t	 schema_version;
	int	 cached;		/* answered from the last check */
};

/*
 * Whether this worker can serve: the database answers and is migrated to
 * this build's schema. A good result is kept for READY_CACHE_MS, so a burst
 * of probes costs one round trip a second; a bad one for db_retry_ms only
 * (no sooner would the connection be tried again), so the database back is
 * seen at once. 0, or -1 with SERVICE_UNAVAILABLE (and Retry-After) when it
 * is not ready.
 */
int	svc_ready(struct svc *s, struct readiness *out);

#endif
