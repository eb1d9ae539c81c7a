#!/usr/bin/env python3
"""gen_coach_questions.py: unseen people and questions for the local coach.

A test of generality, not of the corpus: from a seed, it makes up personas
(en/USD, pt/BRL, es/EUR, es/MXN) with six months of transactions at
merchants of their country, and asks each of them spending questions built
from phrasings, subjects (categories, subcategories, merchants) and periods
(this and last month, named months with or without the year, ranges,
"since", the year, last week), plus comparisons, averages, recurring
payments, the biggest expenses of a month, and whether a purchase is
affordable (a big one with a dear card debt is not; a small one without
debts, well within what is free this month, is). Every expected figure is computed here, from
the generated transactions, independently of the coach: spending is
spending and fees less refunds; transfers, debt payments and savings are
never spending. A correct answer states the figure asked for and not the
figure of a broader question (the whole category, or all spending) that
it could have answered instead in silence.

The output is in the coaching corpus format (tests/unit/coach_corpus.c):

    tests/bench/gen_coach_questions.py [--seed N] [--personas N] > gen.tsv
    tests/bench/bench_coach_corpus [-v] gen.tsv

Python 3 standard library only.
"""

import argparse
import calendar
import datetime as dt
import random
import sys

TODAY = dt.date(2026, 11, 24)      # a Tuesday, as in the corpus
FIRST = dt.date(2026, 5, 1)        # transactions from here to TODAY

# subcategory -> (category, amount range, times a month, merchants by country)
SUBS = {
    "groceries": ("food", (18, 160), (2, 5), {
        "us": ["Whole Foods", "Kroger", "Safeway", "Trader Joe's"],
        "br": ["Pão de Açúcar", "Carrefour", "Assaí", "Extra"],
        "es": ["Mercadona", "Lidl", "Carrefour", "Dia"],
        "mx": ["Soriana", "Walmart", "Chedraui", "La Comer"]}),
    "delivery": ("food", (9, 45), (0, 4), {
        "us": ["DoorDash", "Grubhub"], "br": ["iFood", "Rappi"],
        "es": ["Glovo", "Just Eat"], "mx": ["Rappi", "DiDi Food"]}),
    "restaurants": ("food", (15, 90), (0, 3), {
        "us": ["Chipotle", "Olive Garden", "Panera"], "br": ["Outback", "Coco Bambu", "Madero"],
        "es": ["100 Montaditos", "VIPS", "Foster's Hollywood"], "mx": ["Vips", "Sanborns"]}),
    "coffee": ("food", (3, 9), (0, 6), {
        "us": ["Starbucks", "Dunkin'"], "br": ["Starbucks"], "es": ["Starbucks"],
        "mx": ["Starbucks", "Cielito Querido"]}),
    "rideshare": ("transport", (7, 40), (0, 5), {
        "us": ["Uber", "Lyft"], "br": ["Uber", "99"], "es": ["Cabify", "Uber"],
        "mx": ["Uber", "DiDi"]}),
    "fuel": ("transport", (30, 70), (0, 2), {
        "us": ["Shell", "Chevron"], "br": ["Ipiranga", "Shell"], "es": ["Repsol", "Cepsa"],
        "mx": ["Pemex"]}),
    "pharmacy": ("health", (6, 60), (0, 2), {
        "us": ["CVS", "Walgreens"], "br": ["Drogasil", "Droga Raia"],
        "es": ["Farmacia Central"], "mx": ["Farmacias del Ahorro"]}),
    "apparel": ("clothing", (20, 120), (0, 1), {
        "us": ["Gap", "H&M"], "br": ["Renner", "Riachuelo"], "es": ["Zara", "Mango"],
        "mx": ["Liverpool", "Zara"]}),
}

