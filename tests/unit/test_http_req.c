/* test_http_req.c: URI splitting, strict percent-decoding, query, headers. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "http/http.h"

START_TEST(path_segments_and_query)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/v1/users/external%3Aabc%2F1/goals?limit=5&cursor=a%2Bb&x=1+2&flag"), 0);
	ck_assert_uint_eq(r.nsegments, 4);
	ck_assert_str_eq(r.segments[0], "v1");
	ck_assert_str_eq(r.segments[2], "external:abc/1");	/* %2F stays in its segment */
	ck_assert_str_eq(r.segments[3], "goals");
	ck_assert_str_eq(http_req_query(&r, "limit", NULL), "5");
	ck_assert_str_eq(http_req_query(&r, "cursor", NULL), "a+b");
	ck_assert_str_eq(http_req_query(&r, "x", NULL), "1 2");
	ck_assert_str_eq(http_req_query(&r, "flag", NULL), "");
	ck_assert_ptr_null(http_req_query(&r, "missing", NULL));
	ck_assert_str_eq(r.query_raw, "limit=5&cursor=a%2Bb&x=1+2&flag");
	http_req_free(&r);
}
END_TEST

START_TEST(root_and_trailing_slash)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/"), 0);
	ck_assert_uint_eq(r.nsegments, 0);
	ck_assert_str_eq(r.path, "/");
	http_req_clear(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/health/"), 0);
	ck_assert_uint_eq(r.nsegments, 1);
	ck_assert_str_eq(r.segments[0], "health");
	http_req_clear(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/a//b"), 0);
	ck_assert_uint_eq(r.nsegments, 3);
	ck_assert_str_eq(r.segments[1], "");
	http_req_free(&r);
}
END_TEST

START_TEST(hostile_uris_refused)
{
	static const char *bad[] = { "/v1/users/a%00b", "/v1/%0a", "/v1/%1f", "/v1/%7F",
	    "/v1/%zz", "/v1/%4", "/v1/abc%", "/v1?x=%00", "/v1?x=a%0d%0aSet-Cookie:1",
	    "relative", "",
	    /* bytes that are not UTF-8, in the path and in the query */
	    "/v1/users/external:%FF", "/v1/users/external:%C3", "/v1/users/%C0%AF",
	    "/v1/users/%ED%A0%80", "/v1/users?external_user_id=%FE%FF", "/v1?x=a%E2%82",
	    "/v1?%C3=1", NULL };
	struct oz_req r;
	int i;

	http_req_init(&r);
	for (i = 0; bad[i]; i++) {
		http_req_clear(&r);
		ck_assert_msg(http_req_set_uri(&r, bad[i]) == -1, "accepted '%s'", bad[i]);
		ck_assert_int_eq(r.err.code, OZ_BAD_REQUEST);
		ck_assert_ptr_nonnull(r.err.message);
	}
	http_req_clear(&r);
	ck_assert_int_eq(http_req_set_uri(&r, NULL), -1);
	http_req_free(&r);
}
END_TEST

START_TEST(utf8_in_path_is_kept)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/v1/users/external%3Ajo%C3%A3o"), 0);
	ck_assert_str_eq(r.segments[2], "external:jo\xc3\xa3o");
	http_req_free(&r);
}
END_TEST

START_TEST(limits)
{
	struct oz_req r;
	char uri[OZ_MAX_URI_LEN + 64];
	struct buf b;
	size_t i;

	http_req_init(&r);
	uri[0] = '/';
	for (i = 1; i < sizeof(uri) - 1; i++)
		uri[i] = 'a';
	uri[i] = '\0';
	ck_assert_int_eq(http_req_set_uri(&r, uri), -1);
	ck_assert_int_eq(r.err.code, OZ_URI_TOO_LONG);
	ck_assert_int_eq(oz_code_status(r.err.code), 414);
	http_req_clear(&r);
	buf_init(&b, sizeof(uri));
	buf_puts(&b, "/x?");
	for (i = 0; i < OZ_MAX_QUERY_PARAMS + 1; i++)
		buf_puts(&b, "a=1&");
	ck_assert_int_eq(http_req_set_uri(&r, buf_str(&b)), -1);
	ck_assert_int_eq(r.err.code, OZ_BAD_REQUEST);
	http_req_clear(&r);
	buf_reset(&b);
	for (i = 0; i < OZ_MAX_PATH_SEGMENTS + 1; i++)
		buf_puts(&b, "/s");
	ck_assert_int_eq(http_req_set_uri(&r, buf_str(&b)), -1);
	buf_free(&b);
	ck_assert_int_eq(r.err.code, OZ_NOT_FOUND);
	http_req_free(&r);
}
END_TEST

START_TEST(headers)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_IDEMPOTENCY_KEY", "k1"), 0);
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_X_OZZIE_CLIENT_ID", "c"), 0);
	ck_assert_int_eq(http_req_add_cgi_header(&r, "CONTENT_TYPE", "ignored"), 0);
	ck_assert_str_eq(http_req_header(&r, "idempotency-key"), "k1");
	ck_assert_str_eq(http_req_header(&r, "x-ozzie-client-id"), "c");
	ck_assert_ptr_null(http_req_header(&r, "content-type"));
	/* a header value that is not UTF-8 is a 400 */
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_IDEMPOTENCY_KEY", "k\xff"), -1);
	ck_assert_int_eq(r.err.code, OZ_BAD_REQUEST);
	http_req_free(&r);
}
END_TEST

