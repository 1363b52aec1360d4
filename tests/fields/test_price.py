"""Rule tests for the price extractor on tricky phrases (blank English pipeline, no model)."""

from decimal import Decimal

from extractors.price import extract_price
from models.handoff import FieldStatus

PRICE_TABLE = [
    ["Description", "Qty", "Unit Price", "Amount"],
    ["Tear-off and disposal", "1", "$4,000.00", "$4,000.00"],
    ["Architectural shingles", "30", "$200.00", "$6,000.00"],
    ["Subtotal", "", "", "$10,000.00"],
    ["Sales Tax (8%)", "", "", "$800.00"],
    ["Total", "", "", "$10,800.00"],
]


def test_total_from_table_and_prose_agree(make_context) -> None:
    ctx = make_context([("heading", "PRICING"), PRICE_TABLE,
                        "Total Contract Price: Ten Thousand Eight Hundred Dollars ($10,800.00)."])
    price = extract_price(ctx)
    assert price.total.status is FieldStatus.found
    assert price.total.value is not None and price.total.value.amount == Decimal("10800.00")
    assert price.subtotal.value is not None and price.subtotal.value.amount == Decimal("10000.00")
    assert price.tax.value is not None and price.tax.value.amount == Decimal("800.00")
    assert [li.description for li in price.line_items] == ["Tear-off and disposal", "Architectural shingles"]
    assert price.line_items[1].quantity == Decimal(30)
    assert price.line_items[1].unit_price is not None
    assert price.line_items[1].unit_price.amount == Decimal("200.00")


def test_insurance_limit_is_not_the_total(make_context) -> None:
    ctx = make_context([
        "We propose to furnish all labor and materials for the sum of $18,250.00.",
        ("heading", "Insurance"),
        "Contractor maintains general liability insurance of $1,000,000 per occurrence and $2,000,000 aggregate.",
    ])
    price = extract_price(ctx)
    assert price.total.value is not None and price.total.value.amount == Decimal("18250.00")


def test_hourly_rate_and_late_fee_are_not_the_total(make_context) -> None:
    ctx = make_context([
        "Additional work will be billed at $95.00 per hour.",
        "A late fee of $250.00 applies to invoices unpaid after 30 days.",
        "Lump Sum Price: $7,400",
    ])
    price = extract_price(ctx)
    assert price.total.value is not None and price.total.value.amount == Decimal("7400.00")


def test_total_stated_tbd(make_context) -> None:
    ctx = make_context(["Total Price: TBD upon final measurements."])
    assert extract_price(ctx).total.status is FieldStatus.stated_tbd


def test_no_amount_is_not_found(make_context) -> None:
    ctx = make_context(["We will paint the fence."])
    assert extract_price(ctx).total.status is FieldStatus.not_found


def test_deposit_percent_retainage_terms_and_validity(make_context) -> None:
    ctx = make_context([
        "Contract Sum: $40,000.00",
        ("heading", "Payment Schedule"),
        ("list_item", "• 30% deposit due at signing"),
        ("list_item", "• 40% at rough-in inspection"),
        ("list_item", "• 30% upon completion"),
        "Invoices are payable Net 30. Retainage of 5% will be withheld until final completion.",
        "This proposal is valid for 30 days.",
    ])
    price = extract_price(ctx)
    assert price.deposit.value is not None and price.deposit.value.amount == Decimal("12000.00")
    assert price.retainage_percent.value == Decimal(5)
    assert price.payment_terms.value == "Net 30"
    assert price.price_validity.value is not None and price.price_validity.value.value == 30
    assert [m.percent for m in price.payment_schedule] == [Decimal(30), Decimal(40), Decimal(30)]
    assert price.payment_schedule[1].amount is not None
    assert price.payment_schedule[1].amount.amount == Decimal("16000.00")


def test_european_amounts(make_context) -> None:
    ctx = make_context(["Gesamtpreis / Total price: 12.500,00 €"])
    price = extract_price(ctx)
    assert price.total.value is not None
    assert (price.total.value.amount, price.total.value.currency) == (Decimal("12500.00"), "EUR")


def test_allowances_and_alternates(make_context) -> None:
    ctx = make_context([
        "Total: $25,000.00",
        ("heading", "Allowances"),
        "Lighting fixture allowance: $1,500.00",
        ("heading", "Alternates"),
        "Alternate 1: Upgrade to metal roof, add $6,000.00 [X] Accept",
        "Alternate 2: Seamless gutters, add $900.00 — declined",
    ])
    price = extract_price(ctx)
    assert price.total.value is not None and price.total.value.amount == Decimal("25000.00")
    assert [a.amount.amount for a in price.allowances if a.amount] == [Decimal("1500.00")]
    assert [(a.amount.amount, a.accepted) for a in price.alternates if a.amount] == [
        (Decimal("6000.00"), "yes"), (Decimal("900.00"), "no")]


