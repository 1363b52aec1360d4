"""The handoff package (schema_version "1"): what was sold, for how much, by when, between whom.

Every extracted value is a ``Field``: a status, the normalised value, the raw text it came from,
a confidence in [0, 1], the rule (``method``) that produced it, evidence pointing back into the
document, and the other candidates that were considered. Money is a decimal string with a
currency; dates are ISO strings, partial when the document is (``2026-03``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, PlainSerializer
from pydantic import Field as PField

__all__ = [
    "Alternate",
    "Candidate",
    "Dates",
    "DocumentInfo",
    "Duration",
    "Evidence",
    "Field",
    "FieldEdit",
    "FieldStatus",
    "Flag",
    "Handoff",
    "LineItem",
    "Milestone",
    "Money",
    "MoneyItem",
    "PageInfo",
    "Parties",
    "Party",
    "PaymentMilestone",
    "Price",
    "RelativeTerm",
    "Review",
    "ReviewStatus",
    "SCHEMA_VERSION",
    "Scope",
    "ScopeItem",
    "Severity",
    "Signature",
    "Terms",
    "Warranty",
]

SCHEMA_VERSION = "1"

T = TypeVar("T")

DecimalStr = Annotated[Decimal, PlainSerializer(lambda d: format(d, "f"), return_type=str)]
IsoDate = Annotated[
    str, PField(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date, possibly partial")
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class FieldStatus(str, Enum):
    found = "found"
    stated_tbd = "stated_tbd"
    ambiguous = "ambiguous"
    not_found = "not_found"


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


class ReviewStatus(str, Enum):
    needs_review = "needs_review"
    approved = "approved"
    rejected = "rejected"


class Evidence(_Model):
    """Where a value came from: page and box for PDFs, a locator for DOCX (box is null)."""

    page: int | None = None
    bbox: list[float] | None = PField(default=None, min_length=4, max_length=4)
    start: int
    end: int
    snippet: str
    locator: str | None = None


class Money(_Model):
    amount: DecimalStr
    currency: str = PField(min_length=3, max_length=3)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,.2f}"


class Duration(_Model):
    """A length of time as written ("90 calendar days") and normalised to a count and unit."""

    value: DecimalStr
    unit: Literal["days", "business_days", "weeks", "months", "years"]
    text: str

    @property
    def days(self) -> int | None:
        factor = {"days": 1, "business_days": None, "weeks": 7, "months": None, "years": None}
        f = factor[self.unit]
        return int(self.value * f) if f else None


class Candidate(_Model, Generic[T]):
    value: T
    raw: str
    confidence: float = PField(ge=0, le=1)
    method: str
    evidence: list[Evidence] = PField(default_factory=list)


class Field(_Model, Generic[T]):
    status: FieldStatus = FieldStatus.not_found
    value: T | None = None
    raw: str | None = None
    confidence: float = PField(default=0.0, ge=0, le=1)
    method: str | None = None
    evidence: list[Evidence] = PField(default_factory=list)
    candidates: list[Candidate[T]] = PField(default_factory=list)

    @property
    def found(self) -> bool:
        return self.status is FieldStatus.found and self.value is not None


class ItemBase(_Model):
    confidence: float = PField(default=0.0, ge=0, le=1)
    method: str | None = None
    evidence: list[Evidence] = PField(default_factory=list)


# --- document ---------------------------------------------------------------------------------
class PageInfo(_Model):
    number: int
    method: Literal["text", "ocr", "empty"]
    chars: int = 0
    ocr_confidence: float | None = None
    note: str | None = None


class DocumentInfo(_Model):
    id: str = PField(description="sha256 of the file's bytes")
    file_name: str
    media_type: str
    pages: int
    ocr_pages: list[int] = PField(default_factory=list)
    reader: str
    pipeline_version: str
    processed_at: datetime
    has_tracked_changes: bool = False
    warnings: list[str] = PField(default_factory=list)


# --- parties ----------------------------------------------------------------------------------
class Party(_Model):
    name: Field[str] = PField(default_factory=Field[str])
    contact: Field[str] = PField(default_factory=Field[str])
    email: Field[str] = PField(default_factory=Field[str])
    phone: Field[str] = PField(default_factory=Field[str])
    address: Field[str] = PField(default_factory=Field[str])


class Parties(_Model):
    client: Party = PField(default_factory=Party)
    contractor: Party = PField(default_factory=Party)
    project_name: Field[str] = PField(default_factory=Field[str])
    site_address: Field[str] = PField(default_factory=Field[str])


# --- price ------------------------------------------------------------------------------------
class LineItem(ItemBase):
    description: str
    quantity: DecimalStr | None = None
    unit: str | None = None
    unit_price: Money | None = None
    amount: Money | None = None


class MoneyItem(ItemBase):
    description: str
    amount: Money | None = None


class Alternate(ItemBase):
    description: str
    amount: Money | None = None
    accepted: Literal["yes", "no", "unknown"] = "unknown"


class PaymentMilestone(ItemBase):
    milestone: str
    percent: DecimalStr | None = None
    amount: Money | None = None
    due: str | None = None


class Price(_Model):
    total: Field[Money] = PField(default_factory=Field[Money])
    subtotal: Field[Money] = PField(default_factory=Field[Money])
    tax: Field[Money] = PField(default_factory=Field[Money])
    currency: str | None = None
    line_items: list[LineItem] = PField(default_factory=list)
    allowances: list[MoneyItem] = PField(default_factory=list)
    alternates: list[Alternate] = PField(default_factory=list)
    deposit: Field[Money] = PField(default_factory=Field[Money])
    retainage_percent: Field[DecimalStr] = PField(default_factory=Field[Decimal])
    payment_schedule: list[PaymentMilestone] = PField(default_factory=list)
    payment_terms: Field[str] = PField(default_factory=Field[str])
    price_validity: Field[Duration] = PField(default_factory=Field[Duration])


# --- dates ------------------------------------------------------------------------------------
class RelativeTerm(ItemBase):
    """A date stated relative to an event: "within 90 days of notice to proceed"."""

    role: str = PField(description="which date it defines: start, completion, milestone …")
    text: str
    duration: Duration
    anchor: str = PField(description="the event it counts from, as written")
    resolved: IsoDate | None = None


class Milestone(ItemBase):
    name: str
    date: IsoDate | None = None
    relative: str | None = None


class Dates(_Model):
    proposal_date: Field[IsoDate] = PField(default_factory=Field[str])
    valid_until: Field[IsoDate] = PField(default_factory=Field[str])
    start: Field[IsoDate] = PField(default_factory=Field[str])
    substantial_completion: Field[IsoDate] = PField(default_factory=Field[str])
    completion: Field[IsoDate] = PField(default_factory=Field[str])
    duration: Field[Duration] = PField(default_factory=Field[Duration])
    milestones: list[Milestone] = PField(default_factory=list)
    relative_terms: list[RelativeTerm] = PField(default_factory=list)


# --- scope ------------------------------------------------------------------------------------
class ScopeItem(ItemBase):
    text: str
    section: str | None = None
    quantity: DecimalStr | None = None
    unit: str | None = None


class Scope(_Model):
    inclusions: list[ScopeItem] = PField(default_factory=list)
    exclusions: list[ScopeItem] = PField(default_factory=list)
    assumptions: list[ScopeItem] = PField(default_factory=list)
    owner_responsibilities: list[ScopeItem] = PField(default_factory=list)


# --- terms ------------------------------------------------------------------------------------
class Warranty(_Model):
    months: int | None = None
    text: str


class Terms(_Model):
    warranty: Field[Warranty] = PField(default_factory=Field[Warranty])
    change_orders: Field[str] = PField(default_factory=Field[str])
    permits: Field[str] = PField(default_factory=Field[str])
    insurance: Field[str] = PField(default_factory=Field[str])
    liquidated_damages: Field[str] = PField(default_factory=Field[str])
    termination: Field[str] = PField(default_factory=Field[str])
    governing_law: Field[str] = PField(default_factory=Field[str])


# --- signatures -------------------------------------------------------------------------------
class Signature(ItemBase):
    party: Literal["client", "contractor", "unknown"]
    signed: bool
    signer_name: str | None = None
    title: str | None = None
    date: IsoDate | None = None
    envelope_id: str | None = None


# --- review -----------------------------------------------------------------------------------
class Flag(_Model):
    code: str
    severity: Severity
    message: str
    fields: list[str] = PField(default_factory=list)


class FieldEdit(_Model):
    field: str
    old: str | None
    new: str | None
    by: str
    at: datetime
    comment: str | None = None


class Review(_Model):
    status: ReviewStatus = ReviewStatus.needs_review
    flags: list[Flag] = PField(default_factory=list)
    completeness: float = PField(default=0.0, ge=0, le=1)
    edits: list[FieldEdit] = PField(default_factory=list)


class Handoff(_Model):
    """The whole package for one document."""

    schema_version: Literal["1"] = "1"
    document: DocumentInfo
    parties: Parties = PField(default_factory=Parties)
    price: Price = PField(default_factory=Price)
    dates: Dates = PField(default_factory=Dates)
    scope: Scope = PField(default_factory=Scope)
    terms: Terms = PField(default_factory=Terms)
    signatures: list[Signature] = PField(default_factory=list)
    review: Review = PField(default_factory=Review)
    pages: list[PageInfo] = PField(default_factory=list)
