/*
 * coach.h: the built-in coach (ai_provider = local). Deterministic, no
 * network: it understands the common questions in English, Portuguese and
 * Spanish and answers with the user's real numbers, which it reads as typed
 * facts (facts.h), the same facts a model reads through its tools.
 */
#ifndef OZ_COACH_H
#define OZ_COACH_H

#include <stddef.h>

struct buf;
struct facts_src;
struct fact_txn;

struct coach_class {
	char	emotion[16];	/* encouraging|neutral|cautious|celebratory */
	char	topic[16];	/* savings|spending|goals|debt|general */
	char	intent[24];	/* progress_check|advice_request|transaction_log|
				   goal_update|emotional_support */
};

/* One turn of a conversation. */
struct coach_turn {
	const char		*language;	/* "en" | "pt" | "es" */
	const char		*currency;	/* the user's, ISO 4217 */
	const char		*today;		/* "YYYY-MM-DD" */
	const char		*message;	/* as the user sent it */
	const struct facts_src	*facts;		/* the user's data; NULL: none */
	const struct fact_txn	*logged;	/* transactions this message created */
	size_t			 nlogged;
	/* Streaming: called with each sentence as the reply is sent; NULL: none. */
	int			(*delta)(void *ctx, const char *text, size_t len);
	void			*delta_ctx;
};

struct coach_reply {
	struct buf		*reply;		/* the text, replaced (the caller's buffer) */
	char			 emotion[16];
	char			 topic[16];
	char			 intent[24];
	int			 facts_read;	/* facts asked of the source */
	int			 facts_failed;	/* of those, unreadable */
	int			 streamed;	/* text went out through delta */
	int			 fallback;	/* the message was not understood */
};

/* Answer t->message from t->facts and t->logged into out. 0, or -1 on OOM. */
int	coach_answer(const struct coach_turn *t, struct coach_reply *out);
/* Classify a message (any language) for the reply's emotion, topic and intent. */
void	coach_classify(const char *message, struct coach_class *out);
/*
 * 1 if the message tries to steer the coach: ignore or reveal its
 * instructions/prompt, act as another system, or reach another user's data.
 */
int	coach_is_injection(const char *message);
/* The polite refusal for such a message, in language (static text). */
const char *coach_refusal(const char *language);
/*
 * 1 if the message logs money: spending or income with a verb ("spent 12 on
 * lunch", "gastei 45 no mercado", "got paid 2000"), savings, a debt paid or
 * a transfer ("I moved 200 to my fund", "paguei a fatura 1.500"), or a note
 * without a verb of something the categoriser knows ("almoço 32 reais
 * ontem", "coffee 4.75", "taxi 14 ayer"): the chat then runs the text
 * parser on it and creates the transactions.
 */
int	coach_is_spending_log(const char *message);
/*
 * The kind of transaction the words of a log say ("savings_contribution",
 * "debt_payment", "transfer"; static text), or NULL when they do not (the
 * categoriser decides).
 */
const char *coach_log_kind(const char *message);

#endif
