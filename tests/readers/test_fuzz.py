"""Fuzzing the readers: any bytes end in a Document or a HandoffError, nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from support_readers import proposal_docx, proposal_pdf, raw_pdf, settings

from extractors.readers import read_document
from models.errors import HandoffError

_SETTINGS = settings(max_pages=20, ocr=False)
_WORK = Path(tempfile.mkdtemp(prefix="handoff-fuzz-"))
_PDF = proposal_pdf(_WORK / "seed.pdf").read_bytes()
_DOCX = proposal_docx(_WORK / "seed.docx").read_bytes()


def _read(data: bytes, suffix: str) -> None:
    path = _WORK / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, _SETTINGS)
    except HandoffError as exc:
        assert exc.code and str(exc)
    else:
        assert doc.pages


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_random_bytes_after_pdf_header(tail: bytes) -> None:
    _read(b"%PDF-" + tail, ".pdf")


@hsettings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_PDF) - 1), st.integers(0, 255)), max_size=40),
       st.integers(1, len(_PDF)))
def test_mutated_pdf(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(_PDF[:cut])
    for pos, value in flips:
        if pos < len(data):
            data[pos] = value
    _read(bytes(data), ".pdf")


@hsettings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_DOCX) - 1), st.integers(0, 255)), max_size=20),
       st.integers(1, len(_DOCX)))
def test_mutated_docx(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(_DOCX[:cut])
    for pos, value in flips:
        if pos < len(data):
            data[pos] = value
    _read(bytes(data), ".docx")


_NUM = st.one_of(st.integers(-2000, 2000), st.floats(-1e6, 1e6, allow_nan=False),
                 st.sampled_from([0, 1e9, -1e9, 0.001]))
_TEXT = st.text(alphabet="ab1$.,: 9", min_size=0, max_size=12)


def _num(x: float) -> bytes:
    return (b"%d" % x) if isinstance(x, int) else (b"%.4f" % x)


_OPS = st.one_of(
    st.tuples(_NUM, _NUM).map(lambda t: _num(t[0]) + b" " + _num(t[1]) + b" Td"),
    st.tuples(*[_NUM] * 6).map(lambda t: b" ".join(map(_num, t)) + b" Tm"),
    st.tuples(*[_NUM] * 6).map(lambda t: b" ".join(map(_num, t)) + b" cm"),
    _NUM.map(lambda n: b"/F1 " + _num(n) + b" Tf"),
    st.integers(0, 7).map(lambda n: b"%d Tr" % n),
    st.tuples(*[st.floats(0, 1)] * 3).map(lambda t: b"%.2f %.2f %.2f rg" % t),
    st.tuples(*[_NUM] * 4).map(lambda t: b" ".join(map(_num, t)) + b" re f"),
    _TEXT.map(lambda s: b"(" + s.encode() + b") Tj"),
    st.just(b"q"), st.just(b"Q"), st.just(b"T*"),
)


@hsettings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_OPS, max_size=60))
def test_random_content_streams(ops: list[bytes]) -> None:
    content = b"BT /F1 10 Tf 72 700 Td " + b" ".join(ops) + b" ET"
    path = raw_pdf(_WORK / "ops.pdf", content)
    try:
        doc = read_document(path, _SETTINGS)
    except HandoffError as exc:
        assert exc.code in ("no_text", "too_large", "corrupt")
    else:
        for b in doc.blocks:
            assert doc.text[b.start:b.end] == b.text
