"""How amounts and dates are written in generated documents.

Pure functions: one value, one written form. The generator varies the form per document (and
sometimes per field) so extractors meet "$42,500.00", "1.234,56 €", "Forty-Two Thousand Five
Hundred Dollars ($42,500.00)", "03/04/2026", "4 March 2026" and "Mar. 4th, 2026" alike.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

__all__ = [
    "DATE_STYLES",
    "DAY_FIRST_STYLES",
    "MONTH_FIRST_STYLES",
    "format_date",
    "format_money",
    "money_words",
    "number_words",
    "ordinal",
]

_ONES = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
_TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]
_SCALES = [(1_000_000_000, "Billion"), (1_000_000, "Million"), (1_000, "Thousand")]

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_ABBR = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]

# Styles that do not depend on the reader's day/month convention are listed in both tuples.
MONTH_FIRST_STYLES = ("long_us", "numeric_us", "abbr_ord", "iso", "numeric_us_short")
DAY_FIRST_STYLES = ("long_uk", "numeric_uk", "dotted", "iso", "ord_uk")
DATE_STYLES = tuple(dict.fromkeys(MONTH_FIRST_STYLES + DAY_FIRST_STYLES))

_CURRENCY_WORDS = {
    "USD": ("Dollars", "Cents"),
    "CAD": ("Canadian Dollars", "Cents"),
    "EUR": ("Euros", "Cents"),
    "GBP": ("Pounds Sterling", "Pence"),
}


def _below_thousand(n: int) -> str:
    parts: list[str] = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} Hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(_ONES[n])
    return " ".join(parts)


def number_words(n: int) -> str:
    """42500 -> "Forty-Two Thousand Five Hundred"."""
    if n < 0:
        raise ValueError("negative amounts are not written in words")
    if n == 0:
        return "Zero"
    parts: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            parts.append(f"{_below_thousand(n // size)} {name}")
            n %= size
    if n:
        parts.append(_below_thousand(n))
    return " ".join(parts)


def money_words(amount: Decimal, currency: str, *, cents_style: str = "and") -> str:
    """The legal long form: "Forty-Two Thousand Five Hundred Dollars and 00/100"."""
    whole = int(amount)
    cents = int((amount - whole) * 100)
    unit, sub = _CURRENCY_WORDS.get(currency, ("Dollars", "Cents"))
    text = f"{number_words(whole)} {unit}"
    if cents_style == "fraction":
        return f"{text} and {cents:02d}/100"
    if cents:
        return f"{text} and {number_words(cents)} {sub}"
    return text


def _group(amount: Decimal, thousands: str, decimal_sep: str, decimals: bool = True) -> str:
    q = amount.quantize(Decimal("0.01"))
    whole, frac = f"{q:.2f}".split(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    return f"{text}{decimal_sep}{frac}" if decimals else text


def format_money(amount: Decimal, currency: str, style: int = 0) -> str:
    """Write an amount the way documents in that currency commonly do; ``style`` picks a variant."""
    if currency == "EUR":
        variants = [
            f"{_group(amount, '.', ',')} €",
            f"€{_group(amount, ',', '.')}",
            f"EUR {_group(amount, '.', ',')}",
        ]
    elif currency == "GBP":
        variants = [f"£{_group(amount, ',', '.')}", f"GBP {_group(amount, ',', '.')}"]
    elif currency == "CAD":
        variants = [
            f"CAD ${_group(amount, ',', '.')}",
            f"${_group(amount, ',', '.')} CAD",
            f"C${_group(amount, ',', '.')}",
        ]
    else:
        whole_only = amount == amount.to_integral_value()
        variants = [f"${_group(amount, ',', '.')}", f"USD {_group(amount, ',', '.')}"]
        if whole_only:
            variants.append(f"${_group(amount, ',', '.', decimals=False)}")
    return variants[style % len(variants)]


def ordinal(n: int) -> str:
    """4 -> "4th", 22 -> "22nd"."""
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(d: date, style: str) -> str:
    """Write a date in one of :data:`DATE_STYLES`."""
    month = _MONTHS[d.month - 1]
    if style == "long_us":
        return f"{month} {d.day}, {d.year}"
    if style == "numeric_us":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "numeric_us_short":
        return f"{d.month}/{d.day}/{d.year}"
    if style == "abbr_ord":
        return f"{_ABBR[d.month - 1]} {ordinal(d.day)}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "long_uk":
        return f"{d.day} {month} {d.year}"
    if style == "ord_uk":
        return f"{ordinal(d.day)} {month} {d.year}"
    if style == "numeric_uk":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "dotted":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    raise ValueError(f"unknown date style {style!r}")
