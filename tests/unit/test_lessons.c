/*
 * test_lessons.c: the lesson rotation never repeats within ten cycles, also
 * by topic, and starts on the topic; do titles, also for a plan's focus.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/lessons.h"

typedef const char *(*pick_fn)(unsigned, unsigned, const char *);

/* Every window of 10 consecutive cycles has 10 different titles. */
static void
no_repeat(pick_fn pick, unsigned seed, const char *lang, unsigned start)
{
	const char	*seen[10];
	unsigned	 n, i, k;

	for (n = start; n < start + 40; n++) {
		for (i = 0; i < 10; i++) {
			seen[i] = pick(n + i, seed, lang);
			ck_assert_ptr_nonnull(seen[i]);
			ck_assert_uint_gt(strlen(seen[i]), 0);
			for (k = 0; k < i; k++)
				ck_assert_msg(strcmp(seen[k], seen[i]) != 0,
				    "seed %u: cycles %u and %u repeat '%s'", seed, n + k, n + i, seen[i]);
		}
	}
}

START_TEST(rotation)
{
	static const unsigned seeds[] = { 0, 1, 7, 12, 13, 1000, 4294967295u };
	static const char *const langs[] = { "en", "pt", "es" };
	size_t s, l;

	for (s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++)
		for (l = 0; l < 3; l++) {
			no_repeat(lesson_learn, seeds[s], langs[l], 0);
			no_repeat(lesson_mind, seeds[s], langs[l], 0);
			/* across unsigned wrap-around too */
			no_repeat(lesson_learn, seeds[s], langs[l], 4294967295u - 20);
			no_repeat(lesson_mind, seeds[s], langs[l], 4294967295u - 20);
		}
}
END_TEST

START_TEST(all_distinct_and_translated)
{
	const char	*t[LESSON_COUNT];
	unsigned	 i, k;

	/* 12 consecutive cycles cover the whole library */
	for (i = 0; i < LESSON_COUNT; i++) {
		t[i] = lesson_learn(i, 3, "en");
		for (k = 0; k < i; k++)
			ck_assert_str_ne(t[k], t[i]);
	}
	/* the same cycle in three languages: three different texts, none empty */
	for (i = 0; i < LESSON_COUNT; i++) {
		ck_assert_str_ne(lesson_learn(i, 0, "en"), lesson_learn(i, 0, "pt"));
		ck_assert_str_ne(lesson_learn(i, 0, "en"), lesson_learn(i, 0, "es"));
		ck_assert_str_ne(lesson_mind(i, 0, "pt"), lesson_mind(i, 0, "es"));
	}
	/* seeds shift users apart; unknown or NULL language is English */
	ck_assert_str_ne(lesson_learn(0, 0, "en"), lesson_learn(0, 1, "en"));
	ck_assert_str_eq(lesson_learn(4, 9, "xx"), lesson_learn(4, 9, "en"));
	ck_assert_str_eq(lesson_mind(4, 9, NULL), lesson_mind(4, 9, "en"));
}
END_TEST

