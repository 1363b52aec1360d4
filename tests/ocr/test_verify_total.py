"""A font whose Unicode map swaps digits must not turn the printed total into another number
silently: the total is re-read from the page and a mismatch is flagged."""

from __future__ import annotations

from pathlib import Path

from ocrkit import pdf_from_objects, pdf_with_object_stream

from extractors.pipeline import process_path
from models.settings import Settings

SWAP = {"1": "8", "2": "7", "5": "4", "0": "9"}


def _pdf(amount_shown: str, swap: dict[str, str], packed: set[int] | None = None) -> bytes:
    """Label in an honest font; the amount in a font whose /ToUnicode map may lie (kept in an
    object stream when ``packed`` names objects to pack)."""
    pairs = "\n".join(f"<{ord(k):02X}> <{ord(swap.get(k, k)):04X}>" for k in "0123456789$,.")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Swapped def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\n"
            f"endcodespacerange\n13 beginbfchar\n{pairs}\nendbfchar\nendcmap\n"
            "CMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
    content = (b"BT /F2 12 Tf 72 700 Td (Proposal for Acme Holdings LLC) Tj ET\n"
               b"BT /F2 12 Tf 72 660 Td (Total Contract Price:) Tj ET\n"
               b"BT /F1 14 Tf 220 660 Td (" + amount_shown.encode() + b") Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_with_object_stream(objects, packed) if packed else pdf_from_objects(objects)


def test_swapped_digit_total_is_flagged(tmp_path: Path) -> None:
    path = tmp_path / "swapped.pdf"
    path.write_bytes(_pdf("$12,500.00", SWAP))
    handoff = process_path(path, Settings())
    assert handoff.price.total.raw == "$87,499.99"  # what the text layer claims
    flags = [f for f in handoff.review.flags if f.code == "digits_mismatch"]
    assert flags and flags[0].severity.value == "error"
    assert handoff.price.total.confidence <= 0.1


def test_swapped_digits_hidden_in_an_object_stream_are_flagged(tmp_path: Path) -> None:
    path = tmp_path / "packed.pdf"
    path.write_bytes(_pdf("$12,500.00", SWAP, packed={4, 7}))
    assert b"/ToUnicode" not in path.read_bytes()  # only inside the compressed object stream
    handoff = process_path(path, Settings())
    assert handoff.price.total.raw == "$87,499.99"
    assert [f for f in handoff.review.flags if f.code == "digits_mismatch"]


def test_honest_total_is_not_flagged(tmp_path: Path) -> None:
    path = tmp_path / "honest.pdf"
    path.write_bytes(_pdf("$12,500.00", {}))
    handoff = process_path(path, Settings())
    assert handoff.price.total.value is not None and str(handoff.price.total.value.amount) == "12500.00"
    assert not [f for f in handoff.review.flags if f.code == "digits_mismatch"]


def test_verification_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "swapped.pdf"
    path.write_bytes(_pdf("$12,500.00", SWAP))
    handoff = process_path(path, Settings(verify_amounts=False))
    assert not [f for f in handoff.review.flags if f.code == "digits_mismatch"]
