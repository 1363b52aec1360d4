from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.normalize.money import parse_money, parse_number, parse_percent


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$1,234.56", "1234.56", "USD"),
        ("1.234,56 €", "1234.56", "EUR"),
        ("USD 1234", "1234.00", "USD"),
        ("$1.2M", "1200000.00", "USD"),
        ("£12,000", "12000.00", "GBP"),
        ("CHF 1'234.50", "1234.50", "CHF"),
        ("C$5,000", "5000.00", "CAD"),
        ("12.500,00 EUR", "12500.00", "EUR"),
        ("Forty-Two Thousand Five Hundred Dollars", "42500.00", "USD"),
        ("Two Thousand Dollars and 50/100", "2000.50", "USD"),
    ],
)
def test_parse_money_formats(text: str, amount: str, currency: str) -> None:
    money = parse_money(text)
    assert money is not None
    assert money.amount == Decimal(amount)
    assert money.currency == currency


def test_parse_money_rejects_text_without_amount() -> None:
    assert parse_money("no amount here") is None
    assert parse_money("") is None


def test_default_currency_applies_without_symbol() -> None:
    money = parse_money("12,500.00", default_currency="EUR")
    assert money is not None and money.currency == "EUR"


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_us_format_round_trips(value: Decimal) -> None:
    text = f"${value:,.2f}"
    money = parse_money(text)
    assert money is not None
    assert money.amount == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_european_format_round_trips(value: Decimal) -> None:
    us = f"{value:,.2f}"
    eu = us.replace(",", "_").replace(".", ",").replace("_", ".")
    money = parse_money(f"{eu} €")
    assert money is not None
    assert money.amount == value and money.currency == "EUR"


@given(st.text(max_size=80))
def test_parse_money_never_raises(text: str) -> None:
    result = parse_money(text)
    assert result is None or result.amount >= 0


def test_parse_number_scale_words() -> None:
    assert parse_number("1.5 million") == Decimal("1500000.0")
    assert parse_number("250k") == Decimal("250000")


@pytest.mark.parametrize(("text", "value"), [("10%", "10"), ("7.5 percent", "7.5"),
                                              ("ten percent (10%)", "10"), ("five percent", "5")])
def test_parse_percent(text: str, value: str) -> None:
    assert parse_percent(text) == Decimal(value)
