"""Characters of one PDF page through PDFium's text API, with invisible text removed.

PDFium reads a page's text layer with character boxes in about a millisecond, so every page goes
through here. Text a reader cannot see is dropped and counted: render mode "invisible" or
"clip", fully transparent or white fill (unless drawn on a dark filled shape), outside the page
box, or under 1 pt. Invisible text over a page-size image is kept: that is a scanner's OCR layer.
"""

from __future__ import annotations

import ctypes
import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.readers.flow import Char, Word, stream_words, turn_box

__all__ = ["LIGATURES", "PageChars", "PageObjects", "is_marker", "page_chars", "page_objects"]

_MAX_OBJECTS = 20_000
_BLANKS = frozenset([0xA0, 0x3000, *range(0x2000, 0x200B)])
# Typographic ligatures spelled out, so "ﬁnal" matches "final".
LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
             0xFB05: "st", 0xFB06: "st"}
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_SPACE = (" ", 0.0, 0.0, 0.0, 0.0, 0.0, False)
_RECT = struct.Struct("4f")
_FORCE_BOLD = 1 << 18


@dataclass(slots=True)
class PageObjects:
    """What the page draws besides text, reduced to what the reader needs."""

    hlines: int = 0
    vlines: int = 0
    boxes: int = 0
    image_area: float = 0.0
    dark_fills: list[tuple[float, float, float, float]] = field(default_factory=list)
    # Small filled dots and squares: bullets drawn as shapes (browsers print lists this way).
    markers: list[tuple[float, float, float, float]] = field(default_factory=list)

    @property
    def looks_ruled(self) -> bool:
        """Enough ruling lines or boxes that a table may be drawn on the page."""
        return self.boxes >= 2 or (self.hlines >= 2 and self.vlines >= 2) or self.hlines >= 4


@dataclass(slots=True)
class PageChars:
    words: list[Word]
    total: int
    visible: int = 0
    hidden: int = 0
    unmapped: int = 0
    ocr_layer: bool = False
    turn: int = 0  # the page's text was turned clockwise by this much to run left to right
    width: float = 0.0  # size of the frame the words are in (the turned page)
    height: float = 0.0


def _bounds(obj: ctypes.c_void_p) -> tuple[float, float, float, float] | None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    return left.value, bottom.value, right.value, top.value


def page_objects(page: pdfium.PdfPage) -> PageObjects:
    """Ruling lines, boxes, images and dark fills of a page (up to a cap of objects).

    Form XObjects are entered (some producers draw the whole page inside one); inside them only
    sizes are used, since their coordinates are the form's own.
    """
    out = PageObjects()
    count = min(pdfium_c.FPDFPage_CountObjects(page), _MAX_OBJECTS)
    budget = [_MAX_OBJECTS]
    _scan((pdfium_c.FPDFPage_GetObject(page, i) for i in range(count)), out, budget, 0)
    return out


def _scan(objects: Iterable[Any], out: PageObjects, budget: list[int], depth: int) -> None:
    fillmode = ctypes.c_int()
    stroke = ctypes.c_int()
    rgba = [ctypes.c_uint() for _ in range(4)]
    for obj in objects:
        budget[0] -= 1
        if budget[0] < 0:
            return
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 4:
            n = min(pdfium_c.FPDFFormObj_CountObjects(obj), max(budget[0], 0))
            _scan((pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(n)), out, budget,
                  depth + 1)
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            b = _bounds(obj)
            if b and depth == 0:
                out.image_area += max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        b = _bounds(obj)
        if b is None:
            continue
        w, h = b[2] - b[0], b[3] - b[1]
        segments = pdfium_c.FPDFPath_CountSegments(obj)
        if w >= 20 and h <= 3:
            out.hlines += 1
        elif h >= 8 and w <= 3:
            out.vlines += 1
        elif w >= 20 and h >= 8:
            out.boxes += 1 if segments <= 6 else 3
        if depth == 0 and w > 1.5 and h > 1.5 \
                and pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke) \
                and fillmode.value and pdfium_c.FPDFPageObj_GetFillColor(obj, *rgba):
            r, g, bl, a = (c.value for c in rgba)
            if a > 0 and (r + g + bl) < 3 * 200:
                if w > 3 and h > 3:
                    out.dark_fills.append(b)
                if is_marker(w, h) and len(out.markers) < 2000:
                    out.markers.append(b)


def is_marker(width: float, height: float) -> bool:
    """The size of a bullet drawn as a shape: a dot or square of 1.5 to 8 points."""
    return 1.5 <= width <= 8 and 1.5 <= height <= 8 and abs(width - height) <= 1.5


