"""PDF layouts that real documents have and the generator does not: a paragraph's wrapped last
line that reads like a heading, and side-by-side signature blocks whose first line the reader
runs together."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from support_readers import settings

from extractors.pipeline import process_path, read
from models.document import BlockKind


def test_wrapped_last_line_ending_in_a_colon_stays_in_its_paragraph(tmp_path: Path) -> None:
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9, leading=11.5)
    path = tmp_path / "wrapped.pdf"
    SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=0.8 * inch,
                      rightMargin=0.8 * inch).build([
        Paragraph("Contractor shall pay Subcontractor for the performance of the Work the sum of "
                  "Five Hundred Seventy-Five Thousand Dollars ($575,000.00), subject to additions "
                  "and deductions by change order, broken down in the following schedule of "
                  "values:", body),
    ])
    doc = read(path, settings())
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert len(texts) == 1, texts
    assert texts[0][0] is BlockKind.paragraph and texts[0][1].endswith("schedule of values:")


def test_side_by_side_signature_blocks_with_a_run_together_first_line(tmp_path: Path) -> None:
    path = tmp_path / "sig.pdf"
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10.5, leading=13.5)
    sig = Table(
        [["NORTHWIND MECHANICAL SERVICES, INC.", "BEACON HILL MEDICAL PARTNERS, LLC"],
         ["By: /s/ Karen Dufresne", "By: /s/ Thomas Avery"],
         ["Karen Dufresne, Service Sales Manager", "Thomas Avery, Facilities Director"],
         ["Date: January 12, 2026", "Date: January 15, 2026"]],
        colWidths=[3.3 * inch, 3.3 * inch],
    )
    sig.setStyle([("FONT", (0, 0), (-1, 0), "Times-Bold", 10),
                  ("FONT", (0, 1), (-1, -1), "Times-Roman", 10)])
    SimpleDocTemplate(str(path), pagesize=LETTER, leftMargin=0.9 * inch,
                      rightMargin=0.9 * inch).build([
        Paragraph("This Agreement is entered into by Northwind Mechanical Services, Inc. "
                  "(\u201cNorthwind\u201d) and Beacon Hill Medical Partners, LLC "
                  "(\u201cCustomer\u201d). The fee is $2,400.00.", body),
        sig,
    ])
    h = process_path(path, settings())
    assert sorted((s.party, s.signed, s.date) for s in h.signatures) == [
        ("client", True, "2026-01-15"), ("contractor", True, "2026-01-12")]
