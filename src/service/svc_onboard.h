/*
 * svc_onboard.h: a user onboarded in the WhatsApp conversation (DESIGN
 * §4.2). The turn (svc_evo.c) reads each answer with domain/wa_onboard.h;
 * this service keeps where the conversation stands and, with the last
 * answer, makes the intake, the goal and the first plan through the same
 * services as the API, then words the plan for WhatsApp.
 */
#ifndef OZ_SVC_ONBOARD_H
#define OZ_SVC_ONBOARD_H

#include "domain/wa_onboard.h"
#include "store/store_onboard.h"
#include "store/store_user.h"

struct buf;
struct svc;

/* Where u's onboarding stands: 1 and *o, 0 none, -1 (s->err). */
int	svc_onboard_get(struct svc *s, const struct user *u, struct onboarding *o);
/*
 * Begin (again) at the first question, every answer forgotten but
 * o->last_message_id (o initialised: zeroed, or read): its words into out.
 * 0/-1.
 */
int	svc_onboard_begin(struct svc *s, const struct user *u, struct onboarding *o,
	    struct buf *out);
/* Stop where it is ("later"): what the coach says into out. 0/-1. */
int	svc_onboard_stop(struct svc *s, const struct user *u, struct onboarding *o,
	    struct buf *out);
/*
 * Take a (OB_ANSWER or OB_SKIP) to the question o waits on: what was
 * understood and the next question into out, or after the last one the
 * intake, the goal and the plan made and the plan in words. 0, or -1
 * (s->err; SERVICE_UNAVAILABLE: the caller retries the turn).
 */
int	svc_onboard_answer(struct svc *s, const struct user *u, struct onboarding *o,
	    const struct ob_answer *a, struct buf *out);
/*
 * The plan of a user who answered every question but has none yet (its
 * making failed, or the platform's intake came first): made now and put in
 * words into out. 0/-1.
 */
int	svc_onboard_plan(struct svc *s, const struct user *u, struct buf *out);
/* The question o waits on, into out. */
void	svc_onboard_question(const struct user *u, const struct onboarding *o,
	    struct buf *out);
/* Record o's step as done (the platform sent the intake itself). 0/-1. */
int	svc_onboard_done(struct svc *s, const struct user *u, struct onboarding *o);

#endif
