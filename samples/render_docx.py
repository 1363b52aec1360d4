"""Draw a ``Layout`` as a DOCX with python-docx: real heading and list styles, real tables.

Some documents put the letterhead in the page header and type list markers by hand, as people
do. The zip is rewritten with fixed timestamps so the same seed gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples import layout as L

__all__ = ["render_docx", "save_reproducible"]

_FIXED = datetime(2026, 1, 1, 0, 0, 0)


def _para(
    container: Any,
    text: str = "",
    *,
    style: str | None = None,
    bold_label: str | None = None,
    align: str = "left",
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> Any:
    p = container.add_paragraph(style=style)
    if bold_label:
        run = p.add_run(bold_label)
        run.bold = True
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def _sig(container: Any, b: L.SigBlock) -> None:
    _para(container, b.heading, bold=True)
    if b.company:
        _para(container, b.company)
    if b.signature:
        _para(container, b.signature, italic=True, size=13)
        _para(container, "_" * 30)
    else:
        _para(container, "By: " + "_" * 28)
    _para(container, f"Name: {b.name}" if b.name else "Name: " + "_" * 24)
    _para(container, f"Title: {b.title}" if b.title else "Title: " + "_" * 24)
    _para(container, f"Date: {b.date}" if b.date else "Date: " + "_" * 24)


def render_docx(
    lay: L.Layout,
    path: Path,
    *,
    title: str,
    styled_headings: bool = True,
    letterhead_in_header: bool = False,
) -> None:
    """Write ``lay`` to ``path`` as a DOCX."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman" if lay.font.startswith("Times") else "Calibri"
    normal.font.size = Pt(10.5)
    props = doc.core_properties
    props.title, props.author = title, "handoff samples"
    props.created = props.modified = props.last_printed = _FIXED
    props.revision = 1
    section = doc.sections[0]
    if lay.footer:
        section.footer.paragraphs[0].text = lay.footer
    if lay.header:
        # the running header skips the first page, as in the PDF
        section.different_first_page_header_footer = True
        section.header.paragraphs[0].text = lay.header
        if lay.footer:
            section.first_page_footer.paragraphs[0].text = lay.footer
    for block in lay.blocks:
        if isinstance(block, L.Letterhead):
            # with a running header, the letterhead header belongs to the first page only
            head = section.first_page_header if lay.header else section.header
            target = head if letterhead_in_header else doc
            _para(target, block.name, bold=True, size=16)
            for line in block.lines:
                _para(target, line, size=8.5)
        elif isinstance(block, L.Title):
            _para(
                doc,
                block.text,
                style="Title" if styled_headings else None,
                align="center",
                bold=not styled_headings,
                size=None if styled_headings else 16,
            )
            if block.subtitle:
                _para(doc, block.subtitle, align="center")
        elif isinstance(block, L.Heading):
            if styled_headings:
                doc.add_heading(block.text, level=block.level)
            else:
                _para(doc, block.text, bold=True, size=12 if block.level == 1 else 11)
        elif isinstance(block, L.Para):
            _para(doc, block.text, bold_label=block.label, align=block.align)
        elif isinstance(block, L.Small):
            _para(doc, block.text, size=8)
        elif isinstance(block, L.KeyValues):
            if block.as_table:
                table = doc.add_table(rows=0, cols=2)
                for k, v in block.rows:
                    cells = table.add_row().cells
                    cells[0].paragraphs[0].add_run(k).bold = True
                    cells[1].paragraphs[0].add_run(v)
            else:
                for k, v in block.rows:
                    _para(doc, v, bold_label=f"{k}: ")
        elif isinstance(block, L.Bullets):
            for i, item in enumerate(block.items):
                if block.numbered:
                    mark = f"{i + 1})" if block.number_style == "1)" else f"{i + 1}."
                    _para(doc, f"{mark} {item}")
                elif block.marker == "•" and styled_headings:
                    _para(doc, item, style="List Bullet")
                else:
                    _para(doc, f"{block.marker} {item}")
        elif isinstance(block, L.Table):
            table = doc.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            for r, row in enumerate(block.rows):
                cells = table.add_row().cells
                for c, text in enumerate(row):
                    run = cells[c].paragraphs[0].add_run(text)
                    run.bold = (r in block.bold_rows) or None
                    if c in block.align_right:
                        cells[c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            doc.add_paragraph()
        elif isinstance(block, L.Signatures):
            if block.preamble:
                _para(doc, block.preamble)
            if block.side_by_side:
                table = doc.add_table(rows=1, cols=len(block.blocks))
                for cell, b in zip(table.rows[0].cells, block.blocks, strict=True):
                    cell.paragraphs[0].text = ""
                    _sig(cell, b)
            else:
                for b in block.blocks:
                    _sig(doc, b)
                    doc.add_paragraph()
        elif isinstance(block, L.PageBreak):
            doc.add_page_break()  # type: ignore[no-untyped-call]
    save_reproducible(doc, path)


def save_reproducible(doc: Any, path: Path) -> None:
    """Save a python-docx document with fixed core-property dates and zip member timestamps."""
    props = doc.core_properties
    props.created = props.modified = props.last_printed = _FIXED
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    src.close()
    path.write_bytes(out.getvalue())
