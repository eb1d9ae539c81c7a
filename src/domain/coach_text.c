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
	[M_SPENT_AT] = {
	    "You spent {1} at {2} {3}{4}, across {5}.",
	    "Você gastou {1} com {2} {3}{4}, em {5}.",
	    "Gastaste {1} en {2} {3}{4}, en {5}." },
	[M_NONE_AT] = {
	    "I don't see any spending at {1} {2}{3}.",
	    "Não encontrei gastos com {1} {2}{3}.",
	    "No veo gastos en {1} {2}{3}." },
	[M_UNSORTED] = {
	    "Another {1} of your {2} spending in that period has no subcategory yet, so part of it may be {3} too.",
	    "Outros {1} dos seus gastos com {2} no período ainda estão sem subcategoria, então parte pode ser de {3} também.",
	    "Otros {1} de tu gasto en {2} en ese período aún no tienen subcategoría, así que parte puede ser de {3} también." },
	[M_CANT_SPLIT] = {
	    "I can't split your spending by {1}, so here is all of it.",
	    "Não consigo separar seus gastos por {1}, então aqui vai o total.",
	    "No puedo separar tus gastos por {1}, así que aquí tienes el total." },
	[M_MONTHS_TOP] = {
	    "You spent the most{1} in {2} ({3}). Month by month: {4}.",
	    "Você gastou mais{1} em {2} ({3}). Mês a mês: {4}.",
	    "Gastaste más{1} en {2} ({3}). Mes a mes: {4}." },
	[M_CANT_SUBJECT] = {
	    "I can't tell what “{1}” is among your spending, so here is all of it.",
	    "Não sei o que é “{1}” entre os seus gastos, então aqui vai o total.",
	    "No sé qué es “{1}” entre tus gastos, así que aquí tienes el total." },
	[M_CANT_DATES] = {
	    "I can't tell which dates “{1}” means, so I'm answering for {2}.",
	    "Não sei a quais datas “{1}” se refere, então respondo pelo período {2}.",
	    "No sé a qué fechas se refiere “{1}”, así que respondo por el período {2}." },
	[M_FUTURE] = {
	    "That period ({1}) hasn't happened yet, so there's no spending to count.",
	    "Esse período ({1}) ainda não chegou, então não há gastos para contar.",
	    "Ese período ({1}) todavía no llegó, así que no hay gastos que contar." },
	[M_FUTURE_AVG] = {
	    "As a guide, over the last {1} you spent on average {2}{3} a month.",
	    "Como referência, nos últimos {1} você gastou em média {2}{3} por mês.",
	    "Como referencia, en los últimos {1} gastaste en promedio {2}{3} al mes." },
	[M_WHERE_AT] = {
	    "Where you spent the most: {1}.",
	    "Onde você mais gastou: {1}.",
	    "Donde más gastaste: {1}." },
	[M_TOP_TXNS] = {
	    "Your biggest expenses{1}{2}{3}: {4}.",
	    "Seus maiores gastos{1}{2}{3}: {4}.",
	    "Tus mayores gastos{1}{2}{3}: {4}." },
	[M_TOP_OF_LATEST] = {
	    "(Among your latest {1} transactions of that period.)",
	    "(Entre as suas últimas {1} transações do período.)",
	    "(Entre tus últimas {1} transacciones del período.)" },
	[M_LIST] = {
	    "Your latest expenses{1}{2}{3}: {4}.",
	    "Seus gastos mais recentes{1}{2}{3}: {4}.",
	    "Tus gastos más recientes{1}{2}{3}: {4}." },
	[M_LIST_MORE] = {
	    "There are more; ask me for a total or a period to see them summed up.",
	    "Há mais; peça um total ou um período para ver tudo somado.",
	    "Hay más; pídeme un total o un período para verlos sumados." },
	[M_CMP] = {
	    "You spent {1}{2} {3}{4}, against {5} {6}{7}: {8}.",
	    "Você gastou {1}{2} {3}{4}, contra {5} {6}{7}: {8}.",
	    "Gastaste {1}{2} {3}{4}, frente a {5} {6}{7}: {8}." },
	[M_CMP_SUBJ] = {
	    "You spent {1}{2} {3}{4}, against {5}{6}: {7}.",
	    "Você gastou {1}{2} {3}{4}, contra {5}{6}: {7}.",
	    "Gastaste {1}{2} {3}{4}, frente a {5}{6}: {7}." },
	[M_CMP_FULL] = {
	    "In the whole of {1} you spent {2}.",
	    "Em todo o mês de {1}, você gastou {2}.",
	    "En todo {1} gastaste {2}." },
	[M_DIFF_MORE] = {
	    "{1} more ({2}% more)",
	    "{1} a mais ({2}% a mais)",
	    "{1} más (un {2}% más)" },
	[M_DIFF_MORE_ABS] = {
	    "{1} more",
	    "{1} a mais",
	    "{1} más" },
	[M_DIFF_LESS] = {
	    "{1} less ({2}% less)",
	    "{1} a menos ({2}% a menos)",
	    "{1} menos (un {2}% menos)" },
	[M_DIFF_SAME] = {
	    "the same",
	    "o mesmo valor",
	    "lo mismo" },
	[M_SAME_DAYS_MONTH] = {
	    "in the same days of last month",
	    "nos mesmos dias do mês passado",
	    "en los mismos días del mes pasado" },
	[M_SAME_DAYS_WEEK] = {
	    "in the same days of last week",
	    "nos mesmos dias da semana passada",
	    "en los mismos días de la semana pasada" },
	[M_SAME_DAYS_YEAR] = {
	    "in the same period of last year",
	    "no mesmo período do ano passado",
	    "en el mismo período del año pasado" },
	[M_LIMIT_OVER] = {
	    "Yes: you spent {1}{2} {3}{4}, {5} more than {6}.",
	    "Sim: você gastou {1}{2} {3}{4}, {5} a mais que {6}.",
	    "Sí: gastaste {1}{2} {3}{4}, {5} más que {6}." },
	[M_LIMIT_UNDER] = {
	    "No: you spent {1}{2} {3}{4}, {5} less than {6}.",
	    "Não: você gastou {1}{2} {3}{4}, {5} a menos que {6}.",
	    "No: gastaste {1}{2} {3}{4}, {5} menos que {6}." },
	[M_ON_SUBJ] = {
	    " on {1}",
	    " com {1}",
	    " en {1}" },
	[M_AT_SUBJ] = {
	    " at {1}",
	    " com {1}",
	    " en {1}" },
	[M_AVG] = {
	    "On average you spent {1}{2} a month {3}{4}: {5}.",
	    "Em média, você gastou {1}{2} por mês {3}{4}: {5}.",
	    "En promedio, gastaste {1}{2} al mes {3}{4}: {5}." },
	[M_AVG_WEEK] = {
	    "On average you spent {1}{2} a week {3}{4}, over {5} weeks.",
	    "Em média, você gastou {1}{2} por semana {3}{4}, em {5} semanas.",
	    "En promedio, gastaste {1}{2} a la semana {3}{4}, en {5} semanas." },
	[M_LAST_N_MONTHS] = {
	    "in the last {1}",
	    "nos últimos {1}",
	    "en los últimos {1}" },
	[M_AVG_VS_BASE] = {
	    "Your intake puts your usual expenses at {1} a month.",
	    "No seu diagnóstico, suas despesas de costume são {1} por mês.",
	    "Según tu diagnóstico, tus gastos habituales son {1} al mes." },
	[M_REC_LIST] = {
	    "Your recurring payments: {1}.",
	    "Seus pagamentos recorrentes: {1}.",
	    "Tus pagos recurrentes: {1}." },
	[M_REC_SUBS] = {
	    "Your subscriptions: {1}.",
	    "Suas assinaturas: {1}.",
	    "Tus suscripciones: {1}." },
	[M_REC_TOTAL] = {
	    "Together they cost about {1} a month.",
	    "Juntos, custam cerca de {1} por mês.",
	    "En total cuestan unos {1} al mes." },
	[M_REC_LAST] = {
	    "{1} {2}, last on {3}",
	    "{1} {2}, último em {3}",
	    "{1} {2}, el último el {3}" },
	[M_AVG_ONE] = {
	    "You have one complete month of history so far: in {1} you spent {2}{3}.",
	    "Por enquanto você tem um mês completo de histórico: em {1} você gastou {2}{3}.",
	    "Por ahora tienes un mes completo de historial: en {1} gastaste {2}{3}." },
	[M_AVG_NONE] = {
	    "You don't have a complete month of history yet, so there's no average to give; ask me again next month.",
	    "Você ainda não tem um mês completo de histórico, então não há média para calcular; me pergunte de novo no mês que vem.",
	    "Aún no tienes un mes completo de historial, así que no hay promedio que calcular; pregúntame de nuevo el mes que viene." },
	[M_REC_NEXT] = {
	    "{1} {2}, next on {3}",
	    "{1} {2}, próximo em {3}",
	    "{1} {2}, el próximo el {3}" },
	[M_REC_NONE] = {
	    "I don't see payments that come back regularly in your last year of transactions yet. Once a charge repeats (rent, a phone plan, a streaming service), I'll list it here.",
	    "Ainda não vejo pagamentos que se repetem no seu último ano de transações. Quando uma cobrança se repetir (aluguel, plano de celular, streaming), eu listo aqui.",
	    "Aún no veo pagos que se repitan en tu último año de transacciones. Cuando un cargo se repita (alquiler, plan de móvil, streaming), lo listaré aquí." },
	[M_REC_NO_SUBS] = {
	    "I don't see any subscriptions among the payments that come back.",
	    "Não vejo assinaturas entre os pagamentos que se repetem.",
	    "No veo suscripciones entre los pagos que se repiten." },
	[M_REC_MORE] = {
	    "{1} more",
	    "mais {1}",
	    "{1} más" },
	[M_WEEKLY] = {
	    "a week",
	    "por semana",
	    "a la semana" },
	[M_BIWEEKLY] = {
	    "every two weeks",
	    "a cada duas semanas",
	    "cada dos semanas" },
	[M_MONTHLY] = {
	    "a month",
	    "por mês",
	    "al mes" },
	[M_QUARTERLY] = {
	    "a quarter",
	    "por trimestre",
	    "al trimestre" },
	[M_YEARLY] = {
	    "a year",
	    "por ano",
	    "al año" },
	[M_INCOME_INTAKE] = {
	    "Your intake puts your monthly income at {1}.",
	    "No seu diagnóstico, sua renda mensal é {1}.",
	    "Según tu diagnóstico, tus ingresos mensuales son {1}." },
	[M_DEBT_LIST] = {
	    "Your debts: {1}.",
	    "Suas dívidas: {1}.",
	    "Tus deudas: {1}." },
	[M_DEBT_ITEM_RATE] = {
	    "{1} ({2} at {3})",
	    "{1} ({2}, juros de {3})",
	    "{1} ({2}, interés del {3})" },
	[M_DEBT_ITEM] = {
	    "{1} ({2})",
	    "{1} ({2})",
	    "{1} ({2})" },
	[M_RATE_MONTH] = {
	    "{1}% a month",
	    "{1}% ao mês",
	    "{1}% mensual" },
	[M_RATE_YEAR] = {
	    "{1}% a year",
	    "{1}% ao ano",
	    "{1}% anual" },
	[M_DEBT_OWE_ON] = {
	    "You owe {1} on {2} at {3}.",
	    "Você tem uma dívida de {1} ({2}), com juros de {3}.",
	    "Tienes una deuda de {1} ({2}), con un interés del {3}." },
	[M_DEBT_INTEREST] = {
	    "Together they cost about {1} a month in interest.",
	    "Juntas, custam cerca de {1} por mês em juros.",
	    "En conjunto te cuestan unos {1} al mes en intereses." },
	[M_DEBT_INTEREST_ONE] = {
	    "That costs about {1} a month in interest.",
	    "Isso custa cerca de {1} por mês em juros.",
	    "Eso te cuesta unos {1} al mes en intereses." },
	[M_DEBT_FIRST] = {
	    "Pay off “{1}” first: at {2} it's the most expensive; keep paying at least the minimum on the others.",
	    "Quite primeiro “{1}”: com juros de {2}, é a mais cara; nas outras, pague pelo menos o mínimo.",
	    "Paga primero “{1}”: con un interés del {2}, es la más cara; en las demás, paga al menos el mínimo." },
	[M_DEBT_COSTLY] = {
	    "At {1} that's very expensive debt: paying it down beats any saving or purchase.",
	    "Com juros de {1}, essa é uma dívida muito cara: abatê-la vale mais do que qualquer poupança ou compra.",
	    "Con un interés del {1}, es una deuda muy cara: pagarla rinde más que cualquier ahorro o compra." },
	[M_YOUR_DEBT] = {
	    "your debt",
	    "sua dívida",
	    "tu deuda" },
	[M_AFF_DEBT_NO] = {
	    "Not yet: you owe {1} on {2} at {3}, which costs about {4} a month in interest.",
	    "Ainda não: você tem uma dívida de {1} ({2}), com juros de {3}, o que custa cerca de {4} de juros por mês.",
	    "Todavía no: tienes una deuda de {1} ({2}), con un interés del {3}, lo que te cuesta unos {4} al mes en intereses." },
	[M_AFF_DEBT_SAVE] = {
	    "Putting the {1} toward that debt instead would save about {2} of interest every month.",
	    "Usar esses {1} para abater essa dívida economizaria cerca de {2} de juros por mês.",
	    "Destinar esos {1} a esa deuda te ahorraría unos {2} de intereses cada mes." },
	[M_AFF_DEBT_WHEN] = {
	    "Your plan has you debt free by {1}; the purchase fits much better after that.",
	    "Pelo seu plano, você fica livre das dívidas em {1}; a compra cabe muito melhor depois disso.",
	    "Según tu plan, quedas libre de deudas el {1}; la compra encaja mucho mejor después." },
	[M_AFF_DEBT_AFTER] = {
	    "Once it's paid off, ask me again: the same {1} will weigh much less.",
	    "Depois de quitá-la, me pergunte de novo: os mesmos {1} vão pesar bem menos.",
	    "Cuando la hayas pagado, pregúntame de nuevo: los mismos {1} pesarán mucho menos." },
	[M_AFF_DEBT_SMALL] = {
	    "It's small, but keep in mind you owe {1} at {2}: every amount you can put toward it saves interest.",
	    "É um valor pequeno, mas lembre que você deve {1} com juros de {2}: cada valor que você puder abater economiza juros.",
	    "Es poco, pero recuerda que debes {1} con un interés del {2}: cada monto que puedas destinar a esa deuda te ahorra intereses." },
	[M_AFF_DEBT_NOTE] = {
	    "You also owe {1} at {2}: the same {3} toward it would save about {4} of interest a month.",
	    "Você também deve {1}, com juros de {2}: os mesmos {3} abatidos ali economizariam cerca de {4} de juros por mês.",
	    "También debes {1}, con un interés del {2}: esos mismos {3} destinados a esa deuda te ahorrarían unos {4} de intereses al mes." },
	[M_AFF_SPENT_MORE] = {
	    "You've already spent {1} this month, more than the {2} you usually spend, so less is free than usual.",
	    "Neste mês você já gastou {1}, mais que os {2} de costume, então sobra menos que o normal.",
	    "Este mes ya gastaste {1}, más que los {2} habituales, así que te queda menos de lo normal." },
	[M_AFF_BY_YES] = {
	    "Yes, {1} fits by {2}: with about {3} free this month and {4} a month after that, you'd have about {5} by then.",
	    "Sim, {1} cabe até {2}: com cerca de {3} livres neste mês e {4} por mês depois, você teria cerca de {5} até lá.",
	    "Sí, {1} entra para {2}: con unos {3} libres este mes y {4} al mes después, tendrías unos {5} para entonces." },
	[M_AFF_BY_SET] = {
	    "Set aside about {1} a month until then.",
	    "Separe cerca de {1} por mês até lá.",
	    "Aparta unos {1} al mes hasta entonces." },
	[M_AFF_BY_NO] = {
	    "Not by {1}: {2} is more than the {3} or so you'd have free by then ({4} short).",
	    "Até {1}, não: {2} é mais do que os cerca de {3} que sobrariam até lá (faltariam {4}).",
	    "Para {1}, no: {2} es más que los aproximadamente {3} que tendrías libres para entonces (te faltarían {4})." },
	[M_AFF_GOAL_DATE] = {
	    "It would also push “{1}” past its target date of {2}.",
	    "Isso também empurraria “{1}” para depois da data-alvo, {2}.",
	    "Además, “{1}” pasaría de su fecha objetivo, el {2}." },
	[M_GOAL_BEHIND] = {
	    "At {1} a month you'd get there by {2}, {3} after your target date of {4}, so you're behind.",
	    "Com {1} por mês você chegaria lá em {2}, {3} depois da data-alvo de {4}: nesse ritmo, a meta atrasa.",
	    "Con {1} al mes llegarías el {2}, {3} después de tu fecha objetivo del {4}: vas con retraso." },
	[M_GOAL_AHEAD] = {
	    "At {1} a month you'd get there by {2}, {3} ahead of your target date of {4}.",
	    "Com {1} por mês você chega lá em {2}, {3} antes da data-alvo de {4}.",
	    "Con {1} al mes llegarías el {2}, {3} antes de tu fecha objetivo del {4}." },
	[M_GOAL_ON_TIME] = {
	    "At {1} a month you'd get there by {2}, in time for your target date of {3}.",
	    "Com {1} por mês você chega lá em {2}, a tempo da data-alvo de {3}.",
	    "Con {1} al mes llegarías el {2}, a tiempo para tu fecha objetivo del {3}." },
	[M_GOAL_NEED] = {
	    "To make {1}, you'd need about {2} a month, {3} more than now.",
	    "Para chegar lá até {1}, precisaria de cerca de {2} por mês, {3} a mais do que hoje.",
	    "Para llegar al {1}, necesitarías unos {2} al mes, {3} más que ahora." },
	[M_GOAL_NEED_ONLY] = {
	    "To reach it by {1} you need about {2} a month, and about {3} is left over each month: {4}.",
	    "Para chegar lá até {1} você precisa de cerca de {2} por mês, e sobram cerca de {3} por mês: {4}.",
	    "Para llegar el {1} necesitas unos {2} al mes, y te quedan unos {3} al mes: {4}." },
	[M_GOAL_ENOUGH] = {
	    "enough, if it goes to the goal",
	    "dá, se for para a meta",
	    "alcanza, si va a la meta" },
	[M_GOAL_SHORT] = {
	    "{1} a month short",
	    "faltam {1} por mês",
	    "te faltan {1} al mes" },
	[M_GOAL_PAST] = {
	    "Its target date, {1}, has already passed: set a new one and I'll tell you what it takes.",
	    "A data-alvo, {1}, já passou: defina uma nova e eu te digo o que é preciso.",
	    "Su fecha objetivo, el {1}, ya pasó: fija una nueva y te diré lo que hace falta." },
	[M_SAV_CONTRIB] = {
	    "You put {1} into savings {2}{3}.",
	    "Você guardou {1} {2}{3}.",
	    "Ahorraste {1} {2}{3}." },
	[M_SAV_NO_CONTRIB] = {
	    "I don't see money put into savings {1}{2}.",
	    "Não vejo dinheiro guardado {1}{2}.",
	    "No veo dinero ahorrado {1}{2}." },
	[M_LOGGED_SAVING] = {
	    "Logged {1} put into savings ({2}) on {3}; it doesn't count as spending.",
	    "Registrei {1} guardados ({2}) no dia {3}; isso não conta como gasto.",
	    "Registré {1} ahorrados ({2}) el {3}; no cuenta como gasto." },
	[M_LOGGED_DEBT] = {
	    "Logged {1} paid toward debt ({2}) on {3}; it doesn't count as spending.",
	    "Registrei {1} de pagamento de dívida ({2}) no dia {3}; isso não conta como gasto.",
	    "Registré {1} de pago de deuda ({2}) el {3}; no cuenta como gasto." },
	[M_LOGGED_TRANSFER] = {
	    "Logged a transfer of {1} ({2}) on {3}; it doesn't count as spending.",
	    "Registrei uma transferência de {1} ({2}) no dia {3}; isso não conta como gasto.",
	    "Registré una transferencia de {1} ({2}) el {3}; no cuenta como gasto." },
	[M_LOGGED_GOAL] = {
	    "Your goal “{1}” stands at {2} of {3}.",
	    "Sua meta “{1}” está em {2} de {3}.",
	    "Tu meta “{1}” va en {2} de {3}." },
	[M_OOS_INVEST] = {
	    "I can't recommend investments or predict returns: a licensed adviser is the right person for that.",
	    "Não posso recomendar investimentos nem prever rendimentos: um profissional certificado é a pessoa certa para isso.",
	    "No puedo recomendar inversiones ni predecir rendimientos: un asesor autorizado es la persona indicada para eso." },
	[M_OOS_DEBT_FIRST] = {
	    "What I can say from your numbers: “{1}” at {2} costs more than almost any investment pays, so paying it off comes first.",
	    "O que posso dizer pelos seus números: “{1}”, com juros de {2}, custa mais do que quase qualquer investimento rende, então quitar essa dívida vem primeiro.",
	    "Lo que sí puedo decirte por tus números: “{1}”, con un interés del {2}, cuesta más de lo que casi cualquier inversión rinde, así que pagar esa deuda va primero." },
	[M_OOS_FUND_FIRST] = {
	    "What I can say from your numbers: your savings ({1}) cover less than 3 months of your expenses ({2}), so building that cushion comes first.",
	    "O que posso dizer pelos seus números: sua reserva ({1}) cobre menos de 3 meses das suas despesas ({2}), então montar essa reserva vem primeiro.",
	    "Lo que sí puedo decirte por tus números: tus ahorros ({1}) cubren menos de 3 meses de tus gastos ({2}), así que formar ese colchón va primero." },
	[M_OOS_READY] = {
	    "From your numbers, your debts and emergency cushion look in order, which is the usual groundwork before investing.",
	    "Pelos seus números, suas dívidas e sua reserva de emergência estão em ordem, que é a base de costume antes de investir.",
	    "Por tus números, tus deudas y tu fondo de emergencia están en orden, que es la base habitual antes de invertir." },
	[M_OOS_TAX] = {
	    "I can't help with taxes or legal questions: a tax professional or a lawyer is the right person for that. I can tell you what you spent on taxes and fees, if that helps.",
	    "Não posso ajudar com impostos ou questões jurídicas: um contador ou um advogado é a pessoa certa para isso. Posso te dizer quanto você gastou com impostos e tarifas, se ajudar.",
	    "No puedo ayudar con impuestos ni cuestiones legales: un asesor fiscal o un abogado es la persona indicada. Puedo decirte cuánto gastaste en impuestos y comisiones, si te sirve." },
	[M_OOS_OFFTOPIC] = {
	    "That's outside what I can help with: I'm your money coach, so I stick to your spending, goals, debts and plan.",
	    "Isso foge do que eu sei fazer: sou seu coach financeiro, então fico nos seus gastos, metas, dívidas e plano.",
	    "Eso está fuera de lo que puedo hacer: soy tu coach financiero, así que me ocupo de tus gastos, metas, deudas y plan." },
	[M_F_TIME] = {
	    "time of day",
	    "horário",
	    "hora del día" },
	[M_F_WEEKDAY] = {
	    "day of the week",
	    "dia da semana",
	    "día de la semana" },
	[M_F_PAYMENT] = {
	    "how you paid",
	    "forma de pagamento",
	    "forma de pago" },
	[M_F_PERSON] = {
	    "who it was for",
	    "para quem foi",
	    "para quién fue" },
	[M_IN_MONTH] = {
	    "in {1}",
	    "em {1}",
	    "en {1}" },
	[M_IN_MONTH_YEAR] = {
	    "in {1} {2}",
	    "em {1} de {2}",
	    "en {1} de {2}" },
	[M_IN_YEAR] = {
	    "in {1}",
	    "em {1}",
	    "en {1}" },
	[M_ON_DAY] = {
	    "on {1}",
	    "em {1}",
	    "el {1}" },
	[M_BETWEEN] = {
	    "between {1} and {2}",
	    "entre {1} e {2}",
	    "entre el {1} y el {2}" },
	[M_LAST_DAYS] = {
	    "in the last {1} days",
	    "nos últimos {1} dias",
	    "en los últimos {1} días" },
	[M_SPAN] = {
	    "{1} – {2}",
	    "{1} a {2}",
	    "{1} al {2}" },
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

