/*
 * stmt.h: bank statement rows, and reading them out of a table of cells
 * (a CSV, a spreadsheet's sheet, a PDF page's text grouped into lines and
 * columns) whatever the bank's layout: a header row found after title
 * lines and learned from its words in en/pt/es ("Date", "Data", "Fecha",
 * "Descrição", "Concepto", "Valor", "Importe", "Débito", "Crédito",
 * "Saldo"…), the date order, decimal comma or point, signed amounts or
 * debit/credit columns, "C"/"D" markers; running balances are never taken
 * for amounts. Pure C: no I/O, no locale, no floating point; memory from
 * the caller's pool.
 */
#ifndef OZ_STMT_H
#define OZ_STMT_H

#include <stddef.h>
#include <stdint.h>

struct pool;

struct stmt_row {
	size_t		 line;			/* where it was (1-based row or line) */
	char		 date[11];		/* YYYY-MM-DD */
	int64_t		 amount_cents;		/* < 0 money out of the account, > 0 in */
	char		 currency[4];		/* "" : the statement's, or the user's */
	char		 description[121];	/* the bank's words, whitespace folded */
	char		 external_id[129];	/* the bank's own id (FITID…), "" none */
	char		 bank_type[24];		/* the bank's word for the row (OFX TRNTYPE…), "" none */
	int		 has_balance;
	int64_t		 balance_cents;		/* after the row, when printed */
};

/* A row that could not be read, and why (shown to the user as rows_rejected). */
struct stmt_reject {
	size_t		 line;
	char		 message[121];
};

/* What every statement reader returns. */
enum stmt_status {
	STMT_OK,		/* rows (and maybe rejects) read */
	STMT_NOTABLE,		/* no transaction table in it: error says what was missing */
	STMT_BAD,		/* malformed (a broken quote, a truncated file): error says where */
	STMT_TOOMANY,		/* more rows than opts->max_rows */
	STMT_STOPPED,		/* opts->stop said so (the time budget) */
	STMT_NOMEM
};

/*
 * The rows read, grown in the pool (stmt_add, stmt_reject). A reader's
 * caller zeroes it (or stmt_result_init) and reads rows/rejects after.
 */
struct stmt_result {
	struct stmt_row	*rows;
	size_t		 nrows, cap;
	struct stmt_reject *rejects;
	size_t		 nrejects, rcap;
	char		 currency[4];		/* the statement's own ISO 4217, "" when it names none */
	char		 error[160];		/* a user-facing English message, status != STMT_OK */
};

/* How a reader reads: the user's settings and the limits. */
struct stmt_opts {
	const char	*lang;			/* "en" | "pt" | "es": breaks ties of date order and decimal mark */
	const char	*today;			/* YYYY-MM-DD: the year of dates printed without one; later dates refused */
	const char	*currency;		/* the user's ISO 4217 (minor units when the file names none); may be "" */
	int		 date1904;		/* spreadsheet serial dates count from 1904 */
	size_t		 max_rows;		/* more rows than this: STMT_TOOMANY (0: no limit) */
	int		(*stop)(const void *arg);	/* polled now and then: nonzero stops; may be NULL */
	const void	*stop_arg;
};

/* ---- A table of cells, from any format ---- */

enum stmt_cell_kind {
	STMT_TEXT,		/* text as printed */
	STMT_NUMBER,		/* a spreadsheet's number: "-1234.5", "4.3E4" (point decimal, no grouping) */
	STMT_DATE		/* a date the format typed itself: "YYYY-MM-DD" */
};

struct stmt_cell {
	const char	*text;			/* UTF-8, NUL-terminated, never NULL ("" empty) */
	int		 kind;			/* enum stmt_cell_kind */
	int32_t		 x0, x1;		/* positioned tables (PDF): left and right edge, 1/100 pt */
};

/* One row of a sheet or CSV, or one line of a page. */
struct stmt_line {
	const struct stmt_cell *cells;
	size_t		 ncells;
	size_t		 line;			/* 1-based row or line in the source, for rejects */
	int		 page;			/* positioned: 1-based page; 0 elsewhere */
	int32_t		 y;			/* positioned: baseline from the page's top, 1/100 pt */
	int32_t		 height;		/* positioned: text height, 1/100 pt */
};

struct stmt_table {
	const struct stmt_line *lines;
	size_t		 nlines;
	int		 positioned;		/* cells carry x0/x1: columns are matched by position */
};

/*
 * Read a statement's transactions out of t into out: the header row (after
 * any title and metadata lines; repeated on later pages, skipped), or, with
 * no header, columns told apart by what they hold (dates, numbers, text);
 * the date order (day/month/year, month/day/year, year first, Excel serial
 * numbers), the decimal mark and grouping, currency signs and codes, signed
 * amounts, debit and credit columns, "C"/"D" markers, unsigned amounts
 * signed by the running balance, card bills (purchases are money out);
 * descriptions continued on lines below; dates printed once per day.
 * Balance, total and brought-forward lines are passed over; a line that
 * looks like a transaction but cannot be read is a reject with its reason.
 * Returns STMT_OK (at least one row), or a status with out->error set.
 */
