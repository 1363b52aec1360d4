"""Second look at the values a PM will act on: do the digits the text layer claims match the
digits printed on the page?

A font whose character map swaps digits shows 12,500.00 on paper while its text layer says
87,499.99. Only OCR of the printed region can tell, so the contract total (and deposit) of a
text PDF is re-read from its evidence box. A disagreement is flagged and the value's confidence
drops: silently wrong is worse than failing. Files whose fonts cannot lie (only non-embedded
standard fonts without a Unicode map, decided by the reader: ``Document.fonts_can_lie``) skip
the re-read.
"""

from __future__ import annotations

from pathlib import Path

from models.handoff import Field, Flag, Handoff, Money, Severity
from models.settings import Settings

__all__ = ["verify_amounts"]

VERIFIED_FIELDS = ("total", "deposit")


def verify_amounts(handoff: Handoff, path: Path, settings: Settings, *,
                   fonts_can_lie: bool = True) -> list[Flag]:
    """OCR the evidence box of key amounts and flag any whose digits disagree with the text."""
    if not settings.verify_amounts or not fonts_can_lie \
            or handoff.document.media_type != "application/pdf":
        return []
    targets: list[tuple[str, Field[Money]]] = []
    for name in VERIFIED_FIELDS:
        field: Field[Money] = getattr(handoff.price, name)
        if not field.found or not field.evidence:
            continue
        ev = field.evidence[0]
        if ev.page is None or ev.bbox is None or ev.page in handoff.document.ocr_pages:
            continue  # OCR'd text was read from the image already
        targets.append((name, field))
    if not targets:
        return []
    import pypdfium2

    from extractors.readers.ocr import ocr_available, verify_digits

    if not ocr_available(settings.ocr_language):
        return []
    flags: list[Flag] = []
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for name, field in targets:
            ev = field.evidence[0]
            assert ev.page is not None and ev.bbox is not None  # narrowed above
            page = pdf[ev.page - 1]
            try:
                x0, top, x1, bottom = ev.bbox
                agrees = verify_digits(page, (x0, top, x1, bottom), ev.snippet, settings)
            finally:
                page.close()
            if agrees is False:
                field.confidence = min(field.confidence, 0.1)
                flags.append(Flag(
                    code="digits_mismatch", severity=Severity.error,
                    message=f"The printed {name} does not match the text layer’s “{ev.snippet}”: "
                            "check the amount on the page.",
                    fields=[f"price.{name}"]))
    finally:
        pdf.close()
    return flags
