/* wa_onboard.c: onboarding in the WhatsApp conversation (wa_onboard.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "domain/coach_match.h"
#include "domain/txtparse.h"
#include "domain/wa_onboard.h"

#define OB_MAX_AMOUNTS	16
#define OB_AMOUNT_MAX	INT64_C(100000000000000)	/* a trillion, in minor units */

static const char *const step_names[OB_STEP_COUNT] = {
	"income", "expenses", "savings", "debt", "rate", "goal", "goal_amount", "done", "off"
};

const char *
ob_step_name(enum ob_step st)
{
	return (unsigned)st < OB_STEP_COUNT ? step_names[st] : "off";
}

int
ob_step_of(const char *name, enum ob_step *out)
{
	int	 i;

	for (i = 0; name != NULL && i < OB_STEP_COUNT; i++)
		if (strcmp(name, step_names[i]) == 0) {
			*out = (enum ob_step)i;
			return 0;
		}
	return -1;
}

int
ob_asking(enum ob_step st)
{
	return st >= OB_INCOME && st <= OB_GOAL_AMOUNT;
}

/* The text of t in language l (English for one we do not speak). */
static const char *
in_lang(const char *const t[LANG_COUNT], enum lang l)
{
	return t[(unsigned)l < LANG_COUNT ? l : LANG_EN];
}

/* --- reading an answer ---------------------------------------------------------- */

/* Words that stop the conversation, said on their own ("later", "parar"). */
static int
is_stop(const struct cm_words *w)
{
	return w->n > 0 && w->n <= 4 &&
	    (cm_find(w, "^ stop|parar|pare|cancel|cancelar|sair|exit|quit|later|depois|luego|despues") ||
	    cm_find(w, "^ mais|mas|more tarde|later") || cm_find(w, "^ not now") ||
	    cm_find(w, "^ agora nao") || cm_find(w, "^ ahora no"));
}

/* "nothing", "none", "I don't have any": an answer of 0. */
static int
is_nothing(const struct cm_words *w)
{
	return (w->n > 0 && w->n <= 4 &&
	    cm_find(w, "^ nada|nothing|none|nenhum|nenhuma|ninguna|ninguno|zero|cero|no|nao|nope|nil")) ||
	    cm_find(w, "nao tenho|devo|possuo") || cm_find(w, "no tengo|debo") ||
	    cm_find(w, "don t have|owe") || cm_find(w, "dont have|owe") ||
	    cm_find(w, "do not have|owe") || cm_find(w, "i have no") || cm_find(w, "nothing");
}

/* "none", "skip": no goal. */
static int
is_no_goal(const struct cm_words *w)
{
	return w->n > 0 && w->n <= 4 &&
	    cm_find(w, "^ none|nenhum|nenhuma|ninguna|ninguno|nada|nothing|skip|pular|pula|saltar|no|nao|nope");
}

/* "don't know": no rate. */
static int
is_dont_know(const struct cm_words *w)
{
	return cm_find(w, "nao sei|sabe|lembro") || cm_find(w, "no se|recuerdo") ||
	    cm_find(w, "don t know|remember") || cm_find(w, "dont know|remember") ||
	    cm_find(w, "do not know|remember") || cm_find(w, "not sure") ||
	    cm_find(w, "no idea") || cm_find(w, "idk") || cm_find(w, "sei la") ||
	    cm_find(w, "sem ideia") || cm_find(w, "ni idea");
}

/* Something spent just now, told as a log ("gastei 30 no uber"). */
static int
is_log(const struct cm_words *w, enum ob_step st)
{
	if (cm_find(w, "gastei|comprei|spent|bought|gaste|compre"))
		return 1;
	return st != OB_DEBT && cm_find(w, "paguei|pague");
}

