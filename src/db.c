/* db.c: the worker's connection, its prepared statements, and reconnection. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "num.h"

/* Timestamps as RFC 3339 UTC, and the cursor position in microseconds. */
#define TS(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
#define CURSOR_US(col) "(extract(epoch FROM " col ") * 1000000)::bigint::text"
#define CURSOR_BEFORE(tscol, idcol, tsparam, idparam) \
	"(" tsparam "::bigint IS NULL OR (" tscol ", " idcol ") < " \
	"(timestamptz 'epoch' + " tsparam "::bigint * interval '1 microsecond', " idparam "::text))"

#define USER_COLS "id, external_user_id, name, email, phone, language, currency, " \
	"onboarding_stage, points::text, " TS("created_at") ", " TS("updated_at") ", " \
	CURSOR_US("created_at")

#define INTAKE_COLS "id, user_id, month, monthly_income::text, monthly_expenses::text, " \
	"(monthly_income - monthly_expenses)::text, financial_goal, next_pay_date::text, " \
	"savings_balance::text, debt_balance::text, debt_interest_rate::text, " \
	TS("created_at") ", " CURSOR_US("created_at")

#define GOAL_COLS "id, user_id, goal_type, goal_name, target_amount::text, " \
	"starting_amount::text, current_amount::text, target_date::text, cadence, " \
	"next_move_date::text, status, is_primary, " TS("created_at") ", " TS("updated_at") ", " \
	CURSOR_US("created_at")

#define TXN_COLS "id, user_id, amount_cents::text, currency, category, description, " \
	"merchant, transaction_date::text, source, ai_confidence::text, categorized_by, " \
	"import_id, " TS("created_at") ", " CURSOR_US("created_at") ", merchant_key"

#define PLAN_COLS "id, body::text, " CURSOR_US("created_at")

/* A cycle, its read-time status, and its tasks as a JSON array. */
#define MM_COLS "c.id, c.user_id, c.plan_id, c.goal_id, c.cycle_number::text, c.cadence, " \
	"c.due_date::text, CASE WHEN c.status = 'scheduled' AND c.due_date <= current_date " \
	"THEN 'available' ELSE c.status END, " TS("c.completed_at") ", " TS("c.created_at") ", " \
	TS("c.updated_at") ", " CURSOR_US("c.created_at") ", coalesce((SELECT json_agg(" \
	"json_build_object('id', t.id, 'task_type', t.task_type, 'title', t.title, " \
	"'amount_cents', t.amount_cents, 'priority', t.priority, 'status', t.status, " \
	"'points_awarded', t.points_awarded, 'completed_at', " TS("t.completed_at") \
	") ORDER BY t.priority) FROM money_move_tasks t WHERE t.client_id = c.client_id " \
	"AND t.cycle_id = c.id), '[]')::text"
#define MM_STATUS "CASE WHEN c.status = 'scheduled' AND c.due_date <= current_date " \
	"THEN 'available' ELSE c.status END"

