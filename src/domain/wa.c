/* wa.c: WhatsApp rules without I/O (wa.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "domain/wa.h"

int
wa_jid_phone(const char *jid, char *out, size_t outlen)
{
	size_t	 n = 0, i;
	const char *at;

	if (jid == NULL || outlen < WA_PHONE_MAX)
		return -1;
	at = strchr(jid, '@');
	if (at != NULL && strcmp(at, "@s.whatsapp.net") != 0 && strcmp(at, "@c.us") != 0)
		return -1;	/* @g.us, @broadcast, @lid, @newsletter */
	if (jid[0] == '+')
		jid++;
	for (i = 0; jid[i] != '\0' && jid[i] != '@' && jid[i] != ':'; i++) {
		if (jid[i] < '0' || jid[i] > '9' || n >= 15)
			return -1;
		n++;
	}
	if (n < 8 || jid[0] == '0')
		return -1;
	out[0] = '+';
	memcpy(out + 1, jid, n);
	out[n + 1] = '\0';
	return 0;
}

int
wa_phone_twin(const char *phone, char *alt, size_t altlen)
{
	size_t	 len;

	if (phone == NULL || strncmp(phone, "+55", 3) != 0 || altlen < WA_PHONE_MAX)
		return 0;
	len = strlen(phone);
	/* +55, a two-digit area code, then 8 digits (a mobile starts 6..9) or 9 and 8. */
	if (len == 13 && phone[5] >= '6' && phone[5] <= '9') {
		memcpy(alt, phone, 5);
		alt[5] = '9';
		memcpy(alt + 6, phone + 5, 9);	/* 8 digits and the NUL */
		return 1;
	}
	if (len == 14 && phone[5] == '9' && phone[6] >= '6' && phone[6] <= '9') {
		memcpy(alt, phone, 5);
		memcpy(alt + 5, phone + 6, 9);
		return 1;
	}
	return 0;
}

/* Append n bytes of s to out at *o, leaving room for "…" and the NUL; 0/-1 full. */
static int
put(char *out, size_t cap, size_t *o, const char *s, size_t n)
{
	if (*o + n + 4 > cap)
		return -1;
	memcpy(out + *o, s, n);
	*o += n;
	return 0;
}

/* One line shaped: a heading bold, a list dash a bullet, **x** and __x__ as *x*. */
static int
shape_line(const char *p, size_t len, char *out, size_t cap, size_t *o)
{
	size_t	 i = 0, start;
	int	 heading = 0;

	while (i < len && (p[i] == ' ' || p[i] == '\t'))
		i++;
	start = i;
	while (i < len && p[i] == '#')
		i++;
	if (i > start && i < len && p[i] == ' ') {
		heading = 1;
		while (i < len && p[i] == ' ')
			i++;
		if (put(out, cap, o, "*", 1) == -1)
			return -1;
	} else if (len - start >= 2 && (p[start] == '-' || p[start] == '*') && p[start + 1] == ' ') {
		i = start + 2;
		if (put(out, cap, o, "\xe2\x80\xa2 ", 4) == -1)
			return -1;
	} else
		i = start;
	for (; i < len; i++) {
		if (i + 1 < len && ((p[i] == '*' && p[i + 1] == '*') || (p[i] == '_' && p[i + 1] == '_'))) {
			if (!heading && put(out, cap, o, "*", 1) == -1)
				return -1;
			i++;
			continue;
		}
		if (put(out, cap, o, p + i, 1) == -1)
			return -1;
	}
	while (*o > 0 && (out[*o - 1] == ' ' || out[*o - 1] == '\t'))
		(*o)--;
	if (heading && put(out, cap, o, "*", 1) == -1)
		return -1;
	return 0;
}

