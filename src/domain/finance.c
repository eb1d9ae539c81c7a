/*
 * finance.c: the plan engine. The rules are documented in finance.h; the
 * numbers they use (templates, weights, limits) are the tables and macros
 * below, and the words are the text table at the end of the data section.
 */
#include "config.h"

#include <string.h>

#include "domain/calendar.h"
#include "domain/finance.h"
#include "domain/lang.h"
#include "domain/money_fmt.h"

#define NEEDS_MIN_PCT		35
#define NEEDS_MAX_PCT		65
#define WANTS_MIN_PCT		10	/* a plan with no fun money is a plan nobody follows */
#define CUT_ACTIONS_MAX		3
#define DEBT_CLEAR_MONTHS	60	/* the horizon of the "raise your payment" advice */
#define FASTER_PAYOFF_PCT	25	/* "pay 25% more" in the interest-saved advice */
#define RATE_BP_MIN		(-1000000)	/* -10000%: a floor for tiny incomes */
#define MAX_SPEND_MONTHS	120
#define BALANCE_CAP		(FIN_MAX_CENTS * 16)	/* a debt grown past this never ends */
#define FIX_ONE			INT64_C(1000000000)	/* fixed point of the effective rate */
#define MONTH_DEN		INT64_C(100000)		/* milli-percent a month: b * r / 100000 */
#define YEAR_DEN		INT64_C(1200000)	/* milli-percent a year, a twelfth a month */
#define RETURN_DEN		INT64_C(120000)		/* basis points a year, a twelfth a month */
#define MAX_ACTS		48

enum gtype { G_SAVINGS, G_DEBT, G_INVEST, G_COUNT };
enum { P_NEEDS, P_WANTS, P_SAVINGS, P_DEBT };

struct gtype_info {
	const char	*name;
	const char	*alias;
	int		 tmpl[2][4];	/* [has debt][needs, wants, savings, debt] */
	const char	*default_name[LANG_COUNT];
};

static const struct gtype_info gtypes[G_COUNT] = {
	[G_SAVINGS] = { "savings", NULL, { { 50, 30, 20, 0 }, { 50, 30, 10, 10 } },
	    { "your savings goal", "sua meta de poupança", "tu meta de ahorro" } },
	/* A debt goal without a debt is a savings plan. */
	[G_DEBT] = { "debt_payoff", "debt", { { 50, 30, 20, 0 }, { 50, 25, 5, 20 } },
	    { "your debt payoff", "a quitação da dívida", "el pago de tu deuda" } },
	[G_INVEST] = { "investment", NULL, { { 50, 25, 25, 0 }, { 50, 25, 15, 10 } },
	    { "your investment goal", "sua meta de investimento", "tu meta de inversión" } },
};

static const char *const emergency_name[LANG_COUNT] = {
	"your emergency fund", "sua reserva de emergência", "tu fondo de emergencia"
};

/* --- how spending counts (finance.h §3) ------------------------------------- */

enum wgroup { WG_EATING, WG_FUN, WG_CLOTHING, WG_SHOPPING, WG_COUNT };

static const struct {
	const char	*key;
	int		 weight;		/* % of the wants budget */
	const char	*name[LANG_COUNT];
} wgroups[WG_COUNT] = {
	[WG_EATING] = { "eating_out", 30, { "eating out", "comer fora", "comer fuera" } },
	[WG_FUN] = { "entertainment", 30, { "entertainment", "lazer", "ocio" } },
	[WG_CLOTHING] = { "clothing", 15, { "clothing", "vestuário", "ropa" } },
	[WG_SHOPPING] = { "shopping", 25, { "shopping and other wants", "compras e outros desejos",
	    "compras y otros caprichos" } },
};

enum sclass { SC_NONE, SC_NEED, SC_WANT, SC_FOOD };

/* A category's spending of no known subcategory. */
static const struct {
	unsigned char	 cls;
	signed char	 group;
} catclass[CAT_COUNT] = {
	[CAT_FOOD] = { SC_FOOD, WG_EATING },
	[CAT_TRANSPORT] = { SC_NEED, -1 },
	[CAT_HOUSING] = { SC_NEED, -1 },
	[CAT_UTILITIES] = { SC_NEED, -1 },
	[CAT_HEALTH] = { SC_NEED, -1 },
	[CAT_ENTERTAINMENT] = { SC_WANT, WG_FUN },
	[CAT_EDUCATION] = { SC_NEED, -1 },
	[CAT_CLOTHING] = { SC_WANT, WG_CLOTHING },
	[CAT_INCOME] = { SC_NONE, -1 },
	[CAT_OTHER] = { SC_WANT, WG_SHOPPING },
};

/* The subcategories that count otherwise than their category, and the wants' names. */
struct subclass {
	enum category	 category;
	const char	*name;
	unsigned char	 cls;
	signed char	 group;
	const char	*label[LANG_COUNT];
};

static const struct subclass subclasses[] = {
	{ CAT_FOOD, "groceries", SC_NEED, -1, { NULL, NULL, NULL } },
	{ CAT_FOOD, "restaurants", SC_WANT, WG_EATING, { "restaurants", "restaurantes", "restaurantes" } },
	{ CAT_FOOD, "delivery", SC_WANT, WG_EATING, { "delivery", "delivery", "comida a domicilio" } },
	{ CAT_FOOD, "coffee", SC_WANT, WG_EATING, { "coffee shops", "cafés", "cafeterías" } },
	{ CAT_FOOD, "bars", SC_WANT, WG_EATING, { "bars", "bares", "bares" } },
	{ CAT_TRANSPORT, "airfare", SC_WANT, WG_FUN, { "flights", "passagens aéreas", "vuelos" } },
	{ CAT_TRANSPORT, "car_rental", SC_WANT, WG_FUN, { "car rental", "aluguel de carro",
	    "alquiler de coches" } },
	{ CAT_HOUSING, "furniture", SC_WANT, WG_SHOPPING, { "furniture", "móveis", "muebles" } },
	{ CAT_UTILITIES, "tv", SC_WANT, WG_FUN, { "pay TV", "TV por assinatura", "televisión de pago" } },
	{ CAT_HEALTH, "fitness", SC_WANT, WG_FUN, { "the gym", "academia", "gimnasio" } },
	{ CAT_ENTERTAINMENT, "streaming", SC_WANT, WG_FUN, { "streaming", "streaming", "streaming" } },
	{ CAT_ENTERTAINMENT, "subscriptions", SC_WANT, WG_FUN, { "subscriptions", "assinaturas",
	    "suscripciones" } },
	{ CAT_ENTERTAINMENT, "games", SC_WANT, WG_FUN, { "games", "jogos", "juegos" } },
	{ CAT_ENTERTAINMENT, "events", SC_WANT, WG_FUN, { "events", "eventos", "eventos" } },
	{ CAT_ENTERTAINMENT, "travel", SC_WANT, WG_FUN, { "travel", "viagens", "viajes" } },
	{ CAT_ENTERTAINMENT, "hobbies", SC_WANT, WG_FUN, { "hobbies", "hobbies", "aficiones" } },
	{ CAT_CLOTHING, "apparel", SC_WANT, WG_CLOTHING, { "clothes", "roupas", "ropa" } },
	{ CAT_CLOTHING, "shoes", SC_WANT, WG_CLOTHING, { "shoes", "calçados", "zapatos" } },
	{ CAT_CLOTHING, "accessories", SC_WANT, WG_CLOTHING, { "accessories", "acessórios",
	    "accesorios" } },
	{ CAT_OTHER, "subscriptions", SC_WANT, WG_SHOPPING, { "subscriptions", "assinaturas",
	    "suscripciones" } },
	{ CAT_OTHER, "personal_care", SC_WANT, WG_SHOPPING, { "personal care", "cuidados pessoais",
	    "cuidado personal" } },
	{ CAT_OTHER, "gifts", SC_WANT, WG_SHOPPING, { "gifts", "presentes", "regalos" } },
	{ CAT_OTHER, "shopping", SC_WANT, WG_SHOPPING, { "shopping", "compras", "compras" } },
	{ CAT_OTHER, "electronics", SC_WANT, WG_SHOPPING, { "electronics", "eletrônicos",
	    "electrónica" } },
	{ CAT_OTHER, "taxes", SC_NEED, -1, { NULL, NULL, NULL } },
	{ CAT_OTHER, "insurance", SC_NEED, -1, { NULL, NULL, NULL } },
	{ CAT_OTHER, "childcare", SC_NEED, -1, { NULL, NULL, NULL } },
	{ CAT_OTHER, "pets", SC_NEED, -1, { NULL, NULL, NULL } },
	{ CAT_OTHER, "bank_fees", SC_NEED, -1, { NULL, NULL, NULL } },
	{ CAT_OTHER, "cash", SC_NEED, -1, { NULL, NULL, NULL } },
};

#define NSUBCLASSES	(sizeof(subclasses) / sizeof(subclasses[0]))

/* --- the order of priorities and the action items ----------------------------- */

/* personality_type reorders the items after the priorities: rank[kind], lower first. */
struct personality {
	const char	*name;
	int		 max_actions;
	unsigned char	 rank[FA_COUNT];
};

/*
 * Ranks of FA_NO_INCOME, GAP, STARTER, DEBT_FOCUS, DEBT_NEVER, DEBT_SLOW,
 * EMERGENCY, GOAL, TARGET_DATE, INVEST, REACHED, HOUSING, CUT, TRIM,
 * DEBT_FASTER, TRACK, DEBT_NEXT, DEBT_LOW, ROOM: the later steps share a rank, so
 * they keep the order of the priorities.
 */
static const struct personality personalities[] = {
	{ NULL, FIN_MAX_ACTIONS, { 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 0, 2, 3, 5, 4, 4, 0 } },
	/* savers respond to safety and payoff: the next steps first */
	{ "saver", FIN_MAX_ACTIONS, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 2, 4, 1, 5, 0, 0, 0 } },
	/* spenders need the concrete cuts and what they buy */
	{ "spender", FIN_MAX_ACTIONS, { 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2, 0, 1, 3, 5, 4, 4, 0 } },
	/* avoiders act on a few clear steps, not a list */
	{ "avoider", 3, { 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 0, 2, 3, 5, 4, 4, 0 } },
	/* planners want the dates first */
	{ "planner", FIN_MAX_ACTIONS, { 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 3, 2, 4, 5, 6, 1, 1, 0 } },
};

static const char *const step_names[FIN_STEP_COUNT] = {
	"close_gap", "starter_emergency_fund", "high_interest_debt", "emergency_fund", "goal",
	"invest"
};
static const char *const status_names[] = { "done", "current", "pending" };
static const char *const action_names[FA_COUNT] = {
	"no_income", "close_gap", "starter_emergency_fund", "pay_debt", "raise_debt_payment",
	"raise_debt_payment", "emergency_fund", "goal", "goal_target_date", "invest",
	"goal_reached", "housing_share", "cut_wants", "trim_wants", "pay_debt_faster",
	"record_spending", "next_debt", "debt_minimum", "make_room"
};

enum text {
	T_MONTH, T_MONTHS, T_WHOLE_MONTH, T_WHOLE_MONTHS, T_AROUND, T_BEYOND30, T_OVER30,
	T_RATE_MONTH, T_RATE_YEAR, T_RATE_UNKNOWN, T_LINE, T_MOSTLY, T_REST, T_THEN,
	T_DEBT_ONE, T_DEBT_N, T_STEP_GAP, T_STEP_STARTER, T_STEP_EMERGENCY, T_STEP_INVEST,
	S_INCOME, S_GAP, S_NO_INCOME, S_DATA, S_DATA_DATES, S_NO_DATA, S_ORDER,
	S_TIMELINE, S_TIMELINE_DEBT, S_TIMELINE_LATER, S_REACHED, S_REACHED_DEBT,
	S_NEVER, S_BEYOND, S_DEBT, S_DEBTS, S_DEBT_NEVER, S_SPLIT,
	X_NO_INCOME, X_GAP, X_GAP_WANTS, X_GAP_ESSENTIALS, X_STARTER, X_STARTER_NEW, X_DEBT_FOCUS,
	X_DEBT_FOCUS_SLOW, X_DEBT_NEVER, X_DEBT_SLOW, X_DEBT_RENEGOTIATE, X_EMERGENCY, X_EMERGENCY_NEXT,
	X_KEEP, X_GOAL_NEXT, X_GOAL_LATE, X_TARGET_DATE, X_INVEST, X_REACHED, X_HOUSING, X_CUT, X_TRIM,
	X_DEBT_FASTER, X_TRACK, X_DEBT_NEXT, X_DEBT_LOW, X_DEBT_UNKNOWN, X_ROOM, X_ROOM_WANTS,
	X_ROOM_ESSENTIALS, T_COUNT
};

