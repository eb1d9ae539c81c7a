/* h_users.c: create, list, get, update and delete users of the calling client. */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "currency.h"
#include "db.h"
#include "h_users.h"
#include "http.h"
#include "ids.h"
#include "json_io.h"
#include "num.h"
#include "page.h"
#include "validate.h"

#define EXTERNAL_PREFIX	"external:"

/* Column order of DB_USER_* results (db.c USER_COLS). */
enum { U_ID, U_EXT, U_NAME, U_EMAIL, U_PHONE, U_LANG, U_CUR, U_STAGE, U_POINTS,
	U_CREATED, U_UPDATED, U_CURSOR };

static struct json_object *
text_or_null(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL :
	    json_object_new_string(PQgetvalue(res, row, col));
}

static struct json_object *
user_json(PGresult *res, int row)
{
	struct json_object *u = json_object_new_object();
	const char *errstr;
	int64_t	 points = 0;

	(void)num_parse_i64z(PQgetvalue(res, row, U_POINTS), 0, INT64_MAX, &points, &errstr);
	json_object_object_add(u, "id", text_or_null(res, row, U_ID));
	json_object_object_add(u, "external_user_id", text_or_null(res, row, U_EXT));
	json_object_object_add(u, "name", text_or_null(res, row, U_NAME));
	json_object_object_add(u, "email", text_or_null(res, row, U_EMAIL));
	json_object_object_add(u, "phone", text_or_null(res, row, U_PHONE));
	json_object_object_add(u, "language", text_or_null(res, row, U_LANG));
	json_object_object_add(u, "currency", text_or_null(res, row, U_CUR));
	json_object_object_add(u, "onboarding_stage", text_or_null(res, row, U_STAGE));
	json_object_object_add(u, "points", json_object_new_int64(points));
	json_object_object_add(u, "created_at", text_or_null(res, row, U_CREATED));
	json_object_object_add(u, "updated_at", text_or_null(res, row, U_UPDATED));
	return u;
}

static int
valid_external_id(const char *s)
{
	size_t n = v_utf8_chars(s);

	return n >= 1 && n <= 100 && v_printable(s);
}

/* The user fields a client may set, validated; NULL pointers mean "not given". */
struct user_fields {
	const char	*external_user_id, *name, *email, *phone, *language, *currency;
	int		 name_null, email_null, phone_null, language_null, currency_null;
	int		 has_name, has_email, has_phone, has_language, has_currency;
};

static int
read_fields(struct oz_req *r, struct user_fields *f, int creating)
{
	static const char *const allowed[] = { "external_user_id", "name", "email", "phone",
	    "language", "currency", NULL };
	struct json_object *o = r->json;
	int	 rc, ext_null;

	memset(f, 0, sizeof(*f));
	v_known_fields(r, o, allowed);
	rc = v_string(r, o, "external_user_id", 1, 100, &f->external_user_id, &ext_null);
	if (creating && rc == 0)
		oz_fail_detail(r, "external_user_id", "is required");
	if (!creating && (rc != 0 || ext_null))
		oz_fail_detail(r, "external_user_id", "cannot be changed");
	f->has_name = v_string(r, o, "name", 0, 200, &f->name, &f->name_null) == 1 || f->name_null;
	if (v_string(r, o, "email", 1, 254, &f->email, &f->email_null) == 1 && !v_is_email(f->email))
		oz_fail_detail(r, "email", "is not an email address");
	f->has_email = f->email != NULL || f->email_null;
	if (v_string(r, o, "phone", 1, 16, &f->phone, &f->phone_null) == 1 && !v_is_e164(f->phone))
		oz_fail_detail(r, "phone", "must be an E.164 number such as +5511987654321");
	f->has_phone = f->phone != NULL || f->phone_null;
	if (v_string(r, o, "language", 2, 2, &f->language, &f->language_null) == 1 &&
	    !v_is_language(f->language))
		oz_fail_detail(r, "language", "must be one of en, pt, es");
	if (f->language_null)
		oz_fail_detail(r, "language", "must be one of en, pt, es");
	f->has_language = f->language != NULL;
	if (v_string(r, o, "currency", 3, 3, &f->currency, &f->currency_null) == 1 &&
	    !currency_valid(f->currency))
		oz_fail_detail(r, "currency", "must be an ISO 4217 code such as USD, BRL or EUR");
	if (f->currency_null)
		oz_fail_detail(r, "currency", "must be an ISO 4217 code such as USD, BRL or EUR");
	f->has_currency = f->currency != NULL;
	return v_done(r);
}

