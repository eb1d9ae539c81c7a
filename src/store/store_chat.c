/* store_chat.c: the chat_messages table (store_chat.h). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/pool.h"
#include "store/store.h"
#include "store/store_chat.h"

#define CHAT_COLUMNS(X) \
	X(C_ID, "id") \
	X(C_USER, "user_id") \
	X(C_ROLE, "role") \
	X(C_CONTENT, "content") \
	X(C_EMOTION, "emotion") \
	X(C_TOPIC, "topic") \
	X(C_INTENT, "intent") \
	X(C_REPLY_TO, "reply_to") \
	X(C_AUTHOR, "generated_by::text") \
	X(C_TXNS, "array_to_json(transaction_ids)::text") \
	X(C_CREATED, STORE_US("created_at"))

enum { CHAT_COLUMNS(STORE_COL_ENUM) C_NCOLS };
#define CHAT_COLS CHAT_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt chat_insert = { "chat_insert",
	"INSERT INTO chat_messages (client_id, id, user_id, role, content, emotion, topic,"
	" intent, reply_to, generated_by, transaction_ids, channel_message_id) VALUES ($1, $2,"
	" $3, $4, $5, $6, $7, $8, $9, $10::jsonb, coalesce($11::text[], '{}'), $12)"
	" RETURNING " STORE_US("created_at"), 0, 0 };
static struct db_stmt chat_list = { "chat_list",
	"SELECT " CHAT_COLS " FROM chat_messages WHERE client_id = $1"
	" AND user_id = " STORE_USER("$2")
	" AND " STORE_BEFORE("created_at", "id", "$3", "$4")
	" ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1, 0 };
static struct db_stmt chat_by_channel = { "chat_by_channel",
	"SELECT " CHAT_COLS ", (SELECT r.content FROM chat_messages r WHERE r.client_id = m.client_id"
	" AND r.user_id = m.user_id AND r.reply_to = m.id AND r.role = 'assistant'"
	" ORDER BY r.created_at LIMIT 1) FROM chat_messages m WHERE m.client_id = $1"
	" AND m.user_id = $2 AND m.channel_message_id = $3 AND m.role = 'user'", 0, 0 };
static struct db_stmt chat_recent = { "chat_recent",
	"SELECT role, content FROM chat_messages WHERE client_id = $1 AND user_id = $2"
	" AND id <> $3 ORDER BY created_at DESC, id DESC LIMIT $4::integer", 1, 0 };

/* The author as the jsonb the table keeps, in the pool; NULL on OOM. */
static const char *
author_json(struct store *st, const struct chat_author *a)
{
	struct json_object *o = json_object_new_object();
	const char	*out;

	json_object_object_add(o, "ai_provider", json_object_new_string(a->provider));
	json_object_object_add(o, "model", a->model ? json_object_new_string(a->model) : NULL);
	json_object_object_add(o, "fallback", json_object_new_boolean(a->fallback));
	json_object_object_add(o, "failed_provider", a->failed_provider ?
	    json_object_new_string(a->failed_provider) : NULL);
	json_object_object_add(o, "fallback_reason", a->fallback_reason ?
	    json_object_new_string(a->fallback_reason) : NULL);
	out = pool_strdup(st->pool, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return out;
}

static const char *
jstr(struct store *st, struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return pool_strdup(st->pool, json_object_get_string(v));
}

static void
decode_author(struct store *st, const char *text, struct chat_message *m)
{
	struct json_object *o = json_tokener_parse(text), *v;

	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		return;
	}
	m->has_author = 1;
	snprintf(m->author.provider, sizeof(m->author.provider), "%s",
	    json_object_object_get_ex(o, "ai_provider", &v) ? json_object_get_string(v) : "");
	m->author.model = jstr(st, o, "model");
	m->author.fallback = json_object_object_get_ex(o, "fallback", &v) &&
	    json_object_get_boolean(v);
	m->author.failed_provider = jstr(st, o, "failed_provider");
	m->author.fallback_reason = jstr(st, o, "fallback_reason");
	json_object_put(o);
}

