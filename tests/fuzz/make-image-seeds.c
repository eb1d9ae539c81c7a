/*
 * make-image-seeds.c: the seeds of fuzz_image (tests/fuzz/corpus/image/),
 * small pictures made with leptonica from the receipts of tests/data/docs
 * (real SROIE scans and phone photos, rendered ones): a piece of each,
 * scaled down, written as JPEG (baseline, progressive), PNG (1-bit, grey,
 * colour map, colour with transparency), WebP (lossy, lossless) and TIFF
 * (G4, LZW, turned by its own orientation tag); then by hand the headers
 * doc_image.c reads: every EXIF orientation in a JPEG (both byte orders,
 * and values out of range) and in a WebP (VP8X with an EXIF chunk), files
 * cut short, headers that claim far more pixels than the file holds (the
 * pixel bombs, refused before decoding), a JPEG photo cut short whose size
 * a 12-megapixel limit reads at half, chunks and tags in odd places. Every
 * seed starts with fuzz_image's option byte (0: the 2-megapixel limit; 3:
 * 12 megapixels). Deterministic; kept small (a few KB each). Run from the
 * top of the tree after changing it, and commit what changes:
 *
 *   cc tests/fuzz/make-image-seeds.c -o /tmp/make-image-seeds $(pkg-config --cflags --libs lept)
 *   /tmp/make-image-seeds
 *
 * Only seed-* files are replaced; crash reproducers (crash-*) stay.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <leptonica/allheaders.h>

#define OUT	"tests/fuzz/corpus/image"
#define DOCS	"tests/data/docs/"

static size_t total;

static void
put(const char *name, unsigned opt, const unsigned char *p, size_t n)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/seed-%s", OUT, name);
	if ((f = fopen(path, "wb")) == NULL || fputc((int)opt, f) == EOF ||
	    (n > 0 && fwrite(p, 1, n, f) != n) || fclose(f) != 0) {
		fprintf(stderr, "%s: cannot write\n", path);
		exit(1);
	}
	total += n + 1;
	printf("%-40s %6zu bytes\n", path, n + 1);
}

static void
wr16(unsigned char *p, unsigned v, int be)
{
	p[be ? 0 : 1] = (unsigned char)(v >> 8);
	p[be ? 1 : 0] = (unsigned char)v;
}

static void
wr32(unsigned char *p, uint32_t v, int be)
{
	int i;

	for (i = 0; i < 4; i++)
		p[be ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

/* A piece of a document's image (x, y, w, h as fractions of it), scaled to width px. */
static PIX *
piece(const char *file, float fx, float fy, float fw, float fh, int width)
{
	char	 path[512];
	PIX	*pix, *c, *s;
	BOX	*box;
	int	 w, h;

	snprintf(path, sizeof(path), DOCS "%s", file);
	if ((pix = pixRead(path)) == NULL) {
		fprintf(stderr, "%s: cannot read\n", path);
		exit(1);
	}
	w = pixGetWidth(pix);
	h = pixGetHeight(pix);
	box = boxCreate((int)(fx * w), (int)(fy * h), (int)(fw * w), (int)(fh * h));
	c = pixClipRectangle(pix, box, NULL);
	s = pixScaleToSize(c, width, 0);
	boxDestroy(&box);
	pixDestroy(&c);
	pixDestroy(&pix);
	if (s == NULL) {
		fprintf(stderr, "%s: cannot scale\n", path);
		exit(1);
	}
	return s;
}

