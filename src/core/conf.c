/*
 * conf.c: the configuration. Every key lives in oz_config_keys[] with its
 * type, default, bounds and secrecy (after Redis' static_configs[]); the file
 * parser, the environment overrides and the documentation dump all read it.
 * Precedence: defaults < ozzie.conf < OZZIE_<KEY> < OZZIE_<KEY>_FILE.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/conf.h"
#include "core/currency.h"
#include "core/log.h"
#include "core/num.h"
#include "core/oz_limits.h"

static const char *const log_levels[] = { "debug", "info", "warn", "error", NULL };
const char *const oz_ai_providers[] = { "local", "openai", "anthropic", NULL };
static const char *const off_on[] = { "off", "on", NULL };
static const char *const off_auto[] = { "off", "auto", NULL };

#define OFF(f) offsetof(struct oz_config, f)

const struct oz_config_key oz_config_keys[] = {
	{ "database_url", CFG_STRING, OFF(database_url), "postgresql:///ozzie", 0, 0, 1, NULL,
	  "libpq connection string or URI of the primary database" },
	{ "database_read_url", CFG_STRING, OFF(database_read_url), "", 0, 0, 1, NULL,
	  "optional read replica for analytics (empty: use database_url)" },
	{ "listen", CFG_STRING, OFF(listen), "/run/ozzie/api.sock", 0, 0, 0, NULL,
	  "FastCGI socket: a path for a unix socket, or host:port" },
	{ "listen_backlog", CFG_INT, OFF(listen_backlog), "1024", 1, 65535, 0, NULL,
	  "listen(2) backlog of the FastCGI socket" },
	{ "socket_mode", CFG_OCTAL, OFF(socket_mode), "0660", 0, 0777, 0, NULL,
	  "permissions of a unix FastCGI socket" },
	{ "workers", CFG_INT, OFF(workers), "4", 1, 512, 0, NULL,
	  "worker processes of this ozzie-fcgi instance" },
	{ "worker_cpu_affinity", CFG_ENUM, OFF(worker_cpu_affinity), "off", 0, 0, 0, off_auto,
	  "off, or auto: each worker kept on a CPU of its own (ozzie-fcgi -a)" },
	{ "max_json_body", CFG_INT, OFF(max_json_body), "1048576", 1024, 67108864, 0, NULL,
	  "largest JSON request body accepted, in bytes" },
	{ "max_document_body", CFG_INT, OFF(max_document_body), "26214400", 1024, 268435456, 0, NULL,
	  "largest document sent to POST .../transactions, in bytes (base64 in JSON: 4/3 of it)" },
	{ "log_level", CFG_ENUM, OFF(log_level), "info", 0, 0, 0, log_levels,
	  "debug, info, warn or error" },
	{ "db_connect_timeout", CFG_INT, OFF(db_connect_timeout), "2", 1, 60, 0, NULL,
	  "seconds to wait for a database connection" },
	{ "db_statement_timeout_ms", CFG_INT, OFF(db_statement_timeout_ms), "10000", 100, 600000, 0, NULL,
	  "statement_timeout of worker sessions, in milliseconds" },
	{ "db_work_mem_kb", CFG_INT, OFF(db_work_mem_kb), "32768", 64, 2097151, 0, NULL,
	  "work_mem of worker sessions, in KiB: the analytics sort and group in memory below it" },
	{ "db_retry_ms", CFG_INT, OFF(db_retry_ms), "250", 10, 60000, 0, NULL,
	  "least time between two reconnection attempts while the database is down" },
	{ "secret_key", CFG_STRING, OFF(secret_key), "", 0, 0, 1, NULL,
	  "server key (at least 32 bytes) for cursors and encrypted secrets; use secret_key_file" },
	{ "default_currency", CFG_STRING, OFF(default_currency), "USD", 0, 0, 0, NULL,
	  "ISO 4217 currency of new users that name none" },
	{ "shutdown_timeout", CFG_INT, OFF(shutdown_timeout), "30", 1, 3600, 0, NULL,
	  "seconds a stopping worker may take to finish in-flight requests" },
	{ "retry_after", CFG_INT, OFF(retry_after), "1", 1, 3600, 0, NULL,
	  "Retry-After seconds sent with 503 while the database is unavailable" },
	{ "rate_limit", CFG_INT, OFF(rate_limit), "50", 1, 1000000, 0, NULL,
	  "requests per second a client may make (ozzie-admin client set overrides it)" },
	{ "rate_burst", CFG_INT, OFF(rate_burst), "100", 1, 1000000, 0, NULL,
	  "requests a client may make at once above its rate" },
	{ "auth_fail_rate", CFG_INT, OFF(auth_fail_rate), "5", 1, 1000000, 0, NULL,
	  "credentials that fail per second from one address (or for one client id) before refusals are 429" },
	{ "auth_fail_burst", CFG_INT, OFF(auth_fail_burst), "30", 1, 1000000, 0, NULL,
	  "credentials that may fail at once from one address (or for one client id)" },
	{ "rate_limit_file", CFG_STRING, OFF(rate_limit_file), "/run/ozzie/ratelimit", 0, 0, 0, NULL,
	  "shared memory file holding the rate limit state of every worker of the host" },
	{ "expected_return_bp", CFG_INT, OFF(expected_return_bp), "500", 0, 10000, 0, NULL,
	  "expected annual return of investment goals in plans, in basis points (500 = 5%)" },
	{ "ai_provider", CFG_ENUM, OFF(ai_provider), "local", 0, 0, 0, oz_ai_providers,
	  "who answers chat and words plans: local (built in, no network), openai or anthropic" },
	{ "ai_base_url", CFG_STRING, OFF(ai_base_url), "", 0, 0, 0, NULL,
	  "the provider's API base URL (empty: https://api.openai.com/v1 or https://api.anthropic.com)" },
	{ "ai_api_key", CFG_STRING, OFF(ai_api_key), "", 0, 0, 1, NULL,
	  "the provider's API key (prefer ai_api_key_file)" },
	{ "ai_model", CFG_STRING, OFF(ai_model), "", 0, 0, 0, NULL,
	  "the model to ask (empty: gpt-4o-mini or claude-3-5-haiku-latest)" },
	{ "ai_timeout_ms", CFG_INT, OFF(ai_timeout_ms), "30000", 500, 600000, 0, NULL,
	  "total time allowed for one answer from the provider, retries included, in ms" },
	{ "ai_max_retries", CFG_INT, OFF(ai_max_retries), "2", 0, 10, 0, NULL,
	  "retries after a failed provider request (connection error, 408, 409, 429, 5xx)" },
	{ "ai_max_tokens", CFG_INT, OFF(ai_max_tokens), "0", 0, 1000000, 0, NULL,
	  "cap on the tokens of one answer (0: OpenAI's default, 1024 for Anthropic)" },
	{ "ai_tools", CFG_ENUM, OFF(ai_tools), "on", 0, 0, 0, off_on,
	  "offer the model the tools that read the user's data (off: it answers from the data sent)" },
	{ "analytics_min_users", CFG_INT, OFF(analytics_min_users), "5", 1, 1000000, 0, NULL,
	  "analytics withhold a figure (null, suppressed) made from fewer users than this" },
	{ "analytics_refresh_seconds", CFG_INT, OFF(analytics_refresh_seconds), "300", 0, 86400, 0, NULL,
	  "spending answers of the usual periods of large clients are precomputed by ozzie-jobd and served while younger than this (0: always live)" },
	{ "analytics_fold_ms", CFG_INT, OFF(analytics_fold_ms), "1000", 0, 3600000, 0, NULL,
	  "ozzie-jobd folds the changes writes noted into the analytics rollups this often (0: only the API's live answers fold)" },
	{ "analytics_precompute_min_users", CFG_INT, OFF(analytics_precompute_min_users), "2000", 1, 1000000000, 0, NULL,
	  "a client's currency has its spending answers precomputed when a month of the period has this many users with transactions" },
	{ "analytics_risk_cash_flow_days", CFG_INT, OFF(analytics_risk_cash_flow_days), "90", 7, 366, 0, NULL,
	  "negative_cash_flow: the days of transactions weighed when the intake does not say" },
	{ "analytics_risk_fund_months", CFG_INT, OFF(analytics_risk_fund_months), "1", 1, 24, 0, NULL,
	  "low_emergency_fund: savings below this many months of expenses" },
	{ "analytics_risk_dti_pct", CFG_INT, OFF(analytics_risk_dti_pct), "40", 1, 10000, 0, NULL,
	  "high_debt_to_income: debts above this percent of a year's income" },
	{ "analytics_risk_interest_pct", CFG_INT, OFF(analytics_risk_interest_pct), "20", 1, 10000, 0, NULL,
	  "high_interest_debt: a debt's yearly rate above this percent (monthly rates times 12)" },
	{ "analytics_risk_spike_pct", CFG_INT, OFF(analytics_risk_spike_pct), "30", 1, 10000, 0, NULL,
	  "spending_spike: the last full month above the three before's average by this percent" },
	{ "analytics_risk_missed_moves", CFG_INT, OFF(analytics_risk_missed_moves), "2", 1, 100, 0, NULL,
	  "missed_money_moves: this many money-move cycles past due in a row not completed" },
	{ "outbound_allow_private", CFG_ENUM, OFF(outbound_allow_private), "off", 0, 0, 0, off_on,
	  "let outbound calls (Evolution API, webhooks) reach private, loopback and link-local addresses" },
	{ "jobd_runners", CFG_INT, OFF(jobd_runners), "2", 1, 64, 0, NULL,
	  "runner processes of one ozzie-jobd" },
	{ "jobd_poll_ms", CFG_INT, OFF(jobd_poll_ms), "1000", 50, 60000, 0, NULL,
	  "how often an idle ozzie-jobd runner looks for due jobs without a notification, in ms" },
	{ "jobd_lease_s", CFG_INT, OFF(jobd_lease_s), "300", 5, 86400, 0, NULL,
	  "how long a runner holds a job before another may take it again, in seconds" },
	{ "evolution_timeout_ms", CFG_INT, OFF(evolution_timeout_ms), "10000", 100, 120000, 0, NULL,
	  "time allowed for one call to Evolution API, in ms" },
	{ "evolution_send_rate", CFG_INT, OFF(evolution_send_rate), "5", 1, 1000, 0, NULL,
	  "replies sent per second at most, per Evolution instance" },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL, NULL }
};

static const struct oz_config_key *
key_find(const char *name, size_t len)
{
	const struct oz_config_key *k;

	for (k = oz_config_keys; k->name; k++)
		if (strlen(k->name) == len && memcmp(k->name, name, len) == 0)
			return k;
	return NULL;
}

static int
set_value(struct oz_config *cfg, const struct oz_config_key *k, const char *value,
    char *err, size_t errlen)
{
	char		*p = (char *)cfg + k->offset;
	const char	*errstr;
	int64_t		 v;
	size_t		 i, n;

	switch (k->type) {
	case CFG_STRING: {
		char *copy, **slot = (char **)(void *)p;

		for (i = 0; value[i]; i++)
			if ((unsigned char)value[i] < 0x20) {
				snprintf(err, errlen, "%s: control character in value", k->name);
				return -1;
			}
		if ((copy = strdup(value)) == NULL) {
			snprintf(err, errlen, "%s: out of memory", k->name);
			return -1;
		}
		free(*slot);
		*slot = copy;
		return 0;
	}
	case CFG_INT:
		if (num_parse_i64z(value, k->min, k->max, &v, &errstr) == -1) {
			snprintf(err, errlen, "%s: value '%.40s' %s (allowed %lld..%lld)",
			    k->name, value, errstr, (long long)k->min, (long long)k->max);
			return -1;
		}
		break;
	case CFG_OCTAL:
		n = strlen(value);
		v = 0;
		for (i = 0; i < n; i++) {
			if (value[i] < '0' || value[i] > '7' || i > 4) {
				snprintf(err, errlen, "%s: '%.40s' is not an octal mode",
				    k->name, value);
				return -1;
			}
			v = v * 8 + (value[i] - '0');
		}
		if (n == 0 || v > k->max) {
			snprintf(err, errlen, "%s: '%.40s' is not an octal mode", k->name, value);
			return -1;
		}
		break;
	case CFG_ENUM:
		for (i = 0; k->enums[i]; i++)
			if (strcmp(k->enums[i], value) == 0)
				break;
		if (k->enums[i] == NULL) {
			snprintf(err, errlen, "%s: '%.40s' is not one of the allowed values",
			    k->name, value);
			return -1;
		}
		v = (int64_t)i;
		break;
	default:
		return -1;
	}
	memcpy(p, &v, sizeof(v));
	return 0;
}

/* Read a secret from a file: one value, trailing newline dropped, bounded. */
static int
read_secret_file(const char *path, char *out, size_t outlen, char *err, size_t errlen)
{
	FILE	*f;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(out, 1, outlen - 1, f);
	if (ferror(f) || (n == outlen - 1 && fgetc(f) != EOF)) {
		fclose(f);
		snprintf(err, errlen, "%s: unreadable or larger than %zu bytes", path, outlen - 1);
		return -1;
	}
	fclose(f);
	out[n] = '\0';
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	if (memchr(out, '\0', n) != NULL) {
		snprintf(err, errlen, "%s: contains a NUL byte", path);
		return -1;
	}
	return 0;
}

