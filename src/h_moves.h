/* h_moves.h: money moves, cycles of do / learn / mind tasks (DESIGN §4). */
#ifndef OZ_H_MOVES_H
#define OZ_H_MOVES_H

#include <libpq-fe.h>

struct json_object;
struct oz_app;
struct oz_req;

/* Task points (DESIGN §4) and the bonus of a user's first completed task. */
#define POINTS_DO		50
#define POINTS_LEARN		10
#define POINTS_MIND		10
#define POINTS_FIRST_BONUS	150

/* A cycle row (db.c MM_COLS) as the API shows it, tasks included; NULL on a bad row. */
struct json_object *money_move_json(PGresult *res, int row);

int	h_moves_generate(struct oz_app *app, struct oz_req *r);
int	h_moves_list(struct oz_app *app, struct oz_req *r);
int	h_moves_get(struct oz_app *app, struct oz_req *r);
int	h_moves_update(struct oz_app *app, struct oz_req *r);
int	h_moves_task_update(struct oz_app *app, struct oz_req *r);

#endif
