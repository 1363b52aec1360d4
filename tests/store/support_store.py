"""Handoff packages built directly from the models, for the store and review tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from models.handoff import (
    Alternate,
    DocumentInfo,
    Duration,
    Evidence,
    Field,
    FieldStatus,
    Flag,
    Handoff,
    LineItem,
    Milestone,
    Money,
    MoneyItem,
    PageInfo,
    PaymentMilestone,
    RelativeTerm,
    Review,
    ScopeItem,
    Severity,
    Signature,
    Warranty,
)

HOSTILE = '<script>alert("x")</script><a href="javascript:alert(1)">click</a>'


def found(value: Any, raw: str | None = None, *, page: int | None = 1,
          bbox: list[float] | None = None, confidence: float = 0.9,
          locator: str | None = None) -> Field[Any]:
    """A found Field with one piece of evidence."""
    ev = Evidence(page=page, bbox=bbox if page else None, start=0, end=len(raw or str(value)),
                  snippet=raw or str(value), locator=locator)
    return Field[Any](status=FieldStatus.found, value=value, raw=raw or str(value),
                      confidence=confidence, method="test-rule", evidence=[ev])


def item(text: str, *, page: int | None = 1, bbox: list[float] | None = None,
         locator: str | None = None) -> ScopeItem:
    ev = Evidence(page=page, bbox=bbox, start=0, end=len(text), snippet=text, locator=locator)
    return ScopeItem(text=text, section="Scope of Work", confidence=0.8, method="test-rule",
                     evidence=[ev])


def make_handoff(
    *,
    sha: str | None = None,
    file_name: str = "proposal.pdf",
    client: str = "Acme Holdings LLC",
    total: str = "12500.00",
    pipeline_version: str = "test-1",
    docx: bool = False,
    hostile: bool = False,
    flags: list[Flag] | None = None,
    inclusions: list[str] | None = None,
) -> Handoff:
    """A realistic package; ``hostile`` puts script and javascript: links into every text."""
    sha = sha or hashlib.sha256(file_name.encode()).hexdigest()
    evil = f" {HOSTILE}" if hostile else ""
    page: int | None = None if docx else 1
    # Boxes of the lines that tests/review/support_review.write_pdf draws.
    box = None if docx else [72.0, 74.0, 260.0, 87.0]
    client_box = None if docx else [72.0, 112.0, 230.0, 125.0]
    scope_box = None if docx else [72.0, 152.0, 330.0, 165.0]
    excl_box = None if docx else [72.0, 192.0, 290.0, 205.0]
    loc = "paragraph 3" if docx else None
    incl = inclusions if inclusions is not None else [
        "Remove existing roofing down to deck", "Install 30-year architectural shingles" + evil]
    h = Handoff(
        document=DocumentInfo(
            id=sha, file_name=file_name,
            media_type=("application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        if docx else "application/pdf"),
            pages=1, reader="docx" if docx else "pdf", pipeline_version=pipeline_version,
            processed_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
        pages=[PageInfo(number=1, method="text", chars=1200)],
        review=Review(completeness=0.8, flags=flags if flags is not None else [
            Flag(code="low_confidence", severity=Severity.warning,
                 message="Total read with low confidence" + evil, fields=["price.total"]),
            Flag(code="ambiguous_tbd", severity=Severity.info, message="Start date is TBD",
                 fields=[]),
        ]),
    )
    h.parties.client.name = found(client + evil, page=page, bbox=client_box, locator=loc)
    h.parties.client.email = found("pm@acme.example", page=page, bbox=box, locator=loc)
    h.parties.contractor.name = found("Ridge Roofing Inc.", page=page, bbox=box, locator=loc)
    h.parties.project_name = found("Maple St. re-roof" + evil, page=page, bbox=box, locator=loc)
    h.price.total = found(Money(amount=Decimal(total), currency="USD"), f"${total}", page=page,
                          bbox=[400.0, 512.0, 505.0, 525.0] if page else None, locator=loc,
                          confidence=0.5)
    h.price.currency = "USD"
    h.price.line_items = [LineItem(description="Tear-off and re-roof" + evil,
                                   amount=Money(amount=Decimal(total), currency="USD"))]
    h.price.allowances = [MoneyItem(description="Deck repair allowance",
                                    amount=Money(amount=Decimal("1500"), currency="USD"))]
    h.price.alternates = [Alternate(description="Upgrade to metal ridge vent",
                                    amount=Money(amount=Decimal("850"), currency="USD"))]
    h.price.payment_schedule = [
        PaymentMilestone(milestone="Deposit on signing", percent=Decimal("30"),
                         amount=Money(amount=Decimal("3750"), currency="USD")),
        PaymentMilestone(milestone="On completion", percent=Decimal("70"),
                         amount=Money(amount=Decimal("8750"), currency="USD"), due="2026-12-15"),
    ]
    h.price.payment_terms = found("Net 30", page=page, bbox=box, locator=loc)
    h.dates.proposal_date = found("2026-10-01", "October 1, 2026", page=page, bbox=box,
                                  locator=loc)
    h.dates.start = found("2026-11-02", "November 2, 2026", page=page, bbox=box, locator=loc)
    h.dates.completion = found("2026-12-15", "December 15, 2026", page=page, bbox=box,
                               locator=loc)
    h.dates.milestones = [Milestone(name="Dry-in" + evil, date="2026-11-20")]
    h.dates.relative_terms = [RelativeTerm(
        role="completion", text="within 45 days of notice to proceed",
        duration=Duration(value=Decimal(45), unit="days", text="45 days"),
        anchor="notice to proceed")]
    h.scope.inclusions = [item(t, page=page, bbox=scope_box, locator=loc) for t in incl]
    h.scope.exclusions = [item("Gutters and downspouts" + evil, page=page, bbox=excl_box,
                               locator=loc),
                          item("Permit fees", page=page, bbox=excl_box, locator=loc)]
    h.terms.warranty = found(Warranty(months=24, text="Two (2) year workmanship warranty"),
                             page=page, bbox=box, locator=loc)
    h.terms.permits = found("Contractor obtains the building permit", page=page, bbox=box,
                            locator=loc)
    h.terms.change_orders = found("Changes only by written change order" + evil, page=page,
                                  bbox=box, locator=loc)
    h.signatures = [Signature(party="client", signed=True, signer_name="Jane Doe" + evil,
                              date="2026-10-05")]
    return h
