/* h_intake.h: monthly financial intakes (DESIGN §4). */
#ifndef OZ_H_INTAKE_H
#define OZ_H_INTAKE_H

struct oz_app;
struct oz_req;

int	h_intake_create(struct oz_app *app, struct oz_req *r);
int	h_intake_latest(struct oz_app *app, struct oz_req *r);
int	h_intake_history(struct oz_app *app, struct oz_req *r);

#endif
