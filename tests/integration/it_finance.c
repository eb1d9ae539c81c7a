/*
 * it_finance.c: financial intakes and goals over HTTP: exact money, stage
 * transitions, validation that stores nothing, and cascade on user delete.
 */
#include "config.h"

#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

static struct it_client fin;

static void
setup_client(void)
{
	static int done;

	if (!done) {
		it_client_create("finance", 0, &fin);
		done = 1;
	}
}

static void
call(const char *method, const char *path, const char *body, struct http_result *r)
{
	it_call(&fin, method, path, body, r);
}

/* The raw JSON text of data.field, as sent on the wire (numbers exactly). */
static const char *
raw(const struct http_result *r, const char *field)
{
	static char out[128];
	char	 key[80];
	const char *p, *e;

	snprintf(key, sizeof(key), "\"%s\":", field);
	if ((p = strstr(r->body, key)) == NULL)
		return "";
	p += strlen(key);
	e = p + strcspn(p, ",}");
	snprintf(out, sizeof(out), "%.*s", (int)(e - p), p);
	return out;
}

START_TEST(intake_is_exact_and_moves_the_stage)
{
	struct http_result r;
	char u[160], p[256];

	setup_client();
	it_user_path(u, sizeof(u), "intake");
	call("GET", u, NULL, &r);
	ck_assert_str_eq(raw(&r, "onboarding_stage"), "\"intake_pending\"");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);

	call("POST", p, "{\"month\":\"2026-10\",\"monthly_income\":5000.10,\"monthly_expenses\":3200.05,"
	    "\"financial_goal\":\"debt\",\"next_pay_date\":\"2026-12-05\",\"savings_balance\":0.1,"
	    "\"debt_balance\":12000,\"debt_interest_rate\":19.9}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(raw(&r, "monthly_income"), "5000.10");
	ck_assert_str_eq(raw(&r, "monthly_expenses"), "3200.05");
	ck_assert_str_eq(raw(&r, "monthly_surplus"), "1800.05");
	ck_assert_str_eq(raw(&r, "financial_goal"), "\"debt_payoff\"");
	ck_assert_str_eq(raw(&r, "savings_balance"), "0.10");
	ck_assert_str_eq(raw(&r, "debt_interest_rate"), "19.90");
	ck_assert_str_eq(raw(&r, "month"), "\"2026-10\"");
	http_result_free(&r);
	call("GET", u, NULL, &r);
	ck_assert_str_eq(raw(&r, "onboarding_stage"), "\"plan_pending\"");
	http_result_free(&r);

	/* A second snapshot; month defaults to the current one; latest wins. */
	call("POST", p, "{\"monthly_income\":6000,\"monthly_expenses\":7000}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(raw(&r, "monthly_surplus"), "-1000.00");
	ck_assert_int_eq(strlen(raw(&r, "month")), 9);
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(raw(&r, "monthly_income"), "6000.00");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake/history?limit=1", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 1);
	ck_assert(json_object_get_boolean(json_object_object_get(
	    json_object_object_get(r.json, "pagination"), "has_more")));
	http_result_free(&r);
}
END_TEST

START_TEST(intake_bad_input_stores_nothing)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":-1,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":\"100\",\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1.234,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1000000000000.01,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1e3,\"monthly_expenses\":1}", "monthly_income" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"month\":\"2026-13\"}", "month" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"next_pay_date\":\"2026-02-30\"}", "next_pay_date" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"financial_goal\":\"yacht\"}", "financial_goal" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"debt_interest_rate\":1001}", "debt_interest_rate" },
		{ "{\"monthly_income\":1,\"monthly_expenses\":1,\"bonus\":1}", "bonus" },
	};
	struct http_result r;
	char u[160], p[256];
	size_t i;

	setup_client();
	it_user_path(u, sizeof(u), "badintake");
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		call("POST", p, bad[i].body, &r);
		ck_assert_msg(r.status == 422, "%s: %ld %s", bad[i].body, r.status, r.body);
		ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
		ck_assert_msg(strstr(r.body, bad[i].field) != NULL, "%s: %s", bad[i].body, r.body);
		http_result_free(&r);
	}
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	call("GET", u, NULL, &r);
	ck_assert_str_eq(raw(&r, "onboarding_stage"), "\"intake_pending\"");
	http_result_free(&r);
}
END_TEST

