"""The hostile corpus of issue 5, generated into a folder (no binary blobs in the repository).

``build_corpus(folder)`` writes every case and returns them as ``Case`` objects: the file's name
(``str``; a non-UTF-8 name carries surrogate escapes) and the outcomes it may end in: error codes,
or ``"ok"`` for a correct read. Builders shared with the reader tests are imported from
``tests/readers/support_readers.py``; the rest (bombs, lying zips, 2,000 pages, odd names,
special files) are written here, by hand where a library would refuse to write them.

Run ``python -m tests.hostile.corpus DIR`` to look at the files.
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))

from reportlab.pdfgen import canvas  # noqa: E402
from support_readers import (  # noqa: E402
    add_doctype,
    canvas_pdf,
    draw_lines,
    edit_docx_xml,
    insert_body_xml,
    proposal_docx,
    proposal_pdf,
    raw_pdf,
)

__all__ = ["DECOY", "REAL_TOTAL", "Case", "build_corpus", "outside_target"]

OK = "ok"
REAL_TOTAL = "12500.00"
DECOY = "99,999,999.00 EUR"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One hostile input: its file name and the outcomes it may end in."""

    name: str
    expect: frozenset[str]
    why: str
    special: bool = False  # a FIFO or a symlink: refused at the gate, never opened
    ignored: bool = False  # a hidden or temporary name: never taken, left where it is


# --- PDF written by hand ------------------------------------------------------------------------
def _pdf_objects(objs: list[bytes], *, root: int = 1) -> bytes:
    """Serialise numbered objects (1-based) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, root, xref)
    return bytes(out)


def many_pages_pdf(path: Path, pages: int = 2000) -> Path:
    """``pages`` pages sharing one content stream: a 2,000-page PDF in milliseconds."""
    content = b"BT /F1 12 Tf 72 700 Td (Page of a very long document) Tj ET"
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[" + kids + b"]/Count %d>>" % pages,
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
    ]
    page = (b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 3 0 R>>>>"
            b"/Contents 4 0 R>>")
    objs += [page] * pages
    path.write_bytes(_pdf_objects(objs))
    return path


def _repeated_deflate(chunk: bytes, times: int, *, raw: bool, crc: int = 0
                      ) -> tuple[bytes, int]:
    """Deflate ``chunk * times`` fast: one fully flushed block, repeated (no shared history).

    Returns the stream (zlib-wrapped unless ``raw``) and, for a raw stream, the CRC-32 of the
    inflated bytes continued from ``crc`` (a zlib stream carries its own Adler-32, computed here).
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.flush()
    check = crc if raw else 1
    for _ in range(times):
        check = zlib.crc32(chunk, check) if raw else zlib.adler32(chunk, check)
    body = block * times + tail
    if raw:
        return body, check & 0xFFFFFFFF
    return b"\x78\xda" + body + struct.pack(">I", check & 0xFFFFFFFF), 0


def deflate_bomb_pdf(path: Path, inflated: int = 512 * MIB) -> Path:
    """A page whose content stream really inflates to ``inflated`` bytes (~1000:1)."""
    chunk = b"q Q " * (MIB // 4)
    stream, _ = _repeated_deflate(chunk, inflated // len(chunk), raw=False)
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream + b"\nendstream",
    ]
    path.write_bytes(_pdf_objects(objs))
    return path


def million_chars_pdf(path: Path) -> Path:
    """About 3 KB on disk, a million characters drawn on one page."""
    content = b"BT /F1 1 Tf 10 10 Td " + b"(abcdefghij) Tj " * 100_000 + b"ET"
    return raw_pdf(path, content)


def scattered_words_pdf(path: Path, words: int = 30_000) -> Path:
    """30k short words at random places on one page (a layout analyser's worst case)."""
    rng = random.Random(30_000)
    body = b"".join(b"1 0 0 1 %d %d Tm (w%d) Tj " % (rng.randrange(0, 590),
                                                    rng.randrange(0, 780), i)
                    for i in range(words))
    return raw_pdf(path, b"BT /F1 6 Tf " + body + b"ET")


def xref_loop_pdf(path: Path) -> Path:
    """A trailer whose /Prev points at its own xref section."""
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 1 0 R>>endobj\n"
                     b"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
                     b"trailer<</Size 2/Root 1 0 R/Prev 60>>\nstartxref\n60\n%%EOF\n")
    return path


