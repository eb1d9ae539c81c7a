/*
 * fuzz_categorize.c: the categoriser of a transaction's description
 * (src/domain/categorize.c): categorize, merchant_key (the key of a user's
 * taught rule) and categorize_fold.
 *
 * Input: one byte choosing the size of merchant_key's buffer, then the
 * description. Checks, besides crashes and sanitizer reports: a category in
 * range with a confidence in [0, 1] and a merchant name that is a string;
 * the key and the folded text hold only lower-case ASCII letters, digits,
 * '&' ("h&m") and single inner spaces, fit their buffers, and folding is idempotent
 * (folding folded text changes nothing); the same description is put in
 * the same category twice.
 *
 * libFuzzer options: -max_len=4096
 */
#include "config.h"

#include "fuzz.h"

#include "domain/categorize.h"

static void
check_folded(const char *what, const char *s, size_t len)
{
	size_t i;

	FUZZ_CHECK(strlen(s) == len, "%s: length", what);
	for (i = 0; i < len; i++) {
		char c = s[i];

		FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' ||
		    (c == ' ' && i > 0 && i + 1 < len && s[i - 1] != ' '),
		    "%s: byte 0x%02x at %zu of \"%s\"", what, (unsigned char)c, i, s);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	 fold[4096], again[4096];
	struct cat_result a, b;
	size_t		 keylen = (fuzz_byte(&data, &size) & 63) + 1, n, m;
	char		 key[64];
	char		*s = fuzz_strdup(data, size);

	categorize(s, &a);
	FUZZ_CHECK(a.category < CAT_COUNT, "category %d", (int)a.category);
	FUZZ_CHECK(a.confidence >= 0.0 && a.confidence <= 1.0, "confidence %f", a.confidence);
	FUZZ_CHECK(memchr(a.merchant, '\0', sizeof(a.merchant)) != NULL, "merchant unterminated");
	categorize(s, &b);
	FUZZ_CHECK(a.category == b.category && a.confidence == b.confidence &&
	    strcmp(a.merchant, b.merchant) == 0, "two answers");

	memset(key, 'x', sizeof(key));
	merchant_key(s, key, keylen);
	FUZZ_CHECK(memchr(key, '\0', keylen) != NULL, "key unterminated in %zu bytes", keylen);
	check_folded("merchant_key", key, strlen(key));
	FUZZ_CHECK(keylen == sizeof(key) || key[keylen] == 'x', "key overran its buffer");

	n = categorize_fold(s, strlen(s), fold, sizeof(fold));
	check_folded("categorize_fold", fold, n);
	m = categorize_fold(fold, n, again, sizeof(again));
	FUZZ_CHECK(m == n && strcmp(fold, again) == 0, "folding twice: \"%s\" then \"%s\"",
	    fold, again);
	free(s);
	return 0;
}
