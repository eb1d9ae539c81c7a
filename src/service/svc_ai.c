/* svc_ai.c: provider settings and AI usage (svc_ai.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ai/ai.h"
#include "core/conf.h"
#include "core/log.h"
#include "service/svc.h"
#include "service/svc_ai.h"
#include "store/store_usage.h"

void
svc_ai_settings(const struct oz_config *c, struct ai_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->provider = oz_ai_providers[c->ai_provider];
	s->base_url = c->ai_base_url ? c->ai_base_url : "";
	s->api_key = c->ai_api_key ? c->ai_api_key : "";
	s->model = c->ai_model ? c->ai_model : "";
	s->timeout_ms = (long)c->ai_timeout_ms;
	s->max_retries = (int)c->ai_max_retries;
	s->max_tokens = c->ai_max_tokens;
	s->tools_off = c->ai_tools == 0;
}

int
svc_ai_usage(struct svc *s, const struct ai_settings *set, const struct ai_result *res)
{
	struct usage_day u;

	memset(&u, 0, sizeof(u));
	snprintf(u.provider, sizeof(u.provider), "local");
	u.model = "";
	/* A remote provider's row counts what was asked of it, fallbacks included. */
	if (strcmp(set->provider, "local") != 0 && (res->requests > 0 || res->fallback)) {
		snprintf(u.provider, sizeof(u.provider), "%s", set->provider);
		u.model = ai_settings_model(set);
	}
	u.replies = 1;
	u.requests = res->requests;
	u.fallbacks = res->fallback ? 1 : 0;
	u.input_tokens = res->input_tokens;
	u.output_tokens = res->output_tokens;
	if (store_usage_add(&s->st, &u) == -1) {
		log_warnx("ai: cannot record AI usage");
		return -1;
	}
	return 0;
}

int
svc_ai_usage_list(struct svc *s, const char *from, const char *to, struct usage_day *rows,
    size_t max, size_t *n)
{
	if (store_usage_list(&s->st, from, to, rows, max, n) == -1)
		return svc_db_fail(s);
	return 0;
}