/* A question ("quanto gastei com mercado?", "why do you need that?"): the chat answers it. */
static int
is_question(const struct cm_words *w)
{
	return cm_find(w, "^ quanto|quanta|quantos|quantas|qual|quais|como|onde|quando|porque|"
	    "how|what|why|when|where|which|who|can|could|should|cuanto|cuanta|cuantos|cual|"
	    "cuales|donde|cuando|quien|posso|puedo") ||
	    cm_find(w, "^ por que") || cm_find(w, "^ o que");
}

/* Digits, all of them zeros ("0", "0,00"): 1. */
static int
says_zero(const char *text)
{
	int	 digits = 0;

	for (; *text; text++)
		if (*text >= '1' && *text <= '9')
			return 0;
		else if (*text == '0')
			digits++;
	return digits > 0;
}

/*
 * The money text states: one amount, amounts that add up ("rent 1200, food
 * 600"), or the middle of a range ("entre 3000 e 4000"). 1 and *sum, or 0.
 */
static int
read_money(const struct cm_words *w, const char *text, enum lang l, const char *currency,
    int largest, int64_t *sum)
{
	struct txt_amount am[OB_MAX_AMOUNTS];
	size_t	 n = 0, i;
	int64_t	 t = 0;

	if (txt_amounts(text, lang_code(l), currency, am, OB_MAX_AMOUNTS, &n) == -1 || n == 0)
		return 0;
	if (largest) {
		for (i = 0; i < n; i++)
			if (am[i].amount_cents > t)
				t = am[i].amount_cents;
	} else if (n == 2 && cm_find(w, "entre|between")) {
		t = am[0].amount_cents / 2 + am[1].amount_cents / 2 +
		    (am[0].amount_cents % 2 + am[1].amount_cents % 2) / 2;
	} else
		for (i = 0; i < n; i++) {
			if (am[i].amount_cents > OB_AMOUNT_MAX - t)
				return 0;
			t += am[i].amount_cents;
		}
	if (t <= 0 || t > OB_AMOUNT_MAX)
		return 0;
	*sum = t;
	return 1;
}

/*
 * A percentage in text: "12,5%", "12.5 %", "12 por cento", "29 percent", or
 * the one number of a message ("12 ao mes", "12 a month"). 1 and *rate in thousandths of a
 * percent; 0 when there is none, or several numbers and no percent sign.
 */
static int
read_percent(const char *text, int64_t *rate)
{
	const char	*p = text, *q;
	int64_t		 whole, frac, scale, first = 0;
	int		 numbers = 0, digits;

	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			continue;
		whole = frac = 0;
		scale = 1000;
		for (q = p, digits = 0; *q >= '0' && *q <= '9'; q++)
			if (++digits <= 7)
				whole = whole * 10 + (*q - '0');
		if (digits > 7)
			return 0;
		if ((*q == ',' || *q == '.') && q[1] >= '0' && q[1] <= '9')
			for (q++; *q >= '0' && *q <= '9'; q++)
				if (scale > 1) {
					scale /= 10;
					frac += (*q - '0') * scale;
				}
		p = q;
		while (*q == ' ')
			q++;
		if (*q == '%' || strncmp(q, "por cento", 9) == 0 || strncmp(q, "percent", 7) == 0 ||
		    strncmp(q, "por ciento", 10) == 0 || strncmp(q, "pct", 3) == 0) {
			*rate = whole * 1000 + frac;
			return 1;
		}
		if (numbers++ == 0)
			first = whole * 1000 + frac;
		if (*p == '\0')
			break;
	}
	if (numbers != 1)
		return 0;
	*rate = first;
	return 1;
}

/* The period a rate is given for: "month", "year" or "". */
static const char *
read_period(const struct cm_words *w)
{
	if (cm_find(w, "mes|meses|month|monthly|mensal|mensais|mensual|mensuales") ||
	    cm_find(w, "a m"))
		return "month";
	if (cm_find(w, "ano|anos|year|years|yearly|annual|annually|anual|anuais|anuales|aa|apr|tae|taeg|cet|yr") ||
	    cm_find(w, "a a"))
		return "year";
	return "";
}

