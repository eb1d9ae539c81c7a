/*
 * test_store_analytics.c: the analytics rollups against a real PostgreSQL
 * (sql/011, sql/018): every write of transactions notes its changes in
 * analytics_pending and nothing else; a fold moves them into the rollups;
 * verify counts the pending changes with the rollups, so it finds no
 * difference before a fold or after; a PATCH that changes nothing the
 * rollups read notes nothing; the risk inputs read the pending changes; a
 * user deleted before the fold leaves nothing behind; a live answer with a
 * primary folds first, and is exact right after a write. And the risk
 * state (svc_analytics): a user refreshed a moment ago is noted due instead
 * of recomputed, and the due users are recomputed later, one client's or all.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "service/svc_analytics.h"
#include "store/store_analytics.h"
#include "store/store_txn.h"

static void
txn(struct txn *t, const char *user, int64_t cents, const char *cat, const char *kind,
    const char *date)
{
	memset(t, 0, sizeof(*t));
	fixture_id("ozz_txn", t->id, sizeof(t->id));
	snprintf(t->user_id, sizeof(t->user_id), "%s", user);
	t->amount_cents = cents;
	snprintf(t->currency, sizeof(t->currency), "USD");
	snprintf(t->category, sizeof(t->category), "%s", cat);
	t->description = "unit";
	t->merchant = "Corner Shop";
	t->merchant_key = "";
	snprintf(t->transaction_date, sizeof(t->transaction_date), "%s", date);
	snprintf(t->source, sizeof(t->source), "api_json");
	t->confidence = 1000;
	snprintf(t->categorized_by, sizeof(t->categorized_by), "rules");
	snprintf(t->kind, sizeof(t->kind), "%s", kind);
}

static void
add(struct fixture *fx, const char *user, int64_t cents, const char *cat, const char *kind,
    const char *date, struct txn *out)
{
	struct txn t;

	txn(&t, user, cents, cat, kind, date);
	ck_assert_int_eq(store_txn_insert(&fx->s.st, &t, out), 0);
}

static int64_t
pending(const char *client, const char *user)
{
	return fixture_count("SELECT count(*) FROM analytics_pending"
	    " WHERE client_id = $1 AND user_id = $2", client, user);
}

/* The user's monthly spend_cents of a category (0 when no row). */
static int64_t
monthly(const char *user, const char *cat)
{
	char	 v[32];
	const char *errstr;
	int64_t	 n = 0;

	fixture_value("SELECT coalesce(sum(spend_cents), 0) FROM analytics_monthly"
	    " WHERE user_id = $1 AND category = $2", user, cat, v, sizeof(v));
	ck_assert_msg(num_parse_i64z(v, INT64_MIN, INT64_MAX, &n, &errstr) == 0, "%s", v);
	return n;
}

static void
verify_clean(struct fixture *fx)
{
	struct an_verify v[AN_ROLLUPS];
	int	 i;

	ck_assert_int_eq(store_an_verify(&fx->db, v), 0);
	for (i = 0; i < AN_ROLLUPS; i++)
		ck_assert_msg(v[i].differ == 0, "%s: %lld rows differ", v[i].table,
		    (long long)v[i].differ);
}

static void
today(char out[11])
{
	cal_today(out);
}

