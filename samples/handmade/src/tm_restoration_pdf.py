"""A time-and-materials proposal (PDF) for water-damage restoration in a condominium.

No lump sum: labour is billed at hourly rates (a rates table), materials at cost plus 15%,
equipment at day rates, all capped by a "Not-to-exceed amount". Decision (docs/fields.md,
"Time and materials"): the total a PM must manage to is the not-to-exceed amount, reported
with its own method and a lower confidence; the hourly and day rates are not line items and
not the total. 25% deposit on signing, the rest invoiced weekly; both parties sign.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

NAME = "sandoval-tm-restoration.pdf"

B = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
H = ParagraphStyle(
    "h", fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=3
)
T = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=15, leading=19)

RATES = [
    ("Project supervisor", "$78.00"),
    ("Restoration technician", "$62.00"),
    ("Carpenter", "$68.00"),
    ("Helper / laborer", "$44.00"),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = SimpleDocTemplate(
        str(path), pagesize=LETTER, invariant=1, title="T&M Proposal 26-118",
        leftMargin=0.9 * inch, rightMargin=0.9 * inch, topMargin=0.7 * inch,
    )
    rates = Table(
        [["Labor category", "Hourly rate (straight time)"]] + [list(r) for r in RATES],
        colWidths=[3.0 * inch, 2.2 * inch],
    )
    rates.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    story = [
        Paragraph("SANDOVAL RESTORATION CO.", T),
        Paragraph(
            "2207 Industrial Pkwy, Unit 4, Aurora, CO 80011 &nbsp;|&nbsp; 303-555-0194 "
            "&nbsp;|&nbsp; office@sandovalrestore.com",
            B,
        ),
        Spacer(1, 8),
        Paragraph("<b>Time &amp; Materials Proposal No. 26-118</b>", B),
        Paragraph("Date: May 11, 2026", B),
        Paragraph(
            "Prepared for: Westbrook Condominium Association, c/o Priya Raman, Community "
            "Manager, 4410 E. Westbrook Dr., Denver, CO 80222 &nbsp;|&nbsp; "
            "manager@westbrookcondos.org &nbsp;|&nbsp; 720-555-0137",
            B,
        ),
        Paragraph("Project: Building C Water Damage Repairs, Units C-104 and C-204", B),
        Paragraph("<b>Scope of Work</b>", H),
        Paragraph(
            "The extent of the concealed damage cannot be known until the walls are opened, so "
            "we propose to do the following work on a time-and-materials basis:",
            B,
        ),
        Paragraph("&bull; Remove wet drywall, insulation and baseboard in Units C-104 and C-204", B),
        Paragraph("&bull; Dry the wall cavities and subfloor with dehumidifiers and air movers", B),
        Paragraph("&bull; Apply antimicrobial treatment to the exposed framing", B),
        Paragraph("&bull; Replace damaged drywall, tape, texture and paint to match", B),
        Paragraph("&bull; Reinstall baseboard and trim", B),
        Paragraph("<b>Exclusions</b>", H),
        Paragraph("&bull; Plumbing repairs to the failed supply line", B),
        Paragraph("&bull; Flooring replacement", B),
        Paragraph("&bull; Contents cleaning and storage", B),
        Paragraph("<b>Pricing</b>", H),
        Paragraph(
            "Labor is billed at the hourly rates below for hours worked on site. Overtime, "
            "when the Association requests it, is billed at 1.5 times these rates.",
            B,
        ),
        rates,
        Spacer(1, 6),
        Paragraph(
            "Materials are billed at cost plus 15%, with supplier receipts attached to each "
            "invoice. Drying equipment is billed at $35.00 per dehumidifier per day and $18.00 "
            "per air mover per day.",
            B,
        ),
        Paragraph(
            "<b>Not-to-exceed amount: $18,500.00.</b> Our billings for this work will not "
            "exceed this amount without a written change order signed by the Association.",
            B,
        ),
        Paragraph("<b>Payment</b>", H),
        Paragraph(
            "A deposit of 25% of the not-to-exceed amount ($4,625.00) is due on signing. "
            "The balance is invoiced weekly against time sheets and receipts, net 15 days.",
            B,
        ),
        Paragraph("<b>Schedule</b>", H),
        Paragraph(
            "Work will start on May 18, 2026 and is expected to be complete by June 12, 2026.",
            B,
        ),
        Paragraph("<b>Warranty</b>", H),
        Paragraph(
            "We warrant our workmanship for one (1) year from completion. Our general "
            "liability insurance is $2,000,000 per occurrence.",
            B,
        ),
        Spacer(1, 14),
    ]
    sig = Table(
        [
            ["ACCEPTED: Westbrook Condominium Association", "SANDOVAL RESTORATION CO."],
            ["By: /s/ Priya Raman", "By: /s/ Luis Sandoval"],
            ["Name: Priya Raman, Community Manager", "Name: Luis Sandoval, Owner"],
            ["Date: May 13, 2026", "Date: May 11, 2026"],
        ],
        colWidths=[3.4 * inch, 3.2 * inch],
    )
    sig.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 9),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(sig)
    doc.build(story)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
