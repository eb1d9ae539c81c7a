/*
 * lessons.c: the lesson and reflection tables and their rotation. Row i of
 * every language is the same lesson, so a user switching language mid-way
 * keeps the same sequence.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "domain/lang.h"
#include "domain/lessons.h"
#include "domain/money_fmt.h"

/*
 * Strides co-prime to LESSON_COUNT (12): n -> (n * stride) mod 12 is then a
 * permutation of 0..11, so 12 consecutive cycles see 12 different titles.
 * Learn and mind use different strides so the pairs differ from user to user.
 */
#define LEARN_STRIDE	5
#define MIND_STRIDE	7

static const char *const learn[LESSON_COUNT][LANG_COUNT] = {
	{ "Pay yourself first", "Pague-se primeiro", "Págate a ti primero" },
	{ "Why an emergency fund comes first", "Por que a reserva de emergência vem primeiro",
	  "Por qué el fondo de emergencia va primero" },
	{ "How compound interest works", "Como funcionam os juros compostos",
	  "Cómo funciona el interés compuesto" },
	{ "Needs, wants and savings: the 50/30/20 split", "Necessidades, desejos e poupança: a divisão 50/30/20",
	  "Necesidades, deseos y ahorro: la regla 50/30/20" },
	{ "Avalanche or snowball: paying off debt", "Avalanche ou bola de neve: como quitar dívidas",
	  "Avalancha o bola de nieve: cómo pagar deudas" },
	{ "What an interest rate really costs you", "Quanto uma taxa de juros custa de verdade",
	  "Cuánto te cuesta de verdad una tasa de interés" },
	{ "Automate your savings", "Automatize sua poupança", "Automatiza tu ahorro" },
	{ "Small subscriptions add up", "Pequenas assinaturas somam muito", "Las pequeñas suscripciones suman" },
	{ "Inflation and your savings", "A inflação e sua poupança", "La inflación y tus ahorros" },
	{ "Diversification in plain words", "Diversificação em palavras simples",
	  "Diversificación en palabras sencillas" },
	{ "Reading your monthly statement", "Como ler seu extrato do mês", "Cómo leer tu extracto mensual" },
	{ "Setting a goal you can measure", "Como definir uma meta mensurável", "Cómo fijar una meta medible" },
};

/*
 * Lessons beyond the general ones, for the plan's focus; with learn[] they
 * make the library the topics draw from (index LESSON_COUNT + i).
 */
