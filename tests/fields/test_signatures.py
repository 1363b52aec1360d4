"""Rule tests for signatures: signed vs blank lines, signer, title, date, envelope ids."""

from extractors.signatures import extract_signatures


def by_party(sigs):
    return {s.party: s for s in sigs}


def test_stacked_blocks_signed_and_blank(make_context) -> None:
    ctx = make_context([
        ("heading", "Acceptance"),
        "The above prices, specifications and conditions are accepted.",
        "CONTRACTOR: Acme Roofing LLC",
        "By: /s/ Mark Jones",
        "Name: Mark Jones",
        "Title: President",
        "Date: 03/02/2026",
        "OWNER:",
        "By: ____________________",
        "Name: ____________",
        "Date: __________",
    ])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["contractor"].signed is True
    assert sigs["contractor"].signer_name == "Mark Jones"
    assert sigs["contractor"].title == "President"
    assert sigs["contractor"].date == "2026-03-02"
    assert sigs["client"].signed is False
    assert sigs["client"].signer_name is None
    assert sigs["client"].date is None


def test_side_by_side_table(make_context) -> None:
    ctx = make_context([[
        ["OWNER", "CONTRACTOR"],
        ["Lakeview School District", "Brightline Electric, Inc."],
        ["Signature: /s/ Ann Lee", "Signature: ______________"],
        ["Name: Ann Lee", "Name: Tom Hart"],
        ["Title: Superintendent", "Title: Vice President"],
        ["Date: April 2, 2026", "Date: ________"],
    ]])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed and sigs["client"].signer_name == "Ann Lee"
    assert sigs["client"].date == "2026-04-02"
    assert sigs["contractor"].signed is False
    assert sigs["contractor"].title == "Vice President"


def test_label_cells_beside_values(make_context) -> None:
    ctx = make_context([[
        ["Accepted by Client", "", "Contractor", ""],
        ["Signature:", "/s/ Priya Raman", "Signature:", "/s/ Luis Ortega"],
        ["Date:", "2026-05-14", "Date:", "2026-05-12"],
    ]])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed and sigs["client"].signer_name == "Priya Raman"
    assert sigs["client"].date == "2026-05-14"
    assert sigs["contractor"].signer_name == "Luis Ortega"
    assert sigs["contractor"].date == "2026-05-12"


def test_unsigned_proposal_customer_line(make_context) -> None:
    ctx = make_context([
        "To accept this proposal, sign below and return one copy.",
        "Customer Signature: ______________________   Date: ____________",
    ])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed is False
    assert sigs["client"].method == "signatures.block"
    # No block for the contractor at all: reported, and not signed.
    assert sigs["contractor"].signed is False
    assert sigs["contractor"].method == "signatures.no_block"


def test_envelope_id_attached(make_context) -> None:
    ctx = make_context([
        "DocuSign Envelope ID: 1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D",
        "CLIENT",
        "Signed: Jordan Avery",
        "Date: 14/05/2026",
    ])
    sigs = extract_signatures(ctx)
    assert sigs[0].envelope_id == "1A2B3C4D-5E6F-7A8B-9C0D-1E2F3A4B5C6D"
    assert sigs[0].signed and sigs[0].signer_name == "Jordan Avery"
    assert sigs[0].date == "2026-05-14"


def test_no_signature_block(make_context) -> None:
    assert extract_signatures(make_context(["By signing up you agree to our newsletter."])) == []


def test_cell_read_as_one_line_with_company_and_written_name(make_context) -> None:
    ctx = make_context([[
        ["OWNER Westbrook Medical Partners Ltd Mei Whitfield _____________________________ "
         "Name: Mei Whitfield Title: Property Manager Date: 08/03/2026",
         "CONTRACTOR Lakeshore Exteriors, Ltd _____________________________ "
         "Name: Ingrid Abernathy Title: Director Date: ________"],
    ]])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed and sigs["client"].signer_name == "Mei Whitfield"
    assert sigs["client"].title == "Property Manager"
    assert sigs["contractor"].signed is False
    assert sigs["contractor"].signer_name == "Ingrid Abernathy"


def test_empty_title_line_is_not_a_second_signature(make_context) -> None:
    ctx = make_context([
        "Client Acceptance",
        "Dana Moreau",
        "__________________________________",
        "Name: Dana Moreau",
        "Title: __________________________",
        "Date: March 29, 2026",
    ])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed and sigs["client"].date == "2026-03-29"


