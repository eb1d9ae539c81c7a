/*
 * test_doc_corpus.c: every statement of tests/data/docs (the generated
 * layouts in en/pt/es and the real exports under real/statements) read by
 * doc_read and compared row by row with its truth: the date, the amount in
 * minor units with its sign, and the description, exactly and in order;
 * the PDF receipts and invoices read as receipts; hostile documents (zip
 * bombs, billion laughs, XXE, a 10,000-page PDF, a CSV of 100,001 rows,
 * truncated and empty files of every format) refused cleanly, each within
 * a bounded time and memory; and scanned statements (pdf/scanned: pages
 * that are images, no text layer) read through OCR. OZ_CORPUS_VERBOSE=1 prints every row that
 * differs.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <json-c/json.h>

#include "check_main.h"
#include "core/pool.h"
#include "core/utf8.h"
#include "doc/doc.h"
#include "domain/stmt.h"

#ifndef DOCS_DIR
#define DOCS_DIR "tests/data/docs"
#endif

#define TODAY	"2026-11-24"
#define MAX_LEN	(30 * 1024 * 1024)

static struct pool *
newpool(void)
{
	struct pool *p = malloc(sizeof(*p));

	ck_assert_ptr_nonnull(p);
	pool_init(p);
	return p;
}

static void
freepool(struct pool *p)
{
	pool_free(p);
	free(p);
}

static unsigned char *
slurp(const char *path, size_t *n)
{
	FILE	*f = fopen(path, "rb");
	unsigned char *p;
	long	 len;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || len > MAX_LEN ||
	    fseek(f, 0, SEEK_SET) != 0 || (p = malloc((size_t)len + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	*n = fread(p, 1, (size_t)len, f);
	fclose(f);
	return p;
}

/* "-1,234.50" or "12.5" (truth amounts: a point, no grouping) into cents. */
static int
cents(const char *s, int64_t *v)
{
	int64_t	 u = 0;
	int	 neg = 0, frac = -1;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s == '.' && frac < 0)
			frac = 0;
		else if (*s >= '0' && *s <= '9') {
			if (frac >= 0 && ++frac > 2) {
				if (*s != '0')
					return -1;
				frac = 2;
				continue;
			}
			u = u * 10 + (*s - '0');
		} else if (*s != ',')
			return -1;
	}
	if (frac < 0)
		frac = 0;
	for (; frac < 2; frac++)
		u *= 10;
	*v = neg ? -u : u;
	return 0;
}

