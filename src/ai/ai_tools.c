/*
 * ai_tools.c: the read-only tools a model uses to read one user's data
 * (ai_tools.h). The user and client come from the server (the facts source),
 * never from the arguments: arguments naming a user, or any argument a tool
 * does not know, are refused with {"error": …}.
 */
#include "config.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ai/ai.h"
#include "ai/ai_tools.h"
#include "core/currency.h"
#include "core/num.h"
#include "core/utf8.h"
#include "domain/calendar.h"
#include "domain/categorize.h"
#include "domain/facts.h"

#define PERIODS "today|yesterday|this_week|last_week|this_month|last_month|" \
	"last_7_days|last_30_days|last_90_days|this_year"
#define CATEGORY_ENUM "[\"food\",\"transport\",\"housing\",\"utilities\",\"health\"," \
	"\"entertainment\",\"education\",\"clothing\",\"income\",\"other\"]"
#define NO_ARGS "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"
#define UNAVAILABLE "the data is unavailable right now"

#define PERIOD_PROP "\"period\":{\"type\":\"string\",\"enum\":[\"today\",\"yesterday\"," \
	"\"this_week\",\"last_week\",\"this_month\",\"last_month\",\"last_7_days\"," \
	"\"last_30_days\",\"last_90_days\",\"this_year\"],\"description\":\"default " \
	"this_month; weeks start on Monday; for a named month or a range give from and to\"}," \
	"\"from\":{\"type\":\"string\",\"format\":\"date\",\"description\":\"YYYY-MM-DD, " \
	"with to; overrides period\"},\"to\":{\"type\":\"string\",\"format\":\"date\"},"
#define SUBJECT_PROPS "\"category\":{\"type\":\"string\",\"enum\":" CATEGORY_ENUM "}," \
	"\"subcategory\":{\"type\":\"string\",\"maxLength\":32,\"description\":\"e.g. " \
	"groceries, restaurants, delivery, coffee, bars, rideshare, fuel, public_transit, " \
	"rent, electricity, internet, phone, pharmacy, fitness, streaming, apparel\"}," \
	"\"merchant\":{\"type\":\"string\",\"maxLength\":60,\"description\":\"a merchant " \
	"by name, e.g. Uber, iFood, Starbucks\"}"

const struct ai_tool_def ai_tools[] = {
	{ "get_spending_summary",
	  "Total spending of the user in a period, by category (income is reported apart), "
	  "of one category, subcategory or merchant when given. Spending is purchases and "
	  "fees less refunds; transfers, debt payments and savings are not spending. Use for "
	  "questions like 'how much did I spend on groceries in March' or 'at Uber last week'.",
	  "{\"type\":\"object\",\"properties\":{" PERIOD_PROP SUBJECT_PROPS "},"
	  "\"additionalProperties\":false}" },
	{ "get_spending_breakdown",
	  "Spending in a period grouped by category, subcategory, merchant, month or week, "
	  "largest first (months and weeks in time order), optionally of one category, "
	  "subcategory or merchant. Use for where the money goes, the biggest merchants, "
	  "monthly averages and comparisons between months.",
	  "{\"type\":\"object\",\"properties\":{" PERIOD_PROP SUBJECT_PROPS ","
	  "\"group_by\":{\"type\":\"string\",\"enum\":[\"category\",\"subcategory\","
	  "\"merchant\",\"month\",\"week\"]}},\"required\":[\"group_by\"],"
	  "\"additionalProperties\":false}" },
	{ "list_transactions",
	  "The user's transactions, newest first, at most 50.",
	  "{\"type\":\"object\",\"properties\":{" SUBJECT_PROPS ","
	  "\"from\":{\"type\":\"string\",\"format\":\"date\"},"
	  "\"to\":{\"type\":\"string\",\"format\":\"date\"},"
	  "\"search\":{\"type\":\"string\",\"maxLength\":60,\"description\":\"words in the description or merchant\"},"
	  "\"type\":{\"type\":\"string\",\"enum\":[\"spending\",\"income\",\"all\"]},"
	  "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":50}},"
	  "\"additionalProperties\":false}" },
	{ "get_recurring_payments", "Payments that come back (subscriptions, bills, rent), "
	  "found in the last year: merchant, category, cadence, typical amount, monthly cost, "
	  "last and next expected date.", NO_ARGS },
	{ "get_plan", "The user's latest financial plan: summary, allocations, key metrics, "
	  "action items.", NO_ARGS },
	{ "get_goals", "The user's goals with target, current amount and dates.", NO_ARGS },
	{ "get_intake", "The user's latest monthly financial intake: income, expenses, "
	  "surplus, savings and debts, each debt's interest rate with its period "
	  "(month or year: 12 a month is not 12 a year).", NO_ARGS },
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

