/*
 * ai_tools.h: the coach's read-only tools (ai.h lists them) over the
 * database, for one user of one client fixed by the server: a model (or the
 * local coach) names a tool and its arguments, never a user.
 */
#ifndef OZ_AI_TOOLS_H
#define OZ_AI_TOOLS_H

struct json_object;
struct oz_app;
struct oz_req;

struct ai_tool_ctx {
	struct oz_app	*app;
	struct oz_req	*r;		/* its client_id scopes every query */
	const char	*user_id;
	const char	*currency;	/* the user's */
	const char	*today;		/* "YYYY-MM-DD" */
	int		 db_failed;	/* a query failed (database down…) */
};

/* ai_tool_fn for ctx (a struct ai_tool_ctx): a new JSON object, or NULL on OOM. */
struct json_object *ai_tool_run(void *ctx, const char *name, struct json_object *args);
/*
 * The user's data for a model's context (ai.h struct ai_chat.context), as a
 * new object: user, intake, goal, plan, money_moves, spending_last_30_days.
 */
struct json_object *ai_tools_context(struct ai_tool_ctx *t, const char *language);
/* Shift a "YYYY-MM-DD" date by days into out[11]; 0, or -1 for a bad date. */
int	ai_date_add(const char *date, long days, char out[11]);

#endif
