/* test_router.c: table routing, captures, 404 and 405 with Allow. */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "http/http.h"
#include "http/router.h"

static int h_a(struct oz_app *a, struct oz_req *r) { (void)a; (void)r; return 0; }
static int h_b(struct oz_app *a, struct oz_req *r) { (void)a; (void)r; return 0; }
static int h_c(struct oz_app *a, struct oz_req *r) { (void)a; (void)r; return 0; }

static const struct oz_route table[] = {
	{ "GET",	"/health",				h_a, ROUTE_PUBLIC },
	{ "POST",	"/v1/users",				h_b, ROUTE_JSON },
	{ "GET",	"/v1/users",				h_a, 0 },
	{ "GET",	"/v1/users/{user_id}",			h_c, 0 },
	{ "DELETE",	"/v1/users/{user_id}",			h_b, 0 },
	{ "PATCH",	"/v1/users/{user_id}/goals/{goal_id}",	h_c, ROUTE_JSON },
	{ NULL, NULL, NULL, 0 }
};

static const struct oz_route *
route(struct oz_req *r, const char *method, const char *uri)
{
	http_req_clear(r);
	r->method = method;
	ck_assert_int_eq(http_req_set_uri(r, uri), 0);
	return router_match(table, r);
}

START_TEST(matches_and_captures)
{
	struct oz_req r;
	const struct oz_route *rt;

	http_req_init(&r);
	rt = route(&r, "GET", "/health");
	ck_assert_ptr_eq(rt, &table[0]);
	/* a route without captures has none: no pointer is left undefined */
	for (size_t i = 0; i < OZ_MAX_ROUTE_PARAMS; i++)
		ck_assert_ptr_null(r.params[i]);
	rt = route(&r, "GET", "/v1/users/ozz_usr_1");
	ck_assert_ptr_eq(rt, &table[3]);
	ck_assert_str_eq(r.params[0], "ozz_usr_1");
	rt = route(&r, "PATCH", "/v1/users/external%3Ax/goals/g1");
	ck_assert_ptr_eq(rt, &table[5]);
	ck_assert_str_eq(r.params[0], "external:x");
	ck_assert_str_eq(r.params[1], "g1");
	/* HEAD is served by GET routes. */
	rt = route(&r, "HEAD", "/health");
	ck_assert_ptr_eq(rt, &table[0]);
	http_req_free(&r);
}
END_TEST

START_TEST(not_found)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_ptr_null(route(&r, "GET", "/nope"));
	ck_assert_int_eq(r.err.code, OZ_NOT_FOUND);
	ck_assert_ptr_null(route(&r, "GET", "/v1/users/x/y"));
	ck_assert_int_eq(r.err.code, OZ_NOT_FOUND);
	/* An empty capture does not match. */
	ck_assert_ptr_null(route(&r, "GET", "/v1/users//goals/g"));
	ck_assert_int_eq(r.err.code, OZ_NOT_FOUND);
	ck_assert_ptr_null(route(&r, "GET", "/health/extra"));
	http_req_free(&r);
}
END_TEST

START_TEST(method_not_allowed_lists_allow)
{
	struct oz_req r;

	http_req_init(&r);
	ck_assert_ptr_null(route(&r, "POST", "/health"));
	ck_assert_int_eq(r.err.code, OZ_METHOD_NOT_ALLOWED);
	ck_assert_str_eq(r.err.allow, "GET, HEAD");
	ck_assert_ptr_null(route(&r, "PUT", "/v1/users/u1"));
	ck_assert_str_eq(r.err.allow, "GET, HEAD, DELETE");
	ck_assert_ptr_null(route(&r, "DELETE", "/v1/users"));
	ck_assert_str_eq(r.err.allow, "POST, GET, HEAD");
	http_req_free(&r);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("router");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, matches_and_captures);
	tcase_add_test(tc, not_found);
	tcase_add_test(tc, method_not_allowed_lists_allow);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
