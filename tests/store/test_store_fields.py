"""Parsing what reviewers type, and showing stored values (pure functions)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.fields import FIELDS, GROUPS, EditError, display, item_text, parse
from store.names import name_key, safe_name


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("12500", "12500.00", "USD"),
    ("USD 12,500.00", "12500.00", "USD"),
    ("$12,500", "12500.00", "USD"),
    ("€ 1.234,5", None, None),
    ("9876.5 eur", "9876.50", "EUR"),
    ("£40", "40.00", "GBP"),
])
def test_parse_money(text: str, amount: str | None, currency: str | None) -> None:
    if amount is None:
        with pytest.raises(EditError):
            parse("money", text)
        return
    assert parse("money", text) == {"amount": amount, "currency": currency}


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False,
                   allow_infinity=False),
       st.sampled_from(["USD", "EUR", "CAD"]))
def test_money_display_parses_back(amount: Decimal, currency: str) -> None:
    value = {"amount": format(amount, "f"), "currency": currency}
    assert parse("money", display("money", value)) == {
        "amount": format(amount.quantize(Decimal("0.01")), "f"), "currency": currency}


def test_parse_other_kinds() -> None:
    assert parse("date", "2026-03") == "2026-03"
    assert parse("decimal", "10 %") == "10"
    assert parse("duration", "90 calendar days") == {
        "value": "90", "unit": "days", "text": "90 calendar days"}
    assert parse("duration", "10 business days")["unit"] == "business_days"
    assert parse("warranty", "Two-year (2 years) warranty")["months"] == 24
    for kind, bad in (("date", "2026/03/01"), ("decimal", "NaN"), ("duration", "soon"),
                      ("text", "  "), ("text", "x" * 5000)):
        with pytest.raises(EditError):
            parse(kind, bad)  # type: ignore[arg-type]


def test_registry_is_consistent() -> None:
    assert len({f.path for f in FIELDS}) == len(FIELDS)
    assert {f.group for f in FIELDS} <= set(GROUPS)


@given(st.text())
def test_any_name_becomes_storable(name: str) -> None:
    safe = safe_name(name)
    safe.encode("utf-8")
    assert "\x00" not in safe and "\n" not in safe and len(safe) <= 1024
    assert "/" not in name_key(name)


@pytest.mark.parametrize(("text", "description", "amount"), [
    ("Skylight flashing — USD 850.00", "Skylight flashing", {"amount": "850.00", "currency": "USD"}),
    ("Gutters: $1,200", "Gutters", {"amount": "1200.00", "currency": "USD"}),
    ("Permit fees 450", "Permit fees", {"amount": "450.00", "currency": "EUR"}),
    ("Haul-away of debris", "Haul-away of debris", None),
])
def test_parse_line_item(text: str, description: str, amount: dict[str, str] | None) -> None:
    assert parse("line_item", text, default_currency="EUR") == {"description": description,
                                                                 "amount": amount}


def test_line_item_needs_a_description_and_shows_as_it_parses() -> None:
    for bad in ("", "$850", "— 850"):
        with pytest.raises(EditError):
            parse("line_item", bad)
    item = parse("line_item", "Gutters: $1,200")
    assert item_text("line_item", item) == "Gutters — USD 1,200.00"
    assert parse("line_item", item_text("line_item", item)) == item
