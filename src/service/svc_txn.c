/* svc_txn.c: transactions (svc_txn.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/ids.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/txtparse.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_contrib.h"
#include "service/svc_hook.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"
#include "store/store_goal.h"

/*
 * A statement's credit that is the other side of the user's own money
 * moving: a card bill paid (on the card's statement) or money back from
 * savings. It is a transfer: no income, no spending, no goal moved (the
 * debit side, on the other account, is the debt payment or contribution).
 */
static int
own_money_in(const struct txn_in *in, const struct cat_result *cr)
{
	return in->is_credit && (cr->kind == KIND_DEBT_PAYMENT ||
	    cr->kind == KIND_SAVINGS_CONTRIBUTION);
}

/*
 * How a transaction is categorised: what the client says is final
 * (category, kind, subcategory); income is income, unless the text said
 * money came in that is no income, a refund or a transfer ("refund from
 * amazon", "reembolso da farmácia": the rules keep what was refunded); then
 * the rules-as-data categoriser, over which what the user taught for the
 * merchant wins (the store applies that in the insert: *taught says the
 * rules decided the category, so a taught one may override them). Category
 * "income" and kind income go together; a subcategory is kept only under
 * its category.
 */
static void
categorise(const struct txn_in *in, struct txn *t, char *key, size_t keylen,
    struct cat_result *cr, int *taught)
{
	const char	*desc = in->description ? in->description : "";
	enum category	 c;
	enum txn_kind	 k = KIND_SPENDING;

	categorize(desc, cr);
	merchant_key(desc, key, keylen);
	*taught = 0;
	snprintf(t->categorized_by, sizeof(t->categorized_by), "rules");
	if (in->category) {
		snprintf(t->category, sizeof(t->category), "%s", in->category);
		snprintf(t->categorized_by, sizeof(t->categorized_by), "user");
		t->confidence = 1000;
	} else if ((in->kind && strcmp(in->kind, "income") == 0) || (in->is_income &&
	    cr->kind != KIND_REFUND && cr->kind != KIND_TRANSFER && !own_money_in(in, cr))) {
		snprintf(t->category, sizeof(t->category), "income");
		t->confidence = (int)(1000 * (cr->confidence > 0.8 ? cr->confidence : 0.8) + 0.5);
	} else {
		/* the rules' income for what the client says is not income: other */
		c = cr->category == CAT_INCOME && in->kind ? CAT_OTHER : cr->category;
		snprintf(t->category, sizeof(t->category), "%s", category_name(c));
		t->confidence = (int)(1000 * cr->confidence + 0.5);
		*taught = in->kind == NULL && in->subcategory == NULL;
	}
	if (in->kind) {
		snprintf(t->kind, sizeof(t->kind), "%s", in->kind);
		snprintf(t->categorized_by, sizeof(t->categorized_by), "user");
	} else {
		k = strcmp(t->category, "income") == 0 ? KIND_INCOME :
		    cr->kind == KIND_INCOME ? KIND_SPENDING : cr->kind;
		if (own_money_in(in, cr))
			k = KIND_TRANSFER;
		snprintf(t->kind, sizeof(t->kind), "%s", kind_name(k));
	}
	if (in->subcategory)
		snprintf(t->subcategory, sizeof(t->subcategory), "%s", in->subcategory);
	else if (category_parse(t->category, &c) == 0 && subcategory_of(cr->subcategory, c))
		snprintf(t->subcategory, sizeof(t->subcategory), "%s", cr->subcategory);
}