/* Apply "key" or "key_file" (secrets only) with value. */
static int
apply(struct oz_config *cfg, const char *key, size_t keylen, const char *value,
    char *err, size_t errlen)
{
	const struct oz_config_key *k;
	char	 secret[OZ_MAX_SECRET_FILE];
	int	 rc;

	if ((k = key_find(key, keylen)) != NULL)
		return set_value(cfg, k, value, err, errlen);
	if (keylen > 5 && memcmp(key + keylen - 5, "_file", 5) == 0 &&
	    (k = key_find(key, keylen - 5)) != NULL && k->secret) {
		if (read_secret_file(value, secret, sizeof(secret), err, errlen) == -1)
			return -1;
		rc = set_value(cfg, k, secret, err, errlen);
		explicit_bzero(secret, sizeof(secret));
		return rc;
	}
	snprintf(err, errlen, "unknown key '%.*s'", (int)(keylen > 64 ? 64 : keylen), key);
	return -1;
}

int
config_set(struct oz_config *cfg, const char *key, const char *value, char *err,
    size_t errlen)
{
	return apply(cfg, key, strlen(key), value, err, errlen);
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

static int
load_file(struct oz_config *cfg, const char *path, int must_exist, char *err,
    size_t errlen)
{
	FILE	*f;
	char	 line[OZ_MAX_CONFIG_LINE + 2], msg[512];
	int	 lineno = 0;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT && !must_exist)
			return 0;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s, *eq, *key, *val;

		lineno++;
		if (strlen(line) > OZ_MAX_CONFIG_LINE) {
			snprintf(err, errlen, "%s:%d: line too long", path, lineno);
			goto fail;
		}
		s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		if ((eq = strchr(s, '=')) == NULL) {
			snprintf(err, errlen, "%s:%d: expected 'key = value'", path, lineno);
			goto fail;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		if (*key == '\0') {
			snprintf(err, errlen, "%s:%d: missing key", path, lineno);
			goto fail;
		}
		if (apply(cfg, key, strlen(key), val, msg, sizeof(msg)) == -1) {
			snprintf(err, errlen, "%s:%d: %s", path, lineno, msg);
			goto fail;
		}
	}
	if (ferror(f)) {
		snprintf(err, errlen, "%s: read error", path);
		goto fail;
	}
	fclose(f);
	return 0;
fail:
	fclose(f);
	return -1;
}

