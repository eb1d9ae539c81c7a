/*
 * doc_image.c: a receipt photo or scan (JPEG, PNG, WebP, TIFF) read into a
 * receipt, and the OCR of a rendered PDF page.
 *
 * The size an image claims is read from its header by this file before any
 * decoder sees it, so an image over the pixel limit (a 40-byte PNG that
 * claims 20000 x 20000) costs nothing. Then: decode (a large JPEG at a half
 * or a quarter of its size, luminance only), the EXIF orientation, grey,
 * a scale at which the text is the size tesseract reads best (measured on
 * the image: the median height of its characters), deskew, and background
 * flattening for uneven light; then the OCR engine (doc_ocr.c) and the
 * receipt parser (domain/receipt.c). Every leptonica object is destroyed
 * on every path.
 *
 * The threshold is adaptive through the flattening: each pixel is divided
 * by the background around it, so tesseract's own threshold then sees an
 * even page. A local threshold of our own before tesseract (Sauvola,
 * doc_image_opts.binarize) was measured worse on the corpus: 92% of the
 * photographed totals instead of 96%, 58% of the real scans instead of 84%
 * (tests/bench/bench_receipts -t binarize=1).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "domain/receipt.h"

struct doc_image_opts doc_image_opts = {
	.char_px = 30,
	.max_scale_pct = 400,
	.min_scale_pct = 34,
	.max_ocr_pixels = 9 * 1000 * 1000,
	.deskew = 1,
	.flatten = 1,
	.binarize = 0,
	.psm = 6,
	.contrast = 0,
	.erode = 0,
};

/* ---- headers ---- */

static uint32_t
be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t
le16(const unsigned char *p)
{
	return (uint32_t)p[1] << 8 | p[0];
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/*
 * The first IFD of the TIFF structure at p (n bytes; a TIFF file, or the
 * EXIF block of a JPEG or WebP): width, height and orientation when there
 * (0 when not). 0, or -1 when it is not a TIFF structure.
 *
 * The size is read as libtiff reads it (leptonica's TIFF decoder), or
 * refused, so the pixel limit checked on it is the one the decoder keeps:
 * width and height are one SHORT or LONG each (libtiff takes any integer
 * type, a LONG8 from elsewhere in the file), and a width or height given
 * twice is refused (libtiff takes the first; fuzz_image found a TIFF that
 * said 1 x 68 here and was decoded at 240 x 68). An orientation of another
 * type or count is none.
 */
static int
tiff_ifd0(const unsigned char *p, size_t n, uint32_t *w, uint32_t *h, uint32_t *orient)
{
	uint32_t (*u16)(const unsigned char *);
	uint32_t (*u32)(const unsigned char *);
	size_t	 off, cnt, i;
	int	 seen = 0;

	*w = *h = *orient = 0;
	if (n < 8)
		return -1;
	if (memcmp(p, "II*\0", 4) == 0) {
		u16 = le16;
		u32 = le32;
	} else if (memcmp(p, "MM\0*", 4) == 0) {
		u16 = be16;
		u32 = be32;
	} else {
		return -1;
	}
	off = u32(p + 4);
	if (off < 8 || off > n - 2)
		return -1;
	cnt = u16(p + off);
	off += 2;
	for (i = 0; i < cnt && off + 12 <= n; i++, off += 12) {
		uint32_t tag = u16(p + off), type = u16(p + off + 2), v;
		int	 one = (type == 3 || type == 4) && u32(p + off + 4) == 1;
		int	 bit = tag == 256 ? 1 : tag == 257 ? 2 : tag == 274 ? 4 : 0;

		if (bit == 0)
			continue;
		if (seen & bit) {
			if (tag == 274)
				continue;	/* the first, as libtiff */
			goto refuse;
		}
		seen |= bit;
		if (!one) {
			if (tag == 274)
				continue;
			goto refuse;
		}
		v = type == 3 ? u16(p + off + 8) : u32(p + off + 8);	/* SHORT or LONG */
		if (tag == 256)
			*w = v;
		else if (tag == 257)
			*h = v;
		else
			*orient = v;
	}
	return 0;
refuse:
	*w = *h = *orient = 0;
	return -1;
}

/*
 * A JPEG's size (its first frame header) and EXIF orientation. 0, or -1.
 * Read as libjpeg reads it, or refused: a marker it does not skip by its
 * length is refused here, since FF 00 is no marker to libjpeg (it skips the
 * two bytes and reads on, so a frame header inside what this would have
 * skipped as a segment was the size decoded), and the reserved ones stop it.
 */
static int
jpeg_header(const unsigned char *p, size_t n, uint32_t *w, uint32_t *h, uint32_t *orient)
{
	size_t	 i = 2;

	*w = *h = *orient = 0;
	while (i + 4 <= n) {
		unsigned m;
		size_t	 len;

		if (p[i] != 0xff)
			return -1;
		while (i < n && p[i] == 0xff)
			i++;		/* fill bytes */
		if (i >= n)
			return -1;
		m = p[i++];
		if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7))
			continue;	/* no length */
		if (m == 0xd9 || i + 2 > n)
			return -1;
		if (m < 0xc0 || m == 0xde || m == 0xdf || (m >= 0xf0 && m <= 0xfd))
			return -1;	/* no segment to libjpeg */
		len = be16(p + i);
		if (len < 2 || i + len > n)
			return -1;
		if (m == 0xe1 && len >= 16 && memcmp(p + i + 2, "Exif\0\0", 6) == 0) {
			uint32_t ew, eh;

			(void)tiff_ifd0(p + i + 8, len - 8, &ew, &eh, orient);
		}
		if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			if (len < 7)
				return -1;
			*h = be16(p + i + 3);
			*w = be16(p + i + 5);
			return 0;
		}
		if (m == 0xda)
			return -1;	/* scan data before any frame header */
		i += len;
	}
	return -1;
}