/* nginx's HTTP/1.1 limits, whatever nginx let through: 431. */
START_TEST(header_limits)
{
	struct oz_req r;
	char	 big[OZ_MAX_HEADER_LEN + 16], name[32];
	size_t	 i;

	http_req_init(&r);
	/* a line of exactly 8k ("x-big: " + value) passes; one byte more does not */
	memset(big, 'b', sizeof(big));
	big[OZ_MAX_HEADER_LEN - strlen("X_BIG") - 2] = '\0';
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_X_BIG", big), 0);
	http_req_clear(&r);
	memset(big, 'b', sizeof(big));
	big[OZ_MAX_HEADER_LEN - strlen("X_BIG") - 1] = '\0';
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_X_BIG", big), -1);
	ck_assert_int_eq(r.err.code, OZ_HEADERS_TOO_LARGE);
	ck_assert_int_eq(oz_code_status(r.err.code), 431);
	http_req_clear(&r);
	/* 4 lines of 8k fit; a fifth is over the total */
	memset(big, 'b', sizeof(big));
	big[OZ_MAX_HEADER_LEN - 4 - 2] = '\0';
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof(name), "HTTP_X_%zu", i);
		ck_assert_int_eq(http_req_add_cgi_header(&r, name, big), 0);
	}
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_X_5", "b"), -1);
	ck_assert_int_eq(r.err.code, OZ_HEADERS_TOO_LARGE);
	http_req_clear(&r);
	/* too many headers */
	for (i = 0; i < OZ_MAX_HEADERS; i++) {
		snprintf(name, sizeof(name), "HTTP_X_%zu", i);
		ck_assert_int_eq(http_req_add_cgi_header(&r, name, "v"), 0);
	}
	ck_assert_int_eq(http_req_add_cgi_header(&r, "HTTP_X_LAST", "v"), -1);
	ck_assert_int_eq(r.err.code, OZ_HEADERS_TOO_LARGE);
	http_req_free(&r);
}
END_TEST

/* Logs name users by id, never by the platform's external id. */
START_TEST(log_path_without_external_ids)
{
	struct oz_req r;
	char	 out[128];

	http_req_init(&r);
	http_req_log_path(&r, NULL, out, sizeof(out));
	ck_assert_str_eq(out, "-");		/* no URI taken */
	ck_assert_int_eq(http_req_set_uri(&r,
	    "/v1/users/external:joao%40example.com/transactions?q=%2B5511987654321"), 0);
	http_req_log_path(&r, NULL, out, sizeof(out));
	ck_assert_str_eq(out, "/v1/users/external:*/transactions");
	http_req_log_path(&r, "ozz_usr_AAAAAAAAAAAAAAAAAAAAAA", out, sizeof(out));
	ck_assert_str_eq(out, "/v1/users/ozz_usr_AAAAAAAAAAAAAAAAAAAAAA/transactions");
	http_req_log_path(&r, "", out, 12);
	ck_assert_str_eq(out, "/v1/users/e");
	http_req_clear(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/"), 0);
	http_req_log_path(&r, NULL, out, sizeof(out));
	ck_assert_str_eq(out, "/");
	http_req_clear(&r);
	ck_assert_int_eq(http_req_set_uri(&r, "/v1/users/ozz_usr_x"), 0);
	http_req_log_path(&r, NULL, out, sizeof(out));
	ck_assert_str_eq(out, "/v1/users/ozz_usr_x");
	http_req_free(&r);
}
END_TEST

START_TEST(errors_and_response_headers)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_int_eq(oz_fail(&r, OZ_VALIDATION_ERROR, "first"), -1);
	oz_fail(&r, OZ_INTERNAL_ERROR, "second");
	ck_assert_int_eq(r.err.code, OZ_VALIDATION_ERROR);
	ck_assert_str_eq(r.err.message, "first");
	oz_fail_detail(&r, "name", "is too long");
	ck_assert_uint_eq(r.err.ndetails, 1);
	ck_assert_int_eq(http_resp_header(&r, "X-A", "1"), 0);
	ck_assert_str_eq(http_resp_get_header(&r, "x-a"), "1");
	http_req_clear(&r);
	/* clear forgets everything the request held */
	ck_assert_int_eq(r.err.code, OZ_OK);
	ck_assert_uint_eq(r.resp.nheaders, 0);
	ck_assert_int_eq(r.content_length, -1);
	http_req_free(&r);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("http_req");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, path_segments_and_query);
	tcase_add_test(tc, root_and_trailing_slash);
	tcase_add_test(tc, hostile_uris_refused);
	tcase_add_test(tc, utf8_in_path_is_kept);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, headers);
	tcase_add_test(tc, header_limits);
	tcase_add_test(tc, log_path_without_external_ids);
	tcase_add_test(tc, errors_and_response_headers);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
