/*
 * ozzie-jobd: runs the queued work (DESIGN §1): WhatsApp turns and their
 * replies, imports, webhook deliveries, with retries and backoff; and the
 * scheduled work: money moves released on their due date and analytics
 * answers precomputed for large clients. A master forks runner processes
 * and restarts one that dies; each runner takes one job at a time from the
 * jobs table (FOR UPDATE SKIP LOCKED, under a lease, so any number of
 * runners on any number of hosts share the queue), woken by LISTEN
 * ozzie_jobs and polling every jobd_poll_ms besides. SIGTERM: each runner
 * finishes the job it holds, then exits; the master waits for them.
 */
#include "config.h"

#include <errno.h>
#include <libpq-fe.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "ai/ai_breaker.h"
#include "core/conf.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/pool.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_job.h"
#include "service/svc_move.h"
#include "store/db.h"
#include "store/store_analytics.h"
#include "store/store_job.h"

#define JOBD_MAX_RUNNERS	64
#define JOBD_PURGE_DAYS		7
#define JOBD_PURGE_EVERY_S	3600
#define JOBD_RELEASE_EVERY_S	10	/* money moves that came due: at most this late */
#define JOBD_RISK_DUE_MAX	5000	/* users whose risk state one tick refreshes, at most */

static volatile sig_atomic_t stopping;
static struct oz_config cfg;

static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/* SIGTERM and SIGINT stop; no SA_RESTART, so a blocked wait returns to see it. */
static void
catch_term(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGHUP, SIG_IGN);
}

static void
usage(void)
{
	fprintf(stderr, "usage: ozzie-jobd [-c config] [-r runners] [-p pidfile] [-V]\n");
	exit(2);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* The connection that LISTENs, or NULL (the runner then only polls). */
static PGconn *
listen_open(void)
{
	const char	*keys[] = { "dbname", "application_name", NULL };
	const char	*vals[] = { cfg.database_url, "ozzie-jobd-listen", NULL };
	PGconn		*c = PQconnectdbParams(keys, vals, 1);
	PGresult	*res;

	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		PQfinish(c);
		return NULL;
	}
	res = PQexec(c, "LISTEN ozzie_jobs");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		PQclear(res);
		PQfinish(c);
		return NULL;
	}
	PQclear(res);
	return c;
}

/* Wait until a notification, a signal or ms pass; drop a broken listener. */
static void
wait_for_work(PGconn **lc, long ms)
{
	struct timeval	 tv = { ms / 1000, (ms % 1000) * 1000 };
	PGnotify	*n;
	fd_set		 rfds;
	int		 fd;

	if (*lc == NULL || (fd = PQsocket(*lc)) < 0) {
		select(0, NULL, NULL, NULL, &tv);
		return;
	}
	FD_ZERO(&rfds);
	FD_SET(fd, &rfds);
	if (select(fd + 1, &rfds, NULL, NULL, &tv) > 0) {
		if (PQconsumeInput(*lc) == 0 || PQstatus(*lc) != CONNECTION_OK) {
			PQfinish(*lc);
			*lc = NULL;
			return;
		}
		while ((n = PQnotifies(*lc)) != NULL)
			PQfreemem(n);
	}
}

static uint32_t
rnd32(void)
{
	uint32_t v;

	if (RAND_bytes((unsigned char *)&v, sizeof(v)) != 1)
		v = (uint32_t)random();
	return v;
}

/* A service context on the runner's connection and (emptied) pool, for no client yet. */
static void
svc_for(struct svc *s, struct oz_error *err, struct oz_db *db, struct pool *pool)
{
	pool_reset(pool);
	memset(s, 0, sizeof(*s));
	memset(err, 0, sizeof(*err));
	s->st.db = db;
	s->st.pool = pool;
	s->cfg = &cfg;
	s->err = err;
}

