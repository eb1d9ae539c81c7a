/*
 * test_goal_pick.c: which goal a logged payment moves: the goal it moved
 * before, the primary, the name that shares most words with the payment,
 * the oldest; and how words are compared.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "domain/goal_pick.h"

START_TEST(shared_words)
{
	ck_assert_int_eq(goal_pick_shared_words("Emergency fund", "moved to my fund"), 1);
	ck_assert_int_eq(goal_pick_shared_words("Emergency FUND", "Fund, emergency!"), 2);
	/* each word of the name counts once */
	ck_assert_int_eq(goal_pick_shared_words("fund fund", "fund fund fund"), 1);
	/* words of fewer than four characters and common words say nothing */
	ck_assert_int_eq(goal_pick_shared_words("Car for the kids", "for the car"), 0);
	ck_assert_int_eq(goal_pick_shared_words("Reserva para viagem", "transferi para poupança"),
	    0);
	/* whole words only */
	ck_assert_int_eq(goal_pick_shared_words("Card", "cardboard"), 0);
	/* non-ASCII letters are letters; ASCII case is ignored */
	ck_assert_int_eq(goal_pick_shared_words("Poupança Viagem", "depósito POUPANÇA"), 0);
	ck_assert_int_eq(goal_pick_shared_words("Poupança Viagem", "depósito poupança"), 1);
	ck_assert_int_eq(goal_pick_shared_words("Nubank 2024", "fatura nubank 2024"), 2);
	ck_assert_int_eq(goal_pick_shared_words(NULL, "x"), 0);
	ck_assert_int_eq(goal_pick_shared_words("Fund", NULL), 0);
	ck_assert_int_eq(goal_pick_shared_words("", ""), 0);
}
END_TEST

START_TEST(the_order_of_the_rules)
{
	struct goal_choice c[3] = {
		{ "ozz_goal_a", "Visa card", 0 },
		{ "ozz_goal_b", "Car loan", 0 },
		{ "ozz_goal_c", "Amex card", 0 },
	};

	ck_assert_int_eq(goal_pick(c, 0, "anything", NULL), -1);
	/* nothing matches: the oldest */
	ck_assert_int_eq(goal_pick(c, 3, "monthly payment", NULL), 0);
	ck_assert_int_eq(goal_pick(c, 3, NULL, NULL), 0);
	/* the name that shares most words */
	ck_assert_int_eq(goal_pick(c, 3, "AMEX card bill", NULL), 2);
	ck_assert_int_eq(goal_pick(c, 3, "loan instalment", NULL), 1);
	/* a tie: the oldest of them */
	ck_assert_int_eq(goal_pick(c, 3, "card bill", NULL), 0);
	/* the primary wins over a name */
	c[1].is_primary = 1;
	ck_assert_int_eq(goal_pick(c, 3, "AMEX card bill", NULL), 1);
	/* and the goal moved before wins over all, when it still is a candidate */
	ck_assert_int_eq(goal_pick(c, 3, "AMEX card bill", "ozz_goal_a"), 0);
	ck_assert_int_eq(goal_pick(c, 3, "AMEX card bill", "ozz_goal_gone"), 1);
}
END_TEST

/* Money aimed at something named fills only a goal of that name. */
START_TEST(named_goals_only)
{
	struct goal_choice c[2] = {
		{ "ozz_goal_a", "Trip to Japan", 1 },
		{ "ozz_goal_b", "Reserva de emergência", 0 },
	};

	ck_assert_int_eq(goal_pick_named(c, 2, goal_pick_emergency_words), 1);
	c[1].name = "Fondo de emergencia";
	ck_assert_int_eq(goal_pick_named(c, 2, goal_pick_emergency_words), 1);
	c[1].name = "Vacation fund";	/* "fund" is not an emergency word */
	ck_assert_int_eq(goal_pick_named(c, 2, goal_pick_emergency_words), -1);
	ck_assert_int_eq(goal_pick_named(c, 0, goal_pick_emergency_words), -1);
}
END_TEST

static Suite *
goal_pick_suite(void)
{
	Suite	*s = suite_create("goal_pick");
	TCase	*tc = tcase_create("pick");

	tcase_add_test(tc, shared_words);
	tcase_add_test(tc, the_order_of_the_rules);
	tcase_add_test(tc, named_goals_only);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(goal_pick_suite)
