/*
 * db.c: the worker's connection, its prepared statements, and reconnection.
 *
 * A connection that breaks in the middle of a request (PostgreSQL stopped,
 * crashed or restarted, a backend killed) is a fault of availability, never
 * a bug: the statement fails with DB_FAULT_DOWN, which the services answer
 * with 503 and Retry-After, and the connection is dropped so that the next
 * request opens a new one. Inside a transaction, and at COMMIT, nothing is
 * retried: a write PostgreSQL did not acknowledge is never reported as done.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/log.h"
#include "core/num.h"
#include "store/db.h"

static char last_state[6];
/* Connections made by this process: a statement prepared on one knows which. */
static unsigned long connections;

int
db_init(struct oz_db *db, const struct oz_config *cfg, const char *appname)
{
	return db_init_url(db, cfg, cfg->database_url, appname);
}

int
db_init_url(struct oz_db *db, const struct oz_config *cfg, const char *url,
    const char *appname)
{
	memset(db, 0, sizeof(*db));
	if ((db->conninfo = strdup(url)) == NULL)
		return -1;
	db->application_name = appname;
	db->connect_timeout = (int)cfg->db_connect_timeout;
	db->statement_timeout_ms = (int)cfg->db_statement_timeout_ms;
	db->work_mem_kb = (int)cfg->db_work_mem_kb;
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

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000L + (now.tv_nsec - t->tv_nsec) / 1000000L;
}

/*
 * libpq's notices (e.g. PostgreSQL's "terminating connection because of
 * crash of another server process") go to our log, one line with the
 * primary message only: the default processor writes DETAIL and HINT lines
 * to stderr, outside the log's format.
 */
static void
db_notice(void *arg, const PGresult *res)
{
	const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	char	 safe[256];

	(void)arg;
	log_redact_values(msg ? msg : "?", safe, sizeof(safe));
	log_warnx("db: server says: %s (%s)", safe, state ? state : "");
}

int
db_connect(struct oz_db *db)
{
	char	 timeout[16], options[128];
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
	snprintf(options, sizeof(options), "-c statement_timeout=%d -c timezone=UTC"
	    " -c work_mem=%dkB", db->statement_timeout_ms, db->work_mem_kb);
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
	(void)PQsetNoticeReceiver(db->conn, db_notice, NULL);
	db->gen = ++connections;
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

/*
 * 1 if a failed result means the connection is gone or going, whatever
 * PQstatus says yet: libpq's own errors (no SQLSTATE: the server closed the
 * connection, a send failed, no result at all), connection exceptions
 * (class 08), and the server shutting down, crashing or starting (57P01,
 * 57P02, 57P03). PQstatus alone is not enough: during a crash restart a
 * statement can fail with no SQLSTATE while libpq still marks the
 * connection OK (it answered 500, and the next request found it dead).
 */
static int
conn_lost(const struct oz_db *db, const PGresult *res)
{
	const char *state;

	if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK || res == NULL)
		return 1;
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (state == NULL || state[0] == '\0')
		return 1;
	return strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0 ||
	    strcmp(state, "57P02") == 0 || strcmp(state, "57P03") == 0;
}

/* Log a lost connection with what libpq or the server said, then drop it. */
static void
db_lost(struct oz_db *db, const char *what, const PGresult *res)
{
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char	 line[256];

	if (msg == NULL)
		msg = db->conn ? PQerrorMessage(db->conn) : "";
	snprintf(line, sizeof(line), "%s", msg);
	line[strcspn(line, "\n")] = '\0';
	log_warnx("db: connection lost during %s: %s", what, line[0] ? line : "?");
	db_drop(db);
}


/*
 * Keep a failed result's SQLSTATE and log its primary message, never DETAIL
 * (which holds a duplicate key's values), with the values it quotes redacted.
 */
static void
db_note_failure(const char *name, PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char	 safe[256];

	snprintf(last_state, sizeof(last_state), "%s", state ? state : "");
	log_redact_values(msg ? msg : "?", safe, sizeof(safe));
	log_warnx("db: %s failed: %s (%s)", name, safe, last_state);
}

/* Prepare st on db's connection unless it already is; 0/-1. */
static int
prepare(struct oz_db *db, struct db_stmt *st)
{
	PGresult	*res;
	const char	*state;
	int		 ok;

	if (st->prepared == db->gen)
		return 0;
	res = PQprepare(db->conn, st->name, st->sql, 0, NULL);
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	/* 42P05: another oz_db of this process prepared it on this connection */
	ok = PQresultStatus(res) == PGRES_COMMAND_OK || (state && strcmp(state, "42P05") == 0);
	if (!ok && conn_lost(db, res)) {
		last_state[0] = '\0';
		db_lost(db, st->name, res);
		PQclear(res);
		return -1;
	}
	if (!ok)
		db_note_failure(st->name, res);
	PQclear(res);
	if (!ok)
		return -1;
	st->prepared = db->gen;
	return 0;
}

