/*
 * it_faults.c: PostgreSQL fails while writes are under way, black-box (real
 * nginx, workers and PostgreSQL, over HTTP). Writers in processes of their
 * own POST transactions (one record: a statement; two: a transaction with a
 * COMMIT) and read users, while the test kills the backend serving a worker
 * (PostgreSQL then restarts every backend) or crashes the whole cluster. It
 * checks that every request that failed failed as 503 SERVICE_UNAVAILABLE
 * with Retry-After, never 500; that every write answered 201 is in the
 * database (the cluster runs with synchronous_commit on for these tests, as
 * production must: the dev setting, off, acknowledges commits a crash then
 * loses); and that writes succeed again once PostgreSQL is back.
 */
#include "config.h"

#include <check.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/num.h"
#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

#define WRITERS		4
#define WRITE_MS	5000.0		/* how long the writers write */
#define PAUSE_MS	2		/* between two requests of a writer */
#define ACK_MAX		8192		/* transactions acknowledged, all writers */
#define LINE_MAX_LEN	160

/* What the writers saw, gathered by the test. */
struct tally {
	int	 ok;			/* 200 and 201 */
	int	 unavailable;		/* 503 SERVICE_UNAVAILABLE with Retry-After */
	int	 bad;			/* anything else */
	char	 bad_example[LINE_MAX_LEN];
	double	 last_failure_ms;	/* since the fault, of the last one that failed */
	int	 nack;
	char	 (*acked)[40];		/* the ids of the transactions answered 201 */
};

/*
 * Where the writers send: nginx itself ($OZZIE_DEV_PORT), not the contract
 * tap of tools/ozzie-dev test, which would replay each of their thousands of
 * exchanges through Prism afterwards. The shape of a 503 is checked here,
 * and through the tap by the platform suite's outage tests.
 */
static void
direct_url(char *out, size_t len, const char *path)
{
	const char *port = getenv("OZZIE_DEV_PORT");

	if (port != NULL && *port != '\0')
		snprintf(out, len, "http://127.0.0.1:%s%s", port, path);
	else
		snprintf(out, len, "%s%s", it_base_url(), path);
}

/* The ids of a transaction list answer, written as "ack ID" lines to out. */
static void
report_ids(FILE *out, struct json_object *json)
{
	struct json_object *data = it_json_at(json, "data");
	size_t	 i, n;

	if (data == NULL)
		return;
	if (!json_object_is_type(data, json_type_array)) {
		fprintf(out, "ack %s\n", json_object_get_string(it_json_at(data, "id")));
		return;
	}
	n = json_object_array_length(data);
	for (i = 0; i < n; i++)
		fprintf(out, "ack %s\n",
		    json_object_get_string(it_json_at(json_object_array_get_idx(data, i), "id")));
}

/*
 * One writer: until deadline (on it_now_ms's clock), a record, a batch of
 * two, a read, in turn; one line per answer to out: "status retry-after
 * code at-ms", then "ack ID" for each transaction a 201 created.
 */
static void
writer(int n, const struct it_client *c, const char *user, double deadline, FILE *out)
{
	char	 path[300], url[400], body[512];
	int	 i;

	for (i = 0; it_now_ms() < deadline; i++) {
		struct http_result r;
		const char *h[3] = { c->auth, "Content-Type: application/json", NULL };
		const char *method = "POST";
		int	 rc;

		snprintf(path, sizeof(path), "%s/transactions", user);
		if (i % 3 == 0)
			snprintf(body, sizeof(body), "{\"amount_cents\":%d,\"description\":"
			    "\"fault writer %d #%d\",\"transaction_date\":\"2026-11-20\"}",
			    100 + i, n, i);
		else if (i % 3 == 1)
			snprintf(body, sizeof(body), "{\"transactions\":[{\"amount_cents\":%d,"
			    "\"description\":\"fault batch %d #%d a\",\"transaction_date\":\"2026-11-20\"},"
			    "{\"amount_cents\":%d,\"description\":\"fault batch %d #%d b\","
			    "\"transaction_date\":\"2026-11-20\"}]}", 200 + i, n, i, 300 + i, n, i);
		else {
			method = "GET";
			snprintf(path, sizeof(path), "%s", user);
		}
		direct_url(url, sizeof(url), path);
		rc = http_do(method, url, h, i % 3 == 2 ? NULL : body,
		    i % 3 == 2 ? 0 : strlen(body), &r);
		if (rc == -1) {
			fprintf(out, "0 0 transport %lld\n", (long long)it_now_ms());
			continue;
		}
		fprintf(out, "%ld %d %s %lld\n", r.status, http_header(&r, "Retry-After") != NULL,
		    r.status >= 400 && *http_error_code(&r) ? http_error_code(&r) : "-",
		    (long long)it_now_ms());
		if (r.status == 201)
			report_ids(out, r.json);
		http_result_free(&r);
		it_sleep_ms(PAUSE_MS);
	}
}

