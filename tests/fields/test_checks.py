"""The checks turn inconsistencies into flags without changing values."""

from datetime import UTC, datetime
from decimal import Decimal

from extractors.checks import completeness, run_checks
from models.handoff import (
    DocumentInfo,
    Field,
    FieldStatus,
    Handoff,
    LineItem,
    Money,
    PaymentMilestone,
    ScopeItem,
    Signature,
)


def _handoff() -> Handoff:
    return Handoff(document=DocumentInfo(id="x" * 64, file_name="t.pdf", media_type="application/pdf",
                                         pages=1, reader="test", pipeline_version="t",
                                         processed_at=datetime.now(UTC)))


def _money(v: str) -> Money:
    return Money(amount=Decimal(v), currency="USD")


def _found(value: object) -> dict[str, object]:
    return {"status": FieldStatus.found, "value": value, "confidence": 0.9}


def codes(h: Handoff) -> set[str]:
    return {f.code for f in run_checks(h)}


def test_empty_handoff_flags_everything_missing() -> None:
    h = _handoff()
    flags = run_checks(h)
    missing = {tuple(f.fields) for f in flags if f.code == "missing"}
    assert ("price.total",) in missing and ("parties.client.name",) in missing
    assert "unsigned" in codes(h)
    assert completeness(h) == 0.0


def test_line_items_must_add_up() -> None:
    h = _handoff()
    h.price.total = Field[Money](**_found(_money("1000")))  # type: ignore[arg-type]
    h.price.line_items = [LineItem(description="a", amount=_money("400")),
                          LineItem(description="b", amount=_money("500"))]
    assert "line_items_mismatch" in codes(h)
    h.price.line_items[1] = LineItem(description="b", amount=_money("600"))
    assert "line_items_mismatch" not in codes(h)


def test_schedule_must_sum_to_100_percent() -> None:
    h = _handoff()
    h.price.payment_schedule = [PaymentMilestone(milestone="deposit", percent=Decimal(50)),
                                PaymentMilestone(milestone="end", percent=Decimal(40))]
    assert "schedule_percent" in codes(h)


def test_start_after_completion_is_an_error() -> None:
    h = _handoff()
    h.dates.start = Field[str](**_found("2026-06-01"))  # type: ignore[arg-type]
    h.dates.completion = Field[str](**_found("2026-05-01"))  # type: ignore[arg-type]
    flags = [f for f in run_checks(h) if f.code == "chronology"]
    assert flags and flags[0].severity.value == "error"


def test_signed_after_start_is_flagged() -> None:
    h = _handoff()
    h.dates.start = Field[str](**_found("2026-06-01"))  # type: ignore[arg-type]
    h.signatures = [Signature(party="client", signed=True, date="2026-06-15")]
    assert "signed_after_start" in codes(h)


def test_tbd_and_approximate_words() -> None:
    h = _handoff()
    h.dates.start = Field[str](status=FieldStatus.stated_tbd, raw="Start: TBD")
    h.scope.inclusions = [ScopeItem(text="Approximately 1,200 sq ft of drywall")]
    assert {"stated_tbd", "approximate"} <= codes(h)


def test_completeness_counts_checklist() -> None:
    h = _handoff()
    h.price.total = Field[Money](**_found(_money("1")))  # type: ignore[arg-type]
    h.parties.client.name = Field[str](**_found("Acme"))  # type: ignore[arg-type]
    assert completeness(h) == 0.25


def test_a_total_computed_from_a_recurring_fee_is_not_a_line_item_sum() -> None:
    h = _handoff()
    h.price.total = Field[Money](**_found(_money("16200")))  # type: ignore[arg-type]
    h.price.total.method = "total:recurring_term"
    h.price.line_items = [LineItem(description="start-up", amount=_money("2400")),
                          LineItem(description="monthly fee", amount=_money("1150"))]
    assert "line_items_mismatch" not in codes(h)