def test_docusign_stamps_and_roles_from_the_parties(make_context) -> None:
    ctx = make_context([
        "Docusign Envelope ID: 7C1E4B2A-93D5-4F0E-A8B6-2D41C9E07F35",
        "Provider: ByteHarbor Networks Inc., 1200 Pacific Ave, Tacoma, WA 98402",
        "Customer: Lumen Ridge Dental, P.C., 88 Bridgeport Way, Lakewood, WA 98499 – attention "
        "of Dr. Anita Perala, office manager",
        [["Anita Perala", "Marcus Oyelaran"], ["3F9A01C2D4E84B7", "A17B66E0C3F2418"],
         ["Signed: 4/22/2026 | 9:41 AM PDT", "Signed: 4/20/2026 | 4:02 PM PDT"],
         ["Name: Dr. Anita Perala, DDS", "Name: Marcus Oyelaran, CEO"]],
    ])
    sigs = extract_signatures(ctx)
    client = [s for s in sigs if s.party == "client"]
    assert client and client[0].signed and client[0].date == "2026-04-22"
    assert client[0].signer_name == "Dr. Anita Perala"
    assert all(s.envelope_id == "7C1E4B2A-93D5-4F0E-A8B6-2D41C9E07F35" for s in sigs)


def test_stacked_blocks_headed_by_company_names(make_context) -> None:
    ctx = make_context([
        'Agreement between Bright Harbor Credit Union ("Client") and Harlow & Finch Consulting '
        'LLC ("Consultant").',
        ("heading", "BRIGHT HARBOR CREDIT UNION"),
        "Maureen Castellano",
        "By: Maureen Castellano, VP Operations",
        "Date: January 14, 2026",
        ("heading", "HARLOW & FINCH CONSULTING LLC"),
        "Theo Harlow",
        "By: Theo Harlow, Managing Partner",
        "Date: January 12, 2026",
    ])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed and sigs["client"].signer_name == "Maureen Castellano"
    assert sigs["client"].title == "VP Operations"
    assert sigs["client"].date == "2026-01-14"
    assert sigs["contractor"].signer_name == "Theo Harlow"


def test_resolution_signed_by_mayor_with_attestation(make_context) -> None:
    ctx = make_context([
        ("heading", "CITY OF BRENTWOOD HEIGHTS"),
        "Section 1. The contract is awarded to Greenway Site Works, Inc. in the amount of "
        "$287,400.00.",
        "/s/ Katherine Ruiz-Olsen",
        "Katherine Ruiz-Olsen, Mayor",
        "ATTEST:",
        "/s/ Daniel P. Moy",
        "Daniel P. Moy, City Clerk",
    ])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed and sigs["client"].signer_name == "Katherine Ruiz-Olsen"
    assert sigs["contractor"].signed is False


def test_letter_sign_off_with_title_and_company(make_context) -> None:
    ctx = make_context([
        ("heading", "Brightline Analytics LLC"),
        "44 Pearl St, Suite 5, Boston, MA 02110 | hello@brightline.io | 617-555-0170",
        "Respectfully,",
        "/s/ Dana Cole",
        "Dana Cole",
        "Owner",
        "Brightline Analytics LLC",
    ])
    sigs = by_party(extract_signatures(ctx))
    # "Owner" under the signer's name is a title, not the client's heading.
    assert sigs["contractor"].signed and sigs["contractor"].title == "Owner"
    assert sigs["client"].signed is False


def test_mark_name_stops_at_the_next_label(make_context) -> None:
    sigs = extract_signatures(make_context([
        "Signature: /s/ Karen Miller   Title: President   Date: 04/10/2026"]))
    assert sigs[0].signer_name == "Karen Miller"
    assert sigs[0].title == "President"
    assert sigs[0].date == "2026-04-10"


def test_acceptance_line_heads_the_buyers_blank_block(make_context) -> None:
    ctx = make_context([
        "ACCEPTANCE – I accept this quotation and the terms overleaf.",
        "Signed: ................................... Print name: ................................... "
        "Date: ....../....../......",
    ])
    sigs = by_party(extract_signatures(ctx))
    assert sigs["client"].signed is False
    assert sigs["client"].method == "signatures.block"
    assert sigs["contractor"].signed is False


def test_company_column_beside_the_customers_column(make_context) -> None:
    # Each column is its own block: the company-headed one has its own signature line.
    ctx = make_context([
        "Total: $15,066.00",
        [["Accepted by customer", "Cedar & Brush Painting Co."],
         ["Signature: Priya Okafor", "Estimator: ______________________"],
         ["Date: 10/6/2026", "Luis Marrero"]],
    ])
    sigs = by_party(extract_signatures(ctx))
    assert (sigs["client"].signed, sigs["client"].date) == (True, "2026-10-06")
    assert (sigs["contractor"].signed, sigs["contractor"].date) == (False, None)


def test_good_for_acceptance_line_is_the_clients(make_context) -> None:
    ctx = make_context([
        "Good for acceptance (date and signature):    ____________________________",
    ])
    sigs = extract_signatures(ctx)
    assert [(s.party, s.signed) for s in sigs if s.method != "signatures.no_block"] == [
        ("client", False)]


def test_company_named_in_a_value_column_beside_labels(make_context) -> None:
    ctx = make_context([
        "Total: $9,800.00",
        [["Contractor:", "Acme Roofing LLC"], ["By:", "/s/ Mark Jones"], ["Date:", "03/02/2026"]],
    ])
    sigs = by_party(extract_signatures(ctx))
    assert (sigs["contractor"].signed, sigs["contractor"].date) == (True, "2026-03-02")