/* A copy of n bytes at p with an APP1 EXIF block of orientation o (type SHORT, or LONG) after SOI. */
static unsigned char *
jpeg_exif(const unsigned char *p, size_t n, uint32_t o, int be, int as_long, size_t *outn)
{
	unsigned char app[2 + 2 + 6 + 8 + 2 + 12 + 4], *q;
	unsigned char *t = app + 10;

	memset(app, 0, sizeof(app));
	app[0] = 0xff;
	app[1] = 0xe1;
	wr16(app + 2, sizeof(app) - 2, 1);
	memcpy(app + 4, "Exif\0\0", 6);
	memcpy(t, be ? "MM\0*" : "II*\0", 4);
	wr32(t + 4, 8, be);
	wr16(t + 8, 1, be);				/* one entry */
	wr16(t + 10, 274, be);				/* Orientation */
	wr16(t + 12, as_long ? 4 : 3, be);
	wr32(t + 14, 1, be);
	if (as_long)
		wr32(t + 18, o, be);
	else
		wr16(t + 18, o, be);
	wr32(t + 22, 0, be);				/* no next IFD */
	if ((q = malloc(n + sizeof(app))) == NULL)
		exit(1);
	memcpy(q, p, 2);
	memcpy(q + 2, app, sizeof(app));
	memcpy(q + 2 + sizeof(app), p + 2, n - 2);
	*outn = n + sizeof(app);
	return q;
}

/* The offset of JPEG marker m's length in p, or 0. */
static size_t
jpeg_marker(const unsigned char *p, size_t n, unsigned m)
{
	size_t i = 2;

	while (i + 4 <= n && p[i] == 0xff) {
		if (p[i + 1] == m)
			return i + 2;
		if (p[i + 1] == 0xda)
			return 0;
		i += 2 + ((size_t)p[i + 2] << 8 | p[i + 3]);
	}
	return 0;
}

/* A WebP (simple, VP8 or VP8L at 12) rewrapped as VP8X with an EXIF chunk of orientation o. */
static unsigned char *
webp_exif(const unsigned char *p, size_t n, int w, int h, uint32_t o, int exif_header,
    size_t *outn)
{
	unsigned char exif[6 + 8 + 2 + 12 + 4], *q, *t;
	size_t	 img = n - 12, elen, k = 0;

	t = exif;
	if (exif_header) {
		memcpy(exif, "Exif\0\0", 6);
		t = exif + 6;
	}
	memset(t, 0, 26);
	memcpy(t, "II*\0", 4);
	wr32(t + 4, 8, 0);
	wr16(t + 8, 1, 0);
	wr16(t + 10, 274, 0);
	wr16(t + 12, 3, 0);
	wr32(t + 14, 1, 0);
	wr16(t + 18, o, 0);
	elen = (size_t)(t - exif) + 26;
	*outn = 12 + 18 + img + 8 + elen + (elen & 1);
	if ((q = calloc(1, *outn)) == NULL)
		exit(1);
	memcpy(q, "RIFF", 4);
	wr32(q + 4, (uint32_t)(*outn - 8), 0);
	memcpy(q + 8, "WEBP", 4);
	k = 12;
	memcpy(q + k, "VP8X", 4);
	wr32(q + k + 4, 10, 0);
	q[k + 8] = 0x08;				/* EXIF present */
	q[k + 12] = (unsigned char)(w - 1);
	q[k + 13] = (unsigned char)((w - 1) >> 8);
	q[k + 14] = (unsigned char)((w - 1) >> 16);
	q[k + 15] = (unsigned char)(h - 1);
	q[k + 16] = (unsigned char)((h - 1) >> 8);
	q[k + 17] = (unsigned char)((h - 1) >> 16);
	k += 18;
	memcpy(q + k, p + 12, img);
	k += img;
	memcpy(q + k, "EXIF", 4);
	wr32(q + k + 4, (uint32_t)elen, 0);
	memcpy(q + k + 8, exif, elen);
	return q;
}

/* A PNG chunk at q: length, type, data, CRC. Returns its size. */
static size_t
png_chunk(unsigned char *q, const char *type, const unsigned char *d, size_t n)
{
	static uint32_t table[256];
	uint32_t c = 0xffffffffu;
	size_t	 i;
	int	 k;

	if (table[1] == 0)
		for (i = 0; i < 256; i++) {
			uint32_t v = (uint32_t)i;

			for (k = 0; k < 8; k++)
				v = v & 1 ? 0xedb88320u ^ (v >> 1) : v >> 1;
			table[i] = v;
		}
	wr32(q, (uint32_t)n, 1);
	memcpy(q + 4, type, 4);
	if (n > 0)
		memcpy(q + 8, d, n);
	for (i = 4; i < 8 + n; i++)
		c = table[(c ^ q[i]) & 0xff] ^ (c >> 8);
	wr32(q + 8 + n, c ^ 0xffffffffu, 1);
	return 12 + n;
}

