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


def _two_pages(path: Path, first_page_end: str, second_page_start: str) -> None:
    """A clause cut by the page break, with a running header and footer on both pages."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=LETTER)
    for number in (1, 2):
        c.setFont("Helvetica", 8)
        c.drawString(72, 760, "HOLLIS CONSTRUCTION BUILDERS - SUBCONTRACT AGREEMENT")
        c.drawString(72, 30, f"HCB Form SC-3 (rev. 08/2019) Page {number}")
        c.setFont("Helvetica", 10)
        if number == 1:
            c.setFont("Helvetica-Bold", 11)
            c.drawString(72, 700, "ARTICLE 4 - TIME")
            c.setFont("Helvetica", 10)
            c.drawString(72, 682, "Subcontractor shall complete the Work within 120 days.")
            c.setFont("Helvetica-Bold", 11)
            c.drawString(72, 128, "ARTICLE 5 - INSURANCE")
            c.setFont("Helvetica", 10)
            c.drawString(72, 110, "Subcontractor shall keep its insurance in force for the whole "
                                  "of the Work and give")
            c.drawString(72, 96, first_page_end)
        else:
            c.drawString(72, 720, second_page_start)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(72, 690, "ARTICLE 6 - WARRANTY")
            c.setFont("Helvetica", 10)
            c.drawString(72, 672, "Subcontractor warrants the Work for one (1) year.")
        c.showPage()
    c.save()


def test_a_clause_cut_by_a_page_break_reads_whole(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    _two_pages(path, "Contractor certificates naming Contractor and Owner as",
               "additional insureds before starting the Work.")
    doc = read(path, settings())
    assert "naming Contractor and Owner as additional insureds before" in doc.text
    rest = next(b for b in doc.blocks if b.text.startswith("additional insureds"))
    assert rest.page == 2 and rest.kind is BlockKind.paragraph  # its own page and box
    footers = [b for b in doc.blocks if b.text.startswith("HCB Form")]
    assert len(footers) == 2 and all(b.kind is BlockKind.footer for b in footers)
    handoff = process_path(path, settings())
    insurance = handoff.terms.insurance
    assert insurance.raw is not None and insurance.raw.endswith("before starting the Work.")
    assert sorted({e.page for e in insurance.evidence}) == [1, 2]


def test_a_finished_sentence_or_a_capital_does_not_join_pages(tmp_path: Path) -> None:
    path = tmp_path / "apart.pdf"
    _two_pages(path, "Contractor certificates naming Contractor and Owner.",
               "additional insureds are not required.")
    doc = read(path, settings())
    assert "Owner.\n\n" in doc.text and "Owner. additional" not in doc.text
    path2 = tmp_path / "capital.pdf"
    _two_pages(path2, "Contractor certificates naming Contractor and Owner as",
               "Additional Insured Endorsement CG 20 10 applies.")
    assert "Owner as Additional" not in read(path2, settings()).text


def test_a_full_last_line_joins_a_capitalised_rest(tmp_path: Path) -> None:
    """An amount in words cut by the page break: the rest starts with a capital, but the last
    line ran to the right edge without ending its sentence."""
    path = tmp_path / "words.pdf"
    _two_pages(path, "the Subcontract Sum of Four Million Three Hundred Sixty-Two Thousand Five",
               "Hundred Dollars ($4,362,500.00), subject to additions and deductions.")
    doc = read(path, settings())
    assert "Thousand Five Hundred Dollars ($4,362,500.00)" in doc.text


def test_prose_at_the_foot_of_a_page_is_not_skipped_over_by_a_join(tmp_path: Path) -> None:
    """The page's last words are a short paragraph low on the page (in the footer zone); the
    next page goes on in lower case. The rest belongs to that paragraph, not to the list item
    above it, so nothing is joined."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "foot.pdf"
    c = canvas.Canvas(str(path), pagesize=LETTER)
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Scope of Work")
    c.drawString(84, 680, "• Remove the existing gutters")
    c.drawString(84, 666, "• Install new seamless gutters")
    c.drawString(72, 80, "Please call us with any questions you may have about the")
    c.drawString(72, 30, "Ridge Roofing - Proposal 2417 - Page 1")
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(72, 720, "warranty terms and the schedule.")
    c.drawString(72, 30, "Ridge Roofing - Proposal 2417 - Page 2")
    c.showPage()
    c.save()
    text = read(path, settings()).text
    assert "gutters warranty" not in text
    assert "Install new seamless gutters\n\n" in text
