/*
 * test_receipt.c: receipt_parse on receipt texts: the total among
 * subtotals, taxes, tips, cash and change, counts and discounts in en/pt/es;
 * OCR slips; dates in their many forms and orders; the merchant; the
 * currency; items; confidence; refusals; and the OCR text of real receipts
 * (tests/data/docs/receipt-text, what tesseract read from tests/data/docs/real).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "domain/receipt.h"

#ifndef RECEIPT_TEXT_DIR
#define RECEIPT_TEXT_DIR "tests/data/docs/receipt-text"
#endif

#define TODAY	"2026-11-24"

static struct receipt r;

static int
parse(const char *text, const char *lang, const char *cur)
{
	return receipt_parse(text, strlen(text), lang, cur, TODAY, 1000, &r);
}

/* Expect a total (and, when not NULL, a currency and a date). */
static void
total(const char *text, const char *lang, const char *cur, long long cents,
    const char *ecur, const char *date)
{
	ck_assert_msg(parse(text, lang, cur) == 0, "no total in:\n%s", text);
	ck_assert_msg(r.total_cents == cents, "total %lld, not %lld, in:\n%s",
	    (long long)r.total_cents, cents, text);
	if (ecur != NULL)
		ck_assert_str_eq(r.currency, ecur);
	if (date != NULL)
		ck_assert_str_eq(r.date, date);
}

START_TEST(us_grocery)
{
	total("GREEN VALLEY MARKET\n1420 Oak Street, Springfield, IL 62704\n"
	    "Tel: (217) 555-0142\n\nDate: 03/14/2025          10:42\n"
	    "MILK 2% GAL                 3.49\nBANANAS LB                  1.29\n"
	    "2 x EGGS DOZEN              7.98\n   @ 3.99\n"
	    "SUBTOTAL                   12.76\nTAX 6.250%                  0.79\n"
	    "TOTAL                      13.55\nTOTAL ITEMS: 4\nCASH                       20.00\n"
	    "CHANGE                      6.45\n", "en", "USD", 1355, "", "2025-03-14");
	ck_assert_str_eq(r.merchant, "GREEN VALLEY MARKET");
	ck_assert_uint_eq(r.nitems, 3);
	ck_assert_str_eq(r.items[0].description, "MILK 2% GAL");
	ck_assert_int_eq(r.items[0].amount_cents, 349);
	ck_assert_str_eq(r.items[2].description, "EGGS DOZEN");
	ck_assert_int_eq(r.items[2].quantity_milli, 2000);
	ck_assert_int_eq(r.items[2].amount_cents, 798);
	/* subtotal + tax, cash - change and the items all agree */
	ck_assert_int_ge(r.confidence, 900);
}
END_TEST

START_TEST(restaurant_tip)
{
	total("BLUE HARBOR DINER\n88 Harbor Rd, Portland, ME 04101\nServer: Jess  Table 12\n"
	    "06/28/2025 7:41 PM\n1 BURGER DELUXE 14.50\n2 ICED TEA 6.00\n"
	    "Subtotal 20.50\nSales Tax 1.79\nTip 4.10\nAMOUNT DUE $26.39\n"
	    "MASTERCARD XXXXXXXX1234\n", "en", "USD", 2639, "USD", "2025-06-28");
	/* a tip and a total without a word for it: "Total" before the tip */
	total("Subtotal 40.00\nTax 3.50\nTotal 43.50\nGratuity 18% 7.20\nTotal 50.70\n",
	    "en", "USD", 5070, NULL, NULL);
	total("Subtotal 40,00\nPropina 4,00\nTotal 44,00\nEfectivo 50,00\nCambio 6,00\n",
	    "es", "EUR", 4400, "", NULL);
}
END_TEST

