/* utf8.h: UTF-8 checks shared by every layer that takes outside text. */
#ifndef OZ_UTF8_H
#define OZ_UTF8_H

#include <stddef.h>

/* 1 if the len bytes at s are well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int	utf8_valid(const char *s, size_t len);
/* Unicode code points in a valid UTF-8 string. */
size_t	utf8_chars(const char *s);
/* 1 if s (valid UTF-8) has no control characters (C0, DEL, C1). */
int	utf8_printable(const char *s);

#endif