void
wa_shape(const char *text, char *out, size_t outlen)
{
	size_t	 cap = outlen < WA_REPLY_MAX ? outlen : WA_REPLY_MAX, o = 0, len;
	const char *p = text ? text : "", *nl;
	int	 blank = 0, full = 0;

	if (outlen == 0)
		return;
	if (cap < 8) {
		out[0] = '\0';
		return;
	}
	while (*p != '\0' && !full) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		{
			size_t k = 0;

			while (k < len && (p[k] == ' ' || p[k] == '\t'))
				k++;
			if (k == len) {
				blank = o > 0;
			} else {
				if (o > 0 && put(out, cap, &o, blank ? "\n\n" : "\n", blank ? 2 : 1) == -1)
					full = 1;
				else if (shape_line(p, len, out, cap, &o) == -1)
					full = 1;
				blank = 0;
			}
		}
		p = nl ? nl + 1 : p + len;
	}
	if (full) {
		/* Back to a UTF-8 boundary, then the ellipsis (room was kept for it). */
		while (o > 0 && ((unsigned char)out[o] & 0xc0) == 0x80)
			o--;
		memcpy(out + o, "\xe2\x80\xa6", 3);
		o += 3;
	}
	out[o] = '\0';
}

static const char *const kind_names[] = {
	"text", "image", "document", "audio", "sticker", "location", "other"
};

const char *
wa_kind_name(enum wa_kind k)
{
	return (unsigned)k <= WA_OTHER ? kind_names[k] : "other";
}

enum wa_kind
wa_kind_of(const char *name)
{
	int	 i;

	for (i = 0; name != NULL && i < WA_OTHER; i++)
		if (strcmp(name, kind_names[i]) == 0)
			return (enum wa_kind)i;
	return WA_OTHER;
}

/* [kind][lang]: the short answers to what the coach does not read. */
static const char *const unread[][LANG_COUNT] = {
	[WA_IMAGE] = {
	    "I can't read photos of receipts here yet. *Type* what you spent, e.g. _spent 45.90 at the market_.",
	    "Ainda n\xc3\xa3o consigo ler fotos de notas por aqui. *Escreva* o gasto, por exemplo _gastei 45,90 no mercado_.",
	    "Todav\xc3\xad""a no puedo leer fotos de recibos aqu\xc3\xad. *Escribe* el gasto, por ejemplo _gast\xc3\xa9 45,90 en el s\xc3\xbaper_." },
	[WA_DOCUMENT] = {
	    "I can't read documents or statements here yet. *Type* what you spent, e.g. _spent 45.90 at the market_.",
	    "Ainda n\xc3\xa3o consigo ler documentos ou extratos por aqui. *Escreva* o gasto, por exemplo _gastei 45,90 no mercado_.",
	    "Todav\xc3\xad""a no puedo leer documentos ni extractos aqu\xc3\xad. *Escribe* el gasto, por ejemplo _gast\xc3\xa9 45,90 en el s\xc3\xbaper_." },
	[WA_AUDIO] = {
	    "I can't listen to audio yet. I read *text*: tell me what you spent or ask me about your money.",
	    "Ainda n\xc3\xa3o consigo ouvir \xc3\xa1udios. Eu leio *texto*: conte o que gastou ou pergunte sobre o seu dinheiro.",
	    "Todav\xc3\xad""a no puedo escuchar audios. Leo *texto*: cu\xc3\xa9ntame qu\xc3\xa9 gastaste o preg\xc3\xbantame por tu dinero." },
	[WA_STICKER] = {
	    "Nice sticker! I read *text*: tell me what you spent or ask me about your money.",
	    "Boa figurinha! Eu leio *texto*: conte o que gastou ou pergunte sobre o seu dinheiro.",
	    "\xc2\xa1""Buen sticker! Leo *texto*: cu\xc3\xa9ntame qu\xc3\xa9 gastaste o preg\xc3\xbantame por tu dinero." },
	[WA_LOCATION] = {
	    "Thanks, but I don't use locations. I read *text*: tell me what you spent or ask me about your money.",
	    "Obrigado, mas n\xc3\xa3o uso localiza\xc3\xa7\xc3\xb5""es. Eu leio *texto*: conte o que gastou ou pergunte sobre o seu dinheiro.",
	    "Gracias, pero no uso ubicaciones. Leo *texto*: cu\xc3\xa9ntame qu\xc3\xa9 gastaste o preg\xc3\xbantame por tu dinero." },
	[WA_OTHER] = {
	    "I read *text* messages: tell me what you spent or ask me about your money.",
	    "Eu leio mensagens de *texto*: conte o que gastou ou pergunte sobre o seu dinheiro.",
	    "Leo mensajes de *texto*: cu\xc3\xa9ntame qu\xc3\xa9 gastaste o preg\xc3\xbantame por tu dinero." },
};

