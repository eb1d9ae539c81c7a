/*
 * ozzie-admin: operator commands. Migrations now; API clients and
 * integrations join as they arrive.
 */
#include "config.h"

#include <getopt.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "core/conf.h"
#include "core/hex.h"
#include "core/ids.h"
#include "core/log.h"
#include "core/num.h"
#include "core/oz_limits.h"
#include "core/pool.h"
#include "core/secret.h"
#include "service/svc.h"
#include "service/svc_analytics.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/store_analytics.h"

static const char *cfg_path;

/* PQcmdTuples and integer columns: digits from the database, checked anyway. */
static int
atoi_checked(const char *s)
{
	const char *errstr;
	int64_t	 v;

	return num_parse_i64z(s, 0, INT32_MAX, &v, &errstr) == 0 ? (int)v : -1;
}

static struct oz_config cfg;

static void
usage(void)
{
	fprintf(stderr,
	    "usage: ozzie-admin [-c config] command [args]\n"
	    "commands:\n"
	    "  migrate            apply pending database migrations\n"
	    "  migrate --status   print the database and build schema versions\n"
	    "  config check       validate the configuration and print it (secrets hidden)\n"
	    "  client create --name NAME [--require-signature] [--json]\n"
	    "                     create an API client; prints its secret once\n"
	    "  client list [--json]\n"
	    "  client show ID [--json]\n"
	    "  client rotate-secret ID [--json]   new secret; the old one stops working\n"
	    "  client disable ID | client enable ID\n"
	    "  client set ID [--rate-limit N] [--burst M] [--require-signature on|off]\n"
	    "                     (--rate-limit default / --burst default: back to the config)\n"
	    "  analytics verify   compare every analytics rollup with the raw rows\n"
	    "  analytics rebuild  recompute the rollups and every user's risk state\n"
	    "  analytics fold     move the changes writes noted into the rollups now\n"
	    "  analytics refresh [--client ID]\n"
	    "                     precompute the analytics answers of the usual periods now\n"
	    "  jobs list [--state queued|running|done|dead|cancelled] [--kind K] [--limit N] [--json]\n"
	    "                     ozzie-jobd's queue, newest first (default: not done)\n"
	    "  jobs retry ID      queue a dead or cancelled job again, with fresh attempts\n"
	    "  jobs cancel ID     cancel a queued or dead job\n"
	    "  version            print the version\n"
	    "options: -c FILE (default " OZ_DEFAULT_CONFIG_PATH "), -V (version)\n");
	exit(2);
}

static PGconn *
connect_db(void)
{
	const char	*keys[] = { "dbname", "connect_timeout", "application_name", NULL };
	char		 timeout[16];
	const char	*vals[4];
	PGconn		*c;

	snprintf(timeout, sizeof(timeout), "%lld", (long long)cfg.db_connect_timeout);
	vals[0] = cfg.database_url;
	vals[1] = timeout;
	vals[2] = "ozzie-admin";
	vals[3] = NULL;
	c = PQconnectdbParams(keys, vals, 1);
	if (c == NULL || PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "ozzie-admin: cannot connect to the database: %s",
		    c ? PQerrorMessage(c) : "out of memory\n");
		PQfinish(c);
		return NULL;
	}
	return c;
}

static int
cmd_migrate(int argc, char **argv)
{
	PGconn	*c;
	char	 err[1024];
	int	 from, to, cur;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--status") != 0))
		usage();
	if ((c = connect_db()) == NULL)
		return 1;
	if (argc == 2) {
		if ((cur = migrate_current(c, err, sizeof(err))) == -1) {
			fprintf(stderr, "ozzie-admin: %s", err);
			PQfinish(c);
			return 1;
		}
		printf("database schema version: %d\nthis build's version: %d\n%s\n", cur,
		    migrate_latest(), cur == migrate_latest() ? "up to date" :
		    cur < migrate_latest() ? "pending migrations: run ozzie-admin migrate" :
		    "the database is newer than this build");
		PQfinish(c);
		return cur == migrate_latest() ? 0 : 3;
	}
	if (migrate_apply(c, &from, &to, err, sizeof(err)) == -1) {
		fprintf(stderr, "ozzie-admin: migrate: %s\n", err);
		PQfinish(c);
		return 1;
	}
	if (from == to)
		printf("schema is up to date at version %d\n", to);
	else
		printf("migrated from version %d to %d\n", from, to);
	PQfinish(c);
	return 0;
}

