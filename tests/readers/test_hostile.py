"""Hostile and broken files: each ends in a typed error with a stable code, or a correct read."""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas
from support_readers import (
    add_doctype,
    canvas_pdf,
    draw_lines,
    edit_docx_xml,
    proposal_docx,
    proposal_pdf,
    raw_pdf,
    settings,
)

from extractors.readers import read_document
from models.errors import (
    Corrupt,
    EmptyFile,
    Encrypted,
    HandoffError,
    NotARegularFile,
    NoText,
    OutsideFolder,
    TooLarge,
    UnsafeContent,
    UnsupportedType,
)


def code_of(path: Path, root: Path | None = None, **kw: object) -> str:
    with pytest.raises(HandoffError) as info:
        read_document(path, settings(**kw), root=root)
    assert str(info.value) and "\n" not in str(info.value)
    return info.value.code


def test_zero_byte_file(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert code_of(tmp_path / "empty.pdf") == EmptyFile.code


def test_garbage_and_wrong_types(tmp_path: Path) -> None:
    (tmp_path / "garbage.pdf").write_bytes(os.urandom(4096).replace(b"%PDF-", b"xxxxx"))
    assert code_of(tmp_path / "garbage.pdf") == UnsupportedType.code
    (tmp_path / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert code_of(tmp_path / "image.pdf") == UnsupportedType.code
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    with pytest.raises(UnsupportedType, match=r"\.doc"):
        read_document(tmp_path / "old.docx", settings())
    (tmp_path / "sheet.docx").write_bytes(_zip({"xl/workbook.xml": b"<x/>"}))
    assert code_of(tmp_path / "sheet.docx") == UnsupportedType.code


def test_docx_named_pdf_is_read_as_docx(tmp_path: Path) -> None:
    src = proposal_docx(tmp_path / "p.docx")
    (tmp_path / "really.pdf").write_bytes(src.read_bytes())
    doc = read_document(tmp_path / "really.pdf", settings())
    assert doc.media_type.endswith("wordprocessingml.document")


def test_truncated_pdf(tmp_path: Path) -> None:
    data = proposal_pdf(tmp_path / "p.pdf").read_bytes()
    for cut in (20, len(data) // 3, len(data) // 2, len(data) - 30):
        (tmp_path / "cut.pdf").write_bytes(data[:cut])
        try:
            doc = read_document(tmp_path / "cut.pdf", settings())
        except HandoffError as exc:
            assert exc.code in (Corrupt.code, NoText.code)
        else:
            assert any(w.startswith("truncated:") for w in doc.warnings) or cut > len(data) - 50


def test_garbage_xref_and_self_referencing_trailer(tmp_path: Path) -> None:
    data = proposal_pdf(tmp_path / "p.pdf").read_bytes()
    i = data.rfind(b"startxref")
    (tmp_path / "xref.pdf").write_bytes(data[:i] + b"startxref\n999999999\n%%EOF\n")
    try:
        doc = read_document(tmp_path / "xref.pdf", settings())
        assert "Scope of Work" in doc.text
    except HandoffError as exc:
        assert exc.code == Corrupt.code
    loop = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 1 0 R>>endobj\n"
            b"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
            b"trailer<</Size 2/Root 1 0 R/Prev 60>>\nstartxref\n60\n%%EOF\n")
    (tmp_path / "loop.pdf").write_bytes(loop)
    assert code_of(tmp_path / "loop.pdf") in (Corrupt.code, NoText.code)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = canvas_pdf(tmp_path / "enc.pdf", [lambda c: draw_lines(c, 72, 700, ["secret"])],
                      encrypt="hunter2")
    assert code_of(path) == Encrypted.code


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = canvas_pdf(tmp_path / "perm.pdf", [lambda c: draw_lines(c, 72, 700, ["Open text"])],
                      encrypt=StandardEncryption("", "owner-secret", canPrint=0))
    assert read_document(path, settings()).text == "Open text"


def test_zero_page_pdf(tmp_path: Path) -> None:
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n")
    xref = len(body)
    body += (b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n"
             b"trailer<</Size 3/Root 1 0 R>>\nstartxref\n" + str(xref).encode() + b"\n%%EOF\n")
    (tmp_path / "zero.pdf").write_bytes(body)
    assert code_of(tmp_path / "zero.pdf") in (NoText.code, Corrupt.code)


def test_page_and_character_caps(tmp_path: Path) -> None:
    pages = [lambda c: draw_lines(c, 72, 700, ["page"])] * 12
    path = canvas_pdf(tmp_path / "many.pdf", pages)
    assert code_of(path, max_pages=10) == TooLarge.code

    def dense(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 4)
        for i in range(200):
            c.drawString(0, 790 - i * 4, "x" * 400)

    path = canvas_pdf(tmp_path / "dense.pdf", [dense], pageCompression=1)
    assert path.stat().st_size < 20_000
    assert code_of(path) == TooLarge.code


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    assert code_of(path, max_file_mb=1) == TooLarge.code


def test_fifo_device_directory_symlink(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    assert code_of(fifo) == NotARegularFile.code  # returns: a FIFO is never opened
    assert code_of(Path("/dev/zero")) == NotARegularFile.code
    assert code_of(tmp_path) == NotARegularFile.code
    link = tmp_path / "link.pdf"
    link.symlink_to("/dev/zero")
    assert code_of(link) == NotARegularFile.code


def test_symlink_and_path_outside_root(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    outside = proposal_pdf(tmp_path / "secret.pdf")
    (inbox / "link.pdf").symlink_to(outside)
    assert code_of(inbox / "link.pdf", root=inbox) == NotARegularFile.code
    assert code_of(inbox / ".." / "secret.pdf", root=inbox) == OutsideFolder.code
    inside = proposal_pdf(inbox / "ok.pdf")
    assert read_document(inside, settings(), root=inbox).file_name == "ok.pdf"


def test_non_utf8_and_odd_file_names(tmp_path: Path) -> None:
    data = proposal_pdf(tmp_path / "p.pdf").read_bytes()
    raw = os.fsencode(tmp_path) + b"/caf\xe9 \n..x.pdf"
    with open(raw, "wb") as fh:
        fh.write(data)
    doc = read_document(Path(os.fsdecode(raw)), settings())
    assert doc.file_name == "caf\ufffd \n..x.pdf"
    json.dumps({"name": doc.file_name}, ensure_ascii=False).encode("utf-8")


def test_zip_bomb_docx(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "bomb.docx")
    buf = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/filler.bin", b"\0" * (20 * 1024 * 1024))
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 200_000
    assert code_of(path) == UnsafeContent.code
    assert code_of(path, max_compression_ratio=10_000, max_unzipped_mb=5) == UnsafeContent.code


def test_zip_with_lying_sizes(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "liar.docx")
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    # Claim the main part inflates to 100 bytes, in the local and in the central header.
    local = data.find(b"PK\x03\x04" + b"\0" * 0)
    while local >= 0:
        n = struct.unpack_from("<H", data, local + 26)[0]
        if bytes(data[local + 30: local + 30 + n]) == name:
            struct.pack_into("<I", data, local + 22, 100)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46: central + 46 + n]) == name:
            struct.pack_into("<I", data, central + 24, 100)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    assert code_of(path) in (Corrupt.code, UnsafeContent.code)


def test_billion_laughs_and_external_entity_docx(tmp_path: Path) -> None:
    path = add_doctype(proposal_docx(tmp_path / "lol.docx"))
    assert code_of(path) == UnsafeContent.code
    xxe = proposal_docx(tmp_path / "xxe.docx")
    edit_docx_xml(xxe, "word/styles.xml", lambda s: s.replace(
        "?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1))
    assert code_of(xxe) == UnsafeContent.code


def test_docx_missing_part_and_broken_xml(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "p.docx")
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    parts = {n: src.read(n) for n in src.namelist()}
    (tmp_path / "nostyles.docx").write_bytes(
        _zip({k: v for k, v in parts.items() if k != "word/styles.xml"}))
    try:
        read_document(tmp_path / "nostyles.docx", settings())
    except HandoffError as exc:
        assert exc.code == Corrupt.code
    parts["word/document.xml"] = parts["word/document.xml"][:500]
    (tmp_path / "broken.docx").write_bytes(_zip(parts))
    assert code_of(tmp_path / "broken.docx") == Corrupt.code


def test_deeply_nested_docx_tables(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "deep.docx")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    depth = 80
    xml = f"<w:tbl {ns}>" + "<w:tr><w:tc><w:tbl>" * depth + "<w:tr><w:tc><w:p><w:r><w:t>x"
    xml += "</w:t></w:r></w:p></w:tc></w:tr>" + "</w:tbl></w:tc></w:tr>" * depth + "</w:tbl>"
    from support_readers import insert_body_xml

    insert_body_xml(path, xml)
    assert code_of(path) in (Corrupt.code, UnsafeContent.code)


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for k, v in parts.items():
            zf.writestr(k, v)
    return buf.getvalue()


def test_stream_bomb_pdf(tmp_path: Path) -> None:
    path = raw_pdf(tmp_path / "bomb.pdf", b"q Q " * (16 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert code_of(path, max_unzipped_mb=8) == UnsafeContent.code


def test_stream_claiming_a_huge_length(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 700 Td (Total 12,500.00) Tj ET"
    path = raw_pdf(tmp_path / "len.pdf", content, length=100 * 1024**3)
    try:
        doc = read_document(path, settings())
    except HandoffError as exc:
        assert exc.code in (Corrupt.code, NoText.code)
    else:
        assert "Total 12,500.00" in doc.text


def test_a_million_characters_on_a_small_page(tmp_path: Path) -> None:
    content = b"BT /F1 1 Tf " + b"".join(
        b"1 0 0 1 %d %d Tm (abcdefghij) Tj " % (i % 600, (i // 600) % 780)
        for i in range(100_000)) + b"ET"
    path = raw_pdf(tmp_path / "million.pdf", content)
    assert path.stat().st_size < 400_000
    assert code_of(path) == TooLarge.code


def test_thousands_of_scattered_words(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    words = b"".join(b"1 0 0 1 %d %d Tm (w%d) Tj " % (rng.randrange(0, 590),
                                                     rng.randrange(0, 780), i)
                     for i in range(8000))
    path = raw_pdf(tmp_path / "scatter.pdf", b"BT /F1 6 Tf " + words + b"ET")
    doc = read_document(path, settings())
    assert len(doc.text.split()) >= 7000


def test_absurd_text_matrices(tmp_path: Path) -> None:
    huge = b"9" * 60 + b".0"
    content = (b"BT /F1 12 Tf 72 700 Td (Total 12,500.00) Tj ET "
               b"BT /F1 12 Tf " + huge + b" 0 0 " + huge + b" 10 10 Tm (Huge) Tj ET "
               b"BT /F1 12 Tf 0 0 0 0 300 300 Tm (Flat) Tj ET "
               b"BT /F1 12 Tf -" + huge + b" 0 0 1 0 0 Tm (Neg) Tj ET")
    doc = read_document(raw_pdf(tmp_path / "matrix.pdf", content), settings())
    assert doc.text == "Total 12,500.00"


def test_doctype_hidden_in_a_utf16_part(tmp_path: Path) -> None:
    path = proposal_docx(tmp_path / "u16.docx")
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    parts = {n: src.read(n) for n in src.namelist()}
    xml = parts["word/document.xml"].decode("utf-8").split("?>", 1)[1]
    doctype = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>'
    parts["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-16"?>' + doctype + xml).encode("utf-16")
    (tmp_path / "u16.docx").write_bytes(_zip(parts))
    assert code_of(tmp_path / "u16.docx") == UnsafeContent.code
