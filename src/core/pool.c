/* pool.c: bump allocator in chunks; large requests get a chunk of their own. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/oz_limits.h"
#include "core/pool.h"

struct pool_chunk {
	struct pool_chunk *next;
	size_t		   size;
	size_t		   used;
	max_align_t	   data[];
};

#define ALIGN(n) (((n) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1))

void
pool_init(struct pool *p)
{
	p->head = p->first = NULL;
	p->total = 0;
}

static struct pool_chunk *
chunk_new(size_t size)
{
	struct pool_chunk *c;

	if (size > SIZE_MAX - sizeof(*c))
		return NULL;
	if ((c = malloc(sizeof(*c) + size)) == NULL)
		return NULL;
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

void *
pool_alloc(struct pool *p, size_t n)
{
	struct pool_chunk *c;
	size_t		   need;
	void		  *ptr;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2)
		return NULL;
	need = ALIGN(n);
	if (p->head == NULL) {
		if ((p->first = chunk_new(OZ_POOL_CHUNK)) == NULL)
			return NULL;
		p->head = p->first;
	}
	c = p->head;
	if (c->size - c->used < need) {
		if ((c = chunk_new(need > OZ_POOL_CHUNK ? need : OZ_POOL_CHUNK)) == NULL)
			return NULL;
		c->next = p->head;
		p->head = c;
		p->total += c->size;
	}
	ptr = (char *)c->data + c->used;
	c->used += need;
	return ptr;
}

char *
pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *d;

	if ((d = pool_alloc(p, n + 1)) == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
pool_strdup(struct pool *p, const char *s)
{
	return pool_strndup(p, s, strlen(s));
}

void
pool_reset(struct pool *p)
{
	struct pool_chunk *c, *next;

	for (c = p->head; c != NULL && c != p->first; c = next) {
		next = c->next;
		free(c);
	}
	p->head = p->first;
	if (p->first)
		p->first->used = 0;
	p->total = 0;
}

void
pool_free(struct pool *p)
{
	pool_reset(p);
	free(p->first);
	p->head = p->first = NULL;
}
