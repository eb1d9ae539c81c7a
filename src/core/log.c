/*
 * log.c: one line per event on stderr, which journald and the dev stack's log
 * files capture. Lines never carry secrets or request bodies: callers pass
 * only what is safe, and request lines carry the path without its query.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

static char		 log_ident[64] = "ozzie";
static enum log_level	 log_threshold = LOG_LVL_INFO;
static char		 log_reqid[80];
static char		 log_client[80];

static const char *const level_names[] = { "debug", "info", "warn", "error" };

void
log_init(const char *ident, enum log_level level)
{
	snprintf(log_ident, sizeof(log_ident), "%s", ident);
	log_threshold = level;
}

void
log_set_level(enum log_level level)
{
	log_threshold = level;
}

/* Copy s, replacing anything that is not printable ASCII, so no log injection. */
static void
copy_safe(char *dst, size_t len, const char *s)
{
	size_t i;

	for (i = 0; s && s[i] && i + 1 < len; i++)
		dst[i] = (s[i] > 0x20 && s[i] < 0x7f) ? s[i] : '?';
	dst[i] = '\0';
}

void
log_set_context(const char *request_id, const char *client_id)
{
	copy_safe(log_reqid, sizeof(log_reqid), request_id);
	copy_safe(log_client, sizeof(log_client), client_id);
}

void
log_clear_context(void)
{
	log_reqid[0] = log_client[0] = '\0';
}

static void vlog(enum log_level, int, const char *, va_list)
    __attribute__((format(printf, 3, 0)));

static void
vlog(enum log_level lvl, int with_errno, const char *fmt, va_list ap)
{
	char		 msg[1024], line[1400], ts[32];
	struct timespec	 now;
	struct tm	 tm;
	int		 saved = errno, n;

	if (lvl < log_threshold)
		return;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	for (n = 0; msg[n]; n++)
		if (msg[n] == '\n' || msg[n] == '\r')
			msg[n] = ' ';
	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	n = snprintf(line, sizeof(line), "%s.%03ldZ %s[%d] %s: %s%s%s%s%s%s%s\n",
	    ts, now.tv_nsec / 1000000, log_ident, (int)getpid(), level_names[lvl],
	    msg, with_errno ? ": " : "", with_errno ? strerror(saved) : "",
	    log_reqid[0] ? " request_id=" : "", log_reqid,
	    log_client[0] ? " client_id=" : "", log_client);
	if (n > 0)
		(void)!write(STDERR_FILENO, line,
		    (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
	errno = saved;
}

#define LOGFN(name, lvl, err)				\
void							\
name(const char *fmt, ...)				\
{							\
	va_list ap;					\
	va_start(ap, fmt);				\
	vlog(lvl, err, fmt, ap);			\
	va_end(ap);					\
}

LOGFN(log_debug, LOG_LVL_DEBUG, 0)
LOGFN(log_info, LOG_LVL_INFO, 0)
LOGFN(log_warn, LOG_LVL_WARN, 1)
LOGFN(log_warnx, LOG_LVL_WARN, 0)
LOGFN(log_error, LOG_LVL_ERROR, 0)

void
log_request(const char *method, const char *path, int status, double duration_ms,
    const char *request_id, const char *client_id)
{
	char	 m[16], p[512], r[80], c[80];
	char	 saved_r[80], saved_c[80];

	copy_safe(m, sizeof(m), method);
	copy_safe(p, sizeof(p), path);
	copy_safe(r, sizeof(r), request_id ? request_id : "-");
	copy_safe(c, sizeof(c), client_id && *client_id ? client_id : "-");
	memcpy(saved_r, log_reqid, sizeof(saved_r));
	memcpy(saved_c, log_client, sizeof(saved_c));
	log_reqid[0] = log_client[0] = '\0';
	log_info("request method=%s path=%s status=%d duration_ms=%.2f request_id=%s client_id=%s",
	    m, p, status, duration_ms, r, c);
	memcpy(log_reqid, saved_r, sizeof(log_reqid));
	memcpy(log_client, saved_c, sizeof(log_client));
}
