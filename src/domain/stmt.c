/*
 * stmt.c: a statement's transactions out of a table of cells, whatever the
 * bank (stmt.h). The columns are learned from the header row's words in
 * en/pt/es, never from a list of banks; with no header, from what the
 * columns hold; with no columns at all (a page's lines), from each line's
 * shape: a date first, amounts last. Then the conventions are told from the
 * whole table before any row is read: the date order, the decimal mark, the
 * sign (signed amounts, debit and credit columns, C/D markers, or, for
 * unsigned amounts, the running balance).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/currency.h"
#include "core/pool.h"
#include "domain/calendar.h"
#include "domain/stmt.h"

enum role { R_NONE, R_DATE, R_VDATE, R_DESC, R_AMOUNT, R_DEBIT, R_CREDIT, R_BALANCE,
	R_TYPE, R_CURRENCY, R_REF, R_IGNORE, R_COUNT };

struct phrase {
	const char	*p;		/* folded (stmt_fold) */
	unsigned char	 role;
	unsigned char	 weight;	/* how surely it names the role */
};

/*
 * Header words. A cell that is exactly a phrase scores 2 * weight + 1; one
 * that starts with it ("Valor (R$)", "Importe de la operación") scores its
 * weight. The best-scoring cell of each role is its column.
 */
static const struct phrase phrases[] = {
	{ "date", R_DATE, 6 }, { "posting date", R_DATE, 7 }, { "post date", R_DATE, 7 },
	{ "posted date", R_DATE, 7 }, { "date posted", R_DATE, 7 }, { "posted", R_DATE, 4 },
	{ "transaction date", R_DATE, 7 }, { "trans date", R_DATE, 7 }, { "txn date", R_DATE, 7 },
	{ "booking date", R_DATE, 7 }, { "book date", R_DATE, 7 }, { "entry date", R_DATE, 7 },
	{ "operation date", R_DATE, 7 }, { "completed date", R_DATE, 6 }, { "data", R_DATE, 6 },
	{ "data lancamento", R_DATE, 7 }, { "data de lancamento", R_DATE, 7 },
	{ "data do lancamento", R_DATE, 7 }, { "data movimento", R_DATE, 7 },
	{ "data do movimento", R_DATE, 7 }, { "data mov", R_DATE, 7 }, { "data operacao", R_DATE, 7 },
	{ "data da transacao", R_DATE, 7 }, { "data transacao", R_DATE, 7 }, { "dt", R_DATE, 5 },
	{ "dt lancamento", R_DATE, 7 }, { "dt movimento", R_DATE, 7 }, { "dia", R_DATE, 4 },
	{ "fecha", R_DATE, 6 }, { "fecha operacion", R_DATE, 7 }, { "fecha de operacion", R_DATE, 7 },
	{ "fecha contable", R_DATE, 7 }, { "fecha movimiento", R_DATE, 7 },
	{ "fecha transaccion", R_DATE, 7 }, { "f operacion", R_DATE, 7 }, { "f contable", R_DATE, 7 },
	{ "fec operacion", R_DATE, 7 },

	{ "value date", R_VDATE, 7 }, { "valuta", R_VDATE, 6 }, { "valuta date", R_VDATE, 7 },
	{ "fecha valor", R_VDATE, 7 }, { "fecha de valor", R_VDATE, 7 }, { "f valor", R_VDATE, 7 },
	{ "fec valor", R_VDATE, 7 }, { "data valor", R_VDATE, 7 }, { "data de valor", R_VDATE, 7 },
	{ "data de credito", R_VDATE, 5 }, { "dt valor", R_VDATE, 7 },

	{ "description", R_DESC, 9 }, { "transaction description", R_DESC, 9 },
	{ "details", R_DESC, 8 }, { "transaction details", R_DESC, 8 }, { "detail", R_DESC, 4 },
	{ "narrative", R_DESC, 8 }, { "particulars", R_DESC, 8 }, { "memo", R_DESC, 5 },
	{ "payee", R_DESC, 7 }, { "label", R_DESC, 7 }, { "libelle", R_DESC, 7 },
	{ "merchant", R_DESC, 6 }, { "transaction", R_DESC, 6 }, { "title", R_DESC, 5 },
	{ "descricao", R_DESC, 9 }, { "historico", R_DESC, 9 }, { "lancamento", R_DESC, 7 },
	{ "lancamentos", R_DESC, 7 }, { "estabelecimento", R_DESC, 6 }, { "concepto", R_DESC, 9 },
	{ "descripcion", R_DESC, 9 }, { "detalle", R_DESC, 6 }, { "movimiento", R_DESC, 5 },
	{ "movimientos", R_DESC, 5 }, { "observaciones", R_DESC, 2 }, { "comercio", R_DESC, 5 },
	{ "beneficiario", R_DESC, 3 }, { "counterparty", R_DESC, 3 }, { "reference", R_DESC, 2 },
	{ "referencia", R_DESC, 2 },

	{ "amount", R_AMOUNT, 8 }, { "amt", R_AMOUNT, 6 }, { "value", R_AMOUNT, 4 },
	{ "transaction amount", R_AMOUNT, 8 }, { "net amount", R_AMOUNT, 7 },
	{ "valor", R_AMOUNT, 8 }, { "valor da transacao", R_AMOUNT, 8 }, { "quantia", R_AMOUNT, 6 },
	{ "montante", R_AMOUNT, 6 }, { "importe", R_AMOUNT, 8 }, { "monto", R_AMOUNT, 8 },

	{ "debit", R_DEBIT, 8 }, { "debits", R_DEBIT, 8 }, { "debit amount", R_DEBIT, 8 },
	{ "withdrawal", R_DEBIT, 8 }, { "withdrawals", R_DEBIT, 8 }, { "paid out", R_DEBIT, 8 },
	{ "money out", R_DEBIT, 8 }, { "out", R_DEBIT, 3 }, { "payments", R_DEBIT, 3 },
	{ "debito", R_DEBIT, 8 }, { "debitos", R_DEBIT, 8 }, { "saida", R_DEBIT, 7 },
	{ "saidas", R_DEBIT, 7 }, { "cargo", R_DEBIT, 8 }, { "cargos", R_DEBIT, 8 },
	{ "debe", R_DEBIT, 6 }, { "retiro", R_DEBIT, 7 }, { "retiros", R_DEBIT, 7 },

	{ "credit", R_CREDIT, 8 }, { "credits", R_CREDIT, 8 }, { "credit amount", R_CREDIT, 8 },
	{ "deposit", R_CREDIT, 8 }, { "deposits", R_CREDIT, 8 }, { "paid in", R_CREDIT, 8 },
	{ "money in", R_CREDIT, 8 }, { "in", R_CREDIT, 3 }, { "credito", R_CREDIT, 8 },
	{ "creditos", R_CREDIT, 8 }, { "entrada", R_CREDIT, 7 }, { "entradas", R_CREDIT, 7 },
	{ "abono", R_CREDIT, 8 }, { "abonos", R_CREDIT, 8 }, { "haber", R_CREDIT, 6 },
	{ "ingreso", R_CREDIT, 7 }, { "ingresos", R_CREDIT, 7 },

	{ "balance", R_BALANCE, 8 }, { "running balance", R_BALANCE, 8 },
	{ "available balance", R_BALANCE, 7 }, { "saldo", R_BALANCE, 8 }, { "saldos", R_BALANCE, 8 },
	{ "saldo disponible", R_BALANCE, 8 }, { "disponible", R_BALANCE, 7 },

	{ "type", R_TYPE, 5 }, { "tipo", R_TYPE, 5 }, { "transaction type", R_TYPE, 6 },
	{ "c d", R_TYPE, 8 }, { "d c", R_TYPE, 8 }, { "cr dr", R_TYPE, 8 }, { "dr cr", R_TYPE, 8 },
	{ "debit credit", R_TYPE, 9 }, { "credit debit", R_TYPE, 9 }, { "debito credito", R_TYPE, 9 },
	{ "credito debito", R_TYPE, 9 }, { "deb cred", R_TYPE, 9 }, { "sign", R_TYPE, 5 },
	{ "natureza", R_TYPE, 5 }, { "tipo de movimiento", R_TYPE, 6 }, { "tipo de operacion", R_TYPE, 6 },

	{ "currency", R_CURRENCY, 8 }, { "divisa", R_CURRENCY, 8 }, { "moeda", R_CURRENCY, 8 },
	{ "moneda", R_CURRENCY, 8 }, { "ccy", R_CURRENCY, 8 }, { "currency code", R_CURRENCY, 8 },

	{ "transaction id", R_REF, 8 }, { "id", R_REF, 5 }, { "fitid", R_REF, 8 },
	{ "identificador", R_REF, 6 }, { "operation number", R_REF, 6 }, { "ref", R_REF, 4 },
	{ "numero de operacion", R_REF, 6 }, { "n operacion", R_REF, 6 }, { "documento", R_REF, 4 },
	{ "reference number", R_REF, 6 }, { "ref no", R_REF, 5 },

	{ "amount currency", R_IGNORE, 9 }, { "amount in", R_IGNORE, 9 },
	{ "original amount", R_IGNORE, 9 }, { "foreign amount", R_IGNORE, 9 },
	{ "valor original", R_IGNORE, 9 }, { "valor em dolar", R_IGNORE, 9 },
	{ "valor us", R_IGNORE, 9 }, { "importe original", R_IGNORE, 9 },
	{ "category", R_IGNORE, 8 }, { "categoria", R_IGNORE, 8 }, { "subcategory", R_IGNORE, 8 },
	{ "partner name", R_IGNORE, 8 }, { "bank account", R_IGNORE, 8 }, { "account", R_IGNORE, 5 },
	{ "conta", R_IGNORE, 5 }, { "cuenta", R_IGNORE, 5 }, { "exchange rate", R_IGNORE, 8 },
	{ "check or slip", R_IGNORE, 8 }, { "number", R_IGNORE, 4 },
	{ NULL, 0, 0 }
};

