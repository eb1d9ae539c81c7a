/*
 * ai_http.c: the one HTTP POST the model providers make (ai_http.h).
 *
 * A worker keeps one curl handle, so connections to the provider stay open
 * between chats; every call resets its options. The deadline covers the
 * whole turn: each attempt gets the time that is left, and no backoff wait
 * may run past it. A stream is read as Server-Sent Events, line by line,
 * whatever the chunking.
 */
#include "config.h"

#include <curl/curl.h>
#include <openssl/rand.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "ai/ai_http.h"
#include "core/num.h"

#define CONNECT_TIMEOUT_MS	5000L
#define BACKOFF_BASE_MS		250
#define BACKOFF_CAP_MS		8000
#define RETRY_AFTER_MAX_MS	60000	/* a longer Retry-After: give up */
/* One attempt's state, shared by the header and body callbacks. */
struct xfer {
	const struct ai_http_req *rq;
	struct ai_http_res	*rs;
	CURL			*h;
	struct ai_sse		 sse;
	size_t			 total;		/* body bytes read */
	long			 status;
	int64_t			 retry_after;	/* ms from Retry-After; -1 none */
	int64_t			 retry_after_ms;	/* ms from retry-after-ms; -1 none */
	int64_t			 last_data;	/* when a byte last came (ai_http_now_ms) */
	int			 too_big;
	int			 stalled;	/* a stream sent nothing for too long */
	int			 reader_failed;	/* on_event or the SSE parser said stop */
	int			 json_type;	/* Content-Type: 1 JSON, 0 event stream, -1 other/none */
	int			 body_kind;	/* a 2xx stream's body: 0 undecided, 1 events, 2 plain */
};

enum outcome { DONE, RETRY, FAIL };

int64_t
ai_http_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- curl callbacks ------------------------------------------------------- */

/*
 * A stream was asked for, but is this 2xx answer one? A server that ignores
 * "stream": true answers one whole JSON object: its Content-Type says JSON,
 * or, without a telling one, the body opens with '{' (an event stream
 * opens with a field name or a comment).
 */
static int
plain_body(const struct xfer *x, const char *p, size_t n)
{
	size_t i;

	if (x->json_type >= 0)
		return x->json_type;
	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'); i++)
		;
	return i < n && p[i] == '{';
}

static size_t
on_body(char *p, size_t size, size_t nmemb, void *ud)
{
	struct xfer	*x = ud;
	size_t		 n = size * nmemb;

	x->last_data = ai_http_now_ms();
	if (n > AI_HTTP_MAX_BODY - x->total) {
		x->too_big = 1;
		return 0;
	}
	x->total += n;
	if (x->status == 0 &&
	    curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &x->status) != CURLE_OK)
		x->status = 0;
	if (x->rq->on_event != NULL && x->status >= 200 && x->status <= 299 &&
	    x->body_kind == 0)
		x->body_kind = plain_body(x, p, n) ? 2 : 1;
	if (x->rq->on_event != NULL && x->status >= 200 && x->status <= 299 &&
	    x->body_kind == 1) {
		if (ai_sse_feed(&x->sse, p, n) == -1) {
			/* The reader (on_event) keeps its own reason; the parser's is here. */
			if (x->sse.error[0] != '\0')
				snprintf(x->rs->error, sizeof(x->rs->error), "%s: %s",
				    x->rq->who, x->sse.error);
			x->reader_failed = 1;
			return 0;
		}
		return n;
	}
	return buf_append(&x->rs->body, p, n) == 0 ? n : 0;
}

#define RETRY_AFTER_MAX_S	1000000000	/* what we read of a Retry-After, at most */

/*
 * Retry-After: delta-seconds or an HTTP-date; ms, or -1 when unreadable. A
 * date further away than RETRY_AFTER_MAX_S (curl reads any year) is that far.
 */
