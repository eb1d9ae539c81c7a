/*
 * test_doc_sniff.c: a document's format by its bytes, whatever it claims:
 * images, PDFs (even after junk), zips, OFX of both generations, QFX,
 * CAMT.053, QIF, delimited text with a title line, and what is none.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "doc/doc.h"

static enum doc_format
sniff(const char *s)
{
	return doc_sniff((const unsigned char *)s, strlen(s));
}

START_TEST(by_magic)
{
	static const unsigned char jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F' };
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 };
	static const unsigned char xls[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

	ck_assert_int_eq(doc_sniff(jpeg, sizeof(jpeg)), DOC_FMT_JPEG);
	ck_assert_int_eq(doc_sniff(png, sizeof(png)), DOC_FMT_PNG);
	ck_assert_int_eq(doc_sniff((const unsigned char *)"RIFF\x10\0\0\0WEBPVP8 ", 16), DOC_FMT_WEBP);
	ck_assert_int_eq(doc_sniff((const unsigned char *)"II*\0\x08\0\0\0", 8), DOC_FMT_TIFF);
	ck_assert_int_eq(doc_sniff((const unsigned char *)"MM\0*\0\0\0\x08", 8), DOC_FMT_TIFF);
	ck_assert_int_eq(sniff("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), DOC_FMT_PDF);
	ck_assert_int_eq(sniff("garbage before it\n%PDF-1.4\n"), DOC_FMT_PDF);
	ck_assert_int_eq(doc_sniff((const unsigned char *)"PK\x03\x04\x14\0\x06\0", 8), DOC_FMT_XLSX);
	ck_assert_int_eq(doc_sniff(xls, sizeof(xls)), DOC_FMT_UNKNOWN);
	ck_assert_str_eq(doc_format_name(DOC_FMT_CAMT053), "camt053");
	ck_assert_str_eq(doc_format_name((enum doc_format)99), "unknown");
}
END_TEST

START_TEST(by_content)
{
	ck_assert_int_eq(sniff("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><SIGNONMSGSRSV1>"),
	    DOC_FMT_OFX);
	ck_assert_int_eq(sniff("<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\"?>\n<OFX>"),
	    DOC_FMT_OFX);
	ck_assert_int_eq(sniff("\xef\xbb\xbfOFXHEADER:100\n<OFX><SIGNONMSGSRSV1><SONRS><INTU.BID>10898"),
	    DOC_FMT_QFX);
	ck_assert_int_eq(sniff("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
	    "<BkToCstmrStmt>"), DOC_FMT_CAMT053);
	ck_assert_int_eq(sniff("!Type:Bank\nD03/03/10\nT-379.00\nPCITY OF SPRINGFIELD\n^\n"),
	    DOC_FMT_QIF);
	ck_assert_int_eq(sniff("!Account\nNChecking\n^\n!Type:Bank\n"), DOC_FMT_QIF);
	ck_assert_int_eq(sniff("Date,Description,Amount\n2026-11-01,STARBUCKS,-4.50\n"
	    "2026-11-02,PAYROLL,2500.00\n"), DOC_FMT_CSV);
	ck_assert_int_eq(sniff("Extracto de cuenta\nFecha;Concepto;Importe;Saldo\n"
	    "01/11/2026;MERCADONA;-23,50;1.200,00\n02/11/2026;NOMINA;2.000,00;3.200,00\n"),
	    DOC_FMT_CSV);
	ck_assert_int_eq(sniff("Data\tDescri\xc3\xa7\xc3\xa3o\tValor\n01/11/2026\tPADARIA\t-12,90\n"
	    "02/11/2026\tPIX RECEBIDO\t100,00\n"), DOC_FMT_TSV);
	/* prose, a single line, binary: none */
	ck_assert_int_eq(sniff("Dear customer, thank you for shopping with us."), DOC_FMT_UNKNOWN);
	ck_assert_int_eq(sniff("a,b,c"), DOC_FMT_UNKNOWN);
	ck_assert_int_eq(doc_sniff((const unsigned char *)"\x01\x02\x03\x04\x05\x06", 6),
	    DOC_FMT_UNKNOWN);
	ck_assert_int_eq(doc_sniff(NULL, 10), DOC_FMT_UNKNOWN);
	ck_assert_int_eq(doc_sniff((const unsigned char *)"%PD", 3), DOC_FMT_UNKNOWN);
}
END_TEST

/* A short document's bytes are all that is read (a 5-byte "!Acco" was read past its end). */
START_TEST(short_prefixes)
{
	static const char *const heads[] = { "!Acco", "!Opti", "!Type", "!Accoun", "%PDF", "OFXH" };
	size_t	 i;

	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		size_t	 n = strlen(heads[i]);
		unsigned char *p = malloc(n);

		ck_assert_ptr_nonnull(p);
		memcpy(p, heads[i], n);
		ck_assert_int_eq(doc_sniff(p, n), strcmp(heads[i], "!Type") == 0 ? DOC_FMT_QIF :
		    DOC_FMT_UNKNOWN);
		free(p);
	}
}
END_TEST

START_TEST(default_limits)
{
	struct doc_limits lim;

	doc_limits_default(&lim);
	ck_assert_uint_eq(lim.max_bytes, 25 * 1024 * 1024);
	ck_assert_int_eq(lim.max_pixels, 50000000);
	ck_assert_int_eq(lim.max_pages, 200);
	ck_assert_uint_eq(lim.max_rows, 100000);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("doc_sniff");
	TCase *tc = tcase_create("sniff");

	tcase_add_test(tc, by_magic);
	tcase_add_test(tc, by_content);
	tcase_add_test(tc, short_prefixes);
	tcase_add_test(tc, default_limits);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
