"""The PM brief in every format, and `handoff brief` on a package file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support_review import HOSTILE, make_handoff

from handoff.cli import main
from models.handoff import ReviewStatus
from review.brief import md_escape, render, render_ics


def test_html_brief_has_every_section_and_is_inert() -> None:
    h = make_handoff(hostile=True)
    html = render(h, "html")
    for title in ("What we sold", "Scope: what we do", "What is NOT included",
                  "Allowances and alternates", "Money and payment schedule", "Key dates",
                  "Obligations", "Contacts and signatures", "Open flags"):
        assert title in html
    assert "<script>alert" not in html and 'href="javascript:' not in html
    assert "&lt;script&gt;" in html
    assert "USD 12,500.00" in html and "Deck repair allowance" in html
    assert "within 45 days of notice to proceed" in html
    assert "Two (2) year workmanship warranty" in html


def test_foreman_sheet_has_no_prices() -> None:
    h = make_handoff()
    for fmt in ("foreman",):
        text = render(h, fmt)
        assert "Foreman sheet" in text
        for amount in ("12,500", "1,500", "850", "3,750", "8,750", "USD"):
            assert amount not in text
        assert "Gutters and downspouts" in text and "Deck repair allowance" in text


def test_flags_on_the_price_stay_off_the_foreman_sheet() -> None:
    from models.handoff import Flag, Severity

    h = make_handoff()
    h.review.flags = [
        Flag(code="line_items_mismatch", severity=Severity.warning, fields=["price.total"],
             message="Line items add up to 12,000.00, not the total 12,500.00."),
        Flag(code="missing", severity=Severity.warning, fields=["dates.start"],
             message="No start date was found."),
    ]
    for fmt in ("html", "md"):
        assert "not the total 12,500.00" in render(h, fmt)
    foreman = render(h, "foreman")
    assert "not the total" not in foreman and "No start date was found." in foreman


def test_markdown_brief_escapes_markup() -> None:
    md = render(make_handoff(hostile=True), "md")
    assert md.startswith("# What we sold: ")
    assert "<script>" not in md and "](" not in md.replace("\\](", "")
    assert "\\<script\\>" in md
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("1. not a list") == "1\\. not a list"
    assert md_escape("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


def test_ics_lists_dated_milestones() -> None:
    h = make_handoff(hostile=True)
    ics = render_ics(h)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert ics.count("BEGIN:VEVENT") == 4  # start, dry-in, completion, final payment
    assert "DTSTART;VALUE=DATE:20261102" in ics and "DTEND;VALUE=DATE:20261103" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    unfolded = ics.replace("\r\n ", "")
    assert "SUMMARY:Maple St. re-roof" in unfolded
    assert "\\," not in HOSTILE and "\n" not in unfolded.replace("\r\n", "")


def test_cli_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = make_handoff(hostile=True)
    h.review.status = ReviewStatus.approved
    package = tmp_path / "package.json"
    package.write_text(h.model_dump_json(), encoding="utf-8")
    assert main(["brief", str(package), "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# What we sold")
    for fmt, marker in (("html", "<!doctype html>"), ("foreman", "Foreman sheet"),
                        ("ics", "BEGIN:VCALENDAR")):
        out = tmp_path / f"brief.{fmt}"
        assert main(["brief", str(package), "--format", fmt, "-o", str(out)]) == 0
        assert marker in out.read_text(encoding="utf-8")


def test_cli_brief_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(tmp_path / "missing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": "1"}))
    assert main(["brief", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "not a handoff package" in err and err.count("\n") == 1
    assert main(["brief", str(bad), "--format", "pdf"]) == 2


def test_gold_files_load_in_handoff_evaluate(tmp_path: Path) -> None:
    from extractors.evaluate import FIELDS, load_gold, score_document
    from review.gold import GOLD_FIELDS, gold_file

    assert set(GOLD_FIELDS) == set(FIELDS)
    h = make_handoff(hostile=True)
    path = tmp_path / "p.gold.json"
    path.write_text(json.dumps(gold_file(h)), encoding="utf-8")
    gold = load_gold(path)
    assert gold.fields["terms.warranty.months"] == 24
    assert gold.fields["signatures.client.signed"] is True
    assert gold.fields["price.total"] == {"amount": "12500.00", "currency": "USD"}
    # The package scores perfectly against its own gold file.
    result = score_document(h, gold)
    assert result.misses == []
    assert all(o.exact and o.fp == 0 and o.fn == 0 for o in result.outcomes)
