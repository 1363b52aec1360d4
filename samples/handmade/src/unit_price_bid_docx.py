"""A unit-price bid schedule (DOCX) for a town's sidewalk and curb repair programme.

Items are estimated quantities times unit prices with an extended amount each; the
"Estimated Total Bid" row is the sum of the extended amounts, and a note says payment is by
measured quantities at the unit prices. Decision: the total is the estimated total bid; the
line items are the extended amounts (not the unit prices); the quantities are estimates, so
the contract value may move. The bidder signs; the town does not sign the bid.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "granite-state-unit-price-bid.docx"

ITEMS = [
    ("1", "Remove and dispose of existing concrete sidewalk", "SY", "850", "$14.50", "$12,325.00"),
    ("2", "4-inch concrete sidewalk, including base", "SY", "850", "$68.00", "$57,800.00"),
    ("3", "Granite curb, straight, reset", "LF", "420", "$32.00", "$13,440.00"),
    ("4", "Detectable warning panels", "EA", "24", "$385.00", "$9,240.00"),
    ("5", "Loam and seed", "SY", "300", "$9.75", "$2,925.00"),
    ("6", "Traffic control (police details excluded)", "LS", "1", "$6,800.00", "$6,800.00"),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = "Bid Form"
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("TOWN OF MILLBROOK, NEW HAMPSHIRE\nBID FORM — UNIT PRICE SCHEDULE")
    r.bold, r.font.size = True, Pt(13)
    doc.add_paragraph("Contract No. DPW-2026-07: 2026 Sidewalk and Curb Repair Program")
    doc.add_paragraph("Bid Date: April 7, 2026")
    doc.add_paragraph(
        "To: Town of Millbrook, Department of Public Works, 12 Main Street, Millbrook, NH "
        "03255. Attention: Carla Dufresne, Director of Public Works, "
        "cdufresne@millbrooknh.gov, 603-555-0120."
    )
    doc.add_paragraph(
        "Bidder: Granite State Paving LLC, 88 Quarry Road, Concord, NH 03301, "
        "estimating@granitestatepaving.com, 603-555-0188."
    )
    doc.add_paragraph(
        "The undersigned Bidder proposes to furnish all labor, materials and equipment and to "
        "perform the Work at the unit prices below."
    )
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    head = ("Item No.", "Description", "Unit", "Est. Qty", "Unit Price", "Extended Amount")
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in ITEMS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    cells = table.add_row().cells
    cells[1].paragraphs[0].add_run("Estimated Total Bid").bold = True
    cells[5].paragraphs[0].add_run("$102,530.00").bold = True
    doc.add_paragraph()
    doc.add_paragraph(
        "Quantities are estimates for comparing bids only. Payment will be made for the "
        "quantities actually installed, as measured in the field by the Engineer, at the unit "
        "prices bid. The Town may increase or decrease any quantity by up to 25% without "
        "change to the unit price."
    )
    doc.add_paragraph(
        "Contract time: the Work shall begin on June 1, 2026 and be substantially complete "
        "by August 28, 2026. Liquidated damages: $500.00 per calendar day."
    )
    doc.add_paragraph(
        "Retainage of five percent (5%) will be held from each progress payment. A bid bond "
        "of 5% of the Estimated Total Bid accompanies this bid."
    )
    doc.add_paragraph(
        "The Bidder acknowledges Addendum No. 1 dated March 30, 2026. This bid remains open "
        "for sixty (60) days after the bid date."
    )
    doc.add_paragraph()
    doc.add_paragraph("BIDDER: Granite State Paving LLC")
    doc.add_paragraph("By: /s/ Derek Ouellette")
    doc.add_paragraph("Name and Title: Derek Ouellette, President")
    doc.add_paragraph("Date: April 7, 2026")
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