static int
cmd_config(int argc, char **argv)
{
	const struct oz_config_key *k;
	char	 val[512];

	if (argc != 2 || strcmp(argv[1], "check") != 0)
		usage();
	printf("# configuration ok (%s)\n", cfg_path ? cfg_path : "defaults and environment");
	for (k = oz_config_keys; k->name; k++) {
		config_value_text(&cfg, k, val, sizeof(val));
		printf("%s = %s\n", k->name, val);
	}
	return 0;
}

/* Run a parameterised statement; NULL (message printed) unless it succeeded. */
static PGresult *
q(PGconn *c, const char *sql, int n, const char *const *params)
{
	PGresult *res = PQexecParams(c, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);

	if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
		fprintf(stderr, "ozzie-admin: %s", PQresultErrorMessage(res));
		PQclear(res);
		return NULL;
	}
	return res;
}

/* The secret encrypted for signed requests, as a bytea hex literal; "" without a key. */
static int
seal_hex(const char *client_id, const char *secret, char *out, size_t outlen)
{
	unsigned char	 key[32], sealed[SECRET_ENC_MAX];
	int		 n;

	out[0] = '\0';
	if (secret_seal_key(cfg.secret_key, key) == -1)
		return 0;
	n = secret_seal(key, client_id, secret, sealed, sizeof(sealed));
	OPENSSL_cleanse(key, sizeof(key));
	if (n < 0 || (size_t)n * 2 + 3 > outlen)
		return -1;
	out[0] = '\\';
	out[1] = 'x';
	hex_encode(sealed, (size_t)n, out + 2);
	return 0;
}

static void
print_secret(const char *id, const char *secret, int json)
{
	char	 pair[256], token[400];
	int	 n;

	n = snprintf(pair, sizeof(pair), "%s:%s", id, secret);
	EVP_EncodeBlock((unsigned char *)token, (const unsigned char *)pair, n);
	if (json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "client_id", json_object_new_string(id));
		json_object_object_add(o, "client_secret", json_object_new_string(secret));
		json_object_object_add(o, "token", json_object_new_string(token));
		printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
		    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
	} else {
		printf("client_id:     %s\nclient_secret: %s\ntoken:         %s\n"
		    "(the secret is shown only now: store it safely)\n", id, secret, token);
	}
	OPENSSL_cleanse(pair, sizeof(pair));
	OPENSSL_cleanse(token, sizeof(token));
}

/*
 * The hash Bearer/Basic checks: keyed by secret_key when it is configured
 * (cheap to check, useless without the key), else PBKDF2, which the workers
 * replace by a keyed hash at the client's next good request once it is.
 */
static int
hash_secret(const char *id, const char *secret, char *out, size_t outlen)
{
	unsigned char	 key[32];
	int		 rc;

	if (secret_hash_key(cfg.secret_key, key) == -1)
		return secret_hash(secret, out, outlen);
	rc = secret_hash_keyed(key, id, secret, out, outlen);
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}

/* Set a new secret for id: hash for Bearer/Basic, sealed copy for signatures. */
static int
store_secret(PGconn *c, const char *id, const char *secret, int creating,
    const char *name, int require_sig)
{
	char		 hash[SECRET_HASH_MAX], sealed[2 * SECRET_ENC_MAX + 3];
	const char	*params[5];
	PGresult	*res;
	int		 n;

	if (hash_secret(id, secret, hash, sizeof(hash)) == -1 ||
	    seal_hex(id, secret, sealed, sizeof(sealed)) == -1) {
		fprintf(stderr, "ozzie-admin: cannot protect the secret\n");
		return -1;
	}
	if (sealed[0] == '\0')
		fprintf(stderr, "ozzie-admin: warning: secret_key is not set, so this client "
		    "cannot use signed requests\n");
	params[0] = id;
	params[1] = hash;
	params[2] = sealed[0] ? sealed : NULL;
	if (creating) {
		params[3] = name;
		params[4] = require_sig ? "t" : "f";
		res = q(c, "INSERT INTO api_clients (id, secret_hash, secret_enc, name, "
		    "require_signature) VALUES ($1, $2, $3::bytea, $4, $5::boolean)", 5, params);
	} else
		res = q(c, "UPDATE api_clients SET secret_hash = $2, secret_enc = $3::bytea, "
		    "updated_at = now() WHERE id = $1", 3, params);
	if (res == NULL)
		return -1;
	n = atoi_checked(PQcmdTuples(res));
	PQclear(res);
	if (n != 1) {
		fprintf(stderr, "ozzie-admin: no client %s\n", id);
		return -1;
	}
	return 0;
}

