/* svc_evo.c: WhatsApp through Evolution API (svc_evo.h). */
#include "config.h"

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ai/ai.h"
#include "core/b64.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/hex.h"
#include "core/log.h"
#include "core/pool.h"
#include "core/utf8.h"
#include "domain/coach_text.h"
#include "domain/lang.h"
#include "domain/money_fmt.h"
#include "domain/wa.h"
#include "service/svc.h"
#include "service/svc_chat.h"
#include "service/svc_evo.h"
#include "service/svc_evo_msg.h"
#include "service/svc_hook.h"
#include "service/svc_import.h"
#include "service/svc_job.h"
#include "service/svc_onboard.h"
#include "service/svc_out.h"
#include "service/svc_user.h"
#include "store/store_job.h"
#include "store/store_user.h"

#define EVO_MATCH_MAX	8	/* clients sharing one instance name */
#define EVO_MEDIA_TRIES	4	/* attempts at a turn's media before the user is told */

/* --- keys ------------------------------------------------------------------ */

/* The sealing and hashing keys from secret_key: 0, or -1 (SERVICE_UNAVAILABLE). */
static int
evo_keys(struct svc *s, unsigned char seal[32], unsigned char hash[32])
{
	if (s->cfg->secret_key_ephemeral || s->cfg->secret_key == NULL ||
	    s->cfg->secret_key[0] == '\0' || secret_seal_key(s->cfg->secret_key, seal) == -1 ||
	    secret_hash_key(s->cfg->secret_key, hash) == -1)
		return svc_fail(s, OZ_SERVICE_UNAVAILABLE,
		    "the server has no secret_key, so it cannot keep integration keys");
	return 0;
}

/* What the sealed key is bound to: the client, for this use only. */
static void
seal_ad(const char *client, char *out, size_t outlen)
{
	snprintf(out, outlen, "evolution:%s", client);
}

static const char *
to_hex(struct pool *p, const unsigned char *b, size_t n)
{
	char	*out = pool_alloc(p, n * 2 + 1);

	if (out != NULL)
		hex_encode(b, n, out);
	return out;
}

/* The integration's API key, opened into out. 0/-1. */
static int
open_api_key(const struct evo_integration *e, const unsigned char seal[32], char *out,
    size_t outlen)
{
	unsigned char	 raw[SECRET_ENC_MAX];
	char		 ad[OZ_ID_MAX + 16];
	size_t		 n;

	if (hex_decode(e->api_key_hex, raw, sizeof(raw), &n) == -1)
		return -1;
	seal_ad(e->client, ad, sizeof(ad));
	return secret_open(seal, ad, raw, n, out, outlen);
}

/* --- the integration --------------------------------------------------------- */

int
svc_evo_put(struct svc *s, const struct evo_put_in *in, struct evo_integration *out,
    char secret_out[SECRET_MAX], int *created)
{
	unsigned char	 seal[32], hkey[32], sealed[SECRET_ENC_MAX];
	char		 ad[OZ_ID_MAX + 16], hash[SECRET_HASH_MAX], gen[SECRET_MAX];
	struct evo_integration old;
	struct evo_fields f;
	int		 n, rc = -1, have;

	secret_out[0] = '\0';
	if (evo_keys(s, seal, hkey) == -1)
		return -1;
	memset(&f, 0, sizeof(f));
	f.server_url = in->server_url;
	f.instance = in->instance;
	f.auto_create_users = in->auto_create_users;
	f.onboarding = in->onboarding;
	f.default_language = in->default_language;
	f.default_currency = in->default_currency;
	f.unknown_sender_reply = in->unknown_sender_reply;
	seal_ad(s->st.client, ad, sizeof(ad));
	if ((n = secret_seal(seal, ad, in->api_key, sealed, sizeof(sealed))) < 0 ||
	    (f.api_key_hex = to_hex(s->st.pool, sealed, (size_t)n)) == NULL) {
		svc_fail(s, OZ_INTERNAL_ERROR, "cannot seal the API key");
		goto out;
	}
	if ((have = store_evo_get(&s->st, &old)) == -1) {
		svc_db_fail(s);
		goto out;
	}
	if (in->webhook_secret == NULL && !have) {
		/* "whsec_" and 192 random bits, as text. */
		if (secret_new(gen, sizeof(gen)) == -1) {
			svc_fail(s, OZ_INTERNAL_ERROR, "cannot make a secret");
			goto out;
		}
		snprintf(secret_out, SECRET_MAX, EVO_SECRET_PREFIX "%s", gen + strlen(SECRET_PREFIX));
	} else if (in->webhook_secret != NULL)
		snprintf(secret_out, SECRET_MAX, "%s", in->webhook_secret);
	if (secret_out[0] != '\0') {
		if (secret_hash_keyed(hkey, s->st.client, secret_out, hash, sizeof(hash)) == -1) {
			svc_fail(s, OZ_INTERNAL_ERROR, "cannot hash the webhook secret");
			goto out;
		}
		f.webhook_secret_hash = hash;
	}
	if ((rc = store_evo_put(&s->st, &f, out)) == -1) {
		svc_db_fail(s);
		goto out;
	}
	*created = rc;
	/* A secret the client gave is not shown back. */
	if (in->webhook_secret != NULL)
		secret_out[0] = '\0';
	rc = 0;
out:
	OPENSSL_cleanse(seal, sizeof(seal));
	OPENSSL_cleanse(hkey, sizeof(hkey));
	OPENSSL_cleanse(gen, sizeof(gen));
	return rc;
}

