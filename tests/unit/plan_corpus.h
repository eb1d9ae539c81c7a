/*
 * plan_corpus.h: read the plan corpus (tests/data/plan-corpus.txt, whose
 * header says its format) and score finance_plan on it: the first action is
 * the one the corpus says, and no plan ever asks for something infeasible
 * (a cut of more than is spent, of a need, of housing or of a debt payment)
 * or says a phrase the corpus forbids, and every debt's rate carries its
 * period. Shared by test_finance (make check) and tests/bench/bench_plan_corpus.
 */
#ifndef OZ_PLAN_CORPUS_H
#define OZ_PLAN_CORPUS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/categorize.h"
#include "domain/finance.h"

#define PC_FILE_MAX	(1 << 20)
#define PC_TOKENS	16
#define PC_NEVER_MAX	8

/* With a report: every plan, not only those that miss (bench_plan_corpus -a). */
static int pc_show_all;

struct pc_score {
	int	 situations;
	int	 first_ok;		/* first action as the corpus says */
	int	 move_ok;		/* this month's money where the corpus says */
	int	 infeasible;		/* actions that ask what cannot or must not be cut */
	int	 forbidden;		/* phrases the plan may never say */
	int	 no_period;		/* debt rates printed without their period */
	int	 bad;			/* situations the corpus could not describe */
};

/* One situation being read: fin_input and what it expects. */
struct pc_case {
	char		 id[64];
	struct fin_input in;
	const char	*expect, *move;
	const char	*never[PC_NEVER_MAX];
	int		 nnever;
	int		 months_given;
	int		 bad;
};

/*
 * Phrases no plan may say in any language: housing, or "other spending"
 * (where a card bill used to land), as a cut.
 */
static const char *const pc_always_never[] = {
	"Spend less on housing", "Gaste menos com moradia", "Gasta menos en vivienda",
	"Spend less on other spending", "Gaste menos com outros gastos", "Gasta menos en otros gastos",
	NULL
};

/* val without surrounding blanks and quotes, in place: a name with spaces. */
static inline char *
pc_raw(char *val)
{
	char	*end;

	while (*val == ' ' || *val == '\t')
		val++;
	end = val + strlen(val);
	while (end > val && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (*val == '"' && end > val + 1 && end[-1] == '"') {
		end[-1] = '\0';
		val++;
	}
	return val;
}

/* Split line in place into whitespace-separated tokens, "quoted" ones whole. */
static inline int
pc_tokens(char *p, char **tok, int max)
{
	int n = 0;

	while (*p && n < max) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		if (*p == '"') {
			tok[n++] = ++p;
			while (*p && *p != '"')
				p++;
		} else {
			tok[n++] = p;
			while (*p && *p != ' ' && *p != '\t')
				p++;
		}
		if (*p)
			*p++ = '\0';
	}
	return n;
}

/* A decimal with at most dec decimals, scaled by 10^dec: "12.5" (3) -> 12500. 0/-1. */
static inline int
pc_decimal(const char *s, int dec, int64_t *out)
{
	int64_t	 v = 0;
	int	 d = -1, digits = 0;

	for (; *s; s++) {
		if (*s == '.' && d == -1) {
			d = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || digits > 15 || (d >= 0 && d >= dec))
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
		if (d >= 0)
			d++;
	}
	if (digits == 0)
		return -1;
	for (d = d < 0 ? 0 : d; d < dec; d++)
		v *= 10;
	*out = v;
	return 0;
}

static inline int
pc_category(const char *s, enum category *c, const char **sub)
{
	char	 name[16];
	size_t	 n = strcspn(s, "/");

	if (n >= sizeof(name))
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	*sub = s[n] == '/' ? s + n + 1 : NULL;
	return category_parse(name, c);
}

