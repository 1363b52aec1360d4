"""One fuzz input, one check: shared by ``python -m tests.fuzz`` (atheris) and the hypothesis tests.

A finding is any exception a check lets out. For the readers that is anything but a
``HandoffError`` (a typed refusal with a code and a one-line message is the correct answer to
bad bytes); for the normalisers, which are pure and total, any exception at all, or a value that
breaks its contract (negative or unquantised money, a date that is not ISO, a non-finite number).
"""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))

from support_readers import proposal_docx, proposal_pdf, raw_pdf  # noqa: E402

from extractors.normalize import parse_date, parse_duration, parse_money, parse_percent  # noqa: E402
from extractors.readers import read_document  # noqa: E402
from models.errors import HandoffError  # noqa: E402
from models.settings import DateOrder, Settings  # noqa: E402

__all__ = ["NormalizeTarget", "ReaderTarget", "check_normalizers", "mutate"]

_MAX_TEXT = 400


class ReaderTarget:
    """``read_document`` on arbitrary bytes, with caps small enough for a fuzzing loop."""

    def __init__(self, work: Path | None = None) -> None:
        self.work = work or Path(tempfile.mkdtemp(prefix="handoff-fuzz-"))
        self.work.mkdir(parents=True, exist_ok=True)
        self.settings = Settings(data_dir=self.work / "data", ocr=False, max_pages=20,
                                 max_unzipped_mb=32, max_file_mb=4)
        seeds = self.work / "seeds"
        seeds.mkdir(exist_ok=True)
        self.pdf = proposal_pdf(seeds / "seed.pdf").read_bytes()
        self.docx = proposal_docx(seeds / "seed.docx").read_bytes()
        self.raw = raw_pdf(seeds / "raw.pdf", b"BT /F1 12 Tf 72 700 Td (Total Price: $12,500.00)"
                           b" Tj ET", compress=False).read_bytes()
        self._docx_parts = _parts(self.docx)
        self._input = self.work / "input.pdf"

    def seeds(self) -> dict[str, bytes]:
        return {"seed.pdf": self.pdf, "seed.docx": self.docx, "raw.pdf": self.raw}

    def check(self, data: bytes) -> str:
        """Read ``data`` as a dropped file: the error code, or ``ok``; anything else escapes."""
        self._input.write_bytes(data)
        try:
            document = read_document(self._input, self.settings, root=self.work)
        except HandoffError as exc:
            if not exc.code or not str(exc) or "\n" in str(exc):
                raise AssertionError(f"a typed error without a one-line message: {exc.code!r}"
                                     ) from exc
            return exc.code
        for n, block in enumerate(document.blocks):
            if document.text[block.start:block.end] != block.text:
                raise AssertionError(f"block {n} does not point at its own text")
        return "ok"

    def check_docx_body(self, xml: str) -> str:
        """Raw WordprocessingML (any text) spliced into the seed DOCX body, then read."""
        parts = dict(self._docx_parts)
        body = parts["word/document.xml"].decode("utf-8")
        at = body.rfind("<w:sectPr")
        parts["word/document.xml"] = (body[:at] + xml + body[at:]).encode("utf-8", "replace")
        return self.check(_zip(parts))


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in parts.items():
            zf.writestr(name, value)
    return buf.getvalue()


def mutate(seed: bytes, flips: list[tuple[int, int]], cut: int) -> bytes:
    """``seed`` cut to ``cut`` bytes with the given (position, byte) overwrites."""
    data = bytearray(seed[:max(1, cut)])
    for pos, value in flips:
        if pos < len(data):
            data[pos] = value
    return bytes(data)


class NormalizeTarget:
    """The four normalisers on the same text; their contracts checked on every answer."""

    def check(self, text: str) -> None:
        check_normalizers(text)

    def check_bytes(self, data: bytes) -> None:
        check_normalizers(data.decode("utf-8", "replace"))


def _is_iso(value: str) -> bool:
    """A full ISO date, or the documented partial ``YYYY-MM`` (text naming only a month)."""
    full = value if len(value) != 7 else value + "-01"
    try:
        return date.fromisoformat(full).isoformat() == full
    except ValueError:
        return False


def check_normalizers(text: str) -> None:
    text = text[:_MAX_TEXT]
    money = parse_money(text)
    if money is not None:
        if not (money.amount.is_finite() and money.amount >= 0):
            raise AssertionError(f"parse_money({text!r}) -> {money.amount}")
        if money.amount != money.amount.quantize(Decimal("0.01")) or len(money.currency) != 3:
            raise AssertionError(f"parse_money({text!r}) -> {money!r}")
    for order in DateOrder:
        iso = parse_date(text, order)
        if iso is not None and not _is_iso(iso):
            raise AssertionError(f"parse_date({text!r}, {order.value}) -> {iso!r}")
    duration = parse_duration(text)
    if duration is not None and not (duration.value.is_finite() and duration.value >= 0):
        raise AssertionError(f"parse_duration({text!r}) -> {duration!r}")
    percent = parse_percent(text)
    if percent is not None and not (percent.is_finite() and percent >= 0):
        raise AssertionError(f"parse_percent({text!r}) -> {percent}")
