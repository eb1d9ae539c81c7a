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

#define EMERGENCY_MONTHS	3	/* an emergency fund covers 3 months of expenses */
#define FOOD_NEEDS_PCT		15	/* food up to 15% of income is groceries (a need) */
#define NEEDS_MIN_PCT		35
#define NEEDS_MAX_PCT		65
#define WANTS_MIN_PCT		10	/* a plan with no fun money is a plan nobody follows */
#define CAT_ACTIONS_MAX		3
#define DEBT_CLEAR_MONTHS	60	/* the horizon of the "raise your payment" advice */
#define FASTER_PAYOFF_PCT	25	/* "pay 25% more" in the interest-saved advice */
#define GOAL_NAME_MAX		64	/* bytes of a goal name quoted in a text */
#define RATE_BP_MIN		(-1000000)	/* -10000%: a floor for tiny incomes */

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
	    { "your investments", "seus investimentos", "tus inversiones" } },
};

static const char *const emergency_name[LANG_COUNT] = {
	"your emergency fund", "sua reserva de emergência", "tu fondo de emergencia"
};

enum { K_NONE, K_NEED, K_WANT, K_FOOD };

/* How a category counts, its share of the needs and wants budgets (%), its name. */
struct cat_plan {
	unsigned char	 kind;
	unsigned char	 need_w, want_w;
	const char	*name[LANG_COUNT];
};

static const struct cat_plan cats[CAT_COUNT] = {
	[CAT_FOOD] = { K_FOOD, 20, 30, { "food", "alimentação", "comida" } },
	[CAT_TRANSPORT] = { K_NEED, 12, 0, { "transport", "transporte", "transporte" } },
	[CAT_HOUSING] = { K_NEED, 50, 0, { "housing", "moradia", "vivienda" } },
	[CAT_UTILITIES] = { K_NEED, 10, 0, { "utilities", "contas da casa", "servicios" } },
	[CAT_HEALTH] = { K_NEED, 5, 0, { "health", "saúde", "salud" } },
	[CAT_ENTERTAINMENT] = { K_WANT, 0, 30, { "entertainment", "lazer", "ocio" } },
	[CAT_EDUCATION] = { K_NEED, 3, 0, { "education", "educação", "educación" } },
	[CAT_CLOTHING] = { K_WANT, 0, 15, { "clothing", "vestuário", "ropa" } },
	[CAT_INCOME] = { K_NONE, 0, 0, { "income", "renda", "ingresos" } },
	[CAT_OTHER] = { K_WANT, 0, 25, { "other spending", "outros gastos", "otros gastos" } },
};

/* Action kinds, in their default rank. */
enum akind { A_GAP, A_NO_INCOME, A_DEBT_NEVER, A_DEBT_SLOW, A_CATEGORY, A_EMERGENCY,
	A_TARGET_DATE, A_DEBT_FASTER, A_RATE, A_REACHED, A_KEEP, A_COUNT };

/* personality_type reorders the advice: rank[kind], lower first; max_actions caps it. */
struct personality {
	const char	*name;
	int		 max_actions;
	unsigned char	 rank[A_COUNT];
};

static const struct personality personalities[] = {
	{ NULL, FIN_MAX_ACTIONS, { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 } },
	/* savers respond to safety and growth: emergency fund and payoff first */
	{ "saver", FIN_MAX_ACTIONS, { 0, 1, 2, 3, 6, 4, 7, 5, 8, 9, 10 } },
	/* spenders need the concrete cuts and the rate they buy */
	{ "spender", FIN_MAX_ACTIONS, { 0, 1, 2, 3, 4, 6, 7, 8, 5, 9, 10 } },
	/* avoiders act on a few clear steps, not a list */
	{ "avoider", 3, { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 } },
	/* planners want the date first */
	{ "planner", FIN_MAX_ACTIONS, { 0, 1, 2, 3, 5, 6, 4, 7, 8, 9, 10 } },
};

enum text {
	T_MONTH, T_MONTHS,
	S_INCOME, S_GAP, S_NO_INCOME, S_TIMELINE, S_TIMELINE_DEBT, S_REACHED, S_REACHED_DEBT,
	S_NEVER, S_BEYOND, S_DEBT, S_DEBT_NEVER, S_SPLIT,
	X_GAP, X_NO_INCOME, X_DEBT_NEVER, X_DEBT_SLOW, X_CATEGORY, X_EMERGENCY, X_TARGET_DATE,
	X_DEBT_FASTER, X_RATE, X_REACHED, X_KEEP, T_COUNT
};

