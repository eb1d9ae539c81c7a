/*
 * coach_corpus.h: the coaching corpus (tests/data/coach-corpus.tsv) run
 * against the local coach: personas with their data, served by an
 * in-memory facts source that answers as the store does, and questions
 * with what a correct answer must and must not say. Used by
 * tests/unit/test_coach_corpus (make check) and tests/bench/bench_coach_corpus.
 */
#ifndef OZ_COACH_CORPUS_H
#define OZ_COACH_CORPUS_H

#include <stddef.h>
#include <stdio.h>

#include "domain/lang.h"

struct cc_score {
	size_t	questions, correct;
	size_t	in_scope, fallbacks;	/* fallbacks among the in-scope questions */
};

struct cc_result {
	struct cc_score	lang[LANG_COUNT];
	size_t		personas, transactions;
};

/*
 * Run the corpus at path. verbose 1: every wrong answer (and every in-scope
 * fallback) is printed to out with what it missed; 2: every answer. 0, or -1 with a message
 * on out (unreadable file, malformed line).
 */
int	cc_run(const char *path, int verbose, FILE *out, struct cc_result *res);
/* Percentages for people, 0 when there is nothing to divide. */
double	cc_pct(size_t part, size_t whole);

#endif
