/* h_ops.c: /health and /ready. */
#include "config.h"

#include <json-c/json.h>

#include "api/h_ops.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "service/svc.h"
#include "service/svc_ops.h"

int
h_health(struct oz_app *app, struct oz_req *r)
{
	struct json_object *d = json_object_new_object();

	json_object_object_add(d, "status", json_object_new_string("ok"));
	json_object_object_add(d, "version", json_object_new_string(PACKAGE_VERSION));
	json_object_object_add(d, "pool", json_object_new_string(app->name));
	return json_out_object(r, 200, "health", d);
}

int
h_ready(struct oz_app *app, struct oz_req *r)
{
	struct readiness ready;
	struct json_object *d;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_ready(&s, &ready) == -1)
		return -1;
	d = json_object_new_object();
	json_object_object_add(d, "status", json_object_new_string("ready"));
	json_object_object_add(d, "database", json_object_new_string("ok"));
	json_object_object_add(d, "schema_version", json_object_new_int64(ready.schema_version));
	return json_out_object(r, 200, "ready", d);
}
