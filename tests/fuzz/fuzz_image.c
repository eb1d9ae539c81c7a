/*
 * fuzz_image.c: a receipt's picture (src/doc/doc_image.c: JPEG, PNG, WebP,
 * TIFF) up to the OCR: the header read by doc_image.c (size, EXIF
 * orientation), the pixel limit, leptonica's decoders, the orientation
 * undone, grey and the clean-up for OCR (doc_image_decode,
 * doc_image_orient, doc_image_prepare, the steps doc_image_text takes
 * before tesseract, which is not run: it would take seconds an input).
 * Inputs that doc_sniff does not take for an image are passed over.
 *
 * Input: one byte of options (bits 0-1: the pixel limit, 2,000,000,
 * 250,000, 16,384 or 12,000,000, the last large enough for a JPEG read at
 * half its size; the other bits unused), then the file. Checks, besides
 * crashes, leaks, sanitizer reports, hangs and single allocations over
 * -malloc_limit_mb (a picture over the limit is never allocated):
 *  - a refusal has a status (unreadable, or too large) and a message, and
 *    no picture; too large is said of a header over the limit, before the
 *    decoder runs (a decompression bomb, a small file claiming many pixels,
 *    costs nothing); a header over the limit is always refused;
 *  - what the decoder gives is what the header said: the same width and
 *    height (a JPEG's divided by its reduction, rounded up; a TIFF's may be
 *    turned by its own orientation), so the limit checked on the header is
 *    the one the decoder kept; never over the limit;
 *  - the EXIF orientation is 1..8 whatever the bytes say (1 for a TIFF),
 *    and undoing it moves every pixel where EXIF says (checked on a sample
 *    of pixels against the decoded picture), the size turned for 5..8;
 *  - only a JPEG is "damaged" (decoded past broken data);
 *  - the page handed to the OCR is 8-bit grey without a colour map, at
 *    least a pixel, and at most doc_image_opts.max_ocr_pixels;
 *  - the same bytes give the same answer twice: status, message, sizes,
 *    and the very same page.
 * libFuzzer options: -max_len=32768 -malloc_limit_mb=512
 */
#include "config.h"

#include "fuzz.h"

#include <leptonica/allheaders.h>

#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

static const int64_t limits[] = { 2000000, 250000, 16384, 12000000 };

/* What one pass made of the bytes: the refusal, or the page for OCR. */
struct pass {
	int			 rc;
	struct doc_result	*res;
	struct doc_image_info	 info;
	PIX			*page;
};

/* The pixel of src that EXIF orientation o puts at (x, y) of the upright picture (w x h). */
static void
exif_source(uint32_t o, int x, int y, int w, int h, int *sx, int *sy)
{
	switch (o) {
	case 2:		/* mirrored */
		*sx = w - 1 - x, *sy = y;
		break;
	case 3:		/* upside down */
		*sx = w - 1 - x, *sy = h - 1 - y;
		break;
	case 4:		/* mirrored upside down */
		*sx = x, *sy = h - 1 - y;
		break;
	case 5:		/* transposed */
		*sx = y, *sy = x;
		break;
	case 6:		/* taken turned a quarter left: turned right */
		*sx = y, *sy = h - 1 - x;
		break;
	case 7:		/* transversed */
		*sx = w - 1 - y, *sy = h - 1 - x;
		break;
	case 8:		/* taken turned a quarter right: turned left */
		*sx = w - 1 - y, *sy = x;
		break;
	default:
		*sx = x, *sy = y;
		break;
	}
}

