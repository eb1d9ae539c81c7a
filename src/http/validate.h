/*
 * validate.h: field validation of JSON request objects. Each check adds a
 * {"field","message"} detail to the request's error and returns -1; the
 * handler finishes with v_done(), which fails with VALIDATION_ERROR if any
 * detail was added, so one response names every bad field at once.
 */
#ifndef OZ_VALIDATE_H
#define OZ_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

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
/*
 * A JSON number in major units with at most two decimals, exactly as sent
 * (json-c keeps the text of numbers), into cents within [min, max] cents.
 * Returns 1 (set *cents), 0 (absent or null), or -1 (detail added).
 */
int	v_money(struct oz_req *r, struct json_object *obj, const char *field, int64_t min,
	    int64_t max, int64_t *cents, int *is_null);
/* A JSON integer in [min, max]: 1, 0 (absent/null), -1 (detail added). */
int	v_int(struct oz_req *r, struct json_object *obj, const char *field, int64_t min,
	    int64_t max, int64_t *out, int *is_null);
/* A YYYY-MM-DD date that exists, years 1900..2200: 1, 0, -1 (detail added). */
int	v_date(struct oz_req *r, struct json_object *obj, const char *field, const char **out,
	    int *is_null);
/* One of the NULL-terminated values: 1, 0, -1 (detail added). */
int	v_enum(struct oz_req *r, struct json_object *obj, const char *field,
	    const char *const *values, const char **out, int *is_null);
/* 1 if s is a real calendar date "YYYY-MM-DD" (years 1900..2200). */
int	v_is_date(const char *s);
/* Free text of 1..max characters: like v_string, but newlines and tabs are allowed. */
int	v_text(struct oz_req *r, struct json_object *obj, const char *field, size_t max,
	    const char **out);
/* 1 if s is one of the NULL-terminated values. */
int	v_is_one_of(const char *s, const char *const *values);
/* Shapes, on a string already taken. 1 if fine. */
int	v_is_email(const char *s);
int	v_is_e164(const char *s);
int	v_is_language(const char *s);
/*
 * Query parameters not in the NULL-terminated known list are named as
 * unknown (DESIGN §2: never silently ignored); a parameter given twice too.
 */
void	v_known_query(struct oz_req *r, const char *const *known);
/* -1 with VALIDATION_ERROR if any detail was added, else 0. */
int	v_done(struct oz_req *r);

#endif
