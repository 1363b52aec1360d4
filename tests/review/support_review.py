"""Helpers of the review tests: a real PDF writer and the CSRF token of a page."""

from __future__ import annotations

import hashlib
import re
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from support_store import HOSTILE, make_handoff  # noqa: E402

with warnings.catch_warnings():
    # starlette's TestClient warns when it falls back to httpx instead of httpx2.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

__all__ = ["HOSTILE", "TestClient", "csrf_of", "make_handoff", "write_pdf"]

LINES = [
    ("PROPOSAL — Maple St. re-roof", 72),
    ("Client: Acme Holdings LLC", 110),
    ("Scope: Remove existing roofing down to deck", 150),
    ("Exclusions: Gutters and downspouts", 190),
    ("Total: $12,500.00", 510),
]


def write_pdf(path: Path, pages: int = 2) -> str:
    """A small real PDF (reportlab); returns its sha256."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=letter, invariant=True)
    for n in range(pages):
        c.setFont("Helvetica", 12)
        for text, top in LINES:
            c.drawString(72 if "Total" not in text else 400, 792 - top - 12, text)
        c.drawString(72, 40, f"Page {n + 1}")
        c.showPage()
    c.save()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def csrf_of(client: TestClient, url: str = "/") -> str:
    """The CSRF token of a page's forms (and sets the cookie on ``client``)."""
    html = client.get(url).text
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "page has no CSRF token"
    return m.group(1)
