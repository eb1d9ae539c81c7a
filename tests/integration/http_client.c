/* http_client.c: libcurl wrapper for the integration tests. */
#include "config.h"

#include <check.h>
#include <curl/curl.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http_client.h"

struct sink {
	char	*p;
	size_t	 len;
};

static size_t
sink_write(char *data, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;
	size_t	 add = size * n;
	char	*np = realloc(s->p, s->len + add + 1);

	if (np == NULL)
		return 0;
	memcpy(np + s->len, data, add);
	s->p = np;
	s->len += add;
	s->p[s->len] = '\0';
	return add;
}

/* Keep only the last header block (after 100 Continue or redirects). */
static size_t
header_write(char *data, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;

	if (size * n > 5 && strncmp(data, "HTTP/", 5) == 0)
		s->len = 0;
	return sink_write(data, size, n, ctx);
}

const char *
it_base_url(void)
{
	const char *b = getenv("OZZIE_BASE_URL");

	return b ? b : "http://127.0.0.1:8080";
}

static char source[64];	/* "host!<addr>" for CURLOPT_INTERFACE, or empty */

void
http_set_source(const char *addr)
{
	if (addr == NULL)
		source[0] = '\0';
	else
		snprintf(source, sizeof(source), "host!%s", addr);
}

int
http_do(const char *method, const char *path, const char *const *headers,
    const char *body, size_t body_len, struct http_result *res)
{
	CURL		*c;
	struct curl_slist *hl = NULL;
	struct sink	 b = { NULL, 0 }, h = { NULL, 0 };
	char		 url[16384];
	CURLcode	 rc;

	memset(res, 0, sizeof(*res));
	if ((c = curl_easy_init()) == NULL)
		return -1;
	if (strncmp(path, "http", 4) == 0)
		snprintf(url, sizeof(url), "%s", path);
	else
		snprintf(url, sizeof(url), "%s%s", it_base_url(), path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header_write);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &h);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	if (source[0] != '\0')
		curl_easy_setopt(c, CURLOPT_INTERFACE, source);
	for (; headers && *headers; headers++)
		hl = curl_slist_append(hl, *headers);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
	rc = curl_easy_perform(c);
	curl_slist_free_all(hl);
	if (rc != CURLE_OK) {
		fprintf(stderr, "http_do %s %s: %s\n", method, path, curl_easy_strerror(rc));
		free(b.p);
		free(h.p);
		curl_easy_cleanup(c);
		return -1;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res->status);
	curl_easy_getinfo(c, CURLINFO_HTTP_VERSION, &res->http_version);
	curl_easy_cleanup(c);
	res->body = b.p ? b.p : strdup("");
	res->body_len = b.len;
	res->headers = h.p ? h.p : strdup("");
	if (res->body_len > 0)
		res->json = json_tokener_parse(res->body);
	return 0;
}

void
http_get(const char *path, struct http_result *res)
{
	ck_assert_msg(http_do("GET", path, NULL, NULL, 0, res) == 0, "GET %s failed", path);
}

const char *
http_header(const struct http_result *res, const char *name)
{
	static char	 val[8192];
	const char	*p = res->headers;
	size_t		 nlen = strlen(name);

	while (p && *p) {
		const char *eol = strstr(p, "\r\n");
		size_t	 len = eol ? (size_t)(eol - p) : strlen(p);

		if (len > nlen && strncasecmp(p, name, nlen) == 0 && p[nlen] == ':') {
			const char *v = p + nlen + 1;
			size_t	 vlen;

			while (*v == ' ')
				v++;
			vlen = len - (size_t)(v - p);
			if (vlen >= sizeof(val))
				vlen = sizeof(val) - 1;
			memcpy(val, v, vlen);
			val[vlen] = '\0';
			return val;
		}
		if (eol == NULL)
			break;
		p = eol + 2;
	}
	return NULL;
}

static const char *
error_field(const struct http_result *res, const char *field)
{
	struct json_object *e, *v;

	if (res->json == NULL || !json_object_object_get_ex(res->json, "error", &e) ||
	    !json_object_object_get_ex(e, field, &v))
		return "";
	return json_object_get_string(v);
}

const char *
http_error_code(const struct http_result *res)
{
	return error_field(res, "code");
}

const char *
http_error_request_id(const struct http_result *res)
{
	return error_field(res, "request_id");
}

void
http_result_free(struct http_result *res)
{
	free(res->body);
	free(res->headers);
	if (res->json)
		json_object_put(res->json);
	memset(res, 0, sizeof(*res));
}
