/*
 * categorize.c: rule-based categoriser over ASCII-folded text. The rule
 * tables live in merchants.c; here they are indexed once by first word so a
 * description costs one fold plus one binary search per word. Matching is on
 * whole words; a match inside a longer match ("uber" in "uber eats",
 * "mercado" in "mercado livre") does not count. Among what-rules, merchants
 * beat keywords and keywords beat general retailers ("shoes at walmart" is
 * clothing); kind rules (income, refund, fee, debt, savings, transfer) win
 * over what-rules by rank, except a weak one (a rail such as Pix or Zelle),
 * which yields to any payee (categorize.h).
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/categorize.h"

#define FOLD_MAX	512	/* bytes of folded description looked at */
#define IX_MAX		4096	/* rules indexed (test_categorize checks the table fits) */
#define HASH_SIZE	8192	/* slots for distinct first words: a power of two, > 2 * IX_MAX */
#define MATCH_MAX	32
#define SKIP		1	/* fold table: byte produces nothing (apostrophe) */

struct cat_info {
	const char	*name;
	const char	*description;
};

static const struct cat_info categories[CAT_COUNT] = {
	[CAT_FOOD] = { "food", "Groceries, restaurants, cafes, bars and food delivery." },
	[CAT_TRANSPORT] = { "transport", "Fuel, ride-hailing, taxis, public transport, parking, tolls and flights." },
	[CAT_HOUSING] = { "housing", "Rent, mortgage, condominium fees, property taxes, furniture and home repairs." },
	[CAT_UTILITIES] = { "utilities", "Electricity, water, gas, internet, phone and TV bills." },
	[CAT_HEALTH] = { "health", "Pharmacies, doctors, dentists, exams, health insurance and gyms." },
	[CAT_ENTERTAINMENT] = { "entertainment", "Streaming, cinema, shows, games, outings, hotels and travel." },
	[CAT_EDUCATION] = { "education", "Schools, tuition, courses, books and language classes." },
	[CAT_CLOTHING] = { "clothing", "Clothes, shoes and accessories." },
	[CAT_INCOME] = { "income", "Salary, freelance payments, benefits, interest and other money earned." },
	[CAT_OTHER] = { "other", "Anything that fits no other category." },
};

static const struct cat_info kinds[KIND_COUNT] = {
	[KIND_SPENDING] = { "spending", "Money spent on goods and services." },
	[KIND_INCOME] = { "income", "Money coming in: salary, freelance work, benefits, interest." },
	[KIND_REFUND] = { "refund", "Money given back for a purchase: it takes that spending back." },
	[KIND_TRANSFER] = { "transfer", "Money moved to or from a person or one's own account (Pix, Venmo, Bizum): not spending." },
	[KIND_DEBT_PAYMENT] = { "debt_payment", "A card bill, loan or financing instalment paid: not spending, it pays debt down." },
	[KIND_SAVINGS_CONTRIBUTION] = { "savings_contribution", "Money put into savings or investments: not spending." },
	[KIND_FEE] = { "fee", "Bank, card and late fees, interest charged, taxes on transactions: spending." },
};

