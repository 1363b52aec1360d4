"""PDF reader: PDFium for every page's text layer, pdfplumber only for tables.

Pages are read one at a time and closed before the next, so memory does not grow with the
page count beyond the Document's own text and word boxes. Caps: ``settings.max_pages`` and
``settings.max_chars_per_page`` raise ``TooLarge`` (a truncated read would be silently wrong).
A page without a usable text layer goes to ``extractors.readers.ocr.ocr_page`` when that module
is installed and OCR is enabled; otherwise it is recorded as ``empty`` with a note.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from collections import Counter
from typing import Any

import pypdfium2 as pdfium

from extractors.readers.assemble import PdfAssembler
from extractors.readers.gate import Gated
from extractors.readers.layout import (
    FlowBlock,
    FlowItem,
    Line,
    Word,
    blocks_from_lines,
    body_size,
    layout_page,
    make_line,
    reframe,
    turn_box,
)
from extractors.readers.pdf_chars import PageChars, PageObjects, page_chars, page_objects
from extractors.readers.pdf_streams import check_streams
from extractors.readers.pdf_tables import TableFinder
from models.document import BBox, Document, DocumentBuilder, Page, PageMethod
from models.errors import Corrupt, Encrypted, NoText, TooLarge
from models.settings import Settings

__all__ = ["open_pdf", "read_pdf"]

_DEFAULT_BODY = 10.0


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


@functools.cache
def _ocr_module() -> Any | None:
    """The OCR module, imported on first need (it pulls in numpy, PIL and pytesseract)."""
    if importlib.util.find_spec("extractors.readers.ocr") is None:
        return None
    return importlib.import_module("extractors.readers.ocr")


class _BodySize:
    """Running body font size over the pages read so far."""

    def __init__(self) -> None:
        self.sizes: Counter[float] = Counter()

    @property
    def current(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else _DEFAULT_BODY

    def update(self, words: list[Word]) -> float:
        for w in words:
            self.sizes[round(w.size, 1)] += len(w.text)
        return self.current


def read_pdf(gated: Gated, settings: Settings) -> Document:
    """Read a gated PDF into a Document (fast path)."""
    name = gated.file_name
    check_streams(gated.data, settings, name)
    pdf = open_pdf(gated.data, name)
    finder = TableFinder(gated.data)
    try:
        return _read(pdf, finder, gated, settings)
    except RecursionError:
        raise Corrupt("the PDF's structure nests too deeply to read", path=name) from None
    except MemoryError:
        raise TooLarge("the PDF needs more memory than allowed to read", path=name) from None
    except pdfium.PdfiumError as exc:
        raise Corrupt(f"the PDF is damaged: {exc}", path=name) from None
    finally:
        finder.close()
        pdf.close()


def _read(pdf: pdfium.PdfDocument, finder: TableFinder, gated: Gated,
          settings: Settings) -> Document:
    name = gated.file_name
    count = len(pdf)
    if count == 0:
        raise NoText("the PDF has no pages", path=name)
    if count > settings.max_pages:
        raise TooLarge(f"the PDF has {count} pages, over the limit of {settings.max_pages}",
                       path=name)
    builder = DocumentBuilder(sha256=gated.sha256, file_name=name,
                              media_type=gated.media_type, reader="pdf/pypdfium2")
    assembler = PdfAssembler(builder)
    body = _BodySize()
    hidden = 0
    empty_pages: list[int] = []
    ocr_pages: list[int] = []
    problems: list[str] = []  # why pages without a usable text layer are as they are
    distrusted: list[str] = []  # invisible text layers that did not match their image
    ocr_layer_pages = 0
    checks = [_MAX_DIGIT_CHECKS]
    layer_trust: list[bool | None] = [None]  # verdict on the document's invisible text layers
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
                    layer_trust[0] = _layer_agrees(page, pc, settings)
                lie = ("the text" if layer_trust[0] is False
                       else _layer_lies(page, pc, settings, checks))
            if lie is not None:
                what = ("does not say what the image shows" if lie == "the text"
                        else f"says {lie!r} where the image shows other digits")
                distrusted.append(f"{'digits' if lie != 'the text' else 'text_layer'}"
                                  f"_mismatch: page {number}: the invisible text layer {what}; "
                                  "the page was read by OCR")
            if lie is not None or _needs_ocr(pc, width * height):
                ocr = _ocr_module() if settings.ocr else None  # imported on first need
                page_rec, items, problem = _page_without_text(
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
            grids = finder.find(index) if objects.looks_ruled and not pc.turn else []
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
    if finder.failed:
        warnings.append("tables: table detection failed on this file; tables read as text")
    if len(empty_pages) == count:
        detail = problems[0].split(": ", 1)[-1] if problems else "no text layer"
        raise NoText(f"no page of the PDF has readable text ({detail})", path=name)
    return assembler.build(warnings)


def _markers(page: pdfium.PdfPage, objects: PageObjects, pc: PageChars) -> list[BBox]:
    """Bullet shapes in the frame of the page's words (top-left origin, turned like them)."""
    if not objects.markers:
        return []
    left, _, _, top = page.get_mediabox()
    w0, h0 = (pc.height, pc.width) if pc.turn in (90, 270) else (pc.width, pc.height)
    return [turn_box((x0 - left, top - y1, x1 - left, top - y0), pc.turn, w0, h0)
            for x0, y0, x1, y1 in objects.markers]


def _needs_ocr(pc: PageChars, area: float) -> bool:
    """Whether the text layer is unusable (no text, broken font, a scan with a stamp)."""
    if pc.visible >= 200 and pc.unmapped < 0.1 * pc.visible:
        return False  # a real text layer: skip the finer test and its imports
    if pc.visible == 0:
        return True
    module = _ocr_module()
    if module is None:
        return pc.unmapped > 0.5 * pc.visible
    text = " ".join(w.text for w in pc.words)
    return bool(module.needs_ocr(text, pc.total, area))