#define HEADER_SCAN	80	/* lines looked at for the header */
#define MAX_COLS	64	/* positioned header cells */
#define SCRATCH		1024	/* a positioned field's text */

/* How a row's sign was told. */
enum { SG_BARE, SG_SIGNED, SG_DC, SG_MARK };

struct model {
	int	 col[R_COUNT];		/* the column of each role, -1 none */
	int	 score[R_COUNT];
	int	 desc2;			/* a second description column, -1 none */
	size_t	 ncols;			/* positioned: header cells */
	int	 role_of[MAX_COLS];	/* positioned: each header cell's role */
	int32_t	 x0[MAX_COLS], x1[MAX_COLS];
	int32_t	 edge[MAX_COLS];	/* positioned: right edge of each column's band */
};

struct fields {
	const char *v[R_COUNT];
	int	 k[R_COUNT + 1];
	const char *desc2;
	char	 buf[R_COUNT + 1][SCRATCH];	/* positioned lines' texts */
};

struct rd {
	const struct stmt_table *t;
	const struct stmt_opts *o;
	struct pool	*pool;
	struct stmt_result *out;
	struct model	 m;
	size_t		 first;		/* the first line after the header */
	enum stmt_order	 order;
	int		 mark;		/* the decimal mark */
	int		 scale;
	int		 markers;	/* the type column holds C/D markers */
	int		 card;		/* a card bill: purchases are money out */
	int		 have_open;
	int64_t		 open_bal;
	unsigned char	*how;		/* each row's SG_ */
	struct fields	 f;
};

static int
blank(const char *s)
{
	for (; s != NULL && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n' &&
		    !((unsigned char)*s == 0xc2 && (unsigned char)s[1] == 0xa0))
			return 0;
		else if ((unsigned char)*s == 0xc2)
			s++;
	return 1;
}

/* The role a header cell's text names, and how surely. */
static int
cell_role(const char *text, int *score)
{
	const struct phrase *ph;
	char	 n[64];
	size_t	 len, pl, words = 1, i;
	int	 best = 0, role = R_NONE, sc;

	*score = 0;
	len = stmt_fold(text, strlen(text), n, sizeof(n));
	if (len == 0 || len + 3 >= sizeof(n))
		return R_NONE;
	for (i = 0; i < len; i++)
		words += n[i] == ' ';
	if (words > 5)
		return R_NONE;
	for (ph = phrases; ph->p != NULL; ph++) {
		pl = strlen(ph->p);
		if (strcmp(n, ph->p) == 0)
			sc = 2 * ph->weight + 1;
		else if (strncmp(n, ph->p, pl) == 0 && n[pl] == ' ')
			sc = ph->weight;
		else
			continue;
		if (sc > best)
			best = sc, role = ph->role;
	}
	*score = best;
	return role;
}

/* ---- positioned lines: words into chunks, chunks into columns ---- */

/* 1 if a word reads as (part of) a number: digits, separators, signs, a currency sign or D/C. */
static int
numeric_word(const char *s, int *digits)
{
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			(*digits)++;
		else if (!strchr(",.-+()'$DCRBLUSE*", *s) && (unsigned char)*s < 0x80)
			return 0;
	}
	return 1;
}

/*
 * The chunks of a positioned line: runs of words closer than about half
 * their height, as word ranges [a[k], b[k]). Returns their count.
 */
static size_t
chunk_ranges(const struct stmt_line *l, size_t *a, size_t *b, size_t max)
{
	size_t	 i, n = 0;
	int32_t	 gap = l->height > 0 ? l->height * 45 / 100 : 400;

	for (i = 0; i < l->ncells; i++) {
		if (n > 0 && l->cells[i].x0 - l->cells[i - 1].x1 <= gap) {
			b[n - 1] = i + 1;
			continue;
		}
		if (n == max)
			break;
		a[n] = i;
		b[n] = i + 1;
		n++;
	}
	return n;
}

/* The words [a, b) of a line joined by spaces into buf. */
static void
join_words(const struct stmt_line *l, size_t a, size_t b, char *buf, size_t cap)
{
	size_t	 o = 0, k, i;

	buf[0] = '\0';
	for (i = a; i < b; i++) {
		k = strlen(l->cells[i].text);
		if (o + k + 2 > cap)
			break;
		if (o > 0)
			buf[o++] = ' ';
		memcpy(buf + o, l->cells[i].text, k + 1);
		o += k;
	}
}

/* The whole line's text (any table) into buf. */
static void
line_text(const struct stmt_line *l, char *buf, size_t cap)
{
	join_words(l, 0, l->ncells, buf, cap);
}