# country -> lang, currency, amount scale, rent, salary, electricity, streaming
COUNTRIES = {
    "us": ("en", "USD", 1, ("Rent", 1650), ("Payroll ACME", 5800), "Con Edison",
           [("Netflix", 15.49), ("Spotify", 11.99)]),
    "br": ("pt", "BRL", 5, ("Aluguel", 1700), ("Salário", 6200), "Enel",
           [("Netflix", 55.90), ("Spotify", 21.90)]),
    "es": ("es", "EUR", 1, ("Alquiler piso", 900), ("Nómina", 2600), "Endesa",
           [("Netflix", 12.99), ("Spotify", 10.99)]),
    "mx": ("es", "MXN", 18, ("Renta depto", 8500), ("Nómina", 31000), "CFE",
           [("Netflix", 219.00), ("Spotify", 115.00)]),
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}

# How people name a subject: subcategory or category -> words, per language.
SUBJECT_WORDS = {
    "en": {"groceries": ["groceries", "grocery shopping", "the supermarket"],
           "delivery": ["food delivery", "delivery"],
           "restaurants": ["restaurants"],
           "coffee": ["coffee", "coffee shops"],
           "rideshare": ["rides", "rideshare", "taxis"],
           "fuel": ["fuel", "gasoline"],
           "pharmacy": ["the pharmacy", "pharmacy"],
           "apparel": ["clothes", "clothing"],
           "food": ["food"],
           "transport": ["transportation", "transport"]},
    "pt": {"groceries": ["mercado", "supermercado", "compras de mercado"],
           "delivery": ["delivery", "comida por delivery"],
           "restaurants": ["restaurantes", "restaurante"],
           "coffee": ["café", "cafeteria"],
           "rideshare": ["corridas de aplicativo", "táxi"],
           "fuel": ["gasolina", "combustível"],
           "pharmacy": ["farmácia", "remédios"],
           "apparel": ["roupas", "roupa"],
           "food": ["alimentação", "comida"],
           "transport": ["transporte"]},
    "es": {"groceries": ["el súper", "supermercado", "la compra"],
           "delivery": ["comida a domicilio", "delivery"],
           "restaurants": ["restaurantes"],
           "coffee": ["café", "cafeterías"],
           "rideshare": ["taxis", "taxi"],
           "fuel": ["gasolina", "combustible"],
           "pharmacy": ["la farmacia", "farmacia"],
           "apparel": ["ropa"],
           "food": ["comida", "alimentación"],
           "transport": ["transporte"]},
}

