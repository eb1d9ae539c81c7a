/*
 * goal_pick.h: which goal a logged payment moves. A debt payment moves one
 * of the user's active debt payoff goals, a savings contribution one of the
 * active savings or investment goals (the store finds those); among them,
 * in this order: the goal it moved before (a changed transaction keeps its
 * goal), the primary goal, the goal whose name shares the most words with
 * the transaction's description and merchant, the oldest. Pure C: no I/O.
 */
#ifndef OZ_GOAL_PICK_H
#define OZ_GOAL_PICK_H

#include <stddef.h>

/* One candidate goal, in age order (oldest first). */
struct goal_choice {
	const char	*id;
	const char	*name;
	int		 is_primary;
};

/*
 * Words of at least four characters (letters and digits; any non-ASCII
 * character counts as a letter) that name and text share, ignoring ASCII
 * case and a few common words ("with", "para", "desde", …), each counted
 * once.
 */
int	goal_pick_shared_words(const char *name, const char *text);
/*
 * The index of the goal among the n candidates that a payment described by
 * text (NULL: nothing) moves: prefer_id when it is one of them, else the
 * primary, else the one sharing the most words with text (the oldest of a
 * tie), else the oldest. -1 when n is 0.
 */
long	goal_pick(const struct goal_choice *c, size_t n, const char *text,
	    const char *prefer_id);
/*
 * The index of the goal among the n candidates whose name shares the most
 * words with text (the oldest of a tie); -1 when none shares one. Unlike
 * goal_pick, no fallback: for money aimed at something named.
 */
long	goal_pick_named(const struct goal_choice *c, size_t n, const char *text);
/* Words that name an emergency fund in en/pt/es, for goal_pick_named. */
extern const char goal_pick_emergency_words[];

#endif
