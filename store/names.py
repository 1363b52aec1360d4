"""Make untrusted names and texts safe to store and show.

File names arrive as ``str`` that may hold lone surrogates (undecodable bytes kept by
``os.fsdecode``), NUL, newlines, ``../`` or thousands of characters. They are kept as text —
never used to build a path — with undecodable bytes shown as ``\\xNN`` and control characters
made visible, so SQLite, PostgreSQL, JSON and HTML all accept them.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_NAME", "clean_text", "name_key", "safe_name"]

MAX_NAME = 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Replace lone surrogates by ``\\xNN`` escapes and NUL by U+FFFD (PostgreSQL rejects NUL)."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text.replace("\x00", "\ufffd")


def safe_name(name: str) -> str:
    """A file name fit to store and display: no surrogates, control characters made visible."""
    text = clean_text(name)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if len(text) > MAX_NAME:
        text = text[: MAX_NAME - 1] + "…"
    return text or "(unnamed)"


def name_key(name: str) -> str:
    """The key that links versions of one document: base name, case- and space-folded."""
    base = safe_name(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFKC", base).casefold()
    base = re.sub(r"\s+", " ", base).strip()
    return base[:255]
