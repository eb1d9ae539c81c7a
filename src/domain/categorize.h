/*
 * categorize.h: deterministic, offline transaction categoriser. Rules are
 * data (merchants.c): well-known merchants and keywords in en/pt/es, matched
 * on word boundaries over ASCII-folded text. No locale, no allocation.
 */
#ifndef OZ_CATEGORIZE_H
#define OZ_CATEGORIZE_H

#include <stddef.h>

enum category { CAT_FOOD, CAT_TRANSPORT, CAT_HOUSING, CAT_UTILITIES, CAT_HEALTH,
	CAT_ENTERTAINMENT, CAT_EDUCATION, CAT_CLOTHING, CAT_INCOME, CAT_OTHER, CAT_COUNT };

/*
 * What money does, beside what it was for (the category). Only spending and
 * fees are spending; a refund is spending taken back (in the category of
 * what was refunded); income, transfers (Pix, Venmo, Bizum, between one's
 * own accounts), debt payments (a card bill, a loan instalment) and savings
 * contributions are not spending, so no plan ever asks to cut them.
 * Category "income" and kind income go together.
 */
enum txn_kind { KIND_SPENDING, KIND_INCOME, KIND_REFUND, KIND_TRANSFER, KIND_DEBT_PAYMENT,
	KIND_SAVINGS_CONTRIBUTION, KIND_FEE, KIND_COUNT };

#define SUBCAT_MAX	24	/* bytes of a subcategory name, NUL included */

struct cat_result {
	enum category	category;
	char		merchant[64];	/* canonical name ("Uber"), "" when none is known */
	double		confidence;	/* 0..1 */
	enum txn_kind	kind;
	char		subcategory[SUBCAT_MAX];	/* "" when none is known */
};

/* A subcategory and the category it refines ("groceries" under food). */
struct subcat_info {
	const char	*name;
	enum category	 category;
	const char	*description;
};

/* The API name of c ("food"…); "other" for an out-of-range value. */
const char	*category_name(enum category c);
/* Set *out to the category named name ("food"…, exact lower case): 0, or -1 if unknown. */
int		 category_parse(const char *name, enum category *out);
/* An English one-line description of c for GET /v1/categories. */
const char	*category_description(enum category c);
/* The API name of k ("spending"…); "spending" for an out-of-range value. */
const char	*kind_name(enum txn_kind k);
/* Set *out to the kind named name: 0, or -1 if unknown. */
int		 kind_parse(const char *name, enum txn_kind *out);
/* An English one-line description of k. */
const char	*kind_description(enum txn_kind k);
/*
 * How an amount of kind k counts in spending: +1 (spending, fee), -1 (a
 * refund takes spending back), 0 (income, transfer, debt payment, savings).
 */
int		 kind_spending_sign(enum txn_kind k);
/*
 * The subcategories, in a fixed order, grouped by category. A name may refine
 * more than one category ("insurance" of a car, a home, one's health).
 */
const struct subcat_info *subcategories(size_t *n);
/* 1 if sub is a subcategory of c, 0 if not. */
int		 subcategory_of(const char *sub, enum category c);
/* The first category sub refines: 0 and *out, or -1 if sub is no subcategory. */
int		 subcategory_category(const char *sub, enum category *out);
/*
 * Categorise a description (en/pt/es, bank-statement or chat style). Always
 * fills out: CAT_OTHER, spending, confidence 0.3 when nothing matches. Else
 * the kind says what the money does and the category and subcategory what it
 * was for ("" when none is known): a refund keeps the category of what was
 * refunded ("ESTORNO IFOOD": food/delivery), a fee is other/bank_fees, a
 * transfer, debt payment or savings contribution is other, income is income
 * (rules: below, and merchants.c). Thread-safe; linear in the text.
 */
void		 categorize(const char *description, struct cat_result *out);
/*
 * Normalised merchant key for per-user rules into out (NUL-terminated,
 * truncated to outlen): lower-case ASCII-folded, digits, punctuation, store
 * numbers, statement noise and city suffixes dropped; a known merchant gives
 * its folded canonical name ("UBER *TRIP 8XJ2 SAO PAULO" -> "uber"). May be "".
 */
