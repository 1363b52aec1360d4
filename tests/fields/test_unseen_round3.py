"""Rules fixed on the third round of hand-made documents: a time-and-materials proposal, a
unit-price bid schedule, a long proposal with section subtotals and a discount, a scanned
fence proposal; and two leftovers (change-order check, e-mail subject as project name)."""

from datetime import UTC, datetime
from decimal import Decimal

from extractors.checks import run_checks
from extractors.parties import extract_parties
from extractors.price import extract_price
from extractors.scope import extract_scope
from extractors.signatures import extract_signatures
from models.handoff import (
    Candidate,
    DocumentInfo,
    Field,
    FieldStatus,
    Handoff,
    LineItem,
    Money,
)


def _money(v: str) -> Money:
    return Money(amount=Decimal(v), currency="USD")


def _handoff() -> Handoff:
    return Handoff(document=DocumentInfo(id="x" * 64, file_name="t.pdf", media_type="application/pdf",
                                         pages=1, reader="test", pipeline_version="t",
                                         processed_at=datetime.now(UTC)))


def _codes(h: Handoff) -> set[str]:
    return {f.code for f in run_checks(h)}


def test_not_to_exceed_amount_is_the_total_flagged_as_a_ceiling(make_context) -> None:
    ctx = make_context([
        ("heading", "Pricing"),
        "Labor is billed at the hourly rates below.",
        [["Labor category", "Hourly rate"], ["Carpenter", "$68.00"], ["Helper", "$44.00"]],
        "Materials are billed at cost plus 15%.",
        "Not-to-exceed amount: $18,500.00. Our billings will not exceed this amount.",
    ])
    total = extract_price(ctx).total
    assert total.value is not None and total.value.amount == Decimal("18500.00")
    assert total.method == "total:not_to_exceed"
    assert total.confidence < 0.6  # reviewed: a ceiling, not a price


def test_amendment_changes_are_checked_against_the_net_change_not_the_new_sum(make_context) -> None:
    ctx = make_context([
        ("heading", "AMENDMENT NO. 2 TO CONSTRUCTION CONTRACT"),
        [["Item", "Description", "Amount"], ["CO2-01", "Add card readers", "$14,380.00"],
         ["CO2-02", "Delete ceiling cloud (credit)", "($6,200.00)"],
         ["", "Net change by this Amendment", "$8,180.00"]],
        "The Contract Sum is hereby increased from $495,350.00 to $503,530.00.",
    ])
    total = extract_price(ctx).total
    assert total.method == "total:amended_sum"
    h = _handoff()
    h.price.total = total
    h.price.line_items = [LineItem(description="a", amount=_money("14380.00")),
                          LineItem(description="b", amount=_money("-6200.00"))]
    assert "line_items_mismatch" not in _codes(h)


def test_amendment_changes_that_match_nothing_are_flagged() -> None:
    h = _handoff()
    h.price.total = Field[Money](status=FieldStatus.found, value=_money("507485.00"), confidence=0.95,
                                 method="total:amended_sum",
                                 candidates=[Candidate[Money](value=_money("495350.00"), raw="$495,350.00",
                                                                   confidence=0.2, method="total:symbol_amount")])
    h.price.line_items = [LineItem(description="a", amount=_money("1000.00"))]
    assert "line_items_mismatch" in _codes(h)
    h.price.line_items = [LineItem(description="a", amount=_money("12135.00"))]
    assert "line_items_mismatch" not in _codes(h)


def test_e_mail_subject_loses_its_quote_prefix_as_project_name(make_context) -> None:
    ctx = make_context([
        "From: Northshore Glass <quotes@northshoreglass.ca>",
        "Subject: Quote - ensuite shower and mirrors",
        "Hi Mrs. Lee, thanks for having us out.",
    ])
    project = extract_parties(ctx).project_name
    assert project.value == "Ensuite shower and mirrors"


