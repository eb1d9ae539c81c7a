/*
 * test_svc_ops.c: readiness without HTTP, on a real PostgreSQL: a migrated
 * database is ready, an unmigrated one or none at all is not (with
 * Retry-After), and a good result is reused for a second, a bad one only
 * until the connection may be tried again (db_retry_ms). Each test runs in a
 * process of its own, so each starts with nothing cached.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db_fixture.h"
#include "service/svc_ops.h"

/* Point the fixture's connection at conninfo instead. */
static void
reconnect(struct fixture *fx, const char *conninfo)
{
	char	 err[256];

	db_close(&fx->db);
	ck_assert_msg(config_set(&fx->cfg, "database_url", conninfo, err, sizeof(err)) == 0, "%s",
	    err);
	ck_assert_int_eq(db_init(&fx->db, &fx->cfg, "ozzie-unit"), 0);
}

/* The test database's conninfo with another dbname, as key = 'value' pairs. */
static void
other_database(const char *dbname, char *out, size_t len)
{
	PQconninfoOption *opts, *o;
	size_t	 n = 0;

	opts = PQconninfoParse(fixture_url, NULL);
	ck_assert_ptr_nonnull(opts);
	out[0] = '\0';
	for (o = opts; o->keyword; o++) {
		const char *v = strcmp(o->keyword, "dbname") == 0 ? dbname : o->val;

		if (v == NULL || strchr(v, '\'') || strchr(v, '\\'))
			continue;
		n += (size_t)snprintf(out + n, len - n, "%s='%s' ", o->keyword, v);
		ck_assert_uint_lt(n, len);
	}
	PQconninfoFree(opts);
}

START_TEST(ready_and_reused_for_a_second)
{
	struct fixture	 fx;
	struct readiness r;
	struct timespec	 pause = { 1, 50 * 1000 * 1000 };

	fixture_open(&fx);
	ck_assert_int_eq(svc_ready(&fx.s, &r), 0);
	ck_assert_int_eq(r.schema_version, migrate_latest());
	ck_assert_int_eq(r.cached, 0);
	ck_assert_int_eq(fx.err.code, OZ_OK);
	/* within the second: the same answer without asking the database */
	ck_assert_int_eq(svc_ready(&fx.s, &r), 0);
	ck_assert_int_eq(r.cached, 1);
	ck_assert_int_eq(r.schema_version, migrate_latest());
	db_close(&fx.db);		/* it would not be there to ask */
	ck_assert_int_eq(svc_ready(&fx.s, &r), 0);
	ck_assert_int_eq(r.cached, 1);
	/* after it: asked again */
	ck_assert_int_eq(db_init(&fx.db, &fx.cfg, "ozzie-unit"), 0);
	ck_assert_int_eq(nanosleep(&pause, NULL), 0);
	ck_assert_int_eq(svc_ready(&fx.s, &r), 0);
	ck_assert_int_eq(r.cached, 0);
	ck_assert_int_eq(r.schema_version, migrate_latest());
	fixture_close(&fx);
}
END_TEST

START_TEST(no_database)
{
	struct fixture	 fx;
	struct readiness r;
	struct timespec	 pause = { 0, 300 * 1000 * 1000 };	/* db_retry_ms is 250 */
	char		 err[256];

	fixture_open(&fx);
	ck_assert_msg(config_set(&fx.cfg, "db_retry_ms", "250", err, sizeof(err)) == 0, "%s", err);
	reconnect(&fx, "host=/nonexistent/ozzie-unit dbname=nothing connect_timeout=1");
	ck_assert_int_eq(svc_ready(&fx.s, &r), -1);
	ck_assert_int_eq(r.cached, 0);
	ck_assert_int_gt(fx.err.retry_after, 0);
	ck_assert_ptr_nonnull(strstr(fx.err.message, "unavailable"));
	FIXTURE_EXPECT(&fx, OZ_SERVICE_UNAVAILABLE, NULL);
	/* a bad answer is reused too, but only until a reconnection may be tried */
	ck_assert_int_eq(svc_ready(&fx.s, &r), -1);
	ck_assert_int_eq(r.cached, 1);
	ck_assert_int_gt(fx.err.retry_after, 0);
	FIXTURE_EXPECT(&fx, OZ_SERVICE_UNAVAILABLE, NULL);
	ck_assert_int_eq(nanosleep(&pause, NULL), 0);
	ck_assert_int_eq(svc_ready(&fx.s, &r), -1);
	ck_assert_int_eq(r.cached, 0);
	FIXTURE_EXPECT(&fx, OZ_SERVICE_UNAVAILABLE, NULL);
	fixture_close(&fx);
}
END_TEST

START_TEST(unmigrated_database)
{
	struct fixture	 fx;
	struct readiness r;
	char		 name[64], sql[128], conninfo[1024];

	fixture_open(&fx);
	snprintf(name, sizeof(name), "ozzie_unit_empty_%ld", (long)getpid());
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", name);
	fixture_sql(sql, NULL, NULL);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	fixture_sql(sql, NULL, NULL);
	other_database(name, conninfo, sizeof(conninfo));
	reconnect(&fx, conninfo);
	ck_assert_int_eq(svc_ready(&fx.s, &r), -1);
	ck_assert_int_eq(r.schema_version, 0);
	ck_assert_int_gt(fx.err.retry_after, 0);
	ck_assert_ptr_nonnull(strstr(fx.err.message, "ozzie-admin migrate"));
	FIXTURE_EXPECT(&fx, OZ_SERVICE_UNAVAILABLE, NULL);
	db_close(&fx.db);
	snprintf(sql, sizeof(sql), "DROP DATABASE %s", name);
	fixture_sql(sql, NULL, NULL);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_ops_suite(void)
{
	Suite	*s = suite_create("svc_ops");
	TCase	*tc = tcase_create("readiness");

	tcase_add_test(tc, ready_and_reused_for_a_second);
	tcase_add_test(tc, no_database);
	tcase_add_test(tc, unmigrated_database);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_ops_suite)