START_TEST(writes_note_and_fold)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t;
	char		 d[11];
	int64_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "an-1", "en", "USD", &u);
	today(d);
	add(&fx, u.id, 1250, "food", "spending", d, &t);
	add(&fx, u.id, 250, "food", "refund", d, &t);
	add(&fx, u.id, 500000, "income", "income", d, &t);
	/* noted, not yet in the rollups */
	ck_assert_int_eq(pending(fx.a, u.id), 3);
	ck_assert_int_eq(monthly(u.id, "food"), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_totals WHERE user_id = $1",
	    u.id, NULL), 0);
	/* verify counts what is pending: no difference */
	verify_clean(&fx);
	ck_assert_int_eq(store_an_fold(&fx.db, &n), 0);
	ck_assert_int_ge(n, 3);
	ck_assert_int_eq(pending(fx.a, u.id), 0);
	ck_assert_int_eq(monthly(u.id, "food"), 1000);
	ck_assert_int_eq(fixture_count("SELECT income_cents FROM analytics_totals"
	    " WHERE user_id = $1 AND kind = 'm'", u.id, NULL), 500000);
	ck_assert_int_eq(fixture_count("SELECT spend_count FROM analytics_totals"
	    " WHERE user_id = $1 AND kind = 'w'", u.id, NULL), 2);
	ck_assert_int_eq(fixture_count("SELECT spend_cents FROM analytics_merchants"
	    " WHERE user_id = $1 AND merchant = 'Corner Shop'", u.id, NULL), 1000);
	/* the client's period, kept from the totals */
	ck_assert_int_eq(fixture_count("SELECT sum(users_spend) FROM analytics_periods"
	    " WHERE client_id = $1 AND kind = 'm'", fx.a, NULL), 1);
	verify_clean(&fx);
	/* nothing left: a fold again takes nothing of this client */
	ck_assert_int_eq(store_an_fold(&fx.db, &n), 0);
	ck_assert_int_eq(pending(fx.a, u.id), 0);
	ck_assert_int_eq(monthly(u.id, "food"), 1000);
	fixture_close(&fx);
}
END_TEST

START_TEST(patch_and_delete)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t;
	char		 d[11];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "an-2", "en", "USD", &u);
	today(d);
	add(&fx, u.id, 4000, "food", "spending", d, &t);
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	/* a description changed: nothing the rollups read */
	fixture_sql("UPDATE transactions SET description = 'groceries' WHERE client_id = $1"
	    " AND id = $2", fx.a, t.id);
	ck_assert_int_eq(pending(fx.a, u.id), 0);
	/* a category changed: taken from one, added to the other */
	fixture_sql("UPDATE transactions SET category = 'transport' WHERE client_id = $1"
	    " AND id = $2", fx.a, t.id);
	ck_assert_int_eq(pending(fx.a, u.id), 2);
	verify_clean(&fx);
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	ck_assert_int_eq(monthly(u.id, "food"), 0);
	ck_assert_int_eq(monthly(u.id, "transport"), 4000);
	ck_assert_int_eq(store_txn_delete(&fx.s.st, u.id, t.id), 1);
	ck_assert_int_eq(pending(fx.a, u.id), 1);
	verify_clean(&fx);
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	ck_assert_int_eq(monthly(u.id, "transport"), 0);
	ck_assert_int_eq(fixture_count("SELECT txn_count FROM analytics_totals"
	    " WHERE user_id = $1 AND kind = 'm'", u.id, NULL), 0);
	verify_clean(&fx);
	fixture_close(&fx);
}
END_TEST

START_TEST(risk_inputs_read_pending)
{
	struct fixture	 fx;
	struct an_user_inputs in;
	struct user	 u;
	struct txn	 t;
	char		 d[11], lm[11];
	long		 y, m, dd;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "an-3", "en", "USD", &u);
	today(d);
	add(&fx, u.id, 300000, "income", "income", d, &t);
	add(&fx, u.id, 45000, "housing", "spending", d, &t);
	/* a day of last month: the spike rule's months */
	cal_date(cal_add_months(cal_today_days(), -1), &y, &m, &dd);
	cal_format(cal_days(y, m, 1), lm);
	add(&fx, u.id, 7000, "food", "spending", lm, &t);
	ck_assert_int_eq(pending(fx.a, u.id), 3);
	ck_assert_int_eq(store_an_inputs(&fx.s.st, u.id, 90, &in), 1);
	ck_assert_str_eq(in.currency, "USD");
	ck_assert_int_eq(in.in.flow_income, 300000);
	ck_assert_int_eq(in.in.flow_income_count, 1);
	ck_assert_int_eq(in.in.flow_spending, 52000);	/* both weeks within the 90 days */
	ck_assert_int_eq(in.in.month_spend[0], 7000);
	/* the same after the fold */
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	{
		struct an_user_inputs again;

		ck_assert_int_eq(store_an_inputs(&fx.s.st, u.id, 90, &again), 1);
		ck_assert_int_eq(again.in.flow_income, in.in.flow_income);
		ck_assert_int_eq(again.in.flow_spending, in.in.flow_spending);
		ck_assert_int_eq(again.in.month_spend[0], in.in.month_spend[0]);
	}
	fixture_close(&fx);
}
END_TEST

