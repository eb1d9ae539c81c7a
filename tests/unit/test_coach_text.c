/*
 * test_coach_text.c: how the local coach says things, below the replies
 * test_coach.c pins: sentences and pieces, money, counts, percentages,
 * dates, lists and names in English, Portuguese and Spanish.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "core/buf.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach_text.h"
#include "domain/lang.h"

static struct buf	 reply;
static struct ct	 t;

static struct ct *
writer(enum lang l, const char *currency)
{
	buf_free(&reply);
	buf_init(&reply, 1 << 16);
	ct_init(&t, l, currency, &reply);
	return &t;
}

START_TEST(sentences)
{
	struct ct	*w = writer(LANG_PT, "BRL");

	ck_assert_str_eq(w->cur, "BRL");
	ck_assert_int_eq(w->digits, 2);
	SAY(w, M_DEBT_OWE, ct_money(w, 123450));
	SAY(w, M_ONE_STEP);
	ck_assert_str_eq(buf_str(&reply), "Você deve R$ 1.234,50. Vamos um passo de cada vez.");
	/* no second space after a space or a newline */
	ct_put(w, "\n");
	SAY(w, M_GOAL_CLOSE);
	ck_assert_str_eq(buf_str(&reply) + reply.len - strlen("\nVocê está na reta final!"),
	    "\nVocê está na reta final!");
	ck_assert_str_eq(TR(w, M_ABOUT_N, "3 meses"), "cerca de 3 meses");
	ck_assert_str_eq(CONCAT(w, "“", "x", "” (", "y", ")"), "“x” (y)");
	ck_assert_int_eq(w->fail, 0);
	/* a new reply starts empty; no currency is USD */
	w = writer(LANG_EN, NULL);
	ck_assert_str_eq(buf_str(&reply), "");
	ck_assert_str_eq(w->cur, "USD");
	ck_assert_str_eq(ct_money_major(w, 300), "$300.00");
	ck_assert_str_eq(ct_refusal(LANG_ES), ct_refusal(LANG_ES));
	ck_assert(strncmp(ct_refusal(LANG_ES), "Lo siento", 9) == 0);
	ck_assert(strncmp(ct_refusal(LANG_COUNT), "Sorry", 5) == 0);
}
END_TEST

START_TEST(too_long)
{
	static char	 big[3 * CT_SENTENCE_MAX];
	struct ct	*w = writer(LANG_EN, "USD");
	size_t		 i;

	/* "ção" repeated: any cut must fall between characters */
	for (i = 0; i + 5 < sizeof(big); i += 5)
		memcpy(big + i, "ção", 5);
	big[i] = '\0';
	SAY(w, M_PLAN_SAYS, big);
	ck_assert_uint_lt(reply.len, CT_SENTENCE_MAX);
	ck_assert_uint_gt(reply.len, CT_SENTENCE_MAX - 8);
	ck_assert_int_ne((unsigned char)reply.data[reply.len - 1] & 0xC0, 0xC0);	/* no lead byte alone */
	ck_assert_uint_lt(strlen(CONCAT(w, big, "x")), CT_SLOT_LEN);
	ck_assert_uint_lt(strlen(ct_clip(w, big, 61)), 61);
	/* a reply that cannot grow is a failure, said once */
	buf_free(&reply);
	buf_init(&reply, 10);
	ct_init(&t, LANG_EN, "USD", &reply);
	SAY(&t, M_GOAL_CLOSE);
	ck_assert_int_eq(t.fail, 1);
}
END_TEST

START_TEST(numbers)
{
	struct ct *w = writer(LANG_EN, "USD");

	ck_assert_str_eq(ct_money(w, -5000), "-$50.00");
	ck_assert_str_eq(ct_money_in(w, 4590, "BRL"), "R$45.90");
	ck_assert_str_eq(ct_int(w, -42), "-42");
	ck_assert_str_eq(ct_count(w, 1, N_TRANSACTION), "1 transaction");
	ck_assert_str_eq(ct_count(w, 3, N_MONTH), "3 months");
	ck_assert_str_eq(ct_pct(w, 1990), "19.9");
	ck_assert_str_eq(ct_pct(w, 1234), "12.34");
	ck_assert_str_eq(ct_pct(w, 2000), "20");
	ck_assert_str_eq(ct_pct(w, -505), "-5.05");
	ck_assert_str_eq(ct_pct(w, 0), "0");
	w = writer(LANG_ES, "EUR");
	ck_assert_str_eq(ct_money(w, 123450), "1.234,50 €");
	ck_assert_str_eq(ct_count(w, 1, N_MONTH), "1 mes");
	ck_assert_str_eq(ct_count(w, 2, N_TRANSACTION), "2 transacciones");
	ck_assert_str_eq(ct_pct(w, 1990), "19,9");
	w = writer(LANG_PT, "JPY");
	ck_assert_int_eq(w->digits, 0);
	ck_assert_str_eq(ct_money_major(w, 300), "¥ 300");
	ck_assert_str_eq(ct_count(w, 1, N_TRANSACTION), "1 transação");
	w = writer(LANG_EN, "KWD");
	ck_assert_str_eq(ct_money_major(w, 300), "300.000 KWD");
}
END_TEST

