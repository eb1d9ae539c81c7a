/* num.c: strict integer and fixed-point decimal parsing (after nginx ngx_atoi). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/num.h"

static int
parse_digits(const char *s, size_t len, int neg, uint64_t limit, uint64_t *out,
    const char **errstr)
{
	uint64_t v = 0;
	size_t	 i;

	(void)neg;
	if (len == 0) {
		*errstr = "is empty";
		return -1;
	}
	if (len > 1 && s[0] == '0') {
		*errstr = "has leading zeros";
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned d;

		if (s[i] < '0' || s[i] > '9') {
			*errstr = "is not a number";
			return -1;
		}
		d = (unsigned)(s[i] - '0');
		if (v > (limit - d) / 10) {
			*errstr = "is out of range";
			return -1;
		}
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int
num_parse_i64(const char *s, size_t len, int64_t min, int64_t max, int64_t *out,
    const char **errstr)
{
	uint64_t u;
	int64_t	 v;
	int	 neg = 0;

	if (len > 0 && s[0] == '-') {
		neg = 1;
		s++;
		len--;
	}
	if (parse_digits(s, len, neg, neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX,
	    &u, errstr) == -1)
		return -1;
	if (neg)
		v = u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
	else
		v = (int64_t)u;
	if (v < min) {
		*errstr = "is too small";
		return -1;
	}
	if (v > max) {
		*errstr = "is too large";
		return -1;
	}
	*out = v;
	return 0;
}

int
num_parse_i64z(const char *s, int64_t min, int64_t max, int64_t *out,
    const char **errstr)
{
	return num_parse_i64(s, strlen(s), min, max, out, errstr);
}

int
num_parse_decimal(const char *s, size_t len, int scale, int64_t min, int64_t max,
    int64_t *out, const char **errstr)
{
	const char *dot;
	size_t	 ilen, flen;
	uint64_t u;
	int64_t	 ipart, fpart = 0, mul = 1, v;
	int	 neg = 0, i;
	char	 frac[20];

	if (scale < 0 || scale > 6) {
		*errstr = "has an unsupported scale";
		return -1;
	}
	if (len > 0 && s[0] == '-') {
		neg = 1;
		s++;
		len--;
	}
	dot = memchr(s, '.', len);
	ilen = dot ? (size_t)(dot - s) : len;
	flen = dot ? len - ilen - 1 : 0;
	if (dot && flen == 0) {
		*errstr = "has no digits after the decimal point";
		return -1;
	}
	if ((int)flen > scale) {
		*errstr = scale == 2 ? "has more than two decimals" : "has too many decimals";
		return -1;
	}
	for (i = 0; i < scale; i++)
		mul *= 10;
	/* Digits only: the sign was taken above, a second one ("--0.5") is refused. */
	if (parse_digits(s, ilen, 0, (uint64_t)(INT64_MAX / mul - 1), &u, errstr) == -1)
		return -1;
	ipart = (int64_t)u;
	if (flen > 0) {
		size_t k;

		for (k = 0; k < flen; k++) {
			if (dot[1 + k] < '0' || dot[1 + k] > '9') {
				*errstr = "is not a number";
				return -1;
			}
			frac[k] = dot[1 + k];
		}
		for (; k < (size_t)scale; k++)
			frac[k] = '0';
		frac[k] = '\0';
		/* frac may have leading zeros: parse digit by digit. */
		for (k = 0; k < (size_t)scale; k++)
			fpart = fpart * 10 + (frac[k] - '0');
	}
	v = ipart * mul + fpart;
	if (neg)
		v = -v;
	if (v < min) {
		*errstr = "is too small";
		return -1;
	}
	if (v > max) {
		*errstr = "is too large";
		return -1;
	}
	*out = v;
	return 0;
}

int
num_format_decimal(int64_t units, int scale, char *out, size_t outlen)
{
	uint64_t u, mul = 1;
	int	 i, n;

	for (i = 0; i < scale; i++)
		mul *= 10;
	u = units < 0 ? (uint64_t)0 - (uint64_t)units : (uint64_t)units;
	if (scale == 0)
		n = snprintf(out, outlen, "%s%llu", units < 0 ? "-" : "",
		    (unsigned long long)u);
	else
		n = snprintf(out, outlen, "%s%llu.%0*llu", units < 0 ? "-" : "",
		    (unsigned long long)(u / mul), scale,
		    (unsigned long long)(u % mul));
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}
