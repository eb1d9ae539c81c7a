/*
 * doc_xlsx.c: spreadsheets. An XLSX workbook (libzip, libxml2's streaming
 * reader) read sheet by sheet until one holds a transaction table; and the
 * "Excel" exports banks write as an HTML table (libxml2's HTML parser).
 * The cells go to the statement reader (domain/stmt.h).
 *
 * Every part of the zip is inflated through one bounded stream: an entry
 * that claims more than lim->max_unzipped, or more than lim->max_ratio
 * times its compressed size, is refused before a byte is inflated; while
 * inflating, the bytes actually produced are counted against the entry's
 * claim and against the document's total budget (a zip bomb lies about
 * its sizes), and against the deadline. XML is read without the network
 * and without entity substitution, and a part that declares a DTD or an
 * entity is refused as it streams by (billion laughs).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "core/pool.h"
#include "core/utf8.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "domain/stmt.h"

#define MAX_SHEETS	16	/* sheets looked at for a table */
#define MAX_COLS	256	/* columns of a sheet read; cells past them are dropped */
#define MAX_ENTRIES	10000	/* entries of a workbook's zip */
#define SMALL_PART	(1024 * 1024)	/* no ratio is a bomb below this */
#define CELL_MAX	(64 * 1024)	/* bytes of one cell's text */
#define XML_OPTS	(XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT)

struct book {
	const struct doc_ctx *ctx;
	struct doc_result *out;
	zip_t		*zip;
	int64_t		 inflated;	/* bytes inflated so far, every part */
	enum doc_status	 err;		/* why a stream stopped */
	char		 errmsg[160];
	int		 date1904;
	char		**strings;	/* shared strings */
	size_t		 nstrings, cstrings;
	unsigned char	*date_xf;	/* per cell style: 1 if it formats a date */
	size_t		 nxf;
	char		*sheet[MAX_SHEETS];
	size_t		 nsheets;
};

/* ---- the bounded stream ---- */

struct zin {
	struct book	*b;
	zip_file_t	*f;
	int64_t		 claimed, got;
	char		 tail[16];	/* the last bytes of the previous chunk */
	size_t		 ntail;
};

static int
zin_fail(struct zin *z, enum doc_status st, const char *msg)
{
	if (z->b->err == DOC_OK) {
		z->b->err = st;
		snprintf(z->b->errmsg, sizeof(z->b->errmsg), "%s", msg);
	}
	return -1;
}

/* 1 if the bytes (with the tail of the chunk before) declare a DTD or an entity. */
static int
declares(struct zin *z, const char *buf, size_t n)
{
	static const char *const bad[] = { "<!DOCTYPE", "<!ENTITY", NULL };
	char	 joint[32];
	size_t	 i, k, j, m;

	for (i = 0; bad[i] != NULL; i++) {
		k = strlen(bad[i]);
		for (j = 0; j + k <= n; j++)
			if (buf[j] == '<' && memcmp(buf + j, bad[i], k) == 0)
				return 1;
		/* across the chunk boundary */
		m = n < k - 1 ? n : k - 1;
		memcpy(joint, z->tail, z->ntail);
		memcpy(joint + z->ntail, buf, m);
		for (j = 0; j + k <= z->ntail + m; j++)
			if (memcmp(joint + j, bad[i], k) == 0)
				return 1;
	}
	m = n < sizeof(z->tail) ? n : sizeof(z->tail);
	if (m < sizeof(z->tail) && z->ntail + m > sizeof(z->tail)) {
		size_t keep = sizeof(z->tail) - m;

		memmove(z->tail, z->tail + z->ntail - keep, keep);
		z->ntail = keep;
	} else if (m == sizeof(z->tail))
		z->ntail = 0;
	memcpy(z->tail + z->ntail, buf + n - m, m);
	z->ntail += m;
	return 0;
}

