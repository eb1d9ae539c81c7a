/* svc_analytics.c: analytics and risk state (svc_analytics.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "core/conf.h"
#include "core/log.h"
#include "domain/calendar.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_hook.h"

void
svc_an_risk_cfg(const struct svc *s, struct risk_cfg *out)
{
	out->fund_months = s->cfg->analytics_risk_fund_months;
	out->dti_pct = s->cfg->analytics_risk_dti_pct;
	out->interest_pct = s->cfg->analytics_risk_interest_pct;
	out->spike_pct = s->cfg->analytics_risk_spike_pct;
	out->missed_moves = s->cfg->analytics_risk_missed_moves;
}

/* 1 when the reason name is in the comma-separated list. */
static int
listed(const char *list, const char *name)
{
	size_t	 n = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name)) != NULL) {
		if ((p == list || p[-1] == ',') && (p[n] == '\0' || p[n] == ','))
			return 1;
		p += n;
	}
	return 0;
}

/*
 * user.at_risk when a refresh finds a reason the user did not have before
 * (a user newly at risk, or at risk for one more reason): the score, every
 * reason and which of them are new. Not again while the reasons stay.
 */
static void
at_risk_event(struct svc *s, const char *user, const struct risk_out *r, const char *before)
{
	struct json_object *o, *all, *fresh;
	const char	*name;
	size_t		 i;

	for (i = 0; i < r->n; i++)
		if (!listed(before, risk_code_name(r->reasons[i].code)))
			break;
	if (i == r->n)
		return;
	o = json_object_new_object();
	all = json_object_new_array();
	fresh = json_object_new_array();
	for (i = 0; i < r->n; i++) {
		name = risk_code_name(r->reasons[i].code);
		json_object_array_add(all, json_object_new_string(name));
		if (!listed(before, name))
			json_object_array_add(fresh, json_object_new_string(name));
	}
	json_object_object_add(o, "user_id", json_object_new_string(user));
	json_object_object_add(o, "risk_score", json_object_new_int(r->score));
	json_object_object_add(o, "reasons", all);
	json_object_object_add(o, "new_reasons", fresh);
	svc_hook_emit(s, "user.at_risk", o);
}

int
svc_an_refresh_user(struct svc *s, const char *user)
{
	struct an_user_inputs in;
	struct risk_cfg	 cfg;
	struct risk_out	 r;
	char		 before[160];
	int		 rc;

	if ((rc = store_an_inputs(&s->st, user, s->cfg->analytics_risk_cash_flow_days,
	    &in)) != 1)
		return rc;		/* 0: the user is gone, nothing to keep */
	svc_an_risk_cfg(s, &cfg);
	risk_eval(&cfg, &in.in, &r);
	if (store_an_risk_put(&s->st, user, &in, &r, before) == -1)
		return -1;
	at_risk_event(s, user, &r, before);
	return 0;
}

void
svc_an_refresh(struct svc *s, const char *user)
{
	int	 rc = 0;

	if (user == NULL || user[0] == '\0' || s->st.db->in_tx)
		return;
	/* refreshed a moment ago (a burst of writes): left to ozzie-jobd's next tick */
	if (s->cfg->analytics_fold_ms > 0 &&
	    (rc = store_an_risk_defer(&s->st, user, s->cfg->analytics_fold_ms)) == 1)
		return;
	if (rc == -1 || svc_an_refresh_user(s, user) == -1)
		log_warnx("analytics: the risk state of a user of client %s was not refreshed"
		    " (ozzie-admin analytics rebuild recomputes it)", s->st.client);
}

#define AN_DUE_BATCH	200

int
svc_an_refresh_due(struct svc *s, struct oz_db *db, const char *client, size_t max,
    int64_t *done)
{
	static char	 clients[AN_DUE_BATCH][OZ_ID_MAX], users[AN_DUE_BATCH][OZ_ID_MAX];
	struct svc	 u = *s;
	size_t		 i, n;

	*done = 0;
	u.st.db = db;
	do {
		if (store_an_risk_due_take(db, client, max - (size_t)*done < AN_DUE_BATCH ?
		    max - (size_t)*done : AN_DUE_BATCH, clients, users, &n) == -1)
			return -1;
		for (i = 0; i < n; i++) {
			u.st.client = clients[i];
			if (svc_an_refresh_user(&u, users[i]) == -1) {
				log_warnx("analytics: the risk state of a user of client %s was not"
				    " refreshed (ozzie-admin analytics rebuild recomputes it)", clients[i]);
				return -1;
			}
			(*done)++;
		}
	} while (n == AN_DUE_BATCH && (size_t)*done < max);
	return 0;
}

