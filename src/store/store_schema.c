/* store_schema.c: the ozzie_schema_migrations table, read (store_schema.h). */
#include "config.h"

#include "store/store.h"
#include "store/store_schema.h"

static struct db_stmt schema_version = { "schema_version",
	"SELECT coalesce(max(version), 0)::text FROM ozzie_schema_migrations", 1, 0 };

int
store_schema_version(struct store *st, int64_t *version)
{
	PGresult *res;

	if ((res = db_run(st->db, &schema_version, 0, NULL)) == NULL)
		return -1;
	*version = PQntuples(res) == 1 ? store_i64(res, 0, 0) : 0;
	PQclear(res);
	return 0;
}