START_TEST(goals_primary_cadence_and_achievement)
{
	struct http_result r;
	char u[160], p[256], g1[64], g2[64];

	setup_client();
	it_user_path(u, sizeof(u), "goals");
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"goal_name\":\"Emergency fund\","
	    "\"target_amount\":1000,\"starting_amount\":100,\"cadence\":\"weekly\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(g1, sizeof(g1), "%.*s", 31, raw(&r, "id") + 1);
	ck_assert_str_eq(raw(&r, "is_primary"), "true");
	ck_assert_str_eq(raw(&r, "current_amount"), "100.00");
	ck_assert_str_eq(raw(&r, "status"), "\"active\"");
	ck_assert_int_eq(strlen(raw(&r, "next_move_date")), 12);
	http_result_free(&r);

	/* A second goal is not primary unless asked; asking demotes the first. */
	call("POST", p, "{\"goal_type\":\"debt\",\"target_amount\":5000}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(raw(&r, "is_primary"), "false");
	ck_assert_str_eq(raw(&r, "goal_type"), "\"debt_payoff\"");
	snprintf(g2, sizeof(g2), "%.*s", 31, raw(&r, "id") + 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s", u, g2);
	call("PATCH", p, "{\"is_primary\":true,\"cadence\":\"monthly\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "is_primary"), "true");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s", u, g1);
	call("GET", p, NULL, &r);
	ck_assert_str_eq(raw(&r, "is_primary"), "false");
	http_result_free(&r);

	/* Reaching the target achieves the goal. */
	call("PATCH", p, "{\"current_amount\":1000.00}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(raw(&r, "status"), "\"achieved\"");
	http_result_free(&r);
	/* Raising the target above it makes it active again. */
	call("PATCH", p, "{\"target_amount\":2000}", &r);
	ck_assert_str_eq(raw(&r, "status"), "\"active\"");
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"achieved\"}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"archived\",\"is_primary\":true}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	call("PATCH", p, "{\"status\":\"archived\"}", &r);
	ck_assert_str_eq(raw(&r, "status"), "\"archived\"");
	ck_assert_str_eq(raw(&r, "is_primary"), "false");
	http_result_free(&r);
	/* Amounts that contradict the status are a 422, not a failure. */
	call("PATCH", p, "{\"current_amount\":5000}", &r);
	ck_assert_msg(r.status == 422, "%ld %s", r.status, r.body);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	http_result_free(&r);
	/* A goal created already reached is achieved and does not take the primary slot. */
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"target_amount\":100,\"current_amount\":150}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(raw(&r, "status"), "\"achieved\"");
	ck_assert_str_eq(raw(&r, "is_primary"), "false");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s", u, g1);

	snprintf(p, sizeof(p), "%s/goals?status=archived", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals?status=lost", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/goals/%s", u, g1);
	call("DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/nope", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
}
END_TEST

START_TEST(goal_bad_input)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"target_amount\":10}", "goal_type" },
		{ "{\"goal_type\":\"savings\"}", "target_amount" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":0}", "target_amount" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10.001}", "target_amount" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10,\"cadence\":\"daily\"}", "cadence" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10,\"target_date\":\"2027-02-29\"}", "target_date" },
		{ "{\"goal_type\":\"savings\",\"target_amount\":10,\"is_primary\":\"yes\"}", "is_primary" },
		{ "{\"goal_type\":\"car\",\"target_amount\":10}", "goal_type" },
	};
	struct http_result r;
	char u[160], p[256];
	size_t i;

	setup_client();
	it_user_path(u, sizeof(u), "badgoals");
	snprintf(p, sizeof(p), "%s/goals", u);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		call("POST", p, bad[i].body, &r);
		ck_assert_msg(r.status == 422, "%s: %ld %s", bad[i].body, r.status, r.body);
		ck_assert_msg(strstr(r.body, bad[i].field) != NULL, "%s: %s", bad[i].body, r.body);
		http_result_free(&r);
	}
	call("GET", p, NULL, &r);
	ck_assert_int_eq(json_object_array_length(json_object_object_get(r.json, "data")), 0);
	http_result_free(&r);
}
END_TEST

