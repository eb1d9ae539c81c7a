/*
 * bench_receipts.c: receipts read end to end (decode, clean-up, OCR, parse)
 * on the corpora, scored against their truth, timed, and a worker's memory
 * after many of them.
 *
 * Usage: bench_receipts [-v] [-d dir] [-r N] [-t opt=value]... [corpus...]
 *   corpus   a folder with truth.tsv and truth.json (default: the rendered
 *            corpus and the real receipts under tests/data/docs)
 *   -v       one line per receipt: what was read against the truth
 *   -d dir   write each receipt's OCR text to dir/<name>.txt
 *   -r N     receipts read for the memory figure (default 500; 0: none)
 *   -t       a clean-up setting of struct doc_image_opts (char_px=30,
 *            deskew=0, flatten=0, binarize=1, max_scale_pct=…, psm=3…)
 *
 * A total is right when its minor units are the truth's; a date when it is
 * the truth's (receipts with a date in the truth); a merchant when its
 * letters and digits are the truth's but for a fifth of them (edit
 * distance), or it is the known merchant categorize() names for the
 * truth's (receipts with a merchant in the truth). The user's language is
 * the truth's, the user's currency the receipt's. Every receipt is read by
 * doc_read, as a worker reads it: a PDF by its text layer, or a page
 * without one rendered (poppler, 200 dpi, by a child process) and read by
 * OCR. Seconds are wall time on one core, per receipt. Memory: resident set
 * size after reading -r receipts (cycling the corpora) less after one pass.
 * Prints each figure next to its target; exits 1 if a target is missed.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/currency.h"
#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "domain/categorize.h"
#include "domain/receipt.h"

#ifndef RECEIPTS_RENDERED
#define RECEIPTS_RENDERED "tests/data/docs/receipts"
#endif
#ifndef RECEIPTS_REAL
#define RECEIPTS_REAL "tests/data/docs/real/receipts"
#endif
#ifndef RECEIPTS_PDF
#define RECEIPTS_PDF "tests/data/docs/pdf/receipts"
#endif

#define TODAY		"2026-11-24"
#define MAX_DOCS	400
#define MAX_FILE	(30 * 1024 * 1024)

struct doc {
	char	 file[256];
	char	 merchant[128];
	char	 date[16];
	char	 total[32];
	char	 currency[8];
	char	 lang[8];
	unsigned char *bytes;
	size_t	 n;
};

struct corpus {
	const char *dir;
	struct doc d[MAX_DOCS];
	size_t	 n;
};

static int	 verbose;
static const char *dumpdir;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned char *
slurp(const char *path, size_t *n)
{
	FILE	*f = fopen(path, "rb");
	unsigned char *b;

	if (f == NULL)
		return NULL;
	b = malloc(MAX_FILE);
	*n = b ? fread(b, 1, MAX_FILE, f) : 0;
	fclose(f);
	return b;
}

/* The "language" of file in truth.json (en, pt, es), "en" when none. */
static void
json_lang(const char *json, const char *file, char *out, size_t outsz)
{
	char	 key[300];
	const char *p, *l;

	snprintf(out, outsz, "en");
	snprintf(key, sizeof(key), "\"file\": \"%s\"", file);
	if (json == NULL || (p = strstr(json, key)) == NULL)
		return;
	if ((l = strstr(p, "\"language\": \"")) == NULL)
		return;
	l += strlen("\"language\": \"");
	if (strncmp(l, "pt", 2) == 0)
		snprintf(out, outsz, "pt");
	else if (strncmp(l, "es", 2) == 0)
		snprintf(out, outsz, "es");
}

/* The "language" of dir/<file less its extension>.truth.json, "en" when none. */
static void
file_lang(const char *dir, const char *file, char *out, size_t outsz)
{
	char	 path[1024], *json, *dot;
	size_t	 n;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((dot = strrchr(path, '.')) != NULL && strchr(dot, '/') == NULL)
		*dot = '\0';
	snprintf(path + strlen(path), sizeof(path) - strlen(path), ".truth.json");
	snprintf(out, outsz, "en");
	if ((json = (char *)slurp(path, &n)) == NULL)
		return;
	json[n < MAX_FILE ? n : MAX_FILE - 1] = '\0';
	if (strstr(json, "\"language\": \"pt") != NULL)
		snprintf(out, outsz, "pt");
	else if (strstr(json, "\"language\": \"es") != NULL)
		snprintf(out, outsz, "es");
	free(json);
}