static const struct {
	const char	*name;
	const char	*sql;
	int		 readonly;	/* safe to retry on a new connection */
} stmts[DB_STMT_COUNT] = {
	[DB_SCHEMA_VERSION] = { "schema_version",
	    "SELECT coalesce(max(version), 0) FROM ozzie_schema_migrations", 1 },
	[DB_CLIENT_AUTH] = { "client_auth",
	    "SELECT id, secret_hash, secret_enc, require_signature, disabled, rate_limit, rate_burst"
	    " FROM api_clients WHERE id = $1", 1 },
	[DB_IDEM_INSERT] = { "idem_insert",
	    "INSERT INTO idempotency_keys (client_id, key, request_hash) VALUES ($1, $2, $3)"
	    " ON CONFLICT (client_id, key) DO NOTHING RETURNING 1", 0 },
	[DB_IDEM_TAKEOVER] = { "idem_takeover",
	    "UPDATE idempotency_keys SET request_hash = $3, state = 'in_progress', status = NULL,"
	    " body = NULL, locked_at = now(), created_at = now(),"
	    " expires_at = now() + interval '24 hours'"
	    " WHERE client_id = $1 AND key = $2 AND (expires_at < now() OR (state = 'in_progress'"
	    " AND request_hash = $3 AND locked_at < now() - interval '60 seconds')) RETURNING 1", 0 },
	[DB_IDEM_GET] = { "idem_get",
	    "SELECT request_hash, state, status::text, body FROM idempotency_keys"
	    " WHERE client_id = $1 AND key = $2", 1 },
	[DB_IDEM_COMPLETE] = { "idem_complete",
	    "UPDATE idempotency_keys SET state = 'done', status = $3::integer, body = $4"
	    " WHERE client_id = $1 AND key = $2", 0 },
	[DB_IDEM_RELEASE] = { "idem_release",
	    "DELETE FROM idempotency_keys WHERE client_id = $1 AND key = $2"
	    " AND state = 'in_progress'", 0 },
	[DB_IDEM_PURGE] = { "idem_purge",
	    "DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys"
	    " WHERE expires_at < now() LIMIT 1000)", 0 },
	[DB_USER_INSERT] = { "user_insert",
	    "INSERT INTO users (client_id, id, external_user_id, name, email, phone, language,"
	    " currency) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
	    " ON CONFLICT (client_id, external_user_id) DO NOTHING RETURNING " USER_COLS, 0 },
	[DB_USER_GET] = { "user_get",
	    "SELECT " USER_COLS " FROM users WHERE client_id = $1 AND id = $2", 1 },
	[DB_USER_GET_EXT] = { "user_get_ext",
	    "SELECT " USER_COLS " FROM users WHERE client_id = $1 AND external_user_id = $2", 1 },
	[DB_USER_LIST] = { "user_list",
	    "SELECT " USER_COLS " FROM users WHERE client_id = $1"
	    " AND ($2::text IS NULL OR external_user_id = $2)"
	    " AND " CURSOR_BEFORE("created_at", "id", "$3", "$4")
	    " ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1 },
	[DB_USER_UPDATE] = { "user_update",
	    "UPDATE users SET"
	    " name = CASE WHEN $3::boolean THEN $4 ELSE name END,"
	    " email = CASE WHEN $5::boolean THEN $6 ELSE email END,"
	    " phone = CASE WHEN $7::boolean THEN $8 ELSE phone END,"
	    " language = CASE WHEN $9::boolean THEN $10 ELSE language END,"
	    " currency = CASE WHEN $11::boolean THEN $12 ELSE currency END,"
	    " updated_at = clock_timestamp()"
	    " WHERE client_id = $1 AND id = $2 RETURNING " USER_COLS, 0 },
	[DB_USER_DELETE] = { "user_delete",
	    "DELETE FROM users WHERE client_id = $1 AND id = $2 RETURNING id", 0 },
	/* The first intake moves the user on to plan_pending, in the same statement. */
	[DB_INTAKE_INSERT] = { "intake_insert",
	    "WITH ins AS (INSERT INTO financial_intakes (client_id, id, user_id, month,"
	    " monthly_income, monthly_expenses, financial_goal, next_pay_date, savings_balance,"
	    " debt_balance, debt_interest_rate) VALUES ($1, $2, $3, $4, $5::numeric, $6::numeric,"
	    " $7, $8::date, $9::numeric, $10::numeric, $11::numeric) RETURNING *),"
	    " stage AS (UPDATE users SET onboarding_stage = 'plan_pending',"
	    " updated_at = clock_timestamp() WHERE client_id = $1 AND id = $3"
	    " AND onboarding_stage = 'intake_pending')"
	    " SELECT " INTAKE_COLS " FROM ins", 0 },
	[DB_INTAKE_LATEST] = { "intake_latest",
	    "SELECT " INTAKE_COLS " FROM financial_intakes WHERE client_id = $1 AND user_id = $2"
	    " ORDER BY created_at DESC, id DESC LIMIT 1", 1 },
	[DB_INTAKE_LIST] = { "intake_list",
	    "SELECT " INTAKE_COLS " FROM financial_intakes WHERE client_id = $1 AND user_id = $2"
	    " AND " CURSOR_BEFORE("created_at", "id", "$3", "$4")
	    " ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1 },
	[DB_GOAL_DEMOTE] = { "goal_demote",
	    "UPDATE goals SET is_primary = false, updated_at = clock_timestamp()"
	    " WHERE client_id = $1 AND user_id = $2 AND is_primary AND status = 'active'"
	    " AND id IS DISTINCT FROM $3", 0 },
	[DB_GOAL_INSERT] = { "goal_insert",
	    "INSERT INTO goals (client_id, id, user_id, goal_type, goal_name, target_amount,"
	    " starting_amount, current_amount, target_date, cadence, next_move_date, status,"
	    " is_primary) VALUES ($1, $2, $3, $4, $5, $6::numeric, $7::numeric, $8::numeric,"
	    " $9::date, $10, ozzie_next_move_date($10, current_date),"
	    " CASE WHEN $8::numeric >= $6::numeric THEN 'achieved' ELSE 'active' END,"
	    " CASE WHEN $11::boolean IS NOT NULL THEN $11::boolean"
	    " WHEN $8::numeric >= $6::numeric THEN false ELSE NOT EXISTS (SELECT 1"
	    " FROM goals g WHERE g.client_id = $1 AND g.user_id = $3 AND g.is_primary"
	    " AND g.status = 'active') END) RETURNING " GOAL_COLS, 0 },
	[DB_GOAL_GET] = { "goal_get",
	    "SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = $2 AND id = $3", 1 },
	[DB_GOAL_LIST] = { "goal_list",
	    "SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = $2"
	    " AND ($3::text IS NULL OR status = $3)"
	    " AND " CURSOR_BEFORE("created_at", "id", "$4", "$5")
	    " ORDER BY created_at DESC, id DESC LIMIT $6::integer", 1 },
	/*
	 * $4..$17: a "given" flag and a value per field. Reaching the target
	 * achieves the goal; an achieved goal whose target moves above it is
	 * active again; a new cadence moves the next money move.
	 */
	[DB_GOAL_UPDATE] = { "goal_update",
	    "WITH n AS (SELECT g.*,"
	    " CASE WHEN $4::boolean THEN $5 ELSE g.goal_type END AS n_type,"
	    " CASE WHEN $6::boolean THEN $7 ELSE g.goal_name END AS n_name,"
	    " CASE WHEN $8::boolean THEN $9::numeric ELSE g.target_amount END AS n_target,"
	    " CASE WHEN $10::boolean THEN $11::numeric ELSE g.current_amount END AS n_current,"
	    " CASE WHEN $12::boolean THEN $13::date ELSE g.target_date END AS n_date,"
	    " CASE WHEN $14::boolean THEN $15 ELSE g.cadence END AS n_cadence,"
	    " CASE WHEN $16::boolean THEN $17 ELSE g.status END AS n_status"
	    " FROM goals g WHERE g.client_id = $1 AND g.user_id = $2 AND g.id = $3 FOR UPDATE)"
	    " UPDATE goals SET goal_type = n.n_type, goal_name = n.n_name,"
	    " target_amount = n.n_target, current_amount = n.n_current, target_date = n.n_date,"
	    " cadence = n.n_cadence,"
	    " next_move_date = CASE WHEN n.n_cadence <> n.cadence"
	    "  THEN ozzie_next_move_date(n.n_cadence, current_date) ELSE n.next_move_date END,"
	    " status = CASE WHEN n.n_status = 'archived' THEN 'archived'"
	    "  WHEN n.n_current >= n.n_target THEN 'achieved' ELSE 'active' END,"
	    /* archived goals are never primary; one coming back yields to an active primary */
	    " is_primary = CASE WHEN n.n_status = 'archived' THEN false"
	    "  WHEN $18::boolean IS NOT NULL THEN $18::boolean"
	    "  WHEN n.is_primary AND n.status <> 'active' AND n.n_current < n.n_target AND EXISTS"
	    "  (SELECT 1 FROM goals o WHERE o.client_id = $1 AND o.user_id = $2 AND o.id <> $3"
	    "  AND o.is_primary AND o.status = 'active') THEN false ELSE n.is_primary END,"
	    " updated_at = clock_timestamp()"
	    " FROM n WHERE goals.client_id = n.client_id AND goals.id = n.id"
	    " RETURNING " "goals.id, goals.user_id, goals.goal_type, goals.goal_name,"
	    " goals.target_amount::text, goals.starting_amount::text, goals.current_amount::text,"
	    " goals.target_date::text, goals.cadence, goals.next_move_date::text, goals.status,"
	    " goals.is_primary, " TS("goals.created_at") ", " TS("goals.updated_at") ", "
	    CURSOR_US("goals.created_at"), 0 },
	[DB_TXN_INSERT] = { "txn_insert",
	    "INSERT INTO transactions (client_id, id, user_id, amount_cents, currency, category,"
	    " description, merchant, merchant_key, transaction_date, source, ai_confidence,"
	    " categorized_by) VALUES ($1, $2, $3, $4::bigint, $5, $6, $7, $8, $9, $10::date, $11,"
	    " $12::numeric, $13) RETURNING " TXN_COLS, 0 },
	[DB_TXN_GET] = { "txn_get",
	    "SELECT " TXN_COLS " FROM transactions WHERE client_id = $1 AND user_id = $2 AND id = $3", 1 },
	[DB_TXN_LIST] = { "txn_list",
	    "SELECT " TXN_COLS " FROM transactions WHERE client_id = $1 AND user_id = $2"
	    " AND ($3::date IS NULL OR transaction_date >= $3::date)"
	    " AND ($4::date IS NULL OR transaction_date <= $4::date)"
	    " AND ($5::text IS NULL OR category = $5) AND ($6::text IS NULL OR source = $6)"
	    " AND " CURSOR_BEFORE("created_at", "id", "$7", "$8")
	    " ORDER BY created_at DESC, id DESC LIMIT $9::integer", 1 },
	/* A category from the user is final: categorized_by user, confidence 1. */
	[DB_TXN_UPDATE] = { "txn_update",
	    "UPDATE transactions SET"
	    " category = CASE WHEN $4::boolean THEN $5 ELSE category END,"
	    " categorized_by = CASE WHEN $4::boolean THEN 'user' ELSE categorized_by END,"
	    " ai_confidence = CASE WHEN $4::boolean THEN 1 ELSE ai_confidence END,"
	    " description = CASE WHEN $6::boolean THEN $7 ELSE description END,"
	    " merchant = CASE WHEN $6::boolean THEN $12 ELSE merchant END,"
	    " merchant_key = CASE WHEN $6::boolean THEN coalesce($13, '') ELSE merchant_key END,"
	    " amount_cents = CASE WHEN $8::boolean THEN $9::bigint ELSE amount_cents END,"
	    " transaction_date = CASE WHEN $10::boolean THEN $11::date ELSE transaction_date END"
	    " WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING " TXN_COLS, 0 },
	[DB_TXN_DELETE] = { "txn_delete",
	    "DELETE FROM transactions WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING id", 0 },
	[DB_RULES_GET] = { "rules_get",
	    "SELECT merchant_key, category FROM category_rules WHERE client_id = $1"
	    " AND user_id = $2 ORDER BY updated_at DESC LIMIT 5000", 1 },
	[DB_RULE_UPSERT] = { "rule_upsert",
	    "INSERT INTO category_rules (client_id, user_id, merchant_key, category)"
	    " VALUES ($1, $2, $3, $4) ON CONFLICT (client_id, user_id, merchant_key)"
	    " DO UPDATE SET category = EXCLUDED.category, updated_at = clock_timestamp()", 0 },
	[DB_GOAL_PRIMARY] = { "goal_primary",
	    "SELECT " GOAL_COLS " FROM goals WHERE client_id = $1 AND user_id = $2"
	    " AND status = 'active' ORDER BY is_primary DESC, created_at DESC LIMIT 1", 1 },
	/* 90 days of the user's own currency, by category */
	[DB_SPEND_90] = { "spend_90",
	    "SELECT category, sum(amount_cents)::text, count(*)::text,"
	    " (($4::date - min(min(transaction_date)) OVER ()) + 1)::text FROM transactions"
	    " WHERE client_id = $1 AND user_id = $2 AND currency = $3"
	    " AND transaction_date > $4::date - 90 AND transaction_date <= $4::date"
	    " GROUP BY category", 1 },
	/* The first plan makes the user active, in the same statement. */
	[DB_PLAN_INSERT] = { "plan_insert",
	    /* created_at from the database clock (microseconds): plans of one second still order */
	    "WITH ins AS (INSERT INTO plans (client_id, id, user_id, body, monthly_move_cents)"
	    " VALUES ($1, $2, $3, $4::jsonb, $5::bigint) RETURNING *),"
	    " stage AS (UPDATE users SET onboarding_stage = 'active', updated_at = clock_timestamp()"
	    " WHERE client_id = $1 AND id = $3 AND onboarding_stage <> 'active')"
	    " SELECT " PLAN_COLS " FROM ins", 0 },
	[DB_PLAN_LATEST] = { "plan_latest",
	    "SELECT " PLAN_COLS ", monthly_move_cents::text FROM plans WHERE client_id = $1"
	    " AND user_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1", 1 },
	[DB_PLAN_LIST] = { "plan_list",
	    "SELECT " PLAN_COLS " FROM plans WHERE client_id = $1 AND user_id = $2"
	    " AND " CURSOR_BEFORE("created_at", "id", "$3", "$4")
	    " ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1 },
	/*
	 * The last cycle's number, and when the next one falls due on cadence $3.
	 * Monthly cycles count months from the first one, so a cycle due on the
	 * 31st comes back to the 31st after a short month instead of drifting.
	 */
	[DB_MM_LAST] = { "mm_last",
	    "SELECT l.cycle_number::text, (CASE WHEN $3 = 'monthly' AND f.cadence = 'monthly'"
	    " THEN (f.due_date + l.cycle_number * interval '1 month')::date"
	    " ELSE ozzie_next_move_date($3, l.due_date) END)::text"
	    " FROM money_move_cycles l JOIN money_move_cycles f ON f.client_id = l.client_id"
	    " AND f.user_id = l.user_id AND f.cycle_number = 1"
	    " WHERE l.client_id = $1 AND l.user_id = $2 ORDER BY l.cycle_number DESC LIMIT 1", 1 },
	[DB_MM_INSERT_CYCLE] = { "mm_insert_cycle",
	    "INSERT INTO money_move_cycles (client_id, id, user_id, plan_id, goal_id,"
	    " cycle_number, cadence, due_date) VALUES ($1, $2, $3, $4, $5, $6::integer, $7,"
	    " $8::date) RETURNING id", 0 },
	[DB_MM_INSERT_TASK] = { "mm_insert_task",
	    "INSERT INTO money_move_tasks (client_id, id, cycle_id, user_id, task_type, title,"
	    " amount_cents, priority) VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, $8::integer)", 0 },
	[DB_GOAL_ADVANCE] = { "goal_advance",
	    "UPDATE goals SET next_move_date = ozzie_next_move_date(cadence, $4::date),"
	    " updated_at = clock_timestamp() WHERE client_id = $1 AND user_id = $2 AND id = $3", 0 },
	[DB_MM_GET] = { "mm_get",
	    "SELECT " MM_COLS " FROM money_move_cycles c WHERE c.client_id = $1"
	    " AND c.user_id = $2 AND c.id = $3", 1 },
	[DB_MM_CURRENT] = { "mm_current",
	    "SELECT " MM_COLS " FROM money_move_cycles c WHERE c.client_id = $1"
	    " AND c.user_id = $2 ORDER BY c.cycle_number DESC LIMIT 1", 1 },
	[DB_MM_LIST] = { "mm_list",
	    "SELECT " MM_COLS " FROM money_move_cycles c WHERE c.client_id = $1 AND c.user_id = $2"
	    " AND ($3::text IS NULL OR " MM_STATUS " = $3)"
	    " AND " CURSOR_BEFORE("c.created_at", "c.id", "$4", "$5")
	    " ORDER BY c.created_at DESC, c.id DESC LIMIT $6::integer", 1 },
	/* completed and skipped are final: a closed cycle only "changes" to itself */
	[DB_MM_SET_STATUS] = { "mm_set_status",
	    "WITH c AS (SELECT id, status FROM money_move_cycles WHERE client_id = $1"
	    " AND user_id = $2 AND id = $3 FOR UPDATE),"
	    " u AS (UPDATE money_move_cycles m SET status = $4, updated_at = clock_timestamp(),"
	    " completed_at = CASE WHEN $4 = 'completed' THEN clock_timestamp() ELSE NULL END"
	    " FROM c WHERE m.client_id = $1 AND m.id = c.id AND c.status = 'scheduled' RETURNING m.id)"
	    " SELECT c.status FROM c", 0 },
	/* Marking a task happens under this row lock: two PATCHes award once. */
	[DB_TASK_LOCK] = { "task_lock",
	    "SELECT t.task_type, t.status, c.status FROM money_move_tasks t"
	    " JOIN money_move_cycles c ON c.client_id = t.client_id AND c.id = t.cycle_id"
	    " WHERE t.client_id = $1 AND t.user_id = $2 AND t.cycle_id = $3 AND t.id = $4"
	    " FOR UPDATE OF t", 0 },
	[DB_TASK_SET] = { "task_set",
	    "UPDATE money_move_tasks SET status = $5, points_awarded = $6::integer,"
	    " completed_at = CASE WHEN $5 = 'done' THEN clock_timestamp() ELSE NULL END"
	    " WHERE client_id = $1 AND user_id = $2 AND cycle_id = $3 AND id = $4", 0 },
	/* The first completion's bonus, once: the user row is the lock. */
	[DB_USER_AWARD] = { "user_award",
	    "WITH old AS (SELECT first_completion_at IS NULL AS first FROM users"
	    " WHERE client_id = $1 AND id = $2 FOR UPDATE)"
	    " UPDATE users u SET points = u.points + $3::integer"
	    " + CASE WHEN old.first THEN $4::integer ELSE 0 END,"
	    " first_completion_at = coalesce(u.first_completion_at, clock_timestamp()),"
	    " updated_at = clock_timestamp() FROM old WHERE u.client_id = $1 AND u.id = $2"
	    " RETURNING u.points::text, old.first::text", 0 },
	[DB_GOAL_DELETE] = { "goal_delete",
	    "DELETE FROM goals WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING id", 0 },
	/*
	 * The coach's read-only tools (ai_tools.c): each answers one JSON text
	 * for one user of one client. Amounts in major units, exact (numeric).
	 */
	[DB_AI_INTAKE] = { "ai_intake",
	    "SELECT json_build_object('month', month, 'monthly_income', monthly_income,"
	    " 'monthly_expenses', monthly_expenses, 'monthly_surplus',"
	    " monthly_income - monthly_expenses, 'savings_balance', savings_balance,"
	    " 'debt_balance', debt_balance, 'debt_interest_rate', debt_interest_rate,"
	    " 'next_pay_date', next_pay_date, 'financial_goal', financial_goal)::text"
	    " FROM financial_intakes WHERE client_id = $1 AND user_id = $2"
	    " ORDER BY created_at DESC, id DESC LIMIT 1", 1 },
	[DB_AI_GOALS] = { "ai_goals",
	    "SELECT coalesce(json_agg(json_build_object('id', id, 'goal_type', goal_type,"
	    " 'goal_name', goal_name, 'target_amount', target_amount, 'current_amount',"
	    " current_amount, 'starting_amount', starting_amount, 'target_date', target_date,"
	    " 'cadence', cadence, 'next_move_date', next_move_date, 'status', status,"
	    " 'is_primary', is_primary) ORDER BY o), '[]')::text FROM (SELECT g.*,"
	    " row_number() OVER (ORDER BY status = 'active' DESC, is_primary DESC,"
	    " created_at DESC) AS o FROM goals g WHERE client_id = $1 AND user_id = $2) x"
	    " WHERE o <= 20", 1 },
	[DB_AI_PLAN] = { "ai_plan",
	    "SELECT jsonb_build_object('id', body->'id', 'created_at', body->'created_at',"
	    " 'summary', body->'summary', 'timeline_months', body->'timeline_months',"
	    " 'allocations', body->'allocations', 'key_metrics', body->'key_metrics',"
	    " 'action_items', body->'action_items')::text FROM plans WHERE client_id = $1"
	    " AND user_id = $2 ORDER BY created_at DESC, id DESC LIMIT 1", 1 },
	/* The current cycle: the first still open, else the last. $3: minor digits. */
	[DB_AI_MOVES] = { "ai_moves",
	    "SELECT json_build_object('current', (SELECT json_build_object('id', c.id,"
	    " 'due_date', c.due_date, 'status', " MM_STATUS ", 'tasks', coalesce((SELECT"
	    " json_agg(json_build_object('id', t.id, 'task_type', t.task_type, 'title', t.title,"
	    " 'amount', round(t.amount_cents::numeric / power(10::numeric, $3::integer),"
	    " $3::integer), 'status', t.status, 'priority', t.priority) ORDER BY t.priority)"
	    " FROM money_move_tasks t WHERE t.client_id = c.client_id AND t.cycle_id = c.id),"
	    " '[]')) FROM money_move_cycles c WHERE c.client_id = $1 AND c.user_id = $2"
	    " ORDER BY c.status <> 'scheduled', CASE WHEN c.status = 'scheduled'"
	    " THEN c.cycle_number END, c.cycle_number DESC LIMIT 1), 'points',"
	    " (SELECT points FROM users WHERE client_id = $1 AND id = $2))::text", 1 },
	/*
	 * Spending between $4 and $5 in the user's currency $3, optionally of
	 * category $6; $7: minor digits. Income is not spending.
	 */
	[DB_AI_SPEND] = { "ai_spend",
	    "WITH c AS (SELECT category, sum(amount_cents) AS cents, count(*) AS n"
	    " FROM transactions WHERE client_id = $1 AND user_id = $2 AND currency = $3"
	    " AND transaction_date BETWEEN $4::date AND $5::date"
	    " AND ($6::text IS NULL OR category IN ($6, 'income')) GROUP BY category),"
	    " s AS (SELECT * FROM c WHERE category <> 'income')"
	    " SELECT json_build_object('total_spent', round(coalesce((SELECT sum(cents) FROM s),"
	    " 0)::numeric / power(10::numeric, $7::integer), $7::integer), 'transaction_count',"
	    " coalesce((SELECT sum(n) FROM s), 0), 'income', round(coalesce((SELECT sum(cents)"
	    " FROM c WHERE category = 'income'), 0)::numeric / power(10::numeric, $7::integer),"
	    " $7::integer), 'by_category', coalesce((SELECT json_agg(json_build_object("
	    " 'category', category, 'amount', round(cents::numeric / power(10::numeric,"
	    " $7::integer), $7::integer), 'count', n) ORDER BY cents DESC, category) FROM s),"
	    " '[]'))::text", 1 },
	/* $6: spending | income | all; $7: words to find in the description. */
	[DB_AI_TXNS] = { "ai_txns",
	    "SELECT id, transaction_date::text, description, merchant, category,"
	    " amount_cents::text, currency FROM transactions WHERE client_id = $1"
	    " AND user_id = $2 AND ($3::date IS NULL OR transaction_date >= $3::date)"
	    " AND ($4::date IS NULL OR transaction_date <= $4::date)"
	    " AND ($5::text IS NULL OR category = $5)"
	    " AND ($6 = 'all' OR ($6 = 'income') = (category = 'income'))"
	    " AND ($7::text IS NULL OR strpos(lower(description || ' ' || coalesce(merchant, '')),"
	    " lower($7)) > 0)"
	    " ORDER BY transaction_date DESC, created_at DESC, id DESC LIMIT $8::integer", 1 },
	[DB_CHAT_INSERT] = { "chat_insert",
	    "INSERT INTO chat_messages (client_id, id, user_id, role, content, emotion, topic,"
	    " intent, reply_to, generated_by, transaction_ids) VALUES ($1, $2, $3, $4, $5, $6,"
	    " $7, $8, $9, $10::jsonb, coalesce($11::text[], '{}'))"
	    " RETURNING " TS("created_at"), 0 },
	[DB_CHAT_LIST] = { "chat_list",
	    "SELECT id, user_id, role, content, emotion, topic, intent, reply_to,"
	    " generated_by::text, array_to_json(transaction_ids)::text, " TS("created_at") ", "
	    CURSOR_US("created_at") " FROM chat_messages WHERE client_id = $1 AND user_id = $2"
	    " AND " CURSOR_BEFORE("created_at", "id", "$3", "$4")
	    " ORDER BY created_at DESC, id DESC LIMIT $5::integer", 1 },
	/* The turns before message $3, newest first. */
	[DB_CHAT_RECENT] = { "chat_recent",
	    "SELECT role, content FROM chat_messages WHERE client_id = $1 AND user_id = $2"
	    " AND id <> $3 ORDER BY created_at DESC, id DESC LIMIT 20", 1 },
	[DB_USAGE_ADD] = { "usage_add",
	    "INSERT INTO ai_usage AS u (client_id, day, provider, model, replies, requests,"
	    " fallbacks, input_tokens, output_tokens) VALUES ($1, (now() AT TIME ZONE 'UTC')::date,"
	    " $2, $3, $4::bigint, $5::bigint, $6::bigint, $7::bigint, $8::bigint)"
	    " ON CONFLICT (client_id, day, provider, model) DO UPDATE SET"
	    " replies = u.replies + EXCLUDED.replies, requests = u.requests + EXCLUDED.requests,"
	    " fallbacks = u.fallbacks + EXCLUDED.fallbacks,"
	    " input_tokens = u.input_tokens + EXCLUDED.input_tokens,"
	    " output_tokens = u.output_tokens + EXCLUDED.output_tokens", 0 },
	[DB_USAGE_LIST] = { "usage_list",
	    "SELECT day::text, provider, model, replies::text, requests::text, fallbacks::text,"
	    " input_tokens::text, output_tokens::text FROM ai_usage WHERE client_id = $1"
	    " AND day BETWEEN $2::date AND $3::date ORDER BY day DESC, provider, model", 1 },
};

static char last_state[6];

int
db_init(struct oz_db *db, const struct oz_config *cfg, const char *appname)
{
	memset(db, 0, sizeof(*db));
	if ((db->conninfo = strdup(cfg->database_url)) == NULL)
		return -1;
	db->application_name = appname;
	db->connect_timeout = (int)cfg->db_connect_timeout;
	db->statement_timeout_ms = (int)cfg->db_statement_timeout_ms;
	db->retry_ms = (int)cfg->db_retry_ms;
	db->retry_after = (int)cfg->retry_after;
	return 0;
}

void
db_close(struct oz_db *db)
{
	if (db->conn)
		PQfinish(db->conn);
	db->conn = NULL;
	if (db->conninfo) {
		explicit_bzero(db->conninfo, strlen(db->conninfo));
		free(db->conninfo);
	}
	db->conninfo = NULL;
}

static int
prepare_all(struct oz_db *db)
{
	PGresult *res;
	int	 i;

	for (i = 0; i < DB_STMT_COUNT; i++) {
		res = PQprepare(db->conn, stmts[i].name, stmts[i].sql, 0, NULL);
		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			/* A missing table just means "not migrated yet": try again later. */
			log_warnx("db: cannot prepare %s: %s", stmts[i].name,
			    PQresultErrorMessage(res));
			snprintf(last_state, sizeof(last_state), "%s",
			    PQresultErrorField(res, PG_DIAG_SQLSTATE) ?
			    PQresultErrorField(res, PG_DIAG_SQLSTATE) : "");
			PQclear(res);
			return -1;
		}
		PQclear(res);
	}
	return 0;
}

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000L + (now.tv_nsec - t->tv_nsec) / 1000000L;
}

int
db_connect(struct oz_db *db)
{
	char	 timeout[16], options[64];
	const char *keys[] = { "dbname", "connect_timeout", "options",
	    "application_name", NULL };
	const char *vals[5];

	if (db->conn && PQstatus(db->conn) == CONNECTION_OK) {
		db->unavailable = 0;
		return 0;
	}
	if (db->conn) {
		PQfinish(db->conn);
		db->conn = NULL;
	}
	/* While the database is down, do not hammer it: one attempt per retry_ms. */
	if (db->last_attempt.tv_sec != 0 && ms_since(&db->last_attempt) < db->retry_ms) {
		db->unavailable = 1;
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &db->last_attempt);
	last_state[0] = '\0';
	snprintf(timeout, sizeof(timeout), "%d", db->connect_timeout);
	snprintf(options, sizeof(options), "-c statement_timeout=%d -c timezone=UTC",
	    db->statement_timeout_ms);
	vals[0] = db->conninfo;
	vals[1] = timeout;
	vals[2] = options;
	vals[3] = db->application_name;
	vals[4] = NULL;
	db->conn = PQconnectdbParams(keys, vals, 1);
	if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
		log_warnx("db: cannot connect: %s",
		    db->conn ? PQerrorMessage(db->conn) : "out of memory");
		goto fail;
	}
	if (prepare_all(db) == -1)
		goto fail;
	db->last_attempt.tv_sec = 0;
	db->unavailable = 0;
	log_info("db: connected");
	return 0;
fail:
	if (db->conn)
		PQfinish(db->conn);
	db->conn = NULL;
	db->unavailable = 1;
	return -1;
}

