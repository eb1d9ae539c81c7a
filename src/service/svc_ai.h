/* svc_ai.h: the AI provider's settings and the usage every answer records. */
#ifndef OZ_SVC_AI_H
#define OZ_SVC_AI_H

#include <stddef.h>

struct ai_result;
struct ai_settings;
struct oz_config;
struct svc;
struct usage_day;

/* The provider settings of the configuration. */
void	svc_ai_settings(const struct oz_config *cfg, struct ai_settings *out);
/*
 * Add one answer's AI usage to the client's row of today (provider, model,
 * requests, fallbacks, tokens). 0/-1 (logged; usage never fails an action).
 */
int	svc_ai_usage(struct svc *s, const struct ai_settings *set, const struct ai_result *res);

/* The client's usage rows between from and to, newest first, at most max. */
int	svc_ai_usage_list(struct svc *s, const char *from, const char *to,
	    struct usage_day *rows, size_t max, size_t *n);

#endif