/* Subcategories (categorize.c) and the groups the coach speaks of, for people. */
static const struct subject_name {
	const char	*name;
	const char	*text[LANG_COUNT];
} subject_names[] = {
	{ "eating_out", { "eating out", "refeições fora de casa", "comidas fuera de casa" } },
	{ "groceries", { "groceries", "mercado", "supermercado" } },
	{ "restaurants", { "restaurants", "restaurantes", "restaurantes" } },
	{ "delivery", { "delivery", "delivery", "comida a domicilio" } },
	{ "coffee", { "coffee", "café", "café" } },
	{ "bars", { "bars", "bares", "bares" } },
	{ "rideshare", { "rides and taxis", "corridas e táxis", "taxis y VTC" } },
	{ "fuel", { "fuel", "combustível", "combustible" } },
	{ "public_transit", { "public transport", "transporte público", "transporte público" } },
	{ "parking", { "parking", "estacionamento", "aparcamiento" } },
	{ "tolls", { "tolls", "pedágios", "peajes" } },
	{ "airfare", { "flights", "passagens aéreas", "vuelos" } },
	{ "car_rental", { "car rental", "aluguel de carro", "alquiler de coche" } },
	{ "car_maintenance", { "car upkeep", "manutenção do carro", "mantenimiento del coche" } },
	{ "insurance", { "insurance", "seguros", "seguros" } },
	{ "rent", { "rent", "aluguel", "alquiler" } },
	{ "mortgage", { "mortgage", "financiamento imobiliário", "hipoteca" } },
	{ "condo_fees", { "condo fees", "condomínio", "gastos de comunidad" } },
	{ "property_tax", { "property tax", "IPTU", "IBI" } },
	{ "home_maintenance", { "home upkeep", "manutenção da casa", "mantenimiento del hogar" } },
	{ "furniture", { "furniture", "móveis", "muebles" } },
	{ "electricity", { "electricity", "luz", "luz" } },
	{ "water", { "water", "água", "agua" } },
	{ "gas", { "gas", "gás", "gas" } },
	{ "internet", { "internet", "internet", "internet" } },
	{ "phone", { "phone", "telefone", "teléfono" } },
	{ "tv", { "TV", "TV", "televisión" } },
	{ "pharmacy", { "pharmacy", "farmácia", "farmacia" } },
	{ "doctor", { "doctors", "médicos", "médicos" } },
	{ "dental", { "dentist", "dentista", "dentista" } },
	{ "fitness", { "gym and sports", "academia e esportes", "gimnasio y deporte" } },
	{ "streaming", { "streaming", "streaming", "streaming" } },
	{ "subscriptions", { "subscriptions", "assinaturas", "suscripciones" } },
	{ "games", { "games", "jogos", "videojuegos" } },
	{ "events", { "events and outings", "eventos e passeios", "eventos y salidas" } },
	{ "travel", { "travel", "viagens", "viajes" } },
	{ "hobbies", { "hobbies", "hobbies", "aficiones" } },
	{ "tuition", { "tuition", "mensalidades", "matrículas" } },
	{ "courses", { "courses", "cursos", "cursos" } },
	{ "books", { "books", "livros", "libros" } },
	{ "supplies", { "school supplies", "material escolar", "material escolar" } },
	{ "apparel", { "clothes", "roupas", "ropa" } },
	{ "shoes", { "shoes", "calçados", "calzado" } },
	{ "accessories", { "accessories", "acessórios", "accesorios" } },
	{ "personal_care", { "personal care", "cuidados pessoais", "cuidado personal" } },
	{ "pets", { "pets", "pets", "mascotas" } },
	{ "gifts", { "gifts and donations", "presentes e doações", "regalos y donaciones" } },
	{ "taxes", { "taxes", "impostos", "impuestos" } },
	{ "bank_fees", { "bank fees", "tarifas bancárias", "comisiones bancarias" } },
	{ "cash", { "cash withdrawals", "saques", "retiros de efectivo" } },
	{ "shopping", { "shopping", "compras", "compras" } },
	{ "electronics", { "electronics", "eletrônicos", "electrónica" } },
	{ "childcare", { "childcare", "cuidado infantil", "cuidado infantil" } },
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

const char *
ct_subject(struct ct *t, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < sizeof(subject_names) / sizeof(subject_names[0]); i++)
		if (strcmp(name, subject_names[i].name) == 0)
			return subject_names[i].text[t->lang];
	return name ? name : "";
}