static const char *const more[][LANG_COUNT] = {
	/* 12 */ { "Minimum payments keep you in debt longer", "Pagar só o mínimo prende você na dívida",
	  "Pagar solo el mínimo te mantiene endeudado más tiempo" },
	/* 13 */ { "Card revolving credit: the most expensive money there is",
	  "Rotativo do cartão: o dinheiro mais caro que existe",
	  "El crédito revolvente de la tarjeta: el dinero más caro que hay" },
	/* 14 */ { "Refinancing: trade an expensive debt for a cheaper one",
	  "Portabilidade e renegociação: troque dívida cara por barata",
	  "Refinanciar: cambia una deuda cara por una más barata" },
	/* 15 */ { "Monthly and yearly rates: how 12% a month becomes 290% a year",
	  "Juros ao mês e ao ano: como 12% ao mês viram 290% ao ano",
	  "Interés mensual y anual: cómo el 12% al mes se vuelve un 290% al año" },
	/* 16 */ { "Stop the debt from growing: pause new card purchases",
	  "Pare a dívida de crescer: segure novas compras no cartão",
	  "Que la deuda no crezca: pausa las compras con tarjeta" },
	/* 17 */ { "Where to keep an emergency fund", "Onde guardar a reserva de emergência",
	  "Dónde guardar el fondo de emergencia" },
	/* 18 */ { "How big an emergency fund should be", "De que tamanho deve ser a reserva de emergência",
	  "De qué tamaño debe ser el fondo de emergencia" },
	/* 19 */ { "What counts as an emergency, and what does not", "O que é emergência, e o que não é",
	  "Qué es una emergencia, y qué no lo es" },
	/* 20 */ { "Refill the fund after you use it", "Reponha a reserva depois de usar",
	  "Repón el fondo después de usarlo" },
	/* 21 */ { "Split a big goal into monthly steps", "Divida uma meta grande em passos mensais",
	  "Divide una meta grande en pasos mensuales" },
	/* 22 */ { "Make saving a habit: the same day every month", "Poupar vira hábito: no mesmo dia todo mês",
	  "Ahorrar como hábito: el mismo día cada mes" },
	/* 23 */ { "Costs and fees: the return you keep", "Custos e taxas: o retorno que fica com você",
	  "Costes y comisiones: la rentabilidad que te quedas" },
	/* 24 */ { "Index funds: a bit of the whole market", "Fundos de índice: um pedaço do mercado inteiro",
	  "Fondos indexados: un trozo de todo el mercado" },
	/* 25 */ { "Risk, time and your horizon", "Risco, tempo e o seu horizonte",
	  "Riesgo, tiempo y tu horizonte" },
	/* 26 */ { "Invest on a schedule, not on the news", "Invista com regularidade, não pelas notícias",
	  "Invierte con regularidad, no según las noticias" },
	/* 27 */ { "Rebalancing once a year", "Rebalancear uma vez por ano", "Reequilibrar una vez al año" },
	/* 28 */ { "Track a whole month of spending", "Acompanhe um mês inteiro de gastos",
	  "Registra un mes entero de gastos" },
	/* 29 */ { "Big costs first: housing, transport, food", "Primeiro os grandes custos: moradia, transporte, comida",
	  "Primero los grandes gastos: vivienda, transporte, comida" },
	/* 30 */ { "More income: small steps that add up", "Mais renda: pequenos passos que somam",
	  "Más ingresos: pequeños pasos que suman" },
	/* 31 */ { "Talk to your lenders before you fall behind", "Negocie com os credores antes de atrasar",
	  "Habla con tus acreedores antes de atrasarte" },
};

#define TOPIC_HALF	(LESSON_COUNT / 2)
#define TOPIC_STRIDE	5	/* co-prime to TOPIC_HALF (6) */

/*
 * A topic's lessons (library indices): on the topic, for even cycles, and
 * companions, for odd ones; the twelve are distinct.
 */
static const struct topic {
	const char	*name;
	unsigned char	 own[TOPIC_HALF], companion[TOPIC_HALF];
} topics[] = {
	{ "debt", { 4, 12, 13, 14, 15, 16 }, { 5, 10, 31, 3, 7, 1 } },
	{ "emergency", { 1, 17, 18, 19, 20, 6 }, { 0, 3, 7, 8, 10, 11 } },
	{ "saving", { 0, 21, 22, 11, 6, 8 }, { 3, 7, 2, 10, 1, 17 } },
	{ "investing", { 9, 23, 24, 25, 26, 27 }, { 2, 8, 6, 0, 11, 5 } },
	{ "budget", { 3, 28, 29, 7, 30, 10 }, { 31, 16, 0, 5, 19, 11 } },
};

static const struct topic *
topic_of(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof(topics) / sizeof(topics[0]); i++)
		if (strcmp(topics[i].name, name) == 0)
			return &topics[i];
	return NULL;
}