START_TEST(brazil_nfce)
{
	total("ZAFFARI\nCNPJ: 93.015.006/0001-13\nAv. Ipiranga, 5200 - Porto Alegre/RS\n"
	    "DANFE NFC-e - Documento Auxiliar\n"
	    "001 1020772700591 AGUA MINERAL 1,5L\n  0,745 KG X 2,50           1,86\n"
	    "002 4430545689215 X-SALADA\n  3 UN X 8,99              26,97\n"
	    "QTD. TOTAL DE ITENS                 2\nVALOR TOTAL R$               28,83\n"
	    "DESCONTOS R$                  0,83\nVALOR A PAGAR R$             28,00\n"
	    "FORMA DE PAGAMENTO        VALOR PAGO R$\nDinheiro                     50,00\n"
	    "Troco R$                     22,00\n"
	    "Trib aprox R$ 2,59 Federal, R$ 3,46 Estadual\n"
	    "Emissão: 20.05.2024 10:58:41\n", "pt", "BRL", 2800, "BRL", "2024-05-20");
	ck_assert_str_eq(r.merchant, "Zaffari");
	ck_assert_uint_eq(r.nitems, 2);
	ck_assert_str_eq(r.items[0].description, "AGUA MINERAL 1,5L");
	ck_assert_int_eq(r.items[0].quantity_milli, 745);
	ck_assert_int_eq(r.items[1].quantity_milli, 3000);
	ck_assert_int_eq(r.items[1].amount_cents, 2697);
	/* OCR reads "R$" as "RS": still reais, and the state "RS" is no currency */
	total("COMPANHIA ZAFFARI COMERCIO E INDUSTRIA\nAV OTTO NIEMEYER, 601, PORTO ALEGRE, RS\n"
	    "Valor total RS     85,30\nValor descontos RS    0,78\n"
	    "FORMA PAGAMENTO        VALOR PAGO RS\nCartão de Crédito      84,52\n",
	    "pt", "BRL", 8452, "BRL", NULL);
}
END_TEST

START_TEST(spain_factura)
{
	total("Mercadona\nC/ Gran Vía, 45 - 28013 Madrid\nNIF: A-46103834\n"
	    "FACTURA SIMPLIFICADA\nFecha: 14/03/2025  Hora: 10:12\n"
	    "1 LECHE ENTERA 1L 0,95\n2 PAN DE BARRA 1,70\nTOTAL ARTÍCULOS: 3\n"
	    "TOTAL A PAGAR 2,65 €\nBASE IMPONIBLE 2,41\nIVA 10% 0,24\n"
	    "EFECTIVO 5,00 €\nCAMBIO 2,35 €\n", "es", "EUR", 265, "EUR", "2025-03-14");
	ck_assert_str_eq(r.merchant, "Mercadona");
	total("BAR EL PUERTO\nFecha: 3 de agosto de 2024\nIMPORTE: 1.234,50 EUR\n", "es", "EUR",
	    123450, "EUR", "2024-08-03");
}
END_TEST

START_TEST(dollar_sign)
{
	/* "$" is the user's currency when theirs is written with "$" */
	total("TAQUERIA LOS COMPADRES\nTOTAL $154.00\nEFECTIVO $200.00\nSU CAMBIO $46.00\n",
	    "es", "MXN", 15400, "MXN", NULL);
	total("TOTAL $154.00\n", "en", "USD", 15400, "USD", NULL);
	total("TOTAL $154.00\n", "pt", "BRL", 15400, "USD", NULL);
	total("TOTAL US$ 20.00\n", "es", "MXN", 2000, "USD", NULL);
	/* codes and signs */
	total("Total (RM): 436.20\nCASH : 436.20\n", "en", "USD", 43620, "MYR", NULL);
	total("TOTAL TO PAY £ 31.21\n", "en", "USD", 3121, "GBP", NULL);
	total("Grand Total Rs 1939\n", "en", "INR", 193900, "INR", NULL);
	/* no currency written: amounts in the user's, none reported */
	total("TOTAL 1,250\n", "en", "JPY", 1250, "", NULL);
	ck_assert_int_eq(parse("TOTAL 12.50\n", "en", "JPY"), -1);	/* no cents in yen */
	total("TOTAL 1.500\n", "es", "CLP", 1500, "", NULL);
}
END_TEST

