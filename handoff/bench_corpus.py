"""Synthetic long documents for the benchmark: a proposal-like PDF or DOCX of any page count.

Each page carries prose with amounts and dates, a bulleted list and, every third page, a priced
table with ruling lines, so every stage (text, tables, rules) does real work.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["make_long_docx", "make_long_pdf"]

_PARAGRAPH = (
    "Contractor shall furnish all labor, materials and equipment required to complete the work "
    "described in section {n}, including protection of adjacent surfaces, daily clean-up and "
    "disposal of debris. Work in this phase is priced at ${amount:,}.00 and shall be substantially "
    "complete by March {day}, 2027, subject to weather and timely owner selections."
)
_BULLETS = ("Remove and dispose of existing finishes", "Install new framing and blocking",
            "Coordinate inspections with the authority having jurisdiction")


def make_long_pdf(path: Path, pages: int) -> Path:
    """Write a ``pages``-page text PDF with reportlab."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter)
    width, height = letter
    for n in range(1, pages + 1):
        y = height - 72
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, y, f"Section {n}. Phase {n} Scope of Work")
        y -= 28
        c.setFont("Helvetica", 10)
        for k in range(3):
            text = _PARAGRAPH.format(n=n, amount=1000 + 37 * n + k, day=1 + (n + k) % 27)
            line = ""
            for word in text.split():
                if c.stringWidth(line + " " + word, "Helvetica", 10) > width - 144:
                    c.drawString(72, y, line)
                    y -= 13
                    line = word
                else:
                    line = f"{line} {word}".strip()
            c.drawString(72, y, line)
            y -= 22
        for bullet in _BULLETS:
            c.drawString(84, y, f"• {bullet} (area {n})")
            y -= 14
        if n % 3 == 0:
            y -= 10
            rows = [("Item", "Qty", "Unit Price", "Amount")] + [
                (f"Line {n}.{i}", str(i), f"${100 * i:,}.00", f"${100 * i * i:,}.00") for i in range(1, 5)
            ]
            for row in rows:
                c.line(72, y + 11, width - 72, y + 11)
                for col, cell in enumerate(row):
                    c.drawString(76 + col * 115, y, cell)
                y -= 16
            c.line(72, y + 11, width - 72, y + 11)
        c.setFont("Helvetica", 8)
        c.drawString(72, 36, f"Acme Builders Proposal — page {n} of {pages}")
        c.showPage()
    c.save()
    return path


def make_long_docx(path: Path, pages: int) -> Path:
    """Write a DOCX of roughly ``pages`` pages (about 450 words a page) with python-docx."""
    import docx

    document = docx.Document()
    for n in range(1, pages + 1):
        document.add_heading(f"Section {n}. Phase {n} Scope of Work", level=2)
        for k in range(3):
            document.add_paragraph(_PARAGRAPH.format(n=n, amount=1000 + 37 * n + k, day=1 + (n + k) % 27))
        for bullet in _BULLETS:
            document.add_paragraph(f"{bullet} (area {n})", style="List Bullet")
        if n % 3 == 0:
            table = document.add_table(rows=1, cols=4)
            for cell, text in zip(table.rows[0].cells, ("Item", "Qty", "Unit Price", "Amount"), strict=True):
                cell.text = text
            for i in range(1, 5):
                cells = table.add_row().cells
                for cell, text in zip(cells, (f"Line {n}.{i}", str(i), f"${100 * i:,}.00",
                                              f"${100 * i * i:,}.00"), strict=True):
                    cell.text = text
    document.save(str(path))
    return path
