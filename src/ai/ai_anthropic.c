/*
 * ai_anthropic.c: the Anthropic Messages API: the request (instructions and
 * user data as two system blocks), tool_use / tool_result turns, and the
 * answer whole or as its stream of typed events. The loop itself is
 * ai_remote_chat (ai.c).
 */
#include "config.h"

#include <json-c/json.h>

#include <stdio.h>
#include <string.h>

#include "ai/ai.h"
#include "ai/ai_remote.h"

#define JSON_FLAGS	(JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
#define MAX_TOKENS	1024

static const struct ai_header anthropic_headers[] = {
	{ "x-api-key: ", 1 },
	{ "anthropic-version: 2023-06-01", 0 },
	{ NULL, 0 },
};

/* {"type": type, key: value}; takes value. NULL on OOM. */
static struct json_object *
block(const char *type, const char *key, struct json_object *value)
{
	struct json_object *b = json_object_new_object();

	if (b == NULL || value == NULL) {
		json_object_put(b);
		json_object_put(value);
		return NULL;
	}
	json_object_object_add(b, "type", json_object_new_string(type));
	json_object_object_add(b, key, value);
	return b;
}

static struct json_object *
tools_json(void)
{
	struct json_object	*arr = json_object_new_array(), *t, *schema;
	size_t			 i;

	for (i = 0; arr != NULL && ai_tools[i].name != NULL; i++) {
		t = json_object_new_object();
		if ((schema = ai_tool_schema(i)) == NULL || t == NULL) {
			json_object_put(schema);
			json_object_put(t);
			json_object_put(arr);
			return NULL;
		}
		json_object_object_add(t, "name", json_object_new_string(ai_tools[i].name));
		json_object_object_add(t, "description",
		    json_object_new_string(ai_tools[i].description));
		json_object_object_add(t, "input_schema", schema);
		json_object_array_add(arr, t);
	}
	return arr;
}

/* The conversation: earlier turns (from the first user turn on), then the message alone. */
static struct json_object *
messages(const struct ai_chat *c)
{
	struct json_object	*msgs = json_object_new_array();
	size_t			 i;
	int			 started = 0;

	for (i = 0; msgs != NULL && i < c->nhistory; i++) {
		if (c->history[i].content == NULL || c->history[i].content[0] == '\0')
			continue;	/* the API refuses empty turns */
		if (!started && c->history[i].role != AI_ROLE_USER)
			continue;	/* and a conversation that opens with the assistant */
		started = 1;
		if (ai_json_push(msgs, ai_json_message(ai_role_name(c->history[i].role),
		    json_object_new_string(c->history[i].content))) == -1)
			goto fail;
	}
	if (msgs != NULL && ai_json_push(msgs, ai_json_message("user",
	    json_object_new_string(c->message))) == 0)
		return msgs;
fail:
	json_object_put(msgs);
	return NULL;
}

static struct json_object *
chat_request(const char *model, const struct ai_chat *c)
{
	struct json_object	*req = json_object_new_object(), *sys = json_object_new_array();
	struct json_object	*msgs = messages(c), *tools = tools_json();

	if (req == NULL || sys == NULL || msgs == NULL || tools == NULL ||
	    ai_json_push(sys, block("text", "text",
	    json_object_new_string(ai_prompt_chat(c->language)))) ||
	    ai_json_push(sys, block("text", "text", ai_data_block(c)))) {
		json_object_put(req);
		json_object_put(sys);
		json_object_put(msgs);
		json_object_put(tools);
		return NULL;
	}
	json_object_object_add(req, "model", json_object_new_string(model));
	json_object_object_add(req, "max_tokens", json_object_new_int(MAX_TOKENS));
	json_object_object_add(req, "system", sys);
	json_object_object_add(req, "messages", msgs);
	json_object_object_add(req, "tools", tools);
	return req;
}

static struct json_object *
complete_request(const char *model, const char *system, const char *user)
{
	struct json_object *req = json_object_new_object(), *msgs = json_object_new_array();

	if (req == NULL || msgs == NULL ||
	    ai_json_push(msgs, ai_json_message("user", json_object_new_string(user)))) {
		json_object_put(req);
		json_object_put(msgs);
		return NULL;
	}
	json_object_object_add(req, "model", json_object_new_string(model));
	json_object_object_add(req, "max_tokens", json_object_new_int(MAX_TOKENS));
	json_object_object_add(req, "system", json_object_new_string(system));
	json_object_object_add(req, "messages", msgs);
	return req;
}