#define SC(n, c, d)	{ n, c, d }
static const struct subcat_info subcats[] = {
	SC("groceries", CAT_FOOD, "Supermarkets, markets, bakeries, butchers."),
	SC("restaurants", CAT_FOOD, "Restaurants, fast food, lunch out."),
	SC("delivery", CAT_FOOD, "Food delivered (iFood, Uber Eats, DoorDash, Glovo)."),
	SC("coffee", CAT_FOOD, "Coffee shops, cafes, snacks."),
	SC("bars", CAT_FOOD, "Bars and pubs."),
	SC("rideshare", CAT_TRANSPORT, "Ride-hailing and taxis (Uber, 99, Cabify, Lyft)."),
	SC("fuel", CAT_TRANSPORT, "Petrol, diesel, ethanol, EV charging."),
	SC("public_transit", CAT_TRANSPORT, "Bus, metro, train, transit cards."),
	SC("parking", CAT_TRANSPORT, "Parking."),
	SC("tolls", CAT_TRANSPORT, "Road tolls and tags."),
	SC("airfare", CAT_TRANSPORT, "Flights."),
	SC("car_rental", CAT_TRANSPORT, "Car rental and car sharing."),
	SC("car_maintenance", CAT_TRANSPORT, "Mechanics, tyres, car wash, vehicle taxes and fees."),
	SC("insurance", CAT_TRANSPORT, "Car insurance."),
	SC("rent", CAT_HOUSING, "Rent."),
	SC("mortgage", CAT_HOUSING, "Mortgage instalments."),
	SC("condo_fees", CAT_HOUSING, "Condominium and HOA fees."),
	SC("property_tax", CAT_HOUSING, "Property taxes (IPTU, IBI)."),
	SC("home_maintenance", CAT_HOUSING, "Repairs, cleaning, hardware, home services."),
	SC("furniture", CAT_HOUSING, "Furniture and home goods."),
	SC("insurance", CAT_HOUSING, "Home insurance."),
	SC("electricity", CAT_UTILITIES, "Electricity."),
	SC("water", CAT_UTILITIES, "Water and sewage."),
	SC("gas", CAT_UTILITIES, "Piped or bottled gas."),
	SC("internet", CAT_UTILITIES, "Internet."),
	SC("phone", CAT_UTILITIES, "Mobile and landline phone."),
	SC("tv", CAT_UTILITIES, "Cable and satellite TV."),
	SC("pharmacy", CAT_HEALTH, "Pharmacies and medicines."),
	SC("doctor", CAT_HEALTH, "Doctors, clinics, hospitals, exams."),
	SC("dental", CAT_HEALTH, "Dentists."),
	SC("fitness", CAT_HEALTH, "Gyms and sports."),
	SC("insurance", CAT_HEALTH, "Health insurance."),
	SC("streaming", CAT_ENTERTAINMENT, "Video and music streaming (Netflix, Spotify)."),
	SC("subscriptions", CAT_ENTERTAINMENT, "Other entertainment subscriptions."),
	SC("games", CAT_ENTERTAINMENT, "Games."),
	SC("events", CAT_ENTERTAINMENT, "Cinema, shows, concerts, sports events."),
	SC("travel", CAT_ENTERTAINMENT, "Hotels, lodging, trips."),
	SC("hobbies", CAT_ENTERTAINMENT, "Hobbies and outings."),
	SC("tuition", CAT_EDUCATION, "School and university fees."),
	SC("courses", CAT_EDUCATION, "Courses and language classes."),
	SC("books", CAT_EDUCATION, "Books and learning material."),
	SC("supplies", CAT_EDUCATION, "School supplies."),
	SC("apparel", CAT_CLOTHING, "Clothes."),
	SC("shoes", CAT_CLOTHING, "Shoes."),
	SC("accessories", CAT_CLOTHING, "Bags, jewellery, watches."),
	SC("salary", CAT_INCOME, "Salary and wages."),
	SC("freelance", CAT_INCOME, "Freelance and self-employed work."),
	SC("benefits", CAT_INCOME, "Government benefits, pensions."),
	SC("investment_income", CAT_INCOME, "Interest, dividends, investment returns."),
	SC("rental_income", CAT_INCOME, "Rent received."),
	SC("other_income", CAT_INCOME, "Gifts and other money received."),
	SC("subscriptions", CAT_OTHER, "Software and other subscriptions."),
	SC("insurance", CAT_OTHER, "Life and other insurance."),
	SC("personal_care", CAT_OTHER, "Hairdressers, beauty, cosmetics."),
	SC("pets", CAT_OTHER, "Pets and vets."),
	SC("gifts", CAT_OTHER, "Gifts and donations."),
	SC("taxes", CAT_OTHER, "Income and other taxes."),
	SC("bank_fees", CAT_OTHER, "Bank and card fees, interest charged."),
	SC("cash", CAT_OTHER, "Cash withdrawals."),
	SC("shopping", CAT_OTHER, "General retail and online marketplaces."),
	SC("electronics", CAT_OTHER, "Electronics and appliances."),
	SC("childcare", CAT_OTHER, "Childcare and babysitting."),
};
#undef SC

