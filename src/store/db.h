/*
 * db.h: a worker's one PostgreSQL connection. It connects lazily, prepares
 * each store module's statement on its first use on a connection, and
 * reconnects by itself (at most once per db_retry_ms while the database is
 * down). Only store modules run statements.
 */
#ifndef OZ_DB_H
#define OZ_DB_H

#include <libpq-fe.h>
#include <stdint.h>
#include <time.h>

struct oz_config;

struct oz_db {
	PGconn		*conn;
	char		*conninfo;
	const char	*application_name;
	int		 connect_timeout;
	int		 statement_timeout_ms;
	int		 work_mem_kb;	/* the session's work_mem: sorts and hashes in memory */
	int		 retry_ms;
	int		 retry_after;	/* seconds, for 503 answers */
	struct timespec	 last_attempt;
	int		 unavailable;	/* last operation failed for lack of a connection */
	int		 in_tx;		/* between db_begin and db_commit/db_rollback */
	unsigned long	 gen;		/* which connection of this process is open */
};

/*
 * A statement a store module owns: its name (unique in the program) and its
 * SQL text, written once beside the column order that decodes its rows. It
 * is prepared on its first use on each connection.
 */
struct db_stmt {
	const char	*name;
	const char	*sql;
	int		 readonly;	/* safe to retry on a fresh connection */
	unsigned long	 prepared;	/* the connection it is prepared on (db.c) */
};

/* Why the last statement failed, as far as a caller must tell. */
enum db_fault {
	DB_FAULT_NONE,
	DB_FAULT_DOWN,		/* no connection: retry later (503) */
	DB_FAULT_UNMIGRATED,	/* a table is missing: run ozzie-admin migrate (503) */
	DB_FAULT_UNIQUE,	/* a unique constraint refused the write */
	DB_FAULT_CHECK,		/* a check constraint refused the write */
	DB_FAULT_FOREIGN_KEY,	/* what the row refers to is gone */
	DB_FAULT_CONFLICT,	/* a deadlock or serialization failure: the same work again may pass */
	DB_FAULT_TIMEOUT,	/* longer than db_statement_timeout_ms: cancelled (503) */
	DB_FAULT_OTHER		/* a bug or an unexpected state (500) */
};

/* Copy what the connection needs from cfg; no connection is made yet. 0/-1. */
int	db_init(struct oz_db *db, const struct oz_config *cfg, const char *appname);
/* The same with another connection string (database_read_url). 0/-1. */
int	db_init_url(struct oz_db *db, const struct oz_config *cfg, const char *url,
	    const char *appname);
void	db_close(struct oz_db *db);
/* Make sure a usable connection exists; 0, or -1 (db->unavailable set). */
int	db_connect(struct oz_db *db);
/*
 * Run st (prepared first on this connection if need be) with text params.
 * Returns the result (the caller PQclears it) when it completed with
 * TUPLES_OK or COMMAND_OK; NULL on failure (db_fault says why). A read-only
 * statement is retried once on a fresh connection when the connection broke
 * outside a transaction.
 */
PGresult *db_run(struct oz_db *db, struct db_stmt *st, int nparams,
	    const char *const *params);
/* What went wrong with the last failed statement. */
enum db_fault db_fault(const struct oz_db *db);
/* BEGIN, COMMIT or ROLLBACK on the worker's connection; 0/-1. */
int	db_begin(struct oz_db *db);
int	db_commit(struct oz_db *db);
void	db_rollback(struct oz_db *db);
/* The SQLSTATE of the last failed statement, or "" (valid until the next call). */
const char *db_last_sqlstate(const struct oz_db *db);

#endif
