/*
 * test_ai_tools.c: the tools a remote model calls take the same subjects
 * and periods as the local coach: a category, a subcategory (under its
 * category), a merchant, a period or from+to; a breakdown grouped by
 * category, subcategory, merchant, month or week; recurring payments; and
 * bad arguments get {"error": …} back, never a query.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "ai/ai.h"
#include "ai/ai_tools.h"
#include "check_main.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/facts.h"

/* What the last query asked, as the facts source saw it. */
struct seen {
	int		 calls;
	long		 from, to;
	int		 category;
	char		 subcategory[32], merchant[64], group_by[16], kind[16];
};

static void
keep(char *dst, size_t len, const char *s)
{
	snprintf(dst, len, "%s", s ? s : "");
}

static int
f_spending(void *ctx, const struct fact_spending_q *q, struct fact_spending *out)
{
	struct seen *s = ctx;

	s->calls++;
	s->from = q->from;
	s->to = q->to;
	s->category = q->category;
	keep(s->subcategory, sizeof(s->subcategory), q->subcategory);
	keep(s->merchant, sizeof(s->merchant), q->merchant);
	memset(out, 0, sizeof(*out));
	out->total = 26160;
	out->count = 5;
	return 0;
}

static int
f_aggregate(void *ctx, const struct fact_agg_q *q, struct fact_agg *out, size_t max,
    size_t *n)
{
	struct seen *s = ctx;

	s->calls++;
	s->from = q->from;
	s->to = q->to;
	s->category = q->category;
	keep(s->subcategory, sizeof(s->subcategory), q->subcategory);
	keep(s->merchant, sizeof(s->merchant), q->merchant);
	keep(s->group_by, sizeof(s->group_by), q->group_by);
	keep(s->kind, sizeof(s->kind), q->kind);
	ck_assert_uint_ge(max, 2);
	memset(out, 0, sizeof(*out) * 2);
	snprintf(out[0].key, sizeof(out[0].key), "iFood");
	out[0].amount = 26160;
	out[0].count = 5;
	out[1].amount = 4200;	/* no merchant */
	out[1].count = 2;
	*n = 2;
	return 0;
}

static int
f_transactions(void *ctx, const struct fact_txn_q *q, struct fact_txn *out, size_t max,
    size_t *n, int *more)
{
	struct seen *s = ctx;

	s->calls++;
	s->category = q->category;
	keep(s->subcategory, sizeof(s->subcategory), q->subcategory);
	keep(s->merchant, sizeof(s->merchant), q->merchant);
	ck_assert_uint_ge(max, 1);
	memset(out, 0, sizeof(*out));
	snprintf(out->id, sizeof(out->id), "ozz_txn_1");
	snprintf(out->date, sizeof(out->date), "2026-11-23");
	snprintf(out->description, sizeof(out->description), "IFOOD *PEDIDO");
	snprintf(out->merchant, sizeof(out->merchant), "iFood");
	snprintf(out->subcategory, sizeof(out->subcategory), "delivery");
	out->category = CAT_FOOD;
	out->kind = KIND_SPENDING;
	out->amount = 5230;
	memcpy(out->currency, "BRL", 4);
	*n = 1;
	*more = 0;
	return 0;
}

static int
f_recurring(void *ctx, struct fact_recurring *out, size_t max, size_t *n)
{
	struct seen *s = ctx;

	s->calls++;
	ck_assert_uint_ge(max, 1);
	memset(out, 0, sizeof(*out));
	snprintf(out->name, sizeof(out->name), "Netflix");
	out->category = CAT_ENTERTAINMENT;
	snprintf(out->cadence, sizeof(out->cadence), "monthly");
	out->typical = 5590;
	out->monthly = 5590;
	snprintf(out->last, sizeof(out->last), "2026-11-12");
	snprintf(out->next, sizeof(out->next), "2026-12-12");
	out->count = 6;
	*n = 1;
	return 0;
}

static struct seen	 seen;
static struct facts_src	 src;

static void
setup(void)
{
	memset(&seen, 0, sizeof(seen));
	memset(&src, 0, sizeof(src));
	src.ctx = &seen;
	src.currency = "BRL";
	src.digits = 2;
	src.spending = f_spending;
	src.aggregate = f_aggregate;
	src.transactions = f_transactions;
	src.recurring = f_recurring;
}

/* Run a tool on JSON arguments; the result as text (static), which the caller reads. */
static const char *
run(const char *name, const char *args)
{
	static char	 out[4096];
	struct json_object *a = json_tokener_parse(args), *r;

	ck_assert_ptr_nonnull(a);
	r = ai_tool_run(&src, "2026-11-24", name, a);
	ck_assert_ptr_nonnull(r);
	snprintf(out, sizeof(out), "%s", json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN));
	json_object_put(r);
	json_object_put(a);
	return out;
}

static long
day(const char *iso)
{
	long	 d;

	ck_assert_int_eq(cal_parse(iso, &d), 0);
	return d;
}

START_TEST(spending_by_subject)
{
	const char *r;

	setup();
	r = run("get_spending_summary", "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
	    "\"category\":\"food\",\"subcategory\":\"delivery\",\"merchant\":\"iFood\"}");
	ck_assert_msg(strstr(r, "\"total_spent\":261.60") != NULL, "%s", r);
	ck_assert_msg(strstr(r, "\"subcategory\":\"delivery\"") != NULL, "%s", r);
	ck_assert_msg(strstr(r, "\"merchant\":\"iFood\"") != NULL, "%s", r);
	ck_assert_int_eq(seen.calls, 1);
	ck_assert_int_eq(seen.from, day("2026-10-01"));
	ck_assert_int_eq(seen.to, day("2026-10-31"));
	ck_assert_int_eq(seen.category, CAT_FOOD);
	ck_assert_str_eq(seen.subcategory, "delivery");
	ck_assert_str_eq(seen.merchant, "iFood");
	/* a subcategory alone, and a named period */
	setup();
	r = run("get_spending_summary", "{\"period\":\"last_month\",\"subcategory\":\"groceries\"}");
	ck_assert_msg(strstr(r, "\"error\"") == NULL, "%s", r);
	ck_assert_int_eq(seen.category, CAT_COUNT);
	ck_assert_str_eq(seen.subcategory, "groceries");
	ck_assert_str_eq(seen.merchant, "");
	ck_assert_int_eq(seen.from, day("2026-10-01"));
}
END_TEST

