/* test_validate.c: field checks, currencies. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/currency.h"
#include "core/utf8.h"
#include "http/http.h"
#include "http/validate.h"

START_TEST(shapes)
{
	ck_assert(v_is_email("ana@example.com"));
	ck_assert(v_is_email("a.b+tag@sub.example.com.br"));
	ck_assert(!v_is_email("ana"));
	ck_assert(!v_is_email("ana@"));
	ck_assert(!v_is_email("@example.com"));
	ck_assert(!v_is_email("a@b"));
	ck_assert(!v_is_email("a b@example.com"));
	ck_assert(!v_is_email("a@@example.com"));
	ck_assert(!v_is_email("a..b@example.com"));
	ck_assert(v_is_e164("+5511987654321"));
	ck_assert(v_is_e164("+14155550100"));
	ck_assert(!v_is_e164("5511987654321"));
	ck_assert(!v_is_e164("+0551198765432"));
	ck_assert(!v_is_e164("+1234567890123456"));
	ck_assert(!v_is_e164("+123456"));
	ck_assert(!v_is_e164("+1 415 555 0100"));
	ck_assert(v_is_language("pt"));
	ck_assert(!v_is_language("PT"));
	ck_assert(!v_is_language("fr"));
	ck_assert_uint_eq(utf8_chars("Jo\xc3\xa3o \xf0\x9f\x98\x80"), 6);
	ck_assert(utf8_printable("Jo\xc3\xa3o"));
	ck_assert(!utf8_printable("a\tb"));
	ck_assert(!utf8_printable("a\xc2\x85" "b"));	/* NEL, a C1 control */
}
END_TEST

START_TEST(currencies)
{
	ck_assert(currency_valid("USD"));
	ck_assert(currency_valid("BRL"));
	ck_assert(currency_valid("EUR"));
	ck_assert(currency_valid("MXN"));
	ck_assert(!currency_valid("usd"));
	ck_assert(!currency_valid("XXY"));
	ck_assert(!currency_valid("US"));
	ck_assert(!currency_valid(""));
	ck_assert_int_eq(currency_minor_units("JPY"), 0);
	ck_assert_int_eq(currency_minor_units("KWD"), 3);
	ck_assert_int_eq(currency_minor_units("BRL"), 2);
}
END_TEST

START_TEST(fields_and_details)
{
	static const char *const allowed[] = { "name", "email", NULL };
	struct oz_req r;
	const char *out;
	int is_null;

	http_req_init(&r);
	r.json = json_tokener_parse("{\"name\":\"Ana\",\"email\":null,\"extra\":1,\"n\":5}");
	ck_assert_int_eq(v_known_fields(&r, r.json, allowed), -1);
	ck_assert_uint_eq(r.err.ndetails, 2);
	ck_assert_int_eq(v_string(&r, r.json, "name", 1, 10, &out, &is_null), 1);
	ck_assert_str_eq(out, "Ana");
	ck_assert_int_eq(v_string(&r, r.json, "email", 1, 10, &out, &is_null), 0);
	ck_assert(is_null);
	ck_assert_int_eq(v_string(&r, r.json, "absent", 1, 10, &out, &is_null), 0);
	ck_assert(!is_null);
	ck_assert_int_eq(v_string(&r, r.json, "n", 1, 10, &out, &is_null), -1);
	ck_assert_int_eq(v_string(&r, r.json, "name", 4, 10, &out, &is_null), -1);
	ck_assert_int_eq(v_done(&r), -1);
	ck_assert_int_eq(r.err.code, OZ_VALIDATION_ERROR);
	http_req_free(&r);

	http_req_init(&r);
	r.json = json_tokener_parse("{\"name\":\"a\\u0000b\"}");
	ck_assert_int_eq(v_string(&r, r.json, "name", 1, 10, &out, &is_null), -1);
	ck_assert_int_eq(v_done(&r), -1);
	http_req_free(&r);
}
END_TEST

/*
 * An unknown field's name is cut to 64 bytes in the answer between two
 * characters: cut inside one, the answer was not UTF-8 (found with
 * tests/fuzz/fuzz_api.c's check that every answer is strict UTF-8 JSON).
 */
START_TEST(unknown_field_cut_whole)
{
	static const char *const allowed[] = { "name", NULL };
	char		 body[160], want[64];
	struct oz_req	 r;

	memset(want, 'a', 63);
	want[63] = '\0';
	snprintf(body, sizeof(body), "{\"%s\xc3\xa9tc\":1}", want);
	http_req_init(&r);
	r.json = json_tokener_parse(body);
	ck_assert_ptr_nonnull(r.json);
	ck_assert_int_eq(v_known_fields(&r, r.json, allowed), -1);
	ck_assert_uint_eq(r.err.ndetails, 1);
	ck_assert_str_eq(r.err.details[0].field, want);
	ck_assert(utf8_valid(r.err.details[0].field, strlen(r.err.details[0].field)));
	http_req_free(&r);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, shapes);
	tcase_add_test(tc, currencies);
	tcase_add_test(tc, fields_and_details);
	tcase_add_test(tc, unknown_field_cut_whole);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