static const char *
jstr(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* The user's language for a file: its truth's, else its name's country. */
static const char *
lang_of(struct json_object *truth, const char *name)
{
	const char *l = jstr(truth, "language");

	if (l != NULL && (strcmp(l, "en") == 0 || strcmp(l, "pt") == 0 || strcmp(l, "es") == 0))
		return l;
	if (strncmp(name, "es_", 3) == 0)
		return "es";
	if (strncmp(name, "pt_", 3) == 0 || strncmp(name, "br_", 3) == 0)
		return "pt";
	return "en";
}

static const char *
currency_of(struct json_object *truth)
{
	const char *c = jstr(truth, "currency");

	if (c != NULL && strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z')
		return c;
	return "USD";
}

struct tally {
	size_t	 files, files_exact, rows, rows_exact;
	char	 bad[4096];		/* the files that differ */
};

static int
verbose(void)
{
	const char *v = getenv("OZ_CORPUS_VERBOSE");

	return v != NULL && *v != '\0' && *v != '0';
}

/*
 * One statement against its truth; adds to t. A row is exact when its
 * date, amount (minor units, signed) and description are the truth's row
 * at the same place.
 */
static void
check_statement(const char *dir, const char *name, struct json_object *truth, struct tally *t)
{
	char	 path[1024];
	const char *src = jstr(truth, "source_file");
	struct json_object *txs;
	struct doc_result out;
	struct pool *pool;
	unsigned char *p;
	size_t	 n = 0, i, nt, exact = 0;

	if (src == NULL || !json_object_object_get_ex(truth, "transactions", &txs))
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, src);
	ck_assert_msg((p = slurp(path, &n)) != NULL, "cannot read %s", path);
	nt = json_object_array_length(txs);
	pool = newpool();
	ck_assert_ptr_nonnull(pool);
	if (n >= 8 && memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0) {
		/* a BIFF8 .xls: refused with a clear message, never read wrong */
		ck_assert_int_eq(doc_read(p, n, lang_of(truth, name), currency_of(truth), TODAY,
		    NULL, pool, &out), -1);
		ck_assert_int_eq(out.status, DOC_UNSUPPORTED);
		ck_assert_ptr_nonnull(strstr(out.error, ".xls"));
		freepool(pool);
		free(p);
		return;
	}
	t->files++;
	t->rows += nt;
	if (doc_read(p, n, lang_of(truth, name), currency_of(truth), TODAY, NULL, pool, &out) != 0) {
		if (verbose())
			fprintf(stderr, "%s: not read: %s\n", src, out.error);
		goto done;
	}
	for (i = 0; i < nt && i < out.nrows; i++) {
		struct json_object *tx = json_object_array_get_idx(txs, i);
		const struct stmt_row *r = &out.rows[i];
		const char *d = jstr(tx, "date"), *a = jstr(tx, "amount"), *ds = jstr(tx, "description");
		char	 want[sizeof(r->description)];
		int64_t	 v = 0, dv = 0, cv = 0;
		int	 ok = 1;

		if (a != NULL)
			ok &= cents(a, &v) == 0 && v == r->amount_cents;
		else if (jstr(tx, "raw_debit") != NULL && jstr(tx, "raw_credit") != NULL) {
			/* signs ambiguous by design: the amount's size is the column's that has one */
			ok &= cents(jstr(tx, "raw_debit"), &dv) == 0 && cents(jstr(tx, "raw_credit"), &cv) == 0;
			v = dv != 0 ? dv : cv;
			ok &= (v < 0 ? -v : v) == (r->amount_cents < 0 ? -r->amount_cents : r->amount_cents);
		} else
			ok = 0;
		ok &= d != NULL && strcmp(d, r->date) == 0;
		stmt_text(want, sizeof(want), ds ? ds : "", ds ? strlen(ds) : 0);
		ok &= strcmp(want, r->description) == 0;
		if (ok)
			exact++;
		else if (verbose())
			fprintf(stderr, "%s row %zu: got %s %lld \"%s\", want %s %s \"%s\"\n", src, i + 1,
			    r->date, (long long)r->amount_cents, r->description, d ? d : "?",
			    a ? a : "?", want);
	}
	if (verbose() && out.nrows != nt)
		fprintf(stderr, "%s: %zu rows read, %zu in the truth\n", src, out.nrows, nt);
done:
	t->rows_exact += exact;
	if (exact == nt && out.nrows == nt && out.status == DOC_OK)
		t->files_exact++;
	else {
		size_t	 l = strlen(t->bad);

		snprintf(t->bad + l, sizeof(t->bad) - l, " %s(%zu/%zu)", src, exact, nt);
	}
	freepool(pool);
	free(p);
}

/* Every *.truth.json in dir (and its subfolders, to depth), by fn. */
static void
each_truth(const char *dir, int depth, void (*fn)(const char *, const char *,
    struct json_object *, struct tally *), struct tally *t)
{
	DIR	*d = opendir(dir);
	struct dirent *e;
	char	 path[1024];

	ck_assert_msg(d != NULL, "no folder %s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t	 l = strlen(e->d_name);
		struct json_object *j;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (l > 11 && strcmp(e->d_name + l - 11, ".truth.json") == 0) {
			ck_assert_msg((j = json_object_from_file(path)) != NULL, "bad truth %s", path);
			fn(dir, e->d_name, j, t);
			json_object_put(j);
		} else if (depth > 0 && strchr(e->d_name, '.') == NULL)
			each_truth(path, depth - 1, fn, t);
	}
	closedir(d);
}

static void
statement_if(const char *dir, const char *name, struct json_object *truth, struct tally *t)
{
	const char *kind = jstr(truth, "kind");

	if (kind == NULL || strcmp(kind, "receipt") != 0)
		check_statement(dir, name, truth, t);
}

static void
report(const char *what, const struct tally *t)
{
	fprintf(stderr, "%s: %zu/%zu files exact, %zu/%zu rows exact (%.1f%%)%s%s\n", what,
	    t->files_exact, t->files, t->rows_exact, t->rows,
	    t->rows ? 100.0 * (double)t->rows_exact / (double)t->rows : 0.0,
	    t->bad[0] ? "; differ:" : "", t->bad);
}

START_TEST(generated_statements)
{
	static const char *dirs[] = { "csv", "tsv", "xlsx", "ofx", "qif", "camt", "pdf" };
	struct tally t;
	size_t	 i;
	char	 path[512];

	memset(&t, 0, sizeof(t));
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", DOCS_DIR, dirs[i]);
		each_truth(path, 0, statement_if, &t);
	}
	report("generated statements", &t);
	ck_assert_uint_ge(t.files, 30);
	ck_assert_msg(t.rows_exact == t.rows && t.files_exact == t.files,
	    "rows differ from the truth:%s", t.bad);
}
END_TEST

