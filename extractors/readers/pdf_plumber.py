"""PDF reader with pdfplumber alone: the slow reference the fast path is tested against.

Characters come from pdfminer through pdfplumber instead of PDFium; the same layout, table
and assembly code turns them into a Document, so the two paths may only differ where the
libraries see different characters. Used by ``read_document(..., engine="pdfplumber")`` and by
the differential test; not on the production path.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from extractors.readers.assemble import PdfAssembler
from extractors.readers.gate import Gated
from extractors.readers.layout import Char, layout_page, stream_words
from extractors.readers.pdf import check_page_count
from extractors.readers.pdf_chars import LIGATURES, is_marker
from extractors.readers.pdf_streams import check_streams
from extractors.readers.pdf_tables import grids_from_pdfplumber
from models.document import BBox, Document, DocumentBuilder, Page, PageMethod
from models.errors import Corrupt, Encrypted, NoText, TooLarge
from models.settings import Settings

__all__ = ["read_pdf_plumber"]

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def _chars(page: Any) -> list[Char]:
    out: list[Char] = []
    w, h = float(page.width), float(page.height)
    for c in page.chars:
        text = str(c.get("text", ""))
        if not text or text in ("\r", "\n"):
            continue
        if text.startswith("(cid:"):
            # pdfminer cannot map the glyph; PDFium maps WinAnsi 127/149 to a bullet.
            text = "\u2022" if text in ("(cid:127)", "(cid:149)") else "\ufffd"
        x0, x1, top, bottom = (float(c["x0"]), float(c["x1"]), float(c["top"]),
                               float(c["bottom"]))
        size = float(c.get("size", 0.0))
        if text.isspace():
            out.append((" ", x0, top, x1, bottom, 0.0, False))
            continue
        if size < 1.0 or x1 < -1 or x0 > w + 1 or bottom < -1 or top > h + 1:
            continue
        color = c.get("non_stroking_color")
        if isinstance(color, (tuple, list)) and color and all(
                isinstance(v, (int, float)) and v >= 0.96 for v in color) and len(color) in (1, 3):
            continue
        name = str(c.get("fontname", "")).lower()
        bold = any(k in name for k in _BOLD_NAMES)
        for ch in text:
            out.append((" " if ch.isspace() else LIGATURES.get(ord(ch), ch), x0, top, x1,
                        bottom, size, bold))
    return out


def _markers(page: Any) -> list[BBox]:
    """Bullets drawn as small filled shapes, as the fast path finds them."""
    out: list[BBox] = []
    for obj in [*page.rects, *page.curves]:
        x0, top, x1, bottom = (float(obj["x0"]), float(obj["top"]), float(obj["x1"]),
                               float(obj["bottom"]))
        color = obj.get("non_stroking_color")
        light = isinstance(color, (tuple, list)) and bool(color) and all(
            isinstance(v, (int, float)) and v > 0.78 for v in color) and len(color) in (1, 3)
        if obj.get("fill") and not light and is_marker(x1 - x0, bottom - top):
            out.append((x0, top, x1, bottom))
    return out


def read_pdf_plumber(gated: Gated, settings: Settings) -> Document:
    """Read a gated PDF with pdfplumber only."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    name = gated.file_name
    check_streams(gated.data, settings, name)
    try:
        pdf = pdfplumber.open(io.BytesIO(gated.data))
    except PDFPasswordIncorrect:
        raise Encrypted("the PDF is password-protected", path=name) from None
    except Exception as exc:  # noqa: BLE001 - pdfplumber wraps every failure alike.
        if "password" in repr(exc).lower() or isinstance(exc.__cause__, PDFPasswordIncorrect):
            raise Encrypted("the PDF is password-protected", path=name) from None
        raise Corrupt("the PDF is damaged or truncated and cannot be opened", path=name) from None
    try:
        count = check_page_count(len(pdf.pages), settings, name)
        builder = DocumentBuilder(sha256=gated.sha256, file_name=name,
                                  media_type=gated.media_type, reader="pdf/pdfplumber")
        assembler = PdfAssembler(builder)
        sizes: Counter[float] = Counter()
        empty: list[int] = []
        for index, page in enumerate(pdf.pages):
            number = index + 1
            try:
                chars = _chars(page)
                if len(chars) > settings.max_chars_per_page:
                    raise TooLarge(f"page {number} has {len(chars)} characters, over the "
                                   f"limit of {settings.max_chars_per_page}", path=name)
                width, height = float(page.width), float(page.height)
                usable = [c for c in chars if c[0] != " "]
                if not usable:
                    empty.append(number)
                    assembler.add_page(Page(number=number, width=round(width, 2),
                                            height=round(height, 2), method=PageMethod.empty,
                                            note="no text layer"), [])
                    continue
                words = stream_words(chars)
                for w in words:
                    sizes[round(w.size, 1)] += len(w.text)
                body = sizes.most_common(1)[0][0]
                items = layout_page(words, width, body, grids_from_pdfplumber(page),
                                    _markers(page))
                assembler.add_page(Page(number=number, width=round(width, 2),
                                        height=round(height, 2), method=PageMethod.text,
                                        chars=len(usable)), items)
            finally:
                page.close()
        if len(empty) == count:
            raise NoText("no page of the PDF has a usable text layer", path=name)
        warnings = ["empty_pages: no usable text on page(s) " + ", ".join(map(str, empty))] \
            if empty else []
        return assembler.build(warnings)
    finally:
        pdf.close()
