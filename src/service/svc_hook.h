/*
 * svc_hook.h: outbound webhooks to the platform (DESIGN §4.4). A client's
 * endpoints (the signing secret "whsec_…" shown once, then kept sealed);
 * events fanned out to the endpoints that take them, one delivery and one
 * ozzie-jobd job each; and the delivery: a signed POST
 * (Ozzie-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t "." body)>),
 * retried with backoff for 24 hours, the endpoint disabled once it has
 * failed for 3 days.
 */
#ifndef OZ_SVC_HOOK_H
#define OZ_SVC_HOOK_H

#include <stddef.h>

#include "core/secret.h"
#include "store/store_hook.h"

struct job;
struct job_result;
struct json_object;
struct svc;
struct txn;

#define JOB_HOOK_DELIVER	"webhook.deliver"
#define HOOK_RETRY_S		(24 * 3600)	/* a delivery is tried this long */
#define HOOK_DISABLE_S		(3 * 24 * 3600)	/* an endpoint failing this long is disabled */

/* The event types, NULL-terminated. */
extern const char *const hook_event_types[];

/* Create an endpoint from f (url and events required); its secret into secret. */
int	svc_hook_create(struct svc *s, const struct hook_fields *f, struct hook_endpoint *out,
	    char secret[SECRET_MAX]);
int	svc_hook_get(struct svc *s, const char *id, struct hook_endpoint *out);
int	svc_hook_update(struct svc *s, const char *id, const struct hook_fields *f,
	    struct hook_endpoint *out);
int	svc_hook_delete(struct svc *s, const char *id);
int	svc_hook_list(struct svc *s, const struct store_page *pg, struct hook_endpoint *rows,
	    size_t *n, int *has_more);
/* An endpoint's deliveries (NOT_FOUND for no such endpoint). */
int	svc_hook_deliveries(struct svc *s, const char *endpoint, const struct store_page *pg,
	    struct hook_delivery *rows, size_t *n, int *has_more);

/*
 * The event type happened for s->st.client, with data (ownership taken): a
 * delivery queued to each endpoint that takes it. Never fails the action
 * that raised it: a failure is logged.
 */
void	svc_hook_emit(struct svc *s, const char *type, struct json_object *data);
/* transaction.created for each of the n transactions (those not stored before). */
void	svc_hook_txns(struct svc *s, const struct txn *t, size_t n);
/* "t=<t>,v1=<hex>" for body signed with secret at t, into out. 0/-1. */
int	svc_hook_signature(const char *secret, long long t, const char *body, char *out,
	    size_t outlen);
/* ozzie-jobd: one delivery (JOB_HOOK_DELIVER). */
void	svc_hook_deliver(struct svc *s, const struct job *job, struct job_result *res);

#endif
