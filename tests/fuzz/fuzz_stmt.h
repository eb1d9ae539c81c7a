/*
 * fuzz_stmt.h: what the statement targets (fuzz_csv, fuzz_ofx, fuzz_qif,
 * fuzz_camt, fuzz_xlsx) share: the options byte (language, the user's
 * currency, today) and the checks every reader's rows must pass: a real
 * calendar date no later than the day after today (a time zone's grace),
 * an amount within 10^15 major units (the readers' most: 15 digits),
 * a currency of ISO 4217 or none, a description of valid UTF-8 cut within
 * its field, external ids unique within the document; and the same bytes
 * read twice give the same rows.
 */
#ifndef OZ_FUZZ_STMT_H
#define OZ_FUZZ_STMT_H

#include "core/currency.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/stmt.h"

static const char *const fuzz_stmt_langs[] = { "en", "pt", "es", "en" };
static const char *const fuzz_stmt_currencies[] = { "USD", "BRL", "EUR", "GBP", "JPY", "KWD",
	"MXN", "" };
static const char *const fuzz_stmt_days[] = { "2026-11-24", "2024-02-29", "2026-01-01",
	"2025-12-31" };

/* The options of byte opt: language (bits 0-1), currency (2-4), today (5-6). */
static inline void
fuzz_stmt_opts(unsigned opt, struct stmt_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->lang = fuzz_stmt_langs[opt & 3];
	o->currency = fuzz_stmt_currencies[(opt >> 2) & 7];
	o->today = fuzz_stmt_days[(opt >> 5) & 3];
	o->max_rows = 5000;
}

static inline void
fuzz_stmt_check_rows(const struct stmt_row *rows, size_t n, const char *today)
{
	size_t	 i, j;
	long	 z = 0, t = 0;

	FUZZ_CHECK(cal_parse(today, &t) == 0, "today '%s'", today);
	for (i = 0; i < n; i++) {
		const struct stmt_row *r = &rows[i];
		int64_t	 a = r->amount_cents < 0 ? -r->amount_cents : r->amount_cents;

		FUZZ_CHECK(cal_valid(r->date), "row %zu: date '%s'", i, r->date);
		FUZZ_CHECK(cal_parse(r->date, &z) == 0 && z <= t + 1, "row %zu: date %s after %s",
		    i, r->date, today);
		FUZZ_CHECK(r->amount_cents > INT64_MIN && a <= 1000000000000000000LL,
		    "row %zu: amount %lld", i, (long long)r->amount_cents);
		FUZZ_CHECK(r->currency[0] == '\0' || currency_valid(r->currency),
		    "row %zu: currency '%s'", i, r->currency);
		FUZZ_CHECK(strlen(r->description) < sizeof(r->description) &&
		    utf8_valid(r->description, strlen(r->description)),
		    "row %zu: description not UTF-8", i);
		FUZZ_CHECK(utf8_valid(r->external_id, strlen(r->external_id)),
		    "row %zu: external id not UTF-8", i);
		if (r->external_id[0] != '\0' && n < 300)
			for (j = 0; j < i; j++)
				FUZZ_CHECK(strcmp(rows[j].external_id, r->external_id) != 0,
				    "rows %zu and %zu share the id '%s'", j, i, r->external_id);
	}
}

/* Two readings of the same bytes: the same status and the same rows. */
static inline void
fuzz_stmt_same(int st1, const struct stmt_row *a, size_t na, int st2,
    const struct stmt_row *b, size_t nb)
{
	size_t	 i;

	FUZZ_CHECK(st1 == st2, "status %d then %d", st1, st2);
	FUZZ_CHECK(na == nb, "%zu rows then %zu", na, nb);
	for (i = 0; i < na; i++)
		FUZZ_CHECK(strcmp(a[i].date, b[i].date) == 0 && a[i].amount_cents == b[i].amount_cents &&
		    strcmp(a[i].description, b[i].description) == 0 &&
		    strcmp(a[i].external_id, b[i].external_id) == 0, "row %zu differs", i);
}

#endif
