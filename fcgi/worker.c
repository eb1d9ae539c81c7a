/*
 * worker.c: an ozzie-fcgi worker. It holds up to WORKER_CONNS connections
 * from nginx at once (fastcgi_keep_conn keeps them open between requests),
 * so an idle kept connection never pins a worker: libfcgi reads and writes
 * each through its own FCGX_Request. Each turn of the loop waits (epoll) for
 * all of them, then serves every connection that has a request, one request
 * at a time, to the end.
 *
 * The worker accepts connections itself: libfcgi's requests are given no
 * listening socket, so FCGX_Accept_r never accepts one on its own (it would
 * then wait up to 2 s for a request on it), and a slot's descriptor changes
 * only here or when libfcgi closes it, which also drops it from the epoll set.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <fcgiapp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "api/routes.h"
#include "core/conf.h"
#include "core/log.h"
#include "fcgi_io.h"
#include "http/app.h"
#include "http/http.h"
#include "worker.h"

#define WORKER_CONNS	64
#define LISTEN_TAG	WORKER_CONNS	/* the listening socket's epoll data */

static volatile sig_atomic_t worker_stop;
static FCGX_Request	 conns[WORKER_CONNS];
static int		 epfd = -1;
static int		 lfd = -1;
static int		 listening;	/* lfd is in the epoll set */

static void
worker_on_signal(int sig)
{
	(void)sig;
	worker_stop = 1;
	FCGX_ShutdownPending();
}

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
 * connection is accepted into a free slot. timeout_ms -1 waits, 0 only
 * looks. Returns how many (0: a signal, nothing yet, or another worker took
 * the new connection).
 */
static int
wait_for_work(const sigset_t *waitmask, int timeout_ms, int *ready)
{
	struct epoll_event ev[WORKER_CONNS + 1];
	int		 n, k, nready = 0, free_slot = -1, i, fd;

	for (i = 0; i < WORKER_CONNS && free_slot < 0; i++)
		if (conns[i].ipcFd < 0)
			free_slot = i;
	/* Take new connections only with room for them; one worker woken for each. */
	if (free_slot >= 0 && !listening)
		listening = watch(lfd, LISTEN_TAG, EPOLLEXCLUSIVE) == 0;
	else if (free_slot < 0 && listening) {
		(void)epoll_ctl(epfd, EPOLL_CTL_DEL, lfd, NULL);
		listening = 0;
	}
	if ((n = epoll_pwait(epfd, ev, WORKER_CONNS + 1, timeout_ms, waitmask)) <= 0)
		return 0;
	for (k = 0; k < n; k++) {
		if (ev[k].data.u32 != LISTEN_TAG) {
			ready[nready++] = (int)ev[k].data.u32;
			continue;
		}
		if (free_slot < 0 || (fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC)) == -1)
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

static void
signals_setup(sigset_t *waitmask)
{
	struct sigaction sa;
	sigset_t	 all;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = worker_on_signal;	/* no SA_RESTART: the wait must wake */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	/* Signals are held except while waiting for work: a request always completes. */
	sigemptyset(&all);
	sigaddset(&all, SIGTERM);
	sigaddset(&all, SIGINT);
	sigprocmask(SIG_BLOCK, &all, waitmask);
	sigdelset(waitmask, SIGTERM);
	sigdelset(waitmask, SIGINT);
}

void
worker_main(struct oz_config *cfg, int listen_fd, const char *name)
{
	sigset_t	 waitmask;
	struct oz_app	 app;
	struct oz_req	 req;
	char		 ident[64];
	int		 i, k, n, ready[WORKER_CONNS];

#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
	lfd = listen_fd;
	snprintf(ident, sizeof(ident), "ozzie-fcgi[%s]", name);
	log_init(ident, (enum log_level)cfg->log_level);
	signals_setup(&waitmask);
	if (app_init(&app, cfg, name, oz_routes) == -1) {
		log_warnx("worker: cannot initialise");
		_exit(1);
	}
	(void)db_connect(&app.db);	/* best effort: requests retry */
	http_req_init(&req);
	if ((epfd = epoll_create1(EPOLL_CLOEXEC)) == -1) {
		log_warn("worker: epoll_create1");
		_exit(1);
	}
	for (i = 0; i < WORKER_CONNS; i++)
		if (FCGX_InitRequest(&conns[i], -1, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
			log_warnx("worker: FCGX_InitRequest failed");
			_exit(1);
		}
	while (!worker_stop) {
		n = wait_for_work(&waitmask, -1, ready);
		for (k = 0; k < n; k++) {
			/* A closed kept connection reads as an error here: its slot is free again. */
			if (FCGX_Accept_r(&conns[ready[k]]) < 0)
				continue;
			fcgi_serve(&app, &req, &conns[ready[k]]);
			FCGX_Finish_r(&conns[ready[k]]);
		}
	}
	for (i = 0; i < WORKER_CONNS; i++)
		FCGX_Free(&conns[i], 1);
	http_req_free(&req);
	app_free(&app);
	config_free(cfg);
	_exit(0);
}
