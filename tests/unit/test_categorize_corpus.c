/*
 * test_categorize_corpus.c: the categoriser on real and realistic statement
 * text (tests/data/categorize-corpus.tsv: lang, description, category,
 * subcategory or "-", kind). Prints accuracy per language and every miss,
 * and fails below these floors, per language and overall:
 *
 *	kind		>= 95%	(what money does decides whether a plan may cut it)
 *	category	>= 90%
 *	subcategory	>= 85%	(over lines that expect one)
 *
 * The floors sit under what the rules score (see the commit that set them)
 * so that new text may cost a little, and a rule that breaks a family of
 * descriptions fails. The corpus must hold >= 300 lines, >= 80 a language.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "domain/categorize.h"

#ifndef CAT_CORPUS_PATH
#define CAT_CORPUS_PATH "tests/data/categorize-corpus.tsv"
#endif

#define MIN_LINES	300
#define MIN_LANG	80
#define FLOOR_KIND	95.0
#define FLOOR_CAT	90.0
#define FLOOR_SUB	85.0

static const char *const langs[] = { "en", "pt", "es" };
#define NLANG	(sizeof(langs) / sizeof(langs[0]))

struct tally {
	size_t	lines, kind_ok, cat_ok, sub_lines, sub_ok, exact;
};

static double
pct(size_t a, size_t b)
{
	return b ? 100.0 * (double)a / (double)b : 100.0;
}

/* Split line in place at tabs into exactly 5 fields: 0, or -1. */
static int
split5(char *line, char **f)
{
	size_t n = 0;
	char *p = line;

	while (n < 5) {
		char *t = strchr(p, '\t');

		f[n++] = p;
		if (t == NULL)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n == 5 && strchr(f[4], '\t') == NULL ? 0 : -1;
}

static int
lang_index(const char *lang)
{
	size_t i;

	for (i = 0; i < NLANG; i++)
		if (strcmp(lang, langs[i]) == 0)
			return (int)i;
	return -1;
}

/* Score one corpus line into t; a label that is no category, kind or subcategory fails. */
static void
score(char **f, struct tally *t, size_t lineno)
{
	struct cat_result r;
	enum category	 c;
	enum txn_kind	 k;
	const char	*sub = strcmp(f[3], "-") == 0 ? "" : f[3];
	int		 kok, cok, sok;

	ck_assert_msg(category_parse(f[2], &c) == 0, "line %zu: no category %s", lineno, f[2]);
	ck_assert_msg(kind_parse(f[4], &k) == 0, "line %zu: no kind %s", lineno, f[4]);
	ck_assert_msg(*sub == '\0' || subcategory_of(sub, c), "line %zu: %s is not under %s",
	    lineno, sub, f[2]);
	categorize(f[1], &r);
	kok = r.kind == k;
	cok = r.category == c;
	sok = strcmp(r.subcategory, sub) == 0;
	t->lines++;
	t->kind_ok += kok;
	t->cat_ok += cok;
	if (*sub != '\0') {
		t->sub_lines++;
		t->sub_ok += sok;
	}
	t->exact += kok && cok && sok;
	if (!(kok && cok && sok))
		printf("  miss %s: %s => %s/%s/%s (want %s/%s/%s)\n", f[0], f[1],
		    category_name(r.category), r.subcategory[0] ? r.subcategory : "-",
		    kind_name(r.kind), f[2], f[3], f[4]);
}

static void
add(struct tally *to, const struct tally *t)
{
	to->lines += t->lines;
	to->kind_ok += t->kind_ok;
	to->cat_ok += t->cat_ok;
	to->sub_lines += t->sub_lines;
	to->sub_ok += t->sub_ok;
	to->exact += t->exact;
}

/* Print one row and check it against the floors. */
static void
report(const char *name, const struct tally *t, size_t min_lines)
{
	double	kp = pct(t->kind_ok, t->lines), cp = pct(t->cat_ok, t->lines);
	double	sp = pct(t->sub_ok, t->sub_lines);

	printf("%-4s %4zu lines  kind %6.2f%%  category %6.2f%%  subcategory %6.2f%% (of %zu)"
	    "  all three %6.2f%%\n", name, t->lines, kp, cp, sp, t->sub_lines,
	    pct(t->exact, t->lines));
	ck_assert_msg(t->lines >= min_lines, "%s: %zu lines, want >= %zu", name, t->lines,
	    min_lines);
	ck_assert_msg(kp >= FLOOR_KIND, "%s: kind %.2f%% < %.0f%%", name, kp, FLOOR_KIND);
	ck_assert_msg(cp >= FLOOR_CAT, "%s: category %.2f%% < %.0f%%", name, cp, FLOOR_CAT);
	ck_assert_msg(sp >= FLOOR_SUB, "%s: subcategory %.2f%% < %.0f%%", name, sp, FLOOR_SUB);
}

START_TEST(corpus)
{
	struct tally	 t[NLANG], all;
	char		 line[2048];
	size_t		 lineno = 0, i;
	FILE		*fp = fopen(CAT_CORPUS_PATH, "r");

	ck_assert_msg(fp != NULL, "cannot open %s", CAT_CORPUS_PATH);
	memset(t, 0, sizeof(t));
	memset(&all, 0, sizeof(all));
	while (fgets(line, sizeof(line), fp) != NULL) {
		char	*f[5];
		int	 li;

		lineno++;
		ck_assert_msg(strchr(line, '\n') != NULL || feof(fp), "line %zu too long", lineno);
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		ck_assert_msg(split5(line, f) == 0, "line %zu: want 5 tab-separated fields", lineno);
		ck_assert_msg((li = lang_index(f[0])) >= 0, "line %zu: no language %s", lineno, f[0]);
		score(f, &t[li], lineno);
	}
	fclose(fp);
	for (i = 0; i < NLANG; i++)
		add(&all, &t[i]);
	printf("corpus: %s\n", CAT_CORPUS_PATH);
	for (i = 0; i < NLANG; i++)
		report(langs[i], &t[i], MIN_LANG);
	report("all", &all, MIN_LINES);
}
END_TEST

static Suite *
make_suite(void)
{
	Suite *s = suite_create("categorize_corpus");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, corpus);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(make_suite)