/* units of 10^-digits as an exact JSON number: json-c prints the text given. */
static struct json_object *
money(int64_t units, int digits)
{
	char	 text[32];
	double	 scale = 1;
	int	 i;

	if (num_format_decimal(units, digits, text, sizeof(text)) == -1)
		return NULL;
	for (i = 0; i < digits; i++)
		scale *= 10;
	return json_object_new_double_s((double)units / scale, text);
}

static struct json_object *
str_or_null(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
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

/*
 * The days from args (from and to, or a period; with need, this_month by
 * default) into *from and *to; *has says whether a range was given at all.
 * An error message, or NULL.
 */
static const char *
arg_range(const char *today_s, struct json_object *args, const char **period, long *from,
    long *to, int need, int *has)
{
	const char	*f, *e;
	enum cal_period	 p;
	long		 today;

	*has = 0;
	if (cal_parse(today_s, &today) == -1)
		return "internal: bad date";
	if (arg_string(args, "period", period) == -1 || arg_string(args, "from", &f) == -1 ||
	    arg_string(args, "to", &e) == -1)
		return "invalid arguments: period, from and to are strings";
	if ((f == NULL) != (e == NULL))
		return "invalid arguments: give both from and to, or neither";
	if (f != NULL) {
		if (cal_parse(f, from) == -1 || cal_parse(e, to) == -1)
			return "invalid arguments: from and to are dates YYYY-MM-DD";
		if (*from > *to)
			return "invalid arguments: from is after to";
		*period = "custom";
	} else if (*period != NULL || need) {
		if (*period == NULL)
			*period = "this_month";
		if (cal_period_parse(*period, &p) == -1 || p == CAL_LAST_YEAR)
			return "invalid arguments: period is one of " PERIODS;
		cal_period_range(p, today, from, to);
	} else
		return NULL;
	*has = 1;
	return NULL;
}

static const char *
arg_category(struct json_object *args, const char **name, int *cat)
{
	enum category c;

	*cat = CAT_COUNT;
	if (arg_string(args, "category", name) == -1 ||
	    (*name != NULL && category_parse(*name, &c) == -1))
		return "invalid arguments: category is one of food, transport, housing, "
		    "utilities, health, entertainment, education, clothing, income, other";
	if (*name != NULL)
		*cat = (int)c;
	return NULL;
}

/*
 * The subcategory (one the categoriser knows, under the category when one
 * is given) and merchant (1 to 60 printable characters) of args, each NULL
 * when absent. An error message, or NULL.
 */
static const char *
arg_subject(struct json_object *args, int cat, const char **sub, const char **merchant)
{
	const struct subcat_info *all;
	size_t	 n, i;

	if (arg_string(args, "subcategory", sub) == -1 ||
	    arg_string(args, "merchant", merchant) == -1)
		return "invalid arguments: subcategory and merchant are strings";
	if (*merchant != NULL && (**merchant == '\0' || strlen(*merchant) > 60 ||
	    !utf8_printable(*merchant)))
		return "invalid arguments: merchant is 1 to 60 printable characters";
	if (*sub == NULL)
		return NULL;
	all = subcategories(&n);
	for (i = 0; i < n; i++)
		if (strcmp(all[i].name, *sub) == 0 &&
		    (cat >= CAT_COUNT || (int)all[i].category == cat))
			return NULL;
	return cat < CAT_COUNT ? "invalid arguments: no such subcategory under that category" :
	    "invalid arguments: no such subcategory";
}

static struct json_object *
tool_spending(const struct facts_src *f, const char *today, struct json_object *args)
{
	static const char *const known[] = { "period", "from", "to", "category", "subcategory",
	    "merchant", NULL };
	const char	*err, *period = NULL, *cat = NULL;
	struct fact_spending_q q;
	struct fact_spending sp;
	struct json_object *o, *arr;
	char		 from[11], to[11];
	size_t		 i;
	int		 has;

	memset(&q, 0, sizeof(q));
	if ((err = check_keys(args, known)) != NULL ||
	    (err = arg_range(today, args, &period, &q.from, &q.to, 1, &has)) != NULL ||
	    (err = arg_category(args, &cat, &q.category)) != NULL ||
	    (err = arg_subject(args, q.category, &q.subcategory, &q.merchant)) != NULL)
		return tool_error(err);
	if (f->spending(f->ctx, &q, &sp) == -1)
		return tool_error(UNAVAILABLE);
	cal_format(q.from, from);
	cal_format(q.to, to);
	o = json_object_new_object();
	json_object_object_add(o, "period", json_object_new_string(period));
	json_object_object_add(o, "from", json_object_new_string(from));
	json_object_object_add(o, "to", json_object_new_string(to));
	json_object_object_add(o, "currency", json_object_new_string(f->currency));
	json_object_object_add(o, "category", cat ? json_object_new_string(cat) : NULL);
	json_object_object_add(o, "subcategory", str_or_null(q.subcategory));
	json_object_object_add(o, "merchant", str_or_null(q.merchant));
	json_object_object_add(o, "total_spent", money(sp.total, f->digits));
	json_object_object_add(o, "transaction_count", json_object_new_int64(sp.count));
	json_object_object_add(o, "income", money(sp.income, f->digits));
	arr = json_object_new_array();
	for (i = 0; i < sp.ncategories; i++) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "category",
		    json_object_new_string(category_name(sp.by_category[i].category)));
		json_object_object_add(e, "amount", money(sp.by_category[i].amount, f->digits));
		json_object_object_add(e, "count", json_object_new_int64(sp.by_category[i].count));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "by_category", arr);
	return o;
}

