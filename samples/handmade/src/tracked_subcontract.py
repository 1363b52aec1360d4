"""A fire-protection subcontract (DOCX) negotiated in Word: the price was changed with tracked
changes (old amount deleted, new amount inserted, not yet accepted), the project name sits in a
content control, and the buyer is called "Contractor" while the seller is "Subcontractor"."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from samples.render_docx import save_reproducible

NAME = "apex-tracked-subcontract.docx"
_AUTHOR = "J. Okonkwo"
_WHEN = "2026-02-03T10:15:00Z"


def _run(text: str, *, deleted: bool = False, bold: bool = False) -> Any:
    r = OxmlElement("w:r")
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        r.append(rpr)
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _change(tag: str, rid: int, text: str) -> Any:
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(rid))
    el.set(qn("w:author"), _AUTHOR)
    el.set(qn("w:date"), _WHEN)
    el.append(_run(text, deleted=tag == "w:del"))
    return el


def _content_control(paragraph: Any, tag: str, text: str) -> None:
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), tag)
    tag_el = OxmlElement("w:tag")
    tag_el.set(qn("w:val"), tag)
    pr.append(alias)
    pr.append(tag_el)
    content = OxmlElement("w:sdtContent")
    content.append(_run(text))
    sdt.append(pr)
    sdt.append(content)
    paragraph._p.append(sdt)


def build(out_dir: Path) -> Path:
    path = out_dir / NAME
    doc = Document()
    doc.styles["Normal"].font.name = "Cambria"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.title = "Subcontract 24-117-FP"
    doc.add_heading("SUBCONTRACT AGREEMENT", level=0)
    doc.add_paragraph("Subcontract No. 24-117-FP")
    doc.add_paragraph(
        "This Subcontract is entered into on February 2, 2026 between Turner-Vale Builders, Inc., "
        "400 Commerce Drive, Raleigh, NC 27601 (\u201cContractor\u201d) and Apex Fire Protection "
        "LLC, 77 Foundry Street, Durham, NC 27701 (\u201cSubcontractor\u201d)."
    )
    p = doc.add_paragraph()
    p.add_run("Project: ").bold = True
    _content_control(p, "ProjectName", "Riverside Medical Office Building")
    doc.add_paragraph("Project site: 1510 Riverside Parkway, Raleigh, NC 27603")
    doc.add_heading("1. Subcontract Work", level=1)
    doc.add_paragraph("Subcontractor shall furnish all labor, material and equipment for:")
    for text in (
        "Wet-pipe sprinkler system for floors 1 through 4 per NFPA 13",
        "Standpipes in both stairwells with fire department connections",
        "Hydraulic calculations and shop drawings sealed by a licensed engineer",
        "Flushing, hydrostatic testing and the contractor's material and test certificates",
    ):
        doc.add_paragraph(text, style="List Number")
    doc.add_heading("2. Excluded Work", level=1)
    for text in (
        "Fire alarm and monitoring",
        "Fire pump and fire pump room",
        "Underground fire main beyond 5 feet outside the building",
        "Painting of exposed piping",
    ):
        doc.add_paragraph(text, style="List Bullet")
    doc.add_heading("3. Subcontract Sum", level=1)
    para = doc.add_paragraph()
    para._p.append(_run("Contractor shall pay Subcontractor the fixed sum of "))
    para._p.append(_change("w:del", 1, "$186,500.00"))
    para._p.append(_change("w:ins", 2, "$179,850.00"))
    para._p.append(
        _run(
            " for the Subcontract Work, subject to additions and deductions by "
            "written change order."
        )
    )
    doc.add_paragraph(
        "Progress payments are made monthly for work in place, less retainage of "
        "ten percent (10%), within 10 days after Contractor is paid by the Owner. "
        "Unit price for additional sprinkler heads: $265.00 each."
    )
    doc.add_heading("4. Time", level=1)
    doc.add_paragraph(
        "Subcontractor shall mobilize on March 16, 2026, reach substantial completion "
        "by August 28, 2026 and complete all work, including punch list, by "
        "September 30, 2026. Time is of the essence."
    )
    doc.add_heading("5. Insurance and Warranty", level=1)
    doc.add_paragraph(
        "Subcontractor shall carry general liability insurance of $1,000,000 each "
        "occurrence / $2,000,000 aggregate and an umbrella of $5,000,000. "
        "Subcontractor warrants its work for one year from substantial completion "
        "of the Project."
    )
    doc.add_heading("6. Contacts", level=1)
    doc.add_paragraph(
        "Contractor: Rachel Lindgren, Project Manager, rlindgren@turnervale.com, 919-555-0127."
    )
    doc.add_paragraph("Subcontractor: Victor Hale, Estimator, vhale@apexfire.com, 919-555-0183.")
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    blocks = (
        (
            "CONTRACTOR: Turner-Vale Builders, Inc.",
            "/s/ Rachel Lindgren",
            "Rachel Lindgren, Project Manager",
            "Date: February 4, 2026",
        ),
        (
            "SUBCONTRACTOR: Apex Fire Protection LLC",
            "/s/ Victor Hale",
            "Victor Hale, Estimator",
            "Date: February 3, 2026",
        ),
    )
    for cell, lines in zip(table.rows[0].cells, blocks, strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    save_reproducible(doc, path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1])))
