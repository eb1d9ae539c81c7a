/*
 * receipt.h: the text of a receipt (OCR output, or a PDF's text layer) read
 * into what it says: the merchant, the date, the total paid (not the
 * subtotal, tax, tip, change or item count), the currency and the line
 * items, across en/pt/es conventions ("TOTAL", "VALOR TOTAL", "TOTAL A
 * PAGAR", "IMPORTE", decimal comma or point). Pure C: no I/O, no
 * allocation, no locale, linear in the text.
 */
#ifndef OZ_RECEIPT_H
#define OZ_RECEIPT_H

#include <stddef.h>
#include <stdint.h>

#define RECEIPT_MAX_ITEMS	100
#define RECEIPT_MAX_TEXT	(256 * 1024)	/* bytes of text looked at */

struct receipt_item {
	char		 description[61];	/* cut on a UTF-8 boundary */
	int64_t		 amount_cents;		/* the line's total */
	int64_t		 quantity_milli;	/* 1000 = one; 0 when not printed */
};

struct receipt {
	char		 merchant[101];		/* "" when none could be told */
	char		 date[11];		/* YYYY-MM-DD, "" when none */
	int64_t		 total_cents;		/* > 0 when found */
	char		 currency[4];		/* ISO 4217; "" when the receipt says none */
	struct receipt_item items[RECEIPT_MAX_ITEMS];
	size_t		 nitems;
	int		 confidence;		/* thousandths: how sure the reading is */
};

/*
 * Read text (UTF-8) into out. lang ("en", "pt", "es") orders numeric dates
 * (en M/D, else D/M) and ranks the words; currency (the user's ISO 4217) is
 * the one assumed when the receipt writes none but only to read amounts: out->
 * currency stays "" then; today ("YYYY-MM-DD") bounds dates (none after it).
 * ocr_confidence (thousandths, 1000 for a text layer) weighs into
 * out->confidence. Returns 0 with a total found, or -1 (no total: out is
 * still filled with what was found).
 */
int	receipt_parse(const char *text, size_t len, const char *lang, const char *currency,
	    const char *today, int ocr_confidence, struct receipt *out);

#endif
