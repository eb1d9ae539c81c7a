/*
 * test_db.c: the worker's connection on a real PostgreSQL, and what happens
 * when its backend goes away in the middle of a request (terminated as
 * pg_ctl stop and a crash restart do): the statement fails as
 * DB_FAULT_DOWN (a 503, never a 500), outside a transaction, inside one and
 * at COMMIT; a write PostgreSQL did not acknowledge is not there; and the
 * next statement runs on a new connection. A statement cancelled by the
 * statement timeout is a 503 too, on a connection that goes on.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db_fixture.h"

static struct db_stmt ins = { "test_db_ins",
	"INSERT INTO api_clients (id, name, secret_hash) VALUES ($1, 'unit-db', 'x')", 0, 0 };
static struct db_stmt count = { "test_db_count",
	"SELECT count(*) FROM api_clients WHERE id = $1", 1, 0 };

/* A new client id (the rows these tests write are API clients nobody uses). */
static void
new_id(char *out, size_t len)
{
	fixture_id("ozz_client", out, len);
}

/* Run ins for id on fx's connection; the result's success. */
static int
insert(struct fixture *fx, const char *id)
{
	const char	*params[1] = { id };
	PGresult	*res = db_run(&fx->db, &ins, 1, params);

	PQclear(res);
	return res != NULL;
}

/* How many rows id has, seen from another connection. */
static int64_t
rows_of(const char *id)
{
	return fixture_count("SELECT count(*) FROM api_clients WHERE id = $1", id, NULL);
}

/*
 * End fx's backend from another connection, as pg_ctl stop -m fast does to
 * every backend, and wait until it is gone. Its connection still looks OK
 * to libpq: only the next statement finds out.
 */
static void
terminate_backend(struct fixture *fx)
{
	char	 pid[16];
	int	 i;

	ck_assert_ptr_nonnull(fx->db.conn);
	snprintf(pid, sizeof(pid), "%d", PQbackendPID(fx->db.conn));
	fixture_sql("SELECT pg_terminate_backend($1::integer)", pid, NULL);
	for (i = 0; i < 200 && fixture_count("SELECT count(*) FROM pg_stat_activity"
	    " WHERE pid = $1::integer", pid, NULL) > 0; i++) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	ck_assert_msg(i < 200, "backend %s did not exit", pid);
	ck_assert_int_eq(PQstatus(fx->db.conn), CONNECTION_OK);
}

/* The last failure is a lost connection: 503 with Retry-After, not a 500. */
static void
assert_down(struct fixture *fx)
{
	ck_assert_int_eq(db_fault(&fx->db), DB_FAULT_DOWN);
	ck_assert_int_eq(svc_db_fail(&fx->s), -1);
	ck_assert_int_eq(fx->err.retry_after, fx->db.retry_after);
	FIXTURE_EXPECT(fx, OZ_SERVICE_UNAVAILABLE, NULL);
}

START_TEST(write_on_a_lost_connection_is_down_then_reconnects)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX], b[OZ_ID_MAX];

	fixture_open(&fx);
	new_id(a, sizeof(a));
	new_id(b, sizeof(b));
	ck_assert(insert(&fx, a));
	terminate_backend(&fx);
	/* a write is not retried: it may or may not have run */
	ck_assert(!insert(&fx, b));
	assert_down(&fx);
	ck_assert_ptr_null(fx.db.conn);
	ck_assert_int_eq(rows_of(b), 0);
	/* the next request gets a new connection at once */
	ck_assert(insert(&fx, b));
	ck_assert_int_eq(rows_of(b), 1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_NONE);
	fixture_close(&fx);
}
END_TEST

START_TEST(read_on_a_lost_connection_is_retried_once)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX];
	const char	*params[1] = { a };
	PGresult	*res;
	unsigned long	 gen;

	fixture_open(&fx);
	new_id(a, sizeof(a));
	ck_assert(insert(&fx, a));
	gen = fx.db.gen;
	terminate_backend(&fx);
	res = db_run(&fx.db, &count, 1, params);
	ck_assert_ptr_nonnull(res);
	ck_assert_str_eq(PQgetvalue(res, 0, 0), "1");
	PQclear(res);
	ck_assert_uint_ne(fx.db.gen, gen);	/* on a new connection */
	fixture_close(&fx);
}
END_TEST

