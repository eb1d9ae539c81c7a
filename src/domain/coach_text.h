/*
 * coach_text.h: what the local coach says, and how it puts numbers for
 * people. One table of sentences, a row per message and a column per
 * language (lang.h), with {1}..{9} for the arguments in the same order in
 * every language; money through money_format, dates, counts and percentages
 * in the language's style. A reply grows sentence by sentence (SAY); short
 * pieces (TR, CONCAT, ct_money, ct_date…) are written into a ring of
 * CT_NSLOT slots, each valid until CT_NSLOT more pieces are made. The prefix
 * is ct_.
 */
#ifndef OZ_COACH_TEXT_H
#define OZ_COACH_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach_when.h"
#include "domain/lang.h"

struct buf;

#define CT_NSLOT	16	/* pieces alive at once */
#define CT_SLOT_LEN	256
#define CT_LIST_MAX	1024
#define CT_SENTENCE_MAX	2048

/* The sentences and phrases of the table (coach_text.c). */
enum ct_msg {
	M_UNAVAILABLE,
	M_SPENT_CAT, M_SPENT_ALL, M_TOP, M_SHARE, M_NONE_CAT, M_NONE_ALL, M_LOG_TIP,
	M_OVER_BASE, M_LEFT_BASE, M_WITHIN_BASE,
	M_GOAL_DONE, M_GOAL_NEXT, M_GOAL_AT, M_GOAL_CLOSE, M_GOAL_ETA, M_GOAL_NO_ETA,
	M_GOAL_NO_PLAN, M_NO_GOAL, M_HOW_GOAL, M_SURPLUS_FOR_GOAL, M_GOAL_CHANGE,
	M_MOVES, M_MOVES_DONE, M_PLAN_SAYS, M_NO_PLAN_NEXT, M_NO_INTAKE_NEXT,
	M_AFF_NO_INTAKE, M_AFF_NO_AMOUNT, M_AFF_OTHER_CURRENCY, M_AFF_FREE, M_AFF_GAP,
	M_AFF_GAP2, M_AFF_YES, M_AFF_DELAY, M_AFF_SAVE_UP, M_AFF_NO, M_AFF_NO2,
	M_LESS_MONTH, M_ABOUT_ONE_MONTH, M_ABOUT_N,
	M_LOGGED, M_LOGGED_NODESC, M_LOGGED_INCOME, M_LOGGED_MORE, M_LOGGED_CAT_TOTAL,
	M_LOGGED_INCOME_TOTAL,
	M_HELLO, M_THANKS, M_HELP, M_HELP_LOG,
	M_EMPATHY, M_STEP_TASK, M_STEP_PLAN, M_STEP_SPEND, M_STEP_INTAKE, M_STEP_NO_PLAN,
	M_ONE_STEP,
	M_DEBT_NO_INTAKE, M_DEBT_NONE, M_DEBT_OWE, M_DEBT_OWE_RATE, M_DEBT_DATE,
	M_DEBT_STUCK, M_DEBT_NO_PLAN,
	M_SAV_BAL, M_SAV_SURPLUS, M_SAV_RATE, M_SAV_NEG, M_SAV_GREAT, M_SAV_NO_DATA,
	M_SAV_NO_PLAN,
	M_FALLBACK, M_FB_SPENT, M_FB_NONE,
	M_INCOME, M_NO_INCOME, M_INCOME_LEFT, M_INCOME_SHORT,
	M_SPENT_AT, M_NONE_AT, M_UNSORTED, M_CANT_SPLIT, M_CANT_DATES, M_CANT_SUBJECT, M_FUTURE,
	M_FUTURE_AVG, M_WHERE_AT, M_TOP_TXNS, M_TOP_OF_LATEST, M_LIST, M_LIST_MORE, M_CMP, M_CMP_SUBJ,
	M_CMP_FULL, M_DIFF_MORE, M_DIFF_MORE_ABS, M_DIFF_LESS, M_DIFF_SAME,
	M_SAME_DAYS_MONTH, M_SAME_DAYS_WEEK, M_SAME_DAYS_YEAR, M_LIMIT_OVER, M_LIMIT_UNDER,
	M_ON_SUBJ, M_AT_SUBJ, M_AVG, M_AVG_WEEK, M_LAST_N_MONTHS, M_AVG_VS_BASE,
	M_REC_LIST, M_REC_SUBS, M_REC_TOTAL, M_REC_NEXT, M_REC_LAST, M_AVG_ONE, M_MONTHS_TOP, M_AVG_NONE, M_REC_NONE, M_REC_NO_SUBS,
	M_REC_MORE, M_WEEKLY, M_BIWEEKLY, M_MONTHLY, M_QUARTERLY, M_YEARLY,
	M_INCOME_INTAKE, M_DEBT_LIST, M_DEBT_ITEM_RATE, M_DEBT_ITEM, M_RATE_MONTH,
	M_RATE_YEAR, M_DEBT_OWE_ON, M_DEBT_INTEREST, M_DEBT_INTEREST_ONE, M_DEBT_FIRST, M_DEBT_COSTLY,
	M_YOUR_DEBT, M_AFF_DEBT_NO, M_AFF_DEBT_SAVE, M_AFF_DEBT_WHEN, M_AFF_DEBT_AFTER,
	M_AFF_DEBT_SMALL, M_AFF_DEBT_NOTE, M_AFF_SPENT_MORE, M_AFF_BY_YES, M_AFF_BY_SET,
	M_AFF_BY_NO, M_AFF_GOAL_DATE, M_GOAL_BEHIND, M_GOAL_AHEAD, M_GOAL_ON_TIME,
	M_GOAL_NEED, M_GOAL_NEED_ONLY, M_GOAL_ENOUGH, M_GOAL_SHORT, M_GOAL_PAST,
	M_SAV_CONTRIB, M_SAV_NO_CONTRIB, M_LOGGED_SAVING, M_LOGGED_DEBT, M_LOGGED_TRANSFER,
	M_LOGGED_GOAL, M_OOS_INVEST, M_OOS_DEBT_FIRST, M_OOS_FUND_FIRST, M_OOS_READY,
	M_OOS_TAX, M_OOS_OFFTOPIC, M_F_TIME, M_F_WEEKDAY, M_F_PAYMENT, M_F_PERSON,
	M_IN_MONTH, M_IN_MONTH_YEAR, M_IN_YEAR, M_ON_DAY, M_BETWEEN, M_LAST_DAYS, M_SPAN,
	M_AND, M_RANGE,
	M_COUNT
};

