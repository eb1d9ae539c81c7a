/*
 * test_svc_user.c: the users service without HTTP, on a real PostgreSQL:
 * users named by id or by external id (created on first use only when
 * asked), creation that returns an existing user unchanged, conflicts,
 * updates, the onboarding rule, delete, and another client's users.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "service/svc_user.h"

/* How many users client has. */
static int64_t
count_users(const char *client)
{
	return fixture_count("SELECT count(*) FROM users WHERE client_id = $1", client, NULL);
}

START_TEST(resolve_by_id_and_external)
{
	struct fixture	 fx;
	struct user	 u, g;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "known", "pt", "BRL", &u);
	/* by id */
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), 0);
	ck_assert_str_eq(g.id, u.id);
	ck_assert_str_eq(g.currency, "BRL");
	/* by external id */
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:known", 0, &g), 0);
	ck_assert_str_eq(g.id, u.id);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:known", 1, &g), 0);
	ck_assert_str_eq(g.id, u.id);
	ck_assert_int_eq(count_users(fx.a), 1);
	/* an id that is no user's, or not an id at all */
	ck_assert_int_eq(svc_user_resolve(&fx.s, "ozz_usr_0000000000000000000000", 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "ozz_goal_0000000000000000000000", 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "", 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(count_users(fx.a), 1);	/* ids never create */
	fixture_close(&fx);
}
END_TEST

START_TEST(external_created_on_first_use_when_asked)
{
	struct fixture	 fx;
	struct user	 g, h;
	char		 err[128];

	fixture_open(&fx);
	/* not asked to create: not found, nothing written */
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:new-1", 0, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(count_users(fx.a), 0);
	/* asked: created with the defaults */
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:new-1", 1, &g), 0);
	ck_assert(strncmp(g.id, "ozz_usr_", 8) == 0);
	ck_assert_str_eq(g.external_user_id, "new-1");
	ck_assert_str_eq(g.language, "en");
	ck_assert_str_eq(g.currency, "USD");
	ck_assert_str_eq(g.onboarding_stage, "intake_pending");
	ck_assert_ptr_null(g.name);
	/* once */
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:new-1", 1, &h), 0);
	ck_assert_str_eq(h.id, g.id);
	ck_assert_int_eq(count_users(fx.a), 1);
	/* the configured default currency; external ids are any printable text */
	ck_assert_int_eq(config_set(&fx.cfg, "default_currency", "BRL", err, sizeof(err)), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:Zoë Ümlaut #42", 1, &g), 0);
	ck_assert_str_eq(g.currency, "BRL");
	ck_assert_str_eq(g.external_user_id, "Zoë Ümlaut #42");
	ck_assert_int_eq(count_users(fx.a), 2);
	fixture_close(&fx);
}
END_TEST

START_TEST(malformed_external_id)
{
	struct fixture	 fx;
	struct user	 g;
	char		 ref[256];
	size_t		 i, len;

	fixture_open(&fx);
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:", 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "user_id");
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:tab\there", 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "user_id");
	ck_assert_int_eq(svc_user_resolve(&fx.s, "external:bad \xff utf8", 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "user_id");
	/* 100 characters (not bytes) are fine, 101 are not */
	len = (size_t)snprintf(ref, sizeof(ref), "external:");
	for (i = 0; i < 100; i++)
		len += (size_t)snprintf(ref + len, sizeof(ref) - len, "é");
	ck_assert_int_eq(svc_user_resolve(&fx.s, ref, 1, &g), 0);
	ck_assert_uint_eq(strlen(g.external_user_id), 200);
	snprintf(ref + len, sizeof(ref) - len, "x");
	ck_assert_int_eq(svc_user_resolve(&fx.s, ref, 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_VALIDATION_ERROR, "user_id");
	ck_assert_int_eq(count_users(fx.a), 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(another_clients_user)
{
	struct fixture	 fx;
	struct svc	 sb;
	struct user	 u, g;
	struct user_fields f;

	fixture_open(&fx);
	fixture_svc_b(&fx, &sb);
	fixture_user(&fx.s.st, "mine", "en", "USD", &u);
	/* b names a's user by id: not found, exactly as an unknown id */
	ck_assert_int_eq(svc_user_resolve(&sb, u.id, 1, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_delete(&sb, u.id), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	memset(&f, 0, sizeof(f));
	f.has_name = 1;
	f.name = "Mallory";
	ck_assert_int_eq(svc_user_update(&sb, u.id, &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	/* by external id: b's own namespace, where it is created for b */
	ck_assert_int_eq(svc_user_resolve(&sb, "external:mine", 0, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_resolve(&sb, "external:mine", 1, &g), 0);
	ck_assert_str_ne(g.id, u.id);
	ck_assert_int_eq(count_users(fx.b), 1);
	/* a's user is as it was */
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), 0);
	ck_assert_ptr_null(g.name);
	ck_assert_str_eq(g.updated_at, u.updated_at);
	fixture_close(&fx);
}
END_TEST

START_TEST(create_and_conflicts)
{
	struct fixture	 fx;
	struct user_fields f;
	struct user	 u, g;
	int		 created = -1;

	fixture_open(&fx);
	memset(&f, 0, sizeof(f));
	f.external_user_id = "c-1";
	f.name = "Ana";
	f.phone = "+5511987654321";
	f.language = "pt";
	f.currency = "BRL";
	ck_assert_int_eq(svc_user_create(&fx.s, &f, &u, &created), 0);
	ck_assert_int_eq(created, 1);
	ck_assert_str_eq(u.name, "Ana");
	ck_assert_str_eq(u.language, "pt");
	/* the same external id: that user, unchanged, not created */
	f.name = "Someone else";
	f.phone = NULL;
	f.language = "es";
	ck_assert_int_eq(svc_user_create(&fx.s, &f, &g, &created), 0);
	ck_assert_int_eq(created, 0);
	ck_assert_str_eq(g.id, u.id);
	ck_assert_str_eq(g.name, "Ana");
	ck_assert_str_eq(g.language, "pt");
	ck_assert_str_eq(g.phone, "+5511987654321");
	ck_assert_str_eq(g.updated_at, u.updated_at);
	/* defaults: en and the configured currency */
	memset(&f, 0, sizeof(f));
	f.external_user_id = "c-2";
	ck_assert_int_eq(svc_user_create(&fx.s, &f, &g, &created), 0);
	ck_assert_int_eq(created, 1);
	ck_assert_str_eq(g.language, "en");
	ck_assert_str_eq(g.currency, "USD");
	/* another user with the phone: CONFLICT, nothing written */
	f.external_user_id = "c-3";
	f.phone = "+5511987654321";
	ck_assert_int_eq(svc_user_create(&fx.s, &f, &g, &created), -1);
	ck_assert_int_eq(created, 0);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	ck_assert_int_eq(count_users(fx.a), 2);
	/* the existing external id wins over a phone another user has: that user, 200 */
	f.external_user_id = "c-2";
	f.phone = "+5511987654321";
	ck_assert_int_eq(svc_user_create(&fx.s, &f, &g, &created), 0);
	ck_assert_int_eq(created, 0);
	ck_assert_str_eq(g.external_user_id, "c-2");
	ck_assert_ptr_null(g.phone);
	/* ... also by update */
	memset(&f, 0, sizeof(f));
	f.has_phone = 1;
	f.phone = "+5511987654321";
	ck_assert_int_eq(svc_user_update(&fx.s, "external:c-2", &f, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_CONFLICT, NULL);
	/* another client may use the same phone */
	{
		struct svc	 sb;

		fixture_svc_b(&fx, &sb);
		memset(&f, 0, sizeof(f));
		f.external_user_id = "c-1";
		f.phone = "+5511987654321";
		ck_assert_int_eq(svc_user_create(&sb, &f, &g, &created), 0);
		ck_assert_int_eq(created, 1);
		ck_assert_str_ne(g.id, u.id);
	}
	fixture_close(&fx);
}
END_TEST

START_TEST(update_list_delete)
{
	struct fixture	 fx;
	struct user_fields f;
	struct user	 u, g, rows[5];
	struct store_page pg = { 5, 0, 0, "" };
	size_t		 n;
	int		 more;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "d-1", "en", "USD", &u);
	fixture_user(&fx.s.st, "d-2", "en", "USD", &g);
	memset(&f, 0, sizeof(f));
	f.has_name = 1;
	f.name = "Bea";
	f.has_phone = 1;
	f.phone = "+14155550100";
	ck_assert_int_eq(svc_user_update(&fx.s, u.id, &f, &g), 0);
	ck_assert_str_eq(g.name, "Bea");
	ck_assert_str_eq(g.external_user_id, "d-1");
	ck_assert_int_eq(svc_user_list(&fx.s, NULL, "+14155550100", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, u.id);
	ck_assert_int_eq(svc_user_list(&fx.s, "d-2", NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].external_user_id, "d-2");
	ck_assert_int_eq(svc_user_list(&fx.s, NULL, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 2);
	/* delete by external id; never creates */
	ck_assert_int_eq(svc_user_delete(&fx.s, "external:d-1"), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_delete(&fx.s, "external:d-1"), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(svc_user_delete(&fx.s, "external:never"), -1);
	FIXTURE_EXPECT(&fx, OZ_NOT_FOUND, NULL);
	ck_assert_int_eq(count_users(fx.a), 1);
	fixture_close(&fx);
}
END_TEST

START_TEST(onboarding_only_goes_forward)
{
	struct fixture	 fx;
	struct user	 u, v, g;

	fixture_open(&fx);
	fixture_user(&fx.s.st, "o-1", "en", "USD", &u);
	fixture_user(&fx.s.st, "o-2", "en", "USD", &v);
	ck_assert_int_eq(svc_user_onboard(&fx.s, u.id, SVC_ONBOARD_INTAKE), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), 0);
	ck_assert_str_eq(g.onboarding_stage, "plan_pending");
	ck_assert_int_eq(svc_user_onboard(&fx.s, u.id, SVC_ONBOARD_INTAKE), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), 0);
	ck_assert_str_eq(g.onboarding_stage, "plan_pending");
	ck_assert_int_eq(svc_user_onboard(&fx.s, u.id, SVC_ONBOARD_PLAN), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), 0);
	ck_assert_str_eq(g.onboarding_stage, "active");
	/* a later intake does not move an active user back */
	ck_assert_int_eq(svc_user_onboard(&fx.s, u.id, SVC_ONBOARD_INTAKE), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, u.id, 0, &g), 0);
	ck_assert_str_eq(g.onboarding_stage, "active");
	/* a plan before any intake still makes a user active */
	ck_assert_int_eq(svc_user_onboard(&fx.s, v.id, SVC_ONBOARD_PLAN), 0);
	ck_assert_int_eq(svc_user_resolve(&fx.s, v.id, 0, &g), 0);
	ck_assert_str_eq(g.onboarding_stage, "active");
	/* another client cannot move a's user */
	{
		struct svc	 sb;
		struct user	 w;

		fixture_user(&fx.s.st, "o-3", "en", "USD", &w);
		fixture_svc_b(&fx, &sb);
		ck_assert_int_eq(svc_user_onboard(&sb, w.id, SVC_ONBOARD_PLAN), 0);
		ck_assert_int_eq(svc_user_resolve(&fx.s, w.id, 0, &g), 0);
		ck_assert_str_eq(g.onboarding_stage, "intake_pending");
	}
	fixture_close(&fx);
}
END_TEST

static Suite *
svc_user_suite(void)
{
	Suite	*s = suite_create("svc_user");
	TCase	*tc = tcase_create("users");

	tcase_add_test(tc, resolve_by_id_and_external);
	tcase_add_test(tc, external_created_on_first_use_when_asked);
	tcase_add_test(tc, malformed_external_id);
	tcase_add_test(tc, another_clients_user);
	tcase_add_test(tc, create_and_conflicts);
	tcase_add_test(tc, update_list_delete);
	tcase_add_test(tc, onboarding_only_goes_forward);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(svc_user_suite)
