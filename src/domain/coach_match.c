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
#include "domain/coach_when.h"
#include "domain/lang.h"
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

/*
 * 1 if pattern p matches the words from i on, *end then the word after the
 * match. Optional slots backtrack: patterns have few.
 */
static int
match_at(const struct cm_words *w, size_t i, const char *p, size_t *end)
{
	const char	*sp, *next;
	size_t		 slen;
	int		 opt;

	if (*p == '\0') {
		*end = i;
		return 1;
	}
	sp = strchr(p, ' ');
	slen = sp ? (size_t)(sp - p) : strlen(p);
	next = sp ? sp + 1 : p + slen;
	if (slen == 1 && *p == '^')
		return i == 0 && match_at(w, i, next, end);
	opt = p[slen - 1] == '?';
	if (i < w->n && slot_has(p, slen - (size_t)opt, w->text + w->off[i], w->len[i]) &&
	    match_at(w, i + 1, next, end))
		return 1;
	return opt && match_at(w, i, next, end);
}

int
cm_find_from(const struct cm_words *w, size_t from, const char *p, size_t *at, size_t *end)
{
	size_t i, e;

	for (i = from; i < w->n; i++)
		if (match_at(w, i, p, &e) && e > i) {
			if (at)
				*at = i;
			if (end)
				*end = e;
			return 1;
		}
	return 0;
}

int
cm_find(const struct cm_words *w, const char *p)
{
	return cm_find_from(w, 0, p, NULL, NULL);
}