/* What ct_count counts. */
enum ct_noun { N_TRANSACTION, N_MONTH, N_COUNT };

/* One reply being written. */
struct ct {
	enum lang	 lang;
	const char	*cur;		/* the user's currency */
	int		 digits;	/* its minor digits */
	struct buf	*reply;		/* the caller's */
	int		 fail;		/* the reply could not grow: out of memory */
	char		 slot[CT_NSLOT][CT_SLOT_LEN];
	unsigned	 nslot;
	char		 list[CT_LIST_MAX];
};

/* Start writing in lang into reply (emptied), money in currency (NULL or "": USD). */
void	ct_init(struct ct *t, enum lang lang, const char *currency, struct buf *reply);
/* Append s to the reply as it is; t->fail is set when the reply cannot grow. */
void	ct_put(struct ct *t, const char *s);
/* Append message m with the arguments (NULL-terminated) as a sentence: use SAY. */
void	ct_say(struct ct *t, enum ct_msg m, ...);
#define SAY(t, ...)	ct_say((t), __VA_ARGS__, (const char *)NULL)
/* Message m with the arguments, as a piece: use TR. */
const char *ct_tr(struct ct *t, enum ct_msg m, ...);
#define TR(t, ...)	ct_tr((t), __VA_ARGS__, (const char *)NULL)
/* The strings one after the other, as a piece: use CONCAT. */
const char *ct_concat(struct ct *t, ...);
#define CONCAT(t, ...)	ct_concat((t), __VA_ARGS__, (const char *)NULL)
/* s cut to fewer than n bytes (n <= CT_SLOT_LEN) on a UTF-8 boundary, as a piece. */
const char *ct_clip(struct ct *t, const char *s, size_t n);

/* Minor units of the user's currency for people: "$1,234.50", "R$ 1.234,50". */
const char *ct_money(struct ct *t, int64_t cents);
/* The same in another currency. */
const char *ct_money_in(struct ct *t, int64_t cents, const char *currency);
/* A whole number of major units of the user's currency: 300 -> "$300.00". */
const char *ct_money_major(struct ct *t, int64_t units);
/* An integer: "42". */
const char *ct_int(struct ct *t, int64_t v);
/* A count with its noun: "3 transactions", "1 mês". */
const char *ct_count(struct ct *t, int64_t n, enum ct_noun what);
/* Basis points as a percentage: 1990 -> "19.9" (en), "19,9" (pt, es). */
const char *ct_pct(struct ct *t, int64_t bp);
/* "YYYY-MM-DD" for people: "Oct 1, 2026" (en), "01/10/2026" (pt, es); no year if !year. */
const char *ct_date(struct ct *t, const char *iso, int year);
/* " (Oct 1 – Oct 31, 2026)", " (31/10/2026)" for one day, "" when either is not a date. */
const char *ct_range(struct ct *t, const char *from, const char *to);
/* items joined for people, "a, b and c" (valid until the next ct_join). */
const char *ct_join(struct ct *t, const char *const *items, size_t n);
/* The name of a category in the language. */
const char *ct_category(struct ct *t, enum category c);
/* The same from its API name ("food"); an unknown name as it is, NULL as "other". */
const char *ct_category_named(struct ct *t, const char *api_name);
/* A goal's name from its type ("debt_payoff" -> "Debt payoff"); savings for an unknown type. */
const char *ct_goal_type(struct ct *t, const char *type);
/* How a period is said: "last month", "nos últimos 7 dias". */
const char *ct_period(struct ct *t, enum cal_period p);
/* The polite refusal of an attempt to steer the coach (static text). */
const char *ct_refusal(enum lang lang);
/* A subcategory or group of them ("groceries", "eating_out") for people; an unknown name as it is. */
const char *ct_subject(struct ct *t, const char *name);
/* The name of month m (1..12): "November", "novembro". */
const char *ct_month(struct ct *t, long m);
/* A month for people, with its year when it is not today's: "December", "janeiro de 2027". */
const char *ct_month_year(struct ct *t, long y, long m, long today);
/* How period p is said ("in November", "entre 01/03 e 31/05/2026"), its days cut at day `to`. */
const char *ct_when(struct ct *t, const struct cw_period *p, long to, long today);
/* The dates that follow ct_when in parentheses (" (Nov 1 – Nov 24, 2026)"), or "" when it said them. */
const char *ct_when_dates(struct ct *t, const struct cw_period *p, long from, long to);
/* Two days as a span: "Nov 1 – Nov 24, 2026", "01/11 a 24/11/2026". */
const char *ct_span(struct ct *t, long from, long to);
/* A rate in thousandths of a percent, a month or a year: "12% a month", "19,9% ao ano". */
const char *ct_rate(struct ct *t, int64_t milli, int monthly);

#endif
