/*
 * fuzz_receipt.c: the receipt reader (src/domain/receipt.c), any text OCR or
 * a PDF's text layer may make of a user's receipt, read into the merchant,
 * date, total, currency and line items.
 *
 * Input: one byte choosing the language (bits 0-1: en, pt, es, en), the
 * user's currency (bits 2-4), "today" (bits 5-6) and the OCR confidence
 * (bit 7: 1000, a text layer, or 600), then the text. Checks, besides
 * crashes, sanitizer reports and hangs, what receipt.h promises:
 *  - receipt_parse reads at most len bytes: the text is given in a buffer
 *    of exactly its size, with no NUL after it;
 *  - 0 has a total > 0; -1 leaves the total 0 and the confidence 0;
 *  - every amount (the total, each item's) is in minor units of the
 *    receipt's currency, else the user's, and at most 10^10 major units and
 *    one minor unit short of the next (receipt.c's MAJOR_MAX: beyond is no
 *    receipt); an item's amount is > 0 and its quantity >= 0;
 *  - the currency is "" or ISO 4217; the date "" or a real YYYY-MM-DD not
 *    after today; the confidence within 0..1000 thousandths;
 *  - at most RECEIPT_MAX_ITEMS items; the merchant and the descriptions fit
 *    their buffers (at most 60 bytes a description); when the text is UTF-8
 *    (receipt.h reads UTF-8: tesseract writes it, doc_pdf.c validates
 *    poppler's) they are UTF-8 too and hold no ASCII control byte (of other
 *    bytes, a lead byte may take what follows it whole);
 *  - the same text gives the same receipt twice (the thread-local context
 *    keeps nothing from one call to the next), and the OCR confidence
 *    changes nothing but the confidence, which a surer OCR never lowers.
 * What the README first asked ("the total equals what the lines add up to,
 * or it is refused") is not receipt_parse's contract: a labelled total is
 * taken without items ("TOTAL 154.00"), the lines' arithmetic only ranks the
 * candidates and raises the confidence, so it is not checked.
 *
 * libFuzzer options: -max_len=16384
 */
#include "config.h"

#include "fuzz.h"

#include "core/currency.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/receipt.h"

static const char *const langs[] = { "en", "pt", "es", "en" };
static const char *const currencies[] = { "USD", "BRL", "EUR", "MYR", "INR", "JPY", "KWD",
	"MXN" };
static const char *const days[] = { "2026-11-24", "2024-02-29", "2019-01-15",
	"1995-06-30" };

