"""Lines in reading order -> paragraph, heading and list-item blocks.

A new block starts where the line pitch grows, the size changes, a heading line (larger or
bold type, a short line ending with ":" or in capitals) or a bullet/number begins. Wrapped lines
are joined by a space, hard breaks (address lines, label and value) by a newline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from extractors.readers.flow import FlowBlock, Line, Word, WordBox
from models.document import BlockKind

__all__ = ["blocks_from_lines", "body_size", "heading_text_level", "is_list_start",
           "words_to_boxes"]

_BULLET_RE = re.compile(
    r"^\s*(?:[\u2022\u25cf\u25cb\u25e6\u25aa\u25a0\u2023\u2043\u2219\u00b7\u27a2\u2713\u2714\uf0b7"
    r"*\-\u2013\u2014]|\(?\d{1,3}[.)](?!\d)|\(?[a-zA-Z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)"
    r"[.)])\s+\S"
)
# A line that starts with a short capitalised label and a colon ("Date: ...", "Tel.: ...").
_LABEL_START = re.compile(r"^[A-Z][\w.'&/-]*(?: [\w.'&/-]+){0,2}: ")


def body_size(words: Sequence[Word]) -> float | None:
    """The most common font size by character count (the body text size)."""
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else None


def is_list_start(text: str) -> bool:
    return bool(_BULLET_RE.match(text))


def heading_text_level(text: str, *, bold: bool) -> int:
    """Heading level told from the text of a short line alone (0: not a heading)."""
    t = text.strip()
    words = t.split()
    if not words or len(words) > 12 or len(t) > 120:
        return 0
    money_like = "$" in t or "€" in t or "£" in t or sum(ch.isdigit() for ch in t) >= 4
    letters = [ch for ch in t if ch.isalpha()]
    if t.endswith(":") and len(words) <= 8 and not money_like:
        return 3
    if len(letters) >= 4 and all(ch.isupper() for ch in letters) and not money_like:
        return 2
    if bold and not t.endswith((".", ",", ";")) and not money_like and len(letters) >= 3:
        return 3
    return 0


def _line_heading_level(line: Line, body: float) -> int:
    if line.size >= body * 1.45 and len(line.words) <= 20:
        return 1
    if line.size >= body * 1.15 and len(line.words) <= 20:
        return 2
    return heading_text_level(line.text, bold=line.bold)


def words_to_boxes(lines: Sequence[Line], joiners: Sequence[str]) -> tuple[str, list[WordBox]]:
    parts: list[str] = []
    boxes: list[WordBox] = []
    pos = 0
    for i, line in enumerate(lines):
        if i:
            parts.append(joiners[i - 1])
            pos += len(joiners[i - 1])
        for j, w in enumerate(line.words):
            if j:
                parts.append(" ")
                pos += 1
            parts.append(w.text)
            boxes.append((pos, pos + len(w.text), w.x0, w.top, w.x1, w.bottom))
            pos += len(w.text)
    return "".join(parts), boxes


def _wrapped(prev: Line, line: Line, right: float) -> bool:
    """Whether ``line`` continues ``prev`` because ``prev`` ran out of room.

    A line ended by a hard break (an address line, a label and its value) leaves room on the
    right for the next line's first word; a wrapped line does not.
    """
    if _LABEL_START.match(line.text):
        return False  # "By:", "Date:", "Tel.:" start a line of their own
    first = line.words[0]
    room = right - prev.x1
    return room < (first.x1 - first.x0) + 0.5 * max(prev.size, 1.0) + 2


def _last_line_of(prev: Line, line: Line, body: float, right: float) -> bool:
    """A short line that reads as a heading only by its text ("values:", "ADDITIONAL INSUREDS")
    is the wrapped end of the paragraph above when that paragraph ran to the right edge without
    ending its sentence, at the same size, weight and line pitch."""
    pitch = line.top - prev.top
    return (line.size < body * 1.15 and abs(line.size - prev.size) <= 0.15 * max(prev.size, 1.0)
            and line.bold == prev.bold and 0 < pitch <= 1.5 * max(prev.size, line.size)
            and not prev.text.rstrip().endswith((".", ":", ";", "!", "?"))
            and _wrapped(prev, line, right))


def _make_block(kind: BlockKind, lines: list[Line], level: int, right: float) -> FlowBlock:
    joiners: list[str] = []
    for prev, line in zip(lines, lines[1:], strict=False):
        joiners.append(" " if _wrapped(prev, line, right) else "\n")
    text, boxes = words_to_boxes(lines, joiners)
    bbox = (min(ln.x0 for ln in lines), min(ln.top for ln in lines),
            max(ln.x1 for ln in lines), max(ln.bottom for ln in lines))
    return FlowBlock(kind=kind, text=text, bbox=bbox, words=boxes, level=level,
                     size=lines[0].size)


def blocks_from_lines(lines: list[Line], body: float) -> list[FlowBlock]:
    """Paragraph, heading and list-item blocks of lines already in reading order."""
    out: list[FlowBlock] = []
    if not lines:
        return out
    right = max(ln.x1 for ln in lines)
    cur: list[Line] = []
    cur_kind = BlockKind.paragraph
    cur_level = 0
    item_indent = item_x0 = 0.0
    prev: Line | None = None
    for line in lines:
        hlevel = _line_heading_level(line, body)
        listy = hlevel == 0 and is_list_start(line.text)
        start_new = True
        if prev is not None and cur:
            pitch = line.top - prev.top
            normal = 0 < pitch <= 1.5 * max(prev.size, line.size)
            same_size = abs(line.size - prev.size) <= 0.15 * max(prev.size, 1.0)
            if hlevel and cur_kind is not BlockKind.heading and _last_line_of(prev, line, body, right):
                hlevel, listy = 0, False  # "… the following schedule of" / "values:"
            if cur_kind is BlockKind.heading:
                start_new = not (hlevel == cur_level and normal and same_size
                                 and line.bold == prev.bold and not listy and hlevel <= 2)
            elif hlevel or listy:
                start_new = True
            elif cur_kind is BlockKind.list_item:
                # A wrapped item continues under its text, or under its bullet when the
                # line above ran to the right edge (no hanging indent).
                # (coarse on purpose: engines differ by a few points at line ends)
                wrapped = right - prev.x1 <= max(6 * prev.size, 0.25 * (right - prev.x0))
                under = line.x0 >= item_indent - 2 or (wrapped and line.x0 >= item_x0 - 2)
                start_new = not (normal and same_size and under)
            else:
                start_new = not (normal and same_size)
        if start_new:
            if cur:
                out.append(_make_block(cur_kind, cur, cur_level, right))
            cur = [line]
            if hlevel:
                cur_kind, cur_level = BlockKind.heading, hlevel
            elif listy:
                cur_kind, cur_level = BlockKind.list_item, 0
                item_indent = line.words[1].x0 if len(line.words) > 1 else line.x0
                item_x0 = line.x0
            else:
                cur_kind, cur_level = BlockKind.paragraph, 0
        else:
            cur.append(line)
        prev = line
    if cur:
        out.append(_make_block(cur_kind, cur, cur_level, right))
    _list_levels(out)
    return out


def _list_levels(blocks: list[FlowBlock]) -> None:
    """Nesting level of list items from their indentation within a run of items."""
    run: list[FlowBlock] = []
    for b in [*blocks, None]:
        if b is not None and b.kind is BlockKind.list_item:
            run.append(b)
            continue
        if run:
            # Indents within 8 pt of each other are one level (scans jitter by a few points).
            level_at: dict[float, int] = {}
            level, last = -1, -1e9
            for x0 in sorted({x.bbox[0] for x in run}):
                if x0 - last > 8:
                    level += 1
                level_at[x0] = level
                last = x0
            for x in run:
                x.level = level_at[x.bbox[0]]
            run = []
