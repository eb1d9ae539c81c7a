/*
 * doc_camt.c: ISO 20022 CAMT.053 bank statements (any version: elements
 * are matched by local name). libxml2's reader streams the document and
 * expands one entry (Ntry) at a time, so memory stays that of an entry.
 * No network, no entity substitution, and no DTD at all: a document that
 * declares one is refused before it is parsed (billion laughs, XXE).
 *
 * An entry is one row; a batch (several TxDtls with their own amounts)
 * is one row per TxDtls. The description is the bank's words for the
 * transaction: AddtlTxInf, else the unstructured remittance (Ustrd), else
 * AddtlNtryInf, else the other party's name. The external id is the
 * servicer's reference (AcctSvcrRef, NtryRef, a TxDtls's own refs), with
 * "/n" for the n-th transaction of a batch that shares one.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "core/currency.h"
#include "core/pool.h"
#include "doc/doc.h"
#include "doc/doc_int.h"
#include "domain/calendar.h"
#include "domain/stmt.h"

#define TEXT_MAX	512
#define MAX_TXDTLS	10000	/* transactions in one batch entry */

struct camt {
	const struct doc_ctx *ctx;
	struct stmt_result r;
	struct stmt_opts o;
	char		 acct_ccy[4];
	long		 today;
};

/* 1 if the n bytes at p hold s (ASCII, case-sensitive as XML is). */
static int
holds(const unsigned char *p, size_t n, const char *s)
{
	size_t	 k = strlen(s), i;

	for (i = 0; i + k <= n; i++)
		if (p[i] == (unsigned char)s[0] && memcmp(p + i, s, k) == 0)
			return 1;
	return 0;
}

