/*
 * fuzz_money_fmt.c: amounts rendered for people (money_format,
 * src/domain/money_fmt.c), read back by the text parser (txt_amounts), the
 * one reading of money in text.
 *
 * Input: one byte choosing the language and the currency, then 8 bytes of
 * amount in minor units and one byte of buffer size. Checks, besides crashes
 * and sanitizer reports: the text fits the buffer or the call says it did
 * not (leaving ""), it is valid UTF-8 and starts with '-' exactly for a
 * negative amount; and for an amount of at most 10^12 major units of a
 * currency the parser knows, reading the text back in the same language
 * gives that amount, in that currency.
 */
#include "config.h"

#include "fuzz.h"

#include "core/currency.h"
#include "core/utf8.h"
#include "domain/money_fmt.h"
#include "domain/txtparse.h"

static const char *const langs[] = { "en", "pt", "es", "fr" };
static const char *const currencies[] = { "USD", "BRL", "EUR", "GBP", "JPY", "KWD", "CLP",
	"XYZ" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned	 opt = fuzz_byte(&data, &size);
	const char	*lang = langs[opt & 3], *cur = currencies[(opt >> 2) & 7];
	char		 out[128];
	struct txt_amount a[4];
	uint64_t	 u = 0;
	int64_t		 cents, limit;
	size_t		 outlen, i, n;
	int		 minor;

	if (size < 9)
		return 0;
	for (i = 0; i < 8; i++)
		u = u << 8 | data[i];
	cents = (int64_t)u;
	outlen = (size_t)data[8] % sizeof(out) + 1;
	memset(out, 'x', sizeof(out));
	if (money_format(cents, cur, lang, out, outlen) == -1) {
		FUZZ_CHECK(out[0] == '\0', "refused, but wrote something");
		if (outlen == sizeof(out))
			FUZZ_CHECK(0, "%lld %s does not fit %zu bytes", (long long)cents, cur, outlen);
		return 0;
	}
	FUZZ_CHECK(strlen(out) < outlen, "overran its buffer");
	FUZZ_CHECK(outlen == sizeof(out) || out[outlen] == 'x', "wrote past outlen");
	FUZZ_CHECK(utf8_valid(out, strlen(out)), "not UTF-8: %s", out);
	FUZZ_CHECK((out[0] == '-') == (cents < 0), "sign of %lld: %s", (long long)cents, out);

	/* Read back: what people read, the parser reads the same. */
	if ((minor = currency_minor_units(cur)) < 0 || lang[0] == 'f' ||
	    strcmp(cur, "KWD") == 0 || strcmp(cur, "CLP") == 0)
		return 0;
	for (limit = 1000000000000LL; minor > 0; minor--)
		limit *= 10;
	if (cents <= 0 || cents > limit)
		return 0;
	FUZZ_CHECK(txt_amounts(out, lang, cur, a, 4, &n) == 0, "txt_amounts refused %s", out);
	FUZZ_CHECK(n == 1 && a[0].amount_cents == cents && strcmp(a[0].currency, cur) == 0,
	    "%s (%s) read back as %zu amounts, the first %lld %s", out, lang, n,
	    n ? (long long)a[0].amount_cents : 0LL, n ? a[0].currency : "");
	return 0;
}