/*
 * A WebP's canvas size and EXIF orientation (VP8, VP8L, VP8X). 0, or -1.
 * The first chunk must be one of those three, as libwebp reads it: any other
 * there is read by libwebp as a bare bitstream, which may claim any size
 * (16384 x 16384 in a chunk's name and length) while a later chunk said 1 x 1
 * here.
 */
static int
webp_header(const unsigned char *p, size_t n, uint32_t *w, uint32_t *h, uint32_t *orient)
{
	size_t	 i = 12, end;
	int	 got = 0;

	*w = *h = *orient = 0;
	if (n < 20)
		return -1;
	if (memcmp(p + 12, "VP8X", 4) != 0 && memcmp(p + 12, "VP8 ", 4) != 0 &&
	    memcmp(p + 12, "VP8L", 4) != 0)
		return -1;
	end = (size_t)le32(p + 4) + 8;
	if (end > n)
		end = n;
	while (i + 8 <= end) {
		const unsigned char *c = p + i + 8;
		size_t	 len = le32(p + i + 4);

		if (len > end - i - 8)
			len = end - i - 8;
		if (!got && memcmp(p + i, "VP8X", 4) == 0 && len >= 10) {
			*w = (uint32_t)(c[4] | c[5] << 8 | c[6] << 16) + 1;
			*h = (uint32_t)(c[7] | c[8] << 8 | c[9] << 16) + 1;
			got = 1;
		} else if (!got && memcmp(p + i, "VP8 ", 4) == 0 && len >= 10) {
			if (c[3] != 0x9d || c[4] != 0x01 || c[5] != 0x2a)
				return -1;
			*w = le16(c + 6) & 0x3fff;
			*h = le16(c + 8) & 0x3fff;
			return 0;
		} else if (!got && memcmp(p + i, "VP8L", 4) == 0 && len >= 5) {
			uint32_t b = le32(c + 1);

			if (c[0] != 0x2f)
				return -1;
			*w = (b & 0x3fff) + 1;
			*h = ((b >> 14) & 0x3fff) + 1;
			return 0;
		} else if (memcmp(p + i, "EXIF", 4) == 0) {
			uint32_t ew, eh;

			if (len >= 6 && memcmp(c, "Exif\0\0", 6) == 0)
				(void)tiff_ifd0(c + 6, len - 6, &ew, &eh, orient);
			else
				(void)tiff_ifd0(c, len, &ew, &eh, orient);
		}
		i += 8 + len + (len & 1);
	}
	return got ? 0 : -1;
}

