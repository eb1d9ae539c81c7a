/*
 * h_transactions.c: a user's transactions. POST takes a structured record, a
 * batch of up to 500 (all or nothing), or a text submission; the service
 * categorises and stores them.
 */
#include "config.h"

#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "api/h_imports.h"
#include "api/h_transactions.h"
#include "core/currency.h"
#include "core/pool.h"
#include "domain/categorize.h"
#include "domain/txtparse.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_txn.h"

#define MAX_AMOUNT_CENTS	100000000000000LL	/* 10^12 major units */

static const char *const sources[] = { "api_text", "api_image", "api_pdf", "api_spreadsheet",
	"api_json", "whatsapp_text", "whatsapp_image", "whatsapp_document", NULL };

/* A transaction on the wire (DESIGN §2), in the contract's field order. */
#define TXN_FIELD(key, kind, member)	{ key, kind, offsetof(struct txn, member), 0 }
static const struct json_field txn_fields[] = {
	TXN_FIELD("id", JF_CHARS, id),
	TXN_FIELD("user_id", JF_CHARS, user_id),
	TXN_FIELD("amount_cents", JF_I64, amount_cents),
	TXN_FIELD("currency", JF_CHARS, currency),
	TXN_FIELD("category", JF_CHARS, category),
	TXN_FIELD("subcategory", JF_CHARS_OR_NULL, subcategory),
	TXN_FIELD("kind", JF_CHARS, kind),
	TXN_FIELD("description", JF_TEXT_OR_NULL, description),
	TXN_FIELD("merchant", JF_TEXT_OR_NULL, merchant),
	TXN_FIELD("transaction_date", JF_CHARS, transaction_date),
	TXN_FIELD("source", JF_CHARS, source),
	{ "ai_confidence", JF_INT_DECIMAL, offsetof(struct txn, confidence), 3 },
	TXN_FIELD("categorized_by", JF_CHARS, categorized_by),
	TXN_FIELD("import_id", JF_TEXT_OR_NULL, import_id),
	TXN_FIELD("external_id", JF_TEXT_OR_NULL, external_id),
	TXN_FIELD("created_at", JF_CHARS, created_at),
};
#define TXN_NFIELDS	(sizeof(txn_fields) / sizeof(txn_fields[0]))

struct json_object *
txn_json(const struct txn *t)
{
	return json_fields_object(t, txn_fields, TXN_NFIELDS);
}

/*
 * The recorded transactions, as a list: 201 when any is new, 200 when every
 * one was already stored under its external_id (nothing was recorded).
 */
static int
answer_created(struct oz_req *r, const struct txn *rows, size_t n)
{
	struct json_object *out = json_object_new_array();
	size_t	 i, fresh = 0;

	for (i = 0; i < n; i++) {
		json_object_array_add(out, txn_json(&rows[i]));
		fresh += !rows[i].existing;
	}
	if (json_out_list(r, out, 0, NULL) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "cannot render the response");
	r->resp.status = fresh > 0 ? 201 : 200;
	return 0;
}

static int
is_category(const char *s)
{
	enum category c;

	return category_parse(s, &c) == 0;
}

static int
is_kind(const char *s)
{
	enum txn_kind k;

	return kind_parse(s, &k) == 0;
}

/* 1 if s is a subcategory of category (any category when NULL). */
static int
fits_category(const char *sub, const char *category)
{
	enum category c;

	if (category == NULL)
		return subcategory_category(sub, &c) == 0;
	return category_parse(category, &c) == 0 && subcategory_of(sub, c);
}

/* Printable ASCII, no spaces at either end: what a bank feed's id looks like. */
static int
valid_external_id(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n == 0 || n > 128 || s[0] == ' ' || s[n - 1] == ' ')
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

