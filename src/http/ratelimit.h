/*
 * ratelimit.h: per-client request rate limits shared by every worker of a
 * host. The state is one GCRA "theoretical arrival time" per client in a
 * shared memory table (a file under /run, or an anonymous mapping inherited
 * from the master), updated with atomic compare-and-swap: no locks, and a
 * worker that dies mid-update leaves nothing half-done.
 */
#ifndef OZ_RATELIMIT_H
#define OZ_RATELIMIT_H

#include <stdint.h>

struct rl_result {
	int	allowed;
	int64_t	limit;		/* requests per second */
	int64_t	burst;
	int64_t	remaining;	/* requests that could follow at once */
	int64_t	reset_s;	/* seconds until the bucket is full again */
	int64_t	retry_after_s;	/* when refused: seconds to wait (>= 1) */
};

/* Map the table at path (created if missing), or an anonymous one if path is "". 0/-1. */
int	ratelimit_open(const char *path);
/*
 * Account one request of key (a client id, or any other name such as
 * "auth-fail-ip:127.0.0.1") under (rate, burst); fills res. 0, or -1 if
 * unmapped (then everything is allowed).
 */
int	ratelimit_take(const char *key, int64_t rate, int64_t burst, struct rl_result *res);
/* Whether one more of key would be allowed now, without taking it. 0/-1. */
int	ratelimit_peek(const char *key, int64_t rate, int64_t burst, struct rl_result *res);

#endif
