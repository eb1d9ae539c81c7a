/* errors.c: error code table (DESIGN §2) and HTTP reason phrases. */
#include "config.h"

#include <stddef.h>

#include "core/errors.h"
#include "core/pool.h"

static const struct {
	const char	*name;
	int		 status;
} codes[OZ_CODE_COUNT] = {
	[OZ_OK]				= { "OK", 200 },
	[OZ_BAD_REQUEST]		= { "BAD_REQUEST", 400 },
	[OZ_INVALID_JSON]		= { "INVALID_JSON", 400 },
	[OZ_UNAUTHORIZED]		= { "UNAUTHORIZED", 401 },
	[OZ_FORBIDDEN]			= { "FORBIDDEN", 403 },
	[OZ_NOT_FOUND]			= { "NOT_FOUND", 404 },
	[OZ_METHOD_NOT_ALLOWED]		= { "METHOD_NOT_ALLOWED", 405 },
	[OZ_CONFLICT]			= { "CONFLICT", 409 },
	[OZ_INTAKE_REQUIRED]		= { "INTAKE_REQUIRED", 409 },
	[OZ_PLAN_REQUIRED]		= { "PLAN_REQUIRED", 409 },
	[OZ_IDEMPOTENCY_KEY_REUSED]	= { "IDEMPOTENCY_KEY_REUSED", 422 },
	[OZ_PAYLOAD_TOO_LARGE]		= { "PAYLOAD_TOO_LARGE", 413 },
	[OZ_URI_TOO_LONG]		= { "URI_TOO_LONG", 414 },
	[OZ_HEADERS_TOO_LARGE]		= { "HEADERS_TOO_LARGE", 431 },
	[OZ_UNSUPPORTED_MEDIA_TYPE]	= { "UNSUPPORTED_MEDIA_TYPE", 415 },
	[OZ_VALIDATION_ERROR]		= { "VALIDATION_ERROR", 422 },
	[OZ_UNPROCESSABLE_DOCUMENT]	= { "UNPROCESSABLE_DOCUMENT", 422 },
	[OZ_RATE_LIMITED]		= { "RATE_LIMITED", 429 },
	[OZ_INTERNAL_ERROR]		= { "INTERNAL_ERROR", 500 },
	[OZ_AI_PROVIDER_ERROR]		= { "AI_PROVIDER_ERROR", 502 },
	[OZ_SERVICE_UNAVAILABLE]	= { "SERVICE_UNAVAILABLE", 503 },
};

const char *
oz_code_name(enum oz_code c)
{
	return (unsigned)c < OZ_CODE_COUNT ? codes[c].name : "INTERNAL_ERROR";
}

int
oz_code_status(enum oz_code c)
{
	return (unsigned)c < OZ_CODE_COUNT ? codes[c].status : 500;
}

static const struct {
	int		 status;
	const char	*reason;
} reasons[] = {
	{ 200, "OK" }, { 201, "Created" }, { 202, "Accepted" }, { 204, "No Content" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" },
	{ 404, "Not Found" }, { 405, "Method Not Allowed" }, { 409, "Conflict" },
	{ 413, "Content Too Large" }, { 414, "URI Too Long" }, { 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" }, { 429, "Too Many Requests" },
	{ 431, "Request Header Fields Too Large" },
	{ 500, "Internal Server Error" }, { 502, "Bad Gateway" },
	{ 503, "Service Unavailable" }, { 504, "Gateway Timeout" },
};

const char *
oz_status_reason(int status)
{
	size_t i;

	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].status == status)
			return reasons[i].reason;
	return "Unknown";
}

int
oz_err_set(struct oz_error *e, struct pool *p, enum oz_code code, const char *message)
{
	if (e->code == OZ_OK) {
		e->code = code;
		e->message = pool_strdup(p, message);
	}
	return -1;
}

void
oz_err_detail(struct oz_error *e, struct pool *p, const char *field, const char *message)
{
	struct oz_detail *d;

	if (e->ndetails == OZ_MAX_ERR_DETAILS)
		return;
	d = &e->details[e->ndetails];
	d->field = pool_strdup(p, field);
	d->message = pool_strdup(p, message);
	if (d->field && d->message)
		e->ndetails++;
}