static int
digits_of(const char *currency)
{
	int d = currency_minor_units(currency);

	return d >= 0 ? d : 2;
}

static struct json_object *
txn_json(const struct fact_txn *t)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(t->id));
	json_object_object_add(o, "date", json_object_new_string(t->date));
	json_object_object_add(o, "description", json_object_new_string(t->description));
	json_object_object_add(o, "merchant", str_or_null(t->merchant));
	json_object_object_add(o, "category", json_object_new_string(category_name(t->category)));
	json_object_object_add(o, "subcategory", str_or_null(t->subcategory));
	json_object_object_add(o, "kind", json_object_new_string(kind_name(t->kind)));
	json_object_object_add(o, "amount", money(t->amount, digits_of(t->currency)));
	json_object_object_add(o, "currency", json_object_new_string(t->currency));
	return o;
}

static const char *
txn_args(struct json_object *args, struct fact_txn_q *q, int64_t *limit)
{
	static const char *const types[] = { "all", "spending", "income", NULL };
	struct json_object *v;
	const char	*type;
	size_t		 i;

	if (arg_string(args, "type", &type) == -1 || arg_string(args, "search", &q->search) == -1)
		return "invalid arguments: type and search are strings";
	if (type == NULL)
		type = "all";
	for (i = 0; types[i] && strcmp(types[i], type) != 0; i++)
		;
	if (types[i] == NULL)
		return "invalid arguments: type is spending, income or all";
	q->kind = (enum fact_kind)i;
	if (q->search && (strlen(q->search) > 60 || !utf8_printable(q->search) ||
	    *q->search == '\0'))
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
tool_transactions(const struct facts_src *f, const char *today, struct json_object *args)
{
	static const char *const known[] = { "category", "subcategory", "merchant", "from", "to",
	    "search", "type", "limit", NULL };
	const char	*err, *period = NULL, *cat = NULL;
	struct fact_txn_q q;
	struct fact_txn	*rows;
	struct json_object *o, *arr;
	int64_t		 limit;
	size_t		 i, n = 0;
	int		 has, more = 0;

	memset(&q, 0, sizeof(q));
	if ((err = check_keys(args, known)) != NULL ||
	    (err = arg_range(today, args, &period, &q.from, &q.to, 0, &has)) != NULL ||
	    (err = arg_category(args, &cat, &q.category)) != NULL ||
	    (err = arg_subject(args, q.category, &q.subcategory, &q.merchant)) != NULL ||
	    (err = txn_args(args, &q, &limit)) != NULL)
		return tool_error(err);
	q.has_from = q.has_to = has;
	if ((rows = calloc((size_t)limit, sizeof(*rows))) == NULL)
		return NULL;
	if (f->transactions(f->ctx, &q, rows, (size_t)limit, &n, &more) == -1) {
		free(rows);
		return tool_error(UNAVAILABLE);
	}
	arr = json_object_new_array();
	for (i = 0; i < n; i++)
		json_object_array_add(arr, txn_json(&rows[i]));
	free(rows);
	o = json_object_new_object();
	json_object_object_add(o, "transactions", arr);
	json_object_object_add(o, "count", json_object_new_int((int)n));
	json_object_object_add(o, "truncated", json_object_new_boolean(more));
	return o;
}

/* The intake's debts one by one, each rate with its period (month | year). */
static struct json_object *
debts_json(const struct fact_intake *in, int digits)
{
	struct json_object *arr = json_object_new_array(), *o;
	const struct fact_debt *d;
	size_t	 i;

	for (i = 0; i < in->ndebts && i < FACT_MAX_DEBTS; i++) {
		d = &in->debts[i];
		o = json_object_new_object();
		json_object_object_add(o, "name", str_or_null(d->name));
		json_object_object_add(o, "balance", money(d->balance, digits));
		json_object_object_add(o, "interest_rate", d->has_rate ? money(d->rate_milli, 3) :
		    NULL);
		json_object_object_add(o, "rate_period", json_object_new_string(d->monthly ?
		    "month" : "year"));
		json_object_object_add(o, "minimum_payment", d->has_min ?
		    money(d->min_payment, digits) : NULL);
		json_object_array_add(arr, o);
	}
	return arr;
}

static struct json_object *
tool_breakdown(const struct facts_src *f, const char *today, struct json_object *args)
{
	static const char *const known[] = { "period", "from", "to", "category", "subcategory",
	    "merchant", "group_by", NULL };
	static const char *const groups[] = { "category", "subcategory", "merchant", "month",
	    "week", NULL };
	const char	*err, *period = NULL, *cat = NULL;
	struct fact_agg_q q;
	struct fact_agg	*rows;
	struct json_object *o, *arr;
	char		 from[11], to[11];
	size_t		 i, n = 0;
	int		 has;

	memset(&q, 0, sizeof(q));
	if ((err = check_keys(args, known)) != NULL ||
	    (err = arg_range(today, args, &period, &q.from, &q.to, 1, &has)) != NULL ||
	    (err = arg_category(args, &cat, &q.category)) != NULL ||
	    (err = arg_subject(args, q.category, &q.subcategory, &q.merchant)) != NULL)
		return tool_error(err);
	if (arg_string(args, "group_by", &q.group_by) == -1 || q.group_by == NULL)
		return tool_error("invalid arguments: group_by is category, subcategory, merchant, "
		    "month or week");
	for (i = 0; groups[i] && strcmp(groups[i], q.group_by) != 0; i++)
		;
	if (groups[i] == NULL)
		return tool_error("invalid arguments: group_by is category, subcategory, merchant, "
		    "month or week");
	q.kind = "spending";
	if (f->aggregate == NULL)
		return tool_error(UNAVAILABLE);
	if ((rows = calloc(AI_MAX_GROUPS, sizeof(*rows))) == NULL)
		return NULL;
	if (f->aggregate(f->ctx, &q, rows, AI_MAX_GROUPS, &n) == -1) {
		free(rows);
		return tool_error(UNAVAILABLE);
	}
	cal_format(q.from, from);
	cal_format(q.to, to);
	o = json_object_new_object();
	json_object_object_add(o, "period", json_object_new_string(period));
	json_object_object_add(o, "from", json_object_new_string(from));
	json_object_object_add(o, "to", json_object_new_string(to));
	json_object_object_add(o, "currency", json_object_new_string(f->currency));
	json_object_object_add(o, "group_by", json_object_new_string(q.group_by));
	arr = json_object_new_array();
	for (i = 0; i < n && i < AI_MAX_GROUPS; i++) {
		struct json_object *e = json_object_new_object();

		/* "": no subcategory, no merchant */
		json_object_object_add(e, "key", str_or_null(rows[i].key));
		json_object_object_add(e, "amount", money(rows[i].amount, f->digits));
		json_object_object_add(e, "count", json_object_new_int64(rows[i].count));
		json_object_array_add(arr, e);
	}
	free(rows);
	json_object_object_add(o, "groups", arr);
	return o;
}

static struct json_object *
tool_recurring(const struct facts_src *f, struct json_object *args)
{
	struct fact_recurring *rows;
	struct json_object *o, *arr;
	const char	*err;
	size_t		 i, n = 0;

	if ((err = check_keys(args, NULL)) != NULL)
		return tool_error(err);
	if (f->recurring == NULL)
		return tool_error(UNAVAILABLE);
	if ((rows = calloc(AI_MAX_GROUPS, sizeof(*rows))) == NULL)
		return NULL;
	if (f->recurring(f->ctx, rows, AI_MAX_GROUPS, &n) == -1) {
		free(rows);
		return tool_error(UNAVAILABLE);
	}
	arr = json_object_new_array();
	for (i = 0; i < n && i < AI_MAX_GROUPS; i++) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "merchant", json_object_new_string(rows[i].name));
		json_object_object_add(e, "category",
		    json_object_new_string(category_name(rows[i].category)));
		json_object_object_add(e, "cadence", json_object_new_string(rows[i].cadence));
		json_object_object_add(e, "typical_amount", money(rows[i].typical, f->digits));
		json_object_object_add(e, "monthly_cost", money(rows[i].monthly, f->digits));
		json_object_object_add(e, "last_date", str_or_null(rows[i].last));
		json_object_object_add(e, "next_expected_date", str_or_null(rows[i].next));
		json_object_array_add(arr, e);
	}
	free(rows);
	o = json_object_new_object();
	json_object_object_add(o, "currency", json_object_new_string(f->currency));
	json_object_object_add(o, "recurring", arr);
	return o;
}

