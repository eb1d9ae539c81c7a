/*
 * calendar.h: the one calendar of the tree. Proleptic Gregorian dates as day
 * numbers (days since 1970-01-01), "YYYY-MM-DD" text, "today" in UTC, and the
 * named periods the coach and the tools speak of.
 */
#ifndef OZ_CALENDAR_H
#define OZ_CALENDAR_H

#include <stddef.h>

#include "domain/lang.h"

/* The day number of y-m-d (m 1..12, d 1..31; not validated). */
long	cal_days(long y, long m, long d);
/* The date of day number z. */
void	cal_date(long z, long *y, long *m, long *d);
/* Days in month m of year y. */
int	cal_month_days(long y, long m);
/* 0 = Monday … 6 = Sunday. */
int	cal_weekday(long z);

/* Today's UTC date, "YYYY-MM-DD", and as a day number. */
void	cal_today(char out[11]);
long	cal_today_days(void);

/* 1 if y-m-d is a real date with a year from 1900 to 2200. */
int	cal_valid_ymd(long y, long m, long d);
/* 1 if s is a real date "YYYY-MM-DD" with a year from 1900 to 2200. */
int	cal_valid(const char *s);
/* A real date (cal_valid) to its day number; 0, or -1. */
int	cal_parse(const char *s, long *days);
/* A real date (cal_valid) to its year, month and day; 0, or -1 (nothing set). */
int	cal_parse_ymd(const char *s, long *y, long *m, long *d);
/* A day number as "YYYY-MM-DD". */
void	cal_format(long days, char out[11]);
/* The month of a day number as "YYYY-MM". */
void	cal_format_month(long days, char out[8]);
/* date shifted by days into out; 0, or -1 for a date cal_valid refuses. */
int	cal_add(const char *date, long days, char out[11]);
/* The day k months after day z (k may be negative), clamped to the month's end: Jan 31 + 1 is Feb 28 or 29. */
long	cal_add_months(long z, long k);
/* Calendar months from the month of day a to the month of day b (Nov 24 to Jan 1: 2). */
long	cal_months_between(long a, long b);
/* The first and last day of month m (1..12) of year y. */
void	cal_month_range(long y, long m, long *from, long *to);
/* The first day of the month of day z. */
long	cal_month_start(long z);

/* The periods a person names, around a day. */
enum cal_period {
	CAL_TODAY, CAL_YESTERDAY, CAL_THIS_WEEK, CAL_LAST_WEEK, CAL_THIS_MONTH,
	CAL_LAST_MONTH, CAL_LAST_7_DAYS, CAL_LAST_30_DAYS, CAL_LAST_90_DAYS,
	CAL_THIS_YEAR, CAL_LAST_YEAR, CAL_PERIOD_COUNT
};
/* The period's name as the tools spell it ("last_month"). */
const char *cal_period_name(enum cal_period p);
/* The period named name; 0, or -1 for an unknown name. */
int	cal_period_parse(const char *name, enum cal_period *out);
/* The first and last day of period p as seen on day today (weeks start on Monday). */
void	cal_period_range(enum cal_period p, long today, long *from, long *to);

/* The name of month m (1..12; anything else is January) in l: "June", "junho", "junio". */
const char *cal_month_name(long m, enum lang l);
/*
 * A date ("YYYY-MM-DD") as a month people say, into out: "June 2026",
 * "junho de 2026", "junio de 2026". -1 (out "") for a date that is not one.
 */
int	cal_month_year_text(const char *date, enum lang l, char *out, size_t len);

#endif
