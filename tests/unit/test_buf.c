/* test_buf.c: the bounded buffer. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/buf.h"

START_TEST(append_and_str)
{
	struct buf b;

	buf_init(&b, 100);
	ck_assert_str_eq(buf_str(&b), "");
	ck_assert_int_eq(buf_puts(&b, "hello"), 0);
	ck_assert_int_eq(buf_putc(&b, ' '), 0);
	ck_assert_int_eq(buf_printf(&b, "%d-%s", 42, "x"), 0);
	ck_assert_str_eq(buf_str(&b), "hello 42-x");
	ck_assert_uint_eq(b.len, 10);
	buf_reset(&b);
	ck_assert_str_eq(buf_str(&b), "");
	buf_free(&b);
}
END_TEST

START_TEST(max_is_enforced)
{
	struct buf b;

	buf_init(&b, 8);
	ck_assert_int_eq(buf_puts(&b, "12345678"), 0);
	ck_assert_int_eq(buf_putc(&b, '9'), -1);
	ck_assert_int_eq(buf_printf(&b, "%s", "x"), -1);
	/* A failed append leaves the contents as they were. */
	ck_assert_str_eq(buf_str(&b), "12345678");
	buf_free(&b);

	buf_init(&b, 4);
	ck_assert_int_eq(buf_puts(&b, "12345"), -1);
	ck_assert_uint_eq(b.len, 0);
	buf_free(&b);
}
END_TEST

START_TEST(grows_past_initial_capacity)
{
	struct buf b;
	char	   chunk[1000];
	int	   i;

	memset(chunk, 'a', sizeof(chunk));
	buf_init(&b, 1 << 20);
	for (i = 0; i < 500; i++)
		ck_assert_int_eq(buf_append(&b, chunk, sizeof(chunk)), 0);
	ck_assert_uint_eq(b.len, 500000);
	ck_assert_int_eq(b.data[b.len], '\0');
	buf_free(&b);
}
END_TEST

START_TEST(detach_gives_ownership)
{
	struct buf b;
	size_t	   len;
	char	  *p;

	buf_init(&b, 64);
	buf_puts(&b, "abc");
	p = buf_detach(&b, &len);
	ck_assert_str_eq(p, "abc");
	ck_assert_uint_eq(len, 3);
	ck_assert_ptr_null(b.data);
	free(p);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, append_and_str);
	tcase_add_test(tc, max_is_enforced);
	tcase_add_test(tc, grows_past_initial_capacity);
	tcase_add_test(tc, detach_gives_ownership);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
