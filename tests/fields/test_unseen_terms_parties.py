"""Terms, parties and signature rules found on hand-made documents unlike the generated ones
(AIA-style agreement, landscape proposal)."""

from extractors.parties import extract_parties
from extractors.signatures import extract_signatures
from extractors.terms import extract_terms, warranty_months


def test_weather_permitting_is_not_a_permits_clause(make_context) -> None:
    ctx = make_context(["We will begin the installation the week of April 27, 2026, weather "
                        "permitting, and finish by May 15, 2026."])
    assert not extract_terms(ctx).permits.found


def test_warranty_running_after_substantial_completion() -> None:
    assert warranty_months("The Design-Builder warrants that the Work will be free from defects "
                           "for a period of two (2) years after the date of Substantial "
                           "Completion.") == 24
    assert warranty_months("Defects must be reported within 30 days after discovery.") is None


def test_governing_law_names_the_state_later_in_the_clause(make_context) -> None:
    ctx = make_context(["This Agreement shall be governed by the law of the place where the "
                        "Project is located, the State of Minnesota."])
    assert extract_terms(ctx).governing_law.value == "State of Minnesota"


def test_section_mark_run_in_titles_are_sections(make_context) -> None:
    ctx = make_context([
        ("heading", "ARTICLE 5 GENERAL PROVISIONS"),
        "§ 5.1 Warranty. The Work will be free from defects for one year.",
        "§ 5.2 Insurance. The Design-Builder shall carry general liability insurance.",
    ])
    terms = extract_terms(ctx)
    assert terms.warranty.method == "terms.warranty_section"
    assert terms.insurance.method == "terms.insurance_section"


def test_form_lead_ins_over_party_cards(make_context) -> None:
    ctx = make_context([
        ("heading", "STANDARD FORM OF AGREEMENT BETWEEN OWNER AND DESIGN-BUILDER"),
        ("heading", "BETWEEN the Owner:"),
        "Riverbend Public Library District\n300 Water Street\nStillwater, MN 55082\n"
        "Attention: Martin Lindqvist, Facilities Director",
        ("heading", "and the Design-Builder:"),
        "Halvorsen Design-Build, Inc.\n8800 Hudson Boulevard North\nLake Elmo, MN 55042",
        ("heading", "for the following Project:"),
        "Riverbend Library Branch Expansion\n1215 Greeley Street South, Stillwater, MN 55082",
    ])
    parties = extract_parties(ctx)
    assert parties.client.name.value == "Riverbend Public Library District"
    assert parties.client.contact.value == "Martin Lindqvist"
    assert parties.contractor.name.value == "Halvorsen Design-Build, Inc."
    assert parties.project_name.value == "Riverbend Library Branch Expansion"
    assert parties.site_address.value == "1215 Greeley Street South, Stillwater, MN 55082"


def test_name_card_attention_line_gives_the_contact(make_context) -> None:
    ctx = make_context([
        "This Agreement is made between Riverbend Public Library District (\u201cOwner\u201d) and "
        "Halvorsen Design-Build, Inc. (\u201cContractor\u201d).",
        "Riverbend Public Library District\n300 Water Street\nStillwater, MN 55082\n"
        "Attention: Martin Lindqvist, Facilities Director",
    ])
    assert extract_parties(ctx).client.contact.value == "Martin Lindqvist"


def test_form_captions_inside_signature_blocks(make_context) -> None:
    ctx = make_context([
        ("heading", "OWNER"), "Riverbend Public Library District", "/s/ Denise Okonkwo",
        "(Signature)", "Denise Okonkwo, Board President", "(Printed name and title)",
        "Date: April 28, 2026",
    ])
    sigs = [s for s in extract_signatures(ctx) if s.party == "client"]
    assert sigs and sigs[0].signed and sigs[0].date == "2026-04-28"


def test_contact_named_after_a_colon_in_a_sentence(make_context) -> None:
    ctx = make_context([
        "This Amendment is made between Fenwick Analytics LLC (\u201cOwner\u201d) and Brightline "
        "Interiors Group, Inc. (\u201cContractor\u201d). Owner's representative: Nadia Castellanos, "
        "ncastellanos@fenwickanalytics.com, 617-555-0172. Contractor's project manager: Tom "
        "Albrecht, talbrecht@brightlineinteriors.com.",
    ])
    parties = extract_parties(ctx)
    assert parties.client.contact.value == "Nadia Castellanos"
    assert parties.contractor.contact.value == "Tom Albrecht"
