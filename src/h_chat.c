/*
 * h_chat.c: chat with the coach. A turn stores the user's message (and the
 * transactions it logs, "spent 12 on lunch"), gathers the user's data for
 * the provider, asks it (ai.c: local, openai or anthropic, with local as the
 * fallback), then stores the reply and the AI usage. No database transaction
 * stays open while a provider is waited on. With Accept: text/event-stream
 * the reply goes out as server-sent events while it is written.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "ai.h"
#include "ai_tools.h"
#include "app.h"
#include "civil.h"
#include "coach_local.h"
#include "currency.h"
#include "db.h"
#include "h_chat.h"
#include "h_transactions.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "log.h"
#include "num.h"
#include "page.h"
#include "validate.h"

/* DB_CHAT_LIST columns. */
enum { C_ID, C_USER, C_ROLE, C_CONTENT, C_EMOTION, C_TOPIC, C_INTENT, C_REPLY_TO, C_GEN,
	C_TXNS, C_CREATED, C_CURSOR };

static const char *
to_json(struct oz_req *r, struct json_object *o)
{
	const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);	/* plain: one line, as SSE data needs */

	return s ? pool_strdup(&r->pool, s) : NULL;
}

void
chat_settings(const struct oz_app *app, struct ai_settings *s)
{
	const struct oz_config *c = app->cfg;

	memset(s, 0, sizeof(*s));
	s->provider = oz_ai_providers[c->ai_provider];
	s->base_url = c->ai_base_url ? c->ai_base_url : "";
	s->api_key = c->ai_api_key ? c->ai_api_key : "";
	s->model = c->ai_model ? c->ai_model : "";
	s->timeout_ms = (long)c->ai_timeout_ms;
	s->max_retries = (int)c->ai_max_retries;
}

int
chat_record_usage(struct oz_app *app, struct oz_req *r, const struct ai_settings *s,
    const struct ai_result *res)
{
	const char	*params[8], *provider = "local", *model = "";
	char		 n[5][24];
	PGresult	*pr;

	/* A remote provider's row counts what was asked of it, fallbacks included. */
	if (strcmp(s->provider, "local") != 0 && (res->requests > 0 || res->fallback)) {
		provider = s->provider;
		model = ai_settings_model(s);
	}
	snprintf(n[0], sizeof(n[0]), "%d", res->requests);
	snprintf(n[1], sizeof(n[1]), "%d", res->fallback ? 1 : 0);
	snprintf(n[2], sizeof(n[2]), "%lld", (long long)res->input_tokens);
	snprintf(n[3], sizeof(n[3]), "%lld", (long long)res->output_tokens);
	params[0] = r->client_id;
	params[1] = provider;
	params[2] = model;
	params[3] = "1";
	params[4] = n[0];
	params[5] = n[1];
	params[6] = n[2];
	params[7] = n[3];
	if ((pr = db_exec(&app->db, DB_USAGE_ADD, 8, params)) == NULL) {
		log_warnx("chat: cannot record AI usage");
		return -1;
	}
	PQclear(pr);
	return 0;
}