int	stmt_read_table(const struct stmt_table *t, const struct stmt_opts *o,
	    struct pool *pool, struct stmt_result *out);

/* ---- Pieces the format readers share ---- */

enum stmt_order { STMT_DMY, STMT_MDY, STMT_YMD };

/* An empty result. */
void	stmt_result_init(struct stmt_result *r);
/*
 * A new zeroed row at the end of r (grown in pool), its line set; *row
 * points at it. STMT_OK, STMT_TOOMANY (max_rows reached; 0: no limit) or
 * STMT_NOMEM.
 */
int	stmt_add(struct stmt_result *r, struct pool *pool, size_t max_rows, size_t line,
	    struct stmt_row **row);
/* Drop the last row added (one that turned out not to be a transaction). */
void	stmt_unadd(struct stmt_result *r);
/* Record that the row at line could not be read, and why (msg is clipped). STMT_OK or STMT_NOMEM. */
int	stmt_reject(struct stmt_result *r, struct pool *pool, size_t line, const char *msg);
/* Set r->error ("printf") and return status. */
int	stmt_fail(struct stmt_result *r, int status, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/*
 * Last touches every reader makes: external ids made unique within the
 * document (a repeated one gets "#2", "#3"…, so no row is taken for another
 * row's duplicate), and r->currency set to the rows' one currency when they
 * all name the same. Returns STMT_OK, or STMT_NOTABLE with an error when no
 * row was read.
 */
int	stmt_finish(struct stmt_result *r, struct pool *pool, const char *what);

/*
 * The amount in the len bytes at s, in units of 10^-scale (scale 2: cents),
 * into *units: digits with grouping ("1.500,00", "1,500.00", "1 500,00",
 * "1'500.00"), mark the decimal mark ('.' or ','; 0: told from the text
 * itself), a sign before or after or parentheses ("-5", "5-", "(5.00)",
 * "−5"), a "D"/"DR"/"C"/"CR" marker after it (debit negative), currency
 * signs and ISO codes before or after ("R$ 5,00", "1.500,00EUR"), put in
 * cur ("" when none). More fraction digits than scale must be zeros.
 * Returns 0, or -1 (not an amount).
 */
int	stmt_amount(const char *s, size_t len, int mark, int scale, int64_t *units,
	    char cur[4]);
/* The decimal of a spreadsheet number ("-89.98999999999999", "1.5E3") rounded half away from zero to scale digits; 0/-1. */
int	stmt_number(const char *s, int scale, int64_t *units);
/*
 * A date in the len bytes at s, numeric in the given order ("31/12/2026",
 * "12-31-26", "2026.12.31", "20261231", "1/5'04"), with a month name in
 * en/pt/es ("31 Dec 2026", "Dec 31, 2026", "31-dez-26", "1 de enero de 2026",
 * "31 DEC"), ISO with a time after it; a missing year is today's or the
 * year before (never after today); a two-digit year is 20yy unless that
 * is past next year. Into out as YYYY-MM-DD. Returns 0, or -1.
 */
int	stmt_date(const char *s, size_t len, enum stmt_order order, const char *today,
	    char out[11]);
/* 1 if the len bytes at s read as a date in order (stmt_date without the result). */
int	stmt_is_date(const char *s, size_t len, enum stmt_order order, const char *today);
/* An Excel serial day number (1900 system, or 1904) as YYYY-MM-DD; 0, or -1 outside 1900-2200. */
int	stmt_serial_date(int64_t serial, int date1904, char out[11]);
/* Copy the len bytes at s into dst (cap bytes): whitespace folded to single spaces, trimmed, cut on a UTF-8 boundary. */
void	stmt_text(char *dst, size_t cap, const char *s, size_t len);
/* Append the len bytes at s to the text in dst as stmt_text does, after a space. */
void	stmt_text_append(char *dst, size_t cap, const char *s, size_t len);
/* Minor-unit digits of the ISO 4217 code cur (2 when unknown or ""). */
int	stmt_scale(const char *cur);
/*
 * The len bytes at s as lower-case ASCII words into out (cap bytes): Latin
 * accents dropped ("Descrição" -> "descricao"), anything else but letters
 * and digits a single space, trimmed. Returns the length (cut to fit).
 */
size_t	stmt_fold(const char *s, size_t len, char *out, size_t cap);
/*
 * The currency a text names: a sign that names one ("R$", "€", "£") or a
 * common ISO code written as a word ("EUR", "(BRL)"), into cur; 0, or -1.
 */
int	stmt_currency_in(const char *s, size_t len, char cur[4]);

#endif
