/*
 * coach_when.c: the dates a message names (coach_when.h). The message is
 * read as folded words; each reader below finds its kind of date in words
 * no earlier reader took, in this order: ranges ("from March to May"),
 * "since March", named periods (coach_match.c's table), "the last 14 days",
 * weekends, next month or year, a day ("no dia 5"), then months, days and
 * years ("em 5 de março de 2025"). Nothing here allocates.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/coach_match.h"
#include "domain/coach_when.h"

#define MAX_FOUND	8

/* A date as said: 0 for a part not said. */
struct atom {
	long	 d, m, y;
};

struct scan {
	const struct cm_words	*w;
	long			 today, ty, tm, td;
	int			 ahead;
	unsigned char		 used[CM_MAX_WORDS];
	struct cw_period	 found[MAX_FOUND];
	size_t			 nfound;
	int			 last_year, this_year;	/* "of last year" said beside a month */
};

/* Month names, folded; abbreviations (and "may") need a day or a preposition beside them. */
static const struct month_word {
	const char	*w;
	int		 m;
	int		 needs_ctx;
} month_words[] = {
	{ "january", 1, 0 }, { "janeiro", 1, 0 }, { "enero", 1, 0 }, { "jan", 1, 1 },
	{ "february", 2, 0 }, { "fevereiro", 2, 0 }, { "febrero", 2, 0 }, { "feb", 2, 1 },
	{ "fev", 2, 1 }, { "march", 3, 0 }, { "marco", 3, 0 }, { "marzo", 3, 0 },
	{ "mar", 3, 1 }, { "april", 4, 0 }, { "abril", 4, 0 }, { "apr", 4, 1 },
	{ "abr", 4, 1 }, { "may", 5, 1 }, { "maio", 5, 0 }, { "mayo", 5, 0 },
	{ "june", 6, 0 }, { "junho", 6, 0 }, { "junio", 6, 0 }, { "jun", 6, 1 },
	{ "july", 7, 0 }, { "julho", 7, 0 }, { "julio", 7, 0 }, { "jul", 7, 1 },
	{ "august", 8, 0 }, { "agosto", 8, 0 }, { "aug", 8, 1 },
	{ "september", 9, 0 }, { "setembro", 9, 0 }, { "septiembre", 9, 0 },
	{ "setiembre", 9, 0 }, { "sep", 9, 1 }, { "sept", 9, 1 },
	{ "october", 10, 0 }, { "outubro", 10, 0 }, { "octubre", 10, 0 }, { "oct", 10, 1 },
	{ "november", 11, 0 }, { "novembro", 11, 0 }, { "noviembre", 11, 0 }, { "nov", 11, 1 },
	{ "december", 12, 0 }, { "dezembro", 12, 0 }, { "diciembre", 12, 0 }, { "dec", 12, 1 },
};

/* Words before a month that make an abbreviation a month: "in may", "since dec". */
#define MONTH_CTX "in|of|since|from|until|till|through|during|early|late|mid|last|next|em|" \
	"de|desde|ate|en|del|hasta|durante|between|entre|to|al|and"
#define FROM_WORDS "from|between|de|do|da|desde|del|entre"
#define TO_WORDS "to|until|till|through|thru|and|a|ate|e|al|hasta|y"
#define ARTICLE "the|el|o|dia|day|los|os"
/* Time words no reader understands: said so, never guessed. */
#define UNREAD_WORDS "summer|winter|spring|autumn|verao|inverno|outono|verano|invierno|" \
	"otono|christmas|xmas|natal|navidad|easter|pascoa|pascua|carnaval|carnival|" \
	"thanksgiving|feriado|feriados|holidays|holiday|quarter|quarters|trimestre|trimestres|" \
	"quincena|quincenas|quinzena|quinzenas|fortnight|semester|semestre|bimestre"

static const char *
word(const struct scan *s, size_t i, size_t *len)
{
	*len = s->w->len[i];
	return s->w->text + s->w->off[i];
}

