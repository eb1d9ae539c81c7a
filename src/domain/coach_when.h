/*
 * coach_when.h: the dates a message to the local coach names, in English,
 * Portuguese or Spanish: named periods ("last week", "no mês passado"),
 * months and years ("in November", "em março de 2025", "en 2025"), days
 * ("on November 5", "no dia 5"), ranges ("from March to May", "entre 1 e 15
 * de novembro", "entre el 1 y el 15"), "since March", "the last 14 days",
 * weekends, "next month". Read from the folded words (coach_match.h); a
 * month or day said without its year is the latest one up to today, or,
 * for a question about the future ("can I afford it in December?"), the
 * next one from today. The prefix is cw_.
 */
#ifndef OZ_COACH_WHEN_H
#define OZ_COACH_WHEN_H

#include <stddef.h>

#include "domain/calendar.h"
#include "domain/coach_match.h"

#define CW_MAX		2	/* periods kept from one message */
#define CW_WORD_MAX	24

enum cw_how {
	CW_NAMED,	/* a period of calendar.h: "last week" */
	CW_MONTH,	/* a calendar month: "in November" */
	CW_YEAR,	/* a calendar year: "in 2025" */
	CW_DAY,		/* one day: "on November 5" */
	CW_RANGE,	/* from a day to a day: "from March to May" */
	CW_LAST_DAYS	/* the last n days, to today: "the last 2 weeks" */
};

struct cw_period {
	enum cw_how	 how;
	enum cal_period	 named;		/* CW_NAMED */
	long		 y, m;		/* CW_MONTH (y, m), CW_YEAR (y) */
	long		 from, to;	/* day numbers, inclusive, as said: to may be after today */
	size_t		 at;		/* the first word it was read from */
};

struct cw_when {
	struct cw_period p[CW_MAX];	/* in the order the message says them */
	size_t		 n;
	char		 unread[CW_WORD_MAX];	/* a time word not understood ("summer"), or "" */
};

/*
 * The periods w names around day today (ahead: a month or day without a
 * year is the next one, else the latest one). out->n is 0 when it names
 * none.
 */
void	cw_parse(const struct cm_words *w, long today, int ahead, struct cw_when *out);
/* 1 if w names a period at all. */
int	cw_said(const struct cm_words *w);
/* A named period as a cw_period around today. */
void	cw_named(enum cal_period p, long today, struct cw_period *out);
/* The month y-m as a cw_period. */
void	cw_month(long y, long m, struct cw_period *out);

#endif
