/*
 * coach_text.c: the local coach's sentences in English, Portuguese and
 * Spanish, and the helpers that put money, dates, counts and percentages for
 * people (coach_text.h). Nothing here allocates but the reply buffer.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/currency.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/coach_text.h"
#include "domain/lang.h"
#include "domain/money_fmt.h"

#define MAX_ARGS	9	/* {1}..{9} */

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
	[M_AFF_OTHER_CURRENCY] = {
	    "I can only weigh a price in your own currency, and {1} is in another one. Tell me what it costs in yours, e.g. \"can I afford {2} for it?\"",
	    "Só consigo avaliar um preço na sua moeda, e {1} está em outra. Me diga quanto custa na sua, por exemplo \"posso comprar por {2}?\"",
	    "Solo puedo evaluar un precio en tu moneda, y {1} está en otra. Dime cuánto cuesta en la tuya, por ejemplo \"¿puedo permitírmelo por {2}?\"" },
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

static const char *const nouns[N_COUNT][LANG_COUNT][2] = {
	[N_TRANSACTION] = { { "transaction", "transactions" }, { "transação", "transações" },
	    { "transacción", "transacciones" } },
	[N_MONTH] = { { "month", "months" }, { "mês", "meses" }, { "mes", "meses" } },
};

static const char *const month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	"Aug", "Sep", "Oct", "Nov", "Dec" };


/* How a period is said, in the order of enum cal_period. */
static const char *const period_labels[CAL_PERIOD_COUNT][LANG_COUNT] = {
	[CAL_TODAY] = { "today", "hoje", "hoy" },
	[CAL_YESTERDAY] = { "yesterday", "ontem", "ayer" },
	[CAL_THIS_WEEK] = { "this week", "nesta semana", "esta semana" },
	[CAL_LAST_WEEK] = { "last week", "na semana passada", "la semana pasada" },
	[CAL_THIS_MONTH] = { "this month", "neste mês", "este mes" },
	[CAL_LAST_MONTH] = { "last month", "no mês passado", "el mes pasado" },
	[CAL_LAST_7_DAYS] = { "in the last 7 days", "nos últimos 7 dias",
	    "en los últimos 7 días" },
	[CAL_LAST_30_DAYS] = { "in the last 30 days", "nos últimos 30 dias",
	    "en los últimos 30 días" },
	[CAL_LAST_90_DAYS] = { "in the last 90 days", "nos últimos 90 dias",
	    "en los últimos 90 días" },
	[CAL_THIS_YEAR] = { "this year", "neste ano", "este año" },
	[CAL_LAST_YEAR] = { "last year", "no ano passado", "el año pasado" },
};

/* ---- writing ---------------------------------------------------------------------- */

void
ct_init(struct ct *t, enum lang lang, const char *currency, struct buf *reply)
{
	int	 d;

	memset(t, 0, sizeof(*t));
	t->lang = (unsigned)lang < LANG_COUNT ? lang : LANG_EN;
	t->cur = currency != NULL && *currency ? currency : "USD";
	d = currency_minor_units(t->cur);
	t->digits = d >= 0 ? d : 2;
	t->reply = reply;
	buf_reset(reply);
}

/*
 * Message m with the NULL-terminated arguments of ap into out. Too long a
 * text is cut on a UTF-8 boundary (lang_expand): never half a character.
 */
static void
expand(struct ct *t, char *out, size_t outlen, enum ct_msg m, va_list ap)
{
	const char	*args[MAX_ARGS];
	size_t		 n = 0;

	while (n < MAX_ARGS && (args[n] = va_arg(ap, const char *)) != NULL)
		n++;
	(void)lang_expand(out, outlen, msgs[m][t->lang], args, n);
}

static char *
next_slot(struct ct *t)
{
	char *s = t->slot[t->nslot++ % CT_NSLOT];

	s[0] = '\0';
	return s;
}

void
ct_put(struct ct *t, const char *s)
{
	if (!t->fail && buf_puts(t->reply, s) == -1)
		t->fail = 1;
}

void
ct_say(struct ct *t, enum ct_msg m, ...)
{
	char		 text[CT_SENTENCE_MAX];
	size_t		 len = t->reply->len;
	va_list		 ap;

	va_start(ap, m);
	expand(t, text, sizeof(text), m, ap);
	va_end(ap);
	if (len > 0 && t->reply->data[len - 1] != ' ' && t->reply->data[len - 1] != '\n')
		ct_put(t, " ");
	ct_put(t, text);
}

const char *
ct_tr(struct ct *t, enum ct_msg m, ...)
{
	char		*s = next_slot(t);
	va_list		 ap;

	va_start(ap, m);
	expand(t, s, CT_SLOT_LEN, m, ap);
	va_end(ap);
	return s;
}

const char *
ct_concat(struct ct *t, ...)
{
	char		*s = next_slot(t);
	const char	*part;
	va_list		 ap;

	va_start(ap, t);
	while ((part = va_arg(ap, const char *)) != NULL)
		(void)lang_append(s, CT_SLOT_LEN, part);	/* cut as expand cuts */
	va_end(ap);
	return s;
}