def test_evidence_points_at_the_amount(make_context) -> None:
    ctx = make_context(["Total Contract Price: $9,999.00"])
    total = extract_price(ctx).total
    assert total.evidence and total.evidence[0].snippet == "$9,999.00"
    assert ctx.document.text[total.evidence[0].start:total.evidence[0].end] == "$9,999.00"


def test_iso_code_beats_dollar_sign(make_context) -> None:
    ctx = make_context(["Project Total: $239,537.40 CAD"])
    total = extract_price(ctx).total
    assert total.value is not None and total.value.currency == "CAD"


def test_total_including_vat_is_the_total(make_context) -> None:
    ctx = make_context([[["Item", "Qty", "Rate", "Amount"], ["Rewire", "1", "5,480.00", "5,480.00"],
                         ["Subtotal", "", "", "5,480.00"], ["VAT @ 20%", "", "", "1,096.00"],
                         ["Total inc. VAT", "", "", "6,576.00"]], "All prices in £ sterling: £6,576.00 total."])
    price = extract_price(ctx)
    assert price.total.value is not None and price.total.value.amount == Decimal("6576.00")
    assert price.total.value.currency == "GBP"
    assert price.tax.value is not None and price.tax.value.amount == Decimal("1096.00")


def test_bid_tabulation_is_not_line_items(make_context) -> None:
    ctx = make_context(["The following bids were received:",
                        [["Bidder", "Bid Amount"], ["Acme Paving", "$29,958.40"], ["Best Roads", "$25,609.60"]],
                        "NOW THEREFORE the contract is awarded to Best Roads in the amount of $25,609.60."])
    price = extract_price(ctx)
    assert price.line_items == []
    assert price.total.value is not None and price.total.value.amount == Decimal("25609.60")


def test_prose_schedule_split_per_percentage(make_context) -> None:
    ctx = make_context(["Fixed fee: $36,000.00, invoiced as follows: 40% on signing, 40% on delivery of the "
                        "draft report and 20% on delivery of the final recommendation."])
    price = extract_price(ctx)
    assert [m.percent for m in price.payment_schedule] == [Decimal(40), Decimal(40), Decimal(20)]
    assert price.payment_schedule[2].milestone == "on delivery of the final recommendation"
    assert price.deposit.value is not None and price.deposit.value.amount == Decimal("14400.00")


def test_percentage_inside_a_milestone_name_is_not_a_new_milestone(make_context) -> None:
    ctx = make_context(["Total: $10,000.00", ("heading", "Payment"), ("list_item", "• 50% at start of work"),
                        ("list_item", "• 50% at 50% completion")])
    schedule = extract_price(ctx).payment_schedule
    assert [(m.milestone, m.percent) for m in schedule] == [
        ("at start of work", Decimal(50)), ("at 50% completion", Decimal(50))]


def test_allowance_unit_rate_is_not_a_second_allowance(make_context) -> None:
    ctx = make_context(["Total: $20,000.00", ("heading", "Allowances"),
                        ("list_item", "• Duct repairs allowance: USD 1,525.00 (figured at USD 66.50 per hour)")])
    allowances = extract_price(ctx).allowances
    assert [a.amount.amount for a in allowances if a.amount] == [Decimal("1525.00")]


def test_space_grouped_euro_amounts_are_read_whole(make_context) -> None:
    # "15 440,00 €": French thousands spaces; the tokenizer splits them, the rules rejoin them.
    ctx = make_context([
        [["Description", "Total excl. VAT"], ["Oak kitchen units", "12 352,00"],
         ["Total excl. VAT", "15 440,00 €"], ["VAT 20%", "3 088,00 €"],
         ["Total incl. VAT", "18 528,00 €"]],
    ])
    price = extract_price(ctx)
    assert price.total.value is not None
    assert (price.total.value.amount, price.total.value.currency) == (Decimal("18528.00"), "EUR")
    assert price.tax.value is not None and price.tax.value.amount == Decimal("3088.00")


def test_total_excluding_vat_is_the_subtotal(make_context) -> None:
    ctx = make_context([
        [["", "Amount"], ["Total excl. VAT", "£8,420.00"], ["VAT", "£1,684.00"],
         ["Total incl. VAT", "£10,104.00"]],
    ])
    price = extract_price(ctx)
    assert price.subtotal.value is not None and price.subtotal.value.amount == Decimal("8420.00")
    assert price.total.value is not None and price.total.value.amount == Decimal("10104.00")


