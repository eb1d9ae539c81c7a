/* json_io.c: strict JSON parsing (json-c) and the response envelopes. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "core/num.h"
#include "core/oz_limits.h"
#include "core/utf8.h"
#include "http/http.h"
#include "http/json_io.h"


/*
 * json-c's strict mode still takes a few extensions (single-quoted strings,
 * comments): outside of strings, allow only what RFC 8259 allows.
 */
static int
lexically_plain(const char *s, size_t len)
{
	size_t	 i;
	int	 in_str = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
			else if (c < 0x20)
				return 0;
			continue;
		}
		if (c == '"')
			in_str = 1;
		else if (!strchr(" \t\r\n{}[]:,-+.0123456789eEtruefalsn", c) || c == '\0')
			return 0;
	}
	return 1;
}

int
json_parse_body(struct oz_req *r)
{
	struct json_tokener	*tok;
	struct json_object	*obj;
	enum json_tokener_error	 jerr;
	char			 msg[160];

	if (r->body_len == 0)
		return oz_fail(r, OZ_INVALID_JSON, "the request body is empty; send a JSON object");
	if (!utf8_valid(r->body, r->body_len))
		return oz_fail(r, OZ_INVALID_JSON, "the request body is not valid UTF-8");
	if (!lexically_plain(r->body, r->body_len))
		return oz_fail(r, OZ_INVALID_JSON,
		    "the body is not valid JSON (only RFC 8259 JSON is accepted)");
	if ((tok = json_tokener_new_ex(OZ_JSON_MAX_DEPTH)) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, r->body, (int)r->body_len);
	jerr = json_tokener_get_error(tok);
	if (obj != NULL && jerr == json_tokener_success &&
	    json_tokener_get_parse_end(tok) < r->body_len) {
		/* Only whitespace may follow the value. */
		size_t i;

		for (i = json_tokener_get_parse_end(tok); i < r->body_len; i++)
			if (!strchr(" \t\r\n", r->body[i])) {
				json_object_put(obj);
				json_tokener_free(tok);
				snprintf(msg, sizeof(msg),
				    "unexpected data after the JSON value at byte %zu", i);
				return oz_fail(r, OZ_INVALID_JSON, msg);
			}
	}
	if (obj == NULL || jerr != json_tokener_success) {
		if (jerr == json_tokener_continue)
			snprintf(msg, sizeof(msg), "the JSON body ends too early");
		else if (jerr == json_tokener_error_depth)
			snprintf(msg, sizeof(msg), "the JSON body is nested deeper than %d levels",
			    OZ_JSON_MAX_DEPTH);
		else
			snprintf(msg, sizeof(msg), "the body is not valid JSON: %s near byte %zu",
			    json_tokener_error_desc(jerr), json_tokener_get_parse_end(tok));
		json_object_put(obj);
		json_tokener_free(tok);
		return oz_fail(r, OZ_INVALID_JSON, msg);
	}
	json_tokener_free(tok);
	if (!json_object_is_type(obj, json_type_object)) {
		json_object_put(obj);
		return oz_fail(r, OZ_INVALID_JSON, "the request body must be a JSON object");
	}
	r->json = obj;
	return 0;
}

/* Whether text is a decimal json_decimal writes as a number (*units: its 10^-4). */
static int
decimal_number(const char *text, int64_t *units)
{
	const char	*errstr;

	return num_parse_decimal(text, strlen(text), 4, INT64_MIN / 2, INT64_MAX / 2, units,
	    &errstr) == 0;
}

struct json_object *
json_decimal(const char *text)
{
	int64_t		 units;

	if (text == NULL || *text == '\0')
		return NULL;
	/* json-c prints the text given, so the value is exact on the wire. */
	if (!decimal_number(text, &units))
		return json_object_new_string(text);
	return json_object_new_double_s((double)units / 10000.0, text);
}

struct json_object *
json_money(int64_t units, int scale)
{
	char	 buf[32];

	if (num_format_decimal(units, scale, buf, sizeof(buf)) == -1)
		return NULL;
	return json_decimal(buf);
}

struct json_object *
json_str_or_empty_null(const char *text)
{
	return text && *text ? json_object_new_string(text) : NULL;
}

