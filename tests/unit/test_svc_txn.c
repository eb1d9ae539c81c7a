/*
 * test_svc_txn.c: the transactions service without HTTP, on a real
 * PostgreSQL: structured batches (all or nothing, with the currency,
 * category and date defaults), text in English, Portuguese and Spanish in
 * the user's currency, what text cannot be, corrections that teach the
 * categoriser, updates, delete, and another client's transactions.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

static void
item(struct txn_in *t, int64_t cents, const char *desc)
{
	memset(t, 0, sizeof(*t));
	t->amount_cents = cents;
	t->description = desc;
}

static int64_t
count_txns(const char *client)
{
	return fixture_count("SELECT count(*) FROM transactions WHERE client_id = $1", client,
	    NULL);
}

START_TEST(batch_with_defaults)
{
	struct fixture	 fx;
	struct txn_in	 in[4];
	struct txn	 out[4], g;
	struct user	 u;
	char		 today[11];

	fixture_open(&fx);
	cal_today(today);
	fixture_user(&fx.s.st, "b-1", "pt", "BRL", &u);
	item(&in[0], 2350, "Uber *trip");		/* the rules categorise */
	item(&in[1], 4590, "mercado");
	in[1].category = "health";			/* the client's category is final */
	in[1].currency = "USD";
	in[1].date = "2026-01-15";
	item(&in[2], 500000, "salário");
	in[2].is_income = 1;
	item(&in[3], 100, NULL);			/* no description */
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 4, "api_json", out), 0);
	/* the user's currency, today, categorised by the rules */
	ck_assert(strncmp(out[0].id, "ozz_txn_", 8) == 0);
	ck_assert_str_eq(out[0].user_id, u.id);
	ck_assert_int_eq(out[0].amount_cents, 2350);
	ck_assert_str_eq(out[0].currency, "BRL");
	ck_assert_str_eq(out[0].transaction_date, today);
	ck_assert_str_eq(out[0].category, "transport");
	ck_assert_str_eq(out[0].categorized_by, "rules");
	ck_assert_str_eq(out[0].merchant, "Uber");
	ck_assert_str_eq(out[0].merchant_key, "uber");
	ck_assert_str_eq(out[0].source, "api_json");
	ck_assert_int_gt(out[0].confidence, 500);
	ck_assert_int_lt(out[0].confidence, 1000);
	/* what the client said */
	ck_assert_str_eq(out[1].category, "health");
	ck_assert_str_eq(out[1].categorized_by, "user");
	ck_assert_int_eq(out[1].confidence, 1000);
	ck_assert_str_eq(out[1].currency, "USD");
	ck_assert_str_eq(out[1].transaction_date, "2026-01-15");
	/* income is income */
	ck_assert_str_eq(out[2].category, "income");
	ck_assert_int_ge(out[2].confidence, 800);
	ck_assert_str_eq(out[3].description, "");
	ck_assert_str_eq(out[3].category, "other");
	ck_assert_int_eq(count_txns(fx.a), 4);
	ck_assert_int_eq(svc_txn_get(&fx.s, u.id, out[1].id, &g), 0);
	ck_assert_str_eq(g.description, "mercado");
	fixture_close(&fx);
}
END_TEST

