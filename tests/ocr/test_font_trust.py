"""Which PDFs need their amounts re-read by OCR: only those whose fonts could lie."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from ocrkit import pdf_from_objects, pdf_with_object_stream, swapped_digit_pdf

from extractors.readers.pdf_fonts import fonts_can_lie

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "generated"


def _reportlab_pdf(path: Path, font: str = "Helvetica") -> bytes:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont(font, 12)
    c.drawString(72, 700, "Total Contract Price: $12,500.00")
    c.save()
    return path.read_bytes()


def _page_objects(font: bytes) -> list[bytes]:
    content = b"BT /F1 12 Tf 72 700 Td (Total: $12,500.00) Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        font,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]


HONEST_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def test_standard_fonts_cannot_lie(tmp_path: Path) -> None:
    assert not fonts_can_lie(_reportlab_pdf(tmp_path / "a.pdf"))
    assert not fonts_can_lie(pdf_from_objects(_page_objects(HONEST_FONT)))


def test_the_bundled_text_samples_need_no_re_read() -> None:
    pdfs = [p for p in SAMPLES.glob("*.pdf") if "scan" not in p.stem]
    assert pdfs
    assert not [p.name for p in pdfs if fonts_can_lie(p.read_bytes())]


def test_a_unicode_map_can_lie() -> None:
    assert fonts_can_lie(swapped_digit_pdf("$12,500.00", {"1": "8"}))


def test_an_embedded_font_can_lie(tmp_path: Path) -> None:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # shipped with reportlab
    pdfmetrics.registerFont(TTFont("VeraTrust", str(vera)))
    assert fonts_can_lie(_reportlab_pdf(tmp_path / "embedded.pdf", "VeraTrust"))


@pytest.mark.parametrize("font", [
    b"<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] >>",
    b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnic#6Fde 6 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Font#46ile2 6 0 R >>",
])
def test_fonts_that_draw_their_own_glyphs_or_hide_their_names_can_lie(font: bytes) -> None:
    assert fonts_can_lie(pdf_from_objects(_page_objects(font)))


def test_object_streams_are_looked_into() -> None:
    honest = pdf_with_object_stream(_page_objects(HONEST_FONT), {4})
    assert b"/ObjStm" in honest and not fonts_can_lie(honest)
    lying = pdf_with_object_stream(_page_objects(HONEST_FONT[:-2] + b"/ToUnicode 3 0 R >>"), {4})
    assert b"/ToUnicode" not in lying and fonts_can_lie(lying)


def test_object_streams_it_cannot_read_count_as_lying() -> None:
    stream = zlib.compress(b"4 0\n" + HONEST_FONT)
    odd = pdf_from_objects(_page_objects(HONEST_FONT) + [
        b"<< /Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode] /DecodeParms << /Predictor 12 >>"
        b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"])
    assert fonts_can_lie(odd)
    broken = pdf_from_objects(_page_objects(HONEST_FONT) + [
        b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 9 >>\nstream\n"
        b"notzlib!!\nendstream"])
    assert fonts_can_lie(broken)


def test_an_escaped_object_stream_type_counts_as_lying() -> None:
    stream = zlib.compress(b"4 0\n" + HONEST_FONT)
    hidden = pdf_from_objects(_page_objects(HONEST_FONT) + [
        b"<< /Type /Obj#53tm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(stream) + stream + b"\nendstream"])
    assert fonts_can_lie(hidden)


def test_the_reader_records_the_verdict(tmp_path: Path) -> None:
    from extractors.pipeline import read
    from models.settings import Settings

    honest = next(p for p in sorted(SAMPLES.glob("*.pdf")) if "scan" not in p.stem)
    assert read(honest, Settings()).fonts_can_lie is False
    lying = tmp_path / "lying.pdf"
    lying.write_bytes(swapped_digit_pdf("$12,500.00", {"1": "8"}))
    assert read(lying, Settings()).fonts_can_lie is True
