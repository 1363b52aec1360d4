"""Draw a ``Layout`` as a PDF with reportlab's platypus (text layer, real tables, a footer).

Output is byte-for-byte reproducible (``invariant``), so regenerating the corpus with the same
seed leaves committed files unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from samples import layout as L

__all__ = ["render_pdf"]

_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}
_ITALIC = {"Helvetica": "Helvetica-Oblique", "Times-Roman": "Times-Italic"}


def _t(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


class _Styles:
    def __init__(self, font: str) -> None:
        bold = _BOLD[font]
        self.font, self.bold, self.italic = font, bold, _ITALIC[font]
        self.body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, spaceAfter=5)
        self.justify = ParagraphStyle("justify", parent=self.body, alignment=TA_JUSTIFY)
        self.center = ParagraphStyle("center", parent=self.body, alignment=TA_CENTER)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=bold)
        self.cell_right = ParagraphStyle("cellr", parent=self.cell, alignment=2)
        self.h1 = ParagraphStyle(
            "h1",
            fontName=bold,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        )
        self.h2 = ParagraphStyle(
            "h2",
            fontName=bold,
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        )
        self.title = ParagraphStyle(
            "title",
            fontName=bold,
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=4,
        )
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=font, fontSize=10, leading=13, alignment=TA_CENTER, spaceAfter=10
        )
        self.lh_name = ParagraphStyle(
            "lhn", fontName=bold, fontSize=17, leading=21, alignment=TA_LEFT
        )
        self.lh_line = ParagraphStyle("lhl", fontName=font, fontSize=8.5, leading=10.5)
        self.small = ParagraphStyle("small", fontName=font, fontSize=8, leading=10, spaceAfter=4)
        self.sig = ParagraphStyle("sig", fontName=self.italic, fontSize=13, leading=16)


def _table(block: L.Table, st: _Styles, width: float) -> Table:
    ncols = len(block.header)
    widths = block.widths or tuple(1 / ncols for _ in range(ncols))
    data: list[list[Any]] = [[Paragraph(_t(h), st.cell_bold) for h in block.header]]
    for r, row in enumerate(block.rows):
        cells: list[Any] = []
        for c, text in enumerate(row):
            style = st.cell_bold if r in block.bold_rows else st.cell
            if c in block.align_right:
                style = ParagraphStyle(f"r{r}{c}", parent=style, alignment=2)
            cells.append(Paragraph(_t(text), style))
        data.append(cells)
    table = Table(data, colWidths=[w * width for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _sig_cell(b: L.SigBlock, st: _Styles) -> list[Any]:
    out: list[Any] = [Paragraph(_t(b.heading), st.cell_bold)]
    if b.company:
        out.append(Paragraph(_t(b.company), st.cell))
    out.append(Spacer(1, 6))
    if b.signature:
        out.append(Paragraph(_t(b.signature), st.sig))
        out.append(Paragraph("_" * 34, st.cell))
    else:
        out.append(Spacer(1, 16))
        out.append(Paragraph("By: " + "_" * 30, st.cell))
    out.append(Paragraph(_t(f"Name: {b.name}" if b.name else "Name: " + "_" * 26), st.cell))
    out.append(Paragraph(_t(f"Title: {b.title}" if b.title else "Title: " + "_" * 26), st.cell))
    out.append(Paragraph(_t(f"Date: {b.date}" if b.date else "Date: " + "_" * 26), st.cell))
    return out


def _flowables(lay: L.Layout, st: _Styles, width: float) -> list[Any]:
    out: list[Any] = []
    for block in lay.blocks:
        if isinstance(block, L.Letterhead):
            out.append(Paragraph(_t(block.name), st.lh_name))
            out.extend(Paragraph(_t(line), st.lh_line) for line in block.lines)
            out.append(Spacer(1, 12))
        elif isinstance(block, L.Title):
            out.append(Paragraph(_t(block.text), st.title))
            if block.subtitle:
                out.append(Paragraph(_t(block.subtitle), st.subtitle))
        elif isinstance(block, L.Heading):
            out.append(Paragraph(_t(block.text), st.h1 if block.level == 1 else st.h2))
        elif isinstance(block, L.Para):
            style = {"justify": st.justify, "center": st.center}.get(block.align, st.body)
            label = f"<font name='{st.bold}'>{_t(block.label)}</font>" if block.label else ""
            sep = "<br/>" if block.label and "\n" in block.text else ""
            out.append(Paragraph(label + sep + _t(block.text), style))
        elif isinstance(block, L.Small):
            out.append(Paragraph(_t(block.text), st.small))
        elif isinstance(block, L.KeyValues):
            if block.as_table:
                rows = [
                    [Paragraph(_t(k), st.cell_bold), Paragraph(_t(v), st.cell)]
                    for k, v in block.rows
                ]
                t = Table(rows, colWidths=[0.28 * width, 0.72 * width])
                t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
                out.append(t)
                out.append(Spacer(1, 6))
            else:
                for k, v in block.rows:
                    out.append(
                        Paragraph(f"<font name='{st.bold}'>{_t(k)}:</font> {_t(v)}", st.body)
                    )
        elif isinstance(block, L.Bullets):
            items = [ListItem(Paragraph(_t(x), st.body)) for x in block.items]
            if block.numbered:
                fmt = "%s)" if block.number_style == "1)" else "%s."
                out.append(
                    ListFlowable(
                        items,
                        bulletType="1",
                        bulletFormat=fmt,
                        bulletFontName=st.font,
                        bulletFontSize=10,
                        leftIndent=18,
                    )
                )
            else:
                out.append(
                    ListFlowable(
                        items,
                        bulletType="bullet",
                        start=block.marker,
                        bulletFontName=st.font,
                        bulletFontSize=10,
                        leftIndent=18,
                    )
                )
        elif isinstance(block, L.Table):
            out.append(_table(block, st, width))
            out.append(Spacer(1, 8))
        elif isinstance(block, L.Signatures):
            group: list[Any] = []
            if block.preamble:
                group.append(Paragraph(_t(block.preamble), st.body))
            cells = [_sig_cell(b, st) for b in block.blocks]
            if block.side_by_side:
                t = Table([cells], colWidths=[width / len(cells)] * len(cells))
                t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
                group.append(t)
            else:
                for cell in cells:
                    group.extend(cell)
                    group.append(Spacer(1, 12))
            out.append(Spacer(1, 10))
            out.append(KeepTogether(group))
        elif isinstance(block, L.PageBreak):
            out.append(PageBreak())
    return out


def render_pdf(lay: L.Layout, path: Path, *, title: str, a4: bool = False) -> None:
    """Write ``lay`` to ``path`` as a PDF."""
    st = _Styles(lay.font)
    size = A4 if a4 else LETTER
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=0.9 * inch,
        rightMargin=0.9 * inch,
        topMargin=0.8 * inch,
        bottomMargin=0.9 * inch,
        title=title,
        author="handoff samples",
        invariant=1,
    )
    footer, header = lay.footer, lay.header

    def on_page(canvas: Any, doc_: Any) -> None:
        canvas.saveState()
        canvas.setFont(lay.font, 7.5)
        if footer:
            canvas.drawString(0.9 * inch, 0.5 * inch, footer)
        canvas.drawRightString(size[0] - 0.9 * inch, 0.5 * inch, f"Page {doc_.page}")
        if header and doc_.page > 1:
            canvas.drawString(0.9 * inch, size[1] - 0.5 * inch, header)
        canvas.restoreState()

    doc.build(_flowables(lay, st, doc.width), onFirstPage=on_page, onLaterPages=on_page)