const char *
wa_reply_unread(enum wa_kind k, enum lang l)
{
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	if (k == WA_TEXT || (unsigned)k > WA_OTHER)
		k = WA_OTHER;
	return unread[k][l];
}

static const char *const welcome[LANG_COUNT] = {
	"Hi! I'm your *money coach*. Tell me what you spend (_spent 45.90 at the market_) and ask me anything about your money.",
	"Ol\xc3\xa1! Eu sou seu *coach financeiro*. Conte o que voc\xc3\xaa gasta (_gastei 45,90 no mercado_) e pergunte o que quiser sobre o seu dinheiro.",
	"\xc2\xa1Hola! Soy tu *coach financiero*. Cu\xc3\xa9ntame lo que gastas (_gast\xc3\xa9 45,90 en el s\xc3\xbaper_) y preg\xc3\xbantame lo que quieras sobre tu dinero.",
};

const char *
wa_reply_welcome(enum lang l)
{
	return welcome[(unsigned)l < LANG_COUNT ? l : LANG_EN];
}

static const char *const sorry[LANG_COUNT] = {
	"Sorry, I couldn't answer that just now. Please try again in a minute.",
	"Desculpe, n\xc3\xa3o consegui responder agora. Tente de novo em um minuto.",
	"Perd\xc3\xb3n, no pude responder ahora. Int\xc3\xa9ntalo de nuevo en un minuto.",
};

const char *
wa_reply_sorry(enum lang l)
{
	return sorry[(unsigned)l < LANG_COUNT ? l : LANG_EN];
}

int64_t
wa_backoff_ms(int n, uint32_t rnd)
{
	static const int64_t steps[] = { 1000, 5000, 30000, 120000, 600000, 1800000, 3600000 };
	const size_t nsteps = sizeof(steps) / sizeof(steps[0]);
	int64_t	 base;

	if (n < 1)
		n = 1;
	base = (size_t)n <= nsteps ? steps[n - 1] : steps[nsteps - 1];
	/* -20% .. +20% */
	return base * 8 / 10 + (int64_t)(rnd % 1001) * base * 4 / 10 / 1000;
}

/* Each message in pieces, the values between them (no format string from a table). */
static const char *const doc_unreadable[LANG_COUNT][2] = {
	{ "I couldn't read ", ". Send a *sharp photo of the whole receipt*, or your bank statement as *PDF, CSV, OFX or XLSX*; or just *type* the expense, e.g. _spent 45.90 at the market_." },
	{ "N\xc3\xa3o consegui ler ", ". Mande uma *foto n\xc3\xadtida do cupom inteiro*, ou o extrato do banco em *PDF, CSV, OFX ou XLSX*; ou *escreva* o gasto, por exemplo _gastei 45,90 no mercado_." },
	{ "No pude leer ", ". Env\xc3\xad\141 una *foto n\xc3\xadtida del recibo completo*, o el extracto del banco en *PDF, CSV, OFX o XLSX*; o *escribe* el gasto, por ejemplo _gast\xc3\xa9 45,90 en el s\xc3\xbaper_." },
};

static const char *const doc_noun[2][LANG_COUNT] = {
	{ "that image", "essa imagem", "esa imagen" },
	{ "that document", "esse documento", "ese documento" },
};