/* A client's kind and category that cannot go together; 0 when they can. */
static int
kind_conflict(struct svc *s, const struct txn_in *items, size_t n)
{
	char	 f[48];
	size_t	 i;
	int	 income_cat, income_kind;

	for (i = 0; i < n; i++) {
		if (items[i].kind == NULL || items[i].category == NULL)
			continue;
		income_cat = strcmp(items[i].category, "income") == 0;
		income_kind = strcmp(items[i].kind, "income") == 0;
		if (income_cat != income_kind) {
			if (n > 1)
				snprintf(f, sizeof(f), "transactions[%zu].kind", i);
			else
				snprintf(f, sizeof(f), "kind");
			svc_detail(s, f, "income goes with category income, and only with it");
		}
	}
	return s->err->ndetails > 0 ?
	    svc_fail(s, OZ_VALIDATION_ERROR, "a kind does not fit its category") : 0;
}

/*
 * Insert every item for the user ref names, inside the caller's database
 * transaction when there is one. 1, 0 when there is no such user (nothing
 * inserted), or -1.
 */
/* 1 if money of this kind moves a goal (svc_contrib). */
static int
moves_goal(const char *kind)
{
	return strcmp(kind, "debt_payment") == 0 || strcmp(kind, "savings_contribution") == 0;
}

/*
 * Whether an item will move a goal, before it is stored: the client's kind,
 * else the rules' (a kind the user taught for the merchant may still differ:
 * insert_all handles that case).
 */
static int
may_move_goal(const struct txn_in *in)
{
	struct cat_result cr;

	if (in->kind)
		return moves_goal(in->kind);
	categorize(in->description ? in->description : "", &cr);
	return cr.kind == KIND_DEBT_PAYMENT || cr.kind == KIND_SAVINGS_CONTRIBUTION;
}

/*
 * A goal move for a transaction already committed on its own (a kind the
 * user taught made it a debt payment or a savings contribution): in a
 * transaction of its own; if that fails, the transaction goes too, so no
 * transaction is left that should have moved a goal and did not.
 */
static int
move_after(struct svc *s, const struct txn *t)
{
	struct oz_error	 saved;

	if (db_begin(s->st.db) == 0 && svc_contrib_txn(s, t, NULL) == 0 &&
	    db_commit(s->st.db) == 0)
		return 0;
	if (s->err->code == OZ_OK)
		(void)svc_db_fail(s);
	db_rollback(s->st.db);
	saved = *s->err;
	(void)store_txn_delete(&s->st, t->user_id, t->id);
	*s->err = saved;
	return -1;
}

/*
 * Insert every item for the user ref names, inside the caller's database
 * transaction when in_tx (else each record on its own). 1, 0 when there is
 * no such user (nothing inserted), or -1.
 */
static int
insert_all(struct svc *s, const char *ref, const struct txn_in *items, size_t n,
    const char *source, int in_tx, struct txn *out)
{
	struct cat_result cr;
	struct txn	 t;
	char		 today[11], key[128];
	size_t		 i;
	int		 taught, rc, locked = 0;

	cal_today(today);
	for (i = 0; i < n; i++) {
		memset(&t, 0, sizeof(t));
		if (svc_new_id(s, "ozz_txn", t.id, sizeof(t.id)) == -1)
			return -1;
		categorise(&items[i], &t, key, sizeof(key), &cr, &taught);
		t.amount_cents = items[i].amount_cents;
		snprintf(t.currency, sizeof(t.currency), "%s",
		    items[i].currency ? items[i].currency : "");
		t.description = items[i].description ? items[i].description : "";
		t.merchant = cr.merchant[0] ? cr.merchant : NULL;
		t.merchant_key = key;
		t.external_id = items[i].external_id;
		t.import_id = items[i].import_id;
		/* a category is only as sure as the reading of what it categorises */
		if (items[i].confidence > 0 && items[i].confidence < 1000)
			t.confidence = t.confidence * items[i].confidence / 1000;
		snprintf(t.transaction_date, sizeof(t.transaction_date), "%s",
		    items[i].date ? items[i].date : today);
		snprintf(t.source, sizeof(t.source), "%s", source);
		if ((rc = store_txn_insert_for(&s->st, ref, &t, taught, &out[i])) == -1)
			return svc_db_fail(s);
		if (rc == 0)
			return 0;
		/* a debt payment or savings contribution moves a goal, once */
		if (out[i].existing || !moves_goal(out[i].kind))
			continue;
		if (!in_tx) {
			if (move_after(s, &out[i]) == -1)
				return -1;
			continue;
		}
		/* the user's goals in one order: two batches never deadlock */
		if (n > 1 && !locked++ && store_goal_lock_all(&s->st, out[i].user_id) == -1)
			return svc_db_fail(s);
		if (svc_contrib_txn(s, &out[i], NULL) == -1)
			return -1;
	}
	return 1;
}

