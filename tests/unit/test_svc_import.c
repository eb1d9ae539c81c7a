/*
 * test_svc_import.c: documents into transactions without HTTP, on a real
 * PostgreSQL: a CSV's rows recorded with their import, income and
 * transfers told apart; duplicates (the same file again; two equal rows in
 * one file are two; a bank's id seen before; a card
 * bill's payment on the card's side is no duplicate of the checking side's);
 * an unreadable document stores nothing; delete takes everything back; the
 * queue (a queued import run by svc_import_run_queued, a bad one failed);
 * tenancy.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "service/svc_import.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

static int
import_text(struct fixture *fx, const char *ref, const char *text, int async,
    struct import_out *out)
{
	struct import_doc d;

	memset(&d, 0, sizeof(d));
	d.data = (const unsigned char *)text;
	d.len = strlen(text);
	d.channel = "api";
	d.file_name = "extrato.csv";
	d.async = async;
	fixture_clear_error(fx);
	return svc_import_create(&fx->s, ref, &d, out);
}

static const struct txn *
by_desc(const struct import_out *o, const char *desc, size_t nth)
{
	size_t	 i;

	for (i = 0; i < o->ncreated; i++)
		if (strcmp(o->created[i].description, desc) == 0 && nth-- == 0)
			return &o->created[i];
	return NULL;
}

START_TEST(rows_recorded_and_duplicates_skipped)
{
	static const char csv[] =
	    "Date,Description,Amount\n"
	    "2026-03-01,PAYROLL ACME CORP,2500.00\n"
	    "2026-03-02,STARBUCKS STORE 1234,-4.50\n"
	    "2026-03-02,STARBUCKS STORE 1234,-4.50\n"
	    "2026-03-03,CREDIT CARD PAYMENT THANK YOU,-300.00\n";
	static const char card[] =
	    "Date,Description,Amount\n"
	    "2026-03-03,CREDIT CARD PAYMENT THANK YOU,300.00\n";
	static const char more[] =
	    "Date,Description,Amount\n"
	    "2026-03-02,Starbucks store 1234,-4.50\n"
	    "2026-03-02,STARBUCKS  STORE  1234,-4.50\n"
	    "2026-03-02,STARBUCKS STORE 1234,-4.50\n"
	    "2026-03-04,UBER TRIP,-9.10\n";
	struct fixture	 fx;
	struct import_out o;
	const struct txn *t;

	fixture_open(&fx);
	ck_assert_int_eq(import_text(&fx, "external:imp-a", csv, 0, &o), 0);
	ck_assert_str_eq(o.rec.status, "completed");
	ck_assert_str_eq(o.rec.kind, "spreadsheet");
	ck_assert_str_eq(o.rec.format, "csv");
	ck_assert_str_eq(o.rec.file_name, "extrato.csv");
	ck_assert_uint_eq(o.ncreated, 4);		/* the two equal coffees are two */
	ck_assert_int_eq(o.rec.transactions_created, 4);
	ck_assert_int_eq(o.rec.duplicates_skipped, 0);
	ck_assert_ptr_nonnull(t = by_desc(&o, "PAYROLL ACME CORP", 0));
	ck_assert_str_eq(t->kind, "income");
	ck_assert_str_eq(t->category, "income");
	ck_assert_str_eq(t->import_id, o.rec.id);
	ck_assert_str_eq(t->source, "api_spreadsheet");
	ck_assert_ptr_nonnull(t = by_desc(&o, "CREDIT CARD PAYMENT THANK YOU", 0));
	ck_assert_str_eq(t->kind, "debt_payment");
	ck_assert_int_eq(t->amount_cents, 30000);
	/* the card's side of the same payment: a transfer, not a duplicate */
	ck_assert_int_eq(import_text(&fx, "external:imp-a", card, 0, &o), 0);
	ck_assert_uint_eq(o.ncreated, 1);
	ck_assert_str_eq(o.created[0].kind, "transfer");
	ck_assert_str_eq(o.created[0].category, "other");
	/* folded descriptions match, counted: two coffees known, the third is new */
	ck_assert_int_eq(import_text(&fx, "external:imp-a", more, 0, &o), 0);
	ck_assert_int_eq(o.rec.duplicates_skipped, 2);
	ck_assert_uint_eq(o.ncreated, 2);
	ck_assert_ptr_nonnull(by_desc(&o, "UBER TRIP", 0));
	/* everything again: nothing new */
	ck_assert_int_eq(import_text(&fx, "external:imp-a", csv, 0, &o), 0);
	ck_assert_uint_eq(o.ncreated, 0);
	ck_assert_int_eq(o.rec.duplicates_skipped, 4);
	fixture_close(&fx);
}
END_TEST

