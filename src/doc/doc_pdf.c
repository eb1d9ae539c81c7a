/*
 * doc_pdf.c: PDF documents with poppler-glib. Each page's text layer is
 * read with the position of every character; characters make words, words
 * on one baseline make a line, and the lines go to the statement table
 * reader as a positioned table (stmt_read_table), which matches words to
 * the header's columns by where they stand: dates, descriptions spread
 * over lines, debit and credit columns, running balances. A page with no
 * text (a scan) is rendered with cairo, by a child process so that no font
 * or cache of it stays in the worker (render_child), and read by OCR
 * (doc_ocr_pixels); its lines go to the reader as plain lines. A document with no
 * statement table but a total is a receipt or an invoice (receipt_parse).
 *
 * Bounded: the page count before any page is read, the characters kept per
 * page and in all, the pixels of a rendered page, and the time budget:
 * between pages, and within a page being rendered (its child is killed at
 * the deadline); poppler cannot be stopped within a page's text layer.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <poppler.h>

#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "domain/receipt.h"
#include "domain/stmt.h"

#define PAGE_CHARS	200000		/* characters of one page's text layer looked at */
#define DOC_CHARS	4000000		/* and of the whole document */
#define MIN_PAGE_TEXT	8		/* fewer letters or digits on a page: a scan */
#define OCR_DPI		200.0
#define MAX_WORD	512		/* bytes of one word */

struct word {
	double		 x0, x1, y0, y1;
	int		 page;
	char		*text;
};

struct pdf {
	const struct doc_ctx *ctx;
	struct doc_result *out;
	struct word	*w;			/* every word of the text layer, heap */
	size_t		 nw, capw;
	struct stmt_line *lines[2];		/* pool: [0] text layer (positioned), [1] OCR */
	size_t		 nlines[2], capl[2];
	char		*text;			/* the document as lines of text, heap */
	size_t		 tlen, tcap;
	size_t		 chars;			/* text layer characters read */
	int		 ocr_pages, ocr_conf;	/* pages read by OCR, their summed confidence */
	int		 text_pages;		/* pages with a text layer */
};

static int
text_add(struct pdf *d, const char *s, size_t n)
{
	if (d->tlen + n + 1 > d->tcap) {
		size_t	 cap = d->tcap ? d->tcap * 2 : 8192;
		char	*t;

		while (cap < d->tlen + n + 1)
			cap *= 2;
		if ((t = realloc(d->text, cap)) == NULL)
			return -1;
		d->text = t;
		d->tcap = cap;
	}
	memcpy(d->text + d->tlen, s, n);
	d->tlen += n;
	d->text[d->tlen] = '\0';
	return 0;
}

/* A new line at the end of table t (0: the text layer's, 1: OCR's). */
static int
line_add(struct pdf *d, int t, struct stmt_line **l)
{
	if (d->nlines[t] == d->capl[t]) {
		size_t	 cap = d->capl[t] ? d->capl[t] * 2 : 256;
		struct stmt_line *nl;

		if ((nl = pool_alloc(d->ctx->pool, cap * sizeof(*nl))) == NULL)
			return -1;
		if (d->nlines[t] > 0)
			memcpy(nl, d->lines[t], d->nlines[t] * sizeof(*nl));
		d->lines[t] = nl;
		d->capl[t] = cap;
	}
	*l = &d->lines[t][d->nlines[t]++];
	memset(*l, 0, sizeof(**l));
	(*l)->line = d->nlines[0] + d->nlines[1];
	return 0;
}

/* A word of n bytes at s, its box (page points, y down), onto d->w. */
static int
word_add(struct pdf *d, int page, const char *s, size_t n, double x0, double y0, double x1,
    double y1)
{
	struct word *w;

	if (n == 0)
		return 0;
	if (d->nw == d->capw) {
		size_t	 cap = d->capw ? d->capw * 2 : 1024;

		if ((w = realloc(d->w, cap * sizeof(*w))) == NULL)
			return -1;
		d->w = w;
		d->capw = cap;
	}
	w = &d->w[d->nw];
	if ((w->text = pool_strndup(d->ctx->pool, s, n)) == NULL)
		return -1;
	w->x0 = x0;
	w->x1 = x1;
	w->y0 = y0;
	w->y1 = y1;
	w->page = page;
	d->nw++;
	return 0;
}

