/*
 * store_txn.h: transactions, and the categories a user taught by correcting
 * one (category_rules).
 */
#ifndef OZ_STORE_TXN_H
#define OZ_STORE_TXN_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

struct txn {
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	int64_t		 amount_cents;		/* minor units of currency, > 0 */
	char		 currency[4];
	char		 category[16];
	const char	*description;		/* may be "" */
	const char	*merchant;		/* NULL: none known */
	const char	*merchant_key;		/* what a correction teaches about; may be "" */
	char		 transaction_date[11];
	char		 source[20];
	int		 confidence;		/* ai_confidence in thousandths (0..1000) */
	char		 categorized_by[8];	/* rules | ai | user */
	const char	*import_id;		/* NULL: none */
	char		 kind[24];		/* spending | income | refund | transfer | … */
	char		 subcategory[24];	/* "" when none */
	const char	*external_id;		/* the sender's own id, NULL: none */
	char		 created_at[24];
	int64_t		 cursor_us;
	int		 existing;		/* insert: already stored under external_id */
};

/* Filters of a list; NULL: any. */
struct txn_filter {
	const char	*from, *to;		/* transaction_date range, inclusive */
	const char	*category;
	const char	*source;
	const char	*kind;
	const char	*subcategory;
	const char	*external_id;
};

/* A change; has_<f> says whether f is part of it. */
struct txn_fields {
	const char	*category;		/* from the user: final (categorized_by user) */
	const char	*description;
	const char	*merchant;		/* with a new description: what it names */
	const char	*merchant_key;
	const char	*transaction_date;
	const char	*kind;			/* from the user, as category */
	const char	*subcategory;		/* NULL with has_subcategory: none */
	int64_t		 amount_cents;
	int		 has_category, has_description, has_amount, has_date;
	int		 has_kind, has_subcategory;
};

/* What a user taught for a merchant key by correcting one of its transactions. */
struct txn_rule {
	const char	*merchant_key;
	char		 category[16];
	char		 subcategory[24];	/* "" when none taught */
	char		 kind[24];		/* "" when none taught */
};

/* A transaction already logged, as duplicate detection sees it (store_txn_seen). */
struct txn_seen {
	char		 date[11];
	int64_t		 amount_cents;
	const char	*description;
	const char	*external_id;		/* NULL: none */
	char		 kind[24];
};

/*
 * The user's transactions dated from..to (inclusive), every one, into
 * *rows (pool memory, *n of them). 0/-1.
 */
int	store_txn_seen(struct store *st, const char *user, const char *from, const char *to,
	    struct txn_seen **rows, size_t *n);
/*
 * The ids of the transactions an import made that may have moved a goal
 * (debt payments, savings contributions), into *ids (pool, *n). 0/-1.
 */
int	store_txn_import_movers(struct store *st, const char *user, const char *import_id,
	    const char ***ids, size_t *n);

/* Insert t (every field set by the caller but created_at). 0 and *out, or -1. */
int	store_txn_insert(struct store *st, const struct txn *t, struct txn *out);
/*
 * Insert t for the user "user" names (an id or "external:ID"), in one
 * statement: the user's currency when t->currency is "", and with taught
 * set, the category (and subcategory and kind, when taught) the user taught
 * for t->merchant_key (confidence 0.95) over t's. A t->external_id the user
 * already has inserts nothing: *out is the stored transaction, existing set.
 * 1 and *out; 0 when there is no such user; -1.
 */
int	store_txn_insert_for(struct store *st, const char *user, const struct txn *t,
	    int taught, struct txn *out);
/*
 * Insert n transactions (set as for store_txn_insert_for, source aside)
 * for the user whose id user is, in one statement; taught[i] as taught
 * there. A transaction whose external_id the user already has is not
 * inserted. The inserted ones into out (room for n), *nout of them, in no
 * particular order. 0/-1.
 */
