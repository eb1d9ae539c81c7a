/*
 * test_wa_onboard.c: reading the answers of onboarding in the WhatsApp
 * conversation (domain/wa_onboard.h) in en/pt/es, and its texts.
 */
#include "config.h"

#include <string.h>

#include "check_main.h"
#include "domain/wa_onboard.h"

/* The answer to st of text, in l, BRL by default. */
static struct ob_answer
rd(enum ob_step st, enum lang l, const char *text)
{
	struct ob_answer a;

	ck_assert_int_eq(ob_read(st, text, l, l == LANG_EN ? "USD" : l == LANG_PT ? "BRL" : "EUR",
	    &a), 0);
	return a;
}

static void
amount_is(enum ob_step st, enum lang l, const char *text, long long cents)
{
	struct ob_answer a = rd(st, l, text);

	ck_assert_msg(a.kind == OB_ANSWER && a.has_amount, "%s: kind %d", text, (int)a.kind);
	ck_assert_msg(a.amount == cents, "%s: %lld, not %lld", text, (long long)a.amount, cents);
}

static void
kind_is(enum ob_step st, enum lang l, const char *text, enum ob_kind k)
{
	struct ob_answer a = rd(st, l, text);

	ck_assert_msg(a.kind == k, "%s: kind %d, not %d", text, (int)a.kind, (int)k);
}

START_TEST(steps_by_name)
{
	enum ob_step st;
	int	 i;

	for (i = 0; i < OB_STEP_COUNT; i++) {
		ck_assert_int_eq(ob_step_of(ob_step_name((enum ob_step)i), &st), 0);
		ck_assert_int_eq((int)st, i);
	}
	ck_assert_int_eq(ob_step_of("nonsense", &st), -1);
	ck_assert_int_eq(ob_step_of(NULL, &st), -1);
	ck_assert(ob_asking(OB_INCOME) && ob_asking(OB_GOAL_AMOUNT));
	ck_assert(!ob_asking(OB_DONE) && !ob_asking(OB_OFF));
}
END_TEST

START_TEST(money_answers)
{
	amount_is(OB_INCOME, LANG_PT, "5000", 500000);
	amount_is(OB_INCOME, LANG_PT, "Ganho R$ 5.000 por m\xc3\xaas", 500000);
	amount_is(OB_INCOME, LANG_PT, "uns 4 mil", 400000);
	amount_is(OB_INCOME, LANG_PT, "sal\xc3\xa1rio 4.500 e freela 1.000", 550000);
	amount_is(OB_INCOME, LANG_EN, "$3,200.50", 320050);
	amount_is(OB_INCOME, LANG_EN, "between 3000 and 4000", 350000);
	amount_is(OB_INCOME, LANG_ES, "cobro 2.100,50 \xe2\x82\xac", 210050);
	/* the parts of a month's spending add up */
	amount_is(OB_EXPENSES, LANG_PT, "aluguel 1.200, mercado 600, contas 300", 210000);
	amount_is(OB_EXPENSES, LANG_EN, "rent 1200 food 600 bills 300", 210000);
	amount_is(OB_EXPENSES, LANG_ES, "unos 1.800", 180000);
	/* "nothing" is an answer for savings and debt, not for spending */
	amount_is(OB_SAVINGS, LANG_PT, "nada", 0);
	amount_is(OB_SAVINGS, LANG_PT, "0", 0);
	amount_is(OB_SAVINGS, LANG_PT, "N\xc3\xa3o tenho nada guardado", 0);
	amount_is(OB_SAVINGS, LANG_EN, "none", 0);
	amount_is(OB_DEBT, LANG_EN, "I don't owe anything", 0);
	amount_is(OB_DEBT, LANG_ES, "no debo nada", 0);
	amount_is(OB_DEBT, LANG_PT, "devo 1.500 no cart\xc3\xa3o", 150000);
	amount_is(OB_SAVINGS, LANG_PT, "tenho 2.000 na poupan\xc3\247a", 200000);
	kind_is(OB_EXPENSES, LANG_PT, "nada", OB_OTHER);
	kind_is(OB_EXPENSES, LANG_EN, "0", OB_OTHER);
	/* the largest number for a goal's amount */
	amount_is(OB_GOAL_AMOUNT, LANG_PT, "uns 8 mil, guardando 500 por m\xc3\xaas", 800000);
}
END_TEST

