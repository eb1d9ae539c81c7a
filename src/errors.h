/* errors.h: the contract's error codes and their HTTP statuses, as one table. */
#ifndef OZ_ERRORS_H
#define OZ_ERRORS_H

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

#endif
