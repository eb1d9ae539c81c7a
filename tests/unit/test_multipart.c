/* test_multipart.c: the strict multipart/form-data reader documents come through. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "core/pool.h"
#include "http/multipart.h"

#define CT "multipart/form-data; boundary=XyZ"

static struct pool pool;
static struct mp_part parts[MP_MAX_PARTS];
static size_t nparts;
static char err[160];

static int
parse(const char *ct, const char *body, size_t len)
{
	pool_reset(&pool);
	return multipart_parse(ct, (const unsigned char *)body, len, &pool, parts, &nparts,
	    err, sizeof(err));
}

static int
parse_s(const char *ct, const char *body)
{
	return parse(ct, body, strlen(body));
}

static void
setup(void)
{
	pool_init(&pool);
}

static void
teardown(void)
{
	pool_free(&pool);
}

START_TEST(curl_form_read)
{
	/* what curl -F 'file=@a.csv;type=text/csv' -F type=spreadsheet sends */
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"a b.csv\"\r\n"
	    "Content-Type: text/csv\r\n"
	    "\r\n"
	    "Date,Amount\r\n2026-01-02,-4.50\r\n"
	    "\r\n--XyZ\r\n"
	    "Content-Disposition: form-data; name=type\r\n"
	    "\r\n"
	    "spreadsheet"
	    "\r\n--XyZ--\r\n";

	ck_assert_msg(parse_s(CT, body) == 0, "%s", err);
	ck_assert_uint_eq(nparts, 2);
	ck_assert_str_eq(parts[0].name, "file");
	ck_assert_str_eq(parts[0].filename, "a b.csv");
	ck_assert_str_eq(parts[0].content_type, "text/csv");
	ck_assert_uint_eq(parts[0].len, strlen("Date,Amount\r\n2026-01-02,-4.50\r\n"));
	ck_assert(memcmp(parts[0].data, "Date,Amount\r\n", 13) == 0);
	ck_assert_str_eq(parts[1].name, "type");
	ck_assert_ptr_null(parts[1].filename);
	ck_assert_uint_eq(parts[1].len, 11);
}
END_TEST

START_TEST(binary_data_with_nul_and_boundary_lookalikes)
{
	char body[256];
	size_t n = 0;
	static const char head[] = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n";
	static const char data[] = "\x89PNG\0\r\n--XyY\r\n--XyZa";	/* not the delimiter */
	static const char tail[] = "\r\n--XyZ--";

	memcpy(body + n, head, sizeof(head) - 1);
	n += sizeof(head) - 1;
	memcpy(body + n, data, sizeof(data) - 1);
	n += sizeof(data) - 1;
	memcpy(body + n, tail, sizeof(tail) - 1);
	n += sizeof(tail) - 1;
	/* "\r\n--XyZa" is a delimiter followed by junk: refused, not silently split */
	ck_assert_int_eq(parse(CT, body, n), -1);
	/* without it, the data comes back byte for byte */
	n = 0;
	memcpy(body + n, head, sizeof(head) - 1);
	n += sizeof(head) - 1;
	memcpy(body + n, data, 15);
	n += 15;
	memcpy(body + n, tail, sizeof(tail) - 1);
	n += sizeof(tail) - 1;
	ck_assert_msg(parse(CT, body, n) == 0, "%s", err);
	ck_assert_uint_eq(parts[0].len, 15);
	ck_assert(memcmp(parts[0].data, data, 15) == 0);
}
END_TEST

START_TEST(boundary_forms)
{
	static const char body[] = "--a'b c\r\nContent-Disposition: form-data; name=\"file\""
	    "\r\n\r\nx\r\n--a'b c--";

	ck_assert_msg(parse_s("multipart/form-data; boundary=\"a'b c\"", body) == 0, "%s", err);
	ck_assert_msg(parse_s("Multipart/Form-Data;charset=utf-8;  BOUNDARY=\"a'b c\"", body) == 0,
	    "%s", err);
	ck_assert_int_eq(parse_s("multipart/form-data", body), -1);
	ck_assert_int_eq(parse_s("multipart/form-data; boundary=", body), -1);
	ck_assert_int_eq(parse_s("multipart/form-data; boundary=\"abc", body), -1);
	ck_assert_int_eq(parse_s("multipart/mixed; boundary=XyZ", body), -1);
	ck_assert_int_eq(parse_s("multipart/form-data; boundary=\"0123456789012345678901234567"
	    "89012345678901234567890123456789012345678901\"", body), -1);	/* 71 */
	ck_assert_int_eq(parse(NULL, body, strlen(body)), -1);
}
END_TEST

