/*
 * test_store_txn.c: the transactions store module against a real
 * PostgreSQL: insert and get, lists with every filter and in pages,
 * updates (a category from the user is final), taught rules, spending per
 * category, the coach's search, delete, and tenancy.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_import.h"
#include "store/store_txn.h"

/* A transaction of user: amount, currency, category, description, date. */
static void
txn(struct txn *t, const char *user, int64_t cents, const char *cur, const char *cat,
    const char *desc, const char *date)
{
	memset(t, 0, sizeof(*t));
	fixture_id("ozz_txn", t->id, sizeof(t->id));
	snprintf(t->user_id, sizeof(t->user_id), "%s", user);
	t->amount_cents = cents;
	snprintf(t->currency, sizeof(t->currency), "%s", cur);
	snprintf(t->category, sizeof(t->category), "%s", cat);
	t->description = desc;
	t->merchant_key = "";
	snprintf(t->transaction_date, sizeof(t->transaction_date), "%s", date);
	snprintf(t->source, sizeof(t->source), "api_json");
	t->confidence = 900;
	snprintf(t->categorized_by, sizeof(t->categorized_by), "rules");
}

static void
insert(struct fixture *fx, const char *user, int64_t cents, const char *cur, const char *cat,
    const char *desc, const char *date, struct txn *out)
{
	struct txn t;

	txn(&t, user, cents, cur, cat, desc, date);
	ck_assert_int_eq(store_txn_insert(&fx->s.st, &t, out), 0);
}

