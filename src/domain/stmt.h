/*
 * stmt.h: bank statement rows, and reading them out of a table of cells
 * (a CSV, a spreadsheet's sheet, a PDF page's text grouped into lines and
 * columns) whatever the bank's layout: a header row found after title
 * lines and learned from its words in en/pt/es ("Date", "Data", "Fecha",
 * "Descrição", "Concepto", "Valor", "Importe", "Débito", "Crédito",
 * "Saldo"…), the date order, decimal comma or point, signed amounts or
 * debit/credit columns, "C"/"D" markers; running balances are never taken
 * for amounts. Pure C: no I/O, no locale; memory from the caller.
 */
#ifndef OZ_STMT_H
#define OZ_STMT_H

#include <stddef.h>
#include <stdint.h>

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

#endif