/* Second byte of a two-byte UTF-8 sequence led by 0xC3 (U+00C0..U+00FF). */
static const char latin1_fold[64] =
	"aaaaaaaceeeeiiiidnooooo ouuuuy saaaaaaaceeeeiiiidnooooo ouuuuy y";

/* One index entry per rule, sorted by first word. */
struct cat_ix {
	const char	*word;
	unsigned short	 len;	/* of the first word */
	unsigned short	 plen;	/* of the whole pattern */
	unsigned short	 rule;
};

/* A first word's entries in the index, [lo, hi); hi == 0 for an empty slot. */
struct cat_slot {
	unsigned short	 lo, hi;
};

struct cat_match {
	size_t		start, end;	/* byte span in the folded text */
	unsigned	rule;
	unsigned	score;
};

static struct cat_ix	*cat_index;
static size_t		 cat_nindex;
static struct cat_slot	 cat_hash[HASH_SIZE];
static pthread_once_t	 cat_once = PTHREAD_ONCE_INIT;

static unsigned char	 fold_ascii[128];

const char *
category_name(enum category c)
{
	if ((unsigned)c >= CAT_COUNT)
		c = CAT_OTHER;
	return categories[c].name;
}

int
category_parse(const char *name, enum category *out)
{
	unsigned i;

	if (name == NULL)
		return -1;
	for (i = 0; i < CAT_COUNT; i++)
		if (strcmp(name, categories[i].name) == 0) {
			*out = (enum category)i;
			return 0;
		}
	return -1;
}

const char *
category_description(enum category c)
{
	if ((unsigned)c >= CAT_COUNT)
		c = CAT_OTHER;
	return categories[c].description;
}

const char *
kind_name(enum txn_kind k)
{
	if ((unsigned)k >= KIND_COUNT)
		k = KIND_SPENDING;
	return kinds[k].name;
}

int
kind_parse(const char *name, enum txn_kind *out)
{
	unsigned i;

	if (name == NULL)
		return -1;
	for (i = 0; i < KIND_COUNT; i++)
		if (strcmp(name, kinds[i].name) == 0) {
			*out = (enum txn_kind)i;
			return 0;
		}
	return -1;
}

const char *
kind_description(enum txn_kind k)
{
	if ((unsigned)k >= KIND_COUNT)
		k = KIND_SPENDING;
	return kinds[k].description;
}

int
kind_spending_sign(enum txn_kind k)
{
	switch (k) {
	case KIND_SPENDING:
	case KIND_FEE:
		return 1;
	case KIND_REFUND:
		return -1;
	default:
		return 0;
	}
}

const struct subcat_info *
subcategories(size_t *n)
{
	*n = sizeof(subcats) / sizeof(subcats[0]);
	return subcats;
}

int
subcategory_of(const char *sub, enum category c)
{
	size_t i;

	if (sub == NULL)
		return 0;
	for (i = 0; i < sizeof(subcats) / sizeof(subcats[0]); i++)
		if (subcats[i].category == c && strcmp(subcats[i].name, sub) == 0)
			return 1;
	return 0;
}

int
subcategory_category(const char *sub, enum category *out)
{
	size_t i;

	if (sub == NULL)
		return -1;
	for (i = 0; i < sizeof(subcats) / sizeof(subcats[0]); i++)
		if (strcmp(subcats[i].name, sub) == 0) {
			*out = subcats[i].category;
			return 0;
		}
	return -1;
}

static int
ix_cmp(const void *a, const void *b)
{
	const struct cat_ix *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = memcmp(x->word, y->word, n);

	if (r != 0)
		return r;
	return (int)x->len - (int)y->len;
}

/* FNV-1a of a word, reduced to a slot of cat_hash. */
static size_t
word_hash(const char *w, size_t len)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h & (HASH_SIZE - 1);
}

