/*
 * merchants.c: the categoriser's rules as data. Patterns are folded text
 * (lower-case ASCII, accents removed, punctuation as single spaces, apostrophes
 * dropped: "McDonald's" -> "mcdonalds", "Pão de Açúcar" -> "pao de acucar").
 * A plural "s" on a word is tried by the matcher, so "coffee" also matches
 * "coffees". Adding a merchant or keyword is one line.
 *
 * Each rule names its category and subcategory together (GROC is food,
 * groceries), so a subcategory always refines its own category. What-rules
 * say what money was for; kind rules (S, R, F, D, H, V, T, P and their weak
 * forms) say what it does, and categorize.h tells how they combine.
 */
#include "config.h"

#include <stddef.h>

#include "domain/categorize.h"

/* Category and subcategory pairs; the "_" forms name no subcategory. */
#define FOOD_		CAT_FOOD, NULL
#define GROC		CAT_FOOD, "groceries"
#define REST		CAT_FOOD, "restaurants"
#define DELIV		CAT_FOOD, "delivery"
#define COFFEE		CAT_FOOD, "coffee"
#define BARS		CAT_FOOD, "bars"
#define TRANSP_		CAT_TRANSPORT, NULL
#define RIDE		CAT_TRANSPORT, "rideshare"
#define FUEL		CAT_TRANSPORT, "fuel"
#define TRANSIT		CAT_TRANSPORT, "public_transit"
#define PARKING		CAT_TRANSPORT, "parking"
#define TOLLS		CAT_TRANSPORT, "tolls"
#define AIR		CAT_TRANSPORT, "airfare"
#define CARRENT		CAT_TRANSPORT, "car_rental"
#define CARMAINT	CAT_TRANSPORT, "car_maintenance"
#define CARINS		CAT_TRANSPORT, "insurance"
#define HOUSE_		CAT_HOUSING, NULL
#define RENT		CAT_HOUSING, "rent"
#define MORTG		CAT_HOUSING, "mortgage"
#define CONDO		CAT_HOUSING, "condo_fees"
#define PROPTAX		CAT_HOUSING, "property_tax"
#define HOMEFIX		CAT_HOUSING, "home_maintenance"
#define FURNI		CAT_HOUSING, "furniture"
#define HOMEINS		CAT_HOUSING, "insurance"
#define UTIL_		CAT_UTILITIES, NULL
#define ELEC		CAT_UTILITIES, "electricity"
#define WATER		CAT_UTILITIES, "water"
#define GAS		CAT_UTILITIES, "gas"
#define NET		CAT_UTILITIES, "internet"
#define PHONE		CAT_UTILITIES, "phone"
#define TV		CAT_UTILITIES, "tv"
#define HEALTH_		CAT_HEALTH, NULL
#define PHARM		CAT_HEALTH, "pharmacy"
#define DOCTOR		CAT_HEALTH, "doctor"
#define DENTAL		CAT_HEALTH, "dental"
#define FIT		CAT_HEALTH, "fitness"
#define HEALTHINS	CAT_HEALTH, "insurance"
#define ENT_		CAT_ENTERTAINMENT, NULL
#define STREAM		CAT_ENTERTAINMENT, "streaming"
#define ENTSUB		CAT_ENTERTAINMENT, "subscriptions"
#define GAMES		CAT_ENTERTAINMENT, "games"
#define EVENTS		CAT_ENTERTAINMENT, "events"
#define TRAVEL		CAT_ENTERTAINMENT, "travel"
#define HOBBY		CAT_ENTERTAINMENT, "hobbies"
#define EDU_		CAT_EDUCATION, NULL
#define TUITION		CAT_EDUCATION, "tuition"
#define COURSE		CAT_EDUCATION, "courses"
#define BOOKS		CAT_EDUCATION, "books"
#define SUPPLY		CAT_EDUCATION, "supplies"
#define CLOTH_		CAT_CLOTHING, NULL
#define APPAREL		CAT_CLOTHING, "apparel"
#define SHOES		CAT_CLOTHING, "shoes"
#define ACCESS		CAT_CLOTHING, "accessories"
#define INC_		CAT_INCOME, NULL
#define SALARY		CAT_INCOME, "salary"
#define FREELA		CAT_INCOME, "freelance"
#define BENEFIT		CAT_INCOME, "benefits"
#define INVEST		CAT_INCOME, "investment_income"
#define RENTINC		CAT_INCOME, "rental_income"
#define OTHINC		CAT_INCOME, "other_income"
#define OTHER_		CAT_OTHER, NULL
#define SOFTSUB		CAT_OTHER, "subscriptions"
#define INSUR		CAT_OTHER, "insurance"
#define CARE		CAT_OTHER, "personal_care"
#define PETS		CAT_OTHER, "pets"
#define GIFTS		CAT_OTHER, "gifts"
#define TAXES		CAT_OTHER, "taxes"
#define BANKFEE		CAT_OTHER, "bank_fees"
#define CASH		CAT_OTHER, "cash"
#define SHOP		CAT_OTHER, "shopping"
#define ELECTRO		CAT_OTHER, "electronics"
#define CHILD		CAT_OTHER, "childcare"

/*
 * A pair given as an argument (cs) is expanded before RULE sees it, as two
 * arguments; a pair written in a macro's body goes through PAIR for that.
 */
#define RULE(p, n, c, s, f, k, r)	{ p, n, c, f, s, k, r }
#define PAIR(p, n, cs, f, k, r)		RULE(p, n, cs, f, k, r)

/*
 * What-rules. M a merchant; G a general retailer (a keyword says more:
 * "shoes at walmart"); A a merchant whose name is also a common word or a
 * person's name ("claro", "zara"): a keyword wins and it is no payee for a
 * rail; Y a delivery app, over the restaurant it delivers from; K a keyword;
 * W a weak keyword (another keyword says more); Q a place or vague word
 * ("shopping" is a mall in "RENNER SHOPPING IGUATEMI"), the last resort; B a
 * company marker (a payee of no category: "PIX ENVIADO ACME LTDA"); X a
 * bank's name, which says nothing of a payee ("... BCO BRADESCO S.A.").
 */
#define M(p, n, cs)	RULE(p, n, cs, CR_MERCHANT, KIND_SPENDING, RK_NONE)
#define G(p, n, cs)	RULE(p, n, cs, CR_MERCHANT | CR_GENERIC, KIND_SPENDING, RK_NONE)
#define A(p, n, cs)	RULE(p, n, cs, CR_MERCHANT | CR_GENERIC | CR_AMBIG, KIND_SPENDING, RK_NONE)
#define Y(p, n, cs)	RULE(p, n, cs, CR_MERCHANT | CR_CHANNEL, KIND_SPENDING, RK_NONE)
#define K(p, cs)	RULE(p, NULL, cs, 0, KIND_SPENDING, RK_NONE)
#define Q(p, cs)	RULE(p, NULL, cs, CR_AMBIG, KIND_SPENDING, RK_NONE)
#define W(p, cs)	RULE(p, NULL, cs, CR_GENERIC, KIND_SPENDING, RK_NONE)
#define B(p)		PAIR(p, NULL, OTHER_, CR_BIZ, KIND_SPENDING, RK_NONE)
#define X(p)		PAIR(p, NULL, OTHER_, CR_BANK, KIND_SPENDING, RK_NONE)
/*
 * Kind rules. S income (SL: only a deposit, below savings and transfers); R a
 * refund; F a fee; D a card bill or loan payment (DN: a lender's name); H a
 * mortgage instalment, housing spending over a loan word; C cash out of an
 * ATM, spending over the shop that hosts the ATM; V savings (VN: a
 * platform's name); T between one's own accounts, TR back from savings or
 * in from one's cash or a loan; P a payment rail, PI one that brings money
 * in. A trailing W: weak, it yields to a payee.
 */
#define S(p, cs)	RULE(p, NULL, cs, CR_STRONG, KIND_INCOME, RK_INCOME)
#define SL(p, cs)	RULE(p, NULL, cs, CR_STRONG, KIND_INCOME, RK_RAIL)
#define R(p)		PAIR(p, NULL, OTHER_, 0, KIND_REFUND, RK_REFUND)
#define F(p)		PAIR(p, NULL, BANKFEE, 0, KIND_FEE, RK_FEE)
#define FW(p)		PAIR(p, NULL, BANKFEE, CR_WEAK, KIND_FEE, RK_FEE)
#define D(p)		PAIR(p, NULL, OTHER_, 0, KIND_DEBT_PAYMENT, RK_DEBT)
#define DW(p)		PAIR(p, NULL, OTHER_, CR_WEAK, KIND_DEBT_PAYMENT, RK_DEBT)
#define DN(p, n)	PAIR(p, n, OTHER_, CR_MERCHANT, KIND_DEBT_PAYMENT, RK_DEBT)
#define H(p)		PAIR(p, NULL, MORTG, 0, KIND_SPENDING, RK_HOUSING)
#define C(p)		PAIR(p, NULL, CASH, 0, KIND_SPENDING, RK_RAIL)
#define V(p)		PAIR(p, NULL, OTHER_, 0, KIND_SAVINGS_CONTRIBUTION, RK_SAVINGS)
#define VW(p)		PAIR(p, NULL, OTHER_, CR_WEAK, KIND_SAVINGS_CONTRIBUTION, RK_SAVINGS)
#define VN(p, n)	PAIR(p, n, OTHER_, CR_MERCHANT, KIND_SAVINGS_CONTRIBUTION, RK_SAVINGS)
#define T(p)		PAIR(p, NULL, OTHER_, 0, KIND_TRANSFER, RK_OWN)
#define TR(p)		PAIR(p, NULL, OTHER_, 0, KIND_TRANSFER, RK_REDEEM)
#define TW(p)		PAIR(p, NULL, OTHER_, CR_WEAK, KIND_TRANSFER, RK_REDEEM)
#define P(p)		PAIR(p, NULL, OTHER_, CR_WEAK, KIND_TRANSFER, RK_RAIL)
#define PI(p)		PAIR(p, NULL, OTHER_, CR_WEAK | CR_IN, KIND_TRANSFER, RK_RAIL)

