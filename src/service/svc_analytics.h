/*
 * svc_analytics.h: analytics across a client's users (DESIGN §4.3), read
 * from the rollups of sql/011 (writes note their changes, folded in:
 * sql/018), and each user's risk state (domain/risk.h), refreshed after
 * every write that may change it (or, in a burst, by ozzie-jobd).
 */
#ifndef OZ_SVC_ANALYTICS_H
#define OZ_SVC_ANALYTICS_H

#include <stddef.h>

#include "store/store_analytics.h"

struct oz_config;
struct oz_db;
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
/*
 * svc_an_refresh_user after a write that succeeded: a failure is only
 * logged. A user refreshed less than analytics_fold_ms ago is noted due
 * instead (svc_an_refresh_due catches up), so that a burst of writes for
 * one user does not recompute it for each.
 */
void	svc_an_refresh(struct svc *s, const char *user);
/*
 * Refresh up to max due users, on db (the primary), of client (NULL: every
 * client; s gives the pool, configuration and error), as ozzie-jobd does
 * every analytics_fold_ms and the API before an answer that reads the risk
 * state. *done: how many. 0/-1.
 */
int	svc_an_refresh_due(struct svc *s, struct oz_db *db, const char *client, size_t max,
	    int64_t *done);
/*
 * The currency an answer is about: currency when given, else the one most
 * of the client's users have (the configured default when it has none).
 */
int	svc_an_currency(struct svc *s, const char *currency, char out[4]);
/* The overview: precomputed (younger than analytics_refresh_seconds) or read now; *src says. */
int	svc_an_overview(struct svc *s, const struct an_scope *sc, struct an_overview *o,
	    struct an_source *src);
/*
 * Spending of the scope by group_by: *total, up to max groups, *n,
 * *truncated, and *src: a precomputed answer younger than
 * analytics_refresh_seconds when one is stored, else read now.
 */
int	svc_an_spending(struct svc *s, const struct an_scope *sc, const char *group_by,
	    struct an_group *total, struct an_group *rows, size_t max, size_t *n,
	    int *truncated, struct an_source *src);
int	svc_an_trends(struct svc *s, const struct an_scope *sc, const char *interval,
	    struct an_point *rows, size_t max, size_t *n);
int	svc_an_at_risk(struct svc *s, const char *currency, const char *reason,
	    const struct store_page *pg, struct an_risk_row *rows, size_t *n, int *has_more);

/* The period of an answer that names none, as of today (a day number). */
void	svc_an_default_period(long today, char from[11], char to[11]);
/*
 * Precompute the spending answers and the overview of the usual periods
 * (the default one, this month, the last month) of every client and
 * currency with at least analytics_precompute_min_users users in a month
 * of them, or of client's
 * currencies (not NULL: whatever its size); a set younger than keep_s
 * seconds is left as it is (another ozzie-jobd made it). Sets older than
 * any bound are dropped. *computed sets made. 0/-1.
 */
#define AN_USUAL_PERIODS	3
int	svc_an_answers_refresh(struct oz_db *db, const struct oz_config *cfg,
	    const char *client, int64_t keep_s, int64_t *computed);

#endif
