/*
 * fuzz_facts.h: a user's facts (domain/facts.h) from memory, for the targets
 * that run the coach or the model's tools without a database. The data is
 * a typical user, or none at all, or unreadable (the database failing), as
 * the caller chooses; every question the coach or a tool asks is checked
 * for sense (dates that exist, ranges in order, known categories).
 */
#ifndef OZ_FUZZ_FACTS_H
#define OZ_FUZZ_FACTS_H

#include "core/currency.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/facts.h"
#include "fuzz.h"

enum fuzz_facts_mode { FUZZ_FACTS_FULL, FUZZ_FACTS_EMPTY, FUZZ_FACTS_FAILING };

struct fuzz_facts {
	enum fuzz_facts_mode	 mode;
	struct facts_src	 src;
	int			 asked;
};

static inline void
fuzz_facts_day(long day)
{
	char s[11];

	FUZZ_CHECK(day >= cal_days(1900, 1, 1) && day <= cal_days(2200, 12, 31),
	    "a day out of any sense: %ld", day);
	cal_format(day, s);
	FUZZ_CHECK(cal_valid(s), "day %ld formats as %s", day, s);
}

static inline int
fuzz_facts_spending(void *ctx, const struct fact_spending_q *q, struct fact_spending *out)
{
	struct fuzz_facts *f = ctx;

	f->asked++;
	fuzz_facts_day(q->from);
	fuzz_facts_day(q->to);
	FUZZ_CHECK(q->from <= q->to, "spending from %ld to %ld", q->from, q->to);
	FUZZ_CHECK(q->category >= 0 && q->category <= CAT_COUNT, "category %d", q->category);
	memset(out, 0, sizeof(*out));
	if (f->mode == FUZZ_FACTS_FAILING)
		return -1;
	if (f->mode == FUZZ_FACTS_EMPTY)
		return 0;
	out->total = 123450;
	out->count = 12;
	out->income = 500000;
	out->by_category[0].category = q->category < CAT_COUNT ? (enum category)q->category :
	    CAT_HOUSING;
	out->by_category[0].amount = 90000;
	out->by_category[0].count = 1;
	out->by_category[1].category = CAT_FOOD;
	out->by_category[1].amount = 24590;
	out->by_category[1].count = 8;
	out->ncategories = q->category < CAT_COUNT ? 1 : 2;
	return 0;
}

static inline int
fuzz_facts_intake(void *ctx, struct fact_intake *out)
{
	struct fuzz_facts *f = ctx;

	f->asked++;
	memset(out, 0, sizeof(*out));
	if (f->mode != FUZZ_FACTS_FULL)
		return f->mode == FUZZ_FACTS_FAILING ? -1 : 0;
	snprintf(out->month, sizeof(out->month), "2026-11");
	out->income = 500000;
	out->expenses = 350000;
	out->surplus = 150000;
	out->has_savings = out->has_debt = out->has_rate = 1;
	out->savings = 150000;
	out->debt = 800000;
	out->rate_bp = 1990;
	snprintf(out->next_pay_date, sizeof(out->next_pay_date), "2026-12-05");
	snprintf(out->financial_goal, sizeof(out->financial_goal), "savings");
	return 1;
}

static inline int
fuzz_facts_plan(void *ctx, struct fact_plan *out)
{
	struct fuzz_facts *f = ctx;

	f->asked++;
	memset(out, 0, sizeof(*out));
	if (f->mode != FUZZ_FACTS_FULL)
		return f->mode == FUZZ_FACTS_FAILING ? -1 : 0;
	snprintf(out->id, sizeof(out->id), "ozz_plan_AAAAAAAAAAAAAAAAAAAAAA");
	snprintf(out->created_at, sizeof(out->created_at), "2026-11-20T10:00:00Z");
	snprintf(out->summary, sizeof(out->summary), "You earn $5,000.00 and save.");
	out->has_timeline = 1;
	out->timeline_months = 4;
	out->needs_pct = 50;
	out->wants_pct = 20;
	out->savings_pct = 20;
	out->debt_pct = 10;
	out->has_monthly_savings = out->has_monthly_debt_payment = 1;
	out->monthly_savings = 100000;
	out->monthly_debt_payment = 50000;
	snprintf(out->projected_goal_date, sizeof(out->projected_goal_date), "2027-03-24");
	snprintf(out->actions[0], FACT_TEXT_MAX, "Cut entertainment by $120.00 a month.");
	snprintf(out->actions[1], FACT_TEXT_MAX, "Guarde R$ 830,53 \"já\" \\");
	out->nactions = 2;
	return 1;
}

