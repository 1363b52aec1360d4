"""A contract amendment (DOCX): change order no. 2 to a commercial fit-out contract.

It changes the contract sum from the original figure to a new one and moves the completion
date, both stated "from … to …" in prose, with a small table of the changes priced one by one
(an add, a credit and an add). Decision (docs/fields.md, "Amendments and change orders"): the
package of an amendment reports the contract as amended — the total is the new contract sum,
the completion the new date; the original sum and date are not the values (the original sum
is kept as a candidate for the reviewer). The changes are the line items and the inclusions;
the date of the amendment is the document date; both parties sign.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "brightline-change-order-amendment.docx"

CHANGES = [
    ("CO2-01", "Add card-access readers at the two stair doors and the server room", "$14,380.00"),
    ("CO2-02", "Delete the acoustic ceiling cloud in the open office (credit)", "($6,200.00)"),
    ("CO2-03", "Relocate the break-room sink and add a dishwasher connection", "$3,955.00"),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = "Amendment No. 2"
    section = doc.sections[0]
    section.header.paragraphs[0].text = (
        "Brightline Interiors Group, Inc. \u2022 455 Summer Street, Suite 900, Boston, MA 02210 "
        "\u2022 617-555-0116"
    )
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("AMENDMENT NO. 2 TO CONSTRUCTION CONTRACT\n(Change Order No. 2)")
    r.bold, r.font.size = True, Pt(13)
    doc.add_paragraph("Amendment Date: July 14, 2026")
    doc.add_paragraph("Contract: Construction Contract dated February 9, 2026 (the \u201cContract\u201d)")
    doc.add_paragraph("Project: Fenwick Analytics Office Fit-Out, 12th Floor")
    doc.add_paragraph(
        "This Amendment is made between Fenwick Analytics LLC (\u201cOwner\u201d), 100 "
        "Federal Street, 12th Floor, Boston, MA 02110, and Brightline Interiors Group, Inc. "
        "(\u201cContractor\u201d). Owner's representative: Nadia Castellanos, "
        "ncastellanos@fenwickanalytics.com, 617-555-0172. Contractor's project manager: "
        "Tom Albrecht, talbrecht@brightlineinteriors.com."
    )
    doc.add_paragraph(
        "The parties agree to amend the Contract as follows. All other terms of the Contract "
        "remain in full force and effect."
    )
    p = doc.add_paragraph()
    p.add_run("1. Changes in the Work. ").bold = True
    p.add_run("The Work is changed as described below:")
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Item", "Description", "Amount"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for code, desc, amount in CHANGES:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = code, desc, amount
        cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cells = table.add_row().cells
    cells[1].paragraphs[0].add_run("Net change by this Amendment").bold = True
    cells[2].paragraphs[0].add_run("$12,135.00").bold = True
    cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    p = doc.add_paragraph()
    p.add_run("2. Contract Sum. ").bold = True
    p.add_run(
        "The original Contract Sum was $486,900.00 and was increased by Change Order No. 1 by "
        "$8,450.00. The Contract Sum is hereby increased from $495,350.00 to $507,485.00, "
        "which is the Contract Sum including this Amendment."
    )
    p = doc.add_paragraph()
    p.add_run("3. Contract Time. ").bold = True
    p.add_run(
        "The Contract Time is extended by 18 calendar days. The date of Substantial "
        "Completion is changed from August 28, 2026 to September 15, 2026, and final "
        "completion from September 30, 2026 to October 16, 2026."
    )
    p = doc.add_paragraph()
    p.add_run("4. Waiver. ").bold = True
    p.add_run(
        "The adjustments above are full compensation for the changed Work, including all "
        "delay and impact costs."
    )
    doc.add_paragraph()
    sig = doc.add_table(rows=4, cols=2)
    sig.cell(0, 0).paragraphs[0].add_run("OWNER: Fenwick Analytics LLC").bold = True
    sig.cell(0, 1).paragraphs[0].add_run("CONTRACTOR: Brightline Interiors Group, Inc.").bold = True
    sig.cell(1, 0).text = "By: Nadia Castellanos"
    sig.cell(1, 1).text = "By: Tom Albrecht"
    sig.cell(2, 0).text = "Title: Director of Operations"
    sig.cell(2, 1).text = "Title: Project Manager"
    sig.cell(3, 0).text = "Date: July 16, 2026"
    sig.cell(3, 1).text = "Date: July 14, 2026"
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
