"""DOCX reader: order, headings, numbering, tables, and the text python-docx drops."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from support_readers import edit_docx_xml, insert_body_xml, proposal_docx, settings

from extractors.readers import read_document
from models.document import BlockKind, Document
from models.errors import Encrypted

WP = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def by_kind(doc: Document, kind: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is kind]


def test_proposal_docx_in_document_order(tmp_path: Path) -> None:
    doc = read_document(proposal_docx(tmp_path / "p.docx"), settings())
    assert doc.media_type.endswith("wordprocessingml.document")
    assert doc.reader == "docx/python-docx"
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Acme Roofing LLC, 12 Main Street, Springfield"
    assert doc.blocks[0].kind is BlockKind.header and doc.blocks[0].locator == "header"
    assert doc.blocks[-1].kind is BlockKind.footer and doc.blocks[-1].text == "Confidential proposal"
    assert by_kind(doc, BlockKind.heading) == ["Proposal for Roof Replacement", "Scope of Work",
                                               "Exclusions:"]
    assert by_kind(doc, BlockKind.list_item) == ["• Remove existing shingles",
                                                 "• Install new underlayment",
                                                 "1. Mobilize crew", "2. Tear off"]
    assert texts.index("Permit fees are by others.") < texts.index("Item")
    assert texts[-2] == "Total contract price: $13,000.00"
    (table,) = doc.tables
    cells = doc.table_cells(table)
    assert [c.text for c in cells[1]] == ["Roof", "1", "$12,500.00"]
    assert cells[1][2].locator == "table 1 row 2 cell 3"
    assert table.header_rows == 1
    assert "Item\tQty\tAmount\nRoof\t1\t$12,500.00\nGutters\t2\t$500.00" in doc.text
    para = next(b for b in doc.blocks if b.text.startswith("This Agreement"))
    assert para.locator == "paragraph 3" and para.page is None and para.bbox is None
    assert not doc.has_tracked_changes


def test_tracked_changes_insertions_count_deletions_do_not(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "t.docx")
    insert_body_xml(path, (
        f'<w:p {WP}><w:r><w:t xml:space="preserve">The price is </w:t></w:r>'
        '<w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r>'
        '<w:delText>$10,000.00</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r>'
        '<w:t>$11,000.00</w:t></w:r></w:ins></w:p>'))
    doc = read_document(path, settings())
    assert "The price is $11,000.00" in doc.text
    assert "10,000" not in doc.text
    assert doc.has_tracked_changes
    assert any(w.startswith("tracked_changes:") for w in doc.warnings)


def test_content_controls_and_text_boxes(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "s.docx")
    textbox = (
        f'<w:p {WP} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>Deposit due at signing: $2,000.00</w:t></w:r></w:p>'
        '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Deposit due at signing: $2,000.00</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    sdt_block = (
        f'<w:sdt {WP}><w:sdtPr><w:alias w:val="Client"/></w:sdtPr><w:sdtContent>'
        '<w:p><w:r><w:t>Prepared for: Springfield Parks Department</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>')
    sdt_inline = (
        f'<w:p {WP}><w:r><w:t xml:space="preserve">Start date: </w:t></w:r><w:sdt><w:sdtPr/>'
        '<w:sdtContent><w:r><w:t>March 3, 2026</w:t></w:r></w:sdtContent></w:sdt></w:p>')
    insert_body_xml(path, textbox + sdt_block + sdt_inline)
    doc = read_document(path, settings())
    assert doc.text.count("Deposit due at signing: $2,000.00") == 1
    assert "Prepared for: Springfield Parks Department" in doc.text
    assert "Start date: March 3, 2026" in doc.text


def test_hidden_runs_are_dropped(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "h.docx")
    insert_body_xml(path, (
        f'<w:p {WP}><w:r><w:t xml:space="preserve">Total: 12,500.00 EUR </w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>99,999,999.00 EUR</w:t></w:r>'
        '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>88,888,888.00 EUR</w:t></w:r>'
        '<w:r><w:rPr><w:sz w:val="1"/></w:rPr><w:t>77,777,777.00 EUR</w:t></w:r></w:p>'))
    doc = read_document(path, settings())
    assert "Total: 12,500.00 EUR" in doc.text
    for decoy in ("99,999,999", "88,888,888", "77,777,777"):
        assert decoy not in doc.text
    assert any(w.startswith("hidden_text:") for w in doc.warnings)


def test_numbering_formats_and_levels(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Intro text.")
    d.add_paragraph("Demolition", style="List Number")
    d.add_paragraph("Haul away", style="List Number 2")
    d.add_paragraph("Framing", style="List Number")
    path = tmp_path / "n.docx"
    d.save(str(path))
    doc = read_document(path, settings())
    items = [b for b in doc.blocks if b.kind is BlockKind.list_item]
    assert [b.text.split(" ", 1)[1] for b in items] == ["Demolition", "Haul away", "Framing"]
    assert items[0].text.startswith("1.")
    assert items[0].level == 0


def test_numbering_letters_and_restart(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "l.docx")
    numbering = (
        '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>')

    def add_num(s: str) -> str:
        i = s.find("<w:num ")
        s = s[:i] + numbering + s[i:]
        j = s.rfind("</w:numbering>")
        return s[:j] + '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>' + s[j:]

    edit_docx_xml(path, "word/numbering.xml", add_num)

    def item(text: str, lvl: int) -> str:
        return (f'<w:p {WP}><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="90"/>'
                f'</w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>')

    insert_body_xml(path, item("Scope", 0) + item("Roof", 1) + item("Walls", 1)
                    + item("Exclusions", 0) + item("Paint", 1))
    doc = read_document(path, settings())
    items = [(b.text, b.level) for b in doc.blocks if b.kind is BlockKind.list_item][-5:]
    assert items == [("1. Scope", 0), ("a) Roof", 1), ("b) Walls", 1), ("2. Exclusions", 0),
                     ("a) Paint", 1)]


def test_one_row_layout_table_is_read_block_by_block(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("IN WITNESS WHEREOF the parties sign below.")
    t = d.add_table(rows=1, cols=2)
    for cell, lines in zip(t.rows[0].cells, (
            ["CONTRACTOR", "Acme Roofing LLC", "Name: Jane Smith", "Date: March 3, 2026"],
            ["OWNER", "City of Springfield", "Name: John Doe", "Date: March 5, 2026"]),
            strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    path = tmp_path / "sig.docx"
    d.save(str(path))
    doc = read_document(path, settings())
    assert not doc.tables
    texts = [b.text for b in doc.blocks]
    assert texts[1:5] == ["CONTRACTOR", "Acme Roofing LLC", "Name: Jane Smith",
                          "Date: March 3, 2026"]
    assert texts[5] == "OWNER"
    assert doc.blocks[6].locator == "table 1 row 1 cell 2"


def test_password_protected_word_file(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode(
        "utf-16-le") + b"\0" * 500
    (tmp_path / "locked.docx").write_bytes(ole)
    with pytest.raises(Encrypted):
        read_document(tmp_path / "locked.docx", settings())


def test_content_control_showing_its_placeholder_is_not_text(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "ph.docx")
    insert_body_xml(path, (
        f'<w:sdt {WP}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r>'
        '<w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        f'<w:p {WP}><w:r><w:t xml:space="preserve">Start: </w:t></w:r><w:sdt><w:sdtPr>'
        '<w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Click to enter a date.</w:t>'
        '</w:r></w:sdtContent></w:sdt></w:p>'))
    doc = read_document(path, settings())
    assert "Click" not in doc.text
    assert doc.blocks[-2].text == "Start:"


def test_formatting_revision_alone_flags_tracked_changes(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "fmt.docx")
    insert_body_xml(path, (
        f'<w:p {WP}><w:r><w:rPr><w:b/><w:rPrChange w:id="9" w:author="A" '
        'w:date="2026-01-01T00:00:00Z"><w:rPr/></w:rPrChange></w:rPr>'
        '<w:t>Bold now</w:t></w:r></w:p>'))
    doc = read_document(path, settings())
    assert doc.has_tracked_changes
    assert "Bold now" in doc.text


def _with_footnotes(path: Path) -> Path:
    """Add a footnotes part (python-docx's template has none) and a reference to it."""
    import io
    import zipfile

    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {WP}>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Price excludes sales tax.'
             '</w:t></w:r></w:p></w:footnote></w:footnotes>')
    rel = ('<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/footnotes" Target="footnotes.xml"/>')
    ctype = ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
             'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", ctype.encode() + b"</Types>")
            dst.writestr(info, data)
        dst.writestr("word/footnotes.xml", notes)
    path.write_bytes(buf.getvalue())
    return path


