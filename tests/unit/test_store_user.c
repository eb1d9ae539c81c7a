/*
 * test_store_user.c: the users store module against a real PostgreSQL:
 * insert, the external id, lists in pages, updates, the onboarding, delete,
 * and that another client sees none of it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db_fixture.h"
#include "store/store_user.h"

static void
fields(struct user_fields *f, const char *ext, const char *phone)
{
	memset(f, 0, sizeof(*f));
	f->external_user_id = ext;
	f->name = "Ana Souza";
	f->phone = phone;
	f->language = "pt";
	f->currency = "BRL";
}

static void
insert(struct fixture *fx, const char *ext, struct user *out)
{
	struct user_fields f;
	char	 id[OZ_ID_MAX];

	fields(&f, ext, NULL);
	ck_assert_int_eq(ids_new("ozz_usr", id, sizeof(id)), 0);
	ck_assert_int_eq(store_user_insert(&fx->s.st, id, &f, out), 1);
}

START_TEST(insert_get_and_external)
{
	struct fixture	 fx;
	struct user_fields f;
	struct user	 u, g;
	char		 id[OZ_ID_MAX], id2[OZ_ID_MAX];

	fixture_open(&fx);
	fields(&f, "u-1", "+5511987654321");
	f.email = "ana@example.com";
	ck_assert_int_eq(ids_new("ozz_usr", id, sizeof(id)), 0);
	ck_assert_int_eq(store_user_insert(&fx.s.st, id, &f, &u), 1);
	ck_assert_str_eq(u.id, id);
	ck_assert_str_eq(u.external_user_id, "u-1");
	ck_assert_str_eq(u.name, "Ana Souza");
	ck_assert_str_eq(u.email, "ana@example.com");
	ck_assert_str_eq(u.phone, "+5511987654321");
	ck_assert_str_eq(u.language, "pt");
	ck_assert_str_eq(u.currency, "BRL");
	ck_assert_str_eq(u.onboarding_stage, "intake_pending");
	ck_assert_int_eq(u.points, 0);
	ck_assert_uint_eq(strlen(u.created_at), 20);
	ck_assert_int_gt(u.cursor_us, 0);
	/* the same external id again: nothing written */
	ck_assert_int_eq(ids_new("ozz_usr", id2, sizeof(id2)), 0);
	ck_assert_int_eq(store_user_insert(&fx.s.st, id2, &f, &g), 0);
	ck_assert_int_eq(store_user_get(&fx.s.st, id2, &g), 0);
	ck_assert_int_eq(store_user_get(&fx.s.st, id, &g), 1);
	ck_assert_str_eq(g.external_user_id, "u-1");
	ck_assert_int_eq(store_user_get_external(&fx.s.st, "u-1", &g), 1);
	ck_assert_str_eq(g.id, id);
	/* optional fields come back NULL, not "" */
	fields(&f, "u-2", NULL);
	f.name = NULL;
	ck_assert_int_eq(store_user_insert(&fx.s.st, id2, &f, &g), 1);
	ck_assert_ptr_null(g.name);
	ck_assert_ptr_null(g.email);
	ck_assert_ptr_null(g.phone);
	/* another user of the client with the same phone: a unique fault */
	fields(&f, "u-3", "+5511987654321");
	ck_assert_int_eq(ids_new("ozz_usr", id2, sizeof(id2)), 0);
	ck_assert_int_eq(store_user_insert(&fx.s.st, id2, &f, &g), -1);
	ck_assert_int_eq(db_fault(&fx.db), DB_FAULT_UNIQUE);
	fixture_close(&fx);
}
END_TEST

