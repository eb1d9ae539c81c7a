/*
 * test_log.c: log lines go to stderr, one per event, with context, never raw
 * bytes; and logging never waits for a reader that stopped reading.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "core/log.h"

static char captured[8192];

/* Run fn with stderr redirected to a temporary file; return what it wrote. */
static const char *
capture(void (*fn)(void))
{
	char	path[] = "/tmp/ozzie-test-log-XXXXXX";
	int	fd = mkstemp(path), saved = dup(STDERR_FILENO);
	ssize_t	n;

	ck_assert_int_ge(fd, 0);
	dup2(fd, STDERR_FILENO);
	fn();
	dup2(saved, STDERR_FILENO);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, captured, sizeof(captured) - 1);
	captured[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	return captured;
}

static void
emit_levels(void)
{
	log_init("ozzie-test", LOG_LVL_WARN);
	log_info("hidden info");
	log_warnx("shown warning %d", 7);
	log_error("shown error");
}

static void
emit_request(void)
{
	log_init("ozzie-test", LOG_LVL_INFO);
	log_request("POST", "/v1/users", 201, 1.5, "abc123", "ozz_client_x");
	log_request("GET", "/ready", 200, 0.5, "def456", NULL);
}

static void
emit_injection(void)
{
	log_init("ozzie-test", LOG_LVL_INFO);
	log_set_context("id\nFAKE", NULL);
	log_warnx("line one\nline two");
	log_request("GET", "/a\nb", 200, 0.1, "r\r\n", NULL);
	log_clear_context();
}

START_TEST(levels)
{
	const char *out = capture(emit_levels);

	ck_assert(strstr(out, "hidden info") == NULL);
	ck_assert(strstr(out, "warn: shown warning 7") != NULL);
	ck_assert(strstr(out, "error: shown error") != NULL);
	ck_assert(strstr(out, "ozzie-test[") != NULL);
}
END_TEST

START_TEST(request_line)
{
	const char *out = capture(emit_request);

	ck_assert_msg(strstr(out, "method=POST path=/v1/users status=201 duration_ms=1.50 "
	    "request_id=abc123 client_id=ozz_client_x\n") != NULL, "%s", out);
	ck_assert_msg(strstr(out, "method=GET path=/ready status=200 duration_ms=0.50 "
	    "request_id=def456 client_id=-\n") != NULL, "%s", out);
	ck_assert_int_eq(out[strlen(out) - 1], '\n');
}
END_TEST

START_TEST(no_line_injection)
{
	const char *out = capture(emit_injection);
	int lines = 0;
	const char *p;

	for (p = out; *p; p++)
		lines += *p == '\n';
	ck_assert_int_eq(lines, 2);
	ck_assert(strstr(out, "request_id=id?FAKE") != NULL);
}
END_TEST

START_TEST(database_values_redacted)
{
	char	 out[256];

	log_redact_values("duplicate key value violates unique constraint \"users_phone_unique\"",
	    out, sizeof(out));
	ck_assert_str_eq(out, "duplicate key value violates unique constraint \"users_phone_unique\"");
	log_redact_values("invalid input syntax for type date: \"+5511987654321\"", out, sizeof(out));
	ck_assert_str_eq(out, "invalid input syntax for type date: \"*\"");
	log_redact_values("value \"99999999999\" is out of range for type integer", out, sizeof(out));
	ck_assert_str_eq(out, "value \"*\" is out of range for type integer");
	log_redact_values("new row for relation \"users\" violates check constraint \"users_email\"",
	    out, sizeof(out));
	ck_assert_str_eq(out, "new row for relation \"users\" violates check constraint \"users_email\"");
	/* a quote inside a value, an unterminated one, a name that only ends like "type" */
	log_redact_values("bad: \"a\"\"b\" and \"c", out, sizeof(out));
	ck_assert_str_eq(out, "bad: \"*\" and \"*\"");
	log_redact_values("prototype \"secret\"", out, sizeof(out));
	ck_assert_str_eq(out, "prototype \"*\"");
	log_redact_values("\"x\"", out, sizeof(out));
	ck_assert_str_eq(out, "\"*\"");
	/* truncation keeps a C string */
	log_redact_values("invalid input syntax for type date: \"2026\"", out, 10);
	ck_assert_str_eq(out, "invalid i");
}
END_TEST

/*
 * stderr is a pipe nobody reads (a stalled log shipper): once it is full,
 * lines are dropped at once instead of blocking the process (Check's
 * timeout fails the test if a write waits), and the first line that fits
 * again says how many were lost.
 */
START_TEST(full_pipe_drops_lines_without_waiting)
{
	char	 buf[8192], got[16384];
	int	 p[2], saved = dup(STDERR_FILENO), i, flags;
	size_t	 n = 0;
	ssize_t	 r;

	ck_assert_int_eq(pipe(p), 0);
	dup2(p[1], STDERR_FILENO);
	close(p[1]);
	log_init("ozzie-test", LOG_LVL_INFO);
	/* about 200 KiB into a 64 KiB pipe */
	for (i = 0; i < 2000; i++)
		log_info("filler line %d of a log nobody reads, long enough to fill the pipe "
		    "quickly: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", i);
	/* the pipe itself stays blocking for whoever else shares it */
	flags = fcntl(STDERR_FILENO, F_GETFL);
	ck_assert_int_eq(flags & O_NONBLOCK, 0);
	/* the reader wakes up: drain everything */
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	while (read(p[0], buf, sizeof(buf)) > 0)
		;
	log_warnx("after the stall");
	while ((r = read(p[0], got + n, sizeof(got) - 1 - n)) > 0)
		n += (size_t)r;
	got[n] = '\0';
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(p[0]);
	log_init("ozzie-test", LOG_LVL_INFO);
	ck_assert_msg(strstr(got, "warn: log: ") != NULL && strstr(got, " lines dropped") != NULL,
	    "%s", got);
	ck_assert_msg(strstr(got, "warn: after the stall") != NULL, "%s", got);
	ck_assert_msg(strstr(got, "lines dropped") < strstr(got, "after the stall"), "%s", got);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, levels);
	tcase_add_test(tc, request_line);
	tcase_add_test(tc, no_line_injection);
	tcase_add_test(tc, database_values_redacted);
	tcase_add_test(tc, full_pipe_drops_lines_without_waiting);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
