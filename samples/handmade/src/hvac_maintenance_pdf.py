"""An HVAC preventive-maintenance agreement (PDF): a recurring monthly fee for a stated term
plus a one-time start-up fee, and no stated contract total.

The PM still needs the contract value. Decision (docs/fields.md, "Recurring fees"): when a
fee is stated per period together with the number of periods, the total is the recurring
fee times the term plus the one-time fees (here 12 × $1,150.00 + $2,400.00 = $16,200.00),
reported with method ``total:recurring_term`` and a lower confidence; the recurring and
one-time fees are line items. Justified body text wraps its paragraphs over several lines.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

NAME = "northwind-hvac-maintenance.pdf"

B = ParagraphStyle(
    "b", fontName="Times-Roman", fontSize=10.5, leading=13.5, spaceAfter=6, alignment=TA_JUSTIFY
)
H = ParagraphStyle("h", fontName="Times-Bold", fontSize=11, leading=14, spaceBefore=6, spaceAfter=3)
T = ParagraphStyle("t", fontName="Times-Bold", fontSize=15, leading=19, spaceAfter=4)
SMALL = ParagraphStyle("s", fontName="Times-Roman", fontSize=9, leading=11)


def _clause(num: str, title: str, text: str) -> Paragraph:
    return Paragraph(f"<b>{num} {title}.</b> {text}", B)


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = SimpleDocTemplate(
        str(path), pagesize=LETTER, invariant=1, title="Planned Maintenance Agreement",
        leftMargin=0.9 * inch, rightMargin=0.9 * inch,
    )
    story: list[Any] = [
        Paragraph("NORTHWIND MECHANICAL SERVICES, INC.", T),
        Paragraph(
            "45 Foundry Road, Worcester, MA 01608 \u00b7 (508) 555-0121 \u00b7 "
            "service@northwindmech.com", SMALL,
        ),
        Spacer(1, 10),
        Paragraph("PLANNED MAINTENANCE AGREEMENT No. PM-2026-114", H),
        Paragraph(
            "This Planned Maintenance Agreement is entered into on January 12, 2026 by "
            "Northwind Mechanical Services, Inc. (\u201cNorthwind\u201d) and Beacon Hill "
            "Medical Partners, LLC, 300 Cambridge Street, Boston, MA 02114 "
            "(\u201cCustomer\u201d), for the heating, ventilating and air-conditioning "
            "equipment at Customer\u2019s clinic at 300 Cambridge Street, Boston, MA 02114. "
            "Customer\u2019s representative is Thomas Avery, facilities director, "
            "tavery@beaconhillmed.com, (617) 555-0199.",
            B,
        ),
        _clause(
            "1.", "Covered Equipment",
            "Two 25-ton rooftop units, one 60-ton air-cooled chiller, two gas-fired boilers, "
            "fourteen fan-coil units and the building automation front end, as listed on the "
            "equipment schedule attached to this Agreement.",
        ),
        _clause(
            "2.", "Services",
            "Northwind will perform quarterly preventive maintenance on all covered equipment "
            "according to the manufacturers\u2019 recommendations; replace air filters every "
            "three months; perform a chiller start-up in spring and a shutdown in fall; test "
            "boiler safety controls and combustion once a year; and provide 24-hour emergency "
            "response with a four-hour on-site target.",
        ),
        _clause(
            "3.", "Not Covered",
            "This Agreement does not cover replacement of compressors, heat exchangers or "
            "boiler sections; refrigerant beyond five pounds per year; ductwork cleaning; "
            "or damage from power surges, flooding or misuse.",
        ),
        _clause(
            "4.", "Term",
            "The term begins on February 1, 2026 and runs for twelve (12) months. It renews "
            "for further twelve-month terms unless either party gives sixty (60) days\u2019 "
            "written notice before the end of a term.",
        ),
    ]
    fees = Table(
        [
            ["Fee", "Amount", "When"],
            ["Start-up inspection and equipment survey (one time)", "$2,400.00", "On signing"],
            ["Maintenance fee", "$1,150.00 per month", "Monthly in advance"],
        ],
        colWidths=[3.4 * inch, 1.45 * inch, 1.45 * inch],
    )
    fees.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, "black"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, "black"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, "black"),
                ("FONT", (0, 0), (-1, 0), "Times-Bold"),
                ("FONT", (0, 1), (-1, -1), "Times-Roman"),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    story += [
        _clause("5.", "Fees", "Customer shall pay Northwind the following fees:"),
        fees,
        Spacer(1, 6),
        Paragraph(
            "Invoices are due within thirty (30) days of the invoice date. Repairs outside "
            "this Agreement are billed at $138.00 per hour plus parts, and after-hours calls at "
            "$207.00 per hour. Fees may increase by no more than 4% on renewal.",
            B,
        ),
        _clause(
            "6.", "Insurance",
            "Northwind shall carry commercial general liability insurance of not less than "
            "$1,000,000 per occurrence and $2,000,000 aggregate and workers\u2019 compensation "
            "as required by law, and will furnish certificates naming Customer as additional "
            "insured.",
        ),
        _clause(
            "7.", "Warranty",
            "Repairs and parts furnished under this Agreement are warranted for ninety (90) "
            "days from installation.",
        ),
        _clause(
            "8.", "Termination",
            "Either party may terminate this Agreement for cause on thirty (30) days\u2019 "
            "written notice if the other party fails to cure a material breach within that "
            "period.",
        ),
        _clause(
            "9.", "Governing Law",
            "This Agreement is governed by the laws of the Commonwealth of Massachusetts.",
        ),
        Spacer(1, 16),
    ]
    sig = Table(
        [
            ["NORTHWIND MECHANICAL SERVICES, INC.", "BEACON HILL MEDICAL PARTNERS, LLC"],
            ["By: /s/ Karen Dufresne", "By: /s/ Thomas Avery"],
            ["Karen Dufresne, Service Sales Manager", "Thomas Avery, Facilities Director"],
            ["Date: January 12, 2026", "Date: January 15, 2026"],
        ],
        colWidths=[3.3 * inch, 3.3 * inch],
    )
    sig.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
                ("FONT", (0, 1), (-1, -1), "Times-Roman", 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(sig)
    doc.build(story)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
