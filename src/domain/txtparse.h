/*
 * txtparse.h: free text ("coffee $5 and lunch $15", "Gastei 45,90 no mercado
 * e 12 no uber", "pagué 8,50 € en el café") to transaction items, and the one
 * reading of money in text for the whole tree: the coach asks it for the
 * price in "can I afford $1,200?". Pure C, no locale, no allocation, linear
 * in the text; the text may be at most TXT_MAX_TEXT bytes of UTF-8.
 */
#ifndef OZ_TXTPARSE_H
#define OZ_TXTPARSE_H

#include <stddef.h>
#include <stdint.h>

#define TXT_MAX_ITEMS	20
#define TXT_MAX_TEXT	8192

struct txt_item {
	int64_t	amount_cents;		/* minor units of currency, > 0 */
	char	currency[4];		/* ISO 4217 */
	char	date[11];		/* YYYY-MM-DD */
	char	description[61];	/* <= 60 bytes, cut on a UTF-8 boundary; may be "" */
	int	is_income;		/* salary / money received */
};

/*
 * Parse text into at most max items. lang "en"|"pt"|"es" orders numeric dates
 * (en M/D, pt/es D/M; dotted dates are always D.M); default_currency (ISO
 * 4217) is used when none is written ("$" is the default when the default is
 * written with "$", else USD); today ("YYYY-MM-DD") anchors relative dates.
 * Never invents an amount:
 * - dates, times ("14:30", "2pm", "às 14h"), card endings ("final 4821",
 *   "ending in 1234", "****1234"), store, order and reference numbers, codes,
 *   telephones, quantities ("2 coffees"), percentages, counts of units ("3
 *   months", "5.3 mi") and years ("em 2027") are not amounts;
 * - a money-marked amount ("$5", "R$ 5", "5 reais", "5 EUR") wins over the
 *   unmarked numbers of its segment, and in a text with one, numbers beside
 *   merchants in capitals and counts said in passing are not amounts either;
 * - a statement line's amount is its decimal one ("POS 4821 SHELL OIL 57442
 *   46.00" is 46.00);
 * - a count multiplies a price per unit ("2 ubers de 15", "3 coffees at $4
 *   each", "2x 15,90"), never a total ("2 coffees $9");
 * - balances and limits a notification names, and the second currency of a
 *   conversion ("US$ 25,00 (R$ 130,45)"), are not items;
 * - numbers that compete for one amount with nothing to tell them apart
 *   ("lunch 12 15") are refused.
 * Returns 0 with *n >= 1 items, or -1 with *errmsg a static, user-facing
 * English message (no amount, competing numbers, a negative, zero or absurd
 * amount, too many decimals, a date that does not exist, too many items, bad
 * arguments).
 */
int	txt_parse(const char *text, const char *lang, const char *default_currency,
	    const char *today, struct txt_item *items, size_t max, size_t *n,
	    const char **errmsg);
/*
 * 1 if errmsg (from txt_parse) means no amount was found at all, or none could
 * be told from the other numbers; 0 if one was invalid.
 */
int	txt_error_no_amount(const char *errmsg);

struct txt_amount {
	int64_t	amount_cents;		/* minor units of currency, > 0 */
	char	currency[4];		/* ISO 4217, resolved as txt_parse does */
	int	marked;			/* written with a currency sign or word ("$5", "5 reais") */
};

/*
 * The money amounts text states, in order, into out (at most max; more are
 * dropped): the numbers txt_parse would take for amounts, read with the same
 * conventions (lang "en": "1,200.50"; "pt"/"es": "1.200,50"; "5k", "3 mil",
 * "50 cents"; "3 tickets at $40 each" is $120). A number that cannot be an
 * amount (negative, zero, absurd, too many decimals for its currency),
 * numbers that compete with nothing to tell them apart and a date that does
 * not exist are passed over, not refused. Returns 0 (*n may be 0: none), or
 * -1 (*n 0) for bad arguments or a text longer than TXT_MAX_TEXT.
 */
int	txt_amounts(const char *text, const char *lang, const char *default_currency,
	    struct txt_amount *out, size_t max, size_t *n);

#endif