/* {n} is the n-th argument, already formatted; every number comes from the plan. */
static const char *const texts[T_COUNT][LANG_COUNT] = {
	[T_MONTH] = { "{1} month", "{1} mês", "{1} mes" },
	[T_MONTHS] = { "{1} months", "{1} meses", "{1} meses" },
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
	[S_TIMELINE] = {
	    "Putting {1} a month toward {2} ({3}), you get there in {4}, around {5}.",
	    "Guardando {1} por mês para {2} ({3}), você chega lá em {4}, por volta de {5}.",
	    "Apartando {1} al mes para {2} ({3}), llegas en {4}, hacia {5}." },
	[S_TIMELINE_DEBT] = {
	    "Paying {1} a month, {2} ({3}) is done in {4}, around {5}.",
	    "Pagando {1} por mês, {2} ({3}) termina em {4}, por volta de {5}.",
	    "Pagando {1} al mes, {2} ({3}) termina en {4}, hacia {5}." },
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
	    "No ritmo atual {1} ({2}) ainda não pode ser alcançada; os passos abaixo mudam isso.",
	    "Al ritmo actual {1} ({2}) aún no se puede alcanzar; los pasos de abajo lo cambian." },
	[S_BEYOND] = {
	    "At {1} a month, {2} ({3}) takes more than 30 years; the steps below shorten it.",
	    "Com {1} por mês, {2} ({3}) leva mais de 30 anos; os passos abaixo encurtam isso.",
	    "Con {1} al mes, {2} ({3}) tarda más de 30 años; los pasos de abajo lo acortan." },
	[S_DEBT] = {
	    "Your debt of {1} is paid off around {2}.",
	    "Sua dívida de {1} fica quitada por volta de {2}.",
	    "Tu deuda de {1} queda pagada hacia {2}." },
	[S_DEBT_NEVER] = {
	    "A payment of {1} does not clear your debt of {2}, which charges {3} of interest a month.",
	    "Um pagamento de {1} não quita sua dívida de {2}, que cobra {3} de juros por mês.",
	    "Un pago de {1} no salda tu deuda de {2}, que cobra {3} de intereses al mes." },
	[S_SPLIT] = {
	    "Suggested split of income: {1}% needs, {2}% wants, {3}% savings, {4}% debt.",
	    "Divisão sugerida da renda: {1}% necessidades, {2}% desejos, {3}% poupança, {4}% dívidas.",
	    "Reparto sugerido del ingreso: {1}% necesidades, {2}% deseos, {3}% ahorro, {4}% deudas." },
	[X_GAP] = {
	    "Close the monthly gap of {1} first: cut at least {1} a month from your spending.",
	    "Feche primeiro a diferença mensal de {1}: corte pelo menos {1} por mês dos seus gastos.",
	    "Cierra primero la brecha mensual de {1}: recorta al menos {1} al mes de tus gastos." },
	[X_NO_INCOME] = {
	    "Record your income: without it, expenses of {1} a month come out of savings.",
	    "Registre sua renda: sem ela, despesas de {1} por mês saem da poupança.",
	    "Registra tus ingresos: sin ellos, gastos de {1} al mes salen de tus ahorros." },
	[X_DEBT_NEVER] = {
	    "Raise your debt payment by {1} to {2} a month: {3} does not cover the {4} monthly interest, and {2} clears it in 60 months.",
	    "Aumente o pagamento da dívida em {1}, para {2} por mês: {3} não cobre os juros de {4} por mês, e {2} quita tudo em 60 meses.",
	    "Sube el pago de tu deuda en {1}, a {2} al mes: {3} no cubre los {4} de intereses mensuales, y {2} la salda en 60 meses." },
	[X_DEBT_SLOW] = {
	    "Raise your debt payment by {1} to {2} a month: at {3} it takes more than 30 years, at {2} it is cleared in 60 months.",
	    "Aumente o pagamento da dívida em {1}, para {2} por mês: com {3} leva mais de 30 anos, com {2} quita em 60 meses.",
	    "Sube el pago de tu deuda en {1}, a {2} al mes: con {3} tarda más de 30 años, con {2} se salda en 60 meses." },
	[X_CATEGORY] = {
	    "Spend less on {1}: {2} a month is {3} above the plan's {4}.",
	    "Gaste menos com {1}: {2} por mês está {3} acima dos {4} do plano.",
	    "Gasta menos en {1}: {2} al mes está {3} por encima de los {4} del plan." },
	[X_EMERGENCY] = {
	    "Build your emergency fund: {1} more covers 3 months of expenses ({2}).",
	    "Monte sua reserva de emergência: faltam {1} para cobrir 3 meses de despesas ({2}).",
	    "Arma tu fondo de emergencia: faltan {1} para cubrir 3 meses de gastos ({2})." },
	[X_TARGET_DATE] = {
	    "To reach {1} by {2}, set aside {3} a month, {4} more than now.",
	    "Para alcançar {1} até {2}, guarde {3} por mês, {4} a mais do que hoje.",
	    "Para alcanzar {1} antes de {2}, aparta {3} al mes, {4} más que ahora." },
	[X_DEBT_FASTER] = {
	    "Pay {1} more a month on your debt ({2} instead of {3}): it is paid off {4} sooner and you save {5} in interest.",
	    "Pague {1} a mais por mês na dívida ({2} em vez de {3}): ela termina {4} antes e você economiza {5} em juros.",
	    "Paga {1} más al mes en tu deuda ({2} en lugar de {3}): terminas {4} antes y ahorras {5} en intereses." },
	[X_RATE] = {
	    "Trim {1} a month from wants to reach the plan's {2}% savings rate (now {3}%).",
	    "Corte {1} por mês dos desejos para chegar à taxa de poupança de {2}% do plano (hoje {3}%).",
	    "Recorta {1} al mes de tus deseos para llegar a la tasa de ahorro del {2}% del plan (hoy {3}%)." },
	[X_REACHED] = {
	    "You reached {1}: set a new goal to keep the momentum.",
	    "Você alcançou {1}: defina uma nova meta para manter o ritmo.",
	    "Alcanzaste {1}: fija una nueva meta para mantener el ritmo." },
	[X_KEEP] = {
	    "Keep moving {1} a month toward {2}.",
	    "Continue guardando {1} por mês para {2}.",
	    "Sigue apartando {1} al mes para {2}." },
};

