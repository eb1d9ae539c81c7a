/* h_transactions.h: transactions from JSON and text; categories (DESIGN §4). */
#ifndef OZ_H_TRANSACTIONS_H
#define OZ_H_TRANSACTIONS_H

struct json_object;
struct oz_app;
struct oz_req;
struct user_ref;

#define TXN_BATCH_MAX	500
#define TXN_TEXT_MAX	4000	/* characters of a text submission */

/*
 * Parse text as a text submission would and store its transactions for u
 * with source, inside the caller's database transaction; each one created is
 * appended to out as the API shows it. 0, or -1 with r->err set
 * (UNPROCESSABLE_DOCUMENT when the text holds no amount).
 */
int	txn_store_text(struct oz_app *app, struct oz_req *r, const struct user_ref *u,
	    const char *text, const char *source, struct json_object *out);
int	h_txn_create(struct oz_app *app, struct oz_req *r);
int	h_txn_list(struct oz_app *app, struct oz_req *r);
int	h_txn_get(struct oz_app *app, struct oz_req *r);
int	h_txn_update(struct oz_app *app, struct oz_req *r);
int	h_txn_delete(struct oz_app *app, struct oz_req *r);
int	h_categories(struct oz_app *app, struct oz_req *r);

#endif