def test_subtotal_of_the_whole_beats_section_subtotals(make_context) -> None:
    ctx = make_context([
        ("heading", "Pricing"),
        [["Item", "Description", "Amount"],
         ["1.1", "Demolition", "$1,000.00"], ["", "Section 1 subtotal", "$1,000.00"],
         ["2.1", "Cabinets", "$2,500.00"], ["2.2", "Counters", "$500.00"],
         ["", "Section 2 subtotal", "$3,000.00"]],
        [["Subtotal", "$4,000.00"], ["Sales tax", "$200.00"], ["Grand total", "$4,200.00"]],
    ])
    price = extract_price(ctx)
    assert price.subtotal.value is not None and price.subtotal.value.amount == Decimal("4000.00")


def test_discount_under_the_priced_table_is_a_credit_not_a_percent(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Work and Pricing"),
        [["Item", "Description", "Amount"], ["1", "Kitchen cabinets", "$6,000.00"],
         ["2", "Countertops", "$4,000.00"]],
        [["Subtotal", "$10,000.00"], ["Less: preferred-client discount (5%)", "($500.00)"],
         ["Grand total", "$9,500.00"]],
    ])
    items = extract_price(ctx).line_items
    assert [(i.description, i.amount.amount if i.amount else None) for i in items][-1] == (
        "Less: preferred-client discount (5%)", Decimal("-500.00"))


def test_tax_check_allows_a_discount_after_the_subtotal() -> None:
    h = _handoff()
    found = {"status": FieldStatus.found, "confidence": 0.9}
    h.price.total = Field[Money](value=_money("9975.00"), **found)  # type: ignore[arg-type]
    h.price.subtotal = Field[Money](value=_money("10000.00"), **found)  # type: ignore[arg-type]
    h.price.tax = Field[Money](value=_money("475.00"), **found)  # type: ignore[arg-type]
    h.price.line_items = [LineItem(description="a", amount=_money("10000.00")),
                          LineItem(description="Less: discount", amount=_money("-500.00"))]
    assert "tax_mismatch" not in _codes(h)


def test_name_written_above_a_labelled_signature_line_signs(make_context) -> None:
    ctx = make_context([
        ("heading", "Acceptance"),
        ("heading", "CLIENT"),
        "Elena Whitfield",
        "Signature: ____________________________",
        "Name: Elena Whitfield",
        "Date: April 24, 2026",
    ])
    sigs = [s for s in extract_signatures(ctx) if s.party == "client"]
    assert sigs and sigs[0].signed and sigs[0].date == "2026-04-24"


def test_priced_table_group_headings_and_subtotals_are_not_scope(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Work and Pricing"),
        "The work is priced item by item below.",
        [["Item", "Description", "Amount"], ["1.0", "KITCHEN", ""],
         ["1.1", "Install cabinets", "$6,000.00"], ["1.2", "Tile backsplash", "$900.00"],
         ["", "Section 1 subtotal", "$6,900.00"], ["", "Estimated Total Bid", "$6,900.00"]],
    ])
    assert [i.text for i in extract_scope(ctx).inclusions] == ["Install cabinets",
                                                               "Tile backsplash"]


def test_aside_excluding_part_of_an_item_keeps_the_item_included(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Work"),
        ("list_item", "Traffic control (police details excluded)"),
        ("list_item", "Loam and seed"),
    ])
    scope = extract_scope(ctx)
    assert [i.text for i in scope.inclusions] == ["Traffic control (police details excluded)",
                                                  "Loam and seed"]


def test_site_address_ends_where_contact_details_begin(make_context) -> None:
    ctx = make_context([
        "Customer: Hannah Okafor",
        "Job address: 2718 W. Balmoral Ave, Chicago, IL 60625 Phone: 773-555-0129 "
        "Email: hokafor@outlook.com",
    ])
    assert extract_parties(ctx).site_address.value == "2718 W. Balmoral Ave, Chicago, IL 60625"
