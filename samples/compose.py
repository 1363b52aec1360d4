"""Turn a ``Spec`` into a ``Layout``: wording, section order and form per document kind.

Every value set in the spec is written somewhere; nothing else that could pass for it is,
except the deliberate decoys (insurance limits, hourly rates, licence expiry, other bidders).
All variation comes from ``spec.choices`` and a generator seeded from the spec, so composing
the same spec twice gives the same blocks.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from samples.boiler import Decoys, terms_paragraphs
from samples.layout import (
    Block,
    Bullets,
    Heading,
    KeyValues,
    Layout,
    Letterhead,
    PageBreak,
    Para,
    SigBlock,
    Signatures,
    Small,
    Table,
    Title,
)
from samples.spec import Spec
from samples.textfmt import format_date, format_money, money_words, number_words

__all__ = ["compose"]

_INCL = ("Scope of Work", "Work Included", "Our Scope", "Inclusions", "Scope of Work Included")
_EXCL = ("Exclusions", "Not Included", "Items Not Included", "Work Excluded", "Exclusions")
_ASSUME = ("Clarifications", "Assumptions", "Qualifications", "Clarifications and Assumptions")
_PAY = ("Payment Schedule", "Payment Terms", "Terms of Payment", "Payment")
_PRICE = ("Price", "Pricing", "Investment", "Project Cost", "Your Investment")
_SCHED = ("Schedule", "Project Schedule", "Timeline", "Time of Performance")
_TERMS = ("Terms and Conditions", "Terms", "General Conditions", "Standard Terms and Conditions")
_TOTAL = (
    "Total",
    "Total Contract Price",
    "Total Investment",
    "Grand Total",
    "Lump Sum Price",
    "Total Project Cost",
    "Contract Price",
    "Project Total",
    "Total Amount",
    "Total Price",
)
_OWNER = ("Owner Responsibilities", "By Owner", "Client Responsibilities", "Owner to Provide")


def _lower1(text: str) -> str:
    """Lower-case the first letter only ("Upon execution of this SOW" keeps "SOW")."""
    return text[:1].lower() + text[1:]


class _Writer:
    """Formatting helpers bound to one spec."""

    def __init__(self, spec: Spec) -> None:
        self.s = spec
        self.rng = random.Random(f"{spec.stem}|{sorted(spec.choices.items())}")
        self.blocks: list[Block] = []

    # values ----------------------------------------------------------------------------------
    def m(self, amount: Decimal) -> str:
        return format_money(amount, self.s.currency, self.s.money_style)

    def d(self, value: date, which: int = 0) -> str:
        return format_date(value, self.s.date_styles[which % len(self.s.date_styles)])

    def words(self, amount: Decimal) -> str:
        style = "fraction" if self.s.choices["price_form"] % 2 else "and"
        return f"{money_words(amount, self.s.currency, cents_style=style)} ({self.m(amount)})"

    def pick(self, options: tuple[str, ...], key: str) -> str:
        return options[self.s.choices[key] % len(options)]

    def heading(
        self, options: tuple[str, ...], key: str = "heading", number: int | None = None
    ) -> None:
        text = self.pick(options, key) if len(options) > 1 else options[0]
        style = self.s.choices["heading"] % 3
        if style == 1:
            text = text.upper()
        if number is not None and style == 2:
            text = f"{number}. {text}"
        self.blocks.append(Heading(text))

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    # parts -----------------------------------------------------------------------------------
    def letterhead(self) -> None:
        c = self.s.contractor
        lines = list(c.address)
        contact = [x for x in (c.phone and f"Tel. {c.phone}", c.email) if x]
        if contact:
            lines.append("  |  ".join(contact))
        if self.s.choices["letterhead"] % 3 != 0:
            lic = date.fromisoformat(self.s.extra["license_expiry"])
            lines.append(f"License No. {self.s.extra['license_no']} (exp. {self.d(lic, 1)})")
        self.add(Letterhead(c.name, tuple(lines)))

    def client_lines(self) -> list[str]:
        c = self.s.client
        lines = [c.name]
        if c.contact and not c.is_person:
            lines.append(f"Attn: {c.contact}")
        lines.extend(c.address)
        if c.email:
            lines.append(f"Email: {c.email}")
        if c.phone:
            lines.append(f"Phone: {c.phone}")
        return lines

    def project_lines(self) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        if self.s.project_name:
            rows.append(
                (self.pick(("Project", "Project Name", "Re", "Job"), "label"), self.s.project_name)
            )
        if self.s.site_address:
            rows.append(
                (
                    self.pick(
                        (
                            "Project Address",
                            "Job Site",
                            "Site Address",
                            "Location of Work",
                            "Property Address",
                        ),
                        "label",
                    ),
                    self.s.site_address,
                )
            )
        return rows

    def item_list(self, items: list[str], key: str, header: str = "Description") -> None:
        form = self.s.choices[key] % 5
        if form == 0:
            self.add(Bullets(tuple(items), marker=self.rng.choice(["•", "-", "–"])))
        elif form == 1:
            self.add(
                Bullets(tuple(items), numbered=True, number_style=self.rng.choice(["1.", "1)"]))
            )
        elif form == 2:
            rows = tuple((str(i + 1), text) for i, text in enumerate(items))
            self.add(Table(("Item", header), rows, widths=(0.1, 0.9)))
        elif form == 3:
            letters = "abcdefghijklmnop"
            for i, text in enumerate(items):
                self.add(Para(f"({letters[i]}) {text}."))
        else:
            self.add(Bullets(tuple(items), marker="•"))

    def scope(
        self,
        incl_headings: tuple[str, ...] = _INCL,
        excl_headings: tuple[str, ...] = _EXCL,
        number: int = 1,
    ) -> int:
        s = self.s
        if s.inclusions:
            self.heading(incl_headings, "scope_form", number)
            if self.s.choices["intro"] % 2:
                self.add(Para("The following work is included:"))
            self.item_list(s.inclusions, "scope_form")
            number += 1
        if s.exclusions:
            self.heading(excl_headings, "excl_form", number)
            if self.s.choices["intro"] % 3 == 0:
                self.add(Para("The following items are specifically excluded from this proposal:"))
            self.item_list(s.exclusions, "excl_form")
            number += 1
        if s.assumptions:
            self.heading(_ASSUME, "label", number)
            self.item_list(s.assumptions, "excl_form")
            number += 1
        if s.owner_responsibilities:
            self.heading(_OWNER, "label", number)
            self.item_list(s.owner_responsibilities, "scope_form")
            number += 1
        return number

    def _quantity(self, amount: Decimal) -> tuple[int, str]:
        """A quantity that divides the amount into a unit price with whole cents."""
        options = [q for q in (2, 4, 5, 10, 12, 20) if (amount * 100) % q == 0]
        if not options or self.rng.random() < 0.3:
            return 1, self.rng.choice(["LS", "lot", "job"])
        return self.rng.choice(options), self.rng.choice(["ea", "hrs", "units", "days"])

    def line_item_table(self) -> None:
        s = self.s
        with_qty = s.kind == "quote" and s.choices["qty"] % 2 == 0
        if len(s.line_items) > 12:
            self.add(Para("The contract sum is made up of the following schedule of values:"))
        rows: list[tuple[str, ...]] = []
        for i, li in enumerate(s.line_items):
            if with_qty:
                qty, unit = self._quantity(li.amount)
                rows.append(
                    (
                        str(i + 1),
                        li.description,
                        str(qty),
                        unit,
                        self.m(li.amount / qty),
                        self.m(li.amount),
                    )
                )
            else:
                rows.append((str(i + 1), li.description, self.m(li.amount)))
        pad = ("", "", "") if with_qty else ()
        bold: list[int] = []
        if s.subtotal is not None:
            rows.append(("", "Subtotal", *pad, self.m(s.subtotal)))
        if s.tax is not None and s.tax_rate is not None:
            label = "VAT" if s.currency in ("GBP", "EUR") else "Sales Tax"
            rows.append(
                ("", f"{label} ({format(s.tax_rate.normalize(), 'f')}%)", *pad, self.m(s.tax))
            )
        bold.append(len(rows))
        rows.append(("", self.pick(_TOTAL, "total_label"), *pad, self.m(s.total)))
        if with_qty:
            self.add(
                Table(
                    ("No.", "Description", "Qty", "Unit", "Unit Price", "Amount"),
                    tuple(rows),
                    widths=(0.06, 0.46, 0.08, 0.08, 0.16, 0.16),
                    bold_rows=tuple(bold),
                    align_right=(2, 4, 5),
                )
            )
        else:
            self.add(
                Table(
                    ("No.", "Description", "Amount"),
                    tuple(rows),
                    widths=(0.08, 0.67, 0.25),
                    bold_rows=tuple(bold),
                    align_right=(2,),
                )
            )

    def price_statement(self) -> None:
        s = self.s
        total_text = self.words(s.total) if s.total_in_words else self.m(s.total)
        form = s.choices["price_form"] % 3
        if s.line_items and (form != 2 or len(s.line_items) > 12):
            self.line_item_table()
            if s.total_in_words:
                self.add(Para(f"Total price: {total_text}."))
            return
        if s.line_items:  # list form with amounts
            self.add(
                Bullets(tuple(f"{li.description}: {self.m(li.amount)}" for li in s.line_items))
            )
            if s.subtotal is not None:
                self.add(Para(self.m(s.subtotal), label="Subtotal: "))
            if s.tax is not None:
                self.add(Para(self.m(s.tax), label="Tax: "))
        label = self.pick(_TOTAL, "total_label")
        if form == 0:
            self.add(Para(total_text, label=f"{label}: "))
            return
        sentences = (
            f"We propose to furnish all labor, material and equipment to complete the work "
            f"described above for the {label.lower()} of {total_text}.",
            f"Our price to complete the above scope of work is {total_text}.",
            f"The Client agrees to pay {s.contractor.name} the sum of {total_text} for the work "
            "described in this proposal.",
            f"All of the above work will be completed in a professional manner for the lump sum "
            f"of {total_text}, including labor, materials and disposal.",
        )
        self.add(Para(sentences[s.choices["total_sentence"] % len(sentences)]))

    def alternates(self) -> None:
        s = self.s
        if not s.alternates:
            return
        self.heading(("Alternates", "Options", "Alternates and Options"), "label")
        rows = []
        for i, a in enumerate(s.alternates):
            state = {True: "Accepted", False: "Declined", None: ""}[a.accepted]
            rows.append((f"Alt. {i + 1}", a.description, f"Add {self.m(a.amount)}", state))
        self.add(
            Table(
                ("No.", "Description", "Amount", "Accepted / Declined"),
                tuple(rows),
                widths=(0.1, 0.5, 0.2, 0.2),
                align_right=(2,),
            )
        )

    def allowances(self) -> None:
        s = self.s
        if not s.allowances:
            return
        self.heading(("Allowances",), "label")
        items = []
        for a in s.allowances:
            rate = ""
            if a.unit_rate:
                amount, unit = a.unit_rate.split("/")
                rate = f" (figured at {self.m(Decimal(amount))} per {unit})"
            items.append(f"{a.description} allowance: {self.m(a.amount)}{rate}")
        self.add(Bullets(tuple(items)))
        self.add(
            Para(
                "Allowances are included in the price; actual costs above or below the "
                "allowance will be adjusted by change order."
            )
        )

    def payment(self, number: int | None = None) -> None:
        s = self.s
        if not (s.payment_schedule or s.deposit or s.retainage_percent or s.payment_terms):
            return
        self.heading(_PAY, "label", number)
        if s.payment_schedule:
            form = s.choices["sig"] % 3
            if form == 0:
                rows = tuple(
                    (m.milestone, f"{m.percent}%", self.m(m.amount)) for m in s.payment_schedule
                )
                self.add(
                    Table(
                        ("Milestone", "Percent", "Amount"),
                        rows,
                        widths=(0.6, 0.15, 0.25),
                        align_right=(1, 2),
                    )
                )
            elif form == 1:
                self.add(
                    Bullets(
                        tuple(
                            f"{m.percent}% {_lower1(m.milestone)}: {self.m(m.amount)}"
                            for m in s.payment_schedule
                        )
                    )
                )
            else:
                parts = [
                    f"{m.percent}% ({self.m(m.amount)}) {_lower1(m.milestone)}"
                    for m in s.payment_schedule
                ]
                self.add(
                    Para(
                        "Payments shall be made as follows: "
                        + "; ".join(parts[:-1])
                        + f"; and {parts[-1]}."
                    )
                )
        if s.deposit is not None and not (
            s.payment_schedule and s.payment_schedule[0].amount == s.deposit
        ):
            self.add(Para(f"A deposit of {self.m(s.deposit)} is required to schedule the work."))
        if s.retainage_percent is not None:
            self.add(
                Para(
                    f"Retainage of {s.retainage_percent}% will be withheld from each progress "
                    "payment and released upon final completion and acceptance."
                )
            )
        if s.payment_terms:
            self.add(Para(f"{s.payment_terms}.", label="Payment terms: "))

    def schedule(self, number: int | None = None) -> None:
        s = self.s
        lines: list[str] = []
        if s.start:
            lines.append(
                self.rng.choice(
                    [
                        f"Anticipated start date: {self.d(s.start)}.",
                        f"Work is scheduled to commence on {self.d(s.start)}.",
                        f"Start date: {self.d(s.start)}.",
                    ]
                )
            )
        if s.start_relative:
            lines.append(f"Work will begin {s.start_relative}.")
        if s.start_tbd:
            lines.append(
                self.rng.choice(
                    [
                        "Start date: TBD, to be scheduled upon receipt of permits.",
                        "Start date to be determined once materials are confirmed.",
                        "Commencement: to be agreed with the client.",
                    ]
                )
            )
        if s.substantial_completion:
            lines.append(
                f"Substantial completion shall be achieved no later than "
                f"{self.d(s.substantial_completion, 1)}."
            )
        if s.completion:
            lines.append(
                self.rng.choice(
                    [
                        f"Final completion: {self.d(s.completion, 1)}.",
                        f"The work will be complete by {self.d(s.completion, 1)}.",
                        f"Estimated completion date: {self.d(s.completion, 1)}.",
                    ]
                )
            )
        if s.completion_days_after_start:
            n = s.completion_days_after_start
            lines.append(f"The work will be completed within {n} calendar days of the start date.")
        if s.completion_relative:
            lines.append(f"Completion {s.completion_relative}.")
        if not lines:
            return
        self.heading(_SCHED, "label", number)
        for line in lines:
            self.add(Para(line))

    def validity(self) -> None:
        s = self.s
        if s.valid_until:
            self.add(
                Para(
                    self.rng.choice(
                        [
                            f"This proposal is valid until {self.d(s.valid_until, 1)}.",
                            f"Pricing is valid through {self.d(s.valid_until, 1)}.",
                            f"Offer expires {self.d(s.valid_until, 1)}.",
                        ]
                    )
                )
            )
        if s.valid_days:
            self.add(Para(f"Pricing valid for {s.valid_days} days from the date of this proposal."))

    def warranty(self) -> None:
        n = self.s.warranty_months
        if n is None:
            return
        if n % 12 == 0 and self.s.choices["warranty"] % 2:
            y = n // 12
            span = f"{number_words(y).lower()} ({y}) year{'s' if y > 1 else ''}"
        else:
            span = f"{number_words(n).lower()} ({n}) months"
        self.heading(("Warranty", "Guarantee", "Workmanship Warranty"), "warranty")
        self.add(
            Para(
                f"Contractor warrants its workmanship for a period of {span} from the date "
                "of completion. Manufacturer warranties are passed through to the owner."
            )
        )

    def terms(self) -> None:
        s = self.s
        if s.terms_paragraphs <= 0:
            return
        x = s.extra
        decoys = Decoys(
            hourly=f"{self.m(Decimal(x['hourly']))} per hour",
            occurrence=self.m(Decimal(1_000_000)),
            aggregate=self.m(Decimal(2_000_000)),
            auto_limit=self.m(Decimal(1_000_000)),
            late_fee=self.m(Decimal(50)),
            late_percent=self.rng.choice(["1.5%", "1%", "2%"]),
            license_expiry=self.d(date.fromisoformat(x["license_expiry"])),
            revision_date=self.d(date.fromisoformat(x["revision"]), 1),
            days_to_pay=self.rng.choice([15, 30]),
            trade_word=s.trade.replace("_", " ").replace("fitout", "construction"),
        )
        if s.choices["terms_break"] % 2 and s.terms_paragraphs > 5:
            self.add(PageBreak())
        self.heading(_TERMS, "terms_break")
        for i, (title, text) in enumerate(terms_paragraphs(self.rng, s.terms_paragraphs, decoys)):
            self.add(Para(text, label=f"{i + 1}. {title}. ", align="justify"))

    def signatures(
        self, client_label: str, contractor_label: str, preamble: str | None = None
    ) -> None:
        s = self.s
        style = s.choices["sig"] % 3

        def mark(name: str | None) -> str | None:
            if not name:
                return None
            return ("/s/ " + name, name, f"Electronically signed by {name}")[style]

        client = SigBlock(
            heading=client_label,
            company=None if s.client.is_person else s.client.name,
            signature=mark(s.client.signer) if s.client_signed else None,
            name=s.client.signer if s.client_signed else None,
            title=s.client.title if s.client_signed and not s.client.is_person else None,
            date=self.d(s.client_sign_date) if s.client_sign_date else None,
        )
        contractor = SigBlock(
            heading=contractor_label,
            company=s.contractor.name,
            signature=mark(s.contractor.signer) if s.contractor_signed else None,
            name=s.contractor.signer,
            title=s.contractor.title,
            date=self.d(s.contractor_sign_date) if s.contractor_sign_date else None,
        )
        order = (contractor, client) if s.choices["sig"] % 2 else (client, contractor)
        self.add(Signatures(order, side_by_side=s.choices["sig"] % 4 != 3, preamble=preamble))


# --- kinds ------------------------------------------------------------------------------------
def _proposal(w: _Writer) -> None:
    s = w.s
    w.letterhead()
    w.add(
        Title(
            w.pick(
                ("PROPOSAL", "Proposal", "PROPOSAL AND CONTRACT", "Project Proposal"), "heading"
            ),
            f"Proposal No. {s.extra['doc_no']}",
        )
    )
    w.add(
        Para(
            w.d(s.proposal_date),
            label=w.pick(("Date: ", "Proposal Date: ", "Issued: "), "date_line"),
        )
    )
    if s.choices["revised"] % 4 == 0:
        earlier = date.fromisoformat(s.extra["earlier"])
        w.add(Para(f"This revised proposal supersedes our proposal dated {w.d(earlier)}."))
    if s.choices["parties_form"] % 3 == 0:
        k = s.contractor
        ours = [k.name, *(x for x in (k.contact, k.phone, k.email) if x)]
        w.add(
            Table(
                ("Prepared for", "Prepared by"),
                (("\n".join(w.client_lines()), "\n".join(ours)),),
                widths=(0.5, 0.5),
            )
        )
    else:
        w.add(
            Para(
                "\n".join(w.client_lines()),
                label=w.pick(
                    ("Prepared for: ", "Submitted to: ", "Client: ", "Customer: "), "label"
                ),
            )
        )
    rows = w.project_lines()
    if rows:
        w.add(KeyValues(tuple(rows), as_table=s.choices["kv_table"] % 2 == 0))
    w.add(
        Para(
            w.rng.choice(
                [
                    f"{s.contractor.name} is pleased to submit this proposal for the work described below.",
                    "Thank you for the opportunity to quote this project. We propose the following:",
                    "We hereby submit specifications and estimates for the following work.",
                ]
            )
        )
    )
    n = w.scope()
    w.heading(_PRICE, "price_form", n)
    w.price_statement()
    w.alternates()
    w.allowances()
    w.payment(n + 1)
    w.schedule(n + 2)
    w.warranty()
    w.validity()
    w.terms()
    w.heading(("Acceptance", "Acceptance of Proposal", "Authorization to Proceed"), "sig")
    w.signatures(
        w.pick(("Accepted by Client", "CUSTOMER", "OWNER", "Client Acceptance"), "sig"),
        w.pick(("Contractor", "Submitted by", "CONTRACTOR"), "sig"),
        preamble="The above prices, specifications and conditions are satisfactory and are "
        "hereby accepted. You are authorized to do the work as specified.",
    )


def _quote(w: _Writer) -> None:
    s = w.s
    w.letterhead()
    w.add(Title(w.pick(("QUOTE", "ESTIMATE", "Quotation", "Estimate"), "heading")))
    kv: list[tuple[str, str]] = [("Quote #", f"Q-{s.extra['doc_no']}")]
    kv.append(("Date", w.d(s.proposal_date)))
    if s.valid_until:
        kv.append(("Valid until", w.d(s.valid_until, 1)))
    w.add(KeyValues(tuple(kv), as_table=True))
    w.add(
        Para(
            "\n".join(w.client_lines()),
            label=w.pick(("Bill to: ", "Customer: ", "Quote for: "), "label"),
        )
    )
    rows = w.project_lines()
    if rows:
        w.add(KeyValues(tuple(rows)))
    w.line_item_table()
    if s.total_in_words:
        w.add(Para(f"Amount in words: {money_words(s.total, s.currency)}."))
    if s.valid_days:
        w.add(Para(f"Quote valid for {s.valid_days} days."))
    w.allowances()
    if s.inclusions:
        w.add(Para("", label="Includes:"))
        w.item_list(s.inclusions, "scope_form")
    if s.exclusions:
        w.add(
            Para(
                "", label=w.pick(("Not included:", "Exclusions:", "Does not include:"), "excl_form")
            )
        )
        w.item_list(s.exclusions, "excl_form")
    w.payment()
    w.schedule()
    w.warranty()
    w.terms()
    w.signatures("Accepted by", "Estimator")


def _parties_preamble(w: _Writer, client_role: str, contractor_role: str, doc: str) -> None:
    s = w.s
    c, k = s.client, s.contractor
    when = (
        f"this {number_words(s.proposal_date.day).lower()} day of "
        f"{s.proposal_date.strftime('%B')}, {s.proposal_date.year}"
        if s.choices["date_line"] % 3 == 0
        else f"as of {w.d(s.proposal_date)}"
    )
    w.add(
        Para(
            f"This {doc} is made {when} by and between {c.name}, {', '.join(c.address)} "
            f"(\u201c{client_role}\u201d), and {k.name}, {', '.join(k.address)} "
            f"(\u201c{contractor_role}\u201d).",
            align="justify",
        )
    )
    if s.choices["date_line"] % 3 == 0:
        w.add(Small(f"Effective Date: {w.d(s.proposal_date)}"))
    rows = w.project_lines()
    if rows:
        w.add(KeyValues(tuple(rows), as_table=s.choices["kv_table"] % 2 == 0))


def _notices(w: _Writer, client_role: str, contractor_role: str) -> None:
    s = w.s
    w.heading(("Notices and Contacts",), "label")
    for role, p in ((client_role, s.client), (contractor_role, s.contractor)):
        bits = [x for x in (p.contact and f"Attn: {p.contact}", p.email, p.phone) if x]
        if bits:
            w.add(Para(", ".join(bits), label=f"{role}: "))


def _agreement(w: _Writer) -> None:
    s = w.s
    sub = s.choices["subcontract"] % 3 == 0
    client_role, contractor_role = (
        ("Contractor", "Subcontractor") if sub else ("Owner", "Contractor")
    )
    title = (
        "SUBCONTRACT AGREEMENT"
        if sub
        else w.pick(
            (
                "CONSTRUCTION AGREEMENT",
                "AGREEMENT BETWEEN OWNER AND CONTRACTOR",
                "STIPULATED SUM AGREEMENT",
            ),
            "heading",
        )
    )
    w.add(Title(title))
    _parties_preamble(w, client_role, contractor_role, "Agreement")
    w.add(Heading("ARTICLE 1 \u2013 THE WORK"))
    w.add(Para(f"{contractor_role} shall perform the following work for the project:"))
    if s.inclusions:
        w.item_list(s.inclusions, "scope_form")
    if s.exclusions:
        w.add(Heading("1.2 Exclusions", level=2))
        w.item_list(s.exclusions, "excl_form")
    if s.assumptions:
        w.add(Heading("1.3 Clarifications", level=2))
        w.item_list(s.assumptions, "excl_form")
    if s.owner_responsibilities:
        w.add(Heading(f"1.4 {client_role}'s Responsibilities", level=2))
        w.item_list(s.owner_responsibilities, "scope_form")
    w.add(Heading("ARTICLE 2 \u2013 CONTRACT SUM"))
    w.add(
        Para(
            f"{client_role} shall pay {contractor_role} for the performance of the Work the "
            f"Contract Sum of {w.words(s.total) if s.total_in_words else w.m(s.total)}, "
            "subject to additions and deductions by change order."
        )
    )
    if s.line_items:
        w.line_item_table()
    w.alternates()
    w.allowances()
    w.add(Heading("ARTICLE 3 \u2013 CONTRACT TIME"))
    w.schedule()
    w.add(
        Para(
            f"Liquidated damages of {w.m(Decimal(s.extra['ld_per_day']))} per calendar day "
            "apply for each day substantial completion is late."
        )
    )
    w.add(Heading("ARTICLE 4 \u2013 PAYMENTS"))
    w.payment()
    w.warranty()
    _notices(w, client_role, contractor_role)
    w.terms()
    w.add(
        Para(
            "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first "
            "written above."
        )
    )
    w.signatures(client_role.upper(), contractor_role.upper())


def _sow(w: _Writer) -> None:
    s = w.s
    w.letterhead()
    w.add(Title("STATEMENT OF WORK", f"SOW No. {int(s.extra['doc_no']) % 20 + 1}"))
    msa = date.fromisoformat(s.extra["msa_date"])
    role = w.pick(("Consultant", "Provider", "Vendor"), "label")
    w.add(
        Para(
            f"This Statement of Work (\u201cSOW\u201d) dated {w.d(s.proposal_date)} is entered "
            f"into under the Master Services Agreement dated {w.d(msa)} between "
            f"{s.client.name} (\u201cClient\u201d) and {s.contractor.name} (\u201c{role}\u201d)."
        )
    )
    rows = w.project_lines()
    if rows:
        w.add(KeyValues(tuple(rows), as_table=True))
    _notices(w, "Client", role)
    n = w.scope(
        ("Scope of Services", "Deliverables", "Services"),
        ("Out of Scope", "Exclusions", "Not Included"),
    )
    w.schedule(n)
    w.heading(("Fees", "Fees and Payment", "Pricing"), "price_form", n + 1)
    w.add(
        Para(
            f"The fixed fee for the services is {w.words(s.total) if s.total_in_words else w.m(s.total)}."
        )
    )
    if s.line_items:
        w.line_item_table()
    w.add(
        Para(
            f"Work requested outside this SOW is billed at "
            f"{w.m(Decimal(s.extra['hourly']))} per hour."
        )
    )
    w.payment()
    w.validity()
    w.warranty()
    w.terms()
    w.signatures("CLIENT", role.upper())


def _services(w: _Writer) -> None:
    s = w.s
    w.letterhead()
    w.add(
        Title(
            w.pick(
                (
                    "MANAGED SERVICES AGREEMENT",
                    "CONSULTING SERVICES AGREEMENT",
                    "IT SERVICES AGREEMENT",
                ),
                "heading",
            )
        )
    )
    _parties_preamble(w, "Customer", "Provider", "Services Agreement")
    _notices(w, "Customer", "Provider")
    n = w.scope(
        ("Services", "Scope of Services", "Services Included"),
        ("Excluded Services", "Out of Scope", "Not Included"),
    )
    w.heading(("Fees", "Charges", "Compensation"), "price_form", n)
    monthly = (s.total / 12).quantize(Decimal("1"))
    w.add(
        Para(
            f"Recurring services are billed monthly in advance; the equivalent of "
            f"{w.m(monthly)} per month is shown for information only."
        )
    )
    w.line_item_table()
    label = w.pick(("Total Contract Value", "Total Fees", "Total"), "total_label")
    w.add(Para(w.words(s.total) if s.total_in_words else w.m(s.total), label=f"{label}: "))
    w.add(
        Para(
            f"Additional work is billed at {w.m(Decimal(s.extra['hourly']))} per hour; "
            "emergency call-outs at one and a half times that rate."
        )
    )
    w.payment(n + 1)
    w.schedule(n + 2)
    w.add(
        Para(
            "This Agreement renews automatically for successive one-year terms unless either "
            "party gives notice of non-renewal at least 60 days before the end of the term."
        )
    )
    w.warranty()
    w.terms()
    w.signatures("CUSTOMER", "PROVIDER")


def _bid_form(w: _Writer) -> None:
    s = w.s
    c = s.client
    w.add(Title("BID FORM", s.project_name or "Public Works Project"))
    w.add(Para(f"To: {c.name}, {', '.join(c.address)}"))
    if c.contact:
        w.add(Para(", ".join(x for x in (f"Attn: {c.contact}", c.email or "", c.phone or "") if x)))
    if s.site_address:
        w.add(Para(s.site_address, label="Project location: "))
    w.add(Para(w.d(s.proposal_date), label="Bid date: "))
    opened = date.fromisoformat(s.extra["bid_opened"])
    w.add(
        Para(
            f"The undersigned Bidder acknowledges receipt of Addendum No. 1 dated {w.d(opened)} and, "
            "having examined the Contract Documents and the site, proposes to furnish all "
            "labor, materials and equipment for the work for the following prices."
        )
    )
    w.add(Heading("BASE BID"))
    w.add(Para(f"Base Bid, lump sum: {w.words(s.total)}."))
    w.alternates()
    if s.exclusions:
        w.add(Heading("Bidder's Exclusions"))
        w.item_list(s.exclusions, "excl_form")
    w.add(Heading("CONTRACT TIME"))
    w.schedule()
    w.add(
        Para(
            f"Bid security in the amount of {s.extra['bond_percent']}% of the Base Bid is "
            "enclosed. The Bidder agrees that this bid remains open for acceptance for sixty "
            "days after the bid opening."
        )
    )
    if s.valid_days:
        w.add(Para(f"Prices are firm for {s.valid_days} days."))
    w.payment()
    w.warranty()
    k = s.contractor
    w.add(Heading("BIDDER INFORMATION"))
    w.add(
        KeyValues(
            (
                ("Bidder", k.name),
                ("Address", ", ".join(k.address)),
                ("Contact", k.contact or ""),
                ("Phone", k.phone or ""),
                ("Email", k.email or ""),
                ("Contractor's License No.", s.extra["license_no"]),
            ),
            as_table=True,
        )
    )
    w.terms()
    w.signatures("OWNER (for award only)", "BIDDER")


def _award(w: _Writer) -> None:
    s = w.s
    c, k = s.client, s.contractor
    opened = date.fromisoformat(s.extra["bid_opened"])
    amount = w.words(s.total) if s.total_in_words else w.m(s.total)
    if s.choices["award_form"] % 2 == 0:
        # a notice-of-award letter on the agency's letterhead
        lines = [*c.address, " | ".join(x for x in (c.phone, c.email) if x)]
        w.add(Letterhead(c.name, tuple(lines)))
        w.add(Para(w.d(s.proposal_date)))
        w.add(Para("\n".join([k.name, *k.address, f"Attn: {k.contact}"])))
        w.add(Title("NOTICE OF AWARD"))
        if s.project_name:
            w.add(Para(s.project_name, label="Project: "))
        if s.site_address:
            w.add(Para(s.site_address, label="Location: "))
        w.add(
            Para(
                f"{c.name} has considered the bids received on {w.d(opened)} for the above "
                f"project. You are hereby notified that your bid has been accepted and the "
                f"contract is awarded to {k.name} in the amount of {amount}."
            )
        )
        w.add(
            Para(
                "You are required to execute the Agreement and furnish the Performance and "
                "Payment Bonds, each in the amount of 100% of the contract price, within ten "
                "(10) days of the date of this Notice."
            )
        )
    else:
        no = s.extra["resolution_no"]
        w.add(
            Title(
                f"RESOLUTION NO. {no}",
                f"A RESOLUTION OF THE GOVERNING BODY OF THE {c.name.upper()} AWARDING A "
                f"CONTRACT TO {k.name.upper()} FOR THE "
                f"{(s.project_name or 'PUBLIC WORKS PROJECT').upper()}",
            )
        )
        w.add(
            Para(
                f"WHEREAS, on {w.d(opened)}, the {c.name} opened sealed bids for the "
                f"{s.project_name or 'project'}"
                + (f" located at {s.site_address}" if s.site_address else "")
                + "; and"
            )
        )
        rows = [(k.name, w.m(s.total))] + [(n, w.m(a)) for n, a in s.other_bids]
        rows.sort(key=lambda r: r[0])
        w.add(Para("WHEREAS, the following bids were received:"))
        w.add(Table(("Bidder", "Bid Amount"), tuple(rows), widths=(0.65, 0.35), align_right=(1,)))
        w.add(
            Para(
                f"WHEREAS, {k.name} submitted the lowest responsive and responsible bid, and "
                f"funds of {w.m(Decimal(s.extra['budget']))} are appropriated in the capital "
                "budget for the project; and"
            )
        )
        w.add(
            Para(
                f"NOW, THEREFORE, BE IT RESOLVED that the contract is awarded to {k.name}, "
                f"{', '.join(k.address)}, in the amount of {amount}, and the "
                f"{c.title or 'Mayor'} is authorized to execute the contract."
            )
        )
        w.add(Para(f"PASSED AND ADOPTED on {w.d(s.proposal_date)}."))
        if c.contact:
            w.add(
                Para(
                    ", ".join(x for x in (c.contact, c.email or "", c.phone or "") if x),
                    label="Contact: ",
                )
            )
    w.schedule()
    w.payment()
    w.terms()
    w.signatures(c.name.upper(), "ACKNOWLEDGED BY CONTRACTOR")


_KIND_WRITERS = {
    "proposal": _proposal,
    "quote": _quote,
    "agreement": _agreement,
    "sow": _sow,
    "services": _services,
    "bid_form": _bid_form,
    "award": _award,
}


def compose(spec: Spec) -> Layout:
    """The blocks of one document."""
    w = _Writer(spec)
    _KIND_WRITERS[spec.kind](w)
    footer = None
    if spec.choices["font"] % 3 == 0:
        rev = date.fromisoformat(spec.extra["revision"])
        footer = f"{spec.contractor.name} \u00b7 Form {spec.kind[:2].upper()}-{spec.extra['doc_no'][:2]} rev. {rev.month:02d}/{rev.year}"
    if spec.kind == "award":
        footer = None
    font = "Times-Roman" if spec.choices["font"] % 2 else "Helvetica"
    header = None
    if spec.kind in ("proposal", "agreement", "services", "sow") and spec.choices["header"] % 2:
        header = f"{spec.client.name} \u2013 {spec.project_name or spec.kind.title()} \u2013 No. {spec.extra['doc_no']}"
    return Layout(blocks=w.blocks, footer=footer, font=font, header=header)
