"""Every package states its public surface, and every name in ``__all__`` exists."""

import importlib

import pytest

MODULES = [
    "models", "models.document", "models.handoff", "models.errors", "models.settings",
    "extractors.nlp", "extractors.context", "extractors.price", "extractors.dates",
    "extractors.checks", "extractors.pipeline", "extractors.normalize", "extractors.verify",
    "extractors.parties", "extractors.party_cards", "extractors.party_sources", "extractors.party_text",
    "extractors.scope", "extractors.scope_text", "extractors.terms", "extractors.signatures",
    "extractors.lines", "extractors.fieldmake", "extractors.readers", "extractors.sandbox",
    "store", "review.app",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr}"


def test_models_import_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, models, models.handoff, models.document; "
            "heavy = [m for m in ('spacy', 'prefect', 'fastapi', 'sqlalchemy', 'pdfplumber') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_extract_path_imports_no_orchestration_or_web() -> None:
    import subprocess
    import sys

    code = ("import sys; from handoff.cli import main; import handoff.commands.extract, extractors.pipeline; "
            "heavy = [m for m in ('prefect', 'fastapi', 'sqlalchemy', 'uvicorn') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
