"""Builders of real PDF and DOCX files for the reader tests (reportlab, python-docx, zip edits)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from models.settings import Settings

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LOREM = ("The contractor shall furnish all labor, materials and equipment required to complete "
         "the work described in this proposal in a good and workmanlike manner. ")


def settings(**kw: object) -> Settings:
    return Settings(data_dir=Path("/nonexistent-handoff-test-data"), **kw)  # type: ignore[arg-type]


def proposal_pdf(path: Path) -> Path:
    """One page: title, heading, prose, bullets, a ruled price table."""
    ss = getSampleStyleSheet()
    story = [
        Paragraph("Proposal for Roof Replacement", ss["Title"]),
        Paragraph("Scope of Work", ss["Heading2"]),
        Paragraph("This Agreement is made between Acme Roofing LLC (the Contractor) and the "
                  "City of Springfield (the Owner). " + LOREM * 2, ss["Normal"]),
        Spacer(1, 12),
        Paragraph("Work begins within ten business days of the deposit. " + LOREM, ss["Normal"]),
        ListFlowable([
            ListItem(Paragraph("Remove existing shingles and dispose of debris", ss["Normal"])),
            ListItem(Paragraph("Install new synthetic underlayment and drip edge along every "
                               "eave and rake of the roof, including the garage and the "
                               "covered porch on the north side", ss["Normal"])),
        ], bulletType="bullet"),
        Paragraph("Price", ss["Heading2"]),
    ]
    rows = [["Item", "Qty", "Amount"]] + [[f"Line item {i}", str(i), f"${i * 100:,}.00"]
                                          for i in range(1, 6)]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=letter).build(story)
    return path


def canvas_pdf(path: Path, pages: Sequence[Callable[[canvas.Canvas], object]],
               **kw: object) -> Path:
    """A PDF whose pages are drawn by the given functions."""
    c = canvas.Canvas(str(path), pagesize=letter, **kw)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return path


def draw_lines(c: canvas.Canvas, x: float, y: float, lines: Sequence[str], size: float = 10,
               font: str = "Helvetica", leading: float | None = None) -> float:
    c.setFont(font, size)
    step = leading or size * 1.2
    for line in lines:
        c.drawString(x, y, line)
        y -= step
    return y


def ruled_table(c: canvas.Canvas, x: float, y: float, rows: Sequence[Sequence[str]],
                widths: Sequence[float], height: float = 18) -> float:
    """Draw a grid table with its top-left at (x, y); returns the y under it."""
    total = sum(widths)
    for r, row in enumerate(rows):
        top = y - r * height
        c.line(x, top, x + total, top)
        cx = x
        for w, cell in zip(widths, row, strict=True):
            c.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9)
            c.drawString(cx + 3, top - height + 5, cell)
            cx += w
    bottom = y - len(rows) * height
    c.line(x, bottom, x + total, bottom)
    cx = x
    for w in [*widths, 0]:
        c.line(cx, y, cx, bottom)
        cx += w
    return bottom


def wrap(text: str, width: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    if cur:
        lines.append(cur)
    return lines


def proposal_docx(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Acme Roofing LLC, 12 Main Street, Springfield"
    d.sections[0].footer.paragraphs[0].text = "Confidential proposal"
    d.add_heading("Proposal for Roof Replacement", 0)
    d.add_heading("Scope of Work", 1)
    d.add_paragraph("This Agreement is made between Acme Roofing LLC and the City of "
                    "Springfield.")
    d.add_paragraph("Remove existing shingles", style="List Bullet")
    d.add_paragraph("Install new underlayment", style="List Bullet")
    d.add_paragraph("Mobilize crew", style="List Number")
    d.add_paragraph("Tear off", style="List Number")
    p = d.add_paragraph()
    p.add_run("Exclusions:").bold = True
    d.add_paragraph("Permit fees are by others.")
    t = d.add_table(rows=3, cols=3)
    for i, row in enumerate([["Item", "Qty", "Amount"], ["Roof", "1", "$12,500.00"],
                             ["Gutters", "2", "$500.00"]]):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.add_paragraph("Total contract price: $13,000.00")
    d.save(str(path))
    return path


def edit_docx_xml(path: Path, part: str, edit: Callable[[str], str]) -> Path:
    """Rewrite one XML part of a DOCX in place (text-level edit of the serialized XML)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                data = edit(data.decode("utf-8")).encode("utf-8")
            dst.writestr(info, data)
    path.write_bytes(buf.getvalue())
    return path


def insert_body_xml(path: Path, xml: str) -> Path:
    """Append raw WordprocessingML before the final sectPr of the body."""
    def edit(s: str) -> str:
        i = s.rfind("<w:sectPr")
        return s[:i] + xml + s[i:]
    return edit_docx_xml(path, "word/document.xml", edit)


def add_doctype(path: Path) -> Path:
    lol = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [<!ENTITY '
           'lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n')
    return edit_docx_xml(path, "word/document.xml",
                         lambda s: lol + re.sub(r"^<\?xml[^>]*\?>\s*", "", s))


def scanned_pdf(path: Path, lines: Sequence[str], *, stamp: str | None = None) -> Path:
    """A PDF whose page is only an image of text (rendered here), optionally with a text stamp."""
    import pypdfium2
    from reportlab.lib.utils import ImageReader

    text_pdf = canvas_pdf(path.with_suffix(".src.pdf"),
                          [lambda c: draw_lines(c, 72, 700, lines, size=14, leading=22)])
    pdf = pypdfium2.PdfDocument(str(text_pdf))
    try:
        page = pdf[0]
        image = page.render(scale=200 / 72).to_pil().convert("L")
        page.close()
    finally:
        pdf.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)

    def draw(c: canvas.Canvas) -> None:
        c.drawImage(ImageReader(buf), 0, 0, width=612, height=792)
        if stamp:
            c.setFont("Helvetica", 8)
            c.drawString(500, 20, stamp)

    return canvas_pdf(path, [draw])


def raw_pdf(path: Path, content: bytes, *, compress: bool = True, length: int | None = None
            ) -> Path:
    """A one-page PDF written by hand around the given content stream (Helvetica as /F1)."""
    import zlib

    stream = zlib.compress(content, 9) if compress else content
    filt = b"/Filter/FlateDecode" if compress else b""
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>"
        b"/Contents 4 0 R>>",
        b"<</Length %d%s>>stream\n" % (length if length is not None else len(stream), filt)
        + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(out)
    return path
