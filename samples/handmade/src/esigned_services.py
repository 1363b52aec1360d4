"""An e-signed network support agreement (PDF) in the style of DocuSign output.

Every page carries "Docusign Envelope ID: …" at the top; signatures are "DocuSigned by:"
stamps with a date-time; the price is a monthly fee with an annual total, and a setup fee;
the term has a start date and a twelve-month length.
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

NAME = "byteharbor-esigned-services.pdf"
ENVELOPE = "7C1E4B2A-93D5-4F0E-A8B6-2D41C9E07F35"

B = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
H = ParagraphStyle(
    "h", fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=4
)
T = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=10)
S = ParagraphStyle("s", fontName="Helvetica", fontSize=8, leading=10, textColor=colors.grey)
SIG = ParagraphStyle("sig", fontName="Times-Italic", fontSize=15, leading=18)


def _stamp(name: str, when: str, code: str) -> list[Any]:
    return [
        Paragraph("DocuSigned by:", S),
        Paragraph(name, SIG),
        Paragraph(code, S),
        Paragraph(f"Signed: {when}", S),
    ]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = SimpleDocTemplate(
        str(path), pagesize=LETTER, invariant=1, title="Network Support", topMargin=0.9 * inch
    )

    def header(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(0.6 * inch, LETTER[1] - 0.45 * inch, f"Docusign Envelope ID: {ENVELOPE}")
        canvas.restoreState()

    fees = Table(
        [
            ["Service", "Fee"],
            ["One-time onboarding and network documentation", "$1,450.00"],
            ["Managed network support, 12 months at $2,150.00 per month", "$25,800.00"],
            ["Total contract value (first term)", "$27,250.00"],
        ],
        colWidths=[4.6 * inch, 1.5 * inch],
    )
    fees.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONT", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    story: list[Any] = [
        Paragraph("NETWORK SUPPORT SERVICES AGREEMENT", T),
        Paragraph("Agreement date: April 20, 2026", B),
        Paragraph(
            "<b>Provider:</b> ByteHarbor Networks Inc., 1200 Pacific Ave, Suite 300, "
            "Tacoma, WA 98402 \u2013 support@byteharbor.net \u2013 (253) 555-0190",
            B,
        ),
        Paragraph(
            "<b>Customer:</b> Lumen Ridge Dental, P.C., 88 Bridgeport Way, Lakewood, WA "
            "98499 \u2013 attention of Dr. Anita Perala, office manager email "
            "frontdesk@lumenridgedental.com, (253) 555-0144",
            B,
        ),
        Paragraph("1. Services", H),
        Paragraph("Provider will provide the following services for Customer's two offices:", B),
        Paragraph(
            "\u2022 Remote monitoring of the firewall, switches and wireless access points", B
        ),
        Paragraph("\u2022 Patch management for 22 workstations and 2 servers", B),
        Paragraph("\u2022 Help desk by phone and email, Monday to Friday, 7 am to 6 pm", B),
        Paragraph("\u2022 Quarterly review of backups with a test restore", B),
        Paragraph("2. Exclusions", H),
        Paragraph("\u2022 Dental practice-management software support (vendor-supported)", B),
        Paragraph("\u2022 Hardware replacement parts", B),
        Paragraph("\u2022 Cabling and on-site work outside business hours", B),
        Paragraph("3. Fees", H),
        fees,
        Spacer(1, 6),
        Paragraph(
            "Onboarding is invoiced on signature; support is invoiced monthly in advance. "
            "Payment terms: Net 15. Work outside the Services is billed at $165.00 per hour.",
            B,
        ),
        Paragraph("4. Term", H),
        Paragraph(
            "Services begin on May 1, 2026 and continue for twelve (12) months, then "
            "renew month to month unless either party gives 30 days' written notice.",
            B,
        ),
        Paragraph("5. General", H),
        Paragraph(
            "Provider carries cyber liability insurance of $1,000,000. This Agreement is "
            "governed by the laws of the State of Washington.",
            B,
        ),
        Spacer(1, 14),
    ]
    sig = Table(
        [
            [
                [
                    Paragraph("<b>Lumen Ridge Dental, P.C.</b>", B),
                    *_stamp("Anita Perala", "4/22/2026 | 9:41 AM PDT", "3F9A01C2D4E84B7"),
                    Paragraph("Name: Dr. Anita Perala, DDS", B),
                ],
                [
                    Paragraph("<b>ByteHarbor Networks Inc.</b>", B),
                    *_stamp("Marcus Oyelaran", "4/20/2026 | 4:02 PM PDT", "A17B66E0C3F2418"),
                    Paragraph("Name: Marcus Oyelaran, CEO", B),
                ],
            ]
        ],
        colWidths=[3.2 * inch, 3.2 * inch],
    )
    sig.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(sig)
    doc.build(story, onFirstPage=header, onLaterPages=header)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
