/*
 * fuzz_ids.c: the id and cursor decoders (src/core/ids.c): ids_valid on the
 * ids in every path, cursor_decode on the ?cursor= of every list, and the
 * base64url under both.
 *
 * Input: one byte choosing what to read, then the bytes. Checks, besides
 * crashes and sanitizer reports:
 *  - cursor_decode: a cursor it takes names an id of printable ASCII, and
 *    encoding that position again gives the same cursor; the same cursor
 *    under another scope (another list, another tenant) is refused;
 *  - cursor_encode of any position (8 bytes of time, then an id) decodes to
 *    that position;
 *  - b64url_decode takes only canonical text (encoding what it read gives
 *    the text back), and b64url_encode of any bytes decodes to them;
 *  - ids_valid: an id it takes is the prefix, '_' and 22 base64url characters.
 */
#include "config.h"

#include "fuzz.h"

#include "core/ids.h"
#include "core/oz_limits.h"

static const unsigned char key[32] = "fuzz: a key of thirty-two bytes";
static const char scope[] = "users|ozz_client_AAAAAAAAAAAAAAAAAAAAAA|";
static const char other[] = "users|ozz_client_BBBBBBBBBBBBBBBBBBBBBB|";

static void
cursor_read(const char *s)
{
	char	 id[OZ_ID_MAX], again[OZ_CURSOR_MAX + 1];
	int64_t	 ts;
	size_t	 i;

	if (cursor_decode(key, sizeof(key), scope, s, &ts, id, sizeof(id)) == -1)
		return;
	for (i = 0; id[i]; i++)
		FUZZ_CHECK(id[i] >= 0x21 && id[i] <= 0x7e, "id byte 0x%02x", (unsigned char)id[i]);
	FUZZ_CHECK(cursor_encode(key, sizeof(key), scope, ts, id, again, sizeof(again)) == 0,
	    "cannot encode what was decoded");
	FUZZ_CHECK(strcmp(again, s) == 0, "not canonical: %s / %s", s, again);
	FUZZ_CHECK(cursor_decode(key, sizeof(key), other, s, &ts, id, sizeof(id)) == -1,
	    "taken under another scope");
}

static void
cursor_make(const uint8_t *data, size_t size)
{
	char	 id[OZ_ID_MAX], got[OZ_ID_MAX], c[OZ_CURSOR_MAX + 1];
	int64_t	 ts = 0, back;
	size_t	 i;

	if (size < 8)
		return;
	for (i = 0; i < 8; i++)
		ts = (int64_t)((uint64_t)ts << 8 | data[i]);
	data += 8;
	size -= 8;
	if (size == 0 || size >= sizeof(id))
		return;
	for (i = 0; i < size; i++)
		if (data[i] < 0x21 || data[i] > 0x7e)
			return;
	memcpy(id, data, size);
	id[size] = '\0';
	FUZZ_CHECK(cursor_encode(key, sizeof(key), scope, ts, id, c, sizeof(c)) == 0,
	    "cannot encode id %s", id);
	FUZZ_CHECK(cursor_decode(key, sizeof(key), scope, c, &back, got, sizeof(got)) == 0,
	    "cannot decode %s", c);
	FUZZ_CHECK(back == ts && strcmp(got, id) == 0, "position changed");
}

static void
b64(const uint8_t *data, size_t size)
{
	unsigned char	 raw[512];
	char		 text[1024];
	size_t		 n;

	if (size > 512)
		return;
	if (b64url_decode((const char *)data, size, raw, sizeof(raw), &n) == 0) {
		b64url_encode(raw, n, text);
		FUZZ_CHECK(strlen(text) == size && memcmp(text, data, size) == 0,
		    "not canonical (%zu bytes)", size);
	}
	n = b64url_encode(data, size, text);
	FUZZ_CHECK(n == strlen(text), "length");
	FUZZ_CHECK(b64url_decode(text, n, raw, sizeof(raw), &n) == 0 && n == size &&
	    (size == 0 || memcmp(raw, data, size) == 0), "round trip");
}

static void
id_check(const char *s)
{
	static const char *const prefixes[] = { "ozz_usr", "ozz_client", "ozz_goal",
		"ozz_task", NULL };
	size_t	 i, k, plen;

	for (i = 0; prefixes[i]; i++) {
		if (!ids_valid(prefixes[i], s))
			continue;
		plen = strlen(prefixes[i]);
		FUZZ_CHECK(strlen(s) == plen + 23 && s[plen] == '_', "%s", s);
		for (k = plen + 1; s[k]; k++)
			FUZZ_CHECK(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			    "0123456789-_", s[k]) != NULL, "%s", s);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned	 what = fuzz_byte(&data, &size);
	char		*s = fuzz_strdup(data, size);

	switch (what & 3) {
	case 0:
		cursor_read(s);
		break;
	case 1:
		cursor_make(data, size);
		break;
	case 2:
		b64(data, size);
		break;
	default:
		id_check(s);
		break;
	}
	free(s);
	return 0;
}
