/*
 * fuzz_qif.c: QIF files (src/domain/qif.c): blocks, records, dates with apostrophe years, the date order and decimal mark told from the whole file, as doc_read_qif reads them (the bytes made UTF-8 first).
 *
 * Input: one byte of options (language, the user's currency, today: see
 * fuzz_stmt.h), then the file. Checks, besides crashes and sanitizer
 * reports: rows as fuzz_stmt_check_rows says, at most max_rows of them,
 * an error when refused; the same bytes read again give the same rows.
 * libFuzzer options: -max_len=16384
 */
#include "config.h"

#include "fuzz.h"

#include "core/pool.h"
#include "domain/qif.h"
#include "domain/stmt.h"
#include "domain/textenc.h"
#include "fuzz_stmt.h"

static int
read_one(const uint8_t *data, size_t size, const struct stmt_opts *o, struct pool *pool,
    struct stmt_result *r)
{
	size_t	 len;
	char	*s;

	stmt_result_init(r);
	if ((s = textenc_utf8((const char *)data, size, size * 3 + 4, pool, &len)) == NULL)
		return STMT_NOMEM;
	return qif_read(s, len, o, pool, r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_byte(&data, &size);
	struct stmt_opts o;
	struct stmt_result r1, r2;
	struct pool p1, p2;
	int	 st1, st2;

	fuzz_stmt_opts(opt, &o);
	pool_init(&p1);
	pool_init(&p2);
	st1 = read_one(data, size, &o, &p1, &r1);
	st2 = read_one(data, size, &o, &p2, &r2);
	if (st1 == STMT_OK) {
		FUZZ_CHECK(r1.nrows > 0 && r1.nrows <= o.max_rows, "%zu rows", r1.nrows);
		fuzz_stmt_check_rows(r1.rows, r1.nrows, o.today);
	} else
		FUZZ_CHECK(r1.error[0] != '\0', "status %d without a message", st1);
	fuzz_stmt_same(st1, r1.rows, st1 == STMT_OK ? r1.nrows : 0, st2, r2.rows,
	    st2 == STMT_OK ? r2.nrows : 0);
	pool_free(&p1);
	pool_free(&p2);
	return 0;
}