static int
zin_read(void *arg, char *buf, int len)
{
	struct zin *z = arg;
	const struct doc_limits *lim = z->b->ctx->lim;
	zip_int64_t n;

	if (len <= 0)
		return 0;
	if (doc_late(z->b->ctx))
		return zin_fail(z, DOC_TIMEOUT, "reading the workbook took too long");
	if ((n = zip_fread(z->f, buf, (zip_uint64_t)len)) < 0)
		return zin_fail(z, DOC_UNREADABLE, "a part of the workbook could not be "
		    "inflated (is the file cut short or corrupt?)");
	z->got += n;
	z->b->inflated += n;
	if (z->got > z->claimed)
		return zin_fail(z, DOC_TOO_LARGE, "a part of the workbook inflates to more "
		    "than its zip entry says (a zip bomb?)");
	if (z->b->inflated > lim->max_unzipped)
		return zin_fail(z, DOC_TOO_LARGE, "the workbook inflates to more than the limit");
	if (z->b->inflated > SMALL_PART &&
	    z->b->inflated / (int64_t)z->b->ctx->n > (int64_t)lim->max_ratio)
		return zin_fail(z, DOC_TOO_LARGE, "the workbook's compression ratio is over the "
		    "limit (a zip bomb?)");
	if (declares(z, buf, (size_t)n))
		return zin_fail(z, DOC_UNREADABLE, "the workbook declares a DTD or entities, "
		    "which spreadsheets never need: refused");
	return (int)n;
}

static int
zin_close(void *arg)
{
	struct zin *z = arg;

	zip_fclose(z->f);
	free(z);
	return 0;
}

/*
 * A reader over the part named name, its sizes checked first; NULL when
 * there is no such part (b->err stays DOC_OK) or it is refused (b->err set).
 */
static xmlTextReaderPtr
part(struct book *b, const char *name)
{
	const struct doc_limits *lim = b->ctx->lim;
	zip_stat_t st;
	zip_int64_t i;
	struct zin *z;
	xmlTextReaderPtr rd;

	if ((i = zip_name_locate(b->zip, name, ZIP_FL_NOCASE)) < 0)
		return NULL;
	zip_stat_init(&st);
	if (zip_stat_index(b->zip, (zip_uint64_t)i, 0, &st) < 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		zin_fail(&(struct zin){ .b = b }, DOC_UNREADABLE, "a part of the workbook is unreadable");
		return NULL;
	}
	if ((int64_t)st.size > lim->max_unzipped - b->inflated) {
		zin_fail(&(struct zin){ .b = b }, DOC_TOO_LARGE, "a part of the workbook inflates "
		    "to more than the limit");
		return NULL;
	}
	if (st.size > SMALL_PART && st.size / (st.comp_size > 0 ? st.comp_size : 1) > lim->max_ratio) {
		zin_fail(&(struct zin){ .b = b }, DOC_TOO_LARGE, "a part of the workbook is "
		    "compressed more than the limit allows (a zip bomb?)");
		return NULL;
	}
	if ((z = calloc(1, sizeof(*z))) == NULL) {
		zin_fail(&(struct zin){ .b = b }, DOC_NOMEM, "out of memory");
		return NULL;
	}
	z->b = b;
	z->claimed = (int64_t)st.size;
	if ((z->f = zip_fopen_index(b->zip, (zip_uint64_t)i, 0)) == NULL) {
		free(z);
		zin_fail(&(struct zin){ .b = b }, DOC_UNREADABLE, "a part of the workbook cannot "
		    "be opened (encrypted or corrupt)");
		return NULL;
	}
	if ((rd = xmlReaderForIO(zin_read, zin_close, z, NULL, NULL, XML_OPTS)) == NULL)
		zin_fail(&(struct zin){ .b = b }, DOC_NOMEM, "out of memory");
	return rd;
}

/* Close a reader; -1 (b->err set) if it ended in an error. */
static int
done(struct book *b, xmlTextReaderPtr rd, int ret)
{
	xmlFreeTextReader(rd);
	if (b->err != DOC_OK)
		return -1;
	if (ret < 0) {
		b->err = DOC_UNREADABLE;
		snprintf(b->errmsg, sizeof(b->errmsg), "a part of the workbook is not well-formed XML");
		return -1;
	}
	return 0;
}

static int
is(xmlTextReaderPtr rd, const char *name)
{
	const xmlChar *n = xmlTextReaderConstLocalName(rd);

	return n != NULL && strcmp((const char *)n, name) == 0;
}

static char *
attr(xmlTextReaderPtr rd, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
}

/* ---- workbook, relationships, styles, shared strings ---- */

