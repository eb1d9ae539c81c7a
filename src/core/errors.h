/*
 * errors.h: the contract's error codes and their HTTP statuses, as one
 * table, and the error a failed action carries up to whoever answers for it
 * (a handler renders it; ozzie-jobd and the WhatsApp path word it their way).
 */
#ifndef OZ_ERRORS_H
#define OZ_ERRORS_H

#include <stddef.h>

struct pool;

enum oz_code {
	OZ_OK = 0,
	OZ_BAD_REQUEST,
	OZ_INVALID_JSON,
	OZ_UNAUTHORIZED,
	OZ_FORBIDDEN,
	OZ_NOT_FOUND,
	OZ_METHOD_NOT_ALLOWED,
	OZ_CONFLICT,
	OZ_INTAKE_REQUIRED,
	OZ_PLAN_REQUIRED,
	OZ_IDEMPOTENCY_KEY_REUSED,
	OZ_PAYLOAD_TOO_LARGE,
	OZ_URI_TOO_LONG,
	OZ_HEADERS_TOO_LARGE,
	OZ_UNSUPPORTED_MEDIA_TYPE,
	OZ_VALIDATION_ERROR,
	OZ_UNPROCESSABLE_DOCUMENT,
	OZ_RATE_LIMITED,
	OZ_INTERNAL_ERROR,
	OZ_AI_PROVIDER_ERROR,
	OZ_SERVICE_UNAVAILABLE,
	OZ_CODE_COUNT
};

/* "VALIDATION_ERROR" for OZ_VALIDATION_ERROR, and so on. */
const char	*oz_code_name(enum oz_code c);
/* The HTTP status the contract gives the code. */
int		 oz_code_status(enum oz_code c);
/* The reason phrase of an HTTP status ("Unprocessable Content"), or "Unknown". */
const char	*oz_status_reason(int status);

#define OZ_MAX_ERR_DETAILS	32

struct oz_detail {
	const char	*field;
	const char	*message;
};

/* What went wrong: a code, a message for people, and per-field details. */
struct oz_error {
	enum oz_code	 code;
	const char	*message;
	struct oz_detail details[OZ_MAX_ERR_DETAILS];
	size_t		 ndetails;
	int		 retry_after;	/* seconds, 0: none */
	const char	*allow;		/* 405: the Allow header */
};

/*
 * Record code and message (copied into p) unless an error is already there:
 * the first error wins, later ones are usually its consequences. Returns -1,
 * so a caller can "return oz_err_set(…)".
 */
int	oz_err_set(struct oz_error *e, struct pool *p, enum oz_code code,
	    const char *message);
/* Add a {"field","message"} detail (strings copied into p); ignored when full. */
void	oz_err_detail(struct oz_error *e, struct pool *p, const char *field,
	    const char *message);

#endif
