"""Shared fixtures: build Documents and Contexts from plain text blocks for fast rule tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from extractors.context import Context
from extractors.nlp import get_nlp
from models.document import BlockKind, Document, DocumentBuilder, Page
from models.settings import Settings

BlockSpec = str | tuple[str, str] | list[list[str]]


def build_document(blocks: Sequence[BlockSpec], name: str = "test.docx") -> Document:
    """Blocks as text (paragraph), (kind, text) or a table (list of rows of cell texts)."""
    b = DocumentBuilder(sha256="0" * 64, file_name=name, media_type="application/test", reader="test")
    b.add_page(Page(number=1))
    for n, spec in enumerate(blocks):
        if isinstance(spec, list):
            rows = []
            t = len(b.tables)
            for r, cells in enumerate(spec):
                ids = []
                for c, cell in enumerate(cells):
                    sep = "\n\n" if r == 0 and c == 0 else ("\n" if c == 0 else "\t")
                    ids.append(b.add_block(BlockKind.table_cell, cell, page=1, separator=sep,
                                           table=t, row=r, col=c,
                                           locator=f"table {t + 1} row {r + 1} cell {c + 1}"))
                rows.append(ids)
            b.add_table([1], rows, header_rows=1)
            continue
        kind, text = (("paragraph", spec) if isinstance(spec, str) else spec)
        b.add_block(BlockKind(kind), text, page=1, locator=f"paragraph {n + 1}")
    return b.build()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(data_dir="/nonexistent-handoff-test-data")  # type: ignore[arg-type]


@pytest.fixture
def make_context(settings: Settings) -> Callable[[Sequence[BlockSpec]], Context]:
    from extractors.pipeline import analyse

    get_nlp(settings)

    def make(blocks: Sequence[BlockSpec]) -> Context:
        return analyse(build_document(blocks), settings)

    return make