/* {n} is the n-th argument, already formatted; every number comes from the plan. */
static const char *const texts[T_COUNT][LANG_COUNT] = {
	[T_MONTH] = { "{1} month", "{1} mês", "{1} mes" },
	[T_MONTHS] = { "{1} months", "{1} meses", "{1} meses" },
	[T_WHOLE_MONTH] = { "{1} whole month", "{1} mês completo", "{1} mes completo" },
	[T_WHOLE_MONTHS] = { "{1} whole months", "{1} meses completos", "{1} meses completos" },
	[T_AROUND] = { "around {1}", "por volta de {1}", "hacia {1}" },
	[T_BEYOND30] = { "in more than 30 years", "em mais de 30 anos", "en más de 30 años" },
	[T_OVER30] = { "more than 30 years", "mais de 30 anos", "más de 30 años" },
	[T_RATE_MONTH] = { "at {1}% a month ({2}% a year)", "a {1}% ao mês ({2}% ao ano)",
	    "al {1}% al mes ({2}% al año)" },
	[T_RATE_YEAR] = { "at {1}% a year", "a {1}% ao ano", "al {1}% al año" },
	[T_RATE_UNKNOWN] = { "at a rate not given", "a uma taxa não informada",
	    "a una tasa no indicada" },
	[T_LINE] = { "{1}% a year", "{1}% ao ano", "{1}% al año" },
	[T_MOSTLY] = { ", mostly {1}", ", principalmente {1}", ", sobre todo {1}" },
	[T_REST] = { ", minimums on the rest", ", e o mínimo nas outras", ", y el mínimo en las demás" },
	[T_THEN] = { ", then ", ", depois ", ", después " },
	[T_DEBT_ONE] = { "your debt", "sua dívida", "tu deuda" },
	[T_DEBT_N] = { "debt {1}", "dívida {1}", "deuda {1}" },
	[T_STEP_GAP] = { "closing the monthly gap", "fechar a diferença do mês",
	    "cerrar la brecha del mes" },
	[T_STEP_STARTER] = { "a starter emergency fund", "uma reserva de emergência inicial",
	    "un fondo de emergencia inicial" },
	[T_STEP_EMERGENCY] = { "a {1}-month emergency fund", "uma reserva de emergência de {1} meses",
	    "un fondo de emergencia de {1} meses" },
	[T_STEP_INVEST] = { "investing", "investir", "invertir" },
	[S_INCOME] = {
	    "You earn {1} and spend {2} a month, leaving {3} for your goals.",
	    "Você ganha {1} e gasta {2} por mês, sobrando {3} para suas metas.",
	    "Ganas {1} y gastas {2} al mes, y te quedan {3} para tus metas." },
	[S_GAP] = {
	    "You spend {1} more than you earn each month ({2} against {3}), so the plan closes that gap first.",
	    "Você gasta {1} a mais do que ganha por mês ({2} contra {3}), então o plano fecha essa diferença primeiro.",
	    "Gastas {1} más de lo que ganas cada mes ({2} frente a {3}), así que el plan cierra esa brecha primero." },
	[S_NO_INCOME] = {
	    "No income is recorded, so your expenses of {1} a month are not covered yet.",
	    "Nenhuma renda foi registrada, então suas despesas de {1} por mês ainda não estão cobertas.",
	    "No hay ingresos registrados, así que tus gastos de {1} al mes aún no están cubiertos." },
	[S_DATA] = {
	    "Spending averages come from {1} of your transactions.",
	    "As médias de gastos vêm de {1} das suas transações.",
	    "Las medias de gasto salen de {1} de tus movimientos." },
	[S_DATA_DATES] = {
	    "Spending averages come from {1} of your transactions ({2} to {3}).",
	    "As médias de gastos vêm de {1} das suas transações ({2} a {3}).",
	    "Las medias de gasto salen de {1} de tus movimientos ({2} a {3})." },
	[S_NO_DATA] = {
	    "With less than a whole month of transactions, the plan uses your intake's figures.",
	    "Com menos de um mês completo de transações, o plano usa os números do seu cadastro financeiro.",
	    "Con menos de un mes completo de movimientos, el plan usa las cifras de tu ficha financiera." },
	[S_ORDER] = { "The order: {1}.", "A ordem: {1}.", "El orden: {1}." },
	[S_TIMELINE] = {
	    "Putting {1} a month toward {2} ({3}), you get there in {4}, around {5}.",
	    "Guardando {1} por mês para {2} ({3}), você chega lá em {4}, por volta de {5}.",
	    "Apartando {1} al mes para {2} ({3}), llegas en {4}, hacia {5}." },
	[S_TIMELINE_DEBT] = {
	    "Paying {1} a month, {2} ({3}) is done in {4}, around {5}.",
	    "Pagando {1} por mês, {2} ({3}) termina em {4}, por volta de {5}.",
	    "Pagando {1} al mes, {2} ({3}) termina en {4}, hacia {5}." },
	[S_TIMELINE_LATER] = {
	    "After the steps before it, {1} ({2}) is reached in {3}, around {4}.",
	    "Depois dos passos anteriores, você alcança {1} ({2}) em {3}, por volta de {4}.",
	    "Tras los pasos anteriores, {1} ({2}) se alcanza en {3}, hacia {4}." },
	[S_REACHED] = {
	    "Congratulations: you have already reached {1} ({2} of {3})!",
	    "Parabéns: você já alcançou {1} ({2} de {3})!",
	    "¡Felicidades: ya alcanzaste {1} ({2} de {3})!" },
	[S_REACHED_DEBT] = {
	    "Congratulations: {1} is complete, nothing is left to pay!",
	    "Parabéns: {1} está concluída, não falta nada a pagar!",
	    "¡Felicidades: {1} está completo, no queda nada por pagar!" },
	[S_NEVER] = {
	    "At the current pace {1} ({2}) cannot be reached yet; the steps below change that.",
	    "No ritmo atual você ainda não alcança {1} ({2}); os passos abaixo mudam isso.",
	    "Al ritmo actual {1} ({2}) aún no se puede alcanzar; los pasos de abajo lo cambian." },
	[S_BEYOND] = {
	    "At {1} a month, {2} ({3}) takes more than 30 years; the steps below shorten it.",
	    "Com {1} por mês, {2} ({3}) leva mais de 30 anos; os passos abaixo encurtam isso.",
	    "Con {1} al mes, {2} ({3}) tarda más de 30 años; los pasos de abajo lo acortan." },
	[S_DEBT] = {
	    "Your debt of {1} is paid off around {2}.",
	    "Sua dívida de {1} fica quitada por volta de {2}.",
	    "Tu deuda de {1} queda pagada hacia {2}." },
	[S_DEBTS] = {
	    "Your debts of {1} are paid off around {2}, highest rate first.",
	    "Suas dívidas de {1} ficam quitadas por volta de {2}, a de juros mais altos primeiro.",
	    "Tus deudas de {1} quedan pagadas hacia {2}, la de interés más alto primero." },
	[S_DEBT_NEVER] = {
	    "A payment of {1} does not clear your debt of {2}, which charges {3} of interest a month.",
	    "Um pagamento de {1} não quita sua dívida de {2}, que cobra {3} de juros por mês.",
	    "Un pago de {1} no salda tu deuda de {2}, que cobra {3} de intereses al mes." },
	[S_SPLIT] = {
	    "Suggested split of income: {1}% needs, {2}% wants, {3}% savings, {4}% debt.",
	    "Divisão sugerida da renda: {1}% necessidades, {2}% desejos, {3}% poupança, {4}% dívidas.",
	    "Reparto sugerido del ingreso: {1}% necesidades, {2}% deseos, {3}% ahorro, {4}% deudas." },
	[X_NO_INCOME] = {
	    "Record your income: without it, expenses of {1} a month come out of savings.",
	    "Registre sua renda: sem ela, despesas de {1} por mês saem da poupança.",
	    "Registra tus ingresos: sin ellos, gastos de {1} al mes salen de tus ahorros." },
	[X_GAP] = {
	    "Close the monthly gap of {1} first: you spend {2} against {3} of income; record a month of spending to see where it can come from.",
	    "Feche primeiro a diferença mensal de {1}: você gasta {2} contra {3} de renda; registre um mês de gastos para ver de onde ela pode sair.",
	    "Cierra primero la brecha mensual de {1}: gastas {2} frente a {3} de ingresos; registra un mes de gastos para ver de dónde puede salir." },
	[X_GAP_WANTS] = {
	    "Close the monthly gap of {1} first: it fits in your wants, {2} a month{3}; cut {1} there.",
	    "Feche primeiro a diferença mensal de {1}: ela cabe nos seus desejos, {2} por mês{3}; corte {1} ali.",
	    "Cierra primero la brecha mensual de {1}: cabe en tus deseos, {2} al mes{3}; recorta {1} ahí." },
	[X_GAP_ESSENTIALS] = {
	    "Close the monthly gap of {1} first: your wants ({2} a month) cannot cover it alone, so the rest has to come from lower essential costs or more income.",
	    "Feche primeiro a diferença mensal de {1}: seus desejos ({2} por mês) não cobrem tudo, então o resto precisa vir de custos essenciais menores ou de mais renda.",
	    "Cierra primero la brecha mensual de {1}: tus deseos ({2} al mes) no la cubren solos, así que el resto debe salir de gastos esenciales menores o de más ingresos." },
	[X_ROOM] = {
	    "Make room first: your expenses take all of your {1} income, so nothing is left for {2}; record a month of spending to see where to free up money.",
	    "Abra espaço primeiro: suas despesas levam toda a sua renda de {1}, então nada sobra para {2}; registre um mês de gastos para ver de onde liberar dinheiro.",
	    "Haz hueco primero: tus gastos se llevan todos tus ingresos de {1}, así que no queda nada para {2}; registra un mes de gastos para ver de dónde liberar dinero." },
	[X_ROOM_WANTS] = {
	    "Make room first: nothing is left at the end of the month for {4}. Free up {1} a month from your wants ({2} a month now{3}).",
	    "Abra espaço primeiro: nada sobra no fim do mês para {4}. Libere {1} por mês dos seus desejos ({2} por mês hoje{3}).",
	    "Haz hueco primero: no te queda nada a fin de mes para {4}. Libera {1} al mes de tus deseos ({2} al mes ahora{3})." },
	[X_ROOM_ESSENTIALS] = {
	    "Make room first: nothing is left at the end of the month for {2}, and your wants ({1} a month) leave little to cut: it has to come from lower essential costs or more income.",
	    "Abra espaço primeiro: nada sobra no fim do mês para {2}, e seus desejos ({1} por mês) deixam pouco para cortar: o dinheiro precisa vir de custos essenciais menores ou de mais renda.",
	    "Haz hueco primero: no te queda nada a fin de mes para {2}, y tus deseos ({1} al mes) dejan poco que recortar: el dinero debe salir de gastos esenciales menores o de más ingresos." },
	[X_STARTER] = {
	    "Build a starter emergency fund first: {1} more makes {2}, one month of essential expenses, in {3}; until then pay only the minimums on your debts.",
	    "Monte primeiro uma reserva de emergência inicial: faltam {1} para {2}, um mês de despesas essenciais, em {3}; até lá pague só o mínimo das dívidas.",
	    "Arma primero un fondo de emergencia inicial: faltan {1} para {2}, un mes de gastos esenciales, en {3}; hasta entonces paga solo los mínimos de tus deudas." },
	[X_STARTER_NEW] = {
	    "Build a starter emergency fund first: save {2}, one month of essential expenses, in {3}; until then pay only the minimums on your debts.",
	    "Monte primeiro uma reserva de emergência inicial: guarde {2}, um mês de despesas essenciais, em {3}; até lá pague só o mínimo das dívidas.",
	    "Arma primero un fondo de emergencia inicial: ahorra {2}, un mes de gastos esenciales, en {3}; hasta entonces paga solo los mínimos de tus deudas." },
	[X_DEBT_FOCUS] = {
	    "Pay off {1} first: {2} {3} costs {4} of interest a month. Put {5} a month on it beyond the minimum{6}: paid off in {7}, around {8}.",
	    "Quite primeiro {1}: {2} {3} custam {4} de juros por mês. Ponha {5} por mês nessa dívida além do mínimo{6}: a quitação vem em {7}, por volta de {8}.",
	    "Paga primero {1}: {2} {3} cuestan {4} de intereses al mes. Pon {5} al mes en esa deuda además del mínimo{6}: terminas de pagarla en {7}, hacia {8}." },
	[X_DEBT_FOCUS_SLOW] = {
	    "Pay off {1} first: {2} {3} costs {4} of interest a month. Put {5} a month on it beyond the minimum{6}.",
	    "Quite primeiro {1}: {2} {3} custam {4} de juros por mês. Ponha {5} por mês nessa dívida além do mínimo{6}.",
	    "Paga primero {1}: {2} {3} cuestan {4} de intereses al mes. Pon {5} al mes en esa deuda además del mínimo{6}." },
	[X_DEBT_NEVER] = {
	    "Raise your debt payment by {1} to {2} a month: {3} does not cover the {4} monthly interest, and {2} clears it in 60 months.",
	    "Aumente o pagamento da dívida em {1}, para {2} por mês: {3} não cobre os juros de {4} por mês, e {2} quita tudo em 60 meses.",
	    "Sube el pago de tu deuda en {1}, a {2} al mes: {3} no cubre los {4} de intereses mensuales, y {2} la salda en 60 meses." },
	[X_DEBT_SLOW] = {
	    "Raise your debt payment by {1} to {2} a month: at {3} it takes more than 30 years, at {2} it is cleared in 60 months.",
	    "Aumente o pagamento da dívida em {1}, para {2} por mês: com {3} leva mais de 30 anos, com {2} quita em 60 meses.",
	    "Sube el pago de tu deuda en {1}, a {2} al mes: con {3} tarda más de 30 años, con {2} se salda en 60 meses." },
	[X_DEBT_RENEGOTIATE] = {
	    "Renegotiate {1}: {2} costs {3} of interest a month and clearing it in 60 months takes {4} a month, beyond your budget. Ask for a lower rate or an instalment deal, or swap it for a cheaper loan.",
	    "Renegocie {1}: {2} custam {3} de juros por mês e quitá-la em 60 meses exige {4} por mês, além do seu orçamento. Peça juros menores ou um parcelamento, ou troque por um empréstimo mais barato.",
	    "Renegocia {1}: {2} cuestan {3} de intereses al mes y saldarla en 60 meses exige {4} al mes, más de lo que te permite tu presupuesto. Pide un tipo más bajo o un plan de pagos, o cámbiala por un préstamo más barato." },
	[X_EMERGENCY] = {
	    "Build your emergency fund: {1} more covers {4} months of essential expenses ({2}), in {3}.",
	    "Monte sua reserva de emergência: faltam {1} para cobrir {4} meses de despesas essenciais ({2}), em {3}.",
	    "Arma tu fondo de emergencia: faltan {1} para cubrir {4} meses de gastos esenciales ({2}), en {3}." },
	[X_EMERGENCY_NEXT] = {
	    "Then complete your emergency fund: {1}, {2} months of essential expenses, {3}.",
	    "Depois complete a reserva de emergência: {1}, {2} meses de despesas essenciais, {3}.",
	    "Después completa tu fondo de emergencia: {1}, {2} meses de gastos esenciales, {3}." },
	[X_KEEP] = {
	    "Keep moving {1} a month toward {2}.",
	    "Continue guardando {1} por mês para {2}.",
	    "Sigue apartando {1} al mes para {2}." },
	[X_GOAL_NEXT] = {
	    "Then {1} ({2}): with the same surplus it is reached {3}.",
	    "Depois, {1} ({2}): com a mesma sobra, você chega lá {3}.",
	    "Después, {1} ({2}): con el mismo excedente, llegas {3}." },
	[X_GOAL_LATE] = {
	    "Then {1} ({2}): with the same surplus it is reached {3}, after your date of {4}; the steps before it come first.",
	    "Depois, {1} ({2}): com a mesma sobra, você chega lá {3}, depois da sua data de {4}; os passos anteriores vêm primeiro.",
	    "Después, {1} ({2}): con el mismo excedente, llegas {3}, después de tu fecha del {4}; los pasos anteriores van primero." },
	[X_TARGET_DATE] = {
	    "To reach {1} by {2}, set aside {3} a month, {4} more than now.",
	    "Para alcançar {1} até {2}, guarde {3} por mês, {4} a mais do que hoje.",
	    "Para alcanzar {1} antes de {2}, aparta {3} al mes, {4} más que ahora." },
	[X_INVEST] = {
	    "Invest {1} a month for the long term: your emergency fund is complete and no debt costs {2} or more; the plan assumes a return of {3}% a year.",
	    "Invista {1} por mês no longo prazo: sua reserva de emergência está completa e nenhuma dívida custa {2} ou mais; o plano supõe um retorno de {3}% ao ano.",
	    "Invierte {1} al mes a largo plazo: tu fondo de emergencia está completo y ninguna deuda cuesta {2} o más; el plan supone un rendimiento del {3}% al año." },
	[X_REACHED] = {
	    "You reached {1}: set a new goal to keep the momentum.",
	    "Você alcançou {1}: defina uma nova meta para manter o ritmo.",
	    "Alcanzaste {1}: fija una nueva meta para mantener el ritmo." },
	[X_HOUSING] = {
	    "Housing takes {1}% of your income ({2} a month), above the usual {3}% guideline. It is not a monthly cut: the real options are a cheaper home, sharing it, or renegotiating the rent or the mortgage.",
	    "A moradia leva {1}% da sua renda ({2} por mês), acima da referência de {3}%. Não é um corte do mês: as opções reais são um imóvel mais barato, dividir a casa ou renegociar o aluguel ou o financiamento.",
	    "La vivienda se lleva el {1}% de tus ingresos ({2} al mes), por encima de la referencia del {3}%. No es un recorte del mes: las opciones reales son una vivienda más barata, compartirla o renegociar el alquiler o la hipoteca." },
	[X_CUT] = {
	    "Spend less on {1}: {2} a month is {3} above the plan's {4}.",
	    "Gaste menos com {1}: {2} por mês está {3} acima dos {4} do plano.",
	    "Gasta menos en {1}: {2} al mes está {3} por encima de los {4} del plan." },
	[X_TRIM] = {
	    "Trim {1} a month from wants ({2} a month now{3}): your savings rate goes from {4}% to {5}%, toward the plan's {6}%.",
	    "Corte {1} por mês dos desejos ({2} por mês hoje{3}): sua taxa de poupança vai de {4}% para {5}%, rumo aos {6}% do plano.",
	    "Recorta {1} al mes de tus deseos ({2} al mes ahora{3}): tu tasa de ahorro pasa del {4}% al {5}%, hacia el {6}% del plan." },
	[X_DEBT_FASTER] = {
	    "Pay {1} more a month on your debt ({2} instead of {3}): it is paid off {4} sooner and you save {5} in interest.",
	    "Pague {1} a mais por mês na dívida ({2} em vez de {3}): ela termina {4} antes e você economiza {5} em juros.",
	    "Paga {1} más al mes en tu deuda ({2} en lugar de {3}): terminas {4} antes y ahorras {5} en intereses." },
	[X_TRACK] = {
	    "These figures come from your intake: record your spending for a whole month and the plan will see where your money really goes.",
	    "Estes números vêm do seu cadastro financeiro: registre seus gastos por um mês inteiro e o plano verá para onde seu dinheiro realmente vai.",
	    "Estas cifras salen de tu ficha financiera: registra tus gastos durante un mes entero y el plan verá adónde va de verdad tu dinero." },
	[X_DEBT_NEXT] = {
	    "Then pay off {1}: {2} {3} costs {4} of interest a month; paid off {5}.",
	    "Depois quite {1}: {2} {3} custam {4} de juros por mês; a quitação vem {5}.",
	    "Después paga {1}: {2} {3} cuestan {4} de intereses al mes; terminas de pagarla {5}." },
	[X_DEBT_LOW] = {
	    "Keep paying the minimum on {1}: {2} {3} is below the {4} high-interest line and costs {5} of interest a month.",
	    "Continue pagando o mínimo de {1}: {2} {3} ficam abaixo da linha de juros altos de {4} e custam {5} de juros por mês.",
	    "Sigue pagando el mínimo de {1}: {2} {3} quedan por debajo de la línea de interés alto del {4} y cuestan {5} de intereses al mes." },
	[X_DEBT_UNKNOWN] = {
	    "Find out the interest rate of {1} ({2}): with it the plan can tell whether to pay it off first.",
	    "Descubra a taxa de juros de {1} ({2}): com ela o plano sabe se deve quitá-la primeiro.",
	    "Averigua la tasa de interés de {1} ({2}): con ella el plan sabrá si conviene pagarla primero." },
};

