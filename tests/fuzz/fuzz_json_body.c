/*
 * fuzz_json_body.c: the strict JSON reading of a request body
 * (json_parse_body, src/http/json_io.c): UTF-8, RFC 8259 only, bounded
 * depth, one object, nothing after it.
 *
 * Input: the body. Checks, besides crashes, leaks and sanitizer reports:
 *  - accepted: the result is an object; written out again (as the API
 *    writes JSON) it is read back, accepted, and equal to the first reading;
 *  - refused: INVALID_JSON with a message, and the error the client gets
 *    (json_out_error) is a JSON object with status 400.
 *
 * libFuzzer options: -max_len=8192
 */
#include "config.h"

#include "fuzz.h"

#include <json-c/json.h>

#include "core/utf8.h"
#include "http/http.h"
#include "http/json_io.h"

static struct oz_req req, again;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	http_req_init(&req);
	http_req_init(&again);
	return 0;
}

static void
body(struct oz_req *r, const char *p, size_t n)
{
	http_req_clear(r);
	r->request_id = "fuzz";
	r->body = pool_alloc(&r->pool, n + 1);
	FUZZ_CHECK(r->body != NULL, "pool_alloc");
	memcpy(r->body, p, n);
	r->body[n] = '\0';
	r->body_len = n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_object	*err;
	const char		*out;
	size_t			 len;

	body(&req, (const char *)data, size);
	if (json_parse_body(&req) == 0) {
		FUZZ_CHECK(json_object_is_type(req.json, json_type_object), "not an object");
		FUZZ_CHECK(utf8_valid((const char *)data, size), "accepted bytes that are not UTF-8");
		out = json_object_to_json_string_length(req.json,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
		FUZZ_CHECK(out != NULL, "cannot write it out");
		body(&again, out, len);
		FUZZ_CHECK(json_parse_body(&again) == 0, "written out, refused: %s (%s)",
		    out, again.err.message);
		FUZZ_CHECK(json_object_equal(req.json, again.json), "written out, not equal: %s", out);
	} else {
		FUZZ_CHECK(req.err.code == OZ_INVALID_JSON && req.err.message != NULL,
		    "refused as %d", (int)req.err.code);
		json_out_error(&req);
		FUZZ_CHECK(req.resp.status == 400, "status %d", req.resp.status);
		err = json_tokener_parse(buf_str(&req.resp.body));
		FUZZ_CHECK(json_object_is_type(err, json_type_object), "the error is not JSON: %s",
		    buf_str(&req.resp.body));
		json_object_put(err);
	}
	return 0;
}