/* The column (header cell) whose band holds x. */
static size_t
band(const struct model *m, int32_t x)
{
	size_t	 k;

	for (k = 0; k + 1 < m->ncols; k++)
		if (x < m->edge[k])
			return k;
	return m->ncols - 1;
}

static void
put(struct fields *f, const struct model *m, size_t col, const struct stmt_cell *c)
{
	int	 role = m->role_of[col];
	char	*b;
	size_t	 o, n = strlen(c->text);

	if ((int)col == m->desc2)
		role = R_COUNT;		/* the second description's slot */
	else if (role == R_NONE || role == R_IGNORE)
		return;
	b = f->buf[role];
	o = strlen(b);
	if (o > 0 && o + 1 < SCRATCH)
		b[o++] = ' ';
	if (o + n + 1 > SCRATCH)
		n = SCRATCH - o - 1;
	memcpy(b + o, c->text, n);
	b[o + n] = '\0';
	f->k[role] = c->kind;
}

/*
 * A positioned line's fields: each chunk to the column whose band holds
 * it, numbers by their right edge (they align right); a chunk of words
 * across two bands ("05/11 PADARIA" set close) is split word by word.
 */
static void
fields_positioned(struct rd *r, const struct stmt_line *l)
{
	size_t	 a[MAX_COLS * 2], b[MAX_COLS * 2], n, i, j, ba, bb;
	struct fields *f = &r->f;
	int	 num, digits;

	for (i = 0; i <= R_COUNT; i++) {
		f->buf[i][0] = '\0';
		f->k[i] = STMT_TEXT;
	}
	n = chunk_ranges(l, a, b, sizeof(a) / sizeof(a[0]));
	for (i = 0; i < n; i++) {
		ba = band(&r->m, l->cells[a[i]].x0);
		bb = band(&r->m, l->cells[b[i] - 1].x1);
		digits = 0;
		num = 1;
		for (j = a[i]; j < b[i] && num; j++)
			num = numeric_word(l->cells[j].text, &digits);
		num = num && digits > 0;
		if (ba == bb || num) {
			for (j = a[i]; j < b[i]; j++)
				put(f, &r->m, num ? bb : ba, &l->cells[j]);
			continue;
		}
		for (j = a[i]; j < b[i]; j++) {
			digits = 0;
			num = numeric_word(l->cells[j].text, &digits) && digits > 0;
			put(f, &r->m, band(&r->m, num ? l->cells[j].x1 : l->cells[j].x0), &l->cells[j]);
		}
	}
	for (i = 0; i < R_COUNT; i++)
		f->v[i] = f->buf[i];
	f->desc2 = f->buf[R_COUNT];
}

static void
fields_of(struct rd *r, const struct stmt_line *l)
{
	struct fields *f = &r->f;
	int	 i, c;

	if (r->t->positioned) {
		fields_positioned(r, l);
		return;
	}
	for (i = 0; i < R_COUNT; i++) {
		c = r->m.col[i];
		f->v[i] = c >= 0 && (size_t)c < l->ncells ? l->cells[c].text : "";
		f->k[i] = c >= 0 && (size_t)c < l->ncells ? l->cells[c].kind : STMT_TEXT;
	}
	c = r->m.desc2;
	f->desc2 = c >= 0 && (size_t)c < l->ncells ? l->cells[c].text : "";
}

/* ---- the header ---- */

/* The roles of a line's cells (positioned: its chunks); 1 if it is a header: a date and an amount at least. */
static int
header_model(struct rd *r, const struct stmt_line *l, struct model *m)
{
	size_t	 a[MAX_COLS], b[MAX_COLS], n = l->ncells, i;
	int	 role, sc, found = 0;
	char	 text[256];
	const char *t;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < R_COUNT; i++)
		m->col[i] = -1;
	m->desc2 = -1;
	if (r->t->positioned)
		n = chunk_ranges(l, a, b, MAX_COLS);
	for (i = 0; i < n && i < 4096; i++) {
		if (r->t->positioned) {
			join_words(l, a[i], b[i], text, sizeof(text));
			t = text;
			m->x0[i] = l->cells[a[i]].x0;
			m->x1[i] = l->cells[b[i] - 1].x1;
			m->role_of[i] = R_IGNORE;
		} else {
			t = l->cells[i].text;
			if (l->cells[i].kind != STMT_TEXT)
				continue;
		}
		if (blank(t))
			continue;
		role = cell_role(t, &sc);
		if (r->t->positioned)
			m->role_of[i] = role;
		if (role == R_NONE || role == R_IGNORE)
			continue;
		found++;
		if (role == R_DESC && m->col[R_DESC] >= 0 && sc <= m->score[R_DESC]) {
			if (m->desc2 < 0)
				m->desc2 = (int)i;
			continue;
		}
		if (sc > m->score[role]) {
			if (role == R_DESC && m->col[R_DESC] >= 0)
				m->desc2 = m->col[R_DESC];
			m->col[role] = (int)i;
			m->score[role] = sc;
		}
	}
	if (r->t->positioned) {
		m->ncols = n;
		for (i = 0; i < n; i++) {
			/* a role's losing cells are not that role */
			if (m->role_of[i] != R_NONE && m->role_of[i] != R_IGNORE &&
			    m->col[m->role_of[i]] != (int)i && (int)i != m->desc2)
				m->role_of[i] = R_IGNORE;
		}
		for (i = 0; i + 1 < n; i++)
			m->edge[i] = m->x1[i] + (m->x0[i + 1] - m->x1[i]) / 2;
		if (n > 0)
			m->edge[n - 1] = INT32_MAX;
	}
	if (m->col[R_DATE] < 0 && m->col[R_VDATE] >= 0) {
		m->col[R_DATE] = m->col[R_VDATE];
		m->col[R_VDATE] = -1;
		if (r->t->positioned)
			m->role_of[m->col[R_DATE]] = R_DATE;
	}
	return found >= 2 && m->col[R_DATE] >= 0 && (m->col[R_AMOUNT] >= 0 ||
	    m->col[R_DEBIT] >= 0 || m->col[R_CREDIT] >= 0);
}

/* 1 if line i repeats the header (a new page's); a positioned one moves the columns. */
static int
header_again(struct rd *r, const struct stmt_line *l)
{
	struct model m;
	int	 i;

	if (!header_model(r, l, &m))
		return 0;
	for (i = 0; i < R_COUNT; i++)
		if ((m.col[i] >= 0) != (r->m.col[i] >= 0) && i != R_REF && i != R_TYPE &&
		    i != R_CURRENCY && i != R_VDATE)
			return 0;
	if (r->t->positioned)
		r->m = m;
	return 1;
}

/* ---- conventions told from the whole table ---- */

static int
lang_is(const struct stmt_opts *o, const char *code)
{
	return o->lang != NULL && strcmp(o->lang, code) == 0;
}

/* The date column's text of line l (the value date when the date is empty), and its kind. */
static const char *
date_text(const struct fields *f, int *kind)
{
	if (!blank(f->v[R_DATE])) {
		*kind = f->k[R_DATE];
		return f->v[R_DATE];
	}
	*kind = f->k[R_VDATE];
	return f->v[R_VDATE];
}