START_TEST(breakdown_and_recurring)
{
	const char *r;

	setup();
	r = run("get_spending_breakdown", "{\"period\":\"this_year\",\"group_by\":\"merchant\","
	    "\"category\":\"food\"}");
	ck_assert_msg(strstr(r, "\"group_by\":\"merchant\"") != NULL, "%s", r);
	ck_assert_msg(strstr(r, "{\"key\":\"iFood\",\"amount\":261.60,\"count\":5}") != NULL, "%s",
	    r);
	ck_assert_msg(strstr(r, "{\"key\":null,\"amount\":42.00,\"count\":2}") != NULL, "%s", r);
	ck_assert_str_eq(seen.group_by, "merchant");
	ck_assert_str_eq(seen.kind, "spending");
	ck_assert_int_eq(seen.category, CAT_FOOD);
	ck_assert_int_eq(seen.from, day("2026-01-01"));
	setup();
	r = run("get_spending_breakdown", "{\"from\":\"2026-06-01\",\"to\":\"2026-11-24\","
	    "\"group_by\":\"month\",\"subcategory\":\"delivery\"}");
	ck_assert_msg(strstr(r, "\"error\"") == NULL, "%s", r);
	ck_assert_str_eq(seen.group_by, "month");
	ck_assert_str_eq(seen.subcategory, "delivery");
	setup();
	r = run("get_recurring_payments", "{}");
	ck_assert_msg(strstr(r, "\"merchant\":\"Netflix\"") != NULL, "%s", r);
	ck_assert_msg(strstr(r, "\"cadence\":\"monthly\"") != NULL, "%s", r);
	ck_assert_msg(strstr(r, "\"monthly_cost\":55.90") != NULL, "%s", r);
	ck_assert_msg(strstr(r, "\"next_expected_date\":\"2026-12-12\"") != NULL, "%s", r);
	/* transactions of one subcategory and merchant say their kind and subcategory */
	setup();
	r = run("list_transactions", "{\"subcategory\":\"delivery\",\"merchant\":\"iFood\"}");
	ck_assert_msg(strstr(r, "\"subcategory\":\"delivery\",\"kind\":\"spending\"") != NULL,
	    "%s", r);
	ck_assert_str_eq(seen.subcategory, "delivery");
	ck_assert_str_eq(seen.merchant, "iFood");
}
END_TEST

START_TEST(bad_arguments)
{
	static const struct {
		const char	*tool, *args;
	} cases[] = {
		{ "get_spending_summary", "{\"subcategory\":\"yachts\"}" },
		{ "get_spending_summary", "{\"category\":\"transport\",\"subcategory\":\"groceries\"}" },
		{ "get_spending_summary", "{\"subcategory\":3}" },
		{ "get_spending_summary", "{\"merchant\":\"\"}" },
		{ "get_spending_summary", "{\"merchant\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}" },
		{ "get_spending_breakdown", "{}" },
		{ "get_spending_breakdown", "{\"group_by\":\"day\"}" },
		{ "get_spending_breakdown", "{\"group_by\":\"month\",\"from\":\"2026-10-01\"}" },
		{ "get_spending_breakdown", "{\"group_by\":\"month\",\"user_id\":\"x\"}" },
		{ "get_recurring_payments", "{\"limit\":3}" },
		{ "list_transactions", "{\"subcategory\":\"rent\",\"category\":\"food\"}" },
	};
	size_t	 i;
	const char *r;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		setup();
		r = run(cases[i].tool, cases[i].args);
		ck_assert_msg(strstr(r, "\"error\"") != NULL, "%s %s: %s", cases[i].tool,
		    cases[i].args, r);
		ck_assert_msg(seen.calls == 0, "%s %s queried", cases[i].tool, cases[i].args);
	}
	/* a source that cannot aggregate says so */
	setup();
	src.aggregate = NULL;
	src.recurring = NULL;
	ck_assert_ptr_nonnull(strstr(run("get_spending_breakdown", "{\"group_by\":\"week\"}"),
	    "unavailable"));
	ck_assert_ptr_nonnull(strstr(run("get_recurring_payments", "{}"), "unavailable"));
}
END_TEST

/* Every tool is offered to a model, with a JSON schema that parses. */
START_TEST(definitions)
{
	size_t	 i, n = 0;
	int	 breakdown = 0, recurring = 0;

	for (i = 0; ai_tools[i].name != NULL; i++, n++) {
		struct json_object *p = json_tokener_parse(ai_tools[i].parameters);

		ck_assert_msg(p != NULL, "%s: schema does not parse", ai_tools[i].name);
		json_object_put(p);
		breakdown |= strcmp(ai_tools[i].name, "get_spending_breakdown") == 0;
		recurring |= strcmp(ai_tools[i].name, "get_recurring_payments") == 0;
	}
	ck_assert_uint_eq(n, 8);
	ck_assert(breakdown && recurring);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite	*s = suite_create("ai_tools");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, spending_by_subject);
	tcase_add_test(tc, breakdown_and_recurring);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, definitions);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
