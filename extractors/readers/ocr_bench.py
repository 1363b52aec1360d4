"""Scanned copies of text PDFs, and the resolution trade-off of OCR measured on them.

``make_scanned_pdf`` turns a text PDF into what a scanner or a phone gives back: every page
rasterised, optionally turned (90 degrees or a small tilt), speckled with noise, and rebuilt as a
PDF of images with no text layer. Tests and the benchmark use it to read the same content both
ways; the text PDF's own text is the ground truth.

``measure_dpi`` reads a scanned PDF at several resolutions and reports, per resolution, pages
per second, CPU seconds per page (steady on a busy machine, where wall time is not) and
accuracy against that ground truth (word recall and character similarity).
``python -m extractors.readers.ocr_bench [--pages N] [--dpi 200 300]`` builds a sample
proposal, scans it and prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageFilter

from extractors.readers.ocr import cpu_cores, ocr_pages
from models.settings import Settings

__all__ = ["DpiMeasure", "main", "make_scanned_pdf", "measure_dpi", "sample_proposal_pdf"]

_WORD_RE = re.compile(r"[A-Za-z0-9$][A-Za-z0-9$,.\-/]*[A-Za-z0-9]|[A-Za-z0-9]")


def make_scanned_pdf(
    source: Path | bytes,
    out: Path,
    *,
    dpi: int = 200,
    rotate: float = 0.0,
    noise: float = 0.0,
    blur: float = 0.0,
    shade: float = 0.0,
    pages: Sequence[int] | None = None,
    seed: int = 0,
) -> Path:
    """Write ``out``: the pages of ``source`` as images only, as a scanner would return them.

    ``rotate`` turns each image counter-clockwise by that many degrees (90 for a page scanned
    sideways, 1.5 for a tilt); ``noise`` is the standard deviation of grey-level noise (0..255);
    ``blur`` the radius of a Gaussian blur in pixels (an out-of-focus phone photo); ``shade``
    (0..1) darkens the page towards its lower right corner, as uneven light on a photo does;
    ``pages`` (1-based) limits which pages are scanned — the others are dropped.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    pdf = pypdfium2.PdfDocument(data)
    rng = np.random.default_rng(seed)
    images: list[Image.Image] = []
    try:
        numbers = list(pages) if pages is not None else list(range(1, len(pdf) + 1))
        for number in numbers:
            page = pdf[number - 1]
            try:
                image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            finally:
                page.close()
            if shade:
                image = _shaded(image, shade)
            if rotate:
                image = image.rotate(
                    rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
                )
            if blur:
                image = image.filter(ImageFilter.GaussianBlur(blur))
            if noise:
                speckled = np.asarray(image, dtype=np.float32) + rng.normal(
                    0.0, noise, (image.height, image.width)
                )
                image = Image.fromarray(np.clip(speckled, 0, 255).astype(np.uint8))
            images.append(image)
    finally:
        pdf.close()
    if not images:
        raise ValueError("no page to scan")
    out.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return out


def _shaded(image: Image.Image, shade: float) -> Image.Image:
    """Light falling off from the top left corner: brightness down to ``1 - shade``."""
    pixels = np.asarray(image, dtype=np.float32)
    rows, cols = np.mgrid[0:pixels.shape[0], 0:pixels.shape[1]]
    falloff = (cols / max(1, pixels.shape[1]) + rows / max(1, pixels.shape[0])) / 2
    return Image.fromarray(np.clip(pixels * (1 - shade * falloff), 0, 255).astype(np.uint8))


