/* buf.h: a growable byte buffer with a hard maximum set at creation. */
#ifndef OZ_BUF_H
#define OZ_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* always NUL-terminated when non-NULL */
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* len never exceeds this */
};

/* Prepare an empty buffer that will refuse to grow past max bytes. */
void	buf_init(struct buf *b, size_t max);
/* Append n bytes; -1 (buffer unchanged) when max would be exceeded or on OOM. */
int	buf_append(struct buf *b, const void *p, size_t n);
/* Append a NUL-terminated string; -1 as buf_append. */
int	buf_puts(struct buf *b, const char *s);
/* Append one byte; -1 as buf_append. */
int	buf_putc(struct buf *b, char c);
/* Append formatted text; -1 (buffer unchanged) on overflow of max or OOM. */
int	buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));
/* The contents as a C string ("" when empty); valid until the next change. */
const char *buf_str(const struct buf *b);
/* Forget the contents, keep the memory. */
void	buf_reset(struct buf *b);
/* Keep the first len bytes (no-op when b is not longer). */
void	buf_truncate(struct buf *b, size_t len);
/* Release the memory; the buffer is empty and reusable afterwards. */
void	buf_free(struct buf *b);
/* Give up the memory to the caller (NULL when empty); the buffer becomes empty. */
char	*buf_detach(struct buf *b, size_t *len);

#endif