/*
 * insert_all, all or nothing: a batch, or a record that moves a goal, in a
 * transaction; any other single record is one statement. The user is looked
 * up only when the insert found none (an external id on first use is
 * created, then the insert runs again); work PostgreSQL undid for a
 * deadlock runs again once.
 */
static int
insert_atomic(struct svc *s, const char *ref, const struct txn_in *items, size_t n,
    const char *source, struct txn *out)
{
	int	 rc, attempt, in_tx = n > 1 || may_move_goal(&items[0]), retried = 0;

	for (attempt = 0; attempt < 2; attempt++) {
		if (in_tx && db_begin(s->st.db) == -1)
			return svc_db_fail(s);
		rc = insert_all(s, ref, items, n, source, in_tx, out);
		if (rc == 1 && (!in_tx || db_commit(s->st.db) == 0)) {
			svc_subject(s, out[0].user_id);
			svc_an_refresh(s, out[0].user_id);
			return 0;
		}
		if (in_tx)
			db_rollback(s->st.db);
		if (rc != 0 && !retried && db_fault(s->st.db) == DB_FAULT_CONFLICT) {
			retried = 1;
			memset(s->err, 0, sizeof(*s->err));
			attempt--;
			continue;
		}
		if (rc == 1)
			return svc_db_fail(s);		/* the commit failed */
		if (rc == -1)
			return -1;
		/* no such user: an external one is made now, then it goes again */
		if (attempt == 0 && svc_user_after_miss(s, ref) == -1)
			return -1;
	}
	return svc_fail(s, OZ_NOT_FOUND, "no such user");
}

int
svc_txn_record(struct svc *s, const char *ref, const struct txn_in *items, size_t n,
    const char *source, struct txn *out)
{
	if (n == 0 || n > TXN_BATCH_MAX)
		return svc_fail(s, OZ_VALIDATION_ERROR, "a submission holds 1 to 500 transactions");
	if (kind_conflict(s, items, n) == -1)
		return -1;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (insert_atomic(s, ref, items, n, source, out) == -1)
		return -1;
	svc_hook_txns(s, out, n);
	return 0;
}

#define TXN_CHUNK	1000	/* transactions in one statement of an import */

/*
 * One chunk of an import's items in one statement: categorised each, the
 * inserted ones into out (*nout), goals moved for those that move one.
 */