static int
client_create(PGconn *c, int argc, char **argv)
{
	const char	*name = NULL;
	int		 json = 0, sig = 0, i;
	char		 id[OZ_ID_MAX], secret[SECRET_MAX];

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strcmp(argv[i], "--require-signature") == 0)
			sig = 1;
		else if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else
			usage();
	}
	if (name == NULL || *name == '\0' || strlen(name) > 200)
		usage();
	if (sig && secret_seal_key(cfg.secret_key, (unsigned char[32]){0}) == -1) {
		fprintf(stderr, "ozzie-admin: --require-signature needs secret_key (or secret_key_file)\n");
		return 1;
	}
	if (ids_new("ozz_client", id, sizeof(id)) == -1 || secret_new(secret, sizeof(secret)) == -1)
		return 1;
	if (store_secret(c, id, secret, 1, name, sig) == -1)
		return 1;
	print_secret(id, secret, json);
	OPENSSL_cleanse(secret, sizeof(secret));
	return 0;
}

#define CLIENT_COLS \
    "SELECT id, name, require_signature, disabled, coalesce(rate_limit::text, ''), " \
    "coalesce(rate_burst::text, ''), to_char(created_at AT TIME ZONE 'UTC', " \
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), secret_enc IS NOT NULL FROM api_clients"

static int
client_print(PGresult *res, int json, int one)
{
	struct json_object *arr = json_object_new_array();
	int	 i;

	for (i = 0; i < PQntuples(res); i++) {
		if (json) {
			struct json_object *o = json_object_new_object();

			json_object_object_add(o, "client_id", json_object_new_string(PQgetvalue(res, i, 0)));
			json_object_object_add(o, "name", json_object_new_string(PQgetvalue(res, i, 1)));
			json_object_object_add(o, "require_signature",
			    json_object_new_boolean(PQgetvalue(res, i, 2)[0] == 't'));
			json_object_object_add(o, "disabled",
			    json_object_new_boolean(PQgetvalue(res, i, 3)[0] == 't'));
			json_object_object_add(o, "rate_limit", *PQgetvalue(res, i, 4) ?
			    json_object_new_int64(atoi_checked(PQgetvalue(res, i, 4))) : NULL);
			json_object_object_add(o, "rate_burst", *PQgetvalue(res, i, 5) ?
			    json_object_new_int64(atoi_checked(PQgetvalue(res, i, 5))) : NULL);
			json_object_object_add(o, "created_at", json_object_new_string(PQgetvalue(res, i, 6)));
			json_object_object_add(o, "signing_available",
			    json_object_new_boolean(PQgetvalue(res, i, 7)[0] == 't'));
			json_object_array_add(arr, o);
		} else
			printf("%s  %-24s %s%s rate=%s burst=%s created=%s\n",
			    PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
			    PQgetvalue(res, i, 3)[0] == 't' ? "disabled" : "enabled",
			    PQgetvalue(res, i, 2)[0] == 't' ? " signed-only" : "",
			    *PQgetvalue(res, i, 4) ? PQgetvalue(res, i, 4) : "default",
			    *PQgetvalue(res, i, 5) ? PQgetvalue(res, i, 5) : "default",
			    PQgetvalue(res, i, 6));
	}
	if (json)
		printf("%s\n", json_object_to_json_string_ext(one ?
		    json_object_array_get_idx(arr, 0) : arr, JSON_C_TO_STRING_PLAIN));
	json_object_put(arr);
	return 0;
}