class _Fast:
    """Private copies of the per-character PDFium calls, without argument conversion.

    pypdfium2's bindings type-check every pointer argument, which costs more than the call.
    These copies have no ``argtypes``: callers pass the text page and the box as ready-made
    ``c_void_p`` objects and the character index as a Python int (a C ``int``), so ctypes
    converts nothing per call (about a third less time per character).
    """

    def __init__(self) -> None:
        from pypdfium2_raw.bindings import _libs  # type: ignore[import-untyped]

        lib = _libs["pdfium"]  # lib[name] is a fresh function object each time: ours alone
        self.unicode = lib["FPDFText_GetUnicode"]
        self.unicode.restype = ctypes.c_uint
        self.textobj = lib["FPDFText_GetTextObject"]
        self.textobj.restype = ctypes.c_void_p
        self.loose_box = lib["FPDFText_GetLooseCharBox"]
        self.loose_box.restype = ctypes.c_int


_FAST: _Fast | None = None


def _fast() -> _Fast:
    global _FAST
    if _FAST is None:
        _FAST = _Fast()
    return _FAST


@dataclass(slots=True)
class _ObjInfo:
    size: float
    bold: bool
    hidden: str | None  # why every character of the object is hidden, or None
    white: bool
    unmapped: bool
    clip: tuple[float, float, float, float] | None
    turn: int = 0  # clockwise quarter turn that makes the object's text run left to right


def _clip_bounds(obj: Any) -> tuple[float, float, float, float] | None:
    """Bounding box of an object's clip path (page space), if it has one."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    xs: list[float] = []
    ys: list[float] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for p in range(min(pdfium_c.FPDFClipPath_CountPaths(clip), 16)):
        for k in range(min(pdfium_c.FPDFClipPath_CountPathSegments(clip, p), 64)):
            seg = pdfium_c.FPDFClipPath_GetPathSegment(clip, p, k)
            if seg and pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
                xs.append(x.value)
                ys.append(y.value)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _obj_info(textpage: pdfium.PdfTextPage, index: int, ocr_layer: bool,
              buf: ctypes.Array[ctypes.c_char], flags: ctypes.c_int) -> tuple[_ObjInfo, bool]:
    """Font, visibility and clip of the text object of character ``index``; and OCR layer."""
    size = float(pdfium_c.FPDFText_GetFontSize(textpage, index))
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    pdfium_c.FPDFText_GetFontInfo(textpage, index, buf, len(buf), flags)
    name = buf.value.decode("latin-1", "replace").lower()
    bold = weight >= 600 or any(k in name for k in _BOLD_NAMES) or bool(flags.value & _FORCE_BOLD)
    unmapped = pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1
    hidden: str | None = None
    white = False
    clip = None
    ocr = False
    handle = pdfium_c.FPDFText_GetTextObject(textpage, index)
    if handle:
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(handle)
        rgba = [ctypes.c_uint() for _ in range(4)]
        has_fill = pdfium_c.FPDFPageObj_GetFillColor(handle, *rgba)
        r, g, b, a = (c.value for c in rgba)
        if mode in (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP):
            hidden = None if ocr_layer else "invisible"
            ocr = ocr_layer
        elif mode == pdfium_c.FPDF_TEXTRENDERMODE_FILL and has_fill:
            if a == 0:
                hidden = "transparent"
            white = r >= 245 and g >= 245 and b >= 245
        clip = _clip_bounds(handle)
    if size < 1.0:
        hidden = "microscopic"
    angle = float(pdfium_c.FPDFText_GetCharAngle(textpage, index))
    turn = 0
    if angle >= 0:
        # PDFium measures clockwise; text running upward (270) is read after turning 90.
        turn = int(round(((360 - math.degrees(angle)) % 360) / 90)) % 4 * 90
    return _ObjInfo(size=size, bold=bold, hidden=hidden, white=white, unmapped=unmapped,
                    clip=clip, turn=turn), ocr


def _off_page(x0: float, y0: float, x1: float, y1: float,
              box: tuple[float, float, float, float]) -> bool:
    return x1 < box[0] - 1 or x0 > box[2] + 1 or y1 < box[1] - 1 or y0 > box[3] + 1


def _codes(textpage: pdfium.PdfTextPage, tp: ctypes.c_void_p, n: int, unicode: Any) -> list[int]:
    """UTF-16 code units of every character, in one call when PDFium maps them one to one."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = pdfium_c.FPDFText_GetText(textpage, 0, n, buf)
    if got == n + 1:
        return list(buf)[:n]
    return [unicode(tp, i) for i in range(n)]


