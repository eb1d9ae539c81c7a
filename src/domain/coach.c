/*
 * coach.c: the built-in coach (ai_provider = local).
 *
 * A message is folded once (categorize_fold: ASCII lower case, accents off,
 * punctuation to spaces) and cut into words; every understanding is a table
 * of word patterns over those words (see match_at), so English, Portuguese
 * and Spanish phrasings are one line each. The first rule that matches picks
 * a handler; the handler reads the user's data only through the facts source
 * (facts.h: typed, money in minor units) and writes short sentences from the
 * text table, one row per message and one column per language, formatted
 * with money_format. Nothing here allocates but the reply buffer.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/currency.h"
#include "core/num.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach.h"
#include "domain/facts.h"
#include "domain/lang.h"
#include "domain/money_fmt.h"

#define MSG_MAX		8192	/* bytes of a message looked at (2000 characters of UTF-8) */
#define MAX_WORDS	2048
#define MAX_MAJOR	INT64_C(1000000000000)	/* 10^12 major units: beyond is absurd */
#define NSLOT		16	/* formatted strings alive at once */
#define SLOT_LEN	256
#define CLIP_LEN	200	/* bytes of a tool's text (a task title) quoted in a reply */
#define SENTENCE_MAX	2048
#define LIST_MAX	1024
#define MAX_LOGGED	10	/* logged items confirmed one by one */
#define MAX_TOP		3	/* categories named in a summary */
#define MAX_TASKS	3	/* pending money moves named */

/* ---- words and patterns ---------------------------------------------------------- */

struct words {
	char		text[MSG_MAX];	/* folded: "quanto gastei com transporte" */
	uint16_t	off[MAX_WORDS];
	uint16_t	len[MAX_WORDS];
	size_t		n;
};

static void
words_init(struct words *w, const char *msg)
{
	size_t	tlen, i = 0;

	if (msg == NULL)
		msg = "";
	w->n = 0;
	tlen = categorize_fold(msg, strnlen(msg, MSG_MAX - 1), w->text, sizeof(w->text));
	while (i < tlen && w->n < MAX_WORDS) {
		size_t s = i;

		while (i < tlen && w->text[i] != ' ')
			i++;
		w->off[w->n] = (uint16_t)s;
		w->len[w->n] = (uint16_t)(i - s);
		w->n++;
		i++;
	}
}

/* 1 if word w (n bytes) is one of slot's '|'-separated alternatives; "ab*" is a prefix. */
static int
slot_has(const char *slot, size_t slen, const char *w, size_t n)
{
	const char *p = slot, *end = slot + slen;

	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		size_t alen = bar ? (size_t)(bar - p) : (size_t)(end - p);

		if (alen > 1 && p[alen - 1] == '*') {
			if (n >= alen - 1 && memcmp(p, w, alen - 1) == 0)
				return 1;
		} else if (alen == n && memcmp(p, w, n) == 0)
			return 1;
		p += alen + 1;
	}
	return 0;
}

/*
 * 1 if pattern p matches the words from i on. A pattern is slots separated
 * by one space; a slot lists alternatives ("spend|spent"), a trailing '?'
 * makes it optional, and the slot "^" anchors at the first word. Optional
 * slots backtrack; patterns have few, so this stays cheap.
 */
static int
match_at(const struct words *w, size_t i, const char *p)
{
	const char	*sp, *next;
	size_t		 slen;
	int		 opt;

	if (*p == '\0')
		return 1;
	sp = strchr(p, ' ');
	slen = sp ? (size_t)(sp - p) : strlen(p);
	next = sp ? sp + 1 : p + slen;
	if (slen == 1 && *p == '^')
		return i == 0 && match_at(w, i, next);
	opt = p[slen - 1] == '?';
	if (i < w->n && slot_has(p, slen - (size_t)opt, w->text + w->off[i], w->len[i]) &&
	    match_at(w, i + 1, next))
		return 1;
	return opt && match_at(w, i, next);
}

static int
pat_find(const struct words *w, const char *p)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (match_at(w, i, p))
			return 1;
	return 0;
}

/* 1 if any pattern of the NULL-terminated list matches. */
static int
any_pat(const struct words *w, const char *const *pats)
{
	for (; *pats; pats++)
		if (pat_find(w, *pats))
			return 1;
	return 0;
}

/* ---- what a message is about: the keyword tables --------------------------------- */

/* Words that may sit between a verb and "instructions" in an injection. */
#define FILL "all|any|the|your|my|of|these|those|previous|prior|above|earlier|" \
	"preceding|initial|original|system|hidden|secret|internal|current|everything|" \
	"todas|todos|as|os|suas|seus|tuas|teus|las|los|tus|sus|tu|su|sua|seu|o|a|el|la|" \
	"de|do|da|del|anteriores|anterior|previas|previos|iniciais|iniciales|" \
	"originais|originales|sistema|secretas|secretos|ocultas|ocultos|internas?"
#define IGNORE_VERB "ignore|ignora|ignorar|ignorem|disregard|forget|override|bypass|" \
	"desconsidere|desconsidera|desconsiderar|esqueca|esquece|esquecer|olvida|" \
	"olvide|olvidar|omite|omitir|descarta|descarte"
#define REVEAL_VERB "reveal|show|print|display|repeat|output|tell|give|share|leak|dump|" \
	"expose|write|list|revele|revela|revelar|mostre|mostra|mostrar|imprima|imprime|" \
	"imprimir|repita|repete|repetir|diga|conte|muestra|muestrame|mostrame|repite|dime|" \
	"escribe|comparte|compartilhe|ensena|ensina"
#define GUIDE_NOUN "instruction*|instruc*|guideline*|directive*|diretriz*|directriz*|" \
	"directrices|programming|programacao|programacion"

static const char *const inject_pats[] = {
	IGNORE_VERB " " FILL "? " FILL "? " FILL "? " GUIDE_NOUN "|prompt*",
	IGNORE_VERB " " FILL "? your|previous|prior|above|all|suas|tus|sus|as|las "
	    "rules|regras|reglas|restrictions|restricoes|restricciones",
	IGNORE_VERB " everything|all above|before|said|prior|earlier",
	IGNORE_VERB " tudo|todo o|lo? que? anterior|acima|antes|dito|foi|dicho|dije|disse",
	IGNORE_VERB " the? above",
	REVEAL_VERB " me|us|to|for? " FILL "? " FILL "? " FILL "? prompt*",
	REVEAL_VERB " me|us|to|for? your|suas|seus|tus|sus|tu|seu|sua|previous|initial|"
	    "original|hidden|secret|internal|system " FILL "? " GUIDE_NOUN "|rules|regras|reglas",
	"system|initial|hidden|secret|original|developer|sistema prompt*|instruction*|message",
	"your|suas|seus|tus|sus|tu|seu|sua prompt*|programming|programacao|programacion",
	"what|which|quais|cuales are|were|sao|son your|suas|seus|tus|sus instruction*|"
	    "instruc*|guidelines|directrices|diretrizes",
	"prompt*|instruc*|regras|reglas|mensagem|mensaje do|del|de sistema",
	"you are|re now",
	"you are|re no longer",
	"youre now",
	"youre no longer",
	"from now on you|act|respond|answer|ignore|pretend",
	"agora voce e|sera um|uma",
	"voce agora e|sera um|uma",
	"a partir de agora voce sera|aja|responda|ignore|finja|deve|devera",
	"a partir de agora voce e um|uma",
	"ahora eres|seras",
	"a partir de ahora eres|seras|actua|responde|ignora|finge",
	"de ahora en adelante eres|seras|actua|responde",
	"^ please|por|now? favor? act|actua|actue|aja|atue|comporte|comportate|behave "
	    "as|como|like",
	"^ please? pretend to|that|youre|you|ur",
	"can|could|now you? pretend to|that|youre|you|ur",
	"roleplay as|that", "role play as|that",
	"finja|finge ser",
	"finja|finge que voce|tu|eres|es",
	"hazte pasar por",
	"developer|dev|debug|god|admin|sudo|unrestricted|unfiltered mode",
	"modo desenvolvedor|developer|desarrollador|dev|debug|depuracao|depuracion|deus|"
	    "dios|admin|administrador|irrestrito",
	"sin restricciones|censura|filtros",
	"modo de desenvolvedor|desarrollador|depuracao|depuracion|administrador",
	"jailbreak*", "do anything now", "dan mode|prompt",
	"other|another|different user|users|usuario|usuarios|customer|customers",
	"someone|somebody else|elses data|account|accounts|transactions|spending|finances|"
	    "information|info|balance|balances|goals|details|history",
	"other peoples|people data|account|accounts|transactions|spending|finances|"
	    "information|info|balances|goals|details|history",
	"all|every|each the? user|users|customers",
	"user|usuario id|ids",
	"userid|userids", "ozz usr",
	"id do|de|del usuario|utilizador",
	"outro|outros|outra|outras|otro|otros|otra|otras usuario|usuarios|utilizador|"
	    "utilizadores|usuaria|usuarias",
	"todos os|los usuarios",
	"dados|datos de|do|da|del outro|outra|otro|otra|outros|outras|otros|otras "
	    "usuario|usuarios|pessoa|pessoas|persona|personas|cliente|clientes",
	"dados|datos de|do|da|del terceiros|terceros",
	NULL
};

/* A question about a past total, not a new record ("how much did I spend"). */
static const char *const question_pats[] = {
	"how much|many", "what did|have", "did i|we", "have i|we", "where|when did|do|does",
	"quanto|quantos|quanta|quantas", "o que", "onde|quando", "cuanto|cuantos|cuanta|cuantas",
	"que gaste|compre|pague", "en que", "donde|cuando", "can|could|should i",
	"posso|devo|consigo", "puedo|debo|deberia", "afford", NULL
};

static const char *const log_verb_pats[] = {
	"spent|paid|bought|received|earned|gastei|paguei|comprei|recebi|ganhei|gaste|"
	    "pague|compre|recibi|gane|cobrei|gastamos|pagamos|compramos",
	"got paid", "me pagaron|pagaram", "cost me", NULL
};

static const char *const afford_pats[] = {
	"afford*", "can|could|should i buy|get|spend", "is it ok|okay to buy|spend",
	"posso|consigo|devo comprar|gastar|pagar|bancar", "da pra|para comprar|gastar|pagar",
	"cabe no meu? orcamento|bolso", "puedo|deberia|podria comprar|gastar|pagar|permitirme",
	"permitirme|permitirmelo", "me alcanza", "alcanza para|pa", NULL
};

static const char *const emotion_pats[] = {
	"stress*", "anxious", "anxiety", "worried", "worry*", "overwhelm*", "scared",
	"afraid", "panic*", "depress*", "hopeless", "frustrat*", "ashamed", "embarrass*",
	"freaking", "cant sleep", "feel|feeling bad|terrible|awful|lost|guilty|helpless",
	"preocupad*", "estressad*", "ansios*", "angustiad*", "desesperad*", "medo",
	"triste", "sobrecarregad*", "culpad*", "agobiad*", "estresad*", "miedo",
	"abrumad*", "nerviosa|nervioso|nervosa|nervoso", "me siento mal",
	"me sinto mal|perdido|perdida", NULL
};

static const char *const spend_pats[] = {
	"spend|spent|spending|spendings|expenses|expenditure*", "gast*",
	"where did|does my|the money go|goes|went", "para onde vai|foi|vao|foram",
	"a|en donde va|fue|se", "breakdown", "by category|categories",
	"por categoria|categorias", "top categories", "budget|orcamento|presupuesto",
	"do i have|got left", "have i got left", "me sobra|sobrou|resta|restou",
	"me queda|quedan|quedo", "quanto|cuanto sobra|sobrou|resta|restou|queda|quedo", NULL
};

static const char *const income_pats[] = {
	"earn|earned|earning|earnings|income|salary|paycheck", "did i make",
	"ganhei|recebi|renda|receita|salario|entradas|entrou",
	"gane|recibi|ingreso|ingresos|sueldo|cobre", NULL
};

