/* store_txn.c: the transactions and category_rules tables (store_txn.h). */
#include "config.h"

#include <string.h>

#include "core/pool.h"
#include "store/store.h"
#include "store/store_txn.h"

#define TXN_COLUMNS(X) \
	X(T_ID, "id") \
	X(T_USER, "user_id") \
	X(T_AMOUNT, "amount_cents::text") \
	X(T_CUR, "currency") \
	X(T_CAT, "category") \
	X(T_DESC, "description") \
	X(T_MERCHANT, "merchant") \
	X(T_KEY, "merchant_key") \
	X(T_DATE, "transaction_date::text") \
	X(T_SOURCE, "source") \
	X(T_CONF, "(ai_confidence * 1000)::integer::text") \
	X(T_BY, "categorized_by") \
	X(T_IMPORT, "import_id") \
	X(T_KIND, "kind") \
	X(T_SUB, "subcategory") \
	X(T_EXT, "external_id") \
	X(T_CREATED, STORE_US("created_at"))

enum { TXN_COLUMNS(STORE_COL_ENUM) T_NCOLS };
#define TXN_COLS TXN_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt txn_insert = { "txn_insert",
	"INSERT INTO transactions (client_id, id, user_id, amount_cents, currency, category,"
	" description, merchant, merchant_key, transaction_date, source, ai_confidence,"
	" categorized_by, import_id, kind, subcategory, external_id) VALUES ($1, $2, $3,"
	" $4::bigint, $5, $6, $7, $8, $9, $10::date, $11, $12::numeric / 1000, $13, $14, $15,"
	" $16, $17) RETURNING " TXN_COLS, 0, 0 };
/*
 * One transaction for the user $3 names (STORE_USER), in the user's currency
 * unless $5 says; what the user taught for the merchant ($9, when $15 lets
 * rules decide) overrides the rules' category $6 (confidence 0.95), and its
 * subcategory and kind with it; a taught category says the kind when no kind
 * was taught ("income" goes with income, and only with it). An external_id
 * the user already has inserts nothing (store_txn_insert_for reads it).
 */
static struct db_stmt txn_insert_for = { "txn_insert_for",
	"INSERT INTO transactions (client_id, id, user_id, amount_cents, currency, category,"
	" description, merchant, merchant_key, transaction_date, source, ai_confidence,"
	" categorized_by, import_id, kind, subcategory, external_id)"
	" SELECT $1, $2, u.id, $4::bigint, coalesce($5, u.currency),"
	" coalesce(r.category, $6), $7, $8, $9, $10::date, $11,"
	" CASE WHEN r.category IS NULL THEN $12::numeric / 1000 ELSE 0.950 END, $13, $14,"
	" CASE WHEN r.category IS NULL THEN $16 WHEN r.kind IS NOT NULL THEN r.kind"
	" WHEN r.category = 'income' THEN 'income' WHEN $16 = 'income' THEN 'spending'"
	" ELSE $16 END,"
	" CASE WHEN r.category IS NULL THEN $17 ELSE r.subcategory END, $18"
	" FROM users u LEFT JOIN category_rules r ON $15::boolean AND $9 <> ''"
	" AND r.client_id = u.client_id AND r.user_id = u.id AND r.merchant_key = $9"
	" WHERE u.client_id = $1 AND u.id = " STORE_USER("$3")
	" ON CONFLICT (client_id, user_id, external_id) WHERE external_id IS NOT NULL DO NOTHING"
	" RETURNING " TXN_COLS, 0, 0 };
/*
 * Many transactions of one user ($2, an id) and source ($3) in one
 * statement, as txn_insert_for inserts one: $4..$18 are arrays, one element
 * per transaction. Those whose external_id the user has are not inserted
 * (and not returned).
 */
