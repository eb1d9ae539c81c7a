/*
 * test_svc_plan.c: the plan service without HTTP, on a real PostgreSQL:
 * INTAKE_REQUIRED, a plan built from the intake, the goal and the spending
 * (its inputs say which), the user becoming active, the latest plan and
 * the history, and another client's users.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "domain/calendar.h"
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_plan.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

/* The value at a dotted path of o ("inputs.intake_id", "debts.0.name"), or NULL. */
static struct json_object *
at(struct json_object *o, const char *path)
{
	char	 key[64];
	size_t	 len;

	while (o && *path) {
		len = strcspn(path, ".");
		ck_assert_uint_lt(len, sizeof(key));
		memcpy(key, path, len);
		key[len] = '\0';
		if (json_object_is_type(o, json_type_array) && key[0] >= '0' && key[0] <= '9')
			o = json_object_array_get_idx(o, (size_t)(key[0] - '0'));
		else if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path += len + (path[len] == '.');
	}
	return o;
}

static const char *
str(struct json_object *o, const char *path)
{
	struct json_object *v = at(o, path);

	ck_assert_msg(v && json_object_is_type(v, json_type_string), "%s is not a string", path);
	return json_object_get_string(v);
}

static int64_t
num(struct json_object *o, const char *path)
{
	struct json_object *v = at(o, path);

	ck_assert_msg(v && json_object_is_type(v, json_type_int), "%s is not an integer", path);
	return json_object_get_int64(v);
}

/* An intake (5000.00 in, 3500.00 out, 500.00 saved), a goal and four transactions. */
static void
rich_user(struct fixture *fx, const char *ref, struct intake *it, struct goal *g)
{
	struct intake	 in;
	struct goal_fields f;
	struct txn_in	 t[4];
	struct txn	 out[4];
	size_t		 i;

	memset(&in, 0, sizeof(in));
	in.income = 500000;
	in.expenses = 350000;
	in.has_savings = 1;
	in.savings = 50000;
	ck_assert_int_eq(svc_intake_create(&fx->s, ref, &in, it), 0);
	memset(&f, 0, sizeof(f));
	f.goal_type = "savings";
	f.goal_name = "Emergency fund";
	f.target_amount = 300000;
	f.starting_amount = 50000;
	ck_assert_int_eq(svc_goal_create(&fx->s, ref, &f, g), 0);
	memset(t, 0, sizeof(t));
	for (i = 0; i < 4; i++) {
		t[i].amount_cents = 1000 + 500 * (int64_t)i;
		t[i].description = "groceries";
		t[i].category = "food";
	}
	ck_assert_int_eq(svc_txn_record(&fx->s, ref, t, 4, "api_json", out), 0);
}