/* Validate one structured record; details are named "<prefix>field". */
static void
read_record(struct oz_req *r, struct json_object *o, const char *prefix, struct txn_in *t)
{
	static const char *const allowed[] = { "amount_cents", "currency", "description",
	    "transaction_date", "category", "subcategory", "kind", "external_id", NULL };
	/* The prefix (< 32 bytes) and a field name (<= 64, v_known_fields): never cut. */
	char	 f[128];
	size_t	 before = r->err.ndetails, i;

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
	    !is_category(t->category))
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	if (v_string(r, o, "kind", 1, 24, &t->kind, NULL) == 1 && !is_kind(t->kind))
		oz_fail_detail(r, "kind", "must be one of spending, income, refund, transfer, debt_payment, "
		    "savings_contribution, fee");
	if (v_string(r, o, "subcategory", 1, 23, &t->subcategory, NULL) == 1 &&
	    !fits_category(t->subcategory, t->category && is_category(t->category) ?
	    t->category : NULL))
		oz_fail_detail(r, "subcategory", t->category ? "must be a subcategory of the "
		    "category (GET /v1/categories lists them)" :
		    "must be a subcategory of GET /v1/categories");
	/* a subcategory alone says its category */
	if (t->subcategory && t->category == NULL && fits_category(t->subcategory, NULL)) {
		enum category c;

		if (subcategory_category(t->subcategory, &c) == 0)
			t->category = category_name(c);
	}
	if (v_string(r, o, "external_id", 1, 128, &t->external_id, NULL) == 1 &&
	    !valid_external_id(t->external_id))
		oz_fail_detail(r, "external_id", "must be 1 to 128 printable ASCII characters, "
		    "without spaces at either end");
	/* Prefix the new details with the item's place in the batch. */
	for (i = before; *prefix && i < r->err.ndetails; i++) {
		snprintf(f, sizeof(f), "%s%s", prefix, r->err.details[i].field);
		r->err.details[i].field = pool_strdup(&r->pool, f);
	}
}

/* Validate a {"type":"text","content":…} submission (documents: h_imports.c). */
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
	return v_done(r);
}