static struct db_stmt txn_insert_many = { "txn_insert_many",
	"INSERT INTO transactions (client_id, id, user_id, amount_cents, currency, category,"
	" description, merchant, merchant_key, transaction_date, source, ai_confidence,"
	" categorized_by, import_id, kind, subcategory, external_id)"
	" SELECT $1, x.id, u.id, x.amount::bigint, coalesce(x.cur, u.currency),"
	" coalesce(r.category, x.cat), x.descr, x.merchant, x.mkey, x.day::date, $3,"
	" CASE WHEN r.category IS NULL THEN x.conf::numeric / 1000 ELSE 0.950 END, x.cby, x.imp,"
	" CASE WHEN r.category IS NULL THEN x.kind WHEN r.kind IS NOT NULL THEN r.kind"
	" WHEN r.category = 'income' THEN 'income' WHEN x.kind = 'income' THEN 'spending'"
	" ELSE x.kind END,"
	" CASE WHEN r.category IS NULL THEN x.sub ELSE r.subcategory END, x.ext"
	" FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],"
	" $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],"
	" $16::text[], $17::text[], $18::boolean[]) AS x(id, amount, cur, cat, descr, merchant,"
	" mkey, day, conf, cby, imp, kind, sub, ext, taught)"
	" JOIN users u ON u.client_id = $1 AND u.id = $2"
	" LEFT JOIN category_rules r ON x.taught AND x.mkey <> ''"
	" AND r.client_id = u.client_id AND r.user_id = u.id AND r.merchant_key = x.mkey"
	" ON CONFLICT (client_id, user_id, external_id) WHERE external_id IS NOT NULL DO NOTHING"
	" RETURNING " TXN_COLS, 0, 0 };
static struct db_stmt txn_by_external = { "txn_by_external",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1 AND user_id = "
	STORE_USER("$2") " AND external_id = $3", 1, 0 };
static struct db_stmt txn_get = { "txn_get",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1 AND user_id = " STORE_USER("$2")
	" AND id = $3", 1, 0 };
static struct db_stmt txn_list = { "txn_list",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1"
	" AND user_id = " STORE_USER("$2")
	" AND ($3::date IS NULL OR transaction_date >= $3::date)"
	" AND ($4::date IS NULL OR transaction_date <= $4::date)"
	" AND ($5::text IS NULL OR category = $5) AND ($6::text IS NULL OR source = $6)"
	" AND ($7::text IS NULL OR kind = $7) AND ($8::text IS NULL OR subcategory = $8)"
	" AND ($9::text IS NULL OR external_id = $9)"
	" AND " STORE_BEFORE("created_at", "id", "$10", "$11")
	" ORDER BY created_at DESC, id DESC LIMIT $12::integer", 1, 0 };
/*
 * A category, subcategory or kind from the user is final: categorized_by
 * user, confidence 1.
 */
static struct db_stmt txn_update = { "txn_update",
	"UPDATE transactions SET"
	" category = CASE WHEN $4::boolean THEN $5 ELSE category END,"
	" kind = CASE WHEN $14::boolean THEN $15 ELSE kind END,"
	" subcategory = CASE WHEN $16::boolean THEN $17 ELSE subcategory END,"
	" categorized_by = CASE WHEN $4::boolean OR $14::boolean OR $16::boolean THEN 'user'"
	" ELSE categorized_by END,"
	" ai_confidence = CASE WHEN $4::boolean OR $14::boolean OR $16::boolean THEN 1"
	" ELSE ai_confidence END,"
	" description = CASE WHEN $6::boolean THEN $7 ELSE description END,"
	" merchant = CASE WHEN $6::boolean THEN $12 ELSE merchant END,"
	" merchant_key = CASE WHEN $6::boolean THEN coalesce($13, '') ELSE merchant_key END,"
	" amount_cents = CASE WHEN $8::boolean THEN $9::bigint ELSE amount_cents END,"
	" transaction_date = CASE WHEN $10::boolean THEN $11::date ELSE transaction_date END"
	" WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING " TXN_COLS, 0, 0 };
static struct db_stmt txn_delete = { "txn_delete",
	"DELETE FROM transactions WHERE client_id = $1 AND user_id = $2 AND id = $3", 0, 0 };
static struct db_stmt rules_get = { "rules_get",
	"SELECT merchant_key, category, coalesce(subcategory, ''), coalesce(kind, '')"
	" FROM category_rules WHERE client_id = $1"
	" AND user_id = $2 ORDER BY updated_at DESC LIMIT $3::integer", 1, 0 };
static struct db_stmt rule_upsert = { "rule_upsert",
	"INSERT INTO category_rules (client_id, user_id, merchant_key, category, subcategory,"
	" kind) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (client_id, user_id, merchant_key)"
	" DO UPDATE SET category = EXCLUDED.category, subcategory = EXCLUDED.subcategory,"
	" kind = EXCLUDED.kind, updated_at = clock_timestamp()", 0, 0 };
/*
 * What a transaction of a kind adds to spending: spending and fees add,
 * refunds take back, income is counted apart (as category "income"), the
 * other kinds are not spending. The same expression for every aggregate.
 */
