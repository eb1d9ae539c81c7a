/*
 * svc_import.c: documents into transactions (svc_import.h).
 *
 * A synchronous import is one database transaction: the user's imports are
 * serialised (store_import_lock_user), the user's transactions in the
 * document's dates are read once to find duplicates, the import row and its
 * transactions are inserted, and the import is ended with its counts; any
 * failure rolls it all back, so a refused document stores nothing.
 */
#include "config.h"

#include <json-c/json.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "core/b64.h"
#include "core/conf.h"
#include "core/hex.h"
#include "core/ids.h"
#include "core/log.h"
#include "core/pool.h"
#include "core/utf8.h"
#include "doc/doc.h"
#include "domain/calendar.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "service/svc_contrib.h"
#include "service/svc_hook.h"
#include "service/svc_import.h"
#include "service/svc_job.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

#define DESC_MAX_CHARS	60	/* a transaction's description */

static void
sha256_hex(const unsigned char *p, size_t n, char out[65])
{
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 len = 0;

	out[0] = '\0';
	if (EVP_Digest(p, n, md, &len, EVP_sha256(), NULL) != 1)
		return;
	if (len == 32)
		hex_encode(md, 32, out);
}

/* The source of an import's transactions, by format and channel. */
static const char *
source_of(enum doc_format f, const char *channel)
{
	int	 wa = channel != NULL && strcmp(channel, "whatsapp") == 0;

	switch (f) {
	case DOC_FMT_JPEG:
	case DOC_FMT_PNG:
	case DOC_FMT_WEBP:
	case DOC_FMT_TIFF:
		return wa ? "whatsapp_image" : "api_image";
	case DOC_FMT_PDF:
		return wa ? "whatsapp_document" : "api_pdf";
	default:
		return wa ? "whatsapp_document" : "api_spreadsheet";
	}
}

static const char *
kind_of(enum doc_kind k)
{
	return k == DOC_KIND_RECEIPT ? "receipt" : k == DOC_KIND_STATEMENT ? "statement" :
	    "spreadsheet";
}

/* A failed read as the contract's error. -1. */
static int
doc_error(struct svc *s, const struct doc_result *res)
{
	const char *msg = res->error[0] ? res->error : "the document could not be read";

	switch (res->status) {
	case DOC_NOMEM:
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory reading the document");
	default:
		svc_detail(s, "file", msg);
		return svc_fail(s, OZ_UNPROCESSABLE_DOCUMENT, msg);
	}
}

/*
 * How many bytes of text are well-formed UTF-8 from its start, up to max
 * characters (0: no limit) and the NUL: text read from a document is cut
 * there rather than refused whole.
 */
static size_t
valid_prefix(const char *text, size_t max)
{
	size_t	 i = 0, chars = 0, n, k;
	unsigned char c;

	while (text[i] != '\0' && (max == 0 || chars < max)) {
		c = (unsigned char)text[i];
		n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
		    (c & 0xf8) == 0xf0 ? 4 : 0;
		for (k = 1; k < n && text[i + k] != '\0'; k++)
			;
		if (n == 0 || k < n || !utf8_valid(text + i, n))
			break;
		i += n;
		chars++;
	}
	return i;
}

/* text as UTF-8 for JSON and the database, in the pool (cut at a bad byte). */
static const char *
utf8_text(struct pool *pool, const char *text)
{
	return pool_strndup(pool, text, valid_prefix(text, 0));
}

/* The first DESC_MAX_CHARS characters of text (valid UTF-8), in the pool. */
static const char *
clip_desc(struct pool *pool, const char *text)
{
	size_t	 i;

	if (text == NULL)
		return "";
	i = valid_prefix(text, DESC_MAX_CHARS);
	while (i > 0 && text[i - 1] == ' ')
		i--;
	return pool_strndup(pool, text, i);
}

/* Printable ASCII, 1 to 128, no spaces at either end: what external_id takes. */
static const char *
external_id_of(const char *s)
{
	size_t	 i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 128 || s[0] == ' ' || s[n - 1] == ' ')
		return NULL;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return NULL;
	return s;
}