START_TEST(not_the_total)
{
	/* the item count, the subtotal, the tax, the change, the cash: none */
	total("TOTAL ITEMS 3\nSUBTOTAL 10.00\nTAX 0.80\nTOTAL 10.80\nCASH 50.00\nCHANGE 39.20\n",
	    "en", "USD", 1080, NULL, NULL);
	total("QTD. TOTAL DE ITENS 12\nVALOR A PAGAR R$ 45,90\n", "pt", "BRL", 4590, NULL, NULL);
	total("Total Qty. : 8 25.80\nSUB-TOTAL (EX) : 25.80\nTOTAL TAX : 1.55\n"
	    "ROUNDING : 0.00\nTOTAL : 27.35\nCASH : 27.35\nCHANGE : 0.00\nGST SUMMARY\n"
	    "SR 6.00 25.80 1.55\nTOTAL: 25.80 1.55\n", "en", "MYR", 2735, NULL, NULL);
	total("Total Exclude GST: 193.00\nTotal GST @6%: 0.00\nTotal Inclusive GST: 193.00\n"
	    "Round Amt: 0.00\n", "en", "MYR", 19300, NULL, NULL);
	total("SUBTOTAL 20.00\nDISCOUNT -2.00\nTOTAL 18.00\n", "en", "USD", 1800, NULL, NULL);
	total("Subtotal 100,00\nIVA 21% 21,00\nTOTAL 121,00\nTotal ahorro 5,00\n", "es", "EUR",
	    12100, NULL, NULL);
	/* a negative total is no total */
	ck_assert_int_eq(parse("TOTAL -5.00\n", "en", "USD"), -1);
}
END_TEST

START_TEST(label_and_amount_apart)
{
	/* the amount on the next line */
	total("TOTAL A PAGAR\n   45,90\n", "pt", "BRL", 4590, NULL, NULL);
	/* OCR read the labels and the amounts as two columns, one after the other */
	total("STTL\n10% SVC CHG\n6% GST\nTTL\nCASH\nCHANGE\n\n34.06\n3.41\n2.25\n39.72\n50.00\n"
	    "10.28\n", "en", "MYR", 3972, NULL, NULL);
	/* a discount taken from a total that is not the one paid */
	total("Valor total R$ 85,30\nValor descontos R$ 0,78\nCartão de Crédito 84,52\n",
	    "pt", "BRL", 8452, NULL, NULL);
	/* nothing legible on the total's line: cash less change */
	total("Total Sales Inclusive GST @6.00%: \xc2\xa9" "4340\nCash Received : 20.00\n"
	    "Change : 6.60\n", "en", "MYR", 1340, NULL, NULL);
	ck_assert_int_lt(r.confidence, 500);
	/* the rounded total illegible, the rounding's minus sign lost: what rounds to 5 sen */
	total("TTL 39.72\nRounding Adj. \xe2\x80\x9c" "0.02\n3 TOTAL (soo mae cD\n"
	    "CHANGE 9.00\n", "en", "MYR", 3970, NULL, NULL);
	total("TOTAL 39.72\nROUNDING 0.03\n", "en", "AUD", 3975, NULL, NULL);
	/* a total already rounded stays as it is */
	total("TOTAL 39.70\nRounding Adj -0.02\n", "en", "MYR", 3970, NULL, NULL);
	/* and a rounded total that was read wins over the one before it */
	total("SUBTOTAL 39.72\nROUNDING -0.02\nTOTAL 39.70\n", "en", "MYR", 3970, NULL, NULL);
}
END_TEST

