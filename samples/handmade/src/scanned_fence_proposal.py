"""A signed fence proposal that came back as a SCAN (image-only PDF, read only by OCR).

Typed on a canvas, signed by both (an italic name on each signature line, dated by hand),
then rendered to a slightly rotated, blurred, speckled grey image by ``samples.scan``. The
price is a short list with a subtotal, tax and total; half down, half on completion.
What OCR loses (docs/fields.md, "Scanned pages"): the text layer, the fonts (so an italic
signature is just words on a line) and sometimes a character or two of small print.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from samples.scan import scan_pdf

NAME = "cedarline-fence-scan.pdf"


def typed(path: Path) -> None:
    """The typed page before it was printed, signed and scanned."""
    c = Canvas(str(path), pagesize=LETTER, invariant=1)
    w, h = LETTER
    y = h - 64
    c.setFont("Helvetica-Bold", 17)
    c.drawString(60, y, "CEDARLINE FENCE & DECK")
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 15, "5521 N. Pulaski Rd, Chicago, IL 60630  |  773-555-0152  |  sales@cedarlinefence.com")
    y -= 50
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, y, "PROPOSAL")
    c.setFont("Helvetica", 11)
    c.drawRightString(w - 60, y, "Date: August 3, 2026")
    y -= 26
    lines = [
        "Customer: Hannah Okafor",
        "Job address: 2718 W. Balmoral Ave, Chicago, IL 60625",
        "Phone: 773-555-0129   Email: hokafor@outlook.com",
    ]
    for line in lines:
        c.drawString(60, y, line)
        y -= 16
    y -= 10
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Work to be done")
    c.setFont("Helvetica", 11)
    y -= 17
    for line in (
        "- Remove and haul away 140 ft of existing chain-link fence",
        "- Install 140 ft of 6 ft cedar privacy fence with steel posts set in concrete",
        "- Install one 4 ft walk gate and one 10 ft double drive gate",
    ):
        c.drawString(70, y, line)
        y -= 16
    y -= 8
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Not included")
    c.setFont("Helvetica", 11)
    y -= 17
    for line in ("- Staining or sealing", "- Survey or property-line staking"):
        c.drawString(70, y, line)
        y -= 16
    y -= 10
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Price")
    c.setFont("Helvetica", 11)
    y -= 18
    for desc, amount in (
        ("Tear-out and disposal", "$1,260.00"),
        ("Cedar privacy fence, 140 ft", "$9,870.00"),
        ("Gates and hardware", "$1,690.00"),
    ):
        c.drawString(70, y, desc)
        c.drawRightString(w - 80, y, amount)
        y -= 16
    c.line(w - 220, y + 10, w - 80, y + 10)
    y -= 4
    for desc, amount in (
        ("Subtotal", "$12,820.00"),
        ("Sales tax on materials", "$512.80"),
    ):
        c.drawString(w - 330, y, desc)
        c.drawRightString(w - 80, y, amount)
        y -= 16
    c.setFont("Helvetica-Bold", 12)
    c.drawString(w - 330, y, "TOTAL")
    c.drawRightString(w - 80, y, "$13,332.80")
    c.setFont("Helvetica", 11)
    y -= 30
    for line in (
        "Payment: 50% deposit on acceptance, balance on completion.",
        "We will start on September 14, 2026 and finish by September 18, 2026, weather permitting.",
        "Warranty: 3 years on workmanship. The customer is responsible for marking",
        "sprinkler lines and invisible dog fence wires before we dig.",
    ):
        c.drawString(60, y, line)
        y -= 16
    y -= 30
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Customer acceptance")
    c.drawString(320, y, "Cedarline Fence & Deck")
    y -= 34
    c.setFont("Times-Italic", 18)
    c.drawString(70, y + 4, "Hannah Okafor")
    c.drawString(330, y + 4, "Gus Petrakis")
    c.setFont("Helvetica", 11)
    c.drawString(60, y, "______________________________")
    c.drawString(320, y, "______________________________")
    y -= 16
    c.drawString(60, y, "Signature")
    c.drawString(320, y, "Signature")
    y -= 20
    c.drawString(60, y, "Date: 8/6/2026")
    c.drawString(320, y, "Date: 8/3/2026")
    c.showPage()
    c.save()


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    with tempfile.TemporaryDirectory() as tmp:
        typed_pdf = Path(tmp) / "typed.pdf"
        typed(typed_pdf)
        scan_pdf(typed_pdf, path, seed="cedarline-fence")
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
