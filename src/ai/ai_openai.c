/*
 * ai_openai.c: the OpenAI Chat Completions API, or any server that speaks
 * it (Ollama, vLLM, a gateway): the request, the tool-call messages, and the
 * answer whole or streamed. The loop itself is ai_remote_chat (ai.c).
 */
#include "config.h"

#include <json-c/json.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ai/ai.h"
#include "ai/ai_remote.h"

#define JSON_FLAGS	(JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)

static const struct ai_header openai_headers[] = {
	{ "Authorization: Bearer ", 1 },
	{ NULL, 0 },
};

static struct json_object *
tools_json(void)
{
	struct json_object	*arr = json_object_new_array(), *fn, *t, *schema;
	size_t			 i;

	for (i = 0; arr != NULL && ai_tools[i].name != NULL; i++) {
		fn = json_object_new_object();
		t = json_object_new_object();
		if ((schema = ai_tool_schema(i)) == NULL || fn == NULL || t == NULL) {
			json_object_put(schema);
			json_object_put(fn);
			json_object_put(t);
			json_object_put(arr);
			return NULL;
		}
		json_object_object_add(fn, "name", json_object_new_string(ai_tools[i].name));
		json_object_object_add(fn, "description",
		    json_object_new_string(ai_tools[i].description));
		json_object_object_add(fn, "parameters", schema);
		json_object_object_add(t, "type", json_object_new_string("function"));
		json_object_object_add(t, "function", fn);
		json_object_array_add(arr, t);
	}
	return arr;
}

/*
 * The instructions, then the user's data in a message of its own that says
 * it is data, then the conversation, then the message alone.
 */
static struct json_object *
chat_request(const char *model, const struct ai_chat *c)
{
	struct json_object	*req = json_object_new_object(), *msgs = json_object_new_array();
	struct json_object	*tools = tools_json();
	size_t			 i;

	if (req == NULL || msgs == NULL || tools == NULL)
		goto fail;
	if (ai_json_push(msgs, ai_json_message("system",
	    json_object_new_string(ai_prompt_chat(c->language)))) ||
	    ai_json_push(msgs, ai_json_message("system", ai_data_block(c))))
		goto fail;
	for (i = 0; i < c->nhistory; i++) {
		if (c->history[i].content == NULL || c->history[i].content[0] == '\0')
			continue;
		if (ai_json_push(msgs, ai_json_message(ai_role_name(c->history[i].role),
		    json_object_new_string(c->history[i].content))))
			goto fail;
	}
	if (ai_json_push(msgs, ai_json_message("user", json_object_new_string(c->message))))
		goto fail;
	json_object_object_add(req, "model", json_object_new_string(model));
	json_object_object_add(req, "messages", msgs);
	json_object_object_add(req, "tools", tools);
	return req;
fail:
	json_object_put(req);
	json_object_put(msgs);
	json_object_put(tools);
	return NULL;
}

static struct json_object *
complete_request(const char *model, const char *system, const char *user)
{
	struct json_object *req = json_object_new_object(), *msgs = json_object_new_array();

	if (req == NULL || msgs == NULL ||
	    ai_json_push(msgs, ai_json_message("system", json_object_new_string(system))) ||
	    ai_json_push(msgs, ai_json_message("user", json_object_new_string(user)))) {
		json_object_put(req);
		json_object_put(msgs);
		return NULL;
	}
	json_object_object_add(req, "model", json_object_new_string(model));
	json_object_object_add(req, "messages", msgs);
	return req;
}

static int
set_mode(struct json_object *req, int stream, int tools)
{
	struct json_object *so;

	if (stream) {
		if ((so = json_object_new_object()) == NULL)
			return -1;
		json_object_object_add(so, "include_usage", json_object_new_boolean(1));
		json_object_object_add(req, "stream", json_object_new_boolean(1));
		json_object_object_add(req, "stream_options", so);
	} else {
		json_object_object_del(req, "stream");
		json_object_object_del(req, "stream_options");
	}
	/* "none" keeps the tools (the history has calls) but forces text. */
	if (json_object_object_get_ex(req, "tools", NULL))
		json_object_object_add(req, "tool_choice",
		    json_object_new_string(tools ? "auto" : "none"));
	return 0;
}