/* 1 if the JSON body is a document submission (type image, pdf or spreadsheet). */
static int
is_document_submission(struct json_object *o)
{
	static const char *const types[] = { "image", "pdf", "spreadsheet", NULL };
	struct json_object *t;

	return json_object_object_get_ex(o, "type", &t) &&
	    json_object_is_type(t, json_type_string) &&
	    v_is_one_of(json_object_get_string(t), types);
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
	struct json_object *arr;
	struct txn_in	*items;
	struct txn	*out;
	struct svc	 s;
	const char	*content = NULL;
	size_t		 n = 0;

	/* a document: base64 in JSON, multipart, or the raw document */
	if (r->json == NULL || is_document_submission(r->json))
		return h_txn_document(app, r);
	/* the larger limit of this route is for documents only */
	if ((int64_t)r->body_len > app->cfg->max_json_body)
		return oz_fail(r, OZ_PAYLOAD_TOO_LARGE, "a JSON body without a document must "
		    "not exceed max_json_body bytes");
	items = pool_alloc(&r->pool, sizeof(*items) * TXN_BATCH_MAX);
	out = pool_alloc(&r->pool, sizeof(*out) * TXN_BATCH_MAX);
	if (items == NULL || out == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	app_svc(app, r, &s);
	if (json_object_object_get_ex(r->json, "transactions", &arr)) {
		if (read_batch(r, arr, items, &n) == -1)
			return -1;
	} else if (json_object_object_get_ex(r->json, "type", NULL) ||
	    json_object_object_get_ex(r->json, "content", NULL)) {
		if (read_submission(r, &content) == -1 ||
		    svc_txn_record_text(&s, r->params[0], content, "api_text", out,
		    TXN_BATCH_MAX, &n) == -1)
			return -1;
		return answer_created(r, out, n);
	} else {
		read_record(r, r->json, "", &items[0]);
		if (v_done(r) == -1)
			return -1;
		n = 1;
	}
	if (svc_txn_record(&s, r->params[0], items, n, "api_json", out) == -1)
		return -1;
	return answer_created(r, out, n);
}

int
h_txn_list(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { "from", "to", "category", "source", "kind",
	    "subcategory", "external_id", NULL };
	struct txn_filter f;
	struct txn	*rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	f.from = http_req_query(r, "from", NULL);
	f.to = http_req_query(r, "to", NULL);
	f.category = http_req_query(r, "category", NULL);
	f.source = http_req_query(r, "source", NULL);
	f.kind = http_req_query(r, "kind", NULL);
	f.subcategory = http_req_query(r, "subcategory", NULL);
	f.external_id = http_req_query(r, "external_id", NULL);
	if (f.kind && !is_kind(f.kind))
		oz_fail_detail(r, "kind", "must be one of spending, income, refund, transfer, debt_payment, "
		    "savings_contribution, fee");
	if (f.subcategory && !fits_category(f.subcategory, NULL))
		oz_fail_detail(r, "subcategory", "must be a subcategory of GET /v1/categories");
	if (f.external_id && !valid_external_id(f.external_id))
		oz_fail_detail(r, "external_id", "must be 1 to 128 printable ASCII characters");
	if (f.from && !v_is_date(f.from))
		oz_fail_detail(r, "from", "must be a real date YYYY-MM-DD");
	if (f.to && !v_is_date(f.to))
		oz_fail_detail(r, "to", "must be a real date YYYY-MM-DD");
	if (f.from && f.to && v_is_date(f.from) && v_is_date(f.to) && strcmp(f.from, f.to) > 0)
		oz_fail_detail(r, "to", "must not be before from");
	if (f.category && !is_category(f.category))
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	if (f.source && !v_is_one_of(f.source, sources))
		oz_fail_detail(r, "source", "is not a known source");
	if (page_list_begin(app, r, "txns", filters, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_txn_list(&s, r->params[0], &f, &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer_fields(app, r, &pg, rows, n, sizeof(*rows), txn_fields, TXN_NFIELDS,
	    PAGE_ROW_FIELDS(struct txn), more);
}

int
h_txn_get(struct oz_app *app, struct oz_req *r)
{
	struct txn	 t;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_txn_get(&s, r->params[0], r->params[1], &t) == -1)
		return -1;
	return json_out_object(r, 200, "transaction", txn_json(&t));
}

int
h_txn_update(struct oz_app *app, struct oz_req *r)
{
	static const char *const allowed[] = { "category", "subcategory", "kind", "description",
	    "amount_cents", "transaction_date", NULL };
	int	 sub_null = 0;
	struct json_object *o = r->json;
	struct txn_fields f;
	struct txn	 t;
	struct svc	 s;

	memset(&f, 0, sizeof(f));
	v_known_fields(r, o, allowed);
	if ((f.has_category = v_string(r, o, "category", 1, 20, &f.category, NULL) == 1) &&
	    !is_category(f.category))
		oz_fail_detail(r, "category", "must be one of the categories of GET /v1/categories");
	if ((f.has_kind = v_string(r, o, "kind", 1, 24, &f.kind, NULL) == 1) && !is_kind(f.kind))
		oz_fail_detail(r, "kind", "must be one of spending, income, refund, transfer, debt_payment, "
		    "savings_contribution, fee");
	f.has_subcategory = v_string(r, o, "subcategory", 1, 23, &f.subcategory, &sub_null) == 1 ||
	    sub_null;
	if (f.subcategory && !fits_category(f.subcategory, NULL))
		oz_fail_detail(r, "subcategory", "must be a subcategory of GET /v1/categories");
	f.has_description = v_string(r, o, "description", 0, 60, &f.description, NULL) == 1;
	f.has_amount = v_int(r, o, "amount_cents", 1, MAX_AMOUNT_CENTS, &f.amount_cents,
	    NULL) == 1;
	f.has_date = v_date(r, o, "transaction_date", &f.transaction_date, NULL) == 1;
	if (v_done(r) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_txn_update(&s, r->params[0], r->params[1], &f, &t) == -1)
		return -1;
	return json_out_object(r, 200, "transaction", txn_json(&t));
}

int
h_txn_delete(struct oz_app *app, struct oz_req *r)
{
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_txn_delete(&s, r->params[0], r->params[1]) == -1)
		return -1;
	return http_no_content(r);
}

int
h_categories(struct oz_app *app, struct oz_req *r)
{
	struct json_object *arr = json_object_new_array();
	int	 c;

	const struct subcat_info *sub;
	size_t	 i, nsub;

	(void)app;
	sub = subcategories(&nsub);
	for (c = 0; c < CAT_COUNT; c++) {
		struct json_object *o = json_object_new_object(), *subs = json_object_new_array();

		json_object_object_add(o, "id", json_object_new_string(category_name((enum category)c)));
		json_object_object_add(o, "object", json_object_new_string("category"));
		json_object_object_add(o, "name", json_object_new_string(category_name((enum category)c)));
		json_object_object_add(o, "description",
		    json_object_new_string(category_description((enum category)c)));
		for (i = 0; i < nsub; i++) {
			struct json_object *so;

			if (sub[i].category != (enum category)c)
				continue;
			so = json_object_new_object();
			json_object_object_add(so, "name", json_object_new_string(sub[i].name));
			json_object_object_add(so, "description",
			    json_object_new_string(sub[i].description));
			json_object_array_add(subs, so);
		}
		json_object_object_add(o, "subcategories", subs);
		json_object_array_add(arr, o);
	}
	return json_out_list(r, arr, 0, NULL);
}
