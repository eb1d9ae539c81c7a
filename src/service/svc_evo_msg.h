/*
 * svc_evo_msg.h: an Evolution API webhook body read, with no database and
 * no network (DESIGN §4.2). svc_evo_webhook finds the body's client first
 * (by instance and secret), then reads it here: a messages.upsert becomes
 * the payload of its turn (JOB_WA_TURN), which ozzie-jobd reads back with
 * evo_turn_read. Both are pure, so the fuzzer and the unit tests call them
 * on any bytes.
 */
#ifndef OZ_SVC_EVO_MSG_H
#define OZ_SVC_EVO_MSG_H

#include <stddef.h>

#include "domain/wa.h"

struct json_object;

#define EVO_MSGID_MAX		128	/* bytes of data.key.id */
#define EVO_MIME_MAX		128	/* a mimetype kept: shorter than this */
#define EVO_FILE_NAME_MAX	256	/* a file name kept: shorter than this, UTF-8 */

enum evo_read {
	EVO_READ_MESSAGE,	/* a message: its turn's payload made */
	EVO_READ_IGNORED,	/* not one to answer: reason says why */
	EVO_READ_INVALID	/* a messages.upsert without its key or id */
};

struct evo_msg {
	const char	*instance;	/* the body's "instance" (NULL: none) */
	const char	*msgid;		/* data.key.id: 1..EVO_MSGID_MAX bytes, printable UTF-8 */
	char		 phone[WA_PHONE_MAX];	/* the sender: "+" and 8 to 15 digits */
	enum wa_kind	 kind;
	/* EVO_READ_IGNORED: "event", "from_me", "group", "broadcast" or "sender". */
	const char	*reason;
	/* EVO_READ_INVALID: the field, what is wrong with it, and the error's message. */
	const char	*field, *problem, *message;
	/*
	 * EVO_READ_MESSAGE: the turn's payload, the caller's to put: instance,
	 * message_id, phone, kind, text (at most CHAT_MESSAGE_MAX characters of
	 * UTF-8, or null), and when given mimetype, file_name, media_base64 (at
	 * most media_max bytes) and timestamp (an integer). Nothing else.
	 */
	struct json_object *payload;
};

/*
 * Read an Evolution webhook body (a JSON object; any value is read as
 * nothing). The strings in m point into body. media_max: the longest inline
 * base64 media kept. Returns what it is (enum evo_read); payload is set, and
 * only set, for EVO_READ_MESSAGE.
 */
enum evo_read	evo_msg_read(struct json_object *body, size_t media_max, struct evo_msg *m);

/* A turn's payload as ozzie-jobd reads it back. */
struct evo_turn {
	const char	*instance, *msgid, *phone, *text;
	const char	*media_base64, *file_name;	/* NULL: none */
	enum wa_kind	 kind;
	int		 attempts;	/* of the turn's job, this one included */
	int		 media_last_try;	/* a media fetch failing now is not retried */
};

/*
 * p's fields into t (attempts and media_last_try left 0; strings point
 * into p). 0, or -1 without an instance, a message id, or a phone starting "+".
 */
int	evo_turn_read(struct json_object *p, struct evo_turn *t);

/* o's member key if it is a string (evo_jstr) or an object (evo_jobj); NULL when absent or another type. */
const char	*evo_jstr(struct json_object *o, const char *key);
struct json_object *evo_jobj(struct json_object *o, const char *key);

#endif
