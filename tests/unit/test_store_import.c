/*
 * test_store_import.c: the imports store module against a real PostgreSQL:
 * insert, finish, get and list in pages, the queue (taken once, across
 * clients), delete taking the import's transactions with it, the
 * transactions seen for duplicate detection, tenancy.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_import.h"
#include "store/store_txn.h"

static void
import_of(struct import_rec *r, const char *user, const char *status)
{
	memset(r, 0, sizeof(*r));
	fixture_id("ozz_imp", r->id, sizeof(r->id));
	snprintf(r->user_id, sizeof(r->user_id), "%s", user);
	snprintf(r->status, sizeof(r->status), "%s", status);
	snprintf(r->format, sizeof(r->format), "csv");
	snprintf(r->source, sizeof(r->source), "api_spreadsheet");
	memset(r->sha256, 'b', 64);
	r->file_name = "extrato.csv";
}

/* A transaction of the import (or none), inserted. */
static void
txn_of(struct fixture *fx, const char *user, const char *import_id, const char *date,
    int64_t cents, const char *desc, const char *kind, struct txn *out)
{
	struct txn t;

	memset(&t, 0, sizeof(t));
	fixture_id("ozz_txn", t.id, sizeof(t.id));
	snprintf(t.user_id, sizeof(t.user_id), "%s", user);
	t.amount_cents = cents;
	snprintf(t.currency, sizeof(t.currency), "USD");
	snprintf(t.category, sizeof(t.category), strcmp(kind, "income") == 0 ? "income" : "other");
	snprintf(t.kind, sizeof(t.kind), "%s", kind);
	t.description = desc;
	t.merchant_key = "";
	snprintf(t.transaction_date, sizeof(t.transaction_date), "%s", date);
	snprintf(t.source, sizeof(t.source), "api_spreadsheet");
	snprintf(t.categorized_by, sizeof(t.categorized_by), "rules");
	t.confidence = 900;
	t.import_id = import_id;
	ck_assert_int_eq(store_txn_insert(&fx->s.st, &t, out), 0);
}

