"""PDF reader: PDFium for every page's text layer, pdfplumber only for tables.

Pages are read one at a time and closed before the next, so memory does not grow with the
page count beyond the Document's own text and word boxes. Caps: ``settings.max_pages`` and
``settings.max_chars_per_page`` raise ``TooLarge`` (a truncated read would be silently wrong).
A page without a usable text layer goes to ``extractors.readers.ocr.ocr_page`` when that module
is installed and OCR is enabled; otherwise it is recorded as ``empty`` with a note.
"""

from __future__ import annotations

from collections import Counter

import pypdfium2 as pdfium

from extractors.readers.assemble import PdfAssembler
from extractors.readers.gate import Gated
from extractors.readers.layout import (
    TableGrid,
    Word,
    layout_page,
    reframe,
    turn_box,
)
from extractors.readers.pdf_chars import PageChars, PageObjects, page_chars, page_objects
from extractors.readers.pdf_edges import page_edges
from extractors.readers.pdf_fonts import fonts_can_lie
from extractors.readers.pdf_ocr import (
    DEFAULT_BODY,
    MAX_DIGIT_CHECKS,
    layer_agrees,
    layer_lies,
    needs_ocr,
    ocr_module,
    page_without_text,
)
from extractors.readers.pdf_streams import check_streams
from extractors.readers.pdf_tables import TooDense, grids_from_edges
from models.document import BBox, Document, DocumentBuilder, Page, PageMethod
from models.errors import Corrupt, Encrypted, NoText, TooLarge
from models.settings import Settings

__all__ = ["check_page_count", "open_pdf", "read_pdf"]

