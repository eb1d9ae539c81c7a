/* store_hook.c: webhook_endpoints and webhook_deliveries (store_hook.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_hook.h"

#define HOOK_COLUMNS(X) \
	X(H_ID, "e.id") \
	X(H_URL, "e.url") \
	X(H_DESC, "e.description") \
	X(H_EVENTS, "array_to_json(e.events)::text") \
	X(H_SECRET, "encode(e.secret_enc, 'hex')") \
	X(H_ENABLED, "e.enabled") \
	X(H_REASON, "e.disabled_reason") \
	X(H_FAILING, STORE_US("e.failing_since")) \
	X(H_CREATED, STORE_US("e.created_at")) \
	X(H_UPDATED, STORE_US("e.updated_at"))

enum { HOOK_COLUMNS(STORE_COL_ENUM) H_NCOLS };
#define HOOK_COLS HOOK_COLUMNS(STORE_COL_SQL) "1"

#define DELIVERY_COLUMNS(X) \
	X(D_ID, "d.id") \
	X(D_ENDPOINT, "d.endpoint_id") \
	X(D_EVENT, "d.event_id") \
	X(D_TYPE, "d.event_type") \
	X(D_PAYLOAD, "d.payload::text") \
	X(D_STATUS, "d.status") \
	X(D_ATTEMPTS, "d.attempts") \
	X(D_CODE, "coalesce(d.response_code, 0)") \
	X(D_ERROR, "d.error") \
	X(D_CREATED, STORE_US("d.created_at")) \
	X(D_LAST, STORE_US("d.last_attempt_at")) \
	X(D_DELIVERED, STORE_US("d.delivered_at")) \
	X(D_AGE, "extract(epoch FROM clock_timestamp() - d.created_at)::bigint")

enum { DELIVERY_COLUMNS(STORE_COL_ENUM) D_NCOLS };
#define DELIVERY_COLS DELIVERY_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt hook_insert = { "hook_insert",
	"INSERT INTO webhook_endpoints AS e (client_id, id, url, description, events, secret_enc)"
	" SELECT $1, $2, $3, $4, array(SELECT json_array_elements_text($5::json)), decode($6, 'hex')"
	" RETURNING " HOOK_COLS, 0, 0 };
static struct db_stmt hook_get = { "hook_get",
	"SELECT " HOOK_COLS " FROM webhook_endpoints e WHERE e.client_id = $1 AND e.id = $2", 1, 0 };
static struct db_stmt hook_update = { "hook_update",
	"UPDATE webhook_endpoints AS e SET"
	" url = CASE WHEN $3::boolean THEN $4 ELSE e.url END,"
	" description = CASE WHEN $5::boolean THEN $6 ELSE e.description END,"
	" events = CASE WHEN $7::boolean THEN array(SELECT json_array_elements_text($8::json))"
	"  ELSE e.events END,"
	" enabled = CASE WHEN $9::boolean THEN $10::boolean ELSE e.enabled END,"
	" disabled_reason = CASE WHEN $9::boolean AND $10::boolean THEN NULL"
	"  WHEN $9::boolean AND NOT e.enabled THEN e.disabled_reason"
	"  WHEN $9::boolean THEN 'disabled by the client' ELSE e.disabled_reason END,"
	" failing_since = CASE WHEN $9::boolean AND $10::boolean THEN NULL ELSE e.failing_since END,"
	" updated_at = clock_timestamp()"
	" WHERE e.client_id = $1 AND e.id = $2 RETURNING " HOOK_COLS, 0, 0 };
static struct db_stmt hook_delete = { "hook_delete",
	"DELETE FROM webhook_endpoints WHERE client_id = $1 AND id = $2", 0, 0 };
static struct db_stmt hook_list = { "hook_list",
	"SELECT " HOOK_COLS " FROM webhook_endpoints e WHERE e.client_id = $1"
	" AND " STORE_BEFORE("e.created_at", "e.id", "$2", "$3")
	" ORDER BY e.created_at DESC, e.id DESC LIMIT $4::integer", 1, 0 };
/* One statement: no endpoint can change between the deliveries and their jobs. */
static struct db_stmt hook_fan_out = { "hook_fan_out",
	"WITH d AS (INSERT INTO webhook_deliveries (client_id, id, endpoint_id, event_id,"
	" event_type, payload) SELECT e.client_id,"
	" 'ozz_whd_' || replace(gen_random_uuid()::text, '-', ''), e.id, $2, $3, $4::jsonb"
	" FROM webhook_endpoints e WHERE e.client_id = $1 AND e.enabled AND $3 = ANY (e.events)"
	" RETURNING client_id, id)"
	" INSERT INTO jobs (kind, client_id, payload, max_attempts)"
	" SELECT $5, d.client_id, jsonb_build_object('delivery_id', d.id), $6::integer FROM d", 0, 0 };