/* A serial day number written as text ("45231", "45231.5"); 1 with *serial set. */
static int
serial_text(const char *s, int kind, int64_t *serial)
{
	int64_t	 v = 0;
	int	 nd = 0;

	if (kind == STMT_NUMBER)
		return stmt_number(s, 0, serial) == 0 && *serial >= 10000 && *serial <= 110000;
	/* digits past the sixth only counted: twenty overflowed (the fuzzer) */
	for (; *s >= '0' && *s <= '9'; s++, nd++)
		if (nd < 6)
			v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	if (*s != '\0' || nd != 5)
		return 0;
	*serial = v;
	return v >= 10000 && v <= 110000;
}

static int
read_date(struct rd *r, const char *s, int kind, enum stmt_order order, char out[11])
{
	int64_t	 serial;

	if (kind == STMT_DATE)
		return stmt_date(s, strlen(s), STMT_YMD, r->o->today, out);
	if (serial_text(s, kind, &serial))
		return stmt_serial_date(serial, r->o->date1904, out);
	return stmt_date(s, strlen(s), order, r->o->today, out);
}

/* The order that reads the most dates; ties go to the narrower span of days, then the language. */
static void
learn_order(struct rd *r)
{
	static const enum stmt_order orders[3] = { STMT_DMY, STMT_MDY, STMT_YMD };
	size_t	 ok[3] = { 0, 0, 0 }, i, seen = 0;
	long	 lo[3] = { 0, 0, 0 }, hi[3] = { 0, 0, 0 }, z;
	int	 k, best, kind;
	char	 d[11];
	const char *s;

	for (i = r->first; i < r->t->nlines && seen < 5000; i++) {
		fields_of(r, &r->t->lines[i]);
		s = date_text(&r->f, &kind);
		if (blank(s) || kind != STMT_TEXT)
			continue;
		seen++;
		for (k = 0; k < 3; k++) {
			if (read_date(r, s, kind, orders[k], d) < 0 || cal_parse(d, &z) < 0)
				continue;
			if (ok[k]++ == 0 || z < lo[k])
				lo[k] = z;
			if (ok[k] == 1 || z > hi[k])
				hi[k] = z;
		}
	}
	best = lang_is(r->o, "en") || r->o->lang == NULL ? 1 : 0;
	for (k = 0; k < 3; k++) {
		if (ok[k] > ok[best] || (ok[k] == ok[best] && ok[k] > 0 &&
		    hi[k] - lo[k] < hi[best] - lo[best]))
			best = k;
	}
	r->order = orders[best];
}

/* The decimal mark the amount columns vote for; a tie goes to the language. */
static void
learn_mark(struct rd *r)
{
	static const int cols[] = { R_AMOUNT, R_DEBIT, R_CREDIT, R_BALANCE };
	size_t	 i, c, comma = 0, point = 0, seen = 0;

	for (i = r->first; i < r->t->nlines && seen < 5000; i++) {
		fields_of(r, &r->t->lines[i]);
		for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
			const char *s = r->f.v[cols[c]], *p, *last = NULL;
			size_t	 after = 0, nc = 0, np = 0;

			if (blank(s) || r->f.k[cols[c]] != STMT_TEXT)
				continue;
			seen++;
			for (p = s; *p; p++) {
				if (*p == ',')
					nc++, last = p;
				else if (*p == '.')
					np++, last = p;
			}
			if (last == NULL)
				continue;
			for (p = last + 1; *p >= '0' && *p <= '9'; p++)
				after++;
			if (nc > 0 && np > 0)
				*last == ',' ? comma++ : point++;
			else if (after == 1 || after == 2)
				*last == ',' ? comma++ : point++;
			else if (after == 3 && (*last == ',' ? nc : np) > 1)
				*last == ',' ? point++ : comma++;
		}
	}
	if (comma != point)
		r->mark = comma > point ? ',' : '.';
	else
		r->mark = lang_is(r->o, "pt") || lang_is(r->o, "es") ? ',' : '.';
}

/* -1 debit, +1 credit, 0 not a marker. */
static int
marker_word(const char *s)
{
	static const char *const neg[] = { "d", "dr", "db", "deb", "debit", "debito", "debet",
		"cargo", "saida", "out", "withdrawal", NULL };
	static const char *const pos[] = { "c", "cr", "cred", "credit", "credito", "abono",
		"entrada", "in", "deposit", NULL };
	char	 n[24];
	size_t	 i;

	if (strcmp(s, "-") == 0)
		return -1;
	if (strcmp(s, "+") == 0)
		return 1;
	stmt_fold(s, strlen(s), n, sizeof(n));
	for (i = 0; neg[i] != NULL; i++)
		if (strcmp(n, neg[i]) == 0)
			return -1;
	for (i = 0; pos[i] != NULL; i++)
		if (strcmp(n, pos[i]) == 0)
			return 1;
	return 0;
}

/* 1 if the type column holds debit/credit markers (nine in ten of its cells). */
static void
learn_markers(struct rd *r)
{
	size_t	 i, n = 0, hit = 0;

	r->markers = 0;
	if (r->m.col[R_TYPE] < 0 || r->m.col[R_AMOUNT] < 0)
		return;
	for (i = r->first; i < r->t->nlines && n < 5000; i++) {
		fields_of(r, &r->t->lines[i]);
		if (blank(r->f.v[R_TYPE]))
			continue;
		n++;
		hit += marker_word(r->f.v[R_TYPE]) != 0;
	}
	r->markers = n > 0 && hit * 10 >= n * 9;
}

/* A card bill says so before its table. */
static void
learn_card(struct rd *r, size_t upto)
{
	static const char *const words[] = { "fatura", "cartao de credito", "credit card",
		"tarjeta de credito", "card statement", "minimum payment", "pagamento minimo",
		"pago minimo", "extracto de tarjeta", NULL };
	char	 t[1024], n[1024];
	size_t	 i, w;

	for (i = 0; i < upto && i < r->t->nlines; i++) {
		line_text(&r->t->lines[i], t, sizeof(t));
		stmt_fold(t, strlen(t), n, sizeof(n));
		for (w = 0; words[w] != NULL; w++)
			if (strstr(n, words[w]) != NULL)
				r->card = 1;
	}
}

/* The statement's currency named in the header's cells or the lines above it, nearest first. */
static void
learn_currency(struct rd *r, size_t upto)
{
	size_t	 i;
	char	 t[1024], cur[4];

	for (i = upto < r->t->nlines ? upto + 1 : upto; i-- > 0; ) {
		line_text(&r->t->lines[i], t, sizeof(t));
		if (stmt_currency_in(t, strlen(t), cur) == 0) {
			memcpy(r->out->currency, cur, 4);
			return;
		}
	}
}

/* ---- rows ---- */

/*
 * 1 if the text begins a balance line ("Saldo anterior", "Balance brought
 * forward"); 2 if one that opens the statement; with weak, total lines too
 * ("Total", "Subtotal": never a dated row's words).
 */
