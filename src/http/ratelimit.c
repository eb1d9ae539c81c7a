/* ratelimit.c: GCRA in a shared, lock-free table. */
#include "config.h"

#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "http/ratelimit.h"

#define RL_MAGIC	0x4f5a5a524c310002ULL	/* "OZZRL1" + version */
#define RL_SLOTS	65536		/* 1 MiB: clients, and addresses that failed */
#define RL_PROBES	64

struct rl_slot {
	uint64_t key;	/* hash of the client id; 0 = free */
	uint64_t tat;	/* theoretical arrival time, ns since the epoch */
};

struct rl_table {
	uint64_t	magic;
	uint64_t	nslots;
	struct rl_slot	slots[RL_SLOTS];
};

static struct rl_table *table;
static uint64_t warned;		/* when "table full" was last logged, in s */

int
ratelimit_open(const char *path)
{
	struct stat	 st;
	void		*p;
	int		 fd;

	if (table != NULL)
		return 0;
	if (path == NULL || path[0] == '\0') {
		p = mmap(NULL, sizeof(*table), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
		table = p;
		table->magic = RL_MAGIC;
		table->nslots = RL_SLOTS;
		return 0;
	}
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1) {
		log_warn("rate limit table %s", path);
		return -1;
	}
	/* The first process to come sizes and stamps the file, under a lock. */
	if (flock(fd, LOCK_EX) == -1 || fstat(fd, &st) == -1)
		goto fail;
	if ((size_t)st.st_size != sizeof(*table) && ftruncate(fd, 0) == -1)
		goto fail;
	if ((size_t)st.st_size != sizeof(*table) && ftruncate(fd, sizeof(*table)) == -1)
		goto fail;
	p = mmap(NULL, sizeof(*table), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		goto fail;
	table = p;
	if (table->magic != RL_MAGIC || table->nslots != RL_SLOTS) {
		memset(table, 0, sizeof(*table));
		table->magic = RL_MAGIC;
		table->nslots = RL_SLOTS;
	}
	flock(fd, LOCK_UN);
	close(fd);
	return 0;
fail:
	log_warn("rate limit table %s", path);
	close(fd);
	return -1;
}

static uint64_t
hash_id(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h ? h : 1;
}

/*
 * The slot of key among its RL_PROBES. A key without one gets (create) a
 * free slot, or one whose bucket is full again (its tat is past: it holds
 * nothing a fresh slot would not), taken over with a compare-and-swap: keys
 * seen once (an address that failed to authenticate, a client id that does
 * not exist) give their slots back as soon as they are idle. NULL when the
 * key has none (!create) or every probe is busy.
 */
static struct rl_slot *
slot_for(uint64_t key, uint64_t now, int create)
{
	struct rl_slot	*s;
	uint64_t	 cur;
	size_t		 i;

	for (i = 0; i < RL_PROBES; i++) {
		s = &table->slots[(key + i) % RL_SLOTS];
		if (__atomic_load_n(&s->key, __ATOMIC_ACQUIRE) == key)
			return s;
	}
	if (!create)
		return NULL;
	for (i = 0; i < RL_PROBES; i++) {
		s = &table->slots[(key + i) % RL_SLOTS];
		cur = __atomic_load_n(&s->key, __ATOMIC_ACQUIRE);
		if (cur == key)
			return s;
		if (cur != 0 && __atomic_load_n(&s->tat, __ATOMIC_ACQUIRE) > now)
			continue;
		if (__atomic_compare_exchange_n(&s->key, &cur, key, 0,
		    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE) || cur == key)
			return s;
	}
	return NULL;
}

/* The GCRA step of key: with consume, take one request if allowed; else only look. */
static int
gcra(const char *key, int64_t rate, int64_t burst, int consume, struct rl_result *res)
{
	struct rl_slot	*s;
	struct timespec	 ts;
	uint64_t	 now, t, tat, newtat, limit;

	memset(res, 0, sizeof(*res));
	res->limit = rate;
	res->burst = burst;
	res->allowed = 1;
	if (table == NULL)
		return -1;
	if (rate < 1)
		rate = 1;
	if (burst < 1)
		burst = 1;
	clock_gettime(CLOCK_REALTIME, &ts);
	now = (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
	t = 1000000000ULL / (uint64_t)rate;		/* emission interval */
	limit = t * (uint64_t)burst;			/* burst tolerance */
	if ((s = slot_for(hash_id(key), now, consume)) == NULL) {
		if (consume && now / 1000000000ULL >= warned + 10) {
			warned = now / 1000000000ULL;	/* a line every 10 s at most */
			log_warnx("rate limit table full: requests let through");
		}
		/* a key without a slot has its whole burst */
		res->remaining = burst - 1;
		return 0;
	}
	tat = __atomic_load_n(&s->tat, __ATOMIC_ACQUIRE);
	for (;;) {
		newtat = (tat > now ? tat : now) + t;
		if (newtat - now > limit) {
			uint64_t wait = newtat - now - limit;

			res->allowed = 0;
			res->remaining = 0;
			res->retry_after_s = (int64_t)((wait + 999999999ULL) / 1000000000ULL);
			if (res->retry_after_s < 1)
				res->retry_after_s = 1;
			res->reset_s = (int64_t)(((tat > now ? tat : now) - now + 999999999ULL) / 1000000000ULL);
			return 0;
		}
		if (!consume || __atomic_compare_exchange_n(&s->tat, &tat, newtat, 0,
		    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			break;
	}
	res->remaining = (int64_t)((limit - (newtat - now)) / t);
	res->reset_s = (int64_t)((newtat - now + 999999999ULL) / 1000000000ULL);
	return 0;
}

int
ratelimit_take(const char *key, int64_t rate, int64_t burst, struct rl_result *res)
{
	return gcra(key, rate, burst, 1, res);
}

int
ratelimit_peek(const char *key, int64_t rate, int64_t burst, struct rl_result *res)
{
	return gcra(key, rate, burst, 0, res);
}
