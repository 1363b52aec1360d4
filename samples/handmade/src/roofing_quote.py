"""A terse one-page roofing quote, drawn line by line on a canvas (no tables, no platypus).

Columns are aligned with spaces and tab stops the way small contractors' quote software
prints them; the customer is a couple; nothing is signed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

NAME = "ridgeline-roofing-quote.pdf"


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    c = Canvas(str(path), pagesize=LETTER, invariant=1)
    c.setTitle("Quote 2291")
    w, h = LETTER
    y = h - 60
    c.setFont("Helvetica-Bold", 20)
    c.drawString(50, y, "RIDGELINE ROOFING")
    c.setFont("Helvetica", 9)
    c.drawString(
        50, y - 14, "PO Box 412  Xenia, OH 45385   (937) 555-0148   jobs@ridgelineroof.com"
    )
    c.setFont("Helvetica-Bold", 14)
    c.drawRightString(w - 50, y, "QUOTE #2291")
    c.setFont("Helvetica", 10)
    c.drawRightString(w - 50, y - 14, "Mar. 4th, 2026")
    y -= 60
    for line in ("Bob & Linda Marsh", "18 Orchard Ln", "Dayton, OH 45419", "cell 937-555-2290"):
        c.drawString(50, y, line)
        y -= 13
    y -= 10
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, y, "Job: tear-off & reshingle house + detached garage")
    y -= 24
    c.drawString(50, y, "DESCRIPTION")
    c.drawRightString(w - 50, y, "PRICE")
    c.line(50, y - 4, w - 50, y - 4)
    c.setFont("Helvetica", 10)
    rows = [
        ("Tear off 1 layer, haul away (32 sq)", "3,150.00"),
        ("Synthetic felt + ice & water at eaves/valleys", "1,980.00"),
        ("GAF Timberline HDZ shingles, installed", "7,460.00"),
        ("New drip edge, pipe boots, ridge vent", "1,135.00"),
        ("Detached garage, same spec", "525.00"),
    ]
    y -= 20
    for desc, price in rows:
        c.drawString(50, y, desc)
        c.drawRightString(w - 50, y, price)
        y -= 15
    c.line(w - 200, y + 4, w - 50, y + 4)
    c.setFont("Helvetica-Bold", 11)
    y -= 10
    c.drawString(w - 260, y, "TOTAL")
    c.drawRightString(w - 50, y, "$14,250.00")
    c.setFont("Helvetica", 9)
    y -= 34
    notes = [
        "Not incl: skylights, gutters, rotted decking over 2 sheets (extra sheets $85/sheet).",
        "50% down to get on the schedule, rest when done. Price good for 30 days.",
        "5 yr workmanship warranty. Fully insured ($2,000,000 general liability).",
        "We can usually start within 3 weeks of the deposit, weather permitting.",
    ]
    for n in notes:
        c.drawString(50, y, n)
        y -= 13
    y -= 30
    c.drawString(50, y, "Customer signature: ______________________________     Date: ____________")
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
