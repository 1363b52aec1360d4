"""A design-build owner agreement in the style of the AIA standard forms (PDF, three pages).

Articles with section marks ("§ 3.1", "§ 5.1.2"), the parties as "Owner" and "Design-Builder"
in a preamble that puts each name on its own line; the contract sum in words and figures;
commencement on a stated date and substantial completion "not later than 240 days from the
date of commencement"; 5% retainage; two alternates, one accepted and one declined, in a
table; liquidated damages per day; a running form footer on every page; signatures in two
columns on the last page, both signed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

NAME = "halvorsen-design-build-agreement.pdf"

B = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=12.5, spaceAfter=5)
IND = ParagraphStyle("i", parent=B, leftIndent=18)
ART = ParagraphStyle(
    "a", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=9, spaceAfter=4
)
T = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=14, leading=18, alignment=1)
ST = ParagraphStyle("st", fontName="Helvetica", fontSize=9.5, leading=12, alignment=1)
C = ParagraphStyle("c", fontName="Times-Roman", fontSize=9.5, leading=11.5)


def _s(num: str, text: str, style: ParagraphStyle = B) -> Paragraph:
    return Paragraph(f"<b>\u00a7 {num}</b> {text}", style)


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = SimpleDocTemplate(
        str(path), pagesize=LETTER, invariant=1, title="Standard Form of Agreement",
        leftMargin=1.0 * inch, rightMargin=1.0 * inch, topMargin=0.8 * inch,
        bottomMargin=0.9 * inch,
    )

    def footer(canvas: Any, d: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 6.5)
        canvas.drawString(
            1.0 * inch, 0.55 * inch,
            "Owner\u2013Design-Builder Agreement, Stipulated Sum \u2013 Form DB-101 (2019). "
            "Init. ____ / ____",
        )
        canvas.drawRightString(LETTER[0] - 1.0 * inch, 0.55 * inch, f"{d.page}")
        canvas.restoreState()

    alternates = Table(
        [
            ["No.", "Description", "Amount", "Status"],
            ["1", "Standing-seam metal roof in lieu of TPO membrane", "$84,500.00", "Accepted"],
            ["2", "Photovoltaic array on the south roof, 60 kW", "$142,000.00", "Declined"],
        ],
        colWidths=[0.45 * inch, 3.4 * inch, 1.1 * inch, 0.9 * inch],
    )
    alternates.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8.5),
                ("FONT", (0, 1), (-1, -1), "Times-Roman", 9),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ]
        )
    )
    sig = Table(
        [
            [Paragraph("<b>OWNER</b>", C), Paragraph("<b>DESIGN-BUILDER</b>", C)],
            [Paragraph("Riverbend Public Library District", C),
             Paragraph("Halvorsen Design-Build, Inc.", C)],
            [Paragraph("<i>/s/ Denise Okonkwo</i>", C), Paragraph("<i>/s/ Erik Halvorsen</i>", C)],
            [Paragraph("(Signature)", C), Paragraph("(Signature)", C)],
            [Paragraph("Denise Okonkwo, Board President", C),
             Paragraph("Erik Halvorsen, President", C)],
            [Paragraph("(Printed name and title)", C), Paragraph("(Printed name and title)", C)],
            [Paragraph("Date: April 28, 2026", C), Paragraph("Date: April 24, 2026", C)],
        ],
        colWidths=[3.2 * inch, 3.2 * inch],
    )
    sig.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list[Any] = [
        Paragraph("STANDARD FORM OF AGREEMENT BETWEEN OWNER AND DESIGN-BUILDER", T),
        Paragraph("where the basis of payment is a Stipulated Sum", ST),
        Spacer(1, 14),
        Paragraph("<b>AGREEMENT</b> made as of the twentieth day of April in the year 2026", B),
        Paragraph("<b>BETWEEN</b> the Owner:", B),
        Paragraph(
            "Riverbend Public Library District<br/>"
            "300 Water Street<br/>Stillwater, MN 55082<br/>"
            "Attention: Martin Lindqvist, Facilities Director<br/>"
            "mlindqvist@riverbendlibrary.org &nbsp; (651) 555-0140",
            IND,
        ),
        Paragraph("and the Design-Builder:", B),
        Paragraph(
            "Halvorsen Design-Build, Inc.<br/>"
            "8800 Hudson Boulevard North, Suite 300<br/>Lake Elmo, MN 55042<br/>"
            "projects@halvorsendb.com &nbsp; (651) 555-0199",
            IND,
        ),
        Paragraph("for the following Project:", B),
        Paragraph(
            "Riverbend Library Branch Expansion<br/>1215 Greeley Street South, "
            "Stillwater, MN 55082",
            IND,
        ),
        Paragraph("The Owner and Design-Builder agree as follows.", B),
        Paragraph("ARTICLE 1 &nbsp; THE WORK OF THIS AGREEMENT", ART),
        _s(
            "1.1",
            "The Design-Builder shall fully execute the Work described in the Design-Build "
            "Documents, except as specifically indicated in the Design-Build Documents to be "
            "the responsibility of others. The Work comprises:",
        ),
        _s("1.1.1", "Architectural and engineering design through construction documents "
           "and permitting;", IND),
        _s("1.1.2", "A 9,800 square foot single-storey addition with a children's reading "
           "room, two study rooms and a community meeting room;", IND),
        _s("1.1.3", "Renovation of the existing 6,200 square foot circulation area, "
           "restrooms and staff workroom;", IND),
        _s("1.1.4", "Site work, including a 42-stall parking lot, storm water retention "
           "and landscaping.", IND),
        _s(
            "1.2",
            "The Work does not include: furniture, shelving and library equipment; "
            "telephone and data systems; and relocation of the collection, which the Owner "
            "will perform with its own forces.",
        ),
        Paragraph("ARTICLE 2 &nbsp; DATE OF COMMENCEMENT AND SUBSTANTIAL COMPLETION", ART),
        _s(
            "2.1",
            "The date of commencement of the Work shall be June 1, 2026, unless the Owner "
            "issues a notice to proceed setting a later date.",
        ),
        _s(
            "2.2",
            "The Design-Builder shall achieve Substantial Completion of the entire Work not "
            "later than two hundred forty (240) days from the date of commencement, subject "
            "to adjustments of the Contract Time as provided in the Design-Build Documents.",
        ),
        _s(
            "2.3",
            "If the Design-Builder fails to achieve Substantial Completion as provided in "
            "\u00a7 2.2, liquidated damages shall be assessed at the rate of One Thousand Two "
            "Hundred Dollars ($1,200.00) per day of delay, as a reasonable estimate of the "
            "Owner's loss of use and not as a penalty.",
        ),
        Paragraph("ARTICLE 3 &nbsp; CONTRACT SUM", ART),
        _s(
            "3.1",
            "The Owner shall pay the Design-Builder the Contract Sum in current funds for the "
            "Design-Builder's performance of the Contract. The Contract Sum shall be Four "
            "Million Three Hundred Sixty-Two Thousand Five Hundred Dollars ($4,362,500.00), "
            "subject to additions and deductions as provided in the Design-Build Documents.",
        ),
        _s(
            "3.2",
            "Alternates. The Contract Sum is based upon the following alternates, which are "
            "described in the Design-Build Documents and have been accepted or declined by "
            "the Owner as shown:",
        ),
        alternates,
        Spacer(1, 6),
        _s(
            "3.3",
            "Allowances included in the Contract Sum: signage and donor recognition wall, "
            "$35,000.00.",
        ),
        PageBreak(),
        Paragraph("ARTICLE 4 &nbsp; PAYMENTS", ART),
        _s(
            "4.1",
            "Based upon Applications for Payment submitted by the Design-Builder, the Owner "
            "shall make progress payments on account of the Contract Sum monthly. The period "
            "covered by each Application for Payment shall be one calendar month ending on "
            "the last day of the month.",
        ),
        _s(
            "4.1.1",
            "The Owner shall pay each Application for Payment within thirty (30) days after "
            "receipt of an approved Application.",
            IND,
        ),
        _s(
            "4.2",
            "Retainage. Each progress payment shall be reduced by five percent (5%) of the "
            "value of the Work completed, to be held as retainage until Substantial "
            "Completion.",
        ),
        _s(
            "4.3",
            "Final payment, constituting the entire unpaid balance of the Contract Sum, "
            "shall be made by the Owner when the Work has been fully completed and the "
            "Contract fully performed.",
        ),
        Paragraph("ARTICLE 5 &nbsp; GENERAL PROVISIONS", ART),
        _s(
            "5.1",
            "Warranty. The Design-Builder warrants that the Work will be free from defects "
            "for a period of two (2) years after the date of Substantial Completion.",
        ),
        _s(
            "5.2",
            "Insurance. The Design-Builder shall carry commercial general liability insurance "
            "of not less than $2,000,000 per occurrence and professional liability insurance "
            "of $1,000,000 per claim.",
        ),
        _s(
            "5.3",
            "Changes. The Owner may order changes in the Work by written Change Order signed "
            "by the Owner and the Design-Builder; the Contract Sum and Contract Time shall be "
            "adjusted accordingly.",
        ),
        _s(
            "5.4",
            "Termination. Either party may terminate this Agreement upon seven days' written "
            "notice if the other party materially breaches it and fails to cure the breach.",
        ),
        _s(
            "5.5",
            "Governing Law. This Agreement shall be governed by the law of the place where "
            "the Project is located, the State of Minnesota.",
        ),
        PageBreak(),
        Paragraph(
            "This Agreement is entered into as of the day and year first written above.", B
        ),
        Spacer(1, 14),
        sig,
    ]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
