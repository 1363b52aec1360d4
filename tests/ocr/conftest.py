"""Fixtures of the OCR tests: the proposal PDF and its scanned copies, made once per session."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ocrkit import open_page, proposal_pdf_bytes  # noqa: E402

from extractors.readers.ocr import OcrPage, ocr_page  # noqa: E402
from extractors.readers.ocr_bench import make_scanned_pdf  # noqa: E402
from models.settings import Settings  # noqa: E402


@pytest.fixture(scope="session")
def ocr_settings() -> Settings:
    return Settings(data_dir="/nonexistent-handoff-test-data", time_limit_s=120)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def proposal_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ocr") / "proposal.pdf"
    path.write_bytes(proposal_pdf_bytes())
    return path


@pytest.fixture(scope="session")
def scan(
    tmp_path_factory: pytest.TempPathFactory, proposal_pdf: Path
) -> Callable[..., Path]:
    """Scanned copies of the proposal, made once per (rotate, noise, dpi)."""
    folder = tmp_path_factory.mktemp("scans")
    made: dict[tuple[float, float, int], Path] = {}

    def make(rotate: float = 0.0, noise: float = 0.0, dpi: int = 200) -> Path:
        key = (rotate, noise, dpi)
        if key not in made:
            made[key] = make_scanned_pdf(
                proposal_pdf, folder / f"scan-{rotate}-{noise}-{dpi}.pdf",
                dpi=dpi, rotate=rotate, noise=noise,
            )
        return made[key]

    return make


@pytest.fixture(scope="session")
def read_scan(
    scan: Callable[..., Path], ocr_settings: Settings
) -> Callable[[float, float], OcrPage]:
    """OCR of page 1 of a scanned copy, read once per (rotate, noise) for the whole session."""
    cache: dict[tuple[float, float], OcrPage] = {}

    def run(rotate: float, noise: float) -> OcrPage:
        if (rotate, noise) not in cache:
            with open_page(scan(rotate, noise)) as page:
                cache[(rotate, noise)] = ocr_page(page, 1, ocr_settings)
        return cache[(rotate, noise)]

    return run
