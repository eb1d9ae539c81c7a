/* pool.h: a per-request arena; everything in it is freed at once (after ngx_palloc). */
#ifndef OZ_POOL_H
#define OZ_POOL_H

#include <stddef.h>

struct pool_chunk;

struct pool {
	struct pool_chunk *head;	/* current chunk; older ones follow */
	struct pool_chunk *first;	/* kept across pool_reset */
	size_t		   total;	/* bytes held beyond the first chunk */
};

/* An empty pool; its first chunk is allocated on first use and kept by pool_reset. */
void	 pool_init(struct pool *p);
/* n bytes aligned for any type, NULL on OOM; valid until pool_reset/pool_free. */
void	*pool_alloc(struct pool *p, size_t n);
/* A copy of the n bytes at s, NUL-terminated; NULL on OOM. */
char	*pool_strndup(struct pool *p, const char *s, size_t n);
char	*pool_strdup(struct pool *p, const char *s);
/* Drop everything but the first chunk, so a worker's footprint stays flat. */
void	 pool_reset(struct pool *p);
void	 pool_free(struct pool *p);

#endif
