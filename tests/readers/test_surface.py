"""Every reader module states its public surface, and every name in ``__all__`` exists."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

MODULES = [
    "extractors.readers", "extractors.readers.gate", "extractors.readers.layout",
    "extractors.readers.assemble", "extractors.readers.pdf", "extractors.readers.pdf_chars",
    "extractors.readers.pdf_tables", "extractors.readers.pdf_streams",
    "extractors.readers.pdf_plumber", "extractors.readers.docx",
    "extractors.readers.docx_numbering", "extractors.readers.zipcheck",
    "extractors.readers.flow", "extractors.readers.blocks", "extractors.readers.grids",
    "extractors.readers.pdf_ocr", "extractors.readers.docx_styles",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr}"


def test_reading_a_pdf_imports_neither_pdfplumber_nor_ocr_nor_docx(tmp_path: Path) -> None:
    from support_readers import canvas_pdf, draw_lines

    lines = [f"Plain text of a proposal, line {i} of twenty." for i in range(20)]
    path = canvas_pdf(tmp_path / "p.pdf", [lambda c: draw_lines(c, 72, 700, lines)])
    code = ("import sys; from pathlib import Path; from extractors.readers import read_document; "
            "from models.settings import Settings; "
            f"read_document(Path({str(path)!r}), Settings(data_dir=Path('/nonexistent'))); "
            "print(','.join(m for m in ('pdfplumber', 'pdfminer', 'docx', 'pytesseract', 'PIL') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
