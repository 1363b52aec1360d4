"""OCR for the PDF reader: when a page needs it, and turning what it reads into blocks.

Everything here goes through the OCR module's public functions (``needs_ocr``, ``ocr_page``,
``verify_digits``, ``text_layer_agrees``) and its layout (``ocr_blocks_with_confidence``), both
imported on first need: a PDF with a text layer never loads numpy, PIL or Tesseract.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from typing import Any

import pypdfium2 as pdfium

from extractors.readers.blocks import blocks_from_lines, body_size
from extractors.readers.flow import FlowBlock, FlowItem, Line, Word, make_line, turn_box
from extractors.readers.layout import layout_page
from extractors.readers.pdf_chars import PageChars
from models.document import Page, PageMethod
from models.settings import Settings

__all__ = ["DEFAULT_BODY", "MAX_DIGIT_CHECKS", "layer_agrees", "layer_lies", "needs_ocr",
           "ocr_module", "page_without_text"]

DEFAULT_BODY = 10.0


@functools.cache
def ocr_module() -> Any | None:
    """The OCR module, imported on first need (it pulls in numpy, PIL and pytesseract)."""
    if importlib.util.find_spec("extractors.readers.ocr") is None:
        return None
    return importlib.import_module("extractors.readers.ocr")


def needs_ocr(pc: PageChars, area: float) -> bool:
    """Whether the text layer is unusable (no text, broken font, a scan with a stamp)."""
    if pc.visible >= 200 and pc.unmapped < 0.1 * pc.visible:
        return False  # a real text layer: skip the finer test and its imports
    if pc.visible == 0:
        return True
    module = ocr_module()
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
        for block in blocks_from_lines(lines, body or DEFAULT_BODY):
            if back:
                block.bbox = turn_box(block.bbox, back, up_w, up_h)
                block.words = [(s0, e0, *turn_box((a, b, c, d), back, up_w, up_h))
                               for s0, e0, a, b, c, d in block.words]
            items.append(block)
    return items


_MONEY_LIKE = re.compile(r"\d{1,3}(?:[,.' ]\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{2}")
MAX_DIGIT_CHECKS = 12  # OCR calls per document spent on checking an invisible text layer


def layer_agrees(page: pdfium.PdfPage, pc: PageChars, settings: Settings) -> bool | None:
    """Whether the first invisible text layer of the document says what its image shows.

    One coarse OCR of one page per document: a layer of unrelated text over a scan (or over a
    picture of another document) is distrusted on every page; None when OCR cannot tell.
    """
    if not settings.ocr:
        return None
    module = ocr_module()
    if module is None or not hasattr(module, "text_layer_agrees") \
            or not module.ocr_available(settings.ocr_language):
        return None
    verdict = module.text_layer_agrees(page, " ".join(w.text for w in pc.words), settings)
    return None if verdict is None else bool(verdict)


def layer_lies(page: pdfium.PdfPage, pc: PageChars, settings: Settings,
                budget: list[int]) -> str | None:
    """The first amount an invisible text layer claims that the page image does not show.

    A scanner's OCR layer is trusted for its words, but a layer laid over a picture of other
    numbers is how a document says one price and shows another; its amounts are checked
    against OCR of their own region (a dozen at most per document).
    """
    if not settings.ocr or budget[0] <= 0:
        return None
    module = ocr_module()
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


def page_without_text(ocr: Any | None, page: pdfium.PdfPage, number: int, width: float,
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