/* Word i as a number of at most maxdig digits, with an ordinal suffix when ord; else -1. */
static long
number_at(const struct scan *s, size_t i, size_t maxdig, int ord)
{
	const char	*p;
	size_t		 len, k, nd = 0;
	long		 v = 0;

	if (i >= s->w->n)
		return -1;
	p = word(s, i, &len);
	for (k = 0; k < len && p[k] >= '0' && p[k] <= '9'; k++, nd++)
		v = v * 10 + (p[k] - '0');
	if (nd == 0 || nd > maxdig)
		return -1;
	if (k < len && !(ord && len - k == 2 && (memcmp(p + k, "st", 2) == 0 ||
	    memcmp(p + k, "nd", 2) == 0 || memcmp(p + k, "rd", 2) == 0 ||
	    memcmp(p + k, "th", 2) == 0)))
		return -1;
	return v;
}

static long
day_at(const struct scan *s, size_t i)
{
	long d = number_at(s, i, 2, 1);

	/* "the 3rd week of October" is no day */
	if (cm_word_is(s->w, i + 1, "week|weeks|semana|semanas|quincena|quinzena|fortnight"))
		return -1;
	return d >= 1 && d <= 31 ? d : -1;
}

static long
year_at(const struct scan *s, size_t i)
{
	long y = number_at(s, i, 4, 0);

	return y >= 1990 && y <= 2100 ? y : -1;
}

/* The month word i names (1..12), or 0; after_day: a day was just said ("5 may"). */
static int
month_at(const struct scan *s, size_t i, int after_day)
{
	const char	*p;
	size_t		 len, k;

	if (i >= s->w->n)
		return 0;
	p = word(s, i, &len);
	for (k = 0; k < sizeof(month_words) / sizeof(month_words[0]); k++) {
		const struct month_word *m = &month_words[k];

		if (strlen(m->w) != len || memcmp(m->w, p, len) != 0)
			continue;
		if (m->needs_ctx && !after_day && !(i > 0 && cm_word_is(s->w, i - 1, MONTH_CTX)) &&
		    day_at(s, i + 1) < 0 && year_at(s, i + 1) < 0)
			return 0;
		return m->m;
	}
	return 0;
}

static int
is_free(const struct scan *s, size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to && i < s->w->n; i++)
		if (s->used[i])
			return 0;
	return to <= s->w->n;
}

/*
 * A date from word i: "5 de março de 2025", "march 5, 2025", "november",
 * "2025". The word after it, or 0 when there is none.
 */
static size_t
atom_at(const struct scan *s, size_t i, struct atom *a)
{
	size_t	 j = i, k;
	long	 v;
	int	 m;

	memset(a, 0, sizeof(*a));
	if ((v = day_at(s, j)) > 0) {
		k = j + 1;
		if (cm_word_is(s->w, k, "of|de|del"))
			k++;
		if ((m = month_at(s, k, 1)) == 0)
			return 0;
		a->d = v;
		a->m = m;
		j = k + 1;
	} else if ((m = month_at(s, j, 0)) > 0) {
		a->m = m;
		j++;
		if ((v = day_at(s, j)) > 0 && month_at(s, j + 1, 1) == 0) {
			a->d = v;
			j++;
		}
	} else if ((v = year_at(s, j)) > 0) {
		a->y = v;
		return j + 1;
	} else
		return 0;
	if ((v = year_at(s, j)) > 0) {
		a->y = v;
		j++;
	} else if (cm_word_is(s->w, j, "of|de|del") && (v = year_at(s, j + 1)) > 0) {
		a->y = v;
		j += 2;
	}
	return j;
}