static struct db_stmt hook_delivery = { "hook_delivery",
	"SELECT " DELIVERY_COLS ", " HOOK_COLS " FROM webhook_deliveries d"
	" JOIN webhook_endpoints e ON e.client_id = d.client_id AND e.id = d.endpoint_id"
	" WHERE d.client_id = $1 AND d.id = $2", 1, 0 };
static struct db_stmt hook_deliveries = { "hook_deliveries",
	"SELECT " DELIVERY_COLS " FROM webhook_deliveries d WHERE d.client_id = $1"
	" AND d.endpoint_id = $2"
	" AND " STORE_BEFORE("d.created_at", "d.id", "$3", "$4")
	" ORDER BY d.created_at DESC, d.id DESC LIMIT $5::integer", 1, 0 };
static struct db_stmt hook_attempt = { "hook_attempt",
	"WITH d AS (UPDATE webhook_deliveries SET status = $3, attempts = attempts + 1,"
	" response_code = nullif($4::integer, 0), error = left($5, 300),"
	" last_attempt_at = clock_timestamp(),"
	" delivered_at = CASE WHEN $3 = 'delivered' THEN clock_timestamp() END"
	" WHERE client_id = $1 AND id = $2 RETURNING endpoint_id)"
	" UPDATE webhook_endpoints e SET failing_since = CASE WHEN $3 = 'delivered' THEN NULL"
	"  ELSE coalesce(e.failing_since, clock_timestamp()) END"
	" FROM d WHERE e.client_id = $1 AND e.id = d.endpoint_id"
	" RETURNING coalesce(extract(epoch FROM clock_timestamp() - e.failing_since), 0)::bigint",
	0, 0 };
static struct db_stmt hook_disable = { "hook_disable",
	"UPDATE webhook_endpoints SET enabled = false, disabled_reason = $3,"
	" updated_at = clock_timestamp() WHERE client_id = $1 AND id = $2", 0, 0 };

static int
decode_endpoint_at(struct store *st, PGresult *res, int row, int base, struct hook_endpoint *e)
{
	memset(e, 0, sizeof(*e));
	store_copy(e->id, sizeof(e->id), res, row, base + H_ID);
	e->url = store_text(st, res, row, base + H_URL);
	e->description = store_text(st, res, row, base + H_DESC);
	e->events_json = store_text(st, res, row, base + H_EVENTS);
	e->secret_hex = store_text(st, res, row, base + H_SECRET);
	e->enabled = store_bool(res, row, base + H_ENABLED);
	e->disabled_reason = store_text(st, res, row, base + H_REASON);
	store_ts(e->failing_since, sizeof(e->failing_since), res, row, base + H_FAILING);
	store_ts(e->created_at, sizeof(e->created_at), res, row, base + H_CREATED);
	store_ts(e->updated_at, sizeof(e->updated_at), res, row, base + H_UPDATED);
	e->cursor_us = store_i64(res, row, base + H_CREATED);
	return e->url && e->events_json && e->secret_hex ? 0 : -1;
}

static int
decode_endpoint(struct store *st, PGresult *res, int row, void *out)
{
	return decode_endpoint_at(st, res, row, 0, out);
}

static int
decode_delivery(struct store *st, PGresult *res, int row, void *out)
{
	struct hook_delivery *d = out;

	memset(d, 0, sizeof(*d));
	store_copy(d->id, sizeof(d->id), res, row, D_ID);
	store_copy(d->endpoint_id, sizeof(d->endpoint_id), res, row, D_ENDPOINT);
	store_copy(d->event_id, sizeof(d->event_id), res, row, D_EVENT);
	store_copy(d->event_type, sizeof(d->event_type), res, row, D_TYPE);
	d->payload = store_text(st, res, row, D_PAYLOAD);
	store_copy(d->status, sizeof(d->status), res, row, D_STATUS);
	d->attempts = (int)store_i64(res, row, D_ATTEMPTS);
	d->response_code = (int)store_i64(res, row, D_CODE);
	d->error = store_text(st, res, row, D_ERROR);
	store_ts(d->created_at, sizeof(d->created_at), res, row, D_CREATED);
	store_ts(d->last_attempt_at, sizeof(d->last_attempt_at), res, row, D_LAST);
	store_ts(d->delivered_at, sizeof(d->delivered_at), res, row, D_DELIVERED);
	d->cursor_us = store_i64(res, row, D_CREATED);
	d->age_s = store_i64(res, row, D_AGE);
	return d->payload ? 0 : -1;
}