static int
load(struct corpus *c, const char *dir)
{
	char	 path[1024], line[4096];
	char	*json;
	size_t	 jn;
	FILE	*f;

	c->dir = dir;
	c->n = 0;
	snprintf(path, sizeof(path), "%s/truth.json", dir);
	json = (char *)slurp(path, &jn);
	if (json != NULL)
		json[jn < MAX_FILE ? jn : MAX_FILE - 1] = '\0';
	snprintf(path, sizeof(path), "%s/truth.tsv", dir);
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "bench_receipts: %s: %s\n", path, strerror(errno));
		free(json);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL && c->n < MAX_DOCS) {
		char	*fld[8], *p = line;
		size_t	 k = 0;
		struct doc *d = &c->d[c->n];

		line[strcspn(line, "\r\n")] = '\0';
		while (k < 8) {
			fld[k++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (k < 6 || strcmp(fld[0], "file") == 0)
			continue;
		memset(d, 0, sizeof(*d));
		snprintf(d->file, sizeof(d->file), "%s", fld[0]);
		snprintf(d->merchant, sizeof(d->merchant), "%s", fld[1]);
		snprintf(d->date, sizeof(d->date), "%s", fld[3]);
		snprintf(d->total, sizeof(d->total), "%s", fld[4]);
		snprintf(d->currency, sizeof(d->currency), "%s", fld[5]);
		if (json != NULL)
			json_lang(json, d->file, d->lang, sizeof(d->lang));
		else
			file_lang(dir, d->file, d->lang, sizeof(d->lang));
		snprintf(path, sizeof(path), "%s/%s", dir, d->file);
		if ((d->bytes = slurp(path, &d->n)) == NULL) {
			fprintf(stderr, "bench_receipts: %s: %s\n", path, strerror(errno));
			continue;
		}
		c->n++;
	}
	fclose(f);
	free(json);
	return 0;
}

/* "193.00" in minor units of cur. */
static long long
truth_cents(const char *s, const char *cur)
{
	int	 minor = currency_minor_units(cur), fd = -1;
	long long v = 0;

	if (minor < 0)
		minor = 2;
	for (; *s; s++) {
		if (*s == '.') {
			fd = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			continue;
		v = v * 10 + (*s - '0');
		if (fd >= 0)
			fd++;
	}
	if (fd < 0)
		fd = 0;
	while (fd < minor) {
		v *= 10;
		fd++;
	}
	while (fd > minor) {
		v /= 10;
		fd--;
	}
	return v;
}

static size_t
alnum_upper(const char *s, char *out, size_t outsz)
{
	size_t	 o = 0;

	for (; *s && o + 1 < outsz; s++) {
		char	 c = *s;

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			out[o++] = c;
	}
	out[o] = '\0';
	return o;
}

static size_t
edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t	 prev[128], cur[128], i, j;

	if (nb >= 128)
		nb = 127;
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++) {
		cur[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t	 d = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		memcpy(prev, cur, sizeof(prev));
	}
	return prev[nb];
}

static int
merchant_ok(const char *truth, const char *got)
{
	char	 a[128], b[128];
	size_t	 na = alnum_upper(truth, a, sizeof(a)), nb = alnum_upper(got, b, sizeof(b));
	struct cat_result cr;

	if (nb == 0)
		return 0;
	if (edit_distance(a, na, b, nb) * 5 <= (na > nb ? na : nb))
		return 1;
	categorize(truth, &cr);
	return cr.merchant[0] != '\0' && strcmp(cr.merchant, got) == 0;
}

/* Read one document as a worker does. */
static int
read_doc(const struct doc *d, struct pool *pool, struct doc_result *out)
{
	const char *cur = currency_valid(d->currency) ? d->currency : "USD";

	return doc_read(d->bytes, d->n, d->lang, cur, TODAY, NULL, pool, out);
}

struct tally {
	size_t	 n, total, dates, date_ok, merchants, merchant_ok, cur_ok;
	double	 secs, worst;
};

/*
 * Read corpus c into t[0] (scans and rendered images) and t[1] (the
 * photographed ones: "_photo" in the file's name).
 */
static void
run_corpus(struct corpus *c, struct tally t[2], struct pool *pool)
{
	size_t	 i;

	memset(t, 0, 2 * sizeof(*t));
	for (i = 0; i < c->n; i++) {
		const struct doc *d = &c->d[i];
		struct tally *tl = &t[strstr(d->file, "_photo") != NULL];
		struct doc_result r;
		const struct receipt *rc = &r.receipt;
		const char *cur = currency_valid(d->currency) ? d->currency : "USD";
		long long want = truth_cents(d->total, cur);
		double	 t0 = now(), dt;
		int	 tok, dok, mok;

		read_doc(d, pool, &r);
		dt = now() - t0;
		tl->secs += dt;
		if (dt > tl->worst)
			tl->worst = dt;
		tl->n++;
		tok = r.status == DOC_OK && rc->total_cents == want;
		tl->total += tok;
		dok = d->date[0] != '\0' && strcmp(rc->date, d->date) == 0;
		if (d->date[0] != '\0') {
			tl->dates++;
			tl->date_ok += dok;
		}
		mok = d->merchant[0] != '\0' && merchant_ok(d->merchant, rc->merchant);
		if (d->merchant[0] != '\0') {
			tl->merchants++;
			tl->merchant_ok += mok;
		}
		tl->cur_ok += strcmp(rc->currency[0] ? rc->currency : cur, cur) == 0;
		if (verbose)
			printf("  %s %s %s %-44s total %lld/%lld %s date %s merchant \"%s\" "
			    "conf %d %.2fs%s%s\n", tok ? "ok " : "BAD", dok ? "d" : "-",
			    mok ? "m" : "-", d->file, (long long)rc->total_cents, want,
			    rc->currency[0] ? rc->currency : "-", rc->date[0] ? rc->date : "-",
			    rc->merchant, rc->confidence, dt, r.status != DOC_OK ? ": " : "",
			    r.status != DOC_OK ? r.error : "");
		pool_reset(pool);
	}
}

static void
print_tally(const char *dir, const char *what, const struct tally *t, double target)
{
	printf("%s%s: %zu receipts\n", dir, what, t->n);
	printf("  total     %3zu/%-3zu %5.1f%%  (target >= %.0f%%)\n", t->total, t->n,
	    t->n ? 100.0 * (double)t->total / (double)t->n : 0.0, target);
	printf("  date      %3zu/%-3zu %5.1f%%\n", t->date_ok, t->dates,
	    t->dates ? 100.0 * (double)t->date_ok / (double)t->dates : 0.0);
	printf("  merchant  %3zu/%-3zu %5.1f%%\n", t->merchant_ok, t->merchants,
	    t->merchants ? 100.0 * (double)t->merchant_ok / (double)t->merchants : 0.0);
	printf("  currency  %3zu/%-3zu %5.1f%%\n", t->cur_ok, t->n,
	    t->n ? 100.0 * (double)t->cur_ok / (double)t->n : 0.0);
	printf("  seconds per receipt %.2f (slowest %.2f)  (target <= 1.5)\n",
	    t->n ? t->secs / (double)t->n : 0.0, t->worst);
}

static void
dump_texts(struct corpus *c, struct pool *pool)
{
	size_t	 i;

	for (i = 0; i < c->n; i++) {
		const struct doc *d = &c->d[i];
		struct doc_limits lim;
		struct doc_ctx ctx;
		char	 path[1200], *text = NULL;
		const char *base = strrchr(d->file, '/');
		FILE	*f;
		int	 conf, damaged;
		struct doc_result r;

		if (doc_sniff(d->bytes, d->n) == DOC_FMT_PDF)
			continue;
		doc_limits_default(&lim);
		memset(&ctx, 0, sizeof(ctx));
		ctx.p = d->bytes;
		ctx.n = d->n;
		ctx.lang = d->lang;
		ctx.currency = "USD";
		ctx.today = TODAY;
		ctx.lim = &lim;
		ctx.pool = pool;
		ctx.deadline_ms = doc_now_ms() + lim.time_ms;
		memset(&r, 0, sizeof(r));
		r.format = doc_sniff(d->bytes, d->n);
		(void)doc_image_text(&ctx, &r, &text, &conf, &damaged);
		snprintf(path, sizeof(path), "%s/%s.txt", dumpdir, base ? base + 1 : d->file);
		if (text != NULL && (f = fopen(path, "w")) != NULL) {
			fputs(text, f);
			fclose(f);
		}
		pool_reset(pool);
	}
}

static long
rss_kib(void)
{
	FILE	*f = fopen("/proc/self/statm", "r");
	long	 pages = 0, res = 0;

	if (f == NULL)
		return 0;
	if (fscanf(f, "%ld %ld", &pages, &res) != 2)
		res = 0;
	fclose(f);
	return res * (sysconf(_SC_PAGESIZE) / 1024);
}

static int
set_opt(const char *s)
{
	const char *eq = strchr(s, '=');
	long	 v;

	if (eq == NULL)
		return -1;
	v = strtol(eq + 1, NULL, 10);
#define OPT(name) if ((size_t)(eq - s) == strlen(#name) && strncmp(s, #name, strlen(#name)) == 0) \
	{ doc_image_opts.name = (int)v; return 0; }
	OPT(char_px) OPT(max_scale_pct) OPT(min_scale_pct) OPT(deskew) OPT(flatten)
	OPT(binarize) OPT(psm) OPT(contrast) OPT(erode)
#undef OPT
	if (strncmp(s, "max_ocr_pixels=", 15) == 0) {
		doc_image_opts.max_ocr_pixels = v;
		return 0;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	static struct corpus corpora[4];
	const char *dirs[4];
	size_t	 nc = 0, i, k;
	long	 rounds = 500;
	int	 ch, bad = 0;
	struct pool pool;

	while ((ch = getopt(argc, argv, "vd:r:t:")) != -1) {
		switch (ch) {
		case 'v':
			verbose = 1;
			break;
		case 'd':
			dumpdir = optarg;
			break;
		case 'r':
			rounds = strtol(optarg, NULL, 10);
			break;
		case 't':
			if (set_opt(optarg) == -1) {
				fprintf(stderr, "bench_receipts: unknown setting %s\n", optarg);
				return 2;
			}
			break;
		default:
			fprintf(stderr, "usage: bench_receipts [-v] [-d dir] [-r N] "
			    "[-t opt=value] [corpus...]\n");
			return 2;
		}
	}
	for (i = (size_t)optind; i < (size_t)argc && nc < 4; i++)
		dirs[nc++] = argv[i];
	if (nc == 0) {
		dirs[nc++] = RECEIPTS_RENDERED;
		dirs[nc++] = RECEIPTS_REAL;
		dirs[nc++] = RECEIPTS_PDF;
	}
	pool_init(&pool);
	if (doc_init() == -1 && doc_ocr_init() == -1) {
		fprintf(stderr, "bench_receipts: no OCR models\n");
		return 1;
	}
	for (i = 0; i < nc; i++) {
		struct tally t[2], all;
		double	 target;

		if (load(&corpora[i], dirs[i]) == -1)
			return 1;
		if (dumpdir != NULL) {
			dump_texts(&corpora[i], &pool);
			continue;
		}
		run_corpus(&corpora[i], t, &pool);
		target = strstr(dirs[i], "real") != NULL ? 80.0 : 95.0;
		all = t[0];
		all.n += t[1].n;
		all.total += t[1].total;
		all.dates += t[1].dates;
		all.date_ok += t[1].date_ok;
		all.merchants += t[1].merchants;
		all.merchant_ok += t[1].merchant_ok;
		all.cur_ok += t[1].cur_ok;
		all.secs += t[1].secs;
		if (t[1].worst > all.worst)
			all.worst = t[1].worst;
		print_tally(dirs[i], "", &all, target);
		if (t[0].n > 0 && t[1].n > 0) {
			print_tally(dirs[i], " (scanned or rendered)", &t[0], target);
			print_tally(dirs[i], " (photographed)", &t[1], target);
		}
		if (all.n == 0 || 100.0 * (double)all.total / (double)all.n < target ||
		    all.secs / (double)all.n > 1.5)
			bad = 1;
	}
	if (dumpdir == NULL && rounds > 0) {
		long	 before, after;
		size_t	 done = 0;

		before = rss_kib();
		for (k = 0; (long)done < rounds; k++) {
			const struct corpus *c = &corpora[k % nc];
			struct doc_result r;

			if (c->n == 0)
				break;
			read_doc(&c->d[(k / nc) % c->n], &pool, &r);
			pool_reset(&pool);
			done++;
		}
		after = rss_kib();
		printf("memory: resident %.1f MiB after one pass, %.1f MiB after %zu more "
		    "receipts: %+.1f MiB  (target <= 5 MiB)\n", (double)before / 1024.0,
		    (double)after / 1024.0, done, (double)(after - before) / 1024.0);
		if (after - before > 5 * 1024)
			bad = 1;
	}
	for (i = 0; i < nc; i++)
		for (k = 0; k < corpora[i].n; k++)
			free(corpora[i].d[k].bytes);
	pool_free(&pool);
	doc_shutdown();
	return bad;
}
