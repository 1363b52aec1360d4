"""Measure a PDF's compressed streams before PDFium inflates them.

A few hundred kilobytes of Flate data can inflate to gigabytes; PDFium would inflate them in
memory and return an empty page. Every ``stream ... endstream`` body is inflated here in bounded
steps, without trusting its ``/Length``, counting the bytes produced; the scan stops as soon as
the total passes ``settings.max_unzipped_mb`` (the same cap as for DOCX) and the file is refused.
Streams that are not zlib data (JPEG images, encrypted streams) are skipped at the first byte.
"""

from __future__ import annotations

import base64
import binascii
import re
import string
import zlib

from models.errors import UnsafeContent
from models.settings import Settings

__all__ = ["check_streams"]

_STREAM = re.compile(rb"stream\r?\n")
_END = b"endstream"
_IN = 64 * 1024
_OUT = 1024 * 1024


def check_streams(data: bytes, settings: Settings, name: str) -> int:
    """Total inflated size of the Flate streams; raises ``UnsafeContent`` past the cap."""
    cap = int(settings.max_unzipped_mb * 1024 * 1024)
    total = 0
    pos = 0
    view = memoryview(data)
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return total
        start = m.end()
        if m.start() >= 3 and data[m.start() - 3:m.start()] == b"end":
            pos = start
            continue  # matched inside "endstream"
        end = data.find(_END, start)
        if end < 0:
            end = len(data)
        pos = end
        lo = max(0, m.start() - 4096)
        head = data[max(lo, data.rfind(b"obj", lo, m.start())):m.start()]
        if b"/FlateDecode" not in head and b"/Fl" not in head:
            continue  # images (JPEG, CCITT) and raw streams cannot be bombs of this kind
        body: bytes | memoryview = view[start:end]
        if b"/ASCII85Decode" in head or b"/A85" in head:
            body = _a85(bytes(body))
        elif b"/ASCIIHexDecode" in head or b"/AHx" in head:
            body = _ahx(bytes(body))
        total += _inflated_size(memoryview(body), cap - total, name)


def _a85(text: bytes) -> bytes:
    """ASCII85 text to bytes (reportlab wraps its Flate streams in it); b"" when damaged."""
    text = b"".join(text.split())
    if text.startswith(b"<~"):
        text = text[2:]
    text = text.split(b"~>", 1)[0]
    try:
        return base64.a85decode(text)
    except ValueError:
        return b""


def _ahx(text: bytes) -> bytes:
    hexdigits = bytes(ch for ch in text.split(b">", 1)[0] if chr(ch) in string.hexdigits)
    try:
        return binascii.unhexlify(hexdigits + b"0" * (len(hexdigits) % 2))
    except binascii.Error:
        return b""


def _inflated_size(body: memoryview, budget: int, name: str) -> int:
    inflater = zlib.decompressobj()
    produced = 0
    try:
        for off in range(0, len(body), _IN):
            chunk = bytes(body[off:off + _IN])
            # past the stream's end, CPython keeps trailing bytes in unconsumed_tail forever
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, _OUT)
                produced += len(out)
                if produced > budget:
                    raise UnsafeContent("the PDF's compressed streams inflate beyond the allowed "
                                        "size (decompression bomb?)", path=name)
                chunk = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass  # not Flate data, or damaged: PDFium decides what to make of it
    return produced
