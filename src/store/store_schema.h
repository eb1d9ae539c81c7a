/* store_schema.h: the schema version the database is migrated to. */
#ifndef OZ_STORE_SCHEMA_H
#define OZ_STORE_SCHEMA_H

#include <stdint.h>

struct store;

/* The highest migration applied (0: none). 0/-1. */
int	store_schema_version(struct store *st, int64_t *version);

#endif
