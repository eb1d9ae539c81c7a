/* num.h: strict number parsers; no locale, no whitespace, no overflow. */
#ifndef OZ_NUM_H
#define OZ_NUM_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse exactly len bytes of s as a decimal integer in [min, max].
 * Optional leading '-' only; no '+', spaces or leading zeros beyond "0".
 * Returns 0, or -1 with *errstr set to a static message.
 */
int	num_parse_i64(const char *s, size_t len, int64_t min, int64_t max,
	    int64_t *out, const char **errstr);
/* num_parse_i64 on a NUL-terminated string. */
int	num_parse_i64z(const char *s, int64_t min, int64_t max, int64_t *out,
	    const char **errstr);
/*
 * Parse a decimal with at most `scale` fraction digits ("12", "12.3", "0.05")
 * into an integer of 10^-scale units (12.3 with scale 2 -> 1230), in [min, max]
 * of those units. Exponents, '+', spaces and empty parts ("1.", ".5") are refused.
 */
int	num_parse_decimal(const char *s, size_t len, int scale, int64_t min,
	    int64_t max, int64_t *out, const char **errstr);
/* Render units of 10^-scale as a decimal string ("1230",2 -> "12.30"); returns 0/-1. */
int	num_format_decimal(int64_t units, int scale, char *out, size_t outlen);

#endif
