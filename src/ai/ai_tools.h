/*
 * ai_tools.h: the coach's read-only tools (ai.h lists them) for a model:
 * JSON arguments in, the user's typed facts (domain/facts.h) out as JSON.
 * The facts source answers for one user of one client fixed by the server:
 * a model names a tool and its arguments, never a user.
 */
#ifndef OZ_AI_TOOLS_H
#define OZ_AI_TOOLS_H

#include <stddef.h>

struct facts_src;
struct fact_txn;
struct json_object;

/*
 * Run tool name with args (an object) for f's user, today being "YYYY-MM-DD".
 * Returns a new JSON object the caller puts: the result, or {"error": "…"}
 * for an unknown tool, bad arguments or data that cannot be read. NULL only
 * on OOM.
 */
struct json_object *ai_tool_run(const struct facts_src *f, const char *today,
	    const char *name, struct json_object *args);
/*
 * The user's data for a model's context (ai.h ai_chat), as a new object:
 * user, intake, goal, plan, money_moves, spending_last_30_days.
 */
struct json_object *ai_tools_context(const struct facts_src *f, const char *language,
	    const char *today);
/* Transactions a message logged, as a new JSON array of {amount, currency, category, description, date}. */
struct json_object *ai_tools_logged(const struct fact_txn *t, size_t n);

#endif
