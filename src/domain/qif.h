/*
 * qif.h: Quicken Interchange Format exports: "!Type:" blocks of records,
 * one field a line by its first letter, each record ended by "^". Pure C.
 */
#ifndef OZ_QIF_H
#define OZ_QIF_H

#include <stddef.h>

#include "domain/stmt.h"

struct pool;

/*
 * The transactions of the n bytes of UTF-8 text at s into out: the
 * records of Bank, CCard, Cash and asset/liability blocks (lists of
 * accounts, categories, classes and memorized payees are passed over;
 * investment blocks are not read): D the date, in the many forms QIF
 * writers use ("1/23/2019", "1/ 5'04", "23.01.2019", "2019-01-23"), the
 * order told from all the file's dates; T (or U) the signed amount, its
 * decimal mark told from all of them; P the payee, else M the memo. A
 * record the file ends inside is a reject. Returns a STMT_ status.
 */
int	qif_read(const char *s, size_t n, const struct stmt_opts *o, struct pool *pool,
	    struct stmt_result *out);

#endif