START_TEST(intake_required)
{
	struct fixture	 fx;
	struct plan_view v;
	struct user	 u;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "pl-0", "en", "USD", &u);
	ck_assert_int_eq(svc_plan_generate(&fx.s, u.id, NULL, &v), -1);
	FIXTURE_EXPECT(&fx, OZ_INTAKE_REQUIRED, NULL);
	ck_assert_int_eq(svc_plan_latest(&fx.s, u.id, &v), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &u), 0);
	ck_assert_str_eq(u.onboarding_stage, "intake_pending");
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM plans WHERE client_id = $1", fx.a,
	    NULL), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(a_plan_with_its_inputs)
{
	struct fixture	 fx;
	struct plan_view v, l;
	struct intake	 it;
	struct goal	 g;
	struct user	 u;
	struct json_object *b, *lb, *acts;
	int64_t		 sum;

	fixture_open(&fx);
	rich_user(&fx, "external:pl-1", &it, &g);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:pl-1", 0, &u), 0);
	ck_assert_str_eq(u.onboarding_stage, "plan_pending");
	ck_assert_int_eq(svc_plan_generate(&fx.s, "external:pl-1", NULL, &v), 0);
	ck_assert(strncmp(v.plan.id, "ozz_plan_", 9) == 0);
	ck_assert_str_eq(v.plan.user_id, u.id);
	ck_assert_int_eq(v.has_cycle, 0);		/* no money moves yet */
	b = json_tokener_parse(v.plan.body);
	ck_assert_ptr_nonnull(b);
	ck_assert_str_eq(str(b, "id"), v.plan.id);
	ck_assert_str_eq(str(b, "user_id"), u.id);
	/* what it was made from */
	ck_assert_str_eq(str(b, "inputs.intake_id"), it.id);
	ck_assert_str_eq(str(b, "inputs.intake_month"), it.month);
	ck_assert_str_eq(str(b, "inputs.goal_id"), g.id);
	/*
	 * today's transactions are in the current month, which is not whole:
	 * none is averaged (they used to be scaled up to a month), and the plan
	 * says it uses the intake's figures
	 */
	ck_assert_int_eq(num(b, "inputs.transactions_considered"), 0);
	ck_assert_str_eq(str(b, "inputs.transactions_currency"), "USD");
	ck_assert_int_ge(num(b, "inputs.transactions_days"), 90);
	ck_assert_int_eq(num(b, "inputs.transactions_days_covered"), 1);
	ck_assert_int_eq(num(b, "inputs.spending_months"), 0);
	ck_assert_str_eq(str(b, "assumptions.spending_source"), "intake");
	ck_assert_int_eq(num(b, "assumptions.emergency_fund_months"), 3);
	ck_assert_ptr_null(at(b, "assumptions.spending_from"));
	/* 500.00 saved of a 10,500.00 emergency fund: that is where the money goes */
	ck_assert_str_eq(str(b, "focus.step"), "emergency_fund");
	ck_assert_str_eq(str(b, "focus.topic"), "emergency");
	ck_assert_str_eq(v.plan.focus_step, "emergency_fund");
	ck_assert_str_eq(v.plan.focus_topic, "emergency");
	ck_assert(json_object_is_type(at(b, "priorities"), json_type_array));
	ck_assert_uint_eq(json_object_array_length(at(b, "debts")), 0);
	/* who made it: the engine, worded locally */
	ck_assert_str_eq(str(b, "generated_by.engine"), "ozzie-finance 2");
	ck_assert_str_eq(str(b, "generated_by.ai_provider"), "local");
	ck_assert(json_object_get_boolean(at(b, "generated_by.fallback")) == 0);
	/* its numbers hold together */
	sum = num(b, "allocations.needs") + num(b, "allocations.wants") +
	    num(b, "allocations.savings") + num(b, "allocations.debt");
	ck_assert_int_eq(sum, 100);
	ck_assert_int_gt(v.plan.monthly_move_cents, 0);
	ck_assert_int_eq((int64_t)(json_object_get_double(at(b,
	    "key_metrics.monthly_savings_amount")) * 100 + 0.5), v.plan.monthly_move_cents);
	ck_assert_ptr_null(at(b, "personality_type"));
	acts = at(b, "action_items");
	ck_assert(json_object_is_type(acts, json_type_array));
	ck_assert_uint_gt(json_object_array_length(acts), 0);
	ck_assert_uint_gt(strlen(str(b, "summary")), 20);
	json_object_put(b);
	/* the first plan makes the user active */
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &u), 0);
	ck_assert_str_eq(u.onboarding_stage, "active");
	/* the latest is that plan, with its focus */
	ck_assert_int_eq(svc_plan_latest(&fx.s, u.id, &l), 0);
	ck_assert_str_eq(l.plan.id, v.plan.id);
	ck_assert_str_eq(l.plan.focus_step, "emergency_fund");
	/* the same document (jsonb orders keys its own way) */
	b = json_tokener_parse(v.plan.body);
	lb = json_tokener_parse(l.plan.body);
	ck_assert_int_eq(json_object_equal(b, lb), 1);
	json_object_put(lb);
	json_object_put(b);
	fixture_close(&fx);
}
END_TEST