const char *
ct_month(struct ct *t, long m)
{
	return cal_month_name(m, t->lang);
}

const char *
ct_month_year(struct ct *t, long y, long m, long today)
{
	long	 ty, tm, td;

	cal_date(today, &ty, &tm, &td);
	if (y == ty)
		return ct_month(t, m);
	return CONCAT(t, ct_month(t, m), t->lang == LANG_EN ? " " : " de ", ct_int(t, y));
}

/* A day for people, with the year only when asked. */
static const char *
day_text(struct ct *t, long z, int year)
{
	char	 iso[11];

	cal_format(z, iso);
	return ct_date(t, iso, year);
}

const char *
ct_span(struct ct *t, long from, long to)
{
	long	 y1, y2, m, d;

	cal_date(from, &y1, &m, &d);
	cal_date(to, &y2, &m, &d);
	if (from == to)
		return day_text(t, to, 1);
	return TR(t, M_SPAN, day_text(t, from, y1 != y2), day_text(t, to, 1));
}

const char *
ct_when(struct ct *t, const struct cw_period *p, long to, long today)
{
	long	 y1, y2, m, d;

	switch (p->how) {
	case CW_NAMED:
		return ct_period(t, p->named);
	case CW_MONTH:
		cal_date(today, &y1, &m, &d);
		if (p->y == y1)
			return TR(t, M_IN_MONTH, ct_month(t, p->m));
		return TR(t, M_IN_MONTH_YEAR, ct_month(t, p->m), ct_int(t, p->y));
	case CW_YEAR:
		return TR(t, M_IN_YEAR, ct_int(t, p->y));
	case CW_DAY:
		return TR(t, M_ON_DAY, day_text(t, p->from, 1));
	case CW_LAST_DAYS:
		return TR(t, M_LAST_DAYS, ct_int(t, to - p->from + 1));
	case CW_RANGE:
	default:
		cal_date(p->from, &y1, &m, &d);
		cal_date(to, &y2, &m, &d);
		if (p->from == to)
			return TR(t, M_ON_DAY, day_text(t, to, 1));
		return TR(t, M_BETWEEN, day_text(t, p->from, y1 != y2), day_text(t, to, 1));
	}
}

