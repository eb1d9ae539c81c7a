/*
 * svc_analytics.h: analytics across a client's users (DESIGN §4.3), read
 * from the rollups that sql/011's triggers keep, and each user's risk state
 * (domain/risk.h), refreshed after every write that may change it.
 */
#ifndef OZ_SVC_ANALYTICS_H
#define OZ_SVC_ANALYTICS_H

#include <stddef.h>

#include "store/store_analytics.h"

struct svc;
struct store_page;

#define AN_MAX_GROUPS	200	/* groups of one spending answer */
#define AN_MAX_POINTS	160	/* periods of one trend (three years of weeks) */

/* The thresholds of the rules, from the configuration. */
void	svc_an_risk_cfg(const struct svc *s, struct risk_cfg *out);
/*
 * Recompute and keep the risk state of user (an Ozzie id), as of today.
 * 0, or -1 (the database failed: no error is recorded in s, the caller logs).
 */
int	svc_an_refresh_user(struct svc *s, const char *user);
/* svc_an_refresh_user after a write that succeeded: a failure is only logged. */
void	svc_an_refresh(struct svc *s, const char *user);
/*
 * The currency an answer is about: currency when given, else the one most
 * of the client's users have (the configured default when it has none).
 */
int	svc_an_currency(struct svc *s, const char *currency, char out[4]);
int	svc_an_overview(struct svc *s, const struct an_scope *sc, struct an_overview *o);
/* Spending of the scope by group_by: *total, up to max groups, *n, *truncated. */
int	svc_an_spending(struct svc *s, const struct an_scope *sc, const char *group_by,
	    struct an_group *total, struct an_group *rows, size_t max, size_t *n,
	    int *truncated);
int	svc_an_trends(struct svc *s, const struct an_scope *sc, const char *interval,
	    struct an_point *rows, size_t max, size_t *n);
int	svc_an_at_risk(struct svc *s, const char *currency, const char *reason,
	    const struct store_page *pg, struct an_risk_row *rows, size_t *n, int *has_more);

#endif
