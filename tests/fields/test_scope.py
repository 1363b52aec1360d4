"""Rule tests for the scope extractor: items split from bullets, numbering, tables and prose."""

from decimal import Decimal

from extractors.context import Context
from extractors.nlp import get_nlp
from extractors.scope import extract_scope, split_list
from models.document import BlockKind, DocumentBuilder, Page
from models.settings import Settings


def texts(items) -> list[str]:
    return [i.text for i in items]


def test_bullets_and_numbering_are_cleaned(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Work"),
        ("list_item", "• Remove existing shingles and underlayment"),
        ("list_item", "2. Install (12) recessed lights"),
        ("list_item", "a) Patch 1,200 sq ft of drywall"),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == [
        "Remove existing shingles and underlayment", "Install (12) recessed lights",
        "Patch 1,200 sq ft of drywall",
    ]
    assert scope.inclusions[1].quantity == Decimal(12)
    assert scope.inclusions[2].quantity == Decimal(1200)
    assert scope.inclusions[2].unit == "sq ft"
    assert all(i.section == "Scope of Work" for i in scope.inclusions)
    assert scope.inclusions[0].evidence[0].snippet.endswith("underlayment")


def test_inline_exclusions_sentence_is_a_list(make_context) -> None:
    ctx = make_context(["Exclusions: painting, permits, and dumpster fees."])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["painting", "permits", "dumpster fees"]
    assert scope.exclusions[0].section == "Exclusions"


def test_semicolon_list_and_lead_in(make_context) -> None:
    ctx = make_context([
        ("heading", "Not Included"),
        "The following items are not included in this proposal: asbestos abatement; "
        "structural repairs; electrical upgrades.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["asbestos abatement", "structural repairs",
                                       "electrical upgrades"]


def test_lines_in_one_block_split_at_bullets(make_context) -> None:
    ctx = make_context([
        ("heading", "EXCLUSIONS"),
        "- Landscaping repair\n- Gutter replacement\n  beyond 20 lf\n- Interior painting",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["Landscaping repair", "Gutter replacement beyond 20 lf",
                                       "Interior painting"]


def test_prose_paragraph_splits_into_sentences(make_context) -> None:
    ctx = make_context([
        ("heading", "Description of Work"),
        "Contractor will furnish all labor and materials to replace the rooftop unit. "
        "Work includes new curb adapter, condensate line and startup. Approx. 2 days on site.",
    ])
    scope = extract_scope(ctx)
    assert len(scope.inclusions) == 3
    assert scope.inclusions[0].text.startswith("Contractor will furnish")


def test_by_others_and_owner_to_provide_are_rerouted(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope"),
        ("list_item", "Install new water heater"),
        ("list_item", "Drywall patching by others"),
        ("list_item", "Owner to provide clear access to the mechanical room"),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["Install new water heater"]
    assert texts(scope.exclusions) == ["Drywall patching by others"]
    assert texts(scope.owner_responsibilities) == [
        "Owner to provide clear access to the mechanical room"]


def test_assumptions_and_owner_sections(make_context) -> None:
    ctx = make_context([
        ("heading", "Assumptions & Clarifications"),
        ("list_item", "Work performed during normal business hours"),
        ("heading", "Owner Responsibilities"),
        ("list_item", "Provide power and water"),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.assumptions) == ["Work performed during normal business hours"]
    assert texts(scope.owner_responsibilities) == ["Provide power and water"]


def test_table_under_scope_heading_gives_rows(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Services"),
        [["Service", "Qty", "Unit"], ["Managed endpoint monitoring", "45", "devices"],
         ["Quarterly vulnerability scans", "4", "ea"]],
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["Managed endpoint monitoring", "Quarterly vulnerability scans"]
    assert scope.inclusions[0].quantity == Decimal(45)
    assert scope.inclusions[0].unit == "devices"


def test_price_table_outside_scope_and_boilerplate_are_not_scope(make_context) -> None:
    ctx = make_context([
        ("heading", "Pricing"),
        [["Description", "Amount"], ["Roof replacement", "$12,000.00"], ["Total", "$12,000.00"]],
        ("heading", "Terms and Conditions"),
        "Contractor is not responsible for delays caused by weather.",
    ])
    scope = extract_scope(ctx)
    assert scope.inclusions == [] and scope.exclusions == []


def test_prose_exclusion_outside_sections(make_context) -> None:
    ctx = make_context([
        "We propose to replace the deck boards on the rear porch.",
        "This proposal does not include railings, stairs or staining.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["railings", "stairs", "staining"]


def test_split_list_keeps_a_sentence_whole() -> None:
    assert split_list("painting, permits, and dumpster fees") == [
        "painting", "permits", "dumpster fees"]
    assert split_list("Remove the existing roof, dispose of all debris in a licensed landfill "
                      "and haul away") != []


def test_inline_heading_governs_its_line_only(make_context) -> None:
    ctx = make_context([
        "Not incl: skylights, gutters, rotted decking over 2 sheets (extra sheets $85/sheet).\n"
        "50% down to get on the schedule, rest when done.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["skylights", "gutters",
                                       "rotted decking over 2 sheets (extra sheets $85/sheet)"]


def test_lead_in_heading_continues_the_section(make_context) -> None:
    ctx = make_context([
        ("list_item", "1. Inclusions"),
        ("heading", "The following work is included:"),
        ("list_item", "(a) Furnish and install quartz countertops."),
        ("list_item", "(b) Document the network, accounts and recovery procedures."),
        ("list_item", "2. Pricing"),
        ("list_item", "• Countertops: $9,350.00"),
    ])
    scope = extract_scope(ctx)
    # A list entry with commas stays one item; the price list is not scope.
    assert texts(scope.inclusions) == ["Furnish and install quartz countertops",
                                       "Document the network, accounts and recovery procedures"]


def test_headings_that_say_so_in_their_own_words(make_context) -> None:
    ctx = make_context([
        ("heading", "1. Subcontract Work"),
        "Subcontractor shall furnish all labor, material and equipment for:",
        ("list_item", "1. Wet-pipe sprinkler system for floors 1 through 4 per NFPA 13"),
        ("heading", "Bidder's Exclusions"),
        ("list_item", "– Signage"),
        ("heading", "What's not included"),
        ("list_item", "• Lifting and relaying of fitted carpets"),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == [
        "Wet-pipe sprinkler system for floors 1 through 4 per NFPA 13"]
    assert texts(scope.exclusions) == ["Signage", "Lifting and relaying of fitted carpets"]


def test_subcontract_contractors_responsibilities_are_the_buyers(make_context) -> None:
    ctx = make_context([
        'Between Turner-Vale Builders, Inc. ("Contractor") and Apex Fire LLC ("Subcontractor").',
        ("heading", "1.4 Contractor's Responsibilities"),
        [["Item", "Description"], ["1", "Provide clear access to the mechanical room"]],
    ])
    scope = extract_scope(ctx)
    assert texts(scope.owner_responsibilities) == ["Provide clear access to the mechanical room"]


def test_document_title_is_not_a_scope_section(make_context) -> None:
    ctx = make_context([
        ("heading", "STATEMENT OF WORK"),
        "SOW No. 10",
        "This Statement of Work is entered into under the Master Services Agreement.",
        ("heading", "DELIVERABLES"),
        ("list_item", "• Network assessment report"),
    ])
    assert texts(extract_scope(ctx).inclusions) == ["Network assessment report"]


def test_services_do_not_include_sentence_is_split(make_context) -> None:
    ctx = make_context([
        ("heading", "3. Not Included"),
        "The Services do not include contract negotiation with the selected vendor, data "
        "conversion, or implementation project management.",
    ])
    assert texts(extract_scope(ctx).exclusions) == [
        "contract negotiation with the selected vendor", "data conversion",
        "implementation project management"]


def test_numbered_table_takes_the_description_column(make_context) -> None:
    ctx = make_context([
        ("heading", "Includes:"),
        [["Item", "Description"], ["1", "Plant 14 shrubs per the planting plan"],
         ["2", "Install drip irrigation to all new planting beds"]],
    ])
    assert texts(extract_scope(ctx).inclusions) == [
        "Plant 14 shrubs per the planting plan", "Install drip irrigation to all new planting beds"]


def test_page_footer_is_not_an_item(make_context) -> None:
    ctx = make_context([
        ("heading", "Exclusions"),
        ("list_item", "• Tree removal"),
        "Bayside Landscaping, Ltd. - Form QU-59 rev. 05/2025",
        "Page 2",
    ])
    assert texts(extract_scope(ctx).exclusions) == ["Tree removal"]


def test_letter_proposal_without_scope_headings(make_context) -> None:
    ctx = make_context([
        "Dear Mr. and Mrs. Patel,",
        "We propose to replace the existing oil boiler with a new propane combi boiler, install "
        "a 40-gallon indirect water heater, and reconnect the existing baseboard zones.",
        "Our price does not include painting, drywall repair or the propane tank, which will be "
        "provided by your propane supplier.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == [
        "replace the existing oil boiler with a new propane combi boiler",
        "install a 40-gallon indirect water heater", "reconnect the existing baseboard zones"]
    assert texts(scope.exclusions) == ["painting", "drywall repair", "the propane tank"]


def test_closing_ends_the_last_list(make_context) -> None:
    ctx = make_context([
        ("heading", "Out of Scope"),
        "Data migration execution; vendor licensing; end-user training.",
        "Respectfully,",
        "/s/ Dana Cole",
        "Dana Cole",
    ])
    assert texts(extract_scope(ctx).exclusions) == [
        "Data migration execution", "vendor licensing", "end-user training"]


def test_owner_duty_in_an_exclusion_line(make_context) -> None:
    ctx = make_context([
        "Excludes: permit fees, replanting. Customer to mark irrigation heads before work begins.",
        "This quote does not include patching or painting.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["permit fees", "replanting", "patching", "painting"]
    assert texts(scope.owner_responsibilities) == [
        "Customer to mark irrigation heads before work begins"]


def test_sub_headings_under_scope_keep_their_items(settings: Settings) -> None:
    b = DocumentBuilder(sha256="0" * 64, file_name="t", media_type="t", reader="t")
    b.add_page(Page(number=1))
    for kind, text, level in [("heading", "Scope of Work", 1), ("heading", "Kitchen", 2),
                              ("list_item", "• Remove existing cabinets", 0),
                              ("heading", "Bathroom", 2), ("list_item", "• Replace vanity", 0),
                              ("heading", "Payment Terms", 1), ("paragraph", "50% deposit.", 0)]:
        b.add_block(BlockKind(kind), text, page=1, level=level)
    document = b.build()
    ctx = Context(document, get_nlp(settings)(document.text), settings)
    scope = extract_scope(ctx)
    assert [(i.text, i.section) for i in scope.inclusions] == [
        ("Remove existing cabinets", "Kitchen"), ("Replace vanity", "Bathroom")]


def test_included_not_included_matrix(make_context) -> None:
    ctx = make_context([("heading", "Scope"),
                        [["Included", "Not Included"], ["Tear-off", "Gutters"],
                         ["Ridge vent", ""]]])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["Tear-off", "Ridge vent"]
    assert texts(scope.exclusions) == ["Gutters"]


def test_lettered_list_inside_a_line_and_run_in_titles(make_context) -> None:
    ctx = make_context([
        ("heading", "SCOPE OF WORK"),
        "Demolition: Remove existing cabinets and countertops and haul debris.",
        "Exclusions: a. painting b. permits c. dumpsters",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == [
        "Demolition: Remove existing cabinets and countertops and haul debris"]
    assert texts(scope.exclusions) == ["painting", "permits", "dumpsters"]


def test_numbered_run_in_heading_opens_its_section(make_context) -> None:
    """Contracts write "1. Services. Provider will deliver …": the clause is the scope."""
    from extractors.scope import extract_scope

    scope = extract_scope(make_context([
        "1. Services. Provider will deliver 24x7 monitoring and help desk support for up to 40 users.",
        "2. Fees. Client shall pay a monthly fee of $3,250.00."]))
    assert any("24x7 monitoring" in item.text for item in scope.inclusions)
    assert not any("monthly fee" in item.text for item in scope.inclusions)


def test_run_in_exclusions_title_lists_each_excluded_item(make_context) -> None:
    # A bold run-in title without numbering opens its paragraph's section; the sentence's own
    # "Excludes" is not part of the first item.
    ctx = make_context([
        "Prep. We mask floors and fixtures before painting.",
        "Exclusions. Excludes moving the piano and china cabinet, drywall repair beyond nail "
        "holes, and lead abatement. Homes built before 1978 are tested first.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["moving the piano and china cabinet",
                                       "drywall repair beyond nail holes", "lead abatement"]
    assert scope.exclusions[0].section == "Exclusions"


def test_not_covered_run_in_heading_lists_exclusions(make_context) -> None:
    ctx = make_context([
        ("list_item", "2. Services. Northwind will test boiler safety controls once a year."),
        ("list_item", "3. Not Covered. This Agreement does not cover replacement of compressors; "
                      "refrigerant beyond five pounds per year; ductwork cleaning; or damage "
                      "from power surges."),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.exclusions) == ["replacement of compressors",
                                       "refrigerant beyond five pounds per year",
                                       "ductwork cleaning", "damage from power surges"]


def test_excluded_lead_in_inside_the_scope_lists_exclusions(make_context) -> None:
    ctx = make_context([
        ("heading", "ARTICLE 1 – SUBCONTRACT WORK"),
        ("list_item", "a) New 2000A service and distribution panelboards"),
        "The following are excluded from this Subcontract: utility company charges; "
        "telephone and data cabling; and cutting and patching of existing masonry.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["New 2000A service and distribution panelboards"]
    assert texts(scope.exclusions) == ["utility company charges", "telephone and data cabling",
                                       "cutting and patching of existing masonry"]


def test_excluding_bullet_under_scope_heading_is_an_exclusion(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Work"),
        ("list_item", "• Install new vanity and faucet"),
        ("list_item", "• Does not include permits, tile or painting"),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["Install new vanity and faucet"]
    assert texts(scope.exclusions) == ["permits", "tile", "painting"]


def test_bare_comma_list_under_an_exclusions_heading(make_context) -> None:
    ctx = make_context([
        ("heading", "Not included"),
        "Electrical and plumbing connections, removal of the existing kitchen, tiling.",
    ])
    assert texts(extract_scope(ctx).exclusions) == [
        "Electrical and plumbing connections", "removal of the existing kitchen", "tiling"]


def test_comma_sentence_with_a_clause_stays_whole(make_context) -> None:
    ctx = make_context([
        ("heading", "Not included"),
        "Painting, patching and trim work will be done by the owner, as agreed on site.",
    ])
    scope = extract_scope(ctx)
    assert len(scope.exclusions + scope.owner_responsibilities) == 1


def test_verb_series_with_a_final_and_stays_one_task(make_context) -> None:
    ctx = make_context([("heading", "Scope of Work"), "Furnish, install, and test the new panel."])
    assert texts(extract_scope(ctx).inclusions) == ["Furnish, install, and test the new panel"]


def test_comma_and_list_under_an_exclusions_heading(make_context) -> None:
    ctx = make_context([("heading", "Exclusions"), "Permits, engineering, and testing."])
    assert texts(extract_scope(ctx).exclusions) == ["Permits", "engineering", "testing"]


def test_assumption_with_commas_stays_whole(make_context) -> None:
    ctx = make_context([("heading", "Assumptions"),
                        "Pricing assumes normal working hours, Monday through Friday, 7am-4pm."])
    assert texts(extract_scope(ctx).assumptions) == [
        "Pricing assumes normal working hours, Monday through Friday, 7am-4pm"]


def test_two_things_split_at_a_semicolon_under_exclusions(make_context) -> None:
    ctx = make_context([("heading", "Exclusions"), "Furniture moving; baseboard paint."])
    assert texts(extract_scope(ctx).exclusions) == ["Furniture moving", "baseboard paint"]


def test_owner_duty_in_prose_outside_scope_sections(make_context) -> None:
    ctx = make_context([
        "Homeowner: Jane Doe",
        "Contract Price: $12,000.00",
        "Customer will remove all furniture prior to start.",
        "Customer shall pay the balance within 10 days of completion.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.owner_responsibilities) == ["Customer will remove all furniture prior to start"]
    assert scope.owner_responsibilities[0].method == "scope.prose_owner"
