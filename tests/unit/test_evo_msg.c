/*
 * test_evo_msg.c: an Evolution webhook body read without a database
 * (service/svc_evo_msg.h): Evolution's own samples (tests/data/evolution),
 * what is ignored and what is refused, the limits of the turn's payload,
 * and the payload read back as ozzie-jobd reads it.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "service/svc_chat.h"
#include "service/svc_evo_msg.h"

#define MEDIA_MAX	((size_t)(25 * 1024 * 1024 + 2) / 3 * 4)

/* A JSON text, parsed; the test fails when it is not JSON. */
static struct json_object *
js(const char *text)
{
	struct json_object *o = json_tokener_parse(text);

	ck_assert_msg(o != NULL, "not JSON: %s", text);
	return o;
}

/* A sample of tests/data/evolution. */
static struct json_object *
sample(const char *name)
{
	char	 path[512];
	struct json_object *o;

	snprintf(path, sizeof(path), "%s/%s", EVO_DATA_DIR, name);
	o = json_object_from_file(path);
	ck_assert_msg(o != NULL, "cannot read %s", path);
	return o;
}

/* A body of a message from remoteJid with message (a JSON object's text), id "M1". */
static struct json_object *
upsert(const char *jid, const char *message)
{
	char	 text[8192];

	snprintf(text, sizeof(text), "{\"event\":\"messages.upsert\",\"instance\":\"bot\","
	    "\"data\":{\"key\":{\"remoteJid\":\"%s\",\"fromMe\":false,\"id\":\"M1\"},"
	    "\"message\":%s,\"messageTimestamp\":1761055200}}", jid, message);
	return js(text);
}

/* The reason body is ignored for. */
static const char *
ignored_for(const char *text)
{
	struct json_object *b = js(text);
	struct evo_msg	 m;
	static char	 why[32];

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_IGNORED);
	ck_assert_ptr_null(m.payload);
	snprintf(why, sizeof(why), "%s", m.reason);
	json_object_put(b);
	return why;
}

/* The field body is refused for. */
static const char *
invalid_for(const char *text)
{
	struct json_object *b = js(text);
	struct evo_msg	 m;
	static char	 field[32];

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_INVALID);
	ck_assert_ptr_null(m.payload);
	ck_assert_ptr_nonnull(m.problem);
	ck_assert_ptr_nonnull(m.message);
	snprintf(field, sizeof(field), "%s", m.field);
	json_object_put(b);
	return field;
}

START_TEST(text_sample)
{
	struct json_object *b = sample("messages-upsert-text.json"), *p, *ts;
	struct evo_msg	 m;
	struct evo_turn	 t;

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	ck_assert_str_eq(m.instance, "coach-bot");
	ck_assert_str_eq(m.msgid, "3A5F1C2D3E4F5A6B7C8D");
	ck_assert_str_eq(m.phone, "+5511988887777");
	ck_assert_int_eq(m.kind, WA_TEXT);
	p = m.payload;
	ck_assert_str_eq(evo_jstr(p, "text"), "Gastei 45,90 no mercado");
	ck_assert_str_eq(evo_jstr(p, "kind"), "text");
	ck_assert(json_object_object_get_ex(p, "timestamp", &ts));
	ck_assert_int_eq(json_object_get_int64(ts), 1761055200);
	/* what ozzie-jobd reads back */
	ck_assert_int_eq(evo_turn_read(p, &t), 0);
	ck_assert_str_eq(t.instance, "coach-bot");
	ck_assert_str_eq(t.msgid, "3A5F1C2D3E4F5A6B7C8D");
	ck_assert_str_eq(t.phone, "+5511988887777");
	ck_assert_str_eq(t.text, "Gastei 45,90 no mercado");
	ck_assert_int_eq(t.kind, WA_TEXT);
	ck_assert_ptr_null(t.media_base64);
	ck_assert_ptr_null(t.file_name);
	/* nothing of the body beyond the payload's own fields (no apikey, no pushName) */
	ck_assert_int_eq(json_object_object_length(p), 6);
	ck_assert_ptr_null(evo_jstr(p, "apikey"));
	json_object_put(p);
	json_object_put(b);
}
END_TEST

START_TEST(image_sample)
{
	struct json_object *b = sample("messages-upsert-image.json");
	struct evo_msg	 m;

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	ck_assert_int_eq(m.kind, WA_IMAGE);
	ck_assert_str_eq(m.phone, "+5511988887777");
	ck_assert_str_eq(evo_jstr(m.payload, "kind"), "image");
	ck_assert_str_eq(evo_jstr(m.payload, "text"), "Nota do almo\xc3\xa7o");
	ck_assert_str_eq(evo_jstr(m.payload, "mimetype"), "image/jpeg");
	ck_assert_ptr_nonnull(evo_jstr(m.payload, "media_base64"));
	json_object_put(m.payload);
	/* inline media over the limit is left for the turn to fetch */
	ck_assert_int_eq(evo_msg_read(b, 8, &m), EVO_READ_MESSAGE);
	ck_assert_ptr_null(evo_jstr(m.payload, "media_base64"));
	ck_assert_str_eq(evo_jstr(m.payload, "mimetype"), "image/jpeg");
	json_object_put(m.payload);
	json_object_put(b);
}
END_TEST