struct action {
	struct fin_action info;
	int		 section;	/* 0: the priorities (never reordered), 1: the rest */
	int		 seq;		/* insertion order: ties keep the engine's order */
	char		 text[FIN_TEXT_MAX];
};

/* A debt as the engine works it (finance.h §2). */
struct debt {
	int64_t		 bal, min;
	int64_t		 rnum, rden;	/* interest a month: bal * rnum / rden, half up */
	int		 high;
	int		 pseudo;	/* a debt goal's amount when the intake lists no debt */
};

/* What a walk through the months found (finance.h §6). */
struct sim {
	int		 step_month[FIN_MAX_STEPS];	/* 0 done today; -1 not within 360 */
	int		 debt_month[FIN_MAX_DEBTS];
	int64_t		 debt_interest[FIN_MAX_DEBTS];
	int		 goal_moved;
};

/* The state of one computation: inputs resolved, intermediate figures. */
struct ctx {
	const struct fin_input	*in;
	struct fin_plan		*out;
	enum lang		 lang;
	enum gtype		 gt;
	long			 today;		/* day number */
	int64_t			 surplus, funds, savings;
	int64_t			 target, current;	/* debt goal: target = what is owed */
	int			 emergency_goal, debt_goal, reached, goal_step;
	char			 goal_name[FIN_NAME_MAX + 4];
	int			 nd, n_high, n_real;
	struct debt		 d[FIN_MAX_DEBTS];
	int			 order[FIN_MAX_DEBTS];	/* avalanche order */
	int			 adapted;		/* whole months of spending are known */
	int64_t			 needs, wants, housing, group[WG_COUNT], wsub[NSUBCLASSES];
	int64_t			 starter, full;
	int			 wants_share;		/* % of income the template leaves to wants */
	int			 focus_debt;		/* the debt the money goes to, -1 */
	int			 debt_state;		/* 0, AM_NEVER or AM_BEYOND for focus_debt */
	struct sim		 sim;
	struct action		 acts[MAX_ACTS];
	int			 nacts, section;
};

enum { AM_NEVER = -1, AM_BEYOND = -2 };

/* --- small helpers --------------------------------------------------------- */

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int
clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int
amount_ok(int64_t v)
{
	return v >= 0 && v <= FIN_MAX_CENTS;
}

/* a / b rounded half up, for a >= 0, b > 0. */
static int64_t
div_round(int64_t a, int64_t b)
{
	return a / b + (a % b * 2 >= b);
}

/* The goal type named s (or its alias): 0, or -1 if unknown. */
static int
gtype_of(const char *s, enum gtype *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < G_COUNT; i++)
		if (strcmp(gtypes[i].name, s) == 0 ||
		    (gtypes[i].alias && strcmp(gtypes[i].alias, s) == 0)) {
			*out = (enum gtype)i;
			return 0;
		}
	return -1;
}

static const struct personality *
personality_of(const char *s)
{
	size_t i;

	for (i = 1; s && i < sizeof(personalities) / sizeof(personalities[0]); i++)
		if (strcmp(personalities[i].name, s) == 0)
			return &personalities[i];
	return &personalities[0];
}

/* A month's interest on balance at rnum / rden, rounded half up, without overflow. */
static int64_t
interest(int64_t balance, int64_t rnum, int64_t rden)
{
	int64_t q, r;

	if (balance <= 0 || rnum <= 0)
		return 0;
	q = balance / rden;
	r = balance % rden;
	return q * rnum + (r * rnum + rden / 2) / rden;
}

/* a * b / FIX_ONE, half up: a < 4097 * FIX_ONE and b < 3 * FIX_ONE keep it in int64. */
static int64_t
fix_mul(int64_t a, int64_t b)
{
	return (a / FIX_ONE) * b + ((a % FIX_ONE) * b + FIX_ONE / 2) / FIX_ONE;
}

/* --- texts ----------------------------------------------------------------------- */

/*
 * Expand {1}..{9} of tmpl with args into out, in language l. A date among
 * the args is said as its month ("around June 2026", "por volta de junho de
 * 2026"): projections are whole months, and a plan is read by people, not
 * parsers (the body keeps the ISO dates). Returns 0, or -1 (out "") when it
 * does not fit: a text is whole or absent, never cut.
 */
