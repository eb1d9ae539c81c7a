/*
 * master.c: ozzie-fcgi, the prefork FastCGI server. The master owns the
 * listening socket (listen.c: its own, or one inherited from systemd or
 * spawn-fcgi), forks the workers (worker.c), respawns the ones that die (with
 * backoff when they keep dying), rolls them on SIGHUP after re-reading the
 * configuration, and on SIGTERM lets them finish what they are serving before
 * it exits. Workers accept on the shared socket; each holds one database
 * connection.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <sched.h>

#include <curl/curl.h>
#include <fcgiapp.h>
#include <getopt.h>
#include <openssl/rand.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ai/ai_breaker.h"
#include "core/conf.h"
#include "core/log.h"
#include "http/ratelimit.h"
#include "listen.h"
#include "worker.h"

struct worker {
	pid_t		pid;
	struct timespec	started;
	struct timespec	restart_at;	/* when an empty slot may be filled */
	int		failures;	/* quick deaths in a row */
};

static struct oz_config	 cfg;
static const char	*cfg_path = NULL;
static const char	*opt_listen, *opt_workers, *opt_affinity, *pool_name = "api";
static int		 listen_fd = -1;
static int		 own_socket;	/* we created it: unlink on exit */
static struct worker	*slots;
static size_t		 nslots;
/* Workers of earlier generations (before a SIGHUP), finishing their requests. */
#define MAX_OLD 1024
static struct {
	pid_t		pid;
	struct timespec	termed;
} olds[MAX_OLD];
static size_t		 nolds;
static char		 ephemeral_key[65];	/* when secret_key is unset */

static void
usage(void)
{
	fprintf(stderr, "usage: ozzie-fcgi [-tV] [-c config] [-n name] [-l listen] "
	    "[-w workers] [-a off|auto] [-p pidfile]\n");
	exit(2);
}

static double
ts_diff_ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(a->tv_sec - b->tv_sec) * 1000.0 +
	    (double)(a->tv_nsec - b->tv_nsec) / 1e6;
}

static int
load_config(struct oz_config *c)
{
	char err[512];

	if (config_load(c, cfg_path, cfg_path != NULL, err, sizeof(err)) == -1 ||
	    (opt_listen && config_set(c, "listen", opt_listen, err, sizeof(err)) == -1) ||
	    (opt_workers && config_set(c, "workers", opt_workers, err, sizeof(err)) == -1) ||
	    (opt_affinity && config_set(c, "worker_cpu_affinity", opt_affinity, err,
	    sizeof(err)) == -1)) {
		log_warnx("configuration: %s", err);
		return -1;
	}
	/*
	 * Without a configured key every worker must still share one, or a
	 * cursor made by one worker is refused by the next: make it here,
	 * once, before the workers fork.
	 */
	if (c->secret_key[0] == '\0') {
		if (ephemeral_key[0] == '\0') {
			unsigned char rnd[32];
			char	 *p = ephemeral_key;
			size_t	  i;

			if (RAND_bytes(rnd, sizeof(rnd)) != 1)
				return -1;
			for (i = 0; i < sizeof(rnd); i++, p += 2)
				snprintf(p, 3, "%02x", rnd[i]);
			log_warnx("secret_key is not set: cursors made now will not "
			    "survive a restart (set secret_key_file)");
		}
		if (config_set(c, "secret_key", ephemeral_key, err, sizeof(err)) == -1)
			return -1;
		c->secret_key_ephemeral = 1;
	}
	return 0;
}

/*
 * worker_cpu_affinity auto: the worker of slot i runs on the (i mod n)-th of
 * the n CPUs the master may use (taskset, cgroups), and stays there across
 * respawns. On a small machine a request crosses wrk, nginx, a worker and
 * PostgreSQL; kept apart, the workers and what they wake stop chasing each
 * other from CPU to CPU (tools/bench: an authenticated GET 1.5 to 2 times as
 * fast on 2 cores, with nginx's own worker_cpu_affinity auto).
 */
static cpu_set_t	 allowed_cpus;
static int		 nallowed_cpus;

static void
affinity_init(void)
{
	CPU_ZERO(&allowed_cpus);
	if (sched_getaffinity(0, sizeof(allowed_cpus), &allowed_cpus) == -1) {
		log_warn("sched_getaffinity");
		nallowed_cpus = 0;
		return;
	}
	nallowed_cpus = CPU_COUNT(&allowed_cpus);
}

static void
affinity_pin(size_t slot)
{
	cpu_set_t one;
	int	 k, cpu;

	if (cfg.worker_cpu_affinity == 0 || nallowed_cpus <= 0)
		return;
	k = (int)(slot % (size_t)nallowed_cpus);
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &allowed_cpus) && k-- == 0)
			break;
	if (cpu == CPU_SETSIZE)
		return;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (sched_setaffinity(0, sizeof(one), &one) == -1)
		log_warn("worker %zu: sched_setaffinity to CPU %d", slot, cpu);
}