START_TEST(ocr_slips)
{
	total("T0TAL 4O.5O\n", "en", "USD", 4050, NULL, NULL);
	total("TOTAI 9.99\n", "en", "USD", 999, NULL, NULL);
	total("TOTA L 12.00\n", "en", "USD", 1200, NULL, NULL);
	total("SUB_TOTAL 194,000\nDISCOUNT 19,400\nT O T A L 174,600\nC A S H 200,000\n"
	    "CHANGE 25,400\n", "en", "IDR", 17460000, NULL, NULL);
	total("VALOR A PAGAR R$ 84, 52\n", "pt", "BRL", 8452, NULL, NULL);
	total("Total: 1,234.56\n", "en", "USD", 123456, NULL, NULL);
	total("Total: 1.234,56\n", "pt", "BRL", 123456, NULL, NULL);
	total("TOTAL “12.50”\n", "en", "USD", 1250, NULL, NULL);
	/* a code with leading zeros, a time, a date and a phone are no amounts */
	ck_assert_int_eq(parse("000000111 11:05:16 15/01/2019 07-388 2218\n", "en", "USD"), -1);
}
END_TEST

START_TEST(dates)
{
	total("Date: 05/06/2024\nTOTAL 1.00\n", "en", "USD", 100, NULL, "2024-05-06");
	total("Data: 05/06/2024\nTOTAL 1,00\n", "pt", "BRL", 100, NULL, "2024-06-05");
	total("Fecha: 05-06-24\nTOTAL 1,00\n", "es", "EUR", 100, NULL, "2024-06-05");
	/* English in a country of day/month: the currency says which */
	total("Date: 02/01/2019\nTotal (RM): 1.00\n", "en", "MYR", 100, NULL, "2019-01-02");
	/* a day over 12 elsewhere on the receipt settles the order */
	total("Printed 13/01/2024\nDate 02/01/2024\nTOTAL 1.00\n", "en", "USD", 100, NULL,
	    "2024-01-02");
	total("Invoice Date: August 3 , 2014\nAmount Due $4.11\n", "en", "USD", 411, NULL,
	    "2014-08-03");
	total("Date: 11-APR-2018\nTOTAL 10.00\n", "en", "MYR", 1000, NULL, "2018-04-11");
	total("2024-05-20 10:00\nTOTAL 1.00\n", "en", "USD", 100, NULL, "2024-05-20");
	total("Emissão: 3 de março de 2025\nTOTAL 1,00\n", "pt", "BRL", 100, NULL, "2025-03-03");
	total("14 MAR 2025\nTOTAL 1.00\n", "en", "GBP", 100, NULL, "2025-03-14");
	/* none in the future; a due date and a consultation date rank below */
	total("Date: 25/12/2099\nTOTAL 1,00\n", "pt", "BRL", 100, NULL, "");
	total("Vencimento: 10/01/2026\nData de emissão: 10/12/2025\nTOTAL 1,00\n", "pt", "BRL",
	    100, NULL, "2025-12-10");
	total("Data de Emissão: 25/01/2021 19:28:17\nVALOR A PAGAR R$ 1,00\n"
	    "Data/Hora da Consulta: 23/04/2021 17:11:40\n", "pt", "BRL", 100, NULL, "2021-01-25");
	/* not a date: 31/02, 13/13 */
	total("Data 31/02/2024\nTOTAL 1,00\n", "pt", "BRL", 100, NULL, "");
}
END_TEST