struct json_object *
json_str_or_null(const char *text)
{
	return text ? json_object_new_string(text) : NULL;
}

/*
 * The writer of json_write. json-c's own printing goes through a printbuf
 * of each object, formats every integer with snprintf and escapes a string
 * byte by byte; a page of 50 transactions spent a fifth of its worker time
 * there. This writes the same bytes (PLAIN, NOSLASHESCAPE: test_json_io
 * compares the two) straight into the response.
 */
#define JSON_WRITE_DEPTH	64	/* deeper: json-c prints the rest */

/* The two-byte escapes of a string's bytes; the other bytes below 0x20 are \u00XX. */
static const char short_escape[256] = {
	['"'] = '"', ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f', ['\n'] = 'n', ['\r'] = 'r',
	['\t'] = 't'
};

static int
write_str(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t	 i, from = 0;
	char	 esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	if (buf_putc(b, '"') == -1)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && short_escape[c] == 0)
			continue;
		if (buf_append(b, s + from, i - from) == -1)
			return -1;
		if (short_escape[c] != 0) {
			esc[1] = short_escape[c];
			if (buf_append(b, esc, 2) == -1)
				return -1;
			esc[1] = 'u';
		} else {
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xf];
			if (buf_append(b, esc, sizeof(esc)) == -1)
				return -1;
		}
		from = i + 1;
	}
	if (buf_append(b, s + from, len - from) == -1)
		return -1;
	return buf_putc(b, '"');
}

