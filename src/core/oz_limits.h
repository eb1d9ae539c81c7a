/* oz_limits.h: every cap Ozzie enforces on input, in one place. */
#ifndef OZ_LIMITS_H
#define OZ_LIMITS_H

#define OZ_MAX_URI_LEN        8192     /* request URI, encoded */
#define OZ_MAX_PATH_SEGMENTS  16       /* router segments */
#define OZ_MAX_QUERY_PARAMS   32
#define OZ_MAX_HEADERS        64
#define OZ_MAX_HEADER_LEN     8192     /* one header line, name and value (nginx's) */
#define OZ_MAX_HEADERS_TOTAL  32768    /* all of them (nginx's 4 x 8k buffers) */
#define OZ_JSON_MAX_DEPTH     32
#define OZ_MAX_RESPONSE       (8 * 1024 * 1024)
#define OZ_MAX_REQUEST_ID     64
#define OZ_MAX_CONFIG_LINE    4096
#define OZ_MAX_SECRET_FILE    4096
#define OZ_ID_MAX             64       /* "ozz_xxxx_" + 22 chars, with room */
#define OZ_CURSOR_MAX         256
#define OZ_POOL_CHUNK         (16 * 1024)

#endif
