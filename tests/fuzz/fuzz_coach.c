/*
 * fuzz_coach.c: a user's chat message to the built-in coach
 * (src/domain/coach_match.c, coach_answer.c): folded into words
 * (cm_words_init), understood (cm_kind_of, categories, periods, injection,
 * spending logs, the price it names via the text parser), classified, and
 * answered from the user's facts (tests/fuzz/fuzz_facts.h).
 *
 * Input: one byte choosing the language, the currency and whether the user
 * has data, none, or data that cannot be read; then the message. Checks,
 * besides crashes, leaks and sanitizer reports:
 *  - the folded words lie inside the folded text and are lower-case ASCII
 *    letters, digits and '&';
 *  - a price read is positive, in an ISO 4217 currency;
 *  - the answer is non-empty, valid UTF-8, holds no template placeholder
 *    ("{1}") and no NUL; its emotion, topic and intent are among the
 *    documented ones; the same message is answered the same way twice.
 *
 * libFuzzer options: -max_len=8192
 */
#include "config.h"

#include "fuzz.h"
#include "fuzz_facts.h"

#include "core/buf.h"
#include "core/utf8.h"
#include "domain/coach.h"
#include "domain/coach_match.h"

static const char *const langs[] = { "en", "pt", "es", "en" };
static const char *const currencies[] = { "USD", "BRL", "EUR", "JPY" };

static int
one_of(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static void
check_words(const struct cm_words *w)
{
	size_t i, k;

	FUZZ_CHECK(w->n <= CM_MAX_WORDS, "%zu words", w->n);
	for (i = 0; i < w->n; i++) {
		FUZZ_CHECK(w->len[i] > 0 && (size_t)w->off[i] + w->len[i] < CM_MSG_MAX,
		    "word %zu outside the text", i);
		for (k = 0; k < w->len[i]; k++) {
			char c = w->text[w->off[i] + k];

			FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&',
			    "word %zu holds byte 0x%02x", i, (unsigned char)c);
		}
	}
}

static void
answer(const char *lang, const char *cur, const char *msg, struct fuzz_facts *f,
    struct buf *reply, struct coach_reply *out)
{
	struct coach_turn t;

	memset(&t, 0, sizeof(t));
	memset(out, 0, sizeof(*out));
	t.language = lang;
	t.currency = cur;
	t.today = "2026-11-24";
	t.message = msg;
	t.facts = &f->src;
	out->reply = reply;
	FUZZ_CHECK(coach_answer(&t, out) == 0, "coach_answer failed");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const emotions[] = { "encouraging", "neutral", "cautious",
		"celebratory", NULL };
	static const char *const topics[] = { "savings", "spending", "goals", "debt",
		"general", NULL };
	static const char *const intents[] = { "progress_check", "advice_request",
		"transaction_log", "goal_update", "emotional_support", NULL };
	static struct cm_words w;
	unsigned		 opt = fuzz_byte(&data, &size);
	const char		*lang = langs[opt & 3], *cur = currencies[(opt >> 2) & 3];
	struct fuzz_facts	 f;
	struct coach_reply	 a, b;
	struct coach_class	 cls;
	struct txt_amount	 price;
	struct buf		 r1, r2;
	enum category		 cat;
	enum cal_period		 per;
	char			*msg;
	size_t			 i;

	if (size > CM_MSG_MAX)
		return 0;
	msg = fuzz_strdup(data, size);
	cm_words_init(&w, msg);
	check_words(&w);
	FUZZ_CHECK(cm_kind_of(&w) < CM_KIND_COUNT, "kind");
	(void)cm_class_of(cm_kind_of(&w));
	if (cm_category(&w, &cat))
		FUZZ_CHECK(cat < CAT_COUNT, "category %d", (int)cat);
	(void)cm_period(&w, &per);
	(void)cm_mentions_debt(&w);
	(void)cm_says_thanks(&w);
	(void)cm_is_injection(&w, msg);
	(void)cm_is_spending_log(&w, msg);
	if (cm_price(msg, lang, cur, &price) == 0)
		FUZZ_CHECK(price.amount_cents > 0 && currency_valid(price.currency),
		    "price %lld %s", (long long)price.amount_cents, price.currency);
	coach_classify(msg, &cls);
	FUZZ_CHECK(one_of(cls.emotion, emotions) && one_of(cls.topic, topics) &&
	    one_of(cls.intent, intents), "classified %s/%s/%s", cls.emotion, cls.topic,
	    cls.intent);

	fuzz_facts_init(&f, (enum fuzz_facts_mode)((opt >> 4) % 3), cur);
	buf_init(&r1, 1 << 20);
	buf_init(&r2, 1 << 20);
	answer(lang, cur, msg, &f, &r1, &a);
	FUZZ_CHECK(r1.len > 0 && strlen(buf_str(&r1)) == r1.len, "an empty answer, or a NUL");
	FUZZ_CHECK(utf8_valid(r1.data, r1.len), "the answer is not UTF-8");
	for (i = 0; i + 2 < r1.len; i++)
		FUZZ_CHECK(!(r1.data[i] == '{' && r1.data[i + 1] >= '0' && r1.data[i + 1] <= '9' &&
		    r1.data[i + 2] == '}'), "a placeholder left in: %s", buf_str(&r1));
	FUZZ_CHECK(one_of(a.emotion, emotions) && one_of(a.topic, topics) &&
	    one_of(a.intent, intents), "answered as %s/%s/%s", a.emotion, a.topic, a.intent);
	answer(lang, cur, msg, &f, &r2, &b);
	FUZZ_CHECK(r1.len == r2.len && memcmp(r1.data, r2.data, r1.len) == 0,
	    "two answers to one message");
	buf_free(&r1);
	buf_free(&r2);
	free(msg);
	return 0;
}
