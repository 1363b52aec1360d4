"""Checks over an extracted handoff: arithmetic, chronology, completeness, ambiguity, confidence.

Each check yields ``Flag``s (code, severity, message, fields). ``completeness`` scores the PM's
checklist: the share of must-have fields that were found. Checks never change a value; they only
tell the reviewer where to look.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from models.handoff import Field, FieldStatus, Flag, Handoff, Severity

__all__ = ["CHECKLIST", "completeness", "run_checks"]

TOLERANCE = Decimal("0.05")  # money: rounding in documents
# The PM's checklist: (field path, label).
CHECKLIST: tuple[tuple[str, str], ...] = (
    ("parties.client.name", "client"),
    ("parties.contractor.name", "contractor"),
    ("price.total", "contract total"),
    ("dates.start", "start date"),
    ("dates.completion", "completion date"),
    ("scope.inclusions", "scope of work"),
    ("scope.exclusions", "exclusions"),
    ("signatures", "signatures"),
)


def _get(handoff: Handoff, path: str) -> Any:
    obj: Any = handoff
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _present(handoff: Handoff, path: str) -> bool:
    value = _get(handoff, path)
    if isinstance(value, Field):
        return value.status in (FieldStatus.found, FieldStatus.stated_tbd)
    if path == "signatures":
        return any(s.signed for s in value)
    return bool(value)


def completeness(handoff: Handoff) -> float:
    """Share of the PM's checklist that the document answers (found or stated TBD)."""
    have = sum(1 for path, _ in CHECKLIST if _present(handoff, path))
    return round(have / len(CHECKLIST), 3)


def _missing(h: Handoff) -> Iterator[Flag]:
    for path, label in CHECKLIST:
        if path == "dates.completion" and (h.dates.duration.found or h.dates.relative_terms):
            continue
        if path == "dates.start" and any(t.role == "start" for t in h.dates.relative_terms):
            continue
        if path == "signatures":
            if not any(s.signed for s in h.signatures):
                yield Flag(code="unsigned", severity=Severity.warning,
                           message="No signature found: check that this is the signed version.",
                           fields=["signatures"])
            continue
        if not _present(h, path):
            severity = Severity.error if path in ("price.total", "parties.client.name") else Severity.warning
            yield Flag(code="missing", severity=severity,
                       message=f"No {label} found in the document.", fields=[path])


def _arithmetic(h: Handoff) -> Iterator[Flag]:
    total = h.price.total.value if h.price.total.found else None
    items = [i.amount.amount for i in h.price.line_items if i.amount is not None]
    tax = h.price.tax.value.amount if h.price.tax.found and h.price.tax.value else Decimal(0)
    subtotal = h.price.subtotal.value.amount if h.price.subtotal.found and h.price.subtotal.value else None
    # A total computed from a recurring fee over its term is not the sum of the listed fees.
    recurring = h.price.total.method == "total:recurring_term"
    if total is not None and items and h.price.total.method == "total:amended_sum":
        yield from _amended(h, total.amount, sum(items, Decimal(0)))
    elif total is not None and items and not recurring:
        s = sum(items, Decimal(0))
        if abs(s + tax - total.amount) > TOLERANCE and abs(s - total.amount) > TOLERANCE and (
            subtotal is None or abs(s - subtotal) > TOLERANCE
        ):
            yield Flag(code="line_items_mismatch", severity=Severity.warning,
                       message=f"Line items add up to {s:,.2f}{' + tax ' + format(tax, ',.2f') if tax else ''}, "
                               f"not the total {total.amount:,.2f}.",
                       fields=["price.line_items", "price.total"])
    # A discount or credit listed after the subtotal ("Less: discount ($5,667.50)") comes off it.
    credits = sum((a for a in items if a < 0), Decimal(0))
    if total is not None and subtotal is not None and tax and abs(subtotal + tax - total.amount) > TOLERANCE \
            and abs(subtotal + credits + tax - total.amount) > TOLERANCE:
        yield Flag(code="tax_mismatch", severity=Severity.warning,
                   message=f"Subtotal {subtotal:,.2f} + tax {tax:,.2f} is not the total {total.amount:,.2f}.",
                   fields=["price.subtotal", "price.tax", "price.total"])
    schedule = h.price.payment_schedule
    percents = [m.percent for m in schedule if m.percent is not None]
    if percents and len(percents) == len(schedule) and sum(percents, Decimal(0)) != 100:
        yield Flag(code="schedule_percent", severity=Severity.warning,
                   message=f"Payment schedule adds up to {sum(percents, Decimal(0))} %, not 100 %.",
                   fields=["price.payment_schedule"])
    amounts = [m.amount.amount for m in schedule if m.amount is not None]
    if total is not None and amounts and not percents and abs(sum(amounts, Decimal(0)) - total.amount) > TOLERANCE:
        yield Flag(code="schedule_total", severity=Severity.warning,
                   message=f"Payment schedule adds up to {sum(amounts, Decimal(0)):,.2f}, not the total "
                           f"{total.amount:,.2f}.",
                   fields=["price.payment_schedule", "price.total"])
    if total is not None and h.price.deposit.found and h.price.deposit.value is not None \
            and h.price.deposit.value.amount > total.amount:
        yield Flag(code="deposit_exceeds_total", severity=Severity.error,
                   message="The deposit is larger than the total.", fields=["price.deposit", "price.total"])


