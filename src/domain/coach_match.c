/*
 * coach_match.c: the keyword tables of the local coach and the word-pattern
 * matcher that reads them (coach_match.h). Tables come in the order they are
 * tried; within a table the first line that matches wins, so specific
 * phrases come before general ones. Amounts are the text parser's
 * (txt_amounts); only which one is the price is decided here.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach_match.h"
#include "domain/txtparse.h"

/* ---- words and patterns ---------------------------------------------------------- */

void
cm_words_init(struct cm_words *w, const char *msg)
{
	size_t	tlen, i = 0;

	if (msg == NULL)
		msg = "";
	w->n = 0;
	tlen = categorize_fold(msg, strnlen(msg, CM_MSG_MAX - 1), w->text, sizeof(w->text));
	while (i < tlen && w->n < CM_MAX_WORDS) {
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

/* 1 if pattern p matches the words from i on. Optional slots backtrack: patterns have few. */
static int
match_at(const struct cm_words *w, size_t i, const char *p)
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

int
cm_find(const struct cm_words *w, const char *p)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (match_at(w, i, p))
			return 1;
	return 0;
}

/* 1 if any pattern of the NULL-terminated list matches. */
static int
any_pat(const struct cm_words *w, const char *const *pats)
{
	for (; *pats; pats++)
		if (cm_find(w, *pats))
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


/* The phrases that name a period. First match in this order wins: specific phrases before general ones. */
static const struct period_word {
	const char	*pat;
	enum cal_period	 p;
} period_words[] = {
	{ "last|past 7|seven days", CAL_LAST_7_DAYS },
	{ "ultimos 7|sete|siete dias", CAL_LAST_7_DAYS },
	{ "last|past 30|thirty days", CAL_LAST_30_DAYS },
	{ "ultimos 30|trinta|treinta dias", CAL_LAST_30_DAYS },
	{ "last|past 90|ninety days", CAL_LAST_90_DAYS },
	{ "last|past 3|three months", CAL_LAST_90_DAYS },
	{ "ultimos 90|noventa dias", CAL_LAST_90_DAYS },
	{ "ultimos 3|tres meses", CAL_LAST_90_DAYS },
	{ "past week", CAL_LAST_7_DAYS },
	{ "past month", CAL_LAST_30_DAYS },
	{ "last|previous week", CAL_LAST_WEEK },
	{ "semana passada|pasada|anterior", CAL_LAST_WEEK },
	{ "ultima semana", CAL_LAST_WEEK },
	{ "this|current week", CAL_THIS_WEEK },
	{ "essa|esta|nesta|nessa semana", CAL_THIS_WEEK },
	{ "last|previous month", CAL_LAST_MONTH },
	{ "mes passado|pasado|anterior", CAL_LAST_MONTH },
	{ "ultimo mes", CAL_LAST_MONTH },
	{ "this|current month", CAL_THIS_MONTH },
	{ "este|esse|neste|nesse|deste|desse mes", CAL_THIS_MONTH },
	{ "last year", CAL_LAST_YEAR },
	{ "ano passado|pasado", CAL_LAST_YEAR },
	{ "this|current year", CAL_THIS_YEAR },
	{ "este|esse|neste|nesse|deste|desse ano", CAL_THIS_YEAR },
	{ "today|hoje|hoy", CAL_TODAY },
	{ "yesterday|ontem|ayer", CAL_YESTERDAY },
};


/* ---- amounts written in a message ------------------------------------------------- */

#define MAX_AMOUNTS	64	/* amounts of one message weighed for its price */

/*
 * The text parser reads the money (txtparse.h); which amount is the price is
 * the coach's rule. The user's own currency comes first: only it can be
 * weighed against the user's numbers, for the coach has no exchange rates.
 */
int
cm_price(const char *msg, const char *lang, const char *currency, struct txt_amount *out)
{
	struct txt_amount	 a[MAX_AMOUNTS];
	size_t			 n, i, best = MAX_AMOUNTS, other = MAX_AMOUNTS;

	if (msg == NULL || currency == NULL ||
	    txt_amounts(msg, lang, currency, a, MAX_AMOUNTS, &n) == -1)
		return -1;
	for (i = 0; i < n && (best == MAX_AMOUNTS || !a[best].marked); i++) {
		if (strcmp(a[i].currency, currency) != 0) {
			if (other == MAX_AMOUNTS)
				other = i;
		} else if (best == MAX_AMOUNTS || a[i].marked ||
		    a[i].amount_cents > a[best].amount_cents)
			best = i;
	}
	if (best == MAX_AMOUNTS)
		best = other;
	if (best == MAX_AMOUNTS)
		return -1;
	*out = a[best];
	return 0;
}

/*
 * 1 if msg states an amount in either number convention ("1,200.50" or
 * "1.200,50"): whoever asks if a message logs money knows no language.
 */
static int
states_amount(const char *msg)
{
	struct txt_amount	 a;
	size_t			 n;

	if (msg == NULL)
		return 0;
	if (txt_amounts(msg, "en", "USD", &a, 1, &n) == 0 && n > 0)
		return 1;
	return txt_amounts(msg, "pt", "BRL", &a, 1, &n) == 0 && n > 0;
}

/* ---- understanding ----------------------------------------------------------------- */

int
cm_category(const struct cm_words *w, enum category *out)
{
	size_t i;

	for (i = 0; i < sizeof(cat_words) / sizeof(cat_words[0]); i++)
		if (cm_find(w, cat_words[i].pat)) {
			*out = cat_words[i].cat;
			return 1;
		}
	return 0;
}

int
cm_period(const struct cm_words *w, enum cal_period *out)
{
	size_t i;

	for (i = 0; i < sizeof(period_words) / sizeof(period_words[0]); i++)
		if (cm_find(w, period_words[i].pat)) {
			*out = period_words[i].p;
			return 1;
		}
	return 0;
}

/* A spending question without a spending word: "food last month?", "quanto com uber?" */
static int
spending_by_topic(const struct cm_words *w)
{
	enum category	c;
	enum cal_period	p;

	return cm_category(w, &c) && (cm_period(w, &p) || any_pat(w, howmuch_pats));
}

/* In order: the first kind whose patterns (or extra test) match a message wins. */
static const struct kind_info {
	const char *const	*pats;
	int			(*extra)(const struct cm_words *);
	struct cm_class		 cls;
} kinds[CM_KIND_COUNT] = {
	[CM_AFFORD] = { afford_pats, NULL, { "advice_request", "spending", "neutral" } },
	[CM_EMOTION] = { emotion_pats, NULL,
	    { "emotional_support", "general", "encouraging" } },
	[CM_SPENDING] = { spend_pats, spending_by_topic,
	    { "progress_check", "spending", "neutral" } },
	[CM_GOAL_UPDATE] = { goal_update_pats, NULL, { "goal_update", "goals", "encouraging" } },
	[CM_NEXT] = { next_pats, NULL, { "advice_request", "general", "encouraging" } },
	[CM_PROGRESS] = { progress_pats, NULL, { "progress_check", "goals", "encouraging" } },
	[CM_DEBT] = { debt_pats, NULL, { "progress_check", "debt", "encouraging" } },
	[CM_SAVINGS] = { savings_pats, NULL, { "progress_check", "savings", "encouraging" } },
	[CM_INCOME] = { income_pats, NULL, { "progress_check", "general", "neutral" } },
	[CM_THANKS] = { thanks_pats, NULL, { "advice_request", "general", "encouraging" } },
	[CM_GREETING] = { greet_pats, NULL, { "advice_request", "general", "encouraging" } },
	[CM_FALLBACK] = { NULL, NULL, { "advice_request", "general", "neutral" } },
};

enum cm_kind
cm_kind_of(const struct cm_words *w)
{
	int i;

	for (i = 0; i < CM_FALLBACK; i++)
		if (any_pat(w, kinds[i].pats) || (kinds[i].extra && kinds[i].extra(w)))
			return (enum cm_kind)i;
	return CM_FALLBACK;
}

const struct cm_class *
cm_class_of(enum cm_kind k)
{
	return &kinds[(unsigned)k < CM_KIND_COUNT ? k : CM_FALLBACK].cls;
}

int
cm_mentions_debt(const struct cm_words *w)
{
	return any_pat(w, debt_pats);
}

int
cm_says_thanks(const struct cm_words *w)
{
	return any_pat(w, thanks_pats);
}

int
cm_is_injection(const struct cm_words *w, const char *msg)
{
	return any_pat(w, inject_pats) || (msg && strstr(msg, "ozz_") != NULL);
}

int
cm_is_spending_log(const struct cm_words *w, const char *msg)
{
	return any_pat(w, log_verb_pats) && !any_pat(w, question_pats) && states_amount(msg);
}