START_TEST(tenancy)
{
	struct fixture	 fx;
	struct user_fields f;
	struct user	 u, g, rows[5];
	size_t		 n;
	int		 more;
	struct store_page pg = { 5, 0, 0, "" };

	fixture_open(&fx);
	insert(&fx, "shared-ext", &u);
	/* the other client: no such user, by id or external id, in lists */
	ck_assert_int_eq(store_user_get(&fx.st_b, u.id, &g), 0);
	ck_assert_int_eq(store_user_get_external(&fx.st_b, "shared-ext", &g), 0);
	ck_assert_int_eq(store_user_list(&fx.st_b, NULL, NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	memset(&f, 0, sizeof(f));
	f.has_name = 1;
	f.name = "Mallory";
	ck_assert_int_eq(store_user_update(&fx.st_b, u.id, &f, &g), 0);
	ck_assert_int_eq(store_user_delete(&fx.st_b, u.id), 0);
	ck_assert_int_eq(store_user_get(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.name, "Ana Souza");
	/* the same external id names another user of the other client */
	fields(&f, "shared-ext", NULL);
	ck_assert_int_eq(store_user_insert(&fx.st_b, "ozz_usr_bbbbbbbbbbbbbbbbbbbbbb", &f, &g), 1);
	ck_assert_str_ne(g.id, u.id);
	ck_assert_int_eq(store_user_get_external(&fx.s.st, "shared-ext", &g), 1);
	ck_assert_str_eq(g.id, u.id);
	fixture_close(&fx);
}
END_TEST

START_TEST(list_in_pages)
{
	struct fixture	 fx;
	struct user	 u[7], rows[3];
	struct store_page pg = { 3, 0, 0, "" };
	char		 ext[16], seen[7][OZ_ID_MAX];
	size_t		 n, total = 0, i;
	int		 more = 1, k;

	fixture_open(&fx);
	for (k = 0; k < 7; k++) {
		snprintf(ext, sizeof(ext), "p-%d", k);
		insert(&fx, ext, &u[k]);
	}
	while (more) {
		ck_assert_int_eq(store_user_list(&fx.s.st, NULL, NULL, &pg, rows, &n, &more), 0);
		for (i = 0; i < n; i++)
			memcpy(seen[total++], rows[i].id, OZ_ID_MAX);
		if (n > 0) {
			pg.has_after = 1;
			pg.after_us = rows[n - 1].cursor_us;
			snprintf(pg.after_id, sizeof(pg.after_id), "%s", rows[n - 1].id);
		}
		ck_assert_uint_le(total, 7);
	}
	/* newest first, each once */
	ck_assert_uint_eq(total, 7);
	for (k = 0; k < 7; k++)
		ck_assert_str_eq(seen[k], u[6 - k].id);
	/* filters */
	pg.has_after = 0;
	ck_assert_int_eq(store_user_list(&fx.s.st, "p-4", NULL, &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].id, u[4].id);
	ck_assert_int_eq(more, 0);
	ck_assert_int_eq(store_user_list(&fx.s.st, NULL, "+15550000000", &pg, rows, &n, &more), 0);
	ck_assert_uint_eq(n, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(update_advance_delete)
{
	static const char *const from_intake[] = { "intake_pending", NULL };
	static const char *const from_plan[] = { "intake_pending", "plan_pending", NULL };
	struct fixture	 fx;
	struct user_fields f;
	struct user	 u, g;

	fixture_open(&fx);
	insert(&fx, "upd", &u);
	memset(&f, 0, sizeof(f));
	f.has_name = 1;			/* name to null */
	f.has_language = 1;
	f.language = "es";
	ck_assert_int_eq(store_user_update(&fx.s.st, u.id, &f, &g), 1);
	ck_assert_ptr_null(g.name);
	ck_assert_str_eq(g.language, "es");
	ck_assert_str_eq(g.currency, "BRL");	/* not part of the update */
	ck_assert_str_ge(g.updated_at, u.updated_at);
	/* the onboarding only goes forward */
	ck_assert_int_eq(store_user_advance(&fx.s.st, u.id, "plan_pending", from_intake), 1);
	ck_assert_int_eq(store_user_advance(&fx.s.st, u.id, "plan_pending", from_intake), 0);
	ck_assert_int_eq(store_user_advance(&fx.s.st, u.id, "active", from_plan), 1);
	ck_assert_int_eq(store_user_advance(&fx.s.st, u.id, "plan_pending", from_intake), 0);
	ck_assert_int_eq(store_user_get(&fx.s.st, u.id, &g), 1);
	ck_assert_str_eq(g.onboarding_stage, "active");
	ck_assert_int_eq(store_user_delete(&fx.s.st, u.id), 1);
	ck_assert_int_eq(store_user_delete(&fx.s.st, u.id), 0);
	ck_assert_int_eq(store_user_get(&fx.s.st, u.id, &g), 0);
	fixture_close(&fx);
}
END_TEST

static Suite *
store_user_suite(void)
{
	Suite	*s = suite_create("store_user");
	TCase	*tc = tcase_create("users");

	tcase_add_test(tc, insert_get_and_external);
	tcase_add_test(tc, tenancy);
	tcase_add_test(tc, list_in_pages);
	tcase_add_test(tc, update_advance_delete);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_user_suite)