/* The message: 1..2000 characters, not only blanks. 0, or -1 (VALIDATION_ERROR). */
static int
read_message(struct oz_req *r, const char **msg)
{
	static const char *const allowed[] = { "message", NULL };
	const char	*p;

	*msg = NULL;
	v_known_fields(r, r->json, allowed);
	if (v_text(r, r->json, "message", CHAT_MESSAGE_MAX, msg) == 0)
		oz_fail_detail(r, "message", "is required");
	if (*msg != NULL) {
		for (p = *msg; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
			;
		if (*p == '\0')
			oz_fail_detail(r, "message", "must not be blank");
	}
	return v_done(r);
}

/* Forget an error a step recorded that must not fail the turn. */
static void
clear_error(struct oz_req *r)
{
	memset(&r->err, 0, sizeof(r->err));
}

/* The created transactions as the coach reads them ({"amount", …}). */
static const char *
logged_json(struct oz_req *r, struct json_object *txns)
{
	struct json_object *arr = json_object_new_array(), *t, *v, *o;
	const char	*out;
	char		 amount[32];
	int64_t		 cents;
	size_t		 i;
	int		 digits;

	for (i = 0; i < json_object_array_length(txns); i++) {
		t = json_object_array_get_idx(txns, i);
		o = json_object_new_object();
		json_object_object_get_ex(t, "amount_cents", &v);
		cents = json_object_get_int64(v);
		json_object_object_get_ex(t, "currency", &v);
		digits = currency_minor_units(json_object_get_string(v));
		if (num_format_decimal(cents, digits >= 0 ? digits : 2, amount,
		    sizeof(amount)) == 0)
			json_object_object_add(o, "amount", json_decimal(amount));
		json_object_object_add(o, "currency", json_object_get(v));
		json_object_object_get_ex(t, "category", &v);
		json_object_object_add(o, "category", json_object_get(v));
		json_object_object_get_ex(t, "description", &v);
		json_object_object_add(o, "description", json_object_get(v));
		json_object_object_get_ex(t, "transaction_date", &v);
		json_object_object_add(o, "date", json_object_get(v));
		json_object_array_add(arr, o);
	}
	out = to_json(r, arr);
	json_object_put(arr);
	return out;
}

/* {id1,id2} for a text[] parameter: ids are ours, [A-Za-z0-9_-] only. */
static const char *
id_array(struct oz_req *r, struct json_object *txns)
{
	struct buf	 b;
	const char	*out;
	size_t		 i;

	buf_init(&b, 64 * 1024);
	buf_putc(&b, '{');
	for (i = 0; i < json_object_array_length(txns); i++) {
		struct json_object *id;

		json_object_object_get_ex(json_object_array_get_idx(txns, i), "id", &id);
		buf_printf(&b, "%s%s", i ? "," : "", json_object_get_string(id));
	}
	buf_putc(&b, '}');
	out = pool_strdup(&r->pool, buf_str(&b));
	buf_free(&b);
	return out;
}

static int
insert_message(struct oz_app *app, struct oz_req *r, const char *const *p11, char *created,
    size_t createdlen)
{
	PGresult *res;

	if ((res = db_exec(&app->db, DB_CHAT_INSERT, 11, p11)) == NULL)
		return db_fail(&app->db, r);
	snprintf(created, createdlen, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return 0;
}

/*
 * Step 1: the user's message, with the transactions it logs, in one
 * transaction. A message that looks like a log but holds no usable amount
 * is just a message.
 */
static int
store_user_turn(struct oz_app *app, struct oz_req *r, const struct user_ref *u,
    const char *msg, const char *id, struct json_object *txns, char *created, size_t clen)
{
	const char	*p[11];

	if (db_begin(&app->db) == -1)
		return db_fail(&app->db, r);
	if (!coach_is_injection(msg) && coach_is_spending_log(msg) &&
	    txn_store_text(app, r, u, msg, "api_text", txns) == -1) {
		if (r->err.code == OZ_SERVICE_UNAVAILABLE || r->err.code == OZ_INTERNAL_ERROR)
			return -1;
		clear_error(r);
		db_rollback(&app->db);
		while (json_object_array_length(txns) > 0)
			json_object_array_del_idx(txns, 0, 1);
		if (db_begin(&app->db) == -1)
			return db_fail(&app->db, r);
	}
	p[0] = r->client_id;
	p[1] = id;
	p[2] = u->id;
	p[3] = "user";
	p[4] = msg;
	p[5] = p[6] = p[7] = p[8] = p[9] = NULL;
	p[10] = id_array(r, txns);
	if (insert_message(app, r, p, created, clen) == -1)
		return -1;
	if (db_commit(&app->db) == -1)
		return db_fail(&app->db, r);
	return 0;
}

/* The earlier turns, oldest first, within the history budget. */
static size_t
load_history(struct oz_app *app, struct oz_req *r, const char *uid, const char *skip,
    struct ai_turn *turns, PGresult **keep)
{
	const char	*params[3] = { r->client_id, uid, skip };
	size_t		 n = 0, bytes = 0, i;
	int		 rows, k;

	*keep = db_exec(&app->db, DB_CHAT_RECENT, 3, params);
	if (*keep == NULL)
		return 0;	/* a model can answer without its history */
	rows = PQntuples(*keep);
	for (k = 0; k < rows && n < CHAT_HISTORY_TURNS; k++) {
		bytes += (size_t)PQgetlength(*keep, k, 1);
		if (bytes > CHAT_HISTORY_BYTES)
			break;
		n++;
	}
	for (i = 0; i < n; i++) {
		int row = (int)(n - 1 - i);

		turns[i].role = strcmp(PQgetvalue(*keep, row, 0), "user") == 0 ? AI_ROLE_USER :
		    AI_ROLE_ASSISTANT;
		turns[i].content = PQgetvalue(*keep, row, 1);
	}
	return n;
}

/* Streaming: a "delta" event per piece, "reset" when a fallback restarts it. */
static int
stream_delta(void *ctx, const char *text, size_t len)
{
	struct oz_req	*r = ctx;
	struct json_object *o;
	int		 rc;

	if (text == NULL)
		return http_stream_event(r, "reset", "{}") == -1 && r->stream.broken ? -1 : 0;
	o = json_object_new_object();
	json_object_object_add(o, "text", json_object_new_string_len(text, (int)len));
	rc = http_stream_event(r, "delta", to_json(r, o));
	json_object_put(o);
	return rc;
}

static struct json_object *
generated_by(const struct ai_settings *s, const struct ai_result *res)
{
	struct json_object *g = json_object_new_object();

	json_object_object_add(g, "ai_provider", json_object_new_string(res->provider));
	json_object_object_add(g, "model", res->model[0] && strcmp(res->provider, "local") != 0 ?
	    json_object_new_string(res->model) : NULL);
	json_object_object_add(g, "fallback", json_object_new_boolean(res->fallback));
	json_object_object_add(g, "failed_provider", res->fallback ?
	    json_object_new_string(s->provider) : NULL);
	json_object_object_add(g, "fallback_reason", res->fallback && res->error[0] ?
	    json_object_new_string(res->error) : NULL);
	return g;
}

/* Step 3: the reply and the usage, in one transaction. */
static int
store_reply(struct oz_app *app, struct oz_req *r, const struct user_ref *u,
    const struct ai_settings *s, const struct ai_result *res, const char *reply_id,
    const char *user_msg_id, struct json_object *gen, char *created, size_t clen)
{
	const char	*p[11];

	p[0] = r->client_id;
	p[1] = reply_id;
	p[2] = u->id;
	p[3] = "assistant";
	p[4] = buf_str(&res->reply);
	p[5] = res->emotion;
	p[6] = res->topic;
	p[7] = res->intent;
	p[8] = user_msg_id;
	p[9] = to_json(r, gen);
	p[10] = NULL;
	if (db_begin(&app->db) == -1)
		return db_fail(&app->db, r);
	if (insert_message(app, r, p, created, clen) == -1)
		return -1;
	chat_record_usage(app, r, s, res);
	if (db_commit(&app->db) == -1)
		return db_fail(&app->db, r);
	return 0;
}

static int
wants_stream(const struct oz_req *r)
{
	const char *a = http_req_header(r, "accept");

	return a != NULL && strstr(a, "text/event-stream") != NULL;
}

static struct json_object *
chat_response(const struct ai_result *res, const char *id, const char *user_msg_id,
    struct json_object *gen, struct json_object *txns, const char *created)
{
	struct json_object *d = json_object_new_object();

	json_object_object_add(d, "id", json_object_new_string(id));
	json_object_object_add(d, "message_id", json_object_new_string(id));
	json_object_object_add(d, "user_message_id", json_object_new_string(user_msg_id));
	json_object_object_add(d, "reply", json_object_new_string(buf_str(&res->reply)));
	json_object_object_add(d, "emotion", json_object_new_string(res->emotion));
	json_object_object_add(d, "topic", json_object_new_string(res->topic));
	json_object_object_add(d, "intent", json_object_new_string(res->intent));
	json_object_object_add(d, "generated_by", gen);
	json_object_object_add(d, "transactions", txns);
	json_object_object_add(d, "created_at", json_object_new_string(created));
	return d;
}

/* Steps 2-3: ask the provider with the user's data, store the reply, answer. */
static int
answer(struct oz_app *app, struct oz_req *r, const struct user_ref *u, const char *msg,
    const char *msg_id, struct json_object *txns)
{
	struct ai_turn	 turns[CHAT_HISTORY_TURNS];
	struct ai_tool_ctx tc = { app, r, u->id, u->currency, NULL, 0 };
	struct ai_settings s;
	struct ai_result res;
	struct ai_chat	 c;
	struct json_object *ctx, *gen;
	PGresult	*hist = NULL;
	char		 today[11], reply_id[OZ_ID_MAX], created[32];
	int		 rc = -1;

	civil_today(today);
	tc.today = today;
	chat_settings(app, &s);
	memset(&c, 0, sizeof(c));
	c.language = u->language;
	c.currency = u->currency;
	c.today = today;
	c.message = msg;
	c.nhistory = load_history(app, r, u->id, msg_id, turns, &hist);
	c.history = turns;
	ctx = ai_tools_context(&tc, u->language);
	c.context = to_json(r, ctx);
	json_object_put(ctx);
	c.logged = json_object_array_length(txns) > 0 ? logged_json(r, txns) : NULL;
	c.tool = ai_tool_run;
	c.tool_ctx = &tc;
	if (wants_stream(r) && http_stream_begin(r) == 0) {
		c.delta = stream_delta;
		c.delta_ctx = r;
	}
	ai_result_init(&res);
	if (ai_chat_run(&s, &c, &res) == -1 || res.reply.len == 0) {
		rc = oz_fail(r, OZ_INTERNAL_ERROR, "the coach could not answer");
		goto out;
	}
	gen = generated_by(&s, &res);
	if (ids_new("ozz_msg", reply_id, sizeof(reply_id)) == -1 ||
	    store_reply(app, r, u, &s, &res, reply_id, msg_id, gen, created,
	    sizeof(created)) == -1) {
		json_object_put(gen);
		if (r->err.code == OZ_OK)
			oz_fail(r, OZ_INTERNAL_ERROR, "cannot store the reply");
		goto out;
	}
	json_object_get(txns);
	if (json_out_object(r, 201, "chat_response", chat_response(&res, reply_id, msg_id,
	    gen, txns, created)) == -1) {
		rc = oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response");
		goto out;
	}
	if (r->stream.started)
		http_stream_event(r, "message", buf_str(&r->resp.body));
	rc = 0;
out:
	ai_result_free(&res);
	PQclear(hist);
	return rc;
}

int
h_chat_post(struct oz_app *app, struct oz_req *r)
{
	struct json_object *txns;
	struct user_ref	 u;
	const char	*msg;
	char		 msg_id[OZ_ID_MAX], created[32];
	int		 rc;

	if (read_message(r, &msg) == -1 || user_ref_of(app, r, &u, 1) == -1)
		return -1;
	if (ids_new("ozz_msg", msg_id, sizeof(msg_id)) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
	txns = json_object_new_array();
	if (store_user_turn(app, r, &u, msg, msg_id, txns, created, sizeof(created)) == -1) {
		json_object_put(txns);
		return -1;
	}
	rc = answer(app, r, &u, msg, msg_id, txns);
	json_object_put(txns);
	return rc;
}

static struct json_object *
message_row(PGresult *res, int row)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_str_or_null(db_col(res, row, C_ID)));
	json_object_object_add(o, "user_id", json_str_or_null(db_col(res, row, C_USER)));
	json_object_object_add(o, "role", json_str_or_null(db_col(res, row, C_ROLE)));
	json_object_object_add(o, "content", json_str_or_null(db_col(res, row, C_CONTENT)));
	json_object_object_add(o, "emotion", json_str_or_null(db_col(res, row, C_EMOTION)));
	json_object_object_add(o, "topic", json_str_or_null(db_col(res, row, C_TOPIC)));
	json_object_object_add(o, "intent", json_str_or_null(db_col(res, row, C_INTENT)));
	json_object_object_add(o, "reply_to", json_str_or_null(db_col(res, row, C_REPLY_TO)));
	json_object_object_add(o, "generated_by", db_col(res, row, C_GEN) ?
	    json_tokener_parse(db_col(res, row, C_GEN)) : NULL);
	json_object_object_add(o, "transaction_ids", json_tokener_parse(PQgetvalue(res, row,
	    C_TXNS)));
	json_object_object_add(o, "created_at", json_str_or_null(db_col(res, row, C_CREATED)));
	return o;
}

int
h_chat_list(struct oz_app *app, struct oz_req *r)
{
	return page_user_list(app, r, "chat", DB_CHAT_LIST, message_row, C_ID, C_CURSOR);
}

/* from/to of GET /v1/usage: default the last 30 days, at most 366. 0/-1. */
static int
usage_range(struct oz_req *r, char from[11], char to[11])
{
	const char	*f = http_req_query(r, "from", NULL), *t = http_req_query(r, "to", NULL);
	char		 today[11], lim[11];

	civil_today(today);
	if (f && !v_is_date(f))
		oz_fail_detail(r, "from", "must be a date YYYY-MM-DD");
	if (t && !v_is_date(t))
		oz_fail_detail(r, "to", "must be a date YYYY-MM-DD");
	if (v_done(r) == -1)
		return -1;
	snprintf(to, 11, "%s", t ? t : today);
	if (f)
		snprintf(from, 11, "%s", f);
	else if (ai_date_add(to, -29, from) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "bad date");
	if (strcmp(from, to) > 0) {
		oz_fail_detail(r, "from", "must not be after to");
		return v_done(r);
	}
	if (ai_date_add(from, 366, lim) == 0 && strcmp(to, lim) >= 0) {
		oz_fail_detail(r, "to", "the range is at most 366 days");
		return v_done(r);
	}
	return 0;
}

static int64_t
col_i64(PGresult *res, int row, int col)
{
	const char	*errstr;
	int64_t		 v = 0;

	(void)num_parse_i64z(PQgetvalue(res, row, col), 0, INT64_MAX, &v, &errstr);
	return v;
}

int
h_usage(struct oz_app *app, struct oz_req *r)
{
	static const char *const names[] = { "replies", "requests", "fallbacks",
	    "input_tokens", "output_tokens" };
	const char	*params[3];
	char		 from[11], to[11];
	struct json_object *d, *days, *tot;
	int64_t		 sum[5] = { 0 };
	PGresult	*res;
	int		 i, k;

	if (usage_range(r, from, to) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = from;
	params[2] = to;
	if ((res = db_exec(&app->db, DB_USAGE_LIST, 3, params)) == NULL)
		return db_fail(&app->db, r);
	days = json_object_new_array();
	for (i = 0; i < PQntuples(res); i++) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "date", json_object_new_string(PQgetvalue(res, i, 0)));
		json_object_object_add(o, "provider", json_object_new_string(PQgetvalue(res, i, 1)));
		json_object_object_add(o, "model", *PQgetvalue(res, i, 2) ?
		    json_object_new_string(PQgetvalue(res, i, 2)) : NULL);
		for (k = 0; k < 5; k++) {
			int64_t v = col_i64(res, i, 3 + k);

			sum[k] += v;
			json_object_object_add(o, names[k], json_object_new_int64(v));
		}
		json_object_object_add(o, "total_tokens", json_object_new_int64(
		    col_i64(res, i, 6) + col_i64(res, i, 7)));
		json_object_array_add(days, o);
	}
	PQclear(res);
	tot = json_object_new_object();
	for (k = 0; k < 5; k++)
		json_object_object_add(tot, names[k], json_object_new_int64(sum[k]));
	json_object_object_add(tot, "total_tokens", json_object_new_int64(sum[3] + sum[4]));
	d = json_object_new_object();
	json_object_object_add(d, "from", json_object_new_string(from));
	json_object_object_add(d, "to", json_object_new_string(to));
	json_object_object_add(d, "days", days);
	json_object_object_add(d, "totals", tot);
	return json_out_object(r, 200, "usage", d) == -1 ?
	    oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response") : 0;
}