/* A goal's kind and the name of its kind (NULL: none known) in language l. */
struct goal_kind {
	const char	*words;		/* cm_find pattern(s), '/'-separated */
	const char	*type;
	int		 emergency;
	const char	*name[LANG_COUNT];
};

static const struct goal_kind kinds[] = {
	{ "emergenc*/reserva de? emergencia|financeira|seguranca/colchao/rainy day/imprevistos",
	    "savings", 1,
	    { "Emergency fund", "Reserva de emerg\xc3\xaancia", "Fondo de emergencia" } },
	{ "cartao|cartoes|card|cards|tarjeta|tarjetas/rotativo|overdraft|cheque especial",
	    "debt_payoff", 0, { "Pay off the card", "Quitar o cart\xc3\xa3o", "Pagar la tarjeta" } },
	{ "divida*|debt*|deuda*|emprestimo*|loan*|prestamo*|quitar|pay off|payoff|financiamento",
	    "debt_payoff", 0, { "Pay off debt", "Quitar as d\xc3\xadvidas", "Pagar las deudas" } },
	{ "aposentadoria|aposentar|retirement|retire|jubilacion|jubilarme|jubilar",
	    "investment", 0, { "Retirement", "Aposentadoria", "Jubilaci\xc3\xb3n" } },
	{ "invest*|investir|invertir|inversion*|acoes|stocks|bolsa", "investment", 0,
	    { "Investments", "Investimentos", "Inversiones" } },
	{ "viagem|viagens|viajar|trip|travel|vacation|holiday|viaje|viajes|ferias|vacaciones",
	    "savings", 0, { "Trip", "Viagem", "Viaje" } },
	{ "casamento|wedding|boda|casar|casarme", "savings", 0,
	    { "Wedding", "Casamento", "Boda" } },
	{ "carro|car|coche|auto|moto|motorcycle", "savings", 0, { "Car", "Carro", "Coche" } },
	{ "casa|house|home|apartamento|apartment|piso|imovel|vivienda/down payment", "savings", 0,
	    { "Home", "Casa", "Casa" } },
	{ "faculdade|curso|estudos|estudo|college|university|education|school|universidad|estudios|mestrado|master",
	    "savings", 0, { "Education", "Estudos", "Estudios" } },
};

static int
kind_matches(const struct cm_words *w, const char *words)
{
	char	 pat[160];
	const char *p = words, *slash;
	size_t	 n;

	while (*p) {
		slash = strchr(p, '/');
		n = slash ? (size_t)(slash - p) : strlen(p);
		if (n < sizeof(pat)) {
			memcpy(pat, p, n);
			pat[n] = '\0';
			if (cm_find(w, pat))
				return 1;
		}
		p += n + (slash != NULL);
	}
	return 0;
}

/* 1 if word (n bytes, as written) is one of list, ASCII case aside. */
static int
word_in(const char *word, size_t n, const char *const *list)
{
	char	 low[32];
	size_t	 i;

	if (n >= sizeof(low))
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
	low[n] = '\0';
	for (i = 0; list[i]; i++)
		if (strcmp(low, list[i]) == 0)
			return 1;
	return 0;
}

/* Words of money: never part of a goal's name. */
static const char *const money_words[] = {
	"r$", "$", "us$", "u$s", "\xe2\x82\xac", "\xc2\xa3", "reais", "real", "dolares", "d\xc3\xb3lares", "dollars",
	"dollar", "bucks", "euros", "euro", "pesos", "mil", "k", "eur", "usd", "brl", NULL };
/* Words around a goal's name, dropped from its ends. */
static const char *const filler_words[] = {
	"quero", "queria", "juntar", "guardar", "poupar", "economizar", "para", "pra", "pro",
	"uma", "um", "o", "a", "os", "as", "i", "i'd", "want", "would", "like", "to", "save",
	"saving", "for", "an", "the", "my", "meu", "minha", "mi", "mis", "quiero", "quisiera",
	"ahorrar", "ahorro", "el", "la", "los", "las", "un", "una", "de", "do", "da", "of",
	"em", "en", "in", "by", "por", "e", "y", "and", "at\xc3\xa9", "hasta", "meta", "goal",
	"objetivo", "is", "\xc3\xa9", "es", "\xc3\xa9:", "it's", "its", NULL };

