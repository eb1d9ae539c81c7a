/* h_transactions.h: transactions from JSON and text; categories (DESIGN §4). */
#ifndef OZ_H_TRANSACTIONS_H
#define OZ_H_TRANSACTIONS_H

struct json_object;
struct oz_app;
struct oz_req;
struct txn;

/* A transaction as the API shows it (a new object). */
struct json_object *txn_json(const struct txn *t);

int	h_txn_create(struct oz_app *app, struct oz_req *r);
int	h_txn_list(struct oz_app *app, struct oz_req *r);
int	h_txn_get(struct oz_app *app, struct oz_req *r);
int	h_txn_update(struct oz_app *app, struct oz_req *r);
int	h_txn_delete(struct oz_app *app, struct oz_req *r);
int	h_categories(struct oz_app *app, struct oz_req *r);

#endif
