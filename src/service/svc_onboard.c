/* svc_onboard.c: onboarding in the WhatsApp conversation (svc_onboard.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/currency.h"
#include "core/log.h"
#include "core/pool.h"
#include "domain/money_fmt.h"
#include "service/svc.h"
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_onboard.h"
#include "service/svc_plan.h"
#include "store/store_plan.h"

#define OB_PLAN_ACTIONS	3	/* next steps the plan's message lists */

static enum ob_step
step_of(const struct onboarding *o)
{
	enum ob_step st;

	return ob_step_of(o->step, &st) == 0 ? st : OB_OFF;
}

static void
set_step(struct onboarding *o, enum ob_step st)
{
	snprintf(o->step, sizeof(o->step), "%s", ob_step_name(st));
}

static int
save(struct svc *s, const struct user *u, const struct onboarding *o)
{
	if (store_onboard_put(&s->st, u->id, o) == -1)
		return svc_db_fail(s);
	return 0;
}

int
svc_onboard_get(struct svc *s, const struct user *u, struct onboarding *o)
{
	int	 rc;

	if ((rc = store_onboard_get(&s->st, u->id, o)) == -1)
		return svc_db_fail(s);
	return rc;
}

/* Minor units of u's currency as people write them ("R$ 5.000,00"). */
static void
money(const struct user *u, int64_t minor, char *out, size_t len)
{
	if (money_format(minor, u->currency, u->language, out, len) == -1)
		snprintf(out, len, "%lld %s", (long long)minor, u->currency);
}

/* Minor units of currency as hundredths of its major unit (what intakes and goals keep). */
static int64_t
hundredths(const char *currency, int64_t minor)
{
	int	 d = currency_minor_units(currency);

	if (d < 0 || d == 2)
		return minor;
	if (d == 0)
		return minor * 100;
	if (d == 1)
		return minor * 10;
	return minor / 10;	/* three digits: the last one is below a hundredth */
}

void
svc_onboard_question(const struct user *u, const struct onboarding *o, struct buf *out)
{
	char	 q[512], rate[48];
	enum lang l = lang_of(u->language);

	if (step_of(o) == OB_RATE && o->has_rate && o->rate_period[0] == '\0') {
		ob_format_rate(o->rate, "", l, rate, sizeof(rate));
		ob_text_rate_period(l, rate, q, sizeof(q));
	} else
		ob_text_question(step_of(o), l, o->goal_name, q, sizeof(q));
	buf_puts(out, q);
}

int
svc_onboard_begin(struct svc *s, const struct user *u, struct onboarding *o,
    struct buf *out)
{
	char	 last[sizeof(o->last_message_id)];

	snprintf(last, sizeof(last), "%s", o->last_message_id);
	memset(o, 0, sizeof(*o));
	snprintf(o->last_message_id, sizeof(o->last_message_id), "%s", last);
	set_step(o, OB_INCOME);
	if (save(s, u, o) == -1)
		return -1;
	buf_puts(out, ob_text_intro(lang_of(u->language)));
	buf_puts(out, "\n\n");
	svc_onboard_question(u, o, out);
	return 0;
}

int
svc_onboard_stop(struct svc *s, const struct user *u, struct onboarding *o, struct buf *out)
{
	set_step(o, OB_OFF);
	if (save(s, u, o) == -1)
		return -1;
	buf_puts(out, ob_text_stopped(lang_of(u->language)));
	return 0;
}

int
svc_onboard_done(struct svc *s, const struct user *u, struct onboarding *o)
{
	set_step(o, OB_DONE);
	return save(s, u, o);
}

/* The plan in WhatsApp words: heading, summary, the first steps, what comes next. */
static void
say_plan(struct svc *s, const struct user *u, struct buf *out)
{
	struct plan_facts f;
	enum lang l = lang_of(u->language);
	int	 d = currency_minor_units(u->currency);
	size_t	 i;

	buf_puts(out, ob_text_plan_head(l));
	if (store_plan_facts(&s->st, u->id, d < 0 ? 2 : d, &f) == 1) {
		if (f.summary != NULL && f.summary[0] != '\0') {
			buf_puts(out, "\n");
			buf_puts(out, f.summary);
		}
		if (f.nactions > 0)
			buf_puts(out, "\n");
		for (i = 0; i < f.nactions && i < OB_PLAN_ACTIONS; i++) {
			buf_puts(out, "\n- ");
			buf_puts(out, f.actions[i]);
		}
	}
	buf_puts(out, "\n\n");
	buf_puts(out, ob_text_plan_next(l));
}