/* A unique violation on phone is the client's conflict, not our failure. */
static int
write_failed(struct oz_app *app, struct oz_req *r)
{
	if (strcmp(db_last_sqlstate(&app->db), "23505") == 0)
		return oz_fail(r, OZ_CONFLICT, "another user of this client has this phone number");
	return db_fail(&app->db, r);
}

static PGresult *
insert_user(struct oz_app *app, struct oz_req *r, const struct user_fields *f)
{
	char		 id[OZ_ID_MAX];
	const char	*params[8];

	if (ids_new("ozz_usr", id, sizeof(id)) == -1) {
		oz_fail(r, OZ_INTERNAL_ERROR, "cannot make an id");
		return NULL;
	}
	params[0] = r->client_id;
	params[1] = id;
	params[2] = f->external_user_id;
	params[3] = f->name;
	params[4] = f->email;
	params[5] = f->phone;
	params[6] = f->language ? f->language : "en";
	params[7] = f->currency ? f->currency : app->cfg->default_currency;
	return db_exec(&app->db, DB_USER_INSERT, 8, params);
}

static PGresult *
get_by_external(struct oz_app *app, struct oz_req *r, const char *ext)
{
	const char *params[2] = { r->client_id, ext };

	return db_exec(&app->db, DB_USER_GET_EXT, 2, params);
}

PGresult *
user_resolve(struct oz_app *app, struct oz_req *r, const char *param, int create)
{
	const char	*params[2];
	PGresult	*res;

	if (strncmp(param, EXTERNAL_PREFIX, strlen(EXTERNAL_PREFIX)) == 0) {
		struct user_fields f;
		const char *ext = param + strlen(EXTERNAL_PREFIX);

		if (!valid_external_id(ext)) {
			oz_fail_detail(r, "user_id", "external ids have 1 to 100 printable characters");
			oz_fail(r, OZ_VALIDATION_ERROR, "invalid user id");
			return NULL;
		}
		if ((res = get_by_external(app, r, ext)) == NULL) {
			db_fail(&app->db, r);
			return NULL;
		}
		if (PQntuples(res) == 1 || !create)
			goto found;
		PQclear(res);
		memset(&f, 0, sizeof(f));
		f.external_user_id = ext;
		if ((res = insert_user(app, r, &f)) == NULL) {
			write_failed(app, r);
			return NULL;
		}
		if (PQntuples(res) == 1)
			return res;
		/* Created concurrently by another request: read it. */
		PQclear(res);
		if ((res = get_by_external(app, r, ext)) == NULL) {
			db_fail(&app->db, r);
			return NULL;
		}
		goto found;
	}
	if (!ids_valid("ozz_usr", param)) {
		oz_fail(r, OZ_NOT_FOUND, "no such user");
		return NULL;
	}
	params[0] = r->client_id;
	params[1] = param;
	if ((res = db_exec(&app->db, DB_USER_GET, 2, params)) == NULL) {
		db_fail(&app->db, r);
		return NULL;
	}
found:
	if (PQntuples(res) != 1) {
		PQclear(res);
		oz_fail(r, OZ_NOT_FOUND, "no such user");
		return NULL;
	}
	return res;
}

int
user_id_of(struct oz_app *app, struct oz_req *r, char *id, size_t idlen)
{
	PGresult *res = user_resolve(app, r, r->params[0], 1);

	if (res == NULL)
		return -1;
	snprintf(id, idlen, "%s", PQgetvalue(res, 0, U_ID));
	PQclear(res);
	return 0;
}

int
user_ref_of(struct oz_app *app, struct oz_req *r, struct user_ref *u, int create)
{
	PGresult *res = user_resolve(app, r, r->params[0], create);

	if (res == NULL)
		return -1;
	snprintf(u->id, sizeof(u->id), "%s", PQgetvalue(res, 0, U_ID));
	snprintf(u->language, sizeof(u->language), "%s", PQgetvalue(res, 0, U_LANG));
	snprintf(u->currency, sizeof(u->currency), "%s", PQgetvalue(res, 0, U_CUR));
	PQclear(res);
	return 0;
}

