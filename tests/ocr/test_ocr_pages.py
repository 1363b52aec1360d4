"""Several pages at once, a mixed document, the resolution measure, and a missing Tesseract."""

from __future__ import annotations

from pathlib import Path

import pytesseract
import pytest
from ocrkit import mixed_pdf, open_page, proposal_pdf_bytes, squash

from extractors.readers.ocr import (
    OcrUnavailable,
    needs_ocr,
    ocr_available,
    ocr_page,
    ocr_pages,
    verify_digits,
)
from extractors.readers.ocr_bench import make_scanned_pdf, measure_dpi, sample_proposal_pdf
from models.errors import HandoffError, error_from_code
from models.settings import Settings


@pytest.fixture(scope="module")
def three_page_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("multi")
    text_pdf = folder / "text.pdf"
    text_pdf.write_bytes(sample_proposal_pdf(3))
    return text_pdf, make_scanned_pdf(text_pdf, folder / "scan.pdf", dpi=200, rotate=1.0,
                                      noise=10.0)


def test_pages_are_read_in_parallel_each_under_its_number(
    three_page_scan: tuple[Path, Path], ocr_settings: Settings
) -> None:
    _, scanned = three_page_scan
    pages = ocr_pages(scanned, [3, 1, 2, 1], ocr_settings)
    assert sorted(pages) == [1, 2, 3]
    for number, page in pages.items():
        text = squash(page.text)
        assert f"Proposal No. 2026-{number:03d}" in text
        assert f"${42500 + 750 * number:,}.00" in text
        assert page.skew == pytest.approx(1.0, abs=0.3)
    assert ocr_pages(scanned, [], ocr_settings) == {}
    with pytest.raises(ValueError, match="page 4 is not in a PDF of 3"):
        ocr_pages(scanned, [1, 4], ocr_settings)
    # The file's bytes, as the gate read them, serve as well as its path.
    assert squash(ocr_pages(scanned.read_bytes(), [2], ocr_settings)[2].text) == squash(
        pages[2].text)


def test_mixed_document_reads_its_scanned_signature_page(
    tmp_path: Path, ocr_settings: Settings
) -> None:
    """Text page 1 keeps its text layer; the scanned signature page 2 is found and read."""
    text_pdf = tmp_path / "text.pdf"
    text_pdf.write_bytes(proposal_pdf_bytes(signature_page=True))
    scanned_sig = make_scanned_pdf(text_pdf, tmp_path / "sig.pdf", pages=[2], rotate=-1.2,
                                   noise=15.0)
    path = mixed_pdf(text_pdf, scanned_sig, tmp_path / "mixed.pdf", replace_page=2)

    decisions = []
    for number in (1, 2):
        with open_page(path, number) as page:
            textpage = page.get_textpage()
            text, count = textpage.get_text_range(), textpage.count_chars()
            textpage.close()
            width, height = page.get_size()
        decisions.append(needs_ocr(text, count, width * height))
    assert decisions == [False, True]

    read = ocr_pages(path, [2], ocr_settings)
    text = squash(read[2].text)
    assert "Acceptance of Proposal" in text
    assert "Dana Whitfield" in text
    assert "April 2, 2026" in text


def test_measure_dpi_reports_accuracy_and_speed(
    three_page_scan: tuple[Path, Path], ocr_settings: Settings, tmp_path: Path
) -> None:
    text_pdf, _ = three_page_scan
    one_page = tmp_path / "one.pdf"
    one_page.write_bytes(sample_proposal_pdf(1))
    scanned = make_scanned_pdf(one_page, tmp_path / "scan.pdf", dpi=300, rotate=0.8, noise=8.0)
    results = measure_dpi(one_page, scanned, ocr_settings, dpis=(150, 200))
    assert [r.dpi for r in results] == [150, 200]
    for r in results:
        assert r.pages == 1
        assert r.seconds > 0 and r.pages_per_second > 0
        assert 0.9 <= r.word_recall <= 1.0
        assert 0.9 <= r.char_similarity <= 1.0
        assert 0.0 < r.mean_confidence <= 1.0


def test_missing_tesseract_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    three_page_scan: tuple[Path, Path],
    ocr_settings: Settings,
) -> None:
    """No binary at the configured path: a typed error, never an empty reading."""
    assert ocr_available()
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract"))
    assert not ocr_available()
    _, scanned = three_page_scan
    with open_page(scanned) as page:
        with pytest.raises(OcrUnavailable) as caught:
            ocr_page(page, 2, ocr_settings)
        assert verify_digits(page, (72.0, 60.0, 300.0, 80.0), "42,500.00", ocr_settings) is None
    error = caught.value
    assert isinstance(error, HandoffError)
    assert error.code == "ocr_unavailable"
    assert "page 2" in str(error) and "OCR unavailable" in str(error)
    assert type(error_from_code("ocr_unavailable", "x")) is OcrUnavailable
    with pytest.raises(OcrUnavailable):
        ocr_pages(scanned, [1, 2], ocr_settings)


def test_missing_language_is_unavailable(ocr_settings: Settings, tmp_path: Path) -> None:
    settings = ocr_settings.model_copy(update={"ocr_language": "eng+zzz"})
    assert not ocr_available("eng+zzz")
    path = tmp_path / "p.pdf"
    path.write_bytes(proposal_pdf_bytes())
    with open_page(path) as page, pytest.raises(OcrUnavailable) as caught:
        ocr_page(page, 1, settings)
    assert "eng+zzz" in str(caught.value)