/* A 1-bit grey PNG of w x h white pixels, its rows deflated with leptonica's zlib. */
static void
png_white(const char *name, unsigned opt, uint32_t w, uint32_t h, int claim_only)
{
	unsigned char ihdr[13], *png, *raw, *z = NULL;
	size_t	 row = 1 + (w + 7) / 8, rawn = claim_only ? 0 : row * h, zn = 0, k = 0;
	size_t	 y;

	wr32(ihdr, w, 1);
	wr32(ihdr + 4, h, 1);
	memcpy(ihdr + 8, "\x01\x00\x00\x00\x00", 5);	/* 1-bit grey */
	if ((raw = calloc(1, rawn + 1)) == NULL)
		exit(1);
	for (y = 0; y < rawn; y++)
		raw[y] = y % row == 0 ? 0 : 0xff;	/* filter none, white */
	if (!claim_only && (z = zlibCompress(raw, rawn, &zn)) == NULL)
		exit(1);
	if ((png = calloc(1, 8 + 25 + 12 + zn + 12)) == NULL)
		exit(1);
	memcpy(png, "\x89PNG\r\n\x1a\n", 8);
	k = 8;
	k += png_chunk(png + k, "IHDR", ihdr, 13);
	k += png_chunk(png + k, "IDAT", z, zn);
	k += png_chunk(png + k, "IEND", NULL, 0);
	put(name, opt, png, k);
	free(png);
	free(raw);
	lept_free(z);
}

/* The pictures: pieces of real and rendered receipts in every format. */
static void
pictures(void)
{
	static const struct {
		const char *file, *name;
		float	 x, y, w, h;
		int	 width;
	} src[] = {
		{ "real/receipts/images/sroie_X00016469670.jpg", "sroie-70", 0.05f, 0.1f, 0.9f, 0.5f, 240 },
		{ "real/receipts/images/nfce_zaffari_photo.jpeg", "zaffari-photo", 0.2f, 0.1f, 0.6f, 0.8f, 200 },
		{ "real/receipts/images/i2d_flipkart.png", "flipkart", 0.0f, 0.0f, 1.0f, 0.4f, 240 },
		{ "receipts/images/en_us_restaurant_14_photo_exif.jpg", "restaurant-14", 0.1f, 0.1f, 0.8f, 0.6f, 200 },
		{ "receipts/images/pt_br_nfce_28.tiff", "nfce-28", 0.0f, 0.0f, 1.0f, 0.5f, 240 },
	};
	size_t	 i, n;
	l_uint8	*d;
	char	 name[128];

	for (i = 0; i < sizeof(src) / sizeof(src[0]); i++) {
		PIX *pix = piece(src[i].file, src[i].x, src[i].y, src[i].w, src[i].h,
		    src[i].width);
		PIX *grey = pixConvertTo8(pix, 0), *bin = pixConvertTo1(grey, 150);

		if (grey == NULL || bin == NULL)
			exit(1);
		snprintf(name, sizeof(name), "jpeg-%s", src[i].name);
		if (pixWriteMemJpeg(&d, &n, grey, 35, 0) == 0) {
			put(name, 0, d, n);
			lept_free(d);
		}
		if (i == 1 && pixGetDepth(pix) == 32 && pixWriteMemJpeg(&d, &n, pix, 25, 1) == 0) {
			put("jpeg-progressive-colour", 0, d, n);
			lept_free(d);
		}
		snprintf(name, sizeof(name), "png-%s-1bit", src[i].name);
		if (pixWriteMemPng(&d, &n, bin, 0.0f) == 0) {
			put(name, 0, d, n);
			lept_free(d);
		}
		snprintf(name, sizeof(name), "webp-%s", src[i].name);
		if (pixWriteMemWebP(&d, &n, pix, 20, 0) == 0) {
			put(name, 0, d, n);
			lept_free(d);
		}
		snprintf(name, sizeof(name), "tiff-%s-g4", src[i].name);
		if (pixWriteMemTiff(&d, &n, bin, IFF_TIFF_G4) == 0) {
			put(name, 0, d, n);
			lept_free(d);
		}
		pixDestroy(&bin);
		pixDestroy(&grey);
		pixDestroy(&pix);
	}
	/* grey, a colour map, colour with transparency, lossless WebP, LZW TIFF: small ones */
	{
		PIX *pix = piece("real/receipts/images/sroie_X51005621482.jpg", 0.1f, 0.1f, 0.8f,
		    0.3f, 96);
		PIX *grey = pixConvertTo8(pix, 0), *cmap = NULL, *rgba = NULL;

		if (grey == NULL)
			exit(1);
		if (pixWriteMemPng(&d, &n, grey, 0.0f) == 0) {
			put("png-sroie-82-grey", 0, d, n);
			lept_free(d);
		}
		if ((cmap = pixConvertGrayToColormap8(grey, 16)) != NULL &&
		    pixWriteMemPng(&d, &n, cmap, 0.0f) == 0) {
			put("png-sroie-82-colormap", 0, d, n);
			lept_free(d);
		}
		if (pixGetDepth(pix) == 32 && (rgba = pixCopy(NULL, pix)) != NULL) {
			int x, y;

			pixSetSpp(rgba, 4);
			for (y = 0; y < pixGetHeight(rgba); y++)
				for (x = 0; x < pixGetWidth(rgba); x++) {
					l_uint32 v;

					pixGetPixel(rgba, x, y, &v);
					pixSetPixel(rgba, x, y, (v & 0xffffff00u) | (l_uint32)(x * 255 / pixGetWidth(rgba)));
				}
			if (pixWriteMemPng(&d, &n, rgba, 0.0f) == 0) {
				put("png-sroie-82-alpha", 0, d, n);
				lept_free(d);
			}
		}
		if (pixWriteMemWebP(&d, &n, grey, 100, 1) == 0) {
			put("webp-sroie-82-lossless", 0, d, n);
			lept_free(d);
		}
		if (pixWriteMemTiff(&d, &n, grey, IFF_TIFF_LZW) == 0) {
			put("tiff-sroie-82-lzw", 0, d, n);
			lept_free(d);
		}
		pixDestroy(&rgba);
		pixDestroy(&cmap);
		pixDestroy(&grey);
		pixDestroy(&pix);
	}
}