def _amended(h: Handoff, total: Decimal, changes: Decimal) -> Iterator[Flag]:
    """An amendment's line items are its changes: they add up to the stated net change (a rival
    amount equal to their sum) or to the new total less a replaced total, never to the new total."""
    others = [c.value.amount for c in h.price.total.candidates if c.value is not None]
    if any(abs(abs(changes) - abs(c)) <= TOLERANCE or abs(total - c - changes) <= TOLERANCE for c in others):
        return
    yield Flag(code="line_items_mismatch", severity=Severity.warning,
               message=f"The changes add up to {changes:,.2f}: neither a stated net change nor the "
                       f"difference between the new total {total:,.2f} and a previous one.",
               fields=["price.line_items", "price.total"])


def _chronology(h: Handoff) -> Iterator[Flag]:
    d = h.dates

    def full(f: Field[str]) -> str | None:
        return f.value if f.found and f.value and len(f.value) == 10 else None

    pairs = [
        (d.start, d.completion, "dates.start", "dates.completion", "start is after completion"),
        (d.start, d.substantial_completion, "dates.start", "dates.substantial_completion",
         "start is after substantial completion"),
        (d.substantial_completion, d.completion, "dates.substantial_completion", "dates.completion",
         "substantial completion is after final completion"),
        (d.proposal_date, d.valid_until, "dates.proposal_date", "dates.valid_until",
         "the offer expires before it was made"),
    ]
    for a, b, pa, pb, message in pairs:
        va, vb = full(a), full(b)
        if va and vb and va > vb:
            yield Flag(code="chronology", severity=Severity.error, message=f"The {message} ({va} > {vb}).",
                       fields=[pa, pb])
    start = full(d.start)
    for sig in h.signatures:
        if sig.signed and sig.date and start and len(sig.date) == 10 and sig.date > start:
            yield Flag(code="signed_after_start", severity=Severity.warning,
                       message=f"The {sig.party} signed on {sig.date}, after the start date {start}.",
                       fields=["signatures", "dates.start"])


def _fields(h: Handoff) -> Iterator[tuple[str, Field[Any]]]:
    groups: dict[str, Any] = {"parties.client": h.parties.client, "parties.contractor": h.parties.contractor,
                              "parties": h.parties, "price": h.price, "dates": h.dates, "terms": h.terms}
    for prefix, obj in groups.items():
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, Field):
                yield f"{prefix}.{name}", value


def _ambiguity_and_confidence(h: Handoff, low: float) -> Iterator[Flag]:
    for path, field in _fields(h):
        if field.status is FieldStatus.stated_tbd:
            yield Flag(code="stated_tbd", severity=Severity.warning,
                       message=f"The document leaves {path} open: “{(field.raw or '')[:80]}”.", fields=[path])
        elif field.status is FieldStatus.ambiguous:
            yield Flag(code="ambiguous", severity=Severity.warning,
                       message=f"Several candidates for {path}; choose one.", fields=[path])
        elif field.found and field.confidence < low:
            yield Flag(code="low_confidence", severity=Severity.info,
                       message=f"{path} was found with low confidence ({field.confidence:.2f}).", fields=[path])
    for group in ("inclusions", "exclusions", "assumptions"):
        for item in getattr(h.scope, group):
            lowered = item.text.lower()
            if "tbd" in lowered.split() or "to be determined" in lowered:
                yield Flag(code="scope_tbd", severity=Severity.warning,
                           message=f"Scope item left open: “{item.text[:80]}”.", fields=[f"scope.{group}"])
            elif "approximately" in lowered or "approx" in lowered:
                yield Flag(code="approximate", severity=Severity.info,
                           message=f"Approximate quantity: “{item.text[:80]}”.", fields=[f"scope.{group}"])
    if h.price.allowances:
        yield Flag(code="allowances", severity=Severity.info,
                   message=f"{len(h.price.allowances)} allowance(s): the final cost depends on selections.",
                   fields=["price.allowances"])
    undecided = [a for a in h.price.alternates if a.accepted == "unknown"]
    if undecided:
        yield Flag(code="alternates_undecided", severity=Severity.warning,
                   message=f"{len(undecided)} alternate(s) without a recorded decision.",
                   fields=["price.alternates"])


def _document(h: Handoff, low: float) -> Iterator[Flag]:
    if h.document.has_tracked_changes:
        yield Flag(code="tracked_changes", severity=Severity.warning,
                   message="The document has unaccepted tracked changes; insertions were read, deletions ignored.",
                   fields=["document"])
    for page in h.pages:
        if page.method == "empty":
            yield Flag(code="empty_page", severity=Severity.warning,
                       message=f"Page {page.number} has no readable text ({page.note or 'scanned or blank'}).",
                       fields=["pages"])
        elif page.method == "ocr" and page.ocr_confidence is not None and page.ocr_confidence < low:
            yield Flag(code="low_ocr_confidence", severity=Severity.warning,
                       message=f"Page {page.number} was read by OCR with low confidence "
                               f"({page.ocr_confidence:.2f}).", fields=["pages"])
    for warning in h.document.warnings:
        yield Flag(code="reader_warning", severity=Severity.info, message=warning[:300], fields=["document"])


CHECKS: tuple[Callable[[Handoff], Iterator[Flag]], ...] = (_missing, _arithmetic, _chronology)


def run_checks(handoff: Handoff, low_confidence: float = 0.6) -> list[Flag]:
    """All flags for the handoff, most severe first."""
    flags: list[Flag] = []
    for check in CHECKS:
        flags.extend(check(handoff))
    flags.extend(_document(handoff, low_confidence))
    flags.extend(_ambiguity_and_confidence(handoff, low_confidence))
    order = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}
    return sorted(flags, key=lambda f: order[f.severity])
