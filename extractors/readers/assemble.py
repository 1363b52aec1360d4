"""Pages of laid-out blocks -> one Document, streaming.

Each page is appended to the ``DocumentBuilder`` as soon as it is read, so nothing of a page but
its text and word boxes outlives it. Two things need more than one page and are kept small:
a table still open at the bottom of a page is continued by a table with the same columns at
the top of the next one (a repeated header row is dropped), and the first and last lines of
each page are remembered as signatures so running headers and footers are marked at the end.

A paragraph cut by a page break is joined again: when the last body paragraph of a page ends
without closing punctuation and the next page's first body paragraph starts in lower case (or
the first ends on a comma or hyphen, or its last line ran to the right edge), the second is
appended with a single space instead of a block break, so the clause reads as one sentence ("naming Contractor and Owner as | additional
insureds"). The footer and header between them are held back and written after it; they are
still marked as running furniture at the end.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field

from extractors.readers.flow import FlowBlock, FlowCell, FlowItem, FlowTable
from models.document import BLOCK_SEPARATOR, BlockKind, Document, DocumentBuilder, Page

__all__ = ["PdfAssembler"]

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_HEADER_ZONE = 0.12
_FOOTER_ZONE = 0.88


def _signature(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower())).strip()


def _row_key(cells: list[FlowCell]) -> tuple[str, ...]:
    return tuple(_signature(c.text) for c in cells)


@dataclass(slots=True)
class _OpenTable:
    index: int
    columns: int
    header: tuple[str, ...] | None
    pages: list[int]
    rows: list[list[int]]
    header_rows: int


_CLOSING = tuple(".!?:;") + (".\"", ".”", ".)", ".’", "?”", "!”")
_PROSE = (BlockKind.paragraph, BlockKind.list_item)


def _continues(prev: FlowBlock, nxt: FlowBlock) -> bool:
    """Whether ``nxt`` (top of a page) is the rest of ``prev`` (bottom of the page before).

    Lower case after the break says so; so does a last line that ran to the right edge without
    ending its sentence ("… Thousand Five | Hundred Dollars"), whatever the case of the rest."""
    if prev.kind not in _PROSE or nxt.kind is not BlockKind.paragraph:
        return False
    head, tail = prev.text.rstrip(), nxt.text.lstrip()
    if not head or not tail or head.endswith(_CLOSING):
        return False
    return tail[0].islower() or head[-1] in ",-–(" or _last_line_full(prev)


def _last_line_full(block: FlowBlock) -> bool:
    """The block's last line ends within a few characters of its right edge (it wrapped)."""
    if not block.words:
        return False
    last = block.words[-1]
    em = block.size if block.size > 0 else 10.0
    return last[4] >= block.bbox[2] - 2.5 * em and last[4] - block.bbox[0] > 20 * em


@dataclass(slots=True)
class _Held:
    """A header or footer block waiting until the next page's first body block is placed."""

    item: FlowBlock
    page: int
    zone: str | None  # "header" / "footer" if it may be running furniture
    bottom: bool = False  # held because it sits in the footer zone
    furniture: bool = True  # looks like a running footer (page number, form number)


