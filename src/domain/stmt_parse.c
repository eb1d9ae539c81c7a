/*
 * stmt_parse.c: the pieces every statement reader shares (stmt.h): rows
 * grown in a pool, rejects, amounts as banks print them, dates in the many
 * ways they are written, spreadsheet numbers and serial dates, folded text.
 * Integers only: an amount is read digit by digit into minor units.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/currency.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/stmt.h"

#define MAX_INT_DIGITS	15	/* a trillion with room; more is not an amount */

void
stmt_result_init(struct stmt_result *r)
{
	memset(r, 0, sizeof(*r));
}

int
stmt_add(struct stmt_result *r, struct pool *pool, size_t max_rows, size_t line,
    struct stmt_row **row)
{
	struct stmt_row *n;
	size_t	 cap;

	if (max_rows > 0 && r->nrows >= max_rows)
		return STMT_TOOMANY;
	if (r->nrows == r->cap) {
		cap = r->cap ? r->cap * 2 : 64;
		if (cap > SIZE_MAX / sizeof(*n) || (n = pool_alloc(pool, cap * sizeof(*n))) == NULL)
			return STMT_NOMEM;
		if (r->nrows > 0)
			memcpy(n, r->rows, r->nrows * sizeof(*n));
		r->rows = n;
		r->cap = cap;
	}
	*row = &r->rows[r->nrows++];
	memset(*row, 0, sizeof(**row));
	(*row)->line = line;
	return STMT_OK;
}

void
stmt_unadd(struct stmt_result *r)
{
	if (r->nrows > 0)
		r->nrows--;
}

int
stmt_reject(struct stmt_result *r, struct pool *pool, size_t line, const char *msg)
{
	struct stmt_reject *n;
	size_t	 cap;

	if (r->nrejects == r->rcap) {
		cap = r->rcap ? r->rcap * 2 : 16;
		if (cap > SIZE_MAX / sizeof(*n) || (n = pool_alloc(pool, cap * sizeof(*n))) == NULL)
			return STMT_NOMEM;
		if (r->nrejects > 0)
			memcpy(n, r->rejects, r->nrejects * sizeof(*n));
		r->rejects = n;
		r->rcap = cap;
	}
	n = &r->rejects[r->nrejects++];
	n->line = line;
	stmt_text(n->message, sizeof(n->message), msg, strlen(msg));
	return STMT_OK;
}

int
stmt_fail(struct stmt_result *r, int status, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(r->error, sizeof(r->error), fmt, ap);
	va_end(ap);
	return status;
}

/* Fold the UTF-8 letter at s (ASCII or a Latin-1 accented one) to lower-case ASCII; its length in *k. */
static int
fold_letter(const unsigned char *s, size_t n, size_t *k)
{
	static const char map[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";	/* U+00C0..U+00DF, U+00E0..U+00FF alike */

	if (s[0] >= 'A' && s[0] <= 'Z') {
		*k = 1;
		return s[0] + ('a' - 'A');
	}
	if (s[0] >= 'a' && s[0] <= 'z') {
		*k = 1;
		return s[0];
	}
	if (n >= 2 && s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0xbf &&
	    map[(s[1] - 0x80) & 0x1f] != '*') {
		*k = 2;
		return map[(s[1] - 0x80) & 0x1f];
	}
	*k = 0;
	return 0;
}

/* ---- text ---- */

/* The length of the valid UTF-8 sequence at s (left bytes), or 0. */
static size_t
u8seq(const unsigned char *s, size_t left)
{
	size_t	 n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	if (n > left)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if (n == 3 && ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0)))
		return 0;
	if (n == 4 && ((s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90)))
		return 0;
	return n;
}

