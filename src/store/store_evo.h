/*
 * store_evo.h: a client's Evolution API integration (WhatsApp, DESIGN §4.2)
 * and the inbound messages already taken (sql/012).
 */
#ifndef OZ_STORE_EVO_H
#define OZ_STORE_EVO_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;

#define EVO_INSTANCE_MAX	100
#define EVO_URL_MAX		500
#define EVO_REPLY_MAX		1000	/* characters of unknown_sender_reply */

struct evo_integration {
	char		 client[OZ_ID_MAX];
	const char	*server_url;		/* in the pool */
	const char	*instance;
	const char	*api_key_hex;		/* the sealed key, hex; never shown */
	const char	*webhook_secret_hash;	/* keyed hash; never shown */
	int		 auto_create_users;
	int		 onboarding;		/* ask users without an intake the questions */
	char		 default_language[4];	/* "" when unset */
	char		 default_currency[4];
	const char	*unknown_sender_reply;	/* NULL when unset */
	char		 created_at[24];
	char		 updated_at[24];
};

/* What a PUT writes. webhook_secret_hash NULL keeps the one stored. */
struct evo_fields {
	const char	*server_url, *instance, *api_key_hex, *webhook_secret_hash;
	int		 auto_create_users, onboarding;
	const char	*default_language, *default_currency, *unknown_sender_reply;
};

/* Create or replace st->client's integration. 1 created, 0 replaced, -1. */
int	store_evo_put(struct store *st, const struct evo_fields *f, struct evo_integration *out);
/* st->client's integration: 1/0/-1. */
int	store_evo_get(struct store *st, struct evo_integration *out);
/* Remove it: 1 removed, 0 none, -1. */
int	store_evo_delete(struct store *st);
/*
 * The integrations of every client with this instance name (the webhook
 * finds its client by instance, then by secret), at most max. 0/-1.
 */
int	store_evo_by_instance(struct store *st, const char *instance,
	    struct evo_integration *rows, size_t max, size_t *n);
/* Note the inbound message (instance, id) of st->client: 1 new, 0 seen before, -1. */
int	store_evo_inbound(struct store *st, const char *instance, const char *message_id);
/*
 * The turn of inbound message (instance, id) of st->client, if it was made:
 * 1 and *reply (NULL when the turn answers nothing; in the pool), 0 not yet
 * made, -1.
 */
int	store_evo_turned(struct store *st, const char *instance, const char *message_id,
	    const char **reply);
/* Keep the turn's answer (reply NULL: none) at once. 0/-1. */
int	store_evo_mark_turned(struct store *st, const char *instance, const char *message_id,
	    const char *reply);
/*
 * Reserve the next send slot of st->client's instance, gap_ms after the
 * last one (or now): *wait_ms until it comes (0: now). 1, 0 no integration, -1.
 */
int	store_evo_send_slot(struct store *st, int64_t gap_ms, int64_t *wait_ms);

#endif