static inline int
fuzz_facts_goals(void *ctx, struct fact_goal *out, size_t max, size_t *n)
{
	struct fuzz_facts *f = ctx;

	f->asked++;
	*n = 0;
	if (f->mode != FUZZ_FACTS_FULL)
		return f->mode == FUZZ_FACTS_FAILING ? -1 : 0;
	FUZZ_CHECK(max >= 1 && max <= FACT_MAX_GOALS, "goals max %zu", max);
	memset(&out[0], 0, sizeof(out[0]));
	snprintf(out[0].id, sizeof(out[0].id), "ozz_goal_AAAAAAAAAAAAAAAAAAAAAA");
	snprintf(out[0].type, sizeof(out[0].type), "savings");
	snprintf(out[0].name, sizeof(out[0].name), "Reserva de emergência");
	out[0].target = 1000000;
	out[0].current = out[0].starting = 150000;
	snprintf(out[0].target_date, sizeof(out[0].target_date), "2027-12-31");
	snprintf(out[0].cadence, sizeof(out[0].cadence), "biweekly");
	snprintf(out[0].next_move_date, sizeof(out[0].next_move_date), "2026-12-08");
	snprintf(out[0].status, sizeof(out[0].status), "active");
	out[0].is_primary = 1;
	*n = 1;
	return 0;
}

static inline int
fuzz_facts_moves(void *ctx, struct fact_moves *out)
{
	struct fuzz_facts *f = ctx;

	f->asked++;
	memset(out, 0, sizeof(*out));
	if (f->mode != FUZZ_FACTS_FULL)
		return f->mode == FUZZ_FACTS_FAILING ? -1 : 0;
	out->has_cycle = 1;
	snprintf(out->id, sizeof(out->id), "ozz_mm_AAAAAAAAAAAAAAAAAAAAAA");
	snprintf(out->due_date, sizeof(out->due_date), "2026-11-30");
	snprintf(out->status, sizeof(out->status), "available");
	snprintf(out->tasks[0].id, sizeof(out->tasks[0].id), "ozz_task_AAAAAAAAAAAAAAAAAAAAAA");
	snprintf(out->tasks[0].type, sizeof(out->tasks[0].type), "do");
	snprintf(out->tasks[0].title, sizeof(out->tasks[0].title), "Move $125.00 to savings");
	out->tasks[0].has_amount = 1;
	out->tasks[0].amount = 12500;
	snprintf(out->tasks[0].status, sizeof(out->tasks[0].status), "pending");
	out->tasks[0].priority = 1;
	out->ntasks = 1;
	out->points = 40;
	return 1;
}

static inline int
fuzz_facts_transactions(void *ctx, const struct fact_txn_q *q, struct fact_txn *out,
    size_t max, size_t *n, int *more)
{
	struct fuzz_facts *f = ctx;
	size_t		 i;

	f->asked++;
	*n = 0;
	*more = 0;
	if (q->has_from)
		fuzz_facts_day(q->from);
	if (q->has_to)
		fuzz_facts_day(q->to);
	FUZZ_CHECK(!(q->has_from && q->has_to) || q->from <= q->to, "from after to");
	FUZZ_CHECK(q->category >= 0 && q->category <= CAT_COUNT, "category %d", q->category);
	FUZZ_CHECK(q->kind == FACT_KIND_ALL || q->kind == FACT_KIND_SPENDING ||
	    q->kind == FACT_KIND_INCOME, "kind %d", (int)q->kind);
	FUZZ_CHECK(q->search == NULL || utf8_valid(q->search, strlen(q->search)),
	    "a search that is not UTF-8");
	FUZZ_CHECK(max >= 1 && max <= 1000, "max %zu", max);
	if (f->mode != FUZZ_FACTS_FULL)
		return f->mode == FUZZ_FACTS_FAILING ? -1 : 0;
	for (i = 0; i < 3 && i < max; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		snprintf(out[i].id, sizeof(out[i].id), "ozz_txn_AAAAAAAAAAAAAAAAAAAAA%zu", i);
		snprintf(out[i].date, sizeof(out[i].date), "2026-11-%02zu", 20 + i);
		snprintf(out[i].description, sizeof(out[i].description),
		    i == 0 ? "mercado \"Pão de Açúcar\"" : "uber trip");
		snprintf(out[i].merchant, sizeof(out[i].merchant), i == 1 ? "Uber" : "");
		out[i].category = i == 0 ? CAT_FOOD : CAT_TRANSPORT;
		out[i].amount = 4590 + (int64_t)i;
		snprintf(out[i].currency, sizeof(out[i].currency), "USD");
	}
	*n = i;
	*more = max <= 3;
	return 0;
}

/* A source for a user of currency, answering as mode says. */
static inline void
fuzz_facts_init(struct fuzz_facts *f, enum fuzz_facts_mode mode, const char *currency)
{
	int d = currency_minor_units(currency);

	memset(f, 0, sizeof(*f));
	f->mode = mode;
	f->src.ctx = f;
	f->src.currency = currency;
	f->src.digits = d >= 0 ? d : 2;
	f->src.spending = fuzz_facts_spending;
	f->src.intake = fuzz_facts_intake;
	f->src.plan = fuzz_facts_plan;
	f->src.goals = fuzz_facts_goals;
	f->src.moves = fuzz_facts_moves;
	f->src.transactions = fuzz_facts_transactions;
}

#endif