static int
balance_text(const char *s, int weak)
{
	static const char *const opening[] = { "saldo anterior", "saldo inicial", "sdo anterior",
		"opening balance", "previous balance", "starting balance", "balance brought",
		"balance forward", "brought forward", "balance at start", "balance b f",
		"saldo de apertura", "saldo ant", NULL };
	static const char *const strong[] = { "saldo", "sdo", "s a l d o", "closing balance",
		"new balance", "ending balance", "balance carried", "carried forward", "balance at",
		"balance as", "balance on", "balance c f", NULL };
	static const char *const weaker[] = { "balance", "total", "totals", "subtotal",
		"sub total", "totales", "suma", "resumen", "resumo", NULL };
	char	 n[64];
	size_t	 i, k;

	stmt_fold(s, strlen(s), n, sizeof(n));
	for (i = 0; opening[i] != NULL; i++) {
		k = strlen(opening[i]);
		if (strncmp(n, opening[i], k) == 0 && (n[k] == '\0' || n[k] == ' '))
			return 2;
	}
	for (i = 0; strong[i] != NULL; i++) {
		k = strlen(strong[i]);
		if (strncmp(n, strong[i], k) == 0 && (n[k] == '\0' || n[k] == ' '))
			return 1;
	}
	for (i = 0; weak && weaker[i] != NULL; i++) {
		k = strlen(weaker[i]);
		if (strncmp(n, weaker[i], k) == 0 && (n[k] == '\0' || n[k] == ' '))
			return 1;
	}
	return 0;
}

static int
parse_amount(struct rd *r, const char *s, int kind, int64_t *v, char cur[4])
{
	cur[0] = '\0';
	if (kind == STMT_NUMBER)
		return stmt_number(s, r->scale, v);
	if (stmt_amount(s, strlen(s), r->mark, r->scale, v, cur) == 0)
		return 0;
	return stmt_amount(s, strlen(s), 0, r->scale, v, cur);
}

/* 1 if a text amount has a fraction (a page number or a count has none). */
static int
has_fraction(const char *s, int kind)
{
	const char *p;

	if (kind == STMT_NUMBER)
		return 1;
	for (p = s; *p; p++)
		if ((*p == ',' || *p == '.') && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
		    p[2] <= '9' && !(p[3] >= '0' && p[3] <= '9'))
			return 1;
	return 0;
}

/* An opening balance line ("Saldo anterior"): the first one's figure is kept for sign_by_balance. */
static void
note_balance(struct rd *r, int kind)
{
	static const int cols[] = { R_BALANCE, R_AMOUNT, R_CREDIT, R_DEBIT };
	size_t	 c;
	int64_t	 v;
	char	 cur[4];

	if (kind != 2 || r->have_open)
		return;
	for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
		if (!blank(r->f.v[cols[c]]) &&
		    parse_amount(r, r->f.v[cols[c]], r->f.k[cols[c]], &v, cur) == 0) {
			r->have_open = 1;
			r->open_bal = cols[c] == R_DEBIT && v > 0 ? -v : v;
			return;
		}
}

/*
 * The row's amount: debit and credit columns, or the amount column with
 * its sign or its C/D marker. 0, -1 with *bad the text that is not an amount.
 */
static int
row_amount(struct rd *r, int64_t *v, int *how, char cur[4], const char **bad)
{
	const struct fields *f = &r->f;
	int64_t	 d = 0, c = 0;
	int	 m;

	*v = 0;
	if (!blank(f->v[R_DEBIT]) || !blank(f->v[R_CREDIT])) {
		if (!blank(f->v[R_DEBIT]) && parse_amount(r, f->v[R_DEBIT], f->k[R_DEBIT], &d, cur) < 0)
			return *bad = f->v[R_DEBIT], -1;
		if (!blank(f->v[R_CREDIT]) && parse_amount(r, f->v[R_CREDIT], f->k[R_CREDIT], &c, cur) < 0)
			return *bad = f->v[R_CREDIT], -1;
		*v = c - (d < 0 ? -d : d);
		*how = SG_DC;
		if (*v != 0 || blank(f->v[R_AMOUNT]))
			return 0;
	}
	if (parse_amount(r, f->v[R_AMOUNT], f->k[R_AMOUNT], v, cur) < 0)
		return *bad = f->v[R_AMOUNT], -1;
	*how = *v < 0 ? SG_SIGNED : SG_BARE;
	if (r->markers && (m = marker_word(f->v[R_TYPE])) != 0) {
		*v = (*v < 0 ? -*v : *v) * m;
		*how = SG_MARK;
	}
	return 0;
}

static int
reject(struct rd *r, size_t line, const char *what, const char *text)
{
	char	 msg[121], t[48];

	stmt_text(t, sizeof(t), text, strlen(text));
	if (text[0] != '\0')
		snprintf(msg, sizeof(msg), "%s: '%s'", what, t);
	else
		snprintf(msg, sizeof(msg), "%s", what);
	return stmt_reject(r->out, r->pool, line, msg) == STMT_OK ? 0 : -1;
}

/* A row from the current fields, dated date. 0, or a STMT_ status. */
static int
emit(struct rd *r, const struct stmt_line *l, const char *date, size_t *last)
{
	const struct fields *f = &r->f;
	struct stmt_row *row;
	const char *bad = "";
	int64_t	 v, b;
	int	 how = SG_BARE, st;
	char	 cur[4], bc[4];
	long	 z, today;

	if (row_amount(r, &v, &how, cur, &bad) < 0)
		return reject(r, l->line, "the amount could not be read", bad) < 0 ? STMT_NOMEM : 0;
	if (v == 0)
		return 0;		/* nothing moved: informational */
	if (r->o->today != NULL && cal_parse(r->o->today, &today) == 0 &&
	    cal_parse(date, &z) == 0 && z > today + 1)
		return reject(r, l->line, "the date is after today", date) < 0 ? STMT_NOMEM : 0;
	if ((st = stmt_add(r->out, r->pool, r->o->max_rows, l->line, &row)) != STMT_OK)
		return st;
	r->how[r->out->nrows - 1] = (unsigned char)how;
	memcpy(row->date, date, 11);
	row->amount_cents = v;
	memcpy(row->currency, cur, 4);
	if (!blank(f->v[R_CURRENCY])) {
		char c3[8];

		stmt_text(c3, sizeof(c3), f->v[R_CURRENCY], strlen(f->v[R_CURRENCY]));
		if (strlen(c3) == 3 && currency_valid(c3))
			memcpy(row->currency, c3, 4);
	}
	stmt_text(row->description, sizeof(row->description), f->v[R_DESC], strlen(f->v[R_DESC]));
	if (row->description[0] == '\0')
		stmt_text(row->description, sizeof(row->description), f->desc2, strlen(f->desc2));
	if (!r->markers)
		stmt_text(row->bank_type, sizeof(row->bank_type), f->v[R_TYPE], strlen(f->v[R_TYPE]));
	stmt_text(row->external_id, sizeof(row->external_id), f->v[R_REF], strlen(f->v[R_REF]));
	if (!blank(f->v[R_BALANCE]) &&
	    parse_amount(r, f->v[R_BALANCE], f->k[R_BALANCE], &b, bc) == 0) {
		row->has_balance = 1;
		row->balance_cents = b;
	}
	*last = r->out->nrows - 1;
	return 0;
}

/* 1 if a positioned line may continue the row above it (same page, close below). */
static int
close_below(const struct rd *r, const struct stmt_line *prev, const struct stmt_line *l)
{
	int32_t	 h;

	if (!r->t->positioned)
		return 1;
	h = prev->height > l->height ? prev->height : l->height;
	if (h <= 0)
		h = 1000;
	return prev->page == l->page && l->y > prev->y && l->y - prev->y <= h * 25 / 10;
}

