/*
 * doc.h: a document a user sends (a receipt photo or scan, a PDF, a bank
 * export, a spreadsheet) read into what it says: one receipt, or the rows
 * of a statement. Bytes in, plain structs out; the format is decided by
 * the bytes (magic), never by a name or a declared type. Everything read is
 * bounded (bytes, pixels, pages, rows, decompression ratio, time), so a
 * hostile document costs a clear refusal, never a worker.
 *
 * The doc layer sits beside store and ai: it may use core and domain (the
 * receipt parser, the statement table reader) and the libraries that read
 * formats (tesseract and leptonica, poppler, libzip, libxml2); the service
 * layer decides what the rows mean for a user (duplicates, kinds, imports).
 */
#ifndef OZ_DOC_H
#define OZ_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "domain/receipt.h"
#include "domain/stmt.h"

struct pool;

/* DOC_FMT_HTML: a bank's "Excel" export that is an HTML table (often named .xls). */
enum doc_format { DOC_FMT_UNKNOWN, DOC_FMT_JPEG, DOC_FMT_PNG, DOC_FMT_WEBP, DOC_FMT_TIFF,
	DOC_FMT_PDF, DOC_FMT_CSV, DOC_FMT_TSV, DOC_FMT_XLSX, DOC_FMT_OFX, DOC_FMT_QFX,
	DOC_FMT_QIF, DOC_FMT_CAMT053, DOC_FMT_HTML, DOC_FMT_COUNT };

/* What a document turned out to be: a receipt, or rows of a statement or sheet. */
enum doc_kind { DOC_KIND_RECEIPT, DOC_KIND_STATEMENT, DOC_KIND_SPREADSHEET };

enum doc_status {
	DOC_OK,
	DOC_UNSUPPORTED,	/* no format we read */
	DOC_UNREADABLE,		/* a format we read, but corrupt or truncated */
	DOC_TOO_LARGE,		/* over a limit: pixels, pages, rows, decompression */
	DOC_EMPTY,		/* readable, but no total or no row in it */
	DOC_TIMEOUT,		/* over the time budget */
	DOC_NOMEM
};

struct doc_limits {
	size_t		 max_bytes;		/* 25 MiB */
	int64_t		 max_pixels;		/* 50 megapixels per image or page */
	int		 max_pages;		/* 200 */
	size_t		 max_rows;		/* 100,000 per sheet or statement */
	unsigned	 max_ratio;		/* uncompressed / compressed, XLSX: 100 */
	int64_t		 max_unzipped;		/* bytes an XLSX may inflate to: 200 MiB */
	int		 time_ms;		/* per document: 20,000 */
};

struct doc_result {
	enum doc_format	 format;
	enum doc_kind	 kind;
	enum doc_status	 status;
	char		 error[200];		/* a user-facing English message, status != OK */
	struct receipt	 receipt;		/* kind receipt */
	struct stmt_row	*rows;			/* kinds statement and spreadsheet; pool memory */
	size_t		 nrows;
	struct stmt_reject *rejects;		/* rows that could not be read; pool memory */
	size_t		 nrejects;
	char		 currency[4];		/* the statement's own, "" when it says none */
	int		 pages;			/* a PDF's */
};

/* The defaults above. */
void		 doc_limits_default(struct doc_limits *lim);
/* The format of n bytes at p by their content; DOC_FMT_UNKNOWN when none we read. */
enum doc_format	 doc_sniff(const unsigned char *p, size_t n);
/* "jpeg", "png", "webp", "tiff", "pdf", "csv", "tsv", "xlsx", "ofx", "qfx", "qif", "camt053", "html", "unknown". */
const char	*doc_format_name(enum doc_format f);
/*
 * Read n bytes at p into out (rows and rejects in pool memory, freed with
 * it). lang ("en", "pt", "es") for OCR and date order; currency the user's
 * ISO 4217 (for a document that names none); today ("YYYY-MM-DD") for dates
 * printed without a year and to refuse dates in the future. Returns 0
 * (status DOC_OK, with a receipt's total or at least one row), or -1 with
 * out->status and out->error set. Safe to call from a worker, repeatedly:
 * the OCR models are loaded once per process (doc_init).
 */
int		 doc_read(const unsigned char *p, size_t n, const char *lang,
		    const char *currency, const char *today, const struct doc_limits *lim,
		    struct pool *pool, struct doc_result *out);
/*
 * Load what reading needs once per process (the OCR models of en, pt and
 * es): a worker calls it before serving, so no request pays for it; doc_read
 * calls it itself otherwise. 0/-1 (the reason logged).
 */
int		 doc_init(void);
/* Free what doc_init loaded (at a worker's exit; tests). */
void		 doc_shutdown(void);

#endif
