/* h_hooks.h: outbound webhook endpoints and their deliveries (DESIGN §4.4). */
#ifndef OZ_H_HOOKS_H
#define OZ_H_HOOKS_H

struct oz_app;
struct oz_req;

/* POST /v1/webhook-endpoints: a new endpoint, with its signing secret (shown once). */
int	h_hooks_create(struct oz_app *app, struct oz_req *r);
/* GET /v1/webhook-endpoints: the client's endpoints, in pages. */
int	h_hooks_list(struct oz_app *app, struct oz_req *r);
/* GET /v1/webhook-endpoints/{endpoint_id} */
int	h_hooks_get(struct oz_app *app, struct oz_req *r);
/* PATCH /v1/webhook-endpoints/{endpoint_id}: url, events, description, enabled. */
int	h_hooks_update(struct oz_app *app, struct oz_req *r);
/* DELETE /v1/webhook-endpoints/{endpoint_id} */
int	h_hooks_delete(struct oz_app *app, struct oz_req *r);
/* GET /v1/webhook-endpoints/{endpoint_id}/deliveries: attempts, in pages. */
int	h_hooks_deliveries(struct oz_app *app, struct oz_req *r);

#endif
