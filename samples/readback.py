"""Read a sample back as plain text, independently of the product's readers.

Used by the sample tests to check that every gold value is really written in its document,
with pdfplumber and python-docx directly (so a reader bug cannot hide a gold bug).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

__all__ = ["amount_in", "docx_text", "pdf_text", "plain_text"]

# "15 440,00" (a space between thousands, as in French) is one number too.
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d[\d.,]*\d|\d")


def pdf_text(path: Path) -> tuple[str, int]:
    """All text of a PDF (pypdfium2's text layer) and its page count (as pdfplumber sees it)."""
    import pdfplumber
    import pypdfium2

    with pdfplumber.open(path) as plumber:
        pages = len(plumber.pages)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    return text.replace("\r\n", "\n"), pages


def docx_text(path: Path) -> str:
    """Every paragraph's visible text: body, tables, content controls, insertions (not
    deletions), headers and footers; one line per paragraph."""
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(str(path))
    roots = [d.element.body]
    for section in d.sections:
        roots += [section.header._element, section.footer._element]
    lines: list[str] = []
    for root in roots:
        for p in root.iter(qn("w:p")):
            lines.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return "\n".join(lines)


def plain_text(path: Path) -> str:
    return pdf_text(path)[0] if path.suffix.lower() == ".pdf" else docx_text(path)


def amount_in(text: str, amount: Decimal) -> bool:
    """True when some number in the text is the amount, whatever its separators."""
    full = f"{amount:.2f}".replace(".", "")
    whole = str(int(amount)) if amount == amount.to_integral_value() else None
    for token in _NUMBER.findall(text):
        digits = re.sub(r"[.,\s]", "", token)
        if digits == full or (whole is not None and digits == whole):
            return True
    return False