int
h_users_create(struct oz_app *app, struct oz_req *r)
{
	struct user_fields f;
	PGresult	*res;
	int		 status = 201, rc;

	if (read_fields(r, &f, 1) == -1)
		return -1;
	if ((res = insert_user(app, r, &f)) == NULL)
		return write_failed(app, r);
	if (PQntuples(res) == 0) {
		/* The external id exists: answer with that user, unchanged. */
		PQclear(res);
		if ((res = get_by_external(app, r, f.external_user_id)) == NULL)
			return db_fail(&app->db, r);
		if (PQntuples(res) != 1) {
			PQclear(res);
			return oz_fail(r, OZ_CONFLICT, "the user changed concurrently; retry");
		}
		status = 200;
	}
	rc = json_out_object(r, status, "user", user_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_users_list(struct oz_app *app, struct oz_req *r)
{
	const char	*ext = http_req_query(r, "external_user_id", NULL);
	const char	*params[5];
	char		 scope[400];
	struct page	 pg;
	PGresult	*res;
	int		 rc;

	if (ext != NULL && !valid_external_id(ext)) {
		oz_fail_detail(r, "external_user_id", "must have 1 to 100 printable characters");
		return oz_fail(r, OZ_VALIDATION_ERROR, "invalid filter");
	}
	snprintf(scope, sizeof(scope), "users|%s|%s%.200s", r->client_id, ext ? "e:" : "",
	    ext ? ext : "");
	if (page_begin(app, r, scope, &pg) == -1)
		return -1;
	params[0] = r->client_id;
	params[1] = ext;
	params[2] = page_ts_param(&pg);
	params[3] = page_id_param(&pg);
	params[4] = pg.limit_plus_one;
	if ((res = db_exec(&app->db, DB_USER_LIST, 5, params)) == NULL)
		return db_fail(&app->db, r);
	rc = page_render(app, r, &pg, res, user_json, U_ID, U_CURSOR);
	PQclear(res);
	return rc;
}

int
h_users_get(struct oz_app *app, struct oz_req *r)
{
	PGresult *res = user_resolve(app, r, r->params[0], 1);
	int	 rc;

	if (res == NULL)
		return -1;
	rc = json_out_object(r, 200, "user", user_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_users_update(struct oz_app *app, struct oz_req *r)
{
	struct user_fields f;
	const char	*params[12];
	PGresult	*res;
	char		 id[OZ_ID_MAX];
	int		 rc;

	if (read_fields(r, &f, 0) == -1)
		return -1;
	if ((res = user_resolve(app, r, r->params[0], 1)) == NULL)
		return -1;
	snprintf(id, sizeof(id), "%s", PQgetvalue(res, 0, U_ID));
	PQclear(res);
	params[0] = r->client_id;
	params[1] = id;
	params[2] = f.has_name ? "t" : "f";
	params[3] = f.name;
	params[4] = f.has_email ? "t" : "f";
	params[5] = f.email;
	params[6] = f.has_phone ? "t" : "f";
	params[7] = f.phone;
	params[8] = f.has_language ? "t" : "f";
	params[9] = f.language;
	params[10] = f.has_currency ? "t" : "f";
	params[11] = f.currency;
	if ((res = db_exec(&app->db, DB_USER_UPDATE, 12, params)) == NULL)
		return write_failed(app, r);
	if (PQntuples(res) != 1) {
		PQclear(res);
		return oz_fail(r, OZ_NOT_FOUND, "no such user");
	}
	rc = json_out_object(r, 200, "user", user_json(res, 0));
	PQclear(res);
	return rc;
}

int
h_users_delete(struct oz_app *app, struct oz_req *r)
{
	const char	*params[2];
	PGresult	*res;
	char		 id[OZ_ID_MAX];

	/* Deleting never creates: an unknown external id is simply not found. */
	if ((res = user_resolve(app, r, r->params[0], 0)) == NULL)
		return -1;
	snprintf(id, sizeof(id), "%s", PQgetvalue(res, 0, U_ID));
	PQclear(res);
	params[0] = r->client_id;
	params[1] = id;
	return db_delete_or_404(&app->db, r, DB_USER_DELETE, 2, params, "user");
}