static int
load_env(struct oz_config *cfg, char *err, size_t errlen)
{
	const struct oz_config_key *k;
	char	 var[128], msg[512];
	const char *v;
	size_t	 i;
	int	 pass;

	/* Plain values first, then *_FILE so a file wins over a literal. */
	for (pass = 0; pass < 2; pass++) {
		for (k = oz_config_keys; k->name; k++) {
			if (pass == 1 && !k->secret)
				continue;
			snprintf(var, sizeof(var), "OZZIE_%s%s", k->name, pass ? "_file" : "");
			for (i = 0; var[i]; i++)
				var[i] = (char)toupper((unsigned char)var[i]);
			if ((v = getenv(var)) == NULL)
				continue;
			if (pass == 0 && set_value(cfg, k, v, msg, sizeof(msg)) == -1) {
				snprintf(err, errlen, "environment %s: %s", var, msg);
				return -1;
			}
			if (pass == 1) {
				char kf[80];

				snprintf(kf, sizeof(kf), "%s_file", k->name);
				if (apply(cfg, kf, strlen(kf), v, msg, sizeof(msg)) == -1) {
					snprintf(err, errlen, "environment %s: %s", var, msg);
					return -1;
				}
			}
		}
	}
	return 0;
}

int
config_load(struct oz_config *cfg, const char *path, int must_exist, char *err,
    size_t errlen)
{
	const struct oz_config_key *k;

	memset(cfg, 0, sizeof(*cfg));
	for (k = oz_config_keys; k->name; k++)
		if (set_value(cfg, k, k->def, err, errlen) == -1)
			goto fail;
	if (path != NULL && load_file(cfg, path, must_exist, err, errlen) == -1)
		goto fail;
	if (load_env(cfg, err, errlen) == -1)
		goto fail;
	if (!currency_valid(cfg->default_currency)) {
		snprintf(err, errlen, "default_currency: '%.20s' is not an ISO 4217 code",
		    cfg->default_currency);
		goto fail;
	}
	if (cfg->secret_key[0] != '\0' && strlen(cfg->secret_key) < 32) {
		snprintf(err, errlen, "secret_key: must be at least 32 bytes");
		goto fail;
	}
	return 0;
fail:
	config_free(cfg);
	return -1;
}

