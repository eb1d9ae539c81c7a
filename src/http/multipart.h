/*
 * multipart.h: a strict, bounded reader of multipart/form-data bodies
 * (RFC 7578), the way a document comes from an HTML form or `curl -F`.
 * Nothing is copied but the part names and file names: a part's data
 * points into the body. Refused: a boundary that is missing or malformed,
 * a body that does not open with it or never closes it, header lines not
 * ended by CRLF or folded, a part without Content-Disposition: form-data
 * and a name, a transfer encoding other than 7bit, 8bit or binary, more
 * parts or longer headers than the limits.
 */
#ifndef OZ_MULTIPART_H
#define OZ_MULTIPART_H

#include <stddef.h>

struct pool;

#define MP_MAX_PARTS		8
#define MP_MAX_HEADERS_LEN	4096	/* one part's header block */
#define MP_MAX_NAME		255	/* a name or file name, bytes */

struct mp_part {
	const char	*name;		/* the form field's name (pool) */
	const char	*filename;	/* NULL when the part is no file (pool) */
	const char	*content_type;	/* NULL when none was given (pool) */
	const unsigned char *data;	/* into the body */
	size_t		 len;
};

/*
 * Read body (len bytes) as the multipart/form-data that content_type (the
 * request's header, with its boundary parameter) announces, into up to
 * MP_MAX_PARTS parts. 0 and *n, or -1 with a message for the client in err.
 */
int	multipart_parse(const char *content_type, const unsigned char *body, size_t len,
	    struct pool *pool, struct mp_part *parts, size_t *n, char *err, size_t errlen);
/*
 * The filename parameter of a Content-Disposition header value
 * ("attachment; filename=\"a.csv\""), in the pool; NULL when there is
 * none or the value is malformed.
 */
const char *multipart_disposition_filename(const char *value, struct pool *pool);
/* 1 if content_type is multipart/form-data (any parameters). */
int	multipart_is_form(const char *content_type);

#endif