START_TEST(real_statements)
{
	struct tally t;

	memset(&t, 0, sizeof(t));
	each_truth(DOCS_DIR "/real/statements", 1, statement_if, &t);
	report("real statements", &t);
	ck_assert_uint_ge(t.files, 20);
	ck_assert_msg(t.rows_exact == t.rows && t.files_exact == t.files,
	    "rows differ from the truth:%s", t.bad);
}
END_TEST

/* A PDF with a text layer that is an invoice or a receipt reads as one receipt. */
static void
check_receipt_pdf(const char *path, const char *lang, const char *cur, const char *total,
    const char *date)
{
	struct doc_result out;
	struct pool *pool = newpool();
	unsigned char *p;
	size_t	 n = 0;
	int64_t	 v = 0;

	ck_assert_msg((p = slurp(path, &n)) != NULL, "cannot read %s", path);
	ck_assert_int_eq(doc_read(p, n, lang, cur, TODAY, NULL, pool, &out), 0);
	ck_assert_int_eq(out.format, DOC_FMT_PDF);
	ck_assert_int_eq(out.kind, DOC_KIND_RECEIPT);
	ck_assert_int_eq(cents(total, &v), 0);
	ck_assert_int_eq(out.receipt.total_cents, v);
	if (date != NULL)
		ck_assert_str_eq(out.receipt.date, date);
	freepool(pool);
	free(p);
}

START_TEST(receipt_pdfs)
{
	check_receipt_pdf(DOCS_DIR "/pdf/receipts/en_invoice.pdf", "en", "USD", "201.83",
	    "2026-11-12");
	check_receipt_pdf(DOCS_DIR "/real/receipts/pdf/i2d_oyo.pdf", "en", "INR", "1939.00", NULL);
	/* glyphs of an embedded font, a text layer of dots: rendered and read by OCR */
	check_receipt_pdf(DOCS_DIR "/pdf/receipts/en_unmapped_font.pdf", "en", "USD", "48.20",
	    "2026-11-18");
}
END_TEST

static long
rss_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * n bytes at p refused with status want (or any refusal when want is -1),
 * in less than secs seconds and less than mib MiB more of peak memory.
 */
static void
refused(const char *what, const unsigned char *p, size_t n, int want, double secs, long mib)
{
	struct doc_result out;
	struct pool *pool = newpool();
	double	 t0 = now_s(), dt;
	long	 m0 = rss_kb();
	int	 rc;

	rc = doc_read(p, n, "en", "USD", TODAY, NULL, pool, &out);
	dt = now_s() - t0;
	ck_assert_msg(rc == -1, "%s: read (status %d)", what, out.status);
	if (want >= 0)
		ck_assert_msg((int)out.status == want, "%s: status %d, want %d (%s)", what,
		    out.status, want, out.error);
	ck_assert_msg(out.error[0] != '\0', "%s: no message", what);
	ck_assert_msg(dt < secs, "%s: %.2f s", what, dt);
	ck_assert_msg(rss_kb() - m0 < mib * 1024, "%s: %ld KiB more", what, rss_kb() - m0);
	freepool(pool);
}

static void
refused_file(const char *name, int want, double secs, long mib)
{
	char	 path[512];
	unsigned char *p;
	size_t	 n = 0;

	snprintf(path, sizeof(path), "%s/hostile/%s", DOCS_DIR, name);
	ck_assert_msg((p = slurp(path, &n)) != NULL, "cannot read %s", path);
	refused(name, p, n, want, secs, mib);
	free(p);
}