/* The targets of the workbook's sheets, in its order. */
static int
read_workbook(struct book *b)
{
	xmlTextReaderPtr rd;
	char	*ids[MAX_SHEETS], *v;
	size_t	 n = 0, i;
	int	 ret;

	if ((rd = part(b, "xl/workbook.xml")) == NULL)
		return b->err != DOC_OK ? -1 : 0;
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT)
			continue;
		if (is(rd, "workbookPr") && (v = attr(rd, "date1904")) != NULL) {
			b->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
			xmlFree(v);
		} else if (is(rd, "sheet") && n < MAX_SHEETS) {
			/* r:id, whatever the namespace prefix */
			if ((v = (char *)xmlTextReaderGetAttributeNs(rd, (const xmlChar *)"id",
			    (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships")) != NULL)
				ids[n++] = v;
		}
	}
	if (done(b, rd, ret) < 0) {
		for (i = 0; i < n; i++)
			xmlFree(ids[i]);
		return -1;
	}
	if ((rd = part(b, "xl/_rels/workbook.xml.rels")) != NULL) {
		while ((ret = xmlTextReaderRead(rd)) == 1) {
			char	*id, *target;

			if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT || !is(rd, "Relationship"))
				continue;
			id = attr(rd, "Id");
			target = attr(rd, "Target");
			for (i = 0; id != NULL && target != NULL && i < n; i++) {
				char	 path[256];

				if (strcmp(ids[i], id) != 0 || b->sheet[i] != NULL)
					continue;
				if (target[0] == '/')
					snprintf(path, sizeof(path), "%s", target + 1);
				else
					snprintf(path, sizeof(path), "xl/%s", target);
				b->sheet[i] = pool_strdup(b->ctx->pool, path);
			}
			xmlFree(id);
			xmlFree(target);
		}
		if (done(b, rd, ret) < 0) {
			for (i = 0; i < n; i++)
				xmlFree(ids[i]);
			return -1;
		}
	}
	for (i = 0; i < n; i++)
		xmlFree(ids[i]);
	if (b->err != DOC_OK)
		return -1;
	/* sheets in order, those the relationships named */
	for (i = 0; i < n; i++)
		if (b->sheet[i] != NULL)
			b->sheet[b->nsheets++] = b->sheet[i];
	if (b->nsheets == 0)
		b->sheet[b->nsheets++] = pool_strdup(b->ctx->pool, "xl/worksheets/sheet1.xml");
	return 0;
}

/* 1 if a number format's code formats a date: a d or a y outside quotes, brackets and escapes. */
static int
date_code(const char *code)
{
	int	 q = 0, br = 0;

	for (; *code; code++) {
		if (*code == '\\' && code[1] != '\0')
			code++;
		else if (*code == '"')
			q = !q;
		else if (!q && *code == '[')
			br = 1;
		else if (!q && *code == ']')
			br = 0;
		else if (!q && !br && (*code == 'd' || *code == 'D' || *code == 'y' || *code == 'Y'))
			return 1;
	}
	return 0;
}

static int
builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	    (id >= 50 && id <= 58);
}

/* Which cell styles format dates. */
static int
read_styles(struct book *b)
{
	xmlTextReaderPtr rd;
	long	 custom[256];
	size_t	 ncustom = 0, cap = 0, i;
	int	 ret, in_xfs = 0, depth_xfs = -1;
	char	*v, *code;

	if ((rd = part(b, "xl/styles.xml")) == NULL)
		return b->err != DOC_OK ? -1 : 0;
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);

		if (type == XML_READER_TYPE_END_ELEMENT && is(rd, "cellXfs"))
			in_xfs = 0;
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (is(rd, "numFmt") && ncustom < sizeof(custom) / sizeof(custom[0])) {
			v = attr(rd, "numFmtId");
			code = attr(rd, "formatCode");
			if (v != NULL && code != NULL && date_code(code))
				custom[ncustom++] = strtol(v, NULL, 10);
			xmlFree(v);
			xmlFree(code);
		} else if (is(rd, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(rd);
			depth_xfs = xmlTextReaderDepth(rd);
		} else if (in_xfs && is(rd, "xf") && xmlTextReaderDepth(rd) == depth_xfs + 1) {
			long	 id = 0;
			int	 isdate;

			if ((v = attr(rd, "numFmtId")) != NULL)
				id = strtol(v, NULL, 10);
			xmlFree(v);
			isdate = builtin_date(id);
			for (i = 0; i < ncustom && !isdate; i++)
				isdate = custom[i] == id;
			if (b->nxf == cap) {
				unsigned char *n;

				if (cap >= 65536)
					continue;
				cap = cap ? cap * 2 : 64;
				if ((n = pool_alloc(b->ctx->pool, cap)) == NULL)
					break;
				if (b->nxf > 0)
					memcpy(n, b->date_xf, b->nxf);
				b->date_xf = n;
			}
			b->date_xf[b->nxf++] = (unsigned char)isdate;
		}
	}
	return done(b, rd, ret);
}