START_TEST(do_titles)
{
	char out[128];

	ck_assert_int_eq(lesson_do_title(12500, "USD", "en", "Emergency fund", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $125.00 to Emergency fund");
	ck_assert_int_eq(lesson_do_title(12500, "BRL", "pt", "Viagem", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Guarde R$ 125,00 para Viagem");
	ck_assert_int_eq(lesson_do_title(12500, "EUR", "es", "Coche", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Aparta 125,00 \xe2\x82\xac para Coche");
	ck_assert_int_eq(lesson_do_title(100000, "USD", "en", NULL, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $1,000.00 to your goal");
	ck_assert_int_eq(lesson_do_title(100000, "BRL", "pt", "", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Guarde R$ 1.000,00 para sua meta");
	/* too small a buffer: -1 and an empty string, never a cut title */
	ck_assert_int_eq(lesson_do_title(12500, "USD", "en", "Emergency fund", out, 20), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(lesson_do_title(12500, NULL, "en", "x", out, sizeof(out)), -1);
	ck_assert_int_eq(lesson_do_title(12500, "USD", "en", "x", NULL, 10), -1);
}
END_TEST

/* lesson_learn_for with a topic bound, as pick_fn wants. */
static const char *topic_now;

static const char *
learn_topic(unsigned n, unsigned seed, const char *lang)
{
	return lesson_learn_for(n, seed, lang, topic_now);
}

START_TEST(topics_rotate_without_repeats)
{
	static const char *const topics[] = { "debt", "emergency", "saving", "investing", "budget" };
	static const unsigned seeds[] = { 0, 1, 7, 12, 13, 1000, 4294967295u };
	static const char *const langs[] = { "en", "pt", "es" };
	const char	*t[LESSON_COUNT];
	size_t		 k, s, l;
	unsigned	 i, j;

	for (k = 0; k < 5; k++) {
		ck_assert(lesson_topic_known(topics[k]));
		topic_now = topics[k];
		for (s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++)
			for (l = 0; l < 3; l++) {
				no_repeat(learn_topic, seeds[s], langs[l], 0);
				no_repeat(learn_topic, seeds[s], langs[l], 4294967295u - 20);
			}
		/* twelve cycles: twelve titles */
		for (i = 0; i < LESSON_COUNT; i++) {
			t[i] = lesson_learn_for(i, 5, "pt", topics[k]);
			for (j = 0; j < i; j++)
				ck_assert_str_ne(t[j], t[i]);
			ck_assert_str_ne(lesson_learn_for(i, 5, "en", topics[k]),
			    lesson_learn_for(i, 5, "es", topics[k]));
		}
	}
	/* no topic, or an unknown one: the general rotation */
	ck_assert(!lesson_topic_known("lottery"));
	ck_assert(!lesson_topic_known(NULL));
	ck_assert_str_eq(lesson_learn_for(3, 9, "es", NULL), lesson_learn(3, 9, "es"));
	ck_assert_str_eq(lesson_learn_for(3, 9, "es", ""), lesson_learn(3, 9, "es"));
	ck_assert_str_eq(lesson_learn_for(3, 9, "es", "lottery"), lesson_learn(3, 9, "es"));
}
END_TEST

/* Whoever the user is, the first lesson of a debt focus is about debt. */
START_TEST(first_lesson_is_on_topic)
{
	static const char *const debt[] = { "Avalanche or snowball: paying off debt",
	    "Minimum payments keep you in debt longer",
	    "Card revolving credit: the most expensive money there is",
	    "Refinancing: trade an expensive debt for a cheaper one",
	    "Monthly and yearly rates: how 12% a month becomes 290% a year",
	    "Stop the debt from growing: pause new card purchases" };
	static const char *const invest[] = { "Diversification in plain words",
	    "Costs and fees: the return you keep", "Index funds: a bit of the whole market",
	    "Risk, time and your horizon", "Invest on a schedule, not on the news",
	    "Rebalancing once a year" };
	unsigned	 seed, k, found, cycle;

	for (seed = 0; seed < 50; seed++)
		for (cycle = 0; cycle < 24; cycle += 2) {
			for (k = found = 0; k < 6; k++)
				found += strcmp(lesson_learn_for(cycle, seed, "en", "debt"), debt[k]) == 0;
			ck_assert_uint_eq(found, 1);
			for (k = found = 0; k < 6; k++)
				found += strcmp(lesson_learn_for(cycle, seed, "en", "investing"),
				    invest[k]) == 0;
			ck_assert_uint_eq(found, 1);
		}
	ck_assert_str_eq(lesson_learn_for(0, 0, "pt", "debt"), "Avalanche ou bola de neve: como quitar dívidas");
	ck_assert_str_eq(lesson_learn_for(0, 0, "es", "emergency"), "Por qué el fondo de emergencia va primero");
}
END_TEST

START_TEST(do_titles_for_the_focus)
{
	char out[160];

	ck_assert_int_eq(lesson_do_title_for(36923, "BRL", "pt", "high_interest_debt", "debt", "Cartão",
	    "biweekly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Pague R$ 369,23 a mais em Cartão nestas duas semanas");
	ck_assert_int_eq(lesson_do_title_for(12500, "USD", "en", "high_interest_debt", "debt", NULL,
	    "weekly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Pay $125.00 extra on your debt this week");
	ck_assert_int_eq(lesson_do_title_for(12500, "EUR", "es", "goal", "debt", "Préstamo coche",
	    "monthly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Paga 125,00 \xe2\x82\xac extra a Préstamo coche este mes");
	ck_assert_int_eq(lesson_do_title_for(12500, "USD", "en", "starter_emergency_fund", "emergency",
	    "a starter emergency fund", "monthly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $125.00 to your emergency fund this month");
	ck_assert_int_eq(lesson_do_title_for(12500, "BRL", "pt", "emergency_fund", "emergency", NULL,
	    "twice_monthly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Guarde R$ 125,00 na reserva de emergência nesta quinzena");
	ck_assert_int_eq(lesson_do_title_for(50000, "EUR", "es", "goal", "investing", "Cartera",
	    "monthly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Invierte 500,00 \xe2\x82\xac para Cartera este mes");
	ck_assert_int_eq(lesson_do_title_for(50000, "USD", "en", "invest", "investing", "investing",
	    NULL, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Invest $500.00");
	ck_assert_int_eq(lesson_do_title_for(0, "USD", "en", "close_gap", "budget", NULL, "weekly", out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "Spend no more than you earn this week");
	ck_assert_int_eq(lesson_do_title_for(4000, "USD", "en", "close_gap", "budget", NULL, "monthly",
	    out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Cut $40.00 from your spending this month");
	/* a savings goal, or a plan made before the focus existed: the classic wording */
	ck_assert_int_eq(lesson_do_title_for(12500, "USD", "en", "goal", "saving", "Vacation",
	    "monthly", out, sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $125.00 to Vacation");
	ck_assert_int_eq(lesson_do_title_for(12500, "USD", "en", "", "", "Vacation", NULL, out,
	    sizeof(out)), 0);
	ck_assert_str_eq(out, "Move $125.00 to Vacation");
	/* too small: -1 and "", never a cut title */
	ck_assert_int_eq(lesson_do_title_for(12500, "USD", "en", "high_interest_debt", "debt", "Visa",
	    "monthly", out, 16), -1);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(lesson_do_title_for(12500, NULL, "en", "invest", NULL, NULL, NULL, out,
	    sizeof(out)), -1);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("lessons");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, rotation);
	tcase_add_test(tc, all_distinct_and_translated);
	tcase_add_test(tc, do_titles);
	tcase_add_test(tc, topics_rotate_without_repeats);
	tcase_add_test(tc, first_lesson_is_on_topic);
	tcase_add_test(tc, do_titles_for_the_focus);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
