/* test_ratelimit.c: GCRA limits, burst, recovery, and sharing across processes. */
#include "config.h"

#include <sys/wait.h>

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "http/ratelimit.h"

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

START_TEST(burst_then_refused_then_recovers)
{
	struct rl_result r;
	int i;

	ck_assert_int_eq(ratelimit_open(""), 0);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(ratelimit_take("client-a", 10, 5, &r), 0);
		ck_assert_msg(r.allowed, "request %d refused", i);
		ck_assert_int_eq(r.remaining, 4 - i);
		ck_assert_int_eq(r.limit, 10);
		ck_assert_int_eq(r.burst, 5);
	}
	ck_assert_int_eq(ratelimit_take("client-a", 10, 5, &r), 0);
	ck_assert(!r.allowed);
	ck_assert_int_ge(r.retry_after_s, 1);
	/* Another client is not affected. */
	ck_assert_int_eq(ratelimit_take("client-b", 10, 5, &r), 0);
	ck_assert(r.allowed);
	/* 10/s: one request's worth comes back after 100 ms. */
	sleep_ms(150);
	ck_assert_int_eq(ratelimit_take("client-a", 10, 5, &r), 0);
	ck_assert(r.allowed);
}
END_TEST

START_TEST(shared_between_processes)
{
	char path[] = "/tmp/ozzie-test-rl-XXXXXX";
	struct rl_result r;
	int fd = mkstemp(path), st, i, allowed = 0;
	pid_t pid;

	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(path);
	/* A child maps the same file and spends the burst... */
	pid = fork();
	if (pid == 0) {
		if (ratelimit_open(path) != 0)
			_exit(2);
		for (i = 0; i < 3; i++)
			if (ratelimit_take("shared", 1, 3, &r) != 0 || !r.allowed)
				_exit(3);
		_exit(0);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	/* ...so this process, mapping it afterwards, finds nothing left. */
	pid = fork();
	if (pid == 0) {
		if (ratelimit_open(path) != 0)
			_exit(2);
		for (i = 0; i < 3; i++)
			if (ratelimit_take("shared", 1, 3, &r) == 0 && r.allowed)
				allowed++;
		_exit(allowed);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFEXITED(st));
	ck_assert_int_eq(WEXITSTATUS(st), 0);
	unlink(path);
}
END_TEST

/* Peeking never takes; an unknown key has its whole burst. */
START_TEST(peek_only_looks)
{
	struct rl_result r;
	int i;

	ck_assert_int_eq(ratelimit_open(""), 0);
	for (i = 0; i < 10; i++) {
		ck_assert_int_eq(ratelimit_peek("peeked", 1, 3, &r), 0);
		ck_assert(r.allowed);
		ck_assert_int_eq(r.remaining, 2);
	}
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(ratelimit_take("peeked", 1, 3, &r), 0);
		ck_assert(r.allowed);
	}
	ck_assert_int_eq(ratelimit_peek("peeked", 1, 3, &r), 0);
	ck_assert(!r.allowed);
	ck_assert_int_ge(r.retry_after_s, 1);
}
END_TEST

/*
 * Keys seen once (addresses that failed once, client ids that do not exist)
 * must not fill the table: an idle key's slot goes to the next key, so a
 * client met after 200,000 of them is still limited.
 */
START_TEST(idle_slots_are_reused)
{
	struct rl_result r;
	char key[32];
	int i;

	ck_assert_int_eq(ratelimit_open(""), 0);
	for (i = 0; i < 200000; i++) {
		snprintf(key, sizeof(key), "auth-fail-ip:10.%d.%d.%d", i >> 16, (i >> 8) & 255, i & 255);
		/* a billion a second: idle again a nanosecond later */
		ck_assert_int_eq(ratelimit_take(key, 1000000000, 1, &r), 0);
	}
	ck_assert_int_eq(ratelimit_take("late-client", 1, 1, &r), 0);
	ck_assert(r.allowed);
	ck_assert_int_eq(ratelimit_take("late-client", 1, 1, &r), 0);
	ck_assert_msg(!r.allowed, "a client met late was let through: the table filled up");
	/* and a busy key keeps its slot */
	for (i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "once-%d", i);
		ck_assert_int_eq(ratelimit_take(key, 1000000000, 1, &r), 0);
	}
	ck_assert_int_eq(ratelimit_take("late-client", 1, 1, &r), 0);
	ck_assert(!r.allowed);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("ratelimit");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, burst_then_refused_then_recovers);
	tcase_add_test(tc, shared_between_processes);
	tcase_add_test(tc, peek_only_looks);
	tcase_add_test(tc, idle_slots_are_reused);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
