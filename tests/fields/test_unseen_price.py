"""Price rules found on hand-made documents unlike the generated ones (design-build agreement,
e-mailed quote, landscape proposal, change order)."""

from decimal import Decimal

from extractors.price import extract_price


def _amount(field) -> Decimal | None:  # type: ignore[no-untyped-def]
    return field.value.amount if field.value is not None else None


def test_allowance_included_in_the_contract_sum_is_not_the_total(make_context) -> None:
    ctx = make_context([
        ("heading", "ARTICLE 3 CONTRACT SUM"),
        "The Owner shall pay the Design-Builder the Contract Sum of Four Million Dollars "
        "($4,000,000.00), subject to additions and deductions.",
        "Allowances included in the Contract Sum: signage and donor wall, $35,000.00.",
    ])
    price = extract_price(ctx)
    assert _amount(price.total) == Decimal("4000000.00")
    assert [a.amount.amount for a in price.allowances] == [Decimal("35000.00")]


def test_figures_of_an_amount_in_words_are_not_a_listed_line_item(make_context) -> None:
    ctx = make_context([
        ("heading", "Contract Sum"),
        "Hundred Dollars ($4,362,500.00), subject to additions and deductions.",
    ])
    assert extract_price(ctx).line_items == []


def test_amendment_total_is_the_new_contract_sum(make_context) -> None:
    ctx = make_context([
        ("heading", "AMENDMENT NO. 2"),
        "2. Contract Sum. The original Contract Sum was $486,900.00 and was increased by Change "
        "Order No. 1 by $8,450.00. The Contract Sum is hereby increased from $495,350.00 to "
        "$507,485.00, which is the Contract Sum including this Amendment.",
    ])
    assert _amount(extract_price(ctx).total) == Decimal("507485.00")


def test_g701_new_contract_sum_beats_the_original(make_context) -> None:
    ctx = make_context([
        "The original Contract Sum was $120,000.00. The Contract Sum prior to this Change Order "
        "was $124,500.00. The new Contract Sum including this Change Order will be $131,200.00.",
    ])
    assert _amount(extract_price(ctx).total) == Decimal("131200.00")


def test_headerless_investment_table_gives_line_items(make_context) -> None:
    ctx = make_context([
        ("heading", "Your Investment"),
        [["Spring installation", "$18,740.00"],
         ["Seasonal maintenance, March through November", "$11,520.00"],
         ["Total Investment", "$30,260.00"]],
    ])
    price = extract_price(ctx)
    assert [(li.description, li.amount.amount if li.amount else None) for li in price.line_items] == [
        ("Spring installation", Decimal("18740.00")),
        ("Seasonal maintenance, March through November", Decimal("11520.00")),
    ]
    assert _amount(price.total) == Decimal("30260.00")


def test_headerless_info_table_is_not_line_items(make_context) -> None:
    ctx = make_context([
        ("heading", "Quote"),
        [["Quote #", "Q-5963"], ["Date", "1/29/2026"]],
        "Total: $5,000.00",
    ])
    assert extract_price(ctx).line_items == []


def test_description_column_credit_and_net_change_row(make_context) -> None:
    ctx = make_context([
        ("heading", "Changes in the Work"),
        [["Item", "Description", "Amount"],
         ["CO2-01", "Add card-access readers", "$14,380.00"],
         ["CO2-02", "Delete the acoustic ceiling cloud (credit)", "($6,200.00)"],
         ["", "Net change by this Amendment", "$8,180.00"]],
    ])
    items = extract_price(ctx).line_items
    assert [(li.description, li.amount.amount if li.amount else None) for li in items] == [
        ("Add card-access readers", Decimal("14380.00")),
        ("Delete the acoustic ceiling cloud (credit)", Decimal("-6200.00")),
    ]


def test_bare_dollars_on_a_canadian_quote_are_cad(make_context) -> None:
    ctx = make_context([
        "North Shore Glass & Mirror Ltd.\n1187 Marine Drive, North Vancouver, BC V7P 1T3",
        "Total: $4,860 + GST",
    ])
    total = extract_price(ctx).total
    assert total.value is not None and total.value.currency == "CAD"
    assert total.value.amount == Decimal("4860.00")


def test_us_address_keeps_us_dollars(make_context) -> None:
    ctx = make_context(["Acme Glass, 12 Main St, Buffalo, NY 14201 (ships to Toronto, ON M5J 2T3)",
                        "Total: $4,860"])
    total = extract_price(ctx).total
    assert total.value is not None and total.value.currency == "USD"


def test_prices_inline_in_prose_are_line_items(make_context) -> None:
    ctx = make_context([
        "We would supply and install a frameless shower enclosure for $2,950, two vanity mirrors "
        "for $780, and replace the fogged sealed unit for $1,130.",
        "Total: $4,860",
    ])
    items = extract_price(ctx).line_items
    assert [(li.description, li.amount.amount if li.amount else None) for li in items] == [
        ("Supply and install a frameless shower enclosure", Decimal("2950.00")),
        ("Two vanity mirrors", Decimal("780.00")),
        ("Replace the fogged sealed unit", Decimal("1130.00")),
    ]


def test_percent_and_balance_outside_a_payment_heading(make_context) -> None:
    ctx = make_context([
        "Total Investment: $30,000.00",
        "To keep things simple we ask for 50% upon acceptance, balance upon completion.",
    ])
    price = extract_price(ctx)
    assert [(m.milestone, m.percent, m.amount.amount if m.amount else None)
            for m in price.payment_schedule] == [
        ("upon acceptance", Decimal(50), Decimal("15000.00")),
        ("balance upon completion", Decimal(50), Decimal("15000.00")),
    ]
    assert _amount(price.deposit) == Decimal("15000.00")


def test_percent_and_the_rest_joined_by_and(make_context) -> None:
    ctx = make_context(["Total: $4,000", "We need 50% to order the glass and the rest on installation."])
    schedule = extract_price(ctx).payment_schedule
    assert [m.percent for m in schedule] == [Decimal(50), Decimal(50)]
    assert schedule[1].milestone == "the rest on installation"


def test_alternates_table_with_status_column(make_context) -> None:
    ctx = make_context([
        ("heading", "Contract Sum"),
        "The Contract Sum shall be $4,362,500.00.",
        "§ 3.2 Alternates. The Contract Sum is based upon the following alternates:",
        [["No.", "Description", "Amount", "Status"],
         ["1", "Standing-seam metal roof", "$84,500.00", "Accepted"],
         ["2", "Photovoltaic array, 60 kW", "$142,000.00", "Declined"]],
    ])
    price = extract_price(ctx)
    assert price.line_items == []
    assert [(a.description, a.accepted) for a in price.alternates] == [
        ("Standing-seam metal roof", "yes"), ("Photovoltaic array, 60 kW", "no")]