/* With a category word, these make a spending question ("is my rent too high?"). */
static const char *const howmuch_pats[] = { "how much", "quanto", "cuanto",
	"too much|high", "a lot", "expensive", "demais", "muito|mucho|caro|cara|alto|alta", NULL };

static const char *const goal_update_pats[] = {
	"set|create|new|change|update|modify|edit|add a|my|the? goal|goals",
	"nova meta", "nuevo objetivo", "nueva meta",
	"mudar|alterar|trocar|definir|criar|atualizar|editar minha|uma|a? meta",
	"cambiar|modificar|definir|crear|actualizar|editar mi|una|la? meta|objetivo", NULL
};

static const char *const next_pats[] = {
	"what should|can|do i do", "next step*|move*", "money move*", "my tasks", "to do",
	"what now", "advice", "tip|tips", "recommend*", "o que devo|posso fazer",
	"o que eu devo|posso? faco|fazer", "proximo|proximos passo|passos", "minhas tarefas",
	"dica|dicas", "conselho*", "recomenda*", "que debo|puedo hacer", "que hago",
	"siguiente|siguientes|proximo|proximos paso|pasos", "mis tareas", "consejo*", NULL
};

static const char *const progress_pats[] = {
	"how am|m i doing", "how im doing", "am i doing ok|okay|well|good", "on track",
	"progress*", "goal|goals", "my plan", "como estou|to indo", "como vou",
	"estou indo bem", "no caminho certo", "meta|metas", "objetivo|objetivos",
	"meu plano", "como voy|vamos", "voy bien", "mi plan", "atingir|alcancar|alcanzar", NULL
};

static const char *const debt_pats[] = {
	"debt|debts", "debt free", "loan|loans", "credit card*", "owe", "pay off", "payoff",
	"divida|dividas", "cartao de credito", "emprestimo*", "financiamento", "quitar",
	"deuda|deudas", "prestamo*", "tarjeta de credito", "quanto devo", "cuanto debo", NULL
};

static const char *const savings_pats[] = {
	"save|saving|savings|saved", "emergency fund", "economiz*", "poupa*", "poupanca",
	"guardando|guardar|guardei|guardado", "reserva", "ahorr*", "fondo de emergencia", NULL
};

static const char *const thanks_pats[] = {
	"thanks|thank|thx|ty|obrigado|obrigada|valeu|brigado|gracias|agradecido|agradecida",
	NULL
};

static const char *const greet_pats[] = {
	"hi|hello|hey|hiya|yo|ola|oi|hola|buenas|howdy", "good morning|afternoon|evening",
	"bom dia", "boa tarde|noite", "buenos dias", "buenas tardes|noches", "help",
	"ajuda|ajude|ayuda|ayudame|socorro", "what can|do you do", "who are you",
	"o que voce faz|pode|sabe", "quem e voce", "que puedes|sabes hacer", "quien eres", NULL
};

/* Folded words that name a category, in all three languages. */
static const struct cat_word {
	const char	*pat;
	enum category	 cat;
} cat_words[] = {
	{ "food|foods|groceries|grocery|restaurant*|lunch*|dinner*|breakfast*|coffee*|"
	  "takeout|snack*|meal|meals|dining", CAT_FOOD },
	{ "eating|eat out", CAT_FOOD },
	{ "comida|comidas|alimentacao|alimentos|mercado|supermercado*|restaurante*|almoco*|"
	  "jantar|jantares|cafe|cafes|lanche*|padaria|feira|ifood|delivery", CAT_FOOD },
	{ "almuerzo*|cena|cenas|desayuno*|cafeteria", CAT_FOOD },
	{ "comer fuera", CAT_FOOD },
	{ "transport*|uber|lyft|taxi|taxis|gas|gasoline|fuel|bus|subway|metro|train|"
	  "parking|tolls|toll|car|commute", CAT_TRANSPORT },
	{ "gasolina|onibus|combustivel|combustible|estacionamento|estacionamiento|pedagio|"
	  "peaje*|passagem|passagens|pasaje*|colectivo|carro|coche|auto", CAT_TRANSPORT },
	{ "rent|mortgage|housing|aluguel|moradia|condominio|alquiler|vivienda|hipoteca|"
	  "iptu|casa", CAT_HOUSING },
	{ "utilities|utility|electricity|electric|internet|bills|luz|energia|agua|"
	  "telefone|electricidad|servicios|contas", CAT_UTILITIES },
	{ "water|phone|power bill|bills", CAT_UTILITIES },
	{ "health|healthcare|medical|doctor*|pharmacy|medicine*|gym|dentist|saude|"
	  "farmacia*|remedio*|medico*|academia|dentista|salud|medicina*|gimnasio|hospital",
	  CAT_HEALTH },
	{ "entertainment|fun|movies|movie|cinema|netflix|streaming|games|concert*|"
	  "lazer|entretenimento|diversao|ocio|entretenimiento|diversion|cine|bar|bares|"
	  "viagem|viagens|viaje|viajes|travel|trips|vacation*|vacaciones|ferias|"
	  "subscription*|assinatura*|suscripcion*", CAT_ENTERTAINMENT },
	{ "education|school|tuition|course|courses|books|book|classes|educacao|escola|"
	  "faculdade|curso|cursos|livro|livros|educacion|escuela|colegio|universidad|"
	  "libro|libros|matricula", CAT_EDUCATION },
	{ "clothes|clothing|shoes|apparel|roupa|roupas|vestuario|calcado*|sapato*|ropa|"
	  "zapato*|vestimenta", CAT_CLOTHING },
	{ "misc|miscellaneous|diversos|varios", CAT_OTHER },
	{ "outros|otros gastos|coisas", CAT_OTHER },
};

/* The tool's period names, the phrases that mean them, and how to say them. */
enum period { P_TODAY, P_YESTERDAY, P_THIS_WEEK, P_LAST_WEEK, P_THIS_MONTH, P_LAST_MONTH,
	P_LAST_7, P_LAST_30, P_LAST_90, P_THIS_YEAR, P_LAST_YEAR, P_COUNT };

static const struct period_info {
	const char	*name;	/* for the tool; NULL: from/to */
	const char	*label[LANG_COUNT];
} periods[P_COUNT] = {
	[P_TODAY] = { "today", { "today", "hoje", "hoy" } },
	[P_YESTERDAY] = { "yesterday", { "yesterday", "ontem", "ayer" } },
	[P_THIS_WEEK] = { "this_week", { "this week", "nesta semana", "esta semana" } },
	[P_LAST_WEEK] = { "last_week", { "last week", "na semana passada", "la semana pasada" } },
	[P_THIS_MONTH] = { "this_month", { "this month", "neste mês", "este mes" } },
	[P_LAST_MONTH] = { "last_month", { "last month", "no mês passado", "el mes pasado" } },
	[P_LAST_7] = { "last_7_days", { "in the last 7 days", "nos últimos 7 dias",
	    "en los últimos 7 días" } },
	[P_LAST_30] = { "last_30_days", { "in the last 30 days", "nos últimos 30 dias",
	    "en los últimos 30 días" } },
	[P_LAST_90] = { "last_90_days", { "in the last 90 days", "nos últimos 90 dias",
	    "en los últimos 90 días" } },
	[P_THIS_YEAR] = { "this_year", { "this year", "neste ano", "este año" } },
	[P_LAST_YEAR] = { NULL, { "last year", "no ano passado", "el año pasado" } },
};

/* First match in this order wins: specific phrases before general ones. */
static const struct period_word {
	const char	*pat;
	enum period	 p;
} period_words[] = {
	{ "last|past 7|seven days", P_LAST_7 },
	{ "ultimos 7|sete|siete dias", P_LAST_7 },
	{ "last|past 30|thirty days", P_LAST_30 },
	{ "ultimos 30|trinta|treinta dias", P_LAST_30 },
	{ "last|past 90|ninety days", P_LAST_90 },
	{ "last|past 3|three months", P_LAST_90 },
	{ "ultimos 90|noventa dias", P_LAST_90 },
	{ "ultimos 3|tres meses", P_LAST_90 },
	{ "past week", P_LAST_7 },
	{ "past month", P_LAST_30 },
	{ "last|previous week", P_LAST_WEEK },
	{ "semana passada|pasada|anterior", P_LAST_WEEK },
	{ "ultima semana", P_LAST_WEEK },
	{ "this|current week", P_THIS_WEEK },
	{ "essa|esta|nesta|nessa semana", P_THIS_WEEK },
	{ "last|previous month", P_LAST_MONTH },
	{ "mes passado|pasado|anterior", P_LAST_MONTH },
	{ "ultimo mes", P_LAST_MONTH },
	{ "this|current month", P_THIS_MONTH },
	{ "este|esse|neste|nesse|deste|desse mes", P_THIS_MONTH },
	{ "last year", P_LAST_YEAR },
	{ "ano passado|pasado", P_LAST_YEAR },
	{ "this|current year", P_THIS_YEAR },
	{ "este|esse|neste|nesse|deste|desse ano", P_THIS_YEAR },
	{ "today|hoje|hoy", P_TODAY },
	{ "yesterday|ontem|ayer", P_YESTERDAY },
};

/* ---- the reply's text, one row per message ------------------------------------- */

enum msg {
	M_UNAVAILABLE,
	M_SPENT_CAT, M_SPENT_ALL, M_TOP, M_SHARE, M_NONE_CAT, M_NONE_ALL, M_LOG_TIP,
	M_OVER_BASE, M_LEFT_BASE, M_WITHIN_BASE,
	M_GOAL_DONE, M_GOAL_NEXT, M_GOAL_AT, M_GOAL_CLOSE, M_GOAL_ETA, M_GOAL_NO_ETA,
	M_GOAL_NO_PLAN, M_NO_GOAL, M_HOW_GOAL, M_SURPLUS_FOR_GOAL, M_GOAL_CHANGE,
	M_MOVES, M_MOVES_DONE, M_PLAN_SAYS, M_NO_PLAN_NEXT, M_NO_INTAKE_NEXT,
	M_AFF_NO_INTAKE, M_AFF_NO_AMOUNT, M_AFF_FREE, M_AFF_GAP, M_AFF_GAP2, M_AFF_YES,
	M_AFF_DELAY, M_AFF_SAVE_UP, M_AFF_NO, M_AFF_NO2,
	M_LESS_MONTH, M_ABOUT_ONE_MONTH, M_ABOUT_N,
	M_LOGGED, M_LOGGED_NODESC, M_LOGGED_INCOME, M_LOGGED_MORE, M_LOGGED_CAT_TOTAL,
	M_LOGGED_INCOME_TOTAL,
	M_HELLO, M_THANKS, M_HELP, M_HELP_LOG,
	M_EMPATHY, M_STEP_TASK, M_STEP_PLAN, M_STEP_SPEND, M_STEP_INTAKE, M_STEP_NO_PLAN,
	M_ONE_STEP,
	M_DEBT_NO_INTAKE, M_DEBT_NONE, M_DEBT_OWE, M_DEBT_OWE_RATE, M_DEBT_DATE,
	M_DEBT_STUCK, M_DEBT_NO_PLAN,
	M_SAV_BAL, M_SAV_SURPLUS, M_SAV_RATE, M_SAV_NEG, M_SAV_GREAT, M_SAV_NO_DATA,
	M_SAV_NO_PLAN,
	M_FALLBACK, M_FB_SPENT, M_FB_NONE,
	M_INCOME, M_NO_INCOME, M_INCOME_LEFT, M_INCOME_SHORT,
	M_AND, M_RANGE,
	M_COUNT
};