START_TEST(deleting_a_user_removes_their_data)
{
	struct http_result r;
	char u[160], p[256], id[64], out[4096];

	setup_client();
	it_user_path(u, sizeof(u), "cascade");
	call("GET", u, NULL, &r);
	snprintf(id, sizeof(id), "%.*s", 30, raw(&r, "id") + 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":1,\"monthly_expenses\":1}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"target_amount\":10}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":10,\"description\":\"coffee\"}", &r);
	ck_assert_int_eq(r.status, 201);
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/users/%s", id);
	call("DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	http_result_free(&r);
	ck_assert_int_eq(it_sql("SELECT (SELECT count(*) FROM financial_intakes WHERE user_id = :'a')"
	    " + (SELECT count(*) FROM goals WHERE user_id = :'a')"
	    " + (SELECT count(*) FROM transactions WHERE user_id = :'a');", id, NULL, out,
	    sizeof(out)), 0);
	ck_assert_msg(strncmp(out, "0", 1) == 0, "rows left: %s", out);
}
END_TEST

/* data[i].field of a list response, as a string. */
static const char *
item(const struct http_result *r, size_t i, const char *field)
{
	struct json_object *d = json_object_object_get(r->json, "data"), *v;

	if (d == NULL || i >= json_object_array_length(d) ||
	    !json_object_object_get_ex(json_object_array_get_idx(d, i), field, &v) || v == NULL)
		return "";
	return json_object_get_string(v);
}

static size_t
count(const struct http_result *r)
{
	struct json_object *d = json_object_object_get(r->json, "data");

	return d ? json_object_array_length(d) : 0;
}

START_TEST(transactions_from_json_and_batches)
{
	struct http_result r;
	char u[160], p[256], one[300], id[64];
	struct buf b;
	int i;

	setup_client();
	it_user_path(u, sizeof(u), "txn");
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":4590,\"currency\":\"BRL\",\"description\":"
	    "\"PAG*IFOOD SAO PAULO\",\"transaction_date\":\"2026-11-20\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_uint_eq(count(&r), 1);
	ck_assert_str_eq(item(&r, 0, "amount_cents"), "4590");
	ck_assert_str_eq(item(&r, 0, "currency"), "BRL");
	ck_assert_str_eq(item(&r, 0, "category"), "food");
	ck_assert_str_eq(item(&r, 0, "categorized_by"), "rules");
	ck_assert_str_eq(item(&r, 0, "source"), "api_json");
	ck_assert_str_eq(item(&r, 0, "transaction_date"), "2026-11-20");
	snprintf(id, sizeof(id), "%s", item(&r, 0, "id"));
	http_result_free(&r);

	/* A category given by the client is kept as the user's. */
	call("POST", p, "{\"amount_cents\":100,\"description\":\"gift\",\"category\":\"entertainment\"}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(item(&r, 0, "category"), "entertainment");
	ck_assert_str_eq(item(&r, 0, "categorized_by"), "user");
	ck_assert_str_eq(item(&r, 0, "currency"), "USD");	/* the user's */
	http_result_free(&r);

	/* A batch of 500 is accepted whole. */
	buf_init(&b, 1 << 20);
	buf_puts(&b, "{\"transactions\":[");
	for (i = 0; i < 500; i++) {
		snprintf(one, sizeof(one), "%s{\"amount_cents\":%d,\"description\":\"Uber trip %d\"}",
		    i ? "," : "", i + 1, i);
		buf_puts(&b, one);
	}
	buf_puts(&b, "]}");
	call("POST", p, buf_str(&b), &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_uint_eq(count(&r), 500);
	ck_assert_str_eq(item(&r, 499, "category"), "transport");
	http_result_free(&r);

	/* One bad item rejects the batch, naming each bad item by index. */
	buf_reset(&b);
	buf_puts(&b, "{\"transactions\":[{\"amount_cents\":1,\"description\":\"ok\"},"
	    "{\"amount_cents\":-5},{\"amount_cents\":1,\"currency\":\"XYZ\"},"
	    "{\"amount_cents\":1,\"transaction_date\":\"2026-02-30\"}]}");
	call("POST", p, buf_str(&b), &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "transactions[1].amount_cents"));
	ck_assert_ptr_nonnull(strstr(r.body, "transactions[2].currency"));
	ck_assert_ptr_nonnull(strstr(r.body, "transactions[3].transaction_date"));
	http_result_free(&r);
	/* 501 items: refused. */
	buf_reset(&b);
	buf_puts(&b, "{\"transactions\":[");
	for (i = 0; i < 501; i++)
		buf_puts(&b, i ? ",{\"amount_cents\":1}" : "{\"amount_cents\":1}");
	buf_puts(&b, "]}");
	call("POST", p, buf_str(&b), &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"transactions\""));
	http_result_free(&r);
	buf_free(&b);

	snprintf(p, sizeof(p), "%s/transactions?limit=50", u);
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 50);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?category=food&from=2026-11-01&to=2026-11-30", u);
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 1);
	ck_assert_str_eq(item(&r, 0, "id"), id);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?source=api_text", u);
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 0);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?category=yachts", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	/* a filter is not pagination: the message says which kind of parameter */
	ck_assert_ptr_nonnull(strstr(r.body, "\"message\":\"invalid query parameters\""));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?limit=0&cursor=x", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"message\":\"invalid pagination parameters\""));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?from=2026-13-01", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
}
END_TEST