static int
set_mode(struct json_object *req, int stream, int tools)
{
	struct json_object *choice;

	if (stream)
		json_object_object_add(req, "stream", json_object_new_boolean(1));
	else
		json_object_object_del(req, "stream");
	/* "none" keeps the tools (the history has tool_use blocks) but forces text. */
	if (json_object_object_get_ex(req, "tools", NULL)) {
		if ((choice = json_object_new_object()) == NULL)
			return -1;
		json_object_object_add(choice, "type",
		    json_object_new_string(tools ? "auto" : "none"));
		json_object_object_add(req, "tool_choice", choice);
	}
	return 0;
}

/* The Messages API requires max_tokens: MAX_TOKENS unless ai_max_tokens says otherwise. */
static int
set_max_tokens(struct json_object *req, int64_t n, const char *url)
{
	(void)url;
	return json_object_object_add(req, "max_tokens", json_object_new_int64(n));
}

static void
read_usage(struct json_object *u, struct ai_round *r)
{
	int64_t n;

	if ((n = ai_json_int(u, "input_tokens")) >= 0)
		r->input_tokens = n;
	if ((n = ai_json_int(u, "output_tokens")) >= 0)
		r->output_tokens = n;
}

/* A tool_use block; its input (an object, or whatever the model sent) kept as text. */
static int
tool_use(struct json_object *b, int index, struct ai_round *r)
{
	struct json_object	*input;
	struct ai_call		*call;

	if ((call = ai_round_call(r, index, ai_json_str(b, "id"), ai_json_str(b, "name"))) == NULL)
		return 0;	/* past AI_MAX_CALLS: left out of the turn altogether */
	if (index < 0 && json_object_object_get_ex(b, "input", &input) &&
	    buf_puts(&call->args, json_object_to_json_string_ext(input, JSON_FLAGS)) == -1)
		return ai_round_fail(r, "tool arguments too long");
	return 0;
}

static int
parse(struct json_object *body, struct ai_round *r)
{
	struct json_object	*content, *b, *err;
	const char		*type, *text;
	size_t			 i;

	if ((err = ai_json_get(body, "error", json_type_object)) != NULL)
		return ai_round_error(r, err);
	if ((content = ai_json_get(body, "content", json_type_array)) == NULL)
		return ai_round_fail(r, "no content in response");
	read_usage(ai_json_get(body, "usage", json_type_object), r);
	for (i = 0; i < json_object_array_length(content); i++) {
		b = json_object_array_get_idx(content, i);
		if ((type = ai_json_str(b, "type")) == NULL)
			continue;
		if (strcmp(type, "text") == 0 && (text = ai_json_str(b, "text")) != NULL &&
		    ai_round_text(r, text, strlen(text)) == -1)
			return -1;
		if (strcmp(type, "tool_use") == 0 && tool_use(b, -1, r) == -1)
			return -1;
	}
	return 0;
}

/* ---- the stream: one handler per event type ---- */

static int
ev_message_start(struct json_object *o, struct ai_round *r)
{
	struct json_object *m = ai_json_get(o, "message", json_type_object);

	read_usage(ai_json_get(m, "usage", json_type_object), r);
	return 0;
}

static int
ev_block_start(struct json_object *o, struct ai_round *r)
{
	struct json_object	*b = ai_json_get(o, "content_block", json_type_object);
	const char		*type = ai_json_str(b, "type"), *text;
	int64_t			 index = ai_json_int(o, "index");

	if (type != NULL && strcmp(type, "tool_use") == 0) {
		if (index < 0 || index > 1000)
			return ai_round_fail(r, "tool_use block without an index");
		return tool_use(b, (int)index, r);
	}
	if ((text = ai_json_str(b, "text")) != NULL)
		return ai_round_text(r, text, strlen(text));
	return 0;
}

static int
ev_block_delta(struct json_object *o, struct ai_round *r)
{
	struct json_object	*d = ai_json_get(o, "delta", json_type_object);
	const char		*type = ai_json_str(d, "type"), *s;
	int64_t			 index = ai_json_int(o, "index");
	size_t			 i;

	if (type == NULL)
		return 0;
	if (strcmp(type, "text_delta") == 0 && (s = ai_json_str(d, "text")) != NULL)
		return ai_round_text(r, s, strlen(s));
	if (strcmp(type, "input_json_delta") != 0 || (s = ai_json_str(d, "partial_json")) == NULL)
		return 0;
	for (i = 0; i < r->ncalls; i++)
		if (r->calls[i].index == index)
			return buf_puts(&r->calls[i].args, s) == 0 ? 0 :
			    ai_round_fail(r, "tool arguments too long");
	return 0;	/* a call left out (past AI_MAX_CALLS) */
}

static int
ev_message_delta(struct json_object *o, struct ai_round *r)
{
	read_usage(ai_json_get(o, "usage", json_type_object), r);
	return 0;
}