/* {1}..{9} are the arguments, in the same order in every language. */
static const char *const msgs[M_COUNT][LANG_COUNT] = {
	[M_UNAVAILABLE] = {
	    "I couldn't read your data just now, and I'd rather not guess. Please try again in a moment.",
	    "Não consegui ler seus dados agora e prefiro não chutar. Tente de novo em instantes.",
	    "No pude leer tus datos en este momento y prefiero no adivinar. Inténtalo de nuevo en un momento." },
	[M_SPENT_CAT] = {
	    "You spent {1} on {2} {3}{4}, across {5}.",
	    "Você gastou {1} com {2} {3}{4}, em {5}.",
	    "Gastaste {1} en {2} {3}{4}, en {5}." },
	[M_SPENT_ALL] = {
	    "You spent {1} {2}{3}, across {4}.",
	    "Você gastou {1} {2}{3}, em {4}.",
	    "Gastaste {1} {2}{3}, en {4}." },
	[M_TOP] = {
	    "Your biggest categories: {1}.",
	    "Suas maiores categorias: {1}.",
	    "Tus categorías principales: {1}." },
	[M_SHARE] = {
	    "That's {1}% of all your spending in that period.",
	    "Isso é {1}% de todos os seus gastos no período.",
	    "Eso es el {1}% de todo tu gasto en ese período." },
	[M_NONE_CAT] = {
	    "I don't see any spending on {1} {2}{3}.",
	    "Não encontrei gastos com {1} {2}{3}.",
	    "No veo gastos en {1} {2}{3}." },
	[M_NONE_ALL] = {
	    "There's no spending logged {1}{2}.",
	    "Não há gastos registrados {1}{2}.",
	    "No hay gastos registrados {1}{2}." },
	[M_LOG_TIP] = {
	    "When you spend, just tell me, e.g. \"spent 12 on lunch\", and I'll log it.",
	    "Quando gastar, é só me contar, por exemplo \"gastei 12 no almoço\", que eu registro.",
	    "Cuando gastes, solo cuéntamelo, por ejemplo \"gasté 12 en el almuerzo\", y lo registro." },
	[M_OVER_BASE] = {
	    "That's {1} more than the {2} you usually spend in a month.",
	    "Isso é {1} a mais do que os {2} que você costuma gastar por mês.",
	    "Eso es {1} más que los {2} que sueles gastar al mes." },
	[M_LEFT_BASE] = {
	    "You have {1} left of the {2} you usually spend in a month.",
	    "Ainda restam {1} dos {2} que você costuma gastar por mês.",
	    "Aún te quedan {1} de los {2} que sueles gastar al mes." },
	[M_WITHIN_BASE] = {
	    "That's within the {1} you usually spend in a month.",
	    "Isso está dentro dos {1} que você costuma gastar por mês.",
	    "Eso está dentro de los {1} que sueles gastar al mes." },
	[M_GOAL_DONE] = {
	    "You reached your goal “{1}”: {2} of {3}. Congratulations!",
	    "Você alcançou sua meta “{1}”: {2} de {3}. Parabéns!",
	    "Alcanzaste tu meta “{1}”: {2} de {3}. ¡Felicidades!" },
	[M_GOAL_NEXT] = {
	    "Set your next goal to keep the momentum.",
	    "Defina sua próxima meta para manter o ritmo.",
	    "Define tu próxima meta para mantener el ritmo." },
	[M_GOAL_AT] = {
	    "You have {1} of {2} for “{3}”: {4}% of the way, with {5} to go.",
	    "Você tem {1} de {2} para “{3}”: {4}% do caminho, faltam {5}.",
	    "Llevas {1} de {2} para “{3}”: el {4}% del camino, te faltan {5}." },
	[M_GOAL_CLOSE] = {
	    "You're in the home stretch!",
	    "Você está na reta final!",
	    "¡Estás en la recta final!" },
	[M_GOAL_ETA] = {
	    "At {1} a month, you're on course to get there by {2} (in {3}).",
	    "Com {1} por mês, você deve chegar lá em {2} (em {3}).",
	    "Con {1} al mes, llegarías el {2} (en {3})." },
	[M_GOAL_NO_ETA] = {
	    "At your current numbers there's no date in sight yet; freeing up even a little each month would start the clock.",
	    "Com os números de hoje ainda não há data à vista; liberar um pouco por mês já põe o relógio para andar.",
	    "Con tus números actuales aún no hay fecha a la vista; liberar aunque sea un poco al mes pondría el reloj en marcha." },
	[M_GOAL_NO_PLAN] = {
	    "Generate your plan and I'll tell you when you'll get there.",
	    "Gere seu plano e eu te digo quando você vai chegar lá.",
	    "Genera tu plan y te diré cuándo llegarás." },
	[M_NO_GOAL] = {
	    "You don't have a goal set yet.",
	    "Você ainda não tem uma meta definida.",
	    "Todavía no tienes una meta definida." },
	[M_HOW_GOAL] = {
	    "Create one in your goals with a name and a target amount (an emergency fund, paying off a debt, a trip), and I'll track your progress.",
	    "Crie uma em suas metas, com um nome e um valor-alvo (uma reserva de emergência, quitar uma dívida, uma viagem), e eu acompanho seu progresso.",
	    "Crea una en tus metas con un nombre y un monto objetivo (un fondo de emergencia, pagar una deuda, un viaje) y seguiré tu progreso." },
	[M_SURPLUS_FOR_GOAL] = {
	    "You have about {1} left over each month to put toward it.",
	    "Sobram cerca de {1} por mês para colocar nela.",
	    "Te quedan unos {1} al mes para destinar a ella." },
	[M_GOAL_CHANGE] = {
	    "To change it, update the goal's target or date in your goals; your plan will follow.",
	    "Para mudar, atualize o valor ou a data da meta em suas metas; seu plano acompanha.",
	    "Para cambiarla, actualiza el monto o la fecha de la meta en tus metas; tu plan se ajustará." },
	[M_MOVES] = {
	    "Your money moves for this cycle (due {1}): {2}.",
	    "Suas tarefas deste ciclo (até {1}): {2}.",
	    "Tus tareas de este ciclo (hasta el {1}): {2}." },
	[M_MOVES_DONE] = {
	    "You've done all of this cycle's money moves. Nice work!",
	    "Você concluiu todas as tarefas deste ciclo. Mandou bem!",
	    "Completaste todas las tareas de este ciclo. ¡Buen trabajo!" },
	[M_PLAN_SAYS] = {
	    "From your plan: {1}",
	    "Do seu plano: {1}",
	    "De tu plan: {1}" },
	[M_NO_PLAN_NEXT] = {
	    "You don't have a plan yet: generate one from your intake and I'll turn it into concrete money moves.",
	    "Você ainda não tem um plano: gere um a partir dos seus dados e eu transformo em tarefas concretas.",
	    "Aún no tienes un plan: genera uno a partir de tus datos y lo convertiré en tareas concretas." },
	[M_NO_INTAKE_NEXT] = {
	    "First step: fill in your monthly income and expenses (your financial intake). Then generate your plan and I'll give you concrete next steps.",
	    "Primeiro passo: preencha sua renda e suas despesas mensais (seu diagnóstico financeiro). Depois gere seu plano e eu te dou os próximos passos concretos.",
	    "Primer paso: completa tus ingresos y gastos mensuales (tu diagnóstico financiero). Luego genera tu plan y te daré los próximos pasos concretos." },
	[M_AFF_NO_INTAKE] = {
	    "To tell whether you can afford it, I need your monthly income and expenses first: fill in your financial intake and ask me again.",
	    "Para saber se cabe no seu bolso, preciso primeiro da sua renda e das suas despesas mensais: preencha seu diagnóstico financeiro e me pergunte de novo.",
	    "Para saber si te lo puedes permitir, primero necesito tus ingresos y gastos mensuales: completa tu diagnóstico financiero y vuelve a preguntarme." },
	[M_AFF_NO_AMOUNT] = {
	    "How much does it cost? Tell me the price, e.g. \"can I afford {1} for a phone?\"",
	    "Quanto custa? Me diga o valor, por exemplo \"posso comprar um celular de {1}?\"",
	    "¿Cuánto cuesta? Dime el precio, por ejemplo \"¿puedo permitirme un teléfono de {1}?\"" },
	[M_AFF_FREE] = {
	    "Right now you have about {1} free each month after your usual expenses.",
	    "Hoje sobram cerca de {1} por mês depois das suas despesas de costume.",
	    "Hoy te quedan unos {1} al mes después de tus gastos habituales." },
	[M_AFF_GAP] = {
	    "Not right now: your usual expenses ({1}) take all of your income ({2}), so {3} would have to come from savings or debt.",
	    "Agora não: suas despesas de costume ({1}) consomem toda a sua renda ({2}), então {3} teria que sair da poupança ou virar dívida.",
	    "Ahora no: tus gastos habituales ({1}) se llevan todos tus ingresos ({2}), así que {3} tendría que salir de tus ahorros o de una deuda." },
	[M_AFF_GAP2] = {
	    "Closing that gap first is the best move.",
	    "Fechar essa diferença primeiro é o melhor caminho.",
	    "Cerrar esa brecha primero es lo mejor." },
	[M_AFF_YES] = {
	    "Yes: this month you still have about {1} free after expenses, so {2} fits.",
	    "Sim: neste mês ainda sobram cerca de {1} depois das despesas, então {2} cabe.",
	    "Sí: este mes aún te quedan unos {1} después de tus gastos, así que {2} entra en el presupuesto." },
	[M_AFF_DELAY] = {
	    "Keep in mind it would push your goal back by {1}.",
	    "Só lembre que isso adia sua meta em {1}.",
	    "Ten en cuenta que retrasaría tu meta {1}." },
	[M_AFF_SAVE_UP] = {
	    "Yes, but not from this month's money alone: {1} is about {2} of your {3} monthly surplus, so saving up for it first is the safe way.",
	    "Sim, mas não só com o dinheiro deste mês: {1} equivale a cerca de {2} da sua sobra mensal de {3}, então juntar antes é o caminho seguro.",
	    "Sí, pero no solo con el dinero de este mes: {1} equivale a unos {2} de tu excedente mensual de {3}, así que ahorrar antes es lo más seguro." },
	[M_AFF_NO] = {
	    "Not now, I'd say: {1} is about {2} of your {3} monthly surplus.",
	    "Agora eu diria que não: {1} equivale a cerca de {2} da sua sobra mensal de {3}.",
	    "Por ahora diría que no: {1} equivale a unos {2} de tu excedente mensual de {3}." },
	[M_AFF_NO2] = {
	    "If it matters to you, make it a goal and save for it step by step.",
	    "Se for importante pra você, transforme isso em uma meta e junte aos poucos.",
	    "Si es importante para ti, conviértelo en una meta y ahorra poco a poco." },
	[M_LESS_MONTH] = { "less than a month", "menos de um mês", "menos de un mes" },
	[M_ABOUT_ONE_MONTH] = { "about a month", "cerca de um mês", "alrededor de un mes" },
	[M_ABOUT_N] = { "about {1}", "cerca de {1}", "unos {1}" },
	[M_LOGGED] = {
	    "Logged {1} for {2} ({3}) on {4}.",
	    "Registrei {1} em {2} ({3}) no dia {4}.",
	    "Registré {1} en {2} ({3}) el {4}." },
	[M_LOGGED_NODESC] = {
	    "Logged {1} ({2}) on {3}.",
	    "Registrei {1} ({2}) no dia {3}.",
	    "Registré {1} ({2}) el {3}." },
	[M_LOGGED_INCOME] = {
	    "Logged {1} of income ({2}) on {3}.",
	    "Registrei uma entrada de {1} ({2}) no dia {3}.",
	    "Registré un ingreso de {1} ({2}) el {3}." },
	[M_LOGGED_MORE] = { "Plus {1} more.", "E mais {1}.", "Y {1} más." },
	[M_LOGGED_CAT_TOTAL] = {
	    "That brings your {1} spending this month to {2}.",
	    "Com isso, seus gastos com {1} neste mês somam {2}.",
	    "Con esto, tu gasto en {1} este mes suma {2}." },
	[M_LOGGED_INCOME_TOTAL] = {
	    "Your income logged this month is now {1}.",
	    "Suas entradas registradas neste mês somam {1}.",
	    "Tus ingresos registrados este mes suman {1}." },
	[M_HELLO] = {
	    "Hi! I'm Ozzie, your money coach.",
	    "Oi! Eu sou o Ozzie, seu coach financeiro.",
	    "¡Hola! Soy Ozzie, tu coach financiero." },
	[M_THANKS] = {
	    "You're welcome! Happy to help anytime.",
	    "Por nada! Conte comigo sempre que precisar.",
	    "¡De nada! Aquí estoy cuando lo necesites." },
	[M_HELP] = {
	    "Ask me things like \"How much did I spend on food this month?\", \"How am I doing on my goal?\" or \"Can I afford {1} for a phone?\"",
	    "Você pode me perguntar, por exemplo: \"Quanto gastei com alimentação este mês?\", \"Como estou indo na minha meta?\" ou \"Posso comprar um celular de {1}?\"",
	    "Puedes preguntarme, por ejemplo: \"¿Cuánto gasté en comida este mes?\", \"¿Cómo voy con mi meta?\" o \"¿Puedo permitirme un teléfono de {1}?\"" },
	[M_HELP_LOG] = {
	    "You can also just tell me what you spent, like \"spent 12 on lunch\", and I'll log it.",
	    "Também é só me contar um gasto, como \"gastei 12 no almoço\", que eu registro.",
	    "También puedes contarme un gasto, como \"gasté 12 en el almuerzo\", y lo registro." },
	[M_EMPATHY] = {
	    "I hear you: money worries are heavy, and you're not alone in this.",
	    "Eu te entendo: preocupação com dinheiro pesa, e isso acontece com muita gente.",
	    "Te entiendo: las preocupaciones de dinero pesan, y le pasa a mucha gente." },
	[M_STEP_TASK] = {
	    "One small step you can take today: {1}.",
	    "Um passo pequeno para hoje: {1}.",
	    "Un paso pequeño para hoy: {1}." },
	[M_STEP_PLAN] = {
	    "One concrete step from your plan: {1}",
	    "Um passo concreto do seu plano: {1}",
	    "Un paso concreto de tu plan: {1}" },
	[M_STEP_SPEND] = {
	    "So far this month you've spent {1}; looking at where it went is a calm first step, and I can break it down for you.",
	    "Neste mês você gastou {1} até agora; olhar para onde foi é um primeiro passo tranquilo, e eu posso detalhar isso para você.",
	    "En lo que va del mes gastaste {1}; ver a dónde fue es un primer paso tranquilo, y puedo desglosarlo para ti." },
	[M_STEP_INTAKE] = {
	    "A good first step: fill in your monthly income and expenses so we can see the whole picture together.",
	    "Um bom primeiro passo: preencha sua renda e suas despesas mensais para a gente ver o quadro completo juntos.",
	    "Un buen primer paso: completa tus ingresos y gastos mensuales para que veamos juntos el panorama completo." },
	[M_STEP_NO_PLAN] = {
	    "A good next step: generate your plan, so every month has a clear amount to set aside.",
	    "Um bom próximo passo: gere seu plano, para cada mês ter um valor claro para guardar.",
	    "Un buen siguiente paso: genera tu plan, para que cada mes tenga un monto claro para apartar." },
	[M_ONE_STEP] = {
	    "We'll take it one step at a time.",
	    "Vamos um passo de cada vez.",
	    "Vamos paso a paso." },
	[M_DEBT_NO_INTAKE] = {
	    "I don't know your debt yet: add your debt balance to your financial intake and I'll work out when you'll be debt free.",
	    "Ainda não conheço sua dívida: informe o saldo devedor no seu diagnóstico financeiro e eu calculo quando você fica livre dela.",
	    "Aún no conozco tu deuda: agrega el saldo en tu diagnóstico financiero y calcularé cuándo quedarás libre de ella." },
	[M_DEBT_NONE] = {
	    "You have no debt on record, so every bit of your surplus can go to your goals.",
	    "Você não tem dívidas registradas, então toda a sua sobra pode ir para as suas metas.",
	    "No tienes deudas registradas, así que todo tu excedente puede ir a tus metas." },
	[M_DEBT_OWE] = { "You owe {1}.", "Você deve {1}.", "Debes {1}." },
	[M_DEBT_OWE_RATE] = {
	    "You owe {1} at {2}% a year.",
	    "Você deve {1}, com juros de {2}% ao ano.",
	    "Debes {1}, con un interés del {2}% anual." },
	[M_DEBT_DATE] = {
	    "Paying {1} a month as your plan suggests, you'll be debt free by {2}.",
	    "Pagando {1} por mês, como sugere seu plano, você fica livre da dívida em {2}.",
	    "Pagando {1} al mes, como sugiere tu plan, quedarás libre de deudas el {2}." },
	[M_DEBT_STUCK] = {
	    "At the current payment the interest eats the progress, so the debt isn't shrinking; paying more than the monthly interest is the first step.",
	    "Com o pagamento atual os juros comem o progresso e a dívida não diminui; pagar mais do que os juros do mês é o primeiro passo.",
	    "Con el pago actual los intereses se comen el avance y la deuda no baja; pagar más que los intereses del mes es el primer paso." },
	[M_DEBT_NO_PLAN] = {
	    "Generate your plan and I'll work out your debt-free date.",
	    "Gere seu plano e eu calculo a data em que você fica livre da dívida.",
	    "Genera tu plan y calcularé la fecha en que quedarás libre de deudas." },
	[M_SAV_BAL] = { "You have {1} saved.", "Você tem {1} guardados.", "Tienes {1} ahorrados." },
	[M_SAV_SURPLUS] = {
	    "After your usual expenses, about {1} is left each month.",
	    "Depois das despesas de costume, sobram cerca de {1} por mês.",
	    "Después de tus gastos habituales te quedan unos {1} al mes." },
	[M_SAV_RATE] = {
	    "Your plan puts {1} a month toward savings: you're saving {2}% of your income, against a target of {3}%.",
	    "Seu plano separa {1} por mês para poupar: você está guardando {2}% da sua renda, para uma meta de {3}%.",
	    "Tu plan destina {1} al mes al ahorro: estás ahorrando el {2}% de tus ingresos, frente a un objetivo del {3}%." },
	[M_SAV_NEG] = {
	    "Right now you spend more than you earn ({1}% of your income), so the first goal is closing that gap.",
	    "Hoje você gasta mais do que ganha ({1}% da sua renda), então o primeiro objetivo é fechar essa diferença.",
	    "Ahora mismo gastas más de lo que ganas ({1}% de tus ingresos), así que el primer objetivo es cerrar esa brecha." },
	[M_SAV_GREAT] = {
	    "That's at or above your target. Great job!",
	    "Você está na meta ou acima dela. Excelente!",
	    "Estás en tu objetivo o por encima. ¡Excelente!" },
	[M_SAV_NO_DATA] = {
	    "I can't see your savings yet: fill in your financial intake (income, expenses and savings) and I'll show you how you're doing.",
	    "Ainda não vejo sua poupança: preencha seu diagnóstico financeiro (renda, despesas e poupança) e eu te mostro como você está.",
	    "Aún no veo tus ahorros: completa tu diagnóstico financiero (ingresos, gastos y ahorros) y te mostraré cómo vas." },
	[M_SAV_NO_PLAN] = {
	    "Generate your plan to get a monthly amount to save.",
	    "Gere seu plano para ter um valor mensal para guardar.",
	    "Genera tu plan para tener un monto mensual de ahorro." },
	[M_FALLBACK] = {
	    "I'm not sure I understood. I can tell you what you spent (by category and period), how your goal is going, your next money move, whether you can afford something, and when you'll be debt free.",
	    "Não tenho certeza se entendi. Posso te dizer quanto você gastou (por categoria e período), como está sua meta, seu próximo passo, se algo cabe no seu bolso e quando você fica livre das dívidas.",
	    "No estoy seguro de haber entendido. Puedo decirte cuánto gastaste (por categoría y período), cómo va tu meta, tu próximo paso, si puedes permitirte algo y cuándo quedarás libre de deudas." },
	[M_FB_SPENT] = {
	    "For reference, so far this month you've spent {1}.",
	    "Só para referência: neste mês você já gastou {1}.",
	    "Como referencia, en lo que va del mes gastaste {1}." },
	[M_FB_NONE] = {
	    "For reference, there's no spending logged this month yet.",
	    "Só para referência: ainda não há gastos registrados neste mês.",
	    "Como referencia, aún no hay gastos registrados este mes." },
	[M_INCOME] = {
	    "You received {1} in income {2}{3}.",
	    "Você recebeu {1} de entradas {2}{3}.",
	    "Recibiste {1} de ingresos {2}{3}." },
	[M_NO_INCOME] = {
	    "There's no income logged {1}{2}.",
	    "Não há entradas registradas {1}{2}.",
	    "No hay ingresos registrados {1}{2}." },
	[M_INCOME_LEFT] = {
	    "After the {1} you spent, {2} is left.",
	    "Depois dos {1} que você gastou, sobram {2}.",
	    "Después de los {1} que gastaste, te quedan {2}." },
	[M_INCOME_SHORT] = {
	    "You spent {1}, which is {2} more than came in.",
	    "Você gastou {1}, ou seja, {2} a mais do que entrou.",
	    "Gastaste {1}, es decir, {2} más de lo que entró." },
	[M_AND] = { " and ", " e ", " y " },
	[M_RANGE] = { " – ", " a ", " al " },
};