START_TEST(hostile_files)
{
	refused_file("zipbomb.xlsx", DOC_TOO_LARGE, 5, 64);
	refused_file("zipbomb_lying.xlsx", DOC_TOO_LARGE, 5, 64);
	refused_file("billion_laughs.xlsx", DOC_UNREADABLE, 5, 64);
	refused_file("billion_laughs_camt.xml", DOC_UNREADABLE, 5, 64);
	refused_file("xxe_camt.xml", DOC_UNREADABLE, 5, 64);
	/* a page of noise with no text layer: rendered, OCR'd, nothing found */
	refused_file("scanned_no_text.pdf", DOC_EMPTY, 20, 300);
}
END_TEST

/* A PDF of npages empty pages, in memory (malloc'd), its length in *n. */
static unsigned char *
many_pages(int npages, size_t *n)
{
	size_t	 cap = (size_t)npages * 128 + 4096, o = 0, xref;
	size_t	*off = calloc((size_t)npages + 4, sizeof(*off));
	char	*s = malloc(cap);
	int	 i;

	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(off);
	o += (size_t)snprintf(s + o, cap - o, "%%PDF-1.4\n");
	off[1] = o;
	o += (size_t)snprintf(s + o, cap - o, "1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n");
	off[2] = o;
	o += (size_t)snprintf(s + o, cap - o, "2 0 obj <</Type/Pages/Count %d/Kids[", npages);
	for (i = 0; i < npages; i++)
		o += (size_t)snprintf(s + o, cap - o, "%d 0 R ", i + 3);
	o += (size_t)snprintf(s + o, cap - o, "]>> endobj\n");
	for (i = 0; i < npages; i++) {
		off[i + 3] = o;
		o += (size_t)snprintf(s + o, cap - o, "%d 0 obj <</Type/Page/Parent 2 0 R"
		    "/MediaBox[0 0 612 792]>> endobj\n", i + 3);
	}
	xref = o;
	o += (size_t)snprintf(s + o, cap - o, "xref\n0 %d\n0000000000 65535 f \n", npages + 3);
	for (i = 1; i < npages + 3; i++)
		o += (size_t)snprintf(s + o, cap - o, "%010zu 00000 n \n", off[i]);
	o += (size_t)snprintf(s + o, cap - o, "trailer <</Size %d/Root 1 0 R>>\nstartxref\n%zu\n%%%%EOF\n",
	    npages + 3, xref);
	ck_assert_uint_lt(o, cap);
	free(off);
	*n = o;
	return (unsigned char *)s;
}

/*
 * Two transactions with the same long FITID ending in a character of two
 * bytes: the second is renamed "<id>#2", cut between characters, never
 * inside one (found by fuzz_ofx: the external id was not UTF-8).
 */
START_TEST(repeated_long_fitid_stays_utf8)
{
	char	 ofx[4096], id[160];
	size_t	 i, o = 0;
	struct pool *pool;
	struct doc_result out;

	/* "x" and 63 é: 127 bytes, so "#2" makes the id cut at byte 126, inside an é */
	id[0] = 'x';
	for (i = 0; i < 63; i++)
		id[1 + i * 2] = (char)0xc3, id[2 + i * 2] = (char)0xa9;
	id[127] = '\0';
	o += (size_t)snprintf(ofx + o, sizeof(ofx) - o, "OFXHEADER:100\nDATA:OFXSGML\n"
	    "VERSION:102\nENCODING:UTF-8\nCHARSET:NONE\n\n<OFX><BANKMSGSRSV1><STMTTRNRS>"
	    "<STMTRS><CURDEF>USD<BANKTRANLIST>");
	for (i = 0; i < 2; i++)
		o += (size_t)snprintf(ofx + o, sizeof(ofx) - o, "<STMTTRN><TRNTYPE>DEBIT"
		    "<DTPOSTED>20261102<TRNAMT>-4.75<FITID>%s<NAME>COFFEE</STMTTRN>", id);
	o += (size_t)snprintf(ofx + o, sizeof(ofx) - o,
	    "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n");
	ck_assert_uint_lt(o, sizeof(ofx));
	pool = newpool();
	ck_assert_int_eq(doc_read((const unsigned char *)ofx, o, "en", "USD", TODAY, NULL, pool,
	    &out), 0);
	ck_assert_uint_eq(out.nrows, 2);
	for (i = 0; i < 2; i++)
		ck_assert_msg(utf8_valid(out.rows[i].external_id, strlen(out.rows[i].external_id)),
		    "row %zu: external id not UTF-8", i);
	ck_assert_str_ne(out.rows[0].external_id, out.rows[1].external_id);
	ck_assert_ptr_nonnull(strstr(out.rows[1].external_id, "#2"));
	freepool(pool);
}
END_TEST