/* EXIF orientations: in a JPEG (each byte order, SHORT and LONG, out of range) and a WebP. */
static void
orientations(void)
{
	PIX	*pix = piece("receipts/images/en_us_store_06_photo_exif.jpg", 0.2f, 0.2f, 0.5f,
	    0.3f, 64);
	PIX	*grey = pixConvertTo8(pix, 0);
	l_uint8	*jpg, *webp, *q;
	size_t	 jn, wn, qn;
	char	 name[64];
	uint32_t o;
	static const uint32_t odd[] = { 0, 9, 0xffff, 0x10006 };

	if (grey == NULL || pixWriteMemJpeg(&jpg, &jn, grey, 30, 0) != 0 ||
	    pixWriteMemWebP(&webp, &wn, pix, 15, 0) != 0)
		exit(1);
	for (o = 1; o <= 8; o++) {
		snprintf(name, sizeof(name), "jpeg-exif-orientation-%u-%s", o, o & 1 ? "mm" : "ii");
		q = jpeg_exif(jpg, jn, o, o & 1, 0, &qn);
		put(name, 0, q, qn);
		free(q);
		if (o == 6 || o == 5 || o == 3) {
			snprintf(name, sizeof(name), "webp-exif-orientation-%u", o);
			q = webp_exif(webp, wn, pixGetWidth(pix), pixGetHeight(pix), o, o != 3, &qn);
			put(name, 0, q, qn);
			free(q);
		}
	}
	for (o = 0; o < sizeof(odd) / sizeof(odd[0]); o++) {
		snprintf(name, sizeof(name), "jpeg-exif-orientation-odd-%u", o);
		q = jpeg_exif(jpg, jn, odd[o], o & 1, odd[o] > 0xffff, &qn);
		put(name, 0, q, qn);
		free(q);
	}
	/* a TIFF turned by its own orientation tag (leptonica reads it) */
	{
		l_uint8	*t;
		size_t	 tn;
		NUMA	*tags = numaCreate(1);
		SARRAY	*vals = sarrayCreate(1), *types = sarrayCreate(1);

		numaAddNumber(tags, 274);
		sarrayAddString(vals, "6", L_COPY);
		sarrayAddString(types, "l_uint16", L_COPY);
		if (pixWriteMemTiffCustom(&t, &tn, grey, IFF_TIFF_LZW, tags, vals, types, NULL) == 0) {
			put("tiff-orientation-6", 0, t, tn);
			lept_free(t);
		}
		numaDestroy(&tags);
		sarrayDestroy(&vals);
		sarrayDestroy(&types);
	}
	lept_free(jpg);
	lept_free(webp);
	pixDestroy(&grey);
	pixDestroy(&pix);
}

