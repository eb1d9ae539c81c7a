/* doc_sniff.c: a document's format by its bytes, and the limits (doc.h). */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "doc/doc.h"

static const char *const names[DOC_FMT_COUNT] = {
	[DOC_FMT_UNKNOWN] = "unknown", [DOC_FMT_JPEG] = "jpeg", [DOC_FMT_PNG] = "png",
	[DOC_FMT_WEBP] = "webp", [DOC_FMT_TIFF] = "tiff", [DOC_FMT_PDF] = "pdf",
	[DOC_FMT_CSV] = "csv", [DOC_FMT_TSV] = "tsv", [DOC_FMT_XLSX] = "xlsx",
	[DOC_FMT_OFX] = "ofx", [DOC_FMT_QFX] = "qfx", [DOC_FMT_QIF] = "qif",
	[DOC_FMT_CAMT053] = "camt053", [DOC_FMT_HTML] = "html",
};

void
doc_limits_default(struct doc_limits *lim)
{
	lim->max_bytes = 25 * 1024 * 1024;
	lim->max_pixels = 50 * 1000 * 1000;
	lim->max_pages = 200;
	lim->max_rows = 100000;
	lim->max_ratio = 100;
	lim->max_unzipped = 200 * 1024 * 1024;
	lim->time_ms = 20000;
}

const char *
doc_format_name(enum doc_format f)
{
	return (unsigned)f < DOC_FMT_COUNT ? names[f] : "unknown";
}

/* 1 if the n bytes at p contain s (a short ASCII needle), case-insensitively. */
static int
has(const unsigned char *p, size_t n, const char *s)
{
	size_t	 k = strlen(s), i;

	for (i = 0; k <= n && i + k <= n; i++)
		if (strncasecmp((const char *)p + i, s, k) == 0)
			return 1;
	return 0;
}

/* The text after a UTF-8 BOM and leading white space. */
static const unsigned char *
text_start(const unsigned char *p, size_t n, size_t *left)
{
	size_t	 i = 0;

	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	*left = n - i;
	return p + i;
}

/*
 * Delimited text: no NUL or control bytes but tab, CR and LF in the first
 * 64 KiB, and a delimiter whose count per line is the same in at least
 * two lines and in two thirds of the lines from the first of those on
 * (title lines such as "Account Name:,J Smith" may come before the
 * table). A delimiter or a line end inside double quotes does not count
 * ("1,500.00" in a CSV of commas); lines end with LF, CRLF or CR. Returns
 * ',' ';' '\t' '|' or 0.
 */
#define SNIFF_LINES	2048

static int
delimited(const unsigned char *p, size_t n)
{
	static const char cand[] = { '\t', ';', ',', '|' };
	static unsigned short counts[SNIFF_LINES];
	size_t	 i, c, k, lines, start, agree, mode_n, lim = n < 65536 ? n : 65536;
	unsigned short mode;
	int	 best = 0;
	size_t	 best_agree = 0;

	for (i = 0; i < lim; i++)
		if (p[i] == 0 || (p[i] < 0x20 && p[i] != '\t' && p[i] != '\r' && p[i] != '\n'))
			return 0;
	for (c = 0; c < sizeof(cand); c++) {
		int	 quoted = 0;
		unsigned short count = 0;

		lines = 0;
		for (i = 0; i < lim && lines < SNIFF_LINES; i++) {
			if (p[i] == '"')
				quoted = !quoted;
			if (p[i] == (unsigned char)cand[c] && !quoted && count < 65535)
				count++;
			if ((!quoted && (p[i] == '\n' || (p[i] == '\r' && (i + 1 == lim ||
			    p[i + 1] != '\n')))) || i + 1 == lim) {
				counts[lines++] = count;
				count = 0;
			}
		}
		/* the count most lines share, and the lines from its first one on */
		mode = 0;
		mode_n = 0;
		for (i = 0; i < lines; i++) {
			size_t same = 0;

			if (counts[i] == 0 || counts[i] == mode)
				continue;
			for (k = i; k < lines; k++)
				same += counts[k] == counts[i];
			if (same > mode_n)
				mode = counts[i], mode_n = same;
		}
		if (mode == 0)
			continue;
		for (start = 0; counts[start] != mode; start++)
			;
		agree = mode_n;
		if (agree >= 2 && 3 * agree >= 2 * (lines - start) && agree > best_agree) {
			best = cand[c];
			best_agree = agree;
		}
	}
	return best;
}

enum doc_format
doc_sniff(const unsigned char *p, size_t n)
{
	const unsigned char *t;
	size_t	 left, head;
	int	 d;

	if (p == NULL || n < 4)
		return DOC_FMT_UNKNOWN;
	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return DOC_FMT_JPEG;
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return DOC_FMT_PNG;
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return DOC_FMT_WEBP;
	if (memcmp(p, "II*\0", 4) == 0 || memcmp(p, "MM\0*", 4) == 0)
		return DOC_FMT_TIFF;
	/* a PDF may have bytes before its header (1024 at most, as readers allow) */
	head = n < 1024 ? n : 1024;
	if (has(p, head, "%PDF-"))
		return DOC_FMT_PDF;
	if (memcmp(p, "PK\x03\x04", 4) == 0)
		return DOC_FMT_XLSX;		/* doc_read_xlsx tells a workbook from other zips */
	t = text_start(p, n, &left);
	head = left < 4096 ? left : 4096;
	if (has(t, head, "OFXHEADER") || has(t, head, "<OFX>") || has(t, head, "<?OFX"))
		return has(p, n < 65536 ? n : 65536, "INTU.BID") ? DOC_FMT_QFX : DOC_FMT_OFX;
	if (left >= 5 && t[0] == '<' && (has(t, head, "camt.053") || has(t, head, "BkToCstmrStmt")))
		return DOC_FMT_CAMT053;
	/* each compared within the bytes there are (t is not NUL-terminated) */
	if ((left >= 5 && strncasecmp((const char *)t, "!Type", 5) == 0) ||
	    (left >= 8 && strncasecmp((const char *)t, "!Account", 8) == 0) ||
	    (left >= 7 && strncasecmp((const char *)t, "!Option", 7) == 0))
		return DOC_FMT_QIF;
	/* an HTML page with a table: banks' "Excel" exports (.xls) often are */
	if (left >= 5 && t[0] == '<' && (has(t, head, "<html") || has(t, head, "<!DOCTYPE html")) &&
	    has(t, left < 1048576 ? left : 1048576, "<table"))
		return DOC_FMT_HTML;
	if ((d = delimited(t, left)) != 0)
		return d == '\t' ? DOC_FMT_TSV : DOC_FMT_CSV;
	return DOC_FMT_UNKNOWN;
}