static int
is_sep(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' ||
	    c == ':' || c == '!' || c == '?' || c == '(' || c == ')' || c == '"';
}

/*
 * The goal's name as the user wrote it, without its amount and the words
 * around a name ("quero juntar 8 mil para uma viagem a Lisboa" -> "Viagem a
 * Lisboa"), capitalised; "" when nothing is left.
 */
static void
goal_name_of(const char *text, char *out, size_t len)
{
	const char	*tok[64], *p = text, *start;
	size_t		 toklen[64], ntok = 0, first, last, i, o = 0, n;
	char		 joined[512];
	int		 digit;

	while (*p && ntok < 64) {
		while (*p && is_sep(*p))
			p++;
		if (*p == '\0')
			break;
		for (start = p, digit = 0; *p && !is_sep(*p); p++)
			if (*p >= '0' && *p <= '9')
				digit = 1;
		n = (size_t)(p - start);
		while (n > 0 && start[n - 1] == '.')
			n--;
		if (n == 0 || digit || word_in(start, n, money_words))
			continue;
		tok[ntok] = start;
		toklen[ntok++] = n;
	}
	for (first = 0; first < ntok && word_in(tok[first], toklen[first], filler_words); first++)
		;
	for (last = ntok; last > first && word_in(tok[last - 1], toklen[last - 1], filler_words);
	    last--)
		;
	joined[0] = '\0';
	for (i = first; i < last && o + toklen[i] + 2 < sizeof(joined); i++) {
		if (o > 0)
			joined[o++] = ' ';
		memcpy(joined + o, tok[i], toklen[i]);
		o += toklen[i];
		joined[o] = '\0';
	}
	lang_clip(out, len, joined);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 32);
}

static int
read_goal(const struct cm_words *w, const char *text, enum lang l, const char *currency,
    struct ob_answer *a)
{
	size_t	 i;

	a->has_amount = read_money(w, text, l, currency, 1, &a->amount);
	if (!a->has_amount && is_no_goal(w)) {
		a->kind = OB_SKIP;
		return 0;
	}
	snprintf(a->goal_type, sizeof(a->goal_type), "savings");
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kind_matches(w, kinds[i].words)) {
			snprintf(a->goal_type, sizeof(a->goal_type), "%s", kinds[i].type);
			a->emergency = kinds[i].emergency;
			break;
		}
	goal_name_of(text, a->goal_name, sizeof(a->goal_name));
	/* a name too long to be one, or none: the kind's */
	if (i < sizeof(kinds) / sizeof(kinds[0]) &&
	    (a->goal_name[0] == '\0' || strlen(a->goal_name) > 40 || a->emergency ||
	    strcmp(a->goal_type, "debt_payoff") == 0))
		snprintf(a->goal_name, sizeof(a->goal_name), "%s", kinds[i].name[l]);
	if (a->goal_name[0] == '\0') {
		if (!a->has_amount) {
			a->kind = OB_OTHER;
			return 0;
		}
		snprintf(a->goal_name, sizeof(a->goal_name), "%s",
		    l == LANG_EN ? "Savings goal" : l == LANG_PT ? "Meta" : "Meta de ahorro");
	}
	a->kind = OB_ANSWER;
	return 0;
}

int
ob_read(enum ob_step st, const char *text, enum lang l, const char *currency,
    struct ob_answer *a)
{
	struct cm_words	 w;