START_TEST(document_lid_sample)
{
	struct json_object *b = sample("messages-upsert-document-lid.json");
	struct evo_msg	 m;
	struct evo_turn	 t;

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	/* remoteJid is an opaque lid: the number is remoteJidAlt */
	ck_assert_str_eq(m.phone, "+5511988887777");
	ck_assert_int_eq(m.kind, WA_DOCUMENT);
	ck_assert_str_eq(evo_jstr(m.payload, "file_name"), "extrato-outubro.pdf");
	ck_assert_str_eq(evo_jstr(m.payload, "mimetype"), "application/pdf");
	ck_assert_str_eq(evo_jstr(m.payload, "text"), "Extrato do m\xc3\xaas");
	ck_assert_int_eq(evo_turn_read(m.payload, &t), 0);
	ck_assert_int_eq(t.kind, WA_DOCUMENT);
	ck_assert_str_eq(t.file_name, "extrato-outubro.pdf");
	json_object_put(m.payload);
	json_object_put(b);
}
END_TEST

START_TEST(kinds)
{
	static const struct {
		const char	*message;
		enum wa_kind	 kind;
	} cases[] = {
		{ "{\"extendedTextMessage\":{\"text\":\"oi\"}}", WA_TEXT },
		{ "{\"conversation\":\" \\t\\r\\n\"}", WA_OTHER },
		{ "{\"documentWithCaptionMessage\":{\"message\":{\"documentMessage\":"
		    "{\"fileName\":\"a.csv\",\"caption\":\"ok\"}}}}", WA_DOCUMENT },
		{ "{\"documentWithCaptionMessage\":{\"message\":{}}}", WA_OTHER },
		{ "{\"pttMessage\":{}}", WA_AUDIO },
		{ "{\"audioMessage\":{}}", WA_AUDIO },
		{ "{\"stickerMessage\":{}}", WA_STICKER },
		{ "{\"liveLocationMessage\":{}}", WA_LOCATION },
		{ "{\"reactionMessage\":{}}", WA_OTHER },
		{ "{\"conversation\":5}", WA_OTHER },
		{ "null", WA_OTHER },
	};
	struct json_object *b;
	struct evo_msg	 m;
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		b = upsert("5511988887777@s.whatsapp.net", cases[i].message);
		ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
		ck_assert_msg(m.kind == cases[i].kind, "%s: kind %d", cases[i].message, (int)m.kind);
		ck_assert_str_eq(evo_jstr(m.payload, "kind"), wa_kind_name(cases[i].kind));
		json_object_put(m.payload);
		json_object_put(b);
	}
}
END_TEST

START_TEST(ignored)
{
	ck_assert_str_eq(ignored_for("{\"event\":\"connection.update\",\"data\":{}}"), "event");
	ck_assert_str_eq(ignored_for("{\"data\":{}}"), "event");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert.but.longer.than.any.event\"}"),
	    "event");
	ck_assert_str_eq(ignored_for("{\"event\":\"MESSAGES_UPSERT\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"5511988887777@s.whatsapp.net\",\"id\":\"A\",\"fromMe\":true}}}"),
	    "from_me");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"120363025246125486@g.us\",\"id\":\"A\"}}}"), "group");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"status@broadcast\",\"id\":\"A\"}}}"), "broadcast");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"1203@newsletter\",\"id\":\"A\"}}}"), "broadcast");
	/* a lid with no number beside it, a number too short or too long, no jid */
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"112233445566778@lid\",\"id\":\"A\"}}}"), "sender");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"1234567@s.whatsapp.net\",\"id\":\"A\"}}}"), "sender");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"1234567890123456@s.whatsapp.net\",\"id\":\"A\"}}}"), "sender");
	ck_assert_str_eq(ignored_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"id\":\"A\"}}}"), "sender");
}
END_TEST

START_TEST(lid_numbers)
{
	struct json_object *b = js("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"remoteJid\":\"1@lid\",\"id\":\"A\"},\"senderPn\":\"+34600111222:3@s.whatsapp.net\"}}");
	struct evo_msg	 m;

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	ck_assert_str_eq(m.phone, "+34600111222");
	/* no instance in the body: the payload says null, and no turn reads it */
	ck_assert_ptr_null(m.instance);
	{
		struct evo_turn t;

		ck_assert_int_eq(evo_turn_read(m.payload, &t), -1);
	}
	json_object_put(m.payload);
	json_object_put(b);
}
END_TEST

