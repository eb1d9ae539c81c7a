/*
 * migrate.c: apply sql/NNN_name.sql in order. The SQL is our own, compiled in
 * (sql_embedded.c is generated from sql/ at build time), never client input.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/num.h"
#include "store/migrate.h"

#define MIGRATE_LOCK_KEY "7236711562"	/* pg_advisory_lock key, fixed for Ozzie */

static const char create_table[] =
    "CREATE TABLE IF NOT EXISTS ozzie_schema_migrations ("
    " version integer PRIMARY KEY,"
    " name text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

int
migrate_latest(void)
{
	return oz_nmigrations ? oz_migrations[oz_nmigrations - 1].version : 0;
}

static int
exec_ok(PGconn *conn, const char *sql, char *err, size_t errlen)
{
	PGresult *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		snprintf(err, errlen, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return 0;
}

int
migrate_current(PGconn *conn, char *err, size_t errlen)
{
	PGresult	*res;
	const char	*errstr;
	int64_t		 v;

	res = PQexec(conn, "SELECT coalesce(max(version), 0) FROM ozzie_schema_migrations");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

		if (state && strcmp(state, "42P01") == 0) {
			PQclear(res);
			return 0;
		}
		snprintf(err, errlen, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	if (num_parse_i64z(PQgetvalue(res, 0, 0), 0, 999999, &v, &errstr) == -1) {
		snprintf(err, errlen, "recorded schema version %s", errstr);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	return (int)v;
}

/* Every version we know that the database recorded must carry our name. */
static int
check_names(PGconn *conn, char *err, size_t errlen)
{
	PGresult *res;
	size_t	 i;
	int	 row;

	res = PQexec(conn, "SELECT version::text, name FROM ozzie_schema_migrations ORDER BY version");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		snprintf(err, errlen, "%s", PQresultErrorMessage(res));
		PQclear(res);
		return -1;
	}
	for (row = 0; row < PQntuples(res); row++) {
		for (i = 0; i < oz_nmigrations; i++) {
			char v[16];

			snprintf(v, sizeof(v), "%d", oz_migrations[i].version);
			if (strcmp(v, PQgetvalue(res, row, 0)) != 0)
				continue;
			if (strcmp(oz_migrations[i].name, PQgetvalue(res, row, 1)) != 0) {
				snprintf(err, errlen,
				    "migration %s is recorded as '%s' but this build calls it '%s'",
				    v, PQgetvalue(res, row, 1), oz_migrations[i].name);
				PQclear(res);
				return -1;
			}
		}
	}
	PQclear(res);
	return 0;
}

static int
apply_one(PGconn *conn, const struct oz_migration *m, char *err, size_t errlen)
{
	char		 vbuf[16];
	const char	*params[2];
	PGresult	*res;
	char		 msg[512];

	if (exec_ok(conn, "BEGIN", err, errlen) == -1)
		return -1;
	if (exec_ok(conn, m->sql, msg, sizeof(msg)) == -1) {
		snprintf(err, errlen, "%s: %s", m->name, msg);
		goto rollback;
	}
	snprintf(vbuf, sizeof(vbuf), "%d", m->version);
	params[0] = vbuf;
	params[1] = m->name;
	res = PQexecParams(conn,
	    "INSERT INTO ozzie_schema_migrations (version, name) VALUES ($1::integer, $2)",
	    2, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		snprintf(err, errlen, "%s: %s", m->name, PQresultErrorMessage(res));
		PQclear(res);
		goto rollback;
	}
	PQclear(res);
	return exec_ok(conn, "COMMIT", err, errlen);
rollback:
	PQclear(PQexec(conn, "ROLLBACK"));
	return -1;
}

int
migrate_apply(PGconn *conn, int *from, int *to, char *err, size_t errlen)
{
	size_t	 i;
	int	 cur, rc = -1;

	if (exec_ok(conn, "SELECT pg_advisory_lock(" MIGRATE_LOCK_KEY ")", err, errlen) == -1)
		return -1;
	if (exec_ok(conn, "SET client_min_messages = warning", err, errlen) == -1 ||
	    exec_ok(conn, create_table, err, errlen) == -1)
		goto out;
	if ((cur = migrate_current(conn, err, errlen)) == -1)
		goto out;
	*from = *to = cur;
	if (cur > migrate_latest()) {
		snprintf(err, errlen,
		    "the database schema is at version %d, newer than this build knows (%d): "
		    "upgrade Ozzie instead", cur, migrate_latest());
		goto out;
	}
	if (check_names(conn, err, errlen) == -1)
		goto out;
	for (i = 0; i < oz_nmigrations; i++) {
		if (oz_migrations[i].version <= cur)
			continue;
		if (apply_one(conn, &oz_migrations[i], err, errlen) == -1)
			goto out;
		*to = oz_migrations[i].version;
	}
	rc = 0;
out:
	PQclear(PQexec(conn, "SELECT pg_advisory_unlock(" MIGRATE_LOCK_KEY ")"));
	return rc;
}
