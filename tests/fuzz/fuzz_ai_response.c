/*
 * fuzz_ai_response.c: what a model provider answers, read by the provider's
 * own parser (src/ai/ai_openai.c, ai_anthropic.c through their
 * ai_openai_provider / ai_anthropic_provider): a whole JSON response, or a
 * stream of server-sent events (src/ai/ai_sse.c) each holding a JSON chunk;
 * then the next request built from that answer (the model's turn and its
 * tool calls echoed back, add_results).
 *
 * Input: one byte choosing the provider, whole or streamed, chat or
 * completion, whether the client goes away, and whether a stream asked for
 * came back whole (a server that ignores "stream": true: the whole answer
 * is parsed and its text streamed to the client); then the response body,
 * also read as an error body (ai_no_tools_error) and, its first line, as a
 * Content-Type (ai_http_json_type).
 * Checks, besides crashes, leaks and sanitizer reports:
 *  - the reply and the round's text stay within AI_MAX_REPLY, are valid
 *    UTF-8, and the reply is what was streamed;
 *  - at most AI_MAX_CALLS calls, each with an id and its arguments within
 *    AI_MAX_ARGS;
 *  - a failure says why, prefixed by the provider's name, in printable
 *    ASCII (it is logged: nothing of the provider's text may pass);
 *  - the next request, with the answer's turn added, is JSON that reads
 *    back (what is sent to the provider is always valid).
 *
 * libFuzzer options: -max_len=16384
 */
#include "config.h"

#include "fuzz.h"

#include <json-c/json.h>

#include "ai/ai.h"
#include "ai/ai_http.h"
#include "ai/ai_remote.h"
#include "ai/ai_sse.h"
#include "core/buf.h"
#include "core/utf8.h"

struct sink {
	struct buf	 text;		/* what went out to the client */
	int		 fail;		/* the client is gone */
};

static int
delta(void *ctx, const char *text, size_t len)
{
	struct sink *s = ctx;

	FUZZ_CHECK(text != NULL && len > 0, "an empty delta");
	if (s->fail)
		return -1;
	if (buf_append(&s->text, text, len) == -1)
		abort();
	return 0;
}

static void
check_round(const struct ai_round *r, const struct ai_result *res, int rc,
    const char *who)
{
	size_t i;

	FUZZ_CHECK(r->text.len <= AI_MAX_REPLY && res->reply.len <= AI_MAX_REPLY, "too long");
	FUZZ_CHECK(utf8_valid(r->text.data ? r->text.data : "", r->text.len),
	    "the text is not UTF-8");
	FUZZ_CHECK(utf8_valid(res->reply.data ? res->reply.data : "", res->reply.len),
	    "the reply is not UTF-8");
	FUZZ_CHECK(r->ncalls <= AI_MAX_CALLS, "%zu calls", r->ncalls);
	for (i = 0; i < r->ncalls; i++) {
		FUZZ_CHECK(r->calls[i].id[0] != '\0', "a call without an id");
		FUZZ_CHECK(r->calls[i].args.len <= AI_MAX_ARGS, "arguments too long");
	}
	if (rc == -1) {
		FUZZ_CHECK(strncmp(r->error, who, strlen(who)) == 0 &&
		    r->error[strlen(who)] == ':', "error '%s'", r->error);
		for (i = 0; r->error[i]; i++)
			FUZZ_CHECK(r->error[i] >= 0x20 && r->error[i] < 0x7f,
			    "error byte 0x%02x", (unsigned char)r->error[i]);
	}
}