/*
 * The size the image says it has, from its header alone, and its EXIF
 * orientation (1 when none). 0, or -1 when the header cannot be read.
 */
static int
image_header(enum doc_format fmt, const unsigned char *p, size_t n, uint32_t *w,
    uint32_t *h, uint32_t *orient)
{
	int	 rc = -1;

	*w = *h = 0;
	*orient = 1;
	switch (fmt) {
	case DOC_FMT_PNG:
		if (n >= 24 && memcmp(p + 12, "IHDR", 4) == 0) {
			*w = be32(p + 16);
			*h = be32(p + 20);
			rc = 0;
		}
		break;
	case DOC_FMT_JPEG:
		rc = jpeg_header(p, n, w, h, orient);
		break;
	case DOC_FMT_WEBP:
		rc = webp_header(p, n, w, h, orient);
		break;
	case DOC_FMT_TIFF:
		/* leptonica turns a TIFF by its own orientation tag */
		rc = tiff_ifd0(p, n, w, h, orient);
		*orient = 1;
		break;
	default:
		break;
	}
	if (*orient < 1 || *orient > 8)
		*orient = 1;
	return rc;
}

/* ---- decoding ---- */

/*
 * Replace *pp by q (when q is not NULL), destroying the old one. Leptonica
 * answers with a clone of its input when it has nothing to do (pixDeskew of
 * a straight page): the same pix with one more reference, given back here.
 */
static void
swap_pix(PIX **pp, PIX *q)
{
	if (q == NULL)
		return;
	if (q == *pp) {
		pixDestroy(&q);
		return;
	}
	pixDestroy(pp);
	*pp = q;
}

PIX *
doc_image_orient(PIX *pix, uint32_t o)
{
	PIX	*q = pix, *r;

	if (o == 3)
		q = pixRotateOrth(pix, 2);
	else if (o == 6 || o == 5 || o == 7)
		q = pixRotateOrth(pix, 1);
	else if (o == 8)
		q = pixRotateOrth(pix, 3);
	if (q == NULL)
		return pix;
	if (q != pix)
		pixDestroy(&pix);
	if (o == 2 || o == 5)
		r = pixFlipLR(NULL, q);
	else if (o == 4 || o == 7)
		r = pixFlipTB(NULL, q);
	else
		return q;
	if (r == NULL)
		return q;
	pixDestroy(&q);
	return r;
}

/*
 * Decode the image. A JPEG is read as luminance, at 1/2, 1/4 or 1/8 of its
 * size when that still leaves its short side over 1200 pixels (a phone's 12
 * megapixels need no more): info->reduction. info->damaged is set when the
 * decoder had to make up for broken data.
 */
static PIX *
decode(const struct doc_ctx *ctx, enum doc_format fmt, struct doc_image_info *info)
{
	PIX	*pix;
	int	 red = 1, nwarn = 0;
	uint32_t s = info->w < info->h ? info->w : info->h;

	info->damaged = 0;
	info->reduction = 1;
	if (fmt != DOC_FMT_JPEG)
		return pixReadMem(ctx->p, ctx->n);
	while (red < 8 && s / (uint32_t)(red * 2) >= 1200)
		red *= 2;
	info->reduction = red;
	pix = pixReadMemJpeg(ctx->p, ctx->n, 0, red, &nwarn, L_JPEG_READ_LUMINANCE);
	if (pix == NULL) {
		pix = pixReadMemJpeg(ctx->p, ctx->n, 0, red, &nwarn,
		    L_JPEG_READ_LUMINANCE | L_JPEG_CONTINUE_WITH_BAD_DATA);
		info->damaged = pix != NULL;
	}
	return pix;
}

