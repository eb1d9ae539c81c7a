/* h_chat.h: chat with the coach, and AI usage (DESIGN §4 Chat, §5). */
#ifndef OZ_H_CHAT_H
#define OZ_H_CHAT_H

struct oz_app;
struct oz_req;

int	h_chat_post(struct oz_app *app, struct oz_req *r);
int	h_chat_list(struct oz_app *app, struct oz_req *r);
int	h_usage(struct oz_app *app, struct oz_req *r);

#endif
