"""The format-neutral text model every reader produces and every extractor reads.

A ``Document`` is immutable once built: pages, blocks (heading, paragraph, list item, table
cell, header, footer) and one ``text`` in which every block owns the span ``[start, end)``.
Blocks are separated by a blank line; the cells of a table row by a tab, rows by a newline, so
a character offset found by spaCy maps back to its block, page and box. PDF readers also record
word boxes, so evidence for a span gets the box of exactly those words. DOCX has no geometry:
its blocks carry a ``locator`` ("paragraph 12", "table 2 row 3 cell 1") and no box.

Page numbers are 1-based; boxes are ``(x0, top, x1, bottom)`` in PDF points from the page's
top-left corner.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

__all__ = [
    "BBox",
    "Block",
    "BlockKind",
    "Document",
    "DocumentBuilder",
    "Page",
    "PageMethod",
    "Span",
    "Table",
]

BBox = tuple[float, float, float, float]
BLOCK_SEPARATOR = "\n\n"


class BlockKind(str, Enum):
    heading = "heading"
    paragraph = "paragraph"
    list_item = "list_item"
    table_cell = "table_cell"
    header = "header"
    footer = "footer"


class PageMethod(str, Enum):
    """How a page's text was obtained."""

    text = "text"
    ocr = "ocr"
    empty = "empty"


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: float | None = None
    height: float | None = None
    method: PageMethod = PageMethod.text
    ocr_confidence: float | None = None
    chars: int = 0
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    page: int | None
    start: int
    end: int
    bbox: BBox | None = None
    locator: str | None = None
    level: int = 0
    style: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    repeated: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Table:
    """A table, possibly stitched from pieces on consecutive pages; cells are block indexes."""

    index: int
    pages: tuple[int, ...]
    rows: tuple[tuple[int, ...], ...]
    header_rows: int = 0


@dataclass(frozen=True, slots=True)
class Span:
    """Where a character span of ``Document.text`` lies on the page."""

    page: int | None
    bbox: BBox | None
    start: int
    end: int
    snippet: str
    locator: str | None


@dataclass(frozen=True)
class Document:
    sha256: str
    file_name: str
    media_type: str
    reader: str
    text: str
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    has_tracked_changes: bool = False
    # Whether a font of the file could print one character and extract as another (PDF only;
    # ``extractors.readers.pdf_fonts``): the amounts of such files are re-read by OCR.
    fonts_can_lie: bool = True
    # Word geometry for PDF evidence: (start, end) offsets and (x0, top, x1, bottom, page).
    word_offsets: array[int] = field(default_factory=lambda: array("i"))
    word_boxes: array[float] = field(default_factory=lambda: array("f"))
    _block_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._block_starts[:] = [b.start for b in self.blocks]

    # --- navigation -------------------------------------------------------------------------
    def block_at(self, offset: int) -> Block | None:
        """The block whose span contains ``offset`` (or the one just before a separator)."""
        if not self.blocks:
            return None
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i < 0:
            return None
        block = self.blocks[i]
        return block if offset <= block.end else None

    def block_index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._block_starts, offset) - 1
        if i < 0 or offset > self.blocks[i].end:
            return None
        return i

    def blocks_in(self, start: int, end: int) -> Iterator[Block]:
        i = max(0, bisect.bisect_right(self._block_starts, start) - 1)
        while i < len(self.blocks) and self.blocks[i].start < end:
            if self.blocks[i].end > start:
                yield self.blocks[i]
            i += 1

    def table_cells(self, table: Table) -> list[list[Block]]:
        return [[self.blocks[i] for i in row] for row in table.rows]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.method is PageMethod.ocr]

    # --- provenance -------------------------------------------------------------------------
    def locate(self, start: int, end: int, snippet_pad: int = 0) -> list[Span]:
        """Map ``text[start:end]`` to one span per page (box) or per block (DOCX locator)."""
        start = max(0, start)
        end = min(len(self.text), max(end, start))
        spans: list[Span] = []
        boxes = self._word_box_union(start, end)
        for block in self.blocks_in(start, end if end > start else start + 1):
            s, e = max(start, block.start), min(end, block.end)
            if e <= s:
                continue
            bbox = boxes.get(block.page) if block.page is not None else None
            if bbox is None:
                bbox = block.bbox
            lo, hi = max(block.start, s - snippet_pad), min(block.end, e + snippet_pad)
            if spans and spans[-1].page == block.page and block.page is not None and boxes:
                prev = spans[-1]
                spans[-1] = Span(
                    prev.page, prev.bbox, prev.start, e, self.text[prev.start : hi], prev.locator
                )
                continue
            spans.append(Span(block.page, bbox, s, e, self.text[lo:hi], block.locator))
        return spans

    @cached_property
    def _word_starts(self) -> array[int]:
        """Start offset of every word, for bisect (sliced once, not per lookup)."""
        return self.word_offsets[0::2]

    def _word_box_union(self, start: int, end: int) -> dict[int | None, BBox]:
        """Union of the boxes of words overlapping the span, per page."""
        n = len(self.word_offsets) // 2
        if n == 0:
            return {}
        lo = max(0, bisect.bisect_right(self._word_starts, start) - 1)
        out: dict[int | None, BBox] = {}
        for w in range(lo, n):
            ws, we = self.word_offsets[2 * w], self.word_offsets[2 * w + 1]
            if ws >= end:
                break
            if we <= start:
                continue
            x0, top, x1, bottom, page = self.word_boxes[5 * w : 5 * w + 5]
            key = int(page)
            if key in out:
                a = out[key]
                out[key] = (min(a[0], x0), min(a[1], top), max(a[2], x1), max(a[3], bottom))
            else:
                out[key] = (x0, top, x1, bottom)
        return {k: tuple(round(v, 2) for v in b) for k, b in out.items()}  # type: ignore[misc]


