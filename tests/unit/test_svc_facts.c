/*
 * test_svc_facts.c: the facts the coach reads, over the store, without
 * HTTP, on a real PostgreSQL: each fact is what was stored, in minor units
 * of the user's currency (cents, yen, fils), and a facts source of another
 * client finds nothing of the user.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "domain/lessons.h"
#include "service/svc_facts.h"
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_move.h"
#include "service/svc_plan.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

static void
intake(struct fixture *fx, const char *ref, int64_t income, int64_t expenses)
{
	struct intake	 in, out;

	memset(&in, 0, sizeof(in));
	in.income = income;
	in.expenses = expenses;
	snprintf(in.next_pay_date, sizeof(in.next_pay_date), "2026-12-15");
	in.has_savings = in.has_debt = in.has_rate = 1;
	in.savings = 100000;
	in.debt = 250000;
	in.rate = 1990;
	ck_assert_int_eq(svc_intake_create(&fx->s, ref, &in, &out), 0);
}

static void
goal(struct fixture *fx, const char *ref, const char *type, int64_t target, int64_t current,
    struct goal *g)
{
	struct goal_fields f;

	memset(&f, 0, sizeof(f));
	f.goal_type = type;
	f.target_amount = target;
	f.starting_amount = current;
	ck_assert_int_eq(svc_goal_create(&fx->s, ref, &f, g), 0);
}

static void
txn(struct fixture *fx, const char *ref, int64_t cents, const char *category,
    const char *desc)
{
	struct txn_in	 in;
	struct txn	 out;

	memset(&in, 0, sizeof(in));
	in.amount_cents = cents;
	in.category = category;
	in.description = desc;
	ck_assert_int_eq(svc_txn_record(&fx->s, ref, &in, 1, "api_json", &out), 0);
}

/* The body's monthly_savings_amount as its exact text, e.g. "1500.00". */
static const char *
body_savings(const char *body)
{
	static char	 text[32];
	struct json_object *b = json_tokener_parse(body), *k, *v;

	ck_assert_ptr_nonnull(b);
	ck_assert(json_object_object_get_ex(b, "key_metrics", &k));
	ck_assert(json_object_object_get_ex(k, "monthly_savings_amount", &v));
	snprintf(text, sizeof(text), "%s", json_object_to_json_string(v));
	json_object_put(b);
	return text;
}

