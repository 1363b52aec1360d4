"""Date rules found on hand-made documents unlike the generated ones (amendment, AIA-style
agreement, e-mailed quote)."""

from extractors.dates import extract_dates
from extractors.normalize.dates import parse_date


def test_amendment_dates_are_the_new_ones(make_context) -> None:
    ctx = make_context([
        "AMENDMENT NO. 2 TO CONSTRUCTION CONTRACT",
        "Amendment Date: July 14, 2026",
        "Contract: Construction Contract dated February 9, 2026",
        "3. Contract Time. The Contract Time is extended by 18 calendar days. The date of "
        "Substantial Completion is changed from August 28, 2026 to September 15, 2026, and final "
        "completion from September 30, 2026 to October 16, 2026.",
    ])
    dates = extract_dates(ctx)
    assert dates.proposal_date.value == "2026-07-14"
    assert dates.substantial_completion.value == "2026-09-15"
    assert dates.completion.value == "2026-10-16"


def test_work_period_from_to_keeps_its_start(make_context) -> None:
    ctx = make_context(["The work will be performed from June 1, 2026 to August 28, 2026; "
                        "start June 1, 2026."])
    assert extract_dates(ctx).start.value == "2026-06-01"


def test_contract_dated_is_the_date_outside_an_amendment(make_context) -> None:
    ctx = make_context(["This Contract dated February 9, 2026 is made between A and B."])
    assert extract_dates(ctx).proposal_date.value == "2026-02-09"


def test_day_written_as_an_ordinal_word() -> None:
    assert parse_date("twentieth day of April in the year 2026") == "2026-04-20"
    assert parse_date("twenty-first day of May, 2026") == "2026-05-21"
    assert parse_date("thirtieth day of June 2026") == "2026-06-30"


def test_agreement_made_as_of_a_written_day(make_context) -> None:
    ctx = make_context(["AGREEMENT made as of the twentieth day of April in the year 2026"])
    assert extract_dates(ctx).proposal_date.value == "2026-04-20"


def test_substantial_completion_days_from_the_date_of_commencement(make_context) -> None:
    ctx = make_context([
        "The date of commencement of the Work shall be June 1, 2026.",
        "The Design-Builder shall achieve Substantial Completion of the entire Work not later "
        "than two hundred forty (240) days from the date of commencement.",
    ])
    dates = extract_dates(ctx)
    term = next(t for t in dates.relative_terms if t.duration.value == 240)
    assert term.role == "substantial_completion"
    assert term.anchor == "date of commencement"
    from extractors.dates import resolve_relative
    resolve_relative(dates.relative_terms, {"start": dates.start.value})
    assert term.resolved == "2027-01-27"
    assert dates.duration.found


def test_email_sent_line_open_until_and_install_week(make_context) -> None:
    ctx = make_context([
        "Gmail - Quote 11/5/26, 8:14 PM",
        "From: Marc Tremblay <marc@example.ca>\nSent: Nov. 3rd, 2026 4:52 PM",
        "Lead time is three weeks, so we could install the week of Dec. 7th, 2026. The quote "
        "is open until Dec. 3rd, 2026.",
    ])
    dates = extract_dates(ctx)
    assert dates.proposal_date.value == "2026-11-03"
    assert dates.start.value == "2026-12-07"
    assert dates.valid_until.value == "2026-12-03"
