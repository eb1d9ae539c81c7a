/* svc_out.c: outbound JSON POSTs under the outbound rules (svc_out.h). */
#include "config.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "service/svc_out.h"

struct out_ctx {
	struct out_res	*rs;
	int		 allow_private;
};

int
out_addr_private(const void *sa)
{
	const struct sockaddr *s = sa;

	if (s->sa_family == AF_INET) {
		const struct sockaddr_in *in = sa;
		uint32_t a = ntohl(in->sin_addr.s_addr);

		return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 ||
		    (a >> 16) == 0xa9fe ||		/* 169.254/16 */
		    (a >> 20) == 0xac1 ||		/* 172.16/12 */
		    (a >> 16) == 0xc0a8 ||		/* 192.168/16 */
		    (a >> 22) == (0x64400000u >> 22) ||	/* 100.64/10 */
		    a >= 0xe0000000u;			/* multicast, reserved */
	}
	if (s->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = sa;
		const unsigned char *b = in6->sin6_addr.s6_addr;

		if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) {
			struct sockaddr_in v4;

			memset(&v4, 0, sizeof(v4));
			v4.sin_family = AF_INET;
			memcpy(&v4.sin_addr, b + 12, 4);
			return out_addr_private(&v4);
		}
		return IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr) ||
		    IN6_IS_ADDR_UNSPECIFIED(&in6->sin6_addr) ||
		    IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr) ||
		    IN6_IS_ADDR_MULTICAST(&in6->sin6_addr) ||
		    (b[0] & 0xfe) == 0xfc;		/* fc00::/7 */
	}
	return 1;
}

/* Every connection curl opens passes here: the address is checked, not the name. */
static curl_socket_t
open_socket(void *ctxp, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct out_ctx *ctx = ctxp;

	if (purpose != CURLSOCKTYPE_IPCXN)
		return CURL_SOCKET_BAD;
	if (!ctx->allow_private && out_addr_private(&a->addr)) {
		ctx->rs->refused = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype, a->protocol);
}

static size_t
on_body(char *p, size_t size, size_t n, void *ctxp)
{
	struct out_ctx *ctx = ctxp;

	if (buf_append(&ctx->rs->body, p, size * n) == -1)
		return 0;
	return size * n;
}

static int
global_init(void)
{
	static int done;

	if (!done && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return -1;
	done = 1;
	return 0;
}

int
out_post(const char *url, const char *const *headers, const char *body, long timeout_ms,
    int allow_private, struct out_res *rs)
{
	struct curl_slist *hl = NULL, *t;
	struct out_ctx	 ctx = { rs, allow_private };
	CURLcode	 cc;
	CURL		*h = NULL;
	int		 rc = -1;

	memset(rs, 0, sizeof(*rs));
	buf_init(&rs->body, OUT_MAX_BODY);
	if (global_init() == -1 || (h = curl_easy_init()) == NULL) {
		snprintf(rs->error, sizeof(rs->error), "cannot start an HTTP request");
		return -1;
	}
	if ((hl = curl_slist_append(NULL, "Content-Type: application/json")) == NULL)
		goto fail;
	for (; headers && *headers; headers++) {
		if ((t = curl_slist_append(hl, *headers)) == NULL)
			goto fail;
		hl = t;
	}
	if (curl_easy_setopt(h, CURLOPT_URL, url) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(body)) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 5000 ? timeout_ms : 5000L) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_socket) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &ctx) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK ||
	    curl_easy_setopt(h, CURLOPT_WRITEDATA, &ctx) != CURLE_OK) {
		snprintf(rs->error, sizeof(rs->error), "cannot set up the HTTP request");
		goto fail;
	}
	cc = curl_easy_perform(h);
	if (cc == CURLE_OK) {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &rs->status);
		rc = 0;
	} else if (rs->refused)
		snprintf(rs->error, sizeof(rs->error),
		    "refused: the address is private, loopback or link-local "
		    "(outbound_allow_private is off)");
	else {
		rs->timed_out = cc == CURLE_OPERATION_TIMEDOUT;
		snprintf(rs->error, sizeof(rs->error), "%s", curl_easy_strerror(cc));
	}
fail:
	curl_slist_free_all(hl);
	curl_easy_cleanup(h);
	return rc;
}
