#!/usr/bin/python3
"""make-corpus.py: the rendered receipts of tests/data/docs/receipts.

Draws receipts in English, Portuguese and Spanish (thermal-printer tickets,
a Brazilian NFC-e, a Spanish factura simplificada, a US restaurant check, a
Mexican ticket, a UK till receipt, an A4 invoice), with the conventions of
each (decimal comma or point, R$, EUR after the amount, "$" for pesos, D/M or
M/D dates, subtotal, tax/IVA/ICMS, tip/propina/gorjeta, cash and change,
"total items" lines, discounts), in several fonts; then makes "photographed"
variants of some (a few degrees of rotation, perspective, blur, noise, uneven
light, JPEG artefacts, an EXIF orientation). Writes the images, truth.tsv
(the columns of tests/data/docs/real/receipts/truth.tsv) and truth.json (the
same rows with language and layout).

Deterministic: the same script writes the same files. Needs python3-pil and
the fonts-dejavu-core, fonts-liberation2 and fonts-freefont-ttf packages:

    /usr/bin/python3 tests/data/docs/receipts/make-corpus.py [outdir]
"""
import datetime
import io
import json
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
SEED = 20261124
FONTS = {
    "mono": ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
             "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
             "/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf",
             "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"],
    "sans": ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
             "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
             "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
             "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf"],
    "serif": ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
              "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
              "/usr/share/fonts/truetype/freefont/FreeSerif.ttf"],
}
BOLD = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf": "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf": "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf": "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSans.ttf": "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSerif.ttf": "/usr/share/fonts/truetype/freefont/FreeSerifBold.ttf",
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
}

ITEMS = {
    "en": ["COFFEE LARGE", "BAGEL CREAM CHEESE", "MILK 2% GAL", "BANANAS LB", "EGGS DOZEN",
           "BREAD WHOLE WHEAT", "CHICKEN BREAST", "ORANGE JUICE", "PAPER TOWELS", "SHAMPOO",
           "TOOTHPASTE", "APPLES GALA", "PASTA PENNE", "TOMATO SAUCE", "CHEDDAR CHEESE",
           "YOGURT GREEK", "CEREAL OATS", "BURGER DELUXE", "FRENCH FRIES", "ICED TEA",
           "CAESAR SALAD", "GRILLED SALMON", "SODA CAN", "CHOC CHIP COOKIE", "LATTE MEDIUM",
           "NOTEBOOK A5", "AA BATTERIES", "DISH SOAP", "RICE 5LB", "GROUND BEEF"],
    "pt": ["ARROZ TIPO 1 5KG", "FEIJAO CARIOCA 1KG", "LEITE INTEGRAL 1L", "CAFE TORRADO 500G",
           "ACUCAR REFINADO 1KG", "OLEO DE SOJA 900ML", "PAO FRANCES", "BANANA PRATA KG",
           "TOMATE KG", "CEBOLA KG", "FRANGO CONGELADO", "MACARRAO ESPAGUETE", "QUEIJO MUSSARELA",
           "PRESUNTO FATIADO", "SABAO EM PO 1KG", "DETERGENTE 500ML", "PAPEL HIGIENICO 12UN",
           "REFRIGERANTE 2L", "CERVEJA LATA 350ML", "IOGURTE NATURAL", "MANTEIGA 200G",
           "BISCOITO RECHEADO", "AGUA MINERAL 1,5L", "PASTEL DE CARNE", "CAFEZINHO",
           "PAO DE QUEIJO", "SUCO DE LARANJA", "COXINHA", "X-SALADA", "ACAI 500ML"],
    "es": ["LECHE ENTERA 1L", "PAN DE BARRA", "HUEVOS DOCENA", "ACEITE DE OLIVA 1L",
           "TOMATE RAMA KG", "PLATANO CANARIAS", "ARROZ REDONDO 1KG", "JAMON SERRANO",
           "QUESO MANCHEGO", "AGUA MINERAL 1,5L", "CERVEZA LATA", "CAFE CON LECHE",
           "TOSTADA CON TOMATE", "CROISSANT", "ZUMO DE NARANJA", "TORTILLA DE PATATA",
           "PAELLA MIXTA", "CAÑA", "REFRESCO COLA", "YOGUR NATURAL", "GALLETAS MARIA",
           "DETERGENTE 3L", "PAPEL COCINA", "TACOS AL PASTOR", "AGUA DE JAMAICA",
           "QUESADILLA", "TORTILLAS DE MAIZ", "FRIJOLES NEGROS", "AGUACATE KG", "CHILE SERRANO"],
}

