/* h_chat.h: chat with the coach, and AI usage (DESIGN §4 Chat, §5; issue 7). */
#ifndef OZ_H_CHAT_H
#define OZ_H_CHAT_H

struct ai_result;
struct ai_settings;
struct oz_app;
struct oz_req;

#define CHAT_MESSAGE_MAX	2000	/* characters of a user's message */
#define CHAT_HISTORY_TURNS	20	/* earlier turns a model may see ... */
#define CHAT_HISTORY_BYTES	8000	/* ... within about 2,000 tokens */

int	h_chat_post(struct oz_app *app, struct oz_req *r);
int	h_chat_list(struct oz_app *app, struct oz_req *r);
int	h_usage(struct oz_app *app, struct oz_req *r);

/* The provider settings of app's configuration. */
void	chat_settings(const struct oz_app *app, struct ai_settings *s);
/*
 * Add one answer's AI usage to r's client's row of today (provider, model,
 * requests, fallbacks, tokens). 0/-1 (logged; usage never fails a request).
 */
int	chat_record_usage(struct oz_app *app, struct oz_req *r, const struct ai_settings *s,
	    const struct ai_result *res);

#endif
