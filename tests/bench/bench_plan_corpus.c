/*
 * bench_plan_corpus.c: the plan corpus's scores (tests/data/plan-corpus.txt,
 * see tests/unit/plan_corpus.h) and the finance engine's speed on one core.
 * Usage: bench_plan_corpus [-v | -a] [corpus.txt] (default PLAN_CORPUS_PATH).
 * Prints each figure next to its target; -v also prints every plan that
 * misses one, -a every plan. Exits 1 if a target is missed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/finance.h"
#include "plan_corpus.h"

#ifndef PLAN_CORPUS_PATH
#define PLAN_CORPUS_PATH "tests/data/plan-corpus.txt"
#endif

#define BENCH_ROUNDS	200	/* times the whole corpus is planned for the speed */

static struct fin_plan plan;	/* large: not on the stack */

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const char	*path = PLAN_CORPUS_PATH;
	struct pc_score	 sc;
	double		 t0, dt;
	int		 i, verbose = 0, ok;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "-a") == 0)
			verbose = pc_show_all = 1;
		else
			path = argv[i];
	}
	if (pc_run(path, &sc, verbose ? stdout : NULL, &plan) == -1) {
		fprintf(stderr, "bench_plan_corpus: cannot read %s\n", path);
		return 2;
	}
	t0 = now_s();
	for (i = 0; i < BENCH_ROUNDS; i++) {
		struct pc_score s2;

		(void)pc_run(path, &s2, NULL, &plan);
	}
	dt = now_s() - t0;
	ok = sc.situations >= 40 && sc.bad == 0 && sc.first_ok == sc.situations &&
	    sc.move_ok == sc.situations && sc.infeasible == 0 && sc.forbidden == 0 &&
	    sc.no_period == 0;
	pc_print(stdout, &sc);
	printf("plan corpus: first action      %5.1f%%  (target 100%%)\n",
	    sc.situations ? 100.0 * sc.first_ok / sc.situations : 0.0);
	printf("plan corpus: money's direction %5.1f%%  (target 100%%)\n",
	    sc.situations ? 100.0 * sc.move_ok / sc.situations : 0.0);
	printf("plan corpus: infeasible actions %4d    (target 0)\n", sc.infeasible);
	printf("plan corpus: forbidden phrases  %4d    (target 0)\n", sc.forbidden);
	printf("plan corpus: rates w/o period   %4d    (target 0)\n", sc.no_period);
	printf("plan corpus: engine speed %.0f plans/s on one core (%d rounds of %d, file read "
	    "and parsed each round)\n", dt > 0 ? (double)BENCH_ROUNDS * sc.situations / dt : 0.0,
	    BENCH_ROUNDS, sc.situations);
	printf("plan corpus: %s\n", ok ? "PASS" : "BELOW TARGET");
	return ok ? 0 : 1;
}
