/* validate.c: JSON field checks shared by every handler. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "core/num.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/lang.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/validate.h"

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
			char field[65];

			/*
			 * Field names come from the client: keep them short in the
			 * answer, cut between characters (the answer is UTF-8).
			 */
			lang_clip(field, sizeof(field), key);
			oz_fail_detail(r, field, "is not a known field");
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* The field's value: 1 present, 0 absent or JSON null (*is_null tells which). */
static int
take_field(struct json_object *obj, const char *name, struct json_object **v, int *is_null)
{
	if (is_null)
		*is_null = 0;
	if (!json_object_object_get_ex(obj, name, v))
		return 0;
	if (*v == NULL) {
		if (is_null)
			*is_null = 1;
		return 0;
	}
	return 1;
}

void
v_known_query(struct oz_req *r, const char *const *known)
{
	size_t	 i, j;
	const char *const *k;

	for (i = 0; i < r->nquery; i++) {
		for (k = known; *k && strcmp(*k, r->query[i].name) != 0; k++)
			;
		if (*k == NULL) {
			oz_fail_detail(r, r->query[i].name, "is not a query parameter of this list");
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(r->query[j].name, r->query[i].name) == 0) {
				oz_fail_detail(r, r->query[i].name, "is given more than once");
				break;
			}
	}
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
	if (!take_field(obj, field, &v, is_null))
		return 0;
	if (!json_object_is_type(v, json_type_string)) {
		oz_fail_detail(r, field, "must be a string");
		return -1;
	}
	s = json_object_get_string(v);
	if ((size_t)json_object_get_string_len(v) != strlen(s) || !utf8_printable(s)) {
		oz_fail_detail(r, field, "must not contain control characters");
		return -1;
	}
	n = utf8_chars(s);
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
v_money(struct oz_req *r, struct json_object *obj, const char *field, int64_t min,
    int64_t max, int64_t *cents, int *is_null)
{
	struct json_object *v;
	const char	*s, *errstr;
	char		 msg[128];

	if (!take_field(obj, field, &v, is_null))
		return 0;
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		oz_fail_detail(r, field, "must be a number");
		return -1;
	}
	s = json_object_get_string(v);
	if (num_parse_decimal(s, strlen(s), 2, min, max, cents, &errstr) == -1) {
		if (strcmp(errstr, "is too large") == 0 || strcmp(errstr, "is out of range") == 0)
			snprintf(msg, sizeof(msg), "must be at most %lld",
			    (long long)(max / 100));
		else if (strcmp(errstr, "is too small") == 0 && min > 0)
			snprintf(msg, sizeof(msg), "must be greater than 0");
		else if (strcmp(errstr, "is too small") == 0)
			snprintf(msg, sizeof(msg), "must not be negative");
		else if (s[0] == '-')
			snprintf(msg, sizeof(msg), "must not be negative");
		else
			snprintf(msg, sizeof(msg), "%s (plain decimal, at most two decimals)", errstr);
		oz_fail_detail(r, field, msg);
		return -1;
	}
	return 1;
}

int
v_int(struct oz_req *r, struct json_object *obj, const char *field, int64_t min,
    int64_t max, int64_t *out, int *is_null)
{
	struct json_object *v;
	const char	*s, *errstr;
	char		 msg[128];

	if (!take_field(obj, field, &v, is_null))
		return 0;
	if (!json_object_is_type(v, json_type_int)) {
		oz_fail_detail(r, field, "must be an integer");
		return -1;
	}
	s = json_object_get_string(v);
	if (num_parse_i64z(s, min, max, out, &errstr) == -1) {
		snprintf(msg, sizeof(msg), "must be an integer from %lld to %lld",
		    (long long)min, (long long)max);
		oz_fail_detail(r, field, msg);
		return -1;
	}
	return 1;
}

int
v_is_one_of(const char *s, const char *const *values)
{
	for (; s != NULL && *values; values++)
		if (strcmp(s, *values) == 0)
			return 1;
	return 0;
}

int
v_is_date(const char *s)
{
	return cal_valid(s);
}

int
v_date(struct oz_req *r, struct json_object *obj, const char *field, const char **out,
    int *is_null)
{
	int rc = v_string(r, obj, field, 10, 10, out, is_null);

	if (rc == 1 && !v_is_date(*out)) {
		oz_fail_detail(r, field, "must be a real date YYYY-MM-DD");
		*out = NULL;
		return -1;
	}
	if (rc == -1) {
		/* replace the length message with the useful one */
		r->err.details[r->err.ndetails - 1].message = "must be a real date YYYY-MM-DD";
	}
	return rc;
}

int
v_enum(struct oz_req *r, struct json_object *obj, const char *field,
    const char *const *values, const char **out, int *is_null)
{
	const char *const *p;
	char	 msg[160];
	size_t	 n = 0;
	int	 rc = v_string(r, obj, field, 1, 40, out, is_null);

	if (rc != 1)
		return rc;
	for (p = values; *p; p++)
		if (strcmp(*p, *out) == 0)
			return 1;
	n = (size_t)snprintf(msg, sizeof(msg), "must be one of");
	for (p = values; *p && n < sizeof(msg); p++)
		n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s %s", p == values ? "" : ",", *p);
	oz_fail_detail(r, field, msg);
	*out = NULL;
	return -1;
}

int
v_text(struct oz_req *r, struct json_object *obj, const char *field, size_t max,
    const char **out)
{
	struct json_object *v;
	const char	*s, *p;
	char		 msg[96];

	*out = NULL;
	if (!json_object_object_get_ex(obj, field, &v) || v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_string)) {
		oz_fail_detail(r, field, "must be a string");
		return -1;
	}
	s = json_object_get_string(v);
	for (p = s; *p; p++)
		if (((unsigned char)*p < 0x20 && !strchr("\t\r\n", *p)) || *p == 0x7f)
			break;
	if ((size_t)json_object_get_string_len(v) != strlen(s) || *p != '\0') {
		oz_fail_detail(r, field, "must not contain control characters other than newlines");
		return -1;
	}
	if (utf8_chars(s) == 0 || utf8_chars(s) > max) {
		snprintf(msg, sizeof(msg), "must have 1 to %zu characters", max);
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