@dataclass(slots=True)
class PdfAssembler:
    builder: DocumentBuilder
    _tables: dict[int, _OpenTable] = field(default_factory=dict)
    _open: _OpenTable | None = None
    _candidates: list[tuple[int, str, str]] = field(default_factory=list)
    _pages_with_text: int = 0
    _tail: FlowBlock | None = None  # the last body block placed, if nothing came after it
    _held: list[_Held] = field(default_factory=list)
    # Texts seen at the top of earlier pages: a running header is never a continuation.
    _header_signatures: set[str] = field(default_factory=set)
    _footer_signatures: set[str] = field(default_factory=set)

    def add_page(self, page: Page, items: list[FlowItem]) -> None:
        """Append one page's items in reading order."""
        self.builder.add_page(page)
        height = page.height or 792.0
        number = page.number
        if items:
            self._pages_with_text += 1
        blocks = [it for it in items if isinstance(it, FlowBlock)]
        # Only the first two and last two blocks can be running headers or footers.
        tops = {id(b) for b in blocks[:2] if b.bbox[3] <= _HEADER_ZONE * height}
        bottoms = {id(b) for b in blocks[-2:] if b.bbox[1] >= _FOOTER_ZONE * height}
        first_content = True
        body = False
        for item in items:
            if isinstance(item, FlowTable):
                self._flush_held()
                cont = self._open if first_content else None
                self._add_table(item, number, cont)
                first_content = False
                body = True
                self._tail = None
                continue
            zone = "header" if id(item) in tops else "footer" if id(item) in bottoms else None
            in_header = item.bbox[3] <= _HEADER_ZONE * height
            in_footer = item.bbox[1] >= _FOOTER_ZONE * height
            joins = (first_content and self._tail is not None and _continues(self._tail, item)
                     and _signature(item.text) not in self._header_signatures
                     and all(h.furniture for h in self._held if h.bottom))
            if ((first_content and in_header) or in_footer) and not joins:
                self._held.append(_Held(item, number, zone, bottom=in_footer,
                                        furniture=self._furniture(item, height)))
                continue
            if joins:
                self._emit(item, number, zone, " ")
                self._flush_held()
            else:
                self._flush_held()
                self._emit(item, number, zone, BLOCK_SEPARATOR)
            first_content = False
            body = True
            self._open = None
            self._tail = item if item.kind in _PROSE else None
        if not body:
            self._tail = None  # a page without body text breaks any paragraph
        self._header_signatures.update(_signature(b.text) for b in blocks if id(b) in tops)
        self._footer_signatures.update(_signature(b.text) for b in blocks if id(b) in bottoms)

    def _furniture(self, item: FlowBlock, height: float) -> bool:
        """A block at the foot of a page that reads as a running footer, not as the end of the
        text: seen at the foot of an earlier page, at the very bottom, or short with a number.
        Prose held there (the last lines of a full page) keeps the page break: a paragraph is
        only joined across it to the last thing the page said."""
        if _signature(item.text) in self._footer_signatures or item.bbox[1] >= 0.94 * height:
            return True
        return len(item.text.split()) <= 12 and any(ch.isdigit() for ch in item.text)

    def _emit(self, item: FlowBlock, page: int, zone: str | None, separator: str) -> None:
        idx = self.builder.add_block(item.kind, item.text, page=page, bbox=item.bbox,
                                     words=item.words, level=item.level,
                                     confidence=item.confidence, separator=separator)
        if zone is not None:
            self._candidates.append((idx, zone, _signature(item.text)))

    def _flush_held(self) -> None:
        held, self._held = self._held, []
        for h in held:
            self._emit(h.item, h.page, h.zone, BLOCK_SEPARATOR)

    def _add_table(self, table: FlowTable, page: int, cont: _OpenTable | None) -> None:
        rows = [r for r in table.rows if r]
        if not rows:
            return
        b = self.builder
        if cont is not None and cont.columns == table.columns:
            if cont.header is not None and _row_key(rows[0]) == cont.header:
                rows = rows[1:]
            if page not in cont.pages:
                cont.pages.append(page)
            target = cont
        else:
            header_rows = 1 if len(rows) > 1 and _looks_like_header(rows[0]) else 0
            target = _OpenTable(index=len(self._tables), columns=table.columns,
                                header=_row_key(rows[0]) if header_rows else None,
                                pages=[page], rows=[], header_rows=header_rows)
            self._tables[target.index] = target
        t = target.index
        for cells in rows:
            r = len(target.rows)
            ids: list[int] = []
            for c, cell in enumerate(cells):
                prev = b.blocks[-1] if b.blocks else None
                if c:
                    sep = "\t"
                elif prev is not None and prev.kind is BlockKind.table_cell and prev.table == t:
                    sep = "\n"
                else:
                    sep = "\n\n"
                text = cell.text.replace("\t", " ").replace("\n", " ")
                ids.append(b.add_block(BlockKind.table_cell, text, page=page, bbox=cell.bbox,
                                       words=cell.words, separator=sep, table=t, row=r, col=c,
                                       locator=f"table {t + 1} row {r + 1} cell {c + 1}"))
            target.rows.append(ids)
        self._open = target

    def build(self, warnings: list[str]) -> Document:
        """Mark running headers/footers, register tables and return the Document."""
        self._flush_held()
        b = self.builder
        pages = max(self._pages_with_text, 1)
        counts: Counter[tuple[str, str]] = Counter()
        seen: set[tuple[str, str, int]] = set()
        for idx, zone, sig in self._candidates:
            page = b.blocks[idx].page or 0
            if (zone, sig, page) not in seen:
                seen.add((zone, sig, page))
                counts[(zone, sig)] += 1
        for idx, zone, sig in self._candidates:
            n = counts[(zone, sig)]
            if n >= 2 and n >= 0.5 * pages and sig:
                kind = BlockKind.header if zone == "header" else BlockKind.footer
                b.blocks[idx] = dataclasses.replace(b.blocks[idx], kind=kind, repeated=True)
        for i in sorted(self._tables):
            t = self._tables[i]
            b.add_table(t.pages, t.rows, header_rows=t.header_rows)
        b.warnings.extend(warnings)
        return b.build()


def _looks_like_header(cells: list[FlowCell]) -> bool:
    texts = [c.text for c in cells]
    if not all(t.strip() for t in texts):
        return False
    if all(c.bold for c in cells):
        return True
    return not any(ch.isdigit() for t in texts for ch in t)