/* Forget a connection that broke: the next db_connect opens a new one at once. */
static void
db_drop(struct oz_db *db)
{
	PQfinish(db->conn);
	db->conn = NULL;
	db->unavailable = 1;
	db->last_attempt.tv_sec = 0;
}

/* Keep a failed result's SQLSTATE and log its primary message (never DETAIL). */
static void
db_note_failure(const char *name, PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	snprintf(last_state, sizeof(last_state), "%s", state ? state : "");
	log_warnx("db: %s failed: %s (%s)", name, msg ? msg : "?", last_state);
}

PGresult *
db_exec(struct oz_db *db, enum db_stmt stmt, int nparams, const char *const *params)
{
	PGresult	*res;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		ExecStatusType st;

		if (db_connect(db) == -1)
			return NULL;
		last_state[0] = '\0';
		res = PQexecPrepared(db->conn, stmts[stmt].name, nparams, params, NULL, NULL, 0);
		st = PQresultStatus(res);
		if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK)
			return res;
		if (res && PQresultErrorField(res, PG_DIAG_SQLSTATE))
			snprintf(last_state, sizeof(last_state), "%s",
			    PQresultErrorField(res, PG_DIAG_SQLSTATE));
		if (PQstatus(db->conn) != CONNECTION_OK) {
			log_warnx("db: connection lost during %s", stmts[stmt].name);
			PQclear(res);
			db_drop(db);
			/* Inside a transaction a retry would run outside it. */
			if (stmts[stmt].readonly && !db->in_tx)
				continue;
			return NULL;
		}
		/* The primary message only: DETAIL lines can quote request values. */
		db_note_failure(stmts[stmt].name, res);
		PQclear(res);
		db->unavailable = 0;
		return NULL;
	}
	return NULL;
}