static int64_t
parse_retry_after(const char *v)
{
	const char	*errstr;
	int64_t		 s;
	time_t		 t;

	if (num_parse_i64z(v, 0, RETRY_AFTER_MAX_S, &s, &errstr) == 0)
		return s * 1000;
	if ((t = curl_getdate(v, NULL)) == (time_t)-1)
		return -1;
	s = (int64_t)t - (int64_t)time(NULL);
	if (s > RETRY_AFTER_MAX_S)
		s = RETRY_AFTER_MAX_S;
	return s > 0 ? s * 1000 : 0;
}

/* retry-after-ms: milliseconds, a fraction allowed ("1500.5"). */
static int64_t
parse_retry_after_ms(const char *v)
{
	const char	*errstr, *dot = strchr(v, '.');
	int64_t		 ms;

	if (num_parse_i64(v, dot ? (size_t)(dot - v) : strlen(v), 0, 1000000000000,
	    &ms, &errstr) == -1)
		return -1;
	return ms;
}

/* Does the header line p (n bytes) name `name`? Then its trimmed value into v. */
static int
header_value(const char *p, size_t n, const char *name, char *v, size_t vlen)
{
	size_t	 k = strlen(name), i, j;

	if (n <= k || p[k] != ':' || strncasecmp(p, name, k) != 0)
		return 0;
	for (i = k + 1; i < n && (p[i] == ' ' || p[i] == '\t'); i++)
		;
	for (j = n; j > i && (p[j - 1] == '\r' || p[j - 1] == '\n' ||
	    p[j - 1] == ' ' || p[j - 1] == '\t'); j--)
		;
	if (j - i >= vlen)
		return 0;
	memcpy(v, p + i, j - i);
	v[j - i] = '\0';
	return 1;
}

int
ai_http_retry_header(const char *line, size_t n, int64_t *retry_after,
    int64_t *retry_after_ms)
{
	char v[80];

	if (header_value(line, n, "retry-after", v, sizeof(v)))
		*retry_after = parse_retry_after(v);
	else if (header_value(line, n, "retry-after-ms", v, sizeof(v)))
		*retry_after_ms = parse_retry_after_ms(v);
	else
		return 0;
	return 1;
}

int
ai_http_json_type(const char *v)
{
	size_t n = strcspn(v, "; \t");

	if (n == 17 && strncasecmp(v, "text/event-stream", n) == 0)
		return 0;
	if ((n == 16 && strncasecmp(v, "application/json", n) == 0) ||
	    (n > 5 && strncasecmp(v + n - 5, "+json", 5) == 0))
		return 1;
	return -1;
}

static size_t
on_header(char *p, size_t size, size_t nmemb, void *ud)
{
	struct xfer	*x = ud;
	size_t		 n = size * nmemb;
	char		 v[128];

	x->last_data = ai_http_now_ms();
	if (n >= 5 && memcmp(p, "HTTP/", 5) == 0) {	/* a new response (after 1xx) */
		x->retry_after = x->retry_after_ms = -1;
		x->status = 0;
		x->json_type = -1;
	} else if (header_value(p, n, "content-type", v, sizeof(v)))
		x->json_type = ai_http_json_type(v);
	else
		(void)ai_http_retry_header(p, n, &x->retry_after, &x->retry_after_ms);
	return n;
}

/* The stall limit of a stream: no byte for this long ends it (1..10 s). */
static long
stall_seconds(long timeout_ms)
{
	long s = timeout_ms / 3000;

	return s < 1 ? 1 : s > 10 ? 10 : s;
}

/*
 * curl's low-speed limit averages over its last seconds, so the bytes of the
 * request keep a stalled stream "fast" for a while: the stall is also
 * measured here, from the last byte received. Called about once a second.
 */
static int
on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
    curl_off_t ulnow)
{
	struct xfer *x = ud;

	(void)dltotal;
	(void)dlnow;
	(void)ultotal;
	(void)ulnow;
	if (x->rq->on_event == NULL ||
	    ai_http_now_ms() - x->last_data < stall_seconds(x->rq->timeout_ms) * 1000)
		return 0;
	x->stalled = 1;
	return 1;
}