void
config_free(struct oz_config *cfg)
{
	const struct oz_config_key *k;

	for (k = oz_config_keys; k->name; k++) {
		if (k->type == CFG_STRING) {
			char **slot = (char **)(void *)((char *)cfg + k->offset);

			if (*slot && k->secret)
				explicit_bzero(*slot, strlen(*slot));
			free(*slot);
			*slot = NULL;
		}
	}
}

int
config_value_text(const struct oz_config *cfg, const struct oz_config_key *k,
    char *out, size_t outlen)
{
	const char *p = (const char *)cfg + k->offset;
	int64_t	 v;

	if (k->secret) {
		const char *s = *(char *const *)(const void *)p;

		snprintf(out, outlen, "%s", s && *s ? "(secret, set)" : "(secret, unset)");
		return 0;
	}
	if (k->type == CFG_STRING) {
		snprintf(out, outlen, "%s", *(char *const *)(const void *)p);
		return 0;
	}
	memcpy(&v, p, sizeof(v));
	if (k->type == CFG_OCTAL)
		snprintf(out, outlen, "%04llo", (unsigned long long)v);
	else if (k->type == CFG_ENUM)
		snprintf(out, outlen, "%s", k->enums[v]);
	else
		snprintf(out, outlen, "%lld", (long long)v);
	return 0;
}