def test_footnotes_and_check_box_symbols(tmp_path: Path) -> None:
    path = _with_footnotes(proposal_docx(tmp_path / "fn.docx"))
    insert_body_xml(path, (
        f'<w:p {WP}><w:r><w:sym w:font="Wingdings" w:char="F0FD"/></w:r>'
        '<w:r><w:t xml:space="preserve"> Accepted </w:t></w:r>'
        '<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>'
        '<w:r><w:t xml:space="preserve"> Declined</w:t></w:r></w:p>'))
    doc = read_document(path, settings())
    assert "\u2612 Accepted \u2610 Declined" in doc.text
    note = next(b for b in doc.blocks if b.text == "Price excludes sales tax.")
    assert note.locator == "footnote 1"
    assert doc.blocks[-1].kind is BlockKind.footer


def test_pages_from_page_breaks(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Page one text.")
    d.add_page_break()  # type: ignore[no-untyped-call]
    d.add_paragraph("Page two text.")
    d.add_page_break()  # type: ignore[no-untyped-call]
    d.add_paragraph("Page three, a longer text.")
    path = tmp_path / "pages.docx"
    d.save(str(path))
    doc = read_document(path, settings())
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [p.chars for p in doc.pages] == [14, 14, 26]
    assert all(b.page is None for b in doc.blocks)