START_TEST(transaction_bad_input_stores_nothing)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"amount_cents\":-100}", "amount_cents" },
		{ "{\"amount_cents\":0}", "amount_cents" },
		{ "{\"amount_cents\":\"12\"}", "amount_cents" },
		{ "{\"amount_cents\":12.5}", "amount_cents" },
		{ "{\"amount_cents\":100000000000001}", "amount_cents" },
		{ "{\"amount_cents\":1,\"currency\":\"ABC\"}", "currency" },
		{ "{\"amount_cents\":1,\"category\":\"yachts\"}", "category" },
		{ "{\"amount_cents\":1,\"transaction_date\":\"2026-02-30\"}", "transaction_date" },
		{ "{\"amount_cents\":1,\"description\":\"1234567890123456789012345678901234567890123456789012345678901\"}", "description" },
		{ "{\"description\":\"no amount\"}", "amount_cents" },
		{ "{\"type\":\"fax\",\"content\":\"x\"}", "type" },
		{ "{\"type\":\"image\",\"content\":\"not base64!\"}", "content" },
		{ "{\"type\":\"text\"}", "content" },
	};
	struct http_result r;
	char u[160], p[256];
	struct buf b;
	size_t i;

	setup_client();
	it_user_path(u, sizeof(u), "badtxn");
	snprintf(p, sizeof(p), "%s/transactions", u);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		call("POST", p, bad[i].body, &r);
		ck_assert_msg(r.status == 422, "%s: %ld %s", bad[i].body, r.status, r.body);
		ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
		ck_assert_msg(strstr(r.body, bad[i].field) != NULL, "%s: %s", bad[i].body, r.body);
		http_result_free(&r);
	}
	/* 100 KB of text: refused by size, naming the field. */
	buf_init(&b, 200 * 1024);
	buf_puts(&b, "{\"type\":\"text\",\"content\":\"");
	for (i = 0; i < 100 * 1024 / 10; i++)
		buf_puts(&b, "coffee 5 ");
	buf_puts(&b, "\"}");
	call("POST", p, buf_str(&b), &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "content"));
	http_result_free(&r);
	buf_free(&b);
	/* Text with no amount: a helpful UNPROCESSABLE_DOCUMENT, never a guess. */
	call("POST", p, "{\"type\":\"text\",\"content\":\"\\ud83d\\ude00 \\u043f\\u0440\\u0438\\u0432\\u0435\\u0442 lunch with friends\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_str_eq(http_error_code(&r), "UNPROCESSABLE_DOCUMENT");
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 0);
	http_result_free(&r);
}
END_TEST

