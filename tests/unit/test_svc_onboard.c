/*
 * test_svc_onboard.c: onboarding in the WhatsApp conversation without HTTP
 * or WhatsApp, on a real PostgreSQL: each answer moves the conversation on
 * and says what it understood; the last one makes the intake (the debt with
 * its monthly rate), the goal and the first plan; an emergency fund is the
 * plan's own step, not a second goal; stopping and beginning again.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "db_fixture.h"
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_onboard.h"
#include "service/svc_plan.h"
#include "service/svc_user.h"

/* Read text as the answer to where o stands and take it; the reply into out. */
static void
answer(struct fixture *fx, struct user *u, struct onboarding *o, const char *text,
    struct buf *out)
{
	struct ob_answer a;
	enum ob_step	 st;

	buf_reset(out);
	ck_assert_int_eq(ob_step_of(o->step, &st), 0);
	ck_assert_int_eq(ob_read(st, text, lang_of(u->language), u->currency, &a), 0);
	ck_assert_msg(a.kind == OB_ANSWER || a.kind == OB_SKIP, "%s: kind %d", text, (int)a.kind);
	ck_assert_int_eq(svc_onboard_answer(&fx->s, u, o, &a, out), 0);
	/* the row says what o says */
	{
		struct onboarding row;

		ck_assert_int_eq(svc_onboard_get(&fx->s, u, &row), 1);
		ck_assert_str_eq(row.step, o->step);
	}
}

#define HAS(b, s)	ck_assert_msg(strstr(buf_str(b), (s)) != NULL, "no \"%s\" in %s", (s), buf_str(b))

