"""Readers: one module per format, all producing one ``models.Document``.

``read_document(path, settings)`` is the single entry point: it gates the file (regular file,
size caps, type sniffed from the bytes), then dispatches to the reader registered for the
sniffed media type. Every failure is a typed ``models.errors.HandoffError``.
"""

from __future__ import annotations

from pathlib import Path

from models.document import Document
from models.settings import Settings

__all__ = ["read_document"]


def read_document(path: Path, settings: Settings, *, root: Path | None = None) -> Document:
    """Read a PDF or DOCX into a Document; ``root`` confines the path to a folder."""
    raise NotImplementedError("readers are being written")
