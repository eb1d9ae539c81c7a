/* civil.h: proleptic Gregorian dates as day numbers (days since 1970-01-01). */
#ifndef OZ_CIVIL_H
#define OZ_CIVIL_H

/* The day number of y-m-d (m 1..12, d 1..31; not validated). */
long	civil_days(long y, long m, long d);
/* The date of day number z. */
void	civil_date(long z, long *y, long *m, long *d);

/* Today's UTC date, "YYYY-MM-DD". */
void	civil_today(char out[11]);

#endif
