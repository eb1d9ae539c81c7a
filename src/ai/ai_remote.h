/*
 * ai_remote.h: the remote model providers (ai_openai.c, ai_anthropic.c),
 * the loop and pieces they share (ai.c), and the instructions they send
 * (ai_prompt.c). Only ai.c calls the entry points; tests call them too.
 */
#ifndef OZ_AI_REMOTE_H
#define OZ_AI_REMOTE_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdint.h>

#include "ai/ai.h"
#include "ai/ai_http.h"

/*
 * Entry points. chat: 0 with the reply in res->reply; -1 on failure with
 * res->error set (res->streamed says whether text already went out through
 * c->delta); -2 when c->delta asked to stop (the client went away).
 * complete: one answer to system + user, no tools, no stream, into out; 0/-1.
 */
int	ai_openai_chat(const struct ai_settings *s, const struct ai_chat *c,
	    struct ai_result *res);
int	ai_openai_complete(const struct ai_settings *s, const char *system,
	    const char *user, struct buf *out, struct ai_result *res);
int	ai_anthropic_chat(const struct ai_settings *s, const struct ai_chat *c,
	    struct ai_result *res);
int	ai_anthropic_complete(const struct ai_settings *s, const char *system,
	    const char *user, struct buf *out, struct ai_result *res);

/* The chat instructions for language (en|pt|es; others: en). Static text. */
const char *ai_prompt_chat(const char *language);
/* The instructions for rewording a plan (ai_complete) in language. Static text. */
const char *ai_prompt_plan_wording(const char *language);

/* The models asked when ai_model is empty. */
#define AI_OPENAI_DEFAULT_MODEL		"gpt-4o-mini"
#define AI_ANTHROPIC_DEFAULT_MODEL	"claude-3-5-haiku-latest"

/* ---- shared by the providers (ai.c) ---- */

#define AI_MAX_CALLS	8		/* tool calls read from one model response */
#define AI_MAX_ARGS	(64 * 1024)	/* bytes of one call's arguments */

struct ai_call {
	char		 id[128];
	char		 name[64];
	struct buf	 args;		/* the arguments as the model sent them: JSON text, maybe invalid */
	int		 index;		/* in a stream: OpenAI's tool_calls index, Anthropic's block */
};

/* One model response, as it is parsed or streamed in. */
struct ai_round {
	const char		*who;		/* the provider's name, for errors */
	const struct ai_chat	*chat;		/* NULL for a completion: text stays here */
	struct ai_result	*res;
	int			 stream;	/* text goes out through chat->delta */
	struct buf		 text;		/* this response's text */
	struct ai_call		 calls[AI_MAX_CALLS];
	size_t			 ncalls;
	int64_t			 input_tokens;
	int64_t			 output_tokens;
	int			 ended;		/* a stream's proper end arrived */
	int			 delivered;	/* text went out in this attempt: no retry */
	int			 client_gone;	/* chat->delta returned -1 */
	int			 no_tools;	/* the server refused the tools (ai_no_tools_error) */
	char			 error[160];	/* why the response is unusable */
};

/* A line of a provider's request headers: prefix alone, or prefix + API key. */
struct ai_header {
	const char	*line;
	int		 with_key;	/* append the key; left out when the key is "" */
};