/* The next space-separated field of *p as an integer; -1 if there is none. */
static int
field_i64(char **p, int64_t *v)
{
	char	*end = strchr(*p, ' ');
	const char *errstr;
	size_t	 n = end ? (size_t)(end - *p) : strcspn(*p, "\n");

	if (num_parse_i64(*p, n, INT64_MIN, INT64_MAX, v, &errstr) == -1)
		return -1;
	*p += n + (end != NULL);
	return 0;
}

/* Read what the writers wrote, relative to the fault at fault_ms. */
static void
gather(FILE *in, double fault_ms, struct tally *t)
{
	char	 line[LINE_MAX_LEN], *p, *code;
	int64_t	 status, retry, at;

	while (fgets(line, sizeof(line), in) != NULL) {
		if (strncmp(line, "ack ", 4) == 0) {
			ck_assert_int_lt(t->nack, ACK_MAX);
			snprintf(t->acked[t->nack++], sizeof(t->acked[0]), "%.*s",
			    (int)strcspn(line + 4, "\n"), line + 4);
			continue;
		}
		/* "status retry-after code at-ms" */
		p = line;
		ck_assert_msg(field_i64(&p, &status) == 0 && field_i64(&p, &retry) == 0,
		    "writer line: %s", line);
		code = p;
		ck_assert_msg((p = strchr(code, ' ')) != NULL, "writer line: %s", line);
		*p++ = '\0';
		ck_assert_msg(field_i64(&p, &at) == 0, "writer line: %s", line);
		if (status == 200 || status == 201) {
			t->ok++;
			continue;
		}
		if ((double)at - fault_ms > t->last_failure_ms)
			t->last_failure_ms = (double)at - fault_ms;
		if (status == 503 && retry && strcmp(code, "SERVICE_UNAVAILABLE") == 0)
			t->unavailable++;
		else if (t->bad++ == 0)
			snprintf(t->bad_example, sizeof(t->bad_example), "%lld %s",
			    (long long)status, code);
	}
}

/* The id of the PostgreSQL backend serving one worker of pool, or 0. */
static pid_t
backend_of(const char *pool)
{
	char	 out[64];
	int64_t	 pid = 0;
	const char *errstr;

	ck_assert_int_eq(it_sql("SELECT pid FROM pg_stat_activity WHERE application_name = :'a'"
	    " ORDER BY backend_start LIMIT 1", pool, NULL, out, sizeof(out)), 0);
	out[strcspn(out, "\n")] = '\0';
	if (num_parse_i64z(out, 1, INT32_MAX, &pid, &errstr) == -1)
		return 0;
	return (pid_t)pid;
}

/* synchronous_commit for the whole cluster, as production runs it (on) or not. */
static void
synchronous_commit(int on)
{
	ck_assert_int_eq(it_dev(on ? "psql -c 'ALTER SYSTEM SET synchronous_commit = on'" :
	    "psql -c 'ALTER SYSTEM RESET synchronous_commit'"), 0);
	ck_assert_int_eq(it_dev("psql -c 'SELECT pg_reload_conf()'"), 0);
}

/* Every acknowledged transaction of client's user at user_path is in the database. */
static void
assert_acked_kept(const struct tally *t, const char *client, const char *user_path)
{
	char	*ids, uid[64];
	size_t	 len = (size_t)ACK_MAX * 48;
	int	 i, missing = 0;

	ck_assert_int_eq(it_sql("SELECT id FROM users WHERE client_id = :'a'"
	    " AND external_user_id = :'b'", client, strrchr(user_path, ':') + 1, uid,
	    sizeof(uid)), 0);
	uid[strcspn(uid, "\n")] = '\0';
	ck_assert_msg(uid[0] != '\0', "no user %s", user_path);
	ids = malloc(len);
	ck_assert_ptr_nonnull(ids);
	ck_assert_int_eq(it_sql("SELECT id FROM transactions WHERE user_id = :'a'", uid, NULL,
	    ids, len), 0);
	for (i = 0; i < t->nack; i++)
		if (strstr(ids, t->acked[i]) == NULL && missing++ == 0)
			fprintf(stderr, "acknowledged but missing: %s\n", t->acked[i]);
	free(ids);
	ck_assert_msg(missing == 0, "%d of %d acknowledged transactions are not in the database",
	    missing, t->nack);
}

