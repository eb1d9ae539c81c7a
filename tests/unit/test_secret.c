/* test_secret.c: client secrets: shape, hashes, sealing. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/secret.h"

START_TEST(new_secrets)
{
	char a[SECRET_MAX], b[SECRET_MAX];

	ck_assert_int_eq(secret_new(a, sizeof(a)), 0);
	ck_assert_int_eq(secret_new(b, sizeof(b)), 0);
	ck_assert(strncmp(a, "sk_live_", 8) == 0);
	ck_assert_uint_eq(strlen(a), 8 + 43);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(secret_new(a, 20), -1);
}
END_TEST

START_TEST(hash_and_verify)
{
	char h1[SECRET_HASH_MAX], h2[SECRET_HASH_MAX];

	ck_assert_int_eq(secret_hash("sk_live_abc", h1, sizeof(h1)), 0);
	ck_assert_int_eq(secret_hash("sk_live_abc", h2, sizeof(h2)), 0);
	ck_assert(strncmp(h1, "pbkdf2-sha256$", 14) == 0);
	ck_assert_str_ne(h1, h2);		/* salted */
	ck_assert(strstr(h1, "abc") == NULL);
	ck_assert_int_eq(secret_verify("sk_live_abc", h1), 1);
	ck_assert_int_eq(secret_verify("sk_live_abc", h2), 1);
	ck_assert_int_eq(secret_verify("sk_live_abd", h1), 0);
	ck_assert_int_eq(secret_verify("", h1), 0);
	ck_assert_int_eq(secret_verify("sk_live_abc", "plain"), 0);
	ck_assert_int_eq(secret_verify("sk_live_abc", "pbkdf2-sha256$1$x$y"), 0);
	ck_assert_int_eq(secret_verify("sk_live_abc", "pbkdf2-sha256$20000$!!$y"), 0);
}
END_TEST

START_TEST(keyed_hash)
{
	unsigned char key[32], key2[32];
	char h[SECRET_HASH_MAX], p[SECRET_HASH_MAX], h2[SECRET_HASH_MAX], longid[400];

	ck_assert_int_eq(secret_hash_key("short", key), -1);
	ck_assert_int_eq(secret_hash_key("0123456789abcdef0123456789abcdef", key), 0);
	ck_assert_int_eq(secret_hash_key("0123456789abcdef0123456789abcdeX", key2), 0);
	ck_assert(memcmp(key, key2, sizeof(key)) != 0);
	/* domain-separated from the sealing key of the same secret_key */
	ck_assert_int_eq(secret_seal_key("0123456789abcdef0123456789abcdef", key2), 0);
	ck_assert(memcmp(key, key2, sizeof(key)) != 0);
	ck_assert_int_eq(secret_hash_keyed(key, "ozz_client_1", "sk_live_abc", h, sizeof(h)), 0);
	ck_assert_int_eq(secret_hash_keyed(key, "ozz_client_1", "sk_live_abc", h2, sizeof(h2)), 0);
	ck_assert(strncmp(h, SECRET_KEYED_PREFIX, strlen(SECRET_KEYED_PREFIX)) == 0);
	ck_assert_str_eq(h, h2);		/* deterministic: no salt, the key is the secret */
	ck_assert(strstr(h, "abc") == NULL);
	ck_assert_int_eq(secret_is_keyed(h), 1);
	ck_assert_int_eq(secret_check(key, "ozz_client_1", "sk_live_abc", h), 1);
	/* another secret, another client id, another key, no key: refused */
	ck_assert_int_eq(secret_check(key, "ozz_client_1", "sk_live_abd", h), 0);
	ck_assert_int_eq(secret_check(key, "ozz_client_2", "sk_live_abc", h), 0);
	ck_assert_int_eq(secret_check(key2, "ozz_client_1", "sk_live_abc", h), 0);
	ck_assert_int_eq(secret_check(NULL, "ozz_client_1", "sk_live_abc", h), 0);
	/* a client id with ':' would make "a:b"+"c" and "a"+"b:c" one message */
	ck_assert_int_eq(secret_hash_keyed(key, "a:b", "c", h2, sizeof(h2)), -1);
	ck_assert_int_eq(secret_hash_keyed(key, "a", "b:c", h2, sizeof(h2)), 0);
	ck_assert_int_eq(secret_check(key, "a:b", "c", h2), 0);
	/* truncated or garbled hashes never match */
	snprintf(h2, sizeof(h2), "%.*s", (int)strlen(h) - 2, h);
	ck_assert_int_eq(secret_check(key, "ozz_client_1", "sk_live_abc", h2), 0);
	ck_assert_int_eq(secret_check(key, "ozz_client_1", "sk_live_abc", SECRET_KEYED_PREFIX "!!"), 0);
	ck_assert_int_eq(secret_hash_keyed(key, "ozz_client_1", "sk_live_abc", h2, 20), -1);
	memset(longid, 'a', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	ck_assert_int_eq(secret_hash_keyed(key, longid, "sk_live_abc", h2, sizeof(h2)), -1);
	/* an old PBKDF2 hash still verifies through secret_check, and is not keyed */
	ck_assert_int_eq(secret_hash("sk_live_abc", p, sizeof(p)), 0);
	ck_assert_int_eq(secret_is_keyed(p), 0);
	ck_assert_int_eq(secret_check(key, "ozz_client_1", "sk_live_abc", p), 1);
	ck_assert_int_eq(secret_check(NULL, "ozz_client_1", "sk_live_abc", p), 1);
	ck_assert_int_eq(secret_check(key, "ozz_client_1", "sk_live_abd", p), 0);
}
END_TEST

START_TEST(seal_and_open)
{
	unsigned char key[32], key2[32], sealed[SECRET_ENC_MAX];
	char out[SECRET_MAX + 1];
	int n;

	ck_assert_int_eq(secret_seal_key("short", key), -1);
	ck_assert_int_eq(secret_seal_key("0123456789abcdef0123456789abcdef", key), 0);
	ck_assert_int_eq(secret_seal_key("0123456789abcdef0123456789abcdeX", key2), 0);
	n = secret_seal(key, "ozz_client_1", "sk_live_secret", sealed, sizeof(sealed));
	ck_assert_int_eq(n, 12 + 14 + 16);
	ck_assert(memmem(sealed, (size_t)n, "sk_live_secret", 14) == NULL);
	ck_assert_int_eq(secret_open(key, "ozz_client_1", sealed, (size_t)n, out, sizeof(out)), 0);
	ck_assert_str_eq(out, "sk_live_secret");
	/* another client id, another key, a flipped bit: refused */
	ck_assert_int_eq(secret_open(key, "ozz_client_2", sealed, (size_t)n, out, sizeof(out)), -1);
	ck_assert_int_eq(secret_open(key2, "ozz_client_1", sealed, (size_t)n, out, sizeof(out)), -1);
	sealed[14] ^= 1;
	ck_assert_int_eq(secret_open(key, "ozz_client_1", sealed, (size_t)n, out, sizeof(out)), -1);
	ck_assert_int_eq(secret_open(key, "ozz_client_1", sealed, 10, out, sizeof(out)), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("secret");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, new_secrets);
	tcase_add_test(tc, hash_and_verify);
	tcase_add_test(tc, keyed_hash);
	tcase_add_test(tc, seal_and_open);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN(suite)
