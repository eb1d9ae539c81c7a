/* test_conf.c: the config table, the file parser, environment and *_file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "core/conf.h"
#include "core/log.h"

static char tmpconf[256];

/* good.conf names its secret file by a path relative to the data dir. */
static const char *
render_good(void)
{
	FILE *in, *out;
	char line[512];

	snprintf(tmpconf, sizeof(tmpconf), "/tmp/ozzie-test-conf-%d.conf", (int)getpid());
	in = fopen(TEST_DATA_DIR "/good.conf", "r");
	out = fopen(tmpconf, "w");
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(out);
	while (fgets(line, sizeof(line), in)) {
		char *at = strstr(line, "@DATA@");

		if (at) {
			*at = '\0';
			fprintf(out, "%s%s%s", line, TEST_DATA_DIR, at + 6);
		} else
			fputs(line, out);
	}
	fclose(in);
	fclose(out);
	return tmpconf;
}

START_TEST(defaults)
{
	struct oz_config c;
	char err[256];

	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), 0);
	ck_assert_str_eq(c.database_url, "postgresql:///ozzie");
	ck_assert_int_eq(c.workers, 4);
	ck_assert_int_eq(c.max_json_body, 1048576);
	ck_assert_int_eq(c.max_document_body, 26214400);
	ck_assert_int_eq(c.socket_mode, 0660);
	ck_assert_int_eq(c.log_level, LOG_LVL_INFO);
	ck_assert_str_eq(c.secret_key, "");
	config_free(&c);
}
END_TEST

START_TEST(file_values)
{
	struct oz_config c;
	char err[256];

	ck_assert_msg(config_load(&c, render_good(), 1, err, sizeof(err)) == 0, "%s", err);
	ck_assert_str_eq(c.database_url, "postgresql:///ozzie_test");
	ck_assert_str_eq(c.listen, "/tmp/ozzie-test.sock");
	ck_assert_int_eq(c.workers, 8);
	ck_assert_int_eq(c.log_level, LOG_LVL_DEBUG);
	ck_assert_int_eq(c.socket_mode, 0600);
	ck_assert_str_eq(c.secret_key, "a-server-key-of-at-least-32-bytes-long!!");
	config_free(&c);
	unlink(tmpconf);
}
END_TEST

START_TEST(errors_name_file_and_line)
{
	struct oz_config c;
	char err[256];

	ck_assert_int_eq(config_load(&c, TEST_DATA_DIR "/unknown-key.conf", 1, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "unknown-key.conf:4:") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "wrokers") != NULL, "%s", err);

	ck_assert_int_eq(config_load(&c, TEST_DATA_DIR "/bad-int.conf", 1, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "bad-int.conf:1: workers") != NULL, "%s", err);

	ck_assert_int_eq(config_load(&c, TEST_DATA_DIR "/no-equals.conf", 1, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "no-equals.conf:1: expected") != NULL, "%s", err);

	/* Only secrets take a _file form. */
	ck_assert_int_eq(config_load(&c, TEST_DATA_DIR "/file-for-non-secret.conf", 1, err,
	    sizeof(err)), -1);
	ck_assert_msg(strstr(err, "unknown key 'listen_file'") != NULL, "%s", err);

	ck_assert_int_eq(config_load(&c, "/nonexistent/ozzie.conf", 1, err, sizeof(err)), -1);
	ck_assert_int_eq(config_load(&c, "/nonexistent/ozzie.conf", 0, err, sizeof(err)), 0);
	config_free(&c);
}
END_TEST

START_TEST(environment_overrides)
{
	struct oz_config c;
	char err[256];

	setenv("OZZIE_WORKERS", "12", 1);
	setenv("OZZIE_DATABASE_URL", "postgresql:///fromenv", 1);
	ck_assert_msg(config_load(&c, render_good(), 1, err, sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(c.workers, 12);
	ck_assert_str_eq(c.database_url, "postgresql:///fromenv");
	config_free(&c);

	setenv("OZZIE_WORKERS", "many", 1);
	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "OZZIE_WORKERS") != NULL, "%s", err);
	unsetenv("OZZIE_WORKERS");
	unsetenv("OZZIE_DATABASE_URL");

	setenv("OZZIE_SECRET_KEY_FILE", TEST_DATA_DIR "/secret.txt", 1);
	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), 0);
	ck_assert_str_eq(c.secret_key, "a-server-key-of-at-least-32-bytes-long!!");
	config_free(&c);
	setenv("OZZIE_SECRET_KEY_FILE", "/nonexistent/key", 1);
	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "OZZIE_SECRET_KEY_FILE") != NULL, "%s", err);
	unsetenv("OZZIE_SECRET_KEY_FILE");

	setenv("OZZIE_SECRET_KEY", "short", 1);
	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, "at least 32") != NULL, "%s", err);
	unsetenv("OZZIE_SECRET_KEY");
	unlink(tmpconf);
}
END_TEST

START_TEST(secrets_are_not_printed)
{
	const struct oz_config_key *k;
	struct oz_config c;
	char err[256], val[256];

	setenv("OZZIE_DATABASE_URL", "postgresql://u:hunter2@db/ozzie", 1);
	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), 0);
	for (k = oz_config_keys; k->name; k++) {
		ck_assert_int_eq(config_value_text(&c, k, val, sizeof(val)), 0);
		ck_assert_msg(strstr(val, "hunter2") == NULL, "%s printed a secret", k->name);
	}
	config_free(&c);
	unsetenv("OZZIE_DATABASE_URL");
}
END_TEST

START_TEST(every_key_has_a_valid_default)
{
	const struct oz_config_key *k;
	struct oz_config c;
	char err[256];
	int n = 0;

	ck_assert_int_eq(config_load(&c, NULL, 0, err, sizeof(err)), 0);
	for (k = oz_config_keys; k->name; k++, n++) {
		ck_assert_ptr_nonnull(k->def);
		ck_assert_ptr_nonnull(k->help);
		ck_assert_int_eq(config_set(&c, k->name, k->def, err, sizeof(err)), 0);
	}
	ck_assert_int_gt(n, 10);
	config_free(&c);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("conf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, file_values);
	tcase_add_test(tc, errors_name_file_and_line);
	tcase_add_test(tc, environment_overrides);
	tcase_add_test(tc, secrets_are_not_printed);
	tcase_add_test(tc, every_key_has_a_valid_default);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
