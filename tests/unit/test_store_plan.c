/*
 * test_store_plan.c: the plans store module against a real PostgreSQL:
 * insert, the latest plan, pages, and the facts the coach reads out of a
 * stored body (money at the currency's digits, rates, action items in any
 * script and with escapes), and that another client sees none of it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_plan.h"

/* A plan's body as svc_plan writes it (the parts the facts read). */
static const char body_full[] =
	"{\"id\":\"x\",\"summary\":\"Save R$ 1.234,56 a month — você consegue\","
	"\"timeline_months\":18,"
	"\"allocations\":{\"needs\":50,\"wants\":20,\"savings\":25,\"debt\":5},"
	"\"key_metrics\":{\"monthly_savings_amount\":1234.56,\"monthly_debt_payment\":250.5,"
	"\"projected_goal_date\":\"2028-05-01\",\"current_savings_rate\":12.5,"
	"\"target_savings_rate\":20.05,\"debt_payoff_date\":\"2027-11-01\","
	"\"emergency_fund_months\":3.25},"
	"\"action_items\":[\"Guarde R$ 125,00 já 💰\","
	"\"Say \\\"no\\\" to a \\\\ backslash\\nand a\\ttab\","
	"\"\\u00e9t\\u00e9 \\ud83d\\ude00\",\"日本語の行動\"],"
	"\"created_at\":\"2026-06-01T12:00:00Z\"}";

/* Without a goal or a debt: the engine writes nulls. */
static const char body_nulls[] =
	"{\"summary\":\"s\",\"timeline_months\":null,"
	"\"allocations\":{\"needs\":60,\"wants\":30,\"savings\":10,\"debt\":0},"
	"\"key_metrics\":{\"monthly_savings_amount\":0,\"monthly_debt_payment\":null,"
	"\"projected_goal_date\":null,\"current_savings_rate\":-3.5,"
	"\"target_savings_rate\":null,\"debt_payoff_date\":null,"
	"\"emergency_fund_months\":null},\"created_at\":\"2026-06-02T00:00:00Z\"}";

static void
insert(struct store *st, const char *user, const char *body,
    int64_t move, struct plan_row *p)
{
	memset(p, 0, sizeof(*p));
	fixture_id("ozz_plan", p->id, sizeof(p->id));
	snprintf(p->user_id, sizeof(p->user_id), "%s", user);
	p->body = body;
	p->monthly_move_cents = move;
	ck_assert_int_eq(store_plan_insert(st, p), 0);
}

