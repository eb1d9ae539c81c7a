/*
 * svc_evo.h: WhatsApp through Evolution API (DESIGN §4.2). A client's
 * integration (the instance's API key sealed, the webhook secret hashed);
 * the webhook that takes an inbound message once and queues its turn; and,
 * in ozzie-jobd, the turn (a chat turn in the same history as the API's,
 * or a short answer to what the coach cannot read, or an unknown number
 * onboarded or answered) and the reply sent through sendText.
 */
#ifndef OZ_SVC_EVO_H
#define OZ_SVC_EVO_H

#include <stdint.h>

#include "core/secret.h"
#include "store/store_evo.h"

struct job;
struct job_result;
struct json_object;
struct svc;

#define EVO_API_KEY_MAX		120
#define EVO_SECRET_PREFIX	"whsec_"

/* A PUT: every field as the client sent it (NULL: absent). */
struct evo_put_in {
	const char	*server_url, *instance, *api_key, *webhook_secret;
	int		 auto_create_users;
	int		 onboarding;	/* users without an intake asked the questions */
	const char	*default_language, *default_currency, *unknown_sender_reply;
};

/*
 * Create or replace the client's integration. The webhook secret is the
 * one given, else a new one when there was none (shown then, in
 * secret_out; "" otherwise), else the one kept. *created 1 for a new one.
 * SERVICE_UNAVAILABLE without a configured secret_key.
 */
int	svc_evo_put(struct svc *s, const struct evo_put_in *in, struct evo_integration *out,
	    char secret_out[SECRET_MAX], int *created);
/* The client's integration; NOT_FOUND when none. */
int	svc_evo_get(struct svc *s, struct evo_integration *out);
/* Remove it; NOT_FOUND when none. */
int	svc_evo_delete(struct svc *s);

enum evo_outcome { EVO_QUEUED, EVO_DUPLICATE, EVO_IGNORED };

struct evo_ack {
	enum evo_outcome outcome;
	const char	*reason;	/* EVO_IGNORED: why ("event", "from_me", "group", …) */
	int64_t		 job_id;	/* EVO_QUEUED */
};

/*
 * An Evolution webhook body: its client found by instance and a secret
 * (the body's apikey, else secret, from a header), then for messages.upsert
 * the message (read by evo_msg_read, svc_evo_msg.h) taken once per
 * (instance, key.id) and its turn queued.
 * s->st.client is set to the client found. UNAUTHORIZED for an unknown
 * instance or a wrong secret; VALIDATION_ERROR for a message without key.
 */
int	svc_evo_webhook(struct svc *s, struct json_object *body, const char *secret,
	    struct evo_ack *ack);

/* ozzie-jobd: an inbound message's turn (JOB_WA_TURN). */
void	svc_evo_turn(struct svc *s, const struct job *job, struct job_result *res);
/* ozzie-jobd: a reply sent through sendText (JOB_WA_SEND). */
void	svc_evo_send(struct svc *s, const struct job *job, struct job_result *res);

#endif
