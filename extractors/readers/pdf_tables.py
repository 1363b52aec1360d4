"""Table finding with pdfplumber, only on pages that look tabular.

pdfplumber's ``find_tables`` is the strength we borrow (ruling lines, cell geometry). Most of its
cost is turning every glyph into a character object, which its line strategy never looks at,
so the fast path gives it a page parsed without characters (the glyphs still advance the text
position; nothing else changes). It runs only where PDFium saw ruling lines or boxes; the
document is opened once, lazily, and every page is closed after use.
"""

from __future__ import annotations

import io
from typing import Any

from extractors.readers.flow import TableGrid
from models.document import BBox

__all__ = ["TableFinder", "grids_from_pdfplumber"]


def _lines_only_layout(page: Any) -> Any:
    """The page's layout objects without characters (lines, rects, curves, images)."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class LinesOnly(PDFPageAggregatorWithMarkedContent):
        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float,
                        rise: float, cid: int, ncs: Any, graphicstate: Any) -> float:
            return float(font.char_width(cid)) * fontsize * scaling

    device = LinesOnly(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    return device.get_result()


def grids_from_pdfplumber(page: Any, *, lines_only: bool = False) -> list[TableGrid]:
    """Tables of a pdfplumber page with at least two rows and two columns."""
    grids: list[TableGrid] = []
    if lines_only and not hasattr(page, "_layout"):
        page._layout = _lines_only_layout(page)
    for table in page.find_tables():
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


class TableFinder:
    """Opens the PDF in pdfplumber on first use; ``close`` releases it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None
        self.failed = False

    def find(self, index: int) -> list[TableGrid]:
        if self.failed:
            return []
        try:
            if self._pdf is None:
                import pdfplumber

                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            page = self._pdf.pages[index]
            try:
                return grids_from_pdfplumber(page, lines_only=True)
            finally:
                page.close()
        except Exception:  # noqa: BLE001 - pdfplumber is optional here: text still reads.
            self.failed = True
            return []

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
