/*
 * ai.h: the AI coach behind one interface (DESIGN §5, issue 7).
 *
 * Three providers answer a chat turn: "local" (domain/coach.c, deterministic,
 * no network, the default), "openai" (ai_openai.c, any Chat Completions
 * endpoint) and "anthropic" (ai_anthropic.c, the Messages API). ai.c picks
 * one from the settings, guards the remote ones with the host's circuit
 * breaker (ai_breaker.c) and falls back to local when they fail.
 *
 * The model never sees a user id. It reads the user's data only through the
 * read-only tools below, which the server runs for the conversation's user;
 * the user's message and data travel apart from the instructions.
 */
#ifndef OZ_AI_H
#define OZ_AI_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct facts_src;
struct fact_txn;
struct json_object;

#define AI_MAX_TOOL_ROUNDS	4	/* model -> tools -> model round trips */
#define AI_MAX_LIST_ROWS	50	/* list_transactions limit */
#define AI_MAX_GROUPS		64	/* groups of get_spending_breakdown, rows of get_recurring_payments */
#define AI_MAX_REPLY		16384	/* bytes of reply text kept */

/*
 * The read-only tools, by name, with their JSON-schema parameters, for both
 * remote providers (NULL-terminated). Tool results are JSON objects; amounts
 * are JSON numbers in major units of the user's currency (45.90).
 *
 *  get_spending_summary {period?, from?, to?, category?}
 *    period: today|yesterday|this_week|last_week|this_month|last_month|
 *            last_7_days|last_30_days|last_90_days|this_year (default
 *            this_month; weeks start on Monday); from/to (YYYY-MM-DD, both
 *            or neither) override it; category: one of the categories.
 *    -> {"period","from","to","currency","category"|null,"total_spent",
 *        "transaction_count","income","by_category":[{"category","amount",
 *        "count"}…]}  (spending only, largest first; income is not spending)
 *  list_transactions {category?, from?, to?, search?, type?, limit?}
 *    type: spending|income|all (default all); limit 1..50 (default 20)
 *    -> {"transactions":[{"id","date","description","merchant","category",
 *        "amount","currency"}…],"count","truncated"}   (newest first)
 *  get_plan {}        -> {"plan": null | {"id","created_at","summary",
 *        "timeline_months","allocations","key_metrics","action_items"}}
 *  get_goals {}       -> {"goals":[{"id","goal_type","goal_name",
 *        "target_amount","current_amount","starting_amount","target_date",
 *        "cadence","next_move_date","status","is_primary"}…]}
 *  get_intake {}      -> {"intake": null | {"month","monthly_income",
 *        "monthly_expenses","monthly_surplus","savings_balance",
 *        "debt_balance","debt_interest_rate","next_pay_date",
 *        "financial_goal"}}
 *  get_money_moves {} -> {"current": null | {"id","due_date","status",
 *        "tasks":[{"id","task_type","title","amount","status","priority"}…]},
 *        "points"}
 * Invalid arguments (unknown keys, a user id, wrong types) give
 * {"error": "…"} and nothing else.
 */
struct ai_tool_def {
	const char	*name;
	const char	*description;
	const char	*parameters;	/* JSON Schema text of the arguments object */
};
extern const struct ai_tool_def ai_tools[];

/*
 * Streaming: called with each piece of reply text as it is produced. A call
 * with text NULL (len 0) means "discard what was streamed so far" (a provider
 * failed mid-stream and local answers instead). Return 0, or -1 to stop (the
 * client went away).
 */
typedef int (*ai_delta_fn)(void *ctx, const char *text, size_t len);

enum ai_role { AI_ROLE_USER, AI_ROLE_ASSISTANT };

struct ai_turn {
	enum ai_role	 role;
	const char	*content;
};

/* One chat turn to answer. */
struct ai_chat {
	const char	*language;	/* "en" | "pt" | "es" */
	const char	*currency;	/* ISO 4217, the user's */
	const char	*today;		/* "YYYY-MM-DD" (server's UTC date) */
	const char	*message;	/* the user's message, as sent (<= 2000 chars) */
	const struct ai_turn *history;	/* earlier turns, oldest first, within budget */
	size_t		 nhistory;
	/*
	 * The user's data (never email, phone or ids of other users), read as
	 * typed facts by the local coach and through the tools above by a
	 * model, which also gets it up front as {"user", "intake", "goal",
	 * "plan", "money_moves", "spending_last_30_days"}.
	 */
	const struct facts_src *facts;
	/* Transactions the server created from this message ("spent 12 on lunch"): the reply confirms them. */
	const struct fact_txn *logged;
	size_t		 nlogged;
	ai_delta_fn	 delta;		/* NULL: no streaming */
	void		*delta_ctx;
};

/* What answered and how. */
struct ai_result {
	struct buf	 reply;		/* the whole reply text (buf_init'd by ai_result_init) */
	char		 emotion[16];	/* encouraging|neutral|cautious|celebratory */
	char		 topic[16];	/* savings|spending|goals|debt|general */
	char		 intent[24];	/* progress_check|advice_request|transaction_log|
					   goal_update|emotional_support */
	char		 provider[16];	/* who wrote the reply: local|openai|anthropic */
	char		 model[128];	/* "" for local */
	int		 fallback;	/* 1: a remote provider failed, local answered */
	char		 error[192];	/* why the provider failed ("" if it did not); no secrets */
	int		 streamed;	/* 1: some text went out through delta */
	int		 requests;	/* HTTP requests made to the provider, retries included */
	int		 tool_calls;	/* tools run for the model */
	int		 tool_refused;	/* of those, refused for invalid arguments */
	int64_t		 input_tokens;	/* as the provider reported them */
	int64_t		 output_tokens;
};

void	ai_result_init(struct ai_result *res);
void	ai_result_free(struct ai_result *res);

/* The provider settings, from the configuration (conf.h). */
struct ai_settings {
	const char	*provider;	/* "local" | "openai" | "anthropic" */
	const char	*base_url;	/* "" -> the provider's public endpoint */
	const char	*api_key;	/* secret; never logged */
	const char	*model;		/* "" -> the provider's default model */
	long		 timeout_ms;	/* total, retries included */
	int		 max_retries;
	int64_t		 max_tokens;	/* cap on the answer's tokens; 0: the provider's default */
	int		 tools_off;	/* never offer the model tools */
};

/*
 * Answer one chat turn with s->provider, guarded by the circuit breaker, and
 * with local as the fallback; fills res (provider, model, fallback, usage,
 * and emotion/topic/intent by coach_classify when the provider left them
 * empty). Returns 0, or -1 only on OOM.
 */
int	ai_chat_run(const struct ai_settings *s, const struct ai_chat *c,
	    struct ai_result *res);

/* The model s asks: ai_model, or the provider's default ("" for local). */
const char *ai_settings_model(const struct ai_settings *s);

/*
 * One plain completion (no tools, no streaming) for plan wording: the
 * instructions in system, the data in user. 0 with the text in out, or -1
 * (res->error says why). Not for local.
 */
int	ai_complete(const struct ai_settings *s, const char *system, const char *user,
	    struct buf *out, struct ai_result *res);

#endif