/* The amount columns of the current fields hold something. */
static int
has_amount_text(const struct rd *r)
{
	return !blank(r->f.v[R_AMOUNT]) || !blank(r->f.v[R_DEBIT]) || !blank(r->f.v[R_CREDIT]);
}

static const char *
amount_text(const struct rd *r, int *kind)
{
	static const int cols[] = { R_AMOUNT, R_DEBIT, R_CREDIT };
	size_t	 c;

	for (c = 0; c < 3; c++)
		if (!blank(r->f.v[cols[c]])) {
			*kind = r->f.k[cols[c]];
			return r->f.v[cols[c]];
		}
	*kind = STMT_TEXT;
	return "";
}

struct pending {
	int	 on;
	size_t	 line;
	char	 date[11];
	char	 desc[121];
};

/* A dated line whose amount never came. */
static int
drop_pending(struct rd *r, struct pending *p)
{
	if (!p->on)
		return 0;
	p->on = 0;
	return reject(r, p->line, "no amount could be read", p->desc);
}

/* A balance or total line in the current fields (its words in the date or description column). */
static int
balance_line(struct rd *r, const char *ds, int weak)
{
	int	 k;

	if ((k = balance_text(ds, weak)) == 0)
		k = balance_text(r->f.v[R_DESC], weak);
	if (k > 0)
		note_balance(r, k);
	return k > 0;
}

static int
read_rows(struct rd *r)
{
	const struct stmt_line *l, *prev = NULL;
	struct pending pend;
	size_t	 i, last = (size_t)-1;
	char	 date[11], lastdate[11] = "";
	const char *ds, *d;
	int	 dk, ak = STMT_TEXT, st, dated;

	memset(&pend, 0, sizeof(pend));
	for (i = r->first; i < r->t->nlines; i++) {
		l = &r->t->lines[i];
		if ((i & 255) == 0 && r->o->stop != NULL && r->o->stop(r->o->stop_arg))
			return stmt_fail(r->out, STMT_STOPPED, "reading took too long");
		fields_of(r, l);
		ds = date_text(&r->f, &dk);
		dated = !blank(ds) && read_date(r, ds, dk, r->order, date) == 0;
		if (!dated && !blank(ds)) {
			/* not a date where one goes: a header again, a balance line, titles */
			last = (size_t)-1;
			if (balance_line(r, ds, 1) || header_again(r, l))
				continue;
			if (has_amount_text(r) && has_fraction(amount_text(r, &ak), ak) &&
			    (reject(r, l->line, "the date could not be read", ds) < 0 ||
			    drop_pending(r, &pend) < 0))
				return stmt_fail(r->out, STMT_NOMEM, "out of memory");
			continue;
		}
		if (!dated && !has_amount_text(r)) {
			/* words alone: the row above continues, or a title */
			d = !blank(r->f.v[R_DESC]) ? r->f.v[R_DESC] : r->f.desc2;
			if (blank(d) || balance_line(r, ds, 1) || prev == NULL ||
			    !close_below(r, prev, l) || (!pend.on && last == (size_t)-1)) {
				last = (size_t)-1;
				continue;
			}
			if (pend.on)
				stmt_text_append(pend.desc, sizeof(pend.desc), d, strlen(d));
			else
				stmt_text_append(r->out->rows[last].description,
				    sizeof(r->out->rows[last].description), d, strlen(d));
			prev = l;
			continue;
		}
		if (!dated) {
			/* an amount with no date: the date printed once for the day above, or a dated line's amount */
			if (balance_line(r, ds, 1)) {
				last = (size_t)-1;
				continue;
			}
			if (!has_fraction(amount_text(r, &ak), ak) && r->t->positioned)
				continue;	/* a page number, a count */
			if (pend.on) {
				memcpy(date, pend.date, 11);
				stmt_text_append(pend.desc, sizeof(pend.desc), r->f.v[R_DESC],
				    strlen(r->f.v[R_DESC]));
				r->f.v[R_DESC] = pend.desc;
				pend.on = 0;
			} else if (lastdate[0] != '\0' && (prev == NULL || close_below(r, prev, l) ||
			    r->t->positioned))
				memcpy(date, lastdate, 11);
			else {
				if (reject(r, l->line, "the row has no date", r->f.v[R_DESC]) < 0)
					return stmt_fail(r->out, STMT_NOMEM, "out of memory");
				continue;
			}
		} else {
			if (drop_pending(r, &pend) < 0)
				return stmt_fail(r->out, STMT_NOMEM, "out of memory");
			if (balance_line(r, "", 0)) {
				last = (size_t)-1;
				prev = l;
				continue;
			}
			if (!has_amount_text(r)) {
				/* its amount may come on a line below */
				pend.on = 1;
				pend.line = l->line;
				memcpy(pend.date, date, 11);
				stmt_text(pend.desc, sizeof(pend.desc), r->f.v[R_DESC],
				    strlen(r->f.v[R_DESC]));
				last = (size_t)-1;
				prev = l;
				continue;
			}
		}
		last = (size_t)-1;
		if ((st = emit(r, l, date, &last)) != 0) {
			if (st == STMT_TOOMANY)
				return stmt_fail(r->out, st, "more than %zu rows", r->o->max_rows);
			return stmt_fail(r->out, st, "out of memory");
		}
		memcpy(lastdate, date, 11);
		prev = l;
	}
	if (drop_pending(r, &pend) < 0)
		return stmt_fail(r->out, STMT_NOMEM, "out of memory");
	return STMT_OK;
}

/* ---- signs told after the rows ---- */

static int64_t
abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/*
 * Unsigned amounts beside a running balance: each row's sign is the way
 * the balance moved, read in the direction (oldest or newest first) that
 * explains more rows. Rows of another kind, or without a balance (an OCR
 * slip), are left as they are if they are few (a tenth at most); more,
 * and the amounts are not bare.
 */
static void
sign_by_balance(struct rd *r)
{
	struct stmt_row *w = r->out->rows;
	size_t	 n = r->out->nrows, i, up = 0, down = 0, odd = 0;
	int64_t	 prev;

#define BARE(k)	(r->how[k] == SG_BARE && w[k].has_balance)
	for (i = 0; i < n; i++)
		if (!BARE(i))
			odd++;
	if (odd * 10 > n)
		return;
	for (i = 0; i < n; i++) {
		if (!BARE(i))
			continue;
		if (i > 0 && BARE(i - 1) &&
		    abs64(w[i].balance_cents - w[i - 1].balance_cents) == w[i].amount_cents)
			up++;
		if (i + 1 < n && BARE(i + 1) &&
		    abs64(w[i].balance_cents - w[i + 1].balance_cents) == w[i].amount_cents)
			down++;
	}
	if (up == 0 && down == 0)
		return;
	for (i = 0; i < n; i++) {
		if (!BARE(i))
			continue;
		if (up >= down) {
			if (i == 0 ? !r->have_open : !w[i - 1].has_balance)
				continue;
			prev = i == 0 ? r->open_bal : w[i - 1].balance_cents;
		} else {
			if (i + 1 == n ? !r->have_open : !w[i + 1].has_balance)
				continue;
			prev = i + 1 == n ? r->open_bal : w[i + 1].balance_cents;
		}
		if (w[i].balance_cents - prev == -w[i].amount_cents)
			w[i].amount_cents = -w[i].amount_cents;
	}
#undef BARE
}

