/*
 * test_store_idem.c: the idempotency keys store module against a real
 * PostgreSQL: taking a key, reading it, storing the answer, letting it go,
 * taking over an expired key or one a crashed worker abandoned, the purge,
 * and that one client's keys are not another's.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_idem.h"
#include "store/store_user.h"

#define HASH_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define HASH_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* Make the key of client look older: what = expires_at or locked_at. */
static void
age(const char *client, const char *key, const char *what)
{
	char	 sql[256];

	snprintf(sql, sizeof(sql), "UPDATE idempotency_keys SET %s = now() - interval '61 seconds'"
	    " WHERE client_id = $1 AND key = $2", what);
	fixture_sql(sql, client, key);
}

START_TEST(take_complete_release)
{
	struct fixture	 fx;
	struct idem_record r;

	fixture_open(&fx);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "k1", &r), 0);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "k1", HASH_A), 1);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "k1", &r), 1);
	ck_assert_str_eq(r.request_hash, HASH_A);
	ck_assert_int_eq(r.done, 0);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_null(r.body);
	/* held: neither the same request nor another takes it */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "k1", HASH_A), 0);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "k1", HASH_B), 0);
	/* the answer is stored */
	ck_assert_int_eq(store_idem_complete(&fx.s.st, "k1", 201,
	    "{\"object\":\"user\",\"data\":{\"name\":\"Zoë\"}}", NULL), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "k1", &r), 1);
	ck_assert_int_eq(r.done, 1);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(r.body, "{\"object\":\"user\",\"data\":{\"name\":\"Zoë\"}}");
	ck_assert_str_eq(r.request_hash, HASH_A);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "k1", HASH_A), 0);
	/* a done key is not released: the answer was promised */
	ck_assert_int_eq(store_idem_release(&fx.s.st, "k1"), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "k1", &r), 1);
	ck_assert_int_eq(r.done, 1);
	/* one in progress is let go, and can be taken again */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "k2", HASH_B), 1);
	ck_assert_int_eq(store_idem_release(&fx.s.st, "k2"), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "k2", &r), 0);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "k2", HASH_A), 1);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "k2", &r), 1);
	ck_assert_str_eq(r.request_hash, HASH_A);
	/* the table's bounds on keys */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "", HASH_A), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	fixture_close(&fx);
}
END_TEST

START_TEST(takeover)
{
	struct fixture	 fx;
	struct idem_record r;

	fixture_open(&fx);
	/* an expired key is anyone's: a fresh record for the new request */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "old", HASH_A), 1);
	ck_assert_int_eq(store_idem_complete(&fx.s.st, "old", 200, "{}", NULL), 0);
	age(fx.a, "old", "expires_at");
	ck_assert_int_eq(store_idem_take(&fx.s.st, "old", HASH_B), 1);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "old", &r), 1);
	ck_assert_str_eq(r.request_hash, HASH_B);
	ck_assert_int_eq(r.done, 0);
	ck_assert_int_eq(r.status, 0);
	ck_assert_ptr_null(r.body);
	/* taken over, it is held again for 24 hours */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "old", HASH_B), 0);
	{
		char	 v[8];

		fixture_value("SELECT (expires_at > now() + interval '23 hours')::text"
		    " FROM idempotency_keys WHERE client_id = $1 AND key = $2", fx.a, "old",
		    v, sizeof(v));
		ck_assert_str_eq(v, "true");
	}
	/* abandoned in progress by a crashed worker: the same request takes it over */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "crash", HASH_A), 1);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "crash", HASH_A), 0);	/* still fresh */
	age(fx.a, "crash", "locked_at");
	ck_assert_int_eq(store_idem_take(&fx.s.st, "crash", HASH_B), 0);	/* not another */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "crash", HASH_A), 1);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "crash", HASH_A), 0);	/* locked anew */
	/* a done key is never taken over while it lives, however old its lock */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "done", HASH_A), 1);
	ck_assert_int_eq(store_idem_complete(&fx.s.st, "done", 201, "{\"ok\":true}", ""), 0);
	age(fx.a, "done", "locked_at");
	ck_assert_int_eq(store_idem_take(&fx.s.st, "done", HASH_A), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "done", &r), 1);
	ck_assert_int_eq(r.done, 1);
	ck_assert_str_eq(r.body, "{\"ok\":true}");
	fixture_close(&fx);
}
END_TEST

