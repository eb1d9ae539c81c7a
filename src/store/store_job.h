/*
 * store_job.h: the jobs table, ozzie-jobd's queue (sql/012). Jobs belong to
 * the operator, not to a tenant: a runner takes any client's job, so these
 * calls do not filter on st->client; each job carries its client_id.
 */
#ifndef OZ_STORE_JOB_H
#define OZ_STORE_JOB_H

#include <stdint.h>

#include "core/oz_limits.h"

struct store;

#define JOB_KIND_MAX	40

struct job {
	int64_t		 id;
	char		 kind[JOB_KIND_MAX + 1];
	char		 client[OZ_ID_MAX];	/* "" for operator work */
	const char	*queue_key;		/* NULL: none; in st->pool */
	const char	*payload;		/* JSON text; in st->pool */
	int		 attempts;		/* this one included */
	int		 max_attempts;
};

/* What a new job is. */
struct job_new {
	const char	*kind;
	const char	*client;	/* NULL: operator work */
	const char	*queue_key;	/* NULL: no ordering */
	const char	*dedupe_key;	/* NULL: none; else at most one job ever */
	const char	*payload;	/* JSON object text */
	int		 max_attempts;	/* 0: the table's default */
	int64_t		 delay_ms;	/* run no sooner than this from now */
};

/* Queue j. 1 queued (*id set when id), 0 a job with its dedupe_key exists, -1. */
int	store_job_enqueue(struct store *st, const struct job_new *j, int64_t *id);
/*
 * Take the oldest due job (queued and due, or running with its lease
 * passed) that no earlier job of its queue_key holds back, for runner, under
 * a lease of lease_s seconds; its attempts count this one. 1 and *out, 0
 * none, -1.
 */
int	store_job_claim(struct store *st, const char *runner, int lease_s, struct job *out);
/* The job runner holds is done. 1, 0 (runner no longer holds it), -1. */
int	store_job_done(struct store *st, int64_t id, const char *runner);
/*
 * The attempt failed: queued again delay_ms from now, or dead when its
 * attempts are spent (or dead is set). 1 (*state "queued" or "dead"), 0 (not
 * held by runner), -1. error is kept for operators (no secrets in it).
 */
int	store_job_fail(struct store *st, int64_t id, const char *runner, int64_t delay_ms,
	    const char *error, int dead, char state[12]);
/* Give the job back without spending an attempt, due delay_ms from now. 1/0/-1. */
int	store_job_release(struct store *st, int64_t id, const char *runner, int64_t delay_ms);
/* Delete done and cancelled jobs finished more than days ago; *n how many. 0/-1. */
int	store_job_purge(struct store *st, int days, int *n);

#endif