START_TEST(transactions_from_text)
{
	struct http_result r;
	char u[160], p[256];

	setup_client();
	it_user_path(u, sizeof(u), "text");
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"type\":\"text\",\"content\":\"coffee $5 and lunch $15\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_uint_eq(count(&r), 2);
	ck_assert_str_eq(item(&r, 0, "amount_cents"), "500");
	ck_assert_str_eq(item(&r, 1, "amount_cents"), "1500");
	ck_assert_str_eq(item(&r, 0, "currency"), "USD");
	ck_assert_str_eq(item(&r, 0, "category"), "food");
	ck_assert_str_eq(item(&r, 0, "source"), "api_text");
	http_result_free(&r);
	/* Portuguese, decimal comma, two items, the user's language set to pt. */
	snprintf(p, sizeof(p), "%s", u);
	call("PATCH", p, "{\"language\":\"pt\",\"currency\":\"BRL\"}", &r);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"type\":\"text\",\"content\":\"Gastei 45,90 no mercado e 12 no uber\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_uint_eq(count(&r), 2);
	ck_assert_str_eq(item(&r, 0, "amount_cents"), "4590");
	ck_assert_str_eq(item(&r, 0, "currency"), "BRL");
	ck_assert_str_eq(item(&r, 0, "category"), "food");
	ck_assert_str_eq(item(&r, 1, "amount_cents"), "1200");
	ck_assert_str_eq(item(&r, 1, "category"), "transport");
	http_result_free(&r);
	/* Several lines; and a wrong amount is a VALIDATION_ERROR on content. */
	call("POST", p, "{\"type\":\"text\",\"content\":\"padaria 8,50\\nfarm\u00e1cia 32\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_uint_eq(count(&r), 2);
	ck_assert_str_eq(item(&r, 1, "category"), "health");
	http_result_free(&r);
	call("POST", p, "{\"type\":\"text\",\"content\":\"mercado -45,90\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	ck_assert_ptr_nonnull(strstr(r.body, "\"field\":\"content\""));
	http_result_free(&r);
	call("POST", p, "{\"type\":\"text\",\"content\":\"mercado 45,901\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_str_eq(http_error_code(&r), "VALIDATION_ERROR");
	http_result_free(&r);
	call("POST", p, "{\"type\":\"text\",\"content\":\"recebi 3000 de sal\u00e1rio\"}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(item(&r, 0, "category"), "income");
	ck_assert_str_eq(item(&r, 0, "amount_cents"), "300000");
	http_result_free(&r);
}
END_TEST

START_TEST(corrections_teach_the_user)
{
	struct http_result r;
	char u[160], p[256], id[64], other[160];

	setup_client();
	it_user_path(u, sizeof(u), "teach");
	it_user_path(other, sizeof(other), "teach-other");
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":2500,\"description\":\"ZORBLAX 123 LISBOA\"}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(item(&r, 0, "category"), "other");
	snprintf(id, sizeof(id), "%s", item(&r, 0, "id"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions/%s", u, id);
	call("PATCH", p, "{\"category\":\"health\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "category"), "\"health\"");
	ck_assert_str_eq(raw(&r, "categorized_by"), "\"user\"");
	ck_assert_str_eq(raw(&r, "ai_confidence"), "1.000");
	http_result_free(&r);
	/* The user's next purchase there is health; another user's is not. */
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":900,\"description\":\"Zorblax 77 Porto\"}", &r);
	ck_assert_str_eq(item(&r, 0, "category"), "health");
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions", other);
	call("POST", p, "{\"amount_cents\":900,\"description\":\"Zorblax 77 Porto\"}", &r);
	ck_assert_str_eq(item(&r, 0, "category"), "other");
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/transactions/%s", u, id);
	call("PATCH", p, "{\"amount_cents\":2600,\"transaction_date\":\"2026-11-01\",\"description\":\"Netflix.com\"}", &r);
	ck_assert_str_eq(raw(&r, "amount_cents"), "2600");
	ck_assert_str_eq(raw(&r, "category"), "\"health\"");	/* final */
	ck_assert_ptr_nonnull(strstr(raw(&r, "merchant"), "Netflix"));	/* follows the description */
	http_result_free(&r);
	call("DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 204);
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	/* Deleting under an unknown external id creates nobody. */
	snprintf(p, sizeof(p), "/v1/users/external:ghost-%ld/transactions/%s", (long)time(NULL), id);
	call("DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	snprintf(p, sizeof(p), "/v1/users?external_user_id=ghost-%ld", (long)time(NULL));
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 0);
	http_result_free(&r);
	call("GET", "/v1/categories", NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_eq(count(&r), 10);
	ck_assert_str_eq(item(&r, 0, "id"), "food");
	ck_assert(strlen(item(&r, 0, "description")) > 10);
	http_result_free(&r);
}
END_TEST

/* An intake's debts, each with its own rate and period; the one-debt shorthand. */
START_TEST(intake_debts)
{
	struct http_result r;
	char u[160], p[256];

	setup_client();
	it_user_path(u, sizeof(u), "debts");
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":4500,\"monthly_expenses\":4100,"
	    "\"financial_goal\":\"debt_payoff\",\"debts\":["
	    "{\"name\":\"Cart\u00e3o Nubank\",\"balance\":3500,\"interest_rate\":12.5,"
	    "\"rate_period\":\"month\",\"minimum_payment\":525.01},"
	    "{\"name\":\"Financiamento carro\",\"balance\":18000.10,\"interest_rate\":1.875,"
	    "\"rate_period\":\"month\"},"
	    "{\"balance\":200}]}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(raw(&r, "debt_balance"), "21700.10");
	ck_assert_str_eq(raw(&r, "debt_interest_rate"), "null");
	ck_assert_ptr_nonnull(strstr(r.body, "\"interest_rate\":12.500,\"rate_period\":\"month\",\"minimum_payment\":525.01"));
	ck_assert_ptr_nonnull(strstr(r.body, "\"name\":null,\"balance\":200.00,\"interest_rate\":null,\"rate_period\":\"year\""));
	http_result_free(&r);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.body, "Financiamento carro"));
	ck_assert_ptr_nonnull(strstr(r.body, "\"interest_rate\":1.875"));
	http_result_free(&r);
	/* the shorthand is one debt; 0 is none */
	call("POST", p, "{\"monthly_income\":4500,\"monthly_expenses\":4100,"
	    "\"debt_balance\":1200,\"debt_interest_rate\":19.9}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_ptr_nonnull(strstr(r.body, "\"debts\":[{\"name\":null,\"balance\":1200.00,\"interest_rate\":19.900,\"rate_period\":\"year\",\"minimum_payment\":null}]"));
	http_result_free(&r);
	call("POST", p, "{\"monthly_income\":4500,\"monthly_expenses\":4100,\"debt_balance\":0}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_ptr_nonnull(strstr(r.body, "\"debts\":[]"));
	http_result_free(&r);
	/* bad debts are named; a debt_balance that is not their sum is refused */
	call("POST", p, "{\"monthly_income\":1,\"monthly_expenses\":1,\"debts\":["
	    "{\"balance\":10},{\"balance\":-5,\"interest_rate\":101,\"rate_period\":\"month\","
	    "\"apr\":3}]}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"debts[1].balance\""));
	ck_assert_ptr_nonnull(strstr(r.body, "\"debts[1].interest_rate\""));
	ck_assert_ptr_nonnull(strstr(r.body, "\"debts[1].apr\""));
	http_result_free(&r);
	call("POST", p, "{\"monthly_income\":1,\"monthly_expenses\":1,\"debt_balance\":11,"
	    "\"debts\":[{\"balance\":10}]}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"debt_balance\""));
	http_result_free(&r);
	call("POST", p, "{\"monthly_income\":1,\"monthly_expenses\":1,\"debts\":{}}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
}
END_TEST

