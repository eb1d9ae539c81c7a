/*
 * fuzz_plan_wording.c: a model's rewording of a plan (src/ai/plan_wording.c):
 * wording_parse reads {"summary", "action_items"} bare or inside a ```
 * fence, and wording_numbers_ok refuses any number the engine did not write.
 *
 * Input: one byte choosing how many action items are expected (0..7), then
 * the model's answer. Checks, besides crashes, leaks and sanitizer reports:
 *  - taken: a summary and exactly that many items, each non-empty, within
 *    its buffer, and valid UTF-8 when the answer is (it is stored and shown);
 *  - refused: a reason;
 *  - wording_numbers_ok of the answer against a plan's own text: a number
 *    it calls a stranger is named, and a text always passes against itself.
 */
#include "config.h"

#include "fuzz.h"

#include "ai/plan_wording.h"
#include "core/utf8.h"

static const char reference[] =
    "You earn $5,000.00 and spend $3,200.50 a month, leaving $1,799.50 for your goals. "
    "Saving $1,799.50 a month for Emergency fund ($10,000.00) gets you there in 5 months, "
    "around 2027-04-24. 35% 10% 55% 0% 0.4 months.";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	 summary[WORDING_SUMMARY_MAX], items[8][WORDING_ITEM_MAX];
	char		 why[160], bad[64];
	int		 n = (int)(fuzz_byte(&data, &size) & 7), i;
	char		*answer = fuzz_strdup(data, size);
	int		 utf8 = utf8_valid(answer, strlen(answer));

	why[0] = '\0';
	if (wording_parse(answer, n, summary, items, why, sizeof(why)) == 0) {
		FUZZ_CHECK(summary[0] != '\0' && strlen(summary) < WORDING_SUMMARY_MAX, "summary");
		FUZZ_CHECK(!utf8 || utf8_valid(summary, strlen(summary)),
		    "a UTF-8 answer gave a summary that is not UTF-8");
		for (i = 0; i < n; i++) {
			FUZZ_CHECK(items[i][0] != '\0' && strlen(items[i]) < WORDING_ITEM_MAX,
			    "item %d", i);
			FUZZ_CHECK(!utf8 || utf8_valid(items[i], strlen(items[i])),
			    "a UTF-8 answer gave item %d that is not UTF-8", i);
		}
	} else
		FUZZ_CHECK(why[0] != '\0', "refused without a reason");
	bad[0] = '\0';
	if (wording_numbers_ok(answer, reference, bad, sizeof(bad)) == 0)
		FUZZ_CHECK(bad[0] != '\0', "a stranger without a name");
	FUZZ_CHECK(wording_numbers_ok(answer, answer, bad, sizeof(bad)) == 1,
	    "a text is not consistent with itself: %s", bad);
	free(answer);
	return 0;
}
