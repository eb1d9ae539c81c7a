/* conf.h: ozzie.conf, its one table of keys, and OZZIE_<KEY> overrides. */
#ifndef OZ_CONFIG_H
#define OZ_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#define OZ_DEFAULT_CONFIG_PATH SYSCONFDIR "/ozzie/ozzie.conf"

struct oz_config {
	char	*database_url;		/* secret: may hold a password */
	char	*database_read_url;
	char	*listen;
	int64_t	 listen_backlog;
	int64_t	 socket_mode;
	int64_t	 workers;
	int64_t	 worker_cpu_affinity;	/* 0 off, 1 auto: worker i on the i-th allowed CPU */
	int64_t	 max_json_body;
	int64_t	 max_document_body;
	int64_t	 log_level;		/* enum log_level */
	int64_t	 db_connect_timeout;
	int64_t	 db_statement_timeout_ms;
	int64_t	 db_retry_ms;
	int64_t	 db_work_mem_kb;
	char	*secret_key;		/* secret */
	char	*default_currency;
	int64_t	 shutdown_timeout;
	int64_t	 retry_after;
	int64_t	 rate_limit;		/* requests per second per client */
	int64_t	 rate_burst;
	int64_t	 auth_fail_rate;	/* failed credentials per second, per address or client id */
	int64_t	 auth_fail_burst;
	char	*rate_limit_file;
	int64_t	 expected_return_bp;	/* annual, investment goal projections */
	int64_t	 ai_provider;		/* index in oz_ai_providers */
	char	*ai_base_url;
	char	*ai_api_key;		/* secret */
	char	*ai_model;
	int64_t	 ai_timeout_ms;
	int64_t	 ai_max_retries;
	int64_t	 ai_max_tokens;		/* 0: the provider's default */
	int64_t	 ai_tools;		/* 0 off, 1 on */
	int64_t	 analytics_min_users;
	int64_t	 analytics_refresh_seconds;
	int64_t	 analytics_precompute_min_users;
	int64_t	 analytics_fold_ms;	/* ozzie-jobd folds analytics_pending this often; 0 never */
	int64_t	 analytics_risk_cash_flow_days;
	int64_t	 analytics_risk_fund_months;
	int64_t	 analytics_risk_dti_pct;
	int64_t	 analytics_risk_interest_pct;
	int64_t	 analytics_risk_spike_pct;
	int64_t	 analytics_risk_missed_moves;
	int64_t	 outbound_allow_private;	/* 0 off, 1 on */
	int64_t	 jobd_runners;
	int64_t	 jobd_poll_ms;
	int64_t	 jobd_lease_s;
	int64_t	 evolution_timeout_ms;
	int64_t	 evolution_send_rate;	/* messages per second per instance */
	/* Not a key: secret_key was made up for this run (ozzie-fcgi without one). */
	int	 secret_key_ephemeral;
};

/* The ai_provider names, by index ("local", "openai", "anthropic"), NULL-terminated. */
extern const char *const oz_ai_providers[];

/* What the table says of one key; exported for ozzie-admin's config dump. */
struct oz_config_key {
	const char	*name;
	enum { CFG_STRING, CFG_INT, CFG_OCTAL, CFG_ENUM } type;
	size_t		 offset;
	const char	*def;
	int64_t		 min, max;
	int		 secret;	/* never printed; KEY_file accepted */
	const char *const *enums;	/* CFG_ENUM: NULL-terminated names */
	const char	*help;
};

extern const struct oz_config_key oz_config_keys[];

/*
 * Fill cfg from defaults, then the file at path (NULL: none; a missing file is
 * an error only if must_exist), then the environment. Returns 0, or -1 with a
 * message naming the file and line (or variable) in err.
 */
int	config_load(struct oz_config *cfg, const char *path, int must_exist,
	    char *err, size_t errlen);
/* Set one key from text, as the file would; -1 with err on a bad key or value. */
int	config_set(struct oz_config *cfg, const char *key, const char *value,
	    char *err, size_t errlen);
/* Release the strings a loaded config owns. */
void	config_free(struct oz_config *cfg);
/* The current value of key as text, "(secret)" for secrets; NULL if unknown. */
int	config_value_text(const struct oz_config *cfg, const struct oz_config_key *k,
	    char *out, size_t outlen);

#endif