START_TEST(insert_finish_get_list)
{
	struct fixture	 fx;
	struct user	 u;
	struct import_rec a, b, got, done, rows[2];
	struct store_page pg = { .limit = 1 };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "imp-1", "en", "USD", &u);
	import_of(&a, u.id, "processing");
	ck_assert_int_eq(store_import_insert(&fx.s.st, &a, NULL), 0);
	ck_assert_int_eq(store_import_get(&fx.s.st, u.id, a.id, &got), 1);
	ck_assert_str_eq(got.status, "processing");
	ck_assert_str_eq(got.kind, "");
	ck_assert_str_eq(got.file_name, "extrato.csv");
	ck_assert_str_eq(got.rows_rejected, "[]");
	ck_assert_ptr_null(got.receipt);
	ck_assert_str_eq(got.completed_at, "");
	/* ended: counts, rejected rows and a receipt as JSON */
	snprintf(a.status, sizeof(a.status), "completed");
	snprintf(a.kind, sizeof(a.kind), "statement");
	a.transactions_created = 7;
	a.duplicates_skipped = 2;
	a.rows_rejected = "[{\"row\":3,\"message\":\"no date\"}]";
	a.receipt = "{\"total_cents\":100}";
	ck_assert_int_eq(store_import_finish(&fx.s.st, &a, &done), 1);
	ck_assert_str_eq(done.status, "completed");
	ck_assert_str_eq(done.kind, "statement");
	ck_assert_int_eq(done.transactions_created, 7);
	ck_assert_int_eq(done.duplicates_skipped, 2);
	ck_assert_ptr_nonnull(strstr(done.rows_rejected, "no date"));
	ck_assert_ptr_nonnull(strstr(done.receipt, "100"));
	ck_assert_uint_eq(strlen(done.completed_at), 20);
	/* by the external id too; newest first in pages */
	import_of(&b, u.id, "processing");
	ck_assert_int_eq(store_import_insert(&fx.s.st, &b, NULL), 0);
	ck_assert_int_eq(store_import_get(&fx.s.st, "external:imp-1", b.id, &got), 1);
	ck_assert_int_eq(store_import_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert(more);
	ck_assert_str_eq(rows[0].id, b.id);
	pg.has_after = 1;
	pg.after_us = rows[0].cursor_us;
	snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[0].id);
	ck_assert_int_eq(store_import_list(&fx.s.st, u.id, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert(!more);
	ck_assert_str_eq(rows[0].id, a.id);
	/* another client sees nothing, changes nothing */
	ck_assert_int_eq(store_import_get(&fx.st_b, u.id, a.id, &got), 0);
	ck_assert_int_eq(store_import_delete(&fx.st_b, u.id, a.id), 0);
	ck_assert_int_eq(store_import_finish(&fx.st_b, &a, &done), 0);
	/* a failed import must say why: the table refuses one without */
	import_of(&b, u.id, "failed");
	ck_assert_int_eq(store_import_insert(&fx.s.st, &b, NULL), -1);
	fixture_close(&fx);
}
END_TEST

START_TEST(delete_takes_its_transactions)
{
	struct fixture	 fx;
	struct user	 u;
	struct import_rec a;
	struct txn	 t1, t2, t3, g;
	struct txn_seen	*seen;
	const char	**movers;
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "imp-2", "en", "USD", &u);
	import_of(&a, u.id, "processing");
	ck_assert_int_eq(store_import_insert(&fx.s.st, &a, NULL), 0);
	txn_of(&fx, u.id, a.id, "2026-05-01", 500, "COFFEE", "spending", &t1);
	txn_of(&fx, u.id, a.id, "2026-05-02", 9000, "CARD PAYMENT", "debt_payment", &t2);
	txn_of(&fx, u.id, NULL, "2026-05-03", 700, "lunch", "spending", &t3);
	/* what duplicate detection sees: the window, kinds and descriptions */
	ck_assert_int_eq(store_txn_seen(&fx.s.st, u.id, "2026-05-01", "2026-05-02", &seen, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert(strcmp(seen[0].kind, "spending") == 0 || strcmp(seen[1].kind, "spending") == 0);
	ck_assert_int_eq(store_txn_seen(&fx.st_b, u.id, "2026-01-01", "2026-12-31", &seen, &n), 0);
	ck_assert_uint_eq(n, 0);
	/* what may have moved a goal */
	ck_assert_int_eq(store_txn_import_movers(&fx.s.st, u.id, a.id, &movers, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(movers[0], t2.id);
	ck_assert_int_eq(store_import_delete(&fx.s.st, u.id, a.id), 1);
	ck_assert_int_eq(store_import_delete(&fx.s.st, u.id, a.id), 0);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t1.id, &g), 0);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t2.id, &g), 0);
	ck_assert_int_eq(store_txn_get(&fx.s.st, u.id, t3.id, &g), 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(queue_taken_once)
{
	struct fixture	 fx;
	struct user	 u;
	struct import_rec q, got;
	const char	*doc;
	int		 rc;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "imp-3", "en", "USD", &u);
	/* drain what other tests left queued */
	while ((rc = store_import_take(&fx.s.st, &got, &doc)) == 1) {
		struct store st = fx.s.st;

		st.client = got.client_id;
		snprintf(got.status, sizeof(got.status), "completed");
		got.rows_rejected = "[]";
		ck_assert_int_eq(store_import_finish(&st, &got, &got), 1);
	}
	ck_assert_int_eq(rc, 0);
	import_of(&q, u.id, "queued");
	ck_assert_int_eq(store_import_insert(&fx.s.st, &q, "RGF0ZQo="), 0);
	/* the queue is everyone's: client b's worker takes a's import, with its client */
	ck_assert_int_eq(store_import_take(&fx.st_b, &got, &doc), 1);
	ck_assert_str_eq(got.id, q.id);
	ck_assert_str_eq(got.client_id, fx.a);
	ck_assert_str_eq(got.status, "processing");
	ck_assert_str_eq(doc, "RGF0ZQo=");
	/* taken: not again (until its lease of 15 minutes runs out) */
	ck_assert_int_eq(store_import_take(&fx.s.st, &got, &doc), 0);
	/* ended, the document goes */
	snprintf(q.status, sizeof(q.status), "failed");
	q.error_code = "UNPROCESSABLE_DOCUMENT";
	q.error = "no row";
	q.rows_rejected = "[]";
	ck_assert_int_eq(store_import_finish(&fx.s.st, &q, &got), 1);
	ck_assert_str_eq(got.error, "no row");
	ck_assert_str_eq(got.error_code, "UNPROCESSABLE_DOCUMENT");
	fixture_sql("SELECT 1/count(*) FROM imports WHERE id = $1 AND document IS NULL", q.id, NULL);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_import_suite(void)
{
	Suite *s = suite_create("store_import");
	TCase *tc = tcase_create("imports");

	tcase_add_test(tc, insert_finish_get_list);
	tcase_add_test(tc, delete_takes_its_transactions);
	tcase_add_test(tc, queue_taken_once);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_import_suite)