int	store_txn_insert_many(struct store *st, const char *user, const char *source,
	    const struct txn *t, const int *taught, size_t n, struct txn *out, size_t *nout);
/*
 * Reads take the user as an id or "external:ID" (STORE_USER): an empty
 * answer then says nothing of whether the user exists.
 */
int	store_txn_get(struct store *st, const char *user, const char *id, struct txn *out);
int	store_txn_list(struct store *st, const char *user, const struct txn_filter *f,
	    const struct store_page *pg, struct txn *rows, size_t *n, int *has_more);
/* Apply f. 1 and *out, 0 no such transaction, -1. */
int	store_txn_update(struct store *st, const char *user, const char *id,
	    const struct txn_fields *f, struct txn *out);
int	store_txn_delete(struct store *st, const char *user, const char *id);
/* The user's taught rules, newest first, at most max. 0/-1. */
int	store_txn_rules(struct store *st, const char *user, struct txn_rule *rows, size_t max,
	    size_t *n);
/*
 * Teach: merchant_key is category from now on, for user, with subcategory
 * and kind when not NULL (NULL: none taught). 0/-1.
 */
int	store_txn_teach(struct store *st, const char *user, const char *merchant_key,
	    const char *category, const char *subcategory, const char *kind);

/* Spending of one category in a window (store_txn_spending). */
struct txn_sum {
	char		 category[16];
	int64_t		 cents;
	int64_t		 count;
};
/*
 * The user's spending in currency between from and to (inclusive), per
 * category, at most max rows, largest first, and the income as category
 * "income": spending and fees count, refunds count against their category,
 * transfers, debt payments and savings contributions do not count at all.
 * *first_date gets the earliest transaction_date among them ("" when there
 * is none). With category set, only that category and income. 0/-1.
 */
int	store_txn_spending(struct store *st, const char *user, const char *currency,
	    const char *from, const char *to, const char *category, struct txn_sum *rows,
	    size_t max, size_t *n, char first_date[11]);

/*
 * An aggregate of the user's money (store_txn_aggregate): between from and
 * to (inclusive, required), in the user's currency, of one kind:
 * "spending" (the default: spending and fees, less refunds), "income", or
 * any other kind by name; filtered by category, subcategory and merchant (a
 * canonical name, case-insensitive, or a merchant key) when not NULL; grouped
 * by group_by, then by then_by: "category", "subcategory", "merchant",
 * "month" (YYYY-MM), "week" (its Monday, YYYY-MM-DD), "kind" or NULL (one
 * total row, key "").
 */
struct txn_agg_q {
	const char	*from, *to;
	const char	*kind;
	const char	*category, *subcategory, *merchant, *merchant_key;
	const char	*group_by, *then_by;
};
struct txn_agg {
	char		 key[64];		/* "" for no group (or no subcategory/merchant) */
	char		 key2[64];
	int64_t		 cents;			/* may be negative: refunds above spending */
	int64_t		 count;			/* transactions (refunds included) */
};
/*
 * Up to max groups, largest amount first for categories, subcategories,
 * merchants and kinds, in time order for months and weeks. 0/-1.
 */
int	store_txn_aggregate(struct store *st, const char *user, const char *currency,
	    const struct txn_agg_q *q, struct txn_agg *rows, size_t max, size_t *n);

/* What a search of the user's transactions asks (store_txn_find). */
struct txn_query {
	const char	*from, *to;		/* NULL: open */
	const char	*category;		/* NULL: any */
	const char	*kind;			/* "spending" (spending, fees, refunds) | "income" | "all" | a kind */
	const char	*subcategory;		/* NULL: any */
	const char	*merchant_key;		/* NULL: any */
	const char	*search;		/* words in description or merchant, or NULL */
};
/* Up to max transactions matching q, by transaction_date, newest first. 0/-1. */
int	store_txn_find(struct store *st, const char *user, const struct txn_query *q,
	    struct txn *rows, size_t max, size_t *n);

#endif
