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

int
lesson_points(const char *task_type)
{
	if (task_type != NULL && strcmp(task_type, "do") == 0)
		return POINTS_DO;
	if (task_type != NULL && strcmp(task_type, "learn") == 0)
		return POINTS_LEARN;
	return POINTS_MIND;
}