START_TEST(insert_and_get)
{
	struct fixture	 fx;
	struct import_rec imp;
	struct user	 u;
	struct txn	 t, out, g;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-1", "en", "USD", &u);
	/* the import it came from (transactions refer to theirs) */
	memset(&imp, 0, sizeof(imp));
	fixture_id("ozz_imp", imp.id, sizeof(imp.id));
	snprintf(imp.user_id, sizeof(imp.user_id), "%s", u.id);
	snprintf(imp.status, sizeof(imp.status), "processing");
	snprintf(imp.format, sizeof(imp.format), "png");
	snprintf(imp.source, sizeof(imp.source), "whatsapp_image");
	memset(imp.sha256, 'a', 64);
	ck_assert_int_eq(store_import_insert(&fx.s.st, &imp, NULL), 0);
	txn(&t, u.id, 1250, "USD", "transport", "UBER *TRIP 8XJ2", "2026-03-04");
	t.merchant = "Uber";
	t.merchant_key = "uber";
	t.confidence = 875;
	snprintf(t.source, sizeof(t.source), "whatsapp_text");
	snprintf(t.categorized_by, sizeof(t.categorized_by), "ai");
	t.import_id = imp.id;
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &out), 0);
	ck_assert_str_eq(out.id, t.id);
	ck_assert_str_eq(out.user_id, u.id);
	ck_assert_int_eq(out.amount_cents, 1250);
	ck_assert_str_eq(out.currency, "USD");
	ck_assert_str_eq(out.category, "transport");
	ck_assert_str_eq(out.description, "UBER *TRIP 8XJ2");
	ck_assert_str_eq(out.merchant, "Uber");
	ck_assert_str_eq(out.merchant_key, "uber");
	ck_assert_str_eq(out.transaction_date, "2026-03-04");
	ck_assert_str_eq(out.source, "whatsapp_text");
	ck_assert_int_eq(out.confidence, 875);
	ck_assert_str_eq(out.categorized_by, "ai");
	ck_assert_str_eq(out.import_id, imp.id);
	ck_assert_uint_eq(strlen(out.created_at), 20);
	ck_assert_int_gt(out.cursor_us, 0);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t.id, &g), 1);
	ck_assert_str_eq(g.description, "UBER *TRIP 8XJ2");
	ck_assert_int_eq(g.cursor_us, out.cursor_us);
	/* a NULL description is "", no merchant or import is NULL */
	txn(&t, u.id, 100000000000000LL, "JPY", "other", NULL, "2026-03-05");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &out), 0);
	ck_assert_str_eq(out.description, "");
	ck_assert_ptr_null(out.merchant);
	ck_assert_ptr_null(out.import_id);
	ck_assert_str_eq(out.merchant_key, "");
	ck_assert_int_eq(out.amount_cents, 100000000000000LL);
	/* the table's checks: positive amounts, known categories, 60 characters */
	txn(&t, u.id, 0, "USD", "food", "x", "2026-03-05");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	txn(&t, u.id, 10, "USD", "groceries", "x", "2026-03-05");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	txn(&t, u.id, 10, "USD", "food",
	    "0123456789012345678901234567890123456789012345678901234567890", "2026-03-05");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &out), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	/* 60 characters, not bytes */
	txn(&t, u.id, 10, "USD", "food",
	    "ãããããããããããããããããããããããããããããããããããããããããããããããããããããããããããã", "2026-03-05");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &out), 0);
	ck_assert_str_eq(out.description, t.description);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, "ozz_txn_0000000000000000000000", &g), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(list_filters_and_pages)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct txn	 t[6], rows[6], other, in;
	struct txn_filter f;
	struct store_page pg = { 6, 0, 0, "" };
	size_t		 n, total = 0, i;
	int		 more = 1;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-2", "en", "USD", &u);
	fixture_user(&fx.s.st, "t-3", "en", "USD", &w);
	insert(&fx, u.id, 100, "USD", "food", "a", "2026-01-01", &t[0]);
	insert(&fx, u.id, 200, "USD", "transport", "b", "2026-01-15", &t[1]);
	insert(&fx, u.id, 300, "USD", "food", "c", "2026-01-31", &t[2]);
	insert(&fx, u.id, 400, "USD", "income", "d", "2026-02-01", &t[3]);
	txn(&in, u.id, 500, "USD", "food", "e", "2026-02-02");
	snprintf(in.source, sizeof(in.source), "api_text");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &in, &t[4]), 0);
	insert(&fx, u.id, 600, "USD", "food", "f", "2025-12-31", &t[5]);
	insert(&fx, w.id, 700, "USD", "food", "other user", "2026-01-10", &other);
	memset(&f, 0, sizeof(f));
	/* every row of the user, newest created first */
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(more, 0);
	for (i = 0; i < 6; i++)
		ck_assert_str_eq(rows[i].id, t[5 - i].id);
	/* a date range, both ends inclusive */
	f.from = "2026-01-01";
	f.to = "2026-01-31";
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].id, t[2].id);
	ck_assert_str_eq(rows[2].id, t[0].id);
	/* from only, with a category */
	f.to = NULL;
	f.category = "food";
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].id, t[4].id);
	ck_assert_str_eq(rows[1].id, t[2].id);
	ck_assert_str_eq(rows[2].id, t[0].id);
	/* to only */
	memset(&f, 0, sizeof(f));
	f.to = "2026-01-01";
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, t[5].id);
	ck_assert_str_eq(rows[1].id, t[0].id);
	/* a source */
	memset(&f, 0, sizeof(f));
	f.source = "api_text";
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, t[4].id);
	/* every filter at once, matching nothing */
	f.from = "2026-01-01";
	f.to = "2026-12-31";
	f.category = "transport";
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	/* pages of four, each once */
	memset(&f, 0, sizeof(f));
	pg.limit = 4;
	more = 1;
	while (more) {
		ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
		for (i = 0; i < n; i++, total++) {
			ck_assert_uint_lt(total, 6);
			ck_assert_str_eq(rows[i].id, t[5 - total].id);
		}
		ck_assert_uint_gt(n, 0);
		pg.has_after = 1;
		pg.after_us = rows[n - 1].cursor_us;
		snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[n - 1].id);
	}
	ck_assert_uint_eq(total, 6);
	fixture_close(&fx);
}
END_TEST

