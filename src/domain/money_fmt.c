/*
 * money_fmt.c: human money formatting. The symbol table says where a symbol
 * goes per language; the style table, one row per language (lang.h), says
 * which separators to use.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/currency.h"
#include "domain/lang.h"
#include "domain/money_fmt.h"

struct numstyle {
	char		 thousands;
	char		 decimal;
	int		 symbol_after;	/* "1.234,50 €" (es) rather than "R$ 1.234,50" (pt) */
};

/* An unknown language is English (lang_of). */
static const struct numstyle styles[LANG_COUNT] = {
	[LANG_EN] = { ',', '.', 0 },
	[LANG_PT] = { '.', ',', 0 },
	[LANG_ES] = { '.', ',', 1 },
};

enum { SYM_BEFORE, SYM_BEFORE_SPACE, SYM_AFTER_SPACE };

/*
 * Known symbols. English writes the symbol glued in front ($1,234.50);
 * Portuguese puts it in front with a space (R$ 1.234,50) except for the euro,
 * which Portugal writes after (1.234,50 €); Spanish writes it after.
 */
struct symbol {
	const char	*code;
	const char	*sym;
	const char	*sym_latin;	/* in pt/es, where "$" alone would read as the local peso/real */
};

static const struct symbol symbols[] = {
	{ "BRL", "R$", "R$" },
	{ "EUR", "\xe2\x82\xac", "\xe2\x82\xac" },
	{ "GBP", "\xc2\xa3", "\xc2\xa3" },
	{ "JPY", "\xc2\xa5", "\xc2\xa5" },
	{ "USD", "$", "US$" },
};

static const struct symbol *
symbol_for(const char *currency)
{
	size_t i;

	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++)
		if (strcmp(symbols[i].code, currency) == 0)
			return &symbols[i];
	return NULL;
}

/*
 * The unsigned amount u with `minor` fraction digits into out, grouped by
 * threes ("1,234.50"). out has room for any uint64 (20 digits, 6 separators,
 * a decimal point and the NUL).
 */
static void
render_number(uint64_t u, int minor, const struct numstyle *st, char *out)
{
	char	 rev[48];
	size_t	 n = 0, k;
	int	 i, ndig = 0;

	for (i = 0; i < minor; i++) {
		rev[n++] = (char)('0' + u % 10);
		u /= 10;
	}
	if (minor > 0)
		rev[n++] = st->decimal;
	do {
		if (ndig > 0 && ndig % 3 == 0)
			rev[n++] = st->thousands;
		rev[n++] = (char)('0' + u % 10);
		u /= 10;
		ndig++;
	} while (u > 0);
	for (k = 0; k < n; k++)
		out[k] = rev[n - 1 - k];
	out[n] = '\0';
}

int
money_format(int64_t cents, const char *currency, const char *language, char *out,
    size_t outlen)
{
	const struct numstyle	*st;
	const struct symbol	*sy;
	enum lang		 lang;
	const char		*sign, *sym;
	char			 num[48];
	uint64_t		 u;
	int			 minor, place, n;

	if (out == NULL || outlen == 0)
		return -1;
	out[0] = '\0';
	if (currency == NULL || language == NULL)
		return -1;
	lang = lang_of(language);
	st = &styles[lang];
	sy = symbol_for(currency);
	minor = currency_minor_units(currency);
	if (minor < 0)
		minor = 2;	/* most currencies have cents: the safest guess */
	sign = cents < 0 ? "-" : "";
	/* INT64_MIN has no positive int64: negate in unsigned arithmetic. */
	u = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	render_number(u, minor, st, num);

	if (sy == NULL) {
		n = snprintf(out, outlen, "%s%s %s", sign, num, currency);
	} else {
		sym = lang == LANG_EN ? sy->sym : sy->sym_latin;
		if (st->symbol_after || (lang != LANG_EN && strcmp(sy->code, "EUR") == 0))
			place = SYM_AFTER_SPACE;
		else
			place = lang == LANG_EN ? SYM_BEFORE : SYM_BEFORE_SPACE;
		if (place == SYM_AFTER_SPACE)
			n = snprintf(out, outlen, "%s%s %s", sign, num, sym);
		else
			n = snprintf(out, outlen, "%s%s%s%s", sign, sym,
			    place == SYM_BEFORE_SPACE ? " " : "", num);
	}
	if (n < 0 || (size_t)n >= outlen) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}
