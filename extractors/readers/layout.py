"""Reading order of a page: columns, side-by-side blocks, tables in place.

``layout_page`` takes a page's words and its ruled table grids and returns its blocks and tables
in reading order: borderless tables are cut out, two-column text is read column by column (a
full-width title above stays first) and side-by-side blocks such as two parties' signature
blocks are read one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.readers.blocks import (
    blocks_from_lines,
    body_size,
    heading_text_level,
    is_list_start,
)
from extractors.readers.flow import (
    Char,
    FlowBlock,
    FlowCell,
    FlowItem,
    FlowTable,
    Line,
    TableGrid,
    Word,
    make_line,
    reframe,
    rows_of,
    stream_words,
    turn_box,
)
from extractors.readers.grids import aligned_tables, fill_table, inside
from models.document import BBox

# The records and helpers of the steps are re-exported: readers and the OCR layout import them
# from here.
__all__ = [
    "Char",
    "FlowBlock",
    "FlowCell",
    "FlowItem",
    "FlowTable",
    "Line",
    "TableGrid",
    "Word",
    "aligned_tables",
    "blocks_from_lines",
    "body_size",
    "heading_text_level",
    "is_list_start",
    "layout_page",
    "make_line",
    "reframe",
    "stream_words",
    "turn_box",
]

_MAX_RUN = 150  # rows examined for one side-by-side run


def _crosses(row: Sequence[Word], gx: float, gap: float) -> bool:
    """Whether a row spans the gutter: a word over it, or words closer than the gutter."""
    left = [w for w in row if w.x1 <= gx]
    right = [w for w in row if w.x0 >= gx]
    if len(left) + len(right) < len(row):
        return True
    return bool(left and right) and right[0].x0 - left[-1].x1 < 0.6 * gap


def _gutter(rows: Sequence[Sequence[Word]], width: float) -> tuple[float, float] | None:
    """x and width of a column gutter if the rows form two filled columns, else None."""
    if len(rows) < 6:
        return None
    left = min(w.x0 for r in rows for w in r)
    right = max(w.x1 for r in rows for w in r)
    span = right - left
    if span < 200 or span > 20_000:
        return None
    step = 2.0
    nbins = int(span / step) + 1
    delta = [0] * (nbins + 1)
    for r in rows:
        for w in r:
            delta[max(0, int((w.x0 - left) / step))] += 1
            delta[min(nbins - 1, int((w.x1 - left) / step)) + 1] -= 1
    cover = [0] * nbins
    running = 0
    for b in range(nbins):
        running += delta[b]
        cover[b] = running
    limit = max(1, len(rows) // 4)
    lo, hi = int(nbins * 0.3), int(nbins * 0.7)
    best: tuple[int, int] | None = None
    run_start = -1
    for b in range(lo, hi + 1):
        if b < nbins and cover[b] <= limit:
            if run_start < 0:
                run_start = b
            continue
        if run_start >= 0:
            if best is None or b - run_start > best[1] - best[0]:
                best = (run_start, b)
            run_start = -1
    if run_start >= 0 and (best is None or hi + 1 - run_start > best[1] - best[0]):
        best = (run_start, hi + 1)
    if best is None or (best[1] - best[0]) * step < 8:
        return None
    gx = left + (best[0] + best[1]) / 2 * step
    gap = (best[1] - best[0]) * step
    fills_l: list[float] = []
    fills_r: list[float] = []
    r_x0 = min((w.x0 for r in rows for w in r if w.x0 > gx), default=gx)
    for r in rows:
        if _crosses(r, gx, gap):
            continue
        lw = [w for w in r if w.x1 <= gx]
        rw = [w for w in r if w.x0 >= gx]
        if lw:
            fills_l.append((max(w.x1 for w in lw) - left) / max(gx - left, 1.0))
        if rw:
            fills_r.append((max(w.x1 for w in rw) - r_x0) / max(right - r_x0, 1.0))
    # Columns of text fill their width on most lines; labels and values do not.
    if len(fills_l) < 5 or len(fills_r) < 5:
        return None
    fills_l.sort()
    fills_r.sort()
    if fills_l[len(fills_l) // 2] < 0.6 or fills_r[len(fills_r) // 2] < 0.6:
        return None
    return gx, gap


def _attach_markers(rows: list[list[Word]], markers: Sequence[BBox]) -> None:
    spans = [(min(w.top for w in row), max(w.bottom for w in row)) for row in rows]
    for x0, top, x1, bottom in markers:
        cy = (top + bottom) / 2
        for row, (r_top, r_bottom) in zip(rows, spans, strict=True):
            if not r_top <= cy <= r_bottom:
                continue
            k = next((i for i, w in enumerate(row) if w.x0 >= x1 - 0.5), None)
            if k is None:
                continue
            word = row[k]
            if word.x0 - x1 <= 3 * max(word.size, 1.0) and word.text != "\u2022" \
                    and (k == 0 or row[k - 1].x1 <= x0):
                row.insert(k, Word("\u2022", x0, word.top, x1, word.bottom, word.size, False))
                break


def _ordered_lines(rows: list[list[Word]], width: float,
                   found: tuple[float, float] | None | bool = False) -> list[list[Line]]:
    """Lines in reading order, grouped by column segment (a new group resets paragraph flow).

    ``found`` is the gutter of the whole page when the caller already looked for it (None:
    there is none). Without one, a run of rows that leaves the middle of the page open (a
    section set in two columns under full-width text) is tried on its own.
    """
    if found is False:
        found = _gutter(rows, width)
    if found is not None and found is not True:
        return _columns(rows, width, found)
    groups: list[list[Line]] = []
    plain: list[list[Word]] = []
    for band, gutter in _bands(rows, width):
        if gutter is None:
            plain.extend(band)
            continue
        groups.extend(_side_by_side(plain, width))
        plain = []
        groups.extend(_columns(band, width, gutter))
    groups.extend(_side_by_side(plain, width))
    return [g for g in groups if g]


def _bands(rows: list[list[Word]], width: float
           ) -> list[tuple[list[list[Word]], tuple[float, float] | None]]:
    """Runs of rows split at rows that span the middle of the page; the gutter of each run
    that is set in two columns (None for the others)."""
    if len(rows) < 6:
        return [(rows, None)]
    left = min(w.x0 for r in rows for w in r)
    right = max(w.x1 for r in rows for w in r)
    lo, hi = left + 0.3 * (right - left), left + 0.7 * (right - left)
    out: list[tuple[list[list[Word]], tuple[float, float] | None]] = []
    run: list[list[Word]] = []

    def close() -> None:
        if run:
            found = _gutter(run, width) if len(run) >= 6 else None
            out.append((list(run), found))
            run.clear()

    for r in rows:
        if _spans_middle(r, lo, hi):
            close()
            out.append(([r], None))
        else:
            run.append(r)
    close()
    return out


def _spans_middle(row: Sequence[Word], lo: float, hi: float) -> bool:
    """Whether words cover the middle of the page with no gap a column gutter could use."""
    edge = lo
    for w in row:
        if w.x1 <= edge:
            continue
        if w.x0 >= hi:
            break
        if w.x0 - edge >= 8:
            return False
        edge = max(edge, w.x1)
    return edge >= hi - 8


def _wide_gap(words: Sequence[Word]) -> bool:
    """A gap of three em or more inside a column line: a label and value, or blocks side by
    side (signature blocks), not running text."""
    for a, b in zip(words, words[1:], strict=False):
        if b.x0 - a.x1 >= 3 * max(a.size, b.size, 1.0):
            return True
    return False


def _columns(rows: list[list[Word]], width: float, found: tuple[float, float]
             ) -> list[list[Line]]:
    """Rows of a two-column run: each column in turn; rows across the gutter in between."""
    gx, gap = found
    groups: list[list[Line]] = []
    region: list[list[Word]] = []
    full: list[list[Word]] = []

    def close_region() -> None:
        if not region:
            return
        lefts = [[w for w in r if w.x1 <= gx] for r in region]
        rights = [[w for w in r if w.x0 >= gx] for r in region]
        groups.append([make_line(r) for r in lefts if r])
        groups.append([make_line(r) for r in rights if r])
        region.clear()

    for r in rows:
        if _crosses(r, gx, gap) or _wide_gap([w for w in r if w.x1 <= gx]) \
                or _wide_gap([w for w in r if w.x0 >= gx]):
            close_region()
            full.append(r)
            continue
        if full:
            groups.extend(_side_by_side(full, width))
            full = []
        region.append(r)
    close_region()
    if full:
        groups.extend(_side_by_side(full, width))
    return [g for g in groups if g]


def _split_at_gap(row: list[Word], min_gap: float) -> tuple[list[Word], list[Word]] | None:
    """The row cut at its single wide gap, or None when it has none or several."""
    cut = None
    for i in range(1, len(row)):
        if row[i].x0 - row[i - 1].x1 >= min_gap:
            if cut is not None:
                return None
            cut = i
    return (row[:cut], row[cut:]) if cut is not None else None


def _split_near(row: list[Word], x: float, min_gap: float
                ) -> tuple[list[Word], list[Word]] | None:
    """The row cut before a word starting at ``x`` after a gap, if there is one."""
    for i in range(1, len(row)):
        if abs(row[i].x0 - x) <= 4 and row[i].x0 - row[i - 1].x1 >= min_gap:
            return row[:i], row[i:]
    return None


def _side_by_side(rows: list[list[Word]], width: float) -> list[list[Line]]:
    """Lines in row order, except runs of side-by-side blocks (signature blocks, two parties'
    addresses) which are read left block first, then right block.

    A run is at least three rows, each cut by one wide gap at the same place (the right block
    starts at one x near the middle) or lying wholly on one side of it. Label/value rows (a
    label ending in ":" or a number on the right) are not runs: they read across.
    """
    if len(rows) < 3:
        return [[make_line(r) for r in rows]]
    groups: list[list[Line]] = []
    plain: list[list[Word]] = []
    i = 0
    while i < len(rows):
        run = _run_from(rows, i, width)
        if run is None:
            plain.append(rows[i])
            i += 1
            continue
        end, split_x = run
        if plain:
            groups.append([make_line(r) for r in plain])
            plain = []
        lefts = [[w for w in r if w.x0 < split_x - 2] for r in rows[i:end]]
        rights = [[w for w in r if w.x0 >= split_x - 2] for r in rows[i:end]]
        groups.append([make_line(r) for r in lefts if r])
        groups.append([make_line(r) for r in rights if r])
        i = end
    if plain:
        groups.append([make_line(r) for r in plain])
    return [g for g in groups if g]


def _run_from(rows: list[list[Word]], start: int, width: float) -> tuple[int, float] | None:
    """End (exclusive) and split x of a side-by-side run starting at ``rows[start]``."""
    first = rows[start]
    em = max(first[0].size, 1.0)
    cut = _split_at_gap(first, 3 * em)
    if cut is None:
        return None
    split_x = cut[1][0].x0
    if not 0.3 * width <= split_x <= 0.7 * width:
        return None
    pairs: list[tuple[list[Word], list[Word]]] = [cut]
    end = start + 1
    prev_top = min(w.top for w in first)
    while end < len(rows) and end - start < _MAX_RUN:
        row = rows[end]
        top = min(w.top for w in row)
        if top - prev_top > 3.5 * em:
            break
        c = _split_near(row, split_x, 0.5 * em)
        if c is not None:
            pairs.append(c)
        elif not (all(w.x1 < split_x - em for w in row) or all(w.x0 >= split_x - 4 for w in row)):
            break
        prev_top = top
        end += 1
    if len(pairs) < 3:
        return None
    labels = sum(1 for left, _ in pairs if left[-1].text.endswith(":"))
    numbers = sum(1 for _, right in pairs
                  if len(right) <= 3 and any(ch.isdigit() for w in right for ch in w.text))
    words_left = sorted(len(left) for left, _ in pairs)
    if labels * 2 >= len(pairs) or numbers * 2 >= len(pairs) or words_left[len(pairs) // 2] < 2:
        return None
    return end, split_x



def layout_page(
    words: Sequence[Word],
    width: float,
    body: float,
    tables: Sequence[TableGrid] = (),
    markers: Sequence[BBox] = (),
) -> list[FlowItem]:
    """Blocks and tables of one page in reading order.

    ``markers`` are bullets drawn as shapes (boxes in the words' frame); a line that starts
    just right of one gets a "•" word in its place, so it reads as a list item.
    """
    rows = rows_of(words)
    if markers:
        _attach_markers(rows, markers)
    flow_tables: list[FlowTable] = []
    gutter: tuple[float, float] | None | bool = False
    for found in (tables, None):
        if found is None:
            gutter = _gutter(rows, width)
            if gutter is not None:
                break  # two columns of prose: aligned lines there are not a table
        grids = found if found is not None else aligned_tables(rows)
        if not grids:
            continue
        all_words = [w for r in rows for w in r]
        taken: set[int] = set()
        for grid in grids:
            mine = [w for w in all_words if id(w) not in taken and inside(w, grid.bbox)]
            taken.update(id(w) for w in mine)
            flow_tables.append(fill_table(grid, mine))
        rows = [kept for kept in ([w for w in r if id(w) not in taken] for r in rows) if kept]
        if found is None:
            gutter = False  # rows changed: look again
    items: list[FlowItem] = []
    pending = sorted(flow_tables, key=lambda t: t.bbox[1])
    # Text above, between and below tables is laid out separately so a table keeps its place.
    bands: list[list[list[Word]]] = [[]]
    cuts = [t.bbox[1] for t in pending]
    ti = 0
    for r in rows:
        top = min(w.top for w in r)
        while ti < len(cuts) and top >= cuts[ti]:
            bands.append([])
            ti += 1
        bands[-1].append(r)
    while len(bands) < len(pending) + 1:
        bands.append([])
    for i, band in enumerate(bands):
        known = gutter if not pending else False  # one band holding every row: already known
        for group in _ordered_lines(band, width, known) if band else []:
            items.extend(blocks_from_lines(group, body))
        if i < len(pending):
            items.append(pending[i])
    return items
