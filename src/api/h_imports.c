/*
 * h_imports.c: a document reaches POST …/transactions three ways (DESIGN
 * §4.1): a JSON submission {"type":"image"|"pdf"|"spreadsheet","content":
 * "<base64>",…}, multipart/form-data with a file part, or a raw body whose
 * Content-Type is the document's. Each is checked here (its size, its
 * envelope), the bytes go to svc_import, and the answer is the created
 * transactions with the import, or 202 with the queued import. The
 * imports themselves: list, get, delete.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "api/h_imports.h"
#include "api/h_transactions.h"
#include "core/b64.h"
#include "core/pool.h"
#include "core/utf8.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/multipart.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_import.h"

/* The Content-Types a raw document may be sent with (the bytes decide the format). */
static const char *const raw_types[] = { "image/jpeg", "image/png", "image/webp",
	"image/tiff", "application/pdf", "text/csv", "text/tab-separated-values",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/x-ofx", "application/vnd.intu.qfx", "application/qif",
	"application/x-qif", "application/xml", "text/xml", "application/octet-stream",
	NULL };

/* The media type of a Content-Type, without parameters, is one of types. */
static int
type_is_one_of(const char *ct, const char *const *types)
{
	size_t	 i, n;

	if (ct == NULL)
		return 0;
	for (i = 0; types[i]; i++) {
		n = strlen(types[i]);
		if (strncasecmp(ct, types[i], n) == 0 &&
		    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' '))
			return 1;
	}
	return 0;
}

static struct json_object *
json_text_or_null(const char *text)
{
	return text ? json_tokener_parse(text) : NULL;
}

static struct json_object *
import_json(const struct import_rec *m)
{
	struct json_object *o = json_object_new_object(), *rej;

	rej = json_text_or_null(m->rows_rejected);
	json_object_object_add(o, "id", json_object_new_string(m->id));
	json_object_object_add(o, "user_id", json_object_new_string(m->user_id));
	json_object_object_add(o, "status", json_object_new_string(m->status));
	json_object_object_add(o, "kind", json_str_or_empty_null(m->kind));
	json_object_object_add(o, "format", json_object_new_string(m->format));
	json_object_object_add(o, "file_name", json_str_or_null(m->file_name));
	json_object_object_add(o, "sha256", json_object_new_string(m->sha256));
	json_object_object_add(o, "source", json_object_new_string(m->source));
	json_object_object_add(o, "transactions_created",
	    json_object_new_int64(m->transactions_created));
	json_object_object_add(o, "duplicates_skipped",
	    json_object_new_int64(m->duplicates_skipped));
	json_object_object_add(o, "rows_rejected", rej ? rej : json_object_new_array());
	json_object_object_add(o, "receipt", json_text_or_null(m->receipt));
	if (m->error) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "code", json_str_or_null(m->error_code));
		json_object_object_add(e, "message", json_object_new_string(m->error));
		json_object_object_add(o, "error", e);
	} else {
		json_object_object_add(o, "error", NULL);
	}
	json_object_object_add(o, "created_at", json_object_new_string(m->created_at));
	json_object_object_add(o, "completed_at", json_str_or_empty_null(m->completed_at));
	return o;
}

static struct json_object *
import_item(const void *row)
{
	return import_json(row);
}

/* 1 if the Prefer header asks for respond-async (RFC 7240: tokens, commas). */
static int
wants_async(const struct oz_req *r)
{
	const char	*p = http_req_header(r, "prefer");

	while (p != NULL && *p != '\0') {
		size_t	 n;

		p += strspn(p, " \t,");
		n = strcspn(p, " \t,;=");
		if (n == 13 && strncasecmp(p, "respond-async", 13) == 0)
			return 1;
		p = strchr(p, ',');
	}
	return 0;
}