START_TEST(update_and_delete)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t, g;
	struct txn_fields f;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-4", "en", "USD", &u);
	insert(&fx, u.id, 999, "USD", "other", "PADARIA REAL", "2026-04-01", &t);
	ck_assert_int_eq(t.confidence, 900);
	/* a category from the user is final */
	memset(&f, 0, sizeof(f));
	f.has_category = 1;
	f.category = "food";
	ck_assert_int_eq(store_txn_update(&fx.s.st, u.id, t.id, &f, &g), 1);
	ck_assert_str_eq(g.category, "food");
	ck_assert_str_eq(g.categorized_by, "user");
	ck_assert_int_eq(g.confidence, 1000);
	ck_assert_str_eq(g.description, "PADARIA REAL");	/* untouched */
	ck_assert_int_eq(g.amount_cents, 999);
	/* a new description names its merchant; no merchant: NULL and "" */
	memset(&f, 0, sizeof(f));
	f.has_description = 1;
	f.description = "Starbucks latte";
	f.merchant = "Starbucks";
	f.merchant_key = "starbucks";
	ck_assert_int_eq(store_txn_update(&fx.s.st, u.id, t.id, &f, &g), 1);
	ck_assert_str_eq(g.description, "Starbucks latte");
	ck_assert_str_eq(g.merchant, "Starbucks");
	ck_assert_str_eq(g.merchant_key, "starbucks");
	ck_assert_str_eq(g.category, "food");
	ck_assert_str_eq(g.categorized_by, "user");
	f.description = "something";
	f.merchant = NULL;
	f.merchant_key = NULL;
	ck_assert_int_eq(store_txn_update(&fx.s.st, u.id, t.id, &f, &g), 1);
	ck_assert_ptr_null(g.merchant);
	ck_assert_str_eq(g.merchant_key, "");
	/* amount and date */
	memset(&f, 0, sizeof(f));
	f.has_amount = 1;
	f.amount_cents = 123456;
	f.has_date = 1;
	f.transaction_date = "2026-02-28";
	ck_assert_int_eq(store_txn_update(&fx.s.st, u.id, t.id, &f, &g), 1);
	ck_assert_int_eq(g.amount_cents, 123456);
	ck_assert_str_eq(g.transaction_date, "2026-02-28");
	ck_assert_str_eq(g.description, "something");
	ck_assert_str_eq(g.created_at, t.created_at);
	/* the checks hold on update too */
	memset(&f, 0, sizeof(f));
	f.has_category = 1;
	f.category = "snacks";
	ck_assert_int_eq(store_txn_update(&fx.s.st, u.id, t.id, &f, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t.id, &g), 1);
	ck_assert_str_eq(g.category, "food");
	/* no such transaction */
	f.category = "food";
	ck_assert_int_eq(store_txn_update(&fx.s.st, u.id, "ozz_txn_0000000000000000000000",
	    &f, &g), 0);
	ck_assert_int_eq(store_txn_delete(&fx.s.st, u.id, t.id), 1);
	ck_assert_int_eq(store_txn_delete(&fx.s.st, u.id, t.id), 0);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t.id, &g), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(teach_and_rules)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct txn_rule	 r[4];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-5", "en", "USD", &u);
	fixture_user(&fx.s.st, "t-6", "en", "USD", &w);
	ck_assert_int_eq(store_txn_rules(&fx.s.st, u.id, r, 4, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "uber", "food", NULL, NULL), 0);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "padaria real", "food", NULL, NULL), 0);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, w.id, "uber", "health", NULL, NULL), 0);
	/* teaching again changes the category and makes it the newest */
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "uber", "transport", NULL, NULL), 0);
	ck_assert_int_eq(store_txn_rules(&fx.s.st, u.id, r, 4, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(r[0].merchant_key, "uber");
	ck_assert_str_eq(r[0].category, "transport");
	ck_assert_str_eq(r[1].merchant_key, "padaria real");
	ck_assert_str_eq(r[1].category, "food");
	ck_assert_int_eq(store_txn_rules(&fx.s.st, u.id, r, 1, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].merchant_key, "uber");
	/* the other user's rule is theirs */
	ck_assert_int_eq(store_txn_rules(&fx.s.st, w.id, r, 4, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].category, "health");
	/* an empty key teaches nothing: the table refuses it */
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "", "food", NULL, NULL), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_CHECK);
	fixture_close(&fx);
}
END_TEST