/*
 * OpenAI's own API takes max_completion_tokens (its reasoning models refuse
 * max_tokens); the servers that speak its protocol (Ollama, vLLM,
 * llama.cpp, gateways) know max_tokens.
 */
static int
set_max_tokens(struct json_object *req, int64_t n, const char *url)
{
	static const char	 official[] = "https://api.openai.com/";
	int			 own = strncasecmp(url, official, sizeof(official) - 1) == 0;

	json_object_object_del(req, own ? "max_tokens" : "max_completion_tokens");
	return json_object_object_add(req, own ? "max_completion_tokens" : "max_tokens",
	    json_object_new_int64(n));
}

static void
read_usage(struct json_object *o, struct ai_round *r)
{
	struct json_object	*u = ai_json_get(o, "usage", json_type_object);
	int64_t			 n;

	if ((n = ai_json_int(u, "prompt_tokens")) >= 0)
		r->input_tokens = n;
	if ((n = ai_json_int(u, "completion_tokens")) >= 0)
		r->output_tokens = n;
}

/* One call of a whole response: {"id","type","function":{"name","arguments"}}. */
static int
read_call(struct json_object *tc, struct ai_round *r)
{
	struct json_object	*fn = ai_json_get(tc, "function", json_type_object);
	const char		*args = ai_json_str(fn, "arguments");
	struct ai_call		*call;

	if ((call = ai_round_call(r, -1, ai_json_str(tc, "id"), ai_json_str(fn, "name"))) == NULL)
		return 0;	/* past AI_MAX_CALLS: left out of the turn altogether */
	if (args != NULL && buf_puts(&call->args, args) == -1)
		return ai_round_fail(r, "tool arguments too long");
	return 0;
}

static int
parse(struct json_object *body, struct ai_round *r)
{
	struct json_object	*choices, *msg, *calls, *err;
	const char		*text;
	size_t			 i;

	if ((err = ai_json_get(body, "error", json_type_object)) != NULL)
		return ai_round_error(r, err);
	choices = ai_json_get(body, "choices", json_type_array);
	if (choices == NULL || json_object_array_length(choices) == 0 ||
	    (msg = ai_json_get(json_object_array_get_idx(choices, 0), "message",
	    json_type_object)) == NULL)
		return ai_round_fail(r, "no message in response");
	read_usage(body, r);
	if ((text = ai_json_str(msg, "content")) != NULL &&
	    ai_round_text(r, text, strlen(text)) == -1)
		return -1;
	calls = ai_json_get(msg, "tool_calls", json_type_array);
	for (i = 0; calls != NULL && i < json_object_array_length(calls); i++)
		if (read_call(json_object_array_get_idx(calls, i), r) == -1)
			return -1;
	return 0;
}

/* A streamed call fragment: the first of an index names it, the rest add arguments. */
static int
stream_call(struct json_object *tc, struct ai_round *r)
{
	struct json_object	*fn = ai_json_get(tc, "function", json_type_object);
	const char		*name = ai_json_str(fn, "name"), *args = ai_json_str(fn, "arguments");
	int64_t			 index = ai_json_int(tc, "index");
	struct ai_call		*call = NULL;
	size_t			 i;

	if (index < 0 || index > 1000)
		return ai_round_fail(r, "tool call without an index in stream");
	for (i = 0; i < r->ncalls && call == NULL; i++)
		if (r->calls[i].index == (int)index)
			call = &r->calls[i];
	if (call == NULL &&
	    (call = ai_round_call(r, (int)index, ai_json_str(tc, "id"), name)) == NULL)
		return 0;	/* past AI_MAX_CALLS: left out of the turn altogether */
	if (name != NULL && call->name[0] == '\0')
		snprintf(call->name, sizeof(call->name), "%s", name);
	if (args != NULL && buf_puts(&call->args, args) == -1)
		return ai_round_fail(r, "tool arguments too long");
	return 0;
}

