/* test_hex.c: bytes as hexadecimal and back. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/hex.h"

START_TEST(round_trip)
{
	static const unsigned char b[] = { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff };
	unsigned char	 back[8];
	char		 s[13];
	size_t		 n;

	hex_encode(b, sizeof(b), s);
	ck_assert_str_eq(s, "00017f80abff");
	ck_assert_int_eq(hex_decode(s, back, sizeof(back), &n), 0);
	ck_assert_uint_eq(n, sizeof(b));
	ck_assert(memcmp(back, b, sizeof(b)) == 0);
	ck_assert_int_eq(hex_decode("ABff", back, sizeof(back), &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(back[0], 0xab);
	hex_encode(b, 0, s);
	ck_assert_str_eq(s, "");
}
END_TEST

START_TEST(refusals)
{
	unsigned char	 out[2];
	size_t		 n = 9;

	ck_assert_int_eq(hex_decode("abc", out, sizeof(out), &n), -1);	/* odd */
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(hex_decode("zz", out, sizeof(out), &n), -1);	/* not hex */
	ck_assert_int_eq(hex_decode("0g", out, sizeof(out), &n), -1);
	ck_assert_int_eq(hex_decode("001122", out, sizeof(out), &n), -1);	/* too long */
	ck_assert_int_eq(hex_decode("", out, sizeof(out), &n), 0);
	ck_assert_uint_eq(n, 0);
}
END_TEST

static Suite *
hex_suite(void)
{
	Suite	*s = suite_create("hex");
	TCase	*tc = tcase_create("hex");

	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, refusals);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(hex_suite)