def zero_page_pdf(path: Path) -> Path:
    path.write_bytes(_pdf_objects([b"<</Type/Catalog/Pages 2 0 R>>",
                                   b"<</Type/Pages/Kids[]/Count 0>>"]))
    return path


def deep_nesting_pdf(path: Path, depth: int = 100_000) -> Path:
    """A page dictionary holding arrays nested ``depth`` deep (parsers that recurse overflow)."""
    content = b"BT /F1 12 Tf 72 700 Td (Total Price: $12,500.00) Tj ET"
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 5 0 R>>>>"
        b"/Contents 4 0 R/Deep " + b"[" * depth + b"]" * depth + b">>",
        b"<</Length %d>>stream\n" % len(content) + content + b"\nendstream",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    path.write_bytes(_pdf_objects(objs))
    return path


def hidden_text_pdf(path: Path) -> Path:
    """The real total in plain sight; a decoy in white, off the page and at 0.1 pt beside it."""
    visible = ["PROPOSAL", "Prepared for: Riverside Dental Clinic",
               "Contractor: Northwind Builders LLC", "Project: Suite 4 Renovation",
               "Scope of Work", "Demolition of existing partitions and new drywall.",
               "Total Price: $12,500.00", "Payment: 50% deposit, 50% on completion."]

    def draw(c: canvas.Canvas) -> None:
        draw_lines(c, 72, 720, visible, size=11, leading=18)
        c.setFillColorRGB(1, 1, 1)                      # white on white
        c.setFont("Helvetica", 11)
        c.drawString(250, 720 - 6 * 18, f"Total Price: {DECOY}")
        c.setFillColorRGB(0, 0, 0)
        c.drawString(700, 900, f"Total Price: {DECOY}")  # off the page
        c.setFont("Helvetica", 0.1)                     # microscopic
        c.drawString(72, 300, f"Total Price: {DECOY}")

    return canvas_pdf(path, [draw])


def named_pdf(path: Path, n: int) -> Path:
    """A small valid proposal; ``n`` makes its bytes distinct (no duplicate of another case)."""
    lines = [f"Proposal {n}", "Contractor: Northwind Builders LLC", "Total Price: $1,250.00"]
    return canvas_pdf(path, [lambda c: draw_lines(c, 72, 700, lines)])


