/* store_txn.c: the transactions and category_rules tables (store_txn.h). */
#include "config.h"

#include <string.h>

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
	X(T_CREATED, STORE_US("created_at"))

enum { TXN_COLUMNS(STORE_COL_ENUM) T_NCOLS };
#define TXN_COLS TXN_COLUMNS(STORE_COL_SQL) "1"

static struct db_stmt txn_insert = { "txn_insert",
	"INSERT INTO transactions (client_id, id, user_id, amount_cents, currency, category,"
	" description, merchant, merchant_key, transaction_date, source, ai_confidence,"
	" categorized_by, import_id) VALUES ($1, $2, $3, $4::bigint, $5, $6, $7, $8, $9,"
	" $10::date, $11, $12::numeric / 1000, $13, $14) RETURNING " TXN_COLS, 0, 0 };
/*
 * One transaction for the user $3 names (STORE_USER), in the user's currency
 * unless $5 says; a merchant the user taught ($9, when $15 lets rules
 * decide) overrides the rules' category $6 with confidence 0.95.
 */
static struct db_stmt txn_insert_for = { "txn_insert_for",
	"INSERT INTO transactions (client_id, id, user_id, amount_cents, currency, category,"
	" description, merchant, merchant_key, transaction_date, source, ai_confidence,"
	" categorized_by, import_id) SELECT $1, $2, u.id, $4::bigint, coalesce($5, u.currency),"
	" coalesce(r.category, $6), $7, $8, $9, $10::date, $11,"
	" CASE WHEN r.category IS NULL THEN $12::numeric / 1000 ELSE 0.950 END, $13, $14"
	" FROM users u LEFT JOIN category_rules r ON $15::boolean AND $9 <> ''"
	" AND r.client_id = u.client_id AND r.user_id = u.id AND r.merchant_key = $9"
	" WHERE u.client_id = $1 AND u.id = " STORE_USER("$3") " RETURNING " TXN_COLS, 0, 0 };
static struct db_stmt txn_get = { "txn_get",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1 AND user_id = " STORE_USER("$2")
	" AND id = $3", 1, 0 };
static struct db_stmt txn_list = { "txn_list",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1"
	" AND user_id = " STORE_USER("$2")
	" AND ($3::date IS NULL OR transaction_date >= $3::date)"
	" AND ($4::date IS NULL OR transaction_date <= $4::date)"
	" AND ($5::text IS NULL OR category = $5) AND ($6::text IS NULL OR source = $6)"
	" AND " STORE_BEFORE("created_at", "id", "$7", "$8")
	" ORDER BY created_at DESC, id DESC LIMIT $9::integer", 1, 0 };
/* A category from the user is final: categorized_by user, confidence 1. */
static struct db_stmt txn_update = { "txn_update",
	"UPDATE transactions SET"
	" category = CASE WHEN $4::boolean THEN $5 ELSE category END,"
	" categorized_by = CASE WHEN $4::boolean THEN 'user' ELSE categorized_by END,"
	" ai_confidence = CASE WHEN $4::boolean THEN 1 ELSE ai_confidence END,"
	" description = CASE WHEN $6::boolean THEN $7 ELSE description END,"
	" merchant = CASE WHEN $6::boolean THEN $12 ELSE merchant END,"
	" merchant_key = CASE WHEN $6::boolean THEN coalesce($13, '') ELSE merchant_key END,"
	" amount_cents = CASE WHEN $8::boolean THEN $9::bigint ELSE amount_cents END,"
	" transaction_date = CASE WHEN $10::boolean THEN $11::date ELSE transaction_date END"
	" WHERE client_id = $1 AND user_id = $2 AND id = $3 RETURNING " TXN_COLS, 0, 0 };
static struct db_stmt txn_delete = { "txn_delete",
	"DELETE FROM transactions WHERE client_id = $1 AND user_id = $2 AND id = $3", 0, 0 };
static struct db_stmt rules_get = { "rules_get",
	"SELECT merchant_key, category FROM category_rules WHERE client_id = $1"
	" AND user_id = $2 ORDER BY updated_at DESC LIMIT $3::integer", 1, 0 };
