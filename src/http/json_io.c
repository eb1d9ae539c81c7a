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

struct json_object *
json_decimal(const char *text)
{
	const char	*errstr;
	int64_t		 units;

	if (text == NULL || *text == '\0')
		return NULL;
	/* json-c prints the text given, so the value is exact on the wire. */
	if (num_parse_decimal(text, strlen(text), 4, INT64_MIN / 2, INT64_MAX / 2, &units,
	    &errstr) == -1)
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

int
json_out_raw(struct oz_req *r, int status, struct json_object *obj)
{
	const char	*s;
	size_t		 len;
	int		 rc = -1;

	if (obj == NULL)
		return -1;
	s = json_object_to_json_string_length(obj,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	buf_reset(&r->resp.body);
	if (s != NULL && buf_append(&r->resp.body, s, len) == 0 &&
	    buf_putc(&r->resp.body, '\n') == 0)
		rc = 0;
	json_object_put(obj);
	if (rc == 0) {
		r->resp.status = status;
		if (http_resp_get_header(r, "Content-Type") == NULL)
			http_resp_header(r, "Content-Type", "application/json; charset=utf-8");
	}
	return rc;
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