	if (a == NULL)
		return -1;
	memset(a, 0, sizeof(*a));
	a->kind = OB_OTHER;
	if (text == NULL || currency == NULL || !ob_asking(st) || (unsigned)l >= LANG_COUNT ||
	    strlen(text) > TXT_MAX_TEXT)
		return -1;
	cm_words_init(&w, text);
	if (w.n == 0 && !says_zero(text))
		return 0;
	if (is_stop(&w)) {
		a->kind = OB_STOP;
		return 0;
	}
	if (st == OB_RATE) {
		if (read_percent(text, &a->rate)) {
			if (a->rate <= 0 || a->rate > 1000000)
				return 0;
			a->has_rate = 1;
		}
		snprintf(a->rate_period, sizeof(a->rate_period), "%s", read_period(&w));
		if (!a->has_rate && a->rate_period[0] == '\0') {
			if (is_dont_know(&w) || is_nothing(&w))
				a->kind = OB_SKIP;
			else
				a->question = is_question(&w) || strchr(text, '?') != NULL;
			return 0;
		}
		if (a->has_rate && strcmp(a->rate_period, "month") == 0 && a->rate > 100000) {
			a->has_rate = 0;	/* above 100% a month: not a rate */
			return 0;
		}
		a->kind = OB_ANSWER;
		return 0;
	}
	if (is_question(&w)) {
		a->question = 1;
		return 0;
	}
	if (st != OB_EXPENSES && st != OB_GOAL_AMOUNT && is_log(&w, st)) {
		a->kind = OB_LOG;
		return 0;
	}
	if (st == OB_GOAL)
		return read_goal(&w, text, l, currency, a);
	if (read_money(&w, text, l, currency, st == OB_GOAL_AMOUNT, &a->amount)) {
		a->has_amount = 1;
		a->kind = OB_ANSWER;
		return 0;
	}
	if (st != OB_EXPENSES && st != OB_GOAL_AMOUNT && (says_zero(text) || is_nothing(&w))) {
		a->has_amount = 1;
		a->amount = 0;
		a->kind = OB_ANSWER;
	} else
		a->question = strchr(text, '?') != NULL;
	return 0;
}

int
ob_is_restart(const char *text)
{
	struct cm_words	 w;

	cm_words_init(&w, text);
	return w.n > 0 && w.n <= 4 &&
	    (cm_find(&w, "^ start|comecar|empezar|comenzar|iniciar|onboarding") ||
	    cm_find(&w, "^ meu|my|mi plan|plano") || (w.n == 1 && cm_find(&w, "^ plan|plano")));
}

int
ob_is_why(const char *text)
{
	struct cm_words	 w;

	cm_words_init(&w, text);
	return cm_find(&w, "^ e|and|y? por|pra|para que") || cm_find(&w, "^ e|and? porque|why") ||
	    cm_find(&w, "what for") || cm_find(&w, "o que voce vai fazer") ||
	    cm_find(&w, "que vas a hacer");
}

static const char *const why[LANG_COUNT] = {
	"So I can build a plan that fits you: what is left each month, what to pay first, and when you reach your goal.",
	"Para montar um plano que sirva para voc\xc3\xaa: quanto sobra por m\xc3\xaas, o que pagar primeiro e quando voc\xc3\xaa chega ao seu objetivo.",
	"Para armar un plan a tu medida: cu\xc3\xa1nto te queda al mes, qu\xc3\xa9 pagar primero y cu\xc3\xa1ndo llegas a tu meta.",
};

const char *
ob_text_why(enum lang l)
{
	return in_lang(why, l);
}

int
ob_is_greeting(const char *text)
{
	struct cm_words	 w;

	cm_words_init(&w, text);
	return w.n > 0 && w.n <= 5 && cm_kind_of(&w) == CM_GREETING &&
	    !cm_find(&w, "help|ajuda|ajude|ayuda|ayudame|socorro|what|que|quem|who|quien");
}

/* --- what the coach says -------------------------------------------------------- */