/* Take and run one job: 1 ran one, 0 none due, -1 the database failed. */
static int
run_one(struct oz_db *db, struct pool *pool, const char *runner)
{
	struct job_result res;
	struct oz_error	 err;
	struct svc	 s;
	struct job	 job;
	char		 state[12];
	double		 t0 = now_ms();
	int		 rc;

	svc_for(&s, &err, db, pool);
	if ((rc = store_job_claim(&s.st, runner, (int)cfg.jobd_lease_s, &job)) != 1)
		return rc;
	if (job.attempts > job.max_attempts) {
		/* Its runners died holding it, every time: it stops here. */
		memset(&res, 0, sizeof(res));
		res.outcome = JOB_DEAD;
		res.error = "its runner died on every attempt";
	} else {
		s.st.client = job.client[0] ? job.client : NULL;
		log_set_context(NULL, s.st.client);
		svc_job_run(&s, &job, &res);
	}
	db_rollback(db);	/* nothing a job left open */
	if (svc_job_finish(&s, &job, runner, &res, rnd32(), state) == -1) {
		log_warnx("job %lld (%s): cannot record its outcome; its lease will run out",
		    (long long)job.id, job.kind);
		log_clear_context();
		return -1;
	}
	if (strcmp(state, "done") == 0)
		log_info("job %lld (%s) done in %.0f ms", (long long)job.id, job.kind, now_ms() - t0);
	else
		log_warnx("job %lld (%s) attempt %d: %s; now %s", (long long)job.id, job.kind,
		    job.attempts, res.error ? res.error : "given back", state);
	log_clear_context();
	return 1;
}

/* Scheduled work: the money moves that came due, released with their events. */
static void
release_due(struct oz_db *db, struct pool *pool)
{
	struct oz_error	 err;
	struct svc	 s;
	int		 n = 0;

	svc_for(&s, &err, db, pool);
	if (svc_move_release_due(&s, &n) == -1)
		log_warnx("money moves due: %s", err.message ? err.message : "cannot release");
	else if (n > 0)
		log_info("released %d money moves that came due", n);
}

/*
 * Runner 0 keeps the precomputed spending answers (svc_an_answers_refresh)
 * fresh: every analytics_refresh_seconds / 2, so that one is served at most
 * that old plus the time it takes; a set another ozzie-jobd made in the
 * last quarter of the bound is left to it.
 */
static void
answers_refresh(struct oz_db *db)
{
	int64_t	 n;
	double	 t0 = now_ms();

	if (svc_an_answers_refresh(db, &cfg, NULL, cfg.analytics_refresh_seconds / 4, &n) == -1) {
		db_rollback(db);
		log_warnx("analytics: the precomputed answers were not refreshed"
		    " (the API answers live meanwhile)");
	} else if (n > 0)
		log_info("analytics: %lld answer sets computed in %.0f ms", (long long)n,
		    now_ms() - t0);
}

/*
 * Runner 0 folds the changes writes of transactions noted into the
 * analytics rollups (sql/018) every analytics_fold_ms: the writes stay
 * cheap, and a fold takes whatever came in meanwhile in one statement.
 */
static void
fold_pending(struct oz_db *db, struct pool *pool)
{
	struct oz_error	 err;
	struct svc	 s;
	int64_t		 n;
	double		 t0 = now_ms();

	if (store_an_fold(db, &n) == -1) {
		db_rollback(db);
		log_warnx("analytics: the pending changes were not folded (a live answer folds them)");
	} else if (n > 0 && now_ms() - t0 >= 1000)
		log_info("analytics: %lld pending changes folded in %.0f ms", (long long)n,
		    now_ms() - t0);
	/* and the risk state of users a burst of writes left due */
	svc_for(&s, &err, db, pool);
	t0 = now_ms();
	if (svc_an_refresh_due(&s, db, NULL, JOBD_RISK_DUE_MAX, &n) == -1)
		db_rollback(db);
	else if (n > 0 && now_ms() - t0 >= 1000)
		log_info("analytics: risk state of %lld users refreshed in %.0f ms", (long long)n,
		    now_ms() - t0);
	pool_reset(pool);
}

static int
runner_main(int idx)
{
	struct oz_db	 db;
	struct pool	 pool;
	PGconn		*lc = NULL;
	char		 runner[128], host[64];
	time_t		 last_listen = 0, last_purge = 0, last_release = 0, last_answers = 0;
	double		 last_fold = 0;
	long		 idle_ms;
	int		 rc, n;

	catch_term();
	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	snprintf(runner, sizeof(runner), "%s:%d:%d", host, (int)getpid(), idx);
	if (db_init(&db, &cfg, "ozzie-jobd") == -1)
		return 1;
	pool_init(&pool);
	while (!stopping) {
		if (lc == NULL && time(NULL) - last_listen >= 5) {
			last_listen = time(NULL);
			lc = listen_open();
		}
		if (idx == 0 && cfg.analytics_refresh_seconds > 0 &&
		    time(NULL) - last_answers >= (cfg.analytics_refresh_seconds + 1) / 2) {
			last_answers = time(NULL);
			answers_refresh(&db);
		}
		if (idx == 0 && cfg.analytics_fold_ms > 0 &&
		    now_ms() - last_fold >= (double)cfg.analytics_fold_ms) {
			last_fold = now_ms();
			fold_pending(&db, &pool);
		}
		rc = run_one(&db, &pool, runner);
		/* busy or not, the first runner sweeps what came due */
		if (idx == 0 && rc != -1 && time(NULL) - last_release >= JOBD_RELEASE_EVERY_S) {
			last_release = time(NULL);
			release_due(&db, &pool);
		}
		if (rc == 1)
			continue;
		if (idx == 0 && rc == 0 && time(NULL) - last_purge >= JOBD_PURGE_EVERY_S) {
			struct store st = { &db, &pool, NULL };

			last_purge = time(NULL);
			if (store_job_purge(&st, JOBD_PURGE_DAYS, &n) == 0 && n > 0)
				log_info("purged %d finished jobs", n);
		}
		idle_ms = (long)cfg.jobd_poll_ms;
		if (idx == 0 && cfg.analytics_fold_ms > 0 && cfg.analytics_fold_ms < idle_ms)
			idle_ms = (long)cfg.analytics_fold_ms;
		if (!stopping)
			wait_for_work(&lc, idle_ms);
	}
	PQfinish(lc);
	db_close(&db);
	pool_free(&pool);
	return 0;
}