START_TEST(not_answers)
{
	/* a question, a greeting: the chat answers, then the question again */
	kind_is(OB_INCOME, LANG_PT, "Quanto gastei com mercado?", OB_OTHER);
	kind_is(OB_INCOME, LANG_EN, "why do you need that?", OB_OTHER);
	kind_is(OB_INCOME, LANG_EN, "", OB_OTHER);
	kind_is(OB_INCOME, LANG_EN, "   ", OB_OTHER);
	/* spending just now is logged by the chat */
	kind_is(OB_INCOME, LANG_PT, "gastei 30 no uber", OB_LOG);
	kind_is(OB_SAVINGS, LANG_ES, "gast\xc3\xa9 12 en el caf\xc3\xa9", OB_LOG);
	kind_is(OB_GOAL, LANG_EN, "spent 40 on groceries", OB_LOG);
	/* but at the spending question, spending is the answer */
	amount_is(OB_EXPENSES, LANG_PT, "gastei uns 3.000 no m\xc3\xaas passado", 300000);
	/* paying a debt is an answer about the debt */
	amount_is(OB_DEBT, LANG_PT, "paguei metade, faltam 2.000", 200000);
	/* stop */
	kind_is(OB_INCOME, LANG_PT, "depois", OB_STOP);
	kind_is(OB_DEBT, LANG_PT, "mais tarde", OB_STOP);
	kind_is(OB_GOAL, LANG_EN, "later", OB_STOP);
	kind_is(OB_EXPENSES, LANG_ES, "ahora no", OB_STOP);
	/* "para" begins a goal, it does not stop anything */
	kind_is(OB_GOAL, LANG_PT, "para viagem 5000", OB_ANSWER);
	/* bad arguments */
	{
		struct ob_answer a;

		ck_assert_int_eq(ob_read(OB_DONE, "5000", LANG_EN, "USD", &a), -1);
		ck_assert_int_eq(ob_read(OB_INCOME, NULL, LANG_EN, "USD", &a), -1);
		ck_assert_int_eq(ob_read(OB_INCOME, "1", LANG_EN, "USD", NULL), -1);
	}
}
END_TEST

START_TEST(rates)
{
	struct ob_answer a;

	a = rd(OB_RATE, LANG_PT, "12% ao m\xc3\xaas");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert(a.has_rate);
	ck_assert_int_eq(a.rate, 12000);
	ck_assert_str_eq(a.rate_period, "month");
	a = rd(OB_RATE, LANG_PT, "uns 14,5% a.m.");
	ck_assert_int_eq(a.rate, 14500);
	ck_assert_str_eq(a.rate_period, "month");
	a = rd(OB_RATE, LANG_EN, "29.99% APR");
	ck_assert_int_eq(a.rate, 29990);
	ck_assert_str_eq(a.rate_period, "year");
	a = rd(OB_RATE, LANG_ES, "el 24 por ciento al a\xc3\xb1o");
	ck_assert_int_eq(a.rate, 24000);
	ck_assert_str_eq(a.rate_period, "year");
	/* a rate without its period: asked after */
	a = rd(OB_RATE, LANG_PT, "8%");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert_int_eq(a.rate, 8000);
	ck_assert_str_eq(a.rate_period, "");
	/* the period alone answers that */
	a = rd(OB_RATE, LANG_PT, "ao m\xc3\xaas");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert(!a.has_rate);
	ck_assert_str_eq(a.rate_period, "month");
	a = rd(OB_RATE, LANG_EN, "a year");
	ck_assert_str_eq(a.rate_period, "year");
	/* "I am" is not "a.m." */
	a = rd(OB_RATE, LANG_EN, "I am not sure");
	ck_assert_int_eq(a.kind, OB_SKIP);
	kind_is(OB_RATE, LANG_PT, "n\xc3\xa3o sei", OB_SKIP);
	kind_is(OB_RATE, LANG_ES, "no s\xc3\xa9", OB_SKIP);
	kind_is(OB_RATE, LANG_EN, "don't know", OB_SKIP);
	/* two numbers and no percent sign: which? */
	kind_is(OB_RATE, LANG_EN, "12 or 15", OB_OTHER);
	/* over 100% a month is not a rate */
	kind_is(OB_RATE, LANG_EN, "150% a month", OB_OTHER);
	kind_is(OB_RATE, LANG_EN, "what is a rate?", OB_OTHER);
}
END_TEST

