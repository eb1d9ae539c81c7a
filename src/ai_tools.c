/*
 * ai_tools.c: the read-only tools a model (or the local coach) uses to read
 * one user's data. The user and client come from the server (struct
 * ai_tool_ctx), never from the arguments: arguments naming a user, or any
 * argument a tool does not know, are refused with {"error": …}.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "ai.h"
#include "ai_tools.h"
#include "app.h"
#include "categorize.h"
#include "civil.h"
#include "currency.h"
#include "db.h"
#include "http.h"
#include "json_io.h"
#include "num.h"
#include "validate.h"

#define PERIODS "today|yesterday|this_week|last_week|this_month|last_month|" \
	"last_7_days|last_30_days|last_90_days|this_year"
#define CATEGORY_ENUM "[\"food\",\"transport\",\"housing\",\"utilities\",\"health\"," \
	"\"entertainment\",\"education\",\"clothing\",\"income\",\"other\"]"
#define NO_ARGS "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"

const struct ai_tool_def ai_tools[] = {
	{ "get_spending_summary",
	  "Total spending of the user in a period, by category (income is reported apart). "
	  "Use for questions like 'how much did I spend on food last month'.",
	  "{\"type\":\"object\",\"properties\":{"
	  "\"period\":{\"type\":\"string\",\"enum\":[\"today\",\"yesterday\",\"this_week\","
	  "\"last_week\",\"this_month\",\"last_month\",\"last_7_days\",\"last_30_days\","
	  "\"last_90_days\",\"this_year\"],\"description\":\"default this_month; weeks start on Monday\"},"
	  "\"from\":{\"type\":\"string\",\"format\":\"date\",\"description\":\"YYYY-MM-DD, with to; overrides period\"},"
	  "\"to\":{\"type\":\"string\",\"format\":\"date\"},"
	  "\"category\":{\"type\":\"string\",\"enum\":" CATEGORY_ENUM "}},"
	  "\"additionalProperties\":false}" },
	{ "list_transactions",
	  "The user's transactions, newest first, at most 50.",
	  "{\"type\":\"object\",\"properties\":{"
	  "\"category\":{\"type\":\"string\",\"enum\":" CATEGORY_ENUM "},"
	  "\"from\":{\"type\":\"string\",\"format\":\"date\"},"
	  "\"to\":{\"type\":\"string\",\"format\":\"date\"},"
	  "\"search\":{\"type\":\"string\",\"maxLength\":60,\"description\":\"words in the description or merchant\"},"
	  "\"type\":{\"type\":\"string\",\"enum\":[\"spending\",\"income\",\"all\"]},"
	  "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":50}},"
	  "\"additionalProperties\":false}" },
	{ "get_plan", "The user's latest financial plan: summary, allocations, key metrics, "
	  "action items.", NO_ARGS },
	{ "get_goals", "The user's goals with target, current amount and dates.", NO_ARGS },
	{ "get_intake", "The user's latest monthly financial intake: income, expenses, "
	  "surplus, savings and debt.", NO_ARGS },
	{ "get_money_moves", "The user's current money-move cycle (tasks to do, learn and "
	  "reflect on) and points.", NO_ARGS },
	{ NULL, NULL, NULL }
};

static struct json_object *
tool_error(const char *msg)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "error", json_object_new_string(msg));
	return o;
}

static long
digits_at(const char *s, size_t n)
{
	long	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* A real date "YYYY-MM-DD" (v_is_date checks the shape and the calendar). */
static int
parse_date(const char *s, long *days)
{
	if (s == NULL || !v_is_date(s))
		return -1;
	*days = civil_days(digits_at(s, 4), digits_at(s + 5, 2), digits_at(s + 8, 2));
	return 0;
}

