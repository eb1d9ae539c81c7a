/* test_store_cols.c: the store's column decoders on results built in memory. */
#include "config.h"

#include <libpq-fe.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check_main.h"
#include "store/store.h"

/* A one-column result of the given values (NULL: SQL NULL). */
static PGresult *
column(const char *const *vals, int n)
{
	PGresAttDesc	 att;
	PGresult	*res = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
	int		 i;

	memset(&att, 0, sizeof(att));
	att.name = (char *)"v";
	att.typid = 25;		/* text */
	att.typlen = -1;
	att.atttypmod = -1;
	ck_assert_ptr_nonnull(res);
	ck_assert_int_eq(PQsetResultAttrs(res, 1, &att), 1);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(PQsetvalue(res, i, 0, (char *)vals[i],
		    vals[i] ? (int)strlen(vals[i]) : -1), 1);
	return res;
}

START_TEST(copy_truncates_and_terminates)
{
	static const char *const vals[] = { "spending", NULL, "", "jo\xc3\xa3o", "0123456789" };
	PGresult *res = column(vals, 5);
	char	 d[8];

	memset(d, 'x', sizeof(d));
	store_copy(d, sizeof(d), res, 0, 0);
	ck_assert_str_eq(d, "spendin");		/* n - 1 bytes and the NUL */
	memset(d, 'x', sizeof(d));
	store_copy(d, sizeof(d), res, 1, 0);
	ck_assert_str_eq(d, "");
	store_copy(d, sizeof(d), res, 2, 0);
	ck_assert_str_eq(d, "");
	store_copy(d, sizeof(d), res, 3, 0);
	ck_assert_str_eq(d, "jo\xc3\xa3o");
	store_copy(d, 1, res, 4, 0);
	ck_assert_str_eq(d, "");
	d[0] = 'x';
	store_copy(d, 0, res, 4, 0);		/* nothing written */
	ck_assert_int_eq(d[0], 'x');
	PQclear(res);
}
END_TEST

/* store_ts against gmtime_r and strftime, the way it was written before. */
START_TEST(ts_as_strftime)
{
	static const int64_t fixed[] = { 0, 1, -1, 999999, -1000000, -1000001,
	    1764806400123456LL, 951782400000000LL, -62135596800000000LL,
	    253402300799999999LL, 253402300800000000LL, -62167219200000001LL };
	char	 vals[300][24], got[32], want[32];
	const char *ptrs[300];
	int64_t	 us[300];
	PGresult *res;
	int	 i;

	srandom(7);
	for (i = 0; i < 300; i++) {
		if (i < (int)(sizeof(fixed) / sizeof(fixed[0])))
			us[i] = fixed[i];
		else	/* years 0001 to 9999 */
			us[i] = -62135596800000000LL + (int64_t)(((uint64_t)random() << 31 ^
			    (uint64_t)random()) % 315537897600000000ULL);
		snprintf(vals[i], sizeof(vals[i]), "%lld", (long long)us[i]);
		ptrs[i] = vals[i];
	}
	res = column(ptrs, 300);
	for (i = 0; i < 300; i++) {
		time_t	 t = (time_t)(us[i] >= 0 ? us[i] / 1000000 : (us[i] - 999999) / 1000000);
		struct tm tm;

		ck_assert_ptr_nonnull(gmtime_r(&t, &tm));
		ck_assert_uint_ne(strftime(want, sizeof(want), "%Y-%m-%dT%H:%M:%SZ", &tm), 0);
		store_ts(got, sizeof(got), res, i, 0);
		ck_assert_msg(strcmp(got, want) == 0, "%lld: %s, want %s", (long long)us[i], got,
		    want);
		/* too small a buffer: empty, never a cut timestamp */
		store_ts(got, 20, res, i, 0);
		ck_assert_msg(got[0] == '\0' || strlen(got) < 20, "%s", got);
	}
	PQclear(res);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("store_cols");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, copy_truncates_and_terminates);
	tcase_add_test(tc, ts_as_strftime);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
