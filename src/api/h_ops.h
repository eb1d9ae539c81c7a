/* h_ops.h: operations endpoints, without authentication. */
#ifndef OZ_H_OPS_H
#define OZ_H_OPS_H

struct oz_app;
struct oz_req;

/* GET /health: the process is up; touches no database. */
int	h_health(struct oz_app *app, struct oz_req *r);
/* GET /ready: the database answers and is migrated to this build's version. */
int	h_ready(struct oz_app *app, struct oz_req *r);

#endif
