/*
 * fuzz_csv.c: CSV and TSV bank exports (src/domain/csv.c, textenc.c and the
 * statement table reader stmt_read_table), as doc_read_csv reads them: the
 * bytes made UTF-8 (or read as Windows-1252), split into records with the
 * delimiter sniffed (or a tab), then a transaction table found in them.
 *
 * Input: one byte of options (language, the user's currency, today: see
 * fuzz_stmt.h; bit 7: TSV), then the file. Checks, besides crashes and
 * sanitizer reports: rows as fuzz_stmt_check_rows says, at most max_rows
 * of them, rejects with a message, an error when refused; the same bytes
 * read again give the same rows.
 * libFuzzer options: -max_len=16384
 */
#include "config.h"

#include "fuzz.h"

#include "core/pool.h"
#include "domain/csv.h"
#include "domain/stmt.h"
#include "domain/textenc.h"
#include "fuzz_stmt.h"

static int
read_csv(const uint8_t *data, size_t size, int tsv, const struct stmt_opts *o,
    struct pool *pool, struct stmt_result *r)
{
	struct stmt_table t;
	size_t	 len;
	char	*s;
	int	 st;

	stmt_result_init(r);
	if ((s = textenc_utf8((const char *)data, size, size * 3 + 4, pool, &len)) == NULL)
		return STMT_NOMEM;
	FUZZ_CHECK(utf8_valid(s, len) && strlen(s) == len, "text not UTF-8");
	st = csv_parse(s, len, tsv ? '\t' : 0, o->max_rows + 1000, pool, &t, r->error,
	    sizeof(r->error));
	if (st == STMT_OK)
		st = stmt_read_table(&t, o, pool, r);
	return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_byte(&data, &size);
	struct stmt_opts o;
	struct stmt_result r1, r2;
	struct pool p1, p2;
	size_t	 i;
	int	 st1, st2;

	fuzz_stmt_opts(opt, &o);
	pool_init(&p1);
	pool_init(&p2);
	st1 = read_csv(data, size, opt & 0x80, &o, &p1, &r1);
	st2 = read_csv(data, size, opt & 0x80, &o, &p2, &r2);
	if (st1 == STMT_OK) {
		FUZZ_CHECK(r1.nrows > 0 && r1.nrows <= o.max_rows, "%zu rows", r1.nrows);
		fuzz_stmt_check_rows(r1.rows, r1.nrows, o.today);
	} else
		FUZZ_CHECK(r1.error[0] != '\0', "status %d without a message", st1);
	for (i = 0; i < r1.nrejects; i++)
		FUZZ_CHECK(r1.rejects[i].message[0] != '\0', "reject %zu without a message", i);
	fuzz_stmt_same(st1, r1.rows, st1 == STMT_OK ? r1.nrows : 0, st2, r2.rows,
	    st2 == STMT_OK ? r2.nrows : 0);
	pool_free(&p1);
	pool_free(&p2);
	return 0;
}
