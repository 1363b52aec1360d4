from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.normalize.dates import decide_date_order, parse_date
from extractors.normalize.durations import parse_duration
from models.settings import DateOrder


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 4, 2026", "2026-03-04"),
        ("Mar. 4th, 2026", "2026-03-04"),
        ("4 March 2026", "2026-03-04"),
        ("the 4th day of March, 2026", "2026-03-04"),
        ("2026-03-04", "2026-03-04"),
        ("03/04/2026", "2026-03-04"),
        ("25/03/2026", "2026-03-25"),
        ("March 2026", "2026-03"),
        ("Sept. 30, 2026", "2026-09-30"),
    ],
)
def test_parse_date_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_day_first_order() -> None:
    assert parse_date("03/04/2026", DateOrder.dmy) == "2026-04-03"


def test_impossible_dates_are_rejected() -> None:
    assert parse_date("31/02/2026") is None
    assert parse_date("February 30, 2026") is None
    assert parse_date("hello") is None


def test_decide_date_order_votes_on_unambiguous_dates() -> None:
    assert decide_date_order(["25/03/2026", "03/04/2026"]) is DateOrder.dmy
    assert decide_date_order(["03/25/2026", "03/04/2026"]) is DateOrder.mdy
    assert decide_date_order(["03/04/2026"], DateOrder.dmy) is DateOrder.dmy


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(d: date) -> None:
    assert parse_date(d.strftime("%B %d, %Y")) == d.isoformat()
    assert parse_date(d.isoformat()) == d.isoformat()
    assert parse_date(d.strftime("%d/%m/%Y"), DateOrder.dmy) == d.isoformat()
    assert parse_date(d.strftime("%m/%d/%Y"), DateOrder.mdy) == d.isoformat()


@given(st.text(max_size=40))
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or len(result) in (7, 10)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("ninety (90) calendar days", 90, "days"),
        ("10 business days", 10, "business_days"),
        ("12-month", 12, "months"),
        ("two weeks", 2, "weeks"),
        ("one (1) year", 1, "years"),
    ],
)
def test_parse_duration(text: str, value: int, unit: str) -> None:
    duration = parse_duration(text)
    assert duration is not None
    assert duration.value == value and duration.unit == unit


def test_date_order_hint_from_written_dates_and_currency() -> None:
    from extractors.normalize.dates import date_order_hint

    assert date_order_hint(["4 March 2027", "3/4/2027"], set()) is DateOrder.dmy
    assert date_order_hint(["March 4, 2027", "3/4/2027"], {"EUR"}) is DateOrder.mdy
    assert date_order_hint(["3/4/2027"], {"EUR"}) is DateOrder.dmy
    assert date_order_hint(["3/4/2027"], {"GBP", "USD"}) is None
    assert date_order_hint(["3/4/2027"], set()) is None
