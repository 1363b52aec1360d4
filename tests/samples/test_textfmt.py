"""How generated documents write amounts and dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from text_to_num import text2num

from samples.textfmt import format_date, format_money, money_words, number_words, ordinal


def test_number_words() -> None:
    assert number_words(42500) == "Forty-Two Thousand Five Hundred"
    assert number_words(1_000_019) == "One Million Nineteen"
    assert number_words(0) == "Zero"


@given(st.integers(min_value=1, max_value=999_999_999))
def test_number_words_read_back(n: int) -> None:
    assert text2num(number_words(n).lower().replace("-", " "), "en") == n


def test_money_words() -> None:
    assert money_words(Decimal("42500.00"), "USD") == "Forty-Two Thousand Five Hundred Dollars"
    assert money_words(Decimal("42500.00"), "USD", cents_style="fraction") == (
        "Forty-Two Thousand Five Hundred Dollars and 00/100"
    )
    assert money_words(Decimal("10.25"), "GBP") == "Ten Pounds Sterling and Twenty-Five Pence"


def test_money_formats() -> None:
    assert format_money(Decimal("1234.56"), "EUR", 0) == "1.234,56 €"
    assert format_money(Decimal("1234.56"), "EUR", 1) == "€1,234.56"
    assert format_money(Decimal("42500"), "USD", 0) == "$42,500.00"
    assert format_money(Decimal("42500"), "USD", 2) == "$42,500"
    assert format_money(Decimal("42500"), "GBP", 0) == "£42,500.00"
    assert format_money(Decimal("999.5"), "CAD", 1) == "$999.50 CAD"


def test_date_formats() -> None:
    d = date(2026, 3, 4)
    assert format_date(d, "long_us") == "March 4, 2026"
    assert format_date(d, "numeric_us") == "03/04/2026"
    assert format_date(d, "long_uk") == "4 March 2026"
    assert format_date(d, "iso") == "2026-03-04"
    assert format_date(d, "abbr_ord") == "Mar. 4th, 2026"
    assert format_date(d, "numeric_uk") == "04/03/2026"
    assert format_date(d, "dotted") == "04.03.2026"
    assert [ordinal(n) for n in (1, 2, 3, 11, 12, 13, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "11th",
        "12th",
        "13th",
        "22nd",
    ]