/*
 * Run the prepared statement named name (prepared first when st is given),
 * retrying a read-only one once on a fresh connection when the connection
 * broke outside a transaction.
 */
static PGresult *
run(struct oz_db *db, struct db_stmt *st, const char *name, int readonly, int nparams,
    const char *const *params)
{
	PGresult	*res;
	int		 attempt;

	for (attempt = 0; attempt < 2; attempt++) {
		ExecStatusType status;

		if (db_connect(db) == -1)
			return NULL;
		last_state[0] = '\0';
		if (st != NULL && prepare(db, st) == -1) {
			if (db->conn == NULL) {	/* lost (prepare dropped it) */
				if (readonly && !db->in_tx)
					continue;
				return NULL;
			}
			/* 42P01: a table is missing, the schema is not migrated */
			db->unavailable = strcmp(last_state, "42P01") == 0;
			return NULL;
		}
		res = PQexecPrepared(db->conn, name, nparams, params, NULL, NULL, 0);
		status = PQresultStatus(res);
		if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
			return res;
		if (conn_lost(db, res)) {
			db_lost(db, name, res);
			PQclear(res);
			/* Inside a transaction a retry would run outside it. */
			if (readonly && !db->in_tx)
				continue;
			return NULL;
		}
		/* The primary message only: DETAIL lines can quote request values. */
		db_note_failure(name, res);
		PQclear(res);
		db->unavailable = 0;
		return NULL;
	}
	return NULL;
}

PGresult *
db_run(struct oz_db *db, struct db_stmt *st, int nparams, const char *const *params)
{
	return run(db, st, st->name, st->readonly, nparams, params);
}

enum db_fault
db_fault(const struct oz_db *db)
{
	if (db->unavailable)
		return strcmp(last_state, "42P01") == 0 ? DB_FAULT_UNMIGRATED : DB_FAULT_DOWN;
	if (strcmp(last_state, "23505") == 0)
		return DB_FAULT_UNIQUE;
	if (strcmp(last_state, "23514") == 0)
		return DB_FAULT_CHECK;
	if (strcmp(last_state, "23503") == 0)
		return DB_FAULT_FOREIGN_KEY;
	if (strcmp(last_state, "40P01") == 0 || strcmp(last_state, "40001") == 0)
		return DB_FAULT_CONFLICT;
	/* statement_timeout (db_statement_timeout_ms) cancelled the statement */
	if (strcmp(last_state, "57014") == 0)
		return DB_FAULT_TIMEOUT;
	return last_state[0] ? DB_FAULT_OTHER : DB_FAULT_NONE;
}

/*
 * Run BEGIN, COMMIT or ROLLBACK; 0 when PostgreSQL answered with the tag
 * expected (a COMMIT of a transaction that had failed answers ROLLBACK: not
 * done). On a lost connection the fault is DB_FAULT_DOWN; at COMMIT that
 * means the outcome is unknown, and the caller must not report it as done.
 */
static int
db_command(struct oz_db *db, const char *cmd, const char *tag)
{
	PGresult *res;
	int	 ok;

	if (db_connect(db) == -1)
		return -1;
	last_state[0] = '\0';
	res = PQexec(db->conn, cmd);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK && strcmp(PQcmdStatus(res), tag) == 0;
	if (ok) {
		PQclear(res);
		return 0;
	}
	if (PQresultStatus(res) != PGRES_COMMAND_OK && conn_lost(db, res))
		db_lost(db, cmd, res);
	else if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		db_note_failure(cmd, res);
		db->unavailable = 0;
	} else {
		/* 25P02: what a statement of the transaction had failed with */
		snprintf(last_state, sizeof(last_state), "25P02");
		log_warnx("db: %s answered %s", cmd, PQcmdStatus(res));
		db->unavailable = 0;
	}
	PQclear(res);
	return -1;
}

int
db_begin(struct oz_db *db)
{
	if (db_command(db, "BEGIN", "BEGIN") == -1)
		return -1;
	db->in_tx = 1;
	return 0;
}

int
db_commit(struct oz_db *db)
{
	int rc = db_command(db, "COMMIT", "COMMIT");

	db->in_tx = 0;
	return rc;
}

/* The fault a caller reports is the failed statement's, not the ROLLBACK's. */
void
db_rollback(struct oz_db *db)
{
	char	 state[sizeof(last_state)];
	int	 unavailable = db->unavailable;

	db->in_tx = 0;
	if (db->conn == NULL || PQtransactionStatus(db->conn) == PQTRANS_IDLE)
		return;
	memcpy(state, last_state, sizeof(state));
	(void)db_command(db, "ROLLBACK", "ROLLBACK");
	memcpy(last_state, state, sizeof(last_state));
	db->unavailable = unavailable;
}

const char *
db_last_sqlstate(const struct oz_db *db)
{
	(void)db;
	return last_state;
}