START_TEST(spending_per_category)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t;
	struct txn_sum	 s[10];
	char		 first[11];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-7", "en", "USD", &u);
	insert(&fx, u.id, 2000, "USD", "food", "grocery", "2026-05-03", &t);
	insert(&fx, u.id, 2590, "USD", "food", "dinner", "2026-05-20", &t);
	insert(&fx, u.id, 1250, "USD", "transport", "bus", "2026-05-02", &t);
	insert(&fx, u.id, 9000, "USD", "housing", "rent", "2026-05-31", &t);
	insert(&fx, u.id, 500000, "USD", "income", "salary", "2026-05-05", &t);
	/* another currency, and either side of the window */
	insert(&fx, u.id, 7777, "EUR", "food", "in euros", "2026-05-10", &t);
	insert(&fx, u.id, 3333, "USD", "food", "before", "2026-04-30", &t);
	insert(&fx, u.id, 4444, "USD", "food", "after", "2026-06-01", &t);
	ck_assert_int_eq(store_txn_spending(&fx.s.st, u.id, "USD", "2026-05-01", "2026-05-31",
	    NULL, s, 10, &n, first), 0);
	ck_assert_uint_eq(n, 4);
	/* largest first */
	ck_assert_str_eq(s[0].category, "income");
	ck_assert_int_eq(s[0].cents, 500000);
	ck_assert_int_eq(s[0].count, 1);
	ck_assert_str_eq(s[1].category, "housing");
	ck_assert_int_eq(s[1].cents, 9000);
	ck_assert_str_eq(s[2].category, "food");
	ck_assert_int_eq(s[2].cents, 4590);
	ck_assert_int_eq(s[2].count, 2);
	ck_assert_str_eq(s[3].category, "transport");
	ck_assert_int_eq(s[3].cents, 1250);
	ck_assert_str_eq(first, "2026-05-02");
	/* at most max rows; the first date still of them all */
	ck_assert_int_eq(store_txn_spending(&fx.s.st, u.id, "USD", "2026-05-01", "2026-05-31",
	    NULL, s, 2, &n, first), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(s[1].category, "housing");
	ck_assert_str_eq(first, "2026-05-02");
	/* one category: it and income */
	ck_assert_int_eq(store_txn_spending(&fx.s.st, u.id, "USD", "2026-05-01", "2026-05-31",
	    "food", s, 10, &n, first), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(s[0].category, "income");
	ck_assert_str_eq(s[1].category, "food");
	ck_assert_int_eq(s[1].cents, 4590);
	ck_assert_str_eq(first, "2026-05-03");
	/* the other currency on its own */
	ck_assert_int_eq(store_txn_spending(&fx.s.st, u.id, "EUR", "2026-05-01", "2026-05-31",
	    NULL, s, 10, &n, first), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(s[0].cents, 7777);
	ck_assert_str_eq(first, "2026-05-10");
	/* nothing in the window: no rows, no date */
	ck_assert_int_eq(store_txn_spending(&fx.s.st, u.id, "USD", "2027-01-01", "2027-01-31",
	    NULL, s, 10, &n, first), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(first, "");
	fixture_close(&fx);
}
END_TEST

START_TEST(find)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 a, b, c, d, e, rows[8];
	struct txn_query q;
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-8", "en", "USD", &u);
	insert(&fx, u.id, 100, "USD", "food", "Café da manhã", "2026-07-01", &a);
	insert(&fx, u.id, 200, "USD", "transport", "UBER *TRIP", "2026-07-03", &b);
	insert(&fx, u.id, 300, "USD", "income", "Salary July", "2026-07-05", &c);
	insert(&fx, u.id, 400, "USD", "food", "lunch", "2026-07-02", &d);
	{
		struct txn t;

		txn(&t, u.id, 500, "USD", "food", "card purchase", "2026-06-30");
		t.merchant = "Starbucks";
		ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &e), 0);
	}
	memset(&q, 0, sizeof(q));
	q.kind = "all";
	/* by transaction date, newest first */
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(rows[0].id, c.id);
	ck_assert_str_eq(rows[1].id, b.id);
	ck_assert_str_eq(rows[2].id, d.id);
	ck_assert_str_eq(rows[3].id, a.id);
	ck_assert_str_eq(rows[4].id, e.id);
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 2, &n), 0);
	ck_assert_uint_eq(n, 2);
	/* kinds */
	q.kind = "income";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, c.id);
	q.kind = "spending";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(rows[0].id, b.id);
	/* kind NULL is all */
	q.kind = NULL;
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 5);
	/* words, in any case, in the description or the merchant */
	q.search = "uber";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, b.id);
	q.search = "STARBUCKS";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, e.id);
	q.search = "café";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, a.id);
	q.search = "50%_";		/* no pattern characters: nothing matches */
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 0);
	/* a date range, inclusive, with a category */
	q.search = NULL;
	q.from = "2026-07-01";
	q.to = "2026-07-03";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(rows[0].id, b.id);
	ck_assert_str_eq(rows[2].id, a.id);
	q.category = "food";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(rows[0].id, d.id);
	ck_assert_str_eq(rows[1].id, a.id);
	q.category = NULL;
	q.from = NULL;
	q.to = "2026-06-30";
	ck_assert_int_eq(store_txn_find(&fx.s.st, u.id, &q, rows, 8, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, e.id);
	ck_assert_str_eq(rows[0].merchant, "Starbucks");
	fixture_close(&fx);
}
END_TEST