def truncated_pdf(path: Path, src: bytes) -> Path:
    path.write_bytes(src[: len(src) // 3])
    return path


def garbage_xref_pdf(path: Path, src: bytes) -> Path:
    i = src.rfind(b"startxref")
    body = bytearray(src[:i])
    j = body.rfind(b"xref\n")
    if j >= 0:  # the table itself is noise too
        body[j + 5: j + 200] = bytes(random.Random(5).randrange(32, 127) for _ in range(195))
    path.write_bytes(bytes(body) + b"startxref\n999999999\n%%EOF\n")
    return path


def half_written_pdf(path: Path, src: bytes) -> Path:
    """What a scanner leaves when it dies mid-upload: the first half, under the final name."""
    path.write_bytes(src[: len(src) // 2])
    return path


# --- DOCX / zip written by hand -----------------------------------------------------------------
def _docx_parts(src: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(src) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for k, v in parts.items():
            zf.writestr(k, v)
    return buf.getvalue()


def _raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, deflated bytes, crc, declared compressed, declared uncompressed)."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, csize, usize in members:
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, csize, usize,
                           len(raw), 0) + raw + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               csize, usize, len(raw), 0, 0, 0, 0, 0, offset) + raw
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                       start, 0)
    return bytes(out)


def _deflate(data: bytes) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


def inflating_docx(path: Path, src: Path, inflated: int = 2 * 1024 * MIB, *,
                   honest: bool = False) -> Path:
    """A ~2 MB DOCX whose main part inflates to ``inflated`` bytes.

    Its headers claim 4 KB (and a wrong CRC), or, ``honest``, the true size and CRC.
    """
    parts = _docx_parts(src)
    head = parts["word/document.xml"]
    start = head[: head.find(b"<w:body>") + len(b"<w:body>")]
    pad = b" " * MIB
    body, crc = _repeated_deflate(pad, inflated // len(pad), raw=True, crc=zlib.crc32(start))
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = first.compress(start) + first.flush(zlib.Z_FULL_FLUSH) + body
    size = len(start) + inflated // len(pad) * len(pad)
    if not honest:  # the CRC lies too: a reader that counts bytes stops long before checking it
        crc, size = 0, 4096
    members = [(n, _deflate(v), zlib.crc32(v), 0, len(v)) for n, v in parts.items()
               if n != "word/document.xml"]
    members = [(n, d, c, len(d), u) for n, d, c, _, u in members]
    members.append(("word/document.xml", bomb, crc, len(bomb), size))
    path.write_bytes(_raw_zip(members))
    return path


def lying_sizes_docx(path: Path, src: Path) -> Path:
    """Every member declares 100 bytes inflated, in the local and in the central headers."""
    parts = _docx_parts(src)
    members = []
    for name, value in parts.items():
        data = _deflate(value)
        members.append((name, data, zlib.crc32(value), len(data), 100))
    path.write_bytes(_raw_zip(members))
    return path


def missing_part_docx(path: Path, src: Path) -> Path:
    """The relationships still name ``word/styles.xml``; the part itself is gone."""
    parts = _docx_parts(src)
    parts.pop("word/styles.xml")
    path.write_bytes(_zip(parts))
    return path


def billion_laughs_docx(path: Path, src: Path) -> Path:
    path.write_bytes(src.read_bytes())
    return add_doctype(path)


def xxe_docx(path: Path, src: Path) -> Path:
    path.write_bytes(src.read_bytes())
    return edit_docx_xml(path, "word/document.xml", lambda s: s.replace(
        "?>", '?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1).replace(
        "Permit fees", "&e; Permit fees", 1))


def deep_nesting_docx(path: Path, src: Path, depth: int = 200) -> Path:
    path.write_bytes(src.read_bytes())
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = f"<w:tbl {ns}>" + "<w:tr><w:tc><w:tbl>" * depth + "<w:tr><w:tc><w:p><w:r><w:t>x"
    xml += "</w:t></w:r></w:p></w:tc></w:tr>" + "</w:tbl></w:tc></w:tr>" * depth + "</w:tbl>"
    return insert_body_xml(path, xml)


# --- the corpus ---------------------------------------------------------------------------------
NON_UTF8_NAME = os.fsdecode(b"caf\xe9-devis.pdf")
NEWLINE_NAME = "line\nbreak.pdf"
DOTDOT_NAME = "up ..\\..\\escape ..%2F..%2Fetc.pdf"  # a leading "." would make it hidden (ignored)
LONG_NAME = "L" * 240 + ".pdf"


def outside_target(folder: Path) -> Path:
    """The file the outside symlink points at (a sibling of ``folder``, never read)."""
    return folder.parent / f"{folder.name}-outside-secret.pdf"


def build_corpus(folder: Path) -> list[Case]:
    """Write every hostile case into ``folder`` (created) and describe what each must end as."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = folder.parent / f".{folder.name}-seeds"
    seeds.mkdir(exist_ok=True)
    pdf_src = proposal_pdf(seeds / "seed.pdf")
    pdf_bytes = pdf_src.read_bytes()
    docx_src = proposal_docx(seeds / "seed.docx")
    cases: list[Case] = []

    def add(name: str, expect: set[str], why: str, build: Callable[[Path], object],
            special: bool = False, ignored: bool = False) -> None:
        build(folder / name)
        cases.append(Case(name, frozenset(expect), why, special, ignored))

    # size and work bombs
    add("million-chars.pdf", {"too_large"}, "3 KB drawing a million characters",
        million_chars_pdf)
    add("scattered-30k-words.pdf", {"too_large"}, "30k words scattered",
        scattered_words_pdf)
    add("inflate-512mib.pdf", {"unsafe_content"}, "a stream inflating to 512 MiB", deflate_bomb_pdf)
    add("length-100gb.pdf", {OK}, "a stream claiming 100 GB",
        lambda p: raw_pdf(p, b"BT /F1 12 Tf 72 700 Td (Total Price: $12,500.00) Tj ET",
                          length=100 * 1024**3))
    add("inflate-2gib.docx", {"unsafe_content", "corrupt"},
        "a DOCX inflating to 2 GiB, headers claiming 4 KB", lambda p: inflating_docx(p, docx_src))
    add("inflate-2gib-honest.docx", {"unsafe_content"},
        "a DOCX declaring its 2 GiB part truthfully",
        lambda p: inflating_docx(p, docx_src, honest=True))
    add("pages-2000.pdf", {"too_large"}, "2,000 pages (cap 1,000)", many_pages_pdf)
    # structure
    add("xref-loop.pdf", {"corrupt", "no_text"}, "a self-referencing xref chain", xref_loop_pdf)
    add("truncated.pdf", {"corrupt", "no_text", OK}, "cut at a third",
        lambda p: truncated_pdf(p, pdf_bytes))
    add("garbage-xref.pdf", {"corrupt", OK}, "xref offset and table are noise",
        lambda p: garbage_xref_pdf(p, pdf_bytes))
    add("half-written.pdf", {"corrupt", "no_text", OK}, "the first half of a PDF",
        lambda p: half_written_pdf(p, pdf_bytes))
    add("encrypted.pdf", {"encrypted"}, "needs a user password",
        lambda p: canvas_pdf(p, [lambda c: draw_lines(c, 72, 700, ["secret"])],
                             encrypt="hunter2"))
    add("zero-byte.pdf", {"empty"}, "0 bytes", lambda p: p.write_bytes(b""))
    add("zero-page.pdf", {"no_text", "corrupt"}, "a page tree with no page", zero_page_pdf)
    add("deep-nesting.pdf", {OK, "corrupt"}, "arrays nested 100,000 deep",
        deep_nesting_pdf)
    add("deep-nesting.docx", {"corrupt", "unsafe_content"}, "tables nested 200 deep",
        lambda p: deep_nesting_docx(p, docx_src))
    add("missing-part.docx", {OK, "corrupt"}, "word/styles.xml named but absent",
        lambda p: missing_part_docx(p, docx_src))
    add("billion-laughs.docx", {"unsafe_content"}, "entity expansion in document.xml",
        lambda p: billion_laughs_docx(p, docx_src))
    add("external-entity.docx", {"unsafe_content"}, "an entity reading /etc/passwd",
        lambda p: xxe_docx(p, docx_src))
    add("lying-sizes.docx", {"corrupt", "unsafe_content"}, "zip headers declare 100 bytes",
        lambda p: lying_sizes_docx(p, docx_src))
    # wrong types
    add("image.pdf", {"unsupported_type"}, "a PNG named .pdf",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)))
    add("legacy.docx", {"unsupported_type"}, "an OLE (.doc) file named .docx",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)))
    # silently wrong
    add("hidden-text.pdf", {OK}, f"white / off-page / 0.1 pt decoy {DECOY}", hidden_text_pdf)
    # names (valid documents under hostile names)
    for n, name in enumerate((NON_UTF8_NAME, NEWLINE_NAME, DOTDOT_NAME, LONG_NAME)):
        add(name, {OK}, "a valid PDF under a hostile name", partial(named_pdf, n=n))
    # hidden and temporary names: documented as never taken (a leading "." or "~$", .part …)
    add("..\\..\\hidden-escape.pdf", set(), "a hidden name", partial(named_pdf, n=10),
        ignored=True)
    add("upload.pdf.part", set(), "an upload in progress",
        lambda p: half_written_pdf(p, pdf_bytes), ignored=True)
    # special files
    add("pipe.pdf", {"not_a_regular_file"}, "a FIFO", os.mkfifo, special=True)
    add("dev-zero.pdf", {"not_a_regular_file"}, "a symlink to /dev/zero",
        lambda p: p.symlink_to("/dev/zero"), special=True)
    secret = outside_target(folder)
    secret.write_bytes(pdf_bytes)
    add("outside.pdf", {"not_a_regular_file"},
        "a symlink to a file outside the folder", lambda p: p.symlink_to(secret), special=True)
    return cases


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Write the hostile corpus into DIR.")
    parser.add_argument("dir", type=Path)
    args = parser.parse_args(argv)
    for case in build_corpus(args.dir):
        print(f"{case.name!r:60} {'|'.join(sorted(case.expect)):40} {case.why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