/* Headers that lie, files cut short, chunks and markers in odd places. */
static void
odd_headers(void)
{
	PIX	*pix = piece("real/receipts/images/sroie_X00016469670.jpg", 0.1f, 0.1f, 0.6f,
	    0.3f, 80);
	PIX	*grey = pixConvertTo8(pix, 0), *big;
	l_uint8	*jpg, *png, *webp, *tif, *q;
	size_t	 jn, pn, wn, tn, k;
	unsigned char buf[64];

	if (grey == NULL || pixWriteMemJpeg(&jpg, &jn, grey, 30, 0) != 0 ||
	    pixWriteMemPng(&png, &pn, grey, 0.0f) != 0 ||
	    pixWriteMemWebP(&webp, &wn, grey, 15, 0) != 0 ||
	    pixWriteMemTiff(&tif, &tn, grey, IFF_TIFF_ZIP) != 0)
		exit(1);
	/* cut short: after the header, in the middle */
	put("jpeg-cut-half", 0, jpg, jn / 2);
	put("png-cut-half", 0, png, pn / 2);
	put("webp-cut-half", 0, webp, wn / 2);
	put("tiff-cut-half", 0, tif, tn / 2);
	put("png-signature-only", 0, png, 8);
	put("jpeg-soi-only", 0, jpg, 4);

	/* a JPEG whose frame header claims 65000 x 65000 */
	if ((q = malloc(jn)) == NULL)
		exit(1);
	memcpy(q, jpg, jn);
	if ((k = jpeg_marker(q, jn, 0xc0)) != 0) {
		wr16(q + k + 3, 65000, 1);
		wr16(q + k + 5, 65000, 1);
		put("jpeg-bomb-65000x65000", 0, q, jn);
		wr16(q + k + 3, 0, 1);		/* a height left to a DNL marker */
		put("jpeg-height-0", 0, q, jn);
	}
	/* fill bytes before a marker, a TEM marker */
	{
		l_uint8 *f = malloc(jn + 4);

		if (f == NULL)
			exit(1);
		memcpy(f, jpg, 2);
		memcpy(f + 2, "\xff\xff\xff\x01", 4);
		memcpy(f + 6, jpg + 2, jn - 2);
		put("jpeg-fill-and-tem", 0, f, jn + 4);
		free(f);
	}
	free(q);

	/* PNG bombs: a 40-byte one claiming 20000 x 20000, a real 3000 x 3000 of 1 KB */
	png_white("png-bomb-20000x20000", 0, 20000, 20000, 1);
	png_white("png-white-3000x3000", 0, 3000, 3000, 0);
	png_white("png-white-3000x3000-12mp", 3, 3000, 3000, 0);

	/* WebP: a VP8X canvas of 16M x 16M; a VP8L bitstream of 16384 x 16384; an unknown chunk first */
	memset(buf, 0, sizeof(buf));
	memcpy(buf, "RIFF", 4);
	wr32(buf + 4, 4 + 18 + 8 + 5, 0);
	memcpy(buf + 8, "WEBPVP8X", 8);
	wr32(buf + 16, 10, 0);
	memset(buf + 24, 0xff, 6);
	memcpy(buf + 30, "VP8L", 4);
	wr32(buf + 34, 5, 0);
	buf[38] = 0x2f;
	memset(buf + 39, 0xff, 4);
	put("webp-bomb-vp8x", 0, buf, 43);
	{
		unsigned char v[12 + 8 + 6];

		memcpy(v, "RIFF", 4);
		wr32(v + 4, sizeof(v) - 8, 0);
		memcpy(v + 8, "WEBPVP8L", 8);
		wr32(v + 16, 5, 0);
		v[20] = 0x2f;
		wr32(v + 21, 0x0fffffff, 0);	/* 16384 x 16384, no alpha, version 0 */
		v[25] = 0;
		put("webp-bomb-vp8l", 0, v, sizeof(v));
	}
	if ((q = malloc(wn + 16)) == NULL)
		exit(1);
	memcpy(q, webp, 12);
	memcpy(q + 12, "ICCP", 4);
	wr32(q + 16, 8, 0);
	memset(q + 20, 0, 8);
	memcpy(q + 28, webp + 12, wn - 12);
	wr32(q + 4, (uint32_t)(wn + 16 - 8), 0);
	put("webp-chunk-before-image", 0, q, wn + 16);
	free(q);

	/* TIFF: an IFD claiming 100000 x 100000; width given twice */
	memset(buf, 0, sizeof(buf));
	memcpy(buf, "II*\0", 4);
	wr32(buf + 4, 8, 0);
	wr16(buf + 8, 3, 0);
	wr16(buf + 10, 256, 0), wr16(buf + 12, 4, 0), wr32(buf + 14, 1, 0), wr32(buf + 18, 100000, 0);
	wr16(buf + 22, 257, 0), wr16(buf + 24, 4, 0), wr32(buf + 26, 1, 0), wr32(buf + 30, 100000, 0);
	wr16(buf + 34, 258, 0), wr16(buf + 36, 3, 0), wr32(buf + 38, 1, 0), wr16(buf + 42, 8, 0);
	put("tiff-bomb-100000x100000", 0, buf, 50);
	wr16(buf + 8, 4, 0);
	memmove(buf + 10 + 12, buf + 10, 36);
	wr16(buf + 10, 256, 0), wr16(buf + 12, 3, 0), wr32(buf + 14, 1, 0), wr32(buf + 18, 64, 0);
	put("tiff-width-twice", 0, buf, 62);

	/* a phone photo cut short: 2448 x 3264, read at half under a 12-megapixel limit */
	big = pixScaleToSize(grey, 2448, 3264);
	if (big == NULL || pixWriteMemJpeg(&q, &k, big, 40, 0) != 0)
		exit(1);
	put("jpeg-photo-2448x3264-cut-12mp", 3, q, k < 12000 ? k : 12000);
	lept_free(q);
	pixDestroy(&big);

	lept_free(jpg);
	lept_free(png);
	lept_free(webp);
	lept_free(tif);
	pixDestroy(&grey);
	pixDestroy(&pix);
}