/* insert, with a kind and a subcategory */
static void
insert_kind(struct fixture *fx, const char *user, int64_t cents, const char *cat,
    const char *sub, const char *kind, const char *merchant, const char *date, struct txn *out)
{
	struct txn t;

	txn(&t, user, cents, "USD", cat, merchant ? merchant : "x", date);
	snprintf(t.kind, sizeof(t.kind), "%s", kind);
	snprintf(t.subcategory, sizeof(t.subcategory), "%s", sub ? sub : "");
	t.merchant = merchant;
	ck_assert_int_eq(store_txn_insert(&fx->s.st, &t, out), 0);
}

/*
 * Spending is spending and fees, less refunds; transfers, debt payments and
 * savings contributions are no spending; income is counted apart.
 */
START_TEST(kinds_in_spending)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t;
	struct txn_sum	 s[10];
	struct txn_agg	 a[16];
	struct txn_agg_q q;
	char		 first[11];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "k-1", "en", "USD", &u);
	insert_kind(&fx, u.id, 10000, "food", "groceries", "spending", "Kroger", "2026-05-03", &t);
	ck_assert_str_eq(t.kind, "spending");
	ck_assert_str_eq(t.subcategory, "groceries");
	insert_kind(&fx, u.id, 2500, "food", "restaurants", "spending", "Chipotle", "2026-05-10", &t);
	insert_kind(&fx, u.id, 1500, "food", "groceries", "refund", "Kroger", "2026-05-12", &t);
	insert_kind(&fx, u.id, 120000, "other", NULL, "debt_payment", NULL, "2026-05-15", &t);
	ck_assert_str_eq(t.subcategory, "");
	insert_kind(&fx, u.id, 30000, "other", NULL, "transfer", NULL, "2026-05-16", &t);
	insert_kind(&fx, u.id, 20000, "other", NULL, "savings_contribution", NULL, "2026-05-17",
	    &t);
	insert_kind(&fx, u.id, 390, "other", "bank_fees", "fee", NULL, "2026-05-18", &t);
	insert_kind(&fx, u.id, 500000, "income", "salary", "income", NULL, "2026-05-05", &t);
	insert_kind(&fx, u.id, 4000, "transport", "rideshare", "spending", "Uber", "2026-06-02",
	    &t);
	/* income is income, and only income */
	txn(&t, u.id, 100, "USD", "food", "x", "2026-05-01");
	snprintf(t.kind, sizeof(t.kind), "income");
	ck_assert_int_eq(store_txn_insert(&fx.s.st, &t, &t), -1);

	ck_assert_int_eq(store_txn_spending(&fx.s.st, u.id, "USD", "2026-05-01", "2026-05-31",
	    NULL, s, 10, &n, first), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(s[0].category, "income");
	ck_assert_int_eq(s[0].cents, 500000);
	ck_assert_str_eq(s[1].category, "food");
	ck_assert_int_eq(s[1].cents, 11000);		/* 100 + 25 - 15 */
	ck_assert_int_eq(s[1].count, 2);		/* the refund is no purchase */
	ck_assert_str_eq(s[2].category, "other");
	ck_assert_int_eq(s[2].cents, 390);		/* the fee only */

	memset(&q, 0, sizeof(q));
	q.from = "2026-05-01";
	q.to = "2026-06-30";
	/* one total */
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].key, "");
	ck_assert_int_eq(a[0].cents, 10000 + 2500 - 1500 + 390 + 4000);
	ck_assert_int_eq(a[0].count, 5);
	/* by subcategory, largest first */
	q.group_by = "subcategory";
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(a[0].key, "groceries");
	ck_assert_int_eq(a[0].cents, 8500);
	ck_assert_str_eq(a[1].key, "rideshare");
	ck_assert_str_eq(a[2].key, "restaurants");
	ck_assert_str_eq(a[3].key, "bank_fees");
	/* by month then category, in time order */
	q.group_by = "month";
	q.then_by = "category";
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(a[0].key, "2026-05");
	ck_assert_str_eq(a[0].key2, "food");
	ck_assert_str_eq(a[1].key, "2026-05");
	ck_assert_str_eq(a[1].key2, "other");
	ck_assert_str_eq(a[2].key, "2026-06");
	ck_assert_str_eq(a[2].key2, "transport");
	/* by week: the Monday */
	q.group_by = "week";
	q.then_by = NULL;
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_str_eq(a[0].key, "2026-04-27");	/* 2026-05-03 is a Sunday */
	/* a merchant, by name in any case or by key */
	q.group_by = "merchant";
	q.merchant = "KROGER";
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].key, "Kroger");
	ck_assert_int_eq(a[0].cents, 8500);
	q.merchant = NULL;
	/* another kind: debt payments, income */
	q.group_by = NULL;
	q.kind = "debt_payment";
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_int_eq(a[0].cents, 120000);
	q.kind = "income";
	q.group_by = "subcategory";
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(a[0].key, "salary");
	/* filters */
	q.kind = NULL;
	q.group_by = "kind";
	q.category = "food";
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(a[0].key, "spending");
	ck_assert_int_eq(a[0].cents, 12500);
	ck_assert_str_eq(a[1].key, "refund");
	ck_assert_int_eq(a[1].cents, -1500);
	q.category = NULL;
	q.subcategory = "restaurants";
	q.group_by = NULL;
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), 0);
	ck_assert_int_eq(a[0].cents, 2500);
	/* no window, no answer */
	q.from = NULL;
	ck_assert_int_eq(store_txn_aggregate(&fx.s.st, u.id, "USD", &q, a, 16, &n), -1);
	fixture_close(&fx);
}
END_TEST

