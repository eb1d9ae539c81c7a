/*
 * test_store_schema.c: the schema version store module against a real
 * PostgreSQL: a migrated database is at this build's latest migration.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_schema.h"

START_TEST(version_is_the_latest)
{
	struct fixture	 fx;
	int64_t		 v = -1;
	char		 text[16], want[24];

	fixture_open(&fx);
	ck_assert_int_gt(migrate_latest(), 0);
	ck_assert_int_eq(store_schema_version(&fx.s.st, &v), 0);
	ck_assert_int_eq(v, migrate_latest());
	/* what the table records, read independently */
	fixture_value("SELECT max(version)::text FROM ozzie_schema_migrations", NULL, NULL, text,
	    sizeof(text));
	snprintf(want, sizeof(want), "%lld", (long long)v);
	ck_assert_str_eq(text, want);
	/* the same from any client: the schema is not a tenant's */
	ck_assert_int_eq(store_schema_version(&fx.st_b, &v), 0);
	ck_assert_int_eq(v, migrate_latest());
	fixture_close(&fx);
}
END_TEST

static Suite *
store_schema_suite(void)
{
	Suite	*s = suite_create("store_schema");
	TCase	*tc = tcase_create("schema");

	tcase_add_test(tc, version_is_the_latest);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_schema_suite)
