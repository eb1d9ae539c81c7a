/* store_usage.h: AI usage per client, UTC day, provider and model. */
#ifndef OZ_STORE_USAGE_H
#define OZ_STORE_USAGE_H

#include <stddef.h>
#include <stdint.h>

struct store;

struct usage_day {
	char		 date[11];
	char		 provider[16];
	const char	*model;		/* "" for local */
	int64_t		 replies, requests, fallbacks, input_tokens, output_tokens;
};

/* Add one answer's counts to today's row of (provider, model). 0/-1. */
int	store_usage_add(struct store *st, const struct usage_day *u);
/* The client's rows between from and to (inclusive), newest first, at most max. 0/-1. */
int	store_usage_list(struct store *st, const char *from, const char *to,
	    struct usage_day *rows, size_t max, size_t *n);

#endif
