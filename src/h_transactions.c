/*
 * h_transactions.c: a user's transactions. POST takes a structured record, a
 * batch of up to 500 (all or nothing), or a text submission parsed by
 * txtparse; every transaction is categorised by the user's own rules first,
 * then by the rules-as-data categoriser.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "categorize.h"
#include "civil.h"
#include "currency.h"
#include "db.h"
#include "h_transactions.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "num.h"
#include "page.h"
#include "txtparse.h"
#include "validate.h"

#define MAX_AMOUNT_CENTS	100000000000000LL	/* 10^12 major units */

enum { T_ID, T_USER, T_AMOUNT, T_CUR, T_CAT, T_DESC, T_MERCHANT, T_DATE, T_SOURCE,
	T_CONF, T_BY, T_IMPORT, T_CREATED, T_CURSOR, T_KEY };

static const char *const sources[] = { "api_text", "api_image", "api_pdf", "api_spreadsheet",
	"api_json", "whatsapp_text", "whatsapp_image", "whatsapp_document", NULL };

/* One transaction to store, from any kind of submission. */
struct txn_in {
	int64_t		 amount_cents;
	const char	*currency;
	const char	*category;	/* given by the client, or NULL */
	const char	*description;
	const char	*date;
	int		 is_income;
};

static struct json_object *
txn_json(PGresult *res, int row)
{
	struct json_object *o = json_object_new_object();
	const char	*errstr;
	int64_t		 amount = 0;

	(void)num_parse_i64z(PQgetvalue(res, row, T_AMOUNT), 0, INT64_MAX, &amount, &errstr);
	json_object_object_add(o, "id", json_str_or_null(db_col(res, row, T_ID)));
	json_object_object_add(o, "user_id", json_str_or_null(db_col(res, row, T_USER)));
	json_object_object_add(o, "amount_cents", json_object_new_int64(amount));
	json_object_object_add(o, "currency", json_str_or_null(db_col(res, row, T_CUR)));
	json_object_object_add(o, "category", json_str_or_null(db_col(res, row, T_CAT)));
	json_object_object_add(o, "description", json_str_or_null(db_col(res, row, T_DESC)));
	json_object_object_add(o, "merchant", json_str_or_null(db_col(res, row, T_MERCHANT)));
	json_object_object_add(o, "transaction_date", json_str_or_null(db_col(res, row, T_DATE)));
	json_object_object_add(o, "source", json_str_or_null(db_col(res, row, T_SOURCE)));
	json_object_object_add(o, "ai_confidence", json_decimal(db_col(res, row, T_CONF)));
	json_object_object_add(o, "categorized_by", json_str_or_null(db_col(res, row, T_BY)));
	json_object_object_add(o, "import_id", json_str_or_null(db_col(res, row, T_IMPORT)));
	json_object_object_add(o, "created_at", json_str_or_null(db_col(res, row, T_CREATED)));
	return o;
}

/* Validate one structured record; details are named "<prefix>field". */
static void
read_record(struct oz_req *r, struct json_object *o, const char *prefix, struct txn_in *t)
{
	static const char *const allowed[] = { "amount_cents", "currency", "description",
	    "transaction_date", "category", NULL };
	char	 f[64];
	size_t	 before = r->err.ndetails, i;
	enum category c;

	memset(t, 0, sizeof(*t));
	if (!json_object_is_type(o, json_type_object)) {
		snprintf(f, sizeof(f), "%.40s", *prefix ? prefix : "transaction");
		if (f[strlen(f) - 1] == '.')
			f[strlen(f) - 1] = '\0';
		oz_fail_detail(r, f, "must be an object");
		return;
	}
	v_known_fields(r, o, allowed);
	if (v_int(r, o, "amount_cents", 1, MAX_AMOUNT_CENTS, &t->amount_cents, NULL) == 0)
		oz_fail_detail(r, "amount_cents", "is required");
	if (v_string(r, o, "currency", 3, 3, &t->currency, NULL) == 1 &&
	    !currency_valid(t->currency))
		oz_fail_detail(r, "currency", "must be an ISO 4217 code such as USD, BRL or EUR");
	v_string(r, o, "description", 0, 60, &t->description, NULL);
	v_date(r, o, "transaction_date", &t->date, NULL);
	if (v_string(r, o, "category", 1, 20, &t->category, NULL) == 1 &&
	    category_parse(t->category, &c) == -1)
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	/* Prefix the new details with the item's place in the batch. */
	for (i = before; *prefix && i < r->err.ndetails; i++) {
		snprintf(f, sizeof(f), "%s%s", prefix, r->err.details[i].name);
		r->err.details[i].name = pool_strdup(&r->pool, f);
	}
}

