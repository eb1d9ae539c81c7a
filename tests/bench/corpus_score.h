/*
 * corpus_score.h: scores txt_parse on a corpus of texts and their expected
 * items (tests/data/transactions-corpus.tsv, tests/data/parser-corpus.tsv);
 * included by tests/bench/bench_parse.c and tests/unit/test_parser_corpus.c
 * so that both count alike. Header only: static inline functions (a program
 * need not use them all), no allocation.
 *
 * A line is six tab-separated fields: lang, default currency, today, text
 * ("\n" written as the two characters), expected items and kind. Expected
 * items are "cents|currency|date|category" joined by ";"; an empty date is
 * today, "-" as a date or a category is not scored. A line whose expected
 * field or kind is "error" must be refused.
 *
 * An expected item is matched by a parsed one of the same amount and
 * currency; dates and categories are scored over matched items. An invented
 * amount is a parsed item that matches no expected one: an amount the text
 * does not state, one too many, or any item of a line that must be refused.
 */
#ifndef OZ_CORPUS_SCORE_H
#define OZ_CORPUS_SCORE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/categorize.h"
#include "domain/txtparse.h"

#define CS_LINE_MAX	4096

/* Scores by language; CS_ALL sums them. */
enum { CS_EN, CS_PT, CS_ES, CS_OTHER, CS_ALL, CS_NLANG };

static inline const char *
cs_lang_name(int lang)
{
	static const char *const names[CS_NLANG] = { "en", "pt", "es", "other", "all" };

	return lang >= 0 && lang < CS_NLANG ? names[lang] : "?";
}

struct cs_score {
	size_t	lines, items, amount_ok, dates, date_ok, cats, cat_ok, err_lines, err_ok;
	size_t	invented;
};

/* Split line in place at sep into at most max fields; returns the count. */
static inline size_t
cs_split(char *line, char **f, size_t max, char sep)
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
static inline void
cs_unescape(char *s)
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

static inline int
cs_lang(const char *lang)
{
	if (strcmp(lang, "en") == 0)
		return CS_EN;
	if (strcmp(lang, "pt") == 0)
		return CS_PT;
	if (strcmp(lang, "es") == 0)
		return CS_ES;
	return CS_OTHER;
}

/* Add one line's counts to its language and to the total. */
static inline void
cs_add(struct cs_score *s, int lang, const struct cs_score *d)
{
	int k, which[2];

	which[0] = lang;
	which[1] = CS_ALL;
	for (k = 0; k < 2; k++) {
		struct cs_score *t = &s[which[k]];

		t->lines += d->lines;
		t->items += d->items;
		t->amount_ok += d->amount_ok;
		t->dates += d->dates;
		t->date_ok += d->date_ok;
		t->cats += d->cats;
		t->cat_ok += d->cat_ok;
		t->err_lines += d->err_lines;
		t->err_ok += d->err_ok;
		t->invented += d->invented;
	}
}

/* One expected item "cents|CUR|date|category" against the parsed items. */
static inline void
cs_item(char *spec, const char *today, const struct txt_item *it, size_t n, int *used,
    struct cs_score *d)
{
	char *f[4];
	long long cents;
	size_t k;

	if (cs_split(spec, f, 4, '|') != 4)
		return;
	d->items++;
	cents = strtoll(f[0], NULL, 10);
	for (k = 0; k < n; k++) {
		struct cat_result cr;
		const char *cat;

		if (used[k] || it[k].amount_cents != cents || strcmp(it[k].currency, f[1]) != 0)
			continue;
		used[k] = 1;
		d->amount_ok++;
		if (strcmp(f[2], "-") != 0) {
			d->dates++;
			d->date_ok += strcmp(it[k].date, f[2][0] ? f[2] : today) == 0;
		}
		if (f[3][0] != '\0' && strcmp(f[3], "-") != 0) {
			categorize(it[k].description, &cr);
			cat = it[k].is_income ? "income" : category_name(cr.category);
			d->cats++;
			d->cat_ok += strcmp(cat, f[3]) == 0;
		}
		return;
	}
}

static inline void
cs_show(FILE *v, const char *what, const char *text, const struct txt_item *it, size_t n,
    const int *used)
{
	size_t k;

	fprintf(v, "  %s: %s =>", what, text);
	for (k = 0; k < n; k++) {
		struct cat_result cr;

		categorize(it[k].description, &cr);
		fprintf(v, " [%lld %s %s \"%s\" %s%s]", (long long)it[k].amount_cents,
		    it[k].currency, it[k].date, it[k].description,
		    it[k].is_income ? "income" : category_name(cr.category),
		    used != NULL && !used[k] ? " INVENTED" : "");
	}
	fprintf(v, "\n");
}

/*
 * Score one corpus line (modified in place) into s[CS_NLANG]; v, when not
 * NULL, gets each line that misses. Returns 1 when scored, 0 for a comment
 * or a blank line, -1 for a line without six fields.
 */
static inline int
cs_line(char *line, struct cs_score *s, FILE *v)
{
	struct txt_item it[TXT_MAX_ITEMS];
	struct cs_score d;
	char *f[6], *spec[TXT_MAX_ITEMS];
	const char *err = NULL;
	size_t n = 0, ns, k;
	int used[TXT_MAX_ITEMS] = { 0 }, r;

	line[strcspn(line, "\r\n")] = '\0';
	if (line[0] == '#' || line[0] == '\0')
		return 0;
	if (cs_split(line, f, 6, '\t') != 6)
		return -1;
	memset(&d, 0, sizeof(d));
	d.lines = 1;
	cs_unescape(f[3]);
	r = txt_parse(f[3], f[0], f[1], f[2], it, TXT_MAX_ITEMS, &n, &err);
	if (r == -1)
		n = 0;
	if (strcmp(f[4], "error") == 0 || strcmp(f[5], "error") == 0) {
		d.err_lines = 1;
		d.err_ok = r == -1;
		d.invented = n;
		if (r == 0 && v != NULL)
			cs_show(v, "accepted error line", f[3], it, n, used);
		cs_add(s, cs_lang(f[0]), &d);
		return 1;
	}
	if (r == -1 && v != NULL)
		fprintf(v, "  refused: %s (%s)\n", f[3], err);
	ns = f[4][0] ? cs_split(f[4], spec, TXT_MAX_ITEMS, ';') : 0;
	for (k = 0; k < ns; k++)
		cs_item(spec[k], f[2], it, n, used, &d);
	for (k = 0; k < n; k++)
		d.invented += !used[k];
	if (v != NULL && r == 0 && (d.amount_ok != d.items || d.date_ok != d.dates ||
	    d.cat_ok != d.cats || d.invented > 0))
		cs_show(v, "miss", f[3], it, n, used);
	cs_add(s, cs_lang(f[0]), &d);
	return 1;
}

static inline double
cs_pct(size_t a, size_t b)
{
	return b ? 100.0 * (double)a / (double)b : 100.0;
}

#endif