def test_retain_a_percent_is_retainage_not_a_deposit(make_context) -> None:
    ctx = make_context([
        "Contractor shall pay Subcontractor the sum of $575,000.00.",
        ("heading", "ARTICLE 3 – PAYMENT"),
        "Contractor shall retain ten percent (10%) of each progress payment until final "
        "completion and acceptance. Approved applications are payable Net 30.",
    ])
    price = extract_price(ctx)
    assert price.retainage_percent.value == Decimal(10)
    assert price.deposit.status is FieldStatus.not_found
    assert price.payment_schedule == []


def test_subcontract_sum_row_is_not_a_line_item(make_context) -> None:
    ctx = make_context([
        ("heading", "Schedule of Values"),
        [["Section", "Description", "Scheduled Value"],
         ["26 24 13", "Switchboards and panelboards", "$96,250.00"],
         ["26 51 00", "Interior lighting", "$121,900.00"],
         ["", "Subcontract Sum", "$218,150.00"]],
    ])
    price = extract_price(ctx)
    assert [li.description for li in price.line_items] == ["Switchboards and panelboards",
                                                           "Interior lighting"]


def test_monthly_fee_over_stated_term_is_the_contract_value(make_context) -> None:
    ctx = make_context([
        ("heading", "Fees"),
        [["Fee", "Amount", "When"],
         ["Start-up inspection and equipment survey (one time)", "$2,400.00", "On signing"],
         ["Maintenance fee", "$1,150.00 per month", "Monthly in advance"]],
        "Repairs outside this Agreement are billed at $138.00 per hour.",
        ("heading", "Term"),
        "The term begins on February 1, 2026 and runs for twelve (12) months.",
        "This Agreement does not cover refrigerant beyond five pounds per year.",
    ])
    total = extract_price(ctx).total
    assert total.value is not None and total.value.amount == Decimal("16200.00")
    assert total.method == "total:recurring_term"
    assert total.confidence < 0.8
    assert [c.value.amount for c in total.candidates if c.value] == [Decimal("2400.00")]


def test_a_stated_total_outranks_the_recurring_computation(make_context) -> None:
    ctx = make_context([
        [["Service", "Fee"],
         ["One-time onboarding", "$1,450.00"],
         ["Managed support, 12 months at $2,150.00 per month", "$25,800.00"],
         ["Total contract value (first term)", "$27,250.00"]],
        "Services begin on May 1, 2026 and continue for twelve (12) months.",
    ])
    total = extract_price(ctx).total
    assert total.value is not None and total.value.amount == Decimal("27250.00")
    assert total.method != "total:recurring_term"


def test_unit_rate_before_an_allowance_amount_is_the_rates_decoy(make_context) -> None:
    ctx = make_context([
        "Total: $15,066.00",
        "Allowance. The flooring line includes a material allowance of $3.25 per sq ft "
        "($1,950.00) for plank of your choice.",
    ])
    allowances = extract_price(ctx).allowances
    assert [a.amount.amount for a in allowances] == [Decimal("1950.00")]
    assert "( )" not in allowances[0].description


def test_run_in_option_is_an_alternate(make_context) -> None:
    ctx = make_context([
        "Total: $15,066.00",
        "Option. Paint the ceilings in all three bedrooms, flat white, 1 coat: add $690.00.",
    ])
    alternates = extract_price(ctx).alternates
    assert [(a.description, a.amount.amount) for a in alternates] == [
        ("Paint the ceilings in all three bedrooms, flat white, 1 coat", Decimal("690.00"))]


def test_card_fees_and_company_footers_are_not_milestones(make_context) -> None:
    ctx = make_context([
        "Total incl. VAT: 18 528,00 €",
        ("heading", "Payment in stages"),
        ("list_item", "– 30% on order: 5 558,40 €"),
        ("list_item", "– 70% on completion: 12 969,60 €"),
        "We take checks and cards (3% card fee).",
        "Atelier Moreau SARL – capital 20 000 € – SIRET 812 445 903 00021",
    ])
    schedule = extract_price(ctx).payment_schedule
    assert [(m.milestone, m.percent) for m in schedule] == [("on order", Decimal(30)),
                                                            ("on completion", Decimal(70))]


def test_the_balance_after_a_deposit_is_a_milestone(make_context) -> None:
    ctx = make_context([
        "Total: $15,066.00",
        "Payment. 30% deposit ($4,519.80) to book your dates, the balance when the walkthrough is "
        "done.",
    ])
    schedule = extract_price(ctx).payment_schedule
    assert [(m.milestone, m.percent) for m in schedule] == [
        ("deposit to book your dates", Decimal(30)),
        ("the balance when the walkthrough is done", Decimal(70))]
    assert schedule[1].amount is not None and schedule[1].amount.amount == Decimal("10546.20")
