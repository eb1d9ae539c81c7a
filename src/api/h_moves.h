/* h_moves.h: money moves, cycles of do / learn / mind tasks (DESIGN §4). */
#ifndef OZ_H_MOVES_H
#define OZ_H_MOVES_H

struct json_object;
struct move_cycle;
struct oz_app;
struct oz_req;

/* A cycle as the API shows it, tasks included (a new object). */
struct json_object *money_move_json(const struct move_cycle *c);

int	h_moves_generate(struct oz_app *app, struct oz_req *r);
int	h_moves_list(struct oz_app *app, struct oz_req *r);
int	h_moves_get(struct oz_app *app, struct oz_req *r);
int	h_moves_update(struct oz_app *app, struct oz_req *r);
int	h_moves_task_update(struct oz_app *app, struct oz_req *r);

#endif
