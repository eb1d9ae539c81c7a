/* routes.c: every endpoint, one line each. */
#include "config.h"

#include <stddef.h>

#include "api/h_analytics.h"
#include "api/h_chat.h"
#include "api/h_evolution.h"
#include "api/h_goals.h"
#include "api/h_hooks.h"
#include "api/h_imports.h"
#include "api/h_intake.h"
#include "api/h_moves.h"
#include "api/h_ops.h"
#include "api/h_plan.h"
#include "api/h_reports.h"
#include "api/h_transactions.h"
#include "api/h_users.h"
#include "api/routes.h"

const struct oz_route oz_routes[] = {
	{ "GET",	"/health",	h_health,	ROUTE_PUBLIC },
	{ "GET",	"/ready",	h_ready,	ROUTE_PUBLIC },
	{ "POST",	"/v1/users",			h_users_create,	ROUTE_JSON },
	{ "GET",	"/v1/users",			h_users_list,	0 },
	{ "GET",	"/v1/users/{user_id}",		h_users_get,	0 },
	{ "PATCH",	"/v1/users/{user_id}",		h_users_update,	ROUTE_JSON },
	{ "DELETE",	"/v1/users/{user_id}",		h_users_delete,	0 },
	{ "POST",	"/v1/users/{user_id}/financial-intake",		h_intake_create,	ROUTE_JSON },
	{ "GET",	"/v1/users/{user_id}/financial-intake",		h_intake_latest,	0 },
	{ "GET",	"/v1/users/{user_id}/financial-intake/history",	h_intake_history,	0 },
	{ "POST",	"/v1/users/{user_id}/goals",			h_goals_create,		ROUTE_JSON },
	{ "GET",	"/v1/users/{user_id}/goals",			h_goals_list,		0 },
	{ "GET",	"/v1/users/{user_id}/goals/{goal_id}",		h_goals_get,		0 },
	{ "PATCH",	"/v1/users/{user_id}/goals/{goal_id}",		h_goals_update,		ROUTE_JSON },
	{ "DELETE",	"/v1/users/{user_id}/goals/{goal_id}",		h_goals_delete,		0 },
	{ "GET",	"/v1/users/{user_id}/goals/{goal_id}/contributions",	h_goals_contributions,	0 },
	{ "POST",	"/v1/users/{user_id}/transactions",		h_txn_create,		ROUTE_JSON | ROUTE_DOCUMENT },
	{ "GET",	"/v1/users/{user_id}/transactions",		h_txn_list,		0 },
	{ "GET",	"/v1/users/{user_id}/transactions/{transaction_id}",	h_txn_get,	0 },
	{ "PATCH",	"/v1/users/{user_id}/transactions/{transaction_id}",	h_txn_update,	ROUTE_JSON },
	{ "DELETE",	"/v1/users/{user_id}/transactions/{transaction_id}",	h_txn_delete,	0 },
	{ "GET",	"/v1/users/{user_id}/imports",			h_imports_list,		0 },
	{ "GET",	"/v1/users/{user_id}/imports/{import_id}",	h_imports_get,		0 },
	{ "DELETE",	"/v1/users/{user_id}/imports/{import_id}",	h_imports_delete,	0 },
	{ "GET",	"/v1/users/{user_id}/spending",			h_spending,		0 },
	{ "GET",	"/v1/users/{user_id}/recurring",		h_recurring,		0 },
	{ "GET",	"/v1/categories",				h_categories,		0 },
	{ "POST",	"/v1/users/{user_id}/plan",			h_plan_create,	ROUTE_JSON | ROUTE_BODY_OPTIONAL },
	{ "POST",	"/v1/users/{user_id}/plan/generate",		h_plan_create,	ROUTE_JSON | ROUTE_BODY_OPTIONAL },
	{ "POST",	"/v1/users/{user_id}/plan/personalize",		h_plan_create,	ROUTE_JSON | ROUTE_BODY_OPTIONAL },
	{ "GET",	"/v1/users/{user_id}/plan",			h_plan_latest,	0 },
	{ "GET",	"/v1/users/{user_id}/plan/history",		h_plan_history,	0 },
	{ "POST",	"/v1/users/{user_id}/money-moves/generate",	h_moves_generate, ROUTE_JSON | ROUTE_BODY_OPTIONAL },
	{ "GET",	"/v1/users/{user_id}/money-moves",		h_moves_list,	0 },
	{ "GET",	"/v1/users/{user_id}/money-moves/{move_id}",	h_moves_get,	0 },
	{ "PATCH",	"/v1/users/{user_id}/money-moves/{move_id}",	h_moves_update,	ROUTE_JSON },
	{ "PATCH",	"/v1/users/{user_id}/money-moves/{move_id}/tasks/{task_id}", h_moves_task_update, ROUTE_JSON },
	{ "POST",	"/v1/users/{user_id}/chat/messages",		h_chat_post,	ROUTE_JSON },
	{ "POST",	"/v1/users/{user_id}/chat",			h_chat_post,	ROUTE_JSON },
	{ "GET",	"/v1/users/{user_id}/chat/messages",		h_chat_list,	0 },
	{ "GET",	"/v1/usage",					h_usage,	0 },
	{ "GET",	"/v1/analytics/overview",			h_an_overview,	0 },
	{ "GET",	"/v1/analytics/spending",			h_an_spending,	0 },
	{ "GET",	"/v1/analytics/at-risk-users",			h_an_at_risk,	0 },
	{ "GET",	"/v1/analytics/trends",				h_an_trends,	0 },
	{ "POST",	"/v1/webhook-endpoints",			h_hooks_create,	ROUTE_JSON },
	{ "GET",	"/v1/webhook-endpoints",			h_hooks_list,	0 },
	{ "GET",	"/v1/webhook-endpoints/{endpoint_id}",		h_hooks_get,	0 },
	{ "PATCH",	"/v1/webhook-endpoints/{endpoint_id}",		h_hooks_update,	ROUTE_JSON },
	{ "DELETE",	"/v1/webhook-endpoints/{endpoint_id}",		h_hooks_delete,	0 },
	{ "GET",	"/v1/webhook-endpoints/{endpoint_id}/deliveries", h_hooks_deliveries, 0 },
	{ "PUT",	"/v1/integrations/evolution",			h_evo_put,	ROUTE_JSON },
	{ "GET",	"/v1/integrations/evolution",			h_evo_get,	0 },
	{ "DELETE",	"/v1/integrations/evolution",			h_evo_delete,	0 },
	/* Evolution's webhook: no client credentials (the instance and its secret say who). */
	{ "POST",	"/api/webhooks/evolution",	h_evo_webhook,	ROUTE_PUBLIC | ROUTE_JSON | ROUTE_DOCUMENT },
	{ "POST",	"/api/webhooks/evolution/messages-upsert",	h_evo_webhook,	ROUTE_PUBLIC | ROUTE_JSON | ROUTE_DOCUMENT },
	{ "POST",	"/webhooks/evolution",		h_evo_webhook,	ROUTE_PUBLIC | ROUTE_JSON | ROUTE_DOCUMENT },
	{ "POST",	"/webhooks/evolution/messages-upsert",	h_evo_webhook,	ROUTE_PUBLIC | ROUTE_JSON | ROUTE_DOCUMENT },
	{ NULL, NULL, NULL, 0 }
};
