/* json_io.h: JSON request bodies in, the contract's envelopes out. */
#ifndef OZ_JSON_IO_H
#define OZ_JSON_IO_H

#include <stddef.h>
#include <stdint.h>

struct json_object;
struct oz_req;

/*
 * Parse r->body into r->json: strict JSON, valid UTF-8, nesting at most
 * OZ_JSON_MAX_DEPTH, one top-level object. Returns 0, or -1 with r->err set
 * to INVALID_JSON saying what is wrong.
 */
int	json_parse_body(struct oz_req *r);

/*
 * A JSON number written exactly as the decimal text given ("1234.50"), as
 * PostgreSQL renders numeric; NULL (JSON null) when text is NULL or empty.
 */
struct json_object *json_decimal(const char *text);
/* Units of 10^-scale (123450, 2) as the exact JSON number 1234.50; NULL on error. */
struct json_object *json_money(int64_t units, int scale);
/* A JSON string, or null when text is NULL or "" (optional dates, ids). */
struct json_object *json_str_or_empty_null(const char *text);
/* A JSON string, or null when text is NULL. */
struct json_object *json_str_or_null(const char *text);

/* {"object":name,"data":data} with status; takes ownership of data. 0/-1. */
int	json_out_object(struct oz_req *r, int status, const char *name,
	    struct json_object *data);
/* {"object":"list","data":items,"pagination":{...}}; takes ownership of items. */
int	json_out_list(struct oz_req *r, struct json_object *items, int has_more,
	    const char *next_cursor);
/* Render r->err as the contract's error object, with status and headers. */
void	json_out_error(struct oz_req *r);
/* Serialise obj as the whole body with status; takes ownership. 0/-1. */
int	json_out_raw(struct oz_req *r, int status, struct json_object *obj);

#endif
