"""Turn a text PDF into a "scanned" one: each page becomes a slightly skewed, speckled grey
image with no text layer, so only OCR can read it. Deterministic for a given seed."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageFilter

__all__ = ["scan_pdf"]


def _page_images(src: Path, dpi: int) -> list[Image.Image]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(src))
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


def _age(img: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.uniform(-0.8, 0.8)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.4))
    px = img.load()
    if px is not None:
        w, h = img.size
        for _ in range(w * h // 4000):  # toner specks
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.randrange(60, 160)
    return img


def scan_pdf(src: Path, out: Path, *, seed: str, dpi: int = 150) -> None:
    """Write ``out`` as an image-only copy of ``src``."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    canvas = Canvas(str(out), invariant=1)
    canvas.setTitle(f"scan {src.stem}")
    for img in _page_images(src, dpi):
        img = _age(img, rng)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=70, optimize=True)
        buf.seek(0)
        w_pt, h_pt = img.size[0] * 72 / dpi, img.size[1] * 72 / dpi
        canvas.setPageSize((w_pt, h_pt))
        canvas.drawImage(ImageReader(buf), 0, 0, width=w_pt, height=h_pt)
        canvas.showPage()
    canvas.save()
