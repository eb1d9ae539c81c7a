/*
 * wa.h: WhatsApp rules that need no I/O (DESIGN §4.2): who a WhatsApp id
 * is, the Brazilian mobile ninth digit, replies shaped for WhatsApp, what
 * the coach says to what it cannot read, and the backoff of queued work.
 */
#ifndef OZ_WA_H
#define OZ_WA_H

#include <stddef.h>
#include <stdint.h>

#include "domain/lang.h"

#define WA_PHONE_MAX	20	/* "+" and up to 15 digits, NUL */
#define WA_REPLY_MAX	1600	/* bytes of a reply: a phone screen or two */

/*
 * The E.164 phone of a person's WhatsApp id ("5511987654321@s.whatsapp.net",
 * a ":device" part allowed, or bare digits) into out. 0, or -1 for groups
 * (@g.us), broadcasts, lids, newsletters and anything not 8..15 digits.
 */
int	wa_jid_phone(const char *jid, char *out, size_t outlen);
/*
 * The same Brazilian mobile number with or without its ninth digit
 * ("+551188887777" <-> "+5511988887777"): 1 and alt filled, 0 when phone has
 * no such twin.
 */
int	wa_phone_twin(const char *phone, char *alt, size_t altlen);
/*
 * text as WhatsApp shows it, into out (outlen > 0, at most WA_REPLY_MAX
 * used): **bold** and __bold__ become *bold*, "# Title" lines *Title*,
 * "- item" lines "• item", runs of blank lines one, trailing blanks gone;
 * cut on a UTF-8 boundary (with "…") when too long.
 */
void	wa_shape(const char *text, char *out, size_t outlen);

/* What arrived that the coach does not read as text. */
enum wa_kind {
	WA_TEXT,
	WA_IMAGE,
	WA_DOCUMENT,
	WA_AUDIO,
	WA_STICKER,
	WA_LOCATION,
	WA_OTHER
};

/* "text", "image", … and back; wa_kind_of gives WA_OTHER for anything unknown. */
const char	*wa_kind_name(enum wa_kind k);
enum wa_kind	 wa_kind_of(const char *name);

/* The short reply to a message of kind k the coach cannot read (not WA_TEXT). */
const char	*wa_reply_unread(enum wa_kind k, enum lang l);
/*
 * What the coach says of a document of kind k (WA_IMAGE, WA_DOCUMENT) sent
 * on WhatsApp: it could not be read (what to send instead), or was too large.
 */
void	wa_reply_doc_unreadable(enum wa_kind k, enum lang l, int too_large, char *out,
	    size_t len);
/*
 * A document of kind k (WA_IMAGE, WA_DOCUMENT) that Evolution never handed
 * over, however often asked: send it again.
 */
const char	*wa_reply_media_lost(enum wa_kind k, enum lang l);
/* A receipt recorded: merchant, amount and date as people write them, category's name. */
void	wa_reply_receipt(enum lang l, const char *merchant, const char *amount,
	    const char *date, const char *category, char *out, size_t len);
/* A statement (or spreadsheet) imported: added transactions, duplicates skipped. */
void	wa_reply_statement(enum lang l, int64_t added, int64_t duplicates, char *out,
	    size_t len);
/* The greeting of a user just created from WhatsApp. */
const char	*wa_reply_welcome(enum lang l);
/* What the coach says when it could not answer (the provider and the fallback failed). */
const char	*wa_reply_sorry(enum lang l);

/*
 * How long queued work waits before attempt n + 1 (n >= 1 failed so far):
 * about 1 s, 5 s, 30 s, 2 min, 10 min, 30 min, then 1 h, each within +-20%
 * by rnd (any value; the caller's random number).
 */
int64_t	wa_backoff_ms(int n, uint32_t rnd);

#endif
