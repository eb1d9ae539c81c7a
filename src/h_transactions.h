/* h_transactions.h: transactions from JSON and text; categories (DESIGN §4). */
#ifndef OZ_H_TRANSACTIONS_H
#define OZ_H_TRANSACTIONS_H

struct oz_app;
struct oz_req;

#define TXN_BATCH_MAX	500
#define TXN_TEXT_MAX	4000	/* characters of a text submission */

int	h_txn_create(struct oz_app *app, struct oz_req *r);
int	h_txn_list(struct oz_app *app, struct oz_req *r);
int	h_txn_get(struct oz_app *app, struct oz_req *r);
int	h_txn_update(struct oz_app *app, struct oz_req *r);
int	h_txn_delete(struct oz_app *app, struct oz_req *r);
int	h_categories(struct oz_app *app, struct oz_req *r);

#endif