#define SPEND_SIGNED \
	"CASE kind WHEN 'refund' THEN -amount_cents ELSE amount_cents END"
#define SPEND_KINDS	"('spending', 'fee', 'refund', 'income')"
/* $6: one category (and income) or all; largest first. */
static struct db_stmt txn_spending = { "txn_spending",
	"SELECT category, sum(" SPEND_SIGNED ")::text,"
	" count(*) FILTER (WHERE kind IN ('spending', 'fee', 'income'))::text,"
	" (min(min(transaction_date)) OVER ())::text FROM transactions"
	" WHERE client_id = $1 AND user_id = $2 AND currency = $3"
	" AND transaction_date BETWEEN $4::date AND $5::date AND kind IN " SPEND_KINDS
	" AND ($6::text IS NULL OR category IN ($6, 'income'))"
	" GROUP BY category ORDER BY sum(" SPEND_SIGNED ") DESC, category LIMIT $7::integer",
	1, 0 };
/* The group key of txn_aggregate for a group_by name. */
#define AGG_KEY(p) \
	"CASE " p " WHEN 'category' THEN category" \
	" WHEN 'subcategory' THEN coalesce(subcategory, '')" \
	" WHEN 'merchant' THEN coalesce(merchant, '')" \
	" WHEN 'month' THEN to_char(transaction_date, 'YYYY-MM')" \
	" WHEN 'week' THEN to_char(date_trunc('week', transaction_date), 'YYYY-MM-DD')" \
	" WHEN 'kind' THEN kind ELSE '' END"
/*
 * $4..$5 the window; $6 the kind ("spending": spending and fees less
 * refunds); $7 category, $8 subcategory, $9 merchant name, $10 merchant key;
 * $11, $12 the groupings; $13 the limit. Time groups in time order, the
 * others largest first.
 */
static struct db_stmt txn_aggregate = { "txn_aggregate",
	"SELECT " AGG_KEY("$11::text") ", " AGG_KEY("$12::text") ","
	" sum(CASE WHEN $6 = 'spending' THEN " SPEND_SIGNED " ELSE amount_cents END)::text,"
	" count(*)::text FROM transactions"
	" WHERE client_id = $1 AND user_id = $2 AND currency = $3"
	" AND transaction_date BETWEEN $4::date AND $5::date"
	" AND (CASE WHEN $6 = 'spending' THEN kind IN ('spending', 'fee', 'refund')"
	" ELSE kind = $6 END)"
	" AND ($7::text IS NULL OR category = $7) AND ($8::text IS NULL OR subcategory = $8)"
	" AND ($9::text IS NULL OR lower(merchant) = lower($9) OR merchant_key = $10::text)"
	" GROUP BY 1, 2 ORDER BY CASE WHEN $11 IN ('month', 'week') THEN 1 ELSE 0 END,"
	" CASE WHEN $11 IN ('month', 'week') THEN " AGG_KEY("$11::text") " END,"
	" sum(CASE WHEN $6 = 'spending' THEN " SPEND_SIGNED " ELSE amount_cents END) DESC, 1, 2"
	" LIMIT $13::integer", 1, 0 };
/*
 * $6: spending (spending, fees and refunds) | income | all | a kind; $7
 * words to find in the description or merchant; $8 subcategory; $9 merchant key.
 */
static struct db_stmt txn_find = { "txn_find",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1"
	" AND user_id = $2 AND ($3::date IS NULL OR transaction_date >= $3::date)"
	" AND ($4::date IS NULL OR transaction_date <= $4::date)"
	" AND ($5::text IS NULL OR category = $5)"
	" AND (CASE $6 WHEN 'all' THEN true"
	" WHEN 'spending' THEN kind IN ('spending', 'fee', 'refund') ELSE kind = $6 END)"
	" AND ($7::text IS NULL OR strpos(lower(description || ' ' || coalesce(merchant, '')),"
	" lower($7)) > 0)"
	" AND ($8::text IS NULL OR subcategory = $8) AND ($9::text IS NULL OR merchant_key = $9)"
	" ORDER BY transaction_date DESC, created_at DESC, id DESC LIMIT $10::integer", 1, 0 };

static struct db_stmt txn_seen = { "txn_seen",
	"SELECT transaction_date::text, amount_cents::text, description, external_id, kind"
	" FROM transactions WHERE client_id = $1 AND user_id = $2"
	" AND transaction_date BETWEEN $3::date AND $4::date", 1, 0 };