static int
client_set(PGconn *c, const char *id, int argc, char **argv)
{
	const char	*params[7] = { id, "f", NULL, "f", NULL, "f", NULL };
	const char	*errstr;
	PGresult	*res;
	int64_t		 v;
	int		 i, n;

	for (i = 3; i < argc; i++)
		if (strcmp(argv[i], "--require-signature") == 0 && i + 1 < argc &&
		    strcmp(argv[i + 1], "on") == 0) {
			/* Signed requests need the sealed secret: do not lock the client out. */
			res = q(c, "SELECT 1 FROM api_clients WHERE id = $1 AND secret_enc IS NOT NULL",
			    1, params);
			n = res ? PQntuples(res) : 0;
			PQclear(res);
			if (n != 1) {
				fprintf(stderr, "ozzie-admin: client %s has no sealed secret for signed "
				    "requests (set secret_key, then rotate-secret first)\n", id);
				return 1;
			}
		}
	for (i = 3; i < argc; i++) {
		int slot;

		if (strcmp(argv[i], "--rate-limit") == 0 && i + 1 < argc)
			slot = 1;
		else if (strcmp(argv[i], "--burst") == 0 && i + 1 < argc)
			slot = 3;
		else if (strcmp(argv[i], "--require-signature") == 0 && i + 1 < argc)
			slot = 5;
		else
			usage();
		i++;
		params[slot] = "t";
		if (slot == 5) {
			if (strcmp(argv[i], "on") != 0 && strcmp(argv[i], "off") != 0)
				usage();
			params[6] = strcmp(argv[i], "on") == 0 ? "t" : "f";
		} else if (strcmp(argv[i], "default") == 0)
			params[slot + 1] = NULL;
		else if (num_parse_i64z(argv[i], 1, 1000000, &v, &errstr) == -1) {
			fprintf(stderr, "ozzie-admin: %s: %s %s (1..1000000)\n", argv[i - 1],
			    argv[i], errstr);
			return 1;
		} else
			params[slot + 1] = argv[i];
	}
	res = q(c, "UPDATE api_clients SET "
	    "rate_limit = CASE WHEN $2::boolean THEN $3::integer ELSE rate_limit END, "
	    "rate_burst = CASE WHEN $4::boolean THEN $5::integer ELSE rate_burst END, "
	    "require_signature = CASE WHEN $6::boolean THEN $7::boolean ELSE require_signature END, "
	    "updated_at = now() WHERE id = $1", 7, params);
	if (res == NULL)
		return 1;
	n = atoi_checked(PQcmdTuples(res));
	PQclear(res);
	if (n != 1) {
		fprintf(stderr, "ozzie-admin: no client %s\n", id);
		return 1;
	}
	return 0;
}

static int
cmd_client(int argc, char **argv)
{
	PGconn		*c;
	PGresult	*res;
	const char	*params[1];
	int		 rc = 1, json = argc > 2 && strcmp(argv[argc - 1], "--json") == 0;

	if (argc < 2)
		usage();
	if ((c = connect_db()) == NULL)
		return 1;
	if (strcmp(argv[1], "create") == 0)
		rc = client_create(c, argc, argv);
	else if (strcmp(argv[1], "list") == 0 && argc - json == 2) {
		if ((res = q(c, CLIENT_COLS " ORDER BY created_at, id", 0, NULL)) != NULL) {
			rc = client_print(res, json, 0);
			PQclear(res);
		}
	} else if (argc - json == 3 && strcmp(argv[1], "show") == 0) {
		params[0] = argv[2];
		if ((res = q(c, CLIENT_COLS " WHERE id = $1", 1, params)) != NULL) {
			if (PQntuples(res) == 1)
				rc = client_print(res, json, 1);
			else
				fprintf(stderr, "ozzie-admin: no client %s\n", argv[2]);
			PQclear(res);
		}
	} else if (argc - json == 3 && strcmp(argv[1], "rotate-secret") == 0) {
		char secret[SECRET_MAX];

		if (secret_new(secret, sizeof(secret)) == 0 &&
		    store_secret(c, argv[2], secret, 0, NULL, 0) == 0) {
			print_secret(argv[2], secret, json);
			rc = 0;
		}
		OPENSSL_cleanse(secret, sizeof(secret));
	} else if (argc == 3 && (strcmp(argv[1], "disable") == 0 || strcmp(argv[1], "enable") == 0)) {
		params[0] = argv[2];
		res = q(c, strcmp(argv[1], "disable") == 0 ?
		    "UPDATE api_clients SET disabled = true, updated_at = now() WHERE id = $1" :
		    "UPDATE api_clients SET disabled = false, updated_at = now() WHERE id = $1",
		    1, params);
		if (res != NULL) {
			rc = atoi_checked(PQcmdTuples(res)) == 1 ? 0 : 1;
			if (rc)
				fprintf(stderr, "ozzie-admin: no client %s\n", argv[2]);
			PQclear(res);
		}
	} else if (argc >= 4 && strcmp(argv[1], "set") == 0)
		rc = client_set(c, argv[2], argc, argv);
	else
		usage();
	PQfinish(c);
	return rc;
}