static int
insert_chunk(struct svc *s, const char *user_id, const struct txn_in *items, size_t n,
    const char *source, struct txn *out, size_t *nout, int *locked)
{
	struct cat_result cr;
	struct txn	*t;
	char		 today[11], *key;
	int		*taught;
	size_t		 i;

	t = pool_alloc(s->st.pool, sizeof(*t) * n);
	taught = pool_alloc(s->st.pool, sizeof(*taught) * n);
	if (t == NULL || taught == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	cal_today(today);
	for (i = 0; i < n; i++) {
		memset(&t[i], 0, sizeof(t[i]));
		if (svc_new_id(s, "ozz_txn", t[i].id, sizeof(t[i].id)) == -1 ||
		    (key = pool_alloc(s->st.pool, 128)) == NULL)
			return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
		categorise(&items[i], &t[i], key, 128, &cr, &taught[i]);
		t[i].amount_cents = items[i].amount_cents;
		snprintf(t[i].currency, sizeof(t[i].currency), "%s",
		    items[i].currency ? items[i].currency : "");
		t[i].description = items[i].description ? items[i].description : "";
		t[i].merchant = cr.merchant[0] ? pool_strdup(s->st.pool, cr.merchant) : NULL;
		t[i].merchant_key = key;
		t[i].external_id = items[i].external_id;
		t[i].import_id = items[i].import_id;
		if (items[i].confidence > 0 && items[i].confidence < 1000)
			t[i].confidence = t[i].confidence * items[i].confidence / 1000;
		snprintf(t[i].transaction_date, sizeof(t[i].transaction_date), "%s",
		    items[i].date ? items[i].date : today);
	}
	if (store_txn_insert_many(&s->st, user_id, source, t, taught, n, out, nout) == -1)
		return svc_db_fail(s);
	/* debt payments and savings contributions move a goal, the user's goals locked once */
	for (i = 0; i < *nout; i++) {
		if (!moves_goal(out[i].kind))
			continue;
		if (!(*locked)++ && store_goal_lock_all(&s->st, user_id) == -1)
			return svc_db_fail(s);
		if (svc_contrib_txn(s, &out[i], NULL) == -1)
			return -1;
	}
	return 0;
}

int
svc_txn_record_in_tx(struct svc *s, const char *user_id, const struct txn_in *items,
    size_t n, const char *source, struct txn *out, size_t *nout)
{
	size_t	 i, chunk, got;
	int	 locked = 0;

	*nout = 0;
	if (kind_conflict(s, items, n) == -1)
		return -1;
	for (i = 0; i < n; i += chunk) {
		chunk = n - i < TXN_CHUNK ? n - i : TXN_CHUNK;
		if (insert_chunk(s, user_id, items + i, chunk, source, out + *nout, &got,
		    &locked) == -1)
			return -1;
		*nout += got;
	}
	return 0;
}

/*
 * Parse text into items. No amount at all is UNPROCESSABLE_DOCUMENT; an
 * amount or date that cannot be right is a VALIDATION_ERROR on content.
 */
static int
parse_text(struct svc *s, const struct user *u, const char *text, struct txn_in *items,
    struct txt_item *parsed, size_t *n)
{
	const char	*errmsg = NULL;
	char		 today[11];
	size_t		 i;

	cal_today(today);
	if (txt_parse(text, u->language, u->currency, today, parsed, TXT_MAX_ITEMS, n,
	    &errmsg) == -1) {
		if (errmsg == NULL || txt_error_no_amount(errmsg)) {
			svc_detail(s, "content", errmsg ? errmsg : "no amount found");
			return svc_fail(s, OZ_UNPROCESSABLE_DOCUMENT, errmsg ? errmsg :
			    "no amount found in the text; write it like \"coffee 4.50\"");
		}
		svc_detail(s, "content", errmsg);
		return svc_fail(s, OZ_VALIDATION_ERROR, errmsg);
	}
	for (i = 0; i < *n; i++) {
		memset(&items[i], 0, sizeof(items[i]));
		items[i].amount_cents = parsed[i].amount_cents;
		items[i].currency = parsed[i].currency;
		items[i].description = parsed[i].description;
		items[i].date = parsed[i].date;
		items[i].is_income = parsed[i].is_income;
	}
	return 0;
}

/* Parse and insert, in the caller's transaction or (atomic) one of its own. */
static int
text_items(struct svc *s, const struct user *u, const char *text, const char *kind,
    const char *source, struct txn *out, size_t max, size_t *n, int atomic)
{
	struct txn_in	 items[TXT_MAX_ITEMS];
	struct txt_item	*parsed;
	int		 rc;

	*n = 0;
	if ((parsed = pool_alloc(s->st.pool, sizeof(*parsed) * TXT_MAX_ITEMS)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (parse_text(s, u, text, items, parsed, n) == -1)
		return -1;
	if (*n > max)
		return svc_fail(s, OZ_VALIDATION_ERROR, "the text holds too many transactions");
	if (kind != NULL && *n == 1 && !items[0].is_income)
		items[0].kind = kind;
	if (atomic)
		return insert_atomic(s, u->id, items, *n, source, out);
	if ((rc = insert_all(s, u->id, items, *n, source, 1, out)) == 0)
		return svc_fail(s, OZ_NOT_FOUND, "no such user");
	return rc == 1 ? 0 : -1;
}

int
svc_txn_record_text(struct svc *s, const char *ref, const char *text, const char *source,
    struct txn *out, size_t max, size_t *n)
{
	struct user	 u;

	*n = 0;
	if (svc_user_resolve(s, ref, 1, &u) == -1 ||
	    text_items(s, &u, text, NULL, source, out, max, n, 1) == -1)
		return -1;
	svc_hook_txns(s, out, *n);
	return 0;
}

int
svc_txn_log_text(struct svc *s, const struct user *u, const char *text, const char *kind,
    const char *source, struct txn *out, size_t max, size_t *n)
{
	return text_items(s, u, text, kind, source, out, max, n, 0);
}

static int
not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such transaction");
}

/* The user and a transaction id of theirs (a malformed id is simply not found). */
static int
target(struct svc *s, const char *ref, const char *id, int create, struct user *u)
{
	if (svc_user_resolve(s, ref, create, u) == -1)
		return -1;
	return ids_valid("ozz_txn", id) ? 0 : not_found(s);
}

/*
 * Reads go to the store with the reference as given (one round trip); only
 * when they find nothing is the user resolved, to tell "no such user" (or
 * create an external one on first use) from "none of those".
 */
int
svc_txn_get(struct svc *s, const char *ref, const char *id, struct txn *out)
{
	struct user	 u;
	int		 rc;

	if (!svc_user_ref_ok(ref) || !ids_valid("ozz_txn", id))
		return target(s, ref, id, 1, &u) == -1 ? -1 : not_found(s);
	if ((rc = store_txn_get(&s->st, ref, id, out)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return 0;
	return svc_user_after_miss(s, ref) == -1 ? -1 : not_found(s);
}

int
svc_txn_list(struct svc *s, const char *ref, const struct txn_filter *f,
    const struct store_page *pg, struct txn *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_txn_list(&s->st, ref, f, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}

/*
 * Make a change's category, kind and subcategory agree, reading the
 * transaction as it is when the change leaves one of them as it was.
 */
static int
fit_kind(struct svc *s, const char *ref, const char *id, struct txn_fields *f)
{
	struct txn	 cur;
	enum category	 c;
	const char	*cat;
	int		 rc;

	if (!f->has_category && !f->has_kind && !f->has_subcategory)
		return 0;
	if ((rc = store_txn_get(&s->st, ref, id, &cur)) == -1)
		return svc_db_fail(s);
	if (rc == 0)
		return not_found(s);
	if (f->has_category && !f->has_kind) {
		/* income goes with income; leaving income, money becomes spending */
		if (strcmp(f->category, "income") == 0) {
			f->has_kind = 1;
			f->kind = "income";
		} else if (strcmp(cur.kind, "income") == 0) {
			f->has_kind = 1;
			f->kind = "spending";
		}
	}
	if (f->has_kind && !f->has_category) {
		if (strcmp(f->kind, "income") == 0 && strcmp(cur.category, "income") != 0) {
			f->has_category = 1;
			f->category = "income";
		} else if (strcmp(f->kind, "income") != 0 && strcmp(cur.category, "income") == 0) {
			f->has_category = 1;
			f->category = "other";
		}
	}
	cat = f->has_category ? f->category : cur.category;
	if (f->has_kind && (strcmp(f->kind, "income") == 0) != (strcmp(cat, "income") == 0)) {
		svc_detail(s, "kind", "income goes with category income, and only with it");
		return svc_fail(s, OZ_VALIDATION_ERROR, "a kind does not fit its category");
	}
	if (f->has_category && strcmp(f->category, cur.category) != 0 && !f->has_subcategory) {
		f->has_subcategory = 1;		/* a subcategory of the old category goes */
		f->subcategory = NULL;
	}
	if (f->has_subcategory && f->subcategory != NULL &&
	    (category_parse(cat, &c) == -1 || !subcategory_of(f->subcategory, c))) {
		svc_detail(s, "subcategory", "is not a subcategory of the transaction's category "
		    "(GET /v1/categories lists them)");
		return svc_fail(s, OZ_VALIDATION_ERROR, "a subcategory does not fit its category");
	}
	return 0;
}

/*
 * Take back what transaction t moved, if anything, and move a goal as t now
 * is (the same goal when it still may). In the caller's transaction. 0/-1.
 */
static int
move_goal_again(struct svc *s, const char *user, const struct txn *t)
{
	char	 goal[OZ_ID_MAX];

	if (svc_contrib_undo(s, user, "transaction", t->id, goal) == -1)
		return -1;
	return svc_contrib_txn(s, t, goal[0] ? goal : NULL);
}

int
svc_txn_update(struct svc *s, const char *ref, const char *id, const struct txn_fields *given,
    struct txn *out)
{
	struct txn_fields f = *given;
	struct cat_result cr;
	struct user	 u;
	char		 key[128];
	int		 rc;

	if (target(s, ref, id, 1, &u) == -1)
		return -1;
	if (fit_kind(s, ref, id, &f) == -1)
		return -1;
	/* A new description names a new merchant (a later correction teaches about it). */
	if (f.has_description) {
		categorize(f.description, &cr);
		merchant_key(f.description, key, sizeof(key));
		f.merchant = cr.merchant[0] ? pool_strdup(s->st.pool, cr.merchant) : NULL;
		f.merchant_key = key;
	}
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if ((rc = store_txn_update(&s->st, u.id, id, &f, out)) != 1) {
		db_rollback(s->st.db);
		return rc == 0 ? not_found(s) : svc_db_fail(s);
	}
	/* a new kind or amount takes back what it moved, then moves a goal anew */
	if ((f.has_kind || f.has_amount) && move_goal_again(s, u.id, out) == -1) {
		db_rollback(s->st.db);
		return -1;
	}
	/*
	 * A corrected category, subcategory or kind teaches this user's
	 * categoriser about the merchant: all three as they now are, but a
	 * refund, which is this transaction's story and not the merchant's.
	 */
	if ((f.has_category || f.has_kind || f.has_subcategory) &&
	    out->merchant_key[0] != '\0' &&
	    store_txn_teach(&s->st, u.id, out->merchant_key, out->category,
	    out->subcategory[0] ? out->subcategory : NULL,
	    strcmp(out->kind, "refund") == 0 ? NULL : out->kind) == -1) {
		rc = svc_db_fail(s);
		db_rollback(s->st.db);
		return rc;
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	svc_an_refresh(s, u.id);
	return 0;
}

int
svc_txn_delete(struct svc *s, const char *ref, const char *id)
{
	struct user	 u;
	int		 rc;

	if (target(s, ref, id, 0, &u) == -1)
		return -1;
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if ((rc = store_txn_delete(&s->st, u.id, id)) == -1) {
		rc = svc_db_fail(s);
		db_rollback(s->st.db);
		return rc;
	}
	if (rc == 0) {
		db_rollback(s->st.db);
		return not_found(s);
	}
	/* what it moved goes back with it */
	if (svc_contrib_undo(s, u.id, "transaction", id, NULL) == -1) {
		db_rollback(s->st.db);
		return -1;
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	svc_an_refresh(s, u.id);
	return 0;
}
