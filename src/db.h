/*
 * db.h: a worker's one PostgreSQL connection. It connects lazily, prepares
 * every statement of db_stmts[] once per connection, and reconnects by itself
 * (at most once per db_retry_ms while the database is down).
 */
#ifndef OZ_DB_H
#define OZ_DB_H

#include <libpq-fe.h>
#include <stdint.h>
#include <time.h>

struct oz_config;
struct oz_req;

/* Every prepared statement has an id here and a row in db.c's table. */
enum db_stmt {
	DB_SCHEMA_VERSION,
	DB_CLIENT_AUTH,
	DB_IDEM_INSERT,
	DB_IDEM_TAKEOVER,
	DB_IDEM_GET,
	DB_IDEM_COMPLETE,
	DB_IDEM_RELEASE,
	DB_IDEM_PURGE,
	DB_USER_INSERT,
	DB_USER_GET,
	DB_USER_GET_EXT,
	DB_USER_LIST,
	DB_USER_UPDATE,
	DB_USER_DELETE,
	DB_INTAKE_INSERT,
	DB_INTAKE_LATEST,
	DB_INTAKE_LIST,
	DB_GOAL_DEMOTE,
	DB_GOAL_INSERT,
	DB_GOAL_GET,
	DB_GOAL_LIST,
	DB_GOAL_UPDATE,
	DB_GOAL_DELETE,
	DB_TXN_INSERT,
	DB_TXN_GET,
	DB_TXN_LIST,
	DB_TXN_UPDATE,
	DB_TXN_DELETE,
	DB_RULES_GET,
	DB_RULE_UPSERT,
	DB_GOAL_PRIMARY,
	DB_SPEND_90,
	DB_PLAN_INSERT,
	DB_PLAN_LATEST,
	DB_PLAN_LIST,
	DB_MM_LAST,
	DB_MM_INSERT_CYCLE,
	DB_MM_INSERT_TASK,
	DB_GOAL_ADVANCE,
	DB_MM_GET,
	DB_MM_CURRENT,
	DB_MM_LIST,
	DB_MM_SET_STATUS,
	DB_TASK_LOCK,
	DB_TASK_SET,
	DB_USER_AWARD,
	DB_AI_INTAKE,
	DB_AI_GOALS,
	DB_AI_PLAN,
	DB_AI_MOVES,
	DB_AI_SPEND,
	DB_AI_TXNS,
	DB_CHAT_INSERT,
	DB_CHAT_LIST,
	DB_CHAT_RECENT,
	DB_USAGE_ADD,
	DB_USAGE_LIST,
	DB_STMT_COUNT
};

struct oz_db {
	PGconn		*conn;
	char		*conninfo;
	const char	*application_name;
	int		 connect_timeout;
	int		 statement_timeout_ms;
	int		 retry_ms;
	int		 retry_after;	/* seconds, for 503 answers */
	struct timespec	 last_attempt;
	int		 unavailable;	/* last operation failed for lack of a connection */
	int		 in_tx;		/* between db_begin and db_commit/db_rollback */
};

/* Copy what the connection needs from cfg; no connection is made yet. 0/-1. */
int	db_init(struct oz_db *db, const struct oz_config *cfg, const char *appname);
void	db_close(struct oz_db *db);
/* Make sure a usable, prepared connection exists; 0, or -1 (db->unavailable set). */
int	db_connect(struct oz_db *db);
/*
 * Run a prepared statement with text params. Returns the result (caller
 * PQclears it) when it completed with TUPLES_OK or COMMAND_OK; NULL on
 * failure, with db->unavailable set if the connection was lost. Read-only
 * statements are retried once on a fresh connection.
 */
PGresult *db_exec(struct oz_db *db, enum db_stmt stmt, int nparams,
	    const char *const *params);
/*
 * Run n parameterless read-only statements in one pipelined round trip
 * (libpq pipeline mode). out[i] gets statement i's result, or NULL when it
 * failed or could not be sent; the caller PQclears them. The connection is
 * left idle, or closed if it broke. Runs nothing inside a transaction or
 * without pipeline support (db_pipeline_supported() == 0). Returns the number
 * of results obtained.
 */
size_t	db_pipeline(struct oz_db *db, size_t n, const enum db_stmt *which,
	    PGresult **out);
int	db_pipeline_supported(void);
/* A column's text, or NULL for SQL NULL. */
const char *db_col(PGresult *res, int row, int col);
/* Cents as an exact decimal SQL parameter ("1234.50"), in r's pool; NULL on OOM. */
const char *db_money_param(struct oz_req *r, int64_t cents);
/*
 * Run a DELETE … RETURNING statement for r's client and answer 204, or
 * NOT_FOUND with "no such <what>" when it deleted nothing. 0/-1.
 */
int	db_delete_or_404(struct oz_db *db, struct oz_req *r, enum db_stmt stmt, int nparams,
	    const char *const *params, const char *what);
/* BEGIN, COMMIT or ROLLBACK on the worker's connection; 0/-1. */
int	db_begin(struct oz_db *db);
int	db_commit(struct oz_db *db);
void	db_rollback(struct oz_db *db);
/* The SQLSTATE of the last failed db_exec, or "" (valid until the next call). */
const char *db_last_sqlstate(const struct oz_db *db);
/* Set r->err for a failed db_exec: 503 SERVICE_UNAVAILABLE or 500. Returns -1. */
int	db_fail(struct oz_db *db, struct oz_req *r);

#endif