START_TEST(batch_all_or_nothing)
{
	struct fixture	 fx;
	struct txn_in	 in[3];
	struct txn	 out[3];

	fixture_open(&fx);
	item(&in[0], 100, "one");
	item(&in[1], 200, "two");
	item(&in[2], 300, "three");
	in[2].category = "snacks";		/* not a category: the table refuses the third */
	ck_assert_int_eq(svc_txn_record(&fx.s, "external:aon", in, 3, "api_json", out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_int_eq(count_txns(fx.a), 0);
	/* the sizes a batch may have */
	ck_assert_int_eq(svc_txn_record(&fx.s, "external:aon", in, 0, "api_json", out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_int_eq(svc_txn_record(&fx.s, "external:aon", in, TXN_BATCH_MAX + 1, "api_json",
	    out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	/* then the same batch, fixed, goes in whole */
	in[2].category = "food";
	ck_assert_int_eq(svc_txn_record(&fx.s, "external:aon", in, 3, "api_json", out), 0);
	ck_assert_int_eq(count_txns(fx.a), 3);
	fixture_close(&fx);
}
END_TEST

START_TEST(text_in_three_languages)
{
	struct fixture	 fx;
	struct txn	 out[4];
	struct user	 en, pt, es, jp;
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "x-en", "en", "USD", &en);
	fixture_user(&fx.s.st, "x-pt", "pt", "BRL", &pt);
	fixture_user(&fx.s.st, "x-es", "es", "EUR", &es);
	fixture_user(&fx.s.st, "x-jp", "en", "JPY", &jp);
	ck_assert_int_eq(svc_txn_record_text(&fx.s, en.id, "coffee $5 and lunch $15", "api_text",
	    out, 4, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(out[0].amount_cents, 500);
	ck_assert_str_eq(out[0].currency, "USD");
	ck_assert_str_eq(out[0].description, "coffee");
	ck_assert_str_eq(out[0].category, "food");
	ck_assert_str_eq(out[0].source, "api_text");
	ck_assert_int_eq(out[1].amount_cents, 1500);
	ck_assert_str_eq(out[1].description, "lunch");
	/* Portuguese: a decimal comma, reais */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, pt.id, "gastei 45,90 no mercado e 12 no uber",
	    "whatsapp_text", out, 4, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(out[0].amount_cents, 4590);
	ck_assert_str_eq(out[0].currency, "BRL");
	ck_assert_str_eq(out[0].category, "food");
	ck_assert_int_eq(out[1].amount_cents, 1200);
	ck_assert_str_eq(out[1].category, "transport");
	ck_assert_str_eq(out[1].source, "whatsapp_text");
	/* Spanish, no currency written: the user's euros */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, es.id, "pagué 8,50 en el café", "api_text",
	    out, 4, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(out[0].amount_cents, 850);
	ck_assert_str_eq(out[0].currency, "EUR");
	ck_assert_str_eq(out[0].category, "food");
	/* yen have no minor unit */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, jp.id, "ramen 1500", "api_text", out, 4, &n),
	    0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(out[0].amount_cents, 1500);
	ck_assert_str_eq(out[0].currency, "JPY");
	ck_assert_int_eq(count_txns(fx.a), 6);
	fixture_close(&fx);
}
END_TEST

START_TEST(text_that_cannot_be_recorded)
{
	struct fixture	 fx;
	struct txn	 out[2];
	struct user	 u, jp;
	size_t		 n = 9;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "y-en", "en", "USD", &u);
	fixture_user(&fx.s.st, "y-jp", "en", "JPY", &jp);
	/* no amount at all: the document cannot be processed */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "hello there, how are you", "api_text",
	    out, 2, &n), -1);
	ck_assert_uint_eq(n, 0);
	FIXTURE_EXPECT(&fx, OZ_UNPROCESSABLE_DOCUMENT, "content");
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "", "api_text", out, 2, &n), -1);
	FIXTURE_EXPECT(&fx, OZ_UNPROCESSABLE_DOCUMENT, "content");
	/* an amount that cannot be right: a validation error on content */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "lunch 0", "api_text", out, 2, &n), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "content");
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "lunch -12", "api_text", out, 2, &n),
	    -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "content");
	ck_assert_int_eq(svc_txn_record_text(&fx.s, jp.id, "ramen 4.5", "api_text", out, 2, &n),
	    -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "content");
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "lunch 12 on 2026-02-30", "api_text",
	    out, 2, &n), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "content");
	/* more transactions than the caller has room for: none recorded */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "coffee 1, tea 2 and cake 3", "api_text",
	    out, 2, &n), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_int_eq(count_txns(fx.a), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(a_correction_teaches)
{
	struct fixture	 fx;
	struct txn_in	 in[2];
	struct txn	 out[2], g;
	struct txn_fields f;
	struct user	 u, w;
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "z-1", "en", "USD", &u);
	fixture_user(&fx.s.st, "z-2", "en", "USD", &w);
	item(&in[0], 3000, "Zorblax Emporium");
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	ck_assert_str_eq(out[0].category, "other");
	ck_assert_str_eq(out[0].merchant_key, "zorblax emporium");
	/* the user says it is clothing: final for it, and taught */
	memset(&f, 0, sizeof(f));
	f.has_category = 1;
	f.category = "clothing";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[0].id, &f, &g), 0);
	ck_assert_str_eq(g.category, "clothing");
	ck_assert_str_eq(g.categorized_by, "user");
	ck_assert_int_eq(g.confidence, 1000);
	/* the next one from that merchant is clothing, by the user's rule */
	item(&in[0], 4500, "ZORBLAX EMPORIUM #0042");
	item(&in[1], 100, "Zorblax Emporium");
	in[1].category = "health";			/* the client's category still wins */
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 2, "api_json", out), 0);
	ck_assert_str_eq(out[0].category, "clothing");
	ck_assert_str_eq(out[0].categorized_by, "rules");
	ck_assert_int_eq(out[0].confidence, 950);
	ck_assert_str_eq(out[1].category, "health");
	/* text too */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "zorblax emporium 12.50", "api_text",
	    out, 2, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0].category, "clothing");
	/* only this user learnt it */
	item(&in[0], 3000, "Zorblax Emporium");
	ck_assert_int_eq(svc_txn_record(&fx.s, w.id, in, 1, "api_json", out), 0);
	ck_assert_str_eq(out[0].category, "other");
	/* a correction can be corrected: the newest teaching wins */
	f.category = "entertainment";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, g.id, &f, &g), 0);
	item(&in[0], 3000, "Zorblax Emporium");
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	ck_assert_str_eq(out[0].category, "entertainment");
	fixture_close(&fx);
}
END_TEST

