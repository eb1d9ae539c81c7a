/*
 * fuzz_wa_onboard.c: reading a WhatsApp onboarding answer
 * (src/domain/wa_onboard.c), any text a new user may send to one of the
 * five questions.
 *
 * Input: one byte choosing the step, the language and the currency, then the
 * text. Checks, besides crashes and sanitizer reports: ob_read answers 0 for
 * any text up to TXT_MAX_TEXT bytes; an answer's amount is >= 0 and at most a
 * trillion minor units; a rate is within 0..1000%; a goal's name is at most
 * OB_NAME_MAX - 1 bytes, UTF-8 when the text is, its type one of three; the
 * same text gives the same answer twice; the acknowledgement and question
 * of the step fit their buffer.
 */
#include "config.h"

#include "fuzz.h"

#include "core/utf8.h"
#include "domain/txtparse.h"
#include "domain/wa_onboard.h"

static const char *const currencies[] = { "USD", "BRL", "EUR", "JPY", "KWD", "MXN", "GBP",
	"ARS" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ob_answer a, again;
	unsigned	 opt = fuzz_byte(&data, &size);
	enum ob_step	 st = (enum ob_step)((opt & 7) % (OB_GOAL_AMOUNT + 1));
	enum lang	 l = (enum lang)(((opt >> 3) & 3) % LANG_COUNT);
	const char	*cur = currencies[(opt >> 5) & 7];
	char		*text, out[512];
	int		 utf8;

	if (size > TXT_MAX_TEXT)
		return 0;
	text = fuzz_strdup(data, size);
	utf8 = utf8_valid(text, strlen(text));
	FUZZ_CHECK(ob_read(st, text, l, cur, &a) == 0, "ob_read refused");
	FUZZ_CHECK(a.kind >= OB_ANSWER && a.kind <= OB_OTHER, "kind %d", (int)a.kind);
	FUZZ_CHECK(!a.has_amount || (a.amount >= 0 && a.amount <= INT64_C(100000000000000)),
	    "amount %lld", (long long)a.amount);
	FUZZ_CHECK(!a.has_rate || (a.rate > 0 && a.rate <= 1000000), "rate %lld",
	    (long long)a.rate);
	FUZZ_CHECK(strlen(a.goal_name) < OB_NAME_MAX, "name too long");
	FUZZ_CHECK(!utf8 || utf8_valid(a.goal_name, strlen(a.goal_name)), "name not UTF-8");
	if (st == OB_GOAL && a.kind == OB_ANSWER)
		FUZZ_CHECK(strcmp(a.goal_type, "savings") == 0 ||
		    strcmp(a.goal_type, "debt_payoff") == 0 ||
		    strcmp(a.goal_type, "investment") == 0, "goal type '%s'", a.goal_type);
	FUZZ_CHECK(ob_read(st, text, l, cur, &again) == 0 &&
	    memcmp(&a, &again, sizeof(a)) == 0, "a second reading differs");
	ob_text_ack(st, l, a.goal_name, 1, out, sizeof(out));
	FUZZ_CHECK(strlen(out) < sizeof(out), "ack overflow");
	ob_text_question(st, l, a.goal_name, out, sizeof(out));
	FUZZ_CHECK(!utf8 || utf8_valid(out, strlen(out)), "question not UTF-8");
	(void)ob_is_restart(text);
	(void)ob_is_greeting(text);
	(void)ob_is_why(text);
	free(text);
	return 0;
}