MERCHANTS = {
    "en": [("GREEN VALLEY MARKET", "1420 Oak Street, Springfield, IL 62704", "Tel: (217) 555-0142"),
           ("Starbucks", "Store #10293 - 500 Pine St, Seattle WA", "(206) 555-0199"),
           ("BLUE HARBOR DINER", "88 Harbor Rd, Portland, ME 04101", "Phone 207-555-0171"),
           ("WALMART SUPERCENTER", "2500 Main St, Dallas TX 75201", "Tel 214-555-0110"),
           ("CORNER BOOKSHOP LTD", "12 High Street, Oxford OX1 4AA", "Tel: 01865 555 012"),
           ("SUNRISE BAKERY", "77 Elm Avenue, Denver, CO 80203", "(303) 555-0123"),
           ("TECHNO HARDWARE SDN BHD", "No 12, Jalan Bunga Raya, 50250 Kuala Lumpur", "Tel: 03-2141 5566")],
    "pt": [("SUPERMERCADO BOA VISTA LTDA", "Rua das Flores, 123 - Centro - Curitiba/PR", "CNPJ: 12.345.678/0001-90"),
           ("Pão de Açúcar", "Av. Paulista, 1000 - Bela Vista - São Paulo/SP", "CNPJ: 47.508.411/0001-56"),
           ("PADARIA E CONFEITARIA TRIGO DOURADO", "Rua Augusta, 455 - São Paulo/SP", "CNPJ: 23.456.789/0001-12"),
           ("ZAFFARI", "Av. Ipiranga, 5200 - Porto Alegre/RS", "CNPJ: 93.015.006/0001-13"),
           ("FARMACIA SAUDE E VIDA LTDA", "Av. Brasil, 2200 - Rio de Janeiro/RJ", "CNPJ: 34.567.890/0001-23"),
           ("RESTAURANTE SABOR MINEIRO", "Rua da Bahia, 88 - Belo Horizonte/MG", "CNPJ: 45.678.901/0001-34")],
    "es": [("Mercadona", "C/ Gran Vía, 45 - 28013 Madrid", "NIF: A-46103834"),
           ("BAR RESTAURANTE EL PUERTO", "Paseo Marítimo 12, 29016 Málaga", "CIF: B-29876543"),
           ("SUPERMERCADOS LA ESPIGA S.L.", "Avda. Diagonal 220, 08018 Barcelona", "CIF: B-08123456"),
           ("Oxxo", "Av. Insurgentes Sur 1602, CDMX", "RFC: CCO8605231N4"),
           ("TAQUERIA LOS COMPADRES", "Calle 5 de Mayo 32, Guadalajara, Jal.", "RFC: TCO120304AB1"),
           ("FARMACIA DEL CARMEN", "Calle Mayor 8, 50001 Zaragoza", "NIF: B-50123987")],
}