START_TEST(merchants)
{
	total("*** COPY ***\nOJC MARKETING SDN BHD\nROC NO: 538358-H\nNO 2&4, JALAN BAYU 4,\n"
	    "Tel:07-388 2218 Fax:07-388 8218\nTAX INVOICE\nTotal Inclusive GST: 193.00\n",
	    "en", "MYR", 19300, NULL, NULL);
	ck_assert_str_eq(r.merchant, "OJC MARKETING SDN BHD");
	total("CNPJ: 47.508.411/0001-56\nPADARIA TRIGO DOURADO LTDA\nRua Augusta, 455 - São Paulo/SP\n"
	    "TOTAL R$ 9,90\n", "pt", "BRL", 990, NULL, NULL);
	ck_assert_str_eq(r.merchant, "PADARIA TRIGO DOURADO LTDA");
	/* the merchant dictionary names a known one */
	total("WALMART SUPERCENTER\n2500 Main St, Dallas TX 75201\nTOTAL 5.00\n", "en", "USD", 500,
	    NULL, NULL);
	ck_assert_str_eq(r.merchant, "Walmart");
	/* what OCR made of a logo beside the name, a registration number after it */
	total("YONG CEN ENTERPRISE     hide\n9, JALAN SUBANG JASA 3,\nTOTAL 65.70\n", "en",
	    "MYR", 6570, NULL, NULL);
	ck_assert_str_eq(r.merchant, "YONG CEN ENTERPRISE");
	total("GARDENIA BAKERIES (KL) SDN BHD (139386 X)\nLot 3, Jalan Pelabur 23/1,\n"
	    "TOTAL 23.02\n", "en", "MYR", 2302, NULL, NULL);
	ck_assert_str_eq(r.merchant, "GARDENIA BAKERIES (KL) SDN BHD");
	total("BAR EL PUERTO   S.L.\nTOTAL 5,00\n", "es", "EUR", 500, NULL, NULL);
	ck_assert_str_eq(r.merchant, "BAR EL PUERTO S.L");
	/* a known name in a title line */
	total("amazon        Amazon Web Services Invoice\nInvoice Date: August 3 , 2014\n"
	    "TOTAL AMOUNT DUE ON August 3 , 2014   $4.11\n", "en", "USD", 411, NULL,
	    "2014-08-03");
	ck_assert_str_eq(r.merchant, "Amazon");
	/* nothing like a name: none */
	total("12/12/2024\nTOTAL 5.00\n", "en", "USD", 500, NULL, NULL);
	ck_assert_str_eq(r.merchant, "");
}
END_TEST

START_TEST(confidence)
{
	int	 strong, weak, ocr;

	total("SUBTOTAL 10.00\nTAX 0.80\nTOTAL 10.80\n", "en", "USD", 1080, NULL, NULL);
	strong = r.confidence;
	total("TOTAL 10.80\n", "en", "USD", 1080, NULL, NULL);
	weak = r.confidence;
	ck_assert_int_gt(strong, weak);
	ck_assert_int_eq(receipt_parse("TOTAL 10.80\n", 12, "en", "USD", TODAY, 500, &r), 0);
	ocr = r.confidence;
	ck_assert_int_lt(ocr, weak);
	ck_assert_int_gt(ocr, 0);
	ck_assert_int_le(strong, 1000);
}
END_TEST

/*
 * A code of twenty digits before an item's words is a code, not a count:
 * leading_count read all its digits into an int64 before it looked at how
 * many there were, a signed overflow (UBSan; found by fuzz_receipt).
 */
START_TEST(long_code_before_item)
{
	total("12345678901234567890 COFFEE BEANS 5.00\n99999999999999999999999 TEA 2.00\n"
	    "TOTAL 7.00\n", "en", "USD", 700, NULL, NULL);
	ck_assert_uint_eq(r.nitems, 2);
	ck_assert_str_eq(r.items[0].description, "COFFEE BEANS");
	ck_assert_int_eq(r.items[0].amount_cents, 500);
	ck_assert_int_eq(r.items[0].quantity_milli, 0);
	ck_assert_str_eq(r.items[1].description, "TEA");
	ck_assert_int_eq(r.items[1].quantity_milli, 0);
}
END_TEST