START_TEST(bank_ids_and_bad_documents)
{
	static const char ofx[] =
	    "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>"
	    "<CURDEF>USD<BANKTRANLIST>"
	    "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305<TRNAMT>-12.00<FITID>F1<NAME>NETFLIX.COM</STMTTRN>"
	    "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260306<TRNAMT>-12.00<FITID>F1<NAME>NETFLIX.COM</STMTTRN>"
	    "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260307<TRNAMT>-7.00<FITID>F2<NAME>UBER TRIP</STMTTRN>"
	    "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n";
	struct fixture	 fx;
	struct import_out o;
	struct import_rec rows[4];
	struct store_page pg = { .limit = 10 };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	ck_assert_int_eq(import_text(&fx, "external:imp-b", ofx, 0, &o), 0);
	ck_assert_str_eq(o.rec.format, "ofx");
	/*
	 * FITID F1 on two rows of different days: the reader keeps both (F1,
	 * F1#2: a bank that reuses an id does not lose a transaction); each
	 * keeps its id, so the file again is all duplicates by id
	 */
	ck_assert_uint_eq(o.ncreated, 3);
	ck_assert_int_eq(o.rec.duplicates_skipped, 0);
	ck_assert_ptr_nonnull(o.created[0].external_id);
	ck_assert_int_eq(import_text(&fx, "external:imp-b", ofx, 0, &o), 0);
	ck_assert_uint_eq(o.ncreated, 0);
	ck_assert_int_eq(o.rec.duplicates_skipped, 3);
	/* unreadable: 422, nothing stored */
	ck_assert_int_eq(import_text(&fx, "external:imp-b", "\x89PNG\r\n\x1a\ngarbage", 0, &o), -1);
	ck_assert_int_eq(fx.err.code, OZ_UNPROCESSABLE_DOCUMENT);
	ck_assert_int_eq(import_text(&fx, "external:imp-b", "just words, no table", 0, &o), -1);
	ck_assert_int_eq(fx.err.code, OZ_UNPROCESSABLE_DOCUMENT);
	fixture_clear_error(&fx);
	ck_assert_int_eq(svc_import_list(&fx.s, "external:imp-b", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	/* another client: no such import, nothing to delete */
	{
		struct svc	 b;
		struct import_rec r;

		fixture_svc_b(&fx, &b);
		ck_assert_int_eq(svc_import_get(&b, "external:imp-b", rows[0].id, &r), -1);
		ck_assert_int_eq(fx.err.code, OZ_NOT_FOUND);
		fixture_clear_error(&fx);
		ck_assert_int_eq(svc_import_delete(&b, "external:imp-b", rows[0].id), -1);
		fixture_clear_error(&fx);
	}
	/* delete the first import: its transactions go, the OFX is new again */
	ck_assert_int_eq(svc_import_delete(&fx.s, "external:imp-b", rows[1].id), 0);
	ck_assert_int_eq(svc_import_get(&fx.s, "external:imp-b", rows[1].id, &o.rec), -1);
	ck_assert_int_eq(import_text(&fx, "external:imp-b", ofx, 0, &o), 0);
	ck_assert_uint_eq(o.ncreated, 3);
	fixture_close(&fx);
}
END_TEST

START_TEST(queued_imports_run)
{
	static const char csv[] = "Date,Description,Amount\n2026-04-01,UBER TRIP,-9.10\n";
	struct fixture	 fx;
	struct import_out q, bad;
	struct import_rec r;
	struct svc	 runner;
	int		 rc, ran = 0;

	fixture_open(&fx);
	ck_assert_int_eq(import_text(&fx, "external:imp-q", csv, 1, &q), 0);
	ck_assert_str_eq(q.rec.status, "queued");
	ck_assert_str_eq(q.rec.kind, "");
	/* bytes a CSV sniff takes but no row holds a transaction: fails when run */
	ck_assert_int_eq(import_text(&fx, "external:imp-q", "a,b\nc,d\n", 1, &bad), 0);
	/* no format at all: refused at once, not queued */
	ck_assert_int_eq(import_text(&fx, "external:imp-q", "\x01\x02\x03", 1, &bad), -1);
	fixture_clear_error(&fx);
	/* a worker with no client of its own runs the queue (and others' leftovers) */
	runner = fx.s;
	runner.st.client = NULL;
	while ((rc = svc_import_run_queued(&runner)) == 1)
		ran++;
	ck_assert_int_eq(rc, 0);
	ck_assert_int_ge(ran, 2);
	fixture_clear_error(&fx);
	ck_assert_int_eq(svc_import_get(&fx.s, "external:imp-q", q.rec.id, &r), 0);
	ck_assert_str_eq(r.status, "completed");
	ck_assert_int_eq(r.transactions_created, 1);
	ck_assert_str_eq(r.kind, "spreadsheet");
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_import_suite(void)
{
	Suite *s = suite_create("svc_import");
	TCase *tc = tcase_create("imports");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rows_recorded_and_duplicates_skipped);
	tcase_add_test(tc, bank_ids_and_bad_documents);
	tcase_add_test(tc, queued_imports_run);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_import_suite)
