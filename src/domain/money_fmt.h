/*
 * money_fmt.h: amounts in minor units rendered for people, in the currency's
 * symbol and the language's number style. Pure: no locale, no allocation.
 */
#ifndef OZ_MONEY_FMT_H
#define OZ_MONEY_FMT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Format cents (minor units of currency: yen for JPY, fils for KWD) for
 * language ("en"; "pt" and "es" use '.' thousands and ',' decimals; anything
 * else is "en"): ("en","USD") $1,234.50; ("pt","BRL") R$ 1.234,50;
 * ("es"|"pt","EUR") 1.234,50 €; ("en","EUR") €1,234.50; ("en","GBP") £1,234.50;
 * JPY no decimals; a currency without a known symbol: "1,234.50 XYZ" (two
 * decimals when ISO 4217 does not know it either). Negative amounts take a
 * leading '-'. Returns 0, or -1 (out "" when outlen > 0) for a NULL argument
 * or too small a buffer.
 */
int	money_format(int64_t cents, const char *currency, const char *language, char *out,
	    size_t outlen);

#endif