START_TEST(goals)
{
	struct ob_answer a;

	a = rd(OB_GOAL, LANG_PT, "Viagem para Portugal 8.000");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert_str_eq(a.goal_type, "savings");
	ck_assert_str_eq(a.goal_name, "Viagem para Portugal");
	ck_assert(a.has_amount);
	ck_assert_int_eq(a.amount, 800000);
	a = rd(OB_GOAL, LANG_PT, "quero juntar 8 mil para uma viagem a Lisboa");
	ck_assert_str_eq(a.goal_name, "Viagem a Lisboa");
	ck_assert_int_eq(a.amount, 800000);
	a = rd(OB_GOAL, LANG_PT, "reserva de emerg\xc3\xaancia");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert(a.emergency);
	ck_assert(!a.has_amount);
	ck_assert_str_eq(a.goal_type, "savings");
	ck_assert_str_eq(a.goal_name, "Reserva de emerg\xc3\xaancia");
	a = rd(OB_GOAL, LANG_PT, "quitar o cart\xc3\xa3o");
	ck_assert_str_eq(a.goal_type, "debt_payoff");
	ck_assert_str_eq(a.goal_name, "Quitar o cart\xc3\xa3o");
	a = rd(OB_GOAL, LANG_EN, "pay off my loans");
	ck_assert_str_eq(a.goal_type, "debt_payoff");
	a = rd(OB_GOAL, LANG_EN, "a new car, $15,000");
	ck_assert_str_eq(a.goal_type, "savings");
	ck_assert_str_eq(a.goal_name, "New car");
	ck_assert_int_eq(a.amount, 1500000);
	a = rd(OB_GOAL, LANG_ES, "jubilaci\xc3\xb3n");
	ck_assert_str_eq(a.goal_type, "investment");
	ck_assert_str_eq(a.goal_name, "Jubilaci\xc3\xb3n");
	a = rd(OB_GOAL, LANG_EN, "a wedding");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert_str_eq(a.goal_name, "Wedding");
	ck_assert(!a.has_amount);
	/* only an amount: a savings goal of that */
	a = rd(OB_GOAL, LANG_EN, "10000");
	ck_assert_int_eq(a.kind, OB_ANSWER);
	ck_assert_str_eq(a.goal_name, "Savings goal");
	/* no goal */
	kind_is(OB_GOAL, LANG_PT, "nenhum", OB_SKIP);
	kind_is(OB_GOAL, LANG_EN, "skip", OB_SKIP);
	kind_is(OB_GOAL, LANG_ES, "ninguna", OB_SKIP);
	/* a name cut on a character, never inside one */
	a = rd(OB_GOAL, LANG_PT, "viagem \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 500");
	ck_assert_int_lt(strlen(a.goal_name), OB_NAME_MAX);
	ck_assert_int_ne((unsigned char)a.goal_name[strlen(a.goal_name) - 1], 0xc3);
}
END_TEST