static struct db_stmt rule_upsert = { "rule_upsert",
	"INSERT INTO category_rules (client_id, user_id, merchant_key, category)"
	" VALUES ($1, $2, $3, $4) ON CONFLICT (client_id, user_id, merchant_key)"
	" DO UPDATE SET category = EXCLUDED.category, updated_at = clock_timestamp()", 0, 0 };
/* $6: one category (and income) or all; largest first. */
static struct db_stmt txn_spending = { "txn_spending",
	"SELECT category, sum(amount_cents)::text, count(*)::text,"
	" (min(min(transaction_date)) OVER ())::text FROM transactions"
	" WHERE client_id = $1 AND user_id = $2 AND currency = $3"
	" AND transaction_date BETWEEN $4::date AND $5::date"
	" AND ($6::text IS NULL OR category IN ($6, 'income'))"
	" GROUP BY category ORDER BY sum(amount_cents) DESC, category LIMIT $7::integer", 1, 0 };
/* $6: spending | income | all; $7: words to find in the description or merchant. */
static struct db_stmt txn_find = { "txn_find",
	"SELECT " TXN_COLS " FROM transactions WHERE client_id = $1"
	" AND user_id = $2 AND ($3::date IS NULL OR transaction_date >= $3::date)"
	" AND ($4::date IS NULL OR transaction_date <= $4::date)"
	" AND ($5::text IS NULL OR category = $5)"
	" AND ($6 = 'all' OR ($6 = 'income') = (category = 'income'))"
	" AND ($7::text IS NULL OR strpos(lower(description || ' ' || coalesce(merchant, '')),"
	" lower($7)) > 0)"
	" ORDER BY transaction_date DESC, created_at DESC, id DESC LIMIT $8::integer", 1, 0 };

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
	store_ts(t->created_at, sizeof(t->created_at), res, row, T_CREATED);
	t->cursor_us = store_i64(res, row, T_CREATED);
	return t->description == NULL || t->merchant_key == NULL ? -1 : 0;
}

int
store_txn_insert(struct store *st, const struct txn *t, struct txn *out)
{
	const char *params[14] = { st->client, t->id, t->user_id,
	    store_int_param(st, t->amount_cents), t->currency, t->category,
	    t->description ? t->description : "", t->merchant,
	    t->merchant_key ? t->merchant_key : "", t->transaction_date, t->source,
	    store_int_param(st, t->confidence), t->categorized_by, t->import_id };

	return store_one(st, &txn_insert, 14, params, decode, out) == 1 ? 0 : -1;
}

int
store_txn_insert_for(struct store *st, const char *user, const struct txn *t, int taught,
    struct txn *out)
{
	const char *params[15] = { st->client, t->id, user,
	    store_int_param(st, t->amount_cents), t->currency[0] ? t->currency : NULL,
	    t->category, t->description ? t->description : "", t->merchant,
	    t->merchant_key ? t->merchant_key : "", t->transaction_date, t->source,
	    store_int_param(st, t->confidence), t->categorized_by, t->import_id,
	    taught ? "t" : "f" };

	return store_one(st, &txn_insert_for, 15, params, decode, out);
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
	const char *filter[5] = { user, f->from, f->to, f->category, f->source };

	return store_list(st, &txn_list, filter, 5, pg, decode, rows, sizeof(*rows), n,
	    has_more);
}

int
store_txn_update(struct store *st, const char *user, const char *id,
    const struct txn_fields *f, struct txn *out)
{
	const char *params[13] = { st->client, user, id,
	    f->has_category ? "t" : "f", f->category,
	    f->has_description ? "t" : "f", f->description,
	    f->has_amount ? "t" : "f", f->has_amount ? store_int_param(st, f->amount_cents) : NULL,
	    f->has_date ? "t" : "f", f->transaction_date,
	    f->merchant, f->merchant_key };

	return store_one(st, &txn_update, 13, params, decode, out);
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
    const char *category)
{
	const char *params[4] = { st->client, user, merchant_key, category };

	return store_exec(st, &rule_upsert, 4, params, NULL);
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

int
store_txn_find(struct store *st, const char *user, const struct txn_query *q,
    struct txn *rows, size_t max, size_t *n)
{
	const char *params[8] = { st->client, user, q->from, q->to, q->category,
	    q->kind ? q->kind : "all", q->search, store_int_param(st, (int64_t)max) };

	return store_rows(st, &txn_find, 8, params, decode, rows, sizeof(*rows), max, n);
}
