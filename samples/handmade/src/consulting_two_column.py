"""A two-column consulting agreement (newsletter-style frames), the way law-firm templates
print. Readers must read column by column, not across. Both parties sign, with dates."""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer

NAME = "harlow-finch-consulting-agreement.pdf"

BODY = ParagraphStyle(
    "b", fontName="Times-Roman", fontSize=9.5, leading=12, alignment=TA_JUSTIFY, spaceAfter=5
)
HEAD = ParagraphStyle(
    "h", fontName="Times-Bold", fontSize=10, leading=13, spaceBefore=6, spaceAfter=3
)
TITLE = ParagraphStyle(
    "t", fontName="Times-Bold", fontSize=15, leading=19, alignment=TA_CENTER, spaceAfter=8
)

TEXT: list[tuple[str, str]] = [
    (
        "p",
        "This Consulting Agreement (the &#8220;Agreement&#8221;) is entered into as of "
        "January 12, 2026 by and between <b>Bright Harbor Credit Union</b>, 700 Water Street, "
        "Portland, ME 04101 (the &#8220;Client&#8221;), and <b>Harlow &amp; Finch Consulting "
        "LLC</b>, 55 Exchange Street, Suite 4, Portland, ME 04101 (the &#8220;Consultant&#8221;).",
    ),
    ("h", "1. Engagement"),
    (
        "p",
        "Client engages Consultant to carry out the Core Banking Vendor Selection project "
        "described below, and Consultant accepts the engagement on these terms.",
    ),
    ("h", "2. Services"),
    ("p", "Consultant will:"),
    (
        "p",
        "(a) interview the heads of lending, deposits, finance and IT and document their "
        "requirements;",
    ),
    (
        "p",
        "(b) prepare a request for proposal and issue it to no more than five core banking vendors;",
    ),
    ("p", "(c) score vendor responses and facilitate two rounds of scripted demonstrations;"),
    ("p", "(d) deliver a written recommendation and a presentation to the board."),
    ("h", "3. Not Included"),
    (
        "p",
        "The Services do not include contract negotiation with the selected vendor, data "
        "conversion, or implementation project management. Such work may be added by written "
        "amendment.",
    ),
    ("h", "4. Term"),
    (
        "p",
        "Work begins on February 2, 2026 and the final recommendation will be delivered no "
        "later than May 29, 2026.",
    ),
    ("h", "5. Fees"),
    (
        "p",
        "Client shall pay Consultant a fixed fee of Thirty-Six Thousand Dollars ($36,000.00), "
        "invoiced as follows: 40% on signing, 40% on delivery of the scored vendor responses "
        "and 20% on delivery of the final recommendation. Invoices are due net 30.",
    ),
    (
        "p",
        "Travel outside Cumberland County is reimbursed at cost. Additional services requested "
        "by Client are billed at $210 per hour.",
    ),
    ("h", "6. Confidentiality"),
    (
        "p",
        "Each party will keep confidential the other party's non-public information and use "
        "it only for this engagement. This obligation survives for three years after the "
        "engagement ends.",
    ),
    ("h", "7. Insurance"),
    (
        "p",
        "Consultant maintains professional liability insurance of $2,000,000 per claim and "
        "will provide a certificate on request.",
    ),
    ("h", "8. Independent Contractor"),
    (
        "p",
        "Consultant is an independent contractor and is responsible for its own taxes, "
        "benefits and equipment.",
    ),
    ("h", "9. Governing Law"),
    ("p", "This Agreement is governed by the laws of the State of Maine."),
    ("h", "10. Entire Agreement"),
    (
        "p",
        "This Agreement is the entire agreement of the parties about its subject and may be "
        "amended only in a writing signed by both parties.",
    ),
    ("h", "Contacts"),
    (
        "p",
        "Client: Maureen Castellano, VP Operations, mcastellano@brightharborcu.org, "
        "(207) 555-0172. Consultant: Theo Harlow, theo@harlowfinch.com, (207) 555-0119.",
    ),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = BaseDocTemplate(
        str(path),
        pagesize=LETTER,
        invariant=1,
        title="Consulting Agreement",
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.75 * inch,
        bottomMargin=0.75 * inch,
    )
    gap = 0.3 * inch
    col = (doc.width - gap) / 2
    title_h = 0.6 * inch
    first = [
        Frame(
            doc.leftMargin, doc.bottomMargin + doc.height - title_h, doc.width, title_h, id="title"
        ),
        Frame(doc.leftMargin, doc.bottomMargin, col, doc.height - title_h, id="left"),
        Frame(doc.leftMargin + col + gap, doc.bottomMargin, col, doc.height - title_h, id="right"),
    ]
    later = [
        Frame(doc.leftMargin, doc.bottomMargin, col, doc.height, id="left2"),
        Frame(doc.leftMargin + col + gap, doc.bottomMargin, col, doc.height, id="right2"),
    ]
    doc.addPageTemplates(
        [PageTemplate("first", first, autoNextPageTemplate="later"), PageTemplate("later", later)]
    )
    story: list[object] = [Paragraph("CONSULTING AGREEMENT", TITLE), FrameBreak()]
    for kind, text in TEXT:
        story.append(Paragraph(text, HEAD if kind == "h" else BODY))
    story += [
        Spacer(1, 10),
        Paragraph("<b>BRIGHT HARBOR CREDIT UNION</b>", BODY),
        Paragraph("<i>Maureen Castellano</i>", BODY),
        Paragraph("By: Maureen Castellano, VP Operations", BODY),
        Paragraph("Date: January 14, 2026", BODY),
        Spacer(1, 8),
        Paragraph("<b>HARLOW &amp; FINCH CONSULTING LLC</b>", BODY),
        Paragraph("<i>Theo Harlow</i>", BODY),
        Paragraph("By: Theo Harlow, Managing Partner", BODY),
        Paragraph("Date: January 12, 2026", BODY),
    ]
    doc.build(story)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
