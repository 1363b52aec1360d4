"""Draw one ``Spec`` from a seeded random generator.

Every choice goes through the ``random.Random`` passed in, so a seed fixes the whole corpus.
Kinds, trades and currencies rotate with the index so that any corpus of 20 or more covers
them all; the rest (amounts, dates, wording, signed or not) is drawn.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from samples.spec import Alternate, Milestone, MoneyLine, PartySpec, Spec
from samples.textfmt import DAY_FIRST_STYLES, MONTH_FIRST_STYLES
from samples.vocab import (
    AGENCIES,
    CA_ADDRESSES,
    CLIENT_ORGS,
    COMPANY_STEMS,
    EU_ADDRESSES,
    FIRST_NAMES,
    LAST_NAMES,
    SCHEDULE_OF_VALUES,
    SUFFIXES,
    TRADES,
    UK_ADDRESSES,
    US_CITIES,
    US_STREETS,
)

__all__ = ["KINDS", "build_spec"]

KINDS = ("proposal", "quote", "agreement", "bid_form", "sow", "services", "award")
_KIND_TRADES = {
    "proposal": ("remodel", "roofing", "hvac", "electrical", "landscaping", "fitout"),
    "quote": ("roofing", "hvac", "electrical", "landscaping", "remodel"),
    "agreement": ("fitout", "remodel", "roofing", "hvac", "electrical"),
    "bid_form": ("roofing", "hvac", "electrical", "landscaping", "fitout"),
    "sow": ("managed_it",),
    "services": ("managed_it",),
    "award": ("roofing", "hvac", "fitout", "landscaping", "electrical"),
}
# index % 10 -> currency; USD mostly
_CURRENCY_CYCLE = ("USD", "USD", "GBP", "USD", "USD", "EUR", "USD", "CAD", "USD", "USD")
CENT = Decimal("0.01")


def _money(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _address(rng: random.Random, currency: str) -> tuple[str, ...]:
    number = rng.randint(12, 9800)
    if currency == "GBP":
        street, city, post = rng.choice(UK_ADDRESSES)
        return (f"{number % 200 + 1} {street}", f"{city} {post}")
    if currency == "EUR":
        street, city, post, country = rng.choice(EU_ADDRESSES)
        return (f"{street} {number % 300 + 1}", f"{post} {city}", country)
    if currency == "CAD":
        street, city, prov, post = rng.choice(CA_ADDRESSES)
        return (f"{number} {street}", f"{city}, {prov} {post}")
    city, state, zipc = rng.choice(US_CITIES)
    return (f"{number} {rng.choice(US_STREETS)}", f"{city}, {state} {zipc}")


def _phone(rng: random.Random, currency: str) -> str:
    a, b, c = rng.randint(200, 989), rng.randint(200, 989), rng.randint(1000, 9999)
    if currency == "GBP":
        return f"+44 20 7946 {c:04d}"
    if currency == "EUR":
        return f"+31 20 {b} {c:04d}"
    return rng.choice([f"({a}) 555-{c:04d}", f"{a}-555-{c:04d}", f"{a}.555.{c:04d}"])


def _contractor(rng: random.Random, trade: str, currency: str) -> PartySpec:
    t = TRADES[trade]
    suffix = "Ltd" if currency == "GBP" else ("B.V." if currency == "EUR" else rng.choice(SUFFIXES))
    name = f"{rng.choice(COMPANY_STEMS)} {rng.choice(t.company_words)}, {suffix}"
    if rng.random() < 0.4:
        name = name.replace(",", "")
    person = _person(rng)
    domain = _slug(name.split(",")[0].split(" ")[0] + name.split(" ")[1]) + ".com"
    tld = {"GBP": ".co.uk", "EUR": ".eu", "CAD": ".ca"}.get(currency)
    if tld:
        domain = domain.removesuffix(".com") + tld
    first = person.split()[0].lower()
    return PartySpec(
        name=name,
        contact=person,
        email=rng.choice([f"{first}@{domain}", f"estimating@{domain}", f"office@{domain}"]),
        phone=_phone(rng, currency),
        address=_address(rng, currency),
        title=rng.choice(["President", "Project Manager", "Estimator", "Owner", "Director"]),
        signer=person,
    )


def _client(rng: random.Random, kind: str, currency: str) -> PartySpec:
    if kind in ("award", "bid_form"):
        agency = rng.choice(AGENCIES)
        contact = _person(rng)
        dom = _slug(agency.split(" of ")[-1].split()[0]) + ".gov"
        return PartySpec(
            name=agency,
            contact=contact,
            email=f"purchasing@{dom}",
            phone=_phone(rng, currency),
            address=_address(rng, currency),
            title=rng.choice(
                ["Mayor", "Director of Public Works", "Purchasing Manager", "Board President"]
            ),
            signer=contact,
        )
    if kind in ("proposal", "quote") and rng.random() < 0.45:
        person = _person(rng)
        if rng.random() < 0.3:
            first2 = rng.choice(FIRST_NAMES)
            person = f"{person.split()[0]} and {first2} {person.split()[1]}"
        email = f"{person.split()[0].lower()}.{person.split()[-1].lower()}@example.com"
        return PartySpec(
            name=person,
            is_person=True,
            email=email if rng.random() < 0.6 else None,
            phone=_phone(rng, currency) if rng.random() < 0.6 else None,
            address=_address(rng, currency),
            title="Homeowner",
            signer=f"{person.split()[0]} {person.split()[-1]}",
        )
    org = rng.choice(CLIENT_ORGS)
    suffix = {"GBP": " Ltd", "EUR": " B.V."}.get(currency, rng.choice(["", ", LLC", ", Inc."]))
    contact = _person(rng)
    dom = _slug(org.split()[0]) + {"GBP": ".co.uk", "EUR": ".eu", "CAD": ".ca"}.get(
        currency, ".com"
    )
    return PartySpec(
        name=org + suffix,
        contact=contact,
        email=f"{contact.split()[0].lower()}@{dom}" if rng.random() < 0.7 else None,
        phone=_phone(rng, currency) if rng.random() < 0.6 else None,
        address=_address(rng, currency),
        title=rng.choice(
            ["Facilities Manager", "Managing Partner", "COO", "Property Manager", "Office Manager"]
        ),
        signer=contact,
    )


def _amount(rng: random.Random, low: int, high: int) -> Decimal:
    step = rng.choice([10, 25, 50, 5])
    return Decimal(rng.randrange(low // step, high // step + 1) * step)


def _schedule(rng: random.Random, total: Decimal, kind: str) -> list[Milestone]:
    plans: list[list[tuple[str, int]]] = [
        [("Deposit upon signing", 30), ("Upon rough-in inspection", 40), ("Upon completion", 30)],
        [("Deposit due at contract signing", 50), ("Balance due upon completion", 50)],
        [
            ("Down payment", 25),
            ("Material delivery", 25),
            ("Substantial completion", 40),
            ("Final walkthrough", 10),
        ],
        [
            ("Deposit", 10),
            ("Start of work", 30),
            ("At 50% completion", 30),
            ("Final completion", 30),
        ],
    ]
    if kind in ("sow", "services"):
        plans = [
            [
                ("Upon execution of this SOW", 30),
                ("Design sign-off", 30),
                ("Go-live", 30),
                ("Final acceptance", 10),
            ],
            [("Project kickoff", 40), ("Migration complete", 40), ("Acceptance", 20)],
        ]
    plan = rng.choice(plans)
    out: list[Milestone] = []
    running = Decimal("0")
    for i, (name, pct) in enumerate(plan):
        amt = (total - running) if i == len(plan) - 1 else _money(total * pct / 100)
        running += amt
        out.append(Milestone(name, Decimal(pct), amt))
    return out


def build_spec(rng: random.Random, index: int) -> Spec:
    """The ``index``-th document of a corpus (kind, trade and currency rotate with it)."""
    kind = KINDS[index % len(KINDS)]
    trades = _KIND_TRADES[kind]
    trade = trades[(index // len(KINDS) + rng.randrange(len(trades))) % len(trades)]
    t = TRADES[trade]
    currency = _CURRENCY_CYCLE[index % len(_CURRENCY_CYCLE)]
    if kind in ("award", "bid_form") and currency == "EUR":
        currency = "USD"
    day_first = currency in ("GBP", "EUR")
    styles = list(DAY_FIRST_STYLES if day_first else MONTH_FIRST_STYLES)
    main = rng.choice(styles)
    second = rng.choice(styles)
    date_styles = (main, second)

    contractor = _contractor(rng, trade, currency)
    client = _client(rng, kind, currency)
    short = client.name.split()[-1] if client.is_person else client.name.split()[0]
    project = rng.choice(t.projects).format(client=short)
    site = ", ".join(_address(rng, currency)) if rng.random() < 0.85 else None

    # dates --------------------------------------------------------------------------------
    proposal = date(2026, 1, 1) + timedelta(days=rng.randrange(0, 170))
    if day_first and proposal.day <= 12:
        proposal = proposal.replace(day=rng.randint(13, 28))
    spec = Spec(
        stem="",
        kind=kind,
        trade=trade,
        currency=currency,
        day_first=day_first,
        date_styles=date_styles,
        money_style=rng.randrange(3),
        client=client,
        contractor=contractor,
        project_name=project if rng.random() < 0.9 else None,
        site_address=site,
        proposal_date=proposal,
    )
    if day_first and main not in ("numeric_uk", "dotted"):
        # the proposal date (day >= 13) is written all-numeric: one date settles the order
        spec.date_styles = ("numeric_uk", main)
    r = rng.random()
    if kind in ("quote", "proposal", "bid_form") and r < 0.3:
        spec.valid_days = rng.choice([30, 45, 60, 90])
    elif kind in ("quote", "proposal", "sow") and r < 0.85:
        spec.valid_until = proposal + timedelta(days=rng.choice([30, 30, 45, 60]))

    start = proposal + timedelta(days=rng.randint(10, 50))
    mode = rng.random()
    if kind in ("agreement", "sow", "services") and rng.random() < 0.8:
        mode = 0.0  # contracts nearly always state their dates
    if kind == "award":
        spec.completion_relative = (
            f"within {rng.choice([90, 120, 150, 180])} calendar days of the Notice to Proceed"
        )
    elif kind == "bid_form":
        spec.completion_relative = (
            f"within {rng.choice([60, 90, 120])} calendar days of the Notice to Proceed"
        )
    elif mode < 0.55:
        spec.start = start
        spec.completion = start + timedelta(days=rng.randint(21, 140))
        if kind == "agreement" or (kind in ("proposal", "services") and rng.random() < 0.5):
            spec.substantial_completion = spec.completion - timedelta(days=rng.randint(7, 21))
    elif mode < 0.65:
        spec.start = start
        spec.completion_days_after_start = rng.choice([30, 45, 60, 90])
    elif mode < 0.72:
        spec.start_tbd = True
        spec.completion_relative = f"within {rng.choice([20, 30, 60])} working days of start"
    elif mode < 0.85:
        spec.start_relative = rng.choice(
            [
                "within 10 business days of receipt of the deposit",
                "within two weeks of permit issuance",
                "within 5 business days of the Notice to Proceed",
            ]
        )
        spec.completion_relative = f"within {rng.choice([30, 45, 60, 90])} calendar days of start"
    # else: no schedule stated at all

    # money --------------------------------------------------------------------------------
    n_items = rng.randint(3, min(8, len(t.line_items)))
    lines = [MoneyLine(d, _amount(rng, lo, hi)) for d, lo, hi in rng.sample(t.line_items, n_items)]
    subtotal = sum((li.amount for li in lines), Decimal("0"))
    show_items = kind in ("quote", "services") or (
        kind in ("proposal", "sow", "agreement") and rng.random() < 0.5
    )
    if trade == "fitout" and kind in ("proposal", "agreement"):
        # a long schedule of values, in CSI order, that runs across a page break
        picked = sorted(rng.sample(SCHEDULE_OF_VALUES, rng.randint(18, len(SCHEDULE_OF_VALUES))))
        lines = [MoneyLine(d, _amount(rng, lo, hi)) for d, lo, hi in picked]
        subtotal = sum((li.amount for li in lines), Decimal("0"))
        show_items = True
    tax_rate: Decimal | None = None
    if kind in ("quote", "proposal") and show_items and rng.random() < 0.6:
        tax_rate = {"GBP": Decimal("20"), "EUR": Decimal("21"), "CAD": Decimal("13")}.get(
            currency, rng.choice([Decimal("6.25"), Decimal("7.5"), Decimal("8.25")])
        )
    if show_items:
        spec.line_items = lines
        spec.subtotal = subtotal if (tax_rate is not None or rng.random() < 0.5) else None
        if tax_rate is not None:
            spec.tax_rate = tax_rate
            spec.tax = _money(subtotal * tax_rate / 100)
    spec.total = subtotal + (spec.tax or Decimal("0"))
    spec.total_in_words = kind in ("agreement", "bid_form", "award") or rng.random() < 0.25

    if kind != "award" and kind != "quote" and rng.random() < 0.65:
        spec.payment_schedule = _schedule(rng, spec.total, kind)
        first = spec.payment_schedule[0]
        if any(w in first.milestone.lower() for w in ("deposit", "down payment", "execution")):
            spec.deposit = first.amount
    elif kind in ("quote", "proposal") and rng.random() < 0.5:
        spec.deposit = _money(
            spec.total * rng.choice([Decimal(25), Decimal(30), Decimal(50)]) / 100
        )
    if kind in ("agreement", "bid_form", "award") or (kind == "proposal" and rng.random() < 0.2):
        spec.retainage_percent = rng.choice([Decimal(5), Decimal(10), Decimal(10)])
    if rng.random() < 0.6 or kind in ("sow", "services"):
        spec.payment_terms = rng.choice(
            ["Net 30", "Net 15", "Due upon receipt", "Net 45", "Net 30 days"]
        )

    if kind == "bid_form" or (kind in ("proposal", "agreement") and rng.random() < 0.4):
        n = rng.randint(1, len(t.alternates))
        for desc, lo, hi in rng.sample(t.alternates, n):
            accepted = None if kind == "bid_form" else rng.choice([True, False, None])
            spec.alternates.append(Alternate(desc, _amount(rng, lo, hi), accepted))
    if t.allowances and kind in ("proposal", "agreement", "quote") and rng.random() < 0.5:
        for desc, unit, lo, hi in rng.sample(t.allowances, rng.randint(1, len(t.allowances))):
            amt = _amount(rng, lo, hi)
            rate = format(Decimal(rng.randint(2, 90)) + Decimal("0.50"), "f")
            spec.allowances.append(MoneyLine(desc, amt, unit_rate=f"{rate}/{unit}"))

    # scope --------------------------------------------------------------------------------
    if kind not in ("award", "bid_form") and (kind != "quote" or rng.random() < 0.6):
        spec.inclusions = rng.sample(t.inclusions, rng.randint(3, min(8, len(t.inclusions))))
    if kind not in ("award",) and rng.random() < 0.85:
        spec.exclusions = rng.sample(t.exclusions, rng.randint(2, min(5, len(t.exclusions))))
    if kind in ("proposal", "sow", "services", "agreement") and rng.random() < 0.6:
        spec.assumptions = rng.sample(t.assumptions, rng.randint(1, len(t.assumptions)))
    if (
        t.owner_items
        and kind in ("proposal", "agreement", "sow", "services")
        and rng.random() < 0.4
    ):
        spec.owner_responsibilities = rng.sample(t.owner_items, rng.randint(1, len(t.owner_items)))
    if kind != "award" and rng.random() < 0.75:
        spec.warranty_months = rng.choice(t.warranty_months)

    # signatures ---------------------------------------------------------------------------
    sign_day = proposal + timedelta(days=rng.randint(1, 9))
    if kind == "award":
        spec.client_signed, spec.contractor_signed = True, rng.random() < 0.3
    elif kind == "bid_form":
        spec.client_signed, spec.contractor_signed = False, rng.random() < 0.85
    else:
        r = rng.random()
        spec.contractor_signed = r < 0.8
        spec.client_signed = r < 0.6
    if spec.client_signed and rng.random() < 0.85 and kind != "award":
        spec.client_sign_date = sign_day
    if spec.contractor_signed and rng.random() < 0.7:
        spec.contractor_sign_date = proposal if kind != "award" else sign_day
    if spec.start is not None and spec.client_sign_date and spec.client_sign_date > spec.start:
        spec.client_sign_date = spec.start - timedelta(days=3)

    # length and layout --------------------------------------------------------------------
    spec.terms_paragraphs = {
        "quote": rng.randint(0, 4),
        "bid_form": rng.randint(2, 8),
        "award": rng.randint(0, 3),
    }.get(kind, rng.choice([3, 6, 12, 24, 56, 100]))
    spec.choices = {
        name: rng.randrange(1000)
        for name in (
            "heading",
            "scope_form",
            "excl_form",
            "price_form",
            "label",
            "letterhead",
            "font",
            "sig",
            "docx_headings",
            "intro",
            "total_label",
            "terms_break",
            "warranty",
            "award_form",
            "subcontract",
            "date_line",
            "kv_table",
            "revised",
            "header",
            "parties_form",
            "qty",
            "total_sentence",
        )
    }
    # rotate a few layout choices with the index so that every corpus of 14+ documents shows
    # each of them at least once per kind, whatever the random draws
    round_ = index // len(KINDS)
    spec.choices.update(parties_form=round_, revised=round_ % 2, qty=round_, header=round_ + 1)
    spec.extra = {
        "bid_opened": (proposal - timedelta(days=rng.randint(10, 30))).isoformat(),
        "msa_date": date(
            2024 + rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28)
        ).isoformat(),
        "license_no": f"{rng.randint(100000, 999999)}",
        "license_expiry": date(2027, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
        "revision": date(2025, rng.randint(1, 12), 1).isoformat(),
        "hourly": str(rng.randint(*t.hourly_rate)),
        "doc_no": f"{rng.randint(1000, 9999)}",
        "resolution_no": f"2026-{rng.randint(10, 199):03d}",
        "budget": str(int(spec.total * Decimal("1.15") // 1000 * 1000)),
        "bond_percent": str(rng.choice([5, 10])),
        "ld_per_day": str(rng.choice([250, 500, 750, 1000])),
        "envelope": "".join(rng.choice("0123456789ABCDEF") for _ in range(32)),
        "earlier": (proposal - timedelta(days=rng.randint(12, 60))).isoformat(),
    }
    if kind == "award":
        for _ in range(rng.randint(2, 4)):
            other = (
                f"{rng.choice(COMPANY_STEMS)} {rng.choice(t.company_words)}, {rng.choice(SUFFIXES)}"
            )
            spec.other_bids.append(
                (other, _money(spec.total * Decimal(rng.randint(103, 131)) / 100))
            )
    return spec
