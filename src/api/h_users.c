/* h_users.c: create, list, get, update and delete users of the calling client. */
#include "config.h"

#include <json-c/json.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "api/h_users.h"
#include "core/currency.h"
#include "http/app.h"
#include "http/http.h"
#include "http/json_io.h"
#include "http/page.h"
#include "http/validate.h"
#include "service/svc.h"
#include "service/svc_user.h"

/* A user on the wire (DESIGN §2). */
#define USER_FIELD(key, kind, member)	{ key, kind, offsetof(struct user, member), 0 }
static const struct json_field user_fields[] = {
	USER_FIELD("id", JF_CHARS, id),
	USER_FIELD("external_user_id", JF_TEXT_OR_NULL, external_user_id),
	USER_FIELD("name", JF_TEXT_OR_NULL, name),
	USER_FIELD("email", JF_TEXT_OR_NULL, email),
	USER_FIELD("phone", JF_TEXT_OR_NULL, phone),
	USER_FIELD("language", JF_CHARS, language),
	USER_FIELD("currency", JF_CHARS, currency),
	USER_FIELD("onboarding_stage", JF_CHARS, onboarding_stage),
	USER_FIELD("points", JF_I64, points),
	USER_FIELD("created_at", JF_CHARS, created_at),
	USER_FIELD("updated_at", JF_CHARS, updated_at),
};
#define USER_NFIELDS	(sizeof(user_fields) / sizeof(user_fields[0]))

struct json_object *
user_json(const struct user *u)
{
	return json_fields_object(u, user_fields, USER_NFIELDS);
}

static int
answer(struct oz_req *r, int status, const struct user *u)
{
	return json_out_object(r, status, "user", user_json(u));
}

/* The user fields of the body, validated; creating requires external_user_id. */
static int
read_fields(struct oz_req *r, struct user_fields *f, int creating)
{
	static const char *const allowed[] = { "external_user_id", "name", "email", "phone",
	    "language", "currency", NULL };
	struct json_object *o = r->json;
	int	 rc, ext_null, name_null, email_null, phone_null, lang_null, cur_null;

	memset(f, 0, sizeof(*f));
	v_known_fields(r, o, allowed);
	rc = v_string(r, o, "external_user_id", 1, 100, &f->external_user_id, &ext_null);
	if (creating && rc == 0)
		oz_fail_detail(r, "external_user_id", "is required");
	if (!creating && (rc != 0 || ext_null))
		oz_fail_detail(r, "external_user_id", "cannot be changed");
	f->has_name = v_string(r, o, "name", 0, 200, &f->name, &name_null) == 1 || name_null;
	if (v_string(r, o, "email", 1, 254, &f->email, &email_null) == 1 && !v_is_email(f->email))
		oz_fail_detail(r, "email", "is not an email address");
	f->has_email = f->email != NULL || email_null;
	if (v_string(r, o, "phone", 1, 16, &f->phone, &phone_null) == 1 && !v_is_e164(f->phone))
		oz_fail_detail(r, "phone", "must be an E.164 number such as +5511987654321");
	f->has_phone = f->phone != NULL || phone_null;
	if ((v_string(r, o, "language", 2, 2, &f->language, &lang_null) == 1 &&
	    !v_is_language(f->language)) || lang_null)
		oz_fail_detail(r, "language", "must be one of en, pt, es");
	f->has_language = f->language != NULL;
	if ((v_string(r, o, "currency", 3, 3, &f->currency, &cur_null) == 1 &&
	    !currency_valid(f->currency)) || cur_null)
		oz_fail_detail(r, "currency", "must be an ISO 4217 code such as USD, BRL or EUR");
	f->has_currency = f->currency != NULL;
	return v_done(r);
}

int
h_users_create(struct oz_app *app, struct oz_req *r)
{
	struct user_fields f;
	struct user	 u;
	struct svc	 s;
	int		 created;

	if (read_fields(r, &f, 1) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_user_create(&s, &f, &u, &created) == -1)
		return -1;
	return answer(r, created ? 201 : 200, &u);
}

int
h_users_list(struct oz_app *app, struct oz_req *r)
{
	static const char *const filters[] = { "external_user_id", "phone", NULL };
	const char	*ext = http_req_query(r, "external_user_id", NULL);
	const char	*phone = http_req_query(r, "phone", NULL);
	struct user	*rows;
	struct page	 pg;
	struct svc	 s;
	size_t		 n;
	int		 more;

	if (ext != NULL && !svc_user_external_ok(ext))
		oz_fail_detail(r, "external_user_id", "must have 1 to 100 printable characters");
	if (phone != NULL && !v_is_e164(phone))
		oz_fail_detail(r, "phone", "must be an E.164 number such as +5511987654321");
	if (page_list_begin(app, r, "users", filters, &pg, (void **)&rows, sizeof(*rows)) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_user_list(&s, ext, phone, &pg.pos, rows, &n, &more) == -1)
		return -1;
	return page_answer_fields(app, r, &pg, rows, n, sizeof(*rows), user_fields, USER_NFIELDS,
	    PAGE_ROW_FIELDS(struct user), more);
}

int
h_users_get(struct oz_app *app, struct oz_req *r)
{
	struct user	 u;
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_user_resolve(&s, r->params[0], 1, &u) == -1)
		return -1;
	return answer(r, 200, &u);
}

int
h_users_update(struct oz_app *app, struct oz_req *r)
{
	struct user_fields f;
	struct user	 u;
	struct svc	 s;

	if (read_fields(r, &f, 0) == -1)
		return -1;
	app_svc(app, r, &s);
	if (svc_user_update(&s, r->params[0], &f, &u) == -1)
		return -1;
	return answer(r, 200, &u);
}

int
h_users_delete(struct oz_app *app, struct oz_req *r)
{
	struct svc	 s;

	app_svc(app, r, &s);
	if (svc_user_delete(&s, r->params[0]) == -1)
		return -1;
	return http_no_content(r);
}