static pid_t
spawn(int idx)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(runner_main(idx));
	if (pid == -1)
		log_warn("fork");
	return pid;
}

int
main(int argc, char *argv[])
{
	pid_t		 kids[JOBD_MAX_RUNNERS], pid;
	const char	*cfg_path = NULL, *pidfile = NULL;
	char		 err[512];
	long		 runners = 0;
	int		 ch, i, st;
	FILE		*pf;

	while ((ch = getopt(argc, argv, "c:r:p:hV")) != -1) {
		switch (ch) {
		case 'c': cfg_path = optarg; break;
		case 'p': pidfile = optarg; break;
		case 'r':
			runners = strtol(optarg, NULL, 10);	/* checked below */
			if (runners < 1 || runners > JOBD_MAX_RUNNERS)
				usage();
			break;
		case 'V': printf("ozzie-jobd %s\n", PACKAGE_VERSION); return 0;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	if (cfg_path == NULL && access(OZ_DEFAULT_CONFIG_PATH, F_OK) == 0)
		cfg_path = OZ_DEFAULT_CONFIG_PATH;
	log_init("ozzie-jobd", LOG_LVL_INFO);
	if (config_load(&cfg, cfg_path, cfg_path != NULL, err, sizeof(err)) == -1) {
		log_warnx("configuration: %s", err);
		return 1;
	}
	log_set_level((enum log_level)cfg.log_level);
	if (cfg.secret_key == NULL || cfg.secret_key[0] == '\0')
		log_warnx("secret_key is not set: WhatsApp replies cannot be sent");
	if (runners == 0)
		runners = (long)cfg.jobd_runners;
	/*
	 * A lease outlasts the longest a job's calls take (a turn with a
	 * document: its fetch from Evolution, then the provider's answer to an
	 * unreadable one's caption; a send with its wait for the rate), or a
	 * second runner would take a job its first still runs. Reading the
	 * document is within the default lease (300 s).
	 */
	{
		int64_t longest = cfg.ai_timeout_ms + cfg.evolution_timeout_ms;

		if (cfg.jobd_lease_s < longest / 1000 + 5) {
			log_info("jobd_lease_s raised from %lld to %lld s (the longest a job's calls take)",
			    (long long)cfg.jobd_lease_s, (long long)(longest / 1000 + 5));
			cfg.jobd_lease_s = longest / 1000 + 5;
		}
	}
	if (ai_breaker_open("") == -1)
		return 1;
	if (pidfile) {
		if ((pf = fopen(pidfile, "w")) == NULL) {
			log_warn("%s", pidfile);
			return 1;
		}
		fprintf(pf, "%d\n", (int)getpid());
		fclose(pf);
	}
	catch_term();
	for (i = 0; i < runners; i++)
		kids[i] = spawn(i);
	log_info("started with %ld runners", runners);
	while (!stopping) {
		pid = waitpid(-1, &st, 0);
		if (pid == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < runners; i++)
			if (kids[i] == pid && !stopping) {
				log_warnx("runner %d (pid %d) ended (status %d); starting another",
				    i, (int)pid, st);
				sleep(1);
				kids[i] = spawn(i);
			}
	}
	for (i = 0; i < runners; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	while (waitpid(-1, &st, 0) > 0 || errno == EINTR)
		;
	if (pidfile)
		unlink(pidfile);
	log_info("stopped");
	config_free(&cfg);
	return 0;
}