/* up is src turned by o: its size, and a sample of its pixels (every one of a small picture). */
static void
check_orient(PIX *src, PIX *up, uint32_t o)
{
	int	 sw = pixGetWidth(src), sh = pixGetHeight(src);
	int	 uw = pixGetWidth(up), uh = pixGetHeight(up);
	int	 turned = o >= 5, step, x, y;

	FUZZ_CHECK(pixGetDepth(src) == pixGetDepth(up), "orientation %u: depth %d to %d", o,
	    pixGetDepth(src), pixGetDepth(up));
	FUZZ_CHECK(uw == (turned ? sh : sw) && uh == (turned ? sw : sh),
	    "orientation %u: %d x %d turned to %d x %d", o, sw, sh, uw, uh);
	/* about 64 x 64 points, the last row and column included */
	step = (uw > uh ? uw : uh) / 64 + 1;
	for (y = 0; y < uh; y = (y + step < uh || y == uh - 1) ? y + step : uh - 1) {
		for (x = 0; x < uw; x = (x + step < uw || x == uw - 1) ? x + step : uw - 1) {
			l_uint32 a = 0, b = 0;
			int	 sx, sy;

			exif_source(o, x, y, sw, sh, &sx, &sy);
			FUZZ_CHECK(pixGetPixel(up, x, y, &a) == 0 && pixGetPixel(src, sx, sy, &b) == 0,
			    "orientation %u: no pixel at %d,%d or %d,%d", o, x, y, sx, sy);
			FUZZ_CHECK(a == b, "orientation %u: pixel %d,%d is %#x, not %#x from %d,%d",
			    o, x, y, a, b, sx, sy);
		}
	}
}

/* The decoder's picture is the one the header described (see the header). */
static void
check_size(enum doc_format fmt, const struct doc_image_info *in, int64_t limit)
{
	int64_t	 w = in->w, h = in->h, r = in->reduction;

	FUZZ_CHECK((uint64_t)in->w * in->h <= (uint64_t)limit,
	    "decoded a header of %lld x %lld over the limit %lld",
	    (long long)w, (long long)h, (long long)limit);
	FUZZ_CHECK(r == 1 || (fmt == DOC_FMT_JPEG && (r == 2 || r == 4 || r == 8)),
	    "reduction %lld", (long long)r);
	if (fmt == DOC_FMT_TIFF && in->dec_w == h && in->dec_h == w)
		return;		/* turned by the TIFF's own orientation */
	FUZZ_CHECK(in->dec_w == (w + r - 1) / r && in->dec_h == (h + r - 1) / r,
	    "%s: the header says %lld x %lld (1/%lld), the decoder made %d x %d",
	    doc_format_name(fmt), (long long)w, (long long)h, (long long)r, in->dec_w,
	    in->dec_h);
}

/* The bytes through the steps doc_image_text takes before tesseract, checking each. */
static void
run(const uint8_t *data, size_t size, enum doc_format fmt, const struct doc_limits *lim,
    struct pass *ps)
{
	struct doc_ctx ctx;
	struct pool pool;
	PIX	*pix = NULL, *src;
	size_t	 i;

	pool_init(&pool);
	memset(&ctx, 0, sizeof(ctx));
	ctx.p = data;
	ctx.n = size;
	ctx.lang = "en";
	ctx.currency = "USD";
	ctx.today = "2026-11-24";
	ctx.lim = lim;
	ctx.pool = &pool;
	ctx.deadline_ms = doc_now_ms() + lim->time_ms;
	ps->res->format = fmt;
	ps->res->kind = DOC_KIND_RECEIPT;
	ps->page = NULL;
	ps->rc = doc_image_decode(&ctx, ps->res, &pix, &ps->info);
	pool_free(&pool);

	FUZZ_CHECK(ps->info.orient >= 1 && ps->info.orient <= 8, "orientation %u",
	    ps->info.orient);
	FUZZ_CHECK(fmt != DOC_FMT_TIFF || ps->info.orient == 1, "a TIFF turned by EXIF (%u)",
	    ps->info.orient);
	FUZZ_CHECK(!ps->info.damaged || fmt == DOC_FMT_JPEG, "a damaged %s",
	    doc_format_name(fmt));
	if (ps->rc == -1) {
		FUZZ_CHECK(pix == NULL, "a refusal with a picture");
		FUZZ_CHECK(ps->res->status == DOC_UNREADABLE || ps->res->status == DOC_TOO_LARGE,
		    "refused with status %d", ps->res->status);
		FUZZ_CHECK(ps->res->error[0] != '\0', "refused without a message");
		for (i = 0; ps->res->error[i] != '\0'; i++)
			FUZZ_CHECK(ps->res->error[i] >= 0x20 && ps->res->error[i] < 0x7f,
			    "message byte %#x: '%s'", (unsigned)(unsigned char)ps->res->error[i],
			    ps->res->error);
		if (ps->res->status == DOC_TOO_LARGE)
			FUZZ_CHECK(ps->info.dec_w == 0 && ps->info.dec_h == 0 &&
			    (uint64_t)ps->info.w * ps->info.h > (uint64_t)lim->max_pixels,
			    "too large after decoding %d x %d (header %u x %u)", ps->info.dec_w,
			    ps->info.dec_h, ps->info.w, ps->info.h);
		if (ps->info.dec_w > 0)
			check_size(fmt, &ps->info, lim->max_pixels);
		return;
	}
	FUZZ_CHECK(ps->res->status == DOC_OK && pix != NULL, "status %d, picture %p",
	    ps->res->status, (void *)pix);
	FUZZ_CHECK((uint64_t)ps->info.w * ps->info.h <= (uint64_t)lim->max_pixels &&
	    ps->info.w > 0 &&
	    ps->info.h > 0, "a header of %u x %u taken", ps->info.w, ps->info.h);
	FUZZ_CHECK(ps->info.dec_w == pixGetWidth(pix) && ps->info.dec_h == pixGetHeight(pix),
	    "info %d x %d, picture %d x %d", ps->info.dec_w, ps->info.dec_h,
	    pixGetWidth(pix), pixGetHeight(pix));
	check_size(fmt, &ps->info, lim->max_pixels);