static void
format_date(long days, char out[11])
{
	long	 y, m, d;
	char	 buf[64];

	civil_date(days, &y, &m, &d);
	snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", y % 10000, m % 100, d % 100);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

int
ai_date_add(const char *date, long days, char out[11])
{
	long	 z;

	if (parse_date(date, &z) == -1)
		return -1;
	format_date(z + days, out);
	return 0;
}

/* The [from, to] days of a named period around today; -1 for an unknown name. */
static int
period_range(const char *period, long today, long *from, long *to)
{
	long	 y, m, d, dow = ((today % 7) + 7 + 3) % 7;	/* 0 = Monday */

	civil_date(today, &y, &m, &d);
	*to = today;
	if (strcmp(period, "today") == 0)
		*from = today;
	else if (strcmp(period, "yesterday") == 0)
		*from = *to = today - 1;
	else if (strcmp(period, "this_week") == 0)
		*from = today - dow;
	else if (strcmp(period, "last_week") == 0) {
		*from = today - dow - 7;
		*to = today - dow - 1;
	} else if (strcmp(period, "this_month") == 0)
		*from = civil_days(y, m, 1);
	else if (strcmp(period, "last_month") == 0) {
		*to = civil_days(y, m, 1) - 1;
		*from = m == 1 ? civil_days(y - 1, 12, 1) : civil_days(y, m - 1, 1);
	} else if (strcmp(period, "last_7_days") == 0)
		*from = today - 6;
	else if (strcmp(period, "last_30_days") == 0)
		*from = today - 29;
	else if (strcmp(period, "last_90_days") == 0)
		*from = today - 89;
	else if (strcmp(period, "this_year") == 0)
		*from = civil_days(y, 1, 1);
	else
		return -1;
	return 0;
}

/*
 * Check args against a tool's known keys (NULL-terminated). A user id in any
 * form is refused by name, so a hostile model learns nothing else.
 */
static const char *
check_keys(struct json_object *args, const char *const *known)
{
	size_t	 i;

	if (!json_object_is_type(args, json_type_object))
		return "invalid arguments: an object is required";
	json_object_object_foreach(args, key, val) {
		(void)val;
		if (strstr(key, "user") != NULL || strstr(key, "client") != NULL)
			return "refused: these tools read only the current user's data; "
			    "no user or client can be named";
		for (i = 0; known && known[i]; i++)
			if (strcmp(key, known[i]) == 0)
				break;
		if (known == NULL || known[i] == NULL)
			return "invalid arguments: unknown argument";
	}
	return NULL;
}

/* A string argument, absent (NULL, 0), or wrong (-1). */
static int
arg_string(struct json_object *args, const char *key, const char **out)
{
	struct json_object *v;

	*out = NULL;
	if (!json_object_object_get_ex(args, key, &v) || v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_string))
		return -1;
	*out = json_object_get_string(v);
	return 0;
}

static int
digits_of(const char *currency)
{
	int d = currency_minor_units(currency);

	return d >= 0 ? d : 2;
}

/* Run a statement whose one row, one column is JSON text; parse it. */
static struct json_object *
json_query(struct ai_tool_ctx *t, enum db_stmt stmt, int n, const char *const *params)
{
	struct json_object *o = NULL;
	PGresult	*res;

	if ((res = db_exec(&t->app->db, stmt, n, params)) == NULL) {
		t->db_failed = 1;
		return NULL;
	}
	if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0))
		o = json_tokener_parse(PQgetvalue(res, 0, 0));
	PQclear(res);
	return o;
}

/* Dates from args (from/to, or period) into from/to text; an error message or NULL. */
static const char *
arg_range(struct ai_tool_ctx *t, struct json_object *args, const char **period,
    char from[11], char to[11], int need)
{
	const char	*f, *e;
	long		 today, a, b;

	if (parse_date(t->today, &today) == -1)
		return "internal: bad date";
	if (arg_string(args, "period", period) == -1 || arg_string(args, "from", &f) == -1 ||
	    arg_string(args, "to", &e) == -1)
		return "invalid arguments: period, from and to are strings";
	if ((f == NULL) != (e == NULL))
		return "invalid arguments: give both from and to, or neither";
	if (f != NULL) {
		if (parse_date(f, &a) == -1 || parse_date(e, &b) == -1)
			return "invalid arguments: from and to are dates YYYY-MM-DD";
		if (a > b)
			return "invalid arguments: from is after to";
		*period = "custom";
	} else if (*period != NULL || need) {
		if (*period == NULL)
			*period = "this_month";
		if (period_range(*period, today, &a, &b) == -1)
			return "invalid arguments: period is one of " PERIODS;
	} else {
		from[0] = to[0] = '\0';
		return NULL;
	}
	format_date(a, from);
	format_date(b, to);
	return NULL;
}

static const char *
arg_category(struct json_object *args, const char **cat)
{
	enum category c;

	if (arg_string(args, "category", cat) == -1 ||
	    (*cat != NULL && category_parse(*cat, &c) == -1))
		return "invalid arguments: category is one of food, transport, housing, "
		    "utilities, health, entertainment, education, clothing, income, other";
	return NULL;
}

