/* listen.c: the socket ozzie-fcgi accepts on (listen.h). */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <fcntl.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/log.h"
#include "core/num.h"
#include "listen.h"

/* An inherited socket: systemd's LISTEN_FDS (fd 3), or a listening fd 0. */
static int
inherited_socket(void)
{
	const char	*pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS"), *errstr;
	int		 acc = 0;
	int64_t		 v;
	socklen_t	 len = sizeof(acc);

	if (pid && fds && num_parse_i64z(pid, 1, INT32_MAX, &v, &errstr) == 0 &&
	    (pid_t)v == getpid() && strcmp(fds, "1") == 0)
		return 3;
	if (getsockopt(0, SOL_SOCKET, SO_ACCEPTCONN, &acc, &len) == 0 && acc)
		return 0;
	return -1;
}

static int
open_unix(const struct oz_config *cfg, const char *path, int *own)
{
	struct sockaddr_un sun;
	int		 fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		log_warnx("listen: socket path too long: %s", path);
		return -1;
	}
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	memcpy(sun.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		return -1;
	/* A live socket means another instance: refuse. A stale one is removed. */
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0) {
		log_warnx("listen: %s is in use by another process", path);
		close(fd);
		return -1;
	}
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1 ||
	    chmod(path, (mode_t)cfg->socket_mode) == -1 ||
	    listen(fd, (int)cfg->listen_backlog) == -1) {
		log_warn("listen: %s", path);
		close(fd);
		return -1;
	}
	*own = 1;
	return fd;
}

static int
open_tcp(const struct oz_config *cfg, const char *spec)
{
	struct addrinfo	 hints, *res, *ai;
	char		 host[256];
	const char	*colon = strrchr(spec, ':');
	int		 fd = -1, one = 1, rc;

	if (colon == NULL || (size_t)(colon - spec) >= sizeof(host)) {
		log_warnx("listen: '%s' is neither a path nor host:port", spec);
		return -1;
	}
	memcpy(host, spec, (size_t)(colon - spec));
	host[colon - spec] = '\0';
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if ((rc = getaddrinfo(host[0] ? host : NULL, colon + 1, &hints, &res)) != 0) {
		log_warnx("listen: %s: %s", spec, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol)) == -1)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, (int)cfg->listen_backlog) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd == -1)
		log_warn("listen: %s", spec);
	return fd;
}

int
listen_open(const struct oz_config *cfg, int *own)
{
	int	 fd;

	*own = 0;
	if ((fd = inherited_socket()) >= 0)
		log_info("using the inherited socket on fd %d", fd);
	else if ((fd = cfg->listen[0] == '/' || cfg->listen[0] == '.' ?
	    open_unix(cfg, cfg->listen, own) : open_tcp(cfg, cfg->listen)) == -1)
		return -1;
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == -1) {
		log_warn("listen socket");
		return -1;
	}
	return fd;
}