/* Recompute the risk state of every user of every client, in batches. */
static int
refresh_all(struct oz_db *db, int64_t *done)
{
	static char	 clients[500][OZ_ID_MAX], users[500][OZ_ID_MAX];
	char		 ac[OZ_ID_MAX] = "", au[OZ_ID_MAX] = "";
	struct oz_error	 err;
	struct pool	 pool;
	struct svc	 s;
	size_t		 i, n;
	int		 rc = 0;

	*done = 0;
	pool_init(&pool);
	do {
		if (store_an_all_users(db, ac[0] ? ac : NULL, au, clients, users, 500, &n) == -1) {
			rc = -1;
			break;
		}
		for (i = 0; i < n && rc == 0; i++) {
			memset(&s, 0, sizeof(s));
			memset(&err, 0, sizeof(err));
			s.st.db = db;
			s.st.pool = &pool;
			s.st.client = clients[i];
			s.cfg = &cfg;
			s.err = &err;
			rc = svc_an_refresh_user(&s, users[i]);
			pool_reset(&pool);
			(*done)++;
		}
		if (n > 0) {
			memcpy(ac, clients[n - 1], OZ_ID_MAX);
			memcpy(au, users[n - 1], OZ_ID_MAX);
		}
	} while (n == 500 && rc == 0);
	pool_free(&pool);
	return rc;
}

/* analytics refresh [--client ID]: the precomputed answers made now. */
static int
analytics_refresh(struct oz_db *db, int argc, char **argv)
{
	const char *client = NULL;
	int64_t	 n;

	if (argc == 4 && strcmp(argv[2], "--client") == 0)
		client = argv[3];
	else if (argc != 2)
		usage();
	if (svc_an_answers_refresh(db, &cfg, client, 0, &n) == -1) {
		fprintf(stderr, "ozzie-admin: analytics refresh failed\n");
		return 1;
	}
	printf("%lld analytics answer sets computed\n", (long long)n);
	return 0;
}

static int
cmd_analytics(int argc, char **argv)
{
	struct an_verify v[AN_ROLLUPS];
	struct oz_db	 db;
	int64_t		 users, sets, differ;
	int		 i, rc = 0, verify;

	if (argc < 2 || (strcmp(argv[1], "verify") != 0 && strcmp(argv[1], "rebuild") != 0 &&
	    strcmp(argv[1], "refresh") != 0 && strcmp(argv[1], "fold") != 0) ||
	    (argc != 2 && strcmp(argv[1], "refresh") != 0))
		usage();
	verify = strcmp(argv[1], "verify") == 0;
	if (db_init(&db, &cfg, "ozzie-admin") == -1)
		return 1;
	/* a scan of every transaction may take longer than a request may */
	db.statement_timeout_ms = 0;
	if (db_connect(&db) == -1) {
		fprintf(stderr, "ozzie-admin: cannot connect to the database\n");
		db_close(&db);
		return 1;
	}
	if (strcmp(argv[1], "refresh") == 0)
		rc = analytics_refresh(&db, argc, argv);
	else if (strcmp(argv[1], "fold") == 0) {
		if (store_an_fold(&db, &users) == -1) {
			fprintf(stderr, "ozzie-admin: analytics fold failed (is the schema migrated?)\n");
			rc = 1;
		} else
			printf("%lld pending changes folded into the analytics rollups\n",
			    (long long)users);
	} else if (verify) {
		if (store_an_verify(&db, v) == -1) {
			fprintf(stderr, "ozzie-admin: analytics verify failed (is the schema migrated?)\n");
			rc = 1;
		}
		for (i = 0; rc == 0 && i < AN_ROLLUPS; i++) {
			printf("%-20s %lld rows, %lld differ\n", v[i].table, (long long)v[i].rows,
			    (long long)v[i].differ);
			if (v[i].differ != 0)
				rc = 3;
		}
		if (rc != 1)
			printf("%s\n", rc == 0 ? "analytics rollups match the transactions" :
			    "analytics rollups differ: run ozzie-admin analytics rebuild");
		/*
		 * The precomputed answers: one that differs from the rollups now was
		 * made before a write (served until analytics_refresh_seconds), or
		 * is wrong: said, not an error.
		 */
		if (rc != 1 && (store_an_fold(&db, NULL) == -1 ||
		    store_an_answer_verify(&db, AN_MAX_GROUPS + 1, &sets, &differ) == -1)) {
			fprintf(stderr, "ozzie-admin: analytics verify of the answers failed\n");
			rc = 1;
		} else if (rc != 1)
			printf("%-20s %lld sets, %lld differ from the rollups now (written since"
			    " their as_of, served at most %lld s old)\n", "analytics_answers",
			    (long long)sets, (long long)differ,
			    (long long)cfg.analytics_refresh_seconds);
	} else if (store_an_rebuild(&db) == -1 || refresh_all(&db, &users) == -1) {
		fprintf(stderr, "ozzie-admin: analytics rebuild failed\n");
		rc = 1;
	} else
		printf("analytics rollups rebuilt; risk state of %lld users refreshed\n",
		    (long long)users);
	db_close(&db);
	return rc;
}

