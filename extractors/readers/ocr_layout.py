"""OCR pages as layout blocks, so a scanned page enters the Document like a text page.

``ocr_blocks(page)`` turns an ``OcrPage`` into the ``FlowBlock`` records the PDF assembler
takes from ``layout_page`` (kind, text, box, word boxes with offsets into the block's text,
level, size). ``ocr_blocks_with_confidence`` pairs each block with the length-weighted mean
confidence of its words, for ``Block.confidence``.

Tesseract already orders the page (columns, then paragraphs, then lines), so blocks follow its
paragraphs; a paragraph is cut further where a line starts a list item (bullet or number),
looks like a heading (taller than the body text, bold, all capitals, or a short line ending
in a colon), changes text size or weight, or is further below the previous line than 1.5 times
the text size (the same rule a text page follows). A line whose bullet Tesseract swallowed
(it starts where its neighbours' bullets stand, with a low-confidence first word) is still a
list item. Sizes are measured upright, so a page scanned sideways is laid out
like any other; its boxes still point to the page as displayed.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.readers.layout import FlowBlock, heading_text_level, is_list_start
from extractors.readers.ocr import OcrLine, OcrPage, OcrWord
from models.document import BlockKind

__all__ = ["ocr_blocks", "ocr_blocks_with_confidence"]

_H1_RATIO = 1.45
_H2_RATIO = 1.15
_SIZE_CHANGE = 0.15
_SHORT_LINE = 0.6
_MAX_PITCH = 1.5
_LOST_BULLET_CONFIDENCE = 0.5
_BULLET_TOLERANCE = 0.25


def ocr_blocks(page: OcrPage) -> list[FlowBlock]:
    """Blocks of an OCR page in reading order."""
    return [block for block, _ in ocr_blocks_with_confidence(page)]


def ocr_blocks_with_confidence(page: OcrPage) -> list[tuple[FlowBlock, float]]:
    """Blocks of an OCR page in reading order, each with its words' mean confidence (0..1)."""
    body = _body_size(page)
    across = page.rotation in (90, 270)  # lines follow each other along x on the display
    lost = _lost_bullets(page)
    out: list[tuple[FlowBlock, float]] = []
    for paragraph in page.paragraphs:
        current: list[OcrLine] = []
        kind, level = BlockKind.paragraph, 0
        for line in paragraph.lines:
            line_level = _heading_level(line, body)
            listy = line_level == 0 and (is_list_start(line.text) or id(line) in lost)
            if current and not _continues(current, kind, line, line_level, listy, across):
                out.append(_block(current, kind, level))
                current = []
            if not current:
                if line_level:
                    kind, level = BlockKind.heading, line_level
                elif listy:
                    kind, level = BlockKind.list_item, 0
                else:
                    kind, level = BlockKind.paragraph, 0
            current.append(line)
        if current:
            out.append(_block(current, kind, level))
    return out


def _line_start(line: OcrLine, rotation: int) -> float:
    """Where the line begins along the reading direction, in display coordinates."""
    x0, top, x1, bottom = line.bbox
    return {0: x0, 90: -bottom, 180: -x1, 270: top}.get(rotation, x0)


def _lost_bullets(page: OcrPage) -> set[int]:
    """Lines whose bullet Tesseract swallowed into the first word.

    The tell: next to a bulleted line, the line starts where the bullets stand (not where the
    item text does) and its first word was read with low confidence.
    """
    lines = list(page.lines)
    lost: set[int] = set()
    for i, line in enumerate(lines):
        if is_list_start(line.text) or line.words[0].confidence >= _LOST_BULLET_CONFIDENCE:
            continue
        start = _line_start(line, page.rotation)
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and lines[j].text.startswith("\u2022 "):
                sibling = lines[j]
                if abs(_line_start(sibling, page.rotation) - start) <= _BULLET_TOLERANCE * max(
                    sibling.size, 1.0
                ):
                    lost.add(id(line))
                    break
    return lost


def _body_size(page: OcrPage) -> float:
    """The most common text size on the page, by characters."""
    weights: dict[float, int] = {}
    for line in page.lines:
        key = round(line.size * 2) / 2
        weights[key] = weights.get(key, 0) + len(line.text)
    return max(weights, key=lambda k: (weights[k], -k)) if weights else 0.0


def _heading_level(line: OcrLine, body: float) -> int:
    if body and len(line.words) <= 20:
        if line.size >= body * _H1_RATIO:
            return 1
        if line.size >= body * _H2_RATIO and not line.text.rstrip().endswith((".", ",", ";")):
            return 2
    return heading_text_level(line.text, bold=line.bold)


def _continues(
    current: Sequence[OcrLine], kind: BlockKind, line: OcrLine, level: int, listy: bool,
    across: bool,
) -> bool:
    if level or listy or kind is BlockKind.heading:
        return False
    prev = current[-1]
    axis = (0, 2) if across else (1, 3)
    pitch = abs((line.bbox[axis[0]] + line.bbox[axis[1]]) - (prev.bbox[axis[0]] + prev.bbox[axis[1]])) / 2
    return (
        pitch <= _MAX_PITCH * max(prev.size, line.size)  # a wider gap ends the paragraph
        and abs(line.size - prev.size) <= _SIZE_CHANGE * max(prev.size, 1.0)
        and line.bold == prev.bold
    )


def _block(lines: Sequence[OcrLine], kind: BlockKind, level: int) -> tuple[FlowBlock, float]:
    longest = max(len(ln.text) for ln in lines)
    parts: list[str] = []
    boxes: list[tuple[int, int, float, float, float, float]] = []
    words: list[OcrWord] = []
    pos = 0
    for i, line in enumerate(lines):
        if i:
            # A line much shorter than the paragraph's longest ends on purpose (address lines).
            joiner = "\n" if len(lines[i - 1].text) < _SHORT_LINE * longest else " "
            parts.append(joiner)
            pos += 1
        for j, word in enumerate(line.words):
            if j:
                parts.append(" ")
                pos += 1
            parts.append(word.text)
            x0, top, x1, bottom = word.bbox
            boxes.append((pos, pos + len(word.text), x0, top, x1, bottom))
            pos += len(word.text)
            words.append(word)
    bbox = (min(ln.bbox[0] for ln in lines), min(ln.bbox[1] for ln in lines),
            max(ln.bbox[2] for ln in lines), max(ln.bbox[3] for ln in lines))
    total = sum(len(w.text) for w in words)
    confidence = sum(w.confidence * len(w.text) for w in words) / total if total else 0.0
    block = FlowBlock(kind=kind, text="".join(parts), bbox=bbox, words=boxes, level=level,
                      size=lines[0].size)
    return block, round(confidence, 4)
