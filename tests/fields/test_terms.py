"""Rule tests for the terms extractor: clauses, warranty months, governing law."""

import pytest

from extractors.terms import extract_terms, warranty_months
from models.handoff import FieldStatus


@pytest.mark.parametrize(("text", "months"), [
    ("Contractor warrants workmanship for one (1) year from completion.", 12),
    ("All labor is guaranteed for 18 months.", 18),
    ("We provide a five-year warranty on installation.", 60),
    ("Manufacturer warranty 25 years. Workmanship warranty 2 years.", 24),
    ("Claims must be made within 30 days. We guarantee our work for ninety (90) days.", 3),
    ("Lifetime warranty on shingles.", None),
])
def test_warranty_months(text: str, months: int | None) -> None:
    assert warranty_months(text) == months


def test_terms_from_sections_and_sentences(make_context) -> None:
    ctx = make_context([
        ("heading", "Warranty"),
        "Contractor warrants all workmanship for a period of one (1) year from substantial "
        "completion. Manufacturer warranties are passed through to Owner.",
        ("heading", "Change Orders"),
        "Any change to the scope requires a written change order signed by both parties.",
        ("heading", "General Conditions"),
        "This Agreement shall be governed by the laws of the State of Ohio.",
        "Either party may terminate this Agreement upon seven (7) days written notice.",
        "Contractor shall carry general liability insurance of $1,000,000 per occurrence.",
        "Liquidated damages of $250 per calendar day shall apply.",
    ])
    terms = extract_terms(ctx)
    assert terms.warranty.value is not None and terms.warranty.value.months == 12
    assert terms.warranty.method == "terms.warranty_section"
    assert terms.change_orders.value is not None and "change order" in terms.change_orders.value
    assert terms.governing_law.value == "State of Ohio"
    assert terms.governing_law.evidence[0].snippet == "State of Ohio"
    assert terms.termination.value is not None and "terminate" in terms.termination.value
    assert terms.insurance.value is not None and "insurance" in terms.insurance.value
    assert terms.liquidated_damages.value is not None
    assert terms.permits.status is FieldStatus.not_found


def test_permits_by_others_is_stated_tbd(make_context) -> None:
    terms = extract_terms(make_context(["Permits: by others."]))
    assert terms.permits.status is FieldStatus.stated_tbd


def test_governing_law_without_state_word(make_context) -> None:
    ctx = make_context(["This contract is governed by and construed in accordance with the "
                        "laws of Ontario and the federal laws of Canada applicable therein."])
    assert extract_terms(ctx).governing_law.value == "Ontario"


def test_long_clause_is_shortened(make_context) -> None:
    long = "Owner may terminate this Agreement for convenience. " + "Further words apply. " * 40
    value = extract_terms(make_context([("heading", "Termination"), long])).termination.value
    assert value is not None and len(value) <= 305