def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """Open with PDFium, mapping its load errors to typed errors."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's last-error code can be stale from an earlier document of the same process,
        # so the verdict rests on the file itself: an /Encrypt entry means a password is needed.
        if b"/Encrypt" in data:
            detail = "an unsupported encryption scheme" if getattr(
                exc, "err_code", None) == pdfium.raw.FPDF_ERR_SECURITY else "a password"
            raise Encrypted(f"the PDF is encrypted and needs {detail} to open",
                            path=name) from None
        raise Corrupt("the PDF is damaged or truncated and cannot be opened", path=name) from None


class _BodySize:
    """Running body font size over the pages read so far."""

    def __init__(self) -> None:
        self.sizes: Counter[float] = Counter()

    @property
    def current(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else DEFAULT_BODY

    def update(self, words: list[Word]) -> float:
        for w in words:
            self.sizes[round(w.size, 1)] += len(w.text)
        return self.current


def read_pdf(gated: Gated, settings: Settings) -> Document:
    """Read a gated PDF into a Document (fast path)."""
    name = gated.file_name
    check_streams(gated.data, settings, name)
    pdf = open_pdf(gated.data, name)
    try:
        return _read(pdf, gated, settings)
    except RecursionError:
        raise Corrupt("the PDF's structure nests too deeply to read", path=name) from None
    except MemoryError:
        raise TooLarge("the PDF needs more memory than allowed to read", path=name) from None
    except pdfium.PdfiumError as exc:
        raise Corrupt(f"the PDF is damaged: {exc}", path=name) from None
    finally:
        pdf.close()


def check_page_count(count: int, settings: Settings, name: str) -> int:
    """The page count, if the PDF has pages and not more than ``settings.max_pages``."""
    if count == 0:
        raise NoText("the PDF has no pages", path=name)
    if count > settings.max_pages:
        raise TooLarge(f"the PDF has {count} pages, over the limit of {settings.max_pages}",
                       path=name)
    return count


def _read(pdf: pdfium.PdfDocument, gated: Gated, settings: Settings) -> Document:
    name = gated.file_name
    count = check_page_count(len(pdf), settings, name)
    builder = DocumentBuilder(sha256=gated.sha256, file_name=name,
                              media_type=gated.media_type, reader="pdf/pypdfium2")
    builder.fonts_can_lie = fonts_can_lie(gated.data)  # decided once, on the bytes in hand
    assembler = PdfAssembler(builder)
    body = _BodySize()
    hidden = 0
    empty_pages: list[int] = []
    ocr_pages: list[int] = []
    problems: list[str] = []  # why pages without a usable text layer are as they are
    distrusted: list[str] = []  # invisible text layers that did not match their image
    ocr_layer_pages = 0
    checks = [MAX_DIGIT_CHECKS]
    layer_trust: list[bool | None] = [None]  # verdict on the document's invisible text layers
    tables_failed: list[str] = []  # pages where table finding failed (read as text)
    for index in range(count):
        number = index + 1
        page = pdf[index]
        try:
            width, height = page.get_size()
            objects = page_objects(page)
            textpage = page.get_textpage()
            try:
                pc = page_chars(page, textpage, objects, settings.max_chars_per_page)
            finally:
                textpage.close()
            if pc.total > settings.max_chars_per_page:
                raise TooLarge(f"page {number} has {pc.total} characters, over the limit of "
                               f"{settings.max_chars_per_page}", path=name)
            hidden += pc.hidden
            ocr_layer_pages += pc.ocr_layer
            lie = None
            if pc.ocr_layer:
                if layer_trust[0] is None:
                    layer_trust[0] = layer_agrees(page, pc, settings)
                lie = ("the text" if layer_trust[0] is False
                       else layer_lies(page, pc, settings, checks))
            if lie is not None:
                what = ("does not say what the image shows" if lie == "the text"
                        else f"says {lie!r} where the image shows other digits")
                distrusted.append(f"{'digits' if lie != 'the text' else 'text_layer'}"
                                  f"_mismatch: page {number}: the invisible text layer {what}; "
                                  "the page was read by OCR")
            if lie is not None or needs_ocr(pc, width * height):
                ocr = ocr_module() if settings.ocr else None  # imported on first need
                page_rec, items, problem = page_without_text(
                    ocr, page, number, width, height, settings, pc, body.current,
                    distrust=lie is not None)
                if page_rec.method is PageMethod.empty:
                    empty_pages.append(number)
                elif page_rec.method is PageMethod.ocr:
                    ocr_pages.append(number)
                if problem:
                    problems.append(f"page {number}: {problem}")
                assembler.add_page(page_rec, items)
                continue
            size = body.update(pc.words)
            # pdfplumber's cells are in the unturned page: tables of turned text are found
            # from their aligned columns only.
            grids = _tables(page, pc, number, tables_failed) if objects.looks_ruled and not pc.turn else []
            items = layout_page(pc.words, pc.width, size, grids, _markers(page, objects, pc))
            shown = page.get_rotation() % 360
            if pc.turn != shown:  # boxes go to the page as displayed (as OCR boxes do)
                reframe(items, (360 - pc.turn) % 360, pc.width, pc.height)
                w0, h0 = (pc.height, pc.width) if pc.turn in (90, 270) else (pc.width,
                                                                             pc.height)
                reframe(items, shown, w0, h0)
            assembler.add_page(
                Page(number=number, width=round(width, 2), height=round(height, 2),
                     method=PageMethod.text, chars=pc.visible),
                items,
            )
        finally:
            page.close()
    warnings: list[str] = []
    if b"%%EOF" not in gated.data[-2048:]:
        warnings.append("truncated: the PDF does not end with %%EOF; it may be incomplete")
    if hidden:
        warnings.append(f"hidden_text: {hidden} invisible characters (white, off-page, clipped, "
                        "microscopic or invisible render mode) were ignored")
    if ocr_layer_pages > len(distrusted):
        warnings.append(f"ocr_layer: {ocr_layer_pages - len(distrusted)} page(s) carry an "
                        "invisible text layer over a scanned image; it was read as the page's "
                        "text")
    if empty_pages:
        warnings.append("empty_pages: no usable text on page(s) "
                        + ", ".join(str(p) for p in empty_pages))
    if ocr_pages:
        warnings.append("ocr_pages: page(s) " + ", ".join(str(p) for p in ocr_pages)
                        + " had no usable text layer and were read by OCR")
    warnings.extend(f"page_text: {p}" for p in problems if "OCR" in p)
    warnings.extend(distrusted)
    if tables_failed:
        warnings.append("tables: table detection failed or was skipped on page(s) "
                        + ", ".join(tables_failed) + "; their tables read as text")
    if len(empty_pages) == count:
        detail = problems[0].split(": ", 1)[-1] if problems else "no text layer"
        raise NoText(f"no page of the PDF has readable text ({detail})", path=name)
    return assembler.build(warnings)


def _tables(page: pdfium.PdfPage, pc: PageChars, number: int,
            failed: list[str]) -> list[TableGrid]:
    """Tables of a ruled page; a failure of the table finder leaves the page to read as text."""
    try:
        return grids_from_edges(page_edges(page), pc.width, pc.height)
    except TooDense as exc:
        failed.append(f"{number} ({exc})")
        return []
    except Exception:  # noqa: BLE001 - tables are a refinement: the text still reads.
        failed.append(str(number))
        return []


def _markers(page: pdfium.PdfPage, objects: PageObjects, pc: PageChars) -> list[BBox]:
    """Bullet shapes in the frame of the page's words (top-left origin, turned like them)."""
    if not objects.markers:
        return []
    left, _, _, top = page.get_mediabox()
    w0, h0 = (pc.height, pc.width) if pc.turn in (90, 270) else (pc.width, pc.height)
    return [turn_box((x0 - left, top - y1, x1 - left, top - y0), pc.turn, w0, h0)
            for x0, y0, x1, y1 in objects.markers]
