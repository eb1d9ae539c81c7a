/* goal_pick.c: which goal a logged payment moves (goal_pick.h). */
#include "config.h"

#include <string.h>

#include "domain/goal_pick.h"

#define WORD_MAX	64	/* bytes of a word compared; longer ones are cut */
#define WORDS_MAX	32	/* words of a goal's name looked at */

/* Words that say nothing of which goal is meant, in en, pt and es. */
static const char *const common[] = { "with", "from", "into", "your", "that", "this",
	"just", "para", "pela", "pelo", "minha", "minhas", "meus", "esta", "este", "desde",
	"hacia", "mine", "sobre", "como", NULL };

static int
word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c >= 0x80;
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/*
 * The next word of *p into w (lower-cased ASCII, cut at WORD_MAX - 1 bytes),
 * *p moved past it; its length in characters, or -1 at the end.
 */
static int
next_word(const char **p, char w[WORD_MAX])
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t	 n = 0;
	int	 chars = 0;

	while (*s && !word_byte(*s))
		s++;
	if (*s == '\0') {
		*p = (const char *)s;
		return -1;
	}
	for (; *s && word_byte(*s); s++) {
		if (n < WORD_MAX - 1)
			w[n++] = (char)lower(*s);
		chars += (*s & 0xC0) != 0x80;	/* UTF-8 continuation bytes are no character */
	}
	w[n] = '\0';
	*p = (const char *)s;
	return chars;
}

static int
is_common(const char *w)
{
	const char *const *c;

	for (c = common; *c; c++)
		if (strcmp(*c, w) == 0)
			return 1;
	return 0;
}

static int
text_has(const char *text, const char *word)
{
	char	 w[WORD_MAX];
	int	 len;

	while ((len = next_word(&text, w)) != -1)
		if (strcmp(w, word) == 0)
			return 1;
	return 0;
}

int
goal_pick_shared_words(const char *name, const char *text)
{
	char	 seen[WORDS_MAX][WORD_MAX], w[WORD_MAX];
	int	 len, nseen = 0, shared = 0, i, dup;

	if (name == NULL || text == NULL)
		return 0;
	while (nseen < WORDS_MAX && (len = next_word(&name, w)) != -1) {
		if (len < 4 || is_common(w))
			continue;
		for (i = 0, dup = 0; i < nseen && !dup; i++)
			dup = strcmp(seen[i], w) == 0;
		if (dup)
			continue;
		memcpy(seen[nseen++], w, sizeof(w));
		shared += text_has(text, w);
	}
	return shared;
}

long
goal_pick(const struct goal_choice *c, size_t n, const char *text, const char *prefer_id)
{
	size_t	 i, best = 0;
	int	 score, best_score = 0;

	if (n == 0)
		return -1;
	for (i = 0; prefer_id && i < n; i++)
		if (c[i].id && strcmp(c[i].id, prefer_id) == 0)
			return (long)i;
	for (i = 0; i < n; i++)
		if (c[i].is_primary)
			return (long)i;
	for (i = 0; i < n; i++)
		if ((score = goal_pick_shared_words(c[i].name, text)) > best_score) {
			best_score = score;
			best = i;
		}
	return (long)best;
}

const char goal_pick_emergency_words[] =
    "emergency emergencies emergência emergências emergencia emergencias imprevistos "
    "imprevistas colchón colchon";

long
goal_pick_named(const struct goal_choice *c, size_t n, const char *text)
{
	size_t	 i;
	long	 best = -1;
	int	 score, best_score = 0;

	for (i = 0; i < n; i++)
		if ((score = goal_pick_shared_words(c[i].name, text)) > best_score) {
			best_score = score;
			best = (long)i;
		}
	return best;
}
