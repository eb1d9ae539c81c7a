/*
 * fuzz_ai_tools.c: the arguments a model sends to the coach's read-only
 * tools (ai_tool_run, src/ai/ai_tools.c), which read the user's facts
 * (tests/fuzz/fuzz_facts.h checks every question asked of them).
 *
 * Input: one byte choosing the tool and whether the user has data, none, or
 * data that cannot be read; then the arguments as the model wrote them
 * (read as ai.c does: ai_json_parse, an object or refused). Checks, besides
 * crashes, leaks and sanitizer reports: every answer is a JSON object that
 * writes out and reads back; bad arguments give {"error": "…"} and nothing
 * else; the facts are asked only sensible questions (dates that exist, a
 * range in order, a known category and kind, a UTF-8 search).
 *
 * libFuzzer options: -max_len=4096
 */
#include "config.h"

#include "fuzz.h"
#include "fuzz_facts.h"

#include <json-c/json.h>

#include "ai/ai.h"
#include "ai/ai_remote.h"
#include "ai/ai_tools.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const extra[] = { "no_such_tool", "", "get_plan " };
	unsigned		 opt = fuzz_byte(&data, &size);
	size_t			 ntools, i;
	const char		*name, *text;
	struct fuzz_facts	 f;
	struct json_object	*args, *out, *back, *err;
	size_t			 len;

	for (ntools = 0; ai_tools[ntools].name != NULL; ntools++)
		;
	i = (opt & 15) % (ntools + 3);
	name = i < ntools ? ai_tools[i].name : extra[i - ntools];
	if ((args = size == 0 ? json_object_new_object() :
	    ai_json_parse((const char *)data, size)) == NULL ||
	    !json_object_is_type(args, json_type_object)) {
		json_object_put(args);
		return 0;	/* ai.c refuses these before any tool runs */
	}
	fuzz_facts_init(&f, (enum fuzz_facts_mode)((opt >> 4) % 3), "USD");
	out = ai_tool_run(&f.src, "2026-11-24", name, args);
	FUZZ_CHECK(out != NULL && json_object_is_type(out, json_type_object), "no object");
	if (json_object_object_get_ex(out, "error", &err)) {
		FUZZ_CHECK(json_object_is_type(err, json_type_string) &&
		    json_object_object_length(out) == 1, "an error and more");
	}
	text = json_object_to_json_string_length(out, JSON_C_TO_STRING_PLAIN, &len);
	FUZZ_CHECK(text != NULL, "cannot write the answer");
	back = ai_json_parse(text, len);
	FUZZ_CHECK(back != NULL, "the answer does not read back: %s", text);
	json_object_put(back);
	json_object_put(out);
	json_object_put(args);
	return 0;
}
