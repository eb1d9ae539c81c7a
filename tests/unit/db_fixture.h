/*
 * db_fixture.h: a real PostgreSQL for the unit tests of the store and the
 * services. OZZIE_TEST_DATABASE_URL names an empty or migrated database
 * (tools/ozzie-dev test makes a fresh one); without it the program skips
 * (exit 77), as under make distcheck. Each test gets two API clients of its
 * own, so tests never see each other's rows and tenancy can be checked.
 */
#ifndef OZ_DB_FIXTURE_H
#define OZ_DB_FIXTURE_H

#include <check.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/conf.h"
#include "core/errors.h"
#include "core/ids.h"
#include "core/num.h"
#include "core/pool.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/store.h"
#include "store/store_user.h"

static char fixture_url[1024];

struct fixture {
	struct oz_config cfg;
	struct oz_db	 db;
	struct pool	 pool;
	struct oz_error	 err;
	struct svc	 s;		/* as the client "a" */
	struct store	 st_b;		/* the other client, "b" */
	char		 a[64], b[64];
};

/* Run sql with up to two text parameters on a connection of its own; aborts on failure. */
static inline void
fixture_sql(const char *sql, const char *p1, const char *p2)
{
	const char	*params[2] = { p1, p2 };
	PGconn		*c = PQconnectdb(fixture_url);
	PGresult	*res;

	ck_assert_msg(PQstatus(c) == CONNECTION_OK, "%s", PQerrorMessage(c));
	res = PQexecParams(c, sql, p2 ? 2 : p1 ? 1 : 0, NULL, params, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql, PQresultErrorMessage(res));
	PQclear(res);
	PQfinish(c);
}

/* The first column of the first row of sql (with up to two parameters) into out; "" for none. */
static inline void
fixture_value(const char *sql, const char *p1, const char *p2, char *out, size_t len)
{
	const char	*params[2] = { p1, p2 };
	PGconn		*c = PQconnectdb(fixture_url);
	PGresult	*res;

	ck_assert_msg(PQstatus(c) == CONNECTION_OK, "%s", PQerrorMessage(c));
	res = PQexecParams(c, sql, p2 ? 2 : p1 ? 1 : 0, NULL, params, NULL, NULL, 0);
	ck_assert_msg(PQresultStatus(res) == PGRES_TUPLES_OK, "%s: %s", sql,
	    PQresultErrorMessage(res));
	snprintf(out, len, "%s", PQntuples(res) > 0 && !PQgetisnull(res, 0, 0) ?
	    PQgetvalue(res, 0, 0) : "");
	PQclear(res);
	PQfinish(c);
}

/* The integer sql (with up to two parameters) counts. */
static inline int64_t
fixture_count(const char *sql, const char *p1, const char *p2)
{
	const char	*errstr;
	char		 v[32];
	int64_t		 n = -1;

	fixture_value(sql, p1, p2, v, sizeof(v));
	ck_assert_msg(num_parse_i64z(v, 0, INT64_MAX, &n, &errstr) == 0, "%s: '%s'", sql, v);
	return n;
}

static inline void
fixture_migrate(void)
{
	PGconn	*c = PQconnectdb(fixture_url);
	char	 err[1024];
	int	 from, to;

	ck_assert_msg(PQstatus(c) == CONNECTION_OK, "%s", PQerrorMessage(c));
	ck_assert_msg(migrate_apply(c, &from, &to, err, sizeof(err)) == 0, "%s", err);
	PQfinish(c);
}

static inline void
fixture_client(char *id, size_t len)
{
	ck_assert_int_eq(ids_new("ozz_client", id, len), 0);
	fixture_sql("INSERT INTO api_clients (id, name, secret_hash) VALUES ($1, 'unit', 'x')",
	    id, NULL);
}