int
cm_word_is(const struct cm_words *w, size_t i, const char *alts)
{
	return i < w->n && slot_has(alts, strlen(alts), w->text + w->off[i], w->len[i]);
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

/* Money put aside: the verb says it, or a verb of moving money and a word for savings. */
static const char *const save_verb_pats[] = {
	"saved|invested|contributed|stashed|aportei|poupei|guardei|apliquei|investi|juntei|"
	    "aporte|ahorre|inverti|apartei|aparte|guarde",
	"set aside", NULL
};
#define MOVE_VERBS "moved|put|transferred|deposited|added|sent|coloquei|transferi|depositei|" \
	"botei|separei|mandei|movi|passei|puse|deposite|meti|separe|ingrese|mande|pase"
#define SAVINGS_NOUNS "fund|savings|reserve|goal|emergency|investment|investments|brokerage|" \
	"ira|401k|caixinha|poupanca|reserva|meta|cofrinho|cofre|investimento|investimentos|" \
	"tesouro|cdb|ahorro|ahorros|fondo|hucha|inversion|inversiones|objetivo|alcancia"
/* A debt paid down: a verb of paying and a word for a debt. */
#define PAY_VERBS "paid|pay|paying|paguei|pagamos|pague|quitei|amortizei|amortice|abonei|abone"
#define DEBT_NOUNS "fatura|faturas|cartao|tarjeta|loan|loans|emprestimo|prestamo|installment|" \
	"parcela|cuota|financiamento|financiamiento|debt|debts|divida|dividas|deuda|deudas|" \
	"card|cards|credito|mortgage|hipoteca"
static const char *const not_debt_pats[] = {
	"fatura|faturas|conta|contas da|de|do luz|agua|internet|celular|telefone|gas|energia|net|tv",
	"gift|presente|regalo card", NULL
};
static const char *const transfer_pats[] = {
	"transferred|transferi|transfiri|enviei|envie|sent|wired",
	"fiz|hice|mandei|mande|made a|um|una? pix|venmo|zelle|bizum|transferencia|transfer", NULL
};
/*
 * Words of a message that is a statement, a plan or a question, not a
 * note of money spent: "my goal is 10000", "I earn 5000 a month".
 */
static const char *const not_note_pats[] = {
	"goal|goals|meta|metas|objetivo|objetivos|budget|orcamento|presupuesto|plan|plano|"
	    "salary|income|renda|ingresos|limit|limite",
	"per|a|each|every month|week|year", "por|ao|al|cada|todo mes|semana|ano",
	"monthly|mensal|mensais|mensual|mensuales|weekly|semanal|yearly|anual",
	"have|has|tenho|tem|temos|tengo|tiene|tenemos|owe|owes|devo|deve|debo|debe|earn|earns|"
	    "make|makes|ganho|ganha|gano|gana|want|wants|quero|quer|quiero|quiere|need|needs|"
	    "preciso|precisa|necesito|necesita",
	"if|se|si|will|would|vou|vai|voy|va|going|can|could|should|posso|pode|puedo|puede|"
	    "deberia|im|am|sou|soy|estou|estoy|is|are|was|were|es|son|era|sao|foi|fue",
	"how|what|why|when|where|who|which|quanto|quanta|quantos|quantas|como|porque|quando|"
	    "onde|qual|quais|quem|cuanto|cuanta|cuantos|cuantas|cuando|donde|cual|cuales|quien",
	"top|last|ultimo|ultimos|ultima|ultimas|total|sum|soma|suma", NULL
};

static const char *const afford_pats[] = {
	"afford*", "can|could|should i buy|get|spend", "is it ok|okay to buy|spend",
	"posso|consigo comprar|gastar|pagar|bancar", "devo comprar|gastar",
	"da pra|para comprar|gastar|pagar",
	"cabe no meu? orcamento|bolso", "puedo|deberia|podria comprar|gastar|pagar|permitirme",
	"permitirme|permitirmelo", "me alcanza", "alcanza para|pa",
	"have|got enough money|cash? for|to", "tenho|temos|tengo|tenemos dinheiro|grana|dinero "
	    "para|pra|suficiente", "da|alcanza para comprar|pagar", NULL
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
	"spend|spent|spending|spendings|expense|expenses|expenditure*", "gast*", "despesa*",
	"purchases|compras|transactions|transacoes|transacciones",
	"where did|does my|the money go|goes|went", "para onde vai|foi|vao|foram",
	"a|en donde va|fue|se", "breakdown", "by category|categories",
	"por categoria|categorias", "top categories", "budget|orcamento|presupuesto",
	"do i have|got left", "have i got left", "me sobra|sobrou|resta|restou",
	"me queda|quedan|quedo", "quanto|cuanto sobra|sobrou|resta|restou|queda|quedo",
	"how much|what did|have i|we pay|paid", "quanto eu|nos? paguei|pagamos",
	"cuanto le|les? pague|pagamos", "cost|costs|costed me|us",
	"me|nos custou|custaram", "me|nos costo|costaron", "se me|nos fue|fueron|ha|han",
	"how much went|goes|go on|to|into", NULL
};

static const char *const income_pats[] = {
	"earn|earned|earning|earnings|income|salary|paycheck", "did i make",
	"ganhei|recebi|renda|receita|salario|entradas|entrou",
	"gane|recibi|ingreso|ingresos|ingrese|sueldo|cobre|nomina", NULL
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
	"deuda|deudas", "prestamo*", "tarjeta de credito", "quanto|cuanto eu|yo? devo|debo",
	"interest|juros|intereses|interes", "pay first", "pagar primeiro", "pagar primero", NULL
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

/* Payments that come back: "what are my subscriptions?", "quais são minhas contas fixas?" */
static const char *const recurring_pats[] = {
	"subscription*|assinatura*|suscripcion*|recurring|recurrent|recorrente*|recurrente*",
	"fixed bills|costs|expenses|payments|charges", "monthly bills|charges|payments",
	"contas|gastos|despesas|custos|pagamentos fixas|fixos|recorrentes",
	"gastos|pagos|cuentas|cargos fijos|fijas|recurrentes",
	"what|which bills", "quais|que contas", "que|cuales cuentas", "debito automatico",
	"automatic payments", "pagos automaticos", "repeat payments", NULL
};

/* Questions about investments, taxes and the law: not this coach's to answer. */
static const char *const invest_pats[] = {
	"bitcoin|btc|crypto*|cripto*|ethereum|stock|stocks|shares|acoes|acciones|etf|etfs|"
	    "fii|fiis|cdb|forex|nft|nfts",
	"tesouro direto", "day trade", "fundo imobiliario", "bolsa de valores",
	"what|which|where should|do i? invest", "should i invest",
	"onde|qual devo|posso investir", "em que devo|posso investir", "vale a pena investir",
	"donde|cual debo|deberia|puedo invertir", "en que debo|deberia|puedo invertir",
	"conviene invertir",
	"best investment*", "melhor investimento*", "mejor inversion*", NULL
};

static const char *const tax_pats[] = {
	"tax return|returns", "file|filing my? taxes", "imposto de renda", "irpf",
	"declarar|declaracao do imposto|ir", "declaracion de la renta", "hacienda",
	"lawyer|attorney|advogado|abogado|lawsuit", "tax deduct*", "legal advice", NULL
};

/* Things no money coach knows. */
static const char *const offtopic_pats[] = {
	"weather|clima|forecast|football|futebol|futbol|soccer|basketball|joke|piada|chiste|"
	    "poem|poema|recipe|receta|horoscope|horoscopo|election|eleicao|eleccion|"
	    "president|presidente",
	"previsao do tempo", "who won", "quem ganhou", "quien gano", "capital of",
	"capital de|da|do", "translate", "traduz*|traduc*", "receita de bolo", "tell me a story",
	NULL
};

/* The shape of a spending question, beyond a total. */
static const char *const top_pats[] = {
	"biggest|largest|highest|top|maiores|maior|mayores|mayor expense*|purchase*|spend*|"
	    "transaction*|gasto|gastos|compra|compras|transac*|despesa*|cost*|payments|pagos",
	"most expensive|costly", "mais caro|caros|cara|caras", "mas caro|caros|cara|caras",
	"gastos|compras|despesas|transacoes mais altos|altas|caros|caras|grandes",
	"gastos|compras|transacciones|pagos mas altos|altas|caros|caras|grandes",
	"largest|biggest|highest", NULL
};
static const char *const where_pats[] = {
	"spend|spent|spending the? most", "most of? my|mi|meu money|dinheiro|dinero",
	"em|en que eu|yo? gasto|gastei|gaste|gastamos mais|mas",
	"biggest|largest|top|main|maior|maiores|mayor|mayores|principal|principais|principales "
	    "category|categories|categoria|categorias",
	"which|what|qual|que|cual category|categories|categoria|categorias|store|stores|"
	    "shop|shops|merchant*|loja|lojas|tienda|tiendas|lugar|lugares",
	"top categories|merchants|stores", "em que mais gasto|gastei",
	"en que gasto|gaste mas", "onde mais gasto|gastei", "donde gasto|gaste mas", NULL
};
static const char *const average_pats[] = {
	"average|averages|avg|media|promedio|typical*|typically|normally|usually|normalmente|"
	    "geralmente|usualmente|monthly|mensal*|mensual*|weekly|semanal*",
	"per|a|each|every month|week", "por|ao|al|cada|todo mes|semana", NULL
};
static const char *const compare_pats[] = {
	"more|less|mais|menos|mas than|que|do|de", "compared|compare|comparing|comparad*|"
	    "comparacao|comparacion|versus|vs",
	"em relacao|comparacion con|frente a|relacion con", "went up|down",
	"increase*|decrease*|aumentou|diminuiu|subiu|caiu|aumento|bajo|subio|disminuyo", NULL
};
static const char *const list_pats[] = {
	"list|lista|listar|recent|recentes|recientes|latest",
	"my|minhas|meus|mis|las|os|as last|ultimas|ultimos transactions|purchases|expenses|"
	    "gastos|compras|transacoes|transacciones|despesas",
	"what did i buy", "o que eu? comprei", "que compre", NULL
};
/* What a spending answer cannot split by: said so, then answered without it. */
static const struct filter_word {
	const char	*pat;
	enum cm_filter	 f;
} filter_words[] = {
	{ "at|by night", CM_F_TIME }, { "in the morning|afternoon|evening|mornings|evenings",
	    CM_F_TIME }, { "a|de|pela|na noite|noites|madrugada|manha|manhas", CM_F_TIME },
	{ "por|de|en la noche|manana|tarde|madrugada", CM_F_TIME }, { "late night", CM_F_TIME },
	{ "weekends|weekdays|weekday", CM_F_WEEKDAY }, { "fins|fines de semana", CM_F_WEEKDAY },
	{ "dias uteis|laborables", CM_F_WEEKDAY }, { "dias de semana", CM_F_WEEKDAY },
	{ "entre semana", CM_F_WEEKDAY }, { "on|aos|los|nos saturdays|sundays|mondays|"
	    "fridays|sabados|domingos|lunes|viernes|sextas|segundas", CM_F_WEEKDAY },
	{ "in|with|by|using|em|com|en|con|pelo|pela|por|no|na my|meu|mi|the|o|el|la? cash|card|"
	    "cards|cartao|cartoes|dinheiro|efectivo|tarjeta|tarjetas|pix|debit|debito|credito",
	    CM_F_PAYMENT },
	{ "with|for|com|para|con my|minha|meu|mi|mis|meus|minhas wife|husband|partner|kids|"
	    "children|son|daughter|friends|mom|dad|mother|father|esposa|marido|filhos|filho|"
	    "filha|amigos|mae|pai|hijos|hijo|hija|madre|padre|novia|novio|namorada|namorado",
	    CM_F_PERSON },
};

/* Words that name a subcategory (or a group of them), in all three languages. */
#define ALL_LANGS	0u
#define ONLY(l)		(1u << (l))
static const struct sub_word {
	const char	*pat;
	unsigned	 langs;		/* ALL_LANGS, or a bit per enum lang */
	const char	*name;		/* the subcategory, a group, or NULL: not a subcategory */
	const char	*subs[CM_MAX_SUBS];
} sub_words[] = {
	/* breakfast is food, not coffee; clothes are all clothing */
	{ "cafe da|de manha", ALL_LANGS, NULL, { NULL } },
	{ "eating|eat|dining|dine out", ALL_LANGS, "eating_out",
	    { "restaurants", "delivery", "coffee", "bars" } },
	{ "comer|comendo|comemos|comida|comidas|refeicoes|refeicao fora", ALL_LANGS, "eating_out",
	    { "restaurants", "delivery", "coffee", "bars" } },
	{ "comer|comiendo|comemos|comida|comidas fuera", ALL_LANGS, "eating_out",
	    { "restaurants", "delivery", "coffee", "bars" } },
	{ "car rental|rentals", ALL_LANGS, "car_rental", { "car_rental" } },
	{ "rental car|cars", ALL_LANGS, "car_rental", { "car_rental" } },
	{ "aluguel de carro|carros", ALL_LANGS, "car_rental", { "car_rental" } },
	{ "alquiler de coche|coches|auto|autos", ALL_LANGS, "car_rental", { "car_rental" } },
	{ "health insurance", ALL_LANGS, "insurance", { "insurance" } },
	{ "plano|planos de saude", ALL_LANGS, "insurance", { "insurance" } },
	{ "seguro medico", ALL_LANGS, "insurance", { "insurance" } },
	{ "seguro de salud", ALL_LANGS, "insurance", { "insurance" } },
	{ "property tax|taxes", ALL_LANGS, "property_tax", { "property_tax" } },
	{ "iptu|ibi", ALL_LANGS, "property_tax", { "property_tax" } },
	{ "gas bill|bills", ALL_LANGS, "gas", { "gas" } },
	{ "gas de cozinha|botijao", ALL_LANGS, "gas", { "gas" } },
	{ "gas|botijao", ONLY(LANG_PT) | ONLY(LANG_ES), "gas", { "gas" } },
	{ "gas station|stations", ALL_LANGS, "fuel", { "fuel" } },
	{ "gas", ONLY(LANG_EN), "fuel", { "fuel" } },
	{ "water bill|bills", ALL_LANGS, "water", { "water" } },
	{ "conta|contas de agua", ALL_LANGS, "water", { "water" } },
	{ "conta|contas de luz", ALL_LANGS, "electricity", { "electricity" } },
	{ "power|electric|electricity bill|bills", ALL_LANGS, "electricity", { "electricity" } },
	{ "phone|cell|mobile bill|bills|plan", ALL_LANGS, "phone", { "phone" } },
	{ "fast food", ALL_LANGS, "restaurants", { "restaurants" } },
	{ "restaurant|restaurants|restaurante|restaurantes|lanchonete*|diner|diners",
	    ALL_LANGS, "restaurants", { "restaurants" } },
	{ "delivery|deliveries|takeout|takeaway|domicilio", ALL_LANGS, "delivery",
	    { "delivery" } },
	{ "take out", ALL_LANGS, "delivery", { "delivery" } },
	{ "coffee|coffees|cafe|cafes|cafeteria|cafeterias|cafezinho", ALL_LANGS, "coffee",
	    { "coffee" } },
	{ "bar|bars|bares|pub|pubs|drinks|cerveja|cervejas|cerveza|cervezas|boteco|botecos|balada|"
	    "baladas|copas", ALL_LANGS, "bars", { "bars" } },
	{ "groceries|grocery|supermarket|supermarkets|supermercado|supermercados|mercado|"
	    "mercados|feira|feiras|padaria|padarias|acougue|hortifruti|sacolao|comestibles|"
	    "panaderia|carniceria|despensa", ALL_LANGS, "groceries", { "groceries" } },
	{ "super", ONLY(LANG_ES), "groceries", { "groceries" } },
	{ "compra|compras de|del un|una|coche|carro|auto|casa|piso|movil|ordenador", ONLY(LANG_ES),
	    NULL, { NULL } },
	{ "la compra", ONLY(LANG_ES), "groceries", { "groceries" } },
	{ "rideshare|rides|taxi|taxis|cab|cabs|corrida|corridas|vtc|ridehailing", ALL_LANGS,
	    "rideshare", { "rideshare" } },
	{ "ride hailing|sharing", ALL_LANGS, "rideshare", { "rideshare" } },
	{ "app|apps|aplicativo|aplicativos de transporte|corrida", ALL_LANGS, "rideshare",
	    { "rideshare" } },
	{ "transporte|corridas|viagens|carros por|de aplicativo|app|apps", ALL_LANGS, "rideshare",
	    { "rideshare" } },
	{ "fuel|petrol|gasoline|gasolina|combustivel|combustiveis|combustible|diesel|etanol|"
	    "gasolinera|gasolineras|posto|postos", ALL_LANGS, "fuel", { "fuel" } },
	{ "public transport|transit|transportation", ALL_LANGS, "public_transit",
	    { "public_transit" } },
	{ "transporte publico", ALL_LANGS, "public_transit", { "public_transit" } },
	{ "bus|buses|subway|metro|train|trains|transit|onibus|trem|trens|autobus|autobuses|"
	    "tren|trenes|colectivo|colectivos", ALL_LANGS, "public_transit",
	    { "public_transit" } },
	{ "parking|estacionamento|estacionamentos|estacionamiento|aparcamiento|parquimetro",
	    ALL_LANGS, "parking", { "parking" } },
	{ "toll|tolls|pedagio|pedagios|peaje|peajes", ALL_LANGS, "tolls", { "tolls" } },
	{ "flight|flights|airfare|airline|airlines|voo|voos|vuelo|vuelos", ALL_LANGS, "airfare",
	    { "airfare" } },
	{ "passagem|passagens aerea|aereas", ALL_LANGS, "airfare", { "airfare" } },
	{ "mechanic|mecanico|oficina|taller|ipva", ALL_LANGS, "car_maintenance",
	    { "car_maintenance" } },
	{ "car repair|repairs|wash", ALL_LANGS, "car_maintenance", { "car_maintenance" } },
	{ "rent|aluguel|alquiler|renta", ALL_LANGS, "rent", { "rent" } },
	{ "mortgage|hipoteca", ALL_LANGS, "mortgage", { "mortgage" } },
	{ "condo|condominio|hoa|expensas", ALL_LANGS, "condo_fees", { "condo_fees" } },
	{ "furniture|moveis|muebles", ALL_LANGS, "furniture", { "furniture" } },
	{ "electricity|luz|energia|electricidad", ALL_LANGS, "electricity", { "electricity" } },
	{ "internet|wifi|broadband|fibra", ALL_LANGS, "internet", { "internet" } },
	{ "banda larga|ancha", ALL_LANGS, "internet", { "internet" } },
	{ "celular|telefone|telefono|movil", ALL_LANGS, "phone", { "phone" } },
	{ "cable|tv", ALL_LANGS, "tv", { "tv" } },
	{ "pharmacy|pharmacies|drugstore|medicine|medicines|farmacia|farmacias|remedio|remedios|"
	    "medicamento|medicamentos|drogaria|drogarias", ALL_LANGS, "pharmacy",
	    { "pharmacy" } },
	{ "doctor|doctors|medical|clinic|hospital|medico|medicos|consulta|consultas|exame|exames|"
	    "clinica|clinicas", ALL_LANGS, "doctor", { "doctor" } },
	{ "dentist|dental|dentista|dentistas", ALL_LANGS, "dental", { "dental" } },
	{ "gym|gyms|fitness|academia|gimnasio|gimnasios|crossfit|pilates|yoga", ALL_LANGS,
	    "fitness", { "fitness" } },
	{ "insurance|seguro|seguros", ALL_LANGS, "insurance", { "insurance" } },
	{ "streaming", ALL_LANGS, "streaming", { "streaming" } },
	{ "games|gaming|videogame|videogames|jogos|videojuegos|juegos", ALL_LANGS, "games",
	    { "games" } },
	{ "video games", ALL_LANGS, "games", { "games" } },
	{ "movies|cinema|cine|concert|concerts|theater|theatre|teatro|events|eventos|ingressos",
	    ALL_LANGS, "events", { "events" } },
	{ "hotel|hotels|hoteis|hoteles|travel|trip|trips|viagem|viagens|viaje|viajes|"
	    "hospedagem|alojamiento|vacation|vacations|ferias|vacaciones", ALL_LANGS, "travel",
	    { "travel" } },
	{ "hobby|hobbies|aficion|aficiones", ALL_LANGS, "hobbies", { "hobbies" } },
	{ "tuition|mensalidade|mensalidades|colegiatura|colegiaturas|faculdade|universidad|"
	    "college", ALL_LANGS, "tuition", { "tuition" } },
	{ "school fees", ALL_LANGS, "tuition", { "tuition" } },
	{ "course|courses|curso|cursos|classes|aulas|clases|lessons", ALL_LANGS, "courses",
	    { "courses" } },
	{ "book|books|livro|livros|libro|libros", ALL_LANGS, "books", { "books" } },
	{ "school supplies", ALL_LANGS, "supplies", { "supplies" } },
	{ "material|utiles escolar|escolares", ALL_LANGS, "supplies", { "supplies" } },
	{ "shoes|sneakers|tenis|sapato|sapatos|zapato|zapatos|zapatillas|calcado|calcados|"
	    "calzado", ALL_LANGS, "shoes", { "shoes" } },
	{ "haircut|haircuts|hairdresser|barber|salon|beauty|cosmetics|cabelo|cabeleireiro|"
	    "barbeiro|salao|manicure|peluqueria|belleza|cosmeticos", ALL_LANGS,
	    "personal_care", { "personal_care" } },
	{ "pet|pets|vet|veterinarian|petshop|racao|veterinario|mascota|mascotas|perro|perros|"
	    "gato|gatos|cachorro|cachorros|dog|dogs|cat|cats|puppy", ALL_LANGS, "pets",
	    { "pets" } },
	{ "gift|gifts|presente|presentes|regalo|regalos|donation|donations|doacao|doacoes|"
	    "donacion|donaciones", ALL_LANGS, "gifts", { "gifts" } },
	{ "taxes|impostos|impuestos", ALL_LANGS, "taxes", { "taxes" } },
	{ "bank|banking fees|charges", ALL_LANGS, "bank_fees", { "bank_fees" } },
	{ "fees|tarifas|comisiones|anuidade|anuidades", ALL_LANGS, "bank_fees",
	    { "bank_fees" } },
	{ "withdrawal|withdrawals|saque|saques|atm|retiros|cajero", ALL_LANGS, "cash",
	    { "cash" } },
	{ "electronics|gadget|gadgets|eletronico|eletronicos|electronica|electronicos",
	    ALL_LANGS, "electronics", { "electronics" } },
	{ "daycare|babysitter|babysitting|nanny|creche|baba|guarderia|ninera", ALL_LANGS,
	    "childcare", { "childcare" } },
};

/*
 * Merchants the categoriser knows whose names are also everyday words in
 * one of the three languages ("claro", "dia", "target"), or a phrase ("pague
 * menos"): in a question they are the word, not the merchant.
 */
#define MERCHANT_STOP "ara|tim|sky|orange|lime|aki|disco|exito|lider|jumbo|consum|sonda|" \
	"mambo|mango|gap|wizard|regal|steam|arco|prio|claro|vivo|bolt|subway|target|" \
	"booking|liverpool|amc|raia|coto|wong|hm|marisa|gandhi|bart|mobil|fisk|latam|" \
	"spectrum|paris cl|personal movil|light sa|max com|pague menos|just eat|la comer|" \
	"nos cinemas|extra hiper|big bompreco|food lion|bp|d1|heb|h e b|edp|cfe|emt|tmb|" \
	"mta|uci|cea|att|amzn|psn|hbo|unidas|movida|hering|renner|fleury|amil|dasa|" \
	"pacheco|ripley|coppel|elektra|falabella|riachuelo"

/* Everyday words that a user's merchant may be called too. */
#define COMMON_WORDS "extra|super|center|centro|casa|plus|express|market|mercado|dia|" \
	"month|mes|week|semana|total|food|comida|store|loja|tienda|shop|real|central|" \
	"first|last|more|mais|mas|sale|salud|saude|bem|bien|good|best|top|nova|nuevo|new"

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
	{ "almuerzo*|cena|cenas|desayuno*|cafeteria|alimentacion", CAT_FOOD },
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
	{ "lo que va de|del mes", CAL_THIS_MONTH },
	{ "so far this month", CAL_THIS_MONTH },
	{ "last year", CAL_LAST_YEAR },
	{ "ano passado|pasado", CAL_LAST_YEAR },
	{ "this|current year", CAL_THIS_YEAR },
	{ "este|esse|neste|nesse|deste|desse ano", CAL_THIS_YEAR },
	{ "lo que va de|del ano", CAL_THIS_YEAR },
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

/* The earliest match in the message; among matches at one word, the first line of the table. */
int
cm_period_from(const struct cm_words *w, size_t from, enum cal_period *out, size_t *at,
    size_t *end)
{
	size_t	 i, a, e, best = SIZE_MAX;

	for (i = 0; i < sizeof(period_words) / sizeof(period_words[0]); i++)
		if (cm_find_from(w, from, period_words[i].pat, &a, &e) && a < best) {
			best = a;
			*out = period_words[i].p;
			*at = a;
			*end = e;
		}
	return best != SIZE_MAX;
}

static int	subject_any(const struct cm_words *w);

/*
 * A spending question without a spending word: "food last month?", "quanto
 * com uber?", "groceries in November", or a subject alone ("uber?").
 */
static int
spending_by_topic(const struct cm_words *w)
{
	if (!subject_any(w))
		return 0;
	return cw_said(w) || any_pat(w, howmuch_pats) || any_pat(w, top_pats) ||
	    any_pat(w, average_pats) || any_pat(w, compare_pats) || w->n <= 3;
}

static const char *const which_month_pats[] = {
	"which|what month", "qual|que|cual mes", "mes mais|mas caro|cara|alto|alta",
	"most expensive|costly month", "month with the? most|highest", "mes em|en que|donde",
	NULL
};

int
cm_asks_which_month(const struct cm_words *w)
{
	return any_pat(w, which_month_pats);
}

int
cm_asks_amount(const struct cm_words *w)
{
	return cw_said(w) || any_pat(w, howmuch_pats) || any_pat(w, top_pats) ||
	    any_pat(w, average_pats) || any_pat(w, compare_pats) || w->n <= 3;
}

static int	asks_where(const struct cm_words *w);

/* A question about the biggest expenses or where money goes, in any words. */
static int
spending_by_shape(const struct cm_words *w)
{
	return asks_where(w) || any_pat(w, top_pats) || spending_by_topic(w);
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
	[CM_INVEST] = { invest_pats, NULL, { "advice_request", "general", "neutral" } },
	[CM_TAX] = { tax_pats, NULL, { "advice_request", "general", "neutral" } },
	[CM_RECURRING] = { recurring_pats, NULL, { "progress_check", "spending", "neutral" } },
	[CM_SPENDING] = { spend_pats, spending_by_shape,
	    { "progress_check", "spending", "neutral" } },
	[CM_GOAL_UPDATE] = { goal_update_pats, NULL, { "goal_update", "goals", "encouraging" } },
	[CM_NEXT] = { next_pats, NULL, { "advice_request", "general", "encouraging" } },
	[CM_PROGRESS] = { progress_pats, NULL, { "progress_check", "goals", "encouraging" } },
	[CM_DEBT] = { debt_pats, NULL, { "progress_check", "debt", "encouraging" } },
	[CM_SAVINGS] = { savings_pats, NULL, { "progress_check", "savings", "encouraging" } },
	[CM_INCOME] = { income_pats, NULL, { "progress_check", "general", "neutral" } },
	[CM_OFFTOPIC] = { offtopic_pats, NULL, { "advice_request", "general", "neutral" } },
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

/*
 * A note without a verb: at most six words besides its numbers, none of a
 * statement or a question, naming something the categoriser knows.
 */
static int
is_note(const struct cm_words *w, const char *msg)
{
	struct cat_result cr;
	size_t	 i, k, words = 0;

	if (strchr(msg, '?') != NULL || any_pat(w, not_note_pats) || any_pat(w, afford_pats))
		return 0;
	for (i = 0; i < w->n; i++) {
		for (k = 0; k < w->len[i]; k++) {
			char c = w->text[w->off[i] + k];

			if (c >= 'a' && c <= 'z')
				break;
		}
		words += k < w->len[i];
	}
	if (words == 0 || words > 6)
		return 0;
	categorize(msg, &cr);
	return cr.category != CAT_OTHER || cr.merchant[0] != '\0';
}

/* Words of a statement about savings or debt, not of money moved now ("I have 2000 saved"). */
static const char *const not_moved_pats[] = {
	"have|has|tenho|tem|temos|tengo|tiene|tenemos|total|balance|saldo|goal|goals|meta|metas|"
	    "objetivo|plan|plano|want|quero|quiero|need|preciso|necesito|will|vou|voy|going|if|"
	    "se|si|should|deberia|can|posso|puedo|monthly|mensal|mensais|mensual|mensuales",
	"per|a|each|every month|week", "por|ao|al|cada|todo mes|semana", NULL
};

int
cm_is_spending_log(const struct cm_words *w, const char *msg)
{
	if (msg == NULL || any_pat(w, question_pats))
		return 0;
	if (any_pat(w, log_verb_pats))
		return states_amount(msg);
	if (cm_log_kind(w) != KIND_SPENDING)
		return !any_pat(w, not_moved_pats) && states_amount(msg);
	return is_note(w, msg) && states_amount(msg);
}

/* ---- subjects, shapes and splits of a spending question ------------------------- */

/* 1 if pattern (folded words) is in the '|'-separated list. */
static int
listed(const char *list, const char *pattern)
{
	const char *p = list;
	size_t	 n = strlen(pattern);

	while (*p) {
		const char *bar = strchr(p, '|');
		size_t alen = bar ? (size_t)(bar - p) : strlen(p);

		if (alen == n && memcmp(p, pattern, n) == 0)
			return 1;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	return 0;
}

/* 1 if a rule's pattern is plain folded words a question can name. */
static int
plain_pattern(const char *p)
{
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == ' '))
			return 0;
	return 1;
}

/* The merchant of the longest merchant rule w names, or 0. */
static int
merchant_of(const struct cm_words *w, char *out, size_t outlen)
{
	size_t	 i, best_len = 0;
	const char *best = NULL;

	for (i = 0; i < cat_nrules; i++) {
		const struct cat_rule *r = &cat_rules[i];
		size_t len;

		if (r->merchant == NULL || !plain_pattern(r->pattern) ||
		    listed(MERCHANT_STOP, r->pattern) || (len = strlen(r->pattern)) <= best_len ||
		    !cm_find(w, r->pattern))
			continue;
		best = r->merchant;
		best_len = len;
	}
	if (best == NULL)
		return 0;
	lang_clip(out, outlen, best);
	return 1;
}

/*
 * 1 if w names a merchant of the user's own transactions: the folded words
 * of name, in a row. A name of digits ("99") only after a word of place
 * ("no 99") and before no word of money; a short one or an everyday word
 * ("Mango", "Extra", "Dia") only when msg writes it with its capital, past
 * the first word; loose, any name of letters.
 */
int
cm_names_merchant(const struct cm_words *w, const char *msg, const char *name, int loose)
{
	char	 f[CM_MERCHANT_MAX * 2];
	size_t	 flen, i, nw = 1, k, at, pos;
	const char *p;
	int	 letters = 0;

	if (name == NULL || msg == NULL ||
	    (flen = categorize_fold(name, strnlen(name, CM_MERCHANT_MAX), f, sizeof(f))) == 0)
		return 0;
	for (k = 0; k < flen; k++) {
		nw += f[k] == ' ';
		letters |= f[k] >= 'a' && f[k] <= 'z';
	}
	for (i = 0; i + nw <= w->n; i++) {
		/* the words from i on, as one folded string */
		at = w->off[i];
		pos = w->off[i + nw - 1] + w->len[i + nw - 1];
		if (pos - at == flen && memcmp(w->text + at, f, flen) == 0)
			break;
	}
	if (i + nw > w->n)
		return 0;
	/* digits ("99") only as a place, never as money: "no 99", "paguei de 99" */
	if (!letters)
		return i > 0 && (cm_word_is(w, i - 1, "no|na|com|at|en|pelo|pela|do|da|con") ||
		    (i > 1 && cm_word_is(w, i - 1, "de") &&
		    cm_word_is(w, i - 2, "paguei|gastei|pague|gaste|pago|gasto"))) &&
		    !cm_word_is(w, i + nw, "reais|real|dollars|dollar|bucks|dolares|euros|euro|"
		    "pesos|usd|brl|eur|mxn|mil|k") &&
		    !(cm_word_is(w, i + nw, "a|ate|e|y|to|and|al") && i + nw + 1 < w->n &&
		    w->text[w->off[i + nw + 1]] >= '0' && w->text[w->off[i + nw + 1]] <= '9');
	if (loose || (flen > 3 && !listed(MERCHANT_STOP, f) && !cm_word_is(w, i, COMMON_WORDS)))
		return 1;
	/* the name as written, capital first, after the first character of msg */
	for (p = msg + 1; (p = strstr(p, name)) != NULL; p++)
		if (name[0] >= 'A' && name[0] <= 'Z' && (p[-1] == ' ' || p[-1] == '\'' ||
		    p[-1] == '"' || p[-1] == '(') && !((p[strlen(name)] | 32) >= 'a' &&
		    (p[strlen(name)] | 32) <= 'z'))
			return 1;
	return 0;
}

/* The category sub refines, when it refines only one. */
static int
only_category(const char *sub, enum category *out)
{
	const struct subcat_info *all;
	size_t	 n, i, seen = 0;

	all = subcategories(&n);
	for (i = 0; i < n; i++)
		if (strcmp(all[i].name, sub) == 0) {
			*out = all[i].category;
			seen++;
		}
	return seen == 1;
}

static int
subcat_of(const struct cm_words *w, enum lang lang, struct cm_subject *out)
{
	size_t	 i, k;

	for (i = 0; i < sizeof(sub_words) / sizeof(sub_words[0]); i++) {
		const struct sub_word *sw = &sub_words[i];

		if ((sw->langs != ALL_LANGS && lang != LANG_COUNT && !(sw->langs & ONLY(lang))) ||
		    !cm_find(w, sw->pat))
			continue;
		if (sw->name == NULL)
			return 0;
		out->name = sw->name;
		for (k = 0; k < CM_MAX_SUBS && sw->subs[k] != NULL; k++)
			out->subs[out->nsubs++] = sw->subs[k];
		out->has_cat = only_category(out->subs[0], &out->cat);
		return 1;
	}
	return 0;
}

int
cm_subject(const struct cm_words *w, enum lang lang, struct cm_subject *out)
{
	memset(out, 0, sizeof(*out));
	out->cat = CAT_COUNT;
	if (merchant_of(w, out->merchant, sizeof(out->merchant)))
		return 1;
	if (subcat_of(w, lang, out))
		return 1;
	out->has_cat = cm_category(w, &out->cat);
	if (!out->has_cat)
		out->cat = CAT_COUNT;
	return out->has_cat;
}

/* Words after "on", "com", "en" that name no subject: periods, totals, fillers. */
#define NOT_SUBJECT "a|an|the|my|our|your|o|os|as|um|uma|meu|meus|minha|minhas|seu|sua|el|" \
	"la|los|las|lo|un|una|mi|mis|tu|tus|su|sus|this|that|these|those|last|past|next|" \
	"este|esta|esse|essa|isso|isto|eso|esto|ese|esa|ultimo|ultimos|ultima|ultimas|" \
	"passado|passada|pasado|pasada|proximo|proxima|total|average|avg|media|promedio|" \
	"everything|all|tudo|todo|todos|todas|geral|general|stuff|things|coisas|cosas|" \
	"day|days|week|weeks|weekend|weekends|month|months|year|years|dia|dias|semana|" \
	"semanas|mes|meses|ano|anos|fim|fin|fines|today|yesterday|hoje|ontem|hoy|ayer|" \
	"it|them|que|what|which|so|far|agora|ahora|now|period|periodo|momento|moment|" \
	"de|do|da|del|of|per|por|cada|each|every|january|february|march|april|may|june|" \
	"july|august|september|october|november|december|janeiro|fevereiro|marco|abril|" \
	"maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|" \
	"mayo|junio|julio|septiembre|octubre|noviembre|diciembre|jan|feb|mar|apr|jun|jul|" \
	"aug|sep|sept|oct|nov|dec|more|less|mais|menos|mas|than|primeiro|primera|first|" \
	"second|segundo|segunda|morning|night|noite|noche|manha|manana|tarde|cash|card|" \
	"money|dinheiro|dinero|average|money|spending|gastos|gasto|despesas|compras"

void
cm_unread_subject(const struct cm_words *w, char *out, size_t outlen)
{
	size_t	 i, j, k, n, len;

	out[0] = '\0';
	for (i = 0; i + 1 < w->n; i++) {
		if (!cm_word_is(w, i, "on|at|for|com|no|na|nos|nas|em|en|con|pelo|pela"))
			continue;
		for (j = i + 1; j < w->n && cm_word_is(w, j, "a|an|the|my|our|o|os|as|um|uma|"
		    "meu|meus|minha|minhas|el|la|los|las|un|una|mi|mis"); j++)
			;
		/* up to three words of no period, number or filler */
		for (k = j, n = 0; k < w->n && n < 3; k++, n++)
			if (cm_word_is(w, k, NOT_SUBJECT) || (w->text[w->off[k]] >= '0' &&
			    w->text[w->off[k]] <= '9'))
				break;
		if (n == 0)
			continue;
		len = w->off[k - 1] + w->len[k - 1] - w->off[j];
		if (len > outlen - 1)
			len = outlen - 1;
		memcpy(out, w->text + w->off[j], len);
		out[len] = '\0';
		return;
	}
}

int
cm_than_at(const struct cm_words *w, size_t *than)
{
	size_t	 at, end;

	return cm_find_from(w, 0, "more|less|mais|menos|mas", &at, &end) &&
	    cm_find_from(w, end, "than|que", than, NULL);
}

/* "more on coffee in November than in October": a comparative, then "than" or "que". */
static int
compares(const struct cm_words *w)
{
	size_t	 at;

	return cm_than_at(w, &at);
}

/* "where do I spend the most", "onde eu mais gasto": a word for where, and one for most. */
static int
asks_where(const struct cm_words *w)
{
	return any_pat(w, where_pats) || (cm_find(w, "where|onde|donde") &&
	    cm_find(w, "most|mais|mas"));
}

enum cm_shape
cm_shape_of(const struct cm_words *w)
{
	if (asks_where(w))
		return CM_SH_WHERE;
	if (any_pat(w, top_pats))
		return CM_SH_TOP;
	if (any_pat(w, compare_pats) || compares(w))
		return CM_SH_COMPARE;
	if (any_pat(w, average_pats))
		return CM_SH_AVERAGE;
	if (any_pat(w, list_pats))
		return CM_SH_LIST;
	return CM_SH_TOTAL;
}

enum cm_filter
cm_filter_of(const struct cm_words *w)
{
	size_t	 i;
	int	 breakfast = cm_find(w, "cafe da|de manha");

	for (i = 0; i < sizeof(filter_words) / sizeof(filter_words[0]); i++)
		if ((filter_words[i].f != CM_F_TIME || !breakfast) &&
		    cm_find(w, filter_words[i].pat))
			return filter_words[i].f;
	return CM_F_NONE;
}

/* ---- what a log moves -------------------------------------------------------------- */

enum txn_kind
cm_log_kind(const struct cm_words *w)
{
	int	 savings = cm_find(w, SAVINGS_NOUNS);

	if (any_pat(w, save_verb_pats) || (cm_find(w, MOVE_VERBS) && savings))
		return KIND_SAVINGS_CONTRIBUTION;
	if (cm_find(w, PAY_VERBS) && cm_find(w, DEBT_NOUNS) && !any_pat(w, not_debt_pats))
		return KIND_DEBT_PAYMENT;
	if (any_pat(w, transfer_pats) && !savings)
		return KIND_TRANSFER;
	return KIND_SPENDING;
}

/* 1 if w names a merchant, subcategory or category in any language. */
static int
subject_any(const struct cm_words *w)
{
	struct cm_subject sj;
	enum category	 c;

	memset(&sj, 0, sizeof(sj));
	return merchant_of(w, sj.merchant, sizeof(sj.merchant)) ||
	    subcat_of(w, LANG_COUNT, &sj) || cm_category(w, &c);
}