static const char *const refusals[LANG_COUNT] = {
	"Sorry, I can't help with that: I only work with your own finances, and I keep my "
	"instructions and other people's data private. Ask me about your spending, your goal "
	"or your plan anytime.",
	"Desculpe, não posso ajudar com isso: eu só trabalho com as suas próprias finanças e "
	"mantenho minhas instruções e os dados de outras pessoas em sigilo. Pergunte sobre "
	"seus gastos, sua meta ou seu plano quando quiser.",
	"Lo siento, no puedo ayudar con eso: solo trabajo con tus propias finanzas y mantengo "
	"en privado mis instrucciones y los datos de otras personas. Pregúntame cuando "
	"quieras por tus gastos, tu meta o tu plan.",
};

static const char *const cat_names[CAT_COUNT][LANG_COUNT] = {
	[CAT_FOOD] = { "food", "alimentação", "comida" },
	[CAT_TRANSPORT] = { "transport", "transporte", "transporte" },
	[CAT_HOUSING] = { "housing", "moradia", "vivienda" },
	[CAT_UTILITIES] = { "utilities", "contas da casa", "servicios" },
	[CAT_HEALTH] = { "health", "saúde", "salud" },
	[CAT_ENTERTAINMENT] = { "entertainment", "lazer", "ocio" },
	[CAT_EDUCATION] = { "education", "educação", "educación" },
	[CAT_CLOTHING] = { "clothing", "roupas", "ropa" },
	[CAT_INCOME] = { "income", "renda", "ingresos" },
	[CAT_OTHER] = { "other", "outros", "otros" },
};

static const struct goal_type_name {
	const char	*type;
	const char	*name[LANG_COUNT];
} goal_type_names[] = {
	{ "savings", { "Savings", "Poupança", "Ahorro" } },
	{ "debt_payoff", { "Debt payoff", "Quitar dívidas", "Pagar deudas" } },
	{ "investment", { "Investment", "Investimento", "Inversión" } },
};

enum noun { N_TRANSACTION, N_MONTH, N_COUNT };
static const char *const nouns[N_COUNT][LANG_COUNT][2] = {
	[N_TRANSACTION] = { { "transaction", "transactions" }, { "transação", "transações" },
	    { "transacción", "transacciones" } },
	[N_MONTH] = { { "month", "months" }, { "mês", "meses" }, { "mes", "meses" } },
};

static const char *const month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- one chat turn ---------------------------------------------------------------- */

struct coach {
	const struct coach_turn	*c;
	struct coach_reply	*res;
	struct words		 w;
	enum lang		 lang;
	const char		*cur;
	int			 digits;	/* minor units of cur */
	int			 fail;		/* the reply could not grow: OOM */
	char			 slot[NSLOT][SLOT_LEN];
	unsigned		 nslot;
	char			 list[LIST_MAX];
	long			 today;		/* day number of c->today */
};

static size_t
collect_args(va_list ap, const char **args, size_t max)
{
	size_t n = 0;

	while (n < max && (args[n] = va_arg(ap, const char *)) != NULL)
		n++;
	return n;
}

static char *
next_slot(struct coach *k)
{
	char *s = k->slot[k->nslot++ % NSLOT];

	s[0] = '\0';
	return s;
}