START_TEST(restart_and_greeting)
{
	ck_assert(ob_is_restart("come\xc3\247ar"));
	ck_assert(ob_is_restart("Start"));
	ck_assert(ob_is_restart("empezar"));
	ck_assert(ob_is_restart("meu plano"));
	ck_assert(!ob_is_restart("gastei 30 no mercado"));
	ck_assert(!ob_is_restart("qual \xc3\xa9 o meu plano para a viagem de dezembro?"));
	ck_assert(ob_is_greeting("Oi"));
	ck_assert(ob_is_greeting("Hello!"));
	ck_assert(ob_is_greeting("buenos d\xc3\255as"));
	ck_assert(!ob_is_greeting("oi, gastei 30 no uber"));
	ck_assert(!ob_is_greeting("oi, o que voc\xc3\xaa faz?"));
}
END_TEST

START_TEST(texts)
{
	char	 out[512], small[12];
	int	 l, st;

	for (l = 0; l < LANG_COUNT; l++) {
		ck_assert(strlen(ob_text_intro((enum lang)l)) > 20);
		ck_assert(strlen(ob_text_stopped((enum lang)l)) > 20);
		for (st = OB_INCOME; st < OB_DONE; st++) {
			ob_text_question((enum ob_step)st, (enum lang)l, "Viagem", out, sizeof(out));
			ck_assert_msg(strlen(out) > 10, "question %d/%d", st, l);
			ck_assert_ptr_null(strchr(out, '{'));
			ob_text_ack((enum ob_step)st, (enum lang)l, "R$ 5,00", 0, out, sizeof(out));
			ck_assert_ptr_nonnull(strstr(out, "R$ 5,00"));
		}
	}
	ob_text_question(OB_GOAL_AMOUNT, LANG_PT, "Viagem", out, sizeof(out));
	ck_assert_str_eq(out, "Quanto voc\xc3\xaa precisa para *Viagem*?");
	ob_text_ack(OB_EXPENSES, LANG_EN, "$4,000.00", 1, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "more than you take home"));
	ob_text_ack(OB_DEBT, LANG_PT, NULL, 0, out, sizeof(out));
	ck_assert_str_eq(out, "\xc3\x93timo: nenhuma d\xc3\xadvida.");
	ob_text_ack(OB_SAVINGS, LANG_EN, NULL, 0, out, sizeof(out));
	ck_assert_str_eq(out, "Got it: nothing saved yet. The plan starts there.");
	ck_assert(ob_is_why("Por que voc\xc3\xaa precisa disso?"));
	ck_assert(ob_is_why("why?"));
	ck_assert(ob_is_why("y para qu\xc3\xa9?"));
	ck_assert(!ob_is_why("quanto gastei com uber?"));
	ck_assert(strlen(ob_text_why(LANG_ES)) > 20);
	ob_text_question(OB_DONE, LANG_EN, NULL, out, sizeof(out));
	ck_assert_str_eq(out, "");
	/* cut, never inside a character */
	ob_text_question(OB_INCOME, LANG_PT, NULL, small, sizeof(small));
	ck_assert_int_lt(strlen(small), sizeof(small));
	ob_format_rate(12500, "month", LANG_PT, out, sizeof(out));
	ck_assert_str_eq(out, "12,5% ao m\xc3\xaas");
	ob_format_rate(29990, "year", LANG_EN, out, sizeof(out));
	ck_assert_str_eq(out, "29.99% a year");
	ob_format_rate(8000, "", LANG_ES, out, sizeof(out));
	ck_assert_str_eq(out, "8%");
	ob_text_rate_period(LANG_PT, "8%", out, sizeof(out));
	ck_assert_str_eq(out, "*8%* \xc3\xa9 ao m\xc3\xaas ou ao ano?");
}
END_TEST

static Suite *
wa_onboard_suite(void)
{
	Suite	*s = suite_create("wa_onboard");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, steps_by_name);
	tcase_add_test(tc, money_answers);
	tcase_add_test(tc, not_answers);
	tcase_add_test(tc, rates);
	tcase_add_test(tc, goals);
	tcase_add_test(tc, restart_and_greeting);
	tcase_add_test(tc, texts);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(wa_onboard_suite)
