/*
 * coach_local.h: the built-in coach (ai_provider = local). Deterministic, no
 * network: it understands the common questions in English, Portuguese and
 * Spanish and answers with the user's real numbers, which it reads through
 * the same read-only tools a model would use (ai.h).
 */
#ifndef OZ_COACH_LOCAL_H
#define OZ_COACH_LOCAL_H

#include "ai.h"

struct coach_class {
	char	emotion[16];	/* encouraging|neutral|cautious|celebratory */
	char	topic[16];	/* savings|spending|goals|debt|general */
	char	intent[24];	/* progress_check|advice_request|transaction_log|
				   goal_update|emotional_support */
};

/*
 * Answer c->message in c->language from the user's data (through c->tool)
 * and c->logged; streams through c->delta when set. Fills res->reply,
 * emotion, topic, intent and provider "local". 0, or -1 on OOM.
 */
int	coach_local_chat(const struct ai_chat *c, struct ai_result *res);
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
 * 1 if the message logs spending or income ("spent 12 on lunch", "gastei 45
 * no mercado", "gasté 8 en café", "paid 30 for gas", "got paid 2000"): the
 * chat handler then runs the text parser on it and creates the transactions.
 */
int	coach_is_spending_log(const char *message);

#endif
