/*
 * doc_int.h: inside the doc layer. One reader per family of formats, each
 * called by doc_read with the document, the caller's settings and a
 * deadline; each fills out (format and kind are set before) and returns 0,
 * or -1 with doc_fail.
 */
#ifndef OZ_DOC_INT_H
#define OZ_DOC_INT_H

#include "doc/doc.h"

struct stmt_opts;
struct stmt_result;

struct doc_ctx {
	const unsigned char	*p;
	size_t			 n;
	const char		*lang;		/* "en" | "pt" | "es" */
	const char		*currency;	/* the user's */
	const char		*today;		/* YYYY-MM-DD */
	const struct doc_limits	*lim;
	struct pool		*pool;
	int64_t			 deadline_ms;	/* doc_now_ms() past which work stops */
};

/* Set out->status and out->error ("printf"); returns -1. */
int	doc_fail(struct doc_result *out, enum doc_status status, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Milliseconds on a monotonic clock. */
int64_t	doc_now_ms(void);
/* 1 once ctx's deadline has passed. */
int	doc_late(const struct doc_ctx *ctx);

/* The statement readers' options for ctx: its language, dates, limits, and its deadline as their stop. */
void	doc_stmt_opts(const struct doc_ctx *ctx, struct stmt_opts *o);
/*
 * Hand a statement reader's rows (r, its status st) to out, what naming
 * the document in messages ("CSV file"). Returns 0 (DOC_OK), or -1 with
 * out's status and error set from st and r->error.
 */
int	doc_take_rows(const struct doc_ctx *ctx, int st, struct stmt_result *r,
	    struct doc_result *out, const char *what);

/* JPEG, PNG, WebP, TIFF: decode, clean up, OCR, then the receipt parser. */
int	doc_read_image(const struct doc_ctx *ctx, struct doc_result *out);
/*
 * The first half of doc_read_image: the image's text. 0 with *text (from
 * ctx->pool), *conf (thousandths) and *damaged (the decoder made up for
 * broken data), or -1 with doc_fail (corrupt, over the pixel limit, no
 * pixels, timeout, no OCR engine).
 */
int	doc_image_text(const struct doc_ctx *ctx, struct doc_result *out, char **text,
	    int *conf, int *damaged);
/*
 * The steps of doc_image_text before the OCR, one by one (the fuzz target
 * tests/fuzz/fuzz_image.c runs them without tesseract).
 *
 * What doc_image_decode read of an image: the size its header claims, its
 * EXIF orientation, and what the decoder made of it.
 */
struct Pix;
struct doc_image_info {
	uint32_t	 w, h;		/* the header's size, checked against the pixel limit */
	uint32_t	 orient;	/* EXIF orientation 1..8 (1: none; a TIFF's, leptonica applies) */
	int		 reduction;	/* a JPEG decoded at 1/reduction of its size; else 1 */
	int		 dec_w, dec_h;	/* the decoded picture; 0 when the decoder did not give one */
	int		 damaged;	/* the decoder made up for broken data */
};
/*
 * Decode the image of ctx (out->format JPEG, PNG, WebP or TIFF): its header
 * read first, and an image that claims no pixels or more than
 * ctx->lim->max_pixels refused before any decoder sees it. 0 with *pix (as
 * decoded, not yet turned by its orientation; the caller destroys it), or
 * -1 with doc_fail (DOC_UNREADABLE, DOC_TOO_LARGE) and *pix NULL. *info is
 * filled as far as it got, either way.
 */
int	doc_image_decode(const struct doc_ctx *ctx, struct doc_result *out, struct Pix **pix,
	    struct doc_image_info *info);
/* pix (taken) turned upright by EXIF orientation o (2..8; 1 leaves it): the camera's sideways undone. */
struct Pix *doc_image_orient(struct Pix *pix, uint32_t o);
/*
 * pix (taken) ready for OCR: 8-bit grey (transparency on white), scaled so
 * its characters are about doc_image_opts.char_px high (and it stays under
 * max_ocr_pixels), deskewed, the background flattened. The new one, or
 * NULL (out of memory).
 */
struct Pix *doc_image_prepare(struct Pix *pix);
/* PDF: the text layer (tables as statement rows, or a receipt); pages without text OCR'd. */
int	doc_read_pdf(const struct doc_ctx *ctx, struct doc_result *out);
/* CSV and TSV (out->format says which). */
int	doc_read_csv(const struct doc_ctx *ctx, struct doc_result *out);
int	doc_read_xlsx(const struct doc_ctx *ctx, struct doc_result *out);
/* An HTML page's table rows (the "Excel" exports some banks send). */
int	doc_read_html(const struct doc_ctx *ctx, struct doc_result *out);
/* OFX 1.x (SGML) and 2.x (XML), QFX. */
int	doc_read_ofx(const struct doc_ctx *ctx, struct doc_result *out);
int	doc_read_qif(const struct doc_ctx *ctx, struct doc_result *out);
int	doc_read_camt(const struct doc_ctx *ctx, struct doc_result *out);

/* OCR models (doc_ocr.c): loaded once per process by doc_init. */
int	doc_ocr_init(void);
void	doc_ocr_shutdown(void);
/*
 * OCR of a rendered page (doc_image.c): rgba is w x h pixels of 8-bit R, G,
 * B, A, rows stride bytes apart; the page is cleaned up as a photo is (grey,
 * scale, deskew, background) and read in ctx->lang plus English. Returns 0
 * with *text (UTF-8, from ctx->pool) and *confidence (thousandths, the OCR
 * engine's mean word confidence), or -1 (*text NULL): a page over the pixel
 * limit, out of memory, no OCR engine, or past the deadline (doc_late(ctx)
 * tells that one apart).
 */
int	doc_ocr_pixels(const struct doc_ctx *ctx, const unsigned char *rgba, int w, int h,
	    int stride, char **text, int *confidence);

/*
 * OCR of pix, an 8-bit grey page already cleaned up (doc_ocr.c): text from
 * ctx->pool, confidence in thousandths. 0, or -1 with *why (DOC_TIMEOUT,
 * DOC_NOMEM, DOC_UNREADABLE when no engine could be loaded).
 */
int	doc_ocr_pix(const struct doc_ctx *ctx, struct Pix *pix, char **text, int *confidence,
	    enum doc_status *why);

/*
 * How images are cleaned up before OCR (doc_image.c); the defaults are the
 * ones measured best on the corpus, and tests/bench/bench_receipts changes
 * them to measure others.
 */
struct doc_image_opts {
	int	char_px;		/* height the characters are scaled to, pixels */
	int	max_scale_pct;		/* never enlarge more than this, percent */
	int	min_scale_pct;		/* never shrink more than this */
	long	max_ocr_pixels;		/* the page tesseract reads at most */
	int	deskew;			/* find and undo a tilt of up to ~7 degrees */
	int	flatten;		/* divide out uneven light (background normalisation) */
	int	binarize;		/* Sauvola's local threshold before tesseract (else its Otsu) */
	int	psm;			/* tesseract's page segmentation mode */
	int	contrast;		/* stretch local contrast (faded print) */
	int	erode;			/* thicken dark strokes by a pixel (dot-matrix print) */
};
extern struct doc_image_opts doc_image_opts;

#endif