START_TEST(five_answers_make_a_plan)
{
	struct fixture	 fx;
	struct user	 u;
	struct onboarding o;
	struct intake	 in;
	struct goal	 g[2];
	struct store_page pg = { .limit = 2 };
	struct plan_view *v;
	struct buf	 out;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	buf_init(&out, 16384);
	fixture_user(&fx.s.st, "ob-svc-1", "pt", "BRL", &u);
	ck_assert_int_eq(svc_onboard_get(&fx.s, &u, &o), 0);
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(svc_onboard_begin(&fx.s, &u, &o, &out), 0);
	HAS(&out, "*1/5*");
	ck_assert_str_eq(o.step, "income");
	answer(&fx, &u, &o, "ganho 5.000", &out);
	HAS(&out, "R$ 5.000,00");
	ck_assert_str_eq(o.step, "expenses");
	answer(&fx, &u, &o, "aluguel 1.500, mercado 800, contas 400", &out);
	HAS(&out, "R$ 2.700,00");
	answer(&fx, &u, &o, "nada", &out);
	HAS(&out, "nada guardado");
	answer(&fx, &u, &o, "1.200 no cart\xc3\xa3o", &out);
	ck_assert_str_eq(o.step, "rate");
	answer(&fx, &u, &o, "14%", &out);
	HAS(&out, "ao m\xc3\xaas ou ao ano");
	ck_assert_str_eq(o.step, "rate");
	answer(&fx, &u, &o, "ao m\xc3\xaas", &out);
	ck_assert_str_eq(o.step, "goal");
	/* a goal without its amount: asked */
	answer(&fx, &u, &o, "uma viagem", &out);
	ck_assert_str_eq(o.step, "goal_amount");
	HAS(&out, "*Viagem*");
	answer(&fx, &u, &o, "6 mil", &out);
	ck_assert_str_eq(o.step, "done");
	HAS(&out, "Objetivo: *Viagem*, R$ 6.000,00.");
	HAS(&out, "*Seu plano est\xc3\xa1 pronto.*");
	/* the records, as the API would have made them */
	ck_assert_int_eq(svc_intake_latest(&fx.s, u.id, &in), 0);
	ck_assert_int_eq(in.income, 500000);
	ck_assert_int_eq(in.expenses, 270000);
	ck_assert(in.has_savings && in.savings == 0);
	ck_assert(in.has_debt && in.debt == 120000);
	ck_assert_uint_eq(in.ndebts, 1);
	ck_assert(in.debts[0].has_rate);
	ck_assert_int_eq(in.debts[0].rate, 14000);
	ck_assert_str_eq(in.debts[0].rate_period, "month");
	ck_assert_str_eq(in.financial_goal, "savings");
	ck_assert_int_eq(svc_goal_list(&fx.s, u.id, NULL, &pg, g, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(g[0].goal_name, "Viagem");
	ck_assert_int_eq(g[0].target_amount, 600000);
	/* the last answer again (its runner died before the turn was done): still one goal */
	snprintf(o.step, sizeof(o.step), "goal_amount");
	answer(&fx, &u, &o, "6 mil", &out);
	ck_assert_int_eq(svc_goal_list(&fx.s, u.id, NULL, &pg, g, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	v = pool_alloc(&fx.pool, sizeof(*v));
	ck_assert_int_eq(svc_plan_latest(&fx.s, u.id, v), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &u), 0);
	ck_assert_str_eq(u.onboarding_stage, "active");
	buf_free(&out);
	fixture_close(&fx);
}
END_TEST

START_TEST(emergency_fund_is_the_plans_own)
{
	struct fixture	 fx;
	struct user	 u;
	struct onboarding o;
	struct intake	 in;
	struct goal	 g[2];
	struct store_page pg = { .limit = 2 };
	struct buf	 out;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	buf_init(&out, 16384);
	fixture_user(&fx.s.st, "ob-svc-2", "en", "USD", &u);
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(svc_onboard_begin(&fx.s, &u, &o, &out), 0);
	answer(&fx, &u, &o, "3200", &out);
	answer(&fx, &u, &o, "2500", &out);
	answer(&fx, &u, &o, "1000", &out);
	answer(&fx, &u, &o, "none", &out);
	HAS(&out, "no debts");
	ck_assert_str_eq(o.step, "goal");
	answer(&fx, &u, &o, "emergency fund", &out);
	HAS(&out, "Goal: *Emergency fund*.");
	HAS(&out, "*Your plan is ready.*");
	ck_assert_int_eq(svc_intake_latest(&fx.s, u.id, &in), 0);
	ck_assert_str_eq(in.financial_goal, "savings");
	ck_assert(in.has_debt && in.debt == 0);
	ck_assert_uint_eq(in.ndebts, 0);
	ck_assert_int_eq(svc_goal_list(&fx.s, u.id, NULL, &pg, g, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	buf_free(&out);
	fixture_close(&fx);
}
END_TEST

START_TEST(stop_and_begin_again)
{
	struct fixture	 fx;
	struct user	 u;
	struct onboarding o, row;
	struct buf	 out;

	fixture_open(&fx);
	buf_init(&out, 4096);
	fixture_user(&fx.s.st, "ob-svc-3", "es", "EUR", &u);
	memset(&o, 0, sizeof(o));
	ck_assert_int_eq(svc_onboard_begin(&fx.s, &u, &o, &out), 0);
	answer(&fx, &u, &o, "2.100", &out);
	ck_assert_str_eq(o.step, "expenses");
	buf_reset(&out);
	ck_assert_int_eq(svc_onboard_stop(&fx.s, &u, &o, &out), 0);
	HAS(&out, "_empezar_");
	ck_assert_int_eq(svc_onboard_get(&fx.s, &u, &row), 1);
	ck_assert_str_eq(row.step, "off");
	/* again from the first question, the earlier answer forgotten */
	buf_reset(&out);
	ck_assert_int_eq(svc_onboard_begin(&fx.s, &u, &o, &out), 0);
	HAS(&out, "*1/5*");
	ck_assert_int_eq(svc_onboard_get(&fx.s, &u, &row), 1);
	ck_assert_str_eq(row.step, "income");
	ck_assert(!row.has_income);
	/* where it stands is this client's only */
	ck_assert_int_eq(store_onboard_get(&fx.st_b, u.id, &row), 0);
	buf_free(&out);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_onboard_suite(void)
{
	Suite	*s = suite_create("svc_onboard");
	TCase	*tc = tcase_create("onboarding");

	tcase_add_test(tc, five_answers_make_a_plan);
	tcase_add_test(tc, emergency_fund_is_the_plans_own);
	tcase_add_test(tc, stop_and_begin_again);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_onboard_suite)
