"""The fast path (PDFium + pdfplumber tables) and the all-pdfplumber path read alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from support_readers import (
    LOREM,
    canvas_pdf,
    draw_lines,
    proposal_pdf,
    ruled_table,
    settings,
    wrap,
)

from extractors.readers import read_document
from models.document import Document
from models.errors import HandoffError

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _blocks(doc: Document) -> list[tuple[str, str, int | None, int | None]]:
    return [(b.kind.value, re.sub(r"\s+", " ", b.text).strip(), b.row, b.col)
            for b in doc.blocks]


def _same(path: Path) -> None:
    try:
        fast = read_document(path, settings(ocr=False))
    except HandoffError as exc:  # a scan without OCR: both paths must refuse it alike
        with pytest.raises(HandoffError) as other:
            read_document(path, settings(ocr=False), engine="pdfplumber")
        assert other.value.code == exc.code
        return
    slow = read_document(path, settings(ocr=False), engine="pdfplumber")
    assert fast.reader == "pdf/pypdfium2" and slow.reader == "pdf/pdfplumber"
    assert _blocks(fast) == _blocks(slow)
    assert [(t.pages, len(t.rows), t.header_rows) for t in fast.tables] == [
        (t.pages, len(t.rows), t.header_rows) for t in slow.tables]
    assert [p.method for p in fast.pages] == [p.method for p in slow.pages]


def _built(tmp_path: Path) -> list[Path]:
    header = ["Milestone", "Percent", "Amount"]

    def split1(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 720, ["Schedule of values"], size=14, font="Helvetica-Bold")
        ruled_table(c, 72, 200, [header] + [[f"Phase {i}", "10%", f"${i},000.00"]
                                            for i in range(1, 6)], [200, 80, 100])
        c.setFont("Helvetica", 8)
        c.drawString(280, 30, "Page 1 of 2")

    def split2(c: canvas.Canvas) -> None:
        ruled_table(c, 72, 740, [header, ["Phase 6", "50%", "$6,000.00"]], [200, 80, 100])
        draw_lines(c, 72, 600, wrap("Payment is due within 30 days. " + LOREM, 90))
        c.setFont("Helvetica", 8)
        c.drawString(280, 30, "Page 2 of 2")

    def columns(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 740, ["Terms and Conditions"], size=16, font="Helvetica-Bold")
        draw_lines(c, 72, 700, wrap("Left. " + LOREM * 3, 45))
        draw_lines(c, 320, 700, wrap("Right. " + LOREM * 3, 45))

    def quote(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 720, ["DESCRIPTION"], font="Helvetica-Bold")
        c.drawRightString(540, 720, "PRICE")
        for i, (item, price) in enumerate([("Tear off one layer", "3,150.00"),
                                           ("Synthetic felt", "1,980.00"),
                                           ("Architectural shingles", "7,460.00")]):
            c.setFont("Helvetica", 10)
            c.drawString(72, 700 - 14 * i, item)
            c.drawRightString(540, 700 - 14 * i, price)

    return [
        proposal_pdf(tmp_path / "proposal.pdf"),
        canvas_pdf(tmp_path / "split.pdf", [split1, split2]),
        canvas_pdf(tmp_path / "columns.pdf", [columns]),
        canvas_pdf(tmp_path / "quote.pdf", [quote]),
    ]


def test_fast_and_pdfplumber_paths_agree_on_built_pdfs(tmp_path: Path) -> None:
    for path in _built(tmp_path):
        _same(path)


@pytest.mark.slow
def test_fast_and_pdfplumber_paths_agree_on_samples(tmp_path: Path) -> None:
    found = sorted(SAMPLES.glob("*/*.pdf"))
    # The bundled samples when present; the built ones always, so the test never passes empty.
    for path in [*found, *_built(tmp_path)]:
        try:
            data = path.read_bytes()  # samples may be regenerated while the test runs
        except FileNotFoundError:
            continue
        copy = tmp_path / f"copy-{path.name}"
        copy.write_bytes(data)
        _same(copy)