static int64_t
pow10i(int n)
{
	int64_t v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

static void
check_amount(int64_t v, int minor, const char *what)
{
	FUZZ_CHECK(v <= (INT64_C(10000000000) + 1) * pow10i(minor) - 1,
	    "%s %lld over 10^10 major units", what, (long long)v);
}

/* Text that fits its buffer; UTF-8 without ASCII control bytes when the input was UTF-8. */
static void
check_text(const char *s, size_t size, size_t max, int utf8, const char *what)
{
	size_t n = strnlen(s, size), i;

	FUZZ_CHECK(n < size && n <= max, "%s: %zu bytes", what, n);
	if (!utf8)
		return;
	for (i = 0; i < n; i++)
		FUZZ_CHECK((unsigned char)s[i] >= 0x20 && s[i] != 0x7f,
		    "%s: control byte 0x%02x", what, (unsigned)(unsigned char)s[i]);
	FUZZ_CHECK(utf8_valid(s, n), "%s is not UTF-8: '%s'", what, s);
}

/*
 * 1 if a and b read the same: field by field, the items up to nitems (a
 * memcmp of the whole struct, 9 KB, is libFuzzer's to trace: a fifth of the
 * time).
 */
static int
same(const struct receipt *a, const struct receipt *b)
{
	size_t i;

	if (a->total_cents != b->total_cents || a->nitems != b->nitems ||
	    a->confidence != b->confidence || strcmp(a->merchant, b->merchant) != 0 ||
	    strcmp(a->date, b->date) != 0 || strcmp(a->currency, b->currency) != 0)
		return 0;
	for (i = 0; i < a->nitems && i < RECEIPT_MAX_ITEMS; i++)
		if (a->items[i].amount_cents != b->items[i].amount_cents ||
		    a->items[i].quantity_milli != b->items[i].quantity_milli ||
		    strcmp(a->items[i].description, b->items[i].description) != 0)
			return 0;
	return 1;
}

static struct receipt r, again, sure;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned	 opt = fuzz_byte(&data, &size);
	const char	*lang = langs[opt & 3], *cur = currencies[(opt >> 2) & 7];
	const char	*today = days[(opt >> 5) & 3];
	int		 ocr = (opt & 0x80) ? 600 : 1000, rc, minor, utf8;
	char		*exact, *text;
	size_t		 i;

	/* exactly the input, with nothing after it: a read past len is ASan's */
	exact = malloc(size > 0 ? size : 1);
	if (exact == NULL)
		abort();
	if (size > 0)
		memcpy(exact, data, size);
	text = fuzz_strdup(data, size);
	utf8 = utf8_valid(text, strnlen(text, RECEIPT_MAX_TEXT));

	rc = receipt_parse(exact, size, lang, cur, today, ocr, &r);
	FUZZ_CHECK(rc == 0 || rc == -1, "rc %d", rc);
	if (rc == 0)
		FUZZ_CHECK(r.total_cents > 0, "total %lld accepted", (long long)r.total_cents);
	else
		FUZZ_CHECK(r.total_cents == 0 && r.confidence == 0, "refused with total %lld, "
		    "confidence %d", (long long)r.total_cents, r.confidence);
	FUZZ_CHECK(r.confidence >= 0 && r.confidence <= 1000, "confidence %d", r.confidence);

	FUZZ_CHECK(r.currency[0] == '\0' || (strnlen(r.currency, sizeof(r.currency)) == 3 &&
	    currency_valid(r.currency)), "currency '%.4s'", r.currency);
	minor = currency_minor_units(r.currency[0] ? r.currency : cur);
	if (minor < 0)
		minor = 2;
	check_amount(r.total_cents, minor, "total");

	FUZZ_CHECK(r.date[0] == '\0' || (strnlen(r.date, sizeof(r.date)) == 10 &&
	    cal_valid(r.date) && strcmp(r.date, today) <= 0), "date '%.11s', today %s",
	    r.date, today);

	check_text(r.merchant, sizeof(r.merchant), sizeof(r.merchant) - 1, utf8, "merchant");
	FUZZ_CHECK(r.nitems <= RECEIPT_MAX_ITEMS, "%zu items", r.nitems);
	for (i = 0; i < r.nitems; i++) {
		const struct receipt_item *it = &r.items[i];

		check_text(it->description, sizeof(it->description), 60, utf8, "description");
		FUZZ_CHECK(it->amount_cents > 0, "item %zu: amount %lld", i,
		    (long long)it->amount_cents);
		check_amount(it->amount_cents, minor, "item");
		FUZZ_CHECK(it->quantity_milli >= 0, "item %zu: quantity %lld", i,
		    (long long)it->quantity_milli);
	}

	/* The same text again (NUL-terminated this time): the same receipt. */
	FUZZ_CHECK(receipt_parse(text, size, lang, cur, today, ocr, &again) == rc &&
	    same(&r, &again), "a second reading differs");
	/* A surer OCR: the same reading, a confidence no lower. */
	if (ocr < 1000) {
		FUZZ_CHECK(receipt_parse(text, size, lang, cur, today, 1000, &sure) == rc,
		    "the OCR confidence changed the answer");
		FUZZ_CHECK(sure.confidence >= r.confidence, "confidence %d at OCR 1000, %d at "
		    "%d", sure.confidence, r.confidence, ocr);
		sure.confidence = r.confidence;
		FUZZ_CHECK(same(&r, &sure),
		    "the OCR confidence changed more than the confidence");
	}
	free(text);
	free(exact);
	return 0;
}