/* 1 if the sequence of k bytes at s is white space (ASCII, NBSP, the Unicode spaces). */
static int
u8space(const unsigned char *s, size_t k)
{
	if (k == 1)
		return s[0] <= 0x20 || s[0] == 0x7f;
	if (k == 2)
		return s[0] == 0xc2 && (s[1] == 0xa0 || s[1] == 0x85 || s[1] < 0xa0);
	if (k == 3)
		return (s[0] == 0xe2 && s[1] == 0x80 && (s[2] <= 0x8b || s[2] == 0xaf ||
		    s[2] == 0xa8 || s[2] == 0xa9)) || (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) ||
		    (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf);
	return 0;
}

static void
text_into(char *dst, size_t cap, size_t o, const char *src, size_t len)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t	 i = 0, k;
	int	 space = o > 0;		/* a space is owed before the next word */

	if (o > 0 && o + 1 < cap && dst[o - 1] == ' ')
		o--;
	while (i < len && s[i] != '\0') {
		if ((k = u8seq(s + i, len - i)) == 0) {
			i++;			/* a stray byte: dropped */
			continue;
		}
		if (u8space(s + i, k)) {
			space = o > 0;
			i += k;
			continue;
		}
		if (o + (size_t)space + k + 1 > cap)
			break;
		if (space)
			dst[o++] = ' ';
		space = 0;
		memcpy(dst + o, s + i, k);
		o += k;
		i += k;
	}
	dst[o] = '\0';
}

void
stmt_text(char *dst, size_t cap, const char *s, size_t len)
{
	if (cap == 0)
		return;
	dst[0] = '\0';
	text_into(dst, cap, 0, s, len);
}

void
stmt_text_append(char *dst, size_t cap, const char *s, size_t len)
{
	size_t	 o = strlen(dst);

	if (cap == 0 || o + 1 >= cap)
		return;
	text_into(dst, cap, o, s, len);
}

int
stmt_scale(const char *cur)
{
	int	 m;

	if (cur == NULL || cur[0] == '\0' || (m = currency_minor_units(cur)) < 0)
		return 2;
	return m;
}