enum fault { FAULT_BACKEND, FAULT_CLUSTER };

/*
 * Writers for 5 s; at 0.7 s the fault: the backend of a slow-pool
 * worker killed (PostgreSQL restarts all of them by itself), or the whole
 * cluster killed, then started again 0.8 s later.
 */
static void
crash_under_load(enum fault fault, const char *name)
{
	struct it_client c;
	struct tally	 t;
	char		 user[256], cmd[128];
	double		 t0, fault_ms, back_ms = 0;
	pid_t		 kids[WRITERS];
	int		 fds[WRITERS], i, st;

	memset(&t, 0, sizeof(t));
	t.acked = calloc(ACK_MAX, sizeof(*t.acked));
	ck_assert_ptr_nonnull(t.acked);
	it_client_create(name, 0, &c);
	snprintf(cmd, sizeof(cmd), "admin client set %s --rate-limit 100000 --burst 100000", c.id);
	ck_assert_int_eq(it_dev(cmd), 0);
	it_user_path(user, sizeof(user), name);
	synchronous_commit(1);
	/* Each writer reports into a file of its own, read once it is done. */
	for (i = 0; i < WRITERS; i++) {
		char path[] = "/tmp/ozzie-it-faults-XXXXXX";

		ck_assert_int_ge(fds[i] = mkstemp(path), 0);
		unlink(path);
	}
	t0 = it_now_ms();
	for (i = 0; i < WRITERS; i++) {
		ck_assert_int_ge(kids[i] = fork(), 0);
		if (kids[i] == 0) {
			FILE *out = fdopen(fds[i], "w");

			writer(i, &c, user, t0 + WRITE_MS, out);
			fclose(out);
			_exit(0);
		}
	}
	it_sleep_ms(700);
	fault_ms = it_now_ms();
	if (fault == FAULT_BACKEND) {
		pid_t be = backend_of("slow");

		ck_assert_int_gt(be, 0);
		ck_assert_int_eq(kill(be, SIGKILL), 0);
	} else {
		ck_assert_int_eq(it_dev("_pg-crash"), 0);
		it_sleep_ms(800);
		ck_assert_int_eq(it_dev("_pg-start"), 0);
		back_ms = it_now_ms() - fault_ms;
	}
	for (i = 0; i < WRITERS; i++) {
		FILE *in;

		ck_assert_int_eq(waitpid(kids[i], &st, 0), kids[i]);
		ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		ck_assert_int_eq(lseek(fds[i], 0, SEEK_SET), 0);
		ck_assert_ptr_nonnull(in = fdopen(fds[i], "r"));
		gather(in, fault_ms, &t);
		fclose(in);
	}
	synchronous_commit(0);
	fprintf(stderr, "%s: %d answered, %d 503 with Retry-After, %d other failures; "
	    "the last failure %.0f ms after the fault (PostgreSQL back after %.0f ms); "
	    "%d transactions acknowledged\n", name, t.ok, t.unavailable, t.bad,
	    t.last_failure_ms, back_ms, t.nack);
	ck_assert_msg(t.bad == 0, "%d failures that are not 503 with Retry-After, e.g. %s",
	    t.bad, t.bad_example);
	ck_assert_msg(t.unavailable > 0, "no request was in flight during the fault");
	ck_assert_int_gt(t.ok, 0);
	/* Back within a second of PostgreSQL, well before the writers stop. */
	ck_assert_msg(t.last_failure_ms < back_ms + 1000.0, "still failing %.0f ms after the "
	    "fault, PostgreSQL back after %.0f ms", t.last_failure_ms, back_ms);
	assert_acked_kept(&t, c.id, user);
	free(t.acked);
}

START_TEST(backend_killed_mid_request_is_503)
{
	crash_under_load(FAULT_BACKEND, "fault-backend");
}
END_TEST

START_TEST(cluster_crash_mid_request_is_503)
{
	crash_under_load(FAULT_CLUSTER, "fault-cluster");
}
END_TEST

Suite *
faults_suite(void)
{
	Suite *s = suite_create("faults");
	TCase *tc = tcase_create("database");

	tcase_set_timeout(tc, 90);
	tcase_add_test(tc, backend_killed_mid_request_is_503);
	tcase_add_test(tc, cluster_crash_mid_request_is_503);
	suite_add_tcase(s, tc);
	return s;
}
