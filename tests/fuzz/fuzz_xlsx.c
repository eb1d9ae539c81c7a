/*
 * fuzz_xlsx.c: XLSX workbooks (src/doc/doc_xlsx.c: libzip, libxml2) through doc_read: shared strings, styles, dates, the first sheet with a table; every part inflated through one bounded stream (zip bombs refused in bounded memory and time).
 * Inputs that doc_sniff does not take for this format are passed over (the
 * other formats have targets of their own, and images would run OCR).
 *
 * Input: one byte of options (language, the user's currency, today: see
 * fuzz_stmt.h), then the file. Checks, besides crashes and sanitizer
 * reports: rows as fuzz_stmt_check_rows says, an error message and a
 * status when refused, the time budget held; the same bytes read again
 * give the same rows.
 * libFuzzer options: -max_len=65536
 */
#include "config.h"

#include "fuzz.h"

#include "core/pool.h"
#include "doc/doc.h"
#include "domain/stmt.h"
#include "fuzz_stmt.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_byte(&data, &size);
	struct stmt_opts o;
	struct doc_limits lim;
	struct doc_result r1, r2;
	struct pool p1, p2;
	int	 st1, st2;

	if (doc_sniff(data, size) != DOC_FMT_XLSX)
		return 0;
	fuzz_stmt_opts(opt, &o);
	doc_limits_default(&lim);
	lim.max_rows = 5000;
	lim.time_ms = 5000;
	lim.max_unzipped = 16 * 1024 * 1024;
	pool_init(&p1);
	pool_init(&p2);
	st1 = doc_read(data, size, o.lang, o.currency[0] ? o.currency : "USD", o.today, &lim,
	    &p1, &r1);
	st2 = doc_read(data, size, o.lang, o.currency[0] ? o.currency : "USD", o.today, &lim,
	    &p2, &r2);
	FUZZ_CHECK(r1.format == DOC_FMT_XLSX, "format %d", r1.format);
	if (st1 == 0) {
		FUZZ_CHECK(r1.status == DOC_OK && r1.nrows > 0 && r1.nrows <= lim.max_rows,
		    "status %d, %zu rows", r1.status, r1.nrows);
		fuzz_stmt_check_rows(r1.rows, r1.nrows, o.today);
	} else
		FUZZ_CHECK(r1.status != DOC_OK && r1.error[0] != '\0' && r1.status != DOC_TIMEOUT,
		    "refused with status %d, '%s'", r1.status, r1.error);
	FUZZ_CHECK(r1.status == r2.status, "status %d then %d", r1.status, r2.status);
	fuzz_stmt_same(st1, r1.rows, st1 == 0 ? r1.nrows : 0, st2, r2.rows,
	    st2 == 0 ? r2.nrows : 0);
	pool_free(&p1);
	pool_free(&p2);
	return 0;
}