/* What a provider is, for the shared loop. */
struct ai_provider {
	const char		*name;		/* "openai" */
	const char		*default_base;
	const char		*path;		/* appended to the base URL */
	const char		*default_model;
	const struct ai_header	*headers;	/* NULL-terminated by line */
	/* The chat request without mode: system, data, history, message, tools. NULL on OOM. */
	struct json_object	*(*chat_request)(const char *model, const struct ai_chat *c);
	/* The completion request (no tools). NULL on OOM. */
	struct json_object	*(*complete_request)(const char *model, const char *system,
				    const char *user);
	/* Set stream and whether tools may be called on req. 0/-1. */
	int			 (*set_mode)(struct json_object *req, int stream, int tools);
	/* Read a whole (non-stream) response into r. 0, or -1 with r->error. */
	int			 (*parse)(struct json_object *body, struct ai_round *r);
	/* Read a stream event into r (ctx is the round). 0, or -1 with r->error. */
	ai_sse_fn		 on_event;
	/* Cap the answer at n tokens in req (n > 0), sent to url. 0/-1. */
	int			 (*set_max_tokens)(struct json_object *req, int64_t n,
				    const char *url);
	/* Add the model's tool calls in r and their results (one per call) to req. 0/-1. */
	int			 (*add_results)(struct json_object *req, const struct ai_round *r,
				    struct json_object *const *results, const int *refused);
};

/* The two remote providers (ai_openai.c, ai_anthropic.c); tests and fuzzers feed them answers. */
extern const struct ai_provider ai_openai_provider;
extern const struct ai_provider ai_anthropic_provider;

/* Run a chat / a completion with provider p (the ai_*_chat/complete bodies). */
int	ai_remote_chat(const struct ai_provider *p, const struct ai_settings *s,
	    const struct ai_chat *c, struct ai_result *res);
int	ai_remote_complete(const struct ai_provider *p, const struct ai_settings *s,
	    const char *system, const char *user, struct buf *out, struct ai_result *res);

/*
 * Does an error body (len bytes, not NUL-terminated) say the model cannot
 * call tools ("… does not support tools" and the like)? 1/0.
 */
int	ai_no_tools_error(const char *body, size_t len);

/* Strict JSON (valid UTF-8 by utf8_valid, bounded depth, nothing after it): a new object or NULL. */
struct json_object *ai_json_parse(const char *s, size_t len);
/* The user-data block: a label saying it is data, then c's data as JSON. New string or NULL. */
struct json_object *ai_data_block(const struct ai_chat *c);
/* ai_tools[i]'s parameters schema, parsed; a new object, or NULL. */
struct json_object *ai_tool_schema(size_t i);
/* o[key] if it has that type, else NULL (o may be NULL). Borrowed. */
struct json_object *ai_json_get(struct json_object *o, const char *key, enum json_type type);
/* o[key] as a string if it is one, else NULL. Borrowed. */
const char *ai_json_str(struct json_object *o, const char *key);
/* o[key] as an integer if it is one, else -1. */
int64_t	ai_json_int(struct json_object *o, const char *key);
/* {"role": role, "content": content}, taking content; NULL (content put) on OOM. */
struct json_object *ai_json_message(const char *role, struct json_object *content);
/* Append v to arr, taking v; -1 (v put, nothing added) when v is NULL or on OOM. */
int	ai_json_push(struct json_object *arr, struct json_object *v);
/* "user" / "assistant". */
const char *ai_role_name(enum ai_role role);
/*
 * Prepare r for one model response of who ("openai"): for chat c (NULL for a
 * completion, whose text stays in r->text) into res, streamed or not.
 * ai_round_free releases what it holds.
 */
void	ai_round_init(struct ai_round *r, const char *who, const struct ai_chat *c,
	    struct ai_result *res, int stream);
void	ai_round_free(struct ai_round *r);
/* Text the model wrote: kept in r, added to the reply and streamed as the round says. 0/-1. */
int	ai_round_text(struct ai_round *r, const char *text, size_t len);
/*
 * A new call slot in r for stream index (-1 if none): id (a made-up one when
 * empty) and name copied, truncated. NULL when r is full: the call is then
 * left out of the turn (neither run nor sent back).
 */
struct ai_call *ai_round_call(struct ai_round *r, int index, const char *id,
	    const char *name);
/* Set r->error ("openai: …") and return -1. */
int	ai_round_fail(struct ai_round *r, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* The provider's error object err ({"type": …}): set r->error from its type alone; -1. */
int	ai_round_error(struct ai_round *r, struct json_object *err);

#endif