const struct cat_rule cat_rules[] = {
	/* Food: supermarkets (US, BR, PT, ES, LatAm); hypermarkets that sell everything are G. */
	G("walmart", "Walmart", GROC), G("wal mart", "Walmart", GROC),
	M("whole foods", "Whole Foods", GROC), M("wholefds", "Whole Foods", GROC),
	M("trader joes", "Trader Joe's", GROC), M("kroger", "Kroger", GROC),
	M("safeway", "Safeway", GROC), M("publix", "Publix", GROC),
	M("aldi", "Aldi", GROC), M("lidl", "Lidl", GROC),
	M("heb", "H-E-B", GROC), M("h e b", "H-E-B", GROC),
	M("wegmans", "Wegmans", GROC), G("costco", "Costco", GROC),
	G("sams club", "Sam's Club", GROC), M("albertsons", "Albertsons", GROC),
	M("food lion", "Food Lion", GROC), M("instacart", "Instacart", GROC),
	M("sprouts farmers", "Sprouts", GROC), M("ralphs", "Ralphs", GROC),
	M("vons", "Vons", GROC), M("stop & shop", "Stop & Shop", GROC),
	M("giant eagle", "Giant Eagle", GROC), M("meijer", "Meijer", GROC),
	M("winco", "WinCo", GROC), M("hy vee", "Hy-Vee", GROC),
	M("shoprite", "ShopRite", GROC), M("harris teeter", "Harris Teeter", GROC),
	M("fred meyer", "Fred Meyer", GROC), M("king soopers", "King Soopers", GROC),
	M("food 4 less", "Food 4 Less", GROC), M("amazon fresh", "Amazon Fresh", GROC),
	M("tesco", "Tesco", GROC), M("sainsburys", "Sainsbury's", GROC),
	M("asda", "Asda", GROC), M("morrisons", "Morrisons", GROC),
	M("waitrose", "Waitrose", GROC), M("co op food", "Co-op Food", GROC),
	G("carrefour", "Carrefour", GROC), M("pao de acucar", "Pão de Açúcar", GROC),
	M("extra hiper", "Extra", GROC), M("extra supermercado", "Extra", GROC),
	M("assai", "Assaí", GROC), M("atacadao", "Atacadão", GROC),
	M("big bompreco", "Bompreço", GROC), M("bompreco", "Bompreço", GROC),
	M("zaffari", "Zaffari", GROC), M("savegnago", "Savegnago", GROC),
	M("hortifruti", "Hortifruti", GROC), M("st marche", "St Marche", GROC),
	A("sonda", "Sonda", GROC), A("mambo", "Mambo", GROC),
	M("guanabara", "Guanabara", GROC), M("prezunic", "Prezunic", GROC),
	A("dia supermercado", "Dia", GROC), M("supermercados dia", "Dia", GROC),
	M("makro", "Makro", GROC), M("tenda atacado", "Tenda", GROC),
	M("nagumo", "Nagumo", GROC), A("condor", "Condor", GROC),
	M("angeloni", "Angeloni", GROC), M("muffato", "Muffato", GROC),
	M("bistek", "Bistek", GROC), M("giassi", "Giassi", GROC),
	M("supernosso", "Supernosso", GROC), M("verdemar", "Verdemar", GROC),
	M("mart minas", "Mart Minas", GROC), M("comper", "Comper", GROC),
	M("gbarbosa", "GBarbosa", GROC), M("oba hortifruti", "Oba Hortifruti", GROC),
	M("hirota", "Hirota", GROC), M("daki", "Daki", GROC),
	M("mercadona", "Mercadona", GROC), M("eroski", "Eroski", GROC),
	G("alcampo", "Alcampo", GROC), G("hipercor", "Hipercor", GROC),
	A("consum", "Consum", GROC), M("ahorramas", "Ahorramas", GROC),
	M("bon preu", "Bonpreu", GROC), M("bonpreu", "Bonpreu", GROC),
	M("caprabo", "Caprabo", GROC), M("condis", "Condis", GROC),
	M("gadis", "Gadis", GROC), M("froiz", "Froiz", GROC),
	M("supercor", "Supercor", GROC), M("coviran", "Covirán", GROC),
	M("spar", "Spar", GROC), M("hiperdino", "HiperDino", GROC),
	M("bm supermercados", "BM", GROC), M("el corte ingles supermercado", "El Corte Inglés", GROC),
	G("continente", "Continente", GROC), M("pingo doce", "Pingo Doce", GROC),
	M("minipreco", "Minipreço", GROC), M("intermarche", "Intermarché", GROC),
	G("auchan", "Auchan", GROC), A("jumbo", "Jumbo", GROC),
	M("oxxo", "Oxxo", GROC), G("soriana", "Soriana", GROC),
	G("chedraui", "Chedraui", GROC), G("bodega aurrera", "Bodega Aurrera", GROC),
	M("la comer", "La Comer", GROC), M("superama", "Superama", GROC),
	A("coto", "Coto", GROC), A("disco", "Disco", GROC),
	M("la anonima", "La Anónima", GROC), A("exito", "Éxito", GROC),
	M("d1", "D1", GROC), A("ara", "Ara", GROC), M("olimpica", "Olímpica", GROC),
	A("lider", "Líder", GROC), M("unimarc", "Unimarc", GROC),
	M("santa isabel", "Santa Isabel", GROC), M("tottus", "Tottus", GROC),
	M("plaza vea", "Plaza Vea", GROC), A("wong", "Wong", GROC),
	M("7 eleven", "7-Eleven", GROC), M("seven eleven", "7-Eleven", GROC),
	/* Food: restaurants and fast food. */
	M("mcdonalds", "McDonald's", REST), M("mc donalds", "McDonald's", REST),
	M("burger king", "Burger King", REST), M("wendys", "Wendy's", REST),
	M("subway", "Subway", REST), M("kfc", "KFC", REST),
	M("taco bell", "Taco Bell", REST), M("chipotle", "Chipotle", REST),
	M("dominos", "Domino's", REST), M("pizza hut", "Pizza Hut", REST),
	M("papa johns", "Papa John's", REST), M("chick fil a", "Chick-fil-A", REST),
	M("panera", "Panera Bread", REST), M("popeyes", "Popeyes", REST),
	M("five guys", "Five Guys", REST), M("shake shack", "Shake Shack", REST),
	M("dennys", "Denny's", REST), M("ihop", "IHOP", REST),
	M("applebees", "Applebee's", REST), M("olive garden", "Olive Garden", REST),
	M("chilis", "Chili's", REST), M("buffalo wild wings", "Buffalo Wild Wings", REST),
	M("panda express", "Panda Express", REST), M("jack in the box", "Jack in the Box", REST),
	M("arbys", "Arby's", REST), M("dairy queen", "Dairy Queen", REST),
	M("sweetgreen", "Sweetgreen", REST), M("jersey mikes", "Jersey Mike's", REST),
	M("jimmy johns", "Jimmy John's", REST), M("wingstop", "Wingstop", REST),
	M("raising canes", "Raising Cane's", REST), M("in n out", "In-N-Out", REST),
	M("whataburger", "Whataburger", REST), M("little caesars", "Little Caesars", REST),
	M("telepizza", "Telepizza", REST), M("100 montaditos", "100 Montaditos", REST),
	A("rodilla", "Rodilla", REST), M("vips", "VIPS", REST),
	M("foster s hollywood", "Foster's Hollywood", REST),
	M("fosters hollywood", "Foster's Hollywood", REST),
	M("goiko", "Goiko", REST), M("la tagliatella", "La Tagliatella", REST),
	M("ginos", "Ginos", REST), M("lizarran", "Lizarran", REST),
	M("habibs", "Habib's", REST), M("outback", "Outback", REST),
	M("giraffas", "Giraffas", REST), M("bobs", "Bob's", REST),
	M("spoleto", "Spoleto", REST), A("madero", "Madero", REST),
	M("coco bambu", "Coco Bambu", REST), M("china in box", "China in Box", REST),
	M("ragazzo", "Ragazzo", REST),
	M("el corral", "El Corral", REST), M("frisby", "Frisby", REST),
	M("crepes waffles", "Crepes & Waffles", REST), M("sanborns", "Sanborns", REST),
	M("vips mexico", "VIPS", REST), M("toks", "Toks", REST),
	/* Food: coffee shops, bakeries-cafes, sweets. */
	M("starbucks", "Starbucks", COFFEE), M("dunkin", "Dunkin'", COFFEE),
	M("tim hortons", "Tim Hortons", COFFEE), M("costa coffee", "Costa Coffee", COFFEE),
	M("peets coffee", "Peet's Coffee", COFFEE), M("dutch bros", "Dutch Bros", COFFEE),
	M("blue bottle", "Blue Bottle", COFFEE), M("krispy kreme", "Krispy Kreme", COFFEE),
	M("juan valdez", "Juan Valdez", COFFEE), M("havanna", "Havanna", COFFEE),
	M("frans cafe", "Fran's Café", COFFEE), M("the coffee", "The Coffee", COFFEE),
	M("casa bauducco", "Casa Bauducco", COFFEE), M("rei do mate", "Rei do Mate", COFFEE),
	M("cacau show", "Cacau Show", COFFEE), M("kopenhagen", "Kopenhagen", COFFEE),
	M("granier", "Granier", COFFEE), M("pret a manger", "Pret A Manger", COFFEE),
	M("greggs", "Greggs", COFFEE), M("caffe nero", "Caffè Nero", COFFEE), M("sodiao", "Sodiao", FOOD_),
	M("vitaminas", "Vitaminas", FOOD_),
	/* Food: delivery apps. */
	Y("ifood", "iFood", DELIV), Y("i food", "iFood", DELIV), Y("ifd", "iFood", DELIV),
	Y("rappi", "Rappi", DELIV), Y("glovo", "Glovo", DELIV),
	Y("just eat", "Just Eat", DELIV), Y("justeat", "Just Eat", DELIV),
	Y("uber eats", "Uber Eats", DELIV), Y("ubereats", "Uber Eats", DELIV),
	Y("doordash", "DoorDash", DELIV), Y("door dash", "DoorDash", DELIV),
	Y("dd doordash", "DoorDash", DELIV), Y("grubhub", "Grubhub", DELIV),
	Y("deliveroo", "Deliveroo", DELIV), Y("postmates", "Postmates", DELIV),
	Y("pedidosya", "PedidosYa", DELIV), Y("pedidos ya", "PedidosYa", DELIV),
	Y("didi food", "DiDi Food", DELIV), Y("99food", "99Food", DELIV),
	Y("99 food", "99Food", DELIV), Y("ze delivery", "Zé Delivery", DELIV),
	Y("aiqfome", "aiqfome", DELIV), Y("bolt food", "Bolt Food", DELIV),
	Y("gopuff", "Gopuff", DELIV), Y("james delivery", "James Delivery", DELIV),

	/* Transport: ride-hailing. */
	M("uber", "Uber", RIDE), M("lyft", "Lyft", RIDE),
	M("99 pop", "99", RIDE), M("99 app", "99", RIDE),
	M("99app", "99", RIDE), M("99 taxi", "99", RIDE),
	M("99 taxis", "99", RIDE), M("99 tecnologia", "99", RIDE),
	M("99pop", "99", RIDE), M("99 moto", "99", RIDE), M("cabify", "Cabify", RIDE),
	M("didi", "DiDi", RIDE), A("bolt", "Bolt", RIDE),
	M("indriver", "inDrive", RIDE), M("indrive", "inDrive", RIDE),
	M("freenow", "FREE NOW", RIDE), M("free now", "FREE NOW", RIDE),
	M("blablacar", "BlaBlaCar", RIDE),
	/* Transport: fuel. */
	M("shell", "Shell", FUEL), M("chevron", "Chevron", FUEL),
	M("exxon", "Exxon", FUEL), M("exxonmobil", "ExxonMobil", FUEL),
	M("mobil", "Mobil", FUEL), M("texaco", "Texaco", FUEL), M("bp", "BP", FUEL),
	M("valero", "Valero", FUEL), M("sunoco", "Sunoco", FUEL),
	M("marathon petroleum", "Marathon", FUEL), A("arco", "ARCO", FUEL),
	M("citgo", "Citgo", FUEL), M("conoco", "Conoco", FUEL),
	M("phillips 66", "Phillips 66", FUEL), M("circle k", "Circle K", FUEL),
	M("speedway", "Speedway", FUEL), M("quiktrip", "QuikTrip", FUEL),
	M("racetrac", "RaceTrac", FUEL), M("murphy usa", "Murphy USA", FUEL),
	M("costco gas", "Costco Gas", FUEL), M("oxxo gas", "Oxxo Gas", FUEL),
	M("safeway fuel", "Safeway Fuel", FUEL), M("kroger fuel", "Kroger Fuel", FUEL),
	M("fred meyer fuel", "Fred Meyer Fuel", FUEL), M("albertsons fuel", "Albertsons Fuel", FUEL),
	M("vons fuel", "Vons Fuel", FUEL), M("heb fuel", "H-E-B Fuel", FUEL),
	M("meijer gas", "Meijer Gas", FUEL), M("hy vee gas", "Hy-Vee Gas", FUEL),
	M("getgo", "GetGo", FUEL), M("sams club fuel", "Sam's Club Fuel", FUEL),
	M("petrobras", "Petrobras", FUEL), M("br mania", "BR Mania", FUEL),
	M("posto br", "Petrobras", FUEL), M("ipiranga", "Ipiranga", FUEL),
	M("raizen", "Raízen", FUEL), M("ale combustiveis", "ALE", FUEL),
	M("repsol", "Repsol", FUEL), M("cepsa", "Cepsa", FUEL),
	M("moeve", "Moeve", FUEL), M("galp", "Galp", FUEL),
	M("ballenoil", "Ballenoil", FUEL), M("plenoil", "Plenoil", FUEL),
	M("petronor", "Petronor", FUEL), M("petroprix", "Petroprix", FUEL),
	A("prio", "Prio", FUEL), M("pemex", "Pemex", FUEL),
	M("ypf", "YPF", FUEL), M("terpel", "Terpel", FUEL),
	M("copec", "Copec", FUEL), M("primax", "Primax", FUEL),
	/* Transport: tolls, parking. */
	M("sem parar", "Sem Parar", TOLLS), M("conectcar", "ConectCar", TOLLS),
	M("veloe", "Veloe", TOLLS), M("via verde", "Via Verde", TOLLS),
	M("ezpass", "E-ZPass", TOLLS), M("e zpass", "E-ZPass", TOLLS),
	M("sunpass", "SunPass", TOLLS), M("fastrak", "FasTrak", TOLLS),
	M("autopista", "Autopista", TOLLS), M("autopistas", "Autopista", TOLLS),
	M("estapar", "Estapar", PARKING), M("zona azul", "Zona Azul", PARKING),
	M("parkmobile", "ParkMobile", PARKING), M("spothero", "SpotHero", PARKING),
	M("paybyphone", "PayByPhone", PARKING), M("easypark", "EasyPark", PARKING),
	M("telpark", "Telpark", PARKING), M("empark", "Empark", PARKING),
	M("saba aparcamientos", "Saba", PARKING), M("indigo parking", "Indigo", PARKING),
	/* Transport: public transit. */
	M("bilhete unico", "Bilhete Único", TRANSIT), M("sptrans", "SPTrans", TRANSIT),
	M("metro sp", "Metrô SP", TRANSIT), M("cptm", "CPTM", TRANSIT),
	M("metrorio", "MetrôRio", TRANSIT), M("supervia", "SuperVia", TRANSIT),
	M("riocard", "RioCard", TRANSIT), M("top transporte", "TOP", TRANSIT),
	M("renfe", "Renfe", TRANSIT), M("emt", "EMT", TRANSIT),
	M("tmb", "TMB", TRANSIT), M("metro de madrid", "Metro de Madrid", TRANSIT),
	M("alsa", "ALSA", TRANSIT), M("ouigo", "Ouigo", TRANSIT),
	M("iryo", "Iryo", TRANSIT), M("flixbus", "FlixBus", TRANSIT),
	M("cp comboios", "CP", TRANSIT), M("carris", "Carris", TRANSIT),
	M("amtrak", "Amtrak", TRANSIT), M("greyhound", "Greyhound", TRANSIT),
	M("mta", "MTA", TRANSIT), M("bart", "BART", TRANSIT),
	M("clipper", "Clipper", TRANSIT), M("ventra", "Ventra", TRANSIT),
	M("metrocard", "MetroCard", TRANSIT), M("omny", "OMNY", TRANSIT),
	M("wmata", "WMATA", TRANSIT), M("septa", "SEPTA", TRANSIT),
	M("tfl", "TfL", TRANSIT), M("trainline", "Trainline", TRANSIT),
	/* Transport: flights. */
	M("latam", "LATAM", AIR), M("gol linhas", "GOL", AIR),
	M("azul linhas", "Azul", AIR), M("iberia", "Iberia", AIR),
	M("vueling", "Vueling", AIR), M("ryanair", "Ryanair", AIR),
	M("easyjet", "easyJet", AIR), M("tap air", "TAP", AIR),
	M("tap portugal", "TAP", AIR), M("air europa", "Air Europa", AIR),
	M("binter", "Binter", AIR), M("avianca", "Avianca", AIR),
	M("aeromexico", "Aeroméxico", AIR), M("volaris", "Volaris", AIR),
	M("viva aerobus", "Viva Aerobus", AIR), M("copa airlines", "Copa Airlines", AIR),
	M("jetsmart", "JetSMART", AIR), M("aerolineas argentinas", "Aerolíneas Argentinas", AIR),
	M("delta air", "Delta", AIR), M("american airlines", "American Airlines", AIR),
	M("american air", "American Airlines", AIR), M("united airlines", "United", AIR),
	M("southwest", "Southwest", AIR), M("jetblue", "JetBlue", AIR),
	M("alaska air", "Alaska Airlines", AIR), M("spirit airl", "Spirit", AIR),
	M("lufthansa", "Lufthansa", AIR), M("air france", "Air France", AIR),
	M("british airways", "British Airways", AIR), M("klm", "KLM", AIR),
	/* Transport: car rental, maintenance, insurance. */
	M("localiza", "Localiza", CARRENT), M("movida", "Movida", CARRENT),
	A("unidas", "Unidas", CARRENT), M("hertz", "Hertz", CARRENT),
	M("avis", "Avis", CARRENT), M("enterprise rent", "Enterprise", CARRENT),
	M("sixt", "Sixt", CARRENT), M("europcar", "Europcar", CARRENT),
	M("alamo", "Alamo", CARRENT), M("zipcar", "Zipcar", CARRENT),
	M("turo", "Turo", CARRENT), M("goldcar", "Goldcar", CARRENT),
	A("lime", "Lime", TRANSP_),
	M("jiffy lube", "Jiffy Lube", CARMAINT), M("firestone", "Firestone", CARMAINT),
	M("goodyear", "Goodyear", CARMAINT), M("pep boys", "Pep Boys", CARMAINT),
	M("autozone", "AutoZone", CARMAINT), M("oreilly auto", "O'Reilly Auto Parts", CARMAINT),
	M("midas", "Midas", CARMAINT), M("norauto", "Norauto", CARMAINT),
	M("detran", "Detran", CARMAINT),
	M("geico", "GEICO", CARINS), M("progressive ins", "Progressive", CARINS),
	M("state farm", "State Farm", CARINS), M("allstate", "Allstate", CARINS),
	M("linea directa", "Línea Directa", CARINS), M("mutua madrilena", "Mutua Madrileña", CARINS),

	/*
	 * Housing. Airbnb stays housing (a stay can be where one lives), with no
	 * subcategory; hotels and Vrbo are travel.
	 */
	M("airbnb", "Airbnb", HOUSE_),
	M("quintoandar", "QuintoAndar", RENT), M("quinto andar", "QuintoAndar", RENT),
	M("zillow", "Zillow", RENT), M("appfolio", "AppFolio", RENT),
	M("rentcafe", "RentCafe", RENT), M("idealista", "Idealista", HOUSE_),
	M("home depot", "Home Depot", HOMEFIX), M("lowes", "Lowe's", HOMEFIX),
	M("leroy merlin", "Leroy Merlin", HOMEFIX), M("telhanorte", "Telhanorte", HOMEFIX),
	M("bricomart", "Bricomart", HOMEFIX), A("aki", "AKI", HOMEFIX),
	M("brico depot", "Brico Dépôt", HOMEFIX), M("obramax", "Obramax", HOMEFIX),
	M("ace hardware", "Ace Hardware", HOMEFIX), M("menards", "Menards", HOMEFIX),
	M("c&c casa", "C&C", HOMEFIX), G("sodimac", "Sodimac", HOMEFIX),
	M("ikea", "IKEA", FURNI), M("tok stok", "Tok&Stok", FURNI),
	M("tok&stok", "Tok&Stok", FURNI), M("wayfair", "Wayfair", FURNI),
	M("etna", "Etna", FURNI), M("mobly", "Mobly", FURNI),
	M("madeiramadeira", "MadeiraMadeira", FURNI), M("camicado", "Camicado", FURNI),
	M("pottery barn", "Pottery Barn", FURNI), M("crate barrel", "Crate & Barrel", FURNI),
	M("crate & barrel", "Crate & Barrel", FURNI), M("bed bath", "Bed Bath & Beyond", FURNI),
	M("conforama", "Conforama", FURNI), M("maisons du monde", "Maisons du Monde", FURNI),
	M("lemonade insurance", "Lemonade", HOMEINS),

	/* Utilities: electricity. */
	M("enel", "Enel", ELEC), M("endesa", "Endesa", ELEC),
	M("iberdrola", "Iberdrola", ELEC), M("naturgy", "Naturgy", UTIL_),
	M("edp", "EDP", ELEC), M("cemig", "Cemig", ELEC),
	M("copel", "Copel", ELEC), M("light sa", "Light", ELEC),
	M("light servicos de eletricidade", "Light", ELEC),
	M("cpfl", "CPFL", ELEC), M("coelba", "Coelba", ELEC),
	M("neoenergia", "Neoenergia", ELEC), M("equatorial", "Equatorial", ELEC),
	M("celesc", "Celesc", ELEC), M("energisa", "Energisa", ELEC),
	M("celpe", "Celpe", ELEC), M("cosern", "Cosern", ELEC),
	M("coelce", "Coelce", ELEC), M("elektro", "Elektro", ELEC),
	M("eletropaulo", "Eletropaulo", ELEC), M("rge sul", "RGE", ELEC),
	M("cfe", "CFE", ELEC), M("totalenergies", "TotalEnergies", ELEC),
	M("holaluz", "Holaluz", ELEC), M("octopus energy", "Octopus Energy", ELEC),
	M("con edison", "Con Edison", ELEC), M("coned", "Con Edison", ELEC),
	M("con ed", "Con Edison", ELEC), M("pg&e", "PG&E", ELEC),
	M("pge", "PG&E", ELEC), M("pgande", "PG&E", ELEC),
	M("duke energy", "Duke Energy", ELEC), M("southern california edison", "SCE", ELEC),
	M("sce", "SCE", ELEC), M("fpl", "FPL", ELEC), M("dominion energy", "Dominion Energy", ELEC),
	M("xcel energy", "Xcel Energy", ELEC), M("comed", "ComEd", ELEC),
	M("national grid", "National Grid", ELEC), M("eversource", "Eversource", ELEC),
	M("edenor", "Edenor", ELEC), M("edesur", "Edesur", ELEC),
	M("codensa", "Codensa", ELEC), M("luz del sur", "Luz del Sur", ELEC),
	M("enel codensa", "Enel", ELEC), M("chilquinta", "Chilquinta", ELEC),
	/* Utilities: water, gas. */
	M("sabesp", "Sabesp", WATER), M("cedae", "Cedae", WATER),
	M("aguas do rio", "Águas do Rio", WATER), M("copasa", "Copasa", WATER),
	M("sanepar", "Sanepar", WATER), M("embasa", "Embasa", WATER),
	M("compesa", "Compesa", WATER), M("cagece", "Cagece", WATER),
	M("caesb", "Caesb", WATER), M("corsan", "Corsan", WATER),
	M("saneago", "Saneago", WATER), M("dmae", "DMAE", WATER),
	M("canal de isabel ii", "Canal de Isabel II", WATER),
	M("aguas de barcelona", "Aigües de Barcelona", WATER),
	M("aigues de barcelona", "Aigües de Barcelona", WATER),
	M("aqualia", "Aqualia", WATER), M("emasesa", "Emasesa", WATER),
	M("epal", "EPAL", WATER), M("american water", "American Water", WATER),
	M("aysa", "AySA", WATER), M("aguas andinas", "Aguas Andinas", WATER),
	M("sedapal", "Sedapal", WATER), M("acueducto", "Acueducto", WATER),
	M("comgas", "Comgás", GAS), M("ultragaz", "Ultragaz", GAS),
	M("liquigas", "Liquigás", GAS), M("supergasbras", "Supergasbras", GAS),
	M("copagaz", "Copagaz", GAS), M("nacional gas", "Nacional Gás", GAS),
	M("naturgy gas", "Naturgy", GAS), M("repsol butano", "Repsol Butano", GAS),
	M("socalgas", "SoCalGas", GAS), M("metrogas", "Metrogas", GAS),
	M("vanti", "Vanti", GAS), M("calidda", "Cálidda", GAS), M("epm", "EPM", UTIL_),
	/* Utilities: telecom (phone, internet, TV). */
	M("comcast", "Comcast", NET), M("xfinity", "Xfinity", NET),
	M("xfinity mobile", "Xfinity Mobile", PHONE), M("verizon", "Verizon", PHONE),
	M("verizon fios", "Verizon Fios", NET), M("fios", "Verizon Fios", NET),
	M("at&t", "AT&T", PHONE), M("att", "AT&T", PHONE),
	M("t mobile", "T-Mobile", PHONE), M("tmobile", "T-Mobile", PHONE),
	M("metropcs", "Metro by T-Mobile", PHONE), M("cricket wireless", "Cricket", PHONE),
	M("mint mobile", "Mint Mobile", PHONE), M("google fi", "Google Fi", PHONE),
	M("boost mobile", "Boost Mobile", PHONE), M("us cellular", "UScellular", PHONE),
	M("spectrum", "Spectrum", NET), M("cox comm", "Cox", NET),
	M("optimum", "Optimum", NET), M("centurylink", "CenturyLink", NET),
	M("starlink", "Starlink", NET), M("directv", "DIRECTV", TV),
	M("dish network", "DISH", TV), M("sling tv", "Sling TV", TV),
	A("vivo", "Vivo", PHONE), M("vivo fibra", "Vivo", NET),
	M("telefonica", "Telefônica", PHONE), A("claro", "Claro", PHONE),
	M("claro net", "Claro", NET), M("claro tv", "Claro", TV),
	A("tim", "TIM", PHONE), M("tim live", "TIM", NET),
	M("oi fibra", "Oi", NET), M("oi movel", "Oi", PHONE),
	M("net virtua", "NET", NET), M("net servicos", "NET", NET),
	M("brisanet", "Brisanet", NET), M("algar telecom", "Algar", PHONE),
	A("sky", "Sky", TV), M("sky brasil", "Sky", TV),
	M("movistar", "Movistar", PHONE), M("vodafone", "Vodafone", PHONE),
	A("orange", "Orange", PHONE), M("masmovil", "MásMóvil", PHONE),
	M("yoigo", "Yoigo", PHONE), M("pepephone", "Pepephone", PHONE),
	M("lowi", "Lowi", PHONE), M("simyo", "Simyo", PHONE),
	M("jazztel", "Jazztel", NET), M("digi mobil", "Digi", PHONE),
	M("digi spain", "Digi", PHONE), M("euskaltel", "Euskaltel", NET),
	M("meo", "MEO", NET), M("nos comunicacoes", "NOS", NET),
	M("telcel", "Telcel", PHONE), M("telmex", "Telmex", NET),
	M("izzi", "izzi", NET), M("totalplay", "Totalplay", NET),
	M("entel", "Entel", PHONE), A("personal movil", "Personal", PHONE),

	/* Health: pharmacies. */
	M("cvs", "CVS", PHARM), M("walgreens", "Walgreens", PHARM),
	M("rite aid", "Rite Aid", PHARM), M("duane reade", "Duane Reade", PHARM),
	M("drogasil", "Drogasil", PHARM),
	M("droga raia", "Droga Raia", PHARM), M("drogaraia", "Droga Raia", PHARM),
	M("raia", "Droga Raia", PHARM), M("pague menos", "Pague Menos", PHARM),
	M("drogaria sao paulo", "Drogaria São Paulo", PHARM),
	M("panvel", "Panvel", PHARM), A("pacheco", "Drogarias Pacheco", PHARM),
	M("drogarias pacheco", "Drogarias Pacheco", PHARM), A("onofre", "Onofre", PHARM),
	M("ultrafarma", "Ultrafarma", PHARM), M("extrafarma", "Extrafarma", PHARM),
	M("drogaria araujo", "Drogaria Araujo", PHARM), M("nissei", "Nissei", PHARM),
	M("farmacias del ahorro", "Farmacias del Ahorro", PHARM),
	M("farmacias guadalajara", "Farmacias Guadalajara", PHARM),
	M("farmacias similares", "Farmacias Similares", PHARM),
	M("farmacity", "Farmacity", PHARM), M("cruz verde", "Cruz Verde", PHARM),
	M("salcobrand", "Salcobrand", PHARM), M("inkafarma", "Inkafarma", PHARM),
	/* Health: insurance, labs, clinics, dentists. */
	M("unimed", "Unimed", HEALTHINS), M("amil", "Amil", HEALTHINS),
	M("bradesco saude", "Bradesco Saúde", HEALTHINS), M("sulamerica", "SulAmérica", HEALTHINS),
	M("hapvida", "Hapvida", HEALTHINS), M("notredame intermedica", "NotreDame Intermédica", HEALTHINS),
	M("sanitas", "Sanitas", HEALTHINS), M("adeslas", "Adeslas", HEALTHINS),
	M("dkv seguros", "DKV", HEALTHINS), M("asisa", "Asisa", HEALTHINS),
	M("kaiser permanente", "Kaiser Permanente", HEALTHINS), M("bluecross", "Blue Cross", HEALTHINS),
	M("blue cross", "Blue Cross", HEALTHINS), M("aetna", "Aetna", HEALTHINS),
	M("cigna", "Cigna", HEALTHINS), M("unitedhealthcare", "UnitedHealthcare", HEALTHINS),
	A("dasa", "Dasa", DOCTOR), A("fleury", "Fleury", DOCTOR),
	M("hermes pardini", "Hermes Pardini", DOCTOR), M("labcorp", "Labcorp", DOCTOR),
	M("quest diagnostics", "Quest Diagnostics", DOCTOR), M("doctoralia", "Doctoralia", DOCTOR),
	M("odontoprev", "Odontoprev", DENTAL), M("sorridents", "Sorridents", DENTAL),
	M("vitaldent", "Vitaldent", DENTAL),
	/* Health: gyms and sport. */
	M("smart fit", "Smart Fit", FIT), M("smartfit", "Smart Fit", FIT),
	M("planet fitness", "Planet Fitness", FIT), M("bluefit", "Bluefit", FIT),
	M("gympass", "Gympass", FIT), M("wellhub", "Wellhub", FIT),
	M("totalpass", "TotalPass", FIT), M("basic fit", "Basic-Fit", FIT),
	M("bodytech", "Bodytech", FIT), M("la fitness", "LA Fitness", FIT),
	M("24 hour fitness", "24 Hour Fitness", FIT), M("anytime fitness", "Anytime Fitness", FIT),
	M("equinox", "Equinox", FIT), M("orangetheory", "Orangetheory", FIT),
	M("crossfit", "CrossFit", FIT), M("peloton", "Peloton", FIT),
	M("classpass", "ClassPass", FIT), M("mcfit", "McFit", FIT),
	M("viva gym", "VivaGym", FIT), M("altafit", "Altafit", FIT),
	M("holmes place", "Holmes Place", FIT), M("go fit", "GO fit", FIT),

	/* Entertainment: streaming. */
	M("netflix", "Netflix", STREAM), M("spotify", "Spotify", STREAM),
	M("disney plus", "Disney+", STREAM), A("disney", "Disney", ENT_),
	M("disneyplus", "Disney+", STREAM), M("hbo", "HBO Max", STREAM),
	M("hbo max", "HBO Max", STREAM), M("max com", "HBO Max", STREAM),
	M("hulu", "Hulu", STREAM), M("prime video", "Prime Video", STREAM),
	M("amazon prime", "Amazon Prime", ENTSUB), M("apple tv", "Apple TV+", STREAM),
	M("apple music", "Apple Music", STREAM), M("amazon music", "Amazon Music", STREAM),
	M("paramount", "Paramount+", STREAM), M("peacock", "Peacock", STREAM),
	M("globoplay", "Globoplay", STREAM), M("telecine", "Telecine", STREAM),
	M("deezer", "Deezer", STREAM), M("tidal", "Tidal", STREAM),
	M("pandora music", "Pandora", STREAM), M("youtube premium", "YouTube Premium", STREAM),
	M("youtube", "YouTube", STREAM), M("twitch", "Twitch", STREAM),
	M("crunchyroll", "Crunchyroll", STREAM), M("dazn", "DAZN", STREAM),
	M("star plus", "Star+", STREAM), M("movistar plus", "Movistar Plus+", STREAM),
	M("filmin", "Filmin", STREAM), M("mubi", "MUBI", STREAM),
	M("claro video", "Claro video", STREAM), M("vix", "ViX", STREAM),
	M("fubo", "Fubo", STREAM), M("espn plus", "ESPN+", STREAM),
	M("audible", "Audible", BOOKS), M("kindle unlimited", "Kindle Unlimited", BOOKS),
	M("tinder", "Tinder", ENTSUB), M("bumble", "Bumble", ENTSUB),
	M("patreon", "Patreon", ENTSUB),
	/* Entertainment: games. */
	A("steam", "Steam", GAMES), M("steamgames", "Steam", GAMES),
	M("steam games", "Steam", GAMES), M("steampowered", "Steam", GAMES),
	M("playstation", "PlayStation", GAMES), M("psn", "PlayStation", GAMES),
	M("xbox", "Xbox", GAMES), M("nintendo", "Nintendo", GAMES),
	M("epic games", "Epic Games", GAMES), M("roblox", "Roblox", GAMES),
	M("riot games", "Riot Games", GAMES), M("blizzard", "Blizzard", GAMES),
	M("garena", "Garena", GAMES), M("supercell", "Supercell", GAMES),
	/* Entertainment: tickets, cinemas. */
	M("ticketmaster", "Ticketmaster", EVENTS), M("eventbrite", "Eventbrite", EVENTS),
	M("live nation", "Live Nation", EVENTS), M("livenation", "Live Nation", EVENTS),
	M("stubhub", "StubHub", EVENTS), M("seatgeek", "SeatGeek", EVENTS),
	M("eventim", "Eventim", EVENTS), M("sympla", "Sympla", EVENTS),
	M("ingresso com", "Ingresso.com", EVENTS), M("ingresso rapido", "Ingresso Rápido", EVENTS),
	M("ticketek", "Ticketek", EVENTS), M("entradas com", "Entradas.com", EVENTS),
	M("cinemark", "Cinemark", EVENTS), M("cinepolis", "Cinépolis", EVENTS),
	M("cinemex", "Cinemex", EVENTS), M("amc", "AMC", EVENTS),
	A("regal", "Regal", EVENTS), M("kinepolis", "Kinépolis", EVENTS),
	M("yelmo", "Yelmo", EVENTS), M("cinesa", "Cinesa", EVENTS),
	M("nos cinemas", "NOS Cinemas", EVENTS), M("uci", "UCI", EVENTS),
	M("cinemas", "Cinema", EVENTS),
	/* Entertainment: travel and lodging. */
	M("vrbo", "Vrbo", TRAVEL),
	M("booking", "Booking.com", TRAVEL), M("expedia", "Expedia", TRAVEL),
	M("decolar", "Decolar", TRAVEL), M("despegar", "Despegar", TRAVEL),
	M("hotels com", "Hotels.com", TRAVEL), M("trivago", "trivago", TRAVEL),
	M("agoda", "Agoda", TRAVEL), M("hostelworld", "Hostelworld", TRAVEL),
	A("marriott", "Marriott", TRAVEL), A("hilton", "Hilton", TRAVEL),
	M("hyatt", "Hyatt", TRAVEL), M("sheraton", "Sheraton", TRAVEL),
	M("holiday inn", "Holiday Inn", TRAVEL), M("best western", "Best Western", TRAVEL),
	M("accor", "Accor", TRAVEL), A("ibis", "ibis", TRAVEL),
	M("nh hotel", "NH Hotels", TRAVEL), M("melia", "Meliá", TRAVEL),
	M("cvc viagens", "CVC", TRAVEL), M("123milhas", "123milhas", TRAVEL),
	M("atrapalo", "Atrápalo", TRAVEL), M("edreams", "eDreams", TRAVEL),
	M("hobby lobby", "Hobby Lobby", HOBBY), M("michaels", "Michaels", HOBBY),
	M("guitar center", "Guitar Center", HOBBY),

	/* Education. */
	M("udemy", "Udemy", COURSE), M("coursera", "Coursera", COURSE),
	M("edx", "edX", COURSE), M("alura", "Alura", COURSE),
	M("duolingo", "Duolingo", COURSE), M("domestika", "Domestika", COURSE),
	M("platzi", "Platzi", COURSE), M("hotmart", "Hotmart", COURSE),
	M("skillshare", "Skillshare", COURSE), M("masterclass", "MasterClass", COURSE),
	M("khan academy", "Khan Academy", COURSE), M("babbel", "Babbel", COURSE),
	M("open english", "Open English", COURSE), A("wizard", "Wizard", COURSE),
	M("ccaa", "CCAA", COURSE), A("fisk", "Fisk", COURSE),
	M("cultura inglesa", "Cultura Inglesa", COURSE), M("berlitz", "Berlitz", COURSE),
	M("rosetta stone", "Rosetta Stone", COURSE), M("datacamp", "DataCamp", COURSE),
	M("codecademy", "Codecademy", COURSE), M("linkedin learning", "LinkedIn Learning", COURSE),
	M("kumon", "Kumon", COURSE), M("chegg", "Chegg", COURSE),
	M("estacio", "Estácio", TUITION), M("anhanguera", "Anhanguera", TUITION),
	M("unip", "UNIP", TUITION), M("unopar", "Unopar", TUITION),
	M("uninove", "Uninove", TUITION), M("unicesumar", "Unicesumar", TUITION),
	M("uned", "UNED", TUITION),
	A("saraiva", "Saraiva", BOOKS), M("livraria cultura", "Livraria Cultura", BOOKS),
	M("casa del libro", "Casa del Libro", BOOKS), A("bertrand", "Bertrand", BOOKS),
	A("gandhi", "Librerías Gandhi", BOOKS), M("barnes noble", "Barnes & Noble", BOOKS),
	M("barnes & noble", "Barnes & Noble", BOOKS), M("amazon kindle", "Kindle", BOOKS),
	M("kindle", "Kindle", BOOKS), M("scribd", "Scribd", BOOKS),
	M("estante virtual", "Estante Virtual", BOOKS), M("kalunga", "Kalunga", SUPPLY),
	M("staples", "Staples", SUPPLY), M("office depot", "Office Depot", SUPPLY),

	/* Clothing. */
	A("zara", "Zara", APPAREL), A("renner", "Renner", APPAREL),
	M("lojas renner", "Renner", APPAREL), M("c&a", "C&A", APPAREL),
	M("cea", "C&A", APPAREL), M("riachuelo", "Riachuelo", APPAREL),
	A("marisa", "Marisa", APPAREL), A("hering", "Hering", APPAREL),
	M("centauro", "Centauro", CLOTH_), M("netshoes", "Netshoes", SHOES),
	M("dafiti", "Dafiti", APPAREL), M("shein", "Shein", APPAREL),
	M("h&m", "H&M", APPAREL), M("hm", "H&M", APPAREL), M("asos", "ASOS", APPAREL),
	M("uniqlo", "Uniqlo", APPAREL), A("gap", "Gap", APPAREL),
	M("old navy", "Old Navy", APPAREL), M("nike", "Nike", CLOTH_),
	M("adidas", "Adidas", CLOTH_), M("foot locker", "Foot Locker", SHOES),
	M("tj maxx", "TJ Maxx", APPAREL), M("tjmaxx", "TJ Maxx", APPAREL),
	M("marshalls", "Marshalls", APPAREL), M("ross stores", "Ross", APPAREL),
	M("nordstrom", "Nordstrom", APPAREL), M("macys", "Macy's", APPAREL),
	M("kohls", "Kohl's", APPAREL), M("burlington", "Burlington", APPAREL),
	M("forever 21", "Forever 21", APPAREL), M("lululemon", "lululemon", APPAREL),
	M("american eagle", "American Eagle", APPAREL), M("abercrombie", "Abercrombie & Fitch", APPAREL),
	M("hollister", "Hollister", APPAREL), M("banana republic", "Banana Republic", APPAREL),
	M("victorias secret", "Victoria's Secret", APPAREL), M("victoria s secret", "Victoria's Secret", APPAREL),
	M("primark", "Primark", APPAREL), A("mango", "Mango", APPAREL),
	M("pull bear", "Pull&Bear", APPAREL), M("pull&bear", "Pull&Bear", APPAREL),
	M("bershka", "Bershka", APPAREL), M("stradivarius", "Stradivarius", APPAREL),
	M("massimo dutti", "Massimo Dutti", APPAREL), M("lefties", "Lefties", APPAREL),
	M("oysho", "Oysho", APPAREL), M("desigual", "Desigual", APPAREL),
	M("cortefiel", "Cortefiel", APPAREL), M("kiabi", "Kiabi", APPAREL),
	M("calzedonia", "Calzedonia", APPAREL), M("intimissimi", "Intimissimi", APPAREL),
	M("youcom", "Youcom", APPAREL), M("animale", "Animale", APPAREL),
	M("decathlon", "Decathlon", CLOTH_), M("liverpool", "Liverpool", APPAREL),
	A("falabella", "Falabella", APPAREL), A("ripley", "Ripley", APPAREL),
	A("paris cl", "Paris", APPAREL), M("arezzo", "Arezzo", SHOES),
	M("havaianas", "Havaianas", SHOES), M("schutz", "Schutz", SHOES),
	M("skechers", "Skechers", SHOES), M("new balance", "New Balance", SHOES),
	M("crocs", "Crocs", SHOES), M("dsw", "DSW", SHOES),
	M("payless", "Payless", SHOES), M("famous footwear", "Famous Footwear", SHOES),
	M("vivara", "Vivara", ACCESS), M("chilli beans", "Chilli Beans", ACCESS),
	M("swarovski", "Swarovski", ACCESS), M("tiffany", "Tiffany & Co.", ACCESS),
	M("parfois", "Parfois", ACCESS), M("tous", "Tous", ACCESS),
	M("fossil", "Fossil", ACCESS), M("ray ban", "Ray-Ban", ACCESS),

	/* Other: general retailers and marketplaces (a keyword, if any, says what was bought). */
	G("amazon", "Amazon", SHOP), G("amzn", "Amazon", SHOP),
	G("amazon mktplace", "Amazon", SHOP), G("amzn mktp", "Amazon", SHOP),
	G("amazon marketplace", "Amazon", SHOP), G("target", "Target", SHOP),
	G("ebay", "eBay", SHOP), G("etsy", "Etsy", SHOP),
	G("mercado livre", "Mercado Livre", SHOP), G("mercadolivre", "Mercado Livre", SHOP),
	G("mercado libre", "Mercado Libre", SHOP), G("mercadolibre", "Mercado Libre", SHOP),
	G("mercado pago", "Mercado Pago", OTHER_), G("mercadopago", "Mercado Pago", OTHER_),
	G("americanas", "Americanas", SHOP), G("magazine luiza", "Magazine Luiza", SHOP),
	G("magalu", "Magazine Luiza", SHOP), G("casas bahia", "Casas Bahia", SHOP),
	G("shopee", "Shopee", SHOP), G("aliexpress", "AliExpress", SHOP),
	G("temu", "Temu", SHOP), G("el corte ingles", "El Corte Inglés", SHOP),
	G("miniso", "Miniso", SHOP), G("dollar tree", "Dollar Tree", SHOP),
	G("dollar general", "Dollar General", SHOP), G("kmart", "Kmart", SHOP),
	G("coppel", "Coppel", SHOP), G("elektra", "Elektra", SHOP),
	G("argos", "Argos", SHOP), G("john lewis", "John Lewis", SHOP),
	G("paypal", "PayPal", OTHER_), G("google play", "Google Play", OTHER_),
	G("apple com", "Apple", OTHER_), M("apple com bill", "Apple", SOFTSUB),
	G("fnac", "Fnac", ELECTRO), G("worten", "Worten", ELECTRO),
	G("media markt", "MediaMarkt", ELECTRO), G("mediamarkt", "MediaMarkt", ELECTRO),
	G("best buy", "Best Buy", ELECTRO), G("apple store", "Apple", ELECTRO),
	G("kabum", "KaBuM!", ELECTRO), G("fast shop", "Fast Shop", ELECTRO),
	G("ponto frio", "Ponto Frio", ELECTRO), G("pccomponentes", "PcComponentes", ELECTRO),
	G("samsung", "Samsung", ELECTRO), G("dell", "Dell", ELECTRO),
	/* Other: pets, personal care, software subscriptions, insurance, childcare. */
	G("petz", "Petz", PETS), G("cobasi", "Cobasi", PETS),
	G("petco", "Petco", PETS), G("petsmart", "PetSmart", PETS),
	M("chewy", "Chewy", PETS), M("tiendanimal", "Tiendanimal", PETS),
	M("kiwoko", "Kiwoko", PETS), M("zooplus", "zooplus", PETS),
	M("sephora", "Sephora", CARE), M("ulta", "Ulta Beauty", CARE),
	M("o boticario", "O Boticário", CARE), M("boticario", "O Boticário", CARE),
	A("natura", "Natura", CARE), M("avon", "Avon", CARE),
	A("douglas", "Douglas", CARE), M("primor", "Primor", CARE),
	M("druni", "Druni", CARE), M("beleza na web", "Beleza na Web", CARE),
	M("icloud", "iCloud", SOFTSUB), M("google one", "Google One", SOFTSUB),
	M("google storage", "Google One", SOFTSUB), M("dropbox", "Dropbox", SOFTSUB),
	M("microsoft 365", "Microsoft 365", SOFTSUB), M("microsoft", "Microsoft", SOFTSUB),
	M("adobe", "Adobe", SOFTSUB), M("openai", "OpenAI", SOFTSUB),
	M("chatgpt", "ChatGPT", SOFTSUB), M("canva", "Canva", SOFTSUB),
	M("notion so", "Notion", SOFTSUB), M("github", "GitHub", SOFTSUB),
	M("zoom us", "Zoom", SOFTSUB), M("nordvpn", "NordVPN", SOFTSUB),
	/* Insurers sell many kinds: a keyword says which ("PORTO SEGURO AUTO"). */
	G("porto seguro", "Porto Seguro", INSUR), G("mapfre", "Mapfre", INSUR),
	G("allianz", "Allianz", INSUR), G("metlife", "MetLife", INSUR),
	G("prudential", "Prudential", INSUR), G("generali", "Generali", INSUR),
	G("axa", "AXA", INSUR), G("zurich seguros", "Zurich", INSUR),
	G("bradesco seguros", "Bradesco Seguros", INSUR), G("caixa seguradora", "Caixa Seguradora", INSUR),
	M("kindercare", "KinderCare", CHILD), M("bright horizons", "Bright Horizons", CHILD),
	M("gofundme", "GoFundMe", GIFTS), M("vakinha", "Vakinha", GIFTS),

	/* Keywords: food. */
	K("mercado", GROC), K("supermercado", GROC), K("supermarket", GROC), K("market", GROC),
	K("super", GROC), K("hipermercado", GROC), K("grocery", GROC),
	K("groceries", GROC), K("groceri", GROC), K("feira", GROC),
	K("sacolao", GROC), K("hortifruti", GROC), K("verduleria", GROC),
	K("fruteria", GROC), K("carniceria", GROC), K("acougue", GROC),
	K("butcher", GROC), K("peixaria", GROC), K("pescaderia", GROC),
	K("padaria", GROC), K("panificadora", GROC), K("panaderia", GROC), K("bakery", GROC),
	K("confeitaria", GROC), K("pasteleria", GROC), K("emporio", GROC), K("quitanda", GROC),
	K("atacadista", GROC), K("mini mercado", GROC), K("minimarket", GROC),
	K("mercearia", GROC), K("mercadinho", GROC), K("minimercado", GROC), K("tienda de abarrotes", GROC),
	K("abarrotes", GROC), K("colmado", GROC), K("alimentacao", FOOD_),
	K("alimentos", GROC), K("agua mineral", GROC), K("pao", GROC), K("pan", GROC),
	K("leite", GROC), K("leche", GROC), K("milk", GROC), K("bread", GROC),
	K("eggs", GROC), K("ovos", GROC), K("huevos", GROC), K("meat", GROC),
	K("carne", GROC), K("fruit", GROC), K("frutas", GROC),
	K("restaurant", REST), K("restaurante", REST), K("rest", REST),
	K("lanchonete", REST), K("lunch", REST), K("dinner", REST),
	K("breakfast", REST), K("brunch", REST), K("almoco", REST),
	K("jantar", REST), K("janta", REST), K("lanche", REST),
	K("almuerzo", REST), K("comida", REST), K("cena", REST),
	K("desayuno", REST), K("food", FOOD_), K("meal", REST),
	K("pizza", REST), K("ramen", REST), K("pizzaria", REST), K("pizzeria", REST),
	K("burger", REST), K("hamburguer", REST), K("hamburgueria", REST),
	K("hamburguesa", REST), K("sushi", REST), K("tacos", REST), K("taqueria", REST),
	K("grill", REST), K("steakhouse", REST), K("diner", REST), K("bistro", REST),
	K("trattoria", REST), K("cantina", REST), K("taberna", REST), K("tasca", REST),
	K("asador", REST), K("marisqueria", REST), K("bbq", REST), K("noodle", REST),
	K("poke", REST), K("burrito", REST), K("deli", REST), W("kitchen", REST),
	K("churrascaria", REST), K("churrasco", FOOD_), K("marmita", REST),
	K("quentinha", REST), K("sandwich", REST), K("restaurantes", REST),
	K("cafe", COFFEE), K("cafeteria", COFFEE), K("coffee", COFFEE),
	K("coffee shop", COFFEE), K("cafezinho", COFFEE), K("merienda", COFFEE),
	K("snack", COFFEE), K("bagel", COFFEE), K("croissant", COFFEE), K("donut", COFFEE),
	K("tea", COFFEE), K("cha", COFFEE), K("doceria", COFFEE), K("doces", COFFEE),
	K("pastelaria", COFFEE), K("acai", COFFEE), K("sorvete", COFFEE),
	K("sorveteria", COFFEE), K("helado", COFFEE), K("heladeria", COFFEE),
	K("ice cream", COFFEE),
	K("pint", BARS), K("pub", BARS), K("beer", BARS), K("cerveja", BARS),
	K("cerveza", BARS), K("canas", BARS), K("bar", BARS), K("boteco", BARS),
	K("drinks", BARS), K("tapas", BARS), K("cerveceria", BARS), K("cervejaria", BARS),
	K("brewery", BARS), K("brewing", BARS), K("taproom", BARS), K("tavern", BARS),
	K("choperia", BARS), K("petiscaria", BARS), K("wine", BARS), K("vinho", BARS),
	K("liquor", BARS), K("cocktail", BARS),
	K("delivery", DELIV), K("takeout", REST), K("take away", REST),
	/* Keywords: transport. */
	K("gasolina", FUEL), K("gas", FUEL), K("gasoline", FUEL),
	K("fuel", FUEL), K("combustivel", FUEL), K("combustible", FUEL),
	K("nafta", FUEL), K("etanol", FUEL), K("alcool", FUEL), K("diesel", FUEL),
	K("gas station", FUEL), K("posto", FUEL), K("auto posto", FUEL), K("gasolinera", FUEL),
	K("ev charging", FUEL), K("taxi", RIDE), K("cab", RIDE),
	K("ride", RIDE), K("corrida", RIDE), K("carona", RIDE),
	K("onibus", TRANSIT), K("bus", TRANSIT), K("autobus", TRANSIT), K("camion", TRANSIT),
	K("colectivo", TRANSIT), K("micro", TRANSIT), K("metro", TRANSIT), K("subway fare", TRANSIT),
	K("train", TRANSIT), K("trem", TRANSIT), K("tren", TRANSIT), K("comboio", TRANSIT),
	K("cercanias", TRANSIT), K("transit", TRANSIT), K("abono transporte", TRANSIT),
	K("bono transporte", TRANSIT), K("bonobus", TRANSIT), K("bono bus", TRANSIT),
	K("passagem", TRANSP_), K("pasaje", TRANSP_), K("transporte", TRANSP_),
	K("transport", TRANSP_), K("bicicleta", TRANSP_), K("patinete", TRANSP_),
	K("boleto de avion", AIR), K("flight", AIR), K("voo", AIR),
	K("vuelo", AIR), K("airline", AIR), K("airlines", AIR), K("aerolinea", AIR),
	K("parking", PARKING), K("estacionamento", PARKING),
	K("estacionamiento", PARKING), K("parqueadero", PARKING), K("aparcamiento", PARKING),
	K("pedagio", TOLLS), K("peaje", TOLLS), K("toll", TOLLS), K("portagem", TOLLS),
	K("mecanico", CARMAINT), K("oficina mecanica", CARMAINT), K("taller mecanico", CARMAINT),
	K("car wash", CARMAINT), K("lava jato", CARMAINT), K("lavagem", CARMAINT),
	K("ipva", CARMAINT), K("licenciamento", CARMAINT), K("dpvat", CARMAINT),
	K("multa de transito", CARMAINT), K("multa transito", CARMAINT), K("itv", CARMAINT),
	K("tenencia", CARMAINT), K("pneu", CARMAINT), K("pneus", CARMAINT),
	K("neumaticos", CARMAINT), K("borracharia", CARMAINT), K("autopecas", CARMAINT),
	K("auto pecas", CARMAINT), K("oil change", CARMAINT), K("auto repair", CARMAINT),
	K("car insurance", CARINS), K("auto insurance", CARINS), K("seguro auto", CARINS),
	K("seguro coche", CARINS), K("seguro del coche", CARINS), K("rent a car", CARRENT),
	K("car rental", CARRENT), K("aluguel de carro", CARRENT), K("alquiler de coche", CARRENT),
	/* Keywords: housing. */
	K("rent", RENT), K("aluguel", RENT), K("alquiler", RENT),
	K("arriendo", RENT), K("renta", RENT), K("renda casa", RENT), K("renda da casa", RENT),
	K("rent payment", RENT), K("condominio", CONDO), K("condo fee", CONDO), K("hoa", CONDO),
	K("comunidad", CONDO), K("comunidad de propietarios", CONDO), K("cuota comunidad", CONDO),
	K("iptu", PROPTAX), K("ibi", PROPTAX), K("imi", PROPTAX), K("property tax", PROPTAX),
	K("home insurance", HOMEINS), K("renters insurance", HOMEINS),
	K("seguro residencial", HOMEINS), K("seguro hogar", HOMEINS), K("seguro de hogar", HOMEINS),
	K("seguros hogar", HOMEINS), K("seguro casa", HOMEINS), K("seguro vivienda", HOMEINS),
	K("diarista", HOMEFIX), K("faxina", HOMEFIX), K("reforma", HOMEFIX),
	K("plumber", HOMEFIX), K("plumbing", HOMEFIX), K("encanador", HOMEFIX),
	K("fontanero", HOMEFIX), K("eletricista", HOMEFIX), K("electricista", HOMEFIX),
	K("electrician", HOMEFIX), K("handyman", HOMEFIX), K("cleaning", HOMEFIX),
	K("limpeza", HOMEFIX), K("limpieza", HOMEFIX), K("pest control", HOMEFIX),
	K("chaveiro", HOMEFIX), K("cerrajero", HOMEFIX), K("locksmith", HOMEFIX),
	K("hardware", HOMEFIX), K("ferreteria", HOMEFIX), K("ferragens", HOMEFIX),
	K("material de construcao", HOMEFIX), K("materiais de construcao", HOMEFIX),
	K("home improvement", HOMEFIX), K("furniture", FURNI), K("moveis", FURNI),
	K("muebles", FURNI), K("colchao", FURNI), K("colchon", FURNI), K("mattress", FURNI),
	K("decoracao", FURNI), K("decoracion", FURNI), K("home goods", FURNI),
	K("homegoods", FURNI), K("hotel", TRAVEL), K("hostel", TRAVEL),
	K("pousada", TRAVEL), K("hospedaje", TRAVEL), K("lodging", TRAVEL),
	/* Keywords: utilities. */
	K("electricity", ELEC), K("electric", ELEC), K("electric bill", ELEC), K("power bill", ELEC),
	K("luz", ELEC), K("energia", ELEC), K("energia eletrica", ELEC),
	K("electricidad", ELEC), K("conta de luz", ELEC), K("agua", WATER),
	K("water", WATER), K("water bill", WATER), K("conta de agua", WATER),
	K("esgoto", WATER), K("saneamento", WATER), K("internet", NET),
	K("wifi", NET), K("banda larga", NET), K("fibra", NET), K("fibra optica", NET),
	K("broadband", NET), K("phone bill", PHONE), K("cell phone", PHONE),
	K("celular", PHONE), K("telefone", PHONE), K("telefono", PHONE), K("movil", PHONE),
	K("wireless", PHONE), K("recarga", PHONE), K("gas bill", GAS),
	K("conta de gas", GAS), K("gas natural", GAS), K("botijao", GAS), K("bombona", GAS),
	K("butano", GAS), K("natural gas", GAS), W("utilities", UTIL_), W("utility", UTIL_),
	W("servicios", UTIL_), K("cable", TV), K("tv a cabo", TV), K("tv por assinatura", TV),
	K("trash", UTIL_), K("lixo", UTIL_),
	/* Keywords: health. */
	K("farmacia", PHARM), K("farmacias", PHARM), K("pharmacy", PHARM),
	K("drogaria", PHARM), K("drogarias", PHARM), K("drugstore", PHARM),
	K("drug", PHARM), K("drugs", PHARM), K("remedio", PHARM), K("remedios", PHARM),
	K("medicine", PHARM), K("medicamento", PHARM), K("medicamentos", PHARM),
	K("prescription", PHARM), K("vitamins", PHARM),
	K("medico", DOCTOR), K("doctor", DOCTOR), K("hospital", DOCTOR),
	K("clinica", DOCTOR), K("clinic", DOCTOR), K("consulta", DOCTOR),
	K("exame", DOCTOR), K("examen", DOCTOR), K("laboratorio", DOCTOR),
	K("medicina", DOCTOR), K("therapy", DOCTOR), K("terapia", DOCTOR),
	K("psicologo", DOCTOR), K("psicologa", DOCTOR), K("fisioterapia", DOCTOR),
	K("physio", DOCTOR), K("nutricionista", DOCTOR), K("copay", DOCTOR),
	K("dentist", DENTAL), K("dentista", DENTAL), K("dental", DENTAL),
	K("clinica dental", DENTAL), K("clinica odontologica", DENTAL), K("dental clinic", DENTAL),
	K("odontologia", DENTAL), K("odonto", DENTAL), K("orthodontist", DENTAL),
	K("plano de saude", HEALTHINS), K("seguro medico", HEALTHINS),
	K("seguro de salud", HEALTHINS), K("health insurance", HEALTHINS),
	K("gym", FIT), K("academia", FIT), K("gimnasio", FIT), K("ginasio", FIT),
	K("yoga", FIT), K("fitness", FIT), K("natacao", FIT), K("natacion", FIT),
	K("oculos", HEALTH_), K("optica", HEALTH_), K("otica", HEALTH_),
	K("saude", HEALTH_), K("salud", HEALTH_), K("health", HEALTH_),
	/* Keywords: entertainment. */
	K("cinema", EVENTS), K("cine", EVENTS), K("movie", EVENTS),
	K("movies", EVENTS), K("pelicula", EVENTS), K("filme", EVENTS),
	K("show", EVENTS), K("concert", EVENTS), K("concierto", EVENTS),
	K("teatro", EVENTS), K("theater", EVENTS), K("theatre", EVENTS),
	K("ingresso", EVENTS), K("ingressos", EVENTS), K("entradas", EVENTS),
	K("entrada", EVENTS), K("tickets", EVENTS), K("ticket", EVENTS),
	K("museum", EVENTS), K("museu", EVENTS), K("museo", EVENTS),
	K("game", GAMES), K("games", GAMES), K("jogo", GAMES),
	K("videojuego", GAMES), K("streaming", STREAM), K("netflix", STREAM),
	K("festa", ENT_), K("fiesta", ENT_), K("party", ENT_), K("balada", ENT_),
	K("boliche", HOBBY), K("bowling", HOBBY), K("karaoke", HOBBY),
	K("academia de baile", HOBBY), K("escuela de baile", HOBBY), K("dance class", HOBBY),
	K("aula de danca", HOBBY), K("clases de baile", HOBBY),
	K("parque", ENT_), K("futebol", ENT_), K("futbol", ENT_),
	K("viagem", TRAVEL), K("viaje", TRAVEL), K("vacation", TRAVEL),
	K("ferias", TRAVEL), K("vacaciones", TRAVEL),
	/* Keywords: education. */
	K("escola", TUITION), K("escuela", TUITION), K("school", TUITION),
	K("colegio", TUITION), K("faculdade", TUITION), K("universidade", TUITION),
	K("universidad", TUITION), K("university", TUITION), K("college", TUITION),
	K("tuition", TUITION), W("mensalidade", TUITION), K("matricula", TUITION),
	K("colegiatura", TUITION), K("curso", COURSE), K("course", COURSE),
	W("class", COURSE), W("aula", COURSE), W("clase", COURSE),
	W("clases", COURSE), K("workshop", COURSE), K("taller", COURSE),
	K("tutor", COURSE), K("ingles", COURSE), K("idiomas", COURSE),
	K("academia de ingles", COURSE), K("academia de idiomas", COURSE),
	K("autoescuela", COURSE), K("autoescola", COURSE), K("driving school", COURSE),
	K("books", BOOKS), K("book", BOOKS), K("livro", BOOKS),
	K("livros", BOOKS), K("libro", BOOKS), K("libros", BOOKS),
	K("textbook", BOOKS), K("livraria", BOOKS), K("libreria", BOOKS),
	K("bookstore", BOOKS), K("material escolar", SUPPLY), K("utiles escolares", SUPPLY),
	K("school supplies", SUPPLY), K("papelaria", SUPPLY), K("papeleria", SUPPLY),
	K("educacao", EDU_), K("educacion", EDU_), K("education", EDU_),
	/* Keywords: clothing. */
	K("roupa", APPAREL), K("roupas", APPAREL), K("ropa", APPAREL),
	K("clothes", APPAREL), K("clothing", APPAREL), K("camisa", APPAREL),
	K("camiseta", APPAREL), K("shirt", APPAREL), K("t shirt", APPAREL),
	K("jeans", APPAREL), K("calca", APPAREL), K("pantalon", APPAREL),
	K("pants", APPAREL), K("vestido", APPAREL), K("dress", APPAREL),
	K("jacket", APPAREL), K("jaqueta", APPAREL), K("chaqueta", APPAREL),
	K("casaco", APPAREL), K("abrigo", APPAREL), K("coat", APPAREL),
	K("meias", APPAREL), K("calcetines", APPAREL), K("socks", APPAREL),
	K("lingerie", APPAREL), K("moda", APPAREL), K("vestuario", APPAREL),
	K("boutique", APPAREL), K("uniforme", APPAREL),
	K("shoes", SHOES), K("shoe", SHOES), K("sapato", SHOES),
	K("sapatos", SHOES), K("zapatos", SHOES), K("zapatillas", SHOES),
	K("tenis", SHOES), K("sneakers", SHOES), K("boots", SHOES),
	K("botas", SHOES), K("chinelo", SHOES), K("sandalias", SHOES),
	K("calcados", SHOES), K("calzado", SHOES), K("footwear", SHOES),
	K("sapataria", SHOES), K("zapateria", SHOES),
	K("bolsa", ACCESS), K("handbag", ACCESS), K("joalheria", ACCESS),
	K("joyeria", ACCESS), K("jewelry", ACCESS), K("jewellery", ACCESS),
	K("relojoaria", ACCESS),
	/* Keywords: other. */
	K("hair", CARE), K("haircut", CARE), K("hairstyle", CARE), K("cabelo", CARE),
	K("corte de cabelo", CARE), K("corte de pelo", CARE), K("salon", CARE), K("barber", CARE),
	K("barbershop", CARE), K("barbearia", CARE), K("cabeleireiro", CARE),
	K("cabeleireira", CARE), K("salao de beleza", CARE), K("peluqueria", CARE),
	K("manicure", CARE), K("nails", CARE), K("estetica", CARE),
	K("cosmeticos", CARE), K("cosmetics", CARE), K("perfumaria", CARE),
	K("perfumeria", CARE), K("beauty", CARE), K("beleza", CARE), K("belleza", CARE),
	K("pet shop", PETS), K("petshop", PETS), K("veterinario", PETS),
	K("veterinaria", PETS), K("clinica veterinaria", PETS), K("vet", PETS),
	K("veterinary", PETS), K("racao", PETS), K("pienso", PETS), K("dog", PETS),
	K("grooming", PETS), K("cachorro", PETS), K("perro", PETS), K("banho e tosa", PETS),
	K("peluqueria canina", PETS),
	K("donation", GIFTS), K("doacao", GIFTS), K("donativo", GIFTS),
	K("donacion", GIFTS), K("gift", GIFTS), K("presente", GIFTS),
	K("regalo", GIFTS), K("floricultura", GIFTS), K("florist", GIFTS),
	K("floristeria", GIFTS), K("dizimo", GIFTS), K("igreja", GIFTS), K("church", GIFTS),
	W("tax", TAXES), K("tax payment", TAXES), K("taxes", TAXES), K("usataxpymt", TAXES),
	K("irs", TAXES), K("tributo", TAXES), K("tributos", TAXES), K("imposto", TAXES),
	K("impostos", TAXES), K("darf", TAXES), K("gps inss", TAXES), K("irpf", TAXES),
	K("imposto de renda", TAXES), K("impuesto", TAXES), K("impuestos", TAXES),
	K("agencia tributaria", TAXES), K("aeat", TAXES), K("hacienda", TAXES),
	K("seguro", INSUR), K("seguros", INSUR), K("seguro de vida", INSUR),
	K("life insurance", INSUR), K("insurance", INSUR),
	K("creche", CHILD), K("guarderia", CHILD), K("daycare", CHILD),
	K("babysitter", CHILD), K("nanny", CHILD), K("escuela infantil", CHILD),
	K("marketplace", SHOP), Q("shopping", SHOP), K("department store", SHOP),
	K("tienda online", SHOP), K("online store", SHOP), K("loja online", SHOP),
	K("loja de departamento", SHOP), K("electronics", ELECTRO), K("eletronicos", ELECTRO),
	K("electronica", ELECTRO), K("software", SOFTSUB), K("subscription", SOFTSUB),
	K("assinatura", SOFTSUB), K("suscripcion", SOFTSUB),
	/* Banks: in a transfer's text they name where money went, never who got it. */
	X("banco"), X("bco"), X("bank"), X("bradesco"), X("bco bradesco"), X("banco bradesco"),
	X("itau"), X("itau unibanco"), X("banco itau"), X("unibanco"), X("banco inter"),
	X("nubank"), X("nu pagamentos"), X("nu financeira"), X("pagamentos"),
	X("instituicao de pagamento"), X("caixa economica federal"), X("caixa economica"),
	X("banco do brasil"), X("bco do brasil"), X("santander"), X("banco santander"),
	X("santander brasil"), X("banco c6"), X("c6 bank"), X("pagseguro"),
	X("pagseguro internet"), X("mercadopago com representacoes"), X("banco original"),
	X("sicoob"), X("sicredi"), X("btg pactual"), X("banco pan"), X("banco safra"),
	X("bbva"), X("caixabank"), X("la caixa"), X("sabadell"), X("banco sabadell"),
	X("bankinter"), X("openbank"), X("unicaja"), X("kutxabank"), X("abanca"),
	X("ibercaja"), X("revolut"), X("n26"), X("chase"), X("jpmorgan chase"),
	X("wells fargo"), X("bank of america"), X("citibank"), X("capital one"),
	X("american express"), X("banorte"), X("banamex"), X("citibanamex"), X("hsbc"),
	X("scotiabank"), X("bancolombia"), X("davivienda"), X("banco de chile"),
	X("discover"), X("amex"),
	/* Account types: "cuenta nomina" is where a salary lands, not a salary. */
	X("cuenta nomina"), X("conta salario"), X("conta corrente"), X("cuenta corriente"),
	/* Company markers: a business, though not what it sells. */
	B("ltda"), B("eireli"), B("s a"), B("sa"), B("inc"), B("llc"), B("corp"),
	B("corporation"), B("ltd"), B("limited"), B("sl"), B("s l"), B("slu"), B("sas"),
	B("gmbh"), B("plc"), B("cia"), B("sa de cv"), B("s de rl"), B("epp"),
	B("comercio"), B("servicos"), B("industria"), B("distribuidora"), B("empresa"),
	B("company"),

	/* Income: strong, it wins over a merchant ("salario uber"). */
	S("salary", SALARY), S("salario", SALARY), S("salarios", SALARY),
	S("sueldo", SALARY), S("nomina", SALARY), S("paycheck", SALARY),
	S("payroll", SALARY), S("pay day", SALARY), S("payday", SALARY),
	S("credito salario", SALARY), S("abono nomina", SALARY), S("dep nomina", SALARY),
	S("ingreso nomina", SALARY), S("direct deposit", SALARY), S("direct dep", SALARY),
	S("dir dep", SALARY), S("folha de pagamento", SALARY), S("folha pagamento", SALARY),
	S("decimo terceiro", SALARY), S("13o salario", SALARY), S("aguinaldo", SALARY),
	S("bonus", SALARY), S("bono", SALARY), S("pro labore", SALARY),
	S("paga extra", SALARY), S("wages", SALARY),
	S("freelance", FREELA), S("freela", FREELA), S("honorarios", FREELA),
	S("dividendos", INVEST), S("dividends", INVEST), S("dividend", INVEST),
	S("rendimento", INVEST), S("rendimentos", INVEST), S("rend pago", INVEST),
	S("rendimiento", INVEST), S("rendimientos", INVEST), S("juros poupanca", INVEST),
	S("juros sobre capital", INVEST), S("interest earned", INVEST),
	S("interest paid", INVEST), S("interest payment", INVEST), S("interest credit", INVEST),
	S("intereses a tu favor", INVEST), S("intereses abonados", INVEST),
	S("abono intereses", INVEST), S("abono de intereses", INVEST),
	S("intereses acreedores", INVEST), S("intereses plazo fijo", INVEST),
	S("intereses deposito", INVEST),
	S("inss", BENEFIT), S("aposentadoria", BENEFIT), S("pension", BENEFIT),
	S("bolsa familia", BENEFIT), S("seguro desemprego", BENEFIT), S("fgts", BENEFIT),
	S("prestacion desempleo", BENEFIT), S("prestacion por desempleo", BENEFIT),
	S("sepe", BENEFIT), S("unemployment", BENEFIT), S("social security", BENEFIT),
	S("ssa treas", BENEFIT), S("child benefit", BENEFIT),
	S("aluguel recebido", RENTINC), S("alquiler recibido", RENTINC),
	S("rent received", RENTINC), S("rental income", RENTINC),
	S("recebi", INC_), S("recibi", INC_),
	S("me pagaron", INC_), S("me pagaram", INC_), S("got paid", INC_),
	S("income", INC_), S("renda extra", INC_), S("ingreso", INC_), S("ingresos", INC_),
	S("ganhei", INC_), S("gane", INC_), S("earned", INC_),
	S("deposito recebido", OTHINC), S("venda", OTHINC), S("vendi", OTHINC),
	S("sold", OTHINC), S("premio", OTHINC),
	/*
	 * Low: a deposit of unknown source is income unless savings or one's own
	 * cash say otherwise; "received" alone says only which way money went
	 * ("TRASPASO INTERNO RECIBIDO" is a transfer).
	 */
	SL("deposito", OTHINC), SL("deposit", OTHINC), SL("edeposit", OTHINC),
	SL("received", INC_), SL("recebido", INC_), SL("recibido", INC_), SL("recebida", INC_),
	SL("recibida", INC_),

	/* Refunds: the category is that of what was refunded ("ESTORNO IFOOD" is food). */
	R("estorno"), R("estornado"), R("estornada"), R("reembolso"), R("devolucao"),
	R("devolvido"), R("devolvida"), R("refund"), R("refunded"), R("reversal"),
	R("reversed"), R("devolucion"), R("devuelto"), R("devuelta"), R("anulacion"),
	R("anulacion compra"), R("chargeback"), R("cashback"), R("cash back"),
	R("restituicao"), R("tax refund"), R("tax ref"), R("credit voucher"),
	R("purchase return"), R("return credit"), R("devolvieron"), R("me devolvieron"),
	R("devolveram"), R("reembolsaron"), R("reembolsaram"), R("got a refund"),
	/* Fees: other/bank_fees. "fee" and "taxa" alone yield to a merchant ("DOORDASH FEE"). */
	F("tarifa"), F("tarifas"), F("tar pacote"), F("iof"), F("i o f"), F("anuidade"),
	F("juros"), F("multa"), F("encargos"), F("mora"), F("cesta de servicos"),
	F("pacote de servicos"), F("comissao"), F("imposto do selo"), F("cheque especial"),
	F("overdraft"), F("late fee"), F("late payment fee"), F("interest charge"),
	F("interest charged"), F("purchase interest"), F("finance charge"), F("annual fee"),
	F("foreign transaction fee"), F("international transaction fee"), F("intl transaction fee"),
	F("foreign exchange fee"), F("service charge"), F("monthly service fee"),
	F("maintenance fee"), F("account fee"), F("atm fee"), F("wire fee"), F("nsf"),
	F("returned item"), F("cash advance fee"), F("comision"), F("comisiones"),
	F("comision mantenimiento"), F("descubierto"), F("intereses deudores"),
	F("cuota anual"), F("gastos de mantenimiento"), F("penalizacion"), F("intereses"),
	FW("fee"), FW("fees"), FW("taxa"), FW("membership fee"), FW("tar"),
	/* Debt payments: card bills, loans. */
	D("fatura cartao"), D("fatura do cartao"), D("pagamento fatura cartao"),
	D("pagamento cartao de credito"), D("pagamento cartao credito"), D("pagto cartao credito"),
	D("pagto cartao"), D("pgto cartao"), D("pag cartao credito"), D("pagamento do cartao"),
	D("paguei o cartao"), D("paguei a fatura"), D("pague la tarjeta"), D("pague tarjeta"),
	D("paid the card"), D("paid my card"), D("paid off my card"), D("discover card"), D("emprestimo"), D("emprestimos"),
	D("parcela emprestimo"), D("parcela do emprestimo"), D("financiamento"),
	D("parcela financiamento"), D("parcela do financiamento"), D("consignado"),
	D("consorcio"),
	D("pago tarjeta credito"), D("pago tarjeta de credito"), D("pago de tarjeta"),
	D("pago tdc"), D("pago a tarjeta"), D("liquidacion tarjeta"), D("recibo tarjeta"),
	D("pago minimo"), D("prestamo"), D("cuota prestamo"), D("amortizacion"),
	D("financiacion"), D("credit card payment"), D("credit card pymt"), D("card payment thank"),
	D("payment thank you"), D("payment received thank you"), D("pymt thank you"),
	D("credit crd"), D("crd autopay"), D("crcardpmt"), D("ccpymt"), D("cc payment"),
	D("loan payment"), D("loan pmt"), D("loan pymt"), D("student loan"), D("auto loan"),
	D("applecard"), D("car loan"), D("car payment"), D("personal loan"), D("credit card bill"),
	D("card bill"), D("card online payment"), D("card autopay"), D("pagamento recebido"),
	DN("navient", "Navient"), DN("nelnet", "Nelnet"), DN("mohela", "MOHELA"),
	DN("aidvantage", "Aidvantage"), DN("sallie mae", "Sallie Mae"),
	DN("toyota financial", "Toyota Financial"), DN("honda financial", "Honda Financial"),
	DN("gm financial", "GM Financial"), DN("ford credit", "Ford Credit"),
	DN("ally auto", "Ally"), DN("santander consumer", "Santander Consumer"),
	DW("fatura"), DW("pagamento fatura"), DW("pagamento de fatura"), DW("pagto fatura"),
	DW("pag fatura"), DW("pgto fatura"), DW("pago tarjeta"), DW("autopay"), DW("auto pay"),
	DW("epayment"), DW("e payment"), DW("thank you"), DW("automatic payment"),
	DW("mobile pmt"), DW("online pmt"), DW("loan"), DW("affirm"),
	DW("klarna"), DW("afterpay"), DW("sezzle"),
	/* A mortgage instalment is housing (so a plan sees it), not a loan like the others. */
	H("mortgage"), H("mtg"), H("home loan"), H("hipoteca"), H("prestamo hipotecario"),
	H("financiamento imobiliario"), H("financiamento habitacional"), H("credito imobiliario"),
	H("credito habitacao"),
	/* Savings and investments. */
	V("aplicacao"), V("aplic"), V("poupanca"), V("caixinha"), V("cofrinho"),
	V("dinheiro guardado"), V("guardado"), V("tesouro direto"), V("tesouro"),
	V("investimento"), V("investimentos"), V("cdb"), V("rdb"), V("lci"), V("lca"),
	V("transfer to savings"), V("transfer to sav"), V("to savings"), V("savings vault"),
	V("ira contribution"), V("brokerage"), V("aportacion"), V("aportacion plan"),
	V("plan de pensiones"), V("plan pensiones"), V("fondo de inversion"),
	V("fondos de inversion"), V("cuenta ahorro"), V("cuenta de ahorro"), V("hucha"),
	V("deposito a plazo"), V("plazo fijo"), V("inversion"), V("certificado de aforro"),
	VW("savings"), VW("ahorro"),
	/* money put toward one's own fund or goal, as people say it */
	V("emergency fund"), V("my fund"), V("rainy day fund"), V("savings goal"),
	V("reserva de emergencia"), V("fundo de emergencia"), V("minha reserva"),
	V("na reserva"), V("pra reserva"), V("para a reserva"), V("meu fundo"),
	V("fondo de emergencia"), V("mi fondo"), V("mis ahorros"),
	VN("acorns", "Acorns"), VN("robinhood", "Robinhood"), VN("betterment", "Betterment"),
	VN("wealthfront", "Wealthfront"), VN("vanguard", "Vanguard"), VN("fidelity", "Fidelity"),
	VN("schwab", "Charles Schwab"), VN("coinbase", "Coinbase"), VN("binance", "Binance"),
	VN("myinvestor", "MyInvestor"), VN("indexa capital", "Indexa Capital"),
	/* Between one's own accounts (savings say more: "traspaso a cuenta ahorro"). */
	T("entre contas"), T("mesma titularidade"), T("traspaso"), T("traspasos"),
	T("transfer to checking"), T("transfer to chk"), T("exchanged to"),
	T("cambio de divisa"), T("transferencia propia"), T("transferencia entre cuentas"),
	/* Back from savings, in from one's own cash, a loan's proceeds. */
	TR("transfer from"), TR("resgate"), TR("resgatado"), TR("dinheiro resgatado"),
	TR("res aplic"), TR("rescate"), TR("venmo cashout"), TR("cash out"), TR("cashout"),
	TR("cash deposit"), TR("atm deposit"), TR("deposito em dinheiro"),
	TR("deposito em especie"), TR("ingreso en efectivo"), TR("ingreso efectivo"),
	TR("credito emprestimo"), TR("emprestimo liberado"), TR("liberacao de credito"),
	TR("loan proceeds"), TR("loan disbursement"), TR("ingreso prestamo"),
	TW("top up"), TW("topup"),
	/* Cash out of an ATM: spending in cash, whichever shop hosts the ATM. */
	C("saque"), C("atm"), C("atm withdrawal"), C("atm withdrwl"), C("cash withdrawal"),
	C("withdrawal"), C("cajero"), C("retirada de efectivo"), C("retirada efectivo"),
	C("reintegro"), C("retiro cajero"), C("retiro en cajero"), C("retiro de efectivo"),
	C("retiro atm"), C("banco24horas"), C("banco 24 horas"),
	/* Payment rails: a transfer to a person, spending at a named payee. */
	P("pix"), P("pix enviado"), P("pix transf"), P("transf pix"), P("ted"), P("doc"),
	P("transferencia"), P("transferencias"), P("transf"), P("trf"), P("transfer"),
	P("transfer to"), P("xfer"), P("wire"), P("wire transfer"), P("bizum"), P("venmo"),
	P("zelle"), P("cash app"), P("apple cash"), P("spei"), P("mbway"), P("mb way"),
	P("nequi"), P("daviplata"), P("yape"), P("plin"), P("picpay"), P("online transfer"),
	P("transferencia enviada"), P("transferencia emitida"), P("transferencia saliente"),
	P("transferencia realizada"), P("transferencia inmediata"), P("sent money"),
	PI("pix recebido"), PI("pix recebida"), PI("recebimento pix"), PI("pix recebimento"),
	PI("transferencia recebida"), PI("transferencia recibida"), PI("ted recebida"),
	PI("ted recebido"), PI("doc recebido"), PI("bizum recibido"), PI("zelle from"),
	PI("zelle payment from"), PI("venmo from"), PI("payment from"), PI("spei recibido"),
	PI("incoming wire"), PI("wire in"), PI("transferencia a su favor"), PI("abono"),
	PI("abono transferencia"),
};

const size_t cat_nrules = sizeof(cat_rules) / sizeof(cat_rules[0]);