/* ---- clean-up for OCR ---- */

/* pix as 8-bit grey: transparency on white, colour to luminance. */
static PIX *
to_grey(PIX *pix)
{
	PIX	*q;

	if (pixGetDepth(pix) == 32 && pixGetSpp(pix) == 4) {
		q = pixAlphaBlendUniform(pix, 0xffffff00);
		swap_pix(&pix, q);
	}
	if (pixGetColormap(pix) != NULL) {
		q = pixRemoveColormap(pix, REMOVE_CMAP_TO_GRAYSCALE);
		swap_pix(&pix, q);
	}
	if (pixGetDepth(pix) == 32)
		q = pixConvertRGBToLuminance(pix);
	else if (pixGetDepth(pix) != 8)
		q = pixConvertTo8(pix, 0);
	else
		return pix;
	if (q == NULL) {
		pixDestroy(&pix);
		return NULL;
	}
	pixDestroy(&pix);
	return q;
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * The median height of the characters of grey pix, in pixels (0 when it
 * cannot tell): the connected components of a binarised copy that are
 * shaped like glyphs. Read on a copy at most ~1000 pixels wide.
 */
static int
char_height(PIX *grey)
{
	PIX	*small = NULL, *bin = NULL, *norm = NULL;
	BOXA	*boxa = NULL;
	int	*hs = NULL, n, i, k = 0, med = 0, w = pixGetWidth(grey);
	int	 red = 1;

	while (w / (red * 2) >= 1000)
		red *= 2;
	if (red > 1)
		small = pixScaleAreaMap2(grey);
	if (red > 2 && small != NULL) {
		PIX *s2 = pixScaleAreaMap(small, 2.0f / (float)red, 2.0f / (float)red);

		pixDestroy(&small);
		small = s2;
	}
	if (small == NULL) {
		small = pixClone(grey);
		red = 1;
	}
	norm = pixBackgroundNormSimple(small, NULL, NULL);
	bin = pixConvertTo1(norm != NULL ? norm : small, 140);
	if (bin == NULL)
		goto out;
	boxa = pixConnCompBB(bin, 8);
	if (boxa == NULL || (n = boxaGetCount(boxa)) == 0)
		goto out;
	hs = LEPT_CALLOC((size_t)n, sizeof(int));
	if (hs == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		int x, y, bw, bh;

		if (boxaGetBoxGeometry(boxa, i, &x, &y, &bw, &bh) != 0)
			continue;
		/* a glyph: taller than wide or nearly, not a speck, not a line */
		if (bh >= 5 && bh <= 150 && bw <= bh * 2 && bw * 5 >= bh)
			hs[k++] = bh;
	}
	if (k >= 10) {
		qsort(hs, (size_t)k, sizeof(int), cmp_int);
		/* the upper half: capitals and digits, not dots and commas */
		med = hs[k * 2 / 3] * red;
	}
out:
	LEPT_FREE(hs);
	boxaDestroy(&boxa);
	pixDestroy(&bin);
	pixDestroy(&norm);
	pixDestroy(&small);
	return med;
}

PIX *
doc_image_prepare(PIX *pix)
{
	const struct doc_image_opts *o = &doc_image_opts;
	PIX	*q;
	int	 ch, pct = 100;
	int64_t	 w, h;

	if ((pix = to_grey(pix)) == NULL)
		return NULL;
	ch = char_height(pix);
	if (ch > 0)
		pct = o->char_px * 100 / ch;
	else
		pct = 100;
	if (pct > o->max_scale_pct)
		pct = o->max_scale_pct;
	if (pct < o->min_scale_pct)
		pct = o->min_scale_pct;
	/*
	 * Within max_ocr_pixels however leptonica rounds the scaled size, and
	 * scaled even by 90..110% when that is what keeps it there (a page of
	 * 3200 x 3000 went to tesseract whole at 95%, against fuzz_image's
	 * check).
	 */
	w = pixGetWidth(pix);
	h = pixGetHeight(pix);
	while (pct > 10 && (w * pct / 100 + 1) * (h * pct / 100 + 1) > o->max_ocr_pixels)
		pct -= 5;
	if (pct < 90 || pct > 110 || w * h > o->max_ocr_pixels) {
		float s = (float)pct / 100.0f;

		q = pct < 100 ? pixScaleAreaMap(pix, s, s) : pixScaleGrayLI(pix, s, s);
		swap_pix(&pix, q);
	}
	if (o->deskew) {
		q = pixDeskew(pix, 0);
		swap_pix(&pix, q);
	}
	if (o->flatten) {
		q = pixBackgroundNormSimple(pix, NULL, NULL);
		swap_pix(&pix, q);
	}
	if (o->contrast) {
		q = pixContrastNorm(NULL, pix, 50, 50, 30, 2, 2);
		swap_pix(&pix, q);
	}
	if (o->erode) {
		q = pixErodeGray(pix, 3, 3);
		swap_pix(&pix, q);
	}
	if (o->binarize) {
		PIX *b = NULL;

		if (pixSauvolaBinarizeTiled(pix, 25, 0.35f, 1, 1, NULL, &b) == 0 && b != NULL)
			swap_pix(&pix, b);
	}
	pixSetResolution(pix, 300, 300);
	return pix;
}

/* ---- readers ---- */

/* Letters and digits in OCR text: whether anything was read at all. */
static size_t
letters_in(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9');
	return n;
}

/* The OCR of pix (taken): text in ctx->pool. 0, or -1 with *why. */
static int
ocr(const struct doc_ctx *ctx, PIX *pix, char **text, int *conf, enum doc_status *why)
{
	int	 rc;

	if ((pix = doc_image_prepare(pix)) == NULL) {
		*why = DOC_NOMEM;
		return -1;
	}
	if (doc_late(ctx)) {
		pixDestroy(&pix);
		*why = DOC_TIMEOUT;
		return -1;
	}
	rc = doc_ocr_pix(ctx, pix, text, conf, why);
	pixDestroy(&pix);
	return rc;
}

static int
ocr_fail(const struct doc_ctx *ctx, struct doc_result *out, enum doc_status why)
{
	switch (why) {
	case DOC_TIMEOUT:
		return doc_fail(out, DOC_TIMEOUT, "reading the image took longer than %d s",
		    ctx->lim->time_ms / 1000);
	case DOC_NOMEM:
		return doc_fail(out, DOC_NOMEM, "out of memory reading the image");
	default:
		return doc_fail(out, DOC_UNREADABLE, "the text of the image could not be read "
		    "(the OCR engine is not available)");
	}
}

int
doc_image_decode(const struct doc_ctx *ctx, struct doc_result *out, PIX **pixp,
    struct doc_image_info *info)
{
	PIX	*pix;
	const char *name = doc_format_name(out->format);

	memset(info, 0, sizeof(*info));
	*pixp = NULL;
	setMsgSeverity(L_SEVERITY_NONE);
	if (image_header(out->format, ctx->p, ctx->n, &info->w, &info->h, &info->orient) == -1)
		return doc_fail(out, DOC_UNREADABLE, "the %s image is corrupt: its header "
		    "cannot be read", name);
	if (info->w == 0 || info->h == 0)
		return doc_fail(out, DOC_UNREADABLE, "the %s image has no pixels (%u x %u)",
		    name, info->w, info->h);
	/* w * h of two uint32_t may not fit an int64_t (fuzz_image: 2^32-1 squared) */
	if ((uint64_t)info->w * info->h > (uint64_t)ctx->lim->max_pixels)
		return doc_fail(out, DOC_TOO_LARGE, "the image has %u x %u pixels: more than "
		    "the %lld megapixels allowed", info->w, info->h,
		    (long long)(ctx->lim->max_pixels / 1000000));
	if ((pix = decode(ctx, out->format, info)) == NULL)
		return doc_fail(out, DOC_UNREADABLE, "the %s image is corrupt or truncated",
		    name);
	info->dec_w = pixGetWidth(pix);
	info->dec_h = pixGetHeight(pix);
	if ((int64_t)info->dec_w * info->dec_h > ctx->lim->max_pixels) {
		pixDestroy(&pix);
		return doc_fail(out, DOC_TOO_LARGE, "the image has more than the %lld "
		    "megapixels allowed", (long long)(ctx->lim->max_pixels / 1000000));
	}
	*pixp = pix;
	return 0;
}

int
doc_image_text(const struct doc_ctx *ctx, struct doc_result *out, char **text, int *conf,
    int *damaged)
{
	struct doc_image_info info;
	PIX	*pix;
	enum doc_status why;

	*text = NULL;
	*conf = 0;
	*damaged = 0;
	if (doc_image_decode(ctx, out, &pix, &info) == -1)
		return -1;
	*damaged = info.damaged;
	if (info.orient != 1)
		pix = doc_image_orient(pix, info.orient);
	if (ocr(ctx, pix, text, conf, &why) == -1)
		return ocr_fail(ctx, out, why);
	return 0;
}

int
doc_read_image(const struct doc_ctx *ctx, struct doc_result *out)
{
	char	*text;
	int	 conf, damaged;
	const char *name = doc_format_name(out->format);

	out->kind = DOC_KIND_RECEIPT;
	if (doc_image_text(ctx, out, &text, &conf, &damaged) == -1)
		return -1;
	if (receipt_parse(text, strlen(text), ctx->lang, ctx->currency, ctx->today, conf,
	    &out->receipt) == -1) {
		if (damaged)
			return doc_fail(out, DOC_UNREADABLE, "the %s image is damaged (truncated "
			    "or corrupt) and no total could be read from it", name);
		if (letters_in(text) < 20)
			return doc_fail(out, DOC_EMPTY, "no text could be read in the image: "
			    "send a sharper, well-lit photo of the receipt, upright and whole");
		return doc_fail(out, DOC_EMPTY, "no total could be found on the receipt: "
		    "make sure the line with the total is in the photo and legible");
	}
	out->status = DOC_OK;
	return 0;
}

int
doc_ocr_pixels(const struct doc_ctx *ctx, const unsigned char *rgba, int w, int h,
    int stride, char **text, int *confidence)
{
	PIX	*pix;
	l_uint32 *data;
	int	 wpl, x, y;
	enum doc_status why;

	*text = NULL;
	*confidence = 0;
	if (rgba == NULL || w <= 0 || h <= 0 || (int64_t)w * h > ctx->lim->max_pixels ||
	    (int64_t)stride < (int64_t)w * 4)
		return -1;
	setMsgSeverity(L_SEVERITY_NONE);
	if ((pix = pixCreate(w, h, 8)) == NULL)
		return -1;
	data = pixGetData(pix);
	wpl = pixGetWpl(pix);
	for (y = 0; y < h; y++) {
		const unsigned char *r = rgba + (size_t)y * (size_t)stride;
		l_uint32 *line = data + (size_t)y * (size_t)wpl;

		for (x = 0; x < w; x++, r += 4) {
			/* luminance over white by alpha */
			unsigned lum = (77u * r[0] + 150u * r[1] + 29u * r[2]) >> 8;
			unsigned v = (lum * r[3] + 255u * (255u - r[3])) / 255u;

			SET_DATA_BYTE(line, x, (l_uint8)v);
		}
	}
	return ocr(ctx, pix, text, confidence, &why);
}
