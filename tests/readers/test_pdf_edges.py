"""Table grids from PDFium's path objects equal pdfplumber's own, so the fast reader can skip
pdfminer's content-stream interpretation on ruled pages."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractors.readers.flow import TableGrid
from extractors.readers.pdf_chars import page_objects
from extractors.readers.pdf_edges import page_edges
from extractors.readers.pdf_tables import grids_from_edges, grids_from_pdfplumber

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _rounded(grids: list[TableGrid]) -> list[object]:
    def r(box: tuple[float, ...] | None) -> object:
        return None if box is None else tuple(round(v * 2) / 2 for v in box)

    return [(r(g.bbox), [[r(c) for c in row] for row in g.rows]) for g in grids]


def _both(data: bytes, *, ruled_only: bool = True) -> list[tuple[list[object], list[object]]]:
    out = []
    pdf = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                if ruled_only and not page_objects(page).looks_ruled:
                    continue
                width, height = page.get_size()
                fast = grids_from_edges(page_edges(page), width, height)
                slow = grids_from_pdfplumber(plumber.pages[index])
                out.append((_rounded(fast), _rounded(slow)))
            finally:
                page.close()
    pdf.close()
    return out


def _drawn_tables() -> bytes:
    """Four ways of drawing a 3 × 3 grid: lines, rectangles, inside a scaled form, rounded box."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))

    def grid(x: float, y: float, with_rects: bool) -> None:
        for row in range(3):
            for col in range(3):
                if with_rects:
                    c.rect(x + col * 80, y - row * 20, 80, 20)
                c.drawString(x + col * 80 + 4, y - row * 20 + 6, f"r{row}c{col}")
        if not with_rects:
            for row in range(4):
                c.line(x, y + 20 - row * 20, x + 240, y + 20 - row * 20)
            for col in range(4):
                c.line(x + col * 80, y + 20, x + col * 80, y - 40)

    grid(72, 700, with_rects=False)
    grid(72, 600, with_rects=True)
    c.beginForm("boxed")
    grid(0, 60, with_rects=True)
    c.endForm()
    c.saveState()
    c.translate(300, 420)
    c.scale(0.8, 0.8)
    c.doForm("boxed")
    c.restoreState()
    c.roundRect(60, 200, 270, 90, 12)
    grid(72, 260, with_rects=False)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_drawn_tables_match_pdfplumber() -> None:
    [(fast, slow)] = _both(_drawn_tables(), ruled_only=False)
    assert len(fast) == 4  # every way of drawing a grid is found
    assert fast == slow


@pytest.mark.parametrize("folder", ["generated", "handmade"])
def test_sample_tables_match_pdfplumber(folder: str) -> None:
    pages = [pair for pdf in sorted((SAMPLES / folder).glob("*.pdf")) if "scan" not in pdf.stem
             for pair in _both(pdf.read_bytes())]
    assert pages
    assert [fast for fast, _ in pages] == [slow for _, slow in pages]


def test_unpainted_and_curved_paths_are_not_rulings() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))
    path = c.beginPath()
    path.moveTo(72, 700)
    path.curveTo(100, 700, 200, 700, 300, 700)  # a Bézier, even a flat one
    c.drawPath(path, stroke=1, fill=0)
    c.line(72, 600, 300, 650)  # diagonal
    clip = c.beginPath()
    clip.rect(72, 500, 200, 50)
    c.clipPath(clip, stroke=0, fill=0)  # clipping only, paints nothing
    c.showPage()
    c.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    try:
        assert page_edges(pdf[0]) == []
    finally:
        pdf.close()


def test_graph_paper_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    """pdfplumber pairs every ruling crossing with every other; a page of thousands of crossings
    (a drawing, graph paper, an attack) would take minutes, so it is read as text."""
    from reportlab.pdfgen import canvas

    from extractors.pipeline import read
    from extractors.readers.pdf_tables import MAX_CROSSINGS
    from models.settings import Settings

    path = tmp_path / "grid.pdf"
    c = canvas.Canvas(str(path), pagesize=(612, 792))
    n = 120
    assert n * n > MAX_CROSSINGS
    for i in range(n):
        c.line(20, 20 + i * 6, 590, 20 + i * 6)
        c.line(20 + i * 4.7, 20, 20 + i * 4.7, 740)
    c.drawString(30, 760, "Total Contract Price: $1,000.00")
    c.showPage()
    c.save()
    doc = read(path, Settings())
    assert not doc.tables
    assert any(w.startswith("tables:") and "ruling lines" in w for w in doc.warnings)
    assert "Total Contract Price" in doc.text
