"""The reviewable fields of a handoff package: where they live, how to show and parse them.

One registry (``FIELDS``) names every field a reviewer can see and correct, by the dotted path
that the gold files of ``handoff evaluate`` use (``parties.client.name``, ``price.total`` …),
with its group on the review page and its kind. ``display`` turns a stored JSON value into the
text shown and compared; ``parse`` turns what a reviewer typed back into a JSON value, or raises
``EditError`` with a sentence saying what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

__all__ = [
    "FIELDS",
    "FIELD_BY_PATH",
    "GROUPS",
    "EditError",
    "FieldSpec",
    "Kind",
    "display",
    "get_path",
    "item_text",
    "norm_text",
    "parse",
]

Kind = Literal["text", "money", "date", "decimal", "duration", "warranty", "list", "line_item"]

GROUPS: tuple[str, ...] = (
    "parties",
    "price",
    "dates",
    "scope",
    "exclusions",
    "terms",
    "signatures",
)
MAX_VALUE = 4000


class EditError(ValueError):
    """A reviewer's input that cannot become a value of its field."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    path: str
    label: str
    group: str
    kind: Kind

    @property
    def is_list(self) -> bool:
        return self.kind in ("list", "line_item")


def _party(role: str) -> list[FieldSpec]:
    return [
        FieldSpec(f"parties.{role}.{attr}", f"{role.title()} {label}", "parties", "text")
        for attr, label in (
            ("name", "name"),
            ("contact", "contact person"),
            ("email", "email"),
            ("phone", "phone"),
            ("address", "address"),
        )
    ]


FIELDS: tuple[FieldSpec, ...] = (
    *_party("client"),
    *_party("contractor"),
    FieldSpec("parties.project_name", "Project name", "parties", "text"),
    FieldSpec("parties.site_address", "Site address", "parties", "text"),
    FieldSpec("price.total", "Total", "price", "money"),
    FieldSpec("price.subtotal", "Subtotal", "price", "money"),
    FieldSpec("price.tax", "Tax", "price", "money"),
    FieldSpec("price.deposit", "Deposit", "price", "money"),
    FieldSpec("price.retainage_percent", "Retainage %", "price", "decimal"),
    FieldSpec("price.payment_terms", "Payment terms", "price", "text"),
    FieldSpec("price.price_validity", "Price validity", "price", "duration"),
    FieldSpec("price.line_items", "Line items", "price", "line_item"),
    FieldSpec("dates.proposal_date", "Proposal date", "dates", "date"),
    FieldSpec("dates.valid_until", "Valid until", "dates", "date"),
    FieldSpec("dates.start", "Start", "dates", "date"),
    FieldSpec("dates.substantial_completion", "Substantial completion", "dates", "date"),
    FieldSpec("dates.completion", "Completion", "dates", "date"),
    FieldSpec("dates.duration", "Duration", "dates", "duration"),
    FieldSpec("scope.inclusions", "Included", "scope", "list"),
    FieldSpec("scope.assumptions", "Assumptions / clarifications", "scope", "list"),
    FieldSpec("scope.owner_responsibilities", "Owner responsibilities", "scope", "list"),
    FieldSpec("scope.exclusions", "NOT included", "exclusions", "list"),
    FieldSpec("terms.warranty", "Warranty", "terms", "warranty"),
    FieldSpec("terms.change_orders", "Change orders", "terms", "text"),
    FieldSpec("terms.permits", "Permits", "terms", "text"),
    FieldSpec("terms.insurance", "Insurance", "terms", "text"),
    FieldSpec("terms.liquidated_damages", "Liquidated damages", "terms", "text"),
    FieldSpec("terms.termination", "Termination", "terms", "text"),
    FieldSpec("terms.governing_law", "Governing law", "terms", "text"),
)
FIELD_BY_PATH: dict[str, FieldSpec] = {f.path: f for f in FIELDS}


def get_path(data: dict[str, Any], path: str) -> Any:
    """The JSON value at a dotted path of a handoff dict (``None`` when absent)."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def norm_text(text: str) -> str:
    """Text compared loosely: whitespace collapsed, case folded."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def _fmt_amount(amount: str) -> str:
    try:
        return f"{Decimal(amount):,.2f}"
    except InvalidOperation:
        return amount


def display(kind: Kind, value: Any) -> str:
    """The text a reviewer sees for a JSON value (and the text edits compare)."""
    if value is None:
        return ""
    if kind == "money" and isinstance(value, dict):
        return f"{value.get('currency', '')} {_fmt_amount(str(value.get('amount', '')))}".strip()
    if kind == "duration" and isinstance(value, dict):
        return str(value.get("text") or f"{value.get('value')} {value.get('unit')}")
    if kind == "warranty" and isinstance(value, dict):
        return str(value.get("text") or "")
    return str(value)