static int
write_int(struct buf *b, int64_t v)
{
	char	 d[24];
	size_t	 n = sizeof(d);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do {
		d[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		d[--n] = '-';
	return buf_append(b, d + n, sizeof(d) - n);
}

/* o as json-c prints it (the types this writer leaves to json-c). */
static int
write_by_json_c(struct buf *b, struct json_object *o)
{
	const char *s;
	size_t	 len;

	s = json_object_to_json_string_length(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	return s == NULL ? -1 : buf_append(b, s, len);
}

static int
write_value(struct buf *b, struct json_object *o, int depth)
{
	size_t	 i, n;
	int	 first = 1;

	if (o == NULL)
		return buf_append(b, "null", 4);
	if (depth >= JSON_WRITE_DEPTH)
		return write_by_json_c(b, o);
	switch (json_object_get_type(o)) {
	case json_type_null:
		return buf_append(b, "null", 4);
	case json_type_boolean:
		return json_object_get_boolean(o) ? buf_append(b, "true", 4) :
		    buf_append(b, "false", 5);
	case json_type_int:
		/* INT64_MAX may be a clamped uint64: json-c knows which */
		if (json_object_get_int64(o) == INT64_MAX)
			return write_by_json_c(b, o);
		return write_int(b, json_object_get_int64(o));
	case json_type_double:
		/* json_object_new_double_s keeps its exact text as the userdata */
		if (json_object_get_userdata(o) != NULL)
			return buf_puts(b, json_object_get_userdata(o));
		return write_by_json_c(b, o);
	case json_type_string:
		return write_str(b, json_object_get_string(o),
		    (size_t)json_object_get_string_len(o));
	case json_type_array:
		if (buf_putc(b, '[') == -1)
			return -1;
		n = json_object_array_length(o);
		for (i = 0; i < n; i++)
			if ((i > 0 && buf_putc(b, ',') == -1) ||
			    write_value(b, json_object_array_get_idx(o, i), depth + 1) == -1)
				return -1;
		return buf_putc(b, ']');
	case json_type_object:
		if (buf_putc(b, '{') == -1)
			return -1;
		json_object_object_foreach(o, key, val) {
			if ((!first && buf_putc(b, ',') == -1) ||
			    write_str(b, key, strlen(key)) == -1 || buf_putc(b, ':') == -1 ||
			    write_value(b, val, depth + 1) == -1)
				return -1;
			first = 0;
		}
		return buf_putc(b, '}');
	}
	return write_by_json_c(b, o);
}

int
json_write(struct buf *b, struct json_object *o)
{
	size_t	 start = b->len;

	if (write_value(b, o, 0) == -1) {
		buf_truncate(b, start);
		return -1;
	}
	return 0;
}

static struct json_object *
field_value(const void *row, const struct json_field *f)
{
	const char *at = (const char *)row + f->off;
	const char *text;
	int64_t	 v;
	int	 i;

	switch (f->kind) {
	case JF_CHARS:
		return json_object_new_string(at);
	case JF_CHARS_OR_NULL:
		return json_str_or_empty_null(at);
	case JF_TEXT_OR_NULL:
		memcpy(&text, at, sizeof(text));
		return json_str_or_null(text);
	case JF_I64:
		memcpy(&v, at, sizeof(v));
		return json_object_new_int64(v);
	case JF_INT_DECIMAL:
		memcpy(&i, at, sizeof(i));
		return json_money(i, f->scale);
	}
	return NULL;
}

struct json_object *
json_fields_object(const void *row, const struct json_field *f, size_t n)
{
	struct json_object *o = json_object_new_object();
	size_t	 i;

	for (i = 0; o != NULL && i < n; i++)
		json_object_object_add(o, f[i].key, field_value(row, &f[i]));
	return o;
}

static int
write_field(struct buf *b, const void *row, const struct json_field *f)
{
	const char *at = (const char *)row + f->off;
	const char *text;
	char	 dec[32];
	int64_t	 v;
	int	 i;

	switch (f->kind) {
	case JF_CHARS:
		return write_str(b, at, strlen(at));
	case JF_CHARS_OR_NULL:
		return *at ? write_str(b, at, strlen(at)) : buf_append(b, "null", 4);
	case JF_TEXT_OR_NULL:
		memcpy(&text, at, sizeof(text));
		return text ? write_str(b, text, strlen(text)) : buf_append(b, "null", 4);
	case JF_I64:
		memcpy(&v, at, sizeof(v));
		return write_int(b, v);
	case JF_INT_DECIMAL:
		/* as json_money makes it: a number, the text when it is not one, or null */
		memcpy(&i, at, sizeof(i));
		if (num_format_decimal(i, f->scale, dec, sizeof(dec)) == -1)
			return buf_append(b, "null", 4);
		return decimal_number(dec, &v) ? buf_puts(b, dec) : write_str(b, dec, strlen(dec));
	}
	return -1;
}

int
json_fields_write(struct buf *b, const void *row, const struct json_field *f, size_t n)
{
	size_t	 start = b->len, i;

	for (i = 0; i < n; i++)
		if (buf_putc(b, i == 0 ? '{' : ',') == -1 || write_str(b, f[i].key,
		    strlen(f[i].key)) == -1 || buf_putc(b, ':') == -1 ||
		    write_field(b, row, &f[i]) == -1)
			goto fail;
	if (buf_puts(b, n == 0 ? "{}" : "}") == -1)
		goto fail;
	return 0;
fail:
	buf_truncate(b, start);
	return -1;
}

static int
json_out_ready(struct oz_req *r, int status)
{
	r->resp.status = status;
	if (http_resp_get_header(r, "Content-Type") == NULL)
		http_resp_header(r, "Content-Type", "application/json; charset=utf-8");
	return 0;
}

int
json_out_list_fields(struct oz_req *r, const void *rows, size_t n, size_t size,
    const struct json_field *f, size_t nf, int has_more, const char *next_cursor)
{
	struct buf *b = &r->resp.body;
	size_t	 i;

	buf_reset(b);
	if (buf_puts(b, "{\"object\":\"list\",\"data\":[") == -1)
		return -1;
	for (i = 0; i < n; i++)
		if ((i > 0 && buf_putc(b, ',') == -1) ||
		    json_fields_write(b, (const char *)rows + i * size, f, nf) == -1)
			return -1;
	if (buf_puts(b, "],\"pagination\":{\"has_more\":") == -1 ||
	    buf_puts(b, has_more ? "true" : "false") == -1 ||
	    buf_puts(b, ",\"next_cursor\":") == -1 ||
	    (has_more && next_cursor ? write_str(b, next_cursor, strlen(next_cursor)) :
	    buf_append(b, "null", 4)) == -1 || buf_puts(b, "}}\n") == -1)
		return -1;
	return json_out_ready(r, 200);
}

int
json_out_raw(struct oz_req *r, int status, struct json_object *obj)
{
	int		 rc = -1;

	if (obj == NULL)
		return -1;
	buf_reset(&r->resp.body);
	if (json_write(&r->resp.body, obj) == 0 && buf_putc(&r->resp.body, '\n') == 0)
		rc = 0;
	json_object_put(obj);
	return rc == 0 ? json_out_ready(r, status) : -1;
}

int
json_out_object(struct oz_req *r, int status, const char *name, struct json_object *data)
{
	struct json_object *env;

	if (data == NULL || (env = json_object_new_object()) == NULL) {
		json_object_put(data);
		return -1;
	}
	json_object_object_add(env, "object", json_object_new_string(name));
	json_object_object_add(env, "data", data);
	return json_out_raw(r, status, env);
}

int
json_out_list(struct oz_req *r, struct json_object *items, int has_more,
    const char *next_cursor)
{
	struct json_object *env, *pag;

	if (items == NULL || (env = json_object_new_object()) == NULL) {
		json_object_put(items);
		return -1;
	}
	pag = json_object_new_object();
	json_object_object_add(pag, "has_more", json_object_new_boolean(has_more));
	json_object_object_add(pag, "next_cursor",
	    has_more && next_cursor ? json_object_new_string(next_cursor) : NULL);
	json_object_object_add(env, "object", json_object_new_string("list"));
	json_object_object_add(env, "data", items);
	json_object_object_add(env, "pagination", pag);
	return json_out_raw(r, 200, env);
}

/*
 * The error body when even rendering it failed (no memory): still the
 * contract's shape, details included. The request id goes in only when it
 * has the safe shape fcgi_io gives it, since nothing escapes it here.
 */
static void
error_fallback(struct oz_req *r)
{
	static const char head[] =
	    "{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"internal error\","
	    "\"details\":[],\"request_id\":\"";
	static const char tail[] = "\"}}\n";
	const char	*id = r->request_id ? r->request_id : "";

	if (strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_-") != strlen(id))
		id = "";
	buf_reset(&r->resp.body);
	buf_append(&r->resp.body, head, sizeof(head) - 1);
	buf_puts(&r->resp.body, id);
	buf_append(&r->resp.body, tail, sizeof(tail) - 1);
	r->resp.status = 500;
	http_resp_header(r, "Content-Type", "application/json; charset=utf-8");
}

void
json_out_error(struct oz_req *r)
{
	struct json_object *env, *e, *det;
	enum oz_code	 code = r->err.code == OZ_OK ? OZ_INTERNAL_ERROR : r->err.code;
	size_t		 i;
	char		 ra[16];

	/* Headers set for a success (Location, …) do not belong on an error. */
	r->resp.nheaders = r->resp.nkeep;
	env = json_object_new_object();
	e = json_object_new_object();
	json_object_object_add(e, "code", json_object_new_string(oz_code_name(code)));
	json_object_object_add(e, "message", json_object_new_string(
	    r->err.message ? r->err.message : "internal error"));
	/*
	 * Always an array, empty when no field is concerned: platforms iterate
	 * it without testing for it (DESIGN §2).
	 */
	det = json_object_new_array();
	for (i = 0; i < r->err.ndetails; i++) {
		struct json_object *d = json_object_new_object();

		json_object_object_add(d, "field",
		    json_object_new_string(r->err.details[i].field));
		json_object_object_add(d, "message",
		    json_object_new_string(r->err.details[i].message));
		json_object_array_add(det, d);
	}
	json_object_object_add(e, "details", det);
	json_object_object_add(e, "request_id",
	    json_object_new_string(r->request_id ? r->request_id : ""));
	json_object_object_add(env, "error", e);
	if (code == OZ_UNAUTHORIZED)
		http_resp_header(r, "WWW-Authenticate", "Bearer realm=\"ozzie\"");
	if (code == OZ_METHOD_NOT_ALLOWED && r->err.allow != NULL)
		http_resp_header(r, "Allow", r->err.allow);
	if (r->err.retry_after > 0 || code == OZ_SERVICE_UNAVAILABLE ||
	    code == OZ_RATE_LIMITED) {
		snprintf(ra, sizeof(ra), "%d", r->err.retry_after > 0 ? r->err.retry_after : 1);
		http_resp_header(r, "Retry-After", ra);
	}
	if (json_out_raw(r, oz_code_status(code), env) == -1)
		error_fallback(r);
}