#define JOB_COLS \
    "SELECT id::text, kind, state, attempts::text, max_attempts::text, coalesce(client_id, ''), " \
    "coalesce(queue_key, ''), to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), " \
    "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), " \
    "coalesce(last_error, ''), coalesce(locked_by, '') FROM jobs"

static void
jobs_print(PGresult *res, int json)
{
	static const char *const names[] = { "id", "kind", "state", "attempts", "max_attempts",
	    "client_id", "queue_key", "run_at", "created_at", "last_error", "locked_by" };
	struct json_object *arr = json_object_new_array();
	int	 i, c;

	for (i = 0; i < PQntuples(res); i++) {
		if (json) {
			struct json_object *o = json_object_new_object();

			for (c = 0; c < 11; c++) {
				const char *v = PQgetvalue(res, i, c);

				if (c == 0 || c == 3 || c == 4)
					json_object_object_add(o, names[c], json_object_new_int64(atoi_checked(v)));
				else
					json_object_object_add(o, names[c], *v || c < 3 ?
					    json_object_new_string(v) : NULL);
			}
			json_object_array_add(arr, o);
		} else
			printf("%-8s %-10s %-9s %s/%s  run_at=%s client=%s%s%s\n", PQgetvalue(res, i, 0),
			    PQgetvalue(res, i, 1), PQgetvalue(res, i, 2), PQgetvalue(res, i, 3),
			    PQgetvalue(res, i, 4), PQgetvalue(res, i, 7),
			    *PQgetvalue(res, i, 5) ? PQgetvalue(res, i, 5) : "-",
			    *PQgetvalue(res, i, 9) ? "  error: " : "", PQgetvalue(res, i, 9));
	}
	if (json)
		printf("%s\n", json_object_to_json_string_ext(arr, JSON_C_TO_STRING_PLAIN |
		    JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(arr);
}

static int
jobs_list(PGconn *c, int argc, char **argv)
{
	static const char *const states[] = { "queued", "running", "done", "dead", "cancelled", NULL };
	const char	*p[3] = { NULL, NULL, "100" }, *errstr;
	PGresult	*res;
	int64_t		 v;
	int		 i, json = 0, ok;

	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--state") == 0 && i + 1 < argc) {
			p[0] = argv[++i];
			for (ok = 0; states[ok] && strcmp(states[ok], p[0]) != 0; ok++)
				;
			if (states[ok] == NULL)
				usage();
		} else if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc)
			p[1] = argv[++i];
		else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if (num_parse_i64z(argv[++i], 1, 100000, &v, &errstr) == -1) {
				fprintf(stderr, "ozzie-admin: --limit %s %s (1..100000)\n", argv[i], errstr);
				return 1;
			}
			p[2] = argv[i];
		} else
			usage();
	}
	res = q(c, JOB_COLS " WHERE (CASE WHEN $1::text IS NULL THEN state <> 'done' ELSE state = $1 END)"
	    " AND ($2::text IS NULL OR kind = $2) ORDER BY id DESC LIMIT $3::integer", 3, p);
	if (res == NULL)
		return 1;
	jobs_print(res, json);
	PQclear(res);
	return 0;
}