static void
decode_txn_ids(struct store *st, const char *text, struct chat_message *m)
{
	struct json_object *arr = json_tokener_parse(text);
	size_t	 i, n;

	n = arr && json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
	for (i = 0; i < n && m->ntxn_ids < CHAT_MAX_TXN_IDS; i++)
		if ((m->txn_ids[m->ntxn_ids] = pool_strdup(st->pool,
		    json_object_get_string(json_object_array_get_idx(arr, i)))) != NULL)
			m->ntxn_ids++;
	json_object_put(arr);
}

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct chat_message *m = out;

	memset(m, 0, sizeof(*m));
	store_copy(m->id, sizeof(m->id), res, row, C_ID);
	store_copy(m->user_id, sizeof(m->user_id), res, row, C_USER);
	store_copy(m->role, sizeof(m->role), res, row, C_ROLE);
	m->content = store_text(st, res, row, C_CONTENT);
	store_copy(m->emotion, sizeof(m->emotion), res, row, C_EMOTION);
	store_copy(m->topic, sizeof(m->topic), res, row, C_TOPIC);
	store_copy(m->intent, sizeof(m->intent), res, row, C_INTENT);
	store_copy(m->reply_to, sizeof(m->reply_to), res, row, C_REPLY_TO);
	if (!PQgetisnull(res, row, C_AUTHOR))
		decode_author(st, PQgetvalue(res, row, C_AUTHOR), m);
	decode_txn_ids(st, PQgetvalue(res, row, C_TXNS), m);
	store_ts(m->created_at, sizeof(m->created_at), res, row, C_CREATED);
	m->cursor_us = store_i64(res, row, C_CREATED);
	return m->content == NULL ? -1 : 0;
}

/* {id1,id2} for a text[] parameter: ids are ours, [A-Za-z0-9_-] only. */
static const char *
id_array(struct store *st, const struct chat_message *m)
{
	struct buf	 b;
	const char	*out;
	size_t		 i;

	buf_init(&b, 64 * 1024);
	buf_putc(&b, '{');
	for (i = 0; i < m->ntxn_ids; i++)
		buf_printf(&b, "%s%s", i ? "," : "", m->txn_ids[i]);
	buf_putc(&b, '}');
	out = pool_strdup(st->pool, buf_str(&b));
	buf_free(&b);
	return out;
}

static const char *
or_null(const char *s)
{
	return s && *s ? s : NULL;
}

int
store_chat_insert(struct store *st, const struct chat_message *m, char created_at[24])
{
	const char	*params[12] = { st->client, m->id, m->user_id, m->role, m->content,
	    or_null(m->emotion), or_null(m->topic), or_null(m->intent), or_null(m->reply_to),
	    m->has_author ? author_json(st, &m->author) : NULL, id_array(st, m),
	    m->channel_message_id };
	PGresult	*res;

	if ((res = db_run(st->db, &chat_insert, 12, params)) == NULL)
		return -1;
	store_ts(created_at, 24, res, 0, 0);
	PQclear(res);
	return 0;
}

int
store_chat_list(struct store *st, const char *user, const struct store_page *pg,
    struct chat_message *rows, size_t *n, int *has_more)
{
	const char *filter[1] = { user };

	return store_list(st, &chat_list, filter, 1, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

static int
decode_turn(struct store *st, PGresult *res, int row, void *out)
{
	struct chat_turn_row *t = out;

	store_copy(t->role, sizeof(t->role), res, row, 0);
	t->content = store_text(st, res, row, 1);
	return t->content == NULL ? -1 : 0;
}

int
store_chat_recent(struct store *st, const char *user, const char *skip,
    struct chat_turn_row *rows, size_t max, size_t *n)
{
	const char *params[4] = { st->client, user, skip, store_int_param(st, (int64_t)max) };

	return store_rows(st, &chat_recent, 4, params, decode_turn, rows, sizeof(*rows), max, n);
}

int
store_chat_by_channel(struct store *st, const char *user, const char *channel_id,
    struct chat_message *msg, const char **reply)
{
	const char	*p[3] = { st->client, user, channel_id };
	PGresult	*res;
	int		 rc = 0;

	*reply = NULL;
	if ((res = db_run(st->db, &chat_by_channel, 3, p)) == NULL)
		return -1;
	if (PQntuples(res) > 0) {
		rc = decode(st, res, 0, msg) == 0 ? 1 : -1;
		*reply = store_text(st, res, 0, C_NCOLS + 1);
	}
	PQclear(res);
	return rc;
}
