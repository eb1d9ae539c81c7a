/*
 * plan_wording.h: a model may reword a plan's summary and action items, but
 * never its numbers. These pure helpers read the model's answer and check
 * that every number in it is one the finance engine wrote.
 */
#ifndef OZ_PLAN_WORDING_H
#define OZ_PLAN_WORDING_H

#include <stddef.h>

#define WORDING_SUMMARY_MAX	1536	/* = fin_plan.summary */
#define WORDING_ITEM_MAX	448	/* = FIN_TEXT_MAX */

/*
 * 1 if every number in text (digits, with "," or "." between digits, read
 * without separators or leading zeros: "1,234.50" = "1.234,50" = "123450")
 * also appears in reference; else 0 with the first stranger in bad.
 */
int	wording_numbers_ok(const char *text, const char *reference, char *bad, size_t badlen);
/*
 * Read a model's answer {"summary": "...", "action_items": ["...", ...]}
 * (bare, or inside a ``` fence) holding exactly n_items non-empty items that
 * fit the plan's buffers. 0 with summary and items filled, or -1 with why.
 */
int	wording_parse(const char *answer, int n_items, char summary[WORDING_SUMMARY_MAX],
	    char items[][WORDING_ITEM_MAX], char *why, size_t whylen);

#endif