START_TEST(each_fact_as_stored)
{
	struct fixture	 fx;
	struct svc_facts f;
	struct fact_intake fi;
	struct fact_goal fg[4];
	struct fact_plan fp;
	struct fact_moves fm;
	struct plan_view pv;
	struct move_cycle c;
	struct move_task t;
	struct goal	 g1, g2;
	struct user	 u;
	int64_t		 points;
	char		 want[32];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "f-usd", "en", "USD", &u);
	svc_facts_init(&f, &fx.s, &u);
	ck_assert_str_eq(f.src.currency, "USD");
	ck_assert_int_eq(f.src.digits, 2);
	/* nothing yet */
	ck_assert_int_eq(f.src.intake(f.src.ctx, &fi), 0);
	ck_assert_int_eq(f.src.plan(f.src.ctx, &fp), 0);
	ck_assert_int_eq(f.src.moves(f.src.ctx, &fm), 0);
	ck_assert_int_eq(fm.has_cycle, 0);
	ck_assert_int_eq(f.src.goals(f.src.ctx, fg, 4, &n), 0);
	ck_assert_uint_eq(n, 0);
	/* the intake */
	intake(&fx, u.id, 523456, 350000);
	ck_assert_int_eq(f.src.intake(f.src.ctx, &fi), 1);
	ck_assert_int_eq(fi.income, 523456);
	ck_assert_int_eq(fi.expenses, 350000);
	ck_assert_int_eq(fi.surplus, 173456);
	ck_assert(fi.has_savings && fi.has_debt && fi.has_rate);
	ck_assert_int_eq(fi.savings, 100000);
	ck_assert_int_eq(fi.debt, 250000);
	ck_assert_int_eq(fi.rate_bp, 1990);
	/* the shorthand is one debt, its rate yearly */
	ck_assert_uint_eq(fi.ndebts, 1);
	ck_assert_int_eq(fi.debts[0].balance, 250000);
	ck_assert_int_eq(fi.debts[0].rate_milli, 19900);
	ck_assert_int_eq(fi.debts[0].monthly, 0);
	ck_assert_str_eq(fi.debts[0].name, "");
	ck_assert_str_eq(fi.next_pay_date, "2026-12-15");
	ck_assert_str_eq(fi.financial_goal, "savings");
	ck_assert_uint_eq(strlen(fi.month), 7);
	/* the goals, the primary first */
	goal(&fx, u.id, "savings", 300000, 50000, &g1);
	goal(&fx, u.id, "investment", 100000, 0, &g2);
	ck_assert_int_eq(f.src.goals(f.src.ctx, fg, 4, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(fg[0].id, g1.id);
	ck_assert_int_eq(fg[0].is_primary, 1);
	ck_assert_str_eq(fg[0].type, "savings");
	ck_assert_str_eq(fg[0].name, "Savings goal");
	ck_assert_int_eq(fg[0].target, 300000);
	ck_assert_int_eq(fg[0].current, 50000);
	ck_assert_int_eq(fg[0].starting, 50000);
	ck_assert_str_eq(fg[0].cadence, "monthly");
	ck_assert_str_eq(fg[0].next_move_date, g1.next_move_date);
	ck_assert_str_eq(fg[0].status, "active");
	ck_assert_str_eq(fg[1].id, g2.id);
	ck_assert_int_eq(fg[1].target, 100000);
	/* the plan: its numbers from the stored body */
	ck_assert_int_eq(svc_plan_generate(&fx.s, u.id, NULL, &pv), 0);
	ck_assert_int_eq(f.src.plan(f.src.ctx, &fp), 1);
	ck_assert_str_eq(fp.id, pv.plan.id);
	ck_assert_int_eq(fp.has_monthly_savings, 1);
	ck_assert_int_eq(fp.monthly_savings, pv.plan.monthly_move_cents);
	snprintf(want, sizeof(want), "%lld.%02lld", (long long)(fp.monthly_savings / 100),
	    (long long)(fp.monthly_savings % 100));
	ck_assert_str_eq(body_savings(pv.plan.body), want);
	ck_assert_int_eq(fp.needs_pct + fp.wants_pct + fp.savings_pct + fp.debt_pct, 100);
	ck_assert_uint_gt(fp.nactions, 0);
	ck_assert_ptr_nonnull(strstr(pv.plan.body, fp.actions[0]));
	ck_assert_uint_gt(strlen(fp.summary), 20);
	/* the money moves and the points */
	ck_assert_int_eq(svc_move_generate(&fx.s, u.id, &c), 0);
	ck_assert_int_eq(svc_move_task(&fx.s, u.id, c.id, c.tasks[0].id, "done", &t, &points), 0);
	ck_assert_int_eq(f.src.moves(f.src.ctx, &fm), 1);
	ck_assert_str_eq(fm.id, c.id);
	ck_assert_str_eq(fm.due_date, c.due_date);
	ck_assert_uint_eq(fm.ntasks, 3);
	ck_assert_str_eq(fm.tasks[0].type, "do");
	ck_assert_str_eq(fm.tasks[0].status, "done");
	ck_assert_int_eq(fm.tasks[0].has_amount, 1);
	ck_assert_int_eq(fm.tasks[0].amount, c.tasks[0].amount_cents);
	ck_assert_str_eq(fm.tasks[1].status, "pending");
	ck_assert_int_eq(fm.points, POINTS_DO + POINTS_FIRST_BONUS);
	ck_assert_int_eq(f.failed, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(spending_and_transactions)
{
	struct fixture	 fx;
	struct svc_facts f;
	struct fact_spending sp;
	struct fact_spending_q sq;
	struct fact_txn_q tq;
	struct fact_txn	 rows[4];
	struct user	 u;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "f-sp", "en", "USD", &u);
	txn(&fx, u.id, 1000, "food", "lunch");
	txn(&fx, u.id, 2500, "transport", "bus pass");
	txn(&fx, u.id, 250, "transport", "bus ticket");
	txn(&fx, u.id, 100000, "income", "salary");
	svc_facts_init(&f, &fx.s, &u);
	memset(&sq, 0, sizeof(sq));
	sq.from = sq.to = cal_today_days();
	sq.category = CAT_COUNT;
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 3750);		/* income is not spending */
	ck_assert_int_eq(sp.count, 3);
	ck_assert_int_eq(sp.income, 100000);
	ck_assert_uint_eq(sp.ncategories, 2);
	ck_assert_int_eq(sp.by_category[0].category, CAT_TRANSPORT);
	ck_assert_int_eq(sp.by_category[0].amount, 2750);
	ck_assert_int_eq(sp.by_category[0].count, 2);
	ck_assert_int_eq(sp.by_category[1].category, CAT_FOOD);
	ck_assert_int_eq(sp.by_category[1].amount, 1000);
	/* one category */
	sq.category = CAT_FOOD;
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 1000);
	ck_assert_uint_eq(sp.ncategories, 1);
	/* another period */
	sq.category = CAT_COUNT;
	sq.from = sq.to = cal_today_days() - 1;
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 0);
	ck_assert_int_eq(sp.income, 0);
	/* the search */
	memset(&tq, 0, sizeof(tq));
	tq.category = CAT_COUNT;
	tq.kind = FACT_KIND_INCOME;
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, rows, 4, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(rows[0].amount, 100000);
	ck_assert_int_eq(rows[0].category, CAT_INCOME);
	ck_assert_str_eq(rows[0].currency, "USD");
	tq.kind = FACT_KIND_SPENDING;
	tq.search = "BUS";
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, rows, 4, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 0);
	ck_assert_int_eq(rows[0].category, CAT_TRANSPORT);
	ck_assert_ptr_nonnull(strstr(rows[0].description, "bus"));
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, rows, 1, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 1);
	tq.search = NULL;
	tq.kind = FACT_KIND_ALL;
	tq.has_from = tq.has_to = 1;
	tq.from = tq.to = cal_today_days() + 1;
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, rows, 4, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(a_yen_user)
{
	struct fixture	 fx;
	struct svc_facts f;
	struct fact_intake fi;
	struct fact_goal fg[2];
	struct fact_plan fp;
	struct fact_moves fm;
	struct fact_spending sp;
	struct fact_spending_q sq;
	struct plan_view pv;
	struct move_cycle c;
	struct txn	 t[1];
	struct goal	 g;
	struct user	 u;
	char		 want[32];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "f-jpy", "en", "JPY", &u);
	/* ¥500,000 in, ¥300,000 out; a ¥1,000,000 goal from ¥50,000 (in hundredths) */
	intake(&fx, u.id, 50000000, 30000000);
	goal(&fx, u.id, "savings", 100000000, 5000000, &g);
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "ramen 1500", "api_text", t, 1, &n), 0);
	svc_facts_init(&f, &fx.s, &u);
	ck_assert_int_eq(f.src.digits, 0);
	ck_assert_int_eq(f.src.intake(f.src.ctx, &fi), 1);
	ck_assert_int_eq(fi.income, 500000);
	ck_assert_int_eq(fi.expenses, 300000);
	ck_assert_int_eq(fi.surplus, 200000);
	ck_assert_int_eq(fi.savings, 1000);		/* 1000.00 stored: ¥1,000 */
	ck_assert_int_eq(fi.rate_bp, 1990);		/* rates do not depend on the currency */
	ck_assert_int_eq(f.src.goals(f.src.ctx, fg, 2, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(fg[0].target, 1000000);
	ck_assert_int_eq(fg[0].current, 50000);
	/* the plan's money in whole yen, as its body has it */
	ck_assert_int_eq(svc_plan_generate(&fx.s, u.id, NULL, &pv), 0);
	ck_assert_int_eq(f.src.plan(f.src.ctx, &fp), 1);
	ck_assert_int_eq(fp.monthly_savings, pv.plan.monthly_move_cents);
	ck_assert_int_gt(fp.monthly_savings, 10000);
	snprintf(want, sizeof(want), "%lld", (long long)fp.monthly_savings);
	ck_assert_str_eq(body_savings(pv.plan.body), want);
	/* a move of whole yen */
	ck_assert_int_eq(svc_move_generate(&fx.s, u.id, &c), 0);
	ck_assert_int_eq(f.src.moves(f.src.ctx, &fm), 1);
	ck_assert_int_eq(fm.tasks[0].amount, fp.monthly_savings);	/* monthly cadence */
	ck_assert_ptr_nonnull(strstr(fm.tasks[0].title, "¥"));
	/* spending in yen */
	memset(&sq, 0, sizeof(sq));
	sq.from = sq.to = cal_today_days();
	sq.category = CAT_COUNT;
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 1500);
	fixture_close(&fx);
}
END_TEST

