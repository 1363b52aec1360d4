"""OCR of pages without a usable text layer, with Tesseract through pytesseract.

Contract (stable; the PDF reader depends on it):

    ocr_available(language="eng") -> bool
        The tesseract binary runs and lists every language of ``language`` ("eng", "eng+fra").
        Cached per (binary, language).
    needs_ocr(text, char_count, page_area) -> bool
        True when a page's text layer is unusable: no text, too little text for the page,
        ``(cid:NN)`` runs, mostly non-printable / replacement characters, glyphs without Unicode,
        or a very low ratio of letters and digits.
    ocr_page(page, page_number, settings) -> OcrPage
        Render one ``pypdfium2.PdfPage`` at ``settings.ocr_dpi`` (never finer than the scan
        itself, capped in pixels), straighten a small tilt (projection profile over -3..3
        degrees), read it (Sauvola thresholding), and when the reading is poor or sideways ask
        Tesseract's OSD which way is up and read it turned; every box is mapped back to the
        page as displayed.
    ocr_image(image, scale, page_number, settings) -> OcrPage
        The same for an image already rendered at ``scale`` pixels per point.
    ocr_pages(pdf_path, page_numbers, settings) -> dict[int, OcrPage]
        The same for several pages of one file (a path or its bytes), in parallel across cores
        (one key per requested 1-based page number).
    verify_digits(page, region_bbox, text_layer_text, settings) -> bool | None
        OCR a small region and say whether its digits agree with what the text layer claims is
        there (None when OCR is unavailable; True when the claimed text has no digits).
    text_layer_agrees(page, text_layer_text, settings) -> bool | None
        OCR the whole page coarsely and say whether it reads what the text layer says (for
        pages that look suspicious; None when OCR is unavailable).

    OcrWord(text, bbox, confidence, bold=False)
    OcrLine(words, bbox, size=0.0)          .text .confidence .bold
    OcrParagraph(lines, bbox)               .text
    OcrPage(paragraphs, mean_confidence, rotation, skew, dpi)   .lines .words .text
    OcrUnavailable (code "ocr_unavailable") > OcrFailed (code "ocr_failed")
    cpu_cores() -> int

Fields after the first ones of each record have defaults, so records built by position with
the first fields keep working as fields are added.

Boxes are ``(x0, top, x1, bottom)`` in PDF points from the top-left corner of the page as
pypdfium2 renders it (the page's own /Rotate applied), like every box of ``models.Document``.
Confidences are 0..1. ``OcrPage.rotation`` is how many degrees (0, 90, 180, 270) the page image
was turned clockwise to read it; ``OcrPage.skew`` is the tilt of the scan in degrees
(counter-clockwise positive) that was straightened before reading.

Errors: ``OcrUnavailable`` (code ``ocr_unavailable``) when Tesseract or its language data is
missing; its subclass ``OcrFailed`` (code ``ocr_failed``) when Tesseract fails on one image; a
``models.errors.Timeout`` when Tesseract passes ``settings.time_limit_s``. Both OCR errors mean
"this page could not be read by OCR", which the reader records as a flagged, empty page.

Why threads and not processes for ``ocr_pages``: the work that costs is Tesseract itself, which
runs as a child process per call, so a thread per core already keeps every core busy; threads
also work inside the sandbox's daemonic worker, which may not start child Python processes, and
do not copy the document into each worker. pdfium is not thread-safe, so every pdfium call here
holds one module lock. Tesseract's own OpenMP threads are limited to one per call
(``OMP_THREAD_LIMIT=1`` in the environment unless already set): measured here, a page took
2.7 s with its default threading and 0.7 s without, and parallel pages oversubscribe the cores.
"""

from __future__ import annotations

import functools
import math
import os
import re
import subprocess
import tempfile
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2
import pytesseract
from PIL import Image

from models.errors import HandoffError, Timeout
from models.settings import Settings

__all__ = [
    "OcrFailed",
    "OcrLine",
    "OcrPage",
    "OcrParagraph",
    "OcrUnavailable",
    "OcrWord",
    "cpu_cores",
    "needs_ocr",
    "ocr_available",
    "ocr_image",
    "ocr_page",
    "ocr_pages",
    "text_layer_agrees",
    "verify_digits",
]