/* One "key = value" line of a situation. */
static inline void
pc_line(struct pc_case *k, char *key, char *val)
{
	struct fin_input *in = &k->in;
	char		*t[PC_TOKENS];
	int		 n, i;
	int64_t		 v = 0, sum;

	/* names with spaces: the whole value */
	if (strcmp(key, "expect") == 0) {
		k->expect = pc_raw(val);
		return;
	}
	if (strcmp(key, "never") == 0) {
		if (k->nnever < PC_NEVER_MAX)
			k->never[k->nnever++] = pc_raw(val);
		return;
	}
	n = pc_tokens(val, t, PC_TOKENS);
	if (strcmp(key, "who") == 0 && n == 3) {
		in->language = t[0];
		in->currency = t[1];
		in->today = t[2];
	} else if (strcmp(key, "money") == 0 && n == 3) {
		k->bad |= pc_decimal(t[0], 2, &in->income_cents) | pc_decimal(t[1], 2,
		    &in->expenses_cents);
		if ((in->has_savings = strcmp(t[2], "-") != 0))
			k->bad |= pc_decimal(t[2], 2, &in->savings_cents);
	} else if (strcmp(key, "intake") == 0 && n == 1)
		in->intake_goal = t[0];
	else if (strcmp(key, "goal") == 0 && (n == 4 || n == 5)) {
		in->has_goal = 1;
		in->goal_type = t[0];
		in->goal_name = t[1];
		k->bad |= pc_decimal(t[2], 2, &in->goal_target_cents) | pc_decimal(t[3], 2,
		    &in->goal_current_cents);
		in->goal_target_date = n == 5 ? t[4] : NULL;
	} else if (strcmp(key, "debt") == 0 && n == 5 && in->n_debts < FIN_MAX_DEBTS) {
		struct fin_debt *d = &in->debts[in->n_debts++];

		d->name = t[0];
		k->bad |= pc_decimal(t[1], 2, &d->balance_cents);
		if ((d->has_rate = strcmp(t[2], "-") != 0))
			k->bad |= pc_decimal(t[2], 3, &d->rate_milli);
		d->monthly = strcmp(t[3], "month") == 0;
		k->bad |= !d->monthly && strcmp(t[3], "year") != 0;
		if ((d->has_min = strcmp(t[4], "-") != 0))
			k->bad |= pc_decimal(t[4], 2, &d->min_cents);
	} else if (strcmp(key, "months") == 0 && (n == 1 || n == 3)) {
		k->bad |= pc_decimal(t[0], 0, &v) | (v < 1 || v > 12);
		in->spend_months = (int)v;
		in->spend_from = n == 3 ? t[1] : NULL;
		in->spend_to = n == 3 ? t[2] : NULL;
		k->months_given = 1;
	} else if (strcmp(key, "spend") == 0 && n >= 2 && in->n_spend < FIN_MAX_SPEND) {
		struct fin_spend *sp = &in->spend[in->n_spend++];

		/* one figure a month, or one for every month */
		k->bad |= !k->months_given || pc_category(t[0], &sp->category, &sp->subcategory);
		k->bad |= n - 1 != 1 && n - 1 != in->spend_months;
		for (i = 1, sum = 0; i < n; i++) {
			k->bad |= pc_decimal(t[i], 2, &v);
			sum += v;
		}
		sp->cents = n == 2 ? sum * in->spend_months : sum;
	} else if (strcmp(key, "return") == 0 && n == 1) {
		k->bad |= pc_decimal(t[0], 0, &v);
		in->expected_return_bp = (int)v;
	} else if (strcmp(key, "move") == 0 && n == 1)
		k->move = t[0];
	else if (strcmp(key, "why") != 0)
		k->bad = 1;
}

static inline int
pc_has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* The name of the debt an action is about ("debt:N"), or NULL. */
static inline const char *
pc_action_debt(const struct fin_plan *p, const struct fin_action *a)
{
	long n = 0;
	const char *s;

	if (strncmp(a->key, "debt:", 5) != 0)
		return NULL;
	for (s = a->key + 5; *s >= '0' && *s <= '9' && n < 1000; s++)
		n = n * 10 + (*s - '0');
	return n >= 1 && n <= p->n_debts ? p->debts[n - 1].name : NULL;
}