/* One end of a range: a date, or a day alone ("o dia 1", "the 15th"). */
static size_t
side_at(const struct scan *s, size_t i, struct atom *a)
{
	size_t	 j;
	long	 d;

	if (cm_word_is(s->w, i, ARTICLE))
		i++;
	if (cm_word_is(s->w, i, "dia|day"))
		i++;
	if ((j = atom_at(s, i, a)) > 0)
		return j;
	if ((d = day_at(s, i)) < 0)
		return 0;
	memset(a, 0, sizeof(*a));
	a->d = d;
	return i + 1;
}

static long
clamp_day(long y, long m, long d)
{
	int last = cal_month_days(y, m);

	return d > last ? last : d;
}

/* The year of a month (and day) said without one: the latest up to today, or the next. */
static long
year_for(const struct scan *s, long m, long d)
{
	long	 y = s->ty;
	long	 dd = d > 0 ? d : 1;

	if (s->last_year)
		return s->ty - 1;
	if (s->this_year)
		return s->ty;
	if (!s->ahead && (m > s->tm || (m == s->tm && dd > s->td)))
		return y - 1;
	if (s->ahead && (m < s->tm || (m == s->tm && d > 0 && d < s->td)))
		return y + 1;
	return y;
}

static void
add(struct scan *s, const struct cw_period *p, size_t at, size_t end)
{
	size_t i;

	if (s->nfound >= MAX_FOUND)
		return;
	s->found[s->nfound] = *p;
	s->found[s->nfound++].at = at;
	for (i = at; i < end && i < s->w->n; i++)
		s->used[i] = 1;
}

/* A date alone into a period: a year, a month or a day. */
static void
atom_period(const struct scan *s, const struct atom *a, struct cw_period *p)
{
	long	 y;

	memset(p, 0, sizeof(*p));
	if (a->m == 0) {
		p->how = CW_YEAR;
		p->y = a->y;
		p->from = cal_days(a->y, 1, 1);
		p->to = cal_days(a->y, 12, 31);
		return;
	}
	y = a->y ? a->y : year_for(s, a->m, a->d);
	if (a->d == 0) {
		cw_month(y, a->m, p);
		return;
	}
	p->how = CW_DAY;
	p->from = p->to = cal_days(y, a->m, clamp_day(y, a->m, a->d));
}

/* A day of the month alone ("no dia 5"): this month's, or the one before (after) it. */
static long
day_of_month(const struct scan *s, long d)
{
	long	 y = s->ty, m = s->tm;

	if (!s->ahead && d > s->td) {
		m = m == 1 ? 12 : m - 1;
		y = s->tm == 1 ? y - 1 : y;
	} else if (s->ahead && d < s->td) {
		m = m == 12 ? 1 : m + 1;
		y = s->tm == 12 ? y + 1 : y;
	}
	return cal_days(y, m, clamp_day(y, m, d));
}

/* The days between two ends of a range, the parts one leaves out taken from the other. */
static void
range_days(const struct scan *s, struct atom a, struct atom b, long *from, long *to)
{
	long	 yb, mb;

	if (b.m == 0 && b.y == 0) {
		b.m = a.m;
		b.y = a.y;
	}
	if (b.m == 0 && b.y > 0) {			/* "from 2024 to 2025" */
		*to = cal_days(b.y, 12, 31);
	} else if (b.m == 0) {				/* two days alone: this month */
		*to = day_of_month(s, b.d > 0 ? b.d : 1);
		if (a.d > 0 && a.d > b.d)
			*to = day_of_month(s, b.d);
	} else {
		yb = b.y ? b.y : year_for(s, b.m, b.d);
		*to = cal_days(yb, b.m, b.d ? clamp_day(yb, b.m, b.d) : cal_month_days(yb, b.m));
	}
	cal_date(*to, &yb, &mb, &(long){ 0 });
	if (a.m == 0 && a.y > 0) {
		*from = cal_days(a.y, 1, 1);
		return;
	}
	if (a.m == 0)
		a.m = mb;
	if (a.y == 0)
		a.y = a.m > mb || (a.m == mb && a.d > 0 && b.d > 0 && a.d > b.d) ? yb - 1 : yb;
	*from = cal_days(a.y, a.m, a.d ? clamp_day(a.y, a.m, a.d) : 1);
}

