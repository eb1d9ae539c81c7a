/*
 * doc_text.c: the text formats (CSV, TSV, OFX, QFX, QIF) read by the
 * statement readers of src/domain (csv.c, stmt.c, ofx.c, qif.c), and the
 * handing of any reader's rows to a doc_result (doc_int.h).
 */
#include "config.h"

#include <string.h>

#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "domain/csv.h"
#include "domain/ofx.h"
#include "domain/qif.h"
#include "domain/stmt.h"
#include "domain/textenc.h"

static int
late(const void *arg)
{
	return doc_late(arg);
}

void
doc_stmt_opts(const struct doc_ctx *ctx, struct stmt_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->lang = ctx->lang;
	o->today = ctx->today;
	o->currency = ctx->currency;
	o->max_rows = ctx->lim->max_rows;
	o->stop = late;
	o->stop_arg = ctx;
}

int
doc_take_rows(const struct doc_ctx *ctx, int st, struct stmt_result *r,
    struct doc_result *out, const char *what)
{
	switch (st) {
	case STMT_OK:
		out->status = DOC_OK;
		out->rows = r->rows;
		out->nrows = r->nrows;
		out->rejects = r->rejects;
		out->nrejects = r->nrejects;
		memcpy(out->currency, r->currency, sizeof(out->currency));
		return 0;
	case STMT_NOTABLE:
		out->rejects = r->rejects;
		out->nrejects = r->nrejects;
		return doc_fail(out, DOC_EMPTY, "no transactions found in the %s: %s", what,
		    r->error);
	case STMT_BAD:
		return doc_fail(out, DOC_UNREADABLE, "the %s could not be read: %s", what,
		    r->error);
	case STMT_TOOMANY:
		return doc_fail(out, DOC_TOO_LARGE, "the %s has more than %zu rows", what,
		    ctx->lim->max_rows);
	case STMT_STOPPED:
		return doc_fail(out, DOC_TIMEOUT, "reading the %s took longer than %d seconds",
		    what, ctx->lim->time_ms / 1000);
	default:
		return doc_fail(out, DOC_NOMEM, "out of memory reading the %s", what);
	}
}

/* The document as UTF-8 text in the pool, NULL (out set) when it cannot be. */
static char *
text_of(const struct doc_ctx *ctx, struct doc_result *out, size_t *len)
{
	char	*s;

	if ((s = textenc_utf8((const char *)ctx->p, ctx->n, ctx->n * 3 + 4, ctx->pool, len)) == NULL)
		doc_fail(out, DOC_NOMEM, "out of memory reading the document");
	return s;
}

int
doc_read_csv(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct stmt_result r;
	struct stmt_table t;
	struct stmt_opts o;
	const char *what = out->format == DOC_FMT_TSV ? "TSV file" : "CSV file";
	size_t	 len;
	char	*s;
	int	 st;

	stmt_result_init(&r);
	if ((s = text_of(ctx, out, &len)) == NULL)
		return -1;
	/* title lines and a header come before the rows: a little room for them */
	st = csv_parse(s, len, out->format == DOC_FMT_TSV ? '\t' : 0, ctx->lim->max_rows + 1000,
	    ctx->pool, &t, r.error, sizeof(r.error));
	if (st == STMT_OK) {
		doc_stmt_opts(ctx, &o);
		st = stmt_read_table(&t, &o, ctx->pool, &r);
	}
	return doc_take_rows(ctx, st, &r, out, what);
}

int
doc_read_ofx(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct stmt_result r;
	struct stmt_opts o;
	size_t	 len;
	char	*s;
	int	 st;

	stmt_result_init(&r);
	if ((s = text_of(ctx, out, &len)) == NULL)
		return -1;
	doc_stmt_opts(ctx, &o);
	st = ofx_read(s, len, &o, ctx->pool, &r);
	return doc_take_rows(ctx, st, &r, out, out->format == DOC_FMT_QFX ? "QFX file" : "OFX file");
}

int
doc_read_qif(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct stmt_result r;
	struct stmt_opts o;
	size_t	 len;
	char	*s;
	int	 st;

	stmt_result_init(&r);
	if ((s = text_of(ctx, out, &len)) == NULL)
		return -1;
	doc_stmt_opts(ctx, &o);
	st = qif_read(s, len, &o, ctx->pool, &r);
	return doc_take_rows(ctx, st, &r, out, "QIF file");
}
