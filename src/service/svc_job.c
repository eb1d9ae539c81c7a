/* svc_job.c: what a job's kind means, and how its outcome is recorded (svc_job.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "domain/wa.h"
#include "service/svc.h"
#include "service/svc_evo.h"
#include "service/svc_hook.h"
#include "service/svc_import.h"
#include "service/svc_job.h"

void
svc_job_run(struct svc *s, const struct job *job, struct job_result *res)
{
	memset(res, 0, sizeof(*res));
	if (strcmp(job->kind, JOB_WA_TURN) == 0)
		svc_evo_turn(s, job, res);
	else if (strcmp(job->kind, JOB_WA_SEND) == 0)
		svc_evo_send(s, job, res);
	else if (strcmp(job->kind, JOB_HOOK_DELIVER) == 0)
		svc_hook_deliver(s, job, res);
	else if (strcmp(job->kind, JOB_IMPORT_RUN) == 0)
		svc_import_job(s, job, res);
	else {
		res->outcome = JOB_DEAD;
		res->error = "unknown job kind";
	}
}

int
svc_job_finish(struct svc *s, const struct job *job, const char *runner,
    const struct job_result *res, uint32_t rnd, char state[12])
{
	int64_t	 delay;
	int	 rc;

	snprintf(state, 12, "?");
	switch (res->outcome) {
	case JOB_DONE:
		if (db_begin(s->st.db) == -1)
			return -1;
		if (res->has_next && store_job_enqueue(&s->st, &res->next, NULL) == -1)
			goto fail;
		if ((rc = store_job_done(&s->st, job->id, runner)) == -1)
			goto fail;
		if (rc == 0) {
			/* Its lease ran out and another runner has it: what we did stays undone. */
			log_warnx("job %lld: lease lost before it was done", (long long)job->id);
			goto fail;
		}
		if (db_commit(s->st.db) == -1)
			return -1;
		snprintf(state, 12, "done");
		return 0;
	case JOB_LATER:
		rc = store_job_release(&s->st, job->id, runner, res->delay_ms);
		if (rc == 1)
			snprintf(state, 12, "queued");
		return rc == -1 ? -1 : 0;
	case JOB_RETRY:
	case JOB_DEAD:
		delay = res->delay_ms > 0 ? res->delay_ms : wa_backoff_ms(job->attempts, rnd);
		rc = store_job_fail(&s->st, job->id, runner, delay,
		    res->error ? res->error : "failed", res->outcome == JOB_DEAD, state);
		return rc == -1 ? -1 : 0;
	}
	return -1;
fail:
	db_rollback(s->st.db);
	return -1;
}