/* ---- one attempt ---------------------------------------------------------- */

static CURL *stale;	/* a parent's handle after fork: kept, never used */

/* The worker's handle, reset; never one inherited across fork (its sockets are shared). */
static CURL *
get_handle(void)
{
	static CURL	*cached;
	static pid_t	 owner;
	static int	 global_done;

	if (cached != NULL && owner != getpid()) {
		stale = cached;
		cached = NULL;
	}
	if (cached != NULL) {
		curl_easy_reset(cached);
		return cached;
	}
	if (!global_done && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	global_done = 1;
	if ((cached = curl_easy_init()) != NULL)
		owner = getpid();
	return cached;
}

static int
set_long(CURL *h, CURLoption o, long v)
{
	return curl_easy_setopt(h, o, v) == CURLE_OK ? 0 : -1;
}

static int
set_ptr(CURL *h, CURLoption o, const void *v)
{
	return curl_easy_setopt(h, o, v) == CURLE_OK ? 0 : -1;
}

static const struct { CURLoption opt; long val; } fixed_opts[] = {
	{ CURLOPT_POST,			1L },
	{ CURLOPT_NOSIGNAL,		1L },
	{ CURLOPT_FOLLOWLOCATION,	0L },
	{ CURLOPT_MAXFILESIZE,		AI_HTTP_MAX_BODY },
	{ CURLOPT_TCP_KEEPALIVE,	1L },
#if LIBCURL_VERSION_NUM < 0x075500
	{ CURLOPT_PROTOCOLS,		CURLPROTO_HTTP | CURLPROTO_HTTPS },
#endif
};

static int
set_options(struct xfer *x, struct curl_slist *hdrs, long left_ms)
{
	const struct ai_http_req	*rq = x->rq;
	CURL				*h = x->h;
	size_t				 i;

	for (i = 0; i < sizeof(fixed_opts) / sizeof(fixed_opts[0]); i++)
		if (set_long(h, fixed_opts[i].opt, fixed_opts[i].val) == -1)
			return -1;
#if LIBCURL_VERSION_NUM >= 0x075500
	if (set_ptr(h, CURLOPT_PROTOCOLS_STR, "http,https") == -1)
		return -1;
#endif
	if (set_ptr(h, CURLOPT_URL, rq->url) == -1 ||
	    set_ptr(h, CURLOPT_HTTPHEADER, hdrs) == -1 ||
	    set_ptr(h, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION) == -1 ||
	    set_long(h, CURLOPT_POSTFIELDSIZE, (long)strlen(rq->body)) == -1 ||
	    set_ptr(h, CURLOPT_POSTFIELDS, rq->body) == -1 ||
	    set_long(h, CURLOPT_CONNECTTIMEOUT_MS,
	    left_ms < CONNECT_TIMEOUT_MS ? left_ms : CONNECT_TIMEOUT_MS) == -1 ||
	    set_long(h, CURLOPT_TIMEOUT_MS, left_ms) == -1 ||
	    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body) != CURLE_OK ||
	    set_ptr(h, CURLOPT_WRITEDATA, x) == -1 ||
	    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header) != CURLE_OK ||
	    set_ptr(h, CURLOPT_HEADERDATA, x) == -1)
		return -1;
	/* Only streams: a plain answer sends nothing until the model is done. */
	if (rq->on_event != NULL &&
	    (set_long(h, CURLOPT_LOW_SPEED_LIMIT, 1L) == -1 ||
	    set_long(h, CURLOPT_LOW_SPEED_TIME, stall_seconds(rq->timeout_ms)) == -1 ||
	    set_long(h, CURLOPT_NOPROGRESS, 0L) == -1 ||
	    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress) != CURLE_OK ||
	    set_ptr(h, CURLOPT_XFERINFODATA, x) == -1))
		return -1;
	return 0;
}

/* Connection failures worth another attempt (a timeout: if time is left). */
static const CURLcode retry_codes[] = {
	CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR,
	CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
	CURLE_OPERATION_TIMEDOUT, CURLE_HTTP2, CURLE_HTTP2_STREAM,
};