static int
fill(enum lang l, char *out, size_t outlen, const char *tmpl, const char *const *args,
    int nargs)
{
	char		 months[9][32];
	const char	*said[9];
	int		 i;

	for (i = 0; i < nargs && i < 9; i++) {
		said[i] = args[i];
		if (args[i] != NULL && strlen(args[i]) == 10 &&
		    cal_month_year_text(args[i], l, months[i], sizeof(months[i])) == 0)
			said[i] = months[i];
	}
	if (lang_expand(out, outlen, tmpl, said, (size_t)(nargs < 9 ? nargs : 9)) == -1) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

static void
text1(const struct ctx *c, enum text t, const char *arg, char *buf, size_t len)
{
	const char *args[1] = { arg };

	(void)fill(c->lang, buf, len, texts[t][c->lang], args, 1);
}

/* Format an amount in the user's currency and language ("" if it cannot be). */
static void
amt(const struct ctx *c, int64_t cents, char *buf, size_t len)
{
	if (money_format(cents, c->in->currency, c->in->language, buf, len) == -1)
		buf[0] = '\0';
}

/* A non-negative integer as text into buf (at least 21 bytes); a negative one with '-'. */
static void
i64_text(int64_t v, char *buf)
{
	char		 tmp[24];
	int		 n = 0, i = 0;
	uint64_t	 u = v < 0 ? 0u - (uint64_t)v : (uint64_t)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		buf[i++] = '-';
	while (n > 0)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
}

static void
itoa_buf(int v, char *buf)
{
	i64_text(v, buf);
}

/* "1 month" / "7 months" in the language. */
static void
months_text(const struct ctx *c, int months, char *buf, size_t len)
{
	char num[24];

	itoa_buf(months, num);
	text1(c, months == 1 ? T_MONTH : T_MONTHS, num, buf, len);
}

/* "around 2027-04-24" for a date, or "in more than 30 years" for none. */
static void
when_text(const struct ctx *c, const char *date, char *buf, size_t len)
{
	if (date[0] == '\0')
		text1(c, T_BEYOND30, NULL, buf, len);
	else
		text1(c, T_AROUND, date, buf, len);
}

/*
 * A percentage in thousandths of a percent as text with at most dec
 * decimals (rounded half up), trailing zeros dropped, in the language's
 * decimal style: "12", "19.9", "289,6".
 */
static void
pct_text(const struct ctx *c, int64_t milli, int dec, char *buf)
{
	int64_t	 unit = 1, pw = 1, v;
	char	 frac[8];
	int	 i, n;

	for (i = dec; i < 3; i++)
		unit *= 10;
	for (i = 0; i < dec; i++)
		pw *= 10;
	v = (milli + unit / 2) / unit;
	i64_text(v / pw, buf);
	for (i = dec - 1, v %= pw; i >= 0; i--, v /= 10)
		frac[i] = (char)('0' + v % 10);
	for (n = dec; n > 0 && frac[n - 1] == '0'; n--)
		;
	if (n > 0) {
		i = (int)strlen(buf);
		buf[i++] = c->lang == LANG_EN ? '.' : ',';
		memcpy(buf + i, frac, (size_t)n);
		buf[i + n] = '\0';
	}
}

/* "the 8% a year" line in the language. */
static void
line_text(const struct ctx *c, char *buf, size_t len)
{
	char p[32];

	pct_text(c, FIN_HIGH_INTEREST_MILLI, 3, p);
	text1(c, T_LINE, p, buf, len);
}

/* "at 12% a month (289.6% a year)", "at 19.9% a year", "at a rate not given". */
static void
rate_text(const struct ctx *c, const struct fin_debt_plan *d, char *buf, size_t len)
{
	char		 q[32], e[32];
	const char	*args[2] = { q, e };

	if (!d->has_rate) {
		text1(c, T_RATE_UNKNOWN, NULL, buf, len);
		return;
	}
	pct_text(c, d->rate_milli, 3, q);
	pct_text(c, d->annual_milli, 1, e);
	(void)fill(c->lang, buf, len, texts[d->monthly ? T_RATE_MONTH : T_RATE_YEAR][c->lang],
	    args, 2);
}

/*
 * Add an action; a text that does not fit is dropped rather than cut. step
 * is the step it is about (-1: none), key and the amounts what it asks.
 */
static void
add_action(struct ctx *c, enum fin_action_kind kind, enum text t, const char *const *args,
    int nargs, int step, const char *key, int64_t amount, int64_t base)
{
	struct action *a;

	if (c->nacts >= MAX_ACTS)
		return;
	a = &c->acts[c->nacts];
	memset(a, 0, sizeof(*a));
	if (fill(c->lang, a->text, sizeof(a->text), texts[t][c->lang], args, nargs) == -1)
		return;
	a->info.kind = kind;
	a->info.step = step;
	lang_clip(a->info.key, sizeof(a->info.key), key);
	a->info.amount_cents = amount;
	a->info.base_cents = base;
	a->section = c->section;
	a->seq = c->nacts++;
}

/*
 * A debt's or goal's name for the texts, into dst (FIN_NAME_MAX + 4 bytes):
 * whole, or past FIN_NAME_MAX bytes cut at the last space before it (else
 * at a character's start) and ended with "…", never mid-word or mid-character.
 */
static void
name_clip(char *dst, const char *src)
{
	size_t	 n = strlen(src), cut;

	if (n <= FIN_NAME_MAX) {
		memcpy(dst, src, n + 1);
		return;
	}
	for (cut = FIN_NAME_MAX; cut > FIN_NAME_MAX / 2 && src[cut] != ' '; cut--)
		;
	if (src[cut] != ' ')
		for (cut = FIN_NAME_MAX; cut > 0 && ((unsigned char)src[cut] & 0xc0) == 0x80; cut--)
			;
	while (cut > 0 && (src[cut - 1] == ' ' || src[cut - 1] == ',' || src[cut - 1] == '-'))
		cut--;
	memcpy(dst, src, cut);
	memcpy(dst + cut, "\xe2\x80\xa6", 4);	/* "…" and the NUL */
}

/* Append one sentence to the summary, separated by a space; dropped if it does not fit. */
static void
add_sentence(struct ctx *c, enum text t, const char *const *args, int nargs)
{
	char	 s[768];
	size_t	 have = strlen(c->out->summary), need;

	if (fill(c->lang, s, sizeof(s), texts[t][c->lang], args, nargs) == -1)
		return;
	need = strlen(s) + (have > 0);
	if (have + need >= sizeof(c->out->summary))
		return;
	if (have > 0)
		c->out->summary[have++] = ' ';
	memcpy(c->out->summary + have, s, strlen(s) + 1);
}

/* --- validation ------------------------------------------------------------------ */

static int
debts_ok(const struct fin_input *in)
{
	const struct fin_debt	*d;
	int			 i;

	if (in->n_debts < 0 || in->n_debts > FIN_MAX_DEBTS)
		return 0;
	for (i = 0; i < in->n_debts; i++) {
		d = &in->debts[i];
		if (!amount_ok(d->balance_cents) || (d->has_min && !amount_ok(d->min_cents)))
			return 0;
		if (d->has_rate && (d->rate_milli < 0 || d->rate_milli > (d->monthly ?
		    FIN_MAX_RATE_MONTH_MILLI : FIN_MAX_RATE_YEAR_MILLI)))
			return 0;
	}
	return 1;
}

static int
spend_ok(const struct fin_input *in)
{
	int i;

	if (in->n_spend < 0 || in->n_spend > FIN_MAX_SPEND || in->spend_months < 0 ||
	    in->spend_months > MAX_SPEND_MONTHS)
		return 0;
	for (i = 0; i < in->n_spend; i++)
		if ((int)in->spend[i].category < 0 || in->spend[i].category >= CAT_COUNT ||
		    in->spend[i].cents < -FIN_MAX_CENTS || in->spend[i].cents > FIN_MAX_CENTS)
			return 0;
	return 1;
}

static int
input_ok(const struct fin_input *in, long *today)
{
	long		 d;
	enum gtype	 g;

	if (in->language == NULL || in->currency == NULL || in->intake_goal == NULL ||
	    cal_parse(in->today, today) == -1 || gtype_of(in->intake_goal, &g) == -1)
		return -1;
	if (!amount_ok(in->income_cents) || !amount_ok(in->expenses_cents))
		return -1;
	if (in->has_savings && !amount_ok(in->savings_cents))
		return -1;
	if (in->has_debt && (!amount_ok(in->debt_cents) || in->debt_rate_bp < 0 ||
	    in->debt_rate_bp > FIN_MAX_RATE_BP))
		return -1;
	if (in->has_goal && (gtype_of(in->goal_type, &g) == -1 ||
	    !amount_ok(in->goal_target_cents) || !amount_ok(in->goal_current_cents) ||
	    (in->goal_target_date && cal_parse(in->goal_target_date, &d) == -1)))
		return -1;
	if (!debts_ok(in) || !spend_ok(in))
		return -1;
	if (in->n_transactions < 0 || in->expected_return_bp < 0 ||
	    in->expected_return_bp > FIN_MAX_RETURN_BP)
		return -1;
	return 0;
}

/* --- debts (finance.h §2) ---------------------------------------------------------- */

/* 1 when debt a is charged more a month than debt b, or as much with a smaller balance. */
static int
costlier(const struct debt *a, const struct debt *b)
{
	int64_t x = a->rnum * b->rden, y = b->rnum * a->rden;

	if (x != y)
		return x > y;
	return a->bal < b->bal;
}

/* One debt into the engine's and the plan's lists. */
static void
debt_add(struct ctx *c, const char *name, int64_t bal, int has_rate, int64_t milli,
    int monthly, int has_min, int64_t min)
{
	struct debt		*d = &c->d[c->nd];
	struct fin_debt_plan	*p = &c->out->debts[c->out->n_debts];
	char			 num[24];

	d->bal = bal;
	d->min = has_min ? min : 0;
	d->rnum = has_rate ? milli : 0;
	d->rden = monthly ? MONTH_DEN : YEAR_DEN;
	if (name != NULL && name[0] != '\0')
		name_clip(p->name, name);
	else if (c->in->n_debts <= 1) {
		text1(c, T_DEBT_ONE, NULL, p->name, sizeof(p->name));
	} else {
		itoa_buf(c->nd + 1, num);
		text1(c, T_DEBT_N, num, p->name, sizeof(p->name));
	}
	p->balance_cents = bal;
	p->has_rate = has_rate;
	p->rate_milli = has_rate ? milli : 0;
	p->monthly = monthly;
	p->annual_milli = !has_rate ? 0 : monthly ? finance_effective_annual(milli, 1) : milli;
	p->high = has_rate && p->annual_milli >= FIN_HIGH_INTEREST_MILLI;
	d->high = p->high && bal > 0;
	p->has_min = has_min;
	p->min_cents = has_min ? min : 0;
	p->interest_cents = interest(bal, d->rnum, d->rden);
	p->payoff_months = -1;
	c->nd++;
	c->out->n_debts++;
}

/*
 * The intake's debts, or the one-debt shorthand; a shorthand debt with no
 * name takes a debt goal's name.
 */
static void
read_debts(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	const struct fin_debt	*d;
	const char		*name = NULL;
	enum gtype		 g;
	int			 i, j, k;

	for (i = 0; i < in->n_debts; i++) {
		d = &in->debts[i];
		debt_add(c, d->name, d->balance_cents, d->has_rate, d->rate_milli, d->monthly,
		    d->has_min, d->min_cents);
	}
	if (in->n_debts == 0 && in->has_debt && in->debt_cents > 0) {
		if (in->has_goal && in->goal_name && in->goal_name[0] &&
		    gtype_of(in->goal_type, &g) == 0 && g == G_DEBT)
			name = in->goal_name;
		/* the shorthand's rate is yearly basis points: x10 is thousandths of a percent */
		debt_add(c, name, in->debt_cents, 1, (int64_t)in->debt_rate_bp * 10, 0, 0, 0);
	}
	c->n_real = c->nd;
	for (i = 0; i < c->nd; i++) {
		c->n_high += c->d[i].high;
		/* insertion sort: stable, and twenty debts at most */
		for (j = i; j > 0 && costlier(&c->d[i], &c->d[c->order[j - 1]]); j--)
			c->order[j] = c->order[j - 1];
		c->order[j] = i;
	}
	for (k = 0; k < c->nd; k++)
		c->out->debts[c->order[k]].order = k + 1;
}

static int64_t
debts_owed(const struct ctx *c)
{
	int64_t	 sum = 0;
	int	 i;

	for (i = 0; i < c->nd; i++)
		sum += c->d[i].bal;
	return sum;
}

/* --- spending (finance.h §3) ------------------------------------------------------- */

/* The subclass of (category, sub), or -1 when it counts as its category. */
static int
subclass_of(enum category cat, const char *sub)
{
	size_t i;

	if (sub == NULL || sub[0] == '\0')
		return -1;
	for (i = 0; i < NSUBCLASSES; i++)
		if (subclasses[i].category == cat && strcmp(subclasses[i].name, sub) == 0)
			return (int)i;
	return -1;
}

/* Monthly, from a total over months: rounded half up, never below zero. */
static int64_t
monthly_of(int64_t total, int months)
{
	return total <= 0 ? 0 : div_round(total, months);
}

static void
read_spending(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	int64_t			 need = 0, house = 0, food = 0, grocery = 0;
	int64_t			 grp[WG_COUNT] = { 0 }, sub[NSUBCLASSES] = { 0 }, cap, g;
	const struct fin_spend	*s;
	int			 i, k, cls, group, m = in->spend_months;

	if (m <= 0)
		return;
	c->adapted = 1;
	for (i = 0; i < in->n_spend; i++) {
		s = &in->spend[i];
		k = subclass_of(s->category, s->subcategory);
		cls = k >= 0 ? subclasses[k].cls : catclass[s->category].cls;
		group = k >= 0 ? subclasses[k].group : catclass[s->category].group;
		if (s->category == CAT_HOUSING && cls == SC_NEED)
			house += s->cents;
		if (cls == SC_NEED) {
			need += s->cents;
			if (k >= 0 && s->category == CAT_FOOD)
				grocery += s->cents;
		} else if (cls == SC_FOOD)
			food += s->cents;
		else if (cls == SC_WANT) {
			grp[group] += s->cents;
			if (k >= 0)
				sub[k] += s->cents;
		}
	}
	c->needs = monthly_of(need, m);
	c->housing = monthly_of(house, m);
	for (i = 0; i < WG_COUNT; i++)
		c->group[i] = monthly_of(grp[i], m);
	for (i = 0; i < (int)NSUBCLASSES; i++)
		c->wsub[i] = monthly_of(sub[i], m);
	/* food of no known kind: groceries up to 15% of income with the known ones */
	cap = max64(in->income_cents * FIN_FOOD_NEEDS_PCT / 100 - monthly_of(grocery, m), 0);
	g = min64(monthly_of(food, m), cap);
	c->needs += g;
	c->group[WG_EATING] += monthly_of(food, m) - g;
	for (i = 0; i < WG_COUNT; i++)
		c->wants += c->group[i];
}

/* Essential expenses and the two emergency funds (finance.h §1, §3). */
static void
essentials(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	struct fin_plan		*o = c->out;
	int64_t			 e = in->expenses_cents;

	if (c->adapted)
		e = max64(c->needs, in->expenses_cents - c->wants);
	o->essential_cents = e;
	o->wants_cents = c->adapted ? c->wants : -1;
	o->housing_cents = c->adapted ? c->housing : -1;
	o->housing_pct = c->adapted && in->income_cents > 0 ?
	    (int)min64(div_round(c->housing * 100, in->income_cents), 99999) : -1;
	o->spend_months = c->adapted ? in->spend_months : 0;
	c->starter = FIN_STARTER_MONTHS * e;
	c->full = FIN_EMERGENCY_MONTHS * e;
	c->savings = in->has_savings ? in->savings_cents : 0;
	o->emergency_fund_tenths = -1;
	if (in->has_savings && e > 0)
		/* rounded half up: 0.47 months reads 0.5 */
		o->emergency_fund_tenths = (int)min64(div_round(in->savings_cents * 10, e), 99999);
}

/* --- the goal ------------------------------------------------------------------------ */

/* The goal the plan works toward: the active one, or one derived from the intake. */
static void
pick_goal(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	const char		*name = NULL;
	int64_t			 owed;

	if (in->has_goal) {
		(void)gtype_of(in->goal_type, &c->gt);	/* checked by input_ok */
		name = in->goal_name;
		if (c->gt == G_DEBT && c->nd == 0 &&
		    in->goal_target_cents > in->goal_current_cents) {
			/* no debt in the intake: the goal's own amount, at no known rate */
			c->d[c->nd].bal = in->goal_target_cents - in->goal_current_cents;
			c->d[c->nd].rden = YEAR_DEN;
			c->d[c->nd].pseudo = 1;
			c->order[c->nd] = c->nd;
			c->nd++;
		}
		if (c->gt != G_DEBT) {
			c->target = in->goal_target_cents;
			c->current = in->goal_current_cents;
		}
	} else {
		(void)gtype_of(in->intake_goal, &c->gt);
		if (c->gt == G_DEBT && debts_owed(c) == 0)
			c->gt = G_SAVINGS;	/* nothing owed: the emergency fund instead */
		if (c->gt == G_INVEST && c->surplus > 0)
			c->target = 12 * c->surplus;
		else if (c->gt != G_DEBT) {
			c->target = c->full;
			if (c->gt == G_SAVINGS) {
				c->emergency_goal = 1;
				name = emergency_name[c->lang];
				c->current = c->savings;
			}
		}
	}
	owed = debts_owed(c);
	if ((c->debt_goal = c->gt == G_DEBT)) {
		c->target = owed;
		c->current = 0;
	}
	if (name == NULL || name[0] == '\0')
		name = gtypes[c->gt].default_name[c->lang];
	name_clip(c->goal_name, name);
	c->reached = c->debt_goal ? owed == 0 : c->current >= c->target;
	lang_clip(c->out->derived_goal_type, sizeof(c->out->derived_goal_type),
	    gtypes[c->gt].name);
	c->out->derived_goal_target_cents = c->target;
}

/* --- the order of priorities (finance.h §1) ------------------------------------------ */

static struct fin_step *
add_step(struct ctx *c, enum fin_step_kind kind, int64_t target, int64_t remaining)
{
	struct fin_step *s = &c->out->steps[c->out->n_steps++];

	s->kind = kind;
	s->debt = -1;
	s->target_cents = target;
	s->remaining_cents = max64(remaining, 0);
	s->months = -1;
	return s;
}

static void
step_name(const struct ctx *c, struct fin_step *s)
{
	char num[24];

	switch (s->kind) {
	case FIN_STEP_GAP:
		text1(c, T_STEP_GAP, NULL, s->name, sizeof(s->name));
		break;
	case FIN_STEP_STARTER:
		text1(c, T_STEP_STARTER, NULL, s->name, sizeof(s->name));
		break;
	case FIN_STEP_HIGH_DEBT:
		lang_clip(s->name, sizeof(s->name), c->out->debts[s->debt].name);
		break;
	case FIN_STEP_EMERGENCY:
		itoa_buf(FIN_EMERGENCY_MONTHS, num);
		text1(c, T_STEP_EMERGENCY, num, s->name, sizeof(s->name));
		break;
	case FIN_STEP_GOAL:
		lang_clip(s->name, sizeof(s->name), c->goal_name);
		break;
	default:
		text1(c, T_STEP_INVEST, NULL, s->name, sizeof(s->name));
		break;
	}
}

static void
build_steps(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	struct fin_plan		*o = c->out;
	struct fin_step		*s;
	int			 i, k, cur = -1, last_high = -1, low = 0;

	if (in->income_cents == 0 && in->expenses_cents > 0)
		add_step(c, FIN_STEP_GAP, 0, in->expenses_cents);
	else if (c->surplus < 0)
		add_step(c, FIN_STEP_GAP, 0, -c->surplus);
	if (c->n_high > 0)
		add_step(c, FIN_STEP_STARTER, c->starter, c->starter - c->savings);
	for (k = 0; k < c->nd; k++)
		if (c->d[c->order[k]].high) {
			s = add_step(c, FIN_STEP_HIGH_DEBT, c->d[c->order[k]].bal,
			    c->d[c->order[k]].bal);
			s->debt = c->order[k];
			last_high = o->n_steps - 1;
		} else if (c->d[c->order[k]].bal > 0)
			low = 1;
	s = add_step(c, FIN_STEP_EMERGENCY, c->full, c->full - c->savings);
	s->is_goal = c->emergency_goal;
	c->goal_step = c->emergency_goal ? o->n_steps - 1 : o->n_steps;
	if (c->debt_goal && !low && last_high >= 0) {
		/* every debt is high-interest: paying the last one is the goal */
		o->steps[last_high].is_goal = 1;
		c->goal_step = last_high;
	} else if (!c->emergency_goal) {
		s = add_step(c, FIN_STEP_GOAL, c->target, c->debt_goal ? c->target :
		    c->target - c->current);
		s->is_goal = 1;
	}
	add_step(c, FIN_STEP_INVEST, 0, 0);
	for (i = 0; i < o->n_steps; i++) {
		s = &o->steps[i];
		step_name(c, s);
		if (s->remaining_cents == 0 && s->kind != FIN_STEP_INVEST) {
			s->status = FIN_DONE;
			s->months = 0;
			cal_format(c->today, s->date);
		} else if (cur == -1) {
			s->status = FIN_CURRENT;
			cur = i;
		} else
			s->status = FIN_PENDING;
	}
	o->focus = cur;
}

/* 1 when money for step s pays debt. */
static int
debt_side(const struct ctx *c, const struct fin_step *s)
{
	return s->kind == FIN_STEP_HIGH_DEBT || (s->kind == FIN_STEP_GOAL && c->debt_goal);
}

/* The first step after the gap, whose side the money goes to. */
static const struct fin_step *
money_step(const struct ctx *c)
{
	const struct fin_plan	*o = c->out;
	int			 i;

	for (i = o->focus; i < o->n_steps; i++)
		if (o->steps[i].kind != FIN_STEP_GAP && o->steps[i].status != FIN_DONE)
			return &o->steps[i];
	return &o->steps[o->n_steps - 1];
}

/* --- allocations and money per month (finance.h §4, §5) ------------------------------ */

static void
allocate(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	const int		*t = gtypes[c->gt].tmpl[debts_owed(c) > 0];
	struct fin_plan		*o = c->out;
	int64_t			 inc = in->income_cents;
	int			 np, r, wt, wa, rest;

	o->needs_pct = t[P_NEEDS];
	o->wants_pct = t[P_WANTS];
	o->savings_pct = t[P_SAVINGS];
	o->debt_pct = t[P_DEBT];
	c->wants_share = t[P_WANTS];
	if (c->adapted && inc > 0 && o->essential_cents + c->wants > 0) {
		/*
		 * needs are the essential expenses: what the intake says goes out
		 * but the wants seen, never less than the needs seen. Ratios of
		 * sums bounded by 5 * FIN_MAX_CENTS: a clamp before the int.
		 */
		np = (int)min64(div_round(o->essential_cents * 100, inc), 100);
		np = clampi(np, NEEDS_MIN_PCT, NEEDS_MAX_PCT);
		r = 100 - np;
		wt = r * t[P_WANTS] / (t[P_WANTS] + t[P_SAVINGS] + t[P_DEBT]);
		wa = (int)min64((c->wants * 100 + inc - 1) / inc, 100);
		wa = clampi(wa, WANTS_MIN_PCT < wt ? WANTS_MIN_PCT : wt, wt);
		c->wants_share = wt;
		rest = r - wa;
		o->needs_pct = np;
		o->wants_pct = wa;
		o->debt_pct = rest * t[P_DEBT] / (t[P_SAVINGS] + t[P_DEBT]);
		o->savings_pct = rest - o->debt_pct;
	}
	/* what is left for savings and debt goes to the side of the money's step */
	rest = o->savings_pct + o->debt_pct;
	o->debt_pct = debt_side(c, money_step(c)) ? rest : 0;
	o->savings_pct = rest - o->debt_pct;
}

static void
money_per_month(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	struct fin_plan		*o = c->out;
	int64_t			 rate;

	c->funds = max64(c->surplus, 0);
	if (debt_side(c, money_step(c)))
		o->monthly_debt_payment_cents = c->funds;
	else
		o->monthly_savings_cents = c->funds;
	o->monthly_move_cents = o->steps[o->focus].kind == FIN_STEP_GAP ? 0 : c->funds;
	o->target_savings_rate_bp = (o->savings_pct + o->debt_pct) * 100;
	if (in->income_cents > 0) {
		rate = c->surplus * 10000 / in->income_cents;
		o->current_savings_rate_bp = (int)max64(rate, RATE_BP_MIN);
	}
}

/* --- the walk through the months (finance.h §6) -------------------------------------- */

struct walk {
	int64_t		 e, g, d[FIN_MAX_DEBTS];
	int64_t		 freed;		/* minimums of paid-off debts, from the month after */
};

/* What step s still misses in walk w. */
static int64_t
missing(const struct ctx *c, const struct fin_step *s, const struct walk *w)
{
	int64_t	 sum = 0;
	int	 i;

	switch (s->kind) {
	case FIN_STEP_GAP:
		return max64(-(c->surplus + w->freed), 0);
	case FIN_STEP_STARTER:
	case FIN_STEP_EMERGENCY:
		return max64(s->target_cents - w->e, 0);
	case FIN_STEP_HIGH_DEBT:
		return w->d[s->debt];
	case FIN_STEP_GOAL:
		if (!c->debt_goal)
			return max64(s->target_cents - w->g, 0);
		for (i = 0; i < c->nd; i++)
			sum += w->d[i];
		return sum;
	default:
		return INT64_MAX;	/* investing never ends */
	}
}

/* Give step s up to pool; returns what is left. */
static int64_t
give(const struct ctx *c, const struct fin_step *s, struct walk *w, int64_t pool)
{
	int64_t	 put;
	int	 k;

	switch (s->kind) {
	case FIN_STEP_STARTER:
	case FIN_STEP_EMERGENCY:
		put = min64(pool, missing(c, s, w));
		w->e += put;
		return pool - put;
	case FIN_STEP_HIGH_DEBT:
		put = min64(pool, w->d[s->debt]);
		w->d[s->debt] -= put;
		return pool - put;
	case FIN_STEP_GOAL:
		if (!c->debt_goal) {
			put = min64(pool, missing(c, s, w));
			w->g += put;
			return pool - put;
		}
		for (k = 0; k < c->nd && pool > 0; k++) {
			put = min64(pool, w->d[c->order[k]]);
			w->d[c->order[k]] -= put;
			pool -= put;
		}
		return pool;
	case FIN_STEP_INVEST:
		return 0;
	default:
		return pool;
	}
}

/*
 * Month m's interest and minimums on every debt. Returns the minimums left
 * unused by debts that ended this month; paid[k] says which ended.
 */
static int64_t
debts_month(const struct ctx *c, struct walk *w, struct sim *so, int m, int *paid)
{
	int64_t	 i, pay, left = 0;
	int	 k;

	for (k = 0; k < c->nd; k++) {
		paid[k] = 0;
		if (w->d[k] == 0)
			continue;
		i = interest(w->d[k], c->d[k].rnum, c->d[k].rden);
		so->debt_interest[k] += i;
		w->d[k] = min64(w->d[k] + i, BALANCE_CAP);
		pay = min64(c->d[k].min, w->d[k]);
		w->d[k] -= pay;
		if (w->d[k] == 0) {
			left += c->d[k].min - pay;
			so->debt_month[k] = m;
			paid[k] = 1;
		}
	}
	return left;
}

/* The goal's balance: saved toward it, or for a debt goal what is still owed. */
static int64_t
goal_balance(const struct ctx *c, const struct walk *w)
{
	int64_t	 sum = 0;
	int	 k;

	if (c->emergency_goal)
		return w->e;
	if (!c->debt_goal)
		return w->g;
	for (k = 0; k < c->nd; k++)
		sum += w->d[k];
	return sum;
}

/*
 * Walk up to 360 months with extra more a month: when each step is done,
 * each debt paid off, and (record) the goal's projection into out.
 */
static void
simulate(struct ctx *c, int64_t extra, struct sim *so, int record)
{
	struct fin_plan	*o = c->out;
	struct walk	 w;
	int64_t		 pool, start;
	int		 m, k, i, open, goal_done = c->reached, paid[FIN_MAX_DEBTS];

	memset(&w, 0, sizeof(w));
	memset(so, 0, sizeof(*so));
	w.e = c->savings;
	w.g = c->current;
	for (k = 0; k < c->nd; k++) {
		w.d[k] = c->d[k].bal;
		so->debt_month[k] = w.d[k] == 0 ? 0 : -1;
	}
	for (i = 0; i < o->n_steps; i++)
		so->step_month[i] = o->steps[i].status == FIN_DONE ? 0 : -1;
	start = goal_balance(c, &w);
	for (m = 1; m <= FIN_MAX_MONTHS; m++) {
		pool = debts_month(c, &w, so, m, paid);
		pool += max64(c->surplus + extra + w.freed, 0);
		/* a minimum no longer owed joins the surplus from next month */
		for (k = 0; k < c->nd; k++)
			if (paid[k])
				w.freed += c->d[k].min;
		if (c->gt == G_INVEST && !c->emergency_goal && !c->debt_goal)
			w.g = min64(w.g + interest(w.g, c->in->expected_return_bp, RETURN_DEN),
			    FIN_MAX_CENTS * 2);
		/* the steps in order: money reaches a step when those before are done */
		for (i = 0, open = 0; i < o->n_steps; i++) {
			if (so->step_month[i] >= 0 && o->steps[i].kind != FIN_STEP_INVEST)
				continue;
			if (!open)
				pool = give(c, &o->steps[i], &w, pool);
			if (missing(c, &o->steps[i], &w) == 0) {
				so->step_month[i] = m;
			} else
				open = 1;
		}
		for (k = 0; k < c->nd; k++)
			if (w.d[k] == 0 && so->debt_month[k] == -1) {
				so->debt_month[k] = m;
				w.freed += c->d[k].min;
			}
		/* progress: more saved, or less owed */
		if (c->debt_goal ? goal_balance(c, &w) < start : goal_balance(c, &w) > start)
			so->goal_moved = 1;
		if (record && !goal_done) {
			cal_format_month(cal_add_months(c->today, m), o->projection[m - 1].month);
			o->projection[m - 1].balance_cents = goal_balance(c, &w);
			o->n_projection = m;
			goal_done = so->step_month[c->goal_step] >= 0;
		}
		for (i = 0, open = 0; i < o->n_steps; i++)
			if (so->step_month[i] < 0 && o->steps[i].kind != FIN_STEP_INVEST)
				open = 1;
		for (k = 0; k < c->nd; k++)
			if (so->debt_month[k] < 0)
				open = 1;
		if (!open && (!record || goal_done))
			break;
	}
}

/* The debt the money goes to when the focus is a debt step, or -1. */
static int
focus_debt(const struct ctx *c)
{
	const struct fin_step	*s = &c->out->steps[c->out->focus];
	int			 k;

	if (s->kind == FIN_STEP_HIGH_DEBT)
		return s->debt;
	if (s->kind == FIN_STEP_GOAL && c->debt_goal)
		for (k = 0; k < c->nd; k++)
			if (c->d[c->order[k]].bal > 0)
				return c->order[k];
	return -1;
}

static void
project(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	struct fin_step	*s;
	int		 i, k, last = 0, all = 1, gm;

	simulate(c, 0, &c->sim, 1);
	for (i = 0; i < o->n_steps; i++) {
		s = &o->steps[i];
		if (s->kind == FIN_STEP_GAP)
			continue;
		if (s->kind == FIN_STEP_INVEST) {
			/* investing starts when every step before it is done */
			for (k = 0, last = 0; k < i; k++)
				last = c->sim.step_month[k] < 0 || last < 0 ? -1 :
				    c->sim.step_month[k] > last ? c->sim.step_month[k] : last;
			s->months = last;
		} else
			s->months = c->sim.step_month[i];
		if (s->months >= 0)
			cal_format(cal_add_months(c->today, s->months), s->date);
	}
	for (k = 0; k < c->n_real; k++) {
		o->debts[k].payoff_months = c->sim.debt_month[k];
		if (c->sim.debt_month[k] >= 0)
			cal_format(cal_add_months(c->today, c->sim.debt_month[k]),
			    o->debts[k].payoff_date);
		else
			all = 0;
		last = k == 0 || c->sim.debt_month[k] > last ? c->sim.debt_month[k] : last;
	}
	if (c->n_real > 0 && debts_owed(c) > 0 && all)
		cal_format(cal_add_months(c->today, last), o->debt_payoff_date);

	/* the focus debt: does the plan's payment ever clear it? */
	c->focus_debt = focus_debt(c);
	if (c->focus_debt >= 0) {
		k = c->focus_debt;
		if (c->funds + c->d[k].min <= interest(c->d[k].bal, c->d[k].rnum, c->d[k].rden))
			c->debt_state = AM_NEVER;
		else if (c->sim.debt_month[k] < 0)
			c->debt_state = AM_BEYOND;
	}

	o->timeline_months = -1;
	if (c->reached) {
		o->timeline_months = 0;
		o->n_projection = 0;
		cal_format(c->today, o->projected_goal_date);
		return;
	}
	if (c->surplus < 0 || !c->sim.goal_moved) {
		o->n_projection = 0;	/* the gap comes first, or nothing ever moves */
		return;
	}
	gm = c->sim.step_month[c->goal_step];
	if (gm >= 1) {
		o->timeline_months = gm;
		cal_format(cal_add_months(c->today, gm), o->projected_goal_date);
	}
}

/* Amortise one debt alone at payment for up to max months: the month it is paid, or -1. */
static int
amortise(int64_t balance, int64_t rnum, int64_t rden, int64_t payment, int max)
{
	int m;

	for (m = 1; m <= max && balance > 0; m++) {
		balance += interest(balance, rnum, rden);
		balance -= min64(payment, balance);
		if (balance == 0)
			return m;
	}
	return balance == 0 ? 0 : -1;
}

/* The smallest payment that clears balance within months (binary search: more pays sooner). */
static int64_t
payment_within(int64_t balance, int64_t rnum, int64_t rden, int months)
{
	int64_t lo = interest(balance, rnum, rden) + 1, hi, mid;

	hi = balance + lo;	/* pays everything in the first month */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (amortise(balance, rnum, rden, mid, months) >= 1)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* --- action items (finance.h §7) ------------------------------------------------------ */

/*
 * ", mostly restaurants, delivery" (or with want group g only those of g; -1
 * all wants): the two largest want subcategories known, "" when none is.
 */
static void
mostly(const struct ctx *c, int g, const char *prefix_tmpl, char *buf, size_t len)
{
	char	 list[96] = "";
	int	 best[2] = { -1, -1 }, i, n = 0;

	for (i = 0; i < (int)NSUBCLASSES; i++) {
		if (subclasses[i].cls != SC_WANT || c->wsub[i] <= 0 ||
		    (g >= 0 && subclasses[i].group != g))
			continue;
		if (best[0] == -1 || c->wsub[i] > c->wsub[best[0]]) {
			best[1] = best[0];
			best[0] = i;
		} else if (best[1] == -1 || c->wsub[i] > c->wsub[best[1]])
			best[1] = i;
	}
	buf[0] = '\0';
	for (i = 0; i < 2; i++) {
		if (best[i] == -1)
			continue;
		if (n++ > 0)
			(void)lang_append(list, sizeof(list), ", ");
		(void)lang_append(list, sizeof(list), subclasses[best[i]].label[c->lang]);
	}
	if (n == 0)
		return;
	if (prefix_tmpl == NULL) {
		if (lang_expand(buf, len, " ({1})", (const char *const[]){ list }, 1) == -1)
			buf[0] = '\0';
	} else if (lang_expand(buf, len, prefix_tmpl, (const char *const[]){ list }, 1) == -1)
		buf[0] = '\0';
}

/* The monthly gap, and where the money to close it can come from. */
static void
act_gap(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	int64_t			 gap = -c->surplus;
	char			 a[4][128];
	const char		*args[4] = { a[0], a[1], a[2], a[3] };

	if (in->income_cents == 0) {
		amt(c, in->expenses_cents, a[0], sizeof(a[0]));
		add_action(c, FA_NO_INCOME, X_NO_INCOME, args, 1, 0, "", 0, 0);
		return;
	}
	amt(c, gap, a[0], sizeof(a[0]));
	if (!c->adapted) {
		amt(c, in->expenses_cents, a[1], sizeof(a[1]));
		amt(c, in->income_cents, a[2], sizeof(a[2]));
		add_action(c, FA_GAP, X_GAP, args, 3, 0, "", 0, 0);
		return;
	}
	amt(c, c->wants, a[1], sizeof(a[1]));
	if (c->wants >= gap) {
		mostly(c, -1, texts[T_MOSTLY][c->lang], a[2], sizeof(a[2]));
		add_action(c, FA_GAP, X_GAP_WANTS, args, 3, 0, "wants", gap, c->wants);
	} else
		add_action(c, FA_GAP, X_GAP_ESSENTIALS, args, 2, 0, "", 0, 0);
}

static void
act_starter(struct ctx *c, int i)
{
	const struct fin_step	*s = &c->out->steps[i];
	char			 a[3][64];
	const char		*args[3] = { a[0], a[1], a[2] };

	amt(c, s->remaining_cents, a[0], sizeof(a[0]));
	amt(c, s->target_cents, a[1], sizeof(a[1]));
	if (s->months >= 1)
		months_text(c, s->months, a[2], sizeof(a[2]));
	else
		text1(c, T_OVER30, NULL, a[2], sizeof(a[2]));
	/* nothing saved yet: "save R$ 3.600,00", not "R$ 3.600,00 more makes R$ 3.600,00" */
	add_action(c, FA_STARTER, s->remaining_cents == s->target_cents ? X_STARTER_NEW : X_STARTER,
	    args, 3, i, "starter", 0, 0);
}

/*
 * Debt k of step i: the focus ("first", with the payment) or a later one
 * ("then", with its payoff date).
 */
static void
act_debt(struct ctx *c, int i, int k, int focus)
{
	const struct fin_debt_plan	*p = &c->out->debts[k];
	char				 a[8][96], key[24] = "debt:";
	const char			*args[8] = { a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7] };

	itoa_buf(k + 1, key + 5);
	lang_clip(a[0], sizeof(a[0]), p->name);
	amt(c, p->balance_cents, a[1], sizeof(a[1]));
	rate_text(c, p, a[2], sizeof(a[2]));
	amt(c, p->interest_cents, a[3], sizeof(a[3]));
	if (!focus) {
		when_text(c, p->payoff_date, a[4], sizeof(a[4]));
		add_action(c, FA_DEBT_NEXT, X_DEBT_NEXT, args, 5, i, key, 0, 0);
		return;
	}
	amt(c, c->funds, a[4], sizeof(a[4]));
	a[5][0] = '\0';
	if (c->n_real > 1)
		text1(c, T_REST, NULL, a[5], sizeof(a[5]));
	if (p->payoff_months >= 1) {
		months_text(c, p->payoff_months, a[6], sizeof(a[6]));
		lang_clip(a[7], sizeof(a[7]), p->payoff_date);
		add_action(c, FA_DEBT_FOCUS, X_DEBT_FOCUS, args, 8, i, key, 0, 0);
	} else
		add_action(c, FA_DEBT_FOCUS, X_DEBT_FOCUS_SLOW, args, 6, i, key, 0, 0);
}

/*
 * What a raise of a debt payment may ask beyond the plan's payment: the
 * wants seen in whole months of spending, or without them
 * FIN_RAISE_ROOM_PCT of income.
 */
static int64_t
raise_room(const struct ctx *c)
{
	if (c->adapted)
		return max64(c->wants, 0);
	return c->in->income_cents * FIN_RAISE_ROOM_PCT / 100;
}

/*
 * A focus debt that never amortises, or takes beyond 360 months: the raise
 * that clears it in 60 months when the budget has room for it (finance.h
 * §7), else renegotiating it, with its rate and the payment it would take.
 */
static void
act_debt_raise(struct ctx *c)
{
	const struct debt	*d;
	const struct fin_debt_plan *p;
	int64_t			 pay, need;
	char			 a[4][64], r[64], b[136], key[24] = "debt:";
	const char		*args[4] = { a[0], a[1], a[2], a[3] }, *pair[2] = { a[3], r };

	if (c->focus_debt < 0 || c->debt_state == 0)
		return;
	itoa_buf(c->focus_debt + 1, key + 5);
	d = &c->d[c->focus_debt];
	p = &c->out->debts[c->focus_debt];
	pay = c->funds + d->min;
	need = payment_within(d->bal, d->rnum, d->rden, DEBT_CLEAR_MONTHS);
	if (need - pay > raise_room(c)) {
		lang_clip(a[0], sizeof(a[0]), p->name);
		rate_text(c, p, r, sizeof(r));
		amt(c, p->balance_cents, a[3], sizeof(a[3]));
		/* "R$ 20.000,00 a 15% ao mês (435% ao ano)" */
		if (fill(c->lang, b, sizeof(b), "{1} {2}", pair, 2) == -1)
			return;
		args[1] = b;
		amt(c, interest(d->bal, d->rnum, d->rden), a[2], sizeof(a[2]));
		amt(c, need, a[1], sizeof(a[1]));
		args[3] = a[1];
		add_action(c, FA_DEBT_NEVER, X_DEBT_RENEGOTIATE, args, 4, c->out->focus, key, 0, 0);
		return;
	}
	amt(c, need - pay, a[0], sizeof(a[0]));
	amt(c, need, a[1], sizeof(a[1]));
	amt(c, pay, a[2], sizeof(a[2]));
	amt(c, interest(d->bal, d->rnum, d->rden), a[3], sizeof(a[3]));
	add_action(c, c->debt_state == AM_NEVER ? FA_DEBT_NEVER : FA_DEBT_SLOW,
	    c->debt_state == AM_NEVER ? X_DEBT_NEVER : X_DEBT_SLOW, args,
	    c->debt_state == AM_NEVER ? 4 : 3, c->out->focus, key, need - pay, 0);
}

static void
act_emergency(struct ctx *c, int i, int focus)
{
	const struct fin_step	*s = &c->out->steps[i];
	char			 a[4][64];
	const char		*args[4] = { a[0], a[1], a[2], a[3] };

	if (focus) {
		amt(c, s->remaining_cents, a[0], sizeof(a[0]));
		amt(c, s->target_cents, a[1], sizeof(a[1]));
		if (s->months >= 1)
			months_text(c, s->months, a[2], sizeof(a[2]));
		else
			text1(c, T_OVER30, NULL, a[2], sizeof(a[2]));
		itoa_buf(FIN_EMERGENCY_MONTHS, a[3]);
		add_action(c, FA_EMERGENCY, X_EMERGENCY, args, 4, i, "emergency", 0, 0);
		return;
	}
	amt(c, s->target_cents, a[0], sizeof(a[0]));
	itoa_buf(FIN_EMERGENCY_MONTHS, a[1]);
	when_text(c, s->date, a[2], sizeof(a[2]));
	add_action(c, FA_EMERGENCY, X_EMERGENCY_NEXT, args, 3, i, "emergency", 0, 0);
}

/*
 * A goal that misses its target date: the monthly amount that meets it,
 * growth ignored (a floor, never a promise). 1 when said.
 */
static int
act_target_date(struct ctx *c, int i)
{
	const struct fin_input	*in = c->in;
	long			 td, months;
	int64_t			 need, now = c->funds;
	char			 a[2][64];
	const char		*args[4] = { c->goal_name, in->goal_target_date, a[0], a[1] };

	if (!in->has_goal || in->goal_target_date == NULL || c->debt_goal || c->reached ||
	    c->surplus <= 0 || cal_parse(in->goal_target_date, &td) == -1)
		return 0;
	if (c->out->timeline_months >= 1 &&
	    strcmp(c->out->projected_goal_date, in->goal_target_date) <= 0)
		return 0;	/* on time */
	months = cal_months_between(c->today, td);
	if (months < 1)
		return 0;	/* past, or this month: no monthly amount can help */
	need = (c->target - c->current + months - 1) / months;
	if (need <= now)
		return 0;
	amt(c, need, a[0], sizeof(a[0]));
	amt(c, need - now, a[1], sizeof(a[1]));
	add_action(c, FA_TARGET_DATE, X_TARGET_DATE, args, 4, i, "goal", 0, 0);
	return 1;
}

static void
act_goal(struct ctx *c, int i, int focus)
{
	const struct fin_step	*s = &c->out->steps[i];
	char			 a[3][64];
	const char		*args[4] = { a[0], a[1], a[2], NULL };

	if (focus) {
		if (act_target_date(c, i) || c->funds == 0)
			return;		/* nothing to keep moving: making room says so */
		amt(c, c->funds, a[0], sizeof(a[0]));
		args[1] = c->goal_name;
		add_action(c, FA_GOAL, X_KEEP, args, 2, i, "goal", 0, 0);
		return;
	}
	lang_clip(a[0], sizeof(a[0]), c->goal_name);
	amt(c, s->remaining_cents, a[1], sizeof(a[1]));
	when_text(c, s->date, a[2], sizeof(a[2]));
	if (c->in->has_goal && c->in->goal_target_date && !c->debt_goal &&
	    (s->date[0] == '\0' || strcmp(s->date, c->in->goal_target_date) > 0)) {
		args[3] = c->in->goal_target_date;
		add_action(c, FA_GOAL, X_GOAL_LATE, args, 4, i, "goal", 0, 0);
	} else
		add_action(c, FA_GOAL, X_GOAL_NEXT, args, 3, i, "goal", 0, 0);
}

static void
act_invest(struct ctx *c, int i)
{
	char		 a[3][64];
	const char	*args[3] = { a[0], a[1], a[2] };

	if (c->funds == 0)
		return;		/* nothing to invest: making room says so */
	amt(c, c->funds, a[0], sizeof(a[0]));
	line_text(c, a[1], sizeof(a[1]));
	pct_text(c, (int64_t)c->in->expected_return_bp * 10, 2, a[2]);
	add_action(c, FA_INVEST, X_INVEST, args, 3, i, "invest", 0, 0);
}

/* A debt goal as the focus: its first debt, then the others in the avalanche order. */
static void
act_goal_debts(struct ctx *c, int i)
{
	int k, d;

	act_debt(c, i, c->focus_debt, 1);
	for (k = 0; k < c->n_real; k++) {
		d = c->order[k];
		if (d != c->focus_debt && c->d[d].bal > 0)
			act_debt(c, i, d, 0);
	}
}

/* The action of step i: the focus's, or a later step's. */
static void
act_step(struct ctx *c, int i, int focus)
{
	const struct fin_step *s = &c->out->steps[i];

	switch (s->kind) {
	case FIN_STEP_STARTER:
		if (focus)
			act_starter(c, i);
		break;
	case FIN_STEP_HIGH_DEBT:
		act_debt(c, i, s->debt, focus);
		break;
	case FIN_STEP_EMERGENCY:
		if (s->is_goal && focus && c->in->has_goal == 0)
			act_goal(c, i, 1);
		else
			act_emergency(c, i, focus);
		break;
	case FIN_STEP_GOAL:
		if (c->debt_goal && focus && c->focus_debt >= 0 && !c->d[c->focus_debt].pseudo)
			act_goal_debts(c, i);
		else
			act_goal(c, i, focus);
		break;
	case FIN_STEP_INVEST:
		if (focus && c->funds > 0)
			act_invest(c, i);
		break;
	default:
		break;
	}
}

/* Housing above the guideline: information, never a monthly cut. */
static void
act_housing(struct ctx *c)
{
	const struct fin_plan	*o = c->out;
	char			 a[3][64];
	const char		*args[3] = { a[0], a[1], a[2] };

	if (o->housing_pct <= FIN_HOUSING_GUIDE_PCT)
		return;
	itoa_buf(o->housing_pct, a[0]);
	amt(c, c->housing, a[1], sizeof(a[1]));
	itoa_buf(FIN_HOUSING_GUIDE_PCT, a[2]);
	add_action(c, FA_HOUSING, X_HOUSING, args, 3, -1, "housing", 0, c->housing);
}

/* The want groups above the plan's share, largest excess first. Returns how many. */
static int
act_cuts(struct ctx *c)
{
	const int64_t	 inc = c->in->income_cents;
	int64_t		 excess[WG_COUNT], budget[WG_COUNT];
	int		 done[WG_COUNT] = { 0 }, i, k, best, n = 0;
	char		 a[4][128], sub[96];
	const char	*args[4] = { a[0], a[1], a[2], a[3] };

	if (!c->adapted || inc == 0)
		return 0;
	for (i = 0; i < WG_COUNT; i++) {
		/* against what the template leaves to wants, not the user's own share */
		budget[i] = inc * c->wants_share * wgroups[i].weight / 10000;
		/* the excess is what is spent above the share: never more than what is spent */
		excess[i] = c->group[i] - budget[i];
		if (excess[i] <= 0 || excess[i] < inc / 100)
			done[i] = 1;
	}
	for (k = 0; k < CUT_ACTIONS_MAX; k++) {
		best = -1;
		for (i = 0; i < WG_COUNT; i++)
			if (!done[i] && (best == -1 || excess[i] > excess[best]))
				best = i;
		if (best == -1)
			break;
		done[best] = 1;
		mostly(c, best, NULL, sub, sizeof(sub));
		lang_clip(a[0], sizeof(a[0]), wgroups[best].name[c->lang]);
		(void)lang_append(a[0], sizeof(a[0]), sub);
		amt(c, c->group[best], a[1], sizeof(a[1]));
		amt(c, excess[best], a[2], sizeof(a[2]));
		amt(c, budget[best], a[3], sizeof(a[3]));
		add_action(c, FA_CUT, X_CUT, args, 4, -1, wgroups[best].key, excess[best],
		    c->group[best]);
		n++;
	}
	return n;
}

/*
 * Nothing left at the end of the month (an income, a surplus of exactly 0):
 * the focus step cannot start until there is room. With whole months of
 * spending, up to half of the wants toward the target rate (the trim's own
 * measure); without, where to look.
 */
static int
act_room(struct ctx *c)
{
	const struct fin_plan	*o = c->out;
	const int64_t		 inc = c->in->income_cents;
	int64_t			 room;
	char			 a[4][128];
	const char		*args[4] = { a[0], a[1], a[2], a[3] };

	if (c->surplus != 0 || inc == 0)
		return 0;
	if (!c->adapted) {
		amt(c, inc, a[0], sizeof(a[0]));
		lang_clip(a[1], sizeof(a[1]), o->steps[o->focus].name);
		add_action(c, FA_ROOM, X_ROOM, args, 2, o->focus, "room", 0, 0);
		return 1;
	}
	room = min64(inc * (o->savings_pct + o->debt_pct) / 100,
	    max64(c->wants, 0) * FIN_WANTS_TRIM_PCT / 100);
	if (room < inc / 100) {
		amt(c, max64(c->wants, 0), a[0], sizeof(a[0]));
		lang_clip(a[1], sizeof(a[1]), o->steps[o->focus].name);
		add_action(c, FA_ROOM, X_ROOM_ESSENTIALS, args, 2, o->focus, "room", 0, 0);
		return 1;
	}
	amt(c, room, a[0], sizeof(a[0]));
	amt(c, c->wants, a[1], sizeof(a[1]));
	mostly(c, -1, texts[T_MOSTLY][c->lang], a[2], sizeof(a[2]));
	lang_clip(a[3], sizeof(a[3]), o->steps[o->focus].name);
	add_action(c, FA_ROOM, X_ROOM_WANTS, args, 4, o->focus, "room", room, c->wants);
	return 1;
}

/* Surplus below the target rate: a trim of wants toward it, at most half of them. */
static void
act_trim(struct ctx *c)
{
	const struct fin_plan	*o = c->out;
	const int64_t		 inc = c->in->income_cents;
	int64_t			 want = inc * (o->savings_pct + o->debt_pct) / 100, trim;
	char			 a[6][128];
	const char		*args[6] = { a[0], a[1], a[2], a[3], a[4], a[5] };

	if (!c->adapted || c->surplus < 0 || c->surplus >= want || inc == 0)
		return;
	trim = min64(want - c->surplus, c->wants * FIN_WANTS_TRIM_PCT / 100);
	if (trim <= 0 || trim < inc / 100)
		return;
	amt(c, trim, a[0], sizeof(a[0]));
	amt(c, c->wants, a[1], sizeof(a[1]));
	mostly(c, -1, texts[T_MOSTLY][c->lang], a[2], sizeof(a[2]));
	itoa_buf((o->current_savings_rate_bp + 50) / 100, a[3]);	/* rounded, not cut */
	itoa_buf((int)div_round((c->surplus + trim) * 100, inc), a[4]);
	itoa_buf(o->savings_pct + o->debt_pct, a[5]);
	add_action(c, FA_TRIM, X_TRIM, args, 6, -1, "wants", trim, c->wants);
}

/* The months until the focus's debts are paid, and their interest, in walk so. */
static int
focus_debts_done(const struct ctx *c, const struct sim *so, int64_t *interest_sum)
{
	int	 k, last = 0;

	*interest_sum = 0;
	for (k = 0; k < c->nd; k++) {
		if (!(c->debt_goal || c->d[k].high) || c->d[k].bal == 0)
			continue;
		*interest_sum += so->debt_interest[k];
		if (so->debt_month[k] < 0)
			return -1;
		if (so->debt_month[k] > last)
			last = so->debt_month[k];
	}
	return last;
}

/* The interest a 25% larger payment saves, and how much sooner the debts end. */
static void
act_debt_faster(struct ctx *c)
{
	struct sim	 more_sim;
	int64_t		 pay = c->funds, more, i1, i2;
	int		 m1, m2;
	char		 a[5][64];
	const char	*args[5] = { a[0], a[1], a[2], a[3], a[4] };

	if (c->focus_debt < 0 || c->debt_state != 0 || pay == 0)
		return;
	m1 = focus_debts_done(c, &c->sim, &i1);
	if (m1 < 2)
		return;
	more = max64(pay * FASTER_PAYOFF_PCT / 100, 1);
	if (more > raise_room(c))
		return;		/* more than the budget could free: not a real option */
	simulate(c, more, &more_sim, 0);
	m2 = focus_debts_done(c, &more_sim, &i2);
	if (m2 < 1 || m2 >= m1 || i1 - i2 <= 0)
		return;
	amt(c, more, a[0], sizeof(a[0]));
	amt(c, pay + more, a[1], sizeof(a[1]));
	amt(c, pay, a[2], sizeof(a[2]));
	months_text(c, m1 - m2, a[3], sizeof(a[3]));
	amt(c, i1 - i2, a[4], sizeof(a[4]));
	add_action(c, FA_DEBT_FASTER, X_DEBT_FASTER, args, 5, c->out->focus, "", more, 0);
}

/* The debts below the line (or of no known rate): minimums, and why. */
static void
act_low_debts(struct ctx *c)
{
	const struct fin_debt_plan	*p;
	char				 a[5][96], key[24] = "debt:";
	const char			*args[5] = { a[0], a[1], a[2], a[3], a[4] };
	int				 k, i;

	for (k = 0; k < c->n_real; k++) {
		i = c->order[k];
		p = &c->out->debts[i];
		if (c->d[i].high || p->balance_cents == 0)
			continue;
		itoa_buf(i + 1, key + 5);
		lang_clip(a[0], sizeof(a[0]), p->name);
		amt(c, p->balance_cents, a[1], sizeof(a[1]));
		if (!p->has_rate) {
			add_action(c, FA_DEBT_LOW, X_DEBT_UNKNOWN, args, 2, -1, key, 0, 0);
			continue;
		}
		rate_text(c, p, a[2], sizeof(a[2]));
		line_text(c, a[3], sizeof(a[3]));
		amt(c, p->interest_cents, a[4], sizeof(a[4]));
		add_action(c, FA_DEBT_LOW, X_DEBT_LOW, args, 5, -1, key, 0, 0);
	}
}

static void
act_reached(struct ctx *c)
{
	const char *args[1] = { c->goal_name };

	if (c->reached && !c->emergency_goal)
		add_action(c, FA_REACHED, X_REACHED, args, 1, c->goal_step, "goal", 0, 0);
}

/* Rank the candidates: the priorities in order, then the rest by personality. */
static void
select_actions(struct ctx *c)
{
	const struct personality	*p = personality_of(c->in->personality_type);
	struct fin_plan			*o = c->out;
	const struct action		*a, *b;
	int				 i, j, best;

	for (i = 0; i < c->nacts && o->n_actions < p->max_actions; i++) {
		best = -1;
		for (j = 0; j < c->nacts; j++) {
			if (c->acts[j].seq < 0)
				continue;
			a = &c->acts[j];
			b = best == -1 ? NULL : &c->acts[best];
			if (b == NULL || a->section < b->section || (a->section == b->section &&
			    a->section == 1 && p->rank[a->info.kind] < p->rank[b->info.kind]))
				best = j;
		}
		memcpy(o->actions[o->n_actions], c->acts[best].text, FIN_TEXT_MAX);
		o->action_info[o->n_actions++] = c->acts[best].info;
		c->acts[best].seq = -1;
	}
}

static void
actions(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	int		 i, next, room = 0, gap = o->steps[o->focus].kind == FIN_STEP_GAP;

	c->section = 0;
	if (gap)
		act_gap(c);
	else {
		/* nothing left a month, or a payment that never clears the focus debt, first */
		room = act_room(c);
		act_debt_raise(c);
		act_step(c, o->focus, 1);
	}
	c->section = 1;
	act_housing(c);
	if (act_cuts(c) == 0 && !room)
		act_trim(c);
	act_debt_faster(c);
	if (!c->adapted && (c->in->income_cents > 0 || c->in->expenses_cents > 0))
		add_action(c, FA_TRACK, X_TRACK, NULL, 0, -1, "", 0, 0);
	if (!gap)
		for (i = o->focus + 1, next = 1; i < o->n_steps; i++)
			if (o->steps[i].status == FIN_PENDING) {
				/* the step right after the focus reads with it */
				c->section = next ? 0 : 1;
				act_step(c, i, 0);
				next = 0;
			}
	c->section = 1;
	if (!c->debt_goal)
		act_low_debts(c);
	act_reached(c);
	select_actions(c);
}

/* --- summary ------------------------------------------------------------------------- */

static void
summary_income(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	char			 a[3][64];
	const char		*args[3] = { a[0], a[1], a[2] };

	if (in->income_cents == 0) {
		amt(c, in->expenses_cents, a[0], sizeof(a[0]));
		add_sentence(c, S_NO_INCOME, args, 1);
	} else if (c->surplus < 0) {
		amt(c, -c->surplus, a[0], sizeof(a[0]));
		amt(c, in->expenses_cents, a[1], sizeof(a[1]));
		amt(c, in->income_cents, a[2], sizeof(a[2]));
		add_sentence(c, S_GAP, args, 3);
	} else {
		amt(c, in->income_cents, a[0], sizeof(a[0]));
		amt(c, in->expenses_cents, a[1], sizeof(a[1]));
		amt(c, c->surplus, a[2], sizeof(a[2]));
		add_sentence(c, S_INCOME, args, 3);
	}
}

static void
summary_data(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	char			 a[64], num[24];
	const char		*args[3] = { a, in->spend_from, in->spend_to };

	if (!c->adapted) {
		add_sentence(c, S_NO_DATA, NULL, 0);
		return;
	}
	itoa_buf(in->spend_months, num);
	text1(c, in->spend_months == 1 ? T_WHOLE_MONTH : T_WHOLE_MONTHS, num, a, sizeof(a));
	add_sentence(c, in->spend_from && in->spend_to ? S_DATA_DATES : S_DATA, args, 3);
}

/* "The order: a starter emergency fund, then Card, then …" over the steps still open. */
static void
summary_order(struct ctx *c)
{
	const struct fin_plan	*o = c->out;
	char			 list[512] = "";
	const char		*args[1] = { list };
	int			 i, n = 0;

	for (i = 0; i < o->n_steps; i++) {
		if (o->steps[i].status == FIN_DONE || (o->steps[i].kind == FIN_STEP_INVEST &&
		    c->gt == G_INVEST && !c->reached))
			continue;
		if (n++ > 0 && lang_append(list, sizeof(list), texts[T_THEN][c->lang]) == -1)
			return;
		if (lang_append(list, sizeof(list), o->steps[i].name) == -1)
			return;
	}
	if (n >= 2)
		add_sentence(c, S_ORDER, args, 1);
}

static void
summary_goal(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	char		 a[5][64];
	const char	*args[5] = { a[0], c->goal_name, a[1], a[2], o->projected_goal_date };
	int64_t		 per = c->funds;

	if (c->reached && o->steps[o->focus].kind == FIN_STEP_GAP)
		return;		/* no congratulations while the month does not close */
	if (c->reached) {
		args[0] = c->goal_name;
		amt(c, c->current, a[1], sizeof(a[1]));
		amt(c, c->target, a[2], sizeof(a[2]));
		args[1] = a[1];
		args[2] = a[2];
		add_sentence(c, c->debt_goal ? S_REACHED_DEBT : S_REACHED, args, 3);
		return;
	}
	amt(c, per, a[0], sizeof(a[0]));
	amt(c, c->target, a[1], sizeof(a[1]));
	if (o->timeline_months >= 1 && o->steps[o->focus].is_goal) {
		months_text(c, o->timeline_months, a[2], sizeof(a[2]));
		add_sentence(c, c->debt_goal ? S_TIMELINE_DEBT : S_TIMELINE, args, 5);
	} else if (o->timeline_months >= 1) {
		months_text(c, o->timeline_months, a[2], sizeof(a[2]));
		args[0] = c->goal_name;
		args[1] = a[1];
		args[2] = a[2];
		args[3] = o->projected_goal_date;
		add_sentence(c, S_TIMELINE_LATER, args, 4);
	} else if (o->n_projection == FIN_MAX_MONTHS) {
		args[1] = c->goal_name;
		args[2] = a[1];
		add_sentence(c, S_BEYOND, args, 3);
	} else {
		args[0] = c->goal_name;
		args[1] = a[1];
		add_sentence(c, S_NEVER, args, 2);
	}
}

static void
summary_debts(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	const struct debt *d;
	int64_t		 owed = 0;
	char		 a[3][64];
	const char	*args[3] = { a[0], o->debt_payoff_date, a[2] };
	int		 k;

	for (k = 0; k < c->n_real; k++)
		owed += c->d[k].bal;
	if (owed == 0 || (c->debt_goal && o->timeline_months >= 1))
		return;		/* none, or the goal's sentence dated it */
	amt(c, owed, a[0], sizeof(a[0]));
	if (o->debt_payoff_date[0] != '\0') {
		add_sentence(c, c->n_real > 1 ? S_DEBTS : S_DEBT, args, 2);
		return;
	}
	if (c->focus_debt < 0 || c->debt_state == 0)
		return;
	d = &c->d[c->focus_debt];
	amt(c, c->funds + d->min, a[0], sizeof(a[0]));
	amt(c, d->bal, a[1], sizeof(a[1]));
	amt(c, interest(d->bal, d->rnum, d->rden), a[2], sizeof(a[2]));
	args[1] = a[1];
	add_sentence(c, S_DEBT_NEVER, args, 3);
}

static void
summary(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	char		 a[4][16];
	const char	*args[4] = { a[0], a[1], a[2], a[3] };

	summary_income(c);
	summary_order(c);
	summary_goal(c);
	summary_debts(c);
	itoa_buf(o->needs_pct, a[0]);
	itoa_buf(o->wants_pct, a[1]);
	itoa_buf(o->savings_pct, a[2]);
	itoa_buf(o->debt_pct, a[3]);
	add_sentence(c, S_SPLIT, args, 4);
	summary_data(c);
}

/* --- entry points -------------------------------------------------------------------- */

int
finance_plan(const struct fin_input *in, struct fin_plan *out)
{
	struct ctx cs, *c = &cs;

	if (in == NULL || out == NULL)
		return -1;
	memset(out, 0, sizeof(*out));
	memset(c, 0, sizeof(*c));
	out->timeline_months = -1;
	out->emergency_fund_tenths = -1;
	out->focus = -1;
	if (input_ok(in, &c->today) == -1)
		return -1;
	c->in = in;
	c->out = out;
	c->lang = lang_of(in->language);
	c->surplus = in->income_cents - in->expenses_cents;
	c->focus_debt = -1;
	read_debts(c);
	read_spending(c);
	essentials(c);
	pick_goal(c);
	build_steps(c);
	allocate(c);
	money_per_month(c);
	project(c);
	actions(c);
	summary(c);
	return 0;
}

struct cadence {
	const char	*name;
	int64_t		 mul, div;
};

static const struct cadence cadences[] = {
	{ "weekly", 12, 52 },
	{ "biweekly", 12, 26 },
	{ "twice_monthly", 1, 2 },
	{ "monthly", 1, 1 },
};

int64_t
finance_cycle_amount(int64_t monthly_cents, const char *cadence)
{
	size_t i;

	if (cadence == NULL || !amount_ok(monthly_cents))
		return -1;
	for (i = 0; i < sizeof(cadences) / sizeof(cadences[0]); i++)
		if (strcmp(cadences[i].name, cadence) == 0)
			return monthly_cents * cadences[i].mul / cadences[i].div;
	return -1;
}

int64_t
finance_effective_annual(int64_t rate_milli, int monthly)
{
	int64_t	 f, p = FIX_ONE;
	int	 i;

	if (rate_milli < 0 || rate_milli > (monthly ? FIN_MAX_RATE_MONTH_MILLI :
	    FIN_MAX_RATE_YEAR_MILLI))
		return -1;
	/* the month's factor 1 + r in fixed point: r = milli / 100000 (a year's: / 1200000) */
	f = FIX_ONE + (monthly ? rate_milli * 10000 : (rate_milli * 10000 + 6) / 12);
	for (i = 0; i < 12; i++)
		p = fix_mul(p, f);
	return ((p - FIX_ONE) * 100000 + FIX_ONE / 2) / FIX_ONE;
}

const char *
finance_step_name(enum fin_step_kind k)
{
	return (int)k >= 0 && k < FIN_STEP_COUNT ? step_names[k] : "invest";
}

const char *
finance_status_name(enum fin_status s)
{
	return (int)s >= 0 && s <= FIN_PENDING ? status_names[s] : "pending";
}

const char *
finance_action_name(enum fin_action_kind k)
{
	return (int)k >= 0 && k < FA_COUNT ? action_names[k] : "goal";
}

const char *
finance_focus_topic(const struct fin_plan *p)
{
	const struct fin_step *s;

	if (p == NULL || p->focus < 0 || p->focus >= p->n_steps)
		return "saving";
	s = &p->steps[p->focus];
	switch (s->kind) {
	case FIN_STEP_GAP:
		return "budget";
	case FIN_STEP_STARTER:
	case FIN_STEP_EMERGENCY:
		return "emergency";
	case FIN_STEP_HIGH_DEBT:
		return "debt";
	case FIN_STEP_GOAL:
		return strcmp(p->derived_goal_type, "debt_payoff") == 0 ? "debt" :
		    strcmp(p->derived_goal_type, "investment") == 0 ? "investing" : "saving";
	default:
		return "investing";
	}
}
