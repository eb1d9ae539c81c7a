/* store_usage.c: the ai_usage table (store_usage.h). */
#include "config.h"

#include <string.h>

#include "store/store.h"
#include "store/store_usage.h"

static struct db_stmt usage_add = { "usage_add",
	"INSERT INTO ai_usage AS u (client_id, day, provider, model, replies, requests,"
	" fallbacks, input_tokens, output_tokens) VALUES ($1, (now() AT TIME ZONE 'UTC')::date,"
	" $2, $3, $4::bigint, $5::bigint, $6::bigint, $7::bigint, $8::bigint)"
	" ON CONFLICT (client_id, day, provider, model) DO UPDATE SET"
	" replies = u.replies + EXCLUDED.replies, requests = u.requests + EXCLUDED.requests,"
	" fallbacks = u.fallbacks + EXCLUDED.fallbacks,"
	" input_tokens = u.input_tokens + EXCLUDED.input_tokens,"
	" output_tokens = u.output_tokens + EXCLUDED.output_tokens", 0, 0 };
static struct db_stmt usage_list = { "usage_list",
	"SELECT day::text, provider, model, replies::text, requests::text, fallbacks::text,"
	" input_tokens::text, output_tokens::text FROM ai_usage WHERE client_id = $1"
	" AND day BETWEEN $2::date AND $3::date ORDER BY day DESC, provider, model"
	" LIMIT $4::integer", 1, 0 };

static int
decode(struct store *st, PGresult *res, int row, void *out)
{
	struct usage_day *u = out;

	memset(u, 0, sizeof(*u));
	store_copy(u->date, sizeof(u->date), res, row, 0);
	store_copy(u->provider, sizeof(u->provider), res, row, 1);
	u->model = store_text(st, res, row, 2);
	u->replies = store_i64(res, row, 3);
	u->requests = store_i64(res, row, 4);
	u->fallbacks = store_i64(res, row, 5);
	u->input_tokens = store_i64(res, row, 6);
	u->output_tokens = store_i64(res, row, 7);
	return u->model == NULL ? -1 : 0;
}

int
store_usage_add(struct store *st, const struct usage_day *u)
{
	const char *params[8] = { st->client, u->provider, u->model ? u->model : "",
	    store_int_param(st, u->replies), store_int_param(st, u->requests),
	    store_int_param(st, u->fallbacks), store_int_param(st, u->input_tokens),
	    store_int_param(st, u->output_tokens) };

	return store_exec(st, &usage_add, 8, params, NULL);
}

int
store_usage_list(struct store *st, const char *from, const char *to, struct usage_day *rows,
    size_t max, size_t *n)
{
	const char *params[4] = { st->client, from, to, store_int_param(st, (int64_t)max) };

	return store_rows(st, &usage_list, 4, params, decode, rows, sizeof(*rows), max, n);
}
