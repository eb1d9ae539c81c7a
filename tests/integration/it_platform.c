/*
 * it_platform.c: the platform, black-box: real nginx, real ozzie-fcgi workers,
 * real PostgreSQL, spoken to over HTTP. Run by tools/ozzie-dev test against a
 * private stack ($OZZIE_BASE_URL, $OZZIE_DEV_DIR, $OZZIE_DEV_TOOL).
 */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <json-c/json.h>
#include <signal.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

static void
assert_json_error(struct http_result *r, long status, const char *code)
{
	const char *rid = http_header(r, "X-Request-Id");
	struct json_object *details;

	ck_assert_msg(r->status == status, "status %ld, wanted %ld: %s", r->status, status, r->body);
	ck_assert_msg(r->json != NULL, "not JSON: %s", r->body);
	ck_assert_str_eq(http_error_code(r), code);
	/* Whoever answered, nginx or a worker: details is always an array. */
	details = it_json_at(r->json, "error.details");
	ck_assert_msg(details != NULL && json_object_is_type(details, json_type_array),
	    "no details array: %s", r->body);
	ck_assert_msg(rid != NULL && *rid, "no X-Request-Id");
	ck_assert_str_eq(http_error_request_id(r), rid);
	ck_assert_msg(strncmp(http_header(r, "Content-Type"), "application/json", 16) == 0,
	    "Content-Type %s", http_header(r, "Content-Type"));
}

START_TEST(health_answers_without_database)
{
	struct http_result r;
	struct json_object *d;

	http_get("/health", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(r.json, "object")), "health");
	d = json_object_object_get(r.json, "data");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(d, "status")), "ok");
	ck_assert_ptr_nonnull(http_header(&r, "X-Request-Id"));
	ck_assert_str_eq(http_header(&r, "Cache-Control"), "no-store");
	http_result_free(&r);

	ck_assert_int_eq(http_do("HEAD", "/health", NULL, NULL, 0, &r), 0);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_eq(r.body_len, 0);
	http_result_free(&r);
}
END_TEST

START_TEST(ready_reports_schema)
{
	struct http_result r;
	struct json_object *d;

	http_get("/ready", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	d = json_object_object_get(r.json, "data");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(d, "status")), "ready");
	ck_assert_int_ge(json_object_get_int(json_object_object_get(d, "schema_version")), 1);
	http_result_free(&r);
}
END_TEST

START_TEST(request_ids_are_unique)
{
	struct http_result a, b;
	char first[128];

	http_get("/health", &a);
	http_get("/health", &b);
	snprintf(first, sizeof(first), "%s", http_header(&a, "X-Request-Id"));
	ck_assert_str_ne(first, http_header(&b, "X-Request-Id"));
	http_result_free(&a);
	http_result_free(&b);
}
END_TEST

START_TEST(unknown_path_is_json_404)
{
	struct http_result r;

	http_get("/v1/no-such-thing", &r);
	assert_json_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
	http_get("/favicon.ico", &r);
	assert_json_error(&r, 404, "NOT_FOUND");
	http_result_free(&r);
}
END_TEST

START_TEST(wrong_method_is_json_405_with_allow)
{
	static const char *const h[] = { "Content-Type: application/json", NULL };
	struct http_result r;

	ck_assert_int_eq(http_do("POST", "/health", h, "{}", 2, &r), 0);
	assert_json_error(&r, 405, "METHOD_NOT_ALLOWED");
	ck_assert_str_eq(http_header(&r, "Allow"), "GET, HEAD");
	http_result_free(&r);
	ck_assert_int_eq(http_do("DELETE", "/ready", NULL, NULL, 0, &r), 0);
	assert_json_error(&r, 405, "METHOD_NOT_ALLOWED");
	http_result_free(&r);
}
END_TEST

START_TEST(encoded_nul_in_path_is_json_400)
{
	struct http_result r;

	http_get("/v1/users/a%00b", &r);
	assert_json_error(&r, 400, "BAD_REQUEST");
	http_result_free(&r);
	http_get("/health%0d%0aX-Injected:%201", &r);
	ck_assert_int_eq(r.status, 400);
	ck_assert_ptr_null(http_header(&r, "X-Injected"));
	http_result_free(&r);
	http_get("/v1/users?x=%00", &r);
	assert_json_error(&r, 400, "BAD_REQUEST");
	http_result_free(&r);
}
END_TEST