static int
ev_message_stop(struct json_object *o, struct ai_round *r)
{
	(void)o;
	r->ended = 1;
	return 0;
}

static int
ev_error(struct json_object *o, struct ai_round *r)
{
	return ai_round_error(r, ai_json_get(o, "error", json_type_object));
}

static const struct {
	const char	*type;
	int		(*fn)(struct json_object *, struct ai_round *);
} events[] = {
	{ "message_start",	ev_message_start },
	{ "content_block_start",	ev_block_start },
	{ "content_block_delta",	ev_block_delta },
	{ "message_delta",	ev_message_delta },
	{ "message_stop",	ev_message_stop },
	{ "error",		ev_error },
	/* ping, content_block_stop and types yet to come: nothing to do. */
};

static int
on_event(void *ctx, const char *event, const char *data, size_t len)
{
	struct ai_round		*r = ctx;
	struct json_object	*o;
	const char		*type;
	size_t			 i;
	int			 rc = 0;

	if ((o = ai_json_parse(data, len)) == NULL)
		return ai_round_fail(r, "invalid JSON in stream");
	if ((type = ai_json_str(o, "type")) == NULL)
		type = event;
	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++)
		if (strcmp(events[i].type, type) == 0) {
			rc = events[i].fn(o, r);
			break;
		}
	json_object_put(o);
	return rc;
}

/* The assistant's turn: its text, then its tool_use blocks (input {} when it was not an object). */
static struct json_object *
assistant_turn(const struct ai_round *r)
{
	struct json_object	*content = json_object_new_array(), *b, *input;
	size_t			 i;

	if (content == NULL)
		return NULL;
	if (r->text.len > 0 && ai_json_push(content, block("text", "text",
	    json_object_new_string_len(r->text.data, (int)r->text.len))) == -1)
		goto fail;
	for (i = 0; i < r->ncalls; i++) {
		input = ai_json_parse(r->calls[i].args.data, r->calls[i].args.len);
		if (input == NULL || !json_object_is_type(input, json_type_object)) {
			json_object_put(input);
			input = json_object_new_object();
		}
		if ((b = block("tool_use", "input", input)) == NULL)
			goto fail;
		json_object_object_add(b, "id", json_object_new_string(r->calls[i].id));
		json_object_object_add(b, "name", json_object_new_string(r->calls[i].name));
		if (ai_json_push(content, b) == -1)
			goto fail;
	}
	return ai_json_message("assistant", content);
fail:
	json_object_put(content);
	return NULL;
}

static struct json_object *
results_turn(const struct ai_round *r, struct json_object *const *results, const int *refused)
{
	struct json_object	*content = json_object_new_array(), *b;
	size_t			 i;

	for (i = 0; content != NULL && i < r->ncalls; i++) {
		b = block("tool_result", "content", json_object_new_string(
		    json_object_to_json_string_ext(results[i], JSON_FLAGS)));
		if (b == NULL) {
			json_object_put(content);
			return NULL;
		}
		json_object_object_add(b, "tool_use_id", json_object_new_string(r->calls[i].id));
		if (refused[i])
			json_object_object_add(b, "is_error", json_object_new_boolean(1));
		json_object_array_add(content, b);
	}
	return ai_json_message("user", content);
}

static int
add_results(struct json_object *req, const struct ai_round *r,
    struct json_object *const *results, const int *refused)
{
	struct json_object *msgs = ai_json_get(req, "messages", json_type_array);

	if (msgs == NULL || ai_json_push(msgs, assistant_turn(r)) == -1 ||
	    ai_json_push(msgs, results_turn(r, results, refused)) == -1)
		return -1;
	return 0;
}

const struct ai_provider ai_anthropic_provider = {
	.name = "anthropic",
	.default_base = "https://api.anthropic.com",
	.path = "/v1/messages",
	.default_model = AI_ANTHROPIC_DEFAULT_MODEL,
	.headers = anthropic_headers,
	.chat_request = chat_request,
	.complete_request = complete_request,
	.set_mode = set_mode,
	.set_max_tokens = set_max_tokens,
	.parse = parse,
	.on_event = on_event,
	.add_results = add_results,
};

int
ai_anthropic_chat(const struct ai_settings *s, const struct ai_chat *c,
    struct ai_result *res)
{
	return ai_remote_chat(&ai_anthropic_provider, s, c, res);
}

int
ai_anthropic_complete(const struct ai_settings *s, const char *system, const char *user,
    struct buf *out, struct ai_result *res)
{
	return ai_remote_complete(&ai_anthropic_provider, s, system, user, out, res);
}
