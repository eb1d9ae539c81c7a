/*
 * bench_coach_corpus.c: the local coach on the coaching corpus
 * (tests/data/coach-corpus.tsv, see tests/unit/coach_corpus.c), for
 * tools/ozzie-dev bench. Usage: bench_coach_corpus [-v] [corpus.tsv]
 * (default COACH_CORPUS_PATH); -v prints every wrong answer and fallback, -a
 * every answer.
 * One line per language, then the total, each against its targets (at least
 * 95% correct, at most 3% fallbacks on in-scope questions); exits 1 if a
 * target is missed, 2 if the corpus cannot be read.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../unit/coach_corpus.h"

#ifndef COACH_CORPUS_PATH
#define COACH_CORPUS_PATH "tests/data/coach-corpus.tsv"
#endif

int
main(int argc, char **argv)
{
	static const char *const names[LANG_COUNT] = { "en", "pt", "es" };
	const char	*path = COACH_CORPUS_PATH;
	struct cc_result res;
	struct cc_score	 all;
	struct timespec	 t0, t1;
	int		 verbose = 0, i, ok = 1;
	double		 ms;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "-a") == 0)
			verbose = 2;
		else
			path = argv[i];
	}
	memset(&all, 0, sizeof(all));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (cc_run(path, verbose, stdout, &res) == -1)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	printf("coach corpus: %s (%zu personas, %zu transactions)\n", path, res.personas,
	    res.transactions);
	for (i = 0; i <= LANG_COUNT; i++) {
		const struct cc_score *s = i < LANG_COUNT ? &res.lang[i] : &all;
		double c = cc_pct(s->correct, s->questions), f = cc_pct(s->fallbacks, s->in_scope);
		int pass = c >= 95.0 && f <= 3.0;

		if (i < LANG_COUNT) {
			all.questions += s->questions;
			all.correct += s->correct;
			all.in_scope += s->in_scope;
			all.fallbacks += s->fallbacks;
		}
		printf("%-3s correct %4zu/%-4zu %6.2f%% (target >= 95%%)   fallbacks in scope "
		    "%3zu/%-4zu %5.2f%% (target <= 3%%)   %s\n", i < LANG_COUNT ? names[i] : "all",
		    s->correct, s->questions, c, s->fallbacks, s->in_scope, f,
		    pass ? "ok" : "BELOW");
		ok &= pass;
	}
	printf("answered in %.1f ms (%.3f ms a question)\n", ms,
	    all.questions ? ms / (double)all.questions : 0.0);
	return ok ? 0 : 1;
}