/* A card bill lists purchases as positive: money out of the account is negative here. */
static void
sign_card(struct rd *r)
{
	size_t	 i, pos = 0, neg = 0;

	for (i = 0; i < r->out->nrows; i++) {
		if (r->how[i] == SG_DC || r->how[i] == SG_MARK)
			return;
		r->out->rows[i].amount_cents > 0 ? pos++ : neg++;
	}
	if (pos <= neg)
		return;
	for (i = 0; i < r->out->nrows; i++)
		r->out->rows[i].amount_cents = -r->out->rows[i].amount_cents;
}

static int
cmp_id(const void *a, const void *b)
{
	return strcmp((*(const struct stmt_row *const *)a)->external_id,
	    (*(const struct stmt_row *const *)b)->external_id);
}

/* A reference column is the bank's id only when no two rows share one. */
static void
check_refs(struct rd *r)
{
	struct stmt_row **p;
	size_t	 i, n = r->out->nrows, dup = 0;

	if (r->m.col[R_REF] < 0 || n == 0)
		return;
	if ((p = pool_alloc(r->pool, n * sizeof(*p))) == NULL)
		dup = 1;
	else {
		for (i = 0; i < n; i++)
			p[i] = &r->out->rows[i];
		qsort(p, n, sizeof(*p), cmp_id);
		for (i = 0; i + 1 < n && !dup; i++)
			dup = p[i]->external_id[0] == '\0' || strcmp(p[i]->external_id,
			    p[i + 1]->external_id) == 0;
		if (n == 1)
			dup = p[0]->external_id[0] == '\0';
	}
	if (dup)
		for (i = 0; i < n; i++)
			r->out->rows[i].external_id[0] = '\0';
}

/* ---- tables with no header ---- */

/*
 * A grid with no header: the date column is the one most cells of which
 * are dates, the amounts the numeric ones (one: an amount; two: an amount
 * and a balance, or debits and credits when never both filled; three:
 * debits, credits, balance), the description the text column with the
 * most words. 1 when such a table is there.
 */
static int
guess_columns(struct rd *r)
{
	size_t	 ncols = 0, i, c, rows = 0, dates[MAX_COLS], nums[MAX_COLS], text[MAX_COLS];
	size_t	 both = 0, nn = 0, numc[3];
	int	 dcol = -1, desc = -1;
	int64_t	 v;
	char	 cur[4];

	memset(dates, 0, sizeof(dates));
	memset(nums, 0, sizeof(nums));
	memset(text, 0, sizeof(text));
	for (i = 0; i < r->t->nlines && i < 2000; i++) {
		const struct stmt_line *l = &r->t->lines[i];

		if (l->ncells < 2)
			continue;
		rows++;
		for (c = 0; c < l->ncells && c < MAX_COLS; c++) {
			const char *s = l->cells[c].text;

			if (c + 1 > ncols)
				ncols = c + 1;
			if (blank(s))
				continue;
			if (l->cells[c].kind == STMT_DATE || stmt_is_date(s, strlen(s), STMT_DMY,
			    r->o->today) || stmt_is_date(s, strlen(s), STMT_MDY, r->o->today))
				dates[c]++;
			else if (l->cells[c].kind == STMT_NUMBER ||
			    (stmt_amount(s, strlen(s), 0, 2, &v, cur) == 0 && has_fraction(s, STMT_TEXT)))
				nums[c]++;
			else
				text[c] += strlen(s);
		}
	}
	if (rows < 1)
		return 0;
	for (c = 0; c < ncols; c++) {
		if (dates[c] * 2 > rows && (dcol < 0 || dates[c] > dates[dcol]))
			dcol = (int)c;
	}
	if (dcol < 0)
		return 0;
	for (c = 0; c < ncols; c++) {
		if ((int)c == dcol)
			continue;
		if (nums[c] * 2 > dates[dcol] && nn < 3)
			numc[nn++] = c;
		else if (text[c] > 0 && (desc < 0 || text[c] > text[desc]))
			desc = (int)c;
	}
	if (nn == 0)
		return 0;
	memset(&r->m, 0, sizeof(r->m));
	for (i = 0; i < R_COUNT; i++)
		r->m.col[i] = -1;
	r->m.desc2 = -1;
	r->m.col[R_DATE] = dcol;
	r->m.col[R_DESC] = desc;
	if (nn == 2) {
		for (i = 0; i < r->t->nlines; i++) {
			const struct stmt_line *l = &r->t->lines[i];

			if (numc[1] < l->ncells && !blank(l->cells[numc[0]].text) &&
			    !blank(l->cells[numc[1]].text))
				both++;
		}
		if (both == 0) {
			r->m.col[R_DEBIT] = (int)numc[0];
			r->m.col[R_CREDIT] = (int)numc[1];
		} else {
			r->m.col[R_AMOUNT] = (int)numc[0];
			r->m.col[R_BALANCE] = (int)numc[1];
		}
	} else if (nn == 3) {
		r->m.col[R_DEBIT] = (int)numc[0];
		r->m.col[R_CREDIT] = (int)numc[1];
		r->m.col[R_BALANCE] = (int)numc[2];
	} else
		r->m.col[R_AMOUNT] = (int)numc[0];
	r->first = 0;
	return 1;
}

/* The words of a line's text, split at blanks, into w (at most max); pool memory. */
static size_t
line_words(struct rd *r, const struct stmt_line *l, const char **w, size_t max)
{
	size_t	 c, n = 0;

	for (c = 0; c < l->ncells; c++) {
		const char *s = l->cells[c].text;

		while (*s) {
			const char *e;

			while (*s == ' ' || *s == '\t')
				s++;
			for (e = s; *e && *e != ' ' && *e != '\t'; e++)
				;
			if (e > s && n < max && (w[n] = pool_strndup(r->pool, s, (size_t)(e - s))) != NULL)
				n++;
			s = e;
		}
	}
	return n;
}

/* 1 if the words w[a..b) join into an amount ("1.234,56", "R$ 12,90", "12,90 D", "1 234,56"). */
static int
words_amount(const char **w, size_t a, size_t b, char *buf, size_t cap)
{
	size_t	 i, o = 0, k;
	int64_t	 v;
	char	 cur[4];

	buf[0] = '\0';
	for (i = a; i < b; i++) {
		k = strlen(w[i]);
		if (o + k + 2 > cap)
			return 0;
		if (o > 0)
			buf[o++] = ' ';
		memcpy(buf + o, w[i], k + 1);
		o += k;
	}
	return has_fraction(buf, STMT_TEXT) && stmt_amount(buf, o, 0, 2, &v, cur) == 0;
}

/*
 * Lines with no columns (a page's lines with no header, OCR text): a line
 * that starts with a date and ends with one or two amounts is a row (the
 * second amount its balance); other lines continue descriptions or are
 * passed over. Rebuilt as a grid of date, description, amount, balance.
 */
