/*
 * csv.c: delimited text into cells (csv.h). One pass over the text, which
 * is rewritten in place: a quoted field's doubled quotes are undone and
 * every field is NUL-terminated where it ends, so a cell costs no copy.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/pool.h"
#include "domain/csv.h"

#define SNIFF_BYTES	65536
#define SNIFF_RECORDS	200

/* Fields per record of the first records, quote-aware, for one delimiter: the count most agree on, and how many. */
static void
agreement(const char *s, size_t n, int d, size_t *mode, size_t *agree)
{
	size_t	 counts[SNIFF_RECORDS], nrec = 0, i, fields = 1, k, best = 0, bestn = 0, c;
	int	 q = 0;

	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	for (i = 0; i < n && nrec < SNIFF_RECORDS; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == d)
			fields++;
		else if (!q && (s[i] == '\n' || s[i] == '\r')) {
			if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			counts[nrec++] = fields;
			fields = 1;
		}
	}
	if (nrec < SNIFF_RECORDS && (fields > 1 || (i > 0 && s[i - 1] != '\n')))
		counts[nrec++] = fields;
	for (k = 0; k < nrec; k++) {
		if (counts[k] < 2)
			continue;
		for (c = 0, i = 0; i < nrec; i++)
			c += counts[i] == counts[k];
		if (c > bestn || (c == bestn && counts[k] > best))
			best = counts[k], bestn = c;
	}
	*mode = best;
	*agree = bestn;
}

int
csv_delimiter(const char *s, size_t n)
{
	static const char cand[] = { ';', ',', '\t', '|' };
	size_t	 c, mode, agree, best_agree = 0, best_mode = 0;
	int	 best = ',';

	for (c = 0; c < sizeof(cand); c++) {
		agreement(s, n, cand[c], &mode, &agree);
		if (agree > best_agree || (agree == best_agree && agree > 0 && mode > best_mode)) {
			best = cand[c];
			best_agree = agree;
			best_mode = mode;
		}
	}
	return best;
}

struct builder {
	struct pool	*pool;
	struct stmt_line *lines;
	size_t		 nlines, cap;
	struct stmt_cell cells[CSV_MAX_FIELDS];
	size_t		 ncells;
};

/* The record in b->cells as a new line. STMT_OK or STMT_NOMEM. */
static int
end_record(struct builder *b, size_t line)
{
	struct stmt_line *l;
	struct stmt_cell *c;

	if (b->nlines == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;

		if ((l = pool_alloc(b->pool, cap * sizeof(*l))) == NULL)
			return STMT_NOMEM;
		if (b->nlines > 0)
			memcpy(l, b->lines, b->nlines * sizeof(*l));
		b->lines = l;
		b->cap = cap;
	}
	if ((c = pool_alloc(b->pool, b->ncells * sizeof(*c))) == NULL)
		return STMT_NOMEM;
	memcpy(c, b->cells, b->ncells * sizeof(*c));
	l = &b->lines[b->nlines++];
	memset(l, 0, sizeof(*l));
	l->cells = c;
	l->ncells = b->ncells;
	l->line = line;
	b->ncells = 0;
	return STMT_OK;
}

int
csv_parse(char *s, size_t n, int delim, size_t max_records, struct pool *pool,
    struct stmt_table *out, char *err, size_t errlen)
{
	struct builder *b;
	size_t	 i = 0, o, line = 1, start_line = 1;
	int	 st, quoted;
	char	*field;

	memset(out, 0, sizeof(*out));
	if (delim == 0)
		delim = csv_delimiter(s, n);
	if ((b = pool_alloc(pool, sizeof(*b))) == NULL)
		return STMT_NOMEM;
	memset(b, 0, sizeof(*b));
	b->pool = pool;
	while (i < n) {
		/* one field from i; o is where its text is written back */
		field = s + i;
		o = i;
		quoted = 0;
		{
			size_t j = i;

			while (j < n && s[j] == ' ')
				j++;
			if (j < n && s[j] == '"') {
				quoted = 1;
				i = j + 1;
				field = s + i;
				o = i;
			}
		}
		if (quoted) {
			for (;;) {
				if (i >= n) {
					snprintf(err, errlen, "line %zu: a quoted field is never "
					    "closed (is the file cut short?)", start_line);
					return STMT_BAD;
				}
				if (s[i] == '"') {
					if (i + 1 < n && s[i + 1] == '"') {
						s[o++] = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
					line++;
				s[o++] = s[i++];
			}
			while (i < n && s[i] == ' ')
				i++;
			if (i < n && s[i] != delim && s[i] != '\n' && s[i] != '\r') {
				snprintf(err, errlen, "line %zu: text after a closing quote", line);
				return STMT_BAD;
			}
		} else {
			while (i < n && s[i] != delim && s[i] != '\n' && s[i] != '\r')
				i++;
			o = i;
		}
		if (b->ncells == CSV_MAX_FIELDS) {
			snprintf(err, errlen, "line %zu: more than %d fields", start_line, CSV_MAX_FIELDS);
			return STMT_BAD;
		}
		b->cells[b->ncells].text = field;
		b->cells[b->ncells].kind = STMT_TEXT;
		b->cells[b->ncells].x0 = b->cells[b->ncells].x1 = 0;
		b->ncells++;
		if (i < n && s[i] == delim) {
			s[o] = '\0';
			i++;
			if (i == n) {		/* a last empty field */
				b->cells[b->ncells].text = s + n;
				b->cells[b->ncells].kind = STMT_TEXT;
				b->ncells++;
			} else
				continue;
		} else if (i < n) {
			/* CRLF, LF or CR ends the record */
			size_t eol = i;

			i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			s[o] = '\0';
			(void)eol;
		} else if (o < n)
			s[o] = '\0';
		if (max_records > 0 && b->nlines >= max_records) {
			snprintf(err, errlen, "more than %zu lines", max_records);
			return STMT_TOOMANY;
		}
		if ((st = end_record(b, start_line)) != STMT_OK)
			return st;
		line++;
		start_line = line;
	}
	out->lines = b->lines;
	out->nlines = b->nlines;
	out->positioned = 0;
	return STMT_OK;
}
