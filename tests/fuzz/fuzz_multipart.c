/*
 * fuzz_multipart.c: the multipart/form-data reader documents come through
 * (src/http/multipart.c), and the strict base64 decoder of documents sent
 * in JSON (src/core/b64.c).
 *
 * Input: one byte of options (bits 0-1: which Content-Type: a plain
 * boundary, a quoted one with a space, none, one of 71 characters; bit 2:
 * the input is a body as is, else a file part's data wrapped in a well
 * formed body), then the bytes. Checks, besides crashes and sanitizer
 * reports: a body read has 1 to MP_MAX_PARTS parts, each inside the body,
 * in order, not overlapping, named, each followed by the delimiter; a
 * refusal says why; a file wrapped in a well-formed body comes back byte for
 * byte unless the delimiter is inside it; the same bytes as base64 decode
 * back to themselves, and any decoded input encodes to what decodes to the
 * same bytes.
 * libFuzzer options: -max_len=16384
 */
#include "config.h"

#include "fuzz.h"

#include "core/b64.h"
#include "core/pool.h"
#include "http/multipart.h"

static const char *const types[] = {
	"multipart/form-data; boundary=XyZ",
	"multipart/form-data; charset=utf-8; boundary=\"a b\"",
	"multipart/form-data",
	("multipart/form-data; boundary=01234567890123456789012345678901234567890123456789"
	    "012345678901234567890"),
};
static const char *const delims[] = { "\r\n--XyZ", "\r\n--a b", NULL, NULL };

static void
check_parts(const uint8_t *body, size_t size, const struct mp_part *parts, size_t n,
    const char *delim)
{
	const uint8_t *last = body;
	size_t	 i, dl = delim ? strlen(delim) : 0;

	FUZZ_CHECK(n >= 1 && n <= MP_MAX_PARTS, "%zu parts", n);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(parts[i].name != NULL && parts[i].name[0] != '\0', "part %zu unnamed", i);
		FUZZ_CHECK(parts[i].data >= last && parts[i].data + parts[i].len <= body + size,
		    "part %zu outside the body or overlapping", i);
		FUZZ_CHECK(delim != NULL && parts[i].data + parts[i].len + dl <= body + size &&
		    memcmp(parts[i].data + parts[i].len, delim, dl) == 0,
		    "part %zu not followed by its delimiter", i);
		last = parts[i].data + parts[i].len;
	}
}

/* data wrapped as the file part of a well-formed body with boundary XyZ. */
static void
wrapped(const uint8_t *data, size_t size, struct pool *pool)
{
	static const char head[] = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
	    "filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
	static const char tail[] = "\r\n--XyZ--\r\n";
	struct mp_part	 parts[MP_MAX_PARTS];
	uint8_t		*body = malloc(size + sizeof(head) + sizeof(tail));
	size_t		 n, len = 0, i;
	char		 err[160];
	int		 has_delim = 0, rc;

	if (body == NULL)
		abort();
	memcpy(body, head, sizeof(head) - 1);
	len += sizeof(head) - 1;
	memcpy(body + len, data, size);
	len += size;
	memcpy(body + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	for (i = 0; i + 7 <= size + 2 && !has_delim; i++) {
		/* the delimiter may start in the data and end in the tail */
		const uint8_t *p = body + sizeof(head) - 1 + i;

		has_delim = p + 7 <= body + len && memcmp(p, "\r\n--XyZ", 7) == 0 &&
		    i < size;
	}
	rc = multipart_parse(types[0], body, len, pool, parts, &n, err, sizeof(err));
	if (!has_delim) {
		FUZZ_CHECK(rc == 0, "a well-formed body refused: %s", err);
		FUZZ_CHECK(n == 1 && parts[0].len == size &&
		    (size == 0 || memcmp(parts[0].data, data, size) == 0), "the file changed");
		FUZZ_CHECK(strcmp(parts[0].filename, "f.bin") == 0, "file name");
	} else if (rc == 0)
		check_parts(body, len, parts, n, delims[0]);
	free(body);
}

static void
base64_both_ways(const uint8_t *data, size_t size)
{
	char		*enc = malloc(4 * ((size + 2) / 3) + 1);
	unsigned char	*dec = malloc(B64_DECODED_MAX(4 * ((size + 2) / 3)) + size + 3);
	size_t		 elen, n, bad;

	if (enc == NULL || dec == NULL)
		abort();
	elen = b64_encode(data, size, enc);
	FUZZ_CHECK(b64_decode(enc, elen, dec, B64_DECODED_MAX(elen), &n, &bad) == 0,
	    "own encoding refused at %zu", bad);
	FUZZ_CHECK(n == size && (size == 0 || memcmp(dec, data, size) == 0), "roundtrip");
	/* the input itself as base64 text */
	if (b64_decode((const char *)data, size, dec, B64_DECODED_MAX(size), &n, &bad) == 0) {
		char	*again = malloc(4 * ((n + 2) / 3) + 1);
		unsigned char *back = malloc(n + 3);
		size_t	 n2;

		if (again == NULL || back == NULL)
			abort();
		FUZZ_CHECK(n <= size, "decoded more than read");
		b64_encode(dec, n, again);
		FUZZ_CHECK(b64_decode(again, strlen(again), back, n + 3, &n2, &bad) == 0 &&
		    n2 == n && (n == 0 || memcmp(back, dec, n) == 0), "decoded, encoded, differs");
		free(again);
		free(back);
	} else {
		FUZZ_CHECK(bad <= size, "refused beyond the input");
	}
	free(enc);
	free(dec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_byte(&data, &size);
	struct mp_part	 parts[MP_MAX_PARTS];
	struct pool	 pool;
	size_t		 n;
	char		 err[160];

	pool_init(&pool);
	if (opt & 4) {
		if (multipart_parse(types[opt & 3], data, size, &pool, parts, &n, err,
		    sizeof(err)) == 0)
			check_parts(data, size, parts, n, delims[opt & 3]);
		else
			FUZZ_CHECK(err[0] != '\0', "refused without a reason");
	} else {
		wrapped(data, size, &pool);
	}
	base64_both_ways(data, size);
	pool_free(&pool);
	return 0;
}