size_t
stmt_fold(const char *s, size_t len, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 i = 0, o = 0, k;
	int	 c, space = 0;

	if (cap == 0)
		return 0;
	while (i < len && u[i] != '\0' && o + 2 < cap) {
		if (u[i] >= '0' && u[i] <= '9')
			c = u[i], k = 1;
		else if ((c = fold_letter(u + i, len - i, &k)) == 0) {
			k = u8seq(u + i, len - i);
			i += k ? k : 1;
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = (char)c;
		i += k;
	}
	out[o] = '\0';
	return o;
}

/* ---- amounts ---- */

struct sym {
	const char	*s;
	const char	*code;		/* "" : a sign that names no one currency */
};

/* Currency signs, longest first where one starts another. */
static const struct sym syms[] = {
	{ "US$", "USD" }, { "R$", "BRL" }, { "C$", "CAD" }, { "A$", "AUD" }, { "AU$", "AUD" },
	{ "NZ$", "NZD" }, { "MX$", "MXN" }, { "S/.", "PEN" }, { "S/", "PEN" },
	{ "\xe2\x82\xac", "EUR" }, { "\xc2\xa3", "GBP" }, { "\xc2\xa5", "JPY" },
	{ "\xe2\x82\xb9", "INR" }, { "$", "" }, { "CHF", "CHF" },
	{ NULL, NULL }
};

/* A currency sign or an ISO code at s (n left): its length, the code in cur (may stay ""); 0 if none. */
static size_t
currency_at(const char *s, size_t n, char cur[4])
{
	const struct sym *y;
	size_t	 k;
	char	 code[4];

	for (y = syms; y->s != NULL; y++) {
		k = strlen(y->s);
		if (k <= n && memcmp(s, y->s, k) == 0) {
			if (y->code[0] != '\0')
				memcpy(cur, y->code, 4);
			return k;
		}
	}
	if (n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	    s[2] >= 'A' && s[2] <= 'Z' && (n == 3 || !(s[3] >= 'A' && s[3] <= 'Z') ||
	    s[3] == ' ')) {
		memcpy(code, s, 3);
		code[3] = '\0';
		if (currency_valid(code)) {
			memcpy(cur, code, 4);
			return 3;
		}
	}
	return 0;
}

/* The length of white space at s (ASCII blanks, NBSP, narrow NBSP, thin space), 0 if none. */
static size_t
blank_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 1 && (u[0] == ' ' || u[0] == '\t'))
		return 1;
	if (n >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (n >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
		return 3;
	return 0;
}

/* A minus sign at s: '-', U+2212, U+2013 (en dash); its length or 0. */
static size_t
minus_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && memcmp(s, "\xe2\x88\x92", 3) == 0)
		return 3;
	if (n >= 3 && memcmp(s, "\xe2\x80\x93", 3) == 0)
		return 3;
	return 0;
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A debit/credit marker word at s ending at a word's end: -1 debit, +1 credit, 0 none; *len its length. */
static int
marker_at(const char *s, size_t n, size_t *len)
{
	static const struct { const char *w; int sign; } m[] = {
		{ "DEB", -1 }, { "DR", -1 }, { "DB", -1 }, { "D", -1 },
		{ "CRED", 1 }, { "CR", 1 }, { "C", 1 }, { NULL, 0 }
	};
	size_t	 i, k;

	for (i = 0; m[i].w != NULL; i++) {
		k = strlen(m[i].w);
		if (k <= n && strncmp(s, m[i].w, k) == 0 && (k == n || !((s[k] >= 'A' &&
		    s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z')))) {
			*len = k;
			return m[i].sign;
		}
		/* lower case markers too ("d", "cr") */
		if (k <= n && k <= 3) {
			size_t j;

			for (j = 0; j < k; j++)
				if (s[j] != m[i].w[j] + ('a' - 'A'))
					break;
			if (j == k && (k == n || !((s[k] >= 'A' && s[k] <= 'Z') ||
			    (s[k] >= 'a' && s[k] <= 'z')))) {
				*len = k;
				return m[i].sign;
			}
		}
	}
	return 0;
}

/*
 * The digits and separators of a number at s[0..n) into units of 10^-scale,
 * with mark the decimal mark (0: told from the text). -1 when the grouping
 * is wrong, a fraction too long, or the number absurd.
 */
static int
number_units(const char *s, size_t n, int mark, int scale, int64_t *units)
{
	char	 dig[64];
	size_t	 i, nd = 0, group = 0, groups = 0, fracpos = (size_t)-1;
	size_t	 lastsep = (size_t)-1, commas = 0, points = 0;
	int64_t	 v = 0;
	int	 f;

	for (i = 0; i < n; i++) {
		if (s[i] == ',')
			commas++, lastsep = i;
		else if (s[i] == '.')
			points++, lastsep = i;
	}
	if (mark == 0) {
		/*
		 * Told from the text: with both, the last is the mark; a lone one
		 * is the mark unless it repeats or three digits follow it ("1,500").
		 */
		mark = '.';
		if (commas > 0 && points > 0)
			mark = s[lastsep];
		else if (lastsep != (size_t)-1) {
			size_t after = 0;

			for (i = lastsep + 1; i < n && is_digit((unsigned char)s[i]); i++)
				after++;
			if ((s[lastsep] == ',' ? commas : points) > 1 || after == 3)
				mark = s[lastsep] == ',' ? '.' : ',';
			else
				mark = s[lastsep];
		}
	}
	for (i = 0; i < n; ) {
		size_t	 b;
		unsigned char c = (unsigned char)s[i];

		if (is_digit(c)) {
			if (nd >= sizeof(dig))
				return -1;
			dig[nd++] = (char)c;
			group++;
			i++;
			continue;
		}
		if (c == (unsigned char)mark && fracpos == (size_t)-1) {
			if (nd == 0 || (groups > 0 && group != 3))
				return -1;
			fracpos = nd;
			group = 0;
			i++;
			continue;
		}
		b = blank_at(s + i, n - i);
		if ((c == ',' || c == '.' || c == '\'' || b > 0) && fracpos == (size_t)-1) {
			/* a group separator: 1-3 digits first, then exactly three each */
			if (groups == 0 ? group < 1 || group > 3 : group != 3)
				return -1;
			groups++;
			group = 0;
			i += b > 0 ? b : 1;
			continue;
		}
		return -1;
	}
	if (nd == 0 || (groups > 0 && fracpos == (size_t)-1 && group != 3))
		return -1;
	if (fracpos == nd)
		return -1;		/* "5." */
	if (fracpos == (size_t)-1)
		fracpos = nd;
	if (fracpos > MAX_INT_DIGITS)
		return -1;
	for (i = 0; i < fracpos; i++)
		v = v * 10 + (dig[i] - '0');
	for (f = 0; f < scale; f++)
		v = v * 10 + (fracpos + (size_t)f < nd ? dig[fracpos + (size_t)f] - '0' : 0);
	for (i = fracpos + (size_t)scale; i < nd; i++)
		if (dig[i] != '0')
			return -1;
	*units = v;
	return 0;
}

int
stmt_amount(const char *s, size_t len, int mark, int scale, int64_t *units, char cur[4])
{
	size_t	 i = 0, k, start, end;
	int	 neg = 0, paren = 0, marker = 0;
	int64_t	 v;
	char	 c4[4] = "";

	if (cur != NULL)
		cur[0] = '\0';
	/* before the digits: blanks, signs, '(', currency */
	for (;;) {
		if (i >= len)
			return -1;
		if ((k = blank_at(s + i, len - i)) > 0)
			i += k;
		else if ((k = minus_at(s + i, len - i)) > 0)
			neg = 1, i += k;
		else if (s[i] == '+')
			i++;
		else if (s[i] == '(' && !paren)
			paren = 1, i++;
		else if (is_digit((unsigned char)s[i]))
			break;
		else if ((k = currency_at(s + i, len - i, c4)) > 0)
			i += k;
		else
			return -1;
	}
	start = i;
	while (i < len && (is_digit((unsigned char)s[i]) || s[i] == ',' || s[i] == '.' ||
	    s[i] == '\'' || ((k = blank_at(s + i, len - i)) > 0 && i + k < len &&
	    is_digit((unsigned char)s[i + k]))))
		i += blank_at(s + i, len - i) > 0 ? blank_at(s + i, len - i) : 1;
	end = i;
	/* after: blanks, ')', '-', currency, a D/C marker */
	while (i < len) {
		if ((k = blank_at(s + i, len - i)) > 0)
			i += k;
		else if (s[i] == ')' && paren == 1)
			paren = 2, i++;
		else if ((k = minus_at(s + i, len - i)) > 0)
			neg = 1, i += k;
		else if (s[i] == '+')
			i++;
		else if (s[i] == '*')
			i++;		/* a footnote mark */
		else if (marker == 0 && (marker = marker_at(s + i, len - i, &k)) != 0)
			i += k;
		else if ((k = currency_at(s + i, len - i, c4)) > 0)
			i += k;
		else
			return -1;
	}
	if (paren == 1)
		return -1;
	/* a trailing separator is not part of the number ("1.500,00." never; "5," never) */
	if (end > start && (s[end - 1] == ',' || s[end - 1] == '.' || s[end - 1] == '\''))
		return -1;
	if (number_units(s + start, end - start, mark, scale, &v) < 0)
		return -1;
	if (paren == 2 || neg || marker < 0)
		v = -v;
	*units = v;
	if (cur != NULL)
		memcpy(cur, c4, 4);
	return 0;
}

int
stmt_number(const char *s, int scale, int64_t *units)
{
	char	 dig[40];
	size_t	 nd = 0, i = 0;
	long	 point = -1, exp = 0, pos;
	int	 neg = 0, eneg = 0, ed = 0;
	int64_t	 v = 0;
	int	 round = 0;

	while (s[i] == ' ')
		i++;
	if (s[i] == '-' || s[i] == '+')
		neg = s[i++] == '-';
	for (; s[i] != '\0'; i++) {
		if (is_digit((unsigned char)s[i])) {
			if (nd == 0 && s[i] == '0' && point < 0)
				continue;	/* leading zeros of the integer part */
			if (nd < sizeof(dig))
				dig[nd++] = s[i];
			else if (point < 0)
				return -1;	/* too large */
		} else if (s[i] == '.' && point < 0)
			point = (long)nd;
		else
			break;
	}
	if (point < 0)
		point = (long)nd;
	if (s[i] == 'e' || s[i] == 'E') {
		i++;
		if (s[i] == '-' || s[i] == '+')
			eneg = s[i++] == '-';
		for (; is_digit((unsigned char)s[i]); i++) {
			exp = exp * 10 + (s[i] - '0');
			if (++ed > 4)
				return -1;
		}
		if (ed == 0)
			return -1;
		if (eneg)
			exp = -exp;
	}
	while (s[i] == ' ')
		i++;
	if (s[i] != '\0')
		return -1;
	/* digits dig[0..nd) with the point after point digits, times 10^exp */
	pos = point + exp;			/* digits before the point */
	if (pos > MAX_INT_DIGITS)
		return -1;
	/* units: the first pos+scale digits (a negative pos means zeros before them) */
	for (i = 0; (long)i < pos + scale; i++)
		v = v * 10 + (i < nd ? dig[i] - '0' : 0);
	if (pos + scale < 0)
		v = 0;
	else if ((size_t)(pos + scale) < nd)
		round = dig[pos + scale] >= '5';
	if (round)
		v++;
	*units = neg ? -v : v;
	return 0;
}

/* Common currencies, the ones a bare three-letter word in a title may name. */
static const char common_codes[] = "USD EUR GBP BRL CAD AUD NZD CHF JPY MXN ARS CLP COP PEN "
    "UYU PYG BOB SEK NOK DKK PLN CZK HUF INR ZAR CNY HKD SGD MYR IDR";

static int
is_alpha(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

int
stmt_currency_in(const char *s, size_t len, char cur[4])
{
	const struct sym *y;
	size_t	 i, k;
	char	 c4[4];

	for (i = 0; i < len; i++) {
		if (i > 0 && is_alpha((unsigned char)s[i - 1]))
			continue;		/* inside a word */
		if (i + 3 <= len && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] >= 'A' &&
		    s[i + 1] <= 'Z' && s[i + 2] >= 'A' && s[i + 2] <= 'Z' &&
		    (i + 3 == len || !is_alpha((unsigned char)s[i + 3]))) {
			memcpy(c4, s + i, 3);
			c4[3] = '\0';
			if (strstr(common_codes, c4) != NULL) {
				memcpy(cur, c4, 4);
				return 0;
			}
		}
		for (y = syms; y->s != NULL; y++) {
			k = strlen(y->s);
			if (y->code[0] == '\0' || strchr(y->s, '/') != NULL || k > len - i ||
			    memcmp(s + i, y->s, k) != 0)
				continue;
			memcpy(cur, y->code, 4);
			return 0;
		}
	}
	return -1;
}

/* ---- dates ---- */

static const struct month_name {
	const char	*name;
	int		 month;
} months[] = {
	{ "january", 1 }, { "janeiro", 1 }, { "enero", 1 }, { "jan", 1 }, { "ene", 1 },
	{ "february", 2 }, { "fevereiro", 2 }, { "febrero", 2 }, { "feb", 2 }, { "fev", 2 },
	{ "march", 3 }, { "marco", 3 }, { "marzo", 3 }, { "mar", 3 },
	{ "april", 4 }, { "abril", 4 }, { "apr", 4 }, { "abr", 4 },
	{ "may", 5 }, { "maio", 5 }, { "mayo", 5 }, { "mai", 5 },
	{ "june", 6 }, { "junho", 6 }, { "junio", 6 }, { "jun", 6 },
	{ "july", 7 }, { "julho", 7 }, { "julio", 7 }, { "jul", 7 },
	{ "august", 8 }, { "agosto", 8 }, { "aug", 8 }, { "ago", 8 },
	{ "september", 9 }, { "setembro", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
	{ "sept", 9 }, { "sep", 9 }, { "set", 9 },
	{ "october", 10 }, { "outubro", 10 }, { "octubre", 10 }, { "oct", 10 }, { "out", 10 },
	{ "november", 11 }, { "novembro", 11 }, { "noviembre", 11 }, { "nov", 11 },
	{ "december", 12 }, { "dezembro", 12 }, { "diciembre", 12 }, { "dec", 12 }, { "dez", 12 },
	{ "dic", 12 },
	{ NULL, 0 }
};

/* A month's name (ASCII-folded, lower case, at most 15 letters) to 1..12, or 0. */
static int
month_of(const char *w)
{
	const struct month_name *m;

	for (m = months; m->name != NULL; m++)
		if (strcmp(w, m->name) == 0)
			return m->month;
	return 0;
}

#define DATE_MAX_TOK	6

struct dtok {
	long	 num;		/* a number's value, or a month (1..12) for a name */
	int	 ndig;		/* digits of a number; 0 for a month name */
	int	 apos;		/* written after an apostrophe (QIF's 2000s years) */
};

/*
 * Split a date's text into numbers and month names; the time after it (a
 * 'T' or a blank then "hh:mm") is left off. -1 for anything else.
 */
static int
date_tokens(const char *s, size_t len, struct dtok *t, size_t *nt)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 i = 0, n = 0, k;
	int	 apos = 0;

	while (i < len) {
		if (is_digit(u[i])) {
			long	 v = 0;
			int	 nd = 0;

			/* a time "hh:mm" ends the date */
			size_t j = i;
			while (j < len && is_digit(u[j]))
				j++;
			if (j < len && u[j] == ':' && n >= 2)
				break;
			if (n >= DATE_MAX_TOK)
				return -1;
			for (; i < len && is_digit(u[i]); i++) {
				if (++nd > 8)
					return -1;
				v = v * 10 + (u[i] - '0');
			}
			t[n].num = v;
			t[n].ndig = nd;
			t[n].apos = apos;
			apos = 0;
			n++;
		} else if (fold_letter(u + i, len - i, &k) != 0) {
			char	 w[16];
			size_t	 nw = 0;
			int	 c;

			while (i < len && (c = fold_letter(u + i, len - i, &k)) != 0) {
				if (nw + 1 >= sizeof(w))
					return -1;
				w[nw++] = (char)c;
				i += k;
			}
			w[nw] = '\0';
			if (i < len && u[i] == '.')
				i++;
			if (strcmp(w, "de") == 0 || strcmp(w, "del") == 0 || strcmp(w, "of") == 0)
				continue;
			if ((strcmp(w, "t") == 0 && n >= 3) || (n >= 3 && (strcmp(w, "am") == 0 ||
			    strcmp(w, "pm") == 0 || strcmp(w, "h") == 0)))
				break;		/* ISO time, or a time with a word */
			if (n >= DATE_MAX_TOK)
				return -1;
			if ((t[n].num = month_of(w)) == 0)
				return -1;
			t[n].ndig = 0;
			t[n].apos = 0;
			n++;
		} else if (u[i] == '\'') {
			apos = 1;
			i++;
		} else if (u[i] == '/' || u[i] == '-' || u[i] == '.' || u[i] == ',' ||
		    blank_at(s + i, len - i) > 0) {
			i += blank_at(s + i, len - i) > 0 ? blank_at(s + i, len - i) : 1;
		} else
			return -1;
	}
	*nt = n;
	return n >= 2 ? 0 : -1;
}

/* A year as written (2 or 4 digits) to a full one; -1 if neither. */
static long
full_year(const struct dtok *t, long this_year)
{
	if (t->ndig == 4)
		return t->num;
	if (t->ndig == 2 || (t->ndig == 1 && t->apos)) {
		long y = 2000 + t->num;

		return y > this_year + 1 ? y - 100 : y;
	}
	return -1;
}

static int
finish_date(long y, long m, long d, int has_year, long ty, long tm, long td, char out[11])
{
	if (!has_year) {
		y = ty;
		if (m > tm || (m == tm && d > td))
			y--;
	}
	if (!cal_valid_ymd(y, m, d))
		return -1;
	if (out != NULL)
		cal_format(cal_days(y, m, d), out);
	return 0;
}

int
stmt_date(const char *s, size_t len, enum stmt_order order, const char *today, char out[11])
{
	struct dtok t[DATE_MAX_TOK];
	size_t	 n, i, mi = (size_t)-1;
	long	 ty = 2026, tm = 12, td = 31, y, m, d;

	if (today == NULL || cal_parse_ymd(today, &ty, &tm, &td) < 0)
		ty = 2026, tm = 12, td = 31;
	while (len > 0 && (s[0] == ' ' || s[0] == '\t'))
		s++, len--;
	/* YYYYMMDD, with a time after it perhaps (OFX) */
	if (len >= 8) {
		for (i = 0; i < 8 && is_digit((unsigned char)s[i]); i++)
			;
		if (i == 8 && (len == 8 || !is_digit((unsigned char)s[8]) || len >= 14)) {
			y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
			m = (s[4] - '0') * 10 + (s[5] - '0');
			d = (s[6] - '0') * 10 + (s[7] - '0');
			if (y >= 1900 && finish_date(y, m, d, 1, ty, tm, td, out) == 0)
				return 0;
		}
	}
	if (date_tokens(s, len, t, &n) < 0 || n > 3)
		return -1;
	for (i = 0; i < n; i++)
		if (t[i].ndig == 0) {
			if (mi != (size_t)-1)
				return -1;
			mi = i;
		}
	if (mi != (size_t)-1) {
		/* a month by name: "31 Dec 2026", "Dec 31, 2026", "2026 Dec 31", "31 DEC" */
		m = t[mi].num;
		if (n == 2) {
			const struct dtok *o = &t[mi == 0 ? 1 : 0];

			if (o->ndig > 2)
				return -1;
			return finish_date(0, m, o->num, 0, ty, tm, td, out);
		}
		if (mi == 0)
			d = t[1].num, y = full_year(&t[2], ty), i = t[1].ndig <= 2;
		else if (mi == 1 && t[0].ndig == 4)
			y = t[0].num, d = t[2].num, i = t[2].ndig <= 2;
		else if (mi == 1)
			d = t[0].num, y = full_year(&t[2], ty), i = t[0].ndig <= 2;
		else
			return -1;
		if (!i || y < 0)
			return -1;
		return finish_date(y, m, d, 1, ty, tm, td, out);
	}
	if (n == 2) {
		if (t[0].ndig > 2 || t[1].ndig > 2 || order == STMT_YMD)
			return -1;
		if (order == STMT_DMY)
			return finish_date(0, t[1].num, t[0].num, 0, ty, tm, td, out);
		return finish_date(0, t[0].num, t[1].num, 0, ty, tm, td, out);
	}
	if (t[0].ndig == 4) {		/* year first whatever the order */
		if (t[1].ndig > 2 || t[2].ndig > 2)
			return -1;
		return finish_date(t[0].num, t[1].num, t[2].num, 1, ty, tm, td, out);
	}
	if (t[0].ndig > 2 || t[1].ndig > 2)
		return -1;
	if (order == STMT_YMD) {
		if (t[2].ndig > 2 || (y = full_year(&t[0], ty)) < 0)
			return -1;
		return finish_date(y, t[1].num, t[2].num, 1, ty, tm, td, out);
	}
	if ((y = full_year(&t[2], ty)) < 0)
		return -1;
	if (order == STMT_DMY)
		return finish_date(y, t[1].num, t[0].num, 1, ty, tm, td, out);
	return finish_date(y, t[0].num, t[1].num, 1, ty, tm, td, out);
}

int
stmt_is_date(const char *s, size_t len, enum stmt_order order, const char *today)
{
	return stmt_date(s, len, order, today, NULL) == 0;
}

int
stmt_serial_date(int64_t serial, int date1904, char out[11])
{
	long	 z;

	if (serial < 1 || serial > 200000)
		return -1;
	if (date1904)
		z = cal_days(1904, 1, 1) + (long)serial;
	else if (serial == 60)
		return -1;		/* Lotus's 1900-02-29, a day that never was */
	else if (serial < 60)
		z = cal_days(1899, 12, 31) + (long)serial;
	else
		z = cal_days(1899, 12, 30) + (long)serial;
	cal_format(z, out);
	return cal_valid(out) ? 0 : -1;
}

/* ---- the last touches ---- */

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Open addressing over row indexes + 1 (0 empty); 1 if id was there, else it is added. */
static int
seen(const struct stmt_result *r, size_t *tab, size_t mask, const char *id, size_t idx)
{
	size_t	 h = (size_t)hash_str(id) & mask;

	while (tab[h] != 0) {
		if (strcmp(r->rows[tab[h] - 1].external_id, id) == 0)
			return 1;
		h = (h + 1) & mask;
	}
	tab[h] = idx + 1;
	return 0;
}

static int
unique_ids(struct stmt_result *r, struct pool *pool)
{
	size_t	 i, size = 16, *tab, k;
	char	 id[sizeof(r->rows[0].external_id)], suffix[24];

	while (size < r->nrows * 2 + 2)
		size *= 2;
	if ((tab = pool_alloc(pool, size * sizeof(*tab))) == NULL)
		return STMT_NOMEM;
	memset(tab, 0, size * sizeof(*tab));
	for (i = 0; i < r->nrows; i++) {
		char *e = r->rows[i].external_id;

		if (e[0] == '\0' || !seen(r, tab, size - 1, e, i))
			continue;
		for (k = 2; ; k++) {
			size_t	 sl, el;

			snprintf(suffix, sizeof(suffix), "#%zu", k);
			sl = strlen(suffix);
			el = strlen(e);
			if (el + sl >= sizeof(id)) {
				el = sizeof(id) - 1 - sl;
				/* cut between characters, never inside one (the fuzzer) */
				while (el > 0 && ((unsigned char)e[el] & 0xc0) == 0x80)
					el--;
			}
			memcpy(id, e, el);
			memcpy(id + el, suffix, sl + 1);
			/* the row's own slot holds the old id until it is replaced */
			{
				char keep[sizeof(id)];

				memcpy(keep, e, sizeof(keep));
				memcpy(e, id, sizeof(id));
				if (!seen(r, tab, size - 1, e, i))
					break;
				memcpy(e, keep, sizeof(keep));
			}
		}
	}
	return STMT_OK;
}

int
stmt_finish(struct stmt_result *r, struct pool *pool, const char *what)
{
	size_t	 i;
	const char *cur = NULL;
	int	 same = 1;

	if (r->nrows == 0) {
		if (r->nrejects > 0)
			return stmt_fail(r, STMT_NOTABLE, "no %s row could be read (row %zu: %s)",
			    what, r->rejects[0].line, r->rejects[0].message);
		return stmt_fail(r, STMT_NOTABLE, "no transactions found in the %s", what);
	}
	for (i = 0; i < r->nrows; i++) {
		if (r->rows[i].currency[0] == '\0')
			continue;
		if (cur == NULL)
			cur = r->rows[i].currency;
		else if (strcmp(cur, r->rows[i].currency) != 0)
			same = 0;
	}
	if (r->currency[0] == '\0' && cur != NULL && same)
		memcpy(r->currency, cur, 4);
	if (unique_ids(r, pool) != STMT_OK)
		return stmt_fail(r, STMT_NOMEM, "out of memory");
	return STMT_OK;
}