/* The NULL-terminated strings one after the other, in a slot. */
static const char *
concat_(struct coach *k, ...)
{
	char		*s = next_slot(k);
	const char	*part;
	va_list		 ap;

	va_start(ap, k);
	while ((part = va_arg(ap, const char *)) != NULL)
		(void)lang_append(s, SLOT_LEN, part);
	va_end(ap);
	return s;
}
#define CONCAT(k, ...)	concat_((k), __VA_ARGS__, (const char *)NULL)

/* Message m with the NULL-terminated arguments, as a short string in a slot. */
static const char *
tr_(struct coach *k, enum msg m, ...)
{
	const char	*args[9];
	char		*s;
	size_t		 n;
	va_list		 ap;

	va_start(ap, m);
	n = collect_args(ap, args, 9);
	va_end(ap);
	s = next_slot(k);
	(void)lang_expand(s, SLOT_LEN, msgs[m][k->lang], args, n);
	return s;
}
#define TR(k, ...)	tr_((k), __VA_ARGS__, (const char *)NULL)

static void
put_reply(struct coach *k, const char *s)
{
	if (!k->fail && buf_puts(k->res->reply, s) == -1)
		k->fail = 1;
}

/* Append message m as a sentence: a space before it when the reply has text. */
static void
say_(struct coach *k, enum msg m, ...)
{
	const char	*args[9];
	char		 text[SENTENCE_MAX];
	size_t		 n, len = k->res->reply->len;
	va_list		 ap;

	va_start(ap, m);
	n = collect_args(ap, args, 9);
	va_end(ap);
	(void)lang_expand(text, sizeof(text), msgs[m][k->lang], args, n);
	if (len > 0 && k->res->reply->data[len - 1] != ' ' && k->res->reply->data[len - 1] != '\n')
		put_reply(k, " ");
	put_reply(k, text);
}
#define SAY(k, ...)	say_((k), __VA_ARGS__, (const char *)NULL)

static void
set_class(struct coach *k, const char *intent, const char *topic, const char *emotion)
{
	if (intent)
		lang_clip(k->res->intent, sizeof(k->res->intent), intent);
	if (topic)
		lang_clip(k->res->topic, sizeof(k->res->topic), topic);
	if (emotion)
		lang_clip(k->res->emotion, sizeof(k->res->emotion), emotion);
}

/* ---- numbers and dates for people ------------------------------------------------- */

static const char *
money_in(struct coach *k, int64_t cents, const char *currency)
{
	char *s = next_slot(k);

	if (money_format(cents, currency, lang_code(k->lang), s, SLOT_LEN) == -1)
		s[0] = '\0';
	return s;
}

static const char *
money(struct coach *k, int64_t cents)
{
	return money_in(k, cents, k->cur);
}

static const char *
int_str(struct coach *k, int64_t v)
{
	char *s = next_slot(k);

	snprintf(s, SLOT_LEN, "%lld", (long long)v);
	return s;
}

/* "3 transactions", "1 mês" */
static const char *
count_str(struct coach *k, int64_t n, enum noun what)
{
	char *s = next_slot(k);

	snprintf(s, SLOT_LEN, "%lld %s", (long long)n, nouns[what][k->lang][n == 1 ? 0 : 1]);
	return s;
}

/* Basis points as a percentage for people: 1990 -> "19.9" (en), "19,9" (pt, es). */
static const char *
pct_str(struct coach *k, int64_t bp)
{
	char		*s = next_slot(k);
	uint64_t	 u = bp < 0 ? (uint64_t)0 - (uint64_t)bp : (uint64_t)bp;
	unsigned	 frac = (unsigned)(u % 100);
	char		 sep = k->lang == LANG_EN ? '.' : ',';

	if (frac == 0)
		snprintf(s, SLOT_LEN, "%s%llu", bp < 0 ? "-" : "", (unsigned long long)(u / 100));
	else if (frac % 10 == 0)
		snprintf(s, SLOT_LEN, "%s%llu%c%u", bp < 0 ? "-" : "",
		    (unsigned long long)(u / 100), sep, frac / 10);
	else
		snprintf(s, SLOT_LEN, "%s%llu%c%02u", bp < 0 ? "-" : "",
		    (unsigned long long)(u / 100), sep, frac);
	return s;
}

/* A date for people: "Oct 1, 2026" (en), "01/10/2026" (pt, es); without the year if !year. */
static const char *
date_str(struct coach *k, const char *iso, int year)
{
	char	*s = next_slot(k);
	long	 y, m, d;

	if (cal_parse_ymd(iso, &y, &m, &d) == -1) {
		lang_clip(s, 11, iso);
		return s;
	}
	if (k->lang == LANG_EN && year)
		snprintf(s, SLOT_LEN, "%s %ld, %ld", month_abbr[m - 1], d, y);
	else if (k->lang == LANG_EN)
		snprintf(s, SLOT_LEN, "%s %ld", month_abbr[m - 1], d);
	else if (year)
		snprintf(s, SLOT_LEN, "%02ld/%02ld/%ld", d, m, y);
	else
		snprintf(s, SLOT_LEN, "%02ld/%02ld", d, m);
	return s;
}

/* " (Oct 1 – Oct 31, 2026)", " (31/10/2026)", or "" without dates. */
static const char *
range_str(struct coach *k, const char *from, const char *to)
{
	char	*s = next_slot(k);
	long	 y1, m1, d1, y2, m2, d2;

	if (cal_parse_ymd(from, &y1, &m1, &d1) == -1 || cal_parse_ymd(to, &y2, &m2, &d2) == -1)
		return s;
	if (strcmp(from, to) == 0)
		return CONCAT(k, " (", date_str(k, to, 1), ")");
	return CONCAT(k, " (", date_str(k, from, y1 != y2), msgs[M_RANGE][k->lang],
	    date_str(k, to, 1), ")");
}

/* items joined for people: "a, b and c" into k->list. */
static const char *
join_list(struct coach *k, const char *const *items, size_t n)
{
	size_t i;

	k->list[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			(void)lang_append(k->list, sizeof(k->list), i + 1 == n ?
			    msgs[M_AND][k->lang] : ", ");
		(void)lang_append(k->list, sizeof(k->list), items[i]);
	}
	return k->list;
}

static const char *
category_label(struct coach *k, const char *api_name)
{
	enum category c;

	if (api_name != NULL && category_parse(api_name, &c) == 0)
		return cat_names[c][k->lang];
	return api_name ? api_name : cat_names[CAT_OTHER][k->lang];
}

/* ---- reading the facts ------------------------------------------------------------- */

enum dstate { D_ERR, D_NONE, D_OK };

struct summary {
	enum dstate	 state;
	int64_t		 total, income, count;
	char		 from[11], to[11];
	struct {
		char	 cat[24];
		int64_t	 amount;
	}		 top[MAX_TOP];
	size_t		 ntop;
};

/* A fact read: counted, and -1 turned into D_ERR by the caller. */
static int
fact_read(struct coach *k, int rc)
{
	k->res->facts_read++;
	if (rc == -1)
		k->res->facts_failed++;
	return rc;
}

/* Spending of period p (and of category when not NULL). */
static void
load_summary(struct coach *k, enum period p, const char *category, struct summary *s)
{
	const struct facts_src *f = k->c->facts;
	struct fact_spending_q q;
	struct fact_spending sp;
	enum category	 c;
	size_t		 i;

	memset(s, 0, sizeof(*s));
	s->state = D_ERR;
	if (f == NULL || f->spending == NULL)
		return;
	cal_period_range((enum cal_period)p, k->today, &q.from, &q.to);
	q.category = category && category_parse(category, &c) == 0 ? (int)c : CAT_COUNT;
	if (fact_read(k, f->spending(f->ctx, &q, &sp)) == -1)
		return;
	s->state = D_OK;
	s->total = sp.total;
	s->count = sp.count;
	s->income = sp.income;
	cal_format(q.from, s->from);
	cal_format(q.to, s->to);
	for (i = 0; i < sp.ncategories && s->ntop < MAX_TOP; i++) {
		if (sp.by_category[i].amount <= 0)
			continue;
		lang_clip(s->top[s->ntop].cat, sizeof(s->top[0].cat),
		    category_name(sp.by_category[i].category));
		s->top[s->ntop++].amount = sp.by_category[i].amount;
	}
}

struct intake {
	enum dstate	 state;
	int		 has_income, has_expenses, has_surplus, has_savings, has_debt, has_rate;
	int64_t		 income, expenses, surplus, savings, debt, rate_bp;
};

static void
load_intake(struct coach *k, struct intake *in)
{
	const struct facts_src *f = k->c->facts;
	struct fact_intake fi;
	int		 rc;

	memset(in, 0, sizeof(*in));
	in->state = D_ERR;
	if (f == NULL || f->intake == NULL || (rc = fact_read(k, f->intake(f->ctx, &fi))) == -1)
		return;
	if (rc == 0) {
		in->state = D_NONE;
		return;
	}
	in->state = D_OK;
	in->has_income = in->has_expenses = in->has_surplus = 1;
	in->income = fi.income;
	in->expenses = fi.expenses;
	in->surplus = fi.surplus;
	in->has_savings = fi.has_savings;
	in->savings = fi.savings;
	in->has_debt = fi.has_debt;
	in->debt = fi.debt;
	in->has_rate = fi.has_rate;
	in->rate_bp = fi.rate_bp;
}

struct plan {
	enum dstate	 state;
	int		 has_save, has_debt_pay, has_rate, has_target, has_timeline;
	int64_t		 monthly_save, monthly_debt, rate_bp, target_bp, timeline;
	char		 goal_date[11], payoff_date[11];
	char		 act[2][CLIP_LEN + 2];
	size_t		 nact;
};

/* An action item, clipped, ending with a full stop so sentences stay sentences. */
static void
plan_action(const char *text, char *out, size_t outlen)
{
	size_t len;

	lang_clip(out, outlen - 1, text);
	len = strlen(out);
	if (len > 0 && strchr(".!?", out[len - 1]) == NULL) {
		out[len] = '.';
		out[len + 1] = '\0';
	}
}

static void
load_plan(struct coach *k, struct plan *p)
{
	const struct facts_src *f = k->c->facts;
	struct fact_plan *fp;
	size_t		 i;
	int		 rc;

	memset(p, 0, sizeof(*p));
	p->state = D_ERR;
	if (f == NULL || f->plan == NULL || (fp = malloc(sizeof(*fp))) == NULL)
		return;
	if ((rc = fact_read(k, f->plan(f->ctx, fp))) != -1)
		p->state = rc == 1 ? D_OK : D_NONE;
	if (rc == 1) {
		p->has_save = fp->has_monthly_savings;
		p->monthly_save = fp->monthly_savings;
		p->has_debt_pay = fp->has_monthly_debt_payment;
		p->monthly_debt = fp->monthly_debt_payment;
		p->has_rate = fp->has_current_rate;
		p->rate_bp = fp->current_rate_bp;
		p->has_target = fp->has_target_rate;
		p->target_bp = fp->target_rate_bp;
		p->has_timeline = fp->has_timeline;
		p->timeline = fp->timeline_months;
		memcpy(p->goal_date, fp->projected_goal_date, sizeof(p->goal_date));
		memcpy(p->payoff_date, fp->debt_payoff_date, sizeof(p->payoff_date));
		for (i = 0; i < fp->nactions && p->nact < 2; i++)
			if (fp->actions[i][0] != '\0')
				plan_action(fp->actions[i], p->act[p->nact++], sizeof(p->act[0]));
	}
	free(fp);
}

struct goal {
	enum dstate	 state;
	char		 name[CLIP_LEN];
	char		 type[16], status[16];
	int64_t		 target, current;
};

/* Which goal to talk about: the active primary one, then any active, then an achieved one. */
static int
goal_rank(const struct fact_goal *g)
{
	int	 active = strcmp(g->status, "active") == 0;

	if (strcmp(g->status, "archived") == 0)
		return 0;
	if (active && g->is_primary)
		return 4;
	return active ? 3 : 2;
}

