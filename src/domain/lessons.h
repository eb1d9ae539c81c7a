/*
 * lessons.h: the money-move library. Each cycle of money moves has a "do"
 * task (move an amount toward the goal), a "learn" task (a short lesson) and
 * a "mind" task (a reflection), in en/pt/es. Pure: static strings only.
 */
#ifndef OZ_LESSONS_H
#define OZ_LESSONS_H

#include <stddef.h>
#include <stdint.h>

/* Points a done task earns (DESIGN §4 Money moves), and the first completion's bonus. */
#define POINTS_DO		50
#define POINTS_LEARN		10
#define POINTS_MIND		10
#define POINTS_FIRST_BONUS	150

/* Distinct titles of each kind: no title repeats within this many consecutive cycles. */
#define LESSON_COUNT	12

/*
 * The title of the learn task of cycle n (0, 1, 2 …) in language ("en", "pt",
 * "es"; anything else is "en"). Titles rotate through all LESSON_COUNT with a
 * stride co-prime to the count, offset by seed so users differ: no repeat in
 * any LESSON_COUNT consecutive cycles. Never NULL; static storage.
 */
const char	*lesson_learn(unsigned n, unsigned seed, const char *language);
/* The title of the mind (reflection) task of cycle n, as lesson_learn. */
const char	*lesson_mind(unsigned n, unsigned seed, const char *language);
/*
 * The do task's title into out: "Move $125.00 to Emergency fund",
 * "Guarde R$ 125,00 para …", "Aparta 125,00 € para …"; a NULL or empty
 * goal_name reads "your goal". Returns 0, or -1 (NULL argument, too small out).
 */
int		 lesson_do_title(int64_t cents, const char *currency, const char *language,
		    const char *goal_name, char *out, size_t outlen);

/*
 * Lessons that fit a plan's focus. topic is the plan's focus topic
 * (finance_focus_topic, store_plan's focus_topic): "debt", "emergency",
 * "saving", "investing" or "budget"; NULL, "" or anything else is
 * lesson_learn. Each topic has LESSON_COUNT lessons: even cycles (0, 2 …)
 * teach the topic itself (for debt: avalanche, minimum payments, card
 * revolving credit, refinancing, monthly and yearly rates, pausing new
 * purchases), odd ones a companion lesson; no title repeats in any
 * LESSON_COUNT consecutive cycles, and cycle 0 is always on the topic.
 * Never NULL; static storage.
 */
const char	*lesson_learn_for(unsigned n, unsigned seed, const char *language,
		    const char *topic);
/* 1 if topic is one lesson_learn_for knows. */
int		 lesson_topic_known(const char *topic);
/*
 * The do task's title for a plan's focus into out, with the cycle's period
 * from cadence (weekly, biweekly, twice_monthly, monthly; NULL or unknown:
 * none): focus_step "high_interest_debt" (or topic "debt"): "Pay $125.00
 * extra on Visa this week"; "starter_emergency_fund" / "emergency_fund":
 * "Move $125.00 to your emergency fund this month"; "invest" (or topic
 * "investing"): "Invest $125.00 toward Retirement this month"; "close_gap":
 * "Cut $125.00 from your spending this month", or with cents 0 "Spend no
 * more than you earn this month"; anything else is lesson_do_title's
 * wording. name NULL or "" reads "your debt", "your goal". Returns 0, or -1
 * (NULL currency/language/out, too small out: out "").
 */
int		 lesson_do_title_for(int64_t cents, const char *currency, const char *language,
		    const char *focus_step, const char *topic, const char *name,
		    const char *cadence, char *out, size_t outlen);

/* The points a done task of task_type (do, learn, mind) earns. */
int		 lesson_points(const char *task_type);

#endif
