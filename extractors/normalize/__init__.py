"""Pure normalisers: text as written -> typed value. No spaCy, no documents."""

from extractors.normalize.dates import decide_date_order, parse_date
from extractors.normalize.durations import parse_duration
from extractors.normalize.money import parse_money, parse_number, parse_percent

__all__ = [
    "decide_date_order",
    "parse_date",
    "parse_duration",
    "parse_money",
    "parse_number",
    "parse_percent",
]