static int
by_y(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	double	 cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;

	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int
by_x(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	if (x->x0 != y->x0)
		return x->x0 < y->x0 ? -1 : 1;
	return 0;
}

static int32_t
centi(double v)
{
	if (v < -2e7)
		return -2000000000;
	if (v > 2e7)
		return 2000000000;
	return (int32_t)(v * 100.0 + (v < 0 ? -0.5 : 0.5));
}

/*
 * The words of pages [from, d->nw) made into lines: words whose vertical
 * middles are within a third of a line's height of the line's first word
 * share it, left to right. Each line goes to the table and, as text with
 * wide gaps kept as several spaces, to d->text.
 */
static int
make_lines(struct pdf *d, size_t from)
{
	size_t	 i, j, k;

	if (d->nw > from)
		qsort(d->w + from, d->nw - from, sizeof(*d->w), by_y);
	for (i = from; i < d->nw; i = j) {
		struct word *f = &d->w[i];
		double	 h = f->y1 - f->y0, mid = (f->y0 + f->y1) / 2, base = f->y1, hmax = h;
		struct stmt_line *l;
		struct stmt_cell *c;

		for (j = i + 1; j < d->nw && d->w[j].page == f->page; j++) {
			double	 m = (d->w[j].y0 + d->w[j].y1) / 2;
			double	 hj = d->w[j].y1 - d->w[j].y0;
			double	 tol = (h < hj ? h : hj) / 3;

			if (m - mid > tol)
				break;
			if (d->w[j].y1 > base)
				base = d->w[j].y1;
			if (hj > hmax)
				hmax = hj;
		}
		qsort(d->w + i, j - i, sizeof(*d->w), by_x);
		if (line_add(d, 0, &l) == -1 ||
		    (c = pool_alloc(d->ctx->pool, (j - i) * sizeof(*c))) == NULL)
			return -1;
		l->cells = c;
		l->ncells = j - i;
		l->page = f->page;
		l->y = centi(base);
		l->height = centi(hmax);
		for (k = i; k < j; k++) {
			struct word *w = &d->w[k];
			struct stmt_cell *ck = &c[k - i];

			ck->text = w->text;
			ck->kind = STMT_TEXT;
			ck->x0 = centi(w->x0);
			ck->x1 = centi(w->x1);
			if (k > i) {
				double	 gap = w->x0 - d->w[k - 1].x1;

				if (text_add(d, gap > hmax * 0.45 ? "    " : " ", gap > hmax * 0.45 ? 4 : 1) == -1)
					return -1;
			}
			if (text_add(d, w->text, strlen(w->text)) == -1)
				return -1;
		}
		if (text_add(d, "\n", 1) == -1)
			return -1;
	}
	return 0;
}

/*
 * Page pg's text layer into words on d->w: characters (one layout
 * rectangle each) up to a blank, or up to a jump in position, make a word.
 * *letters counts its letters and digits. 0, -1 (out of memory), or 1 (the
 * document has more text than is read).
 */
static int
page_words(struct pdf *d, PopplerPage *pg, int page, int *letters)
{
	PopplerRectangle *rects = NULL;
	guint	 nrects = 0, ci;
	char	*text, *p, word[MAX_WORD];
	size_t	 wn = 0;
	double	 x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	int	 rc = 0;

	*letters = 0;
	if ((text = poppler_page_get_text(pg)) == NULL)
		return 0;
	if (!poppler_page_get_text_layout(pg, &rects, &nrects)) {
		g_free(text);
		return 0;
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		g_free(text);
		g_free(rects);
		return 0;
	}
	for (p = text, ci = 0; *p != '\0' && ci < nrects && rc == 0; ci++) {
		gunichar u = g_utf8_get_char(p);
		char	*next = g_utf8_next_char(p);
		size_t	 cl = (size_t)(next - p);
		PopplerRectangle *r = &rects[ci];
		double	 rx0 = r->x1 < r->x2 ? r->x1 : r->x2, rx1 = r->x1 < r->x2 ? r->x2 : r->x1;
		double	 ry0 = r->y1 < r->y2 ? r->y1 : r->y2, ry1 = r->y1 < r->y2 ? r->y2 : r->y1;
		int	 blank = g_unichar_isspace(u) || u == 0xa0 || g_unichar_iscntrl(u);

		if (++d->chars > DOC_CHARS || ci > PAGE_CHARS) {
			rc = 1;
			break;
		}
		if (wn > 0 && !blank) {
			double	 h = y1 - y0;
			double	 gap = rx0 - x1;

			/* a character far from the word's end, or on another baseline, starts a new one */
			if (gap > h * 0.25 || gap < -h * 0.5 || ry0 > y1 - h * 0.3 ||
			    ry1 < y0 + h * 0.3) {
				if (word_add(d, page, word, wn, x0, y0, x1, y1) == -1)
					rc = -1;
				wn = 0;
			}
		}
		if (blank) {
			if (wn > 0 && word_add(d, page, word, wn, x0, y0, x1, y1) == -1)
				rc = -1;
			wn = 0;
		} else if (wn + cl < sizeof(word)) {
			if (wn == 0) {
				x0 = rx0;
				y0 = ry0;
				x1 = rx1;
				y1 = ry1;
			} else {
				if (rx1 > x1)
					x1 = rx1;
				if (ry0 < y0)
					y0 = ry0;
				if (ry1 > y1)
					y1 = ry1;
			}
			memcpy(word + wn, p, cl);
			wn += cl;
			if (g_unichar_isalnum(u))
				(*letters)++;
		}
		p = next;
	}
	if (rc == 0 && wn > 0 && word_add(d, page, word, wn, x0, y0, x1, y1) == -1)
		rc = -1;
	g_free(text);
	g_free(rects);
	return rc;
}

/*
 * Page pg drawn at scale into pixels (w x h, stride bytes a row) as RGBA:
 * 0, or -1.
 */
static int
draw_page(PopplerPage *pg, double scale, unsigned char *pixels, int w, int h, int stride)
{
	cairo_surface_t *s;
	cairo_t	*cr;
	int	 x, y, rc;

	s = cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_ARGB32, w, h, stride);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render_for_printing(pg, cr);
	rc = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_destroy(cr);
	cairo_surface_flush(s);
	cairo_surface_destroy(s);
	/* cairo's ARGB32 is a native-endian word: B, G, R, A in memory on little-endian */
	for (y = 0; y < h; y++) {
		unsigned char *q = pixels + (size_t)y * (size_t)stride;

		for (x = 0; x < w; x++, q += 4) {
			uint32_t v;
			unsigned char t[4];

			memcpy(&v, q, 4);
			t[0] = (unsigned char)(v >> 16);
			t[1] = (unsigned char)(v >> 8);
			t[2] = (unsigned char)v;
			t[3] = (unsigned char)(v >> 24);
			memcpy(q, t, 4);
		}
	}
	return rc;
}

