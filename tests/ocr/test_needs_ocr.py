"""Which pages need OCR: no text, stamps only, broken fonts — and never a good text layer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ocrkit import open_page, proposal_pdf_bytes

from extractors.readers.ocr import needs_ocr

LETTER = 612.0 * 792.0
GOOD = (
    "Roof Replacement Proposal\nClient: Northwind Property Group\n"
    "Total contract price: $42,500.00\nWork starts on May 4, 2026"
)


@pytest.mark.parametrize(
    ("text", "chars"),
    [
        ("", 0),
        ("   \n\n  ", 0),
        ("(cid:12)(cid:15)(cid:44)(cid:3)" * 40, 160),
        ("Total (cid:12)(cid:15)(cid:44)(cid:3)(cid:7)(cid:9)(cid:21)(cid:22)", 40),
        ("\ufffd" * 200, 200),
        ("\ue001\ue002\ue003\ue004 " * 60, 300),
        ("Page 3 of 4", 11),
        ("..,,;;--__''..,,;;--__'' ~~ ||" * 10, 300),
        ("x", 2500),
        ("Total 42", 900),
    ],
    ids=["empty", "blank", "cid-runs", "mostly-cid", "replacement", "private-use",
         "stamp-only", "punctuation", "glyphs-without-unicode", "few-mapped-glyphs"],
)
def test_unusable_text_layer_needs_ocr(text: str, chars: int) -> None:
    assert needs_ocr(text, chars, LETTER)


@pytest.mark.parametrize(
    ("text", "chars", "area"),
    [
        (GOOD, len(GOOD), LETTER),
        ("Acceptance\nSigned: Dana Whitfield\nDate: April 2, 2026", 50, LETTER),
        ("Exhibit B (cid:12) Schedule of Values: see attached table of line items", 70, LETTER),
        ("OK", 2, 72.0 * 72.0),  # a label-sized page with a short word is what it is
        ("Signature: ______________________ Date: ____________\nBy: ________________", 80,
         LETTER),
        ("Roofing ......................... $12,500.00\nGutters ......... $1,800.00", 70, LETTER),
    ],
    ids=["proposal", "signature-page", "one-cid", "small-label", "fill-in-lines",
         "dot-leaders"],
)
def test_usable_text_layer_needs_no_ocr(text: str, chars: int, area: float) -> None:
    assert not needs_ocr(text, chars, area)


def test_real_text_page_needs_no_ocr_and_its_scan_does() -> None:
    """The decision on pypdfium2's own text of a text page and of a scanned page."""
    import tempfile
    from pathlib import Path

    from extractors.readers.ocr_bench import make_scanned_pdf

    with tempfile.TemporaryDirectory() as tmp:
        text_pdf = Path(tmp) / "text.pdf"
        text_pdf.write_bytes(proposal_pdf_bytes())
        scanned = make_scanned_pdf(text_pdf, Path(tmp) / "scan.pdf", dpi=72)
        for path, expected in ((text_pdf, False), (scanned, True)):
            with open_page(path) as page:
                textpage = page.get_textpage()
                text, count = textpage.get_text_range(), textpage.count_chars()
                textpage.close()
                width, height = page.get_size()
            assert needs_ocr(text, count, width * height) is expected


@given(st.text(max_size=400), st.integers(0, 10_000), st.floats(0, 1e7))
def test_needs_ocr_takes_any_text(text: str, chars: int, area: float) -> None:
    assert needs_ocr(text, chars, area) in (True, False)
