/*
 * bench_parse.c: accuracy of txt_parse + categorize on the corpora, and
 * categoriser throughput on one core. Usage: bench_parse [-v] [corpus.tsv ...]
 * (default CORPUS_PATH, the transactions, and PARSER_CORPUS_PATH, the
 * texts whose numbers are not all money). Prints, per corpus and per
 * language, the lines, the expected amounts found exact and the invented
 * amounts (tests/bench/corpus_score.h says how a line is scored), then each
 * figure next to its target; exits 1 if a target is missed. -v shows every
 * line that misses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus_score.h"

#ifndef CORPUS_PATH
#define CORPUS_PATH "tests/data/transactions-corpus.tsv"
#endif
#ifndef PARSER_CORPUS_PATH
#define PARSER_CORPUS_PATH "tests/data/parser-corpus.tsv"
#endif

#define MAX_CORPORA	8
#define NDESCS		2048

static char	descs[NDESCS][128];
static size_t	ndescs;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Descriptions/second over >= 2 s of repeated corpus texts, one thread. */
static double
throughput(void)
{
	struct cat_result cr;
	double t0 = now(), t;
	size_t calls = 0, k;
	unsigned sink = 0;

	do {
		for (k = 0; k < 10000; k++) {
			categorize(descs[calls % ndescs], &cr);
			sink += (unsigned)cr.category;
			calls++;
		}
		t = now() - t0;
	} while (t < 2.0);
	if (sink == 0xFFFFFFFFu)
		printf("%u\n", sink);
	return (double)calls / t;
}

/* Keep the text of a corpus line for the throughput run. */
static void
keep_text(const char *line)
{
	char copy[CS_LINE_MAX], *f[6];
	size_t l;

	if (line[0] == '#' || ndescs >= NDESCS)
		return;
	snprintf(copy, sizeof(copy), "%s", line);
	if (cs_split(copy, f, 6, '\t') != 6)
		return;
	l = strlen(f[3]);
	if (l >= sizeof(descs[0]))
		l = sizeof(descs[0]) - 1;
	memcpy(descs[ndescs], f[3], l);
	descs[ndescs++][l] = '\0';
}

/* Score one corpus and print it; 1 if its targets are met, 0 if not, -1 if unreadable. */
static int
run_corpus(const char *path, int first, int verbose)
{
	struct cs_score s[CS_NLANG];
	char line[CS_LINE_MAX];
	const struct cs_score *a = &s[CS_ALL];
	double amt, cat;
	int k;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return -1;
	}
	memset(s, 0, sizeof(s));
	if (verbose)
		printf("%s:\n", path);
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (first)
			keep_text(line);
		if (cs_line(line, s, verbose ? stdout : NULL) == -1)
			fprintf(stderr, "%s: a line without six fields\n", path);
	}
	fclose(fp);
	if (a->lines == 0) {
		fprintf(stderr, "%s: no corpus lines\n", path);
		return -1;
	}
	amt = cs_pct(a->amount_ok, a->items);
	cat = cs_pct(a->cat_ok, a->cats);
	printf("corpus: %s (%zu lines, %zu expected items, %zu error lines)\n", path, a->lines,
	    a->items, a->err_lines);
	printf("  lang  lines  amounts exact         invented  error lines refused\n");
	for (k = 0; k < CS_NLANG; k++)
		if (s[k].lines > 0)
			printf("  %-5s %5zu  %5zu/%-5zu %6.2f%%  %8zu  %zu/%zu\n", cs_lang_name(k),
			    s[k].lines, s[k].amount_ok, s[k].items, cs_pct(s[k].amount_ok,
			    s[k].items), s[k].invented, s[k].err_ok, s[k].err_lines);
	printf("amount+currency exact: %6.2f%%  (target >= 98%%)\n", amt);
	printf("date exact:            %6.2f%%  (of matched items with a date to check; no target)\n",
	    cs_pct(a->date_ok, a->dates));
	if (a->cats > 0)
		printf("category:              %6.2f%%  (target >= 90%%)\n", cat);
	else
		printf("category:              not scored in this corpus\n");
	printf("error lines refused:   %6.2f%%  (%zu/%zu)\n", cs_pct(a->err_ok, a->err_lines),
	    a->err_ok, a->err_lines);
	printf("invented amounts:      %zu  (target 0)\n", a->invented);
	return amt >= 98.0 && (a->cats == 0 || cat >= 90.0) && a->invented == 0;
}

int
main(int argc, char **argv)
{
	const char *paths[MAX_CORPORA];
	size_t np = 0, k;
	int verbose = 0, ok = 1, r, i;
	double rate;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (np < MAX_CORPORA)
			paths[np++] = argv[i];
	}
	if (np == 0) {
		paths[np++] = CORPUS_PATH;
		paths[np++] = PARSER_CORPUS_PATH;
	}
	for (k = 0; k < np; k++) {
		if ((r = run_corpus(paths[k], k == 0, verbose)) == -1)
			return 2;
		ok &= r;
	}
	if (ndescs == 0) {
		fprintf(stderr, "%s: no texts for the categoriser\n", paths[0]);
		return 2;
	}
	rate = throughput();
	printf("categoriser: %.0f descriptions/s, one thread  (target >= 200000)\n", rate);
	return ok && rate >= 200000.0 ? 0 : 1;
}