class DocumentBuilder:
    """Appends blocks in reading order and keeps offsets, tables and word boxes consistent."""

    def __init__(self, *, sha256: str, file_name: str, media_type: str, reader: str) -> None:
        self.sha256 = sha256
        self.file_name = file_name
        self.media_type = media_type
        self.reader = reader
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.pages: list[Page] = []
        self.tables: list[Table] = []
        self.warnings: list[str] = []
        self.has_tracked_changes = False
        self.fonts_can_lie = True
        self.word_offsets: array[int] = array("i")
        self.word_boxes: array[float] = array("f")

    def _reserve(self, text: str, separator: str) -> int:
        if self._parts:
            self._parts.append(separator)
            self._length += len(separator)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def add_block(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int | None,
        bbox: BBox | None = None,
        words: Sequence[tuple[int, int, float, float, float, float]] = (),
        separator: str = BLOCK_SEPARATOR,
        **extra: object,
    ) -> int:
        """Add a block; ``words`` are (start, end, x0, top, x1, bottom) relative to ``text``.

        Table cells pass ``separator="\t"`` within a row and ``"\n"`` between rows so a row
        reads as one line of text.
        """
        text = text.replace("\x00", "")
        start = self._reserve(text, separator)
        block = Block(kind=kind, text=text, page=page, start=start, end=start + len(text),
                      bbox=bbox, **extra)  # type: ignore[arg-type]
        self.blocks.append(block)
        for ws, we, x0, top, x1, bottom in words:
            self.word_offsets.extend((start + ws, start + we))
            self.word_boxes.extend((x0, top, x1, bottom, float(page or 0)))
        return len(self.blocks) - 1

    def add_table(self, pages: Iterable[int], rows: Sequence[Sequence[int]], header_rows: int = 0) -> int:
        idx = len(self.tables)
        self.tables.append(
            Table(index=idx, pages=tuple(pages), rows=tuple(tuple(r) for r in rows),
                  header_rows=header_rows)
        )
        return idx

    def add_page(self, page: Page) -> None:
        self.pages.append(page)

    def build(self) -> Document:
        return Document(
            sha256=self.sha256,
            file_name=self.file_name,
            media_type=self.media_type,
            reader=self.reader,
            text="".join(self._parts),
            pages=tuple(self.pages),
            blocks=tuple(self.blocks),
            tables=tuple(self.tables),
            warnings=tuple(self.warnings),
            has_tracked_changes=self.has_tracked_changes,
            fonts_can_lie=self.fonts_can_lie,
            word_offsets=self.word_offsets,
            word_boxes=self.word_boxes,
        )