def _ocr_blocks(result: Any, width: float, height: float) -> list[FlowItem]:
    """Blocks of an OCR'd page through the OCR layout module (its blocks carry the words'
    confidence); this module's own grouping when that one is not installed."""
    if importlib.util.find_spec("extractors.readers.ocr_layout") is not None:
        ocr_layout = importlib.import_module("extractors.readers.ocr_layout")
        items: list[FlowItem] = []
        for block, confidence in ocr_layout.ocr_blocks_with_confidence(result):
            block.confidence = float(confidence)
            items.append(block)
        return items
    return _ocr_items(result, width, height)


def _ocr_items(result: Any, width: float, height: float) -> list[FlowItem]:
    """Blocks of an OCR'd page: each OCR paragraph split into headings, items, paragraphs.

    Layout is decided on the page turned upright (a sideways scan has vertical lines as
    displayed); the boxes kept are the displayed ones. Sizes measured on a scan are not font
    sizes, so the body size is the page's own.
    """
    rot = int(getattr(result, "rotation", 0) or 0) % 360
    up_w, up_h = (height, width) if rot in (90, 270) else (width, height)
    paragraphs: list[list[Line]] = []
    for paragraph in result.paragraphs:
        lines = []
        for ln in paragraph.lines:
            words = []
            for w in ln.words:
                if w.text.strip():
                    x0, top, x1, bottom = turn_box(tuple(w.bbox), rot, width, height)
                    words.append(Word(w.text, x0, top, x1, bottom,
                                      float(ln.size or (bottom - top)), False))
            if words:
                lines.append(make_line(words))
        paragraphs.append(lines)
    body = body_size([w for lines in paragraphs for ln in lines for w in ln.words])
    items: list[FlowItem] = []
    back = (360 - rot) % 360
    for lines in paragraphs:
        for block in blocks_from_lines(lines, body or _DEFAULT_BODY):
            if back:
                block.bbox = turn_box(block.bbox, back, up_w, up_h)
                block.words = [(s0, e0, *turn_box((a, b, c, d), back, up_w, up_h))
                               for s0, e0, a, b, c, d in block.words]
            items.append(block)
    return items


_MONEY_LIKE = re.compile(r"\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{2}")
_MAX_DIGIT_CHECKS = 12  # OCR calls per document spent on checking an invisible text layer


def _layer_agrees(page: pdfium.PdfPage, pc: PageChars, settings: Settings) -> bool | None:
    """Whether the first invisible text layer of the document says what its image shows.

    One coarse OCR of one page per document: a layer of unrelated text over a scan (or over a
    picture of another document) is distrusted on every page; None when OCR cannot tell.
    """
    if not settings.ocr:
        return None
    module = _ocr_module()
    if module is None or not hasattr(module, "text_layer_agrees") \
            or not module.ocr_available(settings.ocr_language):
        return None
    verdict = module.text_layer_agrees(page, " ".join(w.text for w in pc.words), settings)
    return None if verdict is None else bool(verdict)


def _layer_lies(page: pdfium.PdfPage, pc: PageChars, settings: Settings,
                budget: list[int]) -> str | None:
    """The first amount an invisible text layer claims that the page image does not show.

    A scanner's OCR layer is trusted for its words, but a layer laid over a picture of other
    numbers is how a document says one price and shows another; its amounts are checked
    against OCR of their own region (a dozen at most per document).
    """
    if not settings.ocr or budget[0] <= 0:
        return None
    module = _ocr_module()
    if module is None or not module.ocr_available(settings.ocr_language):
        return None
    for word in pc.words:
        if budget[0] <= 0:
            return None
        if not _MONEY_LIKE.search(word.text):
            continue
        budget[0] -= 1
        agrees = module.verify_digits(page, (word.x0, word.top, word.x1, word.bottom),
                                      word.text, settings)
        if agrees is False:
            return word.text
    return None


def _page_without_text(ocr: Any | None, page: pdfium.PdfPage, number: int, width: float,
                       height: float, settings: Settings, pc: PageChars,
                       body: float, *, distrust: bool = False
                       ) -> tuple[Page, list[FlowItem], str | None]:
    """OCR the page when possible; else keep what text there is, or record it as empty."""
    w, h = round(width, 2), round(height, 2)
    reason = "no text layer" if pc.visible == 0 else "text layer unusable"
    if distrust:
        reason = "text layer disagrees with the image"
    if ocr is not None:
        if not ocr.ocr_available(settings.ocr_language):
            reason += "; OCR not available"
        else:
            try:
                result = ocr.ocr_page(page, number, settings)
            except ocr.OcrUnavailable as exc:
                reason += f"; OCR failed ({exc})"
            else:
                items = _ocr_blocks(result, width, height)
                chars = sum(len(b.text) for b in items if isinstance(b, FlowBlock))
                if chars:
                    return (Page(number=number, width=w, height=h, method=PageMethod.ocr,
                                 ocr_confidence=round(float(result.mean_confidence), 3),
                                 chars=chars, note="read by OCR"), items, None)
                reason += "; OCR found no text"
    elif settings.ocr:
        reason += "; OCR not installed"
    else:
        reason += "; OCR disabled"
    if pc.visible:
        # A thin text layer on a scan (a stamp, a page number) is kept, with the page flagged.
        items = layout_page(pc.words, width, body, ())
        return (Page(number=number, width=w, height=h, method=PageMethod.text,
                     chars=pc.visible, note=reason), items, reason)
    return Page(number=number, width=w, height=h, method=PageMethod.empty, chars=0,
                note=reason), [], reason
