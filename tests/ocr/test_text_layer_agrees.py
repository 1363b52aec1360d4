"""A text layer that does not match the page as drawn is found out."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from ocrkit import open_page, proposal_pdf_bytes
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractors.readers.ocr import text_layer_agrees
from models.settings import Settings

OTHER = (
    "Consulting retainer agreement between Blue Harbor Logistics and Meridian Advisory",
    "Monthly retainer fees are invoiced quarterly in advance for strategic planning",
    "Either party may terminate this engagement with ninety days written notice",
)


def _picture_of_proposal() -> Image.Image:
    pdf = pypdfium2.PdfDocument(proposal_pdf_bytes())
    page = pdf[0]
    image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    page.close()
    pdf.close()
    assert isinstance(image, Image.Image)
    return image


def _scan_with_layer(path: Path, lines: tuple[str, ...]) -> Path:
    """The proposal's picture under an invisible text layer saying ``lines``."""
    c = canvas.Canvas(str(path), pagesize=letter)
    c.drawImage(ImageReader(_picture_of_proposal()), 0, 0, width=letter[0], height=letter[1])
    t = c.beginText(72, 700)
    t.setFont("Helvetica", 12)
    t.setTextRenderMode(3)
    for line in lines:
        t.textLine(line)
    c.drawText(t)
    c.save()
    return path


def _layer_text(path: Path) -> str:
    with open_page(path) as page:
        textpage = page.get_textpage()
        text: str = textpage.get_text_range()
        textpage.close()
    return text


def test_layer_saying_something_else_disagrees(tmp_path: Path, ocr_settings: Settings) -> None:
    path = _scan_with_layer(tmp_path / "other.pdf", OTHER)
    with open_page(path) as page:
        assert text_layer_agrees(page, _layer_text(path), ocr_settings) is False


def test_honest_layers_agree(tmp_path: Path, ocr_settings: Settings) -> None:
    text_pdf = tmp_path / "text.pdf"
    text_pdf.write_bytes(proposal_pdf_bytes())
    with open_page(text_pdf) as page:
        assert text_layer_agrees(page, _layer_text(text_pdf), ocr_settings) is True
    # A scanner's own OCR layer over its picture, saying what the picture shows.
    honest = _scan_with_layer(tmp_path / "honest.pdf", tuple(_layer_text(text_pdf).splitlines()))
    with open_page(honest) as page:
        assert text_layer_agrees(page, _layer_text(honest), ocr_settings) is True


def test_page_without_legible_words_agrees(tmp_path: Path, ocr_settings: Settings) -> None:
    path = tmp_path / "blank.pdf"
    Image.new("L", (850, 1100), 255).save(path, "PDF", resolution=100.0)
    with open_page(path) as page:
        assert text_layer_agrees(page, "", ocr_settings) is True