/* 1 when the plan's first action is what k expects. */
static inline int
pc_first(const struct fin_plan *p, const struct pc_case *k)
{
	const struct fin_action	*a = &p->action_info[0];
	const struct fin_step	*s;
	const char		*name;

	if (p->n_actions == 0 || p->focus < 0 || k->expect == NULL)
		return 0;
	s = &p->steps[p->focus];
	if (strcmp(k->expect, "no_income") == 0)
		return a->kind == FA_NO_INCOME;
	if (strcmp(k->expect, "gap") == 0)
		return s->kind == FIN_STEP_GAP && a->kind == FA_GAP;
	if (strcmp(k->expect, "room") == 0)
		return s->kind != FIN_STEP_GAP && a->kind == FA_ROOM;
	if (a->step != p->focus)
		return 0;
	if (strncmp(k->expect, "debt:", 5) == 0)
		return (s->kind == FIN_STEP_HIGH_DEBT || s->kind == FIN_STEP_GOAL) &&
		    (name = pc_action_debt(p, a)) != NULL && strcmp(name, k->expect + 5) == 0;
	if (strcmp(k->expect, "starter") == 0)
		return s->kind == FIN_STEP_STARTER;
	if (strcmp(k->expect, "emergency") == 0)
		return s->kind == FIN_STEP_EMERGENCY;
	if (strcmp(k->expect, "goal") == 0)
		return s->kind == FIN_STEP_GOAL;
	if (strcmp(k->expect, "invest") == 0)
		return s->kind == FIN_STEP_INVEST;
	return 0;
}

static inline int
pc_move(const struct fin_plan *p, const struct pc_case *k)
{
	if (k->move == NULL)
		return 1;
	if (strcmp(k->move, "debt") == 0)
		return p->monthly_debt_payment_cents > 0 && p->monthly_savings_cents == 0;
	if (strcmp(k->move, "savings") == 0)
		return p->monthly_savings_cents > 0 && p->monthly_debt_payment_cents == 0;
	return p->monthly_move_cents == 0;
}

/*
 * The rate of a debt action carries its period (or says it is not given); a
 * raise of the payment states the monthly interest it has to beat instead.
 */
static inline int
pc_period_ok(const char *text)
{
	static const char *const periods[] = { "% a month", "% a year", "% ao mês", "% ao ano",
	    "% al mes", "% al año", "rate not given", "taxa não informada", "tasa no indicada",
	    "Find out the interest rate", "Descubra a taxa de juros", "Averigua la tasa de interés",
	    "Raise your debt payment", "Aumente o pagamento", "Sube el pago", NULL };
	int i;

	for (i = 0; periods[i]; i++)
		if (pc_has(text, periods[i]))
			return 1;
	return 0;
}

/* Score one plan; with report, say what is wrong with it. */
static inline void
pc_check(const struct fin_plan *p, const struct pc_case *k, struct pc_score *sc, FILE *report)
{
	const struct fin_action	*a;
	int			 i, j, first, move, before = sc->infeasible + sc->forbidden + sc->no_period;

	first = pc_first(p, k);
	move = pc_move(p, k);
	sc->first_ok += first;
	sc->move_ok += move;
	for (i = 0; i < p->n_actions; i++) {
		a = &p->action_info[i];
		if ((a->kind == FA_CUT || a->kind == FA_TRIM || ((a->kind == FA_GAP ||
		    a->kind == FA_ROOM) && a->amount_cents != 0)) && (a->amount_cents <= 0 ||
		    a->amount_cents > a->base_cents))
			sc->infeasible++;
		/* paying a debt more only within the wants (or 10% of income) */
		if ((a->kind == FA_DEBT_NEVER || a->kind == FA_DEBT_SLOW ||
		    a->kind == FA_DEBT_FASTER) && a->amount_cents >
		    (p->wants_cents >= 0 ? p->wants_cents : k->in.income_cents *
		    FIN_RAISE_ROOM_PCT / 100))
			sc->infeasible++;
		if (a->kind == FA_CUT && strcmp(a->key, "eating_out") != 0 &&
		    strcmp(a->key, "entertainment") != 0 && strcmp(a->key, "clothing") != 0 &&
		    strcmp(a->key, "shopping") != 0)
			sc->infeasible++;
		for (j = 0; pc_always_never[j]; j++)
			sc->forbidden += pc_has(p->actions[i], pc_always_never[j]);
		for (j = 0; j < k->nnever; j++)
			sc->forbidden += pc_has(p->actions[i], k->never[j]);
		if ((a->kind == FA_DEBT_FOCUS || a->kind == FA_DEBT_NEXT || a->kind == FA_DEBT_LOW ||
		    a->kind == FA_DEBT_NEVER) &&
		    !pc_period_ok(p->actions[i]))
			sc->no_period++;
	}
	for (j = 0; j < k->nnever; j++)
		sc->forbidden += pc_has(p->summary, k->never[j]);
	if (report && (pc_show_all || !first || !move ||
	    sc->infeasible + sc->forbidden + sc->no_period > before)) {
		fprintf(report, "plan corpus: [%s] expected %s (move %s):%s%s\n", k->id, k->expect,
		    k->move ? k->move : "-", first ? "" : " first action differs",
		    move ? "" : " money goes elsewhere");
		for (i = 0; i < p->n_actions; i++)
			fprintf(report, "  %d. [%s] %s\n", i + 1,
			    finance_action_name(p->action_info[i].kind), p->actions[i]);
		if (pc_show_all)
			fprintf(report, "  summary: %s\n", p->summary);
	}
}

