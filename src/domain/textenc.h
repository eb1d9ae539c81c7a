/*
 * textenc.h: outside text (a bank's CSV, OFX, QIF) as UTF-8. Exports name
 * their encoding wrongly as often as rightly, so the bytes decide: valid
 * UTF-8 is kept, anything else is read as Windows-1252 (Latin-1's
 * superset for printable text). Pure C.
 */
#ifndef OZ_TEXTENC_H
#define OZ_TEXTENC_H

#include <stddef.h>

struct pool;

/*
 * A NUL-terminated UTF-8 copy of the n bytes at s in pool memory, *outlen
 * its length: a UTF-8 BOM dropped, NUL bytes made spaces, invalid UTF-8
 * read as Windows-1252 (its five unassigned bytes become '?'). NULL on
 * OOM or when the copy would pass max bytes.
 */
char	*textenc_utf8(const char *s, size_t n, size_t max, struct pool *pool, size_t *outlen);
/* 1 if the n bytes at s are UTF-8 (a BOM allowed). */
int	 textenc_is_utf8(const char *s, size_t n);

#endif
