"""A long whole-house renovation proposal (PDF, 4 pages).

The priced table has one row per item grouped under section rows, with a subtotal row after
each section; it runs across a page break with its header row repeated on the next page.
Under the table: "Subtotal", "Less: preferred-client discount (5%)", sales tax on the
discounted amount and the grand total. Decision: the line items are the item rows (not the
section subtotals), the subtotal is the labelled pre-discount subtotal, the total the grand
total. Terms pages follow; the client signs, the contractor's block is blank.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

NAME = "lakeview-long-renovation-proposal.pdf"

B = ParagraphStyle("b", fontName="Times-Roman", fontSize=10.5, leading=13.5, spaceAfter=6)
H = ParagraphStyle("h", fontName="Times-Bold", fontSize=12, leading=15, spaceBefore=10, spaceAfter=4)
T = ParagraphStyle("t", fontName="Times-Bold", fontSize=18, leading=22)

SECTIONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Demolition and site protection", [
        ("Floor and stair protection, dust walls, daily cleanup", "2,850.00"),
        ("Demolish kitchen cabinets, counters and soffits", "1,940.00"),
        ("Demolish hall bath and primary bath to studs", "3,280.00"),
        ("Dumpsters and disposal (4 pulls)", "2,400.00"),
    ]),
    ("Kitchen", [
        ("Relocate sink wall plumbing and new gas line to range", "4,750.00"),
        ("Electrical: 6 new circuits, 14 recessed lights, under-cabinet lighting", "6,380.00"),
        ("Install semi-custom cabinets (owner-selected, contractor-supplied)", "18,900.00"),
        ("Quartz countertops, 62 sq ft, with undermount sink cutout", "7,440.00"),
        ("Tile backsplash, installed", "2,160.00"),
        ("Drywall patch, prime and paint kitchen and dining", "3,050.00"),
    ]),
    ("Primary bathroom", [
        ("Curbless shower pan, linear drain and waterproofing", "5,900.00"),
        ("Porcelain floor and wall tile, installed", "8,275.00"),
        ("Double vanity, top and faucets, installed", "4,120.00"),
        ("Frameless glass shower enclosure", "3,640.00"),
        ("Exhaust fan, heated floor mat and thermostat", "2,210.00"),
    ]),
    ("Hall bathroom", [
        ("Tub-to-shower conversion with tile surround", "6,480.00"),
        ("Vanity, toilet and accessories, installed", "2,730.00"),
        ("Floor tile and paint", "1,890.00"),
    ]),
    ("Flooring and finishes", [
        ("Engineered oak flooring, main level, 1,140 sq ft", "13,680.00"),
        ("Stair treads and risers, refinish and new railing", "4,960.00"),
        ("Interior doors and trim, 11 openings", "5,115.00"),
        ("Final clean and punch list", "1,200.00"),
    ]),
]

SUBTOTAL = "$113,350.00"
DISCOUNT = "($5,667.50)"
TAX = "$3,122.79"
GRAND = "$110,805.29"


def _money(s: str) -> Decimal:
    return Decimal(s.replace(",", "").replace("$", ""))


def _table() -> Table:
    rows: list[list[Any]] = [["Item", "Description", "Amount"]]
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
        ("FONT", (0, 1), (-1, -1), "Times-Roman", 10),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
    ]
    total = Decimal(0)
    for s_no, (name, items) in enumerate(SECTIONS, 1):
        rows.append([f"{s_no}.0", name.upper(), ""])
        style.append(("FONT", (0, len(rows) - 1), (-1, len(rows) - 1), "Times-Bold", 10))
        sec = Decimal(0)
        for i_no, (desc, amount) in enumerate(items, 1):
            rows.append([f"{s_no}.{i_no}", desc, f"${amount}"])
            sec += _money(amount)
        rows.append(["", f"Section {s_no} subtotal", f"${sec:,.2f}"])
        style.append(("FONT", (1, len(rows) - 1), (-1, len(rows) - 1), "Times-Italic", 10))
        total += sec
    assert f"${total:,.2f}" == SUBTOTAL, total
    table = Table(rows, colWidths=[0.6 * inch, 4.9 * inch, 1.2 * inch], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _summary() -> Table:
    rows = [
        ["Subtotal", SUBTOTAL],
        ["Less: preferred-client discount (5%)", DISCOUNT],
        ["Sales tax (2.9% on the discounted amount)", TAX],
        ["GRAND TOTAL", GRAND],
    ]
    t = Table(rows, colWidths=[3.6 * inch, 1.4 * inch], hAlign="RIGHT")
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -2), "Times-Roman", 10.5),
                ("FONT", (0, -1), (-1, -1), "Times-Bold", 11),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
            ]
        )
    )
    return t


def _p(text: str) -> Paragraph:
    return Paragraph(text, B)


def build(out_dir: Path) -> Path:
    path = out_dir / NAME

    def footer(canvas: Any, d: Any) -> None:
        canvas.saveState()
        canvas.setFont("Times-Roman", 8)
        canvas.drawString(0.9 * inch, 0.5 * inch, "Lakeview Design + Build  \u2022  Proposal LV-2604")
        canvas.drawRightString(LETTER[0] - 0.9 * inch, 0.5 * inch, f"Page {d.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path), pagesize=LETTER, invariant=1, title="Proposal LV-2604",
        leftMargin=0.9 * inch, rightMargin=0.9 * inch, topMargin=0.8 * inch,
        bottomMargin=0.9 * inch,
    )
    story: list[Any] = [
        Paragraph("Lakeview Design + Build, Inc.", T),
        _p("1610 Lake Street, Minneapolis, MN 55408 \u2022 612-555-0163 \u2022 "
           "hello@lakeviewdb.com"),
        Spacer(1, 6),
        _p("<b>Renovation Proposal LV-2604</b><br/>April 20, 2026"),
        _p("Prepared for: Marcus and Elena Whitfield<br/>3924 Colfax Avenue South, "
           "Minneapolis, MN 55409<br/>elena.whitfield@gmail.com \u2022 612-555-0107"),
        _p("Project: Whitfield Whole-House Renovation"),
        Paragraph("Introduction", H),
        _p("Thank you for inviting us to price the renovation of your home. This proposal "
           "sets out the work we will do, what it costs and how we will run the job. It is "
           "based on the design drawings dated March 27, 2026 and on our site visit."),
        Paragraph("Scope of Work and Pricing", H),
        _p("The work is priced item by item below. Owner-selected finishes are included at "
           "the amounts shown; where a selection costs more or less, the difference is "
           "adjusted by change order."),
        _table(),
        Spacer(1, 8),
        _summary(),
        Paragraph("Not Included", H),
        _p("\u2022 Asbestos or lead abatement, if found"),
        _p("\u2022 Appliances (owner-supplied; we install them)"),
        _p("\u2022 Window treatments and furniture"),
        Paragraph("Schedule", H),
        _p("We plan to start on June 8, 2026. Substantial completion is expected on "
           "September 25, 2026, with the punch list complete by October 9, 2026."),
        Paragraph("Payment Schedule", H),
        _p("\u2022 Deposit on signing: $12,000.00"),
        _p("\u2022 Progress payments every two weeks for work completed, less the deposit "
           "credited pro rata"),
        _p("\u2022 Final payment on completion of the punch list"),
        PageBreak(),
        Paragraph("Terms and Conditions", H),
    ]
    terms = [
        ("Changes", "Any change to the work will be agreed in a written change order stating "
         "its price and its effect on the schedule before the changed work begins."),
        ("Concealed conditions", "If we find conditions behind walls or under floors that "
         "could not reasonably have been seen, such as rot, undersized framing or "
         "non-compliant wiring, we will stop, show you, and price the repair as a change."),
        ("Permits", "We obtain and pay for the building, plumbing, mechanical and electrical "
         "permits and arrange all inspections."),
        ("Warranty", "We warrant our workmanship for two (2) years from substantial "
         "completion. Manufacturers' warranties pass through to you."),
        ("Insurance", "We carry general liability insurance of $2,000,000 per occurrence and "
         "workers' compensation as required by Minnesota law."),
        ("Access and working hours", "We work weekdays between 7:30 a.m. and 4:30 p.m. You "
         "agree to give us access to the house and to a bathroom for the crew."),
        ("Late payment", "Invoices not paid within 10 days bear interest at 1.5% per month."),
        ("Termination", "Either party may end this agreement on 7 days' written notice if the "
         "other fails to perform; you pay for work done and materials ordered."),
        ("Governing law", "This agreement is governed by the laws of the State of Minnesota."),
    ]
    for title, text in terms:
        story.append(_p(f"<b>{title}.</b> {text}"))
    story += [
        _p("This proposal is valid until May 20, 2026."),
        Spacer(1, 20),
        Paragraph("Acceptance", H),
        _p("By signing below you accept this proposal, its price and its terms."),
        Spacer(1, 10),
    ]
    sig = Table(
        [
            ["CLIENT", "LAKEVIEW DESIGN + BUILD, INC."],
            ["Elena Whitfield", ""],
            ["Signature: ____________________________", "Signature: ____________________________"],
            ["Name: Elena Whitfield", "Name: ______________________"],
            ["Date: April 24, 2026", "Date: ______________________"],
        ],
        colWidths=[3.3 * inch, 3.3 * inch],
    )
    sig.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
                ("FONT", (0, 1), (0, 1), "Times-Italic", 14),
                ("FONT", (0, 2), (-1, -1), "Times-Roman", 10),
            ]
        )
    )
    story.append(sig)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
