/*
 * ofx.h: OFX bank and card statements, QFX alike, of both generations:
 * 1.x SGML (elements left unclosed, a "KEY:VALUE" header) and 2.x XML.
 * Read as text by a tag scanner, not an XML parser: no DTD, no entity but
 * the five of XML and character references, nothing fetched. Pure C.
 */
#ifndef OZ_OFX_H
#define OZ_OFX_H

#include <stddef.h>

#include "domain/stmt.h"

struct pool;

/*
 * The STMTTRN rows of the n bytes of UTF-8 text at s into out: DTPOSTED
 * (DTUSER when missing), TRNAMT (decimal point or comma, as Brazilian banks
 * write it), NAME or else MEMO, FITID (the external id), TRNTYPE (the
 * bank's type), the currency (CURDEF, or the row's CURRENCY). Returns a
 * STMT_ status: STMT_BAD for a file with no <OFX> or cut short (no
 * </OFX>), STMT_NOTABLE when it holds no transaction.
 */
int	ofx_read(const char *s, size_t n, const struct stmt_opts *o, struct pool *pool,
	    struct stmt_result *out);

#endif