@dataclass(frozen=True)
class DpiMeasure:
    """OCR of one scanned file at one resolution."""

    dpi: int
    workers: int
    pages: int
    seconds: float
    cpu_seconds_per_page: float
    pages_per_second: float
    word_recall: float
    char_similarity: float
    mean_confidence: float


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def _text_layer(pdf_path: Path) -> dict[int, str]:
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        out: dict[int, str] = {}
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            try:
                out[i + 1] = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
        return out
    finally:
        pdf.close()


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Tesseract runs as a child).

    Unlike wall time, it does not depend on what else the machine is doing.
    """
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def measure_dpi(
    text_pdf: Path,
    scanned_pdf: Path,
    settings: Settings,
    dpis: Sequence[int] = (200, 300),
    *,
    workers: int | None = None,
    repeat: int = 1,
) -> list[DpiMeasure]:
    """Read ``scanned_pdf`` at each resolution; score against the text layer of ``text_pdf``.

    Word recall: share of the truth's words (as a multiset) that OCR found. Character
    similarity: difflib ratio of the two texts with whitespace collapsed. ``workers`` pages are
    read at once (default: one per core); the fastest of ``repeat`` runs is kept.
    """
    truth = _text_layer(text_pdf)
    numbers = sorted(truth)
    results: list[DpiMeasure] = []
    for dpi in dpis:
        tuned = settings.model_copy(update={"ocr_dpi": dpi})
        seconds = cpu = float("inf")
        for _ in range(max(1, repeat)):
            started, cpu_started = time.perf_counter(), _cpu()
            read = ocr_pages(scanned_pdf, numbers, tuned, workers=workers)
            seconds = min(seconds, time.perf_counter() - started)
            cpu = min(cpu, _cpu() - cpu_started)
        found = total = 0
        ratios: list[float] = []
        confidences: list[float] = []
        for number in numbers:
            want = Counter(_words(truth[number]))
            got = Counter(_words(read[number].text))
            found += sum((want & got).values())
            total += sum(want.values())
            a = " ".join(truth[number].split())
            b = " ".join(read[number].text.split())
            ratios.append(difflib.SequenceMatcher(None, a, b, autojunk=False).ratio())
            confidences.append(read[number].mean_confidence)
        results.append(DpiMeasure(
            dpi=dpi,
            workers=min(workers or cpu_cores(), len(numbers)),
            pages=len(numbers),
            seconds=round(seconds, 3),
            cpu_seconds_per_page=round(cpu / len(numbers), 3),
            pages_per_second=round(len(numbers) / seconds, 3) if seconds else 0.0,
            word_recall=round(found / total, 4) if total else 1.0,
            char_similarity=round(sum(ratios) / len(ratios), 4),
            mean_confidence=round(sum(confidences) / len(confidences), 4),
        ))
    return results


_FINE_PRINT = (
    "Terms: Any alteration or deviation from the above specifications involving extra costs will",
    "be executed only upon written change orders and will become an extra charge over and above",
    "the estimate. Owner to carry fire, tornado and other necessary insurance. Our workers are",
    "fully covered by Workers Compensation Insurance. Late payments accrue interest at 1.5% per",
    "month. This proposal may be withdrawn by us if not accepted within 30 days of its date.",
)


def sample_proposal_pdf(pages: int = 3) -> bytes:
    """A plain proposal of ``pages`` letter pages: parties, money, dates, scope, fine print.

    Body text is 11 pt; the terms are 7 pt fine print, where resolution starts to matter.
    """
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    items = [
        "Remove and dispose of the existing asphalt shingle roofing",
        "Install ice and water shield along all eaves and valleys",
        "Replace 12 sheets of damaged roof decking at $85.00 per sheet",
        "Furnish and install 32 squares of architectural shingles",
        "Install new aluminium drip edge and step flashing",
        "Clean up the site daily and haul away all debris",
    ]
    for n in range(1, pages + 1):
        y = 740.0
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, y, f"Proposal No. 2026-{n:03d} for Northwind Property Group")
        y -= 28
        c.setFont("Helvetica", 11)
        for line in (
            "Prepared by Summit Roofing & Exteriors Inc., 418 Cedar Avenue, Springfield",
            f"Proposal date: March {n + 2}, 2026      Valid until: April {n + 10}, 2026",
            f"Total contract price: ${42500 + 750 * n:,}.00 including sales tax of $2,150.00",
            "Work to start on May 4, 2026 with substantial completion by June 19, 2026.",
        ):
            c.drawString(72, y, line)
            y -= 18
        y -= 10
        c.setFont("Helvetica-Bold", 12)
        c.drawString(72, y, "Scope of Work")
        y -= 20
        c.setFont("Helvetica", 11)
        for item in items:
            c.drawString(84, y, f"\u2022 {item}")
            y -= 17
        y -= 10
        c.setFont("Helvetica-Bold", 12)
        c.drawString(72, y, "Payment Schedule")
        y -= 20
        c.setFont("Helvetica", 11)
        for line in (
            "Deposit of 30% due on acceptance; 60% on delivery of materials;",
            "the remaining 10% is due net 30 after final inspection.",
            "Warranty: ten (10) years on workmanship from the date of completion.",
        ):
            c.drawString(72, y, line)
            y -= 17
        y -= 12
        c.setFont("Helvetica", 7)
        for line in _FINE_PRINT:
            c.drawString(72, y, line)
            y -= 9
        c.showPage()
    c.save()
    return buf.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m extractors.readers.ocr_bench",
        description="Measure OCR accuracy and speed at several resolutions on a scanned sample.",
    )
    parser.add_argument("--pages", type=int, default=4, help="pages of the sample (default 4)")
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--scan-dpi", type=int, default=300, help="resolution of the scan")
    parser.add_argument("--tilt", type=float, default=1.5, help="tilt of the scan in degrees")
    parser.add_argument("--noise", type=float, default=20.0, help="grey-level noise (0..255)")
    parser.add_argument("--blur", type=float, default=0.0, help="blur radius in scan pixels")
    parser.add_argument("--shade", type=float, default=0.0, help="uneven light, 0..1")
    parser.add_argument("--workers", type=int, nargs="+", default=[0],
                        help="pages read at once; 0 = one per core (default); several to compare")
    parser.add_argument("--repeat", type=int, default=1, help="keep the fastest of N runs")
    args = parser.parse_args(argv)
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        text_pdf = Path(tmp) / "text.pdf"
        text_pdf.write_bytes(sample_proposal_pdf(args.pages))
        scanned = make_scanned_pdf(
            text_pdf, Path(tmp) / "scan.pdf", dpi=args.scan_dpi, rotate=args.tilt,
            noise=args.noise, blur=args.blur, shade=args.shade,
        )
        results = [
            r for w in args.workers
            for r in measure_dpi(text_pdf, scanned, settings, args.dpi, workers=w or None,
                                 repeat=args.repeat)
        ]
    print(json.dumps([asdict(r) for r in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
