"""The review store: what the flows write and the review app reads and corrects.

``save_extraction`` is idempotent by the document's sha256 and pipeline version; a new pipeline
version adds an extraction beside the old ones. Reviewer edits live in their own table and are
replayed over the newest extraction (``store.edits``), so re-processing never overwrites them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models.handoff import Handoff, ReviewStatus
from store.db import make_engine, migrate
from store.diff import Difference, diff_handoffs
from store.edits import ACTIONS, Edit, apply_edits
from store.fields import FIELD_BY_PATH, EditError, display, get_path, parse
from store.names import clean_text, name_key, safe_name
from store.schema import DocumentFlagRow, DocumentRow, EditRow, ExtractionRow, FailureRow

__all__ = [
    "DocumentNotFound",
    "DocumentRecord",
    "EditRecord",
    "ExtractionRecord",
    "FailureRecord",
    "Store",
    "open_store",
]

SORTS = ("newest", "oldest", "client", "completeness")


class DocumentNotFound(LookupError):
    """No document (or extraction) with that id."""


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: int
    sha256: str
    file_name: str
    source_path: str | None
    media_type: str | None
    created_at: datetime
    updated_at: datetime
    status: str
    status_by: str | None
    status_at: datetime | None
    status_comment: str | None
    client: str | None
    total_amount: str | None
    total_currency: str | None
    completeness: float
    n_errors: int
    n_warnings: int
    n_info: int
    n_extractions: int

    @property
    def total(self) -> str:
        if self.total_amount is None:
            return ""
        return display("money", {"amount": self.total_amount, "currency": self.total_currency})


@dataclass(frozen=True, slots=True)
class ExtractionRecord:
    id: int
    pipeline_version: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class EditRecord:
    id: int
    extraction_id: int | None
    edit: Edit


@dataclass(frozen=True, slots=True)
class FailureRecord:
    id: int
    sha256: str | None
    source_name: str
    code: str
    message: str
    stage: str
    created_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _clean(obj: Any) -> Any:
    """Every string of a JSON tree made storable (no lone surrogates, no NUL)."""
    if isinstance(obj, str):
        return clean_text(obj)
    if isinstance(obj, list):
        return [_clean(x) for x in obj]
    if isinstance(obj, dict):
        return {clean_text(str(k)): _clean(v) for k, v in obj.items()}
    return obj


def _dump(handoff: Handoff) -> str:
    return json.dumps(_clean(handoff.model_dump(mode="json")), ensure_ascii=True)


def _load(data: str) -> Handoff:
    return Handoff.model_validate(json.loads(data))


def _record(row: DocumentRow) -> DocumentRecord:
    return DocumentRecord(
        id=row.id, sha256=row.sha256, file_name=row.file_name, source_path=row.source_path,
        media_type=row.media_type, created_at=_utc(row.created_at),
        updated_at=_utc(row.updated_at), status=row.status, status_by=row.status_by,
        status_at=_utc(row.status_at) if row.status_at else None,
        status_comment=row.status_comment, client=row.client, total_amount=row.total_amount,
        total_currency=row.total_currency, completeness=row.completeness,
        n_errors=row.n_errors, n_warnings=row.n_warnings, n_info=row.n_info,
        n_extractions=row.n_extractions,
    )


def _edit(row: EditRow) -> EditRecord:
    return EditRecord(
        id=row.id,
        extraction_id=row.extraction_id,
        edit=Edit(field=row.field, action=row.action, old=row.old, new=row.new, by=row.by,
                  at=_utc(row.at), comment=row.comment),
    )


class Store:
    """Documents, their extractions, reviewer edits and failures, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    # --- writing (the flows) -------------------------------------------------------------------
    def save_extraction(
        self, handoff: Handoff, *, source_name: str, source_path: str | None = None
    ) -> int:
        """Store one extraction; returns the document id. Same sha + pipeline version: no-op."""
        for attempt in range(3):
            try:
                return self._save_extraction(handoff, source_name, source_path)
            except IntegrityError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _save_extraction(
        self, handoff: Handoff, source_name: str, source_path: str | None
    ) -> int:
        sha = handoff.document.id
        now = _now()
        with self._session() as s:
            doc = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha))
            name = safe_name(source_name or handoff.document.file_name)
            if doc is None:
                doc = DocumentRow(
                    sha256=sha, file_name=name, name_key=name_key(name),
                    source_path=clean_text(source_path) if source_path else None,
                    media_type=handoff.document.media_type, created_at=now, updated_at=now,
                    status=handoff.review.status.value, completeness=0.0, n_errors=0,
                    n_warnings=0, n_info=0, n_extractions=0,
                )
                s.add(doc)
                s.flush()
            elif source_path:
                doc.source_path = clean_text(source_path)
            version = handoff.document.pipeline_version
            existing = s.scalar(
                select(ExtractionRow.id).where(
                    ExtractionRow.document_id == doc.id, ExtractionRow.pipeline_version == version
                )
            )
            if existing is None:
                previous = s.scalar(select(ExtractionRow).where(
                    ExtractionRow.document_id == doc.id).order_by(ExtractionRow.id.desc()))
                s.add(ExtractionRow(document_id=doc.id, pipeline_version=version,
                                    created_at=now, data=_dump(handoff)))
                doc.updated_at = now
                s.flush()
                if previous is not None and doc.status != ReviewStatus.needs_review.value:
                    self._reopen_if_changed(s, doc, _load(previous.data), handoff, version)
                self._refresh(s, doc)
            return doc.id

    def _reopen_if_changed(self, s: Session, doc: DocumentRow, old: Handoff, new: Handoff,
                           version: str) -> None:
        """A decided document whose new extraction reads differently goes back to review."""
        edited = set(s.scalars(select(EditRow.field).where(
            EditRow.document_id == doc.id, EditRow.action != "confirm")))
        changed = [d for d in diff_handoffs(old, new) if d.field not in edited]
        if changed:
            was = doc.status
            doc.status = ReviewStatus.needs_review.value
            doc.status_by = "handoff"
            doc.status_at = _now()
            doc.status_comment = (f"was {was}; re-processed with {clean_text(version)}: "
                                  f"{len(changed)} field(s) read differently")

    def save_failure(
        self, *, sha256: str | None, source_name: str, code: str, message: str, stage: str
    ) -> int:
        """Record a file that could not be processed (the same failure twice is one row)."""
        name = safe_name(source_name)
        with self._session() as s:
            if sha256:
                row = s.scalar(select(FailureRow).where(
                    FailureRow.sha256 == sha256, FailureRow.code == code,
                    FailureRow.source_name == name))
                if row is not None:
                    row.created_at = _now()
                    row.message = clean_text(message)
                    return row.id
            row = FailureRow(sha256=sha256, source_name=name, code=clean_text(code)[:100],
                             message=clean_text(message), stage=clean_text(stage)[:50],
                             created_at=_now())
            s.add(row)
            s.flush()
            return row.id

    # --- reading (the review app) --------------------------------------------------------------
    def list_documents(
        self,
        *,
        status: str | None = None,
        flag: str | None = None,
        q: str | None = None,
        sort: str = "newest",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DocumentRecord]:
        """The review queue, filtered by status and flag code, searched by client or file."""
        stmt = self._queue_query(select(DocumentRow), status=status, flag=flag, q=q)
        order = {
            "newest": (DocumentRow.updated_at.desc(), DocumentRow.id.desc()),
            "oldest": (DocumentRow.updated_at.asc(), DocumentRow.id.asc()),
            "client": (func.lower(func.coalesce(DocumentRow.client, "")), DocumentRow.id),
            "completeness": (DocumentRow.completeness.asc(), DocumentRow.id),
        }.get(sort, (DocumentRow.updated_at.desc(), DocumentRow.id.desc()))
        stmt = stmt.order_by(*order).offset(max(0, offset))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._session() as s:
            return [_record(r) for r in s.scalars(stmt)]

    def count_documents(self, *, status: str | None = None, flag: str | None = None,
                        q: str | None = None) -> int:
        """How many documents the queue holds with these filters."""
        stmt = self._queue_query(select(func.count()).select_from(DocumentRow), status=status,
                                 flag=flag, q=q)
        with self._session() as s:
            return int(s.scalar(stmt) or 0)

    @staticmethod
    def _queue_query(stmt: Any, *, status: str | None, flag: str | None, q: str | None) -> Any:
        if status:
            stmt = stmt.where(DocumentRow.status == status)
        if flag:
            stmt = stmt.where(DocumentRow.id.in_(
                select(DocumentFlagRow.document_id).where(DocumentFlagRow.code == flag)))
        if q:
            needle = q.strip().lower()
            stmt = stmt.where(or_(
                func.lower(DocumentRow.file_name).contains(needle, autoescape=True),
                func.lower(func.coalesce(DocumentRow.client, "")).contains(
                    needle, autoescape=True),
            ))
        return stmt

    def flag_codes(self) -> list[str]:
        with self._session() as s:
            return list(s.scalars(select(DocumentFlagRow.code).distinct().order_by(
                DocumentFlagRow.code)))

    def list_failures(self, *, q: str | None = None) -> list[FailureRecord]:
        """Failures not superseded by a later successful extraction of the same bytes."""
        stmt = select(FailureRow).where(or_(
            FailureRow.sha256.is_(None),
            FailureRow.sha256.not_in(select(DocumentRow.sha256)),
        ))
        if q:
            stmt = stmt.where(func.lower(FailureRow.source_name).contains(
                q.strip().lower(), autoescape=True))
        with self._session() as s:
            return [
                FailureRecord(id=r.id, sha256=r.sha256, source_name=r.source_name, code=r.code,
                              message=r.message, stage=r.stage, created_at=_utc(r.created_at))
                for r in s.scalars(stmt.order_by(FailureRow.created_at.desc(), FailureRow.id))
            ]

    def get_document(self, doc_id: int) -> DocumentRecord:
        with self._session() as s:
            return _record(self._doc(s, doc_id))

    def find_document(self, sha256: str) -> DocumentRecord | None:
        with self._session() as s:
            row = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            return _record(row) if row else None

    def versions(self, doc_id: int) -> list[DocumentRecord]:
        """Other documents with the same file name (earlier or later versions of it)."""
        with self._session() as s:
            doc = self._doc(s, doc_id)
            rows = s.scalars(select(DocumentRow).where(
                DocumentRow.name_key == doc.name_key, DocumentRow.id != doc.id
            ).order_by(DocumentRow.created_at))
            return [_record(r) for r in rows]

    def extractions(self, doc_id: int) -> list[ExtractionRecord]:
        """Every extraction of a document, oldest first."""
        with self._session() as s:
            self._doc(s, doc_id)
            rows = s.execute(select(
                ExtractionRow.id, ExtractionRow.pipeline_version, ExtractionRow.created_at
            ).where(ExtractionRow.document_id == doc_id).order_by(ExtractionRow.id))
            return [ExtractionRecord(i, v, _utc(c)) for i, v, c in rows]

    def extraction(self, doc_id: int, extraction_id: int | None = None) -> Handoff:
        """One extraction as produced by the pipeline (the newest when no id is given)."""
        with self._session() as s:
            return _load(self._extraction_row(s, doc_id, extraction_id).data)

    def edits(self, doc_id: int) -> list[EditRecord]:
        with self._session() as s:
            self._doc(s, doc_id)
            rows = s.scalars(select(EditRow).where(EditRow.document_id == doc_id)
                             .order_by(EditRow.id))
            return [_edit(r) for r in rows]

    def current(self, doc_id: int) -> Handoff:
        """The package as the reviewer left it: newest extraction, edits replayed, status set."""
        with self._session() as s:
            return self._current(s, self._doc(s, doc_id))

    def differences(self, doc_id: int) -> list[Difference]:
        """What the newest extraction changed compared with the one before it."""
        with self._session() as s:
            rows = list(s.scalars(select(ExtractionRow).where(
                ExtractionRow.document_id == doc_id).order_by(ExtractionRow.id.desc()).limit(2)))
        if len(rows) < 2:
            return []
        return diff_handoffs(_load(rows[1].data), _load(rows[0].data))

    # --- reviewing -----------------------------------------------------------------------------
    def add_edit(
        self,
        doc_id: int,
        *,
        field: str,
        action: str,
        by: str,
        new: str | None = None,
        old: str | None = None,
        comment: str | None = None,
    ) -> int:
        """Record one correction after checking it parses; returns the edit id."""
        spec = FIELD_BY_PATH.get(field)
        if spec is None:
            raise EditError(f"unknown field {field!r}")
        if action not in ACTIONS:
            raise EditError(f"unknown action {action!r}")
        if spec.is_list != (action in ("add", "delete")) and action != "set":
            raise EditError(f"cannot {action} {spec.label}")
        new = clean_text(new).strip() if new is not None else None
        old = clean_text(old).strip() if old is not None else None
        comment = clean_text(comment).strip()[:2000] or None if comment else None
        by = safe_name(by.strip() or "reviewer")[:200]
        with self._session() as s:
            doc = self._doc(s, doc_id)
            if doc.status != ReviewStatus.needs_review.value:
                raise EditError(f"the document is {doc.status}; reopen it to edit")
            current = self._current(s, doc).model_dump(mode="json")
            if spec.is_list:
                if action in ("add",) and not new:
                    raise EditError("write the text of the item to add")
                if action in ("delete", "set") and not old:
                    raise EditError("name the item to change")
                if action == "set" and not new:
                    raise EditError("write the new text of the item")
                if new:
                    parse(spec.kind, new, default_currency=str(
                        get_path(current, "price.currency") or "USD"))
            else:
                value = display(spec.kind, get_path(current, field + ".value"))
                if action == "confirm":
                    new = value
                elif new:
                    parse(spec.kind, new, default_currency=str(
                        get_path(current, "price.currency") or "USD"))
                old = value
            extraction = self._extraction_row(s, doc_id, None)
            row = EditRow(document_id=doc_id, extraction_id=extraction.id, field=field,
                          action=action, old=old, new=new, by=by, at=_now(), comment=comment)
            s.add(row)
            s.flush()
            self._refresh(s, doc)
            return row.id

    def set_status(self, doc_id: int, status: str, *, by: str, comment: str | None = None) -> None:
        """Approve, reject or reopen (``needs_review``) a document."""
        status = ReviewStatus(status).value
        with self._session() as s:
            doc = self._doc(s, doc_id)
            doc.status = status
            doc.status_by = safe_name(by.strip() or "reviewer")[:200]
            doc.status_at = _now()
            doc.status_comment = clean_text(comment).strip() or None if comment else None

    # --- internals -----------------------------------------------------------------------------
    @staticmethod
    def _doc(s: Session, doc_id: int) -> DocumentRow:
        doc = s.get(DocumentRow, doc_id)
        if doc is None:
            raise DocumentNotFound(f"no document {doc_id}")
        return doc

    @staticmethod
    def _extraction_row(s: Session, doc_id: int, extraction_id: int | None) -> ExtractionRow:
        stmt = select(ExtractionRow).where(ExtractionRow.document_id == doc_id)
        if extraction_id is not None:
            stmt = stmt.where(ExtractionRow.id == extraction_id)
        row = s.scalar(stmt.order_by(ExtractionRow.id.desc()).limit(1))
        if row is None:
            raise DocumentNotFound(f"no extraction for document {doc_id}")
        return row

    def _current(self, s: Session, doc: DocumentRow) -> Handoff:
        base = _load(self._extraction_row(s, doc.id, None).data)
        edits = [_edit(r).edit for r in s.scalars(
            select(EditRow).where(EditRow.document_id == doc.id).order_by(EditRow.id))]
        return apply_edits(base, edits, status=doc.status)

    def _refresh(self, s: Session, doc: DocumentRow) -> None:
        """Recompute the queue summary of a document from its current package."""
        h = self._current(s, doc)
        doc.client = h.parties.client.name.value if h.parties.client.name.found else None
        total = h.price.total.value if h.price.total.found else None
        doc.total_amount = format(total.amount, "f") if total else None
        doc.total_currency = total.currency if total else None
        doc.completeness = h.review.completeness
        sev = [f.severity.value for f in h.review.flags]
        doc.n_errors, doc.n_warnings, doc.n_info = (
            sev.count("error"), sev.count("warning"), sev.count("info"))
        doc.n_extractions = s.scalar(select(func.count()).select_from(ExtractionRow).where(
            ExtractionRow.document_id == doc.id)) or 0
        s.execute(delete(DocumentFlagRow).where(DocumentFlagRow.document_id == doc.id))
        s.add_all(DocumentFlagRow(document_id=doc.id, code=f.code[:100],
                                  severity=f.severity.value) for f in h.review.flags)


def open_store(url: str) -> Store:
    """Open (and migrate) the store at a SQLAlchemy URL, e.g. ``settings.database_url``."""
    engine = make_engine(url)
    migrate(engine)
    return Store(engine)
