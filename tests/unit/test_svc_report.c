/*
 * test_svc_report.c: a user's money in figures without HTTP, on a real
 * PostgreSQL: spending (spending and fees less refunds) and the other kinds
 * over a range, grouped or not, the coach's own numbers, the user's
 * currency only; recurring payments found in the history; another
 * client's users see nothing.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "service/svc_facts.h"
#include "service/svc_report.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

static void
rec(struct txn_in *t, int64_t cents, const char *desc, const char *kind, const char *date)
{
	memset(t, 0, sizeof(*t));
	t->amount_cents = cents;
	t->description = desc;
	t->kind = kind;
	t->date = date;
}

static void
query(struct txn_agg_q *q, const char *from, const char *to, const char *kind,
    const char *group_by)
{
	memset(q, 0, sizeof(*q));
	q->from = from;
	q->to = to;
	q->kind = kind;
	q->group_by = group_by;
}

START_TEST(spending_grouped_and_kinds)
{
	struct fixture	 fx;
	struct txn_in	 in[8];
	struct txn	 out[8];
	struct txn_agg_q q;
	struct txn_agg	 total, g[REPORT_MAX_GROUPS + 1];
	struct user	 u, got;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "rp-1", "en", "USD", &u);
	rec(&in[0], 2300, "UBER *TRIP", NULL, "2026-10-05");
	rec(&in[1], 4590, "supermarket", NULL, "2026-10-20");
	rec(&in[2], 700, "UBER *TRIP", "refund", "2026-11-02");
	rec(&in[3], 250, "monthly fee", "fee", "2026-11-03");
	rec(&in[4], 150000, "CARD PAYMENT", "debt_payment", "2026-11-04");
	rec(&in[5], 300000, "ACME PAYROLL", "income", "2026-11-05");
	rec(&in[6], 9900, "lunch", NULL, "2026-11-06");
	in[6].currency = "EUR";				/* not the user's currency */
	rec(&in[7], 1000, "lunch", NULL, "2026-12-01");	/* after the range */
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 8, "api_json", out), 0);
	/* spending: spending and fees less refunds, in USD */
	query(&q, "2026-10-01", "2026-11-30", "spending", NULL);
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g, REPORT_MAX_GROUPS,
	    &n, &more), 0);
	ck_assert_str_eq(got.currency, "USD");
	ck_assert_int_eq(total.cents, 2300 + 4590 - 700 + 250);
	ck_assert_int_eq(total.count, 4);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(more, 0);
	/* by month, in time order */
	q.group_by = "month";
	ck_assert_int_eq(svc_report_spending(&fx.s, "external:rp-1", &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(g[0].key, "2026-10");
	ck_assert_int_eq(g[0].cents, 6890);
	ck_assert_str_eq(g[1].key, "2026-11");
	ck_assert_int_eq(g[1].cents, -450);
	ck_assert_int_eq(g[1].count, 2);
	/* by week: their Mondays */
	q.group_by = "week";
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(g[0].key, "2026-10-05");
	ck_assert_str_eq(g[1].key, "2026-10-19");
	ck_assert_str_eq(g[2].key, "2026-11-02");
	/* by category, largest first; cut at max, with truncated said */
	q.group_by = "category";
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g, 1, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(more, 1);
	ck_assert_str_eq(g[0].key, "food");
	ck_assert_int_eq(g[0].cents, 4590);
	/* by merchant: none known is a group of its own, key "" */
	q.group_by = "merchant";
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(g[0].key, "");
	ck_assert_int_eq(g[0].cents, 4590 + 250);
	ck_assert_str_eq(g[1].key, "Uber");
	ck_assert_int_eq(g[1].cents, 1600);
	/* another kind, one category */
	query(&q, "2026-10-01", "2026-11-30", "debt_payment", NULL);
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_int_eq(total.cents, 150000);
	query(&q, "2026-10-01", "2026-11-30", "income", NULL);
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_int_eq(total.cents, 300000);
	query(&q, "2026-10-01", "2026-11-30", "spending", "subcategory");
	q.category = "transport";
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_int_eq(total.cents, 1600);
	ck_assert_uint_eq(n, 1);
	/* a range with nothing in it: zero */
	query(&q, "2020-01-01", "2020-12-31", "spending", "category");
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_int_eq(total.cents, 0);
	ck_assert_int_eq(total.count, 0);
	ck_assert_uint_eq(n, 0);
	fixture_close(&fx);
}
END_TEST

/* The same numbers as the coach's facts. */
START_TEST(the_coachs_numbers)
{
	struct fixture	 fx;
	struct svc_facts f;
	struct fact_agg_q aq;
	struct fact_agg	 a[16];
	struct txn_in	 in[4];
	struct txn	 out[4];
	struct txn_agg_q q;
	struct txn_agg	 total, g[REPORT_MAX_GROUPS + 1];
	struct user	 u, got;
	long		 today = cal_today_days();
	char		 d[11];
	size_t		 n, na, i;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "rp-2", "pt", "BRL", &u);
	cal_format(today, d);
	rec(&in[0], 4590, "mercado", NULL, d);
	rec(&in[1], 1200, "uber", NULL, d);
	rec(&in[2], 1800, "almoço", NULL, d);
	rec(&in[3], 300, "uber", "refund", d);
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 4, "api_json", out), 0);
	svc_facts_init(&f, &fx.s, &u);
	memset(&aq, 0, sizeof(aq));
	aq.from = aq.to = today;
	aq.category = CAT_COUNT;
	aq.kind = "spending";
	aq.group_by = "category";
	ck_assert_int_eq(f.src.aggregate(f.src.ctx, &aq, a, 16, &na), 0);
	query(&q, d, d, "spending", "category");
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g,
	    REPORT_MAX_GROUPS, &n, &more), 0);
	ck_assert_uint_eq(n, na);
	for (i = 0; i < n; i++) {
		ck_assert_str_eq(g[i].key, a[i].key);
		ck_assert_int_eq(g[i].cents, a[i].amount);
		ck_assert_int_eq(g[i].count, a[i].count);
	}
	ck_assert_int_eq(total.cents, 4590 + 1200 + 1800 - 300);
	fixture_close(&fx);
}
END_TEST

