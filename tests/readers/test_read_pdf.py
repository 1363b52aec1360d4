"""PDF reader: blocks, headings, lists, tables, columns, running headers, hidden text."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from support_readers import (
    LOREM,
    canvas_pdf,
    draw_lines,
    proposal_pdf,
    raw_pdf,
    ruled_table,
    scanned_pdf,
    settings,
    wrap,
)

from extractors.readers import read_document
from models.document import BlockKind, Document, PageMethod
from models.errors import NoText


def kinds(doc: Document, kind: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is kind]


def test_proposal_blocks_headings_lists_table(tmp_path: Path) -> None:
    doc = read_document(proposal_pdf(tmp_path / "p.pdf"), settings())
    assert doc.media_type == "application/pdf"
    assert doc.reader == "pdf/pypdfium2"
    assert len(doc.sha256) == 64
    assert doc.file_name == "p.pdf"
    headings = kinds(doc, BlockKind.heading)
    assert headings[:2] == ["Proposal for Roof Replacement", "Scope of Work"]
    assert "Price" in headings
    items = kinds(doc, BlockKind.list_item)
    assert len(items) == 2
    assert items[0] == "• Remove existing shingles and dispose of debris"
    assert items[1].startswith("• Install new synthetic") and items[1].endswith("north side")
    paragraphs = kinds(doc, BlockKind.paragraph)
    assert paragraphs[0].startswith("This Agreement is made between Acme Roofing LLC")
    assert paragraphs[1].startswith("Work begins within ten business days")
    assert len(doc.tables) == 1
    cells = doc.table_cells(doc.tables[0])
    assert [c.text for c in cells[0]] == ["Item", "Qty", "Amount"]
    assert [c.text for c in cells[3]] == ["Line item 3", "3", "$300.00"]
    assert doc.tables[0].header_rows == 1
    assert "Item\tQty\tAmount\nLine item 1\t1\t$100.00\n" in doc.text
    assert doc.pages[0].method is PageMethod.text


def test_offsets_map_back_to_word_boxes(tmp_path: Path) -> None:
    doc = read_document(proposal_pdf(tmp_path / "p.pdf"), settings())
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
    start = doc.text.index("$300.00")
    spans = doc.locate(start, start + len("$300.00"))
    assert len(spans) == 1 and spans[0].page == 1
    assert spans[0].bbox is not None
    x0, top, x1, bottom = spans[0].bbox
    assert 0 < x0 < x1 < 612 and 0 < top < bottom < 792
    assert spans[0].locator == "table 1 row 4 cell 3"
    start = doc.text.index("City of Springfield")
    (span,) = doc.locate(start, start + len("City of Springfield"))
    assert span.bbox is not None and span.bbox[2] - span.bbox[0] < 200


def test_two_columns_read_column_by_column(tmp_path: Path) -> None:
    left = wrap("LEFT " + LOREM * 3 + "Left column ends here.", 45)
    right = wrap("RIGHT " + LOREM * 3 + "Right column ends here.", 45)

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, 740, "Two Column Terms and Conditions of the Agreement")
        draw_lines(c, 72, 700, left)
        draw_lines(c, 320, 700, right)

    doc = read_document(canvas_pdf(tmp_path / "cols.pdf", [draw]), settings())
    text = doc.text
    assert text.index("Left column ends here.") < text.index("RIGHT")
    assert "Two Column Terms" in kinds(doc, BlockKind.heading)[0]
    paras = kinds(doc, BlockKind.paragraph)
    assert paras[0].startswith("LEFT") and paras[0].endswith("Left column ends here.")
    assert paras[1].startswith("RIGHT") and paras[1].endswith("Right column ends here.")


def test_key_value_rows_are_not_columns(tmp_path: Path) -> None:
    rows = [f"Label {i}:" for i in range(10)]

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        for i, label in enumerate(rows):
            c.drawString(72, 700 - 14 * i, label)
            c.drawString(330, 700 - 14 * i, f"value {i}")

    doc = read_document(canvas_pdf(tmp_path / "kv.pdf", [draw]), settings())
    assert "Label 0: value 0" in doc.text


def test_running_header_footer_marked(tmp_path: Path) -> None:
    def page(n: int):  # type: ignore[no-untyped-def]
        def draw(c: canvas.Canvas) -> None:
            c.setFont("Helvetica", 8)
            c.drawString(72, 760, "Acme Roofing LLC - Proposal 2026-114")
            c.drawString(280, 30, f"Page {n} of 3")
            draw_lines(c, 72, 700, wrap(f"Body of page {n}. " + LOREM, 90))
        return draw

    doc = read_document(canvas_pdf(tmp_path / "hf.pdf", [page(1), page(2), page(3)]),
                        settings())
    headers = [b for b in doc.blocks if b.kind is BlockKind.header]
    footers = [b for b in doc.blocks if b.kind is BlockKind.footer]
    assert [b.page for b in headers] == [1, 2, 3]
    assert all(b.repeated for b in headers + footers)
    assert [b.text for b in footers] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    assert all(b.kind is BlockKind.paragraph for b in doc.blocks if "Body of page" in b.text)


def test_table_split_over_pages_is_stitched(tmp_path: Path) -> None:
    header = ["Milestone", "Percent", "Amount"]
    rows1 = [header] + [[f"Phase {i}", "10%", f"${i},000.00"] for i in range(1, 6)]
    rows2 = [header] + [[f"Phase {i}", "10%", f"${i},000.00"] for i in range(6, 9)]

    def p1(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 720, ["Schedule of values follows."])
        ruled_table(c, 72, 200, rows1, [200, 80, 100])

    def p2(c: canvas.Canvas) -> None:
        ruled_table(c, 72, 740, rows2, [200, 80, 100])
        draw_lines(c, 72, 600, ["Payment is due within 30 days of invoice."])

    doc = read_document(canvas_pdf(tmp_path / "split.pdf", [p1, p2]), settings())
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.pages == (1, 2)
    assert table.header_rows == 1
    cells = doc.table_cells(table)
    assert [r[0].text for r in cells] == ["Milestone"] + [f"Phase {i}" for i in range(1, 9)]
    assert cells[-1][0].page == 2
    assert doc.text.count("Milestone") == 1


def test_hidden_text_is_dropped_with_warning(tmp_path: Path) -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(72, 700, "Total contract price: 12,500.00 EUR")
        c.setFillColorRGB(1, 1, 1)
        c.drawString(72, 680, "Total contract price: 99,999,999.00 EUR")
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 0.1)
        c.drawString(72, 660, "88,888,888.00 EUR tiny")
        c.setFont("Helvetica", 10)
        c.drawString(700, 640, "77,777,777.00 EUR off page")
        t = c.beginText(72, 620)
        t.setTextRenderMode(3)
        t.textLine("66,666,666.00 EUR invisible")
        t.setTextRenderMode(0)  # the render mode outlives the text object
        c.drawText(t)
        c.setFillColorRGB(0, 0, 0.3)
        c.rect(60, 560, 300, 30, fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1)
        c.drawString(72, 570, "White on dark is visible")

    doc = read_document(canvas_pdf(tmp_path / "hidden.pdf", [draw]), settings())
    assert "12,500.00 EUR" in doc.text
    for decoy in ("99,999,999", "88,888,888", "77,777,777", "66,666,666"):
        assert decoy not in doc.text
    assert "White on dark is visible" in doc.text
    assert any(w.startswith("hidden_text:") for w in doc.warnings)


def test_page_without_text_is_recorded(tmp_path: Path) -> None:
    def text(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 700, ["Signed proposal, page one."])

    def blank(c: canvas.Canvas) -> None:
        c.rect(100, 100, 200, 200)

    doc = read_document(canvas_pdf(tmp_path / "blank.pdf", [text, blank]),
                        settings(ocr=False))
    assert doc.pages[1].method is PageMethod.empty
    assert doc.pages[1].note == "no text layer; OCR disabled"
    assert any(w.startswith("empty_pages:") for w in doc.warnings)


def test_scanned_page_is_read_by_ocr(tmp_path: Path) -> None:
    lines = ["Total contract price: $42,500.00", "Prepared for Northwind Property Group"]
    doc = read_document(scanned_pdf(tmp_path / "scan.pdf", lines, stamp="Page 1 of 1"),
                        settings())
    page = doc.pages[0]
    assert page.method is PageMethod.ocr
    assert page.ocr_confidence is not None and page.ocr_confidence > 0.5
    assert "$42,500.00" in doc.text
    assert "Northwind Property Group" in doc.text
    start = doc.text.index("$42,500.00")
    (span,) = doc.locate(start, start + 10)
    assert span.page == 1 and span.bbox is not None
    assert any(w.startswith("ocr_pages:") for w in doc.warnings)


def test_scanned_page_without_ocr_is_flagged_not_blank(tmp_path: Path) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", ["Total contract price: $42,500.00"],
                       stamp="Page 1 of 1")
    doc = read_document(path, settings(ocr=False))
    page = doc.pages[0]
    assert page.method is PageMethod.text
    assert page.note is not None and "OCR disabled" in page.note
    assert doc.text == "Page 1 of 1"
    with pytest.raises(NoText):
        read_document(scanned_pdf(tmp_path / "bare.pdf", ["Total: $1.00"]), settings(ocr=False))


def test_clipped_text_is_hidden(tmp_path: Path) -> None:
    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(72, 700, "Total contract price: 12,500.00")
        c.saveState()
        p = c.beginPath()
        p.rect(60, 600, 200, 30)
        c.clipPath(p, stroke=0, fill=0)
        c.drawString(72, 610, "Inside the clip")
        c.drawString(72, 500, "Clipped away 99,999.00")
        c.restoreState()

    doc = read_document(canvas_pdf(tmp_path / "clip.pdf", [draw]), settings())
    assert "Inside the clip" in doc.text
    assert "99,999" not in doc.text


def test_lineless_price_table_and_label_values(tmp_path: Path) -> None:
    items = [("Tear off one layer, haul away", "3,150.00"), ("Synthetic felt", "1,980.00"),
             ("Architectural shingles, installed", "7,460.00")]

    def draw(c: canvas.Canvas) -> None:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, 720, "DESCRIPTION")
        c.drawRightString(540, 720, "PRICE")
        c.setFont("Helvetica", 10)
        for i, (item, price) in enumerate(items):
            c.drawString(72, 704 - 14 * i, item)
            c.drawRightString(540, 704 - 14 * i, price)
        for i, (label, value) in enumerate([("Subtotal:", "$12,590.00"), ("Tax:", "$0.00"),
                                            ("Total:", "$12,590.00")]):
            c.drawString(72, 600 - 14 * i, label)
            c.drawRightString(540, 600 - 14 * i, value)

    doc = read_document(canvas_pdf(tmp_path / "quote.pdf", [draw]), settings())
    (table,) = doc.tables
    cells = doc.table_cells(table)
    assert [c.text for c in cells[0]] == ["DESCRIPTION", "PRICE"]
    assert [c.text for c in cells[2]] == ["Synthetic felt", "1,980.00"]
    assert table.header_rows == 1
    assert "Subtotal: $12,590.00" in doc.text


def test_side_by_side_signature_blocks_read_one_after_the_other(tmp_path: Path) -> None:
    left = ["CONTRACTOR", "Acme Roofing LLC", "By: Jane Smith", "Title: President",
            "Date: March 3, 2026"]
    right = ["OWNER", "City of Springfield", "By: John Doe", "Title: City Manager",
             "Date: March 5, 2026"]

    def draw(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 700, wrap("IN WITNESS WHEREOF the parties sign below. " + LOREM, 90))
        draw_lines(c, 72, 600, left, leading=16)
        draw_lines(c, 320, 600, right, leading=16)

    doc = read_document(canvas_pdf(tmp_path / "sig.pdf", [draw]), settings())
    text = doc.text
    assert text.index("Date: March 3, 2026") < text.index("OWNER")
    assert "By: Jane Smith" in text and "Jane Smith By" not in text


def test_wrapped_numbered_items_stay_one_block(tmp_path: Path) -> None:
    first = wrap("1. Termination. Either party may terminate this agreement for a material "
                 "breach that remains uncured ten days after written notice.", 80)
    second = wrap("2. Permits. Contractor will apply for the permits required for the work "
                  "and schedule the inspections required by the authority.", 80)

    def draw(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 700, [*first, *second])
        draw_lines(c, 72, 600, ["Payment is due within thirty days of each invoice."])

    doc = read_document(canvas_pdf(tmp_path / "items.pdf", [draw]), settings())
    items = [b.text for b in doc.blocks if b.kind is BlockKind.list_item]
    assert len(first) > 1 and len(items) == 2
    assert items[0].endswith("after written notice.")
    assert items[1].startswith("2. Permits.")
    assert doc.blocks[-1].kind is BlockKind.paragraph


def test_table_drawn_inside_a_form_xobject(tmp_path: Path) -> None:
    def draw(c: canvas.Canvas) -> None:
        c.beginForm("page")
        ruled_table(c, 72, 700, [["Item", "Amount"], ["Roof", "$1,000.00"],
                                 ["Gutters", "$200.00"]], [200, 100])
        c.endForm()
        c.doForm("page")

    doc = read_document(canvas_pdf(tmp_path / "form.pdf", [draw]), settings())
    (table,) = doc.tables
    assert [c.text for c in doc.table_cells(table)[1]] == ["Roof", "$1,000.00"]


def test_sideways_scan_reads_like_its_text_pdf(tmp_path: Path) -> None:
    from extractors.readers.ocr_bench import make_scanned_pdf

    def draw(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 720, ["Roof Replacement Proposal"], size=18, font="Helvetica-Bold")
        draw_lines(c, 72, 690, ["Client: Northwind Property Group",
                                "Total contract price: $42,500.00"], size=12, leading=20)
        draw_lines(c, 72, 630, ["Scope of Work"], size=14, font="Helvetica-Bold")
        draw_lines(c, 84, 608, ["\u2022 Remove and dispose of the existing roofing",
                                "\u2022 Install ice and water shield along all eaves",
                                "\u2022 Replace damaged decking as needed"], size=12, leading=18)

    text_pdf = canvas_pdf(tmp_path / "text.pdf", [draw])
    scan = make_scanned_pdf(text_pdf, tmp_path / "scan.pdf", rotate=90.0)
    want = read_document(text_pdf, settings())
    got = read_document(scan, settings())
    assert got.pages[0].method is PageMethod.ocr
    assert [(b.kind, b.text) for b in got.blocks[:4]] == [(b.kind, b.text)
                                                          for b in want.blocks[:4]]
    items = [b for b in got.blocks if b.kind is BlockKind.list_item]
    assert len(items) >= 2 and all(b.level == 0 for b in items)  # (OCR may miss a bullet)
    start = got.text.index("$42,500.00")
    (span,) = got.locate(start, start + 10)
    assert span.bbox is not None
    x0, top, x1, bottom = span.bbox
    assert bottom - top > x1 - x0  # the scan lies sideways: so does the box of the amount


def _lying_scan(path: Path, shown: str, claimed: str) -> Path:
    """A scan-like page showing ``shown`` under an invisible text layer claiming ``claimed``."""
    import io

    import pypdfium2
    from reportlab.lib.utils import ImageReader

    src = canvas_pdf(path.with_suffix(".src.pdf"), [
        lambda c: draw_lines(c, 72, 600, [f"Total contract price: {shown}"], size=12)])
    pdf = pypdfium2.PdfDocument(str(src))
    image = pdf[0].render(scale=300 / 72, grayscale=True).to_pil()
    pdf.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)

    def draw(c: canvas.Canvas) -> None:
        c.drawImage(ImageReader(buf), 0, 0, width=612, height=792)
        t = c.beginText(72, 600)
        t.setFont("Helvetica", 12)
        t.setTextRenderMode(3)
        t.textOut(f"Total contract price: {claimed}")
        c.drawText(t)

    return canvas_pdf(path, [draw])


def test_invisible_layer_claiming_other_digits_than_the_image(tmp_path: Path) -> None:
    doc = read_document(_lying_scan(tmp_path / "lie.pdf", "12,500.00", "87,499.99"), settings())
    assert "87,499.99" not in doc.text
    assert "12,500.00" in doc.text
    assert doc.pages[0].method is PageMethod.ocr
    assert any(w.startswith("digits_mismatch:") for w in doc.warnings)


def test_honest_ocr_layer_is_read_as_text(tmp_path: Path) -> None:
    doc = read_document(_lying_scan(tmp_path / "ok.pdf", "12,500.00", "12,500.00"), settings())
    assert doc.pages[0].method is PageMethod.text
    assert doc.text == "Total contract price: 12,500.00"
    assert any(w.startswith("ocr_layer:") for w in doc.warnings)


@pytest.mark.parametrize(("turn", "page_rotation", "upright_box"), [
    (90, 90, True),    # a landscape page printed on portrait paper with /Rotate: reads upright
    (90, 0, False),    # text running up the page: read in order, its boxes stand on end
    (180, 0, True),    # upside down
    (270, 0, False),
])
def test_turned_text_reads_in_order(tmp_path: Path, turn: int, page_rotation: int,
                                    upright_box: bool) -> None:
    lines = ["Landscape schedule of values", "Mobilization and site setup 1,200.00",
             "Demolition of existing roof 3,400.00"]

    def draw(c: canvas.Canvas) -> None:
        if page_rotation:
            c.setPageRotation(page_rotation)
        c.translate(*{90: (500, 72), 180: (540, 720), 270: (112, 720)}[turn])
        c.rotate(turn)
        draw_lines(c, 0, 0, lines, size=12, leading=24)

    doc = read_document(canvas_pdf(tmp_path / "turned.pdf", [draw]), settings(ocr=False))
    assert [b.text for b in doc.blocks] == lines
    start = doc.text.index("3,400.00")
    (span,) = doc.locate(start, start + 8)
    assert span.bbox is not None
    x0, top, x1, bottom = span.bbox
    width, height = doc.pages[0].width or 0, doc.pages[0].height or 0
    assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
    assert ((x1 - x0) > (bottom - top)) is upright_box


def test_invisible_layer_of_unrelated_text_is_distrusted(tmp_path: Path) -> None:
    import io

    import pypdfium2
    from reportlab.lib.utils import ImageReader

    shown = ["Roof Replacement Proposal for Northwind Property Group",
             "Remove and dispose of the existing roofing material",
             "Install ice and water shield along all eaves and valleys",
             "Furnish and install architectural shingles and ridge vents"]
    claimed = ["Consulting retainer agreement between Blue Harbor and Meridian",
               "Monthly retainer fees are invoiced quarterly in advance always",
               "Either party may terminate this engagement with ninety days notice",
               "Strategic planning workshops happen every other Thursday morning"]
    src = canvas_pdf(tmp_path / "src.pdf", [lambda c: draw_lines(c, 72, 700, shown, size=12,
                                                                   leading=20)])
    pdf = pypdfium2.PdfDocument(str(src))
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)

    def draw(c: canvas.Canvas) -> None:
        c.drawImage(ImageReader(buf), 0, 0, width=612, height=792)
        t = c.beginText(72, 700)
        t.setFont("Helvetica", 12)
        t.setTextRenderMode(3)
        t.setLeading(20)
        for line in claimed:
            t.textLine(line)
        c.drawText(t)

    doc = read_document(canvas_pdf(tmp_path / "other.pdf", [draw]), settings())
    assert "Meridian" not in doc.text
    assert "Northwind Property Group" in doc.text
    assert doc.pages[0].method is PageMethod.ocr
    assert any(w.startswith("text_layer_mismatch:") for w in doc.warnings)
    assert all(0 < b.confidence <= 1 for b in doc.blocks)


def test_ligatures_read_as_letters(tmp_path: Path) -> None:
    # Byte 0o256 is the "fi" ligature in Helvetica's standard encoding.
    path = raw_pdf(tmp_path / "lig.pdf", b"BT /F1 12 Tf 72 700 Td (The \\256nal price) Tj ET")
    assert read_document(path, settings()).text == "The final price"
    assert read_document(path, settings(), engine="pdfplumber").text == "The final price"


def test_bullets_drawn_as_shapes_make_list_items(tmp_path: Path) -> None:
    items = ["Demolish existing partitions and haul away debris",
             "Frame and drywall four new operatories",
             "Install luxury vinyl plank flooring"]

    def draw(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 720, ["Scope of Work"], size=14, font="Helvetica-Bold")
        for i, item in enumerate(items):
            y = 696 - 16 * i
            c.circle(80, y + 3.5, 2, stroke=0, fill=1)
            c.setFont("Helvetica", 10)
            c.drawString(90, y, item)
        draw_lines(c, 72, 620, ["Payment is due within thirty days of each invoice."])

    path = canvas_pdf(tmp_path / "dots.pdf", [draw])
    for engine in ("fast", "pdfplumber"):
        doc = read_document(path, settings(), engine=engine)
        assert [b.text for b in doc.blocks if b.kind is BlockKind.list_item] == [
            f"\u2022 {item}" for item in items], engine
        start = doc.text.index("\u2022")
        (span,) = doc.locate(start, start + 1)
        assert span.bbox is not None and span.bbox[2] - span.bbox[0] < 6