int
svc_evo_get(struct svc *s, struct evo_integration *out)
{
	int rc = store_evo_get(&s->st, out);

	if (rc == -1)
		return svc_db_fail(s);
	return rc == 1 ? 0 : svc_fail(s, OZ_NOT_FOUND, "no Evolution integration is set up");
}

int
svc_evo_delete(struct svc *s)
{
	int rc = store_evo_delete(&s->st);

	if (rc == -1)
		return svc_db_fail(s);
	return rc == 1 ? 0 : svc_fail(s, OZ_NOT_FOUND, "no Evolution integration is set up");
}

/* --- the webhook --------------------------------------------------------------- */


/* 1 if given (NUL-terminated) is the integration's: its webhook secret or its API key. */
static int
secret_matches(const struct evo_integration *e, const char *given,
    const unsigned char seal[32], const unsigned char hkey[32])
{
	char	 key[SECRET_MAX];
	size_t	 n;
	int	 ok = 0;

	if (given == NULL || given[0] == '\0' || strlen(given) >= SECRET_MAX)
		return 0;
	if (secret_check(hkey, e->client, given, e->webhook_secret_hash))
		return 1;
	if (open_api_key(e, seal, key, sizeof(key)) == 0) {
		n = strlen(key);
		ok = n == strlen(given) && CRYPTO_memcmp(key, given, n) == 0;
	}
	OPENSSL_cleanse(key, sizeof(key));
	return ok;
}

/* Find the integration instance and secret name; sets s->st.client. 0/-1 (UNAUTHORIZED). */
static int
find_client(struct svc *s, const char *instance, const char *apikey, const char *header,
    struct evo_integration *found)
{
	struct evo_integration rows[EVO_MATCH_MAX];
	unsigned char	 seal[32], hkey[32];
	size_t		 n = 0, i;
	int		 hit = 0;

	if (instance == NULL || instance[0] == '\0' || strlen(instance) > EVO_INSTANCE_MAX)
		return svc_fail(s, OZ_UNAUTHORIZED, "unknown instance or wrong secret");
	if (store_evo_by_instance(&s->st, instance, rows, EVO_MATCH_MAX, &n) == -1)
		return svc_db_fail(s);
	if (n > 0 && evo_keys(s, seal, hkey) == -1)
		return -1;
	for (i = 0; i < n && !hit; i++)
		if (secret_matches(&rows[i], apikey, seal, hkey) ||
		    secret_matches(&rows[i], header, seal, hkey)) {
			*found = rows[i];
			hit = 1;
		}
	OPENSSL_cleanse(seal, sizeof(seal));
	OPENSSL_cleanse(hkey, sizeof(hkey));
	if (!hit)
		return svc_fail(s, OZ_UNAUTHORIZED, "unknown instance or wrong secret");
	s->st.client = pool_strdup(s->st.pool, found->client);
	return s->st.client ? 0 : svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
}

static int
ignore(struct evo_ack *ack, const char *why)
{
	ack->outcome = EVO_IGNORED;
	ack->reason = why;
	return 0;
}

/* The queue of one person's turns and replies: their phone, with a Brazilian ninth digit. */
static const char *
person_key(struct svc *s, const char *phone)
{
	char	 alt[WA_PHONE_MAX], key[OZ_ID_MAX + WA_PHONE_MAX + 8];

	if (strlen(phone) == 13 && wa_phone_twin(phone, alt, sizeof(alt)))
		phone = alt;
	snprintf(key, sizeof(key), "wa:%s:%s", s->st.client, phone);
	return pool_strdup(s->st.pool, key);
}

static void
add_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
}

/* Note the message and queue its turn, in one transaction. */
static int
queue_turn(struct svc *s, const char *instance, const char *msgid, const char *phone,
    struct json_object *payload, struct evo_ack *ack)
{
	struct job_new	 j;
	int		 rc;