static void
load_goal(struct coach *k, struct goal *g)
{
	const struct facts_src *f = k->c->facts;
	struct fact_goal *goals, *best = NULL;
	size_t		 i, n = 0;
	int		 rank = 0;

	memset(g, 0, sizeof(*g));
	g->state = D_ERR;
	if (f == NULL || f->goals == NULL ||
	    (goals = calloc(FACT_MAX_GOALS, sizeof(*goals))) == NULL)
		return;
	if (fact_read(k, f->goals(f->ctx, goals, FACT_MAX_GOALS, &n)) == -1) {
		free(goals);
		return;
	}
	for (i = 0; i < n; i++)
		if (goal_rank(&goals[i]) > rank && goals[i].target > 0) {
			rank = goal_rank(&goals[i]);
			best = &goals[i];
		}
	g->state = best ? D_OK : D_NONE;
	if (best) {
		g->target = best->target;
		g->current = best->current > 0 ? best->current : 0;
		lang_clip(g->name, sizeof(g->name), best->name);
		lang_clip(g->type, sizeof(g->type), best->type);
		lang_clip(g->status, sizeof(g->status), best->status);
	}
	free(goals);
}

struct moves {
	enum dstate	 state;
	char		 due[11];
	char		 title[MAX_TASKS][CLIP_LEN + 1];
	int64_t		 amount[MAX_TASKS];
	int		 has_amount[MAX_TASKS];
	size_t		 npending, ntasks;
};

static void
load_moves(struct coach *k, struct moves *mv)
{
	const struct facts_src *f = k->c->facts;
	struct fact_moves *fm;
	size_t		 i, j;
	int		 rc;

	memset(mv, 0, sizeof(*mv));
	mv->state = D_ERR;
	if (f == NULL || f->moves == NULL || (fm = malloc(sizeof(*fm))) == NULL)
		return;
	if ((rc = fact_read(k, f->moves(f->ctx, fm))) != -1)
		mv->state = rc == 1 && fm->has_cycle ? D_OK : D_NONE;
	if (mv->state == D_OK) {
		memcpy(mv->due, fm->due_date, sizeof(mv->due));
		for (i = 0; i < fm->ntasks; i++) {
			const struct fact_task *t = &fm->tasks[i];

			mv->ntasks++;
			if (strcmp(t->status, "pending") != 0 || t->title[0] == '\0')
				continue;
			j = mv->npending++;
			if (j >= MAX_TASKS)
				continue;
			lang_clip(mv->title[j], sizeof(mv->title[0]), t->title);
			mv->has_amount[j] = t->has_amount && t->amount > 0;
			mv->amount[j] = t->amount;
		}
	}
	free(fm);
}

static int64_t
pow10i(int n)
{
	int64_t v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

/* ---- amounts written in a message ------------------------------------------------- */

struct amount {
	int64_t	units;		/* hundredths of a major unit */
	int	marked;		/* written with a currency sign or word */
};

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '_';
}

/* Digits of s[0..n) with no separator; 0/-1. */
static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return -1;
	return n > 0 ? 0 : -1;
}

/* Integer part s[0..n) with thousands separator th (0: none) into digits of out. */
static int
int_part(const char *s, size_t n, char th, char *out, size_t *o)
{
	size_t i, group = 0, ngroups = 0;

	if (th && memchr(s, th, n) == NULL)
		th = 0;
	for (i = 0; i <= n; i++) {
		if (i < n && is_digit(s[i])) {
			if (*o + 1 >= 24)
				return -1;
			out[(*o)++] = s[i];
			group++;
			continue;
		}
		if (i < n && s[i] != th)
			return -1;
		if (group == 0 || (ngroups == 0 && th && group > 3) || (ngroups > 0 && group != 3))
			return -1;
		ngroups++;
		group = 0;
	}
	return 0;
}

/*
 * A written number ("300", "1,200", "1.200,50", "45.90", "45,90") to
 * hundredths: with both '.' and ',' the last is the decimal mark; one mark
 * once is decimal before one or two digits and thousands before three;
 * repeated, it groups thousands. 0, or -1 for anything ambiguous or odd.
 */
static int
number_value(const char *s, size_t n, int64_t *out)
{
	const char	*errstr, *last = NULL;
	char		 digits[32], dec = 0, th = 0;
	size_t		 i, o = 0, ndot = 0, ncomma = 0, ilen = n;

	for (i = 0; i < n; i++) {
		if (s[i] == '.' || s[i] == ',') {
			ndot += s[i] == '.';
			ncomma += s[i] == ',';
			last = s + i;
		}
	}
	if (last != NULL) {
		size_t after = n - (size_t)(last - s) - 1;

		if ((ndot && ncomma) || ((ndot + ncomma == 1) && after <= 2)) {
			dec = *last;
			th = *last == '.' ? ',' : '.';
			if ((dec == '.' ? ndot : ncomma) != 1 || after == 0)
				return -1;
			ilen = (size_t)(last - s);
		} else
			th = *last;
	}
	if (int_part(s, ilen, th, digits, &o) == -1)
		return -1;
	if (dec) {
		if (all_digits(s + ilen + 1, n - ilen - 1) == -1)
			return -1;
		digits[o++] = '.';
		memcpy(digits + o, s + ilen + 1, n - ilen - 1);
		o += n - ilen - 1;
	}
	return num_parse_decimal(digits, o, 2, 1, MAX_MAJOR * 100, out, &errstr);
}

/* The folded word that starts at or after msg[i] (skipping spaces), into out. */
static void
word_after(const char *msg, size_t len, size_t i, char *out, size_t outlen)
{
	size_t s, e;

	while (i < len && msg[i] == ' ')
		i++;
	s = e = i;
	while (e < len && e - s < 32 && (is_letter((unsigned char)msg[e]) || msg[e] == '$'))
		e++;
	categorize_fold(msg + s, e - s, out, outlen);
}

/* The folded word that ends right before msg[i] (skipping spaces), into out. */
static void
word_before(const char *msg, size_t i, char *out, size_t outlen)
{
	size_t e, s;

	while (i > 0 && msg[i - 1] == ' ')
		i--;
	e = s = i;
	while (s > 0 && e - s < 32 && is_letter((unsigned char)msg[s - 1]))
		s--;
	categorize_fold(msg + s, e - s, out, outlen);
}

static int
word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return 1;
	return 0;
}

static const char *const unit_words[] = { "day", "days", "dia", "dias", "month", "months",
	"mes", "meses", "week", "weeks", "semana", "semanas", "year", "years", "ano", "anos",
	"hour", "hours", "hora", "horas", "minute", "minutes", "minuto", "minutos", "time",
	"times", "vez", "vezes", "veces", "am", "pm", "percent", "porcento", "people",
	"pessoas", "personas", "installments", "parcelas", "cuotas", "x", "st", "nd", "rd",
	"th", NULL };
static const char *const cur_words[] = { "reais", "real", "dollars", "dollar", "bucks",
	"euros", "euro", "pesos", "peso", "usd", "brl", "eur", "gbp", "mxn", "ars", "cop",
	"clp", "pounds", "dolares", "dolar", NULL };
static const char *const year_lead[] = { "in", "em", "en", "of", "by", "until", "ate",
	"hasta", "since", "desde", "de", "del", "year", "ano", NULL };

/* 1 if a currency sign ends right before msg[i] ("$300", "R$ 300", "€ 8"). */
static int
sign_before(const char *msg, size_t i)
{
	while (i > 0 && msg[i - 1] == ' ')
		i--;
	if (i >= 1 && msg[i - 1] == '$')
		return 1;
	if (i >= 3 && memcmp(msg + i - 3, "\xe2\x82\xac", 3) == 0)
		return 1;
	return i >= 2 && (memcmp(msg + i - 2, "\xc2\xa3", 2) == 0 ||
	    memcmp(msg + i - 2, "\xc2\xa5", 2) == 0);
}

/*
 * One candidate number at msg[s..e): its value in hundredths, or -1 when it
 * is not an amount (a date, a time, an ordinal, "3 months", "in 2027").
 */
static int
amount_at(const char *msg, size_t len, size_t s, size_t e, struct amount *a)
{
	char	next[40], prev[40];
	int64_t	v;
	int	k = 0;

	if (s > 0 && strchr("/-:#.,", msg[s - 1]) != NULL)
		return -1;
	if (e < len && (strchr("/-:%", msg[e]) != NULL))
		return -1;
	if (e < len && (msg[e] == 'k' || msg[e] == 'K') &&
	    (e + 1 >= len || !is_letter((unsigned char)msg[e + 1])))
		k = 1;
	else if (e < len && is_letter((unsigned char)msg[e]) && strncmp(msg + e, "\xe2\x82\xac", 3) != 0)
		return -1;
	if (number_value(msg + s, e - s, &v) == -1)
		return -1;
	word_after(msg, len, e + (size_t)k, next, sizeof(next));
	word_before(msg, s, prev, sizeof(prev));
	if (word_in(next, unit_words))
		return -1;
	a->marked = sign_before(msg, s) || word_in(next, cur_words) ||
	    (e < len && strncmp(msg + e, "\xe2\x82\xac", 3) == 0) ||
	    (e + 1 < len && strncmp(msg + e + 1, "\xe2\x82\xac", 3) == 0);
	if (!a->marked && !k && e - s == 4 && v >= 199000 && v <= 210000 && word_in(prev, year_lead))
		return -1;
	if (k || strcmp(next, "mil") == 0)
		v *= 1000;
	if (v > MAX_MAJOR * 100)
		return -1;
	a->units = v;
	return 0;
}

/*
 * The amount a message names: the first written with a currency mark, else
 * the largest plain number ("I have 2 kids, can I afford 300?"). 0/-1.
 */
static int
scan_amount(const char *msg, struct amount *out)
{
	size_t	len, i = 0;
	int	found = 0;

	if (msg == NULL)
		return -1;
	len = strnlen(msg, MSG_MAX);
	while (i < len) {
		struct amount a;
		size_t e = i;

		if (!is_digit(msg[i]) || (i > 0 && (is_letter((unsigned char)msg[i - 1]) ||
		    is_digit(msg[i - 1])))) {
			i++;
			continue;
		}
		while (e < len && (is_digit(msg[e]) || ((msg[e] == '.' || msg[e] == ',') &&
		    e + 1 < len && is_digit(msg[e + 1]))))
			e++;
		if (amount_at(msg, len, i, e, &a) == 0 && (!found || (a.marked && !out->marked) ||
		    (!out->marked && !a.marked && a.units > out->units))) {
			*out = a;
			found = 1;
		}
		i = e;
	}
	return found ? 0 : -1;
}

/* Hundredths of a major unit to minor units of a currency with digits decimals. */
static int64_t
to_minor(int64_t hundredths, int digits)
{
	if (digits >= 2)
		return hundredths * pow10i(digits - 2);
	return (hundredths + pow10i(2 - digits) / 2) / pow10i(2 - digits);
}

/* ---- understanding ----------------------------------------------------------------- */

enum kind { K_AFFORD, K_EMOTION, K_SPENDING, K_GOAL_UPDATE, K_NEXT, K_PROGRESS, K_DEBT,
	K_SAVINGS, K_INCOME, K_THANKS, K_GREETING, K_FALLBACK, K_COUNT };

static int
find_category(const struct words *w, enum category *out)
{
	size_t i;

	for (i = 0; i < sizeof(cat_words) / sizeof(cat_words[0]); i++)
		if (pat_find(w, cat_words[i].pat)) {
			*out = cat_words[i].cat;
			return 1;
		}
	return 0;
}

static int
find_period(const struct words *w, enum period *out)
{
	size_t i;

	for (i = 0; i < sizeof(period_words) / sizeof(period_words[0]); i++)
		if (pat_find(w, period_words[i].pat)) {
			*out = period_words[i].p;
			return 1;
		}
	return 0;
}

/* A spending question without a spending word: "food last month?", "quanto com uber?" */
static int
spending_by_topic(const struct words *w)
{
	enum category	c;
	enum period	p;

	return find_category(w, &c) && (find_period(w, &p) || any_pat(w, howmuch_pats));
}

