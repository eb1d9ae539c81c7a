/* test_json_io.c: strict JSON input and the contract's envelopes. */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "check_main.h"
#include "core/utf8.h"
#include "http/http.h"
#include "http/json_io.h"

static int
parse(struct oz_req *r, const char *body, size_t len)
{
	http_req_clear(r);
	r->body = pool_strndup(&r->pool, body, len);
	r->body_len = len;
	return json_parse_body(r);
}

static struct json_object *
reparse(const struct oz_req *r)
{
	return json_tokener_parse(buf_str(&r->resp.body));
}

START_TEST(utf8_validation)
{
	ck_assert(utf8_valid("plain", 5));
	ck_assert(utf8_valid("jo\xc3\xa3o \xe2\x82\xac \xf0\x9f\x98\x80", 14));
	ck_assert(!utf8_valid("\xc3", 1));		/* truncated */
	ck_assert(!utf8_valid("\xc0\xaf", 2));		/* overlong */
	ck_assert(!utf8_valid("\xe0\x80\xaf", 3));	/* overlong */
	ck_assert(!utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
	ck_assert(!utf8_valid("\xf4\x90\x80\x80", 4));	/* > U+10FFFF */
	ck_assert(!utf8_valid("\xff", 1));
	ck_assert(!utf8_valid("a\x80", 2));
}
END_TEST

START_TEST(valid_objects)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_int_eq(parse(&r, "{\"a\":1}", 7), 0);
	ck_assert_ptr_nonnull(r.json);
	ck_assert_int_eq(parse(&r, " {\"name\":\"Jo\xc3\xa3o\"} \n", 19), 0);
	ck_assert_int_eq(parse(&r, "{\"q\":\"it's /* fine */ \\\" here\"}", 31), 0);
	http_req_free(&r);
}
END_TEST

START_TEST(invalid_json_refused)
{
	static const char *bad[] = { "", "{", "{\"a\":}", "{'a':1}", "{\"a\":1,}",
	    "[1,2]", "\"str\"", "42", "null", "{\"a\":1} x", "{\"a\":1}{}", "{a:1}",
	    "{\"a\":NaN}", "{\"a\":01}", "{\"a\":1 /* c */}", "{\"a\":1} // c",
	    "{\"a\":Infinity}", "{\"a\":\"tab\there\"}", "{\"a\":tru}", NULL };
	struct oz_req r;
	int i;

	http_req_init(&r);
	for (i = 0; bad[i]; i++) {
		ck_assert_msg(parse(&r, bad[i], strlen(bad[i])) == -1, "accepted %s", bad[i]);
		ck_assert_int_eq(r.err.code, OZ_INVALID_JSON);
	}
	/* invalid UTF-8 inside a string */
	ck_assert_int_eq(parse(&r, "{\"a\":\"\xc3\x28\"}", 10), -1);
	ck_assert_int_eq(r.err.code, OZ_INVALID_JSON);
	ck_assert(strstr(r.err.message, "UTF-8") != NULL);
	http_req_free(&r);
}
END_TEST

START_TEST(depth_limit)
{
	struct oz_req r;
	char deep[200];
	int i, n;

	http_req_init(&r);
	/* 32 levels: accepted. */
	n = 0;
	deep[n++] = '{';
	deep[n++] = '"'; deep[n++] = 'a'; deep[n++] = '"'; deep[n++] = ':';
	for (i = 0; i < 31; i++)
		deep[n++] = '[';
	for (i = 0; i < 31; i++)
		deep[n++] = ']';
	deep[n++] = '}';
	ck_assert_int_eq(parse(&r, deep, (size_t)n), 0);
	/* 33 levels: refused as INVALID_JSON. */
	n = 0;
	deep[n++] = '{';
	deep[n++] = '"'; deep[n++] = 'a'; deep[n++] = '"'; deep[n++] = ':';
	for (i = 0; i < 32; i++)
		deep[n++] = '[';
	for (i = 0; i < 32; i++)
		deep[n++] = ']';
	deep[n++] = '}';
	ck_assert_int_eq(parse(&r, deep, (size_t)n), -1);
	ck_assert_int_eq(r.err.code, OZ_INVALID_JSON);
	ck_assert(strstr(r.err.message, "deeper") != NULL);
	http_req_free(&r);
}
END_TEST

