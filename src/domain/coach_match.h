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
#include "domain/lang.h"
#include "domain/txtparse.h"

#define CM_MSG_MAX	8192	/* bytes of a message looked at (2000 characters of UTF-8) */
#define CM_MAX_WORDS	2048
#define CM_MAX_SUBS	4	/* subcategories of one subject ("eating out") */
#define CM_MERCHANT_MAX	64

/* A message folded into words: "quanto gastei com transporte". */
struct cm_words {
	char		text[CM_MSG_MAX];
	uint16_t	off[CM_MAX_WORDS];
	uint16_t	len[CM_MAX_WORDS];
	size_t		n;
};

/* What a message asks, in the order they are tried: the first that matches wins. */
enum cm_kind {
	CM_INVEST, CM_AFFORD, CM_EMOTION, CM_TAX, CM_RECURRING, CM_SPENDING, CM_GOAL_UPDATE,
	CM_NEXT, CM_PROGRESS, CM_DEBT, CM_SAVINGS, CM_INCOME, CM_OFFTOPIC, CM_THANKS,
	CM_GREETING, CM_FALLBACK, CM_KIND_COUNT
};

/*
 * What a spending question is about, beside its period: a merchant the
 * categoriser knows ("uber", "iFood"), else subcategories ("groceries";
 * "eating out" is restaurants, delivery, coffee and bars), else a category.
 */
struct cm_subject {
	int		 has_cat;
	enum category	 cat;			/* named, or the one the subcategories refine */
	const char	*name;			/* the subcategory, or a group ("eating_out"); NULL: none */
	const char	*subs[CM_MAX_SUBS];	/* subcategory names (categorize.h) */
	size_t		 nsubs;
	char		 merchant[CM_MERCHANT_MAX];	/* canonical name ("Uber"), "" for none */
};

/* The shape of a spending question. */
enum cm_shape {
	CM_SH_TOTAL,	/* how much */
	CM_SH_WHERE,	/* where most of it goes: categories, merchants */
	CM_SH_TOP,	/* the biggest expenses */
	CM_SH_COMPARE,	/* more or less than another period, or than an amount */
	CM_SH_AVERAGE,	/* on average, a month or a week */
	CM_SH_LIST	/* the latest transactions */
};

/* A split the facts cannot make: the coach says so and answers without it. */
enum cm_filter { CM_F_NONE, CM_F_TIME, CM_F_WEEKDAY, CM_F_PAYMENT, CM_F_PERSON };

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
/*
 * cm_find from word from on: 1 and the first match's words [*at, *end)
 * (either may be NULL), or 0. A match is at least one word.
 */
int	cm_find_from(const struct cm_words *w, size_t from, const char *p, size_t *at,
	    size_t *end);
/* 1 if word i of w is one of the '|'-separated alternatives alts ("ab*": a prefix). */
int	cm_word_is(const struct cm_words *w, size_t i, const char *alts);

/* The kind of question w asks (CM_FALLBACK when none matches). */
enum cm_kind cm_kind_of(const struct cm_words *w);
/* The classification of kind k (static strings). */
const struct cm_class *cm_class_of(enum cm_kind k);
/* 1 if w names a spending category ("uber", "alquiler"), the first listed into *out; else 0. */
int	cm_category(const struct cm_words *w, enum category *out);
/* 1 if w names a merchant, subcategory or category (words of language lang) into *out. */
int	cm_subject(const struct cm_words *w, enum lang lang, struct cm_subject *out);
/*
 * 1 if w (from msg) names name, a merchant of the user's own transactions:
 * its words in a row; unless loose, a short name or an everyday word only
 * with its capital as msg writes it, past the first word.
 */
/*
 * The words after "on", "com", "en"… that name no period, filler or known
 * subject, at most three, into out ("" for none): what a spending question
 * asks about that no table reads ("joe s pizza"). Call it when cm_subject
 * found nothing.
 */
void	cm_unread_subject(const struct cm_words *w, char *out, size_t outlen);
/* 1 if w compares ("more … than", "mais … que"), *than the word "than"; else 0. */
int	cm_than_at(const struct cm_words *w, size_t *than);
/* 1 if w asks which month cost the most ("which month", "mi mes más caro"). */
int	cm_asks_which_month(const struct cm_words *w);
/* 1 if w asks an amount or a period: "how much", "biggest", "this year", or is three words or fewer. */
int	cm_asks_amount(const struct cm_words *w);
int	cm_names_merchant(const struct cm_words *w, const char *msg, const char *name,
	    int loose);
/* The shape of the spending question w asks. */
enum cm_shape cm_shape_of(const struct cm_words *w);
/* The first split w asks for that the facts cannot make, or CM_F_NONE. */
enum cm_filter cm_filter_of(const struct cm_words *w);

/* 1 if w names a period ("last month", "nos últimos 7 dias") into *out; else 0. */
int	cm_period(const struct cm_words *w, enum cal_period *out);
/*
 * The first named period w names from word from on: 1 with *out and its
 * words [*at, *end), or 0.
 */
int	cm_period_from(const struct cm_words *w, size_t from, enum cal_period *out, size_t *at,
	    size_t *end);
/* 1 if w speaks of debt ("dívida", "credit card"). */
int	cm_mentions_debt(const struct cm_words *w);
/* 1 if w says thanks. */
int	cm_says_thanks(const struct cm_words *w);
/* 1 if msg (folded into w) tries to steer the coach (see coach_is_injection). */
int	cm_is_injection(const struct cm_words *w, const char *msg);
/*
 * 1 if msg (folded into w) logs money: a logging verb ("spent", "aportei",
 * "paguei a fatura") and no question, or no verb at all in a short note of
 * something the categoriser knows ("almoço 32 reais ontem", "coffee 4.75");
 * either way with an amount in either number convention.
 */
int	cm_is_spending_log(const struct cm_words *w, const char *msg);
/*
 * What the money a log moves is, from its words: savings_contribution ("I
 * moved 200 to my fund", "aportei 300 na reserva"), debt_payment ("paguei a
 * fatura", "paid my card bill"), transfer ("transferi 100 para a minha mãe"),
 * or KIND_SPENDING when the words do not say (the categoriser decides).
 */
enum txn_kind cm_log_kind(const struct cm_words *w);
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