BBox = tuple[float, float, float, float]

MAX_PIXELS = 30_000_000
"""Largest rendered image; a bigger page is rendered at a lower resolution (A0 at 200 dpi)."""
MIN_SCAN_DPI = 150
"""A scan coarser than this is still enlarged to it: Tesseract wants letters of ~20 pixels."""
VERIFY_DPI = 300
"""Resolution of the small regions read by ``verify_digits`` (digits must be exact)."""
_MAX_SKEW = 3.0
_MIN_SKEW = 0.1
_MIN_OSD_CONFIDENCE = 2.0
_NOISE_CONFIDENCE = 0.3
_UPRIGHT_CONFIDENCE = 0.75
_UPRIGHT_WORDS = 5
_BOLD_RATIO = 1.3
_PDFIUM_LOCK = threading.Lock()


class OcrUnavailable(HandoffError):
    """Tesseract (or the language data it needs) is not installed."""

    code = "ocr_unavailable"
    stage = "read"


class OcrFailed(OcrUnavailable):
    """Tesseract ran but could not read one page image."""

    code = "ocr_failed"


@dataclass(frozen=True, slots=True)
class OcrWord:
    text: str
    bbox: BBox
    confidence: float
    bold: bool = False
    """Stems clearly wider than the page's usual text for their size: a hint for headings."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    words: tuple[OcrWord, ...]
    bbox: BBox
    size: float = 0.0
    """Height of the line's tallest word in points, measured upright (close to the font size)."""

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        return _mean_confidence(self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


@dataclass(frozen=True, slots=True)
class OcrParagraph:
    lines: tuple[OcrLine, ...]
    bbox: BBox

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class OcrPage:
    paragraphs: tuple[OcrParagraph, ...]
    mean_confidence: float
    rotation: int
    skew: float
    dpi: int

    @property
    def lines(self) -> Iterator[OcrLine]:
        for paragraph in self.paragraphs:
            yield from paragraph.lines

    @property
    def words(self) -> Iterator[OcrWord]:
        for line in self.lines:
            yield from line.words

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


# ---------------------------------------------------------------------------------------------
# Availability and the decision to OCR


def ocr_available(language: str = "eng") -> bool:
    """Whether Tesseract runs here and has every language of ``language`` (e.g. "eng+fra")."""
    return _available(str(pytesseract.pytesseract.tesseract_cmd), language)


@functools.lru_cache(maxsize=16)
def _available(cmd: str, language: str) -> bool:
    try:
        done = subprocess.run(
            [cmd, "--list-langs"], capture_output=True, timeout=30, check=False,
            env=_tesseract_env(),
        )
    except (OSError, subprocess.SubprocessError):
        return False
    if done.returncode != 0:
        return False
    listed = {ln.strip() for ln in done.stdout.decode("utf-8", "replace").splitlines()[1:]}
    wanted = {part for part in language.split("+") if part}
    return bool(wanted) and wanted <= listed


_CID_RE = re.compile(r"\(cid:\d+\)")
_MIN_ALNUM = 10
_MIN_ALNUM_RATIO = 0.5
_MAX_BAD_RATIO = 0.3
_MIN_UNICODE_RATIO = 0.25
_LEADERS = frozenset("_-.=\u2026\u00b7\u2013\u2014")
_SMALL_PAGE_AREA = 144.0 * 144.0  # 2 in x 2 in: labels and stamps, not pages


def needs_ocr(text: str, char_count: int, page_area: float) -> bool:
    """Whether a page's text layer is unusable and the page should be read by OCR instead.

    ``text`` is the page's extracted text, ``char_count`` the number of characters the PDF
    draws on it (glyphs, whether or not they map to Unicode), ``page_area`` its area in square
    points. A scan usually has no text at all, or only a stamp ("Page 3 of 4", a Bates number);
    a broken font gives ``(cid:12)`` runs, private-use or replacement characters, or glyphs with
    no Unicode at all.
    """
    cids = len(_CID_RE.findall(text))
    rest = _CID_RE.sub("", text)
    visible = [c for c in rest if not c.isspace()]
    if cids and cids >= len(visible) / 4:
        return True
    alnum = sum(1 for c in visible if c.isalnum())
    if alnum < _MIN_ALNUM and page_area >= _SMALL_PAGE_AREA:
        return True
    if not visible:
        return True
    bad = sum(1 for c in visible if _is_bad_char(c))
    if bad / len(visible) > _MAX_BAD_RATIO:
        return True
    # Fill-in lines and dot leaders ("Signature: ________", "Total ........ $500") say nothing
    # about the font: they do not count against the share of letters and digits.
    wordy = [c for c in visible if c not in _LEADERS]
    if wordy and alnum / len(wordy) < _MIN_ALNUM_RATIO:
        return True
    # Many drawn glyphs but little text: the font has no Unicode map.
    return char_count >= 4 * _MIN_ALNUM and len(visible) + cids < _MIN_UNICODE_RATIO * char_count


def _is_bad_char(c: str) -> bool:
    if c == "\ufffd":
        return True
    category = unicodedata.category(c)
    return category in ("Cc", "Cf", "Co", "Cs", "Cn")


# ---------------------------------------------------------------------------------------------
# Reading pages


def ocr_page(page: pypdfium2.PdfPage, page_number: int, settings: Settings) -> OcrPage:
    """Render one page and read it with Tesseract (orientation and tilt corrected)."""
    _require(settings, page_number)
    deadline = time.monotonic() + settings.time_limit_s
    with _PDFIUM_LOCK:
        image, scale = _render_page(page, settings.ocr_dpi)
    return ocr_image(image, scale, page_number, settings, deadline=deadline)


def ocr_pages(
    pdf_path: Path | str | bytes,
    page_numbers: Iterable[int],
    settings: Settings,
    *,
    workers: int | None = None,
) -> dict[int, OcrPage]:
    """Read several 1-based pages of one PDF, ``min(cores, pages)`` at a time.

    ``pdf_path`` may also be the file's bytes (as the gate read them), so the file is not
    opened a second time by name.

    ``workers`` overrides the number of pages read at once (the benchmark compares 1 and N).
    Raises the first error met (``OcrUnavailable`` before any work when Tesseract is missing).
    """
    numbers = sorted(set(page_numbers))
    if not numbers:
        return {}
    _require(settings, numbers[0])
    _limit_threads()  # before any thread starts: setting the environment is not thread-safe
    deadline = time.monotonic() + settings.time_limit_s
    with _PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(pdf_path if isinstance(pdf_path, bytes) else str(pdf_path))
    try:
        count = len(pdf)
        outside = [n for n in numbers if not 1 <= n <= count]
        if outside:
            raise ValueError(f"page {outside[0]} is not in a PDF of {count} page(s)")
        workers = max(1, min(workers or cpu_cores(), len(numbers)))

        def one(number: int) -> OcrPage:
            with _PDFIUM_LOCK:
                page = pdf[number - 1]
                try:
                    image, scale = _render_page(page, settings.ocr_dpi)
                finally:
                    page.close()
            return ocr_image(image, scale, number, settings, deadline=deadline)

        if workers == 1:
            return {n: one(n) for n in numbers}
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
            return dict(zip(numbers, pool.map(one, numbers), strict=True))
    finally:
        with _PDFIUM_LOCK:
            pdf.close()


def ocr_image(
    image: Image.Image,
    scale: float,
    page_number: int,
    settings: Settings,
    *,
    deadline: float | None = None,
) -> OcrPage:
    """Read a page image rendered at ``scale`` pixels per point; boxes come back in points.

    Most scans stand upright, so the page is first read as it is (tilt straightened); only when
    that reading is poor is Tesseract's orientation detection (OSD, as costly as a reading) asked
    whether the page lies on its side or upside down, and the page read again turned.
    """
    _require(settings, page_number)
    if deadline is None:
        deadline = time.monotonic() + settings.time_limit_s
    run = _Runner(settings, page_number, deadline)
    dpi = round(scale * 72)
    gray = image.convert("L")
    page, sideways = _read_turned(gray, 0, scale, dpi, run)
    good = page.mean_confidence >= _UPRIGHT_CONFIDENCE and _word_count(page) >= _UPRIGHT_WORDS
    if good and not sideways:
        return page
    # Tesseract reads a sideways page line by line on its own, but worse, and its boxes stand
    # on end; ask OSD which way is up and read the page turned.
    rotation = _orientation(gray if sideways else _turn(gray, -page.skew), dpi, run)
    candidates = [rotation] if rotation else ([90, 270] if sideways else [])
    best = page
    for turn in candidates:
        turned, still_sideways = _read_turned(gray, turn, scale, dpi, run)
        if still_sideways:
            continue
        if turned.mean_confidence >= best.mean_confidence or best is page and sideways:
            best = turned
    return best


def _word_count(page: OcrPage) -> int:
    return sum(len(line.words) for line in page.lines)


def _turn(image: Image.Image, angle: float) -> Image.Image:
    """Rotate counter-clockwise by ``angle`` degrees, growing the canvas, filling with white."""
    if not angle:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def _read_turned(
    gray: Image.Image, rotation: int, scale: float, dpi: int, run: _Runner
) -> tuple[OcrPage, bool]:
    """Turn the page clockwise by ``rotation``, straighten its tilt, read it, map boxes back.

    Also says whether the reading looks sideways: most words taller than wide.
    """
    upright = _turn(gray, -rotation)
    skew = _estimate_skew(upright)
    angle = -rotation - skew
    final = _turn(gray, angle)
    # Sauvola (local) thresholding: as good as the default Otsu on even scans, and it keeps the
    # text in the shadowed half of a phone photo, which a global threshold turns black.
    data = run.data(final, f"--psm 3 --dpi {dpi} -c thresholding_method=2")
    back = _Unrotate(angle, gray.size, final.size, scale, gray.size)
    paragraphs = _group(data, back, _ink(final))
    words = [w for p in paragraphs for ln in p.lines for w in ln.words]
    page = OcrPage(
        paragraphs=paragraphs,
        mean_confidence=_mean_confidence(words),
        rotation=rotation % 360,
        skew=skew,
        dpi=dpi,
    )
    return page, _looks_sideways(data)


def _looks_sideways(data: dict[str, list[Any]]) -> bool:
    """Most words of three letters or more are taller than wide in the image read."""
    tall = wide = 0
    for i, raw in enumerate(data.get("text", [])):
        if int(data["level"][i]) != 5 or len(str(raw).strip()) < 3:
            continue
        if int(data["height"][i]) > int(data["width"][i]):
            tall += 1
        else:
            wide += 1
    return tall > wide


def _require(settings: Settings, page_number: int) -> None:
    if not ocr_available(settings.ocr_language):
        raise OcrUnavailable(
            f"page {page_number}: OCR unavailable (Tesseract with language "
            f"'{settings.ocr_language}' is not installed)"
        )


def cpu_cores() -> int:
    """Cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _render_page(page: pypdfium2.PdfPage, dpi: int) -> tuple[Image.Image, float]:
    """Grayscale image of the page as displayed, and its pixels per point (size capped).

    A scan is rendered no finer than the resolution it was scanned at (but at least
    ``MIN_SCAN_DPI``): enlarging a 200 dpi scan to 300 dpi adds blur and time, no detail.
    """
    width, height = page.get_size()
    if page.get_rotation() in (90, 270):
        width, height = height, width
    native = _scan_dpi(page, width * height)
    if native is not None:
        dpi = min(dpi, max(native, MIN_SCAN_DPI))
    scale = dpi / 72
    area = max(width, 1.0) * max(height, 1.0) * scale * scale
    if area > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (max(width, 1.0) * max(height, 1.0)))
    try:
        bitmap = page.render(scale=scale, grayscale=True)
    except pypdfium2.PdfiumError as exc:
        raise OcrFailed(f"the page could not be rendered for OCR ({exc})") from exc
    try:
        image = bitmap.to_pil().convert("L")
    finally:
        bitmap.close()
    return image, scale


def _scan_dpi(page: pypdfium2.PdfPage, page_area: float) -> int | None:
    """Resolution of the image that covers most of the page (a scan), if there is one."""
    import pypdfium2.raw as pdfium_c

    best: tuple[float, int] | None = None
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            area = max(0.0, right - left) * max(0.0, top - bottom)
            px_w, px_h = obj.get_px_size()
            if area < 0.5 * page_area or px_w <= 0 or px_h <= 0:
                continue
            # Pixels along the longer side over its length in inches (robust to a turned image).
            long_px, long_pt = max(px_w, px_h), max(right - left, top - bottom)
            if best is None or area > best[0]:
                best = (area, round(long_px / (long_pt / 72)))
    except (pypdfium2.PdfiumError, ValueError, TypeError):
        return None
    return best[1] if best else None


# ---------------------------------------------------------------------------------------------
# Tesseract calls


def _tesseract_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def _limit_threads() -> None:
    """One OpenMP thread per Tesseract run (see the module docstring), unless set already.

    pytesseract starts tesseract with the process environment and takes no ``env`` argument,
    so the limit has to live there.
    """
    if "OMP_THREAD_LIMIT" not in os.environ:
        os.environ["OMP_THREAD_LIMIT"] = "1"


class _Runner:
    """Tesseract calls for one page, sharing a deadline and turning failures into typed errors."""

    def __init__(self, settings: Settings, page_number: int, deadline: float):
        self.settings = settings
        self.page_number = page_number
        self.deadline = deadline

    def _remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self._timeout()
        return left

    def _timeout(self) -> Timeout:
        return Timeout(
            f"page {self.page_number}: OCR passed the time limit of "
            f"{self.settings.time_limit_s:g} s", stage="read",
        )

    def call(self, fn: Any, image: Image.Image, **kwargs: Any) -> Any:
        _limit_threads()
        try:
            # Handed over as an uncompressed PGM file: pytesseract would write a PNG, and
            # compressing a page costs about a quarter of a second for nothing.
            with tempfile.TemporaryDirectory(prefix="handoff-ocr-") as folder:
                path = os.path.join(folder, "page.pgm")
                image.convert("L").save(path, format="PPM")
                return fn(path, timeout=self._remaining(), **kwargs)
        except pytesseract.TesseractNotFoundError as exc:
            _available.cache_clear()
            raise OcrUnavailable(
                f"page {self.page_number}: OCR unavailable (Tesseract not found)"
            ) from exc
        except pytesseract.TesseractError as exc:
            raise OcrFailed(
                f"page {self.page_number}: Tesseract failed: {str(exc.message)[:200]}"
            ) from exc
        except RuntimeError as exc:
            if "timeout" in str(exc).lower():
                raise self._timeout() from exc
            raise

    def data(self, image: Image.Image, config: str) -> dict[str, list[Any]]:
        result: dict[str, list[Any]] = self.call(
            pytesseract.image_to_data, image, lang=self.settings.ocr_language, config=config,
            output_type=pytesseract.Output.DICT,
        )
        return result

    def osd(self, image: Image.Image, dpi: int) -> dict[str, Any]:
        result: dict[str, Any] = self.call(
            pytesseract.image_to_osd, image, config=f"--psm 0 --dpi {dpi}",
            output_type=pytesseract.Output.DICT,
        )
        return result


def _orientation(image: Image.Image, dpi: int, run: _Runner) -> int:
    """Degrees (clockwise) to turn the image so its text stands upright; 0 when unsure."""
    try:
        osd = run.osd(image, dpi)
        rotate = int(osd.get("rotate", 0)) % 360
        confidence = float(osd.get("orientation_conf", 0.0))
    except (OcrFailed, ValueError, TypeError):
        return 0  # too few characters to tell (or an answer we cannot parse): read as it is
    if rotate not in (90, 180, 270) or confidence < _MIN_OSD_CONFIDENCE:
        return 0
    return rotate


# ---------------------------------------------------------------------------------------------
# Geometry: skew and mapping boxes back to the page


def _estimate_skew(image: Image.Image) -> float:
    """Tilt of the text lines in degrees (counter-clockwise positive), by projection profile.

    Ink pixels of a reduced copy are projected onto rows along candidate angles; the angle whose
    row histogram changes most sharply from row to row lines the text up with the pixel rows.
    A shear (row + x * tan) stands in for a rotation: exact enough over a few degrees, and a
    histogram per angle costs a millisecond.
    """
    small = image.copy()
    small.thumbnail((1000, 1000))
    pixels = np.asarray(small, dtype=np.uint8)
    if pixels.size == 0:
        return 0.0
    dark, light = np.percentile(pixels, [1, 50])
    if light - dark < 40:
        return 0.0  # blank or uniform page
    ys, xs = np.nonzero(pixels < (dark + light) / 2)
    if len(ys) < 200:
        return 0.0
    xs = xs - pixels.shape[1] / 2
    ys = ys.astype(np.float64)

    def score(angle: float) -> float:
        rows = np.round(ys - xs * math.tan(math.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min()).astype(np.float64)
        return float(np.square(np.diff(counts)).sum())

    coarse = [a / 4 for a in range(int(-_MAX_SKEW * 4), int(_MAX_SKEW * 4) + 1)]
    best = max(coarse, key=score)
    fine = [best + a / 20 for a in range(-5, 6)]
    skew = -max(fine, key=score)
    return round(skew, 2) if abs(skew) >= _MIN_SKEW else 0.0


class _Unrotate:
    """Maps pixel boxes of the turned image back to points on the page as displayed.

    Mirrors Pillow's ``Image.rotate(angle, expand=True)``: a point of the output maps to the
    input by ``M (p - c_out) + c_in``, M the rotation by ``-angle``.
    """

    def __init__(
        self, angle: float, size_in: tuple[int, int], size_out: tuple[int, int], scale: float,
        page_px: tuple[int, int],
    ) -> None:
        theta = -math.radians(angle)
        self.cos, self.sin = math.cos(theta), math.sin(theta)
        self.c_in = (size_in[0] / 2, size_in[1] / 2)
        self.c_out = (size_out[0] / 2, size_out[1] / 2)
        self.scale = scale
        self.limit = (page_px[0] / scale, page_px[1] / scale)

    def point(self, x: float, y: float) -> tuple[float, float]:
        dx, dy = x - self.c_out[0], y - self.c_out[1]
        return (self.cos * dx + self.sin * dy + self.c_in[0],
                -self.sin * dx + self.cos * dy + self.c_in[1])

    def box(self, left: float, top: float, width: float, height: float) -> BBox:
        corners = [self.point(x, y) for x in (left, left + width) for y in (top, top + height)]
        xs = [min(max(p[0] / self.scale, 0.0), self.limit[0]) for p in corners]
        ys = [min(max(p[1] / self.scale, 0.0), self.limit[1]) for p in corners]
        return (round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2))


def _union(boxes: Sequence[BBox]) -> BBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _mean_confidence(words: Sequence[OcrWord]) -> float:
    """Mean word confidence weighted by word length (long words say more)."""
    total = sum(len(w.text) for w in words)
    if not total:
        return 0.0
    return round(sum(w.confidence * len(w.text) for w in words) / total, 4)


_BULLET_LOOKALIKES = frozenset("*\u00a2e\u00ab\u00b0\u00a9@\u00bbo\u00ae+\u2022\u25cf\u00b7")


def _ink(image: Image.Image) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Dark pixels of the image read (True where ink)."""
    pixels = np.asarray(image, dtype=np.uint8)
    if pixels.size == 0:
        return np.zeros(pixels.shape, dtype=np.bool_)
    dark, light = np.percentile(pixels[::4, ::4], [1, 50])  # a sample is enough for levels
    result: np.ndarray[Any, np.dtype[np.bool_]] = pixels < (dark + light) / 2
    return result


def _stroke_width(cut: np.ndarray[Any, np.dtype[np.bool_]]) -> float:
    """Median length of the horizontal ink runs in a word box: the width of its stems."""
    if cut.size == 0:
        return 0.0
    padded = np.pad(cut.astype(np.int8), ((0, 0), (1, 1)))
    steps = np.diff(padded, axis=1)
    starts = np.nonzero(steps == 1)[1]
    ends = np.nonzero(steps == -1)[1]
    runs = ends - starts
    runs = runs[runs <= max(2, cut.shape[0] // 4)]  # stems, not horizontal bars
    if len(runs) < 3:
        return 0.0
    return float(runs.mean())


def _bold_flags(strokes: list[float]) -> list[bool | None]:
    """Words whose stems (relative to the font size) are well above the page's median: bold.

    None for words too short to measure; their line decides.
    """
    measured = sorted(d for d in strokes if d > 0)
    if len(measured) < 5:
        return [False] * len(strokes)
    median = measured[len(measured) // 2]
    return [d >= _BOLD_RATIO * median if d > 0 else None for d in strokes]


def _group(
    data: dict[str, list[Any]],
    back: _Unrotate,
    ink: np.ndarray[Any, np.dtype[np.bool_]],
) -> tuple[OcrParagraph, ...]:
    """Words of ``image_to_data`` grouped by Tesseract's block / paragraph / line numbers."""
    kept: list[tuple[int, str, float, float]] = []
    for i, raw in enumerate(data.get("text", [])):
        text = str(raw).strip()
        if int(data["level"][i]) != 5 or not text:
            continue
        confidence = max(0.0, min(1.0, float(data["conf"][i]) / 100))
        if (
            confidence < _NOISE_CONFIDENCE and not any(c.isalnum() for c in text)
            and not (int(data["word_num"][i]) == 1 and text in _BULLET_LOOKALIKES)
        ):
            continue  # specks and scribbles read as punctuation (a line's bullet is kept)
        left, top = int(data["left"][i]), int(data["top"][i])
        cut = ink[top:top + int(data["height"][i]), left:left + int(data["width"][i])]
        stroke = _stroke_width(cut) if len(text) >= 3 else 0.0
        kept.append((i, text, confidence, stroke))
    # Stems relative to the line's height (the font size), which a word's own height is not.
    line_height: dict[tuple[int, int, int], int] = {}
    for i, *_ in kept:
        key3 = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        line_height[key3] = max(line_height.get(key3, 0), int(data["height"][i]))
    bold = _bold_flags([
        stroke / max(1, line_height[(int(data["block_num"][i]), int(data["par_num"][i]),
                                     int(data["line_num"][i]))])
        for i, _, _, stroke in kept
    ])
    paragraphs: dict[tuple[int, int], dict[int, list[tuple[OcrWord, float, bool | None]]]] = {}
    for (i, text, confidence, _), heavy in zip(kept, bold, strict=True):
        width, height = float(data["width"][i]), float(data["height"][i])
        box = back.box(float(data["left"][i]), float(data["top"][i]), width, height)
        key = (int(data["block_num"][i]), int(data["par_num"][i]))
        lines = paragraphs.setdefault(key, {})
        lines.setdefault(int(data["line_num"][i]), []).append(
            (OcrWord(text=text, bbox=box, confidence=round(confidence, 4)), height, heavy)
        )
    out: list[OcrParagraph] = []
    for lines in paragraphs.values():
        built = tuple(_line(entries, back.scale) for entries in lines.values())
        out.append(OcrParagraph(lines=built, bbox=_union([ln.bbox for ln in built])))
    return tuple(out)


def _line(entries: list[tuple[OcrWord, float, bool | None]], scale: float) -> OcrLine:
    measured = [b for *_, b in entries if b is not None]
    # Short words ("of", "&") cannot be measured: they share their line's weight.
    line_bold = bool(measured) and all(measured)
    words = [
        replace(w, bold=line_bold if b is None else b) if (b or line_bold) else w
        for w, _, b in entries
    ]
    size = max(h for _, h, _ in entries) / scale
    first = words[0]
    if (
        len(words) > 1 and first.text in _BULLET_LOOKALIKES
        and (words[1].text[0].isupper() or words[1].text[0].isdigit())
    ):
        # A bullet glyph read as a letter or sign ("e Install", "* Remove", "¢ Furnish").
        words[0] = OcrWord(text="\u2022", bbox=first.bbox, confidence=first.confidence,
                           bold=first.bold)
    return OcrLine(words=tuple(words), bbox=_union([w.bbox for w in words]), size=round(size, 2))


# ---------------------------------------------------------------------------------------------
# Checking a text layer against the image


_DIGIT_WHITELIST = "0123456789.,$-/%"
_VERIFY_ENLARGE_PIXELS = 1_000_000


def verify_digits(
    page: pypdfium2.PdfPage, region_bbox: BBox, text_layer_text: str, settings: Settings
) -> bool | None:
    """Whether the digits the text layer claims in ``region_bbox`` are the digits on the image.

    A font whose Unicode map swaps digits, or invisible text laid over a picture of other
    numbers, makes the text layer say 87,499.99 where the page shows 12,500.00. The region is
    rendered at ``VERIFY_DPI`` and read a few ways (single line, block, enlarged, digits only);
    it agrees when any reading contains the claimed digit sequence, so one misread digit does
    not raise a false alarm. None when OCR is unavailable or fails on the region (no answer);
    True when the claim has no digits.
    """
    claimed = _digits(text_layer_text)
    if not claimed:
        return True
    if not ocr_available(settings.ocr_language):
        return None
    try:
        with _PDFIUM_LOCK:
            image, _ = _render_region(page, region_bbox, max(settings.ocr_dpi, VERIFY_DPI))
    except (pypdfium2.PdfiumError, ValueError):
        return None  # the region cannot be rendered: no answer rather than a guess
    run = _Runner(settings, 0, time.monotonic() + settings.time_limit_s)
    attempts: list[tuple[Image.Image, str]] = [
        (image, f"--psm 7 --dpi {VERIFY_DPI}"),
        (image, f"--psm 6 --dpi {VERIFY_DPI}"),
    ]
    if image.width * image.height <= _VERIFY_ENLARGE_PIXELS:  # a value, not a page
        big = image.resize((image.width * 2, image.height * 2), Image.Resampling.LANCZOS)
        attempts.append((big, f"--psm 7 --dpi {VERIFY_DPI * 2}"))
    attempts.append(
        (image, f"--psm 7 --dpi {VERIFY_DPI} -c tessedit_char_whitelist={_DIGIT_WHITELIST}")
    )
    for img, config in attempts:
        try:
            read: str = run.call(pytesseract.image_to_string, img,
                                 lang=settings.ocr_language, config=config)
        except OcrUnavailable:
            return None
        if claimed in _digits(read):
            return True
    return False


_WORD_RE = re.compile(r"[^\W_]{4,}")
_AGREE_SHARE = 0.5
_AGREE_MIN_WORDS = 8


def text_layer_agrees(
    page: pypdfium2.PdfPage, text_layer_text: str, settings: Settings, *, dpi: int = 150
) -> bool | None:
    """Whether the page as drawn says what its text layer says (None: OCR unavailable).

    The page is read at ``dpi`` (coarser than ``ocr_dpi``: words of four letters or more are
    all this needs) and agrees when at least half of the words OCR read are in the text layer.
    A page with too few legible words to judge (a drawing, a blank page) agrees. It costs one
    OCR of the page, so it is meant for pages that look suspicious, not for every page.
    """
    if not ocr_available(settings.ocr_language):
        return None
    with _PDFIUM_LOCK:
        image, scale = _render_page(page, dpi)
    read = ocr_image(image, scale, 0, settings)
    seen = Counter(w.casefold() for w in _WORD_RE.findall(read.text))
    if sum(seen.values()) < _AGREE_MIN_WORDS:
        return True
    claimed = Counter(w.casefold() for w in _WORD_RE.findall(text_layer_text))
    return sum((seen & claimed).values()) >= _AGREE_SHARE * sum(seen.values())


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isascii() and c.isdigit())


def _render_region(
    page: pypdfium2.PdfPage, bbox: BBox, dpi: int, pad: float = 4.0
) -> tuple[Image.Image, float]:
    """Grayscale image of one region (points from the displayed page's top-left), padded."""
    width, height = page.get_size()
    if page.get_rotation() in (90, 270):
        width, height = height, width
    x0, x1 = sorted((min(max(bbox[0], 0.0), width), min(max(bbox[2], 0.0), width)))
    top, bottom = sorted((min(max(bbox[1], 0.0), height), min(max(bbox[3], 0.0), height)))
    left = max(0.0, x0 - pad)
    right = max(0.0, width - (x1 + pad))
    crop_top = max(0.0, top - pad)
    crop_bottom = max(0.0, height - (bottom + pad))
    scale = dpi / 72
    bitmap = page.render(scale=scale, grayscale=True, crop=(left, crop_bottom, right, crop_top))
    try:
        image = bitmap.to_pil().convert("L")
    finally:
        bitmap.close()
    # A margin of white helps Tesseract find the line.
    framed = Image.new("L", (image.width + 40, image.height + 40), 255)
    framed.paste(image, (20, 20))
    return framed, scale
