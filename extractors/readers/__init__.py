"""Readers: one module per format, all producing one ``models.Document``.

``read_document(path, settings)`` is the single entry point: it gates the file (regular file,
inside ``root``, size cap, type sniffed from the bytes), then dispatches to the reader
registered for the sniffed media type. Every failure is a typed ``models.errors.HandoffError``;
library exceptions never escape.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from extractors.readers.gate import DOCX_TYPE, PDF_TYPE, Gated, gate
from models.document import Document
from models.errors import Corrupt, HandoffError, TooLarge
from models.settings import Settings

__all__ = ["Engine", "read_document"]

Engine = Literal["fast", "pdfplumber"]
Reader = Callable[[Gated, Settings], Document]


def _pdf_fast(gated: Gated, settings: Settings) -> Document:
    from extractors.readers.pdf import read_pdf

    return read_pdf(gated, settings)


def _pdf_plumber(gated: Gated, settings: Settings) -> Document:
    from extractors.readers.pdf_plumber import read_pdf_plumber

    return read_pdf_plumber(gated, settings)


def _docx(gated: Gated, settings: Settings) -> Document:
    from extractors.readers.docx import read_docx

    return read_docx(gated, settings)


READERS: dict[tuple[str, Engine], Reader] = {
    (PDF_TYPE, "fast"): _pdf_fast,
    (PDF_TYPE, "pdfplumber"): _pdf_plumber,
    (DOCX_TYPE, "fast"): _docx,
    (DOCX_TYPE, "pdfplumber"): _docx,
}


def read_document(path: Path, settings: Settings, *, root: Path | None = None,
                  engine: Engine = "fast") -> Document:
    """Read a PDF or DOCX into a Document; ``root`` confines the path to a folder.

    ``engine="pdfplumber"`` reads PDFs with pdfplumber alone (slow; the reference the fast path
    is tested against).
    """
    gated = gate(Path(path), settings, root)
    reader = READERS[(gated.media_type, engine)]
    name = gated.file_name
    try:
        return reader(gated, settings)
    except HandoffError:
        raise
    except RecursionError:
        raise Corrupt("the file's structure nests too deeply to read", path=name) from None
    except MemoryError:
        raise TooLarge("the file needs more memory than allowed to read", path=name) from None
    except (KeyError, IndexError, ValueError, TypeError, AttributeError, OSError, EOFError,
            zipfile.BadZipFile, UnicodeError, AssertionError) as exc:
        raise Corrupt(f"the file is malformed and cannot be read ({type(exc).__name__})",
                      path=name) from None
    except Exception as exc:  # noqa: BLE001 - the parsers' own error types (lxml, pdfminer, ...)
        raise Corrupt(f"the file is malformed and cannot be read ({type(exc).__name__})",
                      path=name) from None