START_TEST(dates)
{
	struct ct *w = writer(LANG_EN, "USD");

	ck_assert_str_eq(ct_date(w, "2026-10-01", 1), "Oct 1, 2026");
	ck_assert_str_eq(ct_date(w, "2026-10-01", 0), "Oct 1");
	ck_assert_str_eq(ct_date(w, "not a date", 1), "not a date");
	ck_assert_str_eq(ct_date(w, NULL, 1), "");
	ck_assert_str_eq(ct_range(w, "2026-10-01", "2026-10-31"), " (Oct 1 – Oct 31, 2026)");
	ck_assert_str_eq(ct_range(w, "2025-12-01", "2026-01-31"), " (Dec 1, 2025 – Jan 31, 2026)");
	ck_assert_str_eq(ct_range(w, "2026-11-24", "2026-11-24"), " (Nov 24, 2026)");
	ck_assert_str_eq(ct_range(w, "2026-11-24", "never"), "");
	w = writer(LANG_PT, "BRL");
	ck_assert_str_eq(ct_date(w, "2026-10-01", 1), "01/10/2026");
	ck_assert_str_eq(ct_date(w, "2026-10-01", 0), "01/10");
	ck_assert_str_eq(ct_range(w, "2026-10-01", "2026-10-31"), " (01/10 a 31/10/2026)");
	w = writer(LANG_ES, "EUR");
	ck_assert_str_eq(ct_range(w, "2026-10-01", "2026-10-31"), " (01/10 al 31/10/2026)");
}
END_TEST

START_TEST(lists_and_names)
{
	static const char *const items[] = { "a", "b", "c" };
	struct ct *w = writer(LANG_EN, "USD");

	ck_assert_str_eq(ct_join(w, items, 0), "");
	ck_assert_str_eq(ct_join(w, items, 1), "a");
	ck_assert_str_eq(ct_join(w, items, 2), "a and b");
	ck_assert_str_eq(ct_join(w, items, 3), "a, b and c");
	ck_assert_str_eq(ct_category(w, CAT_UTILITIES), "utilities");
	ck_assert_str_eq(ct_category(w, CAT_COUNT), "other");
	ck_assert_str_eq(ct_category_named(w, "food"), "food");
	ck_assert_str_eq(ct_category_named(w, "xyz"), "xyz");
	ck_assert_str_eq(ct_category_named(w, NULL), "other");
	ck_assert_str_eq(ct_goal_type(w, "debt_payoff"), "Debt payoff");
	ck_assert_str_eq(ct_goal_type(w, "unknown"), "Savings");
	ck_assert_str_eq(ct_period(w, CAL_LAST_7_DAYS), "in the last 7 days");
	w = writer(LANG_PT, "BRL");
	ck_assert_str_eq(ct_join(w, items, 3), "a, b e c");
	ck_assert_str_eq(ct_category(w, CAT_UTILITIES), "contas da casa");
	ck_assert_str_eq(ct_category_named(w, "health"), "saúde");
	ck_assert_str_eq(ct_goal_type(w, "investment"), "Investimento");
	ck_assert_str_eq(ct_period(w, CAL_LAST_MONTH), "no mês passado");
	w = writer(LANG_ES, "EUR");
	ck_assert_str_eq(ct_join(w, items, 2), "a y b");
	ck_assert_str_eq(ct_period(w, CAL_THIS_YEAR), "este año");
	ck_assert_str_eq(ct_period(w, CAL_PERIOD_COUNT), "este mes");
}
END_TEST

/* A piece stays valid while fewer than CT_NSLOT others are made. */
START_TEST(slots)
{
	struct ct	*w = writer(LANG_EN, "USD");
	const char	*first = ct_int(w, 1);
	int		 i;

	for (i = 2; i <= CT_NSLOT; i++)
		ct_int(w, i);
	ck_assert_str_eq(first, "1");
	ct_int(w, 99);
	ck_assert_str_eq(first, "99");
	buf_free(&reply);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("coach_text");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, sentences);
	tcase_add_test(tc, too_long);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, lists_and_names);
	tcase_add_test(tc, slots);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
