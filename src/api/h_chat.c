/*
 * h_chat.c: chat with the coach (the turn is svc_chat's), streamed as
 * server-sent events when asked; the history; GET /v1/usage.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_chat.h"
#include "api/h_transactions.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_ai.h"
#include "service/svc_chat.h"
#include "store/store_usage.h"

#define USAGE_MAX_ROWS	2000	/* 366 days x the providers and models of a client */

/* An object as one line of text in r's pool (SSE data holds no newline). */
static const char *
to_json(struct oz_req *r, struct json_object *o)
{
	const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);

	return s ? pool_strdup(&r->pool, s) : NULL;
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

/*
 * Streaming: a "delta" event per piece, "reset" when a fallback restarts it.
 * The stream starts with the first piece, so a turn refused before the
 * coach speaks (no such user…) is still a plain error answer.
 */
static int
stream_delta(void *ctx, const char *text, size_t len)
{
	struct oz_req	*r = ctx;
	struct json_object *o;
	int		 rc;

	if (!r->stream.started && http_stream_begin(r) == -1)
		return -1;
	if (text == NULL)
		return http_stream_event(r, "reset", "{}") == -1 && r->stream.broken ? -1 : 0;
	o = json_object_new_object();
	json_object_object_add(o, "text", json_object_new_string_len(text, (int)len));
	rc = http_stream_event(r, "delta", to_json(r, o));
	json_object_put(o);
	return rc;
}

static struct json_object *
author_json(const struct chat_author *a)
{
	struct json_object *g = json_object_new_object();

	json_object_object_add(g, "ai_provider", json_object_new_string(a->provider));
	json_object_object_add(g, "model", json_str_or_null(a->model));
	json_object_object_add(g, "fallback", json_object_new_boolean(a->fallback));
	json_object_object_add(g, "failed_provider", json_str_or_null(a->failed_provider));
	json_object_object_add(g, "fallback_reason", json_str_or_null(a->fallback_reason));
	return g;
}

static int
wants_stream(const struct oz_req *r)
{
	const char *a = http_req_header(r, "accept");

	return a != NULL && strstr(a, "text/event-stream") != NULL;
}

static struct json_object *
chat_response(const struct chat_result *c)
{
	struct json_object *d = json_object_new_object(), *txns = json_object_new_array();
	size_t	 i;

	for (i = 0; i < c->nlogged; i++)
		json_object_array_add(txns, txn_json(&c->logged[i]));
	json_object_object_add(d, "id", json_object_new_string(c->reply_id));
	json_object_object_add(d, "message_id", json_object_new_string(c->reply_id));
	json_object_object_add(d, "user_message_id", json_object_new_string(c->message_id));
	json_object_object_add(d, "reply", json_object_new_string(buf_str(&c->ai.reply)));
	json_object_object_add(d, "emotion", json_object_new_string(c->ai.emotion));
	json_object_object_add(d, "topic", json_object_new_string(c->ai.topic));
	json_object_object_add(d, "intent", json_object_new_string(c->ai.intent));
	json_object_object_add(d, "generated_by", author_json(&c->author));
	json_object_object_add(d, "transactions", txns);
	json_object_object_add(d, "created_at", json_object_new_string(c->created_at));
	return d;
}

