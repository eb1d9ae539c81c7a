/*
 * make-scans.c: the scanned statements of pdf/scanned/: each named PDF of
 * pdf/ with its pages rendered at 200 dpi (poppler, cairo) and put back as
 * images in a new PDF with no text layer, as a scanner makes them; the
 * truth is the original's (copied beside it). Run from tests/data/docs:
 *
 *   cc make-scans.c -o /tmp/make-scans $(pkg-config --cflags --libs poppler-glib cairo)
 *   /tmp/make-scans en_us_checking en_lines_no_header es_extracto pt_br_fatura_cartao
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <poppler.h>

static int
scan(const char *name)
{
	char	 in[PATH_MAX], out[PATH_MAX], abs[PATH_MAX], *uri;
	PopplerDocument *pd;
	cairo_surface_t *o;
	cairo_t	*oc;
	int	 i, n;

	snprintf(in, sizeof(in), "pdf/%s.pdf", name);
	snprintf(out, sizeof(out), "pdf/scanned/%s.pdf", name);
	if (realpath(in, abs) == NULL || (uri = g_filename_to_uri(abs, NULL, NULL)) == NULL ||
	    (pd = poppler_document_new_from_file(uri, NULL, NULL)) == NULL) {
		fprintf(stderr, "%s: cannot open\n", in);
		return 1;
	}
	g_free(uri);
	o = cairo_pdf_surface_create(out, 612, 792);
	oc = cairo_create(o);
	n = poppler_document_get_n_pages(pd);
	for (i = 0; i < n; i++) {
		PopplerPage *pg = poppler_document_get_page(pd, i);
		double	 pw, ph, k = 200.0 / 72;
		cairo_surface_t *img;
		cairo_t	*cr;

		poppler_page_get_size(pg, &pw, &ph);
		img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(pw * k), (int)(ph * k));
		cr = cairo_create(img);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_scale(cr, k, k);
		poppler_page_render_for_printing(pg, cr);
		cairo_destroy(cr);
		cairo_pdf_surface_set_size(o, pw, ph);
		cairo_save(oc);
		cairo_scale(oc, 1 / k, 1 / k);
		cairo_set_source_surface(oc, img, 0, 0);
		cairo_paint(oc);
		cairo_restore(oc);
		cairo_show_page(oc);
		cairo_surface_destroy(img);
		g_object_unref(pg);
	}
	cairo_destroy(oc);
	cairo_surface_finish(o);
	cairo_surface_destroy(o);
	g_object_unref(pd);
	printf("%s: %d page(s)\n", out, n);
	return 0;
}

int
main(int argc, char **argv)
{
	int	 i, rc = 0;

	for (i = 1; i < argc; i++)
		rc |= scan(argv[i]);
	return rc;
}