/*
 * Page pg drawn (draw_page) by a child process into pixels, memory shared
 * with it: 0, or -1 with *why (DOC_TIMEOUT at the deadline).
 *
 * Why a child: cairo keeps the last 256 scaled fonts it drew with
 * ("holdovers"), and each holds its font face, so the embedded fonts of
 * every rendered PDF (FreeType faces, the font data, glyph images) stayed
 * in the worker: measured, 330 to 410 KiB more after each one-page receipt
 * rendered, up to 17 MiB before the cap, far more with large fonts. Those
 * caches cannot be emptied while poppler holds font faces of its own in a
 * static cache (cairo_debug_reset_static_data would free them under it),
 * so they are not filled here: the child draws and exits, and all it
 * loaded goes with it. A child also lets the deadline hold within a page
 * (it is killed), and a page that crashes poppler or cairo fails the
 * document, not the worker. A fork costs a few milliseconds; when the
 * system refuses one, the page is drawn here as before.
 */
static int
render_child(const struct doc_ctx *ctx, PopplerPage *pg, double scale, unsigned char *pixels,
    int w, int h, int stride, enum doc_status *why)
{
	int	 fds[2], status = 0, ok = 0;
	pid_t	 pid, r;
	char	 c;
#ifdef __linux__
	pid_t	 parent = getpid();
#endif

	*why = DOC_UNREADABLE;
	if (pipe2(fds, O_CLOEXEC) == -1)
		return draw_page(pg, scale, pixels, w, h, stride);
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return draw_page(pg, scale, pixels, w, h, stride);
	}
	if (pid == 0) {
#ifdef __linux__
		/* the worker gone (killed), its child goes too */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 || getppid() != parent)
			_exit(1);
