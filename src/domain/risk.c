/* risk.c: the at-risk rules (risk.h). */
#include "config.h"

#include <string.h>

#include "domain/risk.h"

static const struct {
	const char	*name;
	int		 points;
} rules[RISK_NCODES] = {
	[RISK_NEGATIVE_CASH_FLOW] = { "negative_cash_flow", 30 },
	[RISK_LOW_EMERGENCY_FUND] = { "low_emergency_fund", 15 },
	[RISK_HIGH_DEBT_TO_INCOME] = { "high_debt_to_income", 20 },
	[RISK_HIGH_INTEREST_DEBT] = { "high_interest_debt", 15 },
	[RISK_SPENDING_SPIKE] = { "spending_spike", 10 },
	[RISK_MISSED_MONEY_MOVES] = { "missed_money_moves", 10 },
};

const char *
risk_code_name(enum risk_code c)
{
	return (unsigned)c < RISK_NCODES ? rules[c].name : NULL;
}

int
risk_points(enum risk_code c)
{
	return (unsigned)c < RISK_NCODES ? rules[c].points : 0;
}

int
risk_code_parse(const char *name, enum risk_code *out)
{
	int	 i;

	for (i = 0; name && i < RISK_NCODES; i++)
		if (strcmp(name, rules[i].name) == 0) {
			*out = (enum risk_code)i;
			return 0;
		}
	return -1;
}

/* a * 100 / b rounded half away from zero (b > 0): a ratio in hundredths. */
static int64_t
ratio_x100(int64_t a, int64_t b)
{
	int64_t	 q = a * 100 / b, r = a * 100 % b;

	if (2 * (r < 0 ? -r : r) >= b)
		q += a < 0 ? -1 : 1;
	return q;
}

static void
fire(struct risk_out *out, enum risk_code c, int64_t value, int64_t threshold,
    const char *basis)
{
	struct risk_reason *r = &out->reasons[out->n++];

	r->code = c;
	r->value = value;
	r->threshold = threshold;
	r->points = rules[c].points;
	r->basis = basis;
	out->score += r->points;
}

/* The intake's surplus first (what the user declared), else the transactions'. */
static void
cash_flow(const struct risk_in *in, struct risk_out *out)
{
	if (in->has_intake && in->income - in->expenses < 0)
		fire(out, RISK_NEGATIVE_CASH_FLOW, in->income - in->expenses, 0, "intake");
	else if (in->flow_income_count > 0 && in->flow_income - in->flow_spending < 0)
		fire(out, RISK_NEGATIVE_CASH_FLOW, in->flow_income - in->flow_spending, 0,
		    "transactions");
}

static void
emergency_fund(const struct risk_cfg *cfg, const struct risk_in *in, struct risk_out *out)
{
	int64_t	 months;

	if (!in->has_intake || !in->has_savings || in->expenses <= 0)
		return;
	/* hundredths of a month, compared exactly: savings < months * expenses */
	months = ratio_x100(in->savings, in->expenses);
	if (in->savings < cfg->fund_months * in->expenses)
		fire(out, RISK_LOW_EMERGENCY_FUND, months, cfg->fund_months * 100, NULL);
}

static void
debts(const struct risk_cfg *cfg, const struct risk_in *in, struct risk_out *out)
{
	int64_t	 total = 0, yearly, top = -1;
	size_t	 i;

	if (!in->has_intake)
		return;
	for (i = 0; i < in->ndebts && i < RISK_MAX_DEBTS; i++) {
		total += in->debts[i].balance;
		if (!in->debts[i].has_rate || in->debts[i].balance <= 0)
			continue;
		/* thousandths of a percent a year */
		yearly = in->debts[i].rate * (in->debts[i].monthly ? 12 : 1);
		if (yearly > top)
			top = yearly;
	}
	/* debts above dti_pct % of a year's income: total * 100 > pct * 12 * income */
	if (total > 0 && in->income >= 0 && total * 100 > cfg->dti_pct * 12 * in->income)
		fire(out, RISK_HIGH_DEBT_TO_INCOME, in->income > 0 ?
		    ratio_x100(total * 100, 12 * in->income) : 0, cfg->dti_pct * 100, NULL);
	if (top > cfg->interest_pct * 1000)
		fire(out, RISK_HIGH_INTEREST_DEBT, (top + 5) / 10, cfg->interest_pct * 100, NULL);
}

static void
spike(const struct risk_cfg *cfg, const struct risk_in *in, struct risk_out *out)
{
	int64_t	 sum3 = in->month_spend[1] + in->month_spend[2] + in->month_spend[3];

	/* month * 3 * 100 > sum3 * (100 + pct), i.e. month > avg * (1 + pct/100) */
	if (sum3 <= 0 || in->month_spend[0] * 300 <= sum3 * (100 + cfg->spike_pct))
		return;
	/* (month / average - 1) in hundredths of a percent */
	fire(out, RISK_SPENDING_SPIKE, ratio_x100(in->month_spend[0] * 300, sum3) - 10000,
	    cfg->spike_pct * 100, NULL);
}

void
risk_eval(const struct risk_cfg *cfg, const struct risk_in *in, struct risk_out *out)
{
	memset(out, 0, sizeof(*out));
	cash_flow(in, out);
	emergency_fund(cfg, in, out);
	debts(cfg, in, out);
	spike(cfg, in, out);
	if (in->missed_moves >= cfg->missed_moves && in->missed_moves > 0)
		fire(out, RISK_MISSED_MONEY_MOVES, (int64_t)in->missed_moves * 100,
		    cfg->missed_moves * 100, NULL);
	if (out->score > 100)
		out->score = 100;
}
