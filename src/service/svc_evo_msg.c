/* svc_evo_msg.c: an Evolution webhook body read (svc_evo_msg.h). */
#include "config.h"

#include <json-c/json.h>
#include <string.h>

#include "core/utf8.h"
#include "service/svc_chat.h"
#include "service/svc_evo_msg.h"

const char *
evo_jstr(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

struct json_object *
evo_jobj(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

/* "messages.upsert", "MESSAGES_UPSERT" (Evolution v1) alike. */
static int
is_upsert(const char *event)
{
	char	 e[32];
	size_t	 i;

	if (event == NULL || strlen(event) >= sizeof(e))
		return 0;
	for (i = 0; event[i]; i++)
		e[i] = event[i] == '_' ? '.' : (event[i] >= 'A' && event[i] <= 'Z') ?
		    (char)(event[i] - 'A' + 'a') : event[i];
	e[i] = '\0';
	return strcmp(e, "messages.upsert") == 0;
}

/* The sender's phone (E.164) of data.key, or -1 with the reason to ignore. */
static int
sender_phone(struct json_object *data, struct json_object *key, char *phone, const char **why)
{
	const char *jid = evo_jstr(key, "remoteJid"), *at;
	const char *alts[3];
	int	 i;

	*why = "sender";
	if (jid == NULL)
		return -1;
	at = strchr(jid, '@');
	if (at && strcmp(at, "@g.us") == 0)
		return (*why = "group", -1);
	if (at && (strcmp(at, "@broadcast") == 0 || strcmp(at, "@newsletter") == 0))
		return (*why = "broadcast", -1);
	if (wa_jid_phone(jid, phone, WA_PHONE_MAX) == 0)
		return 0;
	/* addressingMode "lid": the number is beside the opaque id. */
	alts[0] = evo_jstr(key, "remoteJidAlt");
	alts[1] = evo_jstr(key, "senderPn");
	alts[2] = evo_jstr(data, "senderPn");
	for (i = 0; i < 3; i++)
		if (alts[i] && wa_jid_phone(alts[i], phone, WA_PHONE_MAX) == 0)
			return 0;
	return -1;
}

/* The first CHAT_MESSAGE_MAX characters of s (valid UTF-8), as a JSON string. */
static struct json_object *
clip_chars(const char *s)
{
	size_t	 i = 0, chars = 0;

	while (s[i] != '\0' && chars < CHAT_MESSAGE_MAX) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	return json_object_new_string_len(s, (int)i);
}

/* What the message is, its text or caption (NULL: none) and its media's type and name. */
static enum wa_kind
message_kind(struct json_object *m, const char **text, const char **mime, const char **fname)
{
	struct json_object *x;

	*text = *mime = *fname = NULL;
	if (m == NULL)
		return WA_OTHER;
	if ((*text = evo_jstr(m, "conversation")) != NULL)
		return WA_TEXT;
	if ((x = evo_jobj(m, "extendedTextMessage")) != NULL && (*text = evo_jstr(x, "text")) != NULL)
		return WA_TEXT;
	if ((x = evo_jobj(m, "imageMessage")) != NULL) {
		*text = evo_jstr(x, "caption");
		*mime = evo_jstr(x, "mimetype");
		return WA_IMAGE;
	}
	if ((x = evo_jobj(m, "documentWithCaptionMessage")) != NULL)
		x = evo_jobj(evo_jobj(x, "message"), "documentMessage");
	else
		x = evo_jobj(m, "documentMessage");
	if (x != NULL) {
		*text = evo_jstr(x, "caption");
		*mime = evo_jstr(x, "mimetype");
		*fname = evo_jstr(x, "fileName");
		return WA_DOCUMENT;
	}
	if (evo_jobj(m, "audioMessage") || evo_jobj(m, "pttMessage"))
		return WA_AUDIO;
	if (evo_jobj(m, "stickerMessage"))
		return WA_STICKER;
	if (evo_jobj(m, "locationMessage") || evo_jobj(m, "liveLocationMessage"))
		return WA_LOCATION;
	return WA_OTHER;
}

static void
add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

static enum evo_read
ignored(struct evo_msg *m, const char *why)
{
	m->reason = why;
	return EVO_READ_IGNORED;
}

static enum evo_read
invalid(struct evo_msg *m, const char *field, const char *problem, const char *message)
{
	m->field = field;
	m->problem = problem;
	m->message = message;
	return EVO_READ_INVALID;
}

enum evo_read
evo_msg_read(struct json_object *body, size_t media_max, struct evo_msg *m)
{
	struct json_object *data, *key, *fm, *payload, *ts;
	const char	*text, *mime, *fname, *why;

	memset(m, 0, sizeof(*m));
	m->kind = WA_OTHER;
	if (!json_object_is_type(body, json_type_object))
		return ignored(m, "event");
	m->instance = evo_jstr(body, "instance");
	if (!is_upsert(evo_jstr(body, "event")))
		return ignored(m, "event");
	if ((data = evo_jobj(body, "data")) == NULL || (key = evo_jobj(data, "key")) == NULL)
		return invalid(m, "data.key", "is required", "a message needs data.key");
	m->msgid = evo_jstr(key, "id");
	if (m->msgid == NULL || m->msgid[0] == '\0' || strlen(m->msgid) > EVO_MSGID_MAX ||
	    !utf8_valid(m->msgid, strlen(m->msgid)) || !utf8_printable(m->msgid))
		return invalid(m, "data.key.id", "must be a message id of 1 to 128 characters",
		    "a message needs its id");
	if (json_object_object_get_ex(key, "fromMe", &fm) && json_object_get_boolean(fm))
		return ignored(m, "from_me");
	if (sender_phone(data, key, m->phone, &why) == -1) {
		m->phone[0] = '\0';
		return ignored(m, why);
	}
	m->kind = message_kind(evo_jobj(data, "message"), &text, &mime, &fname);
	if (text != NULL && !utf8_valid(text, strlen(text)))
		text = NULL;
	if (m->kind == WA_TEXT && (text == NULL || text[strspn(text, " \t\r\n")] == '\0'))
		m->kind = WA_OTHER;
	payload = json_object_new_object();
	add_str(payload, "instance", m->instance);
	add_str(payload, "message_id", m->msgid);
	add_str(payload, "phone", m->phone);
	add_str(payload, "kind", wa_kind_name(m->kind));
	json_object_object_add(payload, "text", text ? clip_chars(text) : NULL);
	if (mime && strlen(mime) < EVO_MIME_MAX)
		add_str(payload, "mimetype", mime);
	if (fname && strlen(fname) < EVO_FILE_NAME_MAX && utf8_valid(fname, strlen(fname)))
		add_str(payload, "file_name", fname);
	/* Media sent inline (the webhook's base64 option): kept for the turn, if within the limit. */
	if (m->kind == WA_IMAGE || m->kind == WA_DOCUMENT) {
		const char *b64 = evo_jstr(evo_jobj(data, "message"), "base64");

		if (b64 == NULL)
			b64 = evo_jstr(data, "base64");
		if (b64 != NULL && strlen(b64) <= media_max)
			add_str(payload, "media_base64", b64);
	}
	if (json_object_object_get_ex(data, "messageTimestamp", &ts) &&
	    json_object_is_type(ts, json_type_int))
		json_object_object_add(payload, "timestamp",
		    json_object_new_int64(json_object_get_int64(ts)));
	m->payload = payload;
	return EVO_READ_MESSAGE;
}

int
evo_turn_read(struct json_object *p, struct evo_turn *t)
{
	memset(t, 0, sizeof(*t));
	t->instance = evo_jstr(p, "instance");
	t->msgid = evo_jstr(p, "message_id");
	t->phone = evo_jstr(p, "phone");
	t->text = evo_jstr(p, "text");
	t->kind = wa_kind_of(evo_jstr(p, "kind"));
	t->media_base64 = evo_jstr(p, "media_base64");
	t->file_name = evo_jstr(p, "file_name");
	return t->instance && t->msgid && t->phone && t->phone[0] == '+' ? 0 : -1;
}