/* ---- Duplicates ---- */

/*
 * The key of a transaction for duplicate detection: its date, its amount,
 * which way the money went (dir: "in", "out", or "either" for a transfer,
 * which may be either), and its description folded (ASCII letters
 * lower-cased, every byte that is no letter or digit dropped; other UTF-8
 * kept), in the pool. The way matters: a card bill paid is money out of
 * the checking account and money in on the card's statement, the same
 * date, amount and words, and both are the user's.
 */
static char *
dup_key(struct pool *pool, const char *date, int64_t amount, const char *dir,
    const char *desc)
{
	char	 head[64], *k;
	size_t	 hn, i, o, dn = strlen(desc);

	hn = (size_t)snprintf(head, sizeof(head), "%s|%lld|%s|", date, (long long)amount, dir);
	if ((k = pool_alloc(pool, hn + dn + 1)) == NULL)
		return NULL;
	memcpy(k, head, hn);
	for (i = 0, o = hn; i < dn; i++) {
		unsigned char c = (unsigned char)desc[i];

		if (c >= 'A' && c <= 'Z')
			k[o++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			k[o++] = (char)c;
	}
	k[o] = '\0';
	return k;
}

/* Which way a logged transaction's money went, by its kind. */
static const char *
dir_of_kind(const char *kind)
{
	if (strcmp(kind, "income") == 0 || strcmp(kind, "refund") == 0)
		return "in";
	return strcmp(kind, "transfer") == 0 ? "either" : "out";
}

/* A counted set of strings: open addressing, in the pool. */
struct dup_set {
	const char	**keys;
	size_t		*counts;
	size_t		 cap;		/* a power of two */
};

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int
set_init(struct pool *pool, struct dup_set *d, size_t want)
{
	d->cap = 16;
	while (d->cap < want * 2)
		d->cap *= 2;
	d->keys = pool_alloc(pool, sizeof(*d->keys) * d->cap);
	d->counts = pool_alloc(pool, sizeof(*d->counts) * d->cap);
	if (d->keys == NULL || d->counts == NULL)
		return -1;
	memset(d->keys, 0, sizeof(*d->keys) * d->cap);
	memset(d->counts, 0, sizeof(*d->counts) * d->cap);
	return 0;
}

/* The slot of key (its own, or the empty one where it would go). */
static size_t
set_slot(const struct dup_set *d, const char *key)
{
	size_t	 i = (size_t)hash_str(key) & (d->cap - 1);

	while (d->keys[i] != NULL && strcmp(d->keys[i], key) != 0)
		i = (i + 1) & (d->cap - 1);
	return i;
}

static void
set_add(struct dup_set *d, const char *key)
{
	size_t	 i = set_slot(d, key);

	d->keys[i] = key;
	d->counts[i]++;
}

static int
set_has(const struct dup_set *d, const char *key)
{
	return d->keys[set_slot(d, key)] != NULL;
}

/* 1 (and one fewer left) if key is in the set, else 0. */
static int
set_take(struct dup_set *d, const char *key)
{
	size_t	 i = set_slot(d, key);

	if (d->keys[i] == NULL || d->counts[i] == 0)
		return 0;
	d->counts[i]--;
	return 1;
}

/* ---- A document's rows as transactions ---- */

struct plan {
	struct txn_in	*items;
	size_t		 n;
	struct json_object *rejected;	/* [{"row","message"}] */
	struct json_object *receipt;	/* a receipt's, or NULL */
};

static void
reject(struct plan *p, struct pool *pool, size_t line, const char *msg)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "row", json_object_new_int64((int64_t)line));
	json_object_object_add(o, "message", json_object_new_string(utf8_text(pool, msg)));
	json_object_array_add(p->rejected, o);
}

