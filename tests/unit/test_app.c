/* test_app.c: the request pipeline: route, 413 before reading, 415, JSON, errors. */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "check_main.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/router.h"

static int
h_echo(struct oz_app *app, struct oz_req *r)
{
	(void)app;
	return json_out_object(r, 200, "echo", json_object_get(r->json));
}

static int
h_size(struct oz_app *app, struct oz_req *r)
{
	(void)app;
	return json_out_object(r, 200, "size", json_object_new_int64((int64_t)r->body_len));
}

static int
h_forgets_status(struct oz_app *app, struct oz_req *r)
{
	(void)app;
	(void)r;
	return 0;
}

static const struct oz_route test_routes[] = {
	{ "POST",	"/echo",	h_echo,			ROUTE_PUBLIC | ROUTE_JSON },
	{ "POST",	"/doc",		h_size,			ROUTE_PUBLIC | ROUTE_DOCUMENT },
	{ "GET",	"/forgets",	h_forgets_status,	ROUTE_PUBLIC },
	{ NULL, NULL, NULL, 0 }
};

struct mem_body {
	const char	*data;
	size_t		 len, off;
	size_t		 reads;		/* bytes handed out */
};

static long
mem_read(void *ctx, char *p, size_t n)
{
	struct mem_body *m = ctx;
	size_t k = m->len - m->off < n ? m->len - m->off : n;

	memcpy(p, m->data + m->off, k);
	m->off += k;
	m->reads += k;
	return (long)k;
}

static struct oz_config cfg;
static struct oz_app app;
static struct oz_req req;

static void
setup(void)
{
	char err[256];

	ck_assert_int_eq(config_load(&cfg, NULL, 0, err, sizeof(err)), 0);
	cfg.max_json_body = 1024;
	cfg.max_document_body = 4096;
	ck_assert_int_eq(app_init(&app, &cfg, "test", test_routes), 0);
	http_req_init(&req);
}

static void
teardown(void)
{
	http_req_free(&req);
	app_free(&app);
	config_free(&cfg);
}

static struct json_object *
run(const char *method, const char *uri, const char *ctype, const char *body,
    int64_t declared_len, struct mem_body *m)
{
	http_req_clear(&req);
	req.method = method;
	req.request_id = "rid-1";
	req.content_type = ctype;
	req.content_length = declared_len;
	m->data = body ? body : "";
	m->len = body ? strlen(body) : 0;
	m->off = m->reads = 0;
	if (http_req_set_uri(&req, uri) == -1) {
		/* the worker hands such requests to the app with the error set */
	}
	app_handle(&app, &req, mem_read, m);
	return json_tokener_parse(buf_str(&req.resp.body));
}

static const char *
err_code(struct json_object *v)
{
	return json_object_get_string(json_object_object_get(
	    json_object_object_get(v, "error"), "code"));
}

START_TEST(json_roundtrip)
{
	struct mem_body m;
	struct json_object *v = run("POST", "/echo", "application/json; charset=utf-8",
	    "{\"x\":1}", 7, &m);

	ck_assert_int_eq(req.resp.status, 200);
	ck_assert_int_eq(json_object_get_int(json_object_object_get(
	    json_object_object_get(v, "data"), "x")), 1);
	ck_assert_str_eq(http_resp_get_header(&req, "Cache-Control"), "no-store");
	json_object_put(v);
}
END_TEST

START_TEST(too_large_refused_before_reading)
{
	struct mem_body m;
	struct json_object *v = run("POST", "/echo", "application/json", "{}", 5000, &m);

	ck_assert_int_eq(req.resp.status, 413);
	ck_assert_str_eq(err_code(v), "PAYLOAD_TOO_LARGE");
	ck_assert_uint_eq(m.reads, 0);
	json_object_put(v);

	/* Document routes take more, up to their own limit. */
	v = run("POST", "/doc", "application/pdf", "%PDF-1.4", 3000, &m);
	ck_assert_int_eq(req.resp.status, 400);	/* shorter than declared */
	json_object_put(v);
	v = run("POST", "/doc", "application/pdf", "%PDF-1.4", 8, &m);
	ck_assert_int_eq(req.resp.status, 200);
	json_object_put(v);
	v = run("POST", "/doc", "application/pdf", "x", 5000, &m);
	ck_assert_int_eq(req.resp.status, 413);
	ck_assert_uint_eq(m.reads, 0);
	json_object_put(v);
}
END_TEST

