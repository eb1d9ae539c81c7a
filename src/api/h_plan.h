/* h_plan.h: plans from the finance engine (DESIGN §4). */
#ifndef OZ_H_PLAN_H
#define OZ_H_PLAN_H

struct oz_app;
struct oz_req;

int	h_plan_create(struct oz_app *app, struct oz_req *r);
int	h_plan_latest(struct oz_app *app, struct oz_req *r);
int	h_plan_history(struct oz_app *app, struct oz_req *r);

#endif
