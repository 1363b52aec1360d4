"""Rule tests for the parties extractor: roles from the document's own words."""

from extractors.context import Context
from extractors.nlp import get_nlp
from extractors.parties import extract_parties
from models.document import BlockKind, Document, DocumentBuilder, Page
from models.handoff import FieldStatus
from models.settings import Settings


def test_letterhead_is_contractor_and_prepared_for_is_client(make_context) -> None:
    ctx = make_context([
        ("heading", "SUMMIT ROOFING & EXTERIORS LLC"),
        "1420 Industrial Pkwy, Suite 200\nDayton, OH 45402\n(937) 555-0142 | estimates@summitroof.com",
        "Prepared for: Dana Whitfield\n88 Birch Lane\nKettering, OH 45429\ndana.w@example.net",
        "Project: Whitfield Roof Replacement",
        "Job Site: 88 Birch Lane, Kettering, OH 45429",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "SUMMIT ROOFING & EXTERIORS LLC"
    assert p.contractor.phone.value == "(937) 555-0142"
    assert p.contractor.email.value == "estimates@summitroof.com"
    assert p.contractor.address.value == "1420 Industrial Pkwy, Suite 200, Dayton, OH 45402"
    assert p.client.name.value == "Dana Whitfield"
    assert p.client.email.value == "dana.w@example.net"
    assert p.client.address.value == "88 Birch Lane, Kettering, OH 45429"
    assert p.project_name.value == "Whitfield Roof Replacement"
    assert p.site_address.value == "88 Birch Lane, Kettering, OH 45429"
    assert p.client.name.evidence and p.client.name.evidence[0].snippet == "Dana Whitfield"


def test_defined_terms_decide_roles_not_position(make_context) -> None:
    ctx = make_context([
        'This Agreement is made between Brightline Electric, Inc., an Ohio corporation '
        '("Contractor"), and Lakeview School District, 100 School Rd, Lakeview, OH 44101 ("Owner").',
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Brightline Electric, Inc."
    assert p.client.name.value == "Lakeview School District"
    assert p.client.address.value == "100 School Rd, Lakeview, OH 44101"
    assert p.client.name.method == "parties.defined_term"


def test_hereinafter_and_company_role(make_context) -> None:
    ctx = make_context([
        'Northwind Managed Services LLC, hereinafter referred to as "Company", agrees to provide '
        'services to Harbor Dental Group, hereinafter "Client".',
    ])
    p = extract_parties(ctx)
    assert p.client.name.value == "Harbor Dental Group"
    assert p.contractor.name.value == "Northwind Managed Services LLC"


def test_award_letter_names_winning_contractor_and_agency(make_context) -> None:
    ctx = make_context([
        ("heading", "CITY OF MAPLETON"),
        "Department of Public Works",
        "Dear Mr. Ortiz:",
        "At its meeting of June 2, 2026 the City Council voted to award the contract for the "
        "2026 Street Resurfacing Project to Granite Paving Co. in the amount of $412,000.00. "
        "Other bids were received from Apex Asphalt LLC and Roadway Partners Inc.",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Granite Paving Co."
    assert p.client.name.value == "CITY OF MAPLETON"
    assert p.project_name.value == "2026 Street Resurfacing Project"


def test_side_by_side_table_cards(make_context) -> None:
    ctx = make_context([[
        ["Prepared for:", "Prepared by:"],
        ["Harbor Dental Group", "Northwind IT Services LLC"],
        ["Attn: Priya Raman", "400 Congress Ave, Austin, TX 78701"],
        ["12 Bay St, Austin, TX 78702", "(512) 555-0188"],
    ]])
    p = extract_parties(ctx)
    assert p.client.name.value == "Harbor Dental Group"
    assert p.client.contact.value == "Priya Raman"
    assert p.client.address.value == "12 Bay St, Austin, TX 78702"
    assert p.contractor.name.value == "Northwind IT Services LLC"
    assert p.contractor.phone.value == "(512) 555-0188"


def test_label_value_in_next_cell(make_context) -> None:
    ctx = make_context([[
        ["Customer:", "Greenway Property Management"],
        ["Site Address:", "501 Commerce Dr, Plano, TX 75074"],
        ["Contractor:", "Lone Star Landscaping Co."],
    ]])
    p = extract_parties(ctx)
    assert p.client.name.value == "Greenway Property Management"
    assert p.contractor.name.value == "Lone Star Landscaping Co."
    assert p.site_address.value == "501 Commerce Dr, Plano, TX 75074"


def test_prepared_by_person_is_contact_when_letterhead_names_the_firm(make_context) -> None:
    ctx = make_context([
        "Keystone Mechanical Inc.\n77 Forge Rd, Reading, PA 19601\n610-555-0110",
        "Prepared by: Luis Ortega",
        "Bill To: Maple Court HOA\nAttn: Sarah Kim\n9 Maple Ct, Reading, PA 19604",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Keystone Mechanical Inc."
    assert p.contractor.contact.value == "Luis Ortega"
    assert p.client.name.value == "Maple Court HOA"
    assert p.client.contact.value == "Sarah Kim"


def test_site_address_apart_from_office_and_tbd(make_context) -> None:
    ctx = make_context([
        "Acme Builders LLC\n10 Main St, Springfield, IL 62701\ninfo@acmebuilders.com",
        "Client: Jordan Lee",
        "Site Address: TBD",
    ])
    p = extract_parties(ctx)
    assert p.site_address.status is FieldStatus.stated_tbd
    assert p.contractor.address.value == "10 Main St, Springfield, IL 62701"


def test_nothing_found_is_not_found(make_context) -> None:
    p = extract_parties(make_context(["The work shall be performed in a workmanlike manner."]))
    assert p.client.name.status is FieldStatus.not_found
    assert p.contractor.name.status is FieldStatus.not_found
    assert p.site_address.status is FieldStatus.not_found


def test_subcontract_contractor_is_the_buyer(make_context) -> None:
    ctx = make_context([
        'This Subcontract is entered into between Turner-Vale Builders, Inc., 400 Commerce '
        'Drive, Raleigh, NC 27601 ("Contractor") and Apex Fire Protection LLC ("Subcontractor").',
        "Contractor: Rachel Lindgren, Project Manager, rlindgren@turnervale.com, 919-555-0127.",
    ])
    p = extract_parties(ctx)
    assert p.client.name.value == "Turner-Vale Builders, Inc."
    assert p.contractor.name.value == "Apex Fire Protection LLC"
    # A job title is never a person's name.
    assert p.client.contact.value == "Rachel Lindgren"
    assert p.client.email.value == "rlindgren@turnervale.com"


def test_two_labels_on_one_line(make_context) -> None:
    ctx = make_context([
        'Agreement between Bright Harbor Credit Union ("Client") and Harlow & Finch '
        'Consulting LLC ("Consultant").',
        "Client: Maureen Castellano, VP Operations, mcastellano@brightharborcu.org, "
        "(207) 555-0172. Consultant: Theo Harlow, theo@harlowfinch.com, (207) 555-0119.",
    ])
    p = extract_parties(ctx)
    assert p.client.phone.value == "(207) 555-0172"
    assert p.contractor.email.value == "theo@harlowfinch.com"
    assert p.contractor.phone.value == "(207) 555-0119"


def test_terse_quote_letterhead_and_unlabelled_addressee(make_context) -> None:
    ctx = make_context([
        ("heading", "RIDGELINE ROOFING QUOTE #2291"),
        "PO Box 412 Xenia, OH 45385 (937) 555-0148 jobs@ridgelineroof.com Mar. 4th, 2026",
        "Bob & Linda Marsh\n18 Orchard Ln\nDayton, OH 45419\ncell 937-555-2290",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "RIDGELINE ROOFING"
    assert p.contractor.phone.value == "(937) 555-0148"
    assert p.client.name.value == "Bob & Linda Marsh"
    assert p.client.phone.value == "937-555-2290"


def test_uk_phones_for_label_and_site_in_re_line(make_context) -> None:
    ctx = make_context([
        ("header", "Hartley & Bell Electrical Ltd · Unit 6, Canal Wharf, Leeds LS11 5PS · "
                   "0113 496 0732 · quotes@hartleybell.co.uk"),
        "For: Mrs Eleanor Whitcombe\n42 Grove Terrace\nHeadingley, Leeds LS6 2AP\n"
        "eleanor.whitcombe@example.co.uk · 07700 900461",
        "Re: Rewire at 42 Grove Terrace, Headingley, Leeds LS6 2AP",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Hartley & Bell Electrical Ltd"
    assert p.contractor.phone.value == "0113 496 0732"
    assert p.client.name.value == "Mrs Eleanor Whitcombe"
    assert p.client.phone.value == "07700 900461"
    assert p.site_address.value == "42 Grove Terrace, Headingley, Leeds LS6 2AP"


def test_card_text_run_together_in_one_cell(make_context) -> None:
    ctx = make_context([[
        ["Prepared for", "Prepared by"],
        ["Falcon Logistics, LLC Attn: Jonah Reyes 4930 Industrial Parkway Madison, WI 53703 "
         "Email: jonah@falcon.com Phone: 865-555-5816",
         "Silver Creek Remodeling Ltd. Jonah Lindqvist 237.555.7469 jonah@silvercreek.com"],
    ]])
    p = extract_parties(ctx)
    assert p.client.name.value == "Falcon Logistics, LLC"
    assert p.client.contact.value == "Jonah Reyes"
    assert p.client.phone.value == "865-555-5816"
    assert p.contractor.name.value == "Silver Creek Remodeling Ltd."
    assert p.contractor.contact.value == "Jonah Lindqvist"
    assert p.contractor.email.value == "jonah@silvercreek.com"


def test_contact_line_goes_to_the_party_its_email_names(make_context) -> None:
    ctx = make_context([
        "WHEREAS, the County of San Benito Public Works opened sealed bids for the Front Entry "
        "Landscape located at 2103 Birch Lane, Chattanooga, TN 37402; and",
        "NOW, THEREFORE, BE IT RESOLVED that the contract is awarded to Granite State Grounds "
        "LLC in the amount of $24,160.00.",
        "Contact: Aisha Kowalski, purchasing@san.gov, 320-555-3960",
    ])
    p = extract_parties(ctx)
    assert p.client.name.value == "County of San Benito Public Works"
    assert p.contractor.name.value == "Granite State Grounds LLC"
    assert p.client.email.value == "purchasing@san.gov"
    assert p.client.phone.value == "320-555-3960"
    assert p.project_name.value == "Front Entry Landscape"
    assert p.site_address.value == "2103 Birch Lane, Chattanooga, TN 37402"


def test_bare_label_needs_a_value_of_its_kind(make_context) -> None:
    ctx = make_context([
        "Project Schedule",
        "Owner shall pay the contract sum in three installments.",
        "Bidder Granite State Construction, LLC",
        "Phone 535.555.1868",
    ])
    p = extract_parties(ctx)
    assert p.project_name.status is FieldStatus.not_found
    assert p.client.name.status is FieldStatus.not_found
    assert p.contractor.name.value == "Granite State Construction, LLC"
    assert p.contractor.phone.value == "535.555.1868"


def test_defined_term_after_descriptor_and_office_address(make_context) -> None:
    ctx = make_context([
        'This Master Services Agreement is entered into as of June 1, 2026 by Acme IT Solutions, '
        'Inc., a Texas corporation with offices at 500 Main St, Austin, TX 78701 ("Provider"), '
        'and Riverbend Clinic, PLLC, 12 River Rd, Round Rock, TX 78664 ("Client").',
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Acme IT Solutions, Inc."
    assert p.contractor.address.value == "500 Main St, Austin, TX 78701"
    assert p.client.name.value == "Riverbend Clinic, PLLC"
    # The provider's office is not the site.
    assert p.site_address.status is FieldStatus.not_found


def test_from_and_to_lines_of_a_quote(make_context) -> None:
    ctx = make_context([
        "From: Northside Electric, Inc. (License #EC13005) 2200 N Main St, Gainesville, FL 32609 "
        "– 352-555-0111",
        "To: Oak Hammock Condominium Association, 5 Park Ave, Gainesville, FL 32601",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Northside Electric, Inc."
    assert p.contractor.phone.value == "352-555-0111"
    assert p.client.name.value == "Oak Hammock Condominium Association"


def test_owner_as_a_title_under_a_name_is_not_a_label(make_context) -> None:
    ctx = make_context([
        "Brightline Analytics LLC\n44 Pearl St, Boston, MA 02110 | hello@brightline.io",
        [["Client", "Project"], ["Harborview Hospital\nAttn: Priya Nair", "Data Warehouse Modernization"]],
        "Respectfully,",
        "Dana Cole",
        "Owner",
        "Brightline Analytics LLC",
    ])
    p = extract_parties(ctx)
    assert p.client.name.value == "Harborview Hospital"
    assert p.contractor.name.value == "Brightline Analytics LLC"
    assert p.project_name.value == "Data Warehouse Modernization"


def test_person_then_organisation_in_a_card(make_context) -> None:
    ctx = make_context([
        "Prepared for: John Smith\nABC Properties LLC\n123 Main St, Springfield, IL 62701",
        "Bill To:\nAttn: Jane Doe\nMaple Court HOA\n9 Maple Ct, Reading, PA 19604",
    ])
    p = extract_parties(ctx)
    # Both cards name the client; the stronger label ("Prepared for") wins.
    assert p.client.name.value == "ABC Properties LLC"
    assert p.client.contact.value == "John Smith"


def test_firm_named_only_in_the_footer(make_context) -> None:
    ctx = make_context([
        [["ESTIMATE", "#4471"], ["Customer Name:", "Greenfield HOA"],
         ["Job Address:", "200 Greenfield Way, Fishers, IN 46037"]],
        ("footer", "Evergreen Lawn & Tree LLC · 9 Commerce Ct, Noblesville, IN 46060 · "
                   "(317) 555-0142"),
    ])
    p = extract_parties(ctx)
    assert p.client.name.value == "Greenfield HOA"
    assert p.contractor.name.value == "Evergreen Lawn & Tree LLC"
    assert p.contractor.name.method == "parties.footer"
    assert p.site_address.value == "200 Greenfield Way, Fishers, IN 46037"


def _pdf_lines(lines: list[list[tuple[str, float]]]) -> Document:
    """A one-page 'PDF' whose lines hold words at given x positions (two blocks side by side
    that a reader ran into the same lines)."""
    b = DocumentBuilder(sha256="0" * 64, file_name="t.pdf", media_type="application/pdf",
                        reader="test")
    b.add_page(Page(number=1, width=612, height=792))
    for n, words in enumerate(lines):
        text, spans, pos = "", [], 0
        for word, x in words:
            if text:
                text += " "
                pos += 1
            spans.append((pos, pos + len(word), x, 100.0 + 14 * n, x + 6 * len(word),
                          110.0 + 14 * n))
            text += word
            pos += len(word)
        b.add_block(BlockKind.paragraph, text, page=1, words=spans)
    return b.build()


def test_side_by_side_cards_split_by_word_position(settings: Settings) -> None:
    document = _pdf_lines([
        [("Prepared", 72), ("for", 120), ("Prepared", 320), ("by", 368)],
        [("Tom", 72), ("Moreau", 95), ("Cornerstone", 320), ("Electrical", 390), ("Ltd.", 450)],
        [("8321", 72), ("Maple", 100), ("Avenue", 135), ("Elena", 320), ("Nakamura", 355)],
    ])
    ctx = Context(document, get_nlp(settings)(document.text), settings)
    p = extract_parties(ctx)
    assert p.client.name.value == "Tom Moreau"
    assert p.contractor.name.value == "Cornerstone Electrical Ltd."
    assert p.contractor.contact.value == "Elena Nakamura"


def test_directory_table_with_a_role_column(make_context) -> None:
    ctx = make_context([[
        ["Role", "Company", "Contact", "Email", "Phone"],
        ["Owner", "Lakeside Medical Center", "Janet Wu", "jwu@lakesidemed.org", "(608) 555-0111"],
        ["Contractor", "Badger State Builders, Inc.", "Carl Olsen", "colsen@badgerbuilders.com",
         "(608) 555-0199"],
    ]])
    p = extract_parties(ctx)
    assert p.client.name.value == "Lakeside Medical Center"
    assert p.client.contact.value == "Janet Wu"
    assert p.contractor.email.value == "colsen@badgerbuilders.com"


def test_name_field_inside_an_information_card(make_context) -> None:
    ctx = make_context([
        ("heading", "Customer Information"),
        "Name: Maria Lopez\nAddress: 55 Elm St, Salem, OR 97301\nPhone: 503-555-0142",
    ])
    p = extract_parties(ctx)
    assert p.client.name.value == "Maria Lopez"
    assert p.client.phone.value == "503-555-0142"
    assert p.client.contact.status is FieldStatus.not_found


def test_award_letter_names_the_contractor_after_the_above_contract(make_context) -> None:
    from extractors.parties import extract_parties

    parties = extract_parties(make_context([
        "CITY OF MAPLE GROVE", "October 2, 2026", "Greenline Paving Corp.", "415 Industrial Dr.",
        "RE: NOTICE OF AWARD — 2026 Street Resurfacing Program",
        "The City Council awarded the above contract to Greenline Paving Corp. in the amount of "
        "$1,284,560.00, being the lowest responsible bid."]))
    assert parties.contractor.name.value == "Greenline Paving Corp."


def test_each_contact_sentence_goes_to_its_own_party(make_context) -> None:
    # Both contacts in one paragraph: an email's phone and person come from its own sentence.
    ctx = make_context([
        'This Subcontract is made between Hollis Construction Builders, Inc. (the "Contractor"), '
        'and Keystone Electric Company (the "Subcontractor"). The Contractor\u2019s project '
        "manager is Megan Sato, msato@hollisbuilders.com, 216-555-0142. The Subcontractor\u2019s "
        "contact is Ray Dombrowski, estimating@keystone-electric.com, 440-555-0187.",
    ])
    p = extract_parties(ctx)
    assert (p.client.contact.value, p.client.email.value, p.client.phone.value) == (
        "Megan Sato", "msato@hollisbuilders.com", "216-555-0142")
    assert (p.contractor.contact.value, p.contractor.email.value, p.contractor.phone.value) == (
        "Ray Dombrowski", "estimating@keystone-electric.com", "440-555-0187")


def test_project_label_running_into_the_site_address(make_context) -> None:
    ctx = make_context([
        "Project: Cedar Point Middle School Addition, 900 Lakeshore Boulevard, Sandusky, OH 44870",
    ])
    p = extract_parties(ctx)
    assert p.project_name.value == "Cedar Point Middle School Addition"
    assert p.site_address.value == "900 Lakeshore Boulevard, Sandusky, OH 44870"


def test_project_label_with_a_number_in_its_name_stays_whole(make_context) -> None:
    ctx = make_context(["Project: Phase 2, 3 Story Addition"])
    assert extract_parties(ctx).project_name.value == "Phase 2, 3 Story Addition"


def test_letterhead_named_by_its_own_email_domain(make_context) -> None:
    # No legal or trade word in the name; the email under it is at the firm's own domain.
    ctx = make_context([
        ("heading", "Atelier Moreau Menuiserie"),
        "14 rue Saint-Georges, 69005 Lyon, France\nTel. +33 4 72 55 01 87 \u2013 "
        "devis@atelier-moreau.fr",
        "Mr James Harrington\n12 chemin des Vignes\n69450 Saint-Cyr-au-Mont-d'Or, France",
        "Lyon, 3/4/2027",
    ])
    p = extract_parties(ctx)
    assert p.contractor.name.value == "Atelier Moreau Menuiserie"
    assert p.contractor.address.value == "14 rue Saint-Georges, 69005 Lyon, France"
    assert p.client.name.value == "Mr James Harrington"
    assert p.client.address.value == "12 chemin des Vignes, 69450 Saint-Cyr-au-Mont-d'Or, France"


def test_site_at_the_address_above_is_the_customers(make_context) -> None:
    ctx = make_context([
        ("heading", "Cedar & Brush Painting Co."),
        "2218 Alder Street, Eugene, OR 97405 \u2022 (541) 555-0163",
        "Customer: Priya and Daniel Okafor\n1630 Willamette Heights Drive, Eugene, OR 97403",
        "Below is our price to paint the living areas, all at the address above.",
    ])
    p = extract_parties(ctx)
    assert p.site_address.value == "1630 Willamette Heights Drive, Eugene, OR 97403"
    assert p.site_address.method == "parties.site_address_above"