static const char *const intro[LANG_COUNT] = {
	"To build your plan I need *5 quick answers*. Rough numbers are fine. (Send _later_ to stop.)",
	"Para montar o seu plano preciso de *5 respostas r\xc3\xa1pidas*. Valores aproximados servem. (Mande _depois_ para parar.)",
	"Para armar tu plan necesito *5 respuestas r\xc3\xa1pidas*. Cifras aproximadas sirven. (Env\xc3\255a _luego_ para parar.)",
};

const char *
ob_text_intro(enum lang l)
{
	return in_lang(intro, l);
}

static const char *const questions[OB_DONE][LANG_COUNT] = {
	[OB_INCOME] = {
	    "*1/5* How much do you take home a month, after taxes? (e.g. _3500_)",
	    "*1/5* Quanto voc\xc3\xaa recebe por m\xc3\xaas, j\xc3\xa1 sem os impostos? (ex.: _3.500_)",
	    "*1/5* \xc2\277Cu\xc3\xa1nto recibes al mes, ya sin impuestos? (ej.: _3.500_)" },
	[OB_EXPENSES] = {
	    "*2/5* About how much do you spend a month in all: rent, bills, food, transport\xe2\x80\xa6? (e.g. _2800_, or _rent 1200, food 600, bills 300_)",
	    "*2/5* Quanto voc\xc3\xaa gasta por m\xc3\xaas, somando tudo: aluguel, contas, mercado, transporte\xe2\x80\xa6? (ex.: _2.800_ ou _aluguel 1.200, mercado 600, contas 300_)",
	    "*2/5* \xc2\277Cu\xc3\xa1nto gastas al mes en total: alquiler, cuentas, comida, transporte\xe2\x80\xa6? (ej.: _2.800_ o _alquiler 1.200, comida 600, cuentas 300_)" },
	[OB_SAVINGS] = {
	    "*3/5* How much do you have saved today? (_0_ if nothing)",
	    "*3/5* Quanto voc\xc3\xaa tem guardado hoje? (_0_ se nada)",
	    "*3/5* \xc2\277Cu\xc3\xa1nto tienes ahorrado hoy? (_0_ si nada)" },
	[OB_DEBT] = {
	    "*4/5* How much do you owe on cards and loans, in total? Leave out a mortgage. (_0_ if nothing)",
	    "*4/5* Quanto voc\xc3\xaa deve em cart\xc3\265es e empr\xc3\xa9stimos, no total? Sem contar o financiamento da casa. (_0_ se nada)",
	    "*4/5* \xc2\277Cu\xc3\xa1nto debes en tarjetas y pr\xc3\xa9stamos, en total? Sin contar la hipoteca. (_0_ si nada)" },
	[OB_RATE] = {
	    "What interest do you pay on it? (e.g. _12% a month_ or _29% a year_; _don't know_ is fine)",
	    "Quais juros voc\xc3\xaa paga nela? (ex.: _12% ao m\xc3\xaas_ ou _29% ao ano_; _n\xc3\xa3o sei_ tamb\xc3\xa9m serve)",
	    "\xc2\xbfQu\xc3\xa9 inter\xc3\xa9s pagas por ella? (ej.: _12% al mes_ o _29% al a\xc3\xb1o_; _no s\xc3\xa9_ tambi\xc3\xa9n sirve)" },
	[OB_GOAL] = {
	    "*5/5* What are you saving for? Tell me the goal and how much it needs (e.g. _trip 5000_, _emergency fund_, _pay off my card_), or _none_.",
	    "*5/5* Qual \xc3\xa9 o seu objetivo? Diga o que e quanto precisa (ex.: _viagem 5.000_, _reserva de emerg\xc3\xaancia_, _quitar o cart\xc3\xa3o_), ou _nenhum_.",
	    "*5/5* \xc2\xbfPara qu\xc3\xa9 quieres ahorrar? Dime la meta y cu\xc3\xa1nto necesitas (ej.: _viaje 5.000_, _fondo de emergencia_, _pagar la tarjeta_), o _ninguna_." },
	[OB_GOAL_AMOUNT] = {
	    "How much do you need for *{1}*?",
	    "Quanto voc\xc3\xaa precisa para *{1}*?",
	    "\xc2\277Cu\xc3\xa1nto necesitas para *{1}*?" },
};

