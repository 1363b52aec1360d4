"""Data models shared by every part of handoff: the Document, the handoff package, settings, errors."""

from models.document import (
    Block,
    BlockKind,
    Document,
    DocumentBuilder,
    Page,
    PageMethod,
    Span,
    Table,
)
from models.errors import HandoffError
from models.handoff import SCHEMA_VERSION, Handoff
from models.settings import Settings, load_settings

__all__ = [
    "SCHEMA_VERSION",
    "Block",
    "BlockKind",
    "Document",
    "DocumentBuilder",
    "Handoff",
    "HandoffError",
    "Page",
    "PageMethod",
    "Settings",
    "Span",
    "Table",
    "load_settings",
]