START_TEST(recurring_payments)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct rec_series rs[REPORT_MAX_RECURRING];
	struct txn_in	 in[1];
	struct txn	 out[1];
	struct user	 u, got;
	long		 today = cal_today_days();
	char		 d[11];
	size_t		 n;
	int		 i;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fixture_user(&fx.s.st, "rp-3", "en", "USD", &u);
	/* nothing yet */
	ck_assert_int_eq(svc_report_recurring(&fx.s, u.id, &got, rs, REPORT_MAX_RECURRING, &n),
	    0);
	ck_assert_uint_eq(n, 0);
	for (i = 3; i >= 0; i--) {
		cal_format(cal_add_months(today, -i), d);
		rec(&in[0], 1599, "NETFLIX.COM", NULL, d);
		ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
		/* the same in another currency is no payment of the user's */
		rec(&in[0], 990, "SPOTIFY", NULL, d);
		in[0].currency = "EUR";
		ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	}
	ck_assert_int_eq(svc_report_recurring(&fx.s, "external:rp-3", &got, rs,
	    REPORT_MAX_RECURRING, &n), 0);
	ck_assert_str_eq(got.id, u.id);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rs[0].name, "Netflix");
	ck_assert_int_eq(rs[0].cadence, REC_MONTHLY);
	ck_assert_int_eq(rs[0].typical, 1599);
	ck_assert_int_eq(rs[0].monthly, 1599);
	ck_assert_uint_eq(rs[0].count, 4);
	ck_assert_int_eq(rs[0].last, today);
	ck_assert_int_eq(rs[0].next, cal_add_months(today, 1));
	/* another client's user of the same external id has none */
	ck_assert_int_eq(svc_report_recurring(&sb, "external:rp-3", &got, rs,
	    REPORT_MAX_RECURRING, &n), 0);
	ck_assert_uint_eq(n, 0);
	/* an unknown Ozzie id */
	ck_assert_int_eq(svc_report_recurring(&fx.s, "ozz_usr_AAAAAAAAAAAAAAAAAAAAAA", &got, rs,
	    REPORT_MAX_RECURRING, &n), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy_and_first_use)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct txn_in	 in[1];
	struct txn	 out[1];
	struct txn_agg_q q;
	struct txn_agg	 total, g[4];
	struct user	 u, got;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fixture_user(&fx.s.st, "rp-4", "en", "USD", &u);
	rec(&in[0], 5000, "lunch", NULL, "2026-11-10");
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	query(&q, "2026-11-01", "2026-11-30", "spending", "category");
	/* another client: by id not found, by external id another (new) user */
	ck_assert_int_eq(svc_report_spending(&sb, u.id, &q, &got, &total, g, 3, &n, &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_report_spending(&sb, "external:rp-4", &q, &got, &total, g, 3, &n,
	    &more), 0);
	ck_assert_str_ne(got.id, u.id);
	ck_assert_int_eq(total.cents, 0);
	ck_assert_uint_eq(n, 0);
	/* an external id used first here is created, with nothing */
	ck_assert_int_eq(svc_report_spending(&fx.s, "external:rp-new", &q, &got, &total, g, 3,
	    &n, &more), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM users WHERE client_id = $1"
	    " AND external_user_id = 'rp-new'", fx.a, NULL), 1);
	ck_assert_int_eq(svc_report_spending(&fx.s, u.id, &q, &got, &total, g, 3, &n, &more), 0);
	ck_assert_int_eq(total.cents, 5000);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_report_suite(void)
{
	Suite	*s = suite_create("svc_report");
	TCase	*tc = tcase_create("report");

	tcase_add_test(tc, spending_grouped_and_kinds);
	tcase_add_test(tc, the_coachs_numbers);
	tcase_add_test(tc, recurring_payments);
	tcase_add_test(tc, tenancy_and_first_use);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_report_suite)
