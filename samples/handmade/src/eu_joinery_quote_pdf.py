"""A French joiner's quotation written in English for an expatriate client (PDF).

Euro amounts in the continental form (``15 440,00 €``, space for thousands, comma for
decimals), prices before VAT ("HT") with VAT at 20% added, day-first dates that are all
ambiguous on their own (``3/4/2027`` is 3 April), "Quotation valid for 30 days", payment in
three stages with percentages and amounts; the client's address block sits on the right as in
a French letter; nobody has signed yet.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

NAME = "moreau-joinery-quotation.pdf"

B = ParagraphStyle("b", fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
R = ParagraphStyle("r", parent=B, leftIndent=95 * mm)
H = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=6)
T = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=16, leading=20)
F = ParagraphStyle("f", fontName="Helvetica", fontSize=7, leading=9, textColor=colors.grey)

ITEMS = [
    ("Made-to-measure oak kitchen units, 6 linear metres", "1", "8 400,00", "8 400,00"),
    ("Solid oak worktop 40 mm, oiled, with sink cut-out", "1", "2 150,00", "2 150,00"),
    ("Renovation of oak staircase: sanding, new treads, varnish", "1", "3 200,00", "3 200,00"),
    ("Fitting and adjustment on site (days)", "3", "480,00", "1 440,00"),
    ("Delivery", "1", "250,00", "250,00"),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, invariant=1, title="Devis D-2027-031",
        leftMargin=18 * mm, rightMargin=18 * mm,
    )

    def footer(canvas: Any, _d: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawCentredString(
            A4[0] / 2, 12 * mm,
            "Atelier Moreau Menuiserie SARL \u2013 capital 20 000 \u20ac \u2013 SIRET 812 445 "
            "903 00021 \u2013 VAT FR 41 812445903",
        )
        canvas.restoreState()

    items = Table(
        [["Description", "Qty", "Unit price excl. VAT", "Total excl. VAT"]]
        + [list(i) for i in ITEMS]
        + [
            ["", "", "Total excl. VAT", "15 440,00 \u20ac"],
            ["", "", "VAT 20%", "3 088,00 \u20ac"],
            ["", "", "Total incl. VAT", "18 528,00 \u20ac"],
        ],
        colWidths=[92 * mm, 14 * mm, 34 * mm, 34 * mm],
    )
    items.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -4), 0.4, colors.black),
                ("BOX", (2, -3), (-1, -1), 0.4, colors.black),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.5),
                ("FONT", (0, 1), (-1, -1), "Helvetica", 8.5),
                ("FONT", (2, -1), (-1, -1), "Helvetica-Bold", 9),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    story: list[Any] = [
        Paragraph("Atelier Moreau Menuiserie", T),
        Paragraph(
            "14 rue Saint-Georges, 69005 Lyon, France<br/>Tel. +33 4 72 55 01 87 \u2013 "
            "devis@atelier-moreau.fr",
            B,
        ),
        Spacer(1, 8),
        Paragraph(
            "Mr James Harrington<br/>12 chemin des Vignes<br/>69450 Saint-Cyr-au-Mont-d'Or, "
            "France<br/>james.harrington@example.org",
            R,
        ),
        Spacer(1, 6),
        Paragraph("Lyon, 3/4/2027", R),
        Spacer(1, 6),
        Paragraph("QUOTATION No. D-2027-031", H),
        Paragraph("Subject: new oak kitchen and staircase renovation at your house", B),
        Paragraph(
            "Dear Mr Harrington, following our visit on site, please find our quotation for the "
            "works below.",
            B,
        ),
        items,
        Spacer(1, 8),
        Paragraph("Not included", H),
        Paragraph(
            "Electrical and plumbing connections, removal of the existing kitchen, tiling.", B
        ),
        Paragraph("Timing", H),
        Paragraph(
            "Fitting can start on 10/5/2027 and will be finished by 4/6/2027 at the latest, "
            "subject to receipt of the first instalment.",
            B,
        ),
        Paragraph("Payment in stages", H),
        Paragraph("\u2013 30% on order: 5 558,40 \u20ac", B),
        Paragraph("\u2013 40% on delivery of the kitchen units: 7 411,20 \u20ac", B),
        Paragraph("\u2013 30% on completion: 5 558,40 \u20ac", B),
        Paragraph(
            "Payment by bank transfer within 8 days of invoice. All our joinery is guaranteed "
            "for 2 years from completion.",
            B,
        ),
        Paragraph("Quotation valid for 30 days.", B),
        Spacer(1, 14),
        Paragraph(
            "Good for acceptance (date and signature):"
            "&nbsp;&nbsp;&nbsp;&nbsp;____________________________",
            B,
        ),
        Spacer(1, 4),
        Paragraph("For Atelier Moreau: Julien Moreau, manager", B),
    ]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
