/*
 * test_store_intake.c: the financial intakes store module against a real
 * PostgreSQL: exact figures in and out, optional fields, the latest one,
 * pages, the table's checks, and that another client sees none of it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_intake.h"

/* An intake of user for month with income and expenses (hundredths), nothing optional. */
static void
intake(struct intake *in, const char *user, const char *month, int64_t income,
    int64_t expenses)
{
	memset(in, 0, sizeof(*in));
	fixture_id("ozz_intake", in->id, sizeof(in->id));
	snprintf(in->user_id, sizeof(in->user_id), "%s", user);
	snprintf(in->month, sizeof(in->month), "%s", month);
	snprintf(in->financial_goal, sizeof(in->financial_goal), "savings");
	in->income = income;
	in->expenses = expenses;
}

START_TEST(insert_every_field)
{
	struct fixture	 fx;
	struct user	 u;
	struct intake	 in, out, g;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "i-1", "en", "USD", &u);
	intake(&in, u.id, "2026-03", 523456, 350050);
	snprintf(in.financial_goal, sizeof(in.financial_goal), "debt_payoff");
	snprintf(in.next_pay_date, sizeof(in.next_pay_date), "2026-03-31");
	in.has_savings = in.has_debt = in.has_rate = 1;
	in.savings = 100001;
	in.debt = 1250000;
	in.rate = 1990;
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), 0);
	ck_assert_str_eq(out.id, in.id);
	ck_assert_str_eq(out.user_id, u.id);
	ck_assert_str_eq(out.month, "2026-03");
	ck_assert_int_eq(out.income, 523456);
	ck_assert_int_eq(out.expenses, 350050);
	ck_assert_int_eq(out.surplus, 523456 - 350050);
	ck_assert_str_eq(out.financial_goal, "debt_payoff");
	ck_assert_str_eq(out.next_pay_date, "2026-03-31");
	ck_assert(out.has_savings && out.has_debt && out.has_rate);
	ck_assert_int_eq(out.savings, 100001);
	ck_assert_int_eq(out.debt, 1250000);
	ck_assert_int_eq(out.rate, 1990);
	ck_assert_uint_eq(strlen(out.created_at), 20);
	ck_assert_int_gt(out.cursor_us, 0);
	/* the same row read back */
	ck_assert_int_eq(store_intake_latest(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, in.id);
	ck_assert_int_eq(g.income, 523456);
	ck_assert_int_eq(g.rate, 1990);
	ck_assert_str_eq(g.created_at, out.created_at);
	ck_assert_int_eq(g.cursor_us, out.cursor_us);
	fixture_close(&fx);
}
END_TEST

START_TEST(optional_fields_and_exact_figures)
{
	struct fixture	 fx;
	struct user	 u;
	struct intake	 in, out;
	char		 v[64];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "i-2", "en", "USD", &u);
	/* the largest numeric(16,2), exact: no binary floating point on the way */
	intake(&in, u.id, "2026-12", 9999999999999999LL, 1);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), 0);
	ck_assert_int_eq(out.income, 9999999999999999LL);
	ck_assert_int_eq(out.expenses, 1);
	ck_assert_int_eq(out.surplus, 9999999999999998LL);
	ck_assert(!out.has_savings && !out.has_debt && !out.has_rate);
	ck_assert_int_eq(out.savings, 0);
	ck_assert_str_eq(out.next_pay_date, "");
	fixture_value("SELECT monthly_income::text || ' ' || monthly_expenses::text"
	    " || ' ' || coalesce(savings_balance::text, 'null') FROM financial_intakes"
	    " WHERE id = $1", out.id, NULL, v, sizeof(v));
	ck_assert_str_eq(v, "99999999999999.99 0.01 null");
	/* zero is a figure, not a missing one */
	intake(&in, u.id, "2026-12", 0, 0);
	in.has_savings = 1;
	in.savings = 0;
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), 0);
	ck_assert(out.has_savings);
	ck_assert_int_eq(out.savings, 0);
	ck_assert_int_eq(out.surplus, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(checks_refuse)
{
	struct fixture	 fx;
	struct user	 u;
	struct intake	 in, out;
	char		 v[16];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "i-3", "en", "USD", &u);
	intake(&in, u.id, "2026-13", 100, 50);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	intake(&in, u.id, "2026-01", -100, 50);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	intake(&in, u.id, "2026-01", 100, 50);
	snprintf(in.financial_goal, sizeof(in.financial_goal), "debt");
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	/* an unknown user */
	intake(&in, "ozz_usr_0000000000000000000000", "2026-01", 100, 50);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	/* the connection is still good, and nothing was written */
	ck_assert_int_eq(store_intake_latest(&fx.s.st, u.id, &out), 0);
	fixture_value("SELECT count(*)::text FROM financial_intakes WHERE client_id = $1",
	    fx.a, NULL, v, sizeof(v));
	ck_assert_str_eq(v, "0");
	fixture_close(&fx);
}
END_TEST

