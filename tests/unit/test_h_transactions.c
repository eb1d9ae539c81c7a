/*
 * test_h_transactions.c: what POST /v1/users/{id}/transactions refuses
 * before it reaches a service (and so the database): the batch's details.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "api/h_transactions.h"
#include "api/routes.h"
#include "check_main.h"
#include "core/conf.h"
#include "core/utf8.h"
#include "http/app.h"
#include "http/http.h"

static struct oz_config	 cfg;
static struct oz_app	 app;
static struct oz_req	 req;

static void
setup(void)
{
	char err[256];

	ck_assert_int_eq(config_load(&cfg, NULL, 0, err, sizeof(err)), 0);
	ck_assert_int_eq(app_init(&app, &cfg, "test", oz_routes), 0);
	http_req_init(&req);
}

static void
teardown(void)
{
	http_req_free(&req);
	app_free(&app);
	config_free(&cfg);
}

/*
 * A batch item's unknown field is named "transactions[i].<name>" in full (a
 * name is cut at 64 bytes, between characters): the whole once went through
 * a 64-byte buffer, which cut it inside a character, and the 422 was not
 * UTF-8 (found by tests/fuzz/fuzz_api.c).
 */
START_TEST(batch_detail_names_whole)
{
	char	 name[64], body[256], want[96];
	size_t	 i, seen = 0;

	memset(name, 'a', 46);
	name[46] = '\0';
	snprintf(body, sizeof(body), "{\"transactions\":[{\"amount_cents\":5},"
	    "{\"amount_cents\":5,\"%s\xc3\xa9\xc3\xa9\":1}]}", name);
	req.method = "POST";
	req.params[0] = "ozz_usr_7G1OmzJHXy_46Dh_qGIZVA";
	req.client_id = "ozz_client_drHGDFXKVjX19HmQ4FhdSQ";
	req.json = json_tokener_parse(body);
	ck_assert_ptr_nonnull(req.json);
	ck_assert_int_eq(h_txn_create(&app, &req), -1);
	ck_assert_int_eq(req.err.code, OZ_VALIDATION_ERROR);
	snprintf(want, sizeof(want), "transactions[1].%s\xc3\xa9\xc3\xa9", name);
	for (i = 0; i < req.err.ndetails; i++) {
		ck_assert(utf8_valid(req.err.details[i].field, strlen(req.err.details[i].field)));
		if (strstr(req.err.details[i].field, "aaa") != NULL) {
			ck_assert_str_eq(req.err.details[i].field, want);
			seen++;
		}
	}
	ck_assert_uint_eq(seen, 1);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("h_transactions");
	TCase *tc = tcase_create("validation");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, batch_detail_names_whole);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