/* "from March to May", "entre 1 e 15 de novembro", "entre el 1 y el 15". */
static void
find_ranges(struct scan *s)
{
	struct cw_period p;
	struct atom	 a, b;
	size_t		 i, j, k;

	for (i = 0; i < s->w->n; i++) {
		if (!cm_word_is(s->w, i, FROM_WORDS) || !is_free(s, i, i + 1))
			continue;
		if ((j = side_at(s, i + 1, &a)) == 0 || !cm_word_is(s->w, j, TO_WORDS) ||
		    (k = side_at(s, j + 1, &b)) == 0 || !is_free(s, i, k))
			continue;
		if (a.m == 0 && a.y == 0 && b.m == 0 && b.y == 0 &&
		    cm_word_is(s->w, i, "de|do|da"))
			continue;
		memset(&p, 0, sizeof(p));
		p.how = CW_RANGE;
		range_days(s, a, b, &p.from, &p.to);
		if (p.from > p.to)
			continue;
		add(s, &p, i, k);
		i = k - 1;
	}
}

/* "since March", "desde marzo", "a partir de 5 de março", "from March" (with no end). */
static void
find_since(struct scan *s)
{
	struct cw_period p;
	struct atom	 a;
	size_t		 i, j, start;

	for (i = 0; i < s->w->n; i++) {
		start = i;
		if (cm_word_is(s->w, i, "a") && cm_word_is(s->w, i + 1, "partir") &&
		    cm_word_is(s->w, i + 2, "de|del"))
			i += 2;
		else if (!cm_word_is(s->w, i, "since|desde|starting|from"))
			continue;
		if (!is_free(s, start, i + 1) || (j = side_at(s, i + 1, &a)) == 0 ||
		    !is_free(s, i + 1, j) || (a.m == 0 && a.y == 0 &&
		    cm_word_is(s->w, start, "from|starting")))
			continue;
		if (a.m == 0 && a.y == 0) {
			memset(&p, 0, sizeof(p));
			p.from = day_of_month(s, a.d);
		} else
			atom_period(s, &a, &p);
		p.how = CW_RANGE;
		p.to = s->today;
		if (p.from > p.to)
			continue;
		add(s, &p, start, j);
		i = j - 1;
	}
}

static void
find_named(struct scan *s)
{
	struct cw_period p;
	enum cal_period	 np;
	size_t		 from = 0, at, end;

	while (cm_period_from(s->w, from, &np, &at, &end)) {
		from = at + 1;
		if (!is_free(s, at, end))
			continue;
		cw_named(np, s->today, &p);
		add(s, &p, at, end);
	}
}

/* "the last 14 days", "nos últimos 2 meses", "las últimas 3 semanas". */
static void
find_last_n(struct scan *s)
{
	struct cw_period p;
	size_t		 i, j;
	long		 n;

	for (i = 0; i + 2 < s->w->n; i++) {
		if (!cm_word_is(s->w, i, "last|past|ultimos|ultimas|previous"))
			continue;
		j = i + 1;
		if ((n = number_at(s, j, 3, 0)) < 1 || n > 730 || !is_free(s, i, j + 2))
			continue;
		memset(&p, 0, sizeof(p));
		p.how = CW_LAST_DAYS;
		p.to = s->today;
		if (cm_word_is(s->w, j + 1, "day|days|dia|dias"))
			p.from = s->today - (n - 1);
		else if (cm_word_is(s->w, j + 1, "week|weeks|semana|semanas"))
			p.from = s->today - (7 * n - 1);
		else if (cm_word_is(s->w, j + 1, "month|months|mes|meses"))
			p.from = cal_add_months(s->today, -n) + 1;
		else if (cm_word_is(s->w, j + 1, "year|years|ano|anos"))
			p.from = cal_add_months(s->today, -12 * n) + 1;
		else
			continue;
		add(s, &p, i, j + 2);
	}
}