static struct json_object *
intake_json(const struct fact_intake *in, int digits)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "month", json_object_new_string(in->month));
	json_object_object_add(o, "monthly_income", money(in->income, digits));
	json_object_object_add(o, "monthly_expenses", money(in->expenses, digits));
	json_object_object_add(o, "monthly_surplus", money(in->surplus, digits));
	json_object_object_add(o, "savings_balance", in->has_savings ?
	    money(in->savings, digits) : NULL);
	json_object_object_add(o, "debt_balance", in->has_debt ? money(in->debt, digits) : NULL);
	json_object_object_add(o, "debt_interest_rate", in->has_rate ? money(in->rate_bp, 2) :
	    NULL);
	json_object_object_add(o, "debt_interest_rate_period", in->has_rate ?
	    json_object_new_string("year") : NULL);
	json_object_object_add(o, "debts", debts_json(in, digits));
	json_object_object_add(o, "next_pay_date", str_or_null(in->next_pay_date));
	json_object_object_add(o, "financial_goal", json_object_new_string(in->financial_goal));
	return o;
}

static struct json_object *
goal_json(const struct fact_goal *g, int digits)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_string(g->id));
	json_object_object_add(o, "goal_type", json_object_new_string(g->type));
	json_object_object_add(o, "goal_name", json_object_new_string(g->name));
	json_object_object_add(o, "target_amount", money(g->target, digits));
	json_object_object_add(o, "current_amount", money(g->current, digits));
	json_object_object_add(o, "starting_amount", money(g->starting, digits));
	json_object_object_add(o, "target_date", str_or_null(g->target_date));
	json_object_object_add(o, "cadence", json_object_new_string(g->cadence));
	json_object_object_add(o, "next_move_date", str_or_null(g->next_move_date));
	json_object_object_add(o, "status", json_object_new_string(g->status));
	json_object_object_add(o, "is_primary", json_object_new_boolean(g->is_primary));
	return o;
}

