/* validate.c: JSON field checks shared by every handler. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "json_io.h"
#include "validate.h"

int
v_known_fields(struct oz_req *r, struct json_object *obj, const char *const *allowed)
{
	int bad = 0;

	json_object_object_foreach(obj, key, val) {
		const char *const *a;

		(void)val;
		for (a = allowed; *a; a++)
			if (strcmp(*a, key) == 0)
				break;
		if (*a == NULL) {
			char field[80];

			/* Field names come from the client: keep them short in the answer. */
			snprintf(field, sizeof(field), "%.64s", key);
			oz_fail_detail(r, field, "is not a known field");
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

size_t
v_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

int
v_printable(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		/* C1 controls U+0080..U+009F are encoded C2 80..C2 9F */
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 0;
	}
	return 1;
}

int
v_string(struct oz_req *r, struct json_object *obj, const char *field, size_t min,
    size_t max, const char **out, int *is_null)
{
	struct json_object *v;
	const char	*s;
	size_t		 n;
	char		 msg[96];

	*out = NULL;
	if (is_null)
		*is_null = 0;
	if (!json_object_object_get_ex(obj, field, &v))
		return 0;
	if (v == NULL) {
		if (is_null)
			*is_null = 1;
		return 0;
	}
	if (!json_object_is_type(v, json_type_string)) {
		oz_fail_detail(r, field, "must be a string");
		return -1;
	}
	s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) != strlen(s) || !v_printable(s)) {
		oz_fail_detail(r, field, "must not contain control characters");
		return -1;
	}
	n = v_utf8_chars(s);
	if (n < min || n > max) {
		if (min > 0 && n < min)
			snprintf(msg, sizeof(msg), "must have at least %zu character%s", min,
			    min == 1 ? "" : "s");
		else
			snprintf(msg, sizeof(msg), "must have at most %zu characters", max);
		oz_fail_detail(r, field, msg);
		return -1;
	}
	*out = s;
	return 1;
}

int
v_is_email(const char *s)
{
	const char *at = strchr(s, '@'), *p, *dot;
	size_t	 len = strlen(s);

	if (at == NULL || at == s || strchr(at + 1, '@') || len > 254 || at - s > 64)
		return 0;
	for (p = s; *p; p++)
		if ((unsigned char)*p <= 0x20 || strchr("<>()[]\\,;:\"", *p))
			return 0;
	dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0' || strlen(dot + 1) < 2)
		return 0;
	if (strstr(s, "..") || at[1] == '.' || at[-1] == '.' || s[0] == '.')
		return 0;
	return 1;
}

int
v_is_e164(const char *s)
{
	size_t i, n;

	if (s[0] != '+' || s[1] < '1' || s[1] > '9')
		return 0;
	n = strlen(s + 1);
	if (n < 7 || n > 15)
		return 0;
	for (i = 1; s[i]; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
v_is_language(const char *s)
{
	return strcmp(s, "en") == 0 || strcmp(s, "pt") == 0 || strcmp(s, "es") == 0;
}

int
v_done(struct oz_req *r)
{
	if (r->err.ndetails > 0 && r->err.code == OZ_OK)
		return oz_fail(r, OZ_VALIDATION_ERROR, "the request has invalid fields; see details");
	return r->err.code == OZ_OK ? 0 : -1;
}
