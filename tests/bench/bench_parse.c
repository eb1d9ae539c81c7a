/*
 * bench_parse.c: accuracy of txt_parse + categorize on the transaction corpus,
 * and categoriser throughput on one core. Usage: bench_parse [-v] [corpus.tsv]
 * (default CORPUS_PATH). Prints each figure next to its target; exits 1 if
 * a target is missed.
 *
 * An item matches when amount and currency are exact; date and category are
 * scored over expected items that were matched. An "error" line scores as
 * correct when txt_parse refuses it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/categorize.h"
#include "domain/txtparse.h"

#ifndef CORPUS_PATH
#define CORPUS_PATH "tests/data/transactions-corpus.tsv"
#endif

#define LINE_MAX_LEN	4096
#define DESC_MAX	4096

struct score {
	size_t	lines, items, amount_ok, date_ok, cat_ok, err_lines, err_ok, extra;
};

/* Split line in place at tabs into at most max fields; returns the count. */
static size_t
split(char *line, char **f, size_t max, char sep)
{
	size_t n = 0;
	char *p = line;

	while (n < max) {
		char *t = strchr(p, sep);

		f[n++] = p;
		if (t == NULL)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n;
}

/* The corpus writes a newline inside a text as the two characters "\\n". */
static void
unescape(char *s)
{
	char *o = s;

	for (; *s; s++, o++) {
		if (s[0] == '\\' && s[1] == 'n') {
			*o = '\n';
			s++;
		} else
			*o = *s;
	}
	*o = '\0';
}

/* One expected item "cents|CUR|date|category" against the parsed items. */
static void
score_item(char *spec, const char *today, const struct txt_item *it, size_t n,
    int *used, struct score *s)
{
	char *f[4];
	long long cents;
	char *end;
	size_t k;

	if (split(spec, f, 4, '|') != 4)
		return;
	s->items++;
	cents = strtoll(f[0], &end, 10);
	for (k = 0; k < n; k++) {
		struct cat_result cr;
		const char *cat;

		if (used[k] || it[k].amount_cents != cents || strcmp(it[k].currency, f[1]) != 0)
			continue;
		used[k] = 1;
		s->amount_ok++;
		if (strcmp(it[k].date, f[2][0] ? f[2] : today) == 0)
			s->date_ok++;
		categorize(it[k].description, &cr);
		cat = it[k].is_income ? "income" : category_name(cr.category);
		if (strcmp(cat, f[3]) == 0)
			s->cat_ok++;
		return;
	}
}

static void
score_line(char *line, struct score *s, int verbose)
{
	struct txt_item it[TXT_MAX_ITEMS];
	char *f[6], *spec[TXT_MAX_ITEMS];
	const char *err;
	size_t n, ns, k;
	int used[TXT_MAX_ITEMS] = { 0 }, r;

	if (line[0] == '#' || line[0] == '\0' || split(line, f, 6, '\t') != 6)
		return;
	s->lines++;
	unescape(f[3]);
	r = txt_parse(f[3], f[0], f[1], f[2], it, TXT_MAX_ITEMS, &n, &err);
	if (strcmp(f[5], "error") == 0) {
		s->err_lines++;
		s->err_ok += r == -1;
		if (r == 0 && verbose)
			printf("  accepted error line: %s\n", f[3]);
		return;
	}
	if (r == -1) {
		n = 0;
		if (verbose)
			printf("  refused: %s (%s)\n", f[3], err);
	}
	ns = split(f[4], spec, TXT_MAX_ITEMS, ';');
	{
		size_t before = s->amount_ok, cb = s->cat_ok, db = s->date_ok;

		for (k = 0; k < ns; k++)
			score_item(spec[k], f[2], it, n, used, s);
		if (verbose && (s->amount_ok - before != ns || s->cat_ok - cb != ns ||
		    s->date_ok - db != ns)) {
			printf("  miss: %s =>", f[3]);
			for (k = 0; k < n; k++) {
				struct cat_result cr;

				categorize(it[k].description, &cr);
				printf(" [%lld %s %s \"%s\" %s]", (long long)it[k].amount_cents,
				    it[k].currency, it[k].date, it[k].description,
				    it[k].is_income ? "income" : category_name(cr.category));
			}
			printf("\n");
		}
	}
	for (k = 0; k < n; k++) {
		s->extra += !used[k];
		if (!used[k] && verbose)
			printf("  extra item %lld from: %s\n", (long long)it[k].amount_cents, f[3]);
	}
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Descriptions/second over >= 2 s of repeated corpus texts, one thread. */
static double
throughput(char descs[][128], size_t nd)
{
	struct cat_result cr;
	double t0 = now(), t;
	size_t calls = 0, k;
	unsigned sink = 0;

	do {
		for (k = 0; k < 10000; k++) {
			categorize(descs[calls % nd], &cr);
			sink += (unsigned)cr.category;
			calls++;
		}
		t = now() - t0;
	} while (t < 2.0);
	if (sink == 0xFFFFFFFFu)
		printf("%u\n", sink);
	return (double)calls / t;
}

static double
pct(size_t a, size_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

int
main(int argc, char **argv)
{
	static char descs[2048][128];
	const char *path = argc > 1 && strcmp(argv[argc - 1], "-v") != 0 ? argv[argc - 1] :
	    CORPUS_PATH;
	int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	char line[LINE_MAX_LEN];
	struct score s = { 0 };
	size_t nd = 0;
	double amt, cat, dat, rate, rej;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return 2;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		char copy[LINE_MAX_LEN], *f[6];

		line[strcspn(line, "\r\n")] = '\0';
		memcpy(copy, line, sizeof(copy));
		if (line[0] != '#' && split(copy, f, 6, '\t') == 6 && nd < 2048) {
			size_t l = strlen(f[3]);

			if (l >= sizeof(descs[0]))
				l = sizeof(descs[0]) - 1;
			memcpy(descs[nd], f[3], l);
			descs[nd++][l] = '\0';
		}
		score_line(line, &s, verbose);
	}
	fclose(fp);
	if (nd == 0) {
		fprintf(stderr, "%s: no corpus lines\n", path);
		return 2;
	}
	amt = pct(s.amount_ok, s.items);
	dat = pct(s.date_ok, s.amount_ok);
	cat = pct(s.cat_ok, s.amount_ok);
	rej = pct(s.err_ok, s.err_lines);
	rate = throughput(descs, nd);
	printf("corpus: %s (%zu lines, %zu expected items, %zu error lines)\n", path, s.lines,
	    s.items, s.err_lines);
	printf("amount+currency exact: %6.2f%%  (target >= 98%%)\n", amt);
	printf("date exact:            %6.2f%%  (of matched items; no target)\n", dat);
	printf("category:              %6.2f%%  (target >= 90%%)\n", cat);
	printf("error lines refused:   %6.2f%%  (%zu/%zu)\n", rej, s.err_ok, s.err_lines);
	printf("unexpected extra items: %zu\n", s.extra);
	printf("categoriser: %.0f descriptions/s, one thread  (target >= 200000)\n", rate);
	return amt >= 98.0 && cat >= 90.0 && rate >= 200000.0 ? 0 : 1;
}
