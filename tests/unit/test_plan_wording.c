/* test_plan_wording.c: a model's plan wording is read strictly and its numbers checked. */
#include "config.h"

#include <string.h>

#include "ai/plan_wording.h"
#include "check_main.h"

static const char reference[] =
    "Put aside $1,234.50 a month and you reach your $15,000.00 goal in 12 months, "
    "by 2027-11-24. Needs 50%, wants 30%, savings 20%. Rate 19.90.";

START_TEST(numbers_from_the_engine_pass)
{
	char	 bad[64];
	static const char *const ok[] = {
		"Saving $1,234.50 each month gets you to $15,000.00 in 12 months.",
		"Guardando R$ 1.234,50 por mês você chega a 15.000,00 em 12 meses.",
		"Your goal date is 2027-11-24; keep 20% for savings.",
		"No numbers at all, just encouragement.",
		"Interest at 19.90 hurts.",
	};
	size_t	 i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		ck_assert_msg(wording_numbers_ok(ok[i], reference, bad, sizeof(bad)) == 1,
		    "'%s' refused at '%s'", ok[i], bad);
}
END_TEST

START_TEST(invented_numbers_fail)
{
	static const struct { const char *text, *bad; } cases[] = {
		{ "Save $1,300.00 a month.", "1,300.00" },
		{ "You will be there in 10 months.", "10" },
		{ "Put aside $1,234.5 a month.", "1,234.5" },		/* not the engine's figure */
		{ "Needs 50%, wants 35%.", "35" },
		{ "Reach $15,000.00 by 2028-01-01.", "2028" },
		{ "Just 42 steps.", "42" },
	};
	char	 bad[64];
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(wording_numbers_ok(cases[i].text, reference, bad, sizeof(bad)), 0);
		ck_assert_str_eq(bad, cases[i].bad);
	}
}
END_TEST

START_TEST(parse_plain_and_fenced)
{
	char	 summary[WORDING_SUMMARY_MAX], items[3][WORDING_ITEM_MAX], why[128];

	ck_assert_int_eq(wording_parse("{\"summary\":\"Nice plan.\",\"action_items\":[\"a\",\"b\"]}",
	    2, summary, items, why, sizeof(why)), 0);
	ck_assert_str_eq(summary, "Nice plan.");
	ck_assert_str_eq(items[1], "b");
	ck_assert_int_eq(wording_parse("Here it is:\n```json\n{\"summary\":\"S\",\"action_items\":"
	    "[\"x\"]}\n```\n", 1, summary, items, why, sizeof(why)), 0);
	ck_assert_str_eq(summary, "S");
	ck_assert_str_eq(items[0], "x");
}
END_TEST

START_TEST(parse_refuses_the_wrong_shape)
{
	char	 summary[WORDING_SUMMARY_MAX], items[3][WORDING_ITEM_MAX], why[128], big[2000];
	static const char *const bad[] = {
		"", "not json", "[1,2]", "{\"summary\":\"S\"}",
		"{\"summary\":\"\",\"action_items\":[\"a\"]}",
		"{\"summary\":\"S\",\"action_items\":[\"a\",\"b\"]}",	/* 2 items for 1 */
		"{\"summary\":\"S\",\"action_items\":[3]}",
		"{\"summary\":\"S\",\"action_items\":[\"\"]}",
		"{\"summary\":7,\"action_items\":[\"a\"]}",
		"```json\n{\"summary\":\"S\",\"action_items\":[\"a\"]\n",	/* unclosed fence */
	};
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(wording_parse(bad[i], 1, summary, items, why, sizeof(why)) == -1,
		    "accepted '%s'", bad[i]);
	/* An item longer than the plan can hold. */
	memset(big, 'a', sizeof(big));
	memcpy(big, "{\"summary\":\"S\",\"action_items\":[\"", 33);
	memcpy(big + 1990, "\"]}", 4);
	ck_assert_int_eq(wording_parse(big, 1, summary, items, why, sizeof(why)), -1);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite	*s = suite_create("plan_wording");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, numbers_from_the_engine_pass);
	tcase_add_test(tc, invented_numbers_fail);
	tcase_add_test(tc, parse_plain_and_fenced);
	tcase_add_test(tc, parse_refuses_the_wrong_shape);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
