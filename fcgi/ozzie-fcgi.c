/*
 * ozzie-fcgi: the prefork FastCGI server. The master owns the listening
 * socket (its own, or one inherited from systemd or spawn-fcgi), forks the
 * workers, respawns the ones that die (with backoff when they keep dying),
 * rolls them on SIGHUP after re-reading the configuration, and on SIGTERM
 * lets them finish what they are serving before it exits. Workers accept on
 * the shared socket; each holds one database connection.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <sys/epoll.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <curl/curl.h>
#include <fcgiapp.h>
#include <getopt.h>
#include <netdb.h>
#include <openssl/rand.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "conf.h"
#include "fcgi_io.h"
#include "http.h"
#include "log.h"
#include "num.h"
#include "ratelimit.h"
#include "ai_breaker.h"

struct worker {
	pid_t		pid;
	struct timespec	started;
	struct timespec	restart_at;	/* when an empty slot may be filled */
	int		failures;	/* quick deaths in a row */
};

static struct oz_config	 cfg;
static const char	*cfg_path = NULL;
static const char	*opt_listen, *opt_workers, *pool_name = "api";
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
static volatile sig_atomic_t worker_stop;
static char		 ephemeral_key[65];	/* when secret_key is unset */

static void
usage(void)
{
	fprintf(stderr, "usage: ozzie-fcgi [-tV] [-c config] [-n name] [-l listen] "
	    "[-w workers] [-p pidfile]\n");
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
	    (opt_workers && config_set(c, "workers", opt_workers, err, sizeof(err)) == -1)) {
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
	}
	return 0;
}

/* An inherited socket: systemd's LISTEN_FDS (fd 3), or a listening fd 0. */
static int
inherited_socket(void)
{
	const char	*pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS"), *errstr;
	int		 acc = 0;
	int64_t		 v;
	socklen_t	 len = sizeof(acc);

	if (pid && fds && num_parse_i64z(pid, 1, INT32_MAX, &v, &errstr) == 0 &&
	    (pid_t)v == getpid() && strcmp(fds, "1") == 0)
		return 3;
	if (getsockopt(0, SOL_SOCKET, SO_ACCEPTCONN, &acc, &len) == 0 && acc)
		return 0;
	return -1;
}

static int
open_unix(const char *path)
{
	struct sockaddr_un sun;
	int		 fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_warnx("listen: socket path too long: %s", path);
		return -1;
	}
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		return -1;
	/* A live socket means another instance: refuse. A stale one is removed. */
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
		log_warnx("listen: %s is in use by another process", path);
		close(fd);
		return -1;
	}
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    chmod(path, (mode_t)cfg.socket_mode) == -1 ||
	    listen(fd, (int)cfg.listen_backlog) == -1) {
		log_warn("listen: %s", path);
		close(fd);
		return -1;
	}
	own_socket = 1;
	return fd;
}

static int
open_tcp(const char *spec)
{
	struct addrinfo	 hints, *res, *ai;
	char		 host[256];
	const char	*colon = strrchr(spec, ':');
	int		 fd = -1, one = 1, rc;

	if (colon == NULL || (size_t)(colon - spec) >= sizeof(host)) {
		log_warnx("listen: '%s' is neither a path nor host:port", spec);
		return -1;
	}
	memcpy(host, spec, (size_t)(colon - spec));
	host[colon - spec] = '\0';
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if ((rc = getaddrinfo(host[0] ? host : NULL, colon + 1, &hints, &res)) != 0) {
		log_warnx("listen: %s: %s", spec, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol)) == -1)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, (int)cfg.listen_backlog) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd == -1)
		log_warn("listen: %s", spec);
	return fd;
}

static void
worker_on_signal(int sig)
{
	(void)sig;
	worker_stop = 1;
	FCGX_ShutdownPending();
}

/*
 * A worker holds up to WORKER_CONNS connections from nginx at once
 * (fastcgi_keep_conn keeps them open between requests), so an idle kept
 * connection never pins a worker: libfcgi reads and writes each through its
 * own FCGX_Request. Each turn of the loop waits (epoll) for all of them, then
 * serves every connection that has a request, one request at a time. An
 * answer that needs only one read-only statement (/ready) waits for the end
 * of the turn, where all such statements share one pipelined database round
 * trip.
 *
 * The worker accepts connections itself: libfcgi's requests are given no
 * listening socket, so FCGX_Accept_r never accepts one on its own (it would
 * then wait up to 2 s for a request on it), and a slot's descriptor changes
 * only here or when libfcgi closes it, which also drops it from the epoll set.
 */
#define WORKER_CONNS	64
#define WORKER_WAIT	16	/* answers waiting for one round trip, at most */
#define LISTEN_TAG	WORKER_CONNS	/* the listening socket's epoll data */

static FCGX_Request	 conns[WORKER_CONNS];
static struct oz_req	 reqs[WORKER_WAIT + 1];	/* the waiting ones, then the one served */
static int		 epfd = -1;
static int		 listening;	/* listen_fd is in the epoll set */

/* Watch fd (LISTEN_TAG, or a slot's connection) for input; 0/-1. */
static int
watch(int fd, uint32_t tag, uint32_t flags)
{
	struct epoll_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN | flags;
	ev.data.u32 = tag;
	if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) == -1) {
		log_warn("epoll_ctl");
		return -1;
	}
	return 0;
}

/*
 * Wait for work on the listening socket (while a slot is free) and on every
 * connection held. SIGTERM and SIGINT stay blocked except inside this wait,
 * so a request is never interrupted and the wait is where a stop is noticed.
 * Fills ready[] with the slots that have a request for FCGX_Accept_r; a new
 * connection is accepted into a free slot. Returns how many (0: a signal, or
 * another worker took the new connection).
 */
