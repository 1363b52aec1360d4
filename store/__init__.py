"""The review store: documents, extractions, reviewer edits, flags and failures.

SQLite by default (a file in the data folder), PostgreSQL by URL; the schema is managed by
Alembic migrations that ``open_store`` runs. Imports ``models`` only.

    store = open_store(settings.database_url)
    doc_id = store.save_extraction(handoff, source_name="proposal.pdf", source_path=".../done/…")
    store.save_failure(sha256=None, source_name="x.pdf", code="corrupt", message="…", stage="read")
    store.close()
"""

from store.edits import Edit
from store.fields import FIELDS, GROUPS, EditError, FieldSpec
from store.store import (
    DocumentNotFound,
    DocumentRecord,
    EditRecord,
    ExtractionRecord,
    FailureRecord,
    Store,
    open_store,
)

__all__ = [
    "FIELDS",
    "GROUPS",
    "DocumentNotFound",
    "DocumentRecord",
    "Edit",
    "EditError",
    "EditRecord",
    "ExtractionRecord",
    "FailureRecord",
    "FieldSpec",
    "Store",
    "open_store",
]