START_TEST(insert_latest_and_pages)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct plan_row	 p[3], g, rows[2];
	struct store_page pg = { 2, 0, 0, "" };
	size_t		 n;
	int		 more, k;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "p-1", "en", "USD", &u);
	fixture_user(&fx.s.st, "p-2", "en", "USD", &w);
	ck_assert_int_eq(store_plan_latest(&fx.s.st, u.id, &g), 0);
	for (k = 0; k < 3; k++)
		insert(&fx.s.st, u.id, k == 1 ? body_nulls : body_full, 1000 * (k + 1), &p[k]);
	insert(&fx.s.st, w.id, body_nulls, 5, &g);
	ck_assert_int_eq(store_plan_latest(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, p[2].id);
	ck_assert_str_eq(g.user_id, u.id);
	ck_assert_int_eq(g.monthly_move_cents, 3000);
	ck_assert_int_gt(g.cursor_us, 0);
	/* the body comes back as jsonb text: the same document, numbers exact */
	ck_assert_ptr_nonnull(strstr(g.body, "\"monthly_savings_amount\": 1234.56"));
	ck_assert_ptr_nonnull(strstr(g.body, "\"monthly_debt_payment\": 250.5"));
	ck_assert_ptr_nonnull(strstr(g.body, "Guarde R$ 125,00 já 💰"));
	ck_assert_int_eq(store_plan_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 1);
	ck_assert_str_eq(rows[0].id, p[2].id);
	ck_assert_str_eq(rows[1].id, p[1].id);
	ck_assert_int_eq(rows[1].monthly_move_cents, 2000);
	pg.has_after = 1;
	pg.after_us = rows[1].cursor_us;
	snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[1].id);
	ck_assert_int_eq(store_plan_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].id, p[0].id);
	/* the table refuses what is not JSON, or a negative monthly move */
	memset(&g, 0, sizeof(g));
	fixture_id("ozz_plan", g.id, sizeof(g.id));
	snprintf(g.user_id, sizeof(g.user_id), "%s", u.id);
	g.body = "{not json";
	ck_assert_int_eq(store_plan_insert(&fx.s.st, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_OTHER);
	g.body = "{}";
	g.monthly_move_cents = -1;
	ck_assert_int_eq(store_plan_insert(&fx.s.st, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	ck_assert_int_eq(store_plan_latest(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, p[2].id);
	fixture_close(&fx);
}
END_TEST

START_TEST(facts_from_the_body)
{
	struct fixture	 fx;
	struct user	 u;
	struct plan_row	 p;
	struct plan_facts f;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "p-3", "pt", "BRL", &u);
	ck_assert_int_eq(store_plan_facts(&fx.s.st, u.id, 2, &f), 0);
	insert(&fx.s.st, u.id, body_full, 123456, &p);
	ck_assert_int_eq(store_plan_facts(&fx.s.st, u.id, 2, &f), 1);
	ck_assert_str_eq(f.id, p.id);
	ck_assert_str_eq(f.created_at, "2026-06-01T12:00:00Z");
	ck_assert_str_eq(f.summary, "Save R$ 1.234,56 a month — você consegue");
	ck_assert_int_eq(f.has_timeline, 1);
	ck_assert_int_eq(f.timeline_months, 18);
	ck_assert_int_eq(f.needs_pct, 50);
	ck_assert_int_eq(f.wants_pct, 20);
	ck_assert_int_eq(f.savings_pct, 25);
	ck_assert_int_eq(f.debt_pct, 5);
	/* money in minor units at 2 digits */
	ck_assert(f.has_monthly_savings && f.has_monthly_debt_payment);
	ck_assert_int_eq(f.monthly_savings, 123456);
	ck_assert_int_eq(f.monthly_debt_payment, 25050);
	/* rates in basis points, months in tenths */
	ck_assert(f.has_current_rate && f.has_target_rate);
	ck_assert_int_eq(f.current_rate_bp, 1250);
	ck_assert_int_eq(f.target_rate_bp, 2005);
	ck_assert_str_eq(f.projected_goal_date, "2028-05-01");
	ck_assert_str_eq(f.debt_payoff_date, "2027-11-01");
	ck_assert_int_eq(f.has_emergency_months, 1);
	ck_assert_int_eq(f.emergency_months_tenths, 33);	/* 32.5 rounds away from zero */
	/* action items, decoded: unicode as written, escapes undone */
	ck_assert_uint_eq(f.nactions, 4);
	ck_assert_str_eq(f.actions[0], "Guarde R$ 125,00 já 💰");
	ck_assert_str_eq(f.actions[1], "Say \"no\" to a \\ backslash\nand a\ttab");
	ck_assert_str_eq(f.actions[2], "été 😀");
	ck_assert_str_eq(f.actions[3], "日本語の行動");
	/* at 0 digits (JPY) the same amounts round to whole units */
	ck_assert_int_eq(store_plan_facts(&fx.s.st, u.id, 0, &f), 1);
	ck_assert_int_eq(f.monthly_savings, 1235);
	ck_assert_int_eq(f.monthly_debt_payment, 251);
	ck_assert_int_eq(f.current_rate_bp, 1250);	/* rates do not depend on digits */
	/* and at 3 digits (KWD) they scale up exactly */
	ck_assert_int_eq(store_plan_facts(&fx.s.st, u.id, 3, &f), 1);
	ck_assert_int_eq(f.monthly_savings, 1234560);
	fixture_close(&fx);
}
END_TEST

START_TEST(facts_with_nulls_and_many_actions)
{
	struct fixture	 fx;
	struct user	 u;
	struct plan_row	 p;
	struct plan_facts f;
	char		 body[2048];
	size_t		 i, len;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "p-4", "en", "USD", &u);
	insert(&fx.s.st, u.id, body_nulls, 0, &p);
	ck_assert_int_eq(store_plan_facts(&fx.s.st, u.id, 2, &f), 1);
	ck_assert_int_eq(f.has_timeline, 0);
	ck_assert_int_eq(f.needs_pct, 60);
	ck_assert_int_eq(f.has_monthly_savings, 1);	/* zero is a figure */
	ck_assert_int_eq(f.monthly_savings, 0);
	ck_assert_int_eq(f.has_monthly_debt_payment, 0);
	ck_assert_int_eq(f.has_current_rate, 1);
	ck_assert_int_eq(f.current_rate_bp, -350);
	ck_assert_int_eq(f.has_target_rate, 0);
	ck_assert_str_eq(f.projected_goal_date, "");
	ck_assert_str_eq(f.debt_payoff_date, "");
	ck_assert_int_eq(f.has_emergency_months, 0);
	ck_assert_uint_eq(f.nactions, 0);		/* no action_items at all */
	/* more action items than the facts keep: the first PLAN_MAX_ACTIONS, in order */
	len = (size_t)snprintf(body, sizeof(body), "{\"summary\":\"many\",\"action_items\":[");
	for (i = 0; i < PLAN_MAX_ACTIONS + 3; i++)
		len += (size_t)snprintf(body + len, sizeof(body) - len, "%s\"step %zu\"",
		    i ? "," : "", i);
	snprintf(body + len, sizeof(body) - len, "]}");
	insert(&fx.s.st, u.id, body, 0, &p);
	ck_assert_int_eq(store_plan_facts(&fx.s.st, u.id, 2, &f), 1);
	ck_assert_str_eq(f.id, p.id);			/* the latest plan's */
	ck_assert_uint_eq(f.nactions, PLAN_MAX_ACTIONS);
	ck_assert_str_eq(f.actions[0], "step 0");
	ck_assert_str_eq(f.actions[PLAN_MAX_ACTIONS - 1], "step 7");
	ck_assert_int_eq(f.has_monthly_savings, 0);	/* no key_metrics */
	ck_assert_str_eq(f.created_at, "");
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct user	 u;
	struct plan_row	 p, g, rows[2];
	struct plan_facts f;
	struct store_page pg = { 2, 0, 0, "" };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "p-5", "en", "USD", &u);
	insert(&fx.s.st, u.id, body_full, 100, &p);
	ck_assert_int_eq(store_plan_latest(&fx.st_b, u.id, &g), 0);
	ck_assert_int_eq(store_plan_facts(&fx.st_b, u.id, 2, &f), 0);
	ck_assert_int_eq(store_plan_list(&fx.st_b, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	/* b cannot give a's user a newer plan */
	memset(&g, 0, sizeof(g));
	fixture_id("ozz_plan", g.id, sizeof(g.id));
	snprintf(g.user_id, sizeof(g.user_id), "%s", u.id);
	g.body = body_nulls;
	ck_assert_int_eq(store_plan_insert(&fx.st_b, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	ck_assert_int_eq(store_plan_latest(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, p.id);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_plan_suite(void)
{
	Suite	*s = suite_create("store_plan");
	TCase	*tc = tcase_create("plans");

	tcase_add_test(tc, insert_latest_and_pages);
	tcase_add_test(tc, facts_from_the_body);
	tcase_add_test(tc, facts_with_nulls_and_many_actions);
	tcase_add_test(tc, tenancy);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_plan_suite)