/* A connection, a pool, an error and two fresh clients; the service acts as a. */
static inline void
fixture_open(struct fixture *f)
{
	char	 err[256];

	memset(f, 0, sizeof(*f));
	fixture_migrate();
	ck_assert_msg(config_load(&f->cfg, NULL, 0, err, sizeof(err)) == 0, "%s", err);
	ck_assert_msg(config_set(&f->cfg, "database_url", fixture_url, err, sizeof(err)) == 0,
	    "%s", err);
	ck_assert_int_eq(db_init(&f->db, &f->cfg, "ozzie-unit"), 0);
	pool_init(&f->pool);
	fixture_client(f->a, sizeof(f->a));
	fixture_client(f->b, sizeof(f->b));
	f->s.st.db = &f->db;
	f->s.st.pool = &f->pool;
	f->s.st.client = f->a;
	f->s.cfg = &f->cfg;
	f->s.err = &f->err;
	f->st_b = f->s.st;
	f->st_b.client = f->b;
}

/* Forget the last error (a service's failures are checked one at a time). */
static inline void
fixture_clear_error(struct fixture *f)
{
	memset(&f->err, 0, sizeof(f->err));
}

/* A new user of the client st acts for (external id ext, language, currency). */
static inline void
fixture_user(struct store *st, const char *ext, const char *language, const char *currency,
    struct user *out)
{
	struct user_fields f;
	char	 id[OZ_ID_MAX];

	memset(&f, 0, sizeof(f));
	f.external_user_id = ext;
	f.language = language;
	f.currency = currency;
	ck_assert_int_eq(ids_new("ozz_usr", id, sizeof(id)), 0);
	ck_assert_int_eq(store_user_insert(st, id, &f, out), 1);
}

/* A new id with prefix into out. */
static inline void
fixture_id(const char *prefix, char *out, size_t len)
{
	ck_assert_int_eq(ids_new(prefix, out, len), 0);
}

/* A service context like f->s, acting as the other client, b (errors go to f->err). */
static inline void
fixture_svc_b(struct fixture *f, struct svc *out)
{
	*out = f->s;
	out->st = f->st_b;
}

/*
 * The last service call failed with code, and with a detail on field (NULL:
 * no details at all); then forget it. FIXTURE_EXPECT says where it was called.
 */
#define FIXTURE_EXPECT(f, code, field) fixture_expect((f), (code), (field), __FILE__, __LINE__)
static inline void
fixture_expect(struct fixture *f, enum oz_code code, const char *field, const char *file,
    int line)
{
	size_t	 i;
	int	 found = 0;

	ck_assert_msg(f->err.code == code, "%s:%d: error %s (%s), not %s", file, line,
	    oz_code_name(f->err.code), f->err.message ? f->err.message : "", oz_code_name(code));
	ck_assert_msg(f->err.message != NULL && f->err.message[0] != '\0', "%s:%d: no message",
	    file, line);
	for (i = 0; i < f->err.ndetails; i++)
		if (field && strcmp(f->err.details[i].field, field) == 0 &&
		    f->err.details[i].message && f->err.details[i].message[0])
			found = 1;
	if (field)
		ck_assert_msg(found, "%s:%d: no detail on %s", file, line, field);
	else
		ck_assert_msg(f->err.ndetails == 0, "%s:%d: %zu details", file, line,
		    f->err.ndetails);
	fixture_clear_error(f);
}

static inline void
fixture_close(struct fixture *f)
{
	db_close(&f->db);
	pool_free(&f->pool);
	config_free(&f->cfg);
}

/* main() for a test program that needs the database: skip without one. */
#define OZ_CHECK_MAIN_DB(make_suite)					\
int									\
main(void)								\
{									\
	const char *url = getenv("OZZIE_TEST_DATABASE_URL");		\
	SRunner *sr;							\
	int failed;							\
									\
	if (url == NULL || *url == '\0' ||				\
	    strlen(url) >= sizeof(fixture_url)) {			\
		fprintf(stderr, "OZZIE_TEST_DATABASE_URL is not set: skipped\n"); \
		return 77;						\
	}								\
	memcpy(fixture_url, url, strlen(url) + 1);			\
	oz_clear_ozzie_env();						\
	sr = srunner_create(make_suite());				\
	srunner_run_all(sr, CK_NORMAL);					\
	failed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;		\
}

#endif