START_TEST(three_digit_currencies)
{
	struct fixture	 fx;
	struct svc_facts f;
	struct fact_intake fi;
	struct fact_goal fg[1];
	struct goal	 g;
	struct user	 u;
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "f-kwd", "en", "KWD", &u);
	intake(&fx, u.id, 123456, 100025);		/* 1234.56 and 1000.25 dinars */
	goal(&fx, u.id, "savings", 50001, 1, &g);
	svc_facts_init(&f, &fx.s, &u);
	ck_assert_int_eq(f.src.digits, 3);
	ck_assert_int_eq(f.src.intake(f.src.ctx, &fi), 1);
	ck_assert_int_eq(fi.income, 1234560);
	ck_assert_int_eq(fi.expenses, 1000250);
	ck_assert_int_eq(fi.surplus, 234310);
	ck_assert_int_eq(f.src.goals(f.src.ctx, fg, 1, &n), 0);
	ck_assert_int_eq(fg[0].target, 500010);
	ck_assert_int_eq(fg[0].current, 10);
	fixture_close(&fx);
}
END_TEST

START_TEST(another_clients_source_finds_nothing)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct svc_facts f;
	struct fact_intake fi;
	struct fact_goal fg[2];
	struct fact_plan fp;
	struct fact_moves fm;
	struct fact_spending sp;
	struct fact_spending_q sq;
	struct fact_txn_q tq;
	struct fact_txn	 rows[2];
	struct plan_view pv;
	struct move_cycle c;
	struct move_task t;
	struct goal	 g;
	struct user	 u;
	int64_t		 points;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fixture_user(&fx.s.st, "f-own", "en", "USD", &u);
	intake(&fx, u.id, 500000, 300000);
	goal(&fx, u.id, "savings", 300000, 0, &g);
	txn(&fx, u.id, 1000, "food", "lunch");
	ck_assert_int_eq(svc_plan_generate(&fx.s, u.id, NULL, &pv), 0);
	ck_assert_int_eq(svc_move_generate(&fx.s, u.id, &c), 0);
	ck_assert_int_eq(svc_move_task(&fx.s, u.id, c.id, c.tasks[0].id, "done", &t, &points), 0);
	/* the same user, read through client b */
	svc_facts_init(&f, &sb, &u);
	ck_assert_int_eq(f.src.intake(f.src.ctx, &fi), 0);
	ck_assert_int_eq(f.src.plan(f.src.ctx, &fp), 0);
	ck_assert_int_eq(f.src.moves(f.src.ctx, &fm), 0);
	ck_assert_int_eq(fm.points, 0);
	ck_assert_int_eq(f.src.goals(f.src.ctx, fg, 2, &n), 0);
	ck_assert_uint_eq(n, 0);
	memset(&sq, 0, sizeof(sq));
	sq.from = cal_today_days() - 30;
	sq.to = cal_today_days();
	sq.category = CAT_COUNT;
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 0);
	memset(&tq, 0, sizeof(tq));
	tq.category = CAT_COUNT;
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, rows, 2, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(f.failed, 0);
	/* through a, all of it */
	svc_facts_init(&f, &fx.s, &u);
	ck_assert_int_eq(f.src.moves(f.src.ctx, &fm), 1);
	ck_assert_int_eq(fm.points, points);
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, rows, 2, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	fixture_close(&fx);
}
END_TEST

