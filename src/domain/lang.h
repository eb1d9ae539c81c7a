/*
 * lang.h: the one language module of the tree: the languages a user may
 * speak (DESIGN §4: en, pt, es) and the template expander every text table
 * uses ("{1} spent in {2}").
 */
#ifndef OZ_LANG_H
#define OZ_LANG_H

#include <stddef.h>

enum lang { LANG_EN, LANG_PT, LANG_ES, LANG_COUNT };

/* The language of a code ("pt"); English for NULL or anything unknown. */
enum lang lang_of(const char *code);
/* The language of a code into *out: 0, or -1 for NULL or a code we do not speak. */
int	lang_parse(const char *code, enum lang *out);
/* The code of a language ("es"). */
const char *lang_code(enum lang l);
/*
 * Expand tpl into out (outlen > 0): {1}..{9} become args[0..8] (NULL or
 * missing ones become ""), any other brace stays. Returns 0, or -1 when it
 * did not fit: out then holds as much as fits, cut on a UTF-8 boundary.
 */
int	lang_expand(char *out, size_t outlen, const char *tpl, const char *const *args,
	    size_t nargs);
/* Copy src (NULL: "") into dst of n > 0 bytes, cut on a UTF-8 boundary. */
void	lang_clip(char *dst, size_t n, const char *src);
/*
 * Append src (NULL: nothing) to the string in dst of n > 0 bytes. Returns 0,
 * or -1 when it did not all fit: dst then holds what fits, cut on a UTF-8
 * boundary.
 */
int	lang_append(char *dst, size_t n, const char *src);

#endif
