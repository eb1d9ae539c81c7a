/* test_pool.c: the per-request arena. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "check_main.h"
#include "core/pool.h"

START_TEST(alloc_aligned_and_strings)
{
	struct pool p;
	char	   *s;
	void	   *a;
	int	    i;

	pool_init(&p);
	for (i = 0; i < 100; i++) {
		a = pool_alloc(&p, (size_t)i + 1);
		ck_assert_ptr_nonnull(a);
		ck_assert_uint_eq((uintptr_t)a % _Alignof(max_align_t), 0);
	}
	s = pool_strndup(&p, "hello world", 5);
	ck_assert_str_eq(s, "hello");
	s = pool_strdup(&p, "x");
	ck_assert_str_eq(s, "x");
	pool_free(&p);
}
END_TEST

START_TEST(large_and_reset)
{
	struct pool p;
	char	   *big;

	pool_init(&p);
	big = pool_alloc(&p, 1 << 20);
	ck_assert_ptr_nonnull(big);
	memset(big, 'x', 1 << 20);
	ck_assert_uint_ge(p.total, 1 << 20);
	pool_reset(&p);
	/* Only the first chunk survives a reset. */
	ck_assert_uint_eq(p.total, 0);
	ck_assert_ptr_eq(p.head, p.first);
	ck_assert_ptr_nonnull(pool_alloc(&p, 10));
	ck_assert_ptr_null(pool_alloc(&p, SIZE_MAX));
	pool_free(&p);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("pool");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, alloc_aligned_and_strings);
	tcase_add_test(tc, large_and_reset);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
