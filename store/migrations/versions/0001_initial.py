"""Initial schema: documents, extractions, edits, document flags, failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("name_key", sa.String(255), nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("media_type", sa.String(100)),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_by", sa.String(200)),
        sa.Column("status_at", TS),
        sa.Column("status_comment", sa.Text),
        sa.Column("client", sa.Text),
        sa.Column("total_amount", sa.String(40)),
        sa.Column("total_currency", sa.String(3)),
        sa.Column("completeness", sa.Float, nullable=False),
        sa.Column("n_errors", sa.Integer, nullable=False),
        sa.Column("n_warnings", sa.Integer, nullable=False),
        sa.Column("n_info", sa.Integer, nullable=False),
        sa.Column("n_extractions", sa.Integer, nullable=False),
    )
    op.create_index("ix_documents_name_key", "documents", ["name_key"])
    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("pipeline_version", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("document_id", "pipeline_version", name="uq_extraction"),
    )
    op.create_index("ix_extractions_document_id", "extractions", ["document_id"])
    op.create_table(
        "edits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "extraction_id",
            sa.Integer,
            sa.ForeignKey("extractions.id", ondelete="SET NULL"),
        ),
        sa.Column("field", sa.String(200), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("by", sa.String(200), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("comment", sa.Text),
    )
    op.create_index("ix_edits_document_id", "edits", ["document_id"])
    op.create_table(
        "document_flags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("code", sa.String(100), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
    )
    op.create_index("ix_document_flags_document_id", "document_flags", ["document_id"])
    op.create_index("ix_document_flags_code", "document_flags", ["code"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64)),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("code", sa.String(100), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("stage", sa.String(50), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_failures_sha256", "failures", ["sha256"])


def downgrade() -> None:
    for table in ("failures", "document_flags", "edits", "extractions", "documents"):
        op.drop_table(table)