START_TEST(latest_and_history)
{
	struct fixture	 fx;
	struct plan_view v1, v2, l;
	struct plan_row	 rows[3];
	struct store_page pg = { 3, 0, 0, "" };
	struct intake	 it;
	struct goal	 g;
	struct json_object *b;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	rich_user(&fx, "external:pl-2", &it, &g);
	ck_assert_int_eq(svc_plan_generate(&fx.s, "external:pl-2", NULL, &v1), 0);
	/* a personality reorders and trims the advice */
	ck_assert_int_eq(svc_plan_generate(&fx.s, "external:pl-2", "avoider", &v2), 0);
	b = json_tokener_parse(v2.plan.body);
	ck_assert_str_eq(str(b, "personality_type"), "avoider");
	ck_assert_uint_le(json_object_array_length(at(b, "action_items")), 3);
	json_object_put(b);
	ck_assert_int_eq(svc_plan_latest(&fx.s, "external:pl-2", &l), 0);
	ck_assert_str_eq(l.plan.id, v2.plan.id);
	ck_assert_int_eq(svc_plan_history(&fx.s, "external:pl-2", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(more, 0);
	ck_assert_str_eq(rows[0].id, v2.plan.id);
	ck_assert_str_eq(rows[1].id, v1.plan.id);
	/* the same inputs, the same numbers */
	ck_assert_int_eq(rows[0].monthly_move_cents, rows[1].monthly_move_cents);
	fixture_close(&fx);
}
END_TEST

START_TEST(another_clients_user)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct plan_view v;
	struct plan_row	 rows[2];
	struct store_page pg = { 2, 0, 0, "" };
	struct intake	 it;
	struct goal	 g;
	struct user	 u;
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	rich_user(&fx, "external:pl-3", &it, &g);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:pl-3", 0, &u), 0);
	ck_assert_int_eq(svc_plan_generate(&sb, u.id, NULL, &v), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_plan_latest(&sb, u.id, &v), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_plan_history(&sb, u.id, &pg, rows, &n, &more), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* b's user of the same external id has no intake of a's */
	ck_assert_int_eq(svc_plan_generate(&sb, "external:pl-3", NULL, &v), -1);
	FIXTURE_EXPECT(&fx, OZ_INTAKE_REQUIRED, NULL);
	ck_assert_int_eq(fixture_count("SELECT count(*) FROM plans WHERE client_id = $1", fx.a,
	    NULL), 0);
	fixture_close(&fx);
}
END_TEST

/* Day d of the month k months before the current one, as text. */
static void
month_day(int k, int d, char out[11])
{
	long	 y, m, dd;
	char	 today[11];

	cal_today(today);
	ck_assert_int_eq(cal_parse_ymd(today, &y, &m, &dd), 0);
	cal_format(cal_add_months(cal_days(y, m, 1), -k) + d - 1, out);
}

/*
 * Whole calendar months and the intake's debts: a card at 12% a month, rent
 * paid on the 5th, a card bill and a transfer (never spending). Three whole
 * months are read (the records start the month before them), the current
 * one is not; the rent is one a month.
 */
START_TEST(whole_months_and_debts)
{
	struct fixture	 fx;
	struct plan_view v;
	struct intake	 in, it;
	struct txn_in	 t[32];
	struct txn	 out[32];
	struct json_object *b;
	struct user	 u;
	char		 dates[32][11], want_to[11];
	size_t		 n = 0;
	int		 k, i;

	fixture_open(&fx);
	memset(&in, 0, sizeof(in));
	in.income = 500000;
	in.expenses = 420000;
	in.has_savings = 1;
	in.savings = 500000;
	in.has_debt = 1;
	in.debt = 600000;
	in.ndebts = 1;
	snprintf(in.debts[0].name, sizeof(in.debts[0].name), "Cartão");
	in.debts[0].balance = 600000;
	in.debts[0].has_rate = 1;
	in.debts[0].rate = 12000;
	snprintf(in.debts[0].rate_period, sizeof(in.debts[0].rate_period), "month");
	in.debts[0].has_min = 1;
	in.debts[0].min_payment = 60000;
	fixture_user(&fx.s.st, "pl-months", "pt", "BRL", &u);
	ck_assert_int_eq(svc_intake_create(&fx.s, "external:pl-months", &in, &it), 0);
	memset(t, 0, sizeof(t));
	for (k = 4; k >= 0; k--) {
		/* rent on the 5th, groceries and delivery on the 10th, the card bill and a transfer */
		static const char *const what[5][4] = {
		    { "aluguel", "housing", "rent", "spending" },
		    { "mercado", "food", "groceries", "spending" },
		    { "ifood", "food", "delivery", "spending" },
		    { "fatura do cartão", "other", NULL, "debt_payment" },
		    { "pix para poupança", "other", NULL, "transfer" } };
		static const int64_t cents[5] = { 150000, 90000, 40000, 200000, 50000 };

		for (i = 0; i < 5 && k > 0; i++) {
			month_day(k, i == 0 ? 5 : 10, dates[n]);
			t[n].amount_cents = cents[i];
			t[n].description = what[i][0];
			t[n].category = what[i][1];
			t[n].subcategory = what[i][2];
			t[n].kind = what[i][3];
			t[n].date = dates[n];
			n++;
		}
	}
	/* this month's delivery binge is not averaged: the month is not over */
	month_day(0, 1, dates[n]);
	t[n].amount_cents = 300000;
	t[n].description = "ifood";
	t[n].category = "food";
	t[n].subcategory = "delivery";
	t[n].date = dates[n];
	n++;
	ck_assert_int_eq(svc_txn_record(&fx.s, "external:pl-months", t, n, "api_json", out), 0);
	ck_assert_int_eq(svc_plan_generate(&fx.s, "external:pl-months", NULL, &v), 0);
	b = json_tokener_parse(v.plan.body);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(num(b, "inputs.spending_months"), 3);
	ck_assert_int_eq(num(b, "inputs.transactions_considered"), 9);	/* 3 x rent, groceries, delivery */
	ck_assert_str_eq(str(b, "assumptions.spending_source"), "transactions");
	month_day(0, 0, want_to);	/* the day before this month's first */
	ck_assert_str_eq(str(b, "assumptions.spending_to"), want_to);
	ck_assert_int_eq(num(b, "assumptions.housing_percent"), 30);	/* 1,500 of 5,000 */
	ck_assert_str_eq(json_object_get_string(at(b, "assumptions.wants")), "400.00");
	ck_assert_str_eq(json_object_get_string(at(b, "assumptions.high_interest_rate")), "8.00");
	ck_assert_str_eq(str(b, "debts.0.name"), "Cartão");
	ck_assert_str_eq(json_object_get_string(at(b, "debts.0.annual_rate")), "289.60");
	ck_assert_str_eq(json_object_get_string(at(b, "debts.0.interest_rate")), "12.000");
	ck_assert_str_eq(str(b, "debts.0.rate_period"), "month");
	ck_assert_str_eq(json_object_get_string(at(b, "debts.0.monthly_interest")), "720.00");
	ck_assert_int_eq(num(b, "debts.0.payoff_order"), 1);
	/* 5,000.00 saved cover the starter fund: the card comes first */
	ck_assert_str_eq(str(b, "focus.step"), "high_interest_debt");
	ck_assert_str_eq(str(b, "focus.name"), "Cartão");
	ck_assert_str_eq(v.plan.focus_topic, "debt");
	ck_assert_str_eq(v.plan.focus_name, "Cartão");
	ck_assert_int_eq(v.plan.monthly_move_cents, 80000);
	ck_assert_ptr_nonnull(strstr(str(b, "action_items.0"), "12% ao mês (289,6% ao ano)"));
	for (i = 0; i < (int)json_object_array_length(at(b, "action_items")); i++) {
		char key[32];

		snprintf(key, sizeof(key), "action_items.%d", i);
		ck_assert_ptr_null(strstr(str(b, key), "com moradia"));
		ck_assert_ptr_null(strstr(str(b, key), "outros gastos"));
	}
	json_object_put(b);
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_plan_suite(void)
{
	Suite	*s = suite_create("svc_plan");
	TCase	*tc = tcase_create("plans");

	tcase_add_test(tc, intake_required);
	tcase_add_test(tc, a_plan_with_its_inputs);
	tcase_add_test(tc, latest_and_history);
	tcase_add_test(tc, another_clients_user);
	tcase_add_test(tc, whole_months_and_debts);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_plan_suite)
