"""The tables of the review store (SQLAlchemy 2 declarative models).

    documents ─┬─< extractions ─< (flags are denormalised per document in document_flags)
               ├─< edits            per-field reviewer changes, never overwritten
               └─< document_flags   the current flags, for filtering the queue
    failures                        files that could not be processed, with their error code

A document is keyed by the sha256 of its bytes. Documents with the same file name are versions
of one another (``name_key``). Every extraction of a document is kept: re-processing adds a row.
The handoff JSON is stored as text (ASCII-escaped) so that any string the document held — NUL,
lone surrogates from undecodable file names — round-trips on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "DocumentRow", "DocumentFlagRow", "EditRow", "ExtractionRow", "FailureRow"]


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    file_name: Mapped[str] = mapped_column(Text, nullable=False)
    name_key: Mapped[str] = mapped_column(String(255), nullable=False, index=True)
    source_path: Mapped[str | None] = mapped_column(Text, nullable=True)
    media_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="needs_review")
    status_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    status_comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Summary of the current package (latest extraction + edits), kept for the queue.
    client: Mapped[str | None] = mapped_column(Text, nullable=True)
    total_amount: Mapped[str | None] = mapped_column(String(40), nullable=True)
    total_currency: Mapped[str | None] = mapped_column(String(3), nullable=True)
    completeness: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    n_errors: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    n_warnings: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    n_info: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    n_extractions: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ExtractionRow(Base):
    __tablename__ = "extractions"
    __table_args__ = (UniqueConstraint("document_id", "pipeline_version", name="uq_extraction"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    pipeline_version: Mapped[str] = mapped_column(String(100), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)


class EditRow(Base):
    __tablename__ = "edits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    extraction_id: Mapped[int | None] = mapped_column(
        ForeignKey("extractions.id", ondelete="SET NULL"), nullable=True
    )
    field: Mapped[str] = mapped_column(String(200), nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    by: Mapped[str] = mapped_column(String(200), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)


class DocumentFlagRow(Base):
    __tablename__ = "document_flags"
    __table_args__ = (Index("ix_document_flags_code", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )
    code: Mapped[str] = mapped_column(String(100), nullable=False)
    severity: Mapped[str] = mapped_column(String(20), nullable=False)


class FailureRow(Base):
    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    source_name: Mapped[str] = mapped_column(Text, nullable=False)
    code: Mapped[str] = mapped_column(String(100), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    stage: Mapped[str] = mapped_column(String(50), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