START_TEST(document_limits_by_way_of_sending)
{
	struct oz_config c;

	memset(&c, 0, sizeof(c));
	c.max_json_body = 1048576;
	c.max_document_body = 26214400;
	/* JSON elsewhere: its own limit, whatever the route */
	ck_assert_int_eq(app_body_limit(&c, 0, "application/json"), 1048576);
	ck_assert_int_eq(app_body_limit(&c, 0, "application/pdf"), 1048576);
	/* a document route: the document raw, in multipart with its envelope, base64 4/3 */
	ck_assert_int_eq(app_body_limit(&c, 1, "application/pdf"), 26214400);
	ck_assert_int_eq(app_body_limit(&c, 1, NULL), 26214400);
	ck_assert_int_eq(app_body_limit(&c, 1, "multipart/form-data; boundary=x"),
	    26214400 + APP_DOC_ENVELOPE);
	ck_assert_int_eq(app_body_limit(&c, 1, "application/json; charset=utf-8"),
	    34952536 + APP_DOC_ENVELOPE);
	/* every 25 MiB document fits in base64 */
	ck_assert(app_body_limit(&c, 1, "application/json") - APP_DOC_ENVELOPE >=
	    4 * ((26214400 + 2) / 3));
}
END_TEST

START_TEST(wrong_media_type)
{
	struct mem_body m;
	struct json_object *v = run("POST", "/echo", "text/plain", "{\"x\":1}", 7, &m);

	ck_assert_int_eq(req.resp.status, 415);
	ck_assert_str_eq(err_code(v), "UNSUPPORTED_MEDIA_TYPE");
	json_object_put(v);
	v = run("POST", "/echo", NULL, "{\"x\":1}", 7, &m);
	ck_assert_int_eq(req.resp.status, 415);
	json_object_put(v);
	v = run("POST", "/echo", "application/jsonp", "{\"x\":1}", 7, &m);
	ck_assert_int_eq(req.resp.status, 415);
	json_object_put(v);
}
END_TEST

START_TEST(bad_json_bodies)
{
	struct mem_body m;
	struct json_object *v;
	char deep[128];
	int i;

	v = run("POST", "/echo", "application/json", "{\"x\":", 5, &m);
	ck_assert_int_eq(req.resp.status, 400);
	ck_assert_str_eq(err_code(v), "INVALID_JSON");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(
	    json_object_object_get(v, "error"), "request_id")), "rid-1");
	json_object_put(v);

	v = run("POST", "/echo", "application/json", "{\"x\":\"\xff\"}", 8, &m);
	ck_assert_int_eq(req.resp.status, 400);
	ck_assert_str_eq(err_code(v), "INVALID_JSON");
	json_object_put(v);

	for (i = 0; i < 40; i++)
		deep[i] = '[';
	deep[i] = '\0';
	v = run("POST", "/echo", "application/json", deep, 40, &m);
	ck_assert_int_eq(req.resp.status, 400);
	ck_assert_str_eq(err_code(v), "INVALID_JSON");
	json_object_put(v);
}
END_TEST

START_TEST(routing_errors)
{
	struct mem_body m;
	struct json_object *v;

	v = run("GET", "/nowhere", NULL, NULL, -1, &m);
	ck_assert_int_eq(req.resp.status, 404);
	ck_assert_str_eq(err_code(v), "NOT_FOUND");
	json_object_put(v);

	v = run("DELETE", "/echo", NULL, NULL, -1, &m);
	ck_assert_int_eq(req.resp.status, 405);
	ck_assert_str_eq(err_code(v), "METHOD_NOT_ALLOWED");
	ck_assert_str_eq(http_resp_get_header(&req, "Allow"), "POST");
	json_object_put(v);

	v = run("GET", "/a%00b", NULL, NULL, -1, &m);
	ck_assert_int_eq(req.resp.status, 400);
	ck_assert_str_eq(err_code(v), "BAD_REQUEST");
	json_object_put(v);

	v = run("GET", "/forgets", NULL, NULL, -1, &m);
	ck_assert_int_eq(req.resp.status, 500);
	ck_assert_str_eq(err_code(v), "INTERNAL_ERROR");
	json_object_put(v);
}
END_TEST

START_TEST(memory_stays_flat)
{
	struct mem_body m;
	size_t i;

	/* Many requests through one oz_req: the pool stays at its first chunk. */
	for (i = 0; i < 2000; i++) {
		struct json_object *v = run("POST", "/echo", "application/json",
		    "{\"name\":\"a fairly ordinary body\",\"n\":[1,2,3]}", 43, &m);

		json_object_put(v);
		ck_assert_uint_eq(req.pool.total, 0);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("app");
	TCase *tc = tcase_create("pipeline");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, json_roundtrip);
	tcase_add_test(tc, too_large_refused_before_reading);
	tcase_add_test(tc, document_limits_by_way_of_sending);
	tcase_add_test(tc, wrong_media_type);
	tcase_add_test(tc, bad_json_bodies);
	tcase_add_test(tc, routing_errors);
	tcase_add_test(tc, memory_stays_flat);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