static struct db_stmt txn_import_movers = { "txn_import_movers",
	"SELECT id FROM transactions WHERE client_id = $1 AND user_id = $2 AND import_id = $3"
	" AND kind IN ('debt_payment', 'savings_contribution')", 1, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct txn *t = out;

	memset(t, 0, sizeof(*t));
	store_copy(t->id, sizeof(t->id), res, row, T_ID);
	store_copy(t->user_id, sizeof(t->user_id), res, row, T_USER);
	t->amount_cents = store_i64(res, row, T_AMOUNT);
	store_copy(t->currency, sizeof(t->currency), res, row, T_CUR);
	store_copy(t->category, sizeof(t->category), res, row, T_CAT);
	t->description = store_text(st, res, row, T_DESC);
	t->merchant = store_text(st, res, row, T_MERCHANT);
	t->merchant_key = store_text(st, res, row, T_KEY);
	store_copy(t->transaction_date, sizeof(t->transaction_date), res, row, T_DATE);
	store_copy(t->source, sizeof(t->source), res, row, T_SOURCE);
	t->confidence = (int)store_i64(res, row, T_CONF);
	store_copy(t->categorized_by, sizeof(t->categorized_by), res, row, T_BY);
	t->import_id = store_text(st, res, row, T_IMPORT);
	store_copy(t->kind, sizeof(t->kind), res, row, T_KIND);
	store_copy(t->subcategory, sizeof(t->subcategory), res, row, T_SUB);
	t->external_id = store_text(st, res, row, T_EXT);
	store_ts(t->created_at, sizeof(t->created_at), res, row, T_CREATED);
	t->cursor_us = store_i64(res, row, T_CREATED);
	return t->description == NULL || t->merchant_key == NULL ? -1 : 0;
}

static const char *
txn_kind_param(const struct txn *t)
{
	return t->kind[0] ? t->kind : strcmp(t->category, "income") == 0 ? "income" : "spending";
}

int
store_txn_insert(struct store *st, const struct txn *t, struct txn *out)
{
	const char *params[17] = { st->client, t->id, t->user_id,
	    store_int_param(st, t->amount_cents), t->currency, t->category,
	    t->description ? t->description : "", t->merchant,
	    t->merchant_key ? t->merchant_key : "", t->transaction_date, t->source,
	    store_int_param(st, t->confidence), t->categorized_by, t->import_id,
	    txn_kind_param(t), t->subcategory[0] ? t->subcategory : NULL, t->external_id };

	return store_one(st, &txn_insert, 17, params, decode, out) == 1 ? 0 : -1;
}

int
store_txn_insert_for(struct store *st, const char *user, const struct txn *t, int taught,
    struct txn *out)
{
	const char *params[18] = { st->client, t->id, user,
	    store_int_param(st, t->amount_cents), t->currency[0] ? t->currency : NULL,
	    t->category, t->description ? t->description : "", t->merchant,
	    t->merchant_key ? t->merchant_key : "", t->transaction_date, t->source,
	    store_int_param(st, t->confidence), t->categorized_by, t->import_id,
	    taught ? "t" : "f", txn_kind_param(t), t->subcategory[0] ? t->subcategory : NULL,
	    t->external_id };
	const char *again[3] = { st->client, user, t->external_id };
	int	 rc;

	if ((rc = store_one(st, &txn_insert_for, 18, params, decode, out)) != 0 ||
	    t->external_id == NULL)
		return rc;
	/* Nothing inserted: no such user, or the external_id is taken. */
	if ((rc = store_one(st, &txn_by_external, 3, again, decode, out)) == 1)
		out->existing = 1;
	return rc;
}

int
store_txn_get(struct store *st, const char *user, const char *id, struct txn *out)
{
	const char *params[3] = { st->client, user, id };

	return store_one(st, &txn_get, 3, params, decode, out);
}