void
ob_text_question(enum ob_step st, enum lang l, const char *goal_name, char *out, size_t len)
{
	const char	*args[1] = { goal_name ? goal_name : "" };

	if (len == 0)
		return;
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	if (!ob_asking(st)) {
		out[0] = '\0';
		return;
	}
	(void)lang_expand(out, len, questions[st][l], args, 1);
}

static const char *const acks[OB_DONE][LANG_COUNT] = {
	[OB_INCOME] = { "Got it: *{1}* a month.", "Anotado: *{1}* por m\xc3\xaas.", "Anotado: *{1}* al mes." },
	[OB_EXPENSES] = { "Got it: about *{1}* a month in spending.",
	    "Anotado: cerca de *{1}* por m\xc3\xaas em gastos.", "Anotado: unos *{1}* al mes en gastos." },
	[OB_SAVINGS] = { "Got it: *{1}* saved.", "Anotado: *{1}* guardados.", "Anotado: *{1}* ahorrados." },
	[OB_DEBT] = { "Got it: *{1}* owed.", "Anotado: *{1}* em d\xc3\xadvidas.", "Anotado: *{1}* en deudas." },
	[OB_RATE] = { "Got it: *{1}*.", "Anotado: *{1}*.", "Anotado: *{1}*." },
	/* {1}: the goal's name in bold and its amount */
	[OB_GOAL] = { "Goal: {1}.", "Objetivo: {1}.", "Meta: {1}." },
	[OB_GOAL_AMOUNT] = { "Goal: {1}.", "Objetivo: {1}.", "Meta: {1}." },
};

/* [step][lang]: an answer of nothing, for savings and debt. */
static const char *const acks_none[2][LANG_COUNT] = {
	{ "Got it: nothing saved yet. The plan starts there.",
	    "Anotado: nada guardado ainda. O plano come\xc3\247a por a\xc3\xad.",
	    "Anotado: nada ahorrado todav\xc3\255a. El plan empieza por ah\xc3\xad." },
	{ "Good: no debts.", "\xc3\x93timo: nenhuma d\xc3\xadvida.", "Bien: ninguna deuda." },
};

static const char *const over[LANG_COUNT] = {
	" That is more than you take home, so the plan starts by finding room.",
	" \xc3\x89 mais do que voc\xc3\xaa recebe, ent\xc3\xa3o o plano come\xc3\247a abrindo espa\xc3\xa7o no or\xc3\247amento.",
	" Es m\xc3\xa1s de lo que recibes, as\xc3\xad que el plan empieza por hacer espacio.",
};

void
ob_text_ack(enum ob_step st, enum lang l, const char *amount, int over_income, char *out,
    size_t len)
{
	const char	*args[1] = { amount ? amount : "" };

	if (len == 0)
		return;
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	out[0] = '\0';
	if (!ob_asking(st))
		return;
	if (amount == NULL && (st == OB_SAVINGS || st == OB_DEBT)) {
		lang_clip(out, len, acks_none[st == OB_DEBT][l]);
		return;
	}
	(void)lang_expand(out, len, acks[st][l], args, 1);
	if (over_income && st == OB_EXPENSES)
		(void)lang_append(out, len, over[l]);
}

static const char *const unclear[LANG_COUNT] = {
	"I didn't find a number in that.",
	"N\xc3\xa3o encontrei um n\xc3\xbamero a\xc3\xad.",
	"No encontr\xc3\xa9 un n\xc3\xbamero ah\xc3\xad.",
};

static const char *const unclear_goal[LANG_COUNT] = {
	"I didn't get the goal.",
	"N\xc3\xa3o entendi o objetivo.",
	"No entend\xc3\xad la meta.",
};

static const char *const unclear_rate[LANG_COUNT] = {
	"I didn't find a rate in that.",
	"N\xc3\xa3o encontrei os juros a\xc3\xad.",
	"No encontr\xc3\xa9 el inter\xc3\xa9s ah\xc3\xad.",
};

