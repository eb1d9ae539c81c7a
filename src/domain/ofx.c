/*
 * ofx.c: OFX and QFX statements (ofx.h). One scan over the tags: an
 * element's value is the text after its start tag, up to the next tag,
 * which is all SGML OFX gives; XML OFX's end tags are simply passed.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "core/currency.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/ofx.h"

#define VALUE_MAX	512

/* The fields of the transaction being read. */
struct trn {
	int	 on;
	size_t	 line;
	char	 type[24], posted[32], user[32], amt[64], fitid[129], name[VALUE_MAX], memo[VALUE_MAX];
	char	 cur[4];
	int	 in_payee, in_currency;
};

struct scan {
	const struct stmt_opts *o;
	struct pool	*pool;
	struct stmt_result *out;
	char		 curdef[4];
	struct trn	 t;
};

/* Case-insensitive search of needle in the n bytes at s; its offset or n. */
static size_t
find_ci(const char *s, size_t n, const char *needle)
{
	size_t	 k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, needle, k) == 0)
			return i;
	return n;
}

/* Decode the five XML entities and character references of the len bytes at s into out (cap), trimmed. */
static void
value(const char *s, size_t len, char *out, size_t cap)
{
	char	 buf[VALUE_MAX * 2];
	size_t	 i = 0, o = 0;

	while (i < len && o + 5 < sizeof(buf)) {
		if (s[i] == '&') {
			static const struct { const char *e; char c; } ent[] = {
				{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
				{ "&apos;", '\'' }, { NULL, 0 }
			};
			size_t	 k, j;
			unsigned long cp = 0;

			for (k = 0; ent[k].e != NULL; k++)
				if (strncmp(s + i, ent[k].e, strlen(ent[k].e)) == 0)
					break;
			if (ent[k].e != NULL) {
				buf[o++] = ent[k].c;
				i += strlen(ent[k].e);
				continue;
			}
			if (i + 3 < len && s[i + 1] == '#') {
				int	 hex = s[i + 2] == 'x' || s[i + 2] == 'X';

				for (j = i + 2 + (size_t)hex; j < len && j < i + 10; j++) {
					int c = s[j], d;

					if (c >= '0' && c <= '9')
						d = c - '0';
					else if (hex && c >= 'a' && c <= 'f')
						d = c - 'a' + 10;
					else if (hex && c >= 'A' && c <= 'F')
						d = c - 'A' + 10;
					else
						break;
					cp = cp * (hex ? 16 : 10) + (unsigned long)d;
				}
				if (j < len && s[j] == ';' && cp > 0 && cp < 0x110000 &&
				    !(cp >= 0xd800 && cp < 0xe000)) {
					if (cp < 0x80)
						buf[o++] = (char)cp;
					else if (cp < 0x800) {
						buf[o++] = (char)(0xc0 | (cp >> 6));
						buf[o++] = (char)(0x80 | (cp & 0x3f));
					} else if (cp < 0x10000) {
						buf[o++] = (char)(0xe0 | (cp >> 12));
						buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
						buf[o++] = (char)(0x80 | (cp & 0x3f));
					} else {
						buf[o++] = (char)(0xf0 | (cp >> 18));
						buf[o++] = (char)(0x80 | ((cp >> 12) & 0x3f));
						buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
						buf[o++] = (char)(0x80 | (cp & 0x3f));
					}
					i = j + 1;
					continue;
				}
			}
		}
		buf[o++] = s[i++];
	}
	stmt_text(out, cap, buf, o);
}

static int
reject(struct scan *sc, const char *msg)
{
	return stmt_reject(sc->out, sc->pool, sc->t.line, msg);
}

/* The transaction read so far as a row (or a reject). A STMT_ status. */
static int
finish(struct scan *sc)
{
	struct trn *t = &sc->t;
	struct stmt_row *row;
	char	 date[11], cur[4];
	const char *cc = t->cur[0] ? t->cur : sc->curdef;
	int64_t	 v;
	long	 z, today;
	int	 st, mark = '.';

	if (!t->on)
		return STMT_OK;
	t->on = 0;
	if (t->posted[0] == '\0' && t->user[0] == '\0')
		return reject(sc, "the transaction has no date (DTPOSTED)");
	if (stmt_date(t->posted[0] ? t->posted : t->user, strlen(t->posted[0] ? t->posted : t->user),
	    STMT_YMD, sc->o->today, date) < 0)
		return reject(sc, "the transaction's date (DTPOSTED) could not be read");
	if (t->amt[0] == '\0')
		return reject(sc, "the transaction has no amount (TRNAMT)");
	/* a comma alone is the decimal mark (Brazilian banks); with both, the last one is */
	if (strchr(t->amt, ',') != NULL && (strchr(t->amt, '.') == NULL ||
	    strrchr(t->amt, ',') > strrchr(t->amt, '.')))
		mark = ',';
	if (stmt_amount(t->amt, strlen(t->amt), mark, stmt_scale(cc), &v, cur) < 0)
		return reject(sc, "the transaction's amount (TRNAMT) could not be read");
	if (sc->o->today != NULL && cal_parse(sc->o->today, &today) == 0 &&
	    cal_parse(date, &z) == 0 && z > today + 1)
		return reject(sc, "the transaction's date is after today");
	if ((st = stmt_add(sc->out, sc->pool, sc->o->max_rows, t->line, &row)) != STMT_OK)
		return st;
	memcpy(row->date, date, 11);
	row->amount_cents = v;
	memcpy(row->currency, cc, 4);
	stmt_text(row->description, sizeof(row->description), t->name[0] ? t->name : t->memo,
	    strlen(t->name[0] ? t->name : t->memo));
	stmt_text(row->external_id, sizeof(row->external_id), t->fitid, strlen(t->fitid));
	stmt_text(row->bank_type, sizeof(row->bank_type), t->type, strlen(t->type));
	return STMT_OK;
}

/* A 3-letter currency value into cur when it is one. */
static void
currency(const char *v, char cur[4])
{
	if (strlen(v) == 3 && currency_valid(v))
		memcpy(cur, v, 4);
}

/* An element's start tag and its value. */
static int
element(struct scan *sc, const char *tag, const char *s, size_t len, size_t line)
{
	struct trn *t = &sc->t;
	char	 v[VALUE_MAX];
	int	 st;

	if (strcasecmp(tag, "STMTTRN") == 0) {
		if ((st = finish(sc)) != STMT_OK)
			return st;
		memset(t, 0, sizeof(*t));
		t->on = 1;
		t->line = line;
		return STMT_OK;
	}
	if (strcasecmp(tag, "PAYEE") == 0)
		t->in_payee = 1;
	if (strcasecmp(tag, "CURRENCY") == 0 || strcasecmp(tag, "ORIGCURRENCY") == 0)
		t->in_currency = 1;
	value(s, len, v, sizeof(v));
	if (strcasecmp(tag, "CURDEF") == 0) {
		currency(v, sc->curdef);
		if (sc->out->currency[0] == '\0')
			memcpy(sc->out->currency, sc->curdef, 4);
		return STMT_OK;
	}
	if (!t->on)
		return STMT_OK;
	if (strcasecmp(tag, "TRNTYPE") == 0)
		stmt_text(t->type, sizeof(t->type), v, strlen(v));
	else if (strcasecmp(tag, "DTPOSTED") == 0)
		stmt_text(t->posted, sizeof(t->posted), v, strlen(v));
	else if (strcasecmp(tag, "DTUSER") == 0)
		stmt_text(t->user, sizeof(t->user), v, strlen(v));
	else if (strcasecmp(tag, "TRNAMT") == 0)
		stmt_text(t->amt, sizeof(t->amt), v, strlen(v));
	else if (strcasecmp(tag, "FITID") == 0)
		stmt_text(t->fitid, sizeof(t->fitid), v, strlen(v));
	else if (strcasecmp(tag, "NAME") == 0 && t->name[0] == '\0')
		stmt_text(t->name, sizeof(t->name), v, strlen(v));
	else if (strcasecmp(tag, "MEMO") == 0)
		stmt_text(t->memo, sizeof(t->memo), v, strlen(v));
	else if (strcasecmp(tag, "CURSYM") == 0 && t->in_currency)
		currency(v, t->cur);
	return STMT_OK;
}

static int
end_tag(struct scan *sc, const char *tag)
{
	if (strcasecmp(tag, "STMTTRN") == 0 || strcasecmp(tag, "BANKTRANLIST") == 0 ||
	    strcasecmp(tag, "OFX") == 0)
		return finish(sc);
	if (strcasecmp(tag, "PAYEE") == 0)
		sc->t.in_payee = 0;
	if (strcasecmp(tag, "CURRENCY") == 0 || strcasecmp(tag, "ORIGCURRENCY") == 0)
		sc->t.in_currency = 0;
	return STMT_OK;
}

int
ofx_read(const char *s, size_t n, const struct stmt_opts *o, struct pool *pool,
    struct stmt_result *out)
{
	struct scan *sc;
	size_t	 i, j, line = 1, body, trns = 0;
	char	 tag[40];
	int	 st, close;

	if ((body = find_ci(s, n, "<OFX>")) == n)
		return stmt_fail(out, STMT_BAD, "no <OFX> element: not an OFX statement");
	if (find_ci(s + body, n - body, "</OFX>") == n - body)
		return stmt_fail(out, STMT_BAD, "the file ends before </OFX> (is it cut short?)");
	if ((sc = pool_alloc(pool, sizeof(*sc))) == NULL)
		return stmt_fail(out, STMT_NOMEM, "out of memory");
	memset(sc, 0, sizeof(*sc));
	sc->o = o;
	sc->pool = pool;
	sc->out = out;
	for (i = 0; i < body; i++)
		line += s[i] == '\n';
	for (i = body; i < n; ) {
		if (s[i] != '<') {
			line += s[i] == '\n';
			i++;
			continue;
		}
		if (i + 1 < n && (s[i + 1] == '?' || s[i + 1] == '!')) {
			for (j = i; j < n && s[j] != '>'; j++)
				line += s[j] == '\n';
			i = j + 1;
			continue;
		}
		close = i + 1 < n && s[i + 1] == '/';
		for (j = i + 1 + (size_t)close; j < n && j - i < sizeof(tag) + 2 &&
		    s[j] != '>' && s[j] != '<' && s[j] != ' '; j++)
			;
		if (j >= n || s[j] != '>' || j - i - 1 - (size_t)close >= sizeof(tag) ||
		    j == i + 1 + (size_t)close) {
			if (sc->t.on)
				sc->t.on = 0;
			return stmt_fail(out, STMT_BAD, "line %zu: a broken tag", line);
		}
		memcpy(tag, s + i + 1 + close, j - i - 1 - (size_t)close);
		tag[j - i - 1 - (size_t)close] = '\0';
		i = j + 1;
		if (close)
			st = end_tag(sc, tag);
		else {
			for (j = i; j < n && s[j] != '<'; j++)
				;
			if (strcasecmp(tag, "STMTTRN") == 0 && (++trns & 255) == 0 &&
			    o->stop != NULL && o->stop(o->stop_arg))
				return stmt_fail(out, STMT_STOPPED, "reading took too long");
			st = element(sc, tag, s + i, j - i, line);
		}
		if (st == STMT_TOOMANY)
			return stmt_fail(out, st, "more than %zu transactions", o->max_rows);
		if (st != STMT_OK)
			return stmt_fail(out, STMT_NOMEM, "out of memory");
	}
	if ((st = finish(sc)) != STMT_OK)
		return stmt_fail(out, st, st == STMT_TOOMANY ? "too many transactions" : "out of memory");
	return stmt_finish(out, pool, "OFX file");
}
