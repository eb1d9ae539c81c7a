/* test_ids.c: random ids and tamper-proof cursors. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/ids.h"

static const unsigned char key[32] = "0123456789abcdef0123456789abcdef";
static const unsigned char key2[32] = "ffffffffffffffffffffffffffffffff";

START_TEST(ids_are_prefixed_random_urlsafe)
{
	char a[64], b[64];
	size_t i;

	ck_assert_int_eq(ids_new("ozz_usr", a, sizeof(a)), 0);
	ck_assert_int_eq(ids_new("ozz_usr", b, sizeof(b)), 0);
	ck_assert_str_ne(a, b);
	ck_assert_uint_eq(strlen(a), strlen("ozz_usr_") + 22);
	ck_assert(strncmp(a, "ozz_usr_", 8) == 0);
	for (i = 8; a[i]; i++)
		ck_assert(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", a[i]));
	ck_assert(ids_valid("ozz_usr", a));
	ck_assert(!ids_valid("ozz_goal", a));
	ck_assert(!ids_valid("ozz_usr", "ozz_usr_short"));
	ck_assert(!ids_valid("ozz_usr", "ozz_usr_AAAAAAAAAAAAAAAAAAAAA%"));
	ck_assert_int_eq(ids_new("ozz_usr", a, 10), -1);
}
END_TEST

START_TEST(base64url_roundtrip)
{
	unsigned char in[40], out[40];
	char enc[80];
	size_t n, len;

	for (len = 0; len < sizeof(in); len++) {
		size_t i;

		for (i = 0; i < len; i++)
			in[i] = (unsigned char)(i * 37 + len);
		b64url_encode(in, len, enc);
		ck_assert_int_eq(b64url_decode(enc, strlen(enc), out, sizeof(out), &n), 0);
		ck_assert_uint_eq(n, len);
		ck_assert(memcmp(in, out, len) == 0);
	}
	ck_assert_int_eq(b64url_decode("ab+c", 4, out, sizeof(out), &n), -1);
	ck_assert_int_eq(b64url_decode("a", 1, out, sizeof(out), &n), -1);
	ck_assert_int_eq(b64url_decode("ab=", 3, out, sizeof(out), &n), -1);
}
END_TEST

START_TEST(cursor_roundtrip)
{
	char c[256], id[64];
	int64_t ts;

	ck_assert_int_eq(cursor_encode(key, 32, "users|c1", 1732480000123456, "ozz_usr_abc", c, sizeof(c)), 0);
	ck_assert_int_eq(cursor_decode(key, 32, "users|c1", c, &ts, id, sizeof(id)), 0);
	ck_assert(ts == 1732480000123456);
	ck_assert_str_eq(id, "ozz_usr_abc");
}
END_TEST

START_TEST(cursor_tampering_refused)
{
	char c[256], t[256], id[64];
	int64_t ts;
	size_t i;

	ck_assert_int_eq(cursor_encode(key, 32, "users|c1", 42, "ozz_usr_abc", c, sizeof(c)), 0);
	/* Another tenant or another query: refused. */
	ck_assert_int_eq(cursor_decode(key, 32, "users|c2", c, &ts, id, sizeof(id)), -1);
	ck_assert_int_eq(cursor_decode(key, 32, "goals|c1", c, &ts, id, sizeof(id)), -1);
	/* Another server key: refused. */
	ck_assert_int_eq(cursor_decode(key2, 32, "users|c1", c, &ts, id, sizeof(id)), -1);
	/* Any single character changed: refused. */
	for (i = 0; c[i]; i++) {
		memcpy(t, c, sizeof(t));
		t[i] = t[i] == 'A' ? 'B' : 'A';
		ck_assert_msg(cursor_decode(key, 32, "users|c1", t, &ts, id, sizeof(id)) == -1,
		    "accepted a change at %zu", i);
	}
	ck_assert_int_eq(cursor_decode(key, 32, "users|c1", "", &ts, id, sizeof(id)), -1);
	ck_assert_int_eq(cursor_decode(key, 32, "users|c1", "not a cursor!", &ts, id, sizeof(id)), -1);
	ck_assert_int_eq(cursor_decode(key, 32, "users|c1", "AAAA", &ts, id, sizeof(id)), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("ids");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, ids_are_prefixed_random_urlsafe);
	tcase_add_test(tc, base64url_roundtrip);
	tcase_add_test(tc, cursor_roundtrip);
	tcase_add_test(tc, cursor_tampering_refused);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