int
svc_an_currency(struct svc *s, const char *currency, char out[4])
{
	if (currency != NULL) {
		snprintf(out, 4, "%s", currency);
		return 0;
	}
	if (store_an_currency(&s->st, out) == -1)
		return svc_db_fail(s);
	if (out[0] == '\0')
		snprintf(out, 4, "%s", s->cfg->default_currency);
	return 0;
}

int
svc_an_overview(struct svc *s, const struct an_scope *sc, struct an_overview *o,
    struct an_source *src)
{
	return store_an_overview(&s->st, sc, s->cfg->analytics_refresh_seconds, o, src) == -1 ?
	    svc_db_fail(s) : 0;
}

int
svc_an_spending(struct svc *s, const struct an_scope *sc, const char *group_by,
    struct an_group *total, struct an_group *rows, size_t max, size_t *n, int *truncated,
    struct an_source *src)
{
	size_t	 got = 0;

	*n = 0;
	*truncated = 0;
	/* one more than max says whether there were more (the answers keep as many) */
	if (store_an_spending(&s->st, sc, group_by, s->cfg->analytics_refresh_seconds, total,
	    rows, max + 1, &got, src) == -1)
		return svc_db_fail(s);
	*truncated = got > max;
	*n = got > max ? max : got;
	return 0;
}

int
svc_an_trends(struct svc *s, const struct an_scope *sc, const char *interval,
    struct an_point *rows, size_t max, size_t *n)
{
	return store_an_trends(&s->st, sc, interval, rows, max, n) == -1 ? svc_db_fail(s) : 0;
}

int
svc_an_at_risk(struct svc *s, const char *currency, const char *reason,
    const struct store_page *pg, struct an_risk_row *rows, size_t *n, int *has_more)
{
	return store_an_at_risk(&s->st, currency, reason, pg, rows, n, has_more) == -1 ?
	    svc_db_fail(s) : 0;
}

void
svc_an_default_period(long today, char from[11], char to[11])
{
	long	 y, m, d;

	cal_format(cal_month_start(cal_add_months(today, -2)), from);
	cal_date(today, &y, &m, &d);
	cal_format(cal_days(y, m, cal_month_days(y, m)), to);
}

/* The periods kept: the default one, this month, the last month. */
static void
usual_periods(long today, char from[AN_USUAL_PERIODS][11], char to[AN_USUAL_PERIODS][11])
{
	long	 y, m, d, f, t;

	svc_an_default_period(today, from[0], to[0]);
	cal_date(today, &y, &m, &d);
	cal_month_range(y, m, &f, &t);
	cal_format(f, from[1]);
	cal_format(t, to[1]);
	cal_date(cal_add_months(today, -1), &y, &m, &d);
	cal_month_range(y, m, &f, &t);
	cal_format(f, from[2]);
	cal_format(t, to[2]);
}

#define AN_SCOPES_MAX	4096

int
svc_an_answers_refresh(struct oz_db *db, const struct oz_config *cfg, const char *client,
    int64_t keep_s, int64_t *computed)
{
	static char	 clients[AN_SCOPES_MAX][OZ_ID_MAX], currencies[AN_SCOPES_MAX][4];
	char		 from[AN_USUAL_PERIODS][11], to[AN_USUAL_PERIODS][11];
	size_t		 i, n;
	int		 p, rc;

	*computed = 0;
	usual_periods(cal_today_days(), from, to);
	/* the answers read the rollups: what writes noted goes in first */
	if (store_an_fold(db, NULL) == -1)
		return -1;
	/* what no request is served any more goes */
	if (store_an_answer_expire(db, 2 * cfg->analytics_refresh_seconds + 86400) == -1)
		return -1;
	if (store_an_answer_scopes(db, from[0], to[0], cfg->analytics_precompute_min_users,
	    client, clients, currencies, AN_SCOPES_MAX, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		for (p = 0; p < AN_USUAL_PERIODS; p++) {
			rc = store_an_answer_refresh(db, clients[i], currencies[i], from[p], to[p],
			    keep_s, AN_MAX_GROUPS + 1);
			if (rc == -1) {
				log_warnx("analytics: the answers of client %s (%s, %s..%s)"
				    " were not computed", clients[i], currencies[i], from[p], to[p]);
				return -1;
			}
			*computed += rc;
		}
	return 0;
}
