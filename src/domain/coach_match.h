/*
 * coach_match.h: what a message to the local coach is about. The message is
 * folded once (categorize_fold: ASCII lower case, accents off, punctuation to
 * spaces) and cut into words; every understanding is a table of word
 * patterns over those words, so an English, Portuguese or Spanish phrasing
 * is one line of a table. The money a message states is read by the text
 * parser (txtparse.h), as when it logs spending. The prefix is cm_.
 */
#ifndef OZ_COACH_MATCH_H
#define OZ_COACH_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/txtparse.h"

#define CM_MSG_MAX	8192	/* bytes of a message looked at (2000 characters of UTF-8) */
#define CM_MAX_WORDS	2048

/* A message folded into words: "quanto gastei com transporte". */
struct cm_words {
	char		text[CM_MSG_MAX];
	uint16_t	off[CM_MAX_WORDS];
	uint16_t	len[CM_MAX_WORDS];
	size_t		n;
};

/* What a message asks, in the order they are tried: the first that matches wins. */
enum cm_kind {
	CM_AFFORD, CM_EMOTION, CM_SPENDING, CM_GOAL_UPDATE, CM_NEXT, CM_PROGRESS, CM_DEBT,
	CM_SAVINGS, CM_INCOME, CM_THANKS, CM_GREETING, CM_FALLBACK, CM_KIND_COUNT
};

/* How a kind of message is classified (the fields of struct coach_class). */
struct cm_class {
	const char	*intent, *topic, *emotion;
};

/* Fold msg (NULL: "") into w; its first CM_MSG_MAX - 1 bytes are looked at. */
void	cm_words_init(struct cm_words *w, const char *msg);
/*
 * 1 if pattern p matches w from some word on. A pattern is slots separated by
 * one space; a slot lists '|'-separated alternatives ("spend|spent"), "ab*" is
 * a prefix, a trailing '?' makes the slot optional, and the slot "^" anchors
 * at the first word: "^ please? pretend to|that".
 */
int	cm_find(const struct cm_words *w, const char *p);

/* The kind of question w asks (CM_FALLBACK when none matches). */
enum cm_kind cm_kind_of(const struct cm_words *w);
/* The classification of kind k (static strings). */
const struct cm_class *cm_class_of(enum cm_kind k);
/* 1 if w names a spending category ("uber", "alquiler"), the first listed into *out; else 0. */
int	cm_category(const struct cm_words *w, enum category *out);
/* 1 if w names a period ("last month", "nos últimos 7 dias") into *out; else 0. */
int	cm_period(const struct cm_words *w, enum cal_period *out);
/* 1 if w speaks of debt ("dívida", "credit card"). */
int	cm_mentions_debt(const struct cm_words *w);
/* 1 if w says thanks. */
int	cm_says_thanks(const struct cm_words *w);
/* 1 if msg (folded into w) tries to steer the coach (see coach_is_injection). */
int	cm_is_injection(const struct cm_words *w, const char *msg);
/*
 * 1 if msg (folded into w) logs spending or income: a logging verb, no
 * question, and an amount in either number convention.
 */
int	cm_is_spending_log(const struct cm_words *w, const char *msg);
/*
 * The price msg names, read by the text parser in lang's conventions ("en":
 * "1,200.50"; "pt", "es": "1.200,50") with currency (ISO 4217) for plain
 * numbers: of the amounts in currency, the first written with a currency mark,
 * else the largest ("I have 2 kids, can I afford 300?"); with none in
 * currency, the first in another ("US$ 1000" for a BRL user). 0, or -1 when
 * it names none.
 */
int	cm_price(const char *msg, const char *lang, const char *currency,
	    struct txt_amount *out);

#endif