static int handle_afford(struct coach *);
static int handle_emotion(struct coach *);
static int handle_spending(struct coach *);
static int handle_progress(struct coach *);
static int handle_next(struct coach *);
static int handle_debt(struct coach *);
static int handle_savings(struct coach *);
static int handle_income(struct coach *);
static int handle_greeting(struct coach *);
static int handle_fallback(struct coach *);

/* In order: the first kind whose patterns (or extra test) match a message wins. */
static const struct kind_info {
	const char *const	*pats;
	int			(*extra)(const struct words *);
	int			(*handler)(struct coach *);
	const char		*intent, *topic, *emotion;
} kinds[K_COUNT] = {
	[K_AFFORD] = { afford_pats, NULL, handle_afford,
	    "advice_request", "spending", "neutral" },
	[K_EMOTION] = { emotion_pats, NULL, handle_emotion,
	    "emotional_support", "general", "encouraging" },
	[K_SPENDING] = { spend_pats, spending_by_topic, handle_spending,
	    "progress_check", "spending", "neutral" },
	[K_GOAL_UPDATE] = { goal_update_pats, NULL, handle_progress,
	    "goal_update", "goals", "encouraging" },
	[K_NEXT] = { next_pats, NULL, handle_next,
	    "advice_request", "general", "encouraging" },
	[K_PROGRESS] = { progress_pats, NULL, handle_progress,
	    "progress_check", "goals", "encouraging" },
	[K_DEBT] = { debt_pats, NULL, handle_debt,
	    "progress_check", "debt", "encouraging" },
	[K_SAVINGS] = { savings_pats, NULL, handle_savings,
	    "progress_check", "savings", "encouraging" },
	[K_INCOME] = { income_pats, NULL, handle_income,
	    "progress_check", "general", "neutral" },
	[K_THANKS] = { thanks_pats, NULL, handle_greeting,
	    "advice_request", "general", "encouraging" },
	[K_GREETING] = { greet_pats, NULL, handle_greeting,
	    "advice_request", "general", "encouraging" },
	[K_FALLBACK] = { NULL, NULL, handle_fallback,
	    "advice_request", "general", "neutral" },
};

static enum kind
detect_kind(const struct words *w)
{
	int i;

	for (i = 0; i < K_FALLBACK; i++)
		if (any_pat(w, kinds[i].pats) || (kinds[i].extra && kinds[i].extra(w)))
			return (enum kind)i;
	return K_FALLBACK;
}

static int
injection_words(const struct words *w, const char *message)
{
	return any_pat(w, inject_pats) || (message && strstr(message, "ozz_") != NULL);
}

static int
spending_log_words(const struct words *w, const char *message)
{
	struct amount a;

	return any_pat(w, log_verb_pats) && !any_pat(w, question_pats) &&
	    scan_amount(message, &a) == 0;
}

/* ---- the handlers ------------------------------------------------------------------ */

static void
say_plan_comparison(struct coach *k, enum period p, const struct summary *s)
{
	struct intake in;

	if (p != P_THIS_MONTH && p != P_LAST_MONTH && p != P_LAST_30)
		return;
	load_intake(k, &in);
	if (in.state != D_OK || !in.has_expenses || in.expenses <= 0)
		return;
	if (s->total > in.expenses) {
		set_class(k, NULL, NULL, "cautious");
		SAY(k, M_OVER_BASE, money(k, s->total - in.expenses), money(k, in.expenses));
	} else if (p == P_THIS_MONTH)
		SAY(k, M_LEFT_BASE, money(k, in.expenses - s->total), money(k, in.expenses));
	else
		SAY(k, M_WITHIN_BASE, money(k, in.expenses));
}

static void
say_top(struct coach *k, const struct summary *s)
{
	const char	*items[MAX_TOP];
	size_t		 i;

	for (i = 0; i < s->ntop; i++)
		items[i] = CONCAT(k, category_label(k, s->top[i].cat), " (",
		    money(k, s->top[i].amount), ")");
	if (s->ntop > 0)
		SAY(k, M_TOP, join_list(k, items, s->ntop));
}

/* The category's share of everything spent in the same period. */
static void
say_share(struct coach *k, enum period p, int64_t cat_total)
{
	struct summary all;

	load_summary(k, p, NULL, &all);
	if (all.state == D_OK && all.total > 0 && cat_total <= all.total)
		SAY(k, M_SHARE, int_str(k, cat_total * 100 / all.total));
}

static int
handle_spending(struct coach *k)
{
	enum period	 p = P_THIS_MONTH;
	enum category	 cat;
	int		 has_cat = find_category(&k->w, &cat);
	struct summary	 s;
	const char	*cl, *when, *dates;

	find_period(&k->w, &p);
	load_summary(k, p, has_cat ? category_name(cat) : NULL, &s);
	if (s.state != D_OK) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	cl = has_cat ? cat_names[cat][k->lang] : NULL;
	when = periods[p].label[k->lang];
	dates = range_str(k, s.from, s.to);
	if (s.total <= 0) {
		if (has_cat)
			SAY(k, M_NONE_CAT, cl, when, dates);
		else
			SAY(k, M_NONE_ALL, when, dates);
		SAY(k, M_LOG_TIP);
		return 0;
	}
	if (has_cat) {
		SAY(k, M_SPENT_CAT, money(k, s.total), cl, when, dates,
		    count_str(k, s.count, N_TRANSACTION));
		say_share(k, p, s.total);
		return 0;
	}
	SAY(k, M_SPENT_ALL, money(k, s.total), when, dates, count_str(k, s.count, N_TRANSACTION));
	say_top(k, &s);
	say_plan_comparison(k, p, &s);
	return 0;
}

static const char *
goal_label(struct coach *k, const struct goal *g)
{
	size_t i;

	if (g->name[0] != '\0')
		return g->name;
	for (i = 0; i < sizeof(goal_type_names) / sizeof(goal_type_names[0]); i++)
		if (strcmp(g->type, goal_type_names[i].type) == 0)
			return goal_type_names[i].name[k->lang];
	return goal_type_names[0].name[k->lang];
}

static void
say_no_goal(struct coach *k)
{
	struct intake in;

	SAY(k, M_NO_GOAL);
	SAY(k, M_HOW_GOAL);
	load_intake(k, &in);
	if (in.state == D_OK && in.surplus > 0)
		SAY(k, M_SURPLUS_FOR_GOAL, money(k, in.surplus));
}

static void
say_goal_eta(struct coach *k)
{
	struct plan p;

	load_plan(k, &p);
	if (p.state == D_NONE)
		SAY(k, M_GOAL_NO_PLAN);
	else if (p.state == D_OK && p.goal_date[0] && p.has_save && p.monthly_save > 0 &&
	    p.has_timeline && p.timeline > 0)
		SAY(k, M_GOAL_ETA, money(k, p.monthly_save), date_str(k, p.goal_date, 1),
		    count_str(k, p.timeline, N_MONTH));
	else if (p.state == D_OK && p.goal_date[0] == '\0')
		SAY(k, M_GOAL_NO_ETA);
}

static int
handle_progress(struct coach *k)
{
	struct goal	g;
	int64_t		pct;

	load_goal(k, &g);
	if (g.state == D_ERR) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	if (g.state == D_NONE) {
		say_no_goal(k);
		return 0;
	}
	if (strcmp(g.type, "debt_payoff") == 0)
		set_class(k, NULL, "debt", NULL);
	if (strcmp(g.status, "achieved") == 0 || g.current >= g.target) {
		set_class(k, NULL, NULL, "celebratory");
		SAY(k, M_GOAL_DONE, goal_label(k, &g), money(k, g.current), money(k, g.target));
		SAY(k, M_GOAL_NEXT);
		return 0;
	}
	pct = g.current * 100 / g.target;
	SAY(k, M_GOAL_AT, money(k, g.current), money(k, g.target), goal_label(k, &g),
	    int_str(k, pct), money(k, g.target - g.current));
	if (pct >= 75) {
		set_class(k, NULL, NULL, "celebratory");
		SAY(k, M_GOAL_CLOSE);
	}
	say_goal_eta(k);
	if (strcmp(k->res->intent, "goal_update") == 0)
		SAY(k, M_GOAL_CHANGE);
	return 0;
}

/* A task title, with its amount when the title does not already say it. */
static const char *
task_text(struct coach *k, const struct moves *mv, size_t i)
{
	const char *amt = mv->has_amount[i] ? money(k, mv->amount[i]) : "";

	if (*amt && strstr(mv->title[i], amt) == NULL)
		return CONCAT(k, "“", mv->title[i], "” (", amt, ")");
	return CONCAT(k, "“", mv->title[i], "”");
}

static int
say_moves(struct coach *k, const struct moves *mv)
{
	const char	*items[MAX_TASKS];
	size_t		 i, n = mv->npending < MAX_TASKS ? mv->npending : MAX_TASKS;

	if (mv->state != D_OK || mv->ntasks == 0)
		return 0;
	if (n == 0) {
		SAY(k, M_MOVES_DONE);
		return 1;
	}
	for (i = 0; i < n; i++)
		items[i] = task_text(k, mv, i);
	SAY(k, M_MOVES, date_str(k, mv->due, 1), join_list(k, items, n));
	return 1;
}

static int
handle_next(struct coach *k)
{
	struct moves	mv;
	struct plan	p;
	struct intake	in;
	int		said;

	load_moves(k, &mv);
	said = say_moves(k, &mv);
	load_plan(k, &p);
	if (p.state == D_OK && p.nact > 0) {
		char items[2 * CLIP_LEN + 8];

		snprintf(items, sizeof(items), "%s%s%s", p.act[0], p.nact > 1 ? " " : "",
		    p.nact > 1 ? p.act[1] : "");
		SAY(k, M_PLAN_SAYS, items);
		return 0;
	}
	if (p.state == D_ERR && mv.state == D_ERR) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	if (p.state == D_NONE) {
		load_intake(k, &in);
		SAY(k, in.state == D_NONE ? M_NO_INTAKE_NEXT : M_NO_PLAN_NEXT);
	} else if (!said)
		SAY(k, M_STEP_NO_PLAN);
	return 0;
}

/* "less than a month", "about 3 months": how far a purchase pushes the goal back. */
static const char *
delay_str(struct coach *k, int64_t amount, int64_t monthly)
{
	int64_t n;

	if (amount < monthly)
		return TR(k, M_LESS_MONTH);
	n = (amount + monthly / 2) / monthly;
	if (n <= 1)
		return TR(k, M_ABOUT_ONE_MONTH);
	return TR(k, M_ABOUT_N, count_str(k, n, N_MONTH));
}

/* Free money this month: income less the larger of usual expenses and real spending. */
static int64_t
free_this_month(struct coach *k, const struct intake *in)
{
	struct summary	s;
	int64_t		out;

	load_summary(k, P_THIS_MONTH, NULL, &s);
	if (!in->has_income)
		return in->surplus;
	out = in->has_expenses ? in->expenses : in->income - in->surplus;
	if (s.state == D_OK && s.total > out)
		out = s.total;
	return in->income - out;
}

static void
afford_verdict(struct coach *k, const struct intake *in, int64_t a)
{
	struct plan	p;
	int64_t		free_now = free_this_month(k, in), months;

	load_plan(k, &p);
	months = (a + in->surplus - 1) / in->surplus;
	if (a <= free_now) {
		SAY(k, M_AFF_YES, money(k, free_now), money(k, a));
	} else if (months <= 3) {
		SAY(k, M_AFF_SAVE_UP, money(k, a), count_str(k, months, N_MONTH),
		    money(k, in->surplus));
	} else {
		set_class(k, NULL, NULL, "cautious");
		SAY(k, M_AFF_NO, money(k, a), count_str(k, months, N_MONTH), money(k, in->surplus));
	}
	if (p.state == D_OK && p.has_save && p.monthly_save > 0)
		SAY(k, M_AFF_DELAY, delay_str(k, a, p.monthly_save));
	if (months > 3)
		SAY(k, M_AFF_NO2);
}