int
h_chat_post(struct oz_app *app, struct oz_req *r)
{
	struct chat_result *c;
	struct svc	 s;
	const char	*msg;
	ai_delta_fn	 delta = NULL;
	int		 rc = -1;

	if (read_message(r, &msg) == -1)
		return -1;
	if ((c = pool_alloc(&r->pool, sizeof(*c))) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	memset(c, 0, sizeof(*c));
	ai_result_init(&c->ai);
	app_svc(app, r, &s);
	if (wants_stream(r))
		delta = stream_delta;
	if (svc_chat_turn(&s, r->params[0], msg, "api_text", delta, r, c) == 0) {
		if (json_out_object(r, 201, "chat_response", chat_response(c)) == -1)
			oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response");
		else {
			if (r->stream.started)
				http_stream_event(r, "message", buf_str(&r->resp.body));
			rc = 0;
		}
	}
	ai_result_free(&c->ai);
	return rc;
}

static struct json_object *
message_json(const struct chat_message *m)
{
	struct json_object *o = json_object_new_object(), *ids = json_object_new_array();
	size_t	 i;

	for (i = 0; i < m->ntxn_ids; i++)
		json_object_array_add(ids, json_object_new_string(m->txn_ids[i]));
	json_object_object_add(o, "id", json_object_new_string(m->id));
	json_object_object_add(o, "user_id", json_object_new_string(m->user_id));
	json_object_object_add(o, "role", json_object_new_string(m->role));
	json_object_object_add(o, "content", json_object_new_string(m->content));
	json_object_object_add(o, "emotion", json_str_or_empty_null(m->emotion));
	json_object_object_add(o, "topic", json_str_or_empty_null(m->topic));
	json_object_object_add(o, "intent", json_str_or_empty_null(m->intent));
	json_object_object_add(o, "reply_to", json_str_or_empty_null(m->reply_to));
	json_object_object_add(o, "generated_by", m->has_author ? author_json(&m->author) : NULL);
	json_object_object_add(o, "transaction_ids", ids);
	json_object_object_add(o, "created_at", json_object_new_string(m->created_at));
	return o;
}

static struct json_object *
message_item(const void *row)
{
	return message_json(row);
}

int
h_chat_list(struct oz_app *app, struct oz_req *r)
{
	struct chat_message *rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (page_list_begin(app, r, "chat", NULL, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_chat_history(&s, r->params[0], &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), message_item,
	    PAGE_ROW_FIELDS(struct chat_message), more);
}

/* from/to of GET /v1/usage: default the last 30 days, at most 366. 0/-1. */
static int
usage_range(struct oz_req *r, char from[11], char to[11])
{
	static const char *const known[] = { "from", "to", NULL };
	const char	*f = http_req_query(r, "from", NULL), *t = http_req_query(r, "to", NULL);
	char		 today[11], lim[11];

	cal_today(today);
	v_known_query(r, known);
	if (f && !v_is_date(f))
		oz_fail_detail(r, "from", "must be a date YYYY-MM-DD");
	if (t && !v_is_date(t))
		oz_fail_detail(r, "to", "must be a date YYYY-MM-DD");
	if (v_done(r) == -1)
		return -1;
	snprintf(to, 11, "%s", t ? t : today);
	if (f)
		snprintf(from, 11, "%s", f);
	else if (cal_add(to, -29, from) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "bad date");
	if (strcmp(from, to) > 0) {
		oz_fail_detail(r, "from", "must not be after to");
		return v_done(r);
	}
	if (cal_add(from, 366, lim) == 0 && strcmp(to, lim) >= 0) {
		oz_fail_detail(r, "to", "the range is at most 366 days");
		return v_done(r);
	}
	return 0;
}

int
h_usage(struct oz_app *app, struct oz_req *r)
{
	static const char *const names[] = { "replies", "requests", "fallbacks",
	    "input_tokens", "output_tokens" };
	struct usage_day *rows;
	struct json_object *d, *days, *tot;
	struct svc	 s;
	char		 from[11], to[11];
	int64_t		 sum[5] = { 0 }, v[5];
	size_t		 i, n;
	int		 k;

	if (usage_range(r, from, to) == -1)
		return -1;
	if ((rows = pool_alloc(&r->pool, sizeof(*rows) * USAGE_MAX_ROWS)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	app_svc(app, r, &s);
	if (svc_ai_usage_list(&s, from, to, rows, USAGE_MAX_ROWS, &n) == -1)
		return -1;
	days = json_object_new_array();
	for (i = 0; i < n; i++) {
		struct json_object *o = json_object_new_object();

		v[0] = rows[i].replies;
		v[1] = rows[i].requests;
		v[2] = rows[i].fallbacks;
		v[3] = rows[i].input_tokens;
		v[4] = rows[i].output_tokens;
		json_object_object_add(o, "date", json_object_new_string(rows[i].date));
		json_object_object_add(o, "provider", json_object_new_string(rows[i].provider));
		json_object_object_add(o, "model", json_str_or_empty_null(rows[i].model));
		for (k = 0; k < 5; k++) {
			sum[k] += v[k];
			json_object_object_add(o, names[k], json_object_new_int64(v[k]));
		}
		json_object_object_add(o, "total_tokens", json_object_new_int64(v[3] + v[4]));
		json_object_array_add(days, o);
	}
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
