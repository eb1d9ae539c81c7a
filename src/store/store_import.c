/* store_import.c: the imports table (store_import.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_import.h"

#define IMPORT_COLUMNS(X) \
	X(I_CLIENT, "client_id") \
	X(I_ID, "id") \
	X(I_USER, "user_id") \
	X(I_STATUS, "status") \
	X(I_KIND, "kind") \
	X(I_FORMAT, "format") \
	X(I_FILE, "file_name") \
	X(I_SHA, "sha256") \
	X(I_SOURCE, "source") \
	X(I_CREATED_N, "transactions_created::text") \
	X(I_DUPS, "duplicates_skipped::text") \
	X(I_REJECTED, "rows_rejected::text") \
	X(I_RECEIPT, "receipt::text") \
	X(I_ECODE, "error_code") \
	X(I_ERROR, "error") \
	X(I_DONE, STORE_US("completed_at")) \
	X(I_CREATED, STORE_US("created_at"))

enum { IMPORT_COLUMNS(STORE_COL_ENUM) I_NCOLS };
#define IMPORT_COLS IMPORT_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt import_insert = { "import_insert",
	"INSERT INTO imports (client_id, id, user_id, status, format, file_name, sha256,"
	" source, error_code, error, document, completed_at) VALUES ($1, $2, $3, $4, $5,"
	" $6, $7, $8, $9, $10, $11, CASE WHEN $4 IN ('completed', 'failed')"
	" THEN clock_timestamp() END)", 0, 0 };
static struct db_stmt import_finish = { "import_finish",
	"UPDATE imports SET status = $4, kind = $5, format = $6,"
	" transactions_created = $7::integer, duplicates_skipped = $8::integer,"
	" rows_rejected = coalesce($9::jsonb, '[]'), receipt = $10::jsonb, error_code = $11,"
	" error = $12, document = NULL, completed_at = clock_timestamp()"
	" WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING " IMPORT_COLS, 0, 0 };
static struct db_stmt import_get = { "import_get",
	"SELECT " IMPORT_COLS " FROM imports WHERE client_id = $1 AND user_id = "
	STORE_USER("$2") " AND id = $3", 1, 0 };
static struct db_stmt import_list = { "import_list",
	"SELECT " IMPORT_COLS " FROM imports WHERE client_id = $1 AND user_id = "
	STORE_USER("$2") " AND " STORE_BEFORE("created_at", "id", "$3", "$4")
	" ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1, 0 };
static struct db_stmt import_delete = { "import_delete",
	"DELETE FROM imports WHERE client_id = $1 AND user_id = $2 AND id = $3", 0, 0 };
static struct db_stmt import_lock = { "import_lock",
	"SELECT pg_advisory_xact_lock(hashtextextended('ozzie-import:' || $1 || ':' || $2, 0))",
	0, 0 };
static struct db_stmt import_take = { "import_take",
	"WITH next AS (SELECT client_id AS c, id AS n FROM imports WHERE status = 'queued'"
	" OR (status = 'processing' AND started_at < clock_timestamp() - interval '15 minutes')"
	" ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
	" UPDATE imports i SET status = 'processing', started_at = clock_timestamp()"
	" FROM next WHERE i.client_id = next.c AND i.id = next.n"
	" RETURNING " IMPORT_COLS ", i.document", 0, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct import_rec *r = out;

	memset(r, 0, sizeof(*r));
	store_copy(r->client_id, sizeof(r->client_id), res, row, I_CLIENT);
	store_copy(r->id, sizeof(r->id), res, row, I_ID);
	store_copy(r->user_id, sizeof(r->user_id), res, row, I_USER);
	store_copy(r->status, sizeof(r->status), res, row, I_STATUS);
	store_copy(r->kind, sizeof(r->kind), res, row, I_KIND);
	store_copy(r->format, sizeof(r->format), res, row, I_FORMAT);
	r->file_name = store_text(st, res, row, I_FILE);
	store_copy(r->sha256, sizeof(r->sha256), res, row, I_SHA);
	store_copy(r->source, sizeof(r->source), res, row, I_SOURCE);
	r->transactions_created = store_i64(res, row, I_CREATED_N);
	r->duplicates_skipped = store_i64(res, row, I_DUPS);
	r->rows_rejected = store_text(st, res, row, I_REJECTED);
	r->receipt = store_text(st, res, row, I_RECEIPT);
	r->error_code = store_text(st, res, row, I_ECODE);
	r->error = store_text(st, res, row, I_ERROR);
	store_ts(r->completed_at, sizeof(r->completed_at), res, row, I_DONE);
	store_ts(r->created_at, sizeof(r->created_at), res, row, I_CREATED);
	r->cursor_us = store_i64(res, row, I_CREATED);
	return r->rows_rejected == NULL ? -1 : 0;
}

int
store_import_insert(struct store *st, const struct import_rec *rec, const char *document)
{
	const char *params[11] = { st->client, rec->id, rec->user_id, rec->status, rec->format,
	    rec->file_name, rec->sha256, rec->source, rec->error_code, rec->error, document };

	return store_exec(st, &import_insert, 11, params, NULL);
}

int
store_import_finish(struct store *st, const struct import_rec *rec, struct import_rec *out)
{
	const char *params[12] = { st->client, rec->user_id, rec->id, rec->status,
	    rec->kind[0] ? rec->kind : NULL, rec->format,
	    store_int_param(st, rec->transactions_created),
	    store_int_param(st, rec->duplicates_skipped), rec->rows_rejected, rec->receipt,
	    rec->error_code, rec->error };

	return store_one(st, &import_finish, 12, params, decode, out);
}

int
store_import_get(struct store *st, const char *user, const char *id, struct import_rec *out)
{
	const char *params[3] = { st->client, user, id };

	return store_one(st, &import_get, 3, params, decode, out);
}

int
store_import_list(struct store *st, const char *user, const struct store_page *pg,
    struct import_rec *rows, size_t *n, int *has_more)
{
	const char *filter[1] = { user };

	return store_list(st, &import_list, filter, 1, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_import_delete(struct store *st, const char *user, const char *id)
{
	const char *params[3] = { st->client, user, id };
	int	 rows = 0;

	if (store_exec(st, &import_delete, 3, params, &rows) == -1)
		return -1;
	return rows > 0;
}

int
store_import_lock_user(struct store *st, const char *user)
{
	const char *params[2] = { st->client, user };

	return store_exec(st, &import_lock, 2, params, NULL);
}

/* decode, and the document after the columns. */
static int
decode_taken(struct store *st, PGresult *res, int row, void *out)
{
	void	**slots = out;

	if (decode(st, res, row, slots[0]) == -1)
		return -1;
	*(const char **)slots[1] = store_text(st, res, row, I_NCOLS + 1);
	return *(const char **)slots[1] == NULL ? -1 : 0;
}

int
store_import_take(struct store *st, struct import_rec *out, const char **document)
{
	void	*slots[2] = { out, (void *)document };

	*document = NULL;
	return store_one(st, &import_take, 0, NULL, decode_taken, slots);
}