const char *
ob_text_unclear(enum ob_step st, enum lang l)
{
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	return st == OB_GOAL ? unclear_goal[l] : st == OB_RATE ? unclear_rate[l] : unclear[l];
}

static const char *const rate_period[LANG_COUNT] = {
	"Is *{1}* a month or a year?",
	"*{1}* \xc3\xa9 ao m\xc3\xaas ou ao ano?",
	"\xc2\xbf*{1}* es al mes o al a\xc3\xb1o?",
};

void
ob_text_rate_period(enum lang l, const char *rate, char *out, size_t len)
{
	const char	*args[1] = { rate ? rate : "" };

	if (len == 0)
		return;
	(void)lang_expand(out, len, rate_period[(unsigned)l < LANG_COUNT ? l : LANG_EN], args, 1);
}

static const char *const stopped[LANG_COUNT] = {
	"OK, we can do this later. When you want your plan, send _start_. Meanwhile, tell me what you spend (_spent 45.90 at the market_).",
	"Tudo bem, fazemos isso depois. Quando quiser o seu plano, mande _come\xc3\247ar_. Enquanto isso, conte o que gasta (_gastei 45,90 no mercado_).",
	"Est\xc3\xa1 bien, lo hacemos luego. Cuando quieras tu plan, env\xc3\255a _empezar_. Mientras, cu\xc3\xa9ntame qu\xc3\xa9 gastas (_gast\xc3\xa9 45,90 en el s\xc3\xbaper_).",
};

const char *
ob_text_stopped(enum lang l)
{
	return in_lang(stopped, l);
}

static const char *const plan_head[LANG_COUNT] = {
	"*Your plan is ready.*", "*Seu plano est\xc3\xa1 pronto.*", "*Tu plan est\xc3\xa1 listo.*",
};

static const char *const plan_next[LANG_COUNT] = {
	"From now on, tell me what you spend (_spent 45.90 at the market_), send photos of receipts or your bank statements, and ask me anything about your money.",
	"A partir de agora, conte o que gasta (_gastei 45,90 no mercado_), mande fotos de notas ou seus extratos, e pergunte o que quiser sobre o seu dinheiro.",
	"Desde ahora, cu\xc3\xa9ntame qu\xc3\xa9 gastas (_gast\xc3\xa9 45,90 en el s\xc3\xbaper_), env\xc3\255a fotos de recibos o tus extractos, y preg\xc3\xbantame lo que quieras sobre tu dinero.",
};

const char *
ob_text_plan_head(enum lang l)
{
	return in_lang(plan_head, l);
}

const char *
ob_text_plan_next(enum lang l)
{
	return in_lang(plan_next, l);
}

void
ob_format_rate(int64_t rate, const char *period, enum lang l, char *out, size_t len)
{
	static const char *const per[2][LANG_COUNT] = {
	    { " a month", " ao m\xc3\xaas", " al mes" },
	    { " a year", " ao ano", " al a\xc3\xb1o" } };
	char	 num[32];
	int64_t	 whole = rate / 1000, frac = rate % 1000;
	int	 digits = frac == 0 ? 0 : frac % 100 == 0 ? 1 : frac % 10 == 0 ? 2 : 3;

	if (len == 0)
		return;
	if ((unsigned)l >= LANG_COUNT)
		l = LANG_EN;
	if (digits == 0)
		snprintf(num, sizeof(num), "%lld%%", (long long)whole);
	else
		snprintf(num, sizeof(num), "%lld%c%0*lld%%", (long long)whole,
		    l == LANG_EN ? '.' : ',', digits,
		    (long long)(digits == 1 ? frac / 100 : digits == 2 ? frac / 10 : frac));
	snprintf(out, len, "%s%s", num, period == NULL || period[0] == '\0' ? "" :
	    per[strcmp(period, "year") == 0][l]);
}