static struct json_object *
tool_spending(struct ai_tool_ctx *t, struct json_object *args)
{
	static const char *const known[] = { "period", "from", "to", "category", NULL };
	const char	*err, *period = NULL, *cat = NULL, *params[7];
	char		 from[11], to[11], digits[12];
	struct json_object *o;

	if ((err = check_keys(args, known)) != NULL ||
	    (err = arg_range(t, args, &period, from, to, 1)) != NULL ||
	    (err = arg_category(args, &cat)) != NULL)
		return tool_error(err);
	snprintf(digits, sizeof(digits), "%d", digits_of(t->currency));
	params[0] = t->r->client_id;
	params[1] = t->user_id;
	params[2] = t->currency;
	params[3] = from;
	params[4] = to;
	params[5] = cat;
	params[6] = digits;
	if ((o = json_query(t, DB_AI_SPEND, 7, params)) == NULL)
		return tool_error("the data is unavailable right now");
	json_object_object_add(o, "period", json_object_new_string(period));
	json_object_object_add(o, "from", json_object_new_string(from));
	json_object_object_add(o, "to", json_object_new_string(to));
	json_object_object_add(o, "currency", json_object_new_string(t->currency));
	json_object_object_add(o, "category", cat ? json_object_new_string(cat) : NULL);
	return o;
}

/* A minor-unit amount as an exact JSON number in major units. */
static struct json_object *
major_json(const char *cents, const char *currency)
{
	const char	*errstr;
	char		 buf[32];
	int64_t		 v;

	if (num_parse_i64z(cents, 0, INT64_MAX, &v, &errstr) == -1 ||
	    num_format_decimal(v, digits_of(currency), buf, sizeof(buf)) == -1)
		return NULL;
	return json_decimal(buf);
}

static struct json_object *
txn_row(PGresult *res, int i)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(PQgetvalue(res, i, 0)));
	json_object_object_add(o, "date", json_object_new_string(PQgetvalue(res, i, 1)));
	json_object_object_add(o, "description", json_object_new_string(PQgetvalue(res, i, 2)));
	json_object_object_add(o, "merchant", PQgetisnull(res, i, 3) ? NULL :
	    json_object_new_string(PQgetvalue(res, i, 3)));
	json_object_object_add(o, "category", json_object_new_string(PQgetvalue(res, i, 4)));
	json_object_object_add(o, "amount", major_json(PQgetvalue(res, i, 5),
	    PQgetvalue(res, i, 6)));
	json_object_object_add(o, "currency", json_object_new_string(PQgetvalue(res, i, 6)));
	return o;
}

static const char *
txn_args(struct json_object *args, const char **type, const char **search, int64_t *limit)
{
	static const char *const types[] = { "spending", "income", "all", NULL };
	struct json_object *v;
	size_t		 i;

	if (arg_string(args, "type", type) == -1 || arg_string(args, "search", search) == -1)
		return "invalid arguments: type and search are strings";
	if (*type == NULL)
		*type = "all";
	for (i = 0; types[i] && strcmp(types[i], *type) != 0; i++)
		;
	if (types[i] == NULL)
		return "invalid arguments: type is spending, income or all";
	if (*search && (strlen(*search) > 60 || !v_printable(*search) || **search == '\0'))
		return "invalid arguments: search is 1 to 60 printable characters";
	*limit = 20;
	if (json_object_object_get_ex(args, "limit", &v) && v != NULL) {
		if (!json_object_is_type(v, json_type_int))
			return "invalid arguments: limit is an integer from 1 to 50";
		*limit = json_object_get_int64(v);
		if (*limit < 1 || *limit > AI_MAX_LIST_ROWS)
			return "invalid arguments: limit is an integer from 1 to 50";
	}
	return NULL;
}

static struct json_object *
tool_transactions(struct ai_tool_ctx *t, struct json_object *args)
{
	static const char *const known[] = { "category", "from", "to", "search", "type",
	    "limit", NULL };
	const char	*err, *period = NULL, *cat = NULL, *type, *search, *params[8];
	char		 from[11], to[11], lim[24];
	struct json_object *o, *arr;
	PGresult	*res;
	int64_t		 limit;
	int		 i, n;

	if ((err = check_keys(args, known)) != NULL ||
	    (err = arg_range(t, args, &period, from, to, 0)) != NULL ||
	    (err = arg_category(args, &cat)) != NULL ||
	    (err = txn_args(args, &type, &search, &limit)) != NULL)
		return tool_error(err);
	snprintf(lim, sizeof(lim), "%lld", (long long)limit + 1);
	params[0] = t->r->client_id;
	params[1] = t->user_id;
	params[2] = from[0] ? from : NULL;
	params[3] = to[0] ? to : NULL;
	params[4] = cat;
	params[5] = type;
	params[6] = search;
	params[7] = lim;
	if ((res = db_exec(&t->app->db, DB_AI_TXNS, 8, params)) == NULL) {
		t->db_failed = 1;
		return tool_error("the data is unavailable right now");
	}
	n = PQntuples(res);
	arr = json_object_new_array();
	for (i = 0; i < n && i < limit; i++)
		json_object_array_add(arr, txn_row(res, i));
	PQclear(res);
	o = json_object_new_object();
	json_object_object_add(o, "transactions", arr);
	json_object_object_add(o, "count", json_object_new_int(i));
	json_object_object_add(o, "truncated", json_object_new_boolean(n > limit));
	return o;
}