START_TEST(update_and_delete)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct txn_in	 in[1];
	struct txn	 out[1], g, rows[2];
	struct txn_fields f;
	struct txn_filter tf;
	struct store_page pg = { 2, 0, 0, "" };
	struct user	 u;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fixture_user(&fx.s.st, "e-1", "en", "USD", &u);
	item(&in[0], 700, "something");
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	/* a new description names its merchant */
	memset(&f, 0, sizeof(f));
	f.has_description = 1;
	f.description = "Starbucks latte";
	f.has_amount = 1;
	f.amount_cents = 650;
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[0].id, &f, &g), 0);
	ck_assert_str_eq(g.description, "Starbucks latte");
	ck_assert_str_eq(g.merchant, "Starbucks");
	ck_assert_str_eq(g.merchant_key, "starbucks");
	ck_assert_int_eq(g.amount_cents, 650);
	ck_assert_str_eq(g.categorized_by, "rules");	/* no category given: not the user's */
	/* nothing was taught by a description */
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM category_rules WHERE client_id = $1",
	    fx.a, NULL), 0);
	memset(&tf, 0, sizeof(tf));
	ck_assert_int_eq(svc_txn_list(&fx.s, u.id, &tf, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, g.id);
	/* not this user's, client's, or an id at all */
	ck_assert_int_eq(svc_txn_get(&fx.s, u.id, "txn-1", &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_get(&fx.s, "external:someone", out[0].id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_get(&sb, u.id, out[0].id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_update(&sb, u.id, out[0].id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, "ozz_txn_0000000000000000000000", &f, &g),
	    -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_delete(&sb, u.id, out[0].id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* delete: once; an unknown external user is not created for it */
	ck_assert_int_eq(svc_txn_delete(&fx.s, u.id, out[0].id), 0);
	ck_assert_int_eq(svc_txn_delete(&fx.s, u.id, out[0].id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_get(&fx.s, u.id, out[0].id, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_txn_delete(&fx.s, "external:nobody", out[0].id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM users WHERE client_id = $1"
	    " AND external_user_id = 'nobody'", fx.a, NULL), 0);
	ck_assert_int_eq(count_txns(fx.a), 0);
	fixture_close(&fx);
}
END_TEST

/* Kinds: what the client says, income with income, corrections that fit and teach. */
START_TEST(kinds_and_subcategories)
{
	struct fixture	 fx;
	struct txn_in	 in[3];
	struct txn_fields f;
	struct txn	 out[3], g;
	struct user	 u;
	size_t		 n;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "k-1", "en", "USD", &u);
	item(&in[0], 120000, "CARD PAYMENT THANK YOU");
	in[0].kind = "debt_payment";
	item(&in[1], 5000, "Whole Foods");
	in[1].subcategory = "groceries";
	in[1].category = "food";
	item(&in[2], 300000, "ACME PAYROLL");
	in[2].kind = "income";
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 3, "api_json", out), 0);
	ck_assert_str_eq(out[0].kind, "debt_payment");
	ck_assert_str_eq(out[0].categorized_by, "user");
	ck_assert_str_ne(out[0].category, "income");
	ck_assert_str_eq(out[1].kind, "spending");
	ck_assert_str_eq(out[1].subcategory, "groceries");
	ck_assert_str_eq(out[2].kind, "income");
	ck_assert_str_eq(out[2].category, "income");	/* income goes with income */
	/* money in that the text says is no income: a refund keeps what was refunded */
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "refund from amazon 25", "api_text",
	    out, 3, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0].kind, "refund");
	ck_assert_str_eq(out[0].category, "other");
	ck_assert_str_eq(out[0].subcategory, "shopping");
	ck_assert_int_eq(svc_txn_record_text(&fx.s, u.id, "received 250 from mom", "api_text",
	    out, 3, &n), 0);
	ck_assert_str_eq(out[0].kind, "income");	/* a chat's "received" stays income */
	/* a kind that cannot go with its category: nothing recorded */
	item(&in[0], 100, "x");
	in[0].kind = "income";
	in[0].category = "food";
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "kind");

	/* corrections: a refund keeps its category */
	memset(&f, 0, sizeof(f));
	f.has_kind = 1;
	f.kind = "refund";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), 0);
	ck_assert_str_eq(g.kind, "refund");
	ck_assert_str_eq(g.category, "food");
	ck_assert_str_eq(g.subcategory, "groceries");
	/* a new category drops the old subcategory */
	memset(&f, 0, sizeof(f));
	f.has_category = 1;
	f.category = "health";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), 0);
	ck_assert_str_eq(g.subcategory, "");
	/* a subcategory must fit the category */
	memset(&f, 0, sizeof(f));
	f.has_subcategory = 1;
	f.subcategory = "rent";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "subcategory");
	f.subcategory = "pharmacy";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), 0);
	ck_assert_str_eq(g.subcategory, "pharmacy");
	/* kind income makes the category income; leaving income makes it spending */
	memset(&f, 0, sizeof(f));
	f.has_kind = 1;
	f.kind = "income";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), 0);
	ck_assert_str_eq(g.category, "income");
	ck_assert_str_eq(g.subcategory, "");
	memset(&f, 0, sizeof(f));
	f.has_category = 1;
	f.category = "food";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), 0);
	ck_assert_str_eq(g.kind, "spending");
	/* both at once that cannot go together */
	memset(&f, 0, sizeof(f));
	f.has_kind = 1;
	f.kind = "transfer";
	f.has_category = 1;
	f.category = "income";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "kind");
	/* the kind taught for the merchant decides the next one */
	memset(&f, 0, sizeof(f));
	f.has_kind = 1;
	f.kind = "debt_payment";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, out[1].id, &f, &g), 0);
	item(&in[0], 7000, "Whole Foods");
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 1, "api_json", out), 0);
	ck_assert_str_eq(out[0].kind, "debt_payment");
	ck_assert_str_eq(out[0].category, "food");
	fixture_close(&fx);
}
END_TEST

