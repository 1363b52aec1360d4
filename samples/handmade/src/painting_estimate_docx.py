"""A residential painting and flooring estimate (DOCX) typed by a small firm in Word.

No heading styles: bold run-in titles ("Exclusions. Excludes …") open paragraphs that list
several items in one sentence; the price is a table with sales tax on materials only; a 30%
deposit; a flooring allowance with its unit rate, and an add alternate; a homeowner couple;
the customer's acceptance is signed, the estimator's line is not.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "cedar-brush-painting-estimate.docx"

ROWS = [
    ("Living room, dining room and hall \u2013 walls and trim, 2 coats", "2,860.00"),
    ("Three bedrooms \u2013 walls, closets and doors, 2 coats", "3,420.00"),
    ("Kitchen cabinets \u2013 degrease, sand, prime and spray, 24 doors", "2,950.00"),
    ("Luxury vinyl plank in kitchen and dining, 600 sq ft, incl. underlayment", "5,100.00"),
    ("Quarter-round and transitions", "480.00"),
]


def _run_in(doc: Any, title: str, text: str) -> None:
    p = doc.add_paragraph()
    p.add_run(title + " ").bold = True
    p.add_run(text)


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.title = "Estimate 1187"
    p = doc.add_paragraph()
    r = p.add_run("Cedar & Brush Painting Co.")
    r.bold, r.font.size = True, Pt(16)
    doc.add_paragraph(
        "2218 Alder Street, Eugene, OR 97405 \u2022 (541) 555-0163 \u2022 "
        "office@cedarbrushpainting.com \u2022 CCB #204551"
    )
    p = doc.add_paragraph()
    p.add_run("ESTIMATE #1187").bold = True
    p.add_run("\t\tOctober 2, 2026")
    doc.add_paragraph(
        "Customer: Priya and Daniel Okafor\n"
        "1630 Willamette Heights Drive, Eugene, OR 97403\n"
        "priya.okafor@example.com \u2022 (541) 555-0178"
    )
    doc.add_paragraph(
        "Thank you for having us out to look at your home. Below is our price to paint the "
        "main living areas and bedrooms, refinish the kitchen cabinets and lay new flooring in "
        "the kitchen and dining room, all at the address above."
    )
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Work", "Price"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for desc, price in ROWS:
        cells = table.add_row().cells
        cells[0].text = desc
        cells[1].text = price
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for label, value in (
        ("Subtotal", "$14,810.00"),
        ("Sales tax on materials (8% of $3,200.00)", "$256.00"),
        ("Total", "$15,066.00"),
    ):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value).bold = True
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    _run_in(
        doc,
        "Prep.",
        "We move and cover furniture we can lift with two people, mask floors and fixtures, "
        "fill nail holes and caulk trim gaps before painting.",
    )
    _run_in(
        doc,
        "Allowance.",
        "The flooring line includes a material allowance of $3.25 per sq ft ($1,950.00) for "
        "plank of your choice; a different product is adjusted up or down at cost.",
    )
    _run_in(
        doc,
        "Option.",
        "Paint the ceilings in all three bedrooms, flat white, 1 coat: add $690.00.",
    )
    _run_in(
        doc,
        "Exclusions.",
        "Excludes moving the piano and china cabinet, drywall repair beyond nail holes, "
        "and lead abatement. Homes built before 1978 are tested first.",
    )
    _run_in(
        doc,
        "Schedule.",
        "We have your job penciled in to start November 9, 2026 and expect about 8 working "
        "days on site.",
    )
    _run_in(
        doc,
        "Payment.",
        "30% deposit ($4,519.80) to book your dates, the balance when the walkthrough is done. "
        "We take checks and cards (3% card fee).",
    )
    _run_in(
        doc,
        "Warranty.",
        "Two-year warranty on workmanship against peeling and blistering.",
    )
    doc.add_paragraph("This estimate is good for 30 days.")
    doc.add_paragraph()
    sig = doc.add_table(rows=3, cols=2)
    sig.cell(0, 0).paragraphs[0].add_run("Accepted by customer").bold = True
    sig.cell(0, 1).paragraphs[0].add_run("Cedar & Brush Painting Co.").bold = True
    sig.cell(1, 0).text = "Signature: Priya Okafor"
    sig.cell(1, 1).text = "Estimator: ______________________"
    sig.cell(2, 0).text = "Date: 10/6/2026"
    sig.cell(2, 1).text = "Luis Marrero"
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
