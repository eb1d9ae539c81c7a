/*
 * coach_int.h: what the local coach's files share (coach_answer.c: the turn,
 * reading the facts, the short answers; coach_spend.c: questions about
 * spending, recurring payments and income; coach_money.c: can I afford it,
 * the goal, debts, savings, investments). Not for outside the coach: its
 * interface is coach.h.
 */
#ifndef OZ_COACH_INT_H
#define OZ_COACH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach.h"
#include "domain/coach_match.h"
#include "domain/coach_text.h"
#include "domain/coach_when.h"
#include "domain/facts.h"

#define CLIP_LEN	200	/* bytes of a tool's text (a task title) quoted in a reply */
#define MAX_LOGGED	10	/* logged items confirmed one by one */
#define MAX_TOP		3	/* categories named in a summary */
#define MAX_TASKS	3	/* pending money moves named */
#define MAX_TXNS	200	/* transactions weighed for the biggest ones */
#define MAX_AGGS	64	/* groups of an aggregate */
#define MAX_DEBTS	FACT_MAX_DEBTS

/* How a fact read: unreadable, the user has none, or there. */
enum dstate { D_ERR, D_NONE, D_OK };

/* One chat turn. Scratch space for facts lives here: the turn is allocated once. */
struct coach {
	const struct coach_turn	*c;
	struct coach_reply	*res;
	struct cm_words		 w;
	struct ct		 t;
	long			 today;		/* day number of c->today */
	struct fact_txn		 txns[MAX_TXNS];
	struct fact_agg		 aggs[MAX_AGGS];
	struct fact_recurring	 recs[FACT_MAX_RECURRING];
	struct fact_intake	 fi;
	struct fact_plan	 fp;
	struct fact_goal	 goals[FACT_MAX_GOALS];
	struct fact_moves	 fm;
	char			 own_merchant[CM_MERCHANT_MAX];	/* named by a question no table read */
	char			 scratch[CM_MSG_MAX];	/* a part of the folded message */
};

/* Spending of some days, of a subject or of everything. */
struct spend {
	enum dstate	 state;
	int64_t		 total, income, count;
	int64_t		 unsorted;	/* of a subcategory's category, with no subcategory */
	struct {
		enum category	 cat;
		int64_t		 amount;
	}		 top[MAX_TOP];
	size_t		 ntop;
};

struct debt {
	const char	*name;		/* "" when not given */
	int64_t		 balance;
	int		 has_rate, monthly;
	int64_t		 rate_milli;	/* percent per month or year, thousandths */
	int64_t		 month_milli;	/* the same, a month */
};

struct intake {
	enum dstate	 state;
	int		 has_income, has_expenses, has_surplus, has_savings, has_debt, has_rate;
	int64_t		 income, expenses, surplus, savings, debt, rate_bp;
	struct debt	 debts[MAX_DEBTS];	/* the intake's, or its one total with its yearly rate */
	size_t		 ndebts;
};

struct plan {
	enum dstate	 state;
	int		 has_save, has_debt_pay, has_rate, has_target, has_timeline;
	int64_t		 monthly_save, monthly_debt, rate_bp, target_bp, timeline;
	char		 goal_date[11], payoff_date[11];
	char		 act[2][CLIP_LEN + 2];
	size_t		 nact;
};

struct goal {
	enum dstate	 state;
	char		 name[CLIP_LEN];
	char		 type[16], status[16];
	char		 target_date[11];	/* "" when none */
	int64_t		 target, current;
};

struct moves {
	enum dstate	 state;
	char		 due[11];
	char		 title[MAX_TASKS][CLIP_LEN + 1];
	int64_t		 amount[MAX_TASKS];
	int		 has_amount[MAX_TASKS];
	size_t		 npending, ntasks;
};

/* coach_answer.c */
void	co_set_class(struct coach *k, const char *intent, const char *topic, const char *emotion);
int	co_fact_read(struct coach *k, int rc);
void	co_load_spend(struct coach *k, long from, long to, const struct cm_subject *sj,
	    struct spend *s);
void	co_load_intake(struct coach *k, struct intake *in);
void	co_load_plan(struct coach *k, struct plan *p);
void	co_load_goal(struct coach *k, struct goal *g);
void	co_load_moves(struct coach *k, struct moves *mv);
const char *co_goal_label(struct coach *k, const struct goal *g);
/* The costliest debt with a rate (highest a month), or NULL. */
const struct debt *co_costliest_debt(const struct intake *in);
/* Interest a month on amount at debt d's rate, rounded. */
int64_t	co_debt_interest(const struct debt *d, int64_t amount);
/* A debt's name for people. */
const char *co_debt_name(struct coach *k, const struct debt *d);
/* The debt after "you owe … on": in English a name is "your Visa card". */
const char *co_debt_on(struct coach *k, const struct debt *d);
/* Free money this month: income less the larger of usual expenses and real spending. */
int64_t	co_free_this_month(struct coach *k, const struct intake *in, int64_t *spent);

/* coach_spend.c */
int	co_spending(struct coach *k);
/*
 * 1 if a message no table understood names a merchant of the user's own
 * transactions ("H&M this year: how much?"); it is then a spending question.
 */
int	co_names_own_merchant(struct coach *k);
int	co_recurring(struct coach *k);
int	co_income(struct coach *k);

/* coach_money.c */
int	co_afford(struct coach *k);
int	co_progress(struct coach *k);
int	co_debt(struct coach *k);
int	co_savings(struct coach *k);
int	co_invest(struct coach *k);

/* Debt costs this much a month (thousandths of a percent) or more: pay it first. */
#define COSTLY_MONTH_MILLI	2000

#endif
