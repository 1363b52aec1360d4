"""Real files through the real pipeline into the store and onto the review page."""

from __future__ import annotations

import re
from pathlib import Path

from support_review import TestClient, write_pdf

from extractors.pipeline import process_path
from models.settings import Settings
from store import Store


def _docx(path: Path) -> None:
    from docx import Document

    path.parent.mkdir(parents=True, exist_ok=True)
    d = Document()
    d.add_heading("PROPOSAL — Maple St. re-roof", level=1)
    d.add_paragraph("Client: Acme Holdings LLC")
    d.add_paragraph("Scope: Remove existing roofing down to deck")
    d.add_paragraph("Exclusions: Gutters and downspouts")
    d.add_paragraph("Total: $12,500.00")
    d.save(str(path))


def test_pdf_from_the_pipeline(client: TestClient, store: Store, settings: Settings) -> None:
    path = settings.data_dir / "done" / "maple.pdf"
    write_pdf(path, pages=1)
    handoff = process_path(path, settings, root=settings.data_dir)
    doc_id = store.save_extraction(handoff, source_name="maple.pdf", source_path=str(path))
    assert store.save_extraction(handoff, source_name="maple.pdf") == doc_id
    html = client.get("/").text
    assert "maple.pdf" in html and "Acme Holdings LLC" in html
    page = client.get(f"/documents/{doc_id}").text
    # The total's box sits where the text was drawn: x from 400 pt of a 612 pt page.
    m = re.search(r'data-row="f-price-total" title="Total" style="left:([\d.]+)%', page)
    assert m and 62 < float(m.group(1)) < 80
    assert client.get(f"/documents/{doc_id}/pages/1.png").status_code == 200


def test_docx_from_the_pipeline(client: TestClient, store: Store, settings: Settings) -> None:
    path = settings.data_dir / "done" / "maple.docx"
    _docx(path)
    handoff = process_path(path, settings, root=settings.data_dir)
    doc_id = store.save_extraction(handoff, source_name="maple.docx", source_path=str(path))
    page = client.get(f"/documents/{doc_id}").text
    assert "not a PDF" in page and 'class="box"' not in page
    assert re.search(r'<span class="where">(paragraph|table)[^<]*</span>', page)
    assert client.get(f"/documents/{doc_id}/pages/1.png").status_code == 404
