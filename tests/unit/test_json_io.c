/* test_json_io.c: strict JSON input and the contract's envelopes. */
#include "config.h"

#include <json-c/json.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/buf.h"
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

/* json_write's bytes against json-c's own printing of the same tree. */
static void
same_as_json_c(struct json_object *o)
{
	struct buf	 b;
	const char	*want;
	size_t		 wlen;

	buf_init(&b, 1 << 20);
	want = json_object_to_json_string_length(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &wlen);
	ck_assert_int_eq(json_write(&b, o), 0);
	ck_assert_uint_eq(b.len, wlen);
	ck_assert_mem_eq(b.data, want, wlen);
	buf_free(&b);
}

START_TEST(writer_matches_json_c)
{
	static const char *const docs[] = {
		"{}", "[]", "null", "true", "false", "0", "-1", "9223372036854775807",
		"-9223372036854775808", "18446744073709551615", "12.50", "1e3", "-0.0",
		"{\"a\":[1,2,{\"b\":null}],\"c\":\"d\"}",
		"[\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\\u0001\\u001f\\u007f\\u0000x\"]",
		"{\"jo\\u00e3o\":\"\\u20ac 12,50 \\ud83d\\ude00 \xc3\xa9\",\"\":\"\"}",
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
	};
	struct json_object *o, *deep, *a;
	size_t	 i;
	int	 k;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		o = json_tokener_parse(docs[i]);
		ck_assert_msg(o != NULL || strcmp(docs[i], "null") == 0, "%s", docs[i]);
		same_as_json_c(o);
		json_object_put(o);
	}
	/* what the API builds: exact decimals, plain doubles, numbers at the edges */
	o = json_object_new_object();
	json_object_object_add(o, "amount", json_decimal("1234.50"));
	json_object_object_add(o, "confidence", json_money(875, 3));
	json_object_object_add(o, "ratio", json_object_new_double(0.1));
	json_object_object_add(o, "min", json_object_new_int64(INT64_MIN));
	json_object_object_add(o, "max", json_object_new_int64(INT64_MAX));
	json_object_object_add(o, "u", json_object_new_uint64(UINT64_MAX));
	json_object_object_add(o, "none", NULL);
	json_object_object_add(o, "nul", json_object_new_string_len("a\0b", 3));
	same_as_json_c(o);
	json_object_put(o);
	/* deeper than the writer goes itself: json-c prints the rest */
	deep = json_object_new_int(7);
	for (k = 0; k < 100; k++) {
		a = json_object_new_array();
		json_object_array_add(a, deep);
		deep = a;
	}
	same_as_json_c(deep);
	json_object_put(deep);
	/* every byte in a string, and random trees of strings */
	srandom(12345);
	for (k = 0; k < 300; k++) {
		char	 s[64];
		size_t	 n = (size_t)(random() % (long)sizeof(s)), j;

		for (j = 0; j < n; j++)
			s[j] = (char)(k < 256 && j == 0 ? k : random() % 256);
		o = json_object_new_array();
		json_object_array_add(o, json_object_new_string_len(s, (int)n));
		json_object_array_add(o, json_object_new_int64((int64_t)random() - RAND_MAX / 2));
		same_as_json_c(o);
		json_object_put(o);
	}
}
END_TEST

START_TEST(writer_bounded)
{
	struct json_object *o = json_tokener_parse("{\"k\":\"0123456789\"}");
	struct buf	 b;

	buf_init(&b, 10);
	ck_assert_int_eq(buf_puts(&b, "ab"), 0);
	ck_assert_int_eq(json_write(&b, o), -1);
	ck_assert_str_eq(buf_str(&b), "ab");	/* as it was */
	buf_free(&b);
	json_object_put(o);
}
END_TEST

struct row {
	char		 id[16];
	char		 opt[8];
	const char	*text;
	int64_t		 n;
	int		 milli;
	int64_t		 cursor_us;
};

static const struct json_field row_fields[] = {
	{ "id", JF_CHARS, offsetof(struct row, id), 0 },
	{ "opt", JF_CHARS_OR_NULL, offsetof(struct row, opt), 0 },
	{ "text", JF_TEXT_OR_NULL, offsetof(struct row, text), 0 },
	{ "n", JF_I64, offsetof(struct row, n), 0 },
	{ "ratio", JF_INT_DECIMAL, offsetof(struct row, milli), 3 },
	{ "cents", JF_INT_DECIMAL, offsetof(struct row, milli), 2 },
};
#define NROW_FIELDS	(sizeof(row_fields) / sizeof(row_fields[0]))

/* A list rendered by its fields is byte for byte the json-c list of the same rows. */
START_TEST(fields_match_objects)
{
	struct row	 rows[4];
	struct oz_req	 a, b;
	struct json_object *items;
	size_t		 i, n;

	memset(rows, 0, sizeof(rows));
	snprintf(rows[0].id, sizeof(rows[0].id), "ozz_txn_1");
	snprintf(rows[0].opt, sizeof(rows[0].opt), "food");
	rows[0].text = "caf\xc3\xa9 \"quoted\" \\ / \x01\t";
	rows[0].n = INT64_MIN;
	rows[0].milli = 875;
	snprintf(rows[1].id, sizeof(rows[1].id), "b");
	rows[1].n = INT64_MAX;
	rows[1].milli = -1;
	rows[2].text = "";
	rows[2].milli = 1000;
	rows[3].n = 42;
	for (n = 0; n <= 4; n++) {
		for (i = 0; i < n; i++) {
			struct json_object *o = json_fields_object(&rows[i], row_fields, NROW_FIELDS);
			struct buf	 w;

			buf_init(&w, 1 << 16);
			ck_assert_int_eq(json_fields_write(&w, &rows[i], row_fields, NROW_FIELDS), 0);
			ck_assert_str_eq(buf_str(&w), json_object_to_json_string_ext(o,
			    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
			buf_free(&w);
			json_object_put(o);
		}
		http_req_init(&a);
		http_req_init(&b);
		items = json_object_new_array();
		for (i = 0; i < n; i++)
			json_object_array_add(items, json_fields_object(&rows[i], row_fields,
			    NROW_FIELDS));
		ck_assert_int_eq(json_out_list(&a, items, n == 4, n == 4 ? "cur\"sor" : NULL), 0);
		ck_assert_int_eq(json_out_list_fields(&b, rows, n, sizeof(rows[0]), row_fields,
		    NROW_FIELDS, n == 4, n == 4 ? "cur\"sor" : NULL), 0);
		ck_assert_str_eq(buf_str(&b.resp.body), buf_str(&a.resp.body));
		ck_assert_int_eq(b.resp.status, 200);
		ck_assert_str_eq(http_resp_get_header(&b, "Content-Type"),
		    "application/json; charset=utf-8");
		http_req_free(&a);
		http_req_free(&b);
	}
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
	tcase_add_test(tc, writer_matches_json_c);
	tcase_add_test(tc, writer_bounded);
	tcase_add_test(tc, fields_match_objects);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