int
db_pipeline_supported(void)
{
#ifdef HAVE_PQENTERPIPELINEMODE
	return 1;
#else
	return 0;
#endif
}

size_t
db_pipeline(struct oz_db *db, size_t n, const enum db_stmt *which, PGresult **out)
{
	size_t		 i, got = 0;
#ifdef HAVE_PQENTERPIPELINEMODE
	PGresult	*res;
	size_t		 sent;
	int		 k;
#endif

	for (i = 0; i < n; i++)
		out[i] = NULL;
#ifdef HAVE_PQENTERPIPELINEMODE
	if (n == 0 || db->in_tx || db_connect(db) == -1 ||
	    PQenterPipelineMode(db->conn) != 1)
		return 0;
	last_state[0] = '\0';
	for (sent = 0; sent < n; sent++)
		if (PQsendQueryPrepared(db->conn, stmts[which[sent]].name, 0, NULL, NULL,
		    NULL, 0) != 1)
			break;
	if (PQpipelineSync(db->conn) != 1)
		goto broken;
	for (i = 0; i < sent; i++) {
		/* A statement's results end with NULL; a few at most, whatever happens. */
		for (k = 0; k < 4 && (res = PQgetResult(db->conn)) != NULL; k++) {
			ExecStatusType st = PQresultStatus(res);

			if ((st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) && out[i] == NULL) {
				out[i] = res;
				got++;
				continue;
			}
			if (st == PGRES_FATAL_ERROR)
				db_note_failure(stmts[which[i]].name, res);
			PQclear(res);
		}
		if (k == 4 || PQstatus(db->conn) != CONNECTION_OK)
			goto broken;
	}
	res = PQgetResult(db->conn);
	if (PQresultStatus(res) != PGRES_PIPELINE_SYNC) {
		PQclear(res);
		goto broken;
	}
	PQclear(res);
	if (PQexitPipelineMode(db->conn) != 1)
		goto broken;
	db->unavailable = 0;
	return got;
broken:
	log_warnx("db: connection lost during a pipelined round trip");
	db_drop(db);
#else
	(void)db;
	(void)which;
#endif
	return got;
}

