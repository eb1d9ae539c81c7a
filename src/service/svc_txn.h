/*
 * svc_txn.h: logging a user's transactions, from structured records or from
 * what the user wrote, each categorised (the user's own corrections first,
 * then the rules-as-data categoriser); corrections that teach; the list.
 */
#ifndef OZ_SVC_TXN_H
#define OZ_SVC_TXN_H

#include <stddef.h>
#include <stdint.h>

#include "store/store_txn.h"

struct store_page;
struct svc;
struct user;

#define TXN_BATCH_MAX	500	/* records in one batch */
#define TXN_TEXT_MAX	4000	/* characters of a text submission */

/* One transaction to record, from any kind of submission. */
struct txn_in {
	int64_t		 amount_cents;
	const char	*currency;	/* NULL: the user's */
	const char	*category;	/* from the client (final), or NULL: categorise */
	const char	*kind;		/* from the client (final), or NULL: categorise */
	const char	*subcategory;	/* from the client (final, of category), or NULL */
	const char	*description;	/* NULL: "" */
	const char	*date;		/* NULL: today (UTC) */
	const char	*external_id;	/* the sender's id (unique per user), or NULL */
	const char	*import_id;	/* the import it comes from, or NULL */
	int		 confidence;	/* thousandths: how sure the reading is (0: sure) */
	int		 is_income;
	int		 is_credit;	/* a statement's money in (is_income too): a card
					   payment or money from savings is a transfer */
};

/*
 * Record n items (1..TXN_BATCH_MAX) for the user ref names (created on
 * first use) with source, all or nothing; out has room for n. An item whose
 * external_id the user already has is not recorded again: its out is the
 * stored one, with existing set. A client's kind and category must agree
 * (income goes with income: VALIDATION_ERROR otherwise). A debt payment or
 * savings contribution moves a goal (svc_contrib.h), in the same database
 * transaction. 0/-1.
 */
int	svc_txn_record(struct svc *s, const char *ref, const struct txn_in *items, size_t n,
	    const char *source, struct txn *out);
/*
 * Record n items (any number) for the user whose id is user_id, inside the
 * caller's database transaction (an import's), many in one statement:
 * categorised as svc_txn_record does, goals moved in it. Items whose
 * external_id the user already has are not recorded; the recorded ones
 * into out (room for n), *nout of them, in no particular order. 0/-1 (the
 * caller rolls back).
 */
int	svc_txn_record_in_tx(struct svc *s, const char *user_id, const struct txn_in *items,
	    size_t n, const char *source, struct txn *out, size_t *nout);
/*
 * Parse text in the user's language and currency (txtparse) and record
 * what it holds, all or nothing: up to max transactions into out. -1 with
 * UNPROCESSABLE_DOCUMENT when the text holds no amount, VALIDATION_ERROR
 * (detail "content") when an amount or date cannot be right.
 */
int	svc_txn_record_text(struct svc *s, const char *ref, const char *text,
	    const char *source, struct txn *out, size_t max, size_t *n);
/*
 * svc_txn_record_text for a user already resolved, inside the caller's
 * database transaction (the chat logs with its message). A kind, when not
 * NULL, is what the words around a single item said the money is
 * ("I moved 200 to my fund"); income stays income.
 */
int	svc_txn_log_text(struct svc *s, const struct user *u, const char *text,
	    const char *kind, const char *source, struct txn *out, size_t max, size_t *n);
int	svc_txn_get(struct svc *s, const char *ref, const char *id, struct txn *out);
int	svc_txn_list(struct svc *s, const char *ref, const struct txn_filter *f,
	    const struct store_page *pg, struct txn *rows, size_t *n, int *has_more);
/*
 * Change a transaction. A corrected category, subcategory or kind is final
 * for it and teaches the user's categoriser about its merchant (a refund
 * teaches no kind: it is the transaction's story, not the merchant's); a new
 * description names a new merchant. Category "income" and kind income go
 * together: setting one sets the other, leaving income for another category
 * makes the kind spending (another kind is refused with VALIDATION_ERROR); a
 * new category without a subcategory clears the subcategory, and a
 * subcategory must refine the category (VALIDATION_ERROR, detail
 * "subcategory"). A new kind or amount takes back what the transaction
 * moved toward a goal and moves one as it now is (the same goal while it
 * may).
 */
int	svc_txn_update(struct svc *s, const char *ref, const char *id,
	    const struct txn_fields *f, struct txn *out);
/* Delete a transaction, and take back what it moved toward a goal. */
int	svc_txn_delete(struct svc *s, const char *ref, const char *id);

#endif