def item_text(kind: Kind, item: dict[str, Any]) -> str:
    """The text of a list item as shown and matched: a scope item's text, or a line item's
    description and amount ("Tear-off and re-roof — USD 12,500.00")."""
    if kind == "line_item":
        amount = display("money", item.get("amount"))
        description = str(item.get("description") or "")
        return f"{description} — {amount}" if amount else description
    return str(item.get("text", ""))


_MONEY = re.compile(
    r"^\s*(?P<c1>[A-Za-z]{3})?\s*(?P<sym>[$€£])?\s*(?P<num>-?[\d,]*\.?\d+)\s*(?P<c2>[A-Za-z]{3})?\s*$"
)
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_DURATION = re.compile(
    r"^\s*(?P<num>\d+(?:\.\d+)?)\s*(?:calendar\s+)?(?P<unit>business\s+days?|working\s+days?|"
    r"days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_WARRANTY = re.compile(r"(?P<num>\d+)\s*-?\s*(?P<unit>months?|years?)", re.IGNORECASE)


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "").strip().rstrip("%").strip())
    except InvalidOperation:
        raise EditError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise EditError(f"{text!r} is not a number")
    return value


def parse(kind: Kind, text: str, *, default_currency: str = "USD") -> Any:
    """Turn what a reviewer typed into the JSON value of a field of ``kind``."""
    text = text.strip()
    if len(text) > MAX_VALUE:
        raise EditError(f"value is longer than {MAX_VALUE} characters")
    if kind in ("text", "list"):
        if not text:
            raise EditError("value is empty")
        return text
    if kind == "line_item":
        return _line_item(text, default_currency)
    if kind == "money":
        m = _MONEY.match(text)
        if not m:
            raise EditError(f"{text!r} is not an amount; write e.g. 'USD 12,500.00' or '12500'")
        if m.group("c1") and m.group("c2"):
            raise EditError(f"{text!r} names two currencies")
        currency = (m.group("c1") or m.group("c2") or "").upper()
        if not currency:
            currency = _SYMBOLS.get(m.group("sym") or "", default_currency)
        amount = _decimal(m.group("num")).quantize(Decimal("0.01"))
        return {"amount": format(amount, "f"), "currency": currency}
    if kind == "date":
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            raise EditError(f"{text!r} is not an ISO date; write YYYY-MM-DD (or YYYY-MM)")
        parts = [int(p) for p in text.split("-")]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            raise EditError(f"{text!r} is not a calendar date") from None
        return text
    if kind == "decimal":
        return format(_decimal(text), "f")
    if kind == "duration":
        m = _DURATION.match(text)
        if not m:
            raise EditError(f"{text!r} is not a duration; write e.g. '90 days' or '6 weeks'")
        unit_word = m.group("unit").lower()
        if unit_word.startswith(("business", "working")):
            unit = "business_days"
        else:
            unit = unit_word.rstrip("s") + "s"
        return {"value": format(_decimal(m.group("num")), "f"), "unit": unit, "text": text}
    if kind == "warranty":
        if not text:
            raise EditError("value is empty")
        months: int | None = None
        w = _WARRANTY.search(text)
        if w:
            n = int(w.group("num"))
            months = n * 12 if w.group("unit").lower().startswith("year") else n
        return {"months": months, "text": text}
    raise EditError(f"unknown kind {kind!r}")


_TRAILING_AMOUNT = re.compile(
    r"^(?P<description>.*?)[\s:—–-]+(?P<amount>(?:[A-Za-z]{3}\s*)?[$€£]?\s*-?[\d,]*\.?\d+"
    r"(?:\s*[A-Za-z]{3})?)\s*$")


def _line_item(text: str, default_currency: str) -> dict[str, Any]:
    """"Skylight flashing — USD 850.00" (or ": $850", "850") as a description and an amount;
    a line without an amount is a description alone."""
    if not text:
        raise EditError("value is empty")
    if _MONEY.match(text):
        raise EditError("write a description before the amount, e.g. 'Gutters — USD 850.00'")
    m = _TRAILING_AMOUNT.match(text)
    description, amount = (m.group("description"), m.group("amount")) if m else (text, None)
    description = description.strip(" —–-:")
    if not description:
        raise EditError("write a description before the amount, e.g. 'Gutters — USD 850.00'")
    money = parse("money", amount, default_currency=default_currency) if amount else None
    return {"description": description, "amount": money}
