"""Dates as written -> ISO strings (partial when the text is: ``2026-03``).

``dateparser`` does the reading, with the language fixed to English and the day/month order
decided once per document from its unambiguous numeric dates (``decide_date_order``). It is only
ever called on spans the rules already found, never to search free text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from models.settings import DateOrder

__all__ = ["date_order_hint", "decide_date_order", "parse_date"]

_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$")
_HAS_DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b(?!\d)")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_DAY_FIRST_WRITTEN = re.compile(r"^\s*\d{1,2}(st|nd|rd|th)?\s+(of\s+)?[A-Za-z]{3,}\.?,?\s+\d{4}\s*$")
_MONTH_FIRST_WRITTEN = re.compile(r"^\s*[A-Za-z]{3,}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\s*$")
_DAY_FIRST_CURRENCIES = frozenset({"GBP", "EUR", "CHF"})


def date_order_hint(date_texts: Iterable[str], currencies: Iterable[str]) -> DateOrder | None:
    """The order a document's own conventions suggest when no numeric date settles it.

    Written dates show the writer's habit ("4 March 2026" is day-first, "March 4, 2026" is not);
    failing that, amounts in pounds, euros or francs mean a European writer, who puts the day
    first ("3/4/2027" on a quotation in euros is 3 April).
    """
    dmy = mdy = 0
    for text in date_texts:
        words = text.lower()
        if not any(m in words for m in _MONTHS):
            continue
        if _DAY_FIRST_WRITTEN.match(text):
            dmy += 1
        elif _MONTH_FIRST_WRITTEN.match(text):
            mdy += 1
    if dmy != mdy:
        return DateOrder.dmy if dmy > mdy else DateOrder.mdy
    codes = set(currencies)
    if codes and codes <= _DAY_FIRST_CURRENCIES:
        return DateOrder.dmy
    return None


def decide_date_order(texts: Iterable[str], default: DateOrder = DateOrder.mdy) -> DateOrder:
    """Vote from numeric dates whose first or second part is > 12; fall back to ``default``."""
    dmy = mdy = 0
    for text in texts:
        m = _NUMERIC.match(text)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
    if dmy > mdy:
        return DateOrder.dmy
    if mdy > dmy:
        return DateOrder.mdy
    return default


_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%A %B %d %Y", "%A %d %B %Y",
            "%a %B %d %Y", "%a %b %d %Y")


def _strptime(cleaned: str) -> str | None:
    """The common written forms ("March 4, 2026", "4 Mar. 2026") through the standard library;
    dateparser (slow to load and to call) handles the rest."""
    words = re.sub(r"[.,]", " ", cleaned).split()
    text = " ".join("Sep" if w.lower() == "sept" else w for w in words)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
     "eighteenth", "nineteenth", "twentieth"], 1)}
_WORDS_DAY = re.compile(r"^\s*(?:(twenty|thirty)[\s-]*)?([a-z]+)\s+day\s+of\b", re.I)


def _words_day(text: str) -> str:
    """A day written as an ordinal word, as legal forms do ("the twentieth day of April in the year
    2026") -> "20 April 2026"; other text unchanged."""
    m = _WORDS_DAY.match(text)
    if m is None:
        return text
    tens, unit = (m.group(1) or "").lower(), m.group(2).lower()
    if unit == "thirtieth" and not tens:
        day = 30
    elif unit in _ORDINALS and (not tens or _ORDINALS[unit] < 10):
        day = _ORDINALS[unit] + {"": 0, "twenty": 20, "thirty": 30}[tens]
    else:
        return text
    rest = re.sub(r"\bin\s+the\s+year\b", " ", text[m.end():], flags=re.I)
    return f"{day} {rest.strip()}"


@lru_cache(maxsize=8192)
def parse_date(text: str, order: DateOrder = DateOrder.mdy) -> str | None:
    """Parse one date as written; ``None`` when it is not a real date (pure, so cached:
    dateparser costs milliseconds a call and documents repeat their dates)."""
    text = text.strip()
    if not text or len(text) > 60:
        return None
    iso = _ISO.match(text)
    if iso:
        return _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    num = _NUMERIC.match(text)
    if num:
        a, b, y = int(num.group(1)), int(num.group(2)), int(num.group(3))
        if y < 100:
            y += 2000
        if order is DateOrder.dmy or (a > 12 >= b):
            return _valid(y, b, a)
        return _valid(y, a, b)
    text = _words_day(text)
    lowered = text.lower()
    if not any(m in lowered for m in _MONTHS) or not _YEAR.search(text):
        return None
    without_year = _YEAR.sub("", text)
    if not _HAS_DAY.search(without_year):
        import dateparser

        parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
        return parsed.strftime("%Y-%m") if parsed else None
    cleaned = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", text)
    cleaned = re.sub(r"\bthe\b|\bday of\b", " ", cleaned, flags=re.I)
    quick = _strptime(cleaned)
    if quick is not None:
        return quick
    import dateparser

    parsed = dateparser.parse(
        cleaned, languages=["en"],
        settings={"DATE_ORDER": order.value.upper(), "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None
