/* multipart.c: multipart/form-data, strictly (multipart.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/pool.h"
#include "http/multipart.h"

#define MP_MAX_BOUNDARY	70

struct mp_ctx {
	struct pool	*pool;
	char		*err;
	size_t		 errlen;
};

static int fail(struct mp_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct mp_ctx *c, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(c->err, c->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static int
is_ws(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* RFC 2045 tspecials and controls end a token. */
static int
is_token_char(unsigned char ch)
{
	return ch > 0x20 && ch < 0x7f && strchr("()<>@,;:\\\"/[]?=", ch) == NULL;
}

/*
 * The next "; name=value" parameter of a header value at *p (up to end):
 * name and value into the buffers (value unquoted). 1 found, 0 at the end,
 * -1 malformed.
 */
static int
next_param(const char **p, const char *end, char *name, size_t namelen, char *value,
    size_t valuelen)
{
	const char	*s = *p;
	size_t		 n = 0;

	while (s < end && is_ws(*s))
		s++;
	if (s == end)
		return 0;
	if (*s++ != ';')
		return -1;
	while (s < end && is_ws(*s))
		s++;
	while (s < end && is_token_char((unsigned char)*s) && n + 1 < namelen)
		name[n++] = *s++;
	name[n] = '\0';
	if (n == 0 || s == end || *s++ != '=')
		return -1;
	n = 0;
	if (s < end && *s == '"') {
		for (s++; s < end && *s != '"'; s++) {
			if (*s == '\\' && s + 1 < end)
				s++;
			if ((unsigned char)*s < 0x20 || *s == 0x7f || n + 1 >= valuelen)
				return -1;
			value[n++] = *s;
		}
		if (s == end)
			return -1;
		s++;
	} else {
		while (s < end && is_token_char((unsigned char)*s) && n + 1 < valuelen)
			value[n++] = *s++;
		if (n == 0 || (s < end && !is_ws(*s) && *s != ';'))
			return -1;
	}
	value[n] = '\0';
	*p = s;
	return 1;
}

/* Does value (up to end) start with type, case-insensitively, then end or ';'? */
static const char *
after_type(const char *value, const char *end, const char *type)
{
	size_t	 n = strlen(type);

	while (value < end && is_ws(*value))
		value++;
	if ((size_t)(end - value) < n || strncasecmp(value, type, n) != 0)
		return NULL;
	value += n;
	if (value < end && !is_ws(*value) && *value != ';')
		return NULL;
	return value;
}

int
multipart_is_form(const char *ct)
{
	return ct != NULL && after_type(ct, ct + strlen(ct), "multipart/form-data") != NULL;
}

/* The boundary parameter of the request's Content-Type into b. */
static int
boundary_of(struct mp_ctx *c, const char *ct, char *b, size_t blen)
{
	const char	*end = ct + strlen(ct), *p;
	char		 name[32], value[MP_MAX_BOUNDARY + 2];
	int		 rc;

	b[0] = '\0';
	if ((p = after_type(ct, end, "multipart/form-data")) == NULL)
		return fail(c, "the body is not multipart/form-data");
	while ((rc = next_param(&p, end, name, sizeof(name), value, sizeof(value))) == 1)
		if (strcasecmp(name, "boundary") == 0) {
			if (strlen(value) >= blen)
				return fail(c, "the Content-Type needs a boundary of 1 to 70 characters");
			memcpy(b, value, strlen(value) + 1);
		}
	if (rc == -1)
		return fail(c, "the Content-Type's parameters are malformed");
	if (b[0] == '\0' || strlen(b) > MP_MAX_BOUNDARY || b[strlen(b) - 1] == ' ')
		return fail(c, "the Content-Type needs a boundary of 1 to 70 characters");
	return 0;
}

/* The first needle (nlen >= 1) in hay, by Horspool's skips, or NULL. */
static const unsigned char *
find(const unsigned char *hay, size_t haylen, const char *needle, size_t nlen)
{
	const unsigned char *nd = (const unsigned char *)needle;
	size_t	 skip[256], i, pos = 0;

	if (nlen == 0 || haylen < nlen)
		return NULL;
	for (i = 0; i < 256; i++)
		skip[i] = nlen;
	for (i = 0; i + 1 < nlen; i++)
		skip[nd[i]] = nlen - 1 - i;
	while (pos + nlen <= haylen) {
		if (hay[pos + nlen - 1] == nd[nlen - 1] && memcmp(hay + pos, nd, nlen - 1) == 0)
			return hay + pos;
		pos += skip[hay[pos + nlen - 1]];
	}
	return NULL;
}