/* A bank feed's id: one transaction per user and id, the second send reads the first. */
START_TEST(external_ids)
{
	struct fixture	 fx;
	struct user	 u, w;
	struct txn	 t, out, again;
	struct txn_filter f;
	struct store_page pg = { 10, 0, 0, "" };
	struct txn	 rows[10];
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "e-1", "en", "USD", &u);
	fixture_user(&fx.s.st, "e-2", "en", "USD", &w);
	txn(&t, u.id, 4590, "", "food", "PADARIA", "2026-05-03");
	t.external_id = "bank-tx-0001";
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, u.id, &t, 0, &out), 1);
	ck_assert_int_eq(out.existing, 0);
	ck_assert_str_eq(out.external_id, "bank-tx-0001");
	ck_assert_str_eq(out.currency, "USD");
	/* the same id again, even with other figures: the stored one */
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	t.amount_cents = 99;
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, u.id, &t, 0, &again), 1);
	ck_assert_int_eq(again.existing, 1);
	ck_assert_str_eq(again.id, out.id);
	ck_assert_int_eq(again.amount_cents, 4590);
	/* by external id too */
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, "external:e-1", &t, 0, &again), 1);
	ck_assert_int_eq(again.existing, 1);
	/* another user may use the same id */
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, w.id, &t, 0, &again), 1);
	ck_assert_int_eq(again.existing, 0);
	/* no such user */
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, "external:nobody", &t, 0, &again), 0);
	/* listed by it */
	memset(&f, 0, sizeof(f));
	f.external_id = "bank-tx-0001";
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &f, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, out.id);
	fixture_close(&fx);
}
END_TEST

