/* log.h: leveled logging to stderr, one line per event (after OpenBSD log.c). */
#ifndef OZ_LOG_H
#define OZ_LOG_H

#include <stddef.h>

enum log_level { LOG_LVL_DEBUG, LOG_LVL_INFO, LOG_LVL_WARN, LOG_LVL_ERROR };

/* Name the process in every line ("ozzie-fcgi[api]") and set the threshold. */
void	log_init(const char *ident, enum log_level level);
void	log_set_level(enum log_level level);
/* Request context added to every line until cleared; strings are copied. */
void	log_set_context(const char *request_id, const char *client_id);
void	log_clear_context(void);
void	log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* log_warn appends strerror(errno); log_warnx does not. */
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * msg with every double-quoted run replaced by "*", except the quoted names
 * of schema objects ('constraint "users_phone_unique"', 'relation "users"',
 * 'column "phone"'...): a database error's primary message, fit for a log
 * (the values it quotes may be personal data). Truncated to fit outlen.
 */
void	log_redact_values(const char *msg, char *out, size_t outlen);
/* The access line: never a body, a query string or a header value. */
void	log_request(const char *method, const char *path, int status,
	    double duration_ms, const char *request_id, const char *client_id);

#endif
