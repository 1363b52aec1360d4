"""Durations as written ("ninety (90) calendar days", "10 business days", "12-month") -> Duration."""

from __future__ import annotations

import re
from decimal import Decimal

from models.handoff import Duration

__all__ = ["parse_duration"]

_UNITS = {
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
    "months": "months", "year": "years", "years": "years", "yr": "years", "yrs": "years",
}
_PATTERN = re.compile(
    r"(?:(?P<words>[a-z][a-z\s-]*?)\s*\(\s*)?(?P<num>\d{1,4})?\s*\)?\s*-?\s*"
    r"(?P<kind>calendar|business|working|consecutive)?\s*(?P<unit>days?|weeks?|months?|years?|yrs?)\b",
    re.I,
)


def parse_duration(text: str) -> Duration | None:
    """Parse the first duration in ``text``; written numbers are read when no digits are given."""
    match = _PATTERN.search(text)
    if not match:
        return None
    value: Decimal | None = Decimal(match.group("num")) if match.group("num") else None
    if value is None:
        from extractors.normalize.money import _words_to_number

        value = _words_to_number(text[: match.start("unit")])
    if value is None:
        return None
    unit = _UNITS[match.group("unit").lower()]
    kind = (match.group("kind") or "").lower()
    if unit == "days" and kind in {"business", "working"}:
        unit = "business_days"
    return Duration(value=value, unit=unit, text=text.strip())  # type: ignore[arg-type]
