/*
 * test_wa.c: WhatsApp rules without I/O: who a WhatsApp id is, the
 * Brazilian ninth digit, replies shaped for WhatsApp, the short answers in
 * each language, the backoff of queued work; and the outbound address rule
 * (svc_out: private, loopback and link-local addresses).
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "check_main.h"
#include "domain/wa.h"
#include "service/svc_out.h"

START_TEST(jid_to_phone)
{
	char	 p[WA_PHONE_MAX];

	ck_assert_int_eq(wa_jid_phone("5511988887777@s.whatsapp.net", p, sizeof(p)), 0);
	ck_assert_str_eq(p, "+5511988887777");
	ck_assert_int_eq(wa_jid_phone("5511988887777:12@s.whatsapp.net", p, sizeof(p)), 0);
	ck_assert_str_eq(p, "+5511988887777");
	ck_assert_int_eq(wa_jid_phone("14155550123@c.us", p, sizeof(p)), 0);
	ck_assert_str_eq(p, "+14155550123");
	ck_assert_int_eq(wa_jid_phone("+447700900123", p, sizeof(p)), 0);
	ck_assert_str_eq(p, "+447700900123");
	/* not a person's number */
	ck_assert_int_eq(wa_jid_phone("120363025246125486@g.us", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("status@broadcast", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("112233445566778@lid", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("123@newsletter", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("1234567@s.whatsapp.net", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("1234567890123456@s.whatsapp.net", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("0511988887777@s.whatsapp.net", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("55119x8887777@s.whatsapp.net", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("", p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone(NULL, p, sizeof(p)), -1);
	ck_assert_int_eq(wa_jid_phone("5511988887777@s.whatsapp.net", p, 8), -1);
}
END_TEST

START_TEST(ninth_digit)
{
	char	 a[WA_PHONE_MAX];

	ck_assert_int_eq(wa_phone_twin("+551188887777", a, sizeof(a)), 1);
	ck_assert_str_eq(a, "+5511988887777");
	ck_assert_int_eq(wa_phone_twin("+5511988887777", a, sizeof(a)), 1);
	ck_assert_str_eq(a, "+551188887777");
	/* a landline (starts 2..5) has no ninth digit */
	ck_assert_int_eq(wa_phone_twin("+551133334444", a, sizeof(a)), 0);
	ck_assert_int_eq(wa_phone_twin("+5511933334444", a, sizeof(a)), 0);
	/* only Brazil */
	ck_assert_int_eq(wa_phone_twin("+14155550123", a, sizeof(a)), 0);
	ck_assert_int_eq(wa_phone_twin("+351912345678", a, sizeof(a)), 0);
	ck_assert_int_eq(wa_phone_twin(NULL, a, sizeof(a)), 0);
}
END_TEST

START_TEST(shape_for_whatsapp)
{
	char	 out[WA_REPLY_MAX], big[4000];
	size_t	 i;

	wa_shape("## Your month\n\nYou spent **R$ 45,90** on __food__.\n\n\n\n- cut delivery  \n* cook twice\n",
	    out, sizeof(out));
	ck_assert_str_eq(out, "*Your month*\n\nYou spent *R$ 45,90* on *food*.\n\n"
	    "\xe2\x80\xa2 cut delivery\n\xe2\x80\xa2 cook twice");
	wa_shape("\r\n  plain\r\n", out, sizeof(out));
	ck_assert_str_eq(out, "plain");
	wa_shape(NULL, out, sizeof(out));
	ck_assert_str_eq(out, "");
	/* too long: cut on a character, with an ellipsis, within the cap */
	for (i = 0; i + 2 < sizeof(big); i += 2)
		memcpy(big + i, "\xc3\xa1", 2);
	big[i] = '\0';
	wa_shape(big, out, sizeof(out));
	ck_assert_uint_le(strlen(out), WA_REPLY_MAX - 1);
	ck_assert_str_eq(out + strlen(out) - 3, "\xe2\x80\xa6");
	ck_assert_int_eq(memcmp(out + strlen(out) - 5, "\xc3\xa1", 2), 0);
	wa_shape("hello", out, 4);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(short_answers)
{
	enum lang l;
	int	 k;

	for (l = LANG_EN; l < LANG_COUNT; l++) {
		ck_assert_ptr_nonnull(strchr(wa_reply_welcome(l), '*'));
		ck_assert_uint_gt(strlen(wa_reply_sorry(l)), 10);
		for (k = WA_IMAGE; k <= WA_OTHER; k++)
			ck_assert_ptr_nonnull(strstr(wa_reply_unread((enum wa_kind)k, l), "*"));
	}
	ck_assert_ptr_nonnull(strstr(wa_reply_unread(WA_AUDIO, LANG_PT), "\xc3\xa1udios"));
	ck_assert_ptr_nonnull(strstr(wa_reply_unread(WA_AUDIO, LANG_ES), "audios"));
	ck_assert_ptr_nonnull(strstr(wa_reply_unread(WA_DOCUMENT, LANG_EN), "documents"));
	/* text has no "cannot read" answer: the general one */
	ck_assert_str_eq(wa_reply_unread(WA_TEXT, LANG_EN), wa_reply_unread(WA_OTHER, LANG_EN));
	ck_assert_str_eq(wa_kind_name(WA_STICKER), "sticker");
	ck_assert_int_eq(wa_kind_of("location"), WA_LOCATION);
	ck_assert_int_eq(wa_kind_of("video"), WA_OTHER);
	ck_assert_int_eq(wa_kind_of(NULL), WA_OTHER);
}
END_TEST

/* What a document sent on WhatsApp made, said in each language. */
START_TEST(document_replies)
{
	char	 out[1024], small[24];

	wa_reply_receipt(LANG_PT, "GREEN VALLEY MARKET", "US$ 33,43", "23/04/2025",
	    "Mercado", out, sizeof(out));
	ck_assert_str_eq(out, "Cupom registrado \xe2\x9c\x85\n*GREEN VALLEY MARKET* \xe2\x80\x93 "
	    "US$ 33,43\nData: 23/04/2025\nCategoria: Mercado");
	wa_reply_receipt(LANG_EN, "Cafe", "$4.50", "Oct 1, 2026", "Dining", out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "Receipt recorded"));
	ck_assert_ptr_nonnull(strstr(out, "Category: Dining"));
	wa_reply_statement(LANG_ES, 15, 2, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "*15* transacciones a\xc3\xb1""adidas, *2* duplicadas"));
	wa_reply_statement(LANG_PT, 0, 15, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "(15 transa\xc3\xa7\xc3\xb5""es): nada novo"));
	wa_reply_doc_unreadable(WA_IMAGE, LANG_PT, 0, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "N\xc3\xa3o consegui ler essa imagem. Mande"));
	wa_reply_doc_unreadable(WA_DOCUMENT, LANG_ES, 0, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "No pude leer ese documento. "));
	wa_reply_doc_unreadable(WA_DOCUMENT, LANG_EN, 1, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "too large"));
	/* an unknown language is English; a small buffer is cut, still terminated */
	wa_reply_doc_unreadable(WA_IMAGE, (enum lang)7, 0, out, sizeof(out));
	ck_assert_ptr_nonnull(strstr(out, "I couldn't read that image."));
	wa_reply_statement(LANG_EN, 3, 0, small, sizeof(small));
	ck_assert_uint_eq(strlen(small), sizeof(small) - 1);
	/* media Evolution never handed over */
	ck_assert_ptr_nonnull(strstr(wa_reply_media_lost(WA_IMAGE, LANG_PT), "sua foto"));
	ck_assert_ptr_nonnull(strstr(wa_reply_media_lost(WA_DOCUMENT, LANG_EN), "your file"));
	ck_assert_ptr_nonnull(strstr(wa_reply_media_lost(WA_DOCUMENT, (enum lang)9), "send it again"));
}
END_TEST

START_TEST(backoff)
{
	static const int64_t base[] = { 1000, 5000, 30000, 120000, 600000, 1800000, 3600000, 3600000 };
	uint32_t r;
	int	 n;

	for (n = 1; n <= 8; n++)
		for (r = 0; r < 3000; r += 7) {
			int64_t ms = wa_backoff_ms(n, r * 2654435761u);

			ck_assert_int_ge(ms, base[n - 1] * 8 / 10);
			ck_assert_int_le(ms, base[n - 1] * 12 / 10);
		}
	ck_assert_int_eq(wa_backoff_ms(50, 0), 3600000 * 8 / 10);
	ck_assert_int_eq(wa_backoff_ms(0, 0), 800);
	/* the jitter spreads: not every runner retries at once */
	ck_assert_int_ne(wa_backoff_ms(1, 1), wa_backoff_ms(1, 900));
}
END_TEST

static int
private4(const char *a)
{
	struct sockaddr_in s;

	memset(&s, 0, sizeof(s));
	s.sin_family = AF_INET;
	ck_assert_int_eq(inet_pton(AF_INET, a, &s.sin_addr), 1);
	return out_addr_private(&s);
}

static int
private6(const char *a)
{
	struct sockaddr_in6 s;

	memset(&s, 0, sizeof(s));
	s.sin6_family = AF_INET6;
	ck_assert_int_eq(inet_pton(AF_INET6, a, &s.sin6_addr), 1);
	return out_addr_private(&s);
}

START_TEST(outbound_addresses)
{
	ck_assert(private4("127.0.0.1"));
	ck_assert(private4("10.1.2.3"));
	ck_assert(private4("172.16.0.1"));
	ck_assert(private4("172.31.255.255"));
	ck_assert(private4("192.168.1.1"));
	ck_assert(private4("169.254.169.254"));
	ck_assert(private4("100.64.0.1"));
	ck_assert(private4("0.0.0.0"));
	ck_assert(private4("224.0.0.1"));
	ck_assert(!private4("172.32.0.1"));
	ck_assert(!private4("8.8.8.8"));
	ck_assert(!private4("100.128.0.1"));
	ck_assert(private6("::1"));
	ck_assert(private6("::"));
	ck_assert(private6("fe80::1"));
	ck_assert(private6("fd12:3456::1"));
	ck_assert(private6("::ffff:127.0.0.1"));
	ck_assert(private6("::ffff:10.0.0.1"));
	ck_assert(!private6("2001:4860:4860::8888"));
	ck_assert(!private6("::ffff:8.8.8.8"));
}
END_TEST

static Suite *
wa_suite(void)
{
	Suite	*s = suite_create("wa");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, jid_to_phone);
	tcase_add_test(tc, ninth_digit);
	tcase_add_test(tc, shape_for_whatsapp);
	tcase_add_test(tc, short_answers);
	tcase_add_test(tc, document_replies);
	tcase_add_test(tc, backoff);
	tcase_add_test(tc, outbound_addresses);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(wa_suite)
