"""The swapped-digit trap: the text layer says 87,499.99 where the page shows 12,500.00."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from ocrkit import open_page, swapped_digit_pdf, text_box
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.readers.ocr import verify_digits
from models.settings import Settings

SHOWN = "12,500.00"
CLAIMED = "87,499.99"
X, Y, SIZE = 300.0, 600.0, 12.0


def _picture_of(text: str) -> Image.Image:
    """``text`` drawn at (X, Y) on a letter page, rasterised at 300 dpi."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica", SIZE)
    c.drawString(X, Y, text)
    c.save()
    pdf = pypdfium2.PdfDocument(buf.getvalue())
    page = pdf[0]
    image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    page.close()
    pdf.close()
    assert isinstance(image, Image.Image)
    return image


def _lying_pdf(path: Path) -> Path:
    """A page whose picture shows SHOWN, under an invisible text layer saying CLAIMED."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(_picture_of(SHOWN)), 0, 0, width=letter[0], height=letter[1])
    c.setFont("Helvetica", SIZE)
    c.drawString(72, 720, "Total contract price:")
    t = c.beginText(X, Y)
    t.setFont("Helvetica", SIZE)
    t.setTextRenderMode(3)  # invisible, as OCR layers and this trick use
    t.textOut(CLAIMED)
    c.drawText(t)
    c.save()
    return path


def test_font_that_swaps_digits_is_caught(tmp_path: Path, ocr_settings: Settings) -> None:
    """The case from the field: the font's Unicode map turns 12,500.00 into 87,499.99."""
    path = tmp_path / "swapped.pdf"
    path.write_bytes(swapped_digit_pdf(SHOWN, {"1": "8", "2": "7", "5": "4", "0": "9",
                                               ",": ",", ".": "."}))
    box = text_box(path, CLAIMED)
    with open_page(path) as page:
        textpage = page.get_textpage()
        assert textpage.get_text_range() == CLAIMED  # what every text extractor reads
        textpage.close()
        assert verify_digits(page, box, CLAIMED, ocr_settings) is False
        assert verify_digits(page, box, SHOWN, ocr_settings) is True


def _honest_pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFont("Helvetica", SIZE)
    c.drawString(72, 720, "Total contract price:")
    c.drawString(X, Y, SHOWN)
    c.save()
    return path


def test_text_layer_digits_that_disagree_with_the_image_are_caught(
    tmp_path: Path, ocr_settings: Settings
) -> None:
    path = _lying_pdf(tmp_path / "lying.pdf")
    box = text_box(path, CLAIMED)
    with open_page(path) as page:
        textpage = page.get_textpage()
        assert CLAIMED in textpage.get_text_range()  # the trap: the text layer does say it
        textpage.close()
        assert verify_digits(page, box, CLAIMED, ocr_settings) is False
        # The same region, checked against what the picture shows, agrees.
        assert verify_digits(page, box, SHOWN, ocr_settings) is True


def test_honest_text_layer_is_confirmed(tmp_path: Path, ocr_settings: Settings) -> None:
    path = _honest_pdf(tmp_path / "honest.pdf")
    box = text_box(path, SHOWN)
    with open_page(path) as page:
        assert verify_digits(page, box, SHOWN, ocr_settings) is True
        assert verify_digits(page, box, f"USD {SHOWN}", ocr_settings) is True
        assert verify_digits(page, box, "12,500.01", ocr_settings) is False


@pytest.mark.parametrize("claim", ["", "Total", "TBD by others"])
def test_claim_without_digits_has_nothing_to_disagree_with(
    tmp_path: Path, ocr_settings: Settings, claim: str
) -> None:
    path = _honest_pdf(tmp_path / "honest.pdf")
    with open_page(path) as page:
        assert verify_digits(page, (72.0, 60.0, 200.0, 75.0), claim, ocr_settings) is True
