/* doc.c: a document read by the reader of its format (doc.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>		/* after a libc header: __GLIBC__ is defined */
#endif

#include "doc/doc.h"
#include "doc/doc_int.h"

int
doc_fail(struct doc_result *out, enum doc_status status, const char *fmt, ...)
{
	va_list	 ap;

	out->status = status;
	va_start(ap, fmt);
	vsnprintf(out->error, sizeof(out->error), fmt, ap);
	va_end(ap);
	return -1;
}

int64_t
doc_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
doc_late(const struct doc_ctx *ctx)
{
	return doc_now_ms() > ctx->deadline_ms;
}

int
doc_init(void)
{
	return doc_ocr_init();
}

void
doc_shutdown(void)
{
	doc_ocr_shutdown();
}

/*
 * rc, once the memory an image or a PDF was read with is given back. The
 * OCR gives back after each page (doc_ocr_pix), but the page's pixels are
 * freed after it, and glibc keeps freed memory at the top of its heap up
 * to twice its mmap threshold, which grows to the largest block freed (a
 * photograph's pixels: tens of MiB). A worker held 0 to 6.5 MiB more from
 * one receipt to the next by what its last one left (tests/bench/
 * bench_receipts); given back here, it holds what is alive.
 */
static int
give_back(int rc)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
	return rc;
}

int
doc_read(const unsigned char *p, size_t n, const char *lang, const char *currency,
    const char *today, const struct doc_limits *lim, struct pool *pool, struct doc_result *out)
{
	struct doc_limits def;
	struct doc_ctx	 ctx;

	memset(out, 0, sizeof(*out));
	if (lim == NULL) {
		doc_limits_default(&def);
		lim = &def;
	}
	if (p == NULL || n == 0)
		return doc_fail(out, DOC_EMPTY, "the document is empty");
	if (n > lim->max_bytes)
		return doc_fail(out, DOC_TOO_LARGE, "the document is larger than %zu MiB",
		    lim->max_bytes / (1024 * 1024));
	if (lang == NULL || currency == NULL || today == NULL || pool == NULL)
		return doc_fail(out, DOC_UNREADABLE, "bad arguments");
	memset(&ctx, 0, sizeof(ctx));
	ctx.p = p;
	ctx.n = n;
	ctx.lang = lang;
	ctx.currency = currency;
	ctx.today = today;
	ctx.lim = lim;
	ctx.pool = pool;
	ctx.deadline_ms = doc_now_ms() + lim->time_ms;
	out->format = doc_sniff(p, n);
	switch (out->format) {
	case DOC_FMT_JPEG:
	case DOC_FMT_PNG:
	case DOC_FMT_WEBP:
	case DOC_FMT_TIFF:
		out->kind = DOC_KIND_RECEIPT;
		return give_back(doc_read_image(&ctx, out));
	case DOC_FMT_PDF:
		out->kind = DOC_KIND_STATEMENT;		/* or a receipt: doc_read_pdf says */
		return give_back(doc_read_pdf(&ctx, out));
	case DOC_FMT_CSV:
	case DOC_FMT_TSV:
		out->kind = DOC_KIND_SPREADSHEET;
		return doc_read_csv(&ctx, out);
	case DOC_FMT_XLSX:
		out->kind = DOC_KIND_SPREADSHEET;
		return doc_read_xlsx(&ctx, out);
	case DOC_FMT_HTML:
		out->kind = DOC_KIND_SPREADSHEET;
		return doc_read_html(&ctx, out);
	case DOC_FMT_OFX:
	case DOC_FMT_QFX:
		out->kind = DOC_KIND_STATEMENT;
		return doc_read_ofx(&ctx, out);
	case DOC_FMT_QIF:
		out->kind = DOC_KIND_STATEMENT;
		return doc_read_qif(&ctx, out);
	case DOC_FMT_CAMT053:
		out->kind = DOC_KIND_STATEMENT;
		return doc_read_camt(&ctx, out);
	default:
		if (n >= 8 && memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
			return doc_fail(out, DOC_UNSUPPORTED, "old Excel files (.xls) are not "
			    "read: save the sheet as .xlsx or CSV");
		return doc_fail(out, DOC_UNSUPPORTED, "not a document this server reads: "
		    "send a JPEG, PNG, WebP or TIFF image, a PDF, a CSV or TSV, an XLSX, "
		    "OFX, QFX, QIF or CAMT.053 file");
	}
}
