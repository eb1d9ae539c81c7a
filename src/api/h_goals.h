/* h_goals.h: a user's goals; one active primary goal (DESIGN §4). */
#ifndef OZ_H_GOALS_H
#define OZ_H_GOALS_H

struct oz_app;
struct oz_req;

int	h_goals_create(struct oz_app *app, struct oz_req *r);
int	h_goals_list(struct oz_app *app, struct oz_req *r);
int	h_goals_get(struct oz_app *app, struct oz_req *r);
int	h_goals_update(struct oz_app *app, struct oz_req *r);
int	h_goals_delete(struct oz_app *app, struct oz_req *r);
/* What moved a goal: done tasks and logged transactions, newest first. */
int	h_goals_contributions(struct oz_app *app, struct oz_req *r);

#endif
