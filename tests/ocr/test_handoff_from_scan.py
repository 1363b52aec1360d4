"""The handoff of a scanned proposal matches the one of its text PDF (through the whole pipeline)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ocrkit import CLIENT, SCOPE, mixed_pdf, proposal_pdf_bytes

from extractors.pipeline import process_path
from extractors.readers.ocr_bench import make_scanned_pdf
from models.settings import Settings


def _facts(handoff: Any) -> dict[str, Any]:
    data = handoff.model_dump(mode="json")
    total = data["price"]["total"]["value"]
    return {
        "total": total and (total["amount"], total["currency"]),
        "proposal_date": data["dates"]["proposal_date"]["value"],
        "client": data["parties"]["client"]["name"]["value"],
        "scope": {item["text"] for item in data["scope"]["inclusions"]},
        "signature_dates": [s["date"] for s in data["signatures"]],
    }


@pytest.fixture(scope="module")
def handoff_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., dict[str, Any]]:
    folder = tmp_path_factory.mktemp("e2e")
    text_pdf = folder / "text.pdf"
    text_pdf.write_bytes(proposal_pdf_bytes(signature_page=True))
    settings = Settings(data_dir=folder / "data")

    def run(mixed_with_scan_of_page: int | None = None, **scan: Any) -> dict[str, Any]:
        path = text_pdf
        n = len(list(folder.iterdir()))
        if mixed_with_scan_of_page:
            page = mixed_with_scan_of_page
            sig = make_scanned_pdf(text_pdf, folder / f"sig-{n}.pdf", pages=[page],
                                   rotate=-1.2, noise=15.0)
            path = mixed_pdf(text_pdf, sig, folder / f"mixed-{n}.pdf", replace_page=page)
        elif scan:
            path = make_scanned_pdf(text_pdf, folder / f"scan-{n}.pdf", **scan)
        return _facts(process_path(path, settings, root=folder))

    return run


@pytest.mark.parametrize(
    "scan",
    [
        pytest.param({"rotate": 1.5, "noise": 15.0}, id="tilted-noisy"),
        pytest.param({"rotate": 90.0, "noise": 10.0}, id="sideways"),
    ],
)
def test_scan_gives_the_same_handoff_as_the_text_pdf(
    handoff_of: Callable[..., dict[str, Any]], scan: dict[str, Any]
) -> None:
    text = handoff_of()
    assert text["total"] == ("42500.00", "USD")
    assert text["client"] == CLIENT
    scanned = handoff_of(**scan)
    for key in ("total", "proposal_date", "client", "signature_dates"):
        assert scanned[key] == text[key], key
    assert len(scanned["scope"] & set(SCOPE)) >= len(SCOPE) - 1


def test_mixed_document_reads_its_scanned_signature_block(
    handoff_of: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    """Typed proposal page + scanned signature page: the signature block is read from the scan."""
    text = handoff_of()
    assert "2026-04-02" in text["signature_dates"]
    mixed = handoff_of(mixed_with_scan_of_page=2)
    assert mixed == text
