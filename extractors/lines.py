"""Lines of a Document with their offsets, and the small text helpers field extractors share.

Readers may put several printed lines in one block (a letterhead, an address) or one line per
block; table rows are cells. Extractors that read "label: value" layouts want lines, each with
the character span it owns in ``Document.text``, so evidence points at exactly that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.document import Block, BlockKind, Document

__all__ = [
    "BULLET",
    "Line",
    "Word",
    "words_in",
    "block_lines",
    "clean_item",
    "document_lines",
    "is_amendment",
    "is_blank_fill",
    "strip_span",
]

# A title that says the document changes another one: "AMENDMENT NO. 2 TO CONSTRUCTION CONTRACT",
# "Change Order #3", "Contract Modification".
_AMENDMENT_TITLE = re.compile(
    r"^\W*(?:[\w.#]+\s+){0,3}?(?:amendment|change\s+order|contract\s+modification|"
    r"addendum)\b", re.I)


def is_amendment(text: str) -> bool:
    """True when the document's title (a short line among its first ones) says it amends a
    contract; a sentence about amendments ("Any amendment must be in writing.") is not a title."""
    lines = [ln.strip() for ln in text[:800].split("\n") if ln.strip()][:8]
    return any(len(ln) <= 90 and not ln.endswith(".") and _AMENDMENT_TITLE.match(ln)
               for ln in lines)

BULLET = re.compile(
    r"^\s*(?:[•●▪◦■□▫‣⁃∙·○◆◇►▸➢✓✔☐☑*]+\s*|[-–—]+\s+|§{1,2}\s*(?=\d)"
    r"|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s*(?=[A-Z\"“'(\[])|\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z])"
    r"|\(?[a-zA-Z][.)]\s+|\(?(?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s+)"
)
_FILL = re.compile(r"^[\s_.\-–—/|:]*$")


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: its text (stripped) and its span in ``Document.text``."""

    text: str
    start: int
    end: int
    block: int
    kind: BlockKind
    table: int | None = None
    row: int | None = None
    col: int | None = None
    hint: str | None = None  # the label a table row gave this value ("address", "phone" …)


def strip_span(text: str, start: int) -> tuple[str, int, int]:
    """``text`` stripped, with the absolute span it keeps."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return body, start + lead, start + lead + len(body)


def block_lines(index: int, block: Block, start: int | None = None) -> Iterator[Line]:
    """The non-empty lines of a block, from ``start`` (an absolute offset) onwards."""
    begin = block.start if start is None else max(block.start, start)
    text = block.text[begin - block.start:]
    offset = begin
    for raw in text.split("\n"):
        body, s, e = strip_span(raw, offset)
        offset += len(raw) + 1
        if body:
            yield Line(body, s, e, index, block.kind, block.table, block.row, block.col)


def document_lines(document: Document, *, skip_repeated: bool = True) -> Iterator[Line]:
    """Every non-empty line of the document in reading order."""
    for i, block in enumerate(document.blocks):
        if skip_repeated and block.repeated:
            continue
        yield from block_lines(i, block)


Word = tuple[int, int, float, float, float]  # start, end, x0, x1, top


def words_in(document: Document, start: int, end: int) -> list[Word]:
    """The PDF words inside ``text[start:end]`` with their x extent and top; [] without geometry
    (DOCX). Used to tell side-by-side blocks apart when a reader ran them into one line."""
    offsets, boxes = document.word_offsets, document.word_boxes
    n = len(offsets) // 2
    lo, hi = 0, n
    while lo < hi:  # first word starting at or after ``start`` (no copy of the arrays)
        mid = (lo + hi) // 2
        if offsets[2 * mid] < start:
            lo = mid + 1
        else:
            hi = mid
    out: list[Word] = []
    i = lo
    while i < n and offsets[2 * i] < end:
        out.append((offsets[2 * i], offsets[2 * i + 1], boxes[5 * i], boxes[5 * i + 2],
                    boxes[5 * i + 1]))
        i += 1
    return out


def clean_item(text: str) -> str:
    """Item text without bullet glyphs, numbering, checkbox marks or trailing separators."""
    text = text.strip()
    previous = None
    while previous != text:
        previous = text
        text = BULLET.sub("", text, count=1).strip()
    text = re.sub(r"\s+", " ", text)
    text = text.strip(" ;,|_").rstrip(":").strip(" |_")  # "|" and "_": table rulings in a scan
    return re.sub(r"^[^\w(\"“'‘$£€]+(?=\w)", "", text)  # "¢ — Install": a bullet misread


def is_blank_fill(text: str) -> bool:
    """True for an unfilled form field: underscores, dots, dashes or nothing."""
    return bool(_FILL.match(text))