static int
db_command(struct oz_db *db, const char *cmd)
{
	PGresult *res;
	int	 ok;

	if (db_connect(db) == -1)
		return -1;
	res = PQexec(db->conn, cmd);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok) {
		log_warnx("db: %s failed: %s", cmd, PQresultErrorMessage(res));
		if (PQstatus(db->conn) != CONNECTION_OK) {
			PQfinish(db->conn);
			db->conn = NULL;
			db->unavailable = 1;
			db->last_attempt.tv_sec = 0;
		}
	}
	PQclear(res);
	return ok ? 0 : -1;
}

int
db_begin(struct oz_db *db)
{
	if (db_command(db, "BEGIN") == -1)
		return -1;
	db->in_tx = 1;
	return 0;
}

int
db_commit(struct oz_db *db)
{
	int rc = db_command(db, "COMMIT");

	db->in_tx = 0;
	return rc;
}

void
db_rollback(struct oz_db *db)
{
	db->in_tx = 0;
	if (db->conn && PQtransactionStatus(db->conn) != PQTRANS_IDLE)
		(void)db_command(db, "ROLLBACK");
}

const char *
db_last_sqlstate(const struct oz_db *db)
{
	(void)db;
	return last_state;
}

int
db_fail(struct oz_db *db, struct oz_req *r)
{
	if (db->unavailable) {
		r->err.retry_after = db->retry_after;
		if (strcmp(last_state, "42P01") == 0)
			return oz_fail(r, OZ_SERVICE_UNAVAILABLE,
			    "the database schema is not migrated; run ozzie-admin migrate");
		return oz_fail(r, OZ_SERVICE_UNAVAILABLE,
		    "the database is unavailable; retry shortly");
	}
	return oz_fail(r, OZ_INTERNAL_ERROR, "internal error");
}

const char *
db_col(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

const char *
db_money_param(struct oz_req *r, int64_t cents)
{
	char buf[32];

	return num_format_decimal(cents, 2, buf, sizeof(buf)) == -1 ? NULL :
	    pool_strdup(&r->pool, buf);
}

int
db_delete_or_404(struct oz_db *db, struct oz_req *r, enum db_stmt stmt, int nparams,
    const char *const *params, const char *what)
{
	PGresult	*res;
	char		 msg[64];
	int		 n;

	if ((res = db_exec(db, stmt, nparams, params)) == NULL)
		return db_fail(db, r);
	n = PQntuples(res);
	PQclear(res);
	if (n != 1) {
		snprintf(msg, sizeof(msg), "no such %s", what);
		return oz_fail(r, OZ_NOT_FOUND, msg);
	}
	r->resp.status = 204;
	buf_reset(&r->resp.body);
	return 0;
}
