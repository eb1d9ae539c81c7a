/* h_users.h: the users resource (DESIGN §4). */
#ifndef OZ_H_USERS_H
#define OZ_H_USERS_H

struct json_object;
struct oz_app;
struct oz_req;
struct user;

/* A user as the API shows it (a new object). */
struct json_object *user_json(const struct user *u);

int	h_users_create(struct oz_app *app, struct oz_req *r);
int	h_users_list(struct oz_app *app, struct oz_req *r);
int	h_users_get(struct oz_app *app, struct oz_req *r);
int	h_users_update(struct oz_app *app, struct oz_req *r);
int	h_users_delete(struct oz_app *app, struct oz_req *r);

#endif