struct action {
	enum akind	kind;
	int		seq;	/* insertion order: ties keep the engine's order */
	char		text[FIN_TEXT_MAX];
};

/* The state of one computation: inputs resolved, intermediate figures. */
struct ctx {
	const struct fin_input	*in;
	struct fin_plan		*out;
	enum lang		 lang;
	enum gtype		 gt;
	long			 today;		/* day number */
	int64_t			 surplus, funds;
	int64_t			 target, current;	/* debt goal: target = balance to clear, current 0 */
	int			 emergency_goal;	/* the goal is the derived emergency fund */
	int			 reached;
	int64_t			 debt, debt_interest1;	/* balance amortised for debt_payoff_date */
	int			 debt_rate_bp, debt_months;
	int64_t			 monthly[CAT_COUNT];
	int			 adapted;
	char			 goal_name[GOAL_NAME_MAX + 4];
	struct action		 acts[A_COUNT + CAT_ACTIONS_MAX];
	int			 nacts;
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

/* Interest of one month, rounded half up: balance * rate_bp / 120000 without overflow. */
static int64_t
month_interest(int64_t balance, int rate_bp)
{
	int64_t q = balance / 120000, r = balance % 120000;

	return q * rate_bp + (r * rate_bp + 60000) / 120000;
}

/* --- texts ----------------------------------------------------------------------- */

/*
 * Expand {1}..{9} of tmpl with args into out. Returns 0, or -1 (out "") when
 * it does not fit: a text is whole or absent, never cut.
 */
static int
fill(char *out, size_t outlen, const char *tmpl, const char *const *args, int nargs)
{
	if (lang_expand(out, outlen, tmpl, args, (size_t)nargs) == -1) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* Format an amount in the user's currency and language ("" if it cannot be). */
static void
amt(const struct ctx *c, int64_t cents, char *buf, size_t len)
{
	if (money_format(cents, c->in->currency, c->in->language, buf, len) == -1)
		buf[0] = '\0';
}

/* A small integer as text (percentages, month counts). */
static void
itoa_buf(int v, char *buf)
{
	char	tmp[16];
	int	n = 0, i = 0;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

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

/* "1 month" / "7 months" in the language. */
static void
months_text(const struct ctx *c, int months, char *buf, size_t len)
{
	char		 num[16];
	const char	*args[1] = { num };

	itoa_buf(months, num);
	if (fill(buf, len, texts[months == 1 ? T_MONTH : T_MONTHS][c->lang], args, 1) == -1)
		buf[0] = '\0';
}

/* Add an action candidate; a text that does not fit is dropped rather than cut. */
static void
add_action(struct ctx *c, enum akind kind, const char *const *args, int nargs)
{
	struct action *a;

	if (c->nacts >= (int)(sizeof(c->acts) / sizeof(c->acts[0])))
		return;
	a = &c->acts[c->nacts];
	if (fill(a->text, sizeof(a->text), texts[X_GAP + (kind - A_GAP)][c->lang], args,
	    nargs) == -1)
		return;
	a->kind = kind;
	a->seq = c->nacts++;
}

/* Append one sentence to the summary, separated by a space; dropped if it does not fit. */
static void
add_sentence(struct ctx *c, enum text t, const char *const *args, int nargs)
{
	char	 s[512];
	size_t	 have = strlen(c->out->summary), need;

	if (fill(s, sizeof(s), texts[t][c->lang], args, nargs) == -1)
		return;
	need = strlen(s) + (have > 0);
	if (have + need >= sizeof(c->out->summary))
		return;
	if (have > 0)
		c->out->summary[have++] = ' ';
	memcpy(c->out->summary + have, s, strlen(s) + 1);
}

/* Action kinds and their texts are parallel lists. */
_Static_assert(X_KEEP - X_GAP == A_KEEP - A_GAP, "actions and texts out of step");

/* --- validation and goal ---------------------------------------------------------- */

static int
input_ok(const struct fin_input *in, long *today)
{
	long		 d;
	enum gtype	 g;
	int		 i;

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
	for (i = 0; i < CAT_COUNT; i++)
		if (!amount_ok(in->spend_cents[i]))
			return -1;
	if (in->n_transactions < 0 || in->expected_return_bp < 0 ||
	    in->expected_return_bp > FIN_MAX_RETURN_BP)
		return -1;
	return 0;
}

/* The goal the plan works toward: the active one, or one derived from the intake. */
static void
pick_goal(struct ctx *c)
{
	const struct fin_input *in = c->in;
	const char *name = NULL;

	if (in->has_goal) {
		(void)gtype_of(in->goal_type, &c->gt);	/* checked by input_ok */
		name = in->goal_name;
		if (c->gt == G_DEBT) {
			/* target is what the debt was, current what is paid: the rest is owed */
			c->target = max64(in->goal_target_cents - in->goal_current_cents, 0);
			c->current = 0;
		} else {
			c->target = in->goal_target_cents;
			c->current = in->goal_current_cents;
		}
	} else {
		(void)gtype_of(in->intake_goal, &c->gt);
		if (c->gt == G_DEBT && !(in->has_debt && in->debt_cents > 0))
			c->gt = G_SAVINGS;	/* nothing owed: the emergency fund instead */
		c->current = 0;
		if (c->gt == G_DEBT)
			c->target = in->debt_cents;
		else if (c->gt == G_INVEST && c->surplus > 0)
			c->target = 12 * c->surplus;
		else {
			c->target = EMERGENCY_MONTHS * in->expenses_cents;
			if (c->gt == G_SAVINGS) {
				c->emergency_goal = 1;
				name = emergency_name[c->lang];
				c->current = in->has_savings ? in->savings_cents : 0;
			}
		}
	}
	if (name == NULL || name[0] == '\0')
		name = gtypes[c->gt].default_name[c->lang];
	lang_clip(c->goal_name, GOAL_NAME_MAX + 1, name);
	c->reached = c->gt == G_DEBT ? c->target == 0 : c->current >= c->target;

	/* The debt the payoff date is about: the goal's when it is a debt goal. */
	c->debt = c->gt == G_DEBT ? c->target : in->has_debt ? in->debt_cents : 0;
	c->debt_rate_bp = in->has_debt ? in->debt_rate_bp : 0;
	c->debt_interest1 = month_interest(c->debt, c->debt_rate_bp);
	lang_clip(c->out->derived_goal_type, sizeof(c->out->derived_goal_type),
	    gtypes[c->gt].name);
	c->out->derived_goal_target_cents = c->target;
}

/* --- allocations and money per month ------------------------------------------------ */

static void
allocate(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	const int		*t = gtypes[c->gt].tmpl[c->debt > 0];
	struct fin_plan		*o = c->out;
	int64_t			 needs = 0, wants = 0, food_cap, inc = in->income_cents;
	int			 np, r, wt, wa, r2, i;

	o->needs_pct = t[P_NEEDS];
	o->wants_pct = t[P_WANTS];
	o->savings_pct = t[P_SAVINGS];
	o->debt_pct = t[P_DEBT];
	for (i = 0; i < CAT_COUNT; i++)
		c->monthly[i] = cats[i].kind == K_NONE ? 0 : in->spend_cents[i] / 3;
	for (i = 0; i < CAT_COUNT; i++)
		if (c->monthly[i] > 0)
			c->adapted = 1;
	c->adapted = c->adapted && inc > 0 && in->n_transactions > 0;
	if (!c->adapted)
		return;

	food_cap = inc * FOOD_NEEDS_PCT / 100;
	for (i = 0; i < CAT_COUNT; i++) {
		if (cats[i].kind == K_NEED)
			needs += c->monthly[i];
		else if (cats[i].kind == K_WANT)
			wants += c->monthly[i];
		else if (cats[i].kind == K_FOOD) {
			needs += min64(c->monthly[i], food_cap);
			wants += max64(c->monthly[i] - food_cap, 0);
		}
	}
	/* Ratios of sums bounded by 4 * FIN_MAX_CENTS: a clamp before the int. */
	np = (int)min64((needs * 100 + inc / 2) / inc, 100);
	np = clampi(np, NEEDS_MIN_PCT, NEEDS_MAX_PCT);
	r = 100 - np;
	wt = r * t[P_WANTS] / (t[P_WANTS] + t[P_SAVINGS] + t[P_DEBT]);
	wa = (int)min64((wants * 100 + inc - 1) / inc, 100);
	wa = clampi(wa, WANTS_MIN_PCT < wt ? WANTS_MIN_PCT : wt, wt);
	r2 = r - wa;
	o->needs_pct = np;
	o->wants_pct = wa;
	o->debt_pct = r2 * t[P_DEBT] / (t[P_SAVINGS] + t[P_DEBT]);
	o->savings_pct = r2 - o->debt_pct;
}

static void
money_per_month(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	struct fin_plan		*o = c->out;
	int64_t			 rate;
	int			 goal_pct = o->savings_pct + o->debt_pct;

	c->funds = max64(c->surplus, 0);
	o->monthly_debt_payment_cents = goal_pct > 0 ? c->funds * o->debt_pct / goal_pct : 0;
	o->monthly_savings_cents = c->funds - o->monthly_debt_payment_cents;
	o->target_savings_rate_bp = goal_pct * 100;
	if (in->income_cents > 0) {
		rate = c->surplus * 10000 / in->income_cents;
		o->current_savings_rate_bp = (int)max64(rate, RATE_BP_MIN);
	}
	o->emergency_fund_tenths = -1;
	if (in->has_savings && in->expenses_cents > 0)
		/* rounded half up: 0.47 months reads 0.5 */
		o->emergency_fund_tenths = (int)min64((in->savings_cents * 10 +
		    in->expenses_cents / 2) / in->expenses_cents, 99999);
}

/* --- projections --------------------------------------------------------------------- */

/*
 * Amortise balance at rate_bp with payment for up to max months, recording
 * balances in proj (if not NULL). Returns the payoff month (0 if nothing is
 * owed), AM_NEVER when the payment does not exceed the first month's interest,
 * or AM_BEYOND when it is not paid within max months. *interest is the total.
 */
static int
amortise(int64_t balance, int rate_bp, int64_t payment, int max, int64_t *interest,
    struct fin_month *proj, long start)
{
	int64_t	i;
	int	m;

	*interest = 0;
	if (balance == 0)
		return 0;
	if (payment <= month_interest(balance, rate_bp))
		return AM_NEVER;
	for (m = 1; m <= max; m++) {
		i = month_interest(balance, rate_bp);
		*interest += i;
		balance += i;
		balance -= min64(payment, balance);
		if (proj) {
			cal_format_month(cal_add_months(start, m), proj[m - 1].month);
			proj[m - 1].balance_cents = balance;
		}
		if (balance == 0)
			return m;
	}
	return AM_BEYOND;
}

/* The smallest payment that clears balance within months (binary search: more pays sooner). */
static int64_t
payment_within(int64_t balance, int rate_bp, int months)
{
	int64_t lo = month_interest(balance, rate_bp) + 1, hi, mid, interest;
	int	m;

	hi = balance + lo;	/* pays everything in the first month */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = amortise(balance, rate_bp, mid, months, &interest, NULL, 0);
		if (m >= 1)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/*
 * Grow cur toward target: growth (rate_bp/12, half up) then the deposit, the
 * last one only what is missing. Returns the month reached, or -1; fills the
 * projection (none when the balance cannot move at all).
 */
static int
project_savings(struct ctx *c, int64_t cur, int64_t target, int64_t dep, int rate_bp)
{
	struct fin_plan	*o = c->out;
	int64_t		 b = cur;
	int		 m;

	for (m = 1; m <= FIN_MAX_MONTHS; m++) {
		b += month_interest(b, rate_bp);
		if (b < target)
			b += min64(dep, target - b);
		if (m == 1 && b == cur)
			return -1;	/* no deposit, no growth: it never moves */
		cal_format_month(cal_add_months(c->today, m), o->projection[m - 1].month);
		o->projection[m - 1].balance_cents = b;
		o->n_projection = m;
		if (b >= target)
			return m;
	}
	return -1;
}

static void
project(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	int64_t		 interest;
	int		 m;

	o->timeline_months = -1;
	/* The payoff date of the debt, whatever the goal. */
	c->debt_months = amortise(c->debt, c->debt_rate_bp, o->monthly_debt_payment_cents,
	    FIN_MAX_MONTHS, &interest, c->gt == G_DEBT && !c->reached && c->surplus >= 0 ?
	    o->projection : NULL, c->today);
	if (c->debt > 0 && c->debt_months >= 1)
		cal_format(cal_add_months(c->today, c->debt_months), o->debt_payoff_date);

	if (c->reached) {
		o->timeline_months = 0;
		cal_format(c->today, o->projected_goal_date);
		return;
	}
	if (c->surplus < 0)
		return;		/* the gap comes first: no timeline */
	if (c->gt == G_DEBT) {
		if (c->debt_months == AM_BEYOND)
			o->n_projection = FIN_MAX_MONTHS;
		m = c->debt_months >= 1 ? c->debt_months : -1;
		if (m >= 1)
			o->n_projection = m;
	} else
		m = project_savings(c, c->current, c->target, o->monthly_savings_cents,
		    c->gt == G_INVEST ? c->in->expected_return_bp : 0);
	if (m >= 1) {
		o->timeline_months = m;
		cal_format(cal_add_months(c->today, m), o->projected_goal_date);
	}
}

/* --- action items -------------------------------------------------------------------- */

/* The categories whose monthly spending runs above the plan's share, largest first. */
static void
act_categories(struct ctx *c)
{
	const int64_t	 inc = c->in->income_cents;
	const struct fin_plan *o = c->out;
	int64_t		 excess[CAT_COUNT], budget[CAT_COUNT];
	int		 done[CAT_COUNT] = { 0 }, i, k, best;
	char		 a[3][64];
	const char	*args[4];

	if (!c->adapted)
		return;
	for (i = 0; i < CAT_COUNT; i++) {
		budget[i] = inc * o->needs_pct * cats[i].need_w / 10000 +
		    inc * o->wants_pct * cats[i].want_w / 10000;
		excess[i] = c->monthly[i] - budget[i];
		/* below 1% of income is noise, not advice */
		if (cats[i].kind == K_NONE || excess[i] <= 0 || excess[i] < inc / 100)
			done[i] = 1;
	}
	for (k = 0; k < CAT_ACTIONS_MAX; k++) {
		best = -1;
		for (i = 0; i < CAT_COUNT; i++)
			if (!done[i] && (best == -1 || excess[i] > excess[best]))
				best = i;
		if (best == -1)
			return;
		done[best] = 1;
		amt(c, c->monthly[best], a[0], sizeof(a[0]));
		amt(c, excess[best], a[1], sizeof(a[1]));
		amt(c, budget[best], a[2], sizeof(a[2]));
		args[0] = cats[best].name[c->lang];
		args[1] = a[0];
		args[2] = a[1];
		args[3] = a[2];
		add_action(c, A_CATEGORY, args, 4);
	}
}

/* A debt that never amortises, or takes beyond 360 months: the raise that clears it in 60. */
static void
act_debt_raise(struct ctx *c)
{
	int64_t		 pay = c->out->monthly_debt_payment_cents, need;
	char		 a[4][64];
	const char	*args[4] = { a[0], a[1], a[2], a[3] };

	if (c->debt == 0 || (c->debt_months != AM_NEVER && c->debt_months != AM_BEYOND))
		return;
	need = payment_within(c->debt, c->debt_rate_bp, DEBT_CLEAR_MONTHS);
	amt(c, need - pay, a[0], sizeof(a[0]));
	amt(c, need, a[1], sizeof(a[1]));
	amt(c, pay, a[2], sizeof(a[2]));
	amt(c, c->debt_interest1, a[3], sizeof(a[3]));
	add_action(c, c->debt_months == AM_NEVER ? A_DEBT_NEVER : A_DEBT_SLOW, args,
	    c->debt_months == AM_NEVER ? 4 : 3);
}

/* The interest a 25% larger payment saves, and how much sooner it ends. */
static void
act_debt_faster(struct ctx *c)
{
	int64_t		 pay = c->out->monthly_debt_payment_cents, more, i1, i2;
	int		 m2;
	char		 a[5][64];
	const char	*args[5] = { a[0], a[1], a[2], a[3], a[4] };

	if (c->debt_months < 2)
		return;
	more = max64(pay * FASTER_PAYOFF_PCT / 100, 1);
	(void)amortise(c->debt, c->debt_rate_bp, pay, FIN_MAX_MONTHS, &i1, NULL, c->today);
	m2 = amortise(c->debt, c->debt_rate_bp, pay + more, FIN_MAX_MONTHS, &i2, NULL, c->today);
	if (m2 < 1 || m2 >= c->debt_months || i1 - i2 <= 0)
		return;
	amt(c, more, a[0], sizeof(a[0]));
	amt(c, pay + more, a[1], sizeof(a[1]));
	amt(c, pay, a[2], sizeof(a[2]));
	months_text(c, c->debt_months - m2, a[3], sizeof(a[3]));
	amt(c, i1 - i2, a[4], sizeof(a[4]));
	add_action(c, A_DEBT_FASTER, args, 5);
}

static void
act_emergency(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	int64_t			 fund = EMERGENCY_MONTHS * in->expenses_cents, gap;
	char			 a[2][64];
	const char		*args[2] = { a[0], a[1] };

	gap = fund - (in->has_savings ? in->savings_cents : 0);
	if (c->emergency_goal || in->expenses_cents == 0 || gap <= 0)
		return;
	amt(c, gap, a[0], sizeof(a[0]));
	amt(c, fund, a[1], sizeof(a[1]));
	add_action(c, A_EMERGENCY, args, 2);
}

/*
 * A savings or investment goal that misses its target date: the monthly
 * amount that meets it, growth ignored (a floor, never a promise).
 */
static void
act_target_date(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	long			 td, months;
	int64_t			 need;
	char			 a[2][64];
	const char		*args[4] = { c->goal_name, in->goal_target_date, a[0], a[1] };

	if (!in->has_goal || in->goal_target_date == NULL || c->gt == G_DEBT || c->reached ||
	    c->surplus <= 0 || cal_parse(in->goal_target_date, &td) == -1)
		return;
	if (c->out->timeline_months >= 1 &&
	    strcmp(c->out->projected_goal_date, in->goal_target_date) <= 0)
		return;		/* on time */
	months = cal_months_between(c->today, td);
	if (months < 1)
		return;		/* past, or this month: no monthly amount can help */
	need = (c->target - c->current + months - 1) / months;
	if (need <= c->out->monthly_savings_cents)
		return;
	amt(c, need, a[0], sizeof(a[0]));
	amt(c, need - c->out->monthly_savings_cents, a[1], sizeof(a[1]));
	add_action(c, A_TARGET_DATE, args, 4);
}

/* Surplus below the plan's savings+debt share: the cut in wants that closes it. */
static void
act_rate(struct ctx *c)
{
	const struct fin_plan	*o = c->out;
	int64_t			 want = c->in->income_cents * (o->savings_pct + o->debt_pct) / 100;
	char			 a[3][64];
	const char		*args[3] = { a[0], a[1], a[2] };

	if (c->surplus <= 0 || c->surplus >= want)
		return;
	amt(c, want - c->surplus, a[0], sizeof(a[0]));
	itoa_buf(o->savings_pct + o->debt_pct, a[1]);
	itoa_buf((o->current_savings_rate_bp + 50) / 100, a[2]);	/* rounded, not cut */
	add_action(c, A_RATE, args, 3);
}

static void
actions(struct ctx *c)
{
	const struct fin_input		*in = c->in;
	const struct personality	*p = personality_of(in->personality_type);
	struct fin_plan			*o = c->out;
	char				 a[2][64];
	const char			*args[2] = { a[0], a[1] };
	int				 i, j, best;

	if (in->income_cents == 0 && in->expenses_cents > 0) {
		amt(c, in->expenses_cents, a[0], sizeof(a[0]));
		add_action(c, A_NO_INCOME, args, 1);
	} else if (c->surplus < 0) {
		amt(c, -c->surplus, a[0], sizeof(a[0]));
		add_action(c, A_GAP, args, 1);
	}
	act_debt_raise(c);
	act_categories(c);
	act_emergency(c);
	act_target_date(c);
	act_debt_faster(c);
	act_rate(c);
	if (c->reached) {
		args[0] = c->goal_name;
		add_action(c, A_REACHED, args, 1);
	} else if (c->funds > 0) {
		amt(c, c->gt == G_DEBT ? o->monthly_debt_payment_cents : o->monthly_savings_cents,
		    a[0], sizeof(a[0]));
		args[1] = c->goal_name;
		add_action(c, A_KEEP, args, 2);
	}
	/* Selection by rank, then by the order found (stable). */
	for (i = 0; i < c->nacts && o->n_actions < p->max_actions; i++) {
		best = -1;
		for (j = 0; j < c->nacts; j++) {
			if (c->acts[j].seq < 0)
				continue;
			if (best == -1 || p->rank[c->acts[j].kind] < p->rank[c->acts[best].kind])
				best = j;
		}
		memcpy(o->actions[o->n_actions++], c->acts[best].text, FIN_TEXT_MAX);
		c->acts[best].seq = -1;
	}
}

/* --- summary ------------------------------------------------------------------------- */

static void
summary_goal(struct ctx *c)
{
	struct fin_plan	*o = c->out;
	char		 a[5][64];
	const char	*args[5] = { a[0], c->goal_name, a[1], a[2], o->projected_goal_date };
	int64_t		 per = c->gt == G_DEBT ? o->monthly_debt_payment_cents : o->monthly_savings_cents;

	if (c->reached) {
		args[0] = c->goal_name;
		amt(c, c->current, a[1], sizeof(a[1]));
		amt(c, c->target, a[2], sizeof(a[2]));
		args[1] = a[1];
		args[2] = a[2];
		add_sentence(c, c->gt == G_DEBT ? S_REACHED_DEBT : S_REACHED, args, 3);
		return;
	}
	amt(c, per, a[0], sizeof(a[0]));
	amt(c, c->target, a[1], sizeof(a[1]));
	if (o->timeline_months >= 1) {
		months_text(c, o->timeline_months, a[2], sizeof(a[2]));
		add_sentence(c, c->gt == G_DEBT ? S_TIMELINE_DEBT : S_TIMELINE, args, 5);
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
summary(struct ctx *c)
{
	const struct fin_input	*in = c->in;
	struct fin_plan		*o = c->out;
	char			 a[4][64];
	const char		*args[4] = { a[0], a[1], a[2], a[3] };

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
	summary_goal(c);
	/* The debt, unless the goal's sentence already dated its payoff. */
	if (c->debt > 0 && (c->gt != G_DEBT || o->debt_payoff_date[0] == '\0')) {
		const char *dargs[3] = { a[0], o->debt_payoff_date, a[2] };

		amt(c, c->debt, a[0], sizeof(a[0]));
		if (o->debt_payoff_date[0] != '\0')
			add_sentence(c, S_DEBT, dargs, 2);
		else {
			amt(c, o->monthly_debt_payment_cents, a[0], sizeof(a[0]));
			amt(c, c->debt, a[1], sizeof(a[1]));
			amt(c, c->debt_interest1, a[2], sizeof(a[2]));
			dargs[1] = a[1];
			add_sentence(c, S_DEBT_NEVER, dargs, 3);
		}
	}
	itoa_buf(o->needs_pct, a[0]);
	itoa_buf(o->wants_pct, a[1]);
	itoa_buf(o->savings_pct, a[2]);
	itoa_buf(o->debt_pct, a[3]);
	add_sentence(c, S_SPLIT, args, 4);
}

/* --- entry points -------------------------------------------------------------------- */

int
finance_plan(const struct fin_input *in, struct fin_plan *out)
{
	struct ctx c;

	if (in == NULL || out == NULL)
		return -1;
	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	out->timeline_months = -1;
	out->emergency_fund_tenths = -1;
	if (input_ok(in, &c.today) == -1)
		return -1;
	c.in = in;
	c.out = out;
	c.lang = lang_of(in->language);
	c.surplus = in->income_cents - in->expenses_cents;
	pick_goal(&c);
	allocate(&c);
	money_per_month(&c);
	project(&c);
	actions(&c);
	summary(&c);
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