void		 merchant_key(const char *description, char *out, size_t outlen);
/*
 * Fold len bytes of UTF-8 s for matching: ASCII lower case, accented Latin
 * letters to their base letter, apostrophes dropped, everything else a single
 * space; no leading or trailing space. Writes at most outlen-1 bytes plus NUL
 * (cut at a word boundary when full) and returns the length written.
 */
size_t		 categorize_fold(const char *s, size_t len, char *out, size_t outlen);

/*
 * The rule tables categorize.c reads (defined in merchants.c). A pattern is
 * folded text of one or more words; a match inside a longer one does not
 * count. Two sorts of rule:
 *
 * - What-rules (rank 0) say what the money was for: merchants and keywords;
 *   the longest, most specific one decides the category and subcategory
 *   (merchants beat keywords, keywords beat general retailers).
 * - Kind rules (rank > 0) say what the money does: income words, refunds,
 *   fees, debt payments, savings, transfers. They win over what-rules and
 *   the highest rank among them decides the kind. A refund keeps the
 *   category of what was refunded; a fee is other/bank_fees; a transfer, a
 *   debt payment or a savings contribution is other.
 *
 * A weak kind rule (CR_WEAK) is a payment rail or a word that only says how
 * ("Pix", "Zelle", "Bizum", "autopay", "fee"): it yields to a payee a
 * what-rule names, so "PIX ENVIADO PADARIA X" is spending at a bakery and
 * "PIX ENVIADO MARIA SILVA" a transfer. For a rail the payee is a business
 * or a purpose (not a name that is also a person's, CR_AMBIG); for a fee
 * word, a merchant ("UBER EATS SERVICE FEE"); for the others, any. Money in
 * by a rail (CR_IN) from a payee is a refund in its category ("BIZUM
 * RECIBIDO CENA"), rent received, or, from a company (CR_BIZ), income.
 */
enum {
	CR_MERCHANT = 1 << 0,	/* a named merchant: high confidence */
	CR_GENERIC = 1 << 1,	/* a general retailer or a weak keyword: a keyword says more */
	CR_STRONG = 1 << 2,	/* an income keyword: wins over merchants ("salario uber") */
	CR_AMBIG = 1 << 3,	/* also a common word or first name ("claro", "tim"): no payee for a rail */
	CR_WEAK = 1 << 4,	/* a kind that yields to a payee: a rail, "autopay", "fee" */
	CR_IN = 1 << 5,		/* money in by a rail ("pix recebido", "abono") */
	CR_BIZ = 1 << 6,	/* a company marker ("ltda", "inc", "s l"): a payee, no category */
	CR_BANK = 1 << 7,	/* a bank's name: no payee; a company marker right after it is its own */
	CR_CHANNEL = 1 << 8	/* a delivery app: its category beats the restaurant's ("GRUBHUB*PANDA") */
};
/* Ranks of kind rules: the higher wins ("estorno tarifa" is a refund of a fee). */
enum {
	RK_NONE,	/* a what-rule */
	RK_RAIL,	/* transfers by a rail, a deposit, a credit ("abono"), cash out of an ATM */
	RK_OWN,		/* between one's own accounts ("traspaso", "entre contas") */
	RK_SAVINGS,	/* savings and investments ("traspaso a cuenta ahorro") */
	RK_REDEEM,	/* back from savings ("resgate poupanca"), one's cash, a loan's proceeds */
	RK_INCOME,	/* salary, benefits, interest earned ("rendimento poupanca") */
	RK_DEBT,	/* card bills, loan instalments */
	RK_HOUSING,	/* a mortgage instalment: housing spending, over a loan word */
	RK_FEE,		/* bank fees, interest charged, IOF ("tarifa ted", "iof emprestimo") */
	RK_REFUND	/* refunds, reversals, chargebacks ("estorno tarifa") */
};
struct cat_rule {
	const char	*pattern;
	const char	*merchant;	/* canonical name, NULL for keywords */
	unsigned char	 category;	/* enum category */
	unsigned short	 flags;		/* CR_* */
	const char	*subcategory;	/* NULL: none said; else one of category's */
	unsigned char	 kind;		/* enum txn_kind; KIND_SPENDING (0) unless said */
	unsigned char	 rank;		/* RK_NONE for a what-rule, else its precedence */
};
extern const struct cat_rule	cat_rules[];
extern const size_t		cat_nrules;

#endif
