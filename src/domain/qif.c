/*
 * qif.c: QIF exports (qif.h). Two passes: the records are collected
 * first, so the date order and the decimal mark are told from all of
 * them, then read into rows.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/qif.h"

struct rec {
	size_t		 line;
	const char	*d, *t, *u, *p, *m;	/* into the text, NUL-terminated; NULL none */
	int		 open;			/* the file ended inside it */
};

enum block { B_NONE, B_TXN, B_LIST, B_INVEST };

/* The block a "!Type:" or "!Account" line opens. */
static enum block
block_of(const char *l)
{
	static const char *const txn[] = { "!Type:Bank", "!Type:CCard", "!Type:Cash",
		"!Type:Oth A", "!Type:Oth L", "!Type:Credit Card", NULL };
	size_t	 i;

	for (i = 0; txn[i] != NULL; i++)
		if (strncasecmp(l, txn[i], strlen(txn[i])) == 0)
			return B_TXN;
	if (strncasecmp(l, "!Type:Invst", 11) == 0 || strncasecmp(l, "!Type:Port", 10) == 0)
		return B_INVEST;
	if (strncasecmp(l, "!Option", 7) == 0 || strncasecmp(l, "!Clear", 6) == 0)
		return B_NONE;
	return B_LIST;			/* !Account, !Type:Cat, !Type:Class, !Type:Memorized… */
}

/* Split the text (writable) into lines, NUL-terminated in place; returns their starts. */
static char **
lines_of(char *s, size_t n, struct pool *pool, size_t *nl)
{
	char	**l;
	size_t	 i, k = 1, c = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
			k++;
	if ((l = pool_alloc(pool, k * sizeof(*l))) == NULL)
		return NULL;
	l[c++] = s;
	for (i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			s[i] = '\0';
		else if (s[i] == '\n' || s[i] == '\r') {
			s[i] = '\0';
			if (c < k)
				l[c++] = s + i + 1;
		}
	}
	*nl = c;
	return l;
}

