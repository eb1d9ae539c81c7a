/* worker.h: one ozzie-fcgi worker process: accept, serve, repeat. */
#ifndef OZ_FCGI_WORKER_H
#define OZ_FCGI_WORKER_H

struct oz_config;

/*
 * Run a worker of pool name on listen_fd with cfg until SIGTERM or SIGINT,
 * then exit. It holds one database connection and up to WORKER_CONNS kept
 * FastCGI connections from nginx. Never returns.
 */
void	worker_main(struct oz_config *cfg, int listen_fd, const char *name)
	    __attribute__((noreturn));

#endif