static int
handle_afford(struct coach *k)
{
	struct amount	am;
	struct intake	in;
	int		has_amount = scan_amount(k->c->message, &am) == 0;
	int64_t		a = has_amount ? to_minor(am.units, k->digits) : 0;

	load_intake(k, &in);
	if (in.state == D_ERR) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	if (in.state == D_NONE) {
		SAY(k, M_AFF_NO_INTAKE);
		return 0;
	}
	if (!has_amount || a <= 0) {
		SAY(k, M_AFF_NO_AMOUNT, money(k, 300 * pow10i(k->digits)));
		if (in.surplus > 0)
			SAY(k, M_AFF_FREE, money(k, in.surplus));
		return 0;
	}
	if (in.surplus <= 0) {
		set_class(k, NULL, NULL, "cautious");
		SAY(k, M_AFF_GAP, money(k, in.has_expenses ? in.expenses : in.income - in.surplus),
		    money(k, in.income), money(k, a));
		SAY(k, M_AFF_GAP2);
		return 0;
	}
	set_class(k, NULL, NULL, "encouraging");
	afford_verdict(k, &in, a);
	return 0;
}

/* One concrete step for a worried user, from whatever data there is. */
static void
say_one_step(struct coach *k)
{
	struct moves	mv;
	struct plan	p;
	struct intake	in;
	struct summary	s;

	load_moves(k, &mv);
	if (mv.state == D_OK && mv.npending > 0) {
		SAY(k, M_STEP_TASK, task_text(k, &mv, 0));
		return;
	}
	load_plan(k, &p);
	if (p.state == D_OK && p.nact > 0) {
		SAY(k, M_STEP_PLAN, p.act[0]);
		return;
	}
	load_intake(k, &in);
	if (in.state == D_NONE) {
		SAY(k, M_STEP_INTAKE);
		return;
	}
	load_summary(k, P_THIS_MONTH, NULL, &s);
	if (s.state == D_OK && s.total > 0)
		SAY(k, M_STEP_SPEND, money(k, s.total));
	else
		SAY(k, p.state == D_NONE ? M_STEP_NO_PLAN : M_STEP_INTAKE);
}

static int
handle_emotion(struct coach *k)
{
	if (any_pat(&k->w, debt_pats))
		set_class(k, NULL, "debt", NULL);
	SAY(k, M_EMPATHY);
	say_one_step(k);
	SAY(k, M_ONE_STEP);
	return 0;
}

static int
handle_debt(struct coach *k)
{
	struct intake	in;
	struct plan	p;

	load_intake(k, &in);
	if (in.state == D_ERR) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	if (in.state == D_NONE) {
		SAY(k, M_DEBT_NO_INTAKE);
		return 0;
	}
	if (!in.has_debt || in.debt <= 0) {
		SAY(k, M_DEBT_NONE);
		return 0;
	}
	if (in.has_rate && in.rate_bp > 0)
		SAY(k, M_DEBT_OWE_RATE, money(k, in.debt), pct_str(k, in.rate_bp));
	else
		SAY(k, M_DEBT_OWE, money(k, in.debt));
	load_plan(k, &p);
	if (p.state == D_OK && p.payoff_date[0] && p.has_debt_pay && p.monthly_debt > 0)
		SAY(k, M_DEBT_DATE, money(k, p.monthly_debt), date_str(k, p.payoff_date, 1));
	else if (p.state == D_OK) {
		set_class(k, NULL, NULL, "cautious");
		SAY(k, M_DEBT_STUCK);
	} else if (p.state == D_NONE)
		SAY(k, M_DEBT_NO_PLAN);
	return 0;
}

static void
say_savings_rate(struct coach *k, const struct plan *p)
{
	if (p->state == D_NONE) {
		SAY(k, M_SAV_NO_PLAN);
		return;
	}
	if (p->state != D_OK || !p->has_rate)
		return;
	if (p->rate_bp < 0) {
		set_class(k, NULL, NULL, "cautious");
		SAY(k, M_SAV_NEG, pct_str(k, p->rate_bp));
		return;
	}
	if (p->has_save && p->has_target)
		SAY(k, M_SAV_RATE, money(k, p->monthly_save), pct_str(k, p->rate_bp),
		    pct_str(k, p->target_bp));
	if (p->has_target && p->target_bp > 0 && p->rate_bp >= p->target_bp) {
		set_class(k, NULL, NULL, "celebratory");
		SAY(k, M_SAV_GREAT);
	}
}

static int
handle_savings(struct coach *k)
{
	struct intake	in;
	struct plan	p;

	load_intake(k, &in);
	load_plan(k, &p);
	if (in.state == D_ERR && p.state == D_ERR) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	if (in.state != D_OK && p.state != D_OK) {
		SAY(k, M_SAV_NO_DATA);
		return 0;
	}
	if (in.state == D_OK && in.has_savings)
		SAY(k, M_SAV_BAL, money(k, in.savings));
	if (in.state == D_OK && in.surplus > 0)
		SAY(k, M_SAV_SURPLUS, money(k, in.surplus));
	say_savings_rate(k, &p);
	return 0;
}

/* Income logged in a period, and what is left after that period's spending. */
static int
handle_income(struct coach *k)
{
	enum period	p = P_THIS_MONTH;
	struct summary	s;
	const char	*when, *dates;

	find_period(&k->w, &p);
	load_summary(k, p, NULL, &s);
	if (s.state != D_OK) {
		SAY(k, M_UNAVAILABLE);
		return 0;
	}
	when = periods[p].label[k->lang];
	dates = range_str(k, s.from, s.to);
	if (s.income <= 0) {
		SAY(k, M_NO_INCOME, when, dates);
		return 0;
	}
	SAY(k, M_INCOME, money(k, s.income), when, dates);
	if (s.total > s.income) {
		set_class(k, NULL, NULL, "cautious");
		SAY(k, M_INCOME_SHORT, money(k, s.total), money(k, s.total - s.income));
	} else if (s.total > 0)
		SAY(k, M_INCOME_LEFT, money(k, s.total), money(k, s.income - s.total));
	return 0;
}

static int
handle_greeting(struct coach *k)
{
	SAY(k, any_pat(&k->w, thanks_pats) ? M_THANKS : M_HELLO);
	SAY(k, M_HELP, money(k, 300 * pow10i(k->digits)));
	SAY(k, M_HELP_LOG);
	return 0;
}

static int
handle_fallback(struct coach *k)
{
	struct summary s;

	SAY(k, M_FALLBACK);
	load_summary(k, P_THIS_MONTH, NULL, &s);
	if (s.state == D_OK && s.total > 0)
		SAY(k, M_FB_SPENT, money(k, s.total));
	else if (s.state == D_OK)
		SAY(k, M_FB_NONE);
	return 0;
}

/* ---- transactions the server logged from this message ------------------------------ */

static void
say_logged_item(struct coach *k, const struct fact_txn *t)
{
	char		 day[11];
	const char	*amt = money_in(k, t->amount, t->currency[0] ? t->currency : k->cur);
	const char	*when, *cat = cat_names[t->category < CAT_COUNT ? t->category :
			    CAT_OTHER][k->lang];
	char		*desc = next_slot(k);

	memcpy(day, t->date[0] ? t->date : k->c->today, sizeof(day));
	when = date_str(k, day, 1);
	lang_clip(desc, 61, t->description);
	if (t->category == CAT_INCOME)
		SAY(k, M_LOGGED_INCOME, amt, *desc ? desc : cat, when);
	else if (*desc)
		SAY(k, M_LOGGED, amt, desc, cat, when);
	else
		SAY(k, M_LOGGED_NODESC, amt, cat, when);
}

/* This month's total in the first logged category (or income), as the helpful line. */
static void
say_logged_total(struct coach *k, enum category c)
{
	struct summary	s;

	if (c != CAT_INCOME && c < CAT_COUNT) {
		load_summary(k, P_THIS_MONTH, category_name(c), &s);
		if (s.state == D_OK && s.total > 0)
			SAY(k, M_LOGGED_CAT_TOTAL, cat_names[c][k->lang], money(k, s.total));
		return;
	}
	load_summary(k, P_THIS_MONTH, NULL, &s);
	if (s.state == D_OK && s.income > 0)
		SAY(k, M_LOGGED_INCOME_TOTAL, money(k, s.income));
}

/* 1 when the message logged transactions and the reply confirms them. */
static int
try_logged(struct coach *k)
{
	size_t	 i, n = k->c->nlogged;

	if (n == 0 || k->c->logged == NULL)
		return 0;
	for (i = 0; i < n && i < MAX_LOGGED; i++)
		say_logged_item(k, &k->c->logged[i]);
	if (n > MAX_LOGGED)
		SAY(k, M_LOGGED_MORE, int_str(k, (int64_t)(n - MAX_LOGGED)));
	say_logged_total(k, k->c->logged[0].category);
	set_class(k, "transaction_log", "spending", "neutral");
	return 1;
}

/* ---- streaming -------------------------------------------------------------------- */

/* Send the reply through c->delta one sentence at a time (with its trailing space). */
static void
stream_reply(struct coach *k)
{
	const char	*s = buf_str(k->res->reply);
	size_t		 len = k->res->reply->len, start = 0, i;

	for (i = 0; i < len; i++) {
		int end = (strchr(".!?", s[i]) != NULL && i + 1 < len && s[i + 1] == ' ') ||
		    s[i] == '\n';

		if (!end && i + 1 < len)
			continue;
		if (end && s[i] != '\n')
			i++;	/* the space goes with its sentence */
		if (k->c->delta(k->c->delta_ctx, s + start, i + 1 - start) == -1)
			break;
		k->res->streamed = 1;
		start = i + 1;
	}
}

/* ---- the interface ---------------------------------------------------------------- */

int
coach_answer(const struct coach_turn *c, struct coach_reply *res)
{
	struct coach	*k;
	int		 d, rc = 0;

	if (c == NULL || res == NULL || res->reply == NULL || (k = calloc(1, sizeof(*k))) == NULL)
		return -1;
	k->c = c;
	k->res = res;
	if (cal_parse(c->today, &k->today) == -1)
		k->today = cal_today_days();
	k->lang = lang_of(c->language);
	k->cur = c->currency && *c->currency ? c->currency : "USD";
	d = currency_minor_units(k->cur);
	k->digits = d >= 0 ? d : 2;
	words_init(&k->w, c->message);
	buf_reset(res->reply);
	if (injection_words(&k->w, c->message)) {
		set_class(k, "advice_request", "general", "neutral");
		put_reply(k, refusals[k->lang]);
	} else if (!try_logged(k)) {
		enum kind kd = detect_kind(&k->w);

		set_class(k, kinds[kd].intent, kinds[kd].topic, kinds[kd].emotion);
		rc = kinds[kd].handler(k);
	}
	if (k->fail)
		rc = -1;
	if (rc == 0 && c->delta != NULL)
		stream_reply(k);
	free(k);
	return rc;
}

void
coach_classify(const char *message, struct coach_class *out)
{
	struct words	*w = malloc(sizeof(*w));
	const char	*in = "advice_request", *to = "general", *em = "neutral";
	enum kind	 kd;

	if (w != NULL) {
		words_init(w, message);
		if (injection_words(w, message)) {
			/* the defaults */
		} else if (spending_log_words(w, message)) {
			in = "transaction_log";
			to = "spending";
		} else {
			kd = detect_kind(w);
			in = kinds[kd].intent;
			to = kd == K_EMOTION && any_pat(w, debt_pats) ? "debt" : kinds[kd].topic;
			em = kinds[kd].emotion;
		}
		free(w);
	}
	lang_clip(out->intent, sizeof(out->intent), in);
	lang_clip(out->topic, sizeof(out->topic), to);
	lang_clip(out->emotion, sizeof(out->emotion), em);
}

int
coach_is_injection(const char *message)
{
	struct words	*w = malloc(sizeof(*w));
	int		 r;

	if (w == NULL)
		return message && strstr(message, "ozz_") != NULL;
	words_init(w, message);
	r = injection_words(w, message);
	free(w);
	return r;
}

const char *
coach_refusal(const char *language)
{
	return refusals[lang_of(language)];
}

int
coach_is_spending_log(const char *message)
{
	struct words	*w = malloc(sizeof(*w));
	int		 r;

	if (w == NULL)
		return 0;
	words_init(w, message);
	r = spending_log_words(w, message);
	free(w);
	return r;
}