static struct json_object *
receipt_json(struct pool *pool, const struct receipt *rc, const char *currency)
{
	struct json_object *o = json_object_new_object(), *items = json_object_new_array();
	size_t	 i;

	json_object_object_add(o, "merchant", rc->merchant[0] ?
	    json_object_new_string(utf8_text(pool, rc->merchant)) : NULL);
	json_object_object_add(o, "date", rc->date[0] ? json_object_new_string(rc->date) : NULL);
	json_object_object_add(o, "total_cents", json_object_new_int64(rc->total_cents));
	json_object_object_add(o, "currency", json_object_new_string(currency));
	for (i = 0; i < rc->nitems; i++) {
		struct json_object *it = json_object_new_object();

		json_object_object_add(it, "description",
		    json_object_new_string(utf8_text(pool, rc->items[i].description)));
		json_object_object_add(it, "amount_cents",
		    json_object_new_int64(rc->items[i].amount_cents));
		if (rc->items[i].quantity_milli > 0)
			json_object_object_add(it, "quantity",
			    json_object_new_double((double)rc->items[i].quantity_milli / 1000.0));
		json_object_array_add(items, it);
	}
	json_object_object_add(o, "items", items);
	return o;
}

/* The one transaction of a receipt. */
static int
plan_receipt(struct svc *s, const struct user *u, const struct doc_result *res,
    const char *today, struct plan *p)
{
	const struct receipt *rc = &res->receipt;
	const char *cur = rc->currency[0] ? rc->currency : u->currency;
	struct txn_in *in = &p->items[0];

	memset(in, 0, sizeof(*in));
	in->amount_cents = rc->total_cents;
	in->currency = pool_strdup(s->st.pool, cur);
	in->description = clip_desc(s->st.pool, rc->merchant[0] ? rc->merchant : "receipt");
	in->date = pool_strdup(s->st.pool, rc->date[0] ? rc->date : today);
	in->confidence = rc->confidence > 0 ? rc->confidence : 1;
	p->receipt = receipt_json(s->st.pool, rc, cur);
	p->n = 1;
	return 0;
}

/*
 * A statement's rows: money out is spending (by the categoriser), money in
 * is income unless it is a refund or a transfer; rows of no amount are
 * rejected.
 */
static void
plan_rows(struct svc *s, const struct user *u, const struct doc_result *res, struct plan *p)
{
	size_t	 i;

	for (i = 0; i < res->nrejects; i++)
		reject(p, s->st.pool, res->rejects[i].line, res->rejects[i].message);
	for (i = 0; i < res->nrows; i++) {
		const struct stmt_row *row = &res->rows[i];
		struct txn_in *in = &p->items[p->n];
		const char *cur = row->currency[0] ? row->currency :
		    res->currency[0] ? res->currency : u->currency;

		if (row->amount_cents == 0) {
			reject(p, s->st.pool, row->line, "the amount is zero");
			continue;
		}
		if (row->amount_cents < -100000000000000LL || row->amount_cents > 100000000000000LL) {
			reject(p, s->st.pool, row->line,
			    "the amount is larger than this server records");
			continue;
		}
		memset(in, 0, sizeof(*in));
		in->amount_cents = row->amount_cents < 0 ? -row->amount_cents : row->amount_cents;
		in->is_income = in->is_credit = row->amount_cents > 0;
		in->currency = pool_strdup(s->st.pool, cur);
		in->description = clip_desc(s->st.pool, row->description);
		in->date = row->date;
		in->external_id = external_id_of(row->external_id);
		p->n++;
	}
}

/*
 * Mark the duplicates: rows whose bank id the user has (or an earlier row
 * had), else whose key matches one of the user's transactions not yet
 * matched. dup[i] set for each; *ndup counted.
 */
