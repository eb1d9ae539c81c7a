/*
 * store_import.h: the imports table (sql/013_imports.sql): one row per
 * document a user sent, its outcome, and the queue of documents sent with
 * "Prefer: respond-async".
 */
#ifndef OZ_STORE_IMPORT_H
#define OZ_STORE_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/oz_limits.h"

struct store;
struct store_page;

struct import_rec {
	char		 client_id[OZ_ID_MAX];	/* whose (the queue reads every client's) */
	char		 id[OZ_ID_MAX];
	char		 user_id[OZ_ID_MAX];
	char		 status[12];		/* queued | processing | completed | failed */
	char		 kind[12];		/* receipt | statement | spreadsheet, "" unknown */
	char		 format[12];		/* jpeg, pdf, csv, …, "unknown" */
	const char	*file_name;		/* NULL: none given */
	char		 sha256[65];
	char		 source[20];		/* api_image | api_pdf | api_spreadsheet | … */
	int64_t		 transactions_created;
	int64_t		 duplicates_skipped;
	const char	*rows_rejected;		/* JSON array text, never NULL once read */
	const char	*receipt;		/* JSON object text, NULL: none */
	const char	*error_code;		/* failed: the contract's code */
	const char	*error;			/* failed: the message */
	char		 created_at[24];
	char		 completed_at[24];	/* "" until it ends */
	int64_t		 cursor_us;
};

/*
 * Insert rec (client, id, user_id, status, format, file_name, sha256,
 * source; and with status failed, error_code and error) for the user whose
 * id rec->user_id is; document (base64) only for a queued import. 0/-1.
 */
int	store_import_insert(struct store *st, const struct import_rec *rec,
	    const char *document);
/*
 * End an import: status (completed | failed), kind, format, counts,
 * rows_rejected, receipt, error_code, error as in rec; the document goes.
 * 1 and *out, 0 when there is no such import, -1.
 */
int	store_import_finish(struct store *st, const struct import_rec *rec,
	    struct import_rec *out);
/* Reads take the user as an id or "external:ID" (STORE_USER). 1, 0, -1. */
int	store_import_get(struct store *st, const char *user, const char *id,
	    struct import_rec *out);
int	store_import_list(struct store *st, const char *user, const struct store_page *pg,
	    struct import_rec *rows, size_t *n, int *has_more);
/* Delete an import (its transactions go with it: the caller undoes their goal moves first). 1, 0, -1. */
int	store_import_delete(struct store *st, const char *user, const char *id);
/*
 * Serialise the imports of one user until the end of the caller's
 * transaction, so two imports of the same file never both find it new. 0/-1.
 */
int	store_import_lock_user(struct store *st, const char *user);
/*
 * Take the oldest queued import of any client (or one left processing for
 * 15 minutes by a worker that went away), marking it processing: 1 with
 * *out (its client_id set) and *document (base64, pool), 0 when none
 * waits, -1. Runs outside the caller's client: the queue is everyone's.
 */
int	store_import_take(struct store *st, struct import_rec *out, const char **document);

#endif
