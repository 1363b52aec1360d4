"""A commercial electrical subcontract (PDF) on a general contractor's form.

The buyer is "Contractor" and the seller "Subcontractor"; the price is a schedule of values
table whose rows add up to the subcontract sum; 10% retainage, "Net 30"; the work starts
upon notice to proceed and is complete within 120 calendar days of it (no calendar dates);
liquidated damages and insurance limits are decoys for the total; the signature block is two
columns of printed lines, signed by both.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

NAME = "keystone-electrical-subcontract.pdf"

B = ParagraphStyle("b", fontName="Helvetica", fontSize=9, leading=11.5, spaceAfter=5)
H = ParagraphStyle(
    "h", fontName="Helvetica-Bold", fontSize=9.5, leading=12, spaceBefore=7, spaceAfter=3
)
T = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=13, leading=16, alignment=1)
C = ParagraphStyle("c", fontName="Helvetica", fontSize=8.5, leading=10.5)

SOV = [
    ("26 05 00", "Common work results, mobilization and general conditions", "38,600.00"),
    ("26 24 13", "Switchboards and panelboards", "96,250.00"),
    ("26 05 19", "Branch wiring, conduit and devices", "187,400.00"),
    ("26 51 00", "Interior lighting and lighting controls", "121,900.00"),
    ("28 31 00", "Fire alarm system", "54,300.00"),
    ("26 32 13", "Standby generator and automatic transfer switch", "68,750.00"),
    ("01 78 00", "Closeout, O&M manuals and as-built drawings", "7,800.00"),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = SimpleDocTemplate(
        str(path), pagesize=LETTER, invariant=1, title="Subcontract Agreement",
        leftMargin=0.8 * inch, rightMargin=0.8 * inch, topMargin=0.7 * inch,
    )

    def footer(canvas: Any, d: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawString(0.8 * inch, 0.45 * inch, "HCB Form SC-3 (rev. 08/2019)")
        canvas.drawRightString(LETTER[0] - 0.8 * inch, 0.45 * inch, f"Page {d.page}")
        canvas.restoreState()

    sov = Table(
        [["Section", "Description", "Scheduled Value"]]
        + [list(r) for r in SOV]
        + [["", "Subcontract Sum", "$575,000.00"]],
        colWidths=[0.9 * inch, 4.2 * inch, 1.5 * inch],
    )
    sov.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.5),
                ("FONT", (0, 1), (-1, -2), "Helvetica", 8.5),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8.5),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ]
        )
    )
    story: list[Any] = [
        Paragraph("HOLLIS CONSTRUCTION BUILDERS, INC.", T),
        Paragraph("SUBCONTRACT AGREEMENT", T),
        Spacer(1, 8),
        Paragraph("Subcontract No. 2417-26 &nbsp;&nbsp;&nbsp; Date: May 18, 2026", B),
        Paragraph(
            "<b>Project:</b> Cedar Point Middle School Addition, 900 Lakeshore Boulevard, "
            "Sandusky, OH 44870",
            B,
        ),
        Paragraph(
            "This Subcontract is made between Hollis Construction Builders, Inc., 1250 "
            "Superior Avenue, Cleveland, OH 44114 (the \u201cContractor\u201d), and Keystone "
            "Electric Company, 77 Industrial Parkway, Elyria, OH 44035 (the "
            "\u201cSubcontractor\u201d). The Contractor\u2019s project manager is Megan "
            "Sato, msato@hollisbuilders.com, 216-555-0142. The Subcontractor\u2019s contact "
            "is Ray Dombrowski, estimating@keystone-electric.com, 440-555-0187.",
            B,
        ),
        Paragraph("ARTICLE 1 \u2013 SUBCONTRACT WORK", H),
        Paragraph(
            "Subcontractor shall furnish all labor, materials, equipment and supervision for "
            "the electrical work of the Project as shown on drawings E-001 through E-602 and "
            "specified in Divisions 26, 27 and 28, including:",
            B,
        ),
        Paragraph("a) New 2000A service, switchboard and distribution panelboards", B),
        Paragraph("b) Branch circuits, devices and connections to owner-furnished equipment", B),
        Paragraph("c) LED lighting with occupancy and daylight controls", B),
        Paragraph("d) Addressable fire alarm system, programming and testing", B),
        Paragraph("e) 250 kW standby generator with automatic transfer switch", B),
        Paragraph(
            "The following are excluded from this Subcontract: utility company charges; "
            "telephone and data cabling; and cutting and patching of existing masonry.",
            B,
        ),
        Paragraph("ARTICLE 2 \u2013 SUBCONTRACT SUM", H),
        Paragraph(
            "Contractor shall pay Subcontractor for the performance of the Work the sum of Five "
            "Hundred Seventy-Five Thousand Dollars ($575,000.00), subject to additions and "
            "deductions by change order, broken down in the following schedule of values:",
            B,
        ),
        sov,
        Spacer(1, 6),
        Paragraph("ARTICLE 3 \u2013 PAYMENT", H),
        Paragraph(
            "Subcontractor shall submit applications for payment by the 25th of each month. "
            "Contractor shall retain ten percent (10%) of each progress payment until final "
            "completion and acceptance. Approved applications are payable Net 30.",
            B,
        ),
        Paragraph("ARTICLE 4 \u2013 TIME", H),
        Paragraph(
            "Subcontractor shall begin the Work upon notice to proceed from the Contractor "
            "and shall achieve final completion within 120 calendar days of NTP. Time is of the "
            "essence.",
            B,
        ),
        Paragraph(
            "If Subcontractor fails to complete the Work within the Subcontract Time, "
            "Subcontractor shall pay liquidated damages of $750.00 for each calendar day of "
            "delay.",
            B,
        ),
        Paragraph("ARTICLE 5 \u2013 INSURANCE", H),
        Paragraph(
            "Subcontractor shall maintain commercial general liability insurance of $1,000,000 "
            "per occurrence and $2,000,000 aggregate, automobile liability of $1,000,000, and "
            "an umbrella policy of $5,000,000, naming Contractor and Owner as additional "
            "insureds.",
            B,
        ),
        Paragraph("ARTICLE 6 \u2013 WARRANTY", H),
        Paragraph(
            "Subcontractor warrants the Work against defects in materials and workmanship for "
            "one (1) year from substantial completion of the Project.",
            B,
        ),
        Paragraph("ARTICLE 7 \u2013 CHANGES", H),
        Paragraph(
            "No change in the Work shall be made without a written change order signed by the "
            "Contractor.",
            B,
        ),
        Spacer(1, 18),
    ]
    sig = Table(
        [
            ["CONTRACTOR:", "SUBCONTRACTOR:"],
            ["Hollis Construction Builders, Inc.", "Keystone Electric Company"],
            ["By: /s/ Gregory Hollis", "By: /s/ Raymond Dombrowski"],
            ["Name: Gregory Hollis", "Name: Raymond Dombrowski"],
            ["Title: President", "Title: Vice President"],
            ["Date: May 21, 2026", "Date: May 19, 2026"],
        ],
        colWidths=[3.4 * inch, 3.4 * inch],
    )
    sig.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
            ]
        )
    )
    story.append(sig)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
