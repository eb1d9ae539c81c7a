/*
 * fuzz_evolution.c: an Evolution API (WhatsApp) webhook body, as the
 * webhook takes it: read as a request body (json_parse_body), then as a
 * messages.upsert (evo_msg_read, src/service/svc_evo_msg.c), and the turn's
 * payload it queues read back as ozzie-jobd reads it (evo_turn_read).
 *
 * Input: the body. Checks, besides crashes, leaks and sanitizer reports:
 *  - ignored: one of the five reasons; refused: data.key or data.key.id,
 *    with a message; neither makes a payload;
 *  - a message: the sender is "+" and 8 to 15 digits, not starting with 0;
 *    the id 1 to 128 bytes of printable UTF-8, the body's own; the payload
 *    only the fields of its schema (instance, message_id, phone, kind, text,
 *    mimetype, file_name, media_base64, timestamp), each a JSON string (the
 *    timestamp an integer), the kind a name of wa_kind's; the text UTF-8, at
 *    most CHAT_MESSAGE_MAX characters, not blank for a text; mimetype under
 *    128 bytes, file name under 256 and only for a document, inline media
 *    only for an image or a document and within the limit;
 *  - the payload written out (as queue_turn writes it) is a body the API
 *    itself would accept, and read back as a turn gives the same instance,
 *    id, phone, kind, text, file name and media (no instance: no turn);
 *  - the same body read again gives the same payload; read with a small
 *    media limit, the same one without the media longer than that limit.
 *
 * libFuzzer options: -max_len=8192
 */
#include "config.h"

#include "fuzz.h"

#include <json-c/json.h>

#include "core/utf8.h"
#include "http/http.h"
#include "http/json_io.h"
#include "service/svc_chat.h"
#include "service/svc_evo_msg.h"

/* As svc_evo_webhook: base64 of max_document_body (its default, 25 MiB). */
#define MEDIA_MAX	((size_t)(26214400 + 2) / 3 * 4)
#define MEDIA_SMALL	((size_t)16)

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

/* 1 if a and b are both NULL or the same string. */
static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
is_phone(const char *p)
{
	size_t	 n = 0;

	if (p[0] != '+' || p[1] == '0')
		return 0;
	for (p++; *p; p++, n++)
		if (*p < '0' || *p > '9')
			return 0;
	return n >= 8 && n <= 15;
}

/* The payload of a message, field by field (the schema of svc_evo_msg.h). */
static void
check_payload(const struct evo_msg *m, size_t media_max)
{
	static const char *const keys[] = { "instance", "message_id", "phone", "kind", "text",
	    "mimetype", "file_name", "media_base64", "timestamp", NULL };
	struct json_object *p = m->payload, *v;
	const char	*text, *s;
	size_t		 i;

	FUZZ_CHECK(json_object_is_type(p, json_type_object), "the payload is not an object");
	json_object_object_foreach(p, k, val) {
		for (i = 0; keys[i] && strcmp(keys[i], k) != 0; i++)
			;
		FUZZ_CHECK(keys[i] != NULL, "a field from outside the schema: %s", k);
		if (strcmp(k, "timestamp") == 0)
			FUZZ_CHECK(json_object_is_type(val, json_type_int), "timestamp not an integer");
		else
			FUZZ_CHECK(val == NULL || json_object_is_type(val, json_type_string),
			    "%s is not a string", k);
	}
	for (i = 0; i < 5; i++)
		FUZZ_CHECK(json_object_object_get_ex(p, keys[i], &v), "no %s", keys[i]);
	FUZZ_CHECK(same(evo_jstr(p, "instance"), m->instance), "instance not the body's");
	FUZZ_CHECK(same(evo_jstr(p, "message_id"), m->msgid), "message_id not the id read");
	FUZZ_CHECK(same(evo_jstr(p, "phone"), m->phone), "phone not the sender read");
	FUZZ_CHECK(same(evo_jstr(p, "kind"), wa_kind_name(m->kind)), "kind not the kind read");
	if ((text = evo_jstr(p, "text")) != NULL) {
		FUZZ_CHECK(utf8_valid(text, strlen(text)), "text not UTF-8");
		FUZZ_CHECK(utf8_chars(text) <= CHAT_MESSAGE_MAX, "text of %zu characters",
		    utf8_chars(text));
		FUZZ_CHECK(strlen(text) <= 4 * CHAT_MESSAGE_MAX, "text of %zu bytes", strlen(text));
	}
	if (m->kind == WA_TEXT)
		FUZZ_CHECK(text != NULL && text[strspn(text, " \t\r\n")] != '\0',
		    "a text message without text");
	if ((s = evo_jstr(p, "mimetype")) != NULL)
		FUZZ_CHECK(strlen(s) < EVO_MIME_MAX && (m->kind == WA_IMAGE ||
		    m->kind == WA_DOCUMENT), "mimetype of %zu bytes, kind %d", strlen(s),
		    (int)m->kind);
	if ((s = evo_jstr(p, "file_name")) != NULL)
		FUZZ_CHECK(strlen(s) < EVO_FILE_NAME_MAX && utf8_valid(s, strlen(s)) &&
		    m->kind == WA_DOCUMENT, "file name of %zu bytes, kind %d", strlen(s),
		    (int)m->kind);
	if ((s = evo_jstr(p, "media_base64")) != NULL)
		FUZZ_CHECK(strlen(s) <= media_max && (m->kind == WA_IMAGE ||
		    m->kind == WA_DOCUMENT), "media of %zu bytes, kind %d", strlen(s),
		    (int)m->kind);
}