static pid_t
spawn(struct worker *w)
{
	pid_t pid = fork();

	if (pid == -1) {
		log_warn("fork");
		clock_gettime(CLOCK_MONOTONIC, &w->restart_at);
		w->restart_at.tv_sec += 1;
		return -1;
	}
	if (pid == 0) {
		affinity_pin((size_t)(w - slots));
		worker_main(&cfg, listen_fd, pool_name);
	}
	w->pid = pid;
	clock_gettime(CLOCK_MONOTONIC, &w->started);
	return pid;
}

static void
reap(int respawn)
{
	struct timespec	 now;
	pid_t		 pid;
	int		 status;
	size_t		 i;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		for (i = 0; i < nslots; i++)
			if (slots[i].pid == pid)
				break;
		if (i == nslots) {	/* a worker of an older generation */
			for (i = 0; i < nolds; i++)
				if (olds[i].pid == pid)
					olds[i] = olds[--nolds];
			continue;
		}
		if (WIFSIGNALED(status))
			log_warnx("worker %d killed by signal %d", (int)pid, WTERMSIG(status));
		else if (WEXITSTATUS(status) != 0)
			log_warnx("worker %d exited with status %d", (int)pid,
			    WEXITSTATUS(status));
		slots[i].pid = 0;
		if (!respawn)
			continue;
		/* Quick deaths in a row back off: 0, 0.1, 0.2, 0.4 … 10 s. */
		if (ts_diff_ms(&now, &slots[i].started) < 1000.0)
			slots[i].failures++;
		else
			slots[i].failures = 0;
		slots[i].restart_at = now;
		if (slots[i].failures > 1) {
			long ms = 100L << (slots[i].failures - 2 > 7 ? 7 : slots[i].failures - 2);

			if (ms > 10000)
				ms = 10000;
			slots[i].restart_at.tv_sec += ms / 1000;
			slots[i].restart_at.tv_nsec += (ms % 1000) * 1000000L;
			if (slots[i].restart_at.tv_nsec >= 1000000000L) {
				slots[i].restart_at.tv_sec++;
				slots[i].restart_at.tv_nsec -= 1000000000L;
			}
			log_warnx("worker slot %zu keeps dying: next start in %ld ms", i, ms);
		}
	}
}

static void
fill_slots(void)
{
	struct timespec now;
	size_t		i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	for (i = 0; i < nslots; i++)
		if (slots[i].pid == 0 && ts_diff_ms(&now, &slots[i].restart_at) >= 0)
			spawn(&slots[i]);
}

static int
resize_slots(size_t n)
{
	struct worker *s = calloc(n, sizeof(*s));

	if (s == NULL)
		return -1;
	free(slots);
	slots = s;
	nslots = n;
	return 0;
}

static void
signal_all(int sig)
{
	size_t i;

	for (i = 0; i < nslots; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, sig);
}

/* SIGHUP: new configuration, new workers; the old ones finish and exit. */
static void
reload(void)
{
	struct oz_config next;
	struct worker	*old = slots;
	size_t		 nold = nslots, i;

	log_info("reloading configuration");
	if (load_config(&next) == -1) {
		log_warnx("reload refused: keeping the running configuration");
		return;
	}
	if (strcmp(next.listen, cfg.listen) != 0)
		log_warnx("listen changed: a restart is needed to move the socket");
	slots = NULL;
	if (resize_slots((size_t)next.workers) == -1) {
		log_warnx("reload: out of memory");
		slots = old;
		config_free(&next);
		return;
	}
	config_free(&cfg);
	cfg = next;
	log_set_level((enum log_level)cfg.log_level);
	for (i = 0; i < nold; i++) {
		if (old[i].pid <= 0)
			continue;
		kill(old[i].pid, SIGTERM);
		if (nolds < MAX_OLD) {
			olds[nolds].pid = old[i].pid;
			clock_gettime(CLOCK_MONOTONIC, &olds[nolds].termed);
			nolds++;
		}
	}
	free(old);
	fill_slots();
}

/* Old workers get shutdown_timeout to finish, like any stopping worker. */
static void
kill_overdue_olds(void)
{
	struct timespec now;
	size_t		i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	for (i = 0; i < nolds; i++)
		if (ts_diff_ms(&now, &olds[i].termed) > (double)cfg.shutdown_timeout * 1000.0) {
			log_warnx("old worker %d still busy after %llds: killing it",
			    (int)olds[i].pid, (long long)cfg.shutdown_timeout);
			kill(olds[i].pid, SIGKILL);
		}
}