static int
line_mode(struct rd *r, struct stmt_table *grid)
{
	struct stmt_line *gl;
	struct stmt_cell *gc;
	const char *w[128];
	char	 tail1[96], tail2[96], dbuf[64];
	size_t	 i, n, b, k, dw, ds, found = 0;
	int	 o;

	if ((gl = pool_alloc(r->pool, (r->t->nlines + 1) * sizeof(*gl))) == NULL)
		return -1;
	for (i = 0; i < r->t->nlines; i++) {
		const struct stmt_line *l = &r->t->lines[i];

		gl[i] = *l;
		gl[i].cells = gc = pool_alloc(r->pool, 4 * sizeof(*gc));
		if (gc == NULL)
			return -1;
		gl[i].ncells = 4;
		for (k = 0; k < 4; k++) {
			gc[k].text = "";
			gc[k].kind = STMT_TEXT;
			gc[k].x0 = gc[k].x1 = 0;
		}
		n = line_words(r, l, w, sizeof(w) / sizeof(w[0]));
		/* a date from the first one to three words */
		dw = 0;
		for (k = 3; k >= 1 && dw == 0; k--) {
			size_t o2 = 0, j;

			if (k > n)
				continue;
			for (j = 0; j < k && o2 + strlen(w[j]) + 2 < sizeof(dbuf); j++) {
				if (j > 0)
					dbuf[o2++] = ' ';
				memcpy(dbuf + o2, w[j], strlen(w[j]) + 1);
				o2 += strlen(w[j]);
			}
			if (j == k && (stmt_is_date(dbuf, o2, STMT_DMY, r->o->today) ||
			    stmt_is_date(dbuf, o2, STMT_MDY, r->o->today) ||
			    stmt_is_date(dbuf, o2, STMT_YMD, r->o->today)))
				dw = k;
		}
		/* a second date after the first is the value date: not description */
		ds = dw;
		for (k = 3; dw > 0 && k >= 1 && ds == dw; k--) {
			size_t o2 = 0, j;

			if (dw + k > n)
				continue;
			for (j = dw; j < dw + k && o2 + strlen(w[j]) + 2 < sizeof(dbuf); j++) {
				if (j > dw)
					dbuf[o2++] = ' ';
				memcpy(dbuf + o2, w[j], strlen(w[j]) + 1);
				o2 += strlen(w[j]);
			}
			if (j == dw + k && (stmt_is_date(dbuf, o2, STMT_DMY, r->o->today) ||
			    stmt_is_date(dbuf, o2, STMT_MDY, r->o->today) ||
			    stmt_is_date(dbuf, o2, STMT_YMD, r->o->today)))
				ds = dw + k;
		}
		/* amounts from the end, the longest reading first ("1 234,56", "12,90 D") */
		b = n;
		tail1[0] = tail2[0] = '\0';
		for (o = 0; o < 2; o++) {
			char	*tail = o == 0 ? tail1 : tail2;
			size_t	 got = 0;

			for (k = 3; k >= 1 && got == 0; k--)
				if (k <= b - ds && words_amount(w, b - k, b, tail, sizeof(tail1)))
					got = k;
			if (got == 0) {
				tail[0] = '\0';
				break;
			}
			b -= got;
		}
		if (dw > 0) {
			size_t o2 = 0, j;

			for (j = 0; j < dw; j++) {
				if (j > 0)
					dbuf[o2++] = ' ';
				memcpy(dbuf + o2, w[j], strlen(w[j]) + 1);
				o2 += strlen(w[j]);
			}
			if ((gc[0].text = pool_strdup(r->pool, dbuf)) == NULL)
				return -1;
		}
		{
			size_t	 o2 = 0, j, cap = 1;
			char	*t;

			for (j = ds; j < b; j++)
				cap += strlen(w[j]) + 1;
			if ((t = pool_alloc(r->pool, cap)) == NULL)
				return -1;
			t[0] = '\0';
			for (j = ds; j < b; j++) {
				if (o2 > 0)
					t[o2++] = ' ';
				memcpy(t + o2, w[j], strlen(w[j]) + 1);
				o2 += strlen(w[j]);
			}
			gc[1].text = t;
		}
		/* with two amounts the last is the balance */
		if (tail2[0] != '\0') {
			gc[2].text = pool_strdup(r->pool, tail2);
			gc[3].text = pool_strdup(r->pool, tail1);
		} else if (tail1[0] != '\0')
			gc[2].text = pool_strdup(r->pool, tail1);
		if (gc[2].text == NULL || gc[3].text == NULL)
			return -1;
		if (dw > 0 && tail1[0] != '\0')
			found++;
	}
	if (found == 0)
		return 0;
	grid->lines = gl;
	grid->nlines = r->t->nlines;
	grid->positioned = 0;
	r->t = grid;
	memset(&r->m, 0, sizeof(r->m));
	for (i = 0; i < R_COUNT; i++)
		r->m.col[i] = -1;
	r->m.desc2 = -1;
	r->m.col[R_DATE] = 0;
	r->m.col[R_DESC] = 1;
	r->m.col[R_AMOUNT] = 2;
	r->m.col[R_BALANCE] = 3;
	r->first = 0;
	return 1;
}

/* ---- the reader ---- */

static int
find_header(struct rd *r)
{
	size_t	 i;

	for (i = 0; i < r->t->nlines && i < HEADER_SCAN; i++)
		if (header_model(r, &r->t->lines[i], &r->m)) {
			r->first = i + 1;
			return 1;
		}
	return 0;
}

int
stmt_read_table(const struct stmt_table *t, const struct stmt_opts *o, struct pool *pool,
    struct stmt_result *out)
{
	struct stmt_table grid;
	struct rd *r;
	size_t	 hdr = 0, cap;
	int	 st, lm;

	if ((r = pool_alloc(pool, sizeof(*r))) == NULL)
		return stmt_fail(out, STMT_NOMEM, "out of memory");
	memset(r, 0, sizeof(*r));
	r->t = t;
	r->o = o;
	r->pool = pool;
	r->out = out;
	r->scale = stmt_scale(o->currency);
	if (t->nlines == 0)
		return stmt_fail(out, STMT_NOTABLE, "the table is empty");
	if (find_header(r))
		hdr = r->first;
	else if (t->positioned || !guess_columns(r)) {
		if ((lm = line_mode(r, &grid)) < 0)
			return stmt_fail(out, STMT_NOMEM, "out of memory");
		if (lm == 0)
			return stmt_fail(out, STMT_NOTABLE, "no table of transactions was found "
			    "(no header with a date and an amount column, and no dated rows)");
	}
	learn_card(r, hdr > 0 ? hdr : (r->t->nlines < HEADER_SCAN ? r->t->nlines : HEADER_SCAN));
	learn_currency(r, hdr > 0 ? hdr - 1 : 0);
	if (out->currency[0] != '\0')
		r->scale = stmt_scale(out->currency);
	learn_order(r);
	learn_mark(r);
	learn_markers(r);
	cap = r->t->nlines - r->first + 1;
	if (o->max_rows > 0 && cap > o->max_rows + 1)
		cap = o->max_rows + 1;
	if ((r->how = pool_alloc(pool, cap)) == NULL ||
	    (out->rows == NULL && (out->rows = pool_alloc(pool, cap * sizeof(*out->rows))) == NULL))
		return stmt_fail(out, STMT_NOMEM, "out of memory");
	if (out->cap == 0)
		out->cap = cap;
	if ((st = read_rows(r)) != STMT_OK)
		return st;
	if (r->card)
		sign_card(r);
	else if (r->m.col[R_BALANCE] >= 0 && r->m.col[R_DEBIT] < 0 && r->m.col[R_CREDIT] < 0)
		sign_by_balance(r);
	check_refs(r);
	return stmt_finish(out, pool, "table");
}