int
store_hook_insert(struct store *st, const char *id, const struct hook_fields *f,
    const char *secret_hex, struct hook_endpoint *out)
{
	const char *p[6] = { st->client, id, f->url, f->description, f->events_json, secret_hex };

	return store_one(st, &hook_insert, 6, p, decode_endpoint, out) == 1 ? 0 : -1;
}

int
store_hook_get(struct store *st, const char *id, struct hook_endpoint *out)
{
	const char *p[2] = { st->client, id };

	return store_one(st, &hook_get, 2, p, decode_endpoint, out);
}

int
store_hook_update(struct store *st, const char *id, const struct hook_fields *f,
    struct hook_endpoint *out)
{
	const char *p[10] = { st->client, id,
	    f->has_url ? "t" : "f", f->url,
	    f->has_description ? "t" : "f", f->description,
	    f->has_events ? "t" : "f", f->has_events ? f->events_json : "[]",
	    f->has_enabled ? "t" : "f", f->enabled ? "t" : "f" };

	return store_one(st, &hook_update, 10, p, decode_endpoint, out);
}

int
store_hook_delete(struct store *st, const char *id)
{
	const char	*p[2] = { st->client, id };
	int		 n;

	if (store_exec(st, &hook_delete, 2, p, &n) == -1)
		return -1;
	return n > 0;
}

int
store_hook_list(struct store *st, const struct store_page *pg, struct hook_endpoint *rows,
    size_t *n, int *has_more)
{
	return store_list(st, &hook_list, NULL, 0, pg, decode_endpoint, rows, sizeof(*rows), n,
	    has_more);
}

int
store_hook_fan_out(struct store *st, const char *event_id, const char *type,
    const char *data_json, const char *job_kind, int max_attempts, int *n)
{
	const char *p[6] = { st->client, event_id, type, data_json, job_kind,
	    store_int_param(st, max_attempts) };

	if (p[5] == NULL)
		return -1;
	return store_exec(st, &hook_fan_out, 6, p, n);
}

static int
decode_both(struct store *st, PGresult *res, int row, void *out)
{
	struct { struct hook_delivery *d; struct hook_endpoint *e; } *both = out;

	if (decode_delivery(st, res, row, both->d) == -1)
		return -1;
	return decode_endpoint_at(st, res, row, D_NCOLS + 1, both->e);
}

int
store_hook_delivery(struct store *st, const char *id, struct hook_delivery *d,
    struct hook_endpoint *e)
{
	struct { struct hook_delivery *d; struct hook_endpoint *e; } both = { d, e };
	const char *p[2] = { st->client, id };

	return store_one(st, &hook_delivery, 2, p, decode_both, &both);
}

int
store_hook_deliveries(struct store *st, const char *endpoint, const struct store_page *pg,
    struct hook_delivery *rows, size_t *n, int *has_more)
{
	const char *filter[1] = { endpoint };

	return store_list(st, &hook_deliveries, filter, 1, pg, decode_delivery, rows,
	    sizeof(*rows), n, has_more);
}

int
store_hook_attempt(struct store *st, const char *id, const char *endpoint, const char *status,
    int code, const char *error, int64_t *failing_s)
{
	const char	*p[5] = { st->client, id, status, store_int_param(st, code), error };
	PGresult	*res;

	(void)endpoint;
	*failing_s = 0;
	if (p[3] == NULL)
		return -1;
	if ((res = db_run(st->db, &hook_attempt, 5, p)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		*failing_s = store_i64(res, 0, 0);
	PQclear(res);
	return 0;
}

int
store_hook_disable(struct store *st, const char *endpoint, const char *reason)
{
	const char *p[3] = { st->client, endpoint, reason };

	return store_exec(st, &hook_disable, 3, p, NULL);
}