/* The text of the element the reader is on (its t descendants, not phonetic runs), appended to buf. */
static int
text_of(xmlTextReaderPtr rd, char *buf, size_t *len, size_t cap)
{
	int	 depth = xmlTextReaderDepth(rd), ret, in_t = 0, in_rph = 0, type;
	const xmlChar *v;
	size_t	 k;

	if (xmlTextReaderIsEmptyElement(rd))
		return 1;
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		type = xmlTextReaderNodeType(rd);
		if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(rd) == depth)
			break;
		if (type == XML_READER_TYPE_ELEMENT && is(rd, "t"))
			in_t = !xmlTextReaderIsEmptyElement(rd);
		else if (type == XML_READER_TYPE_END_ELEMENT && is(rd, "t"))
			in_t = 0;
		else if (type == XML_READER_TYPE_ELEMENT && is(rd, "rPh"))
			in_rph = !xmlTextReaderIsEmptyElement(rd);
		else if (type == XML_READER_TYPE_END_ELEMENT && is(rd, "rPh"))
			in_rph = 0;
		else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
		    type == XML_READER_TYPE_CDATA) && in_t && !in_rph &&
		    (v = xmlTextReaderConstValue(rd)) != NULL) {
			k = strlen((const char *)v);
			if (*len + k + 1 > cap)
				k = cap - *len - 1;
			memcpy(buf + *len, v, k);
			*len += k;
			buf[*len] = '\0';
		}
	}
	return ret;
}

static int
read_strings(struct book *b)
{
	xmlTextReaderPtr rd;
	char	*buf;
	size_t	 len;
	int	 ret;

	if ((rd = part(b, "xl/sharedStrings.xml")) == NULL)
		return b->err != DOC_OK ? -1 : 0;
	if ((buf = malloc(CELL_MAX)) == NULL)
		return done(b, rd, -1);
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT || !is(rd, "si"))
			continue;
		len = 0;
		buf[0] = '\0';
		if ((ret = text_of(rd, buf, &len, CELL_MAX)) != 1)
			break;
		if (b->nstrings == b->cstrings) {
			char	**n;
			size_t	 cap = b->cstrings ? b->cstrings * 2 : 256;

			if ((n = pool_alloc(b->ctx->pool, cap * sizeof(*n))) == NULL) {
				ret = -1;
				break;
			}
			if (b->nstrings > 0)
				memcpy(n, b->strings, b->nstrings * sizeof(*n));
			b->strings = n;
			b->cstrings = cap;
		}
		if ((b->strings[b->nstrings++] = pool_strndup(b->ctx->pool, buf, len)) == NULL) {
			ret = -1;
			break;
		}
	}
	free(buf);
	return done(b, rd, ret);
}

/* ---- a sheet ---- */

struct grid {
	struct stmt_line *lines;
	size_t		 n, cap;
	struct stmt_cell row[MAX_COLS];
	size_t		 ncols;
	size_t		 rownum;
};

/* The column of a cell reference ("B5" -> 1), or -1. */
static long
column_of(const char *ref)
{
	long	 c = 0;
	int	 k = 0;

	for (; *ref >= 'A' && *ref <= 'Z' && k < 4; ref++, k++)
		c = c * 26 + (*ref - 'A' + 1);
	return k > 0 && k < 4 ? c - 1 : -1;
}

static int
end_row(struct book *b, struct grid *g)
{
	struct stmt_line *l;
	struct stmt_cell *c;
	size_t	 i;

	if (g->ncols == 0)
		return 0;
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 256;

		if ((l = pool_alloc(b->ctx->pool, cap * sizeof(*l))) == NULL)
			return -1;
		if (g->n > 0)
			memcpy(l, g->lines, g->n * sizeof(*l));
		g->lines = l;
		g->cap = cap;
	}
	if ((c = pool_alloc(b->ctx->pool, g->ncols * sizeof(*c))) == NULL)
		return -1;
	for (i = 0; i < g->ncols; i++) {
		c[i] = g->row[i];
		if (c[i].text == NULL)
			c[i].text = "";
	}
	l = &g->lines[g->n++];
	memset(l, 0, sizeof(*l));
	l->cells = c;
	l->ncells = g->ncols;
	l->line = g->rownum;
	g->ncols = 0;
	memset(g->row, 0, sizeof(g->row));
	return 0;
}

