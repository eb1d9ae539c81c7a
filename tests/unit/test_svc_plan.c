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
#include "service/svc_goal.h"
#include "service/svc_intake.h"
#include "service/svc_plan.h"
#include "service/svc_txn.h"
#include "service/svc_user.h"

/* The value at a dotted path of o ("inputs.intake_id"), or NULL. */
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
		if (!json_object_object_get_ex(o, key, &o))
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
	ck_assert_int_eq(num(b, "inputs.transactions_considered"), 4);
	ck_assert_str_eq(str(b, "inputs.transactions_currency"), "USD");
	ck_assert_int_eq(num(b, "inputs.transactions_days"), 90);
	ck_assert_int_eq(num(b, "inputs.transactions_days_covered"), 1);
	/* who made it: the engine, worded locally */
	ck_assert_str_eq(str(b, "generated_by.engine"), "ozzie-finance 1");
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
	/* the latest is that plan */
	ck_assert_int_eq(svc_plan_latest(&fx.s, u.id, &l), 0);
	ck_assert_str_eq(l.plan.id, v.plan.id);
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

static Suite *
svc_plan_suite(void)
{
	Suite	*s = suite_create("svc_plan");
	TCase	*tc = tcase_create("plans");

	tcase_add_test(tc, intake_required);
	tcase_add_test(tc, a_plan_with_its_inputs);
	tcase_add_test(tc, latest_and_history);
	tcase_add_test(tc, another_clients_user);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_plan_suite)
