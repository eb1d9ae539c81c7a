/*
 * fuzz_txtparse.c: the text parser (src/domain/txtparse.c), which reads a
 * user's free text ("Gastei 45,90 no mercado e 12 no uber") into
 * transactions, and the price the coach reads in a message.
 *
 * Input: one byte choosing the language, the default currency and "today",
 * then the text. Checks, besides crashes and sanitizer reports:
 *  - txt_parse: 0 gives 1..TXT_MAX_ITEMS items, each with an amount > 0 and
 *    at most 10^12 major units, an ISO 4217 currency, a date that exists, a
 *    description of at most 60 bytes cut on a UTF-8 boundary; -1 gives a
 *    message and no items; the same text gives the same answer twice.
 *  - txt_amounts: the same bounds for every amount it reads.
 */
#include "config.h"

#include "fuzz.h"

#include "core/currency.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/txtparse.h"

static const char *const langs[] = { "en", "pt", "es", "en" };
static const char *const currencies[] = { "USD", "BRL", "EUR", "GBP", "JPY", "KWD",
	"MXN", "ARS" };
static const char *const days[] = { "2026-11-24", "2024-02-29", "2026-01-01",
	"2025-12-31" };

static int64_t
pow10i(int n)
{
	int64_t v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

static void
check_amount(int64_t cents, const char *currency)
{
	int minor = currency_minor_units(currency);

	FUZZ_CHECK(minor >= 0, "currency '%s' is not ISO 4217", currency);
	FUZZ_CHECK(cents > 0 && cents <= 1000000000000LL * pow10i(minor),
	    "amount %lld %s out of bounds", (long long)cents, currency);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct txt_item	 items[TXT_MAX_ITEMS], again[TXT_MAX_ITEMS];
	struct txt_amount amounts[8];
	const char	*errmsg = NULL, *errmsg2 = NULL;
	unsigned	 opt = fuzz_byte(&data, &size);
	const char	*lang = langs[opt & 3], *cur = currencies[(opt >> 2) & 7];
	const char	*today = days[(opt >> 5) & 3];
	char		*text;
	size_t		 n, n2, i;
	int		 rc, rc2, utf8;

	if (size > TXT_MAX_TEXT + 16)
		return 0;
	text = fuzz_strdup(data, size);
	utf8 = utf8_valid(text, strlen(text));
	rc = txt_parse(text, lang, cur, today, items, TXT_MAX_ITEMS, &n, &errmsg);
	if (rc == 0) {
		FUZZ_CHECK(n >= 1 && n <= TXT_MAX_ITEMS, "%zu items", n);
		for (i = 0; i < n; i++) {
			check_amount(items[i].amount_cents, items[i].currency);
			FUZZ_CHECK(cal_valid(items[i].date), "date '%s'", items[i].date);
			FUZZ_CHECK(strlen(items[i].description) <= 60, "description too long");
			FUZZ_CHECK(!utf8 || utf8_valid(items[i].description,
			    strlen(items[i].description)), "description is not UTF-8");
		}
	} else {
		FUZZ_CHECK(rc == -1 && n == 0 && errmsg != NULL, "rc %d, %zu items", rc, n);
	}
	/* No state carries over from one call to the next. */
	rc2 = txt_parse(text, lang, cur, today, again, TXT_MAX_ITEMS, &n2, &errmsg2);
	FUZZ_CHECK(rc2 == rc && n2 == n && errmsg2 == errmsg, "a second reading differs");
	for (i = 0; i < n; i++)
		FUZZ_CHECK(memcmp(&items[i], &again[i], sizeof(items[i])) == 0,
		    "item %zu differs on a second reading", i);

	if (txt_amounts(text, lang, cur, amounts, sizeof(amounts) / sizeof(amounts[0]),
	    &n) == 0) {
		FUZZ_CHECK(n <= sizeof(amounts) / sizeof(amounts[0]), "%zu amounts", n);
		for (i = 0; i < n; i++)
			check_amount(amounts[i].amount_cents, amounts[i].currency);
	} else
		FUZZ_CHECK(n == 0 && strlen(text) > TXT_MAX_TEXT, "txt_amounts refused");
	free(text);
	return 0;
}