static struct json_object *
plan_json(const struct fact_plan *p, int digits)
{
	struct json_object *o = json_object_new_object(), *a, *k, *acts;
	size_t	 i;

	json_object_object_add(o, "id", json_object_new_string(p->id));
	json_object_object_add(o, "created_at", json_object_new_string(p->created_at));
	json_object_object_add(o, "summary", json_object_new_string(p->summary));
	json_object_object_add(o, "timeline_months", p->has_timeline ?
	    json_object_new_int64(p->timeline_months) : NULL);
	a = json_object_new_object();
	json_object_object_add(a, "needs", json_object_new_int(p->needs_pct));
	json_object_object_add(a, "wants", json_object_new_int(p->wants_pct));
	json_object_object_add(a, "savings", json_object_new_int(p->savings_pct));
	json_object_object_add(a, "debt", json_object_new_int(p->debt_pct));
	json_object_object_add(o, "allocations", a);
	k = json_object_new_object();
	json_object_object_add(k, "monthly_savings_amount", p->has_monthly_savings ?
	    money(p->monthly_savings, digits) : NULL);
	json_object_object_add(k, "monthly_debt_payment", p->has_monthly_debt_payment ?
	    money(p->monthly_debt_payment, digits) : NULL);
	json_object_object_add(k, "projected_goal_date", str_or_null(p->projected_goal_date));
	json_object_object_add(k, "current_savings_rate", p->has_current_rate ?
	    money(p->current_rate_bp, 2) : NULL);
	json_object_object_add(k, "target_savings_rate", p->has_target_rate ?
	    money(p->target_rate_bp, 2) : NULL);
	json_object_object_add(k, "debt_payoff_date", str_or_null(p->debt_payoff_date));
	json_object_object_add(k, "emergency_fund_months", p->has_emergency_months ?
	    money(p->emergency_months_tenths, 1) : NULL);
	json_object_object_add(o, "key_metrics", k);
	acts = json_object_new_array();
	for (i = 0; i < p->nactions; i++)
		json_object_array_add(acts, json_object_new_string(p->actions[i]));
	json_object_object_add(o, "action_items", acts);
	return o;
}

