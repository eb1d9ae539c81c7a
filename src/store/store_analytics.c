/* store_analytics.c: the analytics rollups and risk state (store_analytics.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/currency.h"
#include "core/num.h"
#include "store/store.h"
#include "store/store_analytics.h"

/* $1 client, $2 currency, $3 from, $4 to: the user's rows of the period. */
#define AN_USERS_OF "u.client_id = $1 AND u.currency = $2"
#define AN_PERIOD(col) col " >= $3::date AND " col " < $4::date + 1"

static struct db_stmt an_currency = { "an_currency",
	"SELECT currency FROM users WHERE client_id = $1 GROUP BY currency"
	" ORDER BY count(*) DESC, currency LIMIT 1", 1, 0 };

/*
 * Every figure of the overview in one row. The users by stage in one pass;
 * transactions, spending and income from the client's months
 * (analytics_periods, sql/013), the users active from their monthly totals
 * (a user active in two months counts once); intakes from the risk state
 * (the latest intake of each user); plans, tasks and chat messages of the
 * period from their tables; the at-risk count with the intakes.
 */
#define AN_OVERVIEW_SQL \
	"WITH us AS (SELECT count(*) n," \
	"  count(*) FILTER (WHERE onboarding_stage = 'intake_pending') s0," \
	"  count(*) FILTER (WHERE onboarding_stage = 'plan_pending') s1," \
	"  count(*) FILTER (WHERE onboarding_stage = 'active') s2 FROM users u WHERE " AN_USERS_OF ")," \
	" ta AS (SELECT count(*) n FROM (SELECT user_id FROM analytics_totals" \
	"  WHERE client_id = $1 AND currency = $2 AND kind = 'm'" \
	"  AND period BETWEEN $3::date AND $4::date AND txn_count > 0 GROUP BY user_id) x)," \
	" tx AS (SELECT coalesce(sum(txn_count), 0) n, coalesce(sum(spend_cents), 0) sc," \
	"  coalesce(sum(income_cents), 0) ic FROM analytics_periods" \
	"  WHERE client_id = $1 AND currency = $2 AND kind = 'm'" \
	"  AND period BETWEEN $3::date AND $4::date)," \
	" st AS (SELECT count(*) FILTER (WHERE a.has_intake) n," \
	"  coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.monthly_income)" \
	"  FILTER (WHERE a.has_intake)), 0) mi," \
	"  coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.monthly_expenses)" \
	"  FILTER (WHERE a.has_intake)), 0) me," \
	"  count(*) FILTER (WHERE a.has_intake AND a.monthly_income > 0) rn," \
	"  coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY (a.monthly_income" \
	"  - a.monthly_expenses) * 10000::numeric / a.monthly_income)" \
	"  FILTER (WHERE a.has_intake AND a.monthly_income > 0)), 0) mr," \
	"  count(*) FILTER (WHERE a.risk_score > 0) ar FROM analytics_users a" \
	"  JOIN users u ON u.client_id = a.client_id AND u.id = a.user_id" \
	"  WHERE a.client_id = $1 AND u.currency = $2)," \
	" pl AS (SELECT count(*) n, count(DISTINCT p.user_id) un FROM plans p JOIN users u" \
	"  ON u.client_id = p.client_id AND u.id = p.user_id WHERE p.client_id = $1" \
	"  AND u.currency = $2 AND " AN_PERIOD("p.created_at") ")," \
	" tk AS (SELECT count(*) FILTER (WHERE t.status = 'done') d, count(*) n," \
	"  count(DISTINCT t.user_id) un FROM money_move_cycles c" \
	"  JOIN money_move_tasks t ON t.client_id = c.client_id AND t.cycle_id = c.id" \
	"  JOIN users u ON u.client_id = c.client_id AND u.id = c.user_id" \
	"  WHERE c.client_id = $1 AND u.currency = $2 AND c.due_date BETWEEN $3::date AND $4::date)," \
	" ch AS (SELECT count(*) n, count(DISTINCT m.user_id) un FROM chat_messages m JOIN users u" \
	"  ON u.client_id = m.client_id AND u.id = m.user_id WHERE m.client_id = $1" \
	"  AND u.currency = $2 AND m.role = 'user' AND " AN_PERIOD("m.created_at") ")" \
	" SELECT us.n, us.s0, us.s1, us.s2, ta.n, tx.n, tx.sc, tx.ic," \
	" st.n, st.mi, st.me, st.rn, st.mr," \
	" pl.n, pl.un, tk.d, tk.n, tk.un, ch.n, ch.un, st.ar" \
	" FROM us, ta, tx, st, pl, tk, ch"
#define AN_OVERVIEW_N	21		/* its columns */
#define AN_OVERVIEW_COLS "c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14," \
	" c15, c16, c17, c18, c19, c20"
static struct db_stmt an_overview = { "an_overview", AN_OVERVIEW_SQL, 1, 0 };
/* The overview kept with the precomputed answers (sql/016), as for an_answer. */
static struct db_stmt an_overview_answer = { "an_overview_answer",
	"SELECT " STORE_US("s.as_of") ", o.v FROM analytics_answer_sets s,"
	" unnest(s.overview) WITH ORDINALITY AS o (v, i)"
	" WHERE s.client_id = $1 AND s.currency = $2 AND s.period_from = $3::date"
	" AND s.period_to = $4::date AND s.as_of > now() - $5::integer * interval '1 second'"
	" AND cardinality(s.overview) = 21 ORDER BY o.i", 1, 0 };

/* The overview's figures from their values in column order. */
static void
overview_from(struct an_overview *o, const int64_t *v)
{
	int64_t	*f[] = { &o->users_total, &o->stage[0], &o->stage[1], &o->stage[2],
	    &o->users_active, &o->txn_count, &o->spend_cents, &o->income_cents,
	    &o->intake_users, &o->med_income, &o->med_expenses, &o->rate_users, &o->med_rate,
	    &o->plans, &o->plan_users, &o->tasks_done, &o->tasks_total, &o->task_users,
	    &o->chat_messages, &o->chat_users, &o->at_risk };
	size_t	 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		*f[i] = v[i];
}

static int
decode_overview(struct store *st, PGresult *res, int row, void *out)
{
	int64_t	 v[AN_OVERVIEW_N];
	int	 i;

	(void)st;
	for (i = 0; i < AN_OVERVIEW_N; i++)
		v[i] = store_i64(res, row, i);
	overview_from(out, v);
	return 0;
}

int
store_an_currency(struct store *st, char out[4])
{
	const char *params[1] = { st->client };
	PGresult *res;

	out[0] = '\0';
	if ((res = db_run(st->db, &an_currency, 1, params)) == NULL)
		return -1;
	if (PQntuples(res) == 1)
		store_copy(out, 4, res, 0, 0);
	PQclear(res);
	return 0;
}