const char *
ct_when_dates(struct ct *t, const struct cw_period *p, long from, long to)
{
	char	 f[11], e[11];

	if (p->how == CW_DAY || p->how == CW_RANGE)
		return next_slot(t);
	cal_format(from, f);
	cal_format(to, e);
	return ct_range(t, f, e);
}

const char *
ct_rate(struct ct *t, int64_t milli, int monthly)
{
	char		*s = next_slot(t);
	uint64_t	 u = milli < 0 ? 0 : (uint64_t)milli;
	unsigned	 frac = (unsigned)(u % 1000);
	char		 sep = t->lang == LANG_EN ? '.' : ',';

	if (frac == 0)
		snprintf(s, CT_SLOT_LEN, "%llu", (unsigned long long)(u / 1000));
	else if (frac % 100 == 0)
		snprintf(s, CT_SLOT_LEN, "%llu%c%u", (unsigned long long)(u / 1000), sep, frac / 100);
	else if (frac % 10 == 0)
		snprintf(s, CT_SLOT_LEN, "%llu%c%02u", (unsigned long long)(u / 1000), sep, frac / 10);
	else
		snprintf(s, CT_SLOT_LEN, "%llu%c%03u", (unsigned long long)(u / 1000), sep, frac);
	return TR(t, monthly ? M_RATE_MONTH : M_RATE_YEAR, s);
}