int
store_txn_list(struct store *st, const char *user, const struct txn_filter *f,
    const struct store_page *pg, struct txn *rows, size_t *n, int *has_more)
{
	const char *filter[8] = { user, f->from, f->to, f->category, f->source, f->kind,
	    f->subcategory, f->external_id };

	return store_list(st, &txn_list, filter, 8, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_txn_update(struct store *st, const char *user, const char *id,
    const struct txn_fields *f, struct txn *out)
{
	const char *params[17] = { st->client, user, id,
	    f->has_category ? "t" : "f", f->category,
	    f->has_description ? "t" : "f", f->description,
	    f->has_amount ? "t" : "f", f->has_amount ? store_int_param(st, f->amount_cents) : NULL,
	    f->has_date ? "t" : "f", f->transaction_date,
	    f->merchant, f->merchant_key,
	    f->has_kind ? "t" : "f", f->kind,
	    f->has_subcategory ? "t" : "f", f->subcategory };

	return store_one(st, &txn_update, 17, params, decode, out);
}

int
store_txn_delete(struct store *st, const char *user, const char *id)
{
	const char *params[3] = { st->client, user, id };
	int	 rows = 0;

	if (store_exec(st, &txn_delete, 3, params, &rows) == -1)
		return -1;
	return rows > 0;
}

static int
decode_rule(struct store *st, PGresult *res, int row, void *out)
{
	struct txn_rule *r = out;

	r->merchant_key = store_text(st, res, row, 0);
	store_copy(r->category, sizeof(r->category), res, row, 1);
	store_copy(r->subcategory, sizeof(r->subcategory), res, row, 2);
	store_copy(r->kind, sizeof(r->kind), res, row, 3);
	return r->merchant_key == NULL ? -1 : 0;
}

int
store_txn_rules(struct store *st, const char *user, struct txn_rule *rows, size_t max,
    size_t *n)
{
	const char *params[3] = { st->client, user, store_int_param(st, (int64_t)max) };

	return store_rows(st, &rules_get, 3, params, decode_rule, rows, sizeof(*rows), max, n);
}

int
store_txn_teach(struct store *st, const char *user, const char *merchant_key,
    const char *category, const char *subcategory, const char *kind)
{
	const char *params[6] = { st->client, user, merchant_key, category, subcategory,
	    kind };

	return store_exec(st, &rule_upsert, 6, params, NULL);
}

/* One row of txn_spending; the first date travels in the row (window function). */
struct sum_row {
	struct txn_sum	 sum;
	char		 first[11];
};

static int
decode_sum(struct store *st, PGresult *res, int row, void *out)
{
	struct sum_row *s = out;

	(void)st;
	store_copy(s->sum.category, sizeof(s->sum.category), res, row, 0);
	s->sum.cents = store_i64(res, row, 1);
	s->sum.count = store_i64(res, row, 2);
	store_copy(s->first, sizeof(s->first), res, row, 3);
	return 0;
}

int
store_txn_spending(struct store *st, const char *user, const char *currency,
    const char *from, const char *to, const char *category, struct txn_sum *rows,
    size_t max, size_t *n, char first_date[11])
{
	struct sum_row	 tmp[16];
	const char	*params[7] = { st->client, user, currency, from, to, category,
	    store_int_param(st, (int64_t)(max < 16 ? max : 16)) };
	size_t		 i;

	first_date[0] = '\0';
	if (store_rows(st, &txn_spending, 7, params, decode_sum, tmp, sizeof(tmp[0]),
	    max < 16 ? max : 16, n) == -1)
		return -1;
	for (i = 0; i < *n; i++)
		rows[i] = tmp[i].sum;
	if (*n > 0)
		memcpy(first_date, tmp[0].first, 11);
	return 0;
}

static int
decode_agg(struct store *st, PGresult *res, int row, void *out)
{
	struct txn_agg *a = out;

	(void)st;
	store_copy(a->key, sizeof(a->key), res, row, 0);
	store_copy(a->key2, sizeof(a->key2), res, row, 1);
	a->cents = store_i64(res, row, 2);
	a->count = store_i64(res, row, 3);
	return 0;
}

int
store_txn_aggregate(struct store *st, const char *user, const char *currency,
    const struct txn_agg_q *q, struct txn_agg *rows, size_t max, size_t *n)
{
	const char *params[13] = { st->client, user, currency, q->from, q->to,
	    q->kind ? q->kind : "spending", q->category, q->subcategory, q->merchant,
	    q->merchant_key, q->group_by ? q->group_by : "",
	    q->then_by ? q->then_by : "", store_int_param(st, (int64_t)max) };

	*n = 0;
	if (q->from == NULL || q->to == NULL)
		return -1;
	return store_rows(st, &txn_aggregate, 13, params, decode_agg, rows, sizeof(*rows),
	    max, n);
}

int
store_txn_find(struct store *st, const char *user, const struct txn_query *q,
    struct txn *rows, size_t max, size_t *n)
{
	const char *params[10] = { st->client, user, q->from, q->to, q->category,
	    q->kind ? q->kind : "all", q->search, q->subcategory, q->merchant_key,
	    store_int_param(st, (int64_t)max) };

	return store_rows(st, &txn_find, 10, params, decode, rows, sizeof(*rows), max, n);
}

int
store_txn_seen(struct store *st, const char *user, const char *from, const char *to,
    struct txn_seen **rows, size_t *n)
{
	const char *params[4] = { st->client, user, from, to };
	PGresult *res;
	int	 i, nt, rc = 0;

	*rows = NULL;
	*n = 0;
	if ((res = db_run(st->db, &txn_seen, 4, params)) == NULL)
		return -1;
	nt = PQntuples(res);
	if (nt > 0 && (*rows = pool_alloc(st->pool, sizeof(**rows) * (size_t)nt)) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < nt; i++) {
		struct txn_seen *t = &(*rows)[i];

		store_copy(t->date, sizeof(t->date), res, i, 0);
		t->amount_cents = store_i64(res, i, 1);
		t->description = store_text(st, res, i, 2);
		t->external_id = store_text(st, res, i, 3);
		store_copy(t->kind, sizeof(t->kind), res, i, 4);
		if (t->description == NULL)
			rc = -1;
	}
	if (rc == 0)
		*n = (size_t)nt;
	PQclear(res);
	return rc;
}

int
store_txn_import_movers(struct store *st, const char *user, const char *import_id,
    const char ***ids, size_t *n)
{
	const char *params[3] = { st->client, user, import_id };
	PGresult *res;
	int	 i, nt, rc = 0;

	*ids = NULL;
	*n = 0;
	if ((res = db_run(st->db, &txn_import_movers, 3, params)) == NULL)
		return -1;
	nt = PQntuples(res);
	if (nt > 0 && (*ids = pool_alloc(st->pool, sizeof(**ids) * (size_t)nt)) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < nt; i++)
		if (((*ids)[i] = store_text(st, res, i, 0)) == NULL)
			rc = -1;
	if (rc == 0)
		*n = (size_t)nt;
	PQclear(res);
	return rc;
}

int
store_txn_insert_many(struct store *st, const char *user, const char *source,
    const struct txn *t, const int *taught, size_t n, struct txn *out, size_t *nout)
{
	enum { A_ID, A_AMOUNT, A_CUR, A_CAT, A_DESC, A_MERCHANT, A_KEY, A_DATE, A_CONF, A_BY,
	    A_IMPORT, A_KIND, A_SUB, A_EXT, A_TAUGHT, A_N };
	const char	**col[A_N], *params[3 + A_N];
	size_t		 i, k;

	*nout = 0;
	if (n == 0)
		return 0;
	for (k = 0; k < A_N; k++)
		if ((col[k] = pool_alloc(st->pool, sizeof(*col[k]) * n)) == NULL)
			return -1;
	for (i = 0; i < n; i++) {
		col[A_ID][i] = t[i].id;
		col[A_AMOUNT][i] = store_int_param(st, t[i].amount_cents);
		col[A_CUR][i] = t[i].currency[0] ? t[i].currency : NULL;
		col[A_CAT][i] = t[i].category;
		col[A_DESC][i] = t[i].description ? t[i].description : "";
		col[A_MERCHANT][i] = t[i].merchant;
		col[A_KEY][i] = t[i].merchant_key ? t[i].merchant_key : "";
		col[A_DATE][i] = t[i].transaction_date;
		col[A_CONF][i] = store_int_param(st, t[i].confidence);
		col[A_BY][i] = t[i].categorized_by;
		col[A_IMPORT][i] = t[i].import_id;
		col[A_KIND][i] = txn_kind_param(&t[i]);
		col[A_SUB][i] = t[i].subcategory[0] ? t[i].subcategory : NULL;
		col[A_EXT][i] = t[i].external_id;
		col[A_TAUGHT][i] = taught[i] ? "t" : "f";
		if (col[A_AMOUNT][i] == NULL || col[A_CONF][i] == NULL)
			return -1;
	}
	params[0] = st->client;
	params[1] = user;
	params[2] = source;
	for (k = 0; k < A_N; k++)
		if ((params[3 + k] = store_array_param(st, col[k], n)) == NULL)
			return -1;
	return store_rows(st, &txn_insert_many, 3 + A_N, params, decode, out, sizeof(*out), n,
	    nout);
}