static int
live_workers(void)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < nslots; i++)
		n += slots[i].pid > 0;
	return n + (int)nolds;
}

static void
shutdown_workers(void)
{
	struct timespec start, now;

	log_info("stopping: letting workers finish their requests");
	signal_all(SIGTERM);
	for (size_t i = 0; i < nolds; i++)
		kill(olds[i].pid, SIGTERM);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		reap(0);
		if (live_workers() == 0)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (ts_diff_ms(&now, &start) > (double)cfg.shutdown_timeout * 1000.0) {
			log_warnx("workers did not finish in %llds: killing them",
			    (long long)cfg.shutdown_timeout);
			signal_all(SIGKILL);
			for (size_t i = 0; i < nolds; i++)
				kill(olds[i].pid, SIGKILL);
			break;
		}
		usleep(20000);
	}
}

/* Map the breaker next to the rate-limit file (<file>.ai), else for this instance. */
static int
breaker_setup(const char *rate_limit_file)
{
	char	 path[4096];

	if (rate_limit_file[0] != '\0' &&
	    (size_t)snprintf(path, sizeof(path), "%s.ai", rate_limit_file) < sizeof(path) &&
	    ai_breaker_open(path) == 0)
		return 0;
	if (rate_limit_file[0] != '\0')
		log_warnx("the AI circuit breaker is per instance: cannot map %s.ai",
		    rate_limit_file);
	return ai_breaker_open("");
}

int
main(int argc, char *argv[])
{
	const char	*pidfile = NULL;
	sigset_t	 set;
	int		 ch, test_only = 0;
	char		 ident[64];
	FILE		*pf;

	while ((ch = getopt(argc, argv, "a:c:hl:n:p:tVw:")) != -1) {
		switch (ch) {
		case 'a': opt_affinity = optarg; break;
		case 'c': cfg_path = optarg; break;
		case 'l': opt_listen = optarg; break;
		case 'n': pool_name = optarg; break;
		case 'p': pidfile = optarg; break;
		case 't': test_only = 1; break;
		case 'w': opt_workers = optarg; break;
		case 'V': printf("ozzie-fcgi %s\n", PACKAGE_VERSION); return 0;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	if (cfg_path == NULL && access(OZ_DEFAULT_CONFIG_PATH, F_OK) == 0)
		cfg_path = OZ_DEFAULT_CONFIG_PATH;
	snprintf(ident, sizeof(ident), "ozzie-fcgi[%s]", pool_name);
	log_init(ident, LOG_LVL_INFO);
	if (load_config(&cfg) == -1)
		return 1;
	if (test_only) {
		printf("configuration ok\n");
		config_free(&cfg);
		return 0;
	}
	log_set_level((enum log_level)cfg.log_level);

	if ((listen_fd = listen_open(&cfg, &own_socket)) == -1)
		return 1;
	/* Shared by every worker (and both pools, through the file). */
	if (ratelimit_open(cfg.rate_limit_file) == -1) {
		log_warnx("rate limits are per instance: cannot map %s", cfg.rate_limit_file);
		if (ratelimit_open("") == -1)
			return 1;
	}
	/* The AI provider's circuit breaker, beside the rate limits: one per host. */
	if (breaker_setup(cfg.rate_limit_file) == -1 ||
	    curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return 1;
	if (FCGX_Init() != 0) {
		log_warnx("FCGX_Init failed");
		return 1;
	}
	if (pidfile) {
		if ((pf = fopen(pidfile, "w")) == NULL) {
			log_warn("%s", pidfile);
			return 1;
		}
		fprintf(pf, "%d\n", (int)getpid());
		fclose(pf);
	}

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (resize_slots((size_t)cfg.workers) == -1)
		return 1;
	affinity_init();
	log_info("listening on %s with %zu workers%s", cfg.listen, nslots,
	    cfg.worker_cpu_affinity && nallowed_cpus > 0 ? ", each kept on one CPU" : "");
	fill_slots();
	for (;;) {
		struct timespec	 tick = { 0, 100 * 1000000L };
		siginfo_t	 si;
		int		 sig = sigtimedwait(&set, &si, &tick);

		if (sig == SIGTERM || sig == SIGINT)
			break;
		if (sig == SIGHUP)
			reload();
		reap(1);
		fill_slots();
		kill_overdue_olds();
	}
	close(listen_fd);
	shutdown_workers();
	if (own_socket && cfg.listen[0] != '\0')
		unlink(cfg.listen);
	if (pidfile)
		unlink(pidfile);
	log_info("stopped");
	config_free(&cfg);
	free(slots);
	return 0;
}