static int
wait_for_work(const sigset_t *waitmask, int *ready)
{
	struct epoll_event ev[WORKER_CONNS + 1];
	int		 n, k, nready = 0, free_slot = -1, i, fd;

	for (i = 0; i < WORKER_CONNS && free_slot < 0; i++)
		if (conns[i].ipcFd < 0)
			free_slot = i;
	/* Take new connections only with room for them; one worker woken for each. */
	if (free_slot >= 0 && !listening)
		listening = watch(listen_fd, LISTEN_TAG, EPOLLEXCLUSIVE) == 0;
	else if (free_slot < 0 && listening) {
		(void)epoll_ctl(epfd, EPOLL_CTL_DEL, listen_fd, NULL);
		listening = 0;
	}
	if ((n = epoll_pwait(epfd, ev, WORKER_CONNS + 1, -1, waitmask)) <= 0)
		return 0;
	for (k = 0; k < n; k++) {
		if (ev[k].data.u32 != LISTEN_TAG) {
			ready[nready++] = (int)ev[k].data.u32;
			continue;
		}
		if (free_slot < 0 || (fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC)) == -1)
			continue;	/* another worker was quicker */
		if (watch(fd, (uint32_t)free_slot, 0) == -1) {
			close(fd);
			continue;
		}
		/* FCGX_Accept_r first "finishes" the slot: it must not close this fd */
		conns[free_slot].ipcFd = fd;
		conns[free_slot].keepConnection = 1;
		ready[nready++] = free_slot;
		free_slot = -1;
	}
	return nready;
}

/*
 * Answer the requests of this turn that wait for a statement: together in
 * one pipelined round trip when there are several, else (or for any the
 * pipeline could not answer) each on its own through the usual path.
 */
static void
answer_waiting(struct oz_app *app, const int *slot, int nwait)
{
	enum db_stmt	 which[WORKER_WAIT];
	PGresult	*res[WORKER_WAIT];
	int		 i;

	for (i = 0; i < nwait; i++) {
		which[i] = (enum db_stmt)reqs[i].defer.stmt;
		res[i] = NULL;
	}
	if (nwait > 1)
		(void)db_pipeline(&app->db, (size_t)nwait, which, res);
	for (i = 0; i < nwait; i++) {
		reqs[i].defer.shared = res[i] != NULL ? nwait : 1;
		fcgi_complete(app, &reqs[i], &conns[slot[i]], res[i]);
		FCGX_Finish_r(&conns[slot[i]]);
	}
}

static void __attribute__((noreturn))
worker_main(void)
{
	struct sigaction sa;
	sigset_t	 all, waitmask;
	struct oz_app	 app;
	char		 ident[64];
	int		 i, k, n, nwait, ready[WORKER_CONNS], waiting[WORKER_WAIT];

#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
	snprintf(ident, sizeof(ident), "ozzie-fcgi[%s]", pool_name);
	log_init(ident, (enum log_level)cfg.log_level);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = worker_on_signal;	/* no SA_RESTART: accept must wake */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);

	sigemptyset(&all);
	sigaddset(&all, SIGTERM);
	sigaddset(&all, SIGINT);

	if (app_init(&app, &cfg, pool_name) == -1) {
		log_warnx("worker: cannot initialise");
		_exit(1);
	}
	app.batch = db_pipeline_supported();
	(void)db_connect(&app.db);	/* best effort: requests retry */
	for (i = 0; i <= WORKER_WAIT; i++)
		http_req_init(&reqs[i]);
	if ((epfd = epoll_create1(EPOLL_CLOEXEC)) == -1) {
		log_warn("worker: epoll_create1");
		_exit(1);
	}
	for (i = 0; i < WORKER_CONNS; i++)
		if (FCGX_InitRequest(&conns[i], -1, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
			log_warnx("worker: FCGX_InitRequest failed");
			_exit(1);
		}
	/* Signals are held except while waiting for work: a request always completes. */
	sigprocmask(SIG_BLOCK, &all, &waitmask);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGINT);
	while (!worker_stop) {
		n = wait_for_work(&waitmask, ready);
		for (k = 0, nwait = 0; k < n; k++) {
			/* A closed kept connection reads as an error here: its slot is free again. */
			if (FCGX_Accept_r(&conns[ready[k]]) < 0)
				continue;
			if (fcgi_serve(&app, &reqs[nwait], &conns[ready[k]]) == 0) {
				FCGX_Finish_r(&conns[ready[k]]);
				continue;
			}
			waiting[nwait++] = ready[k];
			if (nwait == WORKER_WAIT) {
				answer_waiting(&app, waiting, nwait);
				nwait = 0;
			}
		}
		answer_waiting(&app, waiting, nwait);
	}
	for (i = 0; i < WORKER_CONNS; i++)
		FCGX_Free(&conns[i], 1);
	for (i = 0; i <= WORKER_WAIT; i++)
		http_req_free(&reqs[i]);
	app_free(&app);
	config_free(&cfg);
	_exit(0);
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
	if (pid == 0)
		worker_main();
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

	while ((ch = getopt(argc, argv, "c:hl:n:p:tVw:")) != -1) {
		switch (ch) {
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

	if ((listen_fd = inherited_socket()) >= 0)
		log_info("using the inherited socket on fd %d", listen_fd);
	else if ((listen_fd = cfg.listen[0] == '/' || cfg.listen[0] == '.' ?
	    open_unix(cfg.listen) : open_tcp(cfg.listen)) == -1)
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
	/* Non-blocking: a worker woken for a connection another worker took must not block. */
	if (fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK) == -1) {
		log_warn("listen socket");
		return 1;
	}
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
	log_info("listening on %s with %zu workers", cfg.listen, nslots);
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