static int
code_retryable(CURLcode c)
{
	size_t i;

	for (i = 0; i < sizeof(retry_codes) / sizeof(retry_codes[0]); i++)
		if (retry_codes[i] == c)
			return 1;
	return 0;
}

static int
status_retryable(long st)
{
	return st == 408 || st == 409 || st == 429 || (st >= 500 && st <= 599);
}

/* What went wrong with an attempt, for the error text ("HTTP 500", "timeout after 3000 ms"). */
static void
describe(const struct xfer *x, CURLcode c, char *what, size_t len)
{
	if (c == CURLE_OK)
		snprintf(what, len, "HTTP %ld", x->status);
	else if (x->too_big)
		snprintf(what, len, "response larger than %d bytes", AI_HTTP_MAX_BODY);
	else if (c == CURLE_OPERATION_TIMEDOUT && ai_http_now_ms() >= x->rq->deadline - 5)
		snprintf(what, len, "timeout after %ld ms", x->rq->timeout_ms);
	else if (x->stalled || (c == CURLE_OPERATION_TIMEDOUT && x->rq->on_event != NULL))
		snprintf(what, len, "stream stalled (no data for %ld s)",
		    stall_seconds(x->rq->timeout_ms));
	else
		snprintf(what, len, "%s", curl_easy_strerror(c));
}

static enum outcome
attempt(struct xfer *x, struct curl_slist *hdrs, long left_ms, char *what, size_t wlen)
{
	CURLcode c;

	if (set_options(x, hdrs, left_ms) == -1) {
		snprintf(what, wlen, "cannot set up the request");
		return FAIL;
	}
	x->rs->requests++;
	c = curl_easy_perform(x->h);
	if (c == CURLE_OK &&
	    curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &x->status) != CURLE_OK)
		x->status = 0;
	x->rs->status = x->status;
	if (x->reader_failed) {
		/* The parser said why; the reader (on_event) keeps its reason itself. */
		if (x->rs->error[0] == '\0')
			snprintf(x->rs->error, sizeof(x->rs->error), "%s: stream aborted",
			    x->rq->who);
		return FAIL;
	}
	describe(x, c, what, wlen);
	if (c == CURLE_OK && x->status >= 200 && x->status <= 299) {
		x->rs->plain = x->rq->on_event != NULL && x->body_kind == 2;
		return DONE;
	}
	if (c == CURLE_OK)
		return status_retryable(x->status) ? RETRY : FAIL;
	return x->stalled || (!x->too_big && code_retryable(c)) ? RETRY : FAIL;
}

/* ---- retries -------------------------------------------------------------- */

/* Exponential backoff with full jitter: 50..100% of base * 2^n, capped. */
static int64_t
backoff_ms(int n)
{
	unsigned char	 r[2];
	int64_t		 ms = BACKOFF_BASE_MS;
	unsigned	 u;

	while (n-- > 0 && ms < BACKOFF_CAP_MS)
		ms *= 2;
	if (ms > BACKOFF_CAP_MS)
		ms = BACKOFF_CAP_MS;
	if (RAND_bytes(r, sizeof(r)) == 1)
		u = (unsigned)r[0] << 8 | r[1];
	else
		u = (unsigned)ai_http_now_ms() & 0xffff;
	return ms / 2 + (ms / 2) * (int64_t)u / 0xffff;
}