START_TEST(user_deleted_before_the_fold)
{
	struct fixture	 fx;
	struct user	 u, v;
	struct txn	 t;
	char		 d[11];

	fixture_open(&fx);
	fixture_user(&fx.s.st, "an-4", "en", "USD", &u);
	fixture_user(&fx.s.st, "an-5", "en", "USD", &v);
	today(d);
	add(&fx, u.id, 900, "food", "spending", d, &t);
	add(&fx, v.id, 800, "food", "spending", d, &t);
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	add(&fx, u.id, 100, "food", "spending", d, &t);
	ck_assert_int_eq(store_user_delete(&fx.s.st, u.id), 1);
	/* the user's noted changes (its rows added, then taken with it) go with it */
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	ck_assert_int_eq(pending(fx.a, u.id), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_monthly WHERE user_id = $1",
	    u.id, NULL), 0);
	ck_assert_int_eq(monthly(v.id, "food"), 800);
	ck_assert_int_eq(fixture_count("SELECT sum(users_spend) FROM analytics_periods"
	    " WHERE client_id = $1 AND kind = 'm'", fx.a, NULL), 1);
	verify_clean(&fx);
	fixture_close(&fx);
}
END_TEST

START_TEST(live_answer_folds_first)
{
	struct fixture	 fx;
	struct an_scope	 sc;
	struct an_source src;
	struct an_group	 total, rows[8];
	struct user	 u;
	struct txn	 t;
	char		 d[11], from[11], to[11];
	size_t		 n;
	long		 y, m, dd, f, l;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "an-6", "en", "USD", &u);
	today(d);
	cal_date(cal_today_days(), &y, &m, &dd);
	cal_month_range(y, m, &f, &l);
	cal_format(f, from);
	cal_format(l, to);
	add(&fx, u.id, 2500, "food", "spending", d, &t);
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	add(&fx, u.id, 1500, "food", "spending", d, &t);
	memset(&sc, 0, sizeof(sc));
	sc.currency = "USD";
	sc.from = from;
	sc.to = to;
	/* without a primary to fold on, the rollups alone: the last write is not there yet */
	ck_assert_int_eq(store_an_spending(&fx.s.st, &sc, "category", 0, &total, rows, 8, &n,
	    &src), 0);
	ck_assert_int_eq(total.cents, 2500);
	/* with one, folded first: exact */
	sc.primary = &fx.db;
	ck_assert_int_eq(store_an_spending(&fx.s.st, &sc, "category", 0, &total, rows, 8, &n,
	    &src), 0);
	ck_assert_int_eq(total.cents, 4000);
	ck_assert_int_eq(total.count, 2);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(rows[0].key, "food");
	ck_assert_int_eq(rows[0].cents, 4000);
	ck_assert_int_eq(src.precomputed, 0);
	ck_assert_int_eq(pending(fx.a, u.id), 0);
	fixture_close(&fx);
}
END_TEST

/* A backlog (rows loaded through SQL) folds in several transactions, all of it. */
START_TEST(backlog_folds_in_batches)
{
	struct fixture	 fx;
	struct user	 u;
	int64_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "an-7", "en", "USD", &u);
	ck_assert_int_eq(store_an_fold(&fx.db, NULL), 0);
	fixture_sql("INSERT INTO transactions (client_id, id, user_id, amount_cents, currency,"
	    " category, description, transaction_date, source, ai_confidence, categorized_by, kind)"
	    " SELECT $1, 'ozz_txn_' || lpad(g::text, 22, 'b'), $2, 100, 'USD', 'food', 'bulk',"
	    " current_date - g % 60, 'api_json', 1, 'rules', 'spending'"
	    " FROM generate_series(1, 120000) g", fx.a, u.id);
	ck_assert_int_eq(pending(fx.a, u.id), 120000);
	ck_assert_int_eq(store_an_fold(&fx.db, &n), 0);
	ck_assert_int_ge(n, 120000);
	ck_assert_int_eq(pending(fx.a, u.id), 0);
	ck_assert_int_eq(fixture_count("SELECT sum(txn_count) FROM analytics_totals"
	    " WHERE user_id = $1 AND kind = 'm'", u.id, NULL), 120000);
	verify_clean(&fx);
	fixture_close(&fx);
}
END_TEST