/* A bank feed sending the same transaction twice records it once. */
START_TEST(external_ids_are_idempotent)
{
	struct fixture	 fx;
	struct txn_in	 in[2];
	struct txn	 out[2];
	struct user	 u;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "x-1", "en", "USD", &u);
	item(&in[0], 4500, "Shell");
	in[0].external_id = "feed-1";
	item(&in[1], 900, "Starbucks");
	in[1].external_id = "feed-2";
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 2, "api_json", out), 0);
	ck_assert_int_eq(out[0].existing + out[1].existing, 0);
	ck_assert_int_eq(count_txns(fx.a), 2);
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 2, "api_json", out), 0);
	ck_assert_int_eq(out[0].existing, 1);
	ck_assert_int_eq(out[1].existing, 1);
	ck_assert_int_eq(out[0].amount_cents, 4500);
	ck_assert_int_eq(count_txns(fx.a), 2);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_txn_suite(void)
{
	Suite	*s = suite_create("svc_txn");
	TCase	*tc = tcase_create("transactions");

	tcase_add_test(tc, batch_with_defaults);
	tcase_add_test(tc, batch_all_or_nothing);
	tcase_add_test(tc, text_in_three_languages);
	tcase_add_test(tc, text_that_cannot_be_recorded);
	tcase_add_test(tc, a_correction_teaches);
	tcase_add_test(tc, update_and_delete);
	tcase_add_test(tc, kinds_and_subcategories);
	tcase_add_test(tc, external_ids_are_idempotent);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_txn_suite)