int
svc_onboard_plan(struct svc *s, const struct user *u, struct buf *out)
{
	struct plan_view *v = pool_alloc(s->st.pool, sizeof(*v));

	if (v == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	if (svc_plan_generate(s, u->id, NULL, v) == -1)
		return -1;
	say_plan(s, u, out);
	return 0;
}

/*
 * 1 if u already has the active goal o names with this target: the last
 * answer taken again after a runner died between the goal and the end.
 */
static int
goal_made(struct svc *s, const struct user *u, const struct onboarding *o, int64_t target)
{
	struct store_page pg;
	struct goal	*rows = pool_alloc(s->st.pool, 10 * sizeof(*rows));
	size_t		 n = 0, i;
	int		 more;

	memset(&pg, 0, sizeof(pg));
	pg.limit = 10;
	if (rows == NULL || svc_goal_list(s, u->id, "active", &pg, rows, &n, &more) == -1) {
		memset(s->err, 0, sizeof(*s->err));
		return 0;
	}
	for (i = 0; i < n; i++)
		if (strcmp(rows[i].goal_name, o->goal_name) == 0 && rows[i].target_amount == target)
			return 1;
	return 0;
}

/*
 * The answers made records: the intake (income, spending, savings, the debt
 * with its rate; fgoal its financial_goal), the goal when there is one
 * (target in minor units), then the plan; the conversation is done once the
 * intake and goal are.
 */
static int
finish(struct svc *s, const struct user *u, struct onboarding *o, const char *fgoal,
    int has_goal, int64_t target, struct buf *out)
{
	struct intake	*in = pool_alloc(s->st.pool, sizeof(*in));
	struct intake	*got = pool_alloc(s->st.pool, sizeof(*got));
	struct goal_fields f;
	struct goal	 g;
	const char	*cur = u->currency;

	if (in == NULL || got == NULL)
		return svc_fail(s, OZ_INTERNAL_ERROR, "out of memory");
	memset(in, 0, sizeof(*in));
	in->income = hundredths(cur, o->income);
	in->expenses = hundredths(cur, o->expenses);
	in->surplus = in->income - in->expenses;
	in->has_savings = 1;
	in->savings = hundredths(cur, o->savings);
	in->has_debt = 1;
	in->debt = hundredths(cur, o->debt);
	if (in->debt > 0) {
		in->ndebts = 1;
		in->debts[0].balance = in->debt;
		if (o->has_rate && o->rate_period[0] != '\0') {
			in->debts[0].has_rate = 1;
			in->debts[0].rate = o->rate;
			snprintf(in->debts[0].rate_period, sizeof(in->debts[0].rate_period), "%s",
			    o->rate_period);
			if (strcmp(o->rate_period, "year") == 0 && o->rate % 10 == 0) {
				in->has_rate = 1;
				in->rate = o->rate / 10;
			}
		}
	}
	snprintf(in->financial_goal, sizeof(in->financial_goal), "%s", fgoal);
	if (svc_intake_create(s, u->id, in, got) == -1)
		return -1;
	if (has_goal && !goal_made(s, u, o, hundredths(cur, target))) {
		memset(&f, 0, sizeof(f));
		f.goal_type = o->goal_type;
		f.goal_name = o->goal_name;
		f.target_amount = hundredths(cur, target);
		if (svc_goal_create(s, u->id, &f, &g) == -1)
			return -1;
	}
	if (svc_onboard_done(s, u, o) == -1)
		return -1;
	if (svc_onboard_plan(s, u, out) == -1) {
		if (s->err->code == OZ_SERVICE_UNAVAILABLE)
			return -1;
		/* the next message makes it (svc_onboard_plan), so say nothing wrong now */
		log_warnx("whatsapp onboarding: no plan yet: %s",
		    s->err->message ? s->err->message : "failed");
		memset(s->err, 0, sizeof(*s->err));
	}
	return 0;
}

/* "Goal: *Trip*, R$ 8.000,00." (without an amount: "Goal: *Trip*.") and a blank line. */
static void
ack_goal(const struct user *u, const struct onboarding *o, int has_target, int64_t target,
    struct buf *out)
{
	char	 amount[64], what[200], ack[320];

	if (has_target) {
		money(u, target, amount, sizeof(amount));
		snprintf(what, sizeof(what), "*%s*, %s", o->goal_name, amount);
	} else
		snprintf(what, sizeof(what), "*%s*", o->goal_name);
	ob_text_ack(OB_GOAL, lang_of(u->language), what, 0, ack, sizeof(ack));
	buf_puts(out, ack);
	buf_puts(out, "\n\n");
}

/* The next question after an ack. */
static int
ask_next(struct svc *s, const struct user *u, struct onboarding *o, enum ob_step next,
    const char *ack, struct buf *out)
{
	set_step(o, next);
	if (save(s, u, o) == -1)
		return -1;
	if (ack != NULL && ack[0] != '\0') {
		buf_puts(out, ack);
		buf_puts(out, "\n\n");
	}
	svc_onboard_question(u, o, out);
	return 0;
}

int
svc_onboard_answer(struct svc *s, const struct user *u, struct onboarding *o,
    const struct ob_answer *a, struct buf *out)
{
	enum lang	 l = lang_of(u->language);
	enum ob_step	 st = step_of(o);
	char		 amount[64], ack[400], rate[48];

	amount[0] = ack[0] = '\0';
	if (a->has_amount)
		money(u, a->amount, amount, sizeof(amount));
	switch (st) {
	case OB_INCOME:
		o->has_income = 1;
		o->income = a->amount;
		ob_text_ack(st, l, amount, 0, ack, sizeof(ack));
		return ask_next(s, u, o, OB_EXPENSES, ack, out);
	case OB_EXPENSES:
		o->has_expenses = 1;
		o->expenses = a->amount;
		ob_text_ack(st, l, amount, o->has_income && a->amount > o->income, ack, sizeof(ack));
		return ask_next(s, u, o, OB_SAVINGS, ack, out);
	case OB_SAVINGS:
		o->has_savings = 1;
		o->savings = a->amount;
		ob_text_ack(st, l, a->amount > 0 ? amount : NULL, 0, ack, sizeof(ack));
		return ask_next(s, u, o, OB_DEBT, ack, out);
	case OB_DEBT:
		o->has_debt = 1;
		o->debt = a->amount;
		o->has_rate = 0;
		o->rate_period[0] = '\0';
		ob_text_ack(st, l, a->amount > 0 ? amount : NULL, 0, ack, sizeof(ack));
		return ask_next(s, u, o, a->amount > 0 ? OB_RATE : OB_GOAL, ack, out);
	case OB_RATE:
		if (a->kind == OB_SKIP) {
			o->has_rate = 0;
			o->rate_period[0] = '\0';
			return ask_next(s, u, o, OB_GOAL, NULL, out);
		}
		if (a->has_rate) {
			o->has_rate = 1;
			o->rate = a->rate;
		}
		if (a->rate_period[0] != '\0')
			snprintf(o->rate_period, sizeof(o->rate_period), "%s", a->rate_period);
		if (!o->has_rate) {
			/* a period, and no rate yet */
			o->rate_period[0] = '\0';
			buf_puts(out, ob_text_unclear(st, l));
			buf_puts(out, "\n\n");
			return ask_next(s, u, o, OB_RATE, NULL, out);
		}
		if (o->rate_period[0] == '\0')
			return ask_next(s, u, o, OB_RATE, NULL, out);	/* "a month or a year?" */
		ob_format_rate(o->rate, o->rate_period, l, rate, sizeof(rate));
		ob_text_ack(st, l, rate, 0, ack, sizeof(ack));
		return ask_next(s, u, o, OB_GOAL, ack, out);
	case OB_GOAL:
		if (a->kind == OB_SKIP) {
			o->goal_name[0] = o->goal_type[0] = '\0';
			o->goal_emergency = 0;
			return finish(s, u, o, o->debt > 0 ? "debt_payoff" : "savings", 0, 0, out);
		}
		snprintf(o->goal_name, sizeof(o->goal_name), "%s", a->goal_name);
		snprintf(o->goal_type, sizeof(o->goal_type), "%s", a->goal_type);
		o->goal_emergency = a->emergency;
		/*
		 * The plan itself builds an emergency fund, pays debts off and
		 * invests what is left: a goal of these is the intake's
		 * financial_goal, not a second goal beside the plan's own step.
		 */
		if (a->emergency || strcmp(a->goal_type, "debt_payoff") == 0 ||
		    (strcmp(a->goal_type, "investment") == 0 && !a->has_amount)) {
			ack_goal(u, o, 0, 0, out);
			return finish(s, u, o, a->emergency ? "savings" : a->goal_type, 0, 0, out);
		}
		if (!a->has_amount || a->amount <= 0)
			return ask_next(s, u, o, OB_GOAL_AMOUNT, NULL, out);
		ack_goal(u, o, 1, a->amount, out);
		return finish(s, u, o, a->goal_type, 1, a->amount, out);
	case OB_GOAL_AMOUNT:
		ack_goal(u, o, 1, a->amount, out);
		return finish(s, u, o, o->goal_type, 1, a->amount, out);
	default:
		return svc_fail(s, OZ_VALIDATION_ERROR, "the onboarding is not waiting on an answer");
	}
}
