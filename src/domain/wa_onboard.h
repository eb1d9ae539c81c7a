/*
 * wa_onboard.h: a new user onboarded in the WhatsApp conversation (DESIGN
 * §4.2): five short questions (monthly income, monthly spending, savings,
 * debts and their interest, the goal) whose answers become the intake, the
 * goal and the first plan, with no call from the platform. This module reads
 * an answer and words the questions, in en/pt/es; the service keeps the
 * state (store_onboard.h) and runs the steps. Pure C: no I/O.
 */
#ifndef OZ_WA_ONBOARD_H
#define OZ_WA_ONBOARD_H

#include <stddef.h>
#include <stdint.h>

#include "domain/lang.h"

/* Where a conversation is; the names are the database's. */
enum ob_step {
	OB_INCOME,		/* "income": take-home pay a month */
	OB_EXPENSES,		/* "expenses": all spending a month */
	OB_SAVINGS,		/* "savings": saved today */
	OB_DEBT,		/* "debt": owed on cards and loans, not a mortgage */
	OB_RATE,		/* "rate": the debt's interest (asked only with a debt) */
	OB_GOAL,		/* "goal": what for, and how much */
	OB_GOAL_AMOUNT,		/* "goal_amount": how much, for a goal named without it */
	OB_DONE,		/* "done": the plan was made */
	OB_OFF,			/* "off": the user stopped; "start" begins again */
	OB_STEP_COUNT
};

/* "income" … "off", and back (-1 for a name that is none). */
const char	*ob_step_name(enum ob_step st);
int		 ob_step_of(const char *name, enum ob_step *out);
/* 1 while the conversation waits for an answer (income … goal_amount). */
int		 ob_asking(enum ob_step st);

/* What a message says to the question of a step. */
enum ob_kind {
	OB_ANSWER,	/* the answer: amount (0 for "nothing"), rate, goal */
	OB_SKIP,	/* no goal ("none"), no known rate ("don't know") */
	OB_STOP,	/* the user wants to stop ("later", "stop") */
	OB_LOG,		/* something spent just now ("spent 30 on uber"): the chat logs it */
	OB_OTHER	/* no answer (a question, a greeting): the chat answers, the question again */
};

#define OB_NAME_MAX	61	/* bytes of a goal's name, NUL included */

struct ob_answer {
	enum ob_kind	 kind;
	int		 question;		/* OB_OTHER: the message asks something */
	int		 has_amount;
	int64_t		 amount;		/* minor units of the currency */
	/* OB_RATE: percent in thousandths (12.5% -> 12500), its period if said */
	int		 has_rate;
	int64_t		 rate;
	char		 rate_period[6];	/* "month" | "year" | "" not said */
	/* OB_GOAL */
	char		 goal_type[16];		/* savings | debt_payoff | investment */
	int		 emergency;		/* an emergency fund */
	char		 goal_name[OB_NAME_MAX];	/* as the user wrote it, or the kind's name */
};

/*
 * Read text, the user's message at step st (ob_asking), in language l with
 * currency (ISO 4217) as the default: a money amount (several add up: "rent
 * 1200, food 600" is 1800), "nothing"/"0" for savings and debt, a rate with
 * its period, a goal with its kind and amount. 0 and *a filled, or -1 for
 * bad arguments.
 */
int	ob_read(enum ob_step st, const char *text, enum lang l, const char *currency,
	    struct ob_answer *a);
/* 1 if text asks to begin the onboarding again ("start", "começar", "plan"). */
int	ob_is_restart(const char *text);
/* 1 if text asks why the questions ("por que você precisa disso?", "why?"). */
int	ob_is_why(const char *text);
/* 1 if text is only a greeting ("oi", "hello", "buenos dias"). */
int	ob_is_greeting(const char *text);

/* What the coach says; each into out (at most len bytes, cut on a character). */
/* The opening: why five questions, how to stop. */
const char	*ob_text_intro(enum lang l);
/* The question of step st (ob_asking); goal_name for OB_GOAL_AMOUNT. */
void	ob_text_question(enum ob_step st, enum lang l, const char *goal_name, char *out,
	    size_t len);
/*
 * What was understood of an answer to st, before the next question:
 * amount already formatted ("R$ 5.000,00"; NULL for savings or debt: none);
 * rate for OB_RATE ("12,5% a month").
 * over_income: the spending said is above the income said.
 */
void	ob_text_ack(enum ob_step st, enum lang l, const char *amount, int over_income,
	    char *out, size_t len);
/* "I didn't find a number in that" (before the question again). */
const char	*ob_text_unclear(enum ob_step st, enum lang l);
/* Asked a rate without its period: "a month or a year?" (rate as written back). */
void	ob_text_rate_period(enum lang l, const char *rate, char *out, size_t len);
/* Why the coach asks: what the numbers are for. */
const char	*ob_text_why(enum lang l);
/* The user stopped: how to begin again. */
const char	*ob_text_stopped(enum lang l);
/* The heading of the plan that ends the onboarding, and what the coach does next. */
const char	*ob_text_plan_head(enum lang l);
const char	*ob_text_plan_next(enum lang l);
/* A rate (thousandths of a percent) and its period as people write it: "12,5% ao mês". */
void	ob_format_rate(int64_t rate, const char *period, enum lang l, char *out, size_t len);

#endif