/* A file name as a client gave it: 1..255 printable characters, or refused. */
static int
file_name_ok(struct oz_req *r, const char *field, const char *name)
{
	if (name == NULL)
		return 1;
	if (!utf8_valid(name, strlen(name)) || !utf8_printable(name) ||
	    utf8_chars(name) == 0 || utf8_chars(name) > 255) {
		oz_fail_detail(r, field, "must be 1 to 255 printable characters");
		return 0;
	}
	return 1;
}

static int
too_large(struct oz_app *app, struct oz_req *r)
{
	char	 msg[128];

	snprintf(msg, sizeof(msg), "the document exceeds %lld bytes",
	    (long long)app->cfg->max_document_body);
	return oz_fail(r, OZ_PAYLOAD_TOO_LARGE, msg);
}

/* A JSON submission's base64 content into d. */
static int
from_json(struct oz_app *app, struct oz_req *r, struct import_doc *d)
{
	static const char *const allowed[] = { "type", "content", "mime_type", "file_name", NULL };
	static const char *const types[] = { "text", "image", "pdf", "spreadsheet", NULL };
	struct json_object *c;
	const char	*type = NULL, *mime = NULL, *text;
	unsigned char	*bytes;
	size_t		 len, n, bad;
	char		 msg[96];

	v_known_fields(r, r->json, allowed);
	v_enum(r, r->json, "type", types, &type, NULL);
	v_string(r, r->json, "mime_type", 1, 100, &mime, NULL);
	if (v_string(r, r->json, "file_name", 1, 255, &d->file_name, NULL) == -1)
		d->file_name = NULL;
	if (!json_object_object_get_ex(r->json, "content", &c) ||
	    !json_object_is_type(c, json_type_string) || json_object_get_string_len(c) == 0)
		oz_fail_detail(r, "content", "is required: the document in base64");
	if (v_done(r) == -1)
		return -1;
	text = json_object_get_string(c);
	len = (size_t)json_object_get_string_len(c);
	if (len / 4 * 3 > (size_t)app->cfg->max_document_body + 3)
		return too_large(app, r);
	if ((bytes = pool_alloc(&r->pool, B64_DECODED_MAX(len))) == NULL)
		return oz_fail(r, OZ_INTERNAL_ERROR, "out of memory");
	if (b64_decode(text, len, bytes, B64_DECODED_MAX(len), &n, &bad) == -1) {
		snprintf(msg, sizeof(msg), "is not valid base64 (at character %zu)", bad);
		oz_fail_detail(r, "content", msg);
		return v_done(r);
	}
	if ((int64_t)n > app->cfg->max_document_body)
		return too_large(app, r);
	d->data = bytes;
	d->len = n;
	return 0;
}

/* The file part of a multipart/form-data body into d. */
static int
from_multipart(struct oz_app *app, struct oz_req *r, struct import_doc *d)
{
	static const char *const types[] = { "image", "pdf", "spreadsheet", NULL };
	struct mp_part	 parts[MP_MAX_PARTS];
	const struct mp_part *file = NULL;
	size_t		 i, n;
	char		 err[160], f[80];

	if (multipart_parse(r->content_type, (const unsigned char *)r->body, r->body_len,
	    &r->pool, parts, &n, err, sizeof(err)) == -1)
		return oz_fail(r, OZ_BAD_REQUEST, err);
	for (i = 0; i < n; i++) {
		if (strcmp(parts[i].name, "file") == 0) {
			if (file != NULL)
				oz_fail_detail(r, "file", "must be sent once");
			file = &parts[i];
		} else if (strcmp(parts[i].name, "type") == 0) {
			char	 t[16];

			snprintf(t, sizeof(t), "%.*s", (int)(parts[i].len < 15 ? parts[i].len : 15),
			    (const char *)parts[i].data);
			if (parts[i].len > 15 || !v_is_one_of(t, types))
				oz_fail_detail(r, "type", "must be image, pdf or spreadsheet");
		} else {
			snprintf(f, sizeof(f), "%.64s", parts[i].name);
			oz_fail_detail(r, utf8_valid(f, strlen(f)) ? f : "part",
			    "is not a known part (file, type)");
		}
	}
	if (file == NULL)
		oz_fail_detail(r, "file", "is required: a part named \"file\" holding the document");
	else if (file_name_ok(r, "file", file->filename))
		d->file_name = file->filename;
	if (v_done(r) == -1)
		return -1;
	if ((int64_t)file->len > app->cfg->max_document_body)
		return too_large(app, r);
	d->data = file->data;
	d->len = file->len;
	return 0;
}

