"""What one generated document says, independent of how it is laid out.

A ``Spec`` is the single source of both the document (through ``compose`` and a renderer) and its
gold file (through ``gold``). A value that is ``None`` is not stated in the document; compose
writes every value that is set, so the gold never claims something the text does not say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

__all__ = ["Alternate", "Milestone", "MoneyLine", "PartySpec", "Spec"]


@dataclass
class PartySpec:
    name: str
    contact: str | None = None  # person to talk to ("Attn: ...")
    email: str | None = None
    phone: str | None = None
    address: tuple[str, ...] = ()
    is_person: bool = False  # a homeowner: the name is a person, there is no separate contact
    title: str | None = None  # signer's title
    signer: str | None = None  # who signs for the party


@dataclass
class MoneyLine:
    description: str
    amount: Decimal
    quantity: str | None = None  # "2 ea", "1,850 sq ft"
    unit_rate: str | None = None  # "$6.50/sq ft" (an allowance rate: a decoy amount)


@dataclass
class Milestone:
    milestone: str
    percent: Decimal
    amount: Decimal


@dataclass
class Alternate:
    description: str
    amount: Decimal
    accepted: bool | None  # None: the document does not say


@dataclass
class Spec:
    stem: str
    kind: str  # proposal | quote | bid_form | agreement | sow | services | award
    trade: str  # remodel | roofing | hvac | electrical | landscaping | fitout | managed_it
    currency: str
    day_first: bool
    date_styles: tuple[str, ...]  # first = main style, others used for some fields
    money_style: int
    client: PartySpec
    contractor: PartySpec
    project_name: str | None
    site_address: str | None
    proposal_date: date
    valid_until: date | None = None
    valid_days: int | None = None  # "pricing valid for 30 days" (no date stated)
    start: date | None = None
    start_relative: str | None = None  # "within 10 business days of deposit"
    start_tbd: bool = False  # "Start date: TBD" (the document leaves it open)
    substantial_completion: date | None = None
    completion: date | None = None
    completion_relative: str | None = None  # "within 90 calendar days of Notice to Proceed"
    completion_days_after_start: int | None = None  # resolvable against a stated start
    line_items: list[MoneyLine] = field(default_factory=list)
    subtotal: Decimal | None = None
    tax: Decimal | None = None
    tax_rate: Decimal | None = None
    total: Decimal = Decimal("0")
    total_in_words: bool = False
    deposit: Decimal | None = None
    retainage_percent: Decimal | None = None
    payment_terms: str | None = None
    payment_schedule: list[Milestone] = field(default_factory=list)
    alternates: list[Alternate] = field(default_factory=list)
    allowances: list[MoneyLine] = field(default_factory=list)
    inclusions: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    owner_responsibilities: list[str] = field(default_factory=list)
    warranty_months: int | None = None
    client_signed: bool = False
    contractor_signed: bool = False
    client_sign_date: date | None = None
    contractor_sign_date: date | None = None
    terms_paragraphs: int = 4  # length of the boilerplate (drives page count)
    # layout choices, drawn once so both formats agree
    choices: dict[str, int] = field(default_factory=dict)
    # extra facts a kind needs (bid opening date, other bidders, resolution number …)
    extra: dict[str, str] = field(default_factory=dict)
    other_bids: list[tuple[str, Decimal]] = field(default_factory=list)
