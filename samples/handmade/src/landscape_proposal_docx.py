"""A landscape installation + seasonal maintenance proposal (DOCX) for a homeowners' association.

Word's own numbering: the work is in "List Number" paragraphs (the numbers are not in the
text), exclusions in "List Bullet" ones; Heading 2 sections; the price is called the
"Investment" (a two-column table ending in "Total Investment"); the payment plan ("50% upon
acceptance, balance upon completion …") sits in a closing paragraph, not under a payment
heading; validity is a duration only ("This proposal is good for 30 days"); the property
manager signs for the association, the designer's line is left blank.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "thornfield-landscape-proposal.docx"

INSTALL = [
    "Remove the dead boxwood hedge along the front entrance and grind 6 stumps",
    "Regrade and amend the entrance beds with 12 cubic yards of screened compost",
    "Plant 40 knockout roses, 18 dwarf yaupon hollies and 3 October Glory maples",
    "Install 2,400 sq ft of Zoysia sod on the clubhouse lawn",
    "Convert the entrance beds to drip irrigation on a new 4-zone controller",
    "Top-dress all beds with 3 inches of double-shredded hardwood mulch",
]
SEASON = [
    "Weekly mowing, string trimming and blowing of hard surfaces, March through November",
    "Shrub pruning twice a season and a late-fall leaf cleanup",
    "Five-step fertilization and weed control program for all turf areas",
    "Monthly irrigation inspection with controller adjustments",
]
NOT_INCLUDED = [
    "Tree work above 15 feet",
    "Repairs to the clubhouse mainline irrigation",
    "Snow and ice removal",
]
INVESTMENT = [
    ("Spring installation (items 1\u20136)", "$18,740.00"),
    ("Seasonal maintenance, March through November", "$11,520.00"),
]


def _heading(doc: Any, text: str) -> None:
    doc.add_heading(text, level=2)


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Georgia"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.title = "Landscape Proposal"
    p = doc.add_paragraph()
    r = p.add_run("Thornfield Landscape & Grounds, LLC")
    r.bold, r.font.size = True, Pt(17)
    doc.add_paragraph(
        "610 Hillsboro Road, Franklin, TN 37064\n"
        "(615) 555-0124 | design@thornfieldgrounds.com"
    )
    doc.add_heading("Landscape Proposal", level=1)
    doc.add_paragraph("April 6, 2026")
    p = doc.add_paragraph()
    p.add_run("Prepared for: ").bold = True
    p.add_run(
        "Meadowbrook Commons Homeowners Association\n"
        "Attn: Carla Jimenez, Community Manager\n"
        "PO Box 2210, Brentwood, TN 37024\n"
        "cjimenez@meadowbrookcommons.org | (615) 555-0187"
    )
    p = doc.add_paragraph()
    p.add_run("Property: ").bold = True
    p.add_run("Meadowbrook Commons, 4500 Meadowbrook Parkway, Franklin, TN 37067")
    doc.add_paragraph(
        "Thank you for walking the entrance and clubhouse grounds with us. We recommend "
        "renewing the entrance plantings this spring and keeping the whole property on our "
        "seasonal care program, as follows."
    )
    _heading(doc, "Spring Installation")
    for item in INSTALL:
        doc.add_paragraph(item, style="List Number")
    _heading(doc, "Seasonal Care Program")
    for item in SEASON:
        doc.add_paragraph(item, style="List Number")
    _heading(doc, "Not Part of This Proposal")
    for item in NOT_INCLUDED:
        doc.add_paragraph(item, style="List Bullet")
    _heading(doc, "Your Investment")
    table = doc.add_table(rows=0, cols=2)
    table.style = "Light Shading"
    for desc, amount in INVESTMENT:
        cells = table.add_row().cells
        cells[0].text = desc
        cells[1].text = amount
        cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cells = table.add_row().cells
    cells[0].paragraphs[0].add_run("Total Investment").bold = True
    cells[1].paragraphs[0].add_run("$30,260.00").bold = True
    cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    doc.add_paragraph(
        "Plants carry our one-year replacement guarantee when they are on our seasonal care "
        "program. We will begin the installation the week of April 27, 2026, weather "
        "permitting, and expect to finish it by May 15, 2026."
    )
    doc.add_paragraph(
        "To keep things simple we ask for 50% upon acceptance, balance upon completion of the "
        "season\u2019s work in November. This proposal is good for 30 days."
    )
    doc.add_paragraph()
    sig = doc.add_table(rows=4, cols=2)
    sig.cell(0, 0).paragraphs[0].add_run("Accepted for Meadowbrook Commons HOA").bold = True
    sig.cell(0, 1).paragraphs[0].add_run("Thornfield Landscape & Grounds, LLC").bold = True
    sig.cell(1, 0).text = "Signature: /s/ Carla Jimenez"
    sig.cell(1, 1).text = "Signature: ______________________"
    sig.cell(2, 0).text = "Name: Carla Jimenez, Community Manager"
    sig.cell(2, 1).text = "Name: Owen Thornfield, Landscape Designer"
    sig.cell(3, 0).text = "Date: April 13, 2026"
    sig.cell(3, 1).text = "Date: ____________"
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
