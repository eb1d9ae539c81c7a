/*
 * test_svc_contrib.c: goals that move, without HTTP, on a real PostgreSQL:
 * debt payments and savings contributions move the goal the rules pick (the
 * primary of that kind, the name that matches, the oldest), in the user's
 * currency only; a changed or deleted transaction takes back exactly what
 * it moved; a done "do" task moves its cycle's goal and undoing it takes it
 * back with its points; what moved a goal, listed; and tenancy.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/lessons.h"
#include "service/svc_contrib.h"
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_move.h"
#include "service/svc_plan.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

static void
new_goal(struct fixture *fx, const char *ref, const char *type, const char *name,
    int64_t target, const char *primary, struct goal *out)
{
	struct goal_fields f;

	memset(&f, 0, sizeof(f));
	f.goal_type = type;
	f.goal_name = name;
	f.target_amount = target;
	f.primary = primary;
	ck_assert_int_eq(svc_goal_create(&fx->s, ref, &f, out), 0);
}

/* A goal's current amount, in hundredths. */
static int64_t
current(struct fixture *fx, const char *ref, const char *id)
{
	struct goal	 g;

	ck_assert_int_eq(svc_goal_get(&fx->s, ref, id, &g), 0);
	return g.current_amount;
}

/* Record one transaction of kind (in currency, NULL: the user's). */
static void
record(struct fixture *fx, const char *ref, int64_t cents, const char *kind,
    const char *currency, const char *desc, struct txn *out)
{
	struct txn_in	 in;

	memset(&in, 0, sizeof(in));
	in.amount_cents = cents;
	in.kind = kind;
	in.currency = currency;
	in.description = desc;
	ck_assert_int_eq(svc_txn_record(&fx->s, ref, &in, 1, "api_json", out), 0);
}

static size_t
contribs(struct fixture *fx, const char *ref, const char *goal, struct goal_contrib *rows)
{
	struct store_page pg = { 10, 0, 0, "" };
	size_t	 n;
	int	 more;

	ck_assert_int_eq(svc_contrib_list(&fx->s, ref, goal, NULL, &pg, rows, &n, &more), 0);
	return n;
}

START_TEST(payments_move_the_goal_the_rules_pick)
{
	struct fixture	 fx;
	struct goal	 fund, card, loan;
	struct txn	 t1, t2, t3, t4;
	struct goal_contrib rows[10];
	const char	*u = "external:gc-rules";

	fixture_open(&fx);
	new_goal(&fx, u, "savings", "Emergency fund", 500000, NULL, &fund);	/* primary */
	new_goal(&fx, u, "debt", "Nubank card", 300000, NULL, &card);
	new_goal(&fx, u, "debt", "Car loan", 900000, NULL, &loan);
	/* a savings contribution: the primary savings goal */
	record(&fx, u, 110769, "savings_contribution", NULL, "moved to my fund", &t1);
	ck_assert_int_eq(current(&fx, u, fund.id), 110769);
	ck_assert_uint_eq(contribs(&fx, u, fund.id, rows), 1);
	ck_assert_str_eq(rows[0].source, "transaction");
	ck_assert_str_eq(rows[0].source_id, t1.id);
	ck_assert_int_eq(rows[0].amount, 110769);
	ck_assert_str_eq(rows[0].money_move_id, "");
	/* a debt payment: no primary debt goal, so the name that matches ... */
	record(&fx, u, 45000, "debt_payment", NULL, "loan instalment", &t2);
	ck_assert_int_eq(current(&fx, u, loan.id), 45000);
	ck_assert_int_eq(current(&fx, u, card.id), 0);
	/* ... or the oldest debt goal */
	record(&fx, u, 20000, "debt_payment", NULL, "PAGAMENTO FATURA", &t3);
	ck_assert_int_eq(current(&fx, u, card.id), 20000);
	/* another currency than the user's, spending, income: nothing moves */
	record(&fx, u, 50000, "savings_contribution", "EUR", "fund", &t4);
	record(&fx, u, 50000, "spending", NULL, "fund dinner", &t4);
	record(&fx, u, 50000, "income", NULL, "salary", &t4);
	record(&fx, u, 50000, "transfer", NULL, "to my fund", &t4);
	ck_assert_int_eq(current(&fx, u, fund.id), 110769);
	ck_assert_int_eq(current(&fx, u, card.id), 20000);
	ck_assert_int_eq(current(&fx, u, loan.id), 45000);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM goal_contributions WHERE"
	    " client_id = $1", fx.a, NULL), 3);
	/* a debt goal made primary takes the next payments, whatever their words */
	{
		struct goal_fields f;

		memset(&f, 0, sizeof(f));
		f.primary = "t";
		ck_assert_int_eq(svc_goal_update(&fx.s, u, loan.id, &f, &loan), 0);
	}
	record(&fx, u, 1000, "debt_payment", NULL, "Nubank card bill", &t4);
	ck_assert_int_eq(current(&fx, u, loan.id), 46000);
	ck_assert_int_eq(current(&fx, u, card.id), 20000);
	fixture_close(&fx);
}
END_TEST

