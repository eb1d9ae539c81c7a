/* recurring.c: payments that come back (recurring.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/recurring.h"

#define LOOK_BACK	12	/* payments of a merchant weighed: the latest */
#define TYPICAL_OF	6	/* the typical amount: median of the latest */

static const struct {
	const char	*name;
	long		 days, tolerance;
	size_t		 min_gaps;	/* gaps that must fit: 2 is three payments */
} cadences[] = {
	[REC_WEEKLY] = { "weekly", 7, 2, 2 },
	[REC_BIWEEKLY] = { "biweekly", 14, 3, 2 },
	[REC_MONTHLY] = { "monthly", 30, 5, 2 },
	[REC_QUARTERLY] = { "quarterly", 91, 10, 1 },
	[REC_YEARLY] = { "yearly", 365, 15, 1 },
};
#define NCADENCES	(sizeof(cadences) / sizeof(cadences[0]))

const char *
rec_cadence_name(enum rec_cadence c)
{
	return (unsigned)c < NCADENCES ? cadences[c].name : "monthly";
}

static int
by_key_day(const void *a, const void *b)
{
	const struct rec_payment *x = a, *y = b;
	int	 r = strcmp(x->key ? x->key : "", y->key ? y->key : "");

	if (r != 0)
		return r;
	return x->day < y->day ? -1 : x->day > y->day;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int64_t
median(const int64_t *v, size_t n)
{
	int64_t	 s[LOOK_BACK];
	size_t	 i;

	for (i = 0; i < n; i++)
		s[i] = v[i];
	qsort(s, n, sizeof(s[0]), cmp_i64);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2] + 1) / 2;
}

static int64_t
per_month(int64_t typical, enum rec_cadence c)
{
	switch (c) {
	case REC_WEEKLY:
		return (typical * 52 + 6) / 12;
	case REC_BIWEEKLY:
		return (typical * 26 + 6) / 12;
	case REC_QUARTERLY:
		return (typical + 1) / 3;
	case REC_YEARLY:
		return (typical + 6) / 12;
	default:
		return typical;
	}
}

static long
next_after(long last, enum rec_cadence c)
{
	switch (c) {
	case REC_MONTHLY:
		return cal_add_months(last, 1);
	case REC_QUARTERLY:
		return cal_add_months(last, 3);
	case REC_YEARLY:
		return cal_add_months(last, 12);
	default:
		return last + cadences[c].days;
	}
}

/* 1 and *s filled if the payments days/amounts (n, oldest first) recur. */
static int
series_of(const long *days, const int64_t *amounts, size_t n, long today, struct rec_series *s)
{
	size_t	 c, best = NCADENCES, fit, bestfit = 0, i, close = 0;
	int64_t	 med;
	long	 gap;

	if (n < 2)
		return 0;
	for (c = 0; c < NCADENCES; c++) {
		for (fit = 0, i = 1; i < n; i++) {
			gap = days[i] - days[i - 1];
			fit += gap >= cadences[c].days - cadences[c].tolerance &&
			    gap <= cadences[c].days + cadences[c].tolerance;
		}
		if (fit >= cadences[c].min_gaps && 3 * fit >= 2 * (n - 1) && fit > bestfit) {
			best = c;
			bestfit = fit;
		}
	}
	if (best == NCADENCES)
		return 0;
	med = median(amounts, n);
	for (i = 0; i < n; i++)
		close += 4 * (amounts[i] > med ? amounts[i] - med : med - amounts[i]) <= med;
	if (3 * close < 2 * n)
		return 0;
	s->cadence = (enum rec_cadence)best;
	s->first = days[0];
	s->last = days[n - 1];
	s->next = next_after(s->last, s->cadence);
	/* overdue by more than a cadence: it stopped */
	if (today - s->next > cadences[best].days)
		return 0;
	s->typical = median(amounts + (n > TYPICAL_OF ? n - TYPICAL_OF : 0),
	    n > TYPICAL_OF ? TYPICAL_OF : n);
	s->monthly = per_month(s->typical, s->cadence);
	s->count = n;
	return 1;
}

static int
by_monthly(const void *a, const void *b)
{
	const struct rec_series *x = a, *y = b;

	if (x->monthly != y->monthly)
		return x->monthly > y->monthly ? -1 : 1;
	return strcmp(x->key, y->key);
}

size_t
recurring_find(struct rec_payment *p, size_t n, long today, struct rec_series *out,
    size_t max)
{
	long	 days[LOOK_BACK];
	int64_t	 amounts[LOOK_BACK];
	size_t	 i, j, k, m, found = 0;
	struct rec_series s;

	if (p == NULL || out == NULL || max == 0)
		return 0;
	if (n > REC_MAX_PAYMENTS)
		n = REC_MAX_PAYMENTS;
	qsort(p, n, sizeof(*p), by_key_day);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n &&
		    strcmp(p[i].key ? p[i].key : "", p[j].key ? p[j].key : "") == 0; j++)
			;
		if (p[i].key == NULL || p[i].key[0] == '\0')
			continue;
		/* the latest LOOK_BACK days, payments of one day as one */
		m = 0;
		for (k = j; k > i && m < LOOK_BACK; k--) {
			if (m > 0 && days[LOOK_BACK - m] == p[k - 1].day) {
				amounts[LOOK_BACK - m] += p[k - 1].amount;
				continue;
			}
			m++;
			days[LOOK_BACK - m] = p[k - 1].day;
			amounts[LOOK_BACK - m] = p[k - 1].amount;
		}
		memset(&s, 0, sizeof(s));
		if (!series_of(days + LOOK_BACK - m, amounts + LOOK_BACK - m, m, today, &s))
			continue;
		snprintf(s.key, sizeof(s.key), "%s", p[j - 1].key);
		snprintf(s.name, sizeof(s.name), "%s", p[j - 1].name && p[j - 1].name[0] ?
		    p[j - 1].name : p[j - 1].key);
		s.category = p[j - 1].category;
		if (found < max)
			out[found++] = s;
		else if (by_monthly(&s, &out[max - 1]) < 0)
			out[max - 1] = s;
		else
			continue;
		qsort(out, found, sizeof(*out), by_monthly);
	}
	return found;
}