START_TEST(refused)
{
	char	 body[512];

	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\"}"), "data.key");
	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\",\"data\":[]}"), "data.key");
	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":\"k\"}}"),
	    "data.key");
	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":{}}}"),
	    "data.key.id");
	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"id\":\"\"}}}"), "data.key.id");
	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"id\":\"a\\u0001b\"}}}"), "data.key.id");
	ck_assert_str_eq(invalid_for("{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"id\":7}}}"), "data.key.id");
	/* 129 bytes of id; 128 are taken */
	snprintf(body, sizeof(body), "{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"id\":\"%0129d\"}}}", 0);
	ck_assert_str_eq(invalid_for(body), "data.key.id");
	snprintf(body, sizeof(body), "{\"event\":\"messages.upsert\",\"data\":{\"key\":"
	    "{\"id\":\"%0128d\",\"fromMe\":true}}}", 0);
	ck_assert_str_eq(ignored_for(body), "from_me");
}
END_TEST

START_TEST(limits)
{
	static char	 msg[16384], text[8192], name[300];
	struct json_object *b;
	struct evo_msg	 m;
	const char	*t;
	size_t		 i, n = 0;

	/* CHAT_MESSAGE_MAX characters are kept of a longer text, whole characters */
	n += (size_t)snprintf(text, sizeof(text), "x");
	for (i = 0; i < CHAT_MESSAGE_MAX + 10; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "\xc3\xa9");
	snprintf(msg, sizeof(msg), "{\"conversation\":\"%s\"}", text);
	b = upsert("5511988887777", msg);
	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	t = evo_jstr(m.payload, "text");
	ck_assert_uint_eq(strlen(t), 1 + 2 * (CHAT_MESSAGE_MAX - 1));
	ck_assert(strncmp(t, text, strlen(t)) == 0);
	json_object_put(m.payload);
	json_object_put(b);
	/* a file name of 256 bytes and a mimetype of 128 are left out */
	memset(name, 'a', 256);
	name[256] = '\0';
	snprintf(msg, sizeof(msg), "{\"documentMessage\":{\"fileName\":\"%s\",\"mimetype\":"
	    "\"%.128s\"}}", name, name);
	b = upsert("5511988887777", msg);
	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	ck_assert_int_eq(m.kind, WA_DOCUMENT);
	ck_assert_ptr_null(evo_jstr(m.payload, "file_name"));
	ck_assert_ptr_null(evo_jstr(m.payload, "mimetype"));
	json_object_put(m.payload);
	json_object_put(b);
	name[255] = '\0';
	snprintf(msg, sizeof(msg), "{\"documentMessage\":{\"fileName\":\"%s\",\"mimetype\":"
	    "\"%.127s\"},\"base64\":\"QUJD\"}", name, name);
	b = upsert("5511988887777", msg);
	ck_assert_int_eq(evo_msg_read(b, 4, &m), EVO_READ_MESSAGE);
	ck_assert_uint_eq(strlen(evo_jstr(m.payload, "file_name")), 255);
	ck_assert_uint_eq(strlen(evo_jstr(m.payload, "mimetype")), 127);
	ck_assert_str_eq(evo_jstr(m.payload, "media_base64"), "QUJD");
	json_object_put(m.payload);
	json_object_put(b);
	/* inline media of a text is not kept */
	b = upsert("5511988887777", "{\"conversation\":\"oi\",\"base64\":\"QUJD\"}");
	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_MESSAGE);
	ck_assert_ptr_null(evo_jstr(m.payload, "media_base64"));
	json_object_put(m.payload);
	json_object_put(b);
}
END_TEST

START_TEST(not_objects)
{
	struct json_object *b = js("[1,2]");
	struct evo_msg	 m;
	struct evo_turn	 t;

	ck_assert_int_eq(evo_msg_read(b, MEDIA_MAX, &m), EVO_READ_IGNORED);
	ck_assert_int_eq(evo_msg_read(NULL, MEDIA_MAX, &m), EVO_READ_IGNORED);
	ck_assert_int_eq(evo_turn_read(b, &t), -1);
	ck_assert_int_eq(evo_turn_read(NULL, &t), -1);
	json_object_put(b);
	/* a turn's phone is E.164 */
	b = js("{\"instance\":\"i\",\"message_id\":\"m\",\"phone\":\"5511988887777\"}");
	ck_assert_int_eq(evo_turn_read(b, &t), -1);
	json_object_put(b);
}
END_TEST

static Suite *
evo_msg_suite(void)
{
	Suite	*s = suite_create("evo_msg");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, text_sample);
	tcase_add_test(tc, image_sample);
	tcase_add_test(tc, document_lid_sample);
	tcase_add_test(tc, kinds);
	tcase_add_test(tc, ignored);
	tcase_add_test(tc, lid_numbers);
	tcase_add_test(tc, refused);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, not_objects);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(evo_msg_suite)
