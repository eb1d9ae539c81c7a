/*
 * test_coach_corpus.c: the coaching corpus (tests/data/coach-corpus.tsv, see
 * coach_corpus.c) against the local coach. Prints, per language, the answers
 * that are correct and the fallbacks on in-scope questions, each against its
 * target: at least 95% correct, at most 3% fallbacks. Wrong answers are
 * printed one by one.
 */
#include "config.h"

#include <stdio.h>

#include "check_main.h"
#include "coach_corpus.h"

#ifndef COACH_CORPUS_PATH
#define COACH_CORPUS_PATH "tests/data/coach-corpus.tsv"
#endif

START_TEST(corpus_scores)
{
	static const char *const names[LANG_COUNT] = { "en", "pt", "es" };
	struct cc_result res;
	int		 l;

	ck_assert_int_eq(cc_run(COACH_CORPUS_PATH, 1, stdout, &res), 0);
	for (l = 0; l < LANG_COUNT; l++) {
		const struct cc_score *s = &res.lang[l];

		printf("coach corpus %s: %zu/%zu correct (%.1f%%), %zu/%zu fallbacks in scope "
		    "(%.1f%%)\n", names[l], s->correct, s->questions,
		    cc_pct(s->correct, s->questions), s->fallbacks, s->in_scope,
		    cc_pct(s->fallbacks, s->in_scope));
	}
	for (l = 0; l < LANG_COUNT; l++) {
		const struct cc_score *s = &res.lang[l];

		ck_assert_msg(s->questions >= 60, "%s: %zu questions", names[l], s->questions);
		ck_assert_msg(s->correct * 100 >= s->questions * 95, "%s: %zu/%zu correct",
		    names[l], s->correct, s->questions);
		ck_assert_msg(s->fallbacks * 100 <= s->in_scope * 3, "%s: %zu/%zu fallbacks",
		    names[l], s->fallbacks, s->in_scope);
	}
}
END_TEST

static Suite *
corpus_suite(void)
{
	Suite	*s = suite_create("coach_corpus");
	TCase	*tc = tcase_create("corpus");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, corpus_scores);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(corpus_suite)
