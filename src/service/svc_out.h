/*
 * svc_out.h: one HTTP POST of JSON to somewhere outside (Evolution API, a
 * platform's webhook endpoint), with the rules every outbound call shares:
 * a deadline, a response cap, no redirects, and no private, loopback or
 * link-local address unless the operator allows them
 * (outbound_allow_private), checked on the address actually connected to.
 */
#ifndef OZ_SVC_OUT_H
#define OZ_SVC_OUT_H

#include <stddef.h>

#include "core/buf.h"

#define OUT_MAX_BODY	(32 * 1024 * 1024)	/* media fetched as base64 */

struct out_res {
	long		 status;	/* 0: no answer (refused, timed out, unreachable) */
	int		 refused;	/* the address is one we may not reach */
	int		 timed_out;
	struct buf	 body;		/* the response, at most OUT_MAX_BODY */
	char		 error[160];	/* why it failed; never a header value or body */
};

/*
 * POST body (JSON) to url with headers ("Name: value", NULL-terminated;
 * may hold secrets, never logged) within timeout_ms. Initialises rs (the
 * caller frees rs->body). 0 when an answer came (any status), -1 otherwise.
 */
int	out_post(const char *url, const char *const *headers, const char *body,
	    long timeout_ms, int allow_private, struct out_res *rs);
/* 1 if the address (AF_INET/AF_INET6 sockaddr) is private, loopback, link-local or unspecified. */
int	out_addr_private(const void *sockaddr);

#endif