START_TEST(changes_and_deletes_take_back_exactly)
{
	struct fixture	 fx;
	struct goal	 fund, other, g;
	struct txn	 t, out[2];
	struct txn_in	 in[2];
	struct txn_fields f;
	struct goal_contrib rows[10];
	const char	*u = "external:gc-undo";

	fixture_open(&fx);
	new_goal(&fx, u, "savings", "Fund", 100000, NULL, &fund);
	record(&fx, u, 40000, "savings_contribution", NULL, "", &t);
	ck_assert_int_eq(current(&fx, u, fund.id), 40000);
	/* a new amount: the same goal, the new amount */
	memset(&f, 0, sizeof(f));
	f.has_amount = 1;
	f.amount_cents = 35050;
	ck_assert_int_eq(svc_txn_update(&fx.s, u, t.id, &f, &t), 0);
	ck_assert_int_eq(current(&fx, u, fund.id), 35050);
	ck_assert_uint_eq(contribs(&fx, u, fund.id, rows), 1);
	ck_assert_int_eq(rows[0].amount, 35050);
	/* the goal it moved stays its goal, even when another became primary */
	new_goal(&fx, u, "savings", "Other", 100000, "t", &other);
	f.amount_cents = 35000;
	ck_assert_int_eq(svc_txn_update(&fx.s, u, t.id, &f, &t), 0);
	ck_assert_int_eq(current(&fx, u, fund.id), 35000);
	ck_assert_int_eq(current(&fx, u, other.id), 0);
	/* another kind: taken back; the kind again: moved again (the primary now) */
	memset(&f, 0, sizeof(f));
	f.has_kind = 1;
	f.kind = "spending";
	ck_assert_int_eq(svc_txn_update(&fx.s, u, t.id, &f, &t), 0);
	ck_assert_int_eq(current(&fx, u, fund.id), 0);
	ck_assert_uint_eq(contribs(&fx, u, fund.id, rows), 0);
	f.kind = "savings_contribution";
	ck_assert_int_eq(svc_txn_update(&fx.s, u, t.id, &f, &t), 0);
	ck_assert_int_eq(current(&fx, u, fund.id), 0);
	ck_assert_int_eq(current(&fx, u, other.id), 35000);
	/* a description or a date changes nothing of it */
	memset(&f, 0, sizeof(f));
	f.has_description = 1;
	f.description = "Fund";
	ck_assert_int_eq(svc_txn_update(&fx.s, u, t.id, &f, &t), 0);
	ck_assert_int_eq(current(&fx, u, other.id), 35000);
	/* reaching the target achieves it; deleting the transaction takes it back */
	memset(&f, 0, sizeof(f));
	f.has_amount = 1;
	f.amount_cents = 100000;
	ck_assert_int_eq(svc_txn_update(&fx.s, u, t.id, &f, &t), 0);
	ck_assert_int_eq(svc_goal_get(&fx.s, u, other.id, &g), 0);
	ck_assert_str_eq(g.status, "achieved");
	ck_assert_int_eq(g.current_amount, 100000);
	ck_assert_int_eq(svc_txn_delete(&fx.s, u, t.id), 0);
	ck_assert_int_eq(svc_goal_get(&fx.s, u, other.id, &g), 0);
	ck_assert_str_eq(g.status, "active");
	ck_assert_int_eq(g.current_amount, 0);
	ck_assert_int_eq(g.is_primary, 1);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM goal_contributions WHERE"
	    " client_id = $1", fx.a, NULL), 0);
	/* a batch is all or nothing, goals included */
	memset(in, 0, sizeof(in));
	in[0].amount_cents = 5000;
	in[0].kind = "savings_contribution";
	in[1].amount_cents = 0;		/* refused by the table, after the first moved a goal */
	ck_assert_int_eq(svc_txn_record(&fx.s, u, in, 2, "api_json", out), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, NULL);
	ck_assert_int_eq(current(&fx, u, other.id), 0);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM goal_contributions WHERE"
	    " client_id = $1", fx.a, NULL), 0);
	/* an archived goal does not move: the payment goes to no goal */
	{
		struct goal_fields gf;

		memset(&gf, 0, sizeof(gf));
		gf.has_status = 1;
		gf.status = "archived";
		ck_assert_int_eq(svc_goal_update(&fx.s, u, other.id, &gf, &g), 0);
		ck_assert_int_eq(svc_goal_update(&fx.s, u, fund.id, &gf, &g), 0);
	}
	record(&fx, u, 5000, "savings_contribution", NULL, "", &t);
	ck_assert_int_eq(current(&fx, u, fund.id), 0);
	ck_assert_int_eq(current(&fx, u, other.id), 0);
	ck_assert_int_eq(svc_txn_delete(&fx.s, u, t.id), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(minor_units_of_the_users_currency)
{
	struct fixture	 fx;
	struct goal	 g;
	struct txn	 t;
	struct user	 u;

	ck_assert_int_eq(svc_contrib_hundredths(150000, "JPY"), 15000000);
	ck_assert_int_eq(svc_contrib_hundredths(1234, "BHD"), 123);
	ck_assert_int_eq(svc_contrib_hundredths(1234, "USD"), 1234);
	fixture_open(&fx);
	fixture_user(&fx.s.st, "gc-jpy", "en", "JPY", &u);
	new_goal(&fx, u.id, "savings", "Fund", 10000000, NULL, &g);	/* ¥100,000 */
	record(&fx, u.id, 1500, "savings_contribution", NULL, "", &t);	/* ¥1,500 */
	ck_assert_int_eq(current(&fx, u.id, g.id), 150000);
	fixture_user(&fx.s.st, "gc-bhd", "en", "BHD", &u);
	new_goal(&fx, u.id, "savings", "Fund", 10000000, NULL, &g);
	record(&fx, u.id, 1234, "savings_contribution", NULL, "", &t);	/* 1.234 BHD */
	ck_assert_int_eq(current(&fx, u.id, g.id), 123);
	record(&fx, u.id, 9, "savings_contribution", NULL, "", &t);	/* under a hundredth */
	ck_assert_int_eq(current(&fx, u.id, g.id), 123);
	fixture_close(&fx);
}
END_TEST

/*
 * An intake, a goal and a plan for ref. The emergency fund (3 months of
 * 3,500.00) is full, so the plan's money goes to the goal.
 */
static void
planned(struct fixture *fx, const char *ref, struct goal *g)
{
	struct intake	 in, it;
	struct plan_view v;

	memset(&in, 0, sizeof(in));
	in.income = 500000;
	in.expenses = 350000;
	in.has_savings = 1;
	in.savings = 1200000;
	ck_assert_int_eq(svc_intake_create(&fx->s, ref, &in, &it), 0);
	new_goal(fx, ref, "savings", "Trip", 300000, NULL, g);
	ck_assert_int_eq(svc_plan_generate(&fx->s, ref, NULL, &v), 0);
}

START_TEST(tasks_move_their_cycles_goal)
{
	struct fixture	 fx;
	struct move_cycle c, c2;
	struct move_task t;
	struct goal	 g, h;
	struct goal_contrib rows[10];
	struct user	 u;
	struct goal_fields f;
	int64_t		 points, amount;
	const char	*ref = "external:gc-task";

	fixture_open(&fx);
	planned(&fx, ref, &g);
	ck_assert_int_eq(svc_move_generate(&fx.s, ref, &c), 0);
	ck_assert_str_eq(c.goal_id, g.id);
	amount = c.tasks[0].amount_cents;
	ck_assert_int_gt(amount, 0);
	/* done: the amount goes to the goal, once */
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "done", &t, &points), 0);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS);
	ck_assert_int_eq(current(&fx, ref, g.id), amount);
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "done", &t, &points), 0);
	ck_assert_int_eq(current(&fx, ref, g.id), amount);
	ck_assert_uint_eq(contribs(&fx, ref, g.id, rows), 1);
	ck_assert_str_eq(rows[0].source, "task");
	ck_assert_str_eq(rows[0].source_id, c.tasks[0].id);
	ck_assert_str_eq(rows[0].money_move_id, c.id);
	/* learn and mind tasks move nothing */
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[1].id, "done", &t, &points), 0);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS + POINTS_LEARN);
	ck_assert_int_eq(current(&fx, ref, g.id), amount);
	/* undone: the amount and the points go back, the bonus may be earned again */
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "pending", &t, &points),
	    0);
	ck_assert_str_eq(t.status, "pending");
	ck_assert_int_eq(t.points_awarded, 0);
	ck_assert_str_eq(t.completed_at, "");
	ck_assert_int_eq(points, POINTS_LEARN);
	ck_assert_int_eq(current(&fx, ref, g.id), 0);
	ck_assert_uint_eq(contribs(&fx, ref, g.id, rows), 0);
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "pending", &t, &points),
	    0);
	ck_assert_int_eq(points, -1);
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "done", &t, &points), 0);
	ck_assert_int_eq(t.points_awarded, POINTS_DO + POINTS_FIRST_BONUS);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS + POINTS_LEARN);
	ck_assert_int_eq(current(&fx, ref, g.id), amount);
	/* a learn task undone: its points only */
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[1].id, "pending", &t, &points),
	    0);
	ck_assert_int_eq(points, POINTS_DO + POINTS_FIRST_BONUS);
	/* a skip is undone too, and a done task still cannot be skipped */
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[2].id, "skipped", &t, &points),
	    0);
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[2].id, "pending", &t, &points),
	    0);
	ck_assert_str_eq(t.status, "pending");
	ck_assert_int_eq(points, -1);
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "skipped", &t, &points),
	    -1);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	ck_assert_int_eq(svc_user_resolve(&fx.s, ref, 0, &u), 0);
	ck_assert_int_eq(u.points, POINTS_DO + POINTS_FIRST_BONUS);
	/* the goal archived: a done task of its cycle moves nothing */
	ck_assert_int_eq(svc_move_generate(&fx.s, ref, &c2), 0);
	memset(&f, 0, sizeof(f));
	f.has_status = 1;
	f.status = "archived";
	ck_assert_int_eq(svc_goal_update(&fx.s, ref, g.id, &f, &h), 0);
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c2.id, c2.tasks[0].id, "done", &t, &points),
	    0);
	ck_assert_int_eq(current(&fx, ref, g.id), amount);
	ck_assert_uint_eq(contribs(&fx, ref, g.id, rows), 1);
	/* undoing the first one still takes its amount back */
	ck_assert_int_eq(svc_move_task(&fx.s, ref, c.id, c.tasks[0].id, "pending", &t, &points),
	    0);
	ck_assert_int_eq(current(&fx, ref, g.id), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(list_not_found_and_tenancy)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct goal	 g;
	struct txn	 t;
	struct goal_contrib rows[2];
	struct store_page pg = { 2, 0, 0, "" };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	new_goal(&fx, "external:gc-own", "savings", "Fund", 100000, NULL, &g);
	/* a goal nothing moved yet: an empty page */
	ck_assert_int_eq(svc_contrib_list(&fx.s, "external:gc-own", g.id, NULL, &pg, rows, &n,
	    &more), 0);
	ck_assert_uint_eq(n, 0);
	record(&fx, "external:gc-own", 100, "savings_contribution", NULL, "", &t);
	ck_assert_int_eq(svc_contrib_list(&fx.s, "external:gc-own", g.id, "transaction", &pg,
	    rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(svc_contrib_list(&fx.s, "external:gc-own", g.id, "task", &pg, rows, &n,
	    &more), 0);
	ck_assert_uint_eq(n, 0);
	/* another user's goal, a malformed id, no such goal, another client */
	ck_assert_int_eq(svc_contrib_list(&fx.s, "external:gc-other", g.id, NULL, &pg, rows, &n,
	    &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_contrib_list(&fx.s, "external:gc-own", "goal-1", NULL, &pg, rows,
	    &n, &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_contrib_list(&fx.s, "external:gc-own",
	    "ozz_goal_AAAAAAAAAAAAAAAAAAAAAA", NULL, &pg, rows, &n, &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_contrib_list(&sb, "external:gc-own", g.id, NULL, &pg, rows, &n,
	    &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_contrib_list(&fx.s, "ozz_usr_AAAAAAAAAAAAAAAAAAAAAA", g.id, NULL,
	    &pg, rows, &n, &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* b's user of the same external id logs a contribution: a's goal is untouched */
	new_goal(&fx, "external:gc-own", "savings", "Other", 100000, "f", &g);
	{
		struct txn_in	 in;

		memset(&in, 0, sizeof(in));
		in.amount_cents = 700;
		in.kind = "savings_contribution";
		ck_assert_int_eq(svc_txn_record(&sb, "external:gc-own", &in, 1, "api_json", &t),
		    0);
	}
	ck_assert_int_eq(fixture_count("SELECT coalesce(sum(amount * 100), 0)::bigint FROM"
	    " goal_contributions WHERE client_id = $1", fx.a, NULL), 100);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM goal_contributions WHERE"
	    " client_id = $1", fx.b, NULL), 0);
	fixture_close(&fx);
}
END_TEST

/*
 * A single record whose kind the user taught for its merchant moves the goal
 * too (stored on its own first, then moved); a record that moves none is one
 * statement; a batch of goal moves takes the goals in one order.
 */
START_TEST(taught_kinds_and_batches)
{
	struct fixture	 fx;
	struct goal	 g;
	struct txn	 t, out[3];
	struct txn_fields f;
	struct txn_in	 in[3];
	struct user	 u;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "c-taught", "en", "USD", &u);
	new_goal(&fx, u.id, "savings", "Emergency fund", 500000, "true", &g);
	/* an unknown merchant: spending, no goal moves */
	record(&fx, u.id, 2000, NULL, NULL, "ZORBLAX VAULT 22", &t);
	ck_assert_str_eq(t.kind, "spending");
	ck_assert_int_eq(current(&fx, u.id, g.id), 0);
	/* the user says it was money saved: the goal moves, and the merchant is taught */
	memset(&f, 0, sizeof(f));
	f.has_kind = 1;
	f.kind = "savings_contribution";
	ck_assert_int_eq(svc_txn_update(&fx.s, u.id, t.id, &f, &t), 0);
	ck_assert_int_eq(current(&fx, u.id, g.id), 2000);
	/* the next one there is a savings contribution by what was taught, and moves it */
	record(&fx, u.id, 3000, NULL, NULL, "Zorblax Vault 23", &t);
	ck_assert_str_eq(t.kind, "savings_contribution");
	ck_assert_int_eq(current(&fx, u.id, g.id), 5000);
	/* a batch of three that move the goal */
	memset(in, 0, sizeof(in));
	in[0].amount_cents = 100;
	in[0].kind = "savings_contribution";
	in[1].amount_cents = 200;
	in[1].description = "to my emergency fund";
	in[2].amount_cents = 300;
	in[2].description = "zorblax vault";
	ck_assert_int_eq(svc_txn_record(&fx.s, u.id, in, 3, "api_json", out), 0);
	ck_assert_str_eq(out[1].kind, "savings_contribution");
	ck_assert_int_eq(current(&fx, u.id, g.id), 5600);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_contrib_suite(void)
{
	Suite	*s = suite_create("svc_contrib");
	TCase	*tc = tcase_create("contributions");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, payments_move_the_goal_the_rules_pick);
	tcase_add_test(tc, changes_and_deletes_take_back_exactly);
	tcase_add_test(tc, minor_units_of_the_users_currency);
	tcase_add_test(tc, tasks_move_their_cycles_goal);
	tcase_add_test(tc, list_not_found_and_tenancy);
	tcase_add_test(tc, taught_kinds_and_batches);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_contrib_suite)