/* retry: a dead or cancelled job queued again; cancel: a queued or dead one cancelled. */
static int
jobs_change(PGconn *c, const char *what, const char *id)
{
	const char	*p[1] = { id }, *errstr;
	PGresult	*res;
	int64_t		 v;
	int		 n;

	if (num_parse_i64z(id, 1, INT64_MAX, &v, &errstr) == -1) {
		fprintf(stderr, "ozzie-admin: job id %s %s\n", id, errstr);
		return 1;
	}
	if (strcmp(what, "retry") == 0)
		res = q(c, "UPDATE jobs SET state = 'queued', attempts = 0, run_at = clock_timestamp(),"
		    " last_error = NULL, finished_at = NULL, locked_by = NULL, lease_until = NULL,"
		    " updated_at = clock_timestamp() WHERE id = $1::bigint"
		    " AND state IN ('dead', 'cancelled')", 1, p);
	else
		res = q(c, "UPDATE jobs SET state = 'cancelled', finished_at = clock_timestamp(),"
		    " updated_at = clock_timestamp() WHERE id = $1::bigint"
		    " AND state IN ('queued', 'dead')", 1, p);
	if (res == NULL)
		return 1;
	n = atoi_checked(PQcmdTuples(res));
	PQclear(res);
	if (n != 1) {
		fprintf(stderr, "ozzie-admin: no job %s that can be %s\n", id,
		    strcmp(what, "retry") == 0 ? "retried (dead or cancelled)" :
		    "cancelled (queued or dead)");
		return 1;
	}
	printf("job %s %s\n", id, strcmp(what, "retry") == 0 ? "queued again" : "cancelled");
	return 0;
}

static int
cmd_jobs(int argc, char **argv)
{
	PGconn	*c;
	int	 rc;

	if (argc < 2)
		usage();
	if (strcmp(argv[1], "list") != 0 && (argc != 3 ||
	    (strcmp(argv[1], "retry") != 0 && strcmp(argv[1], "cancel") != 0)))
		usage();
	if ((c = connect_db()) == NULL)
		return 1;
	if (strcmp(argv[1], "list") == 0)
		rc = jobs_list(c, argc, argv);
	else
		rc = jobs_change(c, argv[1], argv[2]);
	PQfinish(c);
	return rc;
}

int
main(int argc, char *argv[])
{
	char	 err[512];
	int	 ch, rc;

	while ((ch = getopt(argc, argv, "+c:hV")) != -1) {
		switch (ch) {
		case 'c': cfg_path = optarg; break;
		case 'V': printf("ozzie-admin %s\n", PACKAGE_VERSION); return 0;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (strcmp(argv[0], "version") == 0) {
		printf("ozzie-admin %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (cfg_path == NULL && access(OZ_DEFAULT_CONFIG_PATH, F_OK) == 0)
		cfg_path = OZ_DEFAULT_CONFIG_PATH;
	log_init("ozzie-admin", LOG_LVL_WARN);
	if (config_load(&cfg, cfg_path, cfg_path != NULL, err, sizeof(err)) == -1) {
		fprintf(stderr, "ozzie-admin: configuration: %s\n", err);
		return 1;
	}
	if (strcmp(argv[0], "migrate") == 0)
		rc = cmd_migrate(argc, argv);
	else if (strcmp(argv[0], "client") == 0)
		rc = cmd_client(argc, argv);
	else if (strcmp(argv[0], "jobs") == 0)
		rc = cmd_jobs(argc, argv);
	else if (strcmp(argv[0], "config") == 0)
		rc = cmd_config(argc, argv);
	else if (strcmp(argv[0], "analytics") == 0)
		rc = cmd_analytics(argc, argv);
	else
		usage();
	config_free(&cfg);
	return rc;
}