/* A date cell of twenty digits is no serial day (found by fuzz_csv: the digits overflowed). */
START_TEST(long_digit_date_is_no_serial)
{
	static const char csv[] = "Date,Description,Amount\n33333333333333333333,COFFEE,-4.75\n"
	    "2026-11-02,TEA,-3.00\n2026-11-03,BUS,-2.50\n";
	struct pool *pool = newpool();
	struct doc_result out;

	ck_assert_int_eq(doc_read((const unsigned char *)csv, sizeof(csv) - 1, "en", "USD", TODAY,
	    NULL, pool, &out), 0);
	ck_assert_uint_eq(out.nrows, 2);
	ck_assert_str_eq(out.rows[0].date, "2026-11-02");
	freepool(pool);
}
END_TEST

START_TEST(hostile_made)
{
	unsigned char *p;
	char	*csv;
	size_t	 n, i, o;

	/* 10,000 pages: refused by their count, before any page is read */
	p = many_pages(10000, &n);
	refused("PDF of 10,000 pages", p, n, DOC_TOO_LARGE, 5, 64);
	free(p);
	/* a CSV of 100,001 rows */
	csv = malloc(100002 * 40 + 64);
	ck_assert_ptr_nonnull(csv);
	o = (size_t)sprintf(csv, "Date,Description,Amount\n");
	for (i = 0; i < 100001; i++)
		o += (size_t)sprintf(csv + o, "2026-01-%02zu,Coffee shop %zu,-%zu.50\n", i % 28 + 1,
		    i, i % 90 + 1);
	refused("CSV of 100,001 rows", (unsigned char *)csv, o, DOC_TOO_LARGE, 10, 400);
	free(csv);
	/* nothing, and bytes of no format */
	refused("empty", (const unsigned char *)"", 0, DOC_EMPTY, 1, 8);
	refused("random bytes", (const unsigned char *)"\x01\x02\xfe\xff\x00\x13garbage\x00\x99", 16,
	    DOC_UNSUPPORTED, 1, 8);
	refused("a PDF's magic only", (const unsigned char *)"%PDF-1.7\n", 9, DOC_UNREADABLE, 2, 16);
}
END_TEST

/*
 * Every corpus file cut short at several places: read or refused, never
 * a crash, a hang or a row with an impossible date; and every statement's
 * bytes flipped here and there.
 */
static void
mangle(const char *dir, const char *name, struct json_object *truth, struct tally *t)
{
	const char *src = jstr(truth, "source_file");
	char	 path[1024];
	unsigned char *p, *q;
	size_t	 n = 0, k, i;
	static const int cuts[] = { 1, 7, 33, 50, 80, 99 };

	(void)name;
	if (src == NULL || strstr(dir, "/scanned") != NULL)
		return;		/* the scans' cuts would each be OCR'd: their own test */
	snprintf(path, sizeof(path), "%s/%s", dir, src);
	if ((p = slurp(path, &n)) == NULL || n < 16) {
		free(p);
		return;
	}
	ck_assert_ptr_nonnull(q = malloc(n));
	for (k = 0; k < sizeof(cuts) / sizeof(cuts[0]); k++) {
		struct doc_result out;
		struct pool *pool = newpool();
		size_t	 len = n * (size_t)cuts[k] / 100;
		double	 t0 = now_s();

		memcpy(q, p, n);
		if (k >= 3)	/* also flip bytes past the first tenth */
			for (i = n / 10; i < len; i += 97)
				q[i] ^= 0x5a;
		if (len == 0)
			len = 1;
		if (doc_read(q, len, "en", "USD", TODAY, NULL, pool, &out) == 0) {
			ck_assert_int_eq(out.status, DOC_OK);
			for (i = 0; i < out.nrows; i++)
				ck_assert_msg(strlen(out.rows[i].date) == 10 &&
				    strcmp(out.rows[i].date, TODAY) <= 0, "%s cut at %d%%: date %s",
				    src, cuts[k], out.rows[i].date);
		} else
			ck_assert_msg(out.status != DOC_OK && out.error[0] != '\0',
			    "%s cut at %d%%: refused without a message", src, cuts[k]);
		ck_assert_msg(now_s() - t0 < 25, "%s cut at %d%%: %.1f s", src, cuts[k], now_s() - t0);
		freepool(pool);
	}
	t->files++;
	free(q);
	free(p);
}