/* The payload as queue_turn writes it, read as the API and as ozzie-jobd read it. */
static void
check_turn(const struct evo_msg *m, const char *out, size_t len)
{
	struct json_object *p;
	struct evo_turn	 t;

	body(&again, out, len);
	FUZZ_CHECK(json_parse_body(&again) == 0, "the payload is not a body the API takes: %s (%s)",
	    out, again.err.message);
	FUZZ_CHECK(json_object_equal(again.json, m->payload), "the payload read back differs");
	p = json_tokener_parse(out);
	FUZZ_CHECK(p != NULL, "ozzie-jobd cannot read the payload: %s", out);
	if (m->instance == NULL) {
		FUZZ_CHECK(evo_turn_read(p, &t) == -1, "a turn without an instance");
	} else {
		FUZZ_CHECK(evo_turn_read(p, &t) == 0, "a turn refused: %s", out);
		FUZZ_CHECK(strcmp(t.instance, m->instance) == 0 && strcmp(t.msgid, m->msgid) == 0 &&
		    strcmp(t.phone, m->phone) == 0, "instance, id or phone changed: %s", out);
		FUZZ_CHECK(t.kind == m->kind, "kind %d read back as %d", (int)m->kind, (int)t.kind);
		FUZZ_CHECK(same(t.text, evo_jstr(m->payload, "text")) &&
		    same(t.file_name, evo_jstr(m->payload, "file_name")) &&
		    same(t.media_base64, evo_jstr(m->payload, "media_base64")),
		    "text, file name or media changed: %s", out);
	}
	json_object_put(p);
}

static void
check_message(const struct evo_msg *m)
{
	char	 *out;
	size_t	 len;

	FUZZ_CHECK(is_phone(m->phone), "sender '%s'", m->phone);
	FUZZ_CHECK(m->msgid != NULL && m->msgid[0] != '\0' && strlen(m->msgid) <= EVO_MSGID_MAX &&
	    utf8_valid(m->msgid, strlen(m->msgid)) && utf8_printable(m->msgid), "message id");
	FUZZ_CHECK(m->msgid == evo_jstr(json_object_object_get(json_object_object_get(req.json,
	    "data"), "key"), "id"), "the id is not the body's");
	FUZZ_CHECK(m->instance == evo_jstr(req.json, "instance"), "the instance is not the body's");
	FUZZ_CHECK((unsigned)m->kind <= WA_OTHER, "kind %d", (int)m->kind);
	check_payload(m, MEDIA_MAX);
	out = fuzz_strdup((const uint8_t *)json_object_to_json_string_length(m->payload,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len), len);
	check_turn(m, out, len);
	free(out);
}

static int
is_reason(const char *r)
{
	static const char *const reasons[] = { "event", "from_me", "group", "broadcast", "sender",
	    NULL };
	size_t	 i;

	for (i = 0; r != NULL && reasons[i]; i++)
		if (strcmp(r, reasons[i]) == 0)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct evo_msg	 m, m2, small;
	enum evo_read	 r, r2, rs;
	struct json_object *media;
	const char	*b64;

	body(&req, (const char *)data, size);
	if (json_parse_body(&req) == -1)
		return 0;
	r = evo_msg_read(req.json, MEDIA_MAX, &m);
	switch (r) {
	case EVO_READ_IGNORED:
		FUZZ_CHECK(is_reason(m.reason), "ignored for '%s'", m.reason ? m.reason : "(null)");
		FUZZ_CHECK(m.payload == NULL, "a payload for an ignored body");
		break;
	case EVO_READ_INVALID:
		FUZZ_CHECK(m.field != NULL && (strcmp(m.field, "data.key") == 0 ||
		    strcmp(m.field, "data.key.id") == 0), "refused for '%s'",
		    m.field ? m.field : "(null)");
		FUZZ_CHECK(m.problem != NULL && m.message != NULL, "refused without saying why");
		FUZZ_CHECK(m.payload == NULL, "a payload for a refused body");
		break;
	case EVO_READ_MESSAGE:
		check_message(&m);
		break;
	default:
		FUZZ_CHECK(0, "evo_msg_read answered %d", (int)r);
	}
	/* The same body, the same answer. */
	r2 = evo_msg_read(req.json, MEDIA_MAX, &m2);
	FUZZ_CHECK(r2 == r && same(m2.reason, m.reason) && same(m2.field, m.field) &&
	    strcmp(m2.phone, m.phone) == 0, "a second reading differs");
	FUZZ_CHECK(r != EVO_READ_MESSAGE || json_object_equal(m.payload, m2.payload),
	    "a second payload differs");
	/* A small media limit: the same, without inline media longer than it. */
	rs = evo_msg_read(req.json, MEDIA_SMALL, &small);
	FUZZ_CHECK(rs == r, "another answer under a small media limit");
	if (r == EVO_READ_MESSAGE) {
		check_payload(&small, MEDIA_SMALL);
		b64 = evo_jstr(m.payload, "media_base64");
		if (b64 != NULL && strlen(b64) > MEDIA_SMALL) {
			FUZZ_CHECK(!json_object_object_get_ex(small.payload, "media_base64", &media),
			    "media over the limit kept");
			json_object_object_add(small.payload, "media_base64",
			    json_object_new_string(b64));
		}
		FUZZ_CHECK(json_object_equal(m.payload, small.payload),
		    "under a small media limit, more than the media changed");
	}
	json_object_put(m.payload);
	json_object_put(m2.payload);
	json_object_put(small.payload);
	return 0;
}