/* A cell's value as text and kind: shared and inline strings, numbers, dates by their style. */
static int
cell(struct book *b, xmlTextReaderPtr rd, struct grid *g, long *next, char *buf)
{
	char	*t = attr(rd, "t"), *ref = attr(rd, "r"), *s = attr(rd, "s"), date[11];
	long	 col = ref != NULL ? column_of(ref) : *next, xf = s != NULL ? strtol(s, NULL, 10) : 0;
	size_t	 len = 0;
	int	 ret = 1, depth = xmlTextReaderDepth(rd), type, kind = STMT_TEXT;
	const char *text = NULL;
	int64_t	 serial;

	xmlFree(ref);
	xmlFree(s);
	buf[0] = '\0';
	if (t != NULL && strcmp(t, "inlineStr") == 0)
		ret = text_of(rd, buf, &len, CELL_MAX);
	else if (!xmlTextReaderIsEmptyElement(rd)) {
		/* the v child's text */
		int in_v = 0;

		while ((ret = xmlTextReaderRead(rd)) == 1) {
			type = xmlTextReaderNodeType(rd);
			if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(rd) == depth)
				break;
			if (type == XML_READER_TYPE_ELEMENT && is(rd, "v"))
				in_v = !xmlTextReaderIsEmptyElement(rd);
			else if (type == XML_READER_TYPE_END_ELEMENT && is(rd, "v"))
				in_v = 0;
			else if (type == XML_READER_TYPE_ELEMENT && is(rd, "is"))
				ret = text_of(rd, buf, &len, CELL_MAX);
			else if (in_v && type == XML_READER_TYPE_TEXT) {
				const xmlChar *v = xmlTextReaderConstValue(rd);
				size_t k = v != NULL ? strlen((const char *)v) : 0;

				if (len + k + 1 > CELL_MAX)
					k = CELL_MAX - len - 1;
				memcpy(buf + len, v, k);
				len += k;
				buf[len] = '\0';
			}
		}
	}
	*next = col + 1;
	if (t != NULL && strcmp(t, "s") == 0) {
		long i = strtol(buf, NULL, 10);

		text = i >= 0 && (size_t)i < b->nstrings ? b->strings[i] : "";
	} else if (t != NULL && strcmp(t, "b") == 0)
		text = strcmp(buf, "1") == 0 ? "TRUE" : "FALSE";
	else if (t != NULL && strcmp(t, "e") == 0)
		text = "";
	else if (t != NULL && strcmp(t, "d") == 0) {
		kind = STMT_DATE;
		if (len < 10 || stmt_date(buf, 10, STMT_YMD, NULL, date) < 0)
			kind = STMT_TEXT;
		else
			memcpy(buf, date, 11);
	} else if (t == NULL || strcmp(t, "n") == 0) {
		kind = STMT_NUMBER;
		if (len > 0 && xf >= 0 && (size_t)xf < b->nxf && b->date_xf[xf] &&
		    stmt_number(buf, 0, &serial) == 0 && stmt_number(buf, 4, &serial) == 0 &&
		    stmt_serial_date(serial / 10000, b->date1904, date) == 0) {
			memcpy(buf, date, 11);
			kind = STMT_DATE;
		}
	}
	xmlFree(t);
	if (ret < 0)
		return -1;
	if (col < 0 || col >= MAX_COLS)
		return 0;
	if (text == NULL && (text = pool_strdup(b->ctx->pool, buf)) == NULL)
		return -1;
	if ((size_t)col + 1 > g->ncols)
		g->ncols = (size_t)col + 1;
	g->row[col].text = text;
	g->row[col].kind = kind;
	return 0;
}