/* The user's taught categories, merchant_key -> category. */
struct rules {
	PGresult *res;
};

static const char *
rule_for(const struct rules *rl, const char *key)
{
	int i;

	if (rl->res == NULL || key[0] == '\0')
		return NULL;
	for (i = 0; i < PQntuples(rl->res); i++)
		if (strcmp(PQgetvalue(rl->res, i, 0), key) == 0)
			return PQgetvalue(rl->res, i, 1);
	return NULL;
}

static int
insert_one(struct oz_app *app, struct oz_req *r, const struct user_ref *u,
    const struct txn_in *t, const char *source, const char *today, const struct rules *rl,
    struct json_object *out)
{
	struct cat_result cr;
	char	 id[OZ_ID_MAX], amount[24], conf[8], key[128];
	const char *params[13], *category, *by, *taught;
	PGresult *res;

	if (ids_new("ozz_txn", id, sizeof(id)) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
	categorize(t->description ? t->description : "", &cr);
	merchant_key(t->description ? t->description : "", key, sizeof(key));
	if (t->category) {
		category = t->category;		/* the client said so */
		by = "user";
		snprintf(conf, sizeof(conf), "1.000");
	} else if (t->is_income) {
		category = "income";
		by = "rules";
		snprintf(conf, sizeof(conf), "%.3f", cr.confidence > 0.8 ? cr.confidence : 0.8);
	} else if ((taught = rule_for(rl, key)) != NULL) {
		category = taught;		/* learnt from this user's correction */
		by = "rules";
		snprintf(conf, sizeof(conf), "0.950");
	} else {
		category = category_name(cr.category);
		by = "rules";
		snprintf(conf, sizeof(conf), "%.3f", cr.confidence);
	}
	snprintf(amount, sizeof(amount), "%lld", (long long)t->amount_cents);
	params[0] = r->client_id;
	params[1] = id;
	params[2] = u->id;
	params[3] = amount;
	params[4] = t->currency ? t->currency : u->currency;
	params[5] = category;
	params[6] = t->description ? t->description : "";
	params[7] = cr.merchant[0] ? cr.merchant : NULL;
	params[8] = key;
	params[9] = t->date ? t->date : today;
	params[10] = source;
	params[11] = conf;
	params[12] = by;
	if ((res = db_exec(&app->db, DB_TXN_INSERT, 13, params)) == NULL)
		return db_fail(&app->db, r);
	json_object_array_add(out, txn_json(res, 0));
	PQclear(res);
	return 0;
}

/* Validate a {"type":…,"content":…} submission (text only, for now). */
static int
read_submission(struct oz_req *r, const char **content)
{
	static const char *const allowed[] = { "type", "content", "mime_type", NULL };
	static const char *const types[] = { "text", "image", "pdf", "spreadsheet", NULL };
	const char	*type = NULL, *mime = NULL;

	v_known_fields(r, r->json, allowed);
	if (v_enum(r, r->json, "type", types, &type, NULL) == 0)
		oz_fail_detail(r, "type", "is required");
	if (v_text(r, r->json, "content", TXN_TEXT_MAX, content) == 0)
		oz_fail_detail(r, "content", "is required");
	v_string(r, r->json, "mime_type", 1, 100, &mime, NULL);
	if (type && strcmp(type, "text") != 0)
		oz_fail_detail(r, "type", "this server parses text submissions; image, pdf and "
		    "spreadsheet documents are not accepted yet");
	return v_done(r);
}

/*
 * Parse text into items. No amount at all is UNPROCESSABLE_DOCUMENT; an
 * amount or date that cannot be right is a VALIDATION_ERROR on content.
 */
static int
parse_text(struct oz_req *r, const struct user_ref *u, const char *content,
    const char *today, struct txn_in *items, struct txt_item *parsed, size_t *n)
{
	const char	*errmsg = NULL;
	size_t		 i;

	if (txt_parse(content, u->language, u->currency, today, parsed, TXT_MAX_ITEMS, n,
	    &errmsg) == -1) {
		if (errmsg == NULL || txt_error_no_amount(errmsg)) {
			oz_fail_detail(r, "content", errmsg ? errmsg : "no amount found");
			return oz_fail(r, OZ_UNPROCESSABLE_DOCUMENT, errmsg ? errmsg :
			    "no amount found in the text; write it like \"coffee 4.50\"");
		}
		oz_fail_detail(r, "content", errmsg);
		return oz_fail(r, OZ_VALIDATION_ERROR, errmsg);
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

static int
read_batch(struct oz_req *r, struct json_object *arr, struct txn_in *items, size_t *n)
{
	static const char *const allowed[] = { "transactions", NULL };
	char	 prefix[32];
	size_t	 i, len;

	v_known_fields(r, r->json, allowed);
	if (!json_object_is_type(arr, json_type_array)) {
		oz_fail_detail(r, "transactions", "must be an array");
		return v_done(r);
	}
	len = json_object_array_length(arr);
	if (len == 0 || len > TXN_BATCH_MAX) {
		oz_fail_detail(r, "transactions", "must hold 1 to 500 transactions");
		return v_done(r);
	}
	for (i = 0; i < len; i++) {
		snprintf(prefix, sizeof(prefix), "transactions[%zu].", i);
		read_record(r, json_object_array_get_idx(arr, i), prefix, &items[i]);
	}
	*n = len;
	return v_done(r);
}

int
h_txn_create(struct oz_app *app, struct oz_req *r)
{
	static struct txn_in items[TXN_BATCH_MAX];
	static struct txt_item parsed[TXT_MAX_ITEMS];
	struct json_object *arr, *out;
	struct user_ref	 u;
	struct rules	 rl = { NULL };
	const char	*source = "api_json", *params[2];
	char		 today[11];
	size_t		 n = 0, i;
	int		 need_rules = 0;

	civil_today(today);
	if (json_object_object_get_ex(r->json, "transactions", &arr)) {
		if (read_batch(r, arr, items, &n) == -1)
			return -1;
	} else if (json_object_object_get_ex(r->json, "type", NULL) ||
	    json_object_object_get_ex(r->json, "content", NULL)) {
		const char *content = NULL;

		if (read_submission(r, &content) == -1 || user_ref_of(app, r, &u, 1) == -1 ||
		    parse_text(r, &u, content, today, items, parsed, &n) == -1)
			return -1;
		source = "api_text";
	} else {
		read_record(r, r->json, "", &items[0]);
		if (v_done(r) == -1)
			return -1;
		n = 1;
	}
	if (strcmp(source, "api_text") != 0 && user_ref_of(app, r, &u, 1) == -1)
		return -1;
	for (i = 0; i < n; i++)
		need_rules |= items[i].category == NULL;
	params[0] = r->client_id;
	params[1] = u.id;
	if (need_rules && (rl.res = db_exec(&app->db, DB_RULES_GET, 2, params)) == NULL)
		return db_fail(&app->db, r);
	/* All or nothing. */
	if (db_begin(&app->db) == -1) {
		PQclear(rl.res);
		return db_fail(&app->db, r);
	}
	out = json_object_new_array();
	for (i = 0; i < n; i++)
		if (insert_one(app, r, &u, &items[i], source, today, &rl, out) == -1) {
			json_object_put(out);
			PQclear(rl.res);
			db_rollback(&app->db);
			return -1;
		}
	PQclear(rl.res);
	if (db_commit(&app->db) == -1) {
		json_object_put(out);
		return db_fail(&app->db, r);
	}
	if (json_out_list(r, out, 0, NULL) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response");
	r->resp.status = 201;
	return 0;
}

int
txn_store_text(struct oz_app *app, struct oz_req *r, const struct user_ref *u,
    const char *text, const char *source, struct json_object *out)
{
	static struct txn_in items[TXT_MAX_ITEMS];
	static struct txt_item parsed[TXT_MAX_ITEMS];
	struct rules	 rl = { NULL };
	const char	*params[2] = { r->client_id, u->id };
	char		 today[11];
	size_t		 n = 0, i;

	civil_today(today);
	if (parse_text(r, u, text, today, items, parsed, &n) == -1)
		return -1;
	if ((rl.res = db_exec(&app->db, DB_RULES_GET, 2, params)) == NULL)
		return db_fail(&app->db, r);
	for (i = 0; i < n; i++)
		if (insert_one(app, r, u, &items[i], source, today, &rl, out) == -1) {
			PQclear(rl.res);
			return -1;
		}
	PQclear(rl.res);
	return 0;
}

int
h_txn_list(struct oz_app *app, struct oz_req *r)
{
	const char	*from = http_req_query(r, "from", NULL), *to = http_req_query(r, "to", NULL);
	const char	*cat = http_req_query(r, "category", NULL);
	const char	*src = http_req_query(r, "source", NULL);
	const char *const *s;
	const char	*params[9];
	char		 scope[400];
	struct user_ref	 u;
	struct page	 pg;
	enum category	 c;
	PGresult	*res;
	int		 rc;

	if (from && !v_is_date(from))
		oz_fail_detail(r, "from", "must be a real date YYYY-MM-DD");
	if (to && !v_is_date(to))
		oz_fail_detail(r, "to", "must be a real date YYYY-MM-DD");
	if (from && to && v_is_date(from) && v_is_date(to) && strcmp(from, to) > 0)
		oz_fail_detail(r, "to", "must not be before from");
	if (cat && category_parse(cat, &c) == -1)
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	if (src) {
		for (s = sources; *s && strcmp(*s, src) != 0; s++)
			;
		if (*s == NULL)
			oz_fail_detail(r, "source", "is not a known source");
	}
	if (v_done(r) == -1)
		return -1;
	if (user_ref_of(app, r, &u, 1) == -1)
		return -1;
	snprintf(scope, sizeof(scope), "txns|%s|%s|%s|%s|%s|%s", r->client_id, u.id,
	    from ? from : "", to ? to : "", cat ? cat : "", src ? src : "");
	if (page_begin(app, r, scope, &pg) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = from;
	params[3] = to;
	params[4] = cat;
	params[5] = src;
	params[6] = page_ts_param(&pg);
	params[7] = page_id_param(&pg);
	params[8] = pg.limit_plus_one;
	if ((res = db_exec(&app->db, DB_TXN_LIST, 9, params)) == NULL)
		return db_fail(&app->db, r);
	rc = page_render(app, r, &pg, res, txn_json, T_ID, T_CURSOR);
	PQclear(res);
	return rc;
}

/* The user and a transaction id of theirs; NOT_FOUND for anything else. */
static int
txn_target(struct oz_app *app, struct oz_req *r, struct user_ref *u, int create)
{
	if (user_ref_of(app, r, u, create) == -1)
		return -1;
	if (!ids_valid("ozz_txn", r->params[1]))
		return oz_fail(r, OZ_NOT_FOUND, "no such transaction");
	return 0;
}

int
h_txn_get(struct oz_app *app, struct oz_req *r)
{
	const char	*params[3];
	struct user_ref	 u;
	PGresult	*res;
	int		 rc;

	if (txn_target(app, r, &u, 1) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = r->params[1];
	if ((res = db_exec(&app->db, DB_TXN_GET, 3, params)) == NULL)
		return db_fail(&app->db, r);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return oz_fail(r, OZ_NOT_FOUND, "no such transaction");
	}
	rc = json_out_object(r, 200, "transaction", txn_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_txn_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "category", "description", "amount_cents",
	    "transaction_date", NULL };
	struct json_object *o = r->json;
	const char	*category = NULL, *desc = NULL, *date = NULL, *params[13], *rp[4];
	char		 amount[24], key[128];
	struct cat_result cr;
	int64_t		 cents = 0;
	int		 has_amount, rc;
	struct user_ref	 u;
	enum category	 c;
	PGresult	*res, *rule;

	v_known_fields(r, o, allowed);
	if (v_string(r, o, "category", 1, 20, &category, NULL) == 1 &&
	    category_parse(category, &c) == -1)
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	v_string(r, o, "description", 0, 60, &desc, NULL);
	has_amount = v_int(r, o, "amount_cents", 1, MAX_AMOUNT_CENTS, &cents, NULL) == 1;
	v_date(r, o, "transaction_date", &date, NULL);
	if (v_done(r) == -1)
		return -1;
	if (txn_target(app, r, &u, 1) == -1)
		return -1;
	snprintf(amount, sizeof(amount), "%lld", (long long)cents);
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = r->params[1];
	params[3] = category ? "t" : "f";
	params[4] = category;
	params[5] = desc ? "t" : "f";
	params[6] = desc;
	params[7] = has_amount ? "t" : "f";
	params[8] = has_amount ? amount : NULL;
	params[9] = date ? "t" : "f";
	params[10] = date;
	/* A new description names a new merchant (a later correction teaches about it). */
	if (desc) {
		categorize(desc, &cr);
		merchant_key(desc, key, sizeof(key));
	}
	params[11] = desc && cr.merchant[0] ? cr.merchant : NULL;
	params[12] = desc ? key : NULL;
	if (db_begin(&app->db) == -1)
		return db_fail(&app->db, r);
	if ((res = db_exec(&app->db, DB_TXN_UPDATE, 13, params)) == NULL) {
		db_rollback(&app->db);
		return db_fail(&app->db, r);
	}
	if (PQntuples(res) != 1) {
		PQclear(res);
		db_rollback(&app->db);
		return oz_fail(r, OZ_NOT_FOUND, "no such transaction");
	}
	/* A corrected category teaches this user's categoriser about the merchant. */
	if (category && PQgetvalue(res, 0, T_KEY)[0] != '\0') {
		rp[0] = r->client_id;
		rp[1] = u.id;
		rp[2] = PQgetvalue(res, 0, T_KEY);
		rp[3] = category;
		if ((rule = db_exec(&app->db, DB_RULE_UPSERT, 4, rp)) == NULL) {
			PQclear(res);
			db_rollback(&app->db);
			return db_fail(&app->db, r);
		}
		PQclear(rule);
	}
	if (db_commit(&app->db) == -1) {
		PQclear(res);
		return db_fail(&app->db, r);
	}
	rc = json_out_object(r, 200, "transaction", txn_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_txn_delete(struct oz_app *app, struct oz_req *r)
{
	const char	*params[3];
	struct user_ref	 u;

	if (txn_target(app, r, &u, 0) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = u.id;
	params[2] = r->params[1];
	return db_delete_or_404(&app->db, r, DB_TXN_DELETE, 3, params, "transaction");
}

int
h_categories(struct oz_app *app, struct oz_req *r)
{
	struct json_object *arr = json_object_new_array();
	int	 c;

	(void)app;
	for (c = 0; c < CAT_COUNT; c++) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "id", json_object_new_string(category_name((enum category)c)));
		json_object_object_add(o, "object", json_object_new_string("category"));
		json_object_object_add(o, "name", json_object_new_string(category_name((enum category)c)));
		json_object_object_add(o, "description",
		    json_object_new_string(category_description((enum category)c)));
		json_object_array_add(arr, o);
	}
	return json_out_list(r, arr, 0, NULL);
}