/* A tool without arguments answering {key: <one JSON query>}. */
static struct json_object *
tool_simple(struct ai_tool_ctx *t, struct json_object *args, enum db_stmt stmt,
    const char *key)
{
	const char	*err, *params[3] = { t->r->client_id, t->user_id, NULL };
	char		 digits[12];
	struct json_object *o, *v;
	PGresult	*res;

	if ((err = check_keys(args, NULL)) != NULL && json_object_object_length(args) > 0)
		return tool_error(err);
	if (!json_object_is_type(args, json_type_object))
		return tool_error("invalid arguments: an object is required");
	if (stmt == DB_AI_MOVES) {
		snprintf(digits, sizeof(digits), "%d", digits_of(t->currency));
		params[2] = digits;
		if ((o = json_query(t, stmt, 3, params)) == NULL)
			return tool_error("the data is unavailable right now");
		return o;
	}
	if ((res = db_exec(&t->app->db, stmt, 2, params)) == NULL) {
		t->db_failed = 1;
		return tool_error("the data is unavailable right now");
	}
	v = PQntuples(res) == 1 ? json_tokener_parse(PQgetvalue(res, 0, 0)) : NULL;
	PQclear(res);
	o = json_object_new_object();
	json_object_object_add(o, key, v);
	return o;
}

struct json_object *
ai_tool_run(void *ctx, const char *name, struct json_object *args)
{
	struct ai_tool_ctx *t = ctx;

	if (name == NULL)
		return tool_error("unknown tool");
	if (strcmp(name, "get_spending_summary") == 0)
		return tool_spending(t, args);
	if (strcmp(name, "list_transactions") == 0)
		return tool_transactions(t, args);
	if (strcmp(name, "get_plan") == 0)
		return tool_simple(t, args, DB_AI_PLAN, "plan");
	if (strcmp(name, "get_goals") == 0)
		return tool_simple(t, args, DB_AI_GOALS, "goals");
	if (strcmp(name, "get_intake") == 0)
		return tool_simple(t, args, DB_AI_INTAKE, "intake");
	if (strcmp(name, "get_money_moves") == 0)
		return tool_simple(t, args, DB_AI_MOVES, "money_moves");
	return tool_error("unknown tool");
}

/* Take key out of a tool result (a new reference), or NULL. */
static struct json_object *
take(struct json_object *res, const char *key)
{
	struct json_object *v = NULL;

	if (res && json_object_object_get_ex(res, key, &v) && v != NULL)
		json_object_get(v);
	else
		v = NULL;
	json_object_put(res);
	return v;
}

struct json_object *
ai_tools_context(struct ai_tool_ctx *t, const char *language)
{
	struct json_object *o = json_object_new_object(), *user, *empty, *goals, *goal = NULL,
	    *moves, *args;

	user = json_object_new_object();
	json_object_object_add(user, "language", json_object_new_string(language));
	json_object_object_add(user, "currency", json_object_new_string(t->currency));
	json_object_object_add(user, "today", json_object_new_string(t->today));
	json_object_object_add(o, "user", user);
	empty = json_object_new_object();
	json_object_object_add(o, "intake", take(ai_tool_run(t, "get_intake", empty), "intake"));
	goals = take(ai_tool_run(t, "get_goals", empty), "goals");
	if (goals && json_object_array_length(goals) > 0)
		goal = json_object_get(json_object_array_get_idx(goals, 0));
	json_object_put(goals);
	json_object_object_add(o, "goal", goal);
	json_object_object_add(o, "plan", take(ai_tool_run(t, "get_plan", empty), "plan"));
	moves = ai_tool_run(t, "get_money_moves", empty);
	json_object_object_add(o, "money_moves", moves && !json_object_object_get_ex(moves,
	    "error", NULL) ? moves : NULL);
	if (moves && json_object_object_get_ex(moves, "error", NULL))
		json_object_put(moves);
	args = json_object_new_object();
	json_object_object_add(args, "period", json_object_new_string("last_30_days"));
	json_object_object_add(o, "spending_last_30_days", ai_tool_run(t,
	    "get_spending_summary", args));
	json_object_put(args);
	json_object_put(empty);
	return o;
}