/* A sheet's rows as lines. 0, or -1 (b->err set). */
static int
read_sheet(struct book *b, const char *name, struct stmt_table *t)
{
	xmlTextReaderPtr rd;
	struct grid *g;
	char	*buf, *v;
	long	 next = 0;
	int	 ret;
	size_t	 maxrows = b->ctx->lim->max_rows + 1000;

	memset(t, 0, sizeof(*t));
	if ((g = pool_alloc(b->ctx->pool, sizeof(*g))) == NULL || (buf = malloc(CELL_MAX)) == NULL) {
		b->err = DOC_NOMEM;
		return -1;
	}
	memset(g, 0, sizeof(*g));
	if ((rd = part(b, name)) == NULL) {
		free(buf);
		return b->err != DOC_OK ? -1 : 0;
	}
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);

		if (type == XML_READER_TYPE_END_ELEMENT && is(rd, "row")) {
			if (end_row(b, g) < 0) {
				ret = -1;
				break;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (is(rd, "row")) {
			if (end_row(b, g) < 0) {
				ret = -1;
				break;
			}
			if (g->n >= maxrows) {
				b->err = DOC_TOO_LARGE;
				snprintf(b->errmsg, sizeof(b->errmsg), "the sheet has more than %zu rows",
				    b->ctx->lim->max_rows);
				break;
			}
			v = attr(rd, "r");
			g->rownum = v != NULL ? (size_t)strtol(v, NULL, 10) : g->rownum + 1;
			xmlFree(v);
			next = 0;
			if (xmlTextReaderIsEmptyElement(rd))
				g->ncols = 0;
		} else if (is(rd, "c")) {
			if (cell(b, rd, g, &next, buf) < 0) {
				ret = -1;
				break;
			}
		}
	}
	free(buf);
	if (ret == 0 && end_row(b, g) < 0)
		ret = -1;
	if (done(b, rd, ret) < 0)
		return -1;
	t->lines = g->lines;
	t->nlines = g->n;
	return 0;
}

static int
book_fail(struct book *b)
{
	if (b->err == DOC_NOMEM)
		return doc_fail(b->out, DOC_NOMEM, "out of memory reading the workbook");
	return doc_fail(b->out, b->err, "%s", b->errmsg[0] ? b->errmsg : "the workbook could not be read");
}

int
doc_read_xlsx(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct book b;
	struct stmt_result r;
	struct stmt_table t;
	struct stmt_opts o;
	zip_source_t *src;
	zip_error_t zerr;
	size_t	 i;
	int	 st = STMT_NOTABLE, rc;

	memset(&b, 0, sizeof(b));
	b.ctx = ctx;
	b.out = out;
	zip_error_init(&zerr);
	if ((src = zip_source_buffer_create(ctx->p, ctx->n, 0, &zerr)) == NULL) {
		zip_error_fini(&zerr);
		return doc_fail(out, DOC_NOMEM, "out of memory");
	}
	if ((b.zip = zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL) {
		zip_source_free(src);
		rc = doc_fail(out, DOC_UNREADABLE, "the XLSX file is not a readable zip archive "
		    "(%s)", zip_error_strerror(&zerr));
		zip_error_fini(&zerr);
		return rc;
	}
	zip_error_fini(&zerr);
	if (zip_get_num_entries(b.zip, 0) > MAX_ENTRIES) {
		rc = doc_fail(out, DOC_TOO_LARGE, "the workbook has more than %d parts", MAX_ENTRIES);
		goto out;
	}
	if (zip_name_locate(b.zip, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
		rc = doc_fail(out, DOC_UNSUPPORTED, "a zip file that is not an Excel workbook "
		    "(no xl/workbook.xml)");
		goto out;
	}
	if (read_workbook(&b) < 0 || read_styles(&b) < 0 || read_strings(&b) < 0) {
		rc = book_fail(&b);
		goto out;
	}
	doc_stmt_opts(ctx, &o);
	o.date1904 = b.date1904;
	for (i = 0; i < b.nsheets && st == STMT_NOTABLE; i++) {
		if (read_sheet(&b, b.sheet[i], &t) < 0) {
			rc = book_fail(&b);
			goto out;
		}
		stmt_result_init(&r);
		st = t.nlines > 0 ? stmt_read_table(&t, &o, ctx->pool, &r) :
		    stmt_fail(&r, STMT_NOTABLE, "the sheet is empty");
	}
	rc = doc_take_rows(ctx, st, &r, out, "workbook");
out:
	zip_discard(b.zip);
	return rc;
}

/* ---- HTML tables ---- */

/* The td and th cells of a row (not those of a table inside it), in order. */
static void
html_cells(const xmlNode *n, struct stmt_cell *cells, size_t *nc, struct pool *pool)
{
	const xmlNode *c;
	xmlChar	*s;
	char	 buf[512];

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "td") == 0 || strcmp((const char *)c->name, "th") == 0) {
			if (*nc >= MAX_COLS)
				return;
			buf[0] = '\0';
			if ((s = xmlNodeGetContent(c)) != NULL) {
				stmt_text(buf, sizeof(buf), (const char *)s, strlen((const char *)s));
				xmlFree(s);
			}
			cells[*nc].text = pool_strdup(pool, buf);
			if (cells[*nc].text == NULL)
				cells[*nc].text = "";
			cells[*nc].kind = STMT_TEXT;
			cells[*nc].x0 = cells[*nc].x1 = 0;
			(*nc)++;
		} else if (strcmp((const char *)c->name, "table") != 0 &&
		    strcmp((const char *)c->name, "tr") != 0)
			html_cells(c, cells, nc, pool);
	}
}