static int
find_duplicates(struct svc *s, const char *user, struct plan *p, char *dup, size_t *ndup)
{
	struct txn_seen	*seen;
	struct dup_set	 keys, ext;
	char		 from[11] = "9999-12-31", to[11] = "0000-01-01";
	size_t		 i, nseen;

	*ndup = 0;
	for (i = 0; i < p->n; i++) {
		if (strcmp(p->items[i].date, from) < 0)
			snprintf(from, sizeof(from), "%s", p->items[i].date);
		if (strcmp(p->items[i].date, to) > 0)
			snprintf(to, sizeof(to), "%s", p->items[i].date);
	}
	if (p->n == 0)
		return 0;
	if (store_txn_seen(&s->st, user, from, to, &seen, &nseen) == -1)
		return svc_db_fail(s);
	if (set_init(s->st.pool, &keys, nseen + 1) == -1 ||
	    set_init(s->st.pool, &ext, nseen + p->n) == -1)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	for (i = 0; i < nseen; i++) {
		char *k = dup_key(s->st.pool, seen[i].date, seen[i].amount_cents,
		    dir_of_kind(seen[i].kind), seen[i].description);

		if (k == NULL)
			return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
		set_add(&keys, k);
		if (seen[i].external_id)
			set_add(&ext, seen[i].external_id);
	}
	for (i = 0; i < p->n; i++) {
		const struct txn_in *in = &p->items[i];

		if (in->external_id) {
			/* an id seen before, the user's or an earlier row's */
			dup[i] = (char)set_has(&ext, in->external_id);
			set_add(&ext, in->external_id);
		} else {
			const char *k = dup_key(s->st.pool, in->date, in->amount_cents,
			    in->is_credit ? "in" : "out", in->description);
			const char *e = dup_key(s->st.pool, in->date, in->amount_cents, "either",
			    in->description);

			if (k == NULL || e == NULL)
				return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
			dup[i] = (char)(set_take(&keys, k) || set_take(&keys, e));
		}
		*ndup += dup[i] != 0;
	}
	return 0;
}

/* The document read for the user; -1 with the contract's error. */
static int
read_doc(struct svc *s, const struct user *u, const unsigned char *data, size_t len,
    struct doc_result *res)
{
	struct doc_limits lim;
	char		 today[11];

	doc_limits_default(&lim);
	if (s->cfg != NULL && s->cfg->max_document_body > 0)
		lim.max_bytes = (size_t)s->cfg->max_document_body;
	cal_today(today);
	if (doc_read(data, len, u->language, u->currency, today, &lim, s->st.pool, res) == -1)
		return doc_error(s, res);
	return 0;
}

/* The rows (or receipt) of res as items of a plan. */
static int
make_plan(struct svc *s, const struct user *u, const struct doc_result *res, struct plan *p)
{
	char	 today[11];
	size_t	 cap = res->kind == DOC_KIND_RECEIPT ? 1 : res->nrows;

	memset(p, 0, sizeof(*p));
	cal_today(today);
	if ((p->items = pool_alloc(s->st.pool, sizeof(*p->items) * (cap ? cap : 1))) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	p->rejected = json_object_new_array();
	if (res->kind == DOC_KIND_RECEIPT)
		return plan_receipt(s, u, res, today, p);
	plan_rows(s, u, res, p);
	return 0;
}

static void
plan_free(struct plan *p)
{
	json_object_put(p->rejected);
	json_object_put(p->receipt);
	p->rejected = p->receipt = NULL;
}

/* import.completed or import.failed for the import as it ended. */
static void
import_event(struct svc *s, const char *type, const struct import_rec *rec)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "import_id", json_object_new_string(rec->id));
	json_object_object_add(o, "user_id", json_object_new_string(rec->user_id));
	json_object_object_add(o, "status", json_object_new_string(rec->status));
	json_object_object_add(o, "format", json_object_new_string(rec->format));
	json_object_object_add(o, "transactions_created",
	    json_object_new_int64(rec->transactions_created));
	json_object_object_add(o, "duplicates_skipped",
	    json_object_new_int64(rec->duplicates_skipped));
	if (rec->error_code != NULL)
		json_object_object_add(o, "error_code", json_object_new_string(rec->error_code));
	if (rec->error != NULL)
		json_object_object_add(o, "error", json_object_new_string(rec->error));
	svc_hook_emit(s, type, o);
}

/*
 * Record a plan as the transactions of import rec (inserted first when
 * insert_rec), then end the import completed, in one database transaction.
 * out gets the import as it ends and the transactions made.
 */
