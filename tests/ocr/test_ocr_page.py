"""OCR of scanned copies of a proposal: the key strings come back, where the text layer had them."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from ocrkit import (
    CLIENT,
    KEYS,
    SCOPE,
    TOTAL,
    close,
    find_phrase,
    open_page,
    page_size,
    squash,
    text_box,
    turned_box,
)

from extractors.readers.ocr import OcrPage, ocr_image, ocr_page
from models.errors import Timeout
from models.settings import Settings

SCANS = [
    pytest.param(0.0, 0.0, id="clean"),
    pytest.param(1.5, 20.0, id="tilted-1.5-noisy"),
    pytest.param(-2.0, 12.0, id="tilted-minus-2"),
    pytest.param(90.0, 12.0, id="sideways-90"),
    pytest.param(181.0, 0.0, id="upside-down"),
]


@pytest.fixture
def read(read_scan: Callable[[float, float], OcrPage]) -> Callable[[float, float], OcrPage]:
    return read_scan


@pytest.mark.parametrize(("rotate", "noise"), SCANS)
def test_scan_reads_key_strings(
    read: Callable[[float, float], OcrPage], rotate: float, noise: float
) -> None:
    page = read(rotate, noise)
    text = squash(page.text)
    for key in KEYS:
        assert key in text, (key, text)
    scope_found = sum(1 for item in SCOPE if item in text)
    assert scope_found >= len(SCOPE) - 1
    assert 0.75 <= page.mean_confidence <= 1.0
    assert page.dpi == 200
    for word in page.words:
        assert 0.0 <= word.confidence <= 1.0
        assert word.text == word.text.strip() and word.text


@pytest.mark.parametrize(("rotate", "noise"), SCANS)
def test_scan_boxes_match_text_layer(
    read: Callable[[float, float], OcrPage],
    scan: Callable[..., Path],
    proposal_pdf: Path,
    rotate: float,
    noise: float,
) -> None:
    """Boxes land where the text layer's characters were, turned the way the scan was turned."""
    page = read(rotate, noise)
    size_in, size_out = page_size(proposal_pdf), page_size(scan(rotate, noise))
    for key in (CLIENT, TOTAL, "March 15, 2026"):
        found = find_phrase(page, key)
        assert found is not None, key
        expected = turned_box(text_box(proposal_pdf, key), rotate, size_in, size_out)
        assert close(found.bbox, expected, tolerance=6.0), (key, found.bbox, expected)


@pytest.mark.parametrize(
    ("rotate", "noise", "rotation", "skew"),
    [
        pytest.param(0.0, 0.0, 0, 0.0, id="clean"),
        pytest.param(1.5, 20.0, 0, 1.5, id="tilted-1.5-noisy"),
        pytest.param(-2.0, 12.0, 0, -2.0, id="tilted-minus-2"),
        pytest.param(181.0, 0.0, 180, 1.0, id="upside-down"),
    ],
)
def test_orientation_and_skew_are_reported(
    read: Callable[[float, float], OcrPage], rotate: float, noise: float, rotation: int,
    skew: float,
) -> None:
    page = read(rotate, noise)
    assert page.rotation == rotation
    assert page.skew == pytest.approx(skew, abs=0.3)


def test_lines_and_paragraphs_hold_their_words(read: Callable[[float, float], OcrPage]) -> None:
    page = read(0.0, 0.0)
    assert page.paragraphs
    for paragraph in page.paragraphs:
        for line in paragraph.lines:
            assert line.text == " ".join(w.text for w in line.words)
            x0, top, x1, bottom = line.bbox
            assert x0 < x1 and top < bottom
            for w in line.words:
                assert x0 <= w.bbox[0] and w.bbox[2] <= x1
                assert top <= w.bbox[1] and w.bbox[3] <= bottom
            px0, ptop, px1, pbottom = paragraph.bbox
            assert px0 <= x0 and x1 <= px1 and ptop <= top and bottom <= pbottom
    # Reading order: the title comes before the scope items.
    text = page.text
    assert text.index("Roof Replacement Proposal") < text.index(SCOPE[0])


def test_blank_page_reads_as_no_words(tmp_path: Path, ocr_settings: Settings) -> None:
    from PIL import Image

    path = tmp_path / "blank.pdf"
    Image.new("L", (850, 1100), 255).save(path, "PDF", resolution=100.0)
    with open_page(path) as page:
        result = ocr_page(page, 1, ocr_settings)
    assert result.paragraphs == ()
    assert result.mean_confidence == 0.0
    assert result.rotation == 0 and result.skew == 0.0


def test_past_deadline_is_a_timeout(scan: Callable[..., Path], ocr_settings: Settings) -> None:
    from PIL import Image

    with open_page(scan(0.0, 0.0)) as page:
        image = page.render(scale=1.0, grayscale=True).to_pil()
    assert isinstance(image, Image.Image)
    with pytest.raises(Timeout) as caught:
        ocr_image(image, 1.0, 7, ocr_settings, deadline=time.monotonic() - 1)
    assert caught.value.code == "timeout"
    assert "page 7" in str(caught.value)


def test_page_rotate_attribute_is_honoured(
    tmp_path: Path, scan: Callable[..., Path], proposal_pdf: Path, ocr_settings: Settings
) -> None:
    """A scan stored upright but displayed turned (/Rotate 90): boxes follow the display."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(scan(0.0, 0.0)))
    pdf[0].set_rotation(90)
    path = tmp_path / "rotated.pdf"
    pdf.save(str(path))
    pdf.close()
    with open_page(path) as page:
        result = ocr_page(page, 1, ocr_settings)
    assert result.rotation == 270  # displayed turned clockwise: turn on to read
    found = find_phrase(result, TOTAL)
    assert found is not None
    size_in = page_size(proposal_pdf)
    expected = turned_box(text_box(proposal_pdf, TOTAL), -90.0, size_in, (size_in[1], size_in[0]))
    assert close(found.bbox, expected, tolerance=6.0), (found.bbox, expected)


def test_huge_page_is_rendered_under_the_pixel_cap(tmp_path: Path, ocr_settings: Settings) -> None:
    from reportlab.pdfgen import canvas

    from extractors.readers.ocr import MAX_PIXELS

    path = tmp_path / "poster.pdf"
    c = canvas.Canvas(str(path), pagesize=(3000, 3000))
    c.setFont("Helvetica", 90)
    c.drawString(200, 2600, f"Total {TOTAL}")
    c.save()
    with open_page(path) as page:
        result = ocr_page(page, 1, ocr_settings)
    assert result.dpi < ocr_settings.ocr_dpi
    assert (3000 * result.dpi / 72) ** 2 <= MAX_PIXELS * 1.01
    assert TOTAL in squash(result.text)
    found = find_phrase(result, TOTAL)
    assert found is not None and found.bbox[0] > 400 and found.bbox[1] < 400


def test_phone_photo_with_uneven_light_reads(tmp_path: Path, proposal_pdf: Path,
                                             ocr_settings: Settings) -> None:
    """Shadow over half the page, blur and a tilt: the text in the dark half is read too."""
    from extractors.readers.ocr_bench import make_scanned_pdf

    photo = make_scanned_pdf(proposal_pdf, tmp_path / "photo.pdf", rotate=2.2, noise=12.0,
                             blur=0.8, shade=0.7)
    with open_page(photo) as page:
        result = ocr_page(page, 1, ocr_settings)
    text = squash(result.text)
    for key in KEYS:
        assert key in text, key
    assert sum(1 for item in SCOPE if item in text) >= len(SCOPE) - 1
