/* it_common.h: helpers the integration suites share (stack control, processes). */
#ifndef OZ_IT_COMMON_H
#define OZ_IT_COMMON_H

#include <sys/types.h>
#include <stddef.h>

/* The master pid of an ozzie-fcgi pool of the stack under test ("api", "slow"). */
pid_t	it_master_pid(const char *pool);
/* The children of pid, into out (at most max); returns how many. */
int	it_children(pid_t pid, pid_t *out, int max);
/* Run "tools/ozzie-dev <cmd>" against the stack under test; returns its exit status. */
int	it_dev(const char *cmd);
/* Run "tools/ozzie-dev <cmd>" and capture its stdout (NUL-terminated) into out. */
int	it_dev_capture(const char *cmd, char *out, size_t outlen);

/*
 * Run sql on the stack's database with psql, values bound as psql variables
 * (:'a' and :'b' in the SQL; plain ids only), output (tuples only) into out.
 * Returns psql's exit status.
 */
int	it_sql(const char *sql, const char *a, const char *b, char *out, size_t outlen);

/* An API client made for a test with ozzie-admin. */
struct it_client {
	char	id[64];
	char	secret[128];
	char	auth[512];	/* "Authorization: Bearer …" */
};
/* Create a client named name (with --require-signature when sig). */
void	it_client_create(const char *name, int sig, struct it_client *c);

struct http_result;

/* method path as client c (NULL: no credentials), JSON body or none; aborts on transport failure. */
void	it_call(const struct it_client *c, const char *method, const char *path,
	    const char *body, struct http_result *res);
/* "/v1/users/external:<ext>-<time>-<pid>": a user no earlier run has made. */
void	it_user_path(char *out, size_t len, const char *ext);

/* Start what of the stack under test is not running (tools/ozzie-dev _stack-up). */
int	it_dev_stack_up(void);

/* Sleep ms milliseconds. */
void	it_sleep_ms(int ms);
/* Milliseconds on a monotonic clock. */
double	it_now_ms(void);

struct json_object;
/* o at a dotted path ("data.days.0.provider", numbers index arrays); NULL if absent. Borrowed. */
struct json_object *it_json_at(struct json_object *o, const char *path);

#endif
