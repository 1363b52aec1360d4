"""A city council resolution awarding a playground contract (DOCX).

Public-agency style: WHEREAS clauses, a bid tabulation with losing bidders' amounts, a
contingency and a budget figure (all decoys for the total), "not to exceed" wording, a mayor's
signature and a clerk's attestation; the contractor signs nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "brentwood-heights-resolution.docx"


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = "Resolution 26-07"
    header = doc.sections[0].header.paragraphs[0]
    header.text = "City of Brentwood Heights \u2022 Office of the City Clerk \u2022 clerk@brentwoodheights.gov"

    def center(text: str, bold: bool = True, size: int = 12) -> None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold, run.font.size = bold, Pt(size)

    center("CITY OF BRENTWOOD HEIGHTS", size=14)
    center("RESOLUTION NO. 26-07")
    center(
        "A RESOLUTION AWARDING A CONSTRUCTION CONTRACT FOR THE ELM PARK PLAYGROUND "
        "RENOVATION PROJECT TO GREENWAY SITE WORKS, INC.",
        bold=False,
        size=11,
    )
    for text in (
        "WHEREAS, the City Council approved the plans and specifications for the Elm Park "
        "Playground Renovation Project, 2200 Elm Avenue, Brentwood Heights, MO 63144, on "
        "February 10, 2026; and",
        "WHEREAS, the City advertised for bids and four (4) sealed bids were opened publicly on "
        "March 19, 2026, with the following results:",
    ):
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Rank", "Bidder", "Total Base Bid"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in (
        ("1", "Greenway Site Works, Inc.", "$287,400.00"),
        ("2", "Tri-County Recreation Builders LLC", "$301,950.00"),
        ("3", "Midland Parks & Paving Co.", "$318,200.00"),
        ("4", "A.J. Korte Construction", "$344,775.00"),
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for text in (
        "WHEREAS, the Director of Parks has reviewed the bids and recommends award to the lowest "
        "responsive and responsible bidder; and",
        "WHEREAS, the Fiscal Year 2026 Capital Improvement Budget includes $350,000.00 for the "
        "project;",
        "NOW, THEREFORE, BE IT RESOLVED BY THE CITY COUNCIL OF THE CITY OF BRENTWOOD HEIGHTS, "
        "MISSOURI, AS FOLLOWS:",
        "Section 1. The contract for the Elm Park Playground Renovation Project is awarded to "
        "Greenway Site Works, Inc., 9150 Manchester Road, Rock Hill, MO 63119, for its base bid "
        "in an amount not to exceed Two Hundred Eighty-Seven Thousand Four Hundred Dollars "
        "($287,400.00).",
        "Section 2. The City Administrator is authorized to approve change orders up to a "
        "contingency of ten percent (10%), or $28,740.00, without further Council action.",
        "Section 3. The work shall be substantially complete within 120 calendar days after the "
        "Notice to Proceed. Five percent (5%) retainage shall be withheld from each progress "
        "payment.",
        "Section 4. This resolution takes effect immediately upon its adoption.",
        "PASSED AND APPROVED by the City Council of the City of Brentwood Heights this 14th day "
        "of April, 2026.",
    ):
        doc.add_paragraph(text)
    doc.add_paragraph()
    for text in (
        "/s/ Katherine Ruiz-Olsen",
        "Katherine Ruiz-Olsen, Mayor",
        "",
        "ATTEST:",
        "/s/ Daniel P. Moy",
        "Daniel P. Moy, City Clerk",
    ):
        doc.add_paragraph(text)
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