/* Hash each distinct first word of the sorted index to its range of entries. */
static void
hash_index(void)
{
	size_t a, b, h;

	for (a = 0; a < cat_nindex; a = b) {
		for (b = a + 1; b < cat_nindex && ix_cmp(&cat_index[a], &cat_index[b]) == 0; b++)
			;
		for (h = word_hash(cat_index[a].word, cat_index[a].len); cat_hash[h].hi != 0;
		    h = (h + 1) & (HASH_SIZE - 1))
			;
		cat_hash[h].lo = (unsigned short)a;
		cat_hash[h].hi = (unsigned short)b;
	}
}

/* Build the first-word index and the ASCII fold table; runs once per process. */
static void
cat_init(void)
{
	static struct cat_ix ix[IX_MAX];
	size_t i;
	unsigned c;

	for (c = 0; c < 128; c++) {
		if (c >= 'A' && c <= 'Z')
			fold_ascii[c] = (unsigned char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&')
			fold_ascii[c] = (unsigned char)c;
		else if (c == '\'')
			fold_ascii[c] = SKIP;
		else
			fold_ascii[c] = ' ';
	}
	for (i = 0; i < cat_nrules && i < sizeof(ix) / sizeof(ix[0]); i++) {
		const char *p = cat_rules[i].pattern, *sp = strchr(p, ' ');

		ix[i].word = p;
		ix[i].len = (unsigned short)(sp ? (size_t)(sp - p) : strlen(p));
		ix[i].plen = (unsigned short)strlen(p);
		ix[i].rule = (unsigned short)i;
	}
	cat_nindex = i;
	qsort(ix, cat_nindex, sizeof(ix[0]), ix_cmp);
	cat_index = ix;
	hash_index();
}

static size_t
utf8_len(unsigned char c)
{
	if (c >= 0xF0 && c <= 0xF7)
		return 4;
	if (c >= 0xE0)
		return c <= 0xEF ? 3 : 1;
	if (c >= 0xC2)
		return 2;
	return 1;
}

size_t
categorize_fold(const char *s, size_t len, char *out, size_t outlen)
{
	size_t	i = 0, o = 0, lastsp = 0;
	int	space = 1;	/* suppress leading and repeated spaces */

	pthread_once(&cat_once, cat_init);
	if (outlen == 0)
		return 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n = 1;
		char f;

		if (c < 0x80)
			f = (char)fold_ascii[c];
		else {
			n = utf8_len(c);
			if (n > len - i)
				n = len - i;
			if (n == 2 && c == 0xC3 && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
				f = latin1_fold[(unsigned char)s[i + 1] - 0x80];
			else if (n == 3 && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
			    (unsigned char)s[i + 2] == 0x99)
				f = SKIP;	/* U+2019, the typographic apostrophe */
			else
				f = ' ';
		}
		i += n;
		if (f == SKIP)
			continue;
		if (f == ' ') {
			if (!space) {
				lastsp = o;
				space = 1;
				if (o + 1 >= outlen)
					break;
				out[o++] = ' ';
			}
			continue;
		}
		if (o + 1 >= outlen) {
			/* Full mid-word: drop the partial word rather than match half of it. */
			o = lastsp;
			break;
		}
		out[o++] = f;
		space = 0;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

/*
 * Statements often print an apostrophe as a space ("TRADER JOE S",
 * "MCDONALD S"): join a lone "s" to the word before it, unless a single
 * letter or "de" follows (a company form: "S A", "S L", "S DE RL").
 * Returns the new length of t.
 */
static size_t
join_possessive(char *t, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		int lone_s = t[i] == ' ' && i > 0 && t[i - 1] >= 'a' && t[i - 1] <= 'z' &&
		    i + 2 <= len && t[i + 1] == 's' && (i + 2 == len || t[i + 2] == ' ');

		if (lone_s && i + 2 < len) {
			size_t nx = i + 3, ne = nx;

			while (ne < len && t[ne] != ' ')
				ne++;
			if (ne - nx == 1 || (ne - nx == 2 && memcmp(t + nx, "de", 2) == 0))
				lone_s = 0;
		}
		if (!lone_s)
			t[o++] = t[i];
	}
	t[o] = '\0';
	return o;
}

/*
 * Strength of a what-rule: delivery app 4, merchant 3, keyword 2, retailer or
 * weak keyword 1, company or place word 0.
 */
static unsigned
rule_class(const struct cat_rule *r)
{
	if (r->flags & CR_CHANNEL)
		return 4;
	if ((r->flags & CR_BIZ) || (r->flags & (CR_MERCHANT | CR_AMBIG)) == CR_AMBIG)
		return 0;
	if ((r->flags & CR_MERCHANT) && !(r->flags & CR_GENERIC))
		return 3;
	if (!(r->flags & (CR_MERCHANT | CR_GENERIC)))
		return 2;
	return 1;
}

/* Index range of rules whose first word is w[0..len): [*lo, *hi), empty when none. */
static void
ix_range(const char *w, size_t len, size_t *lo, size_t *hi)
{
	size_t h;

	*lo = *hi = 0;
	for (h = word_hash(w, len); cat_hash[h].hi != 0; h = (h + 1) & (HASH_SIZE - 1)) {
		const struct cat_ix *e = &cat_index[cat_hash[h].lo];

		if (e->len == len && memcmp(e->word, w, len) == 0) {
			*lo = cat_hash[h].lo;
			*hi = cat_hash[h].hi;
			return;
		}
	}
}

static size_t
add_match(struct cat_match *m, size_t n, size_t start, size_t end, unsigned rule)
{
	unsigned plen = (unsigned)(end - start);

	if (n >= MATCH_MAX)
		return n;
	m[n].start = start;
	m[n].end = end;
	m[n].rule = rule;
	/* kind rules by rank, what-rules by class; then the longer pattern */
	m[n].score = (cat_rules[rule].rank > 0 ? cat_rules[rule].rank : rule_class(&cat_rules[rule])) *
	    256 + (plen > 255 ? 255 : plen);
	return n + 1;
}

/* All rule matches in folded text t (length tlen) on word boundaries. */
static size_t
find_matches(const char *t, size_t tlen, struct cat_match *m)
{
	size_t n = 0, ws = 0;

	while (ws < tlen) {
		const char *sp = memchr(t + ws, ' ', tlen - ws);
		size_t we = sp ? (size_t)(sp - t) : tlen, lo, hi, k, before = n;

		ix_range(t + ws, we - ws, &lo, &hi);
		for (k = lo; k < hi; k++) {
			const char *p = cat_index[k].word;
			size_t plen = cat_index[k].plen;

			if (plen <= tlen - ws && memcmp(t + ws, p, plen) == 0 &&
			    (ws + plen == tlen || t[ws + plen] == ' '))
				n = add_match(m, n, ws, ws + plen, cat_index[k].rule);
		}
		/* A plural nothing matched: "coffees", "supermercados" -> "coffee", "supermercado". */
		if (n == before && we - ws > 3 && t[we - 1] == 's') {
			ix_range(t + ws, we - ws - 1, &lo, &hi);
			for (k = lo; k < hi; k++)
				if (cat_index[k].plen == we - ws - 1)
					n = add_match(m, n, ws, we, cat_index[k].rule);
		}
		ws = we + 1;
	}
	return n;
}

/* Drop matches lying inside a longer one; returns the new count. */
static size_t
drop_contained(struct cat_match *m, size_t n)
{
	size_t i, j, k = 0;

	for (i = 0; i < n; i++) {
		int inside = 0;

		for (j = 0; j < n && !inside; j++)
			inside = j != i && m[j].start <= m[i].start && m[j].end >= m[i].end &&
			    m[j].end - m[j].start > m[i].end - m[i].start;
		if (!inside)
			m[k++] = m[i];
	}
	return k;
}

/* The best merchant match, -1 when none (company markers are no merchant). */
static long
pick_merchant(const struct cat_match *m, size_t n)
{
	long	merch = -1;
	size_t	i;

	for (i = 0; i < n; i++)
		if ((cat_rules[m[i].rule].flags & (CR_MERCHANT | CR_BIZ)) == CR_MERCHANT &&
		    (merch < 0 || m[i].score > m[merch].score))
			merch = (long)i;
	return merch;
}

/* What decided a description: rule indexes into the match array, -1 for none. */
struct decision {
	long	what;		/* best what-rule: the category of a purchase or a refund */
	long	kind;		/* best kind rule that applies */
	long	second;		/* best kind rule after kind, other than a refund */
	int	in;		/* a rail brought money in from a payee (yielded) */
};

/* 1 if match i is a company marker right after a bank's name ("BCO BRADESCO S.A."). */
static int
bank_suffix(const struct cat_match *m, size_t n, size_t i)
{
	size_t j;

	if (!(cat_rules[m[i].rule].flags & CR_BIZ))
		return 0;
	for (j = 0; j < n; j++)
		if ((cat_rules[m[j].rule].flags & CR_BANK) && m[j].end + 1 == m[i].start)
			return 1;
	return 0;
}

/* Payees named (PAYEE_*), by which each kind of weak rule yields. */
enum { PAYEE_ANY = 1, PAYEE_NAMED = 2, PAYEE_MERCHANT = 4 };

/* 1 if weak rule r yields to the payees named: a rail, a fee word, the rest. */
static int
yields(const struct cat_rule *r, unsigned payees)
{
	if (!(r->flags & CR_WEAK))
		return 0;
	if (r->kind == KIND_TRANSFER && r->rank == RK_RAIL)
		return (payees & PAYEE_NAMED) != 0;
	if (r->kind == KIND_FEE)
		return (payees & PAYEE_MERCHANT) != 0;
	return (payees & PAYEE_ANY) != 0;
}

/*
 * Split the matches into what-rules (the best in d->what) and kind rules
 * (the best that applies in d->kind, the next in d->second). A bank's name
 * and the company form after it name no payee; a weak kind rule that yields
 * to the payees named does not apply, but a rail's money in is noted.
 */
static void
decide(const struct cat_match *m, size_t n, struct decision *d)
{
	unsigned payees = 0;
	size_t	 i;

	d->what = d->kind = d->second = -1;
	d->in = 0;
	for (i = 0; i < n; i++) {
		const struct cat_rule *r = &cat_rules[m[i].rule];

		if (r->rank != RK_NONE || (r->flags & CR_BANK) || bank_suffix(m, n, i))
			continue;
		if (d->what < 0 || m[i].score > m[d->what].score)
			d->what = (long)i;
		payees |= PAYEE_ANY;
		if (!(r->flags & CR_AMBIG))
			payees |= PAYEE_NAMED;
		if (r->flags & CR_MERCHANT)
			payees |= PAYEE_MERCHANT;
	}
	for (i = 0; i < n; i++) {
		const struct cat_rule *r = &cat_rules[m[i].rule];

		if (r->rank == RK_NONE)
			continue;
		if (yields(r, payees)) {
			d->in |= (r->flags & CR_IN) != 0;
			continue;
		}
		if (d->kind < 0 || m[i].score > m[d->kind].score)
			d->kind = (long)i;
	}
	for (i = 0; i < n && d->kind >= 0; i++) {
		const struct cat_rule *r = &cat_rules[m[i].rule];

		if ((long)i != d->kind && r->rank != RK_NONE && r->kind != KIND_REFUND &&
		    r->category != CAT_INCOME && !yields(r, payees) &&
		    (d->second < 0 || m[i].score > m[d->second].score))
			d->second = (long)i;
	}
}

static void
set_merchant(struct cat_result *out, const char *name)
{
	size_t n = strlen(name);

	if (n >= sizeof(out->merchant))
		n = sizeof(out->merchant) - 1;
	memcpy(out->merchant, name, n);
	out->merchant[n] = '\0';
}

/* Category and subcategory of rule r (a subcategory only under its category). */
static void
set_category(struct cat_result *out, const struct cat_rule *r)
{
	out->category = (enum category)r->category;
	out->subcategory[0] = '\0';
	if (r->subcategory != NULL && subcategory_of(r->subcategory, out->category))
		snprintf(out->subcategory, sizeof(out->subcategory), "%s", r->subcategory);
}

/*
 * An income word that names no subcategory ("recebi", "me pagaron") takes one
 * from another income word ("nomina": salary) or from rent ("aluguel").
 */
static void
income_subcategory(struct cat_result *out, const struct cat_match *m, size_t n,
    const struct decision *d)
{
	const struct cat_rule *r;
	long	best = -1;
	size_t	i;

	for (i = 0; i < n; i++) {
		r = &cat_rules[m[i].rule];
		if (r->category == CAT_INCOME && r->subcategory != NULL &&
		    (best < 0 || m[i].score > m[best].score))
			best = (long)i;
	}
	if (best >= 0)
		set_category(out, &cat_rules[m[best].rule]);
	else if (d->what >= 0 && (r = &cat_rules[m[d->what].rule])->category == CAT_HOUSING &&
	    r->subcategory != NULL && strcmp(r->subcategory, "rent") == 0)
		snprintf(out->subcategory, sizeof(out->subcategory), "rental_income");
}

/* The outcome of the kind rule decide() chose. */
static void
apply_kind(struct cat_result *out, const struct cat_match *m, size_t n,
    const struct decision *d)
{
	const struct cat_rule *k = &cat_rules[m[d->kind].rule];

	out->kind = k->category == CAT_INCOME ? KIND_INCOME : (enum txn_kind)k->kind;
	if (out->kind == KIND_REFUND) {
		/* what was refunded: a purchase, a fee ("estorno tarifa"), or nothing said */
		if (d->what >= 0)
			set_category(out, &cat_rules[m[d->what].rule]);
		else if (d->second >= 0)
			set_category(out, &cat_rules[m[d->second].rule]);
	} else
		set_category(out, k);
	if (out->kind == KIND_INCOME && out->subcategory[0] == '\0')
		income_subcategory(out, m, n, d);
	if (k->flags & CR_STRONG)
		out->confidence = 0.85;
	else if (k->flags & CR_WEAK)
		out->confidence = 0.7;
	else
		out->confidence = 0.9;
}

/*
 * The outcome of a what-rule w. Money a rail brought in from a payee is not
 * spending: from a company, income; for rent, rent received; else a refund
 * in the payee's category (a friend paying back a share of dinner).
 */
static void
apply_what(struct cat_result *out, const struct cat_match *m, const struct decision *d)
{
	const struct cat_match *w = &m[d->what];
	const struct cat_rule *r = &cat_rules[w->rule];

	set_category(out, r);
	out->kind = (enum txn_kind)r->kind;
	switch (rule_class(r)) {
	case 4:
	case 3:
		out->confidence = w->end - w->start >= 5 ? 0.95 : 0.9;
		break;
	case 2:
		out->confidence = out->merchant[0] ? 0.8 : 0.75;
		break;
	case 1:
		out->confidence = 0.85;
		break;
	default:
		out->confidence = 0.5;
		break;
	}
	if (!d->in)
		return;
	out->confidence = 0.65;
	if (r->flags & CR_BIZ) {
		out->category = CAT_INCOME;
		out->kind = KIND_INCOME;
		snprintf(out->subcategory, sizeof(out->subcategory), "other_income");
	} else if (r->category == CAT_HOUSING && r->subcategory != NULL &&
	    strcmp(r->subcategory, "rent") == 0) {
		out->category = CAT_INCOME;
		out->kind = KIND_INCOME;
		snprintf(out->subcategory, sizeof(out->subcategory), "rental_income");
	} else
		out->kind = KIND_REFUND;
}

void
categorize(const char *description, struct cat_result *out)
{
	struct cat_match m[MATCH_MAX];
	struct decision	d;
	char	t[FOLD_MAX];
	size_t	tlen, n;
	long	merch;

	out->category = CAT_OTHER;
	out->merchant[0] = '\0';
	out->confidence = 0.3;
	out->kind = KIND_SPENDING;
	out->subcategory[0] = '\0';
	if (description == NULL)
		return;
	tlen = categorize_fold(description, strnlen(description, 4 * FOLD_MAX), t, sizeof(t));
	tlen = join_possessive(t, tlen);
	n = drop_contained(m, find_matches(t, tlen, m));
	if ((merch = pick_merchant(m, n)) >= 0)
		set_merchant(out, cat_rules[m[merch].rule].merchant);
	decide(m, n, &d);
	if (d.kind >= 0)
		apply_kind(out, m, n, &d);
	else if (d.what >= 0)
		apply_what(out, m, &d);
}

/* Words that say how a payment was made, not who was paid. */
static const char *const key_noise[] = {
	"pag", "pagto", "pagamento", "pago", "payment", "compra", "compras", "cartao",
	"card", "tarjeta", "pos", "debit", "debito", "credit", "credito", "automatico",
	"automatic", "autopay", "pix", "ted", "doc", "transferencia", "transfer", "enviado",
	"enviada", "recebido", "recebida", "recibida", "loja", "store", "tienda", "sucursal",
	"filial", "unidade", "purchase", "visa", "mastercard", "elo", "contactless", "nfc",
	"online", "www", "com", "br", "mx", "es", "pt", "us", "usa", "ltda", "sa", "inc",
	"llc", "sl", "eireli", "me", "trip", "help", "pending", "apple pay", "google pay",
	"no", "n", "num", "nro", "de", "do", "da", "del", "the", "el", "la", "en", "em",
	"at", "on", "in", "no", "na", NULL
};

/* City, state and country words that statements append to a merchant. */
static const char *const key_places[] = {
	"sao", "paulo", "rio", "janeiro", "belo", "horizonte", "porto", "alegre", "curitiba",
	"salvador", "recife", "fortaleza", "brasilia", "campinas", "santos", "osasco",
	"barueri", "niteroi", "goiania", "manaus", "belem", "florianopolis", "sp", "rj",
	"mg", "rs", "pr", "sc", "ba", "pe", "ce", "df", "go", "lisboa", "lisbon", "braga",
	"coimbra", "faro", "madrid", "barcelona", "valencia", "sevilla", "bilbao",
	"malaga", "zaragoza", "mexico", "cdmx", "guadalajara", "monterrey", "bogota",
	"medellin", "cali", "santiago", "lima", "buenos", "aires", "cordoba", "rosario",
	"montevideo", "seattle", "new", "york", "ny", "nyc", "los", "angeles", "san",
	"francisco", "chicago", "houston", "miami", "boston", "austin", "wa", "ca", "tx",
	"fl", "il", "ma", "nj", "pa", "ga", "nc", "va", NULL
};

static int
in_list(const char *const *list, const char *w, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && memcmp(*list, w, len) == 0)
			return 1;
	return 0;
}

static void
put_word(char *out, size_t outlen, size_t *o, const char *w, size_t len)
{
	if (*o + (*o > 0) + len >= outlen)
		return;
	if (*o > 0)
		out[(*o)++] = ' ';
	memcpy(out + *o, w, len);
	*o += len;
	out[*o] = '\0';
}

void
merchant_key(const char *description, char *out, size_t outlen)
{
	struct cat_match m[MATCH_MAX];
	char	t[FOLD_MAX], j[FOLD_MAX];
	size_t	tlen, n, ws, o = 0, kept = 0;
	long	merch;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (description == NULL)
		return;
	tlen = categorize_fold(description, strnlen(description, 4 * FOLD_MAX), t, sizeof(t));
	/* matched as categorize() does; the words kept below stay as folded (stored keys) */
	memcpy(j, t, tlen + 1);
	n = drop_contained(m, find_matches(j, join_possessive(j, tlen), m));
	if ((merch = pick_merchant(m, n)) >= 0) {
		const char *name = cat_rules[m[merch].rule].merchant;

		categorize_fold(name, strlen(name), out, outlen);
		return;
	}
	for (ws = 0; ws < tlen && kept < 4; ) {
		const char *sp = memchr(t + ws, ' ', tlen - ws);
		size_t we = sp ? (size_t)(sp - t) : tlen, k;
		int digit = 0;

		for (k = ws; k < we; k++)
			digit |= t[k] >= '0' && t[k] <= '9';
		if (!digit && we - ws > 1 && !in_list(key_noise, t + ws, we - ws) &&
		    !in_list(key_places, t + ws, we - ws)) {
			put_word(out, outlen, &o, t + ws, we - ws);
			kept++;
		}
		ws = we + 1;
	}
}