static const struct {
	const char	*pat;
	int		 what;		/* 0 last weekend, 1 this weekend, 2 next month, 3 next year, 4 day before yesterday */
} rel_words[] = {
	{ "last|past weekend", 0 }, { "fim|final de semana passado", 0 },
	{ "ultimo fim|final de semana", 0 }, { "fin de semana pasado", 0 },
	{ "ultimo fin de semana", 0 }, { "this weekend", 1 },
	{ "este|neste|nesse|esse fim|final de semana", 1 }, { "este fin de semana", 1 },
	{ "next month", 2 }, { "proximo mes", 2 }, { "mes que vem", 2 },
	{ "mes que viene", 2 }, { "next year", 3 }, { "proximo ano", 3 },
	{ "ano que vem", 3 }, { "ano que viene", 3 }, { "day before yesterday", 4 },
	{ "anteontem|anteayer", 4 }, { "antes de ontem|ayer", 4 },
};

static void
find_relative(struct scan *s)
{
	struct cw_period p;
	size_t		 i, at, end;
	long		 dow = cal_weekday(s->today);

	for (i = 0; i < sizeof(rel_words) / sizeof(rel_words[0]); i++) {
		if (!cm_find_from(s->w, 0, rel_words[i].pat, &at, &end) || !is_free(s, at, end))
			continue;
		memset(&p, 0, sizeof(p));
		p.how = CW_RANGE;
		switch (rel_words[i].what) {
		case 0:
			p.from = s->today - dow - 2;
			p.to = s->today - dow - 1;
			break;
		case 1:
			p.from = s->today - dow + 5;
			p.to = s->today - dow + 6;
			break;
		case 2:
			cw_month(s->tm == 12 ? s->ty + 1 : s->ty, s->tm == 12 ? 1 : s->tm + 1, &p);
			break;
		case 3:
			p.how = CW_YEAR;
			p.y = s->ty + 1;
			p.from = cal_days(p.y, 1, 1);
			p.to = cal_days(p.y, 12, 31);
			break;
		default:
			p.how = CW_DAY;
			p.from = p.to = s->today - 2;
			break;
		}
		add(s, &p, at, end);
	}
}

/* "no dia 5", "day 12", "on the 3rd", "el día 7": a day of this month. */
static void
find_day(struct scan *s)
{
	struct cw_period p;
	size_t		 i;
	long		 d;

	for (i = 0; i + 1 < s->w->n; i++) {
		int ord = cm_word_is(s->w, i, "the") &&
		    number_at(s, i + 1, 2, 1) > 0 && number_at(s, i + 1, 2, 0) < 0;

		if ((!cm_word_is(s->w, i, "dia|day") && !ord) || (d = day_at(s, i + 1)) < 0 ||
		    month_at(s, i + 2, 1) > 0 || cm_word_is(s->w, i + 2, "of|de|del") ||
		    !is_free(s, i, i + 2))
			continue;
		memset(&p, 0, sizeof(p));
		p.how = CW_DAY;
		p.from = p.to = day_of_month(s, d);
		add(s, &p, i, i + 2);
	}
}

/* Months, days and years said alone: "em novembro", "5 de março", "in 2025". */
static void
find_atoms(struct scan *s)
{
	struct cw_period p;
	struct atom	 a;
	size_t		 i, j;

	for (i = 0; i < s->w->n; i++) {
		if (!is_free(s, i, i + 1) || (j = atom_at(s, i, &a)) == 0 || !is_free(s, i, j))
			continue;
		/* a year alone must be said as one: "in 2025", "de 2025", "2025's" */
		if (a.m == 0 && !(i > 0 && cm_word_is(s->w, i - 1, "in|em|en|during|durante|of|"
		    "de|do|del|for|para|no|year|ano|el|o|since|desde")))
			continue;
		atom_period(s, &a, &p);
		add(s, &p, i, j);
		i = j - 1;
	}
}