START_TEST(lost_inside_a_transaction_is_down_and_nothing_is_kept)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX], b[OZ_ID_MAX];
	const char	*params[1] = { a };
	PGresult	*res;

	fixture_open(&fx);
	new_id(a, sizeof(a));
	new_id(b, sizeof(b));
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert(insert(&fx, a));
	terminate_backend(&fx);
	ck_assert(!insert(&fx, b));
	assert_down(&fx);
	db_rollback(&fx.db);
	ck_assert_int_eq(fx.db.in_tx, 0);
	/* a read inside the transaction is not retried outside it either */
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert(insert(&fx, b));
	terminate_backend(&fx);
	res = db_run(&fx.db, &count, 1, params);
	ck_assert_ptr_null(res);
	assert_down(&fx);
	db_rollback(&fx.db);
	ck_assert_int_eq(fx.db.in_tx, 0);
	ck_assert_int_eq(rows_of(a), 0);
	ck_assert_int_eq(rows_of(b), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(lost_at_commit_is_down_and_not_done)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX];

	fixture_open(&fx);
	new_id(a, sizeof(a));
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert(insert(&fx, a));
	terminate_backend(&fx);
	ck_assert_int_eq(db_commit(&fx.db), -1);
	assert_down(&fx);
	ck_assert_int_eq(fx.db.in_tx, 0);
	ck_assert_int_eq(rows_of(a), 0);
	/* and BEGIN on a connection lost while idle is a 503 too */
	ck_assert(insert(&fx, a));
	terminate_backend(&fx);
	ck_assert_int_eq(db_begin(&fx.db), -1);
	assert_down(&fx);
	ck_assert_int_eq(fx.db.in_tx, 0);
	fixture_close(&fx);
}
END_TEST

/* A COMMIT that PostgreSQL answers with ROLLBACK committed nothing. */
START_TEST(commit_of_a_failed_transaction_is_not_done)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX];

	fixture_open(&fx);
	new_id(a, sizeof(a));
	ck_assert(insert(&fx, a));
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert(!insert(&fx, a));		/* a duplicate: the transaction fails */
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_UNIQUE);
	ck_assert_int_eq(db_commit(&fx.db), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_OTHER);
	ck_assert_int_eq(rows_of(a), 1);
	fixture_close(&fx);
}
END_TEST

/* The fault a caller maps is the statement's, whatever the ROLLBACK after it did. */
START_TEST(rollback_keeps_the_statements_fault)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX];

	fixture_open(&fx);
	new_id(a, sizeof(a));
	ck_assert(insert(&fx, a));
	ck_assert_int_eq(db_begin(&fx.db), 0);
	ck_assert(!insert(&fx, a));
	db_rollback(&fx.db);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_UNIQUE);
	ck_assert_str_eq(db_last_sqlstate(&fx.db), "23505");
	fixture_close(&fx);
}
END_TEST

static struct db_stmt slow = { "test_db_slow", "SELECT pg_sleep(2)", 1, 0 };

/* A statement past db_statement_timeout_ms is a 503 with Retry-After, not a 500. */
START_TEST(statement_timeout_is_unavailable)
{
	struct fixture	 fx;
	char		 a[OZ_ID_MAX];

	fixture_open(&fx);
	fx.db.statement_timeout_ms = 100;	/* before the first statement connects */
	ck_assert_ptr_null(db_run(&fx.db, &slow, 0, NULL));
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_TIMEOUT);
	ck_assert_int_eq(svc_db_fail(&fx.s), -1);
	ck_assert_int_eq(fx.err.code, OZ_SERVICE_UNAVAILABLE);
	ck_assert_int_eq(fx.err.retry_after, 5);
	/* the connection goes on */
	new_id(a, sizeof(a));
	ck_assert(insert(&fx, a));
	ck_assert_int_eq(rows_of(a), 1);
	fixture_close(&fx);
}
END_TEST

static Suite *
db_suite(void)
{
	Suite	*s = suite_create("db");
	TCase	*tc = tcase_create("faults");

	tcase_add_test(tc, write_on_a_lost_connection_is_down_then_reconnects);
	tcase_add_test(tc, read_on_a_lost_connection_is_retried_once);
	tcase_add_test(tc, lost_inside_a_transaction_is_down_and_nothing_is_kept);
	tcase_add_test(tc, lost_at_commit_is_down_and_not_done);
	tcase_add_test(tc, commit_of_a_failed_transaction_is_not_done);
	tcase_add_test(tc, rollback_keeps_the_statements_fault);
	tcase_add_test(tc, statement_timeout_is_unavailable);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(db_suite)
