"""The real pipeline in the sandbox: a good file, a pipe, a file drawing a million characters."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractors.sandbox import Sandbox
from models.settings import Settings


def tiny_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF whose page content stream is ``content`` (compressed), xref included."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


@pytest.fixture(scope="module")
def box() -> Iterator[Sandbox]:
    settings = Settings(workers=2, time_limit_s=8.0, memory_limit_mb=1024)
    with Sandbox(settings) as sandbox:
        yield sandbox


def test_a_good_pdf_comes_back_from_the_worker(box: Sandbox, tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (Total Price: $12,500.00) Tj ET"
    outcome = box.run(tiny_pdf(tmp_path / "good.pdf", content), root=tmp_path)
    assert outcome.ok, outcome
    assert outcome.handoff().document.pages == 1


def test_a_pipe_named_pdf_is_refused_without_blocking(box: Sandbox, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    outcome = box.run(tmp_path / "pipe.pdf", root=tmp_path)
    assert outcome.code == "not_a_regular_file"


def test_a_million_characters_end_within_the_limits(box: Sandbox, tmp_path: Path) -> None:
    words = b"".join(b"%d %d Td (W) Tj " % (i % 500, i % 700) for i in range(1_000_000))
    path = tiny_pdf(tmp_path / "million.pdf", b"BT /F1 1 Tf " + words + b"ET")
    assert path.stat().st_size < 5_000_000
    outcome = box.run(path, root=tmp_path)
    assert outcome.ok or outcome.code in {"timeout", "too_large", "memory", "no_text"}, outcome
    after = box.run(tiny_pdf(tmp_path / "after.pdf", b"BT /F1 12 Tf 72 720 Td (ok) Tj ET"),
                    root=tmp_path)
    assert after.ok or after.code == "no_text"