static int
stream_chunk(struct json_object *o, struct ai_round *r)
{
	struct json_object	*choices, *delta, *calls, *err;
	const char		*text;
	size_t			 i;

	if ((err = ai_json_get(o, "error", json_type_object)) != NULL)
		return ai_round_error(r, err);
	read_usage(o, r);
	choices = ai_json_get(o, "choices", json_type_array);
	if (choices == NULL || json_object_array_length(choices) == 0)
		return 0;	/* the usage chunk */
	delta = ai_json_get(json_object_array_get_idx(choices, 0), "delta", json_type_object);
	if ((text = ai_json_str(delta, "content")) != NULL &&
	    ai_round_text(r, text, strlen(text)) == -1)
		return -1;
	calls = ai_json_get(delta, "tool_calls", json_type_array);
	for (i = 0; calls != NULL && i < json_object_array_length(calls); i++)
		if (stream_call(json_object_array_get_idx(calls, i), r) == -1)
			return -1;
	return 0;
}

static int
on_event(void *ctx, const char *event, const char *data, size_t len)
{
	struct ai_round		*r = ctx;
	struct json_object	*o;
	int			 rc;

	(void)event;
	if (len == 6 && memcmp(data, "[DONE]", 6) == 0) {
		r->ended = 1;
		return 0;
	}
	if ((o = ai_json_parse(data, len)) == NULL)
		return ai_round_fail(r, "invalid JSON in stream");
	rc = stream_chunk(o, r);
	json_object_put(o);
	return rc;
}

/* The assistant's turn as the model gave it: its text and its calls, arguments verbatim. */
static struct json_object *
assistant_turn(const struct ai_round *r)
{
	struct json_object	*m = json_object_new_object(), *calls = json_object_new_array();
	struct json_object	*tc, *fn;
	size_t			 i;

	if (m == NULL || calls == NULL) {
		json_object_put(m);
		json_object_put(calls);
		return NULL;
	}
	json_object_object_add(m, "role", json_object_new_string("assistant"));
	json_object_object_add(m, "content", r->text.len > 0 ?
	    json_object_new_string_len(r->text.data, (int)r->text.len) : NULL);
	for (i = 0; i < r->ncalls; i++) {
		if ((tc = json_object_new_object()) == NULL || (fn = json_object_new_object()) == NULL) {
			json_object_put(tc);
			json_object_put(m);
			json_object_put(calls);
			return NULL;
		}
		json_object_object_add(fn, "name", json_object_new_string(r->calls[i].name));
		json_object_object_add(fn, "arguments", json_object_new_string(
		    r->calls[i].args.len > 0 ? buf_str(&r->calls[i].args) : "{}"));
		json_object_object_add(tc, "id", json_object_new_string(r->calls[i].id));
		json_object_object_add(tc, "type", json_object_new_string("function"));
		json_object_object_add(tc, "function", fn);
		json_object_array_add(calls, tc);
	}
	json_object_object_add(m, "tool_calls", calls);
	return m;
}

static int
add_results(struct json_object *req, const struct ai_round *r,
    struct json_object *const *results, const int *refused)
{
	struct json_object	*msgs = ai_json_get(req, "messages", json_type_array), *m;
	size_t			 i;

	(void)refused;
	if (msgs == NULL || ai_json_push(msgs, assistant_turn(r)) == -1)
		return -1;
	for (i = 0; i < r->ncalls; i++) {
		m = ai_json_message("tool", json_object_new_string(
		    json_object_to_json_string_ext(results[i], JSON_FLAGS)));
		if (m == NULL)
			return -1;
		json_object_object_add(m, "tool_call_id", json_object_new_string(r->calls[i].id));
		if (ai_json_push(msgs, m) == -1)
			return -1;
	}
	return 0;
}

const struct ai_provider ai_openai_provider = {
	.name = "openai",
	.default_base = "https://api.openai.com/v1",
	.path = "/chat/completions",
	.default_model = AI_OPENAI_DEFAULT_MODEL,
	.headers = openai_headers,
	.chat_request = chat_request,
	.complete_request = complete_request,
	.set_mode = set_mode,
	.set_max_tokens = set_max_tokens,
	.parse = parse,
	.on_event = on_event,
	.add_results = add_results,
};

int
ai_openai_chat(const struct ai_settings *s, const struct ai_chat *c, struct ai_result *res)
{
	return ai_remote_chat(&ai_openai_provider, s, c, res);
}

int
ai_openai_complete(const struct ai_settings *s, const char *system, const char *user,
    struct buf *out, struct ai_result *res)
{
	return ai_remote_complete(&ai_openai_provider, s, system, user, out, res);
}