const char *
ct_clip(struct ct *t, const char *s, size_t n)
{
	char	*out = next_slot(t);

	lang_clip(out, n < CT_SLOT_LEN ? n : CT_SLOT_LEN, s);
	return out;
}

/* ---- numbers and dates for people ------------------------------------------------- */

const char *
ct_money_in(struct ct *t, int64_t cents, const char *currency)
{
	char *s = next_slot(t);

	if (money_format(cents, currency, lang_code(t->lang), s, CT_SLOT_LEN) == -1)
		s[0] = '\0';
	return s;
}

const char *
ct_money(struct ct *t, int64_t cents)
{
	return ct_money_in(t, cents, t->cur);
}

const char *
ct_money_major(struct ct *t, int64_t units)
{
	int	 i;

	for (i = 0; i < t->digits; i++)
		units *= 10;
	return ct_money(t, units);
}

const char *
ct_int(struct ct *t, int64_t v)
{
	char *s = next_slot(t);

	snprintf(s, CT_SLOT_LEN, "%lld", (long long)v);
	return s;
}

const char *
ct_count(struct ct *t, int64_t n, enum ct_noun what)
{
	char *s = next_slot(t);

	snprintf(s, CT_SLOT_LEN, "%lld %s", (long long)n, nouns[what][t->lang][n == 1 ? 0 : 1]);
	return s;
}

const char *
ct_pct(struct ct *t, int64_t bp)
{
	char		*s = next_slot(t);
	uint64_t	 u = bp < 0 ? (uint64_t)0 - (uint64_t)bp : (uint64_t)bp;
	unsigned	 frac = (unsigned)(u % 100);
	char		 sep = t->lang == LANG_EN ? '.' : ',';

	if (frac == 0)
		snprintf(s, CT_SLOT_LEN, "%s%llu", bp < 0 ? "-" : "", (unsigned long long)(u / 100));
	else if (frac % 10 == 0)
		snprintf(s, CT_SLOT_LEN, "%s%llu%c%u", bp < 0 ? "-" : "",
		    (unsigned long long)(u / 100), sep, frac / 10);
	else
		snprintf(s, CT_SLOT_LEN, "%s%llu%c%02u", bp < 0 ? "-" : "",
		    (unsigned long long)(u / 100), sep, frac);
	return s;
}

const char *
ct_date(struct ct *t, const char *iso, int year)
{
	char	*s = next_slot(t);
	long	 y, m, d;

	if (cal_parse_ymd(iso, &y, &m, &d) == -1) {
		lang_clip(s, 11, iso);
		return s;
	}
	if (t->lang == LANG_EN && year)
		snprintf(s, CT_SLOT_LEN, "%s %ld, %ld", month_abbr[m - 1], d, y);
	else if (t->lang == LANG_EN)
		snprintf(s, CT_SLOT_LEN, "%s %ld", month_abbr[m - 1], d);
	else if (year)
		snprintf(s, CT_SLOT_LEN, "%02ld/%02ld/%ld", d, m, y);
	else
		snprintf(s, CT_SLOT_LEN, "%02ld/%02ld", d, m);
	return s;
}

const char *
ct_range(struct ct *t, const char *from, const char *to)
{
	long	 y1, m1, d1, y2, m2, d2;

	if (cal_parse_ymd(from, &y1, &m1, &d1) == -1 || cal_parse_ymd(to, &y2, &m2, &d2) == -1)
		return next_slot(t);
	if (strcmp(from, to) == 0)
		return CONCAT(t, " (", ct_date(t, to, 1), ")");
	return CONCAT(t, " (", ct_date(t, from, y1 != y2), msgs[M_RANGE][t->lang],
	    ct_date(t, to, 1), ")");
}

const char *
ct_join(struct ct *t, const char *const *items, size_t n)
{
	size_t i;

	t->list[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			(void)lang_append(t->list, sizeof(t->list), i + 1 == n ?
			    msgs[M_AND][t->lang] : ", ");
		(void)lang_append(t->list, sizeof(t->list), items[i]);
	}
	return t->list;
}

/* ---- names ------------------------------------------------------------------------- */

const char *
ct_category(struct ct *t, enum category c)
{
	return cat_names[(unsigned)c < CAT_COUNT ? c : CAT_OTHER][t->lang];
}

const char *
ct_category_named(struct ct *t, const char *api_name)
{
	enum category c;

	if (api_name != NULL && category_parse(api_name, &c) == 0)
		return cat_names[c][t->lang];
	return api_name ? api_name : cat_names[CAT_OTHER][t->lang];
}

const char *
ct_goal_type(struct ct *t, const char *type)
{
	size_t i;

	for (i = 0; i < sizeof(goal_type_names) / sizeof(goal_type_names[0]); i++)
		if (type != NULL && strcmp(type, goal_type_names[i].type) == 0)
			return goal_type_names[i].name[t->lang];
	return goal_type_names[0].name[t->lang];
}

const char *
ct_period(struct ct *t, enum cal_period p)
{
	return period_labels[(unsigned)p < CAL_PERIOD_COUNT ? p : CAL_THIS_MONTH][t->lang];
}

const char *
ct_refusal(enum lang lang)
{
	return refusals[(unsigned)lang < LANG_COUNT ? lang : LANG_EN];
}
