/*
 * recurring.h: payments that come back (rent, a phone bill, a streaming
 * subscription, a gym), found in a user's history: the same merchant at a
 * steady cadence for a similar amount. Pure C on plain arrays: no I/O, no
 * allocation, no floating point, no clock (today is an input).
 *
 * A merchant recurs when at least three of its payments (two for a
 * quarterly or yearly cadence) are spaced by one cadence within its
 * tolerance for at least two thirds of the gaps between them: weekly 7 ± 2
 * days, biweekly 14 ± 3, monthly 30 ± 5 (a calendar month), quarterly 91 ±
 * 10, yearly 365 ± 15; and when at least two thirds of its amounts lie
 * within 25% of their median (a bill that varies, like electricity, still
 * recurs; a shop visited now and then does not). A series whose next
 * payment is overdue by more than one cadence has stopped and is left out.
 * The typical amount is the median of the last (at most) six payments; the
 * next date is the last plus one cadence (a monthly one keeps its day of
 * the month, clamped to the month's length).
 */
#ifndef OZ_RECURRING_H
#define OZ_RECURRING_H

#include <stddef.h>
#include <stdint.h>

#define REC_MAX_PAYMENTS	2000	/* payments looked at, most recent kept */
#define REC_KEY_MAX		64

enum rec_cadence { REC_WEEKLY, REC_BIWEEKLY, REC_MONTHLY, REC_QUARTERLY, REC_YEARLY };

/* One payment of the history: a day number (calendar.h), its merchant key and amount. */
struct rec_payment {
	long		 day;
	int64_t		 amount;		/* minor units, > 0 */
	const char	*key;			/* merchant key; "" or NULL: not looked at */
	const char	*name;			/* what to call it (a canonical merchant, or a description) */
	int		 category;		/* enum category of the payment */
};

struct rec_series {
	char		 key[REC_KEY_MAX];
	char		 name[REC_KEY_MAX];
	int		 category;
	enum rec_cadence cadence;
	int64_t		 typical;		/* median of the last payments */
	int64_t		 monthly;		/* what it costs a month: typical x 52/12, x 26/12, x 1, /3, /12 */
	long		 first, last, next;	/* day numbers */
	size_t		 count;
};

/* "weekly", "biweekly", "monthly", "quarterly", "yearly". */
const char	*rec_cadence_name(enum rec_cadence c);

/*
 * The recurring series among the n payments (in any order; the array is
 * sorted in place, by key then day), as of today, into out (at most max,
 * the largest monthly cost first). Returns how many were found (0..max).
 */
size_t	recurring_find(struct rec_payment *p, size_t n, long today, struct rec_series *out,
	    size_t max);

#endif