START_TEST(purge)
{
	struct fixture	 fx;
	struct idem_record r;

	fixture_open(&fx);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "gone", HASH_A), 1);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "kept", HASH_A), 1);
	ck_assert_int_eq(store_idem_take(&fx.st_b, "gone-b", HASH_A), 1);
	age(fx.a, "gone", "expires_at");
	age(fx.b, "gone-b", "expires_at");
	/* expired keys of every client go; live ones stay */
	ck_assert_int_eq(store_idem_purge(&fx.s.st), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "gone", &r), 0);
	ck_assert_int_eq(store_idem_get(&fx.st_b, "gone-b", &r), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "kept", &r), 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct idem_record r;

	fixture_open(&fx);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "shared", HASH_A), 1);
	/* b has no such key: it takes its own */
	ck_assert_int_eq(store_idem_get(&fx.st_b, "shared", &r), 0);
	ck_assert_int_eq(store_idem_take(&fx.st_b, "shared", HASH_B), 1);
	ck_assert_int_eq(store_idem_complete(&fx.st_b, "shared", 201, "{\"b\":1}", NULL), 0);
	/* and cannot finish or release a's */
	ck_assert_int_eq(store_idem_release(&fx.st_b, "shared"), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "shared", &r), 1);
	ck_assert_str_eq(r.request_hash, HASH_A);
	ck_assert_int_eq(r.done, 0);
	ck_assert_ptr_null(r.body);
	ck_assert_int_eq(store_idem_get(&fx.st_b, "shared", &r), 1);
	ck_assert_str_eq(r.request_hash, HASH_B);
	ck_assert_str_eq(r.body, "{\"b\":1}");
	/* a's release lets go of a's key only */
	ck_assert_int_eq(store_idem_release(&fx.s.st, "shared"), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "shared", &r), 0);
	ck_assert_int_eq(store_idem_get(&fx.st_b, "shared", &r), 1);
	fixture_close(&fx);
}
END_TEST

/* An answer kept with its user goes when the user is deleted, and only then. */
START_TEST(answer_goes_with_its_user)
{
	struct fixture	 fx;
	struct idem_record r;
	struct user	 u, v;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "idem-gone", "en", "USD", &u);
	fixture_user(&fx.s.st, "idem-stays", "en", "USD", &v);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "gone", HASH_A), 1);
	ck_assert_int_eq(store_idem_complete(&fx.s.st, "gone", 201, "{\"phone\":\"+1\"}", u.id), 0);
	ck_assert_int_eq(store_idem_take(&fx.s.st, "stays", HASH_A), 1);
	ck_assert_int_eq(store_idem_complete(&fx.s.st, "stays", 201, "{}", v.id), 0);
	ck_assert_int_eq(store_user_delete(&fx.s.st, u.id), 1);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "gone", &r), 0);
	ck_assert_int_eq(store_idem_get(&fx.s.st, "stays", &r), 1);
	/* the key is free again: a replay runs the request anew */
	ck_assert_int_eq(store_idem_take(&fx.s.st, "gone", HASH_A), 1);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_idem_suite(void)
{
	Suite	*s = suite_create("store_idem");
	TCase	*tc = tcase_create("idempotency keys");

	tcase_add_test(tc, take_complete_release);
	tcase_add_test(tc, takeover);
	tcase_add_test(tc, purge);
	tcase_add_test(tc, tenancy);
	tcase_add_test(tc, answer_goes_with_its_user);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_idem_suite)
