/*
 * test_store_client.c: the API clients store module against a real
 * PostgreSQL: the row authentication reads (hash, the sealed secret as
 * bytes, signature and disabled flags, rate limits), and that each client
 * reads its own row only.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/secret.h"
#include "db_fixture.h"
#include "store/store_client.h"

/* bytes as lower-case hex into out (2 * n + 1 bytes). */
static void
hex(const unsigned char *b, size_t n, char *out)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
	out[2 * n] = '\0';
}

START_TEST(defaults)
{
	struct fixture	 fx;
	struct client_auth c;

	fixture_open(&fx);
	memset(&c, 0xff, sizeof(c));
	ck_assert_int_eq(store_client_auth(&fx.s.st, &c), 1);
	ck_assert_str_eq(c.id, fx.a);
	ck_assert_str_eq(c.secret_hash, "x");
	ck_assert_uint_eq(c.sealed_len, 0);
	ck_assert_int_eq(c.require_signature, 0);
	ck_assert_int_eq(c.disabled, 0);
	ck_assert_int_eq(c.rate_limit, 0);	/* NULL: the configured default */
	ck_assert_int_eq(c.rate_burst, 0);
	/* the other client reads its own row */
	ck_assert_int_eq(store_client_auth(&fx.st_b, &c), 1);
	ck_assert_str_eq(c.id, fx.b);
	/* an unknown client */
	fx.st_b.client = "ozz_client_0000000000000000000000";
	ck_assert_int_eq(store_client_auth(&fx.st_b, &c), 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(sealed_secret_and_settings)
{
	static const char secret[] = "sk_live_abcdefghijklmnopqrstuvwxyz0123456789";
	struct fixture	 fx;
	struct client_auth c;
	unsigned char	 key[32], sealed[SECRET_ENC_MAX];
	char		 h[SECRET_HASH_MAX], x[2 * SECRET_ENC_MAX + 1], opened[SECRET_MAX + 1];
	int		 len;

	fixture_open(&fx);
	ck_assert_int_eq(secret_seal_key("unit-test-sealing-key-0123456789abcdef", key), 0);
	len = secret_seal(key, fx.a, secret, sealed, sizeof(sealed));
	ck_assert_int_gt(len, 0);
	hex(sealed, (size_t)len, x);
	ck_assert_int_eq(secret_hash(secret, h, sizeof(h)), 0);
	fixture_sql("UPDATE api_clients SET secret_enc = decode($2, 'hex'),"
	    " require_signature = true, rate_limit = 120, rate_burst = 30 WHERE id = $1", fx.a, x);
	fixture_sql("UPDATE api_clients SET secret_hash = $2 WHERE id = $1", fx.a, h);
	ck_assert_int_eq(store_client_auth(&fx.s.st, &c), 1);
	ck_assert_str_eq(c.secret_hash, h);
	ck_assert_int_eq(secret_verify(secret, c.secret_hash), 1);
	/* the sealed bytes come back exactly, and open to the secret */
	ck_assert_uint_eq(c.sealed_len, (size_t)len);
	ck_assert_mem_eq(c.sealed, sealed, (size_t)len);
	ck_assert_int_eq(secret_open(key, fx.a, c.sealed, c.sealed_len, opened, sizeof(opened)),
	    0);
	ck_assert_str_eq(opened, secret);
	ck_assert_int_eq(c.require_signature, 1);
	ck_assert_int_eq(c.disabled, 0);
	ck_assert_int_eq(c.rate_limit, 120);
	ck_assert_int_eq(c.rate_burst, 30);
	/* disabled */
	fixture_sql("UPDATE api_clients SET disabled = true, rate_limit = NULL WHERE id = $1",
	    fx.a, NULL);
	ck_assert_int_eq(store_client_auth(&fx.s.st, &c), 1);
	ck_assert_int_eq(c.disabled, 1);
	ck_assert_int_eq(c.rate_limit, 0);
	ck_assert_int_eq(c.rate_burst, 30);
	/* b's row was never touched */
	ck_assert_int_eq(store_client_auth(&fx.st_b, &c), 1);
	ck_assert_int_eq(c.disabled, 0);
	ck_assert_int_eq(c.require_signature, 0);
	ck_assert_uint_eq(c.sealed_len, 0);
	ck_assert_int_eq(c.rate_limit, 0);
	fixture_close(&fx);
}
END_TEST

START_TEST(sealed_bytes_that_cannot_be_ours)
{
	struct fixture	 fx;
	struct client_auth c;
	char		 big[2 * (SECRET_ENC_MAX + 1) + 1];

	fixture_open(&fx);
	/* empty */
	fixture_sql("UPDATE api_clients SET secret_enc = ''::bytea WHERE id = $1", fx.a, NULL);
	ck_assert_int_eq(store_client_auth(&fx.s.st, &c), 1);
	ck_assert_uint_eq(c.sealed_len, 0);
	/* one byte more than a sealed secret can be: none, not a truncated one */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	fixture_sql("UPDATE api_clients SET secret_enc = decode($2, 'hex') WHERE id = $1", fx.a,
	    big);
	ck_assert_int_eq(store_client_auth(&fx.s.st, &c), 1);
	ck_assert_uint_eq(c.sealed_len, 0);
	/* exactly the largest */
	big[2 * SECRET_ENC_MAX] = '\0';
	fixture_sql("UPDATE api_clients SET secret_enc = decode($2, 'hex') WHERE id = $1", fx.a,
	    big);
	ck_assert_int_eq(store_client_auth(&fx.s.st, &c), 1);
	ck_assert_uint_eq(c.sealed_len, SECRET_ENC_MAX);
	ck_assert_uint_eq(c.sealed[0], 0xaa);
	ck_assert_uint_eq(c.sealed[SECRET_ENC_MAX - 1], 0xaa);
	fixture_close(&fx);
}
END_TEST

START_TEST(rehash_is_compare_and_set)
{
	struct fixture	 fx;
	char		 h[SECRET_HASH_MAX];

	fixture_open(&fx);
	/* the hash changed meanwhile (a rotation): it is kept */
	ck_assert_int_eq(store_client_rehash(&fx.s.st, "not-the-stored-one", "hmac-sha256$new"), 0);
	fixture_value("SELECT secret_hash FROM api_clients WHERE id = $1", fx.a, NULL, h, sizeof(h));
	ck_assert_str_eq(h, "x");
	/* unchanged: replaced, and for this client only */
	ck_assert_int_eq(store_client_rehash(&fx.s.st, "x", "hmac-sha256$new"), 0);
	fixture_value("SELECT secret_hash FROM api_clients WHERE id = $1", fx.a, NULL, h, sizeof(h));
	ck_assert_str_eq(h, "hmac-sha256$new");
	fixture_value("SELECT secret_hash FROM api_clients WHERE id = $1", fx.b, NULL, h, sizeof(h));
	ck_assert_str_eq(h, "x");
	fixture_close(&fx);
}
END_TEST

static Suite *
store_client_suite(void)
{
	Suite	*s = suite_create("store_client");
	TCase	*tc = tcase_create("clients");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, sealed_secret_and_settings);
	tcase_add_test(tc, sealed_bytes_that_cannot_be_ours);
	tcase_add_test(tc, rehash_is_compare_and_set);
	suite_add_tcase(s, tc);
	return s;
}

OZ_CHECK_MAIN_DB(store_client_suite)
