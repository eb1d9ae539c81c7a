/* json_io.h: JSON request bodies in, the contract's envelopes out. */
#ifndef OZ_JSON_IO_H
#define OZ_JSON_IO_H

#include <stddef.h>
#include <stdint.h>

struct buf;
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

/*
 * A row type's fields, in the order they are rendered: a table renders a row
 * both as a json-c object (json_fields_object) and straight into a response
 * (json_fields_write, for lists), the same bytes either way.
 */
enum json_field_kind {
	JF_CHARS,		/* char[]: a string */
	JF_CHARS_OR_NULL,	/* char[]: a string, null when "" */
	JF_TEXT_OR_NULL,	/* const char *: a string, null when NULL */
	JF_I64,			/* int64_t */
	JF_INT_DECIMAL		/* int in units of 10^-scale: an exact number (json_money) */
};
struct json_field {
	const char	*key;
	enum json_field_kind kind;
	size_t		 off;		/* offsetof the member */
	int		 scale;		/* JF_INT_DECIMAL */
};
/* The row at row as a new JSON object of the n fields; NULL on no memory. */
struct json_object *json_fields_object(const void *row, const struct json_field *f, size_t n);
/* The same object appended to b; -1 (b as it was) as json_write. */
int	json_fields_write(struct buf *b, const void *row, const struct json_field *f, size_t n);
/*
 * json_out_list of n rows of size bytes rendered by their fields, written
 * straight into the response (no json-c objects); the same bytes. 0/-1.
 */
int	json_out_list_fields(struct oz_req *r, const void *rows, size_t n, size_t size,
	    const struct json_field *f, size_t nf, int has_more, const char *next_cursor);

/* {"object":name,"data":data} with status; takes ownership of data. 0/-1. */
int	json_out_object(struct oz_req *r, int status, const char *name,
	    struct json_object *data);
/* {"object":"list","data":items,"pagination":{...}}; takes ownership of items. */
int	json_out_list(struct oz_req *r, struct json_object *items, int has_more,
	    const char *next_cursor);
/* Render r->err as the contract's error object, with status and headers. */
void	json_out_error(struct oz_req *r);
/*
 * Append obj (NULL: null) to b as json-c prints it with JSON_C_TO_STRING_PLAIN
 * | JSON_C_TO_STRING_NOSLASHESCAPE, byte for byte; -1 (b as it was) when b's
 * maximum or memory runs out.
 */
int	json_write(struct buf *b, struct json_object *obj);
/* Serialise obj as the whole body with status; takes ownership. 0/-1. */
int	json_out_raw(struct oz_req *r, int status, struct json_object *obj);

#endif
