"""The plain pipeline: file -> Document -> spaCy Doc -> fields -> checks -> Handoff.

Callable without Prefect: flows wrap ``process_path`` in one task per document. The spaCy
pipeline is built once per process (``get_nlp``) and reused for every document.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from handoff import PIPELINE_VERSION
from models.document import Document
from models.handoff import DocumentInfo, Handoff, PageInfo
from models.settings import Settings

__all__ = ["extract_document", "process_path"]


def process_path(path: Path, settings: Settings, *, root: Path | None = None) -> Handoff:
    """Read one file and extract its handoff. Raises ``models.errors.HandoffError`` subclasses."""
    from extractors.readers import read_document

    document = read_document(Path(path), settings, root=root)
    return extract_document(document, settings)


def extract_document(document: Document, settings: Settings) -> Handoff:
    """Run NLP, field extractors and checks over an already-read Document."""
    from extractors.checks import completeness, run_checks
    from extractors.context import Context
    from extractors.dates import extract_dates, resolve_relative
    from extractors.nlp import get_nlp
    from extractors.parties import extract_parties
    from extractors.price import extract_price
    from extractors.scope import extract_scope
    from extractors.signatures import extract_signatures
    from extractors.terms import extract_terms

    info = DocumentInfo(
        id=document.sha256 or hashlib.sha256(document.text.encode()).hexdigest(),
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
    nlp = get_nlp(settings)
    ctx = Context(document, nlp(document.text), settings)
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
    handoff.review.flags = run_checks(handoff, settings.low_confidence)
    handoff.review.completeness = completeness(handoff)
    return handoff
