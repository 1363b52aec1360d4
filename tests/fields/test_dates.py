"""Rule tests for the dates extractor."""

from extractors.dates import extract_dates, resolve_relative
from models.handoff import FieldStatus


def test_dated_roles(make_context) -> None:
    ctx = make_context([
        "Proposal Date: March 4, 2026",
        "This proposal is valid until April 3, 2026.",
        ("heading", "Schedule"),
        "Work will begin on April 6, 2026. Substantial completion: May 15, 2026. "
        "Final completion date: May 22, 2026.",
    ])
    dates = extract_dates(ctx)
    assert dates.proposal_date.value == "2026-03-04"
    assert dates.valid_until.value == "2026-04-03"
    assert dates.start.value == "2026-04-06"
    assert dates.substantial_completion.value == "2026-05-15"
    assert dates.completion.value == "2026-05-22"


def test_licence_and_insurance_dates_are_decoys(make_context) -> None:
    ctx = make_context([
        "Contractor license #12345 expires 12/31/2027.",
        ("heading", "Insurance"),
        "Certificate of insurance effective 01/01/2026 through 01/01/2027.",
        "Start date: 06/01/2026",
    ])
    dates = extract_dates(ctx)
    assert dates.start.value == "2026-06-01"
    assert dates.completion.status is FieldStatus.not_found


def test_day_first_document(make_context) -> None:
    ctx = make_context(["Date: 25/03/2026", "Commencement date: 04/05/2026"])
    dates = extract_dates(ctx)
    assert dates.proposal_date.value == "2026-03-25"
    assert dates.start.value == "2026-05-04"


def test_relative_term_kept_and_resolved(make_context) -> None:
    ctx = make_context(["Start date: April 6, 2026.",
                        "The Work shall be completed within ninety (90) calendar days of the start date."])
    dates = extract_dates(ctx)
    assert len(dates.relative_terms) == 1
    term = dates.relative_terms[0]
    assert term.role == "completion" and term.duration.value == 90
    assert "start" in term.anchor.lower()
    resolve_relative(dates.relative_terms, {"start": dates.start.value})
    assert term.resolved == "2026-07-05"


def test_start_tbd(make_context) -> None:
    ctx = make_context(["Start date: TBD, pending permit approval."])
    assert extract_dates(ctx).start.status is FieldStatus.stated_tbd


def test_letter_date_without_cue(make_context) -> None:
    ctx = make_context(["ACME Electric", "March 9, 2026", "Dear Ms. Lopez,", "We are pleased to quote."])
    assert extract_dates(ctx).proposal_date.value == "2026-03-09"


def test_substantial_completion_is_not_final_completion(make_context) -> None:
    ctx = make_context(["Substantial completion shall be achieved no later than 12th June 2026.",
                        "The work will be complete by 27th June 2026."])
    dates = extract_dates(ctx)
    assert dates.substantial_completion.value == "2026-06-12"
    assert dates.completion.value == "2026-06-27"


def test_addendum_date_is_not_the_bid_date(make_context) -> None:
    ctx = make_context(["Bid date: 1/31/2026",
                        "The undersigned acknowledges receipt of Addendum No. 1 dated 1/11/2026."])
    assert extract_dates(ctx).proposal_date.value == "2026-01-31"


def test_signature_block_date_is_not_the_proposal_date(make_context) -> None:
    ctx = make_context(["WHEREAS, on Jan. 28th, 2026, the Authority opened bids;",
                        "PASSED AND ADOPTED on Feb. 14th, 2026.",
                        "By: ______________________", "Title: President", "Date: Feb. 16th, 2026"])
    assert extract_dates(ctx).proposal_date.value == "2026-02-14"


def test_full_date_beats_partial(make_context) -> None:
    ctx = make_context(["This Agreement is made this twenty-eighth day of February, 2026.",
                        "Effective Date: 28/02/2026"])
    assert extract_dates(ctx).proposal_date.value == "2026-02-28"


def test_phrase_wrapped_across_lines_still_matches(make_context) -> None:
    """A PDF wraps "substantial / completion" onto two lines of one paragraph."""
    ctx = make_context(["Subcontractor shall commence work on September 1, 2026 and shall achieve "
                        "substantial\ncompletion by January 29, 2027."])
    dates = extract_dates(ctx)
    assert dates.start.value == "2026-09-01"
    assert dates.substantial_completion.value == "2027-01-29"


def test_euro_quotation_reads_ambiguous_numeric_dates_day_first(make_context) -> None:
    # No date settles the order by itself (every part <= 12); euro amounts mean a day-first writer.
    ctx = make_context([
        "Lyon, 3/4/2027",
        "Total incl. VAT: 18 528,00 €",
        "Fitting can start on 10/5/2027 and will be finished by 4/6/2027 at the latest.",
    ])
    dates = extract_dates(ctx)
    assert dates.proposal_date.value == "2027-04-03"
    assert dates.start.value == "2027-05-10"
    assert dates.completion.value == "2027-06-04"


def test_dollar_quotation_keeps_month_first(make_context) -> None:
    ctx = make_context(["Date: 3/4/2027", "Total: $18,528.00", "Work will begin on 10/5/2027."])
    dates = extract_dates(ctx)
    assert dates.proposal_date.value == "2027-03-04"
    assert dates.start.value == "2027-10-05"


def test_start_upon_notice_to_proceed_is_a_relative_start(make_context) -> None:
    ctx = make_context([
        ("heading", "ARTICLE 4 – TIME"),
        "Subcontractor shall begin the Work upon notice to proceed from the Contractor and shall "
        "achieve final completion within 120 calendar days of NTP.",
    ])
    dates = extract_dates(ctx)
    roles = {t.role: t for t in dates.relative_terms}
    assert roles["start"].anchor == "notice to proceed"
    assert roles["start"].duration.value == 0
    assert roles["completion"].anchor == "NTP"
    assert dates.start.status is FieldStatus.not_found
