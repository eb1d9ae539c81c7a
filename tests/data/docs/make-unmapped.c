/*
 * make-unmapped.c: pdf/receipts/en_unmapped_font.pdf, a receipt whose
 * glyphs are drawn with an embedded font but whose text layer says nothing:
 * every glyph is mapped to "." (as some point-of-sale programs write their
 * PDFs, with a broken ToUnicode). A reader gets no words from it and must
 * render the page and read it by OCR, drawing with the embedded font (each
 * line in a size of its own: many scaled fonts). Run from tests/data/docs:
 *
 *   cc make-unmapped.c -o /tmp/make-unmapped $(pkg-config --cflags --libs cairo)
 *   /tmp/make-unmapped
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>

static const struct { double size; const char *text; } lines[] = {
	{ 20, "NORTHSIDE HARDWARE" },
	{ 11, "412 Elm Street, Springfield" },
	{ 12, "Date: 11/18/2026  14:32" },
	{ 13, "Wood screws 4x40        6.90" },
	{ 14, "Paint brush set        12.50" },
	{ 13, "Masking tape            3.80" },
	{ 15, "Wall paint 2.5L        21.00" },
	{ 14, "Subtotal               44.20" },
	{ 12, "Sales tax               4.00" },
	{ 18, "TOTAL                 48.20" },
	{ 11, "VISA ****1234          48.20" },
	{ 16, "THANK YOU" },
};

/* text drawn at y, each glyph's text "." */
static void
unmapped(cairo_t *cr, double y, const char *text)
{
	cairo_scaled_font_t *sf = cairo_get_scaled_font(cr);
	cairo_glyph_t *g = NULL;
	cairo_text_cluster_t *c;
	cairo_text_cluster_flags_t fl;
	int	 ng = 0, nc = 0, i;
	char	*dots;

	if (cairo_scaled_font_text_to_glyphs(sf, 40, y, text, -1, &g, &ng, NULL, NULL,
	    NULL) != CAIRO_STATUS_SUCCESS)
		exit(1);
	dots = malloc((size_t)ng + 1);
	c = cairo_text_cluster_allocate(ng);
	for (i = 0; i < ng; i++) {
		dots[i] = '.';
		c[i].num_bytes = 1;
		c[i].num_glyphs = 1;
	}
	dots[ng] = '\0';
	nc = ng;
	fl = 0;
	cairo_show_text_glyphs(cr, dots, ng, g, ng, c, nc, fl);
	cairo_glyph_free(g);
	cairo_text_cluster_free(c);
	free(dots);
}

int
main(void)
{
	cairo_surface_t *s = cairo_pdf_surface_create("pdf/receipts/en_unmapped_font.pdf",
	    300, 460);
	cairo_t	*cr = cairo_create(s);
	double	 y = 50;
	size_t	 i;

	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_select_font_face(cr, "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL,
	    CAIRO_FONT_WEIGHT_NORMAL);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		cairo_set_font_size(cr, lines[i].size * 0.75);
		unmapped(cr, y, lines[i].text);
		y += lines[i].size * 1.6 + 6;
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "make-unmapped: %s\n", cairo_status_to_string(cairo_surface_status(s)));
		return 1;
	}
	cairo_surface_destroy(s);
	return 0;
}
