"""Fixtures of the review tests: a data folder with a real PDF, a store, the app."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support_review import TestClient, make_handoff, write_pdf  # noqa: E402

from models.handoff import Handoff  # noqa: E402
from models.settings import Settings  # noqa: E402
from review.app import create_app  # noqa: E402
from store import Store, open_store  # noqa: E402


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    data = tmp_path / "data"
    data.mkdir()
    return Settings(data_dir=data, db_url=f"sqlite:///{tmp_path / 'review.sqlite3'}",
                    review_token=None)


@pytest.fixture()
def store(settings: Settings) -> Iterator[Store]:
    s = open_store(settings.database_url)
    yield s
    s.close()


@pytest.fixture()
def pdf_doc(settings: Settings, store: Store) -> tuple[int, Handoff, Path]:
    """A stored hostile-text extraction of a real PDF in the data folder's done/."""
    path = settings.data_dir / "done" / "proposal.pdf"
    sha = write_pdf(path)
    h = make_handoff(sha=sha, file_name="proposal.pdf", hostile=True)
    doc_id = store.save_extraction(h, source_name="proposal.pdf", source_path=str(path))
    return doc_id, h, path


@pytest.fixture()
def client(settings: Settings, store: Store) -> Iterator[TestClient]:
    app = create_app(settings, store)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c