	if (ps->info.orient != 1) {
		src = pixClone(pix);
		FUZZ_CHECK(src != NULL, "no clone");
		pix = doc_image_orient(pix, ps->info.orient);
		FUZZ_CHECK(pix != NULL, "orientation %u lost the picture", ps->info.orient);
		check_orient(src, pix, ps->info.orient);
		pixDestroy(&src);
	}
	ps->page = doc_image_prepare(pix);
	FUZZ_CHECK(ps->page != NULL, "no page for OCR from %d x %d", ps->info.dec_w,
	    ps->info.dec_h);
	FUZZ_CHECK(pixGetDepth(ps->page) == 8 && pixGetColormap(ps->page) == NULL,
	    "a page of depth %d%s", pixGetDepth(ps->page),
	    pixGetColormap(ps->page) ? " with a colour map" : "");
	FUZZ_CHECK(pixGetWidth(ps->page) >= 1 && pixGetHeight(ps->page) >= 1 &&
	    (int64_t)pixGetWidth(ps->page) * pixGetHeight(ps->page) <=
	    doc_image_opts.max_ocr_pixels, "a page of %d x %d for OCR from %d x %d",
	    pixGetWidth(ps->page), pixGetHeight(ps->page), ps->info.dec_w, ps->info.dec_h);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_byte(&data, &size);
	enum doc_format fmt;
	struct doc_limits lim;
	struct pass a, b;
	int	 same = 0;

	fmt = doc_sniff(data, size);
	if (fmt != DOC_FMT_JPEG && fmt != DOC_FMT_PNG && fmt != DOC_FMT_WEBP &&
	    fmt != DOC_FMT_TIFF)
		return 0;
	doc_limits_default(&lim);
	lim.max_pixels = limits[opt & 3];
	FUZZ_CHECK(size <= lim.max_bytes, "%zu bytes", size);
	a.res = calloc(1, sizeof(*a.res));
	b.res = calloc(1, sizeof(*b.res));
	FUZZ_CHECK(a.res != NULL && b.res != NULL, "out of memory");
	run(data, size, fmt, &lim, &a);
	run(data, size, fmt, &lim, &b);

	FUZZ_CHECK(a.rc == b.rc && a.res->status == b.res->status &&
	    strcmp(a.res->error, b.res->error) == 0, "%d '%s', then %d '%s'", a.rc,
	    a.res->error, b.rc, b.res->error);
	FUZZ_CHECK(memcmp(&a.info, &b.info, sizeof(a.info)) == 0,
	    "decoded %d x %d (damaged %d), then %d x %d (damaged %d)", a.info.dec_w,
	    a.info.dec_h, a.info.damaged, b.info.dec_w, b.info.dec_h, b.info.damaged);
	if (a.page != NULL)
		FUZZ_CHECK(b.page != NULL && pixEqual(a.page, b.page, &same) == 0 && same,
		    "a different page for OCR the second time (%d x %d, then %d x %d)",
		    pixGetWidth(a.page), pixGetHeight(a.page),
		    b.page ? pixGetWidth(b.page) : 0, b.page ? pixGetHeight(b.page) : 0);
	pixDestroy(&a.page);
	pixDestroy(&b.page);
	free(a.res);
	free(b.res);
	return 0;
}
