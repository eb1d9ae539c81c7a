/* store_chat.h: the coach's conversations, message by message. */
#ifndef OZ_STORE_CHAT_H
#define OZ_STORE_CHAT_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

#define CHAT_MAX_TXN_IDS	20	/* transactions one message may log */

/* Who wrote an assistant message. */
struct chat_author {
	char		 provider[16];		/* local | openai | anthropic */
	const char	*model;			/* NULL for local */
	int		 fallback;		/* a remote provider failed, local answered */
	const char	*failed_provider;	/* with fallback */
	const char	*fallback_reason;
};

struct chat_message {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	char		 role[12];		/* user | assistant */
	const char	*content;
	char		 emotion[16];		/* "" for the user's messages */
	char		 topic[16];
	char		 intent[24];
	char		 reply_to[OZ_ID_MAX];	/* an assistant message: what it answers */
	int		 has_author;
	struct chat_author author;
	const char	*txn_ids[CHAT_MAX_TXN_IDS];	/* transactions the message logged */
	const char	*channel_message_id;	/* insert: the inbound message it came as, or NULL */
	size_t		 ntxn_ids;
	char		 created_at[24];
	int64_t		 cursor_us;
};

/* Insert m (id, user_id, role, content and what applies set). *created_at gets its time. 0/-1. */
int	store_chat_insert(struct store *st, const struct chat_message *m, char created_at[24]);
/*
 * The user's message that came as inbound message channel_id, into *msg,
 * and the reply to it (NULL: none yet) into *reply. 1, 0 none, -1.
 */
int	store_chat_by_channel(struct store *st, const char *user, const char *channel_id,
	    struct chat_message *msg, const char **reply);
/* A page of the user's messages, newest first. 0/-1. */
int	store_chat_list(struct store *st, const char *user, const struct store_page *pg,
	    struct chat_message *rows, size_t *n, int *has_more);

/* A turn of the history a model reads. */
struct chat_turn_row {
	char		 role[12];
	const char	*content;
};
/* The user's turns before message skip, newest first, at most max. 0/-1. */
int	store_chat_recent(struct store *st, const char *user, const char *skip,
	    struct chat_turn_row *rows, size_t max, size_t *n);

#endif
