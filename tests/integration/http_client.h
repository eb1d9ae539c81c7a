/* http_client.h: a small libcurl client for black-box tests of the running stack. */
#ifndef OZ_IT_HTTP_CLIENT_H
#define OZ_IT_HTTP_CLIENT_H

#include <stddef.h>

struct json_object;

struct http_result {
	long			 status;
	char			*body;
	size_t			 body_len;
	char			*headers;	/* raw header block of the final response */
	struct json_object	*json;		/* body parsed, or NULL */
	long			 http_version;	/* CURL_HTTP_VERSION_* */
};

/* The base URL under test ($OZZIE_BASE_URL). */
const char *it_base_url(void);
/*
 * Send method to base+path (or to url when it starts with "http"), with extra
 * header lines (NULL-terminated, may be NULL) and an optional body. 0, or -1
 * on a transport failure. Free res with http_result_free.
 */
int	http_do(const char *method, const char *path, const char *const *headers,
	    const char *body, size_t body_len, struct http_result *res);
/*
 * Send the following requests from this local address ("127.0.0.2": any of
 * 127/8 reaches the stack), or from the default one again with NULL.
 */
void	http_set_source(const char *addr);
/* GET shorthand; aborts the test on transport failure. */
void	http_get(const char *path, struct http_result *res);
/* A response header value (first match, case-insensitive), copied into a static buffer. */
const char *http_header(const struct http_result *res, const char *name);
/* res->json's error.code, or "" */
const char *http_error_code(const struct http_result *res);
/* res->json's error.request_id, or "" */
const char *http_error_request_id(const struct http_result *res);
void	http_result_free(struct http_result *res);

#endif
