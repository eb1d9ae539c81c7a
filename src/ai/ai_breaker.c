/*
 * ai_breaker.c: the provider circuit breaker (ai_breaker.h).
 *
 * Three words in shared memory, changed only by atomic operations, so a
 * worker killed mid-call leaves nothing half-done: the count of consecutive
 * failures, the time the open circuit may be probed (0: closed), and the
 * time the current probe's slot expires. A probe that never reports back
 * holds its slot only until then, so a dead worker cannot wedge the circuit.
 * Times are CLOCK_MONOTONIC milliseconds, the same for every process of a
 * host.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ai/ai_breaker.h"
#include "core/log.h"

#define BRK_MAGIC	0x4f5a5a4252310001ULL	/* "OZZBR1" + version */
#define BRK_FAILURES	5	/* consecutive failures that open the circuit */
#define BRK_OPEN_MS	30000	/* how long it stays open before a probe */
#define BRK_PROBE_MS	60000	/* the longest a probe call can take */

struct brk_state {
	uint64_t	magic;
	uint32_t	failures;
	uint32_t	unused;
	int64_t		open_until;	/* 0: closed; else the probe may go at this time */
	int64_t		probe_until;	/* the probe slot is taken until this time */
};

static struct brk_state	 local_state = { BRK_MAGIC, 0, 0, 0, 0 };
static struct brk_state	*st = &local_state;
static int		 mapped;
static long		 open_ms = BRK_OPEN_MS;

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
stamp(struct brk_state *s)
{
	memset(s, 0, sizeof(*s));
	s->magic = BRK_MAGIC;
}

static int
map_file(const char *path)
{
	struct stat	 sb;
	void		*p;
	int		 fd;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		log_warn("circuit breaker state %s", path);
		return -1;
	}
	/* The first process sizes and stamps the file, under the lock. */
	if (flock(fd, LOCK_EX) == -1 || fstat(fd, &sb) == -1)
		goto fail;
	if ((size_t)sb.st_size != sizeof(*st) &&
	    (ftruncate(fd, 0) == -1 || ftruncate(fd, sizeof(*st)) == -1))
		goto fail;
	p = mmap(NULL, sizeof(*st), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		goto fail;
	st = p;
	if (st->magic != BRK_MAGIC)
		stamp(st);
	flock(fd, LOCK_UN);
	close(fd);
	return 0;
fail:
	log_warn("circuit breaker state %s", path);
	close(fd);
	return -1;
}

int
ai_breaker_open(const char *path)
{
	void *p;

	if (mapped)
		return 0;
	if (path != NULL && path[0] != '\0') {
		if (map_file(path) == -1)
			return -1;
	} else {
		p = mmap(NULL, sizeof(*st), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
		st = p;
		stamp(st);
	}
	mapped = 1;
	return 0;
}

/*
 * A time further ahead than it can be was left by an earlier boot (a file
 * that outlived it) or a longer setting: it has expired.
 */
static int
pending(int64_t until, int64_t now, int64_t span)
{
	return until > now && until - now <= span;
}

/* Still open (not yet time to probe)? */
static int
still_open(int64_t open, int64_t now)
{
	return pending(open, now, open_ms > BRK_OPEN_MS ? open_ms : BRK_OPEN_MS);
}

int
ai_breaker_allow(void)
{
	int64_t	 now = now_ms(), open, probe;

	open = __atomic_load_n(&st->open_until, __ATOMIC_ACQUIRE);
	if (open == 0)
		return 1;
	if (still_open(open, now))
		return 0;
	/* Half-open: whoever takes the free (or expired) probe slot goes. */
	probe = __atomic_load_n(&st->probe_until, __ATOMIC_ACQUIRE);
	if (pending(probe, now, BRK_PROBE_MS))
		return 0;
	return __atomic_compare_exchange_n(&st->probe_until, &probe, now + BRK_PROBE_MS,
	    0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static void
trip(int64_t now)
{
	__atomic_store_n(&st->open_until, now + open_ms, __ATOMIC_RELEASE);
	__atomic_store_n(&st->probe_until, 0, __ATOMIC_RELEASE);
}

void
ai_breaker_report(int ok)
{
	int64_t		 now = now_ms(), open;
	uint32_t	 n;

	if (ok) {
		__atomic_store_n(&st->failures, 0, __ATOMIC_RELEASE);
		__atomic_store_n(&st->open_until, 0, __ATOMIC_RELEASE);
		__atomic_store_n(&st->probe_until, 0, __ATOMIC_RELEASE);
		return;
	}
	n = __atomic_add_fetch(&st->failures, 1, __ATOMIC_ACQ_REL);
	open = __atomic_load_n(&st->open_until, __ATOMIC_ACQUIRE);
	if (open == 0) {
		if (n >= BRK_FAILURES &&
		    __atomic_compare_exchange_n(&st->open_until, &open, now + open_ms,
		    0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			log_warnx("ai provider: %u failures in a row, circuit open for %ld ms",
			    n, open_ms);
	} else if (!still_open(open, now)) {
		/* Half-open and the probe failed: open again. */
		trip(now);
		log_warnx("ai provider: probe failed, circuit open for %ld ms", open_ms);
	}
}

void
ai_breaker_set_open_ms(long ms)
{
	open_ms = ms > 0 ? ms : BRK_OPEN_MS;
}

void
ai_breaker_reset(void)
{
	__atomic_store_n(&st->failures, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&st->open_until, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&st->probe_until, 0, __ATOMIC_RELEASE);
}