static void
refreshed_at(const char *user, char out[64])
{
	fixture_value("SELECT refreshed_at::text FROM analytics_users WHERE user_id = $1", user,
	    NULL, out, 64);
}

START_TEST(risk_refresh_deferred_in_a_burst)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct txn	 t;
	char		 d[11], at0[64], at1[64], at2[64];
	int64_t		 n;

	fixture_open(&fx);
	ck_assert_int_eq(fx.cfg.analytics_fold_ms, 1000);
	fixture_user(&fx.s.st, "an-8", "en", "USD", &u);
	fixture_user(&fx.st_b, "an-9", "en", "USD", &w);
	today(d);
	add(&fx, u.id, 100000, "income", "income", d, &t);
	svc_an_refresh(&fx.s, u.id);
	refreshed_at(u.id, at0);
	ck_assert_str_ne(at0, "");
	/* written again at once: noted due, not recomputed */
	add(&fx, u.id, 900000, "housing", "spending", d, &t);
	svc_an_refresh(&fx.s, u.id);
	svc_an_refresh(&fx.s, u.id);
	refreshed_at(u.id, at1);
	ck_assert_str_eq(at1, at0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_risk_due WHERE user_id = $1",
	    u.id, NULL), 1);
	ck_assert_int_eq(fixture_count("SELECT risk_score FROM analytics_users WHERE user_id = $1",
	    u.id, NULL), 0);
	/* another client's due user, not taken by this client's catch-up */
	fixture_sql("INSERT INTO analytics_risk_due (client_id, user_id) VALUES ($1, $2)", fx.b,
	    w.id);
	ck_assert_int_eq(svc_an_refresh_due(&fx.s, &fx.db, fx.a, 100, &n), 0);
	ck_assert_int_eq(n, 1);
	refreshed_at(u.id, at2);
	ck_assert_str_ne(at2, at0);
	/* spending nine times the income: negative cash flow now counts */
	ck_assert_int_gt(fixture_count("SELECT risk_score FROM analytics_users WHERE user_id = $1",
	    u.id, NULL), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_risk_due WHERE client_id = $1",
	    fx.a, NULL), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_risk_due WHERE client_id = $1",
	    fx.b, NULL), 1);
	/* every client's, as ozzie-jobd takes them */
	ck_assert_int_eq(svc_an_refresh_due(&fx.s, &fx.db, NULL, 100, &n), 0);
	ck_assert_int_ge(n, 1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_risk_due WHERE client_id = $1",
	    fx.b, NULL), 0);
	/* without ozzie-jobd folding (analytics_fold_ms 0), every write recomputes */
	fx.cfg.analytics_fold_ms = 0;
	add(&fx, u.id, 100, "food", "spending", d, &t);
	svc_an_refresh(&fx.s, u.id);
	refreshed_at(u.id, at0);
	ck_assert_str_ne(at0, at2);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM analytics_risk_due WHERE user_id = $1",
	    u.id, NULL), 0);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_analytics_suite(void)
{
	Suite	*s = suite_create("store_analytics");
	TCase	*tc = tcase_create("rollups");

	tcase_set_timeout(tc, 60);	/* the backlog loads 120,000 rows */

	tcase_add_test(tc, writes_note_and_fold);
	tcase_add_test(tc, patch_and_delete);
	tcase_add_test(tc, risk_inputs_read_pending);
	tcase_add_test(tc, user_deleted_before_the_fold);
	tcase_add_test(tc, live_answer_folds_first);
	tcase_add_test(tc, backlog_folds_in_batches);
	tcase_add_test(tc, risk_refresh_deferred_in_a_burst);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_analytics_suite)
