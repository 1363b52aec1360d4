"""A quote sent as an e-mail and printed to PDF (Canadian glazier, no headings).

The mail header block (From / Sent / To / Subject) on top, the date written "Nov. 3rd, 2026";
the body is prose with each price inline ("… for $2,950, …"); the total is one short line,
"Total: $4,860 + GST", in Canadian dollars with GST on top; the sender's e-mail signature
carries the company, a British Columbia address and phone; the customer replied "Approved"
above the quoted mail, so it is accepted without a signature line.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

NAME = "northshore-glass-email-quote.pdf"

BODY = [
    "Hi Aisha,",
    "",
    "Thanks for having me over on Friday to measure up. As promised, here is our quote for "
    "the ensuite and the front hall.",
    "",
    "We would supply and install a frameless 10 mm clear glass shower enclosure (one fixed "
    "panel and a hinged door, brushed nickel hardware) for $2,950, two polished-edge vanity "
    "mirrors of 36 x 42 inches for $780, and replace the fogged sealed unit in the front hall "
    "window with a new low-E unit for $1,130. That covers removal and disposal of the old "
    "shower door and the old glass.",
    "",
    "Total: $4,860 + GST",
    "",
    "The price does not include tile or drywall repair behind the old door track, or moving "
    "the towel bar. We need 50% to order the glass and the rest on installation. Lead time "
    "for the tempered glass is about three weeks, so we could install the week of Dec. 7th, "
    "2026. All our glass work carries a 2 year warranty on installation. The quote is open "
    "until Dec. 3rd, 2026.",
    "",
    "Just reply to this e-mail to go ahead.",
    "",
    "Cheers,",
    "Marc Tremblay",
    "North Shore Glass & Mirror Ltd.",
    "1187 Marine Drive, North Vancouver, BC V7P 1T3",
    "604-555-0193 | marc@northshoreglass.ca",
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    c = Canvas(str(path), pagesize=LETTER, invariant=1)
    c.setTitle("Quote - ensuite shower and mirrors")
    w, h = LETTER
    x, y = 54, h - 54
    c.setFont("Helvetica", 8)
    c.drawString(x, y, "Gmail - Quote - ensuite shower and mirrors")
    c.drawRightString(w - 54, y, "11/5/26, 8:14 PM")
    y -= 30
    c.setFont("Helvetica", 10)
    c.drawString(x, y, "Approved - please book us in. Deposit sent by e-Transfer.")
    y -= 14
    c.drawString(x, y, "Aisha Rahman")
    y -= 24
    c.setFont("Helvetica", 9)
    for label, value in (
        ("From:", "Marc Tremblay <marc@northshoreglass.ca>"),
        ("Sent:", "Nov. 3rd, 2026 4:52 PM"),
        ("To:", "Aisha Rahman <aisha.rahman@example.ca>"),
        ("Subject:", "Quote - ensuite shower and mirrors, 2245 Kings Avenue, West Vancouver"),
    ):
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x, y, label)
        c.setFont("Helvetica", 9)
        c.drawString(x + 48, y, value)
        y -= 12
    c.line(x, y + 2, w - 54, y + 2)
    y -= 16
    c.setFont("Helvetica", 10)
    width = w - 2 * x
    for para in BODY:
        if not para:
            y -= 6
            continue
        words, line = para.split(), ""
        for word in words:
            trial = (line + " " + word).strip()
            if c.stringWidth(trial, "Helvetica", 10) > width:
                c.drawString(x, y, line)
                y -= 13
                line = word
            else:
                line = trial
        c.drawString(x, y, line)
        y -= 13
    c.setFont("Helvetica", 8)
    c.drawString(x, 36, "https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ")
    c.drawRightString(w - 54, 36, "1/1")
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