/* The two rendered receipts small enough as they are: PIL's WebP and TIFF writers. */
static void
originals(void)
{
	static const struct { const char *file, *name; } f[] = {
		{ "receipts/images/en_us_store_02.webp", "webp-store-02-original" },
		{ "receipts/images/en_us_store_03.tiff", "tiff-store-03-original" },
	};
	char	 path[512];
	size_t	 i, n;
	l_uint8	*d;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		snprintf(path, sizeof(path), DOCS "%s", f[i].file);
		if ((d = l_binaryRead(path, &n)) == NULL)
			exit(1);
		put(f[i].name, 0, d, n);
		lept_free(d);
	}
}

int
main(void)
{
	DIR	*dir;
	struct dirent *e;
	char	 path[512];

	setMsgSeverity(L_SEVERITY_ERROR);
	mkdir(OUT, 0755);
	if ((dir = opendir(OUT)) == NULL) {
		fprintf(stderr, "%s: run from the top of the tree\n", OUT);
		return 1;
	}
	while ((e = readdir(dir)) != NULL)
		if (strncmp(e->d_name, "seed-", 5) == 0) {
			snprintf(path, sizeof(path), "%s/%s", OUT, e->d_name);
			unlink(path);
		}
	closedir(dir);
	pictures();
	orientations();
	odd_headers();
	originals();
	printf("%zu bytes in all\n", total);
	return 0;
}