START_TEST(refusals)
{
	static char big[RECEIPT_MAX_TEXT + 100];
	size_t	 i;

	ck_assert_int_eq(parse("thank you for shopping with us\n", "en", "USD"), -1);
	ck_assert_int_eq(r.total_cents, 0);
	ck_assert_int_eq(parse("", "en", "USD"), -1);
	ck_assert_int_eq(parse("TOTAL 1.00", "fr", "USD"), -1);
	ck_assert_int_eq(parse("TOTAL 1.00", "en", "XYZ"), -1);
	ck_assert_int_eq(receipt_parse("TOTAL 1.00", 10, "en", "USD", "2026-13-01", 1000, &r), -1);
	ck_assert_int_eq(receipt_parse(NULL, 0, "en", "USD", TODAY, 1000, &r), -1);
	/* garbage and a text over the limit: bounded, no crash */
	for (i = 0; i < sizeof(big) - 1; i++)
		big[i] = (char)(" \n9.,$RTOAL\xc3\xa9\xff"[(i * 7919) % 14]);
	big[sizeof(big) - 1] = '\0';
	(void)receipt_parse(big, sizeof(big) - 1, "pt", "BRL", TODAY, 300, &r);
	ck_assert_int_le(r.nitems, RECEIPT_MAX_ITEMS);
	ck_assert_int_lt(strlen(r.merchant), sizeof(r.merchant));
}
END_TEST

/*
 * The OCR text of real receipts: each file's expected total, date, currency
 * and merchant in receipt-text/expected.tsv (lang, user currency, total in
 * minor units, date, receipt currency, merchant; "*" for "not checked", "-"
 * for none).
 */
START_TEST(real_ocr_text)
{
	char	 path[1024], line[1024];
	static char text[RECEIPT_MAX_TEXT];
	FILE	*f, *t;
	size_t	 n = 0;

	snprintf(path, sizeof(path), "%s/expected.tsv", RECEIPT_TEXT_DIR);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "%s", path);
	while (fgets(line, sizeof(line), f) != NULL) {
		char	*fld[7], *p = line;
		size_t	 k = 0, tn;

		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (k < 7) {
			fld[k++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		ck_assert_msg(k == 7, "expected.tsv: %s", line);
		snprintf(path, sizeof(path), "%s/%s", RECEIPT_TEXT_DIR, fld[0]);
		t = fopen(path, "r");
		ck_assert_msg(t != NULL, "%s", path);
		tn = fread(text, 1, sizeof(text) - 1, t);
		fclose(t);
		text[tn] = '\0';
		ck_assert_msg(receipt_parse(text, tn, fld[1], fld[2], TODAY, 800, &r) == 0,
		    "%s: no total", fld[0]);
		ck_assert_msg(r.total_cents == strtoll(fld[3], NULL, 10), "%s: total %lld",
		    fld[0], (long long)r.total_cents);
		if (strcmp(fld[4], "*") != 0)
			ck_assert_msg(strcmp(r.date, fld[4]) == 0, "%s: date %s", fld[0], r.date);
		if (strcmp(fld[5], "*") != 0)
			ck_assert_msg(strcmp(r.currency, strcmp(fld[5], "-") == 0 ? "" : fld[5]) == 0,
			    "%s: currency %s", fld[0], r.currency);
		if (strcmp(fld[6], "*") != 0)
			ck_assert_msg(strcmp(r.merchant, fld[6]) == 0, "%s: merchant %s", fld[0],
			    r.merchant);
		n++;
	}
	fclose(f);
	ck_assert_uint_ge(n, 10);
}
END_TEST

static Suite *
receipt_suite(void)
{
	Suite	*s = suite_create("receipt");
	TCase	*tc = tcase_create("parse");

	tcase_add_test(tc, us_grocery);
	tcase_add_test(tc, restaurant_tip);
	tcase_add_test(tc, brazil_nfce);
	tcase_add_test(tc, spain_factura);
	tcase_add_test(tc, dollar_sign);
	tcase_add_test(tc, not_the_total);
	tcase_add_test(tc, label_and_amount_apart);
	tcase_add_test(tc, ocr_slips);
	tcase_add_test(tc, dates);
	tcase_add_test(tc, merchants);
	tcase_add_test(tc, confidence);
	tcase_add_test(tc, long_code_before_item);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, real_ocr_text);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(receipt_suite)
