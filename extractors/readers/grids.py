"""Tables drawn without ruling lines, and the filling of any table grid with words.

A borderless table is a run of rows cut into the same aligned columns, one of them numeric
(amounts, quantities, dates); prose in two columns, signature blocks side by side and label/value
lines stay text. Ruled tables come from pdfplumber as grids; both are filled the same way.
"""

from __future__ import annotations

import bisect

from extractors.readers.blocks import words_to_boxes
from extractors.readers.flow import (
    FlowCell,
    FlowTable,
    TableGrid,
    Word,
    make_line,
    rows_of,
)
from models.document import BBox

__all__ = ["aligned_tables", "fill_table", "inside"]

_MAX_RUN = 150  # rows examined for one borderless table


def _segments(row: list[Word]) -> list[list[Word]]:
    """A row cut at gaps wider than two em (table columns, label/value pairs)."""
    em = max(sorted(w.size for w in row)[len(row) // 2], 1.0)
    segs: list[list[Word]] = [[row[0]]]
    for prev, w in zip(row, row[1:], strict=False):
        if w.x0 - prev.x1 >= 2 * em:
            segs.append([w])
        else:
            segs[-1].append(w)
    return segs


def _aligned(values: list[float]) -> bool:
    return max(values) - min(values) <= 6


def _columns_align(run: list[list[list[Word]]]) -> bool:
    for j in range(len(run[0])):
        x0s = [r[j][0].x0 for r in run]
        x1s = [r[j][-1].x1 for r in run]
        mids = [(a + b) / 2 for a, b in zip(x0s, x1s, strict=True)]
        if not (_aligned(x0s) or _aligned(x1s) or _aligned(mids)):
            return False
    return True


def _has_digit(seg: list[Word]) -> bool:
    return any(ch.isdigit() for w in seg for ch in w.text)


def aligned_tables(rows: list[list[Word]]) -> list[TableGrid]:
    """Tables drawn without ruling lines: runs of rows cut into the same aligned columns.

    At least three rows (a header row above the run joins it when it aligns too), two to eight
    columns, and a column of numbers (amounts, quantities, dates): prose in two columns, side by
    side signature blocks and label/value lines without numbers stay text.
    """
    segs = [_segments(r) for r in rows]
    grids: list[TableGrid] = []
    i = 0
    while i < len(rows):
        k = len(segs[i])
        if not 2 <= k <= 8:
            i += 1
            continue
        end = i + 1
        while end < len(rows) and end - i < _MAX_RUN and len(segs[end]) == k \
                and _pitch_ok(rows[end - 1], rows[end]) \
                and _columns_align([segs[j] for j in range(i, end + 1)]):
            end += 1
        run = [segs[j] for j in range(i, end)]
        numeric = [sum(1 for r in run if _has_digit(r[j])) for j in range(k)]
        start = i
        if numeric[-1] * 3 < 2 * len(run) and max(numeric) * 3 < 2 * len(run):
            i += 1
            continue
        if start > 0 and len(segs[start - 1]) == k and _pitch_ok(rows[start - 1], rows[start]) \
                and not any(_has_digit(seg) for seg in segs[start - 1]) \
                and _columns_align([segs[start - 1], *run[:1]]):
            start -= 1
        labels = sum(1 for r in run if r[0][-1].text.endswith(":"))
        if end - start < 3 or (k == 2 and labels * 2 >= len(run)):
            i += 1
            continue
        grids.append(_grid([segs[j] for j in range(start, end)]))
        i = end
    return grids


def _pitch_ok(upper: list[Word], lower: list[Word]) -> bool:
    size = max(max(w.size for w in upper), max(w.size for w in lower), 1.0)
    return 0 < min(w.top for w in lower) - min(w.top for w in upper) <= 2.6 * size


def _grid(run: list[list[list[Word]]]) -> TableGrid:
    k = len(run[0])
    lefts = [min(r[j][0].x0 for r in run) - 1 for j in range(k)]
    rights = [max(r[j][-1].x1 for r in run) + 1 for j in range(k)]
    out: list[list[BBox | None]] = []
    for r in run:
        top = min(w.top for seg in r for w in seg) - 0.5
        bottom = max(w.bottom for seg in r for w in seg) + 0.5
        out.append([(lefts[j], top, rights[j], bottom) for j in range(k)])
    bbox = (lefts[0], out[0][0][1], rights[-1], out[-1][0][3])  # type: ignore[index]
    return TableGrid(bbox=bbox, rows=out)


def inside(w: Word, box: BBox) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def fill_table(grid: TableGrid, words: list[Word]) -> FlowTable:
    """Cells filled with the words whose centre lies in them (looked up row by row)."""
    table = FlowTable(bbox=grid.bbox)
    order = sorted(words, key=lambda w: (w.top + w.bottom) * 0.5)
    mids = [(w.top + w.bottom) * 0.5 for w in order]
    for row in grid.rows:
        boxes_in_row = [b for b in row if b is not None]
        if boxes_in_row:
            lo = bisect.bisect_left(mids, min(b[1] for b in boxes_in_row) - 1)
            hi = bisect.bisect_right(mids, max(b[3] for b in boxes_in_row) + 1)
            near = order[lo:hi]
        else:
            near = []
        cells: list[FlowCell] = []
        for box in row:
            if box is None:
                cells.append(FlowCell(text="", bbox=None, words=[]))
                continue
            mine = [w for w in near if inside(w, box)]
            lines = [make_line(r) for r in rows_of(mine)]
            if lines:
                text, boxes = words_to_boxes(lines, [" "] * (len(lines) - 1))
                bold = all(ln.bold for ln in lines)
            else:
                text, boxes, bold = "", [], False
            cells.append(FlowCell(text=text, bbox=box, words=boxes, bold=bold))
        table.rows.append(cells)
    return table
