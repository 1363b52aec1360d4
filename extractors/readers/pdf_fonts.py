"""Can this PDF's fonts print one character and extract as another?

Text extraction and rendering agree by construction when every font is a non-embedded standard
font without a ``/ToUnicode`` map: both go from the character code through the same encoding to
the same glyph name, and the viewer draws that glyph from its own copy of the font. A lie needs
one of: a ``/ToUnicode`` map (says "1" for the code whose glyph is "2"), an embedded font program
(draws a "2" for the glyph named "one"), a Type3 font (glyphs are drawing procedures in the file)
or a CID font (codes reach glyphs through a CMap). Only such files need the OCR re-read of their
amounts (``extractors.verify``), which costs a Tesseract run per amount.

The check reads the file's bytes and its object streams (where many writers keep font
dictionaries). Anything it cannot read plainly — encryption, ``#``-escaped names, object
streams with filters other than bare Flate — counts as "can lie": the answer errs towards
verifying.
"""

from __future__ import annotations

import re
import zlib

__all__ = ["fonts_can_lie"]

_RISKY = re.compile(rb"/ToUnicode|/FontFile|/Type3|/CIDFontType|/Identity-[HV]|/Encrypt")
# A name spelled with #xx escapes ("/ToUnic#6Fde") reads as the plain name to a PDF parser.
_ESCAPED_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]*#[0-9A-Fa-f]{2}[^\s/<>\[\]()%{}]*")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream\r?\n")
_MAX_INFLATED = 32 * 1024 * 1024


def fonts_can_lie(data: bytes) -> bool:
    """True unless every font of the file provably renders what its text layer says."""
    if _RISKY.search(data) or _hides_a_name(data):
        return True
    if b"/ObjStm" not in data:
        return False
    budget = _MAX_INFLATED
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return False
        pos = m.end()
        if data[max(0, m.start() - 3):m.start()] == b"end":
            continue  # the tail of an "endstream"
        head_start = data.rfind(b"obj", max(0, m.start() - 4096), m.start())
        head = data[max(0, head_start):m.start()]
        if b"/ObjStm" not in head:
            continue
        if b"/DecodeParms" in head or re.search(rb"/Filter\s*/FlateDecode\b", head) is None:
            return True  # a filter chain or predictor this check does not undo
        end = data.find(b"endstream", pos)
        inflater = zlib.decompressobj()
        try:
            body = inflater.decompress(data[pos:end if end >= 0 else len(data)], budget)
        except zlib.error:
            return True
        budget -= len(body)
        if inflater.unconsumed_tail or budget <= 0 or _RISKY.search(body):
            return True


def _hides_a_name(data: bytes) -> bool:
    """An escaped name that spells a risky one, or hides an object stream or its filter."""
    for m in _ESCAPED_NAME.finditer(data):
        name = _HEX.sub(lambda h: bytes([int(h.group(1), 16)]), m.group(0))
        if _RISKY.search(name) or name in (b"/ObjStm", b"/FlateDecode", b"/Filter"):
            return True
    return False