/* The answer: the transactions made and the import (201), or the queued import (202). */
static int
answer(struct oz_req *r, const struct import_out *out, int async)
{
	struct json_object *env, *data, *pag;
	char	 loc[256];
	size_t	 i;

	snprintf(loc, sizeof(loc), "/v1/users/%s/imports/%s", out->rec.user_id, out->rec.id);
	http_resp_header(r, "Location", loc);
	if (async) {
		http_resp_header(r, "Preference-Applied", "respond-async");
		return json_out_object(r, 202, "import", import_json(&out->rec));
	}
	env = json_object_new_object();
	data = json_object_new_array();
	for (i = 0; i < out->ncreated; i++)
		json_object_array_add(data, txn_json(&out->created[i]));
	json_object_object_add(env, "object", json_object_new_string("list"));
	json_object_object_add(env, "data", data);
	pag = json_object_new_object();
	json_object_object_add(pag, "has_more", json_object_new_boolean(0));
	json_object_object_add(pag, "next_cursor", NULL);
	json_object_object_add(env, "pagination", pag);
	json_object_object_add(env, "import", import_json(&out->rec));
	return json_out_raw(r, 201, env);
}

int
h_txn_document(struct oz_app *app, struct oz_req *r)
{
	struct import_doc d;
	struct import_out out;
	struct svc	 s;

	memset(&d, 0, sizeof(d));
	d.channel = "api";
	d.async = wants_async(r);
	if (r->json != NULL) {
		if (from_json(app, r, &d) == -1)
			return -1;
	} else if (multipart_is_form(r->content_type)) {
		if (from_multipart(app, r, &d) == -1)
			return -1;
	} else if (type_is_one_of(r->content_type, raw_types)) {
		d.data = (const unsigned char *)r->body;
		d.len = r->body_len;
		/* a raw body may name its file: Content-Disposition: attachment; filename="…" */
		d.file_name = multipart_disposition_filename(http_req_header(r,
		    "content-disposition"), &r->pool);
		if (!file_name_ok(r, "Content-Disposition", d.file_name) || v_done(r) == -1)
			return -1;
	} else {
		return oz_fail(r, OZ_UNSUPPORTED_MEDIA_TYPE, "send JSON (application/json), "
		    "multipart/form-data with a file part, or the document with its own "
		    "Content-Type (image/jpeg, application/pdf, text/csv, …)");
	}
	app_svc(app, r, &s);
	if (svc_import_create(&s, r->params[0], &d, &out) == -1)
		return -1;
	return answer(r, &out, d.async);
}

int
h_imports_list(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { NULL };
	struct import_rec *rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (page_list_begin(app, r, "imports", filters, &pg, (void **)&rows,
	    sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_import_list(&s, r->params[0], &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer(app, r, &pg, rows, n, sizeof(*rows), import_item,
	    PAGE_ROW_FIELDS(struct import_rec), more);
}

int
h_imports_get(struct oz_app *app, struct oz_req *r)
{
	struct import_rec m;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_import_get(&s, r->params[0], r->params[1], &m) == -1)
		return -1;
	return json_out_object(r, 200, "import", import_json(&m));
}

int
h_imports_delete(struct oz_app *app, struct oz_req *r)
{
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_import_delete(&s, r->params[0], r->params[1]) == -1)
		return -1;
	return http_no_content(r);
}
