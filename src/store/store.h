/*
 * store.h: what every store module shares. A store module is the only place
 * that knows a table: its SQL text, its column order (one X-macro list that
 * makes both the SELECT list and the enum of positions) and the decoding of
 * a row into a struct. Callers see typed calls on a struct store, never a
 * PGresult and never a positional parameter array.
 *
 * A read of a user's rows (a get, a list) takes the user as an Ozzie id or as
 * "external:ID" (STORE_USER): an empty answer then does not say whether the
 * user exists, which the service asks only then. Writes take the user's id.
 *
 * Return conventions: a lookup returns 1 (found, *out filled), 0 (no such
 * row for this client) or -1 (db_fault(st->db) says why); a write returns
 * 0 or -1 the same way.
 */
#ifndef OZ_STORE_H
#define OZ_STORE_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"
#include "store/db.h"

struct pool;

/* Who asks, and where decoded text lives. Every call filters on client. */
struct store {
	struct oz_db	*db;
	struct pool	*pool;		/* decoded strings: valid until the pool resets */
	const char	*client;	/* the API client (tenant) */
};

/*
 * A timestamp as microseconds since the epoch, exactly: store_ts renders it
 * (RFC 3339 UTC) and a created_at in microseconds is also a row's cursor
 * position, so the database formats no dates. STORE_TS_TEXT is for the rare
 * timestamp the database must render itself (inside a JSON aggregate).
 */
#define STORE_US(col) "(extract(epoch FROM " col ") * 1000000)::bigint"
#define STORE_TS_TEXT(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
/*
 * The keyset condition of a newest-first list: rows strictly before the
 * cursor (tsparam, idparam), or every row when tsparam is NULL.
 */
#define STORE_BEFORE(tscol, idcol, tsparam, idparam) \
	"(" tsparam "::bigint IS NULL OR (" tscol ", " idcol ") < " \
	"(timestamptz 'epoch' + " tsparam "::bigint * interval '1 microsecond', " idparam "::text))"

/*
 * The user a statement's parameter p names: an Ozzie id as it is, or
 * "external:<external_user_id>" looked up among the client's ($1) users in
 * the same statement, so a read of a user's rows needs no round trip of its
 * own to find the user. The caller checks the shape of the reference first.
 */
#define STORE_USER(p) "(CASE WHEN left(" p "::text, 9) = 'external:' THEN (SELECT u.id" \
	" FROM users u WHERE u.client_id = $1 AND u.external_user_id = substr(" p "::text, 10))" \
	" ELSE " p "::text END)"

/* The X-macro helpers: a column list makes the enum and the SELECT text. */
#define STORE_COL_ENUM(name, sql)	name,
#define STORE_COL_SQL(name, sql)	sql ", "

/* A page of a newest-first list: where to continue, and how many rows. */
struct store_page {
	int64_t	 limit;			/* 1..50 */
	int	 has_after;		/* 0: the first page */
	int64_t	 after_us;		/* the last row seen: its cursor position */
	char	 after_id[OZ_ID_MAX];	/* ... and its id */
};

/* Decodes row of res into the item at out. 0/-1. */
typedef int (*store_decode_fn)(struct store *st, PGresult *res, int row, void *out);

/*
 * Run a list statement whose parameters are $1 client, then the nfilter
 * filter values, then the cursor position (microseconds, id) and the limit:
 * it asks for limit + 1 rows so *has_more says whether another page follows.
 * Up to limit rows are decoded into items (an array of item_size elements
 * with room for pg->limit), *n gets how many. 0/-1.
 */
int	store_list(struct store *st, struct db_stmt *stmt, const char *const *filter,
	    int nfilter, const struct store_page *pg, store_decode_fn decode, void *items,
	    size_t item_size, size_t *n, int *has_more);

/* Run stmt and decode its one row, if any, into out: 1, 0 (no row) or -1. */
int	store_one(struct store *st, struct db_stmt *stmt, int nparams,
	    const char *const *params, store_decode_fn decode, void *out);

/* Run stmt and decode up to max rows into items (item_size each); *n rows. 0/-1. */
int	store_rows(struct store *st, struct db_stmt *stmt, int nparams,
	    const char *const *params, store_decode_fn decode, void *items, size_t item_size,
	    size_t max, size_t *n);

/* Column decoders, for store modules only. */
/* The text of a column copied into the pool, or NULL for SQL NULL (or OOM). */
const char *store_text(struct store *st, PGresult *res, int row, int col);
/* The text of a column into dst (at most n - 1 bytes); "" for SQL NULL. */
void	store_copy(char *dst, size_t n, PGresult *res, int row, int col);
/* A STORE_US column as "2026-11-24T20:14:04Z" into dst; "" for NULL. */
void	store_ts(char *dst, size_t n, PGresult *res, int row, int col);
/* An integer column (0 for NULL or anything unreadable). */
int64_t	store_i64(PGresult *res, int row, int col);
/* A boolean column: 1 for 't'. */
int	store_bool(PGresult *res, int row, int col);
/*
 * A numeric(…, 2) column as hundredths (1234.50 -> 123450); *is_null set
 * when non-NULL. 0 for NULL.
 */
int64_t	store_hundredths(PGresult *res, int row, int col, int *is_null);
/* Hundredths as the exact decimal text of a numeric parameter, in the pool. */
const char *store_money_param(struct store *st, int64_t hundredths);
/* An integer as the text of a parameter, in the pool. */
const char *store_int_param(struct store *st, int64_t v);
/*
 * n values (NULL: SQL NULL) as the text of a one-dimensional array
 * parameter ('{"a","b\\"c",NULL}'), in the pool; NULL on OOM.
 */
const char *store_array_param(struct store *st, const char *const *vals, size_t n);
/* Run stmt and keep only whether it worked (and how many rows it touched). */
int	store_exec(struct store *st, struct db_stmt *stmt, int nparams,
	    const char *const *params, int *rows);

#endif
