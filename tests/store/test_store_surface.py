"""The store and review packages state their public surface and keep imports one-way."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

MODULES = ["store", "store.fields", "store.edits", "store.diff", "store.names", "store.schema",
           "store.store", "store.db", "review", "review.app", "review.brief", "review.gold",
           "review.package", "review.pages", "review.security", "review.view"]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr}"


def test_store_and_review_import_neither_prefect_nor_spacy() -> None:
    # The checks (pure functions over the model) re-run after edits; nothing else of the
    # extraction side may come along.
    code = ("import sys, store, review.app, review.brief; "
            "bad = [m for m in ('prefect', 'spacy', 'flows', 'pdfplumber', 'pypdfium2') "
            "if m in sys.modules] + [m for m in sys.modules if m.startswith('extractors.') "
            "and m != 'extractors.checks']; print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