START_TEST(oversized_body_is_json_413)
{
	static const char *const h[] = { "Content-Type: application/json", NULL };
	size_t	 n = 2 * 1024 * 1024;
	char	*big = malloc(n);
	struct http_result r;

	ck_assert_ptr_nonnull(big);
	memset(big, ' ', n);
	big[0] = '{';
	big[n - 1] = '}';
	ck_assert_int_eq(http_do("POST", "/v1/users", h, big, n, &r), 0);
	assert_json_error(&r, 413, "PAYLOAD_TOO_LARGE");
	http_result_free(&r);
	/* The stack still serves afterwards. */
	http_get("/health", &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	free(big);
}
END_TEST

START_TEST(long_uri_and_headers_are_json_errors)
{
	char	 *path = malloc(10000), *hdr = malloc(12000);
	const char *h[2] = { hdr, NULL };
	struct http_result r;

	ck_assert_ptr_nonnull(path);
	ck_assert_ptr_nonnull(hdr);
	memcpy(path, "/v1/", 4);
	memset(path + 4, 'a', 9990);
	path[9994] = '\0';
	http_get(path, &r);
	assert_json_error(&r, 414, "URI_TOO_LONG");
	http_result_free(&r);
	/* The same on an endpoint of the API, by its query: nginx answers first. */
	memcpy(path, "/v1/users?external_user_id=", 27);
	memset(path + 27, 'a', 9967);
	path[9994] = '\0';
	http_get(path, &r);
	assert_json_error(&r, 414, "URI_TOO_LONG");
	http_result_free(&r);

	memcpy(hdr, "X-Big: ", 7);
	memset(hdr + 7, 'b', 11000);
	hdr[11007] = '\0';
	ck_assert_int_eq(http_do("GET", "/health", h, NULL, 0, &r), 0);
	assert_json_error(&r, 431, "HEADERS_TOO_LARGE");
	http_result_free(&r);
	free(path);
	free(hdr);
}
END_TEST

/*
 * Over HTTP/2 nginx can only end the connection on an oversized header: it
 * lets up to 64k through on that server and the workers answer what
 * HTTP/1.1 gets from nginx, the JSON 431 (and 414 for a long URI).
 */
START_TEST(http2_oversized_headers_are_json_errors)
{
	const char *https = getenv("OZZIE_HTTPS_URL");
	char	 url[16384], *big = malloc(12000), *mid[6];
	const char *h[7];
	struct http_result r;
	int	 i;

	ck_assert_ptr_nonnull(https);
	ck_assert_ptr_nonnull(big);
	snprintf(url, sizeof(url), "%s/health", https);
	memcpy(big, "X-Big: ", 7);
	memset(big + 7, 'b', 11000);
	big[11007] = '\0';
	h[0] = big;
	h[1] = NULL;
	ck_assert_int_eq(http_do("GET", url, h, NULL, 0, &r), 0);
	ck_assert_int_eq(r.http_version, CURL_HTTP_VERSION_2_0);
	assert_json_error(&r, 431, "HEADERS_TOO_LARGE");
	http_result_free(&r);
	/* each line under 8k, 35k in all */
	for (i = 0; i < 5; i++) {
		ck_assert_ptr_nonnull(mid[i] = malloc(7100));
		snprintf(mid[i], 7100, "X-Mid-%d: ", i);
		memset(mid[i] + 9, 'm', 7000);
		mid[i][7009] = '\0';
		h[i] = mid[i];
	}
	h[5] = NULL;
	ck_assert_int_eq(http_do("GET", url, h, NULL, 0, &r), 0);
	assert_json_error(&r, 431, "HEADERS_TOO_LARGE");
	http_result_free(&r);
	/* the same on an endpoint behind authentication: checked before it */
	snprintf(url, sizeof(url), "%s/v1/users", https);
	ck_assert_int_eq(http_do("GET", url, h, NULL, 0, &r), 0);
	assert_json_error(&r, 431, "HEADERS_TOO_LARGE");
	http_result_free(&r);
	for (i = 0; i < 5; i++)
		free(mid[i]);
	/* a URI over 8k */
	i = snprintf(url, sizeof(url), "%s/v1/users?external_user_id=", https);
	memset(url + i, 'a', 9000);
	url[i + 9000] = '\0';
	ck_assert_int_eq(http_do("GET", url, NULL, NULL, 0, &r), 0);
	assert_json_error(&r, 414, "URI_TOO_LONG");
	http_result_free(&r);
	/* and the connection's next requests are served */
	snprintf(url, sizeof(url), "%s/health", https);
	http_get(url, &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	free(big);
}
END_TEST

START_TEST(https_with_http2)
{
	struct http_result r;
	char	 url[256];
	const char *https = getenv("OZZIE_HTTPS_URL");

	ck_assert_ptr_nonnull(https);
	snprintf(url, sizeof(url), "%s/health", https);
	http_get(url, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(r.http_version, CURL_HTTP_VERSION_2_0);
	ck_assert_ptr_nonnull(http_header(&r, "X-Request-Id"));
	http_result_free(&r);
}
END_TEST

/* A TCP connection from the local address src to nginx's plain port, or -1. */
static int
connect_from(const char *src)
{
	struct sockaddr_in a, b;
	const char *port = getenv("OZZIE_DEV_PORT");
	int	 fd;

	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	inet_pton(AF_INET, src, &a.sin_addr);
	memset(&b, 0, sizeof(b));
	b.sin_family = AF_INET;
	b.sin_port = htons((uint16_t)atoi(port ? port : "0"));
	inet_pton(AF_INET, "127.0.0.1", &b.sin_addr);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == -1 ||
	    connect(fd, (struct sockaddr *)&b, sizeof(b)) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * Thousands of slow connections from one address: some never finish their
 * headers, some send a body a byte at a time. Other clients are served all
 * along; past the per-address limit on requests in progress the slow bodies
 * get the JSON 429 at once; an unfinished header is cut at the header
 * timeout.
 */
#define SLOW_HEADERS	2100
#define SLOW_BODIES	100
#define PERIP_CONN	64	/* tools/ozzie-dev's default OZZIE_DEV_PERIP_CONN */
START_TEST(slow_client_flood_leaves_others_served)
{
	static int	 fds[SLOW_HEADERS], bodies[SLOW_BODIES];
	static const char partial[] = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1";
	static const char post[] = "POST /v1/users HTTP/1.1\r\nHost: localhost\r\n"
	    "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
	struct rlimit	 rl;
	struct http_result r;
	struct pollfd	 pf, pfs[SLOW_BODIES];
	char	 buf[4096];
	int	 i, opened = 0, nb = 0, limited = 0, served = 0;
	ssize_t	 n;
	double	 t0;

	ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
	ck_assert_msg(rl.rlim_max >= SLOW_HEADERS + SLOW_BODIES + 200,
	    "open files hard limit %lu too low for this test", (unsigned long)rl.rlim_max);
	rl.rlim_cur = rl.rlim_max;
	ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &rl), 0);
	for (i = 0; i < SLOW_HEADERS; i++) {
		if ((fds[i] = connect_from("127.0.0.2")) == -1)
			break;
		(void)send(fds[i], partial, sizeof(partial) - 1, MSG_NOSIGNAL);
		opened++;
	}
	ck_assert_int_eq(opened, SLOW_HEADERS);
	for (i = 0; i < SLOW_BODIES; i++) {
		ck_assert_int_ge(bodies[i] = connect_from("127.0.0.2"), 0);
		ck_assert(send(bodies[i], post, sizeof(post) - 1, MSG_NOSIGNAL) > 0);
		nb++;
	}
	/* others are served meanwhile, anonymous or not */
	for (i = 0; i < 50; i++) {
		http_get("/health", &r);
		ck_assert_msg(r.status == 200, "request %d: %ld %s", i, r.status, r.body);
		http_result_free(&r);
	}
	http_get("/ready", &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);
	/* the slow bodies past the limit were refused at once, in the API's shape */
	t0 = it_now_ms();
	for (i = 0; i < nb; i++) {
		pfs[i].fd = bodies[i];
		pfs[i].events = POLLIN;
	}
	while (limited < SLOW_BODIES - PERIP_CONN && it_now_ms() - t0 < 3000.0 &&
	    poll(pfs, (nfds_t)nb, 100) >= 0) {
		for (i = 0; i < nb; i++) {
			if (pfs[i].fd < 0 || (pfs[i].revents & (POLLIN | POLLHUP)) == 0)
				continue;
			n = recv(bodies[i], buf, sizeof(buf) - 1, MSG_DONTWAIT);
			pfs[i].fd = -1;		/* one answer per connection */
			if (n <= 0)
				continue;
			buf[n] = '\0';
			ck_assert_msg(strncmp(buf, "HTTP/1.1 429", 12) == 0, "%s", buf);
			ck_assert_ptr_nonnull(strstr(buf, "\"code\":\"RATE_LIMITED\""));
			ck_assert_ptr_nonnull(strstr(buf, "Retry-After: 1"));
			limited++;
		}
	}
	/* the others wait for their bodies: none is answered yet */
	it_sleep_ms(200);
	for (i = 0; i < nb; i++)
		if (pfs[i].fd >= 0) {
			pfs[i].events = POLLIN;
			pfs[i].revents = 0;
			ck_assert_int_eq(poll(&pfs[i], 1, 0), 0);
		}
	ck_assert_msg(limited == SLOW_BODIES - PERIP_CONN,
	    "%d slow bodies of %d refused (limit %d in progress)", limited, SLOW_BODIES,
	    PERIP_CONN);
	for (i = 0; i < nb; i++)
		close(bodies[i]);
	/* an unfinished header is cut within the header timeout (10 s) */
	pf.fd = fds[0];
	pf.events = POLLIN;
	ck_assert_msg(poll(&pf, 1, 15000 - (int)(it_now_ms() - t0)) == 1,
	    "a connection with unfinished headers is still open after 15 s");
	n = recv(fds[0], buf, sizeof(buf), MSG_DONTWAIT);
	ck_assert_msg(n <= 0, "answered instead of cut: %.*s", (int)(n > 0 ? n : 0), buf);
	for (i = 0; i < opened; i++)
		close(fds[i]);
	/* and nothing is left over */
	for (i = 0; i < 20; i++) {
		http_get("/health", &r);
		served += r.status == 200;
		http_result_free(&r);
	}
	ck_assert_int_eq(served, 20);
}
END_TEST

/* The one CPU pid may run on, or -1 when it may run on more (or none). */
static int
only_cpu(pid_t pid)
{
	cpu_set_t set;
	int	 cpu;

	CPU_ZERO(&set);
	ck_assert_int_eq(sched_getaffinity(pid, sizeof(set), &set), 0);
	if (CPU_COUNT(&set) != 1)
		return -1;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		if (CPU_ISSET(cpu, &set))
			return cpu;
	return -1;
}

/*
 * The test stack runs the api pool with -a auto (worker_cpu_affinity) and
 * the slow pool without: each api worker on one CPU of its master's, as
 * many different ones as there are workers or CPUs; slow workers free.
 */
START_TEST(api_workers_each_on_a_cpu)
{
	pid_t	 api = it_master_pid("api"), slow = it_master_pid("slow"), w[64];
	cpu_set_t mine, theirs, seen;
	int	 n, i, cpu, ncpu;

	CPU_ZERO(&mine);
	ck_assert_int_eq(sched_getaffinity(api, sizeof(mine), &mine), 0);
	ncpu = CPU_COUNT(&mine);
	n = it_children(api, w, 64);
	ck_assert_int_ge(n, 2);
	CPU_ZERO(&seen);
	for (i = 0; i < n; i++) {
		cpu = only_cpu(w[i]);
		ck_assert_msg(cpu >= 0 && CPU_ISSET(cpu, &mine), "api worker %d: CPU %d", (int)w[i],
		    cpu);
		CPU_SET(cpu, &seen);
	}
	ck_assert_int_eq(CPU_COUNT(&seen), n < ncpu ? n : ncpu);
	CPU_ZERO(&mine);
	ck_assert_int_eq(sched_getaffinity(slow, sizeof(mine), &mine), 0);
	n = it_children(slow, w, 64);
	ck_assert_int_ge(n, 1);
	for (i = 0; i < n; i++) {
		CPU_ZERO(&theirs);
		ck_assert_int_eq(sched_getaffinity(w[i], sizeof(theirs), &theirs), 0);
		ck_assert_msg(CPU_EQUAL(&theirs, &mine), "slow worker %d is pinned", (int)w[i]);
	}
}
END_TEST

START_TEST(killed_worker_is_replaced)
{
	pid_t	 master = it_master_pid("api"), before[64], after[64], victim;
	int	 n, m, i, j, fresh = 0, victim_cpu;
	double	 t0;
	struct http_result r;

	n = it_children(master, before, 64);
	ck_assert_int_ge(n, 2);
	victim = before[0];
	victim_cpu = only_cpu(victim);
	ck_assert_int_eq(kill(victim, SIGKILL), 0);
	t0 = it_now_ms();
	/* Other requests are unaffected. */
	for (i = 0; i < 100; i++) {
		http_get("/health", &r);
		ck_assert_msg(r.status == 200, "request %d: %ld %s", i, r.status, r.body);
		http_result_free(&r);
	}
	/* The pool is back to full strength within a second, with a new pid. */
	do {
		m = it_children(master, after, 64);
		fresh = 0;
		for (i = 0; i < m; i++) {
			for (j = 0; j < n; j++)
				if (after[i] == before[j])
					break;
			fresh += j == n;
		}
		if (m == n && fresh == 1)
			break;
		it_sleep_ms(20);
	} while (it_now_ms() - t0 < 1000.0);
	ck_assert_int_eq(m, n);
	ck_assert_int_eq(fresh, 1);
	for (i = 0; i < m; i++) {
		ck_assert_int_ne(after[i], victim);
		for (j = 0; j < n; j++)
			if (after[i] == before[j])
				break;
		/* the new worker took its slot's CPU */
		if (j == n)
			ck_assert_int_eq(only_cpu(after[i]), victim_cpu);
	}
}
END_TEST

START_TEST(sighup_rolls_workers_without_failures)
{
	pid_t	 master = it_master_pid("api"), before[64], after[64];
	int	 n, m, i, j, same;
	double	 t0;
	struct http_result r;

	n = it_children(master, before, 64);
	ck_assert_int_eq(kill(master, SIGHUP), 0);
	t0 = it_now_ms();
	while (it_now_ms() - t0 < 1500.0) {
		http_get("/health", &r);
		ck_assert_msg(r.status == 200, "during reload: %ld %s", r.status, r.body);
		http_result_free(&r);
	}
	m = it_children(master, after, 64);
	ck_assert_int_eq(m, n);
	for (same = 0, i = 0; i < m; i++)
		for (j = 0; j < n; j++)
			same += after[i] == before[j];
	ck_assert_int_eq(same, 0);
}
END_TEST

/* Start PostgreSQL again: /ready must answer 200 within two seconds. */
static void
restart_database(void)
{
	struct http_result r;
	double	 t0;
	int	 ok = 0;

	ck_assert_int_eq(it_dev("_pg-start"), 0);
	t0 = it_now_ms();
	while (!ok && it_now_ms() - t0 < 2000.0) {
		http_get("/ready", &r);
		ok = r.status == 200;
		http_result_free(&r);
		if (!ok)
			it_sleep_ms(50);
	}
	ck_assert_msg(ok, "/ready not 200 within 2 s of PostgreSQL returning");
}

START_TEST(database_outage_is_503_then_recovers)
{
	struct http_result r;

	ck_assert_int_eq(it_dev("_pg-stop"), 0);
	http_get("/ready", &r);
	assert_json_error(&r, 503, "SERVICE_UNAVAILABLE");
	ck_assert_ptr_nonnull(http_header(&r, "Retry-After"));
	http_result_free(&r);
	/* Again: a worker that already knows the database is down answers at once. */
	http_get("/ready", &r);
	assert_json_error(&r, 503, "SERVICE_UNAVAILABLE");
	http_result_free(&r);
	http_get("/health", &r);
	ck_assert_int_eq(r.status, 200);
	http_result_free(&r);

	restart_database();
	/* Every worker recovers, not just one: once each may have retried
	 * (db_retry_ms, 250 ms in the dev stack), a burst all answers 200. */
	it_sleep_ms(300);
	for (int i = 0; i < 40; i++) {
		http_get("/ready", &r);
		ck_assert_msg(r.status == 200, "after recovery: %ld %s", r.status, r.body);
		http_result_free(&r);
	}
}
END_TEST

/* --- a FastCGI client, to hold a request in flight inside a worker ---------- */

static void
fcgi_record_id(int fd, int id, int type, const void *content, size_t len)
{
	unsigned char h[8] = { 1, (unsigned char)type, (unsigned char)(id >> 8),
	    (unsigned char)(id & 0xff), (unsigned char)(len >> 8), (unsigned char)(len & 0xff),
	    0, 0 };

	ck_assert(write(fd, h, sizeof(h)) == (ssize_t)sizeof(h));
	if (len > 0)
		ck_assert(write(fd, content, len) == (ssize_t)len);
}

static void
fcgi_record(int fd, int type, const void *content, size_t len)
{
	fcgi_record_id(fd, 1, type, content, len);
}

static void
fcgi_param(struct buf *b, const char *name, const char *value)
{
	size_t nl = strlen(name), vl = strlen(value);

	ck_assert(nl < 128 && vl < 128);
	buf_putc(b, (char)nl);
	buf_putc(b, (char)vl);
	buf_append(b, name, nl);
	buf_append(b, value, vl);
}

/*
 * Read the response records until END_REQUEST; the stdout content into out.
 * Every record must carry the FastCGI request id the request was sent with.
 */
static void
fcgi_read_response(int fd, int id, struct buf *out)
{
	unsigned char h[8], content[65536 + 256];

	for (;;) {
		size_t len, pad, got = 0;
		ssize_t n;

		for (got = 0; got < 8; got += (size_t)n)
			ck_assert_int_gt(n = read(fd, h + got, 8 - got), 0);
		ck_assert_int_eq((int)h[2] << 8 | h[3], id);
		len = (size_t)h[4] << 8 | h[5];
		pad = h[6];
		for (got = 0; got < len + pad; got += (size_t)n)
			ck_assert_int_gt(n = read(fd, content + got, len + pad - got), 0);
		if (h[1] == 6)		/* FCGI_STDOUT */
			buf_append(out, content, len);
		if (h[1] == 3)		/* FCGI_END_REQUEST */
			return;
	}
}

/*
 * Connect to a pool's socket (its path into path), with a receive timeout, so
 * that an answer that never comes fails the test instead of hanging it.
 */
static int
pool_connect(const char *pool, char *path, size_t pathlen)
{
	struct sockaddr_un sun;
	struct timeval	 tv = { 30, 0 };
	int		 fd;

	snprintf(path, pathlen, "%s/run/%s.sock", getenv("OZZIE_DEV_DIR"), pool);
	ck_assert_int_ge(fd = socket(AF_UNIX, SOCK_STREAM, 0), 0);
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	ck_assert(strlen(path) < sizeof(sun.sun_path));
	memcpy(sun.sun_path, path, strlen(path) + 1);
	ck_assert_int_eq(connect(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	ck_assert_int_eq(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0);
	return fd;
}

/* A request without a body, as FastCGI request id; keep asks to keep the connection. */
static void
fcgi_send_bodyless(int fd, int id, int keep, const char *method, const char *uri,
    const char *request_id)
{
	const unsigned char begin[8] = { 0, 1, keep ? 1 : 0, 0, 0, 0, 0, 0 };
	struct buf	 params;

	buf_init(&params, 4096);
	fcgi_param(&params, "REQUEST_METHOD", method);
	fcgi_param(&params, "REQUEST_URI", uri);
	fcgi_param(&params, "REQUEST_ID", request_id);
	fcgi_record_id(fd, id, 1, begin, sizeof(begin));
	fcgi_record_id(fd, id, 4, params.data, params.len);
	fcgi_record_id(fd, id, 4, NULL, 0);
	fcgi_record_id(fd, id, 5, NULL, 0);
	buf_free(&params);
}

/* Half of a POST's body: the worker that takes it waits, busy, for the rest. */
static const char blocker_body[] = "{\"external_user_id\":\"blocker\"}";

static int
block_a_worker(const char *pool)
{
	const unsigned char begin[8] = { 0, 1, 0, 0, 0, 0, 0, 0 };
	struct buf	 params;
	char		 path[300], len[16];
	int		 fd = pool_connect(pool, path, sizeof(path));

	snprintf(len, sizeof(len), "%zu", strlen(blocker_body));
	buf_init(&params, 4096);
	fcgi_param(&params, "REQUEST_METHOD", "POST");
	fcgi_param(&params, "REQUEST_URI", "/v1/users");
	fcgi_param(&params, "CONTENT_TYPE", "application/json");
	fcgi_param(&params, "CONTENT_LENGTH", len);
	fcgi_param(&params, "REQUEST_ID", "blocker");
	fcgi_record(fd, 1, begin, sizeof(begin));
	fcgi_record(fd, 4, params.data, params.len);
	fcgi_record(fd, 4, NULL, 0);
	fcgi_record(fd, 5, blocker_body, 10);
	buf_free(&params);
	return fd;
}

/* The rest of the body; the answer (401: no credentials) must come whole. */
static void
release_worker(int fd)
{
	struct buf resp;

	fcgi_record(fd, 5, blocker_body + 10, strlen(blocker_body) - 10);
	fcgi_record(fd, 5, NULL, 0);
	buf_init(&resp, 1 << 20);
	fcgi_read_response(fd, 1, &resp);
	ck_assert_msg(strncmp(buf_str(&resp), "Status: 401", 11) == 0, "%s", buf_str(&resp));
	buf_free(&resp);
	close(fd);
}

/*
 * A burst of N requests that reach the api workers together: kept
 * connections, each already held by a worker; every worker busy reading a
 * half-sent body; the requests written on every connection; then the workers
 * released. Request 0 is HEAD /ready, request 1 GET /health, the rest GET
 * /ready. Checks that each gets its own whole answer on its own connection,
 * /ready with ready_status, and that each /ready is logged once.
 */
static void
ready_burst(const char *tag, int ready_status)
{
	enum { N = 12 };
	pid_t		 pids[64];
	struct buf	 resp;
	char		 path[300], rid[N][64], logf[300], line[1024], want[96], status[32];
	int		 fd[N], blk[64], i, w, logged = 0;
	const char	*end;
	FILE		*f;

	w = it_children(it_master_pid("api"), pids, 64);
	ck_assert_int_ge(w, 1);
	for (i = 0; i < N; i++) {
		fd[i] = pool_connect("api", path, sizeof(path));
		fcgi_send_bodyless(fd[i], i + 1, 1, "GET", "/health", "burst-warm-up");
		buf_init(&resp, 1 << 16);
		fcgi_read_response(fd[i], i + 1, &resp);
		ck_assert_msg(strncmp(buf_str(&resp), "Status: 200", 11) == 0, "%s", buf_str(&resp));
		buf_free(&resp);
	}
	for (i = 0; i < w; i++) {
		blk[i] = block_a_worker("api");
		it_sleep_ms(150);	/* taken by a worker before the next one comes */
	}
	for (i = 0; i < N; i++) {
		snprintf(rid[i], sizeof(rid[i]), "%s-%ld-%d", tag, (long)getpid(), i);
		fcgi_send_bodyless(fd[i], i + 1, 1, i == 0 ? "HEAD" : "GET",
		    i == 1 ? "/health" : "/ready", rid[i]);
	}
	it_sleep_ms(100);
	for (i = 0; i < w; i++)
		release_worker(blk[i]);
	snprintf(status, sizeof(status), "Status: %d", ready_status);
	for (i = 0; i < N; i++) {
		buf_init(&resp, 1 << 16);
		fcgi_read_response(fd[i], i + 1, &resp);
		close(fd[i]);
		if (i == 1) {
			ck_assert_msg(strncmp(buf_str(&resp), "Status: 200", 11) == 0 &&
			    strstr(buf_str(&resp), "\"object\":\"health\"") != NULL, "%s",
			    buf_str(&resp));
			buf_free(&resp);
			continue;
		}
		ck_assert_msg(strncmp(buf_str(&resp), status, strlen(status)) == 0, "%d: %s", i,
		    buf_str(&resp));
		end = strstr(buf_str(&resp), "\r\n\r\n");
		ck_assert_ptr_nonnull(end);
		if (i == 0)
			ck_assert_msg(end[4] == '\0', "HEAD answered with a body: %s", buf_str(&resp));
		else if (ready_status == 200)
			ck_assert_msg(strstr(end, "\"schema_version\":") != NULL, "%s", buf_str(&resp));
		else
			ck_assert_msg(strstr(buf_str(&resp), "Retry-After: ") != NULL &&
			    strstr(end, "\"SERVICE_UNAVAILABLE\"") != NULL, "%s", buf_str(&resp));
		buf_free(&resp);
	}
	snprintf(logf, sizeof(logf), "%s/log/fcgi-api.log", getenv("OZZIE_DEV_DIR"));
	snprintf(want, sizeof(want), "request_id=%s-%ld-", tag, (long)getpid());
	snprintf(status, sizeof(status), "path=/ready status=%d ", ready_status);
	ck_assert_ptr_nonnull(f = fopen(logf, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strstr(line, status) == NULL || strstr(line, want) == NULL)
			continue;
		logged++;
	}
	fclose(f);
	ck_assert_int_eq(logged, N - 1);
}

/*
 * Requests on one kept connection whose records arrive in separate writes (as
 * nginx sends a large body): the end of one request's input must not be taken
 * for the start of the next, which would drop the connection.
 */
START_TEST(kept_connection_survives_split_records)
{
	struct buf	 resp;
	char		 path[300];
	int		 fd = pool_connect("api", path, sizeof(path)), i;

	for (i = 0; i < 5; i++) {
		fcgi_send_bodyless(fd, 7, 1, "GET", i % 2 ? "/ready" : "/health", "split-records");
		buf_init(&resp, 1 << 16);
		fcgi_read_response(fd, 7, &resp);
		ck_assert_msg(strncmp(buf_str(&resp), "Status: 200", 11) == 0, "%d: %s", i,
		    buf_str(&resp));
		buf_free(&resp);
	}
	close(fd);
}
END_TEST

/* A POST to an unknown path whose body of n bytes the worker never reads. */
static void
fcgi_send_unread_body(int fd, int id, size_t n)
{
	const unsigned char begin[8] = { 0, 1, 1, 0, 0, 0, 0, 0 };
	struct buf	 params;
	char		 len[24], chunk[8192];
	size_t		 sent, k;

	snprintf(len, sizeof(len), "%zu", n);
	buf_init(&params, 4096);
	fcgi_param(&params, "REQUEST_METHOD", "POST");
	fcgi_param(&params, "REQUEST_URI", "/v1/no-such-resource");
	fcgi_param(&params, "CONTENT_TYPE", "application/json");
	fcgi_param(&params, "CONTENT_LENGTH", len);
	fcgi_param(&params, "REQUEST_ID", "unread-body");
	fcgi_record_id(fd, id, 1, begin, sizeof(begin));
	fcgi_record_id(fd, id, 4, params.data, params.len);
	fcgi_record_id(fd, id, 4, NULL, 0);
	buf_free(&params);
	memset(chunk, ' ', sizeof(chunk));
	for (sent = 0; sent < n; sent += k) {
		k = n - sent < sizeof(chunk) ? n - sent : sizeof(chunk);
		fcgi_record_id(fd, id, 5, chunk, k);
	}
	fcgi_record_id(fd, id, 5, NULL, 0);
}

/*
 * A body the worker answers without reading: a small one is read past, so the
 * kept connection serves the next request; a large one (over 64 KiB) is not
 * worth reading, so the worker answers and closes that connection.
 */
START_TEST(unread_body_is_skipped_or_closes_the_connection)
{
	struct buf	 resp;
	char		 path[300], c;
	int		 fd = pool_connect("api", path, sizeof(path));

	fcgi_send_unread_body(fd, 3, 3000);
	buf_init(&resp, 1 << 16);
	fcgi_read_response(fd, 3, &resp);
	ck_assert_msg(strncmp(buf_str(&resp), "Status: 404", 11) == 0 &&
	    strstr(buf_str(&resp), "\"NOT_FOUND\"") != NULL, "%s", buf_str(&resp));
	buf_free(&resp);
	fcgi_send_bodyless(fd, 4, 1, "GET", "/health", "after-unread-body");
	buf_init(&resp, 1 << 16);
	fcgi_read_response(fd, 4, &resp);
	ck_assert_msg(strncmp(buf_str(&resp), "Status: 200", 11) == 0, "%s", buf_str(&resp));
	buf_free(&resp);

	fcgi_send_unread_body(fd, 5, 300000);
	buf_init(&resp, 1 << 16);
	fcgi_read_response(fd, 5, &resp);
	ck_assert_msg(strncmp(buf_str(&resp), "Status: 404", 11) == 0, "%s", buf_str(&resp));
	buf_free(&resp);
	ck_assert_int_eq(read(fd, &c, 1), 0);	/* closed by the worker */
	close(fd);
}
END_TEST

/* /ready checks that reach the workers together are each answered, whole. */
START_TEST(ready_checks_answer_a_burst)
{
	ready_burst("burst", 200);
}
END_TEST

/*
 * A worker keeps its readiness for a second: with the database down, a
 * burst a second later is 503 throughout, and the database back is seen
 * within a second too.
 */
START_TEST(ready_burst_without_database_is_503)
{
	ck_assert_int_eq(it_dev("_pg-stop"), 0);
	it_sleep_ms(1100);	/* READY_CACHE_MS: what was cached has expired */
	ready_burst("burst-down", 503);
	restart_database();
	it_sleep_ms(1100);	/* the 503 kept for a second, and db_retry_ms */
	ready_burst("burst-back", 200);
}
END_TEST

START_TEST(sigterm_finishes_the_request_in_flight)
{
	struct it_client c;
	struct buf	 params, resp;
	char		 path[300], auth[600], len[16], body[128];
	pid_t		 master = it_master_pid("slow");
	double		 t0;
	int		 fd, alive = 1;

	it_client_create("drain", 0, &c);
	snprintf(body, sizeof(body), "{\"external_user_id\":\"drain-%ld\"}", (long)time(NULL));
	snprintf(len, sizeof(len), "%zu", strlen(body));
	snprintf(auth, sizeof(auth), "%s", c.auth + strlen("Authorization: "));
	fd = pool_connect("slow", path, sizeof(path));

	/* A request whose body is only half sent: a worker is busy reading it. */
	fcgi_record(fd, 1, (const unsigned char[8]){ 0, 1, 0, 0, 0, 0, 0, 0 }, 8);
	buf_init(&params, 4096);
	fcgi_param(&params, "REQUEST_METHOD", "POST");
	fcgi_param(&params, "REQUEST_URI", "/v1/users");
	fcgi_param(&params, "CONTENT_TYPE", "application/json");
	fcgi_param(&params, "CONTENT_LENGTH", len);
	fcgi_param(&params, "REQUEST_ID", "drain-test");
	fcgi_param(&params, "HTTP_AUTHORIZATION", auth);
	fcgi_record(fd, 4, params.data, params.len);
	fcgi_record(fd, 4, NULL, 0);
	buf_free(&params);
	fcgi_record(fd, 5, body, 10);
	it_sleep_ms(200);

	/* Stop the pool: it stops accepting but waits for that request. */
	ck_assert_int_eq(kill(master, SIGTERM), 0);
	it_sleep_ms(300);
	ck_assert_int_eq(kill(master, 0), 0);
	fcgi_record(fd, 5, body + 10, strlen(body) - 10);
	fcgi_record(fd, 5, NULL, 0);
	buf_init(&resp, 1 << 20);
	fcgi_read_response(fd, 1, &resp);
	close(fd);
	ck_assert_msg(strncmp(buf_str(&resp), "Status: 201", 11) == 0, "%s", buf_str(&resp));
	buf_free(&resp);

	/* Then the master exits and removes its socket. */
	t0 = it_now_ms();
	while (it_now_ms() - t0 < 10000.0 && (alive = kill(master, 0) == 0))
		it_sleep_ms(50);
	ck_assert_msg(!alive, "the slow pool's master did not exit");
	ck_assert_int_ne(access(path, F_OK), 0);
	/* Bring the pool back for the tests that follow. */
	ck_assert_int_eq(it_dev_stack_up(), 0);
}
END_TEST

/* s percent-encoded into out, for a URI query value: the dev directory may hold spaces. */
static void
uri_escape(const char *s, char *out, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t	 n = 0;

	for (; *s && n + 4 < len; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("/._~-", c) != NULL)
			out[n++] = (char)c;
		else {
			out[n++] = '%';
			out[n++] = hex[c >> 4];
			out[n++] = hex[c & 15];
		}
	}
	ck_assert_msg(*s == '\0', "path too long to escape");
	out[n] = '\0';
}

/* Run ozzie-admin migrate against database db of the stack; returns its exit status. */
static int
migrate_db(const char *db, const char *args)
{
	char	 url[3200], cmd[256], host[3000], run[1024];
	int	 rc;

	snprintf(run, sizeof(run), "%s/pg-run", getenv("OZZIE_DEV_DIR"));
	uri_escape(run, host, sizeof(host));
	snprintf(url, sizeof(url), "postgresql:///%s?host=%s&user=ozzie", db, host);
	setenv("OZZIE_DATABASE_URL", url, 1);
	snprintf(cmd, sizeof(cmd), "admin migrate %s", args);
	rc = it_dev(cmd);
	unsetenv("OZZIE_DATABASE_URL");
	return rc;
}

START_TEST(migrations_are_ordered_idempotent_and_guarded)
{
	char	 out[4096], cmd[512];
	pid_t	 a, b;
	int	 st;

	it_dev("psql -c 'DROP DATABASE IF EXISTS ozzie_migtest'");
	ck_assert_int_eq(it_dev("psql -c 'CREATE DATABASE ozzie_migtest'"), 0);
	ck_assert_int_eq(migrate_db("ozzie_migtest", "--status"), 3);	/* pending */
	/* Two concurrent runs on an empty database serialise on the advisory lock. */
	a = fork();
	if (a == 0)
		_exit(migrate_db("ozzie_migtest", ""));
	b = fork();
	if (b == 0)
		_exit(migrate_db("ozzie_migtest", ""));
	ck_assert_int_eq(waitpid(a, &st, 0), a);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ck_assert_int_eq(waitpid(b, &st, 0), b);
	ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ck_assert_int_eq(migrate_db("ozzie_migtest", ""), 0);		/* idempotent */
	ck_assert_int_eq(migrate_db("ozzie_migtest", "--status"), 0);	/* up to date */
	snprintf(cmd, sizeof(cmd), "psql -tA -d ozzie_migtest -c 'SELECT string_agg(version::text, "
	    "$$,$$ ORDER BY version) FROM ozzie_schema_migrations'");
	ck_assert_int_eq(it_dev_capture(cmd, out, sizeof(out)), 0);
	ck_assert_msg(strncmp(out, "1,2", 3) == 0, "versions: %s", out);
	/* A schema newer than this build is refused, not touched. */
	ck_assert_int_eq(it_dev("psql -d ozzie_migtest -c 'INSERT INTO ozzie_schema_migrations "
	    "(version, name) VALUES (999, $$999_future$$)'"), 0);
	ck_assert_int_ne(migrate_db("ozzie_migtest", ""), 0);
	ck_assert_int_eq(it_dev("psql -d ozzie_migtest -c 'DELETE FROM ozzie_schema_migrations "
	    "WHERE version = 999'"), 0);
	ck_assert_int_eq(it_dev("psql -c 'DROP DATABASE ozzie_migtest'"), 0);
}
END_TEST

Suite *
platform_suite(void)
{
	Suite *s = suite_create("platform");
	TCase *http = tcase_create("http");
	TCase *proc = tcase_create("processes");

	tcase_add_test(http, health_answers_without_database);
	tcase_add_test(http, ready_reports_schema);
	tcase_add_test(http, request_ids_are_unique);
	tcase_add_test(http, unknown_path_is_json_404);
	tcase_add_test(http, wrong_method_is_json_405_with_allow);
	tcase_add_test(http, encoded_nul_in_path_is_json_400);
	tcase_add_test(http, oversized_body_is_json_413);
	tcase_add_test(http, long_uri_and_headers_are_json_errors);
	tcase_add_test(http, https_with_http2);
	tcase_add_test(http, http2_oversized_headers_are_json_errors);
	tcase_add_test(http, migrations_are_ordered_idempotent_and_guarded);
	tcase_set_timeout(proc, 60);
	tcase_add_test(proc, slow_client_flood_leaves_others_served);
	tcase_add_test(proc, api_workers_each_on_a_cpu);
	tcase_add_test(proc, killed_worker_is_replaced);
	tcase_add_test(proc, sigterm_finishes_the_request_in_flight);
	tcase_add_test(proc, sighup_rolls_workers_without_failures);
	tcase_add_test(proc, database_outage_is_503_then_recovers);
	tcase_add_test(proc, kept_connection_survives_split_records);
	tcase_add_test(proc, unread_body_is_skipped_or_closes_the_connection);
	tcase_add_test(proc, ready_checks_answer_a_burst);
	tcase_add_test(proc, ready_burst_without_database_is_503);
	suite_add_tcase(s, http);
	suite_add_tcase(s, proc);
	return s;
}
