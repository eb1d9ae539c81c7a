/*
 * svc_chat.h: a chat turn with the coach. The user's message is stored with
 * the transactions it logs ("spent 12 on lunch"), in one transaction; the
 * provider (or the local coach) answers from the user's facts; the reply is
 * stored with the AI usage. The same turn serves the API and WhatsApp.
 */
#ifndef OZ_SVC_CHAT_H
#define OZ_SVC_CHAT_H

#include <stddef.h>

#include "ai/ai.h"
#include "store/store_chat.h"
#include "store/store_txn.h"

struct store_page;
struct svc;

#define CHAT_MESSAGE_MAX	2000	/* characters of a user's message */
#define CHAT_HISTORY_TURNS	20	/* earlier turns a model may see ... */
#define CHAT_HISTORY_BYTES	8000	/* ... within about 2,000 tokens */

/* What a turn produced. */
struct chat_result {
	char		 message_id[OZ_ID_MAX];		/* the user's message */
	char		 reply_id[OZ_ID_MAX];
	struct txn	 logged[CHAT_MAX_TXN_IDS];	/* transactions the message created */
	size_t		 nlogged;
	struct ai_result ai;				/* the reply and who wrote it */
	struct chat_author author;
	char		 created_at[24];		/* the reply's */
};

/*
 * Run one turn for the user ref names (created on first use): message as
 * the user wrote it, logged transactions with source (api_text,
 * whatsapp_text); delta (NULL: none) receives the reply as it is written.
 * out->ai must be ai_result_init'ed; the caller frees it. 0/-1.
 */
int	svc_chat_turn(struct svc *s, const char *ref, const char *message, const char *source,
	    ai_delta_fn delta, void *delta_ctx, struct chat_result *out);
/*
 * svc_chat_turn for a message that came from a channel that may deliver a
 * turn again (a WhatsApp turn taken again after its runner died):
 * channel_id ("instance:message id") is kept with the message, once. Taken
 * before, *replayed is 1 and nothing is stored or logged again: out has the
 * reply kept then, or, when the runner died before it, one made now. 0/-1.
 */
int	svc_chat_turn_once(struct svc *s, const char *ref, const char *message,
	    const char *source, const char *channel_id, struct chat_result *out, int *replayed);
/*
 * Keep a turn the coach answered without the chat (the WhatsApp onboarding's
 * questions): the user's message and the local coach's reply, in the user's
 * history, in one transaction. 0/-1.
 */
int	svc_chat_record(struct svc *s, const char *user_id, const char *message,
	    const char *reply);
/* A page of the user's messages, newest first. */
int	svc_chat_history(struct svc *s, const char *ref, const struct store_page *pg,
	    struct chat_message *rows, size_t *n, int *has_more);

#endif