def money(v, conv, grp=True):
    """v in cents as text: conv "en" 1,234.56 or "eu" 1.234,56."""
    s = "%d.%02d" % (v // 100, v % 100)
    ip, fp = s.split(".")
    if grp and len(ip) > 3:
        parts = []
        while len(ip) > 3:
            parts.insert(0, ip[-3:])
            ip = ip[:-3]
        parts.insert(0, ip)
        ip = ("," if conv == "en" else ".").join(parts)
    return ip + ("." if conv == "en" else ",") + fp


def fmt_date(d, style, lang):
    if style == "mdy":
        return d.strftime("%m/%d/%Y")
    if style == "mdy2":
        return d.strftime("%m/%d/%y")
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "dmy2":
        return d.strftime("%d/%m/%y")
    if style == "dmy-":
        return d.strftime("%d-%m-%Y")
    if style == "dmy.":
        return d.strftime("%d.%m.%Y")
    if style == "iso":
        return d.strftime("%Y-%m-%d")
    if style == "long":
        m = MONTHS[lang][d.month - 1]
        if lang == "en":
            return "%s %d, %d" % (m, d.day, d.year)
        return "%d de %s de %d" % (d.day, m, d.year)
    if style == "short":
        m = MONTHS["en"][d.month - 1][:3].upper()
        return "%02d %s %d" % (d.day, m, d.year)
    raise ValueError(style)


class Receipt:
    """A receipt as lines: (left, right, kind); kind "c" centred, "b" bold."""

    def __init__(self):
        self.lines = []

    def add(self, left="", right="", kind=""):
        self.lines.append((left, right, kind))


def pick_items(rng, lang, n, conv, per_kg=False):
    out = []
    for name in rng.sample(ITEMS[lang], n):
        qty = rng.choice([1, 1, 1, 2, 3]) if not per_kg or rng.random() < 0.7 else 0
        unit = rng.choice([99, 149, 250, 399, 450, 599, 725, 899, 1050, 1299, 1590, 2390, 3499])
        if qty == 0:
            grams = rng.choice([304, 512, 745, 1230, 865])
            amount = unit * grams // 1000
            out.append((name, grams, unit, amount, True))
        else:
            out.append((name, qty, unit, unit * qty, False))
    return out


def build(rng, lang, layout):
    """A receipt of the layout: its lines and its truth."""
    r = Receipt()
    day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 1000))
    hh, mm = rng.randrange(8, 22), rng.randrange(0, 60)
    if layout == "us_store":
        m = rng.choice(MERCHANTS["en"][:4] + MERCHANTS["en"][5:6])
        cur, conv, sym = "USD", "en", "$"
        dstyle = rng.choice(["mdy", "mdy2", "long"])
    elif layout == "us_restaurant":
        m = rng.choice([MERCHANTS["en"][2], MERCHANTS["en"][5], MERCHANTS["en"][1]])
        cur, conv, sym = "USD", "en", "$"
        dstyle = rng.choice(["mdy", "mdy2"])
    elif layout == "uk_till":
        m = MERCHANTS["en"][4]
        cur, conv, sym = "GBP", "en", "£"
        dstyle = rng.choice(["dmy", "short"])
    elif layout == "my_store":
        m = MERCHANTS["en"][6]
        cur, conv, sym = "MYR", "en", "RM"
        dstyle = rng.choice(["dmy", "dmy-"])
    elif layout == "invoice":
        m = rng.choice(MERCHANTS["en"][:4])
        cur, conv, sym = "USD", "en", "$"
        dstyle = "long"
    elif layout in ("br_nfce", "br_cupom"):
        m = rng.choice(MERCHANTS["pt"])
        cur, conv, sym = "BRL", "eu", "R$"
        dstyle = rng.choice(["dmy", "dmy2", "dmy."])
    elif layout == "es_factura":
        m = rng.choice([MERCHANTS["es"][i] for i in (0, 1, 2, 5)])
        cur, conv, sym = "EUR", "eu", "€"
        dstyle = rng.choice(["dmy", "dmy-", "long"])
    elif layout == "mx_ticket":
        m = rng.choice([MERCHANTS["es"][3], MERCHANTS["es"][4]])
        cur, conv, sym = "MXN", "en", "$"
        dstyle = rng.choice(["dmy", "long"])
    else:
        raise ValueError(layout)
    name, addr, extra = m
    dtext = fmt_date(day, dstyle, lang)
    items = pick_items(rng, lang, rng.randrange(2, 7), conv, per_kg=layout == "br_nfce")
    sub = sum(i[3] for i in items)
    mo = lambda v: money(v, conv)
    truth = {"merchant": name, "date_as_printed": dtext, "date": day.isoformat(),
             "currency": cur, "language": lang, "layout": layout}

    if layout in ("us_store", "uk_till", "my_store"):
        r.add(name, kind="cb")
        r.add(addr, kind="c")
        r.add(extra, kind="c")
        if layout == "my_store":
            r.add("GST ID: 001234567890", kind="c")
            r.add("TAX INVOICE", kind="c")
        r.add()
        r.add("Date: " + dtext, "%02d:%02d" % (hh, mm))
        r.add("Cashier: %s" % rng.choice(["ANNA", "MIKE", "LEE", "SARAH"]), "Reg %d" % rng.randrange(1, 9))
        r.add("-" * 40)
        for it in items:
            if it[1] > 1:
                r.add("%d x %s" % (it[1], it[0]), mo(it[3]))
                r.add("   @ %s" % mo(it[2]))
            else:
                r.add(it[0], mo(it[3]))
        r.add("-" * 40)
        disc = 0
        if rng.random() < 0.35:
            disc = rng.choice([100, 150, 200, 500])
            r.add("DISCOUNT", "-" + mo(disc))
        rate = {"us_store": rng.choice([625, 825, 700]), "uk_till": 0, "my_store": 600}[layout]
        tax = (sub - disc) * rate // 10000
        total = sub - disc + tax
        rnd = 0
        if layout == "my_store" and total % 5:
            rnd = -(total % 5)
            total += rnd
        r.add("SUBTOTAL", mo(sub))
        if layout == "us_store":
            r.add("TAX %d.%03d%%" % (rate // 100, rate % 100 * 10), mo(tax))
        elif layout == "my_store":
            r.add("GST 6%", mo(tax))
            r.add("Rounding", ("-" if rnd < 0 else "") + mo(abs(rnd)))
        else:
            r.add("VAT 20% INCLUDED", mo(sub * 20 // 120))
        label = {"us_store": rng.choice(["TOTAL", "TOTAL", "BALANCE DUE"]),
                 "uk_till": "TOTAL TO PAY", "my_store": "TOTAL (RM)"}[layout]
        r.add(label, (sym + " " if layout == "uk_till" else "") + mo(total), "b")
        r.add("TOTAL ITEMS: %d" % sum(i[1] for i in items))
        if rng.random() < 0.5:
            cash = ((total // 1000) + 1) * 1000 if total % 1000 else total
            r.add("CASH", mo(cash))
            r.add("CHANGE", mo(cash - total))
        else:
            r.add("VISA **** %04d" % rng.randrange(10000), mo(total))
        r.add()
        r.add("THANK YOU FOR SHOPPING!", kind="c")
    elif layout == "us_restaurant":
        r.add(name, kind="cb")
        r.add(addr, kind="c")
        r.add(extra, kind="c")
        r.add()
        r.add("Server: %s" % rng.choice(["Jess", "Tom", "Maria"]), "Table %d" % rng.randrange(1, 30))
        r.add(dtext + " %d:%02d %s" % (hh % 12 or 12, mm, "PM" if hh >= 12 else "AM"))
        r.add("Guests: %d" % rng.randrange(1, 5), "Check #%d" % rng.randrange(1000, 9999))
        r.add()
        for it in items:
            r.add("%d %s" % (it[1], it[0]), mo(it[3]))
        r.add()
        tax = sub * 875 // 10000
        tip = (sub * rng.choice([15, 18, 20])) // 100
        total = sub + tax + tip
        r.add("Subtotal", mo(sub))
        r.add("Sales Tax", mo(tax))
        r.add(rng.choice(["Tip", "Gratuity 18%", "Tip"]), mo(tip))
        r.add("AMOUNT DUE" if rng.random() < 0.5 else "Total", "$" + mo(total), "b")
        r.add()
        r.add("MASTERCARD XXXXXXXX%04d" % rng.randrange(10000))
        r.add("Auth: %06d" % rng.randrange(10 ** 6))
        r.add("Thank you! Come again", kind="c")
    elif layout == "invoice":
        r.add(name, kind="b")
        r.add(addr)
        r.add(extra)
        r.add()
        r.add("INVOICE", kind="b")
        r.add("Invoice Number: INV-%05d" % rng.randrange(10 ** 5))
        r.add("Invoice Date: " + dtext)
        due = day + datetime.timedelta(days=30)
        r.add("Due Date: " + fmt_date(due, "long", "en") if due <= datetime.date(2025, 12, 31) else "Terms: Net 30")
        r.add("Bill To: Jordan Smith, 45 Lake Rd, Austin TX")
        r.add()
        r.add("Description        Qty   Unit Price", "Amount", "b")
        for it in items:
            r.add("%-20s %d   %s" % (it[0][:20], it[1], mo(it[2])), mo(it[3]))
        tax = sub * 725 // 10000
        total = sub + tax
        r.add()
        r.add("Subtotal", "$" + mo(sub))
        r.add("Sales Tax (7.25%)", "$" + mo(tax))
        r.add("Total Due", "$" + mo(total), "b")
        r.add()
        r.add("Payment due within 30 days. Thank you for your business.")
    elif layout in ("br_nfce", "br_cupom"):
        r.add(name.upper() if layout == "br_nfce" else name, kind="cb")
        r.add(extra, kind="c")
        r.add(addr, kind="c")
        r.add("IE: %03d.%03d.%03d.%03d" % tuple(rng.randrange(1000) for _ in range(4)), kind="c")
        r.add("-" * 40)
        if layout == "br_nfce":
            r.add("DANFE NFC-e - Documento Auxiliar", kind="c")
            r.add("da Nota Fiscal de Consumidor Eletrônica", kind="c")
        else:
            r.add("CUPOM FISCAL", kind="cb")
        r.add("-" * 40)
        r.add("ITEM CÓDIGO DESCRIÇÃO")
        r.add("QTD. UN. VL. UNIT.", "VL. TOTAL")
        for k, it in enumerate(items):
            code = "%013d" % rng.randrange(10 ** 12, 10 ** 13)
            r.add("%03d %s %s" % (k + 1, code, it[0]))
            if it[4]:
                kg = "%d,%03d" % (it[1] // 1000, it[1] % 1000)
                r.add("  %s KG X %s" % (kg, mo(it[2])), mo(it[3]))
            else:
                r.add("  %d UN X %s" % (it[1], mo(it[2])), mo(it[3]))
        disc = rng.choice([0, 0, 50, 78, 120])
        total = sub - disc
        r.add("-" * 40)
        r.add("QTD. TOTAL DE ITENS", "%d" % len(items))
        r.add("VALOR TOTAL R$", mo(sub))
        if disc:
            r.add("DESCONTOS R$", mo(disc))
        r.add("VALOR A PAGAR R$", mo(total), "b")
        r.add("FORMA DE PAGAMENTO", "VALOR PAGO R$")
        if rng.random() < 0.5:
            paid = ((total // 1000) + 1) * 1000 if total % 1000 else total
            r.add("Dinheiro", mo(paid))
            r.add("Troco R$", mo(paid - total))
        else:
            r.add(rng.choice(["Cartão de Crédito", "Cartão de Débito", "PIX"]), mo(total))
        r.add("Trib aprox R$ %s Federal, R$ %s Estadual" % (mo(total * 9 // 100), mo(total * 12 // 100)))
        r.add("-" * 40)
        r.add("NFC-e nº %06d Série %03d" % (rng.randrange(10 ** 6), rng.randrange(1, 999)))
        r.add("Emissão: %s %02d:%02d:%02d" % (dtext, hh, mm, rng.randrange(60)))
        r.add("Consumidor não identificado", kind="c")
        r.add("Obrigado pela preferência!", kind="c")
    elif layout == "es_factura":
        r.add(name, kind="cb")
        r.add(addr, kind="c")
        r.add(extra, kind="c")
        r.add("Tel. 91 %03d %02d %02d" % (rng.randrange(1000), rng.randrange(100), rng.randrange(100)), kind="c")
        r.add("FACTURA SIMPLIFICADA", kind="cb")
        r.add("Nº: %s-%06d" % (rng.choice(["T001", "FS", "A"]), rng.randrange(10 ** 6)))
        r.add("Fecha: %s  Hora: %02d:%02d" % (dtext, hh, mm))
        r.add("-" * 40)
        r.add("UDS DESCRIPCIÓN", "IMPORTE")
        for it in items:
            if it[1] > 1:
                r.add("%d %s" % (it[1], it[0]), mo(it[3]))
                r.add("   %d x %s" % (it[1], mo(it[2])))
            else:
                r.add("1 %s" % it[0], mo(it[3]))
        r.add("-" * 40)
        total = sub
        base = total * 100 // 110
        iva = total - base
        r.add("TOTAL ARTÍCULOS: %d" % sum(i[1] for i in items))
        r.add(rng.choice(["TOTAL", "TOTAL A PAGAR", "TOTAL (€)"]), mo(total) + " €", "b")
        r.add("BASE IMPONIBLE", mo(base))
        r.add("IVA 10%", mo(iva))
        if rng.random() < 0.5:
            cash = ((total // 1000) + 1) * 1000 if total % 1000 else total
            r.add("EFECTIVO", mo(cash) + " €")
            r.add("CAMBIO", mo(cash - total) + " €")
        else:
            r.add("TARJETA", mo(total) + " €")
        r.add("IVA INCLUIDO", kind="c")
        r.add("GRACIAS POR SU VISITA", kind="c")
    elif layout == "mx_ticket":
        r.add(name, kind="cb")
        r.add(addr, kind="c")
        r.add(extra, kind="c")
        r.add()
        r.add("FECHA: %s %02d:%02d" % (dtext, hh, mm))
        r.add("TICKET: %d" % rng.randrange(10 ** 5, 10 ** 6), "CAJA %d" % rng.randrange(1, 6))
        r.add("-" * 40)
        r.add("CANT DESCRIPCION", "IMPORTE")
        for it in items:
            r.add("%d %s" % (it[1], it[0]), "$" + mo(it[3]))
        r.add("-" * 40)
        iva = sub * 16 // 116
        r.add("SUBTOTAL", "$" + mo(sub - iva))
        r.add("IVA 16%", "$" + mo(iva))
        tip = 0
        if name.startswith("TAQUERIA"):
            tip = sub // 10
            r.add("PROPINA", "$" + mo(tip))
        total = sub + tip
        r.add("TOTAL", "$" + mo(total), "b")
        cash = ((total // 10000) + 1) * 10000
        r.add("EFECTIVO", "$" + mo(cash))
        r.add("SU CAMBIO", "$" + mo(cash - total))
        r.add("ARTICULOS: %d" % sum(i[1] for i in items))
        r.add("GRACIAS POR SU COMPRA", kind="c")
    truth["total"] = "%d.%02d" % (total // 100, total % 100)
    return r, truth


def render(r, rng, family):
    """A receipt's lines drawn in black on white paper: an image."""
    path = rng.choice(FONTS[family])
    size = rng.choice([20, 22, 24, 26])
    font = ImageFont.truetype(path, size)
    bold = ImageFont.truetype(BOLD.get(path, path), size)
    width = rng.choice([560, 600, 640]) if family == "mono" else rng.choice([900, 1000])
    margin = 24
    lh = int(size * 1.35)
    height = margin * 2 + lh * len(r.lines)
    img = Image.new("L", (width, height), 255)
    d = ImageDraw.Draw(img)
    y = margin
    for left, right, kind in r.lines:
        f = bold if "b" in kind else font
        if "c" in kind:
            w = d.textlength(left, font=f)
            if w > width - 2 * margin:
                f = ImageFont.truetype(BOLD.get(path, path) if "b" in kind else path, size - 4)
                w = d.textlength(left, font=f)
            d.text(((width - w) / 2, y), left, font=f, fill=0)
        else:
            if left.startswith("-" * 10):
                left = "-" * int((width - 2 * margin) / d.textlength("-", font=f))
            d.text((margin, y), left, font=f, fill=0)
            if right:
                w = d.textlength(right, font=f)
                d.text((width - margin - w, y), right, font=f, fill=0)
        y += lh
    return img


def photograph(img, rng, strength):
    """The receipt as a phone might see it: paper on a table, tilted, lit unevenly."""
    w, h = img.size
    paper = Image.new("L", (w, h), 255)
    # faded thermal print: grey text
    img = Image.eval(img, lambda v: int(v * (1 - strength * 0.35) + 255 * strength * 0.35) if v < 128 else v)
    paper.paste(img)
    bg = rng.choice([70, 95, 120, 150])
    pad = int(max(w, h) * 0.08)
    canvas = Image.new("L", (w + 2 * pad, h + 2 * pad), bg)
    canvas.paste(paper, (pad, pad))
    angle = rng.uniform(1.0, 4.0) * rng.choice([-1, 1])
    canvas = canvas.rotate(angle, resample=Image.BICUBIC, fillcolor=bg, expand=False)
    # a little perspective: the far edge narrower (keystone)
    W, H = canvas.size
    dx = int(W * strength * 0.04 * rng.random())
    canvas = canvas.transform((W, H), Image.QUAD, (dx, 0, 0, H, W, H, W - dx, 0),
                              resample=Image.BICUBIC, fillcolor=bg)
    # uneven light: a gradient from one corner
    grad = Image.linear_gradient("L").resize((W, H)).rotate(rng.choice([0, 90, 180, 270]))
    light = Image.eval(grad, lambda v: int(255 - v * (0.35 + 0.25 * strength)))
    canvas = Image.composite(canvas, Image.new("L", (W, H), 0),
                             Image.eval(light, lambda v: max(v, 60)))
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.6 + strength)))
    noise = Image.effect_noise((W, H), 10 + 20 * strength)
    canvas = Image.blend(canvas, noise, 0.08 + 0.06 * strength)
    # phones shoot in colour, at their own size
    scale = rng.uniform(1.0, 1.5)
    canvas = canvas.resize((int(W * scale), int(H * scale)), Image.BICUBIC)
    rgb = Image.merge("RGB", (canvas, canvas, Image.eval(canvas, lambda v: int(v * 0.93))))
    return rgb


def exif_rotated(img, orientation):
    """The pixels stored turned, with the EXIF tag that says how to turn them back."""
    if orientation == 6:
        stored = img.transpose(Image.ROTATE_90)
    elif orientation == 8:
        stored = img.transpose(Image.ROTATE_270)
    elif orientation == 3:
        stored = img.transpose(Image.ROTATE_180)
    else:
        stored = img
    ex = Image.Exif()
    ex[0x0112] = orientation
    return stored, ex


PLAN = [
    # (layout, language, font family, count clean, count photographed)
    ("us_store", "en", "mono", 5, 3),
    ("us_restaurant", "en", "mono", 3, 3),
    ("uk_till", "en", "mono", 2, 1),
    ("my_store", "en", "mono", 2, 2),
    ("invoice", "en", "sans", 2, 1),
    ("invoice", "en", "serif", 1, 1),
    ("br_nfce", "pt", "mono", 5, 4),
    ("br_cupom", "pt", "mono", 3, 3),
    ("br_cupom", "pt", "sans", 1, 0),
    ("es_factura", "es", "mono", 4, 3),
    ("es_factura", "es", "sans", 1, 1),
    ("mx_ticket", "es", "mono", 3, 3),
]


def main():
    rng = random.Random(SEED)
    os.makedirs(os.path.join(OUT, "images"), exist_ok=True)
    rows = []
    n = 0
    for layout, lang, family, nclean, nphoto in PLAN:
        for k in range(nclean + nphoto):
            n += 1
            r, truth = build(rng, lang, layout)
            img = render(r, rng, family)
            photo = k >= nclean
            base = "%s_%s_%02d%s" % (lang, layout, n, "_photo" if photo else "")
            save = {}
            if photo:
                img = photograph(img, rng, rng.uniform(0.3, 1.0))
                fmt = "jpg"
                if k % 3 == 2:
                    img, ex = exif_rotated(img, rng.choice([6, 8, 3]))
                    save["exif"] = ex
                    base += "_exif"
                save["quality"] = rng.choice([70, 80, 88])
            else:
                fmt = rng.choice(["png", "png", "png", "webp", "tiff", "jpg"])
                if fmt == "webp":
                    save["lossless"] = True
                if fmt == "tiff":
                    img = img.convert("1")
                    save["compression"] = "group4"
                if fmt == "jpg":
                    save["quality"] = 90
            name = "images/%s.%s" % (base, fmt)
            buf = io.BytesIO()
            img.save(buf, format={"jpg": "JPEG", "png": "PNG", "webp": "WEBP",
                                  "tiff": "TIFF"}[fmt], **save)
            with open(os.path.join(OUT, name), "wb") as f:
                f.write(buf.getvalue())
            truth["file"] = name
            truth["photographed"] = photo
            truth["truth_origin"] = "rendered by make-corpus.py (seed %d)" % SEED
            rows.append(truth)
    cols = ["file", "merchant", "date_as_printed", "date", "total", "currency", "truth_origin"]
    with open(os.path.join(OUT, "truth.tsv"), "w") as f:
        f.write("\t".join(cols) + "\n")
        for t in rows:
            f.write("\t".join(str(t[c]) for c in cols) + "\n")
    with open(os.path.join(OUT, "truth.json"), "w") as f:
        json.dump([{c: t[c] for c in cols + ["language", "layout", "photographed"]} for t in rows],
                  f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