START_TEST(envelopes)
{
	struct oz_req r;
	struct json_object *o, *v, *p;

	http_req_init(&r);
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_string("ozz_usr_1"));
	ck_assert_int_eq(json_out_object(&r, 201, "user", o), 0);
	ck_assert_int_eq(r.resp.status, 201);
	ck_assert_str_eq(http_resp_get_header(&r, "Content-Type"), "application/json; charset=utf-8");
	v = reparse(&r);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(v, "object")), "user");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(
	    json_object_object_get(v, "data"), "id")), "ozz_usr_1");
	json_object_put(v);

	http_req_clear(&r);
	ck_assert_int_eq(json_out_list(&r, json_object_new_array(), 1, "CUR"), 0);
	v = reparse(&r);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(v, "object")), "list");
	p = json_object_object_get(v, "pagination");
	ck_assert(json_object_get_boolean(json_object_object_get(p, "has_more")));
	ck_assert_str_eq(json_object_get_string(json_object_object_get(p, "next_cursor")), "CUR");
	json_object_put(v);

	http_req_clear(&r);
	ck_assert_int_eq(json_out_list(&r, json_object_new_array(), 0, NULL), 0);
	v = reparse(&r);
	p = json_object_object_get(v, "pagination");
	ck_assert(!json_object_get_boolean(json_object_object_get(p, "has_more")));
	ck_assert(json_object_object_get_ex(p, "next_cursor", &o) && o == NULL);
	json_object_put(v);
	http_req_free(&r);
}
END_TEST

START_TEST(error_object)
{
	struct oz_req r;
	struct json_object *v, *e, *d;

	http_req_init(&r);
	r.request_id = "req-123";
	oz_fail(&r, OZ_VALIDATION_ERROR, "invalid fields");
	oz_fail_detail(&r, "email", "is not an email address");
	http_resp_header(&r, "Location", "/x");
	json_out_error(&r);
	ck_assert_int_eq(r.resp.status, 422);
	ck_assert_ptr_null(http_resp_get_header(&r, "Location"));
	v = reparse(&r);
	e = json_object_object_get(v, "error");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(e, "code")), "VALIDATION_ERROR");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(e, "message")), "invalid fields");
	ck_assert_str_eq(json_object_get_string(json_object_object_get(e, "request_id")), "req-123");
	d = json_object_array_get_idx(json_object_object_get(e, "details"), 0);
	ck_assert_str_eq(json_object_get_string(json_object_object_get(d, "field")), "email");
	json_object_put(v);

	http_req_clear(&r);
	r.err.retry_after = 3;
	oz_fail(&r, OZ_SERVICE_UNAVAILABLE, "down");
	json_out_error(&r);
	ck_assert_int_eq(r.resp.status, 503);
	ck_assert_str_eq(http_resp_get_header(&r, "Retry-After"), "3");
	/* No field concerned: details is still there, an empty array. */
	v = reparse(&r);
	e = json_object_object_get(v, "error");
	ck_assert(json_object_object_get_ex(e, "details", &d));
	ck_assert(json_object_is_type(d, json_type_array));
	ck_assert_uint_eq(json_object_array_length(d), 0);
	json_object_put(v);

	http_req_clear(&r);
	r.err.allow = "GET, HEAD";
	oz_fail(&r, OZ_METHOD_NOT_ALLOWED, "no");
	json_out_error(&r);
	ck_assert_int_eq(r.resp.status, 405);
	ck_assert_str_eq(http_resp_get_header(&r, "Allow"), "GET, HEAD");
	http_req_free(&r);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("json_io");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, utf8_validation);
	tcase_add_test(tc, valid_objects);
	tcase_add_test(tc, invalid_json_refused);
	tcase_add_test(tc, depth_limit);
	tcase_add_test(tc, envelopes);
	tcase_add_test(tc, error_object);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
