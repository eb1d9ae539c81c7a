/*
 * svc_job.h: the work ozzie-jobd runs (DESIGN §1). A runner takes a job from
 * the queue (store_job) and hands it here; what the job's kind means lives
 * in its service (svc_evo for WhatsApp). The outcome says whether the job is
 * done (with a follow-up job queued in the same transaction: a turn's reply),
 * should be tried again later, is given back without spending an attempt
 * (a rate bound), or cannot succeed.
 */
#ifndef OZ_SVC_JOB_H
#define OZ_SVC_JOB_H

#include <stdint.h>

#include "store/store_job.h"

struct svc;

#define JOB_WA_TURN	"wa.turn"	/* an inbound WhatsApp message */
#define JOB_WA_SEND	"wa.send"	/* a reply to send through Evolution API */

enum job_outcome {
	JOB_DONE,
	JOB_RETRY,	/* failed: again after a backoff, dead when attempts are spent */
	JOB_LATER,	/* not now: given back, due after delay_ms, no attempt spent */
	JOB_DEAD	/* cannot succeed: dead at once */
};

struct job_result {
	enum job_outcome outcome;
	int64_t		 delay_ms;	/* JOB_LATER; JOB_RETRY: 0 for the usual backoff */
	const char	*error;		/* for operators: never a secret nor a message text */
	int		 has_next;
	struct job_new	 next;		/* queued with JOB_DONE, in one transaction */
};

/* Run job (s->st.client set to its client); the outcome in *res. */
void	svc_job_run(struct svc *s, const struct job *job, struct job_result *res);
/*
 * Record the outcome of a job runner held: done (and the follow-up queued),
 * queued again after a backoff, given back, or dead. *state gets the job's
 * new state. 0, or -1 when the database failed (the lease then runs out and
 * another runner takes the job again).
 */
int	svc_job_finish(struct svc *s, const struct job *job, const char *runner,
	    const struct job_result *res, uint32_t rnd, char state[12]);

#endif