# Phrasings: {s} a subject, {m} a merchant, {p} a period ("" for none).
ASK_SUBJECT = {
    "en": ["how much did I spend on {s} {p}?", "what did I spend on {s} {p}?",
           "{s} spending {p}", "how much went on {s} {p}?", "total spent on {s} {p}",
           "how much have I spent on {s} {p}?", "How much money did I spend on {s} {p}",
           "how much have I blown on {s} {p}?", "what's my {s} total {p}?",
           "tell me my {s} spending {p}", "{s} {p}?", "how much was {s} {p}?"],
    "pt": ["quanto gastei com {s} {p}?", "quanto eu gastei em {s} {p}?", "gastos com {s} {p}",
           "qual foi meu gasto com {s} {p}?", "quanto foi o gasto com {s} {p}?",
           "Quanto gastei de {s} {p}?", "quanto torrei com {s} {p}?",
           "qual o total de {s} {p}?", "me diz quanto gastei com {s} {p}", "{s} {p}?",
           "quanto saiu com {s} {p}?"],
    "es": ["¿cuánto gasté en {s} {p}?", "cuánto me gasté en {s} {p}", "gastos en {s} {p}",
           "¿cuánto se me fue en {s} {p}?", "¿cuánto llevo gastado en {s} {p}?",
           "¿Cuánto dinero gasté en {s} {p}?", "¿cuánto he gastado en {s} {p}?",
           "¿cuál es el total de {s} {p}?", "dime cuánto gasté en {s} {p}", "{s} {p}?",
           "¿cuánto fue lo de {s} {p}?"],
}
ASK_MERCHANT = {
    "en": ["how much did I spend at {m} {p}?", "what did {m} cost me {p}?",
           "how much did I pay {m} {p}?", "{m} {p}: how much?"],
    "pt": ["quanto gastei com {m} {p}?", "quanto gastei no {m} {p}?",
           "quanto paguei de {m} {p}?", "gastos com {m} {p}"],
    "es": ["¿cuánto gasté en {m} {p}?", "¿cuánto le pagué a {m} {p}?",
           "gastos en {m} {p}", "¿cuánto me costó {m} {p}?"],
}
ASK_ALL = {
    "en": ["how much did I spend {p}?", "what did I spend {p}?", "my spending {p}",
           "total spending {p}"],
    "pt": ["quanto gastei {p}?", "quanto eu gastei {p}?", "meus gastos {p}",
           "total de gastos {p}"],
    "es": ["¿cuánto gasté {p}?", "¿cuánto he gastado {p}?", "mis gastos {p}",
           "total de gastos {p}"],
}
ASK_COMPARE = {
    "en": ["did I spend more on {s} this month than last month?",
           "am I spending more on {s} than last month?"],
    "pt": ["gastei mais com {s} este mês do que no mês passado?",
           "estou gastando mais com {s} que no mês passado?"],
    "es": ["¿gasté más en {s} este mes que el mes pasado?",
           "¿estoy gastando más en {s} que el mes pasado?"],
}
ASK_COMPARE_MONTHS = {
    "en": ["did I spend more on {s} in {a} than in {b}?", "{s}: {a} compared to {b}"],
    "pt": ["gastei mais com {s} em {a} do que em {b}?", "{s}: {a} comparado com {b}"],
    "es": ["¿gasté más en {s} en {a} que en {b}?", "{s}: {a} comparado con {b}"],
}
ASK_AVERAGE = {
    "en": ["how much do I spend on {s} per month on average?", "average monthly {s} spending",
           "on average, what do I spend on {s} a month?"],
    "pt": ["quanto gasto em média por mês com {s}?", "média mensal de gastos com {s}",
           "em média, quanto gasto com {s} por mês?"],
    "es": ["¿cuánto gasto de media al mes en {s}?", "promedio mensual de gastos en {s}",
           "en promedio, ¿cuánto gasto en {s} al mes?"],
}
ASK_RECURRING = {
    "en": ["what are my subscriptions?", "which subscriptions am I paying for?",
           "list my recurring payments"],
    "pt": ["quais são minhas assinaturas?", "que assinaturas eu pago?",
           "meus pagamentos recorrentes"],
    "es": ["¿cuáles son mis suscripciones?", "¿qué suscripciones pago?",
           "mis pagos recurrentes"],
}
ITEMS = {
    "en": ["a phone", "a laptop", "a TV", "a bike", "a trip", "a sofa"],
    "pt": ["um celular", "um notebook", "uma TV", "uma bicicleta", "uma viagem", "um sofá"],
    "es": ["un móvil", "un portátil", "una tele", "una bici", "un viaje", "un sofá"],
}
ASK_AFFORD = {
    "en": ["can I afford {i} for {a}?", "is it ok to spend {a} on {i}?",
           "should I buy {i} for {a}?", "do I have enough money for {i} that costs {a}?"],
    "pt": ["posso comprar {i} de {a}?", "dá pra gastar {a} em {i}?",
           "tenho dinheiro para {i} de {a}?", "cabe no meu orçamento {i} de {a}?"],
    "es": ["¿puedo comprar {i} de {a}?", "¿me alcanza para {i} de {a}?",
           "¿puedo permitirme {i} de {a}?", "¿tengo dinero para {i} de {a}?"],
}
YES = {"en": ["Yes:", "Yes,"], "pt": ["Sim:", "Sim,"], "es": ["Sí:", "Sí,"]}
# A dear card debt, as each country quotes it: above the coach's line of 2% a
# month (24% a year), where it says to pay the debt before a big purchase.
DEBTS = {"us": ("Visa card", 2499, "year"), "br": ("Cartão de crédito", 1200, "month"),
         "es": ("Tarjeta de crédito", 2600, "year"), "mx": ("Tarjeta de crédito", 350, "month")}