struct hwalk {
	const struct doc_ctx *ctx;
	struct stmt_line *lines;
	size_t		 n, cap, max;
	int		 err;
};

static void
html_rows(struct hwalk *w, const xmlNode *n)
{
	struct stmt_cell cells[MAX_COLS], *c;
	const xmlNode *k;
	size_t	 nc;

	for (k = n; k != NULL && w->err == 0; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)k->name, "tr") != 0) {
			html_rows(w, k->children);
			continue;
		}
		nc = 0;
		html_cells(k, cells, &nc, w->ctx->pool);
		if (w->n == w->max) {
			w->err = DOC_TOO_LARGE;
			return;
		}
		if (w->n == w->cap) {
			struct stmt_line *l;
			size_t cap = w->cap ? w->cap * 2 : 256;

			if ((l = pool_alloc(w->ctx->pool, cap * sizeof(*l))) == NULL) {
				w->err = DOC_NOMEM;
				return;
			}
			if (w->n > 0)
				memcpy(l, w->lines, w->n * sizeof(*l));
			w->lines = l;
			w->cap = cap;
		}
		if ((c = pool_alloc(w->ctx->pool, (nc ? nc : 1) * sizeof(*c))) == NULL) {
			w->err = DOC_NOMEM;
			return;
		}
		memcpy(c, cells, nc * sizeof(*c));
		memset(&w->lines[w->n], 0, sizeof(w->lines[0]));
		w->lines[w->n].cells = c;
		w->lines[w->n].ncells = nc;
		w->lines[w->n].line = w->n + 1;
		w->n++;
		/* a table inside a cell: its rows follow */
		html_rows(w, k->children);
	}
}

int
doc_read_html(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct hwalk w;
	struct stmt_result r;
	struct stmt_table t;
	struct stmt_opts o;
	htmlDocPtr doc;
	int	 st;

	if (ctx->n > INT_MAX)
		return doc_fail(out, DOC_TOO_LARGE, "the document is too large");
	doc = htmlReadMemory((const char *)ctx->p, (int)ctx->n, NULL,
	    utf8_valid((const char *)ctx->p, ctx->n) ? "UTF-8" : "windows-1252",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	if (doc == NULL)
		return doc_fail(out, DOC_UNREADABLE, "the HTML table could not be read");
	memset(&w, 0, sizeof(w));
	w.ctx = ctx;
	w.max = ctx->lim->max_rows + 1000;
	html_rows(&w, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	if (w.err == DOC_TOO_LARGE)
		return doc_fail(out, DOC_TOO_LARGE, "the table has more than %zu rows",
		    ctx->lim->max_rows);
	if (w.err != 0)
		return doc_fail(out, DOC_NOMEM, "out of memory");
	if (doc_late(ctx))
		return doc_fail(out, DOC_TIMEOUT, "reading the table took too long");
	memset(&t, 0, sizeof(t));
	t.lines = w.lines;
	t.nlines = w.n;
	stmt_result_init(&r);
	doc_stmt_opts(ctx, &o);
	st = t.nlines > 0 ? stmt_read_table(&t, &o, ctx->pool, &r) :
	    stmt_fail(&r, STMT_NOTABLE, "it holds no table");
	return doc_take_rows(ctx, st, &r, out, "HTML table");
}