/* One header line of a part (without its CRLF) into the part. */
static int
part_header(struct mp_ctx *c, const char *line, size_t len, struct mp_part *part)
{
	const char	*end = line + len, *colon = memchr(line, ':', len), *p;
	char		 name[32], value[MP_MAX_NAME + 1];
	size_t		 nlen;
	int		 rc;

	if (len == 0 || is_ws(line[0]))
		return fail(c, "a part's header line is folded or empty");
	if (colon == NULL)
		return fail(c, "a part's header line has no colon");
	nlen = (size_t)(colon - line);
	for (p = colon + 1; p < end; p++)
		if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f)
			return fail(c, "a part's header holds a control character");
	if (nlen == 19 && strncasecmp(line, "Content-Disposition", nlen) == 0) {
		if ((p = after_type(colon + 1, end, "form-data")) == NULL)
			return fail(c, "a part's Content-Disposition must be form-data");
		while ((rc = next_param(&p, end, name, sizeof(name), value, sizeof(value))) == 1) {
			if (strcasecmp(name, "name") == 0)
				part->name = pool_strdup(c->pool, value);
			else if (strcasecmp(name, "filename") == 0)
				part->filename = pool_strdup(c->pool, value);
		}
		if (rc == -1)
			return fail(c, "a part's Content-Disposition is malformed");
	} else if (nlen == 12 && strncasecmp(line, "Content-Type", nlen) == 0) {
		for (p = colon + 1; p < end && is_ws(*p); p++)
			;
		if (end - p > MP_MAX_NAME)
			return fail(c, "a part's Content-Type is too long");
		part->content_type = pool_strndup(c->pool, p, (size_t)(end - p));
	} else if (nlen == 25 && strncasecmp(line, "Content-Transfer-Encoding", nlen) == 0) {
		if (after_type(colon + 1, end, "binary") == NULL &&
		    after_type(colon + 1, end, "8bit") == NULL &&
		    after_type(colon + 1, end, "7bit") == NULL)
			return fail(c, "a part's Content-Transfer-Encoding must be binary");
	}
	return 0;
}

/* The header block of a part (hdr, len: without the blank line). */
static int
part_headers(struct mp_ctx *c, const unsigned char *hdr, size_t len, struct mp_part *part)
{
	const unsigned char *p = hdr, *end = hdr + len, *eol;

	while (p < end) {
		if ((eol = find(p, (size_t)(end - p), "\r\n", 2)) == NULL)
			eol = end;
		if (memchr(p, '\n', (size_t)(eol - p)) != NULL ||
		    memchr(p, '\r', (size_t)(eol - p)) != NULL)
			return fail(c, "a part's header lines must end with CRLF");
		if (part_header(c, (const char *)p, (size_t)(eol - p), part) == -1)
			return -1;
		p = eol + 2;
	}
	if (part->name == NULL || part->name[0] == '\0')
		return fail(c, "a part has no Content-Disposition: form-data; name=\"…\"");
	return 0;
}

int
multipart_parse(const char *content_type, const unsigned char *body, size_t len,
    struct pool *pool, struct mp_part *parts, size_t *n, char *err, size_t errlen)
{
	struct mp_ctx	 c = { pool, err, errlen };
	char		 b[MP_MAX_BOUNDARY + 1], delim[MP_MAX_BOUNDARY + 5];
	const unsigned char *p = body, *end = body + len, *hend, *next;
	size_t		 dlen;

	*n = 0;
	err[0] = '\0';
	if (content_type == NULL || boundary_of(&c, content_type, b, sizeof(b)) == -1)
		return content_type ? -1 : fail(&c, "the body is not multipart/form-data");
	/* every delimiter but the first is "\r\n--boundary" */
	dlen = (size_t)snprintf(delim, sizeof(delim), "\r\n--%s", b);
	if (len < dlen - 2 || memcmp(p, delim + 2, dlen - 2) != 0)
		return fail(&c, "the body does not open with its boundary");
	p += dlen - 2;
	for (;;) {
		struct mp_part *part;

		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;			/* the close delimiter: the rest is epilogue */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return fail(&c, "a boundary line must end with CRLF");
		p += 2;
		if (*n == MP_MAX_PARTS)
			return fail(&c, "more than %d parts", MP_MAX_PARTS);
		part = &parts[*n];
		memset(part, 0, sizeof(*part));
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			hend = p;		/* no headers at all */
		else if ((hend = find(p, (size_t)(end - p) < MP_MAX_HEADERS_LEN + 4 ?
		    (size_t)(end - p) : MP_MAX_HEADERS_LEN + 4, "\r\n\r\n", 4)) == NULL)
			return fail(&c, end - p > MP_MAX_HEADERS_LEN ? "a part's headers are "
			    "longer than %d bytes" : "a part's headers never end", MP_MAX_HEADERS_LEN);
		if (part_headers(&c, p, (size_t)(hend - p), part) == -1)
			return -1;
		p = hend + (hend == p ? 2 : 4);
		if ((next = find(p, (size_t)(end - p), delim, dlen)) == NULL)
			return fail(&c, "the body ends before its closing boundary");
		part->data = p;
		part->len = (size_t)(next - p);
		(*n)++;
		p = next + dlen;
	}
	if (*n == 0)
		return fail(&c, "the body holds no part");
	return 0;
}

const char *
multipart_disposition_filename(const char *value, struct pool *pool)
{
	const char	*end, *p;
	char		 name[32], v[MP_MAX_NAME + 1];
	const char	*found = NULL;
	int		 rc;

	if (value == NULL)
		return NULL;
	end = value + strlen(value);
	if ((p = after_type(value, end, "attachment")) == NULL &&
	    (p = after_type(value, end, "inline")) == NULL &&
	    (p = after_type(value, end, "form-data")) == NULL)
		return NULL;
	while ((rc = next_param(&p, end, name, sizeof(name), v, sizeof(v))) == 1)
		if (strcasecmp(name, "filename") == 0 && v[0] != '\0')
			found = pool_strdup(pool, v);
	return rc == -1 ? NULL : found;
}