static const char *const mind[LESSON_COUNT][LANG_COUNT] = {
	{ "What purchase this week felt best, and why?", "Qual compra desta semana foi a melhor, e por quê?",
	  "¿Qué compra de esta semana te hizo sentir mejor, y por qué?" },
	{ "Picture the day you reach your goal", "Imagine o dia em que você alcança sua meta",
	  "Imagina el día en que alcanzas tu meta" },
	{ "Notice one spending trigger", "Perceba um gatilho de gasto", "Nota un detonante de gasto" },
	{ "Name one thing you are grateful for that was free", "Cite algo gratuito pelo qual você é grato",
	  "Nombra algo gratis por lo que estés agradecido" },
	{ "Wait 24 hours before one purchase", "Espere 24 horas antes de uma compra",
	  "Espera 24 horas antes de una compra" },
	{ "How do you feel when you check your balance?", "Como você se sente ao ver seu saldo?",
	  "¿Cómo te sientes al mirar tu saldo?" },
	{ "Celebrate one small win", "Comemore uma pequena vitória", "Celebra un pequeño logro" },
	{ "Write down a money belief from childhood", "Anote uma crença sobre dinheiro da infância",
	  "Escribe una creencia sobre el dinero de tu infancia" },
	{ "Which expense would you not miss?", "De qual gasto você não sentiria falta?",
	  "¿Qué gasto no echarías de menos?" },
	{ "Talk about money with someone you trust", "Converse sobre dinheiro com alguém de confiança",
	  "Habla de dinero con alguien de confianza" },
	{ "Forgive one past money mistake", "Perdoe um erro financeiro do passado",
	  "Perdona un error financiero del pasado" },
	{ "What does enough mean to you?", "O que é o suficiente para você?", "¿Qué significa suficiente para ti?" },
};

struct do_text {
	const char	*fmt_verb;	/* before the amount */
	const char	*fmt_to;	/* between the amount and the goal */
	const char	*your_goal;	/* when the goal has no name */
};

static const struct do_text do_texts[LANG_COUNT] = {
	{ "Move", "to", "your goal" },
	{ "Guarde", "para", "sua meta" },
	{ "Aparta", "para", "tu meta" },
};

/* Row of cycle n: reduce before multiplying so unsigned wrap-around cannot break the permutation. */
static unsigned
rotate(unsigned n, unsigned seed, unsigned stride)
{
	return ((n % LESSON_COUNT) * stride + seed % LESSON_COUNT) % LESSON_COUNT;
}

const char *
lesson_learn(unsigned n, unsigned seed, const char *language)
{
	return learn[rotate(n, seed, LEARN_STRIDE)][lang_of(language)];
}

const char *
lesson_mind(unsigned n, unsigned seed, const char *language)
{
	return mind[rotate(n, seed / LESSON_COUNT, MIND_STRIDE)][lang_of(language)];
}