/* The next request: the answer's turn and a result per call, added; it must read back. */
static void
check_next_request(const struct ai_provider *p, const struct ai_round *r)
{
	struct json_object	*req = json_object_new_object(), *results[AI_MAX_CALLS], *back;
	int			 refused[AI_MAX_CALLS];
	const char		*text;
	size_t			 i, len;

	json_object_object_add(req, "messages", json_object_new_array());
	for (i = 0; i < r->ncalls; i++) {
		results[i] = json_object_new_object();
		json_object_object_add(results[i], "error", json_object_new_string("refused"));
		refused[i] = (int)(i & 1);
	}
	FUZZ_CHECK(p->add_results(req, r, results, refused) == 0, "add_results failed");
	text = json_object_to_json_string_length(req, JSON_C_TO_STRING_PLAIN, &len);
	FUZZ_CHECK(text != NULL, "cannot write the request");
	back = ai_json_parse(text, len);
	FUZZ_CHECK(back != NULL, "the next request is not JSON: %s", text);
	json_object_put(back);
	for (i = 0; i < r->ncalls; i++)
		json_object_put(results[i]);
	json_object_put(req);
}

/* Whether an error body says the model takes no tools: 0 or 1, whatever the bytes. */
static size_t
fuzz_ai_no_tools(const uint8_t *data, size_t size)
{
	int yes = ai_no_tools_error((const char *)data, size);

	FUZZ_CHECK(yes == 0 || yes == 1, "ai_no_tools_error %d", yes);
	return (size_t)yes;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned		 opt = fuzz_byte(&data, &size);
	const struct ai_provider *p = (opt & 1) ? &ai_anthropic_provider : &ai_openai_provider;
	int			 stream = (opt & 2) != 0, is_chat = (opt & 4) != 0;
	int			 plain = (opt & 16) != 0;	/* stream asked, whole answer */
	int			 streamed = (stream || plain) && is_chat;
	char			 ctype[128];
	size_t			 n;
	struct sink		 sink;
	struct ai_chat		 chat;
	struct ai_result	 res;
	struct ai_round		 r;
	struct ai_sse		 sse;
	struct json_object	*o;
	int			 rc = 0;

	memset(&chat, 0, sizeof(chat));
	memset(&sink, 0, sizeof(sink));
	buf_init(&sink.text, 1 << 20);
	sink.fail = (opt & 8) != 0;
	chat.language = "en";
	chat.currency = "USD";
	chat.today = "2026-11-24";
	chat.message = "how am I doing?";
	chat.delta = stream || plain ? delta : NULL;
	chat.delta_ctx = &sink;
	ai_result_init(&res);
	(void)fuzz_ai_no_tools(data, size);
	for (n = 0; n < size && n + 1 < sizeof(ctype) && data[n] != '\n' && data[n] != '\0'; n++)
		ctype[n] = (char)data[n];
	ctype[n] = '\0';
	n = (size_t)ai_http_json_type(ctype) + 1;
	FUZZ_CHECK(n <= 2, "json_type %zu", n);
	ai_round_init(&r, p->name, is_chat ? &chat : NULL, &res, streamed);
	if (stream && !plain) {
		ai_sse_init(&sse, p->on_event, &r);
		rc = ai_sse_feed(&sse, (const char *)data, size);
		if (rc == -1 && r.error[0] == '\0')
			FUZZ_CHECK(sse.error[0] != '\0' || r.client_gone, "stopped without a reason");
		if (sse.error[0] != '\0')
			snprintf(r.error, sizeof(r.error), "%s: %s", p->name, sse.error);
		ai_sse_free(&sse);
	} else if ((o = ai_json_parse((const char *)data, size)) != NULL) {
		rc = p->parse(o, &r);
		json_object_put(o);
	}
	check_round(&r, &res, rc, p->name);
	if (streamed && !sink.fail)
		FUZZ_CHECK(sink.text.len == res.reply.len && (res.reply.len == 0 ||
		    memcmp(sink.text.data, res.reply.data, res.reply.len) == 0),
		    "what was streamed is not the reply");
	if (rc == 0)
		check_next_request(p, &r);
	ai_round_free(&r);
	ai_result_free(&res);
	buf_free(&sink.text);
	return 0;
}
