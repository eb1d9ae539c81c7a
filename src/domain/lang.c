/* lang.c: languages and the template expander (lang.h). */
#include "config.h"

#include <string.h>

#include "domain/lang.h"

static const char *const codes[LANG_COUNT] = { "en", "pt", "es" };

enum lang
lang_of(const char *code)
{
	enum lang	 l;

	return lang_parse(code, &l) == 0 ? l : LANG_EN;
}

int
lang_parse(const char *code, enum lang *out)
{
	int	 i;

	for (i = 0; code != NULL && i < LANG_COUNT; i++)
		if (strcmp(code, codes[i]) == 0) {
			*out = (enum lang)i;
			return 0;
		}
	return -1;
}

const char *
lang_code(enum lang l)
{
	return (unsigned)l < LANG_COUNT ? codes[l] : codes[LANG_EN];
}

/* Append n bytes of s at *o; -1 (and a cut on a UTF-8 boundary) when full. */
static int
put(char *out, size_t outlen, size_t *o, const char *s, size_t n)
{
	size_t	 avail = outlen - *o - 1;
	int	 rc = 0;

	if (n > avail) {
		n = avail;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		rc = -1;
	}
	memcpy(out + *o, s, n);
	*o += n;
	out[*o] = '\0';
	return rc;
}

int
lang_expand(char *out, size_t outlen, const char *tpl, const char *const *args,
    size_t nargs)
{
	size_t	 o = 0, a;
	int	 rc = 0;

	out[0] = '\0';
	while (*tpl && rc == 0) {
		const char *brace = strchr(tpl, '{');

		if (brace == NULL) {
			rc = put(out, outlen, &o, tpl, strlen(tpl));
			break;
		}
		rc = put(out, outlen, &o, tpl, (size_t)(brace - tpl));
		if (rc == 0 && brace[1] >= '1' && brace[1] <= '9' && brace[2] == '}') {
			a = (size_t)(brace[1] - '1');
			if (a < nargs && args[a] != NULL)
				rc = put(out, outlen, &o, args[a], strlen(args[a]));
			tpl = brace + 3;
		} else if (rc == 0) {
			rc = put(out, outlen, &o, brace, 1);
			tpl = brace + 1;
		}
	}
	return rc;
}

void
lang_clip(char *dst, size_t n, const char *src)
{
	size_t	 o = 0;

	if (n == 0)
		return;
	dst[0] = '\0';
	if (src != NULL)
		(void)put(dst, n, &o, src, strnlen(src, n));
}

int
lang_append(char *dst, size_t n, const char *src)
{
	size_t	 o = strnlen(dst, n - 1);

	return src == NULL ? 0 : put(dst, n, &o, src, strlen(src));
}