void
cw_named(enum cal_period np, long today, struct cw_period *p)
{
	memset(p, 0, sizeof(*p));
	p->how = CW_NAMED;
	p->named = np;
	cal_period_range(np, today, &p->from, &p->to);
}

void
cw_month(long y, long m, struct cw_period *p)
{
	memset(p, 0, sizeof(*p));
	p->how = CW_MONTH;
	p->y = y;
	p->m = m;
	cal_month_range(y, m, &p->from, &p->to);
}

static void
unread_word(const struct cm_words *w, char *out, size_t outlen)
{
	size_t	 at, end, len;
	int	 found = 0;

	out[0] = '\0';
	/* "the 3rd week of October", "a segunda semana": a week of a month */
	for (at = 0; at + 1 < w->n && !found; at++)
		found = ((w->text[w->off[at]] >= '0' && w->text[w->off[at]] <= '9') ||
		    cm_word_is(w, at, "first|second|third|fourth|primeira|segunda|terceira|quarta|"
		    "primera|tercera|cuarta")) && cm_word_is(w, at + 1, "week|semana");
	if (!found && !cm_find_from(w, 0, UNREAD_WORDS, &at, &end))
		return;
	/* found: at is the week, said with its ordinal ("3rd week") */
	end = w->off[at] + w->len[at];
	if (found)
		at--;
	len = end - w->off[at] < outlen - 1 ? end - w->off[at] : outlen - 1;
	memcpy(out, w->text + w->off[at], len);
	out[len] = '\0';
}

/*
 * "em março do ano passado", "in March this year": the year of the months
 * said beside it, not a period of its own.
 */
static void
year_beside_month(struct scan *s)
{
	enum cal_period	 np;
	size_t		 from = 0, at, end, k;
	int		 month_near;

	while (cm_period_from(s->w, from, &np, &at, &end)) {
		from = at + 1;
		if (np != CAL_LAST_YEAR && np != CAL_THIS_YEAR)
			continue;
		month_near = 0;
		for (k = at > 4 ? at - 4 : 0; k < end + 4 && k < s->w->n; k++)
			month_near |= (k < at || k >= end) && month_at(s, k, 0) > 0;
		if (!month_near)
			continue;
		s->last_year = np == CAL_LAST_YEAR;
		s->this_year = np == CAL_THIS_YEAR;
		for (k = at; k < end; k++)
			s->used[k] = 1;
	}
}

void
cw_parse(const struct cm_words *w, long today, int ahead, struct cw_when *out)
{
	struct scan	 s;
	size_t		 i, j;

	memset(out, 0, sizeof(*out));
	memset(&s, 0, sizeof(s));
	s.w = w;
	s.today = today;
	s.ahead = ahead;
	cal_date(today, &s.ty, &s.tm, &s.td);
	year_beside_month(&s);
	find_ranges(&s);
	find_since(&s);
	find_relative(&s);
	find_named(&s);
	find_last_n(&s);
	find_day(&s);
	find_atoms(&s);
	/* in the order said */
	for (i = 0; i < s.nfound; i++) {
		size_t best = i;

		for (j = i + 1; j < s.nfound; j++)
			if (s.found[j].at < s.found[best].at)
				best = j;
		if (best != i) {
			struct cw_period t = s.found[i];

			s.found[i] = s.found[best];
			s.found[best] = t;
		}
		if (out->n < CW_MAX)
			out->p[out->n++] = s.found[i];
	}
	unread_word(w, out->unread, sizeof(out->unread));
}

int
cw_said(const struct cm_words *w)
{
	struct cw_when	 wh;

	cw_parse(w, cal_days(2000, 6, 15), 0, &wh);
	return wh.n > 0;
}