static struct json_object *
moves_json(const struct fact_moves *m, int digits)
{
	struct json_object *o = json_object_new_object(), *c = NULL, *tasks;
	size_t	 i;

	if (m->has_cycle) {
		c = json_object_new_object();
		json_object_object_add(c, "id", json_object_new_string(m->id));
		json_object_object_add(c, "due_date", json_object_new_string(m->due_date));
		json_object_object_add(c, "status", json_object_new_string(m->status));
		tasks = json_object_new_array();
		for (i = 0; i < m->ntasks; i++) {
			const struct fact_task *t = &m->tasks[i];
			struct json_object *e = json_object_new_object();

			json_object_object_add(e, "id", json_object_new_string(t->id));
			json_object_object_add(e, "task_type", json_object_new_string(t->type));
			json_object_object_add(e, "title", json_object_new_string(t->title));
			json_object_object_add(e, "amount", t->has_amount ?
			    money(t->amount, digits) : NULL);
			json_object_object_add(e, "status", json_object_new_string(t->status));
			json_object_object_add(e, "priority", json_object_new_int(t->priority));
			json_object_array_add(tasks, e);
		}
		json_object_object_add(c, "tasks", tasks);
	}
	json_object_object_add(o, "current", c);
	json_object_object_add(o, "points", json_object_new_int64(m->points));
	return o;
}

/* One fact for a tool without arguments: {key: value | null}, or an error. */
static struct json_object *
tool_fact(const struct facts_src *f, struct json_object *args, const char *name)
{
	struct json_object *o, *v = NULL;
	const char	*err;
	void		*fact;
	size_t		 n = 0;
	int		 rc;

	if ((err = check_keys(args, NULL)) != NULL)
		return tool_error(err);
	/* The largest fact: a plan, or the goals. */
	_Static_assert(sizeof(struct fact_intake) <= sizeof(struct fact_goal) * FACT_MAX_GOALS &&
	    sizeof(struct fact_moves) <= sizeof(struct fact_goal) * FACT_MAX_GOALS,
	    "every fact fits the buffer");
	if ((fact = calloc(1, sizeof(struct fact_plan) > sizeof(struct fact_goal) *
	    FACT_MAX_GOALS ? sizeof(struct fact_plan) : sizeof(struct fact_goal) *
	    FACT_MAX_GOALS)) == NULL)
		return NULL;
	if (strcmp(name, "get_intake") == 0) {
		if ((rc = f->intake(f->ctx, fact)) == 1)
			v = intake_json(fact, f->digits);
	} else if (strcmp(name, "get_plan") == 0) {
		if ((rc = f->plan(f->ctx, fact)) == 1)
			v = plan_json(fact, f->digits);
	} else if (strcmp(name, "get_goals") == 0) {
		if ((rc = f->goals(f->ctx, fact, FACT_MAX_GOALS, &n)) == 0) {
			v = json_object_new_array();
			for (size_t i = 0; i < n; i++)
				json_object_array_add(v, goal_json((struct fact_goal *)fact + i,
				    f->digits));
		}
	} else {
		if ((rc = f->moves(f->ctx, fact)) == 1)
			v = moves_json(fact, f->digits);
		else if (rc == 0) {
			((struct fact_moves *)fact)->has_cycle = 0;
			v = moves_json(fact, f->digits);
		}
	}
	free(fact);
	if (rc == -1)
		return tool_error(UNAVAILABLE);
	if (strcmp(name, "get_money_moves") == 0)
		return v;
	o = json_object_new_object();
	json_object_object_add(o, strcmp(name, "get_intake") == 0 ? "intake" :
	    strcmp(name, "get_plan") == 0 ? "plan" : "goals", v);
	return o;
}

