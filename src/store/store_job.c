/* store_job.c: the jobs table (store_job.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "store/store_job.h"

#define JOB_COLUMNS(X) \
	X(J_ID, "jobs.id") \
	X(J_KIND, "jobs.kind") \
	X(J_CLIENT, "coalesce(jobs.client_id, '')") \
	X(J_KEY, "jobs.queue_key") \
	X(J_PAYLOAD, "jobs.payload::text") \
	X(J_ATTEMPTS, "jobs.attempts") \
	X(J_MAX, "jobs.max_attempts")

enum { JOB_COLUMNS(STORE_COL_ENUM) J_NCOLS };
#define JOB_COLS JOB_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt job_enqueue = { "job_enqueue",
	"INSERT INTO jobs (kind, client_id, queue_key, dedupe_key, payload, max_attempts, run_at)"
	" VALUES ($1, $2, $3, $4, $5::jsonb, coalesce($6::integer, 12),"
	" clock_timestamp() + $7::bigint * interval '1 millisecond')"
	" ON CONFLICT (dedupe_key) DO NOTHING RETURNING id", 0, 0 };
/*
 * The candidate is locked with SKIP LOCKED, so two runners never take one
 * job; READ COMMITTED re-checks the WHERE on a row another runner changed
 * meanwhile. A job waits while an earlier job of its key is queued or
 * running: one user's turns and replies keep their order, retries included.
 */
static struct db_stmt job_claim = { "job_claim",
	"WITH c AS (SELECT j.id FROM jobs j WHERE j.state IN ('queued', 'running')"
	" AND ((j.state = 'queued' AND j.run_at <= clock_timestamp())"
	"  OR (j.state = 'running' AND j.lease_until < clock_timestamp()))"
	" AND (j.queue_key IS NULL OR NOT EXISTS (SELECT 1 FROM jobs p"
	"  WHERE p.queue_key = j.queue_key AND p.id < j.id AND p.state IN ('queued', 'running')))"
	" ORDER BY j.run_at, j.id LIMIT 1 FOR UPDATE OF j SKIP LOCKED)"
	" UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1,"
	" lease_until = clock_timestamp() + $2::integer * interval '1 second',"
	" locked_by = $1, updated_at = clock_timestamp()"
	" FROM c WHERE jobs.id = c.id RETURNING " JOB_COLS, 0, 0 };
static struct db_stmt job_done = { "job_done",
	"UPDATE jobs SET state = 'done', lease_until = NULL, last_error = NULL,"
	/* a document sent inline is not kept once its turn is done */
	" payload = payload - 'media_base64',"
	" finished_at = clock_timestamp(), updated_at = clock_timestamp()"
	" WHERE id = $1::bigint AND locked_by = $2 AND state = 'running'", 0, 0 };
static struct db_stmt job_fail = { "job_fail",
	"UPDATE jobs SET state = CASE WHEN $5::boolean OR attempts >= max_attempts"
	"  THEN 'dead' ELSE 'queued' END,"
	" run_at = clock_timestamp() + $3::bigint * interval '1 millisecond',"
	" lease_until = NULL, locked_by = NULL, last_error = left($4, 500),"
	" finished_at = CASE WHEN $5::boolean OR attempts >= max_attempts"
	"  THEN clock_timestamp() END, updated_at = clock_timestamp()"
	" WHERE id = $1::bigint AND locked_by = $2 AND state = 'running' RETURNING state", 0, 0 };
static struct db_stmt job_release = { "job_release",
	"UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0),"
	" run_at = clock_timestamp() + $3::bigint * interval '1 millisecond',"
	" lease_until = NULL, locked_by = NULL, updated_at = clock_timestamp()"
	" WHERE id = $1::bigint AND locked_by = $2 AND state = 'running'", 0, 0 };
static struct db_stmt job_purge = { "job_purge",
	"DELETE FROM jobs WHERE state IN ('done', 'cancelled')"
	" AND finished_at < clock_timestamp() - $1::integer * interval '1 day'", 0, 0 };

int
store_job_enqueue(struct store *st, const struct job_new *j, int64_t *id)
{
	const char	*p[7];
	PGresult	*res;
	int		 n;

	p[0] = j->kind;
	p[1] = j->client;
	p[2] = j->queue_key;
	p[3] = j->dedupe_key;
	p[4] = j->payload ? j->payload : "{}";
	p[5] = j->max_attempts > 0 ? store_int_param(st, j->max_attempts) : NULL;
	p[6] = store_int_param(st, j->delay_ms > 0 ? j->delay_ms : 0);
	if ((j->max_attempts > 0 && p[5] == NULL) || p[6] == NULL)
		return -1;
	if ((res = db_run(st->db, &job_enqueue, 7, p)) == NULL)
		return -1;
	n = PQntuples(res);
	if (n == 1 && id)
		*id = store_i64(res, 0, 0);
	PQclear(res);
	return n == 1 ? 1 : 0;
}

static int
decode_job(struct store *st, PGresult *res, int row, void *out)
{
	struct job *j = out;

	memset(j, 0, sizeof(*j));
	j->id = store_i64(res, row, J_ID);
	store_copy(j->kind, sizeof(j->kind), res, row, J_KIND);
	store_copy(j->client, sizeof(j->client), res, row, J_CLIENT);
	j->queue_key = store_text(st, res, row, J_KEY);
	j->payload = store_text(st, res, row, J_PAYLOAD);
	j->attempts = (int)store_i64(res, row, J_ATTEMPTS);
	j->max_attempts = (int)store_i64(res, row, J_MAX);
	return j->payload ? 0 : -1;
}

int
store_job_claim(struct store *st, const char *runner, int lease_s, struct job *out)
{
	const char *p[2] = { runner, store_int_param(st, lease_s) };

	if (p[1] == NULL)
		return -1;
	return store_one(st, &job_claim, 2, p, decode_job, out);
}

/* Run an update of one held job; 1 if it touched the row, 0 if not, -1. */
static int
held(struct store *st, struct db_stmt *stmt, int n, const char *const *p)
{
	int	 rows;

	if (store_exec(st, stmt, n, p, &rows) == -1)
		return -1;
	return rows == 1;
}

int
store_job_done(struct store *st, int64_t id, const char *runner)
{
	const char *p[2] = { store_int_param(st, id), runner };

	return p[0] ? held(st, &job_done, 2, p) : -1;
}

int
store_job_fail(struct store *st, int64_t id, const char *runner, int64_t delay_ms,
    const char *error, int dead, char state[12])
{
	const char	*p[5];
	PGresult	*res;
	int		 n;

	p[0] = store_int_param(st, id);
	p[1] = runner;
	p[2] = store_int_param(st, delay_ms);
	p[3] = error ? error : "";
	p[4] = dead ? "t" : "f";
	if (p[0] == NULL || p[2] == NULL)
		return -1;
	if ((res = db_run(st->db, &job_fail, 5, p)) == NULL)
		return -1;
	n = PQntuples(res);
	state[0] = '\0';
	if (n == 1)
		store_copy(state, 12, res, 0, 0);
	PQclear(res);
	return n == 1;
}

int
store_job_release(struct store *st, int64_t id, const char *runner, int64_t delay_ms)
{
	const char *p[3] = { store_int_param(st, id), runner, store_int_param(st, delay_ms) };

	return p[0] && p[2] ? held(st, &job_release, 3, p) : -1;
}

int
store_job_purge(struct store *st, int days, int *n)
{
	const char *p[1] = { store_int_param(st, days) };

	return p[0] ? store_exec(st, &job_purge, 1, p, n) : -1;
}
