/*
 * calendar.c: day numbers of civil dates and back, exact for every year,
 * after Howard Hinnant's "chrono-compatible low-level date algorithms" (eras
 * of 400 years, March-based years so the leap day comes last); dates as text
 * and the named periods (calendar.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/calendar.h"

long
cal_days(long y, long m, long d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
cal_date(long z, long *y, long *m, long *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
cal_month_days(long y, long m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && leap);
}

int
cal_weekday(long z)
{
	return (int)(((z % 7) + 7 + 3) % 7);	/* 1970-01-01 was a Thursday */
}

void
cal_today(char out[11])
{
	cal_format(cal_today_days(), out);
}

long
cal_today_days(void)
{
	time_t	 now = time(NULL);

	return (long)(now / 86400) - (now < 0 && now % 86400 != 0);
}

static long
digits_at(const char *s, size_t n)
{
	long	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int
cal_valid_ymd(long y, long m, long d)
{
	return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= cal_month_days(y, m);
}

int
cal_parse_ymd(const char *s, long *y, long *m, long *d)
{
	long	 yy, mm, dd;
	size_t	 i;

	if (s == NULL || strnlen(s, 11) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	yy = digits_at(s, 4);
	mm = digits_at(s + 5, 2);
	dd = digits_at(s + 8, 2);
	if (!cal_valid_ymd(yy, mm, dd))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

int
cal_valid(const char *s)
{
	long	 y, m, d;

	return cal_parse_ymd(s, &y, &m, &d) == 0;
}

int
cal_parse(const char *s, long *days)
{
	long	 y, m, d;

	if (cal_parse_ymd(s, &y, &m, &d) == -1)
		return -1;
	*days = cal_days(y, m, d);
	return 0;
}

void
cal_format(long days, char out[11])
{
	long	 y, m, d;
	char	 buf[64];

	cal_date(days, &y, &m, &d);
	snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", y % 10000, m % 100, d % 100);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

void
cal_format_month(long days, char out[8])
{
	char	 buf[11];

	cal_format(days, buf);
	memcpy(out, buf, 7);
	out[7] = '\0';
}

int
cal_add(const char *date, long days, char out[11])
{
	long	 z;

	if (cal_parse(date, &z) == -1)
		return -1;
	cal_format(z + days, out);
	return 0;
}

long
cal_add_months(long z, long k)
{
	long	 y, m, d, idx, last;

	cal_date(z, &y, &m, &d);
	idx = y * 12 + (m - 1) + k;	/* months since year 0 */
	y = (idx >= 0 ? idx : idx - 11) / 12;	/* floor, for years before 0 */
	m = idx - y * 12 + 1;
	last = cal_month_days(y, m);
	return cal_days(y, m, d < last ? d : last);
}

long
cal_months_between(long a, long b)
{
	long	 ya, ma, yb, mb, d;

	cal_date(a, &ya, &ma, &d);
	cal_date(b, &yb, &mb, &d);
	return (yb * 12 + mb) - (ya * 12 + ma);
}

void
cal_month_range(long y, long m, long *from, long *to)
{
	*from = cal_days(y, m, 1);
	*to = cal_days(y, m, cal_month_days(y, m));
}

long
cal_month_start(long z)
{
	long	 y, m, d;

	cal_date(z, &y, &m, &d);
	return cal_days(y, m, 1);
}

static const char *const period_names[CAL_PERIOD_COUNT] = {
	[CAL_TODAY] = "today", [CAL_YESTERDAY] = "yesterday", [CAL_THIS_WEEK] = "this_week",
	[CAL_LAST_WEEK] = "last_week", [CAL_THIS_MONTH] = "this_month",
	[CAL_LAST_MONTH] = "last_month", [CAL_LAST_7_DAYS] = "last_7_days",
	[CAL_LAST_30_DAYS] = "last_30_days", [CAL_LAST_90_DAYS] = "last_90_days",
	[CAL_THIS_YEAR] = "this_year", [CAL_LAST_YEAR] = "last_year",
};

const char *
cal_period_name(enum cal_period p)
{
	return (unsigned)p < CAL_PERIOD_COUNT ? period_names[p] : "this_month";
}

int
cal_period_parse(const char *name, enum cal_period *out)
{
	int	 i;

	for (i = 0; name != NULL && i < CAL_PERIOD_COUNT; i++)
		if (strcmp(name, period_names[i]) == 0) {
			*out = (enum cal_period)i;
			return 0;
		}
	return -1;
}

void
cal_period_range(enum cal_period p, long today, long *from, long *to)
{
	long	 y, m, d, dow = cal_weekday(today);

	cal_date(today, &y, &m, &d);
	*from = *to = today;
	switch (p) {
	case CAL_TODAY:
		break;
	case CAL_YESTERDAY:
		*from = *to = today - 1;
		break;
	case CAL_THIS_WEEK:
		*from = today - dow;
		break;
	case CAL_LAST_WEEK:
		*from = today - dow - 7;
		*to = today - dow - 1;
		break;
	case CAL_LAST_MONTH:
		*to = cal_days(y, m, 1) - 1;
		*from = m == 1 ? cal_days(y - 1, 12, 1) : cal_days(y, m - 1, 1);
		break;
	case CAL_LAST_7_DAYS:
		*from = today - 6;
		break;
	case CAL_LAST_30_DAYS:
		*from = today - 29;
		break;
	case CAL_LAST_90_DAYS:
		*from = today - 89;
		break;
	case CAL_THIS_YEAR:
		*from = cal_days(y, 1, 1);
		break;
	case CAL_LAST_YEAR:
		*from = cal_days(y - 1, 1, 1);
		*to = cal_days(y - 1, 12, 31);
		break;
	case CAL_THIS_MONTH:
	default:
		*from = cal_days(y, m, 1);
		break;
	}
}

static const char *const month_names[12][LANG_COUNT] = {
	{ "January", "janeiro", "enero" }, { "February", "fevereiro", "febrero" },
	{ "March", "mar\xc3\xa7o", "marzo" }, { "April", "abril", "abril" },
	{ "May", "maio", "mayo" }, { "June", "junho", "junio" }, { "July", "julho", "julio" },
	{ "August", "agosto", "agosto" }, { "September", "setembro", "septiembre" },
	{ "October", "outubro", "octubre" }, { "November", "novembro", "noviembre" },
	{ "December", "dezembro", "diciembre" },
};

const char *
cal_month_name(long m, enum lang l)
{
	return month_names[m >= 1 && m <= 12 ? m - 1 : 0][(unsigned)l < LANG_COUNT ? l : LANG_EN];
}

int
cal_month_year_text(const char *date, enum lang l, char *out, size_t len)
{
	long	 y, m, d;
	int	 n;

	if (len == 0)
		return -1;
	out[0] = '\0';
	if (date == NULL || !cal_valid(date) || cal_parse_ymd(date, &y, &m, &d) == -1)
		return -1;
	if (l == LANG_EN)
		n = snprintf(out, len, "%s %ld", cal_month_name(m, l), y);
	else
		n = snprintf(out, len, "%s de %ld", cal_month_name(m, l), y);
	if (n < 0 || (size_t)n >= len) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}
