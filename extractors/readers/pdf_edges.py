"""Ruling lines of a PDF page from PDFium's path objects, for pdfplumber's table finder.

pdfplumber finds tables from the page's *edges* (straight horizontal and vertical strokes and
the sides of rectangles); getting those edges from pdfplumber means pdfminer interpreting the
whole content stream in Python, about 12 ms a page. PDFium has already parsed the page, so its
path objects give the same edges for a fraction of that, and pdfplumber's ``TableFinder`` —
the geometry we borrow — runs on them unchanged (``pdf_tables.grids_from_edges``).

Edges follow pdfplumber's conventions: top-left origin relative to the media box, dictionaries
with ``x0, x1, top, bottom, width, height, orientation, object_type``. Straight segments only:
Bézier corners of rounded boxes and diagonal strokes are not table rulings. Paths inside form
XObjects are placed with the form's matrix. Counts are capped: a page of a hundred thousand
hairlines is a drawing, not a table.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

__all__ = ["page_edges"]

_MAX_EDGES = 5_000
_MAX_SEGMENTS = 2_000  # per path
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _then(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """``inner`` applied first, then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


class _Collector:
    def __init__(self, left: float, top: float) -> None:
        self.left, self.top = left, top
        self.edges: list[dict[str, Any]] = []
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()

    def path(self, obj: Any, outer: _Matrix) -> None:
        if not pdfium_c.FPDFPath_GetDrawMode(obj, self.fill, self.stroke):
            return
        if not self.fill.value and not self.stroke.value:
            return  # a clipping path paints nothing
        a, b, c, d, e, f = _then(_matrix(obj), outer)
        count = min(pdfium_c.FPDFPath_CountSegments(obj), _MAX_SEGMENTS)
        start: tuple[float, float] | None = None
        prev: tuple[float, float] | None = None
        x, y = self.x, self.y
        for k in range(count):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            px, py = x.value, y.value
            point = (a * px + c * py + e, b * px + d * py + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                self._edge(prev, point)
            prev = point
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                self._edge(point, start)
                prev = start

    def _edge(self, p0: tuple[float, float], p1: tuple[float, float]) -> None:
        if len(self.edges) >= _MAX_EDGES:
            return
        x0, x1 = sorted((p0[0] - self.left, p1[0] - self.left))
        top, bottom = sorted((self.top - p0[1], self.top - p1[1]))
        if abs(top - bottom) < 0.01:
            orientation = "h"
        elif abs(x0 - x1) < 0.01:
            orientation = "v"
        else:
            return
        self.edges.append({"object_type": "line", "orientation": orientation,
                           "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                           "doctop": top, "width": x1 - x0, "height": bottom - top})


def page_edges(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    """Horizontal and vertical straight edges of the page's painted paths (pdfplumber style)."""
    left, _, _, top = page.get_mediabox()
    out = _Collector(left, top)
    budget = [20_000]

    def walk(objects: Any, outer: _Matrix, depth: int) -> None:
        for obj in objects:
            budget[0] -= 1
            if budget[0] < 0 or len(out.edges) >= _MAX_EDGES:
                return
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                out.path(obj, outer)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
                inner = _then(_matrix(obj), outer)
                n = pdfium_c.FPDFFormObj_CountObjects(obj)
                walk((pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(max(n, 0))),
                     inner, depth + 1)

    n = pdfium_c.FPDFPage_CountObjects(page)
    walk((pdfium_c.FPDFPage_GetObject(page, i) for i in range(max(n, 0))), _IDENTITY, 0)
    return out.edges