static int
named(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* The first element child of n named name. */
static const xmlNode *
kid(const xmlNode *n, const char *name)
{
	const xmlNode *c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

/* Down a path of names (NULL-terminated, at most four). */
static const xmlNode *
at(const xmlNode *n, const char *a, const char *b, const char *c, const char *d)
{
	const char *path[4] = { a, b, c, d };
	size_t	 i;

	for (i = 0; i < 4 && path[i] != NULL && n != NULL; i++)
		n = kid(n, path[i]);
	return n;
}

/* The text of n folded into buf (cap); 1 if there is any. */
static int
text(const xmlNode *n, char *buf, size_t cap)
{
	xmlChar	*s;

	buf[0] = '\0';
	if (n == NULL || (s = xmlNodeGetContent(n)) == NULL)
		return 0;
	stmt_text(buf, cap, (const char *)s, strlen((const char *)s));
	xmlFree(s);
	return buf[0] != '\0';
}

/* The attribute name of n into buf. */
static void
attr(const xmlNode *n, const char *name, char *buf, size_t cap)
{
	xmlChar	*s;

	buf[0] = '\0';
	if (n == NULL || (s = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return;
	stmt_text(buf, cap, (const char *)s, strlen((const char *)s));
	xmlFree(s);
}

/* Every Ustrd of a TxDtls's RmtInf joined by a space. */
static void
ustrd(const xmlNode *tx, char *buf, size_t cap)
{
	const xmlNode *c;
	char	 t[TEXT_MAX];

	buf[0] = '\0';
	for (c = kid(tx, "RmtInf") != NULL ? kid(tx, "RmtInf")->children : NULL; c != NULL;
	    c = c->next)
		if (named(c, "Ustrd") && text(c, t, sizeof(t)))
			stmt_text_append(buf, cap, t, strlen(t));
}

/* The other party's name: the debtor's for money in, the creditor's for money out. */
static void
party(const xmlNode *tx, int credit, char *buf, size_t cap)
{
	const xmlNode *p = kid(tx, "RltdPties");
	const char *who = credit ? "Dbtr" : "Cdtr";

	if (!text(at(p, who, "Nm", NULL, NULL), buf, cap) &&
	    !text(at(p, who, "Pty", "Nm", NULL), buf, cap))
		text(at(p, credit ? "UltmtDbtr" : "UltmtCdtr", "Nm", NULL, NULL), buf, cap);
}

/* A transaction's own reference: the servicer's, the end-to-end id (unless NOTPROVIDED), its id. */
static void
tx_ref(const xmlNode *tx, char *buf, size_t cap)
{
	const xmlNode *refs = kid(tx, "Refs");

	if (text(kid(refs, "AcctSvcrRef"), buf, cap))
		return;
	if (text(kid(refs, "EndToEndId"), buf, cap) && strcmp(buf, "NOTPROVIDED") != 0)
		return;
	if (text(kid(refs, "TxId"), buf, cap))
		return;
	text(kid(refs, "InstrId"), buf, cap);
}

/* A TxDtls's amount node (v04+: Amt; v02: AmtDtls/TxAmt/Amt). */
static const xmlNode *
tx_amount(const xmlNode *tx)
{
	const xmlNode *a;

	if ((a = kid(tx, "Amt")) != NULL)
		return a;
	if ((a = at(tx, "AmtDtls", "TxAmt", "Amt", NULL)) != NULL)
		return a;
	return at(tx, "AmtDtls", "InstdAmt", "Amt", NULL);
}

struct entry {
	size_t	 line;
	char	 date[11];
	int	 credit, reversal;
	char	 ccy[4];
	char	 amt[64];
	char	 ref[129];
	char	 addtl[TEXT_MAX];
	char	 code[24];
};

static int
reject(struct camt *c, size_t line, const char *msg)
{
	return stmt_reject(&c->r, c->ctx->pool, line, msg);
}

/* One row: the entry e, with tx (NULL: none) the transaction details it is for. STMT_ status. */
static int
row(struct camt *c, const struct entry *e, const xmlNode *tx, const char *amt_s,
    const char *ccy, int credit, const char *ref)
{
	struct stmt_row *w;
	char	 t[TEXT_MAX], cur[4];
	int64_t	 v;
	long	 z;
	int	 st;

	if (stmt_amount(amt_s, strlen(amt_s), '.', stmt_scale(ccy), &v, cur) < 0 || v < 0)
		return reject(c, e->line, "the entry's amount (Amt) could not be read");
	if (c->today > 0 && cal_parse(e->date, &z) == 0 && z > c->today + 1)
		return reject(c, e->line, "the entry's date is after today");
	if ((st = stmt_add(&c->r, c->ctx->pool, c->o.max_rows, e->line, &w)) != STMT_OK)
		return st;
	memcpy(w->date, e->date, 11);
	w->amount_cents = credit ? v : -v;
	memcpy(w->currency, ccy, 4);
	t[0] = '\0';
	if (tx != NULL && !text(kid(tx, "AddtlTxInf"), t, sizeof(t)))
		ustrd(tx, t, sizeof(t));
	if (t[0] == '\0')
		memcpy(t, e->addtl, sizeof(t));
	if (t[0] == '\0' && tx != NULL)
		party(tx, credit, t, sizeof(t));
	if (t[0] == '\0' && tx != NULL)
		text(at(tx, "RmtInf", "Strd", "CdtrRefInf", "Ref"), t, sizeof(t));
	stmt_text(w->description, sizeof(w->description), t, strlen(t));
	stmt_text(w->external_id, sizeof(w->external_id), ref, strlen(ref));
	if (e->reversal)
		snprintf(w->bank_type, sizeof(w->bank_type), "RVSL %.18s", e->code);
	else
		stmt_text(w->bank_type, sizeof(w->bank_type), e->code, strlen(e->code));
	return STMT_OK;
}

static void
bank_code(const xmlNode *n, char *buf, size_t cap)
{
	const xmlNode *d = at(n, "BkTxCd", "Domn", NULL, NULL);
	char	 a[8], b[8], s[8];

	buf[0] = '\0';
	if (d != NULL && text(kid(d, "Cd"), a, sizeof(a)) && text(at(d, "Fmly", "Cd", NULL, NULL),
	    b, sizeof(b)) && text(at(d, "Fmly", "SubFmlyCd", NULL, NULL), s, sizeof(s)))
		snprintf(buf, cap, "%.4s-%.4s-%.4s", a, b, s);
	else
		text(at(n, "BkTxCd", "Prtry", "Cd", NULL), buf, cap);
}

/* An Ntry: one row, or one per TxDtls of a batch. STMT_ status. */
static int
entry(struct camt *c, const xmlNode *n)
{
	const xmlNode *amt, *d, *txs[64], *x;
	struct entry e;
	char	 sts[16], cdi[8], rv[8], amt_s[64], ccy[4], ref[129], own[129];
	size_t	 ntx = 0, k, j;
	int	 st, credit, split = 1, unique = 1;

	memset(&e, 0, sizeof(e));
	e.line = (size_t)xmlGetLineNo(n) > 0 ? (size_t)xmlGetLineNo(n) : 0;
	if (text(kid(n, "Sts"), sts, sizeof(sts)) && strcmp(sts, "BOOK") != 0)
		return STMT_OK;			/* pending or information only: not booked */
	amt = kid(n, "Amt");
	if (!text(amt, e.amt, sizeof(e.amt)))
		return reject(c, e.line, "the entry has no amount (Amt)");
	attr(amt, "Ccy", e.ccy, sizeof(e.ccy));
	if (strlen(e.ccy) != 3 || !currency_valid(e.ccy))
		memcpy(e.ccy, c->acct_ccy, 4);
	text(kid(n, "CdtDbtInd"), cdi, sizeof(cdi));
	if (strcmp(cdi, "CRDT") != 0 && strcmp(cdi, "DBIT") != 0)
		return reject(c, e.line, "the entry says neither credit nor debit (CdtDbtInd)");
	e.credit = strcmp(cdi, "CRDT") == 0;
	e.reversal = text(kid(n, "RvslInd"), rv, sizeof(rv)) && strcmp(rv, "true") == 0;
	{
		char	 dt[40];

		if (!text(at(n, "BookgDt", "Dt", NULL, NULL), dt, sizeof(dt)) &&
		    !text(at(n, "BookgDt", "DtTm", NULL, NULL), dt, sizeof(dt)) &&
		    !text(at(n, "ValDt", "Dt", NULL, NULL), dt, sizeof(dt)) &&
		    !text(at(n, "ValDt", "DtTm", NULL, NULL), dt, sizeof(dt)))
			return reject(c, e.line, "the entry has no date (BookgDt)");
		if (strlen(dt) < 10 || stmt_date(dt, 10, STMT_YMD, NULL, e.date) < 0)
			return reject(c, e.line, "the entry's date could not be read");
	}
	if (!text(kid(n, "AcctSvcrRef"), e.ref, sizeof(e.ref)))
		text(kid(n, "NtryRef"), e.ref, sizeof(e.ref));
	text(kid(n, "AddtlNtryInf"), e.addtl, sizeof(e.addtl));
	bank_code(n, e.code, sizeof(e.code));
	for (d = n->children; d != NULL; d = d->next)
		if (named(d, "NtryDtls"))
			for (x = d->children; x != NULL; x = x->next)
				if (named(x, "TxDtls")) {
					if (ntx == sizeof(txs) / sizeof(txs[0]))
						split = 0;	/* a batch too long to split */
					else
						txs[ntx++] = x;
				}
	for (k = 0; k < ntx && split; k++) {
		text(tx_amount(txs[k]), amt_s, sizeof(amt_s));
		split = amt_s[0] != '\0';
	}
	if (ntx <= 1 || !split) {
		ref[0] = '\0';
		if (e.ref[0] != '\0')
			memcpy(ref, e.ref, sizeof(ref));
		else if (ntx == 1)
			tx_ref(txs[0], ref, sizeof(ref));
		return row(c, &e, ntx == 1 ? txs[0] : NULL, e.amt, e.ccy, e.credit, ref);
	}
	/* a batch: the transactions' own refs when they tell them apart, else the entry's with "/n" */
	for (k = 0; k < ntx && unique; k++) {
		tx_ref(txs[k], own, sizeof(own));
		if (own[0] == '\0')
			unique = 0;
		for (j = 0; j < k && unique; j++) {
			tx_ref(txs[j], ref, sizeof(ref));
			unique = strcmp(ref, own) != 0;
		}
	}
	for (k = 0; k < ntx; k++) {
		const xmlNode *a = tx_amount(txs[k]);

		text(a, amt_s, sizeof(amt_s));
		attr(a, "Ccy", ccy, sizeof(ccy));
		if (strlen(ccy) != 3 || !currency_valid(ccy))
			memcpy(ccy, e.ccy, 4);
		credit = e.credit;
		if (text(kid(txs[k], "CdtDbtInd"), cdi, sizeof(cdi)))
			credit = strcmp(cdi, "CRDT") == 0;
		if (unique)
			tx_ref(txs[k], ref, sizeof(ref));
		else if (e.ref[0] != '\0')
			snprintf(ref, sizeof(ref), "%.110s/%u", e.ref, (unsigned)(k + 1));
		else
			ref[0] = '\0';
		if ((st = row(c, &e, txs[k], amt_s, ccy, credit, ref)) != STMT_OK)
			return st;
	}
	return STMT_OK;
}

static int
fail_reader(struct doc_result *out, xmlTextReaderPtr rd, int status, const char *msg)
{
	int	 line = xmlTextReaderGetParserLineNumber(rd);

	xmlFreeTextReader(rd);
	if (line > 0)
		return doc_fail(out, status, "%s (near line %d)", msg, line);
	return doc_fail(out, status, "%s", msg);
}

int
doc_read_camt(const struct doc_ctx *ctx, struct doc_result *out)
{
	struct camt *c;
	xmlTextReaderPtr rd;
	const xmlNode *node;
	const char *name;
	size_t	 entries = 0;
	int	 ret, st = STMT_OK, stmts = 0;

	if (holds(ctx->p, ctx->n, "<!DOCTYPE") || holds(ctx->p, ctx->n, "<!ENTITY"))
		return doc_fail(out, DOC_UNREADABLE, "the CAMT.053 file declares a DTD or entities, "
		    "which bank statements never need: refused");
	if (ctx->n > INT_MAX)
		return doc_fail(out, DOC_TOO_LARGE, "the document is too large");
	if ((c = pool_alloc(ctx->pool, sizeof(*c))) == NULL)
		return doc_fail(out, DOC_NOMEM, "out of memory");
	memset(c, 0, sizeof(*c));
	c->ctx = ctx;
	stmt_result_init(&c->r);
	doc_stmt_opts(ctx, &c->o);
	if (cal_parse(ctx->today, &c->today) < 0)
		c->today = 0;
	rd = xmlReaderForMemory((const char *)ctx->p, (int)ctx->n, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
	if (rd == NULL)
		return doc_fail(out, DOC_NOMEM, "out of memory");
	ret = xmlTextReaderRead(rd);
	while (ret == 1 && st == STMT_OK) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT ||
		    (name = (const char *)xmlTextReaderConstLocalName(rd)) == NULL) {
			ret = xmlTextReaderRead(rd);
			continue;
		}
		if (strcmp(name, "Stmt") == 0 || strcmp(name, "Rpt") == 0) {
			stmts++;
			c->acct_ccy[0] = '\0';
		} else if (strcmp(name, "Acct") == 0 || strcmp(name, "Ntry") == 0) {
			if ((node = xmlTextReaderExpand(rd)) == NULL)
				break;
			if (name[0] == 'A') {
				char	 ccy[8];

				if (text(kid(node, "Ccy"), ccy, sizeof(ccy)) && strlen(ccy) == 3 &&
				    currency_valid(ccy)) {
					memcpy(c->acct_ccy, ccy, 4);
					if (c->r.currency[0] == '\0')
						memcpy(c->r.currency, ccy, 4);
				}
			} else {
				st = entry(c, node);
				if ((++entries & 63) == 0 && doc_late(ctx))
					st = STMT_STOPPED;
			}
			ret = xmlTextReaderNext(rd);
			continue;
		}
		ret = xmlTextReaderRead(rd);
	}
	if (st == STMT_OK && ret != 0)
		return fail_reader(out, rd, DOC_UNREADABLE, "the CAMT.053 file is not well-formed "
		    "XML (is it cut short?)");
	xmlFreeTextReader(rd);
	if (st == STMT_TOOMANY)
		stmt_fail(&c->r, st, "too many entries");
	else if (st == STMT_STOPPED)
		stmt_fail(&c->r, st, "too slow");
	else if (st != STMT_OK)
		stmt_fail(&c->r, STMT_NOMEM, "out of memory");
	else if (stmts == 0)
		st = stmt_fail(&c->r, STMT_NOTABLE, "it holds no statement (Stmt)");
	else
		st = stmt_finish(&c->r, ctx->pool, "CAMT.053 file");
	return doc_take_rows(ctx, st, &c->r, out, "CAMT.053 file");
}
