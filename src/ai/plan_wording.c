/* plan_wording.c: read and check a model's wording of a plan (plan_wording.h). */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/plan_wording.h"

#define NUM_MAX	32

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The number starting at s (a digit) as digits only, without leading zeros,
 * into out; returns its length in s.
 */
static size_t
number_at(const char *s, char out[NUM_MAX])
{
	size_t	 i = 0, n = 0;

	while (is_digit(s[i]) || ((s[i] == ',' || s[i] == '.') && is_digit(s[i + 1]) &&
	    i > 0)) {
		if (is_digit(s[i]) && n < NUM_MAX - 1 && !(n == 0 && s[i] == '0'))
			out[n++] = s[i];
		i++;
	}
	if (n == 0)
		out[n++] = '0';
	out[n] = '\0';
	return i;
}

static int
has_number(const char *reference, const char *want)
{
	char	 num[NUM_MAX];
	size_t	 i = 0;

	while (reference[i] != '\0') {
		if (is_digit(reference[i]) && (i == 0 || !is_digit(reference[i - 1]))) {
			i += number_at(reference + i, num);
			if (strcmp(num, want) == 0)
				return 1;
		} else
			i++;
	}
	return 0;
}

int
wording_numbers_ok(const char *text, const char *reference, char *bad, size_t badlen)
{
	char	 num[NUM_MAX];
	size_t	 i = 0, len;

	while (text[i] != '\0') {
		if (!is_digit(text[i])) {
			i++;
			continue;
		}
		len = number_at(text + i, num);
		if (!has_number(reference, num)) {
			snprintf(bad, badlen, "%.*s", (int)(len < 40 ? len : 40), text + i);
			return 0;
		}
		i += len;
	}
	return 1;
}

/* The JSON object in answer: the whole text, or the part inside a ``` fence. */
static struct json_object *
answer_object(const char *answer)
{
	const char	*open, *body, *close;
	struct json_object *o;
	char		*copy;
	size_t		 n;

	if ((o = json_tokener_parse(answer)) != NULL)
		return o;
	if ((open = strstr(answer, "```")) == NULL ||
	    (body = strchr(open + 3, '\n')) == NULL ||
	    (close = strstr(body, "```")) == NULL)
		return NULL;
	n = (size_t)(close - body);
	if ((copy = strndup(body, n)) == NULL)
		return NULL;
	o = json_tokener_parse(copy);
	free(copy);
	return o;
}

static int
take_text(struct json_object *v, char *out, size_t outlen)
{
	const char *s;

	if (!json_object_is_type(v, json_type_string) ||
	    (s = json_object_get_string(v)) == NULL || *s == '\0' || strlen(s) >= outlen)
		return -1;
	snprintf(out, outlen, "%s", s);
	return 0;
}

int
wording_parse(const char *answer, int n_items, char summary[WORDING_SUMMARY_MAX],
    char items[][WORDING_ITEM_MAX], char *why, size_t whylen)
{
	struct json_object *o, *s, *a;
	int		 i, rc = -1;

	if ((o = answer_object(answer)) == NULL || !json_object_is_type(o, json_type_object)) {
		snprintf(why, whylen, "the wording is not a JSON object");
		goto out;
	}
	if (!json_object_object_get_ex(o, "summary", &s) ||
	    take_text(s, summary, WORDING_SUMMARY_MAX) == -1) {
		snprintf(why, whylen, "the wording has no usable summary");
		goto out;
	}
	if (!json_object_object_get_ex(o, "action_items", &a) ||
	    !json_object_is_type(a, json_type_array) ||
	    json_object_array_length(a) != (size_t)n_items) {
		snprintf(why, whylen, "the wording does not have %d action items", n_items);
		goto out;
	}
	for (i = 0; i < n_items; i++)
		if (take_text(json_object_array_get_idx(a, (size_t)i), items[i],
		    WORDING_ITEM_MAX) == -1) {
			snprintf(why, whylen, "action item %d is unusable", i);
			goto out;
		}
	rc = 0;
out:
	json_object_put(o);
	return rc;
}
