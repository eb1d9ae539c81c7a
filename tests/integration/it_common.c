/* it_common.c: stack control for the integration tests. */
#include "config.h"

#include <sys/wait.h>

#include <check.h>
#include <dirent.h>
#include <json-c/json.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/num.h"
#include "http_client.h"
#include "it_common.h"

pid_t
it_master_pid(const char *pool)
{
	char	 path[1024];
	FILE	*f;
	char	 line[32];
	int64_t	 pid = 0;
	const char *dev = getenv("OZZIE_DEV_DIR"), *errstr;

	ck_assert_ptr_nonnull(dev);
	snprintf(path, sizeof(path), "%s/run/fcgi-%s.pid", dev, pool);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "no pid file %s", path);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	line[strcspn(line, "\n")] = '\0';
	ck_assert_int_eq(num_parse_i64z(line, 1, INT32_MAX, &pid, &errstr), 0);
	return (pid_t)pid;
}

int
it_children(pid_t parent, pid_t *out, int max)
{
	DIR		*d = opendir("/proc");
	struct dirent	*e;
	int		 n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL && n < max) {
		char	 path[300], buf[512], *rp, *end;
		FILE	*f;
		int64_t	 ppid, pid;
		const char *errstr;
		char	 state;

		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(buf, sizeof(buf), f) == NULL) {
			fclose(f);
			continue;
		}
		fclose(f);
		/* "pid (comm) state ppid": comm may hold spaces, so find the last ')'. */
		if ((rp = strrchr(buf, ')')) == NULL || strlen(rp) < 5)
			continue;
		state = rp[2];
		if ((end = strchr(rp + 4, ' ')) == NULL ||
		    num_parse_i64(rp + 4, (size_t)(end - (rp + 4)), 0, INT32_MAX, &ppid, &errstr) == -1 ||
		    num_parse_i64z(e->d_name, 1, INT32_MAX, &pid, &errstr) == -1)
			continue;
		if (ppid == parent && state != 'Z')
			out[n++] = (pid_t)pid;
	}
	closedir(d);
	return n;
}

int
it_dev(const char *cmd)
{
	char	 line[2048];
	const char *tool = getenv("OZZIE_DEV_TOOL");
	int	 st;

	ck_assert_ptr_nonnull(tool);
	snprintf(line, sizeof(line), "'%s' %s >/dev/null 2>&1", tool, cmd);
	st = system(line);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void
it_sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

double
it_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int
it_dev_capture(const char *cmd, char *out, size_t outlen)
{
	char	 line[2048];
	const char *tool = getenv("OZZIE_DEV_TOOL");
	FILE	*p;
	size_t	 n;
	int	 st;

	ck_assert_ptr_nonnull(tool);
	snprintf(line, sizeof(line), "'%s' %s 2>/dev/null", tool, cmd);
	p = popen(line, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(out, 1, outlen - 1, p);
	out[n] = '\0';
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void
it_client_create(const char *name, int sig, struct it_client *c)
{
	char	 cmd[256], out[2048], pair[256];
	struct json_object *o;
	unsigned char b64[400];

	snprintf(cmd, sizeof(cmd), "admin client create --name '%s' --json%s", name,
	    sig ? " --require-signature" : "");
	ck_assert_int_eq(it_dev_capture(cmd, out, sizeof(out)), 0);
	o = json_tokener_parse(out);
	ck_assert_msg(o != NULL, "client create printed: %s", out);
	snprintf(c->id, sizeof(c->id), "%s",
	    json_object_get_string(json_object_object_get(o, "client_id")));
	snprintf(c->secret, sizeof(c->secret), "%s",
	    json_object_get_string(json_object_object_get(o, "client_secret")));
	json_object_put(o);
	snprintf(pair, sizeof(pair), "%s:%s", c->id, c->secret);
	EVP_EncodeBlock(b64, (const unsigned char *)pair, (int)strlen(pair));
	snprintf(c->auth, sizeof(c->auth), "Authorization: Bearer %s", (const char *)b64);
}

int
it_sql(const char *sql, const char *a, const char *b, char *out, size_t outlen)
{
	char	 cmd[2048], path[] = "/tmp/ozzie-it-sql-XXXXXX";
	const char *tool = getenv("OZZIE_DEV_TOOL"), *v;
	FILE	*p;
	size_t	 n;
	int	 i, st, fd;

	ck_assert_ptr_nonnull(tool);
	/* the values go through the shell as arguments: keep them to id characters */
	for (i = 0; i < 2; i++)
		for (v = i ? b : a; v && *v; v++)
			ck_assert_msg(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789_-", *v) != NULL, "it_sql: unsafe value");
	/* the SQL reaches psql as a file, the values as psql variables */
	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert(write(fd, sql, strlen(sql)) == (ssize_t)strlen(sql));
	close(fd);
	snprintf(cmd, sizeof(cmd), "'%s' psql -tA -v ON_ERROR_STOP=1 -v a='%s' -v b='%s' -f '%s' 2>/dev/null",
	    tool, a ? a : "", b ? b : "", path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	n = fread(out, 1, outlen - 1, p);
	out[n] = '\0';
	st = pclose(p);
	unlink(path);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int
it_dev_stack_up(void)
{
	char	 cmd[1024];
	const char *build = getenv("OZZIE_DEV_BUILD");

	ck_assert_ptr_nonnull(build);
	snprintf(cmd, sizeof(cmd), "_stack-up '%s'", build);
	return it_dev(cmd);
}

void
it_call(const struct it_client *c, const char *method, const char *path, const char *body,
    struct http_result *res)
{
	const char *h[3] = { c ? c->auth : "X-No-Auth: 1", "Content-Type: application/json", NULL };

	ck_assert_msg(http_do(method, path, h, body, body ? strlen(body) : 0, res) == 0,
	    "%s %s failed", method, path);
}

void
it_user_path(char *out, size_t len, const char *ext)
{
	snprintf(out, len, "/v1/users/external:%s-%ld-%d", ext, (long)time(NULL), (int)getpid());
}

/* o at a dotted path ("data.days.0.provider"); NULL if absent. */
struct json_object *
it_json_at(struct json_object *o, const char *path)
{
	char	 key[64];
	const char *p = path, *dot;

	while (o && *p) {
		dot = strchr(p, '.');
		snprintf(key, sizeof(key), "%.*s", dot ? (int)(dot - p) : (int)strlen(p), p);
		if (key[0] >= '0' && key[0] <= '9') {
			size_t	 idx = 0, k;

			if (!json_object_is_type(o, json_type_array))
				return NULL;
			for (k = 0; key[k] >= '0' && key[k] <= '9'; k++)
				idx = idx * 10 + (size_t)(key[k] - '0');
			o = json_object_array_get_idx(o, idx);
		} else if (!json_object_is_type(o, json_type_object) ||
		    !json_object_object_get_ex(o, key, &o))
			return NULL;
		p = dot ? dot + 1 : p + strlen(p);
	}
	return o;
}
