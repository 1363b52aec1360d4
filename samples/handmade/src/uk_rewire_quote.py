"""A UK electrician's quotation (DOCX): day-first dates, GBP, VAT, a Qty/Rate/Amount table
whose unit rates are not line totals, and a customer acceptance block left blank."""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "hartley-rewire-quotation.docx"

ROWS = [
    ("Full rewire of 3-bed semi, first and second fix", "1", "job", "5,480.00", "5,480.00"),
    ("18-way dual RCD consumer unit, supplied and fitted", "1", "each", "640.00", "640.00"),
    ("Extra double sockets", "14", "each", "55.00", "770.00"),
    ("LED downlights, kitchen and bathroom", "12", "each", "62.50", "750.00"),
    ("Mains-wired interlinked smoke and heat alarms", "4", "each", "95.00", "380.00"),
    ("Electrical Installation Certificate and Part P notification", "1", "job", "400.00", "400.00"),
]


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = "Quotation HB-0412"
    hdr = doc.sections[0].header.paragraphs[0]
    hdr.text = (
        "Hartley & Bell Electrical Ltd \u00b7 Unit 6, Canal Wharf, Leeds LS11 5PS \u00b7 "
        "0113 496 0732 \u00b7 quotes@hartleybell.co.uk"
    )
    doc.sections[0].footer.paragraphs[0].text = (
        "Registered in England No. 08812345 \u00b7 VAT No. GB 294 7711 08 \u00b7 NICEIC Approved "
        "Contractor, registration renewed 31/01/2026"
    )
    p = doc.add_paragraph()
    run = p.add_run("QUOTATION")
    run.bold, run.font.size = True, Pt(18)
    meta = doc.add_table(rows=0, cols=2)
    for k, v in (
        ("Quotation ref", "HB-0412"),
        ("Date", "07/04/2026"),
        ("Valid until", "21/05/2026"),
        ("Prepared by", "Gareth Bell"),
    ):
        cells = meta.add_row().cells
        cells[0].paragraphs[0].add_run(k).bold = True
        cells[1].text = v
    doc.add_paragraph()
    doc.add_paragraph(
        "For: Mrs Eleanor Whitcombe\n42 Grove Terrace\nHeadingley, Leeds LS6 2AP\n"
        "eleanor.whitcombe@example.co.uk \u00b7 07700 900461"
    )
    doc.add_paragraph("Re: Rewire at 42 Grove Terrace, Headingley, Leeds LS6 2AP")
    doc.add_paragraph(
        "Thank you for inviting us to quote. Our price for the works is set out below."
    )
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ("Description", "Qty", "Unit", "Rate £", "Amount £"), strict=True
    ):
        cell.paragraphs[0].add_run(text).bold = True
    for row in ROWS:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = text
            if i:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for label, value in (
        ("Subtotal", "8,420.00"),
        ("VAT @ 20%", "1,684.00"),
        ("Total inc. VAT", "10,104.00"),
    ):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[4].paragraphs[0].add_run(value).bold = True
        cells[4].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()
    doc.add_paragraph().add_run("What's not included").bold = True
    for text in (
        "Plastering and redecoration after chasing (we leave walls filled, not skimmed)",
        "Lifting and relaying of fitted carpets",
        "Any work to the detached garage",
    ):
        doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph().add_run("Timescale & payment").bold = True
    doc.add_paragraph(
        "We can start on 11/05/2026; the job takes about 8 working days. A deposit of "
        "£1,500.00 is payable on acceptance and the balance on completion and "
        "certification. Payment terms: 7 days from invoice."
    )
    doc.add_paragraph(
        "All work carries our 2-year workmanship guarantee. Public liability cover £5,000,000."
    )
    doc.add_paragraph()
    doc.add_paragraph("ACCEPTANCE \u2013 I accept this quotation and the terms overleaf.")
    doc.add_paragraph(
        "Signed: ...................................   Print name: "
        "...................................   Date: ....../....../......"
    )
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
