"""Scoring a Handoff against gold: TP/FP/FN per field, fuzzy text, one-to-one list matching."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import JsonValue

from extractors.evaluate import (
    GoldDocument,
    GoldError,
    aggregate,
    load_gold,
    normalize_text,
    score_document,
    select_fields,
    similarity,
)
from models.handoff import (
    Alternate,
    DocumentInfo,
    Field,
    FieldStatus,
    Handoff,
    LineItem,
    Money,
    MoneyItem,
    PaymentMilestone,
    ScopeItem,
    Signature,
    Warranty,
)


def handoff() -> Handoff:
    return Handoff(
        document=DocumentInfo(
            id="0" * 64,
            file_name="x.pdf",
            media_type="application/pdf",
            pages=1,
            reader="test",
            pipeline_version="test",
            processed_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
    )


def found(value: Any) -> Field[Any]:
    return Field(status=FieldStatus.found, value=value, confidence=0.9, method="test")


def usd(x: str, cur: str = "USD") -> Money:
    return Money(amount=Decimal(x), currency=cur)


def gold(**fields: Any) -> GoldDocument:
    return GoldDocument(
        file="x.pdf", kind="proposal", fields={k.replace("__", "."): v for k, v in fields.items()}
    )


def outcome(result: Any, name: str) -> tuple[int, int, int, int]:
    o = next(o for o in result.outcomes if o.field == name)
    return o.tp, o.fp, o.fn, o.tn


TOTAL: dict[str, JsonValue] = {"amount": "42500.00", "currency": "USD"}


def test_money_exact_on_amount_and_currency() -> None:
    h = handoff()
    h.price.total = found(usd("42500"))
    r = score_document(h, gold(**{"price.total": TOTAL}))
    assert outcome(r, "price.total") == (1, 0, 0, 0)
    assert r.misses == []
    h.price.total = found(usd("42500", "CAD"))
    assert outcome(score_document(h, gold(**{"price.total": TOTAL})), "price.total") == (0, 1, 1, 0)
    h.price.total = found(usd("1000000"))
    r = score_document(h, gold(**{"price.total": TOTAL}))
    assert outcome(r, "price.total") == (0, 1, 1, 0)
    assert r.misses[0].outcome == "wrong"
    assert r.misses[0].predicted == {"amount": "1000000", "currency": "USD"}


def test_missing_value_is_a_false_negative() -> None:
    r = score_document(handoff(), gold(**{"price.total": TOTAL, "dates.start": "2026-03-04"}))
    assert outcome(r, "price.total") == (0, 0, 1, 0)
    assert outcome(r, "dates.start") == (0, 0, 1, 0)
    assert {m.outcome for m in r.misses} == {"missed"}


def test_stated_tbd_and_ambiguous_are_no_answer() -> None:
    h = handoff()
    h.dates.start = Field(status=FieldStatus.stated_tbd, value=None, raw="TBD")
    h.dates.completion = Field(status=FieldStatus.ambiguous, value=None)
    r = score_document(h, gold(**{"dates.start": None, "dates.completion": "2026-05-01"}))
    assert outcome(r, "dates.start") == (0, 0, 0, 1)
    assert outcome(r, "dates.completion") == (0, 0, 1, 0)


def test_expected_null_found_value_is_a_false_positive() -> None:
    h = handoff()
    h.dates.start = found("2026-03-04")
    r = score_document(h, gold(**{"dates.start": None}))
    assert outcome(r, "dates.start") == (0, 1, 0, 0)
    assert r.misses[0].outcome == "spurious"


def test_dates_exact_iso() -> None:
    h = handoff()
    h.dates.proposal_date = found("2026-04-03")
    r = score_document(h, gold(**{"dates.proposal_date": "2026-03-04"}))
    assert outcome(r, "dates.proposal_date") == (0, 1, 1, 0)
    h.dates.proposal_date = found("2026-03")
    assert outcome(
        score_document(h, gold(**{"dates.proposal_date": "2026-03-04"})), "dates.proposal_date"
    ) == (0, 1, 1, 0)


def test_text_fuzzy_match() -> None:
    h = handoff()
    h.parties.client.name = found("FALCON LOGISTICS LLC")
    h.parties.contractor.name = found("Silver Creek")
    h.parties.site_address = found("4853 Maple Avenue\nTacoma, WA 98402")
    r = score_document(
        h,
        gold(
            **{
                "parties.client.name": "Falcon Logistics, LLC",
                "parties.contractor.name": "Silver Creek Remodeling Ltd.",
                "parties.site_address": "4853 Maple Avenue, Tacoma, WA 98402",
            }
        ),
    )
    assert outcome(r, "parties.client.name") == (1, 0, 0, 0)
    assert outcome(r, "parties.contractor.name") == (0, 1, 1, 0)
    assert outcome(r, "parties.site_address") == (1, 0, 0, 0)


def test_similarity() -> None:
    assert similarity("Falcon Logistics", "Falcon Logistics, LLC") >= 0.85
    assert similarity("Net 30", "net 30.") == 1.0
    assert similarity("roof", "Remove and replace the roof") < 0.5
    assert similarity("Appliances", "Appliances and appliance installation") < 0.85
    assert similarity("", "") == 1.0
    assert similarity("x", "") == 0.0
    assert similarity("Café Rénové", "cafe renove") == 1.0


def test_scope_list_one_to_one() -> None:
    h = handoff()
    h.scope.exclusions = [
        ScopeItem(text=t)
        for t in (
            "Appliances and appliance installation.",
            "Appliances and appliance installation",  # duplicate: only one can match
            "Permit fees",
        )
    ]
    r = score_document(
        h,
        gold(
            **{
                "scope.exclusions": [
                    "Appliances and appliance installation",
                    "Asbestos testing and abatement",
                ]
            }
        ),
    )
    assert outcome(r, "scope.exclusions") == (1, 2, 1, 0)
    missed = [m.expected for m in r.misses if m.outcome == "missed"]
    assert missed == ["Asbestos testing and abatement"]


def test_empty_gold_list_makes_every_prediction_spurious() -> None:
    h = handoff()
    h.scope.inclusions = [ScopeItem(text="All work shown in the Contract Documents")]
    r = score_document(h, gold(**{"scope.inclusions": []}))
    assert outcome(r, "scope.inclusions") == (0, 1, 0, 0)
    assert outcome(
        score_document(handoff(), gold(**{"scope.inclusions": []})), "scope.inclusions"
    ) == (0, 0, 0, 0)


def test_line_items_need_the_amount() -> None:
    h = handoff()
    h.price.line_items = [
        LineItem(description="Tear-off and disposal", amount=usd("2400")),
        LineItem(description="Gutters and downspouts", amount=usd("99")),
    ]
    r = score_document(
        h,
        gold(
            **{
                "price.line_items": [
                    {
                        "description": "Tear-off and disposal",
                        "amount": {"amount": "2400.00", "currency": "USD"},
                    },
                    {
                        "description": "Gutters and downspouts",
                        "amount": {"amount": "1400.00", "currency": "USD"},
                    },
                ]
            }
        ),
    )
    assert outcome(r, "price.line_items") == (1, 1, 1, 0)


def test_allowance_description_containment() -> None:
    h = handoff()
    h.price.allowances = [
        MoneyItem(
            description="Tile material allowance: (figured at $13.50 per sq ft)", amount=usd("3100")
        ),
        MoneyItem(description="Tile material allowance: $3,100.00", amount=usd("13.50")),
    ]
    r = score_document(
        h,
        gold(
            **{
                "price.allowances": [
                    {
                        "description": "Tile material",
                        "amount": {"amount": "3100.00", "currency": "USD"},
                    }
                ]
            }
        ),
    )
    assert outcome(r, "price.allowances") == (1, 1, 0, 0)


def test_payment_schedule_and_alternates() -> None:
    h = handoff()
    h.price.payment_schedule = [
        PaymentMilestone(
            milestone="30% deposit upon signing", percent=Decimal(30), amount=usd("12750")
        ),
        PaymentMilestone(milestone="Upon completion", percent=Decimal(60), amount=usd("29750")),
    ]
    h.price.alternates = [
        Alternate(description="Upgrade to designer shingles", amount=usd("2100"), accepted="yes"),
        Alternate(description="Add gutter guards", amount=usd("950"), accepted="unknown"),
    ]
    r = score_document(
        h,
        gold(
            **{
                "price.payment_schedule": [
                    {
                        "milestone": "Deposit upon signing",
                        "percent": "30",
                        "amount": {"amount": "12750.00", "currency": "USD"},
                    },
                    {
                        "milestone": "Upon completion",
                        "percent": "70",
                        "amount": {"amount": "29750.00", "currency": "USD"},
                    },
                ],
                "price.alternates": [
                    {
                        "description": "Upgrade to designer shingles",
                        "amount": {"amount": "2100.00", "currency": "USD"},
                        "accepted": True,
                    },
                    {
                        "description": "Add gutter guards",
                        "amount": {"amount": "950.00", "currency": "USD"},
                        "accepted": False,
                    },
                ],
            }
        ),
    )
    assert outcome(r, "price.payment_schedule") == (1, 1, 1, 0)
    assert outcome(r, "price.alternates") == (1, 1, 1, 0)


def test_signatures_warranty_retainage() -> None:
    h = handoff()
    h.signatures = [
        Signature(party="client", signed=True, date="2026-03-10"),
        Signature(party="contractor", signed=False),
    ]
    h.terms.warranty = found(Warranty(months=12, text="one (1) year"))
    h.price.retainage_percent = found(Decimal("10.0"))
    r = score_document(
        h,
        gold(
            **{
                "signatures.client.signed": True,
                "signatures.contractor.signed": True,
                "signatures.client.date": "2026-03-10",
                "terms.warranty.months": 24,
                "price.retainage_percent": "10",
            }
        ),
    )
    assert outcome(r, "signatures.client.signed") == (1, 0, 0, 0)
    assert outcome(r, "signatures.contractor.signed") == (0, 0, 1, 0)
    assert outcome(r, "signatures.client.date") == (1, 0, 0, 0)
    assert outcome(r, "terms.warranty.months") == (0, 1, 1, 0)
    assert outcome(r, "price.retainage_percent") == (1, 0, 0, 0)
    r = score_document(handoff(), gold(**{"signatures.client.signed": False}))
    assert outcome(r, "signatures.client.signed") == (0, 0, 0, 1)


def test_absent_keys_and_field_filter() -> None:
    h = handoff()
    h.dates.start = found("2026-03-04")
    r = score_document(h, gold(**{"price.total": TOTAL}))
    assert [o.field for o in r.outcomes] == ["price.total"]
    r = score_document(
        h, gold(**{"price.total": TOTAL, "dates.start": None}), select_fields(["dates.*"])
    )
    assert [o.field for o in r.outcomes] == ["dates.start"]
    assert select_fields(["parties.*.name"]) == ["parties.client.name", "parties.contractor.name"]


def test_failed_document_scores_all_missed() -> None:
    r = score_document(
        None, gold(**{"price.total": TOTAL, "dates.start": None}), error="corrupt: truncated"
    )
    assert r.error == "corrupt: truncated"
    assert outcome(r, "price.total") == (0, 0, 1, 0)
    assert outcome(r, "dates.start") == (0, 0, 0, 1)


def test_aggregate_figures() -> None:
    good, bad = handoff(), handoff()
    good.price.total = found(usd("42500"))
    bad.price.total = found(usd("1000000"))
    docs = [
        score_document(good, gold(**{"price.total": TOTAL})),
        score_document(bad, gold(**{"price.total": TOTAL})),
        score_document(handoff(), gold(**{"price.total": TOTAL})),
    ]
    report = aggregate(docs)
    (s,) = report.fields
    assert (s.tp, s.fp, s.fn) == (1, 1, 2)
    assert s.precision == 0.5
    assert s.recall == pytest.approx(1 / 3, abs=1e-4)
    assert s.f1 == pytest.approx(0.4, abs=1e-4)
    assert s.exact_match == pytest.approx(1 / 3, abs=1e-4)
    assert s.target == 0.97 and s.meets_target is False
    assert report.overall.documents == 3
    assert report.overall.targets_total == 1
    json.loads(report.model_dump_json())


def test_load_gold_rejects_bad_files(tmp_path: Path) -> None:
    p = tmp_path / "a.gold.json"
    p.write_text(json.dumps({"file": "a.pdf", "fields": {"price.totl": TOTAL}}))
    with pytest.raises(GoldError, match="unknown field 'price.totl'"):
        load_gold(p)
    p.write_text(json.dumps({"file": "a.pdf", "fields": {"price.total": "42500"}}))
    with pytest.raises(GoldError, match="money must be"):
        load_gold(p)
    p.write_text("{not json")
    with pytest.raises(GoldError, match="not a gold file"):
        load_gold(p)
    p.write_text(
        json.dumps(
            {
                "file": "a.pdf",
                "kind": "quote",
                "note": "kept out of the way",
                "fields": {"price.total": TOTAL},
            }
        )
    )
    assert load_gold(p).kind == "quote"


def test_payment_terms_ignore_filler_words() -> None:
    h = handoff()
    h.price.payment_terms = found("Net 30")
    r = score_document(h, gold(**{"price.payment_terms": "Net 30 days from invoice date"}))
    assert outcome(r, "price.payment_terms") == (1, 0, 0, 0)
    h.price.payment_terms = found("Net 15")
    r = score_document(h, gold(**{"price.payment_terms": "Net 30 days"}))
    assert outcome(r, "price.payment_terms") == (0, 1, 1, 0)
    h.price.payment_terms = found("Due upon receipt")
    r = score_document(h, gold(**{"price.payment_terms": "Due upon receipt"}))
    assert outcome(r, "price.payment_terms") == (1, 0, 0, 0)


def test_by_kind_breakdown() -> None:
    h = handoff()
    h.price.total = found(usd("42500"))
    quote = GoldDocument(file="q.pdf", kind="quote", fields={"price.total": TOTAL})
    award = GoldDocument(file="a.pdf", kind="award", fields={"price.total": TOTAL})
    report = aggregate([score_document(h, quote), score_document(handoff(), award)])
    assert [(k.kind, k.tp, k.fn, k.f1) for k in report.by_kind] == [
        ("award", 0, 1, 0.0),
        ("quote", 1, 0, 1.0),
    ]


@given(st.text(max_size=40), st.text(max_size=40))
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    s = similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == pytest.approx(similarity(b, a))
    assert similarity(a, a) == 1.0 or not normalize_text(a)


@given(st.lists(st.text(alphabet="abcdefgh ", min_size=3, max_size=15), max_size=6))
def test_list_matching_counts_add_up(items: list[str]) -> None:
    h = handoff()
    h.scope.exclusions = [ScopeItem(text=t) for t in reversed(items)]
    r = score_document(h, gold(**{"scope.exclusions": items}))
    (o,) = r.outcomes
    assert o.tp + o.fn == len(items) and o.tp + o.fp == len(items)
    assert o.fp == o.fn
