/*
 * csv.h: delimited text (CSV, TSV, and the semicolon and pipe files banks
 * write) into a table of cells for the statement reader (stmt.h). RFC 4180
 * quoting ("a ""b""", fields across lines), records ended by CRLF, LF or
 * CR, the delimiter sniffed. Pure C; cells in pool memory.
 */
#ifndef OZ_CSV_H
#define OZ_CSV_H

#include <stddef.h>

#include "domain/stmt.h"

struct pool;

#define CSV_MAX_FIELDS	512	/* fields in one record */

/* The delimiter of the n bytes of text at s: ',' ';' '\t' or '|' (the one most records agree on), ',' when none. */
int	csv_delimiter(const char *s, size_t n);
/*
 * Parse the n bytes at s (UTF-8 text, writable: fields are unquoted and
 * cut in place, so the cells point into it) into out, with delim (0:
 * sniffed). At most max_records records (0: no limit). Returns STMT_OK,
 * STMT_BAD (a quote never closed, text after a closing quote, too many
 * fields: err says which line), STMT_TOOMANY or STMT_NOMEM.
 */
int	csv_parse(char *s, size_t n, int delim, size_t max_records, struct pool *pool,
	    struct stmt_table *out, char *err, size_t errlen);

#endif
