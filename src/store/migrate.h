/* migrate.h: schema migrations compiled in from sql/NNN_name.sql. */
#ifndef OZ_MIGRATE_H
#define OZ_MIGRATE_H

#include <libpq-fe.h>
#include <stddef.h>

struct oz_migration {
	int		 version;	/* NNN */
	const char	*name;		/* "001_clients" */
	const char	*sql;
};

extern const struct oz_migration oz_migrations[];	/* ascending */
extern const size_t oz_nmigrations;

/* The highest version this build knows. */
int	migrate_latest(void);
/* The version the database is at (0: none applied); -1 with err on failure. */
int	migrate_current(PGconn *conn, char *err, size_t errlen);
/*
 * Apply every pending migration in order, each in its own transaction, under
 * a session advisory lock so concurrent runs serialise. Refuses a database
 * whose recorded version is newer than this build knows, or whose recorded
 * names differ from ours. Sets *from and *to; 0, or -1 with err.
 */
int	migrate_apply(PGconn *conn, int *from, int *to, char *err, size_t errlen);

#endif