START_TEST(latest_and_pages)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct intake	 in, made[5], rows[2], g;
	struct store_page pg = { 2, 0, 0, "" };
	size_t		 n, total = 0, i;
	int		 more = 1, k, pages = 0;
	char		 month[24];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "i-4", "en", "USD", &u);
	fixture_user(&fx.s.st, "i-5", "en", "USD", &w);
	ck_assert_int_eq(store_intake_latest(&fx.s.st, u.id, &g), 0);
	for (k = 0; k < 5; k++) {
		snprintf(month, sizeof(month), "2026-0%d", k + 1);
		intake(&in, u.id, month, 1000 * (k + 1), 0);
		ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &made[k]), 0);
	}
	/* another user's intake is not this user's */
	intake(&in, w.id, "2026-09", 7, 0);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &g), 0);
	ck_assert_int_eq(store_intake_latest(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.id, made[4].id);
	ck_assert_str_eq(g.month, "2026-05");
	/* newest first, in pages of two, each once */
	while (more) {
		ck_assert_int_eq(store_intake_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
		for (i = 0; i < n; i++, total++) {
			ck_assert_uint_lt(total, 5);
			ck_assert_str_eq(rows[i].id, made[4 - total].id);
			ck_assert_int_eq(rows[i].income, made[4 - total].income);
		}
		pages++;
		ck_assert_int_le(pages, 3);
		if (n > 0) {
			pg.has_after = 1;
			pg.after_us = rows[n - 1].cursor_us;
			snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[n - 1].id);
		}
	}
	ck_assert_uint_eq(total, 5);
	ck_assert_int_eq(pages, 3);
	fixture_close(&fx);
}
END_TEST

/* Debts in order, exact, with what is unknown left unknown; listed with their intakes. */
START_TEST(debts)
{
	struct fixture	 fx;
	struct user	 u;
	struct intake	 in, out, g, rows[4];
	struct store_page pg = { 4, 0, 0, "" };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "d-1", "pt", "BRL", &u);
	intake(&in, u.id, "2026-03", 500000, 450000);
	in.ndebts = 3;
	snprintf(in.debts[0].name, sizeof(in.debts[0].name), "Cartão Nubank");
	in.debts[0].balance = 350000;
	in.debts[0].has_rate = 1;
	in.debts[0].rate = 12500;			/* 12.5 % a month */
	snprintf(in.debts[0].rate_period, sizeof(in.debts[0].rate_period), "month");
	in.debts[0].has_min = 1;
	in.debts[0].min_payment = 52501;
	in.debts[1].balance = 1000000;			/* no name, no rate */
	snprintf(in.debts[1].rate_period, sizeof(in.debts[1].rate_period), "year");
	snprintf(in.debts[2].name, sizeof(in.debts[2].name), "Financiamento");
	in.debts[2].balance = 1;
	in.debts[2].has_rate = 1;
	in.debts[2].rate = 19875;			/* 19.875 % a year */
	snprintf(in.debts[2].rate_period, sizeof(in.debts[2].rate_period), "year");
	in.has_debt = 1;
	in.debt = 1350001;
	ck_assert_int_eq(db_begin(fx.s.st.db), 0);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), 0);
	ck_assert_int_eq(db_commit(fx.s.st.db), 0);
	ck_assert_uint_eq(out.ndebts, 3);
	ck_assert_int_eq(store_intake_latest(&fx.s.st, u.id, &g), 1);
	ck_assert_uint_eq(g.ndebts, 3);
	ck_assert_str_eq(g.debts[0].name, "Cartão Nubank");
	ck_assert_int_eq(g.debts[0].balance, 350000);
	ck_assert_int_eq(g.debts[0].has_rate, 1);
	ck_assert_int_eq(g.debts[0].rate, 12500);
	ck_assert_str_eq(g.debts[0].rate_period, "month");
	ck_assert_int_eq(g.debts[0].has_min, 1);
	ck_assert_int_eq(g.debts[0].min_payment, 52501);
	ck_assert_str_eq(g.debts[1].name, "");
	ck_assert_int_eq(g.debts[1].has_rate, 0);
	ck_assert_int_eq(g.debts[1].has_min, 0);
	ck_assert_int_eq(g.debts[2].rate, 19875);
	ck_assert_int_eq(g.debts[2].balance, 1);
	/* another intake without debts, then the list: each with its own */
	intake(&in, u.id, "2026-04", 500000, 450000);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), 0);
	ck_assert_int_eq(store_intake_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(rows[0].ndebts, 0);
	ck_assert_uint_eq(rows[1].ndebts, 3);
	ck_assert_str_eq(rows[1].debts[2].name, "Financiamento");
	/* the other client sees none of it */
	ck_assert_int_eq(store_intake_latest(&fx.st_b, u.id, &g), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM intake_debts WHERE client_id = $1",
	    fx.a, NULL), 3);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct user	 u;
	struct intake	 in, out, rows[5];
	struct store_page pg = { 5, 0, 0, "" };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "i-6", "en", "USD", &u);
	intake(&in, u.id, "2026-04", 100, 10);
	ck_assert_int_eq(store_intake_insert(&fx.s.st, &in, &out), 0);
	/* the other client: no intake of a's user, in any way */
	ck_assert_int_eq(store_intake_latest(&fx.st_b, u.id, &out), 0);
	ck_assert_int_eq(store_intake_list(&fx.st_b, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(more, 0);
	/* and cannot add one to a's user: to b, that user does not exist */
	intake(&in, u.id, "2026-05", 999, 10);
	ck_assert_int_eq(store_intake_insert(&fx.st_b, &in, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	ck_assert_int_eq(store_intake_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].month, "2026-04");
	fixture_close(&fx);
}
END_TEST

static Suite *
store_intake_suite(void)
{
	Suite	*s = suite_create("store_intake");
	TCase	*tc = tcase_create("intakes");

	tcase_add_test(tc, insert_every_field);
	tcase_add_test(tc, optional_fields_and_exact_figures);
	tcase_add_test(tc, checks_refuse);
	tcase_add_test(tc, latest_and_pages);
	tcase_add_test(tc, tenancy);
	tcase_add_test(tc, debts);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_intake_suite)
