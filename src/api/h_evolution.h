/* h_evolution.h: the WhatsApp integration through Evolution API (DESIGN §4.2). */
#ifndef OZ_H_EVOLUTION_H
#define OZ_H_EVOLUTION_H

struct oz_app;
struct oz_req;

/* PUT /v1/integrations/evolution: create or replace the client's integration. */
int	h_evo_put(struct oz_app *app, struct oz_req *r);
/* GET /v1/integrations/evolution: it, without its secrets. */
int	h_evo_get(struct oz_app *app, struct oz_req *r);
/* DELETE /v1/integrations/evolution. */
int	h_evo_delete(struct oz_app *app, struct oz_req *r);
/* POST /api/webhooks/evolution (and aliases): Evolution's webhook; queues the turn. */
int	h_evo_webhook(struct oz_app *app, struct oz_req *r);

#endif