START_TEST(broken_bodies_refused)
{
	const char *const bad[] = {
		"",
		"--XyZ",						/* no CRLF, no close */
		"preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx",	/* never closed */
		"--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--Xy",
		"--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XyZ--",	/* no name */
		"--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=a\n\nx\r\n--XyZ--",	/* bare LF */
		"--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=a\r\nContent-Transfer-Encoding: "
		    "base64\r\n\r\neA==\r\n--XyZ--",
		"--XyZ\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n\r\nx\r\n--XyZ--",
		"--XyZ\r\nNoColon\r\n\r\nx\r\n--XyZ--",
		"--XyZ--",						/* no part */
		"--XyZ   \r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ--",
		NULL
	};
	size_t i;

	for (i = 0; bad[i]; i++) {
		ck_assert_msg(parse_s(CT, bad[i]) == -1, "accepted #%zu", i);
		ck_assert_msg(err[0] != '\0', "no message for #%zu", i);
	}
}
END_TEST

START_TEST(limits_hold)
{
	char *body = malloc(64 * 1024);
	size_t n = 0, i;

	ck_assert_ptr_nonnull(body);
	/* one part more than the limit */
	for (i = 0; i <= MP_MAX_PARTS; i++)
		n += (size_t)snprintf(body + n, 64 * 1024 - n, "--XyZ\r\nContent-Disposition: "
		    "form-data; name=p%zu\r\n\r\nx\r\n", i);
	n += (size_t)snprintf(body + n, 64 * 1024 - n, "--XyZ--");
	ck_assert_int_eq(parse(CT, body, n), -1);
	ck_assert(strstr(err, "parts") != NULL);
	/* headers longer than the limit, though they end */
	n = (size_t)snprintf(body, 64 * 1024, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	    "X-Pad: ");
	memset(body + n, 'a', MP_MAX_HEADERS_LEN);
	n += MP_MAX_HEADERS_LEN;
	n += (size_t)snprintf(body + n, 64 * 1024 - n, "\r\n\r\nx\r\n--XyZ--");
	ck_assert_int_eq(parse(CT, body, n), -1);
	ck_assert(strstr(err, "longer") != NULL);
	free(body);
}
END_TEST

START_TEST(raw_body_file_name)
{
	ck_assert_str_eq(multipart_disposition_filename("attachment; filename=\"a b.csv\"", &pool),
	    "a b.csv");
	ck_assert_str_eq(multipart_disposition_filename("inline;filename=x.pdf", &pool), "x.pdf");
	ck_assert_ptr_null(multipart_disposition_filename("attachment", &pool));
	ck_assert_ptr_null(multipart_disposition_filename("attachment; filename=\"open", &pool));
	ck_assert_ptr_null(multipart_disposition_filename("bogus; filename=x", &pool));
	ck_assert_ptr_null(multipart_disposition_filename(NULL, &pool));
}
END_TEST

START_TEST(form_type_told)
{
	ck_assert(multipart_is_form("multipart/form-data; boundary=a"));
	ck_assert(multipart_is_form("MULTIPART/FORM-DATA"));
	ck_assert(!multipart_is_form("multipart/form-datax"));
	ck_assert(!multipart_is_form("application/json"));
	ck_assert(!multipart_is_form(NULL));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("multipart");
	TCase *tc = tcase_create("http");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, curl_form_read);
	tcase_add_test(tc, binary_data_with_nul_and_boundary_lookalikes);
	tcase_add_test(tc, boundary_forms);
	tcase_add_test(tc, broken_bodies_refused);
	tcase_add_test(tc, limits_hold);
	tcase_add_test(tc, raw_body_file_name);
	tcase_add_test(tc, form_type_told);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
