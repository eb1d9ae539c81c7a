/* store.c: the list helper and the column decoders every store module uses. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/num.h"
#include "core/pool.h"
#include "store/store.h"

#define STORE_MAX_FILTER	8

int
store_list(struct store *st, struct db_stmt *stmt, const char *const *filter, int nfilter,
    const struct store_page *pg, store_decode_fn decode, void *items, size_t item_size,
    size_t *n, int *has_more)
{
	const char	*params[STORE_MAX_FILTER + 4];
	char		 ts[24], lim[24];
	PGresult	*res;
	int		 i, rows, k = 0, rc = 0;

	*n = 0;
	*has_more = 0;
	if (nfilter < 0 || nfilter > STORE_MAX_FILTER || pg->limit < 1)
		return -1;
	params[k++] = st->client;
	for (i = 0; i < nfilter; i++)
		params[k++] = filter[i];
	snprintf(ts, sizeof(ts), "%lld", (long long)pg->after_us);
	snprintf(lim, sizeof(lim), "%lld", (long long)pg->limit + 1);
	params[k++] = pg->has_after ? ts : NULL;
	params[k++] = pg->has_after ? pg->after_id : NULL;
	params[k++] = lim;
	if ((res = db_run(st->db, stmt, k, params)) == NULL)
		return -1;
	rows = PQntuples(res);
	*has_more = rows > pg->limit;
	for (i = 0; i < rows && i < pg->limit && rc == 0; i++)
		rc = decode(st, res, i, (char *)items + (size_t)i * item_size);
	*n = (size_t)i;
	PQclear(res);
	return rc;
}

int
store_one(struct store *st, struct db_stmt *stmt, int nparams, const char *const *params,
    store_decode_fn decode, void *out)
{
	PGresult *res;
	int	 rc = 0;

	if ((res = db_run(st->db, stmt, nparams, params)) == NULL)
		return -1;
	if (PQntuples(res) >= 1)
		rc = decode(st, res, 0, out) == 0 ? 1 : -1;
	PQclear(res);
	return rc;
}

int
store_rows(struct store *st, struct db_stmt *stmt, int nparams, const char *const *params,
    store_decode_fn decode, void *items, size_t item_size, size_t max, size_t *n)
{
	PGresult *res;
	int	 i, rows, rc = 0;

	*n = 0;
	if ((res = db_run(st->db, stmt, nparams, params)) == NULL)
		return -1;
	rows = PQntuples(res);
	for (i = 0; i < rows && (size_t)i < max && rc == 0; i++)
		rc = decode(st, res, i, (char *)items + (size_t)i * item_size);
	*n = (size_t)i;
	PQclear(res);
	return rc;
}

const char *
store_text(struct store *st, PGresult *res, int row, int col)
{
	if (PQgetisnull(res, row, col))
		return NULL;
	return pool_strndup(st->pool, PQgetvalue(res, row, col),
	    (size_t)PQgetlength(res, row, col));
}

/*
 * Copies without snprintf: a page of 50 transactions makes 500 of them, and
 * "%s" through printf's machinery cost more than the rows' decoding.
 */
void
store_copy(char *dst, size_t n, PGresult *res, int row, int col)
{
	size_t	 len;

	if (n == 0)
		return;
	len = PQgetisnull(res, row, col) ? 0 : strnlen(PQgetvalue(res, row, col), n - 1);
	memcpy(dst, PQgetvalue(res, row, col), len);
	dst[len] = '\0';
}

/* n digits of v, zero-padded, at p. */
static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
store_ts(char *dst, size_t n, PGresult *res, int row, int col)
{
	int64_t		 us = store_i64(res, row, col);
	time_t		 t = (time_t)(us >= 0 ? us / 1000000 : (us - 999999) / 1000000);
	struct tm	 tm;

	if (n == 0)
		return;
	dst[0] = '\0';
	if (PQgetisnull(res, row, col) || gmtime_r(&t, &tm) == NULL)
		return;
	if (n > 20 && tm.tm_year >= 1000 - 1900 && tm.tm_year <= 9999 - 1900) {
		/* "YYYY-MM-DDTHH:MM:SSZ" by hand: strftime goes through the locale */
		memcpy(dst, "0000-00-00T00:00:00Z", 21);
		put_digits(dst, tm.tm_year + 1900, 4);
		put_digits(dst + 5, tm.tm_mon + 1, 2);
		put_digits(dst + 8, tm.tm_mday, 2);
		put_digits(dst + 11, tm.tm_hour, 2);
		put_digits(dst + 14, tm.tm_min, 2);
		put_digits(dst + 17, tm.tm_sec, 2);
	} else if (strftime(dst, n, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		dst[0] = '\0';
}

int64_t
store_i64(PGresult *res, int row, int col)
{
	const char	*errstr;
	int64_t		 v = 0;

	if (PQgetisnull(res, row, col) ||
	    num_parse_i64z(PQgetvalue(res, row, col), INT64_MIN, INT64_MAX, &v, &errstr) == -1)
		return 0;
	return v;
}

int
store_bool(PGresult *res, int row, int col)
{
	return !PQgetisnull(res, row, col) && PQgetvalue(res, row, col)[0] == 't';
}

int64_t
store_hundredths(PGresult *res, int row, int col, int *is_null)
{
	const char	*text, *errstr;
	int64_t		 v = 0;

	if (is_null)
		*is_null = PQgetisnull(res, row, col);
	if (PQgetisnull(res, row, col))
		return 0;
	text = PQgetvalue(res, row, col);
	if (num_parse_decimal(text, strlen(text), 2, INT64_MIN / 4, INT64_MAX / 4, &v,
	    &errstr) == -1)
		return 0;
	return v;
}

const char *
store_money_param(struct store *st, int64_t hundredths)
{
	char buf[32];

	return num_format_decimal(hundredths, 2, buf, sizeof(buf)) == -1 ? NULL :
	    pool_strdup(st->pool, buf);
}

const char *
store_int_param(struct store *st, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%lld", (long long)v);
	return pool_strdup(st->pool, buf);
}

const char *
store_array_param(struct store *st, const char *const *vals, size_t n)
{
	size_t	 i, len = 3, o = 0;
	char	*out;
	const char *v;

	for (i = 0; i < n; i++) {
		len += 5;			/* quotes and comma, or NULL, */
		for (v = vals[i]; v != NULL && *v; v++)
			len += (*v == '"' || *v == '\\') ? 2 : 1;
	}
	if ((out = pool_alloc(st->pool, len)) == NULL)
		return NULL;
	out[o++] = '{';
	for (i = 0; i < n; i++) {
		if (i > 0)
			out[o++] = ',';
		if (vals[i] == NULL) {
			memcpy(out + o, "NULL", 4);
			o += 4;
			continue;
		}
		out[o++] = '"';
		for (v = vals[i]; *v; v++) {
			if (*v == '"' || *v == '\\')
				out[o++] = '\\';
			out[o++] = *v;
		}
		out[o++] = '"';
	}
	out[o++] = '}';
	out[o] = '\0';
	return out;
}

int
store_exec(struct store *st, struct db_stmt *stmt, int nparams, const char *const *params,
    int *rows)
{
	PGresult	*res;
	const char	*errstr;
	int64_t		 v = 0;

	if ((res = db_run(st->db, stmt, nparams, params)) == NULL)
		return -1;
	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		v = PQntuples(res);
	else if (num_parse_i64z(PQcmdTuples(res), 0, INT32_MAX, &v, &errstr) == -1)
		v = 0;
	if (rows)
		*rows = (int)v;
	PQclear(res);
	return 0;
}