static const char *
trim(char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

static int
lang_is(const struct stmt_opts *o, const char *code)
{
	return o->lang != NULL && strcmp(o->lang, code) == 0;
}

/* The order reading the most dates, a tie to the narrower span, then to the language. */
static enum stmt_order
order_of(const struct rec *r, size_t n, const struct stmt_opts *o)
{
	static const enum stmt_order orders[3] = { STMT_DMY, STMT_MDY, STMT_YMD };
	size_t	 ok[3] = { 0, 0, 0 }, i;
	long	 lo[3] = { 0, 0, 0 }, hi[3] = { 0, 0, 0 }, z;
	int	 k, best = lang_is(o, "pt") || lang_is(o, "es") ? 0 : 1;
	char	 d[11];

	for (i = 0; i < n && i < 5000; i++) {
		if (r[i].d == NULL)
			continue;
		for (k = 0; k < 3; k++) {
			if (stmt_date(r[i].d, strlen(r[i].d), orders[k], o->today, d) < 0 ||
			    cal_parse(d, &z) < 0)
				continue;
			if (ok[k]++ == 0 || z < lo[k])
				lo[k] = z;
			if (ok[k] == 1 || z > hi[k])
				hi[k] = z;
		}
	}
	for (k = 0; k < 3; k++)
		if (ok[k] > ok[best] || (ok[k] == ok[best] && ok[k] > 0 &&
		    hi[k] - lo[k] < hi[best] - lo[best]))
			best = k;
	return orders[best];
}

/* The decimal mark the amounts vote for; a tie is '.' (QIF's own), or ',' for pt and es. */
static int
mark_of(const struct rec *r, size_t n, const struct stmt_opts *o)
{
	size_t	 i, comma = 0, point = 0;

	for (i = 0; i < n && i < 5000; i++) {
		const char *a = r[i].t ? r[i].t : r[i].u, *c, *p;

		if (a == NULL)
			continue;
		c = strrchr(a, ',');
		p = strrchr(a, '.');
		if (c != NULL && p != NULL)
			c > p ? comma++ : point++;
		else if (c != NULL && strlen(c + 1) != 3)
			comma++;
		else if (p != NULL && strlen(p + 1) != 3)
			point++;
	}
	if (comma != point)
		return comma > point ? ',' : '.';
	return lang_is(o, "pt") || lang_is(o, "es") ? ',' : '.';
}

/* Collect the transaction records. */
static struct rec *
records(char **l, size_t nl, struct pool *pool, size_t *nr, size_t *invest)
{
	struct rec *r, *cur = NULL;
	size_t	 i, n = 0, cap = 1;
	enum block b = B_TXN;		/* a file with no !Type is a bank's */
	char	*t;

	for (i = 0; i < nl; i++)
		cap += l[i][0] == '^';
	cap += 1;
	if ((r = pool_alloc(pool, cap * sizeof(*r))) == NULL)
		return NULL;
	*invest = 0;
	for (i = 0; i < nl; i++) {
		t = l[i];
		while (*t == ' ' || *t == '\t')
			t++;
		if (*t == '\0')
			continue;
		if (*t == '!') {
			if (cur != NULL && cur->open)
				cur = NULL, n--;	/* a header inside a record: drop it */
			b = block_of(t);
			if (b == B_NONE)
				b = B_TXN;
			continue;
		}
		if (b == B_INVEST && *t == '^')
			(*invest)++;
		if (b != B_TXN)
			continue;
		if (*t == '^') {
			if (cur != NULL)
				cur->open = 0;
			cur = NULL;
			continue;
		}
		if (cur == NULL) {
			if (n + 1 >= cap)
				break;
			cur = &r[n++];
			memset(cur, 0, sizeof(*cur));
			cur->line = i + 1;
			cur->open = 1;
		}
		switch (*t) {
		case 'D': cur->d = trim(t + 1); break;
		case 'T': cur->t = trim(t + 1); break;
		case 'U': cur->u = trim(t + 1); break;
		case 'P': cur->p = trim(t + 1); break;
		case 'M': cur->m = trim(t + 1); break;
		default: break;		/* N, C, L, A, S, E, $… */
		}
	}
	*nr = n;
	return r;
}

int
qif_read(const char *s, size_t n, const struct stmt_opts *o, struct pool *pool,
    struct stmt_result *out)
{
	struct stmt_row *row;
	struct rec *r;
	char	**l, *copy, date[11], cur[4];
	size_t	 nl, nr, i, invest;
	enum stmt_order order;
	int	 mark, st, scale = stmt_scale(o->currency);
	int64_t	 v;
	long	 z, today = 0;
	const char *a;

	if ((copy = pool_strndup(pool, s, n)) == NULL || (l = lines_of(copy, n, pool, &nl)) == NULL ||
	    (r = records(l, nl, pool, &nr, &invest)) == NULL)
		return stmt_fail(out, STMT_NOMEM, "out of memory");
	if (nr == 0 && invest > 0)
		return stmt_fail(out, STMT_NOTABLE, "investment accounts are not read, only "
		    "bank, cash and card accounts");
	order = order_of(r, nr, o);
	mark = mark_of(r, nr, o);
	if (o->today != NULL)
		(void)cal_parse(o->today, &today);
	for (i = 0; i < nr; i++) {
		if ((i & 255) == 0 && o->stop != NULL && o->stop(o->stop_arg))
			return stmt_fail(out, STMT_STOPPED, "reading took too long");
		a = r[i].t != NULL ? r[i].t : r[i].u;
		if (r[i].open)
			st = stmt_reject(out, pool, r[i].line, "the file ends inside this record "
			    "(is it cut short?)");
		else if (r[i].d == NULL || stmt_date(r[i].d, strlen(r[i].d), order, o->today, date) < 0)
			st = stmt_reject(out, pool, r[i].line, "the date (D) could not be read");
		else if (a == NULL || stmt_amount(a, strlen(a), mark, scale, &v, cur) < 0)
			st = stmt_reject(out, pool, r[i].line, "the amount (T) could not be read");
		else if (today > 0 && cal_parse(date, &z) == 0 && z > today + 1)
			st = stmt_reject(out, pool, r[i].line, "the date is after today");
		else if (v == 0)
			st = STMT_OK;
		else if ((st = stmt_add(out, pool, o->max_rows, r[i].line, &row)) == STMT_OK) {
			memcpy(row->date, date, 11);
			row->amount_cents = v;
			memcpy(row->currency, cur, 4);
			a = r[i].p != NULL && r[i].p[0] != '\0' ? r[i].p : r[i].m != NULL ? r[i].m : "";
			stmt_text(row->description, sizeof(row->description), a, strlen(a));
		}
		if (st == STMT_TOOMANY)
			return stmt_fail(out, st, "more than %zu transactions", o->max_rows);
		if (st != STMT_OK)
			return stmt_fail(out, STMT_NOMEM, "out of memory");
	}
	return stmt_finish(out, pool, "QIF file");
}
