/* store_evo.c: evolution_integrations and evolution_inbound (store_evo.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_evo.h"

#define EVO_COLUMNS(X) \
	X(E_CLIENT, "client_id") \
	X(E_URL, "server_url") \
	X(E_INSTANCE, "instance") \
	X(E_KEY, "encode(api_key_enc, 'hex')") \
	X(E_SECRET, "webhook_secret_hash") \
	X(E_AUTO, "auto_create_users") \
	X(E_LANG, "default_language") \
	X(E_CUR, "default_currency") \
	X(E_REPLY, "unknown_sender_reply") \
	X(E_ONBOARD, "onboarding") \
	X(E_CREATED, STORE_US("created_at")) \
	X(E_UPDATED, STORE_US("updated_at"))

enum { EVO_COLUMNS(STORE_COL_ENUM) E_NCOLS };
#define EVO_COLS EVO_COLUMNS(STORE_COL_SQL) "(xmax = 0)"

static struct db_stmt evo_put = { "evo_put",
	"INSERT INTO evolution_integrations AS e (client_id, server_url, instance, api_key_enc,"
	" webhook_secret_hash, auto_create_users, default_language, default_currency,"
	" unknown_sender_reply, onboarding) VALUES ($1, $2, $3, decode($4, 'hex'), coalesce($5, ''),"
	" $6::boolean, $7, $8, $9, $10::boolean)"
	" ON CONFLICT (client_id) DO UPDATE SET server_url = EXCLUDED.server_url,"
	" instance = EXCLUDED.instance, api_key_enc = EXCLUDED.api_key_enc,"
	" webhook_secret_hash = coalesce($5, e.webhook_secret_hash),"
	" auto_create_users = EXCLUDED.auto_create_users,"
	" default_language = EXCLUDED.default_language,"
	" default_currency = EXCLUDED.default_currency,"
	" unknown_sender_reply = EXCLUDED.unknown_sender_reply,"
	" onboarding = EXCLUDED.onboarding, updated_at = clock_timestamp()"
	" RETURNING " EVO_COLS, 0, 0 };
static struct db_stmt evo_get = { "evo_get",
	"SELECT " EVO_COLS " FROM evolution_integrations WHERE client_id = $1", 1, 0 };
static struct db_stmt evo_delete = { "evo_delete",
	"DELETE FROM evolution_integrations WHERE client_id = $1", 0, 0 };
static struct db_stmt evo_by_instance = { "evo_by_instance",
	"SELECT " EVO_COLS " FROM evolution_integrations WHERE instance = $1"
	" ORDER BY created_at LIMIT $2::integer", 1, 0 };
static struct db_stmt evo_inbound = { "evo_inbound",
	"INSERT INTO evolution_inbound (client_id, instance, message_id) VALUES ($1, $2, $3)"
	" ON CONFLICT DO NOTHING", 0, 0 };
static struct db_stmt evo_turned = { "evo_turned",
	"SELECT reply FROM evolution_inbound WHERE client_id = $1 AND instance = $2"
	" AND message_id = $3 AND turned_at IS NOT NULL", 1, 0 };
static struct db_stmt evo_mark = { "evo_mark",
	"UPDATE evolution_inbound SET turned_at = clock_timestamp(), reply = $4"
	" WHERE client_id = $1 AND instance = $2 AND message_id = $3", 0, 0 };
static struct db_stmt evo_slot = { "evo_slot",
	"UPDATE evolution_integrations SET send_slot = greatest(send_slot"
	" + $2::bigint * interval '1 millisecond', clock_timestamp())"
	" WHERE client_id = $1"
	" RETURNING greatest(0, (extract(epoch FROM send_slot - clock_timestamp()) * 1000)::bigint)",
	0, 0 };

static int
decode_evo(struct store *st, PGresult *res, int row, void *out)
{
	struct evo_integration *e = out;

	memset(e, 0, sizeof(*e));
	store_copy(e->client, sizeof(e->client), res, row, E_CLIENT);
	e->server_url = store_text(st, res, row, E_URL);
	e->instance = store_text(st, res, row, E_INSTANCE);
	e->api_key_hex = store_text(st, res, row, E_KEY);
	e->webhook_secret_hash = store_text(st, res, row, E_SECRET);
	e->auto_create_users = store_bool(res, row, E_AUTO);
	store_copy(e->default_language, sizeof(e->default_language), res, row, E_LANG);
	store_copy(e->default_currency, sizeof(e->default_currency), res, row, E_CUR);
	e->unknown_sender_reply = store_text(st, res, row, E_REPLY);
	e->onboarding = store_bool(res, row, E_ONBOARD);
	store_ts(e->created_at, sizeof(e->created_at), res, row, E_CREATED);
	store_ts(e->updated_at, sizeof(e->updated_at), res, row, E_UPDATED);
	return e->server_url && e->instance && e->api_key_hex && e->webhook_secret_hash ? 0 : -1;
}

int
store_evo_put(struct store *st, const struct evo_fields *f, struct evo_integration *out)
{
	const char	*p[10];
	PGresult	*res;
	int		 created;

	p[0] = st->client;
	p[1] = f->server_url;
	p[2] = f->instance;
	p[3] = f->api_key_hex;
	p[4] = f->webhook_secret_hash;
	p[5] = f->auto_create_users ? "t" : "f";
	p[6] = f->default_language;
	p[7] = f->default_currency;
	p[8] = f->unknown_sender_reply;
	p[9] = f->onboarding ? "t" : "f";
	if ((res = db_run(st->db, &evo_put, 10, p)) == NULL)
		return -1;
	if (PQntuples(res) != 1 || decode_evo(st, res, 0, out) == -1) {
		PQclear(res);
		return -1;
	}
	created = store_bool(res, 0, E_NCOLS);
	PQclear(res);
	return created;
}

int
store_evo_get(struct store *st, struct evo_integration *out)
{
	const char *p[1] = { st->client };

	return store_one(st, &evo_get, 1, p, decode_evo, out);
}

int
store_evo_delete(struct store *st)
{
	const char	*p[1] = { st->client };
	int		 n;

	if (store_exec(st, &evo_delete, 1, p, &n) == -1)
		return -1;
	return n > 0;
}

int
store_evo_by_instance(struct store *st, const char *instance, struct evo_integration *rows,
    size_t max, size_t *n)
{
	const char *p[2] = { instance, store_int_param(st, (int64_t)max) };

	if (p[1] == NULL)
		return -1;
	return store_rows(st, &evo_by_instance, 2, p, decode_evo, rows, sizeof(*rows), max, n);
}

int
store_evo_inbound(struct store *st, const char *instance, const char *message_id)
{
	const char	*p[3] = { st->client, instance, message_id };
	int		 n;

	if (store_exec(st, &evo_inbound, 3, p, &n) == -1)
		return -1;
	return n == 1;
}

int
store_evo_turned(struct store *st, const char *instance, const char *message_id,
    const char **reply)
{
	const char	*p[3] = { st->client, instance, message_id };
	PGresult	*res;
	int		 n;

	*reply = NULL;
	if ((res = db_run(st->db, &evo_turned, 3, p)) == NULL)
		return -1;
	n = PQntuples(res);
	if (n == 1)
		*reply = store_text(st, res, 0, 0);
	PQclear(res);
	return n == 1;
}

int
store_evo_mark_turned(struct store *st, const char *instance, const char *message_id,
    const char *reply)
{
	const char *p[4] = { st->client, instance, message_id, reply };

	return store_exec(st, &evo_mark, 4, p, NULL);
}

int
store_evo_send_slot(struct store *st, int64_t gap_ms, int64_t *wait_ms)
{
	const char	*p[2] = { st->client, store_int_param(st, gap_ms) };
	PGresult	*res;
	int		 n;

	if (p[1] == NULL)
		return -1;
	if ((res = db_run(st->db, &evo_slot, 2, p)) == NULL)
		return -1;
	n = PQntuples(res);
	*wait_ms = n == 1 ? store_i64(res, 0, 0) : 0;
	PQclear(res);
	return n == 1;
}