/* Kinds, subcategories and merchants in the facts; the aggregates; what recurs. */
START_TEST(kinds_aggregates_and_recurring)
{
	struct fixture	 fx;
	struct svc_facts f;
	struct fact_spending_q sq;
	struct fact_spending sp;
	struct fact_txn_q tq;
	struct fact_txn	 t[8];
	struct fact_agg_q aq;
	struct fact_agg	 a[8];
	struct fact_recurring rec[4];
	struct txn_in	 in[6];
	struct txn	 out[6];
	struct user	 u;
	char		 d[3][11];
	long		 today = cal_today_days();
	size_t		 n, i;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "f-kinds", "en", "USD", &u);
	svc_facts_init(&f, &fx.s, &u);
	memset(in, 0, sizeof(in));
	in[0].amount_cents = 2300;
	in[0].description = "UBER *TRIP";
	in[1].amount_cents = 1700;
	in[1].description = "UBER *TRIP";
	in[2].amount_cents = 4500;
	in[2].description = "Shell";
	in[2].category = "transport";
	in[2].subcategory = "fuel";
	in[3].amount_cents = 150000;
	in[3].description = "CARD PAYMENT";
	in[3].kind = "debt_payment";
	in[4].amount_cents = 700;
	in[4].description = "UBER *TRIP";
	in[4].kind = "refund";
	in[5].amount_cents = 300000;
	in[5].description = "ACME PAYROLL";
	in[5].kind = "income";
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 6, "api_json", out), 0);
	/* spending of a merchant, said as a person says it: less its refund */
	memset(&sq, 0, sizeof(sq));
	sq.from = sq.to = today;
	sq.category = CAT_COUNT;
	sq.merchant = "uber";
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 2300 + 1700 - 700);
	ck_assert_int_eq(sp.income, 0);			/* the income of that merchant */
	sq.merchant = NULL;
	sq.subcategory = "fuel";
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 4500);
	/* all spending: no card payment in it */
	sq.subcategory = NULL;
	ck_assert_int_eq(f.src.spending(f.src.ctx, &sq, &sp), 0);
	ck_assert_int_eq(sp.total, 2300 + 1700 - 700 + 4500);
	/* one kind exactly, and a merchant */
	memset(&tq, 0, sizeof(tq));
	tq.category = CAT_COUNT;
	tq.has_txn_kind = 1;
	tq.txn_kind = KIND_DEBT_PAYMENT;
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, t, 8, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(t[0].kind, KIND_DEBT_PAYMENT);
	memset(&tq, 0, sizeof(tq));
	tq.category = CAT_COUNT;
	tq.kind = FACT_KIND_SPENDING;
	tq.merchant = "Uber";
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, t, 8, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	tq.merchant = NULL;
	tq.subcategory = "fuel";
	ck_assert_int_eq(f.src.transactions(f.src.ctx, &tq, t, 8, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(t[0].subcategory, "fuel");
	/* aggregates */
	memset(&aq, 0, sizeof(aq));
	aq.from = aq.to = today;
	aq.category = CAT_COUNT;
	aq.group_by = "merchant";
	ck_assert_int_eq(f.src.aggregate(f.src.ctx, &aq, a, 8, &n), 0);
	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(a[0].key, "Shell");		/* 4500, the largest */
	for (i = 0; i < n && strcmp(a[i].key, "Uber") != 0; i++)
		;
	ck_assert_uint_lt(i, n);
	ck_assert_int_eq(a[i].amount, 3300);
	aq.group_by = NULL;
	aq.kind = "debt_payment";
	ck_assert_int_eq(f.src.aggregate(f.src.ctx, &aq, a, 8, &n), 0);
	ck_assert_int_eq(a[0].amount, 150000);
	/* a monthly bill of three months is recurring */
	cal_format(cal_add_months(today, -2), d[0]);
	cal_format(cal_add_months(today, -1), d[1]);
	cal_format(today, d[2]);
	for (i = 0; i < 3; i++) {
		memset(in, 0, sizeof(in[0]));
		in[0].amount_cents = 1599;
		in[0].description = "NETFLIX.COM";
		in[0].date = d[i];
		ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	}
	ck_assert_int_eq(f.src.recurring(f.src.ctx, rec, 4, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rec[0].name, "Netflix");
	ck_assert_str_eq(rec[0].cadence, "monthly");
	ck_assert_int_eq(rec[0].typical, 1599);
	ck_assert_str_eq(rec[0].last, d[2]);
	ck_assert_uint_eq(rec[0].count, 3);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_facts_suite(void)
{
	Suite	*s = suite_create("svc_facts");
	TCase	*tc = tcase_create("facts");

	tcase_add_test(tc, each_fact_as_stored);
	tcase_add_test(tc, spending_and_transactions);
	tcase_add_test(tc, a_yen_user);
	tcase_add_test(tc, three_digit_currencies);
	tcase_add_test(tc, another_clients_source_finds_nothing);
	tcase_add_test(tc, kinds_aggregates_and_recurring);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_facts_suite)
