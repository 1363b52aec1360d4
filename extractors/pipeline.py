"""The plain pipeline: file -> Document -> spaCy Doc -> fields -> checks -> Handoff.

Callable without Prefect: flows wrap ``process_path`` in one task per document. Each stage is
its own function (``read``, ``analyse``, ``extract_fields``, ``check``) so the benchmark can time
them one by one. The spaCy pipeline is built once per process (``get_nlp``) and reused.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from extractors.context import Context
from models.document import Document
from models.handoff import DocumentInfo, Flag, Handoff, PageInfo
from models.settings import Settings
from models.version import PIPELINE_VERSION

__all__ = [
    "analyse", "check", "extract_document", "extract_fields", "process_path", "read", "verify",
]


def read(path: Path, settings: Settings, *, root: Path | None = None) -> Document:
    """Stage 1: gate and read the file into a Document."""
    from extractors.readers import read_document

    return read_document(Path(path), settings, root=root)


def analyse(document: Document, settings: Settings) -> Context:
    """Stage 2: run the spaCy rule pipeline and segment the document into sections."""
    from extractors.nlp import get_nlp

    nlp = get_nlp(settings)
    return Context(document, nlp(_unwrap(document.text)), settings)


_WRAPPED = re.compile(r"(?<=[a-z,;])\n\n?(?=[a-z(])")


def _unwrap(text: str) -> str:
    """Join lines a PDF wrapped mid-sentence ("substantial\ncompletion") so phrase rules match.

    Same length as the input, so every offset still points into ``Document.text``; a line that
    starts with a capital (an address line, "Attn:") stays a line. A paragraph never starts with
    a lower-case word, so a block break before one is a wrapped line the reader split too."""
    return _WRAPPED.sub(lambda m: " " * len(m.group(0)), text)


def extract_fields(ctx: Context) -> Handoff:
    """Stage 3: every field family, each from its own module."""
    from extractors.dates import extract_dates, resolve_relative
    from extractors.parties import extract_parties
    from extractors.price import extract_price
    from extractors.scope import extract_scope
    from extractors.signatures import extract_signatures
    from extractors.terms import extract_terms

    document = ctx.document
    info = DocumentInfo(
        id=document.sha256,
        file_name=document.file_name,
        media_type=document.media_type,
        pages=document.page_count,
        ocr_pages=document.ocr_pages,
        reader=document.reader,
        pipeline_version=PIPELINE_VERSION,
        processed_at=datetime.now(UTC),
        has_tracked_changes=document.has_tracked_changes,
        warnings=list(document.warnings),
    )
    pages = [
        PageInfo(number=p.number, method=p.method.value, chars=p.chars,
                 ocr_confidence=p.ocr_confidence, note=p.note)
        for p in document.pages
    ]
    handoff = Handoff(
        document=info,
        pages=pages,
        parties=extract_parties(ctx),
        price=extract_price(ctx),
        dates=extract_dates(ctx),
        scope=extract_scope(ctx),
        terms=extract_terms(ctx),
        signatures=extract_signatures(ctx),
    )
    signed = sorted(s.date for s in handoff.signatures if s.date)
    resolve_relative(
        handoff.dates.relative_terms,
        {
            "start": handoff.dates.start.value,
            "signature": signed[-1] if signed else None,
            "proposal": handoff.dates.proposal_date.value,
        },
    )
    return handoff


def verify(handoff: Handoff, path: Path, settings: Settings, *,
           fonts_can_lie: bool = True) -> list[Flag]:
    """Stage 3b: re-read key amounts from the printed page (needs the file, so not for text);
    ``fonts_can_lie`` is the reader's verdict (``Document.fonts_can_lie``)."""
    from extractors.verify import verify_amounts

    return verify_amounts(handoff, path, settings, fonts_can_lie=fonts_can_lie)


def check(handoff: Handoff, settings: Settings, extra: list[Flag] | None = None) -> Handoff:
    """Stage 4: flags and completeness (values are never changed here)."""
    from extractors.checks import completeness, run_checks

    handoff.review.flags = (extra or []) + run_checks(handoff, settings.low_confidence)
    handoff.review.completeness = completeness(handoff)
    return handoff


def extract_document(document: Document, settings: Settings) -> Handoff:
    """Stages 2-4 over an already-read Document."""
    return check(extract_fields(analyse(document, settings)), settings)


def process_path(path: Path, settings: Settings, *, root: Path | None = None) -> Handoff:
    """Read one file and extract its handoff. Raises ``models.errors.HandoffError`` subclasses."""
    document = read(path, settings, root=root)
    handoff = extract_fields(analyse(document, settings))
    return check(handoff, settings, verify(handoff, Path(path), settings,
                                           fonts_can_lie=document.fonts_can_lie))
