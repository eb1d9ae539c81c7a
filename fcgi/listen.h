/* listen.h: the listening socket ozzie-fcgi serves: inherited, unix or TCP. */
#ifndef OZ_FCGI_LISTEN_H
#define OZ_FCGI_LISTEN_H

struct oz_config;

/*
 * The socket to accept on: systemd's (LISTEN_FDS, fd 3) or a listening fd 0
 * when inherited, else cfg->listen opened here (a path: a unix socket with
 * socket_mode; else host:port). Non-blocking, so a worker woken for a
 * connection another took never blocks. *own is set to 1 when the socket is
 * a unix socket made here (unlink it on exit). Returns the fd, or -1.
 */
int	listen_open(const struct oz_config *cfg, int *own);

#endif