/* Run the plan of k and score it. */
static inline void
pc_case_run(struct pc_case *k, struct pc_score *sc, FILE *report, struct fin_plan *plan)
{
	if (k->id[0] == '\0')
		return;
	sc->situations++;
	if (k->in.intake_goal == NULL)
		k->in.intake_goal = "savings";
	if (k->in.expected_return_bp == 0)
		k->in.expected_return_bp = 500;
	if (k->bad || k->expect == NULL || finance_plan(&k->in, plan) == -1) {
		sc->bad++;
		if (report)
			fprintf(report, "plan corpus: [%s] cannot be read or planned\n", k->id);
		return;
	}
	pc_check(plan, k, sc, report);
}

/*
 * Read the corpus at path and score every situation into sc (report: the
 * failures, or NULL). plan is the engine's output buffer (large). 0, or -1
 * when the file cannot be read.
 */
static inline int
pc_run(const char *path, struct pc_score *sc, FILE *report, struct fin_plan *plan)
{
	static char	 buf[PC_FILE_MAX];
	static struct pc_case k;
	FILE		*f;
	size_t		 len;
	char		*line, *next, *eq, *key, *end;

	memset(sc, 0, sizeof(*sc));
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	len = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[len] = '\0';
	memset(&k, 0, sizeof(k));
	for (line = buf; line && *line; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (line[0] == '[') {
			pc_case_run(&k, sc, report, plan);
			memset(&k, 0, sizeof(k));
			if ((end = strchr(line, ']')) == NULL || (size_t)(end - line) >= sizeof(k.id))
				k.bad = 1;
			else {
				memcpy(k.id, line + 1, (size_t)(end - line - 1));
				k.id[end - line - 1] = '\0';
			}
			continue;
		}
		if ((eq = strchr(line, '=')) == NULL) {
			k.bad = 1;
			continue;
		}
		*eq = '\0';
		key = line;
		for (end = eq; end > key && (end[-1] == ' ' || end[-1] == '\t'); end--)
			end[-1] = '\0';
		pc_line(&k, key, eq + 1);
	}
	pc_case_run(&k, sc, report, plan);
	return 0;
}

/* The one-line score: "plan corpus: 49 situations; first action 49/49 (100.0%); …". */
static inline void
pc_print(FILE *out, const struct pc_score *sc)
{
	int	 pm = sc->situations ? sc->first_ok * 1000 / sc->situations : 0;

	fprintf(out, "plan corpus: %d situations; first action as expected %d/%d (%d.%d%%); "
	    "money where expected %d/%d; infeasible actions %d; forbidden phrases %d; "
	    "rates without their period %d; unreadable %d\n", sc->situations, sc->first_ok,
	    sc->situations, pm / 10, pm % 10, sc->move_ok, sc->situations, sc->infeasible,
	    sc->forbidden, sc->no_period, sc->bad);
}

#endif
