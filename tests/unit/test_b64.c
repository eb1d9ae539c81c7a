/* test_b64.c: strict standard base64 for documents inside JSON. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/b64.h"

static int
dec(const char *in, unsigned char *out, size_t outlen, size_t *n, size_t *bad)
{
	return b64_decode(in, strlen(in), out, outlen, n, bad);
}

START_TEST(roundtrip_every_length)
{
	unsigned char in[64], out[64];
	char enc[128];
	size_t len, n, bad, i;

	for (len = 0; len < sizeof(in); len++) {
		for (i = 0; i < len; i++)
			in[i] = (unsigned char)(i * 37 + len);
		ck_assert_uint_eq(b64_encode(in, len, enc), 4 * ((len + 2) / 3));
		ck_assert_int_eq(dec(enc, out, sizeof(out), &n, &bad), 0);
		ck_assert_uint_eq(n, len);
		ck_assert(memcmp(in, out, len) == 0);
	}
}
END_TEST

START_TEST(known_vectors)
{
	unsigned char out[32];
	size_t n, bad;

	/* RFC 4648 §10 */
	ck_assert_int_eq(dec("Zm9vYmFy", out, sizeof(out), &n, &bad), 0);
	ck_assert_uint_eq(n, 6);
	ck_assert(memcmp(out, "foobar", 6) == 0);
	ck_assert_int_eq(dec("Zm9vYg==", out, sizeof(out), &n, &bad), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(dec("Zm9vYmE=", out, sizeof(out), &n, &bad), 0);
	ck_assert_uint_eq(n, 5);
	/* unpadded tails are whole bytes too */
	ck_assert_int_eq(dec("Zm9vYg", out, sizeof(out), &n, &bad), 0);
	ck_assert_uint_eq(n, 4);
	/* MIME line breaks between groups */
	ck_assert_int_eq(dec("Zm9v\r\nYmFy\n", out, sizeof(out), &n, &bad), 0);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(dec("", out, sizeof(out), &n, &bad), 0);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(malformed_refused_where)
{
	unsigned char out[32];
	size_t n, bad;

	ck_assert_int_eq(dec("Zm9v!mFy", out, sizeof(out), &n, &bad), -1);
	ck_assert_uint_eq(bad, 4);
	ck_assert_int_eq(dec("Zm9v YmFy", out, sizeof(out), &n, &bad), -1);	/* space */
	ck_assert_int_eq(dec("Zm9-YmFy", out, sizeof(out), &n, &bad), -1);	/* base64url */
	ck_assert_int_eq(dec("Zm9vY", out, sizeof(out), &n, &bad), -1);		/* 6 bits */
	ck_assert_int_eq(dec("Zg=", out, sizeof(out), &n, &bad), -1);		/* half the padding */
	ck_assert_int_eq(dec("Z===", out, sizeof(out), &n, &bad), -1);
	ck_assert_int_eq(dec("Zg==Zg==", out, sizeof(out), &n, &bad), -1);	/* data after padding */
	ck_assert_uint_eq(bad, 4);
	ck_assert_int_eq(dec("Zm\n9v", out, sizeof(out), &n, &bad), -1);	/* break inside a group */
	ck_assert_int_eq(dec("=Zm9", out, sizeof(out), &n, &bad), -1);
	ck_assert_int_eq(dec("Zm9vYmFy", out, 5, &n, &bad), -1);		/* no room */
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("b64");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, roundtrip_every_length);
	tcase_add_test(tc, known_vectors);
	tcase_add_test(tc, malformed_refused_where);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