def page_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, objects: PageObjects,
               max_chars: int) -> PageChars:
    """Visible words of the page in top-left coordinates; raises nothing on odd input."""
    left, bottom, right, top = page.get_mediabox()
    crop = page.get_cropbox()
    n = pdfium_c.FPDFText_CountChars(textpage)
    out = PageChars(words=[], total=max(n, 0))
    if n <= 0 or n > max_chars:
        return out
    page_area = max(1.0, (right - left) * (top - bottom))
    ocr_layer = objects.image_area >= 0.5 * page_area
    fast = _fast()
    tp = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    rect = pdfium_c.FS_RECTF()
    rect_ptr = ctypes.c_void_p(ctypes.addressof(rect))
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    # Per text object: (size, bold, hidden, needs a per-character check, unmapped, info, turn/90).
    cache: dict[int, tuple[float, bool, bool, bool, bool, _ObjInfo, int]] = {}
    turns = [0, 0, 0, 0]  # visible characters per text direction
    chars: list[Char] = []
    append = chars.append
    dark = objects.dark_fills
    unicode, textobj, loose_box = fast.unicode, fast.textobj, fast.loose_box
    unpack_box = _RECT.unpack_from  # FS_RECTF: left, top, right, bottom
    cx0, cy0, cx1, cy1 = crop[0] - 1, crop[1] - 1, crop[2] + 1, crop[3] + 1
    visible = hidden_count = unmapped = 0
    pending_high = 0
    blanks = _BLANKS
    for i, code in enumerate(_codes(textpage, tp, n, unicode)):
        if code <= 0x20 or code >= 0xD800 or code in blanks:  # one test for ordinary text
            if code == 0x02:
                code = 0x2D  # PDFium's mark for a hyphen that ends a line
            elif code == 0x20 or code in blanks:
                # A space still separates words (PDFium's generated ones included); words
                # only need to know where they end, not the gap's box.
                append(_SPACE)
                continue
            elif code < 0x20 or code == 0xFFFE or code == 0xFFFF:
                continue  # a line end or a control character
            elif code <= 0xDFFF:  # UTF-16 surrogate halves
                if code <= 0xDBFF:
                    pending_high = code
                    continue
                if not pending_high:
                    continue
                code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
                pending_high = 0
        obj = textobj(tp, i) or 0
        entry = cache.get(obj)
        if entry is None:
            info, ocr = _obj_info(textpage, i, ocr_layer, buf, flags)
            entry = cache[obj] = (info.size, info.bold, info.hidden is not None,
                                  info.clip is not None or info.white, info.unmapped, info,
                                  info.turn // 90)
            out.ocr_layer = out.ocr_layer or ocr
        size, bold, gone, check, bad_map, info, quarter = entry
        if not loose_box(tp, i, rect_ptr):
            continue
        x0, y1, x1, y0 = unpack_box(rect)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        if bad_map:
            unmapped += 1
        # Written so that NaN or infinite boxes (absurd matrices) count as off the page.
        if gone or not (y1 - y0 >= 1.0 and x1 >= cx0 and x0 <= cx1 and y1 >= cy0
                        and y0 <= cy1 and x1 - x0 < 5000 and y1 - y0 < 5000):
            hidden_count += 1
            continue
        if check:
            mx, my = (x0 + x1) * 0.5, (y0 + y1) * 0.5
            c = info.clip
            if c is not None and not (c[0] - 1 <= mx <= c[2] + 1 and c[1] - 1 <= my <= c[3] + 1):
                hidden_count += 1
                continue
            if info.white and not any(f[0] <= mx <= f[2] and f[1] <= my <= f[3] for f in dark):
                hidden_count += 1
                continue
        visible += 1
        turns[quarter] += 1
        append((chr(code) if code < 0xFB00 or code > 0xFB06 else LIGATURES[code],
                x0 - left, top - y1, x1 - left, top - y0, size, bold))
    out.width, out.height = right - left, top - bottom
    dominant = max(range(4), key=lambda k: turns[k])
    if turns[dominant] > turns[0]:
        # Most text runs up, down or upside down (a landscape page printed on portrait, with
        # or without /Rotate): read it in the frame where it runs left to right.
        out.turn = dominant * 90
        w0, h0 = out.width, out.height
        chars = [(c[0], *turn_box((c[1], c[2], c[3], c[4]), out.turn, w0, h0), c[5], c[6])
                 for c in chars]
        if out.turn in (90, 270):
            out.width, out.height = h0, w0
    out.words = stream_words(chars)
    out.visible = visible
    out.hidden = hidden_count
    out.unmapped = unmapped
    return out