ASK_BIGGEST = {
    "en": ["what were my biggest expenses in {mo}?", "my largest purchases in {mo}"],
    "pt": ["quais foram meus maiores gastos em {mo}?", "meus maiores gastos de {mo}"],
    "es": ["¿cuáles fueron mis mayores gastos en {mo}?", "mis gastos más grandes de {mo}"],
}


def month_range(y, m):
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def periods(lang, rnd):
    """(words, from, to, label that must appear or None) for a random period."""
    this_from = TODAY.replace(day=1)
    last_from, last_to = month_range(2026, 10)
    mo = rnd.randrange(6, 11)          # a named month with data: June to October
    mf, mt = month_range(2026, mo)
    name = MONTHS[lang][mo - 1]
    week_from = TODAY - dt.timedelta(days=TODAY.weekday() + 7)
    week_to = week_from + dt.timedelta(days=6)
    d1, m1 = rnd.randrange(1, 15), rnd.randrange(7, 10)
    d2, m2 = rnd.randrange(1, 29), m1 + 1
    rf, rt = dt.date(2026, m1, d1), dt.date(2026, m2, d2)
    n1, n2 = MONTHS[lang][m1 - 1], MONTHS[lang][m2 - 1]
    since = rnd.randrange(7, 11)
    sname = MONTHS[lang][since - 1]
    opts = {
        "en": [("this month", this_from, TODAY, None), ("last month", last_from, last_to, None),
               ("so far this month", this_from, TODAY, None),
               ("in the past 30 days", TODAY - dt.timedelta(days=29), TODAY, None),
               (f"in {name}", mf, mt, name), (f"in {name} 2026", mf, mt, name),
               (f"during {name}", mf, mt, name),
               (f"from {n1} {d1} to {n2} {d2}", rf, rt, None),
               (f"between {n1} {d1} and {n2} {d2}", rf, rt, None),
               (f"since {sname}", dt.date(2026, since, 1), TODAY, None),
               ("this year", dt.date(2026, 1, 1), TODAY, None),
               ("in 2026", dt.date(2026, 1, 1), TODAY, None),
               ("last week", week_from, week_to, None)],
        "pt": [("este mês", this_from, TODAY, None), ("neste mês", this_from, TODAY, None),
               ("no mês passado", last_from, last_to, None),
               ("no mês anterior", last_from, last_to, None),
               ("até agora neste mês", this_from, TODAY, None),
               ("nos últimos 30 dias", TODAY - dt.timedelta(days=29), TODAY, None),
               (f"em {name}", mf, mt, name), (f"em {name} de 2026", mf, mt, name),
               (f"no mês de {name}", mf, mt, name),
               (f"de {d1} de {n1} a {d2} de {n2}", rf, rt, None),
               (f"entre {d1} de {n1} e {d2} de {n2}", rf, rt, None),
               (f"desde {sname}", dt.date(2026, since, 1), TODAY, None),
               ("este ano", dt.date(2026, 1, 1), TODAY, None),
               ("em 2026", dt.date(2026, 1, 1), TODAY, None),
               ("na semana passada", week_from, week_to, None)],
        "es": [("este mes", this_from, TODAY, None), ("el mes pasado", last_from, last_to, None),
               ("el mes anterior", last_from, last_to, None),
               ("en lo que va de mes", this_from, TODAY, None),
               ("en los últimos 30 días", TODAY - dt.timedelta(days=29), TODAY, None),
               (f"en {name}", mf, mt, name), (f"en {name} de 2026", mf, mt, name),
               (f"durante {name}", mf, mt, name),
               (f"del {d1} de {n1} al {d2} de {n2}", rf, rt, None),
               (f"entre el {d1} de {n1} y el {d2} de {n2}", rf, rt, None),
               (f"desde {sname}", dt.date(2026, since, 1), TODAY, None),
               ("este año", dt.date(2026, 1, 1), TODAY, None),
               ("en 2026", dt.date(2026, 1, 1), TODAY, None),
               ("la semana pasada", week_from, week_to, None)],
    }
    return rnd.choice(opts[lang])