static void
sleep_ms(int64_t ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* How long to wait before attempt n+1 (n from 0); -1 when the server asked for too long. */
static int64_t
wait_ms(const struct xfer *x, int n)
{
	int64_t ra = x->retry_after_ms >= 0 ? x->retry_after_ms : x->retry_after;

	if (ra > RETRY_AFTER_MAX_MS)
		return -1;
	return ra >= 0 ? ra : backoff_ms(n);
}

static void
fail_text(struct ai_http_res *rs, const char *who, const char *what, const char *why)
{
	if (rs->requests > 1 && strncmp(what, "timeout", 7) == 0)
		snprintf(rs->error, sizeof(rs->error), "%s: %s (%d attempts)%s",
		    who, what, rs->requests, why);
	else if (rs->requests > 1)
		snprintf(rs->error, sizeof(rs->error), "%s: %s after %d attempts%s",
		    who, what, rs->requests, why);
	else
		snprintf(rs->error, sizeof(rs->error), "%s: %s%s", who, what, why);
}

static struct curl_slist *
make_headers(const char *const *lines)
{
	struct curl_slist	*l = NULL, *t;
	const char *const	*p;
	static const char *const fixed[] = { "Content-Type: application/json", "Expect:" };
	size_t			 i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		if ((t = curl_slist_append(l, fixed[i])) == NULL)
			goto fail;
		l = t;
	}
	for (p = lines; p != NULL && *p != NULL; p++) {
		if ((t = curl_slist_append(l, *p)) == NULL)
			goto fail;
		l = t;
	}
	return l;
fail:
	curl_slist_free_all(l);
	return NULL;
}

static void
xfer_reset(struct xfer *x)
{
	ai_sse_reset(&x->sse);
	buf_reset(&x->rs->body);
	x->total = 0;
	x->status = 0;
	x->retry_after = x->retry_after_ms = -1;
	x->too_big = x->stalled = x->reader_failed = 0;
	x->json_type = -1;
	x->body_kind = 0;
	x->rs->plain = 0;
	x->last_data = ai_http_now_ms();
	if (x->rq->on_attempt != NULL)
		x->rq->on_attempt(x->rq->ctx);
}

/* The attempts, until one is done, one fails for good, or retries or time run out. */
static int
run(struct xfer *x, struct curl_slist *hdrs)
{
	const struct ai_http_req	*rq = x->rq;
	char				 what[96];
	int64_t				 left, wait;
	int				 n;

	for (n = 0;; n++) {
		if ((left = rq->deadline - ai_http_now_ms()) <= 0) {
			snprintf(what, sizeof(what), "timeout after %ld ms", rq->timeout_ms);
			fail_text(x->rs, rq->who, what, "");
			return -1;
		}
		xfer_reset(x);
		switch (attempt(x, hdrs, (long)left, what, sizeof(what))) {
		case DONE:
			return 0;
		case FAIL:
			if (!x->reader_failed)
				fail_text(x->rs, rq->who, what, "");
			return -1;
		case RETRY:
			break;
		}
		if (n >= rq->max_retries || (rq->delivered != NULL && *rq->delivered) ||
		    ai_http_now_ms() >= rq->deadline) {
			fail_text(x->rs, rq->who, what, "");
			return -1;
		}
		if ((wait = wait_ms(x, n)) < 0) {
			fail_text(x->rs, rq->who, what, " (Retry-After too long)");
			return -1;
		}
		if (ai_http_now_ms() + wait >= rq->deadline) {
			fail_text(x->rs, rq->who, what, " (no time left to retry)");
			return -1;
		}
		sleep_ms(wait);
	}
}

int
ai_http_post(const struct ai_http_req *rq, struct ai_http_res *rs)
{
	struct curl_slist	*hdrs;
	struct xfer		 x;
	int			 rc;

	memset(rs, 0, sizeof(*rs));
	buf_init(&rs->body, AI_HTTP_MAX_BODY);
	memset(&x, 0, sizeof(x));
	x.rq = rq;
	x.rs = rs;
	ai_sse_init(&x.sse, rq->on_event, rq->ctx);
	if ((x.h = get_handle()) == NULL || (hdrs = make_headers(rq->headers)) == NULL) {
		snprintf(rs->error, sizeof(rs->error), "%s: cannot set up HTTP", rq->who);
		return -1;
	}
	rc = run(&x, hdrs);
	/* The handle still points at hdrs and rq->body: get_handle resets it before any use. */
	curl_slist_free_all(hdrs);
	ai_sse_free(&x.sse);
	return rc;
}