struct json_object *
ai_tool_run(const struct facts_src *f, const char *today, const char *name,
    struct json_object *args)
{
	if (name == NULL || f == NULL)
		return tool_error("unknown tool");
	if (strcmp(name, "get_spending_summary") == 0)
		return tool_spending(f, today, args);
	if (strcmp(name, "list_transactions") == 0)
		return tool_transactions(f, today, args);
	if (strcmp(name, "get_spending_breakdown") == 0)
		return tool_breakdown(f, today, args);
	if (strcmp(name, "get_recurring_payments") == 0)
		return tool_recurring(f, args);
	if (strcmp(name, "get_plan") == 0 || strcmp(name, "get_goals") == 0 ||
	    strcmp(name, "get_intake") == 0 || strcmp(name, "get_money_moves") == 0)
		return tool_fact(f, args, name);
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

/* A tool's result, or NULL when it answered an error. */
static struct json_object *
unless_error(struct json_object *res)
{
	if (res && json_object_object_get_ex(res, "error", NULL)) {
		json_object_put(res);
		return NULL;
	}
	return res;
}

struct json_object *
ai_tools_context(const struct facts_src *f, const char *language, const char *today)
{
	struct json_object *o = json_object_new_object(), *user, *empty, *goals, *goal = NULL,
	    *args;

	user = json_object_new_object();
	json_object_object_add(user, "language", json_object_new_string(language));
	json_object_object_add(user, "currency", json_object_new_string(f->currency));
	json_object_object_add(user, "today", json_object_new_string(today));
	json_object_object_add(o, "user", user);
	empty = json_object_new_object();
	json_object_object_add(o, "intake", take(ai_tool_run(f, today, "get_intake", empty),
	    "intake"));
	goals = take(ai_tool_run(f, today, "get_goals", empty), "goals");
	if (goals && json_object_array_length(goals) > 0)
		goal = json_object_get(json_object_array_get_idx(goals, 0));
	json_object_put(goals);
	json_object_object_add(o, "goal", goal);
	json_object_object_add(o, "plan", take(ai_tool_run(f, today, "get_plan", empty), "plan"));
	json_object_object_add(o, "money_moves",
	    unless_error(ai_tool_run(f, today, "get_money_moves", empty)));
	args = json_object_new_object();
	json_object_object_add(args, "period", json_object_new_string("last_30_days"));
	json_object_object_add(o, "spending_last_30_days", ai_tool_run(f, today,
	    "get_spending_summary", args));
	json_object_put(args);
	json_object_put(empty);
	return o;
}

struct json_object *
ai_tools_logged(const struct fact_txn *t, size_t n)
{
	struct json_object *arr = json_object_new_array();
	size_t	 i;

	for (i = 0; i < n; i++) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "amount", money(t[i].amount, digits_of(t[i].currency)));
		json_object_object_add(o, "currency", json_object_new_string(t[i].currency));
		json_object_object_add(o, "category",
		    json_object_new_string(category_name(t[i].category)));
		json_object_object_add(o, "description", json_object_new_string(t[i].description));
		json_object_object_add(o, "date", json_object_new_string(t[i].date));
		json_object_array_add(arr, o);
	}
	return arr;
}