/* What a user taught (category, subcategory, kind) decides the next one. */
START_TEST(taught_kind_and_subcategory)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t, out;
	struct txn_rule	 r[4];
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "r-1", "pt", "BRL", &u);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "joao silva", "other", NULL,
	    "transfer"), 0);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "padaria real", "food", "groceries",
	    "spending"), 0);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "empresa x", "income", "salary",
	    NULL), 0);
	ck_assert_int_eq(store_txn_rules(&fx.s.st, u.id, r, 4, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(r[0].category, "income");
	ck_assert_str_eq(r[0].kind, "");
	ck_assert_str_eq(r[2].kind, "transfer");
	/* a transfer taught */
	txn(&t, u.id, 12000, "", "food", "Pix JOAO SILVA", "2026-05-03");
	t.merchant_key = "joao silva";
	snprintf(t.subcategory, sizeof(t.subcategory), "restaurants");
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, u.id, &t, 1, &out), 1);
	ck_assert_str_eq(out.category, "other");
	ck_assert_str_eq(out.kind, "transfer");
	ck_assert_str_eq(out.subcategory, "");
	/* a subcategory taught */
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	t.merchant_key = "padaria real";
	snprintf(t.category, sizeof(t.category), "other");
	t.subcategory[0] = '\0';
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, u.id, &t, 1, &out), 1);
	ck_assert_str_eq(out.category, "food");
	ck_assert_str_eq(out.subcategory, "groceries");
	ck_assert_str_eq(out.kind, "spending");
	/* a category taught without a kind: income says it */
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	t.merchant_key = "empresa x";
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, u.id, &t, 1, &out), 1);
	ck_assert_str_eq(out.category, "income");
	ck_assert_str_eq(out.kind, "income");
	/* not taught (the client decided): as given */
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	ck_assert_int_eq(store_txn_insert_for(&fx.s.st, u.id, &t, 0, &out), 1);
	ck_assert_str_eq(out.category, "other");
	ck_assert_str_eq(out.kind, "spending");
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct user	 u;
	struct txn	 t, g, rows[4];
	struct txn_fields f;
	struct txn_filter tf;
	struct txn_query q;
	struct txn_rule	 r[4];
	struct txn_sum	 s[4];
	struct store_page pg = { 4, 0, 0, "" };
	char		 first[11];
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "t-9", "en", "USD", &u);
	insert(&fx, u.id, 1000, "USD", "food", "lunch", "2026-08-01", &t);
	ck_assert_int_eq(store_txn_teach(&fx.s.st, u.id, "lunch", "food", NULL, NULL), 0);
	memset(&tf, 0, sizeof(tf));
	memset(&q, 0, sizeof(q));
	ck_assert_int_eq(store_txn_get(&fx.st_b, u.id, t.id, &g), 0);
	ck_assert_int_eq(store_txn_list(&fx.st_b, u.id, &tf, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_txn_find(&fx.st_b, u.id, &q, rows, 4, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_txn_rules(&fx.st_b, u.id, r, 4, &n), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(store_txn_spending(&fx.st_b, u.id, "USD", "2026-01-01", "2026-12-31",
	    NULL, s, 4, &n, first), 0);
	ck_assert_uint_eq(n, 0);
	memset(&f, 0, sizeof(f));
	f.has_category = 1;
	f.category = "health";
	ck_assert_int_eq(store_txn_update(&fx.st_b, u.id, t.id, &f, &g), 0);
	ck_assert_int_eq(store_txn_delete(&fx.st_b, u.id, t.id), 0);
	ck_assert_int_eq(store_txn_teach(&fx.st_b, u.id, "lunch", "health", NULL, NULL), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	txn(&g, u.id, 5, "USD", "food", "theirs", "2026-08-02");
	ck_assert_int_eq(store_txn_insert(&fx.st_b, &g, rows), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_FOREIGN_KEY);
	/* a's rows are as they were */
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t.id, &g), 1);
	ck_assert_str_eq(g.category, "food");
	ck_assert_str_eq(g.categorized_by, "rules");
	ck_assert_int_eq(store_txn_rules(&fx.s.st, u.id, r, 4, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(r[0].category, "food");
	ck_assert_int_eq(store_txn_list(&fx.s.st, u.id, &tf, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_txn_suite(void)
{
	Suite	*s = suite_create("store_txn");
	TCase	*tc = tcase_create("transactions");

	tcase_add_test(tc, insert_and_get);
	tcase_add_test(tc, list_filters_and_pages);
	tcase_add_test(tc, update_and_delete);
	tcase_add_test(tc, teach_and_rules);
	tcase_add_test(tc, spending_per_category);
	tcase_add_test(tc, find);
	tcase_add_test(tc, tenancy);
	tcase_add_test(tc, kinds_in_spending);
	tcase_add_test(tc, external_ids);
	tcase_add_test(tc, taught_kind_and_subcategory);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_txn_suite)