int
lesson_do_title(int64_t cents, const char *currency, const char *language,
    const char *goal_name, char *out, size_t outlen)
{
	const struct do_text	*t;
	char			 amount[64];
	int			 n;

	if (out == NULL || outlen == 0)
		return -1;
	out[0] = '\0';
	if (currency == NULL || language == NULL)
		return -1;
	t = &do_texts[lang_of(language)];
	if (money_format(cents, currency, language, amount, sizeof(amount)) == -1)
		return -1;
	if (goal_name == NULL || goal_name[0] == '\0')
		goal_name = t->your_goal;
	n = snprintf(out, outlen, "%s %s %s %s", t->fmt_verb, amount, t->fmt_to, goal_name);
	if (n < 0 || (size_t)n >= outlen) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* Library entry i (learn[] then more[]) in language l. */
static const char *
library(unsigned i, enum lang l)
{
	return i < LESSON_COUNT ? learn[i][l] : more[i - LESSON_COUNT][l];
}

int
lesson_topic_known(const char *topic)
{
	return topic_of(topic) != NULL;
}

const char *
lesson_learn_for(unsigned n, unsigned seed, const char *language, const char *topic)
{
	const struct topic	*t = topic_of(topic);
	unsigned		 pos = n % LESSON_COUNT, half = pos / 2;

	if (t == NULL)
		return lesson_learn(n, seed, language);
	/* even positions the topic's own lessons, odd ones the companions: 12 distinct */
	if (pos % 2 == 0)
		return library(t->own[(half * TOPIC_STRIDE + seed % TOPIC_HALF) % TOPIC_HALF],
		    lang_of(language));
	return library(t->companion[(half * TOPIC_STRIDE + seed / TOPIC_HALF % TOPIC_HALF) %
	    TOPIC_HALF], lang_of(language));
}

/* The do task's wordings by focus: {1} the amount, {2} the name, {3} the period. */
enum do_kind { DO_DEBT, DO_EMERGENCY, DO_INVEST, DO_INVEST_GOAL, DO_CUT, DO_GAP, DO_KINDS };

static const char *const do_for[DO_KINDS][LANG_COUNT] = {
	[DO_DEBT] = { "Pay {1} extra on {2}{3}", "Pague {1} a mais em {2}{3}", "Paga {1} extra a {2}{3}" },
	[DO_EMERGENCY] = { "Move {1} to your emergency fund{3}", "Guarde {1} na reserva de emergência{3}",
	    "Aparta {1} para tu fondo de emergencia{3}" },
	[DO_INVEST] = { "Invest {1}{3}", "Invista {1}{3}", "Invierte {1}{3}" },
	[DO_INVEST_GOAL] = { "Invest {1} toward {2}{3}", "Invista {1} para {2}{3}", "Invierte {1} para {2}{3}" },
	[DO_CUT] = { "Cut {1} from your spending{3}", "Corte {1} dos seus gastos{3}",
	    "Recorta {1} de tus gastos{3}" },
	[DO_GAP] = { "Spend no more than you earn{3}", "Não gaste mais do que ganha{3}",
	    "No gastes más de lo que ganas{3}" },
};

static const struct {
	const char	*cadence;
	const char	*period[LANG_COUNT];
} periods[] = {
	{ "weekly", { " this week", " nesta semana", " esta semana" } },
	{ "biweekly", { " these two weeks", " nestas duas semanas", " estas dos semanas" } },
	{ "twice_monthly", { " this half-month", " nesta quinzena", " esta quincena" } },
	{ "monthly", { " this month", " neste mês", " este mes" } },
};

static const char *const your_debt[LANG_COUNT] = { "your debt", "sua dívida", "tu deuda" };

static const char *
period_of(const char *cadence, enum lang l)
{
	size_t i;

	for (i = 0; cadence && i < sizeof(periods) / sizeof(periods[0]); i++)
		if (strcmp(periods[i].cadence, cadence) == 0)
			return periods[i].period[l];
	return "";
}

static int
is(const char *s, const char *want)
{
	return s != NULL && strcmp(s, want) == 0;
}

int
lesson_do_title_for(int64_t cents, const char *currency, const char *language,
    const char *focus_step, const char *topic, const char *name, const char *cadence,
    char *out, size_t outlen)
{
	enum lang	 l;
	enum do_kind	 k;
	char		 amount[64];
	const char	*args[3];

	if (out == NULL || outlen == 0)
		return -1;
	out[0] = '\0';
	if (currency == NULL || language == NULL)
		return -1;
	l = lang_of(language);
	if (is(focus_step, "high_interest_debt") || (is(focus_step, "goal") && is(topic, "debt")))
		k = DO_DEBT;
	else if (is(focus_step, "starter_emergency_fund") || is(focus_step, "emergency_fund"))
		k = DO_EMERGENCY;
	else if (is(focus_step, "invest"))
		k = DO_INVEST;
	else if (is(focus_step, "goal") && is(topic, "investing"))
		k = name && name[0] ? DO_INVEST_GOAL : DO_INVEST;
	else if (is(focus_step, "close_gap"))
		k = cents > 0 ? DO_CUT : DO_GAP;
	else
		return lesson_do_title(cents, currency, language, name, out, outlen);
	if (money_format(cents, currency, language, amount, sizeof(amount)) == -1)
		return -1;
	args[0] = amount;
	args[1] = name && name[0] ? name : your_debt[l];
	args[2] = period_of(cadence, l);
	if (lang_expand(out, outlen, do_for[k][l], args, 3) == -1) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

int
lesson_points(const char *task_type)
{
	if (task_type != NULL && strcmp(task_type, "do") == 0)
		return POINTS_DO;
	if (task_type != NULL && strcmp(task_type, "learn") == 0)
		return POINTS_LEARN;
	return POINTS_MIND;
}
