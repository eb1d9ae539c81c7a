/*
 * it_imports.c: documents into transactions over HTTP (DESIGN §4.1): a
 * CSV, an OFX, a PDF statement and a receipt photo sent each of the three
 * ways (raw, multipart/form-data, base64 in JSON) make exactly the
 * transactions of their truth files; the same documents again make none
 * (duplicates); DELETE of an import takes its transactions back, and what
 * they moved toward a goal; Prefer: respond-async queues an import the
 * slow pool then runs; every malformed, oversized or hostile document is a
 * clear JSON 4xx that stores nothing; another client sees none of it.
 */
#include "config.h"

#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/b64.h"
#include "http_client.h"
#include "it_common.h"
#include "it_suites.h"

#ifndef IT_DOCS
#define IT_DOCS "tests/data/docs"
#endif

static struct it_client cl, other;

static void
setup_client(void)
{
	static int done;

	if (!done) {
		it_client_create("imports", 0, &cl);
		it_client_create("imports-other", 0, &other);
		done = 1;
	}
}

/* The bytes of a file under tests/data/docs (malloc'd, NUL after them). */
static char *
slurp(const char *rel, size_t *len)
{
	char	 path[512], *p;
	FILE	*f;
	long	 n;

	snprintf(path, sizeof(path), "%s/%s", IT_DOCS, rel);
	ck_assert_msg((f = fopen(path, "rb")) != NULL, "cannot open %s", path);
	ck_assert(fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0);
	rewind(f);
	ck_assert((p = malloc((size_t)n + 1)) != NULL);
	ck_assert(fread(p, 1, (size_t)n, f) == (size_t)n);
	p[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* POST body (len bytes) to the user's transactions with a Content-Type. */
static void
post_doc(const struct it_client *c, const char *u, const char *ctype, const char *body,
    size_t len, const char *extra, struct http_result *r)
{
	const char *h[4] = { c->auth, NULL, extra, NULL };
	char	 p[256], ct[256];

	snprintf(p, sizeof(p), "%s/transactions", u);
	snprintf(ct, sizeof(ct), "Content-Type: %s", ctype);
	h[1] = ct;
	ck_assert_msg(http_do("POST", p, h, body, len, r) == 0, "POST %s failed", p);
}

/* The same document as multipart/form-data with a file part (malloc'd body). */
static char *
as_multipart(const char *doc, size_t len, const char *filename, size_t *outlen)
{
	static const char b[] = "ozzieTestBoundary7MA4YWxkTrZu0gW";
	char	*out = malloc(len + 1024);
	size_t	 n;

	ck_assert(out != NULL);
	n = (size_t)snprintf(out, 1024, "--%s\r\nContent-Disposition: form-data; name=\"type\""
	    "\r\n\r\nspreadsheet\r\n--%s\r\nContent-Disposition: form-data; name=\"file\"; "
	    "filename=\"%s\"\r\nContent-Type: application/octet-stream\r\n\r\n", b, b, filename);
	memcpy(out + n, doc, len);
	n += len;
	n += (size_t)snprintf(out + n, 128, "\r\n--%s--\r\n", b);
	*outlen = n;
	return out;
}

#define MULTIPART_CT "multipart/form-data; boundary=ozzieTestBoundary7MA4YWxkTrZu0gW"

/* The same document as a JSON submission of type (malloc'd body). */
static char *
as_json(const char *doc, size_t len, const char *type, const char *file_name)
{
	size_t	 cap = 4 * ((len + 2) / 3) + 256, n;
	char	*out = malloc(cap);

	ck_assert(out != NULL);
	n = (size_t)snprintf(out, cap, "{\"type\":\"%s\",\"file_name\":\"%s\",\"content\":\"",
	    type, file_name);
	n += b64_encode((const unsigned char *)doc, len, out + n);
	snprintf(out + n, cap - n, "\"}");
	return out;
}

static const char *
str(struct json_object *o, const char *path)
{
	struct json_object *v = it_json_at(o, path);

	return v ? json_object_get_string(v) : "";
}

static int64_t
num(struct json_object *o, const char *path)
{
	struct json_object *v = it_json_at(o, path);

	return v ? json_object_get_int64(v) : -1;
}

/* Minor units of a truth amount ("-5.04", "1,234.50" never: truths use a point). */
static int64_t
cents_of(const char *s)
{
	int64_t	 v = 0;
	int	 frac = -1;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++) {
		if (*s == '.') {
			frac = 0;
			continue;
		}
		v = v * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	while (frac >= 0 && frac < 2) {
		v *= 10;
		frac++;
	}
	return frac < 0 ? v * 100 : v;
}

/*
 * The created transactions of r are exactly those of the truth file: as
 * many, and each truth row (date, amount, direction) matched by one of them
 * (money in is income, a refund or a transfer; money out never income).
 */
static void
expect_truth(const struct http_result *r, const char *truth_rel)
{
	struct json_object *truth, *rows, *data = it_json_at(r->json, "data");
	char	*text, used[1024];
	size_t	 len, i, k, n, nd;

	text = slurp(truth_rel, &len);
	truth = json_tokener_parse(text);
	free(text);
	ck_assert(truth != NULL && (rows = it_json_at(truth, "transactions")) != NULL);
	n = json_object_array_length(rows);
	ck_assert(data != NULL);
	nd = json_object_array_length(data);
	ck_assert_msg(nd == n, "%s: %zu transactions, the truth has %zu", truth_rel, nd, n);
	ck_assert(nd < sizeof(used));
	memset(used, 0, sizeof(used));
	for (i = 0; i < n; i++) {
		struct json_object *t = json_object_array_get_idx(rows, i);
		int64_t	 want = cents_of(str(t, "amount"));
		int	 credit = strcmp(str(t, "direction"), "credit") == 0;

		for (k = 0; k < nd; k++) {
			struct json_object *d = json_object_array_get_idx(data, k);
			const char *kind = str(d, "kind");
			int	 in = strcmp(kind, "income") == 0 || strcmp(kind, "refund") == 0 ||
				    strcmp(kind, "transfer") == 0;

			if (!used[k] && strcmp(str(d, "transaction_date"), str(t, "date")) == 0 &&
			    num(d, "amount_cents") == want && (credit ? in :
			    strcmp(kind, "income") != 0)) {
				used[k] = 1;
				break;
			}
		}
		ck_assert_msg(k < nd, "%s: row %zu (%s %s %s) not among the transactions",
		    truth_rel, i, str(t, "date"), str(t, "amount"), str(t, "description"));
	}
	json_object_put(truth);
}

/* How many imports and transactions the user has (through the list endpoints). */
static void
counts(const struct it_client *c, const char *u, int *imports, int *txns)
{
	struct http_result r;
	char	 p[256];

	snprintf(p, sizeof(p), "%s/imports?limit=50", u);
	it_call(c, "GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	*imports = (int)json_object_array_length(it_json_at(r.json, "data"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions?limit=50", u);
	it_call(c, "GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	*txns = (int)json_object_array_length(it_json_at(r.json, "data"));
	http_result_free(&r);
}

/* An import's document sent three ways: exact, then nothing new twice. */
static void
three_ways(const char *u, const char *doc_rel, const char *truth_rel, const char *ctype,
    const char *type, const char *format, int with_fitid)
{
	struct http_result r;
	char	*doc, *mp, *js;
	size_t	 len, mplen;
	int64_t	 n;

	doc = slurp(doc_rel, &len);
	post_doc(&cl, u, ctype, doc, len, "Content-Disposition: attachment; filename=\"first.dat\"",
	    &r);
	ck_assert_msg(r.status == 201, "%s: %ld %s", doc_rel, r.status, r.body);
	expect_truth(&r, truth_rel);
	n = (int64_t)json_object_array_length(it_json_at(r.json, "data"));
	ck_assert_str_eq(str(r.json, "import.status"), "completed");
	ck_assert_str_eq(str(r.json, "import.format"), format);
	ck_assert_str_eq(str(r.json, "import.file_name"), "first.dat");
	ck_assert_int_eq(num(r.json, "import.transactions_created"), n);
	ck_assert_int_eq(num(r.json, "import.duplicates_skipped"), 0);
	ck_assert_uint_eq(strlen(str(r.json, "import.sha256")), 64);
	ck_assert_str_eq(str(r.json, "data.0.import_id"), str(r.json, "import.id"));
	if (with_fitid)
		ck_assert_msg(*str(r.json, "data.0.external_id") != '\0', "no FITID kept");
	http_result_free(&r);
	/* again, in multipart: every row a duplicate */
	mp = as_multipart(doc, len, "statement.bin", &mplen);
	post_doc(&cl, u, MULTIPART_CT, mp, mplen, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	ck_assert_int_eq(num(r.json, "import.transactions_created"), 0);
	ck_assert_int_eq(num(r.json, "import.duplicates_skipped"), n);
	ck_assert_str_eq(str(r.json, "import.file_name"), "statement.bin");
	http_result_free(&r);
	/* and in base64 JSON: still nothing */
	js = as_json(doc, len, type, "again.dat");
	post_doc(&cl, u, "application/json", js, strlen(js), NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_int_eq(num(r.json, "import.duplicates_skipped"), n);
	ck_assert_int_eq(num(r.json, "import.transactions_created"), 0);
	http_result_free(&r);
	free(js);
	free(mp);
	free(doc);
}

START_TEST(statements_three_ways_exact_then_duplicates)
{
	char	 u[160];

	setup_client();
	it_user_path(u, sizeof(u), "imp-csv");
	three_ways(u, "csv/en_us_chase_checking.csv", "csv/en_us_chase_checking.truth.json",
	    "text/csv", "spreadsheet", "csv", 0);
	it_user_path(u, sizeof(u), "imp-ofx");
	three_ways(u, "ofx/en_us_ofx211_bank_and_card.ofx",
	    "ofx/en_us_ofx211_bank_and_card.truth.json", "application/x-ofx", "spreadsheet",
	    "ofx", 1);
	it_user_path(u, sizeof(u), "imp-pdf");
	three_ways(u, "pdf/en_us_checking.pdf", "pdf/en_us_checking.truth.json",
	    "application/pdf", "pdf", "pdf", 0);
}
END_TEST

START_TEST(credits_income_and_own_transfers)
{
	static const char csv[] =
	    "Date,Description,Amount\n"
	    "2026-10-01,PAYROLL ACME CORP,2500.00\n"
	    "2026-10-02,CREDIT CARD PAYMENT THANK YOU,-300.00\n"
	    "2026-10-03,ONLINE TRANSFER TO SAV XXXX1234,-150.00\n"
	    "2026-10-04,TRADER JOE'S #552,-41.11\n"
	    "2026-10-05,TRADER JOE'S #552,-41.11\n";
	static const char card[] =
	    "Date,Description,Amount\n"
	    "2026-10-02,CREDIT CARD PAYMENT THANK YOU,300.00\n"
	    "2026-10-06,NETFLIX.COM,-15.49\n";
	struct http_result r;
	char	 u[160];
	size_t	 i;

	setup_client();
	it_user_path(u, sizeof(u), "imp-kinds");
	post_doc(&cl, u, "text/csv", csv, sizeof(csv) - 1, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	/* two equal purchases on different days, and one per row: five */
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 5);
	for (i = 0; i < 5; i++) {
		char	 p[16];
		const char *desc, *kind;

		snprintf(p, sizeof(p), "data.%zu", i);
		desc = str(it_json_at(r.json, p), "description");
		kind = str(it_json_at(r.json, p), "kind");
		if (strncmp(desc, "PAYROLL", 7) == 0) {
			ck_assert_str_eq(kind, "income");
			ck_assert_str_eq(str(it_json_at(r.json, p), "category"), "income");
		} else if (strncmp(desc, "CREDIT CARD", 11) == 0)
			ck_assert_str_eq(kind, "debt_payment");
		else if (strncmp(desc, "ONLINE TRANSFER", 15) == 0)
			ck_assert_str_eq(kind, "savings_contribution");
		else
			ck_assert_str_eq(kind, "spending");
		ck_assert_str_eq(str(it_json_at(r.json, p), "source"), "api_spreadsheet");
	}
	http_result_free(&r);
	/* the card's side of the payment is a transfer: neither income nor spending */
	post_doc(&cl, u, "text/csv", card, sizeof(card) - 1, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 2);
	for (i = 0; i < 2; i++) {
		char	 p[16];

		snprintf(p, sizeof(p), "data.%zu", i);
		if (num(it_json_at(r.json, p), "amount_cents") == 30000) {
			ck_assert_str_eq(str(it_json_at(r.json, p), "kind"), "transfer");
			ck_assert_str_eq(str(it_json_at(r.json, p), "category"), "other");
		}
	}
	http_result_free(&r);
}
END_TEST

START_TEST(a_receipt_photo)
{
	struct http_result r;
	char	 u[160], *doc, *mp;
	size_t	 len, mplen;
	double	 conf;

	setup_client();
	it_user_path(u, sizeof(u), "imp-receipt");
	doc = slurp("receipts/images/en_us_store_01.png", &len);
	mp = as_multipart(doc, len, "till.png", &mplen);
	post_doc(&cl, u, MULTIPART_CT, mp, mplen, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 1);
	/* the truth: GREEN VALLEY MARKET, 04/23/2025, 33.43 USD */
	ck_assert_int_eq(num(r.json, "data.0.amount_cents"), 3343);
	ck_assert_str_eq(str(r.json, "data.0.transaction_date"), "2025-04-23");
	ck_assert_str_eq(str(r.json, "data.0.currency"), "USD");
	ck_assert_str_eq(str(r.json, "data.0.source"), "api_image");
	ck_assert_str_eq(str(r.json, "import.kind"), "receipt");
	ck_assert_str_eq(str(r.json, "import.format"), "png");
	ck_assert_int_eq(num(r.json, "import.receipt.total_cents"), 3343);
	ck_assert_msg(strstr(str(r.json, "import.receipt.merchant"), "GREEN VALLEY") != NULL,
	    "%s", r.body);
	ck_assert(json_object_array_length(it_json_at(r.json, "import.receipt.items")) > 0);
	conf = json_object_get_double(it_json_at(r.json, "data.0.ai_confidence"));
	ck_assert_msg(conf > 0 && conf < 1, "an OCR'd receipt is never certain: %f", conf);
	http_result_free(&r);
	/* the same photo as a raw body, declared a PDF: read as the PNG it is, a duplicate */
	post_doc(&cl, u, "application/pdf", doc, len, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	ck_assert_str_eq(str(r.json, "import.format"), "png");
	ck_assert_int_eq(num(r.json, "import.duplicates_skipped"), 1);
	ck_assert_int_eq(num(r.json, "import.transactions_created"), 0);
	http_result_free(&r);
	free(mp);
	free(doc);
}
END_TEST

START_TEST(delete_undoes_transactions_and_goal_moves)
{
	static const char csv[] =
	    "Date,Description,Amount\n"
	    "2026-09-01,CREDIT CARD PAYMENT THANK YOU,-250.00\n"
	    "2026-09-02,NETFLIX.COM,-15.49\n";
	struct http_result r;
	char	 u[160], p[512], goal[64], imp[64], txn[64];
	int	 ni, nt;

	setup_client();
	it_user_path(u, sizeof(u), "imp-delete");
	snprintf(p, sizeof(p), "%s/goals", u);
	it_call(&cl, "POST", p, "{\"goal_type\":\"debt_payoff\",\"goal_name\":\"Visa card\","
	    "\"target_amount\":5000}", &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(goal, sizeof(goal), "%s", str(r.json, "data.id"));
	http_result_free(&r);
	post_doc(&cl, u, "text/csv", csv, sizeof(csv) - 1, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	snprintf(imp, sizeof(imp), "%s", str(r.json, "import.id"));
	snprintf(txn, sizeof(txn), "%s", str(r.json, "data.0.id"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/goals/%s", u, goal);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_msg(strstr(r.body, "\"current_amount\":250.00") != NULL, "%s", r.body);
	http_result_free(&r);
	/* the import, then by GET */
	snprintf(p, sizeof(p), "%s/imports/%s", u, imp);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(r.json, "object"), "import");
	ck_assert_int_eq(num(r.json, "data.transactions_created"), 2);
	http_result_free(&r);
	/* another client: no such import, nothing deleted */
	it_call(&other, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	ck_assert_str_eq(http_error_code(&r), "NOT_FOUND");
	http_result_free(&r);
	it_call(&other, "DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	/* delete: its transactions go, the goal comes back */
	it_call(&cl, "DELETE", p, NULL, &r);
	ck_assert_msg(r.status == 204, "%s", r.body);
	http_result_free(&r);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	it_call(&cl, "DELETE", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/transactions/%s", u, txn);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 404);
	http_result_free(&r);
	counts(&cl, u, &ni, &nt);
	ck_assert_int_eq(ni, 0);
	ck_assert_int_eq(nt, 0);
	snprintf(p, sizeof(p), "%s/goals/%s", u, goal);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_msg(strstr(r.body, "\"current_amount\":0.00") != NULL, "%s", r.body);
	http_result_free(&r);
	/* deleted, the same document is new again */
	post_doc(&cl, u, "text/csv", csv, sizeof(csv) - 1, NULL, &r);
	ck_assert_int_eq(num(r.json, "import.transactions_created"), 2);
	http_result_free(&r);
}
END_TEST

START_TEST(imports_listed_in_pages)
{
	static const char a[] = "Date,Description,Amount\n2026-08-01,UBER TRIP,-9.10\n";
	static const char b[] = "Date,Description,Amount\n2026-08-02,UBER TRIP,-9.20\n";
	struct http_result r;
	char	 u[160], p[512], first[64], cursor[256];

	setup_client();
	it_user_path(u, sizeof(u), "imp-pages");
	post_doc(&cl, u, "text/csv", a, sizeof(a) - 1, NULL, &r);
	http_result_free(&r);
	post_doc(&cl, u, "text/csv", b, sizeof(b) - 1, NULL, &r);
	snprintf(first, sizeof(first), "%s", str(r.json, "import.id"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/imports?limit=1", u);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_eq(str(r.json, "data.0.id"), first);	/* newest first */
	ck_assert(json_object_get_boolean(it_json_at(r.json, "pagination.has_more")));
	snprintf(cursor, sizeof(cursor), "%s", str(r.json, "pagination.next_cursor"));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/imports?limit=1&cursor=%s", u, cursor);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_msg(r.status == 200, "%s", r.body);
	ck_assert_str_ne(str(r.json, "data.0.id"), first);
	ck_assert(!json_object_get_boolean(it_json_at(r.json, "pagination.has_more")));
	http_result_free(&r);
	snprintf(p, sizeof(p), "%s/imports?status=done", u);
	it_call(&cl, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 422);
	http_result_free(&r);
	/* another client's view of the same external user: its own, empty */
	snprintf(p, sizeof(p), "%s/imports", u);
	it_call(&other, "GET", p, NULL, &r);
	ck_assert_int_eq(r.status, 200);
	ck_assert_int_eq(json_object_array_length(it_json_at(r.json, "data")), 0);
	http_result_free(&r);
}
END_TEST

START_TEST(respond_async_queues_then_completes)
{
	struct http_result r;
	char	 u[160], p[512], id[64], state[32], *doc;
	size_t	 len;
	int	 i;

	setup_client();
	it_user_path(u, sizeof(u), "imp-async");
	doc = slurp("csv/pt_br_nubank_conta.csv", &len);
	post_doc(&cl, u, "text/csv", doc, len, "Prefer: respond-async", &r);
	ck_assert_msg(r.status == 202, "%s", r.body);
	ck_assert_str_eq(str(r.json, "object"), "import");
	ck_assert_str_eq(str(r.json, "data.status"), "queued");
	ck_assert_str_eq(http_header(&r, "Preference-Applied"), "respond-async");
	snprintf(p, sizeof(p), "%s/imports/%s", u, str(r.json, "data.id"));
	http_result_free(&r);
	for (i = 0; i < 200; i++) {
		it_call(&cl, "GET", p, NULL, &r);
		ck_assert_msg(r.status == 200, "%s", r.body);
		if (strcmp(str(r.json, "data.status"), "completed") == 0)
			break;
		ck_assert_msg(strcmp(str(r.json, "data.status"), "failed") != 0, "%s", r.body);
		http_result_free(&r);
		it_sleep_ms(50);
	}
	ck_assert_msg(i < 200, "the queued import never completed");
	ck_assert_int_eq(num(r.json, "data.transactions_created"), 15);
	ck_assert_str_eq(str(r.json, "data.kind"), "spreadsheet");
	/* ozzie-jobd ran it: its import.run job is done */
	snprintf(id, sizeof(id), "%s", str(r.json, "data.id"));
	ck_assert_int_eq(it_sql("SELECT state FROM jobs WHERE kind = 'import.run'"
	    " AND payload->>'import_id' = :'a'", id, NULL, state, sizeof(state)), 0);
	ck_assert_msg(strncmp(state, "done", 4) == 0, "import.run: '%s'", state);
	http_result_free(&r);
	/* a queued document in no format we read is refused at once, nothing queued */
	post_doc(&cl, u, "image/jpeg", "not an image at all", 19, "Prefer: respond-async", &r);
	ck_assert_int_eq(r.status, 422);
	ck_assert_str_eq(http_error_code(&r), "UNPROCESSABLE_DOCUMENT");
	http_result_free(&r);
	free(doc);
}
END_TEST

/* A PNG of w x h pixels: signature and header only (a decoder would need GBs). */
static size_t
png_header_only(unsigned char *out, uint32_t w, uint32_t h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char *c;
	uint32_t crc = 0xffffffffu;
	size_t	 i;
	int	 k;

	memcpy(out, sig, 8);
	out[8] = 0; out[9] = 0; out[10] = 0; out[11] = 13;
	c = out + 12;
	memcpy(c, "IHDR", 4);
	c[4] = (unsigned char)(w >> 24); c[5] = (unsigned char)(w >> 16);
	c[6] = (unsigned char)(w >> 8); c[7] = (unsigned char)w;
	c[8] = (unsigned char)(h >> 24); c[9] = (unsigned char)(h >> 16);
	c[10] = (unsigned char)(h >> 8); c[11] = (unsigned char)h;
	c[12] = 8; c[13] = 2; c[14] = 0; c[15] = 0; c[16] = 0;
	for (i = 0; i < 17; i++) {
		crc ^= c[i];
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
	}
	crc ^= 0xffffffffu;
	c[17] = (unsigned char)(crc >> 24); c[18] = (unsigned char)(crc >> 16);
	c[19] = (unsigned char)(crc >> 8); c[20] = (unsigned char)crc;
	return 8 + 4 + 17 + 4;
}

/* POST and expect status and code; the user still has ni imports and nt transactions. */
static void
refused(const char *u, const char *ctype, const char *body, size_t len, long status,
    const char *code, const char *what)
{
	struct http_result r;

	post_doc(&cl, u, ctype, body, len, NULL, &r);
	ck_assert_msg(r.status == status, "%s: %ld, not %ld: %s", what, r.status, status,
	    r.body ? r.body : "");
	ck_assert_msg(strcmp(http_error_code(&r), code) == 0, "%s: %s", what, r.body);
	ck_assert_msg(r.json != NULL && *str(r.json, "error.message") != '\0', "%s: %s", what,
	    r.body);
	http_result_free(&r);
}

static void
refused_s(const char *u, const char *ctype, const char *body, long status, const char *code,
    const char *what)
{
	refused(u, ctype, body, strlen(body), status, code, what);
}

START_TEST(bad_documents_refused_nothing_stored)
{
	struct http_result r;
	char	 u[160], *doc, *big, *mp, *cut;
	unsigned char png[64];
	size_t	 len, mplen, n, i;
	int	 ni, nt, ni2, nt2;

	setup_client();
	it_user_path(u, sizeof(u), "imp-bad");
	/* one good import first, so "nothing stored" is "nothing more" */
	doc = slurp("csv/en_uk_paid_in_out.csv", &len);
	refused(u, "text/csv", "", 0, 422, "UNPROCESSABLE_DOCUMENT", "an empty body");
	post_doc(&cl, u, "text/csv", doc, len, NULL, &r);
	ck_assert_msg(r.status == 201, "%s", r.body);
	http_result_free(&r);
	counts(&cl, u, &ni, &nt);
	ck_assert_int_eq(ni, 1);
	ck_assert(nt > 0);

	refused(u, "image/jpeg", "\x01\x02garbage bytes\xff\xfe", 17, 422,
	    "UNPROCESSABLE_DOCUMENT", "random bytes as an image");
	cut = slurp("pdf/en_us_checking.pdf", &n);
	refused(u, "application/pdf", cut, n / 3, 422, "UNPROCESSABLE_DOCUMENT", "a truncated PDF");
	free(cut);
	cut = slurp("xlsx/pt_br_extrato.xlsx", &n);
	refused(u, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", cut,
	    n / 2, 422, "UNPROCESSABLE_DOCUMENT", "a truncated XLSX");
	free(cut);
	cut = slurp("hostile/zipbomb.xlsx", &n);
	refused(u, "application/octet-stream", cut, n, 422, "UNPROCESSABLE_DOCUMENT",
	    "an XLSX zip bomb");
	free(cut);
	cut = slurp("hostile/xxe_camt.xml", &n);
	refused(u, "application/xml", cut, n, 422, "UNPROCESSABLE_DOCUMENT", "XXE in CAMT");
	free(cut);
	n = png_header_only(png, 20000, 20000);
	refused(u, "image/png", (const char *)png, n, 422, "UNPROCESSABLE_DOCUMENT",
	    "a pixel bomb");
	refused_s(u, "application/json", "{\"type\":\"image\",\"content\":\"iVBORw0K*GgoAAAA\"}",
	    422, "VALIDATION_ERROR", "invalid base64");
	refused_s(u, "application/json", "{\"type\":\"pdf\"}", 422, "VALIDATION_ERROR",
	    "no content");
	refused_s(u, "application/json", "{\"type\":\"pdf\",\"content\":\"JVBERi0x\",\"x\":1}", 422,
	    "VALIDATION_ERROR", "an unknown field");
	refused_s(u, MULTIPART_CT, "--ozzieTestBoundary7MA4YWxkTrZu0gW\r\nContent-Disposition: "
	    "form-data; name=\"type\"\r\n\r\npdf\r\n--ozzieTestBoundary7MA4YWxkTrZu0gW--",
	    422, "VALIDATION_ERROR", "multipart without a file part");
	mp = as_multipart(doc, len, "x.csv", &mplen);
	refused(u, "multipart/form-data; boundary=notTheOneInTheBody", mp, mplen, 400,
	    "BAD_REQUEST", "multipart with a broken boundary");
	refused(u, "multipart/form-data", mp, mplen, 400, "BAD_REQUEST", "multipart, no boundary");
	refused(u, MULTIPART_CT, mp, mplen - 8, 400, "BAD_REQUEST", "multipart never closed");
	free(mp);
	refused(u, "text/plain", doc, len, 415, "UNSUPPORTED_MEDIA_TYPE", "text/plain");
	/* a CSV of 100,001 rows: over the rows limit */
	big = malloc(100002 * 40 + 64);
	ck_assert(big != NULL);
	n = (size_t)snprintf(big, 64, "Date,Description,Amount\n");
	for (i = 0; i < 100001; i++)
		n += (size_t)snprintf(big + n, 40, "2026-01-%02zu,SHOP %zu,-1.%02zu\n",
		    1 + i % 28, i, i % 100);
	refused(u, "text/csv", big, n, 422, "UNPROCESSABLE_DOCUMENT", "100,001 rows");
	free(big);
	/*
	 * 22 MiB in base64 JSON (29 MiB of body): within the document limit
	 * however it is sent, so nginx and the worker both let it through to
	 * the reader, which finds no document in it: 422, not 413
	 */
	big = malloc(22u << 20);
	ck_assert(big != NULL);
	for (i = 0; i < (22u << 20); i++)
		big[i] = (char)(i * 2654435761u >> 13);
	big[0] = 'Z';
	mp = as_json(big, 22u << 20, "image", "big.bin");
	free(big);
	refused(u, "application/json", mp, strlen(mp), 422, "UNPROCESSABLE_DOCUMENT",
	    "22 MiB in base64 JSON");
	free(mp);
	/* 26 MiB raw (nginx lets it by, the worker's own limit refuses it) */
	big = malloc(35u << 20);
	ck_assert(big != NULL);
	memset(big, 'a', 35u << 20);
	refused(u, "text/csv", big, 26u << 20, 413, "PAYLOAD_TOO_LARGE", "26 MiB raw");
	/* a JSON body of 2 MiB with no document in it: JSON's own 1 MiB */
	memcpy(big, "{\"description\":\"", 16);
	memcpy(big + (2u << 20) - 2, "\"}", 2);
	refused(u, "application/json", big, 2u << 20, 413, "PAYLOAD_TOO_LARGE", "2 MiB JSON");
	/* 35 MiB: nginx's own limit, the same JSON error */
	refused(u, "application/json", big, 35u << 20, 413, "PAYLOAD_TOO_LARGE", "35 MiB");
	free(big);
	counts(&cl, u, &ni2, &nt2);
	ck_assert_int_eq(ni2, ni);
	ck_assert_int_eq(nt2, nt);
	free(doc);
}
END_TEST

Suite *
imports_suite(void)
{
	Suite *s = suite_create("imports");
	TCase *tc = tcase_create("imports");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, statements_three_ways_exact_then_duplicates);
	tcase_add_test(tc, credits_income_and_own_transfers);
	tcase_add_test(tc, a_receipt_photo);
	tcase_add_test(tc, delete_undoes_transactions_and_goal_moves);
	tcase_add_test(tc, imports_listed_in_pages);
	tcase_add_test(tc, respond_async_queues_then_completes);
	tcase_add_test(tc, bad_documents_refused_nothing_stored);
	suite_add_tcase(s, tc);
	return s;
}