static const char *const doc_too_large[LANG_COUNT] = {
	"That file is too large for me. Send a smaller one (a photo of the receipt, or the statement of one month).",
	"Esse arquivo \xc3\xa9 grande demais para mim. Mande um menor (a foto do cupom, ou o extrato de um m\xc3\xaas).",
	"Ese archivo es demasiado grande para m\xc3\xad. Env\xc3\xad\141 uno m\xc3\xa1s peque\xc3\xb1o (la foto del recibo, o el extracto de un mes).",
};

void
wa_reply_doc_unreadable(enum wa_kind k, enum lang l, int too_large, char *out, size_t len)
{
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	if (too_large)
		snprintf(out, len, "%s", doc_too_large[l]);
	else
		snprintf(out, len, "%s%s%s", doc_unreadable[l][0],
		    doc_noun[k == WA_IMAGE ? 0 : 1][l], doc_unreadable[l][1]);
}

/* [photo or file][lang] */
static const char *const media_lost[2][LANG_COUNT] = {
	{ "I couldn't download your photo from WhatsApp. Please send it again in a moment.",
	    "N\xc3\xa3o consegui baixar a sua foto do WhatsApp. Envie de novo daqui a pouco, por favor.",
	    "No pude descargar tu foto de WhatsApp. Vuelve a enviarla en un momento, por favor." },
	{ "I couldn't download your file from WhatsApp. Please send it again in a moment.",
	    "N\xc3\xa3o consegui baixar o seu arquivo do WhatsApp. Envie de novo daqui a pouco, por favor.",
	    "No pude descargar tu archivo de WhatsApp. Vuelve a enviarlo en un momento, por favor." },
};

const char *
wa_reply_media_lost(enum wa_kind k, enum lang l)
{
	return media_lost[k == WA_IMAGE ? 0 : 1][(unsigned)l < LANG_COUNT ? l : LANG_EN];
}

static const char *const receipt_words[LANG_COUNT][3] = {
	{ "Receipt recorded \xe2\x9c\x85", "Date", "Category" },
	{ "Cupom registrado \xe2\x9c\x85", "Data", "Categoria" },
	{ "Recibo registrado \xe2\x9c\x85", "Fecha", "Categor\xc3\xad\141" },
};

void
wa_reply_receipt(enum lang l, const char *merchant, const char *amount, const char *date,
    const char *category, char *out, size_t len)
{
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	snprintf(out, len, "%s\n*%s* \xe2\x80\x93 %s\n%s: %s\n%s: %s", receipt_words[l][0],
	    merchant, amount, receipt_words[l][1], date, receipt_words[l][2], category);
}

static const char *const stmt_words[LANG_COUNT][3] = {
	{ "Statement read \xe2\x9c\x85", "transactions added", "duplicates skipped" },
	{ "Extrato lido \xe2\x9c\x85", "transa\xc3\xa7\xc3\xb5\145s adicionadas", "duplicadas ignoradas" },
	{ "Extracto le\xc3\xad\144o \xe2\x9c\x85", "transacciones a\xc3\xb1\141didas", "duplicadas omitidas" },
};

static const char *const dup_only[LANG_COUNT][2] = {
	{ "I already had everything in that file (", " transactions): nothing new was added." },
	{ "Eu j\xc3\xa1 tinha tudo desse arquivo (", " transa\xc3\xa7\xc3\xb5\145s): nada novo foi adicionado." },
	{ "Ya ten\xc3\xad\141 todo lo de ese archivo (", " transacciones): no se a\xc3\xb1\141di\xc3\xb3 nada nuevo." },
};

void
wa_reply_statement(enum lang l, int64_t added, int64_t duplicates, char *out, size_t len)
{
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	if (added == 0)
		snprintf(out, len, "%s%lld%s", dup_only[l][0], (long long)duplicates,
		    dup_only[l][1]);
	else
		snprintf(out, len, "%s\n*%lld* %s, *%lld* %s.", stmt_words[l][0],
		    (long long)added, stmt_words[l][1], (long long)duplicates, stmt_words[l][2]);
}