def said(units, currency, rnd):
    """A whole amount as a person writes it in a question."""
    if currency == "USD":
        return rnd.choice([f"${units:,}", f"{units} dollars"])
    dotted = f"{units:,}".replace(",", ".")
    return rnd.choice({"BRL": [f"R$ {dotted}", f"{units} reais"],
                       "EUR": [f"{dotted} €", f"{units} euros"],
                       "MXN": [f"{dotted} pesos", f"{units} pesos"]}[currency])


def money(cents, currency):
    """An amount as the coach writes it."""
    neg = cents < 0
    cents = abs(cents)
    units, frac = divmod(cents, 100)
    if currency == "USD":
        s = f"${units:,}.{frac:02d}"
    else:
        s = f"{units:,}".replace(",", ".") + f",{frac:02d}"
        s = {"BRL": "R$ " + s, "EUR": s + " €", "MXN": s + " MXN"}[currency]
    return "-" + s if neg else s


def make_persona(pid, country, rnd):
    lang, cur, scale, rent, salary, power, streams = COUNTRIES[country]
    txns = []          # (date, cents, category, sub, kind, merchant, description)
    lines = [f"persona\t{pid}\t{lang}\t{cur}\t{TODAY.isoformat()}"]
    subs = rnd.sample(sorted(SUBS), rnd.randrange(5, len(SUBS) + 1))
    if "groceries" not in subs:
        subs.append("groceries")
    merchants = {s: rnd.sample(SUBS[s][3][country], min(len(SUBS[s][3][country]),
                                                       rnd.randrange(1, 3))) for s in subs}
    d = FIRST
    while d <= TODAY:
        y, m = d.year, d.month
        last = min(month_range(y, m)[1], TODAY)
        for s in subs:
            cat, (lo, hi), (nlo, nhi), _ = SUBS[s]
            for _ in range(rnd.randrange(nlo, nhi + 1)):
                day = dt.date(y, m, rnd.randrange(1, last.day + 1))
                cents = rnd.randrange(lo * 100, hi * 100) * scale
                mer = rnd.choice(merchants[s])
                txns.append((day, cents, cat, s, "spending", mer, mer.upper()))
        for day_of, (name, amt), cat, sub, kind in (
                (5, rent, "housing", "rent", "spending"),
                (1, salary, "income", "salary", "income")):
            day = dt.date(y, m, day_of)
            if day <= TODAY:
                txns.append((day, amt * 100 * (1 if country != "br" else 1), cat, sub, kind,
                             "", name))
        day = dt.date(y, m, 18)
        if day <= TODAY:
            txns.append((day, rnd.randrange(60, 140) * 100 * scale, "utilities", "electricity",
                         "spending", power, power))
        for i, (name, amt) in enumerate(streams):
            day = dt.date(y, m, 10 + i)
            if day <= TODAY:
                txns.append((day, round(amt * 100), "entertainment", "streaming", "spending",
                             name, name.upper()))
        # money that is not spending: a transfer, a card bill, savings, and a refund
        day = dt.date(y, m, 12)
        if day <= TODAY:
            txns.append((day, rnd.randrange(100, 400) * 100 * scale // 2, "other", "",
                         "transfer", "", "Transfer to own account"))
            txns.append((day, rnd.randrange(200, 600) * 100 * scale // 2, "other", "",
                         "debt_payment", "", "Card bill payment"))
            txns.append((day, rnd.randrange(100, 300) * 100 * scale // 2, "other", "",
                         "savings_contribution", "", "Savings"))
        d = dt.date(y + (m == 12), m % 12 + 1, 1)
    # a refund of one purchase
    buys = [t for t in txns if t[4] == "spending" and t[3] in ("apparel", "groceries")]
    t = rnd.choice(buys)
    txns.append((min(t[0] + dt.timedelta(days=3), TODAY), t[1] // 2, t[2], t[3], "refund",
                 t[5], t[6] + " REFUND"))
    for t in sorted(txns):
        lines.append("txn\t{}\t{}\t{}.{:02d}\t{}\t{}\t{}\t{}\t{}".format(
            pid, t[0].isoformat(), t[1] // 100, t[1] % 100, t[2], t[3] or "-", t[4],
            t[5] or "-", t[6]))
    # the intake: income, the usual expenses (the mean of the last three
    # whole months), savings; half the personas owe a dear card
    income = salary[1] * 100
    usual = sum(spent(txns, *month_range(2026, mo)) for mo in (8, 9, 10)) // 3
    usual -= usual % 100
    lines.append("intake\t{}\t{}.00\t{}.00\t{}.00".format(pid, income // 100, usual // 100,
                                                         rnd.randrange(5, 50) * 100 * scale))
    debt = None
    if rnd.random() < 0.5:
        name, rate, period = DEBTS[country]
        debt = (name, rnd.randrange(20, 60) * 100 * scale * 100)
        lines.append("debt\t{}\t{}\t{}.00\t{}.{:02d}\t{}\t{}.00".format(
            pid, name, debt[1] // 100, rate // 100, rate % 100, period,
            debt[1] // 100 // 20))
    money_facts = (income, usual, spent(txns, TODAY.replace(day=1), TODAY), debt, scale)
    return lang, cur, txns, subs, merchants, lines, money_facts


def spent(txns, f, t, pred=lambda x: True):
    total = 0
    for x in txns:
        if not (f <= x[0] <= t) or not pred(x):
            continue
        if x[4] in ("spending", "fee"):
            total += x[1]
        elif x[4] == "refund":
            total -= x[1]
    return total


def questions(pid, lang, cur, txns, subs, merchants, money_facts, rnd, n):
    out = []
    seen = set()

    def add(msg, must, must_not):
        msg = " ".join(msg.split()).replace(" ?", "?")
        if msg in seen:
            return
        seen.add(msg)
        must = [m for m in must if m]
        must_not = [m for m in must_not if m and all(m != x for x in must)]
        out.append(f"q\t{pid}\tin\t{msg}\t{'|'.join(must) or '-'}\t{'|'.join(must_not) or '-'}")

    tries = 0
    while len(out) < n and tries < n * 20:
        tries += 1
        pick = rnd.random()
        words, f, t, label = periods(lang, rnd)
        everything = spent(txns, f, t)
        if pick < 0.45:                         # a subcategory or a category
            s = rnd.choice(subs + ["food", "transport"])
            if s in ("food", "transport"):
                pred = (lambda c: lambda x: x[2] == c)(s)
                broader = everything
            else:
                pred = (lambda c: lambda x: x[3] == c)(s)
                broader = spent(txns, f, t, (lambda c: lambda x: x[2] == c)(SUBS[s][0]))
            total = spent(txns, f, t, pred)
            if total <= 0:
                continue
            msg = rnd.choice(ASK_SUBJECT[lang]).format(s=rnd.choice(SUBJECT_WORDS[lang][s]),
                                                     p=words)
            add(msg, [money(total, cur), label], [money(broader, cur)]
                if broader != total else [])
        elif pick < 0.65:                       # a merchant
            s = rnd.choice(subs)
            m = rnd.choice(merchants[s])
            total = spent(txns, f, t, lambda x: x[5] == m)
            if total <= 0:
                continue
            msg = rnd.choice(ASK_MERCHANT[lang]).format(m=m, p=words)
            sub_total = spent(txns, f, t, lambda x: x[3] == s)
            add(msg, [money(total, cur), label],
                [money(sub_total, cur)] if sub_total != total else [])
        elif pick < 0.72:                       # everything
            if everything <= 0:
                continue
            add(rnd.choice(ASK_ALL[lang]).format(p=words), [money(everything, cur), label], [])
        elif pick < 0.78:                       # this month against last month
            s = rnd.choice(subs)
            now = spent(txns, TODAY.replace(day=1), TODAY, lambda x: x[3] == s)
            before = spent(txns, dt.date(2026, 10, 1), dt.date(2026, 10, 31),
                           lambda x: x[3] == s)
            if now <= 0 or before <= 0:
                continue
            add(rnd.choice(ASK_COMPARE[lang]).format(s=rnd.choice(SUBJECT_WORDS[lang][s])),
                [money(now, cur), money(before, cur)], [])
        elif pick < 0.84:                       # one month against another
            s = rnd.choice(subs)
            ma, mb = rnd.sample(range(6, 11), 2)
            va = spent(txns, *month_range(2026, ma), lambda x: x[3] == s)
            vb = spent(txns, *month_range(2026, mb), lambda x: x[3] == s)
            if va <= 0 or vb <= 0:
                continue
            add(rnd.choice(ASK_COMPARE_MONTHS[lang]).format(
                s=rnd.choice(SUBJECT_WORDS[lang][s]), a=MONTHS[lang][ma - 1],
                b=MONTHS[lang][mb - 1]), [money(va, cur), money(vb, cur)], [])
        elif pick < 0.87:                       # the average month of the last three
            s = rnd.choice(subs)
            total = sum(spent(txns, *month_range(2026, mo), lambda x: x[3] == s)
                        for mo in (8, 9, 10))
            if total <= 0 or total % 3:
                continue
            add(rnd.choice(ASK_AVERAGE[lang]).format(s=rnd.choice(SUBJECT_WORDS[lang][s])),
                [money(total // 3, cur)], [])
        elif pick < 0.9:                        # payments that come back
            add(rnd.choice(ASK_RECURRING[lang]), ["Netflix", "Spotify"], [])
        elif pick < 0.95:                       # can I afford it?
            income, usual, this_month, debt, scale = money_facts
            free = income - max(usual, this_month)
            if debt is not None:
                # a big purchase with a dear debt: not yet, and the debt named
                units = rnd.randrange(income // 200, income // 100) // 10 * 10
                must, must_not = [debt[0]], YES[lang]
            elif rnd.random() < 0.5 and free > 0:
                # small, well within what is free this month: yes
                units = max(1, free // 100 // rnd.randrange(4, 10))
                must, must_not = [YES[lang][0]], []
            else:
                # more than a year of what is left each month: not now
                units = (income - usual) // 100 * rnd.randrange(13, 24)
                if units <= 0:
                    continue
                must, must_not = [], YES[lang]
            msg = rnd.choice(ASK_AFFORD[lang]).format(i=rnd.choice(ITEMS[lang]),
                                                    a=said(units, cur, rnd))
            add(msg, must + [money(units * 100, cur)], must_not)
        else:                                   # the biggest expenses of a month
            mo = rnd.randrange(6, 11)
            mf, mt = month_range(2026, mo)
            big = sorted((x[1] for x in txns if mf <= x[0] <= mt and x[4] == "spending"),
                         reverse=True)
            if len(big) < 2:
                continue
            add(rnd.choice(ASK_BIGGEST[lang]).format(mo=MONTHS[lang][mo - 1]),
                [money(big[0], cur), money(big[1], cur)], [])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--personas", type=int, default=8,
                    help="personas (cycling countries), 1 to 16: a file the runner takes")
    ap.add_argument("--questions", type=int, default=30, help="questions a persona")
    a = ap.parse_args()
    if not 1 <= a.personas <= 16:
        ap.error("--personas is 1 to 16")
    rnd = random.Random(a.seed)
    w = sys.stdout
    w.write(f"# generated by tests/bench/gen_coach_questions.py --seed {a.seed} "
            f"--personas {a.personas} --questions {a.questions}\n")
    countries = ["us", "br", "es", "mx"]
    for i in range(a.personas):
        c = countries[i % len(countries)]
        pid = f"g{i}{c}"
        lang, cur, txns, subs, merchants, lines, facts = make_persona(pid, c, rnd)
        w.write("\n".join(lines) + "\n")
        w.write("\n".join(questions(pid, lang, cur, txns, subs, merchants, facts, rnd,
                                    a.questions)) + "\n")


if __name__ == "__main__":
    main()