START_TEST(truncated_and_corrupt)
{
	static const char *dirs[] = { "csv", "tsv", "xlsx", "ofx", "qif", "camt", "pdf",
		"real/statements" };
	struct tally t;
	size_t	 i;
	char	 path[512];

	memset(&t, 0, sizeof(t));
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", DOCS_DIR, dirs[i]);
		each_truth(path, 1, mangle, &t);
	}
	ck_assert_uint_ge(t.files, 50);
}
END_TEST

/*
 * Statements printed by four banks' layouts, scanned (pdf/scanned: their
 * pages made images, no text layer, by make-scans.c): every row found, and
 * their dates and amounts right but for OCR's slips (95%), descriptions
 * too (85%: OCR drops an accent now and then).
 */
START_TEST(scanned_statements)
{
	static const char *const names[] = { "en_us_checking", "en_lines_no_header",
		"es_extracto", "pt_br_fatura_cartao" };
	size_t	 i, j, rows = 0, dated = 0, exact = 0;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char	 path[512];
		struct json_object *truth, *txs;
		struct doc_result out;
		struct pool *pool = newpool();
		unsigned char *p;
		size_t	 n = 0, nt;

		snprintf(path, sizeof(path), "%s/pdf/scanned/%s.truth.json", DOCS_DIR, names[i]);
		ck_assert_ptr_nonnull(truth = json_object_from_file(path));
		ck_assert(json_object_object_get_ex(truth, "transactions", &txs));
		snprintf(path, sizeof(path), "%s/pdf/scanned/%s.pdf", DOCS_DIR, names[i]);
		ck_assert_msg((p = slurp(path, &n)) != NULL, "cannot read %s", path);
		ck_assert_int_eq(doc_sniff(p, n), DOC_FMT_PDF);
		ck_assert_msg(doc_read(p, n, lang_of(truth, names[i]), currency_of(truth), TODAY, NULL,
		    pool, &out) == 0, "%s scanned: %s", names[i], out.error);
		nt = json_object_array_length(txs);
		ck_assert_msg(out.nrows == nt, "%s scanned: %zu rows, want %zu", names[i], out.nrows, nt);
		for (j = 0; j < nt; j++) {
			struct json_object *tx = json_object_array_get_idx(txs, j);
			const char *ds = jstr(tx, "description");
			char	 want[121];
			int64_t	 v = 0;

			rows++;
			if (cents(jstr(tx, "amount"), &v) == 0 && v == out.rows[j].amount_cents &&
			    strcmp(jstr(tx, "date"), out.rows[j].date) == 0) {
				dated++;
				stmt_text(want, sizeof(want), ds, strlen(ds));
				if (strcmp(want, out.rows[j].description) == 0)
					exact++;
			}
		}
		freepool(pool);
		json_object_put(truth);
		free(p);
	}
	fprintf(stderr, "scanned statements: %zu rows, %zu dates and amounts right, %zu exact\n",
	    rows, dated, exact);
	ck_assert_uint_ge(dated * 100, rows * 95);
	ck_assert_uint_ge(exact * 100, rows * 85);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite	*s = suite_create("doc_corpus");
	TCase	*tc = tcase_create("corpus");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, generated_statements);
	tcase_add_test(tc, real_statements);
	tcase_add_test(tc, receipt_pdfs);
	tcase_add_test(tc, hostile_files);
	tcase_add_test(tc, repeated_long_fitid_stays_utf8);
	tcase_add_test(tc, long_digit_date_is_no_serial);
	tcase_add_test(tc, hostile_made);
	tcase_add_test(tc, truncated_and_corrupt);
	tcase_add_test(tc, scanned_statements);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