#endif
		close(fds[0]);
		if (draw_page(pg, scale, pixels, w, h, stride) == -1)
			_exit(1);
		c = 1;
		_exit(write(fds[1], &c, 1) == 1 ? 0 : 1);
	}
	close(fds[1]);
	for (;;) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		int64_t	 left = ctx->deadline_ms - doc_now_ms();
		int	 n;

		if (left <= 0) {
			*why = DOC_TIMEOUT;
			break;
		}
		n = poll(&pfd, 1, left > INT32_MAX ? INT32_MAX : (int)left);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == 0) {
			*why = DOC_TIMEOUT;
			break;
		}
		/* the child's byte, or the end of the pipe: it has exited */
		ok = n == 1 && read(fds[0], &c, 1) == 1 && c == 1;
		break;
	}
	close(fds[0]);
	if (!ok)
		kill(pid, SIGKILL);
	while ((r = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
		;
	if (r != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		ok = 0;
	return ok ? 0 : -1;
}

/*
 * Page pg rendered at OCR_DPI (less if that is over the pixel limit) and
 * read by OCR; its lines onto the table, unpositioned, and onto d->text.
 * 0, or -1 with out set.
 */
static int
page_ocr(struct pdf *d, PopplerPage *pg, int page)
{
	const struct doc_ctx *ctx = d->ctx;
	double	 pw = 0, ph = 0, scale = OCR_DPI / 72.0;
	unsigned char *data;
	char	*text, *p;
	int	 w, h, stride, conf;
	size_t	 len;
	enum doc_status why;

	poppler_page_get_size(pg, &pw, &ph);
	if (!(pw > 1 && ph > 1 && pw < 20000 && ph < 20000))
		return doc_fail(d->out, DOC_UNREADABLE, "page %d of the PDF has no size", page);
	if (pw * scale * ph * scale > (double)ctx->lim->max_pixels) {
		/* a huge page is read smaller, down to 100 dpi; beyond that it is refused */
		while (scale > 0.5 && pw * scale * ph * scale > (double)ctx->lim->max_pixels)
			scale *= 0.95;
		if (scale < 100.0 / 72.0)
			return doc_fail(d->out, DOC_TOO_LARGE, "page %d of the PDF is too large to "
			    "read", page);
	}
	w = (int)(pw * scale);
	h = (int)(ph * scale);
	stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, w);
	if (w < 1 || h < 1 || stride < 1)
		return doc_fail(d->out, DOC_UNREADABLE, "page %d of the PDF has no size", page);
	/* shared with the child that draws it; given back whole when unmapped */
	len = (size_t)stride * (size_t)h;
	data = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (data == MAP_FAILED)
		return doc_fail(d->out, DOC_NOMEM, "out of memory rendering the PDF");
	if (render_child(ctx, pg, scale, data, w, h, stride, &why) == -1) {
		munmap(data, len);
		if (why == DOC_TIMEOUT)
			return doc_fail(d->out, DOC_TIMEOUT, "reading the PDF took longer than %d "
			    "seconds", ctx->lim->time_ms / 1000);
		if (why == DOC_NOMEM)
			return doc_fail(d->out, DOC_NOMEM, "out of memory rendering the PDF");
		return doc_fail(d->out, DOC_UNREADABLE, "page %d of the PDF could not be drawn",
		    page);
	}
	if (doc_ocr_pixels(ctx, data, w, h, stride, &text, &conf) == -1) {
		munmap(data, len);
		if (doc_late(ctx))
			return doc_fail(d->out, DOC_TIMEOUT, "reading the PDF took longer than %d "
			    "seconds", ctx->lim->time_ms / 1000);
		return doc_fail(d->out, DOC_UNREADABLE, "page %d of the PDF has no text layer "
		    "and could not be read by OCR", page);
	}
	munmap(data, len);
	d->ocr_pages++;
	d->ocr_conf += conf;
	for (p = text; *p != '\0';) {
		char	*e = strchr(p, '\n');
		size_t	 n = e != NULL ? (size_t)(e - p) : strlen(p);
		struct stmt_line *l;
		struct stmt_cell *c;

		if (n > 0) {
			if (line_add(d, 1, &l) == -1 ||
			    (c = pool_alloc(ctx->pool, sizeof(*c))) == NULL ||
			    (c->text = pool_strndup(ctx->pool, p, n)) == NULL)
				return doc_fail(d->out, DOC_NOMEM, "out of memory reading the PDF");
			c->kind = STMT_TEXT;
			c->x0 = c->x1 = 0;
			l->cells = c;
			l->ncells = 1;
			l->page = page;
		}
		if (text_add(d, p, n) == -1 || text_add(d, "\n", 1) == -1)
			return doc_fail(d->out, DOC_NOMEM, "out of memory reading the PDF");
		p += n;
		if (*p == '\n')
			p++;
	}
	return 0;
}

/* Table t's rows read into r (a result of its own). */
static int
read_table(struct pdf *d, int t, struct stmt_result *r)
{
	struct stmt_table tab;
	struct stmt_opts o;

	stmt_result_init(r);
	if (d->nlines[t] == 0)
		return stmt_fail(r, STMT_NOTABLE, "no lines");
	memset(&tab, 0, sizeof(tab));
	tab.lines = d->lines[t];
	tab.nlines = d->nlines[t];
	tab.positioned = t == 0;
	doc_stmt_opts(d->ctx, &o);
	return stmt_read_table(&tab, &o, d->ctx->pool, r);
}

/*
 * The rows of the text layer's table and of the OCR'd pages' lines as one
 * statement; a document with fewer than two rows and a total is a receipt.
 */
static int
finish(struct pdf *d)
{
	const struct doc_ctx *ctx = d->ctx;
	struct doc_result *out = d->out;
	struct stmt_result r[2];
	int	 st[2], t, conf;
	size_t	 n = 0, nrej = 0;

	for (t = 0; t < 2; t++) {
		st[t] = read_table(d, t, &r[t]);
		if (st[t] == STMT_OK) {
			n += r[t].nrows;
			nrej += r[t].nrejects;
		} else if (st[t] != STMT_NOTABLE)
			return doc_take_rows(ctx, st[t], &r[t], out, "PDF");
	}
	if (n < 2) {
		conf = d->ocr_pages > 0 ? d->ocr_conf / d->ocr_pages : 1000;
		if (d->tlen > 0 && receipt_parse(d->text, d->tlen, ctx->lang, ctx->currency,
		    ctx->today, conf, &out->receipt) == 0) {
			out->kind = DOC_KIND_RECEIPT;
			out->status = DOC_OK;
			return 0;
		}
		memset(&out->receipt, 0, sizeof(out->receipt));
	}
	if (n == 0) {
		if (d->text_pages == 0 && d->ocr_pages > 0 && d->tlen < 40)
			return doc_fail(out, DOC_EMPTY, "no text could be read in the scanned PDF");
		t = st[0] == STMT_NOTABLE && d->nlines[0] > 0 ? 0 : 1;
		return doc_take_rows(ctx, STMT_NOTABLE, &r[t], out, "PDF");
	}
	out->kind = DOC_KIND_STATEMENT;
	if (st[0] == STMT_OK && st[1] != STMT_OK)
		return doc_take_rows(ctx, STMT_OK, &r[0], out, "PDF");
	if (st[1] == STMT_OK && st[0] != STMT_OK)
		return doc_take_rows(ctx, STMT_OK, &r[1], out, "PDF");
	/* both: the text pages' rows, then the scanned pages' */
	if ((out->rows = pool_alloc(ctx->pool, n * sizeof(*out->rows))) == NULL ||
	    (nrej > 0 && (out->rejects = pool_alloc(ctx->pool, nrej * sizeof(*out->rejects))) == NULL))
		return doc_fail(out, DOC_NOMEM, "out of memory reading the PDF");
	for (t = 0; t < 2; t++) {
		memcpy(out->rows + out->nrows, r[t].rows, r[t].nrows * sizeof(*out->rows));
		out->nrows += r[t].nrows;
		if (r[t].nrejects > 0)
			memcpy(out->rejects + out->nrejects, r[t].rejects,
			    r[t].nrejects * sizeof(*out->rejects));
		out->nrejects += r[t].nrejects;
	}
	if (ctx->lim->max_rows > 0 && out->nrows > ctx->lim->max_rows)
		return doc_fail(out, DOC_TOO_LARGE, "the PDF has more than %zu rows",
		    ctx->lim->max_rows);
	if (strcmp(r[0].currency, r[1].currency) == 0)
		memcpy(out->currency, r[0].currency, sizeof(out->currency));
	out->status = DOC_OK;
	return 0;
}

int
doc_read_pdf(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct pdf d;
	GBytes	*gb;
	GError	*err = NULL;
	PopplerDocument *pd;
	int	 n, i, rc = -1, letters, wr;

	memset(&d, 0, sizeof(d));
	d.ctx = ctx;
	d.out = out;
	gb = g_bytes_new_static(ctx->p, ctx->n);
	pd = poppler_document_new_from_bytes(gb, NULL, &err);
	if (pd == NULL) {
		if (err != NULL && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED)
			doc_fail(out, DOC_UNREADABLE, "the PDF is protected by a password: send it "
			    "without one");
		else
			doc_fail(out, DOC_UNREADABLE, "the PDF is damaged or truncated and could "
			    "not be opened");
		goto out;
	}
	n = poppler_document_get_n_pages(pd);
	out->pages = n;
	if (n <= 0) {
		doc_fail(out, DOC_UNREADABLE, "the PDF has no pages");
		goto out;
	}
	if (n > ctx->lim->max_pages) {
		doc_fail(out, DOC_TOO_LARGE, "the PDF has %d pages, more than the %d read", n,
		    ctx->lim->max_pages);
		goto out;
	}
	for (i = 0; i < n; i++) {
		PopplerPage *pg;
		size_t	 from = d.nw;

		if (doc_late(ctx)) {
			doc_fail(out, DOC_TIMEOUT, "reading the PDF took longer than %d seconds",
			    ctx->lim->time_ms / 1000);
			goto out;
		}
		if ((pg = poppler_document_get_page(pd, i)) == NULL) {
			doc_fail(out, DOC_UNREADABLE, "page %d of the PDF is damaged", i + 1);
			goto out;
		}
		wr = page_words(&d, pg, i + 1, &letters);
		if (wr == 0 && letters < MIN_PAGE_TEXT) {
			/* a scan, or a page of no words: OCR what it shows */
			d.nw = from;
			wr = page_ocr(&d, pg, i + 1);
			g_object_unref(pg);
			if (wr == -1)
				goto out;
			continue;
		}
		g_object_unref(pg);
		if (wr == -1) {
			doc_fail(out, DOC_NOMEM, "out of memory reading the PDF");
			goto out;
		}
		if (wr == 1) {
			doc_fail(out, DOC_TOO_LARGE, "the PDF has more text than is read");
			goto out;
		}
		d.text_pages++;
		if (make_lines(&d, from) == -1) {
			doc_fail(out, DOC_NOMEM, "out of memory reading the PDF");
			goto out;
		}
	}
	rc = finish(&d);
out:
	free(d.w);
	free(d.text);
	if (pd != NULL)
		g_object_unref(pd);
	if (err != NULL)
		g_error_free(err);
	g_bytes_unref(gb);
	return rc;
}