static int
record_plan(struct svc *s, const struct user *u, struct import_rec *rec, int insert_rec,
    struct plan *p, struct import_out *out)
{
	struct txn_in	*fresh;
	struct txn	*made;
	char		*dup;
	size_t		 i, nfresh = 0, ndup = 0, room = p->n ? p->n : 1;
	int		 rc;

	dup = pool_alloc(s->st.pool, room);
	fresh = pool_alloc(s->st.pool, sizeof(*fresh) * room);
	made = pool_alloc(s->st.pool, sizeof(*made) * room);
	if (dup == NULL || fresh == NULL || made == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	memset(dup, 0, room);
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	if (store_import_lock_user(&s->st, u->id) == -1 ||
	    (insert_rec && store_import_insert(&s->st, rec, NULL) == -1)) {
		(void)svc_db_fail(s);
		goto fail;
	}
	if (find_duplicates(s, u->id, p, dup, &ndup) == -1)
		goto fail;
	for (i = 0; i < p->n; i++)
		if (!dup[i]) {
			fresh[nfresh] = p->items[i];
			fresh[nfresh++].import_id = rec->id;
		}
	if (svc_txn_record_in_tx(s, u->id, fresh, nfresh, rec->source, made,
	    &out->ncreated) == -1)
		goto fail;
	/* a bank id taken by a transaction dated outside the document's is one too */
	ndup += nfresh - out->ncreated;
	out->created = made;
	rec->transactions_created = (int64_t)out->ncreated;
	rec->duplicates_skipped = (int64_t)ndup;
	snprintf(rec->status, sizeof(rec->status), "completed");
	rec->rows_rejected = json_object_to_json_string_ext(p->rejected, JSON_C_TO_STRING_PLAIN);
	rec->receipt = p->receipt ? json_object_to_json_string_ext(p->receipt,
	    JSON_C_TO_STRING_PLAIN) : NULL;
	if ((rc = store_import_finish(&s->st, rec, &out->rec)) != 1) {
		if (rc == 0)
			(void)svc_fail(s, OZ_NOT_FOUND, "the import was deleted while it ran");
		else
			(void)svc_db_fail(s);
		goto fail;
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	svc_subject(s, u->id);
	svc_an_refresh(s, u->id);
	import_event(s, "import.completed", &out->rec);
	return 0;
fail:
	db_rollback(s->st.db);
	return -1;
}

/* A new import record for the user and document, not yet stored. */
static int
new_record(struct svc *s, const struct user *u, const struct import_doc *d,
    enum doc_format f, const char *status, struct import_rec *rec)
{
	memset(rec, 0, sizeof(*rec));
	if (svc_new_id(s, "ozz_imp", rec->id, sizeof(rec->id)) == -1)
		return -1;
	snprintf(rec->user_id, sizeof(rec->user_id), "%s", u->id);
	snprintf(rec->status, sizeof(rec->status), "%s", status);
	snprintf(rec->format, sizeof(rec->format), "%s", doc_format_name(f));
	snprintf(rec->source, sizeof(rec->source), "%s", source_of(f, d->channel));
	rec->file_name = d->file_name && d->file_name[0] ? d->file_name : NULL;
	sha256_hex(d->data, d->len, rec->sha256);
	rec->rows_rejected = "[]";
	return 0;
}

/* Queue the document: an import queued, its bytes kept (base64) until it runs. */
static int
queue_doc(struct svc *s, const struct user *u, const struct import_doc *d, enum doc_format f,
    struct import_out *out)
{
	struct import_rec rec;
	struct job_new	 job;
	char		 payload[80];
	char		*b64;
	int		 rc;

	if (new_record(s, u, d, f, "queued", &rec) == -1)
		return -1;
	if ((b64 = pool_alloc(s->st.pool, 4 * ((d->len + 2) / 3) + 1)) == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	b64_encode(d->data, d->len, b64);
	/* the import and the job that runs it, together */
	memset(&job, 0, sizeof(job));
	job.kind = JOB_IMPORT_RUN;
	job.client = s->st.client;
	snprintf(payload, sizeof(payload), "{\"import_id\":\"%s\"}", rec.id);
	job.payload = payload;
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	/*
	 * Read back before the commit: the answer is the import as queued (a
	 * runner woken by the commit may have taken it by the time a read after
	 * it came).
	 */
	if (store_import_insert(&s->st, &rec, b64) == -1 ||
	    store_job_enqueue(&s->st, &job, NULL) == -1 ||
	    (rc = store_import_get(&s->st, u->id, rec.id, &out->rec)) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	if (rc == 0) {
		db_rollback(s->st.db);
		return svc_fail(s, OZ_INTERNAL_ERROR, "the import went");
	}
	if (db_commit(s->st.db) == -1) {
		db_rollback(s->st.db);
		return svc_db_fail(s);
	}
	svc_subject(s, u->id);
	return 0;
}

int
svc_import_create(struct svc *s, const char *ref, const struct import_doc *d,
    struct import_out *out)
{
	struct doc_result res;
	struct import_rec rec;
	struct plan	 p;
	struct user	 u;
	enum doc_format	 f;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (d->len == 0) {
		svc_detail(s, "file", "the document is empty");
		return svc_fail(s, OZ_UNPROCESSABLE_DOCUMENT, "the document is empty");
	}
	if (s->cfg != NULL && (int64_t)d->len > s->cfg->max_document_body)
		return svc_fail(s, OZ_PAYLOAD_TOO_LARGE, "the document is larger than the limit "
		    "for documents (max_document_body)");
	if (svc_user_resolve(s, ref, 1, &u) == -1)
		return -1;
	f = doc_sniff(d->data, d->len);
	if (d->async) {
		/* no format we read is refused now, as a synchronous import would be */
		if (f == DOC_FMT_UNKNOWN && read_doc(s, &u, d->data, d->len, &res) == -1)
			return -1;
		return queue_doc(s, &u, d, f, out);
	}
	if (read_doc(s, &u, d->data, d->len, &res) == -1)
		return -1;
	if (make_plan(s, &u, &res, &p) == -1)
		return -1;
	if (p.n == 0) {
		plan_free(&p);
		svc_detail(s, "file", "no row of the document holds a transaction");
		return svc_fail(s, OZ_UNPROCESSABLE_DOCUMENT,
		    "no row of the document holds a transaction");
	}
	if (new_record(s, &u, d, res.format, "processing", &rec) == -1) {
		plan_free(&p);
		return -1;
	}
	snprintf(rec.kind, sizeof(rec.kind), "%s", kind_of(res.kind));
	rc = record_plan(s, &u, &rec, 1, &p, out);
	plan_free(&p);
	return rc;
}

static int
not_found(struct svc *s)
{
	return svc_fail(s, OZ_NOT_FOUND, "no such import");
}

int
svc_import_get(struct svc *s, const char *ref, const char *id, struct import_rec *out)
{
	int	 rc;

	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (!ids_valid("ozz_imp", id))
		return svc_user_after_miss(s, ref) == -1 ? -1 : not_found(s);
	if ((rc = store_import_get(&s->st, ref, id, out)) == -1)
		return svc_db_fail(s);
	if (rc == 1)
		return 0;
	return svc_user_after_miss(s, ref) == -1 ? -1 : not_found(s);
}

int
svc_import_list(struct svc *s, const char *ref, const struct store_page *pg,
    struct import_rec *rows, size_t *n, int *has_more)
{
	*n = 0;
	*has_more = 0;
	if (!svc_user_ref_ok(ref))
		return svc_user_after_miss(s, ref);
	if (store_import_list(&s->st, ref, pg, rows, n, has_more) == -1)
		return svc_db_fail(s);
	return *n == 0 && !pg->has_after ? svc_user_after_miss(s, ref) : 0;
}

int
svc_import_delete(struct svc *s, const char *ref, const char *id)
{
	const char	**movers;
	struct user	 u;
	size_t		 i, n;
	int		 rc;

	if (svc_user_resolve(s, ref, 0, &u) == -1)
		return -1;
	if (!ids_valid("ozz_imp", id))
		return not_found(s);
	if (db_begin(s->st.db) == -1)
		return svc_db_fail(s);
	/* an import running now finishes or fails first */
	if (store_import_lock_user(&s->st, u.id) == -1 ||
	    store_txn_import_movers(&s->st, u.id, id, &movers, &n) == -1) {
		(void)svc_db_fail(s);
		goto fail;
	}
	/* what its debt payments and contributions moved goes back */
	for (i = 0; i < n; i++)
		if (svc_contrib_undo(s, u.id, "transaction", movers[i], NULL) == -1)
			goto fail;
	/* its transactions go with it (ON DELETE CASCADE) */
	if ((rc = store_import_delete(&s->st, u.id, id)) != 1) {
		if (rc == 0)
			(void)not_found(s);
		else
			(void)svc_db_fail(s);
		goto fail;
	}
	if (db_commit(s->st.db) == -1)
		return svc_db_fail(s);
	svc_an_refresh(s, u.id);
	return 0;
fail:
	db_rollback(s->st.db);
	return -1;
}

/* End a queued import failed with s's error (the error itself cleared). 1/-1. */
static int
fail_queued(struct svc *s, struct import_rec *rec)
{
	struct import_rec done;
	char	 msg[500];

	snprintf(msg, sizeof(msg), "%s", s->err->message ? s->err->message :
	    "the document could not be read");
	rec->error_code = pool_strdup(s->st.pool, oz_code_name(s->err->code));
	rec->error = pool_strdup(s->st.pool, msg);
	snprintf(rec->status, sizeof(rec->status), "failed");
	rec->rows_rejected = "[]";
	rec->receipt = NULL;
	memset(s->err, 0, sizeof(*s->err));
	if (store_import_finish(&s->st, rec, &done) == -1)
		return -1;
	import_event(s, "import.failed", rec);
	return 1;
}

int
svc_import_run_queued(struct svc *s)
{
	struct import_out out;
	struct import_rec rec;
	struct doc_result res;
	struct plan	 p;
	struct user	 u;
	const char	*b64;
	unsigned char	*data;
	size_t		 len, bad, blen;
	int		 rc;

	if ((rc = store_import_take(&s->st, &rec, &b64)) != 1)
		return rc;
	s->st.client = pool_strdup(s->st.pool, rec.client_id);
	blen = strlen(b64);
	if (s->st.client == NULL || (data = pool_alloc(s->st.pool, B64_DECODED_MAX(blen))) == NULL)
		return -1;
	if (b64_decode(b64, blen, data, B64_DECODED_MAX(blen), &len, &bad) == -1) {
		(void)svc_fail(s, OZ_INTERNAL_ERROR, "the queued document is damaged");
		return fail_queued(s, &rec);
	}
	if (svc_user_resolve(s, rec.user_id, 0, &u) == -1 ||
	    read_doc(s, &u, data, len, &res) == -1 || make_plan(s, &u, &res, &p) == -1)
		return fail_queued(s, &rec);
	snprintf(rec.kind, sizeof(rec.kind), "%s", kind_of(res.kind));
	snprintf(rec.format, sizeof(rec.format), "%s", doc_format_name(res.format));
	if (p.n == 0) {
		plan_free(&p);
		(void)svc_fail(s, OZ_UNPROCESSABLE_DOCUMENT,
		    "no row of the document holds a transaction");
		return fail_queued(s, &rec);
	}
	memset(&out, 0, sizeof(out));
	rc = record_plan(s, &u, &rec, 0, &p, &out);
	plan_free(&p);
	if (rc == -1) {
		log_warnx("import %s failed: %s", rec.id, s->err->message ? s->err->message : "?");
		return fail_queued(s, &rec);
	}
	return 1;
}

void
svc_import_job(struct svc *s, const struct job *job, struct job_result *res)
{
	(void)job;
	memset(res, 0, sizeof(*res));
	/* the oldest of any client: s->st.client becomes the import's */
	s->st.client = NULL;
	if (svc_import_run_queued(s) == -1) {
		res->outcome = JOB_RETRY;
		res->error = "the database failed while running a queued import";
		return;
	}
	res->outcome = JOB_DONE;
}
