"""Table grids from pdfplumber's table finder, fed by either reader.

pdfplumber's line strategy (ruling lines, cell geometry) is the strength we borrow. The fast
path gives it the edges PDFium already parsed (``extractors.readers.pdf_edges``) and only on
pages that look ruled; the all-pdfplumber reference reader gives it a pdfplumber page. Both
return the same ``TableGrid`` list: tables with at least two rows and two columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from extractors.readers.flow import TableGrid
from models.document import BBox

__all__ = ["MAX_CROSSINGS", "TooDense", "grids_from_edges", "grids_from_pdfplumber"]


def _grids(tables: Iterable[Any]) -> list[TableGrid]:
    grids: list[TableGrid] = []
    for table in tables:
        rows: list[list[BBox | None]] = []
        for row in table.rows:
            rows.append([None if c is None else (float(c[0]), float(c[1]), float(c[2]),
                                                 float(c[3])) for c in row.cells])
        if len(rows) < 2 or max(sum(1 for c in r if c is not None) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        grids.append(TableGrid(bbox=(float(x0), float(top), float(x1), float(bottom)),
                               rows=rows))
    return grids


def grids_from_pdfplumber(page: Any) -> list[TableGrid]:
    """Tables of a pdfplumber page."""
    return _grids(page.find_tables())


# pdfplumber pairs every ruling crossing with every other to find cells (quadratic): a 100 × 100
# grid takes seconds, 150 × 150 ten. A priced table has a few hundred crossings; a page past
# this is a drawing, graph paper or an attack, and is read as text.
MAX_CROSSINGS = 4_000


class TooDense(ValueError):
    """The page draws more ruling lines than table finding is allowed to look at."""


def _crossings(edges: list[dict[str, Any]]) -> tuple[int, int]:
    rows = {round(e["top"]) for e in edges if e["orientation"] == "h" and e["width"] >= 3}
    cols = {round(e["x0"]) for e in edges if e["orientation"] == "v" and e["height"] >= 3}
    return len(rows), len(cols)


class _EdgesOnly:
    """The part of a pdfplumber page its line-strategy table finder reads."""

    def __init__(self, edges: list[dict[str, Any]], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0.0, 0.0, width, height)


def grids_from_edges(edges: list[dict[str, Any]], width: float,
                     height: float) -> list[TableGrid]:
    """Tables pdfplumber's finder makes of these edges (``pdf_edges.page_edges``); raises
    ``TooDense`` past ``MAX_CROSSINGS``."""
    from pdfplumber.table import TableFinder

    rows, cols = _crossings(edges)
    if rows * cols > MAX_CROSSINGS:
        raise TooDense(f"{rows} × {cols} ruling lines")
    return _grids(TableFinder(_EdgesOnly(edges, width, height)).tables)  # type: ignore[arg-type]