	memset(&j, 0, sizeof(j));
	j.kind = JOB_WA_TURN;
	j.client = s->st.client;
	j.queue_key = person_key(s, phone);
	j.payload = pool_strdup(s->st.pool, json_object_to_json_string_ext(payload,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	if (j.queue_key == NULL || j.payload == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if ((rc = store_evo_inbound(&s->st, instance, msgid)) == -1)
		goto fail;
	if (rc == 0) {
		db_rollback(s->st.db);
		ack->outcome = EVO_DUPLICATE;
		return 0;
	}
	if (store_job_enqueue(&s->st, &j, &ack->job_id) == -1 || db_commit(s->st.db) == -1)
		goto fail;
	ack->outcome = EVO_QUEUED;
	return 0;
fail:
	svc_db_fail(s);
	db_rollback(s->st.db);
	return -1;
}

int
svc_evo_webhook(struct svc *s, struct json_object *body, const char *secret,
    struct evo_ack *ack)
{
	struct evo_integration e;
	struct evo_msg	 m;
	int		 rc;

	memset(ack, 0, sizeof(*ack));
	if (find_client(s, evo_jstr(body, "instance"), evo_jstr(body, "apikey"), secret, &e) == -1)
		return -1;
	switch (evo_msg_read(body, (size_t)(s->cfg->max_document_body + 2) / 3 * 4, &m)) {
	case EVO_READ_IGNORED:
		return ignore(ack, m.reason);
	case EVO_READ_INVALID:
		svc_detail(s, m.field, m.problem);
		return svc_check(s, m.message);
	case EVO_READ_MESSAGE:
		break;
	}
	rc = queue_turn(s, m.instance, m.msgid, m.phone, m.payload, ack);
	json_object_put(m.payload);
	return rc;
}

/* --- the turn (ozzie-jobd) ---------------------------------------------------- */

static void
retry(struct job_result *res, const char *why)
{
	res->outcome = JOB_RETRY;
	res->error = why;
}

/* The client's user with this phone, or its Brazilian twin: 1, 0 none, -1. */
static int
user_by_phone(struct svc *s, const char *phone, struct user *out)
{
	struct store_page pg;
	char	 alt[WA_PHONE_MAX];
	size_t	 n = 0;
	int	 more;

	memset(&pg, 0, sizeof(pg));
	pg.limit = 1;
	if (store_user_list(&s->st, NULL, phone, &pg, out, &n, &more) == -1)
		return -1;
	if (n == 1)
		return 1;
	if (!wa_phone_twin(phone, alt, sizeof(alt)))
		return 0;
	if (store_user_list(&s->st, NULL, alt, &pg, out, &n, &more) == -1)
		return -1;
	return n == 1;
}

/* The language of a new user: the integration's, else their country's. */
static const char *
guess_language(const struct evo_integration *e, const char *phone)
{
	static const char *const es[] = { "+34", "+52", "+54", "+56", "+57", "+51", "+58",
	    "+593", "+591", "+595", "+598", "+502", "+503", "+504", "+505", "+506", "+507",
	    "+53", "+1809", NULL };
	int	 i;

	if (e->default_language[0] != '\0')
		return e->default_language;
	if (strncmp(phone, "+55", 3) == 0 || strncmp(phone, "+351", 4) == 0 ||
	    strncmp(phone, "+244", 4) == 0 || strncmp(phone, "+258", 4) == 0)
		return "pt";
	for (i = 0; es[i]; i++)
		if (strncmp(phone, es[i], strlen(es[i])) == 0)
			return "es";
	return "en";
}

/* A user for this phone, made now: "whatsapp:+5511…". 0/-1 (s->err). */
static int
create_user(struct svc *s, const struct evo_integration *e, const char *phone,
    struct user *u)
{
	struct user_fields f;
	char	 ext[WA_PHONE_MAX + 16], canon[WA_PHONE_MAX];
	int	 created;

	/* A Brazilian mobile is kept with its ninth digit, as people write it. */
	snprintf(canon, sizeof(canon), "%s", phone);
	if (strlen(phone) == 13)
		wa_phone_twin(phone, canon, sizeof(canon));
	snprintf(ext, sizeof(ext), "whatsapp:%s", canon);
	memset(&f, 0, sizeof(f));
	f.external_user_id = ext;
	f.phone = canon;
	f.language = guess_language(e, canon);
	f.currency = e->default_currency[0] ? e->default_currency : s->cfg->default_currency;
	return svc_user_create(s, &f, u, &created);
}

/*
 * A chat turn of text for u, from inbound message msgid of instance; its
 * reply appended to out, or a sorry. 0, or -1 to retry.
 */
static int
chat(struct svc *s, const struct user *u, const char *instance, const char *msgid,
    const char *text, struct buf *out)
{
	struct chat_result *c = pool_alloc(s->st.pool, sizeof(*c));
	char	 channel[EVO_INSTANCE_MAX + EVO_MSGID_MAX + 2];
	int	 rc = 0, replayed;

	if (c == NULL)
		return -1;
	memset(c, 0, sizeof(*c));
	ai_result_init(&c->ai);
	/* the message once, however often its turn is taken (a runner that died) */
	snprintf(channel, sizeof(channel), "%s:%s", instance, msgid);
	if (svc_chat_turn_once(s, u->id, text, "whatsapp_text", channel, c, &replayed) == 0)
		buf_puts(out, buf_str(&c->ai.reply));
	else if (s->err->code == OZ_SERVICE_UNAVAILABLE)
		rc = -1;
	else {
		log_warnx("whatsapp turn: %s", s->err->message ? s->err->message : "failed");
		buf_puts(out, wa_reply_sorry(lang_of(u->language)));
	}
	ai_result_free(&c->ai);
	memset(s->err, 0, sizeof(*s->err));
	return rc;
}

/* Queue the reply text to phone as the job's follow-up, once per inbound message. */
static void
reply(struct svc *s, const char *instance, const char *msgid, const char *phone,
    const char *queue_key, const char *text, struct job_result *res)
{
	struct json_object *o = json_object_new_object();
	char	 shaped[WA_REPLY_MAX], dedupe[EVO_INSTANCE_MAX + EVO_MSGID_MAX + OZ_ID_MAX + 16];

	wa_shape(text, shaped, sizeof(shaped));
	add_str(o, "instance", instance);
	add_str(o, "message_id", msgid);
	add_str(o, "number", phone + 1);
	add_str(o, "text", shaped);
	snprintf(dedupe, sizeof(dedupe), "wa.send:%s:%s:%s", s->st.client, instance, msgid);
	res->outcome = JOB_DONE;
	res->has_next = 1;
	res->next.kind = JOB_WA_SEND;
	res->next.client = s->st.client;
	res->next.queue_key = queue_key;
	res->next.dedupe_key = pool_strdup(s->st.pool, dedupe);
	res->next.payload = pool_strdup(s->st.pool, json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	if (res->next.payload == NULL || res->next.dedupe_key == NULL) {
		res->has_next = 0;
		retry(res, "out of memory");
	}
}

static int	evo_url(const struct evo_integration *, const char *, char *, size_t);

/*
 * The bytes of t's media into *data (pool memory): inline, else fetched from
 * Evolution. 0; 1 none to be had (the reply says so; *too_large when over
 * the limit); -1 to retry (Evolution down, timed out, 5xx).
 */
static int
media_bytes(struct svc *s, const struct evo_integration *e, const struct evo_turn *t,
    const unsigned char **data, size_t *len, int *too_large)
{
	struct json_object *b = NULL, *ans = NULL;
	struct out_res	 rs;
	unsigned char	 seal[32], hkey[32], *bytes;
	char		 url[EVO_URL_MAX + 3 * EVO_INSTANCE_MAX + 64], key[SECRET_MAX];
	char		 hdr[SECRET_MAX + 16];
	const char	*hdrs[2] = { hdr, NULL }, *b64 = t->media_base64;
	size_t		 n, bad;
	int		 rc = 1;

	*data = NULL;
	*len = 0;
	*too_large = 0;
	memset(&rs, 0, sizeof(rs));
	key[0] = hdr[0] = '\0';
	if (b64 == NULL) {
		if (evo_keys(s, seal, hkey) == -1 || open_api_key(e, seal, key, sizeof(key)) == -1 ||
		    evo_url(e, "/chat/getBase64FromMediaMessage/", url, sizeof(url)) == -1) {
			memset(s->err, 0, sizeof(*s->err));
			log_warnx("whatsapp media: cannot open the integration's API key");
			goto done;
		}
		snprintf(hdr, sizeof(hdr), "apikey: %s", key);
		b = json_object_new_object();
		json_object_object_add(b, "message", json_object_new_object());
		json_object_object_add(evo_jobj(b, "message"), "key", json_object_new_object());
		add_str(evo_jobj(evo_jobj(b, "message"), "key"), "id", t->msgid);
		json_object_object_add(b, "convertToMp4", json_object_new_boolean(0));
		if (out_post(url, hdrs, json_object_to_json_string_ext(b, JSON_C_TO_STRING_PLAIN |
		    JSON_C_TO_STRING_NOSLASHESCAPE), (long)s->cfg->evolution_timeout_ms,
		    s->cfg->outbound_allow_private != 0, &rs) == -1) {
			log_warnx("whatsapp media: getBase64FromMediaMessage: %s", rs.error);
			rc = rs.refused ? 1 : -1;
			goto done;
		}
		if (rs.status == 408 || rs.status == 429 || rs.status >= 500) {
			log_warnx("whatsapp media: getBase64FromMediaMessage answered %ld", rs.status);
			rc = -1;
			goto done;
		}
		if (rs.status < 200 || rs.status >= 300 ||
		    (ans = json_tokener_parse(buf_str(&rs.body))) == NULL ||
		    (b64 = evo_jstr(ans, "base64")) == NULL) {
			log_warnx("whatsapp media: getBase64FromMediaMessage answered %ld without "
			    "the media", rs.status);
			goto done;
		}
	}
	n = strlen(b64);
	if (n > (size_t)(s->cfg->max_document_body + 2) / 3 * 4 + 4) {
		*too_large = 1;
		goto done;
	}
	if ((bytes = pool_alloc(s->st.pool, B64_DECODED_MAX(n) + 1)) == NULL) {
		rc = -1;
		goto done;
	}
	if (b64_decode(b64, n, bytes, B64_DECODED_MAX(n) + 1, len, &bad) == -1) {
		log_warnx("whatsapp media: not base64 at %zu", bad);
		*len = 0;
		goto done;
	}
	*data = bytes;
	rc = *len > 0 ? 0 : 1;
done:
	OPENSSL_cleanse(seal, sizeof(seal));
	OPENSSL_cleanse(hkey, sizeof(hkey));
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(hdr, sizeof(hdr));
	buf_free(&rs.body);
	json_object_put(ans);
	json_object_put(b);
	return rc;
}

/* What an import made, said for people into out. */
static void
say_import(const struct user *u, const struct import_out *io, struct buf *out)
{
	enum lang	 l = lang_of(u->language);
	char		 msg[1024], amount[64];
	struct buf	 scratch;
	struct ct	 ct;

	if (strcmp(io->rec.kind, "receipt") == 0 && io->ncreated == 1) {
		const struct txn *x = &io->created[0];
		const char *who = x->merchant && x->merchant[0] ? x->merchant :
		    x->description && x->description[0] ? x->description : "?";

		buf_init(&scratch, 256);
		ct_init(&ct, l, x->currency, &scratch);
		if (money_format(x->amount_cents, x->currency, u->language, amount,
		    sizeof(amount)) == -1)
			snprintf(amount, sizeof(amount), "%lld", (long long)x->amount_cents);
		wa_reply_receipt(l, who, amount, ct_date(&ct, x->transaction_date, 1),
		    ct_category_named(&ct, x->category), msg, sizeof(msg));
		buf_free(&scratch);
	} else
		wa_reply_statement(l, io->rec.transactions_created, io->rec.duplicates_skipped,
		    msg, sizeof(msg));
	buf_puts(out, msg);
}

/*
 * An image or document of t for u: imported, the reply into out. The
 * document comes first: a caption beside one that was read is not a second
 * message (the receipt already is the record); beside one that could not be
 * read, the caption is read as a message. 0, -1 retry.
 */
static int
take_document(struct svc *s, const struct evo_integration *e, const struct user *u,
    const struct evo_turn *t, struct buf *out)
{
	struct import_doc d;
	struct import_out io;
	const unsigned char *data;
	char		 msg[1024];
	size_t		 len;
	int		 rc, too_large;

	if ((rc = media_bytes(s, e, t, &data, &len, &too_large)) == -1) {
		if (!t->media_last_try)
			return -1;
		/* Evolution never handed it over: the user hears it, the conversation goes on */
		log_warnx("whatsapp media: not fetched after %d attempts", t->attempts);
		buf_puts(out, wa_reply_media_lost(t->kind, lang_of(u->language)));
		if (t->text != NULL && t->text[strspn(t->text, " \t\r\n")] != '\0') {
			buf_puts(out, "\n\n");
			return chat(s, u, t->instance, t->msgid, t->text, out);
		}
		return 0;
	}
	if (rc == 0) {
		memset(&d, 0, sizeof(d));
		d.data = data;
		d.len = len;
		d.file_name = t->file_name;
		d.channel = "whatsapp";
		if (svc_import_create(s, u->id, &d, &io) == 0) {
			say_import(u, &io, out);
			return 0;
		}
		if (s->err->code == OZ_SERVICE_UNAVAILABLE || s->err->code == OZ_INTERNAL_ERROR) {
			memset(s->err, 0, sizeof(*s->err));
			return -1;
		}
		too_large = s->err->code == OZ_PAYLOAD_TOO_LARGE;
		log_info("whatsapp media: not imported: %s",
		    s->err->message ? s->err->message : "unreadable");
		memset(s->err, 0, sizeof(*s->err));
	}
	wa_reply_doc_unreadable(t->kind, lang_of(u->language), too_large, msg, sizeof(msg));
	buf_puts(out, msg);
	/* No document to be had: its caption is read as a message. */
	if (t->text != NULL && t->text[strspn(t->text, " \t\r\n")] != '\0') {
		buf_puts(out, "\n\n");
		return chat(s, u, t->instance, t->msgid, t->text, out);
	}
	return 0;
}

/*
 * text into out, then (a blank line apart) the question still open: a long
 * text is cut so that the question is never lost.
 */
static void
put_then_ask(const struct user *u, const struct onboarding *o, const char *text,
    struct buf *out)
{
	struct buf	 q;
	char		 shaped[WA_REPLY_MAX];
	size_t		 room, used = out->len;

	buf_init(&q, 512);
	svc_onboard_question(u, o, &q);
	room = WA_REPLY_MAX > used + q.len + 8 ? WA_REPLY_MAX - used - q.len - 8 : 1;
	if (text != NULL && text[0] != '\0') {
		wa_shape(text, shaped, room < sizeof(shaped) ? room : sizeof(shaped));
		buf_puts(out, shaped);
		buf_puts(out, "\n\n");
	}
	buf_puts(out, buf_str(&q));
	buf_free(&q);
}

/* The inbound message as one id: "instance:message id". */
static void
channel_of(const struct evo_turn *t, char *out, size_t len)
{
	snprintf(out, len, "%s:%s", t->instance, t->msgid);
}

/* Keep a turn the chat did not run in the user's history (a failure only logged). */
static void
record(struct svc *s, const struct user *u, const char *text, const char *reply)
{
	if (text == NULL || svc_chat_record(s, u->id, text, reply) == 0)
		return;
	log_warnx("whatsapp onboarding: cannot keep the turn in the history");
	memset(s->err, 0, sizeof(*s->err));
}

/*
 * The turn of a user being onboarded (o waits on a question): an answer
 * moves it on; spending told or a question goes to the chat, a document to
 * its import, and the question comes again. 0, -1 retry.
 */
static int
onboarding_turn(struct svc *s, const struct evo_integration *e, const struct user *u,
    const struct evo_turn *t, struct onboarding *o, struct buf *out)
{
	struct ob_answer a;
	struct chat_message had;
	struct buf	 part;
	enum ob_step	 st;
	const char	*said;
	char		 channel[EVO_INSTANCE_MAX + EVO_MSGID_MAX + 2];
	enum lang	 l = lang_of(u->language);
	size_t		 before = out->len;
	int		 rc = 0;

	if (ob_step_of(o->step, &st) == -1)
		return 0;
	/*
	 * This message's answer was taken by a runner that died before the
	 * turn was done: not taken twice; what it said then, or the question.
	 */
	channel_of(t, channel, sizeof(channel));
	if (strcmp(o->last_message_id, channel) == 0) {
		if (store_chat_by_channel(&s->st, u->id, channel, &had, &said) == 1 && said != NULL)
			put_then_ask(u, o, said, out);
		else
			svc_onboard_question(u, o, out);
		return 0;
	}
	snprintf(o->last_message_id, sizeof(o->last_message_id), "%s", channel);
	buf_init(&part, 4096);
	if (t->kind == WA_IMAGE || t->kind == WA_DOCUMENT) {
		if ((rc = take_document(s, e, u, t, &part)) == 0)
			put_then_ask(u, o, buf_str(&part), out);
		goto done;
	}
	if (t->kind != WA_TEXT) {
		put_then_ask(u, o, wa_reply_unread(t->kind, l), out);
		goto done;
	}
	if (ob_read(st, t->text, l, u->currency, &a) == -1)
		a.kind = OB_OTHER;
	switch (a.kind) {
	case OB_ANSWER:
	case OB_SKIP:
		rc = svc_onboard_answer(s, u, o, &a, out);
		break;
	case OB_STOP:
		rc = svc_onboard_stop(s, u, o, out);
		break;
	case OB_LOG:
		if ((rc = chat(s, u, t->instance, t->msgid, t->text, &part)) == 0)
			put_then_ask(u, o, buf_str(&part), out);
		goto done;
	case OB_OTHER:
		if (a.question && ob_is_why(t->text)) {
			put_then_ask(u, o, ob_text_why(l), out);
			break;
		}
		if (a.question) {
			if ((rc = chat(s, u, t->instance, t->msgid, t->text, &part)) == 0)
				put_then_ask(u, o, buf_str(&part), out);
			goto done;
		}
		put_then_ask(u, o, ob_is_greeting(t->text) ? NULL : ob_text_unclear(st, l), out);
		break;
	}
	if (rc == -1) {
		if (s->err->code != OZ_SERVICE_UNAVAILABLE) {
			log_warnx("whatsapp onboarding: %s", s->err->message ? s->err->message : "failed");
			memset(s->err, 0, sizeof(*s->err));
			buf_truncate(out, before);
			buf_puts(out, wa_reply_sorry(l));
			rc = 0;
		} else
			memset(s->err, 0, sizeof(*s->err));
		goto done;
	}
	/* the answers and the questions stay in the user's chat history */
	record(s, u, t->text, buf_str(out) + before);
done:
	buf_free(&part);
	return rc;
}

/* The reply to t from user u into out (the welcome first when created). 0, -1 retry. */
static int
answer(struct svc *s, const struct evo_integration *e, const struct user *u,
    const struct evo_turn *t, int created, struct buf *out)
{
	struct onboarding o;
	enum lang	 l = lang_of(u->language);
	enum ob_step	 st = OB_OFF;
	int		 has, pending = strcmp(u->onboarding_stage, "intake_pending") == 0;
	int		 begin, greeting, text = t->kind == WA_TEXT && t->text != NULL, rc;

	memset(&o, 0, sizeof(o));
	if ((has = svc_onboard_get(s, u, &o)) == -1) {
		memset(s->err, 0, sizeof(*s->err));
		return -1;
	}
	if (has && ob_step_of(o.step, &st) == -1)
		st = OB_OFF;
	/*
	 * The platform sent an intake meanwhile (the conversation makes its own
	 * only with the last answer): the platform's numbers stand.
	 */
	if (has && ob_asking(st) && !pending) {
		if (svc_onboard_done(s, u, &o) == -1) {
			memset(s->err, 0, sizeof(*s->err));
			return -1;
		}
		st = OB_DONE;
	}
	if (created) {
		buf_puts(out, wa_reply_welcome(l));
		buf_puts(out, "\n\n");
	}
	if (has && ob_asking(st) && e->onboarding)
		return onboarding_turn(s, e, u, t, &o, out);
	/* every answer given, no plan yet (its making failed): it comes now */
	if (has && st == OB_DONE && strcmp(u->onboarding_stage, "plan_pending") == 0) {
		if (svc_onboard_plan(s, u, out) == 0)
			return 0;
		if (s->err->code == OZ_SERVICE_UNAVAILABLE) {
			memset(s->err, 0, sizeof(*s->err));
			return -1;
		}
		memset(s->err, 0, sizeof(*s->err));
	}
	begin = e->onboarding && pending &&
	    (!has || (st == OB_OFF && text && ob_is_restart(t->text)));
	channel_of(t, o.last_message_id, sizeof(o.last_message_id));
	if (begin && has) {
		/* "start" again after "later" */
		if (svc_onboard_begin(s, u, &o, out) == -1) {
			memset(s->err, 0, sizeof(*s->err));
			return -1;
		}
		record(s, u, t->text, buf_str(out));
		return 0;
	}
	/* a first "hi" is answered by the welcome and the first question */
	greeting = begin && created && text && ob_is_greeting(t->text);
	if (!greeting) {
		if (t->kind == WA_IMAGE || t->kind == WA_DOCUMENT)
			rc = take_document(s, e, u, t, out);
		else if (t->kind != WA_TEXT) {
			buf_puts(out, wa_reply_unread(t->kind, l));
			rc = 0;
		} else
			rc = chat(s, u, t->instance, t->msgid, t->text, out);
		if (rc == -1)
			return -1;
		if (begin)
			buf_puts(out, "\n\n");
	}
	if (begin) {
		size_t	 mark = out->len;

		if (svc_onboard_begin(s, u, &o, out) == -1) {
			/* the answer stands; the questions come with the next message */
			log_warnx("whatsapp onboarding: cannot begin");
			memset(s->err, 0, sizeof(*s->err));
			buf_truncate(out, mark);
		} else if (greeting)
			record(s, u, t->text, buf_str(out));
	}
	return 0;
}

/* chat.message for the turn t of user u. */
static void
emit_chat(struct svc *s, const struct user *u, const struct evo_turn *t, int created)
{
	struct json_object *o = json_object_new_object();

	add_str(o, "user_id", u->id);
	add_str(o, "external_user_id", u->external_user_id);
	add_str(o, "channel", "whatsapp");
	add_str(o, "instance", t->instance);
	add_str(o, "whatsapp_message_id", t->msgid);
	add_str(o, "kind", wa_kind_name(t->kind));
	add_str(o, "text", t->text);
	json_object_object_add(o, "user_created", json_object_new_boolean(created));
	svc_hook_emit(s, "chat.message", o);
}

/*
 * What the turn of t answers (NULL: nothing), made now: the user found or
 * created, the chat turn run. 0, or -1 with res set (retry).
 */
static int
make_turn(struct svc *s, const struct evo_integration *e, const struct evo_turn *t,
    struct buf *out, const char **answer_text, struct job_result *res)
{
	struct user	 u;
	int		 rc, created = 0;

	*answer_text = NULL;
	if ((rc = user_by_phone(s, t->phone, &u)) == -1) {
		retry(res, "database unavailable");
		return -1;
	}
	if (rc == 0 && !e->auto_create_users) {
		if (e->unknown_sender_reply != NULL && e->unknown_sender_reply[0] != '\0')
			*answer_text = e->unknown_sender_reply;
		return 0;
	}
	if (rc == 0) {
		if (create_user(s, e, t->phone, &u) == -1) {
			memset(s->err, 0, sizeof(*s->err));
			retry(res, "cannot create the user");
			return -1;
		}
		created = 1;
	}
	if (answer(s, e, &u, t, created, out) == -1) {
		retry(res, "database unavailable during the chat turn");
		return -1;
	}
	emit_chat(s, &u, t, created);
	*answer_text = buf_str(out);
	return 0;
}

void
svc_evo_turn(struct svc *s, const struct job *job, struct job_result *res)
{
	struct evo_integration e;
	struct json_object *p = json_tokener_parse(job->payload);
	struct evo_turn	 t;
	struct buf	 out;
	const char	*text;
	int		 rc;

	buf_init(&out, 16384);
	if (p == NULL || evo_turn_read(p, &t) == -1) {
		res->outcome = JOB_DEAD;
		res->error = "malformed turn payload";
		goto done;
	}
	/*
	 * A media fetch is retried with the backoff (about 1, 5 and 30 s), not
	 * for the hours a job may be: the user's later turns wait behind it.
	 */
	t.attempts = job->attempts;
	t.media_last_try = job->attempts >= EVO_MEDIA_TRIES || job->attempts >= job->max_attempts;
	if ((rc = store_evo_get(&s->st, &e)) != 1) {
		if (rc == -1)
			retry(res, "database unavailable");
		else
			res->outcome = JOB_DONE;	/* the integration went: no one to answer */
		goto done;
	}
	/* A turn taken again after its runner died: the answer it made, not a second turn. */
	if ((rc = store_evo_turned(&s->st, t.instance, t.msgid, &text)) == -1) {
		retry(res, "database unavailable");
		goto done;
	}
	if (rc == 0) {
		if (make_turn(s, &e, &t, &out, &text, res) == -1)
			goto done;
		if (store_evo_mark_turned(&s->st, t.instance, t.msgid, text) == -1)
			log_warnx("whatsapp turn: cannot keep its answer");
	}
	if (text != NULL)
		reply(s, t.instance, t.msgid, t.phone, job->queue_key, text, res);
	else
		res->outcome = JOB_DONE;
done:
	buf_free(&out);
	json_object_put(p);
}

/* --- the reply out (ozzie-jobd) --------------------------------------------------- */

/* url of Evolution's path (e.g. "/message/sendText/") for e's instance, escaped. */
static int
evo_url(const struct evo_integration *e, const char *path, char *url, size_t len)
{
	static const char hx[] = "0123456789ABCDEF";
	size_t	 o, i, base = strlen(e->server_url);
	const unsigned char *p = (const unsigned char *)e->instance;

	while (base > 0 && e->server_url[base - 1] == '/')
		base--;
	o = (size_t)snprintf(url, len, "%.*s%s", (int)base, e->server_url, path);
	if (o >= len)
		return -1;
	for (i = 0; p[i]; i++) {
		if (o + 4 >= len)
			return -1;
		if ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '_' || p[i] == '.' ||
		    p[i] == '~')
			url[o++] = (char)p[i];
		else {
			url[o++] = '%';
			url[o++] = hx[p[i] >> 4];
			url[o++] = hx[p[i] & 15];
		}
	}
	url[o] = '\0';
	return 0;
}

/* The send's outcome by Evolution's answer. */
static void
judge(const struct out_res *rs, int rc, struct job_result *res)
{
	static char why[200];

	if (rc == 0 && rs->status >= 200 && rs->status < 300) {
		res->outcome = JOB_DONE;
		return;
	}
	if (rc == -1) {
		snprintf(why, sizeof(why), "sendText: %s", rs->error);
		res->outcome = rs->refused ? JOB_DEAD : JOB_RETRY;
	} else {
		snprintf(why, sizeof(why), "sendText answered %ld", rs->status);
		res->outcome = rs->status == 408 || rs->status == 429 || rs->status >= 500 ?
		    JOB_RETRY : JOB_DEAD;
	}
	res->error = why;
}

void
svc_evo_send(struct svc *s, const struct job *job, struct job_result *res)
{
	struct evo_integration e;
	struct json_object *p = json_tokener_parse(job->payload), *b = NULL;
	struct out_res	 rs;
	unsigned char	 seal[32], hkey[32];
	char		 url[EVO_URL_MAX + 3 * EVO_INSTANCE_MAX + 32], key[SECRET_MAX];
	char		 hdr[SECRET_MAX + 16];
	const char	*hdrs[2] = { hdr, NULL }, *number = evo_jstr(p, "number"), *text = evo_jstr(p, "text");
	int64_t		 wait_ms = 0;
	int		 rc;

	memset(&rs, 0, sizeof(rs));
	key[0] = hdr[0] = '\0';
	if (number == NULL || text == NULL) {
		res->outcome = JOB_DEAD;
		res->error = "malformed send payload";
		goto done;
	}
	if ((rc = store_evo_get(&s->st, &e)) != 1) {
		if (rc == -1)
			retry(res, "database unavailable");
		else {
			res->outcome = JOB_DEAD;
			res->error = "the integration was removed";
		}
		goto done;
	}
	/* The instance's rate: a slot every 1/rate s; a far one gives the job back. */
	if (store_evo_send_slot(&s->st, 1000 / s->cfg->evolution_send_rate, &wait_ms) == -1) {
		retry(res, "database unavailable");
		goto done;
	}
	if (wait_ms > 2000) {
		res->outcome = JOB_LATER;
		res->delay_ms = wait_ms;
		goto done;
	}
	if (wait_ms > 0) {
		struct timespec ts = { (time_t)(wait_ms / 1000), (long)(wait_ms % 1000) * 1000000L };

		nanosleep(&ts, NULL);
	}
	if (evo_keys(s, seal, hkey) == -1 || open_api_key(&e, seal, key, sizeof(key)) == -1 ||
	    evo_url(&e, "/message/sendText/", url, sizeof(url)) == -1) {
		memset(s->err, 0, sizeof(*s->err));
		res->outcome = JOB_DEAD;
		res->error = "cannot open the integration's API key";
		goto done;
	}
	snprintf(hdr, sizeof(hdr), "apikey: %s", key);
	b = json_object_new_object();
	add_str(b, "number", number);
	add_str(b, "text", text);
	rc = out_post(url, hdrs, json_object_to_json_string_ext(b, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE), (long)s->cfg->evolution_timeout_ms,
	    s->cfg->outbound_allow_private != 0, &rs);
	judge(&rs, rc, res);
done:
	OPENSSL_cleanse(seal, sizeof(seal));
	OPENSSL_cleanse(hkey, sizeof(hkey));
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(hdr, sizeof(hdr));
	buf_free(&rs.body);
	json_object_put(b);
	json_object_put(p);
}
