/*
 * validate.h: field validation of JSON request objects. Each check adds a
 * {"field","message"} detail to the request's error and returns -1; the
 * handler finishes with v_done(), which fails with VALIDATION_ERROR if any
 * detail was added, so one response names every bad field at once.
 */
#ifndef OZ_VALIDATE_H
#define OZ_VALIDATE_H

#include <stddef.h>

struct json_object;
struct oz_req;

/* Fields not in the NULL-terminated allowed list are named as unknown. */
int	v_known_fields(struct oz_req *r, struct json_object *obj, const char *const *allowed);
/*
 * A string field of min..max characters (code points), printable (no control
 * characters), valid UTF-8. Returns 1 (set *out), 0 (absent or null: *is_null
 * tells which), or -1 (detail added).
 */
int	v_string(struct oz_req *r, struct json_object *obj, const char *field, size_t min,
	    size_t max, const char **out, int *is_null);
/* Shapes, on a string already taken. 1 if fine. */
int	v_is_email(const char *s);
int	v_is_e164(const char *s);
int	v_is_language(const char *s);
/* Unicode code points in a valid UTF-8 string. */
size_t	v_utf8_chars(const char *s);
/* 1 if s (valid UTF-8) has no control characters (C0, DEL, C1). */
int	v_printable(const char *s);
/* -1 with VALIDATION_ERROR if any detail was added, else 0. */
int	v_done(struct oz_req *r);

#endif