/*
 * What money does (kind) and finer categories (subcategory): given, taught
 * by a correction, filtered on; a bank feed's external_id records a
 * transaction once.
 */
START_TEST(kinds_subcategories_and_external_ids)
{
	struct http_result r;
	char u[160], p[256], id[64], first[64];
	struct json_object *subs;

	setup_client();
	it_user_path(u, sizeof(u), "kinds");
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"transactions\":["
	    "{\"amount_cents\":150000,\"description\":\"PAGTO FATURA NUBANK\",\"kind\":\"debt_payment\"},"
	    "{\"amount_cents\":8900,\"description\":\"ZORBLAX MARKET\",\"subcategory\":\"groceries\"},"
	    "{\"amount_cents\":500000,\"description\":\"ACME\",\"kind\":\"income\"}]}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(item(&r, 0, "kind"), "debt_payment");
	ck_assert_str_eq(item(&r, 1, "subcategory"), "groceries");
	ck_assert_str_eq(item(&r, 1, "category"), "food");	/* the subcategory says it */
	ck_assert_str_eq(item(&r, 1, "kind"), "spending");
	ck_assert_str_eq(item(&r, 2, "category"), "income");
	ck_assert_str_eq(item(&r, 2, "kind"), "income");
	ck_assert_str_eq(raw(&r, "external_id"), "null");
	snprintf(id, sizeof(id), "%s", item(&r, 1, "id"));
	http_result_free(&r);
	/* filters */
	snprintf(p, sizeof(p), "%s/transactions?kind=debt_payment", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_uint_eq(count(&r), 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?subcategory=groceries&kind=spending", u);
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 1);
	ck_assert_str_eq(item(&r, 0, "id"), id);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?kind=loan", u);
	call("GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	/* a correction: a refund, then a subcategory that must fit */
	snprintf(p, sizeof(p), "%s/transactions/%s", u, id);
	call("PATCH", p, "{\"kind\":\"refund\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "kind"), "\"refund\"");
	ck_assert_str_eq(raw(&r, "subcategory"), "\"groceries\"");
	http_result_free(&r);
	call("PATCH", p, "{\"subcategory\":\"rent\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"subcategory\""));
	http_result_free(&r);
	call("PATCH", p, "{\"category\":\"food\",\"kind\":\"income\"}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	call("PATCH", p, "{\"subcategory\":null}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(raw(&r, "subcategory"), "null");
	http_result_free(&r);
	/* the merchant's next one is food (taught), but no refund: that was this one's story */
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":1200,\"description\":\"Zorblax Market\"}", &r);
	ck_assert_str_eq(item(&r, 0, "kind"), "spending");
	ck_assert_str_eq(item(&r, 0, "category"), "food");
	http_result_free(&r);
	/* a bank feed: the same external_id twice is one transaction */
	call("POST", p, "{\"amount_cents\":4500,\"description\":\"SHELL\",\"external_id\":\"feed:2026-11-20:0001\"}", &r);
	ck_assert_int_eq(r.status, 201);
	snprintf(first, sizeof(first), "%s", item(&r, 0, "id"));
	ck_assert_str_eq(item(&r, 0, "external_id"), "feed:2026-11-20:0001");
	http_result_free(&r);
	call("POST", p, "{\"amount_cents\":4500,\"description\":\"SHELL\",\"external_id\":\"feed:2026-11-20:0001\"}", &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(item(&r, 0, "id"), first);
	http_result_free(&r);
	call("POST", p, "{\"transactions\":[{\"amount_cents\":4500,\"external_id\":\"feed:2026-11-20:0001\"},"
	    "{\"amount_cents\":700,\"external_id\":\"feed:2026-11-20:0002\"}]}", &r);
	ck_assert_int_eq(r.status, 201);
	ck_assert_str_eq(item(&r, 0, "id"), first);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?external_id=feed:2026-11-20:0002", u);
	call("GET", p, NULL, &r);
	ck_assert_uint_eq(count(&r), 1);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":4500,\"external_id\":\" x\"}", &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	call("POST", p, "{\"amount_cents\":4500,\"kind\":\"income\",\"category\":\"food\"}", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_ptr_nonnull(strstr(r.body, "\"kind\""));
	http_result_free(&r);
	/* the categories list their subcategories */
	call("GET", "/v1/categories", NULL, &r);
	subs = it_json_at(r.json, "data.0.subcategories");
	ck_assert_ptr_nonnull(subs);
	ck_assert_uint_ge(json_object_array_length(subs), 3);
	ck_assert_str_eq(json_object_get_string(it_json_at(r.json, "data.0.subcategories.0.name")),
	    "groceries");
	http_result_free(&r);
}
END_TEST

/*
 * A JSON null for an optional field is the field left out: the defaults
 * apply on POST and nothing changes on PATCH (except target_date, which null
 * clears). Through the contract tap, each accepted request is also checked
 * against openapi.yaml, which must therefore allow these nulls.
 */
START_TEST(null_optional_fields_are_left_out)
{
	struct http_result r;
	char	 u[160], p[256], q[256], goal[64], txn[64], month[16], today[16];
	time_t	 now = time(NULL);
	struct tm tm;

	setup_client();
	gmtime_r(&now, &tm);
	strftime(month, sizeof(month), "\"%Y-%m\"", &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	it_user_path(u, sizeof(u), "nulls");
	snprintf(p, sizeof(p), "%s/financial-intake", u);
	call("POST", p, "{\"monthly_income\":1000,\"monthly_expenses\":400.5,\"month\":null,"
	    "\"financial_goal\":null,\"next_pay_date\":null,\"savings_balance\":null,"
	    "\"debt_balance\":null,\"debt_interest_rate\":null}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(raw(&r, "month"), month);
	ck_assert_str_eq(raw(&r, "financial_goal"), "\"savings\"");
	ck_assert_str_eq(raw(&r, "monthly_surplus"), "599.50");
	ck_assert_str_eq(raw(&r, "next_pay_date"), "null");
	ck_assert_str_eq(raw(&r, "savings_balance"), "null");
	ck_assert_str_eq(raw(&r, "debt_interest_rate"), "null");
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/goals", u);
	call("POST", p, "{\"goal_type\":\"savings\",\"target_amount\":500,\"goal_name\":null,"
	    "\"starting_amount\":null,\"current_amount\":null,\"target_date\":null,"
	    "\"cadence\":null,\"is_primary\":null}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(raw(&r, "goal_name"), "\"Savings goal\"");
	ck_assert_str_eq(raw(&r, "starting_amount"), "0.00");
	ck_assert_str_eq(raw(&r, "current_amount"), "0.00");
	ck_assert_str_eq(raw(&r, "target_date"), "null");
	ck_assert_str_eq(raw(&r, "cadence"), "\"monthly\"");
	ck_assert_str_eq(raw(&r, "is_primary"), "true");
	snprintf(goal, sizeof(goal), "%.*s", 31, raw(&r, "id") + 1);
	http_result_free(&r);
	snprintf(q, sizeof(q), "%s/goals/%s", u, goal);
	call("PATCH", q, "{\"target_date\":\"2030-01-31\"}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	http_result_free(&r);
	call("PATCH", q, "{\"goal_type\":null,\"goal_name\":null,\"target_amount\":null,"
	    "\"current_amount\":null,\"cadence\":null,\"status\":null,\"is_primary\":null}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "goal_type"), "\"savings\"");
	ck_assert_str_eq(raw(&r, "goal_name"), "\"Savings goal\"");
	ck_assert_str_eq(raw(&r, "target_amount"), "500.00");
	ck_assert_str_eq(raw(&r, "target_date"), "\"2030-01-31\"");
	ck_assert_str_eq(raw(&r, "status"), "\"active\"");
	ck_assert_str_eq(raw(&r, "is_primary"), "true");
	http_result_free(&r);
	call("PATCH", q, "{\"target_date\":null}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "target_date"), "null");
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/transactions", u);
	call("POST", p, "{\"amount_cents\":1234,\"currency\":null,\"description\":null,"
	    "\"transaction_date\":null,\"category\":null}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(item(&r, 0, "currency"), "USD");	/* the user's */
	ck_assert_str_eq(item(&r, 0, "description"), "");
	ck_assert_str_eq(item(&r, 0, "transaction_date"), today);
	ck_assert_str_eq(item(&r, 0, "categorized_by"), "rules");
	snprintf(txn, sizeof(txn), "%s", item(&r, 0, "id"));
	http_result_free(&r);
	snprintf(q, sizeof(q), "%s/transactions/%s", u, txn);
	call("PATCH", q, "{\"category\":null,\"description\":null,\"amount_cents\":null,"
	    "\"transaction_date\":null}", &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(raw(&r, "amount_cents"), "1234");
	ck_assert_str_eq(raw(&r, "categorized_by"), "\"rules\"");
	http_result_free(&r);
	call("POST", p, "{\"type\":\"text\",\"content\":\"coffee 4.50\",\"mime_type\":null}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(item(&r, 0, "amount_cents"), "450");
	http_result_free(&r);

	snprintf(p, sizeof(p), "%s/plan", u);
	call("POST", p, "{\"personality_type\":null}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_ptr_nonnull(strstr(r.body, "\"personality_type\":null"));
	http_result_free(&r);
}
END_TEST

Suite *
finance_suite(void)
{
	Suite *s = suite_create("finance");
	TCase *tc = tcase_create("intake-goals");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, intake_is_exact_and_moves_the_stage);
	tcase_add_test(tc, intake_bad_input_stores_nothing);
	tcase_add_test(tc, goals_primary_cadence_and_achievement);
	tcase_add_test(tc, goal_bad_input);
	tcase_add_test(tc, deleting_a_user_removes_their_data);
	tcase_add_test(tc, transactions_from_json_and_batches);
	tcase_add_test(tc, transaction_bad_input_stores_nothing);
	tcase_add_test(tc, transactions_from_text);
	tcase_add_test(tc, corrections_teach_the_user);
	tcase_add_test(tc, null_optional_fields_are_left_out);
	tcase_add_test(tc, kinds_subcategories_and_external_ids);
	tcase_add_test(tc, intake_debts);
	suite_add_tcase(s, tc);
	return s;
}
