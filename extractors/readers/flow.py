"""The records a laid-out page is made of, and the geometry shared by every reader step.

Characters arrive as plain tuples (both PDF engines make them); words are built from them in
content-stream order and grouped into rows; blocks and tables of a page are ``FlowItem``s until
the assembler appends them to the Document. Geometry is in PDF points from the top-left corner.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from models.document import BBox, BlockKind

__all__ = [
    "Char",
    "FlowBlock",
    "FlowCell",
    "FlowItem",
    "FlowTable",
    "Line",
    "TableGrid",
    "Word",
    "WordBox",
    "make_line",
    "reframe",
    "rows_of",
    "stream_words",
    "turn_box",
]

WordBox = tuple[int, int, float, float, float, float]

Char = tuple[str, float, float, float, float, float, bool]


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class Line:
    words: list[Word]
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class TableGrid:
    """A table found on the page: its box and the box of each cell (None where merged)."""

    bbox: BBox
    rows: list[list[BBox | None]]


@dataclass(slots=True)
class FlowBlock:
    kind: BlockKind
    text: str
    bbox: BBox
    words: list[WordBox]
    level: int = 0
    size: float = 0.0
    confidence: float = 1.0


@dataclass(slots=True)
class FlowCell:
    text: str
    bbox: BBox | None
    words: list[WordBox]
    bold: bool = False


@dataclass(slots=True)
class FlowTable:
    bbox: BBox
    rows: list[list[FlowCell]] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


FlowItem = FlowBlock | FlowTable


def turn_box(box: BBox, rotation: int, width: float, height: float) -> BBox:
    """A box on a page of ``width`` x ``height`` after turning the page clockwise."""
    x0, top, x1, bottom = box
    if rotation == 90:
        return height - bottom, x0, height - top, x1
    if rotation == 180:
        return width - x1, height - bottom, width - x0, height - top
    if rotation == 270:
        return top, width - x1, bottom, width - x0
    return box


def reframe(items: Sequence[FlowItem], rotation: int, width: float, height: float) -> None:
    """Turn the boxes of laid-out items clockwise (in place), page ``width`` x ``height``."""
    if rotation % 360 == 0:
        return
    for item in items:
        item.bbox = turn_box(item.bbox, rotation, width, height)
        if isinstance(item, FlowBlock):
            item.words = [(s, e, *turn_box((a, b, c, d), rotation, width, height))
                          for s, e, a, b, c, d in item.words]
            continue
        for row in item.rows:
            for cell in row:
                if cell.bbox is not None:
                    cell.bbox = turn_box(cell.bbox, rotation, width, height)
                cell.words = [(s, e, *turn_box((a, b, c, d), rotation, width, height))
                              for s, e, a, b, c, d in cell.words]



def stream_words(chars: Iterable[Char]) -> list[Word]:
    """Words from characters in content-stream order (one pass, no sorting).

    A word continues while the next character sits on the same baseline band just right of
    the previous one; a space, a jump back or a gap wider than 0.3 em ends it. A character
    repeated at almost the same place (text drawn twice for a bold look) is skipped.
    """
    words: list[Word] = []
    parts: list[str] = []
    cur: Word | None = None
    lt = ""
    lx0 = lx1 = lmid = lh = lsize = 0.0
    for t, x0, top, x1, bottom, size, bold in chars:
        if t == " ":
            if cur is not None:
                cur.text = "".join(parts)
                cur = None
            continue
        mid = (top + bottom) * 0.5
        h = bottom - top
        if cur is not None:
            if t == lt and abs(x0 - lx0) < 0.5 * (lx1 - lx0) and abs(mid - lmid) < 0.25 * lh:
                continue
            gap = x0 - lx1
            em = size if size > lsize else lsize
            if x0 == lx0 and x1 == lx1:
                gap = 0.0  # a ligature PDFium split into letters sharing one box
            if abs(mid - lmid) <= 0.45 * (h if h < lh else lh) and -0.25 * em <= gap <= 0.3 * em:
                parts.append(t)
                if x1 > cur.x1:
                    cur.x1 = x1
                if top < cur.top:
                    cur.top = top
                if bottom > cur.bottom:
                    cur.bottom = bottom
                if size > cur.size:
                    cur.size = size
                if not bold:
                    cur.bold = False
                lt, lx0, lx1, lmid, lh, lsize = t, x0, x1, mid, h, size
                continue
            cur.text = "".join(parts)
        parts = [t]
        cur = Word(t, x0, top, x1, bottom, size, bold)
        words.append(cur)
        lt, lx0, lx1, lmid, lh, lsize = t, x0, x1, mid, h if h > 0.1 else 0.1, size
    if cur is not None:
        cur.text = "".join(parts)
    return words


def rows_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words sharing a baseline band, each row left to right, duplicates removed."""
    order = sorted(words, key=lambda w: (w.top + w.bottom, w.x0))  # by middle, then x
    rows: list[list[Word]] = []
    mid0 = h0 = 0.0
    for w in order:
        mid = (w.top + w.bottom) * 0.5
        h = w.bottom - w.top
        if h < 0.1:
            h = 0.1
        if rows and abs(mid - mid0) <= 0.45 * (h if h < h0 else h0):
            rows[-1].append(w)
            continue
        rows.append([w])
        mid0, h0 = mid, h
    out: list[list[Word]] = []
    for r in rows:
        r.sort(key=lambda w: w.x0)
        kept: list[Word] = []
        for w in r:
            if kept:
                p = kept[-1]
                if w.text == p.text and abs(w.x0 - p.x0) < 0.5 * max(p.x1 - p.x0, 0.5):
                    continue  # the same word drawn twice
                if 0 <= w.x0 - p.x1 <= 0.05 * max(w.size, p.size, 1.0):
                    p.text += w.text  # a word split by content-stream order
                    p.x1 = max(p.x1, w.x1)
                    p.top, p.bottom = min(p.top, w.top), max(p.bottom, w.bottom)
                    p.bold = p.bold and w.bold
                    continue
            kept.append(w)
        out.append(kept)
    return out


def make_line(words: list[Word]) -> Line:
    """A line of these words: its box, its main size (by characters) and boldness (one pass)."""
    first = words[0]
    x0, top, x1, bottom, bold = first.x0, first.top, first.x1, first.bottom, first.bold
    sizes: dict[float, int] = {}
    for w in words:
        if w.x0 < x0:
            x0 = w.x0
        if w.top < top:
            top = w.top
        if w.x1 > x1:
            x1 = w.x1
        if w.bottom > bottom:
            bottom = w.bottom
        bold = bold and w.bold
        sizes[w.size] = sizes.get(w.size, 0) + len(w.text)
    size = max(sizes, key=sizes.__getitem__)  # the first of equals, as Counter.most_common
    return Line(words=words, x0=x0, top=top, x1=x1, bottom=bottom, size=size, bold=bold)
