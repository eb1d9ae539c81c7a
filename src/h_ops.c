/* h_ops.c: /health and /ready. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "h_ops.h"
#include "http.h"
#include "json_io.h"
#include "migrate.h"
#include "num.h"

int
h_health(struct oz_app *app, struct oz_req *r)
{
	struct json_object *d = json_object_new_object();

	json_object_object_add(d, "status", json_object_new_string("ok"));
	json_object_object_add(d, "version", json_object_new_string(PACKAGE_VERSION));
	json_object_object_add(d, "pool", json_object_new_string(app->name));
	return json_out_object(r, 200, "health", d);
}

/* The schema version read by DB_SCHEMA_VERSION, against what this build needs. */
static int
ready_answer(struct oz_app *app, struct oz_req *r, PGresult *res)
{
	struct json_object *d;
	int64_t		 v;
	const char	*errstr;
	char		 msg[160];

	if (PQntuples(res) != 1 ||
	    num_parse_i64z(PQgetvalue(res, 0, 0), 0, 999999, &v, &errstr) == -1)
		return oz_fail(r, OZ_INTERNAL_ERROR, "unreadable schema version");
	if (v < migrate_latest()) {
		snprintf(msg, sizeof(msg),
		    "the database schema is at version %lld, this build needs %d: run ozzie-admin migrate",
		    (long long)v, migrate_latest());
		r->err.retry_after = app->db.retry_after;
		return oz_fail(r, OZ_SERVICE_UNAVAILABLE, msg);
	}
	d = json_object_new_object();
	json_object_object_add(d, "status", json_object_new_string("ready"));
	json_object_object_add(d, "database", json_object_new_string("ok"));
	json_object_object_add(d, "schema_version", json_object_new_int64(v));
	return json_out_object(r, 200, "ready", d);
}

/* One database round trip, which the worker may share with other /ready checks. */
int
h_ready(struct oz_app *app, struct oz_req *r)
{
	return app_query(app, r, DB_SCHEMA_VERSION, ready_answer);
}
