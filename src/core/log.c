/*
 * log.c: one line per event on stderr, which journald and the dev stack's log
 * files capture. Lines never carry secrets or request bodies: callers pass
 * only what is safe, and request lines carry the path without its query.
 *
 * Logging never stops a process: when stderr is a pipe or a socket (a log
 * shipper, journald) its lines are written without waiting, so a reader
 * that stalls costs lines, not requests; a full disk does the same. Lines
 * that could not be written are counted and the count is logged with the
 * next line that can be.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
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

static int		 log_fd = STDERR_FILENO;	/* or our own non-blocking opening of it */
static int		 log_sock;	/* stderr is a socket: send without waiting */
static unsigned long	 log_dropped;	/* lines lost since the last one written */

/*
 * Where lines go, looked at again on each log_init (a worker after fork, a
 * test that moved stderr): a pipe or FIFO is opened a second time through
 * /proc, non-blocking, so that O_NONBLOCK stays on our own open file and
 * never reaches whoever shares stderr (a terminal, a shell); a socket gets
 * MSG_DONTWAIT on each send; a file or a terminal is written as it is.
 */
static void
log_output(void)
{
	struct stat sb;
	int	 fd;

	if (log_fd != STDERR_FILENO)
		close(log_fd);
	log_fd = STDERR_FILENO;
	log_sock = 0;
	if (fstat(STDERR_FILENO, &sb) == -1)
		return;
	if (S_ISSOCK(sb.st_mode))
		log_sock = 1;
	else if (S_ISFIFO(sb.st_mode) && (fd = open("/proc/self/fd/2",
	    O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC)) != -1)
		log_fd = fd;
}

void
log_init(const char *ident, enum log_level level)
{
	snprintf(log_ident, sizeof(log_ident), "%s", ident);
	log_threshold = level;
	log_output();
}

/* Write one whole line, or count it as dropped; never waits for a reader. */
static int
log_write(const char *line, size_t len)
{
	ssize_t	 n;

	if (log_sock)
		n = send(STDERR_FILENO, line, len, MSG_DONTWAIT | MSG_NOSIGNAL);
	else
		n = write(log_fd, line, len);
	if (n == -1 && errno == ENOTSOCK && log_sock) {	/* stderr changed under us */
		log_sock = 0;
		n = write(log_fd, line, len);
	}
	return n == (ssize_t)len ? 0 : -1;
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
	if (n > 0 && log_dropped > 0) {
		char	 note[160];
		int	 k = snprintf(note, sizeof(note), "%s.%03ldZ %s[%d] warn: log: %lu lines "
		    "dropped: the log output was full or gone\n", ts, now.tv_nsec / 1000000,
		    log_ident, (int)getpid(), log_dropped);

		if (k > 0 && (size_t)k < sizeof(note) && log_write(note, (size_t)k) == 0)
			log_dropped = 0;
	}
	if (n > 0 && log_write(line, (size_t)n < sizeof(line) ? (size_t)n :
	    sizeof(line) - 1) == -1)
		log_dropped++;
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
log_redact_values(const char *msg, char *out, size_t outlen)
{
	static const char *const names[] = { "constraint", "relation", "column", "table",
	    "index", "type", "statement", "schema", "function", "sequence", "database",
	    "role", "view", "trigger", "operator", "extension", "parameter", "cursor", NULL };
	size_t	 o = 0, i, k, w;
	const char *q, *end;
	int	 keep;

	if (outlen == 0)
		return;
	for (i = 0; msg[i] != '\0' && o + 1 < outlen; ) {
		if (msg[i] != '"') {
			out[o++] = msg[i++];
			continue;
		}
		/* the word before the quote names what is quoted */
		keep = 0;
		if (i >= 2 && msg[i - 1] == ' ') {
			for (w = i - 1; w > 0 && msg[w - 1] != ' '; w--)
				;
			for (k = 0; names[k] != NULL && !keep; k++)
				keep = strlen(names[k]) == i - 1 - w &&
				    strncmp(msg + w, names[k], i - 1 - w) == 0;
		}
		q = msg + i + 1;
		/* a doubled quote is a quote inside the run */
		for (end = q; *end != '\0' && !(end[0] == '"' && end[1] != '"'); end++)
			if (end[0] == '"')
				end++;
		if (keep) {
			for (; &msg[i] <= end && msg[i] != '\0' && o + 1 < outlen; i++)
				out[o++] = msg[i];
			continue;
		}
		for (q = "\"*\""; *q != '\0' && o + 1 < outlen; q++)
			out[o++] = *q;
		i = (size_t)(end - msg) + (*end == '"');
	}
	out[o] = '\0';
}

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