/* The time of an answer read now, before its statements take their snapshots. */
static void
as_of_now(struct an_source *src)
{
	struct tm tm;
	time_t	 now = time(NULL);

	memset(src, 0, sizeof(*src));
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(src->as_of, sizeof(src->as_of), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		src->as_of[0] = '\0';
}

int
store_an_overview(struct store *st, const struct an_scope *sc, int64_t fresh_s,
    struct an_overview *o, struct an_source *src)
{
	const char *params[5] = { st->client, sc->currency, sc->from, sc->to,
	    store_int_param(st, fresh_s) };
	int64_t	 v[AN_OVERVIEW_N];
	PGresult *res;
	int	 i;

	memset(o, 0, sizeof(*o));
	if (fresh_s > 0) {
		if ((res = db_run(st->db, &an_overview_answer, 5, params)) == NULL)
			return -1;
		if (PQntuples(res) == AN_OVERVIEW_N) {
			memset(src, 0, sizeof(*src));
			store_ts(src->as_of, sizeof(src->as_of), res, 0, 0);
			src->precomputed = 1;
			for (i = 0; i < AN_OVERVIEW_N; i++)
				v[i] = store_i64(res, i, 1);
			PQclear(res);
			overview_from(o, v);
			return 0;
		}
		PQclear(res);
	}
	if (sc->primary && store_an_fold(sc->primary, NULL) == -1)
		return -1;
	as_of_now(src);
	return store_one(st, &an_overview, 4, params, decode_overview, o) == 1 ? 0 : -1;
}

/*
 * Each user's spending per group first (the median is of users), then the
 * groups; $5 group_by, $6 category, $7 limit. Time groups in time order,
 * the others largest first.
 */
#define AN_GROUPS(from, key, cat) \
	"WITH per AS (SELECT " key " AS k, user_id, sum(spend_cents)::bigint c," \
	" sum(spend_count)::bigint n" \
	" FROM " from " WHERE client_id = $1 AND currency = $2" \
	" AND month BETWEEN $3::date AND $4::date AND " cat \
	" AND $5::text IS NOT NULL GROUP BY 1, 2 HAVING sum(spend_count) > 0)" \
	" SELECT k, sum(c), sum(n), count(*)," \
	" round(percentile_cont(0.5) WITHIN GROUP (ORDER BY c)) FROM per GROUP BY k" \
	" ORDER BY CASE WHEN $5 = 'month' THEN k END, sum(c) DESC, k LIMIT $7::integer"
#define AN_GROUP_KEY "CASE $5 WHEN 'month' THEN to_char(month, 'YYYY-MM')" \
	" WHEN 'source' THEN source ELSE category END"
/* Without a category and with one (its own index, analytics_monthly_category). */
static struct db_stmt an_groups = { "an_groups",
	AN_GROUPS("analytics_monthly", AN_GROUP_KEY, "$6::text IS NULL"), 1, 0 };
static struct db_stmt an_groups_cat = { "an_groups_cat",
	AN_GROUPS("analytics_monthly", AN_GROUP_KEY, "category = $6"), 1, 0 };
static struct db_stmt an_groups_merchant = { "an_groups_merchant",
	AN_GROUPS("analytics_merchants", "merchant", "$6::text IS NULL"), 1, 0 };
static struct db_stmt an_groups_merchant_cat = { "an_groups_merchant_cat",
	AN_GROUPS("analytics_merchants", "merchant", "category = $6"), 1, 0 };
/* Without a category, from the users' totals (one row a month); with one, by category. */
static struct db_stmt an_spend_total = { "an_spend_total",
	"WITH per AS (SELECT user_id, sum(spend_cents)::bigint c, sum(spend_count)::bigint n FROM ("
	" SELECT user_id, spend_cents, spend_count FROM analytics_totals WHERE $5::text IS NULL"
	" AND client_id = $1 AND currency = $2 AND kind = 'm' AND period BETWEEN $3::date AND $4::date"
	" UNION ALL SELECT user_id, spend_cents, spend_count FROM analytics_monthly"
	" WHERE $5::text IS NOT NULL AND client_id = $1 AND currency = $2"
	" AND month BETWEEN $3::date AND $4::date AND category = $5) x"
	" GROUP BY user_id HAVING sum(spend_count) > 0)"
	" SELECT '', coalesce(sum(c), 0), coalesce(sum(n), 0), count(*),"
	" coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY c)), 0) FROM per",
	1, 0 };

static int
decode_group(struct store *st, PGresult *res, int row, void *out)
{
	struct an_group *g = out;

	(void)st;
	store_copy(g->key, sizeof(g->key), res, row, 0);
	g->cents = store_i64(res, row, 1);
	g->count = store_i64(res, row, 2);
	g->users = store_i64(res, row, 3);
	g->median = store_i64(res, row, 4);
	return 0;
}

/*
 * A precomputed answer of the scope ($1 client, $2 currency, $3 from, $4 to,
 * sql/016), served only while younger than $7 seconds: its time, then the
 * total (group_by '') and the groups of $6 for the category $5 ('' none),
 * in order, up to $8 of them; one row of NULL groups when the set has
 * none of them, no row when there is no fresh set.
 */
static struct db_stmt an_answer = { "an_answer",
	"SELECT " STORE_US("s.as_of") ", g.group_by, g.key, g.cents, g.count, g.users, g.median"
	" FROM analytics_answer_sets s LEFT JOIN analytics_answer_groups g"
	" ON g.client_id = s.client_id AND g.currency = s.currency"
	" AND g.period_from = s.period_from AND g.period_to = s.period_to"
	" AND g.category = coalesce($5, '') AND g.group_by IN ('', $6) AND g.pos < $8::integer"
	" WHERE s.client_id = $1 AND s.currency = $2 AND s.period_from = $3::date"
	" AND s.period_to = $4::date AND s.as_of > now() - $7::integer * interval '1 second'"
	" ORDER BY g.group_by, g.pos", 1, 0 };

/* 1 the answer was precomputed (into total, rows, *n, src), 0 none fresh, -1. */
static int
spending_answer(struct store *st, const struct an_scope *sc, const char *group_by,
    int64_t fresh_s, struct an_group *total, struct an_group *rows, size_t max, size_t *n,
    struct an_source *src)
{
	const char *params[8] = { st->client, sc->currency, sc->from, sc->to, sc->category,
	    group_by, store_int_param(st, fresh_s), store_int_param(st, (int64_t)max) };
	struct an_group *g;
	PGresult *res;
	int	 i;

	if ((res = db_run(st->db, &an_answer, 8, params)) == NULL)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	store_ts(src->as_of, sizeof(src->as_of), res, 0, 0);
	src->precomputed = 1;
	for (i = 0; i < PQntuples(res); i++) {
		if (PQgetisnull(res, i, 1))
			continue;
		if (PQgetvalue(res, i, 1)[0] == '\0')
			g = total;
		else if (*n < max)
			g = &rows[(*n)++];
		else
			continue;
		store_copy(g->key, sizeof(g->key), res, i, 2);
		g->cents = store_i64(res, i, 3);
		g->count = store_i64(res, i, 4);
		g->users = store_i64(res, i, 5);
		g->median = store_i64(res, i, 6);
	}
	total->key[0] = '\0';
	PQclear(res);
	return 1;
}

int
store_an_spending(struct store *st, const struct an_scope *sc, const char *group_by,
    int64_t fresh_s, struct an_group *total, struct an_group *rows, size_t max, size_t *n,
    struct an_source *src)
{
	const char *tp[5] = { st->client, sc->currency, sc->from, sc->to, sc->category };
	const char *gp[7] = { st->client, sc->currency, sc->from, sc->to, group_by,
	    sc->category, store_int_param(st, (int64_t)max) };
	struct db_stmt *stmt;
	int	 rc;

	*n = 0;
	memset(total, 0, sizeof(*total));
	memset(src, 0, sizeof(*src));
	if (fresh_s > 0 && (rc = spending_answer(st, sc, group_by, fresh_s, total, rows, max,
	    n, src)) != 0)
		return rc == 1 ? 0 : -1;
	if (sc->primary && store_an_fold(sc->primary, NULL) == -1)
		return -1;
	as_of_now(src);
	if (store_one(st, &an_spend_total, 5, tp, decode_group, total) != 1)
		return -1;
	if (strcmp(group_by, "merchant") == 0)
		stmt = sc->category ? &an_groups_merchant_cat : &an_groups_merchant;
	else
		stmt = sc->category ? &an_groups_cat : &an_groups;
	return store_rows(st, stmt, 7, gp, decode_group, rows, sizeof(*rows), max, n);
}

/*
 * $5 interval, $6 category; every period of the range, empty ones too.
 * Without a category from the client's periods (analytics_periods, their
 * stripes summed: the users of a period kept with them); with one from each
 * user's rows of that category.
 */
#define AN_PER_USER(table, col) \
	"SELECT " col " AS period, user_id, sum(spend_cents) sc, sum(spend_count) sn," \
	" sum(income_cents) ic, sum(income_count) inn, sum(txn_count) n FROM " table \
	" WHERE client_id = $1 AND currency = $2 AND " col " BETWEEN $3::date AND $4::date" \
	" AND category = $6 GROUP BY 1, 2"
static struct db_stmt an_trends = { "an_trends",
	"WITH p AS (SELECT generate_series($3::date, $4::date, CASE WHEN $5 = 'week'"
	"  THEN interval '1 week' ELSE interval '1 month' END)::date AS period),"
	" r AS (SELECT * FROM (" AN_PER_USER("analytics_monthly", "month") ") m"
	"  WHERE $5 = 'month' AND $6::text IS NOT NULL"
	"  UNION ALL SELECT * FROM (" AN_PER_USER("analytics_weekly", "week") ") w"
	"  WHERE $5 = 'week' AND $6::text IS NOT NULL),"
	" g AS (SELECT period, sum(sc) sc, sum(ic) ic, sum(n) n,"
	"  count(*) FILTER (WHERE sn > 0) us, count(*) FILTER (WHERE inn > 0) ui,"
	"  count(*) FILTER (WHERE n > 0) ua FROM r GROUP BY 1"
	"  UNION ALL SELECT period, sum(spend_cents), sum(income_cents), sum(txn_count),"
	"  sum(users_spend), sum(users_income), sum(users_any) FROM analytics_periods"
	"  WHERE $6::text IS NULL AND client_id = $1 AND currency = $2"
	"  AND kind = CASE WHEN $5 = 'week' THEN 'w' ELSE 'm' END::\"char\""
	"  AND period BETWEEN $3::date AND $4::date GROUP BY 1)"
	" SELECT to_char(p.period, CASE WHEN $5 = 'week' THEN 'YYYY-MM-DD' ELSE 'YYYY-MM' END),"
	" coalesce(g.sc, 0), coalesce(g.ic, 0), coalesce(g.n, 0), coalesce(g.us, 0),"
	" coalesce(g.ui, 0), coalesce(g.ua, 0) FROM p LEFT JOIN g USING (period)"
	" ORDER BY p.period LIMIT $7::integer", 1, 0 };

static int
decode_point(struct store *st, PGresult *res, int row, void *out)
{
	struct an_point *p = out;

	(void)st;
	store_copy(p->period, sizeof(p->period), res, row, 0);
	p->spend = store_i64(res, row, 1);
	p->income = store_i64(res, row, 2);
	p->txns = store_i64(res, row, 3);
	p->users_spend = store_i64(res, row, 4);
	p->users_income = store_i64(res, row, 5);
	p->users_any = store_i64(res, row, 6);
	return 0;
}

int
store_an_trends(struct store *st, const struct an_scope *sc, const char *interval,
    struct an_point *rows, size_t max, size_t *n)
{
	const char *params[7] = { st->client, sc->currency, sc->from, sc->to, interval,
	    sc->category, store_int_param(st, (int64_t)max) };

	if (sc->primary && store_an_fold(sc->primary, NULL) == -1)
		return -1;
	return store_rows(st, &an_trends, 7, params, decode_point, rows, sizeof(*rows), max, n);
}

/* The risk state's columns, one value and threshold per rule, in enum order. */
#define RISK_COLUMNS(X) \
	X(R_USER, "a.user_id") \
	X(R_EXT, "u.external_user_id") \
	X(R_SCORE, "a.risk_score::text") \
	X(R_CF, "a.cash_flow_value::text") X(R_CFT, "a.cash_flow_threshold::text") \
	X(R_FU, "a.fund_value::text") X(R_FUT, "a.fund_threshold::text") \
	X(R_DTI, "a.dti_value::text") X(R_DTIT, "a.dti_threshold::text") \
	X(R_INT, "a.interest_value::text") X(R_INTT, "a.interest_threshold::text") \
	X(R_SP, "a.spike_value::text") X(R_SPT, "a.spike_threshold::text") \
	X(R_MM, "a.missed_value::text") X(R_MMT, "a.missed_threshold::text") \
	X(R_BASIS, "a.cash_flow_basis") \
	X(R_AT, STORE_US("a.refreshed_at"))
enum { RISK_COLUMNS(STORE_COL_ENUM) R_NCOLS };
#define RISK_COLS RISK_COLUMNS(STORE_COL_SQL) "1"

/* $2 currency, $3 reason or NULL; the cursor is (score, user id). */
static struct db_stmt an_at_risk = { "an_at_risk",
	"SELECT " RISK_COLS " FROM analytics_users a JOIN users u ON u.client_id = a.client_id"
	" AND u.id = a.user_id WHERE a.client_id = $1 AND a.currency = $2 AND u.currency = $2"
	" AND a.risk_score > 0"
	" AND ($3::text IS NULL OR $3 = ANY (a.reason_codes))"
	" AND ($4::bigint IS NULL OR (a.risk_score, a.user_id) < ($4::integer, $5::text))"
	" ORDER BY a.risk_score DESC, a.user_id DESC LIMIT $6::integer", 1, 0 };

static int
decode_risk(struct store *st, PGresult *res, int row, void *out)
{
	struct an_risk_row *r = out;
	int	 c, col;

	(void)st;
	memset(r, 0, sizeof(*r));
	store_copy(r->id, sizeof(r->id), res, row, R_USER);
	store_copy(r->external_user_id, sizeof(r->external_user_id), res, row, R_EXT);
	r->risk.score = (int)store_i64(res, row, R_SCORE);
	r->cursor_us = r->risk.score;
	for (c = 0; c < RISK_NCODES; c++) {
		col = R_CF + 2 * c;
		if (PQgetisnull(res, row, col))
			continue;
		r->risk.reasons[r->risk.n].code = (enum risk_code)c;
		r->risk.reasons[r->risk.n].value = store_i64(res, row, col);
		r->risk.reasons[r->risk.n].threshold = store_i64(res, row, col + 1);
		r->risk.reasons[r->risk.n].points = risk_points((enum risk_code)c);
		if (c == RISK_NEGATIVE_CASH_FLOW)
			r->risk.reasons[r->risk.n].basis =
			    store_text(st, res, row, R_BASIS);
		r->risk.n++;
	}
	store_ts(r->refreshed_at, sizeof(r->refreshed_at), res, row, R_AT);
	return 0;
}

int
store_an_at_risk(struct store *st, const char *currency, const char *reason,
    const struct store_page *pg, struct an_risk_row *rows, size_t *n, int *has_more)
{
	const char *filter[2] = { currency, reason };

	return store_list(st, &an_at_risk, filter, 2, pg, decode_risk, rows, sizeof(*rows), n,
	    has_more);
}

/*
 * What the rules read of user $2, as of today (UTC), one row per debt of
 * the latest intake (one row when none): $3 the days of the cash flow.
 */
/* The user's ($1, $2) changes not folded into the rollups yet (sql/018), as measures. */
#define AN_USER_PENDING \
	"(SELECT transaction_date, currency, sign * ozzie_spend(kind, amount_cents) AS sc," \
	" CASE WHEN kind = 'income' THEN sign * amount_cents ELSE 0 END AS ic," \
	" CASE WHEN kind = 'income' THEN sign ELSE 0 END AS inn" \
	" FROM analytics_pending WHERE client_id = $1 AND user_id = $2)"
static struct db_stmt an_inputs = { "an_inputs",
	"WITH u AS (SELECT id, currency FROM users WHERE client_id = $1 AND id = $2),"
	" i AS (SELECT * FROM financial_intakes WHERE client_id = $1 AND user_id = $2"
	"  ORDER BY created_at DESC, id DESC LIMIT 1),"
	/*
	 * The cash flow of the weeks that start within the last $3 days, from
	 * the weekly rollup: a handful of rows however many transactions the
	 * user has (scanning them made each write of a user with a million
	 * transactions cost a second).
	 */
	" f AS (SELECT coalesce(sum(a.income_cents), 0) inc,"
	"  coalesce(sum(a.income_count), 0) incn,"
	"  coalesce(sum(a.spend_cents), 0) sp FROM (SELECT a.income_cents, a.income_count,"
	"  a.spend_cents FROM analytics_totals a, u"
	"  WHERE a.client_id = $1 AND a.user_id = $2 AND a.kind = 'w'"
	"  AND a.currency = u.currency AND a.period > current_date - $3::integer"
	"  AND a.period <= current_date"
	/* with the changes not folded yet (sql/018) */
	"  UNION ALL SELECT q.ic, q.inn, q.sc FROM " AN_USER_PENDING " q, u"
	"  WHERE q.currency = u.currency"
	"  AND date_trunc('week', q.transaction_date)::date > current_date - $3::integer"
	"  AND date_trunc('week', q.transaction_date)::date <= current_date) a),"
	" m AS (SELECT coalesce(sum(spend_cents) FILTER (WHERE a.month ="
	"  (date_trunc('month', current_date) - interval '1 month')::date), 0) m0,"
	"  coalesce(sum(spend_cents) FILTER (WHERE a.month ="
	"  (date_trunc('month', current_date) - interval '2 months')::date), 0) m1,"
	"  coalesce(sum(spend_cents) FILTER (WHERE a.month ="
	"  (date_trunc('month', current_date) - interval '3 months')::date), 0) m2,"
	"  coalesce(sum(spend_cents) FILTER (WHERE a.month ="
	"  (date_trunc('month', current_date) - interval '4 months')::date), 0) m3"
	"  FROM (SELECT a.month, a.spend_cents FROM analytics_monthly a, u"
	"  WHERE a.client_id = $1 AND a.user_id = $2 AND a.currency = u.currency"
	"  UNION ALL SELECT date_trunc('month', q.transaction_date)::date, q.sc"
	"  FROM " AN_USER_PENDING " q, u WHERE q.currency = u.currency) a"
	"  WHERE a.month >= (date_trunc('month', current_date) - interval '4 months')::date"
	"  AND a.month < date_trunc('month', current_date)::date),"
	" mm AS (SELECT count(*) FILTER (WHERE NOT seen) n FROM (SELECT bool_or(status ="
	"  'completed') OVER (ORDER BY due_date DESC, cycle_number DESC) seen"
	"  FROM money_move_cycles WHERE client_id = $1 AND user_id = $2"
	"  AND due_date < current_date) x)"
	" SELECT u.currency, (i.id IS NOT NULL)::text,"
	" (coalesce(i.monthly_income, 0) * 100)::bigint::text,"
	" (coalesce(i.monthly_expenses, 0) * 100)::bigint::text,"
	" (i.savings_balance IS NOT NULL)::text, (coalesce(i.savings_balance, 0) * 100)::bigint::text,"
	" f.inc::text, f.incn::text, f.sp::text, m.m0::text, m.m1::text, m.m2::text, m.m3::text,"
	" mm.n::text, (d.balance * 100)::bigint::text, (d.interest_rate IS NOT NULL)::text,"
	" (coalesce(d.interest_rate, 0) * 1000)::bigint::text, (d.rate_period = 'month')::text"
	" FROM u CROSS JOIN f CROSS JOIN m CROSS JOIN mm LEFT JOIN i ON true"
	" LEFT JOIN intake_debts d ON d.client_id = $1 AND d.intake_id = i.id"
	" ORDER BY d.position LIMIT 20", 1, 0 };

/* Rows of (client, user) into clients and users, at most max, *n; res cleared. 0. */
static int
pairs(PGresult *res, size_t max, char (*clients)[OZ_ID_MAX], char (*users)[OZ_ID_MAX],
    size_t *n)
{
	int	 i;

	for (i = 0; i < PQntuples(res) && (size_t)i < max; i++) {
		store_copy(clients[i], OZ_ID_MAX, res, i, 0);
		store_copy(users[i], OZ_ID_MAX, res, i, 1);
	}
	*n = (size_t)i;
	PQclear(res);
	return 0;
}

/*
 * 1 when the user's risk was refreshed less than $3 ms ago: the user is
 * noted due instead (sql/018), 0 otherwise. A row already there is left as
 * it is (no lock on it: a burst of writes for one user does not queue).
 */
static struct db_stmt an_risk_defer = { "an_risk_defer",
	"WITH r AS (SELECT 1 FROM analytics_users WHERE client_id = $1 AND user_id = $2"
	" AND refreshed_at > clock_timestamp() - $3::integer * interval '1 millisecond'),"
	" i AS (INSERT INTO analytics_risk_due (client_id, user_id) SELECT $1, $2 FROM r"
	" ON CONFLICT DO NOTHING)"
	" SELECT count(*) FROM r", 0, 0 };

static int
decode_count(struct store *st, PGresult *res, int row, void *out)
{
	(void)st;
	*(int64_t *)out = store_i64(res, row, 0);
	return 0;
}

int
store_an_risk_defer(struct store *st, const char *user, int64_t within_ms)
{
	const char	*params[3] = { st->client, user, store_int_param(st, within_ms) };
	int64_t		 n = 0;

	return store_one(st, &an_risk_defer, 3, params, decode_count, &n) == 1 ? n > 0 : -1;
}

/* Up to $2 due users (of client $1, or any when NULL), taken off the list. */
static struct db_stmt an_risk_due_take = { "an_risk_due_take",
	"DELETE FROM analytics_risk_due WHERE ctid = ANY (ARRAY(SELECT ctid"
	" FROM analytics_risk_due WHERE $1::text IS NULL OR client_id = $1"
	" LIMIT $2::integer FOR UPDATE SKIP LOCKED)) RETURNING client_id, user_id", 0, 0 };

int
store_an_risk_due_take(struct oz_db *db, const char *client, size_t max,
    char (*clients)[OZ_ID_MAX], char (*users)[OZ_ID_MAX], size_t *n)
{
	char		 lim[24];
	const char	*params[2] = { client, lim };
	PGresult	*res;

	*n = 0;
	snprintf(lim, sizeof(lim), "%zu", max);
	if ((res = db_run(db, &an_risk_due_take, 2, params)) == NULL)
		return -1;
	return pairs(res, max, clients, users, n);
}

/* Transaction cents as hundredths of the major unit of a currency with minor digits. */
static int64_t
as_hundredths(int64_t cents, int minor)
{
	for (; minor < 2; minor++)
		cents *= 10;
	for (; minor > 2; minor--)
		cents /= 10;
	return cents;
}

int
store_an_inputs(struct store *st, const char *user, int64_t flow_days,
    struct an_user_inputs *out)
{
	const char	*params[3] = { st->client, user, store_int_param(st, flow_days) };
	struct risk_in	*in = &out->in;
	struct risk_debt *d;
	PGresult	*res;
	int		 i, rows, minor;

	memset(out, 0, sizeof(*out));
	if ((res = db_run(st->db, &an_inputs, 3, params)) == NULL)
		return -1;
	if ((rows = PQntuples(res)) == 0) {
		PQclear(res);
		return 0;
	}
	store_copy(out->currency, sizeof(out->currency), res, 0, 0);
	minor = currency_minor_units(out->currency);
	in->has_intake = store_bool(res, 0, 1);
	in->income = store_i64(res, 0, 2);
	in->expenses = store_i64(res, 0, 3);
	in->has_savings = store_bool(res, 0, 4);
	in->savings = store_i64(res, 0, 5);
	in->flow_income = as_hundredths(store_i64(res, 0, 6), minor);
	in->flow_income_count = store_i64(res, 0, 7);
	in->flow_spending = as_hundredths(store_i64(res, 0, 8), minor);
	for (i = 0; i < 4; i++)
		in->month_spend[i] = store_i64(res, 0, 9 + i);
	in->missed_moves = (int)store_i64(res, 0, 13);
	for (i = 0; i < rows && i < RISK_MAX_DEBTS; i++) {
		if (PQgetisnull(res, i, 14))
			continue;
		d = &in->debts[in->ndebts++];
		d->balance = store_i64(res, i, 14);
		d->has_rate = store_bool(res, i, 15);
		d->rate = store_i64(res, i, 16);
		d->monthly = store_bool(res, i, 17);
	}
	PQclear(res);
	return 1;
}

/*
 * The upsert, and the reasons the user had before it (the CTE "old" reads
 * the row as it was when the statement began): one round trip tells a
 * caller which reasons are new.
 */
static struct db_stmt an_risk_put = { "an_risk_put",
	"WITH old AS (SELECT reason_codes FROM analytics_users"
	" WHERE client_id = $1 AND user_id = $2), up AS ("
	"INSERT INTO analytics_users AS a (client_id, user_id, currency, has_intake,"
	" monthly_income, monthly_expenses, risk_score, reason_codes,"
	" cash_flow_value, cash_flow_threshold, fund_value, fund_threshold, dti_value,"
	" dti_threshold, interest_value, interest_threshold, spike_value, spike_threshold,"
	" missed_value, missed_threshold, cash_flow_basis)"
	" SELECT $1, $2, $3, $4::boolean, CASE WHEN $4::boolean THEN $5::bigint END,"
	" CASE WHEN $4::boolean THEN $6::bigint END, $7::integer,"
	" coalesce(string_to_array(nullif($8, ''), ','), '{}'), $9::bigint, $10::bigint, $11::bigint, $12::bigint,"
	" $13::bigint, $14::bigint, $15::bigint, $16::bigint, $17::bigint, $18::bigint,"
	" $19::bigint, $20::bigint, $21"
	" WHERE EXISTS (SELECT 1 FROM users WHERE client_id = $1 AND id = $2)"
	" ON CONFLICT (client_id, user_id) DO UPDATE SET currency = EXCLUDED.currency,"
	" has_intake = EXCLUDED.has_intake, monthly_income = EXCLUDED.monthly_income,"
	" monthly_expenses = EXCLUDED.monthly_expenses, risk_score = EXCLUDED.risk_score,"
	" reason_codes = EXCLUDED.reason_codes, cash_flow_value = EXCLUDED.cash_flow_value,"
	" cash_flow_threshold = EXCLUDED.cash_flow_threshold, fund_value = EXCLUDED.fund_value,"
	" fund_threshold = EXCLUDED.fund_threshold, dti_value = EXCLUDED.dti_value,"
	" dti_threshold = EXCLUDED.dti_threshold, interest_value = EXCLUDED.interest_value,"
	" interest_threshold = EXCLUDED.interest_threshold, spike_value = EXCLUDED.spike_value,"
	" spike_threshold = EXCLUDED.spike_threshold, missed_value = EXCLUDED.missed_value,"
	" missed_threshold = EXCLUDED.missed_threshold, cash_flow_basis = EXCLUDED.cash_flow_basis,"
	" refreshed_at = clock_timestamp() RETURNING 1)"
	" SELECT coalesce(array_to_string((SELECT reason_codes FROM old), ','), ''),"
	" (SELECT count(*) FROM up)", 0, 0 };

static int
decode_before(struct store *st, PGresult *res, int row, void *out)
{
	(void)st;
	store_copy(out, 160, res, row, 0);
	return 0;
}

int
store_an_risk_put(struct store *st, const char *user, const struct an_user_inputs *in,
    const struct risk_out *r, char before[160])
{
	const char	*params[21];
	char		 codes[160];
	size_t		 i, len = 0;
	int		 c;

	memset(params, 0, sizeof(params));
	params[0] = st->client;
	params[1] = user;
	params[2] = in->currency;
	params[3] = in->in.has_intake ? "t" : "f";
	params[4] = store_int_param(st, in->in.income);
	params[5] = store_int_param(st, in->in.expenses);
	params[6] = store_int_param(st, r->score);
	codes[0] = '\0';
	for (i = 0; i < r->n; i++) {
		c = (int)r->reasons[i].code;
		if (c < 0 || c >= RISK_NCODES)
			return -1;
		len += (size_t)snprintf(codes + len, sizeof(codes) - len, "%s%s",
		    len ? "," : "", risk_code_name(r->reasons[i].code));
		if (len >= sizeof(codes))
			return -1;
		params[8 + 2 * c] = store_int_param(st, r->reasons[i].value);
		params[9 + 2 * c] = store_int_param(st, r->reasons[i].threshold);
		if (r->reasons[i].basis)
			params[20] = r->reasons[i].basis;
	}
	params[7] = codes;
	before[0] = '\0';
	return store_one(st, &an_risk_put, 21, params, decode_before, before) == -1 ? -1 : 0;
}

/* The rollups of the raw rows, as sql/011 first made them. */
#define AN_RAW_MONTHLY \
	"SELECT client_id, user_id, date_trunc('month', transaction_date)::date AS month," \
	" currency, category, source, sum(ozzie_spend(kind, amount_cents)) AS spend_cents," \
	" count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')) AS spend_count," \
	" coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0) AS income_cents," \
	" count(*) FILTER (WHERE kind = 'income') AS income_count, count(*) AS txn_count" \
	" FROM transactions GROUP BY 1, 2, 3, 4, 5, 6"
#define AN_RAW_WEEKLY \
	"SELECT client_id, user_id, date_trunc('week', transaction_date)::date AS week," \
	" currency, category, sum(ozzie_spend(kind, amount_cents)) AS spend_cents," \
	" count(*) FILTER (WHERE kind IN ('spending', 'fee', 'refund')) AS spend_count," \
	" coalesce(sum(amount_cents) FILTER (WHERE kind = 'income'), 0) AS income_cents," \
	" count(*) FILTER (WHERE kind = 'income') AS income_count, count(*) AS txn_count" \
	" FROM transactions GROUP BY 1, 2, 3, 4, 5"
#define AN_RAW_TOTALS \
	"SELECT client_id, user_id, x.k AS kind, x.p AS period, currency," \
	" sum(ozzie_spend(t.kind, amount_cents)) AS spend_cents," \
	" count(*) FILTER (WHERE t.kind IN ('spending', 'fee', 'refund')) AS spend_count," \
	" coalesce(sum(amount_cents) FILTER (WHERE t.kind = 'income'), 0) AS income_cents," \
	" count(*) FILTER (WHERE t.kind = 'income') AS income_count, count(*) AS txn_count" \
	" FROM transactions t CROSS JOIN LATERAL (VALUES" \
	" ('m'::\"char\", date_trunc('month', t.transaction_date)::date)," \
	" ('w'::\"char\", date_trunc('week', t.transaction_date)::date)) AS x (k, p)" \
	" GROUP BY 1, 2, 3, 4, 5"
#define AN_RAW_MERCHANTS \
	"SELECT client_id, user_id, date_trunc('month', transaction_date)::date AS month," \
	" currency, coalesce(merchant, '') AS merchant, category," \
	" sum(ozzie_spend(kind, amount_cents)) AS spend_cents, count(*) AS spend_count" \
	" FROM transactions WHERE kind IN ('spending', 'fee', 'refund') GROUP BY 1, 2, 3, 4, 5, 6"
/* The client's periods (sql/013), stripe by stripe, from users' totals (a query or table). */
#define AN_PERIODS_OF(totals) \
	"SELECT client_id, currency, kind, period, ozzie_analytics_stripe(user_id) AS stripe," \
	" sum(spend_cents) AS spend_cents, sum(spend_count) AS spend_count," \
	" sum(income_cents) AS income_cents, sum(income_count) AS income_count," \
	" sum(txn_count) AS txn_count, count(*) FILTER (WHERE spend_count > 0) AS users_spend," \
	" count(*) FILTER (WHERE income_count > 0) AS users_income," \
	" count(*) FILTER (WHERE txn_count > 0) AS users_any" \
	" FROM " totals " u GROUP BY 1, 2, 3, 4, 5"
/*
 * The changes not folded yet (sql/018) of users still there, as rollup
 * measures: what each adds to spend_cents, spend_count, income_cents,
 * income_count and txn_count.
 */
#define AN_PENDING \
	"(SELECT p.client_id, p.user_id, p.transaction_date, p.currency, p.category, p.source," \
	" coalesce(p.merchant, '') AS merchant, p.kind, p.sign * ozzie_spend(p.kind, p.amount_cents) AS sc," \
	" CASE WHEN p.kind IN ('spending', 'fee', 'refund') THEN p.sign ELSE 0 END AS sn," \
	" CASE WHEN p.kind = 'income' THEN p.sign * p.amount_cents ELSE 0 END AS ic," \
	" CASE WHEN p.kind = 'income' THEN p.sign ELSE 0 END AS inn, p.sign AS n" \
	" FROM analytics_pending p JOIN users u ON u.client_id = p.client_id AND u.id = p.user_id)"
/* A rollup's stored rows with the pending changes added, rows at zero left out. */
#define AN_STORED(table, keys, pkeys) \
	"(SELECT " keys ", " AN_SUMS " FROM (SELECT " keys ", " AN_ALL " FROM " table \
	" UNION ALL SELECT " pkeys ", " AN_PVALS " FROM " AN_PENDING " q) x GROUP BY " keys \
	" HAVING NOT (" AN_ZERO "))"
#define AN_SUMS "sum(spend_cents) AS spend_cents, sum(spend_count) AS spend_count," \
	" sum(income_cents) AS income_cents, sum(income_count) AS income_count," \
	" sum(txn_count) AS txn_count"
#define AN_ALL "spend_cents, spend_count, income_cents, income_count, txn_count"
/* A stored row at zero is a row that is not there. */
#define AN_DIFF(label, table, raw, stored, keys, rvals, svals) \
	"SELECT '" label "', (SELECT count(*) FROM " table ")::text, count(*)::text" \
	" FROM (" raw ") r FULL JOIN " stored " s" \
	" USING (" keys ") WHERE (" rvals ") IS DISTINCT FROM (" svals ")"
#define AN_VALS(p) p "spend_cents, " p "spend_count, " p "income_cents, " p "income_count, " \
	p "txn_count"
#define AN_ZERO "sum(spend_cents) = 0 AND sum(spend_count) = 0 AND sum(income_cents) = 0" \
	" AND sum(income_count) = 0 AND sum(txn_count) = 0"
#define AN_KEYS_MONTHLY "client_id, user_id, month, currency, category, source"
#define AN_KEYS_WEEKLY "client_id, user_id, week, currency, category"
#define AN_KEYS_MERCHANTS "client_id, user_id, month, currency, merchant, category"
#define AN_KEYS_TOTALS "client_id, user_id, kind, period, currency"
#define AN_PVALS "sc, sn, ic, inn, n"

/*
 * Each rollup (with the changes not folded yet) against the raw rows, in
 * one snapshot, so writes going on meanwhile make no false difference; the
 * periods against the stored totals they are kept from (which the line
 * before compares with the raw rows).
 */
static struct db_stmt an_verify_stmt = { "an_verify",
	AN_DIFF("0", "analytics_monthly", AN_RAW_MONTHLY,
	    AN_STORED("analytics_monthly", AN_KEYS_MONTHLY,
	    "client_id, user_id, date_trunc('month', transaction_date)::date, currency, category,"
	    " source"), AN_KEYS_MONTHLY, AN_VALS("r."), AN_VALS("s."))
	" UNION ALL "
	AN_DIFF("1", "analytics_weekly", AN_RAW_WEEKLY,
	    AN_STORED("analytics_weekly", AN_KEYS_WEEKLY,
	    "client_id, user_id, date_trunc('week', transaction_date)::date, currency, category"),
	    AN_KEYS_WEEKLY, AN_VALS("r."), AN_VALS("s."))
	" UNION ALL "
	AN_DIFF("2", "analytics_merchants", AN_RAW_MERCHANTS,
	    "(SELECT " AN_KEYS_MERCHANTS ", sum(spend_cents) AS spend_cents,"
	    " sum(spend_count) AS spend_count FROM (SELECT " AN_KEYS_MERCHANTS ", spend_cents, spend_count"
	    " FROM analytics_merchants UNION ALL SELECT client_id, user_id,"
	    " date_trunc('month', transaction_date)::date, currency, merchant, category, sc, n"
	    " FROM " AN_PENDING " q WHERE kind IN ('spending', 'fee', 'refund')) x"
	    " GROUP BY " AN_KEYS_MERCHANTS " HAVING NOT (sum(spend_cents) = 0"
	    " AND sum(spend_count) = 0))",
	    AN_KEYS_MERCHANTS, "r.spend_cents, r.spend_count", "s.spend_cents, s.spend_count")
	" UNION ALL "
	AN_DIFF("3", "analytics_totals", AN_RAW_TOTALS,
	    "(SELECT " AN_KEYS_TOTALS ", " AN_SUMS " FROM (SELECT " AN_KEYS_TOTALS ", "
	    AN_ALL " FROM analytics_totals UNION ALL SELECT q.client_id, q.user_id, x.k, x.p,"
	    " q.currency, " AN_PVALS " FROM " AN_PENDING " q CROSS JOIN LATERAL (VALUES"
	    " ('m'::\"char\", date_trunc('month', q.transaction_date)::date),"
	    " ('w'::\"char\", date_trunc('week', q.transaction_date)::date)) AS x (k, p)) y"
	    " GROUP BY " AN_KEYS_TOTALS " HAVING NOT (" AN_ZERO "))",
	    AN_KEYS_TOTALS, AN_VALS("r."), AN_VALS("s."))
	" UNION ALL "
	AN_DIFF("4", "analytics_periods", AN_PERIODS_OF("(SELECT * FROM analytics_totals"
	    " WHERE NOT (spend_cents = 0 AND spend_count = 0 AND income_cents = 0"
	    " AND income_count = 0 AND txn_count = 0))"),
	    "(SELECT * FROM analytics_periods WHERE NOT (spend_cents = 0 AND spend_count = 0"
	    " AND income_cents = 0 AND income_count = 0 AND txn_count = 0 AND users_spend = 0"
	    " AND users_income = 0 AND users_any = 0))",
	    "client_id, currency, kind, period, stripe",
	    AN_VALS("r.") ", r.users_spend, r.users_income, r.users_any",
	    AN_VALS("s.") ", s.users_spend, s.users_income, s.users_any"),
	1, 0 };

static const char *const rollup_tables[AN_ROLLUPS] = { "analytics_monthly",
	"analytics_weekly", "analytics_merchants", "analytics_totals", "analytics_periods" };

int
store_an_verify(struct oz_db *db, struct an_verify out[AN_ROLLUPS])
{
	PGresult	*res;
	int		 i, k;

	for (i = 0; i < AN_ROLLUPS; i++) {
		out[i].table = rollup_tables[i];
		out[i].rows = out[i].differ = -1;
	}
	if ((res = db_run(db, &an_verify_stmt, 0, NULL)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(res); i++) {
		k = PQgetvalue(res, i, 0)[0] - '0';
		if (k < 0 || k >= AN_ROLLUPS)
			continue;
		out[k].rows = store_i64(res, i, 1);
		out[k].differ = store_i64(res, i, 2);
	}
	PQclear(res);
	for (i = 0; i < AN_ROLLUPS; i++)
		if (out[i].rows < 0)
			return -1;
	return 0;
}

static struct db_stmt an_fold = { "an_fold", "SELECT ozzie_analytics_fold($1::integer)", 0, 0 };

/* Pending rows a fold takes in one transaction: a few seconds' work at most. */
#define AN_FOLD_BATCH	50000

int
store_an_fold(struct oz_db *db, int64_t *folded)
{
	char		 batch[16];
	const char	*params[1] = { batch };
	PGresult	*res;
	int64_t		 n;

	snprintf(batch, sizeof(batch), "%d", AN_FOLD_BATCH);
	if (folded)
		*folded = 0;
	do {
		if ((res = db_run(db, &an_fold, 1, params)) == NULL)
			return -1;
		n = PQntuples(res) == 1 ? store_i64(res, 0, 0) : 0;
		PQclear(res);
		if (folded)
			*folded += n;
	} while (n >= AN_FOLD_BATCH);
	return 0;
}

/* Writes of transactions wait while the rollups are made again (reads go on). */
static struct db_stmt an_lock = { "an_lock",
	"LOCK TABLE transactions IN SHARE MODE", 0, 0 };
static struct db_stmt an_clear = { "an_clear",
	"TRUNCATE analytics_pending, analytics_monthly, analytics_weekly, analytics_merchants,"
	" analytics_totals, analytics_periods, analytics_answer_sets, analytics_answer_groups", 0, 0 };
/* The trigger that keeps analytics_periods stands aside: filled below at once. */
static struct db_stmt an_quiet = { "an_quiet",
	"SELECT set_config('ozzie.analytics_rebuild', 'on', true)", 0, 0 };
static struct db_stmt an_fill_periods = { "an_fill_periods",
	"INSERT INTO analytics_periods (client_id, currency, kind, period, stripe, spend_cents,"
	" spend_count, income_cents, income_count, txn_count, users_spend, users_income,"
	" users_any) SELECT client_id, currency, kind, period, ozzie_analytics_stripe(user_id),"
	" sum(spend_cents), sum(spend_count), sum(income_cents), sum(income_count),"
	" sum(txn_count), count(*) FILTER (WHERE spend_count > 0),"
	" count(*) FILTER (WHERE income_count > 0), count(*) FILTER (WHERE txn_count > 0)"
	" FROM analytics_totals GROUP BY 1, 2, 3, 4, 5", 0, 0 };
static struct db_stmt an_loud = { "an_loud",
	"SELECT set_config('ozzie.analytics_rebuild', 'off', true)", 0, 0 };
static struct db_stmt an_fill_monthly = { "an_fill_monthly",
	"INSERT INTO analytics_monthly (client_id, user_id, month, currency, category, source,"
	" spend_cents, spend_count, income_cents, income_count, txn_count) " AN_RAW_MONTHLY,
	0, 0 };
static struct db_stmt an_fill_weekly = { "an_fill_weekly",
	"INSERT INTO analytics_weekly (client_id, user_id, week, currency, category,"
	" spend_cents, spend_count, income_cents, income_count, txn_count) " AN_RAW_WEEKLY,
	0, 0 };
static struct db_stmt an_fill_merchants = { "an_fill_merchants",
	"INSERT INTO analytics_merchants (client_id, user_id, month, currency, merchant,"
	" category, spend_cents, spend_count) " AN_RAW_MERCHANTS, 0, 0 };

static struct db_stmt an_fill_totals = { "an_fill_totals",
	"INSERT INTO analytics_totals (client_id, user_id, kind, period, currency,"
	" spend_cents, spend_count, income_cents, income_count, txn_count) " AN_RAW_TOTALS, 0, 0 };

static int
run(struct oz_db *db, struct db_stmt *st)
{
	PGresult *res = db_run(db, st, 0, NULL);

	if (res == NULL)
		return -1;
	PQclear(res);
	return 0;
}

int
store_an_rebuild(struct oz_db *db)
{
	struct db_stmt *steps[] = { &an_lock, &an_clear, &an_quiet, &an_fill_monthly,
	    &an_fill_weekly, &an_fill_merchants, &an_fill_totals, &an_fill_periods, &an_loud };
	size_t	 i;

	if (db_begin(db) == -1)
		return -1;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (run(db, steps[i]) == -1) {
			db_rollback(db);
			return -1;
		}
	return db_commit(db);
}

static struct db_stmt an_all_users = { "an_all_users",
	"SELECT client_id, id FROM users WHERE $1::text IS NULL OR (client_id, id) > ($1, $2)"
	" ORDER BY client_id, id LIMIT $3::integer", 1, 0 };

int
store_an_all_users(struct oz_db *db, const char *after_client, const char *after_user,
    char (*clients)[OZ_ID_MAX], char (*users)[OZ_ID_MAX], size_t max, size_t *n)
{
	char		 lim[24];
	const char	*params[3] = { after_client, after_user, lim };
	PGresult	*res;

	*n = 0;
	snprintf(lim, sizeof(lim), "%zu", max);
	if ((res = db_run(db, &an_all_users, 3, params)) == NULL)
		return -1;
	return pairs(res, max, clients, users, n);
}

/*
 * Every spending answer of a scope ($1 client, $2 currency, $3 from, $4 to;
 * up to $5 groups an answer), in one pass over each rollup: each user's
 * spending per grouping set, then per group the sum, count, users and
 * median, as an_groups and an_spend_total compute them one at a time. The
 * groupings (GROUPING() bits: category 4, source 2, month 1; merchants 8 +
 * category 1) fan out to the answers they make: (category, user) is the
 * category groups, and with that category as a filter its total and its one
 * group. Rows: group_by ('' the total), category ('' none), pos, key,
 * cents, count, users, median.
 */
#define AN_ANSWERS_SQL \
	"WITH per AS (SELECT GROUPING(category, source, month) AS g, category, source, month," \
	"  user_id, sum(spend_cents)::bigint c, sum(spend_count)::bigint n FROM analytics_monthly" \
	"  WHERE client_id = $1 AND currency = $2 AND month BETWEEN $3::date AND $4::date" \
	"  GROUP BY GROUPING SETS ((user_id), (category, user_id), (source, user_id)," \
	"  (month, user_id), (category, source, user_id), (category, month, user_id))" \
	"  HAVING sum(spend_count) > 0)," \
	" mper AS (SELECT 8 + GROUPING(category) AS g, category, merchant, user_id," \
	"  sum(spend_cents)::bigint c, sum(spend_count)::bigint n FROM analytics_merchants" \
	"  WHERE client_id = $1 AND currency = $2 AND month BETWEEN $3::date AND $4::date" \
	"  GROUP BY GROUPING SETS ((merchant, user_id), (category, merchant, user_id))" \
	"  HAVING sum(spend_count) > 0)," \
	" grp AS (SELECT g, category, source, month, NULL::text AS merchant, sum(c) c, sum(n) n," \
	"  count(*) u, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY c)) m FROM per" \
	"  GROUP BY g, category, source, month" \
	"  UNION ALL SELECT g, category, NULL, NULL, merchant, sum(c), sum(n), count(*)," \
	"  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY c)) FROM mper GROUP BY g, category, merchant)," \
	" lab AS (SELECT v.gb, v.cat, v.k, grp.c, grp.n, grp.u, grp.m FROM grp CROSS JOIN LATERAL (VALUES" \
	"  (grp.g = 7, '', '', '')," \
	"  (grp.g = 3, 'category', '', grp.category)," \
	"  (grp.g = 3, '', grp.category, '')," \
	"  (grp.g = 3, 'category', grp.category, grp.category)," \
	"  (grp.g = 5, 'source', '', grp.source)," \
	"  (grp.g = 6, 'month', '', to_char(grp.month, 'YYYY-MM'))," \
	"  (grp.g = 1, 'source', grp.category, grp.source)," \
	"  (grp.g = 2, 'month', grp.category, to_char(grp.month, 'YYYY-MM'))," \
	"  (grp.g = 9, 'merchant', '', grp.merchant)," \
	"  (grp.g = 8, 'merchant', grp.category, grp.merchant)) AS v (ok, gb, cat, k) WHERE v.ok)" \
	" SELECT * FROM (SELECT gb, cat, (row_number() OVER (PARTITION BY gb, cat" \
	"  ORDER BY CASE WHEN gb = 'month' THEN k END, c DESC, k) - 1)::integer AS pos," \
	"  k, c::bigint AS c, n::bigint AS n, u::bigint AS u, m::bigint AS m FROM lab) z" \
	" WHERE pos < $5::integer"

/* The scopes worth precomputing: a month of $1..$2 with $3 users or more. */
static struct db_stmt an_answer_scopes = { "an_answer_scopes",
	"SELECT client_id, currency FROM (SELECT client_id, currency, period"
	" FROM analytics_periods WHERE kind = 'm' AND period BETWEEN $1::date AND $2::date"
	" AND ($4::text IS NULL OR client_id = $4) GROUP BY 1, 2, 3"
	" HAVING $4::text IS NOT NULL OR sum(users_any) >= $3::bigint) x"
	" GROUP BY 1, 2 ORDER BY 1, 2", 1, 0 };
/* One writer of a set at a time; a set younger than $5 seconds stays. */
static struct db_stmt an_answer_lock = { "an_answer_lock",
	"SELECT pg_advisory_xact_lock(hashtext('ozzie.analytics_answers'),"
	" hashtext($1 || ' ' || $2 || ' ' || $3 || ' ' || $4)),"
	" set_config('statement_timeout', '0', true), set_config('work_mem', '131072kB', true),"
	" EXISTS (SELECT 1 FROM analytics_answer_sets WHERE client_id = $1 AND currency = $2"
	" AND period_from = $3::date AND period_to = $4::date"
	" AND as_of > now() - $5::integer * interval '1 second')", 0, 0 };
static struct db_stmt an_answer_clear = { "an_answer_clear",
	"DELETE FROM analytics_answer_groups WHERE client_id = $1 AND currency = $2"
	" AND period_from = $3::date AND period_to = $4::date", 0, 0 };
/* as_of is the transaction's start: every row it reads is at least as old. */
static struct db_stmt an_answer_set = { "an_answer_set",
	"INSERT INTO analytics_answer_sets (client_id, currency, period_from, period_to, as_of)"
	" VALUES ($1, $2, $3::date, $4::date, now())"
	" ON CONFLICT (client_id, currency, period_from, period_to) DO UPDATE SET as_of = now()",
	0, 0 };
static struct db_stmt an_answer_fill = { "an_answer_fill",
	"INSERT INTO analytics_answer_groups (client_id, currency, period_from, period_to,"
	" group_by, category, pos, key, cents, count, users, median)"
	" SELECT $1, $2, $3::date, $4::date, z.* FROM (" AN_ANSWERS_SQL ") z", 0, 0 };
static struct db_stmt an_answer_overview = { "an_answer_overview",
	"UPDATE analytics_answer_sets SET overview = (SELECT ARRAY[" AN_OVERVIEW_COLS "]::bigint[]"
	" FROM (" AN_OVERVIEW_SQL ") x (" AN_OVERVIEW_COLS "))"
	" WHERE client_id = $1 AND currency = $2 AND period_from = $3::date AND period_to = $4::date",
	0, 0 };
static struct db_stmt an_answer_took = { "an_answer_took",
	"UPDATE analytics_answer_sets SET took_ms ="
	" least(extract(epoch FROM clock_timestamp() - now()) * 1000, 2147483647)::integer"
	" WHERE client_id = $1 AND currency = $2 AND period_from = $3::date AND period_to = $4::date",
	0, 0 };
static struct db_stmt an_answer_expire = { "an_answer_expire",
	"DELETE FROM analytics_answer_sets WHERE as_of < now() - $1::integer * interval '1 second'",
	0, 0 };

int
store_an_answer_scopes(struct oz_db *db, const char *from, const char *to,
    int64_t min_users, const char *client, char (*clients)[OZ_ID_MAX],
    char (*currencies)[4], size_t max, size_t *n)
{
	char		 mu[24];
	const char	*params[4] = { from, to, mu, client };
	PGresult	*res;
	int		 i;

	*n = 0;
	snprintf(mu, sizeof(mu), "%lld", (long long)min_users);
	if ((res = db_run(db, &an_answer_scopes, 4, params)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(res) && (size_t)i < max; i++) {
		store_copy(clients[i], OZ_ID_MAX, res, i, 0);
		store_copy(currencies[i], 4, res, i, 1);
	}
	*n = (size_t)i;
	PQclear(res);
	return 0;
}

static int
run_params(struct oz_db *db, struct db_stmt *st, int n, const char *const *params,
    PGresult **keep)
{
	PGresult *res = db_run(db, st, n, params);

	if (res == NULL)
		return -1;
	if (keep)
		*keep = res;
	else
		PQclear(res);
	return 0;
}

int
store_an_answer_refresh(struct oz_db *db, const char *client, const char *currency,
    const char *from, const char *to, int64_t keep_s, size_t max_groups)
{
	char		 ks[24], mg[24];
	const char	*params[5] = { client, currency, from, to, ks };
	PGresult	*res;
	int		 fresh;

	snprintf(ks, sizeof(ks), "%lld", (long long)keep_s);
	snprintf(mg, sizeof(mg), "%zu", max_groups);
	if (db_begin(db) == -1)
		return -1;
	if (run_params(db, &an_answer_lock, 5, params, &res) == -1)
		goto fail;
	fresh = PQntuples(res) == 1 && store_bool(res, 0, 3);
	PQclear(res);
	if (fresh) {
		db_rollback(db);
		return 0;
	}
	params[4] = mg;
	if (run_params(db, &an_answer_clear, 4, params, NULL) == -1 ||
	    run_params(db, &an_answer_set, 4, params, NULL) == -1 ||
	    run_params(db, &an_answer_fill, 5, params, NULL) == -1 ||
	    run_params(db, &an_answer_overview, 4, params, NULL) == -1 ||
	    run_params(db, &an_answer_took, 4, params, NULL) == -1)
		goto fail;
	return db_commit(db) == -1 ? -1 : 1;
fail:
	db_rollback(db);
	return -1;
}

int
store_an_answer_expire(struct oz_db *db, int64_t older_s)
{
	char		 os[24];
	const char	*params[1] = { os };

	snprintf(os, sizeof(os), "%lld", (long long)older_s);
	return run_params(db, &an_answer_expire, 1, params, NULL);
}

/* Each stored set against its recomputation from the rollups now. */
static struct db_stmt an_answer_verify = { "an_answer_verify",
	"SELECT s.client_id, s.currency, s.period_from::text, s.period_to::text,"
	" (SELECT count(*) FROM (SELECT * FROM analytics_answer_groups g"
	"  WHERE g.client_id = s.client_id AND g.currency = s.currency"
	"  AND g.period_from = s.period_from AND g.period_to = s.period_to) st"
	"  FULL JOIN (SELECT * FROM (" AN_ANSWERS_SQL ") z) r"
	"  ON r.gb = st.group_by AND r.cat = st.category AND r.pos = st.pos"
	"  WHERE (st.key, st.cents, st.count, st.users, st.median)"
	"  IS DISTINCT FROM (r.k, r.c, r.n, r.u, r.m))"
	" + (s.overview IS DISTINCT FROM (SELECT ARRAY[" AN_OVERVIEW_COLS "]::bigint[]"
	"  FROM (" AN_OVERVIEW_SQL ") x (" AN_OVERVIEW_COLS ")))::integer"
	" FROM analytics_answer_sets s WHERE (s.client_id, s.currency, s.period_from, s.period_to)"
	" = ($1, $2, $3::date, $4::date)", 1, 0 };
static struct db_stmt an_answer_all = { "an_answer_all",
	"SELECT client_id, currency, period_from::text, period_to::text FROM analytics_answer_sets"
	" ORDER BY 1, 2, 3, 4", 1, 0 };

int
store_an_answer_verify(struct oz_db *db, size_t max_groups, int64_t *sets, int64_t *differ)
{
	PGresult	*all, *res;
	char		 mg[24];
	const char	*params[5];
	int		 i, rc = 0;

	*sets = *differ = 0;
	snprintf(mg, sizeof(mg), "%zu", max_groups);
	if ((all = db_run(db, &an_answer_all, 0, NULL)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(all) && rc == 0; i++) {
		params[0] = PQgetvalue(all, i, 0);
		params[1] = PQgetvalue(all, i, 1);
		params[2] = PQgetvalue(all, i, 2);
		params[3] = PQgetvalue(all, i, 3);
		params[4] = mg;
		if ((res = db_run(db, &an_answer_verify, 5, params)) == NULL) {
			rc = -1;
			break;
		}
		if (PQntuples(res) == 1) {
			(*sets)++;
			if (store_i64(res, 0, 4) > 0)
				(*differ)++;
		}
		PQclear(res);
	}
	PQclear(all);
	return rc;
}
